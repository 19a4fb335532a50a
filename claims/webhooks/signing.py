"""Standard Webhooks signing (https://www.standardwebhooks.com/): pure functions, no Django.

Written here rather than taken from the `standardwebhooks` package on purpose:
the tests verify our requests with that package, as an independent receiver
would, so a mistake shared by signer and verifier cannot hide.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Iterable

SECRET_PREFIX = "whsec_"
# The spec allows 24 to 64 bytes; 32 is HMAC-SHA256's own block-size-friendly choice.
SECRET_BYTES = 32


def secret_generate(nbytes: int = SECRET_BYTES) -> str:
    if not 24 <= nbytes <= 64:
        raise ValueError(f"a secret has 24 to 64 random bytes, not {nbytes}")
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(nbytes)).decode("ascii")


def secret_key(secret: str) -> bytes:
    if not secret.startswith(SECRET_PREFIX):
        raise ValueError(f"a webhook secret starts with {SECRET_PREFIX!r}")
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX), validate=True)


def signature_header(*, secrets: Iterable[str], msg_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` value: one `v1,<base64>` per secret, space-separated (rotation overlap)."""
    signed = f"{msg_id}.{timestamp}.".encode() + body
    parts = [
        "v1," + base64.b64encode(hmac.new(secret_key(s), signed, hashlib.sha256).digest()).decode("ascii")
        for s in secrets
    ]
    if not parts:
        raise ValueError("an endpoint needs at least one secret to sign with")
    return " ".join(parts)
