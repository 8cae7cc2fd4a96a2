"""Lengths: every text field has a limit that forms, full_clean, services and the database keep."""

from __future__ import annotations

import random

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import translation

from heard.core import limits
from heard.core.crypto import EncryptedTextField, encrypt
from heard.events.models import Note, Suggestion
from heard.questionnaires.models import AccessRequest
from heard.stakeholders.models import Person


def test_the_encrypted_bound_holds_for_the_widest_characters():
    rng = random.Random(7)
    widths = ["a", "é", "€", "😀"]  # 1 to 4 bytes in UTF-8
    for limit in (1, 50, 200, 254, 1_000):
        for _ in range(20):
            text = "".join(rng.choice(widths) for _ in range(limit))
            assert len(encrypt(text)) <= limits.encrypted_length(limit)
        assert len(encrypt("😀" * limit)) <= limits.encrypted_length(limit)
    # Not so loose that a value far over the limit would fit.
    assert len(encrypt("a" * 1_000_000)) > limits.encrypted_length(limits.PERSON_NAME)


def test_an_encrypted_field_passes_its_limit_to_the_form_and_to_full_clean():
    field = EncryptedTextField(max_length=10)
    assert field.formfield().max_length == 10
    field.clean("x" * 10, None)
    with pytest.raises(ValidationError) as refused:
        field.clean("x" * 11, None)
    assert "at most 10 characters (it has 11)" in refused.value.messages[0]
    with translation.override("fr"):
        with pytest.raises(ValidationError) as refused:
            field.clean("x" * 11, None)
        assert "au plus 10 caractères (actuellement 11)" in refused.value.messages[0]
    # Without a limit, nothing changes.
    EncryptedTextField().clean("x" * 100_000, None)


def test_check_lengths_names_each_field_that_is_too_long():
    person = Person(name="n" * 1_000_000, email="e" * 250 + "@x.ca", title="Director")
    with pytest.raises(ValidationError) as refused:
        limits.check_lengths(person)
    assert set(refused.value.message_dict) == {"name", "email"}
    assert "at most 200 characters (it has 1000000)" in refused.value.message_dict["name"][0]
    limits.check_lengths(Person(name="Ana", email="ana@example.org"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "field", "limit"),
    [
        (Person, "name", limits.PERSON_NAME),
        (Person, "consent_source", limits.CONSENT_SOURCE),
        (Suggestion, "note", limits.SUGGESTION_NOTE),
        (AccessRequest, "reason", limits.REQUEST_REASON),
        (Note, "text", limits.NOTES),
    ],
)
def test_the_database_refuses_a_runaway_value_that_skipped_validation(model, field, limit):
    row = _person() if model is Person else _row(model)
    table, column = model._meta.db_table, model._meta.get_field(field).column
    # Below the models, as a bulk write or a bug might: a value ten times over the limit.
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {column} = %s WHERE id = %s",
            [encrypt("x" * (10 * limit)), row.pk],
        )
    # A value at the limit is stored.
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {column} = %s WHERE id = %s",
            [encrypt("😀" * limit), row.pk],
        )


@pytest.mark.django_db
def test_the_database_refuses_a_runaway_description():
    from heard.consultations.models import Consultation
    from tests.factories import ConsultationFactory

    consultation = ConsultationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Consultation.objects.filter(pk=consultation.pk).update(description_en="x" * 1_000_000)
    Consultation.objects.filter(pk=consultation.pk).update(description_en="é" * limits.MARKDOWN)


def _person():
    from heard.core.crypto import blind_index
    from tests.factories import ConsultationFactory

    return Person.objects.create(
        consultation=ConsultationFactory(),
        name="Ana",
        email="ana@example.org",
        email_index=blind_index("ana@example.org"),
    )


def _row(model):
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from heard.events.models import Invitation, Session
    from heard.questionnaires.models import Questionnaire
    from tests.factories import ScheduleItemFactory

    person = _person()
    if model is AccessRequest:
        now = datetime(2030, 1, 1, tzinfo=ZoneInfo("UTC"))
        questionnaire = Questionnaire.objects.create(
            consultation=person.consultation,
            title_en="Q",
            title_fr="Q",
            privacy_notice_en="P",
            privacy_notice_fr="P",
            opens_at=now,
            closes_at=now + timedelta(days=1),
        )
        return AccessRequest.objects.create(
            questionnaire=questionnaire, name="Ana", email="a@b.ca", email_index="x"
        )
    start = datetime(2030, 1, 1, 9, tzinfo=ZoneInfo("UTC"))
    session = Session.objects.create(
        schedule_item=ScheduleItemFactory(consultation=person.consultation),
        starts_at=start,
        ends_at=start + timedelta(hours=2),
    )
    if model is Note:
        return Note.objects.create(session=session, language="en", text="Said.", recorded_by="x")
    invitation = Invitation.objects.create(
        session=session, person=person, token_hash="h", link_expires_at=start
    )
    return Suggestion.objects.create(invitation=invitation, name="Bo", email="bo@example.org")
