"""Articles sent without `published` are compared by the date they were received, and a fact
counts its sources by the very rule that gives its claims their statuses."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from claims.models import Article, Claim, Fact, Finding
from claims.services.checks import article_date, claims_agreement, claims_check
from factcheck.agreement import UNDATED_WINDOW_DAYS, agreement
from factcheck.claim import Claim as EngineClaim

DATED = date(2025, 3, 1)  # make_article's default publication date
NEAR = date(2025, 9, 1)
FAR = date(2026, 6, 1)


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def article(make_article, *, published: date | None = DATED, received: datetime | None = None) -> Article:
    made = make_article(published=published)
    if received is not None:
        Article.objects.filter(pk=made.pk).update(created_at=received)  # created_at is auto_now_add
    return made


def check(*claims: Claim) -> None:
    for claim in claims:  # one at a time, as each arrives
        claims_check(claim_ids=[claim.pk])


def loaded(claim: Claim) -> Claim:
    return Claim.objects.select_related("article").get(pk=claim.pk)


def pair_findings(claim: Claim) -> set[str]:
    return set(claim.findings.exclude(other_claim=None).values_list("kind", flat=True))


def test_the_date_of_an_undated_article_is_the_utc_day_it_was_received():
    received = datetime(2025, 6, 1, 0, 30, tzinfo=timezone(timedelta(hours=2)))  # 31 May, 22:30 UTC

    assert article_date(Article(published=None, created_at=received)) == date(2025, 5, 31)
    assert article_date(Article(published=DATED, created_at=received)) == DATED


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("value", "expected", "kind"), [(30, "supported", "agreement"), (45, "conflicting", "conflict")]
)
def test_an_undated_claim_is_compared_with_a_dated_one_received_within_the_window(
    make_article, make_claim, value, expected, kind
):
    dated = make_claim(article=article(make_article), value=30)
    undated = make_claim(article=article(make_article, published=None, received=at(NEAR)), value=value)

    check(dated, undated)

    for claim, other in ((dated, undated), (undated, dated)):
        claim.refresh_from_db()
        assert claim.status == expected
        assert Finding.objects.get(claim=claim, other_claim=other).kind == kind


@pytest.mark.django_db
def test_an_undated_claim_received_far_outside_the_window_is_not_compared(make_article, make_claim):
    dated = make_claim(article=article(make_article), value=30)
    undated = make_claim(article=article(make_article, published=None, received=at(FAR)), value=45)

    check(dated, undated)

    for claim in (dated, undated):
        claim.refresh_from_db()
        assert claim.status == "unconfirmed"
        assert not claim.findings.exists()
    fact = Fact.objects.get(key=dated.fact_key)
    assert (fact.sources_agreeing, fact.sources_disagreeing) == (1, 0)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("received", "compared"),
    [
        (datetime(2026, 3, 1, 23, 59, tzinfo=UTC), True),  # 365 days after DATED
        (datetime(2026, 3, 2, 0, 30, tzinfo=timezone(timedelta(hours=1))), True),  # still 1 March in UTC
        (datetime(2026, 3, 2, 0, 0, tzinfo=UTC), False),  # 366 days
    ],
)
def test_the_window_counts_in_utc_days_received(make_article, make_claim, received, compared):
    assert (date(2026, 3, 1) - DATED).days == UNDATED_WINDOW_DAYS
    make_claim(article=article(make_article), value=30)
    undated = make_claim(article=article(make_article, published=None, received=received), value=45)

    check(undated)

    undated.refresh_from_db()
    assert undated.status == ("conflicting" if compared else "unconfirmed")


@pytest.mark.django_db
def test_two_undated_claims_are_compared_by_the_dates_they_were_received(make_article, make_claim):
    first = make_claim(article=article(make_article, published=None, received=at(DATED)), value=30)
    near = make_claim(article=article(make_article, published=None, received=at(NEAR)), value=45)
    far = make_claim(article=article(make_article, published=None, received=at(FAR + timedelta(days=400))), value=60)

    check(first, near, far)

    assert Finding.objects.get(claim=first, other_claim=near).kind == "conflict"
    assert not far.findings.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("undated_received", "counts"),
    [
        (date(2025, 3, 1), False),  # received after the newer dated figure: it is the holder's latest
        (date(2023, 6, 1), True),  # received before the older one: the dated 70 % is the latest
    ],
)
def test_an_undated_stake_is_as_new_as_the_day_it_was_received(make_article, make_claim, undated_received, counts):
    make_claim(subject="Orvane", value=70, article=article(make_article, published=date(2024, 1, 1)))
    make_claim(subject="Brightwave", value=40, article=article(make_article, published=date(2025, 1, 1)))
    undated = make_claim(
        subject="Orvane", value=55, article=article(make_article, published=None, received=at(undated_received))
    )
    brightwave_again = make_claim(
        subject="Brightwave", value=40, article=article(make_article, published=date(2025, 2, 1))
    )

    check(undated, brightwave_again)

    flagged = brightwave_again.findings.filter(kind="stakes_over_100")
    assert flagged.exists() is counts  # 70 + 40 is over 100, 55 + 40 is not


@pytest.mark.django_db
def test_a_forecast_in_an_undated_article_is_never_stale(make_article, make_claim):
    # Received long after the period ended, but it may have been written before: only a
    # publication date can show that a forecast came too late.
    claim = make_claim(
        predicate="revenue",
        object=None,
        unit="EUR",
        value=8e8,
        time="2024",
        modality="forecast",
        article=article(make_article, published=None, received=at(FAR)),
    )

    check(claim)

    assert not claim.findings.filter(kind="stale_forecast").exists()


# (published or None, received or None, value, modality, time) of the second claim; the first is
# always 30 % asserted, published DATED (with the same time).
PAIRS = {
    "dated, in window, agree": ((NEAR, None, 30, "asserted", None), True),
    "dated, in window, disagree": ((NEAR, None, 45, "asserted", None), False),
    "dated, out of window, agree": ((FAR, None, 30, "asserted", None), None),
    "dated, out of window, disagree": ((FAR, None, 45, "asserted", None), None),
    "undated, in window, agree": ((None, NEAR, 30, "asserted", None), True),
    "undated, in window, disagree": ((None, NEAR, 45, "asserted", None), False),
    "undated, out of window, agree": ((None, FAR, 30, "asserted", None), None),
    "undated, out of window, disagree": ((None, FAR, 45, "asserted", None), None),
    "same time named, years apart": ((None, FAR, 45, "asserted", "2024"), False),
    "denies the figure": ((NEAR, None, 30, "denied", None), False),
    "denies another figure": ((NEAR, None, 45, "denied", None), None),
    "undated denial out of window": ((None, FAR, 30, "denied", None), None),
}


@pytest.mark.django_db
@pytest.mark.parametrize(("second", "verdict"), list(PAIRS.values()), ids=list(PAIRS))
def test_a_fact_counts_its_sources_as_the_checks_compare_its_claims(api, make_article, make_claim, second, verdict):
    published, received, value, modality, time = second
    first = make_claim(article=article(make_article), value=30, time=time)
    other = make_claim(
        article=article(make_article, published=published, received=received and at(received)),
        value=value,
        modality=modality,
        time=time,
    )

    check(first, other)

    # The rule itself.
    assert claims_agreement(loaded(first), loaded(other)) is verdict
    assert claims_agreement(loaded(other), loaded(first)) is verdict
    # The checks' side: findings and statuses.
    kinds = {True: {"agreement"}, False: {"conflict"}, None: set()}[verdict]
    status = {True: "supported", False: "conflicting", None: "unconfirmed"}[verdict]
    for claim in (first, other):
        claim.refresh_from_db()
        assert (pair_findings(claim), claim.status) == (kinds, status)
    # The fact's side: one source with the consensus (the first, asserted claim), the other on
    # the side the checks put it, or on neither.
    counts = {True: (2, 0), False: (1, 1), None: (1, 0)}[verdict]
    fact = Fact.objects.get(key=first.fact_key)
    assert (fact.consensus_value, fact.sources_agreeing, fact.sources_disagreeing) == (30, *counts)
    shown = api.get(f"/api/v1/facts/{first.fact_key}/").json()
    assert (shown["sources_agreeing"], shown["sources_disagreeing"]) == counts
    assert {c["id"]: c["status"] for c in shown["claims"]} == {first.pk: status, other.pk: status}


@pytest.mark.django_db
def test_a_source_of_another_year_does_not_count_against_the_consensus(api, make_article, make_claim):
    a = make_claim(article=article(make_article, published=date(2025, 1, 10)), value=30)
    b = make_claim(article=article(make_article, published=date(2025, 2, 10)), value=30)
    late = make_claim(article=article(make_article, published=None, received=at(FAR)), value=45)

    check(a, b, late)

    late.refresh_from_db()
    assert late.status == "unconfirmed"
    [listed] = api.get("/api/v1/facts/").json()["results"]
    assert (listed["consensus_value"], listed["sources_agreeing"], listed["sources_disagreeing"]) == (30, 2, 0)
    assert listed["claim_count"] == 3


@pytest.mark.parametrize(
    ("b", "date_b", "expected"),
    [
        (EngineClaim("stake", "Orvane", "Kelpie", 30.1, "%"), DATED, True),
        (EngineClaim("stake", "Orvane", "Kelpie", 45, "%"), DATED, False),
        (EngineClaim("stake", "Orvane", "Kelpie", 45, "%"), DATED + timedelta(days=366), None),
        (EngineClaim("stake", "Orvane", "Kelpie", 45, "%"), None, None),  # no date at all: close to nothing
        (EngineClaim("stake", "Orvane", "Kelpie", 30, "%", modality="denied"), DATED, False),
        (EngineClaim("stake", "Orvane", "Kelpie", 45, "%", modality="denied"), DATED, None),
    ],
)
def test_the_rule_is_plain_engine_code(b, date_b, expected):
    a = EngineClaim("stake", "Orvane", "Kelpie", 30, "%")

    assert agreement(a, b, DATED, date_b) is expected
    assert agreement(b, a, date_b, DATED) is expected
