"""One story told by several outlets in several languages, through the real worker on Redis."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from claims.models import Article, Claim, Fact, Finding
from tests.conftest import wait_for

pytestmark = pytest.mark.services

URL = "/api/v1/articles/"
ENGLISH = {
    "text": (
        "Orvane buys into Kelpie Systems\n"
        "The Danish shipping group Orvane has bought a 30% stake in Kelpie Systems, a Norwegian maker of marine "
        "sensors. Kelpie Systems employs about 800 people."
    ),
    "source_name": "Harbour Ledger",
    "url": "https://harbour-ledger.example/kelpie",
    "published": "2025-05-12",
}
# The same article, syndicated by another outlet under a new headline: not an independent source.
SYNDICATED = {
    **ENGLISH,
    "text": ENGLISH["text"].replace("Orvane buys into Kelpie Systems", "Shipping group takes Kelpie stake"),
    "source_name": "Coastal Daily",
    "url": "https://coastal-daily.example/wire/kelpie",
}
GERMAN = {
    "text": (
        "Orvane steigt bei Kelpie Systems ein\n"
        "Die dänische Reederei Orvane hat eine 30%-Beteiligung an Kelpie Systems erworben."
    ),
    "source_name": "Rheinischer Kurier",
    "published": "2025-05-13",
}
FRENCH = {
    "text": (
        "Orvane entre au capital de Kelpie Systems\n"
        "Le groupe danois Orvane a acquis une participation de 35 % dans Kelpie Systems, fabricant norvégien "
        "de capteurs marins."
    ),
    "source_name": "Le Courrier du Port",
    "published": "2025-05-14",
}


def all_checked(ids: list[int]) -> bool:
    if Article.objects.filter(pk__in=ids).exclude(state="done").exists():
        return False
    return not Claim.objects.filter(article_id__in=ids, status="pending").exists()


def stake(article_id: int) -> Claim:
    return Claim.objects.get(article_id=article_id, predicate="stake")


def test_a_story_in_three_languages_then_a_verdict(celery_worker, api, user):
    # given the English report and a syndicated copy of it
    ids = [api.post(URL, body, format="json").json()["id"] for body in (ENGLISH, SYNDICATED)]
    wait_for(lambda: all_checked(ids))
    en, copy = stake(ids[0]), stake(ids[1])
    # the copy agrees, but is not an independent source
    assert (en.value, copy.value) == (30, 30)
    assert Finding.objects.get(claim=copy, other_claim=en).independent is False
    assert {en.status, copy.status} == {"unconfirmed"}

    # when a German and a French outlet report the stake, the French one with another figure
    ids += [api.post(URL, body, format="json").json()["id"] for body in (GERMAN, FRENCH)]
    wait_for(lambda: all_checked(ids))

    de, fr = stake(ids[2]), stake(ids[3])
    # "nothing pending" can come before the French claim's own check: the German one's
    # already settles its status; wait for the French check to have compared all three.
    wait_for(lambda: Finding.objects.filter(claim=fr, kind="conflict").count() == 3)
    assert (de.subject.name, de.object.name, de.value) == ("Orvane", "Kelpie Systems", 30)
    assert (fr.subject.name, fr.object.name, fr.value) == ("Orvane", "Kelpie Systems", 35)
    assert len({en.fact_key, copy.fact_key, de.fact_key, fr.fact_key}) == 1
    assert Finding.objects.get(claim=de, other_claim=en, kind="agreement").independent is True
    assert Finding.objects.filter(claim=fr, kind="conflict").count() == 3
    statuses = {c.pk: c.status for c in Claim.objects.filter(predicate="stake")}
    assert set(statuses.values()) == {"conflicting"}
    fact = Fact.objects.get(key=en.fact_key)
    assert (fact.consensus_value, fact.basis, fact.languages) == (30, "sources", ["de", "en", "fr"])
    assert (fact.sources_agreeing, fact.sources_disagreeing) == (2, 1)  # the copy counts with its original

    # then a reviewer verifies the English figure, and the worker re-checks the others against it
    user.groups.add(Group.objects.get(name="reviewers"))
    api.force_authenticate(type(user).objects.get(pk=user.pk))
    en.refresh_from_db()
    verdict = api.post(
        f"/api/v1/claims/{en.pk}/verdict/",
        {"verdict": "verified", "note": "filing", "expected_version": en.status_version},
        format="json",
    )
    assert verdict.status_code == 200

    def rechecked() -> bool:
        return Claim.objects.get(pk=fr.pk).status == "contradicted"

    wait_for(rechecked)
    assert Claim.objects.get(pk=de.pk).status == "supported"
    assert Claim.objects.get(pk=copy.pk).status == "supported"
    fact.refresh_from_db()
    assert (fact.consensus_value, fact.basis, fact.verified_claim_id) == (30, "verified", en.pk)
    facts = api.get("/api/v1/facts/", {"predicate": "stake"}).json()["results"]
    assert [(f["consensus_value"], f["basis"], f["claim_count"]) for f in facts] == [(30.0, "verified", 4)]
