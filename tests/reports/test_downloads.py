"""A published version's files on the public page: PDF, DOCX and the data package, in the page's
language, made once and kept; an unpublished version's files only for the team."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
from django.urls import reverse
from django.utils.translation import override
from pypdf import PdfReader

from heard.reports import services
from heard.reports.models import ReportState, VersionFile
from tests.reports.test_questionnaire_results import _built


@pytest.fixture
def published(done_run, analyst):
    version = _built(done_run, analyst)
    services.set_state(actor=analyst, report=version.report, state=ReportState.REVIEW)
    services.set_state(actor=analyst, report=version.report, state=ReportState.APPROVED)
    return services.publish(actor=analyst, version=version)


def _url(version, language, kind):
    consultation = version.report.consultation
    with override(language):
        return reverse(
            "reports:download",
            kwargs={
                "slug": getattr(consultation, f"slug_{language}"),
                "key": version.report.kind,
                "number": version.number,
                "kind": kind,
            },
        )


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_public_page_offers_each_file_in_its_language(published, client, language):
    consultation = published.report.consultation
    with override(language):
        page = client.get(
            reverse(
                "reports:public",
                kwargs={"slug": getattr(consultation, f"slug_{language}"), "key": "questionnaire"},
            )
        ).content.decode()
        home = client.get(
            reverse(
                "consultations:detail", kwargs={"slug": getattr(consultation, f"slug_{language}")}
            )
        ).content.decode()
    for kind in ("pdf", "docx", "data"):
        assert f'href="{_url(published, language, kind)}"' in page
        assert f'href="{_url(published, language, kind)}"' in home

    pdf = client.get(_url(published, language, "pdf"))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert f"-v{published.number}-{language}.pdf" in pdf["Content-Disposition"]
    assert PdfReader(io.BytesIO(pdf.content)).trailer["/Root"]["/Lang"] == f"{language}-CA"

    word = client.get(_url(published, language, "docx"))
    assert word.status_code == 200 and word["Content-Type"].endswith("wordprocessingml.document")
    assert zipfile.ZipFile(io.BytesIO(word.content)).testzip() is None

    data = client.get(_url(published, language, "data"))
    assert "datapackage.json" in zipfile.ZipFile(io.BytesIO(data.content)).namelist()


def test_files_are_made_once_and_kept(published, client):
    first = client.get(_url(published, "en", "pdf")).content
    assert VersionFile.objects.filter(version=published, kind="pdf", language="en").count() == 1
    stored = VersionFile.objects.get(version=published, kind="pdf", language="en")
    assert stored.sha256 == hashlib.sha256(first).hexdigest()
    again = client.get(_url(published, "en", "pdf"))
    assert again.content == first and again["ETag"] == f'"{stored.sha256}"'
    assert VersionFile.objects.filter(version=published).count() == 1


def test_an_unpublished_version_has_no_public_files(done_run, analyst, client):
    version = _built(done_run, analyst)
    assert client.get(_url(version, "en", "pdf")).status_code == 404
    assert client.get(_url(version, "en", "spreadsheet")).status_code == 404
    assert not VersionFile.objects.exists()


def test_the_team_previews_an_unpublished_version_as_files_that_are_not_kept(
    done_run, analyst, client
):
    version = _built(done_run, analyst)
    client.force_login(analyst)
    with override("en"):
        url = reverse(
            "reports_staff:download",
            kwargs={
                "pk": done_run.consultation.pk,
                "kind": "questionnaire",
                "number": version.number,
                "language": "en",
                "file": "pdf",
            },
        )
    preview = client.get(url)
    assert preview.status_code == 200
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.content)).pages)
    assert "not published" in text
    assert not VersionFile.objects.exists()  # the published file will say when it was published
    services.set_state(actor=analyst, report=version.report, state=ReportState.REVIEW)
    services.set_state(actor=analyst, report=version.report, state=ReportState.APPROVED)
    services.publish(actor=analyst, version=version)
    client.logout()
    public = client.get(_url(version, "en", "pdf"))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(public.content)).pages)
    assert "not published" not in text and "published on" in text
    assert VersionFile.objects.filter(version=version).count() == 1
