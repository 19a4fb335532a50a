"""Every error of the API as RFC 9457 problem details (`application/problem+json`).

One shape for all of them, whoever raises the error (a serializer, DRF's
authentication or throttling, Django's URL resolver, the upload limit, an
unhandled exception), so a client parses one thing:

    {"type": "about:blank", "title": "Bad Request", "status": 400, "code": "invalid",
     "detail": "text: The text is empty or only whitespace.",
     "errors": {"text": ["The text is empty or only whitespace."]}}

`errors` (field name -> messages) is there for validation errors only; `code` is a
stable machine-readable name for the kind of problem. The admin keeps Django's
HTML pages: it is read by people in a browser.
"""

from __future__ import annotations

import json
import logging
import math
from http import HTTPStatus

from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpResponse
from django.views import defaults
from rest_framework import exceptions
from rest_framework.response import Response

logger = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"


class Conflict(exceptions.APIException):
    status_code = 409
    default_detail = "The request conflicts with the resource's current state."
    default_code = "conflict"


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = "Say which version you based this on."
    default_code = "precondition_required"


def problem_body(status: int, *, detail: str = "", code: str = "", errors: dict | None = None) -> dict:
    body: dict = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status}
    if code:
        body["code"] = code
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    return body


def problem_response(status: int, **fields) -> HttpResponse:
    """A problem for the places that answer outside DRF (URL resolver, middleware, Django's handlers)."""
    headers = fields.pop("headers", None) or {}
    response = HttpResponse(
        json.dumps(problem_body(status, **fields), ensure_ascii=False),
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
        headers=headers,
    )
    return response


def _field_errors(detail) -> dict:
    """DRF's error detail as {field: [messages]}; errors about the body as a whole go under "body"."""
    if isinstance(detail, dict):
        return {
            ("body" if name == "non_field_errors" else name): _messages(value) if not isinstance(value, dict) else value
            for name, value in detail.items()
        }
    return {"body": _messages(detail)}


def _messages(value) -> list:
    if isinstance(value, list):
        return [str(v) if not isinstance(v, dict) else v for v in value]
    return [str(value)]


def _summary(errors: dict) -> str:
    parts = []
    for name, messages in errors.items():
        first = messages[0] if isinstance(messages, list) and messages else messages
        parts.append(f"{name}: {first}" if isinstance(first, str) else f"{name}: invalid")
    return "; ".join(parts)[:1000]


def exception_handler(exc, context):
    """DRF's exception handler, answering with problem details."""
    request = context.get("request")
    if isinstance(exc, RequestDataTooBig):
        return _drf_problem(413, code="too_large", detail=f"The request body is too large: {exc}.")
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, SuspiciousOperation):
        return _drf_problem(400, code="bad_request", detail=str(exc) or "The request was refused.")
    if not isinstance(exc, exceptions.APIException):
        return None  # an unhandled error: Django's handler500 answers (logged there)

    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None) is not None:
        headers["Retry-After"] = str(max(1, math.ceil(exc.wait)))

    if isinstance(exc, exceptions.ValidationError):
        errors = _field_errors(exc.detail)
        return _drf_problem(400, code="invalid", detail=_summary(errors), errors=errors, headers=headers)
    if isinstance(exc, exceptions.ParseError):
        errors = {"body": [f"The request body is not valid JSON: {exc.detail}"]}
        return _drf_problem(400, code="parse_error", detail=errors["body"][0], errors=errors)
    if isinstance(exc, exceptions.UnsupportedMediaType):
        got = (request.content_type if request is not None else "") or "no Content-Type"
        message = f'The request body must be JSON sent with Content-Type: application/json (got "{got}").'
        # 415 is the status for a body in a format the endpoint does not take.
        return _drf_problem(415, code="unsupported_media_type", detail=message, errors={"body": [message]})
    detail = exc.detail if isinstance(exc.detail, str) else _summary(_field_errors(exc.detail))
    code = exc.get_codes() if isinstance(exc.get_codes(), str) else exc.default_code
    return _drf_problem(exc.status_code, code=code, detail=str(detail), headers=headers)


def _drf_problem(status: int, *, headers: dict | None = None, **fields) -> Response:
    return Response(problem_body(status, **fields), status=status, headers=headers, content_type=PROBLEM_CONTENT_TYPE)


# --- Django's own error handlers (config/urls.py) --------------------------------
# They answer what never reaches a DRF view: an unknown route, a bad Host header,
# an unhandled exception. The admin keeps Django's HTML.


def _is_admin(request) -> bool:
    return request.path_info.startswith("/admin/")


def bad_request(request, exception=None, template_name="400.html"):
    if _is_admin(request):
        return defaults.bad_request(request, exception, template_name)
    if isinstance(exception, RequestDataTooBig):
        return problem_response(413, code="too_large", detail="The request body is too large.")
    if type(exception).__name__ == "DisallowedHost":
        return problem_response(
            400, code="bad_host", detail="The Host header names a host this service does not serve."
        )
    return problem_response(400, code="bad_request", detail="The request was refused as malformed.")


def permission_denied(request, exception=None, template_name="403.html"):
    if _is_admin(request):
        return defaults.permission_denied(request, exception, template_name)
    return problem_response(403, code="permission_denied", detail="You do not have permission to do this.")


def page_not_found(request, exception=None, template_name="404.html"):
    if _is_admin(request):
        return defaults.page_not_found(request, exception, template_name)
    return problem_response(
        404, code="not_found", detail="No such resource. The API starts at /api/v1/; its description is /api/docs/."
    )


def server_error(request, template_name="500.html"):
    if _is_admin(request):
        return defaults.server_error(request, template_name)
    # Django has logged the exception with its stack; the client gets no internals.
    return problem_response(500, code="server_error", detail="An unexpected error occurred; it has been logged.")
