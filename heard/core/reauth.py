"""Ask for the password again before a sensitive action, if it was last checked a while ago.

Exporting answers or the registry, and changing someone's role, hand over or widen access to
personal data: a session left open on a shared computer must not be enough for them. The time
of the last password check is kept in the session (set on signing in and on confirming); a view
marked `sensitive` sends a person whose check is older than HEARD_REAUTH_MINUTES to the confirm
page, which brings them back to where they were.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

CHECKED_AT = "heard_password_checked_at"


@receiver(user_logged_in)
def _signed_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        mark_checked(request)


def mark_checked(request: HttpRequest) -> None:
    request.session[CHECKED_AT] = int(time.time())


def recently_checked(request: HttpRequest) -> bool:
    checked = request.session.get(CHECKED_AT)
    return isinstance(checked, int) and time.time() - checked < settings.HEARD_REAUTH_SECONDS


def sensitive(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Confirm the password first if its last check is too old. After confirming, a GET comes
    back to the same address; a POST to the page it was sent from (the form is shown again, to
    be sent once more), so nothing happens without the person seeing it."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if recently_checked(request):
            return view(request, *args, **kwargs)
        return ask_first(request)

    return wrapped


def ask_first(request: HttpRequest) -> HttpResponse:
    """The confirm page, which brings the person back here: a GET to the same address, a POST
    to the page it was sent from (see `sensitive`)."""
    messages.info(request, _("Confirm your password to go on: this gives access to personal data."))
    back = request.get_full_path() if request.method == "GET" else request.path
    return redirect(reverse("staff:confirm") + "?" + urlencode({"next": back}))
