"""Import 100,000 stakeholders with planted bad rows, twice, and record the times.

    .venv/bin/python bench/import_100k.py            # SQLite file in a temporary folder
    DATABASE_URL=postgres://… .venv/bin/python bench/import_100k.py

Checks as it goes that every good row was imported, every planted bad row reported with its row
number and reason, and that the second import changed nothing. The baseline, measured in the
same run, is reading the same file with `read_table` alone; results go to
bench/results/import_100k.jsonl.
"""

from __future__ import annotations

import csv
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
BAD_EVERY = 997  # one planted bad row in about a thousand, of eight kinds


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="heard-bench-"))
    os.environ.setdefault("HEARD_VAR_DIR", str(workdir / "var"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "heard.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from heard.cli import load_everything
    from heard.stakeholders.fictional import people
    from heard.stakeholders.importing import FIELDS, import_people
    from heard.stakeholders.models import Person
    from heard.stakeholders.tables import read_table

    if connection.vendor == "postgresql":
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    consultation, _ = load_everything(ROOT / "heard" / "examples" / "human-trafficking-2018")
    consultation = consultation.consultation
    Person.objects.filter(consultation=consultation).delete()

    # The file: fictional people, with a planted problem every BAD_EVERY rows.
    kinds = [
        ("email", "not-an-address@", "not a valid e-mail address"),
        ("sector", "Polce", "unknown sector"),
        ("name", "", "required value is missing"),
        ("language", "Klingon", "neither English nor French"),
        ("consent_date", "last spring", "not a date"),
        ("region", "Atlantis", "unknown province"),
        ("phone", "call me", "not a phone number"),
        ("email", None, "same e-mail address as row"),
    ]
    rows = list(people(ROWS))
    planted: dict[int, str] = {}
    for n, index in enumerate(range(BAD_EVERY, ROWS, BAD_EVERY)):
        column, value, reason = kinds[n % len(kinds)]
        rows[index][column] = rows[index - 1]["email"] if value is None else value
        planted[index + 2] = reason  # +2: the header is row 1
    path = workdir / "people.csv"
    fieldnames = [f for f in FIELDS if f != "organisation_fr"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fieldnames)
        writer.writeheader()
        writer.writerows(rows)

    started = time.perf_counter()
    _headers, data = read_table(path)
    parsed = sum(1 for _ in data)
    baseline = time.perf_counter() - started
    assert parsed == ROWS

    started = time.perf_counter()
    first = import_people(actor=None, consultation=consultation, path=path)
    first_seconds = time.perf_counter() - started
    started = time.perf_counter()
    second = import_people(actor=None, consultation=consultation, path=path)
    second_seconds = time.perf_counter() - started

    reported = {p.row: p.reason for p in first.problems}
    assert set(reported) == set(planted), "every planted row, and only those, is reported"
    assert all(planted[row] in reason for row, reason in reported.items())
    assert first.created == ROWS - len(planted)
    assert Person.objects.filter(consultation=consultation).count() == ROWS - len(planted)
    assert (second.created, second.updated) == (0, 0)
    assert second.unchanged == ROWS - len(planted)

    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": commit,
        "database": connection.vendor,
        "rows": ROWS,
        "bad_rows": len(planted),
        "first_import_seconds": round(first_seconds, 1),
        "second_import_seconds": round(second_seconds, 1),
        "baseline_read_seconds": round(baseline, 2),
        "first_import_vs_baseline": round(first_seconds / baseline, 1),
        "rows_per_second_first": round(ROWS / first_seconds),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
    }
    print(json.dumps(result))
    with (ROOT / "bench" / "results" / "import_100k.jsonl").open("a") as out:
        out.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
