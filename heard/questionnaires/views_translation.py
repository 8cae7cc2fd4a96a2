"""Staff screens for translating a form written in one language: what lacks the other language,
the files to send to a translator (XLSForm or XLIFF 2), and the import of the filled file."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from heard.consultations.access import consultation_for
from heard.questionnaires import services, translation, xlsform
from heard.questionnaires.forms import TranslationUploadForm
from heard.questionnaires.views_staff import questionnaire_in

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def translation_page(request: HttpRequest, pk: int, qpk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    questionnaire = questionnaire_in(consultation, qpk)
    version = questionnaire.current_version
    upload = TranslationUploadForm()
    problems: list[xlsform.FormProblem] = []
    status = 200
    if request.method == "POST":
        consultation_for(request, pk, lead=True)
        upload = TranslationUploadForm(request.POST, request.FILES)
        if upload.is_valid():
            file = upload.cleaned_data["file"]
            try:
                _version, remaining = translation.import_translation(
                    actor=request.user,
                    questionnaire=questionnaire,
                    data=file.read(),
                    filename=file.name,
                )
            except xlsform.FormError as exc:
                problems, status = exc.problems, 400
            except services.FormChangeRefused:
                upload.add_error(
                    "file",
                    _(
                        "This version already has answers, so its texts cannot change: upload "
                        "the translated form as a new version."
                    ),
                )
                status = 400
            else:
                if remaining:
                    messages.warning(
                        request,
                        _("Translation imported. %(count)d texts still lack their other language.")
                        % {"count": remaining},
                    )
                else:
                    messages.success(
                        request,
                        _("Translation imported: every text is in English and French."),
                    )
                return redirect("questionnaires:translation", pk=pk, qpk=qpk)
        else:
            status = 400
    missing = xlsform.missing_translations(version.definition) if version else []
    return render(
        request,
        "questionnaires/staff/translation.html",
        {
            "consultation": consultation,
            "questionnaire": questionnaire,
            "version": version,
            "missing": missing,
            "upload_form": upload,
            "problems": problems,
        },
        status=status,
    )


@login_required
def translation_file(request: HttpRequest, pk: int, qpk: int) -> HttpResponse:
    """The form for a translator: ?as=xlsx (the XLSForm, both languages' columns) or ?as=xliff."""
    consultation = consultation_for(request, pk)
    questionnaire = questionnaire_in(consultation, qpk)
    version = questionnaire.current_version
    if version is None:
        messages.error(request, _("Upload the form before its translation."))
        return redirect("questionnaires:detail", pk=pk, qpk=qpk)
    base = f"{version.definition.get('form_id') or 'questionnaire'}-v{version.number}"
    if request.GET.get("as") == "xliff":
        try:
            target = translation.target_of(version.definition)
        except translation.NothingToTranslate:
            messages.info(request, _("Every text is already in English and French."))
            return redirect("questionnaires:translation", pk=pk, qpk=qpk)
        response = HttpResponse(
            translation.xliff_for_translation(version.definition, target),
            content_type="application/xliff+xml; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{base}-{target}.xlf"'
        return response
    response = HttpResponse(
        translation.xlsform_for_translation(version.definition), content_type=XLSX
    )
    response["Content-Disposition"] = f'attachment; filename="{base}-translation.xlsx"'
    return response
