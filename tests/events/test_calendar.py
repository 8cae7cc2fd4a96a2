"""The calendar file sent with each invitation: the session in its city's time zone, with that
zone's VTIMEZONE (written out once per zone, then put in place)."""

from __future__ import annotations

from icalendar import Calendar, Timezone

from heard.events.calendar import session_ics


def test_the_file_is_the_one_icalendar_writes_with_the_zone_before_the_event(session_event):
    session = session_event
    for language in ("en", "fr"):
        written = session_ics(session, language=language, method="REQUEST")
        parsed = Calendar.from_ical(written)
        zones = parsed.walk("VTIMEZONE")
        event = parsed.walk("VEVENT")[0]
        tzid = str(event["dtstart"].params["TZID"])
        assert [str(z["tzid"]) for z in zones] == [tzid]
        assert written.index(b"BEGIN:VTIMEZONE") < written.index(b"BEGIN:VEVENT")
        # The same bytes icalendar writes when the zone is one of the calendar's components.
        expected = Calendar.from_ical(written)
        expected.subcomponents = [Timezone.from_tzid(tzid), *expected.walk("VEVENT")]
        assert written == expected.to_ical()
