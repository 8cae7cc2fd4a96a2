"""logic.js in Chromium: the shared expression cases agree with Python, and the page follows them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import expect

import heard
from heard.questionnaires.expressions import as_text, evaluate, parse, to_boolean
from tests.questionnaires.test_expressions import CASES, check_result, run_case

# The page fixture's live server needs the database.
pytestmark = pytest.mark.django_db(transaction=True)

LOGIC_JS = Path(heard.__file__).parent / "questionnaires" / "static" / "questionnaires" / "logic.js"


def _from_js(result: dict[str, Any]) -> object:
    if result["type"] == "number":
        return float(result["value"])  # "NaN", "Infinity" and "-Infinity" come as strings
    if result["type"] in ("string", "boolean"):
        return result["value"]
    raise AssertionError(f"evaluate() returned a {result['type']}")


def test_every_shared_case_gives_the_same_result_as_python(page) -> None:
    page.set_content("<!doctype html><html lang=en><title>logic</title><body></body></html>")
    page.add_script_tag(content=LOGIC_JS.read_text(encoding="utf-8"))
    cases = [case for case in CASES if not case.get("error")]
    payload = [
        {
            "node": parse(case["expr"], allow_columns=case["choice"] is not None),
            "values": case["values"],
            "opts": {
                "current": case["current"],
                "choice": case["choice"],
                "today": case["today"],
                "data": case.get("data") or {},
            },
        }
        for case in cases
    ]
    results = page.evaluate(
        """(cases) => cases.map((c) => {
            const logic = window.HeardLogic;
            const r = logic.evaluate(c.node, c.values, c.opts);
            return {
                type: typeof r,
                value: typeof r === "number" && !isFinite(r) ? String(r) : r,
                text: logic.asText(r),
                truth: logic.toBoolean(r),
            };
        })""",
        payload,
    )
    failures = []
    for case, js in zip(cases, results, strict=True):
        try:
            check_result(_from_js(js), case)
            python = run_case(case)
            assert js["text"] == as_text(python), f"as text {js['text']!r} != {as_text(python)!r}"
            assert js["truth"] == to_boolean(python)
        except AssertionError as exc:
            failures.append(f"{case['expr']!r} in JS gave {js}: {exc}")
    assert failures == []


def test_count_and_sum_over_a_repeat_s_entries_agree_with_python(page) -> None:
    """Trees only a form makes (["entries", …] from count(), sum(), join() … over a repeat), with the
    values a page holds: entry names and each repeat's count under its name."""
    from heard.questionnaires.form import Form
    from heard.questionnaires.xlsform import parse as parse_form
    from tests.questionnaires.builders import row, xlsx

    definition, _xform = parse_form(
        xlsx(
            [
                row("begin_repeat", "jobs", "Job", "Emploi"),
                row("decimal", "pay", "Pay", "Salaire"),
                row("end_repeat"),
                row("calculate", "c", calculation="1"),
            ]
        ),
        "form.xlsx",
    )
    form = Form(definition)
    texts = [
        "sum(${pay})",
        "count(${jobs})",
        "count(${pay}) * 10",
        "max(${pay}) - min(${pay})",
        "sum(${pay}) div count(${jobs})",
        "count-non-empty(${pay})",
        "join(' + ', ${pay})",
        "join(concat(' ', 'and '), ${pay})",
    ]
    valued = [
        {"jobs": 3, "pay@1": "10", "pay@2": "0.1", "pay@3": "0.2"},
        {"jobs": 2, "pay@1": "5"},
        {"jobs": 0},
    ]
    page.set_content("<!doctype html><html lang=en><title>logic</title><body></body></html>")
    page.add_script_tag(content=LOGIC_JS.read_text(encoding="utf-8"))
    for values in valued:
        for text in texts:
            tree = form.ast(text)
            assert tree != parse(text)  # made over the entries
            js = page.evaluate(
                "([node, values]) => window.HeardLogic.asText("
                "window.HeardLogic.evaluate(node, values, {}))",
                [tree, values],
            )
            python = as_text(evaluate(tree, values))
            assert js == python, f"{text} with {values}: JS {js!r}, Python {python!r}"


def test_the_shared_cases_do_not_depend_on_the_default_today(page) -> None:
    page.set_content("<!doctype html><html lang=en><title>logic</title><body></body></html>")
    page.add_script_tag(content=LOGIC_JS.read_text(encoding="utf-8"))
    today = page.evaluate("() => window.HeardLogic.evaluate(['call', 'today', []], {})")
    local = page.evaluate(
        "() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; }"
    )
    assert today == "{:04d}-{:02d}-{:02d}".format(*local)


# The page -----------------------------------------------------------------------------------

FIELDS: dict[str, dict[str, str | None]] = {
    "has_pet": {"type": "select_one"},
    "pet_name": {"type": "text", "relevant": "${has_pet} = 'yes'"},
    "greeting": {"type": "calculate", "calculation": "concat('Hello ', ${pet_name})"},
    "region": {"type": "select_one"},
    "city": {"type": "select_one", "choice_filter": "region = ${region}"},
    "town": {"type": "select_one", "choice_filter": "region = ${region} or name = 'other'"},
    "locked": {"type": "text"},
    "topics": {"type": "select_multiple"},
    "topic_count": {"type": "calculate", "calculation": "count-selected(${topics})"},
    "more": {"type": "text", "relevant": "${topic_count} >= 2"},
    "adult_only": {"type": "text", "relevant": "${age} >= 18"},
    "senior_only": {"type": "text", "relevant": "${age} >= 65"},
    "priorities": {"type": "rank"},
    "health_first": {"type": "text", "relevant": "selected-at(${priorities}, 0) = 'health'"},
    "agree": {"type": "acknowledge"},
    "why": {"type": "text", "relevant": "${agree} = 'OK' and ${has_pet} = 'yes'"},
}

CITIES = [("toronto", "e"), ("montreal", "e"), ("vancouver", "w"), ("victoria", "w")]


def _logic_json() -> str:
    fields: dict[str, dict[str, Any]] = {}
    for name, field in FIELDS.items():
        fields[name] = {"type": field["type"]}
        for key in ("relevant", "constraint", "calculation", "choice_filter"):
            text = field.get(key)
            fields[name][key] = parse(text, allow_columns=key == "choice_filter") if text else None
    data = {"fields": fields, "values": {"age": 30, "name_elsewhere": "Ada"}}
    return json.dumps(data).replace("<", "\\u003c")


def _radios(name: str, choices: list[tuple[str, str]], *, off: bool = False) -> str:
    """Radio buttons; ``off`` renders the choices as the server does when a filter leaves them out."""
    state = " hidden" if off else ""
    items = "".join(
        f"<div data-choice='{value}' data-filters='{json.dumps({'region': region})}'{state}>"
        f"<label><input type=radio name={name} value={value}{state and ' disabled'}> {value}</label>"
        "</div>"
        for value, region in choices
    )
    return f"<fieldset data-question={name}><legend>{name}</legend>{items}</fieldset>"


def _text(name: str, *, applies: bool = True) -> str:
    """A text question; one that does not apply comes hidden and disabled, as the server sends it."""
    hidden, disabled = ("", "") if applies else (" hidden", " disabled")
    return (
        f"<div data-question={name}{hidden}>"
        f"<label>{name} <input type=text name={name}{disabled}></label></div>"
    )


PAGE = f"""<!doctype html>
<html lang=en><head><meta charset=utf-8><title>Logic</title>
<script type="application/json" id="heard-logic">{_logic_json()}</script>
<script src="logic.js" defer></script></head>
<body><form method=post action="/logic/sent">
{_radios("has_pet", [("yes", ""), ("no", "")])}
{_text("pet_name", applies=False)}
<input type=hidden name=greeting>
{_radios("region", [("e", ""), ("w", "")])}
{_radios("city", CITIES, off=True)}
<div data-question=town><label>town <select name=town>
  <option value="">Choose</option>
  <option value=toronto data-choice=toronto data-filters='{{"region":"e"}}' hidden disabled>Toronto</option>
  <option value=victoria data-choice=victoria data-filters='{{"region":"w"}}' hidden disabled>Victoria</option>
  <option value=other data-choice=other data-filters='{{}}'>Other</option>
</select></label></div>
<div data-question=locked><label>locked <input name=locked value=kept disabled></label></div>
<fieldset data-question=topics><legend>topics</legend>
  <div data-choice=a data-filters='{{}}'><label><input type=checkbox name=topics value=a> a</label></div>
  <div data-choice=b data-filters='{{}}'><label><input type=checkbox name=topics value=b> b</label></div>
  <div data-choice=c data-filters='{{}}'><label><input type=checkbox name=topics value=c> c</label></div>
</fieldset>
<input type=hidden name=topic_count>
{_text("more")}
{_text("adult_only")}
{_text("senior_only")}
<fieldset data-question=priorities><legend>priorities</legend>
  <div data-choice=health data-filters='{{}}'><label>health <select name=priorities__health>
    <option value=""></option><option>1</option><option>2</option><option>3</option></select></label></div>
  <div data-choice=housing data-filters='{{}}'><label>housing <select name=priorities__housing>
    <option value=""></option><option>1</option><option>2</option><option>3</option></select></label></div>
  <div data-choice=jobs data-filters='{{}}'><label>jobs <select name=priorities__jobs>
    <option value=""></option><option>1</option><option>2</option><option>3</option></select></label></div>
</fieldset>
{_text("health_first")}
<div data-question=agree><label><input type=checkbox name=agree value=OK> I agree</label></div>
{_text("why")}
<button>Send</button>
</form></body></html>"""


@pytest.fixture
def logic_page(page, live_server):
    """The page above, served under the site's own Content-Security-Policy."""
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)

    def serve(route) -> None:
        if route.request.url.endswith("/logic.js"):
            route.fulfill(
                body=LOGIC_JS.read_text(encoding="utf-8"),
                content_type="text/javascript",
                headers={"Content-Security-Policy": settings.CONTENT_SECURITY_POLICY},
            )
        else:
            route.fulfill(
                body=PAGE,
                content_type="text/html; charset=utf-8",
                headers={"Content-Security-Policy": settings.CONTENT_SECURITY_POLICY},
            )

    page.route(live_server.url + "/logic/**", serve)
    page.goto(live_server.url + "/logic/form")
    page.wait_for_function("() => window.HeardLogic !== undefined")
    yield page
    assert problems == []


def question(page, name: str):
    return page.locator(f"[data-question='{name}']")


def choice(page, name: str, of: str = "city"):
    return question(page, of).locator(f"[data-choice='{name}']")


def test_a_question_appears_only_when_its_relevant_holds(logic_page) -> None:
    page = logic_page
    expect(question(page, "pet_name")).to_be_hidden()
    expect(page.locator("input[name=pet_name]")).to_be_disabled()
    page.check("input[name=has_pet][value=yes]")
    expect(question(page, "pet_name")).to_be_visible()
    page.fill("input[name=pet_name]", "Rex")
    assert page.input_value("input[name=greeting]") == "Hello Rex"
    page.check("input[name=has_pet][value=no]")
    expect(question(page, "pet_name")).to_be_hidden()
    expect(page.locator("input[name=pet_name]")).to_be_disabled()
    # Not relevant means unanswered, for calculations as for the server.
    assert page.input_value("input[name=greeting]") == "Hello "
    page.check("input[name=has_pet][value=yes]")
    expect(page.locator("input[name=pet_name]")).to_have_value("Rex")
    expect(page.locator("input[name=pet_name]")).to_be_enabled()
    assert page.input_value("input[name=greeting]") == "Hello Rex"


def test_answers_from_other_pages_count(logic_page) -> None:
    expect(question(logic_page, "adult_only")).to_be_visible()
    expect(question(logic_page, "senior_only")).to_be_hidden()


def test_a_choice_filter_narrows_the_cities_to_the_region(logic_page) -> None:
    page = logic_page
    for city, _region in CITIES:
        expect(choice(page, city)).to_be_hidden()
    page.check("input[name=region][value=w]")
    expect(choice(page, "vancouver")).to_be_visible()
    expect(choice(page, "victoria")).to_be_visible()
    expect(choice(page, "toronto")).to_be_hidden()
    page.check("input[name=city][value=vancouver]")
    page.check("input[name=region][value=e]")
    expect(choice(page, "vancouver")).to_be_hidden()
    vancouver = page.locator("input[name=city][value=vancouver]")
    expect(vancouver).not_to_be_checked()
    expect(vancouver).to_be_disabled()
    expect(choice(page, "toronto")).to_be_visible()
    expect(page.locator("input[name=city][value=toronto]")).to_be_enabled()


def test_a_choice_filter_on_a_dropdown(logic_page) -> None:
    page = logic_page
    town = page.locator("select[name=town]")
    expect(page.locator("option[value=toronto]")).to_be_disabled()
    expect(page.locator("option[value=other]")).to_be_enabled()
    page.check("input[name=region][value=w]")
    expect(page.locator("option[value=toronto]")).to_be_disabled()
    expect(page.locator("option[value=victoria]")).to_be_enabled()
    town.select_option("victoria")
    page.check("input[name=region][value=e]")
    expect(page.locator("option[value=victoria]")).to_be_disabled()
    expect(town).not_to_have_value("victoria")
    town.select_option("toronto")
    expect(town).to_have_value("toronto")


def test_controls_the_server_disabled_for_other_reasons_stay_disabled(logic_page) -> None:
    page = logic_page
    page.check("input[name=has_pet][value=yes]")
    page.check("input[name=region][value=w]")
    expect(page.locator("input[name=locked]")).to_be_disabled()
    expect(question(page, "locked")).to_be_visible()


def test_a_calculation_drives_relevance(logic_page) -> None:
    page = logic_page
    assert page.input_value("input[name=topic_count]") == "0"
    expect(question(page, "more")).to_be_hidden()
    page.check("input[name=topics][value=a]")
    page.check("input[name=topics][value=c]")
    assert page.input_value("input[name=topic_count]") == "2"
    expect(question(page, "more")).to_be_visible()
    page.uncheck("input[name=topics][value=a]")
    assert page.input_value("input[name=topic_count]") == "1"
    expect(question(page, "more")).to_be_hidden()


def test_a_rank_counts_once_every_position_is_given(logic_page) -> None:
    page = logic_page
    expect(question(page, "health_first")).to_be_hidden()
    page.select_option("select[name=priorities__health]", "1")
    page.select_option("select[name=priorities__housing]", "2")
    expect(question(page, "health_first")).to_be_hidden()  # incomplete
    page.select_option("select[name=priorities__jobs]", "3")
    expect(question(page, "health_first")).to_be_visible()
    page.select_option("select[name=priorities__jobs]", "1")  # two firsts: incomplete again
    expect(question(page, "health_first")).to_be_hidden()
    page.select_option("select[name=priorities__health]", "3")
    expect(question(page, "health_first")).to_be_hidden()  # jobs is first now


def test_only_relevant_answers_are_sent(logic_page) -> None:
    page = logic_page
    page.check("input[name=has_pet][value=yes]")
    page.fill("input[name=pet_name]", "Rex")
    page.check("input[name=agree]")
    expect(question(page, "why")).to_be_visible()
    page.fill("input[name=why]", "Because")
    page.check("input[name=has_pet][value=no]")
    expect(question(page, "why")).to_be_hidden()
    sent = page.evaluate("() => Array.from(new FormData(document.querySelector('form')).keys())")
    assert "pet_name" not in sent and "why" not in sent
    assert {"has_pet", "agree", "greeting", "topic_count"} <= set(sent)
