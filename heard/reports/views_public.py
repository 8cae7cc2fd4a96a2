"""A published report on the public site, in the reader's language: the newest published
version, or an earlier one (kept when a correction replaced it)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import override

from heard.consultations import selectors as consultation_selectors
from heard.consultations.models import Consultation
from heard.core.bilingual import active_language
from heard.core.context_processors import OTHER_LANGUAGE
from heard.reports.models import Report


def _url(consultation: Consultation, key: str, language: str, number: int | None) -> str:
    slug = getattr(consultation, f"slug_{language}")
    with override(language):
        if number is None:
            return reverse("reports:public", kwargs={"slug": slug, "key": key})
        return reverse(
            "reports:public_version", kwargs={"slug": slug, "key": key, "number": number}
        )


def public(request: HttpRequest, slug: str, key: str, number: int | None = None) -> HttpResponse:
    language = active_language()
    consultation = consultation_selectors.published_by_slug(language, slug)
    if consultation is None:
        raise Http404
    if slug != getattr(consultation, f"slug_{language}"):
        return redirect(_url(consultation, key, language, number), permanent=True)
    report = get_object_or_404(Report, consultation=consultation, kind=key)
    published = list(report.versions.filter(published_at__isnull=False).order_by("-number"))
    if not published:
        raise Http404
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
        },
    )
