"""Lengths at sessions: the invitee's answer and suggestion, walk-ins, notes typed or uploaded."""

from __future__ import annotations

import html

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from heard.core import limits
from heard.events import services
from heard.events.models import Attendance, Invitation, Note, Suggestion
from heard.notify.models import Message
from heard.stakeholders.models import Person
from tests.events.conftest import make_people
from tests.events.test_invitations import LINK
from tests.factories import MembershipFactory, UserFactory

LONG_ADDRESS = "q" * (260 - len("@ngo.ca")) + "@ngo.ca"  # well formed, 260 characters


def _text(page) -> str:
    return html.unescape(page.content.decode()).replace("\xa0", " ").replace("\u202f", " ")


@pytest.fixture
def invitee_client(client, session_event, settings):
    settings.HEARD_PUBLIC_URL = "http://testserver"
    (person,) = make_people(session_event.schedule_item.consultation, 1)
    services.invite(actor=None, session=session_event, people=[person])
    client.get(LINK.search(Message.objects.get().payload).group(1), follow=True)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "errors"),
    [
        (
            "en",
            [
                "Your colleague's e-mail address: Ensure this value has at most 254 characters "
                "(it has 260).",
                "Why should they take part?: Ensure this value has at most 1000 characters "
                "(it has 5000).",
            ],
        ),
        (
            "fr",
            [
                "Adresse courriel de votre collègue : Assurez-vous que cette valeur comporte au "
                "plus 254 caractères (actuellement 260).",
                "comporte au plus 1000 caractères (actuellement 5000).",
            ],
        ),
    ],
)
def test_a_suggestion_with_a_long_address_is_refused_and_kept(invitee_client, language, errors):
    page = invitee_client.post(
        f"/{language}/invitation/colleague/",
        {"name": "Quinn Exemplar", "email": LONG_ADDRESS, "note": "n" * 5_000},
    )
    text = _text(page)
    for error in errors:
        assert error in text, text[:4000]
    assert 'value="Quinn Exemplar"' in text
    assert not Suggestion.objects.exists()


@pytest.mark.django_db
def test_long_needs_are_refused_and_the_answer_is_kept(invitee_client):
    page = invitee_client.post(
        "/en/invitation/",
        {"attend": "yes", "dietary_needs": "Sans noix", "accessibility_needs": "a" * 1_001},
    )
    text = _text(page)
    assert "Ensure this value has at most 1000 characters (it has 1001)." in text
    assert "Sans noix" in text
    assert Invitation.objects.get().state == "pending"
    french = _text(
        invitee_client.post(
            "/fr/invitation/", {"attend": "yes", "accessibility_needs": "a" * 1_001}
        )
    )
    assert "Assurez-vous que cette valeur comporte au plus 1000 caractères" in french


@pytest.mark.django_db
def test_the_services_refuse_what_the_forms_refuse(session_event):
    (person,) = make_people(session_event.schedule_item.consultation, 1)
    services.invite(actor=None, session=session_event, people=[person])
    invitation = Invitation.objects.get()
    with pytest.raises(ValidationError) as refused:
        services.suggest_colleague(
            invitation=invitation, name="N" * 1_000_000, email="a@b.ca", note=""
        )
    assert set(refused.value.message_dict) == {"name"}
    with pytest.raises(ValidationError):
        services.respond(invitation=invitation, attend=True, answers={"dietary_needs": "d" * 1_001})
    assert not Suggestion.objects.exists()
    assert Invitation.objects.get().state == "pending"


@pytest.fixture
def lead_client(client, session_event):
    user = UserFactory(username="eventlead")
    MembershipFactory(consultation=session_event.schedule_item.consultation, user=user, role="lead")
    client.force_login(user)
    return client


def _staff(session, language="en"):
    consultation = session.schedule_item.consultation
    return f"/{language}/staff/consultations/{consultation.pk}/sessions/{session.pk}/"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_walk_in_with_a_long_address_is_refused_and_kept(lead_client, session_event, language):
    page = lead_client.post(
        _staff(session_event, language) + "check-in/",
        {
            "action": "walk_in",
            "name": "Sacha Specimen",
            "email": LONG_ADDRESS,
            "organisation": "Cedar Point Youth Outreach",
            "language": "fr",
        },
    )
    text = _text(page)
    expected = {
        "en": "Ensure this value has at most 254 characters (it has 260).",
        "fr": "Assurez-vous que cette valeur comporte au plus 254 caractères (actuellement 260).",
    }[language]
    assert expected in text
    assert 'value="Sacha Specimen"' in text and 'value="Cedar Point Youth Outreach"' in text
    assert not Attendance.objects.exists() and not Person.objects.exists()


@pytest.mark.django_db
def test_notes_over_the_limit_are_refused_typed_or_uploaded(lead_client, session_event):
    url = _staff(session_event) + "notes/"
    too_long = "Said." * (limits.NOTES // 5) + "!"
    page = lead_client.post(
        url, {"action": "note", "question": "What gaps do you see?", "text": too_long}
    )
    text = _text(page)
    assert f"Ensure this value has at most 200000 characters (it has {len(too_long)})." in text
    assert "What gaps do you see?" in text
    assert too_long in text  # whole, to be split
    upload = SimpleUploadedFile("notes.txt", too_long.encode())
    page = lead_client.post(url, {"action": "note", "upload": upload})
    assert (
        f"The file holds {len(too_long):,} characters of text; notes have at most 200,000. "
        "Split it into several notes." in _text(page)
    )
    named = SimpleUploadedFile("n" * 201 + ".txt", b"Said.")
    page = lead_client.post(url, {"action": "note", "upload": named})
    assert "The file's name has 205 characters, at most 200: rename the file." in _text(page)
    french = lead_client.post(
        _staff(session_event, "fr") + "notes/",
        {"action": "note", "upload": SimpleUploadedFile("notes.txt", too_long.encode())},
    )
    assert "des notes en comptent au plus 200" in _text(french)
    assert not Note.objects.exists()


@pytest.mark.parametrize(
    "text",
    [
        "Said." * (limits.NOTES // 5),  # one long run of capitals and dots, no space
        "\n" * (limits.NOTES - 1) + "x",  # blank lines
        ("Ab" * 500 + "\n") * (limits.NOTES // 1001),
    ],
    ids=["dots", "blank-lines", "long-words"],
)
def test_notes_at_the_limit_are_anonymised_in_one_pass(text):
    # These took minutes (the first, hours) before the speaker pattern was made linear.
    from heard.events.notes import remove_speaker_names

    assert remove_speaker_names(text) == text
    assert remove_speaker_names("Marc Essai: yes\n\n- Ana Lima : no") == (
        "Participant: yes\n\n- Participant: no"
    )
