"""A respondent's way through the questionnaire: link, privacy notice, pages, check, submit."""

from __future__ import annotations

import re

import pytest

from heard.core.audit import AuditEvent
from heard.notify.models import Message
from heard.questionnaires import services
from heard.questionnaires.models import Response, ResponseState
from heard.stakeholders.models import Person
from tests.questionnaires.builders import choice, row, xlsx

LINK = re.compile(r"http://testserver(/q/[A-Za-z0-9_-]+/)")

SURVEY = [
    row("begin_group", "about", "About you", "À propos de vous"),
    row(
        "select_one role",
        "role",
        "Your role",
        "Votre rôle",
        required="yes",
        required_message_en="Choose your role",
        required_message_fr="Choisissez votre rôle",
    ),
    row(
        "text",
        "role_other",
        "Which role?",
        "Quel rôle ?",
        relevant="${role} = 'other'",
        required="yes",
    ),
    row(
        "integer",
        "years",
        "Years of experience",
        "Années d'expérience",
        constraint=". >= 0 and . <= 70",
        constraint_message_en="Between 0 and 70",
        constraint_message_fr="Entre 0 et 70",
    ),
    row("end_group"),
    row("select_multiple topic", "topics", "Topics", "Sujets"),
    row("calculate", "topic_count", calculation="count-selected(${topics})"),
    row(
        "text",
        "why",
        "Why these topics?",
        "Pourquoi ces sujets ?",
        relevant="${topic_count} > 1",
        appearance="multiline",
        required="yes",
    ),
    row("rank topic", "ranking", "Rank the topics", "Classez les sujets"),
]
CHOICES = [
    choice("role", "worker", "Front-line worker", "Intervenant de première ligne"),
    choice("role", "other", "Other", "Autre"),
    choice("topic", "prevention", "Prevention", "Prévention"),
    choice("topic", "protection", "Protection", "Protection"),
    choice("topic", "prosecution", "Prosecution", "Poursuites"),
]


@pytest.fixture
def small(questionnaire, lead):
    services.upload_form(
        actor=lead, questionnaire=questionnaire, data=xlsx(SURVEY, CHOICES), filename="small.xlsx"
    )
    return questionnaire


def invite_one(questionnaire, settings, *, language="en"):
    from heard.core.crypto import blind_index

    settings.HEARD_PUBLIC_URL = "http://testserver"
    person = Person.objects.create(
        consultation=questionnaire.consultation,
        name="Ada Example",
        email="ada@example.org",
        email_index=blind_index("ada@example.org"),
        language=language,
    )
    services.invite(actor=None, questionnaire=questionnaire, people=[person])
    message = Message.objects.get(kind="questionnaire-invitation")
    return LINK.search(message.payload).group(1), person


def test_link_is_exchanged_for_a_session_and_never_kept_in_the_address(small, settings, client):
    link, _person = invite_one(small, settings)
    opened = client.get(link)
    assert opened.status_code == 302 and opened["Location"] == "/en/questionnaire/"
    assert opened["Referrer-Policy"] == "no-referrer"
    start = client.get("/en/questionnaire/")
    assert "We use your answers to write the report." in start.content.decode()
    assert client.get("/q/not-a-real-token-0123456789/").status_code == 404


def test_full_walk_with_skip_logic_errors_check_page_and_one_submission(small, settings, client):
    link, _person = invite_one(small, settings)
    client.get(link)
    started = client.post("/en/questionnaire/")
    assert started["Location"] == "/en/questionnaire/page/about/"

    # Required message and constraint message from the form, in the respondent's language.
    page = client.post("/en/questionnaire/page/about/", {"years": "99", "shown": ["role", "years"]})
    text = page.content.decode()
    assert page.status_code == 400
    assert "Choose your role" in text and "Between 0 and 70" in text

    # Without JavaScript: "other" brings in a question on the same page, which is shown again.
    page = client.post(
        "/en/questionnaire/page/about/",
        {"role": "other", "years": "12", "shown": ["role", "years"]},
    )
    assert page.status_code == 200
    assert "Your answers brought in more questions on this page." in page.content.decode()
    moved = client.post(
        "/en/questionnaire/page/about/",
        {
            "role": "other",
            "role_other": "Researcher",
            "years": "12",
            "shown": ["role", "role_other", "years"],
        },
    )
    assert moved["Location"] == "/en/questionnaire/page/topics/"

    # One topic: the "why" page does not apply and is skipped.
    moved = client.post("/en/questionnaire/page/topics/", {"topics": ["protection"]})
    assert moved["Location"] == "/en/questionnaire/page/ranking/"
    bad_rank = client.post(
        "/en/questionnaire/page/ranking/",
        {
            "ranking__prevention": "1",
            "ranking__protection": "1",
            "ranking__prosecution": "2",
            "shown": "ranking",
        },
    )
    assert "Give each position to one option only." in bad_rank.content.decode()
    moved = client.post(
        "/en/questionnaire/page/ranking/",
        {
            "ranking__prevention": "2",
            "ranking__protection": "1",
            "ranking__prosecution": "3",
            "shown": "ranking",
        },
    )
    assert moved["Location"] == "/en/questionnaire/check/"
    check = client.get("/en/questionnaire/check/").content.decode()
    assert "Researcher" in check and "1. Protection" in check

    # Change an answer from the check page: two topics now bring in "why".
    changed = client.post(
        "/en/questionnaire/page/topics/",
        {"topics": ["prevention", "protection"], "return": "check"},
    )
    assert changed["Location"] == "/en/questionnaire/check/"
    # The server checks everything again: the "why" question now applies and is required.
    problems = client.post("/en/questionnaire/check/", {"wants_report": "yes"})
    assert problems.status_code == 400
    assert "/en/questionnaire/page/why/?return=check#q-why" in problems.content.decode()
    # The "email me the report" box stays as it was ticked.
    assert (
        'name="wants_report" value="yes" id="wants-report" aria-describedby="wants-report-hint" checked'
        in problems.content.decode()
    )
    assert Response.objects.get().state == ResponseState.DRAFT
    answered = client.post(
        "/en/questionnaire/page/why/", {"why": "They matter", "return": "check", "shown": "why"}
    )
    assert answered["Location"] == "/en/questionnaire/check/"
    assert 'id="wants-report"' in client.get("/en/questionnaire/check/").content.decode()
    done = client.post("/en/questionnaire/check/", {"wants_report": "yes"})
    assert done["Location"] == "/en/questionnaire/done/"
    response = Response.objects.get()
    assert response.state == ResponseState.SUBMITTED
    assert response.wants_report  # asked to be emailed the report
    assert response.answers["topics"] == ["prevention", "protection"]
    assert response.answers["topic_count"] == "2"
    assert response.answers["ranking"] == ["protection", "prevention", "prosecution"]
    # Submitting again changes nothing and records nothing more.
    again = client.post("/en/questionnaire/check/")
    assert again["Location"] == "/en/questionnaire/done/"
    assert AuditEvent.objects.filter(action="questionnaire.response_submitted").count() == 1
    assert (
        client.post("/en/questionnaire/page/topics/", {"topics": ["prosecution"]})["Location"]
        == "/en/questionnaire/done/"
    )
    assert Response.objects.get().answers["topics"] == ["prevention", "protection"]


def test_leaving_and_coming_back_resumes_and_switching_language_keeps_answers(
    small, settings, client, django_user_model
):
    from django.test import Client

    link, _person = invite_one(small, settings, language="fr")
    assert client.get(link)["Location"] == "/fr/questionnaire/"
    client.post("/fr/questionnaire/")
    switched = client.post(
        "/fr/questionnaire/page/about/",
        {"role": "worker", "years": "5", "action": "language", "shown": ["role", "years"]},
    )
    assert switched["Location"] == "/en/questionnaire/page/about/"
    english = client.get("/en/questionnaire/page/about/").content.decode()
    assert 'value="5"' in english and "Years of experience" in english
    saved = client.post(
        "/en/questionnaire/page/about/",
        {"role": "worker", "years": "6", "action": "save", "shown": ["role", "years"]},
    )
    assert saved["Location"] == "/en/questionnaire/saved/"

    # Another browser, the same link: the answers are there, and it goes on where it stopped.
    other = Client()
    other.get(link)
    resumed = other.post("/fr/questionnaire/")
    assert resumed["Location"] == "/fr/questionnaire/page/topics/"
    back = other.get("/fr/questionnaire/page/about/").content.decode()
    assert 'value="6"' in back and "Années d&#x27;expérience" in back


def test_closed_questionnaire_takes_no_answers(small, settings, client):
    from datetime import timedelta

    from django.utils import timezone

    link, _person = invite_one(small, settings)
    client.get(link)
    client.post("/en/questionnaire/")
    small.closes_at = timezone.now() - timedelta(minutes=1)
    small.opens_at = timezone.now() - timedelta(days=2)
    small.save()
    assert client.get("/en/questionnaire/page/about/")["Location"] == "/en/questionnaire/"
    assert "closed on" in client.get("/en/questionnaire/").content.decode()
