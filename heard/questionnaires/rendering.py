"""What a page of the questionnaire shows: each question with its label, hint, choices and answer.

Built for the templates in the respondent's language, from the definition and the answers so far.
Questions that do not apply are still sent (hidden and disabled) when they sit on the page shown,
so that logic.js can bring them in as the respondent answers; without JavaScript they stay hidden
and the page is shown again when an answer brings one in.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from heard.questionnaires import answer_files, expressions, form_media, locations, repeats
from heard.questionnaires.answer_files import FILE_TYPES
from heard.questionnaires.form import Form, read_only
from heard.questionnaires.form_media import MediaView
from heard.questionnaires.locations import LOCATION_TYPES
from heard.questionnaires.repeats import MAX_REPEAT
from heard.questionnaires.xlsform import PIPE
from heard.questionnaires.xlsform_vocabulary import hidden


@dataclass
class ChoiceView:
    name: str
    label: str  # as text, answers it shows filled in (for an <option>)
    label_html: SafeString  # the same, each answer in a span logic.js keeps current
    checked: bool
    filters_json: str
    available: bool
    position: int | None = None  # for rank questions
    media: list[MediaView] = field(default_factory=list)  # pictures, recordings, videos


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
class EntryView:
    """One entry of a repeat: its heading, before its first question, and the button that
    takes it out, after its last (for a repeat the respondent adds entries to)."""

    repeat: str  # the repeat's name, or its entry name in an outer entry (members@1)
    number: int
    label: str
    hint_html: SafeString
    level: int
    removable: bool
    applies: bool
    kind: str = "entry"

    @property
    def id(self) -> str:
        return f"e-{repeats.entry_name(self.repeat, self.number)}"


@dataclass
class RepeatEndView:
    """After a repeat's last entry (or in its place, when it has none): the button that adds
    one, for a repeat the respondent adds entries to."""

    repeat: str  # as EntryView's
    label: str
    addable: bool  # a repeat the respondent adds entries to, with room for one more
    applies: bool
    count: int  # the entries shown, sent back with the page
    kind: str = "end"


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
    read_only: bool = False  # shown, not answered: marked read_only or worked out (form.read_only)
    shown: str = ""  # a read-only question's answer as the respondent reads it
    # Read-only now by its read_only expression: its controls are shown disabled (logic.js
    # unlocks them when the expression stops holding; without it, the next page sent does).
    locked: bool = False
    # The entries this question is the first of (outermost first: an entry of a repeat inside
    # another may start with the outer entry), and after it, innermost first, the entries it is
    # the last of and the repeats it ends (their remove and add buttons).
    entry_opens: list[EntryView] = field(default_factory=list)
    closes: list[EntryView | RepeatEndView] = field(default_factory=list)
    level: int = 2  # the heading's, for a repeat with no entry yet (type "repeat")
    media: list[MediaView] = field(default_factory=list)  # pictures, recordings, videos

    @property
    def id(self) -> str:
        return f"q-{self.name}"

    @property
    def described_by(self) -> str:
        """The ids of the hint and the error, for aria-describedby ("" when it has neither)."""
        ids = (
            ([f"q-{self.name}-hint"] if self.hint else [])
            + (
                [f"q-{self.name}-format"]
                if self.type in (*LOCATION_TYPES, *FILE_TYPES, "barcode")
                else []
            )
            + ([f"q-{self.name}-current"] if self.type in FILE_TYPES and self.value else [])
            + ([f"q-{self.name}-error"] if self.error else [])
        )
        return " ".join(ids)

    @property
    def takes_file(self) -> bool:
        return self.type in FILE_TYPES

    @property
    def accept(self) -> str:
        """A file question's file picker: what it offers first."""
        return answer_files.ACCEPT.get(self.type, "")

    @property
    def file_format(self) -> str:
        """What a file question takes, in words."""
        return _("Accepted: %(extensions)s, up to %(limit)s MB.") % {
            "extensions": ", ".join(answer_files.EXTENSIONS[self.type]),
            "limit": answer_files.max_bytes() // (1024 * 1024),
        }

    @property
    def widget(self) -> str:
        if self.type == "select_one" and "minimal" in self.appearance:
            return "dropdown"
        if self.type == "text" and "multiline" in self.appearance:
            return "textarea"
        if self.type in ("geotrace", "geoshape"):
            return "textarea"  # one point per line
        return self.type

    @property
    def inline(self) -> bool:
        return any(a in self.appearance for a in ("horizontal", "likert"))


def _text(texts: dict[str, str] | None, language: str) -> str:
    if not texts:
        return ""
    return texts.get(language) or texts.get("en") or ""


def piped(form: Form, text: str, values: dict[str, Any], language: str, name: str = "") -> str:
    """The text with each ${name} replaced by that answer as the respondent would read it.
    `name` is the field the text belongs to (an entry name reads its entry's answers)."""

    if "${" not in text:
        return text  # most texts show no answer: nothing to look for

    def answer(match: re.Match[str]) -> str:
        if match[1].startswith("last-saved#") or match[1] not in form.fields:
            # A device's previous form, or a row set aside (deviceid, username, …): Heard keeps
            # or records none, so both read as empty (ADR 0006).
            return ""
        ref = form.reference(match[1], name)
        return answer_text(form, ref, values.get(ref), language, values=None)

    return PIPE.sub(answer, text)


def piped_html(
    form: Form, text: str, values: dict[str, Any], language: str, name: str = ""
) -> SafeString:
    """As `piped`, escaped, each answer in <span data-pipe="name"> for logic.js to keep current."""
    if "${" not in text:
        return conditional_escape(text)
    html = SafeString()
    last = 0
    for match in PIPE.finditer(text):
        if match[1].startswith("last-saved#") or match[1] not in form.fields:
            html += conditional_escape(text[last : match.start()])  # read as empty (ADR 0006)
            last = match.end()
            continue
        ref = form.reference(match[1], name)
        html += conditional_escape(text[last : match.start()])
        html += format_html(
            '<span data-pipe="{}">{}</span>',
            ref,
            answer_text(form, ref, values.get(ref), language, values=None),
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
    media_url: Callable[[str, str], str] | None = None,
) -> list[QuestionView]:
    """The page's questions; `raw` holds what was typed when a page comes back with errors.
    `order_key` (the response's own) seeds the order of choices a form asks to randomize, so
    that each respondent has an order of their own, the same every time the page is shown.
    A repeat's questions come once per entry, under their entry names (see repeats.py).
    `media_url(sha256, name)` is where the screen reads the form's pictures and recordings
    (none shown without it)."""
    errors = errors or {}
    values = form.flat(values)
    views: list[QuestionView] = []
    open_sections: list[str] = []

    def add(name: str) -> QuestionView:
        nonlocal open_sections
        item = form.item(name)
        chain = list(item.get("sections", ()))
        view = _question_view(form, name, values, language, errors, raw, order_key, media_url)
        view.opens = _sections_opened(
            form, page, chain, open_sections, values, language, repeats.split(name)[1]
        )
        open_sections = chain
        views.append(view)
        return view

    def add_repeat(repeat_name: str, path: repeats.Path) -> list[QuestionView]:
        """The views of a repeat's entries (in the outer entry at `path`, for one inside
        another), each opening with its heading and closing with its remove button."""
        nonlocal open_sections
        repeat = form.repeats[repeat_name]
        key = form.repeat_key(repeat_name, path)
        count = form.count(repeat, values, path)
        applies = form.repeat_applies(repeat, values, path)
        label = piped(form, _text(repeat["label"], language), values, language, key)
        sections = list(repeat.get("sections", ()))
        level = min(len(sections) + 2 + len(path), 6)
        end = RepeatEndView(
            repeat=key,
            label=label or _("Entry"),
            addable=not repeat["count"] and count < MAX_REPEAT and form.room_for_entries(values),
            applies=applies,
            count=count,
        )
        if count == 0:
            # No entry yet: the repeat's heading and the button that adds one.
            no_entries = QuestionView(
                name=key,
                type="repeat",
                label=label,
                hint=piped(form, _text(repeat["hint"], language), values, language, key),
                error="",
                value=None,
                required=False,
                applies=applies,
                appearance="",
                closes=[end],
                level=level,
            )
            no_entries.opens = _sections_opened(
                form, page, sections, open_sections, values, language, path
            )
            open_sections = sections
            views.append(no_entries)
            return [no_entries]
        made: list[QuestionView] = []
        for number in range(1, count + 1):
            at = (*path, number)
            entry = EntryView(
                repeat=key,
                number=number,
                label=f"{label or _('Entry')} {number}",
                hint_html=piped_html(form, _text(repeat["hint"], language), values, language, key)
                if number == 1
                else SafeString(),
                level=level,
                removable=not repeat["count"],
                applies=applies,
            )
            # Each entry opens the sections inside the repeat again, with headings of its own.
            open_sections = list(sections)
            entry_views: list[QuestionView] = []
            for kind, name in form.items_in(page, repeat_name):
                if kind == "repeat":
                    entry_views += add_repeat(name, at)
                elif not hidden(form.fields[name]):
                    entry_views.append(add(repeats.entry_name(name, at)))
            if entry_views:
                entry_views[0].entry_opens.insert(0, entry)
                entry_views[-1].closes.append(entry)
                if number == count:
                    entry_views[-1].closes.append(end)
            made += entry_views
        return made

    for kind, name in form.items_in(page, None):
        if kind == "repeat":
            add_repeat(name, ())
        elif not hidden(form.fields[name]):
            add(name)
    return views


def brought_in(
    form: Form, page: dict[str, Any], values: dict[str, Any], language: str, shown: set[str]
) -> list[str]:
    """The questions of a page just saved that an answer on it has brought in: they apply now,
    the page as the respondent saw it did not show them (`shown`, the names it sent back), and
    they have no answer yet. Without JavaScript the page comes back with them.

    Most saves bring nothing in, and building the page's views to find that out cost a quarter
    of a save (ADR 0021): a question the views call applying applies by `field_applies` (a
    repeat with no entry yet, by `repeat_applies`), so when every such name was shown there is
    nothing more to look at."""
    flat = form.flat(values)
    candidates = [
        name
        for name in form.names_on(page, values)
        if name not in shown
        # One with an answer is not brought in (its view shows that answer): the page sent it.
        and flat.get(name) in (None, "", [])
        and not hidden(form.item(name))
        and form.field_applies(name, flat)
    ]
    for repeat_name, repeat in page.get("repeats", {}).items():
        for path in form.outer_paths(repeat_name, flat):
            key = form.repeat_key(repeat_name, path)
            if key not in shown and form.repeat_applies(repeat, flat, path):
                candidates.append(key)
    if not candidates:
        return []
    return [
        q.name
        for q in question_views(form, page, values, language)
        if q.applies and q.name not in shown and q.type != "note" and q.value in (None, "", [])
    ]


def _sections_opened(
    form: Form,
    page: dict[str, Any],
    chain: list[str],
    open_sections: list[str],
    values: dict[str, Any],
    language: str,
    number: repeats.Path | None = None,
) -> list[SectionView]:
    """The headings of the sections a question is in and the one before it was not; in the
    entry at `number` (its path) of a repeat, the sections inside the repeat are that entry's
    (named `sec@2`), a level below the entry's heading."""
    common = 0
    while common < min(len(chain), len(open_sections)) and (chain[common] == open_sections[common]):
        common += 1
    return [
        SectionView(
            name=form.section_name(section, number),
            label_html=piped_html(
                form,
                _text(page["sections"][section]["label"], language),
                values,
                language,
                form.section_name(section, number),
            ),
            hint_html=piped_html(
                form,
                _text(page["sections"][section]["hint"], language),
                values,
                language,
                form.section_name(section, number),
            ),
            level=min(depth + 2 + _repeats_around(form, section), 6),
            applies=all(
                form.section_applies(page, form.section_name(s, number), values)
                for s in chain[: depth + 1]
            ),
        )
        for depth, section in enumerate(chain)
        if depth >= common
    ]


def _repeats_around(form: Form, section: str) -> int:
    """How many repeats a section sits in (its heading goes below each entry's)."""
    held_by = form.section_repeat.get(section)
    return len(form.chain(held_by)) if held_by else 0


def _question_view(
    form: Form,
    name: str,
    values: dict[str, Any],
    language: str,
    errors: dict[str, str],
    raw: dict[str, Any] | None,
    order_key: str,
    media_url: Callable[[str, str], str] | None = None,
) -> QuestionView:
    item = form.item(name)
    attached = form.definition.get("media", {})
    value = values.get(name)
    if raw is not None and name in raw and item["type"] not in FILE_TYPES:
        value = raw[name]  # a file is never sent back: the one kept is shown
    elif value is None and item["default"] and name not in values:
        value = form.default_value(name, values)
    label, hint = _label_and_hint(item, language)
    view = QuestionView(
        name=name,
        type=item["type"],
        # Plain, for the error summary: in a repeat, after its entry's heading.
        label=question_label(form, name, values, language),
        hint=piped(form, hint, values, language, name),
        label_html=piped_html(form, label, values, language, name),
        hint_html=piped_html(form, hint, values, language, name),
        error=errors.get(name, ""),
        value=value,
        required=form.required(name, values),
        applies=form.field_applies(name, values),
        appearance=item["appearance"] or "",
        media=form_media.views(item.get("media"), language, attached, media_url),
    )
    if item.get("read_only_if"):
        view.locked = form.locked(name, values, values.get(name))
    if read_only(item):
        view.read_only = True
        view.value = values.get(name) if values.get(name) is not None else value
        view.shown = answer_text(form, name, view.value, language, values=values)
    if item["type"] in ("geotrace", "geoshape") and isinstance(view.value, str):
        view.value = locations.as_lines(view.value)
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
        # Only the columns the choice_filter reads go to the browser: a file of choices may hold
        # others (a contact, a note) that respondents have no need to see.
        wanted = (
            expressions.column_names(form.ast(item["choice_filter"], name))
            if item["choice_filter"]
            else set()
        )
        for choice in _ordered(form, item, values, order_key):
            filters = {k: v for k, v in choice.filters.items() if k in wanted}
            # Without a label, ODK shows the choice's name: so does Heard.
            text = _text(choice.label, language) or choice.name
            view.choices.append(
                ChoiceView(
                    name=choice.name,
                    label=piped(form, text, values, language, name),
                    label_html=piped_html(form, text, values, language, name),
                    checked=choice.name in picked,
                    filters_json=json.dumps(filters, ensure_ascii=False, sort_keys=True)
                    if filters
                    else "{}",
                    available=choice.name in available,
                    position=ranks.get(choice.name),
                    media=form_media.views(choice.media, language, attached, media_url),
                )
            )
        view.positions = list(range(1, sum(c.available for c in view.choices) + 1))
        if item["type"] != "rank" and not available:
            view.applies = False  # nothing to choose from yet: shown once an answer allows
    return view


def _ordered(form: Form, item: dict[str, Any], values: dict[str, Any], key: str) -> list[Any]:
    # Choices from a repeat's answers are those answers, in their entries' order.
    choices = (
        form.choices(item["name"], values)
        if item.get("entries_of")
        else form.all_choices(item["name"])
    )
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


def _label_and_hint(item: dict[str, Any], language: str) -> tuple[str, str]:
    """A question's label and hint; a hint without a label is shown as the label, as ODK does."""
    label, hint = _text(item["label"], language), _text(item["hint"], language)
    return (label, hint) if label else (hint, "")


def question_label(form: Form, name: str, values: dict[str, Any], language: str) -> str:
    """A question's label as a list of answers shows it; in a repeat, after its entry's
    heading ("Person 2: Age")."""
    item = form.item(name)
    label = piped(form, _label_and_hint(item, language)[0], values, language, name)
    path = repeats.split(name)[1]
    repeat_name = form.field_repeat.get(item["name"])
    if path is None or repeat_name is None:
        return label
    entries = []
    for depth, held_by in enumerate(form.chain(repeat_name)):
        key = form.repeat_key(held_by, path[:depth])
        heading = piped(
            form, _text(form.repeats[held_by]["label"], language), values, language, key
        )
        entries.append(f"{heading or _('Entry')} {path[depth]}")
    return f"{', '.join(entries)}: {label}"


def answer_text(
    form: Form,
    name: str,
    value: Any,
    language: str,
    values: Mapping[str, Any] | None = None,
) -> str:
    """An answer as the check page and staff screens show it. A choice's label that shows an
    answer (${name}) has it filled in from `values` (not when the answer is itself being shown
    inside a label: one level, so that labels showing each other cannot loop)."""
    item = form.item(name)
    labels = (
        {
            c.name: piped(form, _text(c.label, language), dict(values), language, name)
            if values is not None and "${" in _text(c.label, language)
            else _text(c.label, language)
            for c in form.all_choices(name)
        }
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
