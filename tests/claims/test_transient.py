"""A transient database error (a locked SQLite file, a dropped connection) delays an article, never fails it."""

from __future__ import annotations

import pytest
from django.db import OperationalError

import claims.services.articles as articles
from claims.models import Article
from claims.services.articles import article_submit
from claims.tasks import PROCESS_RETRIES, process_article

pytestmark = pytest.mark.django_db

TEXT = "Orvane reported revenue of 12 million euros in 2024."


@pytest.fixture
def no_waiting(monkeypatch):
    monkeypatch.setattr("claims.tasks.time.sleep", lambda seconds: None)


def flaky_store(monkeypatch, failures: int):
    real = articles._store_extraction
    calls = {"n": 0}

    def store(article, extraction):
        calls["n"] += 1
        if calls["n"] <= failures:
            raise OperationalError("database is locked")
        return real(article, extraction)

    monkeypatch.setattr(articles, "_store_extraction", store)
    return calls


def test_an_article_that_meets_a_transient_error_is_retried_and_ends_done(monkeypatch, no_waiting):
    article, _ = article_submit(text=TEXT, source_name="Test Wire")
    calls = flaky_store(monkeypatch, failures=3)

    process_article.apply(args=[article.pk])

    article.refresh_from_db()
    assert (article.state, article.error) == ("done", "")
    assert calls["n"] == 4
    assert article.claims.count() >= 1


def test_between_retries_the_article_is_queued_with_the_reason(monkeypatch):
    article, _ = article_submit(text=TEXT, source_name="Test Wire")
    flaky_store(monkeypatch, failures=1)

    with pytest.raises(articles.TransientFailure):
        articles.article_process(article_id=article.pk)

    article.refresh_from_db()
    assert article.state == "queued"
    assert "retrying after a transient error: OperationalError: database is locked" in article.error


def test_a_transient_error_that_never_ends_fails_the_article_with_the_reason(monkeypatch, no_waiting):
    article, _ = article_submit(text=TEXT, source_name="Test Wire")
    calls = flaky_store(monkeypatch, failures=10_000)

    process_article.apply(args=[article.pk])

    article.refresh_from_db()
    assert article.state == "failed"
    assert article.error.startswith("gave up after repeated transient errors: database is locked")
    assert calls["n"] == PROCESS_RETRIES + 1


def test_an_error_in_the_data_fails_at_once_without_retries(monkeypatch, no_waiting):
    article, _ = article_submit(text=TEXT, source_name="Test Wire")

    def broken(*args, **kwargs):
        raise ValueError("the engine cannot read this")

    monkeypatch.setattr(articles.factcheck, "extract", broken)

    process_article.apply(args=[article.pk])

    article.refresh_from_db()
    assert (article.state, article.error) == ("failed", "ValueError: the engine cannot read this")
    assert Article.objects.count() == 1
