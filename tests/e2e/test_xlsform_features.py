"""XLSForm features a respondent meets, in a real browser, in English and French, with and without
JavaScript: answers shown inside labels, a choice's label worked out (jr:choice-name), sections
within a page, randomized choices, dates with times and times, ranges, repeats (and repeats
inside repeats); and the translation round trip of a form written in English only."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any
from xml.etree.ElementTree import SubElement, tostring

import pytest
from defusedxml import ElementTree
from django.utils import timezone

from heard.questionnaires import services
from heard.questionnaires.models import Response, ResponseState
from tests.e2e.axe import axe_violations
from tests.e2e.test_questionnaire_pages import TEXTS, invite_two, press
from tests.e2e.test_questionnaire_staff_pages import _signed_in
from tests.questionnaires.builders import EN, FR, choice, row, xlsx

pytestmark = pytest.mark.django_db(transaction=True)

LETTERS = "abcdefgh"
FORM = xlsx(
    [
        row("begin_group", "about", "About you", "À votre sujet"),
        row("text", "who", "Your name?", "Votre nom ?"),
        row(
            "select_one letter",
            "letter",
            "Pick a letter, ${who}",
            "Choisissez une lettre, ${who}",
            parameters="randomize=true",
        ),
        # The label of the letter chosen, in the respondent's language (jr:choice-name).
        row("calculate", "named", calculation="jr:choice-name(${letter}, '${letter}')"),
        row(
            "begin_group",
            "more",
            "About ${letter}",
            "Au sujet de ${letter}",
            relevant="${letter} = 'a'",
        ),
        row("note", "echo", "You chose ${letter}, ${who}.", "Vous avez choisi ${letter}, ${who}."),
        row("note", "named_echo", "Named: ${named}.", "Nommée : ${named}."),
        row("dateTime", "when", "When did it start?", "Quand cela a-t-il commencé ?"),
        row("time", "at", "At what time do you open?", "À quelle heure ouvrez-vous ?"),
        row("select_one asker", "asker", "Who answers?", "Qui répond ?"),
        row("end_group"),
        row(
            "range",
            "score",
            "How sure are you?",
            "À quel point êtes-vous sûr ?",
            parameters="start=0 end=10 step=2",
        ),
        row("end_group"),
        row("note", "thanks", "Thank you, ${who}.", "Merci, ${who}."),
    ],
    [
        *(choice("letter", c, f"Letter {c.upper()}", f"Lettre {c.upper()}") for c in LETTERS),
        choice("asker", "me", "Me, ${who}", "Moi, ${who}"),
        choice("asker", "other", "Someone else", "Quelqu’un d’autre"),
    ],
)


@contextmanager
def _respondent_page(browser, script: bool, **options: Any) -> Iterator[Any]:
    """A page of a fresh browser context, with or without JavaScript, closed afterwards."""
    context = browser.new_context(java_script_enabled=script, **options)
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        yield page
    finally:
        context.close()


def _open_questionnaire(consultation, lead, title_en: str, title_fr: str):
    """A questionnaire open since yesterday for three weeks, its form still to upload."""
    now = timezone.now()
    return services.create_questionnaire(
        actor=lead,
        consultation=consultation,
        title_en=title_en,
        title_fr=title_fr,
        privacy_notice_en="Read by the team only.",
        privacy_notice_fr="Lu par l’équipe seulement.",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=20),
    )


@pytest.fixture
def links(live_server, settings, consultation, lead):
    settings.HEARD_PUBLIC_URL = live_server.url
    questionnaire = _open_questionnaire(consultation, lead, "Features", "Fonctions")
    services.upload_form(actor=lead, questionnaire=questionnaire, data=FORM, filename="f.xlsx")
    return questionnaire, invite_two(questionnaire, consultation, live_server.url)


def _letters(page) -> list[str]:
    return [e.get_attribute("value") for e in page.locator('[name="letter"]').all()]


@pytest.mark.parametrize("script", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_piping_sections_random_order_date_times_and_ranges(browser, links, language, script):
    questionnaire, urls = links
    text = TEXTS[language]
    # axe runs in the page's JavaScript: it checks the pages with script on (the same HTML).
    with _respondent_page(browser, script) as page:
        page.goto(urls[language])
        press(page, "button", text["start"])
        order = _letters(page)
        assert sorted(order) == list(LETTERS) and order != list(LETTERS)
        page.goto(page.url)
        assert _letters(page) == order  # the same order each time this respondent sees it
        assert not page.locator('[data-section="more"]').is_visible()
        page.locator('[name="who"]').fill("Al <b>")
        page.locator('[name="letter"][value="a"]').check()
        chosen = "Letter A" if language == "en" else "Lettre A"
        if script:
            # Brought in and filled in as the respondent answers.
            assert page.locator('[data-section="more"]').is_visible()
            echo = page.locator('[data-question="echo"]').inner_text()
            assert chosen in echo and "Al <b>" in echo
        else:
            press(page, "button", text["next"])
            assert text["appeared"] in page.locator("[role=status]").inner_text()
            assert page.locator('[data-section="more"]').is_visible()
            assert "Al <b>" in page.locator('[data-question="echo"]').inner_text()
        heading = page.locator('[data-section="more"] h2').inner_text()
        assert chosen in heading
        # Worked out in the page with JavaScript, on the server without.
        assert chosen in page.locator('[data-question="named_echo"]').inner_text()
        # A choice's label shows the answer too, escaped.
        me = "Me, Al <b>" if language == "en" else "Moi, Al <b>"
        assert me in page.locator('[data-question="asker"]').inner_text()
        assert page.locator('[name="when"]').get_attribute("type") == "datetime-local"
        page.locator('[name="when"]').fill("2018-06-30T14:05")
        page.locator('[name="at"]').fill("09:30")
        page.locator('[name="score"]').fill("5")  # not on a step of 2
        assert not script or axe_violations(page) == []
        press(page, "button", text["next"])
        assert page.locator(".error-summary").is_visible()
        assert not script or axe_violations(page) == []
        page.locator('[name="score"]').fill("6")
        press(page, "button", text["next"])
        thanks = "Thank you, Al <b>." if language == "en" else "Merci, Al <b>."
        assert thanks in page.locator('[data-question="thanks"]').inner_text()
        assert not script or axe_violations(page) == []
        press(page, "button", text["next"])
        press(page, "button", text["send"])
        response = Response.objects.get(
            respondent__questionnaire=questionnaire, respondent__language=language
        )
        assert response.state == ResponseState.SUBMITTED
        answers = response.answers
        assert (answers["when"], answers["at"], answers["score"], answers["named"]) == (
            "2018-06-30T14:05",
            "09:30",
            6,
            chosen,
        )


ENGLISH_ONLY = xlsx(
    [
        {"type": "text", "name": "idea", "label": "Your idea?", "hint": "A sentence or two"},
        {"type": "select_one yn", "name": "agree", "label": "Do you agree?"},
    ],
    [
        {"list_name": "yn", "name": "yes", "label": "Yes"},
        {"list_name": "yn", "name": "no", "label": "No"},
    ],
    survey_header=["type", "name", "label", "hint"],
    choices_header=["list_name", "name", "label"],
)
FRENCH = {
    "survey/idea/label": "Votre idée ?",
    "survey/idea/hint": "Une phrase ou deux",
    "survey/agree/label": "Êtes-vous d’accord ?",
    "choices/yn/yes/label": "Oui",
    "choices/yn/no/label": "Non",
}
XLIFF = "{urn:oasis:names:tc:xliff:document:2.0}"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_form_in_english_goes_out_as_xliff_and_comes_back_in_french(
    browser, live_server, consultation, lead, language, tmp_path
):
    questionnaire = _open_questionnaire(consultation, lead, "Ideas", "Idées")
    # The translation screens have no script; axe itself needs one to run.
    script = True
    context = browser.new_context(java_script_enabled=script, accept_downloads=True)
    page = context.new_page()
    try:
        _signed_in(page, live_server, lead)
        base = (
            f"{live_server.url}/{language}/staff/consultations/{consultation.pk}/questionnaires/"
            f"{questionnaire.pk}/"
        )
        page.goto(base)
        upload = tmp_path / "ideas.xlsx"
        upload.write_bytes(ENGLISH_ONLY)
        page.locator("#id_file").set_input_files(str(upload))
        # The columns name no language: the form says they are English (the French screen
        # would otherwise take them for French).
        page.locator("#id_language").select_option("en")
        with page.expect_navigation():
            page.locator("form[enctype] button[type=submit]").first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/translation/")
        assert page.locator("table tbody tr").count() == 5
        assert not script or axe_violations(page) == []
        assert not questionnaire.is_open()
        with page.expect_download() as download:
            page.locator('a[href$="?as=xliff"]').click()
        root = ElementTree.fromstring(download.value.path().read_bytes())
        for unit in root.iter(f"{XLIFF}unit"):
            segment = unit.find(f"{XLIFF}segment")
            SubElement(segment, f"{XLIFF}target").text = FRENCH[unit.get("id")]
        back = tmp_path / "ideas-fr.xlf"
        back.write_bytes(tostring(root, encoding="utf-8"))
        page.locator("#id_file").set_input_files(str(back))
        with page.expect_navigation():
            page.locator("form[enctype] button[type=submit]").click()
        page.wait_for_load_state("load")
        done = (
            "every text is in English and French"
            if language == "en"
            else "tous les textes sont en anglais et en français"
        )
        assert done in page.content()
        assert page.locator("table").count() == 0
        assert not script or axe_violations(page) == []
        questionnaire.refresh_from_db()
        assert questionnaire.is_open()
        fields = questionnaire.current_version.definition["fields"]
        assert fields[1]["label"] == {"en": "Do you agree?", "fr": "Êtes-vous d’accord ?"}
    finally:
        context.close()


REPEAT_FORM = xlsx(
    [
        row("begin_group", "ideas", "Ideas", "Idées"),
        row("text", "intro", "Your organisation", "Votre organisation"),
        row("begin_repeat", "things", "Idea", "Idée"),
        row("text", "thing", "What would help?", "Qu’est-ce qui aiderait ?", required="yes"),
        row("select_one yn", "urgent", "Is ${thing} urgent?", "${thing} est-il urgent ?"),
        row("text", "why", "Why?", "Pourquoi ?", relevant="${urgent} = 'yes'"),
        row(
            "text",
            "how",
            "How?",
            "Comment ?",
            trigger="${thing}",
            calculation="concat('More ', ${thing})",
        ),
        row("end_repeat"),
        row("end_group"),
        row("begin_group", "most", "Priorities", "Priorités"),
        row("select_one ${thing}", "top", "Which matters most?", "Laquelle compte le plus ?"),
        row("end_group"),
    ],
    [choice("yn", "yes", "Yes", "Oui"), choice("yn", "no", "No", "Non")],
)


@pytest.fixture
def repeat_links(live_server, settings, consultation, lead):
    settings.HEARD_PUBLIC_URL = live_server.url
    questionnaire = _open_questionnaire(consultation, lead, "Ideas", "Idées")
    services.upload_form(
        actor=lead, questionnaire=questionnaire, data=REPEAT_FORM, filename="r.xlsx"
    )
    return questionnaire, invite_two(questionnaire, consultation, live_server.url)


def _click_and_load(page, selector: str) -> None:
    with page.expect_navigation():
        page.locator(selector).click()


@pytest.mark.parametrize("script", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_repeat_s_entries_are_added_answered_and_removed(browser, repeat_links, language, script):
    questionnaire, urls = repeat_links
    text = TEXTS[language]
    idea = "Idea" if language == "en" else "Idée"
    with _respondent_page(browser, script) as page:
        page.goto(urls[language])
        press(page, "button", text["start"])
        assert page.locator(".repeat-entry h2").all_inner_texts() == [f"{idea} 1"]
        page.locator('[name="thing@1"]').fill("Shelters <b>")
        page.locator('[name="urgent@1"][value="yes"]').check()
        if script:
            # The entry's own answer brings in its own question, and shows in its label.
            assert page.locator('[data-question="why@1"]').is_visible()
            assert "Shelters <b>" in page.locator('[data-question="urgent@1"] legend').inner_text()
            assert axe_violations(page) == []
        if script:  # the entry's own answer sets its own question as it is typed
            assert page.locator('[name="how@1"]').input_value() == "More Shelters <b>"
        _click_and_load(page, 'button[value="add:things"]')
        assert page.url.endswith("#e-things@2")
        assert page.locator('[name="how@1"]').input_value() == "More Shelters <b>"
        assert page.locator('[name="how@2"]').input_value() == ""
        assert page.locator(".repeat-entry h2").all_inner_texts() == [f"{idea} 1", f"{idea} 2"]
        assert page.locator('[name="thing@1"]').input_value() == "Shelters <b>"
        assert page.locator('[data-question="why@1"]').is_visible()
        assert not page.locator('[data-question="why@2"]').is_visible()
        page.locator('[name="why@1"]').fill("Winter")
        page.locator('[name="thing@2"]').fill("Training")
        page.locator('[name="urgent@2"][value="no"]').check()
        _click_and_load(page, 'button[value="add:things"]')
        page.locator('[name="thing@3"]').fill("Funding")
        assert not script or axe_violations(page) == []
        # Taking out the second entry moves the third up.
        _click_and_load(page, 'button[value="remove:things:2"]')
        assert page.locator(".repeat-entry h2").all_inner_texts() == [f"{idea} 1", f"{idea} 2"]
        assert page.locator('[name="thing@2"]').input_value() == "Funding"
        assert page.locator('[name="why@1"]').input_value() == "Winter"
        # Enter in a box saves and goes on: it does not press the first remove button.
        with page.expect_navigation():
            page.locator('[name="thing@2"]').press("Enter")
        # The next page chooses among the entries' answers, escaped.
        offered = page.locator('[data-question="top"] label').all_inner_texts()
        assert offered == ["Shelters <b>", "Funding"]
        page.locator('[name="top"][value="Funding"]').check()
        assert not script or axe_violations(page) == []
        press(page, "button", text["next"])
        assert "/check/" in page.url
        summary = page.locator("main").inner_text()
        assert f"{idea} 2" in summary and "Funding" in summary
        press(page, "button", text["send"])
        response = Response.objects.get(
            respondent__questionnaire=questionnaire, respondent__language=language
        )
        assert response.state == ResponseState.SUBMITTED
        assert response.answers["things"] == [
            {"thing": "Shelters <b>", "how": "More Shelters <b>", "urgent": "yes", "why": "Winter"},
            {"thing": "Funding", "how": "More Funding"},
        ]
        assert response.answers["top"] == "Funding"


NESTED_FORM = xlsx(
    [
        row("begin_repeat", "households", "Household", "Ménage"),
        row("text", "head", "Head of household", "Chef du ménage"),
        row("begin_repeat", "members", "Member", "Membre"),
        row("text", "mname", "Name", "Nom"),
        row("integer", "age", "Age of ${mname}", "Âge de ${mname}"),
        row("text", "school", "Which school?", "Quelle école ?", relevant="${age} < 18"),
        row("end_repeat"),
        row("calculate", "counted", calculation="count(${members})"),
        row("note", "sum_up", "${head}: ${counted}", "${head} : ${counted}"),
        row("end_repeat"),
        row("begin_group", "most", "Priorities", "Priorités"),
        row("select_one ${mname}", "who", "Who answers?", "Qui répond ?"),
        row("end_group"),
    ],
    [],
)


@pytest.fixture
def nested_links(live_server, settings, consultation, lead):
    settings.HEARD_PUBLIC_URL = live_server.url
    questionnaire = _open_questionnaire(consultation, lead, "Households", "Ménages")
    services.upload_form(
        actor=lead, questionnaire=questionnaire, data=NESTED_FORM, filename="n.xlsx"
    )
    return questionnaire, invite_two(questionnaire, consultation, live_server.url)


@pytest.mark.parametrize("script", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_repeat_inside_a_repeat_has_entries_of_its_own_in_each_entry(
    browser, nested_links, language, script
):
    questionnaire, urls = nested_links
    text = TEXTS[language]
    household, member = ("Household", "Member") if language == "en" else ("Ménage", "Membre")
    with _respondent_page(browser, script) as page:
        page.goto(urls[language])
        press(page, "button", text["start"])
        assert page.locator(".repeat-entry h2").all_inner_texts() == [f"{household} 1"]
        assert page.locator(".repeat-entry h3").all_inner_texts() == [f"{member} 1"]
        page.locator('[name="head@1"]').fill("Ann")
        page.locator('[name="mname@1.1"]').fill("Ann")
        page.locator('[name="age@1.1"]').fill("40")
        _click_and_load(page, 'button[value="add:members@1"]')
        assert page.url.endswith("#e-members@1.2")
        assert page.locator(".repeat-entry h3").all_inner_texts() == [f"{member} 1", f"{member} 2"]
        page.locator('[name="mname@1.2"]').fill("Bo <i>")
        page.locator('[name="age@1.2"]').fill("7")
        if script:  # the entry's own answer brings in its own question at once
            assert page.locator('[data-question="school@1.2"]').is_visible()
            assert "Bo <i>" in page.locator('[data-question="age@1.2"] label').inner_text()
            assert axe_violations(page) == []
        _click_and_load(page, 'button[value="add:households"]')
        assert page.url.endswith("#e-households@2")
        assert page.locator(".repeat-entry h2").all_inner_texts() == [
            f"{household} 1",
            f"{household} 2",
        ]
        # Each household has its own members: the second starts with one of its own.
        assert page.locator(".repeat-entry h3").all_inner_texts() == [
            f"{member} 1",
            f"{member} 2",
            f"{member} 1",
        ]
        assert page.locator('[data-question="school@1.2"]').is_visible()
        assert not page.locator('[data-question="school@1.1"]').is_visible()
        assert "Ann" in page.locator('[data-question="sum_up@1"]').inner_text()
        assert "2" in page.locator('[data-question="sum_up@1"]').inner_text()
        page.locator('[name="head@2"]').fill("Cy")
        page.locator('[name="mname@2.1"]').fill("Cy")
        page.locator('[name="age@2.1"]').fill("30")
        # Taking out Ann's first member moves Bo up, in her household only.
        _click_and_load(page, 'button[value="remove:members@1:1"]')
        assert page.locator('[name="mname@1.1"]').input_value() == "Bo <i>"
        assert page.locator('[name="mname@2.1"]').input_value() == "Cy"
        assert page.locator('[data-question="school@1.1"]').is_visible()
        page.locator('[name="school@1.1"]').fill("Central")
        assert not script or axe_violations(page) == []
        press(page, "button", text["next"])
        # Outside the households, the members' names are the choices.
        offered = page.locator('[data-question="who"] label').all_inner_texts()
        assert offered == ["Bo <i>", "Cy"]
        page.locator('[name="who"][value="Cy"]').check()
        assert not script or axe_violations(page) == []
        press(page, "button", text["next"])
        summary = page.locator("main").inner_text()
        assert f"{household} 2, {member} 1" in summary and "Central" in summary
        press(page, "button", text["send"])
        response = Response.objects.get(
            respondent__questionnaire=questionnaire, respondent__language=language
        )
        assert response.state == ResponseState.SUBMITTED
        assert response.answers["households"] == [
            {
                "head": "Ann",
                "members": [{"mname": "Bo <i>", "age": 7, "school": "Central"}],
                "counted": "1",
            },
            {"head": "Cy", "members": [{"mname": "Cy", "age": 30}], "counted": "1"},
        ]
        assert response.answers["who"] == "Cy"


FILE_FORM = xlsx(
    [
        row("begin_group", "stay", "Your stay", "Votre séjour"),
        row("select_one_from_file cities.csv", "city", "Your city?", "Votre ville ?"),
        row("integer", "nights", "Nights?", "Nuits ?"),
        row("integer", "meals", "Meals", "Repas", calculation="${nights} * 3"),
        row(
            "text",
            "province",
            "Province",
            "Province",
            calculation="pulldata('cities', 'province', 'name', ${city})",
        ),
        row(
            "text",
            "plan",
            "Your plan",
            "Votre plan",
            trigger="${city}",
            calculation="concat('Visit ', ${city})",
        ),
        row("end_group"),
    ],
    [],
)
CITIES = (
    "name,label::English (en),label::Français (fr),province,mayor\n"
    "toronto,Toronto,Toronto,ON,Olivia Chow\nmontreal,Montreal,Montréal,QC,Soraya Martinez\n"
).encode()


@pytest.mark.parametrize("script", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_choices_from_an_attached_file_and_a_worked_out_answer(
    browser, live_server, settings, consultation, lead, language, script, tmp_path
):
    settings.HEARD_PUBLIC_URL = live_server.url
    questionnaire = _open_questionnaire(consultation, lead, "Stay", "Séjour")
    with _respondent_page(browser, script) as page:
        # The lead uploads the form and its file together, on the questionnaire's screen.
        _signed_in(page, live_server, lead)
        page.goto(
            f"{live_server.url}/{language}/staff/consultations/{consultation.pk}/"
            f"questionnaires/{questionnaire.pk}/"
        )
        (tmp_path / "stay.xlsx").write_bytes(FILE_FORM)
        (tmp_path / "cities.csv").write_bytes(CITIES)
        page.locator("#id_file").set_input_files(str(tmp_path / "stay.xlsx"))
        page.locator("#id_attachments").set_input_files(str(tmp_path / "cities.csv"))
        with page.expect_navigation():
            page.locator("form[enctype] button[type=submit]").first.click()
        assert "cities.csv" in page.locator("main").inner_text()
        assert not script or axe_violations(page) == []
        questionnaire.refresh_from_db()
        assert questionnaire.is_open()

        urls = invite_two(questionnaire, consultation, live_server.url)
        page.goto(urls[language])
        press(page, "button", TEXTS[language]["start"])
        montreal = "Montreal" if language == "en" else "Montréal"
        assert montreal in page.locator('[data-question="city"]').inner_text()
        page.locator('[name="city"][value="montreal"]').check()
        if script:
            # The trigger sets the plan as soon as the city is chosen, and the province comes
            # from the file's row for that city: only the columns pulldata() reads are sent.
            assert page.locator('[name="plan"]').input_value() == "Visit montreal"
            assert "QC" in page.locator('[data-question="province"]').inner_text()
            assert "Soraya" not in page.content()
        page.locator('[name="nights"]').fill("4")
        meals = page.locator('[data-question="meals"] [data-pipe="meals"]')
        if script:
            page.locator('[name="nights"]').dispatch_event("input")
            assert meals.inner_text() == "12"  # worked out as the respondent types
            assert axe_violations(page) == []
        press(page, "button", TEXTS[language]["next"])
        assert montreal in page.locator("main").inner_text()
        press(page, "button", TEXTS[language]["send"])
        response = Response.objects.get(respondent__questionnaire=questionnaire)
        assert response.answers == {
            "city": "montreal",
            "nights": 4,
            "meals": 12,
            "province": "QC",
            "plan": "Visit montreal",
        }


PLACES = xlsx(
    [
        row("begin_group", "where", "Where you work", "Où vous travaillez"),
        row("geopoint", "office", "Where is your office?", "Où se trouve votre bureau ?"),
        row("end_group"),
        row("geoshape", "area", "Which area do you serve?", "Quelle zone desservez-vous ?"),
    ]
)
LOCATE = {"en": "Use my current location", "fr": "Utiliser ma position actuelle"}


@pytest.mark.parametrize("script", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_location_is_typed_or_filled_in_by_the_browser(
    browser, live_server, settings, consultation, lead, language, script
):
    settings.HEARD_PUBLIC_URL = live_server.url
    questionnaire = _open_questionnaire(consultation, lead, "Places", "Lieux")
    services.upload_form(actor=lead, questionnaire=questionnaire, data=PLACES, filename="p.xlsx")
    urls = invite_two(questionnaire, consultation, live_server.url)
    text = TEXTS[language]
    # The browser's location, given only because the page asked and the respondent pressed.
    with _respondent_page(
        browser,
        script,
        geolocation={"latitude": 45.4215, "longitude": -75.6972, "accuracy": 12},
        permissions=["geolocation"],
    ) as page:
        page.goto(urls[language])
        press(page, "button", text["start"])
        office = page.locator('[name="office"]')
        locate = page.get_by_role("button", name=LOCATE[language])
        if script:
            locate.press("Enter")  # by keyboard
            page.wait_for_function("document.querySelector('[name=office]').value !== ''")
            assert office.input_value() == "45.4215 -75.6972 0 12"
            assert page.get_by_role("status").first.inner_text() != ""
            assert axe_violations(page) == []
        else:
            assert locate.count() == 0  # nothing that cannot work is offered
            office.fill("95 -75.6972")
            press(page, "button", text["next"])
            assert page.locator(".error-summary").is_visible()
            office.fill("45,4215 -75,6972")
        press(page, "button", text["next"])
        area = page.locator('[name="area"]')
        assert area.evaluate("e => e.tagName") == "TEXTAREA"
        area.fill("45.40 -75.70\n45.40 -75.60\n45.45 -75.60")
        assert not script or axe_violations(page) == []
        press(page, "button", text["next"])
        press(page, "button", text["send"])
        answers = Response.objects.get(
            respondent__questionnaire=questionnaire, respondent__language=language
        ).answers
        assert answers["office"].startswith("45.4215 -75.6972 0 ")
        assert answers["area"] == "45.4 -75.7 0 0;45.4 -75.6 0 0;45.45 -75.6 0 0;45.4 -75.7 0 0"


BRIEF = xlsx(
    [
        row("begin_group", "brief", "Your brief", "Votre mémoire"),
        row("file", "document", "Attach your brief", "Joignez votre mémoire", required="yes"),
        row(
            "text",
            "first",
            "What should we read first?",
            "Que devrions-nous lire d’abord ?",
            relevant="${document} != ''",
            required="yes",
        ),
        row("end_group"),
    ]
)
SENT = {"en": "Sent: brief.pdf.", "fr": "Envoyé\u00a0: brief.pdf."}
REMOVE = {"en": "Remove brief.pdf", "fr": "Retirer brief.pdf"}
CHOOSE = {"en": "Choose a file to send.", "fr": "Choisissez un fichier à envoyer."}


@pytest.mark.parametrize("script", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_file_is_attached_replaced_and_removed(
    browser, live_server, settings, consultation, lead, language, script, tmp_path
):
    settings.HEARD_PUBLIC_URL = live_server.url
    questionnaire = _open_questionnaire(consultation, lead, "Briefs", "Mémoires")
    services.upload_form(actor=lead, questionnaire=questionnaire, data=BRIEF, filename="b.xlsx")
    urls = invite_two(questionnaire, consultation, live_server.url)
    text = TEXTS[language]
    brief = tmp_path / "brief.pdf"
    brief.write_bytes(b"%PDF-1.4\n%%EOF\n")
    with _respondent_page(browser, script) as page:
        page.goto(urls[language])
        press(page, "button", text["start"])
        press(page, "button", text["next"])  # nothing chosen: the required file is asked for
        assert CHOOSE[language] in page.locator(".error-summary").inner_text()
        first = page.locator('[data-question="first"]')
        assert not first.is_visible()
        page.locator('[name="document"]').set_input_files(str(brief))
        if script:
            assert first.is_visible()  # brought in as soon as a file is chosen
            assert axe_violations(page) == []
        press(page, "button", text["next"])
        if not script:
            assert text["appeared"] in page.locator("[role=status]").inner_text()
        else:  # the question it brought in is required: the page comes back, the file kept
            assert page.locator(".error-summary").is_visible()
        assert SENT[language] in page.locator(".file-current").inner_text()
        page.locator('[name="first"]').fill("Section 2")
        assert not script or axe_violations(page) == []
        press(page, "button", text["next"])
        assert "brief.pdf" in page.locator("main").inner_text()  # the check page
        response = Response.objects.get(
            respondent__questionnaire=questionnaire, respondent__language=language
        )
        assert response.answers["document"] == "brief.pdf"
        assert bytes(response.files.get().content) == b"%PDF-1.4\n%%EOF\n"

        # Taken out with its box, by keyboard: the question is required, so it is asked again.
        page.goto(f"{live_server.url}/{language}/questionnaire/page/brief/")
        page.get_by_label(REMOVE[language]).press("Space")
        if script:
            assert not first.is_visible()
        press(page, "button", text["next"])
        assert CHOOSE[language] in page.locator(".error-summary").inner_text()
        assert not response.files.exists()


POSTERS = xlsx(
    [
        row("begin_group", "seen", "What you have seen", "Ce que vous avez vu"),
        {
            **row(
                "note",
                "look",
                "Posters like these hang in stations.",
                "Ces affiches sont dans les gares.",
            ),
            f"media::image::{EN}": "poster-en.png",
            f"media::image::{FR}": "poster-fr.png",
        },
        {
            **row(
                "select_one poster", "which", "Which have you seen?", "Lesquelles avez-vous vues ?"
            ),
            "media::audio": "question.wav",
        },
        row("end_group"),
    ],
    [
        {
            **choice("poster", "blue", "The blue poster", "L’affiche bleue"),
            "media::image": "blue.png",
        },
        {**choice("poster", "red", "The red poster", "L’affiche rouge"), "media::image": "red.png"},
    ],
)


@pytest.mark.parametrize("script", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_pictures_and_a_recording_come_from_heard_and_a_picture_chooses(
    browser, live_server, settings, consultation, lead, language, script
):
    from tests.questionnaires.test_form_media import png, wav

    settings.HEARD_PUBLIC_URL = live_server.url
    questionnaire = _open_questionnaire(consultation, lead, "Posters", "Affiches")
    services.upload_form(
        actor=lead,
        questionnaire=questionnaire,
        data=POSTERS,
        filename="posters.xlsx",
        attachments={
            "poster-en.png": png("white"),
            "poster-fr.png": png("black"),
            "blue.png": png("blue"),
            "red.png": png("red"),
            "question.wav": wav(),
        },
    )
    urls = invite_two(questionnaire, consultation, live_server.url)
    text = TEXTS[language]
    asked: list[str] = []
    with _respondent_page(browser, script) as page:
        page.on("request", lambda request: asked.append(request.url))
        page.goto(urls[language])
        press(page, "button", text["start"])
        pictures = page.locator("img")
        assert pictures.count() == 3
        assert pictures.first.get_attribute("src").endswith(f"poster-{language}.png")
        # Every picture loaded (a broken one has no width), from Heard itself.
        for picture in pictures.all():
            assert picture.evaluate("i => i.complete && i.naturalWidth") == 4
        audio = page.locator("audio")
        assert audio.count() == 1 and audio.get_attribute("controls") is not None
        assert audio.get_attribute("autoplay") is None
        recording = page.request.get(live_server.url + audio.get_attribute("src"))
        assert recording.status == 200 and recording.body() == wav()
        if script:
            assert axe_violations(page) == []
        # The red poster's picture sits in its label: clicking it chooses it.
        page.locator('[data-choice="red"] img').click()
        assert page.locator('[name="which"][value="red"]').is_checked()
        # By keyboard too: the blue one.
        page.locator('[name="which"][value="blue"]').focus()
        page.keyboard.press("Space")
        assert page.locator('[name="which"][value="blue"]').is_checked()
        press(page, "button", text["next"])
        press(page, "button", text["send"])
        answers = Response.objects.get(
            respondent__questionnaire=questionnaire, respondent__language=language
        ).answers
        assert answers["which"] == "blue"
        assert all(url.startswith(live_server.url) for url in asked)  # no other site asked


SITES = xlsx(
    [
        row("begin_group", "visits", "Sites", "Sites"),
        row("begin_repeat", "site", "Site", "Site"),
        row("text", "where", "Where?", "Où ?"),
        row("image", "photo", "A photo of the site", "Une photo du site"),
        row("end_repeat"),
        row("end_group"),
    ]
)
SENT_AS = {"en": "Sent: {}.", "fr": "Envoyé\u00a0: {}."}


@pytest.mark.parametrize("script", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_entry_of_a_repeat_keeps_its_own_file(
    browser, live_server, settings, consultation, lead, language, script, tmp_path
):
    from tests.questionnaires.test_form_media import png

    settings.HEARD_PUBLIC_URL = live_server.url
    questionnaire = _open_questionnaire(consultation, lead, "Sites", "Sites")
    services.upload_form(actor=lead, questionnaire=questionnaire, data=SITES, filename="s.xlsx")
    urls = invite_two(questionnaire, consultation, live_server.url)
    quay, pier = tmp_path / "quay.png", tmp_path / "pier.png"
    quay.write_bytes(png("red"))
    pier.write_bytes(png("blue"))
    with _respondent_page(browser, script) as page:
        page.goto(urls[language])
        press(page, "button", TEXTS[language]["start"])
        page.locator('[name="where@1"]').fill("Quay")
        page.locator('[name="photo@1"]').set_input_files(str(quay))
        _click_and_load(page, 'button[value="add:site"]')
        assert SENT_AS[language].format("quay.png") in page.locator(".file-current").inner_text()
        page.locator('[name="where@2"]').fill("Pier")
        page.locator('[name="photo@2"]').set_input_files(str(pier))
        _click_and_load(page, 'button[value="add:site"]')
        page.locator('[name="where@3"]').fill("Dock")
        assert not script or axe_violations(page) == []
        # The first entry taken out: the pier, and its photo, become the first.
        _click_and_load(page, 'button[value="remove:site:1"]')
        assert page.locator('[name="where@1"]').input_value() == "Pier"
        current = page.locator(".file-current").all_inner_texts()
        assert len(current) == 1 and SENT_AS[language].format("pier.png") in current[0]
        response = Response.objects.get(
            respondent__questionnaire=questionnaire, respondent__language=language
        )
        kept = {f.field: bytes(f.content) for f in response.files.all()}
        assert kept == {"photo@1": png("blue")}


LOCKING = xlsx(
    [
        row("begin_group", "p", "Reference", "Référence", appearance="field-list"),
        row("select_one yn", "confirmed", "Confirmed?", "Confirmé ?"),
        row(
            "text",
            "ref",
            "Your reference",
            "Votre référence",
            read_only="${confirmed} = 'yes'",
        ),
        row("end_group"),
        row("text", "more", "Anything else?", "Autre chose ?"),
    ],
    [choice("yn", "yes", "Yes", "Oui"), choice("yn", "no", "No", "Non")],
)


@pytest.mark.parametrize("script", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_read_only_expression_locks_the_answer_it_had(
    browser, live_server, settings, consultation, lead, language, script
):
    settings.HEARD_PUBLIC_URL = live_server.url
    questionnaire = _open_questionnaire(consultation, lead, "Locks", "Verrous")
    services.upload_form(actor=lead, questionnaire=questionnaire, data=LOCKING, filename="l.xlsx")
    urls = invite_two(questionnaire, consultation, live_server.url)
    text = TEXTS[language]
    with _respondent_page(browser, script) as page:
        page.goto(urls[language])
        press(page, "button", text["start"])
        reference = page.locator('[name="ref"]')
        page.locator('[name="confirmed"][value="no"]').check()
        reference.fill("R-1")
        press(page, "button", text["next"])
        press(page, "link", text["back"])
        assert reference.input_value() == "R-1" and reference.is_enabled()
        if script:
            # Locked as soon as it is confirmed, showing the answer the server keeps.
            reference.fill("R-2")
            page.locator('[name="confirmed"][value="yes"]').check()
            assert reference.is_disabled() and reference.input_value() == "R-1"
            assert axe_violations(page) == []
            page.locator('[name="confirmed"][value="no"]').check()
            assert reference.is_enabled()  # and unlocked when it no longer holds
            page.locator('[name="confirmed"][value="yes"]').check()
        else:
            # Sent with a new reference in the same step: the server keeps the one it had.
            page.locator('[name="confirmed"][value="yes"]').check()
            reference.fill("R-2")
        press(page, "button", text["next"])
        press(page, "link", text["back"])
        assert reference.is_disabled() and reference.input_value() == "R-1"
        assert not script or axe_violations(page) == []
        press(page, "button", text["next"])
        press(page, "button", text["next"])
        press(page, "button", text["send"])
        response = Response.objects.get(
            respondent__questionnaire=questionnaire, respondent__language=language
        )
        assert response.state == ResponseState.SUBMITTED
        assert (response.answers["confirmed"], response.answers["ref"]) == ("yes", "R-1")
