"""A form that asks no question yet is kept as a draft: the questionnaire does not open, nobody
can be invited, and the lead's screen says why, until a version that asks one is uploaded."""

from __future__ import annotations

import html

from heard.questionnaires import readiness, services
from heard.questionnaires.xlsform import parse
from tests.questionnaires.builders import row, xlsx

NOTES_ONLY = [
    row("note", "welcome", "Welcome.", "Bienvenue."),
    {"type": "calculate", "name": "two", "calculation": "1 + 1"},
]
ASKING = [*NOTES_ONLY, row("text", "view", "Your view?", "Votre avis ?")]


def test_a_form_of_notes_and_calculations_is_read_and_only_its_question_is_missing():
    definition, _xform = parse(xlsx(NOTES_ONLY, []), "form.xlsx")
    assert [f["name"] for f in definition["fields"]] == ["welcome", "two"]
    assert readiness.stops(definition) == {
        "untranslated": [],
        "missing_files": [],
        "asks_nothing": True,
    }
    assert not readiness.is_ready(definition)

    asking, _xform = parse(xlsx(ASKING, []), "form.xlsx")
    assert readiness.is_ready(asking)


def test_an_acknowledgement_alone_asks_nothing():
    definition, _xform = parse(
        xlsx([row("acknowledge", "ok", "I have read it.", "Je l'ai lu.")], []), "form.xlsx"
    )
    assert readiness.stops(definition)["asks_nothing"]


def test_the_lead_is_told_and_nobody_is_invited_until_a_version_asks(questionnaire, lead, client):
    client.force_login(lead)
    base = (
        f"/en/staff/consultations/{questionnaire.consultation.pk}/questionnaires/"
        f"{questionnaire.pk}/"
    )
    uploaded = client.post(base, {"file": _upload(NOTES_ONLY)}, follow=True)
    page = html.unescape(uploaded.content.decode())
    assert "The form asks no question yet" in page
    assert "cannot open until you upload a version that asks one" in page
    questionnaire.refresh_from_db()
    assert questionnaire.current_version is not None
    assert not questionnaire.is_open()
    refused = client.post(base + "invite/", {}, follow=True)
    assert "Upload a version of the form that asks a question before inviting anyone." in (
        html.unescape(refused.content.decode())
    )

    services.upload_form(
        actor=lead,
        questionnaire=questionnaire,
        data=xlsx(ASKING, []),
        filename="f.xlsx",
        new_version=True,
    )
    questionnaire.refresh_from_db()
    assert questionnaire.is_open()
    page = html.unescape(client.get(base).content.decode())
    assert "The form asks no question yet" not in page


def test_the_french_screen_says_it_too(questionnaire, lead, client):
    services.upload_form(
        actor=lead, questionnaire=questionnaire, data=xlsx(NOTES_ONLY, []), filename="f.xlsx"
    )
    client.force_login(lead)
    page = client.get(
        f"/fr/staff/consultations/{questionnaire.consultation.pk}/questionnaires/"
        f"{questionnaire.pk}/"
    )
    assert "Le formulaire ne pose encore aucune question" in html.unescape(page.content.decode())


def _upload(survey: list[dict[str, str]]):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("notes.xlsx", xlsx(survey, []))
