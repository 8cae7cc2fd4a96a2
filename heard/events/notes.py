"""Session notes: read uploads, keep speakers anonymous, guess the language, record."""

from __future__ import annotations

import io
import re
from pathlib import PurePath
from typing import Any

from django.db import transaction

from heard.archives import Limits, Refused, check_zip
from heard.core import audit, limits
from heard.core.refusals import explain
from heard.events.models import AgendaItem, Note, Session

UPLOAD_TYPES = (".txt", ".md", ".docx")
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# What a .docx of notes may inflate to, checked before python-docx opens it (heard.archives).
# Notes are a few MB of text at most; Word's markup makes that about ten times as much XML, and
# python-docx reads every part of the file into memory.
DOCX_LIMITS = Limits(max_bytes=64 * 1024 * 1024)

# “Jane Placeholm: …” at the start of a line; labels that are roles, not names, are kept.
# Linear in the length of the notes: a word is taken whole (possessive `*+`), and spaces stay on
# their line, so neither a long run of letters and dots nor many blank lines makes it backtrack
# (both took minutes on notes well under the length limit).
_SPEAKER = re.compile(
    r"^([^\S\n]*(?:[-*•][^\S\n]*)?)((?:[A-ZÀ-Ý][\w'’.-]*+[^\S\n]*){1,4}):\s", re.MULTILINE
)
_ROLES = {
    "facilitator",
    "facilitatrice",
    "animateur",
    "animatrice",
    "participant",
    "participante",
    "question",
    "answer",
    "réponse",
    "note",
    "notes",
    "theme",
    "thème",
    "summary",
    "résumé",
    "q",
    "a",
    "r",
}
_EN = set(
    [
        "the",
        "and",
        "of",
        "to",
        "is",
        "are",
        "that",
        "this",
        "we",
        "they",
        "with",
        "for",
        "not",
        "have",
        "be",
        "on",
        "were",
        "was",
        "it",
    ]
)
_FR = set(
    [
        "le",
        "la",
        "les",
        "et",
        "des",
        "du",
        "est",
        "sont",
        "que",
        "qui",
        "nous",
        "ils",
        "avec",
        "pour",
        "pas",
        "une",
        "un",
        "dans",
        "sur",
        "était",
    ]
)


class UploadError(Exception):
    """The uploaded file cannot be used as notes (the message says why)."""


def read_upload(name: str, content: bytes) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix not in UPLOAD_TYPES:
        raise UploadError(f"{name}: only .txt, .md and .docx files can be uploaded")
    if len(content) > MAX_UPLOAD_BYTES:
        raise UploadError(f"{name}: larger than 5 MB")
    if suffix == ".docx":
        from docx import Document

        try:
            check_zip(name, content, DOCX_LIMITS)
        except Refused as refused:
            raise UploadError(explain(refused)) from None
        try:
            document = Document(io.BytesIO(content))
        except Exception as error:  # python-docx raises several kinds for a broken file
            raise UploadError(
                f"{name}: not a readable .docx file ({type(error).__name__})"
            ) from None
        return "\n\n".join(p.text for p in document.paragraphs if p.text.strip())
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UploadError(f"{name}: not a text file")


def remove_speaker_names(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        label = match.group(2).strip()
        if label.casefold() in _ROLES:
            return match.group(0)
        return f"{match.group(1)}Participant: "

    return _SPEAKER.sub(replace, text)


def guess_language(text: str) -> str:
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿœ']+", text.casefold())
    english = sum(w in _EN for w in words)
    french = sum(w in _FR for w in words)
    if english and french and min(english, french) >= 0.25 * max(english, french):
        return "mixed"
    return "fr" if french > english else "en"


@transaction.atomic
def record_note(
    *,
    actor: Any,
    session: Session,
    agenda_item: AgendaItem | None,
    question: str,
    language: str,
    text: str,
    source: str = "",
    keep_speakers: bool = False,
) -> Note:
    if not keep_speakers:
        text = remove_speaker_names(text)
    note = Note(
        session=session,
        agenda_item=agenda_item,
        question=question,
        language=language or guess_language(text),
        text=text.strip(),
        source=source,
        speakers_kept=keep_speakers,
        recorded_by=actor.get_username() if actor else "import",
    )
    limits.check_lengths(note)
    note.save()
    audit.record(
        actor=actor,
        action="note.recorded",
        target=note,
        scope=session.schedule_item.consultation.scope,
        changes={"characters": len(note.text), "language": note.language},
        system_label="demo",
    )
    return note
