"""JSON bodies with a bound on how deeply they nest.

Python's json module recurses once per level: a body of a few kilobytes nested a
thousand deep raises RecursionError (a 500), and anything nested deeply walks
every later serializer and validator down the same path. No request of this API
needs more than a few levels, so deeper bodies are refused as a 400 by name.
"""

from __future__ import annotations

import json

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


def nesting_depth(value) -> int:
    """How deeply lists and objects nest in a parsed JSON value (a scalar is 0), without recursion."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return deepest


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


class BoundedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            raw = stream.read().decode(encoding) if stream is not None else ""
            # NaN and Infinity are not JSON (RFC 8259): refused, not stored as floats.
            data = json.loads(raw, parse_constant=_refuse_constant)
        except RecursionError:
            raise ParseError(f"it nests more than {settings.API_MAX_JSON_DEPTH} levels deep") from None
        except (ValueError, UnicodeDecodeError) as exc:
            raise ParseError(str(exc)) from None
        depth = nesting_depth(data)
        if depth > settings.API_MAX_JSON_DEPTH:
            raise ParseError(f"it nests {depth} levels deep; the limit is {settings.API_MAX_JSON_DEPTH}")
        return data
