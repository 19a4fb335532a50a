import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# The request id of the request that queued a task is bound in the worker too (django-structlog).
from django_structlog.celery.steps import DjangoStructLogInitStep  # noqa: E402

app.steps["worker"].add(DjangoStructLogInitStep)


# Task durations and failures for /metrics, from whichever process runs the tasks.
from claims.metrics import task_signals_connect  # noqa: E402

task_signals_connect()
