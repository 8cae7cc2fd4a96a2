"""The public site: the hub of consultations and each consultation's page."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, override

from heard.consultations import public_cache, selectors
from heard.consultations.page import page_context, status_message
from heard.consultations.selectors import HubFilters
from heard.consultations.status import Phase
from heard.core.context_processors import OTHER_LANGUAGE


def home(request: HttpRequest) -> HttpResponseRedirect:
    return redirect("consultations:hub")


def _filters_from(request: HttpRequest) -> tuple[HubFilters, list[str]]:
    """Read the hub's filters; anything unusable is ignored and named back to the reader."""
    ignored = []
    phase = None
    raw_status = request.GET.get("status", "")
    if raw_status:
        try:
            phase = Phase(raw_status)
        except ValueError:
            ignored.append("status")
    year = None
    raw_year = request.GET.get("year", "")
    if raw_year:
        if raw_year.isdigit() and 1900 < int(raw_year) < 3000:
            year = int(raw_year)
        else:
            ignored.append("year")
    return (
        HubFilters(
            query=request.GET.get("q", "").strip()[:200],
            phase=phase,
            year=year,
            subject=request.GET.get("subject", "").strip()[:80],
        ),
        ignored,
    )


@public_cache.public_page
def hub(request: HttpRequest) -> HttpResponse:
    moment = timezone.now()
    filters, ignored = _filters_from(request)
    consultations = list(selectors.hub_consultations(filters, moment=moment))
    entries = []
    for consultation in consultations:
        status = consultation.status_at(moment)
        entries.append(
            {
                "consultation": consultation,
                "status": status,
                "message": status_message(consultation, status),
            }
        )
    response = render(
        request,
        "consultations/hub.html",
        {
            "entries": entries,
            "filters": filters,
            "ignored": ignored,
            "phases": [
                (Phase.OPEN, "open"),
                (Phase.UPCOMING, "upcoming"),
                (Phase.CLOSED, "closed"),
            ],
            "years": selectors.hub_years(),
            "subjects": selectors.hub_subjects(),
            "filtered": bool(filters.query or filters.phase or filters.year or filters.subject),
        },
    )
    return public_cache.valid_until(response, consultations, moment)


def consultation_url(consultation: object, language: str) -> str:
    with override(language):
        return reverse(
            "consultations:detail", kwargs={"slug": getattr(consultation, f"slug_{language}")}
        )


@public_cache.public_page
def consultation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    consultation = selectors.published_by_slug(language, slug)
    if consultation is None:
        raise Http404
    own_slug = getattr(consultation, f"slug_{language}")
    if slug != own_slug:
        # A link shared from the other language: send the reader to this language's address.
        return redirect(consultation_url(consultation, language), permanent=True)
    moment = timezone.now()
    context = page_context(consultation, moment=moment)
    context["alternate_url"] = consultation_url(consultation, OTHER_LANGUAGE[language])
    response = render(request, "consultations/detail.html", context)
    return public_cache.valid_until(response, [consultation], moment)
