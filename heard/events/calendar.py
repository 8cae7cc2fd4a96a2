"""iCalendar (RFC 5545) files for sessions, in the session city's own time zone."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django.utils.translation import override
from icalendar import Calendar, Event

from heard.events.models import Session


def session_ics(session: Session, *, language: str, method: str = "PUBLISH") -> bytes:
    item = session.schedule_item
    with override(language):
        title = str(item.title)
        where = ", ".join(part for part in (str(item.venue), str(item.city)) if part)
        consultation = str(item.consultation.title)
    calendar = Calendar()
    calendar.add("prodid", "-//Heard//Consultations//EN")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = Event()
    event.add("uid", f"session-{session.pk}@{settings.HEARD_EMAIL_DOMAIN}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.local(session.starts_at))
    event.add("dtend", session.local(session.ends_at))
    event.add("summary", f"{title} – {consultation}")
    if where:
        event.add("location", where)
    event.add("description", consultation)
    calendar.add_component(event)
    calendar.add_missing_timezones()  # a VTIMEZONE for the city's zone, so every client agrees
    return calendar.to_ical()
