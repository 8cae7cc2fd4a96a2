"""heard.core.cache_headers.never_cache against Django's: the same headers, written at once."""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.cache import add_never_cache_headers
from django.utils.http import parse_http_date
from django.views.decorators.cache import never_cache as djangos

from heard.core.cache_headers import never_cache


def _plain(request):
    return HttpResponse("x")


def _with_max_age(request):
    response = HttpResponse("x")
    response.headers["Cache-Control"] = "max-age=600, public"
    return response


@pytest.mark.parametrize("view", [_plain, _with_max_age])
def test_the_headers_are_djangos(view):
    request = RequestFactory().get("/")
    ours, theirs = never_cache(view)(request), djangos(view)(request)
    assert ours.headers["Cache-Control"] == theirs.headers["Cache-Control"]
    assert abs(parse_http_date(ours["Expires"]) - parse_http_date(theirs["Expires"])) <= 1


def test_a_plain_response_gets_the_five_directives_in_djangos_order():
    expected = HttpResponse("x")
    add_never_cache_headers(expected)
    response = never_cache(_plain)(RequestFactory().get("/"))
    assert response["Cache-Control"] == expected["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_it_refuses_what_it_does_not_handle():
    async def view(request):
        return HttpResponse("x")

    with pytest.raises(TypeError, match="coroutine"):
        never_cache(view)
    with pytest.raises(TypeError, match="HttpRequest"):
        never_cache(_plain)(object())
