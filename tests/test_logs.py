"""Structured logs: one JSON object a line, each carrying the id of the request it belongs to, also from the
tasks that request caused."""

from __future__ import annotations

import io
import json
import logging
import os

import pytest
import structlog

import claims.services.articles as articles


@pytest.fixture
def json_lines():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            processors=[
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.JSONRenderer(),
            ],
            foreign_pre_chain=[structlog.contextvars.merge_contextvars, structlog.stdlib.add_log_level],
        )
    )
    root = logging.getLogger()
    root.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]
    root.removeHandler(handler)


@pytest.mark.skipif(
    bool(os.environ.get("CELERY_BROKER_URL")),
    reason="the in-process path; with a broker the id travels in the task's headers (the next test)",
)
@pytest.mark.django_db(transaction=True)
def test_a_request_id_is_on_the_requests_lines_and_on_the_lines_of_the_task_it_caused(
    api, json_lines, monkeypatch, settings
):
    settings.DJANGO_STRUCTLOG_TRUST_UPSTREAM_REQUEST_ID = True  # behind a proxy that sets X-Request-ID
    from config.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True  # the task runs here, as on the embedded default

    def broken(*args, **kwargs):
        raise ValueError("the engine cannot read this")

    monkeypatch.setattr(articles.factcheck, "extract", broken)

    response = api.post(
        "/api/v1/articles/",
        {"text": "Orvane made 3 sales.", "source_name": "Wire"},
        format="json",
        HTTP_X_REQUEST_ID="req-7f3a",
    )

    app.conf.task_always_eager = eager
    assert response.status_code == 202
    lines = json_lines()
    from_task = [x for x in lines if x.get("event", "").startswith("extraction of article")]
    assert from_task and from_task[0]["request_id"] == "req-7f3a"
    assert from_task[0]["level"] == "error"
    assert any(x.get("event") == "request_finished" and x.get("request_id") == "req-7f3a" for x in lines)


@pytest.mark.skipif(not os.environ.get("CELERY_BROKER_URL"), reason="needs a broker: tasks are published")
def test_a_published_task_carries_the_request_id_in_its_headers(own_redis, app_on):
    from celery.signals import before_task_publish

    from claims.services.dispatch import CHECK_CLAIMS, dispatch

    seen = []

    def look(headers=None, **kwargs):
        seen.append((headers or {}).get("__django_structlog__", {}))

    before_task_publish.connect(look, weak=False)
    structlog.contextvars.bind_contextvars(request_id="req-9c1e")
    try:
        dispatch(CHECK_CLAIMS, [])
    finally:
        structlog.contextvars.unbind_contextvars("request_id")
        before_task_publish.disconnect(look)

    assert seen and seen[-1].get("request_id") == "req-9c1e"
