"""A report version's figures and questionnaire tables as open data: a ZIP holding a Frictionless
Data Package (v1 spec) with one CSV per table and a `datapackage.json` that describes each column,
so anyone can check the files (types, keys, byte counts, hashes) with standard tools.

Only aggregates go in, and only as the version froze them: counts, shares and intervals under
the report's threshold are blank, exactly as the report itself hides them. Nothing is read from
the live data, so a version's package says what the version said and never changes.

The ZIP is deterministic (fixed entry dates, sorted entries, stable JSON), so the same version
always gives the same bytes and the same sha256.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC
from typing import Any

from heard.reports.models import Version

# Before this, ZIP timestamps do not exist; any fixed date keeps the archive's bytes stable.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
LICENCE = {
    "name": "OGL-Canada-2.0",
    "path": "https://open.canada.ca/en/open-government-licence-canada",
    "title": "Open Government Licence - Canada",
}
DESCRIPTION = (
    "Aggregate figures and closed-question results from a What We Heard report: counts, shares "
    "and 95% Wilson intervals only, no personal data and no free-text answers. Counts below the "
    "report's threshold (and the shares and intervals computed from them) are left blank so that "
    "a small group cannot be singled out.\n\n"
    "Chiffres agrégés et résultats des questions fermées d'un rapport Ce que nous avons entendu : "
    "effectifs, proportions et intervalles de Wilson à 95 % seulement, sans données personnelles "
    "ni réponses en texte libre. Les effectifs sous le seuil du rapport (et les proportions et "
    "intervalles qui en découlent) sont laissés vides."
)
NOT_A_NAME = re.compile(r"[^a-z0-9._-]+")

Field = dict[str, Any]


def _field(name: str, kind: str, description: str, **extra: Any) -> Field:
    return {"name": name, "type": kind, "description": description, **extra}


SHARE = {"minimum": 0, "maximum": 1}
COUNT = {"minimum": 0}

FIGURES_FIELDS = [
    _field(
        "reference",
        "string",
        "The figure's reference as the report's text cites it, e.g. responses, "
        "code:prevention or code:prevention:percent.",
        constraints={"required": True},
    ),
    _field(
        "kind",
        "string",
        "count, or percent (0 to 100).",
        constraints={"required": True, "enum": ["count", "percent"]},
    ),
    _field(
        "value",
        "number",
        "The figure as published; blank when suppressed.",
        constraints=COUNT,
    ),
    _field(
        "suppressed",
        "boolean",
        "true when the count is below the threshold (and above zero), so not published.",
        constraints={"required": True},
    ),
    _field(
        "threshold",
        "integer",
        "The smallest count the report shows.",
        constraints={"required": True, "minimum": 1},
    ),
]
QUESTIONS_FIELDS = [
    _field(
        "question",
        "string",
        "The question's name in the questionnaire.",
        constraints={"required": True},
    ),
    _field(
        "kind",
        "string",
        "select_one (one choice) or select_multiple (any number of choices).",
        constraints={"required": True, "enum": ["select_one", "select_multiple"]},
    ),
    _field("label_en", "string", "The question as asked in English."),
    _field("label_fr", "string", "The question as asked in French."),
    _field(
        "answered",
        "integer",
        "Submitted responses that answered the question; blank when below the threshold.",
        constraints=COUNT,
    ),
]
CHOICES_FIELDS = [
    _field(
        "question",
        "string",
        "The question's name (see questions.csv).",
        constraints={"required": True},
    ),
    _field(
        "choice",
        "string",
        "The choice's name in the questionnaire.",
        constraints={"required": True},
    ),
    _field("label_en", "string", "The choice as shown in English."),
    _field("label_fr", "string", "The choice as shown in French."),
    _field(
        "count",
        "integer",
        "Responses that picked the choice; blank when below the threshold.",
        constraints=COUNT,
    ),
    _field(
        "share",
        "number",
        "count / answered, from 0 to 1; blank when either is suppressed or none answered.",
        constraints=SHARE,
    ),
    _field(
        "interval_low",
        "number",
        "Lower bound of the share's 95% Wilson interval, from 0 to 1; blank with the share.",
        constraints=SHARE,
    ),
    _field(
        "interval_high",
        "number",
        "Upper bound of the share's 95% Wilson interval, from 0 to 1; blank with the share.",
        constraints=SHARE,
    ),
]


def data_package(version: Version) -> bytes:
    """The version's open data as a ZIP: `datapackage.json` and figures, questions and choices
    as CSV. The same version always gives the same bytes."""
    threshold = int((version.tables or {}).get("threshold") or version.report.threshold)
    questions = list((version.tables or {}).get("questions") or [])
    tables = {
        "figures": _csv(FIGURES_FIELDS, _figure_rows(version.figures or {}, threshold)),
        "questions": _csv(QUESTIONS_FIELDS, _question_rows(questions)),
        "choices": _csv(CHOICES_FIELDS, _choice_rows(questions)),
    }
    descriptor = _descriptor(version, tables)
    files = {f"{name}.csv": content for name, content in tables.items()}
    files["datapackage.json"] = (
        json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    ).encode("utf-8")
    return _zip(files)


def _blank_or(value: Any, write: Callable[[Any], object]) -> str:
    return "" if value is None else str(write(value))


def _decimal(value: float) -> str:
    return f"{value:.4f}"


def _figure_rows(figures: dict[str, Any], threshold: int) -> Iterable[Sequence[str]]:
    for reference in sorted(figures):
        figure = figures[reference]
        kind = str(figure.get("kind", "count"))
        suppressed = bool(figure.get("suppressed"))
        # A suppressed figure's stored value is the real small count: it must never be written.
        value = None if suppressed else figure.get("value")
        if kind == "count":
            shown = _blank_or(value, lambda number: round(number))
        else:
            shown = _blank_or(value, _decimal)
        yield [reference, kind, shown, "true" if suppressed else "false", str(threshold)]


def _question_rows(questions: list[dict[str, Any]]) -> Iterable[Sequence[str]]:
    for question in questions:
        label = question.get("label") or {}
        yield [
            str(question["name"]),
            str(question["kind"]),
            str(label.get("en", "")),
            str(label.get("fr", "")),
            _blank_or(question.get("answered"), int),
        ]


def _choice_rows(questions: list[dict[str, Any]]) -> Iterable[Sequence[str]]:
    for question in questions:
        for choice in question.get("choices") or []:
            label = choice.get("label") or {}
            yield [
                str(question["name"]),
                str(choice["name"]),
                str(label.get("en", "")),
                str(label.get("fr", "")),
                _blank_or(choice.get("count"), int),
                _blank_or(choice.get("share"), _decimal),
                _blank_or(choice.get("low"), _decimal),
                _blank_or(choice.get("high"), _decimal),
            ]


def _csv(fields: list[Field], rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180, the CSV dialect's default
    writer.writerow([field["name"] for field in fields])
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _schema(fields: list[Field], key: list[str], **extra: Any) -> dict[str, Any]:
    return {
        "fields": fields,
        "missingValues": [""],
        "primaryKey": key,
        **extra,
    }


def _resource(name: str, title: str, content: bytes, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "path": f"{name}.csv",
        "title": title,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(content),
        "hash": f"sha256:{hashlib.sha256(content).hexdigest()}",
        "dialect": {"delimiter": ",", "header": True, "lineTerminator": "\r\n"},
        "schema": schema,
    }


def _descriptor(version: Version, tables: dict[str, bytes]) -> dict[str, Any]:
    report = version.report
    consultation = report.consultation
    name = NOT_A_NAME.sub("-", f"{consultation.slug_en}-{report.kind}-v{version.number}".lower())
    title = version.title_en
    if version.title_fr and version.title_fr != version.title_en:
        title = f"{version.title_en} / {version.title_fr}"
    # When it was built, not published: the file may be made before publication and is kept,
    # so what it says must not depend on when it was first asked for.
    created = version.built_at.astimezone(UTC)
    keywords = ["consultation", "what we heard", "ce que nous avons entendu", report.kind]
    for subject in consultation.subjects.order_by("slug"):
        keywords += [subject.name_en, subject.name_fr]
    descriptor: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": name.strip("-._") or "report",
        "title": title,
        "description": DESCRIPTION,
        "version": f"{version.number}.0.0",
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "licenses": [LICENCE],
        "keywords": list(dict.fromkeys(word for word in keywords if word)),
    }
    if consultation.department_en:
        publisher = consultation.department_en
        if consultation.department_fr and consultation.department_fr != publisher:
            publisher = f"{publisher} / {consultation.department_fr}"
        descriptor["contributors"] = [{"title": publisher, "role": "publisher"}]
    descriptor["resources"] = [
        _resource(
            "figures",
            "Figures cited in the report",
            tables["figures"],
            _schema(FIGURES_FIELDS, ["reference"]),
        ),
        _resource(
            "questions",
            "Closed questions of the questionnaire",
            tables["questions"],
            _schema(QUESTIONS_FIELDS, ["question"]),
        ),
        _resource(
            "choices",
            "Choices of each closed question, with counts and shares",
            tables["choices"],
            _schema(
                CHOICES_FIELDS,
                ["question", "choice"],
                foreignKeys=[
                    {
                        "fields": ["question"],
                        "reference": {"resource": "questions", "fields": ["question"]},
                    }
                ],
            ),
        ),
    ]
    return descriptor


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            entry = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16  # rw-r--r--, not whatever the umask says
            archive.writestr(entry, files[name], compresslevel=9)
    return buffer.getvalue()
