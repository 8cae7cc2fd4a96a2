"""A respondent fills in the demo questionnaire through a personal link, in English and in French,
with JavaScript and without; two tabs submitting at once store one response."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from heard.core.crypto import blind_index
from heard.notify.models import Message
from heard.questionnaires import services
from heard.questionnaires.models import Response, ResponseState
from heard.stakeholders.models import Person
from tests.conftest import DEMO
from tests.e2e.axe import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

TEXTS = {
    "en": {
        "start": "Start the questionnaire",
        "continue": "Continue where I left off",
        "next": "Save and continue",
        "later": "Save and come back later",
        "return": "Save and return to the check page",
        "check": "Check your answers before sending",
        "send": "Send my answers",
        "done": "Your answers have been sent",
        "saved": "Your answers are saved",
        "back": "Back",
        "change": "Change",
        "appeared": "Your answers brought in more questions on this page.",
    },
    "fr": {
        "start": "Commencer le questionnaire",
        "continue": "Reprendre là où je m’étais arrêté",
        "next": "Enregistrer et continuer",
        "later": "Enregistrer et revenir plus tard",
        "return": "Enregistrer et revenir à la vérification",
        "check": "Vérifiez vos réponses avant de les envoyer",
        "send": "Envoyer mes réponses",
        "done": "Vos réponses ont été envoyées",
        "saved": "Vos réponses sont enregistrées",
        "back": "Retour",
        "change": "Modifier",
        "appeared": "Vos réponses ont fait apparaître d’autres questions sur cette page.",
    },
}


@pytest.fixture
def demo_links(live_server, settings, consultation, lead):
    """The demo form, open now, sent to one English and one French speaker."""
    settings.HEARD_PUBLIC_URL = live_server.url
    now = timezone.now()
    questionnaire = services.create_questionnaire(
        actor=lead,
        consultation=consultation,
        title_en="Questionnaire on human trafficking",
        title_fr="Questionnaire sur la traite des personnes",
        privacy_notice_en="Your answers are read by the consultation team only.",
        privacy_notice_fr="Vos réponses ne sont lues que par l’équipe de la consultation.",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=20),
    )
    services.upload_form(
        actor=lead,
        questionnaire=questionnaire,
        data=(DEMO / "questionnaire.xlsx").read_bytes(),
        filename="questionnaire.xlsx",
    )
    return questionnaire, invite_two(questionnaire, consultation, live_server.url)


def invite_two(questionnaire: Any, consultation: Any, site: str) -> dict[str, str]:
    """Send personal links to one English and one French speaker: their links, by language."""
    people = []
    for language in ("en", "fr"):
        email = f"{language}@example.org"
        people.append(
            Person.objects.create(
                consultation=consultation,
                name=f"Respondent {language}",
                email=email,
                email_index=blind_index(email),
                language=language,
            )
        )
    services.invite(actor=None, questionnaire=questionnaire, people=people)
    links = {}
    for message in Message.objects.filter(kind="questionnaire-invitation"):
        path = re.search(r"(/q/[A-Za-z0-9_-]+/)", message.payload).group(1)
        language = "fr" if "(English follows.)" in message.payload else "en"
        links[language] = site + path
    return links


def _answer(question: Any, name: str, value: Any) -> None:
    if isinstance(value, list):
        if question.locator("select").count():  # a ranking: positions in the given order
            for position, choice in enumerate(value, start=1):
                question.locator(f'select[name="{name}__{choice}"]').select_option(str(position))
        else:
            for choice in value:
                question.locator(f'input[value="{choice}"]').check()
    elif question.locator(f'input[type=radio][value="{value}"]').count():
        question.locator(f'input[type=radio][value="{value}"]').check()
    elif question.locator("select").count():
        question.locator("select").select_option(value)
    elif question.locator("input[type=checkbox]").count():
        question.locator("input[type=checkbox]").check()
    else:
        question.locator("input, textarea").first.fill(str(value))


def _default(question: Any, name: str) -> None:
    """Something sensible for any question the test does not care about."""
    radios = question.locator("input[type=radio]:enabled")
    if radios.count():
        radios.first.check()
        return
    boxes = question.locator("input[type=checkbox]:enabled")
    if boxes.count():
        boxes.first.check()
        return
    selects = question.locator("select")
    if selects.count() > 1:  # ranking
        for position in range(1, selects.count() + 1):
            selects.nth(position - 1).select_option(str(position))
        return
    if selects.count():
        values = [
            o.get_attribute("value")
            for o in selects.locator("option:enabled").all()
            if o.get_attribute("value")
        ]
        selects.select_option(values[0])
        return
    field = question.locator("input, textarea").first
    kind = field.get_attribute("type")
    mode = field.get_attribute("inputmode")
    if kind == "date":
        field.fill("2018-05-01")
    elif mode == "numeric":
        field.fill("10")
    elif mode == "decimal":
        field.fill("25.5")
    else:
        field.fill(f"Answer to {name}: more training for front-line workers.")


def fill_visible(page: Any, answers: dict[str, Any]) -> None:
    for question in page.locator("[data-question]:not([hidden])").all():
        name = question.get_attribute("data-question")
        if question.locator("input, textarea, select").count() == 0:
            continue  # a note
        if name in answers:
            _answer(question, name, answers[name])
        else:
            _default(question, name)


def press(page: Any, role: str, name: str) -> None:
    """Click a button or link that loads a new page, and wait for that page.

    Playwright's click returns once the click is delivered, not once the next page has loaded;
    filling in "the visible questions" straight after would otherwise race the navigation and
    fill the page being left.
    """
    with page.expect_navigation():
        page.get_by_role(role, name=name).click()


def visible(page: Any, name: str) -> bool:
    return page.locator(f'[data-question="{name}"]').is_visible()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_respondent_fills_in_the_demo_questionnaire(
    page, browser, live_server, demo_links, language, outside_requests
):
    questionnaire, links = demo_links
    text = TEXTS[language]
    page.goto(links[language])
    assert "/q/" not in page.url and page.url.endswith(f"/{language}/questionnaire/")
    assert axe_violations(page) == []
    press(page, "button", text["start"])

    # Consent page.
    assert page.locator("progress").count() == 1
    fill_visible(page, {})
    assert axe_violations(page) == []
    press(page, "button", text["next"])

    # Profile: skip logic and a choice filter, live in the page.
    assert not visible(page, "organisation_type_other")
    page.locator('[data-question="organisation_type"] input[value="other"]').check()
    assert visible(page, "organisation_type_other")
    page.locator('[name="organisation_type_other"]').fill("Community legal clinic")
    page.locator('[name="province"]').select_option("bc")
    city_options = page.locator('[name="city"] option:enabled')
    cities = [o.get_attribute("value") for o in city_options.all()]
    assert "vancouver" in cities and "montreal" not in cities
    page.locator('[name="city"]').select_option("vancouver")
    page.locator('[name="years_experience"]').fill("99")
    fill_visible(
        page,
        {
            "organisation_type": "other",
            "province": "bc",
            "city": "vancouver",
            "organisation_type_other": "Community legal clinic",
            "years_experience": "99",
        },
    )
    assert axe_violations(page) == []
    press(page, "button", text["next"])
    # The constraint is checked on the server; the error summary links to the question.
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert axe_violations(page) == []
    page.locator('[name="years_experience"]').fill("12")
    press(page, "button", text["next"])

    # Prevention: answer, then leave and come back with the same link.
    fill_visible(page, {})
    press(page, "button", text["later"])
    assert page.locator("h1").inner_text() == text["saved"]
    assert axe_violations(page) == []
    later = browser.new_context(locale="en-CA")
    later.route(
        "**/*",
        lambda route, request: (
            route.continue_() if request.url.startswith(live_server.url) else route.abort()
        ),
    )
    again = later.new_page()
    again.goto(links[language])
    press(again, "button", text["continue"])
    assert "/page/protection/" in again.url  # the first page not yet seen

    # Go back: the earlier page shows what was saved.
    press(again, "link", text["back"])
    assert "/page/prevention/" in again.url
    assert again.locator('[data-question="prevention_rating"] input:checked').count() == 1
    press(again, "button", text["next"])

    # Protection: the training date appears only after "yes".
    assert not visible(again, "last_training")
    again.locator('[data-question="received_training"] input[value="yes"]').check()
    assert visible(again, "last_training")
    fill_visible(again, {"received_training": "yes", "last_training": "2018-03-15"})
    press(again, "button", text["next"])
    while "/check/" not in again.url:
        fill_visible(
            again,
            {"emerging_issues": ["online_recruitment"]}
            if visible(again, "emerging_issues")
            else {},
        )
        assert axe_violations(again) == [], again.url
        press(again, "button", text["next"])

    # The check page, and a change made from it.
    assert again.locator("h1").inner_text() == text["check"]
    years = again.locator(".summary-row", has=again.locator('a[href$="#q-years_experience"]'))
    assert "12" in years.inner_text()
    assert axe_violations(again) == []
    with again.expect_navigation():
        again.locator('a[href*="page/profile/?return=check#q-years_experience"]').click()
    again.locator('[name="years_experience"]').fill("15")
    press(again, "button", text["return"])
    assert "/check/" in again.url
    assert "15" in years.inner_text()
    # "Email me the report", ticked from the keyboard.
    again.locator("#wants-report").focus()
    again.keyboard.press("Space")
    assert again.locator("#wants-report").is_checked()
    press(again, "button", text["send"])
    assert again.locator("h1").inner_text() == text["done"]
    assert axe_violations(again) == []
    later.close()

    response = Response.objects.get(
        respondent__questionnaire=questionnaire, respondent__language=language
    )
    assert response.state == ResponseState.SUBMITTED
    assert response.wants_report
    answers = response.answers
    assert answers["years_experience"] == 15
    assert answers["organisation_type_other"] == "Community legal clinic"
    assert answers["city"] == "vancouver"
    assert answers["last_training"] == "2018-03-15"
    assert answers["emerging_issues_count"] == "1"
    assert outside_requests == []


def test_skip_logic_without_javascript(browser, live_server, demo_links):
    _questionnaire, links = demo_links
    context = browser.new_context(locale="en-CA", java_script_enabled=False)
    page = context.new_page()
    page.goto(links["en"])
    press(page, "button", "Start the questionnaire")
    fill_visible(page, {})
    press(page, "button", "Save and continue")
    assert not visible(page, "organisation_type_other")
    fill_visible(page, {"organisation_type": "other", "province": "on"})
    press(page, "button", "Save and continue")
    # The page comes back with the new question, and no error for it yet.
    assert TEXTS["en"]["appeared"] in page.locator("[role=status]").inner_text()
    assert visible(page, "organisation_type_other")
    assert page.locator(".error-summary").count() == 0
    # The city list now holds Ontario's cities only, filtered on the server.
    cities = [
        o.get_attribute("value")
        for o in page.locator('[name="city"] option').all()
        if o.is_enabled() and o.get_attribute("value")
    ]
    assert "toronto" in cities and "vancouver" not in cities
    page.locator('[name="organisation_type_other"]').fill("Shelter network")
    page.locator('[name="city"]').select_option("toronto")
    press(page, "button", "Save and continue")
    assert "/page/prevention/" in page.url
    # (axe itself needs JavaScript: the same pages are scanned in the test above.)
    context.close()


def test_the_quick_exit_leaves_at_once(page, live_server, demo_links, outside_requests):
    _questionnaire, links = demo_links
    page.goto(live_server.url + "/q/not-a-link-at-all-0123456789/")
    assert page.locator("h1").inner_text() == "This link does not open the questionnaire"
    assert axe_violations(page) == []
    page.goto(links["en"])
    page.get_by_role("link", name="Leave this site quickly").click()
    page.wait_for_timeout(300)
    assert outside_requests and outside_requests[0].startswith("https://weather.gc.ca/")
