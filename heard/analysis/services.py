"""Writes of the analysis: start and cancel runs, and people's review of codes.

Each service takes the acting user, runs in one transaction with its audit event, and defers the
job to after the commit (the worker picks it up from the queue).
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.analysis import codebooks
from heard.analysis.codebooks import CodeValues
from heard.analysis.engine.quotes import has_pii_shape
from heard.analysis.models import (
    Assignment,
    Codebook,
    Decision,
    Quote,
    Review,
    Run,
    RunRecord,
    ThemeDecision,
)
from heard.analysis.runs import KIND
from heard.consultations.models import Consultation
from heard.core import audit, jobs


class ReviewError(ValueError):
    """A review that cannot be saved, with the reason to show (nothing was saved)."""


@transaction.atomic
def start_run(
    *,
    actor: Any,
    consultation: Consultation,
    questions: Sequence[str],
    notes: bool,
    use_codebook: bool,
    baseline: Consultation | None,
    files: Sequence[int] = (),
) -> Run:
    codebook = Codebook.objects.filter(consultation=consultation).first() if use_codebook else None
    number = (
        Run.objects.select_for_update()
        .filter(consultation=consultation)
        .aggregate(last=Max("number"))["last"]
        or 0
    ) + 1
    job = jobs.enqueue(kind=KIND, scope=consultation.scope, payload={"number": number}, actor=actor)
    run = Run.objects.create(
        consultation=consultation,
        number=number,
        job=job,
        sources={"questions": sorted(questions), "notes": notes, "files": sorted(files)},
        codebook=codebook.data if codebook else None,
        codebook_revision=codebook.revision if codebook else None,
        baseline=baseline,
        created_by=actor,
    )
    audit.record(
        actor=actor,
        action="analysis.run_started",
        target=run,
        scope=consultation.scope,
        changes={
            "questions": sorted(questions),
            "notes": notes,
            "files": sorted(files),
            "codebook_revision": run.codebook_revision,
            "baseline": baseline.key if baseline else None,
        },
    )
    return run


@transaction.atomic
def cancel_run(*, actor: Any, run: Run) -> str:
    """Ask the run to stop: at once if it waits, at its next progress report if it runs."""
    if run.job is None or run.state not in (Run.State.QUEUED, Run.State.RUNNING):
        return run.state
    state = jobs.request_cancel(run.job)
    audit.record(
        actor=actor, action="analysis.run_cancelled", target=run, scope=run.consultation.scope
    )
    return state


def _decide(
    *,
    actor: Any,
    record: RunRecord,
    code: str,
    verdict: str,
    now: Any,
    excerpt: tuple[int, int] | None = None,
) -> Decision:
    consultation = record.run.consultation
    lookup: dict[str, Any] = {
        "consultation": consultation,
        "record_key": record.key,
        "code": code,
        "analyst": actor,
        "excerpt_start": excerpt[0] if excerpt else None,
    }
    defaults: dict[str, Any] = {"verdict": verdict, "run": record.run, "decided_at": now}
    if excerpt:
        defaults |= {"excerpt_end": excerpt[1], "excerpt": record.text[excerpt[0] : excerpt[1]]}
    decision, _created = Decision.objects.update_or_create(**lookup, defaults=defaults)
    return decision


@transaction.atomic
def save_review(
    *,
    actor: Any,
    record: RunRecord,
    verdicts: Mapping[str, str],
    added: Sequence[str],
    known_codes: set[str],
) -> Review:
    """An analyst's review of a whole record: a verdict on each code shown, codes added, and the
    record marked as reviewed by them. Every verdict is in the History with who and when."""
    unknown = sorted({*verdicts, *added} - known_codes)
    if unknown:
        raise ReviewError(", ".join(unknown))
    now = timezone.now()
    changed: dict[str, str] = {}
    for code, verdict in sorted(verdicts.items()):
        if verdict not in (Decision.Verdict.CONFIRMED, Decision.Verdict.REJECTED):
            continue
        _decide(actor=actor, record=record, code=code, verdict=verdict, now=now)
        changed[code] = verdict
    for code in sorted(set(added) - set(verdicts)):
        _decide(actor=actor, record=record, code=code, verdict=Decision.Verdict.ADDED, now=now)
        changed[code] = Decision.Verdict.ADDED
    consultation = record.run.consultation
    review, _created = Review.objects.update_or_create(
        consultation=consultation,
        record_key=record.key,
        analyst=actor,
        defaults={"run": record.run, "reviewed_at": now},
    )
    audit.record(
        actor=actor,
        action="analysis.record_reviewed",
        target=review,
        scope=consultation.scope,
        # Codes and verdicts only: the text stays out of the History.
        changes={"record": record.key, "run": record.run.number, "codes": changed},
    )
    return review


@transaction.atomic
def code_excerpt(
    *, actor: Any, record: RunRecord, code: str, start: int, end: int, known_codes: set[str]
) -> Decision:
    """A code on part of a record: characters [start, end) of its redacted text."""
    if code not in known_codes:
        raise ReviewError(code)
    text = record.text
    start, end = max(0, start), min(len(text), end)
    # Trim the spaces a selection tends to catch at either end.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        raise ReviewError("empty")
    decision = _decide(
        actor=actor,
        record=record,
        code=code,
        verdict=Decision.Verdict.ADDED,
        now=timezone.now(),
        excerpt=(start, end),
    )
    audit.record(
        actor=actor,
        action="analysis.excerpt_coded",
        target=decision,
        scope=record.run.consultation.scope,
        changes={"record": record.key, "code": code, "start": start, "end": end},
    )
    return decision


@transaction.atomic
def remove_excerpt(*, actor: Any, decision: Decision) -> None:
    """Take back an excerpt code: rejected, so that it shows it was there and who took it back."""
    decision.verdict = Decision.Verdict.REJECTED
    decision.decided_at = timezone.now()
    decision.save(update_fields=["verdict", "decided_at"])
    audit.record(
        actor=actor,
        action="analysis.excerpt_rejected",
        target=decision,
        scope=decision.consultation.scope,
        changes={"record": decision.record_key, "code": decision.code},
    )


@transaction.atomic
def record_read(*, actor: Any, record: RunRecord) -> None:
    """Reading a record's text is in the History: who read which record, when (not the text)."""
    audit.record(
        actor=actor,
        action="analysis.record_read",
        target=record,
        scope=record.run.consultation.scope,
        changes={"record": record.key, "run": record.run.number},
    )


@transaction.atomic
def records_listed(*, actor: Any, run: Run, records: Sequence[RunRecord]) -> None:
    """A page of records shows the start of each text: which, and to whom, is in the History."""
    if not records:
        return
    audit.record(
        actor=actor,
        action="analysis.records_listed",
        target=run,
        scope=run.consultation.scope,
        changes={"records": [record.key for record in records]},
    )


# --- Themes and quotes ------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\[[A-Z_]+\]")


def only_removes(original: str, corrected: str) -> bool:
    """Whether `corrected` is `original` with words removed or replaced by placeholders such as
    [NAME], and nothing added: a person may take more out of a quote, never put words in it.
    Words are compared without the punctuation around them, in their order."""

    def words(text: str) -> list[str]:
        bare = (word.strip(_PUNCTUATION) for word in text.replace("…", " ").split())
        return [word for word in bare if word]

    remaining = iter(words(original))
    return all(
        any(word == candidate for candidate in remaining)
        for word in words(_PLACEHOLDER.sub(" ", corrected))
    )


_PUNCTUATION = ".,;:!?«»“”\"'()[]—–-"


@transaction.atomic
def decide_quote(
    *,
    actor: Any,
    run: Run,
    record_key: str,
    label: str,
    language: str,
    suggested: str,
    approve: bool,
    text: str,
) -> Quote:
    """Approve a candidate quote (its text as checked, perhaps with more removed) or reject it."""
    text = " ".join(text.split()) or suggested
    if approve and not only_removes(suggested, text):
        raise ReviewError("added")
    if approve and has_pii_shape(text):
        raise ReviewError("personal")
    quote, _created = Quote.objects.update_or_create(
        consultation=run.consultation,
        record_key=record_key,
        label=label,
        defaults={
            "language": language,
            "suggested": suggested,
            "text": text if approve else suggested,
            "state": Quote.State.APPROVED if approve else Quote.State.REJECTED,
            "run": run,
            "decided_by": actor,
            "decided_at": timezone.now(),
        },
    )
    audit.record(
        actor=actor,
        action="analysis.quote_approved" if approve else "analysis.quote_rejected",
        target=quote,
        scope=run.consultation.scope,
        changes={"record": record_key, "label": label, "corrected": approve and text != suggested},
    )
    return quote


@transaction.atomic
def decide_theme(
    *,
    actor: Any,
    run: Run,
    theme: dict[str, Any],
    verdict: str,
    new_code: CodeValues | None = None,
    into: str = "",
    parts: Sequence[CodeValues] = (),
) -> ThemeDecision:
    """Accept a candidate theme as a new code, merge it into a code, split it into two new codes,
    or reject it. Accepting, merging or splitting changes the codebook: the theme's key phrases
    become the code's keywords (a split shares them out as the analyst chose, in `parts`), so the
    next run codes such texts. People's words never go into the codebook: it is stored in clear
    and exported, and answers are kept only encrypted (reviewing the theme's records teaches the
    engine the rest)."""
    phrases = theme.get("key_phrases", {})
    code = ""
    split_into: list[str] = []
    if verdict == ThemeDecision.Verdict.SPLIT:
        if len(parts) != 2:
            raise ReviewError("parts")
        if parts[0].key.casefold() == parts[1].key.casefold():
            raise codebooks.CodeError({"key_2": _("The two codes need different keys.")})
        for index, part in enumerate(parts):
            try:
                codebooks.save_code(actor=actor, consultation=run.consultation, values=part)
            except codebooks.CodeError as error:
                # The second code's fields carry a "_2" (the form shows both codes).
                suffix = "_2" if index else ""
                raise codebooks.CodeError(
                    {f"{name}{suffix}": message for name, message in error.problems.items()}
                ) from error
        split_into = [part.key for part in parts]
        code = split_into[0]
    elif verdict == ThemeDecision.Verdict.ACCEPTED:
        if new_code is None:
            raise ReviewError("code")
        new_code.keywords_en = new_code.keywords_en or list(phrases.get("en", []))
        new_code.keywords_fr = new_code.keywords_fr or list(phrases.get("fr", []))
        codebooks.save_code(actor=actor, consultation=run.consultation, values=new_code)
        code = new_code.key
    elif verdict == ThemeDecision.Verdict.MERGED:
        codebooks.merge_into(
            actor=actor,
            consultation=run.consultation,
            key=into,
            keywords_en=list(phrases.get("en", [])),
            keywords_fr=list(phrases.get("fr", [])),
        )
        code = into
    decision, _created = ThemeDecision.objects.update_or_create(
        run=run,
        theme=theme["id"],
        defaults={
            "verdict": verdict,
            "code": code,
            "split_into": split_into,
            "decided_by": actor,
            "decided_at": timezone.now(),
        },
    )
    audit.record(
        actor=actor,
        action=f"analysis.theme_{verdict}",
        target=decision,
        scope=run.consultation.scope,
        changes={"run": run.number, "theme": theme["id"], "code": code, "split_into": split_into},
    )
    return decision


@transaction.atomic
def assign_double_coding(*, actor: Any, run: Run, first: Any, second: Any, size: int) -> list[str]:
    """Give the same `size` records of the run to two analysts to review on their own: a random
    sample (seeded by the run, so asking again gives the same records), campaign copies left out
    (they would agree trivially), records either of them already has left out."""
    taken = set(
        Assignment.objects.filter(
            consultation=run.consultation, analyst__in=[first, second]
        ).values_list("record_key", flat=True)
    )
    keys = [
        key
        for key in RunRecord.objects.filter(run=run, campaign="")
        .order_by("position")
        .values_list("key", flat=True)
        if key not in taken
    ]
    rng = random.Random(f"double-coding {run.pk}")  # noqa: S311 - a sample, not a secret
    chosen = sorted(rng.sample(keys, min(size, len(keys))))
    now = timezone.now()
    Assignment.objects.bulk_create(
        Assignment(
            consultation=run.consultation,
            run=run,
            record_key=key,
            analyst=analyst,
            assigned_by=actor,
            assigned_at=now,
        )
        for key in chosen
        for analyst in (first, second)
    )
    audit.record(
        actor=actor,
        action="analysis.double_coding_assigned",
        target=run,
        scope=run.consultation.scope,
        changes={
            "analysts": [first.get_username(), second.get_username()],
            "records": len(chosen),
        },
    )
    return chosen


@transaction.atomic
def coding_exported(*, actor: Any, run: Run, file_format: str, records: int) -> None:
    """An export of people's coding (with the texts) is in the History: who, which run, how many."""
    audit.record(
        actor=actor,
        action="analysis.coding_exported",
        target=run,
        scope=run.consultation.scope,
        changes={"format": file_format, "records": records},
    )
