"""A report's text, checked and rendered: each section's Markdown with its references resolved,
in English and in French, and the method annex that names the analysis run it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from heard.analysis.models import Quote
from heard.reports import figures as figure_data
from heard.reports.models import Report, ReportKind, Section
from heard.reports.questionnaire import LABEL_WIDTH, PLOT_WIDTH, closed_questions
from heard.reports.references import Figure, fill, format_figure, references_in

LANGUAGES = ("en", "fr")


@dataclass
class Check:
    """What stands between a report and a build (`blocking`) or a publication (`incomplete`)."""

    blocking: list[str] = field(default_factory=list)
    incomplete: list[str] = field(default_factory=list)
    figures: dict[str, Figure] = field(default_factory=dict)


def check(report: Report) -> Check:
    found = Check()
    sections = list(report.sections.all())
    if not report.title_fr.strip():
        found.incomplete.append(_("The report has no French title."))
    cited: list[str] = []
    for section in sections:
        name = section.heading_en or _("section %(n)s") % {"n": section.position}
        for language in LANGUAGES:
            if not getattr(section, f"heading_{language}").strip():
                found.incomplete.append(_missing(name, language, "heading"))
            if not getattr(section, f"body_{language}").strip():
                found.incomplete.append(_missing(name, language, "text"))
        english, french = references_in(section.body_en), references_in(section.body_fr)
        if section.body_en.strip() and section.body_fr.strip() and set(english) != set(french):
            only_en = sorted(set(english) - set(french))
            only_fr = sorted(set(french) - set(english))
            found.blocking.append(
                _(
                    "“%(section)s”: the two languages cite different figures (English only: "
                    "%(en)s; French only: %(fr)s). Cite the same ones in both."
                )
                % {
                    "section": name,
                    "en": ", ".join(f"[[{r}]]" for r in only_en) or "—",
                    "fr": ", ".join(f"[[{r}]]" for r in only_fr) or "—",
                }
            )
        cited.extend(english + french)
    approved = _approved_quotes(report)
    for section in sections:
        name = section.heading_en or _("section %(n)s") % {"n": section.position}
        for language in LANGUAGES:
            for passage in quoted_passages(getattr(section, f"body_{language}")):
                if not any(quote in passage for quote in approved):
                    found.incomplete.append(
                        _(
                            "“%(section)s”: a quoted passage is not an approved quote: "
                            "“%(passage)s”. Quote approved quotes word for word (the evidence "
                            "lists them), or write the passage as your own text."
                        )
                        % {"section": name, "passage": _shorten(passage)}
                    )
    for reference in dict.fromkeys(cited):
        try:
            found.figures |= figure_data.resolve(report, [reference])
        except figure_data.UnknownReference as unknown:
            where = next(
                s.heading_en or str(s.position)
                for s in sections
                if reference in references_in(s.body_en) + references_in(s.body_fr)
            )
            found.blocking.append(
                _("“%(section)s”: [[%(reference)s]]: %(reason)s.")
                % {"section": where, "reference": reference, "reason": unknown.reason}
            )
    return found


def quoted_passages(markdown: str) -> list[str]:
    """Each Markdown block quote's text (consecutive lines starting with ">"), whitespace
    collapsed: what a reader takes for someone's words."""
    passages: list[str] = []
    current: list[str] = []
    for line in [*markdown.splitlines(), ""]:
        stripped = line.lstrip()
        if stripped.startswith(">"):
            current.append(stripped.lstrip(">").strip())
        elif current:
            text = " ".join(" ".join(current).split())
            if text:
                passages.append(text)
            current = []
    return passages


def _approved_quotes(report: Report) -> list[str]:
    """The approved quotes' texts, whitespace collapsed; a quoted passage must contain one
    (an attribution after it, such as "— participant, Winnipeg", is allowed)."""
    texts = Quote.objects.filter(consultation=report.consultation, state="approved").values_list(
        "text", flat=True
    )
    return [" ".join(text.split()) for text in texts if text.strip()]


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _missing(section: str, language: str, what: str) -> str:
    messages = {
        ("en", "heading"): _("“%(section)s”: the English heading is missing."),
        ("fr", "heading"): _("“%(section)s”: the French heading is missing."),
        ("en", "text"): _("“%(section)s”: the English text is missing."),
        ("fr", "text"): _("“%(section)s”: the French text is missing."),
    }
    return messages[(language, what)] % {"section": section}


def render(report: Report, figures: dict[str, Figure], language: str) -> str:
    """The report's body in one language, as HTML (headings, sections, method annex)."""
    sections: list[Section] = list(report.sections.all())
    manifest: dict[str, Any] = report.run.manifest if report.run else {}
    with translation.override(language):
        return render_to_string(
            "reports/_body.html",
            {
                "report": report,
                "title": report.title_fr if language == "fr" else report.title_en,
                "sections": [
                    {
                        "heading": getattr(section, f"heading_{language}"),
                        "body": fill(getattr(section, f"body_{language}"), figures, language),
                        "anchor": f"section-{section.position}",
                    }
                    for section in sections
                ],
                "questions": _questions(report, language),
                "run": report.run,
                "manifest_sha256": manifest_hash(manifest),
                "engine": manifest.get("engine", {}),
                "threshold": report.threshold,
                "language": language,
                "label_width": LABEL_WIDTH,
                "chart_width": LABEL_WIDTH + PLOT_WIDTH + 40,
            },
        )


def render_summary(report: Report, figures: dict[str, Figure], language: str) -> str:
    """The sections shown on the consultation page as well ("We asked / You said / We did"),
    as HTML with the same figures as the report; empty when there are none."""
    shown = [section for section in report.sections.all() if section.on_page]
    if not shown:
        return ""
    with translation.override(language):
        return render_to_string(
            "reports/_summary.html",
            {
                "sections": [
                    {
                        "heading": getattr(section, f"heading_{language}"),
                        "body": fill(getattr(section, f"body_{language}"), figures, language),
                    }
                    for section in shown
                ],
                "language": language,
            },
        )


def _questions(report: Report, language: str) -> list[dict[str, Any]]:
    """The detailed questionnaire report's results, question by question, formatted for the
    language (the full report cites the questionnaire through references instead)."""
    if report.kind != ReportKind.QUESTIONNAIRE:
        return []
    results = []
    for question in closed_questions(report.consultation, language, report.threshold):
        rows = []
        for row in question.rows:
            rows.append(
                {
                    "row": row,
                    "count": format_figure(
                        Figure(row.count, suppressed=row.suppressed, threshold=report.threshold),
                        language,
                    ),
                    "share": _percent(row.share, language),
                    "interval": (
                        f"{_percent(row.low, language)} – {_percent(row.high, language)}"
                        if row.low is not None and row.high is not None
                        else "—"
                    ),
                }
            )
        answered = Figure(
            question.answered, suppressed=question.answered_suppressed, threshold=report.threshold
        )
        results.append(
            {"question": question, "answered": format_figure(answered, language), "rows": rows}
        )
    return results


def _percent(share: float | None, language: str) -> str:
    if share is None:
        return "—"
    return format_figure(Figure(100 * share, kind="percent"), language)


def manifest_hash(manifest: dict[str, Any]) -> str:
    """The SHA-256 of the run's manifest as stored (keys sorted): what the annex cites."""
    import hashlib
    import json

    if not manifest:
        return ""
    text = json.dumps(manifest, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
