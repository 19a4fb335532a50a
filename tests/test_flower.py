"""Flower, the operators' view of the workers, runs against our Celery app and sees a real worker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
import requests

from tests.conftest import free_port, wait_for

pytestmark = pytest.mark.services


def test_flower_shows_the_running_workers_behind_a_login(celery_worker, tmp_path):
    from config.celery import app

    port = free_port(5600)
    flower = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "flower",
            f"--port={port}",
            "--address=127.0.0.1",
            "--basic-auth=ops:a-long-flower-password",
        ],
        env={**os.environ, "CELERY_BROKER_URL": app.conf.broker_url},
        stdout=open(tmp_path / "flower.log", "w"),  # noqa: SIM115 - open as long as flower runs
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: _get(f"{base}/healthcheck") == 200, timeout=60)
        # without the login, nothing about the workers
        assert requests.get(f"{base}/api/workers", timeout=5).status_code == 401

        def worker_listed() -> bool:
            r = requests.get(f"{base}/api/workers?refresh=1", auth=("ops", "a-long-flower-password"), timeout=10)
            return r.status_code == 200 and any(celery_worker.hostname in name for name in r.json())

        wait_for(worker_listed, timeout=60, interval=1)
    finally:
        os.killpg(flower.pid, signal.SIGTERM)
        flower.wait(10)


def _get(url: str) -> int:
    try:
        return requests.get(url, timeout=2).status_code
    except requests.ConnectionError:
        return 0
