"""Webhook services: the outbox, endpoints and their secrets, sending, sweeping and replaying."""

from __future__ import annotations

import json
import logging
import random
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from claims.services.dispatch import DELIVER, dispatch
from claims.webhooks import sending
from claims.webhooks.models import Attempt, Delivery, Endpoint, EndpointSecret, Event
from claims.webhooks.security import url_check
from claims.webhooks.signing import secret_generate, signature_header
from claims.webhooks.vault import seal, unseal

logger = logging.getLogger(__name__)

# Largest envelope, as sent (UTF-8 JSON): receivers behind small request limits must get every event.
MAX_PAYLOAD_BYTES = 20_000
# Delay before each attempt of a round: the first at once, the last about three days in.
RETRY_SCHEDULE = (
    timedelta(0),
    timedelta(seconds=5),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=5),
    timedelta(hours=10),
    timedelta(hours=14),
    timedelta(hours=20),
    timedelta(hours=24),
)
# Each delay is stretched or shrunk by up to this fraction, so that the retries of
# the many deliveries of an endpoint that was down do not all arrive at one moment.
JITTER = 0.1
# After a failed publish, the fast path is not tried for this long in this process:
# with the broker down each try costs a few hundred ms of an API request, and the
# sweeper sends these deliveries anyway.
FAST_PATH_PAUSE = 10.0
_fast_path_paused_until = 0.0


# --- The outbox -----------------------------------------------------------------


def events_publish(*, events: Iterable[tuple[str, dict]]) -> list[Event]:
    """Record events, and one delivery per subscribed active endpoint, in the caller's transaction.

    Callers publish inside the transaction that makes the change, so an event and
    its deliveries exist if and only if the change was committed. After the commit
    the deliveries are queued (the fast path); the sweeper sends whatever that misses.
    Costs three queries whatever the number of events.
    """
    rows = [Event(type=type_, data=data) for type_, data in events]
    for row in rows:
        if row.type not in Event.Type.values:
            raise ValueError(f"unknown event type {row.type!r}; expected one of {Event.Type.values}")
    if not rows:
        return []
    now = timezone.now()
    for row in rows:
        # auto_now_add sets it only on save; the envelope (and its size) needs it now.
        row.created_at = now
        size = len(envelope_body(row))
        if size > MAX_PAYLOAD_BYTES:
            raise ValueError(
                f"a {row.type} event of {size:,} bytes is over the {MAX_PAYLOAD_BYTES:,}-byte limit; "
                "send ids and links, not whole objects"
            )
    # No savepoint: the caller's transaction is the one that matters, and the
    # status service's query budget has no room for two more statements.
    with transaction.atomic(savepoint=False):
        events_saved = Event.objects.bulk_create(rows)
        endpoints = list(Endpoint.objects.filter(state=Endpoint.State.ACTIVE).only("id", "event_types"))
        deliveries = [
            Delivery(event=event, endpoint=endpoint, next_attempt_at=now)
            for event in events_saved
            for endpoint in endpoints
            if endpoint.subscribes_to(event.type)
        ]
        if deliveries:
            created = Delivery.objects.bulk_create(deliveries)
            ids = [d.pk for d in created]
            transaction.on_commit(lambda: _dispatch_fast_path(ids))
    return events_saved


def envelope_body(event: Event) -> bytes:
    """The request body: the same bytes for every attempt and replay of an event."""
    return json.dumps(event.envelope(), ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def _dispatch_fast_path(delivery_ids: list[int]) -> None:
    global _fast_path_paused_until
    if time.monotonic() < _fast_path_paused_until:
        return
    for delivery_id in delivery_ids:
        try:
            dispatch(DELIVER, delivery_id)
        except Exception:  # any broker failure: the sweeper sends them
            _fast_path_paused_until = time.monotonic() + FAST_PATH_PAUSE
            logger.warning(
                "could not queue %d webhook deliveries; the sweeper will send them",
                len(delivery_ids),
                exc_info=True,
            )
            return


# --- Endpoints ------------------------------------------------------------------


def endpoint_url_check(*, url: str) -> None:
    """Raise UnsafeURL (its message is meant for the caller) unless webhooks may be sent to the URL."""
    url_check(url, allow_http=settings.WEBHOOKS_ALLOW_HTTP, allow_loopback=settings.WEBHOOKS_ALLOW_LOOPBACK)


def _event_types_check(event_types: list[str]) -> list[str]:
    unknown = sorted(set(event_types) - set(Event.Type.values))
    if unknown or not event_types:
        raise ValueError(f"subscribe to one or more of {', '.join(Event.Type.values)}")
    return sorted(set(event_types))


class EndpointLimitReached(ValueError):
    """The owner has as many endpoints as WEBHOOKS_MAX_ENDPOINTS_PER_OWNER allows; the message is for the caller."""


def endpoint_create(
    *, owner: AbstractBaseUser, url: str, event_types: list[str], description: str = ""
) -> tuple[Endpoint, str]:
    """Register an endpoint; returns it and its secret, which is shown this once only.

    Raises EndpointLimitReached when the owner already has the most endpoints allowed.
    """
    endpoint_url_check(url=url)
    with transaction.atomic():
        # Two concurrent creates would each count the endpoints before the other's insert is
        # committed and both pass; locking the owner's row makes the second wait for the first
        # and count again. (SQLite ignores the lock, but lets only one transaction write at a time.)
        get_user_model().objects.select_for_update().only("pk").get(pk=owner.pk)
        # Disabled endpoints count too: their owner can enable them again at any time.
        have = Endpoint.objects.filter(owner=owner).count()
        limit = settings.WEBHOOKS_MAX_ENDPOINTS_PER_OWNER
        if have >= limit:
            raise EndpointLimitReached(
                f"You have {have} endpoints; the limit is {limit}. "
                "Delete one you no longer use (disabled ones count too), then add this one."
            )
        endpoint = Endpoint.objects.create(
            owner=owner, url=url, event_types=_event_types_check(event_types), description=description
        )
        secret = secret_generate()
        EndpointSecret.objects.create(endpoint=endpoint, secret=seal(secret))
    return endpoint, secret


def endpoint_update(
    *,
    endpoint: Endpoint,
    url: str | None = None,
    event_types: list[str] | None = None,
    description: str | None = None,
    enabled: bool | None = None,
) -> Endpoint:
    """Change an endpoint; `enabled=True` brings a disabled one back.

    Its failed deliveries stay failed: the owner replays them once the receiver is fixed.
    """
    if url is not None and url != endpoint.url:
        endpoint_url_check(url=url)
        endpoint.url = url
    if event_types is not None:
        endpoint.event_types = _event_types_check(event_types)
    if description is not None:
        endpoint.description = description
    if enabled is True and endpoint.state == Endpoint.State.DISABLED:
        endpoint.state, endpoint.disabled_at, endpoint.disabled_reason = Endpoint.State.ACTIVE, None, ""
        endpoint.failing_since = None
    elif enabled is False and endpoint.state == Endpoint.State.ACTIVE:
        return endpoint_disable(endpoint=endpoint, reason="disabled by its owner", notify=False)
    endpoint.save()
    return endpoint


def endpoint_rotate_secret(*, endpoint: Endpoint, overlap: timedelta) -> tuple[str, datetime]:
    """A new secret; the current ones keep signing until now + overlap.

    Returns the new secret (shown this once only) and the end of the overlap.
    """
    if overlap < timedelta(0) or overlap > timedelta(days=7):
        raise ValueError("the overlap is between 0 and 7 days")
    now = timezone.now()
    ends = now + overlap
    with transaction.atomic():
        Endpoint.objects.select_for_update().filter(pk=endpoint.pk).exists()
        # Secrets already rotated out keep their own (earlier) end.
        endpoint.secrets.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=ends)).update(expires_at=ends)
        endpoint.secrets.filter(expires_at__lte=now).delete()
        secret = secret_generate()
        EndpointSecret.objects.create(endpoint=endpoint, secret=seal(secret))
    return secret, ends


def endpoint_disable(*, endpoint: Endpoint, reason: str, notify: bool = True) -> Endpoint:
    """Disable an endpoint: its pending deliveries fail (replay them once it is fixed), and its owner is told."""
    now = timezone.now()
    with transaction.atomic():
        changed = Endpoint.objects.filter(pk=endpoint.pk, state=Endpoint.State.ACTIVE).update(
            state=Endpoint.State.DISABLED, disabled_at=now, disabled_reason=reason[:300], updated_at=now
        )
        Delivery.objects.filter(endpoint_id=endpoint.pk, state=Delivery.State.PENDING).update(
            state=Delivery.State.FAILED,
            next_attempt_at=None,
            leased_until=None,
            lease_token=None,
            completed_at=now,
            last_error=f"endpoint disabled: {reason}"[:500],
            updated_at=now,
        )
        if changed and notify:
            transaction.on_commit(lambda: _tell_owner_disabled(endpoint.pk))
    endpoint.refresh_from_db()
    return endpoint


def _tell_owner_disabled(endpoint_id: int) -> None:
    endpoint = Endpoint.objects.select_related("owner").get(pk=endpoint_id)
    address = getattr(endpoint.owner, "email", "")
    if not address:
        logger.warning("webhook endpoint %s was disabled; its owner has no email address", endpoint_id)
        return
    try:
        send_mail(
            subject=f"Webhook endpoint disabled: {endpoint.url}",
            message=(
                f"We stopped sending webhooks to {endpoint.url} (endpoint #{endpoint.pk}).\n\n"
                f"Why: {endpoint.disabled_reason}\n\n"
                "Its undelivered events are kept. Fix the receiver, enable the endpoint again, "
                "then replay its failed deliveries."
            ),
            from_email=None,
            recipient_list=[address],
        )
    except Exception:  # a mail server that is down must not undo the disabling
        logger.exception("could not email the owner of disabled webhook endpoint %s", endpoint_id)


# --- Sending --------------------------------------------------------------------


def wall_clock() -> int:
    """The `webhook-timestamp`: real wall time, not the (test-controllable) scheduling clock,
    since receivers compare it with their own clock to refuse replayed requests."""
    return int(time.time())


@dataclass(frozen=True)
class AttemptResult:
    delivery_id: int
    outcome: str  # "skipped", "succeeded", "retry", "failed"
    status_code: int | None = None


def delivery_attempt(*, delivery_id: int, lease_token: uuid.UUID | str | None = None) -> AttemptResult:
    """Make one attempt at a delivery if it is this caller's to make.

    Without a lease token (the fast path) the delivery is taken when it is due and
    not leased; with one (the sweeper leased it) only while that lease holds. Each
    attempt is recorded; the outcome sets the next attempt in the database.
    Two callers never send one delivery at once: the claim is a locked,
    guarded update, and the lease outlasts an attempt.
    """
    claimed = _delivery_claim(delivery_id=delivery_id, lease_token=lease_token)
    if claimed is None:
        return AttemptResult(delivery_id, "skipped")
    delivery, attempt, token = claimed
    event = delivery.event
    body = envelope_body(event)
    secrets = _signing_secrets(delivery.endpoint_id)
    timestamp = wall_clock()
    headers = {
        "content-type": "application/json",
        "webhook-id": event.webhook_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature_header(secrets=secrets, msg_id=event.webhook_id, timestamp=timestamp, body=body),
    }
    answer = sending.post(
        url=delivery.endpoint.url,
        headers=headers,
        body=body,
        timeout=settings.WEBHOOKS_TIMEOUT_SECONDS,
        allow_http=settings.WEBHOOKS_ALLOW_HTTP,
        allow_loopback=settings.WEBHOOKS_ALLOW_LOOPBACK,
        ca_bundle=settings.WEBHOOKS_CA_BUNDLE,
    )
    outcome = _delivery_record(delivery=delivery, attempt=attempt, token=token, answer=answer)
    return AttemptResult(delivery_id, outcome, answer.status_code)


def _delivery_claim(*, delivery_id: int, lease_token) -> tuple[Delivery, Attempt, uuid.UUID] | None:
    now = timezone.now()
    lease = timedelta(seconds=settings.WEBHOOKS_LEASE_SECONDS)
    with transaction.atomic():
        if lease_token is not None:
            # The lease already makes this caller the only one that may send the delivery,
            # so a lock on its row is never a rival claim, only a passing one: a sweep or a
            # fast-path claim whose snapshot predates the lease locks the row, finds it
            # leased and lets go at its commit. Waiting that out is a few milliseconds;
            # skipping it (SKIP LOCKED) would leave the lease unused until it expires.
            candidates = Delivery.objects.select_for_update(of=("self",)).filter(
                lease_token=lease_token, leased_until__gt=now
            )
        else:
            # Without a lease, a locked row is being taken by someone else: leave it to them.
            candidates = (
                Delivery.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(next_attempt_at__lte=now)
                .filter(Q(leased_until__isnull=True) | Q(leased_until__lte=now))
            )
        candidates = candidates.filter(
            pk=delivery_id, state=Delivery.State.PENDING, endpoint__state=Endpoint.State.ACTIVE
        )
        delivery = candidates.select_related("event", "endpoint").first()
        if delivery is None:
            return None
        # An attempt still open belonged to a worker that died mid-send (its lease ran out).
        delivery.attempts.filter(finished_at__isnull=True).update(
            finished_at=now, error="abandoned: the worker was lost before the attempt ended"
        )
        token = uuid.uuid4()
        delivery.attempt_count += 1
        # A fresh lease from now: the sweeper's may have been mostly spent waiting in the queue.
        delivery.leased_until, delivery.lease_token = now + lease, token
        delivery.save(update_fields=["attempt_count", "leased_until", "lease_token", "updated_at"])
        attempt = Attempt.objects.create(delivery=delivery, number=delivery.attempt_count, started_at=now)
    return delivery, attempt, token


def _signing_secrets(endpoint_id: int) -> list[str]:
    now = timezone.now()
    sealed = (
        EndpointSecret.objects.filter(endpoint_id=endpoint_id)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .order_by("-created_at", "-id")
        .values_list("secret", flat=True)
    )
    return [unseal(token) for token in sealed]


def _delivery_record(*, delivery: Delivery, attempt: Attempt, token: uuid.UUID, answer: sending.Response) -> str:
    now = timezone.now()
    code = answer.status_code
    error = answer.error
    if code is not None and not 200 <= code < 300:
        error = f"HTTP {code}" + (" (redirects are not followed)" if 300 <= code < 400 else "")
    attempt.finished_at, attempt.status_code, attempt.latency_ms = now, code, answer.latency_ms
    attempt.error, attempt.response_body = error[:500], answer.body[: Attempt.RESPONSE_BODY_LIMIT]
    changes = {
        "leased_until": None,
        "lease_token": None,
        "last_status_code": code,
        "last_error": error[:500],
        "updated_at": now,
    }
    endpoint = delivery.endpoint
    disable_reason = ""
    if code is not None and 200 <= code < 300:
        outcome = "succeeded"
        changes.update(state=Delivery.State.SUCCEEDED, next_attempt_at=None, completed_at=now)
    elif code == 410:
        outcome = "failed"
        disable_reason = "the receiver answered 410 Gone"
        changes.update(state=Delivery.State.FAILED, next_attempt_at=None, completed_at=now)
    elif delivery.attempt_count >= len(RETRY_SCHEDULE):
        outcome = "failed"
        changes.update(state=Delivery.State.FAILED, next_attempt_at=None, completed_at=now)
    else:
        outcome = "retry"
        delay = RETRY_SCHEDULE[delivery.attempt_count] * random.uniform(1 - JITTER, 1 + JITTER)
        if code in (429, 503) and answer.retry_after is not None:
            delay = max(delay, answer.retry_after)
        changes.update(next_attempt_at=now + delay)
    with transaction.atomic():
        # An update, not save(): the endpoint (and so this row) may have been deleted meanwhile.
        Attempt.objects.filter(pk=attempt.pk).update(
            finished_at=attempt.finished_at,
            status_code=code,
            latency_ms=attempt.latency_ms,
            error=attempt.error,
            response_body=attempt.response_body,
        )
        # Guarded by the token: if our lease ran out and another worker took the
        # delivery over, its attempt decides the state, not ours.
        owned = Delivery.objects.filter(pk=delivery.pk, lease_token=token, state=Delivery.State.PENDING).update(
            **changes
        )
        if not owned:
            return outcome
        if outcome == "succeeded":
            Endpoint.objects.filter(pk=endpoint.pk, failing_since__isnull=False).update(failing_since=None)
        elif not disable_reason:
            Endpoint.objects.filter(pk=endpoint.pk, failing_since__isnull=True).update(failing_since=now)
            failing_since = Endpoint.objects.values_list("failing_since", flat=True).get(pk=endpoint.pk)
            limit = timedelta(hours=settings.WEBHOOKS_DISABLE_AFTER_HOURS)
            if failing_since is not None and now - failing_since >= limit:
                disable_reason = (
                    f"every delivery failed for {limit.days} days (since {failing_since:%Y-%m-%d %H:%M} UTC)"
                )
        if disable_reason:
            endpoint_disable(endpoint=endpoint, reason=disable_reason)
    return outcome


def deliveries_sweep(*, limit: int | None = None) -> list[tuple[int, uuid.UUID]]:
    """Lease the due deliveries that nobody holds, for the caller to queue: (delivery id, lease token).

    SKIP LOCKED lets sweepers and workers run side by side without waiting on
    each other; the lease keeps a delivery from being taken twice until it ends.
    """
    now = timezone.now()
    token = uuid.uuid4()
    with transaction.atomic():
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(state=Delivery.State.PENDING, next_attempt_at__lte=now)
            .filter(Q(leased_until__isnull=True) | Q(leased_until__lte=now))
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[: limit or settings.WEBHOOKS_SWEEP_BATCH]
        )
        if ids:
            Delivery.objects.filter(pk__in=ids).update(
                leased_until=now + timedelta(seconds=settings.WEBHOOKS_LEASE_SECONDS), lease_token=token
            )
    return [(pk, token) for pk in ids]


def deliveries_release(*, delivery_ids: list[int], lease_token: uuid.UUID) -> int:
    """Give back sweeper leases that were never queued (the broker failed), so the next sweep takes them."""
    return Delivery.objects.filter(pk__in=delivery_ids, lease_token=lease_token, state=Delivery.State.PENDING).update(
        leased_until=None, lease_token=None
    )


# --- Replay ---------------------------------------------------------------------


class ReplayRefused(ValueError):
    """A replay that cannot be done; `field` names what the caller should look at."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def delivery_replay(*, delivery: Delivery) -> Delivery:
    """Send a delivery again from the start of the schedule, with the same `webhook-id`."""
    if delivery.state == Delivery.State.PENDING:
        raise ReplayRefused("state", "This delivery is still pending: it will be sent on its schedule.")
    if delivery.endpoint.state != Endpoint.State.ACTIVE:
        raise ReplayRefused("endpoint", "The endpoint is disabled; enable it first, then replay.")
    if not deliveries_replay(deliveries=Delivery.objects.filter(pk=delivery.pk)):
        raise ReplayRefused("state", "This delivery changed meanwhile; reload it and try again.")
    delivery.refresh_from_db()
    return delivery


def deliveries_replay(*, deliveries) -> int:
    """Replay the given deliveries (a queryset): every one not pending, whose endpoint is active.

    Returns how many were replayed; they are queued after the commit.
    """
    now = timezone.now()
    with transaction.atomic():
        ids = list(
            deliveries.exclude(state=Delivery.State.PENDING)
            .filter(endpoint__state=Endpoint.State.ACTIVE)
            .values_list("pk", flat=True)
        )
        Delivery.objects.filter(pk__in=ids).update(
            state=Delivery.State.PENDING,
            attempt_count=0,
            next_attempt_at=now,
            leased_until=None,
            lease_token=None,
            completed_at=None,
            updated_at=now,
        )
        if ids:
            transaction.on_commit(lambda: _dispatch_fast_path(ids))
    return len(ids)


def deliveries_replay_failed(
    *, owner: AbstractBaseUser | None, since: datetime, until: datetime, endpoint: Endpoint | None = None
) -> int:
    """Replay the failed deliveries of events created in [since, until), of one owner (None: all, for staff)."""
    if until <= since:
        raise ValueError("the end of the range must be after its start")
    failed = Delivery.objects.filter(state=Delivery.State.FAILED, created_at__gte=since, created_at__lt=until)
    if owner is not None:
        failed = failed.filter(endpoint__owner=owner)
    if endpoint is not None:
        failed = failed.filter(endpoint=endpoint)
    return deliveries_replay(deliveries=failed)
