from __future__ import annotations

from datetime import date

import pytest

import factcheck
from claims.models import Article, Claim, Entity
from claims.services.articles import _store_extraction, article_process, article_submit
from factcheck.claim import Claim as Found
from factcheck.claim import Extraction

EN = "Tessaline holds a 35% stake in Brightwave Robotics, the company said on Monday."


@pytest.mark.django_db
def test_processing_stores_the_claims_of_an_article(user):
    article, created = article_submit(text=EN, source_name="Test Wire", published=date(2025, 5, 12), submitted_by=user)
    assert created

    claim_ids = article_process(article_id=article.pk)

    article.refresh_from_db()
    assert (article.state, article.language, article.error) == ("done", "en", "")
    claim = Claim.objects.get(pk__in=claim_ids, predicate="stake")
    assert (claim.subject.name, claim.object.name, claim.value, claim.unit) == (
        "Tessaline",
        "Brightwave Robotics",
        35,
        "%",
    )
    assert EN[claim.span_start : claim.span_end] == claim.text
    assert claim.status == "pending"
    assert Entity.objects.get(name="Tessaline").aliases.filter(name="Tessaline").exists()


@pytest.mark.django_db
def test_processing_twice_stores_nothing_twice(user):
    article, _ = article_submit(text=EN, source_name="Test Wire", submitted_by=user)
    first = article_process(article_id=article.pk)
    stored = Claim.objects.count()

    # A redelivered task finds the article done: it does nothing.
    assert article_process(article_id=article.pk) == []
    # Even forced through again (a crash after the commit), no claim is stored twice.
    Article.objects.filter(pk=article.pk).update(state=Article.State.QUEUED)
    assert sorted(article_process(article_id=article.pk)) == sorted(first)
    assert Claim.objects.count() == stored > 0
    assert Entity.objects.filter(name="Tessaline").count() == 1


@pytest.mark.django_db
def test_known_entities_are_reused_across_articles(user):
    one, _ = article_submit(text=EN, source_name="A", submitted_by=user)
    two, _ = article_submit(
        text="Tessaline hält 40 Prozent an Brightwave Robotics.", source_name="B", submitted_by=user
    )

    article_process(article_id=one.pk)
    article_process(article_id=two.pk)

    a = Claim.objects.get(article=one, predicate="stake")
    b = Claim.objects.get(article=two, predicate="stake")
    assert a.fact_key == b.fact_key
    assert Entity.objects.filter(name__in=["Tessaline", "Brightwave Robotics"]).count() == 2


@pytest.mark.django_db
def test_an_extraction_that_raises_fails_the_article_with_its_error(user, monkeypatch):
    def broken(text, **kwargs):
        raise RuntimeError("tokenizer exploded")

    monkeypatch.setattr(factcheck, "extract", broken)
    article, _ = article_submit(text=EN, source_name="Test Wire", submitted_by=user)

    assert article_process(article_id=article.pk) == []

    article.refresh_from_db()
    assert article.state == "failed"
    assert article.error == "RuntimeError: tokenizer exploded"
    assert not Claim.objects.exists()


@pytest.mark.django_db
def test_the_registry_is_fetched_for_the_names_a_text_can_hold(user, django_assert_num_queries):
    from claims.models import EntityAlias
    from claims.services.entities import entity_registry_names

    # given a registry of 3,000 entities, one of them known by a longer alias
    Entity.objects.bulk_create([Entity(name=f"Filler {k}", kind="organisation") for k in range(3000)])
    EntityAlias.objects.bulk_create(
        [EntityAlias(entity=e, name=e.name, normalized=e.name.casefold()) for e in Entity.objects.all()]
    )
    tidewell = Entity.objects.create(name="Tidewell", kind="organisation")
    EntityAlias.objects.create(entity=tidewell, name="Tidewell Marine Holdings")
    text = "Tidewell Marine Holdings employs 4,100 people, Filler 17 said."

    # when
    with django_assert_num_queries(1):
        names = entity_registry_names(text=text)

    # then only the aliases the text spells come back, and the claim is the registered entity's
    assert names == {"Tidewell Marine Holdings": "Tidewell", "Filler 17": "Filler 17"}
    article, _ = article_submit(text=text, source_name="Test Wire", submitted_by=user)
    [claim_id] = article_process(article_id=article.pk)
    claim = Claim.objects.get(pk=claim_id)
    assert (claim.predicate, claim.subject_id, claim.value) == ("employees", tidewell.pk, 4100)


@pytest.mark.django_db
def test_processing_stores_the_engines_confidence_with_each_claim(user):
    text = EN + " Brightwave Robotics employs about 1,200 people."
    # given: what the engine itself finds in the text (the registry is empty, as for the service)
    found = factcheck.extract(text, published=date(2025, 5, 12), lang=None, entities={})
    assert found.claims
    article, _ = article_submit(text=text, source_name="Test Wire", published=date(2025, 5, 12), submitted_by=user)

    # when
    claim_ids = article_process(article_id=article.pk)

    # then: every claim keeps the engine's confidence (a number in [0, 1], or None while the engine gives none)
    stored = {(c.predicate, c.span_start, c.span_end): c.confidence for c in Claim.objects.filter(pk__in=claim_ids)}
    engine = {(c.predicate, *c.span): c.confidence for c in [*found.claims, *found.incomplete]}
    assert stored == engine
    for confidence in stored.values():
        assert confidence is None or (isinstance(confidence, float) and 0 <= confidence <= 1)


def _found(**fields) -> Found:
    return Found(
        **{
            "predicate": "stake",
            "subject": "Orvane",
            "object": "Kelpie Systems",
            "value": 30,
            "unit": "%",
            "text": "Orvane holds 30% of Kelpie Systems.",
            "span": (0, 35),
            **fields,
        }
    )


@pytest.mark.django_db
def test_storing_an_extraction_keeps_the_confidence_of_claims_and_incomplete_claims(make_article):
    article = make_article(state="processing")
    extraction = Extraction(
        lang="en",
        claims=[
            _found(confidence=0.8),
            _found(predicate="employees", object=None, value=1200, unit="count", span=(36, 70)),
        ],
        incomplete=[_found(value=None, unit=None, span=(71, 90), confidence=0.35)],
        entities={"Orvane": "organisation", "Kelpie Systems": "organisation"},
    )

    _store_extraction(article, extraction)

    assert sorted(Claim.objects.values_list("span_start", "predicate", "value", "confidence")) == [
        (0, "stake", 30.0, 0.8),
        (36, "employees", 1200.0, None),
        (71, "stake", None, 0.35),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("confidence", [1.5, -0.1, float("nan"), "high"])
def test_a_confidence_outside_the_contract_fails_the_extraction_and_stores_nothing(make_article, confidence):
    # Not left to the database: SQLite's INSERT OR IGNORE would drop the row without a word.
    article = make_article(state="processing")
    extraction = Extraction(lang="en", claims=[_found(confidence=0.9), _found(span=(40, 60), confidence=confidence)])

    with pytest.raises(ValueError, match=r"confidence of .*the contract allows a number in \[0, 1\] or none"):
        _store_extraction(article, extraction)

    assert not Claim.objects.exists()
    article.refresh_from_db()
    assert article.state == "processing"
