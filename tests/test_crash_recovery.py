"""Kill the web server (kill -9) in the middle of work, start it again: nothing stays stuck.

Real processes: `heard serve --with-worker` (the web server with its embedded worker) on its own
database (a SQLite file, or a fresh PostgreSQL database when DATABASE_URL points at PostgreSQL),
a real SMTP server on loopback, SIGKILL. Afterwards every job has finished or failed with a
reason, nothing was half imported, and every email was delivered once or is marked uncertain.
"""

from __future__ import annotations

import csv
import io
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.smtp import SmtpServer, free_port

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "heard" / "examples" / "human-trafficking-2018"
PEOPLE = 20_000
MESSAGES = 40


@dataclass
class Database:
    url: str
    query: Callable[[str], list[tuple]]


def _sqlite(path: Path) -> Database:
    def query(sql: str) -> list[tuple]:
        with sqlite3.connect(path, timeout=30) as connection:
            return connection.execute(sql).fetchall()

    return Database(f"sqlite:///{path}", query)


@pytest.fixture
def database(tmp_path) -> Iterator[Database]:
    configured = os.environ.get("DATABASE_URL", "")
    if not configured.startswith(("postgres://", "postgresql://")):
        yield _sqlite(tmp_path / "heard.sqlite3")
        return
    import psycopg

    parts = urlsplit(configured)
    name = f"heard_crash_{uuid.uuid4().hex[:8]}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    url = urlunsplit(parts._replace(path=f"/{name}"))

    def query(sql: str) -> list[tuple]:
        with psycopg.connect(url) as connection:
            return connection.execute(sql).fetchall()

    yield Database(url, query)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Heard:
    """The `heard` command on the test's own database and var folder."""

    def __init__(self, tmp_path: Path, database: Database, email_url: str) -> None:
        self.env = {
            k: v for k, v in os.environ.items() if not k.startswith(("HEARD_", "DATABASE_URL"))
        }
        self.env.update(
            HEARD_VAR_DIR=str(tmp_path / "var"),
            DATABASE_URL=database.url,
            HEARD_EMAIL_URL=email_url,
            DJANGO_SETTINGS_MODULE="heard.settings",
        )
        self.port = free_port()
        self.log = tmp_path / "server.log"
        self.server: subprocess.Popen[bytes] | None = None

    def run(self, *args: str) -> None:
        subprocess.run(
            [sys.executable, "-m", "heard.cli", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            timeout=300,
        )

    def python(self, code: str) -> None:
        subprocess.run(
            [sys.executable, "-c", "import django; django.setup()\n" + code],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            timeout=300,
        )

    def serve(self) -> None:
        with self.log.open("ab") as log:
            self.server = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "heard.cli",
                    "serve",
                    "--with-worker",
                    "--port",
                    str(self.port),
                ],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        _wait(lambda: _listening(self.port), 120, "the server to listen")

    def kill(self) -> None:
        assert self.server is not None
        self.server.send_signal(signal.SIGKILL)
        self.server.wait(30)
        self.server = None

    def stop(self) -> None:
        if self.server is not None:
            self.server.terminate()
            self.server.wait(30)
            self.server = None


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def _wait(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"waited {seconds} s for {what}")


@pytest.mark.slow
def test_an_import_killed_mid_way_ends_done_with_nothing_half_imported(tmp_path, database):
    heard = Heard(tmp_path, database, f"file://{tmp_path / 'mail'}")
    heard.run("load", "--migrate", str(DEMO))
    rows = io.StringIO()
    writer = csv.writer(rows)
    writer.writerow(["name", "email", "organisation"])
    for n in range(PEOPLE):
        writer.writerow([f"Person {n}", f"person{n}@crash.example", f"Organisation {n % 97}"])
    (tmp_path / "people.csv").write_text(rows.getvalue(), encoding="utf-8")
    heard.python(
        "from pathlib import Path\n"
        "from heard.consultations.models import Consultation\n"
        "from heard.core.jobs import enqueue\n"
        "from heard.stakeholders.jobs import store_upload\n"
        f"content = Path({str(tmp_path / 'people.csv')!r}).read_bytes()\n"
        "consultation = Consultation.objects.get(key='human-trafficking-2018')\n"
        "enqueue(kind='stakeholders.import', scope=consultation.scope, actor=None, payload={\n"
        "    'consultation': consultation.pk, 'token': store_upload(content, 'csv'),\n"
        "    'suffix': 'csv', 'name': 'people.csv',\n"
        "    'mapping': {'name': 'name', 'email': 'email', 'organisation': 'organisation'}})\n"
    )
    people = "SELECT count(*) FROM stakeholders_person WHERE email_index <> ''"
    before = database.query(people)[0][0]
    job = "SELECT state, stage, attempts, error FROM core_job"
    try:
        heard.serve()
        # Into the single transaction that saves everyone, then kill the process outright.
        _wait(lambda: database.query(job)[0][1] in ("saving", "writing"), 120, "the saving stage")
        time.sleep(0.5)
        heard.kill()
        state, _stage, attempts, _error = database.query(job)[0]
        assert (state, attempts) == ("running", 1)  # orphaned: nobody will finish it …
        assert database.query(people)[0][0] == before  # … and nothing was half imported

        heard.serve()  # the new process sees the holder is gone and runs the import again
        _wait(lambda: database.query(job)[0][0] in ("done", "failed"), 300, "the job to end")
    finally:
        heard.stop()
    state, _stage, attempts, error = database.query(job)[0]
    assert (state, attempts, error) == ("done", 2, "")
    assert database.query(people)[0][0] == before + PEOPLE


@pytest.mark.slow
def test_email_delivery_killed_mid_way_sends_each_message_once_or_marks_it_uncertain(
    tmp_path, database
):
    smtp = SmtpServer()
    smtp.recorder.slow_subjects = {f"Message {n}" for n in range(MESSAGES)}
    smtp.recorder.slow_seconds = 0.2  # each answer comes late: a kill lands mid-conversation
    smtp.start()
    heard = Heard(tmp_path, database, f"smtp://127.0.0.1:{smtp.port}?timeout=5")
    try:
        heard.run("manage", "migrate", "--no-input")
        heard.python(
            "from django.db import transaction\n"
            "from heard.notify.services import queue_email\n"
            "with transaction.atomic():\n"
            f"    for n in range({MESSAGES}):\n"
            "        queue_email(scope='', kind='test', dedupe_key=f'crash-{n}',\n"
            "            to=f'person{n}@crash.example', subject=f'Message {n}', text='Hello.')\n"
        )
        heard.serve()
        _wait(lambda: len(smtp.recorder.messages) >= 5, 120, "the first deliveries")
        heard.kill()
        heard.serve()
        pending = "SELECT count(*) FROM notify_message WHERE state IN ('queued', 'sending')"
        _wait(lambda: database.query(pending)[0][0] == 0, 300, "the outbox to empty")
    finally:
        heard.stop()
        smtp.stop()
    outcome = dict(database.query("SELECT message_id, state FROM notify_message"))
    received = smtp.recorder.ids()
    assert set(outcome.values()) <= {"sent", "uncertain"}
    assert max(received.values()) == 1  # nobody got a message twice
    sent = {mid for mid, state in outcome.items() if state == "sent"}
    uncertain = {mid for mid, state in outcome.items() if state == "uncertain"}
    assert sent <= set(received)  # every message marked sent was received
    assert len(uncertain) <= 1  # at most the one the killed worker was sending …
    assert len(sent) + len(uncertain) == MESSAGES  # … and every other one was delivered
