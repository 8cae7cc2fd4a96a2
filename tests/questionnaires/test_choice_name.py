"""A form reading its own lists: jr:choice-name(), instance('list'), and a rank question's choice_filter."""

from __future__ import annotations

import io
from xml.etree.ElementTree import canonicalize

import pytest
from django.http import QueryDict
from django.utils import translation
from pyxform.xls2xform import convert

from heard.questionnaires.form import Form
from heard.questionnaires.rendering import question_views
from heard.questionnaires.xlsform import FormError, parse
from heard.questionnaires.xlsform_export import to_xlsx
from tests.questionnaires.builders import choice, row, xlsx

COLOURS = [
    choice("colour", "red", "Red", "Rouge"),
    choice("colour", "blue", "Blue", "Bleu"),
]
NAMED = "jr:choice-name(${colour}, '${colour}')"


def _form(*rows: dict[str, str]) -> bytes:
    return xlsx(
        [
            row("select_one colour", "colour", "Colour?", "Couleur ?"),
            *rows,
        ],
        COLOURS,
    )


def test_a_calculation_keeps_the_label_of_the_choice_made_in_the_respondent_s_language():
    data = _form(
        row("calculate", "named", calculation=NAMED),
        row("note", "seen", "You chose ${named}.", "Vous avez choisi ${named}."),
    )
    definition, xform = parse(data, "form.xlsx")
    form = Form(definition)
    with translation.override("en"):
        assert form.with_calculations({"colour": "blue"})["named"] == "Blue"
    with translation.override("fr"):
        values = form.with_calculations({"colour": "blue"})
        assert values["named"] == "Bleu"
        page = next(p for p in form.pages if "seen" in p["fields"])
        views = {v.name: v for v in question_views(form, page, values, "fr")}
        assert views["seen"].label == "Vous avez choisi Bleu."
        # logic.js gets the labels of the page's language, and only for the question read.
        assert form.logic_for(page, {})["data"] == {
            "${colour}": [{"name": "red", "label": "Rouge"}, {"name": "blue", "label": "Bleu"}]
        }
    assert "named" not in form.with_calculations({})  # no choice, no label
    # The way back writes the cell as it was: pyxform gives the same XForm.
    _again, xform_again = parse(to_xlsx(definition), "again.xlsx")
    assert canonicalize(xform_again) == canonicalize(xform)
    assert "jr:choice-name( /data/colour , ' /data/colour ')" in xform.replace("  ", " ")


def test_a_form_without_choice_name_sends_no_labels_to_the_browser():
    definition, _xform = parse(_form(row("calculate", "c", calculation="${colour}")), "f.xlsx")
    form = Form(definition)
    assert "data" not in form.logic_for(form.pages[0], {})


@pytest.mark.parametrize(
    ("calculation", "reason"),
    [
        (
            "jr:choice-name(${colour}, '${text}')",
            "jr:choice-name() reads the labels of a select question's choices: ${text} is not one.",
        ),
        ("jr:choice-name(${colour}, '${nobody}')", "${nobody} is not a field of this form."),
        (
            "jr:choice-name(${colour}, ${colour})",
            "jr:choice-name() takes the choice's name and then the select question, quoted",
        ),
    ],
)
def test_a_choice_name_that_reads_no_list_is_refused_naming_the_cell(calculation, reason):
    data = _form(
        row("text", "text", "Text", "Texte"),
        row("calculate", "named", calculation=calculation),
    )
    if "nobody" not in calculation:
        convert(xlsform=io.BytesIO(data), file_type=".xlsx")  # pyxform itself accepts it
    with translation.override("en"), pytest.raises(FormError) as raised:
        parse(data, "form.xlsx")
    [problem] = raised.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("survey", 4, "calculation")
    assert reason in str(problem.reason)


FRUITS = [
    choice("fruit", "apple", "Apple", "Pomme", price="2"),
    choice("fruit", "pear", "Pear", "Poire", price="3"),
]


def test_instance_reads_a_column_or_the_label_of_a_list_of_the_choices_sheet():
    data = xlsx(
        [
            row("select_one fruit", "fruit", "Fruit?", "Fruit ?"),
            row(
                "calculate", "price", calculation="instance('fruit')/root/item[name=${fruit}]/price"
            ),
            row("calculate", "named", calculation="instance('fruit')/root/item[price=3]/label"),
        ],
        FRUITS,
    )
    definition, xform = parse(data, "form.xlsx")
    form = Form(definition)
    with translation.override("en"):
        values = form.with_calculations({"fruit": "pear"})
        assert (values["price"], values["named"]) == ("3", "Pear")
    with translation.override("fr"):
        assert form.with_calculations({"fruit": "apple"})["named"] == "Poire"
        rows = form.logic_for(form.pages[0], {})["data"]["fruit"]
        assert rows[0] == {"name": "apple", "label": "Pomme", "price": "2"}
    _again, xform_again = parse(to_xlsx(definition), "again.xlsx")
    assert canonicalize(xform_again) == canonicalize(xform)


def test_instance_reading_a_column_the_list_lacks_is_refused_naming_what_it_has():
    data = xlsx(
        [
            row("select_one fruit", "fruit", "Fruit?", "Fruit ?"),
            row("calculate", "c", calculation="instance('fruit')/root/item[name=${fruit}]/weight"),
        ],
        FRUITS,
    )
    with translation.override("en"), pytest.raises(FormError) as raised:
        parse(data, "form.xlsx")
    [problem] = raised.value.problems
    assert problem.row == 3
    assert (
        "instance('fruit') reads “weight”, which the choice list “fruit” does not have: it has "
        "“label”, “name”, “price”." in str(problem.reason)
    )


def test_a_rank_question_ranks_only_the_choices_its_filter_shows():
    data = xlsx(
        [
            row("select_one kind", "kind", "Kind?", "Genre ?"),
            row(
                "rank fruit",
                "order",
                "Put them in order",
                "Classez-les",
                choice_filter="kind=${kind}",
            ),
        ],
        [
            choice("kind", "tree", "Tree", "Arbre"),
            choice("kind", "vine", "Vine", "Vigne"),
            choice("fruit", "apple", "Apple", "Pomme", kind="tree"),
            choice("fruit", "pear", "Pear", "Poire", kind="tree"),
            choice("fruit", "grape", "Grape", "Raisin", kind="vine"),
        ],
    )
    form = Form(parse(data, "form.xlsx")[0])
    page = next(p for p in form.pages if "order" in p["fields"])
    answers = {"kind": "tree"}
    with translation.override("en"):
        [view] = [v for v in question_views(form, page, answers, "en") if v.name == "order"]
        assert [c.name for c in view.choices if c.available] == ["apple", "pear"]
        assert view.positions == [1, 2]
        post = QueryDict(mutable=True)
        post.update({"order__apple": "2", "order__pear": "1", "order__grape": ""})
        values, errors = form.read_page(page, post, answers, "en")
        assert errors == {} and values["order"] == ["pear", "apple"]
        # The grape is not shown, so ranking it is no answer the form takes.
        assert form.check("order", {**answers, "order": ["grape", "pear"]}, "en")
