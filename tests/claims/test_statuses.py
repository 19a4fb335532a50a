from __future__ import annotations

import pytest

from claims.models import StatusChange
from claims.services.statuses import claim_set_status


@pytest.mark.django_db
def test_every_change_is_recorded_with_actor_reason_and_version(make_claim, user):
    claim = make_claim()

    first = claim_set_status(claim=claim, status="unconfirmed", reason="one source", actor_system="checks")
    second = claim_set_status(claim=claim, status="verified", reason="checked the filing", actor_user=user)

    claim.refresh_from_db()
    assert (claim.status, claim.status_version) == ("verified", 2)
    assert [
        (c.from_status, c.to_status, c.status_version, c.actor, c.reason)
        for c in StatusChange.objects.filter(claim=claim)
    ] == [
        ("pending", "unconfirmed", 1, "checks", "one source"),
        ("unconfirmed", "verified", 2, "ana", "checked the filing"),
    ]
    assert first.pk and second.pk


@pytest.mark.django_db
def test_setting_the_same_status_records_nothing(make_claim):
    claim = make_claim()
    claim_set_status(claim=claim, status="unconfirmed", reason="x", actor_system="checks")

    assert claim_set_status(claim=claim, status="unconfirmed", reason="x", actor_system="checks") is None
    assert StatusChange.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"status": "bogus", "actor_system": "checks"}, "unknown claim status"),
        ({"status": "supported"}, "needs an actor"),
    ],
)
def test_misuse_is_refused_with_a_message(make_claim, kwargs, message):
    claim = make_claim()

    with pytest.raises(ValueError, match=message):
        claim_set_status(claim=claim, reason="x", **kwargs)
    assert not StatusChange.objects.exists()
