"""Staff screens: set-up, upload, inviting, requests, reminders, reading, entering, withdrawing,
exporting; and who may do each."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pyreadstat
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from heard.core.audit import AuditEvent
from heard.notify.models import Message
from heard.questionnaires import services
from heard.questionnaires.models import AccessRequest, Response, ResponseState
from tests.factories import MembershipFactory, UserFactory
from tests.questionnaires.builders import row, xlsx
from tests.questionnaires.test_respondent import CHOICES, SURVEY, invite_one

LINK = re.compile(r"http://testserver(/q/[A-Za-z0-9_-]+/)")


@pytest.fixture
def small(questionnaire, lead):
    services.upload_form(
        actor=lead, questionnaire=questionnaire, data=xlsx(SURVEY, CHOICES), filename="small.xlsx"
    )
    return questionnaire


@pytest.fixture
def base(small):
    return f"/en/staff/consultations/{small.consultation.pk}/questionnaires/{small.pk}/"


def member(consultation, role):
    user = UserFactory(username=f"{role}-user")
    MembershipFactory(consultation=consultation, user=user, role=role)
    return user


def submitted(questionnaire, settings, client, *, years="12", topics=("prevention",)):
    link, person = invite_one(questionnaire, settings)
    client.get(link)
    client.post("/en/questionnaire/")
    client.post(
        "/en/questionnaire/page/about/",
        {"role": "worker", "years": years, "shown": ["role", "years"]},
    )
    client.post("/en/questionnaire/page/topics/", {"topics": list(topics), "shown": "topics"})
    if len(topics) > 1:
        client.post("/en/questionnaire/page/why/", {"why": "They go together.", "shown": "why"})
    client.post(
        "/en/questionnaire/page/ranking/",
        {
            "ranking__prevention": "1",
            "ranking__protection": "2",
            "ranking__prosecution": "3",
            "shown": "ranking",
        },
    )
    assert client.post("/en/questionnaire/check/")["Location"] == "/en/questionnaire/done/"
    client.logout()
    return Response.objects.get(respondent__person=person)


def test_a_lead_creates_a_questionnaire_and_uploads_its_form(client, consultation, lead):
    client.force_login(lead)
    created = client.post(
        f"/en/staff/consultations/{consultation.pk}/questionnaires/new/",
        {
            "title_en": "Our questions",
            "title_fr": "Nos questions",
            "privacy_notice_en": "Why we ask.",
            "privacy_notice_fr": "Pourquoi nous demandons.",
            "opens_at": "2031-01-01T09:00",
            "closes_at": "2031-02-01T17:00",
            "link_valid_days": "60",
            "reminder_limit": "2",
            "reminder_interval_days": "7",
            "accepts_requests": "on",
        },
    )
    assert created.status_code == 302
    detail = created["Location"]
    bad = xlsx([row("text", "q1", "Question", "Question"), row("osm", "where", "W", "O")])
    page = client.post(detail, {"file": SimpleUploadedFile("form.xlsx", bad)})
    text = page.content.decode()
    assert page.status_code == 400
    assert "sheet “survey”, row 3, column “type”: The type “osm” is not supported" in text
    assert "Nothing was changed." in text
    good = xlsx([row("text", "q1", "Question", "Question")])
    uploaded = client.post(detail, {"file": SimpleUploadedFile("form.xlsx", good)})
    assert uploaded.status_code == 302
    assert "Version 1 is ready: 1 questions on 1 pages." in client.get(detail).content.decode()
    back = client.get(detail + "versions/1/")
    assert back["Content-Type"].startswith("application/vnd.openxmlformats")
    assert AuditEvent.objects.filter(action="questionnaire.version_added").count() == 1


def _uploaded(client, lead, questionnaire, language: str, form: bytes) -> str:
    """The questionnaire's screen in `language` after the lead uploaded `form` there."""
    client.force_login(lead)
    detail = (
        f"/{language}/staff/consultations/{questionnaire.consultation.pk}"
        f"/questionnaires/{questionnaire.pk}/"
    )
    uploaded = client.post(detail, {"file": SimpleUploadedFile("form.xlsx", form)})
    assert uploaded.status_code == 302
    return client.get(detail).content.decode()


@pytest.mark.parametrize(
    ("language", "said", "why"),
    [
        (
            "en",
            "2 rows were not imported (deviceid, username)",
            "respondents do not sign in to answer, so there is no user name to record",
        ),
        (
            "fr",
            "2 lignes n’ont pas été importées (deviceid, username)",
            "les répondants ne se connectent pas pour répondre\u00a0: il n’y a donc pas de nom "
            "d’utilisateur à enregistrer",
        ),
    ],
)
def test_rows_recording_the_device_are_set_aside_and_the_lead_told_why(
    client, questionnaire, lead, language, said, why
):
    form = xlsx(
        [
            row("deviceid", "device"),
            row("text", "q1", "Question", "Question"),
            row("username", "user"),
        ]
    )
    page = _uploaded(client, lead, questionnaire, language, form)
    assert said in page
    table = page[page.index('id="set-aside-title"') :]
    assert '<th scope="row">4</th><td><code>username</code></td>' in table
    assert why in table.replace("&#x27;", "’")
    version = questionnaire.versions.get()
    assert [f["name"] for f in version.definition["fields"]] == ["q1"]


@pytest.mark.parametrize(
    ("language", "heading", "said"),
    [
        ("en", "Answers read as empty", "answers that are always empty in Heard"),
        ("fr", "Réponses lues comme vides", "réponses toujours vides dans Heard"),
    ],
)
def test_a_form_reading_a_device_s_last_saved_answer_is_imported_and_the_lead_told_where(
    client, questionnaire, lead, language, heading, said
):
    form = xlsx(
        [
            row("text", "q1", "Question", "Question", default="${last-saved#q1}"),
            row("deviceid", "device"),
            row("text", "q2", "Seen on ${device}", "Vu sur ${device}"),
        ]
    )
    page = _uploaded(client, lead, questionnaire, language, form)
    assert said in page.replace("&#x27;", "’")
    table = page[page.index('id="read-as-empty-title"') :]
    assert heading in table
    assert '<th scope="row">2</th><td><code>default</code></td>' in table
    assert "<code>${last-saved#q1}</code>" in table
    # A reference to a row set aside reads as empty too, and is listed with the cell reading it.
    assert '<th scope="row">4</th><td><code>label::' in table
    assert "<code>${device}</code>" in table


def test_only_leads_change_and_only_leads_and_analysts_read_answers(
    client, small, base, settings, lead
):
    response = submitted(small, settings, client)
    viewer = member(small.consultation, "viewer")
    analyst = member(small.consultation, "analyst")
    client.force_login(viewer)
    assert client.get(base + "dashboard/").status_code == 200
    assert client.get(base + "responses/").status_code == 403
    assert client.get(base + f"responses/{response.pk}/").status_code == 403
    assert (
        client.get(base + "responses/export/?format=csv&language=en&version=1").status_code == 403
    )
    assert client.post(base + "remind/").status_code == 403
    client.force_login(analyst)
    page = client.get(base + f"responses/{response.pk}/").content.decode()
    assert "Front-line worker" in page
    assert AuditEvent.objects.filter(action="questionnaire.response_read").count() == 1
    assert (
        client.post(base + f"responses/{response.pk}/withdraw/", {"confirm": "yes"}).status_code
        == 403
    )
    stranger = UserFactory(username="stranger")
    client.force_login(stranger)
    assert client.get(base).status_code == 404


def test_exports_open_in_pyreadstat_with_labels_and_are_audited(
    client, small, base, settings, lead, tmp_path
):
    submitted(small, settings, client, years="12", topics=("prevention", "prosecution"))
    client.force_login(lead)
    for language, label in (("en", "Your role"), ("fr", "Votre rôle")):
        sav = client.get(base + f"responses/export/?format=sav&language={language}&version=1")
        assert sav.status_code == 200
        (tmp_path / "r.sav").write_bytes(sav.content)
        frame, meta = pyreadstat.read_sav(str(tmp_path / "r.sav"))
        assert meta.column_names_to_labels["role"] == label
        assert meta.variable_value_labels["role"][1.0] in (
            "Front-line worker",
            "Intervenant de première ligne",
        )
        assert frame["years"].tolist() == [12.0]
        dta = client.get(base + f"responses/export/?format=dta&language={language}&version=1")
        (tmp_path / "r.dta").write_bytes(dta.content)
        frame, meta = pyreadstat.read_dta(str(tmp_path / "r.dta"))
        assert meta.column_names_to_labels["role"] == label
    csv_file = client.get(base + "responses/export/?format=csv&language=en&version=1")
    text = csv_file.content.decode("utf-8-sig")
    import csv

    (first,) = list(csv.DictReader(io.StringIO(text)))
    assert first["years"] == "12" and first["role"] == "worker"
    assert (first["topics_prevention"], first["topics_protection"]) == ("1", "0")
    assert "Ada" not in text and "ada@example.org" not in text  # no one's name or address
    assert AuditEvent.objects.filter(action="questionnaire.exported").count() == 5
    book = client.get(base + "responses/export/?format=xlsx&language=en&version=1")
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(book.content)).worksheets[0]
    assert sheet.max_row == 2


def test_access_requests_are_throttled_decided_once_and_approval_sends_a_working_link(
    client, small, settings, lead, consultation
):
    settings.HEARD_PUBLIC_URL = "http://testserver"
    consultation.is_published = True
    consultation.published_at = timezone.now()
    consultation.save()
    url = f"/en/questionnaire/{small.pk}/access/"
    form = {
        "name": "Sam Requester",
        "organisation": "Harbour Outreach",
        "email": "sam@example.org",
        "reason": "I run a drop-in centre.",
    }
    assert client.post(url, {**form, "email": "not an address"}).status_code == 400
    sent = client.post(url, form)
    assert "Your request has been sent" in sent.content.decode()
    for _ in range(4):
        client.post(url, form)
    refused = client.post(url, form)
    assert refused.status_code == 429
    assert AccessRequest.objects.count() == 5
    request = AccessRequest.objects.first()
    assert request.name == "Sam Requester"

    client.force_login(lead)
    base = f"/en/staff/consultations/{consultation.pk}/questionnaires/{small.pk}/requests/"
    assert "Sam Requester" in client.get(base).content.decode()
    client.post(base, {"request": request.pk, "decision": "approve"})
    client.post(base, {"request": request.pk, "decision": "decline"})  # too late: decided
    request.refresh_from_db()
    assert request.state == AccessRequest.State.APPROVED
    assert AuditEvent.objects.filter(action="questionnaire.request_approved").count() == 1
    message = Message.objects.get(kind="questionnaire-approved")
    client.logout()
    link = LINK.search(message.payload).group(1)
    assert client.get(link)["Location"] == "/en/questionnaire/"
    assert "Start the questionnaire" in client.get("/en/questionnaire/").content.decode()
    other = AccessRequest.objects.exclude(pk=request.pk).first()
    services.decide_request(actor=lead, request=other, approve=False)
    assert Message.objects.filter(kind="questionnaire-declined").count() == 1


def test_reminders_go_only_to_people_who_have_not_submitted_within_limits(
    client, small, settings, lead
):
    done = submitted(small, settings, client)
    link, _person = invite_one_more(small, "bo@example.org")
    base = f"/en/staff/consultations/{small.consultation.pk}/questionnaires/{small.pk}/"
    start = timezone.now()
    counts = []
    for day in (1, 8, 9, 16, 29):
        with time_machine.travel(start + timedelta(days=day)):
            client.force_login(lead)  # staff sessions are short
            before = Message.objects.filter(kind="questionnaire-reminder").count()
            assert client.post(base + "remind/").status_code == 302
            counts.append(Message.objects.filter(kind="questionnaire-reminder").count() - before)
    client.logout()
    # Interval of 7 days, at most 2: day 8 and day 16; nothing for the submitted response.
    assert counts == [0, 1, 0, 1, 0]
    reminders = Message.objects.filter(kind="questionnaire-reminder")
    assert reminders.count() == 2
    assert done.respondent.reminders_sent == 0
    # The earlier link no longer works; the newest one does.
    assert client.get(link).status_code == 404
    newest = LINK.search(reminders.order_by("-id").first().payload).group(1)
    assert client.get(newest).status_code == 302


def invite_one_more(questionnaire, email):
    from heard.core.crypto import blind_index
    from heard.stakeholders.models import Person

    person = Person.objects.create(
        consultation=questionnaire.consultation,
        name="Bo Second",
        email=email,
        email_index=blind_index(email),
    )
    services.invite(actor=None, questionnaire=questionnaire, people=[person])
    message = Message.objects.filter(kind="questionnaire-invitation").order_by("-id").first()
    return LINK.search(message.payload).group(1), person


def test_staff_enter_a_paper_response_and_withdraw_one_on_request(
    client, small, base, settings, lead
):
    client.force_login(lead)
    page = client.get(base + "responses/new/").content.decode()
    assert 'name="role_other"' in page  # every question is offered on paper
    bad = client.post(base + "responses/new/", {"channel": "paper", "language": "fr"})
    assert bad.status_code == 400
    assert "Choose your role" in bad.content.decode()
    saved = client.post(
        base + "responses/new/",
        {
            "channel": "paper",
            "received_on": "2031-01-05",
            "language": "fr",
            "role": "worker",
            "role_other": "ignored: does not apply",
            "years": "30",
            "topics": ["protection"],
        },
    )
    assert saved.status_code == 302
    response = Response.objects.get()
    assert response.channel == "paper" and response.state == ResponseState.SUBMITTED
    assert response.answers == {
        "role": "worker",
        "years": 30,
        "topics": ["protection"],
        "topic_count": "1",
    }
    assert response.entered_by == lead
    withdrawn = client.post(base + f"responses/{response.pk}/withdraw/")
    assert withdrawn.status_code == 302
    response.refresh_from_db()
    assert response.state == ResponseState.SUBMITTED  # not confirmed: nothing happens
    client.post(base + f"responses/{response.pk}/withdraw/", {"confirm": "yes"})
    response.refresh_from_db()
    assert response.state == ResponseState.WITHDRAWN and response.answers == {}
    assert AuditEvent.objects.filter(action="questionnaire.response_withdrawn").count() == 1


def test_dashboard_counts_by_sector_region_and_day(client, small, base, settings, lead):
    submitted(small, settings, client)
    client.force_login(lead)
    page = client.get(base + "dashboard/").content.decode()
    assert "By sector" in page and "By province or territory" in page
    assert "Submissions by day" in page
    totals = re.search(r"<dt>Submitted</dt><dd>(\d+)", page)
    assert totals and totals.group(1) == "1"


def test_a_changed_form_needs_an_explicit_new_version(client, small, base, settings, lead):
    submitted(small, settings, client)
    client.force_login(lead)
    changed = xlsx([*SURVEY, row("text", "extra", "More?", "Plus ?")], CHOICES)
    refused = client.post(base, {"file": SimpleUploadedFile("v2.xlsx", changed)})
    assert refused.status_code == 400
    assert "This version already has answers" in refused.content.decode()
    accepted = client.post(
        base, {"file": SimpleUploadedFile("v2.xlsx", changed), "new_version": "on"}
    )
    assert accepted.status_code == 302
    assert Response.objects.get().version.number == 1
    assert small.current_version.number == 2


def test_a_lead_sees_who_was_sent_a_link_and_stops_one(client, small, base, settings, lead):
    link, _person = invite_one(small, settings)
    client.force_login(lead)
    page = client.get(base + "people/").content.decode()
    assert "Ada Example" in page and "Not started" in page
    respondent = small.respondents.get()
    client.post(base + "people/", {"respondent": respondent.pk})
    assert "Stopped" in client.get(base + "people/").content.decode()
    assert AuditEvent.objects.filter(action="questionnaire.link_revoked").count() == 1
    client.logout()
    assert client.get(link).status_code == 404
    viewer = member(small.consultation, "viewer")
    client.force_login(viewer)
    assert client.get(base + "people/").status_code == 403
