"""The site's own error pages: 400, 403 (CSRF failures too), 404 and 500.

A page reached under /en/ or /fr/ answers in that language, with the usual link to the same page
in the other language. An address without a language (/r/…, /q/…, /static/…) gets both languages
on one page, the browser's own first. The 500 page is a static file in both languages: it renders
without the database and without the request, whatever went wrong.

settings.CSRF_FAILURE_VIEW and the handlers in heard/urls.py point here. Django logs each of these
responses itself (heard.core.logfilters keeps an expected 403 to one line).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language_from_path, get_language_from_request, override
from django.utils.translation import gettext as _

OTHER = {"en": "fr", "fr": "en"}


def _texts(kind: str) -> tuple[str, list[str]]:
    """The title and paragraphs of a page, in the language active now."""
    if kind == "400":
        return _("The request could not be read"), [
            _(
                "Your browser sent something this site could not understand. Go back, reload "
                "the page and try again."
            )
        ]
    if kind == "403":
        return _("Not allowed"), [_("Your account cannot do this.")]
    if kind == "csrf":
        return _("The form could not be sent"), [
            _(
                "For your security, every form on this site is checked against your browser. "
                "This one could not be: the page may have been open for a long time, you may "
                "have signed in or out in another tab, or your browser may refuse this site's "
                "cookies."
            ),
            _("Go back, reload the page and send the form again."),
        ]
    return _("Page not found"), [_("There is no page at this address, or it is not public.")]


def _links(request: HttpRequest, kind: str) -> list[tuple[str, str]]:
    user = getattr(request, "user", None)  # absent when the request failed early (a bad host)
    if kind in ("403", "csrf") and user is not None and user.is_authenticated:
        return [(reverse("staff:home"), _("Back to my consultations"))]
    return [(reverse("consultations:hub"), _("See all consultations"))]


def _page(request: HttpRequest, kind: str, status: int, reason: str = "") -> HttpResponse:
    language = get_language_from_path(request.path_info)
    if language:
        languages = [language]
    else:
        # From the request itself: some 404s (a static file under the test server) never go
        # through the locale middleware.
        first = get_language_from_request(request)[:2]
        languages = [first if first in OTHER else "en", OTHER.get(first, "fr")]
    sections = []
    for code in languages:
        with override(code):
            title, paragraphs = _texts(kind)
            if reason and len(languages) == 1:
                paragraphs = [reason]  # our own refusals say why, in the page's language
            sections.append(
                {
                    "language": code,
                    "title": title,
                    "paragraphs": paragraphs,
                    "links": _links(request, kind),
                }
            )
    context: dict[str, Any] = {"sections": sections, "bilingual": len(sections) > 1}
    if language:
        # The same address under the other language: the same page, translated.
        rest = request.path_info[len(language) + 2 :]
        context["alternate_url"] = f"{get_script_prefix()}{OTHER[language]}/{rest}"
    with override(languages[0]):
        content = loader.render_to_string("errors/page.html", context, request)
    return HttpResponse(content, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "400", 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "403", 403, reason=str(exception or ""))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    # `reason` is Django's technical wording ("CSRF cookie not set."): logged, never shown.
    return _page(request, "csrf", 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "404", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context and no context processors: nothing here may need the database or the request.
    return HttpResponseServerError(loader.get_template("500.html").render())
