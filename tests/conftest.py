from __future__ import annotations

import socket
import time
from collections.abc import Callable
from datetime import date

import pytest
from rest_framework.test import APIClient

from claims.models import Article, Claim, Entity
from claims.services.articles import content_hash, outlet_of
from factcheck.agreement import fact_key
from factcheck.similarity import fingerprint


def pytest_collection_modifyitems(items):
    # A test with a real worker on the configured broker is a broker test: CI runs these on Redis and on RabbitMQ.
    for item in items:
        if "celery_worker" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.broker)


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user(username="ana", password="a-long-test-password")


@pytest.fixture
def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def make_article(db) -> Callable[..., Article]:
    counter = iter(range(1, 10_000))

    def make(
        text: str | None = None,
        *,
        source_name: str | None = None,
        url: str = "",
        published: date | None = date(2025, 3, 1),
        language: str = "en",
        state: str = Article.State.DONE,
    ) -> Article:
        n = next(counter)
        # Each article its own outlet and its own words, unless a test says otherwise.
        source_name = source_name or f"Test Wire {n}"
        text = text or f"Report {n}: " + " ".join(f"w{n}x{i}" for i in range(40))
        return Article.objects.create(
            text=text,
            content_hash=content_hash(text),
            source_name=source_name,
            url=url,
            outlet=outlet_of(url, source_name),
            fingerprint=fingerprint(text),
            published=published,
            language=language,
            state=state,
        )

    return make


@pytest.fixture
def make_claim(db, make_article) -> Callable[..., Claim]:
    """A stored claim built directly (no engine), for checks and API tests."""

    def make(
        *,
        article: Article | None = None,
        predicate: str = "stake",
        subject: str = "Orvane",
        object: str | None = "Kelpie Systems",
        value: float | None = 30.0,
        unit: str | None = "%",
        period: str | None = None,
        time: str | None = None,
        role: str | None = None,
        qualifier: str = "exact",
        modality: str = "asserted",
        confidence: float | None = None,
        span: tuple[int, int] = (0, 10),
    ) -> Claim:
        article = article or make_article()
        subj, _ = Entity.objects.get_or_create(name=subject, defaults={"kind": "organisation"})
        obj = Entity.objects.get_or_create(name=object, defaults={"kind": "organisation"})[0] if object else None
        key = fact_key(
            predicate=predicate,
            subject=subj.pk,
            object=obj.pk if obj else None,
            unit=unit,
            period=period,
            role=role,
            time=time,
        )
        return Claim.objects.create(
            article=article,
            predicate=predicate,
            subject=subj,
            object=obj,
            value=value,
            unit=unit,
            period=period,
            time=time,
            role=role,
            qualifier=qualifier,
            modality=modality,
            confidence=confidence,
            text=article.text[: span[1]],
            span_start=span[0],
            span_end=span[1],
            fact_key=key,
        )

    return make


def wait_for(condition: Callable[[], bool], timeout: float = 60.0, interval: float = 0.2) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s")


@pytest.fixture
def celery_worker(transactional_db, settings):
    """A real Celery worker consuming from the Redis broker of the test settings.

    Runs in a thread of the test process with its own database connections, so
    the tests that use it commit their data (transactional_db) for it to see.
    """
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    if app.conf.task_always_eager or not app.conf.broker_url:
        pytest.fail("the services tests need CELERY_BROKER_URL pointing at a real broker (Redis or RabbitMQ)")
    app.control.purge()
    with start_worker(
        app, pool="solo", concurrency=1, perform_ping_check=False, loglevel="WARNING", shutdown_timeout=30
    ) as worker:
        # Consuming before the test publishes: on RabbitMQ the first message could otherwise wait out a
        # test's timeout while the worker was still starting. A ping answered means its loop is running.
        wait_for(lambda: bool(app.control.ping(destination=[worker.hostname], timeout=0.5)), timeout=60)
        yield worker


# --- Services of the test's own: a Redis that can be stopped, worker processes ---


def free_port(start: int = 6390) -> int:
    for port in range(start, start + 100):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port for a test Redis")


class OwnRedis:
    """A redis-server on a port of its own, started and stopped by the test (the shared one stays up)."""

    def __init__(self, port: int, workdir: str) -> None:
        self.port, self.workdir, self.process = port, workdir, None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        import subprocess

        self.process = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError(f"redis-server on port {self.port} did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None


@pytest.fixture
def own_redis(tmp_path):
    redis = OwnRedis(free_port(), str(tmp_path))
    redis.start()
    yield redis
    redis.stop()


@pytest.fixture
def app_on(own_redis, monkeypatch):
    """Point this process's Celery app (what .delay() publishes to) at the test's own Redis."""
    from config.celery import app

    def repoint(url: str) -> None:
        # Celery reads CELERY_BROKER_URL from the environment before its configuration.
        monkeypatch.setenv("CELERY_BROKER_URL", url)
        app.conf.broker_url = url
        # Drop the cached connection and producer pools, or publishing keeps the old broker.
        app._pool = None
        app.amqp._producer_pool = None

    old = app.conf.broker_url
    repoint(own_redis.url)
    yield app
    repoint(old)


@pytest.fixture
def start_worker(transactional_db, tmp_path):
    """Start `celery -A config worker` (optionally with beat) as a process of its own, on the test database."""
    import os
    import signal
    import subprocess
    import sys

    from django.db import connection

    started: list[subprocess.Popen] = []
    db = connection.settings_dict
    database_url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"

    def start(broker_url: str, *, beat: bool = False, **env: str) -> subprocess.Popen:
        command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--loglevel=WARNING"]
        command += ["--without-gossip", "--without-mingle", f"--hostname=test{len(started)}@%h"]
        if beat:
            command += ["--beat", f"--schedule={tmp_path / f'beat{len(started)}'}"]
        process = subprocess.Popen(
            command,
            env={
                **os.environ,
                "DJANGO_ENV": "test",
                "DATABASE_URL": database_url,
                "CELERY_BROKER_URL": broker_url,
                **env,
            },
            stdout=open(tmp_path / f"worker{len(started)}.log", "w"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(5)
