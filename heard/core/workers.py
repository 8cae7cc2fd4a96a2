"""Who is working: worker names, heartbeats, and whether the holder of some work is gone.

A worker loop gets a name made of its host, its process id and a random nonce. Jobs and messages
it claims record that name. Work held by a name whose worker is gone is recovered by the next
worker to look, without waiting for the lease to run out, when that can be known for sure:

- the holder ran on this host in another process, and that process no longer exists (kill -9,
  a crash, a reboot of the web server);
- the holder ran in this very process, and its loop is no longer running (a thread that died).

A holder on another host is only known to be gone when its lease runs out; the lease is renewed by
the worker's heartbeat, so a live worker never loses its work, however long one job takes.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import socket
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from heard.core.models import Worker

log = logging.getLogger("heard.worker")

HOST = socket.gethostname()


def lease() -> timedelta:
    """How long claimed work stays with its worker without a heartbeat."""
    return timedelta(seconds=settings.HEARD_WORKER_LEASE_SECONDS)


def heartbeat_interval() -> float:
    """Seconds between two heartbeats: a quarter of the lease, so three can be missed."""
    return max(settings.HEARD_WORKER_LEASE_SECONDS / 4, 0.2)


def stale_after() -> timedelta:
    """A worker not seen for this long is shown to staff as not running."""
    return timedelta(seconds=settings.HEARD_WORKER_STALE_SECONDS)


@dataclass(frozen=True)
class WorkerName:
    host: str
    pid: int
    nonce: str

    def __str__(self) -> str:
        return f"{self.host}:{self.pid}:{self.nonce}"

    @classmethod
    def new(cls) -> WorkerName:
        return cls(HOST, os.getpid(), secrets.token_hex(4))

    @classmethod
    def this_process(cls) -> WorkerName:
        """For work done outside a worker loop (a command, a test): held while the process lives."""
        return cls(HOST, os.getpid(), PROCESS_NONCE)

    @classmethod
    def parse(cls, text: str) -> WorkerName | None:
        host, _, rest = text.rpartition(":")
        host, _, pid = host.rpartition(":")
        if not host or not pid.isdigit():
            return None
        return cls(host, int(pid), rest)


PROCESS_NONCE = "process"

# The names of the worker loops running in this process, each with the thread that runs it.
_LIVE: dict[str, threading.Thread] = {}
_LIVE_LOCK = threading.Lock()


def mark_running(name: WorkerName, thread: threading.Thread) -> None:
    with _LIVE_LOCK:
        _LIVE[str(name)] = thread


def mark_stopped(name: WorkerName) -> None:
    with _LIVE_LOCK:
        _LIVE.pop(str(name), None)


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


def holder_is_gone(holder: str) -> bool:
    """True when the worker named `holder` is known for certain not to be running any more."""
    name = WorkerName.parse(holder)
    if name is None:
        return True  # not a worker's name: held by nobody who could still finish it
    if name.host != HOST:
        return False  # cannot be checked from here; its lease decides
    if name.pid != os.getpid():
        return not _process_exists(name.pid)
    if name.nonce == PROCESS_NONCE:
        return False  # this very process, which is running
    with _LIVE_LOCK:
        thread = _LIVE.get(holder)
    return thread is None or not thread.is_alive()


def holder_is_alive(holder: str) -> bool:
    """True when the worker named `holder` runs on this host and is known to be running."""
    name = WorkerName.parse(holder)
    return name is not None and name.host == HOST and not holder_is_gone(holder)


def gone_holders(holders: set[str]) -> set[str]:
    return {holder for holder in holders if holder_is_gone(holder)}


# --- Heartbeats ----------------------------------------------------------------------------------


def register(name: WorkerName, *, embedded: bool, restarts: int = 0) -> None:
    now = timezone.now()
    Worker.objects.update_or_create(
        name=str(name),
        defaults={
            "host": name.host,
            "pid": name.pid,
            "embedded": embedded,
            "started_at": now,
            "seen_at": now,
            "stopped_at": None,
            "restarts": restarts,
        },
    )


def beat(name: WorkerName) -> bool:
    """Record that the worker is alive; False (and nothing raised) if the database said no."""
    try:
        Worker.objects.filter(name=str(name)).update(seen_at=timezone.now())
    except DatabaseError as error:
        # SQLite is busy with a long write (an import's single transaction): try again next beat.
        log.debug("heartbeat of %s not recorded: %s", name, error)
        return False
    return True


def unregister(name: WorkerName) -> None:
    try:
        Worker.objects.filter(name=str(name)).update(stopped_at=timezone.now())
    except DatabaseError:
        log.warning("worker %s could not record that it stopped", name)


@dataclass
class WorkerStatus:
    """What the staff pages need to know about the workers."""

    last_seen: datetime | None
    running: bool
    names: list[str] = field(default_factory=list)


def status(now: datetime | None = None) -> WorkerStatus:
    now = now or timezone.now()
    recent = list(
        Worker.objects.filter(stopped_at__isnull=True, seen_at__gte=now - stale_after())
        .order_by("-seen_at")
        .values_list("name", flat=True)
    )
    last = Worker.objects.order_by("-seen_at").values_list("seen_at", flat=True).first()
    return WorkerStatus(last_seen=last, running=bool(recent), names=recent)


def forget_old(now: datetime | None = None) -> int:
    """Heartbeat rows of workers that stopped or vanished more than a week ago."""
    now = now or timezone.now()
    deleted, _ = Worker.objects.filter(seen_at__lt=now - timedelta(days=7)).delete()
    return deleted


def close_thread_connection() -> None:
    """Threads other than the request threads open their own connection: close it when done."""
    with contextlib.suppress(DatabaseError):
        connection.close()
