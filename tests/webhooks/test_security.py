"""SSRF: which URLs webhooks may be sent to, at registration and at every send.

No test here sends a packet off this machine: refused addresses are refused
before connecting, and the autouse guard in conftest fails any test that tries.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from claims.webhooks.models import Attempt, Delivery, Endpoint, EndpointSecret
from claims.webhooks.security import UnsafeURL
from claims.webhooks.services import delivery_attempt, endpoint_create, endpoint_update, events_publish
from claims.webhooks.signing import secret_generate

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
    EndpointSecret.objects.create(endpoint=endpoint, secret=secret_generate())
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


@pytest.mark.parametrize("url", REFUSED)
def test_non_global_addresses_are_refused_at_send(user, production_rules, url, only_loopback_connections):
    endpoint = _stored_endpoint(user, url)

    attempt = _send_one(endpoint)

    assert attempt.status_code is None
    assert attempt.error.startswith("refused:") and "not a public address" in attempt.error
    assert only_loopback_connections == []


@pytest.mark.parametrize("url", ["https://10.0.0.1/hook", "https://169.254.169.254/", "https://[fd00::1]/"])
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
        ("https://hooks.example.com:99999/in", "Not a valid URL"),
    ],
)
def test_malformed_or_plain_http_urls_are_refused(user, production_rules, url, message):
    with pytest.raises(UnsafeURL, match=message):
        endpoint_create(owner=user, url=url, event_types=["claim.created"])


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
        DJANGO_SECRET_KEY="a-secret-for-this-test-only",
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
