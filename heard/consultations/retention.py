"""Retention: how long a consultation keeps personal data, and the daily purge that ends it.

Each consultation keeps the personal data of its registry, invitations, access requests and
outbox for `retention_months` after it closes (12 by default; ADR 0016 says why). On that date
the daily purge deletes them, takes away every personal link, and keeps the answers only in
anonymised form: no longer tied to anyone, personal information in their text replaced by
placeholders. What each app deletes is registered here by the app (core and consultations know
no registry or questionnaire), in the order given, and run in one transaction with the History
entry; the erasure log gets a line so that a restore purges again.

Separately from this schedule, the outbox drops the text of emails delivered (or given up on)
more than HEARD_SENT_EMAIL_DAYS ago (30 by default), in every consultation.
"""

from __future__ import annotations

import calendar
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise

from heard.consultations.models import Consultation
from heard.core import audit, erasure_log
from heard.core.runner import periodic

log = logging.getLogger(__name__)

DEFAULT_MONTHS = 12
LONGEST_MONTHS = 120


@dataclass(frozen=True)
class Purger:
    key: str  # recorded in the History: "people", "answers_anonymised", ...
    label: str | Promise  # shown to leads: "People in the registry"
    order: int  # lower runs first (answers are detached before the people they belong to go)
    count: Callable[[Consultation], int]  # what the purge would remove today
    purge: Callable[[Consultation], int]  # remove it; returns how many


_PURGERS: dict[str, Purger] = {}


def register_purger(
    key: str,
    label: str | Promise,
    *,
    order: int,
    count: Callable[[Consultation], int],
    purge: Callable[[Consultation], int],
) -> None:
    _PURGERS[key] = Purger(key, label, order, count, purge)


def purgers() -> list[Purger]:
    return sorted(_PURGERS.values(), key=lambda p: (p.order, p.key))


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` later (the month's last day if it has fewer days)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def closed_at(consultation: Consultation) -> datetime:
    return consultation.closed_early_at or consultation.closes_at


def purge_date(consultation: Consultation) -> datetime:
    """When the consultation's personal data goes: its retention after it closed."""
    return add_months(closed_at(consultation), consultation.retention_months)


def is_due(consultation: Consultation, now: datetime | None = None) -> bool:
    return purge_date(consultation) <= (now or timezone.now())


@dataclass(frozen=True)
class PlannedPurge:
    label: str | Promise
    count: int


def preview(consultation: Consultation) -> list[PlannedPurge]:
    """What the purge would remove if it ran now, for the lead's retention page."""
    return [PlannedPurge(p.label, p.count(consultation)) for p in purgers()]


def purge(
    consultation: Consultation,
    *,
    actor: Any = None,
    label: str = "retention schedule",
    replaying: bool = False,
) -> dict[str, int]:
    """Run every purger on the consultation now, whatever its date (the schedule decides when;
    a restore calls this to purge again). Records what went in the History, by kind and number,
    and in the erasure log. Returns the counts; nothing is recorded when nothing was left."""
    with transaction.atomic():
        Consultation.objects.select_for_update().filter(pk=consultation.pk).first()
        counts = {p.key: p.purge(consultation) for p in purgers()}
        removed = {key: n for key, n in counts.items() if n}
        if removed:
            audit.record(
                actor=actor,
                action="retention.purged",
                target=consultation,
                scope=consultation.scope,
                changes=removed,
                system_label=label,
            )
            if not replaying:  # a restore runs the log's purges again: no second line
                erasure_log.append(erasure_log.PURGE, consultation.pk)
    return removed


@periodic("retention.purge", every=timedelta(days=1))
def purge_due(now: datetime | None = None) -> int:
    """The daily purge: every consultation past its date. Returns how many items went."""
    now = now or timezone.now()
    removed = 0
    for consultation in Consultation.objects.order_by("pk"):
        if is_due(consultation, now):
            counts = purge(consultation)
            removed += sum(counts.values())
            if counts:
                log.info("retention purge of consultation %s: %s", consultation.pk, counts)
    return removed


def sent_email_cutoff(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=settings.HEARD_SENT_EMAIL_DAYS)
