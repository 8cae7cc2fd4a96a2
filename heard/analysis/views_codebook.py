"""Staff screens of the codebook: read it as a tree, add and change codes, import and export it.

Everyone on the consultation may read the codebook (it holds no personal data); leads and
analysts change it. Every change is a new revision, in the History; runs keep their own copy.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from heard.analysis import codebooks, selectors
from heard.analysis.engine.codebook import (
    CodebookError,
    codebook_from_bytes,
    codebook_from_dict,
    to_qdc,
    to_toml,
    to_yaml,
)
from heard.analysis.forms import CodebookUploadForm, CodeForm, code_choices
from heard.consultations.access import consultation_for, may_read_answers

MAX_CODEBOOK_FILE = 2 * 1024 * 1024
EXPORTS = {
    "yaml": (to_yaml, "application/yaml"),
    "toml": (to_toml, "application/toml"),
    "qdc": (to_qdc, "application/xml"),
}


def _data(consultation: Any) -> dict[str, Any]:
    codebook = selectors.codebook_of(consultation)
    return codebook.data if codebook else codebooks.EMPTY


@login_required
def codebook(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, answers=request.method == "POST")
    stored = selectors.codebook_of(consultation)
    may_edit = may_read_answers(request, consultation)
    upload = CodebookUploadForm(request.POST or None, request.FILES or None) if may_edit else None
    problems: list[str] = []
    if request.method == "POST" and upload is not None and upload.is_valid():
        file = upload.cleaned_data["file"]
        if file.size > MAX_CODEBOOK_FILE:
            upload.add_error("file", _("The file is larger than 2 MB."))
        else:
            try:
                parsed = codebook_from_bytes(file.read(), file.name)
            except CodebookError as error:
                problems = [str(problem) for problem in error.problems]
                upload.add_error(
                    "file",
                    ngettext(
                        "The codebook has %(n)s problem; nothing was changed.",
                        "The codebook has %(n)s problems; nothing was changed.",
                        len(problems),
                    )
                    % {"n": len(problems)},
                )
            else:
                changed = codebooks.replace_codebook(
                    actor=request.user, consultation=consultation, data=parsed.to_dict()
                )
                if changed:
                    messages.success(
                        request,
                        _("Codebook replaced: revision %(n)s.") % {"n": changed.revision},
                    )
                else:
                    messages.info(request, _("The file holds the same codebook; nothing changed."))
                return redirect("analysis:codebook", pk=pk)
    return render(
        request,
        "analysis/codebook.html",
        {
            "consultation": consultation,
            "codebook": stored,
            "codes": _data(consultation)["codes"],
            "may_edit": may_edit,
            "upload": upload,
            "problems": problems,
        },
    )


@login_required
def export(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    consultation = consultation_for(request, pk)
    if file_format not in EXPORTS:
        raise Http404
    stored = selectors.codebook_of(consultation)
    if stored is None:
        raise Http404
    write, content_type = EXPORTS[file_format]
    response = HttpResponse(write(codebook_from_dict(stored.data)), content_type=content_type)
    name = f"{consultation.key}-codebook-r{stored.revision}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def code_edit(request: HttpRequest, pk: int, key: str | None = None) -> HttpResponse:
    """Add a code (no key) or change one."""
    consultation = consultation_for(request, pk, answers=True)
    data = _data(consultation)
    engine = codebook_from_dict(data)
    existing = None
    parent = None
    if key is not None:
        try:
            existing = engine.get(key)
        except KeyError:
            raise Http404 from None
        path = engine.path(key)
        parent = path[-2] if len(path) > 1 else None
    parents = [
        (choice, name)
        for choice, name in code_choices(engine)
        if existing is None or choice not in {code.key for code in _subtree(existing)}
    ]
    initial = CodeForm.initial_from(existing.to_dict(), parent) if existing else {}
    if request.method == "GET" and existing is None and request.GET.get("parent"):
        initial["parent"] = request.GET["parent"][:60]
    deleting = request.method == "POST" and "delete" in request.POST and key is not None
    form = CodeForm(
        request.POST if request.method == "POST" and not deleting else None,
        initial=initial,
        parents=parents,
    )
    refusal = ""
    if deleting and key is not None:
        try:
            codebooks.delete_code(actor=request.user, consultation=consultation, key=key)
        except codebooks.CodeError as error:
            refusal = error.problems.get("key", str(error))
        else:
            messages.success(request, _("Code deleted."))
            return redirect("analysis:codebook", pk=pk)
    elif request.method == "POST" and form.is_valid():
        try:
            codebooks.save_code(
                actor=request.user,
                consultation=consultation,
                values=form.values(),
                original=key,
            )
        except codebooks.CodeError as error:
            for name, message in error.problems.items():
                form.add_error(name if name in form.fields else None, message)
        else:
            messages.success(request, _("Codebook saved."))
            return redirect("analysis:codebook", pk=pk)
    return render(
        request,
        "analysis/code_form.html",
        {"consultation": consultation, "form": form, "existing": existing, "refusal": refusal},
    )


def _subtree(code: Any) -> list[Any]:
    found = [code]
    for child in code.children:
        found.extend(_subtree(child))
    return found
