"""The report screens in a real browser, in English and French, without JavaScript (they have
none): start a report, write a section, build, review, approve, publish; then the public report
and the consultation page that links it. Every page passes axe (in a context with scripts, which
axe needs)."""

from __future__ import annotations

import pytest

from heard.consultations.models import Membership, PublishedDocument, Role
from heard.reports.models import Report
from tests.e2e.axe import axe_violations
from tests.e2e.test_analysis_pages import _finished_run, workbench  # noqa: F401 - fixture
from tests.e2e.test_questionnaire_staff_pages import _signed_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = {
    "en": {
        "start": "Start the report",
        "save": "Save the section",
        "build": "Build a version from today's data",
        "review": "Send for review",
        "approve": "Approve",
        "publish": "Publish on the consultation's page",
        "body": "We received [[responses]] submissions.",
        "expected": "We received",
    },
    "fr": {
        "start": "Commencer le rapport",
        "save": "Enregistrer la section",
        "build": "Produire une version avec les données d'aujourd'hui",
        "review": "Envoyer en révision",
        "approve": "Approuver",
        "publish": "Publier sur la page de la consultation",
        "body": "Nous avons reçu [[responses]] réponses.",
        "expected": "Nous avons reçu",
    },
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_report_from_nothing_to_published(browser, live_server, workbench, language):  # noqa: F811
    consultation, analyst = workbench
    _finished_run(consultation, analyst)
    lead = UserFactory(username="lead-e2e")
    Membership.objects.create(consultation=consultation, user=lead, role=Role.LEAD)
    text = TEXT[language]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    base = f"{live_server.url}/{language}/staff/consultations/{consultation.pk}/reports/"
    try:
        _signed_in(page, live_server, analyst)
        page.goto(base)
        page.get_by_role("button", name=text["start"]).click()
        report = Report.objects.get(consultation=consultation)
        for section in report.sections.all():
            page.goto(base + f"{report.kind}/sections/{section.position}/")
            page.locator("#id_body_en").fill(TEXT["en"]["body"])
            page.locator("#id_body_fr").fill(TEXT["fr"]["body"])
            page.get_by_role("button", name=text["save"]).click()
        page.get_by_role("button", name=text["build"]).click()
        page.get_by_role("button", name=text["review"]).click()
        assert Report.objects.get(pk=report.pk).state == "review"
        context.clear_cookies()
        _signed_in(page, live_server, lead)
        page.goto(base + f"{report.kind}/")
        page.get_by_role("button", name=text["approve"], exact=True).click()
        page.get_by_role("button", name=text["publish"]).click()
        assert PublishedDocument.objects.filter(consultation=consultation).count() == 1
    finally:
        context.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_report_pages_pass_axe(page, live_server, workbench, language):  # noqa: F811
    from heard.reports import services

    consultation, analyst = workbench
    run = _finished_run(consultation, analyst)
    report = services.create_report(actor=analyst, consultation=consultation, kind="full", run=run)
    for section in report.sections.all():
        services.save_section(
            actor=analyst,
            section=section,
            heading_en=section.heading_en,
            heading_fr=section.heading_fr,
            body_en=TEXT["en"]["body"],
            body_fr=TEXT["fr"]["body"],
        )
    version = services.build_version(actor=analyst, report=report)
    services.set_state(actor=analyst, report=report, state="review")
    services.set_state(actor=analyst, report=report, state="approved")
    services.publish(actor=analyst, version=version)
    detailed = services.create_report(
        actor=analyst, consultation=consultation, kind="questionnaire", run=run
    )
    detailed_version = services.build_version(actor=analyst, report=detailed)
    _signed_in(page, live_server, analyst)
    staff = f"{live_server.url}/{language}/staff/consultations/{consultation.pk}/reports/"
    # The questionnaire report's tables and charts, question by question.
    page.goto(staff + f"questionnaire/versions/{detailed_version.number}/{language}/")
    assert page.locator("figure.question-result svg[role=img]").count() > 0
    assert axe_violations(page) == []
    # A review comment on a section, and a second version to compare with the first.
    services.add_comment(
        actor=analyst, section=report.sections.get(position=1), text="Name the four cities."
    )
    first = report.sections.get(position=1)
    services.save_section(
        actor=analyst,
        section=first,
        heading_en=first.heading_en,
        heading_fr=first.heading_fr,
        body_en=TEXT["en"]["body"] + " And more.",
        body_fr=TEXT["fr"]["body"] + " Et plus.",
    )
    newer = services.build_version(actor=analyst, report=report)
    compare = f"full/versions/{newer.number}/compare/{version.number}/{language}/"
    for path in (
        "",
        "full/",
        "full/sections/1/",
        f"full/versions/{version.number}/{language}/",
        compare,
    ):
        page.goto(staff + path)
        assert axe_violations(page) == [], path
    page.goto(staff + compare)
    assert page.locator("table.version-diff ins").count() >= 1
    slug = getattr(consultation, f"slug_{language}")
    word = "consultations"
    page.goto(f"{live_server.url}/{language}/{word}/{slug}/")
    assert axe_violations(page) == []
    page.get_by_role("link", name=report.title_fr if language == "fr" else report.title_en).click()
    assert TEXT[language]["expected"] in page.locator("article.report").inner_text()
    assert page.locator("html").get_attribute("lang") == language
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_demo_publishes_both_reports_linked_from_the_page(
    page,
    live_server,
    workbench,  # noqa: F811
    language,
):
    """What `make demo` publishes: the consultation page links both reports in each language;
    each report page passes axe and offers its tagged PDF in that language, and its Word file."""
    import io

    from pypdf import PdfReader

    from heard.analysis.demo import populate as populate_analysis
    from heard.reports.demo import populate as populate_reports

    consultation, _analyst = workbench
    populate_analysis(consultation)
    assert len(populate_reports(consultation).published) == 2
    slug = getattr(consultation, f"slug_{language}")
    home = f"{live_server.url}/{language}/consultations/{slug}/"
    page.goto(home)
    links = page.locator("ul.published-reports > li > a:not([download])")
    assert links.count() == 2
    # "We asked / You said / We did", above the reports, its figures resolved.
    summary = page.locator(".report-summary")
    assert summary.count() == 1 and "[[" not in summary.inner_text()
    assert axe_violations(page) == []
    for index in range(2):
        page.goto(home)
        title = links.nth(index).inner_text()
        links.nth(index).click()
        page.wait_for_load_state()
        assert page.locator("h1").first.inner_text() == title
        assert axe_violations(page) == [], page.url
        pdf_url = page.locator(".downloads a").first.get_attribute("href")
        answer = page.request.get(live_server.url + pdf_url)
        assert answer.headers["content-type"] == "application/pdf"
        reader = PdfReader(io.BytesIO(answer.body()))
        assert reader.trailer["/Root"]["/Lang"] == f"{language}-CA"
        assert "/StructTreeRoot" in reader.trailer["/Root"]
        word_url = page.locator(".downloads a").nth(1).get_attribute("href")
        assert page.request.get(live_server.url + word_url).ok
