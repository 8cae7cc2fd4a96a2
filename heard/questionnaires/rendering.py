"""What a page of the questionnaire shows: each question with its label, hint, choices and answer.

Built for the templates in the respondent's language, from the definition and the answers so far.
Questions that do not apply are still sent (hidden and disabled) when they sit on the page shown,
so that logic.js can bring them in as the respondent answers; without JavaScript they stay hidden
and the page is shown again when an answer brings one in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from heard.questionnaires.form import Form
from heard.questionnaires.xlsform_vocabulary import HIDDEN_TYPES


@dataclass
class ChoiceView:
    name: str
    label: str
    checked: bool
    filters_json: str
    available: bool
    position: int | None = None  # for rank questions


@dataclass
class QuestionView:
    name: str
    type: str
    label: str
    hint: str
    error: str
    value: Any
    required: bool
    applies: bool
    appearance: str
    choices: list[ChoiceView] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"q-{self.name}"

    @property
    def widget(self) -> str:
        if self.type == "select_one" and "minimal" in self.appearance:
            return "dropdown"
        if self.type == "text" and "multiline" in self.appearance:
            return "textarea"
        return self.type

    @property
    def inline(self) -> bool:
        return any(a in self.appearance for a in ("horizontal", "likert"))


def _text(texts: dict[str, str] | None, language: str) -> str:
    if not texts:
        return ""
    return texts.get(language) or texts.get("en") or ""


def question_views(
    form: Form,
    page: dict[str, Any],
    values: dict[str, Any],
    language: str,
    errors: dict[str, str] | None = None,
    raw: dict[str, Any] | None = None,
) -> list[QuestionView]:
    """The page's questions; `raw` holds what was typed when a page comes back with errors."""
    errors = errors or {}
    views = []
    for name in page["fields"]:
        item = form.fields[name]
        if item["type"] in HIDDEN_TYPES:
            continue
        value = values.get(name)
        if raw is not None and name in raw:
            value = raw[name]
        elif value is None and item["default"] and name not in values:
            value = (
                item["default"].split() if item["type"] == "select_multiple" else item["default"]
            )
        view = QuestionView(
            name=name,
            type=item["type"],
            label=_text(item["label"], language),
            hint=_text(item["hint"], language),
            error=errors.get(name, ""),
            value=value,
            required=item["required"],
            applies=form.field_applies(name, values),
            appearance=item["appearance"] or "",
        )
        if item["type"] in ("select_one", "select_multiple", "rank"):
            available = {c.name for c in form.choices(name, values)}
            picked = value if isinstance(value, list) else ([value] if value else [])
            ranks = {}
            if item["type"] == "rank":
                if isinstance(value, dict):  # typed positions sent back with an error
                    ranks = {k: int(v) for k, v in value.items() if str(v).isdigit()}
                elif isinstance(value, list):
                    ranks = {k: i for i, k in enumerate(value, start=1)}
            for choice in form.all_choices(name):
                view.choices.append(
                    ChoiceView(
                        name=choice.name,
                        label=_text(choice.label, language),
                        checked=choice.name in picked,
                        filters_json=json.dumps(choice.filters, ensure_ascii=False, sort_keys=True),
                        available=choice.name in available,
                        position=ranks.get(choice.name),
                    )
                )
            view.positions = list(range(1, len(view.choices) + 1))
            if item["type"] != "rank" and not available:
                view.applies = False  # nothing to choose from yet: shown once an answer allows
        views.append(view)
    return views


def answer_text(form: Form, name: str, value: Any, language: str) -> str:
    """An answer as the check page and staff screens show it."""
    item = form.fields[name]
    labels = (
        {c.name: _text(c.label, language) for c in form.all_choices(name)}
        if item["list_name"]
        else {}
    )
    if value is None or value == "" or value == []:
        return ""
    if item["type"] == "select_one":
        return labels.get(value, value)
    if item["type"] == "select_multiple":
        return ", ".join(labels.get(v, v) for v in value)
    if item["type"] == "rank":
        return " ; ".join(f"{i}. {labels.get(v, v)}" for i, v in enumerate(value, start=1))
    if item["type"] == "acknowledge":
        return "✓"
    return str(value)
