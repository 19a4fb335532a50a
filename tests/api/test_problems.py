"""Every error of the API is RFC 9457 problem details in JSON, never Django's HTML and never a 500.

Each case here was a 500 or an HTML page before: a body nested 1,000 deep, ids that are
not ASCII digits or do not fit a bigint, an over-long parameter, unknown routes, a body
over the upload limit, a bad Host, a POST without the trailing slash.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client

from claims.models import Article

URL = "/api/v1/articles/"
VALID = {"text": "Orvane reported revenue of 12 million euros in 2024.", "source_name": "Test Wire"}
PROBLEM = "application/problem+json"

pytestmark = pytest.mark.django_db


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert body["title"]
    assert "Traceback" not in response.content.decode()
    return body


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [17, 1_000, 100_000])
def test_a_deeply_nested_body_is_a_400_not_a_recursion_error(api, depth):
    body = json.dumps({**VALID, "language": "en"})[:-1] + ', "x": ' + nested(depth) + "}"

    response = api.generic("POST", URL, body, content_type="application/json")

    problem = assert_problem(response, 400)
    assert "levels deep" in problem["errors"]["body"][0]
    assert Article.objects.count() == 0


def test_nesting_within_the_limit_is_judged_by_the_fields(api):
    response = api.generic("POST", URL, json.dumps({**VALID, "text": [[["x"]]]}), content_type="application/json")

    assert_problem(response, 400)
    assert "text" in response.json()["errors"]


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-Infinity"])
def test_non_json_numbers_are_refused(api, bad):
    response = api.generic("POST", URL, '{"text": ' + bad + ', "source_name": "x"}', content_type="application/json")

    assert_problem(response, 400)


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/claims/?article=²", "article"),
        ("/api/v1/claims/?article=99999999999999999999999", "article"),
        ("/api/v1/claims/?article=0", "article"),
        ("/api/v1/claims/?article=-1", "article"),
        ("/api/v1/claims/?article=١٢", "article"),  # Arabic-Indic digits
        ("/api/v1/webhooks/deliveries/?endpoint=²", "endpoint"),
        ("/api/v1/webhooks/deliveries/?endpoint=99999999999999999999999", "endpoint"),
    ],
)
def test_ids_that_are_not_bigints_are_a_400_naming_the_parameter(api, url, field):
    problem = assert_problem(api.get(url), 400)

    assert field in problem["errors"]


def test_the_largest_bigint_id_is_a_valid_filter(api):
    response = api.get(f"/api/v1/claims/?article={2**63 - 1}")

    assert response.status_code == 200
    assert response.json()["results"] == []


@pytest.mark.parametrize("path", ["/api/v1/facts/", "/api/v1/claims/", "/api/v1/articles/"])
def test_an_over_long_parameter_is_a_400(api, path):
    problem = assert_problem(api.get(path, {"subject": "x" * 50_001}), 400)

    assert "limit is 1,000" in problem["errors"]["subject"][0]


def test_a_parameter_given_twice_is_a_400(api):
    problem = assert_problem(api.get("/api/v1/claims/?status=pending&status=verified"), 400)

    assert problem["errors"] == {"status": ["Give this parameter once."]}


@pytest.mark.parametrize("path", ["/api/v1/nothing-here/", "/api/v2/", "/nowhere", "/api/v1/claims/abc/"])
def test_unknown_routes_are_a_json_404(api, path):
    assert_problem(api.get(path), 404)


def test_an_unknown_claim_is_a_json_404(api):
    problem = assert_problem(api.get("/api/v1/claims/123456/"), 404)

    assert problem["code"] == "not_found"


def test_a_method_not_allowed_is_a_json_405(api):
    problem = assert_problem(api.delete("/api/v1/claims/"), 405)

    assert "DELETE" in problem["detail"]


def test_without_credentials_the_api_answers_a_json_401_with_the_scheme():
    response = Client().get("/api/v1/claims/")

    problem = assert_problem(response, 401)
    assert response["WWW-Authenticate"] == "Api-Key"
    assert problem["code"] == "not_authenticated"


def test_a_body_over_the_upload_limit_is_a_json_413(api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000

    response = api.generic("POST", URL, json.dumps({**VALID, "text": "x" * 5_000}), content_type="application/json")

    assert_problem(response, 413)
    assert Article.objects.count() == 0


def test_a_bad_host_is_a_json_400():
    response = Client(HTTP_HOST="evil.example").get("/api/v1/claims/")

    problem = assert_problem(response, 400)
    assert problem["code"] == "bad_host"


def test_an_unhandled_error_is_a_json_500_without_internals(api, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr("claims.api.views.claim_rows", broken)
    api.raise_request_exception = False

    response = api.get("/api/v1/claims/")

    problem = assert_problem(response, 500)
    assert "secret internal detail" not in response.content.decode()
    assert problem["code"] == "server_error"


def test_a_post_without_the_trailing_slash_reaches_the_endpoint_with_its_body(api):
    response = api.post("/api/v1/articles", VALID, format="json")

    assert response.status_code == 202
    assert Article.objects.get().source_name == "Test Wire"


def test_a_get_without_the_trailing_slash_is_served_not_redirected(api):
    assert api.get("/api/v1/claims").status_code == 200


def test_a_validation_problem_names_every_field_and_summarises_them(api):
    response = api.post(URL, {"text": " ", "source_name": "", "colour": "red"}, format="json")

    problem = assert_problem(response, 400)
    assert set(problem["errors"]) == {"colour"}  # unknown fields are refused first, by name
    assert problem["detail"].startswith("colour: Unknown field")


def test_the_admin_keeps_its_html_pages(admin_client):
    response = admin_client.get("/admin/claims/claim/999999/change/", follow=True)

    assert response.status_code == 200  # Django's admin redirects to the list with a message
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/claims/99999999999999999999999/",
        "/api/v1/articles/99999999999999999999999/",
        "/api/v1/claims/²/",
        "/api/v1/articles/-1/",
        "/api/v1/claims/99999999999999999999999/claimreview/",
    ],
)
def test_an_id_in_the_path_out_of_range_is_a_json_404(api, path):
    assert_problem(api.get(path), 404)
