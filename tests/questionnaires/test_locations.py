"""Location questions (geopoint, geotrace, geoshape): typed as decimal degrees or filled in by the
browser, kept as ODK keeps them, read in expressions, exported, and written back to XLSForm. And
barcodes, the other thing a phone reads that a web page has the respondent type."""

from __future__ import annotations

import csv
import io

import pytest
from django.utils import translation
from pyxform.xls2xform import convert

from heard.questionnaires import services
from heard.questionnaires.exporting import to_csv, to_dta, to_sav
from heard.questionnaires.locations import read_location
from heard.questionnaires.models import Response
from heard.questionnaires.xlsform import FormError, parse
from heard.questionnaires.xlsform_export import to_xlsx
from tests.questionnaires.builders import row, xlsx
from tests.questionnaires.test_respondent import invite_one

SURVEY = [
    row("begin_group", "where", "Where you work", "Où vous travaillez"),
    row(
        "geopoint",
        "office",
        "Where is your office?",
        "Où se trouve votre bureau ?",
        required="yes",
        appearance="maps",
        parameters="capture-accuracy=10 warning-accuracy=50",
    ),
    row("calculate", "latitude", calculation="selected-at(${office}, 0)"),
    row(
        "note",
        "seen",
        "Your office is at latitude ${latitude}.",
        "Votre bureau est à la latitude ${latitude}.",
    ),
    row("end_group"),
    row("geotrace", "route", "Which road do you travel?", "Quelle route parcourez-vous ?"),
    row("geoshape", "area", "Which area do you serve?", "Quelle zone desservez-vous ?"),
]


@pytest.mark.parametrize(
    ("kind", "typed", "kept"),
    [
        ("geopoint", "45.4215 -75.6972", "45.4215 -75.6972 0 0"),
        ("geopoint", " 45.4215, -75.6972 ", "45.4215 -75.6972 0 0"),
        ("geopoint", "45.4215,-75.6972", "45.4215 -75.6972 0 0"),
        ("geopoint", "45,4215 -75,6972", "45.4215 -75.6972 0 0"),  # decimal commas, as in French
        ("geopoint", "45.4215 -75.6972 70.5 12", "45.4215 -75.6972 70.5 12"),  # ODK's four
        ("geopoint", "-90 180", "-90 180 0 0"),
        ("geotrace", "1 1\n2 2", "1 1 0 0;2 2 0 0"),
        ("geotrace", "1 1;2 2 5 3", "1 1 0 0;2 2 5 3"),
        # A shape is closed for the respondent, as ODK Collect closes it; a closed one is kept.
        ("geoshape", "1 1\n1 2\n2 2", "1 1 0 0;1 2 0 0;2 2 0 0;1 1 0 0"),
        ("geoshape", "1 1;1 2;2 2;1 1", "1 1 0 0;1 2 0 0;2 2 0 0;1 1 0 0"),
        ("geopoint", "   ", None),
    ],
)
def test_a_typed_location_is_kept_as_odk_writes_it(kind, typed, kept):
    assert read_location(kind, typed) == (kept, None)


@pytest.mark.parametrize(
    ("kind", "typed", "message"),
    [
        ("geopoint", "Ottawa", "Enter a latitude and a longitude in decimal degrees"),
        ("geopoint", "45.4", "Enter a latitude and a longitude in decimal degrees"),
        ("geopoint", "1 2 3 4 5", "Enter a latitude and a longitude in decimal degrees"),
        ("geopoint", "91 0", "The latitude must be between -90 and 90 (this one is 91)."),
        ("geopoint", "0 -181", "The longitude must be between -180 and 180 (this one is -181)."),
        ("geopoint", "1e400 0", "Enter a latitude and a longitude"),  # not decimal degrees
        ("geopoint", "1 1 0 -3", "Enter a latitude and a longitude"),  # a negative accuracy
        ("geotrace", "1 1", "A line needs at least two points, one per line."),
        ("geotrace", "1 1\nnorth", "Point 2: Enter a latitude and a longitude"),
        ("geoshape", "1 1\n1 1\n2 2\n1 1", "A shape needs at least three different points."),
        ("geotrace", "1 1;" * 501, "Enter at most 500 points (this answer has 501)."),
    ],
)
def test_a_location_that_is_not_one_says_what_is_wrong(kind, typed, message):
    kept, problem = read_location(kind, typed)
    assert kept is None and message in problem


def test_the_messages_are_in_french_too():
    with translation.override("fr"):
        assert read_location("geopoint", "91 0")[1] == (
            "La latitude doit être comprise entre -90 et 90 (celle-ci vaut 91)."
        )
        assert read_location("geotrace", "1 1")[1] == (
            "Une ligne demande au moins deux points, un par ligne."
        )


def test_a_form_with_locations_is_accepted_and_gives_the_same_xform_on_the_way_back():
    data = xlsx(SURVEY)
    definition, xform = parse(data, "places.xlsx")
    assert xform == convert(xlsform=data, file_type=".xlsx", form_name="data").xform
    kinds = {f["name"]: f["type"] for f in definition["fields"]}
    assert (kinds["office"], kinds["route"], kinds["area"]) == ("geopoint", "geotrace", "geoshape")
    again, xform_again = parse(to_xlsx(definition), "again.xlsx")
    assert xform_again == xform and again == definition


def test_a_default_location_must_be_one():
    with pytest.raises(FormError) as refused:
        parse(xlsx([row("geopoint", "office", "Office", "Bureau", default="north")]), "f.xlsx")
    assert "Enter a latitude and a longitude in decimal degrees" in str(refused.value.problems)
    definition, _xform = parse(
        xlsx([row("geopoint", "office", "Office", "Bureau", default="45.42 -75.69 0 0")]), "f.xlsx"
    )
    assert definition["fields"][0]["default"] == "45.42 -75.69 0 0"


def test_a_parameter_no_location_question_takes_is_still_refused():
    with pytest.raises(FormError) as refused:
        parse(
            xlsx([row("geopoint", "office", "Office", "Bureau", parameters="randomize=true")]),
            "f.xlsx",
        )
    assert "The parameter “randomize” is not used on geopoint questions." in str(
        refused.value.problems
    )


@pytest.fixture
def places(questionnaire, lead):
    services.upload_form(
        actor=lead, questionnaire=questionnaire, data=xlsx(SURVEY), filename="places.xlsx"
    )
    return questionnaire


def test_a_respondent_types_locations_and_they_are_kept_read_and_exported(places, settings, client):
    link, _person = invite_one(places, settings, language="fr")
    client.get(link)
    client.post("/fr/questionnaire/")
    page = client.get("/fr/questionnaire/page/where/")
    html = page.content.decode()
    # Only a page asking for a point lets the page ask the browser where it is.
    assert "geolocation=(self)" in page["Permissions-Policy"]
    assert "questionnaires/location.js" in html
    assert "Latitude et longitude en degrés décimaux" in html
    assert 'aria-describedby="q-office-format"' in html

    refused = client.post("/fr/questionnaire/page/where/", {"office": "91 0", "shown": "office"})
    assert refused.status_code == 400
    assert "La latitude doit être comprise entre -90 et 90" in refused.content.decode()
    assert 'value="91 0"' in refused.content.decode()  # what was typed is shown again

    moved = client.post(
        "/fr/questionnaire/page/where/", {"office": "45,4215 -75,6972", "shown": "office"}
    )
    assert moved["Location"] == "/fr/questionnaire/page/route/"
    route_page = client.get("/fr/questionnaire/page/route/")
    assert "geolocation=()" in route_page["Permissions-Policy"]
    assert "location.js" not in route_page.content.decode()
    client.post("/fr/questionnaire/page/route/", {"route": "45 -75\n46 -76", "shown": "route"})
    client.post("/fr/questionnaire/page/area/", {"area": "1 1\n1 2\n2 2", "shown": "area"})
    # The page shows the answer as the respondent typed it: one point per line.
    assert "1 1 0 0\n1 2 0 0\n2 2 0 0\n1 1 0 0</textarea>" in (
        client.get("/fr/questionnaire/page/area/").content.decode()
    )
    check = client.get("/fr/questionnaire/check/").content.decode()
    assert "45.4215 -75.6972 0 0" in check
    done = client.post("/fr/questionnaire/check/")
    assert done["Location"] == "/fr/questionnaire/done/"

    answers = Response.objects.get().answers
    assert answers["office"] == "45.4215 -75.6972 0 0"
    assert answers["latitude"] == "45.4215"  # selected-at() reads a point's numbers
    assert answers["route"] == "45 -75 0 0;46 -76 0 0"
    assert answers["area"] == "1 1 0 0;1 2 0 0;2 2 0 0;1 1 0 0"

    version = places.versions.latest("number")
    rows = [
        {
            "response_id": "r1",
            "version": version.number,
            "language": "fr",
            "channel": "online",
            "submitted_at": Response.objects.get().submitted_at,
            "answers": answers,
        }
    ]
    exported = list(
        csv.DictReader(io.StringIO(to_csv(version.definition, rows).decode("utf-8-sig")))
    )
    assert exported[0]["office"] == "45.4215 -75.6972 0 0"
    assert exported[0]["area"] == "1 1 0 0;1 2 0 0;2 2 0 0;1 1 0 0"
    # The statistics formats take them as text too.
    assert to_sav(version.definition, rows) and to_dta(version.definition, rows, "fr")


def test_a_barcode_is_typed_as_text_with_a_line_saying_so(questionnaire, lead, settings, client):
    form = xlsx([row("barcode", "kit", "The code on your kit", "Le code de votre trousse")])
    definition, xform = parse(form, "kit.xlsx")
    assert definition["fields"][0]["type"] == "barcode"
    assert xform == convert(xlsform=form, file_type=".xlsx", form_name="data").xform
    services.upload_form(actor=lead, questionnaire=questionnaire, data=form, filename="kit.xlsx")
    link, _person = invite_one(questionnaire, settings)
    client.get(link)
    client.post("/en/questionnaire/")
    page = client.get("/en/questionnaire/page/kit/").content.decode()
    assert "Type the code printed with the barcode: this page cannot scan it." in page
    assert 'aria-describedby="q-kit-format"' in page
    client.post("/en/questionnaire/page/kit/", {"kit": " 0123456789012 ", "shown": "kit"})
    assert Response.objects.get().answers["kit"] == "0123456789012"
