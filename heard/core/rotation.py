"""Move everything encrypted at rest to the newest key of HEARD_ENCRYPTION_KEYS.

Rotation is: put a new key first in HEARD_ENCRYPTION_KEYS (older ones stay after it, so every
value still decrypts), restart, run `heard rotate-keys`, then remove the old keys. The command
reads each encrypted column's stored token directly (never the plain text through the model),
re-encrypts only the tokens the newest key cannot already open, and writes them back in batches,
each in its own transaction: stopped at any point, it is run again and carries on, since what is
done is skipped. Encrypted files (uploads waiting to be imported) are rewritten atomically.

A token no key opens is reported by table, column and row, never by content, and left as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.db import connection, models, transaction

from heard.core.crypto import EncryptedBytesField, EncryptedTextField
from heard.core.private_files import write_private

Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass
class RotationReport:
    rotated: int = 0  # values and files moved to the newest key
    current: int = 0  # already under it
    unreadable: list[str] = field(default_factory=list)  # "table.column row 12", no content


def encrypted_columns() -> Iterator[
    tuple[type[models.Model], list[EncryptedTextField | EncryptedBytesField]]
]:
    """Every model with encrypted columns whose table exists, and those columns."""
    tables = set(connection.introspection.table_names())
    for model in apps.get_models():
        fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, EncryptedTextField | EncryptedBytesField)
        ]
        if fields and not model._meta.proxy and model._meta.db_table in tables:
            yield model, fields


def _keys() -> tuple[Fernet, MultiFernet]:
    keys = [Fernet(key) for key in settings.ENCRYPTION_KEYS]
    return keys[0], MultiFernet(keys)


def _is_current(newest: Fernet, token: bytes) -> bool:
    try:
        newest.decrypt(token)
    except InvalidToken:
        return False
    return True


def rotate_database(progress: Progress, batch: int = 500) -> RotationReport:
    newest, every = _keys()
    report = RotationReport()
    quote = connection.ops.quote_name
    for model, fields in encrypted_columns():
        # Rows of files (EncryptedBytesField) a few at a time: each may hold megabytes.
        rows_at_once = min([batch, *(getattr(f, "rotation_batch", batch) for f in fields)])
        table = model._meta.db_table
        pk = str(model._meta.pk.column)
        columns = [str(f.column) for f in fields]
        total = model._base_manager.count()
        label = f"{table} ({', '.join(columns)})"
        # Table and column names come from the models, quoted: no value is put in the SQL.
        columns_sql = ", ".join(quote(c) for c in columns)
        last: Any = None
        done = 0
        progress(label, 0, total)
        while True:
            after = "" if last is None else f"WHERE {quote(pk)} > %s "
            select = (
                f"SELECT {quote(pk)}, {columns_sql} FROM {quote(table)} "  # noqa: S608
                f"{after}ORDER BY {quote(pk)} LIMIT %s"
            )
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(select, [rows_at_once] if last is None else [last, rows_at_once])
                rows = cursor.fetchall()
                for row in rows:
                    changes = {}
                    for column, token in zip(columns, row[1:], strict=True):
                        if token is None or token == "":
                            continue
                        raw = token.encode() if isinstance(token, str) else bytes(token)
                        if _is_current(newest, raw):
                            report.current += 1
                            continue
                        try:
                            changes[column] = every.rotate(raw).decode()
                        except InvalidToken:
                            report.unreadable.append(f"{table}.{column} row {row[0]}")
                    if changes:
                        assignments = ", ".join(f"{quote(c)} = %s" for c in changes)
                        cursor.execute(
                            f"UPDATE {quote(table)} SET {assignments} "  # noqa: S608
                            f"WHERE {quote(pk)} = %s",
                            [*changes.values(), row[0]],
                        )
                        report.rotated += len(changes)
            if not rows:
                break
            last = rows[-1][0]
            done += len(rows)
            progress(label, done, total)
    return report


# The folders of encrypted files, registered by the apps that keep them (as queues register
# with heard.core.runner): core knows no app.
_FOLDERS: list[Callable[[], Path]] = []


def register_encrypted_folder(folder: Callable[[], Path]) -> None:
    """An app's folder of encrypted files (``*.enc``), read each time (tests move it)."""
    _FOLDERS.append(folder)


def encrypted_files() -> list[Path]:
    """The encrypted files Heard keeps (uploads waiting to be imported)."""
    found: list[Path] = []
    for folder in _FOLDERS:
        path = folder()
        if path.exists():
            found += sorted(path.glob("*.enc"))
    return found


def rotate_files(progress: Progress) -> RotationReport:
    newest, every = _keys()
    report = RotationReport()
    files = encrypted_files()
    progress("encrypted files", 0, len(files))
    for done, path in enumerate(files, start=1):
        try:
            token = path.read_bytes()
        except FileNotFoundError:
            continue  # imported or cleaned up meanwhile
        if _is_current(newest, token):
            report.current += 1
        else:
            try:
                write_private(path, every.rotate(token))
                report.rotated += 1
            except InvalidToken:
                report.unreadable.append(f"file {path.name}")
        progress("encrypted files", done, len(files))
    return report


# --- Blind indexes --------------------------------------------------------------------------------
# A keyed hash cannot be moved to a new key without its input, so each app registers how to
# compute a column's hash again from the row (decrypting what it needs). Hashes whose input is
# not kept (door codes, sign-in counters, request throttles) cannot be recomputed: lookups try
# every key in HEARD_BLIND_INDEX_KEY, so the older key stays listed until those have expired.


@dataclass(frozen=True)
class BlindIndex:
    model: type[models.Model]
    column: str
    reads: tuple[str, ...]  # the fields `value_of` needs (only those are loaded and decrypted)
    value_of: Callable[[Any], str]  # the row's hash under the newest key
    cleared: tuple[str, ...] = ()  # other hashes of the row that are dropped when it moves


_BLIND_INDEXES: list[BlindIndex] = []


def register_blind_index(
    model: type[models.Model],
    column: str,
    *,
    reads: tuple[str, ...],
    value_of: Callable[[Any], str],
    cleared: tuple[str, ...] = (),
) -> None:
    _BLIND_INDEXES.append(BlindIndex(model, column, reads, value_of, cleared))


def _load(index: BlindIndex, pks: list[Any], report: RotationReport, label: str) -> list[Any]:
    """The rows, locked, with what the hash needs; a row whose input no key opens is reported
    (by table and row, never content) and left out."""
    rows = index.model._base_manager.select_for_update().only(
        "pk", index.column, *index.reads, *index.cleared
    )
    try:
        return list(rows.filter(pk__in=pks).order_by("pk"))
    except ValueError:  # one of them cannot be decrypted: find which, one by one
        found = []
        for pk in pks:
            try:
                found.append(rows.get(pk=pk))
            except ValueError:
                report.unreadable.append(f"{label} row {pk}")
        return found


def rotate_blind_indexes(progress: Progress, batch: int = 500) -> RotationReport:
    """Recompute every registered keyed hash under the newest key, in batches (each its own
    transaction, so that a stopped run carries on where it was)."""
    report = RotationReport()
    for index in _BLIND_INDEXES:
        model = index.model
        label = f"{model._meta.db_table}.{index.column}"
        total = model._base_manager.count()
        progress(label, 0, total)
        last: Any = None
        done = 0
        while True:
            keys = model._base_manager.order_by("pk").values_list("pk", flat=True)
            if last is not None:
                keys = keys.filter(pk__gt=last)
            pks = list(keys[:batch])
            if not pks:
                break
            with transaction.atomic():
                moved = []
                for row in _load(index, pks, report, label):
                    value = index.value_of(row)
                    if getattr(row, index.column) == value:
                        report.current += 1
                        continue
                    setattr(row, index.column, value)
                    for other in index.cleared:
                        setattr(row, other, "")
                    moved.append(row)
                if moved:
                    model._base_manager.bulk_update(moved, [index.column, *index.cleared])
                    report.rotated += len(moved)
            last = pks[-1]
            done += len(pks)
            progress(label, done, total)
    return report


# Hashes whose input Heard does not keep (door codes): each app that stores some registers how
# many are still needed, so that rotate-keys can say whether the older key must stay listed.
_STILL_NEEDED: list[Callable[[], int]] = []


def register_kept_hashes(still_needed: Callable[[], int]) -> None:
    _STILL_NEEDED.append(still_needed)


def hashes_kept_under_older_keys() -> int:
    return sum(count() for count in _STILL_NEEDED)
