"""Encrypted backups of the database, and putting one back.

A backup is the database as one consistent snapshot: SQLite's online backup (the site keeps
running) or `pg_dump` in its custom format. It is encrypted as it is written, with the newest
key of HEARD_ENCRYPTION_KEYS, in frames of at most 1 MiB, so that neither making nor restoring
it holds the whole database in memory:

    HEARD-BACKUP\\n
    {"format": 1, "engine": "sqlite", "made_at": "..."}\\n     (a header; nothing secret)
    [4-byte length][Fernet token] ...                             (the frames)
    [4 zero bytes]                                                (the end: a cut file is refused)

Keep the keys apart from the backups: a backup is only as private as the key that opens it, and
a key removed after a rotation still opens the backups made before it (ADR 0016).

What a backup does not hold, on purpose: the erasure log (heard.core.erasure_log), which must
outlive every backup, and uploads waiting to be imported (they are re-sent after a restore).
Restoring puts the database back as it was; the caller then replays the erasure log
(heard.consultations.erasure.restore), so that nobody erased since comes back.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import struct
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import connection
from django.utils import timezone

from heard.core.private_files import FILE_MODE, private_folder

MAGIC = b"HEARD-BACKUP\n"
FORMAT = 1
FRAME = 1024 * 1024
_LENGTH = struct.Struct(">I")

Progress = Callable[[str, int, int | None], None]  # (what, bytes or steps done, total or None)


class BackupError(Exception):
    """A backup cannot be made or read; the message says why and what to do."""


@dataclass(frozen=True)
class BackupInfo:
    engine: str
    made_at: datetime
    size: int  # bytes of database, before encryption


def engine() -> str:
    vendor = connection.vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def _work_folder(kind: str) -> Path:
    """An owner-only folder under HEARD_VAR_DIR for this process's plain copy of the database
    (the SQLite snapshot being encrypted, the backup being restored). A process killed with
    SIGKILL leaves its folder behind: the next backup or restore removes those of processes
    that are gone, so no plain copy lingers."""
    work = private_folder(Path(settings.VAR_DIR) / "backup-work")
    for leftover in work.iterdir():
        pid = leftover.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(leftover, ignore_errors=True)
    return private_folder(work / f"{kind}-{os.getpid()}")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# --- Writing -----------------------------------------------------------------------------------


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    while chunk := stream.read(FRAME):
        yield chunk


def make_backup(target: Path, progress: Progress) -> BackupInfo:
    """Write an encrypted backup of the whole database to `target` (owner-only; replaced
    atomically, so a failed backup never leaves a file that looks whole)."""
    kind = engine()
    made_at = timezone.now()
    private_folder(target.parent)
    descriptor, partial = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".part")
    os.fchmod(descriptor, FILE_MODE)
    size = 0
    try:
        with os.fdopen(descriptor, "wb") as out:
            header = {"format": FORMAT, "engine": kind, "made_at": made_at.isoformat()}
            out.write(MAGIC + json.dumps(header).encode() + b"\n")
            newest = Fernet(settings.ENCRYPTION_KEYS[0])
            with _DatabaseStream(kind, _work_folder("backup")) as stream:
                for chunk in _chunks(stream):
                    token = newest.encrypt(chunk)
                    out.write(_LENGTH.pack(len(token)) + token)
                    size += len(chunk)
                    progress("backing up", size, None)
            out.write(_LENGTH.pack(0))
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return BackupInfo(kind, made_at, size)


class _DatabaseStream:
    """The database as a byte stream: a snapshot file for SQLite, pg_dump's output for
    PostgreSQL."""

    def __init__(self, kind: str, folder: Path) -> None:
        self.kind, self.folder = kind, folder
        self._snapshot: Path | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._stream: IO[bytes] | None = None

    def __enter__(self) -> IO[bytes]:
        if self.kind == "sqlite":
            descriptor, name = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".sqlite3")
            os.fchmod(descriptor, FILE_MODE)
            os.close(descriptor)
            self._snapshot = Path(name)
            connection.ensure_connection()
            source: Any = connection.connection
            copy = sqlite3.connect(name)
            try:
                # The online backup API: a consistent copy while the site goes on writing.
                source.backup(copy, pages=1024)
            finally:
                copy.close()
            self._stream = self._snapshot.open("rb")
            return self._stream
        command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges"]
        self._process = _postgres(command)
        if self._process.stdout is None:
            raise BackupError("pg_dump gave no output stream.")
        self._stream = self._process.stdout
        return self._stream

    def __exit__(self, *exc: object) -> None:
        if self._stream is not None:
            self._stream.close()
        if self._snapshot is not None:
            self._snapshot.unlink(missing_ok=True)
        if self._process is not None:
            stderr = self._process.stderr
            error = stderr.read().decode(errors="replace") if stderr else ""
            if self._process.wait() != 0 and exc[0] is None:
                raise BackupError(f"pg_dump failed: {error.strip() or 'no message'}")


def _postgres(
    command: list[str], stdin: int | None = None, stdout: int = subprocess.PIPE
) -> subprocess.Popen[bytes]:
    """Run a PostgreSQL client program against Heard's database (password through the
    environment, never the command line)."""
    database = connection.settings_dict
    program = shutil.which(command[0])
    if program is None:
        raise BackupError(
            f"{command[0]} was not found. Install PostgreSQL's client programs "
            "(Debian: apt-get install postgresql-client) in a version at least the server's."
        )
    env = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    return subprocess.Popen(  # noqa: S603 - a fixed program and arguments
        [program, *command[1:], f"--dbname={database['NAME']}"],
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
    )


# --- Reading ----------------------------------------------------------------------------------


def read_header(source: Path) -> BackupInfo:
    with source.open("rb") as stream:
        return _header(stream, source)


def _header(stream: IO[bytes], source: Path) -> BackupInfo:
    if stream.read(len(MAGIC)) != MAGIC:
        raise BackupError(f"{source} is not a Heard backup (it does not start as one).")
    try:
        header = json.loads(stream.readline())
        if header["format"] != FORMAT:
            raise BackupError(
                f"{source} is a backup in format {header['format']}; this version of Heard "
                f"reads format {FORMAT}."
            )
        return BackupInfo(header["engine"], datetime.fromisoformat(header["made_at"]), 0)
    except (ValueError, KeyError, TypeError) as error:
        raise BackupError(f"{source}: the backup's header is damaged ({error}).") from error


def _plain_frames(stream: IO[bytes], source: Path) -> Iterator[bytes]:
    every = MultiFernet([Fernet(key) for key in settings.ENCRYPTION_KEYS])
    while True:
        prefix = stream.read(_LENGTH.size)
        if len(prefix) < _LENGTH.size:
            raise BackupError(f"{source} is cut short: the backup is incomplete.")
        (length,) = _LENGTH.unpack(prefix)
        if length == 0:
            return
        token = stream.read(length)
        if len(token) < length:
            raise BackupError(f"{source} is cut short: the backup is incomplete.")
        try:
            yield every.decrypt(token)
        except InvalidToken as error:
            raise BackupError(
                f"{source} cannot be decrypted with any key in HEARD_ENCRYPTION_KEYS. Put back "
                "the key that was newest when the backup was made."
            ) from error


def restore_database(source: Path, progress: Progress) -> BackupInfo:
    """Replace the whole database with the backup's. Nothing is changed if the backup cannot
    be read to its end (it is checked completely first)."""
    kind = engine()
    with source.open("rb") as stream:
        info = _header(stream, source)
        if info.engine != kind:
            raise BackupError(
                f"{source} is a {info.engine} backup; this Heard runs on {kind}. Restore it into "
                f"a {info.engine} database."
            )
        folder = _work_folder("restore")
        plain = folder / "database"
        try:
            # Decrypt to a private file first: a wrong key or a cut file stops here, before the
            # live database is touched.
            done = 0
            with plain.open("wb") as out:
                os.fchmod(out.fileno(), FILE_MODE)
                for chunk in _plain_frames(stream, source):
                    out.write(chunk)
                    done += len(chunk)
                    progress("decrypting", done, None)
            progress("restoring", 0, 1)
            if kind == "sqlite":
                _restore_sqlite(plain)
            else:
                _restore_postgres(plain)
            progress("restoring", 1, 1)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return BackupInfo(info.engine, info.made_at, done)


def _restore_sqlite(plain: Path) -> None:
    copy = sqlite3.connect(plain)
    try:
        if copy.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupError("The backup's database fails SQLite's integrity check.")
        connection.ensure_connection()
        copy.backup(connection.connection)
    finally:
        copy.close()


def _restore_postgres(plain: Path) -> None:
    """pg_restore turns the dump into SQL; psql runs it in one transaction that first drops
    every table of the database, so a table added since the backup (by a later migration) does
    not survive to clash with the migrations that follow. An error rolls it all back."""
    script = plain.with_suffix(".sql")
    program = shutil.which("pg_restore")
    if program is None:
        raise BackupError(
            "pg_restore was not found. Install PostgreSQL's client programs "
            "(Debian: apt-get install postgresql-client) in a version at least the server's."
        )
    converted = subprocess.run(  # noqa: S603 - a fixed program and arguments
        [program, "--no-owner", "--no-privileges", f"--file={script}", str(plain)],
        capture_output=True,
        check=False,
    )
    if converted.returncode != 0:
        raise BackupError(
            "pg_restore could not read the backup's dump: "
            + (converted.stderr.decode(errors="replace").strip() or "no message")
        )
    quote = connection.ops.quote_name
    tables = connection.introspection.table_names()
    connection.close()  # hold no lock on the tables being dropped
    process = _postgres(
        ["psql", "--single-transaction", "--quiet", "--no-psqlrc", "--set=ON_ERROR_STOP=1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
    )
    if process.stdin is None:
        raise BackupError("psql gave no input stream.")
    try:
        if tables:
            drop = "DROP TABLE IF EXISTS " + ", ".join(quote(t) for t in tables) + " CASCADE;\n"
            process.stdin.write(drop.encode())
        with script.open("rb") as sql:
            shutil.copyfileobj(sql, process.stdin)
    except BrokenPipeError:
        pass  # psql stopped on an error: its message is read below
    finally:
        process.stdin.close()
    error = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.wait() != 0:
        raise BackupError(
            "Restoring into PostgreSQL failed; the database was left as it was (one "
            "transaction): " + (error.strip() or "no message")
        )
