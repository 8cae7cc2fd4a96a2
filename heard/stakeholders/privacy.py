"""What the registry removes when a person is erased and when a consultation's retention ends."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from heard.consultations.erasure import Subject, register_eraser
from heard.consultations.models import Consultation
from heard.consultations.retention import register_purger
from heard.core.rows import deleted
from heard.stakeholders.models import Person


def _people(subject: Subject) -> QuerySet[Person]:
    return Person.objects.filter(consultation=subject.consultation, email_index__in=subject.indexes)


def _names(subject: Subject) -> Iterable[str]:
    return [person.name for person in _people(subject)]


register_eraser(
    "people",
    _("Entries in the registry"),
    order=40,
    count=lambda subject: _people(subject).count(),
    # Deleting the person deletes their invitations, registration answers and attendance with
    # them (those apps count theirs first); questionnaire links keep no tie to them.
    erase=lambda subject: deleted(_people(subject)),
    names=_names,
)


def _everyone(consultation: Consultation) -> QuerySet[Person]:
    return Person.objects.filter(consultation=consultation)


register_purger(
    "people",
    _("People in the registry, with their invitations and registration answers"),
    order=40,
    count=lambda consultation: _everyone(consultation).count(),
    purge=lambda consultation: deleted(_everyone(consultation)),
)
