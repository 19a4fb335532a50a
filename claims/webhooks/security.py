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
import unicodedata
from urllib.parse import urlsplit

from requests_hardened.ip_filter import EXTRA_BLOCKED_NET_RANGES

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_IPV4_MAPPED = ipaddress.IPv6Network("::ffff:0:0/96")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")
_SIIT = ipaddress.IPv6Network("::ffff:0:0:0/96")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")
_SIXTOFOUR = ipaddress.IPv6Network("2002::/16")
_TEREDO = ipaddress.IPv6Network("2001::/32")


class UnsafeURL(ValueError):
    """An endpoint URL that must not be called; the message says why, for the API's 400."""


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries, or None.

    Each of these forms can end up at the IPv4 address it carries (a dual-stack
    socket, a translator or a tunnel takes it there), so an IPv6 spelling must
    not get past a rule about the IPv4 address.
    """
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    last_32_bits = ipaddress.IPv4Address(int(ip) & 0xFFFF_FFFF)
    # IPv4-mapped ::ffff:0:0/96 (RFC 4291 section 2.5.5.2): a dual-stack socket connects
    # to the IPv4 address itself.
    if ip in _IPV4_MAPPED:
        return last_32_bits
    # IPv4-compatible ::/96 (RFC 4291 section 2.5.5.1, deprecated): old stacks still send it
    # through an automatic tunnel to the IPv4 address. :: and ::1 are the unspecified and
    # loopback addresses, not embeddings, and are judged as themselves.
    if ip in _IPV4_COMPATIBLE:
        return last_32_bits if int(ip) > 1 else None
    # IPv4-translated ::ffff:0:0:0/96 (SIIT, RFC 2765 section 2.1): a stateless translator
    # turns it into the IPv4 address.
    if ip in _SIIT:
        return last_32_bits
    # NAT64 well-known prefix 64:ff9b::/96 (RFC 6052 section 2.1): the gateway forwards to
    # the last 32 bits.
    if ip in _NAT64:
        return last_32_bits
    # Local-use NAT64 prefix 64:ff9b:1::/48 (RFC 8215): the operator picks the prefix length
    # (RFC 6052 section 2.2); /96, with the address in the last 32 bits, is the common one.
    # Other lengths put it elsewhere, but the whole /48 is refused anyway (see address_allowed).
    if ip in _NAT64_LOCAL:
        return last_32_bits
    # 6to4 2002::/16 (RFC 3056 section 2): the tunnel end point is bits 16 to 48.
    if ip in _SIXTOFOUR:
        return ip.sixtofour
    # Teredo 2001::/32 (RFC 4380 section 4): packets go to the client, whose address is
    # the last 32 bits inverted (ipaddress undoes that).
    if ip in _TEREDO:
        return ip.teredo[1]
    return None


def address_allowed(ip: IPAddress, *, allow_loopback: bool) -> bool:
    """Global unicast addresses only; loopback too when the settings allow it (tests, development)."""
    carried = embedded_ipv4(ip)
    if carried is not None:
        if not address_allowed(carried, allow_loopback=allow_loopback):
            return False
        if ip.ipv4_mapped is not None:
            # The IPv4 address itself, as a dual-stack socket spells it: Python calls the
            # whole ::ffff:0:0/96 private, which must not refuse a public address.
            return True
        # A public IPv4 address does not clear the IPv6 one: requests-hardened refuses
        # NAT64, 6to4 and Teredo whatever they carry, and registration must not accept
        # an endpoint that every send would then refuse.
    if ip.is_loopback:
        return allow_loopback
    if ip.is_multicast or ip.is_unspecified or ip.is_link_local or ip.is_private or not ip.is_global:
        return False
    # Python counts the deprecated site-local fec0::/10 as global; it reaches the local site.
    if isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local:
        return False
    return not any(ip in net for net in EXTRA_BLOCKED_NET_RANGES if net.version == ip.version)


def url_check(url: str, *, allow_http: bool, allow_loopback: bool) -> None:
    """Refuse a URL that is not https (or http when allowed) or whose host resolves to a non-global address.

    Resolves the host: every address it has must be allowed, so that a name with
    one public and one private address is refused.
    """
    parts = _parse(url, allow_http=allow_http)
    port = parts.port if parts.port is not None else (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeURL(f"The host {parts.hostname!r} does not resolve: {exc}.") from None
    for *_, sockaddr in infos:
        ip = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
        if not address_allowed(ip, allow_loopback=allow_loopback):
            raise UnsafeURL(
                f"The host {parts.hostname!r} resolves to {ip}{_why(ip, allow_loopback=allow_loopback)}, "
                "which is not a public address; webhooks are only sent to public addresses."
            )


def _why(ip: IPAddress, *, allow_loopback: bool) -> str:
    """What to add to the refusal of an IPv6 address carrying an IPv4 one: "::7f00:1 is not public" alone puzzles."""
    carried = embedded_ipv4(ip)
    if carried is None:
        return ""
    if not address_allowed(carried, allow_loopback=allow_loopback):
        return f" (carrying the IPv4 address {carried})"
    return f" (a translation or tunnel address carrying {carried}: refused whatever IPv4 address it carries)"


def scheme_check(url: str, *, allow_http: bool) -> None:
    """The part of url_check that needs no DNS: done again before every send."""
    _parse(url, allow_http=allow_http)


def _parse(url: str, *, allow_http: bool):
    # Before urlsplit, which silently drops tab, CR and LF (and leading control characters):
    # the URL it judged would not be the one stored and sent, and CR LF could split a request.
    for position, char in enumerate(url):
        if char.isspace() or unicodedata.category(char) == "Cc":
            raise UnsafeURL(
                f"The URL must not contain control characters or whitespace (U+{ord(char):04X} at position {position})."
            )
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise UnsafeURL(f"Not a valid URL: {exc}.") from None
    port = _port_as_written(parts.netloc)
    # Port 0 cannot be connected to, and `parts.port or 443` would quietly read it as 443;
    # urlsplit's own error for a bad port does not say which port.
    if port and not (port.isascii() and port.isdigit() and 1 <= int(port) <= 65535):
        raise UnsafeURL(f"The port {port!r} is not valid: use a port from 1 to 65535.")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port the check above would have missed
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


def _port_as_written(netloc: str) -> str:
    """The port of a netloc as text, found the way urlsplit finds it; "" when there is none."""
    host_and_port = netloc.rpartition("@")[2]
    _, bracket, bracketed = host_and_port.partition("[")
    if bracket:
        return bracketed.partition("]")[2].partition(":")[2]
    return host_and_port.partition(":")[2]
