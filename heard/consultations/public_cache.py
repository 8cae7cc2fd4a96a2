"""The public pages (the hub and each consultation's page) served from a rendering kept in memory.

Why: the public page is what a crowd opens when a consultation is announced. Rendering it costs
about 6 ms of CPU (queries, Markdown, templates, the whole middleware stack) where a static file
costs 0.3 ms; yet it changes only when someone edits or publishes, and when its status or "time
left" moves on. So each web process keeps the bytes it rendered and serves them again, answering
a browser that already has them with 304 Not Modified (docs/adr/0019).

What keeps it correct, with several processes on one or many machines:

- Every save or delete of a row the pages show (a consultation, its schedule items, related
  links, reporting commitments, published documents, subjects) writes a new random token into
  the one-row table PageRevision, in the same transaction (signals, connected in apps.ready).
  A kept rendering is served only while the token it was rendered under is the database's. The
  token is read before the page's own queries, so a rendering is never filed under a token newer
  than its content. A write made with QuerySet.update() sends no signal: call `changed()` beside
  it if the pages show what it changes.
- How often a process reads the token: settings.HEARD_PUBLIC_PAGE_CHECK_SECONDS (1 s by default;
  0 reads it on every request). A process that commits a change reads it again at once, so a
  single process never serves a changed page; another process serves it at most that long after
  the commit. Reading it on every request costs one query, which on PostgreSQL (two round trips
  with Django's connection health check) took the page from 0.9x to about 0.5x the requests/s of
  a static file on 2 cores (bench/public_page.py, docs/adr/0019).
- A rendering also expires at the moment its text would change by itself: the next opening,
  closing, or change of "time left" of any consultation it shows (`next_change`).
- Only requests that carry no session cookie are served from memory or fill it. A visitor with a
  session (a signed-in staff member, a respondent who came by a personal link) may see things
  that are theirs (messages, the session-timeout script): their page is rendered for them and
  sent with "no-store". The public page has no form, so no CSRF token either.
- Kept per exact path (the language is part of it), GET only, without a query string (the hub's
  filters are rendered each time); a bounded number of pages per process.
- The strong ETag is a hash of the body, so every process gives the same one for the same page
  and a browser's If-None-Match is answered with 304 whichever process it reaches. Shared pages
  say "Cache-Control: public, no-cache" (a browser or proxy may keep them but asks each time;
  the answer is a 304 of a few hundred bytes) and "Vary: Cookie".

The middleware sits just below WhiteNoise, above the session, language, CSRF and authentication
middleware: a kept page skips all of them, as a static file does. The security headers come from
the middleware above it (CSP, Permissions-Policy, nosniff...) on every answer, and those set below
it (X-Frame-Options, Content-Language) are kept with the rendering.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import wraps
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.http import parse_etags

from heard.consultations.models import (
    Consultation,
    PageRevision,
    PublishedDocument,
    RelatedLink,
    ReportingCommitment,
    ScheduleItem,
    Subject,
)

MAX_PAGES = 512  # per process; a page of the demo is 8 KB
CACHE_CONTROL = "public, no-cache"
# Headers a 304 repeats from the page it stands for (RFC 9110, 15.4.5), and Content-Language.
NOT_MODIFIED_HEADERS = ("etag", "cache-control", "vary", "content-language", "expires")
_MARK = "_heard_public_page"  # the attribute a public view's response carries (see `public_page`)

# --- The token in the database -------------------------------------------------------------------

WATCHED = (Consultation, ScheduleItem, RelatedLink, ReportingCommitment, PublishedDocument, Subject)


def changed(**_signal: Any) -> None:
    """Something the public pages show has changed: a new token, in the current transaction;
    this process reads it again from now on, and once more as soon as the transaction commits."""
    known.forget()
    transaction.on_commit(known.forget)
    token, now = secrets.randbits(62), timezone.now()
    if not PageRevision.objects.filter(pk=1).update(token=token, changed_at=now):
        # The row is gone (a test database flushed): put it back, then set it, which also waits
        # for, and follows, another transaction that put it back at the same time.
        PageRevision.objects.bulk_create(
            [PageRevision(pk=1, token=token, changed_at=now)], ignore_conflicts=True
        )
        PageRevision.objects.filter(pk=1).update(token=token, changed_at=now)


def connect_signals() -> None:
    for model in WATCHED:
        post_save.connect(changed, sender=model, dispatch_uid=f"public-pages-{model.__name__}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"public-pages-d-{model.__name__}")
    m2m_changed.connect(
        changed, sender=Consultation.subjects.through, dispatch_uid="public-pages-subjects"
    )


_TOKEN_SQL = f"SELECT token FROM {PageRevision._meta.db_table} WHERE id = 1"  # noqa: S608


def current_token() -> int | None:
    """The token in the database; None (nothing is kept) while the row is missing."""
    with connection.cursor() as cursor:
        cursor.execute(_TOKEN_SQL)
        row = cursor.fetchone()
    return None if row is None else int(row[0])


_clock = time.monotonic  # tests move it


class _Known:
    """The token this process last read, read again once settings.HEARD_PUBLIC_PAGE_CHECK_SECONDS
    have passed (0: on every request), and at once after this process commits a change."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._token: int | None = None
        self._read_at: float | None = None  # when the read began (time.monotonic)
        self._floor = 0.0  # reads begun before this may predate a change: not taken

    def token(self) -> int | None:
        interval = settings.HEARD_PUBLIC_PAGE_CHECK_SECONDS
        with self._lock:
            read_at, token = self._read_at, self._token
        now = _clock()
        if read_at is not None and interval > 0 and now - read_at < interval:
            return token
        token = current_token()
        self.saw(token, now)
        return token

    def saw(self, token: int | None, read_at: float) -> None:
        """A token read from the database by a read that began at `read_at`."""
        with self._lock:
            if read_at >= self._floor and (self._read_at is None or read_at >= self._read_at):
                self._token, self._read_at = token, read_at

    def forget(self) -> None:
        with self._lock:
            self._read_at = None
            self._floor = _clock()


known = _Known()


# --- When a page's text changes by itself ---------------------------------------------------------


def next_change(consultation: Consultation, moment: datetime) -> datetime | None:
    """The next moment after which what heard.consultations.page.status_message says of this
    consultation differs from what it says at `moment`; None when it never will (closed)."""
    close = consultation.closes_at
    if consultation.closed_early_at is not None and consultation.closed_early_at < close:
        close = consultation.closed_early_at
    if moment < consultation.opens_at:
        return consultation.opens_at
    if moment >= close:
        return None
    left = close - moment
    # heard.consultations.dates.time_left: whole days while a day or more is left, then whole
    # hours down to "1 hour", which stays until the close.
    if left.days >= 1:
        return close - timedelta(days=left.days)
    hours = int(left.total_seconds() // 3600)
    return close - timedelta(hours=hours) if hours > 1 else close


def expiry(consultations: Iterable[Consultation], moment: datetime) -> datetime | None:
    moments = [m for c in consultations if (m := next_change(c, moment)) is not None]
    return min(moments) if moments else None


# --- The kept renderings --------------------------------------------------------------------------


@dataclass(frozen=True)
class Kept:
    token: int
    until: datetime | None
    body: bytes
    etag: str
    headers: tuple[tuple[str, str], ...]

    def fresh(self, token: int | None, now: datetime) -> bool:
        return token == self.token and (self.until is None or now < self.until)


class _Pages:
    """Renderings by path, the least recently used dropped first; shared by a process's threads."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._lock = threading.Lock()
        self._pages: OrderedDict[str, Kept] = OrderedDict()

    def get(self, path: str) -> Kept | None:
        with self._lock:
            kept = self._pages.get(path)
            if kept is not None:
                self._pages.move_to_end(path)
            return kept

    def put(self, path: str, kept: Kept) -> None:
        with self._lock:
            self._pages[path] = kept
            self._pages.move_to_end(path)
            while len(self._pages) > self.limit:
                self._pages.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()


pages = _Pages(MAX_PAGES)


def forget_everything() -> None:
    """Drop every kept page and the token this process knows (tests: a rolled-back database is
    not a change any signal sees)."""
    pages.clear()
    known.forget()


# --- Requests and answers -------------------------------------------------------------------------


def personal(request: HttpRequest) -> bool:
    """Whether the visitor has a session, so that the page may hold things of theirs."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def shareable(request: HttpRequest) -> bool:
    """Whether this request gets the page everyone without a session gets."""
    return request.method in ("GET", "HEAD") and not personal(request)


def _key(request: HttpRequest) -> str:
    """Where the page is kept ("" for pages never kept: HEAD, a query string, a session)."""
    if request.method != "GET" or personal(request) or request.META.get("QUERY_STRING"):
        return ""
    return request.path


@dataclass(frozen=True)
class _Marked:
    token: int | None
    until: datetime | None


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """For a view whose page is the same for every visitor without a session: reads the token
    before the view's own queries and marks the response for PublicPageMiddleware. The view says
    when its page stops being true with `valid_until`."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        token = None
        if _key(request):
            started = _clock()
            token = current_token()  # before the view's queries: never newer than its content
            known.saw(token, started)
        response = view(request, *args, **kwargs)
        marked = getattr(response, _MARK, None)
        if isinstance(marked, _Marked):
            setattr(response, _MARK, replace(marked, token=token))
        return response

    return wrapped


def valid_until(
    response: HttpResponse, consultations: Iterable[Consultation], moment: datetime
) -> HttpResponse:
    """Mark a public view's page as true until the next change of these consultations' status."""
    setattr(response, _MARK, _Marked(None, expiry(consultations, moment)))
    return response


def _etag(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def _matches(request: HttpRequest, etag: str) -> bool:
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header:
        return False
    wanted = {e.removeprefix("W/") for e in parse_etags(header)}  # weak comparison (RFC 9110)
    return "*" in wanted or etag in wanted


def _not_modified(headers: Iterable[tuple[str, str]]) -> HttpResponseNotModified:
    answer = HttpResponseNotModified()
    for name, value in headers:
        if name.lower() in NOT_MODIFIED_HEADERS:
            answer[name] = value
    return answer


def _from_kept(request: HttpRequest, kept: Kept) -> HttpResponse:
    if _matches(request, kept.etag):
        return _not_modified(kept.headers)
    answer = HttpResponse(kept.body)
    for name, value in kept.headers:
        answer[name] = value
    return answer


class PublicPageMiddleware:
    """Answer from a kept rendering while the database's token is the one it was rendered under
    and its text has not expired; keep the renderings that public views mark; give them their
    ETag and cache headers, and answer If-None-Match (see the module's docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = _key(request)
        kept = pages.get(key) if key else None
        if kept is not None and kept.fresh(known.token(), timezone.now()):
            request.get_host()  # the same check of the Host header as a rendered page's
            return _from_kept(request, kept)
        response = self.get_response(request)
        marked = getattr(response, _MARK, None)
        if not isinstance(marked, _Marked):
            return response
        if not shareable(request):
            add_never_cache_headers(response)  # rendered for this visitor alone
            return response
        if response.status_code != 200 or response.streaming or response.cookies:
            return response
        etag = _etag(response.content)
        response["ETag"] = etag
        response["Cache-Control"] = CACHE_CONTROL
        patch_vary_headers(response, ("Cookie",))
        if key and marked.token is not None:
            headers = tuple((n, v) for n, v in response.items() if n.lower() != "set-cookie")
            pages.put(key, Kept(marked.token, marked.until, response.content, etag, headers))
        if _matches(request, etag):
            return _not_modified(response.items())
        return response
