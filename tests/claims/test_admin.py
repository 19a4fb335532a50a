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

    response = staff_client.post(
        CHANGELIST,
        {"action": "mark_verified", "_selected_action": [claim.pk], f"version-{claim.pk}": claim.status_version},
        follow=True,
    )

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


@pytest.mark.django_db
def test_the_claims_list_shows_confidence_and_marks_low_confidence(staff_client, make_claim):
    make_claim(confidence=0.8, subject="Sure")
    doubtful = make_claim(confidence=0.3, subject="Doubtful")
    Claim.objects.filter(pk=doubtful.pk).update(needs_review=True)

    for query in ({}, {"queue": "review"}):
        page = staff_client.get(CHANGELIST, query).content.decode()

        low = page[page.index('<td class="field-confidence_level">30% <span') :]
        assert low.index(">low</span>") < low.index("</td>")
        assert page.count(">low</span>") == 1
    assert '<td class="field-confidence_level">80%</td>' in staff_client.get(CHANGELIST).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("band", "expected"),
    [("high", {0.8, 0.95}), ("medium", {0.5, 0.79}), ("low", {0.0, 0.49}), ("unknown", {None})],
)
def test_the_confidence_band_filter(staff_client, make_claim, band, expected):
    claims = {c: make_claim(confidence=c, subject=f"Holder {c}") for c in (0.0, 0.49, 0.5, 0.79, 0.8, 0.95, None)}

    response = staff_client.get(CHANGELIST, {"confidence": band})

    assert response.status_code == 200
    assert {c.confidence for c in response.context["cl"].result_list} == expected
    page = response.content.decode()
    for confidence, claim in claims.items():
        assert (f"{CHANGELIST}{claim.pk}/change/" in page) == (confidence in expected), confidence


@pytest.mark.django_db
def test_the_change_page_shows_the_confidence_read_only(staff_client, make_claim):
    claim = make_claim(confidence=0.42)

    response = staff_client.get(f"{CHANGELIST}{claim.pk}/change/")

    page = response.content.decode()
    assert "confidence_level" in page
    assert "42%" in page
    assert ">low</span>" in page
    assert 'name="confidence"' not in page
    assert "confidence" not in response.context["adminform"].form.fields
