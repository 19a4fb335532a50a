"""How the cost of checking a new claim grows with the number of stored claims.

Fills a PostgreSQL database (BENCH_DATABASE_URL, default the local server's
`factcheck_bench`, recreated) with 10k claims, then with 1M, by COPY; facts grow
by preferential attachment (a new claim joins an existing fact with the odds of
that fact's size), so a few facts are hot and most have one or two claims, as in
news. At each size it stores new claims the same way and times `claims_check`
on each, one at a time, as the worker does.

    .venv/bin/python bench/checks.py [--small 10000] [--large 1000000] [--samples 300]

The last line is the ratio of the median check time at the large size to the
median at the small one.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_ENV", "test")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
DB_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/factcheck_bench")
os.environ["DATABASE_URL"] = DB_URL
os.environ["CELERY_BROKER_URL"] = ""  # no dispatch: the benchmark calls the check itself

PREDICATES = [
    ("stake", "%"),
    ("revenue", "EUR"),
    ("employees", "count"),
    ("payment", "USD"),
    ("valuation", "USD"),
    ("profit", "EUR"),
    ("users", "count"),
]
N_ENTITIES = 50_000
CLAIMS_PER_ARTICLE = 5
NEW_FACT_ODDS = 0.55


def recreate_database() -> None:
    import psycopg

    name = DB_URL.rsplit("/", 1)[1]
    admin_url = DB_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


class Filler:
    """Writes entities, articles, facts and claims with COPY, keeping the facts' shape."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.facts: list[tuple] = []  # (key, predicate, subject, object, unit, time, spans used)
        self.index: dict[str, int] = {}
        self.claim_facts: list[int] = []  # fact index of every stored claim (preferential attachment)
        self.article_id = 0
        self.claim_count = 0

    def pick_fact(self) -> int:
        from factcheck.agreement import fact_key

        if self.claim_facts and self.rng.random() > NEW_FACT_ODDS:
            return self.rng.choice(self.claim_facts)
        predicate, unit = self.rng.choice(PREDICATES)
        subject = self.rng.randrange(1, N_ENTITIES + 1)
        obj = self.rng.randrange(1, N_ENTITIES + 1) if predicate in ("stake", "payment") else None
        year = str(self.rng.randrange(2015, 2026)) if predicate in ("revenue", "profit") else None
        key = fact_key(predicate=predicate, subject=subject, object=obj, unit=unit, time=year)
        if key in self.index:
            return self.index[key]
        self.index[key] = len(self.facts)
        self.facts.append((key, predicate, subject, obj, unit, year, set()))
        return len(self.facts) - 1

    def fill(self, cursor, n_claims: int) -> None:
        from django.utils import timezone

        now = timezone.now().isoformat()
        articles, claims, facts_new = io.StringIO(), io.StringIO(), []
        first_fact = len(self.facts)
        for _ in range(n_claims):
            if self.claim_count % CLAIMS_PER_ARTICLE == 0:
                self.article_id += 1
                a = self.article_id
                r = self.rng.randrange
                day = f"20{r(20, 26)}-{r(1, 13):02d}-{r(1, 29):02d}"
                articles.write(
                    f"{a}\tbench article {a}\t{a:064x}\ten\tOutlet {a % 900}\t\t{day}\t"
                    f"outlet-{a % 900}\t{self.rng.getrandbits(63)}\tdone\t\t{now}\t{now}\n"
                )
            f = self.pick_fact()
            key, predicate, subject, obj, unit, year, spans = self.facts[f]
            start = len(spans)
            spans.add(start)
            value = round(self.rng.uniform(1, 99), 1) if unit == "%" else self.rng.randrange(1, 10**9)
            claims.write(
                "\t".join(
                    map(
                        _copy,
                        (
                            self.article_id,
                            predicate,
                            subject,
                            obj,
                            value,
                            unit,
                            None,
                            year,
                            None,
                            "exact",
                            "asserted",
                            "bench sentence",
                            start,
                            start + 10,
                            key,
                            "unconfirmed",
                            1,
                            "f",
                            now,
                            now,
                        ),
                    )
                )
                + "\n"
            )
            self.claim_facts.append(f)
            self.claim_count += 1
        for key, predicate, subject, obj, unit, year, _ in self.facts[first_fact:]:
            facts_new.append(
                "\t".join(
                    map(
                        _copy,
                        (key, predicate, subject, obj, unit, None, None, year, None, "", 0, 0, "[]", 0, now),
                    )
                )
            )
        _copy_in(
            cursor,
            "claims_article",
            "id, text, content_hash, language, source_name, url, published, "
            "outlet, fingerprint, state, error, created_at, updated_at",
            articles.getvalue(),
        )
        _copy_in(
            cursor,
            "claims_fact",
            "key, predicate, subject_id, object_id, unit, period, role, time, "
            "consensus_value, basis, sources_agreeing, sources_disagreeing, languages, claim_count, "
            "updated_at",
            "\n".join(facts_new) + "\n" if facts_new else "",
        )
        _copy_in(
            cursor,
            "claims_claim",
            "article_id, predicate, subject_id, object_id, value, unit, period, "
            "time, role, qualifier, modality, text, span_start, span_end, fact_key, status, status_version, "
            "needs_review, created_at, updated_at",
            claims.getvalue(),
        )
        cursor.execute("SELECT setval('claims_article_id_seq', %s)", [self.article_id])
        cursor.execute("ANALYZE")


def _copy(value) -> str:
    return r"\N" if value is None else str(value)


def _copy_in(cursor, table: str, columns: str, data: str) -> None:
    if not data.strip():
        return
    with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        copy.write(data)


def time_checks(filler: Filler, samples: int) -> tuple[float, int]:
    """Median seconds to check one new claim, and the queries it took (the same for each)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from claims.models import Article, Claim
    from claims.services.checks import claims_check

    timings, queries = [], set()
    for _ in range(samples):
        f = filler.pick_fact()
        key, predicate, subject, obj, unit, year, spans = filler.facts[f]
        filler.article_id += 1
        article = Article.objects.create(
            id=filler.article_id,
            text=f"new article {filler.article_id}",
            content_hash=f"{filler.article_id:064x}",
            source_name=f"New outlet {filler.article_id}",
            outlet=f"new-{filler.article_id}",
            fingerprint=filler.rng.getrandbits(63),
            published="2025-06-01",
            language="de",
            state="done",
        )
        start = len(spans)
        spans.add(start)
        claim = Claim.objects.create(
            article=article,
            predicate=predicate,
            subject_id=subject,
            object_id=obj,
            unit=unit,
            time=year,
            value=round(filler.rng.uniform(1, 99), 1) if unit == "%" else filler.rng.randrange(1, 10**9),
            text="new sentence",
            span_start=start,
            span_end=start + 10,
            fact_key=key,
        )
        filler.claim_facts.append(f)
        with CaptureQueriesContext(connection) as ctx:
            t0 = time.perf_counter()
            claims_check(claim_ids=[claim.pk])
            timings.append(time.perf_counter() - t0)
        queries.add(len(ctx))
    return statistics.median(timings), max(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args()

    recreate_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO claims_entity (id, name, kind, created_at) SELECT g, 'Entity ' || g, "
            "'organisation', now() FROM generate_series(1, %s) g",
            [N_ENTITIES],
        )
    filler = Filler()
    results = {}
    for target in (args.small, args.large):
        t0 = time.perf_counter()
        with connection.cursor() as cursor:
            filler.fill(cursor, target - filler.claim_count)
        sizes = [len(s[6]) for s in filler.facts]
        print(
            f"{filler.claim_count:>9,} claims in {len(filler.facts):,} facts "
            f"(largest {max(sizes):,} claims), filled in {time.perf_counter() - t0:.1f} s",
            flush=True,
        )
        median, queries = time_checks(filler, args.samples)
        results[target] = median
        print(
            f"{filler.claim_count:>9,} claims: median check of a new claim {median * 1000:.2f} ms, {queries} queries",
            flush=True,
        )
    ratio = results[args.large] / results[args.small]
    print(f"ratio of median check time, {args.large:,} / {args.small:,} claims: {ratio:.2f}")


if __name__ == "__main__":
    main()
