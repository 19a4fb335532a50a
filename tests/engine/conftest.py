import datetime as dt

import pytest

from factcheck import extract


def _claims(text: str, lang: str | None = None, published: dt.date | None = dt.date(2025, 6, 15), **kw):
    return extract(text, lang=lang, published=published, **kw)


@pytest.fixture
def run():
    """Extract from a text; returns the Extraction."""
    return _claims


def find(claims, **want):
    """The claims whose fields equal every given value."""
    out = []
    for c in claims:
        d = c.to_dict() if hasattr(c, "to_dict") else c
        if all(d.get(k) == v for k, v in want.items()):
            out.append(d)
    return out
