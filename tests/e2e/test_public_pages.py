"""The hub and the consultation page in a real browser: accessibility, language, keyboard, hosts."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from heard.consultations.loading import load_folder
from tests.e2e.axe import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

EN_PAGE = "/en/consultations/engagement-way-forward-end-human-trafficking/"
FR_PAGE = "/fr/consultations/consultation-voie-a-suivre-mettre-fin-traite-personnes/"


@pytest.fixture
def demo(demo_folder):
    return load_folder(demo_folder).consultation


@pytest.mark.parametrize(
    "path",
    [
        "/en/consultations/",
        "/fr/consultations/",
        EN_PAGE,
        FR_PAGE,
        "/en/consultations/?q=zebra&status=open",
    ],
)
def test_no_accessibility_violations_and_no_other_hosts(
    page, live_server, demo, outside_requests, path
):
    page.goto(live_server.url + path)
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
    assert outside_requests == []


def test_language_toggle_lands_on_the_same_page(page, live_server, demo):
    page.goto(live_server.url + EN_PAGE)
    page.get_by_role("link", name="Français").click()
    assert page.url == live_server.url + FR_PAGE
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "consultation terminée" in page.locator("h1").inner_text()
    page.get_by_role("link", name="English").click()
    assert page.url == live_server.url + EN_PAGE


def test_hub_filters_work_without_javascript(browser, live_server, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/fr/consultations/")
    page.get_by_label("État").select_option("closed")
    page.get_by_label("Rechercher").fill("traite")
    # The click returns once it is delivered; wait for the filtered page before reading it.
    with page.expect_navigation():
        page.get_by_role("button", name="Appliquer").click()
    assert "status=closed" in page.url
    expect(
        page.get_by_role(
            "link",
            name="Consultation sur la voie à suivre pour mettre fin à la traite des personnes",
        )
    ).to_be_visible()
    page.get_by_label("État").select_option("open")
    with page.expect_navigation():
        page.get_by_role("button", name="Appliquer").click()
    assert "status=open" in page.url
    expect(page.get_by_text("Aucune consultation ne correspond à ces filtres.")).to_be_visible()
    context.close()


FOCUSABLE = (
    "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1'])"
)


@pytest.mark.parametrize("path", ["/en/consultations/", FR_PAGE])
def test_everything_is_reachable_by_keyboard(page, live_server, demo, path):
    page.goto(live_server.url + path)
    expected = page.eval_on_selector_all(
        FOCUSABLE,
        "els => els.filter(e => e.offsetParent !== null || e.matches('.skip-link')).length",
    )
    page.eval_on_selector_all(FOCUSABLE, "els => els.forEach((e, i) => e.dataset.kb = i)")
    reached = set()
    for _ in range(expected + 3):
        page.keyboard.press("Tab")
        marker = page.evaluate("() => document.activeElement && document.activeElement.dataset.kb")
        if marker is not None:
            reached.add(marker)
    assert len(reached) == expected
    # The first Tab lands on the skip link, and following it moves focus to the main content.
    page.goto(live_server.url + path)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_the_page_prints_without_navigation(page, live_server, demo):
    page.goto(live_server.url + EN_PAGE)
    page.emulate_media(media="print")
    assert not page.locator(".lang-toggle").is_visible()
    assert page.locator("table.events").is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_the_axe_helper_does_report_violations(page):
    # Guards the guard: a page with known faults must come back with them.
    page.set_content('<html><body><img src="data:,"><a href="/x"></a></body></html>')
    found = {violation["id"] for violation in axe_violations(page)}
    assert {"image-alt", "html-has-lang", "link-name"} <= found
