from __future__ import annotations

import json

import pytest

from claims.models import Article, Claim, Entity

URL = "/api/v1/articles/"
VALID = {
    "text": "Orvane holds a 30% stake in Kelpie Systems.",
    "source_name": "Test Wire",
    "url": "https://wire.example/a",
    "published": "2025-03-01",
    "language": "en",
}


def assert_nothing_stored():
    assert Article.objects.count() == 0
    assert Claim.objects.count() == 0
    assert Entity.objects.count() == 0


@pytest.mark.django_db
def test_submit_answers_202_with_id_and_queued_state(api):
    response = api.post(URL, VALID, format="json")

    assert response.status_code == 202
    article = Article.objects.get()
    assert response.json() == {
        "id": article.pk,
        "state": "queued",
        "language": "en",
        "source_name": "Test Wire",
        "created_at": response.json()["created_at"],
    }
    assert article.text == VALID["text"]
    assert str(article.published) == "2025-03-01"


@pytest.mark.django_db
def test_resubmitting_the_same_text_returns_the_stored_article(api):
    first = api.post(URL, VALID, format="json").json()

    again = api.post(URL, {**VALID, "source_name": "Other Wire"}, format="json")

    assert again.status_code == 200
    assert again.json()["id"] == first["id"]
    assert again.json()["source_name"] == "Test Wire"
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_submit_needs_authentication(client):
    response = client.post(URL, VALID, content_type="application/json")

    assert response.status_code in (401, 403)
    assert_nothing_stored()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({**VALID, "text": ""}, "text", "may not be blank"),
        ({**VALID, "text": "  \n\t "}, "text", "empty or only whitespace"),
        ({**VALID, "text": "x" * 200_001}, "text", "the limit is 200,000 bytes"),
        ({**VALID, "text": "ü" * 100_001}, "text", "200,002 bytes long"),
        ({**VALID, "published": "14/06/2025"}, "published", "Date has wrong format"),
        ({**VALID, "published": "2025-02-30"}, "published", "Date has wrong format"),
        ({**VALID, "language": "sv"}, "language", '"sv" is not a supported language'),
        ({**VALID, "url": "not a url"}, "url", "valid URL"),
        ({k: v for k, v in VALID.items() if k != "text"}, "text", "required"),
        ({k: v for k, v in VALID.items() if k != "source_name"}, "source_name", "required"),
        ({**VALID, "sourcename": "x"}, "sourcename", "Unknown field"),
        ({**VALID, "text": 42}, "text", "Not a valid string"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(api, body, field, message):
    response = api.post(URL, body, format="json")

    assert response.status_code == 400
    assert message in " ".join(response.json()["errors"][field])
    assert_nothing_stored()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("raw", "content_type", "message", "status"),
    [
        ('{"text": "Orvane", ', "application/json", "not valid JSON", 400),
        ("text=Orvane&source_name=x", "application/x-www-form-urlencoded", "must be JSON", 415),
    ],
)
def test_a_body_that_is_not_json_is_refused(api, raw, content_type, message, status):
    response = api.generic("POST", URL, raw, content_type=content_type)

    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert message in response.json()["errors"]["body"][0]
    assert_nothing_stored()


@pytest.mark.django_db
def test_an_empty_body_names_the_missing_fields(api):
    response = api.generic("POST", URL, "", content_type="application/json")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"] == {
        "text": ["This field is required."],
        "source_name": ["This field is required."],
    }
    assert_nothing_stored()


@pytest.mark.django_db
def test_a_json_body_that_is_not_an_object_is_a_400(api):
    response = api.generic("POST", URL, json.dumps(["text"]), content_type="application/json")

    assert response.status_code == 400
    assert "Expected a dictionary" in response.json()["errors"]["body"][0]
    assert_nothing_stored()


@pytest.mark.django_db
def test_article_detail_shows_state_and_claims(api, make_claim, django_assert_num_queries):
    claim = make_claim()
    other = make_claim(
        article=claim.article,
        predicate="employees",
        subject="Kelpie Systems",
        object=None,
        value=1200,
        unit="count",
        span=(0, 20),
    )

    with django_assert_num_queries(4):  # the article, its sightings, its claims with their relations, their findings
        response = api.get(f"{URL}{claim.article_id}/")

    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "done"
    assert [c["id"] for c in body["claims"]] == [claim.pk, other.pk]
    assert body["claims"][0] | {"created_at": None, "fact_key": None, "text": None} == {
        "id": claim.pk,
        "article": claim.article_id,
        "language": "en",
        "predicate": "stake",
        "subject": "Orvane",
        "object": "Kelpie Systems",
        "value": 30.0,
        "unit": "%",
        "period": None,
        "time": None,
        "role": None,
        "qualifier": "exact",
        "modality": "asserted",
        "confidence": None,
        "text": None,
        "span": [0, 10],
        "fact_key": None,
        "status": "pending",
        "status_version": 0,
        "needs_review": False,
        "findings": [],
        "created_at": None,
    }


@pytest.mark.django_db
def test_unknown_article_is_a_404(api):
    assert api.get(f"{URL}999999/").status_code == 404
