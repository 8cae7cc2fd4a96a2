"""The worker loop: long jobs first, then the queues apps register (email), then housekeeping.

`heard worker` runs one loop in its own process; `heard serve --with-worker` runs one in a thread
beside the web server. Either way the loop:

- never dies of a database error: a busy SQLite file ("database is locked") or a dropped
  PostgreSQL connection makes it close its connection and wait (1 s, doubling to a minute), then
  go on; any other error is logged and treated the same way;
- is restarted by its supervisor if its thread ends anyway, under a new name (so that work the old
  thread held is recovered at once);
- records a heartbeat every few seconds (heard.core.workers), from a thread of its own, which also
  renews the lease of the job it is running, however long that job's transaction is.

Apps plug in without core importing them: `register_queue` for work drained every round (the
email outbox), `periodic` for housekeeping run every so often (abandoned uploads).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import DatabaseError, close_old_connections

from heard.core import jobs, workers

log = logging.getLogger("heard.worker")

MAX_BACKOFF = 60.0


@dataclass
class Drained:
    """What one pass over a queue did."""

    handled: int = 0
    full: bool = False  # the batch was full: more is due now, don't wait before the next round
    summary: str = ""
    errors: list[str] = field(default_factory=list)


QueueDrain = Callable[[str, int], Drained]  # (worker name, batch size) -> what it did
QUEUES: dict[str, QueueDrain] = {}


@dataclass
class Periodic:
    every: timedelta
    run: Callable[[], int]


PERIODIC: dict[str, Periodic] = {}


def register_queue(name: str, drain: QueueDrain) -> None:
    QUEUES[name] = drain


def periodic(name: str, *, every: timedelta) -> Callable[[Callable[[], int]], Callable[[], int]]:
    def register(function: Callable[[], int]) -> Callable[[], int]:
        PERIODIC[name] = Periodic(every, function)
        return function

    return register


Say = Callable[[str], None]


def _quiet(_line: str) -> None:
    return None


class WorkerLoop:
    """One worker: rounds of (recover, jobs, queues, housekeeping) until `stop` is set."""

    def __init__(
        self,
        *,
        stop: threading.Event,
        batch: int = 100,
        poll: float = 2.0,
        once: bool = False,
        embedded: bool = False,
        say: Say = _quiet,
        restarts: int = 0,
    ) -> None:
        self.stop = stop
        self.batch = batch
        self.poll = poll
        self.once = once
        self.embedded = embedded
        self.say = say
        self.restarts = restarts
        self.name = workers.WorkerName.new()
        self._last_periodic: dict[str, float] = {}

    # -- one round --------------------------------------------------------------------------

    def round(self) -> bool:
        """Do what is due now. True when there may be more right away."""
        name = str(self.name)
        close_old_connections()
        jobs.recover()
        while not self.stop.is_set() and jobs.run_next(name):
            close_old_connections()  # long jobs (imports) first, then the email they may queue
        busy = False
        for queue, drain in QUEUES.items():
            drained = drain(name, self.batch)
            if drained.handled:
                self.say(f"{queue}: {drained.summary}")
            for error in drained.errors:
                log.warning("%s: %s", queue, error)
            busy = busy or drained.full
        self._housekeeping()
        return busy

    def _housekeeping(self) -> None:
        now = time.monotonic()
        for task_name, task in PERIODIC.items():
            last = self._last_periodic.get(task_name)
            if last is not None and now - last < task.every.total_seconds():
                continue
            self._last_periodic[task_name] = now
            count = task.run()
            if count:
                log.info("housekeeping %s: %s", task_name, count)

    # -- the loop, with its heartbeat and backoff --------------------------------------------

    def run(self) -> None:
        """Run rounds until stopped. Errors never end the loop; they make it wait."""
        thread = threading.current_thread()
        workers.mark_running(self.name, thread)
        ended = threading.Event()  # the heartbeat lives exactly as long as this loop
        heartbeat = threading.Thread(
            target=self._heartbeat, args=(ended,), name=f"{thread.name}-heartbeat", daemon=True
        )
        wait = 0.0
        registered = False
        try:
            while not self.stop.is_set():
                try:
                    if not registered:
                        workers.register(self.name, embedded=self.embedded, restarts=self.restarts)
                        registered = True
                        heartbeat.start()
                    busy = self.round()
                except DatabaseError as error:
                    wait = min(max(wait * 2, 1.0), MAX_BACKOFF)
                    log.warning(
                        "worker %s: database unavailable (%s); trying again in %.0f s",
                        self.name,
                        str(error).splitlines()[0] if str(error) else type(error).__name__,
                        wait,
                    )
                    workers.close_thread_connection()
                    self.stop.wait(wait)
                    continue
                except Exception:
                    wait = min(max(wait * 2, 1.0), MAX_BACKOFF)
                    log.exception("worker %s: error; trying again in %.0f s", self.name, wait)
                    workers.close_thread_connection()
                    self.stop.wait(wait)
                    continue
                wait = 0.0
                if self.once and not busy:
                    return
                if not busy:
                    self.stop.wait(self.poll)
        finally:
            ended.set()
            if heartbeat.is_alive():
                heartbeat.join(timeout=30)
            workers.mark_stopped(self.name)
            if registered:
                workers.unregister(self.name)
            workers.close_thread_connection()

    def _heartbeat(self, ended: threading.Event) -> None:
        """Beat until the loop ends; renew the leases of the jobs it holds."""
        name = str(self.name)
        try:
            while not ended.wait(workers.heartbeat_interval()):
                if workers.beat(self.name):
                    try:
                        jobs.renew_leases(name)
                    except DatabaseError as error:
                        log.debug("lease of %s not renewed: %s", name, error)
        finally:
            workers.close_thread_connection()


class Supervisor:
    """Runs a worker loop in a thread and starts a new one if that thread ever ends."""

    def __init__(
        self,
        *,
        stop: threading.Event,
        make_loop: Callable[[int], WorkerLoop],
        check_every: float = 5.0,
    ) -> None:
        self.stop = stop
        self.make_loop = make_loop  # given the number of restarts so far
        self.check_every = check_every
        self.restarts = 0
        self.loop: WorkerLoop | None = None

    def _start_loop(self) -> threading.Thread:
        self.loop = self.make_loop(self.restarts)
        thread = threading.Thread(target=self.loop.run, name="heard-worker", daemon=True)
        thread.start()
        return thread

    def watch(self) -> None:
        """Keep a loop running until `stop` is set (blocks; run it in a thread or the main one)."""
        thread = self._start_loop()
        while True:
            thread.join(timeout=self.check_every)
            if thread.is_alive():
                continue
            if self.stop.is_set() or (self.loop is not None and self.loop.once):
                return
            self.restarts += 1
            log.error("the worker thread stopped; starting it again (restart %s)", self.restarts)
            thread = self._start_loop()

    def start_in_background(self) -> threading.Thread:
        watcher = threading.Thread(target=self.watch, name="heard-worker-supervisor", daemon=True)
        watcher.start()
        return watcher
