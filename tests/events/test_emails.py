"""Session emails as the invitee reads them: the text part says what was typed, and each language
part gives its dates in its own language."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import time_machine

from heard.events import services
from heard.events.models import Invitation
from heard.notify.models import Message
from tests.events.conftest import VANCOUVER, make_people
from tests.notify.mail import language_parts, plain_text

TITLE_EN = 'Safety <script>alert("x")</script> & "quotes" for O\'Brien'
TITLE_FR = 'Sécurité <script>alert("x")</script> & « guillemets » pour O\'Brien'
ESCAPES = ("&lt;", "&gt;", "&amp;", "&quot;", "&#x27;", "&#39;")


@pytest.fixture
def marked_up(session_event):
    item = session_event.schedule_item
    item.title_en, item.title_fr = TITLE_EN, TITLE_FR
    item.venue_en, item.venue_fr = "Hall <B> & Co", "Salle <B> & Cie"
    item.save()
    return session_event


@pytest.mark.django_db
def test_the_text_part_shows_titles_and_names_as_typed_not_html_escapes(marked_up, settings):
    settings.HEARD_PUBLIC_URL = "http://testserver"
    (person,) = make_people(marked_up.schedule_item.consultation, 1)
    person.name = 'Dana <Lee> & "Co" O\'Neil'
    person.save()
    services.invite(actor=None, session=marked_up, people=[person])
    invitation = Invitation.objects.get()
    services.respond(invitation=invitation, attend=True)  # the answer email
    Invitation.objects.filter(pk=invitation.pk).update(state="pending")
    with time_machine.travel(datetime.now(tz=VANCOUVER) + timedelta(days=6)):
        assert services.remind(actor=None, session=marked_up) == 1  # the reminder email
    messages = list(Message.objects.order_by("id"))
    assert [m.kind for m in messages] == ["invitation", "answer", "reminder"]
    for message in messages:
        text = plain_text(message)
        for escape in ESCAPES:
            assert escape not in text, (message.kind, escape)
        parts = language_parts(message)
        assert TITLE_EN in parts["en"] and TITLE_FR in parts["fr"], message.kind
        assert "Hall <B> & Co" in parts["en"] and "Salle <B> & Cie" in parts["fr"]
        assert "6 September 2031" in parts["en"] and "6 septembre 2031" in parts["fr"]
        assert 'Hello Dana <Lee> & "Co" O\'Neil,' in parts["en"]
        assert 'Bonjour Dana <Lee> & "Co" O\'Neil,' in parts["fr"]


@pytest.mark.parametrize("first", ["fr", "en"])
@pytest.mark.django_db
def test_each_part_of_the_invitation_gives_the_expiry_date_in_its_own_language(
    session_event, settings, first
):
    settings.HEARD_PUBLIC_URL = "http://testserver"
    (person,) = make_people(session_event.schedule_item.consultation, 1)
    person.language = first
    person.save()
    # Links stay valid 60 days: sent on 3 December 2026, the link works until 1 February 2027.
    with time_machine.travel(datetime(2026, 12, 3, 10, 0, tzinfo=VANCOUVER), tick=False):
        services.invite(actor=None, session=session_event, people=[person])
    message = Message.objects.get(kind="invitation")
    assert message.subject.startswith("Invitation : " if first == "fr" else "Invitation: ")
    parts = language_parts(message)
    assert "It works until 1 February 2027." in parts["en"]
    assert "1er février 2027" in parts["fr"]
    assert "février" not in parts["en"] and "February" not in parts["fr"]
    # The session's own date too, in each language.
    assert "6 September 2031" in parts["en"] and "6 septembre 2031" in parts["fr"]
