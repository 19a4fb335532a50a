"""What makes a lost message, a killed worker or a dropped connection a delay and never a loss:
the lease renewed while an article is worked on, and the sweepers that queue lost work again."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.utils import timezone

import claims.services.articles as articles
from claims.models import Article, Claim
from claims.services.articles import GAVE_UP, article_submit, articles_requeue_stalled
from claims.services.checks import claims_requeue_pending

TEXT = "Orvane reported revenue of 12 million euros in 2024."


@pytest.fixture
def dispatched(monkeypatch):
    sent = []
    monkeypatch.setattr("claims.services.articles.dispatch", lambda name, *args: sent.append((name, *args)))
    monkeypatch.setattr("claims.services.checks.dispatch", lambda name, *args: sent.append((name, *args)))
    # The queues are empty: what the sweepers find late was lost, not waiting behind others.
    monkeypatch.setattr("claims.services.checks.queue_depth", lambda name: 0)
    monkeypatch.setattr("claims.services.articles.queue_depth", lambda name: 0)
    return sent


@pytest.mark.django_db
def test_claims_left_pending_have_their_checks_queued_again(make_claim, dispatched, settings):
    settings.FACTCHECK_PENDING_GRACE_SECONDS = 60
    lost = [make_claim(value=10 + i) for i in range(3)]
    fresh = make_claim(value=99)
    Claim.objects.filter(pk__in=[c.pk for c in lost]).update(created_at=timezone.now() - timedelta(minutes=5))

    requeued = claims_requeue_pending()

    assert requeued == [c.pk for c in lost]
    assert dispatched == [("claims.check_claims", [c.pk for c in lost])]
    assert fresh.pk not in requeued


@pytest.mark.django_db
def test_while_checks_wait_in_their_queue_late_claims_are_not_sent_again(make_claim, dispatched, monkeypatch, settings):
    settings.FACTCHECK_PENDING_GRACE_SECONDS = 60
    late = make_claim(value=10)
    Claim.objects.filter(pk=late.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    monkeypatch.setattr("claims.services.checks.queue_depth", lambda name: 2500)  # a burst being worked off

    assert claims_requeue_pending() == []
    assert dispatched == []


@pytest.mark.django_db
def test_a_queued_article_sent_again_rests_a_whole_grace_before_the_next_time(dispatched, monkeypatch):
    article, _ = article_submit(text=TEXT, source_name="Wire")
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now() - articles.QUEUED_GRACE * 2)
    monkeypatch.setattr("claims.services.articles.queue_depth", lambda name: 40)  # others still wait

    assert articles_requeue_stalled() == []  # it may be among them

    monkeypatch.setattr("claims.services.articles.queue_depth", lambda name: 0)  # the queue is empty: it was lost
    assert articles_requeue_stalled() == [article.pk]
    assert articles_requeue_stalled() == []  # not again at the next sweep
    assert dispatched.count(("claims.process_article", article.pk)) == 1


@pytest.mark.django_db
def test_an_article_that_failed_only_for_transient_errors_is_tried_again_after_a_rest(dispatched):
    article, _ = article_submit(text=TEXT, source_name="Wire")
    Article.objects.filter(pk=article.pk).update(
        state="failed", error=f"{GAVE_UP}: database is locked", updated_at=timezone.now() - timedelta(minutes=11)
    )
    broken, _ = article_submit(text=TEXT + " Again.", source_name="Wire")
    Article.objects.filter(pk=broken.pk).update(
        state="failed", error="ValueError: bad text", updated_at=timezone.now() - timedelta(minutes=11)
    )

    articles_requeue_stalled()

    assert Article.objects.get(pk=article.pk).state == "queued"
    assert Article.objects.get(pk=broken.pk).state == "failed"  # a real failure stays for a person
    assert ("claims.process_article", article.pk) in dispatched


@pytest.mark.django_db
def test_a_dead_workers_article_is_taken_over_after_the_short_lease():
    article, _ = article_submit(text=TEXT, source_name="Wire")
    lease = articles.PROCESSING_LEASE
    assert lease <= timedelta(seconds=60)
    Article.objects.filter(pk=article.pk).update(state="processing", updated_at=timezone.now() - lease / 2)
    assert articles.article_process(article_id=article.pk) == []  # still held by a live worker

    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now() - lease - timedelta(seconds=1))
    articles.article_process(article_id=article.pk)

    assert Article.objects.get(pk=article.pk).state == "done"


@pytest.mark.django_db(transaction=True)
def test_a_live_worker_renews_its_lease_while_it_works(monkeypatch, make_article):
    # Stored as queued without a dispatch: in-process tasks would extract it at once.
    article = make_article(TEXT, state="queued")
    monkeypatch.setattr(articles, "PROCESSING_LEASE", timedelta(seconds=0.6))
    real = articles.factcheck.extract
    seen = []

    def slow(*args, **kwargs):
        started = Article.objects.get(pk=article.pk).updated_at
        time.sleep(1.0)  # longer than the whole lease
        seen.append(Article.objects.get(pk=article.pk).updated_at - started)
        return real(*args, **kwargs)

    monkeypatch.setattr(articles.factcheck, "extract", slow)

    articles.article_process(article_id=article.pk)

    assert seen[0] > timedelta(0)  # renewed meanwhile, so no other worker could take it over
    assert Article.objects.get(pk=article.pk).state == "done"
