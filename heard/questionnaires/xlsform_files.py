"""Choices from an attached file: `select_one_from_file cities.csv`.

A form names its files (.csv, or ODK's .xml item lists); the files may come with it or later, as
ODK Central asks for a form's attachments after the form. The choices read from a file go into
the definition under the file's name (`definition["choices"]["cities.csv"]`), so they are
versioned with the form: a new file is a new set of choices for that version, recorded in the
History. `definition["files"]` says, for each file the form names, whether it is attached, its
SHA-256 and how many choices it holds. The questionnaire does not open while a file is missing.

A CSV file (UTF-8) has a `name` column and a `label` column, or labels per language
(`label::English (en)`, `label::Français (fr)`); other columns are there for a choice_filter, as
on a choices sheet. The row's `value=` and `label=` parameters name other columns to use, as
pyxform's do. An XML file lists <item> elements whose children are the columns.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from heard.questionnaires import expressions
from heard.questionnaires.xlsform_sheets import LIMITS, FormError, FormProblem, Sheet, read_table

MAX_CHOICES = 5_000  # the choices of one file: a list a respondent can still pick from


def read_file_choices(
    name: str,
    data: bytes,
    parameters: Mapping[str, str],
    bare: str | None,
    problems: list[FormProblem],
) -> tuple[list[dict[str, Any]], set[str]]:
    """The choices of an attached file and the columns a choice_filter may use; problems are
    reported against the file's own rows and columns."""
    from heard.questionnaires.xlsform import read_choice_rows  # xlsform reads files through this

    try:
        table = _read_xml(data, name) if name.lower().endswith(".xml") else read_table(data, name)
    except FormError as error:
        problems += error.problems
        return [], set()
    if table is None:
        problems.append(FormProblem(name, None, "", _("The file is empty.")))
        return [], set()
    renames = {}
    for key, wanted in (("value", "name"), ("label", "label")):
        column = parameters.get(key)
        if column and column != wanted:
            if column not in table.headers:
                problems.append(
                    FormProblem(
                        name,
                        table.header_row,
                        "",
                        _(
                            "The file has no column “%(column)s”, which the parameter "
                            "%(key)s= names."
                        )
                        % {"column": column, "key": key},
                    )
                )
                return [], set()
            renames[column] = wanted
    headers = [renames.get(h, h) for h in table.headers]
    if "name" not in headers:
        problems.append(
            FormProblem(
                name,
                table.header_row,
                "",
                _(
                    "The file needs a “name” column, or the parameter value= naming the column "
                    "that holds each choice's name."
                ),
            )
        )
        return [], set()
    sheet = Sheet(
        name=name,
        header_row=table.header_row,
        headers=["list_name", *headers],
        rows=[
            (number, {"list_name": name, **{renames.get(k, k): v for k, v in row.items()}})
            for number, row in table.rows
        ],
    )
    if len(sheet.rows) > MAX_CHOICES:
        problems.append(
            FormProblem(
                name,
                None,
                "",
                _("The file holds %(count)d choices, more than the limit of %(limit)d.")
                % {"count": len(sheet.rows), "limit": MAX_CHOICES},
            )
        )
        return [], set()
    before = len(problems)
    choices, columns, _kept, _spaced = read_choice_rows(sheet, problems, {}, bare)
    if len(problems) > before:
        return [], set()
    return choices.get(name, []), columns.get(name, set())


def _read_xml(data: bytes, name: str) -> Sheet | None:
    """ODK's XML file of choices, <root><item><name>…</name><label>…</label>…</item></root>,
    as a table: one row per item, one column per element found in the items."""
    from defusedxml import ElementTree  # type: ignore[import-untyped]

    if len(data) > LIMITS.max_bytes:
        raise FormError(
            [
                FormProblem(
                    name,
                    None,
                    "",
                    _("The file is larger than the limit of %(limit)d MB.")
                    % {"limit": LIMITS.max_bytes // (1024 * 1024)},
                )
            ]
        )
    try:
        root = ElementTree.fromstring(data)
    except Exception as exc:  # a damaged file, or one defusedxml refuses (entities)
        raise FormError(
            [FormProblem(name, None, "", _("This is not a readable XML file (%s).") % exc)]
        ) from exc
    headers: list[str] = []
    rows: list[tuple[int, dict[str, str]]] = []
    for number, item in enumerate(root, start=2):
        row = {child.tag: (child.text or "").strip() for child in item}
        headers += [h for h in row if h not in headers]
        rows.append((number, row))
    if not rows:
        return None
    return Sheet(name=name, header_row=1, headers=headers, rows=rows)


def file_entry(data: bytes | None, choices: list[dict[str, Any]]) -> dict[str, Any]:
    """What `definition["files"]` keeps of a file: attached or not, its hash, its size."""
    if data is None:
        return {"attached": False}
    return {
        "attached": True,
        "sha256": hashlib.sha256(data).hexdigest(),
        "choices": len(choices),
    }


def missing_files(definition: Mapping[str, Any]) -> list[str]:
    """The files the form names that are not attached yet."""
    return sorted(
        name for name, entry in definition.get("files", {}).items() if not entry["attached"]
    )


def attached_files(definition: Mapping[str, Any]) -> dict[str, bytes]:
    """The files attached to a definition, written back from their choices: what reading its
    form again needs (a translation, the same form uploaded again)."""
    return {
        name: to_file(definition, name)
        for name, entry in definition.get("files", {}).items()
        if entry["attached"]
    }


def to_file(definition: Mapping[str, Any], name: str) -> bytes:
    """An attached file written back from its choices, in its own format."""
    return to_xml(definition, name) if name.lower().endswith(".xml") else to_csv(definition, name)


def to_xml(definition: Mapping[str, Any], name: str) -> bytes:
    """ODK's XML item list; its labels have one language, as the file had (an element name
    cannot say which)."""
    from xml.etree.ElementTree import Element, SubElement, tostring

    root = Element("root")
    for choice in definition["choices"].get(name, []):
        item = SubElement(root, "item")
        SubElement(item, "name").text = choice["name"]
        labels = choice["label"] or {}
        SubElement(item, "label").text = labels.get("en") or labels.get("fr") or ""
        for column, value in choice["filters"].items():
            SubElement(item, column).text = value
    return tostring(root, encoding="utf-8", xml_declaration=True)


def attach(
    definition: Mapping[str, Any], files: Mapping[str, bytes], bare: str | None
) -> dict[str, Any]:
    """The definition with these files' choices in it; FormError, nothing changed, if a file is
    not one the form names or cannot be used."""
    named = definition.get("files", {})
    # A "label" column without a language is in the form's own bare language, if it has one.
    bare = next((lang for lang, spelt in definition["languages"].items() if not spelt), bare)
    problems: list[FormProblem] = []
    updated = copy.deepcopy(dict(definition))
    for name, data in files.items():
        if name not in named:
            problems.append(
                FormProblem(
                    name,
                    None,
                    "",
                    _("The form uses no file of this name. It uses: %(names)s.")
                    % {"names": ", ".join(sorted(named)) or "–"},
                )
            )
            continue
        users = [f for f in definition["fields"] if f.get("list_name") == name]
        parameters = next((f.get("parameters") or {} for f in users if f.get("parameters")), {})
        before = len(problems)
        choices, columns = read_file_choices(name, data, parameters, bare, problems)
        for item in users:
            if not item["choice_filter"]:
                continue
            used = expressions.column_names(expressions.parse(item["choice_filter"]))
            for column in sorted(used - columns - {"name"}):
                problems.append(
                    FormProblem(
                        name,
                        1,
                        "",
                        _(
                            "The choice_filter on survey row %(row)d uses a column “%(column)s” "
                            "this file does not have."
                        )
                        % {"row": item["row"], "column": column},
                    )
                )
        if len(problems) == before:
            updated["choices"][name] = choices
            updated["files"][name] = file_entry(data, choices)
    if problems:
        raise FormError(problems)
    return updated


def to_csv(definition: Mapping[str, Any], name: str) -> bytes:
    """An attached file written back from the choices it gave (UTF-8, one row per choice)."""
    from heard.questionnaires.xlsform import LANGUAGE_LABELS, LANGUAGES

    choices = definition["choices"].get(name, [])
    languages = definition["languages"]
    filters: list[str] = []
    for choice in choices:
        filters += [k for k in choice["filters"] if k not in filters]
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(
        [
            "name",
            # Each language named, so that the file reads the same beside any form.
            *(f"label::{languages[lang] or LANGUAGE_LABELS[lang]}" for lang in LANGUAGES),
            *filters,
        ]
    )
    for choice in choices:
        writer.writerow(
            [
                choice["name"],
                *((choice["label"] or {}).get(lang, "") for lang in LANGUAGES),
                *(choice["filters"].get(k, "") for k in filters),
            ]
        )
    return out.getvalue().encode("utf-8")
