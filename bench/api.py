"""Read API latency against raw SQL for the same rows: figures only, no assertions.

Run from the project root (PostgreSQL on 127.0.0.1:5432):

    .venv/bin/python bench/api.py                      # 100,000 claims, 100 requests per endpoint
    .venv/bin/python bench/api.py --reuse --explain    # keep the seeded database; the API's SQL, EXPLAINed

Fills a database (BENCH_API_DATABASE_URL, default the local server's `factcheck_bench_api`, dropped
and recreated unless --reuse finds it holding --claims claims) with --claims claims over ~claims/20
articles in seven languages, 2,000 entities, one fact row per fact key and the checks' findings
(bench/_api_seed.py). Then, through Django's whole stack in-process (django.test.Client, session of
a logged-in user), it times each read below --requests times after --warmup untimed ones, and in
the same loop a baseline: the SQL a person would write for the same rows (same filter, order and
page size, joined with the entity names and article language, plus the page's findings or the
facts' claims) on the same connection, rows fetched.

  claims first page     GET /api/v1/claims/
  claims deep page      the page reached by following `next` (--deep-page - 1) times; works for
                        ?page= and ?cursor= alike. Baseline: keyset (created_at, id) <= first row,
                        the same SQL whichever pagination the API uses
  claims ?status=       the most common status (or --status)
  claims ?predicate=    stake
  facts first page      GET /api/v1/facts/
  claim detail          GET /api/v1/claims/{id}/ of a claim with findings

The baseline's rows are compared with the API's (ids or keys, in order); a difference is printed.
Connections persist (DATABASE_CONN_MAX_AGE, default 600 here): set it to 0 to time a new
connection per request as well. The API's throttle rates are lifted for the run.

--explain lists the queries one request of each read issues, with their time as the client saw it
and on the server (EXPLAIN ANALYZE), and the plan of the slowest on the server (the session and
user look-ups aside). The last line is the worst ratio of p50s, API / SQL.
"""

from __future__ import annotations

import argparse
import gc
import logging
import math
import os
import re
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_URL = os.environ.get("BENCH_API_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/factcheck_bench_api")
os.environ["DATABASE_URL"] = DB_URL
os.environ["DJANGO_ENV"] = "test"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "600")
os.environ["CELERY_BROKER_URL"] = ""  # nothing is dispatched by a read, and nothing should be

CLAIMS = "/api/v1/claims/"
FACTS = "/api/v1/facts/"


class ReadFailed(Exception):
    """A read the benchmark could not make: its row is skipped, the others are still measured."""


def prepare_database(n_claims: int, reuse: bool) -> bool:
    """Create the database (dropping it unless reused); True when it already holds n_claims claims."""
    import psycopg

    name = DB_URL.rsplit("/", 1)[1]
    admin_url = DB_URL.rsplit("/", 1)[0] + "/postgres"
    if reuse:
        try:
            with psycopg.connect(DB_URL) as conn:
                (count,) = conn.execute("SELECT count(*) FROM claims_claim").fetchone()
            if count == n_claims:
                return True
            print(f"--reuse: {name} holds {count:,} claims, not {n_claims:,}: recreating it")
        except psycopg.Error:
            pass
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return False


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def results_of(data) -> list[dict]:
    if isinstance(data, list):
        return data
    for key in ("results", "data", "items"):
        if isinstance(data.get(key), list):
            return data[key]
    raise ReadFailed(f"no list of results in the response: keys {sorted(data)}")


def next_of(data) -> str | None:
    if isinstance(data, dict):
        if data.get("next"):
            return data["next"]
        links = data.get("links")
        if isinstance(links, dict) and links.get("next"):
            return links["next"]
    return None


class Baseline:
    """Hand-written SQL for what each read shows, on Django's connection."""

    def __init__(self) -> None:
        from claims.models import Article, Claim, Entity, Fact, Finding

        t = {m.__name__: m._meta.db_table for m in (Article, Claim, Entity, Fact, Finding)}
        self.claims_sql = (
            f"SELECT c.*, a.language, s.name, o.name FROM {t['Claim']} c "
            f"JOIN {t['Article']} a ON a.id = c.article_id "
            f"JOIN {t['Entity']} s ON s.id = c.subject_id "
            f"LEFT JOIN {t['Entity']} o ON o.id = c.object_id "
            "{where} ORDER BY c.created_at DESC, c.id DESC LIMIT %s"
        )
        self.findings_sql = f"SELECT * FROM {t['Finding']} WHERE claim_id = ANY(%s) ORDER BY created_at, id"
        self.facts_sql = (
            f"SELECT f.*, s.name, o.name FROM {t['Fact']} f "
            f"JOIN {t['Entity']} s ON s.id = f.subject_id "
            f"LEFT JOIN {t['Entity']} o ON o.id = f.object_id "
            "ORDER BY f.updated_at DESC, f.id DESC LIMIT %s"
        )
        self.behind_sql = (
            "SELECT c.id, c.fact_key, c.article_id, a.source_name, a.language, a.published, c.value, "
            "c.qualifier, c.modality, c.confidence, c.status, c.text "
            f"FROM {t['Claim']} c JOIN {t['Article']} a ON a.id = c.article_id "
            "WHERE c.fact_key = ANY(%s) ORDER BY c.id"
        )
        self.claim_table = t["Claim"]

    def claims(self, where: str, params: list, limit: int) -> Callable[[], list]:
        from django.db import connection

        sql = self.claims_sql.format(where=where)

        def run() -> list:
            with connection.cursor() as cursor:
                cursor.execute(sql, [*params, limit])
                rows = cursor.fetchall()
                ids = [r[0] for r in rows]
                cursor.execute(self.findings_sql, [ids])
                cursor.fetchall()
            return ids

        return run

    def facts(self, limit: int) -> Callable[[], list]:
        from django.db import connection

        def run() -> list:
            with connection.cursor() as cursor:
                cursor.execute(self.facts_sql, [limit])
                names = [c.name for c in cursor.description]
                keys = [r[names.index("key")] for r in cursor.fetchall()]
                cursor.execute(self.behind_sql, [keys])
                cursor.fetchall()
            return keys

        return run

    def created_at(self, claim_id: int):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(f"SELECT created_at FROM {self.claim_table} WHERE id = %s", [claim_id])
            return cursor.fetchone()[0]


class Api:
    def __init__(self) -> None:
        from django.contrib.auth import get_user_model
        from django.test import Client

        from claims.services.api_keys import api_key_create

        user, _ = get_user_model().objects.get_or_create(username="bench-api")
        self.client = Client(raise_request_exception=False)
        # As a program calls it: an API key (one query for the key and its owner), not a browser session.
        _, key = api_key_create(owner=user, name="bench", scopes=["read"])
        self.auth = f"Api-Key {key}"

    def get(self, path: str):
        try:
            response = self.client.get(path, HTTP_ACCEPT="application/json", HTTP_AUTHORIZATION=self.auth)
        except Exception as e:  # the application failing before it could answer (e.g. an import error)
            raise ReadFailed(f"GET {path}: {type(e).__name__}: {_short(str(e), 300)}") from e
        if response.status_code != 200:
            exc = getattr(response, "exc_info", None)
            reason = f"{type(exc[1]).__name__}: {exc[1]}" if exc else response.content[:300].decode(errors="replace")
            raise ReadFailed(f"GET {path}: {response.status_code} {_short(reason, 300)}")
        return response

    def json(self, path: str):
        return self.get(path).json()


def measure(api: Api, path: str, baseline: Callable[[], list], requests: int, warmup: int):
    for _ in range(warmup):
        api.get(path)
        baseline()
    gc.collect()
    api_t, sql_t = [], []
    for _ in range(requests):
        t0 = time.perf_counter()
        api.get(path)
        t1 = time.perf_counter()
        baseline()
        t2 = time.perf_counter()
        api_t.append(t1 - t0)
        sql_t.append(t2 - t1)
    return api_t, sql_t


def explain(api: Api, name: str, path: str) -> None:
    from django.db import connection

    queries: list[tuple[float, str, object]] = []

    def timed(execute, sql, params, many, context):
        t0 = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append((time.perf_counter() - t0, sql, params))

    with connection.execute_wrapper(timed):
        api.get(path)
    plans = []
    with connection.cursor() as cursor:
        for _, sql, params in queries:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
            plan = [r[0] for r in cursor.fetchall()]
            server = next((float(re.findall(r"[\d.]+", line)[0]) for line in plan if line.startswith("Execution")), 0)
            plans.append((server, plan))
    total = sum(q[0] for q in queries) * 1000
    print(f"\n{name}: GET {_short(path, 90)}: {len(queries)} queries, {total:.2f} ms in SQL (client side)")
    print("  client ms  server ms (EXPLAIN ANALYZE)")
    for (seconds, sql, _), (server, _) in zip(queries, plans, strict=True):
        print(f"  {seconds * 1000:8.2f} {server:10.3f}  {_short(sql, 150)}")
    # The session and user look-ups are the same for every read: the slowest of the others, on the server.
    own = [p for q, p in zip(queries, plans, strict=True) if not re.search(r'FROM "(django_session|auth_user)"', q[1])]
    _, plan = max(own or plans, key=lambda p: p[0])
    print(f"  slowest: {plan[0].strip()}")
    keep = ("Scan", "Sort", "Join", "Nested Loop", "Aggregate", "Rows Removed", "Limit")
    for line in plan[1:]:
        if any(k in line for k in keep):
            print(f"    {_short(line.rstrip(), 150, keep_indent=True)}")


def _short(text: str, width: int = 170, keep_indent: bool = False) -> str:
    indent = text[: len(text) - len(text.lstrip())] if keep_indent else ""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r'"[a-z_]+"\."([a-z_]+)"', r"\1", text)  # "claims_claim"."status" -> status
    text = indent + text
    return text if len(text) <= width else text[: width - 3] + "..."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=100, help="timed requests per endpoint (default 100)")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--deep-page", type=int, default=20, metavar="N", help="the deep page (default 20)")
    parser.add_argument("--status", help="status filtered on (default: the most common)")
    parser.add_argument("--reuse", action="store_true", help="keep the database if it holds --claims claims")
    parser.add_argument("--explain", action="store_true", help="queries per endpoint, slowest EXPLAIN ANALYZEd")
    args = parser.parse_args()

    seeded = prepare_database(args.claims, args.reuse)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from claims.models import Claim, Finding

    call_command("migrate", verbosity=0)
    logging.getLogger("axes").setLevel(logging.WARNING)  # a line per force_login otherwise
    warnings.filterwarnings("ignore", message="No directory at")  # static files are not served here
    if seeded:
        print(f"reusing {DB_URL.rsplit('/', 1)[1]} ({args.claims:,} claims)")
    else:
        import _api_seed

        t0 = time.perf_counter()
        print(f"seeding {DB_URL.rsplit('/', 1)[1]} with {args.claims:,} claims ...", flush=True)
        counts = _api_seed.seed(args.claims)
        print(
            f"seeded in {time.perf_counter() - t0:.1f} s: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()),
            flush=True,
        )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT status, count(*) FROM {Claim._meta.db_table} GROUP BY 1 ORDER BY 2 DESC")
        by_status = cursor.fetchall()
    print("claims by status: " + ", ".join(f"{s} {n:,}" for s, n in by_status))
    status = args.status or by_status[0][0]
    detail_id = (
        Finding.objects.filter(claim_id__gte=args.claims // 2).order_by("claim_id").values_list("claim_id", flat=True)
    ).first() or Claim.objects.order_by("id").values_list("id", flat=True).first()

    # The benchmark sends a few hundred requests a minute from one client: no throttling.
    rates = getattr(settings, "API_THROTTLE_RATES", None)
    if isinstance(rates, dict):
        for scope in rates:
            rates[scope] = "1000000/min"
    api, base = Api(), Baseline()

    def claims_first():
        first = api.json(CLAIMS)
        return CLAIMS, base.claims("", [], len(results_of(first)))

    def claims_deep():
        path, data = CLAIMS, api.json(CLAIMS)
        for _ in range(args.deep_page - 1):
            url = next_of(data)
            if url is None:
                raise ReadFailed(f"no `next` link after {path}: fewer than {args.deep_page} pages")
            path = path_of(url)
            data = api.json(path)
        rows = results_of(data)
        kind = "cursor" if "cursor=" in path else "page number" if "page=" in path else "unknown"
        print(f"page size {len(rows)}, {kind} pagination; page {args.deep_page}: {_short(path, 90)}")
        first_id = rows[0]["id"]
        where = "WHERE (c.created_at, c.id) <= (%s, %s)"
        return path, base.claims(where, [base.created_at(first_id), first_id], len(rows))

    def claims_filtered(name: str, value: str):
        def prepare():
            path = f"{CLAIMS}?{name}={value}"
            return path, base.claims(f"WHERE c.{name} = %s", [value], len(results_of(api.json(path))))

        return prepare

    def facts_first():
        return FACTS, base.facts(len(results_of(api.json(FACTS))))

    def claim_detail():
        return f"{CLAIMS}{detail_id}/", base.claims("WHERE c.id = %s", [detail_id], 1)

    cases = []  # (name, path, baseline)
    for name, prepare in (
        ("claims first page", claims_first),
        (f"claims page {args.deep_page}", claims_deep),
        (f"claims ?status={status}", claims_filtered("status", status)),
        ("claims ?predicate=stake", claims_filtered("predicate", "stake")),
        ("facts first page", facts_first),
        ("claim detail", claim_detail),
    ):
        try:
            path, baseline = prepare()
            data = api.json(path)
        except ReadFailed as e:
            print(f"!! {name}: skipped, {e}")
            continue
        rows = [data] if name == "claim detail" else results_of(data)
        key = "key" if name.startswith("facts") else "id"
        got = [r.get(key) for r in rows]
        if got != baseline():
            print(f"!! {name}: the baseline's rows differ from the API's ({got[:3]} ...)")
        cases.append((name, path, baseline))

    print(
        f"\n{args.requests} requests each after {args.warmup} warm-up, interleaved (API, then SQL); ms\n"
        f"{'read':<26} {'rows':>4}  {'API p50':>8} {'API p99':>8}  {'SQL p50':>8} {'SQL p99':>8}  {'p50 ratio':>9}"
    )
    ratios = {}
    for name, path, baseline in cases:
        api_t, sql_t = measure(api, path, baseline, args.requests, args.warmup)
        rows = len(baseline())
        a50, a99, s50, s99 = (percentile(t, p) * 1000 for t, p in ((api_t, 50), (api_t, 99), (sql_t, 50), (sql_t, 99)))
        ratios[name] = a50 / s50
        print(
            f"{name:<26} {rows:>4}  {a50:8.2f} {a99:8.2f}  {s50:8.2f} {s99:8.2f}  {ratios[name]:8.1f}x",
            flush=True,
        )

    if args.explain:
        for name, path, _ in cases:
            explain(api, name, path)

    if not ratios:
        raise SystemExit("no read could be measured")
    worst = max(ratios, key=ratios.get)
    print(f"\nworst p50 ratio: {ratios[worst]:.1f}x ({worst})")


if __name__ == "__main__":
    main()
