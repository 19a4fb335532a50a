from __future__ import annotations

import pytest

from claims.models import Claim
from claims.services.checks import claims_check

URL = "/api/v1/claims/"


@pytest.mark.django_db
def test_claims_list_shows_status_and_findings(api, make_article, make_claim):
    a = make_claim(article=make_article(source_name="Wire A"), value=30)
    b = make_claim(article=make_article(source_name="Wire B"), value=40)
    claims_check(claim_ids=[b.pk])

    response = api.get(URL)

    assert response.status_code == 200
    body = response.json()
    assert len(body["results"]) == 2 and body["next"] is None
    by_id = {c["id"]: c for c in body["results"]}
    assert by_id[a.pk]["status"] == by_id[b.pk]["status"] == "conflicting"
    assert by_id[b.pk]["findings"][0]["kind"] == "conflict"
    assert by_id[b.pk]["findings"][0]["other_claim"] == a.pk
    assert "30" in by_id[b.pk]["findings"][0]["explanation"]
    assert "Wire A" in by_id[b.pk]["findings"][0]["explanation"]


@pytest.mark.django_db
def test_claims_list_costs_the_same_queries_for_many_claims(api, make_article, make_claim, django_assert_num_queries):
    for i in range(30):
        make_claim(article=make_article(), value=10 + i)

    with django_assert_num_queries(2):  # the page with its relations, the findings (a cursor needs no count)
        response = api.get(URL)

    assert len(response.json()["results"]) == 30


@pytest.mark.django_db
def test_claims_list_filters(api, make_article, make_claim):
    de = make_article(language="de")
    stake = make_claim(article=de)
    make_claim(predicate="employees", object=None, value=50, unit="count")
    Claim.objects.filter(pk=stake.pk).update(status=Claim.Status.UNCONFIRMED)

    def ids(query):
        return [c["id"] for c in api.get(URL + query).json()["results"]]

    assert ids("?predicate=stake") == [stake.pk]
    assert ids("?language=de") == [stake.pk]
    assert ids("?status=unconfirmed") == [stake.pk]
    assert ids(f"?article={de.pk}") == [stake.pk]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "field"),
    [("?status=bogus", "status"), ("?predicate=weather", "predicate"), ("?article=abc", "article")],
)
def test_claims_list_rejects_unknown_filter_values(api, query, field):
    response = api.get(URL + query)

    assert response.status_code == 400
    assert field in response.json()["errors"]


@pytest.mark.django_db
def test_claims_show_their_confidence(api, make_claim):
    sure = make_claim(confidence=0.8)
    unknown = make_claim(confidence=None)

    by_id = {c["id"]: c for c in api.get(URL).json()["results"]}
    one = api.get(f"{URL}{sure.pk}/").json()

    assert by_id[sure.pk]["confidence"] == 0.8
    assert by_id[unknown.pk]["confidence"] is None
    assert one["confidence"] == 0.8


@pytest.mark.django_db
def test_min_confidence_keeps_claims_at_or_above_it_and_leaves_out_unknown_ones(api, make_claim):
    high = make_claim(confidence=0.9)
    edge = make_claim(confidence=0.5)
    make_claim(confidence=0.49)
    unknown = make_claim(confidence=None)

    def ids(query):
        response = api.get(URL + query)
        assert response.status_code == 200
        return sorted(c["id"] for c in response.json()["results"])

    assert ids("?min_confidence=0.5") == sorted([high.pk, edge.pk])
    assert ids("?min_confidence=0.9&predicate=stake") == [high.pk]
    assert ids("?min_confidence=1") == []
    # 0 keeps every claim that has a confidence, and still not those without one.
    assert unknown.pk not in ids("?min_confidence=0")
    assert len(ids("?min_confidence=0")) == 3
    # An empty value is no filter, as for the other parameters.
    assert len(ids("?min_confidence=")) == 4


@pytest.mark.django_db
def test_min_confidence_costs_the_same_queries(api, make_article, make_claim, django_assert_num_queries):
    for i in range(30):
        make_claim(article=make_article(), value=10 + i, confidence=0.5 + i / 100)

    with django_assert_num_queries(2):  # the page with its relations, the findings (a cursor needs no count)
        response = api.get(URL + "?min_confidence=0.6")

    assert len(response.json()["results"]) == 20


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1.5", "1.5 is out of range; use a number from 0 to 1, such as 0.8."),
        ("-0.1", "-0.1 is out of range; use a number from 0 to 1, such as 0.8."),
        ("nan", "nan is out of range; use a number from 0 to 1, such as 0.8."),
        ("inf", "inf is out of range; use a number from 0 to 1, such as 0.8."),
        ("high", '"high" is not a number; use a number from 0 to 1, such as 0.8.'),
        ("80%", '"80%" is not a number; use a number from 0 to 1, such as 0.8.'),
    ],
)
def test_min_confidence_must_be_a_number_from_0_to_1(api, make_claim, value, message):
    make_claim(confidence=0.9)

    response = api.get(URL, {"min_confidence": value})

    assert response.status_code == 400
    assert response.json()["errors"] == {"min_confidence": [message]}
