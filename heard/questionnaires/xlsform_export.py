"""Heard back to XLSForm: a workbook that pyxform turns into the same XForm as the original.

The columns are written in one fixed order, with the language names the original used, so that a
form can leave Heard for ODK, KoboToolbox or another copy of Heard and come back unchanged.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from heard.questionnaires import repeats
from heard.questionnaires.xlsform import (
    LANGUAGES,
    TRANSLATED_COLUMNS,
    TRUE,
    _pyxform_tokens,
    external_key,
)


def _kept_header(header: str) -> str:
    """A kept column's name as this file writes it: with two colons, since the file names its
    languages so ("caption:xx" or "bind:jr:preload" read from a sheet of single colons are
    "caption::xx" and "bind::jr:preload" here; "jr:x" stays whole, as pyxform reads it)."""
    if "::" in header or ":" not in header:
        return header
    return "::".join(_pyxform_tokens(header, double_colons=False))


def _survey_columns(languages: dict[str, str]) -> list[tuple[str, str, str | None]]:
    """(header, definition key, language or None) in the order they are written."""

    def both(base: str) -> list[tuple[str, str, str | None]]:
        # A language spelt "" was a column without a language ("label"): written back so, and
        # first (see _bare_text).
        return [
            (f"{base}::{languages[lang]}" if languages[lang] else base, base, lang)
            for lang in _bare_first(languages)
        ]

    return [
        ("type", "type", None),
        ("name", "name", None),
        *both("label"),
        *both("hint"),
        ("required", "required", None),
        *both("required_message"),
        ("relevant", "relevant", None),
        ("constraint", "constraint", None),
        *both("constraint_message"),
        ("choice_filter", "choice_filter", None),
        ("appearance", "appearance", None),
        ("calculation", "calculation", None),
        ("default", "default_cell", None),
        ("parameters", "parameters_cell", None),
        ("repeat_count", "count", None),
        ("read_only", "read_only_cell", None),
        ("trigger", "trigger_cell", None),
    ]


def _required(item: dict[str, Any]) -> str:
    """The required cell as the original wrote it ("no" and "" differ in the XForm)."""
    written = item.get("required_cell") or ""
    if item.get("required_if"):
        return written
    if written and (written in TRUE) == bool(item.get("required")):
        return written
    return "yes" if item.get("required") else ""


def _bare_first(languages: dict[str, str]) -> list[str]:
    """English and French, the one written without a language ("label") first."""
    return sorted(LANGUAGES, key=lambda lang: bool(languages[lang]))


def _bare_text(kept: Sequence[str]) -> list[str]:
    """The kept text columns without a language (`label`, in a form whose default language is
    neither English nor French). They are written before Heard's own text columns: pyxform reads a
    row's cells in column order, and a `label` after `label::English (en)` replaces the English
    text instead of standing beside it."""
    return [h for h in kept if ":" not in h and h.strip().lower() in TRANSLATED_COLUMNS]


def _in_order(heard: Sequence[Any], kept: Sequence[str], kept_cells: Sequence[Any]) -> list[Any]:
    """A row's cells (or its headers): the first two (type and name, or list_name and name), the
    kept text columns without a language, Heard's other columns, then the other kept columns, as
    the file had them."""
    bare = set(_bare_text(kept))
    first = [c for h, c in zip(kept, kept_cells, strict=True) if h in bare]
    rest = [c for h, c in zip(kept, kept_cells, strict=True) if h not in bare]
    return [*heard[:2], *first, *heard[2:], *rest]


def _row(
    item: dict[str, Any], columns: list[tuple[str, str, str | None]], kept: Sequence[str] = ()
) -> list[str]:
    cells = []
    for _header, key, lang in columns:
        # A name Heard gave (one name in several groups: xlsform._names_in_other_groups).
        value = (item.get("written_name") or item.get("name")) if key == "name" else item.get(key)
        if key == "default_cell":  # the cell as written, where Heard reads it otherwise
            value = item.get("default_cell") or item.get("default")
        if lang is not None:
            cells.append((value or {}).get(lang, ""))
        elif key == "required":
            cells.append(_required(item))
        else:
            cells.append(value or "")
    # Columns Heard does not use (other languages, XForm attributes), as the file had them.
    return _in_order(cells, kept, [item.get("kept", {}).get(header, "") for header in kept])


def _append(sheet: Worksheet, values: Sequence[str]) -> None:
    """A row of text: a text starting with "=" stays text instead of becoming a formula."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


def _choice_sheet(
    sheet: Worksheet,
    lists: dict[str, list[dict[str, Any]]],
    languages: dict[str, str],
    kept: Sequence[str] = (),
) -> None:
    """A sheet of choice lists (choices, external_choices): labels, filter columns, and the
    columns Heard keeps as written. The choices or_other adds are left out: it adds them again."""
    filters: list[str] = []
    for items in lists.values():
        for choice in items:
            filters += [k for k in choice["filters"] if k not in filters]
    _append(
        sheet,
        _in_order(
            [
                "list_name",
                "name",
                *(
                    f"label::{languages[lang]}" if languages[lang] else "label"
                    for lang in _bare_first(languages)
                ),
                *filters,
            ],
            kept,
            [_kept_header(h) for h in kept],
        ),
    )
    for list_name, items in lists.items():
        for choice in items:
            if choice.get("generated"):
                continue
            _append(
                sheet,
                _in_order(
                    [
                        list_name,
                        choice["name"],
                        *((choice["label"] or {}).get(lang, "") for lang in _bare_first(languages)),
                        *(choice["filters"].get(k, "") for k in filters),
                    ],
                    kept,
                    [choice.get("kept", {}).get(k, "") for k in kept],
                ),
            )


def _controls_around(page: dict[str, Any], item: dict[str, Any]) -> list[tuple[str, str]]:
    """("group" or "repeat", name) of what a question sits in within its page, outermost first:
    each repeat (outermost first, where they nest) after the groups open when it began."""
    sections = list(item.get("sections", []))
    chain = repeats.chain(repeats.outer_repeats({"pages": [page]}), item.get("repeat"))
    found: list[tuple[str, str]] = []
    done = 0
    for each in chain:
        before = page["repeats"][each].get("sections", [])
        found += [("group", s) for s in before[done:]] + [("repeat", each)]
        done = len(before)
    return found + [("group", s) for s in sections[done:]]


def _holder_controls(page: dict[str, Any], kind: str, name: str) -> list[tuple[str, str]]:
    """What a section ("group") or a repeat of the page sits in, and itself, outermost first."""
    if kind == "repeat":
        around = page["repeats"][name]
        held = {"sections": around.get("sections", []), "repeat": around.get("repeat")}
        return [*_controls_around(page, held), ("repeat", name)]
    chain: list[str] = []
    section: dict[str, Any] | None = page["sections"][name]
    while section is not None:
        chain.insert(0, section["name"])
        parent = section.get("parent")
        section = page["sections"][parent] if parent else None
    return _controls_around(
        page, {"sections": chain, "repeat": page["sections"][name].get("repeat")}
    )


def to_xlsx(definition: dict[str, Any]) -> bytes:
    languages = definition["languages"]
    columns = _survey_columns(languages)
    kept = definition.get("kept_columns", {})
    book = openpyxl.Workbook()
    survey = book.worksheets[0]
    survey.title = "survey"
    survey_kept = kept.get("survey", [])
    _append(
        survey,
        _in_order(
            [header for header, _key, _lang in columns],
            survey_kept,
            [_kept_header(h) for h in survey_kept],
        ),
    )
    # The rows Heard set aside (deviceid, username, audit, …) go back first, as forms usually
    # have them, so that the form keeps them in ODK and a reference to one still names a row.
    for row in definition.get("set_aside", []):
        _append(survey, [row["type"], row["name"]])
    by_name = {f["name"]: f for f in definition["fields"]}
    for page in definition["pages"]:
        # A repeat outside any group is a page of its own: only its repeat rows are written.
        wrapped = page["group"] and not page.get("repeat_page")
        if wrapped:
            _append(survey, _row({**page, "type": "begin_group"}, columns, kept.get("survey", [])))
        # Groups inside the page's group (sections) and its repeat open and close around their
        # questions, in the order they nest: outer sections, the repeat, sections inside it.
        open_controls: list[tuple[str, str]] = []
        # The page's groups and repeats come in at their own rows too, so that one holding no
        # question (which pyxform writes, empty) is not lost on the way back.
        # In the survey's order: a row's place among the rows where a loop wrote some out more
        # than once (xlsform_loops), its row number otherwise.
        entries: list[tuple[int, str, str]] = [
            (_place(by_name[name]), "field", name) for name in page["fields"]
        ]
        entries += [(_place(s), "group", n) for n, s in page.get("sections", {}).items()]
        entries += [(_place(r), "repeat", n) for n, r in page.get("repeats", {}).items()]
        for _number, entry, name in sorted(entries):
            if entry != "field":
                wanted = _holder_controls(page, entry, name)
            else:
                item = dict(by_name[name])
                if item.get("generated"):
                    continue  # added by or_other, which adds it again
                wanted = _controls_around(page, item)
            while open_controls and open_controls != wanted[: len(open_controls)]:
                kind, _name = open_controls.pop()
                _append(survey, [f"end_{kind}"])
            for kind, control in wanted[len(open_controls) :]:
                holder = page["repeats"][control] if kind == "repeat" else page["sections"][control]
                _append(
                    survey,
                    _row({**holder, "type": f"begin_{kind}"}, columns, kept.get("survey", [])),
                )
                open_controls.append((kind, control))
            if entry != "field":
                continue
            if item.pop("alias_constraint", False):
                item["constraint"] = None  # the older type adds it again
            if item.pop("alias_hint", False):
                item["hint"] = None
            if item.get("written_type"):
                item["type"] = item["written_type"]
            elif item.get("external"):
                item["type"] = f"select_one_external {item['external']}"
            elif item.get("entries_of"):
                item["type"] = f"{item['type']} ${{{item['entries_of']}}}"
            elif item.get("from_file"):
                item["type"] = f"{item['type']}_from_file {item['list_name']}"
            elif item["list_name"]:
                other = " or_other" if item.get("or_other") else ""
                item["type"] = f"{item['type']} {item['list_name']}{other}"
            _append(survey, _row(item, columns, kept.get("survey", [])))
        while open_controls:
            kind, _name = open_controls.pop()
            _append(survey, [f"end_{kind}"])
        if wrapped:
            _append(survey, ["end_group"])

    choices = book.create_sheet("choices")
    # The choices of attached files go back in their files (xlsform_files.to_csv).
    externals = {
        f["external"]: definition["choices"][external_key(f["external"])]
        for f in definition["fields"]
        if f.get("external")
    }
    lists = {
        k: v
        for k, v in definition["choices"].items()
        if k not in definition.get("files", {})
        and k not in {external_key(name) for name in externals}
    }
    _choice_sheet(choices, lists, languages, kept.get("choices", []))

    if externals:
        _choice_sheet(book.create_sheet("external_choices"), externals, languages)

    settings = {
        k: v
        for k, v in {
            **definition.get("settings", {}),
            **definition.get("kept_settings", {}),
        }.items()
        if v
    }
    if settings:
        sheet = book.create_sheet("settings")
        _append(sheet, list(settings))
        _append(sheet, list(settings.values()))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _place(holder: Mapping[str, Any]) -> int:
    return int(holder.get("position", holder["row"]))
