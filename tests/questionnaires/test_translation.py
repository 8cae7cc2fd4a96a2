"""A form written in one language: accepted as a draft that cannot open, sent out for translation
as an XLSForm or XLIFF 2, and filled in when the translation comes back."""

from __future__ import annotations

import io
from xml.etree.ElementTree import SubElement, tostring

import openpyxl
import pytest
from defusedxml import ElementTree
from django.core.files.uploadedfile import SimpleUploadedFile

from heard.core.audit import AuditEvent
from heard.questionnaires import services, translation
from heard.questionnaires.xlsform import FormError, missing_translations, to_xform
from heard.questionnaires.xlsform_export import to_xlsx
from tests.questionnaires.builders import xlsx

XLIFF = "{urn:oasis:names:tc:xliff:document:2.0}"
ENGLISH_ONLY = xlsx(
    [
        {"type": "begin_group", "name": "about", "label": "About you"},
        {"type": "select_one sector", "name": "sector", "label": "Your sector?", "hint": "One"},
        {"type": "text", "name": "idea", "label": "Your idea?"},
        {"type": "end_group"},
    ],
    [
        {"list_name": "sector", "name": "ngo", "label": "Non-profit"},
        {"list_name": "sector", "name": "gov", "label": "Government"},
    ],
    survey_header=["type", "name", "label", "hint"],
    choices_header=["list_name", "name", "label"],
)
FRENCH = {
    "survey/about/label": "À propos de vous",
    "survey/sector/label": "Votre secteur ?",
    "survey/sector/hint": "Un seul",
    "survey/idea/label": "Votre idée ?",
    "choices/sector/ngo/label": "Sans but lucratif",
    "choices/sector/gov/label": "Gouvernement",
}


@pytest.fixture
def draft(questionnaire, lead):
    services.upload_form(
        actor=lead, questionnaire=questionnaire, data=ENGLISH_ONLY, filename="form.xlsx"
    )
    return questionnaire


def _filled_xliff(data: bytes, texts: dict[str, str]) -> bytes:
    root = ElementTree.fromstring(data)
    for unit in root.iter(f"{XLIFF}unit"):
        segment = unit.find(f"{XLIFF}segment")
        target = segment.find(f"{XLIFF}target")
        if target is None:
            target = SubElement(segment, f"{XLIFF}target")
        if unit.get("id") in texts:
            target.text = texts[unit.get("id")]
    return tostring(root, encoding="utf-8")


def test_a_draft_cannot_open_nor_be_sent_until_translated(draft, lead, client):
    assert draft.current_version.missing_translations()
    assert not draft.is_open()  # between its dates, but not in French
    client.force_login(lead)
    base = f"/en/staff/consultations/{draft.consultation.pk}/questionnaires/{draft.pk}/"
    page = client.get(base).content.decode()
    assert "6 texts of the form are in one language only" in page
    refused = client.post(base + "invite/", {}, follow=True).content.decode()
    assert "Translate the form before inviting anyone." in refused


def test_the_xliff_round_trip_fills_every_text(draft, lead, client):
    client.force_login(lead)
    base = f"/en/staff/consultations/{draft.consultation.pk}/questionnaires/{draft.pk}/"
    page = client.get(base + "translation/").content.decode()
    assert "Your sector?" in page and "Non-profit" in page
    sent = client.get(base + "translation/file/?as=xliff")
    assert sent["Content-Disposition"].endswith('-fr.xlf"')
    root = ElementTree.fromstring(sent.content)
    assert (root.get("srcLang"), root.get("trgLang")) == ("en", "fr")
    assert {u.get("id") for u in root.iter(f"{XLIFF}unit")} == set(FRENCH)
    # Half of it comes back first: imported, the rest still listed.
    half = dict(list(FRENCH.items())[:3])
    back = client.post(
        base + "translation/",
        {"file": SimpleUploadedFile("form-fr.xlf", _filled_xliff(sent.content, half))},
        follow=True,
    ).content.decode()
    assert "3 texts still lack their other language" in back
    back = client.post(
        base + "translation/",
        {"file": SimpleUploadedFile("form-fr.xlf", _filled_xliff(sent.content, FRENCH))},
        follow=True,
    ).content.decode()
    assert "every text is in English and French" in back
    draft.refresh_from_db()
    version = draft.current_version
    assert missing_translations(version.definition) == []
    sector = next(f for f in version.definition["fields"] if f["name"] == "sector")
    assert sector["label"] == {"en": "Your sector?", "fr": "Votre secteur ?"}
    assert 'lang="Français (fr)"' in version.xform
    assert draft.is_open()
    assert AuditEvent.objects.filter(action="questionnaire.translated").count() == 2


def test_the_xlsform_round_trip_fills_the_french_columns(draft, lead):
    version = draft.current_version
    book = openpyxl.load_workbook(
        io.BytesIO(translation.xlsform_for_translation(version.definition))
    )
    survey = book["survey"]
    headers = [c.value for c in survey[1]]
    assert "label::Français (fr)" in headers and "label::English (en)" in headers
    column = headers.index("label::Français (fr)") + 1
    names = headers.index("name") + 1
    for number in range(2, survey.max_row + 1):
        name = survey.cell(number, names).value
        if name:
            survey.cell(number, column).value = FRENCH.get(f"survey/{name}/label", "")
    choices = book["choices"]
    headers = [c.value for c in choices[1]]
    column = headers.index("label::Français (fr)") + 1
    for number in range(2, choices.max_row + 1):
        list_name, name = choices.cell(number, 1).value, choices.cell(number, 2).value
        choices.cell(number, column).value = FRENCH[f"choices/{list_name}/{name}/label"]
    out = io.BytesIO()
    book.save(out)
    version, remaining = translation.import_translation(
        actor=lead, questionnaire=draft, data=out.getvalue(), filename="form-fr.xlsx"
    )
    assert remaining == 1  # the hint was left untranslated
    assert [m["name"] for m in missing_translations(version.definition)] == ["sector"]
    assert to_xform(to_xlsx(version.definition), "back.xlsx") == version.xform


def test_a_translation_that_changes_the_form_is_refused_and_changes_nothing(draft, lead):
    version = draft.current_version
    before = version.definition
    book = openpyxl.load_workbook(io.BytesIO(translation.xlsform_for_translation(before)))
    survey = book["survey"]
    survey.cell(3, 1).value = "select_multiple sector"  # the type, not a text
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(FormError) as caught:
        translation.import_translation(
            actor=lead, questionnaire=draft, data=out.getvalue(), filename="form-fr.xlsx"
        )
    assert "changes the form itself (sector)" in str(caught.value)
    wrong = b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
    wrong += b'trgLang="fr"><file id="x"><unit id="survey/nobody/label"><segment><source>A'
    wrong += b"</source><target>B</target></segment></unit></file></xliff>"
    with pytest.raises(FormError) as caught:
        translation.import_translation(
            actor=lead, questionnaire=draft, data=wrong, filename="form.xlf"
        )
    assert "The text “survey/nobody/label” is not in this form" in str(caught.value)
    version.refresh_from_db()
    assert version.definition == before
