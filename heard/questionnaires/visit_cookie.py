"""The visit cookie: which respondent a personal link's session is for, so that one query reads
the session's row and the respondent's visit together (ADR 0023).

Every request of a respondent reads two things: the session (Django's row, which holds the
respondent's id and link) and the visit (the respondent, their response, the questionnaire:
heard.questionnaires.selectors). The second needs what the first holds, so they took two queries.
When a link is opened, the response also sets `heard_visit`, a cookie holding only the
respondent's id; `VisitMiddleware` then reads the session's row and that respondent's visit in
one query, gives the row to the session store (which does not read it again) and keeps the visit
for the view.

The cookie decides nothing. The session stays the only thing that opens a questionnaire: a visit
read this way is used only if the session names the same respondent with the same link
(`Visit.holds`), and otherwise the view reads the session's respondent as before. A cookie
changed by hand, left from an earlier link or naming a respondent that is gone costs at most the
query it was meant to save. It holds a number and nothing else; like the session cookie it is
sent only over HTTPS in production, is out of scripts' reach, and ends when the browser closes.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from heard.questionnaires import selectors

COOKIE = "heard_visit"
_LONGEST = len(str(2**63))  # an id is a positive whole number below this many digits


def remember(response: HttpResponse, respondent_pk: int) -> None:
    """Name the respondent a new link session is for, until the browser closes."""
    response.set_cookie(
        COOKIE,
        str(respondent_pk),
        path=settings.SESSION_COOKIE_PATH,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def forget(response: HttpResponse) -> None:
    response.delete_cookie(COOKIE, path=settings.SESSION_COOKIE_PATH, samesite="Lax")


def _named(request: HttpRequest) -> int | None:
    value = request.COOKIES.get(COOKIE, "")
    if not value.isdigit() or len(value) >= _LONGEST:
        return None
    return int(value)


class VisitMiddleware:
    """Reads the session with the visit of the respondent the cookie names, in one query.

    Placed right after Django's SessionMiddleware, before anything reads the session. Without
    both cookies, or when the cookie names no respondent, it does nothing and the session is read
    as usual, by the first middleware or view that needs it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        pk = _named(request)
        session = getattr(request, "session", None)
        key = session.session_key if session is not None else None
        if pk is not None and key:
            found = selectors.visit_and_session(pk, key)
            if found is not None:
                session.preload(found.session_data)  # type: ignore[union-attr] # heard's store
                request.heard_visit = found.visit  # type: ignore[attr-defined]
        return self.get_response(request)


def prefetched(request: HttpRequest, pk: int, token_hash: str) -> selectors.Visit | None:
    """The visit the middleware read, if it is the one the session names; once per request (a
    second look reads the database again, as something may have changed it since)."""
    found: selectors.Visit | None = getattr(request, "heard_visit", None)
    if found is None:
        return None
    request.heard_visit = None  # type: ignore[attr-defined]
    return found if found.holds(pk, token_hash) else None
