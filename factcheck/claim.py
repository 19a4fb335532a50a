"""The claim contract (shared/spec/claims.md) as plain data.

Everything the engine reports, and everything the Django side stores and compares,
is expressible as these two classes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

PREDICATES = (
    "stake",
    "investment",
    "valuation",
    "acquisition",
    "revenue",
    "profit",
    "payment",
    "employees",
    "users",
    "role",
    "joins",
)
QUALIFIERS = ("exact", "approx", "at_least", "at_most")
MODALITIES = ("asserted", "planned", "forecast", "reported", "denied")
PERIODS = ("year", "quarter", "month", "week", "day")
ROLES = ("CEO", "CFO", "CTO", "COO", "chair", "founder", "president")
ENTITY_KINDS = ("organisation", "person", "other")

# Predicates whose claim carries no value at all: they are never "incomplete".
VALUELESS_PREDICATES = frozenset({"role", "joins"})
# The acquisition price is optional (a takeover may be reported without it).
OPTIONAL_VALUE_PREDICATES = frozenset({"acquisition"})


@dataclass(frozen=True, slots=True)
class Claim:
    predicate: str
    subject: str
    object: str | None = None
    value: float | None = None
    unit: str | None = None
    period: str | None = None
    time: str | None = None
    role: str | None = None
    qualifier: str = "exact"
    modality: str = "asserted"
    text: str = ""
    span: tuple[int, int] = (0, 0)
    # How sure the engine is of the claim as a whole, in [0, 1] (factcheck/confidence.py); not part of
    # the claim's identity (compare=False), so two readings of one claim are still one claim.
    confidence: float | None = field(default=None, compare=False)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["span"] = list(self.span)
        if self.confidence is None:
            del d["confidence"]
        if isinstance(self.value, float) and self.value.is_integer():
            d["value"] = int(self.value)
        return d

    def to_incomplete_dict(self) -> dict:
        return {
            "predicate": self.predicate,
            "subject": self.subject,
            "object": self.object,
            "text": self.text,
            "span": list(self.span),
        }


@dataclass(slots=True)
class Extraction:
    """What the engine found in one document."""

    lang: str
    claims: list[Claim] = field(default_factory=list)
    # Claims plainly stated but without their value (spec: "Incomplete claims").
    incomplete: list[Claim] = field(default_factory=list)
    # Every entity named in a claim: canonical name -> one of ENTITY_KINDS.
    entities: dict[str, str] = field(default_factory=dict)
    # The evidence each claim's confidence was computed from (confidence.features); read by
    # bench/train_confidence.py, never serialised.
    evidence: dict[Claim, dict[str, float]] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict:
        return {
            "lang": self.lang,
            "claims": [c.to_dict() for c in self.claims],
            "incomplete": [c.to_incomplete_dict() for c in self.incomplete],
        }
