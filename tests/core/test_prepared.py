"""Prepared queries (heard.core.prepared) on the real database: the session store, and what a
prepared query refuses. The respondent's visit query is compared with its query set in
tests/questionnaires/test_prepared_visit.py."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.db import OperationalError, connection
from django.utils import timezone

from heard.core import session_store
from heard.core.prepared import PreparedQuery


@pytest.mark.django_db
def test_the_session_store_finds_live_sessions_and_not_expired_ones():
    store = session_store.SessionStore()
    store["heard_seen"] = 12345
    store.create()
    store.save()
    again = session_store.SessionStore(store.session_key)
    assert again["heard_seen"] == 12345
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    expired = session_store.SessionStore(store.session_key)
    assert expired.get("heard_seen") is None
    assert expired.session_key is None  # Django's store forgets the key too: a new one is made
    assert session_store.SessionStore("nosuchsessionkeyatall").get("heard_seen") is None


def test_a_session_read_again_is_a_new_dictionary_and_altered_data_is_refused():
    store = session_store.SessionStore()
    data = store.encode({"heard_seen": 12345, "pages": ["a"]})
    first = store.decode(data)
    first["pages"].append("b")  # a request changes its session…
    first["heard_seen"] = 1
    assert store.decode(data) == {"heard_seen": 12345, "pages": ["a"]}  # …the next reads it afresh
    # The same payload under a signature that does not match: Django's answer, an empty session.
    payload, _signature = data.rsplit(":", 1)
    assert store.decode(f"{payload}:{'A' * 43}") == {}
    assert store.decode("not a session at all") == {}


@pytest.mark.django_db
def test_a_marker_must_reach_the_sql_and_every_value_is_needed():
    unused = PreparedQuery(lambda pk: Session.objects.all()[:1], pk="never in the query")
    with pytest.raises(ValueError, match="marker for pk"):
        unused.one(pk="x")
    query = PreparedQuery(lambda key: Session.objects.filter(session_key=key)[:1], key="(marker)")
    with pytest.raises(TypeError, match="expected values"):
        query.one()
    with pytest.raises(TypeError, match="whole numbers, text and moments"):
        query.one(key=1.5)


def _live_session() -> str:
    store = session_store.SessionStore()
    store["heard_seen"] = 12345
    store.create()
    return str(store.session_key)


def _read(key: str) -> Session | None:
    return session_store._LIVE.one(session_key=key, now=timezone.now())


def _backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return int(cursor.fetchone()[0])


def _terminate(pid: int) -> None:
    """End that server process from another connection, as a database restart would."""
    import psycopg

    settings = connection.settings_dict
    with psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        host=settings["HOST"],
        port=settings["PORT"],
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])


def _postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("Django's connection check (CONN_HEALTH_CHECKS) is a round trip on PostgreSQL")


@pytest.mark.django_db(transaction=True)
def test_a_prepared_read_first_in_a_request_is_its_connection_check(monkeypatch):
    _postgresql_only()
    key = _live_session()
    checks: list[str] = []
    monkeypatch.setattr(connection, "is_usable", lambda: checks.append("SELECT 1") or True)
    connection.close_if_unusable_or_obsolete()  # what the start of a request does
    assert _read(key) is not None
    assert checks == []  # no round trip of its own
    connection.close_if_unusable_or_obsolete()
    assert Session.objects.filter(session_key=key).exists()
    assert checks == ["SELECT 1"]  # the ORM's first query is checked first, as Django does


@pytest.mark.django_db(transaction=True)
def test_a_connection_dropped_between_requests_is_replaced_and_the_read_succeeds():
    _postgresql_only()
    key = _live_session()
    before = _backend_pid()
    _terminate(before)
    connection.close_if_unusable_or_obsolete()  # the next request
    found = _read(key)
    assert found is not None and found.session_key == key
    assert _backend_pid() != before


@pytest.mark.django_db(transaction=True)
def test_a_connection_dropped_after_the_check_fails_the_read_as_before():
    _postgresql_only()
    key = _live_session()
    connection.close_if_unusable_or_obsolete()
    assert _read(key) is not None  # the request's first query: the check is done
    _terminate(_backend_pid())
    with pytest.raises(OperationalError):
        _read(key)  # not read again: only the request's first read stands for the check
    connection.close()
