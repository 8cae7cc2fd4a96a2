"""Every staff edit screen saves what it says it saved, and writes it to the History.

Each case opens an edit page, posts back exactly what the page showed with one field changed, and
then reads the database: the new value is stored and an audit event names the change. (A form
bound to the object it edits had already copied the new values onto it, so a service comparing
against that object saw no change, said "Changes saved." and saved nothing.)
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from heard.core.models import AuditEvent
from heard.events.models import Session
from heard.questionnaires import services as questionnaire_services
from heard.questionnaires.models import Questionnaire
from heard.stakeholders.models import Organisation, Person
from tests.factories import (
    RelatedLinkFactory,
    ReportingCommitmentFactory,
    ScheduleItemFactory,
)
from tests.html_forms import form_index_with, form_values

pytestmark = pytest.mark.django_db


def _post_back(client, url: str, field: str, value: str):
    page = client.get(url)
    assert page.status_code == 200, url
    html = page.content.decode()
    values = form_values(html, form_index_with(html, field))
    assert values[field] != value, f"{field} already holds {value!r}"
    values[field] = value
    return client.post(url, values)


def _audited(action: str, target_id: int) -> AuditEvent:
    event = AuditEvent.objects.filter(action=action, target_id=str(target_id)).first()
    assert event is not None, f"no History entry {action} for {target_id}"
    return event


def test_questionnaire_settings_are_saved(client, lead, consultation):
    client.force_login(lead)
    now = timezone.now()
    questionnaire = questionnaire_services.create_questionnaire(
        actor=lead,
        consultation=consultation,
        title_en="Questions",
        title_fr="Questions",
        privacy_notice_en="Why.",
        privacy_notice_fr="Pourquoi.",
        opens_at=now - timedelta(days=10),
        closes_at=now - timedelta(days=1),
    )
    base = f"/en/staff/consultations/{consultation.pk}/questionnaires/{questionnaire.pk}/"
    response = _post_back(client, base + "edit/", "closes_at", "2027-06-30T23:59")
    assert response.status_code == 302
    stored = Questionnaire.objects.get(pk=questionnaire.pk)
    zone = ZoneInfo(consultation.time_zone)
    assert stored.closes_at == datetime(2027, 6, 30, 23, 59, tzinfo=zone)
    assert "closes_at" in _audited("questionnaire.changed", questionnaire.pk).changes
    # What the guide promises: the questionnaire is open again.
    assert stored.is_open(datetime(2027, 6, 1, tzinfo=zone))


def test_consultation_page_is_saved(client, lead, consultation):
    client.force_login(lead)
    url = f"/en/staff/consultations/{consultation.pk}/edit/"
    assert _post_back(client, url, "title_en", "A new title").status_code == 302
    consultation.refresh_from_db()
    assert consultation.title_en == "A new title"
    assert "title_en" in _audited("consultation.updated", consultation.pk).changes


@pytest.mark.parametrize(
    ("kind", "factory", "field", "action"),
    [
        ("schedule", ScheduleItemFactory, "title_en", "scheduleitem.updated"),
        ("links", RelatedLinkFactory, "title_en", "relatedlink.updated"),
        ("commitments", ReportingCommitmentFactory, "document_en", "reportingcommitment.updated"),
    ],
)
def test_parts_of_the_page_are_saved(client, lead, consultation, kind, factory, field, action):
    client.force_login(lead)
    part = factory(consultation=consultation)
    url = f"/en/staff/consultations/{consultation.pk}/{kind}/{part.pk}/"
    response = _post_back(client, url, field, "Changed by the lead")
    assert response.status_code == 302, response.content.decode()[:2000]
    part.refresh_from_db()
    assert getattr(part, field) == "Changed by the lead"
    assert field in _audited(action, part.pk).changes


def test_a_person_is_saved(client, lead, consultation):
    client.force_login(lead)
    person = Person.objects.create(
        consultation=consultation,
        name="Ada Example",
        email="ada@example.org",
        email_index="x",
        consent_source="form",
        consent_basis="consent",
    )
    url = f"/en/staff/consultations/{consultation.pk}/registry/people/{person.pk}/"
    assert _post_back(client, url, "name", "Ada B. Example").status_code == 302
    person.refresh_from_db()
    assert person.name == "Ada B. Example"
    assert _audited("person.updated", person.pk).changes == {"fields": ["name"]}


def test_an_organisation_is_saved(client, lead, consultation):
    client.force_login(lead)
    organisation = Organisation.objects.create(
        consultation=consultation, name_en="Shelter", name_fr="Refuge", match_name="shelter"
    )
    url = f"/en/staff/consultations/{consultation.pk}/registry/organisations/{organisation.pk}/"
    assert _post_back(client, url, "name_en", "Harbour shelter").status_code == 302
    organisation.refresh_from_db()
    assert organisation.name_en == "Harbour shelter"
    assert _audited("organisation.updated", organisation.pk)


def test_a_session_set_up_is_saved(client, lead, consultation):
    client.force_login(lead)
    item = ScheduleItemFactory(consultation=consultation)
    url = f"/en/staff/consultations/{consultation.pk}/sessions/event/{item.pk}/setup/"
    page = client.get(url)
    assert page.status_code == 200
    values = form_values(page.content.decode(), form_index_with(page.content.decode(), "capacity"))
    values.update(starts="2030-05-04T09:00", ends="2030-05-04T16:00", capacity="40")
    assert client.post(url, values).status_code == 302
    assert _post_back(client, url, "capacity", "55").status_code == 302
    session = Session.objects.get(schedule_item=item)
    assert session.capacity == 55
    assert AuditEvent.objects.filter(action="session.configured").count() == 2
