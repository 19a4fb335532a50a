"""Celery adapters: take ids, call a service.

Every task here is idempotent (its service changes nothing the second time), so
a message redelivered after a worker died (acks_late) is harmless.
"""

from __future__ import annotations

from celery import shared_task

from claims.services.articles import article_process, articles_requeue_stalled
from claims.services.checks import claims_check, fact_check
from claims.services.reviews import fact_recheck_dispatch, facts_requeue_stalled_rechecks


@shared_task(name="claims.process_article")
def process_article(article_id: int) -> None:
    article_process(article_id=article_id)


@shared_task(name="claims.check_claims")
def check_claims(claim_ids: list[int]) -> None:
    claims_check(claim_ids=claim_ids)


@shared_task(name="claims.requeue_stalled_articles")
def requeue_stalled_articles() -> None:
    articles_requeue_stalled()


@shared_task(name="claims.recheck_fact")
def recheck_fact(fact_key: str) -> None:
    """After a verdict: fan the fact's other claims out in batches."""
    fact_recheck_dispatch(fact_key=fact_key)


@shared_task(name="claims.recheck_claims")
def recheck_claims(fact_key: str, claim_ids: list[int]) -> None:
    fact_check(fact_key=fact_key, claim_ids=claim_ids, after_verdict=True)


@shared_task(name="claims.requeue_stalled_rechecks")
def requeue_stalled_rechecks() -> None:
    facts_requeue_stalled_rechecks()
