"""Closing the loop: the "We asked / You said / We did" section on the consultation page, and the
published report emailed through the outbox to session participants and to respondents who
asked for it, each in their language, once, never to anyone marked "do not contact"."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from email import message_from_string, policy

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from heard.consultations.models import ScheduleItem
from heard.core.crypto import blind_index
from heard.core.models import AuditEvent
from heard.events.models import Attendance, Invitation, Session
from heard.notify.models import Message
from heard.questionnaires.models import Response, ResponseState
from heard.reports import loop, services
from heard.reports.models import ReportState
from heard.stakeholders.models import Person


def _report(done_run, analyst, *, publish=True):
    report = services.create_report(
        actor=analyst, consultation=done_run.consultation, kind="full", run=done_run
    )
    for section in report.sections.all():
        english, french = "[[responses]] responses.", "[[responses]] réponses."
        if section.on_page:
            english = "**We asked** what to do. **You said**: [[responses]] answers."
            french = "**Nous avons demandé** quoi faire. **Vous avez répondu** : [[responses]]."
        services.save_section(
            actor=analyst,
            section=section,
            heading_en=section.heading_en,
            heading_fr=section.heading_fr,
            body_en=english,
            body_fr=french,
        )
    version = services.build_version(actor=analyst, report=report)
    if publish:
        services.set_state(actor=analyst, report=report, state=ReportState.REVIEW)
        services.set_state(actor=analyst, report=report, state=ReportState.APPROVED)
        services.publish(actor=analyst, version=version)
    report.refresh_from_db()
    return report


def _attended(consultation, people):
    item = ScheduleItem.objects.filter(consultation=consultation).first()
    now = timezone.now()
    session = Session.objects.create(
        schedule_item=item, starts_at=now, ends_at=now + timedelta(hours=3)
    )
    for number, person in enumerate(people):
        invitation = Invitation.objects.create(
            session=session,
            person=person,
            token_hash=hashlib.sha256(f"t{number}".encode()).hexdigest(),
            link_expires_at=now + timedelta(days=30),
        )
        Attendance.objects.create(invitation=invitation, checked_in_by="door")


@pytest.fixture
def audience(done_run):
    """Three people at a session (one "do not contact", one French-speaking), and two
    respondents who asked for the report (one of them "do not contact" too)."""
    consultation = done_run.consultation
    submitted = list(
        Response.objects.filter(
            respondent__questionnaire__consultation=consultation,
            state=ResponseState.SUBMITTED,
            respondent__person__isnull=False,
        ).select_related("respondent__person")
    )
    asking, refusing = submitted[0], submitted[1]
    taken = {asking.respondent.person_id, refusing.respondent.person_id}
    french, english, hidden = Person.objects.exclude(pk__in=taken).order_by("pk")[:3]
    french.language = "fr"
    french.save()
    hidden.do_not_contact = True
    hidden.save()
    refusing.respondent.person.do_not_contact = True
    refusing.respondent.person.save()
    Response.objects.update(wants_report=False)  # the demo's fiction has its own askers
    Response.objects.filter(pk__in=[asking.pk, refusing.pk]).update(wants_report=True)
    _attended(consultation, [french, english, hidden])
    return {
        "told": {french.email, english.email, asking.respondent.person.email},
        "french": french,
        "not told": {hidden.email, refusing.respondent.person.email},
    }


def test_participants_and_respondents_who_asked_are_told_once_in_their_language(
    done_run, analyst, audience
):
    report = _report(done_run, analyst)
    assert {r.email for r in loop.recipients(report)} == audience["told"]
    assert loop.tell(actor=analyst, report=report) == 3
    sent = Message.objects.filter(kind="report-published")
    assert {m.recipient for m in sent} == audience["told"]
    assert not audience["not told"] & {m.recipient for m in sent}
    french = sent.get(recipient_index=blind_index(audience["french"].email))
    email = message_from_string(french.payload, policy=policy.default)
    assert email["Content-Language"] == "fr"
    assert email["Subject"].startswith("Publié : ")
    body = email.get_body().get_content()
    slug_fr = done_run.consultation.slug_fr
    assert body.index(f"/fr/consultations/{slug_fr}/reports/full/") < body.index(
        "/en/consultations/"
    )
    # Pressed again (or after a correction): nobody is written to twice.
    assert loop.tell(actor=analyst, report=report) == 0
    assert sent.count() == 3
    told = AuditEvent.objects.filter(action="reports.participants_told").order_by("pk")
    assert [event.changes["queued"] for event in told] == [3, 0]


def test_an_unpublished_report_is_not_sent(done_run, analyst, audience):
    report = _report(done_run, analyst, publish=False)
    with pytest.raises(loop.NotPublished):
        loop.tell(actor=analyst, report=report)
    assert not Message.objects.filter(kind="report-published").exists()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_consultation_page_shows_we_asked_you_said_we_did(done_run, analyst, client, language):
    report = _report(done_run, analyst)
    responses = report.versions.get().figures["responses"]["value"]
    consultation = done_run.consultation
    with override(language):
        page = client.get(
            reverse(
                "consultations:detail", kwargs={"slug": getattr(consultation, f"slug_{language}")}
            )
        ).content.decode()
    summary = page.split('class="report-summary"')[1].split("</section>")[0]
    heading = (
        "Nous avons demandé, vous avez répondu, nous avons agi"
        if language == "fr"
        else ("We asked, you said, we did")
    )
    assert heading in summary
    assert f"{int(responses)}" in summary and "[[" not in summary
    assert ("Vous avez répondu" if language == "fr" else "You said") in summary


def test_only_a_lead_sends_it_from_the_report_screen(done_run, analyst, audience, client):
    from heard.consultations.models import Role
    from tests.analysis.conftest import member

    report = _report(done_run, analyst)
    consultation = done_run.consultation
    url = reverse("reports_staff:act", kwargs={"pk": consultation.pk, "kind": "full"})
    client.force_login(analyst)
    assert client.post(url, {"action": "tell"}).status_code == 403
    assert not Message.objects.filter(kind="report-published").exists()
    lead = member(consultation, "lead-loop", Role.LEAD)
    client.force_login(lead)
    screen = client.get(
        reverse("reports_staff:report", kwargs={"pk": consultation.pk, "kind": "full"})
    )
    assert "3 people took part in a session or asked for the report" in screen.content.decode()
    done = client.post(url, {"action": "tell"}, follow=True)
    assert "3 emails queued in the outbox." in done.content.decode()
    assert Message.objects.filter(kind="report-published").count() == 3
    report.refresh_from_db()
    assert report.told_count == 3 and report.told_at is not None
