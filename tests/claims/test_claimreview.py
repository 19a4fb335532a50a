from __future__ import annotations

import json
import re
from datetime import date

import pytest
from django.utils import timezone

from claims.models import Claim, StatusChange
from claims.services.claimreview import (
    NotReviewed,
    claim_review,
    claim_review_script,
    claim_reviews,
    claim_sentence,
)
from claims.services.reviews import claim_set_verdict
from claims.services.statuses import claim_url

pytestmark = pytest.mark.django_db

HOSTILE = "</script><script>alert(1)</script>"


@pytest.fixture
def reviewer(django_user_model):
    from django.contrib.auth.models import Group

    rita = django_user_model.objects.create_user(username="rita", password="x-long-password", is_staff=True)
    rita.groups.add(Group.objects.get(name="reviewers"))
    return rita


@pytest.fixture
def reviewed(make_claim, reviewer):
    """A claim with a reviewer's verdict, given through the service."""

    def make(verdict: str = "verified", **fields) -> Claim:
        claim = make_claim(**fields)
        claim_set_verdict(claim=claim, reviewer=reviewer, verdict=verdict, note="annual report p. 4")
        return Claim.objects.get(pk=claim.pk)

    return make


def assert_google_fact_check(review: dict) -> None:
    """Google's required (and our recommended) ClaimReview fields, with their types."""
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"]
    assert isinstance(review["url"], str) and review["url"].startswith(("http://", "https://"))
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    assert isinstance(rating["alternateName"], str) and rating["alternateName"]
    for key in ("ratingValue", "bestRating", "worstRating"):
        assert type(rating[key]) is int
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert review["author"]["@type"] in ("Organization", "Person")
    assert isinstance(review["author"]["name"], str) and review["author"]["name"]
    date.fromisoformat(review["datePublished"])
    claimed = review["itemReviewed"]
    assert claimed["@type"] == "Claim"
    assert claimed["author"]["@type"] == "Organization" and claimed["author"]["name"]
    date.fromisoformat(claimed["datePublished"])
    json.dumps(review)  # plain JSON all through: no dates, Decimals or lazy strings


@pytest.mark.parametrize(("verdict", "value", "name"), [("verified", 5, "True"), ("refuted", 1, "False")])
def test_a_verdict_gives_a_claimreview_with_googles_fields(reviewed, make_article, settings, verdict, value, name):
    settings.FACTCHECK_PUBLIC_URL = "https://factcheck.example"
    article = make_article(source_name="Handelsblatt", url="https://www.handelsblatt.example/a/1?x=1", language="de")
    claim = reviewed(verdict, article=article, value=49.0)
    change = StatusChange.objects.get(claim=claim, to_status=verdict)

    review = claim_review(claim)

    assert_google_fact_check(review)
    assert review["url"] == claim_url(claim.pk)
    assert review["url"].startswith("https://factcheck.example/") and review["url"].endswith(f"/{claim.pk}/")
    assert review["claimReviewed"] == claim.text
    assert review["name"] == "Orvane holds 49 % of Kelpie Systems"
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": value,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": name,
    }
    assert review["author"] == {"@type": "Organization", "name": "Factcheck", "url": "https://factcheck.example"}
    assert review["datePublished"] == timezone.localdate(change.created_at).isoformat()
    assert review["inLanguage"] == "de"
    assert review["itemReviewed"] == {
        "@type": "Claim",
        "author": {"@type": "Organization", "name": "Handelsblatt", "url": "https://www.handelsblatt.example"},
        "datePublished": "2025-03-01",
        "appearance": {"@type": "CreativeWork", "url": "https://www.handelsblatt.example/a/1?x=1"},
        "inLanguage": "de",
    }
    # Who reviewed and their note stay internal: the organisation is the author.
    assert "rita" not in json.dumps(review) and "annual report" not in json.dumps(review)


def test_the_organisation_name_comes_from_the_settings(reviewed, settings):
    settings.FACTCHECK_ORGANISATION_NAME = "Faktenfinder"

    assert claim_review(reviewed())["author"]["name"] == "Faktenfinder"


def test_an_article_without_url_or_date_still_gives_a_valid_review(reviewed, make_article):
    article = make_article(url="", published=None, language="")
    claim = reviewed(article=article)

    review = claim_review(claim)

    assert_google_fact_check(review)
    claimed = review["itemReviewed"]
    assert claimed["datePublished"] == timezone.localdate(article.created_at).isoformat()
    assert "appearance" not in claimed and "url" not in claimed["author"]
    assert "inLanguage" not in review and "inLanguage" not in claimed


def test_the_latest_verdict_dates_and_rates_the_review(reviewed, reviewer):
    claim = reviewed("refuted")
    claim_set_verdict(claim=claim, reviewer=reviewer, verdict="verified")
    claim = Claim.objects.get(pk=claim.pk)
    latest = StatusChange.objects.get(claim=claim, status_version=claim.status_version)

    review = claim_review(claim)

    assert review["reviewRating"]["alternateName"] == "True"
    assert review["datePublished"] == timezone.localdate(latest.created_at).isoformat()


@pytest.mark.parametrize("verdict", ["unverifiable", None])
def test_claims_without_a_true_or_false_verdict_get_no_review(make_claim, reviewer, verdict):
    claim = make_claim()
    if verdict:
        claim_set_verdict(claim=claim, reviewer=reviewer, verdict=verdict)

    with pytest.raises(NotReviewed, match=f"is {claim.status}"):
        claim_review(claim)
    with pytest.raises(NotReviewed):
        claim_review_script(claim)
    assert list(claim_reviews(Claim.objects.all())) == []


@pytest.mark.parametrize(
    ("fields", "sentence"),
    [
        ({}, "Orvane holds 30 % of Kelpie Systems"),
        (
            {"predicate": "stake", "subject": "Meta", "object": "Scale AI", "value": 49.0, "qualifier": "approx"},
            "Meta holds about 49 % of Scale AI",
        ),
        (
            {"predicate": "investment", "subject": "Meta", "object": "Scale AI", "value": 14.3e9, "unit": "USD"},
            "Meta invested 14,300,000,000 USD in Scale AI",
        ),
        (
            {"predicate": "valuation", "subject": "Scale AI", "object": None, "value": 29e9, "unit": "USD"},
            "Scale AI is valued at 29,000,000,000 USD",
        ),
        (
            {"predicate": "acquisition", "subject": "Meta", "object": "Scale AI", "value": None, "unit": None},
            "Meta acquired Scale AI",
        ),
        (
            {"predicate": "acquisition", "subject": "Nordwerk", "object": "Kelpie", "value": 1.5e9, "unit": "EUR"},
            "Nordwerk acquired Kelpie for 1,500,000,000 EUR",
        ),
        (
            {"predicate": "revenue", "subject": "Scale AI", "object": None, "value": 870e6, "unit": "USD"}
            | {"time": "2024"},
            "Scale AI had revenue of 870,000,000 USD in 2024",
        ),
        (
            {"predicate": "revenue", "subject": "Orvane", "object": None, "value": 2.5e6, "unit": "CHF"}
            | {"time": "2025-Q2", "qualifier": "at_least"},
            "Orvane had revenue of at least 2,500,000 CHF in Q2 2025",
        ),
        (
            {"predicate": "profit", "subject": "Orvane", "object": None, "value": 1.25e6, "unit": "GBP"}
            | {"time": "2025-H1"},
            "Orvane made a profit of 1,250,000 GBP in H1 2025",
        ),
        (
            {"predicate": "profit", "subject": "Orvane", "object": None, "value": -5e6, "unit": "EUR"}
            | {"time": "2025-06", "qualifier": "at_least"},
            "Orvane made a loss of at most 5,000,000 EUR in June 2025",
        ),
        (
            {"predicate": "payment", "subject": "Google", "object": "Scale AI", "value": 200e6, "unit": "USD"}
            | {"period": "year", "qualifier": "approx", "modality": "planned"},
            "Google plans to pay Scale AI about 200,000,000 USD a year",
        ),
        (
            {"predicate": "employees", "subject": "Orvane", "object": None, "value": 9800.0, "unit": "count"}
            | {"time": "2025-06-13"},
            "Orvane has 9,800 employees on June 13, 2025",
        ),
        (
            {"predicate": "users", "subject": "ChatGPT", "object": None, "value": 8e8, "unit": "count"}
            | {"period": "week"},
            "ChatGPT has 800,000,000 weekly active users",
        ),
        (
            {"predicate": "users", "subject": "Orvane", "object": None, "value": 3e6, "unit": "count"}
            | {"modality": "forecast", "time": "2026"},
            "Orvane is expected to have 3,000,000 users in 2026",
        ),
        (
            {"predicate": "role", "subject": "Alexandr Wang", "object": "Meta", "value": None, "unit": None}
            | {"role": "CEO"},
            "Alexandr Wang is CEO of Meta",
        ),
        (
            {"predicate": "joins", "subject": "Alexandr Wang", "object": "Meta", "value": None, "unit": None}
            | {"modality": "denied"},
            "Alexandr Wang does not join Meta",
        ),
    ],
)
def test_the_canonical_sentence_of_each_predicate(make_claim, fields, sentence):
    assert claim_sentence(make_claim(**fields)) == sentence


def test_every_predicate_has_a_sentence(make_claim):
    for predicate in Claim.Predicate.values:
        sentence = claim_sentence(make_claim(predicate=predicate, subject="Orvane", value=12.0, unit="USD"))
        assert sentence.startswith("Orvane ") and "None" not in sentence, sentence


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (1200000000.0, "USD", "1,200,000,000 USD"),
        (14.3, "%", "14.3 %"),
        (0.1 + 0.2, "%", "0.3 %"),
        (1e21, "USD", "1,000,000,000,000,000,000,000 USD"),
        (49.0, "%", "49 %"),
    ],
)
def test_numbers_are_written_without_float_junk(make_claim, value, unit, shown):
    sentence = claim_sentence(make_claim(predicate="valuation", object=None, value=value, unit=unit))

    assert sentence == f"Orvane is valued at {shown}"
    assert not re.search(r"\d\.0\b|e\+|0000000001|9999999", sentence)


@pytest.mark.parametrize("count", [1, 10])
def test_the_feed_costs_one_query_for_any_number_of_claims(reviewed, make_claim, django_assert_num_queries, count):
    # Each its own year, so each its own fact: two verified values of one fact may not disagree.
    claims = [reviewed("verified" if i % 2 else "refuted", value=30.0 + i, time=str(2000 + i)) for i in range(count)]
    reviewed("unverifiable", value=99.0)
    make_claim(value=98.0)  # no verdict

    with django_assert_num_queries(1):
        reviews = list(claim_reviews(Claim.objects.all()))

    assert sorted(r["url"] for r in reviews) == sorted(claim_review(c)["url"] for c in claims)
    by_url = {r["url"]: r for r in reviews}
    for claim in claims:
        assert by_url[claim_review(claim)["url"]] == claim_review(claim)


def test_the_feed_reviews_only_the_claims_it_is_given(reviewed):
    mine, other = reviewed(value=30.0, time="2023"), reviewed(value=31.0, time="2024")

    reviews = list(claim_reviews(Claim.objects.filter(pk=mine.pk)))

    assert [r["url"] for r in reviews] == [claim_review(mine)["url"]]
    assert claim_review(other)["url"] not in {r["url"] for r in reviews}


def test_hostile_text_is_kept_as_data_and_escaped_in_the_script(reviewed, make_article):
    text = f"{HOSTILE} Orvane holds 30 % of Kelpie & Co <b>"
    article = make_article(text, source_name="Wire <img src=x onerror=alert(1)> & Co")
    claim = reviewed(article=article, span=(0, len(text)))

    review = claim_review(claim)
    script = claim_review_script(claim)

    assert review["claimReviewed"] == text  # data, unescaped: escaping belongs to the output
    assert script.startswith('<script type="application/ld+json">') and script.endswith("</script>")
    body = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert not set("<>&") & set(body)
    assert "\\u003c/script\\u003e" in body and "\\u0026" in body
    assert json.loads(body) == review
    assert script.count("</script>") == 1
