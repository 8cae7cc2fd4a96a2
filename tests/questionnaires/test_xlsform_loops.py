"""`begin loop over colour` … `end loop`: the loop's rows asked once per choice, read as pyxform
reads them (a group per choice, %(name)s and %(label)s filled in), in each language, and written
back as those groups, which pyxform turns into the same XForm."""

from __future__ import annotations

import pytest

from heard.questionnaires.form import Form
from heard.questionnaires.rendering import question_views
from heard.questionnaires.xlsform import FormError, parse, to_xform
from tests.questionnaires.builders import choice, row, xlsx
from tests.questionnaires.test_xlsform import COLOURS, QUESTION

LOOP = [
    QUESTION,
    row("begin loop over colour", "each", "Each colour", "Chaque couleur"),
    row(
        "integer",
        "count",
        "How many %(label)s things?",
        "Combien de choses %(label)s ?",
        hint_en="Code %(name)s",
        hint_fr="Code %(name)s",
    ),
    row("end loop"),
]


def test_a_loop_is_a_group_per_choice_in_both_languages():
    definition, xform = parse(xlsx(LOOP, COLOURS), "form.xlsx")
    page = definition["pages"][1]
    assert (page["name"], page["label"]) == ("each", {"en": "Each colour", "fr": "Chaque couleur"})
    assert [(n, s["label"]["fr"]) for n, s in page["sections"].items()] == [
        ("red", "Rouge"),
        ("blue", "Bleu"),
        ("green", "Vert"),
    ]
    counts = [f for f in definition["fields"] if f["type"] == "integer"]
    # The same name in each choice's group, as pyxform keeps it; Heard tells them apart.
    assert [f["name"] for f in counts] == ["count", "blue.count", "green.count"]
    assert [f.get("written_name", f["name"]) for f in counts] == ["count"] * 3
    assert [f["label"]["en"] for f in counts] == [
        "How many Red things?",
        "How many Blue things?",
        "How many Green things?",
    ]
    assert counts[2]["label"]["fr"] == "Combien de choses Vert ?"
    assert counts[1]["hint"] == {"en": "Code blue", "fr": "Code blue"}
    assert definition["loops"] == [{"row": 3, "name": "each", "list": "colour"}]
    assert "/data/each/green/count" in xform


def test_the_way_back_gives_pyxform_s_xform_of_the_loop():
    from heard.questionnaires.xlsform_export import to_xlsx

    definition, xform = parse(xlsx(LOOP, COLOURS), "form.xlsx")
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform


def test_the_loop_s_page_shows_a_section_per_choice():
    definition, _xform = parse(xlsx(LOOP, COLOURS), "form.xlsx")
    form = Form(definition)
    views = question_views(form, definition["pages"][1], {}, "fr")
    assert [v.name for v in views] == ["count", "blue.count", "green.count"]
    assert [str(v.opens[0].label_html) for v in views] == ["Rouge", "Bleu", "Vert"]


def test_pyxform_leaves_out_none_and_adds_or_other_s_choice():
    survey = [
        row("select_multiple colour or_other", "seen", "Seen?", "Vu ?"),
        *LOOP[1:],
    ]
    choices = [*COLOURS, choice("colour", "none", "None", "Aucune")]
    definition, xform = parse(xlsx(survey, choices), "form.xlsx")
    assert list(definition["pages"][1]["sections"]) == ["red", "blue", "green", "other"]
    assert "/data/each/none" not in xform and "/data/each/other/count" in xform


def _problems(survey: list[dict[str, str]]) -> list[str]:
    with pytest.raises(FormError) as caught:
        parse(xlsx(survey, COLOURS), "form.xlsx")
    return [str(p) for p in caught.value.problems]


def test_a_fault_in_a_loop_is_reported_once_at_its_row():
    found = _problems(
        [QUESTION, LOOP[1], row("integer", "count", "N", "N", relevant="${nope} >"), LOOP[3]]
    )
    assert len(found) == len(set(found)) and all("row 4" in p for p in found)


def test_loops_that_cannot_be_read_say_why():
    assert _problems(
        [QUESTION, row("begin loop over shade", "each"), LOOP[2], row("end loop")]
    ) == ["sheet “survey”, row 3, column “type”: The choices sheet has no list “shade”."]
    assert "This loop has no end loop." in _problems([QUESTION, LOOP[1], LOOP[2]])[0]
    assert "This end loop closes no loop." in _problems([QUESTION, row("end loop")])[0]
    nested = _problems([QUESTION, LOOP[1], LOOP[1], LOOP[2], row("end loop"), row("end loop")])
    assert any("A loop inside a loop is not supported" in p for p in nested)


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Loops written out as groups"), ("fr", "Boucles écrites en groupes")],
)
def test_the_lead_s_screen_lists_the_loops_written_out(
    questionnaire, lead, client, language, heading
):
    import html

    from heard.questionnaires import services

    services.upload_form(
        actor=lead, questionnaire=questionnaire, data=xlsx(LOOP, COLOURS), filename="f.xlsx"
    )
    client.force_login(lead)
    page = client.get(
        f"/{language}/staff/consultations/{questionnaire.consultation.pk}/questionnaires/"
        f"{questionnaire.pk}/"
    )
    shown = html.unescape(page.content.decode())
    assert heading in shown
    assert "<code>each</code></td><td><code>colour</code></td><td>3</td>" in shown
