from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    CLAIM_STATUS_CHANGED = "claim.status_changed", _("claim status changed")
    CLAIM_CREATED = "claim.created", _("claim created")
    ARTICLE_PROCESSED = "article.processed", _("article processed")
    FACT_VERIFIED = "fact.verified", _("fact verified")


class Event(models.Model):
    """The outbox: an event is written in the same transaction as the change it tells of."""

    Type = EventType

    # Stable across retries and replays: it is the `webhook-id` receivers deduplicate on.
    uid = models.UUIDField(_("event id"), default=uuid.uuid4, unique=True, editable=False)
    type = models.CharField(_("type"), max_length=40, choices=EventType.choices)
    data = models.JSONField(_("data"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ("-created_at", "-id")
        indexes = [
            # Listing the events of a time range (replay, the admin's date filter).
            models.Index(fields=["created_at"], name="event_created_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(type__in=EventType.values), name="event_type_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.type} {self.uid}"

    @property
    def webhook_id(self) -> str:
        return f"msg_{self.uid.hex}"

    def envelope(self) -> dict:
        return {"type": self.type, "timestamp": self.created_at.isoformat(), "data": self.data}
