"""What the outbox removes: a person's emails on erasure, a consultation's emails when its
retention ends, and the text of every delivered email after HEARD_SENT_EMAIL_DAYS."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heard.consultations.erasure import Subject, register_eraser
from heard.consultations.models import Consultation
from heard.consultations.retention import register_purger, sent_email_cutoff
from heard.core import audit
from heard.core.rows import deleted
from heard.core.runner import periodic
from heard.notify.models import Message, State


def _to(subject: Subject) -> QuerySet[Message]:
    return Message.objects.filter(
        scope=subject.consultation.scope, recipient_index__in=subject.indexes
    )


register_eraser(
    "emails",
    _("Emails to them in the outbox"),
    order=50,
    count=lambda subject: _to(subject).count(),
    erase=lambda subject: deleted(_to(subject)),
)


def _of(consultation: Consultation) -> QuerySet[Message]:
    return Message.objects.filter(scope=consultation.scope)


register_purger(
    "emails",
    _("Emails in the outbox (who they went to, and what they said)"),
    order=50,
    count=lambda consultation: _of(consultation).count(),
    purge=lambda consultation: deleted(_of(consultation)),
)

# Delivered or given up: nothing will send them again. Queued, sending and uncertain messages
# keep their text until someone has dealt with them.
FINISHED = (State.SENT, State.FAILED, State.CANCELLED)


def old_bodies() -> QuerySet[Message]:
    cutoff = sent_email_cutoff()
    return Message.objects.filter(
        Q(sent_at__lt=cutoff) | Q(sent_at__isnull=True, created_at__lt=cutoff),
        state__in=FINISHED,
        text_removed_at__isnull=True,
    )


@periodic("outbox.sent-bodies", every=timedelta(days=1))
def purge_sent_bodies() -> int:
    """Drop the text (and attachments) of finished emails older than HEARD_SENT_EMAIL_DAYS,
    keeping the record that they went; one History entry per consultation."""
    purged = 0
    scopes = sorted(set(old_bodies().values_list("scope", flat=True)))
    for scope in scopes:
        with transaction.atomic():
            count = (
                old_bodies().filter(scope=scope).update(payload="", text_removed_at=timezone.now())
            )
            purged += count
            consultation = _consultation_of(scope)
            if consultation is not None and count:
                audit.record(
                    actor=None,
                    action="outbox.texts_purged",
                    target=consultation,
                    scope=scope,
                    changes={"emails": count},
                    system_label="retention schedule",
                )
    return purged


def _consultation_of(scope: str) -> Consultation | None:
    kind, _sep, pk = scope.partition(":")
    if kind != "consultation" or not pk.isdigit():
        return None
    return Consultation.objects.filter(pk=int(pk)).first()
