"""Session writes go through services: one transaction each, with its audit event inside it."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import time_machine
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from heard.core import audit
from heard.core.models import AuditEvent
from heard.events import services
from heard.events.models import AgendaItem, Invitation, InvitationState, SectorQuota, Session
from heard.notify.models import Message
from tests.events.conftest import END, START, VANCOUVER, make_people
from tests.factories import MembershipFactory, ScheduleItemFactory, UserFactory


@pytest.fixture
def lead_of(session_event):
    user = UserFactory(username="eventlead")
    MembershipFactory(consultation=session_event.schedule_item.consultation, user=user, role="lead")
    return user


def _refuse(monkeypatch, action):
    """Make the audit event `action` fail, as a full disk or a lost connection would."""
    real = audit.record

    def failing(**kwargs):
        if kwargs["action"] == action:
            raise RuntimeError("the audit table is not writable")
        return real(**kwargs)

    monkeypatch.setattr(audit, "record", failing)


AGENDA = {
    "action": "agenda",
    "kind": "breakout",
    "title_en": "Prevention",
    "title_fr": "Prévention",
    "position": "1",
}


@pytest.mark.django_db
def test_an_agenda_item_is_saved_with_its_audit_event(client, session_event, lead_of):
    consultation = session_event.schedule_item.consultation
    client.force_login(lead_of)
    url = f"/en/staff/consultations/{consultation.pk}/sessions/{session_event.pk}/notes/"
    assert client.post(url, AGENDA).status_code == 302
    item = AgendaItem.objects.get()
    event = AuditEvent.objects.get(action="agenda.added")
    assert event.target_id == str(item.pk) and event.actor == lead_of


@pytest.mark.django_db(transaction=True)
def test_an_agenda_item_is_not_kept_when_its_audit_event_fails(
    client, session_event, lead_of, monkeypatch
):
    consultation = session_event.schedule_item.consultation
    client.force_login(lead_of)
    url = f"/en/staff/consultations/{consultation.pk}/sessions/{session_event.pk}/notes/"
    _refuse(monkeypatch, "agenda.added")
    with pytest.raises(RuntimeError):
        client.post(url, AGENDA)
    assert not AgendaItem.objects.exists()  # one transaction: no item without its audit


@pytest.fixture
def full_session(session_event, sectors):
    """Capacity 1: one person has the seat, two wait (the police officer first)."""
    session_event.capacity = 1
    session_event.save()
    people = make_people(session_event.schedule_item.consultation, 3, sectors=sectors)
    services.invite(actor=None, session=session_event, people=people)
    first, second, third = Invitation.objects.order_by("id")
    for invitation in (first, second, third):
        services.respond(invitation=invitation, attend=True)
    states = [i.state for i in Invitation.objects.order_by("id")]
    assert states == ["accepted", "waitlisted", "waitlisted"]
    return session_event


def _setup(session, actor, **changes):
    values = {
        "starts_at": START,
        "ends_at": END,
        "capacity": session.capacity,
        "link_valid_days": session.link_valid_days,
        "visibility": session.schedule_item.visibility,
        "quotas": {},
        **changes,
    }
    return services.configure_session(actor=actor, item=session.schedule_item, **values)


@pytest.mark.django_db
def test_configuring_a_session_locks_it_promotes_the_waitlist_and_audits(
    full_session, lead_of, sectors, monkeypatch
):
    locked = []
    real_lock = services._lock

    def spy(session):
        assert transaction.get_connection().in_atomic_block
        locked.append(session.pk)
        return real_lock(session)

    monkeypatch.setattr(services, "_lock", spy)
    answers_before = Message.objects.filter(kind="answer").count()
    with CaptureQueriesContext(connection) as queries:
        setup = _setup(full_session, lead_of, capacity=3, quotas={sectors[2]: 1})
    assert locked == [full_session.pk]  # no invitee can take a seat while the room changes
    if connection.features.has_select_for_update:
        assert any("FOR UPDATE" in q["sql"] for q in queries.captured_queries)
    assert setup.session.pk == full_session.pk and setup.session.capacity == 3
    assert len(setup.promoted) == 2
    assert set(Invitation.objects.values_list("state", flat=True)) == {InvitationState.ACCEPTED}
    assert Message.objects.filter(kind="answer").count() == answers_before + 2  # told at once
    assert SectorQuota.objects.get(session=full_session).seats == 1
    configured = AuditEvent.objects.get(action="session.configured")
    assert configured.actor == lead_of and configured.changes["capacity"] == "3"
    assert AuditEvent.objects.filter(action="invitation.promoted").count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_failing_audit_undoes_the_whole_set_up(full_session, lead_of, monkeypatch):
    _refuse(monkeypatch, "session.configured")
    messages_before = Message.objects.count()
    with pytest.raises(RuntimeError):
        _setup(full_session, lead_of, capacity=3)
    assert Session.objects.get().capacity == 1
    assert Invitation.objects.filter(state=InvitationState.WAITLISTED).count() == 2
    assert Message.objects.count() == messages_before  # nobody told of a seat they do not have


@pytest.mark.django_db
def test_a_new_session_is_created_through_the_service(session_event, lead_of, sectors):
    item = ScheduleItemFactory(
        consultation=session_event.schedule_item.consultation, time_zone="America/Winnipeg"
    )
    setup = services.configure_session(
        actor=lead_of,
        item=item,
        starts_at=datetime(2031, 9, 10, 9, 0, tzinfo=VANCOUVER),
        ends_at=datetime(2031, 9, 10, 16, 0, tzinfo=VANCOUVER),
        capacity=None,
        link_valid_days=30,
        visibility="transparent",
        quotas={sectors[0]: 4, sectors[1]: 0},
    )
    assert setup.promoted == []
    assert Session.objects.get(schedule_item=item).link_valid_days == 30
    assert list(
        SectorQuota.objects.filter(session=setup.session).values_list("seats", flat=True)
    ) == [4]
    item.refresh_from_db()
    assert item.visibility == "transparent"
    assert AuditEvent.objects.filter(
        action="session.configured", target_id=str(setup.session.pk)
    ).exists()


@pytest.mark.django_db
def test_reminders_skip_people_who_have_since_asked_not_to_be_contacted(session_event, lead_of):
    people = make_people(session_event.schedule_item.consultation, 2)
    services.invite(actor=lead_of, session=session_event, people=people)
    people[0].do_not_contact = True
    people[0].save()
    with time_machine.travel(datetime.now(tz=VANCOUVER) + timedelta(days=6)):
        assert services.remind(actor=lead_of, session=session_event) == 1
    reminded = Invitation.objects.get(reminders_sent=1)
    assert reminded.person == people[1]
