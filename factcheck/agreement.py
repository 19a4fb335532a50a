"""When two claims are about the same fact, and when their values agree.

The rules of shared/spec/claims.md, "Agreement between two claims", kept free of
any storage so that the engine, the checks and the tests share one definition.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

# |a - b| allowed, as a share of the larger value, by the looser of the two qualifiers.
EXACT_TOLERANCE = 0.005
APPROX_TOLERANCE = 0.05
# Two undated figures are taken to speak of the same time only if the dates their
# articles speak for (the caller's to say: publication, or receipt when unknown)
# are within this many days of each other.
UNDATED_WINDOW_DAYS = 365


class Comparable(Protocol):
    """What of a claim decides whether it counts for or against another: the engine's
    `factcheck.claim.Claim` and the stored claims both have it."""

    value: float | None
    qualifier: str
    time: str | None
    modality: str


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


def times_comparable(time_a: str | None, time_b: str | None, date_a: date | None, date_b: date | None) -> bool:
    """Whether two claims of the same key speak of the same time.

    Dated claims must carry the same time (the key already says so); two undated
    ones only count as the same fact when the dates their articles speak for are
    close. An article with no date at all is close to nothing.
    """
    if time_a != time_b:
        return False
    if time_a is not None:
        return True
    if date_a is None or date_b is None:
        return False
    return abs((date_a - date_b).days) <= UNDATED_WINDOW_DAYS


def agreement(a: Comparable, b: Comparable, date_a: date | None, date_b: date | None) -> bool | None:
    """Whether two complete claims of one fact back each other (True), conflict (False) or neither (None).

    The one rule for the checks' findings and for the sources a fact counts on each
    side, so that a claim's status and its fact's counts cannot tell different stories.
    `date_a`, `date_b`: the dates the claims' articles speak for.
    """
    if not times_comparable(a.time, b.time, date_a, date_b):
        return None
    # Without a value (a role, joining, an acquisition without a price) the key says it all.
    agree = a.value is None or b.value is None or values_agree(a.value, a.qualifier, b.value, b.qualifier)
    denied = (a.modality == "denied") + (b.modality == "denied")
    if denied == 2 or (denied == 1 and not agree):
        return None  # two denials, or a denial of another figure: it says nothing of this one
    return agree and not denied  # a denial of the same figure conflicts with it
