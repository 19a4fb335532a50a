"""The reviewer's language: our labels, statuses, findings and messages in de, fr, es, it, pt and nl.

The catalogues must be complete, compiled from what is committed, and in step with the
source (every string marked for translation is in them); every language's labels show.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import translation

from claims.models import Claim

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "claims" / "locale"
LANGUAGES = ["de", "fr", "es", "it", "pt", "nl"]
DJANGO_ADMIN = [sys.executable, str(Path(sys.executable).with_name("django-admin"))]


def catalogue(language: str):
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as f:
        return read_po(f)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language):
    missing = [m.id for m in catalogue(language) if m.id and (not m.string or m.fuzzy)]

    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_is_the_committed_one(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.mo", "rb") as f:
        compiled = {m.id: m.string for m in read_mo(f) if m.id}

    assert compiled == {m.id: m.string for m in catalogue(language) if m.id}


def test_the_catalogues_hold_every_string_the_source_marks(tmp_path):
    # Extract again from a copy of the app, as makemessages does, and compare the message ids.
    copy = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", copy, ignore=shutil.ignore_patterns("__pycache__", "migrations"))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_ENV": "test"}
    subprocess.run(
        # django-admin, not "python -m django": with the app folder as the current directory, -m would put it
        # first on the path, and claims/selectors.py would shadow the standard library's selectors.
        [*DJANGO_ADMIN, "makemessages", "-l", "de", "--no-obsolete", "--ignore", "migrations/*"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    with open(copy / "locale" / "de" / "LC_MESSAGES" / "django.po", "rb") as f:
        extracted = {m.id for m in read_po(f) if m.id}

    assert extracted == {m.id for m in catalogue("de") if m.id}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_admin_speaks_the_reviewers_language(language, django_user_model, make_claim):
    claim = make_claim()
    rita = django_user_model.objects.create_user(username="rita", password="a-long-test-password", is_staff=True)
    rita.groups.add(Group.objects.get(name="reviewers"))
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(rita)

    queue = client.get("/admin/claims/reviewqueue/").content.decode()
    page = client.get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()

    with translation.override(language):
        ours = [
            translation.gettext("Review queue"),
            translation.gettext("Decide"),
            str(Claim.Status("pending").label),
            translation.gettext("Take this claim (15 minutes)"),
        ]
        django_own = translation.gettext("Log out")
    with translation.override("en"):
        assert translation.gettext("Decide") == "Decide"
    assert f'lang="{language}"' in queue
    assert ours[0] in queue
    assert all(text in page for text in ours[1:]), ours
    assert ours[1] != "Decide" and django_own != "Log out"
    assert django_own in page


@pytest.mark.django_db
def test_the_language_switcher_changes_the_language(django_user_model):
    user = django_user_model.objects.create_user(username="rita", password="a-long-test-password", is_staff=True)
    client = Client()
    client.force_login(user)

    client.post("/i18n/setlang/", {"language": "fr", "next": "/admin/"})
    page = client.get("/admin/").content.decode()

    assert 'lang="fr"' in page
    assert 'class="language-switcher"' in page
