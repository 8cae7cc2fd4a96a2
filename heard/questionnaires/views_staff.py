"""Staff screens for the questionnaire: set-up, the form and its versions, inviting, requests,
reminders, the dashboard, reading and entering answers, withdrawing, exports."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from heard.consultations.access import consultation_for, may_read_answers, may_see_contact_data
from heard.consultations.models import Consultation
from heard.consultations.services import PublishRefused
from heard.questionnaires import (
    selectors,
    services,
    xlsform,
    xlsform_export,
    xlsform_files,
)
from heard.questionnaires.form import Form
from heard.questionnaires.forms import (
    AttachForm,
    QuestionnaireForm,
    UploadForm,
)
from heard.questionnaires.models import (
    AccessRequest,
    Questionnaire,
    QuestionnaireVersion,
    Respondent,
)
from heard.questionnaires.readiness import asks_a_question
from heard.questionnaires.views_media import media_response
from heard.questionnaires.xlsform_vocabulary import UNANSWERED_TYPES
from heard.stakeholders import outreach
from heard.stakeholders.forms import AudienceForm


def questionnaire_in(consultation: Consultation, qpk: int) -> Questionnaire:
    return get_object_or_404(
        Questionnaire.objects.select_related("consultation"), pk=qpk, consultation=consultation
    )


@login_required
def questionnaire_list(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    questionnaires = list(consultation.questionnaires.all())
    return render(
        request,
        "questionnaires/staff/list.html",
        {
            "consultation": consultation,
            "rows": [{"q": q, "totals": selectors.totals(q)} for q in questionnaires],
        },
    )


@login_required
def questionnaire_edit(request: HttpRequest, pk: int, qpk: int | None = None) -> HttpResponse:
    consultation = consultation_for(request, pk, lead=True)
    instance = questionnaire_in(consultation, qpk) if qpk else None
    form = QuestionnaireForm(request.POST or None, instance=instance, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if instance is None:
            instance = services.create_questionnaire(
                actor=request.user, consultation=consultation, **fields
            )
            messages.success(request, _("Questionnaire created. Next, upload its XLSForm."))
        else:
            if services.update_questionnaire(actor=request.user, questionnaire=instance, **fields):
                messages.success(request, _("Changes saved."))
            else:
                messages.info(request, _("Nothing had changed."))
        return redirect("questionnaires:detail", pk=pk, qpk=instance.pk)
    return render(
        request,
        "questionnaires/staff/edit.html",
        {"consultation": consultation, "questionnaire": instance, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def questionnaire_detail(
    request: HttpRequest,
    pk: int,
    qpk: int,
    *,
    problems: list[xlsform.FormProblem] | None = None,
    attach_form: AttachForm | None = None,
) -> HttpResponse:
    consultation = consultation_for(request, pk)
    questionnaire = questionnaire_in(consultation, qpk)
    upload = UploadForm(initial={"language": "fr" if request.LANGUAGE_CODE == "fr" else "en"})
    problems = problems or []
    status = 400 if problems or (attach_form is not None and attach_form.errors) else 200
    if request.method == "POST" and attach_form is None:
        consultation_for(request, pk, lead=True)
        upload = UploadForm(request.POST, request.FILES)
        if upload.is_valid():
            data = upload.cleaned_data["file"].read()
            try:
                version = services.upload_form(
                    actor=request.user,
                    questionnaire=questionnaire,
                    data=data,
                    filename=upload.cleaned_data["file"].name,
                    new_version=upload.cleaned_data["new_version"],
                    language=upload.cleaned_data["language"] or "en",
                    attachments=upload.cleaned_data["attachments"],
                )
            except xlsform.FormError as exc:
                problems, status = exc.problems, 400
            except services.FormChangeRefused:
                upload.add_error(
                    "new_version",
                    _(
                        "This version already has answers, so it cannot be changed. Tick the box "
                        "to start a new version: the answers already given keep theirs."
                    ),
                )
                status = 400
            else:
                messages.success(
                    request,
                    _("Version %(number)d is ready: %(count)d questions on %(pages)d pages.")
                    % {
                        "number": version.number,
                        "count": sum(
                            1
                            for f in version.definition["fields"]
                            if f["type"] not in UNANSWERED_TYPES
                        ),
                        "pages": len(Form(version.definition).pages),
                    },
                )
                if version.definition.get("read_as_empty"):
                    messages.info(
                        request,
                        _(
                            "The form reads answers that are always empty in Heard "
                            "(${last-saved#…}, or a row set aside): the form's screen says where "
                            "and why."
                        ),
                    )
                set_aside = version.definition.get("set_aside", [])
                if set_aside:
                    messages.info(
                        request,
                        ngettext(
                            "%(count)d row was not imported (%(types)s): it records something "
                            "a web questionnaire cannot. The form's screen says why.",
                            "%(count)d rows were not imported (%(types)s): they record "
                            "something a web questionnaire cannot. The form's screen says why.",
                            len(set_aside),
                        )
                        % {
                            "count": len(set_aside),
                            "types": ", ".join(dict.fromkeys(r["type"] for r in set_aside)),
                        },
                    )
                _warn_asks_nothing(request, version)
                missing = len(xlsform.missing_translations(version.definition))
                if missing:
                    messages.warning(
                        request,
                        _(
                            "%(count)d texts are in one language only: the questionnaire cannot "
                            "open until they are translated."
                        )
                        % {"count": missing},
                    )
                    return redirect("questionnaires:translation", pk=pk, qpk=qpk)
                _warn_missing_files(request, version)
                return redirect("questionnaires:detail", pk=pk, qpk=qpk)
        else:
            status = 400
    versions = list(questionnaire.versions.all().order_by("-number").prefetch_related("responses"))
    stops = questionnaire.stops()
    return render(
        request,
        "questionnaires/staff/detail.html",
        {
            "consultation": consultation,
            "questionnaire": questionnaire,
            "versions": [{"v": v, "answers": v.responses.count()} for v in versions],
            "upload_form": upload,
            "problems": problems,
            "totals": selectors.totals(questionnaire),
            "invite_form": AudienceForm(consultation=consultation),
            "request_url": request.build_absolute_uri(
                reverse("questionnaire_request", args=[questionnaire.pk])
            ),
            "can_read": may_read_answers(request, consultation),
            "untranslated": len(stops.get("untranslated", [])),
            "files": _files(questionnaire),
            "asks_nothing": stops.get("asks_nothing", False),
            **_left_out(questionnaire),
            "files_read_by_pulldata": any(f.get("data") for f in _files(questionnaire)),
            "attach_form": attach_form or AttachForm(),
        },
        status=status,
    )


def _files(questionnaire: Questionnaire) -> list[dict[str, Any]]:
    """The files the current version names, attached or not: files of choices and data, then
    the pictures, recordings and videos it shows."""
    version = questionnaire.current_version
    if version is None:
        return []
    return [
        {"name": name, **entry}
        for name, entry in sorted(version.definition.get("files", {}).items())
    ] + [
        {"name": name, **entry, "media": True}
        for name, entry in sorted(version.definition.get("media", {}).items())
    ]


def _left_out(questionnaire: Questionnaire) -> dict[str, list[dict[str, Any]]]:
    """What the current version's import left out or changed: the rows set aside, each with why
    in the page's language, the cells reading ${last-saved#…} (always empty), and the loops
    written out as groups."""
    version = questionnaire.current_version
    definition = version.definition if version is not None else {}
    return {
        "set_aside": [{**row, "why": _(row["why"])} for row in definition.get("set_aside", [])],
        "read_as_empty": definition.get("read_as_empty", []),
        "pictures_alone": definition.get("pictures_alone", []),
        "loops": [
            {**loop, "groups": len(page.get("sections", {}))}
            for loop in definition.get("loops", [])
            for page in definition["pages"]
            if page["name"] == loop["name"]
        ],
    }


def _warn_missing_files(request: HttpRequest, version: QuestionnaireVersion) -> None:
    missing = version.missing_files()
    if missing:
        messages.warning(
            request,
            _(
                "The form uses files not attached yet: %(names)s. The questionnaire cannot open "
                "until they are."
            )
            % {"names": ", ".join(missing)},
        )


def _warn_asks_nothing(request: HttpRequest, version: QuestionnaireVersion) -> None:
    if not asks_a_question(version.definition):
        messages.warning(
            request,
            _(
                "The form asks no question yet (its rows are notes, calculations or settings): "
                "it is kept as a draft, and the questionnaire cannot open until you upload a "
                "version that asks one."
            ),
        )


@login_required
@require_POST
def attach_files(request: HttpRequest, pk: int, qpk: int) -> HttpResponse:
    """Attach the CSV files of choices the form names."""
    consultation = consultation_for(request, pk, lead=True)
    questionnaire = questionnaire_in(consultation, qpk)
    form = AttachForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            version = services.attach_files(
                actor=request.user,
                questionnaire=questionnaire,
                files=form.cleaned_data["attachments"],
                language="fr" if request.LANGUAGE_CODE == "fr" else "en",
            )
        except xlsform.FormError as exc:
            return questionnaire_detail(request, pk, qpk, problems=exc.problems, attach_form=form)
        except services.FormChangeRefused:
            form.add_error(
                "attachments",
                _(
                    "This version already has answers, so its files cannot change. Upload the "
                    "form again with the files, as a new version."
                ),
            )
        else:
            messages.success(
                request,
                _("Attached: %(names)s.")
                % {"names": ", ".join(sorted(form.cleaned_data["attachments"]))},
            )
            _warn_missing_files(request, version)
            return redirect("questionnaires:detail", pk=pk, qpk=qpk)
    return questionnaire_detail(request, pk, qpk, attach_form=form)


@login_required
def download_file(request: HttpRequest, pk: int, qpk: int, number: int, name: str) -> HttpResponse:
    """An attached file of choices, written back from the choices it gave that version."""
    consultation = consultation_for(request, pk)
    questionnaire = questionnaire_in(consultation, qpk)
    version = get_object_or_404(QuestionnaireVersion, questionnaire=questionnaire, number=number)
    media = version.definition.get("media", {}).get(name)
    if media is not None and media["attached"]:
        found = media_response(questionnaire.pk, media["sha256"], name)
        found["Content-Disposition"] = found["Content-Disposition"].replace("inline", "attachment")
        return found
    entry = version.definition.get("files", {}).get(name)
    if entry is None or not entry["attached"]:
        raise Http404
    kinds = {".xml": "application/xml", ".geojson": "application/geo+json"}
    content_type = kinds.get(name[name.rfind(".") :].lower(), "text/csv")
    response = HttpResponse(
        xlsform_files.to_file(version.definition, name),
        content_type=f"{content_type}; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def media(request: HttpRequest, pk: int, qpk: int, sha256: str, name: str) -> HttpResponse:
    """A picture, recording or video of the form, as respondents see it (views_media)."""
    consultation = consultation_for(request, pk)
    questionnaire = questionnaire_in(consultation, qpk)
    return media_response(questionnaire.pk, sha256, name)


@login_required
def download_version(request: HttpRequest, pk: int, qpk: int, number: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    questionnaire = questionnaire_in(consultation, qpk)
    version = get_object_or_404(QuestionnaireVersion, questionnaire=questionnaire, number=number)
    kind = request.GET.get("as", "xlsx")
    base = f"{version.definition.get('form_id') or 'questionnaire'}-v{version.number}"
    if kind == "xml":
        response = HttpResponse(version.xform, content_type="application/xml; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{base}.xml"'
    else:
        response = HttpResponse(
            xlsform_export.to_xlsx(version.definition),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{base}.xlsx"'
    return response


@login_required
@require_POST
def invite(request: HttpRequest, pk: int, qpk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, lead=True)
    questionnaire = questionnaire_in(consultation, qpk)
    if questionnaire.current_version is None:
        messages.error(request, _("Upload the form before inviting anyone."))
    elif (stops := questionnaire.stops())["untranslated"]:
        messages.error(request, _("Translate the form before inviting anyone."))
    elif stops["missing_files"]:
        messages.error(request, _("Attach the files the form uses before inviting anyone."))
    elif stops["asks_nothing"]:
        messages.error(
            request, _("Upload a version of the form that asks a question before inviting anyone.")
        )
    else:
        outreach.invite_from_form(
            request,
            consultation=consultation,
            invite=lambda people: services.invite(
                actor=request.user, questionnaire=questionnaire, people=people
            ),
            done=_(
                "Sent personal links to %(invited)s people. Already invited: %(already)s. Not "
                "contacted at their request: %(dnc)s. The emails are in the outbox."
            ),
        )
    return redirect("questionnaires:detail", pk=pk, qpk=qpk)


@login_required
@require_POST
def remind(request: HttpRequest, pk: int, qpk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, lead=True)
    questionnaire = questionnaire_in(consultation, qpk)
    outreach.remind_and_say(
        request,
        remind=lambda: services.remind(actor=request.user, questionnaire=questionnaire),
        done=_(
            "Reminders queued: %(count)s (at most %(limit)s per person, %(days)s days apart, "
            "only to people who have not sent their answers)."
        ),
        limit=questionnaire.reminder_limit,
        days=questionnaire.reminder_interval_days,
    )
    return redirect("questionnaires:detail", pk=pk, qpk=qpk)


@login_required
@require_POST
def publish_request_link(request: HttpRequest, pk: int, qpk: int) -> HttpResponse:
    """Put "Ask for the questionnaire" among the consultation page's related links."""
    consultation = consultation_for(request, pk, lead=True)
    questionnaire = questionnaire_in(consultation, qpk)
    try:
        # The address the public reaches the site at, as in personal links: staff may work on an
        # internal host name that readers of the consultation page could not follow.
        services.publish_request_link(
            actor=request.user, questionnaire=questionnaire, site=settings.HEARD_PUBLIC_URL
        )
    except PublishRefused as refused:
        _not_linked(request, "; ".join(refused.missing))
    except ValidationError as invalid:
        _not_linked(request, " ".join(invalid.messages))
    else:
        messages.success(request, _("The consultation page now links to the request page."))
    return redirect("questionnaires:detail", pk=pk, qpk=qpk)


def _not_linked(request: HttpRequest, reason: str) -> None:
    messages.error(
        request,
        _("The link was not added to the consultation page: %(reason)s") % {"reason": reason},
    )


@login_required
def access_requests(request: HttpRequest, pk: int, qpk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, lead=True)
    questionnaire = questionnaire_in(consultation, qpk)
    if request.method == "POST":
        chosen = get_object_or_404(
            AccessRequest, pk=request.POST.get("request"), questionnaire=questionnaire
        )
        outcome = services.decide_request(
            actor=request.user, request=chosen, approve=request.POST.get("decision") == "approve"
        )
        messages.success(
            request,
            {
                "approved": _("Approved: a personal link is on its way by email."),
                "declined": _("Declined: a short note is on its way by email."),
            }.get(outcome, _("Someone had already decided on this request.")),
        )
        return redirect("questionnaires:requests", pk=pk, qpk=qpk)
    found = list(questionnaire.access_requests.select_related("sector", "decided_by"))
    return render(
        request,
        "questionnaires/staff/requests.html",
        {
            "consultation": consultation,
            "questionnaire": questionnaire,
            "show_contact": may_see_contact_data(request, consultation),
            "pending": [r for r in found if r.state == AccessRequest.State.PENDING],
            "decided": [r for r in found if r.state != AccessRequest.State.PENDING],
        },
    )


@login_required
def people(request: HttpRequest, pk: int, qpk: int) -> HttpResponse:
    """Who was sent a link, where each one stands, and a way to stop a link."""
    consultation = consultation_for(request, pk, lead=True)
    questionnaire = questionnaire_in(consultation, qpk)
    if request.method == "POST":
        respondent = get_object_or_404(
            Respondent, pk=request.POST.get("respondent"), questionnaire=questionnaire
        )
        services.revoke_link(actor=request.user, respondent=respondent)
        messages.success(request, _("The link was stopped. A reminder would send a new one."))
        return redirect("questionnaires:people", pk=pk, qpk=qpk)
    respondents = list(
        questionnaire.respondents.filter(token_hash__isnull=False)
        .select_related("person", "sector", "response", "request")
        .order_by("invited_at", "id")
    )
    rows = []
    for respondent in respondents:
        response = getattr(respondent, "response", None)
        if respondent.person is not None:
            name = respondent.person.name
        else:
            found = getattr(respondent, "request", None)
            name = found.name if found is not None else ""
        rows.append(
            {
                "respondent": respondent,
                "name": name,
                "state": response.get_state_display() if response else _("Not started"),
                "active": respondent.link_is_valid(),
            }
        )
    return render(
        request,
        "questionnaires/staff/people.html",
        {
            "consultation": consultation,
            "questionnaire": questionnaire,
            "rows": rows,
            "show_contact": may_see_contact_data(request, consultation),
        },
    )


@login_required
def dashboard(request: HttpRequest, pk: int, qpk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    questionnaire = questionnaire_in(consultation, qpk)
    by_sector = selectors.breakdown(questionnaire, "sector")
    by_region = selectors.breakdown(questionnaire, "region")
    days = selectors.by_day(questionnaire)
    return render(
        request,
        "questionnaires/staff/dashboard.html",
        {
            "consultation": consultation,
            "questionnaire": questionnaire,
            "totals": selectors.totals(questionnaire),
            "by_sector": by_sector,
            "by_region": by_region,
            "largest": max([r["invited"] for r in by_sector + by_region] + [1]),
            "days": days,
            "largest_day": max([d["submitted"] for d in days] + [1]),
        },
    )


@login_required
def new_questionnaire(request: HttpRequest, pk: int) -> HttpResponse:
    return questionnaire_edit(request, pk)
