"""The automatic checks of claims.

A claim is checked together with the other claims of its fact (same fact key,
found by one index lookup): agreement and conflict by the contract's tolerance
rules, independence of sources, verified and refuted claims of the fact, and
what a claim can be at all (a value, a range, a period not yet over, stakes
that fit in one company). Every check of a fact costs a constant number of
queries, whatever the number of stored claims.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from claims.models import Article, Claim, Fact, Finding
from claims.services.dispatch import CHECK_CLAIMS, dispatch, queue_depth
from claims.services.statuses import Change, claims_set_status
from factcheck.agreement import agreement
from factcheck.claim import OPTIONAL_VALUE_PREDICATES, VALUELESS_PREDICATES
from factcheck.similarity import near_duplicates

ACTOR = "checks"
Kind = Finding.Kind
Status = Claim.Status
# Findings that say something is wrong with the claim itself: a human should look.
STRUCTURAL = frozenset({Kind.OUT_OF_RANGE, Kind.STALE_FORECAST, Kind.STAKES_OVER_100})
# Pairwise findings kept per claim, kind and independence. Statuses need only know that
# an agreement or a conflict exists, and a fact told by a thousand outlets would
# otherwise carry a million findings, all read by every check of that fact.
MAX_PAIR_FINDINGS = 20
PAIRWISE = frozenset({Kind.AGREEMENT, Kind.CONFLICT})
# A claim's sentence repeated word for word elsewhere, at least this long, is a copy.
MIN_COPIED_WORDS = 8
_WORDS = re.compile(r"\w+")
# Modalities whose figure is not a statement of what is: they are not summed as held stakes.
NOT_HELD = (Claim.Modality.DENIED, Claim.Modality.PLANNED, Claim.Modality.FORECAST)


def claims_check(*, claim_ids: Iterable[int]) -> None:
    """Check newly stored claims: each fact they touch is checked once, all in one step."""
    by_fact: dict[str, list[int]] = defaultdict(list)
    for key, pk in Claim.objects.filter(pk__in=list(claim_ids)).values_list("fact_key", "pk"):
        by_fact[key].append(pk)
    if by_fact:
        facts_check(targets=by_fact)


def claims_requeue_pending() -> list[int]:
    """Queue again the checks of claims still `pending` well after they were stored.

    Their check was lost: the queue flushed, the worker killed, the connection dropped while it ran.
    A check is idempotent, so a claim whose check is only slow is checked twice, harmlessly.
    """
    if queue_depth(CHECK_CLAIMS):
        # Checks still wait in the queue: the late claims are most likely among them (a burst); sending
        # them again would only lengthen it. A flushed or drained queue lets the sweep through.
        return []
    cutoff = timezone.now() - timedelta(seconds=settings.FACTCHECK_PENDING_GRACE_SECONDS)
    ids = list(
        Claim.objects.filter(status=Claim.Status.PENDING, created_at__lt=cutoff)
        .order_by("pk")
        .values_list("pk", flat=True)[:PENDING_SWEEP]
    )
    for start in range(0, len(ids), PENDING_BATCH):
        dispatch(CHECK_CLAIMS, ids[start : start + PENDING_BATCH])
    return ids


# Claims re-queued per sweep, and per check task.
PENDING_SWEEP = 5000
PENDING_BATCH = 500


def fact_check(*, fact_key: str, claim_ids: Iterable[int], after_verdict: bool = False) -> None:
    """Check the given claims of one fact against all its other claims (see facts_check)."""
    facts_check(targets={fact_key: list(claim_ids)}, after_verdict=after_verdict)


@transaction.atomic
def facts_check(*, targets: Mapping[str, Iterable[int]], after_verdict: bool = False) -> None:
    """Check claims against all the other claims of their facts, in a constant number of queries.

    `targets` maps each fact key to the claims of it to check. However many facts an article
    touches, the facts' rows are locked in one query (in key order, as verdicts lock them, so
    two workers never deadlock), their claims and findings loaded in one each, and the new
    findings, flags, statuses and fact rows written in one each.

    `after_verdict`: a reviewer has just given a verdict on a claim of this fact, and these
    claims are re-checked against it; a disagreement then does not reopen that verdict.
    """
    keys = sorted(targets)
    first_of_fact: dict[str, Claim] = {}
    ids = {pk for claim_ids in targets.values() for pk in claim_ids}
    for claim in Claim.objects.filter(pk__in=ids, fact_key__in=keys).only(*FACT_FIELDS).order_by("pk"):
        first_of_fact.setdefault(claim.fact_key, claim)
    if not first_of_fact:
        return
    # Checks of one fact by several workers, and verdicts on it, run one after the other; the claims are
    # read only once the lock is held, so a verdict given meanwhile is seen and never overwritten.
    rows = facts_lock(keys=keys, makers=first_of_fact.values())
    loaded = list(
        Claim.objects.filter(fact_key__in=keys)
        .select_related("article", "subject", "object")
        # Article texts are large and the checks never read them.
        .defer("article__text")
        .order_by("pk")
    )
    by_key: dict[str, list[Claim]] = defaultdict(list)
    for claim in loaded:
        by_key[claim.fact_key].append(claim)
    stored: dict[str, list[Finding]] = defaultdict(list)
    for finding in Finding.objects.filter(claim__fact_key__in=keys).annotate(key=F("claim__fact_key")):
        stored[finding.key].append(finding)
    states: dict[str, _FactState] = {}
    stakes: list[tuple[_FactState, Claim]] = []
    for key, claims in by_key.items():
        state = states[key] = _FactState(claims, stored[key])
        checked = [state.by_id[pk] for pk in targets[key] if pk in state.by_id]
        for claim in checked:
            state.check_alone(claim)
            for other in claims:
                if other.pk != claim.pk:
                    state.compare(claim, other, reopen=not after_verdict)
        stakes += [
            (state, c) for c in checked if c.predicate == Claim.Predicate.STAKE and c.object_id and c.value is not None
        ]
    if stakes:
        held = _stakes_held({c.object_id for _, c in stakes})
        for state in {id(s): s for s, _ in stakes}.values():
            state.check_stakes([c for s, c in stakes if s is state], held)
    Finding.objects.bulk_create([f for state in states.values() for f in state.new_findings])
    flagged = [c for state in states.values() for c in state.flagged if not c.needs_review]
    for claim in flagged:
        claim.needs_review = True
    Claim.objects.bulk_update(flagged, ["needs_review"])
    changes = [change for state in states.values() for c in state.touched() if (change := state.derive(c)) is not None]
    claims_set_status(changes=changes, actor_system=ACTOR)
    summaries = [_summarise(rows[key], by_key[key]) for key in by_key if key in rows]
    Fact.objects.bulk_update(summaries, SUMMARY_FIELDS)


def is_incomplete(claim: Claim) -> bool:
    return (
        claim.value is None
        and claim.predicate not in VALUELESS_PREDICATES
        and claim.predicate not in OPTIONAL_VALUE_PREDICATES
    )


def article_date(article: Article) -> date:
    """The date an article speaks for: its publication, or the day it reached us when it gave none.

    `published` is optional in the API; without this, an undated article would be
    compared with nothing. It cannot have appeared after it was received, so the
    receipt date errs late, never early.
    """
    return article.published or article.created_at.astimezone(UTC).date()


def claims_agreement(a: Claim, b: Claim) -> bool | None:
    """Whether two claims of one fact back each other (True), conflict (False) or say nothing of each other (None).

    The one rule behind both a claim's pairwise findings (and so its status) and its
    fact's sources agreeing and disagreeing: the claims must speak of the same time
    (undated ones by their articles' dates), their values agree within the wording's
    tolerance, a denial conflicts with the figure it denies and says nothing of others.
    """
    if is_incomplete(a) or is_incomplete(b):
        return None  # nothing to agree or disagree with
    return agreement(a, b, article_date(a.article), article_date(b.article))


def independent(a: Article, b: Article) -> bool:
    """Two articles are independent sources unless one outlet published both or one copies the other."""
    if a.pk == b.pk:
        return False
    if a.outlet and a.outlet == b.outlet:
        return False
    if " ".join(a.source_name.casefold().split()) == " ".join(b.source_name.casefold().split()):
        return False
    # 0 is "not fingerprinted" (rows older than fingerprints).
    return not (a.fingerprint and b.fingerprint and near_duplicates(a.fingerprint, b.fingerprint))


def copied_sentence(a: Claim, b: Claim) -> bool:
    """The same sentence, word for word, in two articles: a wire copy, even under a new headline.

    Whole-text fingerprints miss copies of short articles whose headline changed;
    two reporters writing the same sentence of this length on their own do not happen.
    """
    words_a = _WORDS.findall(a.text.casefold())
    return len(words_a) >= MIN_COPIED_WORDS and words_a == _WORDS.findall(b.text.casefold())


def period_end(time: str) -> date | None:
    """The last day of the period a contract `time` names: 2024, 2024-Q2, 2024-06, 2024-06-13."""
    if m := re.fullmatch(r"(\d{4})", time):
        return date(int(m[1]), 12, 31)
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", time):
        year, month = int(m[1]), int(m[2]) * 3
        return date(year, month, calendar.monthrange(year, month)[1])
    if m := re.fullmatch(r"(\d{4})-(\d{2})", time):
        year, month = int(m[1]), int(m[2])
        return date(year, month, calendar.monthrange(year, month)[1]) if 1 <= month <= 12 else None
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", time):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


# What a fact's row is made from.
FACT_FIELDS = ("fact_key", "predicate", "subject_id", "object_id", "unit", "period", "role", "time")


def fact_row_ensure(claim: Claim) -> None:
    """Create the row of a claim's fact if it has none yet (its lock, and its line in the facts API)."""
    facts_rows_ensure([claim])


def facts_lock(*, keys: Iterable[str], makers: Iterable[Claim]) -> dict[str, Fact]:
    """The lock every writer of a fact takes first (checks, verdicts): the missing rows made from `makers`
    (a claim of each fact), then the rows of `keys` locked, both in key order, so that two workers making
    or locking the same rows wait for each other and never deadlock. Claims are locked after this."""
    facts_rows_ensure(sorted(makers, key=lambda c: c.fact_key))
    return {f.key: f for f in Fact.objects.select_for_update().filter(key__in=sorted(keys)).order_by("key")}


def facts_rows_ensure(claims: list[Claim]) -> None:
    """The rows of the facts of these claims (one claim a fact), made in one query where missing."""
    Fact.objects.bulk_create(
        [
            Fact(
                key=claim.fact_key,
                predicate=claim.predicate,
                subject_id=claim.subject_id,
                object_id=claim.object_id,
                unit=claim.unit,
                period=claim.period,
                role=claim.role,
                time=claim.time,
            )
            for claim in claims
        ],
        ignore_conflicts=True,
    )


@dataclass
class _FactState:
    claims: list[Claim]
    stored: Iterable[Finding]
    by_id: dict[int, Claim] = field(init=False)
    findings: dict[int, list[Finding]] = field(init=False)
    seen: set[tuple] = field(init=False)
    new_findings: list[Finding] = field(default_factory=list)
    flagged: list[Claim] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_id = {c.pk: c for c in self.claims}
        self.findings = defaultdict(list)
        self.seen = set()
        self.pair_counts: dict[tuple, int] = defaultdict(int)
        for f in self.stored:
            self.findings[f.claim_id].append(f)
            self.seen.add((f.claim_id, f.other_claim_id, f.kind))
            if f.kind in PAIRWISE:
                self.pair_counts[(f.claim_id, f.kind, f.independent)] += 1
        self._touched: dict[int, Claim] = {}

    def add(
        self,
        claim: Claim,
        kind: str,
        explanation: str,
        other: Claim | None = None,
        independent_source: bool = True,
    ) -> None:
        self._touched[claim.pk] = claim
        if kind in STRUCTURAL or kind == Kind.REOPENED:
            self.flagged.append(claim)
        key = (claim.pk, other.pk if other else None, kind)
        if key in self.seen:
            return
        if kind in PAIRWISE:
            count = (claim.pk, kind, independent_source)
            if self.pair_counts[count] >= MAX_PAIR_FINDINGS:
                return
            self.pair_counts[count] += 1
        self.seen.add(key)
        finding = Finding(
            claim=claim, other_claim=other, kind=kind, explanation=explanation, independent=independent_source
        )
        self.findings[claim.pk].append(finding)
        self.new_findings.append(finding)

    def touched(self) -> list[Claim]:
        return list(self._touched.values())

    def check_alone(self, claim: Claim) -> None:
        self._touched[claim.pk] = claim
        if is_incomplete(claim):
            self.add(claim, Kind.INCOMPLETE, f"{_describe(claim)} is stated without its value.")
            return
        if claim.value is not None:
            if claim.unit == "%" and not 0 <= claim.value <= 100:
                self.add(
                    claim,
                    Kind.OUT_OF_RANGE,
                    f"{_describe(claim)} is {_value(claim)}: a percentage lies between 0 and 100.",
                )
            elif claim.unit == "count" and claim.value < 0:
                self.add(
                    claim,
                    Kind.OUT_OF_RANGE,
                    f"{_describe(claim)} is {_value(claim)}: a count is never negative.",
                )
        # The publication date only, not article_date: a forecast submitted long after it was
        # published would otherwise be flagged stale, and sent to reviewers, for a period that
        # had not ended when it was written.
        published = claim.article.published
        if claim.modality in (Claim.Modality.FORECAST, Claim.Modality.PLANNED) and claim.time and published:
            end = period_end(claim.time)
            if end is not None and end < published:
                self.add(
                    claim,
                    Kind.STALE_FORECAST,
                    f"{_describe(claim)} is given as {claim.modality} for {claim.time}, a period that had "
                    f"ended ({end}) before the article was published ({published}).",
                )

    def compare(self, claim: Claim, other: Claim, *, reopen: bool) -> None:
        agree = claims_agreement(claim, other)
        if agree is None:
            return
        if other.status == Status.VERIFIED:
            kind = Kind.CONFIRMS_VERIFIED if agree else Kind.CONTRADICTS_VERIFIED
            self.add(claim, kind, _compare(claim, other, agree, "the verified"), other)
        elif other.status == Status.REFUTED and agree:
            self.add(claim, Kind.REPEATS_REFUTED, _compare(claim, other, True, "the refuted"), other)
        if other.status == Status.VERIFIED and not agree and reopen:
            # A new source disagrees with a verdict: a reviewer looks again; the verdict stays.
            self.add(other, Kind.REOPENED, f"Reopened: {_compare(other, claim, False, 'a new')}", claim)
        if claim.article_id == other.article_id and agree:
            return  # one article repeating itself is not a second source
        ind = independent(claim.article, other.article) and not copied_sentence(claim, other)
        kind = Kind.AGREEMENT if agree else Kind.CONFLICT
        self.add(claim, kind, _compare(claim, other, agree), other, ind)
        self.add(other, kind, _compare(other, claim, agree), claim, ind)

    def check_stakes(self, targets: list[Claim], held: list[Claim]) -> None:
        """The latest stake of each holder in one company must not add up to over 100 %."""
        latest: dict[int, dict[int, Claim]] = defaultdict(dict)
        for stake in held:
            known = latest[stake.object_id].get(stake.subject_id)
            if known is None or _newer(stake, known):
                latest[stake.object_id][stake.subject_id] = stake
        for claim in targets:
            holders = latest.get(claim.object_id, {})
            if holders.get(claim.subject_id, claim).pk != claim.pk:
                continue  # a newer figure of this holder counts, not this one
            total = sum(s.value for s in holders.values())
            if total > 100 + 1e-9:
                parts = ", ".join(
                    f"{s.subject.name} {s.value:g} % (claim #{s.pk}, {s.article.source_name})"
                    for s in sorted(holders.values(), key=lambda s: -s.value)
                )
                self.add(
                    claim,
                    Kind.STAKES_OVER_100,
                    f"The latest known stakes in {claim.object.name} add up to {total:g} %: {parts}.",
                )

    def derive(self, claim: Claim) -> Change | None:
        """The automatic status of a claim, from its findings and the current verdicts of its fact."""
        if claim.has_verdict:
            return None
        live = [f for f in self.findings[claim.pk] if f.other_claim_id is None or f.other_claim_id in self.by_id]

        def others(kind: str, status: str | None = None, independent_only: bool = False) -> list[Claim]:
            found = []
            for f in live:
                if f.kind != kind or f.other_claim_id is None:
                    continue
                other = self.by_id[f.other_claim_id]
                if status is not None and other.status != status:
                    continue
                if status is None and other.status == Status.REFUTED:
                    continue  # a refuted claim neither supports nor conflicts
                if independent_only and not f.independent:
                    continue
                found.append(other)
            return found

        if is_incomplete(claim):
            return Change(claim, Status.INCOMPLETE, "the claim lacks its value")
        if against := others(Kind.CONTRADICTS_VERIFIED, Status.VERIFIED):
            return Change(claim, Status.CONTRADICTED, f"disagrees with verified claim #{against[0].pk}")
        if confirmed := others(Kind.CONFIRMS_VERIFIED, Status.VERIFIED):
            return Change(claim, Status.SUPPORTED, f"agrees with verified claim #{confirmed[0].pk}")
        if refuted := others(Kind.REPEATS_REFUTED, Status.REFUTED):
            return Change(claim, Status.CONTRADICTED, f"repeats refuted claim #{refuted[0].pk}")
        if conflicts := others(Kind.CONFLICT):
            return Change(
                claim,
                Status.CONFLICTING,
                f"claim #{conflicts[0].pk} ({conflicts[0].article.source_name}) disagrees",
            )
        if support := others(Kind.AGREEMENT, independent_only=True):
            return Change(
                claim,
                Status.SUPPORTED,
                f"independent source {support[0].article.source_name} agrees (claim #{support[0].pk})",
            )
        return Change(claim, Status.UNCONFIRMED, "one independent source only, nothing against it")


def _newer(a: Claim, b: Claim) -> bool:
    # An undated stake received today is newer than one published last year, not older than all.
    return (article_date(a.article), a.pk) > (article_date(b.article), b.pk)


def _stakes_held(companies: set[int]) -> list[Claim]:
    """Every stake known in these companies, for the over-100 % check."""
    return list(
        Claim.objects.filter(
            predicate=Claim.Predicate.STAKE,
            object_id__in=companies,
            unit="%",
            value__isnull=False,
        )
        .exclude(modality__in=NOT_HELD)
        .exclude(status=Status.REFUTED)
        .select_related("article", "subject")
        .defer("article__text")
    )


SUMMARY_FIELDS = (
    "consensus_value",
    "basis",
    "verified_claim",
    "sources_agreeing",
    "sources_disagreeing",
    "languages",
    "claim_count",
    "updated_at",
)


def _summarise(fact: Fact, claims: list[Claim]) -> Fact:
    """The fact's row (the facts API) in step with its claims; written with the others of the step."""
    groups = _source_groups(claims)
    usable = [
        c for c in claims if c.status != Status.REFUTED and c.modality != Claim.Modality.DENIED and not is_incomplete(c)
    ]
    verified = [c for c in claims if c.status == Status.VERIFIED]
    consensus: Claim | None = None
    basis = Fact.Basis.NONE
    if verified:
        consensus, basis = max(verified, key=lambda c: c.pk), Fact.Basis.VERIFIED
    elif usable:

        def backing(candidate: Claim) -> tuple[int, int, int]:
            agreeing = [c for c in usable if claims_agreement(c, candidate)]
            return len({groups[c.article_id] for c in agreeing}), len(agreeing), -candidate.pk

        consensus, basis = max(usable, key=backing), Fact.Basis.SOURCES
    agreeing, disagreeing = set(), set()
    if consensus is not None:
        for c in claims:
            if c.status == Status.REFUTED:
                continue  # counts for nothing, as in `derive`
            # The checks' own rule, so that the counts say what the claims' statuses say: a claim
            # of another time (an undated one more than a year away) is on neither side.
            agrees = claims_agreement(c, consensus)
            if agrees is not None:
                (agreeing if agrees else disagreeing).add(groups[c.article_id])
    fact.consensus_value = consensus.value if consensus is not None else None
    fact.basis = basis
    fact.verified_claim = (verified and consensus) or None
    fact.sources_agreeing = len(agreeing)
    fact.sources_disagreeing = len(disagreeing)
    # Like claim_count, the languages of all the claims behind the fact, whichever side they are on.
    fact.languages = sorted({c.article.language for c in claims if c.article.language})
    fact.claim_count = len(claims)
    fact.updated_at = timezone.now()
    return fact


def _source_groups(claims: list[Claim]) -> dict[int, int]:
    """Article id -> id of its group of non-independent articles (one outlet, or copies)."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    unique = list({c.article_id: c.article for c in claims}.values())
    for a in unique:
        parent[a.pk] = a.pk
    for i, a in enumerate(unique):
        for b in unique[i + 1 :]:
            if not independent(a, b):
                union(a.pk, b.pk)
    by_sentence: dict[tuple, int] = {}
    for c in claims:
        words = tuple(_WORDS.findall(c.text.casefold()))
        if len(words) >= MIN_COPIED_WORDS:
            union(c.article_id, by_sentence.setdefault(words, c.article_id))
    return {a.pk: find(a.pk) for a in unique}


def _describe(claim: Claim) -> str:
    obj = f" in {claim.object.name}" if claim.object_id else ""
    return f"The {claim.predicate} of {claim.subject.name}{obj}"


def _value(claim: Claim) -> str:
    if claim.value is None:
        return "no figure"
    qualifier = {"approx": "about ", "at_least": "at least ", "at_most": "at most "}.get(claim.qualifier, "")
    return f"{qualifier}{claim.value:,.10g} {claim.unit or ''}".rstrip()


def _compare(claim: Claim, other: Claim, agree: bool, which: str = "") -> str:
    verb = "agrees with" if agree else "conflicts with"
    which = f"{which} " if which else ""
    return (
        f"{_describe(claim)}: {_value(claim)} (article #{claim.article_id}, {claim.article.source_name}) "
        f"{verb} {_value(other)} in {which}claim #{other.pk} (article #{other.article_id}, "
        f"{other.article.source_name})."
    )
