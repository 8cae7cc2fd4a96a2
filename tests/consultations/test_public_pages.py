"""The hub's filters and search, and what the public may not see."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from heard.consultations.models import Subject
from tests.factories import ConsultationFactory


@pytest.fixture
def several(db):
    health = Subject.objects.create(slug="health", name_en="Health", name_fr="Santé")
    water = ConsultationFactory(
        title_en="Clean water for every community",
        title_fr="De l'eau potable pour toutes les communautés",
        opens_at=datetime(2019, 1, 10, tzinfo=UTC),
        closes_at=datetime(2019, 3, 1, tzinfo=UTC),
    )
    water.subjects.add(health)
    ConsultationFactory(
        title_en="Rail safety",
        title_fr="Sécurité ferroviaire",
        opens_at=datetime(2021, 5, 1, tzinfo=UTC),
        closes_at=datetime(2021, 6, 1, tzinfo=UTC),
    )
    ConsultationFactory(title_en="Draft never shown", is_published=False, published_at=None)
    return water


def test_hub_lists_published_consultations_only(client, several):
    page = client.get("/en/consultations/").content.decode()
    assert "Clean water for every community" in page
    assert "Rail safety" in page
    assert "Draft never shown" not in page
    assert "2 consultations" in page


def test_hub_filters_by_year_subject_and_search(client, several):
    by_year = client.get("/en/consultations/", {"year": "2021"}).content.decode()
    assert "Rail safety" in by_year and "Clean water" not in by_year
    by_subject = client.get("/en/consultations/", {"subject": "health"}).content.decode()
    assert "Clean water" in by_subject and "Rail safety" not in by_subject
    search = client.get("/en/consultations/", {"q": "water community"}).content.decode()
    assert "Clean water" in search and "Rail safety" not in search
    french = client.get("/fr/consultations/", {"q": "ferroviaire"}).content.decode()
    assert "Sécurité ferroviaire" in french and "eau potable" not in french
    nothing = client.get("/en/consultations/", {"q": "zebra"}).content.decode()
    assert "No consultation matches these filters." in nothing


def test_hub_names_filters_it_could_not_use(client, several):
    page = client.get("/en/consultations/", {"status": "sideways", "year": "last"}).content.decode()
    assert "could not be understood and were left out: status, year" in page
    assert "2 consultations" in page


def test_unpublished_consultation_is_not_found(client, db):
    draft = ConsultationFactory(is_published=False, published_at=None)
    assert client.get(f"/en/consultations/{draft.slug_en}/").status_code == 404


def test_root_sends_the_reader_to_a_language(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9")
    assert response.status_code == 302 and response["Location"] == "/fr/"
    assert client.get("/fr/").headers["Location"] == "/fr/consultations/"


def test_markdown_cannot_inject_html_or_script_links(client, db):
    consultation = ConsultationFactory(
        description_en="# Heading\n\n<script>alert(1)</script> [click](javascript:alert(1)) **bold**"
    )
    page = client.get(f"/en/consultations/{consultation.slug_en}/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    assert 'href="javascript:' not in page
    assert "<strong>bold</strong>" in page
    assert page.count("<h1") == 1  # headings in Markdown sit below the page's own
    assert "<h3>Heading</h3>" in page


def test_security_headers_forbid_inline_script_and_other_hosts(client, several):
    response = client.get("/en/consultations/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    page = response.content.decode()
    assert "<script" not in page and "style=" not in page
    assert "http://" not in page.split("</head>")[0] and "https://" not in page.split("</head>")[0]


def test_not_found_page_is_in_the_readers_language(client, db):
    response = client.get("/fr/consultations/nulle-part/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Page introuvable" in page and 'lang="fr"' in page


def test_private_events_are_left_out_of_the_public_summary(client, db):
    consultation = ConsultationFactory()
    from tests.factories import ScheduleItemFactory

    ScheduleItemFactory(
        consultation=consultation, title_en="Open roundtable", visibility="transparent"
    )
    ScheduleItemFactory(
        consultation=consultation, key="hidden", title_en="Survivor circle", visibility="private"
    )
    page = client.get(f"/en/consultations/{consultation.slug_en}/").content.decode()
    assert "Open roundtable" in page and "Survivor circle" not in page
