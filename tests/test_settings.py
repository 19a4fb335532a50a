"""Production-safe settings: each case starts the service's settings in a fresh process, as a deployment would."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = secrets.token_urlsafe(50)
PRODUCTION = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": STRONG_KEY,
    "DJANGO_ALLOWED_HOSTS": "factcheck.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
    "CELERY_BROKER_URL": "",
}
PRINT_SETTINGS = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'debug': s.DEBUG, 'renderers': s.REST_FRAMEWORK['DEFAULT_RENDERER_CLASSES'], "
    "'hsts': s.SECURE_HSTS_SECONDS, 'secure_cookies': [s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE], "
    "'ssl_redirect': s.SECURE_SSL_REDIRECT, 'csp': 'csp.middleware.CSPMiddleware' in s.MIDDLEWARE}))"
)


def run(env: dict, *args: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "CELERY_"))}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_of(env: dict) -> dict:
    result = run(env, "-c", PRINT_SETTINGS)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_deployment_check_is_clean_with_production_settings():
    result = run(PRODUCTION, "manage.py", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_is_https_only_with_hsts_secure_cookies_csp_and_json_only():
    shown = settings_of(PRODUCTION)

    assert shown["debug"] is False
    assert shown["renderers"] == ["rest_framework.renderers.JSONRenderer"]
    assert shown["hsts"] >= 31_536_000
    assert shown["secure_cookies"] == [True, True]
    assert shown["ssl_redirect"] is True
    assert shown["csp"] is True


def test_debug_is_off_by_default_even_in_development():
    shown = settings_of({"DJANGO_ENV": "development", "DJANGO_SECRET_KEY": STRONG_KEY})

    assert shown["debug"] is False
    assert "rest_framework.renderers.BrowsableAPIRenderer" in shown["renderers"]


def test_debug_can_only_be_turned_on_in_development():
    assert settings_of({"DJANGO_ENV": "development", "DJANGO_SECRET_KEY": STRONG_KEY, "DJANGO_DEBUG": "1"})["debug"]

    refused = run({**PRODUCTION, "DJANGO_DEBUG": "1"}, "-c", PRINT_SETTINGS)

    assert refused.returncode != 0
    assert "DJANGO_DEBUG=1 is only allowed with DJANGO_ENV=development" in refused.stderr


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        ("abc", "too weak"),
        ("a" * 60, "too weak"),
        ("insecure-development-key-not-for-production-1234567890abcdef", "development key"),
        ("django-insecure-" + "x1y2z3" * 10, "development key"),
    ],
)
def test_a_weak_or_default_secret_key_refuses_to_start_in_production(key, reason):
    result = run({**PRODUCTION, "DJANGO_SECRET_KEY": key}, "manage.py", "check")

    assert result.returncode != 0
    assert f"DJANGO_SECRET_KEY is {reason}" in result.stderr or reason in result.stderr


def test_production_needs_a_secret_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}

    result = run(env, "manage.py", "check")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr


def test_the_embedded_default_makes_its_own_secret_key_once(tmp_path):
    code = "from config.env import local_secret_key as k; import sys; print(k(sys.argv[1]))"
    first = run({}, "-c", code, str(tmp_path / "key"))
    second = run({}, "-c", code, str(tmp_path / "key"))

    assert first.stdout == second.stdout and len(first.stdout.strip()) >= 50
    assert (tmp_path / "key").stat().st_mode & 0o777 == 0o600


def test_responses_carry_the_security_headers(client):
    response = client.get("/admin/login/")

    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_stored_claims_threshold_is_the_engines_unless_set():
    from factcheck.confidence import MIN_CONFIDENCE

    code = "import django; django.setup(); from django.conf import settings as s; print(s.FACTCHECK_MIN_CONFIDENCE)"
    env = {"DJANGO_ENV": "development", "DJANGO_SECRET_KEY": STRONG_KEY}
    default = run(env, "-c", code)
    assert default.returncode == 0, default.stderr
    assert float(default.stdout.strip().splitlines()[-1]) == MIN_CONFIDENCE > 0
    every = run({**env, "FACTCHECK_MIN_CONFIDENCE": "0"}, "-c", code)
    assert float(every.stdout.strip().splitlines()[-1]) == 0.0
