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

from django.http import HttpRequest, HttpResponse
from django.template import defaultfilters, engines
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


_PAGES: dict[str, Any] = {}  # template name → the Jinja2 backend's template


def render_page(
    request: HttpRequest, template_name: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    """Django's `render()` for a Jinja2 page. Django's loader asks each engine in turn (the
    site's Django engine, listed first, looks in every folder before it fails) and wraps the
    compiled template anew each time: about 50 µs of every respondent's page. Here the Jinja2
    backend's template is kept by name, except while templates reload as they change (DEBUG)."""
    template = _PAGES.get(template_name)
    if template is None:
        backend = engines["jinja2"]
        template = backend.get_template(template_name)
        if not backend.env.auto_reload:  # type: ignore[attr-defined] # the Jinja2 backend's
            _PAGES[template_name] = template
    return HttpResponse(template.render(context, request), status=status)


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


def compile_all() -> int:
    """Compile every Jinja2 template before a web process takes requests (heard serve), so that
    the first respondents do not wait for it. The number compiled."""
    env = engines["jinja2"].env  # type: ignore[attr-defined] # the Jinja2 backend's
    names = env.list_templates(extensions=["jinja"])
    for name in names:
        env.get_template(name)
    return len(names)


def environment(**options: Any) -> Environment:
    # Every compiled template kept in a plain dictionary: they are a few dozen files, and Jinja2's
    # default cache (least recently used, 400 at most) takes a lock and reorders a queue on each
    # look-up, for the page and for each template it imports or includes.
    options.setdefault("cache_size", -1)
    env = Environment(extensions=["jinja2.ext.i18n"], **options)  # noqa: S701 - Django's backend turns autoescape on
    env.install_gettext_callables(kept_gettext, kept_ngettext, newstyle=False)  # type: ignore[attr-defined]
    # `_()` straight to kept_gettext: the extension's `_` looks `gettext` up in the page's context
    # and calls it, a second call for each of the few dozen texts of every page.
    env.globals["_"] = kept_gettext
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
