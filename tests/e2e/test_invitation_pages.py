"""An invitee answers in English and in French; staff check people in at the door."""

from __future__ import annotations

import re

import pytest

from heard.events import services
from heard.events.models import Attendance, Invitation, InvitationState, Session
from heard.notify.models import Message
from tests.e2e.axe import axe_violations
from tests.events.conftest import END, START, make_people
from tests.factories import ConsultationFactory, MembershipFactory, ScheduleItemFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def invited(live_server, settings):
    settings.HEARD_PUBLIC_URL = live_server.url
    consultation = ConsultationFactory()
    item = ScheduleItemFactory(
        consultation=consultation,
        key="van",
        city_en="Vancouver",
        city_fr="Vancouver",
        venue_en="Harbour Hall",
        venue_fr="Salle du Port",
        time_zone="America/Vancouver",
    )
    session = Session.objects.create(schedule_item=item, starts_at=START, ends_at=END, capacity=50)
    english, french = make_people(consultation, 2)
    english.language, french.language = "en", "fr"
    english.save()
    french.save()
    services.invite(actor=None, session=session, people=[english, french])
    links = {}
    for message in Message.objects.filter(kind="invitation"):
        path = re.search(r"(/r/[A-Za-z0-9_-]+/)", message.payload).group(1)
        person = Invitation.objects.get(person__email_index=message.recipient_index).person
        links[person.language] = live_server.url + path
    return session, links


@pytest.mark.parametrize(
    ("language", "heading", "yes", "diet", "send", "thanks"),
    [
        (
            "en",
            "Your invitation",
            "Yes, I will attend",
            "Dietary needs",
            "Send my answer",
            "your seat is confirmed",
        ),
        (
            "fr",
            "Votre invitation",
            "Oui, je serai présent",
            "Restrictions alimentaires",
            "Envoyer ma réponse",
            "votre place est confirmée",
        ),
    ],
)
def test_an_invitee_answers_through_their_personal_link(
    page, invited, language, heading, yes, diet, send, thanks, outside_requests
):
    _session, links = invited
    page.goto(links[language])
    assert "/r/" not in page.url and page.url.endswith(f"/{language}/invitation/")
    assert page.locator("h1").inner_text() == heading
    assert axe_violations(page) == []
    page.get_by_label(yes).check()
    page.get_by_label(diet).fill("Vegetarian / végétarien")
    page.get_by_role("button", name=send).click()
    assert thanks in page.get_by_role("status").inner_text()
    assert axe_violations(page) == []
    invitation = Invitation.objects.get(person__language=language)
    assert invitation.state == InvitationState.ACCEPTED
    assert invitation.dietary_needs == "Vegetarian / végétarien"
    other = "fr" if language == "en" else "en"
    page.get_by_role("link", name={"en": "Français", "fr": "English"}[language]).click()
    assert page.url.endswith(f"/{other}/invitation/")  # same invitation, other language
    assert outside_requests == []


def test_staff_check_in_at_the_door(page, live_server, invited):
    session, _links = invited
    consultation = session.schedule_item.consultation
    lead = UserFactory(username="door")
    MembershipFactory(consultation=consultation, user=lead, role="lead")
    for invitation in Invitation.objects.all():
        services.respond(invitation=invitation, attend=True)
    page.goto(f"{live_server.url}/en/staff/login/")
    page.get_by_label("Username").fill("door")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign in").click()
    page.goto(
        f"{live_server.url}/en/staff/consultations/{consultation.pk}/sessions/{session.pk}/check-in/"
    )
    assert axe_violations(page) == []
    person = Invitation.objects.first().person
    page.get_by_label("Name, organisation or registration code").fill(person.name.split()[0])
    page.keyboard.press("Enter")
    page.get_by_role("button", name=f"Check in {person.name}").first.click()
    assert "Checked in" in page.get_by_role("status").inner_text()
    assert Attendance.objects.filter(invitation__person=person).exists()
    assert axe_violations(page) == []
    page.get_by_label("Name", exact=True).fill("Wren Mockridge")
    page.get_by_role("button", name="Record the walk-in").click()
    assert "Walk-in recorded: Wren Mockridge" in page.get_by_role("status").inner_text()
    page.goto(f"{live_server.url}/fr/staff/consultations/{consultation.pk}/sessions/dashboard/")
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/fr/staff/consultations/{consultation.pk}/sessions/{session.pk}/")
    assert axe_violations(page) == []
