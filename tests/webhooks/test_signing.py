"""Standard Webhooks signing, pure: no database."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

import pytest
from standardwebhooks.webhooks import Webhook

from claims.webhooks.signing import secret_generate, secret_key, signature_header


def test_the_specs_example_signature():
    # The example of the Standard Webhooks reference libraries.
    assert (
        signature_header(
            secrets=["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
            msg_id="msg_p5jXN8AQM9LWM0D4loKWxJek",
            timestamp=1614265330,
            body=b'{"test": 2432232314}',
        )
        == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    )


def test_each_secret_signs_and_each_signature_verifies_on_its_own():
    secrets = [secret_generate(), secret_generate(24), secret_generate(64)]
    body = '{"type":"claim.created","data":{"claim_id":1,"text":"Zürich €"}}'.encode()
    now = int(datetime.now(UTC).timestamp())

    header = signature_header(secrets=secrets, msg_id="msg_1", timestamp=now, body=body)

    assert len(header.split(" ")) == 3 and all(s.startswith("v1,") for s in header.split(" "))
    for secret in secrets:
        headers = {"webhook-id": "msg_1", "webhook-timestamp": str(now), "webhook-signature": header}
        assert Webhook(secret).verify(body, headers)["data"]["text"] == "Zürich €"


@pytest.mark.parametrize("nbytes", [24, 32, 64])
def test_secrets_are_whsec_and_base64_of_24_to_64_random_bytes(nbytes):
    secret = secret_generate(nbytes)
    assert secret.startswith("whsec_")
    assert len(secret_key(secret)) == nbytes
    assert base64.b64encode(secret_key(secret)).decode() == secret.removeprefix("whsec_")
    assert secret_generate(nbytes) != secret


@pytest.mark.parametrize("nbytes", [0, 23, 65])
def test_other_secret_sizes_are_refused(nbytes):
    with pytest.raises(ValueError, match="24 to 64"):
        secret_generate(nbytes)


def test_signing_without_a_secret_is_refused():
    with pytest.raises(ValueError, match="at least one secret"):
        signature_header(secrets=[], msg_id="msg_1", timestamp=1, body=b"{}")
