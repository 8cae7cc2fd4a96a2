"""Capacity, reserved seats per sector, the waitlist, withdrawals and reminders."""

from __future__ import annotations

import os
import re
import threading
from datetime import timedelta
from http.cookiejar import CookieJar
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener

import pytest
import time_machine
from django.db import connections
from django.utils import timezone

from heard.events import services
from heard.events.models import Invitation, InvitationState, SectorQuota
from heard.notify.models import Message
from tests.events.conftest import make_people


def _answer(invitation, attend=True):
    return services.respond(invitation=invitation, attend=attend)


@pytest.mark.django_db
def test_seats_reserved_per_sector_and_waitlist_promotion(session_event, sectors):
    police, ngo, survivors = sectors
    session_event.capacity = 4
    session_event.save()
    SectorQuota.objects.create(session=session_event, sector=survivors, seats=2)
    people = make_people(
        session_event.schedule_item.consultation,
        6,
        sectors=[police, police, police, survivors, survivors, ngo],
    )
    services.invite(actor=None, session=session_event, people=people)
    inv = {i.person_id: i for i in Invitation.objects.all()}
    p1, p2, p3, s1, s2, n1 = (inv[p.pk] for p in people)
    assert _answer(p1) == "accepted"
    assert _answer(p2) == "accepted"
    assert _answer(p3) == "waitlisted"  # the last two seats are kept for survivors
    assert _answer(n1) == "waitlisted"
    assert _answer(s1) == "accepted"
    assert _answer(s2) == "accepted"
    assert Invitation.objects.filter(state="accepted").count() == 4
    # A police officer declines: the first in line takes the seat.
    assert _answer(p1, attend=False) == "declined"
    p3.refresh_from_db()
    n1.refresh_from_db()
    assert p3.state == InvitationState.ACCEPTED and n1.state == InvitationState.WAITLISTED
    assert Message.objects.filter(dedupe_key__startswith=f"promoted:{p3.pk}:").exists()
    # Staff withdraw a survivor's invitation: that seat stays kept for survivors, the link dies.
    services.withdraw(actor=None, invitation=s1)
    n1.refresh_from_db()
    s1.refresh_from_db()
    assert n1.state == InvitationState.WAITLISTED
    assert s1.link_revoked_at is not None and s1.state == InvitationState.WITHDRAWN
    # A police officer's seat is an open one: the NGO worker next in line gets it.
    services.withdraw(actor=None, invitation=p2)
    n1.refresh_from_db()
    assert n1.state == InvitationState.ACCEPTED


@pytest.mark.django_db
def test_reminders_are_limited_in_number_and_interval(session_event):
    people = make_people(session_event.schedule_item.consultation, 3)
    services.invite(actor=None, session=session_event, people=people)
    first = Invitation.objects.first()
    _answer(first)
    old_hash = Invitation.objects.last().token_hash
    assert services.remind(actor=None, session=session_event) == 0  # too soon after the invitation
    with time_machine.travel(timezone.now() + timedelta(days=6)):
        assert services.remind(actor=None, session=session_event) == 2  # not the one who answered
        assert services.remind(actor=None, session=session_event) == 0  # not twice in a row
    with time_machine.travel(timezone.now() + timedelta(days=12)):
        assert services.remind(actor=None, session=session_event) == 2
    with time_machine.travel(timezone.now() + timedelta(days=30)):
        assert services.remind(actor=None, session=session_event) == 0  # at most two reminders
    assert Invitation.objects.last().token_hash != old_hash  # a fresh link each time
    assert Message.objects.filter(kind="reminder").count() == 4


@pytest.mark.skipif(
    "postgres" not in os.environ.get("DATABASE_URL", ""),
    reason="parallel writers need PostgreSQL (CI runs this on it)",
)
@pytest.mark.django_db(transaction=True)
def test_parallel_answers_never_exceed_capacity(session_event, live_server, settings):
    settings.HEARD_PUBLIC_URL = live_server.url
    session_event.capacity = 10
    session_event.save()
    people = make_people(session_event.schedule_item.consultation, 30)
    services.invite(actor=None, session=session_event, people=people)
    links = [
        re.search(r"(/r/[A-Za-z0-9_-]+/)", m.payload).group(1)
        for m in Message.objects.filter(kind="invitation")
    ]
    openers = []
    for link in links:  # each invitee opens their link in their own browser session
        jar = CookieJar()
        opener = build_opener(HTTPCookieProcessor(jar))
        page = opener.open(live_server.url + link).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        language = "fr" if 'lang="fr"' in page else "en"
        openers.append((opener, token, language))
    barrier = threading.Barrier(len(openers))
    errors = []

    def answer(opener, token, language):
        try:
            body = urlencode({"csrfmiddlewaretoken": token, "attend": "yes"}).encode()
            request = Request(
                f"{live_server.url}/{language}/invitation/",
                data=body,
                headers={"Referer": live_server.url + "/"},
            )
            barrier.wait()
            opener.open(request).read()
        except Exception as error:  # collected and reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=answer, args=args) for args in openers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    states = list(Invitation.objects.values_list("state", flat=True))
    assert states.count("accepted") == 10
    assert states.count("waitlisted") == 20


@pytest.mark.django_db
def test_a_second_promotion_sends_a_second_email_with_the_new_code(session_event):
    session_event.capacity = 1
    session_event.save()
    first, second = make_people(session_event.schedule_item.consultation, 2)
    services.invite(actor=None, session=session_event, people=[first, second])
    a, b = Invitation.objects.order_by("id")
    _answer(a)
    _answer(b)  # waitlisted
    _answer(a, attend=False)  # b promoted
    services.respond(invitation=a, attend=True)  # a back on the waitlist
    services.respond(invitation=b, attend=False)  # a promoted again…
    services.respond(invitation=b, attend=True)
    services.respond(invitation=a, attend=False)  # …and b a second time
    promotions = Message.objects.filter(dedupe_key__startswith=f"promoted:{b.pk}:")
    assert promotions.count() == 2
    codes = {re.search(r"door: (\w{3}-\w{3})", m.payload).group(1) for m in promotions}
    assert len(codes) == 2
    b.refresh_from_db()
    latest = re.search(r"door: (\w{3}-\w{3})", promotions.order_by("-id").first().payload).group(1)
    assert services.find_by_code(session_event, latest).pk == b.pk


@pytest.mark.django_db
def test_more_seats_move_the_waitlist_up(client, session_event):
    from tests.factories import MembershipFactory, UserFactory

    session_event.capacity = 1
    session_event.save()
    people = make_people(session_event.schedule_item.consultation, 3)
    services.invite(actor=None, session=session_event, people=people)
    for invitation in Invitation.objects.all():
        _answer(invitation)
    assert Invitation.objects.filter(state="waitlisted").count() == 2
    lead = UserFactory(username="seats")
    MembershipFactory(consultation=session_event.schedule_item.consultation, user=lead, role="lead")
    client.force_login(lead)
    item = session_event.schedule_item
    page = client.post(
        f"/en/staff/consultations/{item.consultation.pk}/sessions/event/{item.pk}/setup/",
        {
            "starts": "2031-09-06T09:00",
            "ends": "2031-09-06T16:30",
            "capacity": "3",
            "visibility": "private",
            "link_valid_days": "60",
        },
        follow=True,
    ).content.decode()
    assert "2 people moved from the waitlist to confirmed seats." in page
    assert Invitation.objects.filter(state="accepted").count() == 3
