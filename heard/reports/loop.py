"""Closing the loop: email the published report to the people it was promised to, each in their
own language (theirs first, then the other, as every Heard email): everyone checked in at a
session, and every respondent who ticked "email me the report" when sending their answers.

One email per address and report, whoever they are on both lists; nobody marked "do not
contact" in the registry; nothing sent twice (the outbox's dedupe key holds even if the lead
presses the button again, or after a correction). Queued in the transaction that records it, so
the outbox and the History agree (ADR 0004).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from heard.core import audit
from heard.core.bilingual import in_language
from heard.events.models import Attendance
from heard.notify import bilingual
from heard.notify.models import Message
from heard.notify.services import queue_email
from heard.questionnaires.models import AccessRequest, Response, ResponseState
from heard.reports.models import Report, ReportState

SUBJECT = {"en": "Published: ", "fr": "Publié : "}


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str
    language: str
    key: str  # stable per person or respondent, for the outbox's dedupe key


class NotPublished(Exception):
    """Only a published report is sent."""


def recipients(report: Report) -> list[Recipient]:
    """Who is told of the report, each address once (a participant first, as the registry has
    their language; then respondents who asked for it)."""
    consultation = report.consultation
    found: dict[str, Recipient] = {}
    attended = (
        Attendance.objects.filter(
            invitation__session__schedule_item__consultation=consultation,
            invitation__person__do_not_contact=False,
        )
        .select_related("invitation__person")
        .order_by("invitation__person_id")
    )
    for attendance in attended:
        person = attendance.invitation.person
        address = person.email.strip()
        if address and address.lower() not in found:
            found[address.lower()] = Recipient(
                address, person.name, person.language, f"person:{person.pk}"
            )
    asked = (
        Response.objects.filter(
            respondent__questionnaire__consultation=consultation,
            state=ResponseState.SUBMITTED,
            wants_report=True,
        )
        .select_related("respondent__person")
        .order_by("pk")
    )
    requests = {
        request.respondent_id: request
        for request in AccessRequest.objects.filter(
            questionnaire__consultation=consultation, respondent__isnull=False
        )
    }
    for response in asked:
        registered = response.respondent.person
        if registered is not None:
            if registered.do_not_contact:
                continue
            address, name = registered.email, registered.name
            key = f"person:{registered.pk}"
        elif response.respondent_id in requests:
            request = requests[response.respondent_id]
            address, name, key = request.email, request.name, f"respondent:{response.respondent_id}"
        else:
            continue
        address = address.strip()
        if address and address.lower() not in found:
            found[address.lower()] = Recipient(address, name, response.language, key)
    return list(found.values())


def report_url(report: Report, language: str) -> str:
    consultation = report.consultation
    with override(language):
        path = reverse(
            "reports:public",
            kwargs={"slug": getattr(consultation, f"slug_{language}"), "key": report.kind},
        )
    return settings.HEARD_PUBLIC_URL.rstrip("/") + path


@transaction.atomic
def tell(*, actor: Any, report: Report) -> int:
    """Queue the email to every recipient not yet told of this report; how many were queued."""
    report = Report.objects.select_for_update().select_related("consultation").get(pk=report.pk)
    if report.state != ReportState.PUBLISHED:
        raise NotPublished
    consultation = report.consultation
    version = report.versions.filter(published_at__isnull=False).order_by("-number").first()
    if version is None:  # cannot happen while the state says published; refuse all the same
        raise NotPublished
    titles = {"en": version.title_en, "fr": version.title_fr or version.title_en}
    queued = 0
    already = set(
        Message.objects.filter(dedupe_key__startswith=f"report:{report.pk}:").values_list(
            "dedupe_key", flat=True
        )
    )
    for recipient in recipients(report):
        key = f"report:{report.pk}:{recipient.key}"
        if key in already:
            continue

        def context_for(language: str, recipient: Recipient = recipient) -> dict[str, Any]:
            return {
                "name": recipient.name,
                "title": titles[language],
                "consultation_title": in_language(consultation, "title", language),
                "link": report_url(report, language),
                "consultation_contact": " ".join(
                    part
                    for part in (str(consultation.contact_name), consultation.contact_email)
                    if part
                ),
            }

        queue_email(
            scope=consultation.scope,
            kind="report-published",
            dedupe_key=key,
            to=recipient.email,
            subject=bilingual.subject(SUBJECT, titles, recipient.language),
            text=bilingual.body("reports/email/published.txt", recipient.language, context_for),
            language=recipient.language,
        )
        queued += 1
    now = timezone.now()
    Report.objects.filter(pk=report.pk).update(told_at=now, told_count=report.told_count + queued)
    audit.record(
        actor=actor,
        action="reports.participants_told",
        target=report,
        scope=consultation.scope,
        changes={"report": report.kind, "version": version.number, "queued": queued},
    )
    return queued
