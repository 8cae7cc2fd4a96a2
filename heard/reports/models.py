"""What a report is made of: sections people write in both languages, and the versions built
from them (each kept as built, figures resolved, so a published text never changes under it).

A report draws its evidence from one finished analysis run; its figures are references
(`[[responses]]`, `[[code:prevention]]`) resolved when a version is built, the same references
for both languages (docs/adr/0012).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from heard.analysis.models import Run
from heard.consultations.models import Consultation
from heard.core import limits
from heard.core.bilingual import translated
from heard.core.crypto import EncryptedTextField

SECTION_TEXT = 60_000
COMMENT_TEXT = 4_000


class ReportKind(models.TextChoices):
    FULL = "full", _("Full report on the consultation")
    QUESTIONNAIRE = "questionnaire", _("Detailed report on the questionnaire")


class ReportState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")


class Report(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(max_length=20, choices=ReportKind.choices)
    run = models.ForeignKey(
        Run,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The analysis run whose reviewed codes, themes and quotes it may cite."),
    )
    title_en = models.CharField(_("title (English)"), max_length=limits.TITLE)
    title_fr = models.CharField(_("title (French)"), max_length=limits.TITLE, blank=True)
    threshold = models.PositiveSmallIntegerField(
        _("smallest count shown"),
        default=5,
        help_text=_("Counts below this (but above zero) are shown as “fewer than …”."),
    )
    state = models.CharField(max_length=10, choices=ReportState.choices, default="draft")
    # When participants and respondents who asked for it were emailed the published report.
    told_at = models.DateTimeField(null=True, blank=True)
    told_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    title = translated("title")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["consultation", "kind"], name="report_kind_unique"),
            models.CheckConstraint(
                condition=Q(kind__in=["full", "questionnaire"]), name="report_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(state__in=["draft", "review", "approved", "published"]),
                name="report_state_known",
            ),
            models.CheckConstraint(condition=Q(threshold__gte=1), name="report_threshold_1"),
        ]

    def __str__(self) -> str:
        return self.title_en


class Section(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveIntegerField()
    heading_en = models.CharField(_("heading (English)"), max_length=limits.TITLE)
    heading_fr = models.CharField(_("heading (French)"), max_length=limits.TITLE, blank=True)
    # Encrypted at rest: a report's text quotes what people wrote (approved, redacted quotes, but
    # their words all the same), and a draft is not public.
    body_en = EncryptedTextField(_("text (English)"), blank=True, max_length=SECTION_TEXT)
    body_fr = EncryptedTextField(_("text (French)"), blank=True, max_length=SECTION_TEXT)
    # Shown on the consultation page as well, once published: "We asked / You said / We did".
    on_page = models.BooleanField(default=False)

    heading = translated("heading")

    class Meta:
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "position"], name="section_position"),
        ]

    def __str__(self) -> str:
        return self.heading_en


class Version(models.Model):
    """A report as built at one moment: its text in both languages with every figure resolved,
    the figures themselves, and the run's manifest hash. Published versions are never changed;
    a correction is a new version, the old one kept and linked."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title_en = models.CharField(max_length=limits.TITLE)
    title_fr = models.CharField(max_length=limits.TITLE)
    html_en = (
        EncryptedTextField()
    )  # encrypted as the sections are: a version may never be published
    html_fr = EncryptedTextField()
    figures = models.JSONField(default=dict)  # reference -> {"value", "kind", "suppressed"}
    # The aggregate tables the version shows, frozen at build time for the open-data package
    # (suppressed cells already blanked): {"questions": [...]} (docs/adr/0012).
    tables = models.JSONField(default=dict)
    # The sections shown on the consultation page too, rendered with the same figures.
    summary_en = EncryptedTextField(blank=True)
    summary_fr = EncryptedTextField(blank=True)
    manifest_sha256 = models.CharField(max_length=64, blank=True)
    built_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    built_at = models.DateTimeField()
    published_at = models.DateTimeField(null=True, blank=True)
    correction_en = models.CharField(max_length=limits.TITLE, blank=True)
    correction_fr = models.CharField(max_length=limits.TITLE, blank=True)

    title = translated("title")
    correction = translated("correction")

    class Meta:
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="version_number"),
        ]

    def __str__(self) -> str:
        return f"{self.report_id} v{self.number}"

    def html(self, language: str) -> str:
        return self.html_fr if language == "fr" else self.html_en

    def summary(self, language: str) -> str:
        return self.summary_fr if language == "fr" else self.summary_en


class FileKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "DOCX"
    DATA = "data", _("Open data (Frictionless data package)")


class VersionFile(models.Model):
    """A version as a downloadable file, made once from the version's stored text and kept: a
    version never changes, so neither does its PDF, its DOCX or its data package."""

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(max_length=4, choices=FileKind.choices)
    language = models.CharField(max_length=2, blank=True)  # "" for the bilingual data package
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    made_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "kind", "language"], name="version_file"),
            models.CheckConstraint(
                condition=Q(kind__in=["pdf", "docx", "data"]), name="version_file_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.version} {self.kind} {self.language}".strip()


class Comment(models.Model):
    """A reviewer's remark on a section, kept until someone marks it resolved (and after: the
    review's history). Encrypted like the text it is about."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = EncryptedTextField(_("comment"), max_length=COMMENT_TEXT)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["section", "created_at", "id"]

    def __str__(self) -> str:
        return f"comment {self.pk} on {self.section}"
