"""Texts received outside Heard (email submissions, letters), imported from a file for analysis.

Leads and analysts import and remove files; a run chooses which files to read. The upload is
read in memory only: Django would otherwise write a file past 2.5 MB to a temporary file, and
these are people's own words, unredacted (heard.analysis.imports stores them encrypted).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from heard.analysis import imports, selectors
from heard.analysis.forms import RecordFileForm
from heard.analysis.models import RecordFile
from heard.consultations.access import consultation_for

#: The largest file kept in memory; a larger one is refused with a message (no temporary file).
MAX_UPLOAD_BYTES = 50 * 1024 * 1024


class _InMemoryUpload(MemoryFileUploadHandler):
    """Keeps an upload up to MAX_UPLOAD_BYTES in memory; past that, no handler takes the file
    and the form says it is missing or too large."""

    def handle_raw_input(self, *args: Any, **kwargs: Any) -> None:
        content_length = args[2] if len(args) > 2 else kwargs.get("content_length", 0)
        self.activated = content_length <= MAX_UPLOAD_BYTES


@csrf_exempt  # the upload handlers must be set before the CSRF check reads the body
@login_required
def files(request: HttpRequest, pk: int) -> HttpResponse:
    request.upload_handlers = [_InMemoryUpload(request)]
    return _files(request, pk)


@csrf_protect
def _files(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, answers=True)
    form = RecordFileForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST":
        length = request.META.get("CONTENT_LENGTH") or "0"
        if length.isdigit() and int(length) > MAX_UPLOAD_BYTES:
            problems = [
                _("The file is larger than %(mb)s MB: split it into several files.")
                % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)}
            ]
        elif form.is_valid():
            upload = form.cleaned_data["upload"]
            try:
                record_file = imports.import_file(
                    actor=request.user,
                    consultation=consultation,
                    name=form.cleaned_data["name"].strip(),
                    channel=form.cleaned_data["channel"],
                    filename=upload.name,
                    content=upload.read(),
                )
            except imports.ImportProblems as refused:
                problems = refused.problems
            else:
                messages.success(
                    request,
                    _("%(n)s texts imported from %(name)s. Choose the file when you start a run.")
                    % {"n": record_file.records, "name": record_file.name},
                )
                return redirect("analysis:files", pk=pk)
    return render(
        request,
        "analysis/files.html",
        {
            "consultation": consultation,
            "form": form,
            "problems": problems,
            "record_files": selectors.record_files(consultation),
            "max_mb": MAX_UPLOAD_BYTES // (1024 * 1024),
        },
    )


@require_POST
@login_required
def delete_file(request: HttpRequest, pk: int, file_pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, answers=True)
    record_file = get_object_or_404(RecordFile, consultation=consultation, pk=file_pk)
    imports.delete_file(actor=request.user, record_file=record_file)
    messages.success(request, _("%(name)s removed.") % {"name": record_file.name})
    return redirect("analysis:files", pk=pk)
