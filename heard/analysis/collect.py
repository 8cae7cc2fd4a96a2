"""Gather a consultation's words as engine records: questionnaire answers and session notes.

This is the Django side of the analysis, the one place that reads what Heard stored and hands it to
the engine (`heard.analysis.engine`) as plain records, the same shape the engine reads from any
other tool's export (docs/analysis/engine.md):

- one record per answered free-text question of each submitted response, with the question's
  name, the respondent's sector and province or territory (from the questionnaire's own `sector`
  and `province` questions when it has them), the channel (online, email, paper), the language the
  respondent answered in, the date submitted, and `consent`: true when the respondent acknowledged
  the privacy notice (which says that quotations may be used, never attributed);
- one record per paragraph of each session note, with the session as `event`, its city as
  `city`, `channel` "session", the date of the session, the note's discussion question, its
  language when not mixed, and `consent` left unknown: notes are a facilitator's summary of a
  room, so the engine never quotes them (quotes.py needs consent true);
- one record per text of each imported file (email submissions, letters: heard.analysis.imports),
  with the file's channel, the text's sector, region and date, and its consent as the file says.

Record ids are opaque and stable (`Q<response>-<question>`, `N<note>-<paragraph>`,
`F<file>-<row>`): they name no person. The texts are the originals, decrypted: the file this
feeds is as sensitive as the answers themselves, and the engine redacts before anything else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from heard.analysis.models import ImportedText, RecordFile
from heard.consultations.models import Consultation
from heard.events.models import Note
from heard.questionnaires import repeats
from heard.questionnaires.models import Response, ResponseState

#: Answers to these questions of the questionnaire become segment fields of every text record.
SEGMENT_QUESTIONS = {"sector": "sector", "province": "region"}
#: An acknowledged privacy notice is the respondent's consent to be quoted, without attribution.
CONSENT_QUESTION = "privacy_ack"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[-*•]\s)")
_MIN_PARAGRAPH_CHARACTERS = 3


def _text_fields(definition: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(name, the repeat it sits in or None) of each text question."""
    return [
        (field["name"], field.get("repeat"))
        for field in definition["fields"]
        if field["type"] == "text"
    ]


def _texts(answers: dict[str, Any], name: str, repeat: str | None) -> Iterator[tuple[str, Any]]:
    """(record id suffix, answer) of a question: once, or once per entry of its repeat."""
    if repeat is None:
        yield name, answers.get(name)
        return
    # Each entry's, numbered by its path where repeats nest ("idea-2", "age-1-2").
    for path, entry in repeats.holders(answers, name):
        yield f"{name}-{'-'.join(str(n) for n in path)}", entry.get(name)


def answer_records(consultation: Consultation) -> Iterator[dict[str, Any]]:
    """One record per answered text question of each submitted response, oldest first."""
    responses = (
        Response.objects.filter(
            respondent__questionnaire__consultation=consultation,
            state=ResponseState.SUBMITTED,
        )
        .select_related("version")
        .order_by("submitted_at", "id")
    )
    text_fields: dict[int, list[tuple[str, str | None]]] = {}
    for response in responses.iterator(chunk_size=500):
        fields = text_fields.get(response.version_id)
        if fields is None:
            fields = text_fields[response.version_id] = _text_fields(response.version.definition)
        answers = response.answers
        segments = {
            segment: str(answers[question])
            for question, segment in SEGMENT_QUESTIONS.items()
            if answers.get(question)
        }
        consent = answers.get(CONSENT_QUESTION) == "OK"
        submitted = response.submitted_at.date().isoformat() if response.submitted_at else None
        for name, repeat in fields:
            for suffix, text in _texts(answers, name, repeat):
                if not isinstance(text, str) or not text.strip():
                    continue
                yield {
                    "id": f"Q{response.pk:05d}-{suffix}",
                    "text": text.strip(),
                    "source": "questionnaire",
                    "question": name,
                    **segments,
                    "channel": response.channel,
                    "answer_language": response.language,
                    "date": submitted,
                    "consent": consent,
                }


def paragraphs(text: str) -> list[str]:
    """A note's paragraphs: blank-line or bullet separated; lines within one are joined."""
    parts = (" ".join(part.split()) for part in _PARAGRAPH_BREAK.split(text))
    return [part for part in parts if len(part) >= _MIN_PARAGRAPH_CHARACTERS]


def note_records(consultation: Consultation) -> Iterator[dict[str, Any]]:
    """One record per paragraph of each session note, in the order the notes were recorded."""
    notes = (
        Note.objects.filter(session__schedule_item__consultation=consultation)
        .select_related("session__schedule_item")
        .order_by("recorded_at", "id")
    )
    for note in notes.iterator(chunk_size=200):
        item = note.session.schedule_item
        for number, paragraph in enumerate(paragraphs(note.text), start=1):
            record: dict[str, Any] = {
                "id": f"N{note.pk:05d}-{number:03d}",
                "text": paragraph,
                "source": "session-notes",
                "question": note.question or None,
                "event": item.key,
                "city": item.city_en or None,
                "channel": "session",
                "date": note.session.starts_at.date().isoformat(),
                "consent": None,
            }
            if note.language != "mixed":
                record["answer_language"] = note.language
            yield record


def imported_records(
    consultation: Consultation, files: Iterable[int] | None = None
) -> Iterator[dict[str, Any]]:
    """One record per text of the consultation's imported files (all, or those in `files`),
    file by file in the order they were imported. `question` names the file, so that progress
    and findings count each file apart; `channel` is the file's (email, paper...)."""
    chosen = RecordFile.objects.filter(consultation=consultation).order_by("id")
    if files is not None:
        chosen = chosen.filter(pk__in=list(files))
    for record_file in chosen:
        texts = ImportedText.objects.filter(file=record_file).order_by("position")
        for text in texts.iterator(chunk_size=500):
            record: dict[str, Any] = {
                "id": f"F{record_file.pk:04d}-{text.position:05d}",
                "text": text.text,
                "source": "imported",
                "question": imported_question(record_file.pk),
                "channel": record_file.channel,
                "date": text.received.isoformat() if text.received else None,
                "consent": text.consent,
            }
            if text.sector:
                record["sector"] = text.sector
            if text.region:
                record["region"] = text.region
            yield record


def imported_question(file_pk: int) -> str:
    return f"file-{file_pk}"


def consultation_records(consultation: Consultation) -> Iterator[dict[str, Any]]:
    """Everything the consultation heard: answers, then session notes, then imported texts."""
    yield from answer_records(consultation)
    yield from note_records(consultation)
    yield from imported_records(consultation)
