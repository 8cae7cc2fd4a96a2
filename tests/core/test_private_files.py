"""Files holding personal data are owner-only (0600 in 0700 folders) and not kept longer than
needed: delivered mail, uploads waiting for their import, exports made on the command line."""

from __future__ import annotations

import os
import stat
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import transaction

from heard.cli import main
from heard.core.jobs import enqueue, run_next
from heard.core.models import Job
from heard.core.private_files import remove_older_than
from heard.notify import services
from heard.notify.delivery import deliver_due
from heard.stakeholders import jobs as import_jobs


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def permissive_umask():
    """The usual umask (0022) gives 0644 files: the code must not rely on a stricter one."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.mark.django_db(transaction=True)
def test_delivered_mail_files_are_owner_only(settings, tmp_path):
    folder = tmp_path / "mail"
    folder.mkdir(mode=0o755)  # a folder left world-readable by an earlier version
    settings.HEARD_EMAIL_URL = f"file://{folder}"
    with transaction.atomic():
        services.queue_email(
            scope="consultation:1",
            kind="test",
            dedupe_key="m",
            to="person@example.org",
            subject="Your personal link",
            text="http://127.0.0.1:8000/q/a-live-token/",
        )
    assert deliver_due().sent == 1
    [delivered] = folder.iterdir()
    assert _mode(delivered) == 0o600
    assert _mode(folder) == 0o700


@pytest.fixture
def uploads(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "uploads"
    monkeypatch.setattr(import_jobs, "UPLOADS", folder)
    return folder


def test_uploads_wait_encrypted_and_owner_only(uploads):
    token = import_jobs.store_upload(b"name,email\nAda,ada@example.org\n", "csv")
    stored = import_jobs.upload_path(token, "csv")
    assert _mode(stored) == 0o600 and _mode(uploads) == 0o700
    assert b"ada@example.org" not in stored.read_bytes()


def _import_job(consultation, token: str) -> Job:
    return enqueue(
        kind="stakeholders.import",
        scope=consultation.scope,
        actor=None,
        payload={
            "consultation": consultation.pk,
            "token": token,
            "suffix": "csv",
            "name": "people.csv",
            "mapping": {"name": "name", "email": "email"},
        },
    )


@pytest.mark.django_db
def test_an_upload_is_deleted_once_imported_and_when_its_import_fails(consultation, uploads):
    good = import_jobs.store_upload(b"name,email\nAda,ada@example.org\n", "csv")
    _import_job(consultation, good)
    assert run_next()
    assert not import_jobs.upload_path(good, "csv").exists()
    broken = import_jobs.store_upload(b"name,email\nAda,ada@example.org\n", "csv")
    failing = _import_job(consultation, broken)
    Job.objects.filter(pk=failing.pk).update(payload={**failing.payload, "consultation": 0})
    assert run_next()
    assert Job.objects.get(pk=failing.pk).state == Job.State.FAILED
    assert not import_jobs.upload_path(broken, "csv").exists()


@pytest.mark.django_db
def test_abandoned_uploads_are_deleted_after_a_day(consultation, uploads):
    abandoned = import_jobs.store_upload(b"name,email\n", "csv")
    fresh = import_jobs.store_upload(b"name,email\n", "csv")
    waiting = import_jobs.store_upload(b"name,email\n", "csv")
    _import_job(consultation, waiting)  # queued behind a stopped worker: still needed
    two_days_ago = time.time() - 2 * 24 * 3600
    for token in (abandoned, waiting):
        os.utime(import_jobs.upload_path(token, "csv"), (two_days_ago, two_days_ago))
    assert import_jobs.delete_abandoned_uploads() == 1
    assert not import_jobs.upload_path(abandoned, "csv").exists()
    assert import_jobs.upload_path(fresh, "csv").exists()
    assert import_jobs.upload_path(waiting, "csv").exists()


def test_the_sweep_keeps_files_younger_than_its_age(tmp_path):
    (tmp_path / "new").write_bytes(b"x")
    assert remove_older_than(tmp_path, timedelta(hours=1)) == 0
    assert remove_older_than(tmp_path / "missing", timedelta(hours=1)) == 0


@pytest.mark.django_db
def test_the_registry_export_on_the_command_line_is_owner_only(consultation, tmp_path):
    target = tmp_path / "registry.csv"
    assert main(["export-stakeholders", consultation.key, str(target)]) == 0
    assert _mode(target) == 0o600
