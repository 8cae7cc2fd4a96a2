"""One question's markup for Django templates (the staff's paper-entry page): the same macro the
respondent's Jinja2 pages use (questionnaires/_question.jinja, ADR 0021), so there is one copy."""

from __future__ import annotations

from functools import cache
from typing import Any

from django import template
from django.template import engines
from django.utils.safestring import SafeString

from heard.questionnaires.rendering import QuestionView

register = template.Library()


@cache
def _macros() -> Any:
    return engines["jinja2"].env.get_template("questionnaires/_question.jinja").module  # type: ignore[attr-defined]


@register.filter(name="question")
def question_html(q: QuestionView) -> SafeString:
    """A question, the headings it opens and its repeat buttons, as on the respondent's page."""
    return SafeString(_macros().question(q))
