"""Prometheus metrics: requests, tasks, queue depths, articles, claims and webhook deliveries.

Counters and histograms are kept per process; under gunicorn or several Celery workers,
set PROMETHEUS_MULTIPROC_DIR to a folder all of them share (emptied at deploy), and /metrics
adds them up (prometheus-client's multiprocess mode). The counts of articles, claims and
deliveries by state, and the queues' depths, are read when scraped, so they are right
whichever process answers.
"""

from __future__ import annotations

import os
import time

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily

REQUESTS = Counter("factcheck_http_requests_total", "HTTP requests answered", ["route", "method", "status"])
REQUEST_SECONDS = Histogram("factcheck_http_request_seconds", "Time to answer a request", ["route"])
TASK_SECONDS = Histogram("factcheck_task_seconds", "Time a Celery task ran", ["task"])
TASK_FAILURES = Counter("factcheck_task_failures_total", "Celery tasks that raised", ["task"])


class StateCollector:
    """Gauges read from the database and the broker when Prometheus scrapes."""

    def collect(self):
        from django.conf import settings
        from django.db.models import Count

        from claims.models import Article, Claim
        from claims.webhooks.models import Delivery

        for name, help_text, model, field in (
            ("factcheck_articles", "Articles by state", Article, "state"),
            ("factcheck_claims", "Claims by status", Claim, "status"),
            ("factcheck_webhook_deliveries", "Webhook deliveries by outcome", Delivery, "state"),
        ):
            family = GaugeMetricFamily(name, help_text, labels=[field])
            for value, count in model.objects.values_list(field).annotate(n=Count("pk")).order_by():
                family.add_metric([value], count)
            yield family
        depths = GaugeMetricFamily("factcheck_queue_depth", "Tasks waiting in each queue", labels=["queue"])
        for queue, depth in _queue_depths(settings).items():
            depths.add_metric([queue], depth)
        yield depths


def _queue_depths(settings) -> dict[str, int]:
    if not settings.CELERY_BROKER_URL:
        return {}
    from claims.services.dispatch import queue_depths

    return {
        queue: depth for queue, depth in queue_depths(list(settings.CELERY_TASK_QUEUES)).items() if depth is not None
    }


def exposition() -> bytes:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    state = CollectorRegistry()
    state.register(StateCollector())
    return generate_latest(registry) + generate_latest(state)


class MetricsMiddleware:
    """Counts every request by its route pattern (never the raw path: ids would make endless series)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        route = match.route if match is not None and match.route else "unmatched"
        REQUESTS.labels(route, request.method if request.method in _METHODS else "other", response.status_code).inc()
        REQUEST_SECONDS.labels(route).observe(time.perf_counter() - started)
        return response


_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


def task_signals_connect() -> None:
    """Task durations and failures, from Celery's signals (in the worker processes)."""
    from celery import signals

    started: dict[str, float] = {}

    def before(task_id=None, task=None, **kwargs):
        started[task_id] = time.perf_counter()

    def after(task_id=None, task=None, **kwargs):
        began = started.pop(task_id, None)
        if began is not None and task is not None:
            TASK_SECONDS.labels(task.name).observe(time.perf_counter() - began)

    def failed(sender=None, **kwargs):
        TASK_FAILURES.labels(getattr(sender, "name", "unknown")).inc()

    signals.task_prerun.connect(before, weak=False)
    signals.task_postrun.connect(after, weak=False)
    signals.task_failure.connect(failed, weak=False)
