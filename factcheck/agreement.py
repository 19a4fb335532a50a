"""When two claims are about the same fact, and when their values agree.

The rules of shared/spec/claims.md, "Agreement between two claims", kept free of
any storage so that the engine, the checks and the tests share one definition.
"""

from __future__ import annotations

from datetime import date

# |a - b| allowed, as a share of the larger value, by the looser of the two qualifiers.
EXACT_TOLERANCE = 0.005
APPROX_TOLERANCE = 0.05
# Two undated figures are taken to speak of the same time only if their articles
# appeared within this many days of each other.
UNDATED_WINDOW_DAYS = 365


def fact_key(
    *,
    predicate: str,
    subject: object,
    object: object = None,
    unit: str | None = None,
    period: str | None = None,
    role: str | None = None,
    time: str | None = None,
) -> str:
    """One string per fact, so that the claims of a fact are found by one index lookup.

    Subject and object are whatever identifies an entity for the caller (the
    database passes entity ids, the engine canonical names).
    """
    parts = (predicate, subject, object, unit, period, role, time)
    return "|".join("" if p is None else str(p).casefold() for p in parts)


def values_agree(a: float, qualifier_a: str, b: float, qualifier_b: str) -> bool:
    """Whether two values of the same fact agree within what their wording allows."""
    big = max(abs(a), abs(b), 1e-12)
    for q, bound, other in ((qualifier_a, a, b), (qualifier_b, b, a)):
        if q == "at_least":
            return other >= bound - EXACT_TOLERANCE * big
        if q == "at_most":
            return other <= bound + EXACT_TOLERANCE * big
    tolerance = APPROX_TOLERANCE if "approx" in (qualifier_a, qualifier_b) else EXACT_TOLERANCE
    return abs(a - b) <= tolerance * big


def times_comparable(
    time_a: str | None, time_b: str | None, published_a: date | None, published_b: date | None
) -> bool:
    """Whether two claims of the same key speak of the same time.

    Dated claims must carry the same time (the key already says so); two undated
    ones only count as the same fact when their articles are close in time.
    """
    if time_a != time_b:
        return False
    if time_a is not None:
        return True
    if published_a is None or published_b is None:
        return False
    return abs((published_a - published_b).days) <= UNDATED_WINDOW_DAYS
