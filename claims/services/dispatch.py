from __future__ import annotations

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def dispatch_on_commit(task, *args) -> None:
    """Queue a Celery task once the current transaction commits.

    A broker that is down must not turn a committed request into an error: the
    work is already recorded in the database (an article stays `queued`), and the
    sweeper picks it up again, so a failed publish is logged, not raised.
    """

    def send() -> None:
        try:
            task.delay(*args)
        except Exception:  # any broker failure: the sweeper retries
            logger.exception("could not queue %s%r; the sweeper will retry", task.name, args)

    transaction.on_commit(send)
