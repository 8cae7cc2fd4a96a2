"""Read and write spreadsheets (CSV and XLSX) as plain rows of text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook

from heard.archives import Limits, Refused, capped_rows, check_text, check_xlsx
from heard.core.cells import FORMULA_START, safe_cell
from heard.core.refusals import explain

# What a registry file may hold. bench/import_100k.py imports 100,000 people: its .xlsx is 7.5 MB
# that inflates to 84 MB (11 to 1), so 250,000 rows of such a file inflate to about 210 MB. The
# limits leave room for wider registries and keep to what openpyxl reads in a few minutes at most;
# the ratio limit means a file must really be large (5 MB or more) to inflate to 512 MB.
LIMITS = Limits(max_bytes=512 * 1024 * 1024, max_rows=250_000, max_columns=256)

_FORMULA_START = FORMULA_START


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


def check_table(path: Path, content: bytes | None = None) -> None:
    """TableError, saying which limit, if the file goes past `LIMITS`; reads no row. Cheap: the
    zip directory of an .xlsx (and the start of each sheet), the size and line ends of a CSV."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            check_xlsx(path.name, content if content is not None else path, LIMITS)
        elif suffix in (".csv", ".txt"):
            check_text(path.name, content if content is not None else path.read_bytes(), LIMITS)
    except Refused as refused:
        raise TableError(explain(refused)) from None


def read_table(path: Path, content: bytes | None = None) -> tuple[list[str], Iterator[list[str]]]:
    """Headers and the data rows of a CSV (UTF-8, or Windows-1252 as spreadsheets often save) or
    XLSX file (first sheet). Rows are lists of stripped strings. With `content`, the file is read
    from memory and `path` only gives its name (so a decrypted upload never touches the disk).
    A file past `LIMITS` is refused (TableError) before it is parsed, or as soon as reading
    finds it out (rows a sheet did not declare)."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        check_table(path, content)
        try:
            source = io.BytesIO(content) if content is not None else path
            workbook = load_workbook(source, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a broken file
            raise TableError(f"{path.name} is not a readable XLSX file ({error})") from None
        sheet = workbook.worksheets[0]
        rows = capped_rows(
            sheet.iter_rows(values_only=True), name=path.name, sheet=sheet.title, limits=LIMITS
        )
        try:
            header = next(rows, None)
        except Refused as refused:
            raise TableError(explain(refused)) from None
        if header is None:
            raise TableError(f"{path.name} is empty")

        def xlsx_rows() -> Iterator[list[str]]:
            try:
                for row in rows:
                    # openpyxl pads a sheet to its dimension with empty rows: skip them cheaply
                    yield [] if row.count(None) == len(row) else [_cell(value) for value in row]
            except Refused as refused:
                raise TableError(explain(refused)) from None
            finally:
                workbook.close()

        return [_cell(h) for h in header], xlsx_rows()
    if suffix in (".csv", ".txt"):
        raw = content if content is not None else path.read_bytes()
        check_table(path, raw)
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
        # A cell may be as long as the file (csv stops at 128 KiB otherwise, failing the whole
        # import): an over-long value is then one bad row, which the import reports.
        csv.field_size_limit(max(csv.field_size_limit(), len(text)))
        reader = csv.reader(io.StringIO(text, newline=""), dialect)
        header = next(reader, None)
        if header is None:
            raise TableError(f"{path.name} is empty")
        return [h.strip() for h in header], ([_unquote(c.strip()) for c in row] for row in reader)
    raise TableError(f"{path.name}: only .csv and .xlsx files can be imported")


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
