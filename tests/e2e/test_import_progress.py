"""An import's progress page in a real browser, in English and French: a polite live region
updated by script, never a page that reloads itself, and a "Check again" link without JavaScript.
The import is run by the worker's own code while the page is open."""

from __future__ import annotations

import pytest

from heard.core.jobs import enqueue, run_next
from heard.stakeholders import jobs as import_jobs
from heard.stakeholders.models import Person
from tests.e2e.axe import axe_violations
from tests.e2e.test_questionnaire_staff_pages import _signed_in
from tests.factories import ConsultationFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

TEXTS = {
    "en": ("Waiting for the worker to start…", "Import finished", "3 people added", "Check again"),
    "fr": (
        "En attente du processus d'arrière-plan…",
        "Importation terminée",
        "3 personnes ajoutées",
        "Vérifier de nouveau",
    ),
}


@pytest.fixture
def waiting_import(tmp_path, monkeypatch):
    monkeypatch.setattr(import_jobs, "UPLOADS", tmp_path / "uploads")
    consultation = ConsultationFactory()
    lead = UserFactory(username="import-lead")
    MembershipFactory(consultation=consultation, user=lead, role="lead")
    rows = "".join(f"Person {n},person{n}@example.org\n" for n in range(3))
    token = import_jobs.store_upload(f"name,email\n{rows}".encode(), "csv")
    job = enqueue(
        kind="stakeholders.import",
        scope=consultation.scope,
        actor=lead,
        payload={
            "consultation": consultation.pk,
            "token": token,
            "suffix": "csv",
            "name": "people.csv",
            "mapping": {"name": "name", "email": "email"},
        },
    )
    return consultation, lead, job


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_page_follows_the_import_without_reloading(page, live_server, waiting_import, language):
    consultation, lead, job = waiting_import
    waiting, finished, added, _link = TEXTS[language]
    _signed_in(page, live_server, lead)
    page.goto(
        f"{live_server.url}/{language}/staff/consultations/{consultation.pk}/registry/import/jobs/{job.pk}/"
    )
    assert page.locator("meta[http-equiv]").count() == 0
    region = page.locator("[role=status][aria-live=polite]")
    assert region.inner_text() == waiting
    assert axe_violations(page) == []
    page.evaluate("() => { window.stillTheSamePage = true; }")

    assert run_next()  # what the worker does, while the page is open
    page.get_by_role("heading", level=1, name=finished).wait_for(timeout=15_000)
    assert page.evaluate("() => window.stillTheSamePage") is True  # updated, not reloaded
    assert added in page.locator("#job").inner_text()
    assert Person.objects.filter(consultation=consultation).count() == 3
    # Finished: the script stopped asking.
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.wait_for_timeout(5000)
    assert not [url for url in asked if "status.json" in url]
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_without_javascript_a_link_checks_again(browser, live_server, waiting_import, language):
    consultation, lead, job = waiting_import
    waiting, finished, added, link = TEXTS[language]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        _signed_in(page, live_server, lead)
        page.goto(
            f"{live_server.url}/{language}/staff/consultations/{consultation.pk}/registry/import/jobs/{job.pk}/"
        )
        assert waiting in page.locator("[role=status]").inner_text()
        assert run_next()
        page.get_by_role("link", name=link).click()
        assert page.get_by_role("heading", level=1).inner_text() == finished
        assert added in page.locator("#job").inner_text()
    finally:
        context.close()
