"""Staff passwords: changed while signed in, or reset through a link sent by email (outbox)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone

from heard.core.logfilters import redact
from heard.core.models import AuditEvent
from heard.notify.models import Message
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"
NEW = "violet lantern orbits quietly"
LINK = re.compile(r"https?://\S+/password/reset/\S+/")


@pytest.fixture
def ana(db):
    return UserFactory(username="ana", email="Ana@Example.org", first_name="Ana")


def _link(message: Message) -> str:
    return LINK.search(message.payload.replace("=\r\n", "")).group(0)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_signed_in_person_changes_their_password(client, ana, language):
    client.force_login(ana)
    url = f"/{language}/staff/password/"
    assert client.get(url).status_code == 200
    wrong = client.post(url, {"old_password": "not it", "new_password1": NEW, "new_password2": NEW})
    assert wrong.status_code == 200 and 'aria-describedby="id_old_password_error"' in (
        wrong.content.decode()
    )
    weak = client.post(
        url,
        {
            "old_password": PASSWORD,
            "new_password1": "aaaaaaaaaaaa",
            "new_password2": "aaaaaaaaaaaa",
        },
    )
    assert "id_new_password2_error" in weak.content.decode()
    done = client.post(url, {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302 and done["Location"] == f"/{language}/staff/"
    ana.refresh_from_db()
    assert ana.check_password(NEW)
    assert client.get(f"/{language}/staff/").status_code == 200  # still signed in
    assert AuditEvent.objects.filter(action="password.changed", target_id=str(ana.pk)).exists()


@pytest.mark.django_db
def test_the_reset_page_says_the_same_whether_or_not_an_account_has_the_address(client, ana):
    unknown = client.post("/en/staff/password/reset/", {"email": "nobody@example.org"})
    known = client.post("/en/staff/password/reset/", {"email": "ana@example.org"})
    assert unknown["Location"] == known["Location"] == "/en/staff/password/reset/sent/"
    assert [m.recipient for m in Message.objects.filter(kind="password-reset")] == [
        "Ana@Example.org"
    ]
    client.post("/en/staff/password/reset/", {"email": "ana@example.org"})
    assert Message.objects.filter(kind="password-reset").count() == 1  # once in 15 minutes
    bad = client.post("/en/staff/password/reset/", {"email": "not an address"})
    assert bad.status_code == 400 and "id_email_error" in bad.content.decode()


@pytest.mark.django_db
def test_a_reset_link_sets_a_new_password_once(client, ana):
    client.post("/fr/staff/password/reset/", {"email": "ana@example.org"})
    message = Message.objects.get(kind="password-reset")
    link = _link(message)
    assert "/fr/staff/password/reset/" in link  # asked in French, answered in French first
    assert "Réinitialiser" in message.subject
    path = link.split("://", 1)[1].split("/", 1)[1]
    opened = client.get("/" + path)
    # The token leaves the address bar at once: it is kept in the session instead.
    assert opened.status_code == 302 and opened["Location"].endswith("/set-password/")
    form_url = opened["Location"]
    weak = client.post(form_url, {"new_password1": "qwertyuiopas", "new_password2": "qwertyuiopas"})
    assert "id_new_password2_error" in weak.content.decode()
    done = client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302 and done["Location"] == "/fr/staff/login/"
    assert get_user_model().objects.get(pk=ana.pk).check_password(NEW)
    assert AuditEvent.objects.filter(action="password.reset", target_id=str(ana.pk)).exists()
    # Spent: the same link shows why it no longer works.
    again = client.get("/" + path, follow=True)
    assert "ne fonctionne plus" in again.content.decode()
    assert "[token]" in redact(f"GET /{path} 302") and path.split("/")[-2] not in redact(path)


@pytest.mark.django_db
def test_a_reset_link_expires_after_an_hour(client, ana):
    client.post("/en/staff/password/reset/", {"email": "ana@example.org"})
    path = _link(Message.objects.get(kind="password-reset")).split("://", 1)[1].split("/", 1)[1]
    with time_machine.travel(timezone.now() + timedelta(minutes=61)):
        late = client.get("/" + path, follow=True)
    assert "does not work any more" in late.content.decode()


@pytest.mark.django_db
def test_exports_and_role_changes_ask_for_the_password_again_after_ten_minutes(
    client, lead, consultation
):
    client.force_login(lead)  # signing in counts as a check
    export = f"/en/staff/consultations/{consultation.pk}/registry/export.csv"
    assert client.get(export).status_code == 200
    later = timezone.now() + timedelta(minutes=11)
    with time_machine.travel(later):
        asked = client.get(export)
        assert asked.status_code == 302
        assert asked["Location"].startswith("/en/staff/confirm/?next=")
        page = client.get(asked["Location"])
        assert "Confirm your password" in page.content.decode()
        wrong = client.post(asked["Location"], {"password": "not it", "next": export})
        assert wrong.status_code == 400 and "This is not your password." in wrong.content.decode()
        right = client.post(asked["Location"], {"password": PASSWORD, "next": export})
        assert right.status_code == 302 and right["Location"] == export
        assert client.get(export).status_code == 200
        assert AuditEvent.objects.filter(action="password.confirmed").count() == 1
    with time_machine.travel(later + timedelta(minutes=11)):
        # A role change sent with an old check changes nothing: confirm, then send it again.
        members = f"/en/staff/consultations/{consultation.pk}/members/"
        UserFactory(username="newcomer")
        sent = client.post(members, {"username": "newcomer", "role": "viewer"})
        assert sent["Location"] == "/en/staff/confirm/?next=" + members.replace("/", "%2F")
        assert not consultation.memberships.filter(user__username="newcomer").exists()
    # An address elsewhere is never where the confirm page sends back to.
    away = client.post(
        "/en/staff/confirm/", {"password": PASSWORD, "next": "https://evil.example/"}
    )
    assert away["Location"] == "/en/staff/"
