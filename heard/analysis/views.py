"""Staff screens of the analysis: runs (start, follow, cancel, results) and the review of records.

Leads and analysts start runs and read records; facilitators and viewers see the runs' counts only
(`consultation_for(..., answers=True)` guards every page that shows text). Reading a record's text
is written to the History.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from heard.analysis import selectors, services
from heard.analysis.engine.language import sentence_spans
from heard.analysis.forms import ExcerptForm, ReviewForm, StartRunForm, code_choices
from heard.analysis.models import Decision, Run, RunRecord
from heard.analysis.status import run_status
from heard.consultations import selectors as consultation_selectors
from heard.consultations.access import consultation_for, may_read_answers
from heard.consultations.models import Consultation
from heard.core import limits

CAMPAIGN_ID = re.compile(r"C[0-9a-f]{1,40}")


def _run(request: HttpRequest, pk: int, number: int, *, answers: bool = False) -> Run:
    consultation = consultation_for(request, pk, answers=answers)
    return get_object_or_404(
        Run.objects.select_related("consultation", "job", "baseline", "created_by").defer(
            "summary"
        ),
        consultation=consultation,
        number=number,
    )


def _start_form(request: HttpRequest, consultation: Consultation) -> StartRunForm:
    baselines = [
        other
        for other in consultation_selectors.consultations_for(request.user).exclude(
            pk=consultation.pk
        )
    ]
    return StartRunForm(
        request.POST if request.method == "POST" else None,
        questions=selectors.text_questions(consultation),
        has_codebook=selectors.codebook_of(consultation) is not None,
        baselines=baselines,
        files=list(selectors.record_files(consultation)),
    )


@login_required
def home(request: HttpRequest, pk: int) -> HttpResponse:
    """The consultation's analysis runs, and (for leads and analysts) a form to start one."""
    consultation = consultation_for(request, pk, answers=request.method == "POST")
    may_run = may_read_answers(request, consultation)
    form = _start_form(request, consultation) if may_run else None
    if request.method == "POST" and form is not None and form.is_valid():
        run = services.start_run(
            actor=request.user,
            consultation=consultation,
            questions=form.cleaned_data["questions"],
            notes=form.cleaned_data["notes"],
            files=form.cleaned_data.get("imported") or [],
            use_codebook=form.cleaned_data["use_codebook"],
            baseline=form.baseline_consultation(),
        )
        return redirect("analysis:run", pk=pk, number=run.number)
    return render(
        request,
        "analysis/home.html",
        {
            "consultation": consultation,
            "runs": selectors.runs_of(consultation),
            "form": form,
            "codebook": selectors.codebook_of(consultation),
        },
    )


@login_required
def run(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """One run: its progress while it runs, what it found once done."""
    analysis = _run(request, pk, number)
    consultation = analysis.consultation
    status = run_status(analysis)
    context: dict[str, Any] = {
        "consultation": consultation,
        "run": analysis,
        "status": status,
        "running": status.running,
        "may_read": may_read_answers(request, consultation),
    }
    if analysis.state == Run.State.DONE:
        summary = selectors.summary_of(analysis)
        counts = selectors.people_counts(analysis)
        codes = [
            {**code, "people": counts.get(code["key"], {"kept": 0, "rejected": 0})}
            for code in summary.get("codes", [])
        ]
        context |= {
            "summary": summary,
            "codes": codes,
            "themes": summary.get("themes", {}).get("themes", []),
            "progress": selectors.review_progress(analysis),
            "sources": selectors.source_labels(analysis),
        }
    return render(request, "analysis/run.html", context)


def _source_choices(analysis: Run) -> list[tuple[str, str, str]]:
    """(source, question, label) for the records filter, labels in the page's language."""
    name = selectors.source_namer(analysis.consultation)
    return [
        (source, question, name(source, question))
        for source, question in selectors.sources_of_run(analysis)
    ]


@login_required
def run_state(request: HttpRequest, pk: int, number: int) -> JsonResponse:
    """Where the run stands, for the page's script: stage and counts, no text."""
    status = run_status(_run(request, pk, number))
    return JsonResponse(
        {
            "state": status.state,
            "finished": not status.running,
            "status": status.sentence,
            "done": status.done,
            "total": status.total,
        }
    )


@login_required
@require_POST
def cancel(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    analysis = _run(request, pk, number, answers=True)
    state = services.cancel_run(actor=request.user, run=analysis)
    if state == Run.State.CANCELLED:
        messages.success(request, _("The analysis was cancelled."))
    elif state == Run.State.RUNNING:
        messages.info(request, _("The analysis will stop at its next step."))
    return redirect("analysis:run", pk=pk, number=number)


def _filters(request: HttpRequest) -> selectors.RecordFilter:
    get, user = request.GET, request.user
    source, _colon, question = get.get("where", "").partition(":")
    return selectors.RecordFilter(
        source=source[:20],
        question=question[: limits.DISCUSSION_QUESTION] if source else "",
        code=get.get("code", "")[:60],
        reviewed=get.get("reviewed", "") if get.get("reviewed") in ("yes", "no") else "",
        campaign=_campaign_filter(get.get("campaign", "")),
        assigned_to=user.pk if get.get("mine") == "1" else None,
        code_next=get.get("next") == "1",
        segment=get.get("segment", "")[:200],
    )


def _campaign_filter(value: str) -> str:
    return value if value in ("yes", "no") or CAMPAIGN_ID.fullmatch(value) else ""


def _query(chosen: selectors.RecordFilter) -> str:
    values = {
        "where": f"{chosen.source}:{chosen.question}" if chosen.source else "",
        "code": chosen.code,
        "reviewed": chosen.reviewed,
        "campaign": chosen.campaign,
        "mine": "1" if chosen.assigned_to is not None else "",
        "next": "1" if chosen.code_next else "",
        "segment": chosen.segment,
    }
    return urlencode({key: value for key, value in values.items() if value})


@login_required
def records(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """The run's records, a page at a time, filtered; each opens its review."""
    analysis = _run(request, pk, number, answers=True)
    chosen = _filters(request)
    paginator = Paginator(selectors.records_of_run(analysis, chosen), selectors.PAGE_SIZE)
    if chosen == selectors.RecordFilter():
        paginator.count = analysis.records_raw  # known: no need to count 100,000 rows
    page = paginator.get_page(request.GET.get("page"))
    rows = list(page.object_list)
    services.records_listed(actor=request.user, run=analysis, records=rows)
    codebook = selectors.engine_codebook(analysis.codebook) if analysis.codebook else None
    names = dict(code_choices(codebook)) if codebook else {}
    return render(
        request,
        "analysis/records.html",
        {
            "consultation": analysis.consultation,
            "run": analysis,
            "page": page,
            "rows": selectors.record_rows(rows, names),
            "chosen": chosen,
            "query": _query(chosen),
            "codes": code_choices(codebook) if codebook else [],
            "sources": _source_choices(analysis),
        },
    )


@login_required
def record(request: HttpRequest, pk: int, number: int, position: int) -> HttpResponse:
    """One record: its redacted text, the engine's codes and people's verdicts; review it."""
    analysis = _run(request, pk, number, answers=True)
    item = get_object_or_404(RunRecord, run=analysis, position=position)
    item.run = analysis
    chosen = _filters(request)
    codebook = selectors.engine_codebook(analysis.codebook) if analysis.codebook else None
    codes = code_choices(codebook) if codebook else []
    names = dict(codes)
    lines = selectors.code_lines(item)
    # Double coding is blind: until an analyst has reviewed a record of their sample, they do not
    # see anyone else's verdicts on it.
    blind = selectors.blind_for(item, request.user)
    if blind:
        for line in lines:
            line.decisions = [d for d in line.decisions if d.analyst_id == request.user.pk]
        lines = [line for line in lines if line.engine is not None or line.decisions]
    mine = {
        line.code: decision.verdict
        for line in lines
        for decision in line.decisions
        if decision.analyst_id == request.user.pk
    }
    shown = [
        (line.code, names.get(line.code, line.code).lstrip("— "), mine.get(line.code, ""))
        for line in lines  # the engine's codes and every code a person gave or refused
    ]
    spans = sentence_spans(item.text)
    sentences = [(start, end, item.text[start:end]) for start, end in spans]
    review_form = ReviewForm(
        request.POST if request.method == "POST" and "review" in request.POST else None,
        codes=codes,
        shown=shown,
    )
    excerpt_form = ExcerptForm(
        request.POST if request.method == "POST" and "excerpt" in request.POST else None,
        codes=codes,
        sentences=sentences,
    )
    before, after = selectors.neighbours(analysis, item, chosen)
    query = _query(chosen)
    if request.method == "POST":
        known = set(names)
        if "review" in request.POST and review_form.is_valid():
            services.save_review(
                actor=request.user,
                record=item,
                verdicts=review_form.verdicts(),
                added=review_form.cleaned_data["added"],
                known_codes=known,
            )
            messages.success(request, _("Review saved."))
            target = after if after is not None and "next" in request.POST else position
            return _to_record(pk, number, target, query)
        if "excerpt" in request.POST and excerpt_form.is_valid():
            start, end = excerpt_form.cleaned_data["span"]
            try:
                services.code_excerpt(
                    actor=request.user,
                    record=item,
                    code=excerpt_form.cleaned_data["code"],
                    start=start,
                    end=end,
                    known_codes=known,
                )
            except services.ReviewError:
                excerpt_form.add_error(None, _("That part of the text is empty."))
            else:
                messages.success(request, _("Excerpt coded."))
                return _to_record(pk, number, position, query)
        if "remove_excerpt" in request.POST:
            decision = get_object_or_404(
                Decision,
                pk=request.POST.get("remove_excerpt"),
                consultation=analysis.consultation,
                record_key=item.key,
                analyst=request.user,
            )
            services.remove_excerpt(actor=request.user, decision=decision)
            messages.success(request, _("Excerpt code removed."))
            return _to_record(pk, number, position, query)
    else:
        services.record_read(actor=request.user, record=item)
    return render(
        request,
        "analysis/record.html",
        {
            "consultation": analysis.consultation,
            "run": analysis,
            "record": item,
            "lines": lines,
            "names": names,
            "review_form": review_form,
            "verdict_rows": [
                (review_form[f"code_{line.code}"], line)
                for line in lines
                if f"code_{line.code}" in review_form.fields
            ],
            "excerpt_form": excerpt_form,
            "excerpts": [
                (decision, names.get(decision.code, decision.code).lstrip("— "))
                for decision in selectors.excerpt_decisions(item)
                if decision.verdict != Decision.Verdict.REJECTED
                and (not blind or decision.analyst_id == request.user.pk)
            ],
            "reviews": selectors.reviews_of(item),
            "before": before,
            "after": after,
            "query": query,
            "has_codebook": codebook is not None,
            "blind": blind,
        },
    )


def _to_record(pk: int, number: int, position: int, query: str) -> HttpResponse:
    url = reverse("analysis:record", kwargs={"pk": pk, "number": number, "position": position})
    return redirect(f"{url}?{query}" if query else url)
