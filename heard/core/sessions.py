"""How long a session lives: the one a personal link opens, and a staff member's.

- A personal link (/r/…, /q/…) is exchanged for a session whose cookie has no expiry date, so it
  ends when the browser closes, and which ends after settings.HEARD_LINK_IDLE_SECONDS without a
  request. People answer from shared computers, and some of them are at risk.
- A staff session ends after settings.HEARD_STAFF_IDLE_SECONDS without a request, and
  settings.HEARD_STAFF_MAX_SECONDS after signing in, whatever happens.

SessionTimeoutMiddleware keeps the time of the last request in the session and refuses a session
past its time. A staff member is signed out and finds the sign-in page with a message saying why;
someone who came by a personal link is sent to a page, in their language, that says to open the
link again (the questionnaire keeps its draft on the server, so what was sent is not lost). On
pages of a timed session a small script (heard/js/session.js) warns before the end, keeps the
session open while the person types or clicks, and leaves the page once the time is up, so that
nothing stays on the screen of a computer left alone.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve
from django.utils.translation import get_language_from_path, ngettext, override

from heard.core.addresses import STAFF_PREFIXES, address
from heard.core.cache_headers import never_cache

LINK = "heard_link"  # the session was opened by a personal link
SEEN = "heard_seen"  # time of the last request (seconds since the epoch)
SINCE = "heard_since"  # time the staff member signed in


def start_link_session(request: HttpRequest) -> None:
    """Exchange a personal link for a session: a new id, and a cookie that ends with the browser."""
    request.session.cycle_key()
    request.session.set_expiry(0)
    request.session[LINK] = True
    request.session[SEEN] = int(time.time())


def _is_staff(session: SessionBase) -> bool:
    return auth.SESSION_KEY in session


def idle_limit(session: SessionBase) -> int | None:
    """Seconds without a request this session may stay open; None for sessions without a limit
    (an anonymous visitor's). A staff member who opened a personal link gets the shorter one."""
    limits = []
    if _is_staff(session):
        limits.append(settings.HEARD_STAFF_IDLE_SECONDS)
    if session.get(LINK):
        limits.append(settings.HEARD_LINK_IDLE_SECONDS)
    return min(limits) if limits else None


def _ended(session: SessionBase, now: int) -> str | None:
    """Why the session is over ("idle" or "lifetime"), or None while it may go on."""
    idle = idle_limit(session)
    if idle is None:
        return None
    since = session.get(SINCE)
    if _is_staff(session) and since is not None and now - since > settings.HEARD_STAFF_MAX_SECONDS:
        return "lifetime"
    seen = session.get(SEEN)
    if seen is not None and now - seen > idle:
        return "idle"
    return None


def _touch(session: SessionBase, now: int, *, force: bool = False) -> None:
    """Record this request as activity. Written at most every minute (sooner for short limits),
    so that a busy page does not rewrite its session on every request."""
    idle = idle_limit(session)
    if idle is None:
        return
    if _is_staff(session) and SINCE not in session:
        session[SINCE] = now
    seen = session.get(SEEN)
    if force or seen is None or now - seen >= min(60, idle // 10):
        session[SEEN] = now


def _minutes(seconds: int) -> int:
    return max(1, math.ceil(seconds / 60))


def _signed_out_message(reason: str) -> str:
    if reason == "lifetime":
        hours = max(1, round(settings.HEARD_STAFF_MAX_SECONDS / 3600))
        return ngettext(
            "You were signed out: a session lasts at most %(hours)s hour. Sign in again to "
            "continue.",
            "You were signed out: a session lasts at most %(hours)s hours. Sign in again to "
            "continue.",
            hours,
        ) % {"hours": hours}
    minutes = _minutes(settings.HEARD_STAFF_IDLE_SECONDS)
    return ngettext(
        "You were signed out after %(minutes)s minute without activity. Sign in again to "
        "continue; anything you had not saved must be entered again.",
        "You were signed out after %(minutes)s minutes without activity. Sign in again to "
        "continue; anything you had not saved must be entered again.",
        minutes,
    ) % {"minutes": minutes}


def _is_probe(request: HttpRequest) -> bool:
    try:
        return resolve(request.path_info).func is session_alive
    except Resolver404:
        return False


class SessionTimeoutMiddleware:
    """Refuse sessions past their idle time or lifetime; record activity on the others.

    Placed after the authentication and message middleware: it signs staff out and leaves them a
    message for the sign-in page.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        now = int(time.time())
        reason = _ended(request.session, now)
        if reason is not None:
            answer = self._end(request, reason)
            if answer is not None:
                return answer
        _touch(request.session, now)
        response = self.get_response(request)
        _touch(request.session, now)  # a session that this request opened (sign-in, link)
        return response

    def _end(self, request: HttpRequest, reason: str) -> HttpResponse | None:
        if _is_probe(request):
            # The page's script asks whether the session is still open: it is not. The next real
            # request (the script reloads the page) gets the page that says so.
            return HttpResponse(status=410)
        staff = _is_staff(request.session)
        by_link = bool(request.session.get(LINK))
        language = get_language_from_path(request.path_info)
        if staff:
            auth.logout(request)  # a new, empty session; request.user becomes anonymous
        else:
            request.session.flush()
        on_staff_page = request.path_info.startswith(STAFF_PREFIXES)
        if staff and on_staff_page:
            # The staff view's login_required sends them to the sign-in page, message and all.
            messages.warning(request, _signed_out_message(reason))
            return None
        if by_link and language and not on_staff_page:
            with override(language):
                return redirect("session_ended")
        # Anything else (opening a personal link again, a public page) goes on with the new,
        # empty session.
        return None


@never_cache
def session_ended(request: HttpRequest) -> HttpResponse:
    """The page a personal-link session ends on, in the language of the address."""
    return render(
        request,
        "core/session_ended.html",
        {"minutes": _minutes(settings.HEARD_LINK_IDLE_SECONDS)},
    )


@never_cache
def session_alive(request: HttpRequest) -> HttpResponse:
    """The page's script says the person is still there (typing, clicking, or the button in the
    warning): 204 and the session's clock starts again; 410 when there is no session to keep."""
    if idle_limit(request.session) is None:
        return HttpResponse(status=410)
    _touch(request.session, int(time.time()), force=True)
    return HttpResponse(status=204)


def timeout(request: HttpRequest) -> dict[str, Any]:
    """Template context: what the warning script needs on pages of a timed session."""
    session = getattr(request, "session", None)
    idle = idle_limit(session) if session is not None else None
    if session is None or idle is None:
        return {}
    now = int(time.time())
    ends_in = ""
    if _is_staff(session) and session.get(SINCE) is not None:
        ends_in = str(max(0, settings.HEARD_STAFF_MAX_SECONDS - (now - session[SINCE])))
    return {
        "session_timeout": {
            "idle": max(0, idle - (now - session.get(SEEN, now))),
            "limit": idle,
            "ends_in": ends_in,
            "alive_url": address("session_alive"),
            "minutes": _minutes(idle),
        }
    }
