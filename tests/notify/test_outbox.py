"""The outbox delivers every message exactly once to a real SMTP server, whatever happens."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
import time_machine
from django.db import connection, transaction
from django.utils import timezone

from heard.cli import main
from heard.core.models import AuditEvent
from heard.notify import services
from heard.notify.delivery import deliver_due, expire_leases
from heard.notify.models import Message, State
from tests.notify.drain import Clock, drain

pytestmark = pytest.mark.django_db(transaction=True)


def _queue(count: int, *, prefix: str = "m", subject: str = "Your invitation") -> list[Message]:
    with transaction.atomic():
        return [
            services.queue_email(
                scope="consultation:1",
                kind="test",
                dedupe_key=f"{prefix}-{n}",
                to=f"person{n}@example.org",
                subject=subject,
                text=f"Hello person {n}.\n.\nA line that starts with a dot, kept as it is.",
            )
            for n in range(count)
        ]


def _drain() -> None:
    drain(Clock())  # until nothing waits, moving the clock past any retry delay


def test_five_hundred_messages_arrive_exactly_once(smtp_server):
    queued = _queue(500)
    _drain()
    received = smtp_server.recorder.ids()
    assert len(received) == 500
    assert set(received) == {m.message_id for m in queued}
    assert max(received.values()) == 1
    assert Message.objects.filter(state=State.SENT).count() == 500
    body = smtp_server.recorder.messages[0].get_payload()
    assert "\n.\nA line that starts with a dot" in body.replace("\r\n", "\n")


def test_server_down_part_way_every_message_arrives_once_when_it_is_back(smtp_server):
    queued = _queue(300)
    recorder = smtp_server.recorder
    recorder.stop_after = 120
    stopped = threading.Event()

    def stop_server():
        smtp_server.stop()
        stopped.set()

    recorder.on_stop = stop_server
    # The server goes away in the middle of a batch; what is left waits for the next attempt.
    for _ in range(10):
        deliver_due(batch=100)
        if stopped.is_set():
            break
    assert stopped.wait(10)
    time.sleep(0.2)
    deliver_due(batch=100)  # the server is down: nothing is lost, everything waits
    waiting = Message.objects.filter(state=State.QUEUED).count()
    assert waiting >= 150
    assert Message.objects.filter(state=State.FAILED).count() == 0

    smtp_server.start()  # back, on the same port
    with time_machine.travel(timezone.now() + timedelta(hours=3), tick=True):
        _drain()
    received = recorder.ids()
    assert set(received) == {m.message_id for m in queued}  # every message arrived
    assert max(received.values()) == 1  # and none twice
    states = set(Message.objects.values_list("state", flat=True))
    assert states <= {State.SENT, State.UNCERTAIN}


def test_a_send_that_times_out_after_the_server_accepted_is_not_sent_again(smtp_server):
    smtp_server.recorder.slow_subjects = {"Slow one"}
    smtp_server.recorder.slow_seconds = 2.5  # the client gives up after 1 s
    (slow,) = _queue(1, prefix="slow", subject="Slow one")
    _queue(3, prefix="after")
    deliver_due(batch=100)
    slow.refresh_from_db()
    assert slow.state == State.UNCERTAIN
    assert "no answer after the whole message was sent" in slow.last_error
    with time_machine.travel(timezone.now() + timedelta(days=1), tick=True):
        _drain()
    received = smtp_server.recorder.ids()
    assert received[slow.message_id] == 1
    assert sum(received.values()) == 4
    assert Message.objects.get(pk=slow.pk).state == State.UNCERTAIN


def test_a_refused_recipient_fails_with_the_reason_and_no_address(smtp_server):
    smtp_server.recorder.refuse_rcpt = {
        "person0@example.org": "550 5.1.1 person0@example.org unknown"
    }
    (refused, accepted) = _queue(2)
    deliver_due()
    refused.refresh_from_db()
    accepted.refresh_from_db()
    assert refused.state == State.FAILED
    assert refused.last_error.startswith("550 5.1.1")
    assert "person0@example.org" not in refused.last_error
    assert accepted.state == State.SENT


def test_a_temporary_refusal_is_retried_later(smtp_server):
    smtp_server.recorder.refuse_rcpt = {"person0@example.org": "451 4.3.0 try again later"}
    (message,) = _queue(1)
    deliver_due()
    message.refresh_from_db()
    assert message.state == State.QUEUED and message.attempts == 1
    assert message.next_attempt_at > timezone.now()
    smtp_server.recorder.refuse_rcpt = {}
    deliver_due()  # not due yet
    assert Message.objects.get(pk=message.pk).state == State.QUEUED
    with time_machine.travel(timezone.now() + timedelta(minutes=2), tick=True):
        deliver_due()
    assert Message.objects.get(pk=message.pk).state == State.SENT


def test_queuing_twice_with_one_key_gives_one_message(db):
    first = _queue(1)[0]
    again = _queue(1)[0]
    assert first.pk == again.pk
    assert Message.objects.count() == 1


def test_recipient_and_content_are_encrypted_at_rest(db):
    _queue(1)
    with connection.cursor() as cursor:
        cursor.execute("SELECT recipient, payload, recipient_index FROM notify_message")
        recipient, payload, index = cursor.fetchone()
    assert "example.org" not in recipient and "person0" not in payload
    assert "person0" not in index
    assert Message.objects.get().recipient == "person0@example.org"


def test_a_worker_that_died_mid_send_leaves_the_message_uncertain_and_staff_can_resend(db):
    (message, untried) = _queue(2)
    gone = timezone.now() - timedelta(seconds=1)
    Message.objects.filter(pk=message.pk).update(
        state=State.SENDING, lease_until=gone, sending_started_at=gone
    )
    Message.objects.filter(pk=untried.pk).update(state=State.SENDING, lease_until=gone)
    assert expire_leases() == 1
    message.refresh_from_db()
    assert message.state == State.UNCERTAIN
    assert Message.objects.get(pk=untried.pk).state == State.QUEUED  # never handed to the server
    services.send_again(actor=None, message=message)
    message.refresh_from_db()
    assert message.state == State.QUEUED
    assert AuditEvent.objects.filter(action="message.requeued").exists()
    with pytest.raises(ValueError):  # a second click does nothing more
        services.send_again(actor=None, message=message)
    assert AuditEvent.objects.filter(action="message.requeued").count() == 1


def test_the_default_transport_writes_files_and_the_worker_runs_once(settings, tmp_path, capsys):
    settings.HEARD_EMAIL_URL = f"file://{tmp_path}"
    _queue(3)
    assert main(["worker", "--once"]) == 0
    assert "sent 3" in capsys.readouterr().out
    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) == 3
    assert b"Message-ID:" in files[0].read_bytes()
    assert Message.objects.filter(state=State.SENT).count() == 3


def test_a_server_that_is_down_from_the_start_loses_nothing(settings):
    from tests.smtp import free_port

    settings.HEARD_EMAIL_URL = f"smtp://127.0.0.1:{free_port()}?timeout=1"
    _queue(5)
    report = deliver_due()
    assert report.retrying == 5 and report.errors
    assert "cannot reach SMTP 127.0.0.1" in report.errors[0]
    assert Message.objects.filter(state=State.QUEUED, attempts=1).count() == 5
