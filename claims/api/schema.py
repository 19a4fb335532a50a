"""What drf-spectacular cannot see by itself: every operation's problem responses.

Any operation can answer 400 (a bad parameter), 401, 403, 404, 405, 413, 415, 429 and
500 through the shared handlers of claims.api.problems; the schema says so for every
operation, with the problem document's shape, so that a client (and schemathesis,
which holds us to it) knows what comes back.
"""

from __future__ import annotations

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details.",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string", "example": "about:blank"},
        "title": {"type": "string", "example": "Bad Request"},
        "status": {"type": "integer", "example": 400},
        "code": {"type": "string", "example": "invalid"},
        "detail": {"type": "string", "example": "text: The text is empty or only whitespace."},
        "errors": {
            "type": "object",
            "description": "Validation errors by field; errors about the body as a whole are under `body`.",
            "additionalProperties": {"type": "array", "items": {}},
            "example": {"text": ["The text is empty or only whitespace."]},
        },
    },
}

ERROR_STATUSES = {
    "400": "The request is malformed or a field or parameter is invalid; `errors` names each.",
    "401": "No credentials, or an API key that is wrong, revoked or expired.",
    "403": "Authenticated, but not allowed (a missing scope or role).",
    "404": "No such resource.",
    "405": "The method is not allowed here.",
    "406": "The Accept header asks for a format the API does not produce.",
    "409": "The request conflicts with the resource's current state.",
    "413": "The request body is too large.",
    "415": "The body is not JSON.",
    "428": "A change that must say which version it was based on (expected_version or If-Match) did not.",
    "429": "Too many requests; retry after the number of seconds in Retry-After.",
    "500": "An unexpected error; it has been logged.",
}


def add_problem_responses(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path in result.get("paths", {}).values():
        for method, operation in path.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    # An empty filter is no filter (HTML forms, the browsable API send every field).
                    parameter["allowEmptyValue"] = True
            responses = operation.setdefault("responses", {})
            for status, description in ERROR_STATUSES.items():
                responses[status] = {"description": description, "content": problem}
            if "429" in responses:
                responses["429"]["headers"] = {"Retry-After": {"schema": {"type": "integer"}}}
    return result
