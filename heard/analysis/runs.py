"""An analysis run as a background job: gather the records, run the engine, store what it found.

The worker runs `run_analysis` for a job of kind "analysis.run" (started by
`services.start_run`). It reads the consultation's answers and notes from the database and hands
them to the engine in memory (`RecordStream`), so no original text is written to disk. The engine
writes its redacted outputs to the run's own private folder (0700, `run_folder`), removed when
the job ends; a worker killed mid-run leaves it behind, and the retry (or the giving up) removes
it. This module stores the outputs in the database: text encrypted, in batches, with progress for
the page that watches.

A run is safe to start again: a retried job first deletes whatever an earlier attempt stored. A
cancelled or failed run keeps its row (what was asked, by whom, why it stopped) and loses its
partial results.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from heard.analysis import collect
from heard.analysis.engine import pipeline
from heard.analysis.engine.codebook import CodebookError
from heard.analysis.engine.meaning import Mode
from heard.analysis.engine.records import RecordError, RecordStream
from heard.analysis.models import SEGMENT_FIELDS, Run, RunRecord, Suggestion
from heard.analysis.selectors import coded_examples, engine_codebook
from heard.consultations.models import Consultation
from heard.core import audit, jobs
from heard.core.models import Job
from heard.core.private_files import private_folder

KIND = "analysis.run"
STORE_BATCH = 1000


def records_of(consultation: Consultation, sources: dict[str, Any]) -> list[dict[str, Any]]:
    """The consultation's records for these sources, in memory (never in a file)."""
    questions = set(sources.get("questions") or ())
    chosen: list[dict[str, Any]] = [
        record for record in collect.answer_records(consultation) if record["question"] in questions
    ]
    if sources.get("notes"):
        chosen.extend(collect.note_records(consultation))
    if sources.get("files"):
        chosen.extend(collect.imported_records(consultation, sources["files"]))
    return chosen


def _stream(name: str, records: list[dict[str, Any]]) -> RecordStream:
    return RecordStream(name, lambda: iter(records))


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def _clear(run: Run) -> None:
    Suggestion.objects.filter(run=run).delete()
    RunRecord.objects.filter(run=run).delete()


def _store(run: Run, folder: Path, total: int, progress: jobs.Progress) -> dict[str, Any]:
    """records.jsonl into RunRecord and Suggestion rows, a batch per transaction; returns the
    run's facets (records per source and question)."""
    stored = 0
    per_source: Counter[tuple[str, str]] = Counter()
    progress("storing", 0, total)
    batch: list[tuple[RunRecord, dict[str, Any]]] = []

    def flush() -> None:
        nonlocal stored
        with transaction.atomic():
            rows = RunRecord.objects.bulk_create([row for row, _line in batch])
            suggestions = []
            for row, line in zip(rows, (line for _row, line in batch), strict=True):
                for part, items in (("whole", line["codes"]), ("added", line["added_codes"])):
                    for item in items or ():
                        suggestions.append(
                            Suggestion(
                                run=run,
                                record=row,
                                code=item["code"],
                                confidence=item["confidence"],
                                part=part,
                                taught=item["source"] == "person",
                            )
                        )
            Suggestion.objects.bulk_create(suggestions, batch_size=STORE_BATCH)
        stored += len(batch)
        batch.clear()
        progress("storing", stored, total)

    for position, line in enumerate(_lines(folder / "records.jsonl")):
        record = RunRecord(
            run=run,
            position=position,
            key=line["id"],
            source=str(line.get("source") or ""),
            question=str(line.get("question") or ""),
            language=str(line.get("language") or ""),
            campaign=line.get("campaign") or "",
            consent=line.get("consent") if isinstance(line.get("consent"), bool) else None,
            segments={
                name: line[name] for name in SEGMENT_FIELDS if line.get(name) not in (None, "")
            },
            theme=(line.get("themes") or [""])[0],
            text=line["text_redacted"],
            added_text=line.get("added_text") or "",
        )
        batch.append((record, line))
        per_source[(record.source, record.question)] += 1
        if len(batch) >= STORE_BATCH:
            flush()
    if batch:
        flush()
    return {
        "sources": [[source, question, n] for (source, question), n in sorted(per_source.items())]
    }


def _engine_progress(progress: jobs.Progress, total: int) -> pipeline.Progress:
    """The engine's reports, as the job's: a known total where the engine gives none."""

    def report(stage: str, done: int, stage_total: int | None) -> None:
        if stage == "done":
            return
        if stage == "redact":
            progress(stage, done, total)
        else:
            progress(stage, done, stage_total or 0)

    return report


def run_folder(run: Run) -> Path:
    """Where the engine writes a run's redacted staging: one folder per run, so that whatever a
    killed worker left there is found and removed by the next attempt or by `_abandon`."""
    # The time it was asked for too: several databases may share one var folder (test workers).
    return Path(settings.VAR_DIR) / "analysis" / f"run-{run.pk}-{run.created_at:%Y%m%d%H%M%S%f}"


def processes() -> int:
    return max(1, int(getattr(settings, "HEARD_ANALYSIS_PROCESSES", 1)))


@jobs.handler(KIND, cancellable=True, abandon=lambda job: _abandon(job))
def run_analysis(job: Job, progress: jobs.Progress) -> dict[str, Any]:
    run = Run.objects.select_related("consultation", "baseline").get(job=job)
    _clear(run)  # an earlier attempt, cut short, may have stored part of its results
    Run.objects.filter(pk=run.pk).update(state=Run.State.RUNNING)
    progress("collecting", 0, 0)
    records = records_of(run.consultation, run.sources)
    if not records:
        raise jobs.Refused(
            "The chosen sources hold no text to analyse yet: no submitted answers to those "
            "questions and no session notes."
        )
    progress("collecting", len(records), len(records))
    baseline = None
    if run.baseline is not None:
        earlier = list(collect.consultation_records(run.baseline))
        if earlier:
            baseline = _stream(f"consultation {run.baseline.key}", earlier)
    codebook = engine_codebook(run.codebook) if run.codebook else None
    examples = coded_examples(run.consultation) if codebook is not None else None
    folder = run_folder(run)
    shutil.rmtree(folder, ignore_errors=True)  # what a killed attempt left
    private_folder(folder)
    try:
        try:
            summary = pipeline.run(
                _stream(f"consultation {run.consultation.key}", records),
                folder,
                codebook=codebook,
                coded=examples,
                baseline=baseline,
                seed=2018,
                workers=processes(),
                meaning=cast(Mode, settings.HEARD_ANALYSIS_MEANING),
                progress=_engine_progress(progress, len(records)),
            )
        except (pipeline.PipelineError, RecordError, CodebookError) as error:
            raise jobs.Refused(str(error)) from error
        facets = _store(run, folder, summary.records, progress)
        manifest = json.loads((folder / pipeline.MANIFEST).read_text(encoding="utf-8"))
        summary_text = (folder / "summary.json").read_text(encoding="utf-8")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    with transaction.atomic():
        Run.objects.filter(pk=run.pk).update(
            state=Run.State.DONE,
            manifest=manifest,
            records_raw=summary.records,
            records_deduplicated=summary.records_deduplicated,
            facets=facets,
            examples=len(examples.pairs) if examples is not None else 0,
            finished_at=timezone.now(),
        )
        # The summary holds redacted quotes and campaign texts: encrypted, through the field.
        stored = Run.objects.get(pk=run.pk)
        stored.summary = summary_text
        stored.save(update_fields=["summary"])
        audit.record(
            actor=None,
            action="analysis.run_finished",
            target=stored,
            scope=run.consultation.scope,
            changes={"records": summary.records, "campaigns": summary.campaigns},
            system_label="worker",
        )
    return {"records": summary.records, "campaigns": summary.campaigns}


def _abandon(job: Job) -> None:
    """A run that failed or was cancelled keeps its row and loses its partial results."""
    run = Run.objects.filter(job=job).first()
    if run is None:
        return
    shutil.rmtree(run_folder(run), ignore_errors=True)
    _clear(run)
    job.refresh_from_db()
    state = Run.State.CANCELLED if job.state == Job.State.CANCELLED else Run.State.FAILED
    Run.objects.filter(pk=run.pk).update(
        state=state, error=job.error[:500], finished_at=timezone.now()
    )
