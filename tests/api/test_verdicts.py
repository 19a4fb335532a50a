"""Verdicts through the API: the give_verdict permission, the optimistic lock and no contradictory verified facts."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from rest_framework.test import APIClient

from claims.models import Claim, StatusChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(django_user_model) -> APIClient:
    rita = django_user_model.objects.create_user(username="rita", password="a-long-test-password")
    rita.groups.add(Group.objects.get(name="reviewers"))
    client = APIClient()
    client.force_authenticate(rita)
    return client


def verdict(client, claim, **body):
    return client.post(f"/api/v1/claims/{claim.pk}/verdict/", body, format="json")


def test_a_stale_version_is_a_409_and_changes_nothing(reviewer, make_claim):
    claim = make_claim()
    assert verdict(reviewer, claim, verdict="verified", expected_version=0).status_code == 200

    stale = verdict(reviewer, claim, verdict="refuted", note="wrong", expected_version=0)

    assert stale.status_code == 409
    assert stale["Content-Type"] == "application/problem+json"
    assert "changed since you loaded it" in stale.json()["detail"]
    claim.refresh_from_db()
    assert (claim.status, claim.status_version) == ("verified", 1)
    assert StatusChange.objects.filter(claim=claim).count() == 1


def test_if_match_carries_the_version(reviewer, make_claim):
    claim = make_claim()
    etag = reviewer.get(f"/api/v1/claims/{claim.pk}/")["ETag"]

    ok = reviewer.post(
        f"/api/v1/claims/{claim.pk}/verdict/", {"verdict": "verified"}, format="json", HTTP_IF_MATCH=etag
    )
    stale = reviewer.post(
        f"/api/v1/claims/{claim.pk}/verdict/", {"verdict": "unverifiable"}, format="json", HTTP_IF_MATCH=etag
    )

    assert (ok.status_code, stale.status_code) == (200, 409)


def test_a_verdict_without_a_version_is_a_428(reviewer, make_claim):
    claim = make_claim()

    response = verdict(reviewer, claim, verdict="verified")

    assert response.status_code == 428
    assert "expected_version" in response.json()["detail"]
    claim.refresh_from_db()
    assert claim.status_version == 0


def test_a_refutation_needs_a_note(reviewer, make_claim):
    claim = make_claim()

    response = verdict(reviewer, claim, verdict="refuted", expected_version=0)

    assert response.status_code == 400
    assert "note" in response.json()["errors"]


def test_unknown_fields_in_a_verdict_are_a_400(reviewer, make_claim):
    response = verdict(reviewer, make_claim(), verdict="verified", expected_version=0, verdit="x")

    assert response.status_code == 400
    assert "verdit" in response.json()["errors"]


def test_verifying_a_value_that_disagrees_with_a_verified_one_is_refused_naming_it(reviewer, make_article, make_claim):
    first = make_claim(article=make_article(), value=49)
    second = make_claim(article=make_article(), value=12.5)
    assert verdict(reviewer, first, verdict="verified", expected_version=0).status_code == 200

    response = verdict(reviewer, second, verdict="verified", expected_version=second.status_version)

    assert response.status_code == 409
    assert f"#{first.pk}" in response.json()["detail"]
    assert Claim.objects.get(pk=second.pk).status != "verified"


def test_an_agreeing_value_may_be_verified_too(reviewer, make_article, make_claim):
    first = make_claim(article=make_article(), value=49)
    second = make_claim(article=make_article(), value=49)
    assert verdict(reviewer, first, verdict="verified", expected_version=0).status_code == 200

    second.refresh_from_db()
    response = verdict(reviewer, second, verdict="verified", expected_version=second.status_version)

    assert response.status_code == 200


def test_a_claim_taken_by_another_reviewer_is_refused(reviewer, make_claim, django_user_model):
    from claims.services.reviews import claim_take

    other = django_user_model.objects.create_user(username="ines", password="a-long-test-password")
    other.groups.add(Group.objects.get(name="reviewers"))
    claim = make_claim()
    claim_take(claim=claim, reviewer=other)

    response = verdict(reviewer, claim, verdict="verified", expected_version=0)

    assert response.status_code == 409
    assert "taken by ines" in response.json()["detail"]
