"""A repeat's entries: how their answers are stored, and how the rest of the code reads them.

A response stores a repeat's answers nested, one dict per entry, in order::

    {"household": 3, "people": [{"name": "Ann", "age": 34}, {"name": "Bo"}]}

While a form is at work (relevance, calculations, checks, the page and logic.js), the same answers
are flat: each answer in an entry under its *entry name*, ``<field>@<number>`` (``name@2``), and
the repeat's own name holding how many entries there are (``"people": 2``). An XLSForm name never
holds "@", so an entry name cannot be taken for a field. An expression of a question in a repeat
is evaluated with its references to the repeat's questions renamed to the entry's: ``${age}`` in
entry 2 reads ``age@2``, as ODK reads a relative reference in the current repeat instance.

`flatten` and `nest` undo each other, and each leaves alone what is already in its own form.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from heard.questionnaires import expressions

SEPARATOR = "@"
MAX_REPEAT = 50  # entries of one repeat in a response: a consultation's list, not a census


def entry_name(name: str, number: int) -> str:
    return f"{name}{SEPARATOR}{number}"


def split(name: str) -> tuple[str, int | None]:
    """(field name, entry number) for an entry name; (name, None) for any other name."""
    base, sep, number = name.rpartition(SEPARATOR)
    if sep and number.isdigit():
        return base, int(number)
    return name, None


def flatten(answers: Mapping[str, Any], repeats: Iterable[str]) -> dict[str, Any]:
    names = set(repeats)
    flat: dict[str, Any] = {}
    for key, value in answers.items():
        if key in names and isinstance(value, list):
            flat[key] = len(value)
            for number, entry in enumerate(value, start=1):
                for name, answer in entry.items():
                    flat[entry_name(name, number)] = answer
        else:
            flat[key] = value
    return flat


def flat_stored(answers: Mapping[str, Any]) -> dict[str, Any]:
    """Stored answers made flat without the form: a repeat is the one answer that is a list of
    entries (dicts); a select_multiple's list holds names."""
    repeats = [
        key
        for key, value in answers.items()
        if isinstance(value, list) and value and all(isinstance(e, dict) for e in value)
    ]
    return flatten(answers, repeats)


def moved_entry_names(names: Iterable[str], number: int, count: int) -> list[tuple[str, str]]:
    """(from, to) for the entry names of `names` once entry `number` of `count` is taken out:
    each later entry moves up by one, in order (so that no two ever share a name)."""
    return [
        (entry_name(name, at), entry_name(name, at - 1))
        for at in range(number + 1, count + 1)
        for name in names
    ]


def nest(values: Mapping[str, Any], field_repeat: Mapping[str, str]) -> dict[str, Any]:
    """The stored form of flat `values`; `field_repeat` maps each field in a repeat to it."""
    repeats = set(field_repeat.values())
    nested: dict[str, Any] = {}
    for key, value in values.items():
        if key in repeats and isinstance(value, int):
            nested[key] = [{} for _ in range(value)]
    for key, value in values.items():
        if key in repeats:
            if isinstance(value, list):
                nested[key] = value
            continue
        base, number = split(key)
        if number is None:
            nested[key] = value
            continue
        entries = nested.get(field_repeat.get(base, ""))
        if isinstance(entries, list) and 1 <= number <= len(entries):
            entries[number - 1][base] = value
    return nested


def renamed(node: Any, names: Mapping[str, str]) -> Any:
    """A copy of an expression tree with the references in `names` renamed."""
    if not isinstance(node, list):
        return node
    if node[0] == "ref":
        return ["ref", names.get(node[1], node[1])]
    if node[0] == "call" and node[1] == "indexed-repeat":
        # Its question and repeat name what to read, not an answer of this entry.
        return ["call", node[1], [*node[2][:2], *(renamed(arg, names) for arg in node[2][2:])]]
    if node[0] == "call":
        return ["call", node[1], [renamed(arg, names) for arg in node[2]]]
    return [renamed(part, names) for part in node]


def aggregated(node: Any, field_repeat: Mapping[str, str], names: Iterable[str]) -> Any:
    """The tree with count(), sum(), min(), max(), count-non-empty() and join() of a repeat's
    question (or count() of the repeat, among `names`) as ["entries", function, question,
    repeat] nodes (join's separator after them), which read every
    entry's answer. A question of the entry the expression belongs to has been renamed to its
    entry name before, so that sum(${x}) inside an entry is that entry's x, as in ODK."""
    if not isinstance(node, list):
        return node
    if expressions.is_aggregate(node):
        function, name = node[1], expressions.aggregated_name(node)
        # join's separator, after the repeat: ["entries", "join", question, repeat, separator]
        extra = [aggregated(arg, field_repeat, names) for arg in node[2][:-1]]
        if name in field_repeat:
            return ["entries", function, name, field_repeat[name], *extra]
        if function == "count" and name in set(names):
            return ["entries", "count", name, name]
        return ["call", function, [*extra, node[2][-1]]]
    if node[0] == "call":
        return ["call", node[1], [aggregated(arg, field_repeat, names) for arg in node[2]]]
    return [aggregated(part, field_repeat, names) for part in node]


@lru_cache(maxsize=8192)
def entry_tree(text: str, fields: tuple[str, ...], number: int) -> Any:
    """The tree of `text` as entry `number` of the repeat holding `fields` evaluates it. Cached:
    callers read the tree and never change it."""
    tree = expressions.parse(text)
    return _numbered(renamed(tree, {name: entry_name(name, number) for name in fields}), number)


def _numbered(node: Any, number: int) -> Any:
    """The tree with position(..) replaced by the entry's number."""
    if not isinstance(node, list):
        return node
    if node[0] == "call" and node[1] == "position":
        return ["num", float(number)]
    if node[0] == "call":
        return ["call", node[1], [_numbered(arg, number) for arg in node[2]]]
    return [_numbered(part, number) for part in node]


def entry_names(fields: Iterable[str], count: int) -> list[str]:
    """The entry names of a repeat's fields, entry by entry."""
    listed = list(fields)
    return [entry_name(name, number) for number in range(1, count + 1) for name in listed]


def without_entry(
    values: Mapping[str, Any], repeat: str, fields: Iterable[str], number: int
) -> dict[str, Any]:
    """Flat values with entry `number` of `repeat` taken out and the later entries moved up."""
    listed = set(fields)
    count = int(values.get(repeat, 0) or 0)
    found: dict[str, Any] = {}
    for key, value in values.items():
        base, at = split(key)
        if at is None or base not in listed or at < number:
            found[key] = value
        elif at > number:
            found[entry_name(base, at - 1)] = value
    found[repeat] = max(count - 1, 0)
    return found
