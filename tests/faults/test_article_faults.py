"""The article path under faults: workers killed and stopped, the broker down or flushed, garbage in.

Each test runs real worker processes against its own Redis (started and stopped by the test, on a
port of its own) and the test database on the machine's PostgreSQL, and states what holds afterwards.
"""

from __future__ import annotations

import json
import os
import signal
import time
from collections import Counter

import pytest
import redis
from django.db.models import Count

from claims.models import Article, Claim
from claims.services.articles import article_submit
from claims.webhooks.models import Event
from tests.conftest import wait_for

pytestmark = [pytest.mark.services, pytest.mark.faults, pytest.mark.django_db(transaction=True)]

# Sweep every second, with a short lease and short graces, so a lost message is found within seconds.
FAST_SWEEPS = {
    "FACTCHECK_SWEEP_SECONDS": "1",
    "FACTCHECK_ARTICLE_LEASE_SECONDS": "6",
    "FACTCHECK_QUEUED_GRACE_SECONDS": "3",
    "FACTCHECK_PENDING_GRACE_SECONDS": "3",
}


def long_article(n: int = 1300) -> str:
    """An article of about 150 kB whose extraction and storage take a worker several seconds."""
    return "\n".join(
        f"Orvane Labs said its revenue rose to €{i} million in {2000 + i % 20}, "
        f"while Kestrel Systems employed {i * 10} people in Lyon."
        for i in range(1, n)
    )


def short_article(i: int) -> str:
    companies = ("Halvex", "Orvane Labs", "Brisqué SA", "Kandra Holding", "Velt GmbH")
    return (
        f"{companies[i % 5]} reported revenue of {100 + i} million euros in 2024.\n"
        f"It employed {1000 + i} people at the end of the year, the company said in Lyon (item {i})."
    )


def claim_duplicates(article_id: int) -> int:
    """Claims stored twice for one article: the same sentence, predicate, names, value and time."""
    rows = Claim.objects.filter(article_id=article_id).values_list(
        "span_start", "predicate", "subject_id", "object_id", "value", "time", "role", "unit", "period"
    )
    return sum(n - 1 for n in Counter(rows).values() if n > 1)


def processed_events(article_id: int) -> int:
    return Event.objects.filter(type="article.processed", data__article_id=article_id).count()


def wait_state(article_id: int, state: str, timeout: float = 60) -> None:
    wait_for(lambda: Article.objects.get(pk=article_id).state == state, timeout=timeout, interval=0.05)


def test_a_worker_killed_mid_article_is_taken_over_within_a_minute_and_the_article_stored_once(
    app_on, own_redis, start_worker, capsys
):
    # given a worker extracting a long article
    first = start_worker(own_redis.url, **FAST_SWEEPS)
    article, _ = article_submit(text=long_article(), source_name="Wire")
    wait_state(article.pk, "processing")

    # when it is killed (SIGKILL: no chance to clean up) and another worker with beat is running
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(10)
    killed = time.monotonic()
    assert Article.objects.get(pk=article.pk).state == "processing"
    start_worker(own_redis.url, beat=True, **FAST_SWEEPS)

    # then the other worker takes the article over once the lease runs out, well within a minute
    wait_state(article.pk, "done", timeout=60)
    taken_over = time.monotonic() - killed
    # and the article was stored exactly once: no claim twice, one event
    assert Claim.objects.filter(article=article).count() > 2000
    assert claim_duplicates(article.pk) == 0
    assert processed_events(article.pk) == 1
    with capsys.disabled():
        print(f"\n  SIGKILL mid-article: done {taken_over:.1f} s after the kill (lease 6 s)")


def test_a_worker_stopped_mid_article_by_a_deploy_finishes_it_first(app_on, own_redis, start_worker):
    # given a worker extracting a long article
    worker = start_worker(own_redis.url)
    article, _ = article_submit(text=long_article(), source_name="Wire")
    wait_state(article.pk, "processing")

    # when it is told to stop (SIGTERM, as a deploy does)
    os.killpg(worker.pid, signal.SIGTERM)

    # then it finishes the article before it exits: nothing lost, nothing handed to anyone else
    assert worker.wait(120) == 0
    assert Article.objects.get(pk=article.pk).state == "done"
    assert claim_duplicates(article.pk) == 0
    assert processed_events(article.pk) == 1


def test_redis_down_while_200_articles_are_submitted(app_on, own_redis, start_worker, api, settings, capsys):
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "submit": "10000/min", "client": "10000/min"}
    # given the broker is down
    own_redis.stop()

    # when 200 articles are submitted through the API
    timings, ids = [], []
    for i in range(200):
        started = time.monotonic()
        response = api.post("/api/v1/articles/", {"text": short_article(i), "source_name": "Wire"}, format="json")
        timings.append(time.monotonic() - started)
        assert response.status_code == 202, response.content
        ids.append(response.json()["id"])

    # then every submission was answered, without hanging, and every article is recorded as queued
    assert max(timings) < 5.0
    assert Article.objects.filter(pk__in=ids, state="queued").count() == 200

    # when the broker is back and a worker with beat runs
    back = time.monotonic()
    own_redis.start()
    start_worker(own_redis.url, beat=True, **FAST_SWEEPS)

    # then every article is processed, once, and every claim checked
    wait_for(lambda: Article.objects.filter(pk__in=ids, state="done").count() == 200, timeout=180)
    done = time.monotonic() - back
    wait_for(lambda: not Claim.objects.filter(article_id__in=ids, status="pending").exists(), timeout=120)
    assert Claim.objects.filter(article_id__in=ids).values("article_id").distinct().count() == 200
    assert sum(claim_duplicates(i) for i in ids) == 0
    with capsys.disabled():
        print(
            f"\n  Redis down: 200 submissions answered in at most {max(timings) * 1000:.0f} ms; "
            f"all done {done:.1f} s after Redis came back"
        )


def test_a_flushed_queue_loses_nothing(app_on, own_redis, start_worker):
    # given 40 articles waiting in the queue and no worker running
    ids = [article_submit(text=short_article(i), source_name="Wire")[0].pk for i in range(40)]
    broker = redis.Redis.from_url(own_redis.url)
    assert broker.llen("extract") == 40

    # when the queue is flushed
    broker.flushall()

    # then a worker with beat finds the articles left queued and processes every one, once
    start_worker(own_redis.url, beat=True, **FAST_SWEEPS)
    wait_for(lambda: Article.objects.filter(pk__in=ids, state="done").count() == 40, timeout=120)
    assert sum(claim_duplicates(i) for i in ids) == 0
    assert all(processed_events(i) == 1 for i in ids)


def test_checks_flushed_from_their_queue_are_sent_again(app_on, own_redis, start_worker):
    # given articles extracted whose checks wait in their queue, which is then flushed
    ids = [article_submit(text=short_article(i), source_name="Wire")[0].pk for i in range(10)]
    # Extract in this process, so the checks are queued on the broker with nobody to take them.
    from claims.services.articles import article_process

    for i in ids:
        article_process(article_id=i)
    broker = redis.Redis.from_url(own_redis.url)
    assert broker.llen("checks") >= 1
    pending = Claim.objects.filter(article_id__in=ids, status="pending").count()
    assert pending > 0
    broker.flushall()

    # when a worker with beat runs
    start_worker(own_redis.url, beat=True, **FAST_SWEEPS)

    # then every claim is checked
    wait_for(lambda: not Claim.objects.filter(article_id__in=ids, status="pending").exists(), timeout=120)


def test_garbage_in_gets_a_clear_answer_and_never_kills_the_worker(app_on, own_redis, start_worker, api, settings):
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "submit": "10000/min", "client": "10000/min"}
    worker = start_worker(own_redis.url)
    every_plane = "".join(chr(plane * 0x10000 + 0x41) for plane in range(17))
    texts = {
        "every Unicode plane": f"Text with a letter of every plane: {every_plane}.",
        "right-to-left": "\u202eHalvex reported revenue of 12 million euros in 2024.\u202c שלום עולם مرحبا",
        "zero-width": "Hal\u200bvex\u200d reported revenue of 12\u200c million euros in 2024.\ufeff",
        "html and script": "<script>alert(1)</script><img src=x onerror=alert(2)> Halvex reported revenue of "
        "12 million euros in 2024.</p>",
        "one word, 200 kB": "revenue " * 24_000,
        "only symbols": "%%%% $$$ €€€ 12 12 12 ... --- ###",
        "control characters": "Halvex\x07 reported\x1b[31m revenue of 12 million euros in 2024.\x08",
    }
    accepted = {}
    for name, text in texts.items():
        response = api.post("/api/v1/articles/", {"text": text, "source_name": "Wire"}, format="json")
        assert response.status_code in (202, 400), (name, response.status_code, response.content)
        assert response["Content-Type"].split(";")[0] in ("application/json", "application/problem+json")
        if response.status_code == 202:
            accepted[name] = response.json()["id"]
        else:
            assert response.json()["errors"] or response.json()["detail"], name
    refused = {
        "NUL character": "Halvex reported revenue\x00 of 12 million euros.",
        "lone surrogate": "Halvex reported revenue \ud800 of 12 million euros.",
        "over the size limit": "revenue " * 26_000,
    }
    for name, text in refused.items():
        # Sent as the escaped JSON a client would write: a lone surrogate cannot be encoded as UTF-8.
        body = json.dumps({"text": text, "source_name": "Wire"})
        response = api.generic("POST", "/api/v1/articles/", body, content_type="application/json")
        assert response.status_code == 400, (name, response.status_code, response.content)
        assert "text" in response.content.decode(), name
    random_bytes = os.urandom(4096)
    response = api.generic("POST", "/api/v1/articles/", random_bytes, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")

    # then every accepted article ends done or failed with a reason, and the worker is still there
    wait_for(
        lambda: not Article.objects.filter(pk__in=accepted.values(), state__in=("queued", "processing")).exists(),
        timeout=120,
    )
    for article in Article.objects.filter(pk__in=accepted.values()):
        assert article.state in ("done", "failed")
        assert article.state == "done" or article.error
    assert worker.poll() is None
    # and it still works
    ok, _ = article_submit(text=short_article(1), source_name="Wire")
    wait_state(ok.pk, "done")
    assert Article.objects.filter(pk__in=accepted.values()).annotate(n=Count("claims")).count() == len(accepted)


def test_garbage_through_the_import_command_is_refused_line_by_line(app_on, own_redis, start_worker, tmp_path, capsys):
    from django.core.management import CommandError, call_command

    worker = start_worker(own_redis.url)
    every_plane = "".join(chr(plane * 0x10000 + 0x41) for plane in range(17))
    lines = [
        b"\xff" + bytes(b for b in os.urandom(600) if b != 0x0A)[:300],  # random bytes, one line
        json.dumps({"text": f"Every plane: {every_plane}", "source_name": "Wire"}).encode(),
        json.dumps(
            {"text": "\u202eHalvex earned 12 million euros in 2024.\u202c שלום", "source_name": "Wire"}
        ).encode(),
        json.dumps(
            {"text": "Hal\u200bvex\u200d earned 12\u200c million euros in 2024.", "source_name": "Wire"}
        ).encode(),
        json.dumps(
            {"text": "<script>alert(1)</script> Halvex earned 12 million euros.", "source_name": "Wire"}
        ).encode(),
        json.dumps({"text": "revenue " * 24_000, "source_name": "Wire"}).encode(),  # 192 kB of one word
        json.dumps({"text": "revenue " * 26_000, "source_name": "Wire"}).encode(),  # over the size limit
        json.dumps({"text": "NUL \x00 inside", "source_name": "Wire"}).encode(),
        json.dumps({"text": "a lone \ud800 surrogate", "source_name": "Wire"}).encode(),
        b"\x00\x01\x02{[",
    ]
    path = tmp_path / "garbage.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")

    # each bad line is named with its reason; the good ones are stored
    with pytest.raises(CommandError):
        call_command("import_articles", str(path))
    out = capsys.readouterr().out
    for line in (1, 7, 8, 9, 10):
        assert f"line {line}:" in out, out
    assert "5 imported" in out, out

    # and the worker takes every stored one to done or failed-with-a-reason, and lives on
    wait_for(lambda: not Article.objects.filter(state__in=("queued", "processing")).exists(), timeout=120)
    assert all(a.state == "done" or a.error for a in Article.objects.all())
    assert worker.poll() is None
