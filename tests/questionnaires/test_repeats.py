"""Repeats: a group of questions asked once per entry, with a count from the form or entries the
respondent adds and removes (without JavaScript: the buttons are the page's own submit buttons).
"""

from __future__ import annotations

import csv
import html
import io
from datetime import UTC, datetime

import pytest
from django.http import QueryDict

from heard.analysis.collect import answer_records
from heard.questionnaires import exporting, repeats, services
from heard.questionnaires.form import Form
from heard.questionnaires.models import Response, ResponseState
from heard.questionnaires.rendering import question_views
from heard.questionnaires.xlsform import parse, to_xform
from heard.questionnaires.xlsform_export import to_xlsx
from tests.questionnaires.builders import choice, row, xlsx
from tests.questionnaires.test_xlsform import has, open_questionnaire, problems_of

YES_NO = [choice("yn", "yes", "Yes", "Oui"), choice("yn", "no", "No", "Non")]
# A count from an answer (a page of its own), then a repeat the respondent adds entries to,
# inside a group with a question of its own.
SURVEY = [
    row("integer", "n", "How many people?", "Combien de personnes ?", required="yes"),
    row(
        "begin_repeat",
        "people",
        "Person",
        "Personne",
        repeat_count="${n}",
        hint_en="One entry per person.",
        hint_fr="Une entrée par personne.",
    ),
    row("text", "pname", "Name", "Nom", required="yes"),
    row("integer", "age", "Age of ${pname}", "Âge de ${pname}", constraint=". >= 0"),
    row(
        "select_one yn",
        "adult",
        "Is ${pname} working?",
        "${pname} travaille ?",
        relevant="${age} >= 18",
    ),
    row("calculate", "months", calculation="${age} * 12"),
    row("end_repeat"),
    row("begin_group", "ideas", "Ideas", "Idées"),
    row("text", "intro", "Your organisation", "Votre organisation"),
    row("begin_repeat", "things", "Idea", "Idée"),
    row("text", "thing", "What would help?", "Qu’est-ce qui aiderait ?"),
    row("end_repeat"),
    row("end_group"),
]


def form_data() -> bytes:
    return xlsx(SURVEY, YES_NO)


# Import and the way back ----------------------------------------------------------------------


def test_a_repeat_becomes_entries_of_a_page_and_goes_back_to_the_same_xform():
    definition, xform = parse(form_data(), "form.xlsx")

    people = definition["pages"][1]
    assert people["repeat_page"] and people["fields"] == ["pname", "age", "adult", "months"]
    assert people["repeats"]["people"]["count"] == "${n}"
    assert people["repeats"]["people"]["fields"] == ["pname", "age", "adult", "months"]
    ideas = definition["pages"][2]
    assert ideas["fields"] == ["intro", "thing"] and not ideas.get("repeat_page")
    assert ideas["repeats"]["things"]["count"] is None
    by_name = {f["name"]: f for f in definition["fields"]}
    assert by_name["thing"]["repeat"] == "things" and "repeat" not in by_name["intro"]
    assert '<repeat nodeset="/data/people" jr:count=" /data/n ">' in xform

    assert to_xform(to_xlsx(definition), "back.xlsx") == xform


REFUSED = [
    (
        "a question outside uses an answer inside",
        [*SURVEY, row("text", "after", "After", "Après", relevant="${age} > 3")],
        "${age} sits in the repeat “people”: only the questions in that repeat can use",
    ),
    (
        "a label outside shows an answer inside",
        [*SURVEY, row("note", "after", "You said ${thing}", "Vous avez dit ${thing}")],
        "${thing} sits in the repeat “things”",
    ),
    (
        "the count uses an answer of the repeat",
        [
            row("begin_repeat", "r", "R", "R", repeat_count="${x}"),
            row("integer", "x", "X", "X"),
            row("end_repeat"),
        ],
        "A repeat's count cannot use ${x}, which sits in a repeat",
    ),
    (
        "an end_group closes the repeat",
        [row("begin_repeat", "r", "R", "R"), row("text", "x", "X", "X"), row("end_group")],
        "This end_group closes a repeat: write end_repeat.",
    ),
    (
        "the repeat is not closed",
        [row("begin_repeat", "r", "R", "R"), row("text", "x", "X", "X")],
        "This repeat has no end_repeat.",
    ),
    (
        "an end_repeat with no repeat",
        [row("text", "x", "X", "X"), row("end_repeat")],
        "This end_repeat has no begin_repeat.",
    ),
    (
        "a count above the limit",
        [
            row("begin_repeat", "r", "R", "R", repeat_count="51"),
            row("text", "x", "X", "X"),
            row("end_repeat"),
        ],
        "A repeat can be asked at most 50 times.",
    ),
    (
        "a start time inside",
        [
            row("begin_repeat", "r", "R", "R"),
            row("start", "s"),
            row("text", "x", "X", "X"),
            row("end_repeat"),
        ],
        "A start row cannot sit in a repeat",
    ),
    (
        "a constraint on the repeat",
        [
            row("begin_repeat", "r", "R", "R", constraint=". > 1"),
            row("text", "x", "X", "X"),
            row("end_repeat"),
        ],
        "A repeat takes no constraint.",
    ),
]


@pytest.mark.parametrize(
    ("survey", "reason"), [(s, r) for _n, s, r in REFUSED], ids=[n for n, _s, _r in REFUSED]
)
def test_what_a_repeat_cannot_hold_is_refused_with_its_row(survey, reason):
    problems = problems_of(xlsx(survey, YES_NO))
    assert any(reason in p.reason for p in problems), [p.reason for p in problems]
    assert all(p.row for p in problems)


# The form at work -------------------------------------------------------------------------------


def test_each_entry_has_its_own_answers_conditions_checks_and_calculations():
    definition, _xform = parse(form_data(), "form.xlsx")
    form = Form(definition)
    answers = {
        "n": 2,
        "people": [{"pname": "Ann", "age": 34, "adult": "yes"}, {"pname": "Bo", "age": 7}],
    }
    values = form.clean(answers)

    assert values["months@1"] == "408" and values["months@2"] == "84"
    assert form.field_applies("adult@1", values) and not form.field_applies("adult@2", values)
    assert form.names_on(definition["pages"][1], values) == [
        "pname@1",
        "age@1",
        "adult@1",
        "months@1",
        "pname@2",
        "age@2",
        "adult@2",
        "months@2",
    ]
    assert form.stored(values) == {
        "n": 2,
        "people": [
            {"pname": "Ann", "age": 34, "adult": "yes", "months": "408"},
            {"pname": "Bo", "age": 7, "months": "84"},
        ],
    }

    # One entry fewer: the answers of the third are dropped, as ODK drops them.
    fewer = form.clean({**answers, "n": 1})
    assert "pname@2" not in fewer and fewer["people"] == 1

    problems = form.problems({"n": 2, "people": [{"pname": "Ann", "age": -1}, {}]}, "en")
    assert set(problems) == {"age@1", "pname@2"}


def test_answers_nest_and_flatten_back_and_an_entry_can_be_taken_out():
    field_repeat = {"a": "r", "b": "r"}
    stored = {"x": 1, "r": [{"a": "1"}, {}, {"a": "3", "b": "three"}]}
    flat = repeats.flatten(stored, ["r"])
    assert flat == {"x": 1, "r": 3, "a@1": "1", "a@3": "3", "b@3": "three"}
    assert repeats.nest(flat, field_repeat) == stored
    assert repeats.flatten(flat, ["r"]) == flat  # already flat: unchanged

    fewer = repeats.without_entry(flat, "r", ["a", "b"], 2)
    assert repeats.nest(fewer, field_repeat) == {
        "x": 1,
        "r": [{"a": "1"}, {"a": "3", "b": "three"}],
    }


def test_a_label_in_an_entry_shows_that_entry_s_answer_escaped():
    definition, _xform = parse(form_data(), "form.xlsx")
    form = Form(definition)
    values = {"n": 2, "people": [{"pname": "<b>Ann</b>"}, {"pname": "Bo"}]}
    views = question_views(form, definition["pages"][1], values, "en")
    ages = [v for v in views if v.name.startswith("age@")]
    assert [v.label for v in ages] == ["Person 1: Age of <b>Ann</b>", "Person 2: Age of Bo"]
    assert '<span data-pipe="pname@1">&lt;b&gt;Ann&lt;/b&gt;</span>' in ages[0].label_html
    assert views[0].entry_opens[0].label == "Person 1" and views[0].entry_opens[0].hint_html
    assert not views[0].entry_opens[0].removable  # the count comes from the form


# A respondent, without JavaScript ---------------------------------------------------------------


def test_a_respondent_adds_fills_and_removes_entries_then_submits(
    questionnaire, lead, settings, client
):
    services.upload_form(
        actor=lead, questionnaire=questionnaire, data=form_data(), filename="f.xlsx"
    )
    open_questionnaire(questionnaire, settings, client)

    moved = client.post("/en/questionnaire/page/n/", {"n": "2", "shown": "n"})
    assert moved["Location"] == "/en/questionnaire/page/people/"
    page = client.get("/en/questionnaire/page/people/").content.decode()
    assert page.count('class="repeat-entry"') == 2
    assert has(page, "input", {"name": "pname@2", "id": "q-pname@2"})
    assert "Add an entry" not in page  # the count comes from the answer

    # Entry 2 left empty: its required name is asked for, with the entry in the message.
    shown = {"shown": ["pname@1", "age@1", "pname@2", "age@2"], "people": "2"}
    refused = client.post(
        "/en/questionnaire/page/people/",
        {**shown, "pname@1": "Ann", "age@1": "34", "pname@2": "", "age@2": "x"},
    )
    assert refused.status_code == 400
    text = html.unescape(refused.content.decode())
    assert "Person 2: Name: Answer this question." in text
    assert "Enter a whole number" in text
    saved = client.post(
        "/en/questionnaire/page/people/",
        {**shown, "pname@1": "Ann", "age@1": "34", "pname@2": "Bo", "age@2": "7"},
    )
    assert saved.status_code == 200  # adult@1 appeared: the page comes back to ask it
    moved = client.post(
        "/en/questionnaire/page/people/",
        {
            **shown,
            "shown": [*shown["shown"], "adult@1"],
            "pname@1": "Ann",
            "age@1": "34",
            "adult@1": "yes",
            "pname@2": "Bo",
            "age@2": "7",
        },
    )
    assert moved["Location"] == "/en/questionnaire/page/ideas/"

    # The respondent's own list: one entry to start, two added, the first taken out.
    page = client.get("/en/questionnaire/page/ideas/").content.decode()
    assert page.count('class="repeat-entry"') == 1
    assert has(page, "button", {"name": "action", "value": "add:things"})
    added = client.post(
        "/en/questionnaire/page/ideas/",
        {"action": "add:things", "things": "1", "thing@1": "Shelters", "intro": "Ours"},
    )
    assert added.status_code == 302 and added["Location"].endswith("/ideas/#e-things@2")
    client.post(
        "/en/questionnaire/page/ideas/",
        {"action": "add:things", "things": "2", "thing@1": "Shelters", "thing@2": "Training"},
    )
    page = client.get("/en/questionnaire/page/ideas/").content.decode()
    assert page.count('class="repeat-entry"') == 3
    assert "Training" in page
    removed = client.post(
        "/en/questionnaire/page/ideas/",
        {
            "action": "remove:things:1",
            "things": "3",
            "intro": "Ours",
            "thing@1": "Shelters",
            "thing@2": "Training",
            "thing@3": "Funding",
        },
    )
    assert removed["Location"].endswith("/ideas/#e-things@1")
    response = Response.objects.get()
    assert response.answers["things"] == [{"thing": "Training"}, {"thing": "Funding"}]

    moved = client.post(
        "/en/questionnaire/page/ideas/",
        {"things": "2", "intro": "Ours", "thing@1": "Training", "thing@2": "Funding"},
    )
    assert moved["Location"] == "/en/questionnaire/check/"
    check = html.unescape(client.get("/en/questionnaire/check/").content.decode())
    assert "Idea 2: What would help?" in check and "Funding" in check
    assert "Person 1: Age of Ann" in check
    assert client.post("/en/questionnaire/check/")["Location"] == "/en/questionnaire/done/"

    response.refresh_from_db()
    assert response.state == ResponseState.SUBMITTED
    assert response.answers["people"] == [
        {"pname": "Ann", "age": 34, "adult": "yes", "months": "408"},
        {"pname": "Bo", "age": 7, "months": "84"},
    ]
    assert response.answers["things"] == [{"thing": "Training"}, {"thing": "Funding"}]

    # Each entry's text is a record of its own for the analysis.
    records = {r["id"]: r["text"] for r in answer_records(questionnaire.consultation)}
    assert records[f"Q{response.pk:05d}-thing-2"] == "Funding"
    assert records[f"Q{response.pk:05d}-pname-1"] == "Ann"


def test_the_export_has_columns_for_each_entry():
    definition, _xform = parse(form_data(), "form.xlsx")
    rows = [
        {
            "response_id": "R00001",
            "version": 1,
            "language": "en",
            "channel": "online",
            "submitted_at": datetime(2026, 3, 5, 14, 30, tzinfo=UTC),
            "answers": {
                "n": 1,
                "people": [{"pname": "Ann", "age": 34}],
                "things": [{"thing": "Shelters"}, {"thing": "Training"}, {"thing": "Funding"}],
            },
        },
        {
            "response_id": "R00002",
            "version": 1,
            "language": "fr",
            "channel": "online",
            "submitted_at": datetime(2026, 3, 5, 14, 30, tzinfo=UTC),
            "answers": {"n": 0, "people": [], "things": [{"thing": "Logement"}]},
        },
    ]
    table = list(
        csv.DictReader(io.StringIO(exporting.to_csv(definition, rows).decode("utf-8-sig")))
    )
    assert [k for k in table[0] if k.startswith("thing")] == ["thing_1", "thing_2", "thing_3"]
    assert table[0]["thing_3"] == "Funding" and table[1]["thing_1"] == "Logement"
    assert table[1]["thing_2"] == "" and table[0]["pname_1"] == "Ann"
    titles = {
        f["name"]: f["titles"] for f in exporting.codebook(definition, {"things": 3})["fields"]
    }
    assert titles["thing_3"] == {
        "en": "Idea 3: What would help?",
        "fr": "Idée 3 : Qu’est-ce qui aiderait ?",
    }


def paper_entry(questionnaire, lead, client, data: bytes) -> tuple[str, dict[str, str]]:
    """The form uploaded and a lead signed in: the responses' URL, and the paper's details."""
    services.upload_form(actor=lead, questionnaire=questionnaire, data=data, filename="f.xlsx")
    client.force_login(lead)
    base = (
        f"/en/staff/consultations/{questionnaire.consultation.pk}/questionnaires/"
        f"{questionnaire.pk}/responses/"
    )
    return base, {"channel": "paper", "received_on": "2031-01-05", "language": "en"}


def test_staff_type_a_paper_response_with_entries_and_read_it_back(questionnaire, lead, client):
    base, meta = paper_entry(questionnaire, lead, client, form_data())
    page = client.get(base + "new/").content.decode()
    assert has(page, "button", {"value": "add:things"})
    # An entry added: the screen again, with what was typed, and nothing saved.
    added = client.post(
        base + "new/",
        {
            **meta,
            "action": "add:things",
            "things": "1",
            "thing@1": "Shelters",
            "n": "1",
            "people": "0",
        },
    )
    assert added.status_code == 200 and not Response.objects.exists()
    content = added.content.decode()
    assert has(content, "input", {"name": "thing@2"}) and "Shelters" in content
    # The number of people changed the entries shown: they are asked for before saving.
    recount = client.post(
        base + "new/", {**meta, "n": "1", "people": "0", "things": "2", "thing@1": "Shelters"}
    )
    assert recount.status_code == 200 and not Response.objects.exists()
    assert has(recount.content.decode(), "input", {"name": "pname@1"})
    saved = client.post(
        base + "new/",
        {
            **meta,
            "n": "1",
            "people": "1",
            "pname@1": "Ann",
            "age@1": "40",
            "adult@1": "no",
            "things": "2",
            "thing@1": "Shelters",
            "thing@2": "Training",
        },
    )
    assert saved.status_code == 302
    response = Response.objects.get()
    assert response.answers["things"] == [{"thing": "Shelters"}, {"thing": "Training"}]
    assert response.answers["people"] == [
        {"pname": "Ann", "age": 40, "adult": "no", "months": "480"}
    ]
    shown = html.unescape(client.get(f"{base}{response.pk}/").content.decode())
    assert "Idea 2: What would help?" in shown and "Training" in shown
    assert "Person 1: Age of Ann" in shown


def test_a_group_inside_a_repeat_is_a_section_of_each_entry():
    survey = [
        row("begin_repeat", "kids", "Child", "Enfant"),
        row("integer", "age", "Age?", "Âge ?"),
        row(
            "begin_group", "school", "School of a ${age}-year-old", "École", relevant="${age} >= 5"
        ),
        row("text", "grade", "Grade?", "Niveau ?"),
        row("end_group"),
        row("end_repeat"),
    ]
    definition, xform = parse(xlsx(survey), "form.xlsx")
    page = definition["pages"][0]
    assert page["sections"]["school"]["repeat"] == "kids"
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    values = {"kids": [{"age": 3}, {"age": 9}]}
    assert not form.field_applies("grade@1", form.flat(values))
    assert form.field_applies("grade@2", form.flat(values))
    views = question_views(form, page, values, "en")
    headings = [(s.name, s.applies) for v in views for s in v.opens]
    assert headings == [("school@1", False), ("school@2", True)]
    second = next(s for v in views for s in v.opens if s.name == "school@2")
    assert '<span data-pipe="age@2">9</span>' in second.label_html
    logic = form.logic_for(page, values)
    assert set(logic["sections"]) == {"school@1", "school@2"}
    # Repeats nest three deep (tests/questionnaires/test_nested_repeats.py); a fourth is
    # refused, with its row, and its rows close it.
    nested = [
        *survey[:2],
        row("begin_repeat", "toys", "Toy", "Jouet"),
        row("begin_repeat", "parts", "Part", "Pièce"),
        row("begin_repeat", "screws", "Screw", "Vis"),
        row("text", "size", "Size", "Taille"),
        row("end_repeat"),
        row("end_repeat"),
        row("end_repeat"),
        *survey[2:],
    ]
    problems = problems_of(xlsx(nested))
    assert [p.row for p in problems] == [6]
    assert "at most 2 others" in problems[0].reason


def test_position_gives_each_entry_its_number_and_1_outside_a_repeat():
    survey = [
        row("begin_repeat", "kids", "Child", "Enfant"),
        row("calculate", "num", calculation="position(..)"),
        row("text", "kname", "Name of child ${num}", "Nom de l’enfant ${num}"),
        row("integer", "age", "Age", "Âge", relevant="position(..) > 1"),
        row("end_repeat"),
    ]
    definition, xform = parse(xlsx(survey), "form.xlsx")
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    values = form.clean({"kids": [{}, {}]})
    assert (values["num@1"], values["num@2"]) == ("1", "2")
    assert not form.field_applies("age@1", values) and form.field_applies("age@2", values)
    views = question_views(form, definition["pages"][0], values, "en")
    assert [v.label for v in views if v.name.startswith("kname")] == [
        "Child 1: Name of child 1",
        "Child 2: Name of child 2",
    ]
    # Outside a repeat, ODK gives 1: the node above is the only one of its name.
    outside, _xform = parse(
        xlsx([row("text", "x", "X", "X", relevant="position(..) > 1")]), "form.xlsx"
    )
    assert not Form(outside).field_applies("x", {})


def test_indexed_repeat_reads_one_entry_s_answer_by_its_number():
    survey = [
        row("begin_repeat", "people", "Person", "Personne", repeat_count="2"),
        row("integer", "age", "Age", "Âge"),
        row(
            "calculate",
            "older_than_first",
            calculation="${age} > indexed-repeat(${age}, ${people}, 1)",
        ),
        row("end_repeat"),
        row("calculate", "second", calculation="indexed-repeat(${age}, ${people}, 1 + 1)"),
        row("note", "said", "The second is ${second}.", "Le second a ${second} ans."),
    ]
    definition, xform = parse(xlsx(survey), "form.xlsx")
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    values = form.with_calculations({"people": [{"age": 30}, {"age": 41}]})
    assert values["second"] == "41"
    assert values["older_than_first@2"] == "true" and values["older_than_first@1"] == "false"
    # An entry that is not there reads as nothing.
    assert form.with_calculations({"people": [{"age": 30}]}).get("second", "") == ""


@pytest.mark.parametrize(
    ("calculation", "reason"),
    [
        (
            "indexed-repeat(${x}, ${people}, 1)",
            "indexed-repeat() reads ${x} in the repeat “people”",
        ),
        ("indexed-repeat('age', ${people}, 1)", "indexed-repeat() takes a question of a repeat"),
    ],
)
def test_an_indexed_repeat_that_cannot_be_read_is_refused(calculation, reason):
    survey = [
        row("text", "x", "X", "X"),
        row("begin_repeat", "people", "Person", "Personne"),
        row("integer", "age", "Age", "Âge"),
        row("end_repeat"),
        row("calculate", "c", calculation=calculation),
    ]
    assert [reason in p.reason for p in problems_of(xlsx(survey))] == [True]


def test_a_question_can_choose_among_a_repeat_s_answers():
    survey = [
        row("begin_repeat", "rep", "Person", "Personne"),
        row("text", "name", "Name", "Nom"),
        row("integer", "age", "Age", "Âge"),
        row("end_repeat"),
        row("begin_group", "pick", "Pick", "Choix"),
        row("select_one ${name}", "eldest", "Who is eldest?", "Qui est l’aîné ?"),
        row(
            "select_one ${name}",
            "adult",
            "Which adult answers?",
            "Quel adulte répond ?",
            choice_filter="${age} >= 18",
        ),
        row("end_group"),
    ]
    definition, xform = parse(xlsx(survey), "form.xlsx")
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    answers = {
        "rep": [{"name": "Ann", "age": 40}, {"name": "Bo", "age": 9}, {"name": "Cy", "age": 19}]
    }
    values = form.flat(answers)
    assert [c.name for c in form.choices("eldest", values)] == ["Ann", "Bo", "Cy"]
    assert [c.name for c in form.choices("adult", values)] == ["Ann", "Cy"]
    page = form.page_by_name["pick"]
    picked, errors = form.read_page(page, QueryDict("eldest=Ann&adult=Cy"), answers, "en")
    assert not errors and picked["adult"] == "Cy"
    _same, errors = form.read_page(page, QueryDict("eldest=Zed&adult=Bo"), answers, "en")
    assert errors == {
        "eldest": "Choose from the options shown.",
        "adult": "Choose from the options shown.",
    }
    views = question_views(form, page, values, "en")
    assert [c.label for c in views[1].choices] == ["Ann", "Cy"]  # filtered on the server
    # Exported as the text chosen: there is no list to make one column per choice.
    row_ = {
        "response_id": "R00001",
        "version": 1,
        "language": "en",
        "channel": "online",
        "submitted_at": datetime(2026, 3, 4, 9, 0, tzinfo=UTC),
        "answers": form.stored({**values, **picked}),
    }
    [exported] = csv.DictReader(
        io.StringIO(exporting.to_csv(definition, [row_]).decode("utf-8-sig"))
    )
    assert (exported["eldest"], exported["adult"]) == ("Ann", "Cy")


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("select_one ${x}", "${x} is not in a repeat"),
        ("select_one ${nobody}", "${nobody} is not a field of this form."),
        ("rank ${name}", "Only a select_one takes its choices from a repeat's answers"),
        ("select_multiple ${name}", "Only a select_one takes its choices from a repeat's answers"),
    ],
)
def test_choices_from_answers_that_are_not_a_repeat_s_are_refused(kind, reason):
    survey = [
        row("text", "x", "X", "X"),
        row("begin_repeat", "rep", "Person", "Personne"),
        row("text", "name", "Name", "Nom"),
        row("end_repeat"),
        row(kind, "pick", "Pick", "Choix"),
    ]
    assert [reason in p.reason for p in problems_of(xlsx(survey))] == [True]


def test_count_and_sum_read_every_entry_of_a_repeat():
    survey = [
        row("begin_repeat", "jobs", "Job", "Emploi"),
        row("decimal", "pay", "Pay", "Salaire"),
        row("calculate", "share", calculation="${pay} div sum(${pay})"),
        row("end_repeat"),
        row("calculate", "total", calculation="sum(${pay})"),
        row("calculate", "how_many", calculation="count(${jobs})"),
        row("calculate", "top", calculation="max(${pay})"),
        row(
            "note",
            "said",
            "${how_many} jobs, ${total} in all.",
            "${how_many} emplois, ${total} en tout.",
            relevant="count(${pay}) > 1",
        ),
    ]
    definition, xform = parse(xlsx(survey), "form.xlsx")
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    values = form.with_calculations({"jobs": [{"pay": "10"}, {"pay": "30.5"}]})
    assert (values["total"], values["how_many"], values["top"]) == ("40.5", "2", "30.5")
    # Inside an entry, ${pay} is the entry's own: sum(${pay}) there is that one answer.
    assert values["share@2"] == "1"
    assert form.field_applies("said", values)
    one = form.with_calculations({"jobs": [{"pay": "10"}, {}]})
    assert one["how_many"] == "2" and one.get("total", "") == ""  # an empty entry: NaN, as ODK
    assert not form.field_applies("said", form.with_calculations({"jobs": [{"pay": "1"}]}))
    logic = form.logic_for(definition["pages"][0], {"jobs": [{"pay": "10"}]})
    assert logic["counts"] == {"jobs": 1}


def test_count_non_empty_and_join_read_every_entry_of_a_repeat():
    survey = [
        row("begin_repeat", "jobs", "Job", "Emploi"),
        row("text", "title", "Title", "Titre"),
        row("end_repeat"),
        row("calculate", "given", calculation="count-non-empty(${title})"),
        row("calculate", "listed", calculation="join(', ', ${title})"),
        row("note", "said", "You named ${listed}.", "Vous avez nommé ${listed}."),
    ]
    definition, xform = parse(xlsx(survey), "form.xlsx")
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    values = form.with_calculations({"jobs": [{"title": "Nurse"}, {}, {"title": "Teacher"}]})
    assert (values["given"], values["listed"]) == ("2", "Nurse, , Teacher")
    assert form.ast("join(', ', ${title})") == [
        "entries",
        "join",
        "title",
        "jobs",
        ["str", ", "],
    ]


def test_count_of_something_that_is_not_there_is_refused():
    survey = [
        row("begin_repeat", "jobs", "Job", "Emploi"),
        row("decimal", "pay", "Pay", "Salaire"),
        row("end_repeat"),
        row("calculate", "n", calculation="count(${nothing})"),
        row("calculate", "m", calculation="sum(2)"),
    ]
    assert sorted(p.reason for p in problems_of(xlsx(survey))) == [
        "${nothing} is not a field of this form.",
        "sum() takes a repeat or a question in one, as in count(${people}) or sum(${amount}) "
        "(at character 1)",
    ]


def test_a_trigger_in_a_repeat_sets_the_question_of_the_entry_whose_answer_changed():
    survey = [
        row("begin_group", "g", "G", "G"),
        row("begin_repeat", "trips", "Trip", "Voyage", repeat_count="2"),
        row("text", "city", "City?", "Ville ?"),
        row(
            "text",
            "plan",
            "Plan",
            "Plan",
            trigger="${city}",
            calculation="concat('Visit ', ${city})",
        ),
        row("end_repeat"),
        row("end_group"),
    ]
    definition, xform = parse(xlsx(survey), "form.xlsx")
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    page = form.page_by_name["g"]
    posted = QueryDict("city@1=Paris&plan@1=&city@2=Rome&plan@2=")
    first, _errors = form.read_page(page, posted, {}, "en")
    assert (first["plan@1"], first["plan@2"]) == ("Visit Paris", "Visit Rome")
    # Only the entry whose city changed is set again; the other keeps what was written.
    posted = QueryDict("city@1=Lyon&plan@1=Mine&city@2=Rome&plan@2=Ours")
    second, _errors = form.read_page(page, posted, {**first, "plan@1": "Mine"}, "en")
    assert (second["plan@1"], second["plan@2"]) == ("Visit Lyon", "Ours")
    logic = form.logic_for(page, second)
    assert logic["fields"]["plan@2"]["trigger"] == ["city@2"]


def test_a_trigger_outside_a_repeat_on_an_answer_in_it_is_refused():
    survey = [
        row("begin_repeat", "trips", "Trip", "Voyage"),
        row("text", "city", "City?", "Ville ?"),
        row("end_repeat"),
        row("text", "plan", "Plan", "Plan", trigger="${city}", calculation="'x'"),
    ]
    assert [p.reason for p in problems_of(xlsx(survey))] == [
        "${city} sits in the repeat “trips”: only a question in that repeat can be set when it "
        "changes."
    ]
