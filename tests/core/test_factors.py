"""The second factor for staff: leads and analysts set one up before anything else; after the
password, the code from the app (once only) or a recovery code (once only) opens the staff
pages; the secret is encrypted at rest and codes are kept hashed."""

from __future__ import annotations

import re
import time

import pytest
from django.db import connection
from django.test import Client
from django_otp.oath import TOTP

from heard.core.models import AuditEvent, AuthenticatorApp, RecoveryCode
from tests.factories import ConsultationFactory, MembershipFactory, UserFactory

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _second_factor_on(settings):
    settings.HEARD_SECOND_FACTOR_ROLES = ("lead", "analyst")


def staff(role: str):  # type: ignore[no-untyped-def]
    user = UserFactory(username=role)
    user.set_password(PASSWORD)
    user.save()
    MembershipFactory(consultation=ConsultationFactory(), user=user, role=role)
    return user


def signed_in(username: str) -> Client:
    client = Client()
    response = client.post("/en/staff/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def code_now(secret_hex: str, steps_ahead: int = 0) -> str:
    totp = TOTP(bytes.fromhex(secret_hex), step=30, t0=0, digits=6)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def enrol(client: Client) -> tuple[str, list[str]]:
    page = client.get("/en/staff/security/app/").content.decode()
    typed = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', page).group(1)
    device = AuthenticatorApp.objects.get(confirmed=False)
    import base64

    assert base64.b32decode(typed.replace(" ", "") + "=" * (-len(typed.replace(" ", "")) % 8)) == (
        bytes.fromhex(device.secret)
    )
    assert "<svg" in page and "otpauth" not in page  # the QR is drawn, the address not spelled
    done = client.post("/en/staff/security/app/", {"code": code_now(device.secret)})
    codes = re.findall(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>", done.content.decode())
    return device.secret, codes


@pytest.mark.django_db
def test_a_lead_without_a_second_factor_sets_one_up_before_anything_else():
    staff("lead")
    client = signed_in("lead")
    home = client.get("/en/staff/")
    assert home.status_code == 302 and home["Location"] == "/en/staff/security/"
    assert client.get("/en/staff/consultations/1/").status_code == 302
    page = client.get("/fr/staff/security/").content.decode()
    assert "Votre rôle exige un second facteur" in page

    wrong = client.get("/en/staff/security/app/") and client.post(
        "/en/staff/security/app/", {"code": "000000"}
    )
    assert wrong.status_code == 400 and "This code does not match" in wrong.content.decode()
    secret, codes = enrol(client)

    assert len(codes) == 10 and len(set(codes)) == 10  # shown once, after the first factor
    assert client.get("/en/staff/").status_code == 200
    assert AuditEvent.objects.filter(action="second_factor.added").count() == 1
    # Encrypted at rest; recovery codes kept only as hashes.
    with connection.cursor() as cursor:
        cursor.execute("SELECT secret FROM core_authenticatorapp")
        (stored,) = cursor.fetchone()
        cursor.execute("SELECT code_hash FROM core_recoverycode")
        hashes = [row[0] for row in cursor.fetchall()]
    assert secret not in stored and len(hashes) == 10
    assert not any(code.replace("-", "") in h for code in codes for h in hashes)


@pytest.mark.django_db
def test_after_the_password_a_code_opens_the_staff_pages_once():
    staff("analyst")
    secret, codes = enrol(signed_in("analyst"))

    client = signed_in("analyst")
    asked = client.get("/en/staff/registry-nowhere/")
    assert asked["Location"].startswith("/en/staff/verify/?next=")
    wrong = client.post("/en/staff/verify/", {"code": "123456", "next": "/en/staff/"})
    assert wrong.status_code == 400 and "This code is not right" in wrong.content.decode()
    time.sleep(1.1)  # the throttle after one failure: one second
    code = code_now(secret, steps_ahead=1)  # the next step: the first client used this one
    right = client.post("/en/staff/verify/", {"code": code, "next": "/en/staff/"})
    assert right["Location"] == "/en/staff/"
    assert client.get("/en/staff/").status_code == 200

    # The same code again, in another session: refused (a code works once).
    other = signed_in("analyst")
    again = other.post("/en/staff/verify/", {"code": code, "next": "/en/staff/"})
    assert again.status_code == 400
    # A recovery code works, once, written any way.
    time.sleep(2.1)
    typed = codes[0].upper().replace("-", " ")
    used = other.post("/en/staff/verify/", {"code": typed, "next": "/en/staff/"}, follow=True)
    assert "You used a recovery code: 9 are left." in used.content.decode()
    third = signed_in("analyst")
    time.sleep(1.1)
    assert third.post("/en/staff/verify/", {"code": codes[0]}).status_code == 400
    assert RecoveryCode.objects.count() == 9
    kinds = [
        e.changes["kind"]
        for e in AuditEvent.objects.filter(action="signin.second_factor").order_by("id")
    ]
    assert kinds == ["app", "recovery"]


@pytest.mark.django_db
def test_a_viewer_may_go_without_and_a_lead_cannot_remove_the_last_factor():
    staff("viewer")
    assert signed_in("viewer").get("/en/staff/").status_code == 200

    staff("lead")
    client = signed_in("lead")
    enrol(client)
    app = AuthenticatorApp.objects.get(user__username="lead")
    refused = client.post(f"/en/staff/security/remove/app/{app.pk}/", follow=True)
    assert "add another authenticator app or passkey" in refused.content.decode()
    assert AuthenticatorApp.objects.filter(pk=app.pk).exists()


@pytest.mark.django_db
def test_an_administrator_resets_a_lost_second_factor(capsys):
    from django.core.management import call_command

    staff("lead")
    client = signed_in("lead")
    enrol(client)
    assert client.get("/en/staff/").status_code == 200
    call_command("reset_second_factor", "lead")
    assert "Removed 2 second factor(s) of lead" in capsys.readouterr().out
    assert client.get("/en/staff/")["Location"].startswith("/en/staff/login/")  # signed out
    again = signed_in("lead")
    assert again.get("/en/staff/")["Location"] == "/en/staff/security/"  # set up a new one
    assert AuditEvent.objects.filter(action="second_factor.reset").count() == 1


@pytest.mark.django_db
def test_a_recovery_code_does_not_hold_back_the_app_nor_an_app_code_the_recovery_codes():
    # Both are typed in the same box and tried on each device: a code that cannot be a device's
    # kind is no guess at it, so it must not count towards that device's throttle (found when a
    # sign-in with the app right after one with a recovery code was refused).
    staff("lead")
    secret, codes = enrol(signed_in("lead"))
    first = signed_in("lead")
    used = first.post("/en/staff/verify/", {"code": codes[0], "next": "/en/staff/"})
    assert used["Location"] == "/en/staff/"
    second = signed_in("lead")  # at once: no wait for a throttle
    code = code_now(secret, steps_ahead=1)
    assert second.post("/en/staff/verify/", {"code": code})["Location"] == "/en/staff/"
    app = AuthenticatorApp.objects.get()
    assert app.throttling_failure_count == 0
    third = signed_in("lead")
    assert third.post("/en/staff/verify/", {"code": codes[1]})["Location"] == "/en/staff/"
