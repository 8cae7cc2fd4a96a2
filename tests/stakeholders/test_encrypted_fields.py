"""A person's consent source and job title are encrypted at rest, and so are existing rows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from heard.core.crypto import blind_index, decrypt
from heard.stakeholders.models import Person
from tests.factories import ConsultationFactory

BEFORE = [("stakeholders", "0001_initial")]
AFTER = [("stakeholders", "0002_encrypt_consent_source_and_title")]
SOURCE = "Business card from Ana Lima, Winnipeg session"


def _raw(pk: int) -> tuple[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT consent_source, title FROM stakeholders_person WHERE id = %s", [pk])
        return cursor.fetchone()


@pytest.mark.django_db
def test_the_stored_consent_source_and_title_are_not_the_plain_text():
    person = Person.objects.create(
        consultation=ConsultationFactory(),
        name="Ana Lima",
        email="ana@example.org",
        email_index=blind_index("ana@example.org"),
        title="Executive director, Harbour House",
        consent_source=SOURCE,
    )
    source, title = _raw(person.pk)
    assert SOURCE not in source and "Harbour House" not in title
    assert (decrypt(source), decrypt(title)) == (SOURCE, "Executive director, Harbour House")
    person.refresh_from_db()
    assert person.consent_source == SOURCE


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_existing_rows_and_can_be_undone():
    consultation = ConsultationFactory()  # the consultations app stays at its latest state
    try:
        old = _migrate(BEFORE).get_model("stakeholders", "Person")
        plain = old.objects.create(
            consultation_id=consultation.pk,
            name="Ana Lima",
            email="ana@example.org",
            email_index=blind_index("ana@example.org"),
            title="Executive director",
            consent_source=SOURCE,
        )
        blank = old.objects.create(
            consultation_id=consultation.pk,
            name="Bo Ng",
            email="bo@example.org",
            email_index=blind_index("bo@example.org"),
        )
        assert _raw(plain.pk) == (SOURCE, "Executive director")

        _migrate(AFTER)
        source, title = _raw(plain.pk)
        assert source != SOURCE and SOURCE not in source and title != "Executive director"
        assert decrypt(source) == SOURCE and decrypt(title) == "Executive director"
        assert [decrypt(value) for value in _raw(blank.pk)] == ["", ""]  # as the field stores ""
        # Run twice (a value already encrypted is left alone) and back: the plain text returns.
        _migrate(BEFORE)
        assert _raw(plain.pk) == (SOURCE, "Executive director")
        _migrate(AFTER)
        assert decrypt(_raw(plain.pk)[0]) == SOURCE
    finally:
        _migrate(_latest())
    assert Person.objects.get(pk=plain.pk).consent_source == SOURCE
    assert Person.objects.get(pk=blank.pk).consent_source == ""


@pytest.mark.django_db(transaction=True)
def test_a_stored_value_over_the_new_limit_is_named_and_nothing_is_cut():
    consultation = ConsultationFactory()
    try:
        old = _migrate(BEFORE).get_model("stakeholders", "Person")
        huge = old.objects.create(
            consultation_id=consultation.pk,
            name="N" * 1_000_000,
            email="ana@example.org",
            email_index=blind_index("ana@example.org"),
        )
        with pytest.raises(RuntimeError) as refused:
            _migrate(AFTER)
        assert f"Person {huge.pk}, name:" in str(refused.value)
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM stakeholders_person WHERE id = %s", [huge.pk])
            assert decrypt(cursor.fetchone()[0]) == "N" * 1_000_000  # rolled back, not cut
        old.objects.filter(pk=huge.pk).update(name="Ana Lima")  # shortened by a person
    finally:
        _migrate(_latest())
    assert Person.objects.get(pk=huge.pk).name == "Ana Lima"
