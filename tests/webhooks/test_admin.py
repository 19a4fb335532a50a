from __future__ import annotations

import pytest

from claims.webhooks.models import Delivery
from claims.webhooks.services import delivery_attempt, events_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed(make_endpoint, receiver):
    endpoint = make_endpoint()
    events_publish(events=[("claim.status_changed", {"claim_id": i}) for i in range(3)])
    receiver.respond((500, {}, b"<script>alert(1)</script>"))
    delivery_attempt(delivery_id=Delivery.objects.order_by("pk").first().pk)
    Delivery.objects.update(state="failed", next_attempt_at=None)
    return endpoint


def test_staff_list_failed_deliveries_and_replay_them(admin_client, failed, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        page = admin_client.get("/admin/webhooks/delivery/?state__exact=failed")
    assert page.status_code == 200
    assert page.content.decode().count('name="_selected_action"') == 3

    response = admin_client.post(
        "/admin/webhooks/delivery/",
        {"action": "replay_deliveries", "_selected_action": list(Delivery.objects.values_list("pk", flat=True))},
        follow=True,
    )

    assert response.status_code == 200
    assert "3 deliveries queued again." in response.content.decode()
    assert set(Delivery.objects.values_list("state", "attempt_count")) == {("pending", 0)}


def test_a_delivery_page_shows_attempts_escaped(admin_client, failed):
    delivery = Delivery.objects.order_by("pk").first()
    page = admin_client.get(f"/admin/webhooks/delivery/{delivery.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html


def test_the_endpoint_page_never_shows_a_secret(admin_client, failed):
    page = admin_client.get(f"/admin/webhooks/endpoint/{failed.pk}/change/")
    assert page.status_code == 200
    assert failed.secret not in page.content.decode()
    assert admin_client.get("/admin/webhooks/endpoint/").status_code == 200


def test_staff_disable_and_enable_endpoints(admin_client, failed, monkeypatch):
    from django.core import mail

    monkeypatch.setattr("django.db.transaction.on_commit", lambda fn, *a, **k: fn())
    failed.owner.email = "ana@example.org"
    failed.owner.save()

    admin_client.post("/admin/webhooks/endpoint/", {"action": "disable_endpoints", "_selected_action": [failed.pk]})
    failed.refresh_from_db()
    assert failed.state == "disabled" and failed.disabled_reason == "disabled by staff (admin)"
    assert mail.outbox[0].to == ["ana@example.org"]

    admin_client.post("/admin/webhooks/endpoint/", {"action": "enable_endpoints", "_selected_action": [failed.pk]})
    failed.refresh_from_db()
    assert (failed.state, failed.disabled_at, failed.disabled_reason) == ("active", None, "")


@pytest.mark.django_db
def test_deliveries_show_their_payload_have_one_state_filter_and_cannot_be_deleted(
    admin_client, make_endpoint, make_claim
):
    from claims.webhooks.models import Delivery, Event
    from claims.webhooks.services import events_publish

    make_endpoint(event_types=("claim.created",))
    events_publish(events=[("claim.created", {"claim_id": 7, "note": "<script>alert(1)</script>"})])
    delivery = Delivery.objects.get()

    page = admin_client.get(f"/admin/webhooks/delivery/{delivery.pk}/change/").content.decode()
    listing = admin_client.get("/admin/webhooks/delivery/").content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    assert "&quot;claim_id&quot;: 7" in page
    assert listing.count("By state") == 1
    assert admin_client.post(f"/admin/webhooks/delivery/{delivery.pk}/delete/", {"post": "yes"}).status_code == 403
    event = Event.objects.get()
    assert admin_client.post(f"/admin/webhooks/event/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Delivery.objects.count() == Event.objects.count() == 1
