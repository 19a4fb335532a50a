"""The one way services hand work to the queues: by task name.

Services never import the tasks (which import the services): they name the task, and
Celery's registry finds it. Which queue a task goes to is settings (CELERY_TASK_ROUTES):
extraction, checks and webhooks each have their own, so a flood of articles never delays
a verdict's re-check or its webhook.
"""

from __future__ import annotations

import logging

from celery import current_app
from django.db import transaction

logger = logging.getLogger(__name__)

PROCESS_ARTICLE = "claims.process_article"
CHECK_CLAIMS = "claims.check_claims"
RECHECK_FACT = "claims.recheck_fact"
RECHECK_CLAIMS = "claims.recheck_claims"
DELIVER = "webhooks.deliver"


def dispatch(task_name: str, *args) -> None:
    """Queue a task now. Raises if the broker cannot take it: callers that must not fail use dispatch_on_commit."""
    current_app.tasks[task_name].delay(*args)


def dispatch_on_commit(task_name: str, *args) -> None:
    """Queue a task once the current transaction commits.

    A broker that is down must not turn a committed request into an error: the
    work is already recorded in the database (an article stays `queued`, a claim
    `pending`), and a sweeper picks it up again, so a failed publish is logged, not raised.
    """

    def send() -> None:
        try:
            dispatch(task_name, *args)
        except Exception:  # any broker failure: the sweeper retries
            logger.exception("could not queue %s%r; the sweeper will retry", task_name, args)

    transaction.on_commit(send)
