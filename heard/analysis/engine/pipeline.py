"""Run the engine's first stages on a file: records → redaction → language → campaigns → outputs.

``run(input_path, out_dir)`` reads records with `records.read_records`, redacts each text first
(only the redacted text flows on), detects the language of the redacted text, finds campaigns
among the redacted texts and writes three files to `out_dir`:

- ``records.jsonl``: one line per record, in input order: ``id``, the metadata fields,
  ``text_redacted``, ``redactions`` (spans as offsets into the original text, with their kind),
  ``language``, ``language_confidence``, ``mixed``, ``sentences`` (offsets into the redacted
  text), ``campaign`` (its id or null) and ``added_text`` (the member's own redacted sentences,
  null when the record is in no campaign). A metadata field whose name is one of these is kept
  as ``input_<name>``.
- ``summary.json``: counts of records, languages and redactions, the campaigns (id, kind, size,
  redacted canonical text), every count raw and with each campaign counted once.
- ``manifest.json``: engine name and version, parameters, Python and numpy versions, the SHA-256
  of the input file (by base name only) and of each other output file.

The original text is never written. There are no timestamps or absolute paths, so the same input
and parameters give byte-identical files. Everything is written into a staging directory inside
`out_dir` and renamed into place only when the run has succeeded; a failed run leaves no output.

Redaction and language detection run in chunks of `CHUNK_SIZE` records across `workers`
processes, with results consumed in input order (at most ``2 * workers`` chunks in flight, so
memory stays bounded); ``workers=1`` runs inline. Only the redacted texts and ids are kept in
memory for the campaign stage; per-record results wait in a staging file.

Pure Python and numpy; imports no Django.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from itertools import islice
from pathlib import Path
from typing import Any

from heard.analysis.engine.campaigns import find_campaigns
from heard.analysis.engine.language import detect_record
from heard.analysis.engine.records import read_records
from heard.analysis.engine.redact import KINDS, redact

ENGINE_NAME = "heard-analysis-engine"
ENGINE_VERSION = "0.1.0"
CHUNK_SIZE = 2000
OUTPUTS = ("records.jsonl", "summary.json")
MANIFEST = "manifest.json"
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
    }
)

Progress = Callable[[str, int, int | None], None]


@dataclass(frozen=True)
class Summary:
    records: int
    records_deduplicated: int
    languages: dict[str, int]
    redactions: dict[str, int]
    campaigns: int
    out_dir: Path


def _process_chunk(chunk: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Redact, then detect the language of the redacted text; the original text stays here."""
    results = []
    for record_id, text in chunk:
        redaction = redact(text)
        detection = detect_record(redaction.text)
        results.append(
            {
                "id": record_id,
                "text_redacted": redaction.text,
                "redactions": [span.to_dict() for span in redaction.spans],
                "language": detection["language"],
                "language_confidence": detection["confidence"],
                "mixed": detection["mixed"],
                "sentences": detection["sentences"],
            }
        )
    return results


def _chunks(records: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(records)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _processed(
    records: Iterable[dict[str, Any]], workers: int
) -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """(records, results) per chunk, in input order; the records keep their metadata."""
    pairs = (
        (chunk, [(r["id"], str(r["text"])) for r in chunk])
        for chunk in _chunks(records, CHUNK_SIZE)
    )
    if workers <= 1:
        for chunk, texts in pairs:
            yield chunk, _process_chunk(texts)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[tuple[list[dict[str, Any]], Future[list[dict[str, Any]]]]] = deque()
        for chunk, texts in pairs:
            pending.append((chunk, pool.submit(_process_chunk, texts)))
            if len(pending) >= 2 * workers:
                first, future = pending.popleft()
                yield first, future.result()
        while pending:
            first, future = pending.popleft()
            yield first, future.result()


def _metadata(record: dict[str, Any]) -> dict[str, Any]:
    # Metadata goes through redaction too: a column of names or addresses in someone else's
    # export must not reach an output file either. Codes, dates and keys come out unchanged.
    return {
        (f"input_{key}" if key in RESERVED else key): redact(value).text
        if isinstance(value, str)
        else value
        for key, value in record.items()
        if key not in ("id", "text")
    }


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def run(
    input_path: str | Path,
    out_dir: str | Path,
    *,
    seed: int = 2018,
    workers: int = 2,
    progress: Progress | None = None,
) -> Summary:
    """Run the pipeline on `input_path` and write its outputs to `out_dir` (see the module)."""
    input_path = Path(input_path)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    report: Progress = progress or (lambda stage, done, total: None)
    staging = Path(tempfile.mkdtemp(prefix=".heard-run-", dir=out_dir))
    try:
        summary = _run(input_path, out_dir, staging, seed, max(1, workers), report)
        for name in (*OUTPUTS, MANIFEST):
            os.replace(staging / name, out_dir / name)
        return summary
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _run(
    input_path: Path, out_dir: Path, staging: Path, seed: int, workers: int, report: Progress
) -> Summary:
    # 1-2. Redact and detect, in chunks; per-record results wait in a staging file.
    redacted: list[dict[str, str]] = []
    languages: dict[str, list[str]] = {}
    redactions: Counter[str] = Counter()
    partial = staging / "partial.jsonl"
    done = 0
    report("redact", 0, None)
    with partial.open("w", encoding="utf-8", newline="\n") as handle:
        for chunk, results in _processed(read_records(input_path), workers):
            for record, result in zip(chunk, results, strict=True):
                line = _metadata(record) | result
                handle.write(_dumps(line) + "\n")
                redacted.append({"id": result["id"], "text": result["text_redacted"]})
                languages.setdefault(result["language"], []).append(result["id"])
                redactions.update(span["kind"] for span in result["redactions"])
            done += len(chunk)
            report("redact", done, None)
    total = done

    # 3. Campaigns among the redacted texts.
    report("campaigns", 0, 1)
    found = find_campaigns(redacted, seed=seed)
    del redacted
    report("campaigns", 1, 1)

    # 4. Outputs.
    campaigns = {campaign.id: campaign for campaign in found.campaigns}
    with (
        partial.open(encoding="utf-8") as source,
        (staging / "records.jsonl").open("w", encoding="utf-8", newline="\n") as target,
    ):
        for written, text in enumerate(source, start=1):
            line = json.loads(text)
            campaign_id = found.campaign_of(line["id"])
            line["campaign"] = campaign_id
            line["added_text"] = (
                campaigns[campaign_id].added_text[line["id"]] if campaign_id else None
            )
            target.write(_dumps(line) + "\n")
            if written % CHUNK_SIZE == 0 or written == total:
                report("write", written, total)
    partial.unlink()

    by_language = {
        language: dict(zip(("raw", "deduplicated"), found.counts(ids), strict=True))
        for language, ids in sorted(languages.items())
    }
    redaction_counts = {kind: redactions[kind] for kind in KINDS if redactions[kind]}
    summary_data = {
        "campaigns": [
            {
                "canonical": campaign.canonical,
                "id": campaign.id,
                "kind": campaign.kind,
                "size": campaign.size,
            }
            for campaign in found.campaigns
        ],
        "languages": by_language,
        "records": {"deduplicated": found.records_deduplicated, "raw": total},
        "redactions": redaction_counts,
    }
    (staging / "summary.json").write_text(_dumps(summary_data) + "\n", encoding="utf-8")

    manifest = {
        "engine": {"name": ENGINE_NAME, "version": ENGINE_VERSION},
        "environment": {
            "packages": {"numpy": _version("numpy")},
            "python": platform.python_version(),
        },
        "input": {"name": input_path.name, "sha256": _sha256(input_path)},
        "outputs": {name: _sha256(staging / name) for name in OUTPUTS},
        "parameters": {
            "campaigns": found.parameters,
            "chunk_size": CHUNK_SIZE,
            "seed": seed,
            "workers": workers,
        },
    }
    (staging / MANIFEST).write_text(_dumps(manifest) + "\n", encoding="utf-8")
    report("done", total, total)
    return Summary(
        records=total,
        records_deduplicated=found.records_deduplicated,
        languages={language: len(ids) for language, ids in sorted(languages.items())},
        redactions=redaction_counts,
        campaigns=len(found.campaigns),
        out_dir=out_dir,
    )
