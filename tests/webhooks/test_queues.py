"""Queues by kind: a flood of articles waiting to be extracted never holds back a verdict's webhook."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth.models import Group

from claims.models import Article
from claims.services.articles import content_hash
from claims.services.dispatch import PROCESS_ARTICLE, dispatch
from claims.services.reviews import Verdict, claims_give_verdicts
from tests.conftest import wait_for

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

FLOOD = 1000


def test_a_verdicts_event_is_delivered_while_a_thousand_articles_wait(
    app_on, own_redis, start_worker, make_endpoint, make_claim, receiver, django_user_model, capsys
):
    # given 1,000 articles queued for extraction, ahead of everything else
    texts = [f"Orvane Freight {i} reported revenue of {i + 10} million euros in 2024." for i in range(FLOOD)]
    Article.objects.bulk_create(
        Article(text=t, content_hash=content_hash(t), source_name=f"Wire {i}", outlet=f"wire {i}", language="en")
        for i, t in enumerate(texts)
    )
    for pk in Article.objects.values_list("pk", flat=True):
        dispatch(PROCESS_ARTICLE, pk)
    # and a reviewer's verdict, whose event is queued after them
    make_endpoint(event_types=("claim.status_changed",))
    rita = django_user_model.objects.create_user(username="rita", password="a-long-test-password", is_staff=True)
    rita.groups.add(Group.objects.get(name="reviewers"))
    claim = make_claim()
    claims_give_verdicts(reviewer=rita, verdicts=[Verdict(claim.pk, "verified", claim.status_version)])

    # when one worker starts on every queue
    started = time.monotonic()
    start_worker(own_redis.url)
    wait_for(lambda: len(receiver.received) >= 1, timeout=120)
    delivered = time.monotonic() - started
    waiting = Article.objects.exclude(state="done").count()

    # then the event arrived while nearly all the articles still waited
    assert receiver.received[0].payload["data"]["claim_id"] == claim.pk
    assert waiting >= FLOOD * 0.9, waiting
    with capsys.disabled():
        note = f"the verdict's event delivered {delivered:.1f} s after the worker started"
        print(f"\n  queues: {note}, {waiting} articles still waiting")
