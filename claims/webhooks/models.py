from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    CLAIM_STATUS_CHANGED = "claim.status_changed", _("claim status changed")
    CLAIM_CREATED = "claim.created", _("claim created")
    ARTICLE_PROCESSED = "article.processed", _("article processed")
    FACT_VERIFIED = "fact.verified", _("fact verified")
    CLAIM_CORRECTED = "claim.corrected", _("claim corrected")


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


class EndpointState(models.TextChoices):
    ACTIVE = "active", _("active")
    DISABLED = "disabled", _("disabled")


class Endpoint(models.Model):
    """A subscriber's URL and the event types it wants; secrets are in EndpointSecret."""

    State = EndpointState

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="webhook_endpoints",
        verbose_name=_("owner"),
    )
    url = models.CharField(_("URL"), max_length=500)
    description = models.CharField(_("description"), max_length=200, blank=True)
    event_types = models.JSONField(_("event types"), default=list)
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.ACTIVE)
    disabled_reason = models.CharField(_("why disabled"), max_length=300, blank=True)
    disabled_at = models.DateTimeField(_("disabled at"), null=True, blank=True)
    # Start of the current run of failed attempts (null after any success): an endpoint
    # failing for WEBHOOKS_DISABLE_AFTER_HOURS is disabled.
    failing_since = models.DateTimeField(_("failing since"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ("-created_at", "-id")
        constraints = [
            models.CheckConstraint(condition=models.Q(state__in=EndpointState.values), name="endpoint_state_valid"),
            models.CheckConstraint(
                condition=models.Q(state="active") | models.Q(disabled_at__isnull=False),
                name="endpoint_disabled_has_time",
            ),
        ]
        indexes = [
            # events_publish: the active endpoints, read in every transaction that publishes.
            models.Index(fields=["state"], name="endpoint_state_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.url} ({self.state})"

    def subscribes_to(self, event_type: str) -> bool:
        return event_type in self.event_types


class EndpointSecret(models.Model):
    """A signing secret. During a rotation's overlap the old one (expires_at set) still signs."""

    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="secrets", verbose_name=_("endpoint"))
    # Encrypted (claims.webhooks.vault): HMAC signing needs the key itself, but only in memory. Never
    # logged, never shown after creation.
    secret = models.TextField(_("secret, encrypted"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Null for the current secret; the end of the overlap period for a rotated one.
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)

    class Meta:
        verbose_name = _("endpoint secret")
        verbose_name_plural = _("endpoint secrets")
        ordering = ("-created_at", "-id")
        constraints = [
            # A Fernet token, never a secret in clear.
            models.CheckConstraint(condition=models.Q(secret__startswith="gAAAAA"), name="secret_is_sealed"),
        ]

    def __str__(self) -> str:
        # Never the secret itself: this string ends up in logs and the admin.
        state = "current" if self.expires_at is None else f"expires {self.expires_at:%Y-%m-%d %H:%M}"
        return f"secret of endpoint #{self.endpoint_id} ({state})"


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("pending")
    SUCCEEDED = "succeeded", _("succeeded")
    FAILED = "failed", _("failed")


class Delivery(models.Model):
    """One event for one endpoint: written with the event (the outbox), sent until it succeeds or gives up.

    The retry schedule lives here (`next_attempt_at`), not in broker countdowns.
    A worker owns a delivery while `leased_until` is in the future; `lease_token`
    tells its own lease from a later one taken after it expired.
    """

    State = DeliveryState

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("event"))
    endpoint = models.ForeignKey(
        Endpoint, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("endpoint")
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PENDING)
    # Attempts in the current round (a replay starts a new round at 0).
    attempt_count = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    leased_until = models.DateTimeField(_("leased until"), null=True, blank=True)
    lease_token = models.UUIDField(_("lease token"), null=True, blank=True, editable=False)
    last_status_code = models.PositiveSmallIntegerField(_("last status code"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ("-created_at", "-id")
        constraints = [
            models.UniqueConstraint(fields=["event", "endpoint"], name="delivery_unique_per_endpoint"),
            models.CheckConstraint(condition=models.Q(state__in=DeliveryState.values), name="delivery_state_valid"),
            models.CheckConstraint(
                condition=~models.Q(state="pending") | models.Q(next_attempt_at__isnull=False),
                name="delivery_pending_is_scheduled",
            ),
        ]
        indexes = [
            # The sweeper: pending deliveries whose next attempt is due, soonest first.
            models.Index(fields=["next_attempt_at"], condition=models.Q(state="pending"), name="delivery_due_idx"),
            # An endpoint's deliveries, newest first (the API's list, filtered by endpoint).
            models.Index(fields=["endpoint", "-created_at"], name="delivery_endpoint_created_idx"),
            # Replaying the failed deliveries of a time range.
            models.Index(fields=["state", "created_at"], name="delivery_state_created_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.event.type} -> endpoint #{self.endpoint_id} ({self.state})"


class Attempt(models.Model):
    """One try at sending a delivery, written when it starts and completed when it ends.

    An attempt never completed belonged to a worker that died mid-send.
    """

    delivery = models.ForeignKey(
        Delivery, on_delete=models.CASCADE, related_name="attempts", verbose_name=_("delivery")
    )
    number = models.PositiveIntegerField(_("number in its round"))
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    latency_ms = models.PositiveIntegerField(_("latency (ms)"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)
    # The receiver's answer, cut to RESPONSE_BODY_LIMIT: shown only to the endpoint's owner and staff.
    response_body = models.TextField(_("response body"), blank=True)

    RESPONSE_BODY_LIMIT = 1024

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ("started_at", "id")

    def __str__(self) -> str:
        result = self.status_code or self.error or "unfinished"
        return f"attempt {self.number} of delivery #{self.delivery_id}: {result}"

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300
