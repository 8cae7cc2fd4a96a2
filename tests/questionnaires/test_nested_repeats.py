"""Repeats inside repeats (ADR 0022): a household and its members, a household and its visits.

An inner repeat's entries are kept in each entry of the outer one; while the form works, its
answers are named by the path of entry numbers (`age@1.2`) and its count by its entry name in the
outer entry (`members@1`).
"""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import UTC, datetime

import pytest
from django.http import QueryDict

from heard.analysis.collect import answer_records
from heard.questionnaires import exporting, repeats, services
from heard.questionnaires.form import Form, entry_change
from heard.questionnaires.models import Response, ResponseState
from heard.questionnaires.rendering import question_label, question_views
from heard.questionnaires.templatetags.questionnaire import question_html
from heard.questionnaires.xlsform import parse, to_xform
from heard.questionnaires.xlsform_export import to_xlsx
from tests.questionnaires.builders import row, xlsx
from tests.questionnaires.test_repeats import paper_entry
from tests.questionnaires.test_xlsform import has, open_questionnaire, problems_of

SURVEY = [
    row("begin_repeat", "households", "Household", "Ménage"),
    row("text", "head", "Head of household", "Chef du ménage", required="yes"),
    row("integer", "size", "How many people?", "Combien de personnes ?"),
    row(
        "begin_repeat",
        "members",
        "Member of ${head}’s household",
        "Membre du ménage de ${head}",
        repeat_count="${size}",
    ),
    row("text", "mname", "Name", "Nom"),
    row("integer", "age", "Age of ${mname}", "Âge de ${mname}"),
    row("calculate", "older", calculation="if(${age} > 17, 'adult', 'child')"),
    row("begin_group", "school", "At school", "À l’école", relevant="${age} < 18"),
    row("text", "grade", "Grade?", "Niveau ?"),
    row("end_group"),
    row("end_repeat"),
    row("calculate", "total_age", calculation="sum(${age})"),
    row("calculate", "second", calculation="indexed-repeat(${mname}, ${members}, 2)"),
    row("begin_repeat", "visits", "Visit", "Visite"),
    row("text", "note", "Notes on ${head}", "Notes sur ${head}"),
    row("end_repeat"),
    row("end_repeat"),
    row("begin_group", "end", "The end", "La fin"),
    row(
        "calculate",
        "first_second",
        calculation="indexed-repeat(${mname}, ${households}, 1, ${members}, 2)",
    ),
    row("text", "anything", "Anything else?", "Autre chose ?"),
    row("end_group"),
]

STORED = {
    "households": [
        {
            "head": "Ann",
            "size": 2,
            "members": [{"mname": "Ann", "age": 40}, {"mname": "Bo", "age": 7, "grade": "2"}],
            "visits": [{"note": "Kind"}, {"note": "Busy"}],
        },
        {"head": "Cy", "size": 1, "members": [{"mname": "Cy", "age": 30}], "visits": [{}]},
    ]
}


def form_data() -> bytes:
    return xlsx(SURVEY)


def test_a_repeat_inside_a_repeat_reads_and_writes_back_the_same_xform():
    definition, xform = parse(form_data(), "form.xlsx")
    page = definition["pages"][0]
    assert set(page["repeats"]) == {"households", "members", "visits"}
    assert page["repeats"]["members"]["repeat"] == "households"
    assert page["sections"]["school"]["repeat"] == "members"
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform


def test_answers_are_named_by_their_path_and_stored_nested():
    form = Form(parse(form_data(), "form.xlsx")[0])
    flat = form.flat(STORED)
    assert flat["households"] == 2 and flat["members@1"] == 2 and flat["members@2"] == 1
    assert (flat["mname@1.2"], flat["age@2.1"], flat["note@1.2"]) == ("Bo", 30, "Busy")
    assert form.stored(flat) == STORED
    assert repeats.split("age@1.2") == ("age", (1, 2))
    assert repeats.entry_name("age@1", 2) == "age@1.2"
    assert [path for path, _entry in repeats.holders(STORED, "mname")] == [(1, 1), (1, 2), (2, 1)]


def test_each_entry_works_out_its_own_members():
    form = Form(parse(form_data(), "form.xlsx")[0])
    values = form.clean(STORED)
    assert (values["older@1.1"], values["older@1.2"], values["older@2.1"]) == (
        "adult",
        "child",
        "adult",
    )
    # sum() and indexed-repeat() in a household read that household's members.
    assert (values["total_age@1"], values["total_age@2"]) == ("47", "30")
    assert values["second@1"] == "Bo" and "second@2" not in values
    # Outside the households, indexed-repeat() names both entries.
    assert values["first_second"] == "Bo"
    # The count comes from each household's own answer; a member past it is dropped.
    assert form.field_applies("grade@1.2", values) and not form.field_applies("grade@1.1", values)
    fewer = form.clean({**form.flat(STORED), "size@1": 1})
    assert fewer["members@1"] == 1 and "mname@1.2" not in fewer and fewer["mname@2.1"] == "Cy"
    assert form.names_on(form.pages[0], values)[:9] == [
        "head@1",
        "size@1",
        "mname@1.1",
        "age@1.1",
        "older@1.1",
        "grade@1.1",
        "mname@1.2",
        "age@1.2",
        "older@1.2",
    ]


def test_taking_out_an_outer_entry_moves_the_later_ones_inner_entries_up():
    form = Form(parse(form_data(), "form.xlsx")[0])
    flat = form.flat(STORED)
    after = form.without_entry(flat, "households", 1)
    assert after["households"] == 1 and after["members@1"] == 1
    assert after["mname@1.1"] == "Cy" and "mname@2.1" not in after and "mname@1.2" not in after
    # An inner entry taken out of one household leaves the other's alone.
    fewer = form.without_entry(flat, "visits@1", 1)
    assert (fewer["visits@1"], fewer["note@1.1"], fewer["visits@2"]) == (1, "Busy", 1)
    gone, moved = repeats.entry_moves(
        ["note@1.1", "note@1.2", "note@2.1"], "visits@1", form.inside("visits"), 1
    )
    assert gone == ["note@1.1"] and moved == [("note@1.2", "note@1.1")]
    added = form.with_entry_added(flat, "visits@2")
    assert added["visits@2"] == 2
    assert form.with_entry_added(flat, "visits@7") == flat  # no such household


def test_the_page_heads_each_entry_and_names_its_buttons_by_path():
    form = Form(parse(form_data(), "form.xlsx")[0])
    page = form.pages[0]
    with_head = form.clean(STORED)
    views = question_views(form, page, with_head, "en")
    first = views[0]
    assert [(e.repeat, e.number, e.level) for e in first.entry_opens] == [("households", 1, 2)]
    member = next(v for v in views if v.name == "mname@1.1")
    assert [(e.label, e.level) for e in member.entry_opens] == [("Member of Ann’s household 1", 3)]
    assert question_label(form, "age@1.2", with_head, "en") == (
        "Household 1, Member of Ann’s household 2: Age of Bo"
    )
    # The last question of household 1 closes its last visit, the visits, then the household.
    last = next(v for v in views if v.name == "note@1.2")
    assert [(c.kind, c.repeat) for c in last.closes] == [
        ("entry", "visits@1"),
        ("end", "visits@1"),
        ("entry", "households"),
    ]
    assert [c.kind for c in views[-1].closes] == ["entry", "end", "entry", "end"]
    html_page = "".join(question_html(v) for v in views)
    assert has(html_page, "button", {"name": "action", "value": "add:visits@1"})
    assert has(html_page, "button", {"name": "action", "value": "remove:visits@1:2"})
    assert has(html_page, "button", {"name": "action", "value": "remove:households:2"})
    assert has(html_page, "input", {"type": "hidden", "name": "members@1", "value": "2"})
    assert not has(html_page, "button", {"name": "action", "value": "add:members@1"})
    logic = form.logic_for(page, with_head)
    assert {"households", "members@1", "members@2", "visits@1", "visits@2"} <= set(logic["repeats"])
    assert logic["counts"]["members@1"] == 2 and "school@1.2" in logic["sections"]
    assert logic["fields"]["total_age@1"]["calculation"][0] == "entries"


def test_read_page_takes_each_inner_count_as_the_page_sent_it():
    form = Form(parse(form_data(), "form.xlsx")[0])
    page = form.pages[0]
    posted = QueryDict(mutable=True)
    posted.update({"households": "1", "head@1": "Ann", "size@1": "2", "visits@1": "2"})
    posted.update({"mname@1.1": "Ann", "note@1.1": "a", "note@1.2": "b", "visits@9": "4"})
    # The size typed on this page gives the household its members: the one the page sent is
    # read (a paper response typed at once), the other comes back to be asked (`brought_in`);
    # a count sent for no household is ignored.
    values, errors = form.read_page(page, posted, {}, "en")
    assert not errors and values["members@1"] == 2 and "mname@1.2" not in values
    posted["size@1"] = "1"
    values, errors = form.read_page(page, posted, {}, "en")
    assert not errors
    assert form.stored(values)["households"] == [
        {
            "head": "Ann",
            "size": 1,
            "members": [{"mname": "Ann", "older": "child"}],
            "visits": [{"note": "a"}, {"note": "b"}],
        }
    ]


@pytest.mark.parametrize(
    ("cell", "column", "reason"),
    [
        (
            row("calculate", "x", calculation="indexed-repeat(${mname}, ${members}, 1)"),
            "calculation",
            "as in indexed-repeat(${mname}, ${households}, 1, ${members}, 2)",
        ),
        (
            row("calculate", "x", calculation="sum(${age})"),
            "calculation",
            "add up its entries in an entry of “households”",
        ),
        (row("text", "x", "X ${age}", "X ${age}"), "label", "sits in the repeat “members”"),
        (
            row(
                "calculate", "x", calculation="indexed-repeat(${age}, ${visits}, 1, ${members}, 1)"
            ),
            "calculation",
            "name each repeat down to it",
        ),
        (
            row("calculate", "x", calculation="indexed-repeat(${age}, ${visits}, 1)"),
            "calculation",
            "in the repeat “visits”, which does not hold it",
        ),
    ],
)
def test_an_inner_repeat_s_answers_are_read_only_where_they_exist(cell, column, reason):
    survey = [*SURVEY[:-1], cell, SURVEY[-1]]
    problems = problems_of(xlsx(survey))
    assert [(p.column.split("::")[0], reason in p.reason) for p in problems] == [(column, True)]


def test_a_respondent_fills_two_households_adds_and_removes_a_visit_then_submits(
    questionnaire, lead, settings, client
):
    services.upload_form(
        actor=lead, questionnaire=questionnaire, data=form_data(), filename="f.xlsx"
    )
    open_questionnaire(questionnaire, settings, client)
    url = "/en/questionnaire/page/households/"
    page = client.get(url).content.decode()
    assert has(page, "button", {"name": "action", "value": "add:households"})
    assert has(page, "button", {"name": "action", "value": "add:visits@1"})

    base = {"households": "1", "head@1": "Ann", "size@1": "2", "visits@1": "1", "note@1.1": "a"}
    grown = client.post(url, {**base, "action": "add:households"})
    assert grown["Location"].endswith("/households/#e-households@2")
    page = client.get(url).content.decode()
    # Two members asked in household 1 (its size), none yet in household 2.
    assert has(page, "input", {"name": "mname@1.2"}) and not has(
        page, "input", {"name": "mname@2.1"}
    )
    two = {
        **base,
        "households": "2",
        "members@1": "2",
        "mname@1.1": "Ann",
        "age@1.1": "40",
        "mname@1.2": "Bo",
        "age@1.2": "7",
        "head@2": "Cy",
        "size@2": "1",
        "visits@2": "1",
        "note@2.1": "c",
    }
    added = client.post(url, {**two, "action": "add:visits@2"})
    assert added["Location"].endswith("/households/#e-visits@2.2")
    page = html.unescape(client.get(url).content.decode())
    assert "<h3>Member of Ann’s household 2</h3>" in page and "<h2>Household 2</h2>" in page
    assert '<span data-pipe="head@2">Cy</span>' in page  # Notes on Cy, in each visit of hers
    two.update({"visits@2": "2", "note@2.2": "d", "members@2": "1", "mname@2.1": "Cy"})
    removed = client.post(url, {**two, "action": "remove:visits@2:1"})
    assert removed["Location"].endswith("/households/#e-visits@2.1")
    draft = Response.objects.get()
    assert draft.answers["households"][1]["visits"] == [{"note": "d"}]
    assert draft.answers["households"][0]["members"][1] == {
        "mname": "Bo",
        "age": 7,
        "older": "child",
    }
    # A button naming an inner repeat without its household, or a household that is not there,
    # changes nothing.
    two.update({"visits@2": "1", "note@2.1": "d"})
    client.post(url, {**two, "action": "add:visits"})
    client.post(url, {**two, "action": "add:visits@5"})
    draft.refresh_from_db()
    assert [len(h.get("visits", [])) for h in draft.answers["households"]] == [1, 1]
    page = client.get(url).content.decode()
    shown = re.findall(r'<input type="hidden" name="shown" value="([^"]+)">', page)
    assert "grade@1.2" in shown and "grade@1.1" not in shown  # Bo is 7, Ann 40
    moved = client.post(url, {**two, "age@2.1": "30", "grade@1.2": "2", "shown": shown})
    assert moved["Location"] == "/en/questionnaire/page/end/"
    client.post("/en/questionnaire/page/end/", {"anything": ""})
    client.post("/en/questionnaire/check/")
    response = Response.objects.get()
    assert response.state == ResponseState.SUBMITTED
    households = response.answers["households"]
    assert [m["mname"] for h in households for m in h["members"]] == ["Ann", "Bo", "Cy"]
    assert response.answers["first_second"] == "Bo"

    # Exported once per entry path, with as many columns as the response with the most.
    rows = [
        {
            "response_id": response.pk,
            "version": 1,
            "submitted_at": datetime(2026, 12, 6, tzinfo=UTC),
            "language": "en",
            "channel": "online",
            "answers": response.answers,
        }
    ]
    definition = response.version.definition
    text = exporting.to_csv(definition, rows).decode("utf-8-sig")
    table = list(csv.DictReader(io.StringIO(text)))
    assert [k for k in table[0] if k.startswith("mname")] == [
        "mname_1_1",
        "mname_1_2",
        "mname_2_1",
        "mname_2_2",
    ]
    assert (table[0]["mname_2_1"], table[0]["grade_1_2"], table[0]["mname_2_2"]) == ("Cy", "2", "")
    titles = {
        f["name"]: (f["titles"], f.get("sourceEntryPath"))
        for f in exporting.codebook(definition, exporting.entry_counts(definition, rows))["fields"]
    }
    assert titles["age_1_2"] == (
        {
            "en": "Household 1, Member of ${head}’s household 2: Age of ${mname}",
            "fr": "Ménage 1, Membre du ménage de ${head} 2 : Âge de ${mname}",
        },
        [1, 2],
    )
    # Each member's text is a record of the analysis, numbered by its path.
    records = {
        r["id"].split("-", 1)[1]: r["text"] for r in answer_records(questionnaire.consultation)
    }
    assert records["mname-1-2"] == "Bo" and records["note-2-1"] == "d"


def test_a_response_holds_at_most_500_entries_over_all_its_repeats():
    form = Form(parse(form_data(), "form.xlsx")[0])
    flat = form.flat(STORED)
    assert form.with_entry_added(flat, "visits@1")["visits@1"] == 3
    full = {**flat, "households": 2, "visits@1": 50, "visits@2": 447}  # with 3 members: 502
    assert not form.room_for_entries(full)
    assert form.with_entry_added(full, "visits@2")["visits@2"] == 447
    views = question_views(form, form.pages[0], form.clean(full), "en")
    assert not any(c.kind == "end" and c.addable for v in views for c in v.closes)


def test_staff_type_a_paper_response_with_households_and_members(questionnaire, lead, client):
    base, meta = paper_entry(questionnaire, lead, client, form_data())
    typed = {"households": "1", "head@1": "Ann", "size@1": "0", "members@1": "0", "visits@1": "1"}
    added = client.post(base + "new/", {**meta, **typed, "action": "add:visits@1"})
    assert added.status_code == 200 and not Response.objects.exists()
    assert has(added.content.decode(), "input", {"name": "note@1.2"})
    # The household's size changed how many members it has: they are asked for first.
    recount = client.post(base + "new/", {**meta, **typed, "size@1": "1"})
    assert recount.status_code == 200 and not Response.objects.exists()
    assert has(recount.content.decode(), "input", {"name": "mname@1.1"})
    saved = client.post(
        base + "new/",
        {**meta, **typed, "size@1": "1", "members@1": "1", "mname@1.1": "Ann", "age@1.1": "40"},
    )
    assert saved.status_code == 302
    response = Response.objects.get()
    assert response.answers["households"][0]["members"] == [
        {"mname": "Ann", "age": 40, "older": "adult"}
    ]
    shown = html.unescape(client.get(f"{base}{response.pk}/").content.decode())
    assert "Household 1, Member of Ann’s household 1: Age of Ann" in shown


SITES = [
    # An outer repeat that asks nothing itself: a site is its visits.
    row("begin_repeat", "sites", "Site", "Site"),
    row("begin_repeat", "visits", "Visit", "Visite"),
    row("begin_repeat", "stops", "Stop", "Arrêt"),
    row("text", "note", "Note", "Note"),
    row("end_repeat"),
    row("end_repeat"),
    row("end_repeat"),
]


def test_an_outer_repeat_holding_only_a_repeat_keeps_its_entries():
    form = Form(parse(xlsx(SITES), "form.xlsx")[0])
    stored = {"sites": [{"visits": [{"stops": [{"note": "Muddy"}, {"note": "Dry"}]}]}, {}]}
    assert form.stored(form.flat(stored)) == stored
    posted = QueryDict(mutable=True)
    posted.update({"sites": "1", "visits@1": "1", "stops@1.1": "1", "note@1.1.1": "Muddy road"})
    values, errors = form.read_page(form.pages[0], posted, {}, "en")
    assert not errors
    assert form.stored(values) == {"sites": [{"visits": [{"stops": [{"note": "Muddy road"}]}]}]}


def test_a_button_must_name_an_inner_repeat_in_each_repeat_around_it():
    form = Form(parse(xlsx(SITES), "form.xlsx")[0])
    here = form.pages[0]["repeats"]
    assert entry_change(here, "remove:stops@1.1:1") is not None
    # Too few numbers: the answers would stay, and the files must not move either.
    assert entry_change(here, "remove:stops@1:1") is None
    assert (
        entry_change(here, "add:visits@1.1") is None and entry_change(here, "add:sites@1") is None
    )
    flat = form.flat({"sites": [{"visits": [{"stops": [{"note": "a"}]}]}]})
    assert form.has_entry("stops@1.1", 1, flat) and not form.has_entry("stops@1.1", 2, flat)
    assert not form.has_entry("stops@1.2", 1, flat)


def test_a_page_cannot_send_more_than_500_entries_in_all():
    form = Form(parse(xlsx(SITES), "form.xlsx")[0])
    posted = QueryDict(mutable=True)
    posted.update({"sites": "50", **{f"visits@{n}": "50" for n in range(1, 51)}})
    values, _errors = form.read_page(form.pages[0], posted, {}, "en")
    taken = sum(v for k, v in values.items() if form.is_repeat_key(k) and isinstance(v, int))
    assert taken <= 500 and values["sites"] == 50 and values["visits@1"] == 50


def test_indexed_repeat_three_deep_is_refused_with_the_form_that_works():
    survey = [
        row("begin_repeat", "hh", "Household", "Ménage"),
        row("begin_repeat", "mem", "Member", "Membre"),
        row("begin_repeat", "vis", "Visit", "Visite"),
        row("integer", "dur", "Minutes", "Minutes"),
        row("end_repeat"),
        row("end_repeat"),
        row("end_repeat"),
    ]
    wrong = row("calculate", "x", calculation="indexed-repeat(${dur}, ${mem}, 1, ${vis}, 1)")
    problems = problems_of(xlsx([*survey, wrong]))
    suggested = "indexed-repeat(${dur}, ${hh}, 1, ${mem}, 1, ${vis}, 2)"
    assert [suggested in p.reason for p in problems] == [True]
    right = row("calculate", "x", calculation=suggested)
    definition, _xform = parse(xlsx([*survey, right]), "form.xlsx")
    flat = {"hh": 1, "mem@1": 1, "vis@1.1": 2, "dur@1.1.2": 15}
    assert Form(definition).clean(flat)["x"] == "15"
