from __future__ import annotations

import pytest

from claims.services.checks import claims_check

URL = "/api/v1/facts/"


@pytest.mark.django_db
def test_facts_show_consensus_sources_languages_and_claims(api, make_article, make_claim):
    a = make_claim(article=make_article(language="en", source_name="Wire A"), value=30, confidence=0.9)
    b = make_claim(article=make_article(language="de", source_name="Wire B"), value=30)
    c = make_claim(article=make_article(language="fr", source_name="Wire C"), value=42, confidence=0.4)
    claims_check(claim_ids=[a.pk, b.pk, c.pk])

    response = api.get(URL)

    assert response.status_code == 200
    [fact] = response.json()["results"]
    assert fact | {"updated_at": None} == {
        "key": a.fact_key,
        "predicate": "stake",
        "subject": "Orvane",
        "object": "Kelpie Systems",
        "unit": "%",
        "period": None,
        "role": None,
        "time": None,
        "consensus_value": 30.0,
        "basis": "sources",
        "verified_claim": None,
        "sources_agreeing": 2,
        "sources_disagreeing": 1,
        "languages": ["de", "en", "fr"],
        "claim_count": 3,
        "updated_at": None,
        "claims": fact["claims"],
    }
    assert [(x["id"], x["source_name"], x["value"], x["status"], x["confidence"]) for x in fact["claims"]] == [
        (a.pk, "Wire A", 30.0, "conflicting", 0.9),
        (b.pk, "Wire B", 30.0, "conflicting", None),
        (c.pk, "Wire C", 42.0, "conflicting", 0.4),
    ]


@pytest.mark.django_db
def test_one_fact_by_its_key(api, make_claim):
    claim = make_claim()
    claims_check(claim_ids=[claim.pk])

    response = api.get(f"{URL}{claim.fact_key}/")

    assert response.status_code == 200
    assert response.json()["claims"][0]["id"] == claim.pk
    assert api.get(f"{URL}stake|1|2|%|||nope/").status_code == 404


@pytest.mark.django_db
def test_the_facts_list_costs_the_same_queries_for_many_facts(api, make_claim, django_assert_num_queries):
    claims = [make_claim(subject=f"Holder {i}", value=10 + i) for i in range(25)]
    claims_check(claim_ids=[c.pk for c in claims])

    with django_assert_num_queries(2):  # the page of facts, their claims (a cursor needs no count)
        response = api.get(URL)

    assert len(response.json()["results"]) == 25


@pytest.mark.django_db
def test_facts_filters(api, make_claim):
    stake = make_claim(subject="Orvane")
    revenue = make_claim(subject="Kelpie Systems", predicate="revenue", object=None, unit="EUR", value=1e8)
    claims_check(claim_ids=[stake.pk, revenue.pk])

    def keys(query):
        return [f["key"] for f in api.get(URL + query).json()["results"]]

    assert keys("?predicate=revenue") == [revenue.fact_key]
    assert keys("?subject=orvane") == [stake.fact_key]
    assert api.get(URL + "?predicate=weather").status_code == 400


@pytest.mark.django_db
def test_a_verdict_through_the_api_needs_the_give_verdict_permission(api, user, make_claim):
    from django.contrib.auth.models import Group

    claim = make_claim()
    url = f"/api/v1/claims/{claim.pk}/verdict/"
    user.is_staff = True  # staff without the permission, as the probe found: refused
    user.save()

    assert api.post(url, {"verdict": "verified", "expected_version": 0}, format="json").status_code == 403

    user.groups.add(Group.objects.get(name="reviewers"))
    api.force_authenticate(type(user).objects.get(pk=user.pk))  # permissions are cached per user object
    bad = api.post(url, {"verdict": "supported", "expected_version": 0}, format="json")
    assert bad.status_code == 400
    assert "verdict" in bad.json()["errors"]
    ok = api.post(url, {"verdict": "verified", "note": "filing", "expected_version": 0}, format="json")
    assert ok.status_code == 200
    assert (ok.json()["status"], ok.json()["status_version"]) == ("verified", 1)
    assert ok["ETag"] == '"1"'


@pytest.mark.django_db
def test_a_fact_in_the_list_shows_its_first_claims_and_its_page_shows_all(api, make_article, make_claim):
    from claims.selectors import FACT_LIST_CLAIMS

    claims = [make_claim(article=make_article(), value=30) for _ in range(FACT_LIST_CLAIMS + 3)]
    claims_check(claim_ids=[c.pk for c in claims])

    [listed] = api.get(URL).json()["results"]
    whole = api.get(f"{URL}{listed['key']}/").json()

    assert listed["claim_count"] == FACT_LIST_CLAIMS + 3
    assert [c["id"] for c in listed["claims"]] == [c.pk for c in claims[:FACT_LIST_CLAIMS]]
    assert [c["id"] for c in whole["claims"]] == [c.pk for c in claims]
