"""Sessions: a personal link's ends with the browser and after a short idle time; a staff
member's after an idle time and a fixed lifetime. Each end says what happened, in the person's
language."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from heard.core.crypto import blind_index
from heard.events import services as events
from heard.events.models import Session
from heard.notify.models import Message
from heard.questionnaires import services as questionnaires
from heard.stakeholders.models import Person
from tests.events.conftest import END, START
from tests.factories import ScheduleItemFactory
from tests.questionnaires.builders import xlsx
from tests.questionnaires.test_respondent import CHOICES, SURVEY

ROOT = Path(__file__).resolve().parents[2]
MINUTE = 60


def _person(consultation, language: str) -> Person:
    email = f"ada-{language}@example.org"
    return Person.objects.create(
        consultation=consultation,
        name="Ada Example",
        email=email,
        email_index=blind_index(email),
        language=language,
    )


@pytest.fixture
def invitation_link(db, consultation, settings):
    """Open a session invitation's personal link: (the link, its page) for a language."""
    settings.HEARD_PUBLIC_URL = "http://testserver"
    item = ScheduleItemFactory(consultation=consultation)
    session = Session.objects.create(schedule_item=item, starts_at=START, ends_at=END, capacity=9)

    def make(language: str) -> tuple[str, str]:
        events.invite(actor=None, session=session, people=[_person(consultation, language)])
        message = Message.objects.filter(kind="invitation").latest("id")
        link = re.search(r"http://testserver(/r/[A-Za-z0-9_-]+/)", message.payload).group(1)
        return link, f"/{language}/invitation/"

    return make


@pytest.fixture
def questionnaire_link(db, consultation, lead, settings):
    """Open a questionnaire's personal link: (the link, its page) for a language."""
    from datetime import timedelta

    from django.utils import timezone

    settings.HEARD_PUBLIC_URL = "http://testserver"
    questionnaire = questionnaires.create_questionnaire(
        actor=lead,
        consultation=consultation,
        title_en="Questionnaire",
        title_fr="Questionnaire",
        privacy_notice_en="Why we ask.",
        privacy_notice_fr="Pourquoi nous demandons.",
        opens_at=timezone.now() - timedelta(days=1),
        closes_at=timezone.now() + timedelta(days=9),
    )
    questionnaires.upload_form(
        actor=lead, questionnaire=questionnaire, data=xlsx(SURVEY, CHOICES), filename="f.xlsx"
    )

    def make(language: str) -> tuple[str, str]:
        person = _person(consultation, language)
        questionnaires.invite(actor=None, questionnaire=questionnaire, people=[person])
        message = Message.objects.filter(kind="questionnaire-invitation").latest("id")
        link = re.search(r"http://testserver(/q/[A-Za-z0-9_-]+/)", message.payload).group(1)
        return link, f"/{language}/questionnaire/"

    return make


def _idle_for(client, seconds: int) -> None:
    """As if the last request of this client's session had been `seconds` ago."""
    session = client.session
    session["heard_seen"] = int(time.time()) - seconds
    session.save()


def _text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("kind", ["invitation_link", "questionnaire_link"])
def test_a_personal_link_session_ends_with_the_browser(client, kind, request):
    link, page = request.getfixturevalue(kind)("en")
    opened = client.get(link)
    assert opened.status_code == 302 and opened["Location"] == page
    cookie = opened.cookies["sessionid"]
    # No expiry date: the browser forgets the cookie when it closes.
    assert cookie["expires"] == "" and cookie["max-age"] == ""
    assert client.get(page).status_code == 200


@pytest.mark.parametrize(
    ("language", "title", "saved"),
    [
        ("en", "Your session has ended", "Nothing you sent is lost."),
        ("fr", "Votre session a pris fin", "Rien de ce que vous avez envoyé n'est perdu."),
    ],
)
@pytest.mark.parametrize("kind", ["invitation_link", "questionnaire_link"])
def test_an_idle_personal_link_session_ends_with_a_page_in_their_language(
    client, kind, request, language, title, saved
):
    link, page = request.getfixturevalue(kind)(language)
    client.get(link)
    _idle_for(client, 31 * MINUTE)
    ended = client.get(page)
    assert ended.status_code == 302 and ended["Location"] == f"/{language}/session/ended/"
    shown = client.get(ended["Location"])
    text = _text(shown)
    assert shown.status_code == 200 and f'<html lang="{language}">' in text
    assert title in text and saved in text and "30 minutes" in text
    # The old session is gone: its page is refused, and opening the link again works.
    assert client.get(page).status_code == 404
    assert client.get(link)["Location"] == page
    assert client.get(page).status_code == 200


def test_a_personal_link_session_stays_open_while_used(client, questionnaire_link):
    link, page = questionnaire_link("en")
    client.get(link)
    _idle_for(client, 29 * MINUTE)
    assert client.get(page).status_code == 200
    assert abs(client.session["heard_seen"] - time.time()) < 5  # the clock started again


def test_the_idle_time_is_a_setting(client, questionnaire_link, settings):
    settings.HEARD_LINK_IDLE_SECONDS = 2
    link, page = questionnaire_link("en")
    client.get(link)
    _idle_for(client, 3)
    assert client.get(page)["Location"] == "/en/session/ended/"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "You were signed out after 60 minutes without activity."),
        ("fr", "Vous avez été déconnecté après 60 minutes d'inactivité."),
    ],
)
def test_an_idle_staff_session_ends_on_the_sign_in_page_with_a_message(
    client, lead, consultation, language, message
):
    client.force_login(lead)
    url = f"/{language}/staff/consultations/{consultation.pk}/"
    assert client.get(url).status_code == 200
    _idle_for(client, 61 * MINUTE)
    refused = client.get(url)
    assert refused.status_code == 302
    assert refused["Location"].startswith(f"/{language}/staff/login/?next=")
    text = _text(client.get(refused["Location"]))
    assert message in text
    assert "_auth_user_id" not in client.session


def test_a_staff_session_ends_after_its_lifetime_however_active(client, lead, settings):
    client.force_login(lead)
    assert client.get("/en/staff/").status_code == 200
    session = client.session
    session["heard_since"] = int(time.time()) - 10 * 60 * MINUTE - 1
    session.save()
    refused = client.get("/en/staff/")
    assert refused["Location"].startswith("/en/staff/login/")
    assert "a session lasts at most 10 hours" in _text(client.get(refused["Location"]))


def test_an_active_staff_session_goes_on_and_its_cookie_outlives_no_lifetime(client, lead):
    client.force_login(lead)
    first = client.get("/en/staff/")
    assert first.status_code == 200
    _idle_for(client, 59 * MINUTE)
    assert client.get("/en/staff/").status_code == 200
    from django.conf import settings

    assert settings.SESSION_COOKIE_AGE == 10 * 60 * MINUTE


def test_signing_in_starts_the_staff_clocks(client, lead):
    page = client.get("/en/staff/login/")
    assert page.status_code == 200
    signed_in = client.post(
        "/en/staff/login/", {"username": "lead", "password": "correct horse battery staple"}
    )
    assert signed_in.status_code == 302
    session = client.session
    assert abs(session["heard_since"] - time.time()) < 5
    assert abs(session["heard_seen"] - time.time()) < 5


def test_the_still_here_probe(client, questionnaire_link):
    link, page = questionnaire_link("fr")
    client.get(link)
    _idle_for(client, 10 * MINUTE)
    answer = client.get("/fr/session/alive/")
    assert answer.status_code == 204 and "no-store" in answer["Cache-Control"]
    assert abs(client.session["heard_seen"] - time.time()) < 5
    _idle_for(client, 31 * MINUTE)
    assert client.get("/fr/session/alive/").status_code == 410
    # The probe changes nothing: the next page is the one that says the session ended.
    assert client.get(page)["Location"] == "/fr/session/ended/"


def test_the_probe_has_nothing_to_keep_for_a_visitor(client, db):
    assert client.get("/en/session/alive/").status_code == 410


def test_pages_of_a_timed_session_carry_the_warning_and_public_pages_do_not(
    client, questionnaire_link, lead
):
    assert 'id="session-timeout"' not in client.get("/en/consultations/").content.decode()
    link, page = questionnaire_link("en")
    client.get(link)
    text = client.get(page).content.decode()
    assert 'data-limit="1800"' in text and 'data-alive-url="/en/session/alive/"' in text
    assert "heard/js/session.js" in text
    client.force_login(lead)
    staff = client.get("/en/staff/").content.decode()
    assert 'data-limit="1800"' in staff  # a staff member who opened a link: the shorter limit


def test_the_limits_come_from_the_environment():
    def run(**env: str) -> subprocess.CompletedProcess[str]:
        base = {k: v for k, v in os.environ.items() if not k.startswith("HEARD_LINK")}
        code = (
            "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'heard.settings'; "
            "from django.conf import settings as s; "
            "print(s.HEARD_LINK_IDLE_SECONDS, s.HEARD_STAFF_IDLE_SECONDS, s.HEARD_STAFF_MAX_SECONDS)"
        )
        return subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={**base, **env},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    chosen = run(
        HEARD_LINK_IDLE_MINUTES="15", HEARD_STAFF_IDLE_MINUTES="45", HEARD_STAFF_SESSION_HOURS="8"
    )
    assert chosen.stdout.split() == ["900", "2700", "28800"], chosen.stderr
    refused = run(HEARD_LINK_IDLE_MINUTES="0")
    assert refused.returncode != 0
    assert "HEARD_LINK_IDLE_MINUTES must be a whole number above 0" in refused.stderr
