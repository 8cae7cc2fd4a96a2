"""The retention schedule: the daily purge removes a consultation's personal data once its date
has passed (checked by reading the tables directly), keeps the answers anonymised, and drops
the text of old emails everywhere."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from heard.consultations import retention
from heard.core import erasure_log
from heard.core.models import AuditEvent
from heard.notify import privacy as outbox_privacy
from heard.notify.models import Message, State
from heard.notify.services import TextRemoved, queue_email, send_again
from heard.questionnaires.models import Response
from tests import privacy_data
from tests.factories import ConsultationFactory


def raw(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def test_the_purge_date_is_months_after_closing_on_the_same_day_or_the_months_last():
    closes = datetime(2027, 8, 31, 17, 0, tzinfo=UTC)
    assert retention.add_months(closes, 6) == closes.replace(year=2028, month=2, day=29)
    assert retention.add_months(closes, 12) == closes.replace(year=2028)


@pytest.mark.slow
@pytest.mark.django_db
def test_the_daily_purge_removes_personal_data_past_its_date_and_nothing_before(settings):
    data = privacy_data.build(settings)
    consultation = data.consultation
    waiting = ConsultationFactory(
        opens_at=timezone.now() - timedelta(days=90), closes_at=timezone.now() - timedelta(days=20)
    )
    from heard.stakeholders.models import Person

    Person.objects.create(
        consultation=waiting, name="Not yet", email="not-yet@example.org", email_index="x" * 64
    )
    consultation.opens_at = timezone.now() - timedelta(days=120)
    consultation.closes_at = timezone.now() - timedelta(days=70)
    consultation.retention_months = 2
    consultation.save()
    assert not retention.is_due(waiting) and retention.is_due(consultation)
    planned = {str(item.label): item.count for item in retention.preview(consultation)}
    assert all(planned.values()), planned  # the lead sees something of every kind go

    removed = retention.purge_due()

    assert removed > 0
    scope = [consultation.pk]
    # Read the tables themselves, not through the models.
    assert raw("SELECT COUNT(*) FROM stakeholders_person WHERE consultation_id = %s", scope) == [
        (0,)
    ]
    assert raw(
        "SELECT COUNT(*) FROM events_invitation i JOIN events_session s ON i.session_id = s.id "
        "JOIN consultations_scheduleitem t ON s.schedule_item_id = t.id "
        "WHERE t.consultation_id = %s",
        scope,
    ) == [(0,)]
    assert raw(
        "SELECT COUNT(*) FROM questionnaires_accessrequest a JOIN questionnaires_questionnaire q "
        "ON a.questionnaire_id = q.id WHERE q.consultation_id = %s",
        scope,
    ) == [(0,)]
    assert raw("SELECT COUNT(*) FROM notify_message WHERE scope = %s", [consultation.scope]) == [
        (0,)
    ]
    links = raw(
        "SELECT r.person_id, r.token_hash FROM questionnaires_respondent r "
        "JOIN questionnaires_questionnaire q ON r.questionnaire_id = q.id "
        "WHERE q.consultation_id = %s",
        scope,
    )
    assert links and all(person is None and token is None for person, token in links)
    # Files attached to answers go: a picture or a brief cannot be anonymised.
    assert raw(
        "SELECT COUNT(*) FROM questionnaires_answerfile f "
        "JOIN questionnaires_response r ON f.response_id = r.id "
        "JOIN questionnaires_respondent p ON r.respondent_id = p.id "
        "JOIN questionnaires_questionnaire q ON p.questionnaire_id = q.id "
        "WHERE q.consultation_id = %s",
        scope,
    ) == [(0,)]
    # The answers stay, tied to nobody, personal information in them replaced.
    answers = Response.objects.filter(respondent__questionnaire__consultation=consultation)
    assert answers.count() > 1 and not answers.filter(anonymised_at__isnull=True).exists()
    kept = answers.get(pk=data.response_pk).answers_json
    assert "Thunder Bay had no beds" in kept and "807-555-0142" not in kept and "[PHONE]" in kept
    # The other consultation is untouched; the purge is in the History and the erasure log.
    assert Person.objects.filter(consultation=waiting).count() == 1
    event = AuditEvent.objects.get(action="retention.purged")
    assert event.scope == consultation.scope and event.changes["people"] >= 1
    assert [(e.kind, e.consultation_id) for e in erasure_log.entries()] == [
        ("purge", consultation.pk)
    ]

    # The next day: nothing left to do, nothing recorded.
    assert retention.purge_due() == 0
    assert AuditEvent.objects.filter(action="retention.purged").count() == 1


@pytest.mark.django_db
def test_the_text_of_emails_sent_long_ago_is_dropped_and_the_record_kept(consultation, lead):
    with transaction.atomic():
        old = queue_email(
            scope=consultation.scope,
            kind="t",
            dedupe_key="old",
            to="a@example.org",
            subject="Old",
            text="A personal link: https://example.org/q/secret-token",
        )
        recent = queue_email(
            scope=consultation.scope,
            kind="t",
            dedupe_key="new",
            to="b@example.org",
            subject="New",
            text="Recent text",
        )
        waiting = queue_email(
            scope=consultation.scope,
            kind="t",
            dedupe_key="wait",
            to="c@example.org",
            subject="Waiting",
            text="Not sent yet",
        )
    long_ago = timezone.now() - timedelta(days=31)
    Message.objects.filter(pk=old.pk).update(state=State.SENT, sent_at=long_ago)
    Message.objects.filter(pk=recent.pk).update(state=State.SENT, sent_at=timezone.now())
    Message.objects.filter(pk=waiting.pk).update(created_at=long_ago)

    assert outbox_privacy.purge_sent_bodies() == 1

    old.refresh_from_db()
    assert (
        old.payload == "" and old.text_removed_at is not None and old.recipient == "a@example.org"
    )
    assert "Recent text" in Message.objects.get(pk=recent.pk).payload
    assert "Not sent yet" in Message.objects.get(pk=waiting.pk).payload
    assert AuditEvent.objects.get(action="outbox.texts_purged").changes == {"emails": 1}
    Message.objects.filter(pk=old.pk).update(state=State.FAILED)
    with pytest.raises(TextRemoved):
        send_again(actor=lead, message=old)
    assert outbox_privacy.purge_sent_bodies() == 0
