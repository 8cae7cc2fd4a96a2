"""The background worker stays up, says it is up, and recovers work whose worker went away.

Real parts: the test database, worker threads with their own connections, a real child process
whose death stands for a killed worker. (tests/test_crash_recovery.py kills real servers.)
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import OperationalError, transaction
from django.utils import timezone

from heard.core import jobs, runner, workers
from heard.core.models import Job, Worker
from heard.notify import delivery, services
from heard.notify.models import Message, State

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def no_worker_left_behind():
    """Every worker thread a test started has ended (and closed its connection) before the next
    test, or the test database could not be dropped at the end."""
    yield
    for thread in threading.enumerate():
        if thread.name.startswith("heard-worker"):
            thread.join(timeout=30)
            assert not thread.is_alive(), f"{thread.name} is still running"


def _queue_message(key: str = "m-1") -> Message:
    with transaction.atomic():
        return services.queue_email(
            scope="consultation:1",
            kind="test",
            dedupe_key=key,
            to="person@example.org",
            subject="Hello",
            text="Hello.",
        )


def _wait_for(condition, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture
def mail_folder(settings, tmp_path) -> Path:
    settings.HEARD_EMAIL_URL = f"file://{tmp_path / 'mail'}"
    return tmp_path / "mail"


def test_the_embedded_worker_survives_a_locked_database(monkeypatch, mail_folder):
    """`database is locked` killed the worker thread for good; now it waits and goes on."""
    message = _queue_message()
    real = delivery.deliver_due
    calls = {"count": 0}

    def locked_twice(**kwargs):
        calls["count"] += 1
        if calls["count"] <= 2:
            raise OperationalError("database is locked")
        return real(**kwargs)

    monkeypatch.setattr(delivery, "deliver_due", locked_twice)
    from heard.cli import _start_embedded_worker

    stop = _start_embedded_worker()
    try:
        sent = _wait_for(lambda: Message.objects.get(pk=message.pk).state == State.SENT)
    finally:
        stop.set()
    assert calls["count"] >= 3
    assert sent, "the message was never sent after the database errors"


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_worker_thread_that_dies_is_started_again(mail_folder):
    message = _queue_message()
    stop = threading.Event()
    killed = threading.Event()

    class DiesOnce(runner.WorkerLoop):
        def round(self) -> bool:
            if not killed.is_set():
                killed.set()
                raise SystemExit("the thread ends, as an uncaught BaseException would end it")
            return super().round()

    supervisor = runner.Supervisor(
        stop=stop,
        make_loop=lambda restarts: DiesOnce(stop=stop, poll=0.1, restarts=restarts),
        check_every=0.1,
    )
    watcher = supervisor.start_in_background()
    try:
        assert _wait_for(lambda: Message.objects.get(pk=message.pk).state == State.SENT)
    finally:
        stop.set()
        watcher.join(timeout=10)
    assert supervisor.restarts == 1
    assert Worker.objects.filter(restarts=1).exists()


def test_a_worker_records_its_heartbeat_and_its_stop(settings, mail_folder):
    settings.HEARD_WORKER_LEASE_SECONDS = 1  # a beat every quarter second
    stop = threading.Event()
    loop = runner.WorkerLoop(stop=stop, poll=0.1)
    thread = threading.Thread(target=loop.run)
    thread.start()
    try:
        assert _wait_for(lambda: Worker.objects.filter(name=str(loop.name)).exists())
        first = Worker.objects.get(name=str(loop.name)).seen_at
        assert _wait_for(lambda: Worker.objects.get(name=str(loop.name)).seen_at > first)
        assert workers.status().running
    finally:
        stop.set()
        thread.join(timeout=10)
    stopped = Worker.objects.get(name=str(loop.name))
    assert stopped.stopped_at is not None
    assert not workers.status().running


# --- Jobs: leases and recovery ----------------------------------------------------------------


@pytest.fixture
def recorded_kind():
    """A job kind that records what happened to it, registered for the test only."""
    seen: dict[str, list[int]] = {"ran": [], "abandoned": []}

    def run(job: Job, progress) -> dict:
        seen["ran"].append(job.pk)
        return {"ok": True}

    jobs.HANDLERS["test.recorded"] = jobs.Kind(run, lambda job: seen["abandoned"].append(job.pk))
    yield seen
    del jobs.HANDLERS["test.recorded"]


def _running_job(holder: str, *, attempts: int = 1, lease_seconds: float = 60) -> Job:
    return Job.objects.create(
        kind="test.recorded",
        state=Job.State.RUNNING,
        claimed_by=holder,
        attempts=attempts,
        lease_until=timezone.now() + timedelta(seconds=lease_seconds),
        stage="saving",
        done=5,
        total=10,
    )


def test_a_job_whose_worker_process_died_is_queued_again_at_once(recorded_kind):
    job = _running_job(f"{workers.HOST}:{_dead_pid()}:abcd")  # lease still has a minute to run
    assert jobs.recover() == 1
    job.refresh_from_db()
    assert (job.state, job.claimed_by, job.stage, job.done) == (Job.State.QUEUED, "", "", 0)
    assert jobs.run_next("test-host:1:worker")
    job.refresh_from_db()
    assert (job.state, job.attempts, job.result) == (Job.State.DONE, 2, {"ok": True})


def test_a_job_that_lost_its_worker_too_often_fails_with_a_reason(recorded_kind):
    job = _running_job(f"{workers.HOST}:{_dead_pid()}:abcd", attempts=jobs.MAX_ATTEMPTS)
    jobs.recover()
    job.refresh_from_db()
    assert job.state == Job.State.FAILED
    assert job.failure == Job.Failure.WORKER_LOST
    assert "stopped while running this job, 3 times" in job.error
    assert recorded_kind["abandoned"] == [job.pk]  # its clean-up ran (the upload is deleted)


def test_an_expired_lease_frees_a_job_held_on_another_machine(recorded_kind):
    far = _running_job("other-machine:4242:abcd", lease_seconds=-1)
    near = _running_job("other-machine:4243:abcd", lease_seconds=60)
    jobs.recover()
    far.refresh_from_db()
    near.refresh_from_db()
    assert far.state == Job.State.QUEUED
    assert near.state == Job.State.RUNNING  # its heartbeat is keeping it


def test_a_live_worker_on_this_machine_keeps_its_job_even_past_its_lease(recorded_kind):
    """SQLite blocks heartbeats while an import's transaction is open: the lease may run out,
    but a worker whose process is known to be alive is not robbed of its job."""
    job = _running_job(str(workers.WorkerName.this_process()), lease_seconds=-60)
    jobs.recover()
    job.refresh_from_db()
    assert job.state == Job.State.RUNNING


def test_jobs_left_running_by_an_older_version_are_recovered(recorded_kind):
    job = _running_job("(before leases)", lease_seconds=-1)
    jobs.recover()
    job.refresh_from_db()
    assert job.state == Job.State.QUEUED


def test_the_heartbeat_renews_the_lease_of_the_running_job(recorded_kind):
    job = _running_job("host:1:me", lease_seconds=1)
    other = _running_job("host:2:them", lease_seconds=1)
    assert jobs.renew_leases("host:1:me") == 1
    job.refresh_from_db()
    other.refresh_from_db()
    assert job.lease_until > other.lease_until + timedelta(seconds=30)


def test_a_busy_database_gives_the_job_back_instead_of_failing_it():
    def busy(job: Job, progress) -> dict:
        raise OperationalError("database is locked")

    jobs.HANDLERS["test.busy"] = jobs.Kind(busy)
    try:
        job = Job.objects.create(kind="test.busy")
        with pytest.raises(OperationalError):
            jobs.run_next("host:1:me")
        job.refresh_from_db()
        assert (job.state, job.attempts, job.error) == (Job.State.QUEUED, 1, "")
    finally:
        del jobs.HANDLERS["test.busy"]


def test_a_job_of_an_unknown_kind_fails_with_a_reason():
    job = Job.objects.create(kind="test.nobody-handles-this")
    assert jobs.run_next("host:1:me")
    job.refresh_from_db()
    assert job.state == Job.State.FAILED
    assert "no handler" in job.error


# --- Email held by a worker that died ---------------------------------------------------------


def test_email_held_by_a_dead_worker_is_recovered_without_waiting_for_the_lease():
    untried, started = _queue_message("a"), _queue_message("b")
    holder = f"{workers.HOST}:{_dead_pid()}:abcd"
    lease = timezone.now() + timedelta(minutes=10)
    Message.objects.filter(pk=untried.pk).update(
        state=State.SENDING, claimed_by=holder, lease_until=lease
    )
    Message.objects.filter(pk=started.pk).update(
        state=State.SENDING, claimed_by=holder, lease_until=lease, sending_started_at=timezone.now()
    )
    assert delivery.expire_leases() == 1
    assert Message.objects.get(pk=untried.pk).state == State.QUEUED
    assert Message.objects.get(pk=started.pk).state == State.UNCERTAIN


def test_a_refused_job_fails_with_its_message_in_one_log_line(caplog):
    def refuse(job: Job, progress) -> dict:
        raise jobs.Refused("“people.xlsx” has more than 250,000 rows; nothing was read.")

    jobs.HANDLERS["test.refused"] = jobs.Kind(refuse)
    try:
        job = Job.objects.create(kind="test.refused")
        with caplog.at_level("INFO", logger="heard.jobs"):
            assert jobs.run_next("host:1:me")
        job.refresh_from_db()
        assert (job.state, job.failure) == (Job.State.FAILED, Job.Failure.ERROR)
        assert job.error == "“people.xlsx” has more than 250,000 rows; nothing was read."
        [record] = [r for r in caplog.records if r.name == "heard.jobs"]
        assert record.exc_info is None  # expected: no traceback in the log
    finally:
        del jobs.HANDLERS["test.refused"]


def test_nothing_of_a_worker_outlives_its_loop(mail_folder):
    """`heard worker --once` ends its loop when nothing is due: its heartbeat ends with it (a
    heartbeat left behind wrote to the database long after, from another test's point of view)."""
    loop = runner.WorkerLoop(stop=threading.Event(), once=True)
    thread = threading.Thread(target=loop.run, name="once-worker")
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert [t.name for t in threading.enumerate() if t.name.startswith("once-worker")] == []
