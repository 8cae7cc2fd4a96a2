"""The pages a personal link opens are Jinja2 templates (heard.core.jinja, ADR 0021) with a copy
of the site's layout. The copy must not drift: the same page skeleton, rendered by each engine
from its own layout, gives the same HTML in both languages, in a timed session and outside one
(up to whitespace between tags, the CSRF token's random mask and how an apostrophe is escaped)."""

from __future__ import annotations

import re
import time

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from heard.core import sessions

CHILD = {
    "django": '{{% extends "{layout}.html" %}}{{% block title %}}Title{{% endblock %}}'
    "{{% block content %}}<p>Content</p>{{% endblock %}}",
    "jinja2": '{{% extends "{layout}.jinja" %}}{{% block title %}}Title{{% endblock %}}'
    "{{% block content %}}<p>Content</p>{{% endblock %}}",
}
JINJA_LAYOUT = {
    "base": "core/base",
    "questionnaires/respondent_base": "questionnaires/respondent_base",
}


def _normal(html: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", html)
    html = html.replace("&#39;", "'").replace("&#x27;", "'").replace("&#34;", "&quot;")
    html = re.sub(r"\{#.*?#\}", "", html)
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


def _render(engine: str, layout: str, request) -> str:
    name = layout if engine == "django" else JINJA_LAYOUT[layout]
    template = engines[engine].from_string(CHILD[engine].format(layout=name))
    return template.render({"quick_exit_url": "https://weather.example/"}, request)


@pytest.mark.django_db
@pytest.mark.parametrize("layout", ["base", "questionnaires/respondent_base"])
@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("timed", [False, True], ids=["no session", "personal-link session"])
def test_the_jinja_layout_gives_the_same_page_as_the_django_one(
    layout, language, timed, monkeypatch
):
    # The warning's seconds left are worked out from the clock at each render: held still, so
    # that a second ending between the two renders cannot make them differ.
    now = time.time()
    monkeypatch.setattr(sessions.time, "time", lambda: now)
    request = RequestFactory().get(f"/{language}/questionnaire/")
    request.session = SessionStore()
    if timed:
        request.session[sessions.LINK] = True
        request.session[sessions.SEEN] = int(now) - 7
    with translation.override(language):
        django_html = _normal(_render("django", layout, request))
        jinja_html = _normal(_render("jinja2", layout, request))
    assert "<p>Content</p>" in jinja_html and "<title>Title – " in jinja_html
    assert ('id="session-timeout"' in jinja_html) is timed
    assert jinja_html == django_html


def test_kept_translations_and_addresses_follow_the_active_language():
    """heard.core.jinja keeps each text's translation and each address per language: asked in
    turn in English and French, with and without a request, each comes back in the language
    active."""
    plural = '{{ ngettext("about %(n)s minute left", "about %(n)s minutes left", n)|format(n=n) }}'
    text = '{{ _("Skip to main content") }} {{ url("questionnaire") }} ' + plural
    template = engines["jinja2"].from_string(text)
    for _round in range(2):
        for language, expected in [
            ("fr", "Passer au contenu principal /fr/questionnaire/ environ 2 minutes restantes"),
            ("en", "Skip to main content /en/questionnaire/ about 2 minutes left"),
        ]:
            with translation.override(language):
                request = RequestFactory().get(f"/{language}/questionnaire/")
                request.session = SessionStore()
                assert template.render({"n": 2}) == expected
                assert template.render({"n": 2}, request) == expected
            with translation.override("fr"):
                assert template.render({"n": 1}).endswith("environ 1 minute restante")
