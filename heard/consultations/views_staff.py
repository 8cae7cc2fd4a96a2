"""The staff area: consultations the signed-in user belongs to, edited in both languages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from heard.consultations import selectors, services
from heard.consultations.access import consultation_for
from heard.consultations.forms import (
    ConsultationForm,
    MemberForm,
    PartForm,
    RelatedLinkForm,
    ReportingCommitmentForm,
    ScheduleItemForm,
)
from heard.consultations.models import (
    Consultation,
    Membership,
    RelatedLink,
    ReportingCommitment,
    Role,
    ScheduleItem,
)
from heard.consultations.page import page_context
from heard.core import reauth


def _can_create(request: HttpRequest) -> bool:
    return request.user.has_perm("consultations.add_consultation")


@login_required
def home(request: HttpRequest) -> HttpResponse:
    rows = []
    for consultation in selectors.consultations_for(request.user).order_by("-opens_at"):
        rows.append(
            {
                "consultation": consultation,
                "role": selectors.role_of(request.user, consultation),
                "problems": len(services.publication_problems(consultation)),
            }
        )
    return render(request, "staff/home.html", {"rows": rows, "can_create": _can_create(request)})


@login_required
def create(request: HttpRequest) -> HttpResponse:
    if not _can_create(request):
        raise PermissionDenied(_("Your account cannot create consultations."))
    form = ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        values = form.model_values()
        values["key"] = _unique_key(values["slug_en"])
        consultation = services.create_consultation(
            actor=request.user, values=values, subjects=form.cleaned_data["subjects"]
        )
        messages.success(request, _("Consultation created. It stays private until you publish it."))
        return redirect("staff:overview", pk=consultation.pk)
    return render(request, "staff/consultation_form.html", {"form": form, "creating": True})


def _published_page_message(refused: services.PublishRefused) -> str:
    return _(
        "This consultation is published, so every field a reader sees needs English and French. "
        "Nothing was saved. Missing: %(missing)s"
    ) % {"missing": "; ".join(refused.missing)}


def _unique_key(slug: str) -> str:
    base = slugify(slug)[:70] or "consultation"
    key, number = base, 2
    while Consultation.objects.filter(key=key).exists():
        key, number = f"{base}-{number}", number + 1
    return key


@login_required
def overview(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    return render(request, "staff/overview.html", _overview_context(request, consultation))


def _overview_context(request: HttpRequest, consultation: Consultation) -> dict[str, Any]:
    return {
        "consultation": consultation,
        "role": selectors.role_of(request.user, consultation),
        "is_lead": selectors.role_of(request.user, consultation) == Role.LEAD,
        "problems": services.publication_problems(consultation),
        "items": consultation.schedule_items.all(),
        "links": consultation.related_links.all(),
        "commitments": consultation.reporting_commitments.all(),
        "status": consultation.status,
    }


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, lead=True)
    form = ConsultationForm(request.POST or None, instance=Consultation.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        try:
            changes = services.update_consultation(
                actor=request.user,
                consultation=consultation,
                values=form.model_values(),
                subjects=list(form.cleaned_data["subjects"]),
            )
        except ValidationError as error:
            form.add_error(None, error)
        except services.PublishRefused as refused:
            form.add_error(None, _published_page_message(refused))
        else:
            if changes:
                messages.success(request, _("Changes saved."))
            else:
                messages.info(request, _("Nothing had changed."))
            return redirect("staff:overview", pk=pk)
    return render(
        request,
        "staff/consultation_form.html",
        {"form": form, "consultation": consultation, "creating": False},
    )


@dataclass(frozen=True)
class PartKind:
    model: type[Model]
    form: type[PartForm]
    singular: Any
    related_name: str


PART_KINDS = {
    "schedule": PartKind(
        ScheduleItem, ScheduleItemForm, gettext_lazy("schedule item"), "schedule_items"
    ),
    "links": PartKind(RelatedLink, RelatedLinkForm, gettext_lazy("related link"), "related_links"),
    "commitments": PartKind(
        ReportingCommitment,
        ReportingCommitmentForm,
        gettext_lazy("reporting commitment"),
        "reporting_commitments",
    ),
}


def _part(consultation: Consultation, kind: str, part_pk: int | None) -> tuple[PartKind, Any]:
    if kind not in PART_KINDS:
        raise Http404
    spec = PART_KINDS[kind]
    if part_pk is None:
        return spec, spec.model()
    return spec, get_object_or_404(getattr(consultation, spec.related_name), pk=part_pk)


@login_required
def part_edit(request: HttpRequest, pk: int, kind: str, part_pk: int | None = None) -> HttpResponse:
    consultation = consultation_for(request, pk, lead=True)
    spec, part = _part(consultation, kind, part_pk)
    creating = part.pk is None
    form = spec.form(request.POST or None, instance=part, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_part(
                actor=request.user,
                consultation=consultation,
                part=part,
                values=form.model_values(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        except services.PublishRefused as refused:
            form.add_error(None, _published_page_message(refused))
        else:
            messages.success(request, _("Saved."))
            return redirect("staff:overview", pk=pk)
    return render(
        request,
        "staff/part_form.html",
        {"form": form, "consultation": consultation, "kind": spec, "creating": creating},
    )


@login_required
def part_delete(request: HttpRequest, pk: int, kind: str, part_pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, lead=True)
    spec, part = _part(consultation, kind, part_pk)
    if request.method == "POST":
        services.delete_part(actor=request.user, consultation=consultation, part=part)
        messages.success(request, _("Deleted."))
        return redirect("staff:overview", pk=pk)
    return render(
        request,
        "staff/part_delete.html",
        {"consultation": consultation, "part": part, "kind": spec},
    )


@login_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    context = page_context(consultation)
    context["preview"] = True
    return render(request, "consultations/detail.html", context)


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, lead=True)
    try:
        services.publish(actor=request.user, consultation=consultation)
    except services.PublishRefused as refused:
        context = _overview_context(request, consultation)
        context["refused"] = refused.missing
        return render(request, "staff/overview.html", context, status=409)
    messages.success(request, _("Published. The page is now public."))
    return redirect("staff:overview", pk=pk)


@login_required
@require_POST
def unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, lead=True)
    services.unpublish(actor=request.user, consultation=consultation)
    messages.success(request, _("Unpublished. The page is no longer public."))
    return redirect("staff:overview", pk=pk)


@login_required
def members(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    is_lead = selectors.role_of(request.user, consultation) == Role.LEAD
    form = MemberForm(request.POST or None)
    if request.method == "POST":
        if not is_lead:
            raise PermissionDenied(_("Only a consultation lead can do this."))
        if not reauth.recently_checked(request):
            return reauth.ask_first(request)  # the password first, then the form again
        if form.is_valid():
            role = Role(form.cleaned_data["role"]) if form.cleaned_data["role"] else None
            try:
                services.set_member_role(
                    actor=request.user,
                    consultation=consultation,
                    user=form.cleaned_data["username"],
                    role=role,
                )
            except ValueError as error:
                form.add_error("role", str(error))
            else:
                messages.success(request, _("Membership updated."))
                return redirect("staff:members", pk=pk)
    return render(
        request,
        "staff/members.html",
        {
            "consultation": consultation,
            "form": form,
            "is_lead": is_lead,
            "memberships": Membership.objects.filter(consultation=consultation)
            .select_related("user")
            .order_by("user__username"),
        },
    )


@login_required
def history(request: HttpRequest, pk: int) -> HttpResponse:
    """The consultation's changes, or (?show=views) who looked at its personal data."""
    consultation = consultation_for(request, pk)
    views = request.GET.get("show") == "views"
    events = selectors.history(consultation, views=views)[:200]
    return render(
        request,
        "staff/history.html",
        {
            "consultation": consultation,
            "events": events,
            "views": views,
            "is_lead": selectors.role_of(request.user, consultation) == Role.LEAD,
        },
    )


@login_required
def history_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole audit log of the consultation as CSV, for leads: who did or saw what, when;
    never the data itself (the log holds none)."""
    consultation = consultation_for(request, pk, lead=True)
    content = services.export_history(actor=request.user, consultation=consultation)
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{consultation.key}-history.csv"'
    return response
