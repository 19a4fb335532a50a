"""Helpers for the per-language case tables (test_lang_*.py)."""

import datetime as dt

from factcheck import extract

PUB = dt.date(2025, 6, 15)


def check(lang: str, text: str, want: dict | None, where: str = "claims") -> None:
    """`want` must match one extracted claim (`where`), or no claim at all when it is None."""
    ex = extract(text, lang=lang, published=PUB)
    got = [c.to_dict() for c in getattr(ex, where)]
    if want is None:
        assert ex.claims == [], got
        return
    assert any(all(d.get(k) == v for k, v in want.items()) for d in got), (want, got)
