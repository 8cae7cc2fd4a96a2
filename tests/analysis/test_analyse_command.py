"""`heard analyse` from the command line: progress, a readable summary, clear errors."""

from __future__ import annotations

import io
import json

import pytest

from heard.analysis.commands import ProgressPrinter, format_summary
from heard.cli import main
from tests.analysis.test_pipeline_stages import CODEBOOK, _records, _write

# The analysis engine alone (no database): CI runs these on SQLite and on Python 3.13, not again
# on PostgreSQL.
pytestmark = pytest.mark.engine


@pytest.mark.slow
def test_analyse_prints_progress_and_a_summary(tmp_path, capsys):
    source = _write(tmp_path / "answers.jsonl", _records(online=30, shelter=30, seed=4, prefix="R"))
    out = tmp_path / "out"
    code = main(
        ["analyse", str(source), "--codebook", str(CODEBOOK), "--out", str(out), "--workers", "1"]
    )
    captured = capsys.readouterr()
    assert code == 0
    stages = (
        "redact",
        "campaigns",
        "meaning",  # 60 answers: by default the command reads their meaning too
        "fitting the coder",
        "codes",
        "themes",
        "comparisons",
        "quotes",
        "records to code next",
        "write",
    )
    finished = [line for line in captured.err.splitlines() if ": finished in" in line]
    assert [line.split(":")[0].strip() for line in finished] == list(stages)
    assert "warning" not in captured.err
    assert "Analysed 60 records" in captured.out
    assert "Online recruitment (online-recruitment)" in captured.out
    assert "Shelters and housing (shelters-housing)" in captured.out
    assert sorted(path.name for path in out.iterdir()) == [
        "manifest.json",
        "records.jsonl",
        "summary.json",
    ]


def test_bad_input_is_named_and_nothing_is_written(tmp_path, capsys):
    source = tmp_path / "answers.csv"
    source.write_text("id,text\n1,Fine answer\n1,Same id again\n,No id\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["analyse", str(source), "--codebook", str(CODEBOOK), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert "answers.csv: line 3: duplicate id" in err and "line 4: missing id" in err
    assert "Nothing was written." in err
    assert not out.exists()


def test_a_broken_codebook_is_reported(tmp_path, capsys):
    source = _write(tmp_path / "answers.jsonl", _records(online=3, shelter=3, seed=5, prefix="R"))
    codebook = tmp_path / "codebook.yaml"
    codebook.write_text(
        "codes:\n  - key: a\n    name: {en: A}\n  - key: A\n    name: {en: B}\n",
        encoding="utf-8",
    )
    code = main(["analyse", str(source), "--codebook", str(codebook), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 2
    assert "codebook.yaml: line 4, codes[1].key: duplicate key 'A' (first at line 2 as 'a'" in err
    assert not (tmp_path / "o").exists()


def test_a_json_codebook_is_read_and_its_errors_located(tmp_path, capsys):
    source = _write(tmp_path / "answers.jsonl", _records(online=10, shelter=10, seed=6, prefix="R"))
    codebook = tmp_path / "codebook.json"
    codebook.write_text('{"codes": [\n  {"key": "gap", "name": {"en": "Gap"}}\n  ]', "utf-8")
    out = tmp_path / "out"
    arguments = ["analyse", str(source), "--codebook", str(codebook), "--out", str(out)]
    assert main([*arguments, "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert "codebook.json: line 3, column 4: bad JSON: Expecting ',' delimiter" in err
    assert not out.exists()
    codebook.write_text(
        json.dumps(
            {
                "codes": [
                    {
                        "key": "Online-Recruitment",
                        "name": {"en": "Online recruitment"},
                        "keywords": {"en": ["social media"], "fr": ["médias sociaux"]},
                    },
                    {"key": "shelters", "name": {"en": "Shelters", "fr": "Refuges"}},
                ]
            }
        ),
        "utf-8",
    )
    assert main([*arguments, "--workers", "1"]) == 0
    captured = capsys.readouterr()
    # French names are needed to publish, not to analyse: a warning names the codes.
    assert (
        "heard analyse: warning: 1 code of the codebook has no French name: Online-Recruitment."
    ) in captured.err
    assert "Online recruitment (Online-Recruitment)" in captured.out


def test_a_codebook_without_codes_looks_for_themes_only(tmp_path, capsys):
    source = _write(tmp_path / "answers.jsonl", _records(online=30, shelter=30, seed=7, prefix="R"))
    codebook = tmp_path / "codebook.toml"
    codebook.write_text('title = {en = "Themes only", fr = "Thèmes seulement"}\ncodes = []\n')
    out = str(tmp_path / "out")
    code = main(
        ["analyse", str(source), "--codebook", str(codebook), "--out", out, "--workers", "1"]
    )
    captured = capsys.readouterr()
    assert code == 0
    assert "Codes: none (the codebook has no codes), so only themes were looked for." in (
        captured.out
    )
    assert "Candidate themes beyond the codebook:" in captured.out
    assert "  codes: finished" not in captured.err and "fitting the coder" not in captured.err


@pytest.mark.slow
def test_records_without_a_consent_field_are_warned_of(tmp_path, capsys):
    records = _records(online=10, shelter=10, seed=8, prefix="R")
    for record in records:
        del record["consent"]
    source = _write(tmp_path / "answers.jsonl", records)
    out = str(tmp_path / "out")
    code = main(
        ["analyse", str(source), "--codebook", str(CODEBOOK), "--out", out, "--workers", "1"]
    )
    captured = capsys.readouterr()
    assert code == 0
    assert (
        "heard analyse: warning: no record has a value in the consent field 'consent', so no "
        "quote could be chosen"
    ) in captured.err
    assert "--consent-field" in captured.err
    assert "Quotes chosen: 0" in captured.out


def test_a_warning_is_a_line_of_its_own_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    printer = ProgressPrinter(stream, interval=3600)
    printer("codes", 5, 10)
    printer.note("heard analyse: warning: something")
    printer("codes", 6, 10)
    printer("done", 10, 10)
    text = stream.getvalue()
    assert "\r\033[Kheard analyse: warning: something\n" in text
    assert "codes: 6 of 10" in text  # the stage's line is drawn again after the warning


def test_progress_lines_in_a_log_are_throttled():
    stream = io.StringIO()
    printer = ProgressPrinter(stream, interval=3600)
    for done in range(0, 10_001, 100):
        printer("codes", done, 10_000)
    printer("done", 10_000, 10_000)
    lines = stream.getvalue().splitlines()
    # The first report, the last (100%), and the stage's closing line: not one line per call.
    assert lines == [
        "  codes: 0 of 10,000 (0%), 0.0 s",
        lines[1],
        lines[2],
    ]
    assert lines[1].startswith("  codes: 10,000 of 10,000 (100%)")
    assert lines[2].startswith("  codes: finished in")


def test_summary_names_emerging_labels_by_their_codebook_names(tmp_path):
    summary = {
        "records": {"raw": 3, "deduplicated": 2},
        "languages": {"en": {"raw": 3, "deduplicated": 2}},
        "redactions": {},
        "campaigns": [],
        "codes": [
            {
                "key": "online-recruitment",
                "name": {"en": "Online recruitment", "fr": "Recrutement en ligne"},
                "records": {"raw": 2, "deduplicated": 2},
            }
        ],
        "themes": {"themes": []},
        "emerging": [
            {
                "label": "online-recruitment",
                "change": "rising",
                "baseline": {"share": 0.05},
                "current": {"share": 0.5},
            }
        ],
        "quotes": {},
        "to_code_next": [],
    }
    text = format_summary(json.loads(json.dumps(summary)), tmp_path, 1.0)
    assert "Online recruitment (online-recruitment): 5.0% → 50.0%" in text
    assert "1 emerging (new or rising), 0 declining" in text


def test_missing_files_and_bad_options_are_named(tmp_path, capsys):
    code = main(
        ["analyse", str(tmp_path / "nope.jsonl"), "--codebook", str(CODEBOOK), "--out", "o"]
    )
    assert code == 2
    assert "the input file" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["analyse", "x", "--codebook", "y", "--out", "z", "--threshold", "1.5"])
    assert "--threshold: 1.5 is not between 0 and 1" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["analyse", "x", "--codebook", "y", "--out", "z", "--meaning", "sometimes"])
    assert "--meaning: invalid choice: 'sometimes'" in capsys.readouterr().err
