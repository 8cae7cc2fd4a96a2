"""People's coding of a run, out of Heard: a REFI-QDA project (.qdpx) and coded excerpts.

**REFI-QDA** (QDA-XML 1.0, namespace ``urn:QDA-XML:project:1.0``), the exchange standard NVivo,
ATLAS.ti and MAXQDA read. A ``.qdpx`` is a zip holding ``project.qde`` and the texts under
``Sources/``. Heard writes:

- ``<Users>``: every person who coded, by user name (a guid derived from the account, stable);
- ``<CodeBook>``: the run's codebook, codes nested, named in English, with the French name and
  the key in the description (as in the ``.qdc`` export), the same stable guids;
- ``<Variables>``: source, question, sector, region, event, channel and language, as text;
- ``<Sources>``: one ``<TextSource>`` per record of the run that people coded, its redacted
  text in ``Sources/<guid>.txt`` (UTF-8), its variables, and a ``<PlainTextSelection>`` per
  coded part (the whole text for a whole-record code), with a ``<Coding>`` per code, each with
  who coded it and when. Positions count characters of that text, as the standard asks.

Only people's codes go out (confirmed or added, never rejected ones): the engine's suggestions are
not anyone's coding. The texts are the redacted ones; names and contact details never leave.

**Coded excerpts** (CSV, XLSX): one row per person's code on a record or part of it, with the
record's reference, source, question, segments, the code's key and names, who and when, the
positions and the text.
"""

from __future__ import annotations

import io
import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from heard.analysis.engine.codebook import Code, code_guid, codebook_from_dict, qdc_description
from heard.stakeholders.tables import write_csv, write_xlsx

NAMESPACE = "urn:QDA-XML:project:1.0"
_GUIDS = uuid.UUID("5a0f3c1e-7d2b-4c8a-9e61-2b3f4d5c6a70")
VARIABLES = ("source", "question", "sector", "region", "event", "channel", "language")
CSV_COLUMNS = (
    "record",
    "source",
    "question",
    "sector",
    "region",
    "event",
    "channel",
    "language",
    "code",
    "code_name_en",
    "code_name_fr",
    "coded_by",
    "coded_at",
    "start",
    "end",
    "text",
)


def guid(kind: str, value: str) -> str:
    """A stable, schema-valid guid for anything Heard exports (a UUID 5, upper case)."""
    return str(uuid.uuid5(_GUIDS, f"{kind}:{value}")).upper()


@dataclass(frozen=True)
class Coded:
    """One person's code on one record: the whole text (start 0, end its length) or a part."""

    record_key: str
    code: str
    analyst: str
    at: datetime
    start: int
    end: int


@dataclass(frozen=True)
class Text:
    key: str
    text: str
    variables: dict[str, str]


def _iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _code_element(parent: ET.Element, code: Code) -> None:
    element = ET.SubElement(
        parent, "Code", {"guid": code_guid(code.key), "name": code.name_en, "isCodable": "true"}
    )
    ET.SubElement(element, "Description").text = qdc_description(code)
    for child in code.children:
        _code_element(element, child)


def qdpx(
    *,
    name: str,
    codebook: dict[str, Any],
    texts: Iterable[Text],
    coded: Iterable[Coded],
    created: datetime,
) -> bytes:
    """The .qdpx of a run: see the module."""
    by_record: dict[str, list[Coded]] = {}
    analysts: set[str] = set()
    for item in coded:
        by_record.setdefault(item.record_key, []).append(item)
        analysts.add(item.analyst)
    project = ET.Element(
        "Project",
        {
            "xmlns": NAMESPACE,
            "name": name,
            "origin": "Heard",
            "creationDateTime": _iso(created),
        },
    )
    users = ET.SubElement(project, "Users")
    for analyst in sorted(analysts):
        ET.SubElement(users, "User", {"guid": guid("user", analyst), "name": analyst})
    if not analysts:
        project.remove(users)
    book = codebook_from_dict(codebook)
    if book.codes:
        codes = ET.SubElement(ET.SubElement(project, "CodeBook"), "Codes")
        for code in book.codes:
            _code_element(codes, code)
    variables = ET.SubElement(project, "Variables")
    for variable in VARIABLES:
        ET.SubElement(
            variables,
            "Variable",
            {"guid": guid("variable", variable), "name": variable, "typeOfVariable": "Text"},
        )
    sources = ET.SubElement(project, "Sources")
    files: list[tuple[str, str]] = []
    for text in texts:
        items = by_record.get(text.key)
        if not items:
            continue
        source_guid = guid("source", text.key)
        source = ET.SubElement(
            sources,
            "TextSource",
            {
                "guid": source_guid,
                "name": text.key,
                "plainTextPath": f"internal://{source_guid}.txt",
            },
        )
        spans: dict[tuple[int, int], list[Coded]] = {}
        for item in items:
            spans.setdefault((item.start, item.end), []).append(item)
        for (start, end), on_span in sorted(spans.items()):
            selection = ET.SubElement(
                source,
                "PlainTextSelection",
                {
                    "guid": guid("selection", f"{text.key}:{start}:{end}"),
                    "name": text.text[start:end][:60],
                    "startPosition": str(start),
                    "endPosition": str(end),
                },
            )
            for item in sorted(on_span, key=lambda c: (c.code, c.analyst)):
                coding = ET.SubElement(
                    selection,
                    "Coding",
                    {
                        "guid": guid(
                            "coding", f"{text.key}:{start}:{end}:{item.code}:{item.analyst}"
                        ),
                        "creatingUser": guid("user", item.analyst),
                        "creationDateTime": _iso(item.at),
                    },
                )
                ET.SubElement(coding, "CodeRef", {"targetGUID": code_guid(item.code)})
        for variable in VARIABLES:
            value = text.variables.get(variable)
            if not value:
                continue
            holder = ET.SubElement(source, "VariableValue")
            ET.SubElement(holder, "VariableRef", {"targetGUID": guid("variable", variable)})
            ET.SubElement(holder, "TextValue").text = value
        files.append((source_guid, text.text))
    if not len(sources):
        project.remove(sources)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "project.qde",
            ET.tostring(project, encoding="utf-8", xml_declaration=True),
        )
        for source_guid, content in files:
            archive.writestr(f"Sources/{source_guid}.txt", content.encode("utf-8"))
    return buffer.getvalue()


def excerpt_rows(
    texts: dict[str, Text], coded: Iterable[Coded], names: dict[str, tuple[str, str]]
) -> Iterator[list[Any]]:
    """The rows of the coded-excerpts table, in record then code order."""
    for item in sorted(coded, key=lambda c: (c.record_key, c.start, c.code, c.analyst)):
        text = texts.get(item.record_key)
        if text is None:
            continue
        name_en, name_fr = names.get(item.code, (item.code, item.code))
        yield [
            item.record_key,
            *(text.variables.get(variable, "") for variable in VARIABLES),
            item.code,
            name_en,
            name_fr,
            item.analyst,
            _iso(item.at),
            item.start,
            item.end,
            text.text[item.start : item.end],
        ]


def excerpts_csv(rows: Iterable[list[Any]]) -> bytes:
    return write_csv(CSV_COLUMNS, [[str(value) for value in row] for row in rows])


def excerpts_xlsx(rows: Iterable[list[Any]]) -> bytes:
    return write_xlsx(
        CSV_COLUMNS, [[str(value) for value in row] for row in rows], "coded excerpts"
    )
