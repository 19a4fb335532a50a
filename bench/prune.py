"""Retention pruning at a million rows: how long it holds locks, and what a writer meanwhile waits.

Run from the project root (PostgreSQL on 127.0.0.1:5432):

    .venv/bin/python bench/prune.py                 # 1,000,000 status changes + 250,000 events, deliveries, attempts
    .venv/bin/python bench/prune.py --rows 200000   # smaller

Fills a fresh database (BENCH_PRUNE_DATABASE_URL, default the local server's `factcheck_bench_prune`)
with the checks' status changes and finished webhook deliveries (event, delivery, attempt) older than
the retention period, plus the same number of recent ones that must stay, and reviewers' verdicts
that must stay however old. Then it runs the beat task's service, history_prune(), timing every
batch transaction (each is the longest any of its row locks is held), while another thread keeps
writing to the same tables (a new status change and a claim update, one transaction each) and
times each write; the same writer runs alone first, as the baseline. It prints the longest and the
99th percentile batch transaction, the writer's p50/p99/max with pruning against alone, rows pruned
per second, and that what must stay stayed. Figures only, no assertions.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_URL = os.environ.get("BENCH_PRUNE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/factcheck_bench_prune")
os.environ.update(
    {
        "DATABASE_URL": DB_URL,
        "DJANGO_ENV": "test",
        "CELERY_BROKER_URL": "",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "FACTCHECK_RETENTION_DAYS": "90",
    }
)


def fresh_database() -> None:
    import psycopg

    name = DB_URL.rsplit("/", 1)[1]
    with psycopg.connect(DB_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput"], cwd=ROOT, check=True, capture_output=True)


def fill(rows: int, deliveries: int) -> dict[str, int]:
    """The old rows to prune and the rows that must stay, written with set-based SQL."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from claims.models import Article, Claim, Entity
    from claims.webhooks.models import Endpoint

    user = get_user_model().objects.create_user(username="bench", password="a-long-bench-password")
    article = Article.objects.create(text="bench", content_hash="bench", source_name="Bench", state="done")
    company = Entity.objects.create(name="Orvane", kind="organisation")
    claims = Claim.objects.bulk_create(
        Claim(
            article=article,
            predicate="revenue",
            subject=company,
            value=i,
            unit="EUR",
            time=str(1000 + i),
            span_start=0,
            span_end=5,
            fact_key=f"bench:{i}",
        )
        for i in range(1000)
    )
    endpoint = Endpoint.objects.create(owner=user, url="https://hooks.example.com/in", event_types=["claim.created"])
    first, last = claims[0].pk, claims[-1].pk
    with connection.cursor() as c:
        old, new = "now() - interval '200 days'", "now() - interval '1 day'"
        # (claim, status_version) is unique: each batch of rows has versions of its own
        for offset, (when, n) in enumerate(((old, rows), (new, rows // 10))):
            c.execute(
                "INSERT INTO claims_statuschange (from_status, to_status, status_version, actor_system, reason,"
                " created_at, claim_id, changes) SELECT 'pending', 'supported', %s + g, 'checks', 'sources agree',"
                f" {when}, %s + g %% 1000, '{{}}' FROM generate_series(1, %s) g",
                [offset * 10_000_000, first, n],
            )
        # Reviewers' verdicts, however old, are the audit: they stay.
        c.execute(
            "INSERT INTO claims_statuschange (from_status, to_status, status_version, actor_system, actor_user_id,"
            " reason, created_at, claim_id, changes) SELECT 'pending', 'verified', 20000000 + g, '', %s,"
            " 'checked the filing',"
            f" {old}, %s + g %% 1000, '{{}}' FROM generate_series(1, 1000) g",
            [user.pk, first],
        )
        for when, n in ((old, deliveries), (new, deliveries // 10)):
            c.execute(
                "WITH e AS (INSERT INTO webhooks_event (uid, type, data, created_at)"
                f" SELECT gen_random_uuid(), 'claim.created', '{{}}', {when} FROM generate_series(1, %s) RETURNING id),"
                " d AS (INSERT INTO webhooks_delivery (state, attempt_count, last_error, created_at, updated_at,"
                f" event_id, endpoint_id, next_attempt_at) SELECT 'succeeded', 1, '', {when}, {when}, e.id, %s, {when}"
                " FROM e RETURNING id)"
                " INSERT INTO webhooks_attempt (number, started_at, error, response_body, delivery_id, status_code)"
                f" SELECT 1, {when}, '', '', d.id, 200 FROM d",
                [n, endpoint.pk],
            )
        c.execute("ANALYZE")
    return {"claims": (first, last)}


class Timed:
    """Stands in for django.db.transaction in the retention module: times every atomic block."""

    def __init__(self, real) -> None:
        self.real, self.durations = real, []

    @contextlib.contextmanager
    def atomic(self, *args, **kwargs):
        started = time.perf_counter()
        with self.real.atomic(*args, **kwargs):
            yield
        self.durations.append(time.perf_counter() - started)


_versions = itertools.count()  # the writer's status versions, unique across its runs


def writer(stop: threading.Event, claim_ids: tuple[int, int], out: list[float]) -> None:
    """A worker's writes to the same tables: a status change recorded and its claim updated, one transaction."""
    from django.db import connection, transaction

    from claims.models import Claim, StatusChange

    n = next(_versions)
    while not stop.is_set():
        claim_id = claim_ids[0] + n % 1000
        started = time.perf_counter()
        with transaction.atomic():
            Claim.objects.filter(pk=claim_id).update(status_version=30_000_000 + n)
            StatusChange.objects.create(
                claim_id=claim_id,
                from_status="pending",
                to_status="supported",
                status_version=30_000_000 + n,
                reason="bench",
            )
        out.append(time.perf_counter() - started)
        n = next(_versions)
        time.sleep(0.005)
    connection.close()


def quantiles(values: list[float]) -> tuple[float, float, float]:
    values = sorted(values)
    return statistics.median(values), values[int(len(values) * 0.99) - 1], values[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="old status changes (default 1,000,000)")
    parser.add_argument("--deliveries", type=int, default=250_000, help="old events, deliveries and attempts each")
    args = parser.parse_args()

    fresh_database()
    import django

    django.setup()
    from django.db import transaction

    import claims.services.retention as retention
    from claims.models import StatusChange
    from claims.webhooks.models import Attempt, Delivery, Event

    started = time.perf_counter()
    ids = fill(args.rows, args.deliveries)["claims"]
    print(
        f"filled in {time.perf_counter() - started:.0f} s: {args.rows:,} old status changes, "
        f"{args.deliveries:,} old events, deliveries and attempts, a tenth as many recent ones, 1,000 old verdicts"
    )
    before = {m.__name__: m.objects.count() for m in (StatusChange, Event, Delivery, Attempt)}

    # The writer alone, as the baseline.
    alone: list[float] = []
    stop = threading.Event()
    t = threading.Thread(target=writer, args=(stop, ids, alone))
    t.start()
    time.sleep(10)
    stop.set()
    t.join()

    # Pruning, with the writer running beside it.
    during: list[float] = []
    stop = threading.Event()
    t = threading.Thread(target=writer, args=(stop, ids, during))
    timed = Timed(transaction)
    retention.transaction = timed
    t.start()
    started = time.perf_counter()
    counts = retention.history_prune()
    took = time.perf_counter() - started
    stop.set()
    t.join()
    retention.transaction = transaction

    pruned = sum(counts.values())
    p50, p99, longest = quantiles(timed.durations)
    print(f"pruned {pruned:,} rows in {took:.0f} s ({pruned / took:,.0f} rows/s): {counts}")
    print(
        f"batch transactions: {len(timed.durations):,}; p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, "
        f"longest {longest * 1000:.0f} ms (the longest any lock was held)"
    )
    a50, a99, amax = quantiles(alone)
    d50, d99, dmax = quantiles(during)
    print(
        f"a writer on the same tables: alone p50 {a50 * 1000:.1f} ms p99 {a99 * 1000:.1f} ms "
        f"max {amax * 1000:.0f} ms; "
        f"while pruning p50 {d50 * 1000:.1f} ms p99 {d99 * 1000:.1f} ms max {dmax * 1000:.0f} ms "
        f"({len(during):,} writes)"
    )
    after = {m.__name__: m.objects.count() for m in (StatusChange, Event, Delivery, Attempt)}
    verdicts = StatusChange.objects.filter(actor_user__isnull=False).count()
    print(f"rows before {before}, after {after}; reviewers' verdicts kept: {verdicts:,} of 1,000")
    print(f"writer p99 while pruning / alone: {d99 / a99:.2f}x; longest batch transaction {longest:.2f} s")


if __name__ == "__main__":
    main()
