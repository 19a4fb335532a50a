"""Names and other text fields of any length never fail an article (it used to fail with a DataError)."""

from __future__ import annotations

import pytest

import claims.services.articles as articles
from claims.models import Article, Claim, Entity
from claims.services.articles import article_submit, fit_name, outlet_of
from factcheck.claim import Claim as FoundClaim
from factcheck.claim import Extraction

pytestmark = pytest.mark.django_db

LONG = " ".join(["Orvane Holding International Logistics and Shipping Company"] * 6)  # 359 characters


def test_a_name_over_200_characters_is_kept_cut_and_the_article_is_done(monkeypatch):
    article, _ = article_submit(text="Orvane reported revenue of 12 million euros.", source_name="Wire")
    found = [
        FoundClaim("revenue", LONG, value=12e6, unit="EUR", text="Orvane reported", span=(0, 15)),
        FoundClaim("revenue", "Orvane", value=12e6, unit="E" * 40, text="Orvane reported", span=(0, 15)),
        FoundClaim("employees", "Orvane", value=100, unit="count", text="Orvane reported", span=(0, 15)),
    ]
    monkeypatch.setattr(
        articles.factcheck,
        "extract",
        lambda *a, **k: Extraction(lang="en", claims=found, entities={LONG: "organisation", "Orvane": "organisation"}),
    )

    articles.article_process(article_id=article.pk)

    article.refresh_from_db()
    assert (article.state, article.error) == ("done", "")
    long_entity = Entity.objects.get(name=fit_name(LONG))
    assert len(long_entity.name) <= 200 and long_entity.name.endswith("…")
    # The claim with a unit no column can hold is left out; the others are stored.
    assert sorted(Claim.objects.values_list("predicate", "subject__name")) == [
        ("employees", "Orvane"),
        ("revenue", long_entity.name),
    ]


def test_a_host_longer_than_the_outlet_column_is_cut():
    host = ".".join(["a" * 60] * 4) + ".example"  # 253 characters
    assert len(outlet_of(f"https://{host}/x", "Wire")) == 200


def test_an_article_from_a_253_character_host_is_stored(api):
    host = ".".join(["b" * 60] * 4) + ".org"
    response = api.post(
        "/api/v1/articles/",
        {"text": "Orvane made 3 sales.", "source_name": "Wire", "url": f"https://{host}/a"},
        format="json",
    )

    assert response.status_code == 202
    assert len(Article.objects.get().outlet) == 200
