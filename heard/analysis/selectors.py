"""Reads for the analysis screens and for the run job: runs, records, codes, people's decisions."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from heard.analysis.collect import imported_question
from heard.analysis.engine.agreement import Agreement, agreement
from heard.analysis.engine.codebook import Codebook as EngineCodebook
from heard.analysis.engine.codebook import codebook_from_dict
from heard.analysis.engine.pipeline import CodedExamples
from heard.analysis.exchange import Coded, Text
from heard.analysis.models import (
    SEGMENT_FIELDS,
    Assignment,
    Codebook,
    Decision,
    RecordFile,
    Review,
    Run,
    RunRecord,
    Suggestion,
)
from heard.consultations.models import Consultation, Membership, Role
from heard.core.bilingual import in_language
from heard.questionnaires.models import Questionnaire

PAGE_SIZE = 25
THEME_ID = re.compile(r"T\d+")


def engine_codebook(data: dict[str, Any]) -> EngineCodebook:
    return codebook_from_dict(data)


def codebook_of(consultation: Consultation) -> Codebook | None:
    return Codebook.objects.filter(consultation=consultation).first()


def runs_of(consultation: Consultation) -> QuerySet[Run]:
    return Run.objects.filter(consultation=consultation).select_related(
        "created_by", "job", "baseline"
    )


def latest_done_run(consultation: Consultation) -> Run | None:
    return runs_of(consultation).filter(state=Run.State.DONE).order_by("-number").first()


def summary_of(run: Run) -> dict[str, Any]:
    """The engine's summary.json of a finished run (decrypted); empty before it is done.

    A finished run never changes, so its parsed summary is kept in memory (a few runs at most):
    decrypting and parsing it took most of the time of the pages that show it."""
    if run.state != Run.State.DONE:
        return {}
    # Keyed by the summary's own hash (from the manifest) too, so a run row that was replaced
    # (a restored database, a reused id) is never answered from memory.
    return _summary(run.pk, run.manifest.get("outputs", {}).get("summary.json", ""))


@lru_cache(maxsize=8)
def _summary(run_pk: int, sha256: str) -> dict[str, Any]:
    text = Run.objects.filter(pk=run_pk).values_list("summary", flat=True).first()
    return json.loads(text) if text else {}


def _whole_verdicts(consultation: Consultation) -> dict[tuple[str, int], dict[str, str]]:
    """(record key, analyst) -> {code: verdict}, for decisions on whole records."""
    verdicts: dict[tuple[str, int], dict[str, str]] = {}
    rows = Decision.objects.filter(
        consultation=consultation, excerpt_start__isnull=True
    ).values_list("record_key", "analyst_id", "code", "verdict")
    for record_key, analyst, code, verdict in rows.iterator(chunk_size=5000):
        verdicts.setdefault((record_key, analyst), {})[code] = verdict
    return verdicts


def coded_examples(consultation: Consultation) -> CodedExamples:
    """People's codes for the engine to learn from: for each reviewed record, the codes its most
    recent reviewer confirmed or added (none at all is an example too: "nothing here applies")."""
    verdicts = _whole_verdicts(consultation)
    latest: dict[str, int] = {}
    for record_key, analyst in (
        Review.objects.filter(consultation=consultation)
        .order_by("reviewed_at", "id")
        .values_list("record_key", "analyst_id")
    ):
        latest[record_key] = analyst
    pairs = [
        (
            record_key,
            sorted(
                code
                for code, verdict in verdicts.get((record_key, analyst), {}).items()
                if verdict != Decision.Verdict.REJECTED
            ),
        )
        for record_key, analyst in sorted(latest.items())
    ]
    return CodedExamples(f"reviewed codes of {consultation.key}", pairs)


# --- Records of a run, for review ---------------------------------------------------------------


@dataclass(frozen=True)
class RecordFilter:
    source: str = ""
    question: str = ""
    code: str = ""
    reviewed: str = ""  # "", "yes", "no"
    campaign: str = ""  # "", "yes", "no", or one campaign's id
    assigned_to: int | None = None  # records given to this analyst (double coding)
    code_next: bool = False  # the records the engine is least sure of (its active learning)
    segment: str = ""  # "sector:ngos", "region:ON"...: the records behind a figure


def records_of_run(run: Run, chosen: RecordFilter) -> QuerySet[RunRecord]:
    records = RunRecord.objects.filter(run=run)
    if chosen.source:
        records = records.filter(source=chosen.source)
    if chosen.question:
        records = records.filter(question=chosen.question)
    if chosen.segment:
        name, _colon, value = chosen.segment.partition(":")
        if name in ("source", "question", "language"):
            records = records.filter(**{name: value})
        elif name in SEGMENT_FIELDS:
            records = records.filter(**{f"segments__{name}": value})
    if chosen.code and THEME_ID.fullmatch(chosen.code):
        records = records.filter(theme=chosen.code)
    elif chosen.code:
        # Semi-joins, not a join and DISTINCT: a code on 9,000 of 100,000 records took 630 ms
        # to count that way.
        records = records.filter(
            Q(
                pk__in=Suggestion.objects.filter(
                    run=run, code=chosen.code, part=Suggestion.Part.WHOLE
                ).values("record_id")
            )
            | Q(
                key__in=Decision.objects.filter(
                    consultation_id=run.consultation_id, code=chosen.code
                )
                .exclude(verdict=Decision.Verdict.REJECTED)
                .values("record_key")
            )
        )
    reviewed = Review.objects.filter(consultation_id=run.consultation_id).values("record_key")
    if chosen.reviewed == "yes":
        records = records.filter(key__in=reviewed)
    elif chosen.reviewed == "no":
        records = records.exclude(key__in=reviewed)
    if chosen.code_next:
        records = records.filter(key__in=summary_of(run).get("to_code_next", []))
    if chosen.assigned_to is not None:
        records = records.filter(
            key__in=Assignment.objects.filter(
                consultation_id=run.consultation_id, analyst_id=chosen.assigned_to
            ).values("record_key")
        )
    if chosen.campaign == "yes":
        records = records.exclude(campaign="")
    elif chosen.campaign == "no":
        records = records.filter(campaign="")
    elif chosen.campaign:
        records = records.filter(campaign=chosen.campaign)
    return records.order_by("position")


@dataclass
class CodeLine:
    """One code on one record, as the review screen shows it."""

    code: str
    engine: float | None = None  # the engine's confidence, if it suggested the code
    taught: bool = False  # the engine had it from a person (the record was an example)
    decisions: list[Decision] = field(default_factory=list)


def code_lines(record: RunRecord) -> list[CodeLine]:
    """The engine's codes for the whole record and every person's verdict on any code of it."""
    lines: dict[str, CodeLine] = {}
    for suggestion in Suggestion.objects.filter(record=record, part=Suggestion.Part.WHOLE):
        lines[suggestion.code] = CodeLine(
            suggestion.code, engine=suggestion.confidence, taught=suggestion.taught
        )
    for decision in Decision.objects.filter(
        consultation_id=record.run.consultation_id,
        record_key=record.key,
        excerpt_start__isnull=True,
    ).select_related("analyst"):
        lines.setdefault(decision.code, CodeLine(decision.code)).decisions.append(decision)
    return list(lines.values())


def excerpt_decisions(record: RunRecord) -> QuerySet[Decision]:
    return Decision.objects.filter(
        consultation_id=record.run.consultation_id,
        record_key=record.key,
        excerpt_start__isnull=False,
    ).select_related("analyst")


def reviews_of(record: RunRecord) -> QuerySet[Review]:
    return Review.objects.filter(
        consultation_id=record.run.consultation_id, record_key=record.key
    ).select_related("analyst")


def neighbours(run: Run, record: RunRecord, chosen: RecordFilter) -> tuple[int | None, int | None]:
    """Positions of the previous and next record in the same filtered list."""
    records = records_of_run(run, chosen)
    before = records.filter(position__lt=record.position).order_by("-position").first()
    after = records.filter(position__gt=record.position).order_by("position").first()
    return (
        before.position if before else None,
        after.position if after else None,
    )


# --- How far along ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    label: str
    source: str
    question: str
    records: int
    reviewed: int

    @property
    def percent(self) -> int:
        return round(100 * self.reviewed / self.records) if self.records else 0


def review_progress(run: Run) -> list[Progress]:
    """Records reviewed by a person, per source and question of the run: the totals from the
    run's facets, the reviewed ones looked up by key (a few thousand, not 100,000 rows)."""
    reviewed_keys = Review.objects.filter(consultation_id=run.consultation_id).values("record_key")
    reviewed = {
        (row["source"], row["question"]): row["n"]
        for row in RunRecord.objects.filter(run=run, key__in=reviewed_keys)
        .values("source", "question")
        .annotate(n=Count("id"))
    }
    name = source_namer(run.consultation)
    return [
        Progress(
            label=name(source, question),
            source=source,
            question=question,
            records=records,
            reviewed=reviewed.get((source, question), 0),
        )
        for source, question, records in run.facets.get("sources", [])
    ]


def people_counts(run: Run) -> dict[str, dict[str, int]]:
    """Per code: people's confirmed or added verdicts (kept) and rejections, on whole records,
    in any run. (The engine's counts are in the run's summary: counted once, when it ran.)"""
    people: dict[str, dict[str, int]] = {}
    for code, verdict, n in (
        Decision.objects.filter(consultation_id=run.consultation_id, excerpt_start__isnull=True)
        .values_list("code", "verdict")
        .annotate(n=Count("id"))
        .values_list("code", "verdict", "n")
    ):
        people.setdefault(code, {})[verdict] = n
    return {
        code: {
            "kept": verdicts.get("confirmed", 0) + verdicts.get("added", 0),
            "rejected": verdicts.get("rejected", 0),
        }
        for code, verdicts in people.items()
    }


@dataclass(frozen=True)
class Question:
    name: str
    label_en: str
    label_fr: str


def text_questions(consultation: Consultation) -> list[Question]:
    """The free-text questions of the consultation's questionnaires (their newest versions)."""
    found: dict[str, Question] = {}
    for questionnaire in Questionnaire.objects.filter(consultation=consultation).order_by("id"):
        version = questionnaire.current_version
        if version is None:
            continue
        for item in version.definition["fields"]:
            if item["type"] == "text" and item["name"] not in found:
                label = item.get("label") or {}
                found[item["name"]] = Question(
                    item["name"], label.get("en", item["name"]), label.get("fr", item["name"])
                )
    return list(found.values())


@dataclass(frozen=True)
class RecordRow:
    record: RunRecord
    codes: list[tuple[str, str]]  # (key, name) the engine suggested for the whole text
    reviewed: bool


def record_rows(records: list[RunRecord], names: dict[str, str]) -> list[RecordRow]:
    """A page of records with their codes and whether anyone reviewed them, in two queries."""
    if not records:
        return []
    codes: dict[int, list[str]] = {}
    for record_id, code in Suggestion.objects.filter(
        record__in=records, part=Suggestion.Part.WHOLE
    ).values_list("record_id", "code"):
        codes.setdefault(record_id, []).append(code)
    run = records[0].run_id
    consultation = Run.objects.values_list("consultation_id", flat=True).get(pk=run)
    reviewed = set(
        Review.objects.filter(
            consultation_id=consultation, record_key__in=[record.key for record in records]
        ).values_list("record_key", flat=True)
    )
    return [
        RecordRow(
            record,
            [(code, names.get(code, code).lstrip("— ")) for code in codes.get(record.pk, [])],
            record.key in reviewed,
        )
        for record in records
    ]


def sources_of_run(run: Run) -> list[tuple[str, str]]:
    """(source, question) pairs the run holds, for the filter (from its facets)."""
    return [(source, question) for source, question, _n in run.facets.get("sources", [])]


# --- Agreement between two analysts -------------------------------------------------------------


def coders(consultation: Consultation) -> list[Any]:
    """The people who may review: the consultation's leads and analysts."""
    return [
        membership.user
        for membership in Membership.objects.filter(
            consultation=consultation, role__in=[Role.LEAD, Role.ANALYST]
        )
        .select_related("user")
        .order_by("user__username")
    ]


def _kept_codes(consultation: Consultation, analyst_id: int, keys: set[str]) -> dict[str, set[str]]:
    kept: dict[str, set[str]] = {key: set() for key in keys}
    for record_key, code in Decision.objects.filter(
        consultation=consultation,
        analyst_id=analyst_id,
        excerpt_start__isnull=True,
        record_key__in=keys,
        verdict__in=[Decision.Verdict.CONFIRMED, Decision.Verdict.ADDED],
    ).values_list("record_key", "code"):
        kept[record_key].add(code)
    return kept


@dataclass(frozen=True)
class CodeAgreement:
    code: str
    result: Agreement


@dataclass(frozen=True)
class Disagreement:
    record: RunRecord
    only_first: list[str]
    only_second: list[str]


def agreement_between(
    run: Run, first: int, second: int, codes: list[str]
) -> tuple[int, list[CodeAgreement], list[Disagreement]]:
    """Records of the run both analysts reviewed; per code, how far they agree; and the records
    where they differ, with the codes only one of them gave."""
    reviewed = [
        set(
            Review.objects.filter(
                consultation_id=run.consultation_id, analyst_id=analyst
            ).values_list("record_key", flat=True)
        )
        for analyst in (first, second)
    ]
    in_run = set(RunRecord.objects.filter(run=run).values_list("key", flat=True))
    both = reviewed[0] & reviewed[1] & in_run
    one = _kept_codes(run.consultation, first, both)
    two = _kept_codes(run.consultation, second, both)
    table = [
        CodeAgreement(code, agreement((code in one[key], code in two[key]) for key in both))
        for code in codes
    ]
    differing = sorted(key for key in both if one[key] != two[key])
    records = {r.key: r for r in RunRecord.objects.filter(run=run, key__in=differing)}
    disagreements = [
        Disagreement(records[key], sorted(one[key] - two[key]), sorted(two[key] - one[key]))
        for key in differing
    ]
    return len(both), table, disagreements


def blind_for(record: RunRecord, user: Any) -> bool:
    """Whether the record is in the user's double-coding sample and they have not reviewed it."""
    consultation = record.run.consultation_id
    return (
        Assignment.objects.filter(
            consultation_id=consultation, record_key=record.key, analyst_id=user.pk
        ).exists()
        and not Review.objects.filter(
            consultation_id=consultation, record_key=record.key, analyst_id=user.pk
        ).exists()
    )


def campaign_members(run: Run, campaign: str, limit: int = 20) -> tuple[int, list[RunRecord]]:
    """How many records a campaign has in the run, and the first members who added words."""
    members = RunRecord.objects.filter(run=run, campaign=campaign)
    added = [record for record in members.order_by("position") if record.added_text][:limit]
    return members.count(), added


def coded_for_export(run: Run) -> tuple[dict[str, Text], list[Coded]]:
    """The run's records that people coded, as export texts, and every person's kept code on
    them (whole record, or a part found again in this run's text)."""
    decisions = list(
        Decision.objects.filter(
            consultation_id=run.consultation_id,
            verdict__in=[Decision.Verdict.CONFIRMED, Decision.Verdict.ADDED],
            record_key__in=RunRecord.objects.filter(run=run).values("key"),
        ).select_related("analyst")
    )
    keys = {decision.record_key for decision in decisions}
    texts = {}
    for record in RunRecord.objects.filter(run=run, key__in=keys):
        texts[record.key] = Text(
            record.key,
            record.text,
            {
                "source": record.source,
                "question": record.question,
                "language": record.language,
                **{name: str(value) for name, value in record.segments.items()},
            },
        )
    coded = []
    for decision in decisions:
        text = texts[decision.record_key].text
        if decision.excerpt_start is None:
            start, end = 0, len(text)
        elif text[decision.excerpt_start : decision.excerpt_end] == decision.excerpt:
            start, end = decision.excerpt_start, decision.excerpt_end or 0
        elif decision.excerpt and decision.excerpt in text:
            start = text.index(decision.excerpt)
            end = start + len(decision.excerpt)
        else:
            continue  # the part is no longer in this run's text (redacted differently)
        coded.append(
            Coded(
                decision.record_key,
                decision.code,
                decision.analyst.get_username(),
                decision.decided_at,
                start,
                end,
            )
        )
    return texts, coded


def source_labels(run: Run) -> list[str]:
    """What a run read, as people read it: its questions' labels in the page's language."""
    questions = {q.name: q for q in text_questions(run.consultation)}
    labels = [
        in_language(questions[name], "label") if name in questions else name
        for name in run.sources.get("questions", [])
    ]
    if run.sources.get("notes"):
        labels.append(_("Session notes"))
    names = dict(
        RecordFile.objects.filter(pk__in=run.sources.get("files") or []).values_list("pk", "name")
    )
    labels.extend(
        names.get(pk, _("Imported file %(number)s (removed since)") % {"number": pk})
        for pk in run.sources.get("files") or []
    )
    return labels


def record_files(consultation: Consultation) -> QuerySet[RecordFile]:
    return RecordFile.objects.filter(consultation=consultation).select_related("imported_by")


def file_labels(consultation: Consultation) -> dict[str, str]:
    """The `question` of imported records (one per file), as people read it: the file's name."""
    return {
        imported_question(pk): name
        for pk, name in RecordFile.objects.filter(consultation=consultation).values_list(
            "pk", "name"
        )
    }


def taught_counts(run: Run) -> dict[str, int]:
    """Per code, the records of the run where people's codes taught the engine (its examples)."""
    return dict(
        Suggestion.objects.filter(run=run, taught=True, part=Suggestion.Part.WHOLE)
        .values_list("code")
        .annotate(n=Count("id"))
        .values_list("code", "n")
    )


def source_namer(consultation: Consultation) -> Callable[[str, str], str]:
    """Names a run's (source, question) as people read it, in the page's language: a question's
    label, "Session notes: <discussion question>", an imported file's name."""
    questions = {q.name: q for q in text_questions(consultation)}
    files = file_labels(consultation)

    def name(source: str, question: str) -> str:
        if source == "session-notes":
            return _("Session notes") + (f": {question}" if question else "")
        if source == "imported":
            return files.get(question) or _("Imported file (removed since)")
        if question in questions:
            return str(in_language(questions[question], "label"))
        return question or source

    return name
