"""Export a questionnaire's responses as CSV, XLSX, SPSS (.sav), Stata (.dta) and a codebook.

Pure functions: they read a normalised definition (see DEFINITION.md) and plain response rows

    {"response_id": "R0001", "version": 3, "language": "fr", "channel": "online",
     "submitted_at": <aware datetime>, "answers": {field name: value}}

and return bytes; nothing here touches the database. Every format takes its column names from
`variable_names`, so a variable is called the same in the CSV, the workbook, SPSS, Stata and the
codebook.

Columns: response_id, version, language, channel, submitted_at, then the fields in form order:
one column per question, except that a select_multiple or a rank question has one column per
choice (`<question>_<choice>`: 0/1 for select_multiple, the choice's position 1..n for rank) and
a note has none. A question that was not answered (or not relevant) is blank in every format.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import struct
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from heard.questionnaires import repeats
from heard.questionnaires.answer_files import FILE_TYPES
from heard.questionnaires.locations import LOCATION_TYPES
from heard.questionnaires.xlsform_vocabulary import DATA_TYPES
from heard.stakeholders.tables import safe_cell

Definition = Mapping[str, Any]
Row = Mapping[str, Any]
VariableKey = tuple[str, str | None]

LANGUAGES = ("en", "fr")
CHANNELS = ("online", "email", "paper")
META_COLUMNS = ("response_id", "version", "language", "channel", "submitted_at")

MAX_NAME_LENGTH = 32  # Stata's limit; SPSS allows 64 bytes, so 32 ASCII characters suit both
_CHOICE_PART_LENGTH = 16  # room kept for the choice in `<question>_<choice>` when names are long
_HASH_DIGITS = 6
_MAX_HASH_DIGITS = 20  # leaves 11 characters of the readable name

# Compared case-insensitively: SPSS names are case-insensitive, and a Stata user who sees both
# `_N` and `_n` reserved is better off without either spelling.
_RESERVED = {
    # Stata
    *("_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long"),
    *("_n", "_pi", "_pred", "_rc", "_skip", "strl", "using", "with"),
    # SPSS
    *("all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to"),
}
# Stata reserves str1, str2, ...; ReadStat refuses any name that merely *starts* with str<digit>.
_STATA_STR_TYPE = re.compile(r"str[0-9]", re.IGNORECASE)

_PER_CHOICE = ("select_multiple", "rank")
_CODED = ("select_one", "select_multiple", "acknowledge")
# Recorded start, end and today go out as written (ISO 8601, with the offset for start and end).
# Dates with times, and times, as typed (2018-06-30T14:05, 14:05), in the respondent's own time.
# Rows with no column of their own: a note, a data file's name.
_NO_ANSWER = ("note", *DATA_TYPES)
# Locations as ODK writes them: "latitude longitude altitude accuracy", points joined by ";".
# A file question's answer is the file's name (the file downloads from the response's page).
_TEXT = (
    "text",
    "barcode",
    "calculate",
    "start",
    "end",
    "today",
    "datetime",
    "time",
    *LOCATION_TYPES,
    *FILE_TYPES,
)

_META_LABELS = {
    "response_id": {"en": "Response ID", "fr": "Identifiant de la réponse"},
    "version": {"en": "Questionnaire version", "fr": "Version du questionnaire"},
    "language": {"en": "Response language", "fr": "Langue de la réponse"},
    "channel": {"en": "Response channel", "fr": "Mode de réponse"},
    "submitted_at": {"en": "Submitted at (UTC)", "fr": "Date de soumission (UTC)"},
}
_META_VALUES: dict[str, list[tuple[str, dict[str, str]]]] = {
    "language": [
        ("en", {"en": "English", "fr": "anglais"}),
        ("fr", {"en": "French", "fr": "français"}),
    ],
    "channel": [
        ("online", {"en": "Online", "fr": "En ligne"}),
        ("email", {"en": "Email", "fr": "Courriel"}),
        ("paper", {"en": "Paper", "fr": "Papier"}),
    ],
}
_NO_YES = [(0, {"en": "No", "fr": "Non"}), (1, {"en": "Yes", "fr": "Oui"})]
_OK = [("OK", {"en": "OK", "fr": "OK"})]

# Table Schema types of the CSV columns (https://specs.frictionlessdata.io/table-schema/).
_SCHEMA_TYPES = {
    "response_id": "string",
    "version": "integer",
    "language": "string",
    "channel": "string",
    "submitted_at": "datetime",
    "text": "string",
    "calculate": "string",
    "integer": "integer",
    "decimal": "number",
    "range": "number",
    "date": "date",
    "select_one": "string",
    "select_multiple": "integer",
    "rank": "integer",
    "acknowledge": "string",
    "datetime": "datetime",
    "time": "time",
    "start": "datetime",
    "end": "datetime",
    "today": "date",
    # Table Schema's geopoint is "longitude, latitude": ODK's order and extra numbers are not it.
    "geopoint": "string",
    "geotrace": "string",
    "geoshape": "string",
    "image": "string",
    "audio": "string",
    "video": "string",
    "file": "string",
    "barcode": "string",
}

_CODEBOOK_NOTE = (
    "One row per response; a blank cell is a question that was not answered or not shown. "
    "submitted_at is in UTC. In the CSV and XLSX exports, a text cell that begins with = + - @, "
    "a tab or a carriage return (and is not a plain number) starts with an added apostrophe ('), "
    "so that spreadsheets show it instead of running it as a formula. In the SPSS and Stata "
    "exports, the values listed under codes are stored as those integers, with value labels. "
    "A question in a repeat has its columns once per entry (age_1, age_2, ...), for as many "
    "entries as the response with the most has; in a repeat inside another, once per entry of "
    "each (age_1_2: entry 2 of the inner repeat in entry 1 of the outer one)."
)


class ExportError(ValueError):
    """A response cannot be exported as the definition describes it (names the response)."""


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    SAV = "sav"
    DTA = "dta"
    CODEBOOK_JSON = "codebook-json"
    CODEBOOK_CSV = "codebook-csv"

    @property
    def extension(self) -> str:
        return _FORMAT_FILES[self][0]

    @property
    def content_type(self) -> str:
        return _FORMAT_FILES[self][1]


_FORMAT_FILES = {
    ExportFormat.CSV: (".csv", "text/csv; charset=utf-8"),
    ExportFormat.XLSX: (
        ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    ExportFormat.SAV: (".sav", "application/x-spss-sav"),
    ExportFormat.DTA: (".dta", "application/x-stata-dta"),
    ExportFormat.CODEBOOK_JSON: (".json", "application/json"),
    ExportFormat.CODEBOOK_CSV: (".csv", "text/csv; charset=utf-8"),
}


def export(
    definition: Definition,
    rows: Iterable[Row],
    fmt: ExportFormat | str,
    language: str = "en",
) -> tuple[bytes, str, str]:
    """The file in format `fmt`, a file name to suggest and its content type. `language` picks
    the labels of the SPSS and Stata files; the other formats carry both languages or none."""
    fmt = ExportFormat(fmt)
    _check_language(language)
    if fmt is ExportFormat.CSV:
        content, suffix = to_csv(definition, rows), "responses"
    elif fmt is ExportFormat.XLSX:
        content, suffix = to_xlsx(definition, rows), "responses"
    elif fmt is ExportFormat.SAV:
        content, suffix = to_sav(definition, rows, language), f"responses-{language}"
    elif fmt is ExportFormat.DTA:
        content, suffix = to_dta(definition, rows, language), f"responses-{language}"
    elif fmt is ExportFormat.CODEBOOK_JSON:
        content, suffix = codebook_json(definition), "codebook"
    else:
        content, suffix = codebook_csv(definition), "codebook"
    return content, f"{_file_stem(definition)}-{suffix}{fmt.extension}", fmt.content_type


# --- Variable names -------------------------------------------------------------------------


def variable_names(
    definition: Definition, entries: Mapping[str, int] | None = None
) -> dict[VariableKey, str]:
    """The variable name of every response column, keyed by (field name, None) for a
    one-column question and (field name, choice name) for a column of a select_multiple or rank
    question, in column order. The meta columns (META_COLUMNS) keep their own names.

    The rule, so that a name depends only on its own field and choice:

    1. Take the field name, reduce accented letters to ASCII and replace every run of other
       characters than A-Z, a-z, 0-9 and _ by one underscore (`2nd-choice` -> `2nd_choice`).
    2. If it does not start with a letter, or is a reserved word of Stata or SPSS (compared
       case-insensitively; `str` followed by a digit counts as Stata's str#), prefix `v`
       (`v2nd_choice`, `vin`).
    3. A per-choice column appends `_` and the choice name cleaned the same way, without
       leading or trailing underscores and cut to 16 characters (a choice name with no ASCII
       letter or digit becomes `c` and the first 6 hexadecimal digits of its SHA-1); the
       question part is shortened so that the whole fits in 32 characters. A one-column
       question is cut to 32 characters.
    4. Names that are then equal ignoring case (with each other or with a meta column) are all
       disambiguated: the name is cut to 25 characters and gets `_` and the first 6 hexadecimal
       digits of the SHA-1 of the original field name (or of `field choice`), e.g.
       `q_1_3f2a9c`. Should that still clash, more digits are used.

    Adding, removing or moving other fields therefore never renames a variable, unless the new
    field clashes with it under rule 4. Every name matches [A-Za-z][A-Za-z0-9_]{0,31}, so it is
    valid in SPSS, Stata, R and pandas.

    A question in a repeat has its columns once per entry, keyed by its entry name
    (`age@2`, named `age_2` by rule 1); `entries` gives how many entries each repeat has in the
    export (see `entry_counts`)."""
    keys: list[VariableKey] = []
    for field, name in _fields_by_entry(definition, entries):
        if field["type"] in _PER_CHOICE:
            keys += [(name, c["name"]) for c in _choices(definition, field)]
        else:
            keys.append((name, None))

    bases = {key: _base_name(*key) for key in keys}
    counts = Counter(base.lower() for base in bases.values())
    meta = {name.lower() for name in META_COLUMNS}
    names: dict[VariableKey, str] = {}
    clashing: list[VariableKey] = []
    for key, base in bases.items():
        if counts[base.lower()] > 1 or base.lower() in meta:
            clashing.append(key)
        else:
            names[key] = base
    used = meta | {name.lower() for name in names.values()}
    # Sorted, so that which clashing name gets more digits does not depend on form order.
    for key in sorted(clashing, key=lambda k: (k[0], k[1] or "")):
        # More digits only if a hashed name equals another name, which takes a contrived form.
        for digits in range(_HASH_DIGITS, _MAX_HASH_DIGITS + 1, 2):
            name = _hashed_name(bases[key], key, digits)
            if name.lower() not in used:
                break
        else:
            raise ValueError(f"cannot name the variable of {key!r} uniquely")
        names[key] = name
        used.add(name.lower())
    return {key: names[key] for key in keys}


def _clean_name(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9_]+", "_", ascii_text)


def _is_reserved(name: str) -> bool:
    return name.lower() in _RESERVED or _STATA_STR_TYPE.match(name) is not None


def _base_name(field: str, choice: str | None) -> str:
    stem = _clean_name(field)
    if not re.match("[A-Za-z]", stem) or _is_reserved(stem):
        stem = "v" + stem
    if choice is None:
        return stem[:MAX_NAME_LENGTH]
    tail = _clean_name(choice).strip("_")[:_CHOICE_PART_LENGTH]
    if not tail:
        # A choice named in another script (e.g. syllabics) keeps its own column name.
        tail = "c" + _digest(choice)[:_HASH_DIGITS]
    return stem[: MAX_NAME_LENGTH - 1 - len(tail)] + "_" + tail


def _hashed_name(base: str, key: VariableKey, digits: int) -> str:
    field, choice = key
    original = field if choice is None else f"{field} {choice}"
    return base[: MAX_NAME_LENGTH - 1 - digits] + "_" + _digest(original)[:digits]


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()


# --- Columns and values ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Column:
    name: str
    kind: str  # the field's type, or the meta column's own name
    field: Mapping[str, Any] | None = None
    choice: Mapping[str, Any] | None = None
    key: str = ""  # the field's name, or its entry name in a repeat ("age@2")
    # The repeats it sits in, outermost first: (name, label) of each.
    repeats_around: tuple[tuple[str, Mapping[str, str] | None], ...] = ()

    @property
    def is_meta(self) -> bool:
        return self.field is None


@dataclass(frozen=True)
class _Table:
    definition: Definition
    columns: list[_Column]
    rows: list[list[Any]]  # per column: None, str, int, Decimal, date or an aware datetime
    entries: Mapping[str, int]  # columns for this many entries of each repeat


def _choices(definition: Definition, field: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    try:
        return list(definition["choices"][field["list_name"]])
    except KeyError:
        raise ValueError(
            f"field {field['name']!r}: no choice list {field.get('list_name')!r}"
        ) from None


def _repeats(definition: Definition) -> dict[str, Mapping[str, Any]]:
    return {
        name: repeat
        for page in definition.get("pages", ())
        for name, repeat in page.get("repeats", {}).items()
    }


def entry_counts(definition: Definition, rows: Iterable[Row]) -> dict[str, int]:
    """How many entries of each repeat the export has columns for: the most any response has
    (in any one entry of the repeats around it, where repeats nest; at least one, so that every
    question has a column)."""
    counts = dict.fromkeys(_repeats(definition), 1)
    for row in rows:
        flat = repeats.flatten(row.get("answers") or {}, counts)
        for key, value in flat.items():
            name = repeats.split(key)[0]
            if name in counts and isinstance(value, int):
                counts[name] = max(counts[name], value)
    return counts


def _fields_by_entry(
    definition: Definition, entries: Mapping[str, int] | None
) -> list[tuple[Mapping[str, Any], str]]:
    """(field, the name its column is keyed by) in column order: a question in a repeat once
    per entry, under its entry name, its repeat's entries together (a repeat inside another,
    within each entry of the outer one: age@1.1, age@1.2, age@2.1, …)."""
    outer_of = repeats.outer_repeats(definition)
    fields = [
        # Choices from a repeat's answers are not a list: it goes out as the text chosen.
        (
            {**f, "type": "text"} if f.get("entries_of") else f,
            repeats.chain(outer_of, f.get("repeat")),
        )
        for f in definition["fields"]
        if f["type"] not in _NO_ANSWER
    ]

    def within(level: list[str], path: repeats.Path) -> list[tuple[Mapping[str, Any], str]]:
        found: list[tuple[Mapping[str, Any], str]] = []
        done: set[str] = set()
        for field, around in fields:
            if around[: len(level)] != level:
                continue
            if len(around) == len(level):
                found.append(
                    (field, repeats.entry_name(field["name"], path) if path else field["name"])
                )
                continue
            inner = around[len(level)]
            if inner not in done:
                done.add(inner)
                for number in range(1, (entries or {}).get(inner, 1) + 1):
                    found += within([*level, inner], (*path, number))
        return found

    return within([], ())


def _columns(definition: Definition, entries: Mapping[str, int] | None = None) -> list[_Column]:
    names = variable_names(definition, entries)
    by_repeat = _repeats(definition)
    columns = [_Column(name=name, kind=name) for name in META_COLUMNS]
    for field, key in _fields_by_entry(definition, entries):
        kind = field["type"]
        around: list[tuple[str, Mapping[str, str] | None]] = []
        held_by = field.get("repeat")
        while held_by:
            around.insert(0, (held_by, by_repeat[held_by].get("label")))
            held_by = by_repeat[held_by].get("repeat")
        if kind in _PER_CHOICE:
            for choice in _choices(definition, field):
                name = names[(key, choice["name"])]
                columns.append(_Column(name, kind, field, choice, key, tuple(around)))
        else:
            columns.append(_Column(names[(key, None)], kind, field, None, key, tuple(around)))
    return columns


def _table(definition: Definition, rows: Iterable[Row]) -> _Table:
    rows = list(rows)
    entries = entry_counts(definition, rows)
    columns = _columns(definition, entries)
    fields = _fields_by_entry(definition, entries)
    repeat_names = list(_repeats(definition))
    choice_names = {
        f["name"]: [c["name"] for c in _choices(definition, f)]
        for f, _key in fields
        if f["type"] in ("select_one", *_PER_CHOICE)
    }
    table_rows = []
    for row in rows:
        response = str(row["response_id"])
        answers = repeats.flatten(row.get("answers") or {}, repeat_names)
        parsed = {}
        for field, key in fields:
            value = answers.get(key)
            # Stored answers omit unanswered questions; treat an explicit null or "" the same.
            if value is not None and value != "":
                parsed[key] = _answer(field, value, choice_names.get(field["name"], []), response)
        values: list[Any] = []
        for column in columns:
            if column.field is None:
                values.append(_meta_value(column.name, row, response))
            else:
                values.append(_cell(column, parsed.get(column.key)))
        table_rows.append(values)
    return _Table(definition, columns, table_rows, entries)


def _meta_value(name: str, row: Row, response: str) -> Any:
    value = row[name]
    if name == "response_id":
        return response
    if name == "version":
        return int(value)
    if name == "submitted_at":
        if not isinstance(value, datetime) or value.utcoffset() is None:
            raise ExportError(f"response {response}: submitted_at must be an aware datetime")
        # Whole seconds: every format then shows the same instant the same way.
        return value.astimezone(UTC).replace(microsecond=0)
    allowed = LANGUAGES if name == "language" else CHANNELS
    if value not in allowed:
        raise ExportError(f"response {response}: {name} {value!r} is not one of {allowed}")
    return value


def _answer(field: Mapping[str, Any], value: Any, choices: list[str], response: str) -> Any:
    """The answer as the one Python type each question type exports from, or ExportError."""
    kind = field["type"]

    def wrong(why: str) -> ExportError:
        return ExportError(f"response {response}, field {field['name']!r}: {why}")

    if kind in _TEXT:
        if isinstance(value, str):
            return value
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return str(value)  # a calculation may have been stored as a number
        raise wrong(f"expected text, got {value!r}")
    if kind == "integer":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and re.fullmatch(r"[+-]?[0-9]+", value.strip()):
            return int(value)
        raise wrong(f"expected an integer, got {value!r}")
    if kind in ("decimal", "range"):
        if isinstance(value, str | int | float | Decimal) and not isinstance(value, bool):
            try:
                number = Decimal(str(value).strip())
            except InvalidOperation:
                number = Decimal("NaN")
            if number.is_finite():
                return number
        raise wrong(f"expected a decimal number, got {value!r}")
    if kind == "date":
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            raise wrong(f"expected a date YYYY-MM-DD, got {value!r}") from None
    if kind == "select_one":
        if value not in choices:
            raise wrong(f"{value!r} is not a choice of list {field['list_name']!r}")
        return value
    if kind in _PER_CHOICE:
        if not isinstance(value, list | tuple) or not all(v in choices for v in value):
            raise wrong(f"{value!r} is not a list of choices of list {field['list_name']!r}")
        if kind == "rank" and len(set(value)) != len(value):
            raise wrong(f"{value!r} ranks a choice twice")
        return list(value)
    if kind == "acknowledge":
        if value != "OK":
            raise wrong(f"expected 'OK', got {value!r}")
        return value
    raise wrong(f"unknown question type {kind!r}")


def _cell(column: _Column, answer: Any) -> Any:
    if answer is None:
        return None
    if column.choice is None:
        return answer
    name = column.choice["name"]
    if column.kind == "select_multiple":
        return int(name in answer)
    return answer.index(name) + 1 if name in answer else None


# --- Labels ---------------------------------------------------------------------------------


def _plain(text: str | None) -> str:
    """Labels fit for a statistics package: composed accents (so that truncation cannot strip
    one off its letter) and no line breaks."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def _text(translations: Mapping[str, str] | None, language: str) -> str:
    if not translations:
        return ""
    return _plain(translations.get(language) or translations.get("en") or "")


def _label(column: _Column, language: str) -> str:
    """The column's full label: the question's (the field name for an unlabelled calculate),
    followed by the choice's for a per-choice column."""
    if column.field is None:
        return _META_LABELS[column.name][language]
    question = _text(column.field.get("label"), language) or column.field["name"]
    path = repeats.split(column.key)[1]
    if column.repeats_around and path:
        # "Person 2: Age": the entry's heading first, as the check page shows it ("Household 1,
        # Member 2: Age" where repeats nest).
        headings = ", ".join(
            f"{_text(label, language) or name} {number}"
            for (name, label), number in zip(column.repeats_around, path, strict=False)
        )
        question = headings + (" : " if language == "fr" else ": ") + question
    if column.choice is None:
        return question
    return question + _choice_tail(column.choice, language)


def _choice_tail(choice: Mapping[str, Any], language: str) -> str:
    # French typography puts a space before the colon.
    separator = " : " if language == "fr" else ": "
    return separator + (_text(choice.get("label"), language) or choice["name"])


def _value_labels(definition: Definition, column: _Column) -> list[tuple[Any, int, dict[str, str]]]:
    """(value in the CSV, code in SPSS and Stata, labels by language) of a coded column, in
    code order; empty for a column whose values speak for themselves."""
    if column.kind in _META_VALUES:
        return [(v, i, labels) for i, (v, labels) in enumerate(_META_VALUES[column.kind], 1)]
    if column.kind == "select_one" and column.field is not None:
        return [
            (c["name"], i, {lang: _text(c.get("label"), lang) or c["name"] for lang in LANGUAGES})
            for i, c in enumerate(_choices(definition, column.field), 1)
        ]
    if column.kind == "select_multiple":
        return [(v, v, labels) for v, labels in _NO_YES]
    if column.kind == "acknowledge":
        return [(v, 1, labels) for v, labels in _OK]
    return []


@dataclass(frozen=True)
class _Limit:
    """A length limit of a statistics file, in bytes of UTF-8 or in characters."""

    size: int
    in_bytes: bool

    def measure(self, text: str) -> int:
        return len(text.encode("utf-8")) if self.in_bytes else len(text)

    def cut(self, text: str, size: int | None = None) -> str:
        """`text`, or as much of it as fits followed by an ellipsis; never half a character."""
        size = self.size if size is None else size
        if self.measure(text) <= size:
            return text
        room = size - self.measure("…")
        if self.in_bytes:
            # Decoding with "ignore" drops the partial character a byte cut may leave.
            head = text.encode("utf-8")[: max(room, 0)].decode("utf-8", "ignore")
        else:
            head = text[: max(room, 0)]
        return head.rstrip() + "…"

    def fit_label(self, column: _Column, language: str) -> str:
        """A per-choice label shortens the question rather than the choice, which is what
        tells the columns of one question apart."""
        label = _label(column, language)
        if column.choice is None or self.measure(label) <= self.size:
            return self.cut(label)
        tail = _choice_tail(column.choice, language)
        room = self.size - self.measure(tail)
        if room < 12:
            return self.cut(label)
        question = label[: -len(tail)]
        return self.cut(question, room) + tail


@dataclass(frozen=True)
class _StatLimits:
    variable_label: _Limit
    value_label: _Limit
    file_label: _Limit
    string: _Limit | None


_SAV_LIMITS = _StatLimits(
    variable_label=_Limit(256, in_bytes=True),
    value_label=_Limit(120, in_bytes=True),
    file_label=_Limit(64, in_bytes=True),
    string=_Limit(32767, in_bytes=True),
)
_DTA_LIMITS = _StatLimits(
    variable_label=_Limit(80, in_bytes=False),
    value_label=_Limit(32000, in_bytes=False),
    file_label=_Limit(80, in_bytes=False),
    string=None,  # longer strings are written as strL, which has no practical limit
)


# --- CSV and XLSX ---------------------------------------------------------------------------

_PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def _safe_text(text: str) -> str:
    """Neutralise formulas as the stakeholder exports do (tables.safe_cell), except for plain
    numbers: "-5" or a choice named "-99" cannot run as a formula, and an apostrophe would
    make it differ from the codebook."""
    return text if _PLAIN_NUMBER.fullmatch(text) else safe_cell(text)


def _iso(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return _iso(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return _safe_text(value)
    if isinstance(value, Decimal):
        return format(value, "f")  # 1E+5 would read as text in some tools
    return str(value)


def to_csv(definition: Definition, rows: Iterable[Row]) -> bytes:
    """UTF-8 with a byte order mark, so that Excel reads the accents right."""
    table = _table(definition, rows)
    return _csv_bytes([column.name for column in table.columns], table.rows)


def _csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows([[_csv_cell(value) for value in row] for row in rows])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # the BOM: spreadsheets then read UTF-8


_XLSX_CELL_LIMIT = _Limit(32767, in_bytes=False)


def to_xlsx(definition: Definition, rows: Iterable[Row]) -> bytes:
    """Sheet "responses" with the CSV's columns (numbers as numbers, dates as dates, times in
    UTC) and sheet "variables" with the codebook."""
    table = _table(definition, rows)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("responses")
    sheet.freeze_panes = "B2"

    def cell(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, datetime):
            # Excel has no time zones: write the UTC wall time, as the header says.
            c = WriteOnlyCell(sheet, value=value.replace(tzinfo=None))
            c.number_format = "yyyy-mm-dd hh:mm:ss"
            return c
        if isinstance(value, date):
            c = WriteOnlyCell(sheet, value=value)
            c.number_format = "yyyy-mm-dd"
            return c
        if isinstance(value, str):
            # openpyxl refuses control characters, which pasted text sometimes carries.
            return _XLSX_CELL_LIMIT.cut(_safe_text(ILLEGAL_CHARACTERS_RE.sub("", value)))
        return value

    sheet.append(_bold_row(sheet, [column.name for column in table.columns]))
    for row in table.rows:
        sheet.append([cell(value) for value in row])

    variables = workbook.create_sheet("variables")
    variables.freeze_panes = "B2"
    variables.append(_bold_row(variables, _CODEBOOK_HEADERS))
    for entry in _codebook_rows(definition, table.entries):
        variables.append([_safe_text(text) for text in entry])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _bold_row(sheet: Any, texts: Sequence[str]) -> list[WriteOnlyCell]:
    cells = []
    for text in texts:
        c = WriteOnlyCell(sheet, value=text)
        c.font = Font(bold=True)
        cells.append(c)
    return cells


# --- SPSS and Stata -------------------------------------------------------------------------


def to_sav(definition: Definition, rows: Iterable[Row], language: str = "en") -> bytes:
    """An SPSS file with variable and value labels in `language`."""
    return _statistics_file(_table(definition, rows), language, "sav")


def to_dta(definition: Definition, rows: Iterable[Row], language: str = "en") -> bytes:
    """A Stata 14+ file (format 118) with variable and value labels in `language`."""
    return _statistics_file(_table(definition, rows), language, "dta")


_SPSS_EPOCH = date(1582, 10, 14)  # SPSS dates count seconds from the Gregorian calendar's start
_STATA_EPOCH = date(1960, 1, 1)  # Stata %td dates count days from 1960


def _statistics_file(table: _Table, language: str, flavour: str) -> bytes:
    # Imported here: pandas takes a while to load and only these two formats need it.
    import numpy as np
    import pandas as pd
    import pyreadstat

    _check_language(language)
    limits = _SAV_LIMITS if flavour == "sav" else _DTA_LIMITS
    data: dict[str, Any] = {}
    labels: dict[str, str | None] = {}
    value_labels: dict[str, dict[int | float, str]] = {}
    formats: dict[str, str] = {}
    measures: dict[str, str] = {}
    for index, column in enumerate(table.columns):
        name = column.name
        values = [row[index] for row in table.rows]
        labels[name] = limits.variable_label.fit_label(column, language)
        coded = _value_labels(table.definition, column)
        if coded:
            codes = {value: code for value, code, _ in coded}
            data[name] = pd.array([None if v is None else codes[v] for v in values], "Int32")
            value_labels[name] = {
                code: limits.value_label.cut(texts[language]) for _, code, texts in coded
            }
            measures[name] = "nominal"
        elif column.kind in ("version", "rank"):
            data[name] = pd.array(values, dtype="Int32")
            measures[name] = "ordinal"
        elif column.kind in ("integer", "decimal", "range"):
            # Doubles: SPSS stores nothing else, and Stata's int32 could overflow.
            data[name] = np.array([np.nan if v is None else float(v) for v in values])
            measures[name] = "scale"
            if flavour == "sav":
                formats[name] = _spss_number_format([v for v in values if v is not None])
        elif column.kind == "date":
            # Numbers in the packages' own date encoding with a date format: pyreadstat cannot
            # infer a type for a column of dates that is entirely empty.
            if flavour == "sav":
                numbers = [
                    (v - _SPSS_EPOCH).days * 86400.0 if v is not None else np.nan for v in values
                ]
                formats[name] = "SDATE10"  # yyyy/mm/dd
            else:
                numbers = [
                    float((v - _STATA_EPOCH).days) if v is not None else np.nan for v in values
                ]
                formats[name] = "%tdCCYY-NN-DD"
            data[name] = np.array(numbers, dtype="float64")
            measures[name] = "scale"
        elif column.kind == "submitted_at":
            data[name] = pd.Series([v.replace(tzinfo=None) for v in values], dtype="datetime64[us]")
            # pyreadstat's default formats (SPSS DATETIME20, Stata %tc) are the ones other
            # readers recognise as date-times; Stata's display variants are not.
            measures[name] = "scale"
        else:  # response_id, text, calculate
            data[name] = pd.array([_stat_string(v, limits) for v in values], dtype="string")
            measures[name] = "nominal"

    frame = pd.DataFrame(data)
    file_label = limits.file_label.cut(_text(table.definition.get("title"), language))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"responses.{flavour}"
        if flavour == "sav":
            pyreadstat.write_sav(
                frame,
                path,
                file_label=file_label,
                column_labels=labels,
                row_compress=True,
                variable_value_labels=value_labels,
                variable_format=formats,
                variable_measure=measures,
            )
            return path.read_bytes()
        # Short placeholders keep pyreadstat's label set names (`<variable><counter>`) within
        # Stata's limit; _rename_dta_variables then writes the real names in.
        names = list(frame.columns)
        placeholders = [f"v{i}" for i in range(1, len(names) + 1)]
        temporary = dict(zip(names, placeholders, strict=True))
        # Format 118 (Stata 14 and later); pyreadstat's default, 119, is meant for datasets of
        # more than 32,767 variables and only Stata MP 15 and later read it.
        pyreadstat.write_dta(
            frame.rename(columns=temporary),
            path,
            file_label=file_label,
            column_labels={temporary[k]: v for k, v in labels.items()},
            version=14,
            variable_value_labels={temporary[k]: v for k, v in value_labels.items()},
            variable_format={temporary[k]: v for k, v in formats.items()},
        )
        return _rename_dta_variables(path.read_bytes(), placeholders, names)


def _stat_string(value: str | None, limits: _StatLimits) -> str | None:
    if value is None:
        return None
    value = value.replace("\x00", "")  # ReadStat writes C strings
    return limits.string.cut(value) if limits.string else value


def _spss_number_format(values: list[Any]) -> str:
    """F<width>.<decimals> wide enough for every value, so that SPSS shows them unrounded."""
    decimals = 0
    digits = 1
    for value in values:
        number = Decimal(value)
        exponent = number.as_tuple().exponent
        if isinstance(exponent, int) and exponent < 0:
            decimals = max(decimals, -exponent)
        digits = max(digits, len(str(abs(int(number)))))
    decimals = min(decimals, 16)
    width = min(40, max(8, digits + 1 + (decimals + 1 if decimals else 0)))
    return f"F{width}.{decimals}"


def _rename_dta_variables(
    content: bytes, placeholders: Sequence[str], names: Sequence[str]
) -> bytes:
    """Give the variables of a Stata file written under placeholder names their real names,
    and name each value label set after its variable, as Stata itself does.

    pyreadstat names a label set `<variable><counter>`, and ReadStat refuses that name when it
    passes Stata's 32 characters, so a labelled variable named with 31 or 32 characters could
    not be written at all. Names sit in fixed 129-byte fields of format 118, so renaming moves
    no offset. Any surprise in the layout raises rather than return a damaged file."""
    data = bytearray(content)
    width = 129

    def expect(offset: int, tag: bytes) -> int:
        if data[offset : offset + len(tag)] != tag:
            raise RuntimeError(f"unexpected Stata file layout: no {tag!r} at {offset}")
        return offset + len(tag)

    def name_at(offset: int) -> bytes:
        return bytes(data[offset : offset + width]).split(b"\0", 1)[0]

    def put(offset: int, name: bytes) -> None:
        data[offset : offset + width] = name.ljust(width, b"\0")

    position = expect(0, b"<stata_dta><header><release>118</release><byteorder>")
    endian = "<" if data[position : position + 3] == b"LSF" else ">"
    position = expect(position + 3, b"</byteorder><K>")
    (count,) = struct.unpack(endian + "H", data[position : position + 2])
    position = expect(position + 2, b"</K><N>")
    position = expect(position + 8, b"</N><label>")
    (label_length,) = struct.unpack(endian + "H", data[position : position + 2])
    position = expect(position + 2 + label_length, b"</label><timestamp>")
    position = expect(position + 1 + data[position], b"</timestamp></header><map>")
    offsets = struct.unpack(endian + "14Q", data[position : position + 14 * 8])
    if count != len(names):
        raise RuntimeError("unexpected Stata file layout: variable count")

    varnames = expect(offsets[3], b"<varnames>")
    label_names = expect(offsets[6], b"<value_label_names>")
    renames: dict[bytes, bytes] = {}
    for i, (placeholder, name) in enumerate(zip(placeholders, names, strict=True)):
        if name_at(varnames + i * width) != placeholder.encode():
            raise RuntimeError("unexpected Stata file layout: variable names")
        put(varnames + i * width, name.encode())
        label_set = name_at(label_names + i * width)
        if label_set:
            renames[label_set] = name.encode()
            put(label_names + i * width, name.encode())

    position = expect(offsets[11], b"<value_labels>")
    while data[position : position + 5] == b"<lbl>":
        (length,) = struct.unpack(endian + "I", data[position + 5 : position + 9])
        slot = position + 9
        put(slot, renames.pop(name_at(slot)))  # KeyError: a set no variable uses
        position = expect(slot + width + 3 + length, b"</lbl>")
    expect(position, b"</value_labels>")
    if renames:
        raise RuntimeError("unexpected Stata file layout: value labels")
    return bytes(data)


# --- Codebook -------------------------------------------------------------------------------

_CODEBOOK_HEADERS = [
    "variable",
    "source_field",
    "choice",
    "question_type",
    "data_type",
    "label_en",
    "label_fr",
    "values_en",
    "values_fr",
    "codes",
]


def codebook(definition: Definition, entries: Mapping[str, int] | None = None) -> dict[str, Any]:
    """A Table Schema (frictionless data) describing the CSV export, with both languages.

    Beside the standard keys, each field has "titles" and "descriptions" ({"en", "fr"}),
    "valueLabels" ({"en": {value: label}, "fr": ...}) and "codes" ({value: integer} as stored
    in SPSS and Stata) where its values are coded, "questionType", and for a question column
    "sourceName", "sourceChoice", "sourceRow" and "sourceField" (its row of the definition),
    and "sourceEntry" (its entry's number) for a question in a repeat, with "sourceEntryPath"
    (the number of each entry, outermost first) in a repeat inside another. `entries` as for
    `variable_names`: without it, each repeat has the columns of one entry."""
    fields = []
    for column in _columns(definition, entries):
        entry: dict[str, Any] = {
            "name": column.name,
            "type": _SCHEMA_TYPES[column.kind],
            "title": _label(column, "en"),
            "titles": {lang: _label(column, lang) for lang in LANGUAGES},
        }
        hint = column.field.get("hint") if column.field is not None else None
        if hint:
            entry["description"] = _text(hint, "en")
            entry["descriptions"] = {lang: _text(hint, lang) for lang in LANGUAGES}
        constraints: dict[str, Any] = {}
        coded = _value_labels(definition, column)
        if coded:
            constraints["enum"] = [value for value, _, _ in coded]
            entry["valueLabels"] = {
                lang: {str(value): texts[lang] for value, _, texts in coded} for lang in LANGUAGES
            }
            if any(value != code for value, code, _ in coded):
                entry["codes"] = {str(value): code for value, code, _ in coded}
        if column.kind == "rank" and column.field is not None:
            constraints.update(minimum=1, maximum=len(_choices(definition, column.field)))
        if column.is_meta:
            constraints["required"] = True
        if column.name == "response_id":
            constraints["unique"] = True
        if constraints:
            entry["constraints"] = constraints
        entry["questionType"] = "meta" if column.field is None else column.kind
        if column.field is not None:
            entry["sourceName"] = column.field["name"]
            entry["sourceChoice"] = column.choice["name"] if column.choice else None
            entry["sourceRow"] = column.field.get("row")
            entry["sourceField"] = dict(column.field)
            path = repeats.split(column.key)[1]
            if column.field.get("repeat") and path:
                entry["sourceEntry"] = path[-1]
                if len(path) > 1:  # in a repeat inside another: each entry's number
                    entry["sourceEntryPath"] = list(path)
        fields.append(entry)
    title = definition.get("title") or {}
    return {
        "title": _text(title, "en"),
        "titles": {lang: _text(title, lang) for lang in LANGUAGES},
        "formId": definition.get("form_id", ""),
        "formVersion": definition.get("form_version", ""),
        "description": _CODEBOOK_NOTE,
        "fields": fields,
        "missingValues": [""],
        "primaryKey": ["response_id"],
    }


def codebook_json(definition: Definition) -> bytes:
    text = json.dumps(codebook(definition), ensure_ascii=False, indent=2, default=str)
    return (text + "\n").encode("utf-8")


def _codebook_rows(
    definition: Definition, entries: Mapping[str, int] | None = None
) -> list[list[str]]:
    rows = []
    for column in _columns(definition, entries):
        coded = _value_labels(definition, column)
        values = {
            lang: "; ".join(f"{value} = {texts[lang]}" for value, _, texts in coded)
            for lang in LANGUAGES
        }
        codes = ""
        if any(value != code for value, code, _ in coded):
            codes = "; ".join(f"{code} = {value}" for value, code, _ in coded)
        rows.append(
            [
                column.name,
                column.field["name"] if column.field is not None else "",
                column.choice["name"] if column.choice is not None else "",
                "meta" if column.field is None else column.kind,
                _SCHEMA_TYPES[column.kind],
                _label(column, "en"),
                _label(column, "fr"),
                values["en"],
                values["fr"],
                codes,
            ]
        )
    return rows


def codebook_csv(definition: Definition) -> bytes:
    """One row per variable; "codes" gives the integers SPSS and Stata store instead of the
    CSV's values."""
    return _csv_bytes(_CODEBOOK_HEADERS, _codebook_rows(definition))


# --- Helpers --------------------------------------------------------------------------------


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: use en or fr")


def _file_stem(definition: Definition) -> str:
    def slug(text: str) -> str:
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return re.sub(r"[^A-Za-z0-9_.]+", "-", ascii_text).strip("-.")

    stem = slug(str(definition.get("form_id") or "")) or "questionnaire"
    version = slug(str(definition.get("form_version") or ""))
    return f"{stem}-v{version}" if version else stem
