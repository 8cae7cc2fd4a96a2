"""Encryption at rest, blind indexes, and log redaction."""

from __future__ import annotations

import logging

import pytest
from cryptography.fernet import Fernet
from django.db import connection, models

from heard.core import crypto
from heard.core.logfilters import RedactPersonalData, redact


def test_encrypt_round_trip_and_ciphertext_hides_the_value():
    token = crypto.encrypt("Jeanne Tremblay")
    assert "Jeanne" not in token
    assert crypto.decrypt(token) == "Jeanne Tremblay"


def test_rotation_keeps_old_values_readable_and_moves_them_to_the_new_key(settings):
    old_key = settings.ENCRYPTION_KEYS[0]
    token = crypto.encrypt("secret answer")
    new_key = Fernet.generate_key().decode()
    settings.ENCRYPTION_KEYS = [new_key, old_key]
    assert crypto.decrypt(token) == "secret answer"
    rotated = crypto.reencrypt(token)
    settings.ENCRYPTION_KEYS = [new_key]
    assert crypto.decrypt(rotated) == "secret answer"
    with pytest.raises(ValueError, match="could not be decrypted"):
        crypto.decrypt(token)


def test_blind_index_matches_normalised_values_and_depends_on_the_key(settings):
    assert crypto.blind_index(" Person@Example.ORG ") == crypto.blind_index("person@example.org")
    assert crypto.blind_index("a@example.org") != crypto.blind_index("b@example.org")
    before = crypto.blind_index("person@example.org")
    settings.BLIND_INDEX_KEY = "another key entirely"
    assert crypto.blind_index("person@example.org") != before


class Note(models.Model):
    body = crypto.EncryptedTextField()

    class Meta:
        app_label = "core"


@pytest.mark.django_db(transaction=True)
def test_encrypted_field_stores_only_ciphertext():
    with connection.schema_editor() as editor:
        editor.create_model(Note)
    try:
        note = Note.objects.create(body="I was recruited through a job advert")
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT body FROM {Note._meta.db_table} WHERE id = %s", [note.pk])
            stored = cursor.fetchone()[0]
        assert "recruited" not in stored
        assert Note.objects.get(pk=note.pk).body == "I was recruited through a job advert"
    finally:
        with connection.schema_editor() as editor:
            editor.delete_model(Note)


def test_log_lines_lose_emails_and_tokens():
    assert redact("sent to jeanne@example.org ok") == "sent to [email] ok"
    assert redact("GET /r/?token=abc123&x=1") == "GET /r/?token=[redacted]&x=1"
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "invite %s", ("a@b.ca",), None)
    RedactPersonalData().filter(record)
    assert record.getMessage() == "invite [email]"
