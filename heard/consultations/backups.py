"""`heard backup` and `heard restore`: the database saved encrypted, and put back without
bringing back anyone erased (or anything purged) since the backup was made."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command

from heard.consultations import erasure
from heard.core import backup
from heard.core.runner import PERIODIC


@dataclass(frozen=True)
class Restored:
    backup: backup.BackupInfo
    replayed: erasure.Replayed
    housekeeping: int  # items the housekeeping tasks removed (purges past their date, ...)


def make(target: Path, progress: backup.Progress) -> backup.BackupInfo:
    return backup.make_backup(target, progress)


def restore(source: Path, progress: backup.Progress) -> Restored:
    """Put the backup's database in place, bring its tables up to this version, replay the
    erasure log, then run every housekeeping task once (the retention purge of consultations
    whose date has passed, the text of old emails, ...) rather than wait for the worker."""
    info = backup.restore_database(source, progress)
    call_command("migrate", interactive=False, verbosity=0)
    progress("replaying the erasure log", 0, 1)
    replayed = erasure.replay_log()
    progress("replaying the erasure log", 1, 1)
    removed = sum(task.run() for task in PERIODIC.values())
    return Restored(info, replayed, removed)
