"""The full report as tagged PDF in both languages, against WeasyPrint's own render of the same
HTML, measured in one run.

    .venv/bin/python bench/report_pdf.py

It prepares the demo (`heard demo --no-serve`, in a temporary folder with its own SQLite
database), takes the published full report's version, then times, interleaved, `BENCH_REPEATS`
(default 15) times each (`BENCH_REPORT=questionnaire` measures the detailed questionnaire
report instead, 16 pages of tables and charts per language):

- **heard**: what a download does the first time, in both languages: the print page rendered
  from the stored version (`pdf.print_html`) and made into tagged PDF/UA-1 (`pdf.version_pdf`);
- **baseline**: WeasyPrint alone on the same final HTML, both languages, with its defaults
  (`HTML(string=…).write_pdf()`: no tags, no PDF/UA);
- **baseline tagged**: WeasyPrint alone on the same HTML with the same PDF/UA-1 option, to show
  how much of the difference is the tagging rather than Heard.

Medians with a bootstrap 95% interval, and the ratio heard / baseline with its own interval
(resampling pairs of the same repetition). Results go to bench/results/report_pdf.jsonl.
"""

from __future__ import annotations

import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEATS = int(os.environ.get("BENCH_REPEATS", "15"))
sys.path.insert(0, str(ROOT))


def _interval(values: list[float], rng: random.Random) -> tuple[float, float]:
    medians = sorted(statistics.median(rng.choices(values, k=len(values))) for _ in range(2000))
    return medians[50], medians[1949]


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="heard-bench-pdf-"))
    os.environ["HEARD_VAR_DIR"] = str(folder)
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    from heard.cli import main as heard

    print("Preparing the demo…", flush=True)
    if heard(["demo", "--no-serve"]) != 0:
        return 1
    import weasyprint

    from heard.reports import pdf
    from heard.reports.models import Version

    kind = os.environ.get("BENCH_REPORT", "full")  # or "questionnaire": 16 pages of tables
    version = Version.objects.get(report__kind=kind, published_at__isnull=False)
    html = {language: pdf.print_html(version, language) for language in ("en", "fr")}

    def heard_pdf() -> int:
        return sum(len(pdf.version_pdf(version, language)) for language in ("en", "fr"))

    def baseline() -> int:
        return sum(len(weasyprint.HTML(string=html[lang]).write_pdf()) for lang in html)

    def baseline_tagged() -> int:
        return sum(
            len(weasyprint.HTML(string=html[lang]).write_pdf(pdf_variant=pdf.VARIANT))
            for lang in html
        )

    steps = {"heard": heard_pdf, "baseline": baseline, "baseline_tagged": baseline_tagged}
    for step in steps.values():  # warm: fonts, imports, caches
        step()
    times: dict[str, list[float]] = {name: [] for name in steps}
    sizes: dict[str, int] = {}
    for repeat in range(REPEATS):
        for name, step in steps.items():
            started = time.perf_counter()
            sizes[name] = step()
            times[name].append(time.perf_counter() - started)
        print(f"  {repeat + 1}/{REPEATS}", flush=True)
    rng = random.Random(2018)
    result: dict[str, object] = {
        "bench": "report_pdf",
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "weasyprint": weasyprint.__version__,
        "cores": os.cpu_count(),
        "repeats": REPEATS,
        "report": kind,
        "pages_html_chars": {lang: len(html[lang]) for lang in html},
        "pdf_bytes_both_languages": sizes,
    }
    for name, values in times.items():
        low, high = _interval(values, rng)
        result[name] = {"median_s": statistics.median(values), "ci95": [low, high]}
    for against in ("baseline", "baseline_tagged"):
        ratios = [h / b for h, b in zip(times["heard"], times[against], strict=True)]
        low, high = _interval(ratios, rng)
        result[f"ratio_to_{against}"] = {"median": statistics.median(ratios), "ci95": [low, high]}
    print(json.dumps(result, indent=2))
    with (ROOT / "bench" / "results" / "report_pdf.jsonl").open("a") as out:
        out.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
