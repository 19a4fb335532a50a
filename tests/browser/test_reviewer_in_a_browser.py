"""A reviewer in a real browser (Debian's chromium, headless, driven by Playwright).

Logs in with a German browser, opens the queue, opens a conflicting claim, sees the
highlighted sentence and the other outlet's value, verifies it with a note and sees the
new status and its history; a second browser that still shows the old page is refused.
Screenshots of each step are saved under .test-output/browser/.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from claims.models import Claim, StatusChange
from claims.services.checks import claims_check

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are not async code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / ".test-output" / "browser"
PASSWORD = "a-long-test-password"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: .ci/services installs Debian's chromium")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield browser
        browser.close()


def reviewer(django_user_model, name: str):
    user = django_user_model.objects.create_user(username=name, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="reviewers"))
    return user


def log_in(browser, live_server, name: str):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", name)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def test_a_reviewer_decides_a_conflicting_claim_in_german(
    chromium, live_server, django_user_model, make_article, make_claim
):
    text = "Tessaline meldet Zahlen. Tessaline hält 35 % an Brightwave Robotics. Die Aktie stieg."
    start, end = text.index("Tessaline hält"), text.index(" Die Aktie")
    ours = make_claim(
        article=make_article(text, source_name="Rheinischer Kurier", language="de"),
        subject="Tessaline",
        object="Brightwave Robotics",
        value=35,
        span=(start, end),
    )
    theirs = make_claim(
        article=make_article(source_name="Harbour Ledger", language="en"),
        subject="Tessaline",
        object="Brightwave Robotics",
        value=40,
    )
    claims_check(claim_ids=[ours.pk, theirs.pk])
    assert Claim.objects.get(pk=ours.pk).status == "conflicting"
    reviewer(django_user_model, "rita")
    reviewer(django_user_model, "ines")

    rita = log_in(chromium, live_server, "rita")
    assert rita.locator("html").get_attribute("lang") == "de"
    rita.screenshot(path=SHOTS / "1-index.png")

    rita.goto(f"{live_server.url}/admin/claims/reviewqueue/")
    rita.screenshot(path=SHOTS / "2-queue.png", full_page=True)
    # Every column of the queue is on a 1280 px screen, nothing scrolled off to the right.
    assert rita.evaluate("document.querySelector('#result_list').getBoundingClientRect().right") <= 1280
    assert rita.evaluate("document.documentElement.scrollWidth") <= 1280
    rita.click(f"a[href$='/admin/claims/claim/{ours.pk}/change/']")
    assert rita.inner_text("mark") == "Tessaline hält 35 % an Brightwave Robotics."
    assert "Harbour Ledger" in rita.inner_text("body")
    rita.screenshot(path=SHOTS / "3-claim.png", full_page=True)

    # A second reviewer has the same claim open, before the verdict.
    ines = log_in(chromium, live_server, "ines")
    ines.goto(f"{live_server.url}/admin/claims/claim/{ours.pk}/change/")

    rita.fill("#verdict-note", "Geschäftsbericht S. 4")
    rita.uncheck("input[name=then]")
    rita.click("button.verdict-verified")
    rita.wait_for_selector(".messagelist .success")
    rita.screenshot(path=SHOTS / "4-verified.png", full_page=True)
    assert Claim.objects.get(pk=ours.pk).status == "verified"
    assert "Geschäftsbericht S. 4" in rita.inner_text("body")  # the history row with the note
    history = StatusChange.objects.filter(claim=ours).latest("status_version")
    assert (history.to_status, history.actor, history.reason) == ("verified", "rita", "Geschäftsbericht S. 4")

    ines.click("button.verdict-unverifiable")
    ines.wait_for_selector(".messagelist .error")
    ines.screenshot(path=SHOTS / "5-stale-refused.png", full_page=True)
    assert Claim.objects.get(pk=ours.pk).status == "verified"
    assert StatusChange.objects.filter(claim=ours, to_status="unverifiable").count() == 0
