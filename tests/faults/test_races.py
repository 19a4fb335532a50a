"""A reviewer's verdict and an automatic check racing on the same claims, on real PostgreSQL."""

from __future__ import annotations

import itertools
import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connection

from claims.models import Claim, StatusChange
from claims.services.checks import claims_check
from claims.services.reviews import claim_set_verdict

pytestmark = [pytest.mark.services, pytest.mark.faults, pytest.mark.django_db(transaction=True)]


def race(*actions) -> list[BaseException]:
    """Run the actions at the same moment, each in a thread with its own connection."""
    start, errors = threading.Barrier(len(actions)), []

    def run(action):
        try:
            start.wait()
            action()
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(a,)) for a in actions]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return errors


def test_the_verdict_wins_and_the_history_is_complete(make_claim, django_user_model):
    reviewer = django_user_model.objects.create_user(username="rita", password="a-long-password-1", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="reviewers"))
    for round_ in range(15):
        # given a fact with two disagreeing claims, both pending
        a, b = make_claim(subject=f"Orvane {round_}", value=30), make_claim(subject=f"Orvane {round_}", value=90)

        # when a check of both and a reviewer's verdict on one happen at the same moment
        errors = race(
            lambda a=a, b=b: claims_check(claim_ids=[a.pk, b.pk]),
            lambda a=a: claim_set_verdict(claim=Claim.objects.get(pk=a.pk), reviewer=reviewer, verdict="verified"),
            lambda a=a, b=b: claims_check(claim_ids=[b.pk, a.pk]),
        )

        # then nothing failed, and the verdict stands whichever came first
        assert errors == []
        assert Claim.objects.get(pk=a.pk).status == "verified"
        # and each claim's history is complete: versions 1, 2, 3 ... each change starting where the last ended
        for claim in (a, b):
            changes = list(StatusChange.objects.filter(claim=claim).order_by("status_version"))
            assert [c.status_version for c in changes] == list(range(1, len(changes) + 1))
            assert all(prev.to_status == nxt.from_status for prev, nxt in itertools.pairwise(changes))
            current = Claim.objects.get(pk=claim.pk)
            assert current.status_version == len(changes)
            assert not changes or changes[-1].to_status == current.status
