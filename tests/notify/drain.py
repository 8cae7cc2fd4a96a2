"""Deliver a test's whole outbox on a clock the test controls, however many retries it takes."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Min
from django.utils import timezone

from heard.notify.delivery import deliver_due
from heard.notify.models import Message, State


class Clock:
    """The `now` given to deliver_due: it moves only when the test moves it."""

    def __init__(self, moment: datetime | None = None) -> None:
        self.moment = moment or timezone.now()

    def __call__(self) -> datetime:
        return self.moment


def drain(clock: Clock, *, batch: int = 100, rounds: int = 200) -> None:
    """Run the worker until no message is queued or being sent.

    Whenever nothing is due, the clock jumps past the soonest retry time, so a message waiting out
    its retry delay is delivered too rather than left behind (however slow the machine is).
    """
    waiting = Message.objects.filter(state__in=[State.QUEUED, State.SENDING])
    for _ in range(rounds):
        if not waiting.exists():
            return
        if not deliver_due(batch=batch, now=clock).handled:
            soonest = waiting.aggregate(at=Min("next_attempt_at"))["at"]
            clock.moment = max(clock.moment, soonest) + timedelta(seconds=1)
    raise AssertionError(f"{waiting.count()} messages still waiting after {rounds} rounds")
