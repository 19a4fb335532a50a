"""The reviewer's workspace in the admin: one verdict path with its permission, the optimistic lock on every
path, no contradictory verified facts, corrections as recorded steps, the queue, takes, and the claim page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from claims.models import Claim, StatusChange
from claims.services.checks import claims_check
from claims.services.reviews import (
    ContradictoryVerdict,
    NotAllowed,
    NoteRequired,
    StaleVersion,
    Verdict,
    claim_correct,
    claim_take,
    claims_give_verdicts,
)
from claims.webhooks.models import Event

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/claims/claim/"
QUEUE = "/admin/claims/reviewqueue/"


def person(django_user_model, name: str, *groups: str, staff: bool = True):
    user = django_user_model.objects.create_user(username=name, password="a-long-test-password", is_staff=staff)
    for group in groups:
        user.groups.add(Group.objects.get(name=group))
    return user


def browser(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def rita(django_user_model):
    return person(django_user_model, "rita", "reviewers")


@pytest.fixture
def ines(django_user_model):
    return person(django_user_model, "ines", "reviewers")


def act(client, action, claims, versions=None, note="", url=CHANGELIST):
    data = {"action": action, "_selected_action": [c.pk for c in claims], "note": note}
    for c in claims:
        data[f"version-{c.pk}"] = (versions or {}).get(c.pk, c.status_version)
    return client.post(url, data, follow=True)


# --- one verdict path, one permission -------------------------------------------------


def test_staff_without_the_permission_cannot_give_a_verdict_through_any_path(django_user_model, make_claim):
    staff = person(django_user_model, "sam", "viewers")
    claim = make_claim()
    client = browser(staff)

    listed = act(client, "mark_verified", [claim])
    page = client.post(f"{CHANGELIST}{claim.pk}/verdict/", {"verdict": "verified", "version": 0}, follow=True)

    assert "No action selected" in listed.content.decode() or "mark_verified" not in listed.content.decode()
    assert "You may not give verdicts" in page.content.decode()
    with pytest.raises(NotAllowed):
        claims_give_verdicts(reviewer=staff, verdicts=[Verdict(claim.pk, "verified", 0)])
    claim.refresh_from_db()
    assert (claim.status, claim.status_version) == ("pending", 0)


def test_a_viewer_sees_the_claim_page_without_the_verdict_buttons(django_user_model, make_claim):
    claim = make_claim()

    page = browser(person(django_user_model, "vic", "viewers")).get(f"{CHANGELIST}{claim.pk}/change/")

    assert page.status_code == 200
    assert "verdict-verified" not in page.content.decode()


def test_the_claim_form_cannot_edit_what_the_engine_read(rita, make_claim):
    claim = make_claim(value=49)
    client = browser(rita)

    page = client.get(f"{CHANGELIST}{claim.pk}/change/").content.decode()
    posted = client.post(f"{CHANGELIST}{claim.pk}/change/", {"value": "12.5", "unit": "%"})

    assert 'name="_save"' not in page
    assert posted.status_code == 403
    claim.refresh_from_db()
    assert claim.value == 49


# --- the optimistic lock, through every path ------------------------------------------


def test_a_stale_list_action_is_refused_and_changes_nothing(rita, ines, make_claim):
    claim = make_claim()
    seen = claim.status_version
    act(browser(ines), "mark_verified", [claim])

    response = act(browser(rita), "mark_unverifiable", [claim], versions={claim.pk: seen})

    assert "changed since you loaded it" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == "verified"
    assert StatusChange.objects.filter(claim=claim).count() == 1


def test_a_stale_claim_page_is_refused_with_a_message(rita, ines, make_claim):
    claim = make_claim()
    claims_give_verdicts(reviewer=ines, verdicts=[Verdict(claim.pk, "verified", 0)])

    response = browser(rita).post(
        f"{CHANGELIST}{claim.pk}/verdict/", {"verdict": "unverifiable", "version": 0}, follow=True
    )

    assert "changed since you loaded it" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == "verified"


def test_a_list_action_on_claims_not_shown_is_refused(rita, make_claim):
    claim = make_claim()

    response = browser(rita).post(
        CHANGELIST, {"action": "mark_verified", "_selected_action": [claim.pk], "note": ""}, follow=True
    )

    assert "were not" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == "pending"


def test_the_claim_page_verdict_with_a_note_then_opens_the_next_claim(rita, make_article, make_claim):
    claim = make_claim(article=make_article(), value=30)
    other = make_claim(article=make_article(), value=40)
    claims_check(claim_ids=[claim.pk, other.pk])
    claim.refresh_from_db()

    response = browser(rita).post(
        f"{CHANGELIST}{claim.pk}/verdict/",
        {"verdict": "verified", "note": "annual report", "version": claim.status_version, "then": "next"},
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"/{other.pk}/change/")
    record = StatusChange.objects.filter(claim=claim).latest("status_version")
    assert (record.to_status, record.reason, record.actor) == ("verified", "annual report", "rita")


def test_refuting_needs_a_note_on_the_page_and_in_the_list(rita, make_claim):
    claim = make_claim()

    page = browser(rita).post(f"{CHANGELIST}{claim.pk}/verdict/", {"verdict": "refuted", "version": 0}, follow=True)
    listed = act(browser(rita), "mark_refuted", [claim])

    assert "needs a note" in page.content.decode()
    assert "needs a note" in listed.content.decode()
    claim.refresh_from_db()
    assert claim.status == "pending"


# --- no contradictory verified facts ---------------------------------------------------


def test_two_disagreeing_values_verified_in_one_action_are_refused_naming_the_other(rita, make_article, make_claim):
    a = make_claim(article=make_article(), value=49)
    b = make_claim(article=make_article(), value=12.5)

    response = act(browser(rita), "mark_verified", [a, b])

    assert "disagrees with claim" in response.content.decode()
    assert not Claim.objects.filter(status="verified").exists()


def test_a_verified_value_can_be_replaced_by_refuting_it_in_the_same_step(rita, make_article, make_claim):
    old = make_claim(article=make_article(), value=49)
    new = make_claim(article=make_article(), value=12.5)
    claims_give_verdicts(reviewer=rita, verdicts=[Verdict(old.pk, "verified", 0)])
    old.refresh_from_db()

    with pytest.raises(ContradictoryVerdict, match=f"#{old.pk}"):
        claims_give_verdicts(reviewer=rita, verdicts=[Verdict(new.pk, "verified", 0)])
    claims_give_verdicts(
        reviewer=rita,
        verdicts=[Verdict(old.pk, "refuted", old.status_version), Verdict(new.pk, "verified", 0)],
        note="the filing says 12.5",
    )

    assert dict(Claim.objects.values_list("pk", "status")) == {old.pk: "refuted", new.pk: "verified"}


# --- corrections ----------------------------------------------------------------------


def test_an_editor_corrects_a_value_as_a_recorded_step(
    django_user_model, make_claim, django_capture_on_commit_callbacks
):
    editor = person(django_user_model, "ed", "editors")
    claim = make_claim(value=49)

    with django_capture_on_commit_callbacks() as queued:
        browser(editor).post(
            f"{CHANGELIST}{claim.pk}/correct/",
            {
                "subject": "Orvane",
                "object": "Kelpie Systems",
                "value": "12.5",
                "unit": "%",
                "time": "",
                "qualifier": "exact",
                "modality": "asserted",
                "reason": "the sentence says 12.5 %, the engine read 49 from the previous one",
                "version": 0,
            },
        )

    claim.refresh_from_db()
    assert (claim.value, claim.status_version) == (12.5, 1)
    record = StatusChange.objects.get(claim=claim)
    assert record.changes == {"value": [49.0, 12.5]}
    assert record.actor == "ed" and "engine read 49" in record.reason
    event = Event.objects.get(type="claim.corrected")
    assert event.data["changes"] == {"value": [49.0, 12.5]}
    assert len(queued) >= 1  # the claim is checked again


def test_a_correction_needs_the_editor_role_a_reason_and_the_current_version(rita, django_user_model, make_claim):
    editor = person(django_user_model, "ed", "editors")
    claim = make_claim(value=49)

    with pytest.raises(NotAllowed):
        claim_correct(claim=claim, editor=rita, reason="typo", expected_version=0, changes={"value": 12.5})
    for reason, version, refusal in (("", 0, NoteRequired), ("typo", 7, StaleVersion)):
        with pytest.raises(refusal):
            claim_correct(claim=claim, editor=editor, reason=reason, expected_version=version, changes={"value": 12.5})

    claim.refresh_from_db()
    assert (claim.value, claim.status_version) == (49, 0)


# --- the queue and takes -----------------------------------------------------------------


def test_the_queue_puts_the_most_urgent_first_with_snippet_and_outlet(rita, make_article, make_claim):
    lonely = make_claim(article=make_article(url="https://harbour-ledger.example/a"), subject="Lone", object="Alone")
    a = make_claim(article=make_article(), value=30)
    b = make_claim(article=make_article(), value=40)
    claims_check(claim_ids=[lonely.pk, a.pk, b.pk])

    page = browser(rita).get(QUEUE).content.decode()

    assert page.index(f"/{a.pk}/change/") < page.index(f"/{lonely.pk}/change/")
    assert "harbour-ledger.example" in page
    assert "w1x0" in page or "Report" in page  # the sentence snippet


def test_the_queue_costs_the_same_queries_for_many_claims(
    rita, make_article, make_claim, django_assert_max_num_queries
):
    client = browser(rita)
    for i in range(60):
        make_claim(article=make_article(), value=10 + i, subject=f"Company {i}")
    with django_assert_max_num_queries(12):
        assert client.get(QUEUE).status_code == 200


def test_a_taken_claim_is_refused_to_others_until_the_take_expires(rita, ines, make_claim):
    claim = make_claim()
    claim_take(claim=claim, reviewer=ines)

    refused = browser(rita).post(f"{CHANGELIST}{claim.pk}/verdict/", {"verdict": "verified", "version": 0}, follow=True)
    assert "taken by ines" in refused.content.decode()

    Claim.objects.filter(pk=claim.pk).update(taken_until=timezone.now() - timedelta(seconds=1))
    ok = browser(rita).post(f"{CHANGELIST}{claim.pk}/verdict/", {"verdict": "verified", "version": 0}, follow=True)

    assert "marked" in ok.content.decode()
    claim.refresh_from_db()
    assert (claim.status, claim.taken_by) == ("verified", None)


def test_the_claim_page_shows_the_claim_in_words_with_the_value_for_the_reader(rita, make_claim):
    claim = make_claim(predicate="revenue", object=None, value=1_200_000_000, unit="USD", time="2024")

    page = browser(rita).get(f"{CHANGELIST}{claim.pk}/change/", HTTP_ACCEPT_LANGUAGE="de").content.decode()

    assert "Orvane had revenue of 1,200,000,000 USD in 2024" in page
    assert "1,2\xa0Mrd.\xa0$" in page or "1,2 Mrd. $" in page
    assert "1200000000.0" not in page


def test_view_site_leads_somewhere(rita):
    page = browser(rita).get("/admin/").content.decode()

    assert 'href="/api/docs/"' in page
    assert "/admin/claims/reviewqueue/" in page


def queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_queue_costs_a_constant_number_of_queries_up_to_a_thousand_claims(rita, make_article, make_claim):
    client = browser(rita)
    for i in range(10):
        make_claim(article=make_article(), subject=f"Company {i}")
    client.get(QUEUE)  # warms the content-type cache, read once per process
    few = queries(client, QUEUE)
    for i in range(10, 1000):
        make_claim(article=make_article(), subject=f"Company {i}")

    many = queries(client, QUEUE)

    assert many == few
    print(f"\n  queue: {many} queries with 1,000 claims, {few} with 10")


def test_the_claim_page_costs_the_same_queries_with_fifty_sources(rita, make_article, make_claim):
    client = browser(rita)
    claim = make_claim(article=make_article(), value=30)
    make_claim(article=make_article(), value=30)
    claims_check(claim_ids=list(Claim.objects.values_list("pk", flat=True)))
    client.get(f"{CHANGELIST}{claim.pk}/change/")  # warms the content-type cache, read once per process
    few = queries(client, f"{CHANGELIST}{claim.pk}/change/")
    others = [make_claim(article=make_article(), value=30 + i % 3) for i in range(48)]
    claims_check(claim_ids=[c.pk for c in others])

    many = queries(client, f"{CHANGELIST}{claim.pk}/change/")

    assert many == few
    print(f"\n  claim page: {many} queries with 50 sources for its fact, {few} with 2")
