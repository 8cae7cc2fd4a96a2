"""The questionnaire's closed questions, counted for the detailed questionnaire report: for each
single- and multiple-choice question, how many submitted responses answered it, and for each
choice its count, its share of those who answered, and a 95% Wilson interval, with a chart drawn
as SVG (each chart beside its table, so the figures are readable without it).

Counts below the report's threshold (and above zero) are suppressed, and so are their shares
and intervals: a small group must not be singled out by a percentage either. In a single-choice
question the counts add up to the total, so a second count is hidden beside a lone hidden one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import override

from heard.analysis.engine.comparisons import wilson_interval
from heard.consultations.models import Consultation
from heard.questionnaires import repeats
from heard.questionnaires.models import Channel, Questionnaire, Response, ResponseState

CLOSED = ("select_one", "select_multiple")
LABEL_WIDTH = 260  # room for a 30-character label at 13 px
PLOT_WIDTH = 360
BAR_HEIGHT = 22


@dataclass(frozen=True)
class ChoiceRow:
    label: str
    count: int
    suppressed: bool
    share: float | None  # 0..1 of those who answered; None when suppressed or none answered
    low: float | None
    high: float | None
    y: int  # the chart's geometry, in pixels
    width: float
    low_x: float
    high_x: float


@dataclass(frozen=True)
class QuestionResult:
    name: str
    label: str
    kind: str
    answered: int
    answered_suppressed: bool
    rows: list[ChoiceRow]
    height: int
    choice_names: tuple[str, ...] = ()


def closed_questions(
    consultation: Consultation, language: str, threshold: int
) -> list[QuestionResult]:
    """Every closed question of the consultation's questionnaires (newest versions), in order."""
    fields: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    for questionnaire in Questionnaire.objects.filter(consultation=consultation).order_by("id"):
        version = questionnaire.current_version
        if version is None:
            continue
        definition = version.definition
        for item in definition["fields"]:
            if item["type"] in CLOSED and item.get("list_name") in definition.get("choices", {}):
                fields.append((item, list(definition["choices"][item["list_name"]])))
    answered: Counter[str] = Counter()
    chosen: Counter[tuple[str, str]] = Counter()
    names = {item["name"]: item.get("repeat") for item, _choices in fields}
    responses = Response.objects.filter(
        respondent__questionnaire__consultation=consultation, state=ResponseState.SUBMITTED
    )
    for response in responses.iterator(chunk_size=500):
        answers = response.answers
        for name, repeat in names.items():
            value = answers.get(name) if repeat is None else _in_entries(answers, name)
            if value in (None, "", []):
                continue
            answered[name] += 1
            for picked in set(value) if isinstance(value, list) else {value}:
                chosen[(name, str(picked))] += 1
    results = [
        _result(item, choices, answered[item["name"]], chosen, language, threshold)
        for item, choices in fields
    ]
    return [_channels(responses, language, threshold), *results] if results else results


def _in_entries(answers: dict[str, Any], name: str) -> list[Any]:
    """Every choice a question in a repeat got, over its entries: a respondent counts once for
    a choice, however many of their entries took it."""
    found: list[Any] = []
    for _path, entry in repeats.holders(answers, name):
        value = entry.get(name)
        found += value if isinstance(value, list) else [value] if value not in (None, "") else []
    return found


#: Not a question of the form: how each submitted response reached the team (a name no XLSForm
#: question can have, so it never collides with one in the open data).
CHANNEL = "~channel"


def _channels(responses: Any, language: str, threshold: int) -> QuestionResult:
    """Reach by channel, counted like a single-choice question everyone answered."""
    counts = Counter(responses.values_list("channel", flat=True))
    with override(language):
        item = {"name": CHANNEL, "type": "select_one", "label": str(_("How the answers came in"))}
        choices = [{"name": value, "label": str(label)} for value, label in Channel.choices]
    chosen = Counter({(CHANNEL, value): count for value, count in counts.items()})
    return _result(item, choices, sum(counts.values()), chosen, language, threshold)


def _hidden(counts: list[int], answered: int, kind: str, threshold: int) -> set[int]:
    """Which choices' counts are hidden: each under the threshold (and above zero) and, for a
    single-choice question whose total is shown, one more when only one is hidden, since the
    choices add up to the total and a lone hidden count could be found by subtraction (the
    smallest other count above zero is hidden with it: complementary suppression)."""
    hidden = {i for i, count in enumerate(counts) if 0 < count < threshold}
    total_shown = not 0 < answered < threshold
    if kind == "select_one" and total_shown and len(hidden) == 1:
        others = [(count, i) for i, count in enumerate(counts) if count > 0 and i not in hidden]
        if others:
            hidden.add(min(others)[1])
    return hidden


def _text(label: Any, language: str, default: str) -> str:
    if isinstance(label, dict):
        return str(label.get(language) or label.get("en") or default)
    return str(label or default)


def _result(
    item: dict[str, Any],
    choices: list[dict[str, Any]],
    answered: int,
    chosen: Counter[tuple[str, str]],
    language: str,
    threshold: int,
) -> QuestionResult:
    rows = []
    counts = [chosen[(item["name"], str(choice["name"]))] for choice in choices]
    hidden = _hidden(counts, answered, item["type"], threshold)
    for index, choice in enumerate(choices):
        count = counts[index]
        suppressed = index in hidden
        share = low = high = None
        # When the question's own count is hidden, so is every share of it (even 0%).
        if answered and not suppressed and not 0 < answered < threshold:
            share = count / answered
            low, high = wilson_interval(count, answered)
        rows.append(
            ChoiceRow(
                label=_text(choice.get("label"), language, str(choice["name"])),
                count=count,
                suppressed=suppressed,
                share=share,
                low=low,
                high=high,
                y=index * (BAR_HEIGHT + 6) + 4,
                width=round((share or 0) * PLOT_WIDTH, 1),
                low_x=round(LABEL_WIDTH + (low or 0) * PLOT_WIDTH, 1),
                high_x=round(LABEL_WIDTH + (high or 0) * PLOT_WIDTH, 1),
            )
        )
    return QuestionResult(
        name=item["name"],
        label=_text(item.get("label"), language, item["name"]),
        kind=item["type"],
        answered=answered,
        answered_suppressed=0 < answered < threshold,
        rows=rows,
        height=len(rows) * (BAR_HEIGHT + 6) + 28,
        choice_names=tuple(str(choice["name"]) for choice in choices),
    )


def frozen_tables(consultation: Consultation, threshold: int) -> dict[str, Any]:
    """The closed questions' results in both languages, as a version keeps them for its open
    data: suppressed counts, shares and intervals are already blank (None), never stored."""
    english = closed_questions(consultation, "en", threshold)
    french = closed_questions(consultation, "fr", threshold)
    questions = []
    for en, fr in zip(english, french, strict=True):
        choices = []
        for row_en, row_fr, choice_name in zip(en.rows, fr.rows, en.choice_names, strict=True):
            choices.append(
                {
                    "name": choice_name,
                    "label": {"en": row_en.label, "fr": row_fr.label},
                    "count": None if row_en.suppressed else row_en.count,
                    "share": row_en.share,
                    "low": row_en.low,
                    "high": row_en.high,
                }
            )
        questions.append(
            {
                "name": en.name,
                "kind": en.kind,
                "label": {"en": en.label, "fr": fr.label},
                "answered": None if en.answered_suppressed else en.answered,
                "choices": choices,
            }
        )
    return {"threshold": threshold, "questions": questions}
