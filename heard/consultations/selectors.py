"""Reads: what the public and staff may see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Coalesce, ExtractYear, Least
from django.utils import timezone

from heard.consultations.models import Consultation, Membership, Role, Subject
from heard.consultations.status import Phase
from heard.core.bilingual import active_language
from heard.core.models import AuditEvent


def _effective_close() -> Least:
    return Least("closes_at", Coalesce("closed_early_at", F("closes_at")))


def phase_filter(phase: Phase, moment: datetime) -> Q:
    """The SQL equivalent of status.status_at, so the hub can filter by status in the database."""
    if phase is Phase.UPCOMING:
        return Q(opens_at__gt=moment)
    if phase is Phase.OPEN:
        return Q(opens_at__lte=moment, effective_close__gt=moment)
    return Q(effective_close__lte=moment)


@dataclass(frozen=True)
class HubFilters:
    query: str = ""
    phase: Phase | None = None
    year: int | None = None
    subject: str = ""


def published_consultations() -> QuerySet[Consultation]:
    return Consultation.objects.filter(is_published=True).annotate(
        effective_close=_effective_close()
    )


def hub_consultations(
    filters: HubFilters, *, moment: datetime | None = None
) -> QuerySet[Consultation]:
    moment = moment or timezone.now()
    found = published_consultations().prefetch_related("subjects")
    if filters.phase is not None:
        found = found.filter(phase_filter(filters.phase, moment))
    if filters.year is not None:
        found = found.filter(opens_at__year=filters.year)
    if filters.subject:
        found = found.filter(subjects__slug=filters.subject)
    if filters.query:
        language = active_language()
        for word in filters.query.split()[:10]:
            found = found.filter(
                Q(**{f"title_{language}__icontains": word})
                | Q(**{f"summary_{language}__icontains": word})
                | Q(**{f"department_{language}__icontains": word})
            )
    return found.order_by("-opens_at", "id").distinct()


def hub_years() -> list[int]:
    years = (
        published_consultations()
        .annotate(year=ExtractYear("opens_at"))
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(set(years), reverse=True)


def hub_subjects() -> QuerySet[Subject]:
    return Subject.objects.filter(consultations__is_published=True).distinct()


def published_by_slug(language: str, slug: str) -> Consultation | None:
    """Find a published consultation by its slug in either language (links get shared across)."""
    found = published_consultations().filter(Q(slug_en=slug) | Q(slug_fr=slug))
    exact = [c for c in found if getattr(c, f"slug_{language}") == slug]
    return exact[0] if exact else found.first()


def consultations_for(user: User | AnonymousUser) -> QuerySet[Consultation]:
    if not user.is_authenticated:
        return Consultation.objects.none()
    if getattr(user, "is_superuser", False):
        return Consultation.objects.all()
    return Consultation.objects.filter(memberships__user=user).distinct()


def role_of(user: User | AnonymousUser, consultation: Consultation) -> Role | None:
    if not user.is_authenticated:
        return None
    if getattr(user, "is_superuser", False):
        return Role.LEAD
    role = (
        Membership.objects.filter(user=user, consultation=consultation)
        .values_list("role", flat=True)
        .first()
    )
    return Role(role) if role else None


class UnknownConsultation(LookupError):
    """No consultation has the key given on the command line."""


def consultation_by_key(key: str) -> Consultation:
    """The consultation with this key; UnknownConsultation names the keys that exist."""
    found = Consultation.objects.filter(key=key).first()
    if found is None:
        keys = ", ".join(Consultation.objects.values_list("key", flat=True)) or "none yet"
        raise UnknownConsultation(f"no consultation with the key “{key}” (known: {keys}).")
    return found


VIEWED = ".viewed"  # the ending of the actions that record a look at personal data


def history(consultation: Consultation, *, views: bool = False) -> QuerySet[AuditEvent]:
    """The consultation's audit log, newest first: its changes, or (views) who looked at its
    personal data."""
    events = AuditEvent.objects.filter(scope=consultation.scope)
    if views:
        return events.filter(action__endswith=VIEWED)
    return events.exclude(action__endswith=VIEWED)
