"""Read the engine's input: records ``{id, text, ...metadata}`` from JSONL, CSV or XLSX.

Records stream in file order, one plain dict at a time, so a million answers never sit in memory
together (only their ids do, to catch duplicates). Every other column or key is carried through
as metadata under its lower-case name (question, sector, region, event, channel, date, consent...).

Bad input gets a clear error and nothing is silently dropped: a problem in the header (no `id` or
`text` column, an empty file) raises `RecordError` before any record is read; problems in rows
(bad JSON, a missing or duplicate id...) are collected while the good records keep flowing, and
one `RecordError` listing them all, each with its line or row, is raised at the end. A caller that
writes outputs should therefore treat them as incomplete until the iteration has finished.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from heard.archives import Limits, Refused, capped_rows, check_xlsx

# Accepted names for the two required fields, in order of preference (compared in lower case).
ID_NAMES = ("id", "response_id", "record_id")
TEXT_NAMES = ("text", "answer", "comment", "response")
_MAX_LISTED = 1000  # a broken file of a million rows should not become a million messages
# What an .xlsx of records may hold, checked before openpyxl opens it and while it reads
# (heard.archives): as many rows as a spreadsheet can have, and no decompression bomb. A million
# answers of about 60 words inflate to well under 2 GB. (Larger inputs belong in JSONL or CSV.)
XLSX_LIMITS = Limits(
    max_bytes=2 * 1024 * 1024 * 1024, max_rows=1_048_576, max_columns=1_000, max_parts=10_000
)


@dataclass(frozen=True)
class Problem:
    location: str  # "line 3", "row 4", or "" for the file as a whole
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class RecordError(Exception):
    """The input file has problems; `problems` lists each one with its line or row."""

    def __init__(self, path: Path, problems: list[Problem], more: int = 0) -> None:
        self.path = path
        self.problems = problems
        self.more = more
        lines = [f"{path.name}: {problem}" for problem in problems]
        if more:
            lines.append(f"{path.name}: ... and {more} more problems")
        super().__init__("\n".join(lines))


class _Problems:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.listed: list[Problem] = []
        self.more = 0

    def add(self, location: str, message: str) -> None:
        if len(self.listed) < _MAX_LISTED:
            self.listed.append(Problem(location, message))
        else:
            self.more += 1

    def fail(self, location: str, message: str) -> RecordError:
        self.add(location, message)
        return RecordError(self.path, self.listed, self.more)

    def raise_if_any(self) -> None:
        if self.listed:
            raise RecordError(self.path, self.listed, self.more)


class RecordStream:
    """Records that come from memory, not a file: what Heard hands the engine from its database,
    so that no original text is ever written to disk for a run.

    `records` is called once per reading and yields plain dicts, checked like the lines of a
    JSONL file (each named ``record N`` in a problem). While they are read, their canonical JSON
    is hashed: `sha256` names exactly what was analysed, for the manifest, as a file's hash does.
    """

    def __init__(self, name: str, records: Callable[[], Iterable[dict[str, Any]]]) -> None:
        self.name = name
        self._records = records
        self._digest: Any = None

    @property
    def path(self) -> Path:
        return Path(self.name)

    @property
    def sha256(self) -> str:
        if self._digest is None:
            raise RuntimeError(f"{self.name}: the records have not been read yet")
        return str(self._digest.hexdigest())

    def read(self, problems: _Problems) -> Iterator[tuple[str, dict[str, Any]]]:
        digest = hashlib.sha256()
        for number, data in enumerate(self._records(), start=1):
            location = f"record {number}"
            if not isinstance(data, dict):
                problems.add(location, "not a record (a mapping of fields)")
                continue
            digest.update(
                json.dumps(data, ensure_ascii=False, sort_keys=True, default=str).encode()
            )
            digest.update(b"\n")
            keys = _field_names(list(data), location, problems)
            record = dict(zip(keys, data.values(), strict=True))
            if _valid(record, location, problems):
                yield location, _ordered(record)
        self._digest = digest


def read_records(path: str | Path | RecordStream) -> Iterator[dict[str, Any]]:
    """Records of a `.jsonl`, `.csv` (UTF-8, with or without BOM) or `.xlsx` file (first sheet),
    in file order, each a dict with `id` and `text` strings and the other fields as metadata;
    or the records of a `RecordStream`, checked the same way."""
    if isinstance(path, RecordStream):
        stream_problems = _Problems(path.path)
        return _checked(path.read(stream_problems), stream_problems)
    path = Path(path)
    problems = _Problems(path)
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".csv", ".xlsx"):
        raise problems.fail("", "only .jsonl, .csv and .xlsx files can be read")
    if not path.is_file():
        raise problems.fail("", "no such file")
    if suffix == ".jsonl":
        return _checked(_jsonl(path, problems), problems)
    rows = _csv_rows(path, problems) if suffix == ".csv" else _xlsx_rows(path, problems)
    return _checked(_table(rows, "line" if suffix == ".csv" else "row", problems), problems)


def _checked(
    records: Iterable[tuple[str, dict[str, Any]]], problems: _Problems
) -> Iterator[dict[str, Any]]:
    """Drop and report duplicate ids; complain about a file without records; raise at the end."""
    first_seen: dict[str, str] = {}
    count = 0
    for location, record in records:
        earlier = first_seen.get(record["id"])
        if earlier is not None:
            problems.add(location, f"duplicate id {record['id']!r} (first on {earlier})")
            continue
        first_seen[record["id"]] = location
        count += 1
        yield record
    if count == 0 and not problems.listed:
        problems.add("", "empty file: no records")
    problems.raise_if_any()


def _field_names(names: list[str], location: str, problems: _Problems) -> list[str]:
    """The key of each field in a record: `id`, `text`, or its lower-case name. The first alias
    found becomes `id` (or `text`); other aliases stay as metadata under their own names."""
    keys = [name.strip().casefold() or f"column_{i}" for i, name in enumerate(names, start=1)]
    for key in sorted({key for key in keys if keys.count(key) > 1}):
        problems.add(location, f"two fields are named {key!r}")
    for canonical, aliases in (("id", ID_NAMES), ("text", TEXT_NAMES)):
        for alias in aliases:
            if alias in keys:
                keys[keys.index(alias)] = canonical
                break
    return keys


# --- JSONL ---------------------------------------------------------------------------------


def _jsonl(path: Path, problems: _Problems) -> Iterator[tuple[str, dict[str, Any]]]:
    with path.open(encoding="utf-8-sig") as lines:
        try:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                location = f"line {number}"
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as error:
                    problems.add(location, f"bad JSON ({error.msg}, column {error.colno})")
                    continue
                if not isinstance(data, dict):
                    problems.add(location, "not a JSON object")
                    continue
                keys = _field_names(list(data), location, problems)
                record = dict(zip(keys, data.values(), strict=True))
                if _valid(record, location, problems):
                    yield location, _ordered(record)
        except UnicodeDecodeError:
            problems.add("", "not UTF-8 text")


def _valid(record: dict[str, Any], location: str, problems: _Problems) -> bool:
    ok = True
    identifier = record.get("id")
    if isinstance(identifier, int) and not isinstance(identifier, bool):
        record["id"] = str(identifier)
    elif not isinstance(identifier, str) or not identifier.strip():
        problems.add(location, "missing id" if identifier in (None, "") else "id is not text")
        ok = False
    else:
        record["id"] = identifier.strip()
    text = record.get("text")
    if text is None:
        problems.add(location, "missing text")
        ok = False
    elif not isinstance(text, str):
        problems.add(location, "text is not a string")
        ok = False
    return ok


def _ordered(record: dict[str, Any]) -> dict[str, Any]:
    """`id` and `text` first, then the metadata in the file's order."""
    return {"id": record["id"], "text": record["text"]} | {
        key: value for key, value in record.items() if key not in ("id", "text")
    }


# --- CSV and XLSX --------------------------------------------------------------------------


def _csv_rows(path: Path, problems: _Problems) -> Iterator[tuple[int, list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        try:
            sample = handle.read(20000)
            try:
                dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
                    sample, delimiters=",;\t"
                )
            except csv.Error:
                dialect = csv.excel
            handle.seek(0)
            reader = csv.reader(handle, dialect)
            for row in reader:
                yield reader.line_num, row
        except UnicodeDecodeError:
            problems.add("", "not UTF-8 text (save the file as CSV UTF-8)")
        except csv.Error as error:
            problems.add("", f"not a readable CSV file ({error})")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time.min else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(path: Path, problems: _Problems) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        check_xlsx(path.name, path, XLSX_LIMITS)
    except Refused as refused:
        raise problems.fail("", str(refused)) from None
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise problems.fail("", f"not a readable XLSX file ({type(error).__name__})") from None
    try:
        sheet = workbook.worksheets[0]
        rows = capped_rows(
            sheet.iter_rows(values_only=True), name=path.name, sheet=sheet.title, limits=XLSX_LIMITS
        )
        for number, row in enumerate(rows, start=1):
            # openpyxl pads a sheet to its dimension with empty rows: skip them cheaply
            yield number, [] if row.count(None) == len(row) else [_cell(value) for value in row]
    except Refused as refused:
        raise problems.fail("", str(refused)) from None
    finally:
        workbook.close()


def _table(
    rows: Iterator[tuple[int, list[str]]], unit: str, problems: _Problems
) -> Iterator[tuple[str, dict[str, Any]]]:
    header: list[str] | None = None
    for number, row in rows:
        if header is None:
            if not any(cell.strip() for cell in row):
                continue  # blank lines before the header
            header = [cell.strip() for cell in row]
            while header and not header[-1]:
                header.pop()  # spreadsheets often carry empty trailing columns
            keys = _field_names(header, f"{unit} {number}", problems)
            missing = [name for name in ("id", "text") if name not in keys]
            if missing:
                names = {"id": "/".join(ID_NAMES), "text": "/".join(TEXT_NAMES)}
                for name in missing:
                    problems.add(f"{unit} {number}", f"no {name!r} column (one of {names[name]})")
            if problems.listed:
                raise RecordError(problems.path, problems.listed, problems.more)
            names_in_order = keys
            continue
        if not any(cell.strip() for cell in row):
            continue  # blank rows are common in spreadsheets
        location = f"{unit} {number}"
        extra = [cell for cell in row[len(header) :] if cell.strip()]
        if extra:
            problems.add(location, f"{len(header) + len(extra)} values for {len(header)} columns")
            continue
        values = row[: len(header)] + [""] * (len(header) - len(row))
        record = dict(zip(names_in_order, values, strict=True))
        record["id"] = record["id"].strip()
        if not record["id"]:
            problems.add(location, "missing id")
            continue
        yield location, _ordered(record)
    if header is None and not problems.listed:
        raise problems.fail("", "empty file: no header row")
