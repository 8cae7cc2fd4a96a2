"""The second factor in a real browser: a lead enrols an authenticator app and a passkey
(Chromium's virtual authenticator), then signs in with each and with a recovery code, in
English and French, by keyboard where a person would type, checked with axe at each step."""

from __future__ import annotations

import time

import pytest
from django_otp.oath import TOTP

from heard.core.models import AuditEvent
from tests.e2e.axe import axe_violations
from tests.factories import ConsultationFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"
WORDS = {
    "en": {
        "needs": "Your role needs a second factor",
        "add_app": "Add an authenticator app",
        "add_passkey": "Add a passkey",
        "use_passkey": "Use a passkey",
        "step": "Second step of signing in",
        "recovery": "You used a recovery code",
        "home": "My consultations",
    },
    "fr": {
        "needs": "Votre rôle exige un second facteur",
        "add_app": "Ajouter une application d’authentification",
        "add_passkey": "Ajouter une clé d’accès",
        "use_passkey": "Utiliser une clé d’accès",
        "step": "Deuxième étape de l’ouverture de session",
        "recovery": "Vous avez utilisé un code de récupération",
        "home": "Mes consultations",
    },
}


def code_for(typed_secret: str, steps_ahead: int) -> str:
    import base64

    raw = typed_secret.replace(" ", "")
    key = base64.b32decode(raw + "=" * (-len(raw) % 8))
    totp = TOTP(key, step=30, t0=0, digits=6)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def sign_in(page, base: str, language: str) -> None:
    page.goto(f"{base}/{language}/staff/login/")
    page.locator('[name="username"]').fill("lead")
    page.locator('[name="password"]').fill(PASSWORD)
    with page.expect_navigation():
        page.locator('[name="password"]').press("Enter")


def sign_out(page) -> None:
    with page.expect_navigation():
        page.locator('form[action$="/staff/logout/"] button').click()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_lead_enrols_an_app_and_a_passkey_then_signs_in_with_each_and_a_recovery_code(
    browser, live_server, settings, language
):
    settings.HEARD_SECOND_FACTOR_ROLES = ("lead", "analyst")
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    lead = UserFactory(username="lead")
    lead.set_password(PASSWORD)
    lead.save()
    MembershipFactory(consultation=ConsultationFactory(), user=lead, role="lead")
    words = WORDS[language]
    base = live_server.url
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(20_000)
    # A platform authenticator that always says yes: what a laptop's fingerprint reader does.
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    try:
        # 1. Signed in with the password alone, the lead is sent to set up a second factor.
        sign_in(page, base, language)
        assert page.url == f"{base}/{language}/staff/security/"
        assert words["needs"] in page.locator("main").inner_text()
        assert axe_violations(page) == []

        # 2. An authenticator app: scan (or type) the key, give the first code.
        with page.expect_navigation():
            page.get_by_role("link", name=words["add_app"]).click()
        assert page.locator("figure.qr svg").count() == 1
        assert axe_violations(page) == []
        secret = page.locator("code.secret").inner_text()
        page.locator('[name="code"]').fill(code_for(secret, 0))
        with page.expect_navigation():
            page.locator('[name="code"]').press("Enter")
        codes = page.locator(".recovery-codes code").all_inner_texts()
        assert len(codes) == 10
        assert axe_violations(page) == []

        # 3. A passkey, made by the browser's authenticator; the page lists it after.
        page.goto(f"{base}/{language}/staff/security/")
        with page.expect_navigation():
            page.get_by_role("button", name=words["add_passkey"]).click()
        assert page.locator('form[action*="/security/remove/passkey/"]').count() == 1
        assert axe_violations(page) == []
        sign_out(page)

        # 4. Signing in with the passkey.
        sign_in(page, base, language)
        assert "/staff/verify/" in page.url
        assert words["step"] in page.locator("h1").inner_text()
        assert axe_violations(page) == []
        with page.expect_navigation(url=f"{base}/{language}/staff/"):
            page.get_by_role("button", name=words["use_passkey"]).click()
        assert words["home"] in page.locator("h1").inner_text()
        sign_out(page)

        # 5. With a recovery code, typed by keyboard.
        sign_in(page, base, language)
        page.locator('[name="code"]').focus()
        page.keyboard.type(codes[0])
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert words["recovery"] in page.locator("main").inner_text()
        assert axe_violations(page) == []
        sign_out(page)

        # 6. With the app's next code (the one given at enrolment cannot be used again).
        sign_in(page, base, language)
        page.locator('[name="code"]').fill(code_for(secret, 1))
        with page.expect_navigation():
            page.locator('[name="code"]').press("Enter")
        assert words["home"] in page.locator("h1").inner_text()
    finally:
        context.close()
    kinds = list(
        AuditEvent.objects.filter(action="signin.second_factor")
        .order_by("id")
        .values_list("changes__kind", flat=True)
    )
    assert kinds == ["passkey", "recovery", "app"]
