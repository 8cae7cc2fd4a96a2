"""Hand a stored message to the mail system: SMTP, files (the default), or the console.

SMTP is driven command by command so that we know how far a send got. A failure before the end of
the message data means the server cannot have accepted it, so it is safe to retry; a failure while
waiting for the server's answer to the complete message is *uncertain* and is never retried
automatically (a retry could deliver it twice).
"""

from __future__ import annotations

import enum
import re
import smtplib
import ssl
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qs, unquote, urlsplit

from django.conf import settings

from heard.core.logfilters import redact
from heard.core.private_files import private_folder, write_private


class Outcome(enum.Enum):
    SENT = "sent"
    RETRY = "retry"  # not accepted; try again later
    FAILED = "failed"  # refused for good (5xx)
    UNCERTAIN = "uncertain"  # may have been accepted


@dataclass(frozen=True)
class Result:
    outcome: Outcome
    detail: str = ""
    connection_lost: bool = False


class TransportError(Exception):
    """The transport could not be opened at all (server down, bad credentials)."""


class Transport(Protocol):
    description: str

    def open(self) -> None: ...
    def send(self, *, sender: str, recipient: str, message_id: str, payload: bytes) -> Result: ...
    def close(self) -> None: ...


def _reply(code: int, text: bytes | str) -> str:
    words = text.decode(errors="replace") if isinstance(text, bytes) else text
    return redact(f"{code} {words}".strip())[:400]


def _classify(code: int, text: bytes) -> Result:
    if 200 <= code < 400:
        return Result(Outcome.SENT)
    if 400 <= code < 500:
        return Result(Outcome.RETRY, _reply(code, text))
    return Result(Outcome.FAILED, _reply(code, text))


def _smtp_data(payload: bytes) -> bytes:
    """CRLF line endings, leading dots doubled, and the terminating line (RFC 5321 4.5.2)."""
    data = re.sub(rb"\r?\n", b"\r\n", payload)
    data = re.sub(rb"(?m)^\.", b"..", data)
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data + b".\r\n"


class SmtpTransport:
    def __init__(
        self, *, host: str, port: int, security: str, username: str, password: str, timeout: float
    ) -> None:
        self.host, self.port, self.security = host, port, security
        self.username, self.password, self.timeout = username, password, timeout
        self.description = f"SMTP {host}:{port} ({security})"
        self.connection: smtplib.SMTP | None = None

    def open(self) -> None:
        try:
            if self.security == "tls":
                connection: smtplib.SMTP = smtplib.SMTP_SSL(
                    self.host, self.port, timeout=self.timeout, context=ssl.create_default_context()
                )
            else:
                connection = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            connection.ehlo_or_helo_if_needed()
            if self.security == "starttls":
                connection.starttls(context=ssl.create_default_context())
                connection.ehlo()
            if self.username:
                connection.login(self.username, self.password)
        except (OSError, smtplib.SMTPException) as error:
            raise TransportError(redact(f"cannot reach {self.description}: {error}")) from None
        self.connection = connection

    def send(self, *, sender: str, recipient: str, message_id: str, payload: bytes) -> Result:
        connection = self.connection
        if connection is None:
            return Result(Outcome.RETRY, "not connected", connection_lost=True)
        try:
            for command, argument in (("mail", sender), ("rcpt", recipient)):
                code, text = getattr(connection, command)(argument)
                if code != 250:
                    connection.rset()
                    return _classify(code, text)
            code, text = connection.docmd("DATA")
            if code != 354:
                connection.rset()
                return _classify(code, text)
            connection.send(_smtp_data(payload))
        except (OSError, smtplib.SMTPException) as error:
            # The terminating line was not fully written: the server cannot have accepted it.
            self.connection = None
            return Result(Outcome.RETRY, redact(f"connection lost: {error}"), connection_lost=True)
        try:
            code, text = connection.getreply()
        except (OSError, smtplib.SMTPException) as error:
            self.connection = None
            return Result(
                Outcome.UNCERTAIN,
                redact(f"no answer after the whole message was sent: {error}"),
                connection_lost=True,
            )
        return _classify(code, text)

    def close(self) -> None:
        if self.connection is not None:
            try:
                self.connection.quit()
            except (OSError, smtplib.SMTPException):
                self.connection.close()
            self.connection = None


class FileTransport:
    """Writes each message as `<message id>.eml` in a folder: the default, and the demo's.

    The files hold names, addresses and live personal links: they are written owner-only
    (0600) in an owner-only folder (0700), whatever the umask."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.description = f"files in {folder}"

    def open(self) -> None:
        private_folder(self.folder)

    def send(self, *, sender: str, recipient: str, message_id: str, payload: bytes) -> Result:
        name = re.sub(r"[^A-Za-z0-9.@_-]", "_", message_id.strip("<>")) + ".eml"
        write_private(self.folder / name, payload)  # whole file or nothing; rewriting is harmless
        return Result(Outcome.SENT)

    def close(self) -> None:
        return None


class ConsoleTransport:
    description = "the console"

    def open(self) -> None:
        return None

    def send(self, *, sender: str, recipient: str, message_id: str, payload: bytes) -> Result:
        sys.stdout.write(payload.decode(errors="replace") + "\n" + "-" * 72 + "\n")
        return Result(Outcome.SENT)

    def close(self) -> None:
        return None


def from_url(url: str) -> Transport:
    """Build the transport named by HEARD_EMAIL_URL.

    smtp://host:25, smtp+starttls://user:password@host:587, smtps://user:password@host:465,
    file:///path/to/folder (or `file:` for var/mail), console:. `?timeout=` sets seconds.
    """
    parts = urlsplit(url)
    options = parse_qs(parts.query)
    timeout = float(options.get("timeout", [settings.HEARD_EMAIL_TIMEOUT])[0])
    if parts.scheme in ("smtp", "smtp+starttls", "smtps"):
        security = {"smtp": "none", "smtp+starttls": "starttls", "smtps": "tls"}[parts.scheme]
        default_port = {"none": 25, "starttls": 587, "tls": 465}[security]
        return SmtpTransport(
            host=parts.hostname or "localhost",
            port=parts.port or default_port,
            security=security,
            username=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
            timeout=timeout,
        )
    if parts.scheme == "file":
        folder = Path(unquote(parts.path)) if parts.path else settings.VAR_DIR / "mail"
        return FileTransport(folder)
    if parts.scheme == "console":
        return ConsoleTransport()
    raise ValueError(
        f"HEARD_EMAIL_URL has an unknown scheme {parts.scheme!r}: use smtp, smtp+starttls, "
        "smtps, file or console."
    )
