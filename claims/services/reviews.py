from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from claims.models import Claim, Fact, StatusChange
from claims.services.checks import fact_row_ensure
from claims.services.dispatch import dispatch_on_commit
from claims.services.statuses import claim_set_status, claim_url
from claims.webhooks.models import Event
from claims.webhooks.services import events_publish

# A verdict's re-check not queued within this time lost its dispatch: the sweeper queues it.
RECHECK_GRACE = timedelta(minutes=2)


def claim_set_verdict(*, claim: Claim, reviewer: AbstractBaseUser, verdict: str, note: str = "") -> StatusChange | None:
    """A reviewer's verdict: `verified`, `refuted` or `unverifiable`.

    Checks never overwrite it. It clears the claim's review flag, and the other
    claims of the same fact are re-checked against it in background batches.
    """
    if verdict not in Claim.VERDICT_STATUSES:
        raise ValueError(f"{verdict!r} is not a verdict; use one of {', '.join(Claim.VERDICT_STATUSES)}")
    if not getattr(reviewer, "is_authenticated", False):
        raise ValueError("a verdict needs the reviewer who gives it")
    with transaction.atomic():
        fact_row_ensure(claim)
        # Locks the fact's row (verdicts are serialised with the checks of the fact) and
        # records the re-check owed, so that a lost dispatch is found by the sweeper.
        Fact.objects.filter(key=claim.fact_key).update(recheck_requested_at=timezone.now())
        change = claim_set_status(
            claim=claim, status=verdict, reason=note or f"reviewer verdict: {verdict}", actor_user=reviewer
        )
        Claim.objects.filter(pk=claim.pk).update(needs_review=False)
        claim.needs_review = False
        if verdict == Claim.Status.VERIFIED:
            events_publish(
                events=[
                    (
                        Event.Type.FACT_VERIFIED,
                        {
                            "fact_key": claim.fact_key,
                            "claim_id": claim.pk,
                            "value": claim.value,
                            "unit": claim.unit,
                            "reviewer": reviewer.get_username(),
                            "claim_url": claim_url(claim.pk),
                        },
                    )
                ]
            )
        from claims.tasks import recheck_fact

        dispatch_on_commit(recheck_fact, claim.fact_key)
    return change


def fact_recheck_batches(*, fact_key: str) -> list[list[int]]:
    """The claims of a fact without a verdict, in batches for the re-check tasks."""
    ids = list(
        Claim.objects.of_fact(fact_key)
        .exclude(status__in=Claim.VERDICT_STATUSES)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    size = settings.FACTCHECK_RECHECK_BATCH
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def fact_recheck_dispatch(*, fact_key: str) -> int:
    """Queue the re-check batches owed after a verdict; returns how many were queued.

    The request is cleared only once every batch is queued, and only if no newer
    verdict asked again meanwhile; a publish that fails leaves it for the sweeper.
    """
    from claims.tasks import recheck_claims

    requested = Fact.objects.filter(key=fact_key).values_list("recheck_requested_at", flat=True).first()
    batches = fact_recheck_batches(fact_key=fact_key)
    for batch in batches:
        recheck_claims.delay(fact_key, batch)
    if requested is not None:
        Fact.objects.filter(key=fact_key, recheck_requested_at=requested).update(recheck_requested_at=None)
    return len(batches)


def facts_requeue_stalled_rechecks() -> list[str]:
    """Queue again the re-checks whose dispatch was lost (broker down at the verdict, worker killed)."""
    from claims.tasks import recheck_fact

    stalled = list(
        Fact.objects.filter(recheck_requested_at__lt=timezone.now() - RECHECK_GRACE)
        .order_by("recheck_requested_at")
        .values_list("key", flat=True)[:1000]
    )
    for key in stalled:
        recheck_fact.delay(key)
    return stalled
