"""What analysis removes when a person is erased, and the anonymising of answers and notes when
a consultation's retention ends (this app has the redactor, so it does that for the others)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heard.analysis.collect import _text_fields
from heard.analysis.engine.redact import redact
from heard.analysis.models import Decision, Quote, Review, RunRecord
from heard.consultations.erasure import Subject, register_eraser, remove_names
from heard.consultations.models import Consultation
from heard.consultations.retention import register_purger
from heard.core.rows import deleted
from heard.events.privacy import NAME_REMOVED, notes_of
from heard.questionnaires import repeats
from heard.questionnaires.models import Response
from heard.questionnaires.privacy import respondents_of


def _answer_prefixes(subject: Subject) -> list[str]:
    """Record keys of their answers start with these ("Q00012-")."""
    responses = Response.objects.filter(respondent__in=respondents_of(subject))
    return [f"Q{pk:05d}-" for pk in responses.values_list("pk", flat=True)]


def _starting_with(prefixes: list[str], field: str) -> Q:
    query = Q(pk__in=[])
    for prefix in prefixes:
        query |= Q(**{f"{field}__startswith": prefix})
    return query


def _their_records(subject: Subject) -> QuerySet[RunRecord]:
    prefixes = _answer_prefixes(subject)
    return RunRecord.objects.filter(
        _starting_with(prefixes, "key"), run__consultation=subject.consultation
    )


def _named_texts(subject: Subject) -> list[tuple[RunRecord | Quote, dict[str, str]]]:
    """Records and quotes, not from their answers, whose text names them."""
    if not subject.names:
        return []
    found: list[tuple[RunRecord | Quote, dict[str, str]]] = []
    prefixes = _answer_prefixes(subject)
    records = RunRecord.objects.filter(run__consultation=subject.consultation).exclude(
        _starting_with(prefixes, "key")
    )
    quotes = Quote.objects.filter(consultation=subject.consultation).exclude(
        _starting_with(prefixes, "record_key")
    )
    for item, fields in [(r, ("text", "added_text")) for r in records] + [
        (q, ("suggested", "text")) for q in quotes
    ]:
        changes = {}
        for name in fields:
            text, replaced = remove_names(getattr(item, name), subject.names, NAME_REMOVED)
            if replaced:
                changes[name] = text
        if changes:
            found.append((item, changes))
    return found


def _their_items(subject: Subject) -> list[QuerySet[Any]]:
    """Records of their answers in every run, and the decisions, reviews and quotes on them."""
    prefixes = _answer_prefixes(subject)
    consultation = subject.consultation
    return [
        _their_records(subject),
        *(
            model.objects.filter(_starting_with(prefixes, "record_key"), consultation=consultation)
            for model in (Decision, Review, Quote)
        ),
    ]


def _count(subject: Subject) -> int:
    return sum(found.count() for found in _their_items(subject)) + len(_named_texts(subject))


def _erase(subject: Subject) -> int:
    count = sum(deleted(found) for found in _their_items(subject))
    named = _named_texts(subject)
    for item, changes in named:
        for name, text in changes.items():
            setattr(item, name, text)
        item.save(update_fields=list(changes))
    return count + len(named)


register_eraser(
    "analysis",
    _("Analysis records and quotes from their answers, and their name in other records"),
    order=10,  # before their answers go: the records are found through them
    count=_count,
    erase=_erase,
)


def _not_anonymised(consultation: Consultation) -> QuerySet[Response]:
    return Response.objects.filter(
        respondent__questionnaire__consultation=consultation, anonymised_at__isnull=True
    ).select_related("version")


def anonymise_answers(answers: dict[str, Any], definition: dict[str, Any]) -> dict[str, Any]:
    """Personal information in every text answer replaced by typed placeholders."""
    for name, repeat in _text_fields(definition):
        if repeat is None:
            if isinstance(answers.get(name), str):
                answers[name] = redact(answers[name]).text
            continue
        for _path, entry in repeats.holders(answers, name):
            if isinstance(entry.get(name), str):
                entry[name] = redact(entry[name]).text
    return answers


def _anonymise(consultation: Consultation) -> int:
    count = 0
    now = timezone.now()
    for response in _not_anonymised(consultation).iterator(chunk_size=200):
        response.answers = anonymise_answers(response.answers, response.version.definition)
        response.anonymised_at = now
        # Not .save(): `saved_at` (auto_now) says when the respondent last saved.
        Response.objects.filter(pk=response.pk).update(
            answers_json=response.answers_json, anonymised_at=now
        )
        count += 1
    return count


def _notes_to_anonymise(consultation: Consultation) -> list[tuple[int, str]]:
    changed = []
    for note in notes_of(consultation):
        text = redact(note.text).text
        if text != note.text:
            changed.append((note.pk, text))
    return changed


def _anonymise_notes(consultation: Consultation) -> int:
    changed = _notes_to_anonymise(consultation)
    for note in notes_of(consultation).filter(pk__in=[pk for pk, _t in changed]):
        note.text = dict(changed)[note.pk]
        note.save(update_fields=["text"])
    return len(changed)


register_purger(
    "answers_anonymised",
    _("Answers: kept, tied to nobody, with personal information in their text replaced"),
    order=10,
    count=lambda consultation: _not_anonymised(consultation).count(),
    purge=_anonymise,
)
register_purger(
    "notes_anonymised",
    _("Session notes: names, addresses and numbers in them replaced"),
    order=11,
    count=lambda consultation: len(_notes_to_anonymise(consultation)),
    purge=_anonymise_notes,
)
