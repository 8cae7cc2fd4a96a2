"""A person's erasure request: one action that removes them from everything in a consultation.

A person is found by their email address, the one thing every part of Heard keeps for them:
the registry (and through it invitations, registration answers, attendance), questionnaire
links and answers, access requests, colleagues suggested by invitees, the outbox. Their names,
gathered from those same places first, are then taken out of session notes and of analysis
records where they appear. Each app registers what it finds and removes (core and consultations
know none of them); `erase` runs them all in one transaction with the History entry and the
erasure log line, so it happens completely or not at all, and a restore runs it again.

Limits, stated in ADR 0016: a name is removed where it is written as stored (whole words,
letter case and accents aside); a nickname, a misspelling or a description that identifies
someone without naming them is not found. Reports already published are not changed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.functional import Promise

from heard.consultations import retention
from heard.consultations.models import Consultation
from heard.core import audit, erasure_log
from heard.core.crypto import blind_indexes, normalise


@dataclass
class Subject:
    """The person being erased: their address, and the names the apps found for it."""

    consultation: Consultation
    email: str
    names: set[str] = field(default_factory=set)

    @property
    def indexes(self) -> list[str]:
        """The address's keyed hash under every blind index key (lookups during a rotation)."""
        return blind_indexes(self.email)

    def matches(self, address: str) -> bool:
        return normalise(address) == normalise(self.email)


@dataclass(frozen=True)
class Eraser:
    key: str  # recorded in the History: "people", "responses", ...
    label: str | Promise  # shown before confirming: "Entries in the registry"
    order: int  # lower runs first: what needs the person's links goes before the person
    count: Callable[[Subject], int]
    erase: Callable[[Subject], int]
    names: Callable[[Subject], Iterable[str]] | None = None  # names this app knows for them


_ERASERS: dict[str, Eraser] = {}


def register_eraser(
    key: str,
    label: str | Promise,
    *,
    order: int,
    count: Callable[[Subject], int],
    erase: Callable[[Subject], int],
    names: Callable[[Subject], Iterable[str]] | None = None,
) -> None:
    _ERASERS[key] = Eraser(key, label, order, count, erase, names)


def erasers() -> list[Eraser]:
    return sorted(_ERASERS.values(), key=lambda e: (e.order, e.key))


def subject_for(consultation: Consultation, email: str) -> Subject:
    subject = Subject(consultation=consultation, email=email.strip())
    for eraser in erasers():
        if eraser.names is not None:
            subject.names.update(n.strip() for n in eraser.names(subject) if n.strip())
    return subject


@dataclass(frozen=True)
class Found:
    label: str | Promise
    count: int


def preview(consultation: Consultation, email: str) -> list[Found]:
    """What an erasure of this address would remove, shown before the lead confirms."""
    subject = subject_for(consultation, email)
    return [Found(e.label, e.count(subject)) for e in erasers()]


def erase(
    *,
    actor: Any,
    consultation: Consultation,
    email: str,
    replaying: bool = False,
) -> dict[str, int]:
    """Remove the person everywhere in the consultation. The History records who asked and how
    many items of each kind went, never the address or the name; the erasure log keeps the
    address (encrypted) so that a restore erases them again. `replaying` is that restore: it
    writes no second log line."""
    with transaction.atomic():
        subject = subject_for(consultation, email)
        counts = {e.key: e.erase(subject) for e in erasers()}
        removed = {key: n for key, n in counts.items() if n}
        if removed or not replaying:
            audit.record(
                actor=actor,
                action="person.erased",
                target=consultation,
                scope=consultation.scope,
                changes=removed,
                system_label="restore" if replaying else "system",
            )
        if not replaying:
            # Written before the commit: a crash between the two leaves a line for an erasure
            # that did not happen, which a restore then does (the safe side), never the reverse.
            erasure_log.append(erasure_log.ERASURE, consultation.pk, subject.email)
    return counts


def _folded(text: str) -> str:
    """Lower case without accents, one character for one: offsets stay those of the text."""
    return "".join(unicodedata.normalize("NFD", ch)[0].casefold()[:1] or ch for ch in text)


def name_patterns(names: Iterable[str]) -> list[re.Pattern[str]]:
    """Whole names first, then each part of three letters or more ("Doe" in "Ms Doe said")."""
    wholes = sorted({_folded(n.strip()) for n in names if n.strip()}, key=len, reverse=True)
    parts = sorted(
        {p for n in wholes for p in re.split(r"[\s\-']+", n) if len(p) >= 3} - set(wholes),
        key=len,
        reverse=True,
    )
    return [re.compile(rf"(?<!\w){re.escape(p)}(?!\w)") for p in wholes + parts]


def remove_names(text: str, names: Iterable[str], placeholder: str) -> tuple[str, int]:
    """`text` with every occurrence of the names replaced; and how many were replaced."""
    patterns = name_patterns(names)
    replaced = 0
    for pattern in patterns:
        folded = _folded(text)
        pieces, cursor = [], 0
        for match in pattern.finditer(folded):
            pieces += [text[cursor : match.start()], placeholder]
            cursor = match.end()
            replaced += 1
        pieces.append(text[cursor:])
        text = "".join(pieces)
    return text, replaced


@dataclass
class Replayed:
    erasures: int = 0  # erasures that removed something the restored backup still held
    purges: int = 0
    skipped: int = 0  # entries of consultations the restored database does not have


def replay_log() -> Replayed:
    """After a restore: every erasure and purge in the erasure log, again, oldest first. Those
    the backup already reflects remove nothing and leave no History entry."""
    report = Replayed()
    for entry in erasure_log.entries():
        consultation = Consultation.objects.filter(pk=entry.consultation_id).first()
        if consultation is None:
            report.skipped += 1
        elif entry.kind == erasure_log.ERASURE:
            counts = erase(actor=None, consultation=consultation, email=entry.email, replaying=True)
            report.erasures += any(counts.values())
        elif entry.kind == erasure_log.PURGE:
            report.purges += bool(retention.purge(consultation, label="restore", replaying=True))
    return report
