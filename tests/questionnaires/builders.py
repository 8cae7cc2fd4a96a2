"""Small XLSForms written in the tests themselves, as a consultation team would in a spreadsheet."""

from __future__ import annotations

import csv
import io
from typing import Any

import openpyxl

EN, FR = "English (en)", "Français (fr)"
SURVEY_HEADER = [
    "type",
    "name",
    f"label::{EN}",
    f"label::{FR}",
    f"hint::{EN}",
    f"hint::{FR}",
    "required",
    f"required_message::{EN}",
    f"required_message::{FR}",
    "relevant",
    "constraint",
    f"constraint_message::{EN}",
    f"constraint_message::{FR}",
    "choice_filter",
    "appearance",
    "calculation",
    "default",
]
CHOICES_HEADER = ["list_name", "name", f"label::{EN}", f"label::{FR}"]


def row(kind: str, name: str = "", en: str = "", fr: str = "", **columns: str) -> dict[str, str]:
    """One survey row; other columns by their short names (hint_en, required, relevant, ...)."""
    found = {"type": kind, "name": name, f"label::{EN}": en, f"label::{FR}": fr}
    for key, value in columns.items():
        base, _sep, lang = key.rpartition("_")
        if lang in ("en", "fr") and base in ("hint", "required_message", "constraint_message"):
            found[f"{base}::{EN if lang == 'en' else FR}"] = value
        else:
            found[key] = value
    return found


def choice(list_name: str, name: str, en: str, fr: str, **filters: str) -> dict[str, str]:
    return {"list_name": list_name, "name": name, f"label::{EN}": en, f"label::{FR}": fr, **filters}


def _table(rows: list[dict[str, str]], header: list[str]) -> list[list[str]]:
    columns = list(header)
    for item in rows:
        columns += [k for k in item if k not in columns]
    return [columns] + [[item.get(c, "") for c in columns] for item in rows]


def xlsx(
    survey: list[dict[str, str]],
    choices: list[dict[str, str]] = (),  # type: ignore[assignment]
    settings: dict[str, str] | None = None,
    *,
    survey_header: list[str] | None = None,
    choices_header: list[str] | None = None,
    extra_sheets: dict[str, list[list[Any]]] | None = None,
) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "survey"
    for line in _table(survey, survey_header or SURVEY_HEADER):
        sheet.append(line)
    if choices:
        sheet = book.create_sheet("choices")
        for line in _table(list(choices), choices_header or CHOICES_HEADER):
            sheet.append(line)
    settings = settings if settings is not None else {"form_title": "Test form", "form_id": "test"}
    if settings:
        sheet = book.create_sheet("settings")
        sheet.append(list(settings))
        sheet.append(list(settings.values()))
    for name, lines in (extra_sheets or {}).items():
        sheet = book.create_sheet(name)
        for line in lines:
            sheet.append(line)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_form(
    survey: list[dict[str, str]],
    choices: list[dict[str, str]] = (),
    settings: dict[str, str] | None = None,  # type: ignore[assignment]
) -> bytes:
    """The same form in XLSForm's CSV layout: the sheet's name in the first column of its header."""
    out = io.StringIO()
    writer = csv.writer(out)
    for name, table in (
        ("survey", _table(survey, SURVEY_HEADER)),
        ("choices", _table(list(choices), CHOICES_HEADER) if choices else []),
        (
            "settings",
            [
                list(settings or {"form_title": "Test form", "form_id": "test"}),
                list((settings or {"form_title": "Test form", "form_id": "test"}).values()),
            ],
        ),
    ):
        for index, line in enumerate(table):
            writer.writerow([name if index == 0 else "", *line])
    return out.getvalue().encode()


def workbook(sheets: dict[str, list[list[Any]]], *, first_row: int = 1) -> bytes:
    """A workbook written cell by cell, for layouts the helpers above do not make (odd headers,
    typed cells, rows far apart): each sheet's lines start on `first_row`; None leaves a cell
    empty and [] leaves a row empty."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, lines in sheets.items():
        sheet = book.create_sheet(name)
        for offset, line in enumerate(lines):
            for column, value in enumerate(line, start=1):
                if value is not None:
                    sheet.cell(row=first_row + offset, column=column, value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
