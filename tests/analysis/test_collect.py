"""From a consultation in the database to engine records: the demo's answers and session notes."""

from __future__ import annotations

import json
import stat

import pytest

from heard.analysis.collect import consultation_records, paragraphs
from heard.cli import DEMO_FOLDER, load_everything, main
from heard.events.demo import populate as populate_sessions
from heard.questionnaires.demo import populate as populate_questionnaire
from heard.questionnaires.models import Response, ResponseState


@pytest.fixture
def demo(db):
    consultation = load_everything(DEMO_FOLDER)[0].consultation
    populate_sessions(consultation)
    populate_questionnaire(consultation, DEMO_FOLDER)
    return consultation


def test_paragraphs_split_on_blank_lines_and_bullets():
    text = "First point\ncontinues here.\n\n- second\n- third\n\n\nok"
    assert paragraphs(text) == ["First point continues here.", "- second", "- third"]


def test_demo_answers_and_notes_become_records(demo):
    records = list(consultation_records(demo))
    answers = [record for record in records if record["source"] == "questionnaire"]
    notes = [record for record in records if record["source"] == "session-notes"]
    submitted = Response.objects.filter(state=ResponseState.SUBMITTED).count()
    assert submitted == 42
    assert len({record["id"].split("-")[0] for record in answers}) == submitted
    assert notes, "the demo's session notes are part of what the consultation heard"
    assert len({record["id"] for record in records}) == len(records)
    for record in answers:
        assert record["text"].strip() == record["text"] and record["text"]
        assert record["consent"] is True  # the demo's respondents acknowledged the notice
        assert record["channel"] in ("online", "email", "paper")
        assert record["sector"] and record["region"]
    for record in notes:
        assert record["consent"] is None  # a facilitator's notes are never quoted
        assert record["channel"] == "session" and record["event"]
    languages = {record.get("answer_language") for record in records}
    assert {"en", "fr"} <= languages


def test_export_records_command_writes_a_private_file(demo, tmp_path, capsys):
    target = tmp_path / "records.jsonl"
    assert main(["export-records", demo.key, "--out", str(target)]) == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(list(consultation_records(demo)))
    assert all(json.loads(line)["text"] for line in lines)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "unredacted" in capsys.readouterr().out


def test_the_demo_is_analysed_end_to_end(demo, tmp_path, capsys):
    records = tmp_path / "records.jsonl"
    assert main(["export-records", demo.key, "--out", str(records)]) == 0
    out = tmp_path / "analysis"
    codebook = DEMO_FOLDER / "codebook.yaml"
    command = ["analyse", str(records), "--codebook", str(codebook), "--out", str(out)]
    assert main([*command, "--workers", "1", "--meaning", "off"]) == 0  # words: quicker
    printed = capsys.readouterr().out
    exported = records.read_text(encoding="utf-8").splitlines()
    assert f"Analysed {len(exported)} records" in printed
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    analysed = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(analysed) == len(exported)
    # Every pillar of the strategy comes up in what the demo's people said, and notes are
    # compared with answers.
    counts = {code["key"]: code["records"]["raw"] for code in summary["codes"]}
    for pillar in ("prevention", "protection", "prosecution", "partnerships", "empowerment"):
        assert counts[pillar] > 0, pillar
    assert {"questionnaire", "session-notes"} <= set(
        summary["prevalence"]["segments"]["source"]["values"]
    )
    notes = {json.loads(line)["id"] for line in exported if '"session-notes"' in line}
    quoted = {q["id"] for entry in summary["quotes"].values() for q in entry["quotes"]}
    assert quoted and not quoted & notes
