"""Email text is plain text: every email template, in both languages, says what it was given."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.template import engines

from heard.notify import bilingual

HEARD = Path(__file__).resolve().parents[2] / "heard"
TEMPLATES = sorted(HEARD.glob("*/templates/*/email/*.txt"))
VALUE = '<b>Tom & "Jerry" O\'Hara</b>'
ESCAPES = ("&lt;", "&gt;", "&amp;", "&quot;", "&#x27;", "&#39;")


def test_there_are_email_templates_to_check():
    assert len(TEMPLATES) >= 7


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: f"{p.parts[-4]}/{p.name}")
def test_every_email_template_renders_values_unescaped_in_both_languages(path):
    source = path.read_text()
    names = set(re.findall(r"{{\s*(\w+)", source)) | set(re.findall(r"\bwith \w+=(\w+)", source))
    context = dict.fromkeys(names, VALUE)
    context["state"] = "accepted"
    name = path.relative_to(path.parents[2]).as_posix()
    for first in ("en", "fr"):
        text = bilingual.body(name, first, lambda language: context)
        assert VALUE in text
        for escape in ESCAPES:
            assert escape not in text, (name, escape)


def test_the_html_engine_still_escapes():
    """The text engine is only for email: pages keep Django's escaping."""
    page = engines["django"].from_string("{{ value }}").render({"value": VALUE})
    assert "&lt;b&gt;" in page
