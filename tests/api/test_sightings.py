"""The same text sent by another outlet is another sighting of one article, never someone else's attribution."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from claims.models import Article, Sighting
from claims.tasks import process_article

pytestmark = pytest.mark.django_db

URL = "/api/v1/articles/"
TEXT = "Orvane reported revenue of 12 million euros in 2024, its chief executive said on Monday."


@pytest.fixture
def other(django_user_model) -> APIClient:
    client = APIClient()
    client.force_authenticate(django_user_model.objects.create_user(username="bo", password="another-long-password"))
    return client


def submit(client, source_name, url="", published=None):
    body = {"text": TEXT, "source_name": source_name, "url": url}
    if published:
        body["published"] = published
    return client.post(URL, body, format="json")


def test_a_second_outlet_gets_its_own_attribution_back(api, other):
    first = submit(api, "Harbour Ledger", "https://harbour-ledger.example/a", "2025-03-01")
    second = submit(other, "Rheinblatt", "https://rheinblatt.example/b", "2025-03-02")

    assert (first.status_code, second.status_code) == (202, 200)
    body = second.json()
    assert (body["source_name"], body["url"], body["published"]) == (
        "Rheinblatt",
        "https://rheinblatt.example/b",
        "2025-03-02",
    )
    assert "Harbour Ledger" not in {body["source_name"]}
    assert Article.objects.count() == 1


def test_every_sighting_is_recorded_and_listed_without_who_sent_it(api, other, user):
    submit(api, "Harbour Ledger", "https://harbour-ledger.example/a")
    submit(other, "Rheinblatt", "https://rheinblatt.example/b")
    article = Article.objects.get()

    sightings = list(Sighting.objects.filter(article=article).order_by("pk"))
    assert [(s.outlet, s.submitted_by.username) for s in sightings] == [
        ("harbour-ledger.example", user.username),
        ("rheinblatt.example", "bo"),
    ]
    shown = other.get(f"{URL}{article.pk}/").json()["sightings"]
    assert [(s["outlet"], s["mine"]) for s in shown] == [
        ("harbour-ledger.example", False),
        ("rheinblatt.example", True),
    ]
    assert all("submitted_by" not in s for s in shown)


def test_the_first_submitter_keeps_their_attribution(api, other):
    submit(api, "Harbour Ledger", "https://harbour-ledger.example/a")
    submit(other, "Rheinblatt", "https://rheinblatt.example/b")
    article = Article.objects.get()

    mine = api.get(f"{URL}{article.pk}/").json()

    assert (mine["source_name"], mine["url"]) == ("Harbour Ledger", "https://harbour-ledger.example/a")


def test_sending_the_same_text_again_as_the_same_outlet_is_not_a_new_sighting(api):
    submit(api, "Harbour Ledger", "https://harbour-ledger.example/a")
    submit(api, "Harbour Ledger", "https://harbour-ledger.example/a")

    assert Sighting.objects.count() == 1


def test_resubmitting_a_failed_text_queues_it_again(api, django_capture_on_commit_callbacks):
    submit(api, "Harbour Ledger")
    article = Article.objects.get()
    Article.objects.filter(pk=article.pk).update(state=Article.State.FAILED, error="OperationalError: locked")

    with django_capture_on_commit_callbacks() as dispatched:
        response = submit(api, "Harbour Ledger")

    assert response.status_code == 200
    article.refresh_from_db()
    assert (article.state, article.error) == ("queued", "")
    assert len(dispatched) == 1  # its extraction is queued once the request commits
    process_article.apply(args=[article.pk])
    article.refresh_from_db()
    assert article.state == Article.State.DONE


def test_the_articles_list_is_served_and_filtered(api, other):
    submit(api, "Harbour Ledger")
    other.post(URL, {"text": TEXT + " More.", "source_name": "Rheinblatt"}, format="json")

    everything = api.get(URL).json()["results"]
    mine = api.get(URL + "?mine=true").json()["results"]

    assert len(everything) == 2
    assert [a["source_name"] for a in mine] == ["Harbour Ledger"]
    assert "text" not in everything[0] and "claims" not in everything[0]
