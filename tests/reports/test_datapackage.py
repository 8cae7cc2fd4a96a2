"""A report version's open data is a Frictionless data package that frictionless itself finds
valid: aggregates only, small counts blank, the same bytes every time, and a tampered file caught.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path

import frictionless
import pytest

from heard.analysis import services as analysis_services
from heard.analysis.models import RunRecord
from heard.questionnaires.models import Response, ResponseState
from heard.reports import services
from heard.reports.datapackage import data_package
from heard.reports.questionnaire import closed_questions
from heard.stakeholders.models import Person
from tests.reports.conftest import written

pytestmark = pytest.mark.django_db

ENGLISH = (
    "[[responses]] responses; [[records]] records; [[code:prevention]] "
    "([[code:prevention:percent]]) speak of prevention."
)
FRENCH = (
    "[[responses]] réponses; [[records]] enregistrements; [[code:prevention]] "
    "([[code:prevention:percent]]) parlent de prévention."
)


def _built(done_run, analyst, threshold):
    # Three records coded with prevention: a count under the default threshold of 5.
    for record in RunRecord.objects.filter(run=done_run).order_by("position")[:3]:
        analysis_services.save_review(
            actor=analyst,
            record=record,
            verdicts={},
            added=["prevention"],
            known_codes={"prevention"},
        )
    report = written(
        done_run, analyst, "questionnaire", english=ENGLISH, french=FRENCH, threshold=threshold
    )
    return services.build_version(actor=analyst, report=report)


def _unzipped(content: bytes, folder: Path) -> Path:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert archive.namelist() == sorted(archive.namelist())
        archive.extractall(folder)
    return folder / "datapackage.json"


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _validated(descriptor: Path) -> frictionless.Report:
    return frictionless.validate(descriptor)


def _errors(report: frictionless.Report) -> list[list[str]]:
    return report.flatten(["type", "note"])


def _four(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def test_the_package_is_valid_and_holds_the_versions_tables_and_figures(
    done_run, analyst, tmp_path
):
    version = _built(done_run, analyst, threshold=5)
    descriptor = _unzipped(data_package(version), tmp_path)
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "choices.csv",
        "datapackage.json",
        "figures.csv",
        "questions.csv",
    ]

    report = _validated(descriptor)
    assert report.valid, _errors(report)
    assert not report.warnings, report.warnings

    metadata = json.loads(descriptor.read_text(encoding="utf-8"))
    slug = done_run.consultation.slug_en
    assert metadata["name"] == f"{slug}-questionnaire-v{version.number}"
    assert metadata["title"] == f"{version.title_en} / {version.title_fr}"
    assert metadata["version"] == f"{version.number}.0.0"
    assert metadata["licenses"][0]["name"] == "OGL-Canada-2.0"
    assert "no personal data" in metadata["description"]
    for resource in metadata["resources"]:
        content = (tmp_path / resource["path"]).read_bytes()
        assert resource["hash"] == f"sha256:{hashlib.sha256(content).hexdigest()}"
        assert resource["bytes"] == len(content)
        assert all(field["description"] for field in resource["schema"]["fields"])

    expected_choices = []
    expected_questions = []
    for question in version.tables["questions"]:
        answered = question["answered"]
        expected_questions.append(
            {
                "question": question["name"],
                "kind": question["kind"],
                "label_en": question["label"]["en"],
                "label_fr": question["label"]["fr"],
                "answered": "" if answered is None else str(answered),
            }
        )
        for choice in question["choices"]:
            expected_choices.append(
                {
                    "question": question["name"],
                    "choice": choice["name"],
                    "label_en": choice["label"]["en"],
                    "label_fr": choice["label"]["fr"],
                    "count": "" if choice["count"] is None else str(choice["count"]),
                    "share": _four(choice["share"]),
                    "interval_low": _four(choice["low"]),
                    "interval_high": _four(choice["high"]),
                }
            )
    assert expected_choices, "the demo questionnaire has closed questions"
    assert _rows(tmp_path, "questions") == expected_questions
    assert _rows(tmp_path, "choices") == expected_choices

    figures = {row["reference"]: row for row in _rows(tmp_path, "figures")}
    assert set(figures) == set(version.figures)
    for reference, figure in version.figures.items():
        row = figures[reference]
        assert row["kind"] == figure["kind"]
        assert row["suppressed"] == ("true" if figure["suppressed"] else "false")
        assert row["threshold"] == "5"
        if figure["suppressed"]:
            assert row["value"] == ""
        else:
            assert float(row["value"]) == pytest.approx(figure["value"], abs=5e-5)
    # Three records coded: under the threshold of 5, so the count and its percentage are blank.
    assert figures["code:prevention"]["value"] == ""
    assert figures["code:prevention:percent"]["value"] == ""
    assert figures["responses"]["value"] == str(
        Response.objects.filter(
            respondent__questionnaire__consultation=done_run.consultation,
            state=ResponseState.SUBMITTED,
        ).count()
    )


def test_the_package_holds_no_personal_data(done_run, analyst):
    version = _built(done_run, analyst, threshold=5)
    with zipfile.ZipFile(io.BytesIO(data_package(version))) as archive:
        text = "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist())
        columns = {
            name: next(csv.reader(io.StringIO(archive.read(name).decode("utf-8"))))
            for name in archive.namelist()
            if name.endswith(".csv")
        }
    assert columns == {
        "figures.csv": ["reference", "kind", "value", "suppressed", "threshold"],
        "questions.csv": ["question", "kind", "label_en", "label_fr", "answered"],
        "choices.csv": [
            "question",
            "choice",
            "label_en",
            "label_fr",
            "count",
            "share",
            "interval_low",
            "interval_high",
        ],
    }
    people = Person.objects.filter(consultation=done_run.consultation)
    assert people.exists()
    for person in people:
        assert person.email not in text
        assert person.name not in text
    responses = Response.objects.filter(
        respondent__questionnaire__consultation=done_run.consultation,
        state=ResponseState.SUBMITTED,
    )
    texts = [
        value
        for response in responses
        for value in response.answers.values()
        if isinstance(value, str) and len(value) > 30
    ]
    assert texts, "the demo has free-text answers to look for"
    assert not [answer for answer in texts if answer in text]


def test_counts_under_the_threshold_are_blank_in_every_file(done_run, analyst, tmp_path):
    version = _built(done_run, analyst, threshold=10_000)
    descriptor = _unzipped(data_package(version), tmp_path)
    report = _validated(descriptor)
    assert report.valid, _errors(report)

    # Every real count in the demo is under 10,000: only zeros may show, and no share at all.
    raw = closed_questions(done_run.consultation, "en", threshold=1)
    assert any(row.count for question in raw for row in question.rows)
    choices = _rows(tmp_path, "choices")
    assert {row["count"] for row in choices} <= {"", "0"}
    assert "" in {row["count"] for row in choices}
    assert {row["share"] for row in choices} == {""}
    assert {row["interval_low"] for row in choices} == {""}
    assert {row["interval_high"] for row in choices} == {""}
    assert {row["answered"] for row in _rows(tmp_path, "questions")} <= {"", "0"}

    figures = _rows(tmp_path, "figures")
    hidden = [
        (reference, figure["value"])
        for reference, figure in version.figures.items()
        if figure["suppressed"]
    ]
    assert {reference for reference, _ in hidden} >= {"responses", "code:prevention"}
    cells = {cell for row in figures for cell in row.values()}
    for reference, value in hidden:
        row = next(row for row in figures if row["reference"] == reference)
        assert row["value"] == "" and row["suppressed"] == "true"
        # The stored real value (a count, or its percentage) is written nowhere, in any form.
        forms = {str(value), str(round(value)), f"{value:.4f}", f"{value:.1f}", f"{value:.0f}"}
        assert not forms & cells, (reference, value)


def test_a_tampered_count_fails_validation(done_run, analyst, tmp_path):
    version = _built(done_run, analyst, threshold=1)
    descriptor = _unzipped(data_package(version), tmp_path)
    choices = tmp_path / "choices.csv"
    rows = list(csv.reader(choices.open(newline="", encoding="utf-8")))
    rows[1][4] = str(int(rows[1][4] or 0) + 1)  # one more than the version said
    with choices.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)

    report = _validated(descriptor)
    assert not report.valid
    assert "hash-count" in {error_type for error_type, _note in _errors(report)}


def test_a_word_in_a_count_column_fails_validation_even_with_a_matching_hash(
    done_run, analyst, tmp_path
):
    version = _built(done_run, analyst, threshold=1)
    descriptor = _unzipped(data_package(version), tmp_path)
    choices = tmp_path / "choices.csv"
    content = choices.read_bytes()
    rows = list(csv.reader(io.StringIO(content.decode("utf-8"))))
    rows[1][4] = "a few"
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    content = buffer.getvalue().encode("utf-8")
    choices.write_bytes(content)
    metadata = json.loads(descriptor.read_text(encoding="utf-8"))
    for resource in metadata["resources"]:
        if resource["name"] == "choices":
            resource["hash"] = f"sha256:{hashlib.sha256(content).hexdigest()}"
            resource["bytes"] = len(content)
    descriptor.write_text(json.dumps(metadata), encoding="utf-8")

    report = _validated(descriptor)
    assert not report.valid
    assert {error_type for error_type, _note in _errors(report)} == {"type-error"}


def test_the_same_version_gives_the_same_bytes(done_run, analyst):
    version = _built(done_run, analyst, threshold=5)
    first = data_package(version)
    version.refresh_from_db()
    assert data_package(version) == first
    assert hashlib.sha256(data_package(version)).hexdigest() == hashlib.sha256(first).hexdigest()
