"""Pictures, recordings and videos in questions and choices (XLSForm's media columns): named by
the form, attached with it or after it, kept once per questionnaire, served by Heard itself to
that questionnaire's respondents and staff only, and written back as they came."""

from __future__ import annotations

import html
import io
import re
import wave

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from heard.questionnaires import form_media, readiness, services
from heard.questionnaires.models import FormMedia
from heard.questionnaires.xlsform import FormError, parse, to_xform
from heard.questionnaires.xlsform_export import to_xlsx
from tests.questionnaires.builders import EN, FR, choice, row, xlsx
from tests.questionnaires.test_xlsform import open_questionnaire


def png(colour: str = "red") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 3), colour).save(out, "PNG")
    return out.getvalue()


def wav() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(b"\x00\x00" * 800)
    return out.getvalue()


SURVEY = [
    {
        **row("note", "intro", "Look at the map.", "Regardez la carte."),
        f"media::image::{EN}": "map-en.png",
        f"media::image::{FR}": "map-fr.png",
    },
    {
        **row("select_one sign", "sign", "Which sign have you seen?", "Quel signe avez-vous vu ?"),
        "media::audio": "question.wav",
    },
]
CHOICES = [
    {**choice("sign", "poster", "A poster", "Une affiche"), "media::image": "poster.png"},
    choice("sign", "none", "None of them", "Aucun"),
]


def form(survey=SURVEY, choices=CHOICES) -> bytes:
    return xlsx(survey, choices)


def test_media_are_read_per_language_and_named_for_attaching():
    definition, _xform = parse(form(), "form.xlsx")
    intro, sign = definition["fields"]
    assert intro["media"] == {"image": {"en": "map-en.png", "fr": "map-fr.png"}}
    # Without a language, the recording is the same in both.
    assert sign["media"] == {"audio": {"en": "question.wav", "fr": "question.wav"}}
    poster, none = definition["choices"]["sign"]
    assert poster["media"] == {"image": {"en": "poster.png", "fr": "poster.png"}}
    assert "media" not in none
    assert definition["media"] == {
        "map-en.png": {"attached": False, "kind": "image"},
        "map-fr.png": {"attached": False, "kind": "image"},
        "poster.png": {"attached": False, "kind": "image"},
        "question.wav": {"attached": False, "kind": "audio"},
    }
    assert readiness.stops(definition)["missing_files"] == [
        "map-en.png",
        "map-fr.png",
        "poster.png",
        "question.wav",
    ]


def test_pyxform_s_other_spellings_of_media_columns():
    survey = [{**row("note", "n", "See.", "Voir."), "image": "a.jpg", "media::video": "b.mp4"}]
    definition, _xform = parse(xlsx(survey, []), "form.xlsx")
    assert definition["fields"][0]["media"] == {
        "image": {"en": "a.jpg", "fr": "a.jpg"},
        "video": {"en": "b.mp4", "fr": "b.mp4"},
    }


def test_the_way_back_gives_the_same_xform():
    definition, xform = parse(form(), "form.xlsx")
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform


def _problems(data: bytes) -> str:
    with pytest.raises(FormError) as caught:
        parse(data, "form.xlsx")
    return " | ".join(str(p) for p in caught.value.problems)


def test_a_file_a_browser_cannot_show_or_a_path_is_refused_naming_the_cell():
    survey = [
        {**row("note", "a", "A", "A"), "media::image": "scan.bmp"},
        {**row("note", "b", "B", "B"), "media::audio": "C:\\sounds\\b.mp3"},
        {**row("begin_group", "g", "G", "G"), "media::image": "g.png"},
        row("text", "t", "T", "T"),
        row("end_group"),
    ]
    found = _problems(xlsx(survey, []))
    assert "“scan.bmp” is not a picture a browser can show: use a .png, .jpg" in found
    assert "Write the media file's name alone, without a folder: “b.mp3”." in found
    assert "not on a begin_group row: put them on a note." in found
    assert "media::image" in found  # the column named


def test_a_question_or_a_recording_alone_needs_a_label_saying_what_it_shows():
    for survey in (
        [{"type": "text", "name": "sign", "media::image": "sign.png"}],
        [{"type": "note", "name": "tune", "media::audio": "tune.mp3"}],
    ):
        found = _problems(xlsx([*survey, {"type": "text", "name": "q", "label": "Q"}], []))
        assert "A picture or a recording alone cannot be read by everyone" in found
        assert "The label is missing" not in found


def test_a_note_that_is_only_a_picture_is_shown_as_a_decorative_one_and_listed():
    survey = [
        {"type": "note", "name": "logo", "media::image": "logo.png"},
        row("text", "q", "Question", "Question"),
    ]
    definition, _xform = parse(xlsx(survey, []), "form.xlsx")
    assert definition["pictures_alone"] == [{"row": 2, "name": "logo"}]
    assert readiness.stops(definition)["missing_files"] == ["logo.png"]
    from heard.questionnaires.form import Form
    from heard.questionnaires.rendering import question_views
    from heard.questionnaires.templatetags.questionnaire import question_html

    form = Form(definition)
    page = next(p for p in form.pages if "logo" in p["fields"])
    [view] = [v for v in question_views(form, page, {}, "en") if v.name == "logo"]
    shown = str(question_html(view))
    assert 'class="note"' not in shown  # no empty paragraph for a screen reader to stop on


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Pictures shown with no text"), ("fr", "Images affichées sans texte")],
)
def test_the_lead_s_screen_lists_the_notes_that_are_only_a_picture(
    questionnaire, lead, client, language, heading
):
    survey = [
        {"type": "note", "name": "logo", "media::image": "logo.png"},
        row("text", "q", "Question", "Question"),
    ]
    services.upload_form(
        actor=lead, questionnaire=questionnaire, data=xlsx(survey, []), filename="f.xlsx"
    )
    client.force_login(lead)
    page = html.unescape(
        client.get(
            f"/{language}/staff/consultations/{questionnaire.consultation.pk}/"
            f"questionnaires/{questionnaire.pk}/"
        ).content.decode()
    )
    table = page[page.index('id="pictures-alone-title"') :]
    assert heading in table
    assert '<th scope="row">2</th><td><code>logo</code></td>' in table


def test_a_lead_attaches_media_the_questionnaire_opens_and_a_new_version_keeps_them(
    questionnaire, lead
):
    services.upload_form(
        actor=lead,
        questionnaire=questionnaire,
        data=form(),
        filename="f.xlsx",
        attachments={"map-en.png": png(), "question.wav": wav()},
    )
    assert not questionnaire.is_open()
    with pytest.raises(FormError) as caught:
        services.attach_files(
            actor=lead,
            questionnaire=questionnaire,
            files={"poster.png": b"GIF89a not a png", "nothing.png": png()},
        )
    found = " | ".join(str(p) for p in caught.value.problems)
    assert "The file's content is not a .png file, as its name says" in found
    assert "The form uses no file of this name. It uses: map-en.png, map-fr.png" in found
    version = services.attach_files(
        actor=lead,
        questionnaire=questionnaire,
        files={"poster.png": png("blue"), "map-fr.png": png()},
    )
    assert version.missing_files() == []
    assert questionnaire.is_open()
    # map-en.png and map-fr.png are the same picture: kept once.
    assert FormMedia.objects.filter(questionnaire=questionnaire).count() == 3
    entry = version.definition["media"]["poster.png"]
    assert entry["content_type"] == "image/png" and entry["bytes"] == len(png("blue"))

    again = services.upload_form(
        actor=lead, questionnaire=questionnaire, data=form(), filename="f.xlsx", new_version=True
    )
    assert again.number == 2 and again.missing_files() == []
    assert again.definition["media"] == version.definition["media"]


def _ready(questionnaire, lead) -> None:
    services.upload_form(
        actor=lead,
        questionnaire=questionnaire,
        data=form(),
        filename="f.xlsx",
        attachments={
            "map-en.png": png(),
            "map-fr.png": png("green"),
            "poster.png": png("blue"),
            "question.wav": wav(),
        },
    )


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_respondent_sees_the_media_of_their_language_served_by_heard(
    questionnaire, lead, settings, client, language
):
    _ready(questionnaire, lead)
    open_questionnaire(questionnaire, settings, client, language=language)
    page = html.unescape(client.get(f"/{language}/questionnaire/page/intro/").content.decode())
    pictures = re.findall(r'<img src="([^"]+)" alt="">', page)
    assert pictures[0].endswith("map-en.png" if language == "en" else "map-fr.png")
    sign = html.unescape(client.get(f"/{language}/questionnaire/page/sign/").content.decode())
    assert re.search(
        r'<label for="q-sign-1">(A poster|Une affiche)<span class="form-media"><img', sign
    )
    assert re.search(r'<audio controls preload="metadata" src="[^"]+question.wav"', sign)
    pictures += re.findall(r'<img src="([^"]+)" alt="">', sign)
    assert pictures[-1].endswith("poster.png")
    assert "http" not in " ".join(pictures)  # from Heard itself, never another site
    picture = client.get(pictures[0])
    assert picture.status_code == 200
    assert picture["Content-Type"] == "image/png"
    assert picture.content == (png() if language == "en" else png("green"))
    assert "sandbox" in picture["Content-Security-Policy"]

    client.get(f"/{language}/questionnaire/leave/")
    client.post(f"/{language}/questionnaire/leave/")
    client.cookies.clear()
    assert client.get(pictures[0]).status_code == 404  # no session, no picture


def test_staff_see_and_download_them_other_consultations_do_not(
    questionnaire, lead, client, django_user_model
):
    _ready(questionnaire, lead)
    client.force_login(lead)
    base = (
        f"/en/staff/consultations/{questionnaire.consultation.pk}/questionnaires/"
        f"{questionnaire.pk}/"
    )
    page = html.unescape(client.get(base).content.decode())
    assert "Attached: picture" in page and "Attached: recording" in page
    download = client.get(base + "versions/1/files/poster.png")
    assert download.status_code == 200 and download.content == png("blue")
    assert download["Content-Disposition"].startswith("attachment")
    entry = client.get(base + "responses/new/").content.decode()
    assert f'<img src="{base}media/' in entry  # typing in a paper response shows them too
    sha = questionnaire.current_version.definition["media"]["poster.png"]["sha256"]
    assert client.get(f"{base}media/{sha}/poster.png").content == png("blue")

    stranger = django_user_model.objects.create_user("stranger", password="x")
    client.force_login(stranger)
    assert client.get(f"{base}media/{sha}/poster.png").status_code in (403, 404)


def test_the_attach_form_takes_media_and_says_what_it_refuses(questionnaire, lead, client):
    services.upload_form(actor=lead, questionnaire=questionnaire, data=form(), filename="f.xlsx")
    client.force_login(lead)
    base = (
        f"/en/staff/consultations/{questionnaire.consultation.pk}/questionnaires/"
        f"{questionnaire.pk}/"
    )
    refused = client.post(
        base + "files/",
        {"attachments": [SimpleUploadedFile("notes.docx", b"PK", content_type="x")]},
    )
    assert "“notes.docx” is not a file a form can name" in html.unescape(refused.content.decode())
    done = client.post(
        base + "files/",
        {"attachments": [SimpleUploadedFile("poster.png", png(), content_type="image/png")]},
    )
    assert done.status_code == 302
    questionnaire.refresh_from_db()
    assert questionnaire.current_version.definition["media"]["poster.png"]["attached"]


def test_a_content_check_for_each_kind():
    assert form_media.SIGNATURES[".png"](png())
    assert form_media.SIGNATURES[".wav"](wav())
    assert not form_media.SIGNATURES[".jpg"](png())
    assert set(form_media.SIGNATURES) == set(form_media.CONTENT_TYPES)
