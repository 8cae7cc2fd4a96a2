"""The staff area in a real browser: sign in with the keyboard, edit both languages, publish."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

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
    # The click returns once the request is sent; let the locator wait for the new page.
    expect(
        page.get_by_text("Preview: this is how the page will look to the public.")
    ).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Back to the staff area").click()
    for name in ["Registry", "Sessions", "Team", "Outbox", "History"]:
        link = page.get_by_role("navigation", name="This consultation").get_by_role(
            "link", name=name
        )
        address = link.get_attribute("href")
        link.click()
        page.wait_for_url(f"**{address}")
        assert axe_violations(page) == [], name
    expect(page.get_by_text("consultation.published").first).to_be_visible()
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


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_sign_in_throttle_behind_a_proxy_pauses_one_client_not_everyone(
    browser, live_server, settings, language
):
    """Behind a trusted proxy (the live server's own address here), each browser is told apart
    by the X-Forwarded-For the proxy adds: one guessing a password is paused, another is not."""
    import ipaddress

    from heard.core import signin

    settings.HEARD_TRUSTED_PROXY_NETWORKS = [ipaddress.ip_network("127.0.0.1")]
    UserFactory(username="lead")
    locked = {
        "en": "Too many failed attempts. Wait 15 minutes, then try again.",
        "fr": "Trop de tentatives infructueuses. Attendez 15 minutes, puis réessayez.",
    }[language]
    guesser = browser.new_context(extra_http_headers={"X-Forwarded-For": "198.51.100.7"})
    other = browser.new_context(extra_http_headers={"X-Forwarded-For": "198.51.100.8"})
    try:
        page = guesser.new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{live_server.url}/{language}/staff/login/")
        for _ in range(signin.FAILURES_PER_CLIENT_ACCOUNT + 1):
            page.locator('[name="username"]').fill("lead")
            page.locator('[name="password"]').fill("wrong guess")
            with page.expect_navigation():
                page.locator('[name="password"]').press("Enter")
        assert locked in page.locator("main").inner_text()
        assert axe_violations(page) == []
        mine = other.new_page()
        mine.set_default_timeout(20_000)
        mine.goto(f"{live_server.url}/{language}/staff/login/")
        mine.locator('[name="username"]').fill("lead")
        mine.locator('[name="password"]').fill(PASSWORD)
        with mine.expect_navigation():
            mine.locator('[name="password"]').press("Enter")
        assert mine.url.endswith(f"/{language}/staff/")
    finally:
        guesser.close()
        other.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_forgotten_password_is_reset_by_email_and_then_changed(
    browser, live_server, settings, smtp_server, language
):
    """The reset email goes out through the outbox to a real SMTP server on loopback; its link
    sets a new password; signed in, the person changes it again from the staff area."""
    from heard.notify.delivery import deliver_due

    settings.HEARD_PUBLIC_URL = live_server.url
    UserFactory(username="lead", email="lead@example.org")
    first, second = "violet lantern orbits quietly", "amber kettle drifts north"
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(f"{live_server.url}/{language}/staff/login/")
        with page.expect_navigation():
            page.locator('a[href$="/staff/password/reset/"]').click()
        assert axe_violations(page) == []
        page.locator('[name="email"]').fill("lead@example.org")
        with page.expect_navigation():
            page.locator('[name="email"]').press("Enter")
        assert page.url.endswith(f"/{language}/staff/password/reset/sent/")
        assert axe_violations(page) == []
        assert deliver_due(batch=10).handled == 1
        [sent] = smtp_server.recorder.messages
        text = sent.get_payload(decode=True).decode() if not sent.is_multipart() else ""
        link = next(word for word in text.split() if "/staff/password/reset/" in word)
        assert link.startswith(f"{live_server.url}/{language}/")
        page.goto(link)
        assert page.url.endswith("/set-password/")  # the token has left the address bar
        assert axe_violations(page) == []
        page.locator('[name="new_password1"]').fill(first)
        page.locator('[name="new_password2"]').fill(first)
        with page.expect_navigation():
            page.locator('[name="new_password2"]').press("Enter")
        assert page.url.endswith(f"/{language}/staff/login/")
        page.locator('[name="username"]').fill("lead")
        page.locator('[name="password"]').fill(first)
        with page.expect_navigation():
            page.locator('[name="password"]').press("Enter")
        assert page.url.endswith(f"/{language}/staff/")
        with page.expect_navigation():
            page.locator('a[href$="/staff/password/"]').click()
        assert axe_violations(page) == []
        page.locator('[name="old_password"]').fill(first)
        page.locator('[name="new_password1"]').fill(second)
        page.locator('[name="new_password2"]').fill(second)
        with page.expect_navigation():
            page.locator('[name="new_password2"]').press("Enter")
        assert page.url.endswith(f"/{language}/staff/")
        changed = (
            "Your password was changed." if language == "en" else "Votre mot de passe a été changé."
        )
        assert changed in page.locator("main").inner_text()
    finally:
        context.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_export_of_the_registry_asks_for_the_password_again(
    browser, live_server, settings, language
):
    """With the last check too old (signed in an hour ago), the export link leads to the confirm
    page; the right password sends the file."""
    import time

    from django.test import Client

    from heard.core.reauth import CHECKED_AT

    consultation = ConsultationFactory()
    lead = UserFactory(username="lead")
    MembershipFactory(consultation=consultation, user=lead, role="lead")
    signed_in = Client()
    signed_in.force_login(lead)
    session = signed_in.session
    session[CHECKED_AT] = int(time.time()) - 3600
    session.save()
    context = browser.new_context()
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": signed_in.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(f"{live_server.url}/{language}/staff/consultations/{consultation.pk}/registry/")
        with page.expect_navigation():
            page.locator('a[href$="/registry/export.csv"]').click()
        assert "/staff/confirm/" in page.url
        assert axe_violations(page) == []
        page.locator('[name="password"]').fill("not my password")
        with page.expect_navigation():
            page.locator('[name="password"]').press("Enter")
        wrong = (
            "This is not your password." if language == "en" else "Ce n’est pas votre mot de passe."
        )
        assert wrong in page.locator("main").inner_text()
        assert axe_violations(page) == []
        page.locator('[name="password"]').fill(PASSWORD)
        with page.expect_download() as download:
            page.locator('[name="password"]').press("Enter")
        assert download.value.suggested_filename.endswith("-registry.csv")
    finally:
        context.close()


@pytest.mark.parametrize(("language", "script"), [("en", True), ("fr", True), ("fr", False)])
def test_a_lead_erases_a_person_from_the_privacy_page_by_keyboard(
    browser, live_server, draft, language, script
):
    """Find the privacy page, see the retention schedule, type the address, see what will go,
    and erase: with the keyboard alone, with and without JavaScript."""
    from heard.core.crypto import blind_index
    from heard.core.models import AuditEvent
    from heard.stakeholders.models import Person

    for name, email in (("Sam Lavoie", "sam.lavoie@example.org"), ("Kim Roy", "kim@example.org")):
        Person.objects.create(
            consultation=draft, name=name, email=email, email_index=blind_index(email)
        )
    context = browser.new_context(java_script_enabled=script)
    page = context.new_page()
    page.set_default_timeout(20_000)
    words = {
        "en": ("Privacy", "Retention schedule", "Erase this person?", "Erased."),
        "fr": (
            "Confidentialité",
            "Calendrier de conservation",
            "Effacer cette personne?",
            "Effacement fait.",
        ),
    }[language]
    try:
        _sign_in_with_keyboard(page, live_server.url, language)
        page.goto(f"{live_server.url}/{language}/staff/consultations/{draft.pk}/")
        with page.expect_navigation():
            page.get_by_role("link", name=words[0], exact=True).click()
        assert words[1] in page.locator("main").inner_text()
        if script:
            assert axe_violations(page) == []
        page.locator('[name="email"]').fill("Sam.Lavoie@example.org")
        with page.expect_navigation():
            page.locator('[name="email"]').press("Enter")
        assert words[2] in page.locator("h1").inner_text()
        if script:
            assert axe_violations(page) == []
        assert Person.objects.count() == 2  # nothing yet
        button = page.locator("button.danger")
        for _ in range(40):  # Tab to the erase button: reachable by keyboard
            page.keyboard.press("Tab")
            if button.evaluate("b => b === document.activeElement"):
                break
        else:
            pytest.fail("the erase button cannot be reached with Tab")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert words[3] in page.locator("main").inner_text()
        if script:
            assert axe_violations(page) == []
        assert list(Person.objects.values_list("name", flat=True)) == ["Kim Roy"]
        assert AuditEvent.objects.filter(action="person.erased").count() == 1
        assert "sam.lavoie" not in page.url.casefold()
    finally:
        context.close()
