"""The names of a repeat's entries: the one rule for them, read by repeats.py (which builds on
it) and by the expression engine (indexed-repeat(), count() over entries), which repeats.py
itself builds on. logic.js follows the same rule (`entryName`).

An answer in an entry is kept, while a form works, under ``<field>@<number>`` (``age@2``); in a
repeat inside another, the numbers of each entry, outermost first, separated by "."
(``age@1.2``). An XLSForm name never holds "@" (it may hold "."), so the numbers are everything
after the last "@".
"""

from __future__ import annotations

SEPARATOR = "@"
LEVEL_SEPARATOR = "."

# An entry's place: its number in each repeat, outermost first ((1, 2): entry 2 of the inner
# repeat, in entry 1 of the outer one).
Path = tuple[int, ...]


def entry_name(name: str, number: int | Path) -> str:
    """`name` in an entry: ``age@2``; in nested repeats ``age@1.2``. A name already in an
    entry (``age@1``, ``members@1``) takes the numbers after its own (``age@1.2``)."""
    path = (number,) if isinstance(number, int) else number
    numbers = LEVEL_SEPARATOR.join(str(n) for n in path)
    joiner = LEVEL_SEPARATOR if SEPARATOR in name else SEPARATOR
    return f"{name}{joiner}{numbers}"


def split(name: str) -> tuple[str, Path | None]:
    """(field name, entry path) for an entry name; (name, None) for any other name."""
    base, sep, numbers = name.rpartition(SEPARATOR)
    if not sep or not base:
        return name, None
    parts = numbers.split(LEVEL_SEPARATOR)
    if all(part.isdigit() for part in parts):
        return base, tuple(int(part) for part in parts)
    return name, None
