"""Writes of the reports: a report and its sections, a built version, publication and
correction. Each runs in one transaction with its History record (heard.core.audit)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from heard.analysis.models import Run
from heard.consultations.models import Consultation, PublishedDocument
from heard.core import audit
from heard.reports import build, drafting
from heard.reports.models import Comment, Report, ReportKind, ReportState, Section, Version
from heard.reports.questionnaire import frozen_tables

#: The sections a new report starts with (headings in both languages; people write the text).
OUTLINES = {
    ReportKind.FULL: [
        ("Executive summary", "Sommaire"),
        ("Background and method", "Contexte et méthode"),
        ("What we heard, by theme", "Ce que nous avons entendu, par thème"),
        ("What we heard from the questionnaire", "Ce que nous a appris le questionnaire"),
        ("Next steps", "Prochaines étapes"),
        # Shown on the consultation page as well (Section.on_page): the loop closed in brief.
        ("We asked, you said, we did", "Nous avons demandé, vous avez répondu, nous avons agi"),
    ],
    ReportKind.QUESTIONNAIRE: [
        ("About the questionnaire", "À propos du questionnaire"),
        ("Who answered", "Qui a répondu"),
        ("Answers, question by question", "Les réponses, question par question"),
        ("Method and limits", "Méthode et limites"),
    ],
}


ON_PAGE = {"We asked, you said, we did"}


class ReportProblems(Exception):
    """Why a report cannot be built or published: one line per problem, naming its section."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


def _titles(consultation: Consultation, kind: str) -> tuple[str, str]:
    label = ReportKind(kind).label
    with override("en"):
        english = f"{label}: {consultation.title_en}"
    with override("fr"):
        french = f"{label} : {consultation.title_fr}" if consultation.title_fr else ""
    return english, french


@transaction.atomic
def create_report(*, actor: Any, consultation: Consultation, kind: str, run: Run | None) -> Report:
    title_en, title_fr = _titles(consultation, kind)
    report = Report.objects.create(
        consultation=consultation,
        kind=kind,
        run=run,
        title_en=title_en,
        title_fr=title_fr,
        created_by=actor,
    )
    Section.objects.bulk_create(
        Section(
            report=report,
            position=position,
            heading_en=english,
            heading_fr=french,
            on_page=english in ON_PAGE,
        )
        for position, (english, french) in enumerate(OUTLINES[ReportKind(kind)], start=1)
    )
    audit.record(
        actor=actor,
        action="reports.created",
        target=report,
        scope=consultation.scope,
        changes={"kind": kind, "run": run.number if run else None},
    )
    return report


@transaction.atomic
def save_section(
    *,
    actor: Any,
    section: Section,
    heading_en: str,
    heading_fr: str,
    body_en: str,
    body_fr: str,
) -> Section:
    changed = {
        name: True
        for name, value in (
            ("heading_en", heading_en),
            ("heading_fr", heading_fr),
            ("body_en", body_en),
            ("body_fr", body_fr),
        )
        if getattr(section, name) != value
    }
    section.heading_en, section.heading_fr = heading_en, heading_fr
    section.body_en, section.body_fr = body_en, body_fr
    section.save()
    report = (
        Report.objects.select_for_update().select_related("consultation").get(pk=section.report_id)
    )  # as stored now: the caller's copy may be older
    if report.state in (ReportState.APPROVED, ReportState.PUBLISHED):
        # A change after approval needs approving again (what is published stays published).
        Report.objects.filter(pk=report.pk).update(state=ReportState.REVIEW)
    audit.record(
        actor=actor,
        action="reports.section_saved",
        target=section,
        scope=report.consultation.scope,
        changes={"report": report.kind, "fields": sorted(changed)},
    )
    return section


@transaction.atomic
def build_version(*, actor: Any, report: Report) -> Version:
    """Resolve every figure and render both languages into a new version. Refused (with every
    problem named) when a reference names nothing or the languages cite different figures."""
    found = build.check(report)
    if found.blocking:
        raise ReportProblems(found.blocking)
    number = (report.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = Version.objects.create(
        report=report,
        number=number,
        title_en=report.title_en,
        title_fr=report.title_fr,
        html_en=build.render(report, found.figures, "en"),
        html_fr=build.render(report, found.figures, "fr"),
        figures={name: figure.as_dict() for name, figure in sorted(found.figures.items())},
        tables=frozen_tables(report.consultation, report.threshold),
        summary_en=build.render_summary(report, found.figures, "en"),
        summary_fr=build.render_summary(report, found.figures, "fr"),
        manifest_sha256=build.manifest_hash(report.run.manifest if report.run else {}),
        built_by=actor,
        built_at=timezone.now(),
    )
    audit.record(
        actor=actor,
        action="reports.built",
        target=version,
        scope=report.consultation.scope,
        changes={"report": report.kind, "version": number, "figures": len(found.figures)},
    )
    return version


@transaction.atomic
def publish(
    *, actor: Any, version: Version, correction_en: str = "", correction_fr: str = ""
) -> Version:
    """Put a built version on the consultation's page. Refused while either language is
    incomplete. Publishing over an earlier version is a correction: the earlier one stays
    readable, and the page says when it was corrected and why."""
    report = Report.objects.select_for_update().get(pk=version.report_id)
    found = build.check(report)
    problems = found.incomplete + found.blocking
    if report.state not in (ReportState.APPROVED, ReportState.PUBLISHED):
        problems.append(_("A lead approves the report before it is published."))
    if version.pk != report.versions.order_by("-number").values_list("pk", flat=True).first():
        problems.append(_("Only the newest version can be published: build it again."))
    earlier = report.versions.filter(published_at__isnull=False).exclude(pk=version.pk).exists()
    if earlier and not (correction_en.strip() and correction_fr.strip()):
        problems.append(_("Say what was corrected, in English and in French."))
    if problems:
        raise ReportProblems(problems)
    now = timezone.now()
    version.published_at = now
    version.correction_en, version.correction_fr = correction_en.strip(), correction_fr.strip()
    version.save(update_fields=["published_at", "correction_en", "correction_fr"])
    Report.objects.filter(pk=report.pk).update(state=ReportState.PUBLISHED)
    PublishedDocument.objects.update_or_create(
        consultation=report.consultation,
        key=report.kind,
        defaults={
            "title_en": version.title_en,
            "title_fr": version.title_fr,
            "version": version.number,
            "corrected_at": now if earlier else None,
            "position": 0 if report.kind == ReportKind.FULL else 1,
            "summary_en": version.summary_en,
            "summary_fr": version.summary_fr,
        },
        create_defaults={
            "title_en": version.title_en,
            "title_fr": version.title_fr,
            "version": version.number,
            "first_published_at": now,
            "position": 0 if report.kind == ReportKind.FULL else 1,
            "summary_en": version.summary_en,
            "summary_fr": version.summary_fr,
        },
    )
    audit.record(
        actor=actor,
        action="reports.corrected" if earlier else "reports.published",
        target=version,
        scope=report.consultation.scope,
        changes={"report": report.kind, "version": version.number},
    )
    return version


@transaction.atomic
def update_report(
    *, actor: Any, report: Report, title_en: str, title_fr: str, threshold: int, run: Run | None
) -> Report:
    report.title_en, report.title_fr = title_en, title_fr
    report.threshold, report.run = threshold, run
    report.save(update_fields=["title_en", "title_fr", "threshold", "run"])
    audit.record(
        actor=actor,
        action="reports.settings_saved",
        target=report,
        scope=report.consultation.scope,
        changes={"threshold": threshold, "run": run.number if run else None},
    )
    return report


#: Who may move a report from one state to the next: leads approve (and publish).
STEPS = {
    ReportState.REVIEW: (ReportState.DRAFT, ReportState.APPROVED, ReportState.PUBLISHED),
    ReportState.APPROVED: (ReportState.REVIEW,),
    ReportState.DRAFT: (ReportState.REVIEW, ReportState.APPROVED),
}


@transaction.atomic
def set_state(*, actor: Any, report: Report, state: str) -> Report:
    """Draft → in review → approved (or back to draft for more work); publishing is `publish`."""
    report = Report.objects.select_for_update().select_related("consultation").get(pk=report.pk)
    allowed = STEPS.get(ReportState(state), ())
    if report.state not in allowed:
        raise ReportProblems(
            [
                _("A report that is “%(now)s” cannot become “%(next)s”.")
                % {"now": ReportState(report.state).label, "next": ReportState(state).label}
            ]
        )
    before = report.state
    report.state = state
    report.save(update_fields=["state"])
    audit.record(
        actor=actor,
        action="reports.state_changed",
        target=report,
        scope=report.consultation.scope,
        changes={"from": before, "to": state},
    )
    return report


@transaction.atomic
def draft_section(*, actor: Any, section: Section, kind: str) -> Section:
    """Fill an empty section with a draft made from the evidence (heard.reports.drafting).
    Refused when either language already has text: a draft never replaces people's words."""
    if section.body_en.strip() or section.body_fr.strip():
        raise ReportProblems(
            [_("The section already has text: empty both languages first to draft it again.")]
        )
    english, french = drafting.draft(section.report, kind)
    if not english:
        raise ReportProblems([_("There is nothing to draft from: choose an analysis run first.")])
    return save_section(
        actor=actor,
        section=section,
        heading_en=section.heading_en,
        heading_fr=section.heading_fr,
        body_en=english,
        body_fr=french,
    )


@transaction.atomic
def add_comment(*, actor: Any, section: Section, text: str) -> Comment:
    """A reviewer's remark on a section; the History records that one was made, not its words."""
    comment = Comment.objects.create(section=section, author=actor, text=text.strip())
    audit.record(
        actor=actor,
        action="reports.commented",
        target=section.report,
        scope=section.report.consultation.scope,
        changes={"section": section.position, "comment": comment.pk},
    )
    return comment


@transaction.atomic
def resolve_comment(*, actor: Any, comment: Comment) -> Comment:
    if comment.resolved_at is None:
        comment.resolved_at, comment.resolved_by = timezone.now(), actor
        comment.save(update_fields=["resolved_at", "resolved_by"])
        audit.record(
            actor=actor,
            action="reports.comment_resolved",
            target=comment.section.report,
            scope=comment.section.report.consultation.scope,
            changes={"section": comment.section.position, "comment": comment.pk},
        )
    return comment
