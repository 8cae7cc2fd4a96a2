"""read_only written as an expression: read-only while it holds, the answer it had kept."""

from __future__ import annotations

from xml.etree.ElementTree import canonicalize

import pytest
from django.http import QueryDict
from django.utils import translation

from heard.questionnaires.form import Form
from heard.questionnaires.rendering import question_views
from heard.questionnaires.templatetags.questionnaire import question_html
from heard.questionnaires.xlsform import FormError, parse
from heard.questionnaires.xlsform_export import to_xlsx
from tests.questionnaires.builders import choice, row, xlsx

YES_NO = [choice("yn", "yes", "Yes", "Oui"), choice("yn", "no", "No", "Non")]
FORM = xlsx(
    [
        row("begin_group", "p", "Reference", "Référence", appearance="field-list"),
        row("select_one yn", "confirmed", "Confirmed?", "Confirmé ?"),
        row(
            "text",
            "ref",
            "Reference",
            "Référence",
            required="yes",
            read_only="${confirmed} = 'yes'",
        ),
        row("end_group"),
        row("text", "more", "More?", "Autre ?"),
    ],
    YES_NO,
)


def _post(**fields: str) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, value in fields.items():
        data[key] = value
    return data


def test_the_expression_is_kept_and_the_way_back_writes_it_as_it_was():
    definition, xform = parse(FORM, "form.xlsx")
    ref = next(f for f in definition["fields"] if f["name"] == "ref")
    assert ref["read_only_if"] == "${confirmed} = 'yes'" and not ref.get("read_only")
    _again, xform_again = parse(to_xlsx(definition), "again.xlsx")
    assert canonicalize(xform_again) == canonicalize(xform)


def test_while_it_holds_the_answer_it_had_stays_whatever_is_sent():
    form = Form(parse(FORM, "form.xlsx")[0])
    page = form.pages[0]
    with translation.override("en"):
        # Not locked: the answer is read, and required.
        values, errors = form.read_page(page, _post(confirmed="no", ref=""), {}, "en")
        assert "ref" in errors
        values, errors = form.read_page(page, _post(confirmed="no", ref="R-1"), {}, "en")
        assert errors == {} and values["ref"] == "R-1"
        # Confirmed in the same step: locked, so what came for it is set aside.
        values, errors = form.read_page(page, _post(confirmed="yes", ref="R-2"), values, "en")
        assert errors == {} and values["ref"] == "R-1"
        # Locked with no answer yet: not required, since nobody can give one.
        values, errors = form.read_page(page, _post(confirmed="yes"), {}, "en")
        assert errors == {} and "ref" not in values
        # Unlocked again: it takes answers again.
        values, errors = form.read_page(
            page, _post(confirmed="no", ref="R-3"), {"confirmed": "yes", "ref": "R-1"}, "en"
        )
        assert values["ref"] == "R-3"


def test_a_locked_question_is_shown_with_its_controls_disabled_and_logic_gets_the_rule():
    form = Form(parse(FORM, "form.xlsx")[0])
    page = form.pages[0]
    with translation.override("en"):
        views = {
            v.name: v for v in question_views(form, page, {"confirmed": "yes", "ref": "R-1"}, "en")
        }
        assert views["ref"].locked
        html = str(question_html(views["ref"]))
        assert "data-locked" in html and 'value="R-1"' in html and " disabled" in html
        views = {v.name: v for v in question_views(form, page, {"confirmed": "no"}, "en")}
        assert not views["ref"].locked and " disabled" not in str(question_html(views["ref"]))
    assert form.logic_for(page, {})["fields"]["ref"]["read_only_if"] == [
        "bin",
        "=",
        ["ref", "confirmed"],
        ["str", "yes"],
    ]


def test_a_read_only_expression_that_cannot_be_read_is_refused_naming_the_cell():
    data = xlsx([row("text", "a", "A", "A", read_only="${nobody} = 'x'")])
    with translation.override("en"), pytest.raises(FormError) as raised:
        parse(data, "form.xlsx")
    [problem] = raised.value.problems
    assert (problem.row, problem.column) == (2, "read_only")
    assert "${nobody} is not a field of this form." in str(problem.reason)
