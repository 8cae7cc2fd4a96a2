"""heard.core.csrf_field: the Jinja2 pages' CSRF token is Django's, masked with a mask drawn at
once. The pages' forms with it are checked end to end in tests/questionnaires/test_visit_cookie.py."""

from __future__ import annotations

from collections import Counter

from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    CSRF_TOKEN_LENGTH,
    _get_new_csrf_string,
    _unmask_cipher_token,
)
from django.test import RequestFactory

from heard.core.csrf_field import csrf_field, mask, masked_token


def test_a_masked_secret_is_a_token_django_unmasks_to_the_secret():
    secret = _get_new_csrf_string()
    tokens = {mask(secret) for _ in range(200)}
    assert len(tokens) == 200  # a new mask every time
    for token in tokens:
        assert len(token) == CSRF_TOKEN_LENGTH
        assert set(token) <= set(CSRF_ALLOWED_CHARS)
        assert _unmask_cipher_token(token) == secret


def test_every_character_of_the_mask_is_drawn_about_equally_often():
    counts = Counter("".join(mask("a" * 32)[:32] for _ in range(2000)))  # 64,000 characters
    expected = 64_000 / len(CSRF_ALLOWED_CHARS)  # about 1,032 each
    assert set(counts) == set(CSRF_ALLOWED_CHARS)
    # A byte taken modulo 62 without drawing again would give the first eight characters 5/4 of
    # the others' share (1,250 against 1,000): far outside these bounds.
    assert all(0.85 * expected < n < 1.15 * expected for n in counts.values()), counts


def _request(cookie: str | None, secret: str | None):
    request = RequestFactory().get("/")
    if cookie is not None:
        request.COOKIES["csrftoken"] = cookie
    if secret is not None:
        request.META["CSRF_COOKIE"] = secret
    return request


def test_the_cookie_is_not_sent_again_when_the_browser_sent_this_secret():
    secret = _get_new_csrf_string()
    request = _request(secret, secret)
    assert _unmask_cipher_token(masked_token(request)) == secret
    assert not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")


def test_a_new_or_changed_secret_goes_through_django_which_sends_the_cookie():
    first = _request(None, None)
    token = masked_token(first)
    assert first.META["CSRF_COOKIE_NEEDS_UPDATE"] is True  # a first page: the cookie is sent
    assert _unmask_cipher_token(token) == first.META["CSRF_COOKIE"]
    rotated = _request(_get_new_csrf_string(), _get_new_csrf_string())  # a sign-in changed it
    masked_token(rotated)
    assert rotated.META["CSRF_COOKIE_NEEDS_UPDATE"] is True


def test_the_field_is_made_once_per_page():
    secret = _get_new_csrf_string()
    field = csrf_field(_request(secret, secret))["csrf_input"]
    html = field.__html__()
    assert html == str(field)  # shown twice on a page (two forms): the same token
    assert html.startswith('<input type="hidden" name="csrfmiddlewaretoken" value="')
