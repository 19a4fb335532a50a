"""https with the address pinned: the certificate is still checked against the URL's host name."""

from __future__ import annotations

import socket
import ssl
import subprocess
from pathlib import Path

import pytest

from claims.webhooks.models import Delivery, Endpoint, EndpointSecret
from claims.webhooks.services import delivery_attempt, events_publish
from claims.webhooks.signing import secret_generate
from claims.webhooks.vault import seal
from tests.webhooks.conftest import Receiver

pytestmark = pytest.mark.django_db


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def pki(tmp_path_factory) -> Path:
    """A test CA and two server certificates it signed: hooks.example.com and other.example.org."""
    d = tmp_path_factory.mktemp("pki")
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Test CA", *(
        "-keyout", "ca.key", "-out", "ca.pem", "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
    ), cwd=d)  # fmt: skip
    for name in ("hooks.example.com", "other.example.org"):
        _openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={name}", "-keyout", f"{name}.key", *(
            "-out", f"{name}.csr",
        ), cwd=d)  # fmt: skip
        (d / f"{name}.ext").write_text(f"subjectAltName=DNS:{name}\nextendedKeyUsage=serverAuth\n")
        _openssl("x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", *(
            "-days", "2", "-out", f"{name}.pem", "-extfile", f"{name}.ext",
        ), cwd=d)  # fmt: skip
    return d


def _tls_receiver(pki: Path, name: str) -> tuple[Receiver, list[str]]:
    receiver = Receiver()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(pki / f"{name}.pem", pki / f"{name}.key")
    server_names: list[str] = []
    context.sni_callback = lambda sock, server_name, ctx: server_names.append(server_name)
    receiver.server.socket = context.wrap_socket(receiver.server.socket, server_side=True)
    return receiver.start(), server_names


@pytest.fixture
def hooks_example_com(monkeypatch):
    """hooks.example.com resolves to loopback, where the test's receiver listens."""
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host == "hooks.example.com":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def _send(user, receiver: Receiver) -> tuple[Delivery, str]:
    secret = secret_generate()
    receiver.secrets.append(secret)
    port = receiver.server.server_address[1]
    endpoint = Endpoint.objects.create(
        owner=user, url=f"https://hooks.example.com:{port}/in", event_types=["claim.created"]
    )
    EndpointSecret.objects.create(endpoint=endpoint, secret=seal(secret))
    events_publish(events=[("claim.created", {"claim_id": 1})])
    delivery = Delivery.objects.get(endpoint=endpoint)
    delivery_attempt(delivery_id=delivery.pk)
    return delivery, secret


def test_https_to_a_pinned_address_verifies_the_certificate_of_the_host_name(user, pki, hooks_example_com, settings):
    settings.WEBHOOKS_CA_BUNDLE = str(pki / "ca.pem")
    receiver, server_names = _tls_receiver(pki, "hooks.example.com")
    try:
        delivery, secret = _send(user, receiver)
    finally:
        receiver.stop()

    attempt = delivery.attempts.get()
    assert (attempt.status_code, attempt.error) == (200, "")
    [got] = receiver.received
    assert got.verified_by(secret)
    assert got.headers["host"] == f"hooks.example.com:{receiver.server.server_address[1]}"
    assert server_names == ["hooks.example.com"]


def test_a_certificate_for_another_name_is_refused(user, pki, hooks_example_com, settings):
    settings.WEBHOOKS_CA_BUNDLE = str(pki / "ca.pem")
    receiver, _ = _tls_receiver(pki, "other.example.org")
    try:
        delivery, _ = _send(user, receiver)
    finally:
        receiver.stop()

    attempt = delivery.attempts.get()
    assert attempt.status_code is None
    assert "hooks.example.com" in attempt.error and "SSLError" in attempt.error
    assert receiver.received == []


def test_a_certificate_from_an_untrusted_ca_is_refused(user, pki, hooks_example_com, settings):
    settings.WEBHOOKS_CA_BUNDLE = None
    receiver, _ = _tls_receiver(pki, "hooks.example.com")
    try:
        delivery, _ = _send(user, receiver)
    finally:
        receiver.stop()

    attempt = delivery.attempts.get()
    assert "CERTIFICATE_VERIFY_FAILED" in attempt.error
    assert receiver.received == []
