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


def queue_depth(task_name: str) -> int | None:
    """Messages waiting in the queue a task is routed to; None when the broker cannot say (eager mode, down).

    The sweepers ask before sending lost work again: while a backlog waits, the work they see as late is
    most likely in it, and sending it again would only lengthen the queue.
    """
    if current_app.conf.task_always_eager:
        return None
    queue = current_app.amqp.router.route({}, task_name)["queue"].name
    return queue_depths([queue])[queue]


def queue_depths(queues: list[str]) -> dict[str, int | None]:
    """Messages waiting in each queue, on Redis and on RabbitMQ alike (a passive declare asks the broker)."""
    depths: dict[str, int | None] = {}
    try:
        with current_app.connection_for_write() as conn:
            for queue in queues:
                try:
                    depths[queue] = conn.default_channel.queue_declare(queue=queue, passive=True).message_count
                except Exception as exc:
                    # A queue never declared has nothing in it; RabbitMQ closes the channel on that answer.
                    if "NOT_FOUND" not in str(exc) and "no queue" not in str(exc).lower():
                        raise
                    depths[queue] = 0
                    conn.default_channel  # noqa: B018 - reopens the channel the refusal closed
    except Exception as exc:  # the broker down or unreachable: it cannot say
        logger.warning("could not read the depth of queues %s: %s", ", ".join(queues), exc)
        return dict.fromkeys(queues)
    return depths
