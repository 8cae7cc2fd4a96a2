"""Staff screen: each message of a consultation, its state, and why it failed."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from heard.consultations import selectors
from heard.consultations.access import consultation_for, may_see_contact_data
from heard.consultations.models import Role
from heard.core import audit
from heard.notify import services
from heard.notify.models import Message, State


@login_required
def outbox(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    if may_see_contact_data(request, consultation):  # recipients' addresses are shown
        audit.record_view(
            actor=request.user,
            action="outbox.viewed",
            target=consultation,
            scope=consultation.scope,
        )
    found = Message.objects.filter(scope=consultation.scope).defer("payload")
    counts = dict(found.values_list("state").annotate(n=Count("id")).values_list("state", "n"))
    state = request.GET.get("state", "")
    if state in State.values:
        found = found.filter(state=state)
    return render(
        request,
        "notify/outbox.html",
        {
            "consultation": consultation,
            "is_lead": selectors.role_of(request.user, consultation) == Role.LEAD,
            "show_contact": may_see_contact_data(request, consultation),
            "rows": found[:500],
            "total": found.count(),
            "counts": [(value, label, counts.get(value, 0)) for value, label in State.choices],
            "state": state,
        },
    )


@login_required
@require_POST
def send_again(request: HttpRequest, pk: int, message_pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    if selectors.role_of(request.user, consultation) != Role.LEAD:
        raise PermissionDenied(_("Only a consultation lead can do this."))
    message = get_object_or_404(Message, pk=message_pk, scope=consultation.scope)
    try:
        services.send_again(actor=request.user, message=message)
    except services.TextRemoved:
        messages.error(
            request,
            _(
                "This email's text was removed %(days)s days after it was sent, as the retention "
                "schedule says: it cannot be sent again. Send a new one instead."
            )
            % {"days": settings.HEARD_SENT_EMAIL_DAYS},
        )
    except ValueError:
        messages.error(
            request, _("Only failed, uncertain or cancelled messages can be sent again.")
        )
    else:
        messages.success(request, _("The message is queued again."))
    return redirect("outbox:list", pk=pk)
