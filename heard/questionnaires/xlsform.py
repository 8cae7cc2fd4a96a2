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
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from heard.questionnaires import expressions

LANGUAGES = ("en", "fr")
ANSWER_TYPES = ("text", "integer", "decimal", "date", "select_one", "select_multiple", "rank")
LABELLED_TYPES = (*ANSWER_TYPES, "note", "acknowledge")
LIST_TYPES = ("select_one", "select_multiple", "rank")
SIMPLE_TYPES = ("text", "integer", "decimal", "date", "note", "acknowledge", "calculate")
# Types other tools know that Heard does not render; named so the message can say why.
KNOWN_UNSUPPORTED = {
    "begin_repeat": N_("repeats are not supported"),
    "end_repeat": N_("repeats are not supported"),
    "time": N_("time questions are not supported"),
    "datetime": N_("date-and-time questions are not supported"),
    "geopoint": N_("locations are not supported"),
    "geotrace": N_("locations are not supported"),
    "geoshape": N_("locations are not supported"),
    "image": N_("photos and files are not supported"),
    "audio": N_("photos and files are not supported"),
    "video": N_("photos and files are not supported"),
    "file": N_("photos and files are not supported"),
    "barcode": N_("barcodes are not supported"),
    "range": N_("ranges are not supported"),
    "trigger": N_("use acknowledge instead of trigger"),
    "select_one_from_file": N_("choices from a file are not supported"),
    "select_multiple_from_file": N_("choices from a file are not supported"),
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
TRUE = {"yes", "true", "true()", "1"}
FALSE = {"", "no", "false", "false()", "0"}
LANGUAGE_NAMES = {"english": "en", "french": "fr", "français": "fr", "francais": "fr"}


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


# Reading -----------------------------------------------------------------------------------------


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _sheet_from_rows(name: str, rows: Iterable[tuple[int, list[str]]]) -> Sheet | None:
    sheet: Sheet | None = None
    for number, cells in rows:
        if not any(cells):
            continue
        if sheet is None:
            sheet = Sheet(name=name, header_row=number, headers=[c.strip() for c in cells])
            continue
        sheet.rows.append(
            (number, {h: v for h, v in zip(sheet.headers, cells, strict=False) if h and v})
        )
    return sheet


def read_sheets(data: bytes, filename: str) -> dict[str, Sheet]:
    """The survey, choices and settings sheets, keyed by lower-case name, with row numbers kept."""
    suffix = filename.lower().rsplit(".", 1)[-1]
    sheets: dict[str, Sheet] = {}
    if suffix == "xlsx":
        import openpyxl

        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise FormError(
                [FormProblem("", None, "", _("This is not a readable .xlsx file (%s).") % exc)]
            ) from exc
        for worksheet in book.worksheets:
            rows = (
                (number, [_cell_text(v) for v in values])
                for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1)
            )
            sheet = _sheet_from_rows(worksheet.title.strip().lower(), rows)
            if sheet is not None:
                sheets[sheet.name] = sheet
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
                    found = _sheet_from_rows(current_name, current)
                    if found:
                        sheets[current_name] = found
                current_name, current = first, []
            current.append((number, [c.strip() for c in cells[1:]]))
        if current_name:
            found = _sheet_from_rows(current_name, current)
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
    found = re.search(r"\(([A-Za-z-]+)\)\s*$", suffix)
    code = found.group(1).lower() if found else suffix.strip().lower()
    code = LANGUAGE_NAMES.get(code, code)
    return code[:2] if code[:2] in LANGUAGES and len(code) in (2, 5) else None


@dataclass
class Columns:
    """Which header is which column, and the language names the file uses (for the way back)."""

    plain: dict[str, str] = field(default_factory=dict)  # base name -> header
    translated: dict[tuple[str, str], str] = field(default_factory=dict)  # (base, lang) -> header
    language_names: dict[str, str] = field(default_factory=dict)
    extra: list[str] = field(default_factory=list)  # headers left for the caller to judge


def _columns(
    sheet: Sheet,
    allowed_plain: Iterable[str],
    translated: Iterable[str],
    problems: list[FormProblem],
) -> Columns:
    found = Columns()
    allowed, translatable = set(allowed_plain), set(translated)
    for header in sheet.headers:
        if not header:
            continue
        base, _sep, suffix = header.partition("::")
        base = base.strip().lower().replace(" ", "_")
        base = {
            "constraint_message": "constraint_message",
            "jr:constraintmsg": "constraint_message",
            "jr:requiredmsg": "required_message",
        }.get(base, base)
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
            language = _language_of(suffix)
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
            found.translated[(base, language)] = header
            found.language_names.setdefault(language, suffix.strip())
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
    must = set(needed)
    for base in bases:
        texts = _text(row, columns, base)
        if texts is None and base not in must:
            continue
        for lang in LANGUAGES:
            if texts and texts[lang]:
                continue
            header = columns.translated.get((base, lang))
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


# The survey sheet --------------------------------------------------------------------------------


def _type_of(raw: str) -> tuple[str, str]:
    """('select_one', 'sectors') from 'select_one sectors'; ('begin_group', '') from 'begin
    group'."""
    words = raw.strip().split()
    if not words:
        return "", ""
    head = words[0].lower()
    rest = words[1:]
    if head in ("begin", "end", "select") and rest:
        head, rest = f"{head}_{rest[0].lower()}", rest[1:]
    head = {"select_all_that_apply": "select_multiple", "select_one_external": "external"}.get(
        head, head
    )
    return head, " ".join(rest)


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


def parse(data: bytes, filename: str) -> tuple[dict[str, Any], str]:
    """(definition, XForm XML) for an XLSForm file; FormError listing every problem otherwise."""
    sheets = read_sheets(data, filename)
    problems: list[FormProblem] = []
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

    choices, choice_columns, choice_language_names = _read_choices(choices_sheet, problems)
    settings = _read_settings(settings_sheet, problems)

    columns = _columns(survey, PLAIN_COLUMNS, TRANSLATED_COLUMNS, problems)
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

    # First pass: names, so that expressions can refer to fields further down.
    names: dict[str, int] = {}
    for number, row in survey.rows:
        kind, _list = _type_of(cell(row, "type"))
        name = cell(row, "name")
        if name and kind not in ("end_group", ""):
            if name in names:
                problems.append(
                    FormProblem(
                        survey.name,
                        number,
                        columns.plain["name"],
                        _("The name “%(name)s” is already used on row %(row)d.")
                        % {"name": name, "row": names[name]},
                    )
                )
            else:
                names[name] = number
    known = set(names)

    pages: list[dict[str, Any]] = []
    fields: list[dict[str, Any]] = []
    group: dict[str, Any] | None = None
    group_row = 0
    for number, row in survey.rows:
        raw_type = cell(row, "type")
        kind, list_name = _type_of(raw_type)
        type_column = columns.plain["type"]
        if not raw_type:
            problems.append(
                FormProblem(survey.name, number, type_column, _("The type is missing."))
            )
            continue
        if kind in KNOWN_UNSUPPORTED or kind not in (
            *SIMPLE_TYPES,
            *LIST_TYPES,
            "begin_group",
            "end_group",
        ):
            reason = KNOWN_UNSUPPORTED.get(kind, "")
            problems.append(
                FormProblem(
                    survey.name,
                    number,
                    type_column,
                    _("The type “%(type)s” is not supported%(why)s.")
                    % {"type": raw_type, "why": f" ({_(reason)})" if reason else ""},
                )
            )
            continue
        if kind == "end_group":
            if group is None:
                problems.append(
                    FormProblem(
                        survey.name, number, type_column, _("This end_group has no begin_group.")
                    )
                )
            group = None
            continue
        name = cell(row, "name")
        if not name:
            problems.append(
                FormProblem(survey.name, number, columns.plain["name"], _("The name is missing."))
            )
            continue
        if not NAME.match(name):
            problems.append(
                FormProblem(
                    survey.name,
                    number,
                    columns.plain["name"],
                    _(
                        "“%(name)s” is not a valid name: use letters, digits and _, starting "
                        "with a letter."
                    )
                    % {"name": name},
                )
            )
        if kind in LIST_TYPES and not list_name:
            problems.append(
                FormProblem(
                    survey.name,
                    number,
                    type_column,
                    _("Name the choice list after the type, as in “%(type)s my_list”.")
                    % {"type": kind},
                )
            )
            continue
        if kind in LIST_TYPES and list_name not in choices:
            problems.append(
                FormProblem(
                    survey.name,
                    number,
                    type_column,
                    _("The choices sheet has no list “%(list)s”.") % {"list": list_name},
                )
            )
            continue
        if kind not in LIST_TYPES and list_name:
            problems.append(
                FormProblem(
                    survey.name,
                    number,
                    type_column,
                    _("The type “%(type)s” takes no list name.") % {"type": kind},
                )
            )
        appearance = cell(row, "appearance")
        appearance_key = "group" if kind == "begin_group" else kind
        for word in appearance.split():
            if word not in APPEARANCES.get(appearance_key, set()):
                problems.append(
                    FormProblem(
                        survey.name,
                        number,
                        columns.plain["appearance"],
                        _("The appearance “%(appearance)s” is not supported on %(type)s.")
                        % {"appearance": word, "type": kind},
                    )
                )
        relevant = _parse_expression(
            survey.name,
            number,
            columns.plain.get("relevant", "relevant"),
            cell(row, "relevant"),
            problems,
            names=known,
        )

        if kind == "begin_group":
            if group is not None:
                problems.append(
                    FormProblem(
                        survey.name,
                        number,
                        type_column,
                        _(
                            "Groups inside groups are not supported (the group on row %(row)d "
                            "is still open)."
                        )
                        % {"row": group_row},
                    )
                )
                continue
            _check_languages(
                survey, number, row, columns, ("label", "hint"), problems, needed=("label",)
            )
            for base in ("required", "constraint", "calculation", "choice_filter", "default"):
                if cell(row, base):
                    problems.append(
                        FormProblem(
                            survey.name,
                            number,
                            columns.plain[base],
                            _("A group takes no %(column)s.") % {"column": base},
                        )
                    )
            group = {
                "name": name,
                "label": _text(row, columns, "label"),
                "hint": _text(row, columns, "hint"),
                "relevant": relevant,
                "appearance": appearance or None,
                "group": True,
                "fields": [],
                "row": number,
            }
            group_row = number
            pages.append(group)
            continue

        needed = ("label",) if kind in LABELLED_TYPES else ()
        _check_languages(survey, number, row, columns, TRANSLATED_COLUMNS, problems, needed=needed)
        if kind == "calculate" and _text(row, columns, "label"):
            problems.append(
                FormProblem(
                    survey.name,
                    number,
                    columns.translated.get(("label", "en"), "label"),
                    _("A calculate row takes no label."),
                )
            )
        raw_required = cell(row, "required").lower()
        if raw_required not in TRUE | FALSE:
            problems.append(
                FormProblem(
                    survey.name,
                    number,
                    columns.plain["required"],
                    _("Write yes or no: conditional “required” is not supported."),
                )
            )
        required = raw_required in TRUE
        if required and kind in ("note", "calculate"):
            problems.append(
                FormProblem(
                    survey.name,
                    number,
                    columns.plain["required"],
                    _("A %(type)s cannot be required.") % {"type": kind},
                )
            )
        if _text(row, columns, "required_message") and not required:
            problems.append(
                FormProblem(
                    survey.name,
                    number,
                    columns.translated.get(("required_message", "en"), "required_message"),
                    _("A required message needs required = yes."),
                )
            )
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
            problems.append(
                FormProblem(
                    survey.name,
                    number,
                    columns.plain["constraint"],
                    _("A %(type)s takes no constraint.") % {"type": kind},
                )
            )
        if _text(row, columns, "constraint_message") and not constraint:
            problems.append(
                FormProblem(
                    survey.name,
                    number,
                    columns.translated.get(("constraint_message", "en"), "constraint_message"),
                    _("A constraint message needs a constraint."),
                )
            )
        calculation = _parse_expression(
            survey.name,
            number,
            columns.plain.get("calculation", "calculation"),
            cell(row, "calculation"),
            problems,
            names=known,
        )
        if kind == "calculate" and not cell(row, "calculation"):
            problems.append(
                FormProblem(
                    survey.name,
                    number,
                    columns.plain.get("calculation", "calculation"),
                    _("A calculate row needs a calculation."),
                )
            )
        if kind != "calculate" and calculation:
            problems.append(
                FormProblem(
                    survey.name,
                    number,
                    columns.plain["calculation"],
                    _("Only calculate rows take a calculation."),
                )
            )
        choice_filter = None
        if cell(row, "choice_filter"):
            if kind not in ("select_one", "select_multiple"):
                problems.append(
                    FormProblem(
                        survey.name,
                        number,
                        columns.plain["choice_filter"],
                        _("Only select_one and select_multiple take a choice_filter."),
                    )
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
                problems.append(FormProblem(survey.name, number, columns.plain["default"], wrong))

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
            }
        )
    if group is not None:
        problems.append(
            FormProblem(
                survey.name, group_row, columns.plain["type"], _("This group has no end_group.")
            )
        )
    if not any(f["type"] in ANSWER_TYPES for f in fields) and not problems:
        problems.append(FormProblem(survey.name, None, "", _("The form asks no question.")))
    # Calculates and notes alone cannot make a page a respondent sees.
    for page in pages:
        if (
            not any(f["type"] != "calculate" for f in fields if f["name"] in page["fields"])
            and not page["group"]
        ):
            page["hidden"] = True

    language_names = {**choice_language_names, **columns.language_names}
    if problems:
        raise FormError(problems)

    title = settings.get("form_title") or (survey.name and "")
    definition: dict[str, Any] = {
        "form_id": settings.get("form_id", ""),
        "form_version": settings.get("version", ""),
        "title": {"en": title, "fr": title},
        "languages": {
            lang: language_names.get(lang, default)
            for lang, default in (("en", "English (en)"), ("fr", "Français (fr)"))
        },
        "settings": settings,
        "pages": pages,
        "fields": fields,
        "choices": choices,
    }
    xform = to_xform(data, filename)
    return definition, xform


def _read_choices(
    sheet: Sheet | None, problems: list[FormProblem]
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, set[str]], dict[str, str]]:
    choices: dict[str, list[dict[str, Any]]] = {}
    filter_columns: dict[str, set[str]] = {}
    if sheet is None:
        return choices, filter_columns, {}
    columns = _columns(sheet, ("list_name", "list name", "name"), ("label",), problems)
    list_header = columns.plain.get("list_name") or columns.plain.get("list name")
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
        return choices, filter_columns, columns.language_names
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
    return choices, filter_columns, columns.language_names


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
                "style",
                _("Heard always shows one group per page; leave style empty or write pages."),
            )
        )
    return settings


_PYXFORM_ROW = re.compile(r"\[row\s*:\s*(\d+)\]")


def to_xform(data: bytes, filename: str) -> str:
    """The XForm pyxform makes of the file; pyxform's own complaints become problems."""
    from pyxform.xls2xform import convert

    suffix = filename.lower().rsplit(".", 1)[-1]
    try:
        result = convert(xlsform=data, file_type=f".{suffix}", form_name="data", warnings=[])
    except Exception as exc:  # pyxform raises its own errors and, on odd input, plain ones
        message = str(exc).strip() or exc.__class__.__name__
        found = _PYXFORM_ROW.search(message)
        raise FormError(
            [
                FormProblem(
                    "survey" if found else "",
                    int(found.group(1)) if found else None,
                    "",
                    _("pyxform: %s") % message,
                )
            ]
        ) from exc
    return str(result.xform)
