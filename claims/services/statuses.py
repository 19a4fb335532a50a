from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F

from claims.models import Claim, StatusChange


def claim_set_status(
    *,
    claim: Claim,
    status: str,
    reason: str,
    actor_user: AbstractBaseUser | None = None,
    actor_system: str = "",
) -> StatusChange | None:
    """Change a claim's status: the one place where that happens.

    Bumps `status_version` and records who or what made the change and why, in
    one transaction. Returns None when the claim already has that status.
    """
    if status not in Claim.Status.values:
        raise ValueError(f"unknown claim status {status!r}; expected one of {Claim.Status.values}")
    if actor_user is None and not actor_system:
        raise ValueError("a status change needs an actor: a reviewer (actor_user) or a system step (actor_system)")
    with transaction.atomic():
        # The row lock orders concurrent changes of one claim (two workers checking
        # the same fact); the version each writes is the one it read under the lock.
        current = Claim.objects.select_for_update().only("status", "status_version").get(pk=claim.pk)
        if current.status == status:
            claim.status, claim.status_version = current.status, current.status_version
            return None
        Claim.objects.filter(pk=claim.pk).update(status=status, status_version=F("status_version") + 1)
        change = StatusChange.objects.create(
            claim_id=claim.pk,
            from_status=current.status,
            to_status=status,
            status_version=current.status_version + 1,
            actor_user=actor_user,
            actor_system=actor_system,
            reason=reason,
        )
    claim.status, claim.status_version = status, current.status_version + 1
    return change
