"""SSRF: which URLs webhooks may be sent to, at registration and at every send.

No test here sends a packet off this machine: refused addresses are refused
before connecting, and the autouse guard in conftest fails any test that tries.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
import subprocess
import sys

import pytest

from claims.webhooks.models import Attempt, Delivery, Endpoint, EndpointSecret
from claims.webhooks.security import UnsafeURL, embedded_ipv4
from claims.webhooks.services import delivery_attempt, endpoint_create, endpoint_update, events_publish
from claims.webhooks.signing import secret_generate
from claims.webhooks.vault import seal

pytestmark = pytest.mark.django_db

REFUSED = [
    # loopback, in its many spellings (allowed only by the test settings; refused here with it off)
    "https://127.0.0.1/hook",
    "https://127.1/hook",
    "https://0x7f000001/hook",
    "https://2130706433/hook",
    "https://0177.0.0.1/hook",
    "https://localhost/hook",
    "https://[::1]/hook",
    "https://[::ffff:127.0.0.1]/hook",
    # RFC 1918
    "https://10.0.0.1/hook",
    "https://172.16.5.4/hook",
    "https://192.168.1.1/hook",
    "https://[::ffff:10.0.0.1]/hook",
    "https://[::ffff:c0a8:101]/hook",
    # link-local and the cloud metadata service
    "https://169.254.169.254/latest/meta-data/",
    "https://169.254.1.1/hook",
    "https://[fe80::1]/hook",
    # carrier-grade NAT
    "https://100.64.0.1/hook",
    "https://100.127.255.254/hook",
    # unique local IPv6
    "https://[fc00::1]/hook",
    "https://[fd12:3456::1]/hook",
    # unspecified, multicast, 6to4 wrapping a private address
    "https://0.0.0.0/hook",
    "https://[::]/hook",
    "https://224.0.0.1/hook",
    "https://[2002:a00:1::]/hook",
    # deprecated site-local IPv6, which Python counts as global
    "https://[fec0::1]/hook",
]

# IPv6 addresses carrying a non-public IPv4 address, with the address each is judged by.
EMBEDDED = [
    ("https://[::7f00:1]/hook", "127.0.0.1"),  # IPv4-compatible ::/96
    ("https://[::127.0.0.1]/hook", "127.0.0.1"),  # the same, spelled with the IPv4 address
    ("https://[::a00:1]/hook", "10.0.0.1"),
    ("https://[::ffff:0:7f00:1]/hook", "127.0.0.1"),  # SIIT ::ffff:0:0:0/96
    ("https://[::ffff:0:a9fe:a9fe]/hook", "169.254.169.254"),
    ("https://[64:ff9b::7f00:1]/hook", "127.0.0.1"),  # NAT64 64:ff9b::/96
    ("https://[64:ff9b::169.254.169.254]/hook", "169.254.169.254"),
    ("https://[64:ff9b:1::a00:1]/hook", "10.0.0.1"),  # local-use NAT64 64:ff9b:1::/48
    ("https://[2002:7f00:1::]/hook", "127.0.0.1"),  # 6to4 2002::/16
    ("https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook", "127.0.0.1"),  # Teredo 2001::/32, the client
    ("https://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/hook", "10.0.0.1"),
]


@pytest.fixture
def production_rules(settings):
    settings.WEBHOOKS_ALLOW_HTTP = False
    settings.WEBHOOKS_ALLOW_LOOPBACK = False


@pytest.fixture
def fake_dns(monkeypatch):
    """Answers for made-up host names, one list of addresses per lookup; every other name as usual."""
    real = socket.getaddrinfo
    answers: dict[str, list[list[str]]] = {}
    lookups: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host in answers:
            lookups.append(host)
            queue = answers[host]
            addresses = queue.pop(0) if len(queue) > 1 else queue[0]
            return [
                (socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port or 443))
                for a in addresses
            ]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    fake_dns.answers, fake_dns.lookups = answers, lookups
    return fake_dns


def _stored_endpoint(user, url: str) -> Endpoint:
    """An endpoint written straight to the database, as if its URL had passed registration earlier."""
    endpoint = Endpoint.objects.create(owner=user, url=url, event_types=["claim.created"])
    EndpointSecret.objects.create(endpoint=endpoint, secret=seal(secret_generate()))
    return endpoint


def _send_one(endpoint: Endpoint) -> Attempt:
    events_publish(events=[("claim.created", {"claim_id": 1})])
    delivery = Delivery.objects.get(endpoint=endpoint)
    delivery_attempt(delivery_id=delivery.pk)
    return delivery.attempts.get()


@pytest.mark.parametrize("url", REFUSED)
def test_non_global_addresses_are_refused_at_registration(user, production_rules, url):
    with pytest.raises(UnsafeURL, match="not a public address"):
        endpoint_create(owner=user, url=url, event_types=["claim.created"])
    assert not Endpoint.objects.exists()


@pytest.mark.parametrize(("url", "carried"), EMBEDDED)
def test_ipv6_addresses_are_judged_by_the_ipv4_address_they_carry(user, production_rules, url, carried):
    with pytest.raises(UnsafeURL, match=rf"carrying the IPv4 address {re.escape(carried)}\), which is not a public"):
        endpoint_create(owner=user, url=url, event_types=["claim.created"])
    assert not Endpoint.objects.exists()


@pytest.mark.parametrize(
    ("address", "carried"),
    [
        ("::ffff:10.0.0.1", "10.0.0.1"),  # IPv4-mapped
        ("::a00:1", "10.0.0.1"),  # IPv4-compatible
        ("::2", "0.0.0.2"),
        ("::", None),  # unspecified, not an embedding
        ("::1", None),  # loopback, not an embedding
        ("::ffff:0:a00:1", "10.0.0.1"),  # SIIT
        ("64:ff9b::808:808", "8.8.8.8"),  # NAT64
        ("64:ff9b:1::808:808", "8.8.8.8"),  # local-use NAT64, by its last 32 bits
        ("2002:808:808::1", "8.8.8.8"),  # 6to4
        ("2001:0:4136:e378:8000:63bf:f7f7:f7f7", "8.8.8.8"),  # Teredo: the client, not the server 65.54.227.120
        ("2001:db8::a00:1", None),
        ("2606:4700::6810:84e5", None),
        ("10.0.0.1", None),
    ],
)
def test_embedded_ipv4(address, carried):
    got = embedded_ipv4(ipaddress.ip_address(address))
    assert got == (ipaddress.IPv4Address(carried) if carried else None)


@pytest.mark.parametrize(
    "url",
    [
        "https://[::ffff:8.8.8.8]/hook",  # IPv4-mapped: the IPv4 address itself
        "https://[::808:808]/hook",  # IPv4-compatible
        "https://[::ffff:0:808:808]/hook",  # SIIT
    ],
)
def test_ipv6_addresses_carrying_a_public_ipv4_address_are_allowed(user, production_rules, url):
    # IP literals: registration resolves nothing off this machine
    endpoint, _ = endpoint_create(owner=user, url=url, event_types=["claim.created"])
    assert endpoint.url == url


@pytest.mark.parametrize(
    "url",
    [
        "https://[64:ff9b::808:808]/hook",  # NAT64
        "https://[64:ff9b:1::808:808]/hook",  # local-use NAT64
        "https://[2002:808:808::]/hook",  # 6to4
        "https://[2001:0:4136:e378:8000:63bf:f7f7:f7f7]/hook",  # Teredo
    ],
)
def test_translation_and_tunnel_addresses_are_refused_even_carrying_a_public_address(user, production_rules, url):
    """requests-hardened refuses these prefixes at send whatever they carry: registration must agree."""
    with pytest.raises(UnsafeURL, match=r"carrying 8\.8\.8\.8: refused whatever IPv4 address it carries"):
        endpoint_create(owner=user, url=url, event_types=["claim.created"])


@pytest.mark.parametrize("url", REFUSED + [url for url, _ in EMBEDDED])
def test_non_global_addresses_are_refused_at_send(user, production_rules, url, only_loopback_connections):
    endpoint = _stored_endpoint(user, url)

    attempt = _send_one(endpoint)

    assert attempt.status_code is None
    assert attempt.error.startswith("refused:") and "not a public address" in attempt.error
    assert only_loopback_connections == []


@pytest.mark.parametrize(
    "url",
    [
        "https://10.0.0.1/hook",
        "https://169.254.169.254/",
        "https://[fd00::1]/",
        "https://[fec0::1]/",
        "https://[::a00:1]/",
        "https://[::ffff:0:a9fe:a9fe]/",
        "https://[64:ff9b::a00:1]/",
    ],
)
def test_private_addresses_stay_refused_when_the_test_settings_allow_loopback(user, settings, url):
    assert settings.WEBHOOKS_ALLOW_LOOPBACK is True
    with pytest.raises(UnsafeURL):
        endpoint_create(owner=user, url=url, event_types=["claim.created"])
    attempt = _send_one(_stored_endpoint(user, url))
    assert attempt.error.startswith("refused:")


def test_a_name_with_any_private_address_is_refused(user, production_rules, fake_dns):
    fake_dns.answers["hooks.example.com"] = [["93.184.215.14", "10.1.2.3"]]
    with pytest.raises(UnsafeURL, match=r"resolves to 10\.1\.2\.3"):
        endpoint_create(owner=user, url="https://hooks.example.com/in", event_types=["claim.created"])


def test_a_name_that_does_not_resolve_is_refused(user, production_rules):
    with pytest.raises(UnsafeURL, match="does not resolve"):
        endpoint_create(owner=user, url="https://nothing-here.invalid/in", event_types=["claim.created"])


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://hooks.example.com/in", "must start with https://"),
        ("ftp://hooks.example.com/in", "must start with https://"),
        ("https://user:pw@hooks.example.com/in", "user name or password"),
        ("https:///in", "no host"),
        ("https://hooks.example.com:0/in", r"The port '0' is not valid: use a port from 1 to 65535"),
        ("https://hooks.example.com:65536/in", r"The port '65536' is not valid"),
        ("https://hooks.example.com:99999/in", r"The port '99999' is not valid"),
        ("https://hooks.example.com:-1/in", r"The port '-1' is not valid"),
        ("https://[2606:4700::1]:0/in", r"The port '0' is not valid"),
        ("https://hooks.example.com/\r\nX: y", r"control characters or whitespace \(U\+000D at position 26\)"),
        ("https://hooks.example.com/in\nX: y", r"control characters or whitespace \(U\+000A"),
        ("https://hooks.example.com/\tin", r"control characters or whitespace \(U\+0009"),
        ("https://hooks.example.com/in\x00", r"control characters or whitespace \(U\+0000"),
        ("https://hooks.example.com/in\x7f", r"control characters or whitespace \(U\+007F"),
        ("https://hooks.example.com/in\x85", r"control characters or whitespace \(U\+0085"),
        (" https://hooks.example.com/in", r"control characters or whitespace \(U\+0020 at position 0\)"),
        ("https://hooks.example.com/a b", r"control characters or whitespace \(U\+0020"),
        ("https://hooks.exa\tmple.com/in", r"control characters or whitespace \(U\+0009"),
        ("https://hooks.example.com/in\u2028", r"control characters or whitespace \(U\+2028"),
    ],
)
def test_malformed_or_plain_http_urls_are_refused(user, production_rules, url, message):
    with pytest.raises(UnsafeURL, match=message):
        endpoint_create(owner=user, url=url, event_types=["claim.created"])


@pytest.mark.parametrize("url", ["https://hooks.example.com/\r\nX: y", "https://hooks.example.com:0/in"])
def test_control_characters_and_port_0_are_refused_at_send(user, production_rules, url, only_loopback_connections):
    attempt = _send_one(_stored_endpoint(user, url))

    assert attempt.error.startswith("refused: The ")
    assert only_loopback_connections == []


def test_dns_rebinding_to_a_private_address_after_registration_is_refused_at_send(
    user, production_rules, fake_dns, only_loopback_connections
):
    # given a name that was public at registration
    fake_dns.answers["hooks.example.com"] = [["93.184.215.14"], ["127.0.0.1"]]
    endpoint, _ = endpoint_create(owner=user, url="https://hooks.example.com/in", event_types=["claim.created"])

    # when it now resolves to loopback
    attempt = _send_one(endpoint)

    # then the send is refused before connecting
    assert attempt.error == "refused: 127.0.0.1 is not a public address"
    assert only_loopback_connections == []


def test_the_connection_goes_to_the_address_that_was_checked(user, receiver, fake_dns, only_loopback_connections):
    """A second lookup answering another address (rebinding) is never made: the checked address is pinned."""
    port = receiver.server.server_address[1]
    # the first lookup answers the receiver's address; any later one an address where nothing listens
    fake_dns.answers["hooks.example.com"] = [["127.0.0.1"], ["127.0.0.2"]]
    endpoint = _stored_endpoint(user, f"http://hooks.example.com:{port}/in")

    attempt = _send_one(endpoint)

    assert attempt.status_code == 200, attempt.error
    assert fake_dns.lookups == ["hooks.example.com"]
    assert only_loopback_connections == [("127.0.0.1", port)]
    [got] = receiver.received
    assert got.headers["host"] == f"hooks.example.com:{port}"


def test_loopback_and_http_are_refused_when_the_settings_do_not_allow_them(
    user, receiver, production_rules, only_loopback_connections
):
    with pytest.raises(UnsafeURL, match="must start with https://"):
        endpoint_create(owner=user, url=receiver.url, event_types=["claim.created"])
    with pytest.raises(UnsafeURL, match="not a public address"):
        endpoint_create(owner=user, url=receiver.url.replace("http:", "https:"), event_types=["claim.created"])

    plain = _send_one(_stored_endpoint(user, receiver.url))
    assert plain.error.startswith("refused: The URL must start with https://")
    Delivery.objects.all().delete()
    tls = _send_one(_stored_endpoint(user, receiver.url.replace("http:", "https:")))
    assert tls.error == "refused: 127.0.0.1 is not a public address"
    assert receiver.received == [] and only_loopback_connections == []


def test_changing_the_url_is_checked_too(user, receiver, production_rules):
    endpoint = _stored_endpoint(user, "https://hooks.example.org/in")
    with pytest.raises(UnsafeURL):
        endpoint_update(endpoint=endpoint, url="https://169.254.169.254/latest")
    endpoint.refresh_from_db()
    assert endpoint.url == "https://hooks.example.org/in"


def test_the_production_defaults_refuse_loopback_and_http():
    """The settings as a deployment gets them with no WEBHOOKS_* variable set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WEBHOOKS_", "DJANGO_"))}
    env.update(
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY="a-secret-for-this-test-only-" + "x7Qk2pLm9R" * 4,  # long enough for the key check
        DJANGO_ALLOWED_HOSTS="factcheck.example.org",
        DATABASE_URL="sqlite:///:memory:",
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    code = (
        "import django; django.setup()\n"
        "from django.conf import settings\n"
        "from claims.webhooks.services import endpoint_url_check\n"
        "print(settings.WEBHOOKS_ALLOW_HTTP, settings.WEBHOOKS_ALLOW_LOOPBACK)\n"
        "for url in ('https://127.0.0.1/hook', 'http://hooks.example.org/'):\n"
        "    try:\n"
        "        endpoint_url_check(url=url)\n"
        "    except ValueError as exc:\n"
        "        print('refused:', exc)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=True, cwd="."
    ).stdout.splitlines()
    assert out == [
        "False False",
        "refused: The host '127.0.0.1' resolves to 127.0.0.1, which is not a public address; "
        "webhooks are only sent to public addresses.",
        "refused: The URL must start with https://.",
    ]


def test_a_lease_shorter_than_two_timeouts_stops_start_up():
    env = {**os.environ, "DJANGO_ENV": "test", "WEBHOOKS_TIMEOUT_SECONDS": "15", "WEBHOOKS_LEASE_SECONDS": "20"}
    done = subprocess.run(
        [sys.executable, "-c", "import config.settings"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    assert "WEBHOOKS_LEASE_SECONDS=20 must be more than twice WEBHOOKS_TIMEOUT_SECONDS=15" in done.stderr
