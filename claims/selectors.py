"""Reads shared by the API and the admin."""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import Prefetch, QuerySet

from claims.models import Article, Claim

CLAIM_FILTERS = {
    "status": "status",
    "predicate": "predicate",
    "language": "article__language",
    "article": "article_id",
    "fact_key": "fact_key",
}


def claim_list(*, filters: Mapping[str, str]) -> QuerySet[Claim]:
    """Claims with what the API shows of them, narrowed by the query parameters it knows."""
    lookups = {CLAIM_FILTERS[name]: value for name, value in filters.items() if name in CLAIM_FILTERS and value}
    return Claim.objects.with_relations().filter(**lookups).order_by("-created_at", "-id")


def article_detail_queryset() -> QuerySet[Article]:
    return Article.objects.prefetch_related(
        Prefetch("claims", queryset=Claim.objects.with_relations().order_by("span_start", "id"))
    )
