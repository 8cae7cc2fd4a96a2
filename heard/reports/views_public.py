"""A published report on the public site, in the reader's language: the newest published
version, or an earlier one (kept when a correction replaced it)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

from heard.consultations import selectors as consultation_selectors
from heard.consultations.models import Consultation
from heard.core.bilingual import active_language
from heard.core.context_processors import OTHER_LANGUAGE
from heard.reports import files
from heard.reports.models import FileKind, Report, Version

#: How each file of a version is offered, on the public page and on the team's preview.
FILE_LABELS = {
    FileKind.PDF: gettext_lazy("PDF (tagged, accessible)"),
    FileKind.DOCX: gettext_lazy("Word document (DOCX)"),
    FileKind.DATA: gettext_lazy(
        "Open data: the figures as CSV tables (Frictionless data package, ZIP)"
    ),
}


def _url(consultation: Consultation, key: str, language: str, number: int | None) -> str:
    slug = getattr(consultation, f"slug_{language}")
    with override(language):
        if number is None:
            return reverse("reports:public", kwargs={"slug": slug, "key": key})
        return reverse(
            "reports:public_version", kwargs={"slug": slug, "key": key, "number": number}
        )


def _published(slug: str, key: str, language: str) -> tuple[Consultation, list[Version]]:
    consultation = consultation_selectors.published_by_slug(language, slug)
    if consultation is None:
        raise Http404
    report = get_object_or_404(Report, consultation=consultation, kind=key)
    published = list(report.versions.filter(published_at__isnull=False).order_by("-number"))
    if not published:
        raise Http404
    return consultation, published


def public(request: HttpRequest, slug: str, key: str, number: int | None = None) -> HttpResponse:
    language = active_language()
    consultation, published = _published(slug, key, language)
    if slug != getattr(consultation, f"slug_{language}"):
        return redirect(_url(consultation, key, language, number), permanent=True)
    newest = published[0]
    version = newest if number is None else next((v for v in published if v.number == number), None)
    if version is None:
        raise Http404
    return render(
        request,
        "reports/public.html",
        {
            "consultation": consultation,
            "version": version,
            "newest": newest,
            "body": mark_safe(version.html(language)),  # noqa: S308 - rendered by build.render
            "earlier": [
                {"version": v, "url": _url(consultation, key, language, v.number)}
                for v in published
                if v.number != version.number
            ],
            "newest_url": _url(consultation, key, language, None),
            "corrections": [v for v in published if v.correction_en],
            "alternate_url": _url(consultation, key, OTHER_LANGUAGE[language], number),
            "downloads": downloads(version, language, slug),
        },
    )


def downloads(version: Version, language: str, slug: str) -> list[dict[str, object]]:
    """The version's files for the download links, with sizes once they are made."""
    known = files.sizes(version, language)
    return [
        {
            "label": label,
            "size": known.get(kind),
            "url": reverse(
                "reports:download",
                kwargs={
                    "slug": slug,
                    "key": version.report.kind,
                    "number": version.number,
                    "kind": kind,
                },
            ),
        }
        for kind, label in FILE_LABELS.items()
    ]


def download(request: HttpRequest, slug: str, key: str, number: int, kind: str) -> HttpResponse:
    """A published version's PDF, DOCX (in the page's language) or data package."""
    language = active_language()
    if kind not in FileKind.values:
        raise Http404
    _consultation, published = _published(slug, key, language)
    version = next((v for v in published if v.number == number), None)
    if version is None:
        raise Http404
    return file_response(version, kind, language)


def file_response(version: Version, kind: str, language: str) -> HttpResponse:
    made = files.version_file(version, kind, language)
    response = HttpResponse(bytes(made.content), content_type=files.MEDIA_TYPES[FileKind(kind)])
    name = files.filename(version, kind, language)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["ETag"] = f'"{made.sha256}"'
    return response
