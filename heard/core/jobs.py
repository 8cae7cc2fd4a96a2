"""Long jobs (imports, later analysis runs) handed to the worker, with progress for the UI.

A handler is `handler(job, progress) -> dict`; `progress(stage, done, total)` records how far it
got. Handlers register themselves by kind; the worker claims queued jobs one at a time.

A claimed job is held under a lease that the worker's heartbeat renews (heard.core.runner). When
the worker holding a job is gone (killed, crashed, its thread died) the job is recovered: queued
again while it has attempts left, since every handler must be safe to run again (the registry
import is one transaction, so a run cut short left nothing behind), or failed with a reason the
person watching can read. A database that is busy or unreachable is not the job's fault: the job
goes back to the queue and the worker waits before it tries again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from heard.core import workers
from heard.core.logfilters import redact
from heard.core.models import Job

log = logging.getLogger("heard.jobs")

Progress = Callable[[str, int, int], None]
Handler = Callable[[Job, Progress], dict[str, Any]]
MAX_ATTEMPTS = 3  # a job whose worker died this many times fails instead of being tried again
TRANSIENT = (OperationalError, InterfaceError)  # "database is locked", a dropped connection


@dataclass(frozen=True)
class Kind:
    run: Handler
    # Called once when a job of this kind is given up (failed for good): e.g. delete its upload.
    abandon: Callable[[Job], None] | None = None


HANDLERS: dict[str, Kind] = {}


class Refused(Exception):
    """The job cannot be done, for a reason its message tells the person who started it (a file
    past a limit, a column missing): the job fails with that message, logged as one line. Any
    other exception is a fault, logged with its traceback."""


def handler(
    kind: str, *, abandon: Callable[[Job], None] | None = None
) -> Callable[[Handler], Handler]:
    def register(function: Handler) -> Handler:
        HANDLERS[kind] = Kind(function, abandon)
        return function

    return register


def enqueue(*, kind: str, scope: str, payload: dict[str, Any], actor: Any) -> Job:
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    return Job.objects.create(kind=kind, scope=scope, payload=payload, created_by=user)


def waiting() -> int:
    return Job.objects.filter(state=Job.State.QUEUED).count()


# --- Recovering jobs whose worker is gone -----------------------------------------------------


def _give_up(job: Job, now: datetime) -> None:
    failed = Job.objects.filter(pk=job.pk, state=Job.State.RUNNING, claimed_by=job.claimed_by)
    if failed.update(
        state=Job.State.FAILED,
        failure=Job.Failure.WORKER_LOST,
        error=(
            f"The worker stopped while running this job, {job.attempts} times; it was not "
            "tried again. Nothing was half done; start it again when the server is steady."
        ),
        finished_at=now,
        claimed_by="",
        lease_until=None,
    ):
        _abandon(job)
        log.warning(
            "job %s (%s) failed: its worker stopped %s times", job.pk, job.kind, job.attempts
        )


def _abandon(job: Job) -> None:
    kind = HANDLERS.get(job.kind)
    if kind is not None and kind.abandon is not None:
        try:
            kind.abandon(job)
        except Exception:  # clean-up must never stop the recovery of other jobs
            log.exception("job %s (%s): clean-up after giving up failed", job.pk, job.kind)


def recover(now: datetime | None = None) -> int:
    """Queue again (or fail) running jobs whose worker is gone or whose lease ran out."""
    now = now or timezone.now()
    running = Job.objects.filter(state=Job.State.RUNNING)
    holders = set(running.values_list("claimed_by", flat=True))
    gone = workers.gone_holders(holders)
    # A lease that ran out says the worker is gone only when nothing better is known: a worker
    # on this host whose process still runs is alive, even if its heartbeat could not be written
    # (SQLite blocks every writer while an import's one transaction is open).
    alive = {holder for holder in holders if workers.holder_is_alive(holder)}
    orphans = list(
        running.filter(Q(claimed_by__in=gone) | Q(lease_until__lt=now)).exclude(
            claimed_by__in=alive
        )
    )
    for job in orphans:
        if job.attempts >= MAX_ATTEMPTS:
            _give_up(job, now)
            continue
        requeued = Job.objects.filter(
            pk=job.pk, state=Job.State.RUNNING, claimed_by=job.claimed_by
        ).update(state=Job.State.QUEUED, claimed_by="", lease_until=None, stage="", done=0, total=0)
        if requeued:
            log.warning(
                "job %s (%s): its worker %s stopped; queued again (attempt %s of %s done)",
                job.pk,
                job.kind,
                job.claimed_by or "(unknown)",
                job.attempts,
                MAX_ATTEMPTS,
            )
    return len(orphans)


# --- Claiming and running ---------------------------------------------------------------------


def _claim(worker: str) -> Job | None:
    now = timezone.now()
    with transaction.atomic():
        queued = Job.objects.filter(state=Job.State.QUEUED).order_by("created_at", "id")
        if connection.features.has_select_for_update_skip_locked:
            queued = queued.select_for_update(skip_locked=True)
        job = queued.first()
        if job is None:
            return None
        claimed = Job.objects.filter(pk=job.pk, state=Job.State.QUEUED).update(
            state=Job.State.RUNNING,
            started_at=now,
            claimed_by=worker,
            lease_until=now + workers.lease(),
            attempts=F("attempts") + 1,
        )
        if not claimed:
            return None
    job.refresh_from_db()
    return job


def renew_leases(worker: str) -> int:
    """Called by the worker's heartbeat: keep the jobs this worker holds."""
    return Job.objects.filter(claimed_by=worker, state=Job.State.RUNNING).update(
        lease_until=timezone.now() + workers.lease()
    )


def _finish(job: Job, worker: str, **values: Any) -> None:
    # Only the worker still holding the job may write how it ended.
    ended = Job.objects.filter(pk=job.pk, claimed_by=worker, state=Job.State.RUNNING).update(
        finished_at=timezone.now(), claimed_by="", lease_until=None, **values
    )
    if not ended:
        log.warning("job %s (%s): finished after another worker took it over", job.pk, job.kind)


def run_next(worker: str = "") -> bool:
    """Run one queued job, if any; True when one ran. `worker` names the caller (heartbeats
    renew the jobs it holds); without one, the job is held by this process."""
    worker = worker or str(workers.WorkerName.this_process())
    job = _claim(worker)
    if job is None:
        return False

    def progress(stage: str, done: int, total: int) -> None:
        Job.objects.filter(pk=job.pk, claimed_by=worker).update(stage=stage, done=done, total=total)

    kind = HANDLERS.get(job.kind)
    try:
        if kind is None:
            raise LookupError(f"no handler for jobs of kind {job.kind!r} in this version")
        result = kind.run(job, progress)
    except TRANSIENT:
        # The database was busy or went away: not the job's fault. Give it back (its attempt
        # counts, so a job that always hits this ends up failed) and let the worker wait.
        log.warning("job %s (%s): the database was unavailable; queued again", job.pk, job.kind)
        _give_back(job, worker)
        raise
    except Exception as error:  # any other failure is the job's, recorded for the person watching
        if isinstance(error, Refused):
            log.info("job %s (%s) refused: %s", job.pk, job.kind, error)
        else:
            log.exception("job %s (%s) failed", job.pk, job.kind)
        _finish(
            job,
            worker,
            state=Job.State.FAILED,
            failure=Job.Failure.ERROR,
            error=redact(str(error))[:500],
        )
        _abandon(job)
    else:
        _finish(job, worker, state=Job.State.DONE, result=result)
    return True


def _give_back(job: Job, worker: str) -> None:
    try:
        if job.attempts >= MAX_ATTEMPTS:
            _give_up(Job.objects.get(pk=job.pk), timezone.now())
            return
        Job.objects.filter(pk=job.pk, claimed_by=worker, state=Job.State.RUNNING).update(
            state=Job.State.QUEUED, claimed_by="", lease_until=None, stage="", done=0, total=0
        )
    except DatabaseError:
        # Still unavailable: the lease runs out, or the next worker sees this one is gone.
        log.warning("job %s: could not be given back yet; it will be recovered", job.pk)
