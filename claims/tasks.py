"""Celery adapters: take ids, call a service."""

from __future__ import annotations

from celery import shared_task

from claims.services.articles import article_process, articles_requeue_stalled
from claims.services.checks import claims_check


@shared_task(name="claims.process_article")
def process_article(article_id: int) -> None:
    article_process(article_id=article_id)


@shared_task(name="claims.check_claims")
def check_claims(claim_ids: list[int]) -> None:
    claims_check(claim_ids=claim_ids)


@shared_task(name="claims.requeue_stalled_articles")
def requeue_stalled_articles() -> None:
    articles_requeue_stalled()
