"""Dates as a reader expects them in English and French (“27 and 28 September 2018”)."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from django.utils import dateformat
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _


def long_date(value: date | datetime) -> str:
    # “1 September 2018” / “1 septembre 2018”; French writes the first of the month as “1er”.
    text = dateformat.format(value, "j F Y")
    if value.day == 1 and (get_language() or "").startswith("fr"):
        text = "1er" + text[1:]
    return text


def month_year(value: date) -> str:
    return dateformat.format(value, "F Y")


def _elide(text: str) -> str:
    """French elision before a vowel: “de avril” becomes “d'avril”, “de octobre” “d'octobre”."""
    if (get_language() or "").startswith("fr"):
        return re.sub(r"\bde (?=[aeiouyàâéèêîôû])", "d'", text)
    return text


def date_range(start: date, end: date | None, *, month_only: bool = False) -> str:
    if month_only:
        if end is None or (end.year, end.month) == (start.year, start.month):
            return month_year(start)
        if end.year == start.year:
            text = _("%(start_month)s to %(end_month)s %(year)s") % {
                "start_month": dateformat.format(start, "F"),
                "end_month": dateformat.format(end, "F"),
                "year": end.year,
            }
        else:
            text = _("%(start_month_year)s to %(end_month_year)s") % {
                "start_month_year": month_year(start),
                "end_month_year": month_year(end),
            }
        return _elide(text)
    if end is None or end == start:
        return long_date(start)
    if (end.year, end.month) == (start.year, start.month):
        pattern = (
            _("%(first)s and %(last)s %(month_year)s")
            if end - start == timedelta(days=1)
            else _("%(first)s to %(last)s %(month_year)s")
        )
        first = long_date(start).split(" ")[0]
        return pattern % {"first": first, "last": end.day, "month_year": month_year(end)}
    return _("%(start)s to %(end)s") % {"start": long_date(start), "end": long_date(end)}


def time_left(delta: timedelta) -> str:
    days = delta.days
    if days >= 1:
        return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
    hours = max(1, int(delta.total_seconds() // 3600))
    return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}


def clock_time(value: time) -> str:
    """“9:30 a.m.” in English, “9 h 30” in French (Canadian usage in both)."""
    if (get_language() or "").startswith("fr"):
        return f"{value.hour} h {value.minute:02d}" if value.minute else f"{value.hour} h"
    hour = value.hour % 12 or 12
    suffix = "a.m." if value.hour < 12 else "p.m."
    return f"{hour}:{value.minute:02d} {suffix}"


def time_range(start: time | None, end: time | None) -> str:
    if start is None:
        return ""
    if end is None:
        return _("from %(start)s, local time") % {"start": clock_time(start)}
    return _("%(start)s to %(end)s, local time") % {
        "start": clock_time(start),
        "end": clock_time(end),
    }
