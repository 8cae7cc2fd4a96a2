"""The XLSForm expression engine in Python; tests/e2e/test_logic_js.py runs the same cases in JS."""

from __future__ import annotations

import datetime
import json
import math
from pathlib import Path
from typing import Any

import pytest

from heard.questionnaires import expressions
from heard.questionnaires.expressions import ExpressionError, as_text, evaluate, parse

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "expression_cases.json").read_text(encoding="utf-8")
)


def case_id(case: dict[str, Any]) -> str:
    return case["expr"] or "(empty)"


def run_case(case: dict[str, Any]) -> expressions.Value:
    """Parse and evaluate one shared case; bare column names are allowed only with a choice."""
    node = parse(case["expr"], allow_columns=case["choice"] is not None)
    return evaluate(
        node,
        case["values"],
        current=case["current"],
        choice=case["choice"],
        today=datetime.date.fromisoformat(case["today"]),
        data=case.get("data"),
    )


def check_result(result: object, case: dict[str, Any]) -> None:
    """Shared with the JavaScript test: the result has the expected type and value."""
    expect = case["expect"]
    if isinstance(expect, dict):  # a number JSON cannot hold
        assert isinstance(result, float) and not isinstance(result, bool), result
        special = float(expect["number"])
        assert result == special or (math.isnan(special) and math.isnan(result)), result
    elif isinstance(expect, bool):
        assert result is expect
    elif isinstance(expect, int | float):
        assert isinstance(result, float) and not isinstance(result, bool), result
        assert result == expect
    else:
        assert result == expect and isinstance(result, str), result
    if "text" in case:
        assert as_text(result) == case["text"]


def test_there_are_enough_shared_cases() -> None:
    assert len(CASES) >= 80
    functions = {name for case in CASES if not case.get("error") for name in _functions(case)}
    assert set(expressions.FUNCTIONS) <= functions
    ops = {op for case in CASES if not case.get("error") for op in _operators(case)}
    assert ops == {"or", "and", "=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "div", "mod"}


def _functions(case: dict[str, Any]) -> set[str]:
    return expressions.function_names(parse(case["expr"]))


def _operators(case: dict[str, Any]) -> set[str]:
    found: set[str] = set()

    def walk(node: list[Any]) -> None:
        if node[0] == "bin":
            found.add(node[1])
            walk(node[2])
            walk(node[3])
        elif node[0] == "neg":
            walk(node[1])
        elif node[0] == "call":
            for arg in node[2]:
                walk(arg)

    walk(parse(case["expr"]))
    return found


@pytest.mark.parametrize("case", [c for c in CASES if not c.get("error")], ids=case_id)
def test_shared_case(case: dict[str, Any]) -> None:
    check_result(run_case(case), case)


@pytest.mark.parametrize("case", [c for c in CASES if c.get("error")], ids=case_id)
def test_shared_error_case(case: dict[str, Any]) -> None:
    with pytest.raises(ExpressionError) as caught:
        run_case(case)
    assert case["message"] in caught.value.message


def test_the_tree_is_plain_json() -> None:
    text = "if(selected(${m}, 'a') and -. < 3, concat(region, \"x\"), 1.5 div 2)"
    node = parse(text)
    assert json.loads(json.dumps(node)) == node
    assert node == [
        "call",
        "if",
        [
            [
                "bin",
                "and",
                ["call", "selected", [["ref", "m"], ["str", "a"]]],
                ["bin", "<", ["neg", ["cur"]], ["num", 3.0]],
            ],
            ["call", "concat", [["col", "region"], ["str", "x"]]],
            ["bin", "div", ["num", 1.5], ["num", 2.0]],
        ],
    ]


def test_precedence_follows_xpath() -> None:
    assert parse("1 or 2 and 3 = 4 < 5 + 6 * -7") == [
        "bin",
        "or",
        ["num", 1.0],
        [
            "bin",
            "and",
            ["num", 2.0],
            [
                "bin",
                "=",
                ["num", 3.0],
                [
                    "bin",
                    "<",
                    ["num", 4.0],
                    ["bin", "+", ["num", 5.0], ["bin", "*", ["num", 6.0], ["neg", ["num", 7.0]]]],
                ],
            ],
        ],
    ]


def test_operator_words_are_operators_only_between_operands() -> None:
    assert parse("and = or", allow_columns=True) == ["bin", "=", ["col", "and"], ["col", "or"]]
    assert parse("div div mod") == ["bin", "div", ["col", "div"], ["col", "mod"]]


@pytest.mark.parametrize(
    ("text", "message", "position"),
    [
        ("", "the expression is empty", 0),
        ("${a} = ", "expected a value, a ${reference} or a function, found the end", 7),
        ("${age} > 18 and foo(${x})", "unknown function 'foo()'", 16),
        ("jr:choice-name(${a}, ${a})", "jr:choice-name() takes the choice's name and then", 21),
        ("${a} = 'x", "the string starting here is not closed with '", 7),
        ("1 + ${a", "the reference '${a' is not closed with '}'", 4),
        ("${} = 1", "'${' must be followed by a field name", 0),
        ("(1 + 2", "missing ')' to close the '(' at character 1", 6),
        ("concat('a' 'b')", "expected ',' or ')' in the arguments of concat()", 11),
        ("selected(${m})", "selected() takes 2 arguments, not 1", 0),
        ("${a} == 1", "use '=' to compare, not '=='", 5),
        ("${a} = 1 ${b}", "expected an operator or the end of the expression, found ${b}", 9),
        ("region = 'w'", "'region' is not a reference: write ${region}", 0),
        ("regex(., '^(a')", "the regular expression '^(a' is invalid", 9),
    ],
)
def test_error_messages_and_positions(text: str, message: str, position: int) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(text, allow_columns=False)
    assert caught.value.message.startswith(message)
    assert caught.value.position == position
    assert str(caught.value) == f"{caught.value.message} (at character {position + 1})"


def test_too_deep_expressions_are_refused_not_crashed() -> None:
    with pytest.raises(ExpressionError, match="nested too deeply"):
        parse("(" * 200 + "1" + ")" * 200)
    with pytest.raises(ExpressionError, match="too long"):
        parse(" + ".join(["${a}"] * 400))
    assert evaluate(parse(" + ".join(["1"] * 200)), {}) == 200.0


def test_references_current_and_columns() -> None:
    node = parse("selected(${a}, 'x') and ${b-c} > . or region = ${a} and name != ''")
    assert expressions.references(node) == {"a", "b-c"}
    assert expressions.uses_current(node)
    assert expressions.column_names(node) == {"region", "name"}
    plain = parse("concat(${x.y}, 'region', \"${z}\")")
    assert expressions.references(plain) == {"x.y"}
    assert not expressions.uses_current(plain)
    assert expressions.column_names(plain) == set()


def test_evaluate_bool_and_default_today() -> None:
    node = parse("today()")
    assert evaluate(node, {}) == datetime.date.today().isoformat()
    assert expressions.evaluate_bool(parse("count-selected(${m}) > 1"), {"m": ["a", "b"]})
    assert not expressions.evaluate_bool(parse("${m}"), {"m": []})


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (3.0, "3"),
        (-0.0, "0"),
        (2.5, "2.5"),
        (1e21, "1000000000000000000000"),
        (1.5e-7, "0.00000015"),
        (123456789012.0, "123456789012"),
        (math.nan, ""),
        (math.inf, "Infinity"),
        (True, "true"),
        (False, "false"),
        ("x", "x"),
        (["a", "b"], "a b"),
        (None, ""),
        (7, "7"),
    ],
)
def test_as_text(value: object, text: str) -> None:
    assert as_text(value) == text


def test_to_boolean() -> None:
    assert expressions.to_boolean("false")
    assert not expressions.to_boolean("")
    assert not expressions.to_boolean(math.nan)
    assert expressions.to_boolean(-1.0)
    assert not expressions.to_boolean(None)
    assert not expressions.to_boolean([])
    assert expressions.to_boolean(["a"])
