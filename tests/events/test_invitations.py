"""Inviting people: real SMTP delivery, iCalendar files, personal links that work once exchanged."""

from __future__ import annotations

import re
import threading
import time
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.utils import timezone
from icalendar import Calendar

from heard.events import services
from heard.events.models import Invitation, InvitationState
from heard.notify.delivery import deliver_due
from heard.notify.models import Message, State
from tests.events.conftest import START, make_people
from tests.notify.drain import Clock, drain

LINK = re.compile(r"http://testserver(/r/[A-Za-z0-9_-]+/)")


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_inviting_500_people_delivers_500_messages_with_calendar_and_working_links(
    session_event, smtp_server, settings, client
):
    settings.HEARD_PUBLIC_URL = "http://testserver"
    # A generous timeout: on a loaded machine a 1 s one can expire while the server is answering,
    # which makes a message "uncertain" (never retried, by design) by chance.
    settings.HEARD_EMAIL_URL = f"smtp://127.0.0.1:{smtp_server.port}?timeout=30"
    people = make_people(session_event.schedule_item.consultation, 500)
    # The mail server goes down part-way through, and comes back.
    stopped = threading.Event()
    smtp_server.recorder.stop_after = 180
    smtp_server.recorder.on_stop = lambda: (smtp_server.stop(), stopped.set())

    report = services.invite(actor=None, session=session_event, people=people)
    assert report.invited == 500
    for _ in range(10):
        deliver_due(batch=100)
        if stopped.is_set():
            break
    assert stopped.wait(10)
    time.sleep(0.2)
    deliver_due(batch=100)
    smtp_server.start()
    # Back, but busy for some recipients the first time (4xx): their messages wait out a retry
    # delay after everything else is sent. Draining stops only when nothing waits any more.
    busy = [m.recipient for m in Message.objects.filter(state=State.QUEUED)][:25]
    smtp_server.recorder.refuse_rcpt_once = dict.fromkeys(busy, "451 4.3.0 try again later")
    drain(Clock())

    assert not smtp_server.recorder.refuse_rcpt_once  # each busy recipient was refused once
    messages = Message.objects.all()
    assert [m.state for m in messages] == [State.SENT] * 500  # every message sent ...
    assert {m.recipient for m in messages if m.attempts > 1} >= set(busy)  # (after retries)
    received = smtp_server.recorder.messages
    ids = smtp_server.recorder.ids()
    assert set(ids) == {m.message_id for m in messages}  # ... and received by the server,
    assert max(ids.values()) == 1  # once
    seen_links = set()
    for message in received:
        calendars = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
        assert len(calendars) == 1
        event = Calendar.from_ical(calendars[0].get_payload(decode=True)).walk("VEVENT")[0]
        start = event.decoded("dtstart")
        assert start == START and str(start.tzinfo) == "America/Vancouver"
        assert event["dtstart"].params["TZID"] == "America/Vancouver"
        body = next(p for p in message.walk() if p.get_content_type() == "text/plain")
        links = LINK.findall(body.get_payload(decode=True).decode())
        assert len(links) == 2  # once in each language
        seen_links.add(links[0])
    assert len(seen_links) == 500  # a personal link for each person
    for path in seen_links:  # every link works
        client.cookies.clear()
        opened = client.get(path)
        assert opened.status_code == 302 and "/r/" not in opened["Location"]
        page = client.get(opened["Location"])
        text = page.content.decode()
        assert page.status_code == 200
        assert "Harbour Hall" in text or "Salle du Port" in text


@pytest.mark.django_db
def test_tokens_are_never_stored_and_vanish_from_the_address_after_first_use(
    session_event, client, settings
):
    settings.HEARD_PUBLIC_URL = "http://testserver"
    (person,) = make_people(session_event.schedule_item.consultation, 1)
    services.invite(actor=None, session=session_event, people=[person])
    message = Message.objects.get()
    path = LINK.search(message.payload).group(1)
    token = path.split("/")[2]
    # Read every table raw: the token is nowhere (the stored email itself is encrypted).
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                assert token not in " ".join(map(str, row)), table
    response = client.get(path, follow=True)
    assert token not in response.redirect_chain[-1][0]
    assert response.request["PATH_INFO"] == f"/{person.language}/invitation/"
    assert response.status_code == 200


@pytest.mark.django_db
def test_unknown_expired_revoked_and_withdrawn_links_all_get_the_same_page(
    session_event, client, settings
):
    settings.HEARD_PUBLIC_URL = "http://testserver"
    people = make_people(session_event.schedule_item.consultation, 3)
    services.invite(actor=None, session=session_event, people=people)
    links = [LINK.search(m.payload).group(1) for m in Message.objects.order_by("id")]
    invitations = list(Invitation.objects.order_by("id"))
    services.revoke_link(actor=None, invitation=invitations[0])
    services.withdraw(actor=None, invitation=invitations[1])
    pages = [
        client.get("/r/not-a-real-token-at-all-0123456789abcdef/"),
        client.get(links[0]),
        client.get(links[1]),
    ]
    with time_machine.travel(timezone.now() + timedelta(days=61)):
        pages.append(client.get(links[2]))
    assert {p.status_code for p in pages} == {404}
    bodies = {p.content for p in pages}
    assert len(bodies) == 1
    assert b"This link does not work" in bodies.pop()


@pytest.mark.django_db
def test_answering_accept_decline_and_suggest_a_colleague(session_event, client, settings):
    settings.HEARD_PUBLIC_URL = "http://testserver"
    (person,) = make_people(session_event.schedule_item.consultation, 1)
    person.language = "fr"
    person.save()
    services.invite(actor=None, session=session_event, people=[person])
    path = LINK.search(Message.objects.get().payload).group(1)
    page = client.get(path, follow=True).content.decode()
    assert "Votre invitation" in page and 'lang="fr"' in page
    done = client.post(
        "/fr/invitation/",
        {"attend": "yes", "dietary_needs": "Sans noix", "interpretation": "en"},
        follow=True,
    )
    assert "votre place est confirmée" in done.content.decode()
    invitation = Invitation.objects.get()
    assert invitation.state == InvitationState.ACCEPTED and invitation.dietary_needs == "Sans noix"
    assert Message.objects.filter(kind="answer").count() == 1
    english = client.get(
        "/en/invitation/"
    ).content.decode()  # the language toggle keeps the session
    assert "Your invitation" in english and "Accepted" in english
    client.post("/en/invitation/", {"attend": "no"})
    assert Invitation.objects.get().state == InvitationState.DECLINED
    client.post(
        "/en/invitation/colleague/", {"name": "Quinn Exemplar", "email": "quinn@ngos.example"}
    )
    suggestion = invitation.suggestions.get()
    assert suggestion.state == "pending"
    assert Invitation.objects.count() == 1  # a suggestion invites nobody by itself


@pytest.mark.django_db
def test_personal_links_send_no_referrer_and_never_reach_a_log(session_event, client, settings):
    from heard.core.logfilters import redact

    settings.HEARD_PUBLIC_URL = "http://testserver"
    (person,) = make_people(session_event.schedule_item.consultation, 1)
    services.invite(actor=None, session=session_event, people=[person])
    path = LINK.search(Message.objects.get().payload).group(1)
    assert client.get(path)["Referrer-Policy"] == "no-referrer"
    assert client.get("/r/unknown-token/")["Referrer-Policy"] == "no-referrer"
    assert redact(f"Not Found: {path}") == "Not Found: /r/[token]/"
    assert redact("GET /r/abcdefghij/ 404") == "GET /r/[token]/ 404"
