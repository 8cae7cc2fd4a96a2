"""`never_cache` for the busiest views, its headers written at once.

Django's decorator (`add_never_cache_headers`) reads the Cache-Control header back, parses it
with a regular expression and writes it out again, twice, then formats the Expires date: about
40 µs of every respondent request, to arrive at the same five directives each time. This one
writes them directly when the view set neither header, which is what Django's would have written
(tests/core/test_cache_headers.py compares the two); a view that set either gets Django's, which
merges them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import lru_cache, wraps
from inspect import iscoroutinefunction
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.http import http_date

# What add_never_cache_headers gives a response without caching headers, in its order.
NEVER = "max-age=0, no-cache, no-store, must-revalidate, private"

View = Callable[..., HttpResponse]


def never_cache(view: View) -> View:
    """Django's `never_cache` for a function view (a view of a class or a coroutine is refused,
    as this one does not handle them)."""
    if iscoroutinefunction(view):
        raise TypeError(f"{view.__name__} is a coroutine: use Django's never_cache")

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not isinstance(request, HttpRequest):
            raise TypeError(f"{view.__name__} did not receive an HttpRequest")
        response = view(request, *args, **kwargs)
        headers = response.headers
        if "Cache-Control" in headers or "Expires" in headers:
            add_never_cache_headers(response)
        else:
            headers["Expires"] = _expires(int(time.time()))
            headers["Cache-Control"] = NEVER
        return response

    return wrapped


@lru_cache(maxsize=2)
def _expires(second: int) -> str:
    # Formatting a date costs more than the rest: once a second is enough, as the date says no more.
    return http_date(second)
