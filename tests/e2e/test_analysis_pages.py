"""The analysis workbench in a real browser, in English and French, with and without JavaScript:
start a run, follow it while the worker runs it, read its results, review records with the
keyboard, code an excerpt by selecting words (script) or by choosing a sentence (no script).
Every page passes axe."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from heard.analysis.models import Decision, Review, Run, RunRecord, Suggestion
from heard.cli import DEMO_FOLDER, load_everything
from heard.consultations.models import Membership, Role
from heard.core.jobs import run_next
from heard.events.demo import _people as demo_people
from heard.questionnaires.demo import populate as populate_questionnaire
from tests.e2e.axe import axe_violations
from tests.e2e.test_questionnaire_staff_pages import _signed_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

TEXTS = {
    "en": {
        "start": "Start the analysis",
        "waiting": "Waiting for the worker to start…",
        "codes": "Codes",
        "review": "Review the records",
        "applies": "Applies",
        "not": "Does not apply",
        "next": "Save and go to the next record",
        "code_part": "Code this part",
        "check": "Check again",
        "selected": "Selected:",
    },
    "fr": {
        "start": "Lancer l'analyse",
        "waiting": "En attente du processus d'arrière-plan…",
        "codes": "Codes",
        "review": "Réviser les enregistrements",
        "applies": "S'applique",
        "not": "Ne s'applique pas",
        "next": "Enregistrer et passer à l'enregistrement suivant",
        "code_part": "Coder cette partie",
        "check": "Vérifier de nouveau",
        "selected": "Passage choisi",
    },
}


def _finished_run(consultation, analyst) -> Run:
    """A run of the questionnaire's answers, finished by the worker's own code."""
    from heard.analysis import selectors, services

    services.start_run(
        actor=analyst,
        consultation=consultation,
        questions=[question.name for question in selectors.text_questions(consultation)],
        notes=False,
        use_codebook=True,
        baseline=None,
    )
    assert run_next()
    return Run.objects.get(consultation=consultation)


@pytest.fixture
def workbench(settings):
    settings.HEARD_ANALYSIS_PROCESSES = 1
    settings.HEARD_ANALYSIS_MEANING = "off"  # words only: the sentence model has tests of its own
    consultation = load_everything(DEMO_FOLDER)[0].consultation
    demo_people(consultation)
    populate_questionnaire(consultation, DEMO_FOLDER)
    analyst = UserFactory(username="analyst-e2e")
    Membership.objects.create(consultation=consultation, user=analyst, role=Role.ANALYST)
    return consultation, analyst


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_analyst_runs_and_reviews_with_the_keyboard(page, live_server, workbench, language):
    consultation, analyst = workbench
    text = TEXTS[language]
    _signed_in(page, live_server, analyst)
    base = f"{live_server.url}/{language}/staff/consultations/{consultation.pk}/analysis/"
    page.goto(base)
    assert axe_violations(page) == []
    page.get_by_role("button", name=text["start"]).click()

    region = page.locator("[role=status][aria-live=polite]")
    assert region.inner_text() == text["waiting"]
    assert page.locator("meta[http-equiv]").count() == 0
    assert axe_violations(page) == []
    page.evaluate("() => { window.stillTheSamePage = true; }")
    assert run_next()  # the worker, while the page is open
    page.get_by_role("heading", level=2, name=text["codes"], exact=True).wait_for(timeout=20_000)
    assert page.evaluate("() => window.stillTheSamePage") is True
    assert axe_violations(page) == []

    run = Run.objects.get(consultation=consultation)
    page.get_by_role("link", name=text["review"], exact=True).click()
    assert axe_violations(page) == []
    first = RunRecord.objects.filter(run=run).order_by("position").first()
    page.get_by_role("link", name=first.key, exact=True).click()
    assert axe_violations(page) == []

    # Keyboard only: into the first code's radio group, pick "does not apply", save and move on.
    codes = list(
        Suggestion.objects.filter(record=first, part="whole").values_list("code", flat=True)
    )
    assert codes, "the engine suggested codes for the first record"
    page.locator(f"input[name=code_{codes[0]}]").first.focus()
    page.keyboard.press("ArrowRight")  # "Applies"
    page.keyboard.press("ArrowRight")  # "Does not apply"
    assert page.get_by_label(text["not"]).first.is_checked()
    page.get_by_role("button", name=text["next"]).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/records/{first.position + 1}/**")
    decision = Decision.objects.get(record_key=first.key, code=codes[0])
    assert decision.verdict == "rejected" and decision.analyst == analyst
    assert Review.objects.filter(record_key=first.key, analyst=analyst).exists()

    # With the script: select words in the text, choose a code, code that part.
    second = RunRecord.objects.get(run=run, position=first.position + 1)
    page.evaluate(
        """() => {
            const span = document.querySelector('#record-text [data-start]');
            const range = document.createRange();
            range.setStart(span.firstChild, 0);
            range.setEnd(span.firstChild, Math.min(12, span.firstChild.length));
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            document.getElementById('record-text').dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        }"""
    )
    assert text["selected"] in page.locator("[data-selection]").inner_text()
    page.locator("#id_code").select_option("gap")
    page.get_by_role("button", name=text["code_part"]).click()
    excerpt = Decision.objects.get(record_key=second.key, code="gap")
    chosen = second.text[:12].strip()  # the spaces a selection catches at its ends are trimmed
    start = second.text.index(chosen)
    assert (excerpt.excerpt_start, excerpt.excerpt_end) == (start, start + len(chosen))
    assert excerpt.excerpt == chosen
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_without_javascript_everything_still_works(browser, live_server, workbench, language):
    consultation, analyst = workbench
    text = TEXTS[language]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        _signed_in(page, live_server, analyst)
        base = f"{live_server.url}/{language}/staff/consultations/{consultation.pk}/analysis/"
        page.goto(base)
        page.get_by_role("button", name=text["start"]).click()
        assert text["waiting"] in page.locator("[role=status]").inner_text()
        assert run_next()
        page.get_by_role("link", name=text["check"]).click()
        page.get_by_role("link", name=text["review"], exact=True).click()
        run = Run.objects.get(consultation=consultation)
        first = RunRecord.objects.filter(run=run).order_by("position").first()
        page.get_by_role("link", name=first.key, exact=True).click()
        # A sentence, then the code: the excerpt is that sentence.
        page.locator("input[name=sentence]").first.check()
        page.locator("#id_code").select_option("prevention")
        page.get_by_role("button", name=text["code_part"]).click()
        excerpt = Decision.objects.get(record_key=first.key, code="prevention")
        assert excerpt.excerpt and excerpt.excerpt in first.text
        assert excerpt.excerpt_start == first.text.index(excerpt.excerpt)
        # A whole-record verdict.
        codes = list(
            Suggestion.objects.filter(record=first, part="whole").values_list("code", flat=True)
        )
        page.locator(f"input[name=code_{codes[0]}][value=confirmed]").check()
        page.get_by_role("button", name=text["next"]).click()
        assert Decision.objects.get(record_key=first.key, code=codes[0]).verdict == "confirmed"
    finally:
        context.close()


PAGES = {
    "en": {
        "decide": "Decide",
        "save": "Save the decision",
        "approve": "Approve",
        "accept": "Accept it as a new code",
    },
    "fr": {
        "decide": "Décider",
        "save": "Enregistrer la décision",
        "approve": "Approuver",
        "accept": "L'accepter comme nouveau code",
    },
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_codebook_themes_and_quotes_in_the_browser(page, live_server, workbench, language):
    from heard.analysis import selectors

    consultation, analyst = workbench
    text = PAGES[language]
    run = _finished_run(consultation, analyst)
    _signed_in(page, live_server, analyst)
    base = f"{live_server.url}/{language}/staff/consultations/{consultation.pk}/analysis/"
    for path in ("codebook/", "codebook/codes/new/", "codebook/codes/prevention/"):
        page.goto(base + path)
        assert axe_violations(page) == [], path

    # A candidate theme, accepted as a code through its form.
    theme = selectors.summary_of(run)["themes"]["themes"][0]
    page.goto(base + f"runs/{run.number}/themes/")
    assert axe_violations(page) == []
    section = page.locator(f"section[aria-labelledby=theme-{theme['id']}]")
    section.locator("summary").click()
    section.get_by_label(text["accept"]).check()
    section.locator(f"#id_{theme['id']}-key").fill("theme-from-the-browser")
    section.get_by_role("button", name=text["save"]).click()
    assert axe_violations(page) == []
    from heard.analysis.models import Quote, ThemeDecision

    assert ThemeDecision.objects.get(run=run, theme=theme["id"]).code == "theme-from-the-browser"

    # A quote, approved as it stands.
    page.goto(base + f"runs/{run.number}/quotes/")
    assert axe_violations(page) == []
    page.get_by_role("button", name=text["approve"]).first.click()
    assert Quote.objects.filter(state="approved").count() == 1
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_findings_agreement_and_campaigns_pass_axe(page, live_server, workbench, language):
    consultation, analyst = workbench
    run = _finished_run(consultation, analyst)
    _signed_in(page, live_server, analyst)
    base = f"{live_server.url}/{language}/staff/consultations/{consultation.pk}/analysis/runs/{run.number}/"
    for path in ("findings/", "findings/?segment=region&basis=raw", "agreement/", "campaigns/"):
        page.goto(base + path)
        assert axe_violations(page) == [], path
    # The chart is an image with a name, and its figures are in a table beside it.
    page.goto(base + "findings/?segment=region")
    chart = page.locator("svg[role=img]")
    assert chart.count() == 1 and chart.get_attribute("aria-labelledby")
    assert page.locator("table.findings tbody tr").count() > 1
    # Keyboard: from a count, Enter opens the records behind it.
    link = page.locator("table.findings tbody td a").first
    expected = link.inner_text().split()[0]  # "101 records": what the link opens
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/records/?code=*")
    assert f"{expected} " in page.locator("caption").inner_text()


NO_SCRIPT = {
    "en": {
        "save": "Save",
        "split": "Split it into two new codes",
        "save_decision": "Save the decision",
        "approve": "Approve",
        "show": "Show",
        "import": "Import the file",
        "compare": "Compare",
        "changed": "What changed",
    },
    "fr": {
        "save": "Enregistrer",
        "split": "La scinder en deux nouveaux codes",
        "save_decision": "Enregistrer la décision",
        "approve": "Approuver",
        "show": "Afficher",
        "import": "Importer le fichier",
        "compare": "Comparer",
        "changed": "Ce qui a changé",
    },
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_rest_of_the_workbench_without_javascript(
    browser, live_server, workbench, language, tmp_path
):
    """Codebook, themes (split), quotes, double coding, campaigns, findings, imported files and
    the comparison of two runs, each through its forms alone."""
    from heard.analysis import selectors, services
    from heard.analysis.models import Assignment, Codebook, Quote, RecordFile, ThemeDecision

    consultation, analyst = workbench
    text = NO_SCRIPT[language]
    run = _finished_run(consultation, analyst)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        _signed_in(page, live_server, analyst)
        base = f"{live_server.url}/{language}/staff/consultations/{consultation.pk}/analysis/"
        # A new code in the codebook.
        page.goto(base + "codebook/codes/new/")
        page.locator("#id_key").fill("no-script-code")
        page.locator("#id_name_en").fill("Added without a script")
        page.locator("#id_name_fr").fill("Ajouté sans script")
        page.get_by_role("button", name=text["save"], exact=True).click()
        assert "no-script-code" in str(Codebook.objects.get(consultation=consultation).data)
        # A candidate theme split in two, from its prefilled form.
        theme = next(
            t
            for t in selectors.summary_of(run)["themes"]["themes"]
            if len(t["key_phrases"]["en"]) >= 2
        )
        page.goto(base + f"runs/{run.number}/themes/")
        section = page.locator(f"section[aria-labelledby=theme-{theme['id']}]")
        section.locator("summary").click()
        section.get_by_label(text["split"]).check()
        section.get_by_role("button", name=text["save_decision"]).click()
        decision = ThemeDecision.objects.get(run=run, theme=theme["id"])
        assert decision.verdict == "split" and len(decision.split_into) == 2
        # A quote approved.
        page.goto(base + f"runs/{run.number}/quotes/")
        page.get_by_role("button", name=text["approve"]).first.click()
        assert Quote.objects.filter(state="approved").count() == 1
        # A double-coding sample given to two analysts, and the campaigns read.
        second_analyst = UserFactory(username="analyst-two")
        Membership.objects.create(consultation=consultation, user=second_analyst, role=Role.ANALYST)
        page.goto(base + f"runs/{run.number}/agreement/")
        page.locator("#id_first").select_option(str(analyst.pk))
        page.locator("#id_second").select_option(str(second_analyst.pk))
        page.locator("#id_size").fill("10")
        page.locator("form.narrow button[type=submit]").click()
        assert Assignment.objects.filter(analyst=second_analyst).count() == 10
        response = page.goto(base + f"runs/{run.number}/campaigns/")
        assert response is not None and response.status == 200
        assert page.locator("h1").count() == 1
        # The explorer by language, chosen with its form.
        page.goto(base + f"runs/{run.number}/findings/")
        page.locator("#x-segment").select_option("language")
        page.get_by_role("button", name=text["show"]).click()
        # The click returns once the new page is committed, maybe before it is parsed: wait for it.
        page.wait_for_load_state("load")
        assert "segment=language" in page.url
        assert page.locator("table.findings th[scope=col]").count() >= 3  # label, overall, values
        expect(page.locator("table.findings tbody tr").nth(1)).to_be_attached()
        # A file of email submissions imported.
        upload = tmp_path / "emails.csv"
        upload.write_text("text,region\nShelters need stable funding.,ON\n", encoding="utf-8")
        page.goto(base + "files/")
        page.locator("#id_name").fill("Emails")
        page.locator("#id_upload").set_input_files(str(upload))
        page.get_by_role("button", name=text["import"], exact=True).click()
        assert RecordFile.objects.get(consultation=consultation).records == 1
        # A second run, compared with the first.
        services.start_run(
            actor=analyst,
            consultation=consultation,
            questions=[q.name for q in selectors.text_questions(consultation)],
            notes=False,
            use_codebook=True,
            baseline=None,
            files=[RecordFile.objects.get().pk],
        )
        assert run_next()
        page.goto(base + "runs/1/compare/")
        page.locator("#compare-with").select_option("2")
        page.get_by_role("button", name=text["compare"], exact=True).click()
        assert "with=2" in page.url
        # As above, the new page may be committed but not yet parsed: let the locator wait for it.
        expect(page.get_by_role("heading", name=text["changed"])).to_have_count(1)
        assert "no-script-code" in page.content()
    finally:
        context.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_imported_files_and_the_comparison_pass_axe(page, live_server, workbench, language):
    consultation, analyst = workbench
    _finished_run(consultation, analyst)
    _signed_in(page, live_server, analyst)
    base = f"{live_server.url}/{language}/staff/consultations/{consultation.pk}/analysis/"
    for path in ("files/", "runs/1/compare/"):
        page.goto(base + path)
        assert axe_violations(page) == [], path
    # A refused file: the problems are announced and named by row and column.
    page.goto(base + "files/")
    page.locator("#id_name").fill("Emails")
    page.locator("#id_upload").set_input_files(
        files=[{"name": "emails.csv", "mimeType": "text/csv", "buffer": b"text,date\nHi,May\n"}]
    )
    page.locator("form.narrow button[type=submit]").click()
    alert = page.locator(".error-summary[role=alert]")
    expect(alert).to_have_count(1)
    assert "2" in alert.inner_text()
    assert axe_violations(page) == []
