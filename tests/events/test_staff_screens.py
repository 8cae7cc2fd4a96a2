"""Staff screens for sessions: set-up, inviting from the registry, check-in, walk-ins, dashboard."""

from __future__ import annotations

import re

import pytest

from heard.events import services
from heard.events.models import Attendance, Invitation, InvitationState, Session
from heard.notify.models import Message
from tests.events.conftest import make_people
from tests.factories import MembershipFactory, ScheduleItemFactory, UserFactory


@pytest.fixture
def lead_of(session_event):
    user = UserFactory(username="eventlead")
    MembershipFactory(consultation=session_event.schedule_item.consultation, user=user, role="lead")
    return user


@pytest.mark.django_db
def test_set_up_a_session_with_reserved_seats(client, lead_of, sectors, session_event):
    consultation = session_event.schedule_item.consultation
    item = ScheduleItemFactory(
        consultation=consultation,
        key="winnipeg",
        city_en="Winnipeg",
        city_fr="Winnipeg",
        time_zone="America/Winnipeg",
    )
    client.force_login(lead_of)
    url = f"/en/staff/consultations/{consultation.pk}/sessions/event/{item.pk}/setup/"
    page = client.get(url).content.decode()
    assert "America/Winnipeg" in page and "Seats kept for: police" in page
    bad = client.post(
        url,
        {
            "starts": "2031-09-10T09:00",
            "ends": "2031-09-10T08:00",
            "capacity": "2",
            "visibility": "private",
            "link_valid_days": "60",
            f"quota_{sectors[0].pk}": "5",
        },
    ).content.decode()
    assert "The end must come after the start." in bad
    assert "More seats are kept for sectors than the room holds." in bad
    response = client.post(
        url,
        {
            "starts": "2031-09-10T09:00",
            "ends": "2031-09-10T16:00",
            "capacity": "60",
            "visibility": "transparent",
            "link_valid_days": "30",
            f"quota_{sectors[2].pk}": "8",
        },
    )
    session = Session.objects.get(schedule_item=item)
    assert response.status_code == 302
    assert str(session.local(session.starts_at)) == "2031-09-10 09:00:00-05:00"
    assert session.quotas.get().seats == 8


@pytest.mark.django_db
def test_invite_by_sector_then_check_in_by_code_and_by_name(
    client, lead_of, sectors, session_event, settings
):
    settings.HEARD_PUBLIC_URL = "http://testserver"
    consultation = session_event.schedule_item.consultation
    people = make_people(consultation, 9, sectors=sectors)
    people[0].do_not_contact = True
    people[0].save()
    client.force_login(lead_of)
    base = f"/en/staff/consultations/{consultation.pk}/sessions/{session_event.pk}/"
    page = client.post(base + "invite/", {"sectors": [sectors[0].pk]}, follow=True).content.decode()
    assert "Invited 2 people" in page and "Not contacted at their request: 1" in page
    assert Invitation.objects.count() == 2  # three police officers, one asked not to be contacted
    assert Message.objects.filter(kind="invitation").count() == 2
    # One accepts; the confirmation email carries the registration code.
    invitation = Invitation.objects.first()
    services.respond(invitation=invitation, attend=True)
    confirmation = Message.objects.get(kind="answer").payload
    code = re.search(
        r"registration code for the door: ([A-Z0-9]{3}-[A-Z0-9]{3})", confirmation
    ).group(1)
    found = client.post(
        base + "check-in/", {"action": "search", "q": code.lower()}
    ).content.decode()
    assert invitation.person.name in found
    client.post(base + "check-in/", {"invitation": invitation.pk})
    assert Attendance.objects.filter(invitation=invitation).exists()
    by_name = client.get(
        base + "check-in/", {"q": invitation.person.name.split()[0]}
    ).content.decode()
    assert "checked in" in by_name
    # Someone who declined cannot be checked in by mistake.
    other = Invitation.objects.exclude(pk=invitation.pk).get()
    services.respond(invitation=other, attend=False)
    message = client.post(
        base + "check-in/", {"invitation": other.pk}, follow=True
    ).content.decode()
    assert "Not checked in" in message


@pytest.mark.django_db
def test_walk_ins_are_recorded_in_the_registry_and_the_dashboard(
    client, lead_of, sectors, session_event
):
    consultation = session_event.schedule_item.consultation
    client.force_login(lead_of)
    base = f"/en/staff/consultations/{consultation.pk}/sessions/{session_event.pk}/"
    client.post(
        base + "check-in/",
        {
            "action": "walk_in",
            "name": "Sacha Specimen",
            "email": "",
            "organisation": "Cedar Point Youth Outreach",
            "sector": sectors[1].pk,
            "language": "fr",
        },
    )
    attendance = Attendance.objects.get()
    assert attendance.walk_in and attendance.invitation.state == InvitationState.ACCEPTED
    assert attendance.invitation.person.name == "Sacha Specimen"
    dashboard = client.get(
        f"/en/staff/consultations/{consultation.pk}/sessions/dashboard/"
    ).content.decode()
    assert "By sector" in dashboard and "ngo" in dashboard
    french = client.get(
        f"/fr/staff/consultations/{consultation.pk}/sessions/dashboard/"
    ).content.decode()
    assert "Tableau de bord de la participation" in french


@pytest.mark.django_db
def test_viewers_see_sessions_but_cannot_invite_or_withdraw(client, session_event, sectors):
    consultation = session_event.schedule_item.consultation
    viewer = UserFactory(username="watcher")
    MembershipFactory(consultation=consultation, user=viewer, role="viewer")
    (person,) = make_people(consultation, 1)
    services.invite(actor=None, session=session_event, people=[person])
    client.force_login(viewer)
    base = f"/en/staff/consultations/{consultation.pk}/sessions/{session_event.pk}/"
    assert client.get(base).status_code == 200
    assert client.post(base + "invite/", {}).status_code == 403
    assert client.post(base + "remind/").status_code == 403
    assert (
        client.post(base + f"invitations/{Invitation.objects.get().pk}/withdraw/").status_code
        == 403
    )
    outsider = UserFactory(username="outsider")
    client.force_login(outsider)
    assert client.get(base).status_code == 404


@pytest.mark.django_db
def test_a_suggested_colleague_is_invited_only_when_staff_approve(client, lead_of, session_event):
    consultation = session_event.schedule_item.consultation
    (person,) = make_people(consultation, 1)
    services.invite(actor=None, session=session_event, people=[person])
    invitation = Invitation.objects.get()
    first = services.suggest_colleague(
        invitation=invitation,
        name="Kim Ébauche",
        email="kim@ngos.example",
        note="Runs our outreach",
    )
    second = services.suggest_colleague(
        invitation=invitation, name="Olivier Essai", email="olivier@ngos.example", note=""
    )
    client.force_login(lead_of)
    base = f"/en/staff/consultations/{consultation.pk}/sessions/{session_event.pk}/"
    page = client.get(base).content.decode()
    assert "Kim Ébauche" in page and "Runs our outreach" in page
    client.post(base + f"suggestions/{first.pk}/", {"decision": "approve"})
    client.post(base + f"suggestions/{second.pk}/", {"decision": "decline"})
    invited = {i.person.name for i in Invitation.objects.select_related("person")}
    assert invited == {person.name, "Kim Ébauche"}
    again = client.post(base + f"suggestions/{first.pk}/", {"decision": "approve"}, follow=True)
    assert "already decided" in again.content.decode()
    assert Invitation.objects.count() == 2
