"""Speed and memory of `heard analyse`, stage by stage, against a baseline measured in the same run.

    .venv/bin/python bench/analysis/speed.py --records 10000 100000 1000000

For each size it makes (or reuses) a synthetic bilingual file with `synthetic.py` (about 60 words
a record, 30% campaign copies), then:

1. **Baseline**: scikit-learn's `TfidfVectorizer().fit_transform` on the same texts, alone, in
   one process: the plainest useful thing one can do with the words.
2. **Engine**: `pipeline.run` with the demo codebook and two workers, timing each stage from the
   progress reports, while a sampler thread reads the memory of this process and its worker
   processes from /proc every 0.2 s (proportional set size, so pages that the forked workers
   share with the main process count once); the peak of the sum is kept per stage.

It prints a Markdown table per size (seconds, ratio to the baseline, peak memory) and writes every
figure to bench/results/analysis-speed.json. Ratios, not seconds, are what compare across
machines: the baseline runs on the same machine in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from heard.analysis.engine import pipeline  # noqa: E402
from heard.analysis.engine.records import read_records  # noqa: E402

CODEBOOK = ROOT / "heard" / "examples" / "human-trafficking-2018" / "codebook.yaml"
DATA = ROOT / "bench" / "results" / "data"
RESULTS = ROOT / "bench" / "results" / "analysis-speed.json"


def _pss(pid: int) -> int:
    """Proportional set size: resident memory with pages shared between processes (the workers
    are forked from the main process) divided among them, so the sum over the tree is honest."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


class Sampler(threading.Thread):
    """Peak resident memory of this process tree, per stage named by `stage`."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.stage = "start"
        self.peaks: dict[str, int] = {}
        self.stopped = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self.stopped.wait(0.2):
            total = _pss(me) + sum(_pss(child) for child in _children(me))
            if total > self.peaks.get(self.stage, 0):
                self.peaks[self.stage] = total


def dataset(size: int, seed: int) -> Path:
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"synthetic-{size}-{seed}.jsonl"
    if not path.exists():
        print(f"making {path.name} …", file=sys.stderr, flush=True)
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "analysis" / "synthetic.py"),
                "--records",
                str(size),
                "--seed",
                str(seed),
                "--out",
                str(path),
            ],
            check=True,
        )
    return path


def baseline(path: Path) -> dict[str, float]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    started = time.perf_counter()
    texts = [str(record["text"]) for record in read_records(path)]
    read = time.perf_counter() - started
    started = time.perf_counter()
    TfidfVectorizer().fit_transform(texts)
    return {"read": read, "tfidf": time.perf_counter() - started}


def engine(path: Path, out: Path, workers: int) -> dict[str, Any]:
    sampler = Sampler()
    times: dict[str, float] = {}
    current = {"stage": "", "since": time.perf_counter()}

    def progress(stage: str, done: int, total: int | None) -> None:
        if stage != current["stage"]:
            now = time.perf_counter()
            if current["stage"]:
                times[str(current["stage"])] = times.get(str(current["stage"]), 0.0) + (
                    now - float(current["since"])
                )
            current["stage"], current["since"] = stage, now
            sampler.stage = stage
            print(f"  {stage} …", file=sys.stderr, flush=True)

    sampler.start()
    started = time.perf_counter()
    pipeline.run(path, out, codebook=CODEBOOK, workers=workers, progress=progress)
    total = time.perf_counter() - started
    sampler.stopped.set()
    sampler.join()
    times.pop("done", None)
    return {"stages": times, "total": total, "peak_bytes": sampler.peaks}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    results: dict[str, Any] = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    for size in args.records:
        path = dataset(size, args.seed)
        print(f"{size:,} records: baseline …", file=sys.stderr, flush=True)
        base = baseline(path)
        out = DATA / f"run-{size}"
        print(f"{size:,} records: engine …", file=sys.stderr, flush=True)
        run = engine(path, out, args.workers)
        reference = base["tfidf"]
        rows = [
            (stage, seconds, seconds / reference, run["peak_bytes"].get(stage, 0))
            for stage, seconds in run["stages"].items()
        ]
        print(f"\n### {size:,} records ({args.workers} workers)\n")
        print(
            f"Baseline: TfidfVectorizer.fit_transform {reference:.1f} s "
            f"(reading {base['read']:.1f} s)\n"
        )
        print("| stage | seconds | × baseline | peak memory |")
        print("|---|---:|---:|---:|")
        for stage, seconds, ratio, peak in rows:
            memory = f"{peak / 2**30:.2f} GiB" if peak else "(too short to sample)"
            print(f"| {stage} | {seconds:.1f} | {ratio:.2f} | {memory} |")
        peak_all = max(run["peak_bytes"].values(), default=0)
        print(
            f"| **total** | **{run['total']:.1f}** | **{run['total'] / reference:.2f}** | "
            f"**{peak_all / 2**30:.2f} GiB** |"
        )
        results[str(size)] = {
            "baseline_seconds": base,
            "cpu_count": os.cpu_count(),
            "engine": run,
            "workers": args.workers,
        }
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
