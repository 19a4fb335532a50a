"""The Celery side: beat schedule, task limits, the sweeper task and the fast path when the broker fails."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from django.conf import settings

from claims.webhooks import services, tasks
from claims.webhooks.models import Delivery
from claims.webhooks.services import deliveries_sweep, endpoint_rotate_secret, events_publish

pytestmark = pytest.mark.django_db


def test_beat_sweeps_every_30_seconds():
    from config.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["webhooks-sweep"]
    assert entry["task"] == "webhooks.sweep" == tasks.sweep.name
    assert entry["schedule"] == 30.0
    assert entry["task"] in app.tasks


def test_task_limits_stay_below_the_lease_and_the_visibility_timeout():
    from config.celery import app

    lease = settings.WEBHOOKS_LEASE_SECONDS
    assert tasks.deliver.soft_time_limit < tasks.deliver.time_limit < lease
    assert lease < settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert settings.WEBHOOKS_TIMEOUT_SECONDS == 15
    assert lease > 2 * settings.WEBHOOKS_TIMEOUT_SECONDS
    assert app.conf.task_acks_late and app.conf.task_reject_on_worker_lost
    assert app.conf.worker_prefetch_multiplier == 1
    assert app.conf.task_publish_retry_policy["max_retries"] <= 3


def test_the_sweep_task_gives_back_what_it_could_not_queue(make_endpoint, monkeypatch):
    make_endpoint(event_types=["claim.created"])
    events_publish(events=[("claim.created", {"n": i}) for i in range(5)])
    queued = []

    def delay(delivery_id, token):
        if len(queued) == 2:
            raise ConnectionError("Redis is down")
        queued.append(delivery_id)

    monkeypatch.setattr(tasks.deliver, "delay", delay)

    assert tasks.sweep() == 5

    assert len(queued) == 2
    # the three not queued are free for the next sweep at once; the two queued stay leased
    assert Delivery.objects.filter(leased_until__isnull=True).count() == 3
    assert {pk for pk, _ in deliveries_sweep()} == set(
        Delivery.objects.exclude(pk__in=queued).values_list("pk", flat=True)
    )


def test_a_broker_failure_on_the_fast_path_is_logged_and_pauses_it(
    make_endpoint, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    make_endpoint(event_types=["claim.created"])
    calls = []

    def delay(delivery_id):
        calls.append(delivery_id)
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(tasks.deliver, "delay", delay)
    monkeypatch.setattr(services, "_fast_path_paused_until", 0.0)

    with django_capture_on_commit_callbacks(execute=True):
        events_publish(events=[("claim.created", {"n": 1}), ("claim.created", {"n": 2})])
    with django_capture_on_commit_callbacks(execute=True):
        events_publish(events=[("claim.created", {"n": 3})])

    # one try, then no more for FAST_PATH_PAUSE: every request would pay for it, and the sweeper sends them
    assert len(calls) == 1
    assert "the sweeper will send them" in caplog.text
    assert Delivery.objects.filter(state="pending").count() == 3


def test_secrets_never_reach_the_logs(make_endpoint, make_claim, receiver, caplog, dead_url):
    from claims.services.statuses import claim_set_status
    from claims.webhooks.services import delivery_attempt

    caplog.set_level(logging.DEBUG)
    endpoint = make_endpoint()
    new, _ = endpoint_rotate_secret(endpoint=endpoint, overlap=timedelta(hours=1))
    claim = make_claim()
    claim_set_status(claim=claim, status="supported", reason="x", actor_system="checks")
    delivery_attempt(delivery_id=Delivery.objects.get().pk)
    other = make_endpoint(url=dead_url)
    claim_set_status(claim=claim, status="conflicting", reason="y", actor_system="checks")
    delivery_attempt(delivery_id=Delivery.objects.get(endpoint=other).pk)

    assert caplog.records, "nothing was logged: the test would prove nothing"
    text = "\n".join(r.getMessage() + str(r.__dict__) for r in caplog.records)
    for secret in (endpoint.secret, new, other.secret):
        assert secret not in text
        assert secret.removeprefix("whsec_") not in text


def test_a_sweep_costs_the_same_queries_however_many_are_due(make_endpoint, django_assert_num_queries):
    make_endpoint(event_types=["claim.created"])
    events_publish(events=[("claim.created", {"n": i}) for i in range(3)])
    # select due for update skip locked, lease them; + savepoint and release (the test's transaction)
    with django_assert_num_queries(4):
        assert len(deliveries_sweep()) == 3
    events_publish(events=[("claim.created", {"n": i}) for i in range(60)])
    with django_assert_num_queries(4):
        assert len(deliveries_sweep(limit=50)) == 50
    assert len(deliveries_sweep()) == 10
    with django_assert_num_queries(3):
        assert deliveries_sweep() == []


def test_the_sweep_command_sends_what_is_due_without_celery(make_endpoint, receiver, dead_url):
    from io import StringIO

    from django.core.management import call_command

    make_endpoint(event_types=["claim.created"])
    make_endpoint(event_types=["claim.created"], url=dead_url)
    events_publish(events=[("claim.created", {"n": 1})])
    out = StringIO()

    call_command("webhooks_sweep", stdout=out)
    call_command("webhooks_sweep", stdout=out)

    assert out.getvalue().splitlines() == ["webhooks: 1 retry, 1 succeeded", "webhooks: nothing due"]
    assert len(receiver.received) == 1
