"""The webhooks API: endpoints with secrets shown once, deliveries, replay; every read scoped to its owner."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone
from rest_framework.test import APIClient

from claims.webhooks.models import Delivery, Endpoint, EndpointSecret
from claims.webhooks.services import delivery_attempt, endpoint_create, events_publish
from claims.webhooks.vault import unseal

pytestmark = pytest.mark.django_db

ENDPOINTS = "/api/v1/webhooks/endpoints/"
DELIVERIES = "/api/v1/webhooks/deliveries/"


@pytest.fixture
def other(django_user_model):
    return django_user_model.objects.create_user(username="bo", password="another-long-password")


@pytest.fixture
def other_api(other) -> APIClient:
    client = APIClient()
    client.force_authenticate(other)
    return client


def _create(api, receiver, **overrides):
    body = {"url": receiver.url, "event_types": ["claim.status_changed", "fact.verified"], **overrides}
    return api.post(ENDPOINTS, body, format="json")


def test_creating_an_endpoint_shows_its_secret_once(api, user, receiver):
    response = _create(api, receiver, description="our CMS")

    assert response.status_code == 201, response.json()
    body = response.json()
    secret = body.pop("secret")
    assert secret.startswith("whsec_") and len(secret) == len("whsec_") + 44
    assert body == {
        "id": body["id"],
        "url": receiver.url,
        "description": "our CMS",
        "event_types": ["claim.status_changed", "fact.verified"],
        "state": "active",
        "disabled_reason": "",
        "disabled_at": None,
        "failing_since": None,
        "created_at": body["created_at"],
        "updated_at": body["updated_at"],
    }
    endpoint = Endpoint.objects.get()
    assert endpoint.owner == user
    # stored encrypted: only the vault's key opens it
    [stored] = EndpointSecret.objects.values_list("secret", flat=True)
    assert secret not in stored and unseal(stored) == secret
    # never again: not in the detail, the list, or an update
    for answer in (
        api.get(f"{ENDPOINTS}{endpoint.pk}/"),
        api.get(ENDPOINTS),
        api.patch(f"{ENDPOINTS}{endpoint.pk}/", {"description": "x"}, format="json"),
    ):
        assert answer.status_code == 200
        assert secret not in answer.content.decode()
        assert "secret" not in answer.content.decode()


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"url": "https://127.0.0.1/x"}, "url", "not a public address"),
        ({"url": "ftp://hooks.example.org/"}, "url", "must start with"),
        ({"event_types": []}, "event_types", "Subscribe to one or more of claim.status_changed"),
        ({"event_types": ["claim.deleted"]}, "event_types", '"claim.deleted" is not an event type'),
        ({"colour": "blue"}, "colour", "Unknown field"),
    ],
)
def test_invalid_endpoints_are_refused_naming_the_field(api, receiver, settings, body, field, message):
    settings.WEBHOOKS_ALLOW_LOOPBACK = False
    settings.WEBHOOKS_ALLOW_HTTP = False
    response = _create(api, receiver, **{"url": "https://hooks.example.org/in", **body})

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]
    assert message in str(response.json()["errors"][field])
    assert not Endpoint.objects.exists()


def test_an_owner_cannot_have_more_endpoints_than_the_limit(api, other_api, user, receiver, settings):
    settings.WEBHOOKS_MAX_ENDPOINTS_PER_OWNER = 2
    first = _create(api, receiver).json()
    assert _create(api, receiver).status_code == 201
    # a disabled endpoint counts: its owner can enable it again
    assert api.patch(f"{ENDPOINTS}{first['id']}/", {"enabled": False}, format="json").status_code == 200

    response = _create(api, receiver)

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "endpoints": [
            "You have 2 endpoints; the limit is 2. "
            "Delete one you no longer use (disabled ones count too), then add this one."
        ]
    }
    assert Endpoint.objects.filter(owner=user).count() == 2
    # each owner has their own allowance
    assert _create(other_api, receiver).status_code == 201
    # and deleting one makes room again
    assert api.delete(f"{ENDPOINTS}{first['id']}/").status_code == 204
    assert _create(api, receiver).status_code == 201


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_creates_cannot_both_pass_the_limit(api, user, receiver, settings):
    settings.WEBHOOKS_MAX_ENDPOINTS_PER_OWNER = 1
    created, release = threading.Event(), threading.Event()
    waited_for_lock: list[bool] = []

    def first():
        # a create whose transaction is still open when the second one counts
        try:
            with transaction.atomic():
                endpoint_create(owner=user, url=receiver.url, event_types=["claim.created"])
                created.set()
                release.wait(10)
        finally:
            connection.close()

    def release_once_the_second_waits():
        try:
            with connection.cursor() as cursor:
                deadline = time.monotonic() + 10
                while time.monotonic() < deadline:
                    cursor.execute(
                        "SELECT count(*) FROM pg_stat_activity"
                        " WHERE datname = current_database() AND wait_event_type = 'Lock'"
                    )
                    if cursor.fetchone()[0]:
                        waited_for_lock.append(True)
                        break
                    time.sleep(0.02)
        finally:
            release.set()
            connection.close()

    holder = threading.Thread(target=first)
    holder.start()
    assert created.wait(10)
    watcher = threading.Thread(target=release_once_the_second_waits)
    watcher.start()

    second = _create(api, receiver)
    holder.join(10)
    watcher.join(10)

    # the second waited for the first to commit, then counted its endpoint
    assert waited_for_lock == [True]
    assert second.status_code == 400 and list(second.json()["errors"]) == ["endpoints"]
    assert Endpoint.objects.filter(owner=user).count() == 1


def test_rotating_the_secret_returns_the_new_one_once(api, receiver, clock):
    created = _create(api, receiver).json()

    response = api.post(f"{ENDPOINTS}{created['id']}/rotate-secret/", {"overlap_hours": 2}, format="json")

    assert response.status_code == 201
    new = response.json()["secret"]
    assert new.startswith("whsec_") and new != created["secret"]
    assert response.json()["previous_secrets_expire_at"] == (clock.now + timedelta(hours=2)).isoformat().replace(
        "+00:00", "Z"
    )
    assert unseal(EndpointSecret.objects.filter(expires_at__isnull=True).get().secret) == new
    bad = api.post(f"{ENDPOINTS}{created['id']}/rotate-secret/", {"overlap_hours": 1000}, format="json")
    assert bad.status_code == 400 and list(bad.json()["errors"]) == ["overlap_hours"]


def test_disabling_and_enabling_an_endpoint(api, receiver):
    created = _create(api, receiver).json()
    url = f"{ENDPOINTS}{created['id']}/"

    off = api.patch(url, {"enabled": False}, format="json")
    assert off.status_code == 200
    assert (off.json()["state"], off.json()["disabled_reason"]) == ("disabled", "disabled by its owner")
    on = api.patch(url, {"enabled": True, "event_types": ["claim.created"]}, format="json")
    assert on.status_code == 200
    assert (on.json()["state"], on.json()["event_types"], on.json()["disabled_at"]) == (
        "active",
        ["claim.created"],
        None,
    )


def _deliveries(user_endpoint: Endpoint, n: int) -> list[Delivery]:
    events_publish(events=[("claim.status_changed", {"claim_id": i}) for i in range(n)])
    return list(Delivery.objects.filter(endpoint=user_endpoint).order_by("pk"))


def test_another_owners_endpoints_and_deliveries_are_not_found(api, other_api, receiver, user):
    mine = _create(api, receiver).json()
    [delivery] = _deliveries(Endpoint.objects.get(pk=mine["id"]), 1)
    Delivery.objects.filter(pk=delivery.pk).update(state="failed", next_attempt_at=None)
    endpoint_url, delivery_url = f"{ENDPOINTS}{mine['id']}/", f"{DELIVERIES}{delivery.pk}/"

    answers = {
        "list endpoints": other_api.get(ENDPOINTS),
        "list deliveries": other_api.get(DELIVERIES),
    }
    assert answers["list endpoints"].json()["results"] == []
    assert answers["list deliveries"].json()["results"] == []
    for answer in (
        other_api.get(endpoint_url),
        other_api.patch(endpoint_url, {"url": "https://evil.example.org/"}, format="json"),
        other_api.delete(endpoint_url),
        other_api.post(f"{endpoint_url}rotate-secret/", {}, format="json"),
        other_api.get(delivery_url),
        other_api.post(f"{delivery_url}replay/"),
        other_api.post(
            f"{DELIVERIES}replay-failed/",
            {"since": "2000-01-01T00:00:00Z", "until": "2100-01-01T00:00:00Z", "endpoint": mine["id"]},
            format="json",
        ),
    ):
        assert answer.status_code == 404, answer.content
    # nothing changed, nothing replayed
    assert Endpoint.objects.get().url == receiver.url
    assert Delivery.objects.get().state == "failed"
    bulk = other_api.post(
        f"{DELIVERIES}replay-failed/", {"since": "2000-01-01T00:00:00Z", "until": "2100-01-01T00:00:00Z"}, format="json"
    )
    assert bulk.status_code == 202 and bulk.json() == {"replayed": 0}
    assert Delivery.objects.get().state == "failed"
    assert APIClient().get(DELIVERIES).status_code == 401


def test_listing_deliveries_costs_the_same_queries_for_any_number(
    api, receiver, django_assert_num_queries, make_endpoint
):
    endpoint = make_endpoint()
    _deliveries(endpoint, 3)
    with django_assert_num_queries(1):  # the page (a cursor needs no count)
        few = api.get(DELIVERIES)
    _deliveries(endpoint, 30)
    with django_assert_num_queries(1):
        many = api.get(DELIVERIES)

    assert few.status_code == many.status_code == 200
    assert len(many.json()["results"]) == 33
    first = many.json()["results"][0]
    delivery = Delivery.objects.select_related("event").latest("pk")
    assert first == {
        "id": delivery.pk,
        "endpoint": endpoint.pk,
        "webhook_id": delivery.event.webhook_id,
        "event_type": "claim.status_changed",
        "state": "pending",
        "attempt_count": 0,
        "next_attempt_at": first["next_attempt_at"],
        "last_status_code": None,
        "last_error": "",
        "created_at": first["created_at"],
        "completed_at": None,
    }


def test_a_delivery_shows_its_payload_and_attempts(api, receiver, make_endpoint, django_assert_num_queries):
    endpoint = make_endpoint()
    [delivery] = _deliveries(endpoint, 1)
    receiver.respond((500, {}, b"<b>boom</b>"))
    delivery_attempt(delivery_id=delivery.pk)
    delivery_attempt(delivery_id=delivery.pk)  # not due yet: skipped

    with django_assert_num_queries(2):  # delivery with event and endpoint, attempts
        response = api.get(f"{DELIVERIES}{delivery.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert body["payload"]["type"] == "claim.status_changed"
    assert body["payload"]["data"] == {"claim_id": 0}
    [attempt] = body["attempts"]
    assert (attempt["number"], attempt["status_code"], attempt["error"]) == (1, 500, "HTTP 500")
    # the receiver's answer is data in a JSON string, never markup
    assert attempt["response_body"] == "<b>boom</b>"
    assert response["content-type"] == "application/json"


@pytest.mark.parametrize(
    ("query", "field"),
    [("state=lost", "state"), ("event_type=x", "event_type"), ("endpoint=a", "endpoint"), ("since=yesterday", "since")],
)
def test_bad_delivery_filters_are_400_naming_the_field(api, query, field):
    response = api.get(f"{DELIVERIES}?{query}")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]


def test_filtering_deliveries(api, receiver, make_endpoint):
    first = make_endpoint()
    second = make_endpoint(event_types=["claim.created"])
    events_publish(events=[("claim.status_changed", {}), ("claim.created", {})])
    Delivery.objects.filter(endpoint=second).update(state="failed", next_attempt_at=None)

    def ids(query):
        return [d["endpoint"] for d in api.get(f"{DELIVERIES}?{query}").json()["results"]]

    assert ids(f"endpoint={first.pk}") == [first.pk]
    assert ids("state=failed") == [second.pk]
    assert ids("event_type=claim.created") == [second.pk]
    now = timezone.now()
    assert ids(f"since={(now - timedelta(minutes=1)).isoformat()}".replace("+", "%2B")) == [second.pk, first.pk]
    assert ids(f"until={(now - timedelta(minutes=1)).isoformat()}".replace("+", "%2B")) == []


def test_replaying_one_delivery_keeps_its_webhook_id(api, receiver, make_endpoint):
    endpoint = make_endpoint()
    [delivery] = _deliveries(endpoint, 1)
    delivery_attempt(delivery_id=delivery.pk)

    response = api.post(f"{DELIVERIES}{delivery.pk}/replay/")

    assert response.status_code == 202
    assert (response.json()["state"], response.json()["attempt_count"]) == ("pending", 0)
    delivery_attempt(delivery_id=delivery.pk)
    assert receiver.ids() == [delivery.event.webhook_id] * 2
    assert all(r.verified_by(endpoint.secret) for r in receiver.received)
    # a pending delivery is not replayed; nor one whose endpoint is disabled
    Delivery.objects.filter(pk=delivery.pk).update(state="pending", next_attempt_at=timezone.now())
    pending = api.post(f"{DELIVERIES}{delivery.pk}/replay/")
    assert pending.status_code == 400 and list(pending.json()["errors"]) == ["state"]
    Delivery.objects.filter(pk=delivery.pk).update(state="failed")
    api.patch(f"{ENDPOINTS}{endpoint.pk}/", {"enabled": False}, format="json")
    disabled = api.post(f"{DELIVERIES}{delivery.pk}/replay/")
    assert disabled.status_code == 400 and list(disabled.json()["errors"]) == ["endpoint"]


def test_replaying_the_failed_deliveries_of_a_time_range(api, receiver, make_endpoint, clock):
    endpoint = make_endpoint()
    start = clock.now
    old = _deliveries(endpoint, 2)
    clock.advance(hours=2)
    recent = _deliveries(endpoint, 3)[2:]
    Delivery.objects.update(state="failed", next_attempt_at=None, attempt_count=10)
    Delivery.objects.filter(pk=recent[0].pk).update(state="succeeded")

    response = api.post(
        f"{DELIVERIES}replay-failed/",
        {"since": start.isoformat(), "until": (start + timedelta(hours=1)).isoformat(), "endpoint": endpoint.pk},
        format="json",
    )

    assert response.status_code == 202
    assert response.json() == {"replayed": 2}
    assert set(Delivery.objects.filter(state="pending").values_list("pk", flat=True)) == {d.pk for d in old}
    assert set(Delivery.objects.filter(state="pending").values_list("attempt_count", flat=True)) == {0}
    assert Delivery.objects.get(pk=recent[0].pk).state == "succeeded"
    backwards = api.post(
        f"{DELIVERIES}replay-failed/", {"since": start.isoformat(), "until": start.isoformat()}, format="json"
    )
    assert backwards.status_code == 400 and list(backwards.json()["errors"]) == ["until"]


def test_deleting_an_endpoint(api, receiver, make_endpoint):
    endpoint = make_endpoint()
    _deliveries(endpoint, 2)
    assert api.delete(f"{ENDPOINTS}{endpoint.pk}/").status_code == 204
    assert not Endpoint.objects.exists() and not Delivery.objects.exists()


def test_listing_endpoints_costs_one_query(api, receiver, make_endpoint, django_assert_num_queries):
    for _ in range(5):
        make_endpoint()
    with django_assert_num_queries(1):  # the page (a cursor needs no count)
        response = api.get(ENDPOINTS)
    assert response.status_code == 200
    assert len(response.json()["results"]) == 5
