"""Staff screens for a questionnaire's responses: the list, one response (with its files), typing
in a response received on paper or by email, withdrawing one, and exports."""

from __future__ import annotations

import io
from datetime import datetime, time
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from heard.consultations.access import consultation_for
from heard.core import audit
from heard.core.reauth import sensitive
from heard.questionnaires import answer_files, exporting, repeats, selectors, services
from heard.questionnaires.form import Form, entry_change
from heard.questionnaires.forms import EntryForm, ExportForm
from heard.questionnaires.models import AnswerFile, Questionnaire, QuestionnaireVersion, Response
from heard.questionnaires.rendering import answer_text, question_label, question_views
from heard.questionnaires.views_staff import questionnaire_in
from heard.questionnaires.xlsform_vocabulary import UNANSWERED_TYPES


@login_required
def responses(request: HttpRequest, pk: int, qpk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, answers=True)
    questionnaire = questionnaire_in(consultation, qpk)
    rows = (
        Response.objects.filter(respondent__questionnaire=questionnaire)
        .select_related("version", "respondent__sector")
        .order_by("-submitted_at", "-saved_at")
    )
    return render(
        request,
        "questionnaires/staff/responses.html",
        {
            "consultation": consultation,
            "questionnaire": questionnaire,
            "responses": rows,
            "export_form": _export_form(questionnaire),
        },
    )


def _response(questionnaire: Questionnaire, rpk: int) -> Response:
    return get_object_or_404(
        Response.objects.select_related("version", "respondent"),
        pk=rpk,
        respondent__questionnaire=questionnaire,
    )


@login_required
def response_detail(request: HttpRequest, pk: int, qpk: int, rpk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, answers=True)
    questionnaire = questionnaire_in(consultation, qpk)
    response = _response(questionnaire, rpk)
    audit.record_view(
        actor=request.user, action="response.viewed", target=response, scope=consultation.scope
    )
    language = request.LANGUAGE_CODE[:2]
    form = Form(response.version.definition)
    values = form.flat(response.answers)
    files = selectors.answer_files(response) if form.has_files else {}
    sections = []
    for page in form.pages:
        rows = [
            {
                "label": question_label(form, name, values, language) or name,
                "answer": answer_text(form, name, values.get(name), language, values=values),
                "file": files.get(name),
            }
            for name in form.names_on(page, values)
            if form.item(name)["type"] not in UNANSWERED_TYPES
        ]
        sections.append({"label": (page.get("label") or {}).get(language, ""), "rows": rows})
    services.record_reading(actor=request.user, response=response)
    return render(
        request,
        "questionnaires/staff/response.html",
        {
            "consultation": consultation,
            "questionnaire": questionnaire,
            "response": response,
            "reference": f"R{response.pk:05d}",
            "sections": sections,
        },
    )


@login_required
def answer_file(request: HttpRequest, pk: int, qpk: int, rpk: int, field: str) -> FileResponse:
    """A file a respondent attached to an answer, as a download (never shown in a page: it came
    from outside), for staff who may read answers; each download is in the History."""
    consultation = consultation_for(request, pk, answers=True)
    questionnaire = questionnaire_in(consultation, qpk)
    response = _response(questionnaire, rpk)
    kept = get_object_or_404(AnswerFile, response=response, field=field)
    services.record_file_download(actor=request.user, file=kept)
    download = FileResponse(
        io.BytesIO(kept.content),
        as_attachment=True,
        filename=kept.name,
        content_type="application/octet-stream",
    )
    download["Cache-Control"] = "no-store"
    return download


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int, qpk: int, rpk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, lead=True)
    questionnaire = questionnaire_in(consultation, qpk)
    response = _response(questionnaire, rpk)
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick the box to confirm that the respondent asked for this."))
        return redirect("questionnaires:response", pk=pk, qpk=qpk, rpk=rpk)
    services.withdraw(actor=request.user, response=response)
    messages.success(request, _("The answers were withdrawn and deleted."))
    return redirect("questionnaires:responses", pk=pk, qpk=qpk)


@login_required
@csrf_exempt  # checked by _enter_response, once the upload handler is in place
def enter_response(request: HttpRequest, pk: int, qpk: int) -> HttpResponse:
    """Type in a response received by email or on paper: every page on one screen. The files that
    came with it stay in memory until kept encrypted (answer_files.KeptInMemory)."""
    if request.method == "POST":
        answer_files.keep_uploads_in_memory(request)
    return _enter_response(request, pk, qpk)


@csrf_protect
def _enter_response(request: HttpRequest, pk: int, qpk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, lead=True)
    questionnaire = questionnaire_in(consultation, qpk)
    version = questionnaire.current_version
    if version is None:
        raise Http404
    language = request.LANGUAGE_CODE[:2]
    form = Form(version.definition)
    meta = EntryForm(request.POST or None, initial={"received_on": timezone.localdate()})
    answers: dict[str, Any] = {}
    errors: dict[str, str] = {}
    change = entry_change(form.repeats, request.POST.get("action", ""))
    change_notice = ""
    # A file question in a repeat is sent once per entry, under its entry name (photo@2).
    sent_in_entries = [k for k in request.FILES if repeats.split(k)[0] in form.field_repeat]
    files = answer_files.read_uploads(
        form,
        [f["name"] for f in form.definition["fields"]] + sent_in_entries,
        request.FILES,
        request.POST,
        {},
    )
    if request.method == "POST":
        posted = answer_files.WithFiles(request.POST, files.answers)
        for page in form.pages:
            answers, page_errors = form.read_page(
                page, posted, answers, language, checking=change is None
            )
            errors.update(page_errors)
        errors.update(files.errors)
        if change is not None and not errors:
            # An entry added or taken out: the screen again, nothing saved yet.
            answers = change(form, answers)
        cleaned = form.clean(answers)
        recounted = [
            key
            for repeat in form.repeats.values()
            if repeat["count"]
            for path in form.outer_paths(repeat["name"], cleaned)
            if request.POST.get(key := form.repeat_key(repeat["name"], path))
            != str(form.count(repeat, cleaned, path))
        ]
        if recounted and change is None:
            # An answer changed how many entries a repeat has: they are to be typed first.
            change_notice = _(
                "An answer changed the number of entries of a repeat: fill them in, then save."
            )
        # A refused answer (too long, say) keeps its own message rather than "Answer this".
        for name, problem in (form.problems(answers, language) if change is None else {}).items():
            errors.setdefault(name, problem)
        if meta.is_valid() and not errors and change is None and not recounted:
            response = services.enter_response(
                actor=request.user,
                questionnaire=questionnaire,
                answers=answers,
                channel=meta.cleaned_data["channel"],
                language=meta.cleaned_data["language"],
                received_on=timezone.make_aware(
                    datetime.combine(meta.cleaned_data["received_on"], time(12, 0))
                ),
                files=files.accepted,
            )
            messages.success(request, _("Response R%(number)05d saved.") % {"number": response.pk})
            return redirect("questionnaires:responses", pk=pk, qpk=qpk)
    # Nothing is saved until the whole screen is: files chosen are chosen again (a browser never
    # fills a file box in), so none is shown as sent.
    values = form.clean({k: v for k, v in answers.items() if k not in files.answers})
    # A refused text answer comes back as it was typed, to be shortened rather than retyped.
    typed = {
        name: request.POST.get(name, "") for name in errors if form.item(name)["type"] == "text"
    }
    pages = [
        {
            "label": (p.get("label") or {}).get(language, ""),
            "questions": question_views(
                form,
                p,
                values,
                language,
                errors,
                typed,
                media_url=lambda sha256, name: reverse(
                    "questionnaires:media", args=[pk, qpk, sha256, name]
                ),
            ),
        }
        for p in form.pages
    ]
    # Paper has no skip logic: every question and choice is offered, and saving drops the
    # answers that do not apply.
    for page in pages:
        for question in page["questions"]:
            question.applies = True
            for part in (*question.entry_opens, *question.closes):
                part.applies = True
            for choice in question.choices:
                choice.available = True
    return render(
        request,
        "questionnaires/staff/enter.html",
        {
            "consultation": consultation,
            "questionnaire": questionnaire,
            "meta": meta,
            "pages": pages,
            "error_list": [(q, q.error) for page in pages for q in page["questions"] if q.error],
            "notice": change_notice,
            "has_files": form.has_files,
        },
        status=400 if request.method == "POST" and change is None and not change_notice else 200,
    )


def _export_form(questionnaire: Questionnaire, data: Any = None) -> ExportForm:
    form = ExportForm(data)
    numbers = list(questionnaire.versions.order_by("-number").values_list("number", flat=True))
    form.fields["version"] = forms.TypedChoiceField(
        label=_("Version"),
        coerce=int,
        choices=[(n, _("Version %(number)d") % {"number": n}) for n in numbers],
        help_text=_("Each version has its own questions, so each is exported on its own."),
    )
    return form


@login_required
@sensitive
def export(request: HttpRequest, pk: int, qpk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, answers=True)
    questionnaire = questionnaire_in(consultation, qpk)
    form = _export_form(questionnaire, request.GET)
    if not form.is_valid():
        messages.error(request, _("Choose a format, a language and a version."))
        return redirect("questionnaires:responses", pk=pk, qpk=qpk)
    version = get_object_or_404(
        QuestionnaireVersion, questionnaire=questionnaire, number=form.cleaned_data["version"]
    )
    rows = list(selectors.export_rows(questionnaire, version.number))
    data, filename, content_type = exporting.export(
        version.definition,
        rows,
        form.cleaned_data["format"],
        language=form.cleaned_data["language"],
    )
    services.record_export(
        actor=request.user,
        questionnaire=questionnaire,
        file_format=form.cleaned_data["format"],
        language=form.cleaned_data["language"],
        version=version.number,
        rows=len(rows),
    )
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
