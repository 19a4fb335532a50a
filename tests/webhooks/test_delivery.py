"""Sending to a real receiver on loopback that verifies every request with `standardwebhooks`."""

from __future__ import annotations

from datetime import timedelta

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
