"""`heard rotate-keys` moves every encrypted value and file to the newest key: afterwards the
old key can go and everything still reads back; run again, it finds nothing to do."""

from __future__ import annotations

import time

import pytest
from cryptography.fernet import Fernet
from django.db import connection

from heard.analysis.demo import populate as populate_analysis
from heard.cli import DEMO_FOLDER, load_everything, main
from heard.core import rotation
from heard.events.demo import populate as populate_sessions
from heard.questionnaires.demo import populate as populate_questionnaire
from heard.reports.demo import populate as populate_reports
from heard.stakeholders import jobs


def _everything() -> dict[str, list[tuple]]:
    """Every encrypted value, read through the models (decrypted), by table."""
    found = {}
    for model, fields in rotation.encrypted_columns():
        names = [f.name for f in fields]
        found[model._meta.db_table] = list(
            model._base_manager.order_by("pk").values_list("pk", *names)
        )
    return found


def _raw_tokens() -> list[bytes]:
    tokens = []
    with connection.cursor() as cursor:
        for model, fields in rotation.encrypted_columns():
            columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
            cursor.execute(
                f"SELECT {columns} FROM {connection.ops.quote_name(model._meta.db_table)}"
            )
            tokens += [v.encode() for row in cursor.fetchall() for v in row if v]
    return tokens


def _the_kinds_the_demo_lacks(consultation) -> None:
    """A colleague suggested, a reviewer's comment, texts imported from a file, a respondent's
    attached file."""
    from django.utils import timezone

    from heard.analysis.models import ImportedText, RecordFile
    from heard.events.models import Invitation, Suggestion
    from heard.reports.models import Comment, Section
    from tests.factories import UserFactory

    Suggestion.objects.create(
        invitation=Invitation.objects.first(),
        name="Robyn Tremblay",
        email="robyn@example.org",
        note="Runs the shelter in Sudbury.",
    )
    Comment.objects.create(section=Section.objects.first(), text="Check the figure in 3.")
    file = RecordFile.objects.create(
        consultation=consultation,
        name="Email submissions",
        imported_by=UserFactory(username="importer"),
        imported_at=timezone.now(),
    )
    ImportedText.objects.create(file=file, position=1, text="Please fund more shelters.")
    from heard.core.factors import start_app

    start_app(UserFactory(username="has-an-app"))  # a second factor's secret
    from heard.questionnaires.models import AnswerFile, Response

    AnswerFile.objects.create(  # a file a respondent attached, kept as bytes
        response=Response.objects.first(),
        field="brief",
        name="brief.pdf",
        content_type="application/pdf",
        size=9,
        sha256="0" * 64,
        content=b"%PDF-1.4\n",
    )


@pytest.mark.slow
@pytest.mark.django_db
def test_rotate_keys_moves_every_kind_of_encrypted_data_to_the_new_key(
    settings, tmp_path, monkeypatch, capsys
):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.ENCRYPTION_KEYS = [old]
    settings.HEARD_ANALYSIS_PROCESSES = 1
    settings.HEARD_ANALYSIS_MEANING = "off"
    monkeypatch.setattr(jobs, "UPLOADS", tmp_path / "uploads")
    started = time.monotonic()
    consultation = load_everything(DEMO_FOLDER)[0].consultation
    populate_sessions(consultation)
    populate_questionnaire(consultation, DEMO_FOLDER)
    populate_analysis(consultation)
    populate_reports(consultation)
    _the_kinds_the_demo_lacks(consultation)
    upload = jobs.upload_path(jobs.store_upload(b"name,email\nAna,ana@example.org\n", "csv"), "csv")
    print(f"demo data in {time.monotonic() - started:.1f} s")
    # Every kind: each model with an encrypted column holds at least one row.
    assert sorted(table for table, rows in _everything().items() if not rows) == []

    # An erasure log entry (it holds the address, encrypted) and a second blind index key.
    from heard.consultations import erasure
    from heard.core import crypto, erasure_log
    from heard.notify.models import Message
    from heard.questionnaires.models import AccessRequest
    from heard.questionnaires.services import email_index
    from heard.stakeholders.models import Person

    erasure.erase(actor=None, consultation=consultation, email="robyn@example.org")
    before = _everything()
    old_index_key = settings.BLIND_INDEX_KEYS[0]
    settings.ENCRYPTION_KEYS = [new, old]
    settings.BLIND_INDEX_KEYS = ["a new blind index key", old_index_key]
    assert main(["rotate-keys", "--batch", "7"]) == 0
    printed = capsys.readouterr()
    assert "the older keys can now be removed" in printed.out
    assert "ana@example.org" not in printed.out + printed.err  # progress names tables only

    settings.ENCRYPTION_KEYS = [new]  # the old key is gone: everything still reads
    settings.BLIND_INDEX_KEYS = ["a new blind index key"]
    assert _everything() == before
    assert [e.email for e in erasure_log.entries()] == ["robyn@example.org"]
    # Every keyed hash that can be recomputed is under the new key: lookups with it alone work.
    people = list(Person.objects.all())
    assert people and all(p.email_index == crypto.blind_index(p.email) for p in people)
    messages = list(Message.objects.all())
    assert messages and all(m.recipient_index == crypto.blind_index(m.recipient) for m in messages)
    requests = list(AccessRequest.objects.all())
    assert requests and all(r.email_index == email_index(r.email) for r in requests)
    someone = people[0]
    assert (
        Person.objects.filter(email_index__in=crypto.blind_indexes(someone.email)).get() == someone
    )
    newest = Fernet(new.encode())
    for token in _raw_tokens():
        newest.decrypt(token)
    assert newest.decrypt(upload.read_bytes()).startswith(b"name,email")

    # Run again: nothing left to move.
    report = rotation.rotate_database(lambda *_: None)
    assert report.rotated == 0 and report.current == len(_raw_tokens())


@pytest.mark.django_db
def test_a_value_no_key_opens_is_named_not_shown(settings, capsys):
    from django.db import transaction

    from heard.notify.models import Message
    from heard.notify.services import queue_email

    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode()]  # a key that will be lost
    with transaction.atomic():
        message = queue_email(
            scope="test",
            kind="test",
            dedupe_key="lost",
            to="a@example.org",
            subject="Hi",
            text="A confidential text",
        )
    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    assert main(["rotate-keys"]) == 1
    printed = capsys.readouterr()
    assert f"{Message._meta.db_table}.payload row {message.pk}" in printed.out
    assert "confidential" not in printed.out + printed.err and "a@example.org" not in printed.out
