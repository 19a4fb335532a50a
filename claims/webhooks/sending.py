"""The HTTP side of a delivery: one POST through requests-hardened, summarised as a Response."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

import requests
from requests_hardened import Config, HTTPSession
from requests_hardened.ip_filter import InvalidIPAddress
from requests_hardened.ip_filter_adapter import IPFilterAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from claims.webhooks.security import UnsafeURL, address_allowed, scheme_check

USER_AGENT = "factcheck-webhooks/1"
# Connecting is quick or not at all; the rest of the attempt's time is for the answer.
CONNECT_TIMEOUT = 5.0
# A receiver asking for more than this is retried on the schedule instead.
MAX_RETRY_AFTER = timedelta(hours=24)


@dataclass(frozen=True)
class Response:
    status_code: int | None  # None when no answer came (refused address, timeout, connection error)
    latency_ms: int
    body: str = ""
    error: str = ""
    retry_after: timedelta | None = None


class _GlobalOnlyAdapter(IPFilterAdapter):
    """requests-hardened's adapter, plus our global-only rule on the address it pinned.

    The library resolves the host once, refuses private addresses and connects to
    the address it checked; we judge that same address again with the stricter
    rule of claims.webhooks.security (no second DNS lookup, so no rebinding).
    """

    def build_connection_pool_key_attributes(self, request, verify, cert=None):
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(request, verify, cert)
        ip = ipaddress.ip_address(host_params["host"].strip("[]"))
        if not address_allowed(ip, allow_loopback=self._allow_loopback):
            raise InvalidIPAddress(ip)
        return host_params, pool_kwargs


class _Deadline:
    """A wall-clock limit on a whole attempt.

    Socket timeouts bound each read, not the answer: a receiver trickling a byte
    every few seconds would hold an attempt past its lease, and another worker
    could then send the same delivery at the same time. When the time is up this
    shuts the attempt's sockets down, which ends any read at once.
    """

    def __init__(self, seconds: float) -> None:
        self.sockets: list[socket.socket] = []
        self.expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def _expire(self) -> None:
        self.expired = True
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()

    def pool_classes(self) -> dict[str, type[HTTPConnectionPool]]:
        """urllib3 pool classes whose connections register their socket with this deadline."""
        deadline = self

        class Connection(HTTPConnection):
            def connect(self) -> None:
                super().connect()
                deadline.sockets.append(self.sock)

        class TLSConnection(HTTPSConnection):
            def connect(self) -> None:
                super().connect()
                deadline.sockets.append(self.sock)

        class Pool(HTTPConnectionPool):
            ConnectionCls = Connection

        class TLSPool(HTTPSConnectionPool):
            ConnectionCls = TLSConnection

        return {"http": Pool, "https": TLSPool}


def post(
    *,
    url: str,
    headers: dict[str, str],
    body: bytes,
    timeout: float,
    allow_http: bool,
    allow_loopback: bool,
    ca_bundle: str | None = None,
) -> Response:
    """POST once, never following a redirect; read at most Attempt.RESPONSE_BODY_LIMIT bytes of the answer."""
    from claims.webhooks.models import Attempt

    started = time.monotonic()

    def elapsed() -> int:
        return int((time.monotonic() - started) * 1000)

    try:
        scheme_check(url, allow_http=allow_http)
    except UnsafeURL as exc:
        return Response(None, elapsed(), error=f"refused: {exc}")
    session = HTTPSession(
        Config(
            ip_filter_enable=True,
            ip_filter_allow_loopback_ips=allow_loopback,
            never_redirect=True,
            default_timeout=(min(CONNECT_TIMEOUT, timeout), timeout),
            user_agent_override=USER_AGENT,
        )
    )
    # Proxies from the environment would connect somewhere other than the checked address.
    session.trust_env = False
    deadline = _Deadline(timeout)
    for prefix, https in (("https://", True), ("http://", False)):
        adapter = _GlobalOnlyAdapter(is_https_proto=https, allow_loopback=allow_loopback)
        adapter.poolmanager.pool_classes_by_scheme = deadline.pool_classes()
        session.mount(prefix, adapter)
    try:
        with (
            deadline,
            session,
            session.post(
                url, data=body, headers=headers, stream=True, allow_redirects=False, verify=ca_bundle or True
            ) as answer,
        ):
            raw = answer.raw.read(Attempt.RESPONSE_BODY_LIMIT, decode_content=True) or b""
            if deadline.expired:
                raise requests.Timeout()
            return Response(
                answer.status_code,
                elapsed(),
                body=raw.decode("utf-8", errors="replace"),
                retry_after=_retry_after(answer.headers.get("Retry-After")),
            )
    except InvalidIPAddress as exc:
        return Response(None, elapsed(), error=f"refused: {exc} is not a public address")
    except Exception as exc:
        if deadline.expired or isinstance(exc, requests.Timeout):
            return Response(None, elapsed(), error=f"timeout after {timeout:g} s")
        if isinstance(exc, requests.RequestException):
            return Response(None, elapsed(), error=f"{type(exc).__name__}: {exc}"[:500])
        raise


def _retry_after(value: str | None) -> timedelta | None:
    """Retry-After as seconds or an HTTP date (RFC 9110 10.2.3); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        delay = timedelta(seconds=int(value))
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            return None
        delay = when - datetime.now(when.tzinfo)
    return max(timedelta(0), min(delay, MAX_RETRY_AFTER))
