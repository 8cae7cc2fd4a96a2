"""Prepared queries (heard.core.prepared) on the real database: the session store, and what a
prepared query refuses. The respondent's visit query is compared with its query set in
tests/questionnaires/test_prepared_visit.py."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
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
