"""XLSForm files read as sheets of text cells, each row keeping its number.

An XLSForm arrives as .xlsx, .xls or XLSForm's CSV layout. Each is read here into `Sheet`s whose
cells are the text pyxform would see, so that every problem Heard reports can name sheet, row and
column, and so that Heard and the XForm pyxform makes read the same values.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from heard.archives import (
    BYTES,
    TOO_LARGE,
    Limits,
    Refused,
    capped_rows,
    check_text,
    check_xlsx,
)
from heard.core.refusals import explain

# pyxform stops reading a sheet after these many empty rows or empty column names in a row.
MAX_EMPTY_ROWS = 60
MAX_EMPTY_COLUMNS = 20

# Characters a spreadsheet cannot store (the same test openpyxl makes when writing a cell).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# What a form file may hold, checked before openpyxl or pyxform opens it (heard.archives). A form
# is small: the demo's 18 KB inflate to 81 KB; a list of every Canadian municipality (about
# 5,000 choices) fits on one sheet. A CSV form holds its three sheets in one file.
# Spreadsheet programs often declare 1,024 columns for a sheet whose cells were only formatted.
LIMITS = Limits(
    max_bytes=32 * 1024 * 1024,
    max_rows=10_000,
    max_columns=1_024,
    max_lines=30_000,
    # A form saved from an old .xls file declares all 65,536 rows: read them, empty ones
    # included, within as many cells as 10,000 full rows hold.
    max_rows_read=65_536,
    max_cells_read=10_000 * 1_024,
)


@dataclass(frozen=True)
class FormProblem:
    sheet: str
    row: int | None
    column: str
    reason: str

    def __str__(self) -> str:
        where = [_("sheet “%(sheet)s”") % {"sheet": self.sheet}] if self.sheet else []
        if self.row:
            where.append(_("row %(row)d") % {"row": self.row})
        if self.column:
            where.append(_("column “%(column)s”") % {"column": self.column})
        return (", ".join(where) + ": " if where else "") + self.reason


class FormError(Exception):
    """The form cannot be used; `problems` lists every reason with its sheet, row and column."""

    def __init__(self, problems: Iterable[FormProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class Sheet:
    name: str
    header_row: int
    headers: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    problems: list[FormProblem] = field(default_factory=list)  # found while reading


# Reading -----------------------------------------------------------------------------------------


def _empty_row(row: tuple[Any, ...]) -> bool:
    return all(value is None or value == "" for value in row)


def _cell_text(value: Any) -> str:
    """A cell as text, the way pyxform reads it, so that Heard and the XForm see the same value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _sheet_from_rows(
    name: str, rows: Iterable[tuple[int, list[str]]], *, spreadsheet: bool
) -> Sheet | None:
    """The sheet's column names and rows. In a spreadsheet, also what pyxform would not read as
    Heard does: column names below row 1, and what follows a long run of empty rows or columns."""
    sheet: Sheet | None = None
    last = 0  # the last row read
    gap_reported = False
    for number, cells in rows:
        if sheet is None:
            if not any(cells):
                continue
            headers = [" ".join(c.split()) if spreadsheet else c.strip() for c in cells]
            sheet = Sheet(name=name, header_row=number, headers=headers)
            last = number
            if spreadsheet:
                if number != 1:
                    sheet.problems.append(
                        FormProblem(name, number, "", _("Put the column names on row 1."))
                    )
                _check_empty_columns(sheet)
            continue
        # As for pyxform, a row is empty when no cell under a column name holds anything.
        found = {h: v for h, v in zip(sheet.headers, cells, strict=False) if h and v}
        if not found:
            continue
        if spreadsheet and not gap_reported and number - last - 1 > MAX_EMPTY_ROWS:
            sheet.problems.append(
                FormProblem(
                    name,
                    number,
                    "",
                    _(
                        "Remove the empty rows above this one: XLSForm tools stop reading after "
                        "%(count)d empty rows."
                    )
                    % {"count": MAX_EMPTY_ROWS},
                )
            )
            gap_reported = True
        last = number
        sheet.rows.append((number, found))
    return sheet


def _check_empty_columns(sheet: Sheet) -> None:
    empty = 0
    for header in sheet.headers:
        if not header:
            empty += 1
            continue
        if empty > MAX_EMPTY_COLUMNS:
            sheet.problems.append(
                FormProblem(
                    sheet.name,
                    sheet.header_row,
                    header,
                    _(
                        "Move this column next to the others: XLSForm tools stop reading after "
                        "%(count)d empty columns."
                    )
                    % {"count": MAX_EMPTY_COLUMNS},
                )
            )
        empty = 0


def read_sheets(data: bytes, filename: str) -> dict[str, Sheet]:
    """Every sheet that holds something, keyed by lower-case name, with row numbers kept."""
    suffix = filename.lower().rsplit(".", 1)[-1]
    sheets: dict[str, Sheet] = {}
    try:
        if suffix == "xlsx":
            check_xlsx(filename, data, LIMITS)
        elif suffix == "csv":
            check_text(filename, data, LIMITS)
        elif suffix == "xls":
            # An .xls file is not compressed: its size bounds what xlrd reads. Its rows are
            # counted while they are read.
            _check_size(filename, data)
    except Refused as refused:
        raise FormError([FormProblem("", None, "", explain(refused))]) from None
    if suffix == "xlsx":
        import openpyxl

        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise FormError(
                [FormProblem("", None, "", _("This is not a readable .xlsx file (%s).") % exc)]
            ) from exc
        try:
            for worksheet in book.worksheets:
                values = capped_rows(
                    worksheet.iter_rows(values_only=True),
                    name=filename,
                    sheet=worksheet.title,
                    limits=LIMITS,
                    is_empty=_empty_row,
                )
                # openpyxl pads a sheet to its dimension with empty rows: skip them cheaply.
                rows = (
                    (number, [] if row.count(None) == len(row) else [_cell_text(v) for v in row])
                    for number, row in enumerate(values, start=1)
                )
                # pyxform lower-cases sheet names but keeps spaces: so does Heard.
                sheet = _sheet_from_rows(worksheet.title.lower(), rows, spreadsheet=True)
                if sheet is not None:
                    sheets[sheet.name] = sheet
        except Refused as refused:  # a sheet holds more than it declared
            raise FormError([FormProblem("", None, "", explain(refused))]) from None
        finally:
            book.close()
    elif suffix == "csv":
        # XLSForm's CSV layout: the first column names the sheet on the sheet's header row.
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FormError([FormProblem("", None, "", _("Save the CSV file as UTF-8."))]) from exc
        current: list[tuple[int, list[str]]] = []
        current_name = ""
        for number, cells in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
            first = cells[0].strip().lower() if cells else ""
            if first:
                if current_name:
                    found = _sheet_from_rows(current_name, current, spreadsheet=False)
                    if found:
                        sheets[current_name] = found
                current_name, current = first, []
            current.append((number, [c.strip() for c in cells[1:]]))
        if current_name:
            found = _sheet_from_rows(current_name, current, spreadsheet=False)
            if found:
                sheets[current_name] = found
    elif suffix == "xls":
        sheets = _read_xls(data, filename)
    else:
        raise FormError(
            [FormProblem("", None, "", _("Upload the XLSForm as an .xlsx, .xls or .csv file."))]
        )
    return sheets


def read_table(data: bytes, filename: str) -> Sheet | None:
    """A plain CSV table (a file of choices): its header row and rows, None if it is empty."""
    try:
        check_text(filename, data, LIMITS)
    except Refused as refused:
        raise FormError([FormProblem(filename, None, "", explain(refused))]) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormError(
            [FormProblem(filename, None, "", _("Save the CSV file as UTF-8."))]
        ) from exc
    rows = enumerate(csv.reader(io.StringIO(text, newline="")), start=1)
    return _sheet_from_rows(filename, rows, spreadsheet=False)


def check_characters(sheet: Sheet, problems: list[FormProblem]) -> None:
    """Control characters (a CSV file can hold them) cannot be written back to a spreadsheet."""
    for number, row in [(sheet.header_row, {h: h for h in sheet.headers}), *sheet.rows]:
        for header, value in row.items():
            if CONTROL_CHARACTERS.search(value):
                problems.append(
                    FormProblem(
                        sheet.name,
                        number,
                        CONTROL_CHARACTERS.sub("", header),
                        _("Remove the control character from this cell."),
                    )
                )


def _check_size(filename: str, data: bytes) -> None:
    if len(data) > LIMITS.max_bytes:
        raise Refused(TOO_LARGE, name=filename, found=len(data), limit=LIMITS.max_bytes, unit=BYTES)


def _read_xls(data: bytes, filename: str) -> dict[str, Sheet]:
    """The sheets of an Excel 97-2003 workbook, its cells turned into text by pyxform's own
    function, so that Heard sees what the XForm will hold."""
    import xlrd
    from pyxform.xls2json_backends import xls_value_to_unicode

    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
    except Exception as exc:  # xlrd raises many kinds for a damaged file
        raise FormError(
            [FormProblem("", None, "", _("This is not a readable .xls file (%s).") % exc)]
        ) from exc
    sheets: dict[str, Sheet] = {}
    try:
        for index in range(book.nsheets):
            worksheet = book.get_sheet(index)

            def cells(row: list[Any]) -> list[str]:
                found = []
                for cell in row:
                    value = cell.value.strip() if isinstance(cell.value, str) else cell.value
                    found.append(
                        ""
                        if value in ("", None)
                        else xls_value_to_unicode(value, cell.ctype, book.datemode)
                    )
                return found

            rows = (
                (number, cells(row))
                for number, row in enumerate(
                    capped_rows(
                        worksheet.get_rows(), name=filename, sheet=worksheet.name, limits=LIMITS
                    ),
                    start=1,
                )
            )
            sheet = _sheet_from_rows(worksheet.name.lower(), rows, spreadsheet=True)
            if sheet is not None:
                sheets[sheet.name] = sheet
    except Refused as refused:
        raise FormError([FormProblem("", None, "", explain(refused))]) from None
    except FormError:
        raise
    except Exception as exc:  # a date Excel cannot place, a truncated stream, ...
        raise FormError(
            [FormProblem("", None, "", _("This is not a readable .xls file (%s).") % exc)]
        ) from exc
    finally:
        book.release_resources()
    return sheets
