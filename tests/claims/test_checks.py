from __future__ import annotations

from datetime import date

import pytest

from claims.models import Claim, Finding, StatusChange
from claims.services.checks import claim_check


def status(claim: Claim) -> str:
    claim.refresh_from_db()
    return claim.status


@pytest.mark.django_db
def test_one_source_is_unconfirmed(make_claim):
    claim = make_claim()

    claim_check(claim=claim)

    assert status(claim) == "unconfirmed"
    assert not claim.findings.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("a", "qa", "b", "qb", "agree"),
    [
        (200e6, "exact", 201e6, "exact", True),  # 0.5 % of the larger
        (200e6, "exact", 202e6, "exact", False),
        (200e6, "approx", 209e6, "exact", True),  # within 5 %
        (200e6, "approx", 212e6, "exact", False),
        (9800, "at_least", 9900, "exact", True),
        (9800, "at_least", 9500, "exact", False),
        (100, "at_most", 99, "exact", True),
        (100, "at_most", 102, "exact", False),
    ],
)
def test_agreement_follows_the_tolerance_of_the_wording(make_article, make_claim, a, qa, b, qb, agree):
    first = make_claim(article=make_article(), predicate="payment", value=a, qualifier=qa, unit="USD")
    second = make_claim(article=make_article(), predicate="payment", value=b, qualifier=qb, unit="USD")

    claim_check(claim=second)

    expected = "supported" if agree else "conflicting"
    assert status(first) == status(second) == expected
    kind = Finding.Kind.AGREEMENT if agree else Finding.Kind.CONFLICT
    assert Finding.objects.filter(claim=second, other_claim=first, kind=kind).exists()
    assert Finding.objects.filter(claim=first, other_claim=second, kind=kind).exists()


@pytest.mark.django_db
def test_undated_claims_more_than_a_year_apart_are_not_compared(make_article, make_claim):
    old = make_claim(article=make_article(published=date(2023, 1, 1)), value=30)
    new = make_claim(article=make_article(published=date(2024, 6, 1)), value=45)

    claim_check(claim=new)

    assert status(new) == "unconfirmed"
    assert status(old) == "pending"


@pytest.mark.django_db
def test_different_times_are_different_facts(make_article, make_claim):
    make_claim(article=make_article(), predicate="revenue", object=None, unit="EUR", value=5e8, time="2023")
    new = make_claim(article=make_article(), predicate="revenue", object=None, unit="EUR", value=6e8, time="2024")

    claim_check(claim=new)

    assert status(new) == "unconfirmed"


@pytest.mark.django_db
def test_a_claim_without_its_value_is_incomplete(make_claim):
    claim = make_claim(value=None)

    claim_check(claim=claim)

    assert status(claim) == "incomplete"
    assert claim.findings.get().kind == "incomplete"


@pytest.mark.django_db
def test_checking_twice_changes_nothing(make_article, make_claim):
    make_claim(article=make_article(), value=30)
    second = make_claim(article=make_article(), value=40)

    claim_check(claim=second)
    claim_check(claim=second)

    assert Finding.objects.count() == 2
    assert StatusChange.objects.filter(claim=second).count() == 1
    second.refresh_from_db()
    assert second.status_version == 1


@pytest.mark.django_db
def test_a_verdict_is_never_overwritten_by_checks(make_article, make_claim):
    verified = make_claim(article=make_article(), value=30)
    Claim.objects.filter(pk=verified.pk).update(status=Claim.Status.VERIFIED)
    other = make_claim(article=make_article(), value=40)

    claim_check(claim=other)

    assert status(verified) == "verified"
    assert status(other) == "conflicting"
