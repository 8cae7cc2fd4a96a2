"""Every kind of page carries the security headers and cookie flags of the production profile:
anonymous pages, the staff area, password pages, and pages opened by a personal link."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from heard.cli import DEMO_FOLDER, load_everything
from heard.consultations.models import Membership, Role
from heard.core.crypto import blind_index
from heard.events.demo import populate as populate_sessions
from heard.notify.models import Message
from heard.questionnaires import services as questionnaire_services
from heard.questionnaires.demo import populate as populate_questionnaire
from heard.questionnaires.models import Questionnaire
from heard.stakeholders.models import Person
from tests.core.test_settings import PRODUCTION, _run
from tests.factories import UserFactory

# The settings the production profile sets for transport security and cookies, read from the
# real settings module started with HEARD_ENV=production, then applied to this test's Django.
PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({name: getattr(settings, name) for name in %r}))
"""
SECURITY_SETTINGS = [
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE",
    "LANGUAGE_COOKIE_HTTPONLY",
    "LANGUAGE_COOKIE_SAMESITE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
]


@pytest.fixture(scope="module")
def production_settings(tmp_path_factory) -> dict:
    env = {
        **PRODUCTION,
        "HEARD_VAR_DIR": str(tmp_path_factory.mktemp("var")),
        "DJANGO_SETTINGS_MODULE": "heard.settings",
    }
    result = _run(["-c", PROBE % SECURITY_SETTINGS], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _personal_links(consultation) -> list[str]:
    """One questionnaire link and one session invitation link, as their emails give them."""
    questionnaire = Questionnaire.objects.filter(consultation=consultation).first()
    person = Person.objects.create(
        consultation=consultation,
        name="Respondent",
        email="respondent@example.org",
        email_index=blind_index("respondent@example.org"),
        language="fr",
    )
    questionnaire_services.invite(actor=None, questionnaire=questionnaire, people=[person])
    found = {}
    for message in Message.objects.all():
        for kind in ("q", "r"):
            match = re.search(rf"(/{kind}/[A-Za-z0-9_-]+/)", message.payload)
            if match:
                found.setdefault(kind, match.group(1))
    assert set(found) == {"q", "r"}
    return [found["q"], found["r"]]


def _check(response, path: str, sensitive: bool, problems: list[str]) -> None:
    headers = response.headers
    csp = headers.get("Content-Security-Policy", "")

    def need(condition: bool, what: str) -> None:
        if not condition:
            problems.append(f"{path} ({response.status_code}): {what}")

    need("default-src 'self'" in csp, "a content security policy limited to this host")
    need("unsafe-inline" not in csp and "unsafe-eval" not in csp, "no unsafe-inline or -eval")
    need("frame-ancestors 'none'" in csp, "frame-ancestors 'none'")
    need(headers.get("X-Frame-Options") == "DENY", "X-Frame-Options: DENY")
    need(headers.get("X-Content-Type-Options") == "nosniff", "nosniff")
    need(
        headers.get("Referrer-Policy") in ("same-origin", "no-referrer"),
        "a referrer policy that keeps addresses on the site",
    )
    need(
        int(
            (re.search(r"max-age=(\d+)", headers.get("Strict-Transport-Security", "")) or [0, 0])[1]
        )
        >= 31_536_000,
        "HSTS for a year",
    )
    if sensitive:
        need("no-store" in headers.get("Cache-Control", ""), "Cache-Control: no-store")
    for name, morsel in response.cookies.items():
        need(bool(morsel["secure"]), f"cookie {name} Secure")
        need(morsel["samesite"] in ("Lax", "Strict"), f"cookie {name} SameSite")
        if name in ("sessionid", "csrftoken"):
            need(bool(morsel["httponly"]), f"cookie {name} HttpOnly")


@pytest.mark.slow
@pytest.mark.django_db
def test_every_kind_of_page_has_the_production_headers_and_cookie_flags(
    settings, production_settings
):
    for name, value in production_settings.items():
        setattr(settings, name, value)
    consultation = load_everything(DEMO_FOLDER)[0].consultation
    populate_sessions(consultation)
    populate_questionnaire(consultation, DEMO_FOLDER)
    lead = UserFactory(username="lead-headers")
    Membership.objects.create(consultation=consultation, user=lead, role=Role.LEAD)
    pk = consultation.pk
    questionnaire = Questionnaire.objects.filter(consultation=consultation).first()
    problems: list[str] = []

    anonymous = Client()
    for path in [
        "/en/consultations/",
        f"/fr/consultations/{consultation.slug_fr}/",
        "/en/no-such-page/",
        "/fr/invitation/",
    ]:
        _check(anonymous.get(path, secure=True), path, sensitive=False, problems=problems)
    for path in [
        "/en/staff/login/",
        "/fr/staff/password/reset/",
        "/en/staff/password/reset/sent/",
        "/en/staff/password/reset/MQ/not-a-token/",
    ]:
        _check(anonymous.get(path, secure=True), path, sensitive=True, problems=problems)
    posted = anonymous.post("/en/staff/login/", {"username": "x", "password": "y"}, secure=True)
    _check(posted, "sign-in refused", sensitive=True, problems=problems)

    staff = Client()
    staff.force_login(lead)
    for path in [
        "/en/staff/",
        "/fr/staff/password/",
        f"/en/staff/consultations/{pk}/",
        f"/fr/staff/consultations/{pk}/edit/",
        f"/en/staff/consultations/{pk}/members/",
        f"/en/staff/consultations/{pk}/history/",
        f"/fr/staff/consultations/{pk}/privacy/",
        "/en/staff/security/",
        "/fr/staff/security/app/",
        f"/en/staff/consultations/{pk}/registry/",
        f"/fr/staff/consultations/{pk}/outbox/",
        f"/en/staff/consultations/{pk}/sessions/",
        f"/en/staff/consultations/{pk}/questionnaires/{questionnaire.pk}/",
    ]:
        response = staff.get(path, secure=True)
        assert response.status_code == 200, path
        _check(response, path, sensitive=True, problems=problems)

    for link in _personal_links(consultation):
        visitor = Client()
        opened = visitor.get(link, secure=True)
        _check(opened, link.split("/")[1] + " link", sensitive=True, problems=problems)
        page = visitor.get(opened["Location"], secure=True)
        assert page.status_code == 200, opened["Location"]
        _check(page, opened["Location"], sensitive=True, problems=problems)
    assert problems == [], "\n".join(problems)
