"""A real SMTP server on loopback (aiosmtpd) that records what it accepted."""

from __future__ import annotations

import asyncio
import email
import socket
import threading
from collections import Counter
from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Recorder:
    """aiosmtpd handler: keeps each accepted message; can refuse, delay or stop the server."""

    def __init__(self) -> None:
        self.messages: list[email.message.Message] = []
        self.lock = threading.Lock()
        self.refuse_rcpt: dict[str, str] = {}  # address -> SMTP reply
        self.refuse_rcpt_once: dict[str, str] = {}  # address -> SMTP reply, the first time only
        self.slow_subjects: set[str] = set()
        self.slow_seconds = 0.0
        self.stop_after: int | None = None
        self.on_stop = None
        # Set on reaching stop_after: until the server is stopped, every recipient gets a 421, so
        # no message can be in the middle of its data when the server goes (that would make it
        # "uncertain" by chance, depending on when the stopping thread runs).
        self.going_down = False

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.going_down:
            return "421 4.3.2 Service shutting down"
        if address in self.refuse_rcpt:
            return self.refuse_rcpt[address]
        with self.lock:
            once = self.refuse_rcpt_once.pop(address, None)
        if once is not None:
            return once
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.content)
        with self.lock:  # the server has it now (a real MTA has queued it) …
            self.messages.append(parsed)
            count = len(self.messages)
        if parsed["Subject"] in self.slow_subjects:
            await asyncio.sleep(self.slow_seconds)  # … but its answer comes too late
        if self.stop_after is not None and count == self.stop_after and self.on_stop:
            self.going_down = True
            threading.Thread(target=self.on_stop, daemon=True).start()
        return "250 Message accepted for delivery"

    def ids(self) -> Counter[str]:
        with self.lock:
            return Counter(m["Message-ID"] for m in self.messages)


class SmtpServer:
    def __init__(self) -> None:
        self.port = free_port()
        self.recorder = Recorder()
        self.controller: Controller | None = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}?timeout=1"

    def start(self) -> None:
        self.recorder.going_down = False
        self.controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp_server(settings) -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    settings.HEARD_EMAIL_URL = server.url
    settings.HEARD_EMAIL_RETRY_SECONDS = 60
    yield server
    server.stop()
