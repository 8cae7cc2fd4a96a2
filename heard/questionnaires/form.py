"""A questionnaire definition at work: which pages and questions apply, and what an answer must be.

Everything a browser may do with JavaScript (skip logic, choice filters, calculations) is done here
again on the server: the page shown without JavaScript is computed here, and every page saved and
every submission is checked here, whatever the browser did.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import cached_property, lru_cache
from typing import Any, Protocol

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from heard.core import limits
from heard.questionnaires import expressions, repeats, xlsform_files
from heard.questionnaires.answer_files import FILE_TYPES
from heard.questionnaires.locations import LOCATION_TYPES, read_location
from heard.questionnaires.repeats import MAX_REPEAT
from heard.questionnaires.xlsform_vocabulary import METADATA_TYPES, UNANSWERED_TYPES, hidden

MAX_TEXT = limits.ANSWER


class PostData(Protocol):
    def get(self, key: str, default: Any = None) -> Any: ...
    def getlist(self, key: str) -> list[Any]: ...


@dataclass(frozen=True)
class Choice:
    name: str
    label: dict[str, str]
    filters: dict[str, str]
    media: dict[str, dict[str, str]] = field(default_factory=dict)  # form_media


_ENTRIES_CALL = re.compile(r"\b(?:count|sum|min|max|count-non-empty|join|indexed-repeat)\s*\(")


@lru_cache(maxsize=8192)
def _parsed(text: str) -> Any:
    # A form's expressions are parsed once per process, not on every request. The trees are
    # never changed by whoever reads them.
    return expressions.parse(text)


class Form:
    def __init__(self, definition: dict[str, Any]) -> None:
        self.definition = definition
        self.fields: dict[str, dict[str, Any]] = {f["name"]: f for f in definition["fields"]}
        self.pages: list[dict[str, Any]] = [p for p in definition["pages"] if not p.get("hidden")]
        self.page_by_name = {p["name"]: p for p in definition["pages"]}
        self.repeats: dict[str, dict[str, Any]] = {
            name: repeat
            for page in definition["pages"]
            for name, repeat in page.get("repeats", {}).items()
        }
        self.field_repeat: dict[str, str] = {
            name: repeat["name"] for repeat in self.repeats.values() for name in repeat["fields"]
        }
        # A repeat inside another's entries: the one it sits in (ADR 0022).
        self.repeat_outer = repeats.outer_repeats(definition)
        self.repeat_page: dict[str, dict[str, Any]] = {
            name: page for page in definition["pages"] for name in page.get("repeats", {})
        }
        self._items: dict[tuple[str, str], list[tuple[str, str]]] = {}  # see `items_in`
        self._chains: dict[str, list[str]] = {}  # see `chain`
        self._trees: dict[tuple[str, str], Any] = {}  # see `ast`
        self._data_by_language: dict[tuple[str, str], dict[str, list[dict[str, str]]]] = {}
        # Sections (groups) inside a repeat: each entry has its own.
        self.section_repeat: dict[str, str] = {
            name: section["repeat"]
            for page in definition["pages"]
            for name, section in page.get("sections", {}).items()
            if section.get("repeat")
        }

    # Names, and a repeat's entries (see repeats.py) -----------------------------------------

    def chain(self, repeat: str) -> list[str]:
        """The repeats an entry of `repeat` sits in, outermost first, and `repeat` last (worked
        out once per repeat: every entry's relevance asks)."""
        found = self._chains.get(repeat)
        if found is None:
            found = self._chains[repeat] = repeats.chain(self.repeat_outer, repeat)
        return found

    def _container(self, base: str) -> str | None:
        """The repeat whose entries hold a field, a section or an inner repeat, if any."""
        return (
            self.field_repeat.get(base)
            or self.section_repeat.get(base)
            or self.repeat_outer.get(base)
        )

    @staticmethod
    def repeat_key(repeat: str, path: repeats.Path) -> str:
        """Where a repeat's entry count is kept: its name, or for a repeat inside another, its
        entry name in the outer entry at `path` (members@1)."""
        return repeats.entry_name(repeat, path) if path else repeat

    def is_repeat_key(self, name: str) -> bool:
        return repeats.split(name)[0] in self.repeats

    def entry_paths(self, repeat: str, values: Mapping[str, Any]) -> list[repeats.Path]:
        """The paths of a repeat's entries (in every entry of the repeats it sits in)."""
        return [
            (*outer, number)
            for outer in self.outer_paths(repeat, values)
            for number in range(1, self.count(self.repeats[repeat], values, outer) + 1)
        ]

    def outer_paths(self, repeat: str, values: Mapping[str, Any]) -> list[repeats.Path]:
        """The entries a repeat is asked in: the page itself (one empty path) for a repeat in no
        other, else each entry of the repeat it sits in."""
        outer = self.repeat_outer.get(repeat)
        return [()] if outer is None else self.entry_paths(outer, values)

    def _entry_exists(self, repeat: str, path: repeats.Path, values: Mapping[str, Any]) -> bool:
        """Whether `path` names an entry the outer repeats of `repeat` have now."""
        outer = self.chain(repeat)[:-1]
        if len(path) != len(outer):
            return False
        return all(
            path[depth] <= self.count(self.repeats[name], values, path[:depth])
            for depth, name in enumerate(outer)
        )

    def inside(self, repeat: str) -> list[str]:
        """The fields and repeats inside `repeat`'s entries, at any depth."""
        return [
            *(f for f, r in self.field_repeat.items() if repeat in self.chain(r)),
            *(r for r in self.repeats if r != repeat and repeat in self.chain(r)),
        ]

    def item(self, name: str) -> dict[str, Any]:
        """The field a name stands for: itself, or the field an entry name belongs to."""
        found = self.fields.get(name)
        if found is not None:
            return found
        return self.fields[repeats.split(name)[0]]

    def knows(self, name: str) -> bool:
        if name in self.fields:
            return True
        base, number = repeats.split(name)
        return number is not None and base in self.field_repeat

    def reference(self, ref: str, name: str) -> str:
        """What ${ref} reads in a text of field `name`: in a repeat's entry, the entry's own
        answer to a question of the same repeat (or of a repeat it sits in)."""
        base, path = repeats.split(name)
        inside = self._container(base) if path is not None else None
        if path is not None and inside:
            chain = self.chain(inside)
            held_by = self.field_repeat.get(ref)
            if held_by in chain and len(path) >= chain.index(held_by) + 1:
                return repeats.entry_name(ref, path[: chain.index(held_by) + 1])
        return ref

    def flat(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """Answers as the form works on them: each entry's answers under their entry names."""
        if not self.repeats:
            return dict(answers)
        return repeats.flatten(answers, self.repeats)

    def stored(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Answers as a response keeps them: each repeat's entries nested under its name."""
        if not self.repeats:
            return dict(values)
        return repeats.nest(values, self.field_repeat, self.repeat_outer)

    def count(
        self, repeat: dict[str, Any], values: Mapping[str, Any], path: repeats.Path = ()
    ) -> int:
        """How many entries a repeat has (in the outer entry at `path`, for a repeat inside
        another): its count, or as many as the respondent added (one to start with)."""
        key = self.repeat_key(repeat["name"], path)
        if repeat["count"]:
            number = expressions.to_number(
                expressions.evaluate(self.ast(repeat["count"], key), values, data=self.data)
            )
            if number != number:  # NaN: the count's answer is not there yet
                return 0
            return max(0, min(int(number), MAX_REPEAT))
        stored = values.get(key)
        return stored if isinstance(stored, int) else 1

    def items_in(self, page: dict[str, Any], repeat: str | None) -> list[tuple[str, str]]:
        """("field", name) and ("repeat", name) in the order the page asks them: what sits
        directly on the page (`repeat` None) or directly in an entry of `repeat`."""
        key = (page["name"], repeat or "")
        found = self._items.get(key)
        if found is None:
            found = []
            for name in page["fields"]:
                held_by = self.field_repeat.get(name)
                chain = self.chain(held_by) if held_by else []
                if repeat is None:
                    depth = 0
                elif repeat in chain:
                    depth = chain.index(repeat) + 1
                else:
                    continue
                item = ("field", name) if depth == len(chain) else ("repeat", chain[depth])
                if item not in found:
                    found.append(item)
            self._items[key] = found
        return found

    def names_on(self, page: dict[str, Any], values: Mapping[str, Any]) -> list[str]:
        """The page's field names, each repeat's fields given once per entry, entry by entry
        (a repeat inside another, in each of its entries)."""
        found: list[str] = []
        self._names_in(page, None, values, (), found)
        return found

    def _names_in(
        self,
        page: dict[str, Any],
        repeat: str | None,
        values: Mapping[str, Any],
        path: repeats.Path,
        found: list[str],
    ) -> None:
        for kind, name in self.items_in(page, repeat):
            if kind == "field":
                found.append(repeats.entry_name(name, path) if path else name)
                continue
            for number in range(1, self.count(self.repeats[name], values, path) + 1):
                self._names_in(page, name, values, (*path, number), found)

    def all_names(self, values: Mapping[str, Any]) -> list[str]:
        found: list[str] = []
        for page in self.definition["pages"]:
            found += self.names_on(page, values)
        return found

    # Expressions ---------------------------------------------------------------------------

    def ast(self, text: str | None, name: str = "") -> Any:
        """The tree of an expression of field `name` (an entry name reads its entry's answers)."""
        if not text:
            return None
        base, path = repeats.split(name)
        repeat_name = self._container(base) if path is not None else None
        key = (text, name if path is not None else "")
        tree = self._trees.get(key)
        if tree is None:
            chain = self.chain(repeat_name) if repeat_name else []
            if path is None or not chain or len(chain) != len(path):
                tree, path = _parsed(text), ()
            else:
                levels = tuple(tuple(self.repeats[r]["fields"]) for r in chain)
                tree = repeats.entry_tree(text, levels, path)
            if self.repeats and _ENTRIES_CALL.search(text):
                # In an outer entry, the entries of a repeat inside it are that entry's.
                prefixes = {
                    inner: path[: len(self.chain(inner)) - 1]
                    for inner in self.repeat_outer
                    if self.chain(inner)[:-1] == chain[: len(self.chain(inner)) - 1]
                }
                tree = repeats.indexed_in_entry(tree, prefixes)
                tree = repeats.aggregated(tree, self.field_repeat, self.repeats, prefixes)
            self._trees[key] = tree
        return tree

    def _true(
        self,
        text: str | None,
        values: Mapping[str, Any],
        *,
        name: str = "",
        current: Any = None,
        choice: Mapping[str, str] | None = None,
        today: date | None = None,
    ) -> bool:
        if not text:
            return True
        return expressions.to_boolean(
            expressions.evaluate(
                self.ast(text, name),
                dict(values),
                current=current,
                choice=choice,
                today=today,
                data=self.data,
            )
        )

    @property
    def data(self) -> dict[str, list[dict[str, str]]]:
        """What expressions read besides the answers: the attached data files pulldata() reads,
        by the name the form gives them, and the labels of the choices jr:choice-name() reads,
        in the active language (`_choice_labels`)."""
        return self._with_labels(self._file_data, "server")

    @property
    def browser_data(self) -> dict[str, list[dict[str, str]]]:
        """The same as logic.js gets it: only the columns of the data files the form reads."""
        return self._with_labels(xlsform_files.data_for_browser(self.definition), "browser")

    @cached_property
    def _file_data(self) -> dict[str, list[dict[str, str]]]:
        return {
            name: xlsform_files.data_rows(table)
            for name, table in self.definition.get("data", {}).items()
        }

    def _with_labels(
        self, files: dict[str, list[dict[str, str]]], side: str
    ) -> dict[str, list[dict[str, str]]]:
        questions, lists = self._read_from_form
        if not questions and not lists:
            return files
        language = "fr" if (get_language() or "").startswith("fr") else "en"
        key = (side, language)
        found = self._data_by_language.get(key)
        if found is None:  # worked out once per process and language (the Form is shared)
            found = {**files, **self._choice_labels(language), **self._list_rows(language)}
            self._data_by_language[key] = found
        return found

    @cached_property
    def _read_from_form(self) -> tuple[set[str], set[str]]:
        """What the form's expressions read from its own lists: the select questions whose
        choices' labels jr:choice-name() reads, and the lists of the choices sheet that
        instance('list')/root/item[…]/column reads."""
        questions: set[str] = set()
        lists: set[str] = set()
        for text in _expression_texts(self.definition):
            try:
                tree = expressions.parse(text)
            except expressions.ExpressionError:
                continue  # not an expression (a static default)
            questions |= expressions.choice_name_questions(tree)
            lists |= expressions.instance_names(tree)
        sheet_lists = {
            name
            for name in self.definition["choices"]
            if " " not in name and name not in self.definition.get("files", {})
        }
        return questions, (lists & sheet_lists) - set(self._file_data)

    def _list_rows(self, language: str) -> dict[str, list[dict[str, str]]]:
        """Each list instance() reads, as rows of name, label (in `language`, as for
        jr:choice-name) and the list's other columns."""
        return {
            name: [
                {
                    **raw.get("filters", {}),
                    "name": raw["name"],
                    "label": _label_in(raw["label"], language, raw["name"]),
                }
                for raw in self.definition["choices"][name]
            ]
            for name in sorted(self._read_from_form[1])
        }

    def _choice_labels(self, language: str) -> dict[str, list[dict[str, str]]]:
        """For each question jr:choice-name() reads, its choices as rows of name and label in
        `language` (`_label_in`), under
        expressions.choice_labels_key. A stored calculation keeps the label of the language the
        respondent answered in, as ODK keeps the form's current language."""
        return {
            expressions.choice_labels_key(name): [
                {"name": choice.name, "label": _label_in(choice.label, language, choice.name)}
                for choice in self.all_choices(name)
            ]
            for name in sorted(self._read_from_form[0])
            if name in self.fields
        }

    @cached_property
    def calculates(self) -> list[dict[str, Any]]:
        """Calculate rows, and questions worked out by a calculation of their own (not those a
        trigger sets: see `_triggered`)."""
        return [
            f
            for f in self.definition["fields"]
            if (f["calculation"] or f["type"] == "calculate") and not f.get("trigger")
        ]

    @cached_property
    def has_files(self) -> bool:
        """Whether any question takes a file (answer_files): only then do saves touch files."""
        return any(f["type"] in FILE_TYPES for f in self.definition["fields"])

    @cached_property
    def triggered(self) -> list[dict[str, Any]]:
        return [f for f in self.definition["fields"] if f.get("trigger")]

    def _triggered(self, before: Mapping[str, Any], after: dict[str, Any]) -> None:
        """Set each question whose trigger answer changed to its calculation (or clear it), as
        ODK's setvalue does, unless the respondent changed it in the same step."""
        for item in self.triggered:
            for name in self.instances(item["name"], after):
                self._set_if_triggered(item, name, before, after)

    def trigger_names(self, item: dict[str, Any], name: str) -> list[str]:
        """The answers whose change sets `name`: in a repeat's entry, that entry's own answers
        for the questions of its repeat (ODK reads the trigger relative to the question)."""
        return [self.reference(ref, name) for ref in item["trigger"]]

    def _set_if_triggered(
        self, item: dict[str, Any], name: str, before: Mapping[str, Any], after: dict[str, Any]
    ) -> None:
        if after.get(name) != before.get(name):
            return
        if all(after.get(ref) == before.get(ref) for ref in self.trigger_names(item, name)):
            return
        value = None
        if item["calculation"]:
            value = self.as_answer(
                name,
                expressions.as_text(
                    expressions.evaluate(
                        self.ast(item["calculation"], name),
                        self.with_calculations(after),
                        data=self.data,
                    )
                ),
            )
        if value in (None, "", []):
            after.pop(name, None)
        else:
            after[name] = value

    def instances(self, name: str, values: Mapping[str, Any]) -> list[str]:
        repeat_name = self.field_repeat.get(name)
        if repeat_name is None:
            return [name]
        return [repeats.entry_name(name, path) for path in self.entry_paths(repeat_name, values)]

    def with_calculations(
        self, answers: Mapping[str, Any], today: date | None = None
    ) -> dict[str, Any]:
        """The answers, flat, with every calculate worked out (twice, so that chains settle)."""
        values = self.flat(answers)
        for _round in range(2):
            for item in self.calculates:
                for name in self.instances(item["name"], values):
                    if not self._true(item["relevant"], values, name=name, today=today):
                        values.pop(name, None)
                        continue
                    if not item["calculation"]:  # a default alone: set once, then kept
                        if values.get(name) in (None, ""):
                            values[name] = expressions.as_text(self.default_value(name, values))
                        continue
                    # once() keeps what it worked out before: the answer already there.
                    result = expressions.as_text(
                        expressions.evaluate(
                            self.ast(item["calculation"], name),
                            values,
                            current=values.get(name),
                            today=today,
                            data=self.data,
                        )
                    )
                    typed = self.as_answer(name, result)
                    if typed in (None, "", []):
                        values.pop(name, None)
                    else:
                        values[name] = typed
        return values

    # Relevance ----------------------------------------------------------------------------

    def field_applies(self, name: str, values: Mapping[str, Any]) -> bool:
        item = self.item(name)
        page = self.page_by_name[item["page"]]
        repeat_name = self.field_repeat.get(item["name"])
        path = repeats.split(name)[1]
        if repeat_name is not None:
            chain = self.chain(repeat_name)
            if path is None or len(path) != len(chain):
                return False
            for depth, held_by in enumerate(chain):
                repeat = self.repeats[held_by]
                if path[depth] > self.count(repeat, values, path[:depth]):
                    return False
                key = self.repeat_key(held_by, path[:depth])
                if not self._true(repeat["relevant"], values, name=key):
                    return False
        return (
            self._true(page.get("relevant"), values)
            and all(
                self.section_applies(page, self.section_name(s, path), values)
                for s in item.get("sections", ())
            )
            and self._true(item["relevant"], values, name=name, current=values.get(name))
        )

    def section_name(self, section: str, path: repeats.Path | None) -> str:
        """A section's name in an entry: its entry name if it sits in a repeat (in the entry of
        that repeat, where repeats nest)."""
        if path and section in self.section_repeat:
            depth = len(self.chain(self.section_repeat[section]))
            return repeats.entry_name(section, path[:depth])
        return section

    def repeat_applies(
        self, repeat: dict[str, Any], values: Mapping[str, Any], path: repeats.Path = ()
    ) -> bool:
        """Whether a repeat is asked (in the outer entry at `path`, for one inside another)."""
        if not any(kind == "field" for kind, _n in self._walk_items(repeat["name"])):
            return False
        page = self.repeat_page[repeat["name"]]
        chain = self.chain(repeat["name"])
        return (
            self._true(page.get("relevant"), values)
            and all(
                self.section_applies(page, self.section_name(s, path), values)
                for s in repeat.get("sections", ())
            )
            and all(
                self._true(
                    self.repeats[held_by]["relevant"],
                    values,
                    name=self.repeat_key(held_by, path[:depth]),
                )
                for depth, held_by in enumerate(chain)
            )
        )

    def _walk_items(self, repeat: str) -> list[tuple[str, str]]:
        """The items of a repeat's entries and of the repeats inside them."""
        found = []
        for kind, name in self.items_in(self.repeat_page[repeat], repeat):
            found.append((kind, name))
            if kind == "repeat":
                found += self._walk_items(name)
        return found

    def section_applies(self, page: dict[str, Any], name: str, values: Mapping[str, Any]) -> bool:
        """A section's own condition (its enclosing sections are asked about separately); `name`
        is an entry name for a section in a repeat."""
        base = repeats.split(name)[0] if name not in page["sections"] else name
        return self._true(page["sections"][base]["relevant"], values, name=name)

    def page_applies(self, page: dict[str, Any], values: Mapping[str, Any]) -> bool:
        if page.get("hidden") or not self._true(page.get("relevant"), values):
            return False
        # A repeat the respondent adds entries to is shown even with none, to add one.
        if any(
            not repeat["count"] and self.repeat_applies(repeat, values, path)
            for repeat in page.get("repeats", {}).values()
            for path in self.outer_paths(repeat["name"], values)
        ):
            return True
        return any(
            self.field_applies(name, values)
            for name in self.names_on(page, values)
            if not hidden(self.item(name))
        )

    def pages_applying(self, values: Mapping[str, Any]) -> list[dict[str, Any]]:
        flat = self.flat(values)
        return [p for p in self.pages if self.page_applies(p, flat)]

    def choices(self, name: str, values: Mapping[str, Any]) -> list[Choice]:
        """The choices of a select question, after its choice_filter."""
        item = self.item(name)
        if item.get("entries_of"):
            return self._entry_choices(item, values)
        found = []
        for raw in self.definition["choices"].get(item["list_name"] or "", []):
            choice = Choice(raw["name"], raw["label"], raw.get("filters", {}), raw.get("media", {}))
            if item["choice_filter"] and not self._true(
                item["choice_filter"],
                values,
                name=name,
                choice={**choice.filters, "name": choice.name},
            ):
                continue
            found.append(choice)
        return found

    def _entry_choices(self, item: dict[str, Any], values: Mapping[str, Any]) -> list[Choice]:
        """select_one ${name}: one choice per entry of the repeat that answered `name`, named
        and labelled by that answer (the first of equal answers), kept where the choice_filter
        holds for that entry's answers, as in ODK."""
        source = item["entries_of"]
        found: list[Choice] = []
        seen: set[str] = set()
        for entry in self.instances(source, values):
            answer = expressions.as_text(values.get(entry))
            if not answer or answer in seen:
                continue
            if item["choice_filter"] and not self._true(item["choice_filter"], values, name=entry):
                continue
            seen.add(answer)
            found.append(Choice(answer, {"en": answer, "fr": answer}, {}))
        return found

    def all_choices(self, name: str) -> list[Choice]:
        """A list's choices, unfiltered; none for choices from a repeat's answers (they are the
        answers themselves)."""
        item = self.item(name)
        return [
            Choice(c["name"], c["label"], c.get("filters", {}), c.get("media", {}))
            for c in self.definition["choices"].get(item["list_name"] or "", [])
        ]

    def clean(self, answers: Mapping[str, Any], today: date | None = None) -> dict[str, Any]:
        """Drop answers to questions that no longer apply (as ODK does), then recalculate.
        The result is flat (see repeats.py): `stored` gives what a response keeps."""
        values = self.with_calculations(answers, today)
        for _round in range(3):  # a dropped answer can make another question stop applying
            kept = {
                name: value
                for name, value in values.items()
                if self._count_kept(name, values)
                or (self.knows(name) and self.field_applies(name, values))
            }
            for repeat in self._outer_first():
                if repeat["count"]:
                    for path in self.outer_paths(repeat["name"], kept):
                        kept[self.repeat_key(repeat["name"], path)] = self.count(repeat, kept, path)
            if kept == values:
                break
            values = self.with_calculations(
                {k: v for k, v in kept.items() if self.is_repeat_key(k) or self.knows(k)},
                today,
            )
        return values

    def _count_kept(self, name: str, values: Mapping[str, Any]) -> bool:
        """Whether `name` is a repeat's entry count to keep: a repeat's, or an inner repeat's in
        an outer entry that is still there."""
        base, path = repeats.split(name)
        if base not in self.repeats:
            return False
        return self._entry_exists(base, path or (), values)

    def _outer_first(self) -> list[dict[str, Any]]:
        """The repeats, each after those it sits in."""
        return sorted(self.repeats.values(), key=lambda r: len(self.chain(r["name"])))

    # Reading and checking answers ---------------------------------------------------------

    def read_page(
        self,
        page: dict[str, Any],
        data: PostData,
        answers: Mapping[str, Any],
        language: str,
        *,
        checking: bool = True,
    ) -> tuple[dict[str, Any], dict[str, str]]:
        """(answers, flat, with this page's inputs merged in; errors by field or entry name).
        Without `checking`, only answers that cannot be read are errors (adding or removing an
        entry does not ask for what is still to be typed)."""
        merged = self.flat(answers)
        here = page.get("repeats", {})
        total = 0  # entries taken so far: a page cannot send more than MAX_ENTRIES in all
        for repeat in [r for r in self._outer_first() if r["name"] in here]:
            # The entries the page showed: it sends their number for a repeat the respondent
            # adds to (staff typing a paper response keep it only there); for a repeat inside
            # another, under its entry name in each outer entry (members@1).
            for path in self.outer_paths(repeat["name"], merged):
                key = self.repeat_key(repeat["name"], path)
                posted = str(data.get(key, "") or "")
                if repeat["count"]:
                    merged[key] = self.count(repeat, merged, path)
                else:
                    wanted = int(posted) if posted.isdigit() else self.count(repeat, merged, path)
                    merged[key] = min(wanted, MAX_REPEAT, max(repeats.MAX_ENTRIES - total, 0))
                total += merged[key]
        raw: dict[str, Any] = {}
        errors: dict[str, str] = {}
        before = self.flat(answers)
        names = self.names_on(page, merged)
        for _round in range(repeats.MAX_REPEAT_DEPTH + 1):
            self._read_names(names, data, language, merged, raw, errors)
            # A count worked out from an answer on this page (a household's size, and its
            # members in the same page): the entries it now has, where the page sent them.
            counted = [r for r in self._outer_first() if r["name"] in here and r["count"]]
            for repeat in counted:
                for path in self.outer_paths(repeat["name"], merged):
                    key = self.repeat_key(repeat["name"], path)
                    merged[key] = self.count(repeat, merged, path)
            names = [
                name
                for name in self.names_on(page, merged)
                if name not in raw and self._was_sent(name, data)
            ]
            if not names:
                break
        if self.triggered:
            self._triggered(before, merged)
        values = self.with_calculations(merged)
        locked = [name for name in raw if self.locked(name, values, before.get(name))]
        if locked:
            # Read-only now, given the other answers: the answer it had stays, whatever came.
            for name in locked:
                errors.pop(name, None)
                if name in before:
                    merged[name] = before[name]
                else:
                    merged.pop(name, None)
            values = self.with_calculations(merged)
        for name in raw:
            if name in errors or name in locked:
                continue
            if not self.field_applies(name, values):
                merged.pop(name, None)
                continue
            problem = self.check(name, values, language) if checking else None
            if problem:
                errors[name] = problem
        return self.clean(merged), errors

    def _read_names(
        self,
        names: list[str],
        data: PostData,
        language: str,
        merged: dict[str, Any],
        raw: dict[str, Any],
        errors: dict[str, str],
    ) -> None:
        """What the page sent for `names`, read and parsed into `merged` (as typed in `raw`,
        with the problems of answers that cannot be read in `errors`)."""
        taken: list[str] = []
        for name in names:
            item = self.item(name)
            if item["type"] in UNANSWERED_TYPES:
                continue
            if read_only(item):
                # Not the respondent's to change: its default, or its calculation's result.
                if name not in merged and not item["calculation"]:
                    merged[name] = self.as_answer(name, self.default_value(name, merged))
                    if merged[name] in (None, "", []):
                        merged.pop(name)
                continue
            raw[name] = self._read_input(name, data)
            taken.append(name)
        for name in taken:
            value = raw[name]
            if isinstance(value, dict) and self.item(name)["choice_filter"]:
                # A rank question ranks only the choices its filter shows.
                shown = {c.name for c in self.choices(name, merged)}
                value = {k: v for k, v in value.items() if k in shown}
            parsed, problem = self._parse(name, value, language)
            if problem:
                errors[name] = problem
                merged.pop(name, None)
            elif parsed in (None, "", []):
                merged.pop(name, None)
            else:
                merged[name] = parsed

    def _was_sent(self, name: str, data: PostData) -> bool:
        """Whether the page sent an input for `name` (a rank question, one per choice)."""
        if self.item(name)["type"] == "rank":
            return any(data.get(f"{name}__{c.name}") is not None for c in self.all_choices(name))
        return data.get(name) is not None or bool(data.getlist(name))

    def _read_input(self, name: str, data: PostData) -> Any:
        kind = self.item(name)["type"]
        if kind == "select_multiple":
            return [str(v) for v in data.getlist(name)]
        if kind == "rank":
            return {
                c.name: str(data.get(f"{name}__{c.name}", "") or "") for c in self.all_choices(name)
            }
        return str(data.get(name, "") or "")

    def default_value(self, name: str, values: Mapping[str, Any]) -> Any:
        """What an unanswered question shows to start with: its default, or what its default's
        expression gives with the answers so far (ODK works that out once, when the form opens;
        Heard when the question is shown, so that it can use earlier pages' answers)."""
        item = self.item(name)
        default = item["default"]
        if not default:
            return None
        if item.get("default_dynamic"):
            default = expressions.as_text(
                expressions.evaluate(self.ast(default, name), self.flat(values), data=self.data)
            )
            if not default:
                return None
        return default.split() if item["type"] == "select_multiple" else default

    def as_answer(self, name: str, value: Any) -> Any:
        """A worked-out value (a calculation, a default, a trigger's) as an answer of the
        question's type, or None where it cannot be one: a choice the list does not have, a
        number that is not one (NaN, Infinity, text), a date that is not a date. ODK would keep
        the text; Heard keeps only what a respondent could have answered, which every export
        format can read (DEFINITION.md)."""
        item = self.item(name)
        kind = item["type"]
        answer = _as_answer(kind, value)
        if answer in (None, "", []):
            return answer
        if kind in ("select_one", "select_multiple", "rank"):
            names = {c.name for c in self.all_choices(name)}
            if not names:  # choices from a repeat's answers, or a file not attached yet
                return answer
            if kind == "select_one":
                return answer if answer in names else None
            return list(dict.fromkeys(v for v in answer if v in names)) or None
        if kind in ("decimal", "range"):
            try:
                finite = Decimal(str(answer)).is_finite()
            except InvalidOperation:
                finite = False
            return answer if finite else None
        if kind == "date":
            try:
                date.fromisoformat(str(answer))
            except ValueError:
                return None
        if kind == "acknowledge" and answer != "OK":
            return None
        if kind in LOCATION_TYPES:
            return read_location(kind, str(answer))[0]
        return answer

    def typed(
        self, page: dict[str, Any], data: PostData, values: Mapping[str, Any]
    ) -> dict[str, Any]:
        """What was typed on a page, as sent, to show again beside its errors."""
        found: dict[str, Any] = {}
        for name in self.names_on(page, self.flat(values)):
            kind = self.item(name)["type"]
            if kind == "select_multiple":
                found[name] = data.getlist(name)
            elif kind == "rank":
                found[name] = {
                    c.name: data.get(f"{name}__{c.name}", "") for c in self.all_choices(name)
                }
            else:
                found[name] = data.get(name, "")
        return found

    def with_entry_added(self, values: Mapping[str, Any], key: str) -> dict[str, Any]:
        """An entry added to a repeat: `key` is its name, or its entry name in an outer entry
        (members@1)."""
        flat = self.flat(values)
        name, path = repeats.split(key)
        if self._entry_exists(name, path or (), flat) and self.room_for_entries(flat):
            repeat = self.repeats[name]
            flat[key] = min(self.count(repeat, flat, path or ()) + 1, MAX_REPEAT)
        return flat

    def room_for_entries(self, values: Mapping[str, Any]) -> bool:
        """Whether the response may have one more entry (repeats.MAX_ENTRIES, over all)."""
        total = sum(v for k, v in values.items() if isinstance(v, int) and self.is_repeat_key(k))
        return total < repeats.MAX_ENTRIES

    def without_entry(self, values: Mapping[str, Any], key: str, number: int) -> dict[str, Any]:
        """Entry `number` of a repeat taken out, with what the repeats inside it held."""
        flat = self.flat(values)
        if not self.has_entry(key, number, flat):
            return flat
        name, path = repeats.split(key)
        flat[key] = self.count(self.repeats[name], flat, path or ())
        return repeats.without_entry(flat, key, self.inside(name), number)

    def has_entry(self, key: str, number: int, values: Mapping[str, Any]) -> bool:
        """Whether the repeat at `key` (members@1) has an entry `number` now: what taking one
        out checks first, for the answers and for the files alike."""
        name, path = repeats.split(key)
        if name not in self.repeats or not self._entry_exists(name, path or (), values):
            return False
        return 1 <= number <= self.count(self.repeats[name], values, path or ())

    def _parse(self, name: str, value: Any, language: str) -> tuple[Any, str | None]:
        kind = self.item(name)["type"]
        if kind in ("text", "barcode"):  # a barcode is typed: a web page does not scan one
            text = value.replace("\r\n", "\n").strip()
            if len(text) > MAX_TEXT:
                return None, _(
                    "Write at most %(limit)s characters (this answer has %(count)s)."
                ) % {
                    "limit": number_format(MAX_TEXT, force_grouping=True),
                    "count": number_format(len(text), force_grouping=True),
                }
            return text, None
        if kind == "integer":
            text = value.strip().replace(" ", "").replace("\u202f", "")
            if not text:
                return None, None
            if not re.fullmatch(r"[-+]?\d{1,15}", text):
                return None, _("Enter a whole number, like 12.")
            return int(text), None
        if kind == "decimal":
            text = value.strip().replace(" ", "").replace("\u202f", "").replace(",", ".")
            if not text:
                return None, None
            try:
                number = Decimal(text)
            except InvalidOperation:
                return None, _("Enter a number, like 2.5.")
            if not number.is_finite() or abs(number) >= Decimal(10) ** 15:
                return None, _("Enter a number, like 2.5.")
            return format(number.normalize(), "f"), None
        if kind == "date":
            text = value.strip()
            if not text:
                return None, None
            try:
                return date.fromisoformat(text).isoformat(), None
            except ValueError:
                return None, _("Enter a date as year-month-day, like 2018-06-30.")
        if kind in ("datetime", "time"):
            return read_moment(kind, value.strip())
        if kind in LOCATION_TYPES:
            return read_location(kind, value)
        if kind in FILE_TYPES:
            # The file's name: the file itself was checked and is kept by the page's service
            # (answer_files, services.save_page).
            return (value.strip() or None), None
        if kind == "range":
            return _in_range(self.item(name)["parameters"], value)
        if kind == "acknowledge":
            return ("OK" if value else None), None
        if kind == "select_one":
            return (value or None), None
        if kind == "select_multiple":
            order = [c.name for c in self.all_choices(name)]
            picked = [v for v in order if v in set(value)]
            if len(picked) != len(set(value)):
                return None, _("Choose from the options shown.")
            return picked, None
        if kind == "rank":
            positions: dict[str, str] = value
            given = {k: v for k, v in positions.items() if v}
            if not given:
                return None, None
            count = len(positions)
            try:
                ranks = {k: int(v) for k, v in given.items()}
            except ValueError:
                return None, _("Choose a position for each option.")
            if len(given) != count:
                return None, _("Give every option a position.")
            if sorted(ranks.values()) != list(range(1, count + 1)):
                return None, _("Give each position to one option only.")
            return sorted(ranks, key=lambda k: ranks[k]), None
        return None, None

    def check(self, name: str, values: Mapping[str, Any], language: str) -> str | None:
        """The message for an answer that breaks a rule of the form, or None."""
        item = self.item(name)
        value = values.get(name)
        if read_only(item) or self.locked(name, values, value):
            return None  # the respondent cannot change it
        if value in (None, "", []):
            if self.required(name, values):
                return self._message(item["required_message"], values, language, name) or (
                    self._required_text(item)
                )
            return None
        if item["type"] in ("select_one", "select_multiple", "rank"):
            allowed = {c.name for c in self.choices(name, values)}
            picked = value if isinstance(value, list) else [value]
            if any(v not in allowed for v in picked):
                return _("Choose from the options shown.")
        if item["constraint"] and not self._true(
            item["constraint"], values, name=name, current=value
        ):
            return self._message(item["constraint_message"], values, language, name) or _(
                "Check this answer: the form does not accept it."
            )
        return None

    def locked(self, name: str, values: Mapping[str, Any], current: Any) -> bool:
        """Whether a question with a read_only expression is read-only now, given the answers
        (`current` is its own, for "."): an expression that cannot be worked out locks nothing."""
        condition = self.item(name).get("read_only_if")
        if not condition:
            return False
        try:
            return self._true(condition, values, name=name, current=current)
        except (expressions.ExpressionError, ValueError, TypeError):
            return False

    def required(self, name: str, values: Mapping[str, Any]) -> bool:
        """Whether the question must be answered: yes, or while its required expression holds."""
        item = self.item(name)
        if item["required"]:
            return True
        condition = item.get("required_if")
        flat = self.flat(values)
        return bool(condition) and self._true(condition, flat, name=name, current=flat.get(name))

    def _message(
        self, texts: dict[str, str] | None, values: Mapping[str, Any], language: str, name: str
    ) -> str:
        """The form's own message in `language`, with the answers it names shown in it."""
        from heard.questionnaires.rendering import piped  # rendering builds on Form

        text = (texts or {}).get(language) or ""
        return piped(self, text, dict(values), language, name) if text else ""

    @staticmethod
    def _required_text(item: dict[str, Any]) -> str:
        if item["type"] in ("select_one",):
            return _("Choose an answer.")
        if item["type"] == "select_multiple":
            return _("Choose at least one answer.")
        if item["type"] == "rank":
            return _("Put the options in order.")
        if item["type"] == "acknowledge":
            return _("Tick the box to go on.")
        if item["type"] in FILE_TYPES:
            return _("Choose a file to send.")
        return _("Answer this question.")

    def problems(self, answers: Mapping[str, Any], language: str) -> dict[str, str]:
        """Every rule the answers break, by field name: the check made before submitting."""
        values = self.clean(answers)
        found = {}
        for name in self.all_names(values):
            item = self.item(name)
            if item["type"] in UNANSWERED_TYPES or not self.field_applies(name, values):
                continue
            problem = self.check(name, values, language)
            if problem:
                found[name] = problem
        return found

    def _relevance_within_page(
        self, page: dict[str, Any], item: dict[str, Any], name: str = ""
    ) -> Any:
        """One tree for an item's condition and those of the sections and repeat it sits in
        (the page's own condition is settled before the page is shown)."""
        chain = list(item.get("sections", ()))
        parent = item.get("parent")
        while parent:  # a section: its enclosing sections
            chain.insert(0, parent)
            parent = page["sections"][parent].get("parent")
        # In an entry, a section's condition reads that entry's answers too.
        trees = [self.ast(page["sections"][s]["relevant"], name) for s in chain]
        repeat_name = item.get("repeat")
        if repeat_name is not None and name:
            # The conditions of the repeats it sits in, each read in its own outer entry.
            path = repeats.split(name)[1] or ()
            for depth, held_by in enumerate(self.chain(repeat_name)):
                trees.append(
                    self.ast(
                        self.repeats[held_by]["relevant"], self.repeat_key(held_by, path[:depth])
                    )
                )
        trees.append(self.ast(item["relevant"], name))
        trees = [t for t in trees if t is not None]
        if not trees:
            return None
        combined = trees[0]
        for tree in trees[1:]:
            combined = ["bin", "and", combined, tree]
        return combined

    def _section_logic(self, page: dict[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
        """Each section's combined condition for logic.js; a section in a repeat once per entry,
        under its entry name."""
        found = {}
        for name, section in page.get("sections", {}).items():
            repeat_name = self.section_repeat.get(name)
            if repeat_name is None:
                found[name] = self._relevance_within_page(page, section)
                continue
            for path in self.entry_paths(repeat_name, values):
                entry = repeats.entry_name(name, path)
                found[entry] = self._relevance_within_page(page, section, entry)
        return found

    def page_of(self, name: str) -> dict[str, Any]:
        return self.page_by_name[self.item(name)["page"]]

    def logic_for(self, page: dict[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
        """What logic.js needs to rerun this page's rules live: ASTs, other pages' values.
        A repeat's questions come once per entry, under their entry names."""
        values = self.flat(values)
        names = set(self.names_on(page, values))
        calculates = [n for item in self.calculates for n in self.instances(item["name"], values)]
        fields = {}
        for name in [*self.names_on(page, values), *calculates]:
            item = self.item(name)
            fields[name] = {
                "type": item["type"],
                "relevant": self._relevance_within_page(
                    self.page_by_name[item["page"]], item, name
                ),
                "constraint": None,
                "read_only": read_only(item),
                "read_only_if": self.ast(item.get("read_only_if"), name),
                "trigger": self.trigger_names(item, name) if item.get("trigger") else None,
                "calculation": self.ast(item["calculation"], name),
                # Choices from a repeat's answers are filtered on the server, entry by entry.
                "choice_filter": None
                if item.get("entries_of")
                else self.ast(item["choice_filter"], name),
            }
        return {
            "fields": fields,
            **({"data": self.browser_data} if self.browser_data else {}),
            "sections": self._section_logic(page, values),
            # A repeat's entry headings and buttons go with its questions.
            "repeats": {
                self.repeat_key(name, path): self._relevance_within_page(
                    page, repeat, self.repeat_key(name, path)
                )
                for name, repeat in page.get("repeats", {}).items()
                for path in self.outer_paths(name, values)
            },
            # How many entries each repeat has, under its name (members@1 in an outer entry):
            # count() and sum() read them.
            "counts": {k: v for k, v in values.items() if self.is_repeat_key(k)},
            "values": {
                k: v
                for k, v in values.items()
                if not self.is_repeat_key(k)
                and (
                    k not in names
                    or self.item(k)["type"] in METADATA_TYPES
                    or read_only(self.item(k))
                    or self.item(k)["calculation"]  # once() in the page reads it
                )
            },
        }


@dataclass
class EntryChange:
    """Adding an entry to a repeat, or taking one out: what a page's add and remove buttons ask
    for, done after the page's answers are read; the page is then shown again at that place."""

    repeat: str
    number: int  # 0 to add one

    def __call__(self, form: Form, values: dict[str, Any]) -> dict[str, Any]:
        if self.number:
            return form.without_entry(values, self.repeat, self.number)
        return form.with_entry_added(values, self.repeat)

    def anchor(self, values: dict[str, Any]) -> str:
        count = values.get(self.repeat, 0)
        shown = count if not self.number else min(self.number, count)
        return f"#e-{repeats.entry_name(self.repeat, shown)}" if shown else f"#e-{self.repeat}"


def entry_change(repeats_here: dict[str, dict[str, Any]], action: str) -> EntryChange | None:
    """The change an add or remove button asks for (its action is "add:<repeat>" or
    "remove:<repeat>:<entry number>", the repeat named by its entry name in an outer entry for
    one inside another: "add:members@1"), for a repeat among `repeats_here`."""
    verb, _sep, target = action.partition(":")
    key, _sep, number = target.partition(":")
    repeat = repeats_here.get(repeats.split(key)[0])
    if repeat is None or repeat["count"]:
        return None
    depth, outer = 0, repeat.get("repeat")
    while outer:
        depth, outer = depth + 1, repeats_here.get(outer, {}).get("repeat")
    if len(repeats.split(key)[1] or ()) != depth:
        return None  # an inner repeat is named by its entry in each repeat around it
    if verb == "add" and not number:
        return EntryChange(key, 0)
    if verb == "remove" and number.isdigit() and int(number) > 0:
        return EntryChange(key, int(number))
    return None


def read_only(item: Mapping[str, Any]) -> bool:
    """A question the respondent sees but does not answer: marked read_only, or worked out by a
    calculation of its own."""
    return bool(item.get("read_only")) or (
        bool(item["calculation"]) and item["type"] != "calculate" and not item.get("trigger")
    )


def _as_answer(kind: str, value: Any) -> Any:
    """A worked-out or default value stored as an answer of that type is (DEFINITION.md)."""
    if value is None or (isinstance(value, list | int) and not isinstance(value, bool)):
        return value
    text = str(value).strip()
    if not text or kind == "calculate":
        return text
    if kind in ("select_multiple", "rank"):
        return text.split()
    if kind == "integer":
        try:
            number = float(text)
        except ValueError:
            return None
        return int(number) if number.is_integer() else None
    return text


def _in_range(parameters: dict[str, str], value: str) -> tuple[Any, str | None]:
    """A range's answer: a number from start to end (either way round), on a step from start.
    A whole number when start and step are whole, as ODK stores it; else a decimal string."""
    text = value.strip().replace(",", ".")
    if not text:
        return None, None
    start, end, step = (Decimal(parameters[k]) for k in ("start", "end", "step"))
    low, high = min(start, end), max(start, end)
    wrong = _("Enter a number from %(low)s to %(high)s, in steps of %(step)s.") % {
        "low": _plain(low),
        "high": _plain(high),
        "step": _plain(abs(step)),
    }
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None, wrong
    if not number.is_finite() or not low <= number <= high or (number - start) % step != 0:
        return None, wrong
    whole = start == start.to_integral_value() and step == step.to_integral_value()
    return (int(number) if whole else _plain(number)), None


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


# As a browser's datetime-local and time inputs send them; a space may stand for the T where a
# browser without those inputs shows a text box.
_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?")
_TIME = re.compile(r"(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?")


def read_moment(kind: str, text: str) -> tuple[str | None, str | None]:
    """A date and time ("2018-06-30T14:05") or a time ("14:05") as the respondent typed it, in
    their own time, to the minute."""
    if not text:
        return None, None
    if kind == "time":
        clock = _TIME.fullmatch(text)
        try:
            if clock:
                return time.fromisoformat(clock[1]).isoformat(timespec="minutes"), None
        except ValueError:  # 25:99
            pass
        return None, _("Enter a time as hours:minutes, like 14:05.")
    found = _DATETIME.fullmatch(text)
    if found:
        try:
            return datetime.fromisoformat(f"{found[1]}T{found[2]}").isoformat(
                timespec="minutes"
            ), None
        except ValueError:
            pass
    return None, _("Enter a date and time as year-month-day hours:minutes, like 2018-06-30 14:05.")


def with_metadata(
    definition: dict[str, Any], answers: Mapping[str, Any], moment: datetime, *kinds: str
) -> dict[str, Any]:
    """The answers with the form's start, end and today fields of `kinds` set to `moment` (in
    the site's time zone, as ODK writes them): Heard records them, nobody types them."""
    found = dict(answers)
    local = timezone.localtime(moment)
    for item in definition["fields"]:
        if item["type"] in kinds:
            found[item["name"]] = (
                local.date().isoformat()
                if item["type"] == "today"
                else local.isoformat(timespec="milliseconds")
            )
    return found


def _label_in(label: Mapping[str, str] | None, language: str, name: str) -> str:
    """A choice's label as expressions read it: in `language`, else the other, else its name."""
    other = "en" if language == "fr" else "fr"
    return (label or {}).get(language) or (label or {}).get(other) or name


def _expression_texts(definition: Mapping[str, Any]) -> list[str]:
    """Every text in the definition that may be an expression reading the form's own lists
    (jr:choice-name(), instance('list'))."""
    found: list[str] = []

    def visit(value: Any) -> None:
        if isinstance(value, str):
            if "jr:choice-name" in value or "instance(" in value:
                found.append(value)
        elif isinstance(value, dict):
            for key, inner in value.items():
                if key not in ("label", "hint", "choices", "data", "kept"):  # texts, not logic
                    visit(inner)
        elif isinstance(value, list):
            for inner in value:
                visit(inner)

    visit({k: v for k, v in definition.items() if k in ("fields", "pages")})
    return found
