"""Reads for the report screens: the evidence a section may cite, with today's values."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from heard.analysis.models import Quote, Run, ThemeDecision
from heard.consultations.models import Consultation
from heard.core.bilingual import active_language
from heard.reports import figures
from heard.reports.models import Comment, Report
from heard.reports.references import Figure, format_figure


@dataclass(frozen=True)
class Evidence:
    reference: str  # what to write in the text: [[reference]]
    meaning: str
    now: str  # its value if the report were built now, in the page's language


def meanings(report: Report) -> dict[str, str]:
    """Every reference the report may cite, and what it counts, in the page's language."""
    found = {
        "responses": _("questionnaire responses submitted"),
        "participants": _("people checked in at one or more sessions (each person once)"),
        "sessions": _("sessions held"),
        "quotes": _("quotes people approved"),
    }
    if report.run is not None:
        found |= {
            "records": _("records the analysis run read"),
            "campaigns": _("campaigns the run found"),
            "reviewed": _("records people reviewed"),
        }
        for key, name in _code_names(report.run):
            found[f"code:{key}"] = _("reviewed records coded “%(code)s”") % {"code": name}
            found[f"code:{key}:percent"] = _("the same, as a share of reviewed records")
    return found


def evidence(report: Report) -> list[Evidence]:
    """Every figure the report may cite, with what it counts and its value today."""
    known = meanings(report)
    values = figures.resolve(report, known)
    language = active_language()
    return [
        Evidence(reference, meaning, format_figure(values[reference], language))
        for reference, meaning in known.items()
    ]


@dataclass(frozen=True)
class Traced:
    """A figure of a built version, what it counts, and where its data can be read."""

    reference: str
    meaning: str
    value: str
    url: str


def traced(report: Report, stored: dict[str, dict[str, object]]) -> list[Traced]:
    """A version's figures as built, each with the staff page that lists what it counted."""
    known = meanings(report)
    language = active_language()
    rows = []
    for reference, data in sorted(stored.items()):
        figure = Figure(
            float(data["value"]),  # type: ignore[arg-type]
            kind=str(data.get("kind", "count")),
            suppressed=bool(data.get("suppressed")),
            threshold=report.threshold,
        )
        rows.append(
            Traced(
                reference,
                known.get(reference, reference),
                format_figure(figure, language),
                _source_url(report, reference),
            )
        )
    return rows


def _source_url(report: Report, reference: str) -> str:
    pk = report.consultation_id
    name, *arguments = reference.split(":")
    if name in ("participants", "sessions"):
        return reverse("sessions:list", kwargs={"pk": pk})
    if name == "responses":
        return reverse("questionnaires:list", kwargs={"pk": pk})
    if report.run is None:
        return ""
    run = {"pk": pk, "number": report.run.number}
    if name == "code":
        return (
            reverse("analysis:records", kwargs=run)
            + "?"
            + urlencode({"code": arguments[0], "reviewed": "yes"})
        )
    if name == "reviewed":
        return reverse("analysis:records", kwargs=run) + "?reviewed=yes"
    if name == "quotes":
        return reverse("analysis:quotes", kwargs=run)
    if name == "campaigns":
        return reverse("analysis:campaigns", kwargs=run)
    return reverse("analysis:run", kwargs=run)


def _code_names(run: Run) -> list[tuple[str, str]]:
    language = active_language()
    found: list[tuple[str, str]] = []

    def walk(codes: list[dict[str, object]]) -> None:
        for code in codes:
            name = code.get(f"name_{language}") or code.get("name_en")
            found.append((str(code["key"]), str(name)))
            walk(code.get("children", []))  # type: ignore[arg-type]

    walk((run.codebook or {}).get("codes", []))
    return found


def approved_quotes(consultation: Consultation) -> list[Quote]:
    return list(Quote.objects.filter(consultation=consultation, state="approved").order_by("label"))


def approved_themes(run: Run | None) -> list[ThemeDecision]:
    if run is None:
        return []
    return list(ThemeDecision.objects.filter(run=run).exclude(verdict="rejected"))


def reports_of(consultation: Consultation) -> dict[str, Report]:
    return {report.kind: report for report in Report.objects.filter(consultation=consultation)}


def open_comments(report: Report) -> dict[int, int]:
    """How many unresolved comments each section has, by position."""
    rows = (
        Comment.objects.filter(section__report=report, resolved_at__isnull=True)
        .values_list("section__position")
        .annotate(count=Count("id"))
    )
    return dict(rows)
