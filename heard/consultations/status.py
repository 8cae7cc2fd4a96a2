"""A consultation's status is computed from its dates and the clock, never stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class Phase(StrEnum):
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"


@dataclass(frozen=True)
class Status:
    phase: Phase
    closed_early: bool
    time_left: timedelta | None  # only while open

    @property
    def is_open(self) -> bool:
        return self.phase is Phase.OPEN

    @property
    def is_closed(self) -> bool:
        return self.phase is Phase.CLOSED


def status_at(
    *,
    opens_at: datetime,
    closes_at: datetime,
    closed_early_at: datetime | None,
    moment: datetime,
) -> Status:
    effective_close = closes_at
    if closed_early_at is not None and closed_early_at < closes_at:
        effective_close = closed_early_at
    if moment < opens_at:
        return Status(Phase.UPCOMING, closed_early=False, time_left=None)
    if moment < effective_close:
        return Status(Phase.OPEN, closed_early=False, time_left=effective_close - moment)
    return Status(Phase.CLOSED, closed_early=effective_close < closes_at, time_left=None)
