from __future__ import annotations

from rest_framework import status
from rest_framework.exceptions import ParseError, UnsupportedMediaType
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    """DRF's handler, with a body that is not JSON reported as a 400 that says so.

    Field errors keep DRF's shape ({"field": ["problem"]}); problems with the
    body as a whole are reported under "body".
    """
    if isinstance(exc, ParseError):
        return Response(
            {"body": [f"The request body is not valid JSON: {exc.detail}"]},
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, UnsupportedMediaType):
        got = context["request"].content_type or "no Content-Type"
        message = f'The request body must be JSON sent with Content-Type: application/json (got "{got}").'
        return Response({"body": [message]}, status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)
