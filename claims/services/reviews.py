from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from claims.models import Claim, Fact, StatusChange
from claims.services.dispatch import dispatch_on_commit
from claims.services.statuses import claim_set_status, claim_url
from claims.webhooks.models import Event
from claims.webhooks.services import events_publish


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
        # Serialised with the checks of the same fact (they lock the same row).
        Fact.objects.select_for_update().filter(key=claim.fact_key).exists()
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
