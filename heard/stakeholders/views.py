"""Staff screens for the registry: find people, import a spreadsheet, export the registry."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from heard.consultations import selectors
from heard.consultations.access import consultation_for, may_see_contact_data
from heard.consultations.models import Consultation, Role
from heard.core import audit, limits
from heard.core.crypto import decrypt_bytes
from heard.core.jobs import enqueue
from heard.core.models import Job
from heard.core.reauth import sensitive
from heard.stakeholders import jobs as import_jobs
from heard.stakeholders.exporting import export_people
from heard.stakeholders.forms import OrganisationForm, PersonForm
from heard.stakeholders.importing import (
    FIELDS,
    MappingError,
    check_mapping,
    import_people,
    suggest_mapping,
)
from heard.stakeholders.models import Language, Organisation, Person, SavedList, Sector, Tag
from heard.stakeholders.regions import Region
from heard.stakeholders.selectors import FILTER_KEYS, filter_people
from heard.stakeholders.services import save_organisation, save_person
from heard.stakeholders.tables import TableError, check_table, read_table

MAX_UPLOAD = 50 * 1024 * 1024


@login_required
def registry(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    # Names and e-mail addresses are masked for the roles that may not export them, and those
    # roles cannot search by them either (the search would tell who is in the registry).
    show_contact = may_see_contact_data(request, consultation)
    if show_contact and request.method == "GET":
        audit.record_view(
            actor=request.user,
            action="registry.viewed",
            target=consultation,
            scope=consultation.scope,
        )
    # The name search travels by POST and waits in the session, never in an address or a log.
    search_key = f"heard_registry_search_{consultation.pk}"
    if request.GET.get("clear"):
        request.session.pop(search_key, None)
    filters = {key: request.GET.get(key, "").strip() for key in FILTER_KEYS if key != "q"}
    filters["q"] = request.session.get(search_key, "") if show_contact else ""
    if request.method == "POST" and request.POST.get("action") == "search" and show_contact:
        request.session[search_key] = request.POST.get("q", "").strip()[:200]
        return redirect(
            f"{request.path}?{urlencode({k: v for k, v in filters.items() if v and k != 'q'})}"
        )
    if request.method == "POST":
        if selectors.role_of(request.user, consultation) != Role.LEAD:
            raise PermissionDenied(_("Only a consultation lead can do this."))
        name = request.POST.get("list_name", "").strip()
        # A saved list keeps filters, never a name typed in the search box.
        saved = {k: v for k, v in request.POST.items() if k in FILTER_KEYS and k != "q" and v}
        if not name:
            messages.error(request, _("Give the list a name."))
        elif len(name) > limits.SHORT_NAME:
            messages.error(
                request,
                _("List name: at most %(limit)d characters (it has %(count)d).")
                % {"limit": limits.SHORT_NAME, "count": len(name)},
            )
        else:
            SavedList.objects.update_or_create(
                consultation=consultation, name=name, defaults={"filters": saved}
            )
            messages.success(request, _("List saved: %(name)s") % {"name": name})
        return redirect(f"{request.path}?{urlencode(saved)}")
    people = filter_people(consultation, filters)
    page = Paginator(people.order_by("id"), 50).get_page(request.GET.get("page"))
    sectors = Sector.objects.filter(consultation=consultation).annotate(n=Count("person"))
    return render(
        request,
        "stakeholders/registry.html",
        {
            "consultation": consultation,
            "page": page,
            "total": people.count(),
            "sectors": sectors,
            "regions": Region.choices,
            "languages": Language.choices,
            "tags": Tag.objects.filter(consultation=consultation),
            "filters": filters,
            "saved_lists": [
                (saved.name, urlencode(saved.filters))
                for saved in SavedList.objects.filter(consultation=consultation)
            ],
            "is_lead": selectors.role_of(request.user, consultation) == Role.LEAD,
            "show_contact": show_contact,
        },
    )


@login_required
@sensitive
def export(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    consultation = consultation_for(request, pk, contact=True)
    if file_format not in ("csv", "xlsx"):
        raise Http404
    content = export_people(actor=request.user, consultation=consultation, file_format=file_format)
    kinds = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    response = HttpResponse(content, content_type=kinds[file_format])
    response["Content-Disposition"] = (
        f'attachment; filename="{consultation.key}-registry.{file_format}"'
    )
    return response


@login_required
def import_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Step 1: upload. The file is kept encrypted until it is imported or abandoned."""
    consultation = consultation_for(request, pk, lead=True)
    error = ""
    if request.method == "POST":
        upload = request.FILES.get("file")
        suffix = (upload.name or "").rsplit(".", 1)[-1].lower() if upload else ""
        if upload is None:
            error = _("Choose a file to import.")
        elif suffix not in ("csv", "xlsx"):
            error = _("Only .csv and .xlsx files can be imported.")
        elif upload.size and upload.size > MAX_UPLOAD:
            error = _("The file is larger than 50 MB.")
        elif refusal := _refusal(upload):
            error = refusal
        else:
            token = import_jobs.store_upload(upload.read(), suffix)
            request.session["heard_import"] = {
                "token": token,
                "suffix": suffix,
                "name": upload.name,
            }
            return redirect("registry:import_map", pk=pk)
    return render(
        request, "stakeholders/import_upload.html", {"consultation": consultation, "error": error}
    )


def _refusal(upload: Any) -> str:
    """Why the file goes past the registry's limits (a decompression bomb...), before it is
    stored; "" if it does not. The checks read no row (heard.archives)."""
    content = upload.read()
    upload.seek(0)
    try:
        check_table(Path(upload.name), content)
    except TableError as error:
        return str(error)
    return ""


def _decrypted_upload(request: HttpRequest) -> tuple[Any, Any, bytes]:
    """The waiting upload, decrypted in memory only: (its details, a name to read it by, bytes)."""
    stored = request.session.get("heard_import")
    if not stored:
        return None, None, b""
    source = import_jobs.upload_path(stored["token"], stored["suffix"])
    if not source.exists():
        return None, None, b""
    try:
        content = decrypt_bytes(source.read_bytes())
    except ValueError:
        return None, None, b""
    return stored, Path(f"{Path(stored['name']).stem}.{stored['suffix']}"), content


@login_required
def import_map(request: HttpRequest, pk: int) -> HttpResponse:
    """Step 2: map columns to fields, see a preview with problems; step 3: import."""
    consultation = consultation_for(request, pk, lead=True)
    stored, plain, content = _decrypted_upload(request)
    if stored is None:
        messages.error(request, _("Upload the file again: the earlier upload is no longer here."))
        return redirect("registry:import_upload", pk=pk)
    try:
        headers, rows = read_table(plain, content)
        sample = [next(rows, None) for _ in range(5)]
    except TableError as error:
        messages.error(request, str(error))
        return redirect("registry:import_upload", pk=pk)
    mapping = suggest_mapping(headers)
    if request.method == "POST":
        mapping = {h: request.POST.get(f"map_{i}", "") for i, h in enumerate(headers)}
        mapping = {h: f for h, f in mapping.items() if f}
    context: dict[str, Any] = {
        "consultation": consultation,
        "name": stored["name"],
        "headers": headers,
        "columns": [
            (
                i,
                h,
                mapping.get(h, ""),
                [row[i][:40] for row in sample[:3] if row is not None and i < len(row)],
            )
            for i, h in enumerate(headers)
        ],
        "fields": list(FIELDS),
    }
    if request.method == "POST" and request.POST.get("action") == "import":
        try:
            check_mapping(headers, mapping)
        except MappingError as error:
            context["mapping_error"] = str(error)
            return render(request, "stakeholders/import_map.html", context)
        # The import runs in the worker, which shows its progress; the upload goes with it.
        job = enqueue(
            kind="stakeholders.import",
            scope=consultation.scope,
            actor=request.user,
            payload={
                "consultation": consultation.pk,
                "token": stored["token"],
                "suffix": stored["suffix"],
                "name": stored["name"],
                "mapping": mapping,
                "language": get_language(),  # for what the import may have to say
            },
        )
        request.session.pop("heard_import", None)
        return redirect("registry:import_job", pk=pk, job_pk=job.pk)
    if request.method == "POST":
        try:
            context["report"] = import_people(
                actor=request.user,
                consultation=consultation,
                path=plain,
                mapping=mapping,
                dry_run=True,
                content=content,
            )
        except MappingError as error:
            context["mapping_error"] = str(error)
        except TableError as error:  # past a limit the file did not declare (rows...)
            messages.error(request, str(error))
            return redirect("registry:import_upload", pk=pk)
    return render(request, "stakeholders/import_map.html", context)


def _import_status(job: Job) -> str:
    """One sentence on where the import stands, for the page and its live region."""
    if job.state == Job.State.QUEUED:
        return _("Waiting for the worker to start…")
    if job.state == Job.State.DONE:
        return _("Import finished")
    if job.state == Job.State.FAILED:
        return _("The import failed")
    if job.stage == "checking":
        return _("Checking rows: %(done)s of %(total)s.") % {
            "done": f"{job.done:,}",
            "total": f"{job.total:,}",
        }
    if job.stage in ("saving", "writing"):
        return _("Saving %(total)s people in one go…") % {"total": f"{job.total:,}"}
    return _("Starting…")


def _import_job(request: HttpRequest, pk: int, job_pk: int) -> tuple[Consultation, Job]:
    consultation = consultation_for(request, pk, lead=True)
    job = get_object_or_404(Job, pk=job_pk, scope=consultation.scope, kind="stakeholders.import")
    return consultation, job


@login_required
def import_job(request: HttpRequest, pk: int, job_pk: int) -> HttpResponse:
    """Step 3: the import, as it runs and when it is done. Without JavaScript the page offers a
    "Check again" link; with it, a small script asks `import_job_status` and updates a polite
    live region, and stops once the import has finished or failed (WCAG 2.2.1: nothing
    refreshes the page by itself)."""
    consultation, job = _import_job(request, pk, job_pk)
    return render(
        request,
        "stakeholders/import_job.html",
        {
            "consultation": consultation,
            "job": job,
            "name": job.payload.get("name", ""),
            "running": job.state in (Job.State.QUEUED, Job.State.RUNNING),
            "status": _import_status(job),
            "result": job.result,
        },
    )


@login_required
def import_job_status(request: HttpRequest, pk: int, job_pk: int) -> JsonResponse:
    """Where the import stands, for the page's script: no personal data, only counts."""
    _consultation, job = _import_job(request, pk, job_pk)
    return JsonResponse(
        {
            "state": job.state,
            "finished": job.state in (Job.State.DONE, Job.State.FAILED),
            "status": _import_status(job),
            "done": job.done,
            "total": job.total,
        }
    )


@login_required
def person_edit(request: HttpRequest, pk: int, person_pk: int | None = None) -> HttpResponse:
    consultation = consultation_for(request, pk, lead=True)
    person = (
        get_object_or_404(Person, pk=person_pk, consultation=consultation)
        if person_pk is not None
        else Person(consultation=consultation)
    )
    form = PersonForm(request.POST or None, instance=person, consultation=consultation)
    if person_pk is not None and request.method == "GET":
        audit.record_view(
            actor=request.user, action="person.viewed", target=person, scope=consultation.scope
        )
    if request.method == "POST" and form.is_valid():
        save_person(actor=request.user, form=form)
        messages.success(request, _("Saved."))
        return redirect("registry:list", pk=pk)
    heading = _("Add a person") if person_pk is None else _("Edit a person")
    back = (reverse("registry:list", args=[pk]), _("Stakeholder registry"))
    return _record_form(
        request, consultation, form, heading, back, erase_email=person.email if person.pk else ""
    )


@login_required
def organisations(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    found = (
        Organisation.objects.filter(consultation=consultation)
        .select_related("sector")
        .annotate(people_count=Count("people"))
        .order_by("name_en")
    )
    page = Paginator(found, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "stakeholders/organisations.html",
        {
            "consultation": consultation,
            "page": page,
            "total": found.count(),
            "is_lead": selectors.role_of(request.user, consultation) == Role.LEAD,
        },
    )


@login_required
def organisation_edit(request: HttpRequest, pk: int, org_pk: int | None = None) -> HttpResponse:
    consultation = consultation_for(request, pk, lead=True)
    organisation = (
        get_object_or_404(Organisation, pk=org_pk, consultation=consultation)
        if org_pk is not None
        else Organisation(consultation=consultation)
    )
    form = OrganisationForm(request.POST or None, instance=organisation, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        save_organisation(actor=request.user, form=form)
        messages.success(request, _("Saved."))
        return redirect("registry:organisations", pk=pk)
    heading = _("Add an organisation") if org_pk is None else _("Edit an organisation")
    back = (reverse("registry:organisations", args=[pk]), _("Organisations"))
    return _record_form(request, consultation, form, heading, back)


def _record_form(
    request: HttpRequest,
    consultation: Consultation,
    form: Any,
    heading: str,
    back: tuple[str, str],
    erase_email: str = "",
) -> HttpResponse:
    return render(
        request,
        "stakeholders/record_form.html",
        {
            "consultation": consultation,
            "form": form,
            "heading": heading,
            "back_url": back[0],
            "back_label": back[1],
            "erase_email": erase_email,
        },
    )
