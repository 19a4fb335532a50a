"""Celery adapters: take ids, call a service.

Every task here is idempotent (its service changes nothing the second time), so
a message redelivered after a worker died (acks_late) is harmless.
"""

from __future__ import annotations

import time

from celery import shared_task

from claims.services.articles import (
    TRANSIENT_ERRORS,
    TransientFailure,
    article_give_up,
    article_process,
    articles_requeue_stalled,
)
from claims.services.checks import claims_check, claims_requeue_pending, fact_check
from claims.services.retention import history_prune
from claims.services.reviews import fact_recheck_dispatch, facts_requeue_stalled_rechecks

# Backoff between retries of a transient failure, in seconds: 1, 2, 4 ... capped at a minute.
PROCESS_RETRIES = 8


@shared_task(name="claims.process_article", bind=True, max_retries=PROCESS_RETRIES)
def process_article(self, article_id: int) -> None:
    try:
        article_process(article_id=article_id)
    except TransientFailure as exc:
        if self.request.retries >= PROCESS_RETRIES:
            article_give_up(article_id=article_id, reason=str(exc))
            return
        delay = min(60, 2**self.request.retries)
        if self.request.is_eager:
            # In-process (the embedded default) a retry runs at once: wait here instead.
            time.sleep(min(delay, 5))
        raise self.retry(countdown=delay) from exc


# A check that meets a dropped or restarted database connection is retried with backoff (1, 2, 4 ... s,
# jittered, at most a minute); it wrote nothing (one transaction per article's checks). Should every
# retry fail, the claims stay `pending` and the sweeper queues them again.
RETRY_TRANSIENT = {
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": True,
    "retry_backoff_max": 60,
    "max_retries": PROCESS_RETRIES,
}


@shared_task(name="claims.check_claims", **RETRY_TRANSIENT)
def check_claims(claim_ids: list[int]) -> None:
    claims_check(claim_ids=claim_ids)


@shared_task(name="claims.requeue_stalled_articles")
def requeue_stalled_articles() -> None:
    articles_requeue_stalled()


@shared_task(name="claims.recheck_fact", **RETRY_TRANSIENT)
def recheck_fact(fact_key: str) -> None:
    """After a verdict: fan the fact's other claims out in batches."""
    fact_recheck_dispatch(fact_key=fact_key)


@shared_task(name="claims.recheck_claims", **RETRY_TRANSIENT)
def recheck_claims(fact_key: str, claim_ids: list[int]) -> None:
    fact_check(fact_key=fact_key, claim_ids=claim_ids, after_verdict=True)


@shared_task(name="claims.requeue_stalled_rechecks")
def requeue_stalled_rechecks() -> None:
    facts_requeue_stalled_rechecks()


@shared_task(name="claims.requeue_pending_checks")
def requeue_pending_checks() -> None:
    claims_requeue_pending()


@shared_task(name="claims.prune_history")
def prune_history() -> None:
    history_prune()
