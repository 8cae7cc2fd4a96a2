"""The questionnaire's staff screens in a real browser, in English and French: an XLSForm with
mistakes is refused with its places, the screens have no accessibility violations, a request is
approved with the keyboard; and the public request page."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone

from heard.questionnaires import services
from heard.questionnaires.models import AccessRequest
from tests.conftest import DEMO
from tests.e2e.axe import axe_violations
from tests.factories import ConsultationFactory, MembershipFactory, UserFactory
from tests.questionnaires.builders import row, xlsx

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def staff_setup(live_server, settings):
    settings.HEARD_PUBLIC_URL = live_server.url
    consultation = ConsultationFactory(is_published=True, published_at=timezone.now())
    lead = UserFactory(username="q-lead")
    MembershipFactory(consultation=consultation, user=lead, role="lead")
    questionnaire = services.create_questionnaire(
        actor=lead,
        consultation=consultation,
        title_en="Our questions",
        title_fr="Nos questions",
        privacy_notice_en="Why we ask.",
        privacy_notice_fr="Pourquoi nous demandons.",
        opens_at=timezone.now() - timedelta(days=1),
        closes_at=timezone.now() + timedelta(days=10),
    )
    services.upload_form(
        actor=lead,
        questionnaire=questionnaire,
        data=(DEMO / "questionnaire.xlsx").read_bytes(),
        filename="questionnaire.xlsx",
    )
    return consultation, questionnaire, lead


def _signed_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def test_the_questionnaire_staff_screens(page, live_server, staff_setup, tmp_path):
    consultation, questionnaire, lead = staff_setup
    _signed_in(page, live_server, lead)
    base = f"/staff/consultations/{consultation.pk}/questionnaires/{questionnaire.pk}/"
    for language in ("en", "fr"):
        for suffix in (
            "",
            "edit/",
            "dashboard/",
            "people/",
            "requests/",
            "responses/",
            "responses/new/",
        ):
            page.goto(f"{live_server.url}/{language}{base}{suffix}")
            assert axe_violations(page) == [], (language, suffix)

    # A form with two mistakes: both are named with sheet, row and column.
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(
        xlsx(
            [
                row("text", "2q", "A question", "Une question"),
                row("osm", "where", "Where?", "Où ?"),
            ]
        )
    )
    page.goto(f"{live_server.url}/en{base}")
    page.get_by_label("XLSForm file").set_input_files(str(bad))
    page.get_by_role("button", name="Upload the form").click()
    alert = page.locator(".error-summary").first
    text = alert.inner_text()
    assert "2 problems" in text
    assert "sheet “survey”, row 2, column “name”" in text
    assert "row 3" in text and "osm" in text
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    ("language", "field", "button", "said", "heading", "why", "empty_heading"),
    [
        (
            "en",
            "XLSForm file",
            "Upload the form",
            "1 row was not imported (deviceid)",
            "Rows not imported",
            "a web page cannot read a device's identifier",
            "Answers read as empty",
        ),
        (
            "fr",
            "Fichier XLSForm",
            "Téléverser le formulaire",
            "1 ligne n’a pas été importée (deviceid)",
            "Lignes non importées",
            "une page Web ne peut pas lire l’identifiant d’un appareil",
            "Réponses lues comme vides",
        ),
    ],
)
def test_a_row_recording_the_device_is_set_aside_and_listed_with_why(
    page,
    live_server,
    staff_setup,
    tmp_path,
    language,
    field,
    button,
    said,
    heading,
    why,
    empty_heading,
):
    consultation, questionnaire, lead = staff_setup
    _signed_in(page, live_server, lead)
    form = tmp_path / "form.xlsx"
    form.write_bytes(
        xlsx(
            [
                row("deviceid", "device"),
                row("text", "q", "A question", "Une question", default="${last-saved#q}"),
            ]
        )
    )
    base = f"/{language}/staff/consultations/{consultation.pk}/questionnaires/{questionnaire.pk}/"
    page.goto(f"{live_server.url}{base}")
    page.get_by_label(field).set_input_files(str(form))
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()
    assert said in page.locator(".messages").inner_text()
    table = page.get_by_role("table", name=heading)
    assert table.get_by_role("row").nth(1).inner_text().split("\t") == [
        "2",
        "deviceid",
        "device",
        why,
    ]
    empty = page.get_by_role("table", name=empty_heading)
    assert empty.get_by_role("row").nth(1).inner_text().split("\t") == [
        "survey",
        "3",
        "default",
        "${last-saved#q}",
    ]
    assert axe_violations(page) == []


def test_a_request_for_access_is_made_and_approved_by_keyboard(page, live_server, staff_setup):
    consultation, questionnaire, lead = staff_setup
    page.goto(f"{live_server.url}/fr/questionnaire/{questionnaire.pk}/access/")
    assert axe_violations(page) == []
    page.get_by_label("Votre nom").fill("Camille Exemple")
    page.get_by_label("Adresse courriel").fill("camille@example.org")
    page.get_by_role("button", name="Envoyer ma demande").click()
    assert axe_violations(page) == []
    assert AccessRequest.objects.get().language == "fr"

    _signed_in(page, live_server, lead)
    base = f"/en/staff/consultations/{consultation.pk}/questionnaires/{questionnaire.pk}/"
    page.goto(f"{live_server.url}{base}requests/")
    approve = page.get_by_role("button", name="Approve and send a link Camille Exemple")
    approve.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "Approved" in page.locator(".messages").inner_text()
    assert AccessRequest.objects.get().state == "approved"
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    ("language", "closes", "save", "saved", "history"),
    [
        ("en", "Closes", "Save", "Changes saved.", "History"),
        ("fr", "Clôture", "Enregistrer", "Modifications enregistrées.", "Historique"),
    ],
)
def test_a_changed_closing_date_is_saved_and_in_the_history(
    page, live_server, staff_setup, language, closes, save, saved, history
):
    """The respondent guide reopens the demo questionnaire this way: the date must really change."""
    consultation, questionnaire, lead = staff_setup
    _signed_in(page, live_server, lead)
    base = f"/{language}/staff/consultations/{consultation.pk}/questionnaires/{questionnaire.pk}/"
    page.goto(f"{live_server.url}{base}edit/")
    page.get_by_label(closes, exact=False).first.fill("2027-06-30T23:59")
    page.get_by_role("button", name=save, exact=True).click()
    assert saved in page.locator(".messages").inner_text()
    questionnaire.refresh_from_db()
    local = questionnaire.closes_at.astimezone(ZoneInfo(consultation.time_zone))
    assert (local.date().isoformat(), local.strftime("%H:%M")) == ("2027-06-30", "23:59")
    page.goto(f"{live_server.url}{base}edit/")
    assert page.get_by_label(closes, exact=False).first.input_value() == "2027-06-30T23:59"
    page.get_by_role("link", name=history, exact=True).click()
    assert "questionnaire.changed" in page.locator("table").inner_text()
    assert "closes_at" in page.locator("table").inner_text()
    assert axe_violations(page) == []


BRIEF_FORM = xlsx(
    [
        row("text", "idea", "Your idea", "Votre idée"),
        row("file", "brief", "Your brief", "Votre mémoire", required="yes"),
    ]
)
DOWNLOAD = {"en": "Download scan.pdf", "fr": "Télécharger scan.pdf"}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_paper_response_s_scan_is_attached_and_downloaded(
    page, live_server, staff_setup, tmp_path, language
):
    consultation, questionnaire, lead = staff_setup
    services.upload_form(
        actor=lead, questionnaire=questionnaire, data=BRIEF_FORM, filename="b.xlsx"
    )
    _signed_in(page, live_server, lead)
    base = (
        f"{live_server.url}/{language}/staff/consultations/{consultation.pk}/questionnaires/"
        f"{questionnaire.pk}/"
    )
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned\n%%EOF\n")
    page.goto(base + "responses/new/")
    page.locator('[name="channel"][value="paper"]').check()
    page.locator('[name="idea"]').fill("More shelters in the north")
    page.locator('[name="brief"]').set_input_files(str(scan))
    assert axe_violations(page) == []
    with page.expect_navigation():
        page.locator("form button[type=submit]").last.click()
    assert "R0" in page.locator("[role=status], .message").first.inner_text()  # saved
    response = questionnaire.respondents.get().response
    page.goto(base + f"responses/{response.pk}/")
    link = page.get_by_role("link", name=DOWNLOAD[language])
    assert axe_violations(page) == []
    with page.expect_download() as download:
        link.press("Enter")  # by keyboard
    saved = tmp_path / "downloaded.pdf"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "scan.pdf"
    assert saved.read_bytes() == b"%PDF-1.4 scanned\n%%EOF\n"
