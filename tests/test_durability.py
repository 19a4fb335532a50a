"""Work owed by a committed change survives the broker being down: a swept delay, never a loss."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from claims.models import Claim, Fact
from claims.services.checks import claims_check
from claims.services.reviews import claim_set_verdict, facts_requeue_stalled_rechecks
from tests.conftest import wait_for

pytestmark = pytest.mark.services


def test_a_verdict_given_while_redis_is_down_is_rechecked_once_it_is_back(
    app_on, own_redis, start_worker, make_claim, django_user_model
):
    reviewer = django_user_model.objects.create_user(username="rita", password="a-long-password-1", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="reviewers"))
    truth, other = make_claim(value=30), make_claim(value=40)
    claims_check(claim_ids=[truth.pk, other.pk])
    assert Claim.objects.get(pk=other.pk).status == "conflicting"

    # when a reviewer verifies one claim while the broker is down
    own_redis.stop()
    claim_set_verdict(claim=truth, reviewer=reviewer, verdict="verified")

    # then the verdict stands, and the re-check it owes is recorded, not lost
    assert Claim.objects.get(pk=truth.pk).status == "verified"
    assert Fact.objects.get(key=truth.fact_key).recheck_requested_at is not None
    assert Claim.objects.get(pk=other.pk).status == "conflicting"

    # when the broker is back and the sweeper runs (its grace period over)
    own_redis.start()
    start_worker(own_redis.url)
    Fact.objects.filter(key=truth.fact_key).update(recheck_requested_at=timezone.now() - timedelta(minutes=3))
    assert facts_requeue_stalled_rechecks() == [truth.fact_key]

    # then the worker re-checks the other claim against the verdict
    wait_for(lambda: Claim.objects.get(pk=other.pk).status == "contradicted", timeout=90)
    wait_for(lambda: Fact.objects.get(key=truth.fact_key).recheck_requested_at is None, timeout=30)
