"""The whole flow on the real services: PostgreSQL, Redis and a Celery worker."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

import factcheck
from claims.models import Article, Claim, Finding, StatusChange
from claims.services.articles import articles_requeue_stalled
from tests.conftest import wait_for

pytestmark = pytest.mark.services

URL = "/api/v1/articles/"
ENGLISH = {
    "text": "Tessaline buys into Brightwave Robotics\nThe chipmaker Tessaline has acquired a 35% stake in "
    "Brightwave Robotics, a maker of warehouse robots.",
    "source_name": "Harbour Ledger",
    "url": "https://harbour-ledger.example/brightwave",
    "published": "2025-05-12",
}
GERMAN = {
    "text": "Tessaline steigt bei Brightwave Robotics ein\nDer Chiphersteller Tessaline hat eine "
    "40%-Beteiligung an Brightwave Robotics erworben.",
    "source_name": "Rheinischer Kurier",
    "published": "2025-05-13",
}


def checked(article_ids) -> bool:
    articles = Article.objects.filter(pk__in=article_ids)
    if any(a.state not in ("done", "failed") for a in articles):
        return False
    return not Claim.objects.filter(article_id__in=article_ids, status="pending").exists()


def test_two_languages_same_fact_different_figures_conflict(celery_worker, api):
    # given two articles, in English and German, about the same stake with different figures
    en = api.post(URL, ENGLISH, format="json")
    de = api.post(URL, GERMAN, format="json")
    assert (en.status_code, de.status_code) == (202, 202)
    assert en.json()["state"] == de.json()["state"] == "queued"

    # when the worker on Redis has processed them
    ids = [en.json()["id"], de.json()["id"]]
    wait_for(lambda: checked(ids))

    # then each has its stake claim, of one fact, conflicting with the other
    a = Claim.objects.get(article_id=ids[0], predicate="stake")
    b = Claim.objects.get(article_id=ids[1], predicate="stake")
    assert (a.subject.name, a.object.name, a.value, a.unit) == ("Tessaline", "Brightwave Robotics", 35, "%")
    assert (b.subject.name, b.object.name, b.value, b.unit) == ("Tessaline", "Brightwave Robotics", 40, "%")
    assert a.fact_key == b.fact_key
    assert Article.objects.get(pk=ids[0]).language == "en"
    assert Article.objects.get(pk=ids[1]).language == "de"
    assert Finding.objects.filter(claim=b, other_claim=a, kind="conflict").exists()
    assert Finding.objects.filter(claim=a, other_claim=b, kind="conflict").exists()
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.status == b.status == "conflicting"
    assert StatusChange.objects.filter(claim=b, to_status="conflicting", actor_system="checks").exists()

    # and the API shows it
    detail = api.get(f"{URL}{ids[1]}/").json()
    assert detail["state"] == "done"
    assert [c["status"] for c in detail["claims"] if c["predicate"] == "stake"] == ["conflicting"]

    # resubmitting the German text returns the same article
    again = api.post(URL, GERMAN, format="json")
    assert again.status_code == 200
    assert again.json()["id"] == ids[1]
    assert Article.objects.count() == 2


def test_a_failing_article_does_not_stop_the_worker(celery_worker, api, monkeypatch):
    real_extract = factcheck.extract

    def extract(text, **kwargs):
        if "explodes" in text:
            raise ValueError("cannot read this article")
        return real_extract(text, **kwargs)

    monkeypatch.setattr(factcheck, "extract", extract)

    bad = api.post(URL, {"text": "This article explodes the extractor.", "source_name": "X"}, format="json")
    good = api.post(URL, ENGLISH, format="json")
    ids = [bad.json()["id"], good.json()["id"]]
    wait_for(lambda: checked(ids))

    failed = Article.objects.get(pk=ids[0])
    assert (failed.state, failed.error) == ("failed", "ValueError: cannot read this article")
    assert Article.objects.get(pk=ids[1]).state == "done"
    assert Claim.objects.filter(article_id=ids[1], predicate="stake").exists()


def test_articles_whose_dispatch_was_lost_are_swept_up(celery_worker, make_article):
    # given articles stuck as if their message had been lost, or their worker had died
    lost = make_article(ENGLISH["text"], state=Article.State.QUEUED, language="")
    dead = make_article(GERMAN["text"], state=Article.State.PROCESSING, language="")
    fresh = make_article("Queued a moment ago.", state=Article.State.QUEUED, language="")
    long_ago = timezone.now() - timedelta(minutes=30)
    Article.objects.filter(pk__in=[lost.pk, dead.pk]).update(updated_at=long_ago)

    # when the sweeper runs
    requeued = articles_requeue_stalled()

    # then the stalled ones are processed by the worker, and the fresh one is left to its own dispatch
    assert sorted(requeued) == sorted([lost.pk, dead.pk])
    wait_for(lambda: checked([lost.pk, dead.pk]))
    assert Claim.objects.filter(article=lost, predicate="stake").exists()
    assert Claim.objects.filter(article=dead, predicate="stake").exists()
    fresh.refresh_from_db()
    assert fresh.state == "queued"
