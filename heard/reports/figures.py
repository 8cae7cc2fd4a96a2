"""What a report's references stand for, resolved from the data when a version is built.

- ``responses``: questionnaire responses submitted;
- ``participants``: people checked in at one or more of the consultation's sessions (each
  person once); ``sessions``: sessions held;
- ``records``: records the report's analysis run read; ``campaigns``: campaigns it found;
- ``reviewed``: the run's records that a person reviewed;
- ``code:<key>``: reviewed records that people coded with the code (confirmed or added, on the
  whole record; the latest verdict on a record wins): only reviewed codes reach a report;
- ``code:<key>:percent``: the same, as a share of the reviewed records;
- ``quotes``: approved quotes.

Counts below the report's threshold (and above zero) are suppressed, so that a small group
cannot be singled out; a percentage is suppressed when its count is. Sessions are counted as
they are: they are what the organisers held, not a group of people.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from heard.analysis.models import Decision, Quote, Review, Run, RunRecord
from heard.events.models import Attendance, Session
from heard.questionnaires.models import Response, ResponseState
from heard.reports.models import Report
from heard.reports.references import Figure

SIMPLE = ("responses", "participants", "sessions", "records", "campaigns", "reviewed", "quotes")
# Counts of what the organisers did, not of people or of what they said: a small number of them
# singles nobody out, so they are never suppressed ("4 sessions", not "fewer than 5").
NOT_OF_PEOPLE = ("sessions",)


class UnknownReference(ValueError):
    def __init__(self, reference: str, reason: str) -> None:
        self.reference = reference
        self.reason = reason
        super().__init__(f"[[{reference}]]: {reason}")


def resolve(report: Report, references: Iterable[str]) -> dict[str, Figure]:
    """Each reference's figure; UnknownReference for the first one that names nothing."""
    wanted = list(dict.fromkeys(references))
    counts: dict[str, int] = {}
    figures: dict[str, Figure] = {}
    for reference in wanted:
        name, *arguments = reference.split(":")
        if name in NOT_OF_PEOPLE and not arguments:
            figures[reference] = Figure(float(_simple(report, name)))
        elif name in SIMPLE and not arguments:
            figures[reference] = _count(report, _simple(report, name))
        elif name == "code" and len(arguments) in (1, 2):
            code = arguments[0]
            if code not in _codes(report):
                raise UnknownReference(reference, _("no such code in the run's codebook"))
            if code not in counts:
                counts |= _code_counts(report)
            count = counts.get(code, 0)
            if len(arguments) == 1:
                figures[reference] = _count(report, count)
            elif arguments[1] == "percent":
                reviewed = _simple(report, "reviewed")
                small = _count(report, count).suppressed
                figures[reference] = Figure(
                    100 * count / reviewed if reviewed else 0.0,
                    kind="percent",
                    suppressed=small,
                    threshold=report.threshold,
                )
            else:
                raise UnknownReference(reference, _("after the code, only “percent” may follow"))
        else:
            raise UnknownReference(reference, _("Heard knows no such figure"))
    return figures


def _count(report: Report, value: int) -> Figure:
    return Figure(
        float(value),
        suppressed=0 < value < report.threshold,
        threshold=report.threshold,
    )


def _run_of(report: Report, name: str) -> Run:
    if report.run is None:
        raise UnknownReference(name, _("the report has no analysis run to count from"))
    return report.run


def _simple(report: Report, name: str) -> int:
    consultation = report.consultation
    if name == "responses":
        return Response.objects.filter(
            respondent__questionnaire__consultation=consultation, state=ResponseState.SUBMITTED
        ).count()
    if name == "participants":  # people, not check-ins: one person at two sessions is one
        return (
            Attendance.objects.filter(invitation__session__schedule_item__consultation=consultation)
            .values("invitation__person")
            .distinct()
            .count()
        )
    if name == "sessions":
        return Session.objects.filter(schedule_item__consultation=consultation).count()
    if name == "quotes":
        return Quote.objects.filter(consultation=consultation, state="approved").count()
    run = _run_of(report, name)
    if name == "records":
        return run.records_raw
    if name == "campaigns":
        return (
            RunRecord.objects.filter(run=report.run)
            .exclude(campaign="")
            .values("campaign")
            .distinct()
            .count()
        )
    # reviewed
    return RunRecord.objects.filter(
        run=run,
        key__in=Review.objects.filter(consultation=consultation).values("record_key"),
    ).count()


def _codes(report: Report) -> set[str]:
    run = _run_of(report, "code")
    found: set[str] = set()

    def walk(codes: list[dict[str, object]]) -> None:
        for code in codes:
            found.add(str(code["key"]))
            walk(code.get("children", []))  # type: ignore[arg-type]

    walk((run.codebook or {}).get("codes", []))
    return found


def _code_counts(report: Report) -> dict[str, int]:
    """Per code, the run's records whose latest whole-record verdict from a person keeps it."""
    run = _run_of(report, "code")
    latest: dict[tuple[str, str], str] = {}
    decisions = (
        Decision.objects.filter(
            consultation=report.consultation,
            excerpt_start__isnull=True,
            record_key__in=RunRecord.objects.filter(run=run).values("key"),
        )
        .order_by("decided_at", "id")
        .values_list("record_key", "code", "verdict")
    )
    for record_key, code, verdict in decisions.iterator(chunk_size=2000):
        latest[(record_key, code)] = verdict
    counts: dict[str, int] = {}
    for (_key, code), verdict in latest.items():
        if verdict != Decision.Verdict.REJECTED:
            counts[code] = counts.get(code, 0) + 1
    return counts
