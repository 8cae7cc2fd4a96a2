"""What a page of the questionnaire shows: each question with its label, hint, choices and answer.

Built for the templates in the respondent's language, from the definition and the answers so far.
Questions that do not apply are still sent (hidden and disabled) when they sit on the page shown,
so that logic.js can bring them in as the respondent answers; without JavaScript they stay hidden
and the page is shown again when an answer brings one in.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from typing import Any

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString

from heard.questionnaires.form import Form
from heard.questionnaires.xlsform import PIPE
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
class SectionView:
    """The heading of a group inside the page's group, shown before its first question."""

    name: str
    label_html: SafeString
    hint_html: SafeString
    level: int  # the heading's level: the page's title is h1
    applies: bool

    @property
    def id(self) -> str:
        return f"s-{self.name}"


@dataclass
class QuestionView:
    name: str
    type: str
    label: str  # plain text, answers shown in it (for titles and error summaries)
    hint: str
    error: str
    value: Any
    required: bool
    applies: bool
    appearance: str
    choices: list[ChoiceView] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    # The same texts with each answer shown in a span that logic.js updates as answers change.
    label_html: SafeString = field(default_factory=SafeString)
    hint_html: SafeString = field(default_factory=SafeString)
    opens: list[SectionView] = field(default_factory=list)  # sections starting here
    range: dict[str, str] = field(default_factory=dict)  # min, max and step of a range

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


def piped(form: Form, text: str, values: dict[str, Any], language: str) -> str:
    """The text with each ${name} replaced by that answer as the respondent would read it."""
    return PIPE.sub(
        lambda m: (
            answer_text(form, m[1], values.get(m[1]), language) if m[1] in form.fields else m[0]
        ),
        text,
    )


def piped_html(form: Form, text: str, values: dict[str, Any], language: str) -> SafeString:
    """As `piped`, escaped, each answer in <span data-pipe="name"> for logic.js to keep current."""
    html = SafeString()
    last = 0
    for match in PIPE.finditer(text):
        if match[1] not in form.fields:
            continue
        html += conditional_escape(text[last : match.start()])
        html += format_html(
            '<span data-pipe="{}">{}</span>',
            match[1],
            answer_text(form, match[1], values.get(match[1]), language),
        )
        last = match.end()
    return html + conditional_escape(text[last:])


def question_views(
    form: Form,
    page: dict[str, Any],
    values: dict[str, Any],
    language: str,
    errors: dict[str, str] | None = None,
    raw: dict[str, Any] | None = None,
    order_key: str = "",
) -> list[QuestionView]:
    """The page's questions; `raw` holds what was typed when a page comes back with errors.
    `order_key` (the response's own) seeds the order of choices a form asks to randomize, so
    that each respondent has an order of their own, the same every time the page is shown."""
    errors = errors or {}
    views = []
    open_sections: list[str] = []
    for name in page["fields"]:
        item = form.fields[name]
        if item["type"] in HIDDEN_TYPES:
            continue
        chain = list(item.get("sections", ()))
        common = 0
        while common < min(len(chain), len(open_sections)) and (
            chain[common] == open_sections[common]
        ):
            common += 1
        opens = [
            SectionView(
                name=section,
                label_html=piped_html(
                    form, _text(page["sections"][section]["label"], language), values, language
                ),
                hint_html=piped_html(
                    form, _text(page["sections"][section]["hint"], language), values, language
                ),
                level=min(depth + 2, 6),
                applies=all(form.section_applies(page, s, values) for s in chain[: depth + 1]),
            )
            for depth, section in enumerate(chain)
            if depth >= common
        ]
        open_sections = chain
        value = values.get(name)
        if raw is not None and name in raw:
            value = raw[name]
        elif value is None and item["default"] and name not in values:
            value = (
                item["default"].split() if item["type"] == "select_multiple" else item["default"]
            )
        label, hint = _text(item["label"], language), _text(item["hint"], language)
        view = QuestionView(
            name=name,
            type=item["type"],
            label=piped(form, label, values, language),
            hint=piped(form, hint, values, language),
            label_html=piped_html(form, label, values, language),
            hint_html=piped_html(form, hint, values, language),
            error=errors.get(name, ""),
            value=value,
            required=item["required"],
            applies=form.field_applies(name, values),
            appearance=item["appearance"] or "",
            opens=opens,
        )
        if item["type"] == "range":
            start, end, step = (item["parameters"][k] for k in ("start", "end", "step"))
            low, high = sorted((start, end), key=float)
            view.range = {"min": low, "max": high, "step": step.lstrip("-")}
        if item["type"] in ("select_one", "select_multiple", "rank"):
            available = {c.name for c in form.choices(name, values)}
            picked = value if isinstance(value, list) else ([value] if value else [])
            ranks = {}
            if item["type"] == "rank":
                if isinstance(value, dict):  # typed positions sent back with an error
                    ranks = {k: int(v) for k, v in value.items() if str(v).isdigit()}
                elif isinstance(value, list):
                    ranks = {k: i for i, k in enumerate(value, start=1)}
            for choice in _ordered(form, item, values, order_key):
                view.choices.append(
                    ChoiceView(
                        name=choice.name,
                        # Without a label, ODK shows the choice's name: so does Heard.
                        label=_text(choice.label, language) or choice.name,
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


def _ordered(form: Form, item: dict[str, Any], values: dict[str, Any], key: str) -> list[Any]:
    choices = form.all_choices(item["name"])
    parameters = item.get("parameters") or {}
    if parameters.get("randomize") != "true" or not key:
        return choices  # staff typing in a paper form see the sheet's order
    seed = parameters.get("seed", "")
    found = PIPE.fullmatch(seed)
    seed_value = str(values.get(found[1], "")) if found else seed
    # random.Random seeds from a string through SHA-512: the same order on every machine.
    # An order, not a secret: a seeded generator is what makes it repeatable.
    random.Random(f"{key}:{item['name']}:{seed_value}").shuffle(choices)  # noqa: S311
    return choices


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
        return labels.get(value) or value
    if item["type"] == "select_multiple":
        return ", ".join(labels.get(v) or v for v in value)
    if item["type"] == "rank":
        return " ; ".join(f"{i}. {labels.get(v) or v}" for i, v in enumerate(value, start=1))
    if item["type"] == "acknowledge":
        return "✓"
    if item["type"] == "datetime":
        return str(value).replace("T", " ")
    return str(value)
