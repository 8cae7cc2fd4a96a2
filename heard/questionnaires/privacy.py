"""What questionnaires remove when a person is erased and when a consultation's retention ends.

On erasure a person's questionnaire links go, with their answers: they asked to be removed,
and an answer is theirs. At the end of retention nobody's answers go: links are taken away,
respondents lose every tie to a person or a request, access requests are deleted, and the
answers' text is anonymised by the analysis app (which has the redactor), which marks each
response `anonymised_at`; files attached to answers are deleted (a picture cannot be redacted).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heard.consultations.erasure import Subject, register_eraser
from heard.consultations.models import Consultation
from heard.consultations.retention import register_purger
from heard.core.rows import deleted
from heard.questionnaires.models import AccessRequest, AnswerFile, Respondent
from heard.questionnaires.services import email_indexes
from heard.stakeholders.models import Person


def _requests(subject: Subject) -> QuerySet[AccessRequest]:
    return AccessRequest.objects.filter(
        questionnaire__consultation=subject.consultation,
        email_index__in=email_indexes(subject.email),
    )


def respondents_of(subject: Subject) -> QuerySet[Respondent]:
    """Their links: sent from the registry, or given on an access request of theirs."""
    people = Person.objects.filter(
        consultation=subject.consultation, email_index__in=subject.indexes
    )
    return Respondent.objects.filter(
        Q(person__in=people) | Q(request__in=_requests(subject)),
        questionnaire__consultation=subject.consultation,
    )


def _names(subject: Subject) -> Iterable[str]:
    return [request.name for request in _requests(subject)]


register_eraser(
    "questionnaire_links",
    _("Questionnaire links, with the answers given through them"),
    order=30,
    count=lambda subject: respondents_of(subject).count(),
    erase=lambda subject: deleted(respondents_of(subject)),  # their responses go with them
)
register_eraser(
    "access_requests",
    _("Requests for the questionnaire"),
    order=31,
    count=lambda subject: _requests(subject).count(),
    erase=lambda subject: deleted(_requests(subject)),
    names=_names,
)


def _tied(consultation: Consultation) -> QuerySet[Respondent]:
    return Respondent.objects.filter(questionnaire__consultation=consultation).filter(
        Q(person__isnull=False) | Q(token_hash__isnull=False) | Q(request__isnull=False)
    )


def _untie(consultation: Consultation) -> int:
    tied = _tied(consultation)
    count = tied.count()
    AccessRequest.objects.filter(respondent__in=tied).update(respondent=None)
    tied.update(person=None, token_hash=None, link_revoked_at=timezone.now())
    return count


def _all_requests(consultation: Consultation) -> QuerySet[AccessRequest]:
    return AccessRequest.objects.filter(questionnaire__consultation=consultation)


register_purger(
    "questionnaire_links",
    _("Personal questionnaire links (taken away; the answers stay, tied to nobody)"),
    order=20,
    count=lambda consultation: _tied(consultation).count(),
    purge=_untie,
)
register_purger(
    "access_requests",
    _("Requests for the questionnaire (names, addresses, reasons)"),
    order=21,
    count=lambda consultation: _all_requests(consultation).count(),
    purge=lambda consultation: deleted(_all_requests(consultation)),
)


def _answer_files(consultation: Consultation) -> QuerySet[AnswerFile]:
    return AnswerFile.objects.filter(response__respondent__questionnaire__consultation=consultation)


# A photo or a document cannot be anonymised as text is: at the end of retention it goes, and its
# answer keeps only the file's name, as the export shows it.
register_purger(
    "answer_files",
    _("Files attached to answers (pictures, recordings, documents)"),
    order=22,
    count=lambda consultation: _answer_files(consultation).count(),
    purge=lambda consultation: deleted(_answer_files(consultation)),
)
