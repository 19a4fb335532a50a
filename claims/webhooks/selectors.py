"""Reads shared by the webhooks API and admin."""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from claims.webhooks.models import Delivery, Endpoint

DELIVERY_FILTERS = {
    "endpoint": "endpoint_id",
    "state": "state",
    "event_type": "event__type",
    "since": "created_at__gte",
    "until": "created_at__lt",
}


def endpoint_list(*, owner: AbstractBaseUser) -> QuerySet[Endpoint]:
    return Endpoint.objects.filter(owner=owner).order_by("-created_at", "-id")


def delivery_list(
    *, owner: AbstractBaseUser, filters: Mapping[str, object], detail: bool = False
) -> QuerySet[Delivery]:
    """The deliveries to an owner's endpoints, newest first; `detail` adds the payload and the attempts."""
    lookups = {DELIVERY_FILTERS[name]: value for name, value in filters.items() if name in DELIVERY_FILTERS}
    deliveries = Delivery.objects.filter(endpoint__owner=owner, **lookups).select_related("event")
    if detail:
        deliveries = deliveries.select_related("endpoint").prefetch_related("attempts")
    else:
        # The list shows the event's id and type, not its payload.
        deliveries = deliveries.defer("event__data")
    return deliveries.order_by("-created_at", "-id")
