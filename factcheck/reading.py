"""What the extractor reads of one sentence: its cue matches, figures, typed mentions and implied
subjects (`_Sent`), and the constants the extraction modules share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.claim import Claim
from factcheck.entities import ORG, OTHER, PERSON, PLACE, Mention
from factcheck.numbers import Value
from factcheck.text import Sentence

# lexicon kinds that can start a claim; a sentence without any is only read for names
CLAIM_CUES = frozenset(
    {"trigger", "noun", "role", "founded_by", "founded_by_final", "founds", "successor", "succeeds", "raise", "round"}
)
MONEY_PREDICATES = frozenset({"investment", "valuation", "acquisition", "revenue", "profit", "payment"})
COUNT_PREDICATES = frozenset({"employees", "users"})
PRICE_PREDICATES = frozenset({"acquisition", "investment", "payment"})
TWO_PLACE = frozenset({"stake", "investment", "acquisition", "payment"})
FISCAL = frozenset({"revenue", "profit"})
KIND_OUT = {ORG: "organisation", PERSON: "person", PLACE: "other", OTHER: "other"}

# How far (in tokens) a number may be from its trigger; a clause break counts extra.
MAX_LINK = {"%": 10, "money": 16}
BREAK_COST = 6
# Triggers usually come before their figure ("bought X for $1bn"); one after it costs extra.
AFTER_COST = 3
_YEAR = re.compile(r"^(19[5-9]\d|20\d\d|2100)$")


@dataclass(slots=True)
class _Implied:
    start: int
    end: int
    person: bool = False
    noun: str = ""  # "fund" in "the fund": resolves to the organisation introduced as "the fund X"


@dataclass
class _Sent:
    s: Sentence
    by_start: dict
    by_end: dict
    values: list[Value]
    mentions: list[Mention]
    implied: list[_Implied]
    breaks: list[int]  # prefix sums of clause breaks
    times: list[tuple[int, str]] | None = None  # computed when a claim needs a time
    rel_before: set[int] = field(default_factory=set)  # where "a year earlier" dates the figure beside it
    compared: list[tuple[int, int]] | None = None  # comparison spans, computed when a claim needs a time
    kinds: dict = field(default_factory=dict)  # payload kind -> list of (start, end, payload)
    # prefix sums of tokens inside appositions (", a family-owned maker of valves,"), which a
    # figure's distance to its trigger does not count
    aside: list[int] | None = None
    # mention by canonical name (the last one of each), asked once per claim by the checks on its arguments
    named: dict[str, Mention] = field(default_factory=dict)

    def of(self, kind: str) -> list:
        return self.kinds.get(kind, [])

    def dist(self, a: int, b: int) -> int:
        lo, hi = (a, b) if a <= b else (b, a)
        d = hi - lo + BREAK_COST * (self.breaks[hi] - self.breaks[lo])
        if self.aside is not None:
            d -= self.aside[hi] - self.aside[lo]
        return d


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen, out = set(), []
    for c in claims:
        k = (c.predicate, c.subject, c.object, c.value, c.unit, c.period, c.time, c.role)
        if k not in seen:
            seen.add(k)
            out.append(c)
    return out
