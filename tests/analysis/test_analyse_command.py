"""`heard analyse` from the command line: progress, a readable summary, clear errors."""

from __future__ import annotations

import io
import json

import pytest

from heard.analysis.commands import ProgressPrinter, format_summary
from heard.cli import main
from tests.analysis.test_pipeline_stages import CODEBOOK, _records, _write


def test_analyse_prints_progress_and_a_summary(tmp_path, capsys):
    source = _write(tmp_path / "answers.jsonl", _records(online=30, shelter=30, seed=4, prefix="R"))
    out = tmp_path / "out"
    code = main(
        ["analyse", str(source), "--codebook", str(CODEBOOK), "--out", str(out), "--workers", "1"]
    )
    captured = capsys.readouterr()
    assert code == 0
    for stage in ("redact", "campaigns", "codes", "themes", "comparisons", "quotes", "write"):
        assert f"  {stage}: finished in" in captured.err
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
    assert not out.exists() or list(out.iterdir()) == []


def test_a_broken_codebook_is_reported(tmp_path, capsys):
    source = _write(tmp_path / "answers.jsonl", _records(online=3, shelter=3, seed=5, prefix="R"))
    codebook = tmp_path / "codebook.yaml"
    codebook.write_text("codes:\n  - key: a\n    name: {en: A}\n", encoding="utf-8")
    code = main(["analyse", str(source), "--codebook", str(codebook), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 2 and "codebook.yaml" in err and "fr" in err


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
