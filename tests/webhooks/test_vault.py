"""Webhook secrets are encrypted at rest, and the key that encrypts them can be rotated."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db import IntegrityError

from claims.webhooks.models import EndpointSecret
from claims.webhooks.vault import SecretUnreadable, seal, unseal

pytestmark = pytest.mark.django_db


def test_a_secret_in_clear_cannot_be_stored(make_endpoint):
    endpoint = make_endpoint()
    with pytest.raises(IntegrityError):
        EndpointSecret.objects.create(endpoint=endpoint, secret="whsec_" + "A" * 32)


def test_rotating_the_key_re_encrypts_every_secret(make_endpoint, settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.WEBHOOKS_SECRET_KEYS = [old]
    endpoint = make_endpoint()
    EndpointSecret.objects.filter(endpoint=endpoint).update(secret=seal(endpoint.secret))

    settings.WEBHOOKS_SECRET_KEYS = [new, old]  # the new key first; the old one still opens what it sealed
    call_command("rotate_webhook_key")
    settings.WEBHOOKS_SECRET_KEYS = [new]  # then the old key can go

    stored = EndpointSecret.objects.get(endpoint=endpoint).secret
    assert unseal(stored) == endpoint.secret


def test_dropping_a_key_before_the_rotation_is_refused_and_changes_nothing(make_endpoint, settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.WEBHOOKS_SECRET_KEYS = [old]
    endpoint = make_endpoint()
    EndpointSecret.objects.filter(endpoint=endpoint).update(secret=seal(endpoint.secret))
    before = EndpointSecret.objects.get(endpoint=endpoint).secret

    settings.WEBHOOKS_SECRET_KEYS = [new]
    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("rotate_webhook_key")
    with pytest.raises(SecretUnreadable):
        unseal(before)
    assert EndpointSecret.objects.get(endpoint=endpoint).secret == before
