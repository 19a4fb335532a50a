"""Reads shared by the webhooks API and admin."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from claims.webhooks.models import Delivery, Endpoint


def endpoint_list(*, owner: AbstractBaseUser) -> QuerySet[Endpoint]:
    return Endpoint.objects.filter(owner=owner).order_by("-created_at", "-id")


def delivery_list(*, owner: AbstractBaseUser, detail: bool = False) -> QuerySet[Delivery]:
    """The deliveries to an owner's endpoints, newest first (the API's filters narrow it); `detail` adds the
    payload and the attempts."""
    deliveries = Delivery.objects.filter(endpoint__owner=owner).select_related("event")
    if detail:
        deliveries = deliveries.select_related("endpoint").prefetch_related("attempts")
    else:
        # The list shows the event's id and type, not its payload.
        deliveries = deliveries.defer("event__data")
    return deliveries.order_by("-created_at", "-id")
