"""Files attached to answers (image, audio, video, file questions): what is taken and refused, kept
encrypted with the response, replaced, removed, downloaded by staff who may read answers, gone
with a withdrawal and at the end of retention."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from pyxform.xls2xform import convert

from heard.consultations import retention
from heard.core.audit import AuditEvent
from heard.questionnaires import services
from heard.questionnaires.models import AnswerFile, Response
from heard.questionnaires.xlsform import FormError, parse
from heard.questionnaires.xlsform_export import to_xlsx
from tests.questionnaires.builders import row, xlsx
from tests.questionnaires.test_respondent import invite_one

SURVEY = [
    row("begin_group", "brief", "Your brief", "Votre mémoire"),
    row(
        "file",
        "document",
        "Attach your organisation's brief",
        "Joignez le mémoire de votre organisme",
        required="yes",
    ),
    row(
        "image",
        "poster",
        "A photo of a poster, if you have one",
        "Une photo d'affiche",
        parameters="max-pixels=1024",
    ),
    row(
        "text",
        "why",
        "What should we read first?",
        "Que devrions-nous lire d'abord ?",
        relevant="${document} != ''",
    ),
    row("end_group"),
]
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_file_questions_are_read_and_give_the_same_xform_on_the_way_back():
    data = xlsx(
        [*SURVEY, row("audio", "voice", "Voice", "Voix"), row("video", "clip", "Clip", "Clip")]
    )
    definition, xform = parse(data, "brief.xlsx")
    assert xform == convert(xlsform=data, file_type=".xlsx", form_name="data").xform
    kinds = {f["name"]: f["type"] for f in definition["fields"]}
    assert [kinds[n] for n in ("document", "poster", "voice", "clip")] == [
        "file",
        "image",
        "audio",
        "video",
    ]
    again, xform_again = parse(to_xlsx(definition), "again.xlsx")
    assert xform_again == xform and again == definition


@pytest.mark.parametrize(
    ("survey", "reason"),
    [
        ([row("osm", "tags", "Tags", "Étiquettes")], "OpenStreetMap tags are drawn in an ODK"),
        (
            [row("image", "sign", "Sign", "Signez", appearance="signature")],
            "Heard has no drawing pad: ask for a picture",
        ),
    ],
)
def test_what_a_web_form_cannot_take_is_refused_with_what_to_do(survey, reason):
    with pytest.raises(FormError) as refused:
        parse(xlsx([row("text", "q", "Q", "Q"), *survey]), "f.xlsx")
    assert reason in " ".join(p.reason for p in refused.value.problems)


@pytest.fixture
def briefs(questionnaire, lead):
    services.upload_form(
        actor=lead, questionnaire=questionnaire, data=xlsx(SURVEY), filename="brief.xlsx"
    )
    return questionnaire


def _page(client, files=None, **fields):
    data = {"shown": ["document", "poster", "why"], **fields, **(files or {})}
    return client.post("/en/questionnaire/page/brief/", data)


def test_a_respondent_attaches_replaces_and_removes_files_kept_encrypted(briefs, settings, client):
    settings.HEARD_ANSWER_FILE_MAX_MB = 1
    link, _person = invite_one(briefs, settings)
    client.get(link)
    client.post("/en/questionnaire/")
    html = client.get("/en/questionnaire/page/brief/").content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file" id="q-document" name="document" accept=".pdf,' in html
    assert "Accepted: pdf, doc, docx" in html and "up to 1 MB." in html

    # Nothing sent for a required file: asked for, by the form's rule.
    missing = client.post("/en/questionnaire/page/brief/", {"shown": ["document", "poster"]})
    assert missing.status_code == 400 and "Choose a file to send." in missing.content.decode()

    wrong = _page(client, {"document": SimpleUploadedFile("brief.exe", b"MZ")})
    assert wrong.status_code == 400
    assert "This question takes a document (pdf, doc, docx," in wrong.content.decode()
    assert "“brief.exe” is not one." in wrong.content.decode()
    too_big = _page(client, {"poster": SimpleUploadedFile("p.png", b"x" * (1024 * 1024 + 1))})
    assert "The file is larger than 1 MB: send a smaller one." in too_big.content.decode()
    empty = _page(client, {"document": SimpleUploadedFile("brief.pdf", b"")})
    assert "The file “brief.pdf” is empty." in empty.content.decode()
    assert AnswerFile.objects.count() == 0

    sent = _page(
        client,
        {
            "document": SimpleUploadedFile("../../Brief: Safe Harbour.pdf", PDF, "application/pdf"),
            "poster": SimpleUploadedFile("poster.png", PNG, "image/png"),
        },
    )
    assert sent.status_code == 302
    response = Response.objects.get()
    assert response.answers["document"] == "Brief: Safe Harbour.pdf"  # no folders
    kept = AnswerFile.objects.get(field="document")
    assert bytes(kept.content) == PDF and kept.sha256 == hashlib.sha256(PDF).hexdigest()
    # At rest the content and the name are encrypted.
    with connection.cursor() as cursor:
        cursor.execute("SELECT content, name FROM questionnaires_answerfile")
        for content, name in cursor.fetchall():
            assert "PDF" not in content and "Safe Harbour" not in name and "poster" not in name

    again = client.get("/en/questionnaire/page/brief/").content.decode()
    assert "Sent: Brief: Safe Harbour.pdf. Choose another file to replace it." in again
    # A page sent again without a file keeps the one sent; a bad file keeps it too.
    assert _page(client, {"why": "Page 3"}).status_code == 302
    _page(client, {"poster": SimpleUploadedFile("p.svg", b"<svg/>")})
    assert bytes(AnswerFile.objects.get(field="poster").content) == PNG
    # Replaced, then removed.
    _page(client, {"poster": SimpleUploadedFile("second.jpg", b"\xff\xd8\xff" + b"1" * 10)})
    assert AnswerFile.objects.get(field="poster").name == "second.jpg"
    assert Response.objects.get().answers["poster"] == "second.jpg"
    _page(client, {"poster__remove": "1"})
    assert not AnswerFile.objects.filter(field="poster").exists()
    assert "poster" not in Response.objects.get().answers

    check = client.get("/en/questionnaire/check/").content.decode()
    assert "Brief: Safe Harbour.pdf" in check
    assert client.post("/en/questionnaire/check/")["Location"] == "/en/questionnaire/done/"
    assert AnswerFile.objects.filter(response=response).count() == 1


def _submitted_with_file(questionnaire, settings, client):
    link, _person = invite_one(questionnaire, settings)
    client.get(link)
    client.post("/en/questionnaire/")
    _page(client, {"document": SimpleUploadedFile("brief.pdf", PDF, "application/pdf")})
    client.post("/en/questionnaire/check/")
    client.logout()
    return Response.objects.get()


def test_staff_who_read_answers_download_a_file_and_the_history_says_so(
    briefs, settings, client, lead, viewer
):
    response = _submitted_with_file(briefs, settings, client)
    base = f"/en/staff/consultations/{briefs.consultation.pk}/questionnaires/{briefs.pk}/"
    url = base + f"responses/{response.pk}/files/document/"
    client.force_login(viewer)
    assert client.get(url).status_code == 403
    client.force_login(lead)
    page = client.get(base + f"responses/{response.pk}/").content.decode()
    assert f'href="{url}" download>Download brief.pdf (' in page
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    # Never shown by the browser: an attachment of no particular type, never kept in a cache.
    assert download["Content-Type"] == "application/octet-stream"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Cache-Control"] == "no-store"
    assert AuditEvent.objects.filter(action="questionnaire.answer_file_downloaded").count() == 1
    assert client.get(base + f"responses/{response.pk}/files/poster/").status_code == 404
    # Another consultation's staff cannot reach it.
    client.force_login(_stranger())
    assert client.get(url).status_code == 404


def _stranger():
    from tests.factories import ConsultationFactory, MembershipFactory, UserFactory

    user = UserFactory(username="stranger")
    MembershipFactory(consultation=ConsultationFactory(), user=user, role="lead")
    return user


def test_a_withdrawal_and_the_end_of_retention_take_the_files(briefs, settings, client, lead):
    response = _submitted_with_file(briefs, settings, client)
    services.withdraw(actor=lead, response=response)
    assert not AnswerFile.objects.exists()

    AnswerFile.objects.create(
        response=response,
        field="document",
        name="b.pdf",
        content_type="x",
        size=3,
        sha256="0" * 64,
        content=b"abc",
    )
    purger = next(p for p in retention.purgers() if p.key == "answer_files")
    assert purger.count(briefs.consultation) == 1
    assert purger.purge(briefs.consultation) == 1
    assert not AnswerFile.objects.exists()


def test_staff_typing_in_a_paper_response_attach_its_file(briefs, client, lead):
    client.force_login(lead)
    base = f"/en/staff/consultations/{briefs.consultation.pk}/questionnaires/{briefs.pk}/"
    page = client.get(base + "responses/new/").content.decode()
    assert 'enctype="multipart/form-data"' in page
    saved = client.post(
        base + "responses/new/",
        {
            "channel": "paper",
            "language": "fr",
            "received_on": "2018-06-01",
            "document": SimpleUploadedFile("mémoire.pdf", PDF, "application/pdf"),
        },
    )
    assert saved.status_code == 302
    response = Response.objects.get()
    assert response.answers["document"] == "mémoire.pdf"
    assert bytes(AnswerFile.objects.get(response=response).content) == PDF


def test_a_large_file_never_touches_the_disk_in_the_clear(briefs, settings, client, monkeypatch):
    """Django writes uploads over 2.5 MB to a temporary file; a respondent's stays in memory
    until it is kept encrypted."""
    from django.core.files import uploadhandler

    def no_temporary_file(*args, **kwargs):
        raise AssertionError("an answer's file went to a temporary file")

    monkeypatch.setattr(uploadhandler.TemporaryFileUploadHandler, "new_file", no_temporary_file)
    link, _person = invite_one(briefs, settings)
    client.get(link)
    client.post("/en/questionnaire/")
    big = b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024)
    sent = _page(client, {"document": SimpleUploadedFile("big.pdf", big, "application/pdf")})
    assert sent.status_code == 302
    assert bytes(AnswerFile.objects.get().content) == big


def test_one_request_holds_at_most_a_few_files_worth_in_memory(rf, settings):
    """Files sent to a page beyond five times the limit in all are dropped as they come and
    refused as too large, whatever the page: the bound on a request's memory."""
    from heard.questionnaires import answer_files

    settings.HEARD_ANSWER_FILE_MAX_MB = 1
    megabyte = b"x" * (1024 * 1024 - 100)
    files = {f"f{n}": SimpleUploadedFile(f"{n}.pdf", megabyte) for n in range(7)}
    request = rf.post("/en/questionnaire/page/brief/", files)
    answer_files.keep_uploads_in_memory(request)
    sizes = [len(request.FILES[f"f{n}"].read()) for n in range(7)]
    assert sizes[:5] == [len(megabyte)] * 5 and sizes[5:] == [0, 0]
    assert request.FILES["f6"].size > 1024 * 1024


def test_a_page_still_refuses_a_post_without_its_csrf_token(briefs, settings):
    """The pages that take files check the token themselves, after the upload handler is set."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    link, _person = invite_one(briefs, settings)
    client.get(link)
    start = client.get("/en/questionnaire/")
    token = start.content.decode().split('name="csrfmiddlewaretoken" value="', 1)[1].split('"')[0]
    client.post("/en/questionnaire/", {"csrfmiddlewaretoken": token})
    upload = {"document": SimpleUploadedFile("brief.pdf", PDF), "shown": "document"}
    assert client.post("/en/questionnaire/page/brief/", upload).status_code == 403
    assert not AnswerFile.objects.exists()
    sent = client.post(
        "/en/questionnaire/page/brief/",
        {**upload, "document": SimpleUploadedFile("brief.pdf", PDF), "csrfmiddlewaretoken": token},
    )
    assert sent.status_code in (200, 302) and AnswerFile.objects.count() == 1


SITES = [
    row("begin_group", "visits", "Sites", "Sites"),
    row("begin_repeat", "site", "Site", "Site"),
    row("text", "where", "Where?", "Où ?"),
    row("image", "photo", "A photo of the site", "Une photo du site"),
    row("end_repeat"),
    row("end_group"),
]


def _files(response):
    return {f.field: bytes(f.content) for f in AnswerFile.objects.filter(response=response)}


def test_a_file_question_in_a_repeat_keeps_a_file_per_entry_and_moves_them_with_their_entries(
    questionnaire, lead, settings, client
):
    services.upload_form(
        actor=lead, questionnaire=questionnaire, data=xlsx(SITES), filename="sites.xlsx"
    )
    link, _person = invite_one(questionnaire, settings)
    client.get(link)
    client.post("/en/questionnaire/")
    page = "/en/questionnaire/page/visits/"
    one, two, three = (PNG + bytes([n]) for n in (1, 2, 3))
    shown = ["where@1", "photo@1", "where@2", "photo@2", "where@3", "photo@3"]
    client.post(page, {"site": "1", "where@1": "Quay", "action": "add:site", "shown": shown})
    client.post(page, {"site": "2", "where@2": "Dock", "action": "add:site", "shown": shown})
    sent = client.post(
        page,
        {
            "site": "3",
            "where@3": "Pier",
            "shown": shown,
            "action": "save",
            "photo@1": SimpleUploadedFile("quay.png", one),
            "photo@2": SimpleUploadedFile("dock.png", two),
            "photo@3": SimpleUploadedFile("pier.png", three),
        },
    )
    assert sent.status_code == 302
    response = Response.objects.get(respondent__questionnaire=questionnaire)
    assert [e["photo"] for e in response.answers["site"]] == ["quay.png", "dock.png", "pier.png"]
    assert _files(response) == {"photo@1": one, "photo@2": two, "photo@3": three}

    # The second entry taken out: its photo goes with it, the third's moves up with its answers.
    typed = {"where@1": "Quay", "where@2": "Dock", "where@3": "Pier"}
    client.post(page, {"site": "3", "action": "remove:site:2", "shown": shown, **typed})
    response.refresh_from_db()
    assert [(e["where"], e["photo"]) for e in response.answers["site"]] == [
        ("Quay", "quay.png"),
        ("Pier", "pier.png"),
    ]
    assert _files(response) == {"photo@1": one, "photo@2": three}

    # On to the check page, the entries' texts as the page shows them now.
    client.post(page, {"site": "2", "shown": shown, "where@1": "Quay", "where@2": "Pier"})
    client.post("/en/questionnaire/check/")
    response.refresh_from_db()
    assert response.state == "submitted"
    assert _files(response) == {"photo@1": one, "photo@2": three}
    client.force_login(lead)
    base = (
        f"/en/staff/consultations/{questionnaire.consultation.pk}/questionnaires/"
        f"{questionnaire.pk}/responses/{response.pk}/"
    )
    shown_to_staff = client.get(base).content.decode()
    assert "Download pier.png" in shown_to_staff
    assert client.get(base + "files/photo@2/").getvalue() == three


def test_staff_typing_in_a_paper_response_attach_a_file_to_each_entry(questionnaire, lead, client):
    services.upload_form(
        actor=lead, questionnaire=questionnaire, data=xlsx(SITES), filename="sites.xlsx"
    )
    client.force_login(lead)
    base = (
        f"/en/staff/consultations/{questionnaire.consultation.pk}/questionnaires/"
        f"{questionnaire.pk}/responses/new/"
    )
    assert 'name="photo@1"' in client.get(base).content.decode()
    saved = client.post(
        base,
        {
            "channel": "paper",
            "language": "en",
            "received_on": "2018-06-01",
            "site": "2",
            "where@1": "Quay",
            "where@2": "Dock",
            "photo@2": SimpleUploadedFile("dock.png", PNG),
        },
    )
    assert saved.status_code == 302
    response = Response.objects.get()
    assert [e.get("photo") for e in response.answers["site"]] == [None, "dock.png"]
    assert _files(response) == {"photo@2": PNG}
