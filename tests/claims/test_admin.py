from __future__ import annotations

import pytest

from claims.models import Claim, StatusChange
from claims.services.checks import claims_check

CHANGELIST = "/admin/claims/claim/"


@pytest.fixture
def staff_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser(username="root", password="a-long-password-1")
    client.force_login(admin)
    return client


@pytest.mark.django_db
def test_every_model_has_a_working_admin_list(staff_client, make_claim):
    claims_check(claim_ids=[make_claim().pk, make_claim(value=40).pk])

    for path in (
        "claims/article",
        "claims/claim",
        "claims/entity",
        "claims/finding",
        "claims/statuschange",
        "claims/fact",
        "webhooks/event",
    ):
        assert staff_client.get(f"/admin/{path}/").status_code == 200, path


@pytest.mark.django_db
def test_the_change_page_highlights_the_sentence_and_shows_the_fact_elsewhere(staff_client, make_article, make_claim):
    text = "Orvane buys into Kelpie. Orvane now holds 30% of Kelpie Systems. Shares rose."
    start = text.index("Orvane now")
    end = text.index(" Shares")
    claim = make_claim(article=make_article(text), span=(start, end))
    other = make_claim(article=make_article(source_name="Rheinischer Kurier", language="de"), value=40)

    page = staff_client.get(f"{CHANGELIST}{claim.pk}/change/").content.decode()

    assert "<mark>Orvane now holds 30% of Kelpie Systems.</mark>" in page
    assert "Rheinischer Kurier" in page
    assert f">#{other.pk}<" in page


@pytest.mark.django_db
def test_a_verdict_action_records_the_reviewer(staff_client, make_claim):
    claim = make_claim()

    response = staff_client.post(CHANGELIST, {"action": "mark_verified", "_selected_action": [claim.pk]}, follow=True)

    assert response.status_code == 200
    assert "1 claim(s) marked verified" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == "verified"
    assert StatusChange.objects.get(claim=claim).actor == "root"


@pytest.mark.django_db
def test_the_review_queue_filter(staff_client, make_claim):
    flagged = make_claim(value=140, subject="Odd")
    calm = make_claim(value=30, subject="Calm", object="Calm Target")
    claims_check(claim_ids=[flagged.pk, calm.pk])

    page = staff_client.get(CHANGELIST, {"queue": "review"}).content.decode()

    assert f"{CHANGELIST}{flagged.pk}/change/" in page
    assert f"{CHANGELIST}{calm.pk}/change/" not in page
    assert Claim.objects.needing_review().count() == 1
