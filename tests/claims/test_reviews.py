from __future__ import annotations

import pytest

from claims.models import Claim, Fact, Finding, StatusChange
from claims.services.checks import claims_check, fact_check
from claims.services.reviews import (
    claim_set_verdict,
    fact_recheck_batches,
    fact_recheck_dispatch,
    facts_requeue_stalled_rechecks,
)
from claims.webhooks.models import Event


def check(*claims: Claim) -> None:
    claims_check(claim_ids=[c.pk for c in claims])


def recheck(fact_key: str) -> None:
    """What the recheck tasks do, batch by batch."""
    for batch in fact_recheck_batches(fact_key=fact_key):
        fact_check(fact_key=fact_key, claim_ids=batch, after_verdict=True)


def fresh(claim: Claim) -> Claim:
    claim.refresh_from_db()
    return claim


@pytest.fixture
def reviewer(django_user_model):
    from django.contrib.auth.models import Group

    rita = django_user_model.objects.create_user(username="rita", password="x-long-password", is_staff=True)
    rita.groups.add(Group.objects.get(name="reviewers"))
    return rita


@pytest.mark.django_db
def test_a_verdict_is_recorded_with_its_reviewer_and_note(make_claim, reviewer, django_capture_on_commit_callbacks):
    claim = make_claim(value=30)
    check(claim)

    with django_capture_on_commit_callbacks() as callbacks:
        change = claim_set_verdict(claim=claim, reviewer=reviewer, verdict="verified", note="annual report p. 4")

    claim = fresh(claim)
    assert (claim.status, claim.status_version, claim.needs_review) == ("verified", 2, False)
    assert (change.from_status, change.to_status, change.actor, change.reason) == (
        "unconfirmed",
        "verified",
        "rita",
        "annual report p. 4",
    )
    assert len(callbacks) == 1  # the re-check of the fact, queued after commit
    verified = Event.objects.get(type="fact.verified")
    assert verified.data["claim_id"] == claim.pk and verified.data["value"] == 30
    status_event = Event.objects.filter(type="claim.status_changed").latest("id")
    assert status_event.data["actor"] == "rita" and status_event.data["new_status"] == "verified"


@pytest.mark.django_db
@pytest.mark.parametrize("verdict", ["supported", "pending", "bogus"])
def test_only_verdicts_are_accepted(make_claim, reviewer, verdict):
    claim = make_claim()

    with pytest.raises(ValueError, match="is not a verdict"):
        claim_set_verdict(claim=claim, reviewer=reviewer, verdict=verdict)
    assert not StatusChange.objects.exists()


@pytest.mark.django_db
def test_checks_never_overwrite_a_verdict(make_claim, reviewer):
    refuted = make_claim(value=30)
    claim_set_verdict(claim=refuted, reviewer=reviewer, verdict="refuted", note="the filing says otherwise")
    unverifiable = make_claim(value=45)
    claim_set_verdict(claim=unverifiable, reviewer=reviewer, verdict="unverifiable")

    check(make_claim(value=30), make_claim(value=45))

    assert fresh(refuted).status == "refuted"
    assert fresh(unverifiable).status == "unverifiable"


@pytest.mark.django_db
def test_the_other_claims_of_a_fact_are_rechecked_against_a_verdict(make_claim, reviewer, settings):
    settings.FACTCHECK_RECHECK_BATCH = 2
    truth = make_claim(value=30)
    agreeing = [make_claim(value=30.1), make_claim(value=29.95)]
    disagreeing = [make_claim(value=35), make_claim(value=40)]
    check(truth, *agreeing, *disagreeing)
    assert {fresh(c).status for c in [truth, *agreeing, *disagreeing]} == {"conflicting"}

    claim_set_verdict(claim=truth, reviewer=reviewer, verdict="verified")
    assert len(fact_recheck_batches(fact_key=truth.fact_key)) == 2  # 4 claims, 2 a batch
    recheck(truth.fact_key)

    assert [fresh(c).status for c in agreeing] == ["supported", "supported"]
    assert [fresh(c).status for c in disagreeing] == ["contradicted", "contradicted"]
    assert Finding.objects.filter(claim=disagreeing[0], other_claim=truth, kind="contradicts_verified").exists()
    assert fresh(truth).needs_review is False  # a verdict's own re-check does not reopen it
    fact = Fact.objects.get(key=truth.fact_key)
    assert (fact.consensus_value, fact.basis, fact.verified_claim_id) == (30, "verified", truth.pk)

    recheck(truth.fact_key)  # a redelivered batch changes nothing
    assert StatusChange.objects.filter(claim=agreeing[0]).count() == 2  # -> conflicting -> supported


@pytest.mark.django_db
def test_a_new_source_that_disagrees_reopens_a_verdict_without_changing_it(make_claim, reviewer):
    verified = make_claim(value=30)
    claim_set_verdict(claim=verified, reviewer=reviewer, verdict="verified")

    newcomer = make_claim(value=44)
    check(newcomer)

    verified = fresh(verified)
    assert (verified.status, verified.needs_review) == ("verified", True)
    reopened = verified.findings.get(kind="reopened")
    assert reopened.other_claim_id == newcomer.pk
    assert "44" in reopened.explanation
    assert fresh(newcomer).status == "contradicted"
    assert verified in Claim.objects.needing_review()

    claim_set_verdict(claim=verified, reviewer=reviewer, verdict="verified", note="checked again")
    assert fresh(verified).needs_review is False


@pytest.mark.django_db
def test_a_new_source_that_agrees_with_a_verdict_is_supported(make_claim, reviewer):
    verified = make_claim(value=30)
    claim_set_verdict(claim=verified, reviewer=reviewer, verdict="verified")

    newcomer = make_claim(value=30, qualifier="approx")
    check(newcomer)

    assert fresh(newcomer).status == "supported"
    assert newcomer.findings.filter(kind="confirms_verified", other_claim=verified).exists()
    assert fresh(verified).needs_review is False


@pytest.mark.django_db
def test_repeating_a_refuted_value_counts_against_a_claim(make_claim, reviewer):
    wrong = make_claim(value=49)
    claim_set_verdict(claim=wrong, reviewer=reviewer, verdict="refuted", note="the filing says otherwise")

    repeat = make_claim(value=49)
    different = make_claim(value=35)
    check(repeat, different)

    assert fresh(repeat).status == "contradicted"
    assert repeat.findings.filter(kind="repeats_refuted", other_claim=wrong).exists()
    # the refuted figure does not count as a conflicting source: the repeat does
    assert fresh(different).status == "conflicting"
    reason = StatusChange.objects.filter(claim=different).latest("id").reason
    assert f"claim #{repeat.pk}" in reason


@pytest.mark.django_db
def test_the_review_queue(make_claim):
    lone = make_claim(value=30, subject="Lone", object="Lone Target")
    incomplete = make_claim(value=None, subject="Gap", object="Gap Target")
    bad_range = make_claim(value=130, subject="Range", object="Range Target")
    a = make_claim(value=10, subject="Pair", object="Pair Target")
    b = make_claim(value=20, subject="Pair", object="Pair Target")
    check(lone, incomplete, bad_range, a, b)

    assert set(Claim.objects.needing_review()) == {incomplete, bad_range, a, b}


@pytest.mark.django_db
def test_a_verdict_records_the_recheck_it_owes_until_it_is_queued(make_claim, reviewer):
    truth = make_claim(value=30)
    make_claim(value=40)

    claim_set_verdict(claim=truth, reviewer=reviewer, verdict="verified")

    fact = Fact.objects.get(key=truth.fact_key)
    assert fact.recheck_requested_at is not None
    assert fact_recheck_dispatch(fact_key=truth.fact_key) == 1  # one batch queued
    fact.refresh_from_db()
    assert fact.recheck_requested_at is None


@pytest.mark.django_db
def test_only_stalled_recheck_requests_are_swept(make_claim, reviewer):
    from datetime import timedelta

    from django.utils import timezone

    old, fresh = make_claim(subject="Old"), make_claim(subject="Fresh")
    claim_set_verdict(claim=old, reviewer=reviewer, verdict="verified")
    claim_set_verdict(claim=fresh, reviewer=reviewer, verdict="verified")
    Fact.objects.filter(key=old.fact_key).update(recheck_requested_at=timezone.now() - timedelta(minutes=5))

    assert facts_requeue_stalled_rechecks() == [old.fact_key]
