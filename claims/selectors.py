"""Reads shared by the API and the admin."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from django.db.models import F, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber

from claims.models import Article, Claim, Fact, Finding


def claim_list() -> QuerySet[Claim]:
    """Claims with what the API shows of them, newest first (the API's filters narrow it)."""
    return (
        Claim.objects.select_related("article", "subject", "object")
        # A claim shows its article's language, not its text: a page of 50 would otherwise load 50 articles.
        .only(*CLAIM_SHOWN, "article__language", "subject__name", "object__name")
        .prefetch_related("findings")
        .order_by("-created_at", "-id")
    )


CLAIM_SHOWN = (
    "id",
    "article_id",
    "predicate",
    "subject_id",
    "object_id",
    "value",
    "unit",
    "period",
    "time",
    "role",
    "qualifier",
    "modality",
    "confidence",
    "text",
    "span_start",
    "span_end",
    "fact_key",
    "status",
    "status_version",
    "needs_review",
    "created_at",
)


def claim_rows() -> QuerySet[dict]:
    """The claims list as plain rows (one per claim, names and language joined in), newest first.

    A page of 50 claims as model instances builds about 180 objects (claim, article, subject, object,
    findings) and their related managers; as rows it builds 50 dicts. That was most of a page's time.
    Findings are added per page by `claim_rows_with_findings`.
    """
    return Claim.objects.order_by("-created_at", "-id").values(
        *CLAIM_SHOWN,
        language=F("article__language"),
        subject_name=F("subject__name"),
        object_name=F("object__name"),
    )


FINDING_SHOWN = ("id", "claim_id", "kind", "other_claim_id", "independent", "explanation", "created_at")


def claim_rows_with_findings(rows: list[dict]) -> list[dict]:
    """Give each row of a page its findings, in one query for the page."""
    found: dict[int, list[dict]] = defaultdict(list)
    findings = (
        Finding.objects.filter(claim_id__in=[row["id"] for row in rows])
        .order_by("created_at", "id")
        .values(*FINDING_SHOWN)
    )
    for finding in findings:
        found[finding["claim_id"]].append(finding)
    for row in rows:
        row["findings"] = found[row["id"]]
    return rows


def article_list() -> QuerySet[Article]:
    """Articles without their text or claims, newest first."""
    return Article.objects.defer("text").prefetch_related("sightings").order_by("-created_at", "-id")


def article_detail_queryset() -> QuerySet[Article]:
    return Article.objects.prefetch_related(
        "sightings", Prefetch("claims", queryset=Claim.objects.with_relations().order_by("span_start", "id"))
    )


FACT_SHOWN = (
    "id",
    "key",
    "predicate",
    "unit",
    "period",
    "role",
    "time",
    "consensus_value",
    "basis",
    "verified_claim_id",
    "sources_agreeing",
    "sources_disagreeing",
    "languages",
    "claim_count",
    "updated_at",
)


def fact_rows() -> QuerySet[dict]:
    """The facts list as plain rows, most recently changed first (see claim_rows for why rows)."""
    return Fact.objects.order_by("-updated_at", "-id").values(
        *FACT_SHOWN, subject_name=F("subject__name"), object_name=F("object__name")
    )


def fact_list() -> QuerySet[Fact]:
    return Fact.objects.select_related("subject", "object").order_by("-updated_at", "-id")


# A fact in a list shows this many of its claims (the first ones); `claim_count` says how many it has
# and the fact's own page shows them all. Without a cap one hot fact with thousands of claims makes
# its whole page slow.
FACT_LIST_CLAIMS = 20


def facts_attach_claims(facts: Sequence, *, limit: int | None = None) -> Sequence:
    """Give each fact of a page (instances or rows) its claims, in one query for the page, at most `limit` each.

    The claims, as rows, go to `fact.claims_behind`, or `row["claims_behind"]` for rows.
    """
    rows = bool(facts) and isinstance(facts[0], dict)
    keys = [f["key"] if rows else f.key for f in facts]
    behind: dict[str, list[dict]] = defaultdict(list)
    claims = (
        Claim.objects.filter(fact_key__in=keys)
        .order_by("pk")
        .values(
            "id",
            "fact_key",
            "article_id",
            "value",
            "qualifier",
            "modality",
            "confidence",
            "status",
            "text",
            source_name=F("article__source_name"),
            language=F("article__language"),
            published=F("article__published"),
        )
    )
    if limit is not None:
        claims = claims.annotate(nth=Window(RowNumber(), partition_by=[F("fact_key")], order_by=F("pk").asc())).filter(
            nth__lte=limit
        )
    for claim in claims:
        behind[claim["fact_key"]].append(claim)
    for key, fact in zip(keys, facts, strict=True):
        if rows:
            fact["claims_behind"] = behind[key]
        else:
            fact.claims_behind = behind[key]
    return facts
