"""XLSForm expressions (XPath 1.0 with ODK functions), evaluated here and in the browser alike.

The parser turns the text of a ``relevant``, ``constraint``, ``calculation`` or ``choice_filter``
cell into a small syntax tree made only of lists, strings and numbers, so that the same tree can be
embedded in a page as JSON and evaluated by ``static/questionnaires/logic.js``, which implements
the same semantics. ``tests/questionnaires/expression_cases.json`` holds the cases both must pass.

Tree shape (every node is a list whose first item names its kind)::

    ["num", 3.0]                   number literal (always a float)
    ["str", "yes"]                 string literal
    ["ref", "age"]                 ${age}
    ["cur"]                        .  (the value of the field the expression belongs to)
    ["col", "region"]              bare name: the current choice's column, in a choice_filter
    ["neg", node]                  unary minus
    ["bin", op, left, right]       op is one of: or and = != < <= > >= + - * div mod
    ["call", "selected", [args]]   function call; args is a list of nodes
    ["lookup", file, pred, col]    instance('file')/root/item[pred]/col; pred None without [...],
                                   and a fifth item, the later predicates, for item[p][q]
    ["rowpos"]                     position() in a lookup's [...]: the row's place among those
                                   the [...] filters

Values while evaluating are ``str``, ``float`` or ``bool``, as in XPath 1.0 (no node-sets: a
reference yields the answer as a string, a select_multiple or rank list joined with spaces, and a
missing answer as ""). Conversions follow XPath 1.0 with two ODK-driven choices:

* Dates are ISO ``YYYY-MM-DD`` strings (that is how date answers are stored, and what ``today()``
  and ``date()`` return). Converting a valid date string to a number gives days since 1970-01-01,
  as ODK does for dates, so ``${d} < today()`` and ``today() - ${d}`` compare and subtract days,
  and ``date(${d} + 7)`` turns a day number back into a date.
* ``=`` and ``!=`` compare booleans if either side is one, otherwise numbers if both sides are
  numbers (or numeric strings, or dates), otherwise strings. ``<``, ``<=``, ``>``, ``>=`` always
  compare numbers; NaN makes them false.

Numbers become text the way XPath ``string()`` does, without an exponent and without ".0";
``as_text`` is that conversion for storing a calculation, except that NaN becomes "" (an
unanswerable calculation stores nothing).

``regex()`` must behave the same in Python's ``re`` and JavaScript's ``RegExp``: patterns given as
literals are checked at parse time against the common subset, ``$`` means the very end of the
text in both, and ``\\d``, ``\\w``, ``\\b`` are ASCII-only in both.
"""

from __future__ import annotations

import datetime
import math
import random
import re
import secrets
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

from heard.questionnaires.entries import entry_name

Node = list[Any]
Value = str | float | bool


def gettext_noop(message: str) -> str:
    """Marks a message for makemessages (it finds this name); the importer, which has Django,
    translates it when it is shown. This module has no Django: logic.js shares its cases."""
    return message


# (fewest arguments, most arguments or None for any number)
FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "selected": (2, 2),
    "count-selected": (1, 1),
    "selected-at": (2, 2),
    "string-length": (1, 1),
    "regex": (2, 2),
    "if": (3, 3),
    "coalesce": (2, 2),
    "today": (0, 0),
    "not": (1, 1),
    "true": (0, 0),
    "false": (0, 0),
    "boolean": (1, 1),
    "boolean-from-string": (1, 1),
    "number": (1, 1),
    "string": (1, 1),
    "int": (1, 1),
    "round": (1, 2),
    "concat": (0, None),
    "contains": (2, 2),
    "starts-with": (2, 2),
    "ends-with": (2, 2),
    "substring": (2, 3),
    "substring-before": (2, 2),
    "substring-after": (2, 2),
    "normalize-space": (1, 1),
    "translate": (3, 3),
    "min": (1, None),
    "max": (1, None),
    "abs": (1, 1),
    "floor": (1, 1),
    "ceiling": (1, 1),
    "date": (1, 1),
    # ODK's own
    "pow": (2, 2),
    "substr": (2, 3),
    "format-date": (2, 2),
    "once": (1, 1),
    "now": (0, 0),
    "random": (0, 0),
    "uuid": (0, 1),
    "decimal-date-time": (1, 1),
    "pulldata": (4, 4),
    # jr:choice-name(${colour}, '${colour}'): the label of the choice named by the first
    # argument, in the list of the select question quoted second, in the page's language.
    "jr:choice-name": (2, 2),
    "indexed-repeat": (3, 7),  # a question, then a repeat and a number per level (3, 5 or 7)
    # Over a repeat's entries: count(${people}), sum(${amount}) (see `Form.ast`).
    "count": (1, 1),
    "sum": (1, 1),
    "count-non-empty": (1, 1),
    "join": (2, None),  # join(', ', ${name}): every entry's answer, or the answers given
    "checklist": (3, None),  # checklist(min, max, yes/no, …): how many hold, -1 for no limit
    "weighted-checklist": (4, None),  # weighted-checklist(min, max, yes/no, weight, …)
    # ODK's mathematics
    "sqrt": (1, 1),
    "exp": (1, 1),
    "exp10": (1, 1),
    "log": (1, 1),
    "log10": (1, 1),
    "sin": (1, 1),
    "cos": (1, 1),
    "tan": (1, 1),
    "asin": (1, 1),
    "acos": (1, 1),
    "atan": (1, 1),
    "atan2": (2, 2),
    "pi": (0, 0),
}

# Functions that XLSForm authors reach for and that we knowingly leave out, with the reason.
UNSUPPORTED: dict[str, str] = {
    "position": gettext_noop(
        "position() takes only '..': write position(..) for the number of a repeat's entry"
    ),
    "area": gettext_noop(
        "area() is not supported yet: work out a shape's area from the exported answers"
    ),
    "distance": gettext_noop(
        "distance() is not supported yet: work out a line's length from the exported answers"
    ),
    "geofence": gettext_noop(
        "geofence() is not supported yet: check where a point lies from the exported answers"
    ),
    "digest": gettext_noop(
        "digest() is not supported: a web form does not hash answers; compare the answer itself"
    ),
    "base64-decode": gettext_noop(
        "base64-decode() is not supported: put the text itself in the form"
    ),
    "extract-signed": gettext_noop(
        "extract-signed() is not supported: a web form checks no signatures"
    ),
    "date-time": gettext_noop(
        "date-time() is not supported: work with dates, as date(${day}) or today()"
    ),
    "decimal-time": gettext_noop(
        "decimal-time() is not supported: ask for the hours as a decimal number"
    ),
    "format-date-time": gettext_noop(
        "format-date-time() is not supported: format-date() takes the same patterns, %H:%M included"
    ),
    "randomize": gettext_noop(
        "randomize() is not supported: write randomize=true in the question's parameters"
    ),
}

LAST_SAVED = "${last-saved#"
# jr:choice-name()'s second argument: a select question, quoted ('${colour}').
_QUOTED_REFERENCE = re.compile(r"\s*\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}\s*")
_LAST_SAVED_RE = re.compile(r"\$\{last-saved#([A-Za-z_][A-Za-z0-9_.-]*)\}")
_POSITION_CALL_RE = re.compile(r"position\(")
_NAME = r"[A-Za-z_][A-Za-z0-9_.-]*"
_NAME_RE = re.compile(_NAME)
_FUNCTION_NAME_RE = re.compile(rf"{_NAME}(?::{_NAME})?")
_NUMBER_LITERAL_RE = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")
_NUMBER_TEXT_RE = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_ISO_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_LOOSE_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:T.*)?", re.DOTALL)
_XML_SPACE = " \t\r\n"
_XML_SPACE_RUN = re.compile(r"[ \t\r\n]+")
_DATE_TIME_RE = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?"
)
_EPOCH = datetime.date(1970, 1, 1).toordinal()
_FIRST_DAY = datetime.date.min.toordinal() - _EPOCH
_LAST_DAY = datetime.date.max.toordinal() - _EPOCH
# Evaluation recurses once per level of the tree, parsing about ten times per parenthesis.
_MAX_NESTING = 50
_MAX_DEPTH = 250
_DIGITS = "0123456789"
_DIGITS_AFTER_POINT = tuple(_DIGITS)

_SYMBOLS = ("!=", "<=", ">=", "=", "<", ">", "+", "-", "*", "(", ")", ",")
_MISTAKES = {
    "==": gettext_noop("use '=' to compare, not '=='"),
    "&&": gettext_noop("use 'and', not '&&'"),
    "||": gettext_noop("use 'or', not '||'"),
    "<>": gettext_noop("use '!=' for 'not equal', not '<>'"),
}
_CURLY_QUOTES = "‘’“”«»"


class Said:
    """A message in English with its values, to be said in the reader's language: `say(gettext)`
    translates the template and fills in the values (which may be Said too); str() is English."""

    __slots__ = ("template", "values")

    def __init__(self, template: str, **values: Any) -> None:
        self.template = template
        self.values = values

    def say(self, translate: Callable[[str], str] = gettext_noop) -> str:
        text = translate(self.template)
        if not self.values:
            return text  # a template without values may hold a literal % (format-date's %H)
        return text % {
            key: value.say(translate) if isinstance(value, Said) else value
            for key, value in self.values.items()
        }

    def __str__(self) -> str:
        return self.say()


AT_CHARACTER = gettext_noop("%(problem)s (at character %(position)s)")


class ExpressionError(ValueError):
    """A syntax error or unsupported feature; ``position`` is the 0-based offset in the text.

    ``str(error)`` reads ``"<message> (at character <position + 1>)"``, ready to show to a person;
    ``say(gettext)`` says the same in the reader's language.
    """

    def __init__(self, message: Said | str, position: int) -> None:
        self.said = message if isinstance(message, Said) else Said(message)
        self.message = str(self.said)
        self.position = position
        super().__init__(self.say())

    def say(self, translate: Callable[[str], str] = gettext_noop) -> str:
        return translate(AT_CHARACTER) % {
            "problem": self.said.say(translate),
            "position": self.position + 1,
        }


# Parsing -----------------------------------------------------------------------------------


class _Token:
    __slots__ = ("kind", "pos", "value")

    def __init__(self, kind: str, value: Any, pos: int) -> None:
        self.kind = kind  # num, str, ref, cur, name, sym, lookup, end
        self.value = value
        self.pos = pos

    def describe(self) -> Said | str:
        if self.kind == "end":
            return Said(gettext_noop("the end of the expression"))
        if self.kind == "str":
            return Said(gettext_noop("the string %(text)s"), text=repr(self.value))
        if self.kind == "ref":
            return f"${{{self.value}}}"
        return f"'{self.value}'"


def _matched(pattern: re.Pattern[str], text: str, i: int) -> str:
    match = pattern.match(text, i)
    if match is None:  # the caller checked the first character, so this does not happen
        raise ExpressionError(_unexpected(text[i]), i)
    return match.group()


# instance('people')/root/item[...]/region: a row of an attached data file, by a predicate.
_INSTANCE_RE = re.compile(r"instance\s*\(\s*(['\"])([^'\"]*)\1\s*\)")
_ROOT_ITEM_RE = re.compile(r"\s*/\s*root\s*/\s*item")
_COLUMN_STEP_RE = re.compile(r"\s*/\s*([A-Za-z_][A-Za-z0-9_.-]*)")
_LOOKUP_SHAPE = gettext_noop(
    "write a lookup in an attached file as instance('people')/root/item[id = ${id}]/region"
)


def _unknown_function(name: str) -> Said:
    return Said(gettext_noop("unknown function '%(name)s()'"), name=name)


def _unexpected(character: str) -> Said:
    return Said(gettext_noop("unexpected character %(character)s"), character=repr(character))


def _closing_bracket(text: str, start: int) -> int:
    """Where the ']' closing the '[' at `start` is, past strings and inner brackets."""
    depth, i, quote = 0, start, ""
    while i < len(text):
        c = text[i]
        if quote:
            quote = "" if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ExpressionError(gettext_noop("the '[' starting here is not closed with ']'"), start)


def _lookup_token(text: str, i: int) -> tuple[_Token, int]:
    """instance('name')/root/item[predicate]/column as one token, its predicate parsed with the
    item's columns as bare names; the position after it."""
    start = i
    match = _INSTANCE_RE.match(text, i)
    if match is None:  # the tokenizer calls this only where the pattern matches
        raise ExpressionError(_LOOKUP_SHAPE, start)
    name = match[2].strip()
    i = match.end()
    steps = _ROOT_ITEM_RE.match(text, i)
    if steps is None:
        raise ExpressionError(_LOOKUP_SHAPE, start)
    i = steps.end()
    while i < len(text) and text[i] in _XML_SPACE:
        i += 1
    # Each [...] filters the rows the one before it kept, as XPath's predicates do: in
    # item[region = 'north'][position() = 2], position() counts the northern rows.
    predicates: list[Node] = []
    while text.startswith("[", i):
        end = _closing_bracket(text, i)
        inner = text[i + 1 : end]
        try:
            predicate = _Parser(inner, True, in_lookup=True).parse()
        except ExpressionError as exc:
            raise ExpressionError(exc.said, i + 1 + exc.position) from None
        if any(node[0] == "cur" for node in _walk(predicate)):
            raise ExpressionError(
                gettext_noop(
                    "'.' in a lookup's [...] is not supported: compare a column, as in [id = ${id}]"
                ),
                i,
            )
        predicates.append(predicate)
        i = end + 1
        while i < len(text) and text[i] in _XML_SPACE:
            i += 1
    column = _COLUMN_STEP_RE.match(text, i)
    if column is None:
        raise ExpressionError(_LOOKUP_SHAPE, start)
    return _Token("lookup", [name, predicates, column[1]], start), column.end()


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in _XML_SPACE:
            i += 1
            continue
        two = text[i : i + 2]
        if two in _MISTAKES:
            raise ExpressionError(_MISTAKES[two], i)
        if c in _DIGITS or (c == "." and text[i + 1 : i + 2] in _DIGITS_AFTER_POINT):
            literal = _matched(_NUMBER_LITERAL_RE, text, i)
            tokens.append(_Token("num", literal, i))
            i += len(literal)
        elif c in "'\"":
            end = text.find(c, i + 1)
            if end < 0:
                raise ExpressionError(
                    Said(
                        gettext_noop("the string starting here is not closed with %(quote)s"),
                        quote=c,
                    ),
                    i,
                )
            tokens.append(_Token("str", text[i + 1 : end], i))
            i = end + 1
        elif c == "$":
            if text[i + 1 : i + 2] != "{":
                raise ExpressionError(gettext_noop("'$' must start a reference such as ${age}"), i)
            if text.startswith(LAST_SAVED, i):
                # The answer on the device's previous form: Heard keeps none on any device (for
                # respondents' privacy), so it is empty, as in ODK on a device's first form.
                found = _NAME_RE.match(text, i + len(LAST_SAVED))
                if found is None or text[found.end() : found.end() + 1] != "}":
                    raise ExpressionError(
                        gettext_noop("write ${last-saved#name} with a field's name"), i
                    )
                tokens.append(_Token("str", "", i))
                i = found.end() + 1
                continue
            match = _NAME_RE.match(text, i + 2)
            if match is None:
                raise ExpressionError(
                    gettext_noop("'${' must be followed by a field name, as in ${age}"), i
                )
            if text[match.end() : match.end() + 1] != "}":
                raise ExpressionError(
                    Said(
                        gettext_noop("the reference '${%(name)s' is not closed with '}'"),
                        name=match.group(),
                    ),
                    i,
                )
            tokens.append(_Token("ref", match.group(), i))
            i = match.end() + 1
        elif c == ".":
            if two == ".." and _POSITION_CALL_RE.fullmatch("".join(t.value for t in tokens[-2:])):
                # position(..): the number of the repeat's entry (repeats.entry_tree).
                tokens.append(_Token("parent", "..", i))
                i += 2
                continue
            if two == "..":
                raise ExpressionError(
                    gettext_noop("'..' (parent paths) is not supported: use ${name}"), i
                )
            tokens.append(_Token("cur", ".", i))
            i += 1
        elif text.startswith("instance", i) and _INSTANCE_RE.match(text, i):
            token, i = _lookup_token(text, i)
            tokens.append(token)
        elif c.isascii() and (c.isalpha() or c == "_"):
            name = _matched(_FUNCTION_NAME_RE, text, i)
            tokens.append(_Token("name", name, i))
            i += len(name)
        elif c in _CURLY_QUOTES:
            raise ExpressionError(
                Said(
                    gettext_noop(
                        "the curly quote %(quote)s does not start a string: use straight quotes "
                        "' or \""
                    ),
                    quote=c,
                ),
                i,
            )
        elif c == "/":
            raise ExpressionError(
                gettext_noop("paths such as /data/name are not supported: use ${name}"), i
            )
        else:
            for symbol in _SYMBOLS:
                if text.startswith(symbol, i):
                    tokens.append(_Token("sym", symbol, i))
                    i += len(symbol)
                    break
            else:
                if c == "!":
                    raise ExpressionError(
                        gettext_noop("use '!=' for 'not equal' and not(...) for negation"), i
                    )
                raise ExpressionError(_unexpected(c), i)
    tokens.append(_Token("end", "", n))
    return tokens


_LEVELS: list[tuple[str, ...]] = [
    ("or",),
    ("and",),
    ("=", "!="),
    ("<", "<=", ">", ">="),
    ("+", "-"),
    ("*", "div", "mod"),
]


class _Parser:
    def __init__(self, text: str, allow_columns: bool, *, in_lookup: bool = False) -> None:
        self.tokens = _tokenize(text)
        self.index = 0
        self.depth = 0
        self.allow_columns = allow_columns
        # In a lookup's [...], position() is the row's place among those the [...] filters.
        self.in_lookup = in_lookup

    @property
    def token(self) -> _Token:
        return self.tokens[self.index]

    def advance(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def operator(self, choices: tuple[str, ...]) -> str | None:
        token = self.token
        # "and", "or", "div" and "mod" are operators only where an operator may stand, as in XPath.
        if (token.kind == "sym" or token.kind == "name") and token.value in choices:
            return token.value
        return None

    def parse(self) -> Node:
        if self.token.kind == "end":
            raise ExpressionError(gettext_noop("the expression is empty"), 0)
        node = self.binary(0)
        if self.token.kind != "end":
            raise ExpressionError(
                Said(
                    gettext_noop(
                        "expected an operator or the end of the expression, found %(found)s"
                    ),
                    found=self.token.describe(),
                ),
                self.token.pos,
            )
        return node

    def binary(self, level: int) -> Node:
        if level == len(_LEVELS):
            return self.unary()
        node = self.binary(level + 1)
        while (op := self.operator(_LEVELS[level])) is not None:
            self.advance()
            node = ["bin", op, node, self.binary(level + 1)]
        return node

    def unary(self) -> Node:
        if self.token.kind == "sym" and self.token.value == "-":
            self.advance()
            self.enter()
            node = ["neg", self.unary()]
            self.depth -= 1
            return node
        return self.primary()

    def enter(self) -> None:
        self.depth += 1
        if self.depth > _MAX_NESTING:
            raise ExpressionError(
                gettext_noop("the expression is nested too deeply"), self.token.pos
            )

    def primary(self) -> Node:
        token = self.advance()
        if token.kind == "num":
            return ["num", float(token.value)]
        if token.kind == "str":
            return ["str", token.value]
        if token.kind == "ref":
            return ["ref", token.value]
        if token.kind == "cur":
            return ["cur"]
        if token.kind == "lookup":
            # ["lookup", file, first predicate or None, column, (later predicates)]: the later
            # ones only when written, so that a one-predicate lookup keeps the shape it had.
            name, predicates, column = token.value
            first = predicates[0] if predicates else None
            return ["lookup", name, first, column, *([predicates[1:]] if predicates[1:] else [])]
        if token.kind == "sym" and token.value == "(":
            self.enter()
            node = self.binary(0)
            self.depth -= 1
            self.expect(
                ")",
                Said(
                    gettext_noop("missing ')' to close the '(' at character %(position)s"),
                    position=token.pos + 1,
                ),
            )
            return node
        if token.kind == "name":
            if self.token.kind == "sym" and self.token.value == "(":
                return self.call(token)
            return self.column(token)
        raise ExpressionError(
            Said(
                gettext_noop("expected a value, a ${reference} or a function, found %(found)s"),
                found=token.describe(),
            ),
            token.pos,
        )

    def column(self, token: _Token) -> Node:
        name = token.value
        if name in FUNCTIONS or name in UNSUPPORTED:
            call = f"{name}()" if FUNCTIONS.get(name, (1, 1))[1] == 0 else f"{name}(...)"
            raise ExpressionError(
                Said(gettext_noop("%(name)s is a function: write %(call)s"), name=name, call=call),
                token.pos,
            )
        if not self.allow_columns or not _NAME_RE.fullmatch(name):
            raise ExpressionError(
                Said(
                    gettext_noop(
                        "'%(name)s' is not a reference: write ${%(name)s} for the answer to a field"
                    ),
                    name=name,
                ),
                token.pos,
            )
        return ["col", name]

    def call(self, token: _Token) -> Node:
        name = token.value
        if name == "position":
            self.advance()  # (
            if self.in_lookup and self.token.kind == "sym" and self.token.value == ")":
                self.advance()
                return ["rowpos"]
            if self.token.kind != "parent":
                raise ExpressionError(UNSUPPORTED["position"], token.pos)
            self.advance()
            self.expect(")", gettext_noop("write position(..) for the number of a repeat's entry"))
            return ["call", "position", []]
        if name in UNSUPPORTED:
            raise ExpressionError(UNSUPPORTED[name], token.pos)
        if name not in FUNCTIONS:
            raise ExpressionError(_unknown_function(name), token.pos)
        self.advance()  # (
        self.enter()
        args: list[Node] = []
        starts: list[int] = []
        if not (self.token.kind == "sym" and self.token.value == ")"):
            while True:
                starts.append(self.token.pos)
                args.append(self.binary(0))
                if self.token.kind == "sym" and self.token.value == ",":
                    self.advance()
                    continue
                break
        self.expect(
            ")",
            Said(gettext_noop("expected ',' or ')' in the arguments of %(name)s()"), name=name),
        )
        self.depth -= 1
        fewest, most = FUNCTIONS[name]
        if len(args) < fewest or (most is not None and len(args) > most):
            if most is None:
                wanted = gettext_noop(
                    "%(name)s() takes at least %(fewest)s arguments, not %(count)s"
                )
            elif fewest == most == 1:
                wanted = gettext_noop("%(name)s() takes 1 argument, not %(count)s")
            elif fewest == most:
                wanted = gettext_noop("%(name)s() takes %(fewest)s arguments, not %(count)s")
            else:
                wanted = gettext_noop(
                    "%(name)s() takes %(fewest)s to %(most)s arguments, not %(count)s"
                )
            raise ExpressionError(
                Said(wanted, name=name, fewest=fewest, most=most, count=len(args)), token.pos
            )
        if name in ("count", "sum", "count-non-empty") and args[0][0] != "ref":
            raise ExpressionError(
                Said(
                    gettext_noop(
                        "%(name)s() takes a repeat or a question in one, as in count(${people}) "
                        "or sum(${amount})"
                    ),
                    name=name,
                ),
                token.pos,
            )
        if name == "indexed-repeat" and (
            len(args) % 2 == 0 or any(args[at][0] != "ref" for at in (0, *range(1, len(args), 2)))
        ):
            raise ExpressionError(
                gettext_noop(
                    "indexed-repeat() takes a question of a repeat, then the repeat and the "
                    "entry's number, as in indexed-repeat(${age}, ${people}, 2) (in a repeat "
                    "inside another, the outer repeat and its number first: "
                    "indexed-repeat(${age}, ${households}, 1, ${people}, 2))"
                ),
                token.pos,
            )
        if name == "pulldata":
            for position, arg in enumerate(args[:3]):
                if arg[0] != "str" or not arg[1].strip():
                    raise ExpressionError(
                        gettext_noop(
                            "pulldata() takes the file, the column to read and the column to "
                            "match as quoted names, as in pulldata('people', 'region', 'id', ${id})"
                        ),
                        starts[position],
                    )
        if name == "jr:choice-name" and not (
            args[1][0] == "str" and _QUOTED_REFERENCE.fullmatch(args[1][1])
        ):
            raise ExpressionError(
                gettext_noop(
                    "jr:choice-name() takes the choice's name and then the select question, "
                    "quoted, as in jr:choice-name(${colour}, '${colour}')"
                ),
                starts[1],
            )
        if name == "regex" and args[1][0] == "str":
            problem = regex_problem(args[1][1])
            if problem:
                raise ExpressionError(problem, starts[1])
        return ["call", name, args]

    def expect(self, symbol: str, message: Said | str) -> None:
        if self.token.kind == "sym" and self.token.value == symbol:
            self.advance()
            return
        raise ExpressionError(
            Said(
                gettext_noop("%(expected)s, found %(found)s"),
                expected=message if isinstance(message, Said) else Said(message),
                found=self.token.describe(),
            ),
            self.token.pos,
        )


def parse(text: str, *, allow_columns: bool = True) -> Node:
    """Parse an XLSForm expression into a JSON-able tree; raise ExpressionError if it is invalid.

    Bare names (choice columns) are accepted unless ``allow_columns`` is false; callers that
    accept them only in a choice_filter can also check ``column_names()`` afterwards.
    """
    node = _Parser(text, allow_columns).parse()
    if _depth(node) > _MAX_DEPTH:
        raise ExpressionError(
            gettext_noop("the expression is too long: split it over calculate fields"), 0
        )
    return node


def _depth(node: Node) -> int:
    deepest = 0
    stack: list[tuple[Node, int]] = [(node, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        kind = item[0]
        if kind == "neg":
            stack.append((item[1], level + 1))
        elif kind == "bin":
            stack += [(item[2], level + 1), (item[3], level + 1)]
        elif kind == "call":
            stack += [(arg, level + 1) for arg in item[2]]
        elif kind == "lookup":
            stack += [(predicate, level + 1) for predicate in lookup_predicates(item)]
    return deepest


def lookup_predicates(node: Node) -> list[Node]:
    """A lookup's [...] in the order written (the first at node[2], any later ones at node[4])."""
    return ([node[2]] if node[2] is not None else []) + (list(node[4]) if len(node) > 4 else [])


def _walk(node: Node, *, into_lookups: bool = True) -> Iterator[Node]:
    """Every node of the tree; a lookup's [...] too unless `into_lookups` is false (its bare
    names are the data file's columns, not a choice's)."""
    yield node
    kind = node[0]
    if kind == "neg":
        yield from _walk(node[1], into_lookups=into_lookups)
    elif kind == "bin":
        yield from _walk(node[2], into_lookups=into_lookups)
        yield from _walk(node[3], into_lookups=into_lookups)
    elif kind == "call":
        for arg in node[2]:
            yield from _walk(arg, into_lookups=into_lookups)
    elif kind == "lookup" and into_lookups:
        for predicate in lookup_predicates(node):
            yield from _walk(predicate, into_lookups=into_lookups)


def last_saved_names(text: str) -> list[str]:
    """The names read as ${last-saved#name} in an expression or a text (always empty)."""
    return _LAST_SAVED_RE.findall(text)


def references(node: Node) -> set[str]:
    """The field names used as ${name}."""
    return {item[1] for item in _walk(node) if item[0] == "ref"}


def entry_reads(node: Node) -> list[tuple[str, tuple[str, ...]]]:
    """(question, repeats, outermost first) of each indexed-repeat(): a read of one entry's
    answer by number (one repeat, or a repeat and the repeats inside it)."""
    return [
        (item[2][0][1], tuple(arg[1] for arg in item[2][1::2]))
        for item in _walk(node)
        if item[0] == "call" and item[1] == "indexed-repeat"
    ]


AGGREGATES = ("count", "sum", "min", "max", "count-non-empty")


def is_aggregate(item: Node) -> bool:
    """count(${x}), sum(${x}), min(${x}), max(${x}), count-non-empty(${x}) and join(sep, ${x}):
    over a repeat's entries when x is in one."""
    if item[0] != "call":
        return False
    if item[1] == "join":
        return len(item[2]) == 2 and item[2][1][0] == "ref"
    return item[1] in AGGREGATES and len(item[2]) == 1 and item[2][0][0] == "ref"


def aggregated_name(item: Node) -> str:
    """The name an aggregate (see is_aggregate) reads every entry of."""
    return str(item[2][-1][1])


def aggregate_reads(node: Node) -> list[tuple[str, str]]:
    """(function, name) of each aggregate: count(${x}), sum(${x}), …, join(sep, ${x})."""
    return [(item[1], aggregated_name(item)) for item in _walk(node) if is_aggregate(item)]


def free_references(node: Node) -> set[str]:
    """The references that read an answer as it stands: those naming a question and its repeat
    in an indexed-repeat() read one entry's answer instead, and the one in count(), sum(),
    min() or max() reads every entry's."""
    found: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if item[0] == "ref":
            found.add(item[1])
        elif item[0] == "neg":
            stack.append(item[1])
        elif item[0] == "bin":
            stack += [item[2], item[3]]
        elif is_aggregate(item):
            stack += item[2][:-1]  # join's separator
        elif item[0] == "call":
            # indexed-repeat's question and repeats name what it reads; its numbers are read.
            stack += item[2][2::2] if item[1] == "indexed-repeat" else item[2]
        elif item[0] == "lookup":
            stack += lookup_predicates(item)
    return found


def uses_current(node: Node) -> bool:
    """Whether the expression uses '.', the value of its own field."""
    return any(item[0] == "cur" for item in _walk(node, into_lookups=False))


def column_names(node: Node) -> set[str]:
    """The bare names used, which only a choice_filter can resolve (choice columns)."""
    return {item[1] for item in _walk(node, into_lookups=False) if item[0] == "col"}


def data_lookups(node: Node) -> dict[str, set[str]]:
    """The attached data files the expression reads, by the name it gives them, with the
    columns it reads in each: pulldata('file', 'column', 'matched', …) and
    instance('file')/root/item[predicate]/column."""
    found: dict[str, set[str]] = {}
    for item in _walk(node):
        if item[0] == "call" and item[1] == "pulldata":
            file, column, match = (arg[1].strip(_XML_SPACE) for arg in item[2][:3])
            found.setdefault(file, set()).update((column, match))
        elif item[0] == "lookup":
            columns = {item[3]}
            for predicate in lookup_predicates(item):
                columns |= column_names(predicate)
            found.setdefault(item[1], set()).update(columns)
    return found


def choice_name_questions(node: Node) -> set[str]:
    """The select questions whose choices' labels jr:choice-name() reads."""
    return {
        _question_quoted(item[2][1][1])
        for item in _walk(node)
        if item[0] == "call" and item[1] == "jr:choice-name"
    }


def choice_labels_key(question: str) -> str:
    """Where the labels of a question's choices sit among the data an expression reads: under
    "${question}", which no attached file's name can be (instance names are XML names)."""
    return f"${{{question}}}"


def _question_quoted(text: str) -> str:
    """'${colour}' → colour (checked when parsed)."""
    found = _QUOTED_REFERENCE.fullmatch(text)
    return found[1] if found else ""


def instance_names(node: Node) -> set[str]:
    """The names read as instance('name')/root/item…, which the form must declare."""
    return {item[1] for item in _walk(node) if item[0] == "lookup"}


def function_names(node: Node) -> set[str]:
    return {item[1] for item in _walk(node) if item[0] == "call"}


# Regular expressions -----------------------------------------------------------------------


def _python_pattern(pattern: str) -> str:
    """The pattern with '$' meaning the very end, as in JavaScript (Python also matches before a
    final newline, which a textarea answer may have)."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            # A ']' right after '[' or '[^' is a literal in Python.
            j = i + 1
            if pattern[j : j + 1] == "^":
                j += 1
            if pattern[j : j + 1] == "]":
                out.append(pattern[i : j + 1])
                i = j + 1
                continue
        elif c == "$":
            out.append(r"\Z")
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def regex_problem(pattern: str) -> Said | None:
    """Why a regex() pattern is not in the subset that Python and JavaScript agree on, or None."""
    try:
        re.compile(_python_pattern(pattern), re.ASCII)
    except re.error as exc:
        # Python's own explanation stays in English: it names the part of the pattern at fault.
        return Said(
            gettext_noop("the regular expression %(pattern)s is invalid: %(reason)s"),
            pattern=repr(pattern),
            reason=exc.msg,
        )
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        nxt = pattern[i + 1 : i + 2]
        if c == "\\":
            if nxt in ("A", "Z"):
                return Said(
                    gettext_noop("\\%(escape)s is not supported in regex(): use ^ and $"),
                    escape=nxt,
                )
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 3] in ("]", "^]"):
                return Said(
                    gettext_noop(
                        "a ']' first in a [...] class is not supported in regex(): write \\]"
                    )
                )
        elif c == "(" and nxt == "?":
            kind = pattern[i + 2 : i + 4]
            if kind[:1] not in (":", "=", "!") and kind not in ("<=", "<!"):
                return Said(
                    gettext_noop(
                        "regex() supports (?:...), (?=...), (?!...), (?<=...) and (?<!...) "
                        "groups only, not %(group)s"
                    ),
                    group=repr(pattern[i : i + 4]),
                )
        elif c in "*+?}" and nxt == "+":
            return Said(
                gettext_noop("possessive quantifiers such as '++' are not supported in regex()")
            )
        i += 1
    return None


def _regex(text: str, pattern: str) -> bool:
    try:
        compiled = re.compile(_python_pattern(pattern), re.ASCII)
    except re.error:
        return False
    return compiled.search(text) is not None


# Conversions -------------------------------------------------------------------------------


def _number_text(x: float) -> str:
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"
    # repr() gives the shortest digits that round-trip, as JavaScript's String() does; Decimal
    # spells them out without an exponent.
    text = format(Decimal(repr(x)), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def to_string(value: object) -> str:
    """XPath string(): also turns answers (int, list of choice names, None) into node text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return _number_text(float(value))
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(to_string(item) for item in value)
    return str(value)


def as_text(value: object) -> str:
    """The text to store for a calculation's result: like string(), but NaN stores nothing."""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return to_string(value)


def _day_number(text: str) -> int | None:
    match = _ISO_DATE_RE.fullmatch(text)
    if match is None:
        return None
    try:
        day = datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    return day.toordinal() - _EPOCH


def _decimal_date_time(text: str) -> float:
    """ODK's decimal-date-time(): days since 1970-01-01 UTC with the time as a fraction; a time
    written without an offset is the local time, as a browser reads it."""
    if _NUMBER_TEXT_RE.fullmatch(text):
        return float(text)
    match = _DATE_TIME_RE.fullmatch(text)
    if match is None:
        return math.nan
    year, month, day = int(match[1]), int(match[2]), int(match[3])
    hour, minute, second = (int(match[i] or 0) for i in (4, 5, 6))
    try:
        moment = datetime.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return math.nan
    days = float(moment.date().toordinal() - _EPOCH)
    if match[4] is None:
        return days
    zone = match[8]
    if zone is None:
        offset = moment.astimezone().utcoffset() or datetime.timedelta()
        offset_seconds = offset.total_seconds()
    elif zone == "Z":
        offset_seconds = 0.0
    else:
        digits = zone[1:].replace(":", "")
        offset_seconds = (int(digits[:2]) * 3600 + int(digits[2:]) * 60) * (
            -1 if zone[0] == "-" else 1
        )
    seconds = hour * 3600 + minute * 60 + second + float(match[7] or 0) - offset_seconds
    return days + seconds / 86400


def to_number(value: object) -> float:
    """XPath number(), plus valid ISO dates as days since 1970-01-01."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        return float(value)
    text = to_string(value).strip(_XML_SPACE)
    if _NUMBER_TEXT_RE.fullmatch(text):
        return float(text)
    days = _day_number(text)
    return math.nan if days is None else float(days)


def to_boolean(value: object) -> bool:
    """XPath boolean(): non-empty strings and numbers other than 0 and NaN are true."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return not (value == 0 or math.isnan(value))
    return to_string(value) != ""


def _date_text(day: float) -> str:
    if not math.isfinite(day):
        return ""
    whole = math.floor(day)
    if whole < _FIRST_DAY or whole > _LAST_DAY:
        return ""
    return datetime.date.fromordinal(whole + _EPOCH).isoformat()


def _to_date(value: Value) -> str:
    if isinstance(value, bool):
        return ""
    if isinstance(value, float):
        return _date_text(value)
    text = value.strip(_XML_SPACE)
    if _NUMBER_TEXT_RE.fullmatch(text):
        return _date_text(float(text))
    match = _LOOSE_DATE_RE.fullmatch(text)
    if match is None:
        return ""
    try:
        return datetime.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return ""


def _tokens(value: Value) -> list[str]:
    return [item for item in _XML_SPACE_RUN.split(to_string(value)) if item]


# Evaluation --------------------------------------------------------------------------------


# An attached data file as pulldata() reads it: its rows, each a mapping of column to text.
DataFile = Sequence[Mapping[str, str]]


class _Context:
    __slots__ = ("choice", "current", "data", "position", "today", "values")

    def __init__(
        self,
        values: Mapping[str, object],
        current: object,
        choice: Mapping[str, object] | None,
        today: datetime.date,
        data: Mapping[str, DataFile],
        position: int = 1,
    ) -> None:
        self.values = values
        self.current = current
        self.choice = choice
        self.today = today
        self.data = data
        # The row's place among those a lookup's [...] filters: what position() reads there.
        self.position = position


def _over_entries(node: Node, ctx: _Context) -> Value:
    """["entries", count | sum | min | max | count-non-empty, question, repeat] and ["entries",
    "join", question, repeat, separator]: over the answers the repeat's entries gave (their
    entry names, "amount@2"), the repeat's entry count under its own name, as XPath does over a
    nodeset: an entry left empty makes a sum NaN, as in ODK."""
    operation, question, repeat = node[1], node[2], node[3]
    count = to_number(ctx.values.get(repeat))
    count = int(count) if math.isfinite(count) and count > 0 else 0
    if operation == "count":
        return float(count)
    if operation in ("count-non-empty", "join"):
        texts = [to_string(ctx.values.get(entry_name(question, n))) for n in range(1, count + 1)]
        if operation == "join":
            return to_string(_eval(node[4], ctx)).join(texts)
        return float(sum(1 for text in texts if text != ""))
    numbers = [to_number(ctx.values.get(entry_name(question, n))) for n in range(1, count + 1)]
    if operation == "sum":
        total = 0.0
        for x in numbers:  # in order, as logic.js adds them: the same result to the last bit
            total += x
        return total
    if not numbers or any(math.isnan(x) for x in numbers):
        return math.nan
    return min(numbers) if operation == "min" else max(numbers)


def _look_up(node: Node, ctx: _Context) -> str:
    """instance('file')/root/item[predicate]/column: the column of the first row the predicate
    holds for (a number stands for the row's position, as in XPath), or nothing."""
    rows: Sequence[Mapping[str, object]] = ctx.data.get(node[1], [])
    for predicate in lookup_predicates(node):
        rows = [
            row
            for position, row in enumerate(rows, start=1)
            if _holds_for_row(predicate, row, position, ctx)
        ]
    return to_string(rows[0].get(node[3], "")) if rows else ""


def _holds_for_row(
    predicate: Node, row: Mapping[str, object], position: int, ctx: _Context
) -> bool:
    """Whether a lookup's [...] keeps the row at `position` among those it filters: a number
    stands for a position, as in XPath's item[2]."""
    held = _eval(predicate, _Context(ctx.values, ctx.current, row, ctx.today, ctx.data, position))
    if isinstance(held, float) and not isinstance(held, bool):
        return held == position
    return to_boolean(held)


def _pull(rows: DataFile, column: str, match: str, key: str) -> str:
    """ODK's pulldata(): the column of the first row whose matched column holds the key, or
    nothing."""
    for row in rows:
        if row.get(match) == key:
            return row.get(column, "")
    return ""


def _equal(left: Value, right: Value) -> bool:
    if isinstance(left, bool) or isinstance(right, bool):
        return to_boolean(left) == to_boolean(right)
    x, y = to_number(left), to_number(right)
    if not (math.isnan(x) or math.isnan(y)):
        return x == y
    return to_string(left) == to_string(right)


def _divide(x: float, y: float) -> float:
    if y == 0:
        if x == 0 or math.isnan(x):
            return math.nan
        return math.copysign(math.inf, x) * math.copysign(1.0, y)
    return x / y


def _modulo(x: float, y: float) -> float:
    try:
        return math.fmod(x, y)
    except ValueError:  # x infinite or y zero
        return math.nan


_ARITHMETIC: dict[str, Callable[[float, float], float]] = {
    "+": lambda x, y: x + y,
    "-": lambda x, y: x - y,
    "*": lambda x, y: x * y,
    "div": _divide,
    "mod": _modulo,
}
_RELATIONAL: dict[str, Callable[[float, float], bool]] = {
    "<": lambda x, y: x < y,
    "<=": lambda x, y: x <= y,
    ">": lambda x, y: x > y,
    ">=": lambda x, y: x >= y,
}


def _xpath_round(x: float) -> float:
    """XPath round(): halves go up (towards +infinity)."""
    return x if not math.isfinite(x) else float(math.floor(x + 0.5))


def _round(x: float, digits: float) -> float:
    """ODK round(x, digits): halves go away from zero.

    Only exact powers of ten and IEEE operations are used, so JavaScript gets the same result.
    """
    if math.isnan(digits):
        return math.nan
    if not math.isfinite(x):
        return x
    places = 22 if digits > 22 else -22 if digits < -22 else math.trunc(digits)
    scale = 1.0
    for _ in range(abs(places)):
        scale *= 10.0
    scaled = x * scale if places >= 0 else x / scale
    if abs(scaled) >= 2.0**52:  # already a whole number at this scale
        return x
    rounded = math.copysign(math.floor(abs(scaled) + 0.5), scaled)
    return rounded / scale if places >= 0 else rounded * scale


def _substring(text: str, start: float, length: float | None) -> str:
    first = _xpath_round(start)
    end = math.inf if length is None else first + _xpath_round(length)
    return "".join(c for p, c in enumerate(text, 1) if p >= first and p < end)


def _substr(text: str, start: float, end: float | None) -> str:
    """ODK's substr(): from `start` (counted from 0) up to `end`, not included; a negative
    index counts from the end."""
    size = len(text)

    def index(x: float) -> int:
        if math.isnan(x):
            return 0
        at = int(x) if math.isfinite(x) else (size if x > 0 else -size)
        return max(0, min(size, at + size if at < 0 else at))

    first = index(start)
    last = size if end is None else index(end)
    return text[first:last] if first < last else ""


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MOMENT_RE = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,3}))?)?)?.*",
    re.DOTALL,
)
_UUID_LETTERS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _format_date(value: str, pattern: str) -> str:
    """ODK's format-date(): %Y %y %m %n %b %d %e %a %H %h %M %S %3, in English (as the same
    text must come out of the browser and the server)."""
    found = _MOMENT_RE.fullmatch(value.strip(_XML_SPACE))
    if not found:
        return ""
    year, month, day = (int(found[i]) for i in (1, 2, 3))
    try:
        weekday = datetime.date(year, month, day).weekday()
    except ValueError:
        return ""
    hour, minute, second = (int(found[i] or 0) for i in (4, 5, 6))
    milli = int((found[7] or "0").ljust(3, "0"))
    parts = {
        "Y": f"{year:04d}",
        "y": f"{year % 100:02d}",
        "m": f"{month:02d}",
        "n": str(month),
        "b": _MONTHS[month - 1],
        "d": f"{day:02d}",
        "e": str(day),
        "a": _DAYS[weekday],
        "H": f"{hour:02d}",
        "h": str(hour),
        "M": f"{minute:02d}",
        "S": f"{second:02d}",
        "3": f"{milli:03d}",
    }
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "%" and i + 1 < len(pattern) and pattern[i + 1] in parts:
            out.append(parts[pattern[i + 1]])
            i += 2
        else:
            out.append(pattern[i])
            i += 1
    return "".join(out)


def _translate(text: str, source: str, target: str) -> str:
    mapping: dict[str, str] = {}
    for i, c in enumerate(source):
        mapping.setdefault(c, target[i] if i < len(target) else "")
    return "".join(mapping.get(c, c) for c in text)


def _floor_or_ceiling(x: float, up: bool) -> float:
    if not math.isfinite(x):
        return x
    return float(math.ceil(x) if up else math.floor(x))


def _within(amount: float, fewest: float, most: float) -> bool:
    """checklist(): `amount` is at least `fewest` and at most `most`, -1 meaning no limit."""
    return (fewest == -1 or amount >= fewest) and (most == -1 or amount <= most)


def _ieee(function: Callable[..., float]) -> Callable[..., float]:
    """`function` as JavaScript's Math (and ODK) answer outside its range: NaN where it has no
    value, ±Infinity where it overflows or has a pole, never an exception."""

    def safe(*xs: float) -> float:
        try:
            return function(*xs)
        except OverflowError:
            return math.inf
        except ValueError:
            return math.nan

    return safe


def _log(x: float, log: Callable[[float], float]) -> float:
    if x == 0:
        return -math.inf
    if x < 0 or math.isnan(x):
        return math.nan
    return x if x == math.inf else log(x)


_MATHS: dict[str, Callable[..., float]] = {
    "sqrt": _ieee(lambda x: math.nan if x < 0 else math.sqrt(x)),
    "exp": _ieee(math.exp),
    "exp10": _ieee(lambda x: math.pow(10.0, x)),
    "log": lambda x: _log(x, math.log),
    "log10": lambda x: _log(x, math.log10),
    "sin": _ieee(math.sin),
    "cos": _ieee(math.cos),
    "tan": _ieee(math.tan),
    "asin": _ieee(math.asin),
    "acos": _ieee(math.acos),
    "atan": _ieee(math.atan),
    "atan2": _ieee(math.atan2),
}


def _call(name: str, args: list[Node], ctx: _Context) -> Value:
    # The lazy ones first: only the branch taken is evaluated.
    if name == "if":
        chosen = args[1] if to_boolean(_eval(args[0], ctx)) else args[2]
        return _eval(chosen, ctx)
    if name == "coalesce":
        first = _eval(args[0], ctx)
        return first if to_string(first) != "" else _eval(args[1], ctx)
    if name == "indexed-repeat":
        # The answer of one entry, under its entry name (entries.entry_name: "age@2", and
        # "age@1.2" given the outer entry's number too).
        path = []
        for arg in args[2::2]:
            number = to_number(_eval(arg, ctx))
            if not (math.isfinite(number) and number >= 1 and number == math.floor(number)):
                return ""
            path.append(int(number))
        return to_string(ctx.values.get(entry_name(args[0][1], tuple(path))))

    v = [_eval(arg, ctx) for arg in args]
    if name == "selected":
        return to_string(v[1]).strip(_XML_SPACE) in _tokens(v[0])
    if name == "count-selected":
        return float(len(_tokens(v[0])))
    if name == "selected-at":
        tokens = _tokens(v[0])
        index = to_number(v[1])
        if not math.isfinite(index):
            return ""
        at = math.trunc(index)
        return tokens[at] if 0 <= at < len(tokens) else ""
    if name == "string-length":
        return float(len(to_string(v[0])))
    if name == "regex":
        return _regex(to_string(v[0]), to_string(v[1]))
    if name == "today":
        return ctx.today.isoformat()
    if name == "not":
        return not to_boolean(v[0])
    if name == "true":
        return True
    if name == "false":
        return False
    if name == "boolean":
        return to_boolean(v[0])
    if name == "boolean-from-string":
        return to_string(v[0]).strip(_XML_SPACE) in ("true", "1")
    if name == "number":
        return to_number(v[0])
    if name == "string":
        return to_string(v[0])
    if name == "int":
        x = to_number(v[0])
        return float(math.trunc(x)) if math.isfinite(x) else x
    if name == "round":
        return _round(to_number(v[0]), to_number(v[1]) if len(v) > 1 else 0.0)
    if name == "concat":
        return "".join(to_string(item) for item in v)
    if name in ("contains", "starts-with", "ends-with", "substring-before", "substring-after"):
        text, part = to_string(v[0]), to_string(v[1])
        if name == "contains":
            return part in text
        if name == "starts-with":
            return text.startswith(part)
        if name == "ends-with":
            return text.endswith(part)
        at = text.find(part)
        if at < 0:
            return ""
        return text[:at] if name == "substring-before" else text[at + len(part) :]
    if name == "substring":
        length = to_number(v[2]) if len(v) > 2 else None
        return _substring(to_string(v[0]), to_number(v[1]), length)
    if name == "normalize-space":
        return _XML_SPACE_RUN.sub(" ", to_string(v[0])).strip(" ")
    if name == "translate":
        return _translate(to_string(v[0]), to_string(v[1]), to_string(v[2]))
    if name in ("min", "max"):
        numbers = [to_number(item) for item in v]
        if any(math.isnan(x) for x in numbers):
            return math.nan
        return min(numbers) if name == "min" else max(numbers)
    if name == "abs":
        return abs(to_number(v[0]))
    if name == "floor":
        return _floor_or_ceiling(to_number(v[0]), up=False)
    if name == "ceiling":
        return _floor_or_ceiling(to_number(v[0]), up=True)
    if name == "date":
        return _to_date(v[0])
    if name == "position":
        # In a repeat, replaced by the entry's number (repeats.entry_tree); outside one, the
        # node above is the only one of its name: 1, as in ODK.
        return 1.0
    if name == "pow":
        try:
            return math.pow(to_number(v[0]), to_number(v[1]))
        except (OverflowError, ValueError):  # too large, or a negative number's fraction
            return math.nan
    if name == "substr":
        return _substr(to_string(v[0]), to_number(v[1]), to_number(v[2]) if len(v) > 2 else None)
    if name == "format-date":
        return _format_date(to_string(v[0]), to_string(v[1]))
    if name == "once":
        # The answer already there, if any: what once() worked out stays as it was.
        kept = to_string(ctx.current)
        return kept if kept != "" else v[0]
    if name == "jr:choice-name":
        # The labels come in the data, as rows of name and label in the page's language (see
        # `choice_labels_key`); a name no choice has gives nothing, as in ODK.
        rows = ctx.data.get(choice_labels_key(_question_quoted(to_string(v[1]))), [])
        return _pull(rows, "label", "name", to_string(v[0]))
    if name == "pulldata":
        file, column, match = (to_string(item).strip(_XML_SPACE) for item in v[:3])
        return _pull(ctx.data.get(file, []), column, match, to_string(v[3]))
    if name == "count":  # one answer, not a repeat's (a repeat's count is an "entries" node)
        return 1.0
    if name == "sum":
        return to_number(v[0])
    if name == "count-non-empty":  # one answer, not a repeat's (see "entries")
        return 1.0 if to_string(v[0]) != "" else 0.0
    if name == "join":
        return to_string(v[0]).join(to_string(item) for item in v[1:])
    if name == "checklist":
        held = sum(1 for item in v[2:] if to_boolean(item))
        return _within(held, to_number(v[0]), to_number(v[1]))
    if name == "weighted-checklist":
        pairs = v[2:]
        if len(pairs) % 2:
            return False  # a yes/no without its weight, as ODK treats it
        total = 0.0
        for index in range(0, len(pairs), 2):
            if to_boolean(pairs[index]):
                total += to_number(pairs[index + 1])
        return _within(total, to_number(v[0]), to_number(v[1]))
    if name in _MATHS:
        return _MATHS[name](*(to_number(item) for item in v))
    if name == "pi":
        return math.pi
    if name == "decimal-date-time":
        return _decimal_date_time(to_string(v[0]).strip(_XML_SPACE))
    if name == "now":
        return datetime.datetime.now().astimezone().isoformat(timespec="milliseconds")
    if name == "random":
        return random.random()  # noqa: S311  (a value for the form, not a secret)
    if name == "uuid":
        if v:
            size = to_number(v[0])
            size = int(size) if math.isfinite(size) and 0 < size <= 256 else 0
            return "".join(secrets.choice(_UUID_LETTERS) for _ in range(size))
        return str(uuid.uuid4())
    raise ExpressionError(_unknown_function(name), 0)


def _eval(node: Node, ctx: _Context) -> Value:
    kind = node[0]
    if kind == "num":
        return float(node[1])
    if kind == "str":
        return str(node[1])
    if kind == "ref":
        return to_string(ctx.values.get(node[1]))
    if kind == "cur":
        return to_string(ctx.current)
    if kind == "col":
        return to_string(ctx.choice.get(node[1]) if ctx.choice is not None else None)
    if kind == "lookup":
        return _look_up(node, ctx)
    if kind == "rowpos":
        return float(ctx.position)
    if kind == "entries":
        return _over_entries(node, ctx)
    if kind == "neg":
        return -to_number(_eval(node[1], ctx))
    if kind == "bin":
        op = node[1]
        if op == "or":
            return to_boolean(_eval(node[2], ctx)) or to_boolean(_eval(node[3], ctx))
        if op == "and":
            return to_boolean(_eval(node[2], ctx)) and to_boolean(_eval(node[3], ctx))
        left, right = _eval(node[2], ctx), _eval(node[3], ctx)
        if op == "=":
            return _equal(left, right)
        if op == "!=":
            return not _equal(left, right)
        if op in _RELATIONAL:
            return _RELATIONAL[op](to_number(left), to_number(right))
        return _ARITHMETIC[op](to_number(left), to_number(right))
    if kind == "call":
        return _call(node[1], node[2], ctx)
    raise ValueError(f"not an expression node: {node!r}")


def evaluate(
    node: Node,
    values: Mapping[str, object],
    *,
    current: object = None,
    choice: Mapping[str, object] | None = None,
    today: datetime.date | None = None,
    data: Mapping[str, DataFile] | None = None,
) -> Value:
    """Evaluate a parsed expression.

    ``values`` maps field names to answers as stored (str, int, list[str]; absent means "");
    ``current`` is the answer '.' stands for; ``choice`` the columns of the choice a
    choice_filter is testing (with its "name"); ``today`` defaults to the local date; ``data``
    holds the attached data files pulldata() reads, by the name the form gives them.
    """
    return _eval(
        node, _Context(values, current, choice, today or datetime.date.today(), data or {})
    )


def evaluate_bool(
    node: Node,
    values: Mapping[str, object],
    *,
    current: object = None,
    choice: Mapping[str, object] | None = None,
    today: datetime.date | None = None,
    data: Mapping[str, DataFile] | None = None,
) -> bool:
    return to_boolean(
        evaluate(node, values, current=current, choice=choice, today=today, data=data)
    )
