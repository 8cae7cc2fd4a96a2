"""What an invitee sees: the personal link, the answer page, the colleague suggestion.

The link's token is exchanged for a session on first use and the browser is sent on to an address
without it. Unknown, expired, revoked and withdrawn links all get the very same page.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, override
from django.views.decorators.cache import never_cache

from heard.core.context_processors import OTHER_LANGUAGE
from heard.core.sessions import start_link_session
from heard.events import services
from heard.events.forms import ResponseForm, SuggestionForm
from heard.events.models import Invitation, InvitationState

SESSION_KEY = "heard_invitation"


def _link_not_valid(request: HttpRequest) -> HttpResponse:
    # The same page, whatever was wrong; and the language toggle must not echo the address,
    # which may hold a token.
    other = OTHER_LANGUAGE.get(get_language()[:2], "fr")
    with override(other):
        alternate = reverse("consultations:hub")
    return render(request, "events/link_not_valid.html", {"alternate_url": alternate}, status=404)


@never_cache
def open_link(request: HttpRequest, token: str) -> HttpResponse:
    invitation = services.find_by_token(token)
    if invitation is None:
        response = _link_not_valid(request)
    else:
        # A fresh session id, and a cookie that ends with the browser (heard.core.sessions).
        start_link_session(request)
        request.session[SESSION_KEY] = [invitation.pk, invitation.token_hash]
        with override(invitation.person.language):
            response = redirect(reverse("invitation"), permanent=False)
    # The address holds the token: no request made from this response may carry it further.
    response["Referrer-Policy"] = "no-referrer"
    return response


def _current(request: HttpRequest) -> Invitation | None:
    stored = request.session.get(SESSION_KEY)
    if not stored:
        return None
    pk, hashed = stored
    invitation = (
        Invitation.objects.select_related("session__schedule_item__consultation", "person")
        .filter(pk=pk, token_hash=hashed, link_revoked_at__isnull=True)
        .exclude(state=InvitationState.WITHDRAWN)
        .first()
    )
    if invitation is None:
        request.session.pop(SESSION_KEY, None)
    return invitation


@never_cache
def invitation_page(request: HttpRequest) -> HttpResponse:
    invitation = _current(request)
    if invitation is None:
        return _link_not_valid(request)
    initial = {
        "attend": {"accepted": "yes", "waitlisted": "yes", "declined": "no"}.get(invitation.state),
        "dietary_needs": invitation.dietary_needs,
        "accessibility_needs": invitation.accessibility_needs,
        "interpretation": invitation.interpretation,
        "list_organisation": invitation.list_organisation,
    }
    form = ResponseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        state = services.respond(
            invitation=invitation,
            attend=form.cleaned_data["attend"] == "yes",
            answers=form.answers(),
        )
        request.session["heard_invitation_answer"] = state
        return redirect("invitation")
    answered = request.session.pop("heard_invitation_answer", None)
    return render(
        request,
        "events/invitation.html",
        {
            "invitation": invitation,
            "details": services.describe(invitation.session, request.LANGUAGE_CODE[:2]),
            "form": form,
            "answered": answered,
        },
    )


@never_cache
def suggest_page(request: HttpRequest) -> HttpResponse:
    invitation = _current(request)
    if invitation is None:
        return _link_not_valid(request)
    form = SuggestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.suggest_colleague(invitation=invitation, **form.cleaned_data)
        return render(request, "events/suggestion_sent.html", {"invitation": invitation})
    return render(request, "events/suggest.html", {"invitation": invitation, "form": form})
