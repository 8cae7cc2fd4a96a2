"""Error pages and the end of sessions in a real browser, in English and in French: the site's own
404, 403 and refused-form pages pass the accessibility scan; a personal link's session does not
survive closing the browser; an idle one warns first, then ends on a page saying what to do."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone

from heard.core.crypto import blind_index
from heard.notify.models import Message
from heard.questionnaires import services
from heard.stakeholders.models import Person
from tests.e2e.axe import axe_violations
from tests.factories import MembershipFactory, UserFactory
from tests.questionnaires.builders import xlsx
from tests.questionnaires.test_respondent import CHOICES, SURVEY

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"
TEXTS = {
    "en": {
        "404": "Page not found",
        "403": "Not allowed",
        "refused": "Only a consultation lead can do this.",
        "csrf": "The form could not be sent",
        "start": "Start the questionnaire",
        "ended": "Your session has ended",
        "saved": "Nothing you sent is lost.",
        "open_again": "To continue, open the personal link in your email again.",
        "warning": "this page closes after 1 minute without activity",
        "keep": "Keep the page open",
        "not_valid": "This link does not open the questionnaire",
        "signed_out": "You were signed out after 60 minutes without activity.",
    },
    "fr": {
        "404": "Page introuvable",
        "403": "Action non permise",
        "refused": "Seul un responsable de la consultation peut faire cela.",
        "csrf": "Le formulaire n'a pas pu être envoyé",
        "start": "Commencer le questionnaire",
        "ended": "Votre session a pris fin",
        "saved": "Rien de ce que vous avez envoyé n'est perdu.",
        "open_again": "Pour continuer, ouvrez de nouveau le lien personnel reçu par courriel.",
        "warning": "cette page se ferme après 1 minute d'inactivité",
        "keep": "Garder la page ouverte",
        "not_valid": "Ce lien ne permet pas d’ouvrir le questionnaire",
        "signed_out": "Vous avez été déconnecté après 60 minutes d'inactivité.",
    },
}


@pytest.fixture
def links(live_server, settings, consultation, lead):
    """A questionnaire open now; `make(language)` sends a personal link to a new person."""
    settings.HEARD_PUBLIC_URL = live_server.url
    questionnaire = services.create_questionnaire(
        actor=lead,
        consultation=consultation,
        title_en="Questionnaire",
        title_fr="Questionnaire",
        privacy_notice_en="Why we ask.",
        privacy_notice_fr="Pourquoi nous demandons.",
        opens_at=timezone.now() - timedelta(days=1),
        closes_at=timezone.now() + timedelta(days=9),
    )
    services.upload_form(
        actor=lead, questionnaire=questionnaire, data=xlsx(SURVEY, CHOICES), filename="f.xlsx"
    )

    def make(language: str) -> str:
        email = f"respondent-{language}-{Person.objects.count()}@example.org"
        person = Person.objects.create(
            consultation=consultation,
            name="Ada Example",
            email=email,
            email_index=blind_index(email),
            language=language,
        )
        services.invite(actor=None, questionnaire=questionnaire, people=[person])
        message = Message.objects.filter(kind="questionnaire-invitation").latest("id")
        return re.search(r"(http://[^\s]+/q/[A-Za-z0-9_-]+/)", message.payload).group(1)

    return make


def _sign_in(page, base: str, language: str, username: str) -> None:
    page.goto(f"{base}/{language}/staff/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"{base}/{language}/staff/")


def _age_session(context, seconds: int) -> None:
    """As if this browser's last request had been `seconds` ago."""
    key = next(c["value"] for c in context.cookies() if c["name"] == "sessionid")
    store = SessionStore(session_key=key)
    store["heard_seen"] = int(time.time()) - seconds
    store.save()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_404_page_in_each_language_and_in_both(page, live_server, language, outside_requests):
    texts = TEXTS[language]
    answer = page.goto(f"{live_server.url}/{language}/no-such-page/")
    assert answer.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == texts["404"]
    assert page.locator("html").get_attribute("lang") == language
    assert axe_violations(page) == []
    # The language toggle leads to the same page in the other language.
    other = "fr" if language == "en" else "en"
    page.locator(".lang-toggle a").click()
    assert page.get_by_role("heading", level=1).inner_text() == TEXTS[other]["404"]
    # An address without a language: both, each marked with its own.
    answer = page.goto(f"{live_server.url}/static/no-such-file.css")
    assert answer.status == 404
    assert page.locator("section[lang=fr] h2").inner_text() == TEXTS["fr"]["404"]
    assert axe_violations(page) == []
    assert outside_requests == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_403_page_in_each_language(page, live_server, consultation, language):
    viewer = UserFactory(username="viewer")
    MembershipFactory(consultation=consultation, user=viewer, role="viewer")
    _sign_in(page, live_server.url, language, "viewer")
    texts = TEXTS[language]
    answer = page.goto(f"{live_server.url}/{language}/staff/consultations/{consultation.pk}/edit/")
    assert answer.status == 403
    assert page.get_by_role("heading", level=1).inner_text() == texts["403"]
    assert texts["refused"] in page.locator("main").inner_text()
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_refused_form_gets_the_sites_page(page, live_server, lead, language):
    page.goto(f"{live_server.url}/{language}/staff/login/")
    page.context.clear_cookies()  # as if the browser refused this site's cookies
    page.locator("input[name=username]").fill("lead")
    page.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").last.click()
    assert page.get_by_role("heading", level=1).inner_text() == TEXTS[language]["csrf"]
    assert axe_violations(page) == []


def test_a_personal_link_session_ends_when_the_browser_closes(browser, live_server, links):
    link = links("en")
    first = browser.new_context(locale="en-CA")
    page = first.new_page()
    page.goto(link)
    assert page.url == f"{live_server.url}/en/questionnaire/"
    assert page.get_by_role("button", name=TEXTS["en"]["start"]).is_visible()
    session = next(c for c in first.cookies() if c["name"] == "sessionid")
    assert session["expires"] == -1  # a cookie that lives only as long as the browser
    # Closing the browser keeps only the cookies that have an expiry date.
    kept = [c for c in first.cookies() if c["expires"] != -1]
    first.close()
    second = browser.new_context(locale="en-CA")
    if kept:
        second.add_cookies(kept)
    page = second.new_page()
    page.goto(f"{live_server.url}/en/questionnaire/")
    assert TEXTS["en"]["not_valid"] in page.locator("main").inner_text()
    # The link itself still opens the questionnaire again.
    page.goto(link)
    assert page.get_by_role("button", name=TEXTS["en"]["start"]).is_visible()
    second.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_idle_personal_link_session_warns_then_ends_in_the_persons_language(
    page, live_server, links, settings, language, outside_requests
):
    settings.HEARD_LINK_IDLE_SECONDS = 6  # warned 3 s before the end
    texts = TEXTS[language]
    page.goto(links(language))
    assert page.get_by_role("button", name=texts["start"]).is_visible()
    warning = page.get_by_role("alert")
    warning.wait_for(timeout=10_000)
    assert texts["warning"] in warning.inner_text()
    assert axe_violations(page) == []
    # One press keeps the page open: the warning goes, the page stays.
    page.get_by_role("button", name=texts["keep"]).click()
    warning.wait_for(state="detached", timeout=5_000)
    assert page.url.endswith(f"/{language}/questionnaire/")
    # Then nobody touches it: the page leaves for the one that says what happened.
    page.wait_for_url(f"{live_server.url}/{language}/session/ended/", timeout=20_000)
    main = page.locator("main").inner_text()
    assert page.get_by_role("heading", level=1).inner_text() == texts["ended"]
    assert texts["saved"] in main and texts["open_again"] in main
    assert axe_violations(page) == []
    # Going back finds nothing: the session is over.
    page.goto(f"{live_server.url}/{language}/questionnaire/")
    assert texts["not_valid"] in page.locator("main").inner_text()
    assert outside_requests == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_idle_personal_link_session_ends_without_javascript(
    browser, live_server, links, language
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(links(language))
    _age_session(context, 31 * 60)
    page.reload()
    assert page.url == f"{live_server.url}/{language}/session/ended/"
    assert page.get_by_role("heading", level=1).inner_text() == TEXTS[language]["ended"]
    context.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_idle_staff_session_ends_on_the_sign_in_page(page, live_server, lead, language):
    _sign_in(page, live_server.url, language, "lead")
    _age_session(page.context, 61 * 60)
    page.goto(f"{live_server.url}/{language}/staff/")
    assert "/staff/login/" in page.url
    assert TEXTS[language]["signed_out"] in page.locator("main").inner_text()
    assert axe_violations(page) == []
