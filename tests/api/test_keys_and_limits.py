"""API keys (hashed, revocable, scoped), throttling with Retry-After, and the admin login lockout."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from claims.models import ApiKey, Article
from claims.services.api_keys import BadScopes, api_key_create, api_key_revoke

pytestmark = pytest.mark.django_db

VALID = {"text": "Orvane reported revenue of 12 million euros in 2024.", "source_name": "Test Wire"}


@pytest.fixture(autouse=True)
def fresh_counts():
    # Throttle counts live in the cache, which outlives a test's database transaction.
    cache.clear()
    yield
    cache.clear()


def client_with(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {key}")
    return client


def test_a_key_is_stored_hashed_and_acts_as_its_owner(user):
    key, raw = api_key_create(owner=user, name="bot", scopes=["read", "submit"])

    assert raw not in key.hashed_key and raw not in key.pk
    response = client_with(raw).post("/api/v1/articles/", VALID, format="json")

    assert response.status_code == 202
    assert Article.objects.get().submitted_by == user


def test_the_key_also_works_in_the_x_api_key_header(user):
    _, raw = api_key_create(owner=user, name="bot", scopes=["read"])

    assert APIClient().get("/api/v1/claims/", HTTP_X_API_KEY=raw).status_code == 200


@pytest.mark.parametrize(
    ("scopes", "method", "path", "allowed"),
    [
        (["read"], "get", "/api/v1/claims/", True),
        (["read"], "get", "/api/v1/facts/", True),
        (["read"], "post", "/api/v1/articles/", False),
        (["submit"], "post", "/api/v1/articles/", True),
        (["submit"], "get", "/api/v1/claims/", False),
        (["read"], "get", "/api/v1/webhooks/endpoints/", False),
        (["webhooks"], "get", "/api/v1/webhooks/endpoints/", True),
        (["webhooks"], "get", "/api/v1/webhooks/deliveries/", True),
    ],
)
def test_a_key_may_do_only_what_its_scopes_allow(user, scopes, method, path, allowed):
    _, raw = api_key_create(owner=user, name="bot", scopes=scopes)
    body = VALID if path.endswith("articles/") else {"verdict": "verified"}

    response = getattr(client_with(raw), method)(path, body if method == "post" else None, format="json")

    if allowed:
        assert response.status_code in (200, 202)
    else:
        assert response.status_code == 403
        assert response["Content-Type"] == "application/problem+json"
        assert "scope" in response.json()["detail"]


def test_a_review_key_of_a_staff_user_gives_verdicts(admin_user, make_claim):
    claim = make_claim()
    _, raw = api_key_create(owner=admin_user, name="desk", scopes=["read", "review"])

    response = client_with(raw).post(
        f"/api/v1/claims/{claim.pk}/verdict/", {"verdict": "verified", "expected_version": 0}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["status"] == "verified"


def test_a_staff_users_key_without_the_review_scope_gives_no_verdict(admin_user, make_claim):
    claim = make_claim()
    _, raw = api_key_create(owner=admin_user, name="reader", scopes=["read", "submit"])

    response = client_with(raw).post(
        f"/api/v1/claims/{claim.pk}/verdict/", {"verdict": "verified", "expected_version": 0}, format="json"
    )

    assert response.status_code == 403
    assert 'lacks the "review" scope' in response.json()["detail"]
    claim.refresh_from_db()
    assert claim.status_version == 0


def test_a_revoked_key_is_refused_at_once(user):
    key, raw = api_key_create(owner=user, name="bot", scopes=["read"])
    assert client_with(raw).get("/api/v1/claims/").status_code == 200

    api_key_revoke(key=key)
    response = client_with(raw).get("/api/v1/claims/")

    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]


def test_an_expired_key_is_refused(user):
    _, raw = api_key_create(owner=user, name="bot", scopes=["read"], expires=timezone.now() - timedelta(days=1))

    response = client_with(raw).get("/api/v1/claims/")

    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


@pytest.mark.parametrize("header", ["Api-Key nope", "Api-Key abc.def", "Api-Key " + "x" * 500])
def test_a_wrong_key_is_a_401_not_a_500(header):
    response = APIClient().get("/api/v1/claims/", HTTP_AUTHORIZATION=header)

    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_a_key_of_an_inactive_user_is_refused(user):
    _, raw = api_key_create(owner=user, name="bot", scopes=["read"])
    user.is_active = False
    user.save()

    assert client_with(raw).get("/api/v1/claims/").status_code == 401


def test_unknown_scopes_are_refused(user):
    with pytest.raises(BadScopes, match="admin"):
        api_key_create(owner=user, name="bot", scopes=["read", "admin"])
    with pytest.raises(BadScopes, match="No scope"):
        api_key_create(owner=user, name="bot", scopes=[])


def test_the_command_prints_a_working_key(user, capsys):
    call_command("create_api_key", user.username, "--scopes", "read")
    raw = capsys.readouterr().out.strip()

    assert client_with(raw).get("/api/v1/claims/").status_code == 200
    assert ApiKey.objects.get().scopes == ["read"]


def test_the_session_of_a_logged_in_person_still_works(user):
    client = APIClient()
    client.force_login(user)

    assert client.get("/api/v1/claims/").status_code == 200


# --- Throttling -------------------------------------------------------------------


def test_a_client_over_its_budget_gets_a_429_with_retry_after(user, settings):
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "client": "3/min"}
    _, raw = api_key_create(owner=user, name="bot", scopes=["read"])
    client = client_with(raw)

    statuses = [client.get("/api/v1/claims/").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v1/claims/")
    assert response["Content-Type"] == "application/problem+json"
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json()["code"] == "throttled"


def test_each_key_has_its_own_budget(user, settings):
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "client": "2/min"}
    first = client_with(api_key_create(owner=user, name="a", scopes=["read"])[1])
    second = client_with(api_key_create(owner=user, name="b", scopes=["read"])[1])

    assert [first.get("/api/v1/claims/").status_code for _ in range(3)] == [200, 200, 429]
    assert second.get("/api/v1/claims/").status_code == 200


def test_many_keys_from_one_address_share_the_address_budget(user, settings):
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "address": "3/min"}
    clients = [client_with(api_key_create(owner=user, name=str(i), scopes=["read"])[1]) for i in range(4)]

    statuses = [c.get("/api/v1/claims/").status_code for c in clients]

    assert statuses == [200, 200, 200, 429]


def test_a_spoofed_forwarded_for_header_does_not_escape_the_address_budget(user, settings):
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "address": "2/min"}
    client = client_with(api_key_create(owner=user, name="a", scopes=["read"])[1])

    statuses = [client.get("/api/v1/claims/", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}").status_code for i in range(3)]

    assert statuses == [200, 200, 429]


def test_submissions_have_their_own_lower_budget(user, settings):
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "submit": "2/min"}
    client = client_with(api_key_create(owner=user, name="a", scopes=["read", "submit"])[1])

    statuses = [
        client.post("/api/v1/articles/", {**VALID, "text": f"Orvane made {i} sales."}, format="json").status_code
        for i in range(3)
    ]

    assert statuses == [202, 202, 429]
    assert client.get("/api/v1/claims/").status_code == 200  # reading is not held back
    assert Article.objects.count() == 2


def test_anonymous_callers_have_the_strictest_budget(settings):
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "anon": "2/min"}
    client = Client()

    statuses = [client.get("/api/schema/").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


# --- Admin login lockout (django-axes) --------------------------------------------


def test_the_admin_login_locks_out_after_repeated_failures(admin_user, settings):
    settings.AXES_FAILURE_LIMIT = 5
    client = Client()
    statuses = [
        client.post("/admin/login/", {"username": admin_user.username, "password": "wrong"}).status_code
        for _ in range(5)
    ]
    # The form again, with its error, then the fifth failure locks the account out from this address.
    assert statuses == [200, 200, 200, 200, 429]

    locked = client.post("/admin/login/", {"username": admin_user.username, "password": "password"})

    assert locked.status_code == 429
    # The right password does not get in while locked out.
    assert "_auth_user_id" not in client.session


def test_a_successful_login_before_the_limit_resets_the_count(admin_user, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    for _ in range(2):
        client.post("/admin/login/", {"username": admin_user.username, "password": "wrong"})

    ok = client.post("/admin/login/", {"username": admin_user.username, "password": "password"})

    assert ok.status_code == 302
    assert "_auth_user_id" in client.session
