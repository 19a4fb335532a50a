"""Liveness and readiness, as JSON, outside the API's authentication (load balancers call them)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST

from claims.api.problems import problem_response
from claims.metrics import exposition
from claims.services.health import readiness


@never_cache
@require_GET
def healthz(request):
    """The process answers: nothing else is checked, so a slow database never gets it restarted."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request):
    ready, report = readiness()
    return JsonResponse(report, status=200 if ready else 503)


@never_cache
@require_GET
def metrics(request):
    """Prometheus metrics, for the monitoring system only: its bearer token (METRICS_TOKEN) or a staff login."""
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    allowed = (token and given and constant_time_compare(given, token)) or (
        request.user.is_authenticated and request.user.is_staff
    )
    if not allowed:
        # Not found rather than forbidden: the endpoint is not advertised to the public.
        return problem_response(404, code="not_found", detail="No such resource.")
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)
