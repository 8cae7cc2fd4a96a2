"""Deliver due messages from the outbox. Run by `heard worker`; safe with many workers at once.

Workers claim messages with SELECT … FOR UPDATE SKIP LOCKED (on PostgreSQL; SQLite serialises
writers instead) and hold them under a lease, with the worker's name. A message whose worker died
while sending it (its lease ran out, or its process is known to be gone: heard.core.workers)
becomes *uncertain* rather than queued again: it may already have been delivered. Messages the
worker had claimed but not started go back to the queue.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from heard.core import workers
from heard.core.runner import Drained
from heard.notify.models import Message, State
from heard.notify.transport import Outcome, Result, Transport, TransportError, from_url

log = logging.getLogger("heard.notify")

LEASE = timedelta(minutes=10)


@dataclass
class Report:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    uncertain: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def handled(self) -> int:
        return self.sent + self.retrying + self.failed + self.uncertain

    def __str__(self) -> str:
        return (
            f"sent {self.sent}, to retry {self.retrying}, failed {self.failed}, "
            f"uncertain {self.uncertain}"
        )


def backoff(attempts: int) -> timedelta:
    """Wait before attempt `attempts + 1`: doubling from HEARD_EMAIL_RETRY_SECONDS, at most 1 h."""
    seconds = settings.HEARD_EMAIL_RETRY_SECONDS * (2 ** max(attempts - 1, 0))
    return timedelta(seconds=min(seconds, 3600))


def _claim(batch: int, now: datetime, worker: str) -> list[Message]:
    with transaction.atomic():
        due = Message.objects.filter(state=State.QUEUED, next_attempt_at__lte=now).order_by(
            "next_attempt_at", "id"
        )
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        claimed = list(due[:batch])
        Message.objects.filter(pk__in=[m.pk for m in claimed]).update(
            state=State.SENDING, lease_until=now + LEASE, claimed_by=worker
        )
    return claimed


def _record(message: Message, result: Result, now: datetime, report: Report, holder: str) -> None:
    attempts = message.attempts + 1
    values: dict[str, object] = {
        "attempts": attempts,
        "lease_until": None,
        "sending_started_at": None,
    }
    if result.outcome is Outcome.SENT:
        values.update(state=State.SENT, sent_at=now, last_error="")
        report.sent += 1
    elif result.outcome is Outcome.RETRY and attempts < settings.HEARD_EMAIL_MAX_ATTEMPTS:
        values.update(
            state=State.QUEUED, next_attempt_at=now + backoff(attempts), last_error=result.detail
        )
        report.retrying += 1
    elif result.outcome is Outcome.UNCERTAIN:
        values.update(state=State.UNCERTAIN, last_error=result.detail)
        report.uncertain += 1
    else:
        detail = result.detail
        if result.outcome is Outcome.RETRY:
            detail = f"gave up after {attempts} attempts; last: {detail}"
        values.update(state=State.FAILED, last_error=detail[:500])
        report.failed += 1
    # Only the worker holding the lease may write the outcome.
    values["claimed_by"] = ""
    Message.objects.filter(pk=message.pk, state=State.SENDING, claimed_by=holder).update(**values)


def _release(messages: list[Message], holder: str) -> None:
    """Give back claimed messages that were not tried (their attempt does not count)."""
    Message.objects.filter(
        pk__in=[m.pk for m in messages],
        state=State.SENDING,
        claimed_by=holder,
        sending_started_at__isnull=True,
    ).update(state=State.QUEUED, lease_until=None, claimed_by="")


def expire_leases(now: datetime | None = None) -> int:
    """Recover messages whose worker went away (its lease ran out, or it is known to be gone):
    untried ones are queued again, the one it was sending is uncertain (it may have been
    delivered). Returns how many became uncertain."""
    now = now or timezone.now()
    sending = Message.objects.filter(state=State.SENDING)
    gone = workers.gone_holders(set(sending.values_list("claimed_by", flat=True).distinct()))
    expired = sending.filter(Q(lease_until__lt=now) | Q(claimed_by__in=gone))
    expired.filter(sending_started_at__isnull=True).update(
        state=State.QUEUED, lease_until=None, claimed_by=""
    )
    return expired.filter(sending_started_at__isnull=False).update(
        state=State.UNCERTAIN,
        lease_until=None,
        sending_started_at=None,
        claimed_by="",
        last_error="the worker stopped while sending; it may have been delivered",
    )


def _start_sending(message: Message, now: datetime, holder: str) -> bool:
    """Renew this message's lease and mark the send as started; False if the claim was lost."""
    return bool(
        Message.objects.filter(pk=message.pk, state=State.SENDING, claimed_by=holder).update(
            lease_until=now + LEASE, sending_started_at=now
        )
    )


def deliver_due(
    *,
    batch: int = 100,
    transport_factory: Callable[[], Transport] | None = None,
    now: Callable[[], datetime] = timezone.now,
    worker: str = "",
) -> Report:
    """Claim up to `batch` due messages and try each once. Returns what happened. `worker` names
    the worker loop calling (heard.core.runner); without one, the messages are held by this
    process."""
    report = Report()
    expire_leases(now())
    holder = worker or str(workers.WorkerName.this_process())
    claimed = _claim(batch, now(), holder)
    if not claimed:
        return report
    transport = (transport_factory or (lambda: from_url(settings.HEARD_EMAIL_URL)))()
    try:
        transport.open()
    except TransportError as error:
        report.errors.append(str(error))
        for message in claimed:
            _record(message, Result(Outcome.RETRY, str(error)), now(), report, holder)
        return report
    try:
        for message in claimed:
            if not _start_sending(message, now(), holder):
                continue  # another worker recovered it after our lease ran out
            result = transport.send(
                sender=settings.HEARD_EMAIL_ENVELOPE_FROM,
                recipient=message.recipient,
                message_id=message.message_id,
                payload=message.payload.encode("utf-8", errors="surrogateescape"),
            )
            _record(message, result, now(), report, holder)
            if result.connection_lost:
                # Try the rest on a new connection; if that fails too, they wait for next time.
                try:
                    transport.close()
                    transport.open()
                except TransportError as error:
                    report.errors.append(str(error))
                    break
    finally:
        transport.close()
        # Whatever stopped this batch (a lost connection, the database), the messages not yet
        # handed to the server go back to the queue at once instead of waiting for the lease.
        try:
            _release(claimed, holder)
        except DatabaseError:
            log.warning("outbox: untried messages wait for their lease to run out")
    if report.handled:
        log.info("outbox via %s: %s", transport.description, report)
    return report


def drain_outbox(worker: str, batch: int) -> Drained:
    """The outbox as one of the worker's queues (registered in NotifyConfig.ready)."""
    report = deliver_due(batch=batch, worker=worker)
    return Drained(
        handled=report.handled,
        full=report.handled >= batch,
        summary=str(report),
        errors=report.errors,
    )
