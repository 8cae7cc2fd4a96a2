"""Questionnaire emails as people read them: the text part says what was typed, and each language
part gives its dates in its own language."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from heard.core.crypto import blind_index
from heard.notify.models import Message
from heard.questionnaires import services
from heard.stakeholders.models import Person
from tests.notify.mail import language_parts, plain_text

TORONTO = ZoneInfo("America/Toronto")
NOW = datetime(2027, 1, 10, 10, 0, tzinfo=TORONTO)
TITLE_EN = 'Safety <script>alert("x")</script> & "quotes" for O\'Brien'
TITLE_FR = 'Sécurité <script>alert("x")</script> & « guillemets » pour O\'Brien'
ESCAPES = ("&lt;", "&gt;", "&amp;", "&quot;", "&#x27;", "&#39;")
NAME = 'Dana <Lee> & "Co" O\'Neil'


@pytest.fixture
def marked_up(db, consultation, lead, settings):
    settings.HEARD_PUBLIC_URL = "http://testserver"
    with time_machine.travel(NOW - timedelta(days=30), tick=False):
        return services.create_questionnaire(
            actor=lead,
            consultation=consultation,
            title_en=TITLE_EN,
            title_fr=TITLE_FR,
            privacy_notice_en="We use your answers to write the report.",
            privacy_notice_fr="Nous utilisons vos réponses pour rédiger le rapport.",
            opens_at=NOW - timedelta(days=1),
            closes_at=datetime(2027, 3, 1, 17, 0, tzinfo=TORONTO),
        )


def _person(questionnaire, language: str) -> Person:
    return Person.objects.create(
        consultation=questionnaire.consultation,
        name=NAME,
        email=f"dana.{language}@example.org",
        email_index=blind_index(f"dana.{language}@example.org"),
        language=language,
    )


@pytest.mark.parametrize("first", ["fr", "en"])
def test_invitation_and_reminder_read_as_typed_with_dates_in_each_language(marked_up, lead, first):
    person = _person(marked_up, first)
    with time_machine.travel(NOW, tick=False):
        services.invite(actor=lead, questionnaire=marked_up, people=[person])
    with time_machine.travel(NOW + timedelta(days=8), tick=False):
        assert services.remind(actor=lead, questionnaire=marked_up) == 1
    messages = list(Message.objects.order_by("id"))
    assert [m.kind for m in messages] == ["questionnaire-invitation", "questionnaire-reminder"]
    for message in messages:
        _check(message, first)


@pytest.mark.parametrize("first", ["fr", "en"])
def test_answers_to_access_requests_read_as_typed_with_dates_in_each_language(
    marked_up, lead, first
):
    with time_machine.travel(NOW, tick=False):
        for email in ("yes@example.org", "no@example.org"):
            request = services.request_access(
                questionnaire=marked_up,
                address="192.0.2.1",
                name=NAME,
                organisation="Harbour <Outreach>",
                email=email,
                sector_id=None,
                reason="",
                language=first,
            )
            services.decide_request(actor=lead, request=request, approve=email.startswith("yes"))
    messages = list(Message.objects.order_by("id"))
    assert [m.kind for m in messages] == ["questionnaire-approved", "questionnaire-declined"]
    for message in messages:
        _check(message, first)


def _check(message: Message, first: str) -> None:
    assert (TITLE_FR if first == "fr" else TITLE_EN) in message.subject.split(" / ")[0]
    text = plain_text(message)
    for escape in ESCAPES:
        assert escape not in text, (message.kind, escape)
    parts = language_parts(message)
    assert list(parts) == [first, "en" if first == "fr" else "fr"]
    assert f"Hello {NAME}," in parts["en"] and f"Bonjour {NAME}," in parts["fr"]
    if message.kind != "questionnaire-declined":
        assert TITLE_EN in parts["en"] and TITLE_FR in parts["fr"], message.kind
        assert "1 March 2027" in parts["en"] and "1er mars 2027" in parts["fr"], message.kind
        assert "mars" not in parts["en"] and "March" not in parts["fr"]
