"""How fast a decompression bomb is refused, against reading a normal small file of the same kind.

    .venv/bin/python bench/upload_limits.py          # BENCH_REPEAT=21, BENCH_BOMB_MB=1024

Issue 10 found a 1 MB .xlsx that inflates to 1 GiB accepted by the registry import after 31 s,
refused by the XLSForm upload after 35 s, and a .docx note taking 14 s. This builds such bombs in
memory (tests/bombs.py: the registry workbook's sheet, or the note's document.xml, replaced by
BENCH_BOMB_MB of repeated content, and a 200 MB sheet at 258 to 1), workbooks of a few kilobytes
whose sheet declares 10,000,000 rows or 16,384 columns, or has a million-row gap in its row
numbers (the only case refused while reading, at the row limit), and a file with a part that
declares 1 KB but inflates to 50 MB (its CRC forged to match), and times the reader each upload
goes through until it refuses the file:

- registry: `read_table` (the import screen, the background job, `heard import-stakeholders`);
- XLSForm: `xlsform.parse` (the questionnaire page);
- notes: `notes.read_upload` (the session notes page).

Baseline, in the same run and the same process: each reader on a normal small file of its kind
(a 100-person workbook read to the end, the demo questionnaire, a three-paragraph .docx). Each
measurement is repeated BENCH_REPEAT times, interleaved; the result is the median with a
distribution-free 95% interval for it (order statistics), and the bomb's median as a multiple of
the baseline's. Nothing here asserts a time. Results go to bench/results/upload_limits.jsonl.
"""

from __future__ import annotations

import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEAT = int(os.environ.get("BENCH_REPEAT", "21"))
BOMB_MB = int(os.environ.get("BENCH_BOMB_MB", "1024"))


def median_interval(samples: list[float]) -> tuple[float, float, float]:
    """The median and the order statistics that bracket it with at least 95% confidence."""
    ordered = sorted(samples)
    n = len(ordered)

    def below(k: int) -> float:  # P(Binomial(n, 1/2) < k)
        return sum(math.comb(n, i) for i in range(k)) / 2**n

    low = 0
    while low + 1 < n and below(low + 1) <= 0.025:
        low += 1
    high = n - 1 - low
    return statistics.median(ordered), ordered[low], ordered[high]


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="heard-bench-"))
    os.environ.setdefault("HEARD_VAR_DIR", str(workdir / "var"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "heard.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.utils import translation

    from heard.events.notes import UploadError, read_upload
    from heard.questionnaires.xlsform import FormError, parse
    from heard.stakeholders.tables import TableError, read_table
    from tests import bombs

    translation.activate("en")
    mb = bombs.MB
    started = time.perf_counter()
    sheet_bomb = bombs.sheet_bomb(BOMB_MB * mb)
    docx_bomb = bombs.docx_bomb(BOMB_MB * mb)
    rows_bomb = bombs.declared_rows_bomb()
    wide_bomb = bombs.declared_rows_bomb(rows=3000, columns="XFD")
    gap_bomb = bombs.gap_sheet()
    ratio_bomb = bombs.sheet_bomb(200 * mb)  # under the registry's 512 MB: refused by its ratio
    payload = b"<w:p/>" * (50 * mb // 6)

    def lying(base: bytes, part: str) -> bytes:
        return bombs.forged(
            bombs.with_part(base, part, payload), part, declared=1024, crc_of=payload[:1024]
        )

    lying_xlsx = lying(bombs.small_xlsx(), "xl/extra.xml")
    lying_docx = lying(bombs.small_docx(), "word/extra.xml")
    built = time.perf_counter() - started
    normal_xlsx = bombs.small_xlsx(100)
    normal_docx = bombs.small_docx()
    demo_form = ROOT / "heard" / "examples" / "human-trafficking-2018" / "questionnaire.xlsx"
    demo_form_bytes = demo_form.read_bytes()

    def registry(data: bytes) -> Callable[[], object]:
        def read() -> object:
            _headers, rows = read_table(Path("people.xlsx"), data)
            return sum(1 for _ in rows)

        return read

    def xlsform(data: bytes) -> Callable[[], object]:
        return lambda: parse(data, "questionnaire.xlsx")

    def notes(data: bytes) -> Callable[[], object]:
        return lambda: read_upload("notes.docx", data)

    errors = (TableError, FormError, UploadError)
    files = {
        "registry": [
            ("baseline: 100-person workbook", normal_xlsx),
            (f"bomb: sheet inflating to {BOMB_MB} MB", sheet_bomb),
            ("bomb: sheet inflating to 200 MB, 258 to 1", ratio_bomb),
            ("bomb: sheet declaring 10,000,000 rows", rows_bomb),
            ("bomb: sheet declaring 16,384 columns", wide_bomb),
            ("bomb: part declaring 1 KB, inflating to 50 MB", lying_xlsx),
            ("bomb: a million-row gap (stops while reading)", gap_bomb),
        ],
        "xlsform": [
            ("baseline: the demo questionnaire", demo_form_bytes),
            (f"bomb: sheet inflating to {BOMB_MB} MB", sheet_bomb),
            ("bomb: sheet declaring 10,000,000 rows", rows_bomb),
            ("bomb: part declaring 1 KB, inflating to 50 MB", lying_xlsx),
            ("bomb: a million-row gap (stops while reading)", gap_bomb),
        ],
        "notes": [
            ("baseline: a three-paragraph .docx", normal_docx),
            (f"bomb: document.xml inflating to {BOMB_MB} MB", docx_bomb),
            ("bomb: part declaring 1 KB, inflating to 50 MB", lying_docx),
        ],
    }
    readers = {"registry": registry, "xlsform": xlsform, "notes": notes}
    cases = {
        reader: {case: (readers[reader](data), len(data)) for case, data in found}
        for reader, found in files.items()
    }
    samples: dict[tuple[str, str], list[float]] = {
        (reader, case): [] for reader, found in cases.items() for case in found
    }
    outcome: dict[tuple[str, str], str] = {}
    for _round in range(REPEAT):  # interleaved, so that a busy moment spreads over every case
        for reader, found in cases.items():
            for case, (action, _size) in found.items():
                began = time.perf_counter()
                try:
                    action()
                    outcome[(reader, case)] = "read"
                except errors as error:
                    outcome[(reader, case)] = f"refused: {error}"
                samples[(reader, case)].append(time.perf_counter() - began)

    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    date = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    machine = f"{platform.machine()}, {os.cpu_count()} cores"
    lines = []
    for reader, found in cases.items():
        baseline_case = next(case for case in found if case.startswith("baseline"))
        baseline = statistics.median(samples[(reader, baseline_case)])
        for case, (_action, size) in found.items():
            middle, low, high = median_interval(samples[(reader, case)])
            result = {
                "date": date,
                "commit": commit,
                "reader": reader,
                "case": case,
                "file_bytes": size,
                "outcome": outcome[(reader, case)][:160],
                "repetitions": REPEAT,
                "median_ms": round(middle * 1000, 2),
                "interval_95_ms": [round(low * 1000, 2), round(high * 1000, 2)],
                "vs_baseline": round(middle / baseline, 2),
                "bombs_built_seconds": round(built, 1),
                "machine": machine,
            }
            lines.append(result)
            print(
                f"{reader:9} {case:48} {size / 1024:8,.0f} KB  median {middle * 1000:9.2f} ms "
                f"[{low * 1000:.2f}, {high * 1000:.2f}]  {middle / baseline:6.2f}× baseline  "
                f"{outcome[(reader, case)][:70]}"
            )
    with (ROOT / "bench" / "results" / "upload_limits.jsonl").open("a") as out:
        for result in lines:
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
