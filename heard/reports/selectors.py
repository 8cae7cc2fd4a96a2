"""Reads for the report screens: the evidence a section may cite, with today's values."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from heard.analysis.models import Quote, Run, ThemeDecision
from heard.consultations.models import Consultation
from heard.core.bilingual import active_language
from heard.reports import figures
from heard.reports.models import Report
from heard.reports.references import format_figure


@dataclass(frozen=True)
class Evidence:
    reference: str  # what to write in the text: [[reference]]
    meaning: str
    now: str  # its value if the report were built now, in the page's language


def evidence(report: Report) -> list[Evidence]:
    """Every figure the report may cite, with what it counts and its value today."""
    meanings = {
        "responses": _("questionnaire responses submitted"),
        "participants": _("people checked in at the sessions"),
        "sessions": _("sessions held"),
        "quotes": _("quotes people approved"),
    }
    if report.run is not None:
        meanings |= {
            "records": _("records the analysis run read"),
            "campaigns": _("campaigns the run found"),
            "reviewed": _("records people reviewed"),
        }
        for key, name in _code_names(report.run):
            meanings[f"code:{key}"] = _("reviewed records coded “%(code)s”") % {"code": name}
            meanings[f"code:{key}:percent"] = _("the same, as a share of reviewed records")
    values = figures.resolve(report, meanings)
    language = active_language()
    return [
        Evidence(reference, meaning, format_figure(values[reference], language))
        for reference, meaning in meanings.items()
    ]


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
