"""A real HTTP receiver on loopback that checks every request as an independent subscriber would."""

from __future__ import annotations

import ipaddress
import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import django.utils.timezone
import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from claims.webhooks.models import Endpoint
from claims.webhooks.services import endpoint_create


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    # secret -> None when it verified, else the verifier's error; checked on arrival (timestamps are fresh then).
    checks: dict[str, str | None] = field(default_factory=dict)
    at: float = field(default_factory=time.monotonic)

    @property
    def webhook_id(self) -> str:
        return self.headers["webhook-id"]

    @property
    def payload(self) -> dict:
        return json.loads(self.body)

    def verified_by(self, secret: str) -> bool:
        return self.checks.get(secret, "not checked") is None


class Receiver:
    """Answers from a script (default 200), records and verifies every request with `standardwebhooks`."""

    def __init__(self) -> None:
        self.secrets: list[str] = []
        self.received: list[Received] = []
        self.script: deque[tuple[int, dict[str, str], bytes]] = deque()
        # While cleared, requests wait before answering (a receiver that hangs).
        self.gate = threading.Event()
        self.gate.set()
        self.arrived = threading.Event()
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                headers = {k.lower(): v for k, v in self.headers.items()}
                got = Received(headers, body)
                for secret in list(receiver.secrets):
                    try:
                        Webhook(secret).verify(body, headers)
                    except WebhookVerificationError as exc:
                        got.checks[secret] = str(exc)
                    else:
                        got.checks[secret] = None
                with receiver.lock:
                    receiver.received.append(got)
                    status, extra, answer = receiver.script.popleft() if receiver.script else (200, {}, b"ok")
                receiver.arrived.set()
                receiver.gate.wait(60)
                try:
                    self.send_response(status)
                    for name, value in extra.items():
                        self.send_header(name, value)
                    self.send_header("content-length", str(len(answer)))
                    self.end_headers()
                    self.wfile.write(answer)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the sender is gone (a killed worker, a timed-out attempt)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks"

    def respond(self, *answers: tuple[int, dict[str, str], bytes] | int) -> None:
        for answer in answers:
            self.script.append((answer, {}, b"") if isinstance(answer, int) else answer)

    def ids(self) -> list[str]:
        with self.lock:
            return [r.webhook_id for r in self.received]

    def start(self) -> Receiver:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.gate.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    r = Receiver().start()
    yield r
    r.stop()


@pytest.fixture
def dead_url() -> str:
    """A loopback URL where nothing listens: connections are refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/hooks"


@pytest.fixture
def make_endpoint(user, receiver) -> Callable[..., Endpoint]:
    def make(*, owner=None, url: str | None = None, event_types=("claim.status_changed",)) -> Endpoint:
        endpoint, secret = endpoint_create(owner=owner or user, url=url or receiver.url, event_types=list(event_types))
        receiver.secrets.append(secret)
        endpoint.secret = secret  # for the tests only: the service shows it this once
        return endpoint

    return make


class Clock:
    """The scheduling clock (django.utils.timezone.now), moved by the test."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs) -> datetime:
        self.now += timedelta(**kwargs)
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    c = Clock(django.utils.timezone.now())
    monkeypatch.setattr(django.utils.timezone, "now", c)
    return c


@pytest.fixture(autouse=True)
def only_loopback_connections(monkeypatch):
    """Fail any test that would open a connection to an address off this machine.

    The SSRF tests name private and public addresses; they must be refused before
    any packet leaves. This guard turns a regression into a failure, not traffic.
    """
    real_connect = socket.socket.connect
    attempts: list[tuple] = []

    def connect(self, address):
        attempts.append(address)
        host = address[0] if isinstance(address, tuple) else None
        if host is not None and not ipaddress.ip_address(host.split("%")[0]).is_loopback:
            raise AssertionError(f"a test tried to connect to {address}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return attempts


# --- For the services tests: a Redis of their own, and workers in separate processes ---------
