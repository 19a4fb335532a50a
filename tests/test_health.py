"""/healthz (the process answers) and /readyz (database, broker, workers, backlog), each dependency failed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import OperationalError
from django.utils import timezone

from claims.models import Article
from claims.services.articles import article_submit

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_touching_anything(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_readyz_reports_each_dependency(client, settings):
    settings.CELERY_BROKER_URL = ""  # in-process tasks: nothing to reach

    response = client.get("/readyz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "broker", "workers", "backlog"}


def test_readyz_is_503_when_the_broker_is_unreachable(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["ok"] is False
    assert response.json()["status"] == "unavailable"


def test_readyz_is_503_when_the_database_is_unreachable(client, monkeypatch):
    def refused(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("claims.services.health.connection.cursor", refused)

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {"ok": False, "error": "OperationalError"}


def test_a_backlog_makes_readyz_degraded_but_still_ready(client, settings):
    settings.CELERY_BROKER_URL = ""
    article, _ = article_submit(text="Orvane made 3 sales.", source_name="Wire")
    Article.objects.filter(pk=article.pk).update(created_at=timezone.now() - timedelta(minutes=20))

    response = client.get("/readyz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["backlog"]["oldest_queued_article_seconds"] >= 1200


@pytest.mark.services
def test_readyz_sees_a_real_worker_and_its_absence(client, settings, celery_worker):
    answered = client.get("/readyz").json()

    assert answered["checks"]["broker"]["ok"] is True
    assert answered["checks"]["workers"]["answering"] >= 1


def test_metrics_are_hidden_from_the_public(client, settings):
    settings.METRICS_TOKEN = "a-scrape-token-for-the-tests"

    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404


def test_metrics_count_requests_by_route_and_the_state_of_things(client, settings, api, make_claim):
    settings.METRICS_TOKEN = "a-scrape-token-for-the-tests"
    claim = make_claim()
    api.get(f"/api/v1/claims/{claim.pk}/")
    article_submit(text="Orvane made 3 sales.", source_name="Wire")

    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer a-scrape-token-for-the-tests")

    assert response.status_code == 200
    text = response.content.decode()
    # By the route's pattern, never by the id in the path.
    assert 'factcheck_http_requests_total{method="GET",route="api/v1/claims/(?P<pk>[0-9]+)/$",status="200"}' in text
    assert f"/claims/{claim.pk}/" not in text
    assert 'factcheck_claims{status="pending"} 1.0' in text
    assert 'factcheck_articles{state="queued"}' in text
    assert "factcheck_webhook_deliveries" in text


def test_task_durations_and_failures_are_measured(client, settings, monkeypatch):
    from claims.metrics import TASK_FAILURES, TASK_SECONDS
    from claims.tasks import check_claims

    settings.METRICS_TOKEN = "a-scrape-token-for-the-tests"
    before = TASK_SECONDS.labels("claims.check_claims")._sum.get()

    check_claims.apply(args=[[]])

    assert TASK_SECONDS.labels("claims.check_claims")._sum.get() > before
    monkeypatch.setattr("claims.tasks.claims_check", lambda **kw: 1 / 0)
    failures = TASK_FAILURES.labels("claims.check_claims")._value.get()
    check_claims.apply(args=[[]])
    assert TASK_FAILURES.labels("claims.check_claims")._value.get() == failures + 1
