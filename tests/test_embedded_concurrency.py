"""The embedded default (SQLite file, tasks in-process) under concurrent submissions loses nothing.

README's first command serves the API with gunicorn on SQLite with no broker: every
request thread runs its article's extraction right after its own commit. Before WAL,
a busy timeout, immediate transactions and retries, 20 articles posted at once ended
15 `failed` with "database is locked". This starts that very server in a subprocess
and posts 50 different articles at the same moment.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
# As `make run` starts it (Makefile).
EMBEDDED_SERVER = ["config.wsgi:application", "--worker-class", "gthread", "--threads", "8", "--timeout", "120"]
COMPANIES = ["Orvane", "Tessaline", "Brightwave Robotics", "Quorra Health", "Kandra Labs", "Maison Corbel"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def article(i: int) -> dict:
    company = COMPANIES[i % len(COMPANIES)]
    return {
        "text": f"{company} reported revenue of {100 + i} million euros in 2024. "
        f"The company employs about {1_000 + 10 * i} people, report number {i} said.",
        "source_name": f"Wire {i}",
        "published": "2025-03-01",
    }


@pytest.fixture
def embedded_server(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "CELERY_", "CACHE_"))}
    env.update(
        {
            "DJANGO_ENV": "development",
            "DJANGO_SECRET_KEY": "k" + "x1y2z3w4" * 8,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "DJANGO_SUPERUSER_PASSWORD": "a-long-test-password",
            "API_THROTTLE_ADDRESS": "100000/min",
            "API_THROTTLE_SUBMIT": "100000/min",
        }
    )

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        )

    manage("migrate", "--noinput")
    manage("createsuperuser", "--noinput", "--username", "ana", "--email", "ana@example.org")
    key = manage("create_api_key", "ana", "--scopes", "read,submit").stdout.strip()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", *EMBEDDED_SERVER, "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "server.log").open("w"),
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    session = requests.Session()
    session.headers["Authorization"] = f"Api-Key {key}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if session.get(f"{base}/claims/", timeout=5).status_code == 200:
                break
        except requests.ConnectionError:
            pass
        assert time.monotonic() < deadline, "the embedded server did not start"
        time.sleep(0.2)
    yield base, session
    print((tmp_path / "server.log").read_text()[-5000:])  # shown when the test fails
    server.terminate()
    server.wait(timeout=30)


def test_fifty_articles_posted_at_once_all_end_done(embedded_server):
    base, session = embedded_server

    with ThreadPoolExecutor(max_workers=50) as pool:
        answers = list(pool.map(lambda i: session.post(f"{base}/articles/", json=article(i), timeout=300), range(50)))

    assert [a.status_code for a in answers] == [202] * 50
    ids = {a.json()["id"] for a in answers}
    deadline = time.monotonic() + 300
    while True:
        states = {a["id"]: (a["state"], a.get("error")) for a in _all_articles(session, base)}
        if all(states[i][0] == "done" for i in ids) or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert {states[i][0] for i in ids} == {"done"}, [states[i] for i in ids if states[i][0] != "done"]
    claims = _all(session, f"{base}/claims/?page_size=200")
    assert {c["article"] for c in claims} == ids  # every article gave its claims


def _all_articles(session, base):
    return _all(session, f"{base}/articles/?page_size=200")


def _all(session, url):
    rows = []
    while url:
        page = session.get(url, timeout=30).json()
        rows += page["results"]
        url = page["next"]
    return rows
