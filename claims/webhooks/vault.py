"""Webhook signing secrets encrypted at rest.

HMAC signing needs each secret in clear, but only in memory, at the moment of signing: the
database (and so every backup and replica) holds them encrypted with Fernet (AES-128-CBC with an
HMAC, from the cryptography package). The keys come from WEBHOOKS_SECRET_KEYS; the first encrypts,
every one decrypts, so a key is rotated by putting a new one first and running
`manage.py rotate_webhook_key`, which re-encrypts every secret with it.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


class SecretUnreadable(RuntimeError):
    """A stored secret none of the configured keys opens: a key was dropped before the rotation ran."""


@lru_cache(maxsize=4)
def _vault(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(k.encode()) for k in keys])


def keys() -> tuple[str, ...]:
    configured = tuple(settings.WEBHOOKS_SECRET_KEYS)
    if configured:
        return configured
    # Without keys of their own, one derived from SECRET_KEY: never the database's to know.
    return (
        base64.urlsafe_b64encode(hashlib.sha256(b"webhook-secrets:" + settings.SECRET_KEY.encode()).digest()).decode(),
    )


def seal(secret: str) -> str:
    return _vault(keys()).encrypt(secret.encode()).decode()


def unseal(token: str) -> str:
    try:
        return _vault(keys()).decrypt(token.encode()).decode()
    except InvalidToken:
        raise SecretUnreadable("a webhook secret cannot be decrypted with WEBHOOKS_SECRET_KEYS") from None


def reseal(token: str) -> str:
    """The same secret under the first key."""
    try:
        return _vault(keys()).rotate(token.encode()).decode()
    except InvalidToken:
        raise SecretUnreadable("a webhook secret cannot be decrypted with WEBHOOKS_SECRET_KEYS") from None
