"""The article path while the database goes away: connections terminated, the server restarted.

Terminating connections is done on the machine's PostgreSQL, to the test database's other sessions
only; the restart is done to a throwaway cluster made with initdb, so the shared server stays up.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import psycopg
import pytest
from django.db import connection

from claims.models import Article, Claim
from claims.services.articles import article_submit
from tests.conftest import free_port, wait_for
from tests.faults.test_article_faults import (
    FAST_SWEEPS,
    claim_duplicates,
    long_article,
    processed_events,
    short_article,
)

pytestmark = [pytest.mark.services, pytest.mark.faults, pytest.mark.django_db(transaction=True)]


def test_connections_terminated_while_workers_run_fail_nothing(app_on, own_redis, start_worker, capsys):
    # given two workers with a batch of articles to extract and check
    for _ in range(2):
        start_worker(own_redis.url, beat=not _, **FAST_SWEEPS)
    ids = [article_submit(text=short_article(i), source_name="Wire")[0].pk for i in range(80)]
    ids.append(article_submit(text=long_article(600), source_name="Wire")[0].pk)
    wait_for(lambda: Article.objects.filter(pk__in=ids, state="done").exists(), timeout=60, interval=0.05)

    # when every other session on the test database is terminated, again and again, while they work
    terminated = 0
    deadline = time.monotonic() + 8
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            terminated += cursor.fetchone()[0]
        time.sleep(0.4)
    assert terminated >= 10

    # then every article ends done, none failed, each stored once, and every claim is checked
    wait_for(lambda: Article.objects.filter(pk__in=ids, state="done").count() == len(ids), timeout=180)
    wait_for(lambda: not Claim.objects.filter(article_id__in=ids, status="pending").exists(), timeout=120)
    assert not Article.objects.filter(pk__in=ids, state="failed").exists()
    assert sum(claim_duplicates(i) for i in ids) == 0
    assert all(processed_events(i) == 1 for i in ids)
    # nothing half-written: every article has its claims (each of these texts states two or more)
    assert Claim.objects.filter(article_id__in=ids).values("article_id").distinct().count() == len(ids)
    with capsys.disabled():
        print(f"\n  {terminated} database sessions terminated during the batch: {len(ids)} articles done, none failed")


class ThrowawayCluster:
    """A PostgreSQL cluster of the test's own (initdb in a temporary folder), which the test may restart."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="factcheck-pg-")
        self.port = free_port(15432)
        self.data = os.path.join(self.folder, "data")
        # PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.folder, "postgres")
        self.run("initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "--no-sync")
        self.ctl("start", "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off")
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "factcheck")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/factcheck"

    def run(self, *command: str) -> None:
        subprocess.run(
            [*self.as_user, shutil.which(command[0]) or command[0], *command[1:]],
            check=True,
            capture_output=True,
            timeout=120,
        )

    def ctl(self, action: str, *args: str) -> None:
        self.run("pg_ctl", action, "-D", self.data, "-w", "-l", os.path.join(self.folder, "log"), *args)

    def restart(self) -> None:
        self.ctl("restart", "-m", "fast")

    def destroy(self) -> None:
        try:
            self.ctl("stop", "-m", "immediate")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def cluster():
    if not (shutil.which("initdb") and shutil.which("pg_ctl")):
        pytest.fail("the database fault tests need PostgreSQL's initdb and pg_ctl on PATH")
    cluster = ThrowawayCluster()
    yield cluster
    cluster.destroy()


def test_the_database_restarted_mid_batch_fails_nothing(cluster, own_redis, tmp_path, capsys):
    # given the service on a database of its own, with a worker and beat, and 60 articles imported
    env = {
        **os.environ,
        "DJANGO_ENV": "test",
        "DATABASE_URL": cluster.url,
        "CELERY_BROKER_URL": own_redis.url,
        **FAST_SWEEPS,
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput"], env=env, check=True, capture_output=True, timeout=300)
    batch = tmp_path / "batch.jsonl"

    with batch.open("w") as out:
        for i in range(60):
            out.write(json.dumps({"text": short_article(i), "source_name": "Regional Wire"}) + "\n")
        out.write(json.dumps({"text": long_article(900), "source_name": "Regional Wire"}) + "\n")
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--beat",
            "--pool=solo",
            "--loglevel=WARNING",
            f"--schedule={tmp_path / 'beat'}",
            "--without-gossip",
            "--without-mingle",
        ],
        env=env,
        stdout=open(tmp_path / "worker.log", "w"),  # noqa: SIM115 - open as long as the worker runs
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        subprocess.run([*manage, "import_articles", str(batch)], env=env, check=True, capture_output=True, timeout=300)

        def count(sql: str) -> int:
            try:
                with psycopg.connect(cluster.url, connect_timeout=2) as db:
                    return db.execute(sql).fetchone()[0]
            except psycopg.OperationalError:
                return -1

        wait_for(lambda: count("SELECT count(*) FROM claims_article WHERE state = 'done'") >= 5, timeout=120)

        # when the database server restarts twice while the worker is busy
        for _ in range(2):
            cluster.restart()
            time.sleep(1.5)

        # then every article ends done, none failed, and no claim is left pending
        wait_for(lambda: count("SELECT count(*) FROM claims_article WHERE state = 'done'") == 61, timeout=240)
        wait_for(lambda: count("SELECT count(*) FROM claims_claim WHERE status = 'pending'") == 0, timeout=120)
        assert count("SELECT count(*) FROM claims_article WHERE state = 'failed'") == 0
        # each article stored once
        assert (
            count(
                "SELECT count(*) FROM (SELECT article_id, span_start, predicate, subject_id, object_id, value, time,"
                " role, unit, period FROM claims_claim GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10"
                " HAVING count(*) > 1) AS twice"
            )
            == 0
        )
        assert worker.poll() is None
    finally:
        os.killpg(worker.pid, 15)
        worker.wait(30)
    with capsys.disabled():
        print("\n  PostgreSQL restarted twice mid-batch: 61 articles done, none failed, no claim pending")
