"""`heard backup` and `heard restore`: an encrypted copy of the database, and a restore that
never brings back a person erased (or data purged) after the backup was made. On SQLite and,
in CI, on PostgreSQL (pg_dump and pg_restore)."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from heard.cli import main
from heard.consultations import backups, erasure, retention
from heard.core import backup
from heard.core.models import AuditEvent
from heard.stakeholders.models import Person
from tests import privacy_data
from tests.consultations.test_erasure import decrypted_mentions
from tests.privacy_data import EMAIL


def quiet(*_args: object) -> None:
    return None


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_restore_does_not_bring_back_anyone_erased_or_purged_after_the_backup(settings, tmp_path):
    data = privacy_data.build(settings)
    consultation = data.consultation
    people = Person.objects.count()
    target = tmp_path / "heard.backup"
    info = backups.make(target, quiet)
    assert info.size > 0 and target.stat().st_mode & 0o077 == 0
    content = target.read_bytes()
    assert content.startswith(backup.MAGIC)
    assert b"Human trafficking" not in content and b"human-trafficking" not in content  # encrypted

    erasure.erase(actor=None, consultation=consultation, email=EMAIL)
    Person.objects.create(  # made after the backup: the restore loses it, as it should
        consultation=consultation, name="Later", email="later@example.org", email_index="l" * 64
    )
    assert decrypted_mentions("okafor") == []

    restored = backups.restore(target, quiet)

    assert restored.replayed.erasures == 1
    assert not Person.objects.filter(name="Later").exists()  # the database is the backup's
    assert Person.objects.count() == people - 1  # everyone but the erased person came back
    assert decrypted_mentions("okafor", "marguerite", "807-555-0142") == []
    assert AuditEvent.objects.get(action="person.erased").actor_label == "restore"
    # A purge after the backup is done again too; the log holds one line per action.
    assert retention.purge(consultation)["people"] > 0
    again = backups.restore(target, quiet)
    assert (again.replayed.erasures, again.replayed.purges) == (1, 1)
    assert not Person.objects.filter(consultation=consultation).exists()
    assert decrypted_mentions("okafor") == []


@pytest.mark.django_db(transaction=True)
def test_a_backup_that_cannot_be_read_whole_leaves_the_database_alone(settings, tmp_path, capsys):
    from tests.factories import ConsultationFactory

    consultation = ConsultationFactory()
    target = tmp_path / "heard.backup"
    assert main(["backup", str(target)]) == 0
    assert "Backed up the" in capsys.readouterr().out
    consultation.title_en = "Changed after the backup"
    consultation.save()

    cut = tmp_path / "cut.backup"
    cut.write_bytes(target.read_bytes()[:-10])
    with pytest.raises(backup.BackupError, match="cut short"):
        backups.restore(cut, quiet)
    assert main(["restore", "--yes", str(cut)]) == 1
    assert "incomplete" in capsys.readouterr().err

    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(backup.BackupError, match="cannot be decrypted"):
        backups.restore(target, quiet)
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello")
    with pytest.raises(backup.BackupError, match="not a Heard backup"):
        backups.restore(not_a_backup, quiet)

    consultation.refresh_from_db()
    assert consultation.title_en == "Changed after the backup"
    # Without --yes, restore explains and does nothing.
    assert main(["restore", str(target)]) == 2
    assert "--yes" in capsys.readouterr().err


@pytest.mark.django_db(transaction=True)
def test_a_restore_leaves_no_table_added_after_the_backup(tmp_path):
    """As after a later version's migration: the restored database is the backup's, whole, and
    the migrations run on it afterwards."""
    from django.db import connection

    from tests.factories import ConsultationFactory

    consultation = ConsultationFactory(title_en="Before")
    target = tmp_path / "heard.backup"
    backups.make(target, quiet)
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE added_later (id integer)")
    consultation.title_en = "After"
    consultation.save()

    backups.restore(target, quiet)

    assert "added_later" not in connection.introspection.table_names()
    consultation.refresh_from_db()
    assert consultation.title_en == "Before"
