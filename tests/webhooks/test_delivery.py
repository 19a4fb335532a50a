"""Sending to a real receiver on loopback that verifies every request with `standardwebhooks`."""

from __future__ import annotations

import datetime as dt
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from django.core import mail

from claims.services.statuses import claim_set_status
from claims.webhooks.models import Attempt, Delivery, Endpoint
from claims.webhooks.services import (
    RETRY_SCHEDULE,
    deliveries_sweep,
    delivery_attempt,
    endpoint_rotate_secret,
)
from claims.webhooks.vault import unseal

pytestmark = pytest.mark.django_db


def _change_status(make_claim, status="supported"):
    claim = make_claim()
    claim_set_status(claim=claim, status=status, reason="two sources agree", actor_system="checks")
    return claim


def _sweep_and_send() -> list[str]:
    return [delivery_attempt(delivery_id=pk, lease_token=token).outcome for pk, token in deliveries_sweep()]


def test_a_status_change_reaches_the_receiver_signed_and_verified(make_endpoint, make_claim, receiver):
    # given
    endpoint = make_endpoint()
    claim = _change_status(make_claim)
    delivery = Delivery.objects.get()

    # when
    result = delivery_attempt(delivery_id=delivery.pk)

    # then
    assert (result.outcome, result.status_code) == ("succeeded", 200)
    [got] = receiver.received
    assert got.verified_by(endpoint.secret), got.checks
    assert got.webhook_id == delivery.event.webhook_id
    assert got.headers["webhook-signature"].startswith("v1,")
    assert got.headers["content-type"] == "application/json"
    assert got.payload["type"] == "claim.status_changed"
    assert set(got.payload) == {"type", "timestamp", "data"}
    assert got.payload["data"] == {
        "claim_id": claim.pk,
        "fact_key": claim.fact_key,
        "old_status": "pending",
        "new_status": "supported",
        "status_version": 1,
        "actor": "checks",
        "reason": "two sources agree",
        "claim_url": f"http://127.0.0.1:8000/api/v1/claims/{claim.pk}/",
    }
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempt_count, delivery.last_status_code) == ("succeeded", 1, 200)
    assert delivery.leased_until is None and delivery.next_attempt_at is None
    [attempt] = delivery.attempts.all()
    assert (attempt.number, attempt.status_code, attempt.error, attempt.response_body) == (1, 200, "", "ok")
    assert attempt.latency_ms is not None and attempt.finished_at is not None


def test_tampered_body_and_wrong_secret_fail_verification(make_endpoint, make_claim, receiver):
    from standardwebhooks.webhooks import Webhook, WebhookVerificationError

    from claims.webhooks.signing import secret_generate

    endpoint = make_endpoint()
    _change_status(make_claim)
    delivery_attempt(delivery_id=Delivery.objects.get().pk)
    [got] = receiver.received
    assert Webhook(endpoint.secret).verify(got.body, got.headers)["type"] == "claim.status_changed"

    tampered = got.body.replace(b'"supported"', b'"verified"')
    assert tampered != got.body
    with pytest.raises(WebhookVerificationError, match="No matching signature"):
        Webhook(endpoint.secret).verify(tampered, got.headers)
    with pytest.raises(WebhookVerificationError, match="No matching signature"):
        Webhook(secret_generate()).verify(got.body, got.headers)
    with pytest.raises(WebhookVerificationError, match="No matching signature"):
        Webhook(endpoint.secret).verify(got.body, {**got.headers, "webhook-id": "msg_other"})


def test_a_stale_timestamp_is_refused_by_the_receiver(make_endpoint, make_claim, receiver, monkeypatch):
    """A request captured and replayed later by an attacker fails the receiver's freshness check."""
    from standardwebhooks import webhooks as standard

    endpoint = make_endpoint()
    _change_status(make_claim)
    delivery_attempt(delivery_id=Delivery.objects.get().pk)
    [got] = receiver.received
    assert got.verified_by(endpoint.secret)

    class SixMinutesLater(standard.datetime):
        @classmethod
        def now(cls, tz=None):
            return super().now(tz) + timedelta(minutes=6)

    monkeypatch.setattr(standard, "datetime", SixMinutesLater)
    with pytest.raises(standard.WebhookVerificationError, match="too old"):
        standard.Webhook(endpoint.secret).verify(got.body, got.headers)


def test_secret_rotation_signs_with_both_secrets_during_the_overlap_only(make_endpoint, make_claim, receiver, clock):
    # given an endpoint whose secret is rotated with a one-hour overlap
    endpoint = make_endpoint()
    old = endpoint.secret
    new, ends = endpoint_rotate_secret(endpoint=endpoint, overlap=timedelta(hours=1))
    receiver.secrets.append(new)
    assert new != old and new.startswith("whsec_")
    assert ends == clock.now + timedelta(hours=1)

    # when one event is sent during the overlap and another after it
    _change_status(make_claim)
    delivery_attempt(delivery_id=Delivery.objects.get().pk)
    clock.advance(hours=1, seconds=1)
    _change_status(make_claim)
    delivery_attempt(delivery_id=Delivery.objects.latest("pk").pk)

    # then the first carries two signatures, each verified by its own secret; the second only the new one
    during, after = receiver.received
    assert len(during.headers["webhook-signature"].split(" ")) == 2
    assert during.verified_by(old) and during.verified_by(new)
    assert len(after.headers["webhook-signature"].split(" ")) == 1
    assert after.verified_by(new) and not after.verified_by(old)
    assert "No matching signature" in after.checks[old]
    # a rotation without overlap drops every older secret
    newest, _ = endpoint_rotate_secret(endpoint=endpoint, overlap=timedelta(0))
    assert [unseal(s) for s in endpoint.secrets.values_list("secret", flat=True)] == [newest]


def test_receiver_down_then_up_follows_the_schedule_without_a_tight_loop(
    make_endpoint, make_claim, receiver, dead_url, clock, settings
):
    # given an endpoint whose receiver is down (nothing listens on its port)
    endpoint = make_endpoint(url=dead_url)
    _change_status(make_claim)
    delivery = Delivery.objects.get()
    created = clock.now

    # when the sweeper runs every 30 s for as long as the schedule's first three attempts take
    sent_at = []
    for _ in range(int((RETRY_SCHEDULE[1] + RETRY_SCHEDULE[2]) * 1.2 / timedelta(seconds=30)) + 2):
        if _sweep_and_send():
            sent_at.append(clock.now - created)
        clock.advance(seconds=30)

    # then exactly three attempts were made (at 0, ~5 s and ~5 min), each recorded with its error
    delivery.refresh_from_db()
    assert delivery.attempt_count == 3 == len(sent_at)
    assert sent_at[0] == timedelta(0)
    assert sent_at[1] == timedelta(seconds=30)  # the first sweep after the 5 s delay
    assert timedelta(minutes=4, seconds=30) <= sent_at[2] <= timedelta(minutes=6)
    errors = list(delivery.attempts.values_list("error", flat=True))
    assert len(errors) == 3 and all("ConnectionError" in e for e in errors)
    due = delivery.next_attempt_at - clock.now
    assert timedelta(minutes=20) < due < timedelta(minutes=35)

    # when the receiver is back, the next attempt (not before it is due) delivers it
    Endpoint.objects.filter(pk=endpoint.pk).update(url=receiver.url)
    assert _sweep_and_send() == []
    clock.now = delivery.next_attempt_at
    assert _sweep_and_send() == ["succeeded"]
    assert len(receiver.received) == 1
    assert receiver.received[0].verified_by(endpoint.secret)
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempt_count) == ("succeeded", 4)
    endpoint.refresh_from_db()
    assert endpoint.failing_since is None


def test_webhook_id_is_stable_across_retries_and_replays_while_timestamp_and_signature_change(
    make_endpoint, make_claim, receiver, clock, monkeypatch
):
    from claims.webhooks import services

    seconds = iter(range(1_800_000_000, 1_800_000_100, 7))
    monkeypatch.setattr(services, "wall_clock", lambda: next(seconds))
    # The receiver checks freshness against these timestamps.
    monkeypatch.setattr(
        "standardwebhooks.webhooks.Webhook._Webhook__verify_timestamp",
        lambda self, ts: dt.datetime.fromtimestamp(int(ts), tz=UTC),
    )
    endpoint = make_endpoint()
    receiver.respond(500, 503)
    _change_status(make_claim)
    delivery = Delivery.objects.get()

    delivery_attempt(delivery_id=delivery.pk)
    clock.now = Delivery.objects.get().next_attempt_at
    delivery_attempt(delivery_id=delivery.pk)
    clock.now = Delivery.objects.get().next_attempt_at
    delivery_attempt(delivery_id=delivery.pk)
    services.delivery_replay(delivery=Delivery.objects.get())
    delivery_attempt(delivery_id=delivery.pk)

    got = receiver.received
    assert len(got) == 4
    assert {g.webhook_id for g in got} == {delivery.event.webhook_id}
    assert len({g.headers["webhook-timestamp"] for g in got}) == 4
    assert len({g.headers["webhook-signature"] for g in got}) == 4
    assert len({g.body for g in got}) == 1
    assert all(g.verified_by(endpoint.secret) for g in got)
    assert list(Attempt.objects.order_by("id").values_list("number", "status_code")) == [
        (1, 500),
        (2, 503),
        (3, 200),
        (1, 200),
    ]


def test_410_fails_the_delivery_and_disables_the_endpoint_and_tells_its_owner(
    make_endpoint, make_claim, receiver, user
):
    user.email = "ana@example.org"
    user.save()
    endpoint = make_endpoint()
    receiver.respond(410)
    _change_status(make_claim)
    _change_status(make_claim)
    first, second = Delivery.objects.order_by("pk")

    with pytest.MonkeyPatch.context() as mp:
        # on_commit callbacks run at once in these tests' wrapped transaction
        mp.setattr("django.db.transaction.on_commit", lambda fn, *a, **k: fn())
        assert delivery_attempt(delivery_id=first.pk).outcome == "failed"

    endpoint.refresh_from_db()
    assert endpoint.state == "disabled"
    assert "410" in endpoint.disabled_reason
    second.refresh_from_db()
    assert (second.state, second.attempt_count) == ("failed", 0)
    assert second.last_error.startswith("endpoint disabled")
    assert delivery_attempt(delivery_id=second.pk).outcome == "skipped"
    assert len(receiver.received) == 1
    [message] = mail.outbox
    assert message.to == ["ana@example.org"]
    assert endpoint.url in message.subject
    assert endpoint.secret not in message.body
    # no new deliveries for a disabled endpoint
    _change_status(make_claim)
    assert Delivery.objects.count() == 2


@pytest.mark.parametrize("status", [429, 503])
def test_429_and_503_honour_retry_after(make_endpoint, make_claim, receiver, clock, status):
    make_endpoint()
    receiver.respond((status, {"Retry-After": "3600"}, b"slow down"))
    _change_status(make_claim)
    delivery = Delivery.objects.get()

    assert delivery_attempt(delivery_id=delivery.pk).outcome == "retry"

    delivery.refresh_from_db()
    # the schedule alone would retry after ~5 s
    assert delivery.next_attempt_at == clock.now + timedelta(hours=1)
    assert delivery.last_status_code == status
    clock.advance(minutes=59)
    assert _sweep_and_send() == []
    clock.advance(minutes=1)
    assert _sweep_and_send() == ["succeeded"]


def test_a_http_date_retry_after_is_honoured_too(make_endpoint, make_claim, receiver, clock):
    make_endpoint()
    when = datetime.now(UTC) + timedelta(minutes=10)
    receiver.respond((429, {"Retry-After": format_datetime(when, usegmt=True)}, b""))
    _change_status(make_claim)
    delivery_attempt(delivery_id=Delivery.objects.get().pk)

    delay = Delivery.objects.get().next_attempt_at - clock.now
    assert timedelta(minutes=9) < delay <= timedelta(minutes=10)


def test_a_redirect_is_not_followed_and_counts_as_a_failure(make_endpoint, make_claim, receiver):
    make_endpoint()
    receiver.respond((302, {"Location": receiver.url + "/elsewhere"}, b""))
    _change_status(make_claim)
    delivery = Delivery.objects.get()

    assert delivery_attempt(delivery_id=delivery.pk).outcome == "retry"

    assert [r.headers.get("host") for r in receiver.received] == [receiver.url.split("/")[2]]
    assert len(receiver.received) == 1  # the Location was not requested
    [attempt] = delivery.attempts.all()
    assert attempt.status_code == 302
    assert "redirects are not followed" in attempt.error
    delivery.refresh_from_db()
    assert delivery.state == "pending"


@pytest.mark.parametrize("status", [200, 201, 204, 299])
def test_any_2xx_is_success(make_endpoint, make_claim, receiver, status):
    make_endpoint()
    receiver.respond(status)
    _change_status(make_claim)
    assert delivery_attempt(delivery_id=Delivery.objects.get().pk).outcome == "succeeded"


@pytest.mark.parametrize("status", [301, 304, 400, 404, 500])
def test_anything_else_is_retried(make_endpoint, make_claim, receiver, status):
    make_endpoint()
    receiver.respond(status)
    _change_status(make_claim)
    delivery = Delivery.objects.get()
    assert delivery_attempt(delivery_id=delivery.pk).outcome == "retry"
    delivery.refresh_from_db()
    assert (delivery.state, delivery.last_status_code) == ("pending", status)


def test_after_the_last_scheduled_attempt_the_delivery_fails(make_endpoint, make_claim, receiver, clock):
    make_endpoint()
    receiver.respond(*[500] * len(RETRY_SCHEDULE))
    _change_status(make_claim)
    delivery = Delivery.objects.get()
    start = clock.now

    outcomes = []
    for _ in range(len(RETRY_SCHEDULE)):
        clock.now = Delivery.objects.get(pk=delivery.pk).next_attempt_at
        outcomes.append(delivery_attempt(delivery_id=delivery.pk).outcome)

    assert outcomes == ["retry"] * (len(RETRY_SCHEDULE) - 1) + ["failed"]
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempt_count, delivery.next_attempt_at) == ("failed", 10, None)
    # 0 + 5 s + 5 min + 30 min + 2 h + 5 h + 10 h + 14 h + 20 h (the 10th attempt), within the jitter
    nominal = sum(RETRY_SCHEDULE[:10], timedelta())
    assert nominal * 0.9 <= clock.now - start <= nominal * 1.1
    assert len(receiver.received) == 10


def test_an_endpoint_failing_for_three_days_is_disabled_and_its_owner_told(
    make_endpoint, make_claim, receiver, dead_url, clock, user, monkeypatch
):
    monkeypatch.setattr("django.db.transaction.on_commit", lambda fn, *a, **k: fn())
    user.email = "ana@example.org"
    user.save()
    endpoint = make_endpoint(url=dead_url)
    start = clock.now
    _change_status(make_claim)
    delivery = Delivery.objects.get()

    # the sweeper runs every 30 min for four days, and a new event comes every 6 hours
    while clock.now - start < timedelta(days=4):
        _sweep_and_send()
        clock.advance(minutes=30)
        if (clock.now - start) % timedelta(hours=6) == timedelta(0):
            _change_status(make_claim)
        endpoint.refresh_from_db()
        if endpoint.state == "disabled":
            break

    assert endpoint.state == "disabled"
    disabled_after = endpoint.disabled_at - start
    assert timedelta(days=3) <= disabled_after <= timedelta(days=3, hours=6)
    assert "3 days" in endpoint.disabled_reason
    assert not Delivery.objects.filter(state="pending").exists()
    assert Delivery.objects.filter(state="failed").count() == Delivery.objects.count() > 1
    delivery.refresh_from_db()
    assert delivery.attempt_count < 10  # disabled before its own schedule ran out
    [message] = mail.outbox
    assert message.to == ["ana@example.org"] and dead_url in message.body


def test_the_response_body_is_cut_to_1_kb(make_endpoint, make_claim, receiver):
    make_endpoint()
    receiver.respond((200, {}, b"x" * 5000))
    _change_status(make_claim)
    delivery_attempt(delivery_id=Delivery.objects.get().pk)
    assert len(Attempt.objects.get().response_body) == 1024


def test_a_receiver_slower_than_the_timeout_is_a_failed_attempt(make_endpoint, make_claim, receiver, settings):
    settings.WEBHOOKS_TIMEOUT_SECONDS = 1
    make_endpoint()
    receiver.gate.clear()
    _change_status(make_claim)
    try:
        result = delivery_attempt(delivery_id=Delivery.objects.get().pk)
    finally:
        receiver.gate.set()
    assert result.outcome == "retry"
    attempt = Attempt.objects.get()
    assert attempt.error == "timeout after 1 s"
    assert 900 <= attempt.latency_ms < 3000


def test_a_delivery_leased_by_another_worker_is_not_sent(make_endpoint, make_claim, receiver):
    make_endpoint()
    _change_status(make_claim)
    [(pk, token)] = deliveries_sweep()

    # the fast path finds it leased; a stale sweeper token finds it too
    assert delivery_attempt(delivery_id=pk).outcome == "skipped"
    assert delivery_attempt(delivery_id=pk, lease_token="00000000-0000-0000-0000-000000000000").outcome == "skipped"
    assert deliveries_sweep() == []
    assert receiver.received == []
    # the lease holder sends it, once
    assert delivery_attempt(delivery_id=pk, lease_token=token).outcome == "succeeded"
    assert delivery_attempt(delivery_id=pk, lease_token=token).outcome == "skipped"
    assert len(receiver.received) == 1


def test_an_expired_lease_is_taken_over_and_the_lost_attempt_recorded(make_endpoint, make_claim, receiver, clock):
    from claims.webhooks.services import _delivery_claim

    make_endpoint()
    _change_status(make_claim)
    delivery = Delivery.objects.get()
    # a worker claims the delivery, then dies before sending
    assert _delivery_claim(delivery_id=delivery.pk, lease_token=None) is not None
    assert deliveries_sweep() == []

    clock.advance(seconds=121)
    assert _sweep_and_send() == ["succeeded"]

    assert list(delivery.attempts.order_by("id").values_list("number", "status_code", "error")) == [
        (1, None, "abandoned: the worker was lost before the attempt ended"),
        (2, 200, ""),
    ]


def test_an_endpoint_deleted_during_an_attempt_ends_it_quietly(make_endpoint, make_claim, receiver):
    endpoint = make_endpoint()
    _change_status(make_claim)
    delivery = Delivery.objects.get()
    receiver.respond(200)

    def delete_then_answer():
        Endpoint.objects.filter(pk=endpoint.pk).delete()

    from claims.webhooks import sending

    real_post = sending.post

    def post(**kwargs):
        answer = real_post(**kwargs)
        delete_then_answer()
        return answer

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sending, "post", post)
        assert delivery_attempt(delivery_id=delivery.pk).outcome == "succeeded"
    assert not Delivery.objects.exists() and not Attempt.objects.exists()


def test_a_receiver_trickling_its_answer_is_cut_at_the_timeout(make_endpoint, make_claim, settings):
    """Each byte comes before the read timeout; the attempt as a whole still ends on time."""
    import socket
    import threading
    import time

    settings.WEBHOOKS_TIMEOUT_SECONDS = 2
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    done = threading.Event()

    def trickle():
        conn, _ = server.accept()
        with conn:
            conn.recv(65536)
            try:
                conn.sendall(b"HTTP/1.1 200 OK\r\n")
                while not done.wait(0.3):
                    conn.sendall(b"X-Slow: 1\r\n")
            except OSError:
                pass

    thread = threading.Thread(target=trickle, daemon=True)
    thread.start()
    make_endpoint(url=f"http://127.0.0.1:{server.getsockname()[1]}/hooks")
    _change_status(make_claim)
    started = time.monotonic()
    try:
        result = delivery_attempt(delivery_id=Delivery.objects.get().pk)
    finally:
        done.set()
        server.close()
    took = time.monotonic() - started

    assert result.outcome == "retry"
    assert Attempt.objects.get().error == "timeout after 2 s"
    assert 1.9 <= took < 4
