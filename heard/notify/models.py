"""The email outbox: every message is stored first, then delivered by the worker.

The table is also the delivery queue (see docs/adr/0004-outbox-and-worker.md).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heard.core.crypto import EncryptedTextField


class State(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    # The server may have accepted it (the connection dropped after the whole message was sent):
    # never retried by itself, so that nobody gets it twice; staff may send it again.
    UNCERTAIN = "uncertain", _("Delivery uncertain")
    CANCELLED = "cancelled", _("Cancelled")


class Message(models.Model):
    scope = models.CharField(
        max_length=80, db_index=True, blank=True, help_text="e.g. consultation:12"
    )
    kind = models.CharField(max_length=60, help_text="What the message is, e.g. invitation.")
    dedupe_key = models.CharField(
        max_length=200,
        unique=True,
        help_text="Queuing the same key twice gives the same message, never a second one.",
    )
    message_id = models.CharField(max_length=200, unique=True)
    # Who it goes to and what it says are personal data: encrypted, with a keyed hash to find them.
    recipient = EncryptedTextField()
    recipient_index = models.CharField(max_length=64, db_index=True)
    subject = models.CharField(
        max_length=250, help_text="Shown to staff; built from templates, never from answers."
    )
    payload = EncryptedTextField(help_text="The complete RFC 5322 message, attachments included.")

    state = models.CharField(max_length=12, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    lease_until = models.DateTimeField(null=True, blank=True)
    # The worker holding the message while it is being sent (heard.core.workers names them), so
    # that a message held by a worker that died is recovered at once, not when its lease ends.
    claimed_by = models.CharField(max_length=200, blank=True)
    # Set just before the message is handed to the server: a message claimed by a worker that died
    # before this point was never sent and goes back to the queue; after it, it is uncertain.
    sending_started_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Set when the retention schedule dropped the text (HEARD_SENT_EMAIL_DAYS after it went).
    text_removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="outbox_due")]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=State.values), name="outbox_state_known"),
            models.CheckConstraint(
                condition=~Q(state=State.SENT) | Q(sent_at__isnull=False),
                name="outbox_sent_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.message_id} ({self.state})"
