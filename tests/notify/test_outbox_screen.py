"""The staff outbox screen: members see their consultation's messages; leads may resend."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.utils import timezone

from heard.core.models import AuditEvent
from heard.notify import services
from heard.notify.models import Message, State
from tests.factories import ConsultationFactory


def _message(consultation, n=0, state=State.QUEUED, error=""):
    with transaction.atomic():
        message = services.queue_email(
            scope=consultation.scope,
            kind="invitation",
            dedupe_key=f"k{consultation.pk}-{n}",
            to=f"guest{n}@example.org",
            subject=f"Invitation {n}",
            text="Hello",
        )
    sent_at = timezone.now() if state == State.SENT else None
    Message.objects.filter(pk=message.pk).update(
        state=state, last_error=error, attempts=1, sent_at=sent_at
    )
    return message


@pytest.mark.django_db
def test_members_see_states_and_reasons_of_their_consultation_only(client, consultation, viewer):
    _message(consultation, 0, State.FAILED, "550 5.1.1 unknown user")
    _message(consultation, 1, State.SENT)
    other = ConsultationFactory()
    _message(other, 2)
    client.force_login(viewer)
    page = client.get(f"/en/staff/consultations/{consultation.pk}/outbox/").content.decode()
    assert "Invitation 0" in page and "550 5.1.1 unknown user" in page and "Failed (1)" in page
    assert "Invitation 2" not in page
    assert "Send again" not in page  # viewers cannot
    filtered = client.get(
        f"/en/staff/consultations/{consultation.pk}/outbox/?state=sent"
    ).content.decode()
    assert "Invitation 1" in filtered and "Invitation 0" not in filtered
    assert client.get(f"/en/staff/consultations/{other.pk}/outbox/").status_code == 404
    french = client.get(f"/fr/staff/consultations/{consultation.pk}/outbox/").content.decode()
    assert "Boîte d'envoi" in french


@pytest.mark.django_db
def test_a_lead_sends_a_failed_message_again_and_it_is_audited(client, consultation, lead, viewer):
    message = _message(consultation, 0, State.UNCERTAIN, "no answer")
    url = f"/en/staff/consultations/{consultation.pk}/outbox/{message.pk}/send-again/"
    client.force_login(viewer)
    assert client.post(url).status_code == 403
    client.force_login(lead)
    assert client.post(url).status_code == 302
    assert Message.objects.get(pk=message.pk).state == State.QUEUED
    assert AuditEvent.objects.get(action="message.requeued").actor == lead
