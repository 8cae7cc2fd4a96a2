"""The pipeline's first stage: read records, redact each text, detect its language, in parallel.

`prepare(path, staging_file, workers)` reads records with `records.read_records`, sends chunks of
`CHUNK_SIZE` (id, text) pairs to `workers` processes that redact the text and detect the language
of the redacted text, and writes one JSON line per record to `staging_file` in input order: the
metadata (redacted too) and the per-record results. The original text never leaves the worker
that redacted it. It returns the `Prepared` columns the later stages work on: ids, redacted texts
and languages, in input order, and what the campaigns stage reads of each text before comparing
any (`campaigns.text_features`: normalised text and sentence fingerprints), computed here in
parallel because that stage runs on one core.

At most ``2 * workers`` chunks are in flight, so memory stays bounded whatever the input size;
``workers=1`` runs inline. The same records give the same lines whatever the number of workers.

Pure Python; imports no Django.
"""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.context
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any, NamedTuple, cast

from heard.analysis.engine.campaigns import text_features
from heard.analysis.engine.language import detect_record
from heard.analysis.engine.records import RecordStream, read_records
from heard.analysis.engine.redact import redact

CHUNK_SIZE = 2000
#: Keys the pipeline writes on each record; metadata with these names becomes ``input_<name>``.
RESERVED = frozenset(
    {
        "id",
        "text",
        "text_redacted",
        "redactions",
        "language",
        "language_confidence",
        "mixed",
        "sentences",
        "campaign",
        "added_text",
        "codes",
        "added_codes",
        "themes",
    }
)

Progress = Callable[[str, int, int | None], None]


@dataclass
class Prepared:
    """Columns of the prepared records, in input order."""

    ids: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # redacted
    languages: list[str] = field(default_factory=list)
    redactions: Counter[str] = field(default_factory=Counter)
    # `campaigns.text_features` of each redacted text; emptied once the campaigns are found.
    normalised: list[str] = field(default_factory=list)
    sentence_keys: list[tuple[int, ...]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)


class _Done(NamedTuple):
    """What the main process keeps of one prepared record; the rest is already a JSON line."""

    line: str
    id: str
    text: str  # redacted
    language: str
    kinds: list[str]
    normalised: str
    sentence_keys: tuple[int, ...]


def _process_chunk(chunk: list[dict[str, Any]]) -> list[_Done]:
    """Redact, then detect the language of the redacted text; the original text stays here.

    The worker also redacts the metadata and writes the JSON line, so the main process only
    reads the input and writes lines: it would otherwise be the bottleneck of a big run."""
    results = []
    for record in chunk:
        redaction = redact(str(record["text"]))
        detection = detect_record(redaction.text)
        parts = cast(list[dict[str, int]], detection["sentences"])
        spans = [(part["start"], part["end"]) for part in parts]
        normalised, sentence_keys = text_features(redaction.text, spans)
        result = {
            "id": record["id"],
            "text_redacted": redaction.text,
            "redactions": [span.to_dict() for span in redaction.spans],
            "language": detection["language"],
            "language_confidence": detection["confidence"],
            "mixed": detection["mixed"],
            "sentences": detection["sentences"],
        }
        results.append(
            _Done(
                dumps(metadata(record) | result),
                record["id"],
                redaction.text,
                str(detection["language"]),
                [span.kind for span in redaction.spans],
                normalised,
                sentence_keys,
            )
        )
    return results


def _chunks(records: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(records)
    while chunk := list(islice(iterator, size)):
        yield chunk


WORKER_MODULES = ("heard.analysis.engine.prepare", "heard.analysis.engine.coding")


def worker_context() -> multiprocessing.context.BaseContext:
    """How worker processes start: by forking the caller only when that is safe.

    Forking a process that runs other threads (a web server with its worker thread, the test
    runner) copies locks those threads hold, and a child can hang on one (Python 3.12 and later
    warn of it). Such a caller gets its workers from a fork server: a small single-threaded
    process that has imported the engine once and forks the workers instead (it costs about two
    seconds to start, measured on the 10,000-record benchmark). A caller alone in its process
    (`heard analyse`) forks, which is faster. Where neither exists (Windows), spawn.
    """
    methods = multiprocessing.get_all_start_methods()
    if threading.active_count() == 1 and "fork" in methods:
        return multiprocessing.get_context("fork")
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # Without this, every worker would import numpy and scikit-learn again.
    context.set_forkserver_preload(list(WORKER_MODULES))
    return context


def _processed(records: Iterable[dict[str, Any]], workers: int) -> Iterator[list[_Done]]:
    """The prepared records, a chunk at a time, in input order."""
    chunks = _chunks(records, CHUNK_SIZE)
    if workers <= 1:
        for chunk in chunks:
            yield _process_chunk(chunk)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=worker_context()) as pool:
        pending: deque[Future[list[_Done]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(_process_chunk, chunk))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def metadata(record: dict[str, Any]) -> dict[str, Any]:
    """The record's other fields, string values redacted, reserved names kept as ``input_*``."""
    # Metadata goes through redaction too: a column of names or addresses in someone else's
    # export must not reach an output file either. Codes, dates and keys come out unchanged.
    return {
        (f"input_{key}" if key in RESERVED else key): _redacted_value(value)
        if isinstance(value, str)
        else value
        for key, value in record.items()
        if key not in ("id", "text")
    }


@lru_cache(maxsize=4096)
def _redacted_value(value: str) -> str:
    """A metadata value redacted. Most are the same few words on every record (a province, a
    sector, a date), and redacting them again each time took a tenth of this stage."""
    return redact(value).text


def dumps(data: Any) -> str:
    """One JSON line: sorted keys, UTF-8 text kept as is, so the bytes are the same each run."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def prepare(
    input_path: Path | RecordStream,
    staging_file: Path,
    workers: int,
    report: Progress,
    stage: str = "redact",
) -> Prepared:
    """Redact and detect every record of `input_path` into `staging_file`; see the module."""
    prepared = Prepared()
    done = 0
    report(stage, 0, None)
    with staging_file.open("w", encoding="utf-8", newline="\n") as handle:
        for results in _processed(read_records(input_path), workers):
            for done_record in results:
                handle.write(done_record.line + "\n")
                prepared.ids.append(done_record.id)
                prepared.texts.append(done_record.text)
                prepared.languages.append(done_record.language)
                prepared.redactions.update(done_record.kinds)
                prepared.normalised.append(done_record.normalised)
                prepared.sentence_keys.append(done_record.sentence_keys)
            done += len(results)
            report(stage, done, None)
    return prepared


def staged_lines(staging_file: Path) -> Iterator[dict[str, Any]]:
    """The staged records again, one dict per line, in input order."""
    with staging_file.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)
