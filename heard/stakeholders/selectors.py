"""Reads over the registry."""

from __future__ import annotations

from django.db.models import QuerySet

from heard.consultations.models import Consultation
from heard.core.crypto import blind_indexes
from heard.stakeholders.models import Language, Person
from heard.stakeholders.regions import Region

FILTER_KEYS = ("q", "sector", "region", "language", "tag")


def filter_people(consultation: Consultation, filters: dict[str, str]) -> QuerySet[Person]:
    """The registry's people matching saved or typed filters (also used to invite a saved list)."""
    people = Person.objects.filter(consultation=consultation).select_related(
        "organisation", "sector"
    )
    sector, region = filters.get("sector", ""), filters.get("region", "")
    language, tag = filters.get("language", ""), filters.get("tag", "")
    if sector:
        people = people.filter(sector__key=sector)
    if region in Region.values:
        people = people.filter(region=region)
    if language in Language.values:
        people = people.filter(language=language)
    if tag:
        people = people.filter(tags__name=tag)
    query = filters.get("q", "").strip()
    if "@" in query:
        people = people.filter(
            email_index__in=blind_indexes(query)
        )  # exact, through the keyed hash
    elif query:
        # Names are encrypted, so they are matched here rather than in SQL.
        words = query.casefold().split()
        matching = [p.pk for p in people if all(w in p.name.casefold() for w in words)]
        people = people.filter(pk__in=matching)
    return people
