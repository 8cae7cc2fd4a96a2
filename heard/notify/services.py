"""Queue email. Call inside the transaction of the change that causes it (the outbox pattern):
if the change rolls back, so does the message; the worker only ever sees committed messages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate, make_msgid

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.utils import timezone

from heard.core import audit
from heard.core.crypto import blind_index
from heard.notify.models import Message, State


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str  # e.g. "text/calendar; method=REQUEST"


def build_message(
    *,
    to: str,
    subject: str,
    text: str,
    html: str | None = None,
    attachments: Sequence[Attachment] = (),
    language: str = "en",
    message_id: str,
) -> bytes:
    message = EmailMessage(policy=SMTP)
    message["From"] = settings.HEARD_EMAIL_FROM
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    for attachment in attachments:
        maintype, _, rest = attachment.mimetype.partition("/")
        subtype, _, params = rest.partition(";")
        extra = dict(
            (part.split("=", 1)[0].strip(), part.split("=", 1)[1].strip())
            for part in params.split(";")
            if "=" in part
        )
        message.add_attachment(
            attachment.content,
            maintype=maintype,
            subtype=subtype.strip(),
            filename=attachment.filename,
            params=extra,
        )
    # Last: set_content() drops every Content-* header set before it, and adding an attachment
    # moves them into the text part.
    message["Content-Language"] = language
    return message.as_bytes()


def queue_email(
    *,
    scope: str,
    kind: str,
    dedupe_key: str,
    to: str,
    subject: str,
    text: str,
    html: str | None = None,
    attachments: Sequence[Attachment] = (),
    language: str = "en",
) -> Message:
    """Store a message for delivery; the same `dedupe_key` always gives back the same message."""
    existing = Message.objects.filter(dedupe_key=dedupe_key).first()
    if existing is not None:
        return existing
    message_id = make_msgid(domain=settings.HEARD_EMAIL_DOMAIN)
    payload = build_message(
        to=to,
        subject=subject,
        text=text,
        html=html,
        attachments=attachments,
        language=language,
        message_id=message_id,
    )
    return Message.objects.create(
        scope=scope,
        kind=kind,
        dedupe_key=dedupe_key,
        message_id=message_id,
        recipient=to,
        recipient_index=blind_index(to),
        subject=subject,
        payload=payload.decode("utf-8", errors="surrogateescape"),
    )


class TextRemoved(ValueError):
    """The message's text was dropped by the retention schedule: there is nothing to send."""


@transaction.atomic
def send_again(*, actor: User | AnonymousUser | None, message: Message) -> None:
    """Put a failed or uncertain message back in the queue (staff decide; never automatic).

    One conditional update, so a double click or a worker busy with the message cannot turn it
    back into a queued message twice.
    """
    resendable = (State.FAILED, State.UNCERTAIN, State.CANCELLED)
    current = Message.objects.filter(pk=message.pk).values_list("state", flat=True).first()
    if Message.objects.filter(pk=message.pk, text_removed_at__isnull=False).exists():
        raise TextRemoved
    changed = Message.objects.filter(pk=message.pk, state__in=resendable).update(
        state=State.QUEUED, next_attempt_at=timezone.now(), last_error="", sending_started_at=None
    )
    if not changed:
        raise ValueError("Only failed, uncertain or cancelled messages can be sent again.")
    audit.record(
        actor=actor,
        action="message.requeued",
        target=message,
        scope=message.scope,
        changes={"state": [current, State.QUEUED]},
    )
