from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

import pytest
from rest_framework.test import APIClient

from claims.models import Article, Claim, Entity
from claims.services.articles import content_hash, outlet_of
from factcheck.agreement import fact_key
from factcheck.similarity import fingerprint


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user(username="ana", password="a-long-test-password")


@pytest.fixture
def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def make_article(db) -> Callable[..., Article]:
    counter = iter(range(1, 10_000))

    def make(
        text: str | None = None,
        *,
        source_name: str | None = None,
        url: str = "",
        published: date | None = date(2025, 3, 1),
        language: str = "en",
        state: str = Article.State.DONE,
    ) -> Article:
        n = next(counter)
        # Each article its own outlet and its own words, unless a test says otherwise.
        source_name = source_name or f"Test Wire {n}"
        text = text or f"Report {n}: " + " ".join(f"w{n}x{i}" for i in range(40))
        return Article.objects.create(
            text=text,
            content_hash=content_hash(text),
            source_name=source_name,
            url=url,
            outlet=outlet_of(url, source_name),
            fingerprint=fingerprint(text),
            published=published,
            language=language,
            state=state,
        )

    return make


@pytest.fixture
def make_claim(db, make_article) -> Callable[..., Claim]:
    """A stored claim built directly (no engine), for checks and API tests."""

    def make(
        *,
        article: Article | None = None,
        predicate: str = "stake",
        subject: str = "Orvane",
        object: str | None = "Kelpie Systems",
        value: float | None = 30.0,
        unit: str | None = "%",
        period: str | None = None,
        time: str | None = None,
        role: str | None = None,
        qualifier: str = "exact",
        modality: str = "asserted",
        span: tuple[int, int] = (0, 10),
    ) -> Claim:
        article = article or make_article()
        subj, _ = Entity.objects.get_or_create(name=subject, defaults={"kind": "organisation"})
        obj = Entity.objects.get_or_create(name=object, defaults={"kind": "organisation"})[0] if object else None
        key = fact_key(
            predicate=predicate,
            subject=subj.pk,
            object=obj.pk if obj else None,
            unit=unit,
            period=period,
            role=role,
            time=time,
        )
        return Claim.objects.create(
            article=article,
            predicate=predicate,
            subject=subj,
            object=obj,
            value=value,
            unit=unit,
            period=period,
            time=time,
            role=role,
            qualifier=qualifier,
            modality=modality,
            text=article.text[: span[1]],
            span_start=span[0],
            span_end=span[1],
            fact_key=key,
        )

    return make


def wait_for(condition: Callable[[], bool], timeout: float = 60.0, interval: float = 0.2) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s")


@pytest.fixture
def celery_worker(transactional_db, settings):
    """A real Celery worker consuming from the Redis broker of the test settings.

    Runs in a thread of the test process with its own database connections, so
    the tests that use it commit their data (transactional_db) for it to see.
    """
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    if app.conf.task_always_eager or not app.conf.broker_url:
        pytest.fail("the services tests need CELERY_BROKER_URL pointing at a real Redis")
    app.control.purge()
    with start_worker(
        app, pool="solo", concurrency=1, perform_ping_check=False, loglevel="WARNING", shutdown_timeout=30
    ) as worker:
        yield worker
