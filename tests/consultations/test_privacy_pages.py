"""The privacy page: every member sees the retention schedule and what the purge will remove;
leads change the schedule and erase a person, after seeing what will go and confirming their
password if it was checked a while ago. In English and French."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from heard.core.crypto import blind_index
from heard.core.models import AuditEvent
from heard.stakeholders.models import Person
from tests.factories import MembershipFactory, UserFactory


def person(consultation, email="sam.lavoie@example.org", name="Sam Lavoie"):  # type: ignore[no-untyped-def]
    return Person.objects.create(
        consultation=consultation, name=name, email=email, email_index=blind_index(email)
    )


@pytest.mark.django_db
def test_members_see_the_schedule_and_only_leads_get_the_forms(client, consultation):
    viewer = UserFactory(username="viewer")
    MembershipFactory(consultation=consultation, user=viewer, role="viewer")
    person(consultation)
    client.force_login(viewer)
    page = client.get(f"/fr/staff/consultations/{consultation.pk}/privacy/").content.decode()
    assert "Calendrier de conservation" in page
    assert "Personnes du registre" in page
    assert "Effacer une personne" not in page
    refused = client.post(
        f"/en/staff/consultations/{consultation.pk}/privacy/erase/",
        {"email": "sam.lavoie@example.org", "confirm": "yes"},
    )
    assert refused.status_code == 403
    assert Person.objects.count() == 1


@pytest.mark.django_db
def test_a_lead_changes_the_retention_and_bad_values_are_named(client, lead, consultation):
    client.force_login(lead)
    url = f"/en/staff/consultations/{consultation.pk}/privacy/retention/"
    bad = client.post(url, {"months": "0"})
    assert bad.status_code == 200
    assert "Ensure this value is greater than or equal to 1." in bad.content.decode()
    done = client.post(url, {"months": "24"}, follow=True)
    assert "Retention changed." in done.content.decode()
    consultation.refresh_from_db()
    assert consultation.retention_months == 24
    event = AuditEvent.objects.get(action="retention.changed")
    assert event.changes == {"retention_months": [12, 24]}


@pytest.mark.django_db
def test_a_lead_sees_what_will_go_then_erases_after_confirming_the_password(
    client, lead, consultation
):
    from tests.consultations.test_passwords import PASSWORD

    lead.set_password(PASSWORD)
    lead.save()
    kept = person(consultation, "other@example.org", "Other Person")
    person(consultation)
    client.force_login(lead)
    url = f"/en/staff/consultations/{consultation.pk}/privacy/erase/"

    unknown = client.post(url, {"email": "nobody@example.org"})
    assert "Nothing in this consultation is known by this address." in unknown.content.decode()
    bad = client.post(url, {"email": "not an address"})
    assert "Enter a valid email address." in bad.content.decode()

    shown = client.post(url, {"email": "Sam.Lavoie@example.org"}).content.decode()
    assert "Erase this person?" in shown and "Entries in the registry" in shown
    assert Person.objects.count() == 2  # nothing yet

    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        asked = client.post(url, {"email": "sam.lavoie@example.org", "confirm": "yes"})
        assert asked["Location"].startswith("/en/staff/confirm/")
        assert Person.objects.count() == 2
        client.post(asked["Location"], {"password": PASSWORD, "next": url})
        done = client.post(
            url, {"email": "sam.lavoie@example.org", "confirm": "yes"}, follow=True
        ).content.decode()
    assert "Erased." in done
    assert list(Person.objects.all()) == [kept]
    assert AuditEvent.objects.get(action="person.erased").changes == {"people": 1}
    # The address never appears in an address bar: every step was a POST.
    assert "sam.lavoie" not in done.split("<main", 1)[0]


@pytest.mark.django_db
def test_a_persons_page_leads_to_their_erasure(client, lead, consultation):
    someone = person(consultation)
    client.force_login(lead)
    page = client.get(
        f"/en/staff/consultations/{consultation.pk}/registry/people/{someone.pk}/"
    ).content.decode()
    assert "Erase this person everywhere" in page
    assert f'action="/en/staff/consultations/{consultation.pk}/privacy/erase/"' in page
    shown = client.post(
        f"/en/staff/consultations/{consultation.pk}/privacy/erase/", {"email": someone.email}
    ).content.decode()
    assert "Erase this person?" in shown
