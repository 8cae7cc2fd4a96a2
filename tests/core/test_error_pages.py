"""400, 403 (CSRF failures too), 404 and 500 are the site's own pages, in the language of the
address, or in both languages where the address has none; an expected 403 is one log line."""

from __future__ import annotations

import html
import io
import logging

import pytest
from django.test import Client, RequestFactory
from django.urls import path

from heard.core.logfilters import RedactingFormatter

SITE = 'class="site-header"'  # the site's own layout, not Django's bare page


def _page(response) -> str:
    return html.unescape(response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        ("en", "Page not found", "There is no page at this address"),
        ("fr", "Page introuvable", "Il n'y a pas de page à cette adresse"),
    ],
)
def test_404_in_the_language_of_the_address(client, language, title, text):
    response = client.get(f"/{language}/no-such-page/")
    page = _page(response)
    assert response.status_code == 404
    assert SITE in page and f'<html lang="{language}">' in page
    assert title in page and text in page
    # The toggle leads to the same page in the other language, never to a stray address.
    other = "fr" if language == "en" else "en"
    assert f'href="/{other}/no-such-page/" lang="{other}"' in page


@pytest.mark.django_db
def test_404_without_a_language_shows_both(client):
    response = client.get("/static/heard/no-such-file.css")
    page = _page(response)
    assert response.status_code == 404
    assert SITE in page
    assert "Page not found" in page and "Page introuvable" in page
    assert '<section lang="fr">' in page
    assert 'class="lang-toggle"' not in page  # both languages are already here


@pytest.mark.django_db
def test_404_without_a_language_puts_the_browsers_language_first(client):
    page = _page(client.get("/static/no-such-file.css", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9"))
    assert '<html lang="fr">' in page
    assert page.index("Page introuvable") < page.index("Page not found")
    assert '<section lang="en">' in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title", "reason"),
    [
        ("en", "Not allowed", "Only a consultation lead can do this."),
        ("fr", "Action non permise", "Seul un responsable de la consultation peut faire cela."),
    ],
)
def test_403_in_the_language_of_the_address(client, consultation, viewer, language, title, reason):
    client.force_login(viewer)
    url = f"/{language}/staff/consultations/{consultation.pk}/edit/"
    response = client.get(url)
    page = _page(response)
    assert response.status_code == 403
    assert SITE in page and f'<html lang="{language}">' in page
    assert title in page and reason in page
    assert f'href="/{language}/staff/"' in page  # back to the staff home


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "The form could not be sent"), ("fr", "Le formulaire n'a pas pu être envoyé")],
)
def test_csrf_failure_is_the_sites_page(language, title):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/{language}/staff/login/", {"username": "a", "password": "b"})
    page = _page(response)
    assert response.status_code == 403
    assert SITE in page and f'<html lang="{language}">' in page
    assert title in page
    assert "CSRF" not in page  # no jargon


@pytest.mark.django_db
def test_csrf_failure_without_a_language_shows_both():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/q/no-such-token-0123456789abcdefghijklmnop/", {"x": "1"})
    page = _page(response)
    assert response.status_code == 403
    assert "The form could not be sent" in page and "Le formulaire n'a pas pu être envoyé" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "The request could not be read"), ("fr", "La demande n'a pas pu être lue")],
)
def test_400_is_the_sites_page(client, language, title):
    # More form fields than Django accepts: a SuspiciousOperation, answered with 400.
    fields = {f"f{n}": "x" for n in range(1100)}
    response = client.post(f"/{language}/staff/login/", fields)
    page = _page(response)
    assert response.status_code == 400
    assert SITE in page and f'<html lang="{language}">' in page
    assert title in page


@pytest.mark.django_db
def test_400_for_an_unknown_host_shows_both_languages(client):
    response = client.get("/", HTTP_HOST="attacker.example")
    page = _page(response)
    assert response.status_code == 400
    assert "The request could not be read" in page and "La demande n'a pas pu être lue" in page


def boom(request):
    raise RuntimeError("kaboom")


urlpatterns = [path("boom/", boom)]
handler500 = "heard.core.errors.server_error"


@pytest.mark.urls("tests.core.test_error_pages")
@pytest.mark.django_db
def test_500_is_the_static_bilingual_page():
    response = Client(raise_request_exception=False).get("/boom/")
    page = _page(response)
    assert response.status_code == 500
    assert "Something went wrong" in page and "Une erreur s'est produite" in page
    assert "kaboom" not in page


def test_500_renders_without_the_database_or_the_request_context():
    from heard.core import errors

    # No database access is allowed in this test: any query would fail it.
    response = errors.server_error(RequestFactory().get("/en/"))
    page = _page(response)
    assert response.status_code == 500
    assert "Something went wrong" in page and "Une erreur s'est produite" in page


def test_the_project_uses_the_sites_handlers():
    import heard.urls

    for code in (400, 403, 404, 500):
        assert getattr(heard.urls, f"handler{code}").startswith("heard.core.errors.")
    from django.conf import settings

    assert settings.CSRF_FAILURE_VIEW == "heard.core.errors.csrf_failure"


@pytest.fixture
def request_log():
    """What the django.request and django.security loggers write, through the site's formatter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(RedactingFormatter("%(levelname)s %(name)s %(message)s"))
    loggers = [logging.getLogger(name) for name in ("django.request", "django.security.csrf")]
    for logger in loggers:
        logger.addHandler(handler)
    yield stream
    for logger in loggers:
        logger.removeHandler(handler)


@pytest.mark.django_db
def test_an_expected_403_is_one_log_line(client, consultation, viewer, request_log):
    client.force_login(viewer)
    assert client.get(f"/en/staff/consultations/{consultation.pk}/edit/").status_code == 403
    lines = request_log.getvalue().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("WARNING django.request Forbidden (Permission denied)")
    assert "Only a consultation lead can do this." in lines[0]
    assert "Traceback" not in request_log.getvalue()


@pytest.mark.django_db
def test_a_csrf_failure_is_one_log_line(request_log):
    Client(enforce_csrf_checks=True).post("/en/staff/login/", {"username": "a"})
    lines = request_log.getvalue().splitlines()
    assert len(lines) == 1, lines
    assert "Forbidden (CSRF cookie not set.)" in lines[0]


@pytest.mark.django_db
def test_403_log_lines_stay_redacted(request_log):
    # A 403 on an address that carries a token: the token never reaches the log.
    Client(enforce_csrf_checks=True).post("/q/Abcdefghijklmnopqrstuvwxyz0123456789ABCD/")
    assert "Abcdefghijklmnopqrstuvwxyz0123456789ABCD" not in request_log.getvalue()
    assert "/q/[token]" in request_log.getvalue()
