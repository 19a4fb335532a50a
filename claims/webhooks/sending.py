"""The HTTP side of a delivery: one POST through requests-hardened, summarised as a Response."""

from __future__ import annotations

import ipaddress
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

import requests
from requests_hardened import Config, HTTPSession
from requests_hardened.ip_filter import InvalidIPAddress
from requests_hardened.ip_filter_adapter import IPFilterAdapter

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


def post(
    *, url: str, headers: dict[str, str], body: bytes, timeout: float, allow_http: bool, allow_loopback: bool
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
    for prefix, https in (("https://", True), ("http://", False)):
        session.mount(prefix, _GlobalOnlyAdapter(is_https_proto=https, allow_loopback=allow_loopback))
    try:
        with session, session.post(url, data=body, headers=headers, stream=True, allow_redirects=False) as answer:
            raw = answer.raw.read(Attempt.RESPONSE_BODY_LIMIT, decode_content=True) or b""
            return Response(
                answer.status_code,
                elapsed(),
                body=raw.decode("utf-8", errors="replace"),
                retry_after=_retry_after(answer.headers.get("Retry-After")),
            )
    except InvalidIPAddress as exc:
        return Response(None, elapsed(), error=f"refused: {exc} is not a public address")
    except requests.Timeout:
        return Response(None, elapsed(), error=f"timeout after {timeout:g} s")
    except requests.RequestException as exc:
        return Response(None, elapsed(), error=f"{type(exc).__name__}: {exc}"[:500])


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
