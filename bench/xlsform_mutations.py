"""Forms nobody wrote: the corpus's XLSForms changed at random, against Heard's promises.

    .venv/bin/python bench/xlsform_mutations.py [--variants 6] [--seed 1] [--limit N]

The corpus (bench/xlsform_corpus/) measures how many real forms Heard takes; every refinement of
the importer since was made looking at it, so it no longer says how Heard meets a form it has
never seen. This runner makes such forms: each corpus form's cells (read as the grid of text a
spreadsheet shows) is changed by one to three seeded edits of the kinds people make (a row
deleted, moved or copied, a type or a name changed, a formula typed wrong, a column renamed, a
choice or a sheet dropped, a settings value changed, rows put in a group or a repeat, a begin or
end row too many), written as an .xlsx, and read by pyxform 4.5 and by Heard. For each variant
it checks what Heard promises:

- **no crash**: Heard accepts the form or refuses it with problems (`FormError`), nothing else;
- **nothing pyxform refuses is accepted**;
- for a form Heard accepts: **every page renders** (question views and their HTML, in English and
  French, unanswered) and **reads back** (a page sent empty, and the page's logic for the
  browser, as JSON); **a respondent who types anything** (answers of each type, likely and odd,
  seeded by the form's bytes) goes through every page, with entries added to repeats, and then
  the check page lists the answers and every export format (CSV, XLSX, SPSS, Stata, codebooks)
  takes them (answers that break a rule left out: sending is refused until they are changed),
  with no error other than the page's messages; and **the way back**: the XLSForm Heard writes
  gives pyxform's XForm of the form read, compared as canonical XML (attributes in any order);
  forms with rows set aside are left out of this check: the way back drops those rows, as the
  lead's guide says.

A variant's seed is (--seed, form, variant number), so any finding can be made again with
`--only FORM_ID --variants N`. Results go to bench/results/xlsform_mutations.json; findings are
printed with the edits that led to them. Nothing here is tuned: it finds faults, it is not a
figure to improve by choosing seeds.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import random
import signal
import sys
import time
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench import xlsform_corpus as corpus  # noqa: E402 - the corpus runner's workers and readers

DEFAULT_OUT = ROOT / "bench" / "results" / "xlsform_mutations.json"

Grid = dict[str, list[list[str]]]  # sheet name: rows of cells, the first row the header

TYPES = [
    "text", "integer", "decimal", "date", "time", "dateTime", "note", "acknowledge", "trigger",
    "calculate", "range", "rank", "select_one yes_no", "select_multiple yes_no",
    "select_one_from_file cities.csv", "select_one_external places", "begin_group", "end_group",
    "begin_repeat", "end_repeat", "begin group", "end group", "begin repeat", "end repeat",
    "geopoint", "image", "barcode", "hidden", "start", "end", "today", "deviceid", "username",
    "string", "int", "select one yes_no or_other", "select_one", "phone number", "percentage",
    "xml-external people", "csv-external people", "audit", "begin loop over yes_no", "end loop",
    "unknown_type", "",
]  # fmt: skip
COLUMNS = [
    "relevant", "constraint", "constraint_message", "required", "required_message", "calculation",
    "default", "choice_filter", "repeat_count", "parameters", "appearance", "label", "hint",
    "trigger", "read_only", "name", "type", "label::English (en)", "label::Français (fr)",
    "hint::fr", "media::image", "body::accuracyThreshold", "guidance_hint", "label:en",
]  # fmt: skip
LITERALS = [
    "", " ", "yes", "no", "true()", "false()", "TRUE", "1", "0", "-1", "1e309", "NaN", "3.5",
    "'a'", '"b"', "’c’", ".", "..", "${", "}", "$", "${}", "${x", "=1+1", "(", ")", "[", "]",
    "/data/x", "current()/..", "instance('x')/root/item", "today()", "now()", "random()",
    "once(uuid())", "format-date(today(), '%Y')", "selected(., 'a')", "count-selected(.)",
    "position(..)", "indexed-repeat(., ., 1)", "concat('a', 'b')", "if(1, 2)", "pulldata('a')",
    "randomize=true", "start=1 end=10 step=0", "seed=${x}", "minimal", "field-list", "likert",
    "multiline", "search('x')", "<b>bold</b>", "**bold**", "\n", "\t", "a" * 300, "é" * 3,
    "\u00a0", "\u200b", "😀", "label", "1,2", "2018-02-30", "2018-01-01", "12:00", "-0",
]  # fmt: skip
EXPRESSION_COLUMNS = {
    "relevant", "constraint", "calculation", "required", "choice_filter", "repeat_count",
    "default", "read_only", "trigger", "parameters",
}  # fmt: skip
SNIPPETS = [*"()[]'\",.{}$/=<>!+-*", " and ", " or ", " div ", " mod ", "${", "}", "  "]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_grid(path: Path, fmt: str) -> Grid:
    """The cells of a form as text, sheet by sheet, as a spreadsheet shows them."""
    if fmt == "md":
        from pyxform.xls2json_backends import _md_table_to_ss_structure

        structure = _md_table_to_ss_structure(path.read_text(encoding="utf-8"))
        return {
            name: [[_text(c) for c in row] for row in rows or []]
            for name, rows in structure.items()
        }
    if fmt == "xlsx":
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        grid = {
            sheet.title: [[_text(c) for c in row] for row in sheet.iter_rows(values_only=True)]
            for sheet in book.worksheets
        }
        book.close()
        return grid
    if fmt == "xls":
        import xlrd

        book = xlrd.open_workbook(path)
        return {
            sheet.name: [[_text(c) for c in sheet.row_values(r)] for r in range(sheet.nrows)]
            for sheet in book.sheets()
        }
    # pyxform's CSV layout: a row whose first cell names a sheet starts it (and is its header).
    grid: Grid = {}
    current: list[list[str]] | None = None
    for row in csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig", "replace"))):
        if row and row[0].strip():
            current = grid.setdefault(row[0].strip(), [])
            current.append(row[1:])
        elif current is not None:
            current.append(row[1:] if row else [])
    return grid


def write_xlsx(grid: Grid) -> bytes:
    return corpus.grid_to_xlsx(
        {
            name[:31] or "Sheet": [[cell or None for cell in row] for row in rows]
            for name, rows in grid.items()
        }
    )


# Edits ------------------------------------------------------------------------------------------


def _sheet(grid: Grid, rng: random.Random, *prefer: str) -> tuple[str, list[list[str]]] | None:
    names = [n for n in grid if n.lower() in prefer] or list(grid)
    names = [n for n in names if grid[n]]
    if not names:
        return None
    name = rng.choice(names)
    return name, grid[name]


def _data_row(rows: list[list[str]], rng: random.Random) -> int | None:
    return rng.randrange(1, len(rows)) if len(rows) > 1 else None


def _column(rows: list[list[str]], header: str, add: bool = True) -> int:
    for index, cell in enumerate(rows[0]):
        if cell.strip().lower() == header.lower():
            return index
    if not add:
        return -1
    rows[0].append(header)
    return len(rows[0]) - 1


def _set(row: list[str], index: int, value: str) -> None:
    while len(row) <= index:
        row.append("")
    row[index] = value


def _names(grid: Grid) -> list[str]:
    survey = next((rows for n, rows in grid.items() if n.lower() == "survey"), [])
    if not survey:
        return []
    index = _column(survey, "name", add=False)
    return [r[index] for r in survey[1:] if index >= 0 and index < len(r) and r[index]]


def _value(grid: Grid, rng: random.Random) -> str:
    names = _names(grid)
    pick = rng.random()
    if names and pick < 0.35:
        name = rng.choice(names)
        return rng.choice(
            [
                f"${{{name}}}",
                f"${{{name}}} = 'a'",
                f"${{{name}}} > 1",
                f"selected(${{{name}}}, 'yes')",
                f"string-length(${{{name}}}) < 5",
                f"Hello ${{{name}}}",
                f"${{last-saved#{name}}}",
                f"count(${{{name}}})",
            ]
        )
    return rng.choice(LITERALS)


def drop_row(grid: Grid, rng: random.Random) -> str | None:
    found = _sheet(grid, rng, "survey", "choices")
    if found is None or (row := _data_row(found[1], rng)) is None:
        return None
    del found[1][row]
    return f"deleted {found[0]} row {row + 1}"


def copy_row(grid: Grid, rng: random.Random) -> str | None:
    found = _sheet(grid, rng, "survey", "choices")
    if found is None or (row := _data_row(found[1], rng)) is None:
        return None
    to = rng.randrange(1, len(found[1]) + 1)
    found[1].insert(to, list(found[1][row]))
    return f"copied {found[0]} row {row + 1} to {to + 1}"


def move_row(grid: Grid, rng: random.Random) -> str | None:
    found = _sheet(grid, rng, "survey")
    if found is None or (row := _data_row(found[1], rng)) is None:
        return None
    moved = found[1].pop(row)
    to = rng.randrange(1, len(found[1]) + 1)
    found[1].insert(to, moved)
    return f"moved {found[0]} row {row + 1} to {to + 1}"


def set_type(grid: Grid, rng: random.Random) -> str | None:
    found = _sheet(grid, rng, "survey")
    if found is None or (row := _data_row(found[1], rng)) is None:
        return None
    value = rng.choice(TYPES)
    _set(found[1][row], _column(found[1], "type"), value)
    return f"survey row {row + 1} type = {value!r}"


def set_cell(grid: Grid, rng: random.Random) -> str | None:
    found = _sheet(grid, rng, "survey", "choices", "settings")
    if found is None or (row := _data_row(found[1], rng)) is None:
        return None
    header = rng.choice([h for h in found[1][0] if h.strip()] + COLUMNS)
    value = _value(grid, rng)
    _set(found[1][row], _column(found[1], header), value)
    return f"{found[0]} row {row + 1} {header} = {value[:40]!r}"


def mistype(grid: Grid, rng: random.Random) -> str | None:
    """A formula typed wrong: a character or a word added, removed or doubled."""
    found = _sheet(grid, rng, "survey")
    if found is None:
        return None
    rows = found[1]
    cells = [
        (r, c)
        for c, header in enumerate(rows[0])
        if header.strip().lower() in EXPRESSION_COLUMNS
        for r in range(1, len(rows))
        if c < len(rows[r]) and rows[r][c].strip()
    ]
    if not cells:
        return None
    r, c = rng.choice(cells)
    text = rows[r][c]
    at = rng.randrange(len(text) + 1)
    how = rng.randrange(3)
    if how == 0:
        text = text[:at] + rng.choice(SNIPPETS) + text[at:]
    elif how == 1 and text:
        at = min(at, len(text) - 1)
        text = text[:at] + text[at + 1 :]
    else:
        end = min(len(text), at + rng.randrange(1, 6))
        text = text[:end] + text[at:end] + text[end:]
    rows[r][c] = text
    return f"survey row {r + 1} {rows[0][c]} mistyped as {text[:60]!r}"


def rename_column(grid: Grid, rng: random.Random) -> str | None:
    found = _sheet(grid, rng, "survey", "choices")
    if found is None or not found[1][0]:
        return None
    headers = found[1][0]
    index = rng.randrange(len(headers))
    old = headers[index]
    new = rng.choice(
        [
            old.upper(),
            old + "::English (en)",
            old + "::fr",
            old + ":en",
            old.replace("::", ":"),
            old.replace("_", " "),
            old + " ",
            rng.choice(COLUMNS),
            "",
        ]
    )
    headers[index] = new
    return f"{found[0]} column {old!r} renamed {new!r}"


def drop_sheet(grid: Grid, rng: random.Random) -> str | None:
    names = [n for n in grid if n.lower() != "survey"]
    if not names:
        return None
    name = rng.choice(names)
    del grid[name]
    return f"sheet {name!r} removed"


def settings(grid: Grid, rng: random.Random) -> str | None:
    rows = next((r for n, r in grid.items() if n.lower() == "settings"), None)
    if rows is None:
        rows = grid["settings"] = [[]]
    if len(rows) < 2:
        rows.append([])
    header = rng.choice(
        ["default_language", "form_id", "form_title", "version", "style", "allow_choice_duplicates"]
    )
    value = rng.choice(
        ["English (en)", "fr", "French", "Español (es)", "", "x y", "1", "yes", "pages", "😀"]
    )
    _set(rows[1], _column(rows, header), value)
    return f"settings {header} = {value!r}"


def nest(grid: Grid, rng: random.Random) -> str | None:
    """Some rows put in a group or a repeat of their own (inside whatever holds them)."""
    found = _sheet(grid, rng, "survey")
    if found is None or len(found[1]) < 2:
        return None
    rows = found[1]
    first = rng.randrange(1, len(rows))
    last = rng.randrange(first, len(rows))
    kind = rng.choice(["group", "repeat"])
    width = len(rows[0])
    begin = [""] * width
    _set(begin, _column(rows, "type"), f"begin_{kind}")
    _set(begin, _column(rows, "name"), f"nested_{first}")
    label = next((i for i, h in enumerate(rows[0]) if h.strip().lower().startswith("label")), None)
    if label is not None:
        _set(begin, label, "Nested")
    end = [""] * len(rows[0])
    _set(end, _column(rows, "type"), f"end_{kind}")
    rows.insert(last + 1, end)
    rows.insert(first, begin)
    return f"survey rows {first + 1}-{last + 1} put in a {kind}"


def unbalance(grid: Grid, rng: random.Random) -> str | None:
    """A begin or end row too many."""
    found = _sheet(grid, rng, "survey")
    if found is None:
        return None
    rows = found[1]
    kind = rng.choice(["begin_group", "end_group", "begin_repeat", "end_repeat"])
    line = [""] * len(rows[0])
    _set(line, _column(rows, "type"), kind)
    if kind.startswith("begin"):
        _set(line, _column(rows, "name"), "extra")
    at = rng.randrange(1, len(rows) + 1)
    rows.insert(at, line)
    return f"{kind} row inserted at {at + 1}"


EDITS = [drop_row, copy_row, move_row, set_type, set_cell, set_cell, mistype, mistype,
         rename_column, drop_sheet, settings, nest, unbalance]  # fmt: skip


def mutate(grid: Grid, rng: random.Random) -> list[str]:
    done: list[str] = []
    for _ in range(rng.randint(1, 3)):
        for _attempt in range(5):
            said = rng.choice(EDITS)(grid, rng)
            if said:
                done.append(said)
                break
    return done


# Checks (in a worker) ---------------------------------------------------------------------------


class _Empty(dict):
    def getlist(self, key: str) -> list[str]:
        return []


# What respondents type, the likely and the odd, by question type.
TYPED = {
    "text": ["", "Plenty to say", "<script>alert(1)</script>", "😀 é", "a" * 3000, "  ", "${x}"],
    "integer": ["", "1", "-5", "abc", "1e309", "99999999999999999999", "3.5", "0", "٣"],
    "decimal": ["", "1.5", "NaN", "inf", "-0", "1e309", "abc", "1,5", "0.1"],
    "range": ["", "1", "5", "11", "2.5", "x", "-1"],
    "date": ["", "2020-01-01", "2020-02-30", "0001-01-01", "9999-12-31", "01/02/2020"],
    "datetime": ["", "2020-01-01T10:00", "2020-01-01T25:00", "2020-01-01", "x"],
    "time": ["", "10:00", "25:61", "23:59:59", "x"],
    "acknowledge": ["", "OK", "yes"],
    "geopoint": ["", "45.42 -75.69", "45,42 -75,69", "91 0", "1e309 0", "x y", "0 0 -5 -1"],
    "geotrace": ["", "1 1;2 2", "1 1", "1 1\n2 2\n3 3", "1 1;x", "1 1;" * 600],
    "geoshape": ["", "1 1;1 2;2 2", "1 1;1 1;1 1", "1 1\n1 2\n2 2\n1 1", "0 0;0 0;-90 180"],
}


def _post(form: Any, page: dict[str, Any], values: dict[str, Any], rng: random.Random) -> Any:
    """A page as a respondent might send it: answers of every kind, some of them nonsense."""
    from django.http import QueryDict

    from heard.questionnaires.answer_files import FILE_TYPES

    post = QueryDict(mutable=True)
    for name in form.names_on(page, values):
        item = form.item(name)
        kind = item["type"]
        if kind in FILE_TYPES:
            continue  # a file comes through the page's view (answer_files), not the form
        if item["list_name"] or kind in ("select_one", "select_multiple", "rank"):
            names = [c.name for c in form.all_choices(name)] or ["x"]
            if kind == "rank":
                for choice in names:
                    post[f"{name}__{choice}"] = rng.choice(["", "1", "2", "9", "x"])
            elif kind == "select_multiple":
                post.setlist(name, rng.sample([*names, "nope"], k=rng.randint(0, len(names) + 1)))
            else:
                post[name] = rng.choice([*names, "", "nope"])
        else:
            post[name] = rng.choice(TYPED.get(kind, TYPED["text"]))
    for repeat in page.get("repeats", {}).values():
        post[repeat["name"]] = rng.choice(["", "0", "1", "3", "60", "x"])
    return post


def respond(form: Any, definition: dict[str, Any], rng: random.Random) -> None:
    """A respondent goes through every page twice, in both languages, sending what `_post` makes
    (and adding an entry to a repeat now and then); then the check page's list of answers."""
    from django.utils import translation

    from heard.questionnaires.rendering import answer_text, question_label, question_views
    from heard.questionnaires.templatetags.questionnaire import question_html

    answers: dict[str, Any] = {}
    for language in ("en", "fr", "en"):
        with translation.override(language):
            for page in definition["pages"]:
                values = form.clean(answers)
                post = _post(form, page, values, rng)
                values, errors = form.read_page(page, post, answers, language)
                for repeat in page.get("repeats", {}).values():
                    if not repeat["count"] and rng.random() < 0.3:
                        values = form.with_entry_added(values, repeat["name"])
                answers = form.stored(values)
                for view in question_views(form, page, form.clean(answers), language, errors, post):
                    question_html(view)
            values = form.clean(answers)
            form.problems(answers, language)
            for name in form.all_names(values):
                question_label(form, name, values, language)
                answer_text(form, name, values.get(name), language, values)
    # The answers as a submitted response, in every export format and both languages. Sending
    # is refused while an answer breaks a rule (the check page lists it), so those answers are
    # left out, as the respondent would have had to clear or change them.
    from datetime import UTC, datetime

    from heard.questionnaires import exporting

    broken = form.problems(answers, "en")
    answers = form.stored(
        form.clean({k: v for k, v in form.clean(answers).items() if k not in broken})
    )
    row = {
        "response_id": "R00001",
        "version": 1,
        "language": "fr",
        "channel": "online",
        "submitted_at": datetime(2026, 12, 6, 12, 0, tzinfo=UTC),
        "answers": answers,
    }
    for fmt in exporting.ExportFormat:
        for language in ("en", "fr"):
            exporting.export(definition, [row, {**row, "response_id": "R00002"}], fmt, language)


def promises(data: bytes, filename: str) -> dict[str, Any]:
    """Heard's verdict and, for an accepted form, what it promises of it."""
    from xml.etree.ElementTree import canonicalize

    from django.utils import translation

    from heard.questionnaires import xlsform
    from heard.questionnaires.form import Form
    from heard.questionnaires.rendering import question_views
    from heard.questionnaires.templatetags.questionnaire import question_html
    from heard.questionnaires.xlsform_export import to_xlsx

    signal.alarm(corpus._STEP_SECONDS)
    step = "read"
    verdict: dict[str, Any] = {"outcome": "accepted"}
    try:
        try:
            definition, xform = xlsform.parse(data, filename)
        except xlsform.FormError as error:
            return {"outcome": "refused", "problems": [str(p.reason) for p in error.problems]}
        form = Form(definition)
        for language in ("en", "fr"):
            with translation.override(language):
                for page in definition["pages"]:
                    step = f"render page {page.get('name')} in {language}"
                    for view in question_views(form, page, {}, language):
                        question_html(view)
                    step = f"read page {page.get('name')} sent empty"
                    form.read_page(page, _Empty(), {}, language)
                    step = f"logic of page {page.get('name')}"
                    json.dumps(form.logic_for(page, {}))
        step = "a respondent's answers"
        respond(form, definition, random.Random(hashlib.sha256(data).digest()))
        verdict["round_trip"] = None
        if not definition.get("set_aside"):
            step = "way back"
            from heard.questionnaires.xlsform_files import attached_files

            exported = to_xlsx(definition)
            _again, xform_again = xlsform.parse(
                exported, "again.xlsx", attachments=attached_files(definition)
            )
            # The same XForm up to the order of an element's attributes, which XML gives no
            # meaning (Heard writes the columns in its own order; pyxform follows the columns').
            verdict["round_trip"] = canonicalize(xform_again) == canonicalize(xform)
    except corpus.StepTimeout:
        verdict.update(outcome="crash", crash=f"{step}: timeout after {corpus._STEP_SECONDS} s")
    except xlsform.FormError as error:
        verdict.update(
            outcome="crash",
            crash=f"{step}: refused: {'; '.join(str(p.reason) for p in error.problems)[:300]}",
        )
    except Exception as exc:
        verdict.update(outcome="crash", crash=f"{step}: {corpus.last_line(exc)}")
    finally:
        signal.alarm(0)
    return verdict


def run_variant(job: tuple[dict, str]) -> dict[str, Any]:
    form, path_text = job
    started = time.perf_counter()
    edits: list[str] = []
    try:
        grid = read_grid(Path(path_text), form["format"])
        rng = random.Random(f"{form['seed']}|{form['base']}|{form['variant']}")
        if form["variant"]:  # variant 0 is the form itself, rewritten: the reference point
            edits = mutate(grid, rng)
        data = write_xlsx(grid)
    except Exception as exc:  # the grid could not be read or written: not Heard's doing
        return {**form, "edits": edits, "skipped": corpus.last_line(exc)}
    pyxform_ok, pyxform_error = corpus.pyxform_verdict(data, ".xlsx")
    heard = promises(data, PurePosixPath(form["base"]).stem + ".xlsx")
    return {
        "id": form["id"],
        "base": form["base"],
        "variant": form["variant"],
        "edits": edits,
        "sha256": hashlib.sha256(data).hexdigest()[:16],
        "pyxform_ok": pyxform_ok,
        "pyxform_error": pyxform_error,
        "heard": heard["outcome"],
        "crash": heard.get("crash"),
        "round_trip": heard.get("round_trip"),
        "problems": len(heard.get("problems", [])),
        "seconds": round(time.perf_counter() - started, 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", type=int, default=6, help="changed copies of each form")
    parser.add_argument("--seed", default="1")
    parser.add_argument("--limit", type=int, help="only the first N forms of the corpus")
    parser.add_argument("--only", help="one form, by its corpus id")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=60, help="seconds per step and variant")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()

    fetch = corpus.load_fetch()
    try:
        forms = fetch.fetch(verbose=False)
    except fetch.FetchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.only:
        forms = [(f, p) for f, p in forms if f["id"] == args.only]
    if args.limit:
        forms = forms[: args.limit]
    jobs = [
        (
            {
                "id": f"{form['id']}~{n}",
                "base": form["id"],
                "variant": n,
                "format": form["format"],
                "seed": args.seed,
            },
            str(path),
        )
        for form, path in forms
        for n in range(args.variants + 1)
    ]
    print(f"{len(forms)} forms, {args.variants} variants each and the form itself", flush=True)
    started = time.perf_counter()
    corpus.run_form = run_variant  # the pool's workers run what the corpus runner names
    rows = corpus.run_all(jobs, args.workers, args.timeout)
    rows = [r if "base" in r else {**r, "edits": []} for r in rows]

    variants = [r for r in rows if r.get("variant") and not r.get("skipped")]
    crashes = [r for r in rows if r.get("heard") == "crash"]
    false_accepts = [r for r in rows if r.get("heard") == "accepted" and not r.get("pyxform_ok")]
    round_trips = [r for r in rows if r.get("round_trip") is not None]
    differ = [r for r in round_trips if r["round_trip"] is False]
    summary = {
        "forms": len(forms),
        "variants": len(variants),
        "skipped": sum(1 for r in rows if r.get("skipped")),
        "pyxform_compiles": sum(1 for r in variants if r["pyxform_ok"]),
        "heard_accepts": sum(1 for r in variants if r["heard"] == "accepted"),
        "crashes": len(crashes),
        "accepted_but_pyxform_refuses": len(false_accepts),
        "way_back_checked": len(round_trips),
        "way_back_differs": len(differ),
    }
    commit, uncommitted = corpus.provenance()
    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit,
        "heard_uncommitted_files": len(uncommitted),
        "seed": args.seed,
        "seconds": round(time.perf_counter() - started, 1),
        "summary": summary,
        "findings": {
            "crashes": crashes,
            "accepted_but_pyxform_refuses": false_accepts,
            "way_back_differs": differ,
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for key, value in summary.items():
        print(f"{key:32} {value}")
    for title, found in result["findings"].items():
        for r in found[:40]:
            print(f"\n[{title}] {r['id']}\n  edits: {r['edits']}")
            heard = r.get("crash") or r["heard"]
            print(f"  pyxform: {r['pyxform_error'] or 'compiles'}; heard: {heard}")
    print(f"\n{result['seconds']} s; written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
