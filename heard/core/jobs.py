"""Long jobs (imports, later analysis runs) handed to the worker, with progress for the UI.

A handler is `handler(job, progress) -> dict`; `progress(stage, done, total)` records how far it
got. Handlers register themselves by kind; the worker claims queued jobs one at a time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from heard.core.logfilters import redact
from heard.core.models import Job

log = logging.getLogger("heard.jobs")

Progress = Callable[[str, int, int], None]
Handler = Callable[[Job, Progress], dict[str, Any]]
HANDLERS: dict[str, Handler] = {}


def handler(kind: str) -> Callable[[Handler], Handler]:
    def register(function: Handler) -> Handler:
        HANDLERS[kind] = function
        return function

    return register


def enqueue(*, kind: str, scope: str, payload: dict[str, Any], actor: Any) -> Job:
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    return Job.objects.create(kind=kind, scope=scope, payload=payload, created_by=user)


def _claim() -> Job | None:
    with transaction.atomic():
        queued = Job.objects.filter(state=Job.State.QUEUED).order_by("created_at", "id")
        if connection.features.has_select_for_update_skip_locked:
            queued = queued.select_for_update(skip_locked=True)
        job = queued.first()
        if job is None:
            return None
        Job.objects.filter(pk=job.pk).update(state=Job.State.RUNNING, started_at=timezone.now())
        job.state = Job.State.RUNNING
        return job


def run_next() -> bool:
    """Run one queued job, if any; True when one ran."""
    job = _claim()
    if job is None:
        return False

    def progress(stage: str, done: int, total: int) -> None:
        Job.objects.filter(pk=job.pk).update(stage=stage, done=done, total=total)

    try:
        result = HANDLERS[job.kind](job, progress)
    except Exception as error:  # any failure is the job's, recorded for the person watching
        log.exception("job %s (%s) failed", job.pk, job.kind)
        Job.objects.filter(pk=job.pk).update(
            state=Job.State.FAILED, error=redact(str(error))[:500], finished_at=timezone.now()
        )
    else:
        Job.objects.filter(pk=job.pk).update(
            state=Job.State.DONE, result=result, finished_at=timezone.now()
        )
    return True
