"""What the consultation page shows, shared by the public page and the staff preview."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from heard.consultations.dates import date_range, long_date, time_left, time_range
from heard.consultations.models import Consultation, ScheduleItem, Visibility
from heard.consultations.status import Phase, Status


@dataclass(frozen=True)
class StatusMessage:
    phase: Phase
    label: str  # “Open”, “Closed”…
    detail: str  # the sentence with the dates
    time_left: str


def status_message(consultation: Consultation, status: Status) -> StatusMessage:
    zone = consultation.zone
    opens = long_date(consultation.opens_at.astimezone(zone))
    closes = long_date(consultation.closes_at.astimezone(zone))
    if status.phase is Phase.UPCOMING:
        return StatusMessage(
            status.phase,
            _("Upcoming"),
            _("This consultation opens on %(opens)s and closes on %(closes)s.")
            % {"opens": opens, "closes": closes},
            "",
        )
    if status.phase is Phase.OPEN and status.time_left is not None:
        return StatusMessage(
            status.phase,
            _("Open"),
            _("This consultation runs from %(opens)s to %(closes)s.")
            % {"opens": opens, "closes": closes},
            time_left(status.time_left),
        )
    if status.closed_early and consultation.closed_early_at is not None:
        closed_on = long_date(consultation.closed_early_at.astimezone(zone))
        return StatusMessage(
            status.phase,
            _("Closed early"),
            _(
                "This consultation opened on %(opens)s and closed early on %(closed)s; "
                "it had been planned to close on %(closes)s."
            )
            % {"opens": opens, "closed": closed_on, "closes": closes},
            "",
        )
    return StatusMessage(
        status.phase,
        _("Closed"),
        _("This consultation ran from %(opens)s to %(closes)s.")
        % {"opens": opens, "closes": closes},
        "",
    )


def item_when(item: ScheduleItem) -> str:
    dates = date_range(item.start_date, item.end_date, month_only=item.date_precision == "month")
    hours = time_range(item.start_time, item.end_time)
    return f"{dates}, {hours}" if hours else dates


def item_machine_date(item: ScheduleItem) -> str:
    """The `<time datetime>` value, only where one value says it all (a day or a month)."""
    if item.date_precision == "month":
        same_month = item.end_date is None or (item.end_date.year, item.end_date.month) == (
            item.start_date.year,
            item.start_date.month,
        )
        return item.start_date.strftime("%Y-%m") if same_month else ""
    if item.end_date is None or item.end_date == item.start_date:
        return item.start_date.isoformat()
    return ""


def item_where(item: ScheduleItem) -> str:
    if item.city and item.venue:
        return f"{item.venue}, {item.city}"
    return str(item.city or item.venue or item.get_format_display())


def page_context(consultation: Consultation, *, moment: datetime | None = None) -> dict[str, Any]:
    status = consultation.status_at(moment or timezone.now())
    items = list(consultation.schedule_items.filter(visibility=Visibility.TRANSPARENT))
    return {
        "consultation": consultation,
        "status": status,
        "status_message": status_message(consultation, status),
        "schedule_rows": [
            {
                "item": item,
                "when": item_when(item),
                "machine_date": item_machine_date(item),
                "where": item_where(item),
            }
            for item in items
        ],
        "related_links": list(consultation.related_links.all()),
        "commitments": list(consultation.reporting_commitments.all()),
        "published_documents": list(consultation.published_documents.all()),
        "subjects": list(consultation.subjects.all()),
        "date_modified": consultation.modified_at.astimezone(consultation.zone).date(),
    }
