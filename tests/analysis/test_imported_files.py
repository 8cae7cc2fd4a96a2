"""Texts received outside Heard (email submissions, letters), imported from a file and analysed
beside the answers and session notes."""

from __future__ import annotations

import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from heard.analysis.models import ImportedText, RecordFile, Run, RunRecord
from heard.consultations.models import Role
from heard.core import jobs
from heard.core.models import AuditEvent
from tests.analysis.conftest import member, start

EMAILS = (
    "text,sector,region,date,consent\n"
    '"Shelters in the north need stable funding; survivors wait months for a bed.",ngos,NT,'
    "2018-05-03,yes\n"
    '"Les refuges manquent de places pour les survivantes et leurs enfants.",ngos,qc,'
    "2018-05-04,non\n"
    '"Train hotel staff to recognise the signs of trafficking.",,ON,,\n'
    ",,,,\n"  # a blank row is skipped
)


def _url(consultation):
    return reverse("analysis:files", kwargs={"pk": consultation.pk})


def _upload(client, consultation, content, name="emails.csv", title="Email submissions"):
    return client.post(
        _url(consultation),
        {
            "name": title,
            "channel": "email",
            "upload": SimpleUploadedFile(name, content),
        },
    )


def test_a_file_of_email_submissions_is_imported_encrypted_and_audited(demo, analyst, client):
    client.force_login(analyst)
    response = _upload(client, demo, EMAILS.encode())
    assert response.status_code == 302
    record_file = RecordFile.objects.get(consultation=demo)
    assert (record_file.name, record_file.records, record_file.channel) == (
        "Email submissions",
        3,
        "email",
    )
    texts = list(ImportedText.objects.filter(file=record_file))
    assert [t.region for t in texts] == ["NT", "QC", "ON"]
    assert [t.consent for t in texts] == [True, False, None]
    assert str(texts[0].received) == "2018-05-03" and texts[2].received is None
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM analysis_importedtext")
        stored = " ".join(str(row[0]) for row in cursor.fetchall())
    assert "Shelters" not in stored and "refuges" not in stored  # encrypted at rest
    assert AuditEvent.objects.filter(action="analysis.file_imported", actor=analyst).exists()
    page = client.get(_url(demo)).content.decode()
    assert "Email submissions" in page and "By email" in page


def test_a_bad_file_is_refused_whole_with_each_problem_named(demo, analyst, client):
    client.force_login(analyst)
    bad = "text,sector,region,date,consent,sender\nOne,ngos,ON,2018-01-01,yes,someone@example.org\n"
    page = _upload(client, demo, bad.encode()).content.decode()
    assert "Column “sender” is not one Heard reads" in page
    rows = (
        "texte,secteur,province,reçu,consentement\n"
        "Fine,ngos,ON,2018-01-01,oui\n"
        ",ngos,ON,,\n"
        "Two,pirates,ZZ,3 May,perhaps\n"
    )
    page = _upload(client, demo, rows.encode()).content.decode()
    assert "Row 3, column text: it is empty." in page
    assert "Row 4, column sector: “pirates” is not one of the sectors" in page
    assert "Row 4, column region: “ZZ”" in page
    assert "Row 4, column date: “3 May” is not a date written as YYYY-MM-DD." in page
    assert "Row 4, column consent: “perhaps” is neither yes nor no." in page
    assert "Nothing of it was kept." in page
    no_text = _upload(client, demo, b"sector\nngos\n").content.decode()
    assert "needs a “text” column" in no_text
    wrong_kind = _upload(client, demo, b"text\nhello\n", name="emails.pdf").content.decode()
    assert "Choose a .csv or .xlsx file." in wrong_kind
    assert not RecordFile.objects.exists() and not ImportedText.objects.exists()


def test_an_excel_file_is_read_too(demo, analyst, client):
    client.force_login(analyst)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Text", "Region"])
    sheet.append(["Letters from survivors ask for long-term housing.", "BC"])
    buffer = io.BytesIO()
    book.save(buffer)
    assert _upload(client, demo, buffer.getvalue(), name="letters.xlsx").status_code == 302
    assert ImportedText.objects.get().region == "BC"


def test_a_run_reads_the_chosen_file_beside_the_answers(demo, analyst, client):
    client.force_login(analyst)
    _upload(client, demo, EMAILS.encode())
    record_file = RecordFile.objects.get()
    home = client.get(reverse("analysis:home", kwargs={"pk": demo.pk})).content.decode()
    assert "Email submissions (3 texts)" in home
    start(client, demo, imported=[record_file.pk])
    assert jobs.run_next()
    run = Run.objects.get(consultation=demo)
    assert run.state == Run.State.DONE and run.sources["files"] == [record_file.pk]
    imported = RunRecord.objects.filter(run=run, source="imported").order_by("position")
    assert [record.key for record in imported] == [
        f"F{record_file.pk:04d}-00000",
        f"F{record_file.pk:04d}-00001",
        f"F{record_file.pk:04d}-00002",
    ]
    assert imported[0].segments["channel"] == "email" and imported[1].language == "fr"
    assert RunRecord.objects.filter(run=run, source="questionnaire").exists()
    # The run's pages name the file, not its internal key.
    run_page = client.get(
        reverse("analysis:run", kwargs={"pk": demo.pk, "number": run.number})
    ).content.decode()
    assert "Email submissions" in run_page and "file-" not in run_page
    # Removing the file later leaves the run as it was.
    client.post(reverse("analysis:file_delete", kwargs={"pk": demo.pk, "file_pk": record_file.pk}))
    assert not ImportedText.objects.exists()
    assert RunRecord.objects.filter(run=run, source="imported").count() == 3
    assert AuditEvent.objects.filter(action="analysis.file_deleted").exists()


def test_only_leads_and_analysts_import_and_the_page_speaks_french(demo, analyst, client):
    client.force_login(analyst)
    french = client.get(_url(demo).replace("/en/", "/fr/")).content.decode()
    assert "Textes reçus hors de Heard" in french
    viewer = member(demo, "viewer", Role.VIEWER)
    client.force_login(viewer)
    assert client.get(_url(demo).replace("/fr/", "/en/")).status_code == 403
    assert _upload(client, demo, EMAILS.encode()).status_code == 403
    assert not RecordFile.objects.exists()


def test_a_file_past_the_limit_is_refused_and_none_touches_the_disk(
    demo, analyst, client, monkeypatch, settings
):
    from django.core.files import uploadhandler

    from heard.analysis import views_files

    spilled = []
    original = uploadhandler.TemporaryFileUploadHandler.new_file

    def new_file(self, *args, **kwargs):
        spilled.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(uploadhandler.TemporaryFileUploadHandler, "new_file", new_file)
    monkeypatch.setattr(views_files, "MAX_UPLOAD_BYTES", 2_000)
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 10  # Django alone would spill these uploads to disk
    client.force_login(analyst)
    page = _upload(client, demo, ("text\n" + "A long letter. " * 300).encode()).content.decode()
    assert "split it into several files" in page
    small = _upload(client, demo, b"text\nA short letter about shelters.\n")
    assert small.status_code == 302  # kept in memory, though past Django's 10-byte threshold
    assert RecordFile.objects.get().records == 1
    assert spilled == []
