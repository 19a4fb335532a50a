from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.urls import reverse

from claims.models import Claim, StatusChange
from claims.webhooks.models import Event
from claims.webhooks.services import events_publish

# Characters of a reason carried in a claim.status_changed event: at most 6 bytes each in
# the JSON body (a control character, \u-escaped), 18 kB, leaving room for the rest of
# the event under the 20 kB limit.
EVENT_REASON_CHARS = 3000


@dataclass(frozen=True)
class Change:
    claim: Claim
    status: str
    reason: str


def claim_set_status(
    *,
    claim: Claim,
    status: str,
    reason: str,
    actor_user: AbstractBaseUser | None = None,
    actor_system: str = "",
) -> StatusChange | None:
    """Change one claim's status; see `claims_set_status`. None when it already has that status."""
    changes = claims_set_status(
        changes=[Change(claim, status, reason)], actor_user=actor_user, actor_system=actor_system
    )
    return changes[0] if changes else None


def claims_set_status(
    *,
    changes: list[Change],
    actor_user: AbstractBaseUser | None = None,
    actor_system: str = "",
) -> list[StatusChange]:
    """Change claims' statuses: the one place where that happens.

    Each change bumps the claim's `status_version` and writes, in one transaction,
    a StatusChange (who or what, from, to, why) and a `claim.status_changed` event
    (the webhook outbox). Costs a constant number of queries for any number of
    changes. Changes to the status a claim already has are skipped.
    """
    for change in changes:
        if change.status not in Claim.Status.values:
            raise ValueError(f"unknown claim status {change.status!r}; expected one of {Claim.Status.values}")
    if actor_user is None and not actor_system:
        raise ValueError("a status change needs an actor: a reviewer (actor_user) or a system step (actor_system)")
    if not changes:
        return []
    with transaction.atomic():
        # The row locks order concurrent changes of one claim; each version written
        # is the one read under the lock plus one.
        current = {
            c.pk: c
            for c in Claim.objects.select_for_update()
            .filter(pk__in=[ch.claim.pk for ch in changes])
            .only("status", "status_version", "fact_key")
            .order_by("pk")
        }
        rows, records = [], []
        for change in changes:
            now = current[change.claim.pk]
            if now.status == change.status:
                change.claim.status, change.claim.status_version = now.status, now.status_version
                continue
            records.append(
                StatusChange(
                    claim_id=now.pk,
                    from_status=now.status,
                    to_status=change.status,
                    status_version=now.status_version + 1,
                    actor_user=actor_user,
                    actor_system=actor_system,
                    reason=change.reason,
                )
            )
            now.status, now.status_version = change.status, now.status_version + 1
            change.claim.status, change.claim.status_version = now.status, now.status_version
            rows.append(now)
        if not rows:
            return []
        Claim.objects.bulk_update(rows, ["status", "status_version"])
        StatusChange.objects.bulk_create(records)
        actor = actor_user.get_username() if actor_user is not None else actor_system
        events_publish(
            events=[
                (Event.Type.CLAIM_STATUS_CHANGED, _status_event(claim, record, actor))
                for claim, record in zip(rows, records, strict=True)
            ]
        )
    return records


def claim_url(claim_id: int) -> str:
    return settings.FACTCHECK_PUBLIC_URL + reverse("claim-detail", args=[claim_id])


def _status_event(claim: Claim, record: StatusChange, actor: str) -> dict:
    return {
        "claim_id": claim.pk,
        "fact_key": claim.fact_key,
        "old_status": record.from_status,
        "new_status": record.to_status,
        "status_version": record.status_version,
        "actor": actor,
        "reason": _cut(record.reason, EVENT_REASON_CHARS),
        "claim_url": claim_url(claim.pk),
    }


def _cut(text: str, limit: int) -> str:
    # No reason may push the event past the webhook payload limit (and so fail the
    # status change); the whole reason stays in the claim's history.
    return text if len(text) <= limit else text[: limit - 1] + "…"
