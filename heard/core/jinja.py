"""The Jinja2 environment of the pages a respondent's personal link opens (ADR 0021).

Those pages are the busiest in Heard: a questionnaire sent to thousands asks for each of them
once a question page, and Django's template language spent a third of a web process's time on
them. They are written for Jinja2, which compiles a template to Python once; the rest of the
site keeps Django's templates. What the Django side offers those pages is here under the same
names: `static`, `url`, the i18n functions (Django's catalogue, so one French translation serves
both) and the few filters the pages use, each Django's own function.

Texts to translate are written `{{ _("…") }}`, with `|format(name=…)` for values, so that
`makemessages -e html,txt,py,jinja` (`make messages`) finds them as it finds Django's
`{% translate %}`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import defaultfilters
from django.template.backends.utils import csrf_input
from django.templatetags.static import static as django_static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import json_script
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime  # type: ignore[attr-defined] # not in the stubs
from django.utils.translation import get_language, gettext, ngettext
from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from heard.core.addresses import address
from heard.core.markdown import render_markdown


@lru_cache(maxsize=256)
def static(path: str) -> str:
    """Django's {% static %}: the file's address, with its content's hash in production. The
    same for a given file while the process runs (the manifest is read once), so kept."""
    return django_static(path)


def render_page(
    request: HttpRequest, template_name: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    """Django's `render()` for a Jinja2 page, asked of the Jinja2 engine alone. Without `using`,
    Django's loader asks each engine in turn, and the site's Django engine, listed first, looks
    for the template in every folder before it fails: about 60 µs of every respondent's page."""
    return render(request, template_name, context, status=status, using="jinja2")


def csrf_field(request: HttpRequest) -> dict[str, Any]:
    """Context processor: the CSRF field masked once per page. Django's Jinja2 backend gives a
    `csrf_input` that masks the token again each time a page shows it (a question page has two
    forms), and masking draws 32 random characters."""
    return {"csrf_input": _CsrfField(request)}


class _CsrfField:
    """The page's CSRF field, made when the page first shows it (a page without a form has none
    to make), then shown as made. Lighter than Django's SimpleLazyObject, which a template only
    ever asks for its HTML."""

    __slots__ = ("_html", "_request")

    def __init__(self, request: HttpRequest) -> None:
        self._request = request
        self._html: str | None = None

    def __html__(self) -> str:
        if self._html is None:
            self._html = _csrf_field_once(self._request)
        return self._html

    __str__ = __html__


def _csrf_field_once(request: HttpRequest) -> str:
    field = str(csrf_input(request))
    sent = request.COOKIES.get(settings.CSRF_COOKIE_NAME)
    if sent and sent == request.META.get("CSRF_COOKIE"):
        # The browser holds this very token: Django would send its cookie again with every page
        # only to move its expiry a year on, a header for each page to write and the browser to
        # read. A new or changed token (the first page, a sign-in) is still sent.
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
    return field


def url(name: str, *args: Any, **kwargs: Any) -> str:
    """Django's {% url %}: the path of a named view in the active language (kept: a check page
    asks for one address per section, heard.core.addresses)."""
    if kwargs:
        return reverse(name, kwargs=kwargs)
    return address(name, *args)


def linebreaksbr(value: Any) -> SafeString:
    """Django's filter, escaping what is not already safe (Django's SafeString and Jinja2's
    Markup both say so through __html__)."""
    if hasattr(value, "__html__"):
        value = SafeString(value.__html__())
    return defaultfilters.linebreaksbr(value, autoescape=True)


def date(value: Any, format_string: str) -> str:
    """Django's date filter, in the current time zone as Django's templates give it (they convert
    a moment before a filter that expects local time), in the active language ("j F Y" gives
    "5 décembre 2026")."""
    return defaultfilters.date(template_localtime(value), format_string)


@lru_cache(maxsize=4096)
def _translated(language: str | None, message: str) -> str:
    return gettext(message)


@lru_cache(maxsize=1024)
def _translated_plural(language: str | None, singular: str, plural: str, number: int) -> str:
    return ngettext(singular, plural, number)


def _language_of(context: Context) -> str | None:
    # The page's language, which the `site` context processor read once for the page; pages
    # rendered without a request (no context processors) ask Django.
    language = context.get("current_language")
    return language if isinstance(language, str) else get_language()


@pass_context
def kept_gettext(context: Context, message: str) -> str:
    """Django's gettext, each text's translation kept per language: a page asks for the same few
    dozen texts on every request (the check page for "Change" once per answer), and Django's
    lookup, through the active translation's catalogues, cost more than the rest of the text's
    rendering. The catalogues do not change while the process runs (`compilemessages` then a
    restart), so what was found once stays true."""
    return _translated(_language_of(context), message)


@pass_context
def kept_ngettext(context: Context, singular: str, plural: str, number: int) -> str:
    """Django's ngettext, kept as kept_gettext is."""
    return _translated_plural(_language_of(context), singular, plural, number)


def environment(**options: Any) -> Environment:
    # Every compiled template kept in a plain dictionary: they are a few dozen files, and Jinja2's
    # default cache (least recently used, 400 at most) takes a lock and reorders a queue on each
    # look-up, for the page and for each template it imports or includes.
    options.setdefault("cache_size", -1)
    env = Environment(extensions=["jinja2.ext.i18n"], **options)  # noqa: S701 - Django's backend turns autoescape on
    env.install_gettext_callables(kept_gettext, kept_ngettext, newstyle=False)  # type: ignore[attr-defined]
    env.globals.update({"static": static, "url": url, "now": timezone.now})
    env.filters.update(
        {
            "date": date,
            "json_script": json_script,
            "linebreaksbr": linebreaksbr,
            "markdown": render_markdown,
        }
    )
    return env
