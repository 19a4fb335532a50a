"""Reads shared by the API and the admin."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from django.db.models import Prefetch, QuerySet

from claims.models import Article, Claim, Fact

CLAIM_FILTERS = {
    "status": "status",
    "predicate": "predicate",
    "language": "article__language",
    "article": "article_id",
    "fact_key": "fact_key",
    # A claim without a confidence (null) is never at least anything: min_confidence leaves it out.
    "min_confidence": "confidence__gte",
}


def claim_list(*, filters: Mapping[str, str]) -> QuerySet[Claim]:
    """Claims with what the API shows of them, narrowed by the query parameters it knows."""
    lookups = {CLAIM_FILTERS[name]: value for name, value in filters.items() if name in CLAIM_FILTERS and value}
    return Claim.objects.with_relations().filter(**lookups).order_by("-created_at", "-id")


def article_detail_queryset() -> QuerySet[Article]:
    return Article.objects.prefetch_related(
        Prefetch("claims", queryset=Claim.objects.with_relations().order_by("span_start", "id"))
    )


FACT_FILTERS = {"predicate": "predicate", "subject": "subject__name__iexact", "basis": "basis", "key": "key"}


def fact_list(*, filters: Mapping[str, str]) -> QuerySet[Fact]:
    lookups = {FACT_FILTERS[name]: value for name, value in filters.items() if name in FACT_FILTERS and value}
    return Fact.objects.select_related("subject", "object").filter(**lookups).order_by("-updated_at", "-id")


def facts_attach_claims(facts: Sequence[Fact]) -> Sequence[Fact]:
    """Give each fact of a page its claims (`claims_behind`), in one query for the page."""
    behind: dict[str, list[Claim]] = defaultdict(list)
    claims = (
        Claim.objects.filter(fact_key__in=[f.key for f in facts])
        .select_related("article")
        .defer("article__text")
        .order_by("pk")
    )
    for claim in claims:
        behind[claim.fact_key].append(claim)
    for fact in facts:
        fact.claims_behind = behind[fact.key]
    return facts
