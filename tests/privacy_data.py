"""A consultation holding every kind of personal data, and one person present in all of it:
in the registry, invited to a session (with registration answers), sent the questionnaire and
answering it, asking for it again through the public form, suggested by a colleague, emailed,
and named in a session note and in the analysis. Shared by the erasure, retention and backup
tests."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from heard.cli import DEMO_FOLDER, load_everything
from heard.consultations.models import Consultation
from heard.stakeholders.models import Person

EMAIL = "marguerite.okafor@example.org"
NAME = "Marguerite Okafor"
BRIEF = f"%PDF-1.4 A brief from {NAME}, Northern Shelter.".encode()
ANSWER = "Our shelter in Thunder Bay had no beds. Call me at 807-555-0142 or write to me."


@dataclass
class Everything:
    consultation: Consultation
    person: Person
    response_pk: int
    note_pk: int


def build(settings) -> Everything:  # type: ignore[no-untyped-def]
    from heard.analysis.demo import populate as populate_analysis
    from heard.core.crypto import blind_index
    from heard.events.demo import populate as populate_sessions
    from heard.events.models import Invitation, Note, Session, Suggestion
    from heard.events.services import code_index
    from heard.notify.services import queue_email
    from heard.questionnaires.demo import populate as populate_questionnaire
    from heard.questionnaires.models import (
        AnswerFile,
        Questionnaire,
        Respondent,
        Response,
        ResponseState,
    )
    from heard.questionnaires.services import request_access

    settings.HEARD_ANALYSIS_PROCESSES = 1
    settings.HEARD_ANALYSIS_MEANING = "off"
    consultation = load_everything(DEMO_FOLDER)[0].consultation
    populate_sessions(consultation)
    populate_questionnaire(consultation, DEMO_FOLDER)

    person = Person.objects.create(
        consultation=consultation,
        name=NAME,
        email=EMAIL,
        email_index=blind_index(EMAIL),
        phone="807-555-0142",
        language="en",
    )
    session = Session.objects.filter(schedule_item__consultation=consultation).first()
    other = Invitation.objects.filter(session=session).first()
    invitation = Invitation.objects.create(
        session=session,
        person=person,
        token_hash="f" * 64,
        link_expires_at=session.ends_at,
        dietary_needs="No nuts",
        registration_code_index=code_index(session, "ABC234"),
    )
    Suggestion.objects.create(
        invitation=other, name=NAME, email=EMAIL.upper(), note="She runs the shelter."
    )
    questionnaire = Questionnaire.objects.filter(consultation=consultation).first()
    respondent = Respondent.objects.create(
        questionnaire=questionnaire, person=person, source="registry", token_hash="e" * 64
    )
    version = questionnaire.versions.order_by("-number").first()
    text_question = next(f["name"] for f in version.definition["fields"] if f["type"] == "text")
    response = Response(
        respondent=respondent,
        version=version,
        state=ResponseState.SUBMITTED,
        submitted_at=session.starts_at,
    )
    response.answers = {text_question: ANSWER}
    response.save()
    AnswerFile.objects.create(  # a file she attached, her name in it and in its name
        response=response,
        field="brief",
        name="okafor-brief.pdf",
        content_type="application/pdf",
        size=len(BRIEF),
        sha256="0" * 64,
        content=BRIEF,
    )
    with transaction.atomic():
        request_access(
            questionnaire=questionnaire,
            name=NAME,
            organisation="Northern Shelter",
            email=EMAIL,
            sector_id=None,
            reason="I was not on the list.",
            language="en",
            address="203.0.113.9",
        )
        queue_email(
            scope=consultation.scope,
            kind="invitation",
            dedupe_key=f"test-invitation-{invitation.pk}",
            to=EMAIL,
            subject="Invitation",
            text=f"Dear {NAME}, you are invited.",
        )
    note = Note.objects.create(
        session=session,
        language="en",
        text=f"{NAME} said the shelter turns people away. Ms Okafor asked for funding.",
        recorded_by="facilitator",
    )
    populate_analysis(consultation)
    return Everything(consultation, person, response.pk, note.pk)
