"""Read a queued message the way a mail client would: parse the stored RFC 5322 payload."""

from __future__ import annotations

import email
from email.message import EmailMessage
from email.policy import default

from heard.notify.bilingual import OTHER
from heard.notify.models import Message


def parsed(message: Message) -> EmailMessage:
    """The message as the mail server receives it (its bytes, as the transport sends them)."""
    data = message.payload.encode("utf-8", errors="surrogateescape")
    return email.message_from_bytes(data, policy=default)  # type: ignore[return-value]


def _text_part(message: Message) -> EmailMessage:
    body = parsed(message).get_body(preferencelist=("plain",))
    assert body is not None
    return body  # type: ignore[return-value]


def plain_text(message: Message) -> str:
    """The decoded text/plain part (whatever its transfer encoding)."""
    return _text_part(message).get_content().replace("\r\n", "\n")  # stored with SMTP's CRLF


def language_parts(message: Message) -> dict[str, str]:
    """{"en": ..., "fr": ...}: the two halves of the bilingual text, by their language."""
    first = parsed(message)["Content-Language"]  # the recipient's language comes first
    head, tail = plain_text(message).split("\n" + "-" * 40 + "\n")
    return {first: head, OTHER[first]: tail}
