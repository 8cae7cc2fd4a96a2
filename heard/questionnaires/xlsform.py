"""XLSForm in: read the sheets with row numbers, check what Heard supports, build the definition.

Heard checks every row itself first, because pyxform's own messages do not always say which sheet,
row and column is at fault, and because Heard supports only part of XLSForm (the part that makes
sense on a web page). Every problem is reported in one pass, each with why and what to use
instead. A form may arrive in English or French only: it is accepted, and
`missing_translations` lists what the other language lacks (the questionnaire cannot open until
that list is empty). Once a form passes those checks, pyxform converts it to an XForm: that
proves the form is valid XLSForm for other tools too, and the XForm is what the round trip
(Heard back to XLSForm) is compared on.

The definition this module builds is described in DEFINITION.md beside it; what each XLSForm
word means to Heard is in `xlsform_vocabulary`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from heard.questionnaires import expressions, form_media, repeats, xlsform_loops
from heard.questionnaires import xlsform_vocabulary as vocabulary
from heard.questionnaires.locations import LOCATION_TYPES, read_location
from heard.questionnaires.repeats import MAX_REPEAT, MAX_REPEAT_DEPTH
from heard.questionnaires.xlsform_sheets import (
    LIMITS,
    FormError,
    FormProblem,
    Sheet,
    check_characters,
    read_sheets,
)

__all__ = ["LIMITS", "FormError", "FormProblem", "parse", "read_sheets", "to_xform"]

LANGUAGES = ("en", "fr")
LANGUAGE_LABELS = {"en": "English (en)", "fr": "Français (fr)"}
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
    "parameters",
    "repeat_count",
    "read_only",
    "trigger",
)
SETTINGS_COLUMNS = ("form_title", "form_id", "version", "default_language", "style")
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
RESERVED_NAMES = {"meta"}  # pyxform keeps it for the form's metadata
# The spellings pyxform turns into true() and false(); anything else would be an expression.
TRUE = {"yes", "Yes", "YES", "true", "True", "TRUE", "true()"}
FALSE = {"no", "No", "NO", "false", "False", "FALSE", "false()"}
# Languages as forms name them: in English or in French, or by their ISO 639-2 codes.
LANGUAGE_NAMES = {
    **{"english": "en", "anglais": "en", "eng": "en"},
    **{"french": "fr", "français": "fr", "francais": "fr", "fra": "fr", "fre": "fr"},
}
LANGUAGE_CODE = re.compile(r"(en|fr)(-[a-z]{2})?")
# ${name} (or ${last-saved#name}) inside a text: the answer shown there.
PIPE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_.#-]*)\}")
# Columns pyxform copies into the XForm as attributes: kept as written for the way back.
ATTRIBUTE_PREFIXES = ("instance::", "bind::", "body::", "control::")
ATTRIBUTE_GROUPS = ("instance", "bind", "body", "control")  # the same, in a sheet of single colons
LIST_TYPES = vocabulary.LIST_TYPES
ANSWER_TYPES = vocabulary.ANSWER_TYPES
LABELLED_TYPES = vocabulary.LABELLED_TYPES
HIDDEN_TYPES = vocabulary.HIDDEN_TYPES


# Columns -----------------------------------------------------------------------------------------


def _language_of(suffix: str) -> str | None:
    """'en' for 'English (en)', 'en', 'en-CA' or 'English'; None for any other language."""
    found = re.search(r"\(([A-Za-z-]+)\)\s*$", suffix)
    code = found.group(1).lower() if found else suffix.strip().lower()
    code = LANGUAGE_NAMES.get(code, code)
    if found and not re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]+)*", code):
        # "English (schm)": what is in brackets is no language code, so the name says it.
        name = suffix[: found.start()].strip().lower()
        code = LANGUAGE_NAMES.get(name, name)
    return code[:2] if LANGUAGE_CODE.fullmatch(code) else None


@dataclass
class Columns:
    """Which header is which column."""

    plain: dict[str, str] = field(default_factory=dict)  # base name -> header
    translated: dict[tuple[str, str], str] = field(default_factory=dict)  # (base, lang) -> header
    # Headers kept as written for the way back (other languages, XForm attributes).
    kept: list[str] = field(default_factory=list)
    other_languages: set[str] = field(default_factory=set)  # as the headers spell them
    extra: list[str] = field(default_factory=list)  # headers left for the caller to judge


def _split_header(header: str, double_colons: bool) -> tuple[str, str]:
    """('label', 'English (en)') for 'label::English (en)'. pyxform splits on a single colon
    only when no header of the sheet uses two, and never splits 'jr:'."""
    if double_colons:
        base, _sep, suffix = header.partition("::")
    else:
        base, _sep, suffix = header.partition(":")
        if base.strip().lower() == "jr":
            base, suffix = header, ""
    return base.strip().lower().replace(" ", "_"), " ".join(suffix.split())


def _pyxform_tokens(header: str, double_colons: bool) -> list[str]:
    """A header's parts as pyxform reads them: split on "::", or on ":" in a sheet that never
    writes "::" (keeping "jr:count" and the like whole)."""
    if double_colons or "::" in header:
        return [t.strip() for t in header.split("::")]
    tokens = [t.strip() for t in header.split(":")]
    if "jr" in tokens[:-1]:
        at = tokens.index("jr")
        tokens[at : at + 2] = [f"jr:{tokens[at + 1]}"]
    return tokens


def _grouped(
    header: str, double_colons: bool, table: Mapping[tuple[str, str], str]
) -> tuple[str, str] | None:
    """(column, language suffix) for pyxform's grouped spelling of a column Heard reads:
    `bind::relevant` (or `bind:relevant` in a sheet of single colons) is `relevant`,
    `bind::jr:constraintMsg::English (en)` is `constraint_message` in English. None otherwise."""
    tokens = _pyxform_tokens(header, double_colons)
    if len(tokens) < 2:
        return None
    column = table.get((tokens[0].lower(), tokens[1]))
    if column is None:
        return None
    return column, " ".join("::".join(tokens[2:]).split())


def _columns(
    sheet: Sheet,
    allowed_plain: Iterable[str],
    translated: Iterable[str],
    problems: list[FormProblem],
    spellings: dict[str, str],
    *,
    aliases: dict[str, str],
    bare: str | None,
    grouped_columns: Mapping[tuple[str, str], str] | None = None,
) -> Columns:
    """Sort the sheet's headers. `spellings` (language -> first header naming it) is shared by
    the sheets of a file: pyxform takes each spelling of a language for another language.
    `bare` is the language of a text column written without one (None: another language).
    `grouped_columns` are pyxform's grouped spellings of the sheet's columns (`bind::relevant`)."""
    grouped_columns = grouped_columns or {}
    found = Columns()
    allowed, translatable = set(allowed_plain), set(translated)
    double_colons = any("::" in h for h in sheet.headers)
    seen: dict[tuple[str, ...], str] = {}
    for header in sheet.headers:
        if not header:
            continue
        base, suffix = _split_header(header, double_colons)
        if form_media.header_kind(header, double_colons):
            found.kept.append(header)  # read by media_columns, written back as it is
            continue
        grouped = _grouped(header, double_colons, grouped_columns)
        if grouped:
            base, suffix = grouped
        elif (
            header.lower().startswith(ATTRIBUTE_PREFIXES)
            or (not double_colons and base in ATTRIBUTE_GROUPS)
            or base in vocabulary.SURVEY_COLUMNS_KEPT
        ):
            found.kept.append(header)
            continue
        base = aliases.get(base, base)
        if base in translatable:
            language = _language_of(suffix) if suffix else bare
            if language is None:
                found.kept.append(header)
                found.other_languages.add(suffix or "default")
                continue
            key: tuple[str, ...] = (base, language)
        else:
            key = (base,) if not suffix else (header.lower(),)
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
            language = key[1]
            first = spellings.setdefault(language, header)
            written = _split_header(first, double_colons or "::" in first)[1]
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
                        % {"language": written or _("(no language)"), "other": first},
                    )
                )
            found.translated[(base, language)] = header
        elif base in allowed and not suffix:
            found.plain[base] = header
        else:
            found.extra.append(header)
    return found


def _text(row: dict[str, str], columns: Columns, base: str) -> dict[str, str] | None:
    """The text in each language ("" where it is missing), or None where there is none."""
    texts = {lang: row.get(columns.translated.get((base, lang), ""), "") for lang in LANGUAGES}
    return texts if any(texts.values()) else None


def _labelled(row: dict[str, str], columns: Columns) -> bool:
    """The row has a label, in any language."""
    headers = [h for (base, _lang), h in columns.translated.items() if base == "label"]
    headers += [h for h in columns.kept if _split_header(h, "::" in h)[0] == "label"]
    return any(row.get(h, "").strip() for h in headers)


def _kept(row: dict[str, str], columns: Columns) -> dict[str, dict[str, str]]:
    """{"kept": the row's cells in columns Heard keeps as written}, or nothing."""
    kept = {h: row[h] for h in columns.kept if row.get(h)}
    return {"kept": kept} if kept else {}


def _lists_with_other(survey: Sheet) -> set[str]:
    """The lists a select question uses with or_other (pyxform adds "other" to them)."""
    type_header = xlsform_loops.header_of(survey, "type")
    found = set()
    for _number, row in survey.rows:
        kind, list_name = _type_of(row.get(type_header, "").strip())
        words = list_name.split()
        if kind in LIST_TYPES and len(words) == 2 and words[1] == "or_other":
            found.add(words[0])
    return found


def _text_language_of(sheet: Sheet, bases: Iterable[str]) -> Callable[[str], str | None]:
    """A header's language as it is written ("" for none) if it is one of the sheet's text
    columns (`bases`, or pyxform's `caption` for a label), else None."""
    double_colons = any("::" in h for h in sheet.headers)
    wanted = {*bases, "caption"}

    def language(header: str) -> str | None:
        base, suffix = _split_header(header, double_colons)
        return suffix if base in wanted else None

    return language


def media_columns(columns: Columns, bare: str | None) -> dict[str, tuple[str, str | None]]:
    """The sheet's media columns: (kind, "en", "fr", "" for a column without a language, or
    None for another language). A column without one is in the form's bare language when it has
    one, else shown in both (a picture seldom belongs to one language)."""
    found: dict[str, tuple[str, str | None]] = {}
    for header in columns.kept:
        media = form_media.header_kind(header, "::" in header)
        if media:
            kind, suffix = media
            found[header] = (kind, _language_of(suffix) if suffix else (bare or ""))
    return found


def _read_media(
    sheet: Sheet,
    number: int,
    row: dict[str, str],
    headers: Mapping[str, tuple[str, str | None]],
    problems: list[FormProblem],
    named: dict[str, str],
) -> dict[str, dict[str, str]]:
    """A row's media ({} when it has none), each file checked and added to `named`."""
    media = form_media.read_row(row, headers)
    for header, (kind, _language) in headers.items():
        value = row.get(header, "").strip()
        problem = form_media.name_problem(kind, value) if value else None
        if problem:
            problems.append(FormProblem(sheet.name, number, header, problem))
            media.pop(kind, None)
    named.update(form_media.named(media))
    return media


def _check_texts(
    sheet: Sheet,
    number: int,
    row: dict[str, str],
    columns: Columns,
    bases: Iterable[str],
    problems: list[FormProblem],
    *,
    needed: Iterable[str] = (),
    names: set[str] | None = None,
) -> None:
    """The `needed` texts are there in English or French (the other language may come later,
    through translation), and each answer a text shows (${name}) is one of `names` (None: the
    texts cannot show answers)."""
    for base in bases:
        texts = _text(row, columns, base)
        if texts is None:
            if base in needed:
                column = (
                    columns.translated.get((base, "en"))
                    or columns.translated.get((base, "fr"))
                    or base
                )
                others = sorted(columns.other_languages)
                problems.append(
                    FormProblem(
                        sheet.name,
                        number,
                        column,
                        _("The %(column)s is missing: write it in English or French.")
                        % {"column": base}
                        if not others or not any(row.get(h) for h in columns.kept)
                        else _(
                            "The %(column)s is only in %(languages)s: add a column "
                            "“%(column)s::English (en)” or “%(column)s::Français (fr)”."
                        )
                        % {"column": base, "languages": ", ".join(others)},
                    )
                )
            continue
        for lang in LANGUAGES:
            text = texts[lang]
            if "${" not in text:
                continue
            column = columns.translated[(base, lang)]
            if names is None:
                problems.append(
                    FormProblem(
                        sheet.name,
                        number,
                        column,
                        _(
                            "A choice cannot show an answer (${…}): write the choice without it, "
                            "or show the answer in the question's label."
                        ),
                    )
                )
                continue
            for problem in _pipe_problems(text, names):
                problems.append(FormProblem(sheet.name, number, column, problem))


def _pipe_problems(text: str, names: set[str]) -> list[str]:
    """What is wrong with the ${…} in a text: each must name a field of the form."""
    found = []
    rest = PIPE.sub("", text)
    if "${" in rest:
        found.append(
            _("Write an answer to show as ${name}, with a field's name between the braces.")
        )
    for name in sorted(set(PIPE.findall(text)) - names):
        # ${last-saved#…} (checked below) and a row set aside read as empty.
        if not name.startswith("last-saved#") and name not in _set_aside_names(names):
            found.append(_not_a_field(name, names))
    for name in sorted(set(PIPE.findall(text))):
        ambiguous = _ambiguous(name, names)
        if ambiguous:
            found.append(ambiguous)
    return found + _last_saved_problems(text, names)


def _last_saved_problems(text: str, names: set[str]) -> list[str]:
    """${last-saved#name} must name one field of the form, as ${name} must."""
    found = []
    for name in sorted(set(expressions.last_saved_names(text)) - _set_aside_names(names)):
        problem = _not_a_field(name, names) if name not in names else _ambiguous(name, names)
        if problem:
            found.append(problem)
    return found


def external_key(list_name: str) -> str:
    """Where a list of the external_choices sheet sits among the definition's choices: a name
    with a space, which no list of the choices sheet can have."""
    return f"{list_name} (external_choices)"


def text_holders(page: dict[str, Any]) -> list[dict[str, Any]]:
    """The page's group, its sections and its repeats: the rows of a page with a label and a
    hint of their own. (A repeat outside any group is its page: its texts are the repeat's.)"""
    groups = [page] if page["group"] and not page.get("repeat_page") else []
    return [*groups, *page.get("sections", {}).values(), *page.get("repeats", {}).values()]


def missing_translations(definition: dict[str, Any]) -> list[dict[str, Any]]:
    """Every text of the form written in one language only: where it is, the language it lacks,
    and the text it has. The questionnaire cannot open while this list is not empty."""
    found: list[dict[str, Any]] = []

    def check(where: dict[str, Any], column: str, texts: dict[str, str] | None) -> None:
        if not texts:
            return
        for lang in LANGUAGES:
            other = "fr" if lang == "en" else "en"
            if not texts.get(lang) and texts.get(other):
                found.append({**where, "column": column, "missing": lang, "text": texts[other]})

    check({"sheet": "settings", "name": "form_title"}, "form_title", definition["title"])
    for page in definition["pages"]:
        for group in text_holders(page):
            for column in ("label", "hint"):
                check({"sheet": "survey", "name": group["name"]}, column, group.get(column))
    for item in definition["fields"]:
        if vocabulary.hidden(item):
            continue  # never shown
        for column in TRANSLATED_COLUMNS:
            check({"sheet": "survey", "name": item["name"]}, column, item.get(column))
    files = definition.get("files", {})
    for list_name, choices in definition["choices"].items():
        for choice in choices:
            # An attached file's choice is translated in the file, attached again.
            check(
                {
                    "sheet": list_name if list_name in files else "choices",
                    "name": f"{list_name}/{choice['name']}",
                },
                "label",
                choice["label"],
            )
    return found


# The survey sheet --------------------------------------------------------------------------------


def _type_of(raw: str) -> tuple[str, str]:
    """Heard's name for the type, and the list name after it: ('select_one', 'sectors') from
    'select_one sectors' or 'select one sectors', ('begin_group', '') from 'begin group',
    ('integer', '') from 'int'. Written as pyxform reads it: 'Text' is not 'text'."""
    words = raw.split()
    if not words:
        return "", ""
    if words[0] in ("begin_group", "end_group", "begin_repeat", "end_repeat"):
        return words[0], " ".join(words[1:])
    if words[0] in ("begin", "end") and len(words) > 1 and words[1] == "loop":
        return f"{words[0]}_loop", " ".join(words[2:])  # begin loop over <list>
    if words[0] in ("begin", "end") and " ".join(words[1:]) in vocabulary.CONTROL_SPELLINGS:
        return f"{words[0]}_{vocabulary.CONTROL_SPELLINGS[' '.join(words[1:])]}", ""
    for size in (5, 4, 3, 2, 1):
        head = " ".join(words[:size])
        if head in vocabulary.LIST_TYPE_SPELLINGS:
            rest = " ".join(words[size:])
            # pyxform's older spellings of or_other: "or specify other", "or other".
            for older in (" or specify other", " or other"):
                if rest.endswith(older) and len(rest) > len(older):
                    rest = rest.removesuffix(older) + " or_other"
            return vocabulary.LIST_TYPE_SPELLINGS[head], rest
    if words[0] in vocabulary.ATTACHMENT_TYPES:
        return vocabulary.ATTACHMENT_TYPES[words[0]], ""
    whole = " ".join(words)
    if whole in vocabulary.question_types():
        return vocabulary.question_types()[whole], ""
    return words[0], " ".join(words[1:])


class FieldNames(set[str]):
    """The names an expression or a text may refer to; those of the rows set aside (name: (row,
    why)), so that a reference to one of those says why it is not there; and the names several
    groups use (name: rows), which a reference cannot tell apart."""

    def __init__(
        self,
        names: Iterable[str],
        set_aside: Mapping[str, tuple[int, str]],
        ambiguous: Mapping[str, list[int]] | None = None,
    ) -> None:
        super().__init__(names)
        self.set_aside = dict(set_aside)
        self.ambiguous = dict(ambiguous or {})


def _ambiguous(name: str, names: set[str]) -> str | None:
    """Why ${name} cannot be used when several groups have a question of that name, or None."""
    rows = getattr(names, "ambiguous", {}).get(name)
    if not rows:
        return None
    return _(
        "${%(name)s} could be any of rows %(rows)s, which have that name in different groups: "
        "rename them so that each name is used once."
    ) % {"name": name, "rows": ", ".join(str(row) for row in rows)}


def _no_read_only(number: int, written: str, report: Callable[[int, str, str], None]) -> None:
    """A group or a repeat marked read_only: ODK makes every question in it read-only, which
    Heard does not follow (it would show them as questions to answer), so it is refused."""
    if written and written not in FALSE:
        report(
            number,
            "read_only",
            _("A group or a repeat takes no read_only: write it on each of its questions."),
        )


def _set_aside_names(names: set[str]) -> set[str]:
    """The names of the rows the form is imported without (deviceid, username, …). A reference
    to one reads as empty, as on a device that has no such value, and the lead is told where
    (`_empty_reads`); a trigger on one is still refused, since it would never fire."""
    return set(getattr(names, "set_aside", {}))


def _not_a_field(name: str, names: set[str]) -> str:
    """Why ${name} cannot be used: not a field, or a row the form was imported without."""
    set_aside = getattr(names, "set_aside", {})
    if name in set_aside:
        row, why = set_aside[name]
        return _("${%(name)s} is row %(row)d, which is not imported: %(why)s.") % {
            "name": name,
            "row": row,
            "why": _(why),
        }
    return _("${%(name)s} is not a field of this form.") % {"name": name}


_CURLY_TO_STRAIGHT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def straight_quotes(text: str) -> str:
    """Curly single and double quotes (U+2018, U+2019, U+201C, U+201D) as ' and ", as pyxform
    writes them in the XForm (not guillemets, which it keeps)."""
    return text.translate(_CURLY_TO_STRAIGHT)


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
    any_columns: bool = False,
) -> str | None:
    if not text:
        return None
    try:
        node = expressions.parse(text)
    except expressions.ExpressionError as exc:
        problems.append(FormProblem(sheet, number, column, exc.say(_)))
        return None
    # A repeat named in indexed-repeat() or count() is checked with the repeats
    # (`_outside_repeat_references`).
    repeats_read = {r for _question, chain in expressions.entry_reads(node) for r in chain} | {
        name for function, name in expressions.aggregate_reads(node) if function == "count"
    }
    read_as_empty = _set_aside_names(names)  # a row set aside: nothing to read on the web
    for name in sorted(expressions.references(node) - names - repeats_read - read_as_empty):
        problems.append(FormProblem(sheet, number, column, _not_a_field(name, names)))
    for name in sorted(expressions.references(node) | repeats_read):
        ambiguous = _ambiguous(name, names)
        if ambiguous:
            problems.append(FormProblem(sheet, number, column, ambiguous))
    for reason in _last_saved_problems(text, names):
        problems.append(FormProblem(sheet, number, column, reason))
    if expressions.uses_current(node) and not allow_current:
        problems.append(
            FormProblem(
                sheet,
                number,
                column,
                _(
                    "“.” (this answer) can be used only in a question's constraint, relevant or "
                    "required."
                ),
            )
        )
    bare = expressions.column_names(node)
    if any_columns:
        pass
    elif choice_columns is None and bare:
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


def _answers_list_problem(
    kind: str,
    source: str,
    known: set[str],
    repeated: dict[str, str],
    repeat: dict[str, Any] | None,
) -> str | None:
    """Why `select_one ${source}` (choices from a repeat's answers) cannot be used, or None."""
    if kind != "select_one":
        # pyxform builds choices from a repeat's answers for select_one only.
        return _(
            "Only a select_one takes its choices from a repeat's answers: use select_one, or "
            "a list."
        )
    if source not in known:
        return _("${%(name)s} is not a field of this form.") % {"name": source}
    ambiguous = _ambiguous(source, known)
    if ambiguous:
        return ambiguous
    if source not in repeated:
        return _(
            "${%(name)s} is not in a repeat: a question takes its choices from the answers of "
            "a repeat's entries, or from a list."
        ) % {"name": source}
    if repeat is not None:
        return _(
            "A question in a repeat cannot take its choices from a repeat's answers: put it "
            "after the repeat."
        )
    return None


def _read_trigger(
    written: str,
    kind: str,
    known: set[str],
    repeated: dict[str, str],
    around: set[str],
) -> dict[str, Any]:
    """The trigger cell of a question (in the repeats `around`, if any): the answers whose
    change sets it to its calculation (or clears it), as ODK's setvalue does. {"trigger":
    [names], "trigger_cell": as written}, with any reasons to refuse it under "problems"."""
    if not written:
        return {}
    names = re.findall(r"\$\{([^}]*)\}", written)
    problems = []
    if not names or re.sub(r"\$\{[^}]*\}|[\s,]", "", written):
        problems.append(_("Write the trigger as ${name}, or several separated by commas."))
    if kind not in (*ANSWER_TYPES, "calculate"):
        problems.append(_("Only a question or a calculate takes a trigger."))
    for name in names:
        problem = _not_a_field(name, known) if name not in known else _ambiguous(name, known)
        if problem:
            problems.append(problem)
    for name in names:
        if name in repeated and repeated[name] not in around:
            # Which entry's change would it be? ODK reads it relative to this question.
            problems.append(
                _(
                    "${%(name)s} sits in the repeat “%(repeat)s”: only a question in that "
                    "repeat can be set when it changes."
                )
                % {"name": name, "repeat": repeated[name]}
            )
    found: dict[str, Any] = {"trigger": names, "trigger_cell": written}
    if problems:
        found["problems"] = problems
    return found


def _default_is_dynamic(value: str, kind: str) -> bool:
    """Whether pyxform reads a default as an expression (today(), ${x}, 1 + 2): its rule."""
    from pyxform.utils import default_is_dynamic

    return bool(default_is_dynamic(value, kind))


def _check_default(kind: str, value: str, choices: set[str]) -> str | None:
    from pyxform.utils import default_is_dynamic

    if default_is_dynamic(value, kind):
        return None  # an expression, checked as one by the caller
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
    if kind in ("datetime", "time"):
        from heard.questionnaires.form import read_moment

        return (
            None
            if read_moment(kind, value)[0]
            else _("The default must be written YYYY-MM-DDTHH:MM (a time: HH:MM).")
        )
    if kind in LOCATION_TYPES:
        point, problem = read_location(kind, value)
        return None if point else problem
    if kind in ("select_one", "select_multiple"):
        missing = [v for v in value.split() if v not in choices]
        return (
            _("The default is not a choice of this list: %s.") % ", ".join(missing)
            if missing
            else None
        )
    if kind in ("text", "barcode", "calculate"):  # a calculate's is any text (and hidden's)
        return None
    if kind == "range":
        return None if re.fullmatch(r"-?\d+(\.\d+)?", value) else _("The default must be a number.")
    return _("A default is not supported on this type of question.")


def _type_problem(kind: str, raw_type: str) -> str | None:
    """Why a type cannot be used, or None."""
    if kind in vocabulary.USABLE_TYPES:
        return None
    if kind in vocabulary.UNSUPPORTED:
        return _("The type “%(type)s” is not supported: %(why)s.") % {
            "type": raw_type,
            "why": _(vocabulary.UNSUPPORTED[kind]),
        }
    lowered = _type_of(raw_type.lower())[0]
    if lowered in vocabulary.USABLE_TYPES:
        return _("Write the type in lower case: “%(type)s”.") % {"type": raw_type.lower()}
    return _(
        "“%(type)s” is not an XLSForm type: see the list of types in the consultation lead's guide."
    ) % {"type": raw_type}


# What pyxform's or_other adds; Heard words them in both languages (pyxform writes the English).
OTHER_CHOICE = {"en": "Other", "fr": "Autre"}
OTHER_LABEL = {"en": "Specify other.", "fr": "Précisez l’autre réponse."}


def _other_field(question: dict[str, Any]) -> dict[str, Any]:
    return {
        **{
            key: None
            for key in question
            if key not in ("sections", "or_other", "kept", "media", "position")
        },
        "name": f"{question['name']}_other",
        "type": "text",
        "label": dict(OTHER_LABEL),
        "required": False,
        "required_cell": "",
        "relevant": f"selected(${{{question['name']}}}, 'other')",
        "page": question["page"],
        "row": question["row"],
        **({"sections": question["sections"]} if "sections" in question else {}),
        **({"position": question["position"]} if "position" in question else {}),
        "generated": True,
    }


def _read_parameters(kind: str, written: str, names: set[str]) -> dict[str, Any]:
    """The parameters cell read as pyxform reads it ("randomize=true seed=${x}", "start=0
    end=10 step=2"), the range's defaults filled in; reasons to refuse it under "problems"."""
    from pyxform.errors import PyXFormError
    from pyxform.parsing.parameters import parse as parse_parameters

    if kind == "range" and not written:
        return dict(vocabulary.RANGE_DEFAULTS)
    if not written:
        return {}
    try:
        found: dict[str, Any] = parse_parameters(written, 0)
    except PyXFormError:
        return {
            "problems": [
                _(
                    "Write parameters as name=value pairs, as in “randomize=true” or “start=0 "
                    "end=10”."
                )
            ]
        }
    usable = vocabulary.PARAMETERS.get(kind, set())
    problems = [
        _("The parameter “%(name)s” is not used on %(type)s questions.")
        % {"name": key, "type": kind}
        for key in sorted(set(found) - usable)
    ]
    seed = found.get("seed", "")
    for name in sorted(set(re.findall(r"\$\{([^}]*)\}", seed)) - names):
        problems.append(_("${%(name)s} is not a field of this form.") % {"name": name})
    if kind == "range":
        found = {**vocabulary.RANGE_DEFAULTS, **found}
    if problems:
        found["problems"] = problems
    return found


def _bad_name(name: str) -> str:
    return _(
        "“%(name)s” is not a valid name: use letters, digits and _, starting with a letter."
    ) % {"name": name}


def parse(
    data: bytes,
    filename: str,
    *,
    language: str = "en",
    attachments: Mapping[str, bytes] | None = None,
) -> tuple[dict[str, Any], str]:
    """(definition, XForm XML) for an XLSForm file; FormError listing every problem otherwise.

    `language` is the language of text columns written without one ("label" rather than
    "label::English (en)") when the settings do not name it. A form whose texts are in one
    language only is accepted: `missing_translations` lists what the other language lacks.
    `attachments` are the CSV files of choices the form names, by file name; a form whose files
    are not all there is accepted too: `xlsform_files.missing_files` lists them."""
    from heard.questionnaires import xlsform_files  # it reads a file's choices with this module

    attachments = attachments or {}
    sheets = read_sheets(data, filename)
    problems: list[FormProblem] = [p for sheet in sheets.values() for p in sheet.problems]
    if "survey" not in sheets and len(sheets) == 1:
        # pyxform reads the only sheet of a workbook as the survey, whatever its name.
        sheets = {"survey": next(iter(sheets.values()))}
    survey, choices_sheet, settings_sheet = (
        sheets.get("survey"),
        sheets.get("choices"),
        sheets.get("settings"),
    )
    if survey is None:
        raise FormError([FormProblem("survey", None, "", _("The form has no “survey” sheet."))])
    if "entities" in sheets:
        problems.append(
            FormProblem(
                "entities",
                None,
                "",
                _(
                    "ODK entities are not supported: a consultation keeps no list of people or "
                    "places across forms. Remove the entities sheet."
                ),
            )
        )
    for sheet in (survey, choices_sheet, settings_sheet):
        if sheet is not None:
            check_characters(sheet, problems)

    settings, kept_settings = _read_settings(settings_sheet, problems)
    bare = _bare_language(settings.get("default_language", ""), language, sheets)
    loops = xlsform_loops.expand(
        survey,
        choices_sheet,
        _lists_with_other(survey),
        _text_language_of(survey, TRANSLATED_COLUMNS),
        _text_language_of(choices_sheet, ("label",)) if choices_sheet else lambda _h: None,
        problems,
    )
    spellings: dict[str, str] = {}
    columns = _columns(
        survey,
        PLAIN_COLUMNS,
        TRANSLATED_COLUMNS,
        problems,
        spellings,
        aliases=vocabulary.SURVEY_COLUMN_ALIASES,
        bare=bare,
        grouped_columns=vocabulary.GROUPED_SURVEY_COLUMNS,
    )
    for header in columns.extra:
        base = _split_header(header, "::" in header)[0]
        reason = vocabulary.SURVEY_COLUMN_REASONS.get(base)
        if reason:
            problems.append(
                FormProblem(
                    survey.name,
                    survey.header_row,
                    header,
                    _("This column is not supported: %(why)s.") % {"why": _(reason)},
                )
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
        # pyxform writes curly quotes as straight ones in every cell of the survey it reads,
        # so an expression typed in a word processor (its quotes curled) works in ODK: it
        # does here too. Labels and hints keep theirs (pyxform's are read by `_text`).
        return straight_quotes(row.get(columns.plain.get(base, ""), "").strip())

    # A note written without a name is named by pyxform after its row: named so here too, so
    # that Heard, the XForm and the way back (which writes the name) agree.
    for at, (number, row) in enumerate(survey.rows):
        if not cell(row, "name") and cell(row, "type") == "note":
            generated = f"generated_note_name_{number}"
            survey.rows[at] = (number, {**row, columns.plain["name"]: generated})

    def report(number: int, base: str, reason: str) -> None:
        """A problem on the survey sheet, in the column for `base` (as the file names it)."""
        column = (
            columns.plain.get(base)
            or columns.translated.get((base, "en"))
            or columns.translated.get((base, "fr"))
            or base
        )
        problems.append(FormProblem(survey.name, number, column, reason))

    # pyxform allows one name in several groups (its paths differ); Heard keys answers by name
    # alone, so each later one gets a name of its own, and is written back as it was.
    renamed, ambiguous = _names_in_other_groups(survey, lambda row: cell(row, "type"), cell)
    if renamed:
        header = columns.plain["name"]
        survey.rows[:] = [
            (n, {**row, header: renamed[at][0]} if at in renamed else row)
            for at, (n, row) in enumerate(survey.rows)
        ]
    # First pass: names, so that expressions can refer to fields further down.
    names: dict[str, int] = {}
    groups: set[str] = set()
    # Rows recording what a web page cannot or Heard will not (deviceid, audit, …): the form is
    # imported without them, and the lead told which and why.
    set_aside: list[dict[str, Any]] = []
    pictures_alone: list[dict[str, Any]] = []  # notes that are only a picture (see below)
    set_aside_names: dict[str, tuple[int, str]] = {}
    for number, row in survey.rows:
        kind, _list = _type_of(cell(row, "type"))
        name = cell(row, "name")
        why = vocabulary.set_aside_reason(kind)
        if why:
            set_aside.append({"row": number, "type": cell(row, "type"), "name": name, "why": why})
            if name:
                set_aside_names[name] = (number, why)
            continue
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
        if kind in ("select_one", "select_multiple") and _list.endswith(" or_other"):
            # pyxform adds a text question for the other answer, named after the question.
            other = f"{name}_other"
            if other in names:
                report(
                    number,
                    "name",
                    _(
                        "or_other adds a question named “%(name)s”, already used on row "
                        "%(row)d: rename that one."
                    )
                    % {"name": other, "row": names[other]},
                )
            names[other] = number
    known = FieldNames(set(names) - groups, set_aside_names, ambiguous)  # a group has no answer
    # select_one_external's lists (ODK's autocomplete over a long list): pyxform checks no
    # names there, and a cascading list repeats them.
    media_named: dict[str, str] = {}  # the media files the form names, with their kind
    survey_media = media_columns(columns, bare)
    external, external_columns, _external_kept, _external_spaced = read_choice_rows(
        sheets.get("external_choices"), problems, spellings, bare, allow_duplicates=True
    )
    choices, choice_columns, choice_kept, spaced = read_choice_rows(
        choices_sheet,
        problems,
        spellings,
        bare,
        names=known,  # a choice's label may show an answer, as a question's may
        # pyxform's setting for lists whose filter tells apart choices of the same name.
        allow_duplicates=kept_settings.get("allow_choice_duplicates", "").strip() in TRUE,
        media_named=media_named,
    )
    files: dict[str, dict[str, Any]] = {}  # the attached files the form names
    repeated = _names_in_repeats(
        survey.rows, lambda row: cell(row, "type"), lambda row: cell(row, "name")
    )
    or_other_lists: set[str] = set()

    pages: list[dict[str, Any]] = []
    fields: list[dict[str, Any]] = []
    group: dict[str, Any] | None = None
    # Groups inside the page's group, outermost first: shown as sections of the page.
    sections: list[dict[str, Any]] = []
    # The repeat open now (the innermost, where repeats nest: `open_repeats`, outermost first),
    # and the groups and repeats refused inside it, whose end rows must close them and not it.
    repeat: dict[str, Any] | None = None
    open_repeats: list[dict[str, Any]] = []
    refused_inside: list[str] = []
    for position, (number, row) in enumerate(survey.rows):
        raw_type = cell(row, "type")
        kind, list_name = _type_of(raw_type)
        if not raw_type:
            if not cell(row, "name") and not _labelled(row, columns):
                continue  # a comment row, as pyxform reads one: no type, name or label
            report(number, "type", _("The type is missing."))
            continue
        # ODK's trigger is an acknowledge with no answer type of its own: written back as it was.
        written_type = raw_type if kind == "trigger" else ""
        if written_type:
            kind = "acknowledge"
        # ODK's hidden field: no control, its default (if any) its value. A calculate without
        # a calculation is that, so it is read as one and written back as it was.
        if kind == "hidden":
            written_type, kind = raw_type, "calculate"
        # pyxform's older types with a constraint and hint of their own ("phone number", …).
        alias = vocabulary.CONSTRAINED_ALIASES.get(" ".join(raw_type.split()))
        if alias:
            written_type = raw_type
        if vocabulary.set_aside_reason(kind):
            continue  # listed in `set_aside` by the first pass
        wrong_type = _type_problem(kind, raw_type)
        if wrong_type:
            report(number, "type", wrong_type)
            name = cell(row, "name")
            if name and not NAME.match(name) and not kind.startswith("end"):
                report(number, "name", _bad_name(name))
            continue
        if kind in ("end_group", "end_repeat") and refused_inside:
            if refused_inside[-1] == kind:
                refused_inside.pop()
            else:
                report(number, "type", _("This %(type)s closes nothing open.") % {"type": kind})
            continue
        # A group opened inside the innermost repeat: an end row closes it first.
        inner_open = (
            bool(sections) and repeat is not None and sections[-1].get("repeat") == repeat["name"]
        )
        if kind == "end_repeat":
            if repeat is None:
                report(number, "type", _("This end_repeat has no begin_repeat."))
            elif inner_open:
                report(number, "type", _("This end_repeat closes a group: write end_group."))
            else:
                if repeat.pop("own_page"):
                    group = None
                open_repeats.pop()
                repeat = open_repeats[-1] if open_repeats else None
            continue
        if kind == "end_group" and repeat is not None and not inner_open:
            report(number, "type", _("This end_group closes a repeat: write end_repeat."))
            continue
        if kind == "end_group":
            if sections:
                sections.pop()
            elif group is None:
                report(number, "type", _("This end_group has no begin_group."))
            else:
                group = None
            continue
        name = cell(row, "name")
        if not name:
            report(number, "name", _("The name is missing."))
            continue
        if not NAME.match(name):
            report(number, "name", _bad_name(name))
        elif name in RESERVED_NAMES:
            report(number, "name", _("The name “%(name)s” is reserved.") % {"name": name})
        media = _read_media(survey, number, row, survey_media, problems, media_named)
        if media and kind not in (
            *LABELLED_TYPES,
            *vocabulary.FILE_LIST_TYPES,
            "select_one_external",
        ):
            report(
                number,
                "type",
                _(
                    "Heard shows pictures, recordings and videos with questions, notes and "
                    "choices, not on a %(type)s row: put them on a note."
                )
                % {"type": kind},
            )
        if kind in LIST_TYPES and not list_name:
            report(
                number,
                "type",
                _("Name the choice list after the type, as in “%(type)s my_list”.")
                % {"type": kind},
            )
            continue
        parameter_kind = kind
        from_file = ""
        external_list = ""
        if kind == "select_one_external":
            kind, external_list = "select_one", list_name
            if external_list not in external:
                report(
                    number,
                    "type",
                    _("The external_choices sheet has no list “%(list)s”.")
                    % {"list": external_list},
                )
                continue
            list_name = external_key(external_list)
            choices[list_name] = external[external_list]
            choice_columns[list_name] = external_columns.get(external_list, set())
        if kind in vocabulary.FILE_LIST_TYPES:
            kind, from_file = vocabulary.FILE_LIST_TYPES[kind], list_name
            if not from_file:
                report(
                    number,
                    "type",
                    _("Name the file after the type, as in “%(type)s cities.csv”.")
                    % {"type": raw_type.split()[0]},
                )
                continue
            if not from_file.lower().endswith((".csv", ".xml", ".geojson")) or " " in from_file:
                report(
                    number,
                    "type",
                    _(
                        "Heard reads choices from a CSV, XML or GeoJSON file: save “%(file)s” as "
                        "a .csv file with name and label columns, and name that file here."
                    )
                    % {"file": from_file},
                )
                continue
            if from_file not in files:
                if from_file in choices:
                    report(
                        number,
                        "type",
                        _("The choices sheet has a list named “%(file)s” too: rename it.")
                        % {"file": from_file},
                    )
                    continue
                attached = attachments.get(from_file)
                file_choices: list[dict[str, Any]] = []
                if attached is not None:
                    file_choices, choice_columns[from_file] = xlsform_files.read_file_choices(
                        from_file,
                        attached,
                        _read_parameters(parameter_kind, cell(row, "parameters"), known),
                        bare or language,
                        problems,
                    )
                files[from_file] = xlsform_files.file_entry(attached, file_choices)
                choices[from_file] = file_choices
            if kind == "select_multiple" and any(" " in c["name"] for c in choices[from_file]):
                report(
                    number,
                    "type",
                    _(
                        "A choice name in “%(file)s” holds a space, and a select_multiple "
                        "answer is names separated by spaces. Write _ instead."
                    )
                    % {"file": from_file},
                )
        # select_one ${name}: the choices are the answers a repeat's entries gave to `name`.
        entries_of = ""
        from_answers = PIPE.fullmatch(list_name) if kind in LIST_TYPES else None
        if from_answers:
            entries_of = from_answers[1]
            reason = _answers_list_problem(kind, entries_of, known, repeated, repeat)
            if reason:
                report(number, "type", reason)
                continue
            list_name = ""
        or_other = kind in LIST_TYPES and bool(list_name) and list_name.split()[-1] == "or_other"
        if or_other:
            list_name = list_name.rsplit(None, 1)[0] if " " in list_name else ""
            if kind == "rank" or not list_name:
                report(
                    number,
                    "type",
                    _("Write or_other after a list name, on select_one or select_multiple."),
                )
                continue
            or_other_lists.add(list_name)
        if kind in LIST_TYPES and " " in list_name and not external_list:
            report(number, "type", _("A list name cannot hold spaces."))
            continue
        if kind in ("select_multiple", "rank") and list_name in spaced and choices_sheet:
            spaced_row, spaced_column = spaced.pop(list_name)  # reported once per list
            problems.append(
                FormProblem(
                    choices_sheet.name,
                    spaced_row,
                    spaced_column,
                    _(
                        "A choice name cannot hold spaces in a list used by %(type)s (row "
                        "%(row)d): its answers are choice names separated by spaces. Write _ "
                        "instead."
                    )
                    % {"type": kind, "row": number},
                )
            )
        if kind in LIST_TYPES and list_name not in choices and not entries_of:
            report(
                number,
                "type",
                _("The choices sheet has no list “%(list)s”.") % {"list": list_name},
            )
            continue
        if kind not in LIST_TYPES and list_name:
            report(number, "type", _("The type “%(type)s” takes no list name.") % {"type": kind})
        appearance = cell(row, "appearance")
        for word in vocabulary.appearance_words(appearance):
            why = vocabulary.appearance_reason(word)
            if why:
                report(
                    number,
                    "appearance",
                    _("The appearance “%(appearance)s” is not supported: %(why)s.")
                    % {"appearance": word, "why": _(why)},
                )
        relevant = _parse_expression(
            survey.name,
            number,
            columns.plain.get("relevant", "relevant"),
            cell(row, "relevant"),
            problems,
            names=known,
            allow_current=kind in ANSWER_TYPES,  # "." is the question's own answer, as in ODK
        )
        raw_required = cell(row, "required")
        if cell(row, "repeat_count") and kind != "begin_repeat":
            report(number, "repeat_count", _("Only a repeat takes a repeat_count."))

        if kind == "begin_repeat" and len(open_repeats) == MAX_REPEAT_DEPTH:
            report(
                number,
                "type",
                _(
                    "A repeat can sit in at most %(depth)d others: put its questions directly in "
                    "the repeat around it, or ask for them in a repeat of their own."
                )
                % {"depth": MAX_REPEAT_DEPTH - 1},
            )
            refused_inside.append("end_repeat")
            continue
        if kind == "begin_repeat":
            outer = repeat
            repeat = _begin_repeat(
                survey,
                number,
                row,
                columns,
                problems,
                known,
                repeated,
                name,
                around={r["name"] for r in open_repeats},
            )
            if outer is not None:
                repeat["repeat"] = outer["name"]  # a repeat inside another's entries (ADR 0022)
            open_repeats.append(repeat)
            repeat["position"] = position
            repeat["sections"] = [s["name"] for s in sections]
            repeat["relevant"] = relevant
            repeat["appearance"] = appearance or None
            repeat["required_cell"] = raw_required
            for base in ("constraint", "calculation", "choice_filter", "default", "required"):
                if cell(row, base) and not (base == "required" and raw_required in FALSE):
                    report(number, base, _("A repeat takes no %(column)s.") % {"column": base})
            _no_read_only(number, cell(row, "read_only"), report)
            repeat["own_page"] = group is None
            if group is None:
                # A repeat outside any group is a page of its own, headed by its label.
                group = {
                    "name": name,
                    "label": repeat["label"],
                    "hint": None,
                    "relevant": None,
                    "appearance": None,
                    "row": number,
                    "position": position,
                    "group": True,
                    "repeat_page": True,
                    "fields": [],
                }
                pages.append(group)
            group.setdefault("repeats", {})[name] = repeat
            continue
        if kind in vocabulary.METADATA_TYPES and repeat is not None:
            report(
                number,
                "type",
                _("A %(type)s row cannot sit in a repeat: Heard records it once per response.")
                % {"type": kind},
            )
            continue

        if kind == "begin_group":
            _check_texts(survey, number, row, columns, ("label", "hint"), problems, names=known)
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
            _no_read_only(number, cell(row, "read_only"), report)
            opened = {
                "name": name,
                "label": _text(row, columns, "label"),
                "hint": _text(row, columns, "hint"),
                "relevant": relevant,
                "appearance": appearance or None,
                "row": number,
                "position": position,
                "required_cell": raw_required,
                **_kept(row, columns),
            }
            if group is None:
                group = {**opened, "group": True, "fields": []}
                pages.append(group)
            else:
                # A group inside the page's group: a section of that page, with its heading
                # (in a repeat: a section of each entry).
                opened["parent"] = sections[-1]["name"] if sections else None
                if repeat is not None:
                    opened["repeat"] = repeat["name"]
                group.setdefault("sections", {})[name] = opened
                sections.append(opened)
            continue

        # A hint may stand alone: ODK shows it where the label would be, and so does Heard. A
        # question with neither, worked out or set by a trigger, has no control: never shown.
        unlabelled = not _text(row, columns, "label") and not _text(row, columns, "hint")
        no_control = (
            unlabelled
            and kind in ANSWER_TYPES
            and bool(cell(row, "calculation") or cell(row, "trigger"))
        )
        needed = ("label",) if kind in LABELLED_TYPES and unlabelled and not no_control else ()
        if needed and kind == "note" and media and set(media) <= {"image", "big-image"}:
            # A note that is only a picture (a logo, a banner) is shown as a decorative one,
            # which screen readers pass over; the lead is told, in case it says something.
            pictures_alone.append({"row": number, "name": name})
            needed = ()
        elif needed and media:
            # ODK shows a picture alone; a screen reader has only the label to read.
            report(
                number,
                "label",
                _(
                    "A picture or a recording alone cannot be read by everyone: write a label "
                    "saying what it shows or asks, in English or French (screen readers read "
                    "the label)."
                ),
            )
            needed = ()
        _check_texts(
            survey, number, row, columns, TRANSLATED_COLUMNS, problems, needed=needed, names=known
        )
        # required is yes, no, or an expression: required while it holds.
        required_if = None
        if raw_required and raw_required not in TRUE | FALSE:
            required_if = _parse_expression(
                survey.name,
                number,
                columns.plain.get("required", "required"),
                raw_required,
                problems,
                names=known,
                allow_current=True,
            )
        required = raw_required in TRUE
        if (required or required_if) and kind in (
            "note",
            "calculate",
            *vocabulary.METADATA_TYPES,
        ):
            report(number, "required", _("A %(type)s cannot be required.") % {"type": kind})
        # A required or constraint message with nothing to explain is never shown, as in ODK:
        # pyxform keeps it without a word, and so does Heard (it is written back on export).
        alias_constraint = bool(alias and not cell(row, "constraint"))
        constraint = _parse_expression(
            survey.name,
            number,
            columns.plain.get("constraint", "constraint"),
            alias["constraint"] if alias and alias_constraint else cell(row, "constraint"),
            problems,
            names=known,
            allow_current=True,
        )
        hint = _text(row, columns, "hint")
        alias_hint = bool(alias and alias["hint"] and hint is None)
        if alias and alias_hint:
            hint = dict(alias["hint"])
        if constraint and kind in ("note", "calculate", "acknowledge", *vocabulary.METADATA_TYPES):
            report(number, "constraint", _("A %(type)s takes no constraint.") % {"type": kind})
        calculation = _parse_expression(
            survey.name,
            number,
            columns.plain.get("calculation", "calculation"),
            cell(row, "calculation"),
            problems,
            names=known,
        )
        if (
            kind == "calculate"
            and not written_type
            and not cell(row, "calculation")
            and not cell(row, "default")
        ):
            # A default alone is a value set once, as ODK sets it.
            report(number, "calculation", _("A calculate row needs a calculation or a default."))
        if calculation and kind not in ("calculate", *ANSWER_TYPES):
            report(
                number,
                "calculation",
                _(
                    "A %(type)s takes no calculation: put it on a calculate row, and show its "
                    "result with ${name}."
                )
                % {"type": kind},
            )
        # A question worked out by its calculation, or marked read-only, shows its answer and
        # takes none from the respondent (ODK recalculates over anything typed).
        raw_read_only = cell(row, "read_only")
        # An expression: read-only while it holds, worked out as the respondent answers (the
        # answer the question had stays; see Form.locked).
        read_only_if = None
        if raw_read_only and raw_read_only not in TRUE | FALSE:
            read_only_if = _parse_expression(
                survey.name,
                number,
                columns.plain.get("read_only", "read_only"),
                raw_read_only,
                problems,
                names=known,
                allow_current=True,
            )
            if kind not in ANSWER_TYPES:
                read_only_if = None  # nothing to answer, so nothing to lock
        read_only = raw_read_only in TRUE and kind in ANSWER_TYPES
        trigger = _read_trigger(
            cell(row, "trigger"), kind, known, repeated, {r["name"] for r in open_repeats}
        )
        for reason in trigger.pop("problems", []):
            report(number, "trigger", reason)
        choice_filter = None
        if cell(row, "choice_filter"):
            if kind not in LIST_TYPES:
                report(
                    number,
                    "choice_filter",
                    _("Only select_one, select_multiple and rank take a choice_filter."),
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
                    # A file still to come is checked against the filter when it is attached.
                    any_columns=bool(from_file) and not files[from_file]["attached"],
                )
        parameters = _read_parameters(parameter_kind, cell(row, "parameters"), known)
        for reason in parameters.pop("problems", []):
            report(number, "parameters", reason)
        written_default = cell(row, "default")
        default = written_default or None
        # A date typed into a spreadsheet is a date cell, which pyxform reads as a moment at
        # midnight ("2018-06-30 00:00:00"): the date, the cell kept as it was for the way back.
        excel_date = (
            re.fullmatch(r"(\d{4}-\d{2}-\d{2}) 00:00:00", written_default)
            if kind == "date"
            else None
        )
        if excel_date:
            default = excel_date[1]
        dynamic = bool(written_default) and _default_is_dynamic(written_default, kind)
        if dynamic:
            # Worked out when the question is shown unanswered, as ODK works it out when the
            # form opens (see Form.default_value).
            default = _parse_expression(
                survey.name,
                number,
                columns.plain.get("default", "default"),
                written_default,
                problems,
                names=known,
            )
        elif default and not (from_file and not files[from_file]["attached"]):
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
                "position": position,
            }
            pages.append(page)
        else:
            page = group
        page["fields"].append(name)
        fields.append(
            {
                "name": name,
                "type": kind,
                "label": _text(row, columns, "label"),
                **({"media": media} if media else {}),
                "hint": hint,
                "required": required,
                "required_message": _text(row, columns, "required_message"),
                "relevant": relevant,
                "constraint": constraint,
                "constraint_message": _text(row, columns, "constraint_message"),
                "calculation": calculation,
                "choice_filter": choice_filter,
                "default": default,
                **({"default_cell": written_default} if excel_date else {}),
                "appearance": appearance or None,
                "list_name": list_name or None,
                "page": page["name"],
                "row": number,
                "position": position,
                # As written ("", "no", "TRUE", ...): pyxform writes required="false()" for "no"
                # and nothing for "", and the way back must give the same XForm.
                "required_cell": raw_required,
                **({"sections": [s["name"] for s in sections]} if sections else {}),
                **({"repeat": repeat["name"]} if repeat is not None else {}),
                **({"from_file": True} if from_file else {}),
                **({"entries_of": entries_of} if entries_of else {}),
                **({"external": external_list} if external_list else {}),
                **({"default_dynamic": True} if dynamic and default else {}),
                **({"read_only": True} if read_only else {}),
                **({"read_only_if": read_only_if} if read_only_if else {}),
                **({"written_type": written_type} if written_type else {}),
                # What the older type added, left out on the way back (pyxform adds it again).
                **({"alias_constraint": True} if alias_constraint else {}),
                **({"alias_hint": True} if alias_hint else {}),
                **({"no_control": True} if no_control else {}),
                **({"required_if": required_if} if required_if else {}),
                **trigger,
                **({"read_only_cell": raw_read_only} if raw_read_only else {}),
                **({"or_other": True} if or_other else {}),
                # The cell as written, for the way back; the values Heard uses.
                **({"parameters": parameters} if parameters else {}),
                **({"parameters_cell": cell(row, "parameters")} if cell(row, "parameters") else {}),
                **_kept(row, columns),
            }
        )
        if repeat is not None:
            repeat["fields"].append(name)
        if or_other:
            # What pyxform adds to the XForm: Heard shows it, and leaves it out on the way back.
            page["fields"].append(f"{name}_other")
            fields.append(_other_field(fields[-1]))
            if repeat is not None:
                repeat["fields"].append(f"{name}_other")
    for list_name in sorted(or_other_lists & set(choices)):
        if any(c["name"] == "other" for c in choices[list_name]):
            problems.append(
                FormProblem(
                    choices_sheet.name if choices_sheet else "choices",
                    None,
                    "name",
                    _(
                        "The list “%(list)s” already has a choice “other”, and or_other adds "
                        "one: remove either."
                    )
                    % {"list": list_name},
                )
            )
        else:
            choices[list_name].append(
                {"name": "other", "label": dict(OTHER_CHOICE), "filters": {}, "generated": True}
            )
    for unclosed_repeat in reversed(open_repeats):
        report(unclosed_repeat["row"], "type", _("This repeat has no end_repeat."))
        if unclosed_repeat.pop("own_page"):
            group = None
    for unclosed in [*sections, *([group] if group is not None else [])]:
        report(unclosed["row"], "type", _("This group has no end_group."))
    for number, column, reason in _outside_repeat_references(pages, fields, repeated, known):
        report(number, column, reason)
    for number, column, reason in _choice_names_read(fields, pages):
        report(number, column, reason)
    for item in _calculations_in_cycles(fields):
        report(item["row"], "calculation", _("This calculation depends on its own result."))
    # Calculates and notes alone cannot make a page a respondent sees.
    for page in pages:
        if (
            all(vocabulary.hidden(f) for f in fields if f["name"] in page["fields"])
            and not page["group"]
        ):
            page["hidden"] = True
    data_tables = xlsform_files.read_data_files(
        fields,
        files,
        attachments,
        survey.name,
        problems,
        lists={
            k: {"name", "label", *(f for c in v for f in c.get("filters", {}))}
            for k, v in choices.items()
            if k not in files and " " not in k  # a list of the choices sheet, not a file's
        },
    )

    if problems:
        # A loop's rows are read once per choice: a fault in one is reported once.
        raise FormError(dict.fromkeys(problems))

    title = settings.get("form_title", "")
    definition: dict[str, Any] = {
        "form_id": settings.get("form_id", ""),
        "form_version": settings.get("version", ""),
        "title": {"en": title, "fr": title},
        # How the file spells each language ("" for a column without one), for the way back.
        "languages": {
            lang: _split_header(spellings[lang], "::" in spellings[lang])[1]
            if lang in spellings
            else LANGUAGE_LABELS[lang]
            for lang in LANGUAGES
        },
        "settings": settings,
        "pages": pages,
        "fields": fields,
        "choices": choices,
    }
    if files:
        definition["files"] = files
    if media_named:
        definition["media"] = {
            name: {"attached": False, "kind": kind} for name, kind in sorted(media_named.items())
        }
    if data_tables:
        definition["data"] = data_tables
    if kept_settings:
        definition["kept_settings"] = kept_settings
    if loops:
        definition["loops"] = loops  # written out as groups (xlsform_loops)
    if renamed:
        _keep_written_names(definition, {at: written for at, (_name, written) in renamed.items()})
    if not loops:
        # Rows and places agree: the row alone orders the way back, as in forms kept before.
        for holder in _holders(definition):
            holder.pop("position", None)
    if set_aside:
        definition["set_aside"] = set_aside
    read_as_empty = _empty_reads(
        survey, choices_sheet, {row["row"] for row in set_aside}, {r["name"] for r in set_aside}
    )
    if read_as_empty:
        definition["read_as_empty"] = read_as_empty
    if pictures_alone:
        definition["pictures_alone"] = pictures_alone
    if columns.kept or choice_kept:
        definition["kept_columns"] = {"survey": columns.kept, "choices": choice_kept}
    xform = to_xform(data, filename)
    return definition, xform


def _names_in_other_groups(
    survey: Sheet,
    type_of: Callable[[dict[str, str]], str],
    cell: Callable[[dict[str, str], str], str],
) -> tuple[dict[int, tuple[str, str]], dict[str, list[int]]]:
    """({position: (name Heard uses, name as written)} for each row (by its place among the
    survey's rows) whose name a row in another group already has, {name: rows} for those
    names). pyxform allows one name in several groups,
    since their paths differ, but not twice in one group (Heard reports that in the first
    pass). The name Heard uses is the group's and the row's ("contact.name"), or the row's and
    a number at the top level ("name.2"), and never one the form already has."""
    taken = {cell(row, "name") for _number, row in survey.rows}
    seen: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    renamed: dict[int, tuple[str, str]] = {}
    open_groups: list[str] = []
    for position, (_number, row) in enumerate(survey.rows):
        kind, _list = _type_of(type_of(row))
        if kind in ("end_group", "end_repeat"):
            if open_groups:
                open_groups.pop()
            continue
        name = cell(row, "name")
        used = name
        if name and not vocabulary.set_aside_reason(kind):
            parent = tuple(open_groups)
            earlier = seen.setdefault(name, [])
            if earlier and all(place != parent for _row, place in earlier):
                base = f"{parent[-1]}.{name}" if parent else f"{name}.2"
                used, count = base, 2
                while used in taken:
                    count += 1
                    used = f"{base}-{count}" if parent else f"{name}.{count}"
                taken.add(used)
                renamed[position] = (used, name)
            earlier.append((position, parent))
        if kind in ("begin_group", "begin_repeat"):
            open_groups.append(used)
    ambiguous = {
        name: [survey.rows[at][0] for at, _place in places]
        for name, places in seen.items()
        if any(at in renamed for at, _place in places)
    }
    return renamed, ambiguous


def _holders(definition: dict[str, Any]) -> list[dict[str, Any]]:
    """The fields, pages, sections and repeats: what a row of the survey becomes."""
    holders: list[dict[str, Any]] = [*definition["fields"]]
    for page in definition["pages"]:
        holders += [page, *page.get("sections", {}).values(), *page.get("repeats", {}).values()]
    return holders


def _keep_written_names(definition: dict[str, Any], written: Mapping[int, str]) -> None:
    """Each field, page, section and repeat renamed by `_names_in_other_groups` keeps the name
    the file gave it, for the way back (by its place among the survey's rows)."""
    for holder in _holders(definition):
        if holder.get("position") in written and not holder.get("generated"):
            holder["written_name"] = written[holder["position"]]


def _empty_reads(
    survey: Sheet, choices: Sheet | None, left_out: set[int], set_aside: set[str]
) -> list[dict[str, Any]]:
    """Where the form reads what is always empty in Heard, so that the lead is told: ${last-saved#
    name}, the answer a device's previous form saved (Heard keeps no earlier form on any device,
    ADR 0006), and ${name} of a row set aside (a device's identifier, a user name: a web page has
    none). Each cell once per name it reads; "reads" is the reference as written."""
    set_aside.discard("")
    found = []
    for sheet in [survey] if choices is None else [survey, choices]:
        for number, row in sheet.rows:
            if sheet is survey and number in left_out:
                continue
            for header, value in row.items():
                for name in dict.fromkeys(expressions.last_saved_names(value)):
                    found.append(
                        {
                            "sheet": sheet.name,
                            "row": number,
                            "column": header,
                            "name": name,
                            "reads": f"${{last-saved#{name}}}",
                        }
                    )
                if not set_aside or "${" not in value:
                    continue
                for name in dict.fromkeys(re.findall(r"\$\{([^}#]*)\}", value)):
                    if name in set_aside:
                        found.append(
                            {
                                "sheet": sheet.name,
                                "row": number,
                                "column": header,
                                "name": name,
                                "reads": f"${{{name}}}",
                            }
                        )
    return found


def _names_in_repeats(
    rows: list[tuple[int, dict[str, str]]],
    type_of: Callable[[dict[str, str]], str],
    name_of: Callable[[dict[str, str]], str],
) -> dict[str, str]:
    """{field name: the repeat it sits in} (the innermost, when a form nests them)."""
    open_controls: list[tuple[str, str]] = []
    found: dict[str, str] = {}
    for _number, row in rows:
        kind, list_name = _type_of(type_of(row))
        name = name_of(row)
        if kind in ("end_group", "end_repeat"):
            if open_controls:
                open_controls.pop()
            continue
        inner = next((n for k, n in reversed(open_controls) if k == "repeat"), None)
        if inner and name:
            found[name] = inner
            if list_name.endswith(" or_other"):
                found[f"{name}_other"] = inner
        if kind in ("begin_group", "begin_repeat"):
            open_controls.append((kind.removeprefix("begin_"), name))
    return found


def _begin_repeat(
    survey: Sheet,
    number: int,
    row: dict[str, str],
    columns: Columns,
    problems: list[FormProblem],
    known: set[str],
    repeated: dict[str, str],
    name: str,
    *,
    around: set[str],
) -> dict[str, Any]:
    """A repeat's own row: its label and hint, and how many times it is asked. `around`: the
    repeats it sits in, whose entry's answers its count may read."""
    sheet = survey.name
    _check_texts(survey, number, row, columns, ("label", "hint"), problems, names=known)
    count_column = columns.plain.get("repeat_count", "repeat_count")
    written = row.get(columns.plain.get("repeat_count", ""), "").strip()
    count: str | None = None
    if re.fullmatch(r"\d+", written):
        if int(written) > MAX_REPEAT:
            problems.append(
                FormProblem(
                    sheet,
                    number,
                    count_column,
                    _("A repeat can be asked at most %(limit)d times.") % {"limit": MAX_REPEAT},
                )
            )
        count = written
    elif written:
        count = _parse_expression(sheet, number, count_column, written, problems, names=known)
        if count:
            inside = sorted(
                n
                for n in expressions.references(expressions.parse(count))
                if n in repeated and repeated[n] not in around
            )
            for field_name in inside:
                problems.append(
                    FormProblem(
                        sheet,
                        number,
                        count_column,
                        _(
                            "A repeat's count cannot use ${%(name)s}, which sits in a repeat: "
                            "ask for the number before the repeat."
                        )
                        % {"name": field_name},
                    )
                )
    return {
        "name": name,
        "label": _text(row, columns, "label"),
        "hint": _text(row, columns, "hint"),
        "count": count,
        "row": number,
        "fields": [],
        **_kept(row, columns),
    }


# Where a row keeps an expression, and the column it came from.
_EXPRESSION_CELLS = (
    ("relevant", "relevant"),
    ("constraint", "constraint"),
    ("calculation", "calculation"),
    ("required_if", "required"),
    ("choice_filter", "choice_filter"),
    ("default", "default"),
    ("count", "repeat_count"),
    ("read_only_if", "read_only"),
)


def _choice_names_read(
    fields: list[dict[str, Any]], pages: list[dict[str, Any]]
) -> list[tuple[int, str, str]]:
    """(row, column, reason) for each jr:choice-name() whose quoted question is not a select
    question with a list of choices: there would be no labels to read."""
    by_name = {f["name"]: f for f in fields}
    holders = [*fields]
    for page in pages:
        holders += [page, *page.get("sections", {}).values(), *page.get("repeats", {}).values()]
    found = []
    for holder in holders:
        for key, column in _EXPRESSION_CELLS:
            text = holder.get(key)
            if not isinstance(text, str) or "jr:choice-name" not in text:
                continue
            try:
                tree = expressions.parse(text)
            except expressions.ExpressionError:
                continue  # a static default, or a fault reported where the cell was read
            for name in sorted(expressions.choice_name_questions(tree)):
                item = by_name.get(name)
                if item is None:
                    reason = _("${%(name)s} is not a field of this form.") % {"name": name}
                elif item["type"] in LIST_TYPES and item.get("list_name"):
                    continue
                else:
                    reason = _(
                        "jr:choice-name() reads the labels of a select question's choices: "
                        "${%(name)s} is not one."
                    ) % {"name": name}
                found.append((holder["row"], column, reason))
    return found


def _outside_repeat_references(
    pages: list[dict[str, Any]],
    fields: list[dict[str, Any]],
    repeated: dict[str, str],
    known: set[str],
) -> list[tuple[int, str, str]]:
    """(row, column, reason) for each use of a repeat's answer outside that repeat: each of its
    entries has its own answer, and a question outside it would not know which to take."""
    found = []

    outer_of = repeats.outer_repeats({"pages": pages})
    repeat_names = set(repeated.values()) | {
        name for page in pages for name in page.get("repeats", {})
    }

    def chain(repeat: str | None) -> list[str]:
        return repeats.chain(outer_of, repeat)

    def check(
        number: int,
        column: str,
        names: set[str],
        inside: str | None,
        reads: list[tuple[str, tuple[str, ...]]] | None = None,
        counted: list[str] | None = None,
        aggregated: list[str] | None = None,
    ) -> None:
        around = chain(inside)
        for name in sorted(counted or []):
            if name not in known and name not in repeat_names:
                found.append(
                    (number, column, _("${%(name)s} is not a field of this form.") % {"name": name})
                )
        for name in sorted(set(aggregated or [])):
            # count(), sum(), … of a repeat inside another: over that repeat's entries in one
            # entry of the outer repeat, so only inside it (ODK's would take every entry's).
            held_by = name if name in repeat_names else repeated.get(name)
            outer = chain(held_by)[:-1]
            if held_by and outer and around[: len(outer)] != outer:
                found.append(
                    (
                        number,
                        column,
                        _(
                            "${%(name)s} sits in the repeat “%(repeat)s”, inside “%(outer)s”: "
                            "count or add up its entries in an entry of “%(outer)s” (a "
                            "calculate there), then over those calculates."
                        )
                        % {"name": name, "repeat": held_by, "outer": outer[-1]},
                    )
                )
        for question, given in sorted(reads or []):
            held_by = repeated.get(question)
            full = chain(held_by)
            if given[-1] not in full:
                found.append(
                    (
                        number,
                        column,
                        _(
                            "indexed-repeat() reads ${%(name)s} in the repeat “%(repeat)s”, "
                            "which does not hold it."
                        )
                        % {"name": question, "repeat": given[-1]},
                    )
                )
                continue
            outer = full[: -len(given)]
            if full[-len(given) :] != list(given) or (outer and around[: len(outer)] != outer):
                # Every repeat down to the question's, each with an entry's number, unless the
                # call sits in an entry of the outer ones.
                written = ", ".join(
                    f"${{{r}}}, {n}" for r, n in zip(full, [1] * (len(full) - 1) + [2], strict=True)
                )
                found.append(
                    (
                        number,
                        column,
                        _(
                            "indexed-repeat() reads ${%(name)s}, which sits in “%(repeat)s”: "
                            "name each repeat down to it, outermost first, with an entry's "
                            "number, as in indexed-repeat(${%(name)s}, %(repeats)s)."
                        )
                        % {"name": question, "repeat": held_by, "repeats": written},
                    )
                )
        for field_name in sorted(names):
            if field_name in repeated and repeated[field_name] not in around:
                found.append(
                    (
                        number,
                        column,
                        _(
                            "${%(name)s} sits in the repeat “%(repeat)s”: only the questions in "
                            "that repeat can use its answers."
                        )
                        % {"name": field_name, "repeat": repeated[field_name]},
                    )
                )

    def uses(
        text: str | None,
    ) -> tuple[set[str], list[tuple[str, tuple[str, ...]]], list[str], list[str]]:
        """The answers an expression reads as they stand, the entries it reads by number, what
        it counts, and what it counts or adds up over a repeat's entries."""
        if not text:
            return set(), [], [], []
        tree = expressions.parse(text)
        reads = expressions.aggregate_reads(tree)
        counted = [n for f, n in reads if f == "count"]
        return (
            expressions.free_references(tree),
            expressions.entry_reads(tree),
            counted,
            [n for _f, n in reads],
        )

    def piped(texts: dict[str, str] | None) -> set[str]:
        return {m[1] for value in (texts or {}).values() for m in PIPE.finditer(value)}

    for item in fields:
        if item.get("generated"):
            continue
        for column in ("relevant", "constraint", "calculation", "choice_filter", "default"):
            if column == "default" and not item.get("default_dynamic"):
                continue
            names, reads, counted, aggregated = uses(item[column])
            inside = item.get("repeat")
            if column == "choice_filter" and item.get("entries_of"):
                inside = repeated[item["entries_of"]]  # tested on each entry's answers
            check(item["row"], column, names, inside, reads, counted, aggregated)
        for column in ("label", "hint", "required_message", "constraint_message"):
            check(item["row"], column, piped(item[column]), item.get("repeat"))
    for page in pages:
        for part in [page, *page.get("sections", {}).values()]:
            names, reads, counted, aggregated = uses(part.get("relevant"))
            check(part["row"], "relevant", names, part.get("repeat"), reads, counted, aggregated)
            for column in ("label", "hint"):
                check(part["row"], column, piped(part.get(column)), part.get("repeat"))
        for each in page.get("repeats", {}).values():
            # A repeat's condition and texts are read in the entry of the repeat around it.
            names, reads, counted, aggregated = uses(each.get("relevant"))
            check(each["row"], "relevant", names, each.get("repeat"), reads, counted, aggregated)
            names, reads, counted, aggregated = uses(each.get("count"))
            check(each["row"], "repeat_count", set(), each.get("repeat"), reads, [], aggregated)
            for column in ("label", "hint"):
                check(each["row"], column, piped(each.get(column)), each.get("repeat"))
    return found


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


def read_choice_rows(
    sheet: Sheet | None,
    problems: list[FormProblem],
    spellings: dict[str, str],
    bare: str | None,
    *,
    allow_duplicates: bool = False,
    names: set[str] | None = None,
    media_named: dict[str, str] | None = None,
) -> tuple[
    dict[str, list[dict[str, Any]]], dict[str, set[str]], list[str], dict[str, tuple[int, str]]
]:
    """The choice lists, the columns (besides name) a choice_filter may use in each, the columns
    kept as written for the way back, and the first choice holding a space in each list.
    `media_named`, when given, gathers the media files the choices show (form_media); without
    it, media columns are kept as written and not shown."""
    choices: dict[str, list[dict[str, Any]]] = {}
    filter_columns: dict[str, set[str]] = {}
    spaced: dict[str, tuple[int, str]] = {}
    if sheet is None:
        return choices, filter_columns, [], spaced
    columns = _columns(
        sheet,
        ("list_name", "name"),
        ("label",),
        problems,
        spellings,
        aliases=vocabulary.CHOICE_COLUMN_ALIASES,
        bare=bare,
    )
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
        return choices, filter_columns, columns.kept, spaced
    extra = []
    for header in columns.extra:
        if ":" in header:
            # ODK writes each column of a list as an XML element, where a colon is a prefix.
            problems.append(
                FormProblem(
                    sheet.name,
                    sheet.header_row,
                    header,
                    _(
                        "A column name holds “:” only to name a language, as in "
                        "label::English (en) (ODK writes each column of a list as an XML "
                        "element): write the language that way, or rename the column without a "
                        "colon."
                    ),
                )
            )
        else:
            extra.append(header)
    media_headers = media_columns(columns, bare) if media_named is not None else {}
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
            # Fine for select_one; a select_multiple answer is names separated by spaces.
            spaced.setdefault(list_name, (number, name_header))
        if (list_name, name) in seen and not allow_duplicates:
            problems.append(
                FormProblem(
                    sheet.name,
                    number,
                    name_header,
                    _(
                        "“%(name)s” is already in list “%(list)s”, row %(row)d: rename one, or "
                        "set allow_choice_duplicates to yes if a choice_filter tells them apart."
                    )
                    % {"name": name, "list": list_name, "row": seen[(list_name, name)]},
                )
            )
            continue
        seen.setdefault((list_name, name), number)
        # A choice may have no label: ODK then shows its name, and so does Heard.
        _check_texts(sheet, number, row, columns, ("label",), problems, names=names)
        filters = {h: row[h].strip() for h in extra if row.get(h, "").strip()}
        media = (
            _read_media(sheet, number, row, media_headers, problems, media_named)
            if media_named is not None
            else {}
        )
        choices.setdefault(list_name, []).append(
            {
                "name": name,
                "label": _text(row, columns, "label"),
                "filters": filters,
                **({"media": media} if media else {}),
                **_kept(row, columns),
            }
        )
        filter_columns.setdefault(list_name, set()).update(extra)
    return choices, filter_columns, columns.kept, spaced


def _read_settings(
    sheet: Sheet | None, problems: list[FormProblem]
) -> tuple[dict[str, str], dict[str, str]]:
    """The settings Heard uses, by their XLSForm names, and those kept as written for the way
    back (they steer ODK Collect or an ODK server; pyxform ignores the ones it does not know)."""
    if sheet is None or not sheet.rows:
        return {}, {}
    settings: dict[str, str] = {}
    kept: dict[str, str] = {}
    _number, row = sheet.rows[0]
    for header, value in row.items():
        key = header.strip().lower()
        key = vocabulary.SETTINGS_ALIASES.get(key, key)
        if key in SETTINGS_COLUMNS:
            settings[key] = value
        else:
            kept[header] = value
    return settings, kept


def _bare_language(default_language: str, language: str, sheets: dict[str, Sheet]) -> str | None:
    """The language of text columns written without one: the settings' default_language when it
    names English or French; else `language`, unless the form already has columns for it, in
    which case the other one; None (kept, not shown) when the default language is another one or
    both already have columns."""
    if default_language:
        return _language_of(default_language)
    named = set()
    for sheet in sheets.values():
        double_colons = any("::" in h for h in sheet.headers)
        for header in sheet.headers:
            base, suffix = _split_header(header, double_colons)
            if suffix and base in (*TRANSLATED_COLUMNS, "caption"):
                named.add(_language_of(suffix))
    if language not in named:
        return language
    other = "fr" if language == "en" else "en"
    return other if other not in named else None


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
    xform = str(result.xform)
    try:
        from defusedxml import ElementTree  # type: ignore[import-untyped]

        ElementTree.fromstring(xform)
    except Exception as exc:  # defusedxml refuses entities; anything else is not XML
        raise FormError(
            [
                FormProblem(
                    "",
                    None,
                    "",
                    _(
                        "pyxform turned this form into an XForm that is not valid XML (%(why)s), "
                        "which no ODK tool could read: look for a column or a name that is not "
                        "XLSForm's."
                    )
                    % {"why": exc},
                )
            ]
        ) from exc
    return xform
