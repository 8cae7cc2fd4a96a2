"""Sessions in the database, as Django keeps them, read by a prepared query.

Every request with a session cookie reads its row: the respondent's pages most of all. Django's
database store builds the same SELECT's SQL on each of them; this store builds it once per thread
(heard.core.prepared, ADR 0020) and is otherwise Django's: the same table, rows, expiry and
writes. Set as SESSION_ENGINE in heard.settings.

A new session key (a personal link opened, a sign-in) is written once, when the response goes
out, where Django's store first asks the database whether the random key is taken, writes the
row at once with the old data, then writes it again with the new (ADR 0021): one INSERT instead
of a SELECT, an INSERT and an UPDATE. A taken key still cannot be used: the INSERT fails on the
table's unique key and another is drawn, as Django's `create()` does.

A query that reads a session's row with something else (the respondent's visit reads it with the
respondent, ADR 0023) takes `live_data()` as a column and hands what it found to `preload()`:
the session is then read as if `load()` had run, and is not read again.

A row's data is signed (Django signs it even in the database): checking the signature, which
derives the key and computes an HMAC, then inflating it, was a twentieth of a respondent's
request. Most requests find the row as the last one left it, so each process keeps the checked
payload of the rows it read last, keyed by the whole signed text and the keys it was checked
with: the same text always checks to the same payload. A new dictionary is made from the payload
for each request, as before, so no request sees another's changes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, cast

from django.conf import settings
from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.contrib.sessions.models import Session
from django.core import signing
from django.db.models import QuerySet, Subquery
from django.utils import timezone
from django.utils.crypto import get_random_string

from heard.core.prepared import PreparedQuery


def _live(session_key: str, now: datetime) -> QuerySet[Session]:
    return Session.objects.filter(session_key=session_key, expire_date__gt=now)[:1]


def live_data(session_key: str, now: datetime) -> Subquery:
    """The data of the session with this key, as a column of another query: NULL when there is
    no such session or it has expired, as load() finds it."""
    return Subquery(_live(session_key, now).values("session_data"))


_LIVE = PreparedQuery(
    _live,
    session_key="(marker session key)",
    now=datetime(1999, 12, 31, 23, 59, 58, 765432, tzinfo=UTC),
)


class _Payload:
    """A serializer for `signing.loads` that leaves the checked payload as it is (bytes)."""

    def loads(self, data: bytes) -> bytes:
        return data


@lru_cache(maxsize=4096)
def _checked_payload(
    session_data: str, salt: str, secret: str, fallbacks: tuple[str, ...]
) -> bytes:
    # `secret` and `fallbacks` are in the key, not passed on: signing reads them from the settings.
    payload: bytes = signing.loads(session_data, salt=salt, serializer=cast(Any, _Payload))
    return payload


class SessionStore(db.SessionStore):
    def decode(self, session_data: bytes | str) -> dict[str, Any]:
        """Django's decode, with the signature's check kept per process (see the module's note).
        Data that fails the check is not kept: Django's decode handles it (logs it, empty
        session)."""
        text = session_data if isinstance(session_data, str) else session_data.decode()
        try:
            payload = _checked_payload(
                text,
                self.key_salt,
                settings.SECRET_KEY,
                tuple(settings.SECRET_KEY_FALLBACKS),
            )
        except Exception:  # bad or tampered data: Django's decode, below, says what to do
            decoded: dict[str, Any] = super().decode(session_data)
            return decoded
        found: dict[str, Any] = self.serializer().loads(payload)
        return found

    def _get_new_session_key(self) -> str:
        # 32 characters from 36: a key already in use is as likely as guessing one, and the
        # INSERT of create() refuses it anyway (CreateError, then another key).
        return get_random_string(32, VALID_KEY_CHARS)

    def cycle_key(self) -> None:
        """A new key for the same data, written by the save at the end of the request (the
        session middleware saves a changed session; without a key, save() creates the row)."""
        data = self._get_session()  # type: ignore[attr-defined] # Django's, not in the stubs
        key = self.session_key
        self._session_key = None
        self._session_cache = data
        self.modified = True
        if key:
            self.delete(key)

    def _get_session_from_db(self) -> Any:
        found = _LIVE.one(session_key=str(self.session_key), now=timezone.now())
        if found is None:
            self._session_key = None
        return found

    def preload(self, data: str | None) -> None:
        """What `live_data()` found for this session's key, read in another query: the session is
        what load() would have made of it (a key found nowhere is dropped, as load() drops it),
        and the database is not asked again."""
        if data is None:
            self._session_key = None
            self._session_cache = {}
        else:
            self._session_cache = self.decode(data)
