"""The staff area in a real browser: sign in with the keyboard, edit both languages, publish."""

from __future__ import annotations

import pytest

from heard.consultations.models import Consultation
from tests.e2e.axe import axe_violations
from tests.factories import ConsultationFactory, MembershipFactory, ScheduleItemFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"


@pytest.fixture
def draft():
    consultation = ConsultationFactory(
        title_en="Draft on rail safety", is_published=False, published_at=None, why_fr=""
    )
    ScheduleItemFactory(consultation=consultation)
    MembershipFactory(consultation=consultation, user=UserFactory(username="lead"), role="lead")
    return consultation


def _sign_in_with_keyboard(page, base, language="en"):
    page.goto(f"{base}/{language}/staff/")
    assert "/staff/login/" in page.url
    for _ in range(10):  # Tab until the username field: it must be reachable by keyboard
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.name") == "username":
            break
    else:
        pytest.fail("the username field cannot be reached with Tab")
    page.keyboard.type("lead")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/{language}/staff/")


def test_lead_signs_in_by_keyboard_fixes_french_and_publishes(
    page, live_server, draft, outside_requests
):
    base = live_server.url
    _sign_in_with_keyboard(page, base)
    assert axe_violations(page) == []
    page.get_by_role("link", name="Draft on rail safety").click()
    assert axe_violations(page) == []

    page.get_by_role("button", name="Publish").click()
    refusal = page.get_by_role("alert")
    assert "Publishing refused" in refusal.inner_text()
    assert "why we are consulting (French)" in refusal.inner_text()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Edit page content").click()
    french = page.get_by_label("why we are consulting (French)")
    french.wait_for()  # the form's page has arrived: axe must not run mid-navigation
    assert axe_violations(page) == []
    french.fill("Parce que cela compte.")
    page.get_by_role("button", name="Save").click()
    assert "Changes saved." in page.get_by_role("status").inner_text()

    page.get_by_role("button", name="Publish").click()
    assert "Published. The page is now public." in page.get_by_role("status").inner_text()
    assert Consultation.objects.get(pk=draft.pk).is_published

    page.get_by_role("navigation", name="This consultation").get_by_role(
        "link", name="Preview"
    ).click()
    assert "Preview: this is how the page will look to the public." in page.content()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Back to the staff area").click()
    for name in ["Registry", "Sessions", "Team", "Outbox", "History"]:
        page.get_by_role("navigation", name="This consultation").get_by_role(
            "link", name=name
        ).click()
        assert axe_violations(page) == [], name
    assert "consultation.published" in page.content()
    assert outside_requests == []


def test_french_staff_forms_show_errors_accessibly(page, live_server, draft):
    base = live_server.url
    _sign_in_with_keyboard(page, base, "fr")
    page.goto(f"{base}/fr/staff/consultations/{draft.pk}/schedule/new/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Enregistrer").click()
    summary = page.get_by_role("alert")
    assert "Il y a un problème" in summary.inner_text()
    assert axe_violations(page) == []
    # Each error in the summary links to its field.
    summary.get_by_role("link").first.click()
    assert page.evaluate("() => document.activeElement.tagName") in {"INPUT", "SELECT", "TEXTAREA"}


def test_sign_in_page_has_no_violations(page, live_server):
    for language in ("en", "fr"):
        page.goto(f"{live_server.url}/{language}/staff/login/")
        assert axe_violations(page) == []
        # The click posts the form: scan the page it answers with, not one half replaced.
        with page.expect_navigation():
            page.get_by_role("button").last.click()
        assert axe_violations(page) == []
