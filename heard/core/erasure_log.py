"""The erasure log: every erasure and retention purge, kept outside the database.

A backup holds people as they were when it was made. Restoring it must not bring back someone
who was erased since, nor personal data purged since, so each erasure and purge is also written
here, a file beside the database and never inside a backup, and `heard restore` runs them all
again after putting the database back (ADR 0016).

An entry holds the least that lets the action be run again: the consultation's id and, for an
erasure, the person's email address encrypted with HEARD_ENCRYPTION_KEYS (the address is how
an erasure finds a person everywhere; a keyed hash would not survive a blind index key rotation
between the backup and the restore). `heard rotate-keys` moves the addresses to the newest key.
The file is owner-only, each entry is flushed to disk before the erasure's transaction commits.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from heard.core import crypto
from heard.core.private_files import FILE_MODE, private_folder, write_private

ERASURE = "erasure"
PURGE = "purge"


@dataclass(frozen=True)
class Entry:
    kind: str  # ERASURE or PURGE
    at: datetime
    consultation_id: int
    email: str = ""  # the erased person's address (decrypted), for an erasure


def path() -> Path:
    return Path(settings.HEARD_ERASURE_LOG)


def append(kind: str, consultation_id: int, email: str = "") -> None:
    record: dict[str, Any] = {
        "kind": kind,
        "at": timezone.now().isoformat(timespec="seconds"),
        "consultation": consultation_id,
    }
    if email:
        record["email"] = crypto.encrypt(email)
    target = path()
    private_folder(target.parent)
    descriptor = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
    with os.fdopen(descriptor, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, sort_keys=True) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


class UnreadableLog(ValueError):
    """A line of the log could not be read: the restore stops rather than skip an erasure."""


def entries() -> list[Entry]:
    """Every entry, oldest first."""
    target = path()
    if not target.exists():
        return []
    found: list[Entry] = []
    for number, line in enumerate(target.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            email = crypto.decrypt(record["email"]) if record.get("email") else ""
            found.append(
                Entry(
                    kind=record["kind"],
                    at=datetime.fromisoformat(record["at"]),
                    consultation_id=int(record["consultation"]),
                    email=email,
                )
            )
        except (ValueError, KeyError, TypeError) as error:
            raise UnreadableLog(
                f"{target}, line {number}: this erasure log entry cannot be read ({error}). "
                "If it was written under an encryption key that is no longer configured, put "
                "that key back in HEARD_ENCRYPTION_KEYS."
            ) from error
    return found


def rotate(reencrypt: Callable[[str], str]) -> int:
    """Re-encrypt every address under the newest key (for `heard rotate-keys`); returns how many
    entries were rewritten. The file is replaced atomically."""
    target = path()
    if not target.exists():
        return 0
    lines = []
    moved = 0
    for line in target.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        if record.get("email"):
            rotated = reencrypt(record["email"])
            moved += rotated != record["email"]
            record["email"] = rotated
        lines.append(json.dumps(record, sort_keys=True))
    write_private(target, ("\n".join(lines) + "\n").encode("utf-8") if lines else b"")
    return moved
