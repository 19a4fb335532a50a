"""Request hygiene for the API, before any view runs."""

from __future__ import annotations

from django.conf import settings
from django.urls import Resolver404, get_resolver

from claims.api.problems import problem_response


class ApiRequestMiddleware:
    """Bounds query parameters and takes API paths with or without their trailing slash.

    Django's APPEND_SLASH answers a POST to /api/v1/articles with a 500 in debug and
    a 301 that drops the body otherwise; a client that forgets the slash should
    simply reach the endpoint, so the path is completed internally, not redirected.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/api/"):
            return self.get_response(request)
        too_long = _query_too_long(request)
        if too_long is not None:
            return too_long
        path = request.path_info
        if not path.endswith("/") and not _resolves(path) and _resolves(path + "/"):
            request.path_info = path + "/"
            request.path = request.path + "/"
        return self.get_response(request)


def _query_too_long(request):
    limit = settings.API_MAX_PARAM_LENGTH
    errors = {}
    for name, values in request.GET.lists():
        if len(name) > limit:
            errors[name[:50] + "…"] = [f"A parameter name longer than {limit} characters is refused."]
            continue
        longest = max((len(v) for v in values), default=0)
        if longest > limit:
            errors[name] = [f"The value is {longest:,} characters long; the limit is {limit:,}."]
        elif len(values) > 1:
            errors[name] = ["Give this parameter once."]
    if not errors:
        return None
    detail = "; ".join(f"{name}: {messages[0]}" for name, messages in errors.items())
    return problem_response(400, code="invalid", detail=detail, errors=errors)


def _resolves(path: str) -> bool:
    try:
        get_resolver().resolve(path)
    except Resolver404:
        return False
    return True
