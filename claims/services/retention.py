"""Pruning what only grows: webhook events, deliveries and attempts, and the checks' status changes.

Kept forever: every reviewer's verdict and correction (the audit of decisions), and every delivery
still pending. Deleted in small batches, each its own short transaction, so pruning a million rows
never holds a lock for long and never stops the service.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from claims.models import StatusChange
from claims.webhooks.models import Attempt, Delivery, Event

PRUNE_BATCH = 1000


def history_prune(*, batch: int = PRUNE_BATCH) -> dict[str, int]:
    """Delete what is older than FACTCHECK_RETENTION_DAYS; returns how many rows of each kind went."""
    cutoff = timezone.now() - timedelta(days=settings.FACTCHECK_RETENTION_DAYS)
    done = {
        Delivery.State.SUCCEEDED,
        Delivery.State.FAILED,
    }
    counts = {"attempts": 0, "deliveries": 0, "events": 0, "status_changes": 0}
    finished_old = Delivery.objects.filter(state__in=done, created_at__lt=cutoff)
    counts["attempts"] = _in_batches(Attempt.objects.filter(delivery__in=finished_old.values("pk")), batch)
    counts["deliveries"] = _in_batches(finished_old, batch)
    # An event goes once none of its deliveries is left (a pending one keeps it).
    orphaned = Event.objects.filter(created_at__lt=cutoff).exclude(
        Exists(Delivery.objects.filter(event=OuterRef("pk")))
    )
    counts["events"] = _in_batches(orphaned, batch)
    # The checks' own changes; a reviewer's (actor_user) stay, as the audit of verdicts and corrections.
    counts["status_changes"] = _in_batches(
        StatusChange.objects.filter(actor_user__isnull=True, created_at__lt=cutoff), batch
    )
    return counts


def _in_batches(queryset, batch: int) -> int:
    total = 0
    while True:
        with transaction.atomic():
            ids = list(queryset.order_by("pk").values_list("pk", flat=True)[:batch])
            if not ids:
                return total
            total += queryset.model.objects.filter(pk__in=ids).delete()[1].get(queryset.model._meta.label, 0)
