"""A person's erasure removes them from everything in the consultation, in one audited action,
and leaves everyone else as they were."""

from __future__ import annotations

import pytest
from django.db import connection

from heard.consultations import erasure
from heard.core import erasure_log, rotation
from heard.core.models import AuditEvent
from heard.stakeholders.models import Person
from tests import privacy_data
from tests.privacy_data import EMAIL, NAME


def decrypted_mentions(*needles: str) -> list[str]:
    """Every encrypted value in the database, read back, that mentions one of the needles:
    "table.column row N" for each."""
    found = []
    lowered = [n.casefold() for n in needles]
    for model, fields in rotation.encrypted_columns():
        names = [f.name for f in fields]
        for row in model._base_manager.values_list("pk", *names):
            for name, value in zip(names, row[1:], strict=True):
                if isinstance(value, bytes):  # a file attached to an answer
                    value = value.decode("utf-8", "replace")
                if value and any(n in value.casefold() for n in lowered):
                    found.append(f"{model._meta.db_table}.{name} row {row[0]}")
    return found


def raw_count(table: str, where: str, params: list) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}", params)
        return cursor.fetchone()[0]


@pytest.mark.slow
@pytest.mark.django_db
def test_erasure_removes_the_person_everywhere_and_nobody_else(settings):
    data = privacy_data.build(settings)
    consultation, person = data.consultation, data.person
    assert len(decrypted_mentions("okafor")) >= 8  # everywhere, before
    others = Person.objects.filter(consultation=consultation).exclude(pk=person.pk).count()

    found = {item.label: item.count for item in erasure.preview(consultation, EMAIL)}
    counts = erasure.erase(actor=None, consultation=consultation, email=f"  {EMAIL.upper()} ")

    # What the preview promised is what went.
    assert sorted(found.values()) == sorted(counts.values())
    assert counts["people"] == 1 and counts["invitations"] == 1
    assert counts["questionnaire_links"] == 1 and counts["access_requests"] == 1
    assert counts["suggestions"] == 1 and counts["emails"] >= 1
    assert counts["session_notes"] >= 1 and counts["analysis"] >= 1
    # Nothing readable anywhere names them or holds their address or answer.
    assert decrypted_mentions("okafor", "marguerite", "807-555-0142") == []
    assert raw_count("stakeholders_person", "id = %s", [person.pk]) == 0
    assert raw_count("questionnaires_response", "id = %s", [data.response_pk]) == 0
    assert raw_count("analysis_runrecord", "key LIKE %s", [f"Q{data.response_pk:05d}-%"]) == 0
    # The note stays, its name replaced.
    from heard.events.models import Note

    assert Note.objects.get(pk=data.note_pk).text.startswith("[NAME] said the shelter")
    # Everyone else is still there.
    assert Person.objects.filter(consultation=consultation).count() == others
    # One History entry with counts only; one erasure log line with the address, encrypted.
    event = AuditEvent.objects.get(action="person.erased")
    assert event.scope == consultation.scope and event.changes["people"] == 1
    assert "okafor" not in str(event.changes).casefold()
    assert [(e.kind, e.email) for e in erasure_log.entries()] == [("erasure", f"{EMAIL.upper()}")]
    assert "okafor" not in settings.HEARD_ERASURE_LOG.read_text().casefold()


@pytest.mark.django_db
def test_an_erasure_that_fails_part_way_changes_nothing(consultation, monkeypatch):
    from heard.core.crypto import blind_index

    person = Person.objects.create(
        consultation=consultation, name=NAME, email=EMAIL, email_index=blind_index(EMAIL)
    )
    eraser = erasure._ERASERS["emails"]

    def broken(subject):
        raise RuntimeError("the disk is full")

    monkeypatch.setitem(
        erasure._ERASERS,
        "emails",
        erasure.Eraser(eraser.key, eraser.label, 50, eraser.count, broken),
    )
    with pytest.raises(RuntimeError):
        erasure.erase(actor=None, consultation=consultation, email=EMAIL)
    assert Person.objects.filter(pk=person.pk).exists()
    assert not AuditEvent.objects.filter(action="person.erased").exists()
    assert erasure_log.entries() == []


def test_names_are_removed_as_whole_words_whatever_the_case_and_accents():
    text, replaced = erasure.remove_names(
        "Timothée Raymond spoke; later TIMOTHEE and Mr. Raymond agreed. Raymondville is a town.",
        ["Timothée Raymond"],
        "[NAME]",
    )
    assert text == "[NAME] spoke; later [NAME] and Mr. [NAME] agreed. Raymondville is a town."
    assert replaced == 3
    assert erasure.remove_names("Nothing here.", ["Ann Lee"], "[NAME]") == ("Nothing here.", 0)
