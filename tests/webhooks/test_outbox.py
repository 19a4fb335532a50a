"""The outbox: events and their deliveries are written with the change, in its transaction."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.db import transaction

from claims.models import Claim
from claims.services.articles import _store_extraction
from claims.services.statuses import Change, claims_set_status
from claims.webhooks.models import Delivery, Event
from claims.webhooks.services import MAX_PAYLOAD_BYTES, events_publish
from factcheck.claim import Claim as Found
from factcheck.claim import Extraction

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(monkeypatch) -> list[int]:
    """The deliveries handed to the fast path (the broker), in order."""
    from claims.webhooks import tasks

    ids: list[int] = []
    monkeypatch.setattr(tasks.deliver, "delay", lambda delivery_id, *a: ids.append(delivery_id))
    return ids


def test_one_delivery_per_subscribed_active_endpoint(make_endpoint, user):
    status = make_endpoint(event_types=["claim.status_changed"])
    both = make_endpoint(event_types=["claim.status_changed", "claim.created"])
    make_endpoint(event_types=["fact.verified"])
    off = make_endpoint(event_types=["claim.status_changed"])
    off.state, off.disabled_at = "disabled", off.created_at
    off.save()

    [changed, created] = events_publish(events=[("claim.status_changed", {"n": 1}), ("claim.created", {"n": 2})])

    assert sorted(Delivery.objects.values_list("event_id", "endpoint_id")) == sorted(
        [(changed.pk, status.pk), (changed.pk, both.pk), (created.pk, both.pk)]
    )
    assert set(Delivery.objects.values_list("state", "attempt_count")) == {("pending", 0)}


def test_publishing_costs_three_queries_for_any_number_of_events(make_endpoint, django_assert_num_queries):
    # (SQLite splits inserts past 999 parameters: the counts stay below that)
    for _ in range(2):
        make_endpoint(event_types=["claim.created"])
    with django_assert_num_queries(3):  # events, endpoints, deliveries
        events_publish(events=[("claim.created", {"claim_id": i}) for i in range(2)])
    with django_assert_num_queries(3):
        events_publish(events=[("claim.created", {"claim_id": i}) for i in range(30)])
    assert Delivery.objects.count() == 64


def test_a_payload_over_20_kb_is_refused():
    with pytest.raises(ValueError, match="over the 20,000-byte limit"):
        events_publish(events=[("claim.created", {"text": "x" * MAX_PAYLOAD_BYTES})])
    assert not Event.objects.exists()


def test_deliveries_are_queued_only_after_the_commit(
    make_endpoint, make_claim, queued, django_capture_on_commit_callbacks
):
    make_endpoint()
    claims = [make_claim() for _ in range(3)]

    with django_capture_on_commit_callbacks(execute=True):
        claims_set_status(changes=[Change(c, "supported", "agrees") for c in claims], actor_system="checks")
        assert queued == []

    assert queued == list(Delivery.objects.order_by("pk").values_list("pk", flat=True))
    assert len(queued) == 3


def test_a_rolled_back_transaction_writes_and_sends_nothing(
    make_endpoint, make_claim, queued, receiver, django_capture_on_commit_callbacks
):
    make_endpoint()
    claim = make_claim()

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        claims_set_status(changes=[Change(claim, "supported", "agrees")], actor_system="checks")
        assert Delivery.objects.count() == 1
        raise RuntimeError("the request failed after the change")

    assert callbacks == []
    assert queued == []
    assert not Event.objects.exists() and not Delivery.objects.exists()
    claim.refresh_from_db()
    assert claim.status == "pending"
    assert receiver.received == []


def _extraction(*values: float) -> Extraction:
    return Extraction(
        lang="en",
        claims=[
            Found(
                predicate="stake",
                subject="Orvane",
                object=f"Kelpie {i}",
                value=v,
                unit="%",
                text=f"Orvane holds {v}% of Kelpie {i}.",
                span=(i * 40, i * 40 + 30),
            )
            for i, v in enumerate(values)
        ],
        entities={"Orvane": "organisation", **{f"Kelpie {i}": "organisation" for i in range(len(values))}},
    )


def test_storing_an_extraction_publishes_claim_created_and_article_processed(make_article, make_endpoint):
    make_endpoint(event_types=["claim.created", "article.processed"])
    article = make_article(state="processing")

    ids = _store_extraction(article, _extraction(30, 12.5))

    created = list(Event.objects.filter(type="claim.created").order_by("id"))
    assert [e.data for e in created] == [
        {
            "claim_id": pk,
            "article_id": article.pk,
            "predicate": "stake",
            "fact_key": Claim.objects.get(pk=pk).fact_key,
            "status": "pending",
            "claim_url": f"http://127.0.0.1:8000/api/v1/claims/{pk}/",
        }
        for pk in ids
    ]
    [processed] = Event.objects.filter(type="article.processed")
    assert processed.data == {
        "article_id": article.pk,
        "state": "done",
        "language": "en",
        "claim_count": 2,
        "new_claim_count": 2,
        "claim_ids": ids,
        "claim_ids_truncated": False,
        "article_url": f"http://127.0.0.1:8000/api/v1/articles/{article.pk}/",
    }
    assert Delivery.objects.count() == 3

    # a second run (a worker took over) stores no claim twice and announces none twice
    _store_extraction(article, _extraction(30, 12.5, 7))
    assert Event.objects.filter(type="claim.created").count() == 3
    latest = Event.objects.filter(type="article.processed").latest("id")
    assert (latest.data["claim_count"], latest.data["new_claim_count"]) == (3, 1)


def test_a_failed_extraction_store_publishes_nothing(make_article, make_endpoint, monkeypatch):
    make_endpoint(event_types=["claim.created", "article.processed"])
    article = make_article(state="processing")
    monkeypatch.setattr("claims.services.articles.claim_url", lambda pk: 1 / 0)

    with pytest.raises(ZeroDivisionError):
        _store_extraction(article, _extraction(30))

    assert not Claim.objects.exists()
    assert not Event.objects.exists() and not Delivery.objects.exists()


def test_a_verdict_publishes_status_changed_and_fact_verified_to_their_subscribers(
    make_endpoint, make_claim, django_user_model
):
    from claims.services.reviews import claim_set_verdict

    reviewer = django_user_model.objects.create_user(username="rita", password="x-long-password", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="reviewers"))
    both = make_endpoint(event_types=["claim.status_changed", "fact.verified"])
    facts = make_endpoint(event_types=["fact.verified"])
    claim = make_claim()

    claim_set_verdict(claim=claim, reviewer=reviewer, verdict="verified")

    rows = sorted(Delivery.objects.values_list("endpoint_id", "event__type"))
    assert rows == sorted([(both.pk, "claim.status_changed"), (both.pk, "fact.verified"), (facts.pk, "fact.verified")])
    verified = Event.objects.get(type="fact.verified")
    assert verified.data == {
        "fact_key": claim.fact_key,
        "claim_id": claim.pk,
        "value": 30.0,
        "unit": "%",
        "reviewer": "rita",
        "claim_url": f"http://127.0.0.1:8000/api/v1/claims/{claim.pk}/",
    }


@pytest.mark.parametrize("char", ["€", "\x01", "😀"])
def test_a_very_long_reason_is_cut_in_the_event_not_refused(make_endpoint, make_claim, char):
    from claims.models import StatusChange
    from claims.services.statuses import EVENT_REASON_CHARS, claim_set_status
    from claims.webhooks.services import envelope_body

    make_endpoint()
    claim = make_claim()
    reason = char * 30_000

    claim_set_status(claim=claim, status="supported", reason=reason, actor_system="checks")

    assert StatusChange.objects.get().reason == reason
    event = Event.objects.get()
    assert len(event.data["reason"]) == EVENT_REASON_CHARS and event.data["reason"].endswith("…")
    assert len(envelope_body(event)) <= MAX_PAYLOAD_BYTES
    assert Delivery.objects.count() == 1
