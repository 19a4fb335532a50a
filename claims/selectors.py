"""Reads shared by the API and the admin."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from django.db.models import F, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber

from claims.models import Article, Claim, Fact


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


def article_list() -> QuerySet[Article]:
    """Articles without their text or claims, newest first."""
    return Article.objects.defer("text").prefetch_related("sightings").order_by("-created_at", "-id")


def article_detail_queryset() -> QuerySet[Article]:
    return Article.objects.prefetch_related(
        "sightings", Prefetch("claims", queryset=Claim.objects.with_relations().order_by("span_start", "id"))
    )


def fact_list() -> QuerySet[Fact]:
    return Fact.objects.select_related("subject", "object").order_by("-updated_at", "-id")


# A fact in a list shows this many of its claims (the first ones); `claim_count` says how many it has
# and the fact's own page shows them all. Without a cap one hot fact with thousands of claims makes
# its whole page slow.
FACT_LIST_CLAIMS = 20


def facts_attach_claims(facts: Sequence[Fact], *, limit: int | None = None) -> Sequence[Fact]:
    """Give each fact of a page its claims (`claims_behind`), in one query for the page, at most `limit` each."""
    behind: dict[str, list[Claim]] = defaultdict(list)
    claims = (
        Claim.objects.filter(fact_key__in=[f.key for f in facts])
        .select_related("article")
        .only(
            "id",
            "fact_key",
            "article_id",
            "value",
            "qualifier",
            "modality",
            "confidence",
            "status",
            "text",
            "article__source_name",
            "article__language",
            "article__published",
        )
        .order_by("pk")
    )
    if limit is not None:
        claims = claims.annotate(nth=Window(RowNumber(), partition_by=[F("fact_key")], order_by=F("pk").asc())).filter(
            nth__lte=limit
        )
    for claim in claims:
        behind[claim.fact_key].append(claim)
    for fact in facts:
        fact.claims_behind = behind[fact.key]
    return facts
