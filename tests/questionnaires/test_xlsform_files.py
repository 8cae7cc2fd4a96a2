"""Choices from an attached file (select_one_from_file: CSV, XML, GeoJSON): with the form or after
it, versioned with it, checked like a choices sheet, and the questionnaire closed while a file is
missing."""

from __future__ import annotations

import html
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pyxform.xls2xform import convert

from heard.core.audit import AuditEvent
from heard.questionnaires import services, translation, xlsform_files
from heard.questionnaires.exporting import variable_names
from heard.questionnaires.form import Form
from heard.questionnaires.rendering import question_views
from heard.questionnaires.xlsform import FormError, missing_translations, parse, to_xform
from heard.questionnaires.xlsform_export import to_xlsx
from tests.questionnaires.builders import EN, FR, row, xlsx
from tests.questionnaires.test_xlsform import has, open_questionnaire

SURVEY = [
    row("select_one_from_file cities.csv", "city", "Your city?", "Votre ville ?"),
    row(
        "select_multiple_from_file cities.csv",
        "visited",
        "Cities visited in ${city}'s province?",
        "Villes visitées dans la province de ${city} ?",
        choice_filter="province = 'on'",
    ),
]
CITIES = (
    f"name,label::{EN},label::{FR},province\n"
    "toronto,Toronto,Toronto,on\n"
    "ottawa,Ottawa,Ottawa,on\n"
    "montreal,Montreal,Montréal,qc\n"
).encode()


def form() -> bytes:
    return xlsx(SURVEY, [])


def test_a_form_naming_a_file_is_a_draft_until_the_file_comes():
    definition, xform = parse(form(), "form.xlsx")
    assert definition["files"] == {"cities.csv": {"attached": False}}
    assert xlsform_files.missing_files(definition) == ["cities.csv"]
    assert definition["choices"]["cities.csv"] == []
    field = definition["fields"][0]
    assert (field["type"], field["list_name"], field["from_file"]) == (
        "select_one",
        "cities.csv",
        True,
    )

    attached = xlsform_files.attach(definition, {"cities.csv": CITIES}, "en")
    assert xlsform_files.missing_files(attached) == []
    assert attached["files"]["cities.csv"]["choices"] == 3
    assert [c["name"] for c in attached["choices"]["cities.csv"]] == [
        "toronto",
        "ottawa",
        "montreal",
    ]
    assert attached["choices"]["cities.csv"][2]["label"] == {"en": "Montreal", "fr": "Montréal"}
    assert "files" in definition and definition["files"]["cities.csv"] == {"attached": False}

    # The same choices whether the file comes with the form or after it; the same XForm back.
    with_file, same_xform = parse(form(), "form.xlsx", attachments={"cities.csv": CITIES})
    assert with_file == attached and same_xform == xform
    assert to_xform(to_xlsx(with_file), "back.xlsx") == xform
    again, _xform = parse(
        form(),
        "form.xlsx",
        attachments={"cities.csv": xlsform_files.to_csv(with_file, "cities.csv")},
    )
    assert again["choices"] == with_file["choices"]

    # The choice_filter reads the file's own column.
    shown = Form(with_file).choices("visited", {})
    assert [c.name for c in shown] == ["toronto", "ottawa"]


BAD_FILES = [
    ("no name column", b"label\nToronto\n", "The file needs a “name” column"),
    (
        "not UTF-8",
        "name,label\nqu\xe9bec,Qu\xe9bec\n".encode("latin-1"),
        "Save the CSV file as UTF-8.",
    ),
    (
        "the filter's column missing",
        b"name,label\ntoronto,Toronto\n",
        "The choice_filter on survey row 3 uses a column “province”",
    ),
    ("a name twice", b"name,label,province\nto,T,on\nto,T,on\n", "“to” is already in list"),
]


@pytest.mark.parametrize(
    ("data", "reason"), [(d, r) for _n, d, r in BAD_FILES], ids=[n for n, _d, _r in BAD_FILES]
)
def test_a_file_that_cannot_be_used_is_refused_with_its_row_and_changes_nothing(data, reason):
    definition, _xform = parse(form(), "form.xlsx")
    with pytest.raises(FormError) as caught:
        xlsform_files.attach(definition, {"cities.csv": data}, "en")
    assert any(reason in str(p) for p in caught.value.problems), caught.value.problems
    assert all(p.sheet == "cities.csv" for p in caught.value.problems)
    assert definition["choices"]["cities.csv"] == []


def test_the_form_s_own_problems_with_files_are_named():
    problems = _problems(
        xlsx(
            [
                row("select_one_from_file cities.kml", "a", "A", "A"),
                row("select_one_from_file", "b", "B", "B"),
                row("select_one_from_file towns.csv", "c", "C", "C", parameters="value=code"),
            ],
            [],
        ),
        {"towns.csv": b"name,label\nx,X\n"},
    )
    assert (
        "Heard reads choices from a CSV, XML or GeoJSON file: save “cities.kml” as a .csv file"
        in problems
    )
    assert "Name the file after the type" in problems
    assert "The file has no column “code”, which the parameter value= names." in problems


def _problems(data: bytes, attachments: dict[str, bytes]) -> str:
    with pytest.raises(FormError) as caught:
        parse(data, "form.xlsx", attachments=attachments)
    return " | ".join(str(p) for p in caught.value.problems)


def test_value_and_label_parameters_name_other_columns():
    data = xlsx(
        [row("select_one_from_file towns.csv", "c", "C", "C", parameters="value=code label=town")],
        [],
    )
    definition, _xform = parse(
        data, "form.xlsx", attachments={"towns.csv": b"code,town\nyyz,Toronto\n"}
    )
    assert definition["choices"]["towns.csv"] == [
        {"name": "yyz", "label": {"en": "Toronto", "fr": ""}, "filters": {}}
    ]
    # Labels in one language: a draft to translate, in the file itself.
    assert [m["sheet"] for m in missing_translations(definition)] == ["towns.csv"]


def test_a_lead_attaches_the_file_and_the_questionnaire_opens(
    questionnaire, lead, settings, client
):
    services.upload_form(actor=lead, questionnaire=questionnaire, data=form(), filename="f.xlsx")
    assert not questionnaire.is_open()
    client.force_login(lead)
    base = (
        f"/en/staff/consultations/{questionnaire.consultation.pk}/questionnaires/"
        f"{questionnaire.pk}/"
    )
    page = client.get(base).content.decode()
    assert "cities.csv" in page and "Missing" in page
    assert has(page, "input", {"type": "file", "name": "attachments", "multiple": None})
    refused = client.post(base + "invite/", {}, follow=True)
    assert "Attach the files the form uses before inviting anyone." in html.unescape(
        refused.content.decode()
    )

    wrong = client.post(
        base + "files/",
        {"attachments": [SimpleUploadedFile("towns.csv", CITIES, content_type="text/csv")]},
    )
    assert wrong.status_code == 400
    assert "The form uses no file of this name. It uses: cities.csv." in html.unescape(
        wrong.content.decode()
    )
    done = client.post(
        base + "files/",
        {"attachments": [SimpleUploadedFile("cities.csv", CITIES, content_type="text/csv")]},
    )
    assert done.status_code == 302
    questionnaire.refresh_from_db()
    assert questionnaire.is_open()
    event = AuditEvent.objects.filter(action="questionnaire.files_attached").get()
    assert event.changes["missing"] == [] and "cities.csv" in event.changes["files"]
    download = client.get(base + "versions/1/files/cities.csv")
    assert download.content.decode().splitlines()[1] == "toronto,Toronto,Toronto,on"

    client.logout()
    open_questionnaire(questionnaire, settings, client, language="fr")
    page = html.unescape(client.get("/fr/questionnaire/page/city/").content.decode())
    assert "Montréal" in page and "Votre ville ?" in page


def test_the_same_form_again_keeps_its_files_and_a_translation_too(questionnaire, lead):
    one_language = xlsx(
        [{"type": "select_one_from_file cities.csv", "name": "city", "label": "Your city?"}],
        [],
        survey_header=["type", "name", "label"],
    )
    services.upload_form(
        actor=lead,
        questionnaire=questionnaire,
        data=one_language,
        filename="f.xlsx",
        attachments={"cities.csv": CITIES},
    )
    again = services.upload_form(
        actor=lead, questionnaire=questionnaire, data=one_language, filename="f.xlsx"
    )
    assert again.missing_files() == [] and len(again.definition["choices"]["cities.csv"]) == 3
    sha = again.definition["files"]["cities.csv"]["sha256"]
    target = translation.target_of(again.definition)
    assert target == "fr"
    xliff = translation.xliff_for_translation(again.definition, target)
    filled = xliff.replace(b"</source>", b"</source><target>Votre ville ?</target>")
    version, remaining = translation.import_translation(
        actor=lead, questionnaire=questionnaire, data=filled, filename="fr.xlf"
    )
    assert remaining == 0
    assert version.definition["files"]["cities.csv"]["sha256"] == sha
    assert version.definition["choices"]["cities.csv"] == again.definition["choices"]["cities.csv"]
    with pytest.raises(FormError):
        services.upload_form(
            actor=lead,
            questionnaire=questionnaire,
            data=one_language,
            filename="f.xlsx",
            attachments={"towns.csv": CITIES},
        )


def test_an_xml_list_of_items_gives_choices_too_and_goes_back_as_xml():
    data = xlsx([row("select_one_from_file places.xml", "p", "Place?", "Lieu ?")], [])
    items = (
        b"<root><item><name>a</name><label>Shelter</label><kind>x</kind></item>"
        b"<item><name>b</name><label>Clinic</label></item></root>"
    )
    definition, xform = parse(data, "form.xlsx", attachments={"places.xml": items})
    assert definition["choices"]["places.xml"] == [
        {"name": "a", "label": {"en": "Shelter", "fr": ""}, "filters": {"kind": "x"}},
        {"name": "b", "label": {"en": "Clinic", "fr": ""}, "filters": {}},
    ]
    again, same = parse(data, "form.xlsx", attachments=xlsform_files.attached_files(definition))
    assert again["choices"] == definition["choices"] and same == xform
    with pytest.raises(FormError) as caught:
        parse(data, "form.xlsx", attachments={"places.xml": b"<root><item>"})
    assert "This is not a readable XML file" in str(caught.value.problems[0])


SHELTERS = b"""{"type": "FeatureCollection", "features": [
 {"type": "Feature", "id": "s1", "geometry": {"type": "Point", "coordinates": [-89.25, 48.38]},
  "properties": {"title": "Thunder Bay shelter", "beds": 12, "region": "north"}},
 {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[-75.7, 45.4],
  [-75.6, 45.4], [-75.6, 45.5], [-75.7, 45.4]]]},
  "properties": {"id": "s2", "title": "Ottawa area", "region": "east"}}]}"""


def test_a_geojson_file_gives_one_choice_per_feature_as_odk_reads_it():
    data = xlsx(
        [
            row("select_one_from_file shelters.geojson", "s", "Which shelter?", "Quel refuge ?"),
            row(
                "select_one_from_file shelters.geojson",
                "north",
                "In the north?",
                "Dans le nord ?",
                choice_filter="region = 'north'",
            ),
        ],
        [],
    )
    definition, xform = parse(data, "form.xlsx", attachments={"shelters.geojson": SHELTERS})
    assert definition["choices"]["shelters.geojson"] == [
        {
            "name": "s1",
            "label": {"en": "Thunder Bay shelter", "fr": ""},
            "filters": {"beds": "12", "region": "north", "geometry": "48.38 -89.25 0 0"},
        },
        {
            "name": "s2",
            "label": {"en": "Ottawa area", "fr": ""},
            "filters": {
                "region": "east",
                "geometry": "45.4 -75.7 0 0;45.4 -75.6 0 0;45.5 -75.6 0 0;45.4 -75.7 0 0",
            },
        },
    ]
    form = Form(definition)
    assert [c.name for c in form.choices("north", {})] == ["s1"]  # filtered on a property
    # Written back as GeoJSON that reads the same, and the same XForm as pyxform's.
    again, same = parse(data, "form.xlsx", attachments=xlsform_files.attached_files(definition))
    assert again["choices"] == definition["choices"] and same == xform
    assert convert(xlsform=data, file_type=".xlsx", form_name="data").xform == xform
    with pytest.raises(FormError) as caught:
        parse(data, "form.xlsx", attachments={"shelters.geojson": b'{"type": "Feature"}'})
    assert "A GeoJSON file of choices is a FeatureCollection" in str(caught.value.problems[0])
    with pytest.raises(FormError) as caught:
        parse(data, "form.xlsx", attachments={"shelters.geojson": b"{not json"})
    assert "This is not a readable GeoJSON file" in str(caught.value.problems[0])


def test_instance_reads_the_geojson_file_of_a_select_one_from_file():
    # ODK names the instance of select_one_from_file shelters.geojson "shelters": a lookup in
    # it reads a feature's properties and its geometry, as the OpenStreetMap field forms do.
    survey = [
        row("select_one_from_file shelters.geojson", "s", "Which shelter?", "Quel refuge ?"),
        row("calculate", "beds", calculation="instance('shelters')/root/item[id = ${s}]/beds"),
        row("calculate", "where", calculation="instance('shelters')/root/item[id = ${s}]/geometry"),
    ]
    pending, xform = parse(xlsx(survey, []), "form.xlsx")
    assert xlsform_files.missing_files(pending) == ["shelters.geojson"]
    definition, same = parse(
        xlsx(survey, []), "form.xlsx", attachments={"shelters.geojson": SHELTERS}
    )
    assert same == xform
    values = Form(definition).clean({"s": "s1"})
    assert (values["beds"], values["where"]) == ("12", "48.38 -89.25 0 0")
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    # A property no feature has is refused when the file comes, naming those it has.
    wrong = [
        *survey[:1],
        row("calculate", "x", calculation="instance('shelters')/root/item[id = ${s}]/phone"),
    ]
    with pytest.raises(FormError) as caught:
        parse(xlsx(wrong, []), "form.xlsx", attachments={"shelters.geojson": SHELTERS})
    assert "phone" in str(caught.value.problems[0])


def test_a_lead_attaches_a_geojson_file_and_downloads_it_back(questionnaire, lead, client):
    data = xlsx([row("select_one_from_file shelters.geojson", "s", "Shelter?", "Refuge ?")], [])
    services.upload_form(actor=lead, questionnaire=questionnaire, data=data, filename="f.xlsx")
    client.force_login(lead)
    base = (
        f"/en/staff/consultations/{questionnaire.consultation.pk}/questionnaires/"
        f"{questionnaire.pk}/"
    )
    upload = SimpleUploadedFile("shelters.geojson", SHELTERS, content_type="application/geo+json")
    assert client.post(base + "files/", {"attachments": [upload]}).status_code == 302
    download = client.get(base + "versions/1/files/shelters.geojson")
    assert download["Content-Type"] == "application/geo+json; charset=utf-8"
    features = json.loads(download.content)["features"]
    assert features[0]["geometry"] == {"type": "Point", "coordinates": [-89.25, 48.38]}
    assert features[1]["properties"]["title"] == "Ottawa area"


def test_select_one_external_reads_the_external_choices_sheet_and_goes_back_the_same():
    survey = [
        row("select_one states", "state", "State?", "État ?"),
        row(
            "select_one_external counties",
            "county",
            "County?",
            "Comté ?",
            choice_filter="state=${state}",
        ),
    ]
    states = [
        {
            "list_name": "states",
            "name": "wa",
            f"label::{EN}": "Washington",
            f"label::{FR}": "Washington",
        },
        {"list_name": "states", "name": "tx", f"label::{EN}": "Texas", f"label::{FR}": "Texas"},
    ]
    external = [
        ["list_name", "name", f"label::{EN}", f"label::{FR}", "state"],
        ["counties", "king", "King", "King", "wa"],
        ["counties", "king", "King", "King", "tx"],  # the same name in another state
        ["counties", "cameron", "Cameron", "Cameron", "tx"],
    ]
    data = xlsx(survey, states, extra_sheets={"external_choices": external})
    definition, xform = parse(data, "form.xlsx")
    assert """<input ref="/data/county" query="instance('counties')""" in xform
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    assert [(c.name, c.filters["state"]) for c in form.choices("county", {"state": "tx"})] == [
        ("king", "tx"),
        ("cameron", "tx"),
    ]
    missing = xlsx(
        [row("select_one_external towns", "t", "T", "T")],
        [],
        extra_sheets={"external_choices": external},
    )
    with pytest.raises(FormError) as caught:
        parse(missing, "form.xlsx")
    assert "The external_choices sheet has no list “towns”." in str(caught.value.problems)


# Data files that pulldata() reads ---------------------------------------------------------------

PEOPLE = b"id,region,phone\nA7,Yukon,555-0100\nB2,Nunavut,555-0199\n"
PULLING = [
    row("begin_group", "g", "You", "Vous"),
    row("text", "who", "Your code?", "Votre code ?"),
    row("calculate", "region", calculation="pulldata('people', 'region', 'id', ${who})"),
    row("note", "said", "You work in ${region}.", "Vous travaillez au ${region}."),
    row(
        "text",
        "office",
        "Your office?",
        "Votre bureau ?",
        relevant="pulldata('people', 'region', 'id', ${who}) = 'Yukon'",
    ),
    row("end_group"),
]


def test_pulldata_reads_the_row_an_answer_matches_in_an_attached_file():
    definition, xform = parse(xlsx(PULLING, []), "form.xlsx")
    assert definition["files"] == {"people.csv": {"attached": False, "data": "people"}}
    assert xlsform_files.missing_files(definition) == ["people.csv"]

    attached = xlsform_files.attach(definition, {"people.csv": PEOPLE}, "en")
    assert xlsform_files.missing_files(attached) == []
    assert attached["files"]["people.csv"]["rows"] == 2
    with_file, same_xform = parse(
        xlsx(PULLING, []), "form.xlsx", attachments={"people.csv": PEOPLE}
    )
    assert with_file == attached and same_xform == xform
    assert to_xform(to_xlsx(with_file), "back.xlsx") == xform
    # Written back as it came, every column kept: the same form and file read the same again.
    assert xlsform_files.to_file(with_file, "people.csv").decode() == PEOPLE.decode().replace(
        "\n", "\r\n"
    )

    form = Form(with_file)
    page = form.page_by_name["g"]
    values = form.with_calculations({"who": "B2"})
    assert values["region"] == "Nunavut"
    assert not form.field_applies("office", values)
    assert form.field_applies("office", form.with_calculations({"who": "A7"}))
    assert form.with_calculations({"who": "nobody"}).get("region", "") == ""
    # The browser gets only the columns pulldata() reads: never the phone numbers.
    logic = form.logic_for(page, {"who": "A7"})
    assert logic["data"] == {
        "people": [{"id": "A7", "region": "Yukon"}, {"id": "B2", "region": "Nunavut"}]
    }


def test_a_data_file_is_checked_for_the_columns_pulldata_reads():
    definition, _xform = parse(xlsx(PULLING, []), "form.xlsx")
    with pytest.raises(FormError) as caught:
        xlsform_files.attach(definition, {"people.csv": b"id,place\nA7,Yukon\n"}, "en")
    [problem] = caught.value.problems
    assert problem.sheet == "people.csv"
    assert "no column “region”, which pulldata() on survey row 4 reads" in problem.reason
    with pytest.raises(FormError) as caught:
        parse(xlsx(PULLING, []), "form.xlsx", attachments={"people.csv": b"id,place\nA7,x\n"})
    assert [p.sheet for p in caught.value.problems] == ["people.csv"]


def test_one_file_can_give_choices_and_data():
    survey = [
        row("select_one_from_file cities.csv", "city", "Your city?", "Votre ville ?"),
        row("calculate", "province", calculation="pulldata('cities', 'province', 'name', ${city})"),
    ]
    definition, xform = parse(xlsx(survey, []), "form.xlsx", attachments={"cities.csv": CITIES})
    assert definition["files"]["cities.csv"]["data"] == "cities"
    assert len(definition["choices"]["cities.csv"]) == 3
    assert Form(definition).with_calculations({"city": "montreal"})["province"] == "qc"
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    later = xlsform_files.attach(
        parse(xlsx(survey, []), "form.xlsx")[0], {"cities.csv": CITIES}, "en"
    )
    assert later == definition


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("pulldata(${who}, 'region', 'id', 'A7')", "pulldata() takes the file, the column to read"),
        (
            "pulldata('my people', 'region', 'id', 'A7')",
            "A data file is named “my people”",
        ),
        ("pulldata('people.csv', 'region', 'id', 'A7')", "pulldata('people', …) reads people.csv"),
    ],
)
def test_a_pulldata_that_cannot_be_read_is_refused(cell, reason):
    survey = [row("text", "who", "Code?", "Code ?"), row("calculate", "x", calculation=cell)]
    with pytest.raises(FormError) as caught:
        parse(xlsx(survey, []), "form.xlsx")
    assert [reason in p.reason for p in caught.value.problems] == [True]


def test_csv_and_xml_external_rows_name_data_files_that_hold_no_answer():
    survey = [
        row("csv-external", "people"),
        row("begin_group", "g", "G", "G"),
        row("xml-external", "sites"),
        row("text", "who", "Code?", "Code ?"),
        row("calculate", "region", calculation="pulldata('people', 'region', 'id', ${who})"),
        row("end_group"),
    ]
    sites = b"<root><item><name>s1</name><label>Site 1</label></item></root>"
    definition, xform = parse(xlsx(survey, []), "form.xlsx")
    assert xlsform_files.missing_files(definition) == ["people.csv", "sites.xml"]
    assert 'src="jr://file-csv/people.csv"' in xform
    attached = xlsform_files.attach(definition, {"people.csv": PEOPLE, "sites.xml": sites}, "en")
    assert xlsform_files.missing_files(attached) == []
    assert attached["data"]["sites"] == {"columns": ["name", "label"], "rows": [["s1", "Site 1"]]}
    assert to_xform(to_xlsx(attached), "back.xlsx") == xform
    again, _xform = parse(
        xlsx(survey, []), "form.xlsx", attachments=xlsform_files.attached_files(attached)
    )
    # Written back (line ends may differ, so the hashes too), the files read the same.
    assert again["data"] == attached["data"] and again["fields"] == attached["fields"]
    form = Form(attached)
    assert form.with_calculations({"who": "A7"})["region"] == "Yukon"
    # No question, and no column in exports: the page shows only the code.
    page = form.page_by_name["g"]
    assert [v.name for v in question_views(form, page, {}, "en")] == ["who"]
    assert not {"people", "sites"} & set(variable_names(attached))


def test_instance_lookups_read_a_declared_file_or_a_file_of_choices():
    survey = [
        row("csv-external", "people"),
        row("begin_group", "g", "G", "G"),
        row("select_one_from_file cities.csv", "city", "Your city?", "Votre ville ?"),
        row("text", "who", "Code?", "Code ?"),
        row(
            "calculate",
            "region",
            calculation="instance('people')/root/item[id = ${who} and region != '']/region",
        ),
        row(
            "note",
            "where",
            "${region}, ${province}",
            "${region}, ${province}",
        ),
        row(
            "calculate",
            "province",
            calculation="instance('cities')/root/item[name = ${city}]/province",
        ),
        row("end_group"),
    ]
    files = {"people.csv": PEOPLE, "cities.csv": CITIES}
    definition, xform = parse(xlsx(survey, []), "form.xlsx", attachments=files)
    assert sorted(definition["files"]) == ["cities.csv", "people.csv"]
    assert definition["files"]["cities.csv"]["data"] == "cities"
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    values = form.with_calculations({"who": "B2", "city": "montreal"})
    assert (values["region"], values["province"]) == ("Nunavut", "qc")
    logic = form.logic_for(form.page_by_name["g"], {})
    assert logic["data"]["people"][0] == {"id": "A7", "region": "Yukon"}
    assert set(logic["data"]["cities"][0]) == {"name", "province"}


def test_a_lookup_with_two_predicates_takes_the_nth_row_the_first_kept_in_each_entry():
    # item[region = 'Yukon'][position() = n]: the second [...] counts the Yukon rows only, as in
    # XPath; in a repeat, each entry reads its own row.
    staff = b"id,region\nA7,Yukon\nB2,Nunavut\nC4,Yukon\nD1,Yukon\n"
    survey = [
        row("csv-external", "staff"),
        row("begin_repeat", "visits", "Visit", "Visite"),
        row("calculate", "n", calculation="position(..)"),
        row(
            "calculate",
            "who",
            calculation="instance('staff')/root/item[region = 'Yukon'][position() = ${n}]/id",
        ),
        row("text", "note", "Notes for ${who}", "Notes pour ${who}"),
        row("end_repeat"),
    ]
    definition, xform = parse(xlsx(survey, []), "form.xlsx", attachments={"staff.csv": staff})
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    values = form.clean({"visits": [{}, {}, {}, {}]})
    # A fourth entry finds no fourth Yukon row: nothing is stored.
    assert [values.get(f"who@{n}") for n in (1, 2, 3, 4)] == ["A7", "C4", "D1", None]
    # Both predicates' columns go to the page's logic, no other column.
    logic = form.logic_for(definition["pages"][0], {})
    assert logic["data"]["staff"][0] == {"id": "A7", "region": "Yukon"}


@pytest.mark.parametrize(
    ("calculation", "reason"),
    [
        ("instance('staff')/root/item[id = 1]/name", "reads a file the form does not name"),
        (
            "instance('colour')/root/item[name = 'red'][position() = 1]/size",
            "reads “size”, which the choice list “colour” does not have",
        ),
        (
            "instance('colour')/root/item[name = 'red'][size = 1]/name",
            "reads “size”, which the choice list “colour” does not have",
        ),
        (
            "instance('colour')/root/item[name = 'red']/size",
            "reads “size”, which the choice list “colour” does not have",
        ),
        ("instance('staff')/root/item[. = 1]/name", "'.' in a lookup's [...] is not supported"),
    ],
)
def test_a_lookup_the_form_cannot_answer_is_refused(calculation, reason):
    survey = [
        row("select_one colour", "c", "C", "C"),
        row("calculate", "x", calculation=calculation),
    ]
    choices = [
        {"list_name": "colour", "name": "red", f"label::{EN}": "Red", f"label::{FR}": "Rouge"}
    ]
    with pytest.raises(FormError) as caught:
        parse(xlsx(survey, choices), "form.xlsx")
    assert [reason in p.reason for p in caught.value.problems] == [True]
