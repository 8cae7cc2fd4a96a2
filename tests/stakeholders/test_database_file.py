"""Names, emails, phone numbers and consent sources never appear in plain text in the database
file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.stakeholders.conftest import write_people_csv

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="reads the SQLite file itself")
def test_the_sqlite_file_holds_no_personal_data_in_plain_text(tmp_path):
    rows = write_people_csv(tmp_path / "people.csv", 300, planted=False)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEARD_", "DATABASE_URL"))}
    env["HEARD_VAR_DIR"] = str(tmp_path / "var")

    def heard(*args: str) -> None:
        subprocess.run(
            [sys.executable, "-m", "heard.cli", *args],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=300,
        )

    heard("load", "--migrate", str(ROOT / "heard" / "examples" / "human-trafficking-2018"))
    heard("import-stakeholders", "human-trafficking-2018", str(tmp_path / "people.csv"))
    # The demo adds its own 300 people to another consultation file: invitations, answers,
    # check-ins, notes and email all go into the same database.
    env["HEARD_EMAIL_URL"] = f"file://{tmp_path / 'mail'}"
    # Words only: what the analysis stores is the same either way, and reading meaning would
    # double this test's time (the sentence model has tests of its own).
    demo_env = dict(env, HEARD_VAR_DIR=str(tmp_path / "demo"), HEARD_ANALYSIS_MEANING="off")
    subprocess.run(
        [sys.executable, "-m", "heard.cli", "demo", "--no-serve"],
        cwd=ROOT,
        env=demo_env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    from heard.stakeholders.fictional import people

    demo_files = list((tmp_path / "demo").glob("heard.sqlite3*"))
    demo_content = b"".join(f.read_bytes() for f in demo_files)
    assert b"demo data" in demo_content  # check-ins happened
    # The demo questionnaire's 42 submissions and drafts: no free-text answer in the clear.
    from heard.questionnaires.fictional import fictional_answers
    from heard.questionnaires.xlsform import parse

    definition, _xform = parse(
        (ROOT / "heard/examples/human-trafficking-2018/questionnaire.xlsx").read_bytes(),
        "questionnaire.xlsx",
    )
    free_text = {f["name"] for f in definition["fields"] if f["type"] == "text"}
    texts = [
        value
        for item in fictional_answers(definition)
        for name, value in item["answers"].items()
        if name in free_text and len(value) > 12
    ]
    assert len(texts) > 100
    for text in texts:
        for piece in (text, text[:40], text.encode("unicode_escape").decode()[:40]):
            assert piece.encode() not in demo_content, text
    for row in people(300):
        for field in ("name", "email", "phone"):
            assert row[field].encode() not in demo_content, (field, row[field])
    files = list((tmp_path / "var").glob("heard.sqlite3*"))  # the database, its WAL and index
    assert files
    content = b"".join(f.read_bytes() for f in files)
    # The data is there, in the clear where allowed: an organisation is not a person.
    assert rows[0]["organisation"].encode() in content
    # Where a person's contact details came from is theirs: encrypted, in both files.
    assert b"Fictional demo registry" not in content
    assert b"Fictional demo registry" not in demo_content
    for row in rows:
        for field in ("name", "email", "phone"):
            assert row[field].encode() not in content, (field, row[field])
        if row["accessibility_needs"]:
            assert row["accessibility_needs"].encode() not in content
