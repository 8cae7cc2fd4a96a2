"""The benchmark's store of sentence vectors: each text is embedded once per machine.

The model takes minutes over a dataset of thousands of texts, and the learning curve fits the
coder a dozen times on the same texts; so the vectors live in bench/results/data/meaning.npz
(git-ignored, like the datasets), keyed by the SHA-256 of each text, and `Meaning` reads them
before asking the model. The engine's runs keep no such store. Run this file to fill the store
for the datasets the benchmark reads (`--only` to pick some), with progress on stderr."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
STORE = ROOT / "bench" / "results" / "data" / "meaning.npz"


def load(path: Path = STORE) -> dict[str, np.ndarray]:
    """The stored vectors by text key (empty if there is no store yet)."""
    if not path.exists():
        return {}
    with np.load(path) as data:
        return dict(zip(data["keys"].tolist(), data["vectors"], strict=True))


def save(cache: dict[str, np.ndarray], path: Path = STORE) -> None:
    """Write the store atomically (a partial file never replaces a good one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    keys = sorted(cache)
    partial = path.with_suffix(".partial.npz")
    np.savez(partial, keys=np.array(keys), vectors=np.stack([cache[k] for k in keys]))
    partial.replace(path)


class _Reporter:
    """Progress on stderr every 30 s, and the store saved as it goes (a stopped run keeps most
    of its work)."""

    def __init__(self, name: str, cache: dict[str, np.ndarray]) -> None:
        self.name, self.cache = name, cache
        self.started = self.last = time.perf_counter()

    def __call__(self, done: int, total: int) -> None:
        now = time.perf_counter()
        if now - self.last > 30 or done == total:
            self.last = now
            print(
                f"{self.name}: {done}/{total} new texts, {now - self.started:.0f} s",
                file=sys.stderr,
            )
            save(self.cache)


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import quality

    from heard.analysis.engine.meaning import Meaning

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", action="append", choices=sorted(quality.DATASETS))
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="only each dataset's held-out records (all the themes part reads: minutes, not "
        "the hour that the coding part's training pools take)",
    )
    args = parser.parse_args(argv)
    settings = quality.parser().parse_args([])
    cache = load()
    meaning = Meaning(cache)
    for name in args.only or sorted(quality.DATASETS):
        dataset = quality.DATASETS[name](settings)
        texts = dataset.texts
        if args.held_out:
            rows = (
                dataset.test
                if dataset.test is not None
                else quality.held_out(dataset, settings.seed)
            )
            texts = [dataset.texts[row] for row in rows]
        meaning.vectors(texts, progress=_Reporter(name, cache))
        save(cache)
    return 0


if __name__ == "__main__":
    sys.exit(main())
