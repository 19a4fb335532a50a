"""How the service is doing, for load balancers and operators (/healthz, /readyz)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.db.models import Min
from django.utils import timezone

from claims.models import Article
from claims.webhooks.models import Delivery

# A queued article older than this, or a delivery this late, says the workers are not keeping up.
BACKLOG_WARN_SECONDS = 600
DELIVERY_LATE_SECONDS = 300


def readiness() -> tuple[bool, dict]:
    """(ready, report). Ready means this process can serve: its database and broker answer. Workers
    missing or a backlog make the report "degraded" without taking the web out of the pool: the API still
    answers and work queued meanwhile is kept."""
    checks: dict[str, dict] = {}
    checks["database"] = _database()
    checks["broker"] = _broker()
    if checks["database"]["ok"]:
        checks["workers"] = _workers()
        checks["backlog"] = _backlog()
    ready = checks["database"]["ok"] and checks["broker"]["ok"]
    healthy = ready and all(c["ok"] for c in checks.values())
    return ready, {"status": "ok" if healthy else ("degraded" if ready else "unavailable"), "checks": checks}


def _database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # any failure to reach it is the answer
        return {"ok": False, "error": type(exc).__name__}
    return {"ok": True}


def _broker() -> dict:
    if not settings.CELERY_BROKER_URL:
        return {"ok": True, "mode": "in-process"}
    from kombu import Connection

    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:
        return {"ok": False, "error": type(exc).__name__}
    return {"ok": True}


def _workers() -> dict:
    if not settings.CELERY_BROKER_URL:
        return {"ok": True, "mode": "in-process"}
    from config.celery import app

    try:
        answers = app.control.ping(timeout=1.0) or []
    except Exception as exc:
        return {"ok": False, "error": type(exc).__name__}
    return {"ok": bool(answers), "answering": len(answers)}


def _backlog() -> dict:
    now = timezone.now()
    oldest = Article.objects.filter(state=Article.State.QUEUED).aggregate(at=Min("created_at"))["at"]
    age = (now - oldest).total_seconds() if oldest else 0.0
    late = Delivery.objects.filter(
        state=Delivery.State.PENDING,
        next_attempt_at__lt=now - timedelta(seconds=DELIVERY_LATE_SECONDS),
    ).count()
    return {
        "ok": age < BACKLOG_WARN_SECONDS and late == 0,
        "oldest_queued_article_seconds": round(age, 1),
        "deliveries_overdue": late,
    }
