"""Which endpoint URLs may be called: the SSRF rules, shared by registration and sending.

Sending goes through requests-hardened, which resolves the host once, refuses
private addresses and connects to the very address it checked (no DNS
rebinding). This module adds what it does not do: the scheme rule, a check of
every address a name resolves to at registration (the library looks at the
first only), and the stricter "global addresses only" rule applied to the
address the library pinned.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from requests_hardened.ip_filter import EXTRA_BLOCKED_NET_RANGES

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeURL(ValueError):
    """An endpoint URL that must not be called; the message says why, for the API's 400."""


def address_allowed(ip: IPAddress, *, allow_loopback: bool) -> bool:
    """Global unicast addresses only; loopback too when the settings allow it (tests, development)."""
    if isinstance(ip, ipaddress.IPv6Address):
        # ::ffff:10.0.0.1 reaches 10.0.0.1: judge the IPv4 address it carries.
        mapped = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if mapped is not None:
            return address_allowed(mapped, allow_loopback=allow_loopback)
    if ip.is_loopback:
        return allow_loopback
    if ip.is_multicast or ip.is_unspecified or ip.is_link_local or ip.is_private or not ip.is_global:
        return False
    return not any(ip in net for net in EXTRA_BLOCKED_NET_RANGES if net.version == ip.version)


def url_check(url: str, *, allow_http: bool, allow_loopback: bool) -> None:
    """Refuse a URL that is not https (or http when allowed) or whose host resolves to a non-global address.

    Resolves the host: every address it has must be allowed, so that a name with
    one public and one private address is refused.
    """
    parts = _parse(url, allow_http=allow_http)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeURL(f"The host {parts.hostname!r} does not resolve: {exc}.") from None
    for *_, sockaddr in infos:
        ip = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
        if not address_allowed(ip, allow_loopback=allow_loopback):
            raise UnsafeURL(
                f"The host {parts.hostname!r} resolves to {ip}, which is not a public address; "
                "webhooks are only sent to public addresses."
            )


def scheme_check(url: str, *, allow_http: bool) -> None:
    """The part of url_check that needs no DNS: done again before every send."""
    _parse(url, allow_http=allow_http)


def _parse(url: str, *, allow_http: bool):
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise UnsafeURL(f"Not a valid URL: {exc}.") from None
    allowed = ("https", "http") if allow_http else ("https",)
    if parts.scheme not in allowed:
        raise UnsafeURL(f"The URL must start with {' or '.join(s + '://' for s in allowed)}.")
    if not parts.hostname:
        raise UnsafeURL("The URL has no host.")
    if parts.username is not None or parts.password is not None:
        raise UnsafeURL("The URL must not carry a user name or password.")
    if parts.fragment:
        raise UnsafeURL("The URL must not have a #fragment.")
    return parts
