"""What sessions remove when a person is erased and when a consultation's retention ends."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from heard.consultations.erasure import Subject, register_eraser, remove_names
from heard.consultations.models import Consultation
from heard.consultations.retention import register_purger
from heard.core.rows import deleted
from heard.events.models import Invitation, Note, Suggestion

# Language-neutral, like the analysis engine's placeholders, since notes may mix languages.
NAME_REMOVED = "[NAME]"


def _invitations(subject: Subject) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        session__schedule_item__consultation=subject.consultation,
        person__email_index__in=subject.indexes,
    )


def _erase_invitations(subject: Subject) -> int:
    return deleted(_invitations(subject))  # registration answers, attendance, suggestions too


def _suggestions(subject: Subject) -> list[Suggestion]:
    """Suggestions of them by an invitee (the address is encrypted without a keyed hash: read
    each, there are few)."""
    every = Suggestion.objects.filter(
        invitation__session__schedule_item__consultation=subject.consultation
    )
    return [s for s in every if subject.matches(s.email)]


def _erase_suggestions(subject: Subject) -> int:
    return deleted(Suggestion.objects.filter(pk__in=[s.pk for s in _suggestions(subject)]))


def _suggested_names(subject: Subject) -> Iterable[str]:
    return [s.name for s in _suggestions(subject)]


def notes_of(consultation: Consultation) -> QuerySet[Note]:
    return Note.objects.filter(session__schedule_item__consultation=consultation)


def _notes_naming(subject: Subject) -> list[tuple[Note, str]]:
    changed: list[tuple[Note, str]] = []
    if not subject.names:
        return changed
    for note in notes_of(subject.consultation):
        text, replaced = remove_names(note.text, subject.names, NAME_REMOVED)
        if replaced:
            changed.append((note, text))
    return changed


def _erase_from_notes(subject: Subject) -> int:
    changed = _notes_naming(subject)
    for note, text in changed:
        note.text = text
        note.save(update_fields=["text"])
    return len(changed)


register_eraser(
    "invitations",
    _("Invitations, with registration answers and attendance"),
    order=20,
    count=lambda subject: _invitations(subject).count(),
    erase=_erase_invitations,
)
register_eraser(
    "suggestions",
    _("Suggestions of them by other invitees"),
    order=21,
    count=lambda subject: len(_suggestions(subject)),
    erase=_erase_suggestions,
    names=_suggested_names,
)
register_eraser(
    "session_notes",
    _("Session notes where they are named (the name is replaced by [NAME])"),
    order=22,
    count=lambda subject: len(_notes_naming(subject)),
    erase=_erase_from_notes,
)


def _all_invitations(consultation: Consultation) -> QuerySet[Invitation]:
    return Invitation.objects.filter(session__schedule_item__consultation=consultation)


register_purger(
    "invitations",
    _("Invitations, with registration answers, attendance and suggested colleagues"),
    order=30,
    count=lambda consultation: _all_invitations(consultation).count(),
    purge=lambda consultation: deleted(_all_invitations(consultation)),
)
