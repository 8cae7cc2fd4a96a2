"""The consultation's privacy page: its retention schedule, what the purge will remove, and a
person's erasure (leads only, after confirming the password again)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from heard.consultations import erasure, retention, selectors, services
from heard.consultations.access import consultation_for
from heard.consultations.forms import ErasureForm, RetentionForm
from heard.consultations.models import Consultation, Role
from heard.core import reauth


def _page(
    request: HttpRequest,
    consultation: Consultation,
    retention_form: RetentionForm | None = None,
    erasure_form: ErasureForm | None = None,
) -> HttpResponse:
    is_lead = selectors.role_of(request.user, consultation) == Role.LEAD
    context: dict[str, Any] = {
        "consultation": consultation,
        "is_lead": is_lead,
        "closed_at": retention.closed_at(consultation),
        "purge_date": retention.purge_date(consultation),
        "due": retention.is_due(consultation),
        "planned": retention.preview(consultation),
        "email_days": settings.HEARD_SENT_EMAIL_DAYS,
        "retention_form": retention_form
        or RetentionForm(initial={"months": consultation.retention_months}),
        "erasure_form": erasure_form or ErasureForm(),
    }
    return render(request, "staff/privacy.html", context)


@login_required
def privacy(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, consultation_for(request, pk))


@login_required
@require_POST
def retention_change(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, lead=True)
    form = RetentionForm(request.POST)
    if not form.is_valid():
        return _page(request, consultation, retention_form=form)
    if services.set_retention(
        actor=request.user, consultation=consultation, months=form.cleaned_data["months"]
    ):
        messages.success(request, _("Retention changed. The new purge date is shown below."))
    else:
        messages.info(request, _("Nothing had changed."))
    return redirect("staff:privacy", pk=pk)


@login_required
@reauth.sensitive
def erase(request: HttpRequest, pk: int) -> HttpResponse:
    """First the address and what would go; then, confirmed, the erasure. (A GET, as after
    confirming the password, goes back to the form: the address is never in an address bar.)"""
    consultation = consultation_for(request, pk, lead=True)
    if request.method != "POST":
        return redirect("staff:privacy", pk=pk)
    form = ErasureForm(request.POST)
    if not form.is_valid():
        return _page(request, consultation, erasure_form=form)
    email = form.cleaned_data["email"]
    found = erasure.preview(consultation, email)
    if not any(item.count for item in found):
        form.add_error(
            "email",
            _("Nothing in this consultation is known by this address. Nothing was erased."),
        )
        return _page(request, consultation, erasure_form=form)
    if request.POST.get("confirm") != "yes":
        return render(
            request,
            "staff/erasure_confirm.html",
            {"consultation": consultation, "email": email, "found": found},
        )
    erasure.erase(actor=request.user, consultation=consultation, email=email)
    messages.success(
        request,
        _(
            "Erased. Everything listed was removed, and the erasure is recorded in the History "
            "(without the address) and in the erasure log, so that restoring a backup erases "
            "them again."
        ),
    )
    return redirect("staff:privacy", pk=pk)
