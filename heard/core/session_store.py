"""Sessions in the database, as Django keeps them, read by a prepared query.

Every request with a session cookie reads its row: the respondent's pages most of all. Django's
database store builds the same SELECT's SQL on each of them; this store builds it once per thread
(heard.core.prepared, ADR 0020) and is otherwise Django's: the same table, rows, expiry and
writes. Set as SESSION_ENGINE in heard.settings.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db.models import QuerySet
from django.utils import timezone

from heard.core.prepared import PreparedQuery


def _live(session_key: str, now: datetime) -> QuerySet[Session]:
    return Session.objects.filter(session_key=session_key, expire_date__gt=now)[:1]


_LIVE = PreparedQuery(
    _live,
    session_key="(marker session key)",
    now=datetime(1999, 12, 31, 23, 59, 58, 765432, tzinfo=UTC),
)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self) -> Any:
        found = _LIVE.one(session_key=str(self.session_key), now=timezone.now())
        if found is None:
            self._session_key = None
        return found
