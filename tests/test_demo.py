"""README's first command loads sample data and prints a reviewer login and an API key that work."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from claims.models import Article

pytestmark = pytest.mark.django_db


def test_the_demo_prints_a_reviewer_login_and_a_working_api_key(capsys, django_user_model, client):
    call_command("load_demo")
    out = capsys.readouterr().out

    password = re.search(r"password '([^']+)'", out).group(1)
    key = re.search(r"API key:\s+(\S+)", out).group(1)
    reviewer = django_user_model.objects.get(username="reviewer")
    assert not reviewer.is_superuser
    assert reviewer.has_perm("claims.give_verdict") and reviewer.has_perm("claims.correct_claim")
    assert client.post("/admin/login/", {"username": "reviewer", "password": password}).status_code == 302
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Api-Key {key}")
    assert api.get("/api/v1/articles/").status_code == 200
    assert Article.objects.count() == 3
