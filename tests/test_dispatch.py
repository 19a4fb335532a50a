"""Services queue tasks by name; every process (the web's too, where nothing imports the tasks) knows them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_fresh_process_knows_every_task_a_service_names():
    code = (
        "import django; django.setup()\n"
        "from celery import current_app\n"
        "from claims.services import dispatch\n"
        "names = [v for k, v in vars(dispatch).items() if k.isupper() and isinstance(v, str)]\n"
        "missing = [n for n in names if n not in current_app.tasks]\n"
        "print(len(names), missing)\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_ENV": "test"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "5 []"


def test_each_kind_of_work_has_its_own_queue():
    from config.celery import app

    route = app.amqp.router.route
    assert route({}, "claims.process_article")["queue"].name == "extract"
    assert route({}, "claims.check_claims")["queue"].name == "checks"
    assert route({}, "claims.recheck_claims")["queue"].name == "checks"
    assert route({}, "webhooks.deliver")["queue"].name == "webhooks"
    assert {"extract", "checks", "webhooks"} <= set(app.amqp.queues)
