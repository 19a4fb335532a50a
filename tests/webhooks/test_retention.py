"""Pruning keeps what matters: pending deliveries, and every reviewer's verdict and correction."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from claims.models import StatusChange
from claims.services.checks import claims_check
from claims.services.retention import history_prune
from claims.services.reviews import Verdict, claims_give_verdicts
from claims.webhooks.models import Attempt, Delivery, Event
from claims.webhooks.services import delivery_attempt, events_publish

pytestmark = pytest.mark.django_db


def test_old_history_is_pruned_in_batches_and_the_audit_is_kept(
    make_endpoint, make_claim, make_article, django_user_model, settings
):
    settings.FACTCHECK_RETENTION_DAYS = 30
    long_ago = timezone.now() - timedelta(days=31)
    endpoint = make_endpoint(event_types=("claim.created",))
    events_publish(events=[("claim.created", {"claim_id": n}) for n in range(5)])
    for delivery in Delivery.objects.all()[:3]:
        delivery_attempt(delivery_id=delivery.pk)  # delivered: 3 succeeded, 2 still pending
    Delivery.objects.update(created_at=long_ago)
    Event.objects.update(created_at=long_ago)
    a, b = make_claim(article=make_article(), value=30), make_claim(article=make_article(), value=40)
    claims_check(claim_ids=[a.pk, b.pk])  # the checks' changes
    rita = django_user_model.objects.create_user(username="rita", password="a-long-test-password", is_staff=True)
    rita.groups.add(Group.objects.get(name="reviewers"))
    a.refresh_from_db()
    claims_give_verdicts(reviewer=rita, verdicts=[Verdict(a.pk, "verified", a.status_version)])
    StatusChange.objects.update(created_at=long_ago)
    assert Delivery.objects.filter(state="succeeded").count() == 3

    pruned = history_prune(batch=2)

    assert pruned["deliveries"] == 3 and pruned["events"] == 3
    assert Delivery.objects.filter(state="pending").count() == 2  # still to be sent: kept, with their events
    assert Event.objects.filter(type="claim.created").count() == 2 and Attempt.objects.count() == 0
    assert list(StatusChange.objects.values_list("actor_user__username", "to_status")) == [("rita", "verified")]
    assert endpoint.pk


def test_recent_history_is_kept(make_endpoint, settings):
    settings.FACTCHECK_RETENTION_DAYS = 30
    make_endpoint(event_types=("claim.created",))
    events_publish(events=[("claim.created", {"claim_id": 1})])
    delivery_attempt(delivery_id=Delivery.objects.get().pk)

    assert history_prune() == {"attempts": 0, "deliveries": 0, "events": 0, "status_changes": 0}
    assert Delivery.objects.count() == Event.objects.count() == 1
