"""Read and write spreadsheets (CSV and XLSX) as plain rows of text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class TableError(Exception):
    """The file cannot be read as a table at all."""


def _unquote(text: str) -> str:
    """Undo `safe_cell`: our exports quote cells that look like formulas ('+1 604 …)."""
    if text.startswith("'") and text[1:2] in _FORMULA_START and text[1:2]:
        return text[1:]
    return text


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _unquote(str(value).strip())


def read_table(path: Path, content: bytes | None = None) -> tuple[list[str], Iterator[list[str]]]:
    """Headers and the data rows of a CSV (UTF-8, or Windows-1252 as spreadsheets often save) or
    XLSX file (first sheet). Rows are lists of stripped strings. With `content`, the file is read
    from memory and `path` only gives its name (so a decrypted upload never touches the disk)."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        try:
            source = io.BytesIO(content) if content is not None else path
            workbook = load_workbook(source, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a broken file
            raise TableError(f"{path.name} is not a readable XLSX file ({error})") from None
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            raise TableError(f"{path.name} is empty")

        def xlsx_rows() -> Iterator[list[str]]:
            for row in rows:
                yield [_cell(value) for value in row]
            workbook.close()

        return [_cell(h) for h in header], xlsx_rows()
    if suffix in (".csv", ".txt"):
        raw = content if content is not None else path.read_bytes()
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        try:
            dialect = csv.Sniffer().sniff(text[:20000], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.reader(io.StringIO(text, newline=""), dialect)
        header = next(reader, None)
        if header is None:
            raise TableError(f"{path.name} is empty")
        return [h.strip() for h in header], ([_unquote(c.strip()) for c in row] for row in reader)
    raise TableError(f"{path.name}: only .csv and .xlsx files can be imported")


def safe_cell(value: str) -> str:
    """Neutralise spreadsheet formulas: a cell that starts like one is prefixed with a quote."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def write_csv(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows([[safe_cell(str(v)) for v in row] for row in rows])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: spreadsheets then read UTF-8


def write_xlsx(headers: Sequence[str], rows: Sequence[Sequence[str]], title: str) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.append(list(headers))
    for row in rows:
        sheet.append([safe_cell(str(v)) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
