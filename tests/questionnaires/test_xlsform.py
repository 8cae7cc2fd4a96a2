"""XLSForm in and out: what Heard supports imports and renders in both languages, everything else
is refused with its sheet, row and column, and a form goes out and back through pyxform unchanged.
"""

from __future__ import annotations

import datetime
import html
import io
import re
from html.parser import HTMLParser
from typing import Any
from xml.etree.ElementTree import canonicalize

import pytest
from django.http import QueryDict
from django.utils import translation
from pyxform.xls2xform import convert

from heard.core.audit import AuditEvent
from heard.notify.models import Message
from heard.questionnaires import services
from heard.questionnaires.form import Form
from heard.questionnaires.models import QuestionnaireVersion, Respondent, Response
from heard.questionnaires.rendering import answer_text, question_views
from heard.questionnaires.templatetags.questionnaire import question_html
from heard.questionnaires.xlsform import (
    FormError,
    FormProblem,
    missing_translations,
    parse,
    read_sheets,
    to_xform,
)
from heard.questionnaires.xlsform_export import to_xlsx
from heard.stakeholders.models import Person
from tests.conftest import DEMO
from tests.questionnaires.builders import EN, FR, choice, csv_form, row, workbook, xlsx

LINK = re.compile(r"http://testserver(/q/[A-Za-z0-9_-]+/)")
COLOURS = [
    choice("colour", "red", "Red", "Rouge"),
    choice("colour", "blue", "Blue", "Bleu"),
    choice("colour", "green", "Green", "Vert"),
]
# A question on its own page after the one tested, so that every form asks something.
MORE = row("text", "more", "Anything else?", "Autre chose ?")
QUESTION = row("text", "q", "First question", "Première question")  # row 2 of the cases below


# Helpers ------------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def in_english():
    """Problems are worded in the language active when the form is read: English here (a test
    client request elsewhere may leave French active in the thread)."""
    with translation.override("en"):
        yield


def problems_of(data: bytes, filename: str = "form.xlsx") -> list[FormProblem]:
    with pytest.raises(FormError) as caught:
        parse(data, filename)
    return caught.value.problems


def where(problems: list[FormProblem]) -> list[tuple[str, int | None, str]]:
    return [(p.sheet, p.row, p.column) for p in problems]


def assert_readable(problem: FormProblem) -> None:
    """The message names the place first, then gives a reason in words, with nothing left over
    from string formatting or from an exception's repr."""
    text = str(problem)
    place = []
    if problem.sheet:
        place.append(f"sheet “{problem.sheet}”")
    if problem.row:
        place.append(f"row {problem.row}")
    if problem.column:
        place.append(f"column “{problem.column}”")
    assert text == (", ".join(place) + ": " if place else "") + problem.reason
    assert len(problem.reason) > 15 and " " in problem.reason
    for leftover in ("%(", "%s", "%d", "Traceback", "Error(", "<", "None"):
        assert leftover not in problem.reason, text


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def elements(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(page)
    return parser.found


def has(page: str, tag: str, attrs: dict[str, str | None]) -> bool:
    """Whether the HTML holds a `tag` with (at least) these attributes; None means present."""
    return any(
        t == tag and all(k in a and (v is None or a[k] == v) for k, v in attrs.items())
        for t, a in elements(page)
    )


def rendered(definition: dict[str, Any], page: str, values: dict[str, Any], language: str) -> str:
    """A page's questions through _question.jinja's macro, as the respondent's page shows them."""
    form = Form(definition)
    with translation.override(language):
        return "".join(
            question_html(q)
            for q in question_views(form, form.page_by_name[page], values, language)
        )


def open_questionnaire(questionnaire, settings, client, *, language: str = "en") -> Person:
    """Invite one person, open their personal link and start: the draft exists afterwards."""
    from heard.core.crypto import blind_index

    settings.HEARD_PUBLIC_URL = "http://testserver"
    person = Person.objects.create(
        consultation=questionnaire.consultation,
        name="Ada Example",
        email="ada@example.org",
        email_index=blind_index("ada@example.org"),
        language=language,
    )
    services.invite(actor=None, questionnaire=questionnaire, people=[person])
    link = LINK.search(Message.objects.get(kind="questionnaire-invitation").payload).group(1)
    assert client.get(link).status_code == 302
    assert client.post(f"/{language}/questionnaire/").status_code == 302
    return person


def field_entry(**given: Any) -> dict[str, Any]:
    """A field of the definition as DEFINITION.md describes it, with the given keys changed."""
    entry = {
        "name": "answer",
        "type": "text",
        "label": None,
        "hint": None,
        "required": False,
        "required_message": None,
        "relevant": None,
        "constraint": None,
        "constraint_message": None,
        "calculation": None,
        "choice_filter": None,
        "default": None,
        "appearance": None,
        "list_name": None,
        "page": "answer",
        "row": 2,
        "required_cell": "",
    }
    assert set(given) <= set(entry)
    return {**entry, **given}


# Every supported type: it imports, its definition entry is right, and it renders -----------------

# type: (row, definition entry, elements the page must hold, text of each language, XForm part)
TYPES: dict[str, tuple[dict[str, str], dict[str, Any], list, tuple[str, str], str]] = {
    "text": (
        row("text", "answer", "Your view", "Votre avis"),
        {"type": "text"},
        [("input", {"type": "text", "name": "answer", "id": "q-answer"})],
        ("Your view", "Votre avis"),
        '<bind nodeset="/data/answer" type="string"/>',
    ),
    "integer": (
        row("integer", "answer", "How many people?", "Combien de personnes ?"),
        {"type": "integer"},
        [("input", {"type": "text", "name": "answer", "inputmode": "numeric"})],
        ("How many people?", "Combien de personnes ?"),
        '<bind nodeset="/data/answer" type="int"/>',
    ),
    "decimal": (
        row("decimal", "answer", "What share?", "Quelle part ?"),
        {"type": "decimal"},
        [("input", {"type": "text", "name": "answer", "inputmode": "decimal"})],
        ("What share?", "Quelle part ?"),
        '<bind nodeset="/data/answer" type="decimal"/>',
    ),
    "date": (
        row("date", "answer", "Since when?", "Depuis quand ?"),
        {"type": "date"},
        [("input", {"type": "date", "name": "answer"})],
        ("Since when?", "Depuis quand ?"),
        '<bind nodeset="/data/answer" type="date"/>',
    ),
    "datetime": (
        row("dateTime", "answer", "When did it start?", "Quand cela a-t-il commencé ?"),
        {"type": "datetime"},
        [("input", {"type": "datetime-local", "name": "answer"})],
        ("When did it start?", "Quand cela a-t-il commencé ?"),
        '<bind nodeset="/data/answer" type="dateTime"/>',
    ),
    "time": (
        row("time", "answer", "At what time?", "À quelle heure ?"),
        {"type": "time"},
        [("input", {"type": "time", "name": "answer"})],
        ("At what time?", "À quelle heure ?"),
        '<bind nodeset="/data/answer" type="time"/>',
    ),
    "select_one": (
        row("select_one colour", "answer", "Favourite colour", "Couleur préférée"),
        {"type": "select_one", "list_name": "colour"},
        [
            ("input", {"type": "radio", "name": "answer", "value": "red"}),
            ("input", {"type": "radio", "name": "answer", "value": "blue"}),
            ("input", {"type": "radio", "name": "answer", "value": "green"}),
        ],
        ("Favourite colour", "Couleur préférée"),
        '<select1 ref="/data/answer">',
    ),
    "select_multiple": (
        row("select_multiple colour", "answer", "Colours you like", "Couleurs que vous aimez"),
        {"type": "select_multiple", "list_name": "colour"},
        [
            ("input", {"type": "checkbox", "name": "answer", "value": "red"}),
            ("input", {"type": "checkbox", "name": "answer", "value": "blue"}),
            ("input", {"type": "checkbox", "name": "answer", "value": "green"}),
        ],
        ("Colours you like", "Couleurs que vous aimez"),
        '<select ref="/data/answer">',
    ),
    "rank": (
        row("rank colour", "answer", "Rank the colours", "Classez les couleurs"),
        {"type": "rank", "list_name": "colour"},
        [
            ("select", {"name": "answer__red"}),
            ("select", {"name": "answer__blue"}),
            ("select", {"name": "answer__green"}),
            ("option", {"value": "3"}),
        ],
        ("Rank the colours", "Classez les couleurs"),
        '<odk:rank ref="/data/answer">',
    ),
    "note": (
        row("note", "answer", "Thank you for your time", "Merci de votre temps"),
        {"type": "note"},
        [("p", {"class": "note", "id": "q-answer"})],
        ("Thank you for your time", "Merci de votre temps"),
        'nodeset="/data/answer" readonly="true()" type="string"',
    ),
    "acknowledge": (
        row("acknowledge", "answer", "I have read the notice", "Je confirme avoir lu l’avis"),
        {"type": "acknowledge"},
        [("input", {"type": "checkbox", "name": "answer", "value": "OK", "id": "q-answer"})],
        ("I have read the notice", "Je confirme avoir lu l’avis"),
        '<trigger ref="/data/answer">',
    ),
}
CHOICE_LABELS = {
    "en": ["Red", "Blue", "Green"],
    "fr": ["Rouge", "Bleu", "Vert"],
}


@pytest.mark.parametrize("kind", list(TYPES))
def test_each_supported_type_imports_and_renders_in_both_languages(
    kind, questionnaire, lead, settings, client
):
    question, entry, wanted, texts, xform_part = TYPES[kind]
    data = xlsx([question, MORE], COLOURS)
    definition, xform = parse(data, "form.xlsx")

    assert definition["fields"][0] == field_entry(label={"en": texts[0], "fr": texts[1]}, **entry)
    assert definition["pages"][0]["fields"] == ["answer"]
    assert xform_part in xform

    services.upload_form(actor=lead, questionnaire=questionnaire, data=data, filename="form.xlsx")
    open_questionnaire(questionnaire, settings, client)
    for language, text, other in (("en", *texts), ("fr", *reversed(texts))):
        page = client.get(f"/{language}/questionnaire/page/answer/")
        assert page.status_code == 200
        content = page.content.decode()
        for tag, attrs in wanted:
            assert has(content, tag, attrs), (language, tag, attrs)
        readable = html.unescape(content)
        assert text in readable and other not in readable
        if entry.get("list_name"):
            assert all(label in readable for label in CHOICE_LABELS[language])


def test_calculate_imports_is_worked_out_and_never_shown(questionnaire, lead, settings, client):
    survey = [
        row("integer", "people", "How many people?", "Combien de personnes ?"),
        row("calculate", "doubled", calculation="${people} * 2"),
        MORE,
    ]
    data = xlsx(survey, [])
    definition, xform = parse(data, "form.xlsx")

    assert definition["fields"][1] == field_entry(
        name="doubled", type="calculate", calculation="${people} * 2", page="doubled", row=3
    )
    assert definition["pages"][1] == {
        "name": "doubled",
        "label": None,
        "relevant": None,
        "appearance": None,
        "group": False,
        "fields": ["doubled"],
        "row": 3,
        "hidden": True,
    }
    assert 'calculate=" /data/people  * 2"' in xform
    assert Form(definition).with_calculations({"people": 4})["doubled"] == "8"

    services.upload_form(actor=lead, questionnaire=questionnaire, data=data, filename="form.xlsx")
    open_questionnaire(questionnaire, settings, client)
    assert client.get("/en/questionnaire/page/doubled/").status_code == 302
    moved = client.post("/en/questionnaire/page/people/", {"people": "4", "shown": "people"})
    assert moved["Location"] == "/en/questionnaire/page/more/"
    page = client.get("/en/questionnaire/page/more/").content.decode()
    assert 'data-question="doubled"' not in page and 'id="q-doubled"' not in page
    assert Response.objects.get().answers == {"people": 4, "doubled": "8"}


def test_a_group_is_one_page_with_its_label_in_both_languages(
    questionnaire, lead, settings, client
):
    survey = [
        row(
            "begin_group",
            "about",
            "About you",
            "À propos de vous",
            appearance="field-list",
            relevant="1 = 1",
        ),
        row("text", "role", "Your role", "Votre rôle"),
        row("integer", "years", "Years of experience", "Années d’expérience"),
        row("end_group"),
    ]
    data = xlsx(survey, [])
    definition, _xform = parse(data, "form.xlsx")
    assert definition["pages"] == [
        {
            "name": "about",
            "label": {"en": "About you", "fr": "À propos de vous"},
            "hint": None,
            "relevant": "1 = 1",
            "appearance": "field-list",
            "group": True,
            "fields": ["role", "years"],
            "row": 2,
            "required_cell": "",
        }
    ]
    assert [f["page"] for f in definition["fields"]] == ["about", "about"]

    services.upload_form(actor=lead, questionnaire=questionnaire, data=data, filename="form.xlsx")
    open_questionnaire(questionnaire, settings, client)
    for language, title, labels in (
        ("en", "About you", ("Your role", "Years of experience")),
        ("fr", "À propos de vous", ("Votre rôle", "Années d’expérience")),
    ):
        content = client.get(f"/{language}/questionnaire/page/about/").content.decode()
        assert f"<h1>{title}</h1>" in html.unescape(content)
        assert all(label in html.unescape(content) for label in labels)
        assert has(content, "input", {"name": "role"}) and has(content, "input", {"name": "years"})


# Every logic column -------------------------------------------------------------------------------

LOGIC_CHOICES = [
    *COLOURS,
    choice("city", "ottawa", "Ottawa", "Ottawa", region="on"),
    choice("city", "montreal", "Montreal", "Montréal", region="qc"),
    choice("city", "anywhere", "Elsewhere", "Ailleurs", region="any"),
]


def _logic_form(*questions: dict[str, str]) -> dict[str, Any]:
    """The questions on one page, after a select_one `colour` and a text `region`."""
    definition, _xform = parse(
        xlsx(
            [
                row("begin_group", "page", "The page", "La page"),
                row("select_one colour", "colour", "Colour", "Couleur"),
                row("text", "region", "Region", "Région"),
                *questions,
                row("end_group"),
            ],
            LOGIC_CHOICES,
        ),
        "form.xlsx",
    )
    return definition


def _field(definition: dict[str, Any], name: str = "answer") -> dict[str, Any]:
    return next(f for f in definition["fields"] if f["name"] == name)


def check_relevant(definition: dict[str, Any]) -> None:
    assert _field(definition)["relevant"] == "${colour} = 'red'"
    form = Form(definition)
    assert form.field_applies("answer", {"colour": "red"})
    assert not form.field_applies("answer", {"colour": "blue"})
    hidden = rendered(definition, "page", {"colour": "blue"}, "en")
    assert re.search(r'data-question="answer" hidden', hidden)
    assert has(hidden, "input", {"name": "answer", "disabled": None})
    shown = rendered(definition, "page", {"colour": "red"}, "en")
    assert not re.search(r'data-question="answer" hidden', shown)


def check_required(definition: dict[str, Any]) -> None:
    entry = _field(definition)
    assert entry["required"] is True and entry["required_cell"] == "yes"
    assert entry["required_message"] == {"en": "Tell us why", "fr": "Dites-nous pourquoi"}
    form = Form(definition)
    assert form.check("answer", {}, "en") == "Tell us why"
    assert form.check("answer", {}, "fr") == "Dites-nous pourquoi"
    assert form.check("answer", {"answer": "Because"}, "en") is None
    with translation.override("en"):
        assert "(optional)" not in rendered(definition, "page", {}, "en").split("q-answer")[1]


def check_constraint(definition: dict[str, Any]) -> None:
    entry = _field(definition)
    assert entry["constraint"] == ". >= 0 and . <= 70"
    assert entry["constraint_message"] == {"en": "From 0 to 70", "fr": "De 0 à 70"}
    form = Form(definition)
    assert form.check("answer", {"answer": 99}, "en") == "From 0 to 70"
    assert form.check("answer", {"answer": 99}, "fr") == "De 0 à 70"
    assert form.check("answer", {"answer": 12}, "en") is None


def check_choice_filter(definition: dict[str, Any]) -> None:
    assert _field(definition)["choice_filter"] == "region = ${region} or region = 'any'"
    form = Form(definition)
    assert [c.name for c in form.choices("answer", {"region": "qc"})] == ["montreal", "anywhere"]
    page = rendered(definition, "page", {"region": "qc"}, "fr")
    assert has(page, "input", {"value": "montreal"}) and "Montréal" in page
    assert re.search(r'data-choice="ottawa" data-filters="[^"]*" hidden', page)
    assert has(page, "input", {"value": "ottawa", "disabled": None})


def check_hint(definition: dict[str, Any]) -> None:
    assert _field(definition)["hint"] == {"en": "In a few words", "fr": "En quelques mots"}
    for language, text in (("en", "In a few words"), ("fr", "En quelques mots")):
        page = rendered(definition, "page", {}, language)
        assert f'<p class="hint" id="q-answer-hint">{text}</p>' in page
        assert has(page, "input", {"name": "answer", "aria-describedby": "q-answer-hint"})


def check_default(definition: dict[str, Any]) -> None:
    assert _field(definition)["default"] == "7"
    assert has(rendered(definition, "page", {}, "en"), "input", {"name": "answer", "value": "7"})
    answered = rendered(definition, "page", {"answer": 3}, "en")
    assert has(answered, "input", {"name": "answer", "value": "3"})


def check_calculation(definition: dict[str, Any]) -> None:
    assert _field(definition)["calculation"] == "concat(${colour}, '-', ${region})"
    values = Form(definition).with_calculations({"colour": "red", "region": "on"})
    assert values["answer"] == "red-on"
    assert "q-answer" not in rendered(definition, "page", {}, "en")


LOGIC: dict[str, tuple[dict[str, str], Any]] = {
    "relevant": (
        row("text", "answer", "Why red?", "Pourquoi rouge ?", relevant="${colour} = 'red'"),
        check_relevant,
    ),
    "required and required_message": (
        row(
            "text",
            "answer",
            "Why?",
            "Pourquoi ?",
            required="yes",
            required_message_en="Tell us why",
            required_message_fr="Dites-nous pourquoi",
        ),
        check_required,
    ),
    "constraint and constraint_message": (
        row(
            "integer",
            "answer",
            "Years",
            "Années",
            constraint=". >= 0 and . <= 70",
            constraint_message_en="From 0 to 70",
            constraint_message_fr="De 0 à 70",
        ),
        check_constraint,
    ),
    "choice_filter": (
        row(
            "select_one city",
            "answer",
            "City",
            "Ville",
            choice_filter="region = ${region} or region = 'any'",
        ),
        check_choice_filter,
    ),
    "hint": (
        row(
            "text",
            "answer",
            "Why?",
            "Pourquoi ?",
            hint_en="In a few words",
            hint_fr="En quelques mots",
        ),
        check_hint,
    ),
    "default": (row("integer", "answer", "How many?", "Combien ?", default="7"), check_default),
    "calculation": (
        row("calculate", "answer", calculation="concat(${colour}, '-', ${region})"),
        check_calculation,
    ),
}


@pytest.mark.parametrize("column", list(LOGIC))
def test_each_logic_column_imports_and_works(column):
    question, check = LOGIC[column]
    check(_logic_form(question))


# appearance: (question, definition appearance, element that shows it)
APPEARANCE_CASES = {
    "multiline": (
        row("text", "answer", "Tell us more", "Dites-nous en plus", appearance="multiline"),
        ("textarea", {"name": "answer", "id": "q-answer"}),
    ),
    "minimal": (
        row("select_one colour", "answer", "Colour", "Couleur", appearance="minimal"),
        ("select", {"name": "answer", "id": "q-answer"}),
    ),
    "horizontal": (
        row("select_one colour", "answer", "Colour", "Couleur", appearance="horizontal"),
        ("div", {"class": "choices choices-inline"}),
    ),
    "horizontal-compact": (
        row(
            "select_multiple colour",
            "answer",
            "Colours",
            "Couleurs",
            appearance="horizontal-compact",
        ),
        ("div", {"class": "choices choices-inline"}),
    ),
    "likert": (
        row("select_one colour", "answer", "Colour", "Couleur", appearance="likert"),
        ("div", {"class": "choices choices-inline"}),
    ),
}


@pytest.mark.parametrize("appearance", list(APPEARANCE_CASES))
def test_each_web_appearance_imports_and_renders(appearance):
    question, (tag, attrs) = APPEARANCE_CASES[appearance]
    definition = _logic_form(question)
    assert _field(definition)["appearance"] == appearance
    for language in ("en", "fr"):
        assert has(rendered(definition, "page", {}, language), tag, attrs)


def test_field_list_is_kept_on_the_group_page():
    definition = _logic_form()
    assert definition["pages"][0]["appearance"] is None
    definition, _xform = parse(
        xlsx(
            [
                row("begin_group", "page", "The page", "La page", appearance="field-list"),
                QUESTION,
                row("end_group"),
            ]
        ),
        "form.xlsx",
    )
    assert definition["pages"][0]["appearance"] == "field-list"
    assert definition["pages"][0]["fields"] == ["q"]


# Every unsupported feature: refused with sheet, row and column ----------------------------------


def second(
    kind: str, *labels: str, choices: list[dict[str, str]] = COLOURS, **columns: str
) -> bytes:
    """A form whose row 3 holds the question being tested (row 2 holds QUESTION)."""
    en, fr = labels or ("X", "X")
    return xlsx([QUESTION, row(kind, "x", en, fr, **columns)], choices)


def header_only(*headers: str, first_row: int = 1) -> bytes:
    """A survey sheet with these column names after type, name and both labels, and one row."""
    names = ["type", "name", f"label::{EN}", f"label::{FR}", *headers]
    return workbook({"survey": [names, ["text", "x", "X", "X"]]}, first_row=first_row)


def case(
    name: str,
    data: bytes,
    expected: tuple[str, int | None, str] | list[tuple[str, int | None, str]],
    reason: str,
    filename: str = "form.xlsx",
) -> Any:
    """One refused form: where each problem is (sheet, row, column), and words of its reason."""
    places = expected if isinstance(expected, list) else [expected]
    return pytest.param(data, filename, places, reason, id=name)


TYPE = ("survey", 3, "type")
NOT_A_FILE = ("", None, "")

UNSUPPORTED = [
    case(
        "a repeat four deep",
        xlsx(
            [
                QUESTION,
                row("begin_repeat", "people", "People", "Personnes"),
                row("begin_repeat", "pets", "Pets", "Animaux"),
                row("begin_repeat", "toys", "Toys", "Jouets"),
                row("begin_repeat", "parts", "Parts", "Pièces"),
                row("text", "pet", "Name", "Nom"),
                row("end_repeat"),
                row("end_repeat"),
                row("end_repeat"),
                row("end_repeat"),
            ]
        ),
        ("survey", 6, "type"),
        "A repeat can sit in at most 2 others",
    ),
    *(
        case(kind, second(kind), TYPE, f"The type “{kind}” is not supported: {why}")
        for kind, why in (("osm", "OpenStreetMap tags are drawn in an ODK Collect add-on"),)
    ),
    case(
        "select_one_external without its list",
        second("select_one_external cities"),
        TYPE,
        "The external_choices sheet has no list “cities”.",
    ),
    case(
        "unknown type",
        second("signature_pad"),
        TYPE,
        "“signature_pad” is not an XLSForm type: see the list of types",
    ),
    case(
        "type in capitals",
        second("Select_One colour"),
        TYPE,
        "Write the type in lower case: “select_one colour”.",
    ),
    case(
        "type pyxform lacks",
        second("select_all_that_apply colour"),
        TYPE,
        "not an XLSForm type",
    ),
    case("unknown list", second("select_one shapes"), TYPE, "no list “shapes”."),
    case("no list", second("select_one"), TYPE, "Name the choice list after the type"),
    case("list name with a space", second("select_one my list"), TYPE, "cannot hold spaces"),
    case("no type", second(""), TYPE, "The type is missing."),
    *(
        # A media file a browser cannot show (form_media): the cell is named.
        case(column, second("text", **{column: "x"}), ("survey", 3, column), why)
        for column, why in (
            ("media::image", "“x” is not a picture a browser can show"),
            ("image", "“x” is not a picture a browser can show"),
        )
    ),
    case(
        "read_only expression naming no field",
        second("text", read_only="${nothere} = 'x'"),
        ("survey", 3, "read_only"),
        "${nothere} is not a field of this form.",
    ),
    case(
        "calculation on a note",
        second("note", calculation="1 + 1"),
        ("survey", 3, "calculation"),
        "A note takes no calculation",
    ),
    case(
        "repeat_count on a question",
        second("text", repeat_count="2"),
        ("survey", 3, "repeat_count"),
        "Only a repeat takes a repeat_count.",
    ),
    case(
        "only another language",
        second("text", "", "", **{"label::Deutsch (de)": "X"}),
        ("survey", 3, f"label::{EN}"),
        "The label is only in Deutsch (de): add a column “label::English (en)”",
    ),
    case(
        "language spelt two ways",
        workbook(
            {
                "survey": [
                    ["type", "name", f"label::{EN}", f"label::{FR}"],
                    ["text", "x", "X", "X"],
                ],
                "choices": [["list_name", "name", "label::en", "label::fr"], ["l", "a", "A", "A"]],
            }
        ),
        [("choices", 1, "label::en"), ("choices", 1, "label::fr")],
        "XLSForm tools take each spelling for another language",
    ),
    case(
        "column twice",
        header_only(f"Label::{EN}"),
        ("survey", 1, f"Label::{EN}"),
        f"This column repeats column “label::{EN}”.",
    ),
    case(
        "column after 21 empty columns",
        workbook(
            {
                "survey": [
                    ["type", "name", f"label::{EN}", f"label::{FR}", *[None] * 21, "relevant"],
                    ["text", "x", "X", "X"],
                ]
            }
        ),
        ("survey", 1, "relevant"),
        "XLSForm tools stop reading after 20 empty columns",
    ),
    case(
        "column names below row 1",
        header_only(first_row=3),
        ("survey", 3, ""),
        "Put the column names on row 1.",
    ),
    case(
        "rows after 61 empty rows",
        workbook(
            {
                "survey": [
                    ["type", "name", f"label::{EN}", f"label::{FR}"],
                    ["text", "a", "A", "A"],
                    *([[]] * 61),
                    ["text", "b", "B", "B"],
                ]
            }
        ),
        ("survey", 64, ""),
        "XLSForm tools stop reading after 60 empty rows",
    ),
    case(
        "control character",
        csv_form([QUESTION, row("text", "x", "Tab\x0bhere", "Ici")]),
        ("survey", 3, f"label::{EN}"),
        "Remove the control character from this cell.",
        "form.csv",
    ),
    case(
        "entities sheet",
        xlsx([QUESTION], extra_sheets={"entities": [["list_name", "label"], ["people", "x"]]}),
        ("entities", None, ""),
        "ODK entities are not supported",
    ),
    case(
        "required neither yes, no nor an expression",
        second("text", required="yEs"),
        ("survey", 3, "required"),
        "Write references to other fields as ${name}; “yEs” is not one.",
    ),
    case(
        "bad expression",
        second("text", relevant="${q} = "),
        ("survey", 3, "relevant"),
        "found the end of the expression (at character 7)",
    ),
    case(
        "bad constraint",
        second("text", constraint="string-length(.) >> 3"),
        ("survey", 3, "constraint"),
        "expected a value",
    ),
    case(
        "unknown function",
        second("text", relevant="shout(${q})"),
        ("survey", 3, "relevant"),
        "unknown function 'shout()'",
    ),
    case(
        "unsupported function",
        second("calculate", "", "", calculation="format-date-time(${q}, '%Y')"),
        ("survey", 3, "calculation"),
        "format-date-time() is not supported",
    ),
    case(
        "unknown field",
        second("text", relevant="${nobody} = 'x'"),
        ("survey", 3, "relevant"),
        "${nobody} is not a field of this form.",
    ),
    case(
        "calculations in a cycle",
        xlsx(
            [
                QUESTION,
                row("calculate", "a", calculation="${b} + 1"),
                row("calculate", "b", calculation="${a} + ${q}"),
                row("calculate", "c", calculation="${a} * 2"),
            ]
        ),
        [("survey", 3, "calculation"), ("survey", 4, "calculation")],
        "This calculation depends on its own result.",
    ),
    case(
        "reference to a group",
        xlsx(
            [
                row("begin_group", "g", "G", "G"),
                QUESTION,
                row("end_group"),
                row("text", "x", "X", "X", relevant="${g} != ''"),
            ]
        ),
        ("survey", 5, "relevant"),
        "${g} is not a field of this form.",
    ),
    case(
        "bare name outside choice_filter",
        second("text", relevant="q = 'x'"),
        ("survey", 3, "relevant"),
        "Write references to other fields as ${name}; “q” is not one.",
    ),
    case(
        "this answer in a calculation",
        second("text", calculation="concat(., 'x')"),
        ("survey", 3, "calculation"),
        "can be used only in a question's constraint, relevant or required",
    ),
    case(
        "choice_filter column missing",
        second("select_one colour", choice_filter="region = ${q}"),
        ("survey", 3, "choice_filter"),
        "The choices sheet has no column “region” for this list.",
    ),
    case(
        "choice_filter on text",
        second("text", choice_filter="name = ${q}"),
        ("survey", 3, "choice_filter"),
        "Only select_one, select_multiple and rank take a choice_filter.",
    ),
    case(
        "duplicate name",
        xlsx([QUESTION, row("integer", "q", "Again", "Encore")]),
        ("survey", 3, "name"),
        "The name “q” is already used on row 2.",
    ),
    case(
        "no name",
        xlsx([QUESTION, row("text", "", "X", "X")]),
        ("survey", 3, "name"),
        "The name is missing.",
    ),
    case(
        "invalid name",
        xlsx([QUESTION, row("text", "2nd", "X", "X")]),
        ("survey", 3, "name"),
        "is not a valid name",
    ),
    case(
        "reserved name",
        xlsx([QUESTION, row("text", "meta", "X", "X")]),
        ("survey", 3, "name"),
        "The name “meta” is reserved.",
    ),
    case(
        "duplicate choice",
        second("select_one colour", choices=[*COLOURS, choice("colour", "red", "Red", "Rouge")]),
        ("choices", 5, "name"),
        "“red” is already in list “colour”, row 2: rename one",
    ),
    case(
        "choice name with a space",
        second(
            "select_multiple colour", choices=[*COLOURS, choice("colour", "dark red", "D", "D")]
        ),
        ("choices", 5, "name"),
        "A choice name cannot hold spaces in a list used by select_multiple (row 3)",
    ),
    *(
        case(
            f"default {default} on {kind}",
            second(kind, default=default),
            ("survey", 3, "default"),
            reason,
        )
        for kind, default, reason in (
            ("integer", "many", "The default must be a whole number."),
            ("decimal", "1,5", "The default must be a number."),
            ("date", "02/01/2018", "The default must be a date written YYYY-MM-DD."),
            ("select_one colour", "purple", "The default is not a choice of this list: purple."),
            ("select_multiple colour", "red pink", "not a choice of this list: pink."),
            ("text", "${nothere}", "${nothere} is not a field of this form."),
            ("date", "digest(${q}, 'MD5')", "digest() is not supported"),
            ("note", "x", "A default is not supported on this type of question."),
        )
    ),
    case(
        "default as a spreadsheet moment with a time, on a date",
        workbook(
            {
                "survey": [
                    ["type", "name", f"label::{EN}", f"label::{FR}", "default"],
                    ["date", "d", "D", "D", datetime.datetime(2018, 1, 2, 14, 30)],
                ]
            }
        ),
        ("survey", 2, "default"),
        "The default must be a date written YYYY-MM-DD.",
    ),
    case(
        "end_group without begin_group",
        xlsx([QUESTION, row("end_group")]),
        TYPE,
        "This end_group has no begin_group.",
    ),
    case(
        "unclosed group",
        xlsx([row("begin_group", "g", "G", "G"), QUESTION]),
        ("survey", 2, "type"),
        "This group has no end_group.",
    ),
    *(
        case(
            f"group with {base}",
            xlsx([row("begin_group", "g", "G", "G", **columns), QUESTION, row("end_group")]),
            ("survey", 2, column),
            f"A group takes no {base}.",
        )
        for base, column, columns in (
            ("required", "required", {"required": "yes"}),
            ("constraint", "constraint", {"constraint": "1 = 1"}),
            ("default", "default", {"default": "x"}),
            (
                "required_message",
                f"required_message::{EN}",
                {"required_message_en": "a", "required_message_fr": "b"},
            ),
        )
    ),
    case(
        "label showing an unknown answer",
        second("note", "Hello ${nobody}", "Bonjour ${nobody}"),
        [("survey", 3, f"label::{EN}"), ("survey", 3, f"label::{FR}")],
        "${nobody} is not a field of this form.",
    ),
    case(
        "label showing a device's last saved answer to no field",
        second("note", "Last time: ${last-saved#nobody}", "La dernière fois : ${q}"),
        ("survey", 3, f"label::{EN}"),
        "${nobody} is not a field of this form.",
    ),
    case(
        "relevant on a device's last saved answer to no field",
        second("text", relevant="${last-saved#nobody} = 'x'"),
        ("survey", 3, "relevant"),
        "${nobody} is not a field of this form.",
    ),
    case(
        "choice showing an answer that is not there",
        second("select_one colour", choices=[*COLOURS, choice("colour", "x", "${no}", "${no}")]),
        [("choices", 5, f"label::{EN}"), ("choices", 5, f"label::{FR}")],
        "${no} is not a field of this form.",
    ),
    case(
        "appearance",
        second("text", appearance="ex:org.example.app"),
        ("survey", 3, "appearance"),
        "“ex:org.example.app” is not supported: a web form cannot open another application",
    ),
    case(
        "appearance calling a function",
        second("select_one colour", appearance="minimal search('cities', 'matches', 'a', 'b')"),
        ("survey", 3, "appearance"),
        "The appearance “search('cities', 'matches', 'a', 'b')” is not supported: it looks",
    ),
    case(
        "calculate without calculation",
        second("calculate", "", ""),
        ("survey", 3, "calculation"),
        "A calculate row needs a calculation or a default.",
    ),
    case(
        "required note",
        second("note", required="yes"),
        ("survey", 3, "required"),
        "A note cannot be required.",
    ),
    case(
        "constraint on acknowledge",
        second("acknowledge", constraint=". = 'OK'"),
        ("survey", 3, "constraint"),
        "takes no constraint.",
    ),
    case(
        "no type column",
        xlsx([{"name": "x", f"label::{EN}": "X", f"label::{FR}": "X"}], survey_header=["name"]),
        ("survey", 1, ""),
        "The survey sheet needs “type” and “name” columns.",
    ),
    case(".xls file", b"\xd0\xcf\x11\xe0 old", NOT_A_FILE, "not a readable .xls file", "form.xls"),
    case("other file type", b"content", NOT_A_FILE, "as an .xlsx, .xls or .csv file", "form.ods"),
    case(
        "no survey sheet",
        workbook(
            {
                "choices": [["list_name", "name", f"label::{EN}", f"label::{FR}"]],
                "settings": [["form_id"], ["x"]],
            }
        ),
        ("survey", None, ""),
        "The form has no “survey” sheet.",
    ),
    case(
        "damaged file",
        b"PK\x03\x04 this was a workbook once",
        NOT_A_FILE,
        "This is not a readable .xlsx file",
    ),
    case(
        "CSV not in UTF-8",
        f"survey,type,name,label::{EN},label::{FR}\n,text,x,Élan,Élan\n".encode("latin-1"),
        NOT_A_FILE,
        "Save the CSV file as UTF-8.",
        "form.csv",
    ),
]


@pytest.mark.parametrize(("data", "filename", "expected", "reason"), UNSUPPORTED)
def test_each_unsupported_feature_is_refused_with_sheet_row_and_column(
    data, filename, expected, reason
):
    found = problems_of(data, filename)
    assert where(found) == expected
    for problem in found:
        assert reason in problem.reason
        assert_readable(problem)


@pytest.mark.parametrize(
    ("kind", "why"),
    [
        ("deviceid", "a web page cannot read a device's identifier"),
        ("imei", "a web page cannot read a device's identifier"),
        ("simserial", "a web page cannot read a SIM card"),
        ("phonenumber", "a web page cannot read a device's phone number"),
        ("username", "respondents do not sign in to answer, so there is no user name"),
        ("email", "respondents do not sign in to answer, so there is no address"),
        ("audit", "Heard does not record how respondents move through a form"),
        ("background-audio", "Heard does not record how respondents move through a form"),
        ("start-geopoint", "Heard does not record where respondents are"),
    ],
)
def test_a_row_recording_the_device_or_the_visit_is_set_aside_with_why(kind, why):
    name = "audit" if kind == "audit" else "x"  # pyxform's rule for audit rows
    definition, xform = parse(xlsx([QUESTION, row(kind, name)]), "form.xlsx")
    [entry] = definition["set_aside"]
    assert entry == {"row": 3, "type": kind, "name": name, "why": entry["why"]}
    assert entry["why"].startswith(why)
    assert [f["name"] for f in definition["fields"]] == ["q"]
    assert "<q" in xform  # the rest of the form is imported as any other


def test_a_reference_to_a_row_set_aside_reads_as_empty_and_the_way_back_keeps_the_row():
    data = xlsx(
        [
            row("deviceid", "device"),
            row("text", "q", "Seen on ${device}", "Vu sur ${device}", relevant="${device} = ''"),
            row("username", "user"),
            row("calculate", "who", calculation="concat('by-', ${user})"),
        ]
    )
    definition, _xform = parse(data, "form.xlsx")
    assert [(c["row"], c["column"], c["reads"]) for c in definition["read_as_empty"]] == [
        (3, f"label::{EN}", "${device}"),
        (3, f"label::{FR}", "${device}"),
        (3, "relevant", "${device}"),
        (5, "calculation", "${user}"),
    ]
    form = Form(definition)
    # Empty on the web: the question shows (its relevant holds) and its label pipes nothing.
    [view] = question_views(form, definition["pages"][0], {}, "en")
    assert view.label == "Seen on "
    assert form.with_calculations({})["who"] == "by-"
    # The way back writes the rows set aside, so the references still name rows: pyxform
    # compiles it, Heard reads it again the same, and the XForm has the device's identifier.
    back = to_xlsx(definition)
    again, xform_again = parse(back, "again.xlsx")
    assert [(r["type"], r["name"]) for r in again["set_aside"]] == [
        ("deviceid", "device"),
        ("username", "user"),
    ]
    assert "<device" in xform_again and "<user" in xform_again
    convert(xlsform=io.BytesIO(back), file_type=".xlsx")


def test_a_trigger_on_a_row_set_aside_is_refused_saying_which_row_and_why():
    found = problems_of(
        xlsx([row("deviceid", "device"), row("text", "q", "Q", "Q", trigger="${device}")])
    )
    assert where(found) == [("survey", 3, "trigger")]
    assert "${device} is row 2, which is not imported: a web page cannot read" in found[0].reason


def missing(name: str, rows: list[dict[str, str]], place: tuple[str, int, str], **kw: Any) -> Any:
    """A form where one text lacks a language: where that is, and which language."""
    language = "en" if place[2].endswith(EN) else "fr"
    return pytest.param(xlsx(rows, kw.get("choices", [])), place, language, id=name)


MISSING = [
    missing("label en", [row("text", "x", "", "X")], ("survey", 2, f"label::{EN}")),
    missing("label fr", [row("text", "x", "X", "")], ("survey", 2, f"label::{FR}")),
    missing("note label", [QUESTION, row("note", "x", "", "N")], ("survey", 3, f"label::{EN}")),
    missing(
        "acknowledge label",
        [QUESTION, row("acknowledge", "x", "OK", "")],
        ("survey", 3, f"label::{FR}"),
    ),
    missing("hint fr", [row("text", "x", "X", "X", hint_en="Hint")], ("survey", 2, f"hint::{FR}")),
    missing("hint en", [row("text", "x", "X", "X", hint_fr="Aide")], ("survey", 2, f"hint::{EN}")),
    missing(
        "required_message fr",
        [row("text", "x", "X", "X", required="yes", required_message_en="Answer")],
        ("survey", 2, f"required_message::{FR}"),
    ),
    missing(
        "required_message en",
        [row("text", "x", "X", "X", required="yes", required_message_fr="Répondez")],
        ("survey", 2, f"required_message::{EN}"),
    ),
    missing(
        "constraint_message fr",
        [row("integer", "x", "X", "X", constraint=". > 0", constraint_message_en="More")],
        ("survey", 2, f"constraint_message::{FR}"),
    ),
    missing(
        "constraint_message en",
        [row("integer", "x", "X", "X", constraint=". > 0", constraint_message_fr="Plus")],
        ("survey", 2, f"constraint_message::{EN}"),
    ),
    missing(
        "group label",
        [row("begin_group", "g", "Page", ""), QUESTION, row("end_group")],
        ("survey", 2, f"label::{FR}"),
    ),
    missing(
        "choice label en",
        [row("select_one colour", "x", "X", "X")],
        ("choices", 3, f"label::{EN}"),
        choices=[choice("colour", "red", "Red", "Rouge"), choice("colour", "blue", "", "Bleu")],
    ),
    missing(
        "choice label fr",
        [row("select_one colour", "x", "X", "X")],
        ("choices", 2, f"label::{FR}"),
        choices=[choice("colour", "red", "Red", ""), choice("colour", "blue", "Blue", "Bleu")],
    ),
]


@pytest.mark.parametrize(("data", "place", "language"), MISSING)
def test_a_text_in_one_language_is_accepted_and_listed_as_missing_the_other(data, place, language):
    """The form is accepted as a draft; the one text lacking a language is listed, on its sheet,
    in its column, with the text it has in the other language."""
    definition, _xform = parse(data, "form.xlsx")
    [found] = missing_translations(definition)
    assert (found["sheet"], found["column"], found["missing"]) == (
        place[0],
        place[2].partition("::")[0],
        language,
    )
    assert found["text"]


def test_curly_quotes_in_an_expression_read_as_straight_ones_as_pyxform_writes_them():
    # Typed in a word processor: pyxform writes curly quotes as straight ones in every cell it reads, so
    # ODK takes these; labels keep theirs (and pyxform's XForm is the same on the way back).
    data = xlsx(
        [
            row("select_one yn", "q", "Ready? It’s “fine”", "Prêt ? C’est « bien »"),
            row("text", "why", "Why?", "Pourquoi ?", relevant="${q} = ’yes’"),
            row("calculate", "said", calculation="concat(“said ”, ${q})"),
            row("select_one yn", "again", "Again?", "Encore ?", choice_filter="name != ‘no’"),
        ],
        [
            {"list_name": "yn", "name": "yes", f"label::{EN}": "Yes", f"label::{FR}": "Oui"},
            {"list_name": "yn", "name": "no", f"label::{EN}": "No", f"label::{FR}": "Non"},
        ],
    )
    definition, xform = parse(data, "form.xlsx")
    fields = {f["name"]: f for f in definition["fields"]}
    assert fields["why"]["relevant"] == "${q} = 'yes'"
    assert fields["said"]["calculation"] == 'concat("said ", ${q})'
    assert fields["q"]["label"] == {"en": "Ready? It’s “fine”", "fr": "Prêt ? C’est « bien »"}
    form = Form(definition)
    values = form.clean({"q": "yes"})
    assert values["said"] == "said yes" and form.field_applies("why", values)
    assert not form.field_applies("why", form.clean({"q": "no"}))
    assert [c.name for c in form.choices("again", values)] == ["yes"]
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform


@pytest.mark.parametrize(
    ("column", "expression", "english", "french"),
    [
        (
            "relevant",
            "${q} = ",
            "found the end of the expression (at character 7)",
            "trouvé la fin de l'expression (au caractère 7)",
        ),
        (
            "constraint",
            ". == 3",
            "use '=' to compare, not '==' (at character 3)",
            "utilisez '=' pour comparer, et non '==' (au caractère 3)",
        ),
        (
            "relevant",
            "shout(${q})",
            "unknown function 'shout()' (at character 1)",
            "fonction inconnue 'shout()' (au caractère 1)",
        ),
        (
            "relevant",
            "selected(${q})",
            "selected() takes 2 arguments, not 1",
            "selected() prend 2 arguments, et non 1",
        ),
        (
            "constraint",
            "regex(., '\\Aa')",
            "is not supported in regex(): use ^ and $",
            "n'est pas pris en charge dans regex() : utilisez ^ et $",
        ),
        (
            "relevant",
            "${q} = «yes»",
            "the curly quote « does not start a string",
            "le guillemet typographique « ne commence pas une chaîne",
        ),
        (
            "calculation",
            "area(${q})",
            "area() is not supported yet: work out a shape's area from the exported answers",
            "area() n'est pas encore pris en charge",
        ),
    ],
)
def test_an_expression_s_problem_is_worded_in_the_lead_s_language(
    column, expression, english, french
):
    """The expression engine has no Django; its messages are marked for the catalogue and
    worded when the form is read, in the language of the lead's page, as every other problem."""
    kind = "calculate" if column == "calculation" else "text"
    data = second(kind, *(("", "") if kind == "calculate" else ()), **{column: expression})
    english_problems = [str(p) for p in problems_of(data)]
    with translation.override("fr"):
        french_problems = [str(p) for p in problems_of(data)]
    assert any(english in p for p in english_problems), english_problems
    assert any(french.replace(" :", "\u00a0:") in p for p in french_problems), french_problems
    assert not any(english in p for p in french_problems)


def test_a_form_in_english_only_lists_every_text_for_french():
    data = xlsx(
        [
            {"type": "begin_group", "name": "g", "label": "About you"},
            {"type": "select_one colour", "name": "c", "label": "Colour?", "hint": "One"},
            {"type": "calculate", "name": "k", "calculation": "1"},
            {"type": "end_group"},
        ],
        [{"list_name": "colour", "name": "red", "label": "Red"}],
        survey_header=["type", "name", "label", "hint", "calculation"],
        choices_header=["list_name", "name", "label"],
    )
    definition, xform = parse(data, "form.xlsx")
    assert [
        (m["name"], m["column"], m["missing"], m["text"]) for m in missing_translations(definition)
    ] == [
        ("g", "label", "fr", "About you"),
        ("c", "label", "fr", "Colour?"),
        ("c", "hint", "fr", "One"),
        ("colour/red", "label", "fr", "Red"),
    ]
    assert definition["languages"]["en"] == ""  # written back as "label", as it came
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    # The same form read as French: the texts are French, English is what is missing.
    definition, _xform = parse(data, "form.xlsx", language="fr")
    assert definition["fields"][0]["label"] == {"en": "", "fr": "Colour?"}
    assert {m["missing"] for m in missing_translations(definition)} == {"en"}


def test_every_problem_is_reported_at_once():
    data = xlsx(
        [
            QUESTION,
            row("osm", "where", "Where?", "Où ?"),
            row("text", "why", "", ""),
            row("text", "how", "How?", "Comment ?", relevant="${nobody} = 1"),
            row("osm", "2nd", "Tags?", "Étiquettes ?"),
        ]
    )
    found = problems_of(data)
    assert where(found) == [
        ("survey", 3, "type"),
        ("survey", 4, f"label::{EN}"),
        ("survey", 5, "relevant"),
        ("survey", 6, "type"),
        ("survey", 6, "name"),  # reported with the type, not after it is fixed
    ]


def test_problems_in_every_sheet_are_reported_together():
    data = xlsx(
        [QUESTION, row("select_one colour", "x", "X", "X", default="pink")],
        [*COLOURS, choice("colour", "red", "Grey", "Gris")],
        {"form_id": "t"},
        extra_sheets={"entities": [["list_name", "label"], ["people", "x"]]},
    )
    assert sorted(where(problems_of(data)), key=str) == sorted(
        [
            ("choices", 5, "name"),
            ("entities", None, ""),
            ("survey", 3, "default"),
        ],
        key=str,
    )


def test_what_pyxform_itself_refuses_keeps_its_sheet_and_row():
    """Heard's own checks come first; should pyxform still refuse a form, its reason is shown with
    the sheet and row it names."""
    from heard.questionnaires.xlsform import to_xform

    duplicate = xlsx([QUESTION, row("select_one colour", "x", "X", "X")], [*COLOURS, COLOURS[0]])
    with pytest.raises(FormError) as caught:
        to_xform(duplicate, "form.xlsx")
    [problem] = caught.value.problems
    assert (problem.sheet, problem.row) == ("choices", 5)
    assert problem.reason.startswith("pyxform: [row : 5] On the 'choices' sheet")
    with pytest.raises(FormError) as caught:
        to_xform(xlsx([QUESTION, row("end_group")]), "form.xlsx")
    assert where(caught.value.problems) == [("survey", 3, "")]


# Nothing is written for a form that is refused ----------------------------------------------------


def test_a_refused_form_writes_nothing(questionnaire, lead):
    bad = xlsx([QUESTION, row("osm", "where", "Where?", "Où ?")])
    audit_before = AuditEvent.objects.count()
    with pytest.raises(FormError):
        services.upload_form(actor=lead, questionnaire=questionnaire, data=bad, filename="bad.xlsx")
    assert QuestionnaireVersion.objects.count() == 0
    assert AuditEvent.objects.count() == audit_before

    good = xlsx([QUESTION])
    version = services.upload_form(
        actor=lead, questionnaire=questionnaire, data=good, filename="good.xlsx"
    )
    definition, xform = version.definition, version.xform
    audit_before = AuditEvent.objects.count()
    with pytest.raises(FormError):
        services.upload_form(actor=lead, questionnaire=questionnaire, data=bad, filename="bad.xlsx")
    version.refresh_from_db()
    assert (version.definition, version.xform, version.source_name) == (
        definition,
        xform,
        "good.xlsx",
    )
    assert QuestionnaireVersion.objects.count() == 1
    assert AuditEvent.objects.count() == audit_before


# CSV works as xlsx does ---------------------------------------------------------------------------


def test_a_csv_form_gives_the_same_definition_and_xform_as_the_workbook():
    survey = [
        row("begin_group", "about", "About you", "À propos de vous"),
        row("select_one colour", "colour", "Colour", "Couleur", required="yes"),
        row("text", "why", "Why?", "Pourquoi ?", relevant="${colour} = 'red'"),
        row("end_group"),
        MORE,
    ]
    from_csv = parse(csv_form(survey, COLOURS), "form.csv")
    from_xlsx = parse(xlsx(survey, COLOURS), "form.xlsx")
    assert from_csv == from_xlsx
    assert [f["row"] for f in from_csv[0]["fields"]] == [3, 4, 6]


def test_csv_problems_name_the_rows_a_spreadsheet_shows():
    survey = [QUESTION, row("text", "2x", "X", "X")]
    choices = [*COLOURS, choice("colour", "blue", "Blue again", "Bleu encore")]
    data = csv_form(survey, choices)
    lines = data.decode().splitlines()
    duplicate = next(i for i, line in enumerate(lines, start=1) if "Blue again" in line)
    assert duplicate == 8  # survey on lines 1-3, choices from line 4
    found = problems_of(data, "form.csv")
    assert where(found) == [("choices", duplicate, "name"), ("survey", 3, "name")]
    sheets = read_sheets(data, "form.csv")
    assert (sheets["survey"].header_row, sheets["choices"].header_row) == (1, 4)
    assert [number for number, _row in sheets["choices"].rows] == [5, 6, 7, 8]


# Out to XLSForm and back: the same XForm ----------------------------------------------------------

EVERY_FEATURE_SURVEY = [
    row(
        "begin_group",
        "about",
        "About you",
        "À propos de vous",
        hint_en="A few questions first",
        hint_fr="Quelques questions d’abord",
        appearance="field-list",
    ),
    row(
        "text",
        "given_name",
        "Your name",
        "Votre nom",
        hint_en="As you like to be called",
        hint_fr="Comme vous aimez qu’on vous appelle",
        default="Ada",
    ),
    row(
        "integer",
        "age",
        "Your age",
        "Votre âge",
        required="yes",
        required_message_en="Tell us your age",
        required_message_fr="Indiquez votre âge",
        constraint=". >= 18 and . <= 120",
        constraint_message_en="From 18 to 120",
        constraint_message_fr="De 18 à 120",
        default="30",
    ),
    row("decimal", "hours", "Hours a week", "Heures par semaine", default="7.5"),
    row(
        "date",
        "since",
        "Since when?",
        "Depuis quand ?",
        constraint=". <= today()",
        default="2018-01-02",
    ),
    row("end_group"),
    row("begin_group", "work", "Where you work", "Où vous travaillez", relevant="${age} >= 18"),
    row(
        "select_one region",
        "region",
        "Region",
        "Région",
        appearance="minimal",
        required="yes",
        default="qc",
    ),
    row(
        "select_one city",
        "city",
        "City",
        "Ville",
        choice_filter="region = ${region} or region = 'any'",
        appearance="horizontal",
    ),
    row(
        "select_multiple topic",
        "topics",
        "Topics",
        "Sujets",
        appearance="horizontal-compact",
        default="prevention",
        constraint="not(selected(., 'none') and count-selected(.) > 1)",
        constraint_message_en="“None” goes alone",
        constraint_message_fr="« Aucun » va seul",
    ),
    row(
        "text",
        "topics_other",
        "Other topic",
        "Autre sujet",
        relevant="selected(${topics}, 'other')",
        appearance="multiline",
        required="yes",
    ),
    row("end_group"),
    row(
        "select_one rating", "rating", "How effective?", "Quelle efficacité ?", appearance="likert"
    ),
    row("select_multiple topic", "worries", "Worries", "Inquiétudes", appearance="minimal"),
    row("rank topic", "ranking", "Rank the topics", "Classez les sujets", required="yes"),
    row("note", "thanks", "Thank you", "Merci", hint_en="Nearly done", hint_fr="Presque fini"),
    row("acknowledge", "agree", "I agree", "J’accepte", required="yes"),
    row("calculate", "topic_count", calculation="count-selected(${topics})"),
    row(
        "text",
        "why_many",
        "Why so many?",
        "Pourquoi autant\u00a0?",  # pyxform reads a no-break space in a workbook as a space
        relevant="${topic_count} > 1",
        required="no",
    ),
]
EVERY_FEATURE_CHOICES = [
    choice("region", "on", "Ontario", "Ontario"),
    choice("region", "qc", "Quebec", "Québec"),
    choice("city", "ottawa", "Ottawa", "Ottawa", region="on"),
    choice("city", "montreal", "Montreal", "Montréal", region="qc"),
    choice("city", "elsewhere", "Elsewhere", "Ailleurs", region="any"),
    choice("topic", "prevention", "Prevention", "Prévention"),
    choice("topic", "protection", "Protection", "Protection"),
    choice("topic", "other", "Other", "Autre"),
    choice("topic", "none", "None", "Aucun"),
    choice("rating", "low", "Low", "Faible"),
    choice("rating", "high", "High", "Élevée"),
]
EVERY_FEATURE_SETTINGS = {
    "form_title": "Every feature",
    "form_id": "every_feature",
    "version": "2024-3",
    "default_language": EN,
}
# Other ways of writing the same things, which pyxform turns into the same XForm.
SPELLINGS_CSV = (
    b"survey,type,name,label::en,label::fr,required,relevant,default\n"
    b",begin group,g,=Page,=Page,no,,\n"
    b",select one colour,colour,Colour,Couleur,TRUE,,\n"
    b",select all that apply colour,colours,Colours,Couleurs,false(),,\n"
    b",end group,g,,,,,\n"
    b",text,why,Why?,Pourquoi ?,True,${colour} = 'red',=1\n"
    b"choices,list_name,name,label::en,label::fr,,,\n"
    b",colour,red,Red,Rouge,,,\n"
    b",colour,blue,Blue,Bleu,,,\n"
    b"settings,form_id,,,,,,\n"
    b",spellings,,,,,,\n"
)

ROUND_TRIPS = [
    pytest.param(lambda: (DEMO / "questionnaire.xlsx").read_bytes(), "form.xlsx", id="demo"),
    pytest.param(
        lambda: xlsx(EVERY_FEATURE_SURVEY, EVERY_FEATURE_CHOICES, EVERY_FEATURE_SETTINGS),
        "form.xlsx",
        id="every feature",
    ),
    pytest.param(
        # Without the no-break space (see the test after this one).
        lambda: csv_form(
            [{k: v.replace("\u00a0", " ") for k, v in r.items()} for r in EVERY_FEATURE_SURVEY],
            EVERY_FEATURE_CHOICES,
            EVERY_FEATURE_SETTINGS,
        ),
        "form.csv",
        id="every feature as CSV",
    ),
    pytest.param(lambda: SPELLINGS_CSV, "form.csv", id="other spellings"),
]


@pytest.mark.parametrize(("make", "filename"), ROUND_TRIPS)
def test_out_to_xlsform_and_back_gives_the_same_xform(make, filename):
    data = make()
    definition, xform = parse(data, filename)
    suffix = "." + filename.rsplit(".", 1)[1]
    assert xform == convert(xlsform=data, file_type=suffix, form_name="data").xform

    exported = to_xlsx(definition)
    again, xform_again = parse(exported, "again.xlsx")
    assert xform_again == xform
    assert xform_again == convert(xlsform=exported, file_type=".xlsx", form_name="data").xform
    # The way back writes the survey rows in the same order, so even the row numbers are kept.
    assert again == definition
    assert parse(to_xlsx(again), "third.xlsx") == (definition, xform)


WAY_BACK_CASES = {
    # A group or a repeat that holds no question: pyxform writes it, empty, and so must the way
    # back (it lost them, found by bench/xlsform_mutations.py).
    "empty section and repeat": {
        "survey": [
            ["type", "name", "label::English (en)"],
            ["begin_group", "p", "Page"],
            ["text", "a", "A"],
            ["begin_group", "s", "Section"],
            ["end_group"],
            ["begin_repeat", "r", "Things"],
            ["end_repeat"],
            ["text", "b", "B"],
            ["end_group"],
            ["begin_group", "t", "Outer"],
            ["begin_repeat", "r2", "People"],
            ["begin_group", "inner", "Inner"],
            ["end_group"],
            ["text", "c", "C"],
            ["end_repeat"],
            ["end_group"],
        ]
    },
    # A text column without a language when the default language is another one: kept, and
    # written before the English column, which pyxform would otherwise read it over.
    "bare column of another language": {
        "survey": [
            ["type", "name", "label", "label::English (en)"],
            ["text", "a", "Skala", "Scale"],
            ["select_one l", "b", "Farbe", "Colour"],
        ],
        "choices": [
            ["list_name", "name", "label", "label::English (en)"],
            ["l", "x", "Rot", "Red"],
        ],
        "settings": [["default_language"], ["Deutsch (de)"]],
    },
    # A column without a language beside English ones is read as French, and written back
    # without a language too, before the English one (see the next test for one written after).
    "bare column read as French": {
        "survey": [
            ["type", "name", "label", "label::English (en)"],
            ["select_one l", "b", "Couleur", "Colour"],
        ],
        "choices": [
            ["list_name", "name", "label", "label::English (en)"],
            ["l", "x", "Rouge", "Red"],
        ],
    },
}


@pytest.mark.parametrize("case", WAY_BACK_CASES)
def test_the_way_back_keeps_empty_groups_and_columns_of_another_language(case):
    data = workbook(WAY_BACK_CASES[case])
    definition, xform = parse(data, "form.xlsx")
    assert xform == convert(xlsform=data, file_type=".xlsx", form_name="data").xform
    assert canonicalize(to_xform(to_xlsx(definition), "back.xlsx")) == canonicalize(xform)


@pytest.mark.parametrize(("english", "french"), [("Eng", "Fr"), ("eng", "fra"), ("Anglais", "fre")])
def test_languages_named_by_their_three_letter_codes_or_in_french_are_english_and_french(
    english, french
):
    data = workbook(
        {
            "survey": [
                ["type", "name", f"label:{english}", f"label:{french}"],
                ["text", "name", "Name", "Prénom"],
            ]
        }
    )
    definition, xform = parse(data, "form.xlsx")
    assert definition["fields"][0]["label"] == {"en": "Name", "fr": "Prénom"}
    assert missing_translations(definition) == []
    assert canonicalize(to_xform(to_xlsx(definition), "back.xlsx")) == canonicalize(xform)


def test_a_column_without_a_language_after_an_english_one_keeps_both_languages():
    # pyxform reads the row's cells in column order, and "label" after "label::English (en)"
    # replaces the English text: its XForm of this file has the French text alone. Heard reads
    # both (French for the column without a language) and writes that column first, so the way
    # back's XForm has both languages, as pyxform reads the same columns the other way round.
    after = {
        "survey": [
            ["type", "name", "label::English (en)", "label"],
            ["select_one l", "b", "Colour", "Couleur"],
        ],
        "choices": [
            ["list_name", "name", "label::English (en)", "label"],
            ["l", "x", "Red", "Rouge"],
        ],
    }
    definition, xform = parse(workbook(after), "form.xlsx")
    assert "Colour" not in xform
    assert definition["fields"][0]["label"] == {"en": "Colour", "fr": "Couleur"}
    back = to_xform(to_xlsx(definition), "back.xlsx")
    before = to_xform(workbook(WAY_BACK_CASES["bare column read as French"]), "before.xlsx")
    assert canonicalize(back) == canonicalize(before)
    assert "Colour" in back and "Couleur" in back


def test_a_no_break_space_from_a_csv_file_comes_back_as_a_space():
    """pyxform keeps a no-break space read from CSV but makes it a space when it reads a workbook,
    so a CSV form that has one is the one case where the way back changes the XForm, by that."""
    survey = [row("text", "why", "Why?", "Pourquoi\u00a0?")]
    definition, xform = parse(csv_form(survey), "form.csv")
    assert definition["fields"][0]["label"]["fr"] == "Pourquoi\u00a0?"
    _again, xform_again = parse(to_xlsx(definition), "again.xlsx")
    assert xform != xform_again
    assert xform.replace("\u00a0", " ") == xform_again


def test_the_demo_form_round_trip_is_compared_with_pyxform_reading_the_file_itself():
    path = DEMO / "questionnaire.xlsx"
    definition, xform = parse(path.read_bytes(), path.name)
    assert xform == convert(xlsform=str(path), form_name="data").xform
    _again, xform_again = parse(to_xlsx(definition), "again.xlsx")
    assert xform_again == convert(xlsform=str(path), form_name="data").xform


def test_the_every_feature_form_holds_every_supported_type_and_appearance():
    definition, xform = parse(
        xlsx(EVERY_FEATURE_SURVEY, EVERY_FEATURE_CHOICES, EVERY_FEATURE_SETTINGS), "form.xlsx"
    )
    fields = definition["fields"]
    assert {f["type"] for f in fields} == {
        "text",
        "integer",
        "decimal",
        "select_one",
        "select_multiple",
        "rank",
        "note",
        "date",
        "acknowledge",
        "calculate",
    }
    assert {f["appearance"] for f in fields} | {p["appearance"] for p in definition["pages"]} == {
        None,
        "multiline",
        "minimal",
        "horizontal",
        "horizontal-compact",
        "likert",
        "field-list",
    }
    for key in ("relevant", "constraint", "choice_filter", "default", "calculation", "hint"):
        assert any(f[key] for f in fields), key
    assert any(f["required_message"] for f in fields)
    assert any(f["constraint_message"] for f in fields)
    assert definition["form_id"] == "every_feature" and definition["form_version"] == "2024-3"
    assert definition["languages"] == {"en": EN, "fr": FR}
    assert 'id="every_feature"' in xform and 'version="2024-3"' in xform


def test_the_every_feature_form_can_be_answered_in_both_languages(
    questionnaire, lead, settings, client
):
    data = xlsx(EVERY_FEATURE_SURVEY, EVERY_FEATURE_CHOICES, EVERY_FEATURE_SETTINGS)
    services.upload_form(actor=lead, questionnaire=questionnaire, data=data, filename="form.xlsx")
    open_questionnaire(questionnaire, settings, client)

    about = client.get("/fr/questionnaire/page/about/").content.decode()
    assert "À propos de vous" in html.unescape(about)
    assert has(about, "input", {"name": "given_name", "value": "Ada"})
    assert has(about, "input", {"name": "age", "value": "30", "inputmode": "numeric"})
    assert has(about, "input", {"name": "since", "type": "date", "value": "2018-01-02"})
    refused = client.post(
        "/fr/questionnaire/page/about/",
        {"given_name": "Ada", "age": "12", "shown": ["given_name", "age", "hours", "since"]},
    )
    assert refused.status_code == 400 and "De 18 à 120" in html.unescape(refused.content.decode())
    moved = client.post(
        "/en/questionnaire/page/about/",
        {"given_name": "Ada", "age": "40", "shown": ["given_name", "age", "hours", "since"]},
    )
    assert moved["Location"] == "/en/questionnaire/page/work/"

    work = client.get("/en/questionnaire/page/work/").content.decode()
    assert has(work, "select", {"name": "region"}) and has(work, "option", {"value": "qc"})
    assert "Where you work" in work and "Montreal" in work
    assert has(work, "input", {"name": "topics", "value": "prevention", "checked": None})
    work_fr = html.unescape(client.get("/fr/questionnaire/page/work/").content.decode())
    assert "Où vous travaillez" in work_fr and "Montréal" in work_fr
    # "Other topic" waits, hidden, until "Other" is ticked.
    assert re.search(r'data-question="topics_other" hidden', work_fr)
    assert has(work_fr, "textarea", {"name": "topics_other", "disabled": None})

    ranking = client.get("/fr/questionnaire/page/ranking/").content.decode()
    assert has(ranking, "select", {"name": "ranking__prevention"})
    agree = html.unescape(client.get("/fr/questionnaire/page/agree/").content.decode())
    assert "J’accepte" in agree and has(agree, "input", {"name": "agree", "value": "OK"})


# Versions ------------------------------------------------------------------------------------------


def test_a_form_with_answers_changes_only_as_a_new_version(questionnaire, lead, settings):
    from heard.core.crypto import blind_index

    first = xlsx([QUESTION])
    changed = xlsx([QUESTION, MORE])
    version_1 = services.upload_form(
        actor=lead, questionnaire=questionnaire, data=first, filename="v1.xlsx"
    )
    # Without answers, a new upload replaces the form of version 1.
    replaced = services.upload_form(
        actor=lead, questionnaire=questionnaire, data=first, filename="v1-again.xlsx"
    )
    assert replaced.pk == version_1.pk and replaced.number == 1

    settings.HEARD_PUBLIC_URL = "http://testserver"
    person = Person.objects.create(
        consultation=questionnaire.consultation,
        name="Ada Example",
        email="ada@example.org",
        email_index=blind_index("ada@example.org"),
        language="en",
    )
    services.invite(actor=lead, questionnaire=questionnaire, people=[person])
    response = services.draft_for(questionnaire.respondents.get(), "en")
    assert response.version_id == version_1.pk

    with pytest.raises(services.FormChangeRefused):
        services.upload_form(
            actor=lead, questionnaire=questionnaire, data=changed, filename="v2.xlsx"
        )
    version_1.refresh_from_db()
    assert [f["name"] for f in version_1.definition["fields"]] == ["q"]
    assert version_1.source_name == "v1-again.xlsx"
    assert questionnaire.versions.count() == 1

    version_2 = services.upload_form(
        actor=lead, questionnaire=questionnaire, data=changed, filename="v2.xlsx", new_version=True
    )
    assert version_2.number == 2
    assert questionnaire.current_version == version_2
    assert [f["name"] for f in version_2.definition["fields"]] == ["q", "more"]
    response.refresh_from_db()
    assert response.version.number == 1
    assert [f["name"] for f in response.version.definition["fields"]] == ["q"]
    assert AuditEvent.objects.filter(action="questionnaire.version_added").count() == 2


# Metadata and pyxform's other spellings ----------------------------------------------------------


def test_start_end_and_today_are_recorded_never_asked(questionnaire, lead):
    data = xlsx(
        [
            row("start", "began"),
            row("today", "day"),
            QUESTION,
            row("end", "finished"),
            row("calculate", "same_day", calculation="starts-with(${began}, ${day})"),
        ]
    )
    version = services.upload_form(
        actor=lead, questionnaire=questionnaire, data=data, filename="form.xlsx"
    )
    form = Form(version.definition)
    assert [p["name"] for p in form.pages] == ["q"]  # the metadata rows make no page
    assert [v.name for v in question_views(form, form.pages[0], {}, "en")] == ["q"]
    from heard.core.crypto import blind_index

    person = Person.objects.create(
        consultation=questionnaire.consultation,
        name="A",
        email="a@example.org",
        email_index=blind_index("a@example.org"),
        language="en",
    )
    respondent = Respondent.objects.create(
        questionnaire=questionnaire, person=person, language="en"
    )
    response = services.draft_for(respondent, "en")
    started = response.answers
    assert started["began"].startswith(started["day"]) and "T" in started["began"]
    assert "finished" not in started
    services.save_page(response=response, page="q", answers={**started, "q": "x"}, language="en")
    assert services.submit(response=response, language="en").submitted
    response.refresh_from_db()
    answers = response.answers
    assert answers["began"] == started["began"] and answers["finished"] >= answers["began"]
    assert answers["same_day"] == "true"  # the calculation sees the recorded values


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("string", "text"),
        ("int", "integer"),
        ("q int", "integer"),
        ("select1 colour", "select_one"),
        ("select all that apply colour", "select_multiple"),
        ("add note prompt", "note"),
        ("q acknowledge", "acknowledge"),
    ],
)
def test_pyxform_aliases_are_read_as_pyxform_reads_them(alias, canonical):
    data = second(alias)
    definition, xform = parse(data, "form.xlsx")
    assert definition["fields"][1]["type"] == canonical
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform


def test_pyxform_column_and_setting_aliases_and_single_colons():
    data = workbook(
        {
            "survey": [
                ["type", "name", "label:en", "label:fr", "relevance", "calculate", "caption:xx"],
                ["text", "a", "A", "A", "", "", "kept"],
                ["text", "b", "B", "B", "${a} != ''", "", ""],
                ["calculate", "c", "", "", "", "concat(${a}, ${b})", ""],
            ],
            "settings": [["title", "id_string", "instance_name"], ["T", "tid", "concat(${a})"]],
        }
    )
    definition, xform = parse(data, "form.xlsx")
    fields = {f["name"]: f for f in definition["fields"]}
    assert fields["b"]["relevant"] == "${a} != ''"
    assert fields["c"]["calculation"] == "concat(${a}, ${b})"
    assert fields["a"]["label"] == {"en": "A", "fr": "A"}
    assert definition["settings"] == {"form_title": "T", "form_id": "tid"}
    assert definition["kept_settings"] == {"instance_name": "concat(${a})"}
    assert missing_translations(definition) == []
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform


def test_an_xls_workbook_reads_as_its_xlsx_twin():
    """Excel 97-2003 files are read cell for cell as pyxform reads them: numbers, booleans and
    dates included."""
    import xlwt

    sheets = {
        "survey": [
            ["type", "name", f"label::{EN}", f"label::{FR}", "constraint", "default"],
            ["integer", "n", "How many?", "Combien ?", ". < 10", 3],
            ["text", "t", "Why?", "Pourquoi ?", "", ""],
        ],
        "choices": [["list_name", "name", f"label::{EN}", f"label::{FR}"]],
        "settings": [["form_title", "form_id", "version"], ["T", "tid", 2026120401]],
    }
    book = xlwt.Workbook()
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                sheet.write(r, c, value)
    out = io.BytesIO()
    book.save(out)
    from_xls = parse(out.getvalue(), "form.xls")
    from_xlsx = parse(workbook(sheets), "form.xlsx")
    assert from_xls == from_xlsx
    assert from_xls[0]["fields"][0]["default"] == "3"
    assert from_xls[0]["form_version"] == "2026120401"


def test_layout_appearances_are_kept_and_ignored():
    data = second("select_one colour", appearance="quick w3 Field-list compact-2 sparkly")
    definition, xform = parse(data, "form.xlsx")
    assert definition["fields"][1]["appearance"] == "quick w3 Field-list compact-2 sparkly"
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform


def test_a_choice_name_with_a_space_is_fine_for_select_one():
    data = second("select_one colour", choices=[*COLOURS, choice("colour", "dark red", "D", "D")])
    definition, _xform = parse(data, "form.xlsx")
    assert definition["choices"]["colour"][-1]["name"] == "dark red"


def test_an_answer_shown_in_a_label_hint_and_message_is_escaped_and_uses_choice_labels():
    data = xlsx(
        [
            row("select_one colour", "colour", "Colour?", "Couleur ?"),
            row("text", "name", "Name?", "Nom ?"),
            row(
                "integer",
                "count",
                "How many ${colour} things, ${name}?",
                "Combien de choses ${colour}, ${name} ?",
                hint_en="Think of ${name}",
                hint_fr="Pensez à ${name}",
                constraint=". < 5",
                constraint_message_en="Fewer than 5, ${name}",
                constraint_message_fr="Moins de 5, ${name}",
            ),
        ],
        COLOURS,
    )
    definition, xform = parse(data, "form.xlsx")
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    values = {"colour": "red", "name": "<b>Al</b>"}
    [view] = [
        v for v in question_views(form, form.page_of("count"), values, "fr") if v.name == "count"
    ]
    assert view.label == "Combien de choses Rouge, <b>Al</b> ?"
    assert str(view.label_html) == (
        'Combien de choses <span data-pipe="colour">Rouge</span>, '
        '<span data-pipe="name">&lt;b&gt;Al&lt;/b&gt;</span> ?'
    )
    assert str(view.hint_html) == 'Pensez à <span data-pipe="name">&lt;b&gt;Al&lt;/b&gt;</span>'
    html = question_html(view)
    assert "<b>Al</b>" not in html and "&lt;b&gt;Al&lt;/b&gt;" in html
    assert form.problems({**values, "count": 9}, "en") == {"count": "Fewer than 5, <b>Al</b>"}


@pytest.mark.parametrize(
    ("kind", "typed", "kept"),
    [
        ("datetime", "2018-06-30T14:05", "2018-06-30T14:05"),
        ("datetime", "2018-06-30 14:05", "2018-06-30T14:05"),  # a browser showing a text box
        ("datetime", "2018-06-30T14:05:59", "2018-06-30T14:05"),
        ("time", "09:30", "09:30"),
        ("time", "09:30:15", "09:30"),
    ],
)
def test_date_times_and_times_are_kept_to_the_minute(kind, typed, kept):
    definition, _xform = parse(second(kind), "form.xlsx")
    form = Form(definition)
    answers, errors = form.read_page(form.page_of("x"), {"x": typed}, {}, "en")
    assert (answers.get("x"), errors) == (kept, {})


@pytest.mark.parametrize(
    ("kind", "typed", "message"),
    [
        ("datetime", "2018-02-30T14:05", "Enter a date and time as year-month-day hours:minutes"),
        ("datetime", "tomorrow", "Enter a date and time as year-month-day hours:minutes"),
        ("time", "25:00", "Enter a time as hours:minutes, like 14:05."),
        ("time", "noon", "Enter a time as hours:minutes, like 14:05."),
    ],
)
def test_a_date_time_or_time_that_is_not_one_is_refused_and_not_kept(kind, typed, message):
    definition, _xform = parse(second(kind), "form.xlsx")
    form = Form(definition)
    answers, errors = form.read_page(form.page_of("x"), {"x": typed}, {}, "en")
    assert "x" not in answers and message in errors["x"]


def test_groups_inside_a_group_are_sections_of_its_page_with_their_own_conditions():
    data = xlsx(
        [
            row("begin_group", "page", "About you", "À propos de vous"),
            row("select_one colour", "colour", "Colour?", "Couleur ?"),
            row("begin_group", "reds", "Reds", "Rouges", relevant="${colour} = 'red'"),
            row("text", "shade", "Which red?", "Quel rouge ?"),
            row("begin_group", "deeper", "Deeper", "Plus loin", hint_en="More", hint_fr="Plus"),
            row("integer", "count", "How many?", "Combien ?"),
            row("end_group"),
            row("end_group"),
            row("text", "after", "Anything else?", "Autre chose ?"),
            row("end_group"),
        ],
        COLOURS,
    )
    definition, xform = parse(data, "form.xlsx")
    assert [p["name"] for p in definition["pages"]] == ["page"]
    fields = {f["name"]: f for f in definition["fields"]}
    assert fields["count"]["sections"] == ["reds", "deeper"] and "sections" not in fields["after"]
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    page = form.pages[0]
    blue = question_views(form, page, {"colour": "blue"}, "fr")
    assert [(v.name, [s.name for s in v.opens]) for v in blue] == [
        ("colour", []),
        ("shade", ["reds"]),
        ("count", ["deeper"]),
        ("after", []),
    ]
    assert not blue[1].applies and not blue[1].opens[0].applies and not blue[2].applies
    assert (blue[2].opens[0].level, str(blue[2].opens[0].label_html)) == (3, "Plus loin")
    red = question_views(form, page, {"colour": "red"}, "en")
    assert red[1].applies and red[1].opens[0].applies and red[2].applies
    # The sections' conditions reach logic.js with each question's own.
    logic = form.logic_for(page, {})
    assert logic["fields"]["count"]["relevant"] == form.ast("${colour} = 'red'")
    assert logic["sections"]["deeper"] == form.ast("${colour} = 'red'")
    assert form.clean({"colour": "blue", "shade": "x", "after": "y"}) == {
        "colour": "blue",
        "after": "y",
    }
    # Their texts are translated like any other.
    one_language = xlsx(
        [
            row("begin_group", "page", "About you", "À propos"),
            row("begin_group", "inner", "Inner", ""),
            QUESTION,
            row("end_group"),
            row("end_group"),
        ]
    )
    [missing] = missing_translations(parse(one_language, "form.xlsx")[0])
    assert (missing["name"], missing["missing"]) == ("inner", "fr")


def test_a_choice_without_a_label_shows_its_name_as_odk_does():
    data = second("select_one colour", choices=[*COLOURS, {"list_name": "colour", "name": "teal"}])
    definition, xform = parse(data, "form.xlsx")
    assert definition["choices"]["colour"][-1]["label"] is None
    assert missing_translations(definition) == []
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    [view] = [v for v in question_views(form, form.page_of("x"), {}, "fr") if v.name == "x"]
    assert [c.label for c in view.choices] == ["Rouge", "Bleu", "Vert", "teal"]
    assert answer_text(form, "x", "teal", "en") == "teal"


def test_a_csv_external_row_makes_the_form_wait_for_its_file():
    definition, _xform = parse(second("csv-external"), "form.xlsx")
    assert definition["files"] == {"x.csv": {"attached": False, "data": "x"}}


@pytest.mark.parametrize("kind", ["select_one", "select_multiple"])
def test_or_other_adds_the_other_choice_and_its_question_as_pyxform_does(kind):
    definition, xform = parse(second(f"{kind} colour or_other"), "form.xlsx")
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    assert "relevant=\"selected(../x, 'other')\"" in xform
    form = Form(definition)
    assert [c.name for c in form.all_choices("x")] == ["red", "blue", "green", "other"]
    other = form.fields["x_other"]
    assert (other["type"], other["label"]["fr"]) == ("text", "Précisez l’autre réponse.")
    chosen = ["other"] if kind == "select_multiple" else "other"
    page = form.page_of("x")
    views = {v.name: v for v in question_views(form, page, {"x": chosen}, "fr")}
    assert views["x"].choices[-1].label == "Autre" and views["x_other"].applies
    assert not {v.name: v for v in question_views(form, page, {}, "en")}["x_other"].applies
    assert form.clean({"x": "red" if kind == "select_one" else ["red"], "x_other": "z"}) == {
        "x": "red" if kind == "select_one" else ["red"]
    }


@pytest.mark.parametrize(
    "written", ["select_one colour or specify other", "select one from colour or other"]
)
def test_pyxform_s_older_spellings_of_or_other_mean_or_other(written):
    definition, xform = parse(second(written), "form.xlsx")
    assert definition["fields"][1]["or_other"] is True
    assert "x_other" in {f["name"] for f in definition["fields"]}
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform


# pyxform's grouped spellings: `bind:relevant` is `relevant` -------------------------------------

# Older forms (pyxform's own tutorial among them) write the XForm's attribute for a column, with
# single colons. Heard used to take `bind:relevant` for a column it did not know and drop it: the
# form was accepted and its questions shown whatever the answers.
SINGLE_COLONS_FORM = {
    "survey": [
        ["type", "name", "label", "bind:relevant", "bind:constraint", "bind:jr:constraintMsg",
         "bind:required", "control:appearance", "bind:jr:preload"],
        ["select_one yes_no", "older", "Older than five?", None, None, None, None, None, None],
        ["integer", "months", "Age in months", "${older} = 'no'", ". <= 72", "Up to 72",
         "yes", None, None],
        ["text", "story", "Tell us", None, None, None, None, "multiline", None],
    ],
    "choices": [["list name", "name", "label"], ["yes_no", "yes", "Yes"], ["yes_no", "no", "No"]],
    "settings": [["form_id", "default_language"], ["grouped", "English (en)"]],
}  # fmt: skip


def test_pyxform_s_grouped_spellings_of_a_column_are_read_as_that_column():
    data = workbook(SINGLE_COLONS_FORM)
    definition, xform = parse(data, "form.xlsx")
    assert xform == convert(xlsform=data, file_type=".xlsx", form_name="data").xform
    months = next(f for f in definition["fields"] if f["name"] == "months")
    assert months["relevant"] == "${older} = 'no'"
    assert months["constraint"] == ". <= 72"
    assert months["constraint_message"]["en"] == "Up to 72"
    assert months["required"] is True
    assert (
        next(f for f in definition["fields"] if f["name"] == "story")["appearance"] == "multiline"
    )
    # What the respondent gets: the question is asked only of those who said no, and checked.
    form = Form(definition)
    assert not form.field_applies("months", {"older": "yes"})
    assert form.field_applies("months", {"older": "no"})
    assert form.check("months", {"older": "no", "months": 80}, "en") == "Up to 72"
    # The way back writes the columns Heard reads by their names, in its own order: pyxform gives
    # the same XForm, up to the order of a bind's attributes (which XML does not give a meaning).
    assert canonicalize(to_xform(to_xlsx(definition), "back.xlsx")) == canonicalize(xform)


def test_pyxform_s_grouped_spellings_match_pyxform_s_aliases():
    from pyxform import aliases

    from heard.questionnaires.xlsform import PLAIN_COLUMNS, TRANSLATED_COLUMNS
    from heard.questionnaires.xlsform_vocabulary import GROUPED_SURVEY_COLUMNS

    read = set(PLAIN_COLUMNS) | set(TRANSLATED_COLUMNS)
    expected = {
        target: column
        for column, target in aliases.survey_header.items()
        if isinstance(target, tuple) and column in read
    }
    for (group, attribute), column in GROUPED_SURVEY_COLUMNS.items():
        if group != "body":  # pyxform's older name for "control"
            assert expected.get((group, attribute)) == column
    assert set(expected) <= set(GROUPED_SURVEY_COLUMNS)


def test_columns_only_odk_collect_uses_are_kept_for_the_way_back():
    data = xlsx(
        [
            row("begin_group", "g", "Group", "Groupe", intent="ex:org.example.APP"),
            row(
                "text",
                "a",
                "A",
                "A",
                rows="5",
                compact_tag="t",
                **{f"noAppErrorString::{EN}": "No app", f"noAppErrorString::{FR}": "Pas d’app"},
            ),
            row("end_group"),
        ]
    )
    definition, xform = parse(data, "form.xlsx")
    assert 'intent="ex:org.example.APP"' in xform and 'rows="5"' in xform
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform


def test_a_read_only_group_is_refused_rather_than_shown_as_questions_to_answer():
    # ODK makes every question of a read-only group read-only; Heard ignored the column.
    with pytest.raises(FormError) as refused:
        parse(
            xlsx(
                [
                    row("begin_group", "g", "Group", "Groupe", read_only="yes"),
                    row("text", "a", "A", "A"),
                    row("end_group"),
                    row("begin_repeat", "r", "Repeat", "Répétition", read_only="true()"),
                    row("text", "b", "B", "B"),
                    row("end_repeat"),
                ]
            ),
            "form.xlsx",
        )
    assert [(p.row, p.column) for p in refused.value.problems] == [
        (2, "read_only"),
        (5, "read_only"),
    ]
    assert "write it on each of its questions" in str(refused.value.problems[0].reason)
    parse(
        xlsx(
            [
                row("begin_group", "g", "G", "G", read_only="no"),
                row("text", "a", "A", "A"),
                row("end_group"),
            ]
        ),
        "form.xlsx",
    )


def test_pyxform_s_older_constrained_types_add_their_constraint_and_hint_unless_the_row_has_one():
    from pyxform.question_type_dictionary import QUESTION_TYPE_DICT

    from heard.questionnaires.xlsform_vocabulary import CONSTRAINED_ALIASES

    for written, alias in CONSTRAINED_ALIASES.items():  # word for word as pyxform has them
        entry = QUESTION_TYPE_DICT[written]
        assert alias["constraint"] == entry["bind"]["constraint"]
        assert (alias["hint"] or {}).get("en") == entry.get("hint")
    definition, xform = parse(
        xlsx(
            [
                row("phone number", "phone", "Phone", "Téléphone"),
                row("percentage", "share", "Share", "Part"),
                row("number of days in last year", "days", "Days", "Jours", constraint=". > 1"),
            ]
        ),
        "form.xlsx",
    )
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    fields = {f["name"]: f for f in definition["fields"]}
    assert (fields["phone"]["type"], fields["share"]["type"]) == ("text", "integer")
    assert fields["phone"]["hint"]["fr"] == "Saisissez des chiffres seulement."
    assert fields["days"]["constraint"] == ". > 1"  # the row's own, as pyxform keeps it
    assert fields["days"]["hint"]["en"] == "Enter a number 0-365."
    form = Form(definition)
    assert form.check("phone", {"phone": "12a"}, "en")
    assert not form.check("phone", {"phone": "0612"}, "en")
    assert form.check("share", {"share": 101}, "fr")
    assert not form.check("days", {"days": 400}, "en")  # its own constraint replaced 0-365


def test_a_device_s_last_saved_answer_is_read_as_empty_and_the_lead_told_where():
    survey = [
        row("begin_group", "g", "G", "G"),
        row("text", "who", "Your name", "Votre nom", default="${last-saved#who}"),
        row("note", "seen", "Last time: ${last-saved#who}.", "La dernière fois : ${who}."),
        row("calculate", "twice", calculation="concat(${last-saved#who}, ${who})"),
        row("text", "why", "Why?", "Pourquoi ?", relevant="${last-saved#who} = ''"),
        row("end_group"),
    ]
    definition, xform = parse(xlsx(survey), "form.xlsx")
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform  # written back as it was
    assert [(c["row"], c["column"], c["name"]) for c in definition["read_as_empty"]] == [
        (3, "default", "who"),
        (4, f"label::{EN}", "who"),
        (5, "calculation", "who"),
        (6, "relevant", "who"),
    ]
    form = Form(definition)
    values = form.with_calculations({"who": "Ana"})
    assert values["twice"] == "Ana" and form.field_applies("why", values)
    page = form.page_by_name["g"]
    views = {v.name: v for v in question_views(form, page, {}, "en")}
    assert views["who"].value in ("", None)
    assert str(views["seen"].label_html) == "Last time: ."


# The same name in two groups, as pyxform allows (rows 3 and 6).
NAME_IN_TWO_GROUPS = [
    row("begin_group", "home", "Home", "Maison"),
    row("text", "name", "Name", "Nom"),
    row("end_group"),
    row("begin_group", "work", "Work", "Travail"),
    row("text", "name", "Employer", "Employeur"),
    row("end_group"),
]


def test_one_name_in_several_groups_gets_a_name_of_its_own_and_goes_back_as_written():
    survey = [*NAME_IN_TWO_GROUPS, row("text", "name", "Anything else", "Autre chose")]
    definition, xform = parse(xlsx(survey), "form.xlsx")
    fields = definition["fields"]
    assert [(f["name"], f.get("written_name")) for f in fields] == [
        ("name", None),
        ("work.name", "name"),
        ("name.2", "name"),
    ]
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    assert form.clean({"name": "Ana", "work.name": "Acme", "name.2": "No"}) == {
        "name": "Ana",
        "work.name": "Acme",
        "name.2": "No",
    }


def test_a_name_several_groups_use_cannot_be_referred_to_and_twice_in_one_group_is_refused():
    found = problems_of(
        xlsx(
            [
                *NAME_IN_TWO_GROUPS,
                row("text", "q", "Q", "Q", relevant="${name} != ''"),
                row("text", "r", "R", "R", default="${last-saved#name}"),
            ]
        )
    )
    assert [(p.row, p.column) for p in found] == [(8, "relevant"), (9, "default")]
    for problem in found:  # Heard's own words, not pyxform's
        assert "${name} could be any of rows 3, 6, which have that name in different groups" in (
            problem.reason
        )
    siblings = [row("text", "name", "A", "A"), row("text", "name", "B", "B")]
    assert [p.reason for p in problems_of(xlsx(siblings))] == [
        "The name “name” is already used on row 2."
    ]


def test_a_comment_row_with_no_type_name_or_label_is_skipped_as_pyxform_skips_it():
    definition, xform = parse(
        xlsx([row("", comment="Background on the agronomist"), row("text", "q", "Q", "Q")]),
        "form.xlsx",
    )
    assert [f["name"] for f in definition["fields"]] == ["q"]
    assert 'nodeset="/data/q"' in xform


def test_or_other_refused_where_its_question_or_choice_would_clash():
    taken = xlsx(
        [
            QUESTION,
            row("select_one colour or_other", "x", "X", "X"),
            row("text", "x_other", "O", "O"),
        ],
        COLOURS,
    )
    assert where(problems_of(taken)) == [("survey", 4, "name")]
    clash = second(
        "select_one colour or_other", choices=[*COLOURS, choice("colour", "other", "O", "A")]
    )
    found = problems_of(clash)
    assert where(found) == [("choices", None, "name")]
    assert "already has a choice “other”" in found[0].reason


def test_randomized_choices_have_an_order_per_respondent_kept_on_every_showing():
    data = second(
        "select_one letters",
        choices=[choice("letters", c, c.upper(), c.upper()) for c in "abcdefgh"],
        parameters="randomize=true",
    )
    definition, xform = parse(data, "form.xlsx")
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    page = form.page_of("x")

    def order(key: str) -> list[str]:
        [view] = [v for v in question_views(form, page, {}, "en", order_key=key) if v.name == "x"]
        return [c.name for c in view.choices]

    assert order("17") == order("17")  # the same respondent, the same order
    orders = {tuple(order(str(key))) for key in range(20)}
    assert len(orders) > 10 and all(sorted(o) == list("abcdefgh") for o in orders)
    assert order("") == list("abcdefgh")  # staff entering a paper form: the sheet's order


@pytest.mark.parametrize(
    ("parameters", "typed", "kept", "error"),
    [
        ("start=0 end=10 step=2", "4", 4, None),
        ("start=0 end=10 step=2", "5", None, "Enter a number from 0 to 10, in steps of 2."),
        ("start=0 end=10 step=2", "12", None, "Enter a number from 0 to 10, in steps of 2."),
        ("start=10 end=0 step=-1", "3", 3, None),
        ("start=0 end=1 step=0.25", "0,75", "0.75", None),
        ("", "10", 10, None),  # pyxform's defaults: 1 to 10, step 1
    ],
)
def test_a_range_takes_a_number_on_its_steps(parameters, typed, kept, error):
    data = second("range", parameters=parameters) if parameters else second("range")
    definition, xform = parse(data, "form.xlsx")
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    answers, errors = form.read_page(form.page_of("x"), {"x": typed}, {}, "en")
    assert answers.get("x") == kept and errors.get("x") == error
    [view] = [v for v in question_views(form, form.page_of("x"), {}, "en") if v.name == "x"]
    html = question_html(view)
    assert 'type="number"' in html and f'max="{view.range["max"]}"' in html


def test_parameters_heard_does_not_use_are_refused_by_name():
    found = problems_of(second("select_one colour", parameters="randomize=true value=x"))
    assert where(found) == [("survey", 3, "parameters")]
    assert "The parameter “value” is not used on select_one questions." in found[0].reason


def test_a_default_written_as_an_expression_is_worked_out_when_the_question_is_shown():
    survey = [
        QUESTION,
        row("text", "echo", "Again?", "Encore ?", default="concat(${q}, '!')"),
        row("date", "day", "Day?", "Jour ?", default="today()"),
        row("integer", "sum", "Sum?", "Somme ?", default="1 + 2"),
    ]
    definition, xform = parse(xlsx(survey), "form.xlsx")
    assert definition["fields"][1]["default_dynamic"] is True
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    views = {v.name: v for v in question_views(form, form.page_of("echo"), {"q": "Hi"}, "en")}
    assert views["echo"].value == "Hi!"
    views = {v.name: v for v in question_views(form, form.page_of("day"), {}, "en")}
    assert views["day"].value == datetime.date.today().isoformat()
    assert form.default_value("sum", {}) == "3"
    # An answer, even an empty one saved, is never replaced by the default.
    views = {v.name: v for v in question_views(form, form.page_of("echo"), {"echo": "x"}, "en")}
    assert views["echo"].value == "x"


def test_a_question_with_a_hint_and_no_label_shows_the_hint_as_its_label():
    data = xlsx([row("text", "q", hint_en="Your view, in a sentence", hint_fr="Votre avis")])
    definition, xform = parse(data, "form.xlsx")
    assert definition["fields"][0]["label"] is None
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    page = rendered(definition, "q", {}, "fr")
    assert has(page, "label", {"for": "q-q"}) and ">Votre avis" in page
    assert 'class="hint"' not in page
    problems = problems_of(xlsx([QUESTION, row("text", "x")]))
    assert [p.reason for p in problems] == ["The label is missing: write it in English or French."]


def test_choices_of_the_same_name_are_allowed_where_the_settings_allow_them():
    counties = [
        choice("county", "king", "King", "King", state="wa"),
        choice("county", "king", "King", "King", state="tx"),
        choice("state", "wa", "Washington", "Washington"),
        choice("state", "tx", "Texas", "Texas"),
    ]
    survey = [
        row("select_one state", "state", "State?", "État ?"),
        row("select_one county", "county", "County?", "Comté ?", choice_filter="state=${state}"),
    ]
    problems = problems_of(xlsx(survey, counties))
    assert [p.reason.split(":")[0] for p in problems] == [
        "“king” is already in list “county”, row 2"
    ]
    allowed = {"form_title": "T", "form_id": "t", "allow_choice_duplicates": "yes"}
    definition, xform = parse(xlsx(survey, counties, allowed), "form.xlsx")
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    shown = Form(definition).choices("county", {"state": "tx"})
    assert [(c.name, c.filters) for c in shown] == [("king", {"state": "tx"})]


def test_a_question_worked_out_or_read_only_shows_its_answer_and_takes_none(
    questionnaire, lead, settings, client
):
    survey = [
        row("begin_group", "g", "G", "G"),
        row("integer", "people", "How many?", "Combien ?"),
        row("integer", "rooms", "Rooms needed", "Pièces", calculation="${people} * 2"),
        row("text", "region", "Region", "Région", default="North", read_only="yes"),
        row("end_group"),
    ]
    data = xlsx(survey)
    definition, xform = parse(data, "form.xlsx")
    assert definition["fields"][2]["read_only"] is True
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    assert form.clean({"people": 3})["rooms"] == 6  # stored as the integer it is

    services.upload_form(actor=lead, questionnaire=questionnaire, data=data, filename="f.xlsx")
    open_questionnaire(questionnaire, settings, client)
    page = client.get("/en/questionnaire/page/g/").content.decode()
    assert not has(page, "input", {"name": "rooms"}) and not has(page, "input", {"name": "region"})
    assert '<span data-pipe="region">North</span>' in page
    # Whatever is sent for them is not taken: the calculation and the default are.
    client.post(
        "/en/questionnaire/page/g/",
        {"people": "4", "rooms": "99", "region": "South", "shown": ["people"]},
    )
    answers = Response.objects.get().answers
    assert (answers["rooms"], answers["region"]) == (8, "North")


def test_odk_s_trigger_type_is_an_acknowledge_and_goes_back_as_a_trigger():
    data = xlsx([row("trigger", "ok", "I have read the notice", "J’ai lu l’avis"), MORE])
    definition, xform = parse(data, "form.xlsx")
    assert definition["fields"][0]["type"] == "acknowledge"
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    assert Form(definition).problems({}, "en") == {}
    page = rendered(definition, "ok", {}, "en")
    assert has(page, "input", {"type": "checkbox", "name": "ok", "value": "OK"})


def test_once_keeps_what_it_worked_out_and_odk_functions_work_in_a_form():
    survey = [
        QUESTION,
        row("calculate", "code", calculation="once(uuid(8))"),
        row("calculate", "when", calculation="format-date(today(), '%Y/%m')"),
        row("calculate", "short", calculation="substr(${q}, 0, 3)"),
        MORE,
    ]
    definition, xform = parse(xlsx(survey), "form.xlsx")
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    first = form.clean({"q": "Shelters"})
    assert len(first["code"]) == 8 and first["short"] == "She"
    assert first["when"] == datetime.date.today().strftime("%Y/%m")
    # Worked out again later (another page saved): the same code.
    assert form.clean({**first, "more": "x"})["code"] == first["code"]


def test_a_trigger_sets_a_question_when_another_answer_changes_unless_it_was_changed_too():
    survey = [
        row("begin_group", "g", "G", "G"),
        row("text", "city", "City?", "Ville ?"),
        row(
            "text",
            "plan",
            "Your plan",
            "Votre plan",
            trigger="${city}",
            calculation="concat('Visit ', ${city})",
        ),
        row("dateTime", "stamp", trigger="${city}", calculation="now()"),
        row("end_group"),
    ]
    definition, xform = parse(xlsx(survey), "form.xlsx")
    by_name = {f["name"]: f for f in definition["fields"]}
    assert by_name["plan"]["trigger"] == ["city"] and by_name["stamp"]["no_control"]
    assert 'event="xforms-value-changed"' in xform
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    page = form.page_by_name["g"]
    first, _errors = form.read_page(page, QueryDict("city=Paris&plan="), {}, "en")
    assert first["plan"] == "Visit Paris" and first["stamp"].startswith(
        str(datetime.date.today())[:4]
    )
    # The respondent rewrites the plan: it stays theirs while the city stays the same.
    mine, _errors = form.read_page(page, QueryDict("city=Paris&plan=Mine"), first, "en")
    assert mine["plan"] == "Mine"
    moved, _errors = form.read_page(page, QueryDict("city=Rome&plan=Mine"), mine, "en")
    assert moved["plan"] == "Visit Rome"
    # Never shown: the question with no label and no hint.
    assert [v.name for v in question_views(form, page, moved, "en")] == ["city", "plan"]


def test_a_calculate_with_a_trigger_is_set_when_the_answer_changes_and_kept_otherwise():
    survey = [
        row("begin_group", "g", "G", "G"),
        row("text", "city", "City?", "Ville ?"),
        row("calculate", "seen", trigger="${city}", calculation="concat('at ', ${city})"),
        row("text", "more", "More?", "Plus ?"),
        row("end_group"),
    ]
    definition, xform = parse(xlsx(survey), "form.xlsx")
    assert 'event="xforms-value-changed"' in xform
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    page = form.page_by_name["g"]
    first, _errors = form.read_page(page, QueryDict("city=Paris"), {}, "en")
    assert first["seen"] == "at Paris"
    # Saved again with the same city: kept as it was set, not worked out again.
    kept, _errors = form.read_page(page, QueryDict("city=Paris&more=x"), first, "en")
    assert kept["seen"] == "at Paris" and form.with_calculations(kept)["seen"] == "at Paris"
    moved, _errors = form.read_page(page, QueryDict("city=Rome&more=x"), kept, "en")
    assert moved["seen"] == "at Rome"


def test_this_answer_in_relevant_and_required_is_the_question_s_own_answer():
    survey = [
        QUESTION,
        row(
            "text",
            "code",
            "Code?",
            "Code ?",
            relevant=". != 'skip'",
            required="string-length(.) > 2",
        ),
    ]
    definition, _xform = parse(xlsx(survey), "form.xlsx")
    form = Form(definition)
    assert form.field_applies("code", {"code": "abc"})
    assert not form.field_applies("code", {"code": "skip"})
    assert form.required("code", {"code": "abc"}) and not form.required("code", {"code": "ab"})


def test_a_choice_s_label_shows_an_earlier_answer():
    survey = [
        row("begin_group", "g", "G", "G"),
        row("text", "home", "Your city?", "Votre ville ?"),
        row("select_one where", "work", "Where do you work?", "Où travaillez-vous ?"),
        row("end_group"),
    ]
    places = [
        choice("where", "same", "In ${home}", "À ${home}"),
        choice("where", "other", "Elsewhere", "Ailleurs"),
    ]
    definition, xform = parse(xlsx(survey, places), "form.xlsx")
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    page = form.page_by_name["g"]
    values = {"home": "<Lyon>", "work": "same"}
    [_home, work] = question_views(form, page, values, "fr")
    assert work.choices[0].label == "À <Lyon>"
    assert str(work.choices[0].label_html) == 'À <span data-pipe="home">&lt;Lyon&gt;</span>'
    assert answer_text(form, "work", "same", "en", values=values) == "In <Lyon>"


def test_messages_with_nothing_to_explain_are_kept_as_pyxform_keeps_them():
    survey = [
        QUESTION,
        row(
            "text",
            "x",
            "X",
            "X",
            required_message_en="Say it.",
            required_message_fr="Dites-le.",
            constraint_message_en="Too long.",
            constraint_message_fr="Trop long.",
        ),
    ]
    definition, xform = parse(xlsx(survey), "form.xlsx")
    item = next(f for f in definition["fields"] if f["name"] == "x")
    assert item["required_message"]["fr"] == "Dites-le." and not item["required"]
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("city", "Write the trigger as ${name}, or several separated by commas."),
        ("${nowhere}", "${nowhere} is not a field of this form."),
    ],
)
def test_a_trigger_that_cannot_be_used_is_refused(cell, reason):
    survey = [row("text", "city", "City?", "Ville ?"), row("text", "x", "X", "X", trigger=cell)]
    assert [p.reason for p in problems_of(xlsx(survey))] == [reason]


def test_a_required_expression_asks_for_the_answer_while_it_holds():
    survey = [
        row("begin_group", "g", "G", "G"),
        row("select_one yn", "works", "Do you work?", "Travaillez-vous ?"),
        row(
            "text",
            "job",
            "Your job",
            "Votre emploi",
            required="${works} = 'yes'",
            required_message_en="Say what you do.",
            required_message_fr="Dites ce que vous faites.",
        ),
        row("end_group"),
    ]
    yes_no = [choice("yn", "yes", "Yes", "Oui"), choice("yn", "no", "No", "Non")]
    definition, xform = parse(xlsx(survey, yes_no), "form.xlsx")
    assert definition["fields"][1]["required_if"] == "${works} = 'yes'"
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    assert form.problems({"works": "yes"}, "en") == {"job": "Say what you do."}
    assert form.problems({"works": "no"}, "en") == {}
    views = {v.name: v for v in question_views(form, form.page_by_name["g"], {"works": "no"}, "en")}
    assert not views["job"].required


def test_a_calculate_with_only_a_default_is_set_once_and_kept():
    survey = [QUESTION, row("calculate", "stamp", default="once(uuid(6))"), MORE]
    definition, xform = parse(xlsx(survey), "form.xlsx")
    assert to_xform(to_xlsx(definition), "back.xlsx") == xform
    form = Form(definition)
    first = form.clean({"q": "x"})
    assert len(first["stamp"]) == 6
    assert form.clean({**first, "more": "y"})["stamp"] == first["stamp"]


def test_a_list_column_with_a_colon_is_refused_before_pyxform_writes_it_as_an_element():
    # pyxform writes each column of a list as an XML element: `label:en`, in a sheet whose
    # languages are written with "::", became <label:en>, an XForm no XML parser reads.
    data = xlsx(
        [row("select_one yn", "q", "Q?", "Q ?")],
        [{**choice("yn", "yes", "Yes", "Oui"), "label:en": "Yes"}],
    )
    with pytest.raises(FormError) as caught:
        parse(data, "form.xlsx")
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.column) == ("choices", "label:en")
    assert "A column name holds “:” only to name a language" in str(problem.reason)


def test_an_xform_that_is_not_xml_is_refused_whatever_the_cause(monkeypatch):
    import pyxform.xls2xform

    real = pyxform.xls2xform.convert

    def broken(**kwargs):
        result = real(**kwargs)
        result.xform = result.xform.replace("<h:head>", "<h:head><x:y/>")
        return result

    monkeypatch.setattr(pyxform.xls2xform, "convert", broken)
    with pytest.raises(FormError) as caught:
        parse(xlsx([row("text", "q", "Q?", "Q ?")]), "form.xlsx")
    assert "an XForm that is not valid XML (unbound prefix" in str(caught.value.problems[0])


def test_a_language_named_with_no_code_in_its_brackets_is_read_by_its_name():
    from heard.questionnaires.xlsform import _language_of

    assert _language_of("English (schm)") == "en"
    assert _language_of("Français (xyzw)") == "fr"
    assert _language_of("English (de)") is None  # a code, of another language: trusted
    assert _language_of("Indonesia (id)") is None
    definition, _xform = parse(
        xlsx(
            [{"type": "note", "name": "n", "label::English (schm)": "My note"}],
            settings={},
            survey_header=["type", "name"],
        ),
        "form.xlsx",
    )
    assert definition["fields"][0]["label"] == {"en": "My note", "fr": ""}


def test_a_note_without_a_name_is_named_after_its_row_as_pyxform_names_it():
    # Row 3 is empty: the names still follow the sheet's row numbers, as pyxform's do.
    data = workbook(
        {
            "survey": [
                ["type", "name", f"label::{EN}", f"label::{FR}"],
                ["text", "q", "First question", "Première question"],
                [],
                ["note", None, "Thank you", "Merci"],
                ["note", None, "Bye", "Au revoir"],
                ["integer", None, "Age", "Âge"],
            ]
        }
    )
    found = problems_of(data)
    assert where(found) == [("survey", 6, "name")]  # only a note may go without a name
    notes = workbook(
        {
            "survey": [
                ["type", "name", f"label::{EN}", f"label::{FR}"],
                ["text", "q", "First question", "Première question"],
                [],
                ["note", None, "Thank you", "Merci"],
                ["note", None, "Bye", "Au revoir"],
            ]
        }
    )
    definition, xform = parse(notes, "form.xlsx")
    assert [f["name"] for f in definition["fields"]] == [
        "q",
        "generated_note_name_4",
        "generated_note_name_5",
    ]
    assert canonicalize(xform) == canonicalize(
        convert(xlsform=io.BytesIO(notes), file_type=".xlsx").xform
    )
    # The way back writes the names, so pyxform gives the same XForm again.
    _again, xform_again = parse(to_xlsx(definition), "again.xlsx")
    assert canonicalize(xform_again) == canonicalize(xform)


def test_a_hidden_field_holds_its_default_and_goes_back_as_hidden():
    data = xlsx(
        [
            QUESTION,
            row("hidden", "source", default="web"),
            row("hidden", "blank"),
        ]
    )
    definition, xform = parse(data, "form.xlsx")
    fields = {f["name"]: f for f in definition["fields"]}
    assert fields["source"]["type"] == fields["blank"]["type"] == "calculate"
    values = Form(definition).with_calculations({})
    assert values.get("source") == "web" and not values.get("blank")
    back = to_xlsx(definition)
    _again, xform_again = parse(back, "again.xlsx")
    assert canonicalize(xform_again) == canonicalize(xform)


def test_a_date_typed_into_a_spreadsheet_is_the_default_of_a_date_question():
    data = workbook(
        {
            "survey": [
                ["type", "name", f"label::{EN}", f"label::{FR}", "default"],
                ["date", "d", "When?", "Quand ?", datetime.datetime(2018, 1, 2)],
            ]
        }
    )
    definition, xform = parse(data, "form.xlsx")
    [field] = definition["fields"]
    assert field["default"] == "2018-01-02"  # a date cell, read by pyxform at midnight
    form = Form(definition)
    assert form.as_answer("d", form.default_value("d", {})) == "2018-01-02"
    # The way back writes the cell as pyxform read it: the same XForm.
    _again, xform_again = parse(to_xlsx(definition), "again.xlsx")
    assert canonicalize(xform_again) == canonicalize(xform)
