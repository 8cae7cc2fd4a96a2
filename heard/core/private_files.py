"""Files that hold personal data on disk: readable by the owner only, and not kept longer than
they are needed.

Heard writes few files (delivered mail in the file transport, uploads waiting to be imported,
exports made on the command line); each goes through here so that none is left readable by
other accounts on the machine (files 0600 in folders 0700), whatever the process's umask.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Collection
from datetime import timedelta
from pathlib import Path
from typing import TextIO

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(path: Path) -> Path:
    """Create the folder (and its parents) if needed, and make it owner-only."""
    path.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    os.chmod(path, FOLDER_MODE)
    return path


def write_private(path: Path, data: bytes) -> Path:
    """Write `data` to `path` atomically (a reader sees all of it or nothing), owner-only."""
    private_folder(path.parent)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    try:
        os.fchmod(descriptor, FILE_MODE)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def open_private_text(path: Path) -> TextIO:
    """Open a new or truncated UTF-8 text file for writing, owner-only (for streamed exports).

    The folder is the caller's choice (often the current one) and is left as it is."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    os.fchmod(descriptor, FILE_MODE)  # an existing file keeps its mode under O_CREAT: set it
    return os.fdopen(descriptor, "w", encoding="utf-8", newline="\n")


def write_private_file(path: Path, data: bytes) -> None:
    """Write a file the user named (an export), owner-only, in a folder left as it is."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    os.fchmod(descriptor, FILE_MODE)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)


def remove_older_than(folder: Path, age: timedelta, *, keep: Collection[str] = ()) -> int:
    """Delete the files in `folder` last changed more than `age` ago, except the names in `keep`.
    Returns how many were deleted."""
    if not folder.is_dir():
        return 0
    cutoff = time.time() - age.total_seconds()
    deleted = 0
    for entry in folder.iterdir():
        if entry.name in keep or not entry.is_file():
            continue
        try:
            if entry.stat().st_mtime < cutoff:
                entry.unlink()
                deleted += 1
        except FileNotFoundError:
            continue  # removed meanwhile by the job that used it
    return deleted
