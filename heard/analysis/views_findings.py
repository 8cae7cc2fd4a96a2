"""Staff screens where people approve what the engine proposed: candidate themes and quotes.

Only leads and analysts see these (they show text). Accepting a theme makes it a code of the
codebook (a new revision); a quote is approved with its text checked, or rejected. Only approved
themes and quotes may reach a report.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from heard.analysis import codebooks, exchange, explorer, selectors, services
from heard.analysis.engine.codebook import codebook_from_dict
from heard.analysis.forms import DoubleCodingForm, QuoteForm, ThemeForm, code_choices
from heard.analysis.models import Quote, Run, RunRecord, ThemeDecision
from heard.consultations.access import consultation_for, may_read_answers
from heard.core.bilingual import active_language
from heard.stakeholders.models import Sector
from heard.stakeholders.regions import Region


def _done_run(request: HttpRequest, pk: int, number: int) -> Run:
    consultation = consultation_for(request, pk, answers=True)
    run = get_object_or_404(
        Run.objects.select_related("consultation").defer("summary"),
        consultation=consultation,
        number=number,
    )
    if run.state != Run.State.DONE:
        raise Http404
    return run


def _codes(run: Run) -> list[tuple[str, str]]:
    stored = selectors.codebook_of(run.consultation)
    return code_choices(codebook_from_dict(stored.data)) if stored else []


def _theme_initial(theme: dict[str, Any]) -> dict[str, Any]:
    english = theme.get("key_phrases", {}).get("en", [])
    french = theme.get("key_phrases", {}).get("fr", [])
    first_en = english[0] if english else (french[0] if french else theme["id"])
    first_fr = french[0] if french else first_en
    # A split's second code starts from the phrases after the first; the first keeps the first
    # half of each language's phrases.
    second_en = english[1] if len(english) > 1 else f"{first_en} 2"
    second_fr = french[1] if len(french) > 1 else second_en
    return {
        "key": slugify(first_en)[:60] or theme["id"].lower(),
        "name_en": _capital(first_en),
        "name_fr": _capital(first_fr),
        "key_2": slugify(second_en)[:60] or f"{theme['id'].lower()}-2",
        "name_en_2": _capital(second_en),
        "name_fr_2": _capital(second_fr),
        "first_phrases": [
            f"{language}:{phrase}"
            for language, phrases in (("en", english), ("fr", french))
            for phrase in phrases[: max(1, len(phrases) // 2)]
        ],
    }


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@login_required
def themes(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    run = _done_run(request, pk, number)
    candidates = selectors.summary_of(run).get("themes", {}).get("themes", [])
    decisions = {d.theme: d for d in ThemeDecision.objects.filter(run=run)}
    codes = _codes(run)
    chosen = request.POST.get("theme", "") if request.method == "POST" else ""
    rows = []
    for theme in candidates:
        bound = request.POST if chosen == theme["id"] else None
        form = ThemeForm(
            bound,
            codes=codes,
            phrases=theme.get("key_phrases"),
            initial=_theme_initial(theme),
            prefix=theme["id"],
        )
        if bound is not None and form.is_valid():
            verdict = form.cleaned_data["verdict"]
            try:
                services.decide_theme(
                    actor=request.user,
                    run=run,
                    theme=theme,
                    verdict=verdict,
                    new_code=form.new_code() if verdict == "accepted" else None,
                    into=form.cleaned_data["into"],
                    parts=form.parts() if verdict == "split" else (),
                )
            except codebooks.CodeError as error:
                for name, message in error.problems.items():
                    form.add_error(name if name in form.fields else None, message)
            else:
                messages.success(request, _("Decision saved."))
                return redirect("analysis:themes", pk=pk, number=number)
        examples = list(
            RunRecord.objects.filter(run=run, key__in=theme.get("examples", [])).order_by(
                "position"
            )
        )
        rows.append(
            {
                "theme": theme,
                "form": form,
                "decision": decisions.get(theme["id"]),
                "examples": examples,
            }
        )
    return render(
        request,
        "analysis/themes.html",
        {"consultation": run.consultation, "run": run, "rows": rows, "names": dict(codes)},
    )


def _quote_labels(run: Run) -> dict[str, str]:
    """The engine's quote labels that may be quoted, mapped to the code they stand for: codes,
    and themes people accepted or merged (the code they became)."""
    labels = {key: key for key, _name in _codes(run)}
    # A split theme's quotes are not offered: which of its two codes a quote speaks to is for
    # people to say, by reviewing the record.
    for decision in ThemeDecision.objects.filter(run=run).exclude(
        verdict__in=["rejected", "split"]
    ):
        labels[decision.theme] = decision.code
    return labels


@login_required
def quotes(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    run = _done_run(request, pk, number)
    candidates = selectors.summary_of(run).get("quotes", {})
    labels = _quote_labels(run)
    names = dict(_codes(run))
    decided = {
        (quote.record_key, quote.label): quote
        for quote in Quote.objects.filter(consultation=run.consultation)
    }
    posted = (
        (request.POST.get("record"), request.POST.get("label"))
        if request.method == "POST"
        else None
    )
    groups = []
    for engine_label, entry in sorted(candidates.items()):
        code = labels.get(engine_label)
        if code is None or not entry.get("quotes"):
            continue
        items = []
        for candidate in entry["quotes"]:
            key = (candidate["id"], code)
            existing = decided.get(key)
            form = QuoteForm(
                request.POST if posted == key else None,
                initial={"text": existing.text if existing else candidate["text"]},
                prefix=f"{candidate['id']}-{code}",
            )
            if posted == key and form.is_valid():
                try:
                    services.decide_quote(
                        actor=request.user,
                        run=run,
                        record_key=candidate["id"],
                        label=code,
                        language=candidate.get("language", ""),
                        suggested=candidate["text"],
                        approve="approve" in request.POST,
                        text=form.cleaned_data["text"],
                    )
                except services.ReviewError as error:
                    form.add_error(
                        "text",
                        _("Only remove words or replace them with a placeholder such as [NAME].")
                        if str(error) == "added"
                        else _(
                            "It still holds something shaped like an email address, a phone "
                            "number, a postal code or a SIN: remove it first."
                        ),
                    )
                else:
                    messages.success(request, _("Quote decision saved."))
                    return redirect("analysis:quotes", pk=pk, number=number)
            items.append({"candidate": candidate, "form": form, "decision": existing})
        groups.append({"code": code, "name": names.get(code, code).lstrip("— "), "items": items})
    return render(
        request,
        "analysis/quotes.html",
        {"consultation": run.consultation, "run": run, "groups": groups},
    )


@login_required
def agreement(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """A double-coding sample for two analysts, and how far their reviews agree, code by code."""
    run = _done_run(request, pk, number)
    people = selectors.coders(run.consultation)
    form = DoubleCodingForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        first = form.people[form.cleaned_data["first"]]
        second = form.people[form.cleaned_data["second"]]
        chosen = services.assign_double_coding(
            actor=request.user, run=run, first=first, second=second, size=form.cleaned_data["size"]
        )
        messages.success(
            request,
            ngettext(
                "%(n)s record given to both analysts.",
                "%(n)s records given to both analysts.",
                len(chosen),
            )
            % {"n": len(chosen)},
        )
        return redirect(
            f"{reverse('analysis:agreement', kwargs={'pk': pk, 'number': number})}"
            f"?first={first.pk}&second={second.pk}"
        )
    pair = _pair(request, people)
    context: dict[str, Any] = {"consultation": run.consultation, "run": run, "form": form}
    if pair is not None:
        names = dict(_codes(run))
        units, table, disagreements = selectors.agreement_between(
            run, pair[0].pk, pair[1].pk, list(names)
        )
        context |= {
            "pair": pair,
            "units": units,
            "table": [
                (names[row.code].lstrip("— "), row.result) for row in table if row.result.units
            ],
            "disagreements": [
                (
                    row.record,
                    [names.get(code, code).lstrip("— ") for code in row.only_first],
                    [names.get(code, code).lstrip("— ") for code in row.only_second],
                )
                for row in disagreements
            ],
        }
    return render(request, "analysis/agreement.html", context)


def _pair(request: HttpRequest, people: list[Any]) -> tuple[Any, Any] | None:
    by_id = {str(person.pk): person for person in people}
    first, second = (
        by_id.get(request.GET.get("first", "")),
        by_id.get(request.GET.get("second", "")),
    )
    if first is None or second is None or first == second:
        return None
    return first, second


def _value_labels(run: Run, segment: str) -> dict[str, str]:
    """Segment values as people read them, in the page's language."""
    french = active_language() == "fr"
    if segment == "source":
        return {
            "questionnaire": _("Questionnaire"),
            "session-notes": _("Session notes"),
            "imported": _("Imported files"),
        }
    if segment == "question":
        return {
            q.name: (q.label_fr if french else q.label_en)
            for q in selectors.text_questions(run.consultation)
        } | selectors.file_labels(run.consultation)
    if segment == "region":
        # The questionnaire's answers may name them in lower case ("on"); the labels are the same.
        labels = {str(choice.value): str(choice.label) for choice in Region}
        return labels | {key.lower(): label for key, label in labels.items()}
    if segment == "sector":
        return {
            sector.key: str(sector.name)
            for sector in Sector.objects.filter(consultation=run.consultation)
        }
    if segment == "language":
        return {"en": _("English"), "fr": _("French"), "und": _("Language not known")}
    if segment == "channel":
        return {
            "online": _("Online"),
            "email": _("By email"),
            "paper": _("On paper"),
            "session": _("Sessions"),
            "other": _("Other"),
        }
    return {}


def _label_names(run: Run, summary: dict[str, Any]) -> dict[str, str]:
    names = {key: name.lstrip("— ") for key, name in _codes_of_run(run)}
    french = active_language() == "fr"
    for theme in summary.get("themes", {}).get("themes", []):
        phrases = theme["key_phrases"].get("fr" if french else "en") or theme["key_phrases"].get(
            "en", []
        )
        names[theme["id"]] = _("Theme %(id)s: %(phrases)s") % {
            "id": theme["id"],
            "phrases": ", ".join(phrases[:3]),
        }
    return names


def _codes_of_run(run: Run) -> list[tuple[str, str]]:
    return code_choices(codebook_from_dict(run.codebook)) if run.codebook else []


@login_required
def findings(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """How often each code and theme comes up, by segment, with intervals and charts. Everyone on
    the consultation sees these counts; leads and analysts can open the records behind them."""
    consultation = consultation_for(request, pk)
    run = get_object_or_404(
        Run.objects.defer("summary"), consultation=consultation, number=number, state=Run.State.DONE
    )
    summary = selectors.summary_of(run)
    available = [
        segment
        for segment in explorer.SEGMENTS
        if segment in (summary.get("prevalence") or {}).get("segments", {})
    ]
    segment = request.GET.get("segment", "")
    if segment not in available:
        segment = "sector" if "sector" in available else (available[0] if available else "")
    basis = request.GET.get("basis", "deduplicated")
    if basis not in explorer.BASES:
        basis = "deduplicated"
    names = _label_names(run, summary)
    values, rows = explorer.table(summary, names, segment, basis) if segment else ([], [])
    order = {label: position for position, label in enumerate(names)}  # codes, then themes
    rows.sort(key=lambda row: order.get(row.label, len(order)))
    value_labels = _value_labels(run, segment)
    chosen = next((row for row in rows if row.label == request.GET.get("label")), None)
    chosen = chosen or (rows[0] if rows else None)
    french = active_language() == "fr"
    may_read = may_read_answers(request, consultation)
    records_url = reverse("analysis:records", kwargs={"pk": pk, "number": number})
    table = [
        {
            "row": row,
            "overall": explorer.shown(
                row.overall, french, f"{records_url}?{urlencode({'code': row.label})}"
            ),
            "cells": [
                explorer.shown(
                    cell,
                    french,
                    f"{records_url}?"
                    + urlencode({"code": row.label, "segment": f"{segment}:{cell.value}"}),
                )
                for cell in row.cells
            ],
        }
        for row in rows
    ]
    return render(
        request,
        "analysis/findings.html",
        {
            "consultation": consultation,
            "run": run,
            "segments": [(name, _segment_name(name)) for name in available],
            "segment": segment,
            "segment_name": _segment_name(segment),
            "basis": basis,
            "values": [(value, value_labels.get(value, value)) for value in values],
            "rows": table,
            "chosen": chosen,
            "chart": explorer.chart(chosen, value_labels) if chosen else None,
            "emerging": explorer.emerging(summary, names),
            "may_read": may_read,
            "records_word": (_("record"), _("records")),
        },
    )


def _segment_name(segment: str) -> str:
    return {
        "source": _("Source"),
        "question": _("Question"),
        "sector": _("Sector"),
        "region": _("Province or territory"),
        "event": _("Session"),
        "language": _("Language"),
        "channel": _("Channel"),
    }.get(segment, segment)


@login_required
def campaigns(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """Each campaign: its text, how many sent it, and the words members added of their own."""
    run = _done_run(request, pk, number)
    rows = []
    for campaign in selectors.summary_of(run).get("campaigns", []):
        size, added = selectors.campaign_members(run, campaign["id"])
        rows.append({"campaign": campaign, "size": size, "added": added})
    return render(
        request,
        "analysis/campaigns.html",
        {"consultation": run.consultation, "run": run, "rows": rows},
    )


EXPORT_TYPES = {
    "qdpx": "application/zip",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
def export_coding(request: HttpRequest, pk: int, number: int, file_format: str) -> HttpResponse:
    """People's coding of the run: a REFI-QDA project, or the coded excerpts as a table."""
    run = _done_run(request, pk, number)
    if file_format not in EXPORT_TYPES:
        raise Http404
    texts, coded = selectors.coded_for_export(run)
    if file_format == "qdpx":
        content = exchange.qdpx(
            name=f"{run.consultation.title_en} (run {run.number})",
            codebook=run.codebook or codebooks.EMPTY,
            texts=texts.values(),
            coded=coded,
            created=timezone.now(),
        )
    else:
        book = codebook_from_dict(run.codebook or codebooks.EMPTY)
        names = {code.key: (code.name_en, code.name_fr) for code in book.walk()}
        rows = exchange.excerpt_rows(texts, coded, names)
        content = (
            exchange.excerpts_csv(rows) if file_format == "csv" else exchange.excerpts_xlsx(rows)
        )
    services.coding_exported(
        actor=request.user, run=run, file_format=file_format, records=len(texts)
    )
    response = HttpResponse(content, content_type=EXPORT_TYPES[file_format])
    name = f"{run.consultation.key}-run{run.number}-coding.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
