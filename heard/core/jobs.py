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
import time
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
    # Called once when a job of this kind is given up (failed for good, or cancelled): e.g. delete
    # its upload, or what a run had stored so far.
    abandon: Callable[[Job], None] | None = None
    # Whether a person may stop it: its progress reports then raise Cancelled once asked to.
    cancellable: bool = False


HANDLERS: dict[str, Kind] = {}


class Cancelled(Exception):
    """Raised by a job's progress report once someone asked the job to stop: the handler stops
    there, the job ends "cancelled", and its kind's `abandon` clears what it had done."""


class Refused(Exception):
    """The job cannot be done, for a reason its message tells the person who started it (a file
    past a limit, a column missing): the job fails with that message, logged as one line. Any
    other exception is a fault, logged with its traceback."""


def handler(
    kind: str, *, abandon: Callable[[Job], None] | None = None, cancellable: bool = False
) -> Callable[[Handler], Handler]:
    def register(function: Handler) -> Handler:
        HANDLERS[kind] = Kind(function, abandon, cancellable)
        return function

    return register


def enqueue(*, kind: str, scope: str, payload: dict[str, Any], actor: Any) -> Job:
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    return Job.objects.create(kind=kind, scope=scope, payload=payload, created_by=user)


def waiting() -> int:
    return Job.objects.filter(state=Job.State.QUEUED).count()


FINISHED = (Job.State.DONE, Job.State.FAILED, Job.State.CANCELLED)


def request_cancel(job: Job) -> str:
    """Ask a job to stop; returns the state it is in now. A queued job is cancelled at once (and
    its kind's `abandon` runs); a running one stops at its next progress report. The caller, a
    service, records who asked in its own audit event."""
    now = timezone.now()
    if Job.objects.filter(pk=job.pk, state=Job.State.QUEUED).update(
        state=Job.State.CANCELLED, cancel_requested_at=now, finished_at=now
    ):
        _abandon(job)
        return Job.State.CANCELLED
    Job.objects.filter(pk=job.pk, state=Job.State.RUNNING, cancel_requested_at=None).update(
        cancel_requested_at=now
    )
    return Job.objects.values_list("state", flat=True).get(pk=job.pk)


def seconds_left(job: Job, now: datetime | None = None) -> int | None:
    """How long the current stage should still take at its pace so far; None while unknown (no
    total, too little done to tell, or under ten seconds into the stage)."""
    if job.state != Job.State.RUNNING or not job.total or not job.done or not job.stage_started_at:
        return None
    elapsed = ((now or timezone.now()) - job.stage_started_at).total_seconds()
    if elapsed < 10 or job.done >= job.total:
        return None
    return round(elapsed / job.done * (job.total - job.done))


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
        if job.cancel_requested_at is not None:
            # Someone asked it to stop before its worker went: stop it, do not start it again.
            if Job.objects.filter(
                pk=job.pk, state=Job.State.RUNNING, claimed_by=job.claimed_by
            ).update(state=Job.State.CANCELLED, finished_at=now, claimed_by="", lease_until=None):
                _abandon(job)
            continue
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

    kind = HANDLERS.get(job.kind)
    cancellable = kind is not None and kind.cancellable
    current: dict[str, Any] = {"stage": "", "checked": 0.0}

    def progress(stage: str, done: int, total: int) -> None:
        values: dict[str, Any] = {"stage": stage, "done": done, "total": total}
        if stage != current["stage"]:
            current["stage"] = stage
            values["stage_started_at"] = timezone.now()
        Job.objects.filter(pk=job.pk, claimed_by=worker).update(**values)
        # Asking the database whether to stop costs a query: at most once a second.
        if cancellable and time.monotonic() - current["checked"] >= 1.0:
            current["checked"] = time.monotonic()
            if Job.objects.filter(pk=job.pk, cancel_requested_at__isnull=False).exists():
                raise Cancelled

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
    except Cancelled:
        log.info("job %s (%s) cancelled", job.pk, job.kind)
        _finish(job, worker, state=Job.State.CANCELLED)
        _abandon(job)
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
