"""Staff screens of the reports: the two reports of a consultation, their sections beside the
evidence, versions built from the data, review, approval and publication.

Leads and analysts write; only a lead approves and publishes. Views parse, call a service and
render (heard.reports.services owns the writes and their History records)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from heard.analysis.models import Run
from heard.consultations import selectors as consultation_selectors
from heard.consultations.access import consultation_for, may_read_answers
from heard.consultations.models import Consultation, Role
from heard.reports import build, diffing, drafting, loop, selectors, services
from heard.reports.forms import CommentForm, NewReportForm, PublishForm, ReportForm, SectionForm
from heard.reports.models import FileKind, Report, ReportState, Section
from heard.reports.views_public import FILE_LABELS, file_response


def _done_runs(consultation: Consultation) -> list[Run]:
    return list(
        Run.objects.filter(consultation=consultation, state=Run.State.DONE)
        .defer("summary")
        .order_by("-number")
    )


def _run_by_number(consultation: Consultation, number: str) -> Run | None:
    if not number:
        return None
    return get_object_or_404(
        Run.objects.defer("summary"), consultation=consultation, number=int(number)
    )


def _is_lead(request: HttpRequest, consultation: Consultation) -> bool:
    return consultation_selectors.role_of(request.user, consultation) == Role.LEAD


@login_required
def home(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, answers=request.method == "POST")
    reports = selectors.reports_of(consultation)
    runs = _done_runs(consultation)
    form = NewReportForm(request.POST or None, runs=runs, taken=set(reports))
    if request.method == "POST" and form.is_valid():
        report = services.create_report(
            actor=request.user,
            consultation=consultation,
            kind=form.cleaned_data["kind"],
            run=_run_by_number(consultation, form.cleaned_data["run"]),
        )
        return redirect("reports_staff:report", pk=pk, kind=report.kind)
    return render(
        request,
        "reports/staff_home.html",
        {
            "consultation": consultation,
            "reports": list(reports.values()),
            "form": form if may_read_answers(request, consultation) else None,
        },
    )


def _report(request: HttpRequest, pk: int, kind: str, *, write: bool = False) -> Report:
    """The report, for any member of the consultation; to change it, leads and analysts only."""
    consultation = consultation_for(request, pk, answers=write)
    return get_object_or_404(
        Report.objects.select_related("consultation", "run"), consultation=consultation, kind=kind
    )


@login_required
def report(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    report = _report(request, pk, kind, write=request.method == "POST")
    consultation = report.consultation
    runs = _done_runs(consultation)
    form = ReportForm(
        request.POST if request.method == "POST" else None,
        runs=runs,
        initial={
            "title_en": report.title_en,
            "title_fr": report.title_fr,
            "threshold": report.threshold,
            "run": str(report.run.number) if report.run else "",
        },
    )
    if request.method == "POST" and form.is_valid():
        services.update_report(
            actor=request.user,
            report=report,
            title_en=form.cleaned_data["title_en"].strip(),
            title_fr=form.cleaned_data["title_fr"].strip(),
            threshold=form.cleaned_data["threshold"],
            run=_run_by_number(consultation, form.cleaned_data["run"]),
        )
        messages.success(request, _("Report settings saved."))
        return redirect("reports_staff:report", pk=pk, kind=kind)
    check = build.check(report)
    versions = list(report.versions.select_related("built_by"))
    newest = versions[0] if versions else None
    earlier_published = any(v.published_at for v in versions[1:])
    return render(
        request,
        "reports/staff_report.html",
        {
            "consultation": consultation,
            "report": report,
            "form": form,
            "sections": _with_comment_counts(report),
            "check": check,
            "versions": versions,
            "newest": newest,
            "publish_form": PublishForm() if newest and not newest.published_at else None,
            "to_tell": (
                len(loop.recipients(report)) if report.state == ReportState.PUBLISHED else None
            ),
            "needs_correction": earlier_published,
            "is_lead": _is_lead(request, consultation),
            "may_write": may_read_answers(request, consultation),
        },
    )


@login_required
def section(request: HttpRequest, pk: int, kind: str, position: int) -> HttpResponse:
    report = _report(request, pk, kind, write=True)  # its evidence holds quotes
    current = get_object_or_404(Section, report=report, position=position)
    form = SectionForm(
        request.POST if request.method == "POST" else None,
        initial={
            "heading_en": current.heading_en,
            "heading_fr": current.heading_fr,
            "body_en": current.body_en,
            "body_fr": current.body_fr,
        },
    )
    if request.method == "POST" and request.POST.get("draft") in drafting.KINDS:
        try:
            services.draft_section(actor=request.user, section=current, kind=request.POST["draft"])
        except services.ReportProblems as refused:
            for problem in refused.problems:
                messages.error(request, problem)
        else:
            messages.success(request, _("Drafted from the evidence: rewrite it in your words."))
        return redirect("reports_staff:section", pk=pk, kind=kind, position=position)
    if request.method == "POST" and form.is_valid():
        services.save_section(actor=request.user, section=current, **form.cleaned_data)
        messages.success(request, _("Section saved."))
        return redirect("reports_staff:report", pk=pk, kind=kind)
    return render(
        request,
        "reports/staff_section.html",
        {
            "consultation": report.consultation,
            "report": report,
            "section": current,
            "form": form,
            "evidence": selectors.evidence(report),
            "quotes": selectors.approved_quotes(report.consultation),
            "themes": selectors.approved_themes(report.run),
            "comments": list(current.comments.select_related("author", "resolved_by")),
            "comment_form": CommentForm(),
        },
    )


def _with_comment_counts(report: Report) -> list[Section]:
    counts = selectors.open_comments(report)
    sections = list(report.sections.all())
    for item in sections:
        item.open_comments = counts.get(item.position, 0)  # type: ignore[attr-defined]
    return sections


@require_POST
@login_required
def comment(request: HttpRequest, pk: int, kind: str, position: int) -> HttpResponse:
    """Add a comment on a section, or mark one resolved (`resolve` names it)."""
    report = _report(request, pk, kind, write=True)
    current = get_object_or_404(Section, report=report, position=position)
    anchor = reverse("reports_staff:section", kwargs={"pk": pk, "kind": kind, "position": position})
    if "resolve" in request.POST:
        found = get_object_or_404(current.comments, pk=request.POST.get("resolve"))
        services.resolve_comment(actor=request.user, comment=found)
        messages.success(request, _("Comment marked as resolved."))
        return redirect(anchor + "#comments")
    form = CommentForm(request.POST)
    if form.is_valid():
        services.add_comment(actor=request.user, section=current, text=form.cleaned_data["text"])
        messages.success(request, _("Comment added."))
    else:
        for problem in form.errors.get("text", []):
            messages.error(request, _("Comment: %(problem)s") % {"problem": problem})
    return redirect(anchor + "#comments")


@require_POST
@login_required
def act(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """Build a version, send for review, approve, or publish (the button pressed says which)."""
    report = _report(request, pk, kind, write=True)
    action = request.POST.get("action", "")
    lead_only = action in ("approve", "publish", "tell")
    if lead_only and not _is_lead(request, report.consultation):
        consultation_for(request, pk, lead=True)  # raises the usual 403, with its message
    try:
        if action == "build":
            version = services.build_version(actor=request.user, report=report)
            messages.success(request, _("Version %(n)s built.") % {"n": version.number})
        elif action in ("review", "approve", "draft"):
            state = {"review": ReportState.REVIEW, "approve": ReportState.APPROVED}.get(
                action, ReportState.DRAFT
            )
            services.set_state(actor=request.user, report=report, state=state)
            messages.success(request, _("The report is now “%(state)s”.") % {"state": state.label})
        elif action == "publish":
            form = PublishForm(request.POST)
            newest = report.versions.order_by("-number").first()
            if newest is None or not form.is_valid():
                raise Http404
            services.publish(actor=request.user, version=newest, **form.cleaned_data)
            messages.success(request, _("Version %(n)s published.") % {"n": newest.number})
        elif action == "tell":
            queued = loop.tell(actor=request.user, report=report)
            messages.success(
                request,
                ngettext(
                    "%(n)s email queued in the outbox.",
                    "%(n)s emails queued in the outbox.",
                    queued,
                )
                % {"n": queued},
            )
        else:
            raise Http404
    except services.ReportProblems as refused:
        for problem in refused.problems:
            messages.error(request, problem)
    except loop.NotPublished:
        messages.error(request, _("Publish the report before sending it to participants."))
    return redirect("reports_staff:report", pk=pk, kind=kind)


@login_required
def preview(request: HttpRequest, pk: int, kind: str, number: int, language: str) -> HttpResponse:
    report = _report(request, pk, kind)
    if language not in build.LANGUAGES:
        raise Http404
    version = get_object_or_404(report.versions, number=number)
    context: dict[str, Any] = {
        "consultation": report.consultation,
        "report": report,
        "version": version,
        "language": language,
        "body": mark_safe(version.html(language)),  # noqa: S308 - rendered by build.render
        "figures": selectors.traced(report, version.figures),
        "may_read": may_read_answers(request, report.consultation),
    }
    context["downloads"] = [
        {
            "label": label,
            "url": reverse(
                "reports_staff:download",
                kwargs={
                    "pk": pk,
                    "kind": kind,
                    "number": number,
                    "language": language,
                    "file": file_kind,
                },
            ),
        }
        for file_kind, label in FILE_LABELS.items()
    ]
    return render(request, "reports/staff_preview.html", context)


@login_required
def compare(
    request: HttpRequest, pk: int, kind: str, number: int, other: int, language: str
) -> HttpResponse:
    """What changed from version `number` to version `other`, in one language."""
    report = _report(request, pk, kind)
    if language not in build.LANGUAGES or number == other:
        raise Http404
    older = get_object_or_404(report.versions, number=min(number, other))
    newer = get_object_or_404(report.versions, number=max(number, other))
    rows = []
    comparison = diffing.compare(older, newer, language)
    for change in comparison.changes:
        before, after = change.words()
        rows.append({"change": change, "before": before, "after": after})
    return render(
        request,
        "reports/staff_compare.html",
        {
            "consultation": report.consultation,
            "report": report,
            "older": older,
            "newer": newer,
            "language": language,
            "comparison": comparison,
            "rows": rows,
            "other_language": "fr" if language == "en" else "en",
        },
    )


@login_required
def download(
    request: HttpRequest, pk: int, kind: str, number: int, language: str, file: str
) -> HttpResponse:
    """Any version's files, published or not, for the team to check before publishing."""
    report = _report(request, pk, kind)
    if language not in build.LANGUAGES or file not in FileKind.values:
        raise Http404
    version = get_object_or_404(report.versions, number=number)
    return file_response(version, file, language)
