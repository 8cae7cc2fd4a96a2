"""A repeat's entries: how their answers are stored, and how the rest of the code reads them.

A response stores a repeat's answers nested, one dict per entry, in order::

    {"household": 3, "people": [{"name": "Ann", "age": 34}, {"name": "Bo"}]}

While a form is at work (relevance, calculations, checks, the page and logic.js), the same answers
are flat: each answer in an entry under its *entry name*, ``<field>@<number>`` (``name@2``), and
the repeat's own name holding how many entries there are (``"people": 2``). An XLSForm name never
holds "@", so an entry name cannot be taken for a field. An expression of a question in a repeat
is evaluated with its references to the repeat's questions renamed to the entry's: ``${age}`` in
entry 2 reads ``age@2``, as ODK reads a relative reference in the current repeat instance.

A repeat may sit in another's entry (ADR 0022). Its entries are then stored in that entry
(``{"households": [{"head": "Ann", "members": [{"age": 3}, {"age": 40}]}]}``); flat, an entry
name carries the number of each entry, outermost first, after "@" and separated by "."
(``age@1.2``: ``age`` in entry 2 of ``members`` in entry 1 of ``households``), and the inner
repeat's count is kept per outer entry under its own entry name (``members@1``). An XLSForm
name may hold "." but never "@", so the numbers are everything after the last "@".

`flatten` and `nest` undo each other, and each leaves alone what is already in its own form.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from heard.questionnaires import expressions

# The entry names' rule lives in entries.py (the expression engine reads it too).
from heard.questionnaires.entries import Path as Path
from heard.questionnaires.entries import entry_name as entry_name
from heard.questionnaires.entries import split as split

MAX_REPEAT = 50  # entries of one repeat in a response: a consultation's list, not a census
MAX_REPEAT_DEPTH = 3  # a repeat in a repeat in a repeat, as deep as the forms people write go
# Entries a respondent may add in one response, over all repeats: with repeats inside repeats,
# 50 of each would make pages of thousands of questions.
MAX_ENTRIES = 500


def outer_repeats(definition: Mapping[str, Any]) -> dict[str, str]:
    """{repeat: the repeat it sits in} for each repeat inside another, from a definition."""
    return {
        name: repeat["repeat"]
        for page in definition.get("pages", ())
        for name, repeat in page.get("repeats", {}).items()
        if repeat.get("repeat")
    }


def chain(outer: Mapping[str, str | None], repeat: str | None) -> list[str]:
    """The repeats an entry of `repeat` sits in, outermost first, and `repeat` last (none for
    no repeat); `outer` maps each repeat inside another to that one."""
    found = [repeat] if repeat else []
    while found and outer.get(found[0]):
        found.insert(0, str(outer[found[0]]))
    return found


def flatten(answers: Mapping[str, Any], repeats: Iterable[str]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    _flatten_into(flat, answers, set(repeats), ())
    return flat


def _flatten_into(
    flat: dict[str, Any], answers: Mapping[str, Any], names: set[str], path: Path
) -> None:
    for key, value in answers.items():
        at = entry_name(key, path) if path else key
        if key in names and isinstance(value, list):
            flat[at] = len(value)
            for number, entry in enumerate(value, start=1):
                if isinstance(entry, Mapping):
                    _flatten_into(flat, entry, names, (*path, number))
        else:
            flat[at] = value


def flat_stored(answers: Mapping[str, Any]) -> dict[str, Any]:
    """Stored answers made flat without the form: a repeat is an answer that is a list of
    entries (dicts), at any depth; a select_multiple's list holds names."""
    return flatten(answers, _repeat_keys(answers))


def _repeat_keys(answers: Mapping[str, Any]) -> set[str]:
    found: set[str] = set()
    for key, value in answers.items():
        if isinstance(value, list) and value and all(isinstance(e, Mapping) for e in value):
            found.add(key)
            for entry in value:
                found |= _repeat_keys(entry)
    return found


def holders(answers: Mapping[str, Any], name: str) -> Iterator[tuple[Path, dict[str, Any]]]:
    """(path, entry) of each entry, at any depth, whose answers (stored, nested) hold `name`, in
    order: what exports, reports and the analysis read a question of a repeat from."""
    for value in answers.values():
        if isinstance(value, list) and value and all(isinstance(e, dict) for e in value):
            for number, entry in enumerate(value, start=1):
                if name in entry:
                    yield (number,), entry
                for path, inner in holders(entry, name):
                    yield (number, *path), inner


def entry_moves(
    names: Iterable[str], repeat: str, inside: Iterable[str], number: int
) -> tuple[list[str], list[tuple[str, str]]]:
    """For entry names (`names`: of file questions, say), once entry `number` of `repeat` (its
    name, or its entry name in an outer entry) is taken out, as `without_entry` takes it: those
    that go with the entry, and (from, to) for those that move up, in an order where no two
    ever share a name. `inside`: the fields and repeats in the repeat's entries."""
    listed = set(inside)
    prefix = split(repeat)[1] or ()
    depth = len(prefix)
    gone: list[str] = []
    moved: list[tuple[int, str, str]] = []
    for name in names:
        base, path = split(name)
        if base not in listed or path is None or len(path) <= depth or path[:depth] != prefix:
            continue
        if path[depth] == number:
            gone.append(name)
        elif path[depth] > number:
            after = entry_name(base, (*prefix, path[depth] - 1, *path[depth + 1 :]))
            moved.append((path[depth], name, after))
    return gone, [(before, after) for _at, before, after in sorted(moved)]


def nest(
    values: Mapping[str, Any],
    field_repeat: Mapping[str, str],
    outer: Mapping[str, str | None] | None = None,
) -> dict[str, Any]:
    """The stored form of flat `values`; `field_repeat` maps each field in a repeat to the
    (innermost) repeat it sits in, `outer` each repeat inside another to that one."""
    outer = outer or {}
    # Every repeat: those holding a field, and those holding only a repeat (a site's visits).
    repeat_names = set(field_repeat.values()) | set(outer) | {str(o) for o in outer.values() if o}
    nested: dict[str, Any] = {}

    def holder(repeats_chain: list[str], path: Path) -> dict[str, Any] | None:
        """The dict of the entry at `path` of the repeats in `repeats_chain` (the response
        itself for an empty chain)."""
        found: dict[str, Any] = nested
        for repeat, number in zip(repeats_chain, path, strict=True):
            entries = found.get(repeat)
            if not isinstance(entries, list) or not 1 <= number <= len(entries):
                return None
            found = entries[number - 1]
        return found

    # The entries first, outer repeats before inner ones, then the answers into them.
    counts = []
    for key, value in values.items():
        base, path = split(key)
        if base in repeat_names and isinstance(value, int | list):
            counts.append((len(path or ()), key, base, path or (), value))
    for _depth, _key, base, path, value in sorted(counts, key=lambda c: (c[0], c[1])):
        around = chain(outer, base)
        place = holder(around[:-1], path) if len(around) == len(path) + 1 else None
        if place is not None:
            place[base] = value if isinstance(value, list) else [{} for _ in range(value)]
    for key, value in values.items():
        base, path = split(key)
        if base in repeat_names:
            continue
        if path is None:
            nested[key] = value
            continue
        repeat = field_repeat.get(base)
        if repeat is None:
            continue
        repeats_chain = chain(outer, repeat)
        if len(repeats_chain) != len(path):
            continue
        place = holder(repeats_chain, path)
        if place is not None:
            place[base] = value
    return nested


def renamed(node: Any, names: Mapping[str, str]) -> Any:
    """A copy of an expression tree with the references in `names` renamed."""
    if not isinstance(node, list):
        return node
    if node[0] == "ref":
        return ["ref", names.get(node[1], node[1])]
    if node[0] == "call" and node[1] == "indexed-repeat":
        # Its question and repeats name what to read, not an answer of this entry; its
        # numbers are worked out here.
        return [
            "call",
            node[1],
            [arg if at == 0 or at % 2 else renamed(arg, names) for at, arg in enumerate(node[2])],
        ]
    if node[0] == "call":
        return ["call", node[1], [renamed(arg, names) for arg in node[2]]]
    return [renamed(part, names) for part in node]


def aggregated(
    node: Any,
    field_repeat: Mapping[str, str],
    names: Iterable[str],
    prefixes: Mapping[str, Path] | None = None,
) -> Any:
    """The tree with count(), sum(), min(), max(), count-non-empty() and join() of a repeat's
    question (or count() of the repeat, among `names`) as ["entries", function, question,
    repeat] nodes (join's separator after them), which read every
    entry's answer. A question of the entry the expression belongs to has been renamed to its
    entry name before, so that sum(${x}) inside an entry is that entry's x, as in ODK.
    `prefixes` gives, for a repeat inside another, the outer entry the expression sits in: the
    node then reads that entry's entries (``["entries", "sum", "age@1", "members@1"]``)."""
    if not isinstance(node, list):
        return node
    prefixes = prefixes or {}
    if expressions.is_aggregate(node):
        function, name = node[1], expressions.aggregated_name(node)
        # join's separator, after the repeat: ["entries", "join", question, repeat, separator]
        extra = [aggregated(arg, field_repeat, names, prefixes) for arg in node[2][:-1]]
        repeat = field_repeat.get(name)
        if repeat is None and function == "count" and name in set(names):
            repeat, name = name, name
        if repeat is not None:
            path = prefixes.get(repeat, ())
            question = entry_name(name, path) if path else name
            counted = entry_name(repeat, path) if path else repeat
            return ["entries", function, question, counted, *extra]
        return ["call", function, [*extra, node[2][-1]]]
    if node[0] == "call":
        return [
            "call",
            node[1],
            [aggregated(arg, field_repeat, names, prefixes) for arg in node[2]],
        ]
    return [aggregated(part, field_repeat, names, prefixes) for part in node]


def indexed_in_entry(node: Any, prefixes: Mapping[str, Path]) -> Any:
    """The tree with each indexed-repeat(${q}, ${inner}, n) whose repeat sits in the outer
    entry the expression belongs to (`prefixes`, as for `aggregated`) reading that entry's
    entries: its question named in the entry (age@1), whose entry n is age@1.n."""
    if not isinstance(node, list):
        return node
    if node[0] == "call":
        args = [indexed_in_entry(arg, prefixes) for arg in node[2]]
        if node[1] == "indexed-repeat":
            path = prefixes.get(node[2][1][1])
            if path:
                args[0] = ["ref", entry_name(node[2][0][1], path)]
        return ["call", node[1], args]
    return [indexed_in_entry(part, prefixes) for part in node]


@lru_cache(maxsize=8192)
def entry_tree(text: str, levels: tuple[tuple[str, ...], ...], path: Path) -> Any:
    """The tree of `text` as the entry at `path` evaluates it: the fields of each repeat it
    sits in (`levels`, outermost first, one per number of `path`) read that repeat's entry,
    and position(..) is the innermost entry's number. Cached: callers read the tree and never
    change it."""
    tree = expressions.parse(text)
    names = {
        name: entry_name(name, path[: depth + 1])
        for depth, fields in enumerate(levels)
        for name in fields
    }
    return _numbered(renamed(tree, names), path[-1])


def _numbered(node: Any, number: int) -> Any:
    """The tree with position(..) replaced by the entry's number."""
    if not isinstance(node, list):
        return node
    if node[0] == "call" and node[1] == "position":
        return ["num", float(number)]
    if node[0] == "call":
        return ["call", node[1], [_numbered(arg, number) for arg in node[2]]]
    return [_numbered(part, number) for part in node]


def without_entry(
    values: Mapping[str, Any], repeat: str, names: Iterable[str], number: int
) -> dict[str, Any]:
    """Flat values with entry `number` of `repeat` taken out and the later entries moved up.
    `repeat` is the repeat's name, or its entry name in an outer entry (members@1); `names`
    are the fields and repeats inside it, at any depth."""
    listed = set(names)
    prefix = split(repeat)[1] or ()
    depth = len(prefix)
    count = int(values.get(repeat, 0) or 0)
    found: dict[str, Any] = {}
    for key, value in values.items():
        base, path = split(key)
        inside = base in listed and path is not None and len(path) > depth
        if not inside or path is None or path[:depth] != prefix or path[depth] < number:
            found[key] = value
        elif path[depth] > number:
            found[entry_name(base, (*prefix, path[depth] - 1, *path[depth + 1 :]))] = value
    found[repeat] = max(count - 1, 0)
    return found
