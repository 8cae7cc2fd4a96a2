"""`begin loop over toilet_type` … `end loop`: the same questions asked about each choice of a list.

pyxform writes a loop as a group holding one group per choice of the list (named and labelled
after the choice, the choice `none` left out), each holding the loop's rows with `%(name)s` and
`%(label)s` replaced by the choice's name and label. Heard reads a loop the same way, before
anything else: the rows are written out as those groups, so the rest of the import sees groups
(a page, with a section per choice) and the way back writes the groups out, which pyxform turns
into the same XForm. The questions keep their names in every choice's group, as pyxform keeps
them; Heard tells them apart as it does any name used in several groups.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from heard.questionnaires.xlsform_sheets import FormProblem, Sheet

BEGIN = re.compile(r"^begin[ _]loop\s+over\s+(\S+)\s*$", re.IGNORECASE)
END = re.compile(r"^end[ _]loop\s*$", re.IGNORECASE)
_HOLE = re.compile(r"%\((name|label)\)s")

Row = tuple[int, dict[str, str]]


def header_of(sheet: Sheet, *names: str) -> str:
    """The sheet's header for a plain column, spelt any way pyxform reads it."""
    wanted = {n.replace(" ", "_") for n in names}
    for header in sheet.headers:
        if header.strip().lower().replace(" ", "_") in wanted:
            return header
    return ""


def _lists(
    choices: Sheet | None, label_language: Callable[[str], str | None]
) -> dict[str, list[tuple[str, dict[str, str]]]]:
    """Each list's choices: (name, label by language; "" for a column without one)."""
    found: dict[str, list[tuple[str, dict[str, str]]]] = {}
    if choices is None:
        return found
    list_header = header_of(choices, "list_name", "list name")
    name_header = header_of(choices, "name", "value")
    labels: dict[str, str] = {}
    for header in choices.headers:
        language = label_language(header)
        if language is not None:
            labels[header] = language
    if not list_header or not name_header:
        return found
    for _number, row in choices.rows:
        list_name, name = row.get(list_header, "").strip(), row.get(name_header, "").strip()
        if list_name and name:
            texts = {lang: row.get(h, "") for h, lang in labels.items() if row.get(h, "")}
            found.setdefault(list_name, []).append((name, texts))
    return found


def _label_in(texts: dict[str, str], language: str | None, name: str) -> str:
    """A choice's label for a cell in `language`: that language's, else the one without a
    language, else any, else the choice's name (as ODK shows a choice without a label)."""
    if language is not None and texts.get(language):
        return texts[language]
    return texts.get("") or next(iter(texts.values()), name)


def expand(
    survey: Sheet,
    choices: Sheet | None,
    with_other: set[str],
    text_language: Callable[[str], str | None],
    label_language: Callable[[str], str | None],
    problems: list[FormProblem],
) -> list[dict[str, Any]]:
    """Write the survey's loops out as groups, in place; the loops found (for the lead's screen).
    `with_other`: the lists used with or_other, which pyxform gives a choice "other".
    `text_language(header)` is the language of a survey text column as the header writes it (""
    without one, None for any other column); `label_language(header)` that of a choices label
    column (None for any other column). A label is filled in from the choice's label in the
    same language, as pyxform matches them."""
    type_header = header_of(survey, "type")
    name_header = header_of(survey, "name")
    if not type_header or not any(
        BEGIN.match(row.get(type_header, "").strip()) or END.match(row.get(type_header, "").strip())
        for _n, row in survey.rows
    ):
        return []
    lists = _lists(choices, label_language)
    for list_name in with_other & set(lists):
        # pyxform adds or_other's choice to the list itself, so a loop over it asks about it.
        lists[list_name] = [*lists[list_name], ("other", {"": "Other"})]
    label_headers = [h for h in survey.headers if text_language(h) is not None and _is_label(h)]
    rows: list[Row] = []
    loops: list[dict[str, Any]] = []
    at = 0
    while at < len(survey.rows):
        number, row = survey.rows[at]
        kind = row.get(type_header, "").strip()
        if END.match(kind):
            problems.append(
                FormProblem(survey.name, number, type_header, _("This end loop closes no loop."))
            )
            at += 1
            continue
        begun = BEGIN.match(kind)
        if not begun:
            rows.append((number, row))
            at += 1
            continue
        end = _end_of(survey.rows, at, type_header)
        if end is None:
            problems.append(
                FormProblem(survey.name, number, type_header, _("This loop has no end loop."))
            )
            rows.extend(survey.rows[at + 1 :])  # checked as they are
            break
        body = survey.rows[at + 1 : end]
        list_name = begun.group(1)
        if any(BEGIN.match(r.get(type_header, "").strip()) for _n, r in body):
            problems.append(
                FormProblem(
                    survey.name,
                    number,
                    type_header,
                    _(
                        "A loop inside a loop is not supported: give the inner one a group per "
                        "choice."
                    ),
                )
            )
            rows.extend(r for r in body if not _loop_row(r, type_header))  # checked as they are
        elif list_name not in lists:
            problems.append(
                FormProblem(
                    survey.name,
                    number,
                    type_header,
                    _("The choices sheet has no list “%(list)s”.") % {"list": list_name},
                )
            )
            rows.extend(body)
        else:
            rows.append((number, {**row, type_header: "begin_group"}))
            for name, texts in lists[list_name]:
                if name == "none":  # pyxform leaves out the "none" of a select-all list
                    continue
                heading = {type_header: "begin_group", name_header: name}
                for header in label_headers:
                    heading[header] = _label_in(texts, text_language(header) or None, name)
                rows.append((number, heading))
                for child_number, child in body:
                    rows.append((child_number, _filled(child, name, texts, text_language)))
                rows.append((survey.rows[end][0], {type_header: "end_group"}))
            rows.append((survey.rows[end][0], {type_header: "end_group"}))
            loops.append({"row": number, "name": row.get(name_header, ""), "list": list_name})
        at = end + 1
    survey.rows[:] = rows
    return loops


def _loop_row(row: Row, type_header: str) -> bool:
    kind = row[1].get(type_header, "").strip()
    return bool(BEGIN.match(kind) or END.match(kind))


def _is_label(header: str) -> bool:
    return header.strip().lower().split(":", 1)[0] in ("label", "caption")


def _end_of(rows: list[Row], start: int, type_header: str) -> int | None:
    depth = 0
    for at in range(start, len(rows)):
        kind = rows[at][1].get(type_header, "").strip()
        if BEGIN.match(kind):
            depth += 1
        elif END.match(kind):
            depth -= 1
            if depth == 0:
                return at
    return None


def _filled(
    row: dict[str, str],
    name: str,
    texts: dict[str, str],
    text_language: Callable[[str], str | None],
) -> dict[str, str]:
    """A loop's row for one choice: %(name)s and %(label)s filled in every cell (a text cell
    with the label in its own language)."""

    def fill(header: str, value: str) -> str:
        language = text_language(header)
        return _HOLE.sub(
            lambda m: name if m.group(1) == "name" else _label_in(texts, language or None, name),
            value,
        )

    return {
        header: fill(header, value) if "%(" in value else value for header, value in row.items()
    }
