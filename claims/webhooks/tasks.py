"""Celery adapters for webhooks: take ids, call a service.

Retries are not Celery's: the schedule is in the database and the sweeper
queues what is due, so a lost message only delays a delivery.
"""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings

from claims.webhooks.services import deliveries_release, deliveries_sweep, delivery_attempt

logger = logging.getLogger(__name__)


# The hard limit stays below the lease, so a hung attempt is killed before
# another worker may take the delivery over (and far below Redis' visibility timeout).
@shared_task(
    name="webhooks.deliver",
    time_limit=int(settings.WEBHOOKS_LEASE_SECONDS * 0.9),
    soft_time_limit=int(settings.WEBHOOKS_LEASE_SECONDS * 0.8),
)
def deliver(delivery_id: int, lease_token: str | None = None) -> str:
    return delivery_attempt(delivery_id=delivery_id, lease_token=lease_token).outcome


@shared_task(name="webhooks.sweep", time_limit=60, soft_time_limit=50)
def sweep() -> int:
    """Every WEBHOOKS_SWEEP_SECONDS (celery beat): queue the due deliveries that no worker holds."""
    leased = deliveries_sweep()
    for n, (delivery_id, token) in enumerate(leased):
        try:
            deliver.delay(delivery_id, str(token))
        except Exception:
            logger.warning("broker unavailable; %d due deliveries left for the next sweep", len(leased) - n)
            deliveries_release(delivery_ids=[pk for pk, _ in leased[n:]], lease_token=token)
            break
    return len(leased)
