"""Location answers (geopoint, geotrace, geoshape) typed or filled in by the browser.

A web page shows no map here: a map draws tiles fetched from another site, and Heard's pages make
no third-party requests (ADR 0006). A respondent types latitude and longitude in decimal degrees,
or, where the browser allows it and they ask, lets the page fill in where they are (logic.js).

Answers are stored as ODK stores them, so that exports and the way back read like ODK's: a point
is "latitude longitude altitude accuracy" (altitude and accuracy 0 when typed), a line or a shape
is its points joined by ";", a shape closed (its last point is its first).
"""

from __future__ import annotations

import math
import re

from django.utils.formats import number_format
from django.utils.translation import gettext as _

LOCATION_TYPES = ("geopoint", "geotrace", "geoshape")
# Enough for any outline a person types or pastes; more is a mistake, not a place.
MAX_POINTS = 500
_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)"


def read_location(kind: str, text: str) -> tuple[str | None, str | None]:
    """(value as ODK writes it, None) for a typed location, (None, message) for one that is not
    one; (None, None) for an empty answer. `kind` is one of LOCATION_TYPES."""
    text = text.strip()
    if not text:
        return None, None
    if kind == "geopoint":
        point = _point(text)
        if isinstance(point, str):
            return None, point
        return _written(point), None
    parts = [p for p in re.split(r"[;\n]", text) if p.strip()]
    if len(parts) > MAX_POINTS:
        return None, _("Enter at most %(limit)s points (this answer has %(count)s).") % {
            "limit": number_format(MAX_POINTS, force_grouping=True),
            "count": number_format(len(parts), force_grouping=True),
        }
    points: list[tuple[float, ...]] = []
    for number, part in enumerate(parts, start=1):
        point = _point(part)
        if isinstance(point, str):
            return None, _("Point %(number)s: %(problem)s") % {"number": number, "problem": point}
        points.append(point)
    if kind == "geoshape":
        if len({p[:2] for p in points}) < 3:
            return None, _("A shape needs at least three different points.")
        if points[0][:2] != points[-1][:2]:
            points.append(points[0])  # closed for the respondent, as ODK Collect closes it
    elif len(points) < 2:
        return None, _("A line needs at least two points, one per line.")
    return ";".join(_written(p) for p in points), None


def _point(text: str) -> tuple[float, ...] | str:
    """(latitude, longitude, altitude, accuracy) from "45.4215 -75.6972", "45.4215, -75.6972",
    "45,4215 -75,6972" (decimal commas, as French writes them) or ODK's four numbers; else the
    message saying what is wrong."""
    words = [w for w in re.split(r"\s+|,\s+", text.strip()) if w]
    if len(words) == 1 and words[0].count(",") == 1:
        words = words[0].split(",")  # "45.42,-75.69"
    elif len(words) >= 2:
        words = [w.replace(",", ".") if w.count(",") == 1 and "." not in w else w for w in words]
    if not 2 <= len(words) <= 4 or not all(re.fullmatch(_NUMBER, w) for w in words):
        return _("Enter a latitude and a longitude in decimal degrees, like 45.4215 -75.6972.")
    numbers = [float(w) for w in words] + [0.0] * (4 - len(words))
    latitude, longitude, _altitude, accuracy = numbers
    if not -90 <= latitude <= 90:
        return _("The latitude must be between -90 and 90 (this one is %(value)s).") % {
            "value": words[0]
        }
    if not -180 <= longitude <= 180:
        return _("The longitude must be between -180 and 180 (this one is %(value)s).") % {
            "value": words[1]
        }
    if not all(math.isfinite(n) for n in numbers) or accuracy < 0:
        return _("Enter a latitude and a longitude in decimal degrees, like 45.4215 -75.6972.")
    return tuple(numbers)


def _written(point: tuple[float, ...]) -> str:
    return " ".join(f"{n:.10g}" for n in point)


def as_lines(value: str) -> str:
    """A stored line or shape as the respondent edits it: one point per line."""
    return value.replace(";", "\n")
