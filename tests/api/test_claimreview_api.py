"""ClaimReview JSON-LD over the API: one claim's review and the feed of every review."""

from __future__ import annotations

import pytest

from claims.services.reviews import claim_set_verdict

pytestmark = pytest.mark.django_db


def test_a_verified_claim_is_served_as_claimreview_json_ld(api, make_claim, admin_user):
    claim = make_claim()
    claim_set_verdict(claim=claim, reviewer=admin_user, verdict="verified", note="checked the filing")

    response = api.get(f"/api/v1/claims/{claim.pk}/claimreview/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    review = response.json()
    assert (review["@context"], review["@type"]) == ("https://schema.org", "ClaimReview")
    for field in ("claimReviewed", "reviewRating", "url", "author", "datePublished", "itemReviewed"):
        assert review[field], field
    assert review["reviewRating"]["alternateName"] == "True"


def test_an_unreviewed_claim_has_no_claimreview(api, make_claim):
    response = api.get(f"/api/v1/claims/{make_claim().pk}/claimreview/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_the_feed_lists_verified_and_refuted_claims_only(api, make_article, make_claim, admin_user):
    verified, refuted, _open = (make_claim(article=make_article(), value=10 + i) for i in range(3))
    claim_set_verdict(claim=verified, reviewer=admin_user, verdict="verified", note="")
    claim_set_verdict(claim=refuted, reviewer=admin_user, verdict="refuted", note="the filing says otherwise")

    response = api.get("/api/v1/claimreviews/")

    assert response.status_code == 200
    ratings = sorted(r["reviewRating"]["alternateName"] for r in response.json()["results"])
    assert ratings == ["False", "True"]
    urls = {r["url"] for r in response.json()["results"]}
    assert urls == {f"http://127.0.0.1:8000/api/v1/claims/{c.pk}/" for c in (verified, refuted)}
