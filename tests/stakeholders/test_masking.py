"""Field-level access: people's names, e-mail addresses and phone numbers are shown only to the
roles that may export them (leads); every other role sees "hidden" on every staff page. At the
door, facilitators see the name and organisation of the confirmed invitees they look up."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from heard.core.crypto import blind_index
from heard.events import services as events
from heard.events.models import Session
from heard.notify import services as notify
from heard.notify.models import Message
from heard.questionnaires import services as questionnaires
from heard.stakeholders.models import Organisation, Person
from tests.events.conftest import END, START
from tests.factories import MembershipFactory, ScheduleItemFactory, UserFactory
from tests.questionnaires.builders import xlsx
from tests.questionnaires.test_respondent import CHOICES, SURVEY

NAME = "Ada Lovelace-Exemplar"
EMAIL = "ada.exemplar@shelter.example"
PHONE = "+1 613 555 0199"
ORGANISATION = "Harbour Shelter Society"
SUGGESTED = ("Grace Colleague-Exemplar", "grace.colleague@shelter.example")
ASKER = ("Robin Asker-Exemplar", "robin.asker@example.org")
BOUNCE = "550 5.1.1 <ada.exemplar@shelter.example>: mailbox unavailable"

PERSONAL = [NAME, EMAIL, PHONE, *SUGGESTED, *ASKER, "ada.exemplar@"]


@pytest.fixture
def world(db, consultation, lead):
    """A registry of one person, invited to a session (accepted, with a colleague suggested), sent
    the questionnaire, one access request, and a bounced message in the outbox."""
    organisation = Organisation.objects.create(consultation=consultation, name_en=ORGANISATION)
    person = Person.objects.create(
        consultation=consultation,
        name=NAME,
        email=EMAIL,
        email_index=blind_index(EMAIL),
        phone=PHONE,
        organisation=organisation,
        language="en",
    )
    item = ScheduleItemFactory(consultation=consultation)
    session = Session.objects.create(schedule_item=item, starts_at=START, ends_at=END, capacity=9)
    events.invite(actor=None, session=session, people=[person])
    invitation = session.invitations.get()
    events.respond(invitation=invitation, attend=True)
    with transaction.atomic():
        events.suggest_colleague(
            invitation=invitation, name=SUGGESTED[0], email=SUGGESTED[1], note="Runs the shelter."
        )
    questionnaire = questionnaires.create_questionnaire(
        actor=lead,
        consultation=consultation,
        title_en="Questionnaire",
        title_fr="Questionnaire",
        privacy_notice_en="Why.",
        privacy_notice_fr="Pourquoi.",
        opens_at=timezone.now() - timedelta(days=1),
        closes_at=timezone.now() + timedelta(days=9),
    )
    questionnaires.upload_form(
        actor=lead, questionnaire=questionnaire, data=xlsx(SURVEY, CHOICES), filename="f.xlsx"
    )
    questionnaires.invite(actor=None, questionnaire=questionnaire, people=[person])
    questionnaires.request_access(
        questionnaire=questionnaire,
        address="192.0.2.1",
        name=ASKER[0],
        organisation="",
        email=ASKER[1],
        sector_id=None,
        reason="",
        language="en",
    )
    with transaction.atomic():
        bounced = notify.queue_email(
            scope=consultation.scope,
            kind="test",
            dedupe_key="bounce",
            to=EMAIL,
            subject="Hello",
            text="Hello",
        )
    Message.objects.filter(pk=bounced.pk).update(state="failed", last_error=BOUNCE)
    base = f"/en/staff/consultations/{consultation.pk}/"
    return {
        "registry": base + "registry/",
        "outbox": base + "outbox/",
        "session": base + f"sessions/{session.pk}/",
        "check_in": base + f"sessions/{session.pk}/check-in/",
        "people": base + f"questionnaires/{questionnaire.pk}/people/",
        "requests": base + f"questionnaires/{questionnaire.pk}/requests/",
    }


def _member(consultation, role: str):
    user = UserFactory(username=role)
    MembershipFactory(consultation=consultation, user=user, role=role)
    return user


def _text(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_only_leads_may_see_contact_data():
    from heard.consultations.access import CONTACT_ROLES

    assert CONTACT_ROLES == ("lead",)


def test_a_lead_sees_names_and_contact_details_everywhere(client, lead, world):
    client.force_login(lead)
    registry = _text(client.get(world["registry"]))
    assert NAME in registry and EMAIL in registry
    assert 'role="search"' in registry
    outbox = _text(client.get(world["outbox"]))
    assert EMAIL in outbox and BOUNCE in outbox
    session = _text(client.get(world["session"]))
    assert NAME in session and SUGGESTED[0] in session and SUGGESTED[1] in session
    assert NAME in _text(client.get(world["people"]))
    requests = _text(client.get(world["requests"]))
    assert ASKER[0] in requests and ASKER[1] in requests
    assert client.get(world["registry"] + "export.csv").status_code == 200


@pytest.mark.parametrize("role", ["viewer", "analyst", "facilitator"])
def test_other_roles_see_hidden_wherever_a_lead_sees_personal_data(
    client, consultation, world, role
):
    client.force_login(_member(consultation, role))
    for page in ("registry", "outbox", "session"):
        text = _text(client.get(world[page]))
        leaked = [value for value in PERSONAL if value in text]
        assert leaked == [], f"{page} shows {leaked} to a {role}"
        assert '<span class="masked">hidden</span>' in text, page
        assert "only the consultation's leads see them" in text, page
    outbox = _text(client.get(world["outbox"]))
    assert "550 5.1.1 <hidden>: mailbox unavailable" in html.unescape(
        outbox.replace('<span class="masked">hidden</span>', "hidden")
    )
    session = _text(client.get(world["session"]))
    assert "1 suggestion waits for a lead's decision." in session
    assert "Runs the shelter." not in session
    # The organisation is not a person's contact detail: it stays, so the lists still say who
    # took part.
    assert ORGANISATION in _text(client.get(world["registry"]))
    # No search by name or address either: it would tell who is in the registry.
    assert 'role="search"' not in _text(client.get(world["registry"]))
    searched = client.post(world["registry"], {"action": "search", "q": EMAIL})
    assert searched.status_code == 403
    # The pages and the export that are all personal data stay refused.
    for page in ("people", "requests"):
        assert client.get(world[page]).status_code == 403
    assert client.get(world["registry"] + "export.csv").status_code == 403


def test_the_mask_is_bilingual(client, consultation, viewer, world):
    client.force_login(viewer)
    text = _text(client.get(world["registry"].replace("/en/", "/fr/")))
    assert '<span class="masked">masqué</span>' in text
    assert NAME not in text and EMAIL not in text


def test_a_facilitator_sees_the_name_and_organisation_at_the_door_and_nothing_more(
    client, consultation, world
):
    client.force_login(_member(consultation, "facilitator"))
    found = _text(client.post(world["check_in"], {"action": "search", "q": "lovelace"}))
    assert NAME in found and ORGANISATION in found
    assert EMAIL not in found and PHONE not in found


def test_a_viewer_cannot_look_people_up_at_the_door(client, consultation, viewer, world):
    client.force_login(viewer)
    page = _text(client.get(world["check_in"]))
    assert NAME not in page
    assert client.post(world["check_in"], {"action": "search", "q": "lovelace"}).status_code == 403
