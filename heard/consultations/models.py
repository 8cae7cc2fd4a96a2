"""A consultation, its schedule, and what the public reads about it.

Reader-facing text is stored in English and French side by side (`*_en`, `*_fr`); the attribute
without a suffix gives the active language (see heard.core.bilingual).
"""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heard.consultations.status import Status, status_at
from heard.core import limits
from heard.core.bilingual import translated
from heard.core.crypto import EncryptedTextField
from heard.core.limits import BoundedTextField


@cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    if value not in _time_zones():
        raise ValidationError(
            _("“%(value)s” is not a known time zone; use a name such as America/Toronto."),
            params={"value": value},
        )


class Subject(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=limits.SHORT_NAME)
    name_fr = models.CharField(_("name (French)"), max_length=limits.SHORT_NAME)

    name = translated("name")

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return str(self.name)


# The text columns without a length of their own in the database (TextField): checked there too.
TEXT_LIMITS = {
    f"{name}_{code}": limit
    for name, limit in [
        ("summary", limits.SUMMARY),
        ("description", limits.MARKDOWN),
        ("objectives", limits.MARKDOWN),
        ("why", limits.MARKDOWN),
        ("who", limits.MARKDOWN),
        ("what", limits.MARKDOWN),
        ("how_to_participate", limits.MARKDOWN),
    ]
    for code in ("en", "fr")
}


class Consultation(models.Model):
    # Fields a reader sees; publishing is refused while any of them lacks either language.
    REQUIRED_BILINGUAL = (
        "title",
        "slug",
        "summary",
        "description",
        "objectives",
        "why",
        "who",
        "what",
        "how_to_participate",
        "department",
        "contact_name",
    )

    key = models.SlugField(
        _("key"),
        max_length=80,
        unique=True,
        help_text=_("Stable identifier used by `heard load`; never shown to the public."),
    )
    slug_en = models.SlugField(_("address (English)"), max_length=120, unique=True)
    slug_fr = models.SlugField(_("address (French)"), max_length=120, unique=True)
    title_en = models.CharField(_("title (English)"), max_length=limits.TITLE)
    title_fr = models.CharField(_("title (French)"), max_length=limits.TITLE, blank=True)
    summary_en = BoundedTextField(_("summary (English)"), max_length=limits.SUMMARY, blank=True)
    summary_fr = BoundedTextField(_("summary (French)"), max_length=limits.SUMMARY, blank=True)
    description_en = BoundedTextField(
        _("description (English)"), max_length=limits.MARKDOWN, blank=True
    )
    description_fr = BoundedTextField(
        _("description (French)"), max_length=limits.MARKDOWN, blank=True
    )
    objectives_en = BoundedTextField(
        _("objectives (English)"), max_length=limits.MARKDOWN, blank=True
    )
    objectives_fr = BoundedTextField(
        _("objectives (French)"), max_length=limits.MARKDOWN, blank=True
    )
    why_en = BoundedTextField(
        _("why we are consulting (English)"), max_length=limits.MARKDOWN, blank=True
    )
    why_fr = BoundedTextField(
        _("why we are consulting (French)"), max_length=limits.MARKDOWN, blank=True
    )
    who_en = BoundedTextField(
        _("who is the focus (English)"), max_length=limits.MARKDOWN, blank=True
    )
    who_fr = BoundedTextField(
        _("who is the focus (French)"), max_length=limits.MARKDOWN, blank=True
    )
    what_en = BoundedTextField(
        _("what we are consulting on (English)"), max_length=limits.MARKDOWN, blank=True
    )
    what_fr = BoundedTextField(
        _("what we are consulting on (French)"), max_length=limits.MARKDOWN, blank=True
    )
    how_to_participate_en = BoundedTextField(
        _("how to participate (English)"), max_length=limits.MARKDOWN, blank=True
    )
    how_to_participate_fr = BoundedTextField(
        _("how to participate (French)"), max_length=limits.MARKDOWN, blank=True
    )
    department_en = models.CharField(
        _("department (English)"), max_length=limits.DEPARTMENT, blank=True
    )
    department_fr = models.CharField(
        _("department (French)"), max_length=limits.DEPARTMENT, blank=True
    )
    contact_name_en = models.CharField(
        _("contact (English)"), max_length=limits.CONTACT_NAME, blank=True
    )
    contact_name_fr = models.CharField(
        _("contact (French)"), max_length=limits.CONTACT_NAME, blank=True
    )
    contact_email = models.EmailField(_("contact email"), max_length=limits.EMAIL, blank=True)
    subjects = models.ManyToManyField(
        Subject, blank=True, related_name="consultations", verbose_name=_("subjects")
    )

    time_zone = models.CharField(
        _("time zone"), max_length=64, default="America/Toronto", validators=[validate_time_zone]
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    closed_early_at = models.DateTimeField(
        _("closed early on"),
        null=True,
        blank=True,
        help_text=_("Set only when the consultation was closed before its planned closing date."),
    )

    retention_months = models.PositiveSmallIntegerField(
        _("keep personal data for (months after closing)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Then the registry, invitations, access requests and emails of this consultation are "
            "deleted, personal links stop working, and answers are kept only in anonymised form."
        ),
    )

    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(
        default=timezone.now,
        help_text=_("Shown as “Date modified”; moved by every change to the page or its parts."),
    )

    title = translated("title")
    slug = translated("slug")
    summary = translated("summary")
    description = translated("description")
    objectives = translated("objectives")
    why = translated("why")
    who = translated("who")
    what = translated("what")
    how_to_participate = translated("how_to_participate")
    department = translated("department")
    contact_name = translated("contact_name")

    class Meta:
        ordering = ["-opens_at", "title_en"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="consultation_closes_after_opening",
            ),
            models.CheckConstraint(
                condition=Q(closed_early_at__isnull=True)
                | (
                    Q(closed_early_at__gte=models.F("opens_at"))
                    & Q(closed_early_at__lt=models.F("closes_at"))
                ),
                name="consultation_closed_early_within_window",
            ),
            models.CheckConstraint(
                condition=~Q(slug_en="") & ~Q(slug_fr="") & ~Q(key=""),
                name="consultation_slugs_not_blank",
            ),
            models.CheckConstraint(
                condition=Q(is_published=False) | Q(published_at__isnull=False),
                name="consultation_published_has_date",
            ),
            limits.length_constraint("consultation_text_lengths", TEXT_LIMITS),
        ]

    def __str__(self) -> str:
        return self.title_en

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def status_at(self, moment: datetime) -> Status:
        return status_at(
            opens_at=self.opens_at,
            closes_at=self.closes_at,
            closed_early_at=self.closed_early_at,
            moment=moment,
        )

    @property
    def status(self) -> Status:
        return self.status_at(timezone.now())

    @property
    def scope(self) -> str:
        return f"consultation:{self.pk}"


class Role(models.TextChoices):
    LEAD = "lead", _("Consultation lead")
    FACILITATOR = "facilitator", _("Facilitator or note-taker")
    ANALYST = "analyst", _("Analyst (reads and exports answers)")
    VIEWER = "viewer", _("Viewer")


class Membership(models.Model):
    """A staff user's role on one consultation; staff see only consultations they belong to."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["consultation", "user"], name="one_role_per_user"),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="membership_role_known"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.consultation}"


class ItemKind(models.TextChoices):
    REGIONAL_SESSION = "regional_session", _("Regional session")
    NATIONAL_SUMMIT = "national_summit", _("National summit")
    ROUNDTABLE = "roundtable", _("Roundtable")
    WEBINAR = "webinar", _("Webinar")
    OTHER_EVENT = "other_event", _("Other event")
    QUESTIONNAIRE = "questionnaire", _("Questionnaire")
    WRITTEN_SUBMISSIONS = "written_submissions", _("Written submissions")
    OTHER_ACTIVITY = "other_activity", _("Other activity")


EVENT_KINDS = frozenset(
    {
        ItemKind.REGIONAL_SESSION,
        ItemKind.NATIONAL_SUMMIT,
        ItemKind.ROUNDTABLE,
        ItemKind.WEBINAR,
        ItemKind.OTHER_EVENT,
    }
)


class ItemFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIRTUAL = "virtual", _("Virtual")
    HYBRID = "hybrid", _("In person and virtual")
    ONLINE = "online", _("Online")


class Participation(models.TextChoices):
    INVITATION = "invitation", _("By invitation")
    OPEN = "open", _("Open registration")
    INVITATION_OR_REQUEST = "invitation_or_request", _("By invitation or on request")
    OPEN_TO_ALL = "open_to_all", _("Open to all")


class Visibility(models.TextChoices):
    TRANSPARENT = "transparent", _("Transparent: listed publicly, attendance by invitation")
    PRIVATE = "private", _("Private: only invitees see it")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Exact dates")
    MONTH = "month", _("Month only")


class ScheduleItem(models.Model):
    """A row of the “summary of events” table: an event, or an activity such as a questionnaire."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="schedule_items"
    )
    key = models.SlugField(
        _("key"),
        max_length=80,
        help_text=_("Stable identifier within the consultation (used by `heard load`)."),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=ItemKind.choices)
    title_en = models.CharField(_("title (English)"), max_length=limits.TITLE)
    title_fr = models.CharField(_("title (French)"), max_length=limits.TITLE, blank=True)
    description_en = BoundedTextField(
        _("details (English)"), max_length=limits.MARKDOWN, blank=True
    )
    description_fr = BoundedTextField(_("details (French)"), max_length=limits.MARKDOWN, blank=True)
    format = models.CharField(_("format"), max_length=20, choices=ItemFormat.choices)
    city_en = models.CharField(_("city (English)"), max_length=limits.CITY, blank=True)
    city_fr = models.CharField(_("city (French)"), max_length=limits.CITY, blank=True)
    venue_en = models.CharField(_("venue (English)"), max_length=limits.VENUE, blank=True)
    venue_fr = models.CharField(_("venue (French)"), max_length=limits.VENUE, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("For events over several days.")
    )
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    date_precision = models.CharField(
        _("date shown as"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("The local time zone of the city; blank means the consultation's."),
    )
    participation = models.CharField(
        _("participation"), max_length=30, choices=Participation.choices
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.TRANSPARENT,
        help_text=_("Private events are left out of the public summary of events."),
    )
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("Rows are listed from the lowest number.")
    )

    title = translated("title")
    description = translated("description")
    city = translated("city")
    venue = translated("venue")

    class Meta:
        ordering = ["position", "start_date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "key"], name="schedule_item_key"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="schedule_item_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ItemKind.values), name="schedule_item_kind_known"
            ),
            models.CheckConstraint(
                condition=~Q(format=ItemFormat.IN_PERSON) | ~Q(city_en=""),
                name="schedule_item_in_person_has_city",
            ),
            limits.length_constraint(
                "schedule_item_text_lengths",
                {f"description_{code}": limits.MARKDOWN for code in ("en", "fr")},
            ),
        ]

    def __str__(self) -> str:
        return f"{self.start_date} {self.title_en}"

    @property
    def is_event(self) -> bool:
        return self.kind in EVENT_KINDS

    @property
    def effective_time_zone(self) -> str:
        return self.time_zone or self.consultation.time_zone


class RelatedLink(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="related_links"
    )
    title_en = models.CharField(_("title (English)"), max_length=limits.TITLE)
    title_fr = models.CharField(_("title (French)"), max_length=limits.TITLE, blank=True)
    url_en = models.URLField(_("address (English)"), max_length=limits.URL)
    url_fr = models.URLField(_("address (French)"), max_length=limits.URL, blank=True)
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("Rows are listed from the lowest number.")
    )

    title = translated("title")
    url = translated("url")

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title_en


class ReportingCommitment(models.Model):
    """What the team promises to publish once the consultation is over, and to whom."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="reporting_commitments"
    )
    document_en = models.CharField(_("what will be published (English)"), max_length=limits.TITLE)
    document_fr = models.CharField(
        _("what will be published (French)"), max_length=limits.TITLE, blank=True
    )
    audience_en = models.CharField(
        _("for whom, and how (English)"),
        max_length=limits.TITLE,
        help_text=_("A full phrase, e.g. “given to participants and posted online”."),
    )
    audience_fr = models.CharField(
        _("for whom, and how (French)"),
        max_length=limits.TITLE,
        blank=True,
        help_text=_("A full phrase, e.g. “given to participants and posted online”."),
    )
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("Rows are listed from the lowest number.")
    )

    document = translated("document")
    audience = translated("audience")

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.document_en


class PublishedDocument(models.Model):
    """A document published on the consultation's page, such as a "What We Heard" report.

    The reports app writes it when it publishes; the page reads it without importing the reports
    code (a later stage never reaches back into an earlier one)."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="published_documents"
    )
    key = models.SlugField(max_length=40)  # "full", "questionnaire": part of its address
    title_en = models.CharField(max_length=limits.TITLE)
    title_fr = models.CharField(max_length=limits.TITLE)
    version = models.PositiveIntegerField()
    first_published_at = models.DateTimeField()
    corrected_at = models.DateTimeField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)
    # "We asked / You said / We did": HTML the report's build rendered (figures resolved), shown
    # on the consultation page; blank when the report has no such section.
    summary_en = EncryptedTextField(blank=True)  # quotes people's words, like the report
    summary_fr = EncryptedTextField(blank=True)

    title = translated("title")
    summary = translated("summary")

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "key"], name="published_document_key_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title_en


class PageRevision(models.Model):
    """One row whose token changes with anything the public pages show (heard.consultations.
    public_cache): every web process compares it with the token its kept rendering was made
    under. A random number rather than a counter, so that a rolled-back change never hands a
    number already used for other content to the next one."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    token = models.BigIntegerField()
    changed_at = models.DateTimeField()

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(id=1), name="page_revision_one_row")]

    def __str__(self) -> str:
        return f"{self.token} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
