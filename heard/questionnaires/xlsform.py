"""XLSForm in: read the sheets with row numbers, check what Heard supports, build the definition.

Heard checks every row itself first, because pyxform's own messages do not always say which sheet,
row and column is at fault, and because Heard supports only part of XLSForm (the part that makes
sense on a web page) and needs English and French for every text a respondent reads. Once a form
passes those checks, pyxform converts it to an XForm: that proves the form is valid XLSForm for
other tools too, and the XForm is what the round trip (Heard back to XLSForm) is compared on.

The definition this module builds is described in DEFINITION.md beside it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from heard.archives import Limits, Refused, capped_rows, check_text, check_xlsx
from heard.core.refusals import explain
from heard.questionnaires import expressions

LANGUAGES = ("en", "fr")
ANSWER_TYPES = ("text", "integer", "decimal", "date", "select_one", "select_multiple", "rank")
LABELLED_TYPES = (*ANSWER_TYPES, "note", "acknowledge")
LIST_TYPES = ("select_one", "select_multiple", "rank")
SIMPLE_TYPES = ("text", "integer", "decimal", "date", "note", "acknowledge", "calculate")
USABLE_TYPES = (*SIMPLE_TYPES, *LIST_TYPES, "begin_group", "end_group")
# Types other tools know that Heard does not render; named so the message can say why. (Written
# gettext_noop in full: makemessages finds the texts by that name.)
KNOWN_UNSUPPORTED = {
    "begin_repeat": gettext_noop("repeats are not supported"),
    "end_repeat": gettext_noop("repeats are not supported"),
    "time": gettext_noop("time questions are not supported"),
    "datetime": gettext_noop("date-and-time questions are not supported"),
    "geopoint": gettext_noop("locations are not supported"),
    "geotrace": gettext_noop("locations are not supported"),
    "geoshape": gettext_noop("locations are not supported"),
    "image": gettext_noop("photos and files are not supported"),
    "audio": gettext_noop("photos and files are not supported"),
    "video": gettext_noop("photos and files are not supported"),
    "file": gettext_noop("photos and files are not supported"),
    "barcode": gettext_noop("barcodes are not supported"),
    "range": gettext_noop("ranges are not supported"),
    "trigger": gettext_noop("use acknowledge instead of trigger"),
    "select_one_from_file": gettext_noop("choices from a file are not supported"),
    "select_multiple_from_file": gettext_noop("choices from a file are not supported"),
    "select_one_external": gettext_noop("choices from a file are not supported"),
}
# pyxform's spellings of types in several words, and the name Heard uses for each. pyxform reads
# types as written (case-sensitive), so Heard does too.
TYPE_SPELLINGS = {
    "begin group": "begin_group",
    "end group": "end_group",
    "begin repeat": "begin_repeat",
    "end repeat": "end_repeat",
    "select one": "select_one",
    "select all that apply": "select_multiple",
    "select one from file": "select_one_from_file",
    "select multiple from file": "select_multiple_from_file",
}
TRANSLATED_COLUMNS = ("label", "hint", "required_message", "constraint_message")
PLAIN_COLUMNS = (
    "type",
    "name",
    "required",
    "relevant",
    "constraint",
    "choice_filter",
    "appearance",
    "calculation",
    "default",
)
# Appearances that mean something on a web page, per type.
APPEARANCES = {
    "text": {"multiline"},
    "select_one": {"minimal", "horizontal", "horizontal-compact", "likert"},
    "select_multiple": {"minimal", "horizontal", "horizontal-compact"},
    "group": {"field-list"},
}
SETTINGS_COLUMNS = ("form_title", "form_id", "version", "default_language", "style")
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
RESERVED_NAMES = {"meta"}  # pyxform keeps it for the form's metadata
# The spellings pyxform turns into true() and false(); anything else would be an expression.
TRUE = {"yes", "Yes", "YES", "true", "True", "TRUE", "true()"}
FALSE = {"no", "No", "NO", "false", "False", "FALSE", "false()"}
LANGUAGE_NAMES = {"english": "en", "french": "fr", "français": "fr", "francais": "fr"}
LANGUAGE_CODE = re.compile(r"(en|fr)(-[a-z]{2})?")
# pyxform stops reading a sheet after these many empty rows or empty column names in a row.
MAX_EMPTY_ROWS = 60
MAX_EMPTY_COLUMNS = 20
# Characters a spreadsheet cannot store (the same test openpyxl makes when writing a cell).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# What a form file may hold, checked before openpyxl or pyxform opens it (heard.archives). A form
# is small: the demo's 18 KB inflate to 81 KB; a list of every Canadian municipality (about
# 5,000 choices) fits on one sheet. A CSV form holds its three sheets in one file.
LIMITS = Limits(max_bytes=32 * 1024 * 1024, max_rows=10_000, max_columns=100, max_lines=30_000)


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
    """The survey, choices and settings sheets, keyed by lower-case name, with row numbers kept."""
    suffix = filename.lower().rsplit(".", 1)[-1]
    sheets: dict[str, Sheet] = {}
    try:
        if suffix == "xlsx":
            check_xlsx(filename, data, LIMITS)
        elif suffix == "csv":
            check_text(filename, data, LIMITS)
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
        raise FormError(
            [
                FormProblem(
                    "", None, "", _("Save the form as .xlsx: the old .xls format is not read.")
                )
            ]
        )
    else:
        raise FormError(
            [FormProblem("", None, "", _("Upload the XLSForm as an .xlsx or .csv file."))]
        )
    return sheets


# Columns -----------------------------------------------------------------------------------------


def _language_of(suffix: str) -> str | None:
    """'en' for 'English (en)', 'en', 'en-CA' or 'English'; None for any other language."""
    found = re.search(r"\(([A-Za-z-]+)\)\s*$", suffix)
    code = found.group(1).lower() if found else suffix.strip().lower()
    code = LANGUAGE_NAMES.get(code, code)
    return code[:2] if LANGUAGE_CODE.fullmatch(code) else None


@dataclass
class Columns:
    """Which header is which column."""

    plain: dict[str, str] = field(default_factory=dict)  # base name -> header
    translated: dict[tuple[str, str], str] = field(default_factory=dict)  # (base, lang) -> header
    extra: list[str] = field(default_factory=list)  # headers left for the caller to judge


def _columns(
    sheet: Sheet,
    allowed_plain: Iterable[str],
    translated: Iterable[str],
    problems: list[FormProblem],
    spellings: dict[str, str] | None = None,
) -> Columns:
    """Sort the sheet's headers. `spellings` (language -> first header naming it) is shared by
    the sheets of a file: pyxform takes each spelling of a language for another language."""
    found = Columns()
    allowed, translatable = set(allowed_plain), set(translated)
    spellings = {} if spellings is None else spellings
    seen: dict[tuple[str, ...], str] = {}
    for header in sheet.headers:
        if not header:
            continue
        base, _sep, suffix = header.partition("::")
        base = base.strip().lower().replace(" ", "_")
        suffix = " ".join(suffix.split())
        language = _language_of(suffix) if base in translatable and suffix else None
        key = (base, language) if language else (base,) if not suffix else (header.lower(),)
        if key in seen:
            problems.append(
                FormProblem(
                    sheet.name,
                    sheet.header_row,
                    header,
                    _("This column repeats column “%(other)s”.") % {"other": seen[key]},
                )
            )
            continue
        seen[key] = header
        if base in translatable:
            if not suffix:
                problems.append(
                    FormProblem(
                        sheet.name,
                        sheet.header_row,
                        header,
                        _(
                            "Give this column a language: “%(base)s::English (en)” and "
                            "“%(base)s::Français (fr)”."
                        )
                        % {"base": base},
                    )
                )
                continue
            if language is None:
                problems.append(
                    FormProblem(
                        sheet.name,
                        sheet.header_row,
                        header,
                        _("Only English (en) and French (fr) are supported."),
                    )
                )
                continue
            first = spellings.setdefault(language, header)
            written = " ".join(first.partition("::")[2].split())
            if written != suffix:
                problems.append(
                    FormProblem(
                        sheet.name,
                        sheet.header_row,
                        header,
                        _(
                            "Write this language “%(language)s”, as column “%(other)s” does: "
                            "XLSForm tools take each spelling for another language."
                        )
                        % {"language": written, "other": first},
                    )
                )
            found.translated[(base, language)] = header
        elif base in allowed and not suffix:
            found.plain[base] = header
        else:
            found.extra.append(header)
    return found


def _text(row: dict[str, str], columns: Columns, base: str) -> dict[str, str] | None:
    texts = {lang: row.get(columns.translated.get((base, lang), ""), "") for lang in LANGUAGES}
    return texts if any(texts.values()) else None


def _check_languages(
    sheet: Sheet,
    number: int,
    row: dict[str, str],
    columns: Columns,
    bases: Iterable[str],
    problems: list[FormProblem],
    *,
    needed: Iterable[str] = (),
) -> None:
    """Each text in both languages (`needed` ones even when empty), and none showing answers."""
    must = set(needed)
    for base in bases:
        texts = _text(row, columns, base)
        if texts is None and base not in must:
            continue
        for lang in LANGUAGES:
            header = columns.translated.get((base, lang))
            if texts and texts[lang]:
                if "${" in texts[lang]:
                    problems.append(
                        FormProblem(
                            sheet.name,
                            number,
                            header or base,
                            _("A text cannot show answers: ${…} is not supported here."),
                        )
                    )
                continue
            name = {"en": "English (en)", "fr": "Français (fr)"}[lang]
            problems.append(
                FormProblem(
                    sheet.name,
                    number,
                    header or f"{base}::{name}",
                    _("The %(language)s text is missing.")
                    % {"language": _("English") if lang == "en" else _("French")},
                )
            )


def _check_characters(sheet: Sheet, problems: list[FormProblem]) -> None:
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


# The survey sheet --------------------------------------------------------------------------------


def _type_of(raw: str) -> tuple[str, str]:
    """('select_one', 'sectors') from 'select_one sectors' or 'select one sectors'; ('begin_group',
    '') from 'begin group'. Written as pyxform reads it: 'Text' is not 'text'."""
    words = raw.split()
    for size in (4, 3, 2):
        if " ".join(words[:size]) in TYPE_SPELLINGS:
            return TYPE_SPELLINGS[" ".join(words[:size])], " ".join(words[size:])
    return (words[0], " ".join(words[1:])) if words else ("", "")


def _parse_expression(
    sheet: str,
    number: int,
    column: str,
    text: str,
    problems: list[FormProblem],
    *,
    names: set[str],
    allow_current: bool = False,
    choice_columns: set[str] | None = None,
) -> str | None:
    if not text:
        return None
    try:
        node = expressions.parse(text)
    except expressions.ExpressionError as exc:
        problems.append(FormProblem(sheet, number, column, str(exc)))
        return None
    for name in sorted(expressions.references(node) - names):
        problems.append(
            FormProblem(
                sheet,
                number,
                column,
                _("${%(name)s} is not a field of this form.") % {"name": name},
            )
        )
    if expressions.uses_current(node) and not allow_current:
        problems.append(
            FormProblem(
                sheet, number, column, _("“.” (this answer) can be used only in a constraint.")
            )
        )
    bare = expressions.column_names(node)
    if choice_columns is None and bare:
        problems.append(
            FormProblem(
                sheet,
                number,
                column,
                _("Write references to other fields as ${name}; “%(name)s” is not one.")
                % {"name": sorted(bare)[0]},
            )
        )
    elif choice_columns is not None:
        for name in sorted(bare - choice_columns - {"name"}):
            problems.append(
                FormProblem(
                    sheet,
                    number,
                    column,
                    _("The choices sheet has no column “%(name)s” for this list.") % {"name": name},
                )
            )
    return text


def _check_default(kind: str, value: str, choices: set[str]) -> str | None:
    from pyxform.utils import default_is_dynamic

    if default_is_dynamic(value, kind):
        # pyxform would put a calculation in the XForm where Heard shows the text as it is.
        return _("Calculated defaults are not supported: write a fixed value.")
    if kind == "integer":
        return None if re.fullmatch(r"-?\d+", value) else _("The default must be a whole number.")
    if kind == "decimal":
        return None if re.fullmatch(r"-?\d+(\.\d+)?", value) else _("The default must be a number.")
    if kind == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            return _("The default must be a date written YYYY-MM-DD.")
        return None
    if kind in ("select_one", "select_multiple"):
        missing = [v for v in value.split() if v not in choices]
        return (
            _("The default is not a choice of this list: %s.") % ", ".join(missing)
            if missing
            else None
        )
    if kind in ("text",):
        return None
    return _("A default is not supported on this type of question.")


def _type_problem(kind: str, raw_type: str) -> str | None:
    """Why a type cannot be used, or None."""
    if kind in USABLE_TYPES:
        return None
    words = raw_type.split()
    for size in (4, 3, 2, 1):
        head = " ".join(words[:size]).lower()
        if TYPE_SPELLINGS.get(head, head) in USABLE_TYPES:
            return _("Write the type in lower case: “%(type)s”.") % {
                "type": " ".join([head, *words[size:]])
            }
    reason = KNOWN_UNSUPPORTED.get(kind) or KNOWN_UNSUPPORTED.get(kind.lower(), "")
    return _("The type “%(type)s” is not supported%(why)s.") % {
        "type": raw_type,
        "why": f" ({_(reason)})" if reason else "",
    }


def parse(data: bytes, filename: str) -> tuple[dict[str, Any], str]:
    """(definition, XForm XML) for an XLSForm file; FormError listing every problem otherwise."""
    sheets = read_sheets(data, filename)
    problems: list[FormProblem] = [p for sheet in sheets.values() for p in sheet.problems]
    survey, choices_sheet, settings_sheet = (
        sheets.get("survey"),
        sheets.get("choices"),
        sheets.get("settings"),
    )
    if survey is None:
        raise FormError([FormProblem("survey", None, "", _("The form has no “survey” sheet."))])
    for name in sorted(set(sheets) - {"survey", "choices", "settings"}):
        problems.append(
            FormProblem(
                name,
                None,
                "",
                _("Sheets other than survey, choices and settings are not supported."),
            )
        )
    for sheet in (survey, choices_sheet, settings_sheet):
        if sheet is not None:
            _check_characters(sheet, problems)

    spellings: dict[str, str] = {}
    columns = _columns(survey, PLAIN_COLUMNS, TRANSLATED_COLUMNS, problems, spellings)
    choices, choice_columns = _read_choices(choices_sheet, problems, spellings)
    settings = _read_settings(settings_sheet, problems)
    for header in columns.extra:
        problems.append(
            FormProblem(survey.name, survey.header_row, header, _("This column is not supported."))
        )
    if "type" not in columns.plain or "name" not in columns.plain:
        problems.append(
            FormProblem(
                survey.name,
                survey.header_row,
                "",
                _("The survey sheet needs “type” and “name” columns."),
            )
        )
        raise FormError(problems)

    def cell(row: dict[str, str], base: str) -> str:
        return row.get(columns.plain.get(base, ""), "").strip()

    def report(number: int, base: str, reason: str) -> None:
        """A problem on the survey sheet, in the column for `base` (as the file names it)."""
        column = columns.plain.get(base) or columns.translated.get((base, "en")) or base
        problems.append(FormProblem(survey.name, number, column, reason))

    # First pass: names, so that expressions can refer to fields further down.
    names: dict[str, int] = {}
    groups: set[str] = set()
    for number, row in survey.rows:
        kind, _list = _type_of(cell(row, "type"))
        name = cell(row, "name")
        if not name or kind in ("end_group", "end_repeat", ""):
            continue
        if name in names:
            report(
                number,
                "name",
                _("The name “%(name)s” is already used on row %(row)d.")
                % {"name": name, "row": names[name]},
            )
            continue
        names[name] = number
        if kind in ("begin_group", "begin_repeat"):
            groups.add(name)
    known = set(names) - groups  # a group has no answer to refer to

    pages: list[dict[str, Any]] = []
    fields: list[dict[str, Any]] = []
    group: dict[str, Any] | None = None
    group_row = 0
    nested = 0  # groups open inside the group: reported, and closed by their own end_group
    for number, row in survey.rows:
        raw_type = cell(row, "type")
        kind, list_name = _type_of(raw_type)
        if not raw_type:
            report(number, "type", _("The type is missing."))
            continue
        wrong_type = _type_problem(kind, raw_type)
        if wrong_type:
            report(number, "type", wrong_type)
            continue
        if kind == "end_group":
            if nested:
                nested -= 1
            elif group is None:
                report(number, "type", _("This end_group has no begin_group."))
            else:
                group = None
            continue
        if kind == "begin_group" and group is not None:
            report(
                number,
                "type",
                _(
                    "Groups inside groups are not supported (the group on row %(row)d is still "
                    "open)."
                )
                % {"row": group_row},
            )
            nested += 1
            continue
        name = cell(row, "name")
        if not name:
            report(number, "name", _("The name is missing."))
            continue
        if not NAME.match(name):
            report(
                number,
                "name",
                _(
                    "“%(name)s” is not a valid name: use letters, digits and _, starting "
                    "with a letter."
                )
                % {"name": name},
            )
        elif name in RESERVED_NAMES:
            report(number, "name", _("The name “%(name)s” is reserved.") % {"name": name})
        if kind in LIST_TYPES and not list_name:
            report(
                number,
                "type",
                _("Name the choice list after the type, as in “%(type)s my_list”.")
                % {"type": kind},
            )
            continue
        if kind in LIST_TYPES and list_name.split()[-1] == "or_other":
            report(
                number,
                "type",
                _(
                    "“or_other” is not supported: add an “other” choice and a text question "
                    "shown when it is chosen."
                ),
            )
            continue
        if kind in LIST_TYPES and " " in list_name:
            report(number, "type", _("A list name cannot hold spaces."))
            continue
        if kind in LIST_TYPES and list_name not in choices:
            report(
                number,
                "type",
                _("The choices sheet has no list “%(list)s”.") % {"list": list_name},
            )
            continue
        if kind not in LIST_TYPES and list_name:
            report(number, "type", _("The type “%(type)s” takes no list name.") % {"type": kind})
        appearance = cell(row, "appearance")
        appearance_key = "group" if kind == "begin_group" else kind
        for word in appearance.split():
            if word not in APPEARANCES.get(appearance_key, set()):
                report(
                    number,
                    "appearance",
                    _("The appearance “%(appearance)s” is not supported on %(type)s.")
                    % {"appearance": word, "type": kind},
                )
        relevant = _parse_expression(
            survey.name,
            number,
            columns.plain.get("relevant", "relevant"),
            cell(row, "relevant"),
            problems,
            names=known,
        )
        raw_required = cell(row, "required")

        if kind == "begin_group":
            _check_languages(
                survey, number, row, columns, ("label", "hint"), problems, needed=("label",)
            )
            for base in ("constraint", "calculation", "choice_filter", "default"):
                if cell(row, base):
                    report(number, base, _("A group takes no %(column)s.") % {"column": base})
            if raw_required and raw_required not in FALSE:
                report(
                    number, "required", _("A group takes no %(column)s.") % {"column": "required"}
                )
            for base in ("required_message", "constraint_message"):
                if _text(row, columns, base):
                    report(number, base, _("A group takes no %(column)s.") % {"column": base})
            group = {
                "name": name,
                "label": _text(row, columns, "label"),
                "hint": _text(row, columns, "hint"),
                "relevant": relevant,
                "appearance": appearance or None,
                "group": True,
                "fields": [],
                "row": number,
                "required_cell": raw_required,
            }
            group_row = number
            pages.append(group)
            continue

        needed = ("label",) if kind in LABELLED_TYPES else ()
        _check_languages(survey, number, row, columns, TRANSLATED_COLUMNS, problems, needed=needed)
        if kind == "calculate" and _text(row, columns, "label"):
            report(number, "label", _("A calculate row takes no label."))
        if raw_required and raw_required not in TRUE | FALSE:
            report(
                number, "required", _("Write yes or no: conditional “required” is not supported.")
            )
        required = raw_required in TRUE
        if required and kind in ("note", "calculate"):
            report(number, "required", _("A %(type)s cannot be required.") % {"type": kind})
        if _text(row, columns, "required_message") and not required:
            report(number, "required_message", _("A required message needs required = yes."))
        constraint = _parse_expression(
            survey.name,
            number,
            columns.plain.get("constraint", "constraint"),
            cell(row, "constraint"),
            problems,
            names=known,
            allow_current=True,
        )
        if constraint and kind in ("note", "calculate", "acknowledge"):
            report(number, "constraint", _("A %(type)s takes no constraint.") % {"type": kind})
        if _text(row, columns, "constraint_message") and not constraint:
            report(number, "constraint_message", _("A constraint message needs a constraint."))
        calculation = _parse_expression(
            survey.name,
            number,
            columns.plain.get("calculation", "calculation"),
            cell(row, "calculation"),
            problems,
            names=known,
        )
        if kind == "calculate" and not cell(row, "calculation"):
            report(number, "calculation", _("A calculate row needs a calculation."))
        if kind != "calculate" and calculation:
            report(number, "calculation", _("Only calculate rows take a calculation."))
        choice_filter = None
        if cell(row, "choice_filter"):
            if kind not in ("select_one", "select_multiple"):
                report(
                    number,
                    "choice_filter",
                    _("Only select_one and select_multiple take a choice_filter."),
                )
            else:
                choice_filter = _parse_expression(
                    survey.name,
                    number,
                    columns.plain["choice_filter"],
                    cell(row, "choice_filter"),
                    problems,
                    names=known,
                    choice_columns=choice_columns.get(list_name, set()),
                )
        default = cell(row, "default") or None
        if default:
            wrong = _check_default(kind, default, {c["name"] for c in choices.get(list_name, [])})
            if wrong:
                report(number, "default", wrong)

        if group is None:
            page: dict[str, Any] = {
                "name": name,
                "label": None,
                "relevant": None,
                "appearance": None,
                "group": False,
                "fields": [],
                "row": number,
            }
            pages.append(page)
        else:
            page = group
        page["fields"].append(name)
        fields.append(
            {
                "name": name,
                "type": kind,
                "label": _text(row, columns, "label") if kind != "calculate" else None,
                "hint": _text(row, columns, "hint"),
                "required": required,
                "required_message": _text(row, columns, "required_message"),
                "relevant": relevant,
                "constraint": constraint,
                "constraint_message": _text(row, columns, "constraint_message"),
                "calculation": calculation,
                "choice_filter": choice_filter,
                "default": default,
                "appearance": appearance or None,
                "list_name": list_name or None,
                "page": page["name"],
                "row": number,
                # As written ("", "no", "TRUE", ...): pyxform writes required="false()" for "no"
                # and nothing for "", and the way back must give the same XForm.
                "required_cell": raw_required,
            }
        )
    if group is not None:
        report(group_row, "type", _("This group has no end_group."))
    for item in _calculations_in_cycles(fields):
        report(item["row"], "calculation", _("This calculation depends on its own result."))
    if not any(f["type"] in ANSWER_TYPES for f in fields) and not problems:
        problems.append(FormProblem(survey.name, None, "", _("The form asks no question.")))
    # Calculates and notes alone cannot make a page a respondent sees.
    for page in pages:
        if (
            not any(f["type"] != "calculate" for f in fields if f["name"] in page["fields"])
            and not page["group"]
        ):
            page["hidden"] = True

    if problems:
        raise FormError(problems)

    title = settings.get("form_title", "")
    definition: dict[str, Any] = {
        "form_id": settings.get("form_id", ""),
        "form_version": settings.get("version", ""),
        "title": {"en": title, "fr": title},
        "languages": {
            lang: " ".join(spellings[lang].partition("::")[2].split())
            if lang in spellings
            else default
            for lang, default in (("en", "English (en)"), ("fr", "Français (fr)"))
        },
        "settings": settings,
        "pages": pages,
        "fields": fields,
        "choices": choices,
    }
    xform = to_xform(data, filename)
    return definition, xform


def _calculations_in_cycles(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The calculate fields whose calculation needs, through other calculates, its own result:
    ODK refuses such a form, and no order of working them out settles them."""
    calculates = {f["name"]: f for f in fields if f["type"] == "calculate" and f["calculation"]}
    needs = {
        name: expressions.references(expressions.parse(item["calculation"])) & set(calculates)
        for name, item in calculates.items()
    }
    found = []
    for name, item in calculates.items():
        seen: set[str] = set()
        waiting = list(needs[name])
        while waiting:
            other = waiting.pop()
            if other not in seen:
                seen.add(other)
                waiting += needs[other]
        if name in seen:
            found.append(item)
    return found


def _read_choices(
    sheet: Sheet | None, problems: list[FormProblem], spellings: dict[str, str]
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, set[str]]]:
    """The choice lists, and the columns (besides name) a choice_filter may use in each."""
    choices: dict[str, list[dict[str, Any]]] = {}
    filter_columns: dict[str, set[str]] = {}
    if sheet is None:
        return choices, filter_columns
    columns = _columns(sheet, ("list_name", "name"), ("label",), problems, spellings)
    list_header = columns.plain.get("list_name")
    name_header = columns.plain.get("name")
    if not list_header or not name_header:
        problems.append(
            FormProblem(
                sheet.name,
                sheet.header_row,
                "",
                _("The choices sheet needs “list_name” and “name” columns."),
            )
        )
        return choices, filter_columns
    extra = []
    for header in columns.extra:
        if "::" in header or header.lower().startswith(("media", "image", "audio", "video")):
            problems.append(
                FormProblem(
                    sheet.name, sheet.header_row, header, _("This column is not supported.")
                )
            )
        else:
            extra.append(header)
    seen: dict[tuple[str, str], int] = {}
    for number, row in sheet.rows:
        list_name, name = row.get(list_header, "").strip(), row.get(name_header, "").strip()
        if not list_name:
            problems.append(
                FormProblem(sheet.name, number, list_header, _("The list name is missing."))
            )
            continue
        if not name:
            problems.append(
                FormProblem(sheet.name, number, name_header, _("The choice name is missing."))
            )
            continue
        if " " in name:
            problems.append(
                FormProblem(sheet.name, number, name_header, _("A choice name cannot hold spaces."))
            )
        if (list_name, name) in seen:
            problems.append(
                FormProblem(
                    sheet.name,
                    number,
                    name_header,
                    _("“%(name)s” is already in list “%(list)s”, row %(row)d.")
                    % {"name": name, "list": list_name, "row": seen[(list_name, name)]},
                )
            )
            continue
        seen[(list_name, name)] = number
        _check_languages(sheet, number, row, columns, ("label",), problems, needed=("label",))
        filters = {h: row[h].strip() for h in extra if row.get(h, "").strip()}
        choices.setdefault(list_name, []).append(
            {"name": name, "label": _text(row, columns, "label"), "filters": filters}
        )
        filter_columns.setdefault(list_name, set()).update(extra)
    return choices, filter_columns


def _read_settings(sheet: Sheet | None, problems: list[FormProblem]) -> dict[str, str]:
    if sheet is None or not sheet.rows:
        return {}
    settings: dict[str, str] = {}
    number, row = sheet.rows[0]
    for header, value in row.items():
        key = header.strip().lower()
        if key not in SETTINGS_COLUMNS:
            problems.append(
                FormProblem(
                    sheet.name, sheet.header_row, header, _("This setting is not supported.")
                )
            )
            continue
        settings[key] = value
    if settings.get("style", "") not in ("", "pages"):
        problems.append(
            FormProblem(
                sheet.name,
                number,
                next(h for h in row if h.strip().lower() == "style"),
                _("Heard always shows one group per page; leave style empty or write pages."),
            )
        )
    return settings


_PYXFORM_ROW = re.compile(r"\[row\s*:\s*(\d+)\]")
_PYXFORM_SHEET = re.compile(r"On the '(\w+)' sheet")


def to_xform(data: bytes, filename: str) -> str:
    """The XForm pyxform makes of the file; pyxform's own complaints become problems."""
    from pyxform.xls2xform import convert

    suffix = filename.lower().rsplit(".", 1)[-1]
    try:
        result = convert(xlsform=data, file_type=f".{suffix}", form_name="data", warnings=[])
    except Exception as exc:  # pyxform raises its own errors and, on odd input, plain ones
        message = str(exc).strip() or exc.__class__.__name__
        found = _PYXFORM_ROW.search(message)
        sheet = _PYXFORM_SHEET.search(message)
        raise FormError(
            [
                FormProblem(
                    (sheet.group(1) if sheet else "survey") if found else "",
                    int(found.group(1)) if found else None,
                    "",
                    _("pyxform: %s") % message,
                )
            ]
        ) from exc
    return str(result.xform)
