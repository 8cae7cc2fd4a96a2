"""/healthz and /readyz: what a proxy or supervisor asks before sending requests to a process."""

from __future__ import annotations

import pytest
from django.db import DatabaseError

from heard.core import health


@pytest.mark.django_db
def test_healthz_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert "Set-Cookie" not in response


@pytest.mark.django_db
def test_readyz_checks_the_database_and_its_migrations(client, monkeypatch):
    monkeypatch.setattr(health, "_migrated", False)
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json() == {"status": "ok"}
    assert "Set-Cookie" not in ready

    monkeypatch.setattr(health, "_migrated", False)
    monkeypatch.setattr(
        health.MigrationExecutor, "migration_plan", lambda self, targets: [("a", "migration")]
    )
    behind = client.get("/readyz")
    assert behind.status_code == 503 and behind.json()["failed"] == "migrations"

    def no_database(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(health.connection, "cursor", no_database)
    down = client.get("/readyz")
    assert down.status_code == 503 and down.json() == {
        "status": "unavailable",
        "failed": "database",
    }
    assert "refused" not in down.content.decode()  # no error text to whoever asks


def test_only_get(client):
    assert client.post("/healthz").status_code == 405
