"""Session notes: typed or uploaded, speakers anonymous by default, language recorded, encrypted."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from docx import Document

from heard.events.models import AgendaItem, Note
from heard.events.notes import guess_language, remove_speaker_names
from tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def facilitator(session_event):
    user = UserFactory(username="notetaker")
    MembershipFactory(
        consultation=session_event.schedule_item.consultation, user=user, role="facilitator"
    )
    return user


def _url(session):
    return f"/en/staff/consultations/{session.schedule_item.consultation.pk}/sessions/{session.pk}/notes/"


def test_speaker_names_are_replaced_but_roles_kept():
    text = "Jane Placeholm: we need shelters in the north.\nFacilitator: thank you.\n- Léa Brouillon: oui."
    cleaned = remove_speaker_names(text)
    assert "Placeholm" not in cleaned and "Brouillon" not in cleaned
    assert cleaned.splitlines() == [
        "Participant: we need shelters in the north.",
        "Facilitator: thank you.",
        "- Participant: oui.",
    ]


def test_language_is_guessed_for_english_french_and_mixed_notes():
    assert guess_language("We need more shelters and they are not funded.") == "en"
    assert (
        guess_language("Les refuges sont pleins et nous manquons de fonds pour les victimes.")
        == "fr"
    )
    assert (
        guess_language("The shelters are full. Les refuges sont pleins et les fonds sont rares.")
        == "mixed"
    )


@pytest.mark.django_db
def test_a_facilitator_types_and_uploads_notes_for_a_breakout(client, session_event, facilitator):
    breakout = AgendaItem.objects.create(
        session=session_event,
        kind="breakout",
        title_en="Prevention",
        title_fr="Prévention",
        theme_en="Prevention",
        theme_fr="Prévention",
    )
    client.force_login(facilitator)
    response = client.post(
        _url(session_event),
        {
            "action": "note",
            "agenda_item": breakout.pk,
            "question": "What gaps do you see?",
            "language": "",
            "text": "Marc Essai: there is no outreach in rural areas.",
        },
    )
    assert response.status_code == 302
    note = Note.objects.get()
    assert (
        note.language == "en" and note.text == "Participant: there is no outreach in rural areas."
    )
    document = Document()
    document.add_paragraph("Animatrice : quelles sont les tendances?")
    document.add_paragraph("Zoé Modèle: Le recrutement se fait de plus en plus en ligne.")
    buffer = io.BytesIO()
    document.save(buffer)
    client.post(
        _url(session_event),
        {
            "action": "note",
            "language": "",
            "text": "",
            "upload": SimpleUploadedFile("table-3.docx", buffer.getvalue()),
        },
    )
    uploaded = Note.objects.get(source="table-3.docx")
    assert uploaded.language == "fr"
    assert "Zoé" not in uploaded.text and "en ligne" in uploaded.text
    bad = client.post(
        _url(session_event),
        {"action": "note", "upload": SimpleUploadedFile("notes.pdf", b"%PDF-1.4")},
    ).content.decode()
    assert "only .txt, .md and .docx files can be uploaded" in bad
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM events_note")
        assert all("outreach" not in row[0] for row in cursor.fetchall())  # encrypted at rest


@pytest.mark.django_db
def test_viewers_read_notes_but_cannot_write_them(client, session_event):
    viewer = UserFactory(username="reader")
    MembershipFactory(
        consultation=session_event.schedule_item.consultation, user=viewer, role="viewer"
    )
    client.force_login(viewer)
    assert client.get(_url(session_event)).status_code == 200
    assert client.post(_url(session_event), {"action": "note", "text": "x"}).status_code == 403
