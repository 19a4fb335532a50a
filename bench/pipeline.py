"""The whole article pipeline against in-process extraction: figures only, no assertions.

Run from the project root (PostgreSQL on 127.0.0.1:5432, Redis on 127.0.0.1:6379):

    .venv/bin/python bench/pipeline.py                    # 300 articles, 1 then 2 workers
    .venv/bin/python bench/pipeline.py --burst 5000       # then a burst of 5,000 with 2 workers

A mixed seven-language corpus (the annotated articles of bench/corpus/, each copy made unique by a
reference line, as syndicated copy is) is submitted over HTTP to the API (gunicorn, API key with the
`submit` scope) into Redis, and worked by 1, then 2, worker processes (`celery worker --pool=solo`,
every queue) on a fresh PostgreSQL database (BENCH_PIPELINE_DATABASE_URL, default the local
server's `factcheck_bench_pipeline`, dropped and recreated for each run). The clock starts at the
first submission; it prints articles per minute until every article is `done` and until every claim
is checked (none `pending`), beside in-process extraction of the same articles in the same run
(`factcheck.extract`, one process, no database): the overhead ratios and the 1 -> 2 worker scaling.

--burst N submits N articles from 4 client threads to 2 workers, then reports the time until all are
done and checked, articles per minute, and what must be zero: articles failed or stuck (`queued`,
`processing`), claims stored twice, `article.processed` events sent twice.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_URL = os.environ.get("BENCH_PIPELINE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/factcheck_bench_pipeline")
BROKER_URL = os.environ.get("BENCH_PIPELINE_BROKER_URL", "redis://127.0.0.1:6379/14")
ENV = {
    **os.environ,
    "DJANGO_ENV": "test",
    "DATABASE_URL": DB_URL,
    "CELERY_BROKER_URL": BROKER_URL,
    "DJANGO_SETTINGS_MODULE": "config.settings",
    # The benchmark is the only client: its budget must not be what is measured.
    "API_THROTTLE_ADDRESS": "1000000/min",
    "API_THROTTLE_CLIENT": "1000000/min",
    "API_THROTTLE_SUBMIT": "1000000/min",
    "DJANGO_LOG_LEVEL": "WARNING",
}
os.environ.update({k: v for k, v in ENV.items() if k != "PATH"})


def corpus(n: int) -> list[dict]:
    """n articles cycled from bench/corpus/, each made a distinct text by a reference line."""
    base = []
    for path in sorted((ROOT / "bench" / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            base.append({"text": doc["text"], "lang": doc["lang"], "source": doc.get("source") or {}})
    out = []
    for i in range(n):
        doc = base[i % len(base)]
        copy = i // len(base)
        text = doc["text"] if copy == 0 else f"{doc['text']}\n(Ref. {copy}-{i})"
        out.append(
            {
                "text": text,
                "source_name": f"Bench Wire {i % 37}",
                "published": (doc["source"].get("published") or "2025-01-15")[:10],
            }
        )
    return out


def fresh_database() -> None:
    import psycopg

    if "django" in sys.modules:
        from django.db import connections

        connections.close_all()  # the previous run's, or the drop below would cut it

    name = DB_URL.rsplit("/", 1)[1]
    with psycopg.connect(DB_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=ENV, check=True, capture_output=True
    )
    import redis

    redis.Redis.from_url(BROKER_URL).flushdb()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Service:
    """gunicorn and the worker processes of one run, stopped together."""

    def __init__(self, workers: int, log_dir: Path) -> None:
        self.port = free_port()
        self.processes = []
        web = [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{self.port}"]
        web += ["--workers", "2", "--worker-class", "gthread", "--threads", "4", "--log-level", "warning"]
        self._start(web, log_dir / "web.log")
        for n in range(workers):
            command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--loglevel=WARNING"]
            command += ["--without-gossip", "--without-mingle", f"--hostname=bench{n}@%h"]
            self._start(command, log_dir / f"worker{n}.log")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.1)
        raise RuntimeError("gunicorn did not start")

    def _start(self, command: list[str], log: Path) -> None:
        self.processes.append(
            subprocess.Popen(
                command,
                cwd=ROOT,
                env=ENV,
                stdout=log.open("w"),
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        )

    def stop(self) -> None:
        for p in self.processes:
            os.killpg(p.pid, signal.SIGTERM)
        for p in self.processes:
            try:
                p.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)


def api_key() -> str:
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from claims.services.api_keys import api_key_create

    user, _ = get_user_model().objects.get_or_create(username="bench")
    _, key = api_key_create(owner=user, name="bench", scopes=["submit", "read"])
    return key


def submit(port: int, key: str, docs: list[dict], threads: int) -> list[int]:
    ids: list[int] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client(part: list[dict]) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        headers = {"Authorization": f"Api-Key {key}", "Content-Type": "application/json"}
        for doc in part:
            conn.request("POST", "/api/v1/articles/", json.dumps(doc), headers)
            response = conn.getresponse()
            body = response.read()
            with lock:
                if response.status in (200, 201, 202):
                    ids.append(json.loads(body)["id"])
                else:
                    errors.append(f"{response.status} {body[:200]!r}")
        conn.close()

    parts = [docs[i::threads] for i in range(threads)]
    workers = [threading.Thread(target=client, args=(p,)) for p in parts]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    if errors:
        print(f"  {len(errors)} submissions refused, e.g. {errors[0]}")
    return ids


def counts() -> dict[str, int]:
    import psycopg

    with psycopg.connect(DB_URL) as db:
        rows = dict(db.execute("SELECT state, count(*) FROM claims_article GROUP BY state").fetchall())
        (pending,) = db.execute("SELECT count(*) FROM claims_claim WHERE status = 'pending'").fetchone()
        (claims,) = db.execute("SELECT count(*) FROM claims_claim").fetchone()
        errors = db.execute(
            "SELECT left(error, 120), count(*) FROM claims_article WHERE state = 'failed' GROUP BY 1 ORDER BY 2 DESC"
        ).fetchall()
    return {**rows, "pending_claims": pending, "claims": claims, "errors": errors}


def integrity() -> dict[str, int]:
    import psycopg

    with psycopg.connect(DB_URL) as db:
        (twice,) = db.execute(
            "SELECT count(*) FROM (SELECT 1 FROM claims_claim GROUP BY article_id, span_start, predicate,"
            " subject_id, object_id, value, time, role, unit, period HAVING count(*) > 1) AS t"
        ).fetchone()
        (events_twice,) = db.execute(
            "SELECT count(*) FROM (SELECT 1 FROM webhooks_event WHERE type = 'article.processed'"
            " GROUP BY data->>'article_id' HAVING count(*) > 1) AS t"
        ).fetchone()
    return {"claims stored twice": twice, "article events twice": events_twice}


def run(docs: list[dict], workers: int, threads: int, log_dir: Path, timeout: float) -> dict:
    fresh_database()
    service = Service(workers, log_dir)
    try:
        key = api_key()
        time.sleep(3)  # the workers load the engine's language data before the clock starts
        started = time.monotonic()
        ids = submit(service.port, key, docs, threads)
        submitted = time.monotonic() - started
        done_at = checked_at = None
        while time.monotonic() - started < timeout:
            c = counts()
            if done_at is None and c.get("done", 0) + c.get("failed", 0) >= len(ids):
                done_at = time.monotonic() - started
            if done_at is not None and c["pending_claims"] == 0:
                checked_at = time.monotonic() - started
                break
            time.sleep(0.25)
        final = counts()
    finally:
        service.stop()
    return {
        "articles": len(ids),
        "submitted_s": submitted,
        "done_s": done_at,
        "checked_s": checked_at,
        "counts": final,
        **integrity(),
    }


def in_process(docs: list[dict]) -> float:
    """Articles a minute extracted in this process, no database, after a warm-up."""
    from datetime import date

    import factcheck

    for doc in docs[:20]:
        factcheck.extract(doc["text"], published=date.fromisoformat(doc["published"]))
    started = time.perf_counter()
    for doc in docs:
        factcheck.extract(doc["text"], published=date.fromisoformat(doc["published"]))
    return len(docs) / (time.perf_counter() - started) * 60


def per_minute(n: int, seconds: float | None) -> float:
    return n / seconds * 60 if seconds else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workers", default="1,2", help="worker process counts to run, comma-separated")
    parser.add_argument("--threads", type=int, default=2, help="client threads submitting")
    parser.add_argument("--burst", type=int, default=0, help="then submit this many at once to 2 workers")
    parser.add_argument("--timeout", type=float, default=3600)
    args = parser.parse_args()
    log_dir = Path(os.environ.get("BENCH_LOG_DIR", "/tmp/bench-pipeline"))
    log_dir.mkdir(parents=True, exist_ok=True)

    docs = corpus(args.articles)
    extract_rate = in_process(docs)
    print(f"{len(docs)} articles, seven languages; in-process extraction: {extract_rate:,.0f} articles/min")
    rates = {}
    for workers in [int(w) for w in args.workers.split(",")]:
        r = run(docs, workers, args.threads, log_dir, args.timeout)
        to_done, to_checked = per_minute(r["articles"], r["done_s"]), per_minute(r["articles"], r["checked_s"])
        rates[workers] = to_checked
        for error, n in r["counts"]["errors"]:
            print(f"  failed x{n}: {error}")
        print(
            f"{workers} worker(s): submitted in {r['submitted_s']:.1f} s; "
            f"done in {r['done_s'] or float('nan'):.1f} s ({to_done:,.0f}/min), "
            f"every claim checked in {r['checked_s'] or float('nan'):.1f} s ({to_checked:,.0f}/min); "
            f"overhead to done {extract_rate / to_done:.2f}x, to checked {extract_rate / to_checked:.2f}x; "
            f"{r['counts'].get('failed', 0)} failed, {r['counts']['claims']:,} claims, "
            f"{r['claims stored twice']} stored twice"
        )
    if 1 in rates and 2 in rates:
        print(f"scaling 1 -> 2 workers (to every claim checked): {rates[2] / rates[1]:.2f}x")
    if args.burst:
        burst = corpus(args.burst)
        r = run(burst, 2, 4, log_dir, args.timeout)
        stuck = r["counts"].get("queued", 0) + r["counts"].get("processing", 0)
        print(
            f"burst of {r['articles']:,} articles, 2 workers: submitted in {r['submitted_s']:.0f} s "
            f"({per_minute(r['articles'], r['submitted_s']):,.0f}/min accepted); "
            f"all done in {r['done_s'] or float('nan'):.0f} s "
            f"({per_minute(r['articles'], r['done_s']):,.0f}/min), every claim checked in "
            f"{r['checked_s'] or float('nan'):.0f} s ({per_minute(r['articles'], r['checked_s']):,.0f}/min); "
            f"{r['counts'].get('failed', 0)} failed, {stuck} stuck, {r['claims stored twice']} claims stored twice, "
            f"{r['article events twice']} events sent twice"
        )
    if 1 in rates:
        print(f"overhead to every claim checked, 1 worker: {extract_rate / rates[1]:.2f}x (goal at most 2x)")


if __name__ == "__main__":
    main()
