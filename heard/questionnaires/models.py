"""Questionnaires: the form and its versions, personal links, access requests and responses.

A questionnaire belongs to a consultation. Its form is an XLSForm, kept as versions: once a
version has answers it never changes, and each response keeps the version it was given under.
Personal links are stored only as hashes. Answers are encrypted at rest as one JSON document per
response, so no free text (nor any other answer) is readable in the database.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heard.consultations.models import Consultation
from heard.core import limits
from heard.core.bilingual import translated
from heard.core.crypto import EncryptedBytesField, EncryptedTextField
from heard.core.limits import BoundedTextField
from heard.stakeholders.models import Person, Sector
from heard.stakeholders.regions import Region


class Questionnaire(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="questionnaires"
    )
    title_en = models.CharField(_("title (English)"), max_length=limits.SHORT_TITLE)
    title_fr = models.CharField(_("title (French)"), max_length=limits.SHORT_TITLE)
    privacy_notice_en = BoundedTextField(
        _("privacy notice (English)"),
        max_length=limits.MARKDOWN,
        help_text=_("Purpose, use, retention and whom to contact. Markdown."),
    )
    privacy_notice_fr = BoundedTextField(_("privacy notice (French)"), max_length=limits.MARKDOWN)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    link_valid_days = models.PositiveIntegerField(
        _("personal links stay valid for (days)"), default=60
    )
    reminder_limit = models.PositiveIntegerField(_("reminders per person, at most"), default=2)
    reminder_interval_days = models.PositiveIntegerField(
        _("days between two reminders, at least"), default=7
    )
    accepts_requests = models.BooleanField(
        _("anyone may ask for access"),
        default=True,
        help_text=_("Shows the access-request page; staff approve or decline each request."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    title = translated("title")
    privacy_notice = translated("privacy_notice")

    class Meta:
        ordering = ["opens_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="questionnaire_closes_after_opening",
            ),
            limits.length_constraint(
                "questionnaire_text_lengths",
                {"privacy_notice_en": limits.MARKDOWN, "privacy_notice_fr": limits.MARKDOWN},
            ),
        ]

    def __str__(self) -> str:
        return self.title_en

    def is_open(self, at: datetime | None = None) -> bool:
        """Between its dates, with every text of its form in English and French and every file
        of choices it names attached."""
        if not self.between_dates(at):
            return False  # no query: most of the time this is all a closed one needs
        return self.current_version_is_ready(self.latest_version_key())

    def between_dates(self, at: datetime | None = None) -> bool:
        moment = at or timezone.now()
        return self.opens_at <= moment < self.closes_at

    def latest_version_key(self) -> tuple[int, uuid.UUID] | None:
        """(pk, revision) of the current version: one small query, no form read."""
        found = self.versions.order_by("-number").values_list("pk", "revision").first()
        return (found[0], found[1]) if found else None

    def current_version_is_ready(self, key: tuple[int, uuid.UUID] | None) -> bool:
        """Every text of the current version (`key`, from latest_version_key() or a query that
        read the same) in both languages and every file of choices attached. Worked out once per
        version and revision in each process (heard.questionnaires.compiled)."""
        from heard.questionnaires.compiled import compiled

        return key is None or compiled(*key).ready

    def stops(self) -> dict[str, Any]:
        """What stops the current version opening (readiness.stops); nothing without a version."""
        from heard.questionnaires.readiness import stops

        version = self.current_version
        return stops(version.definition) if version is not None else {}

    @property
    def current_version(self) -> QuestionnaireVersion | None:
        return self.versions.order_by("-number").first()


class QuestionnaireVersion(models.Model):
    """One form, as uploaded. Never edited once it has answers: a change is a new version."""

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField()
    definition = models.JSONField()
    xform = models.TextField()
    # New whenever the definition is changed in place (a translation, a file of choices): each
    # process keeps its built form per revision (heard.questionnaires.compiled), so a change is
    # seen by every process at its next request. Random rather than counted, so that a version
    # deleted and another made with the same pk (SQLite reuses the highest) cannot match.
    revision = models.UUIDField(default=uuid.uuid4, editable=False)
    source_name = models.CharField(max_length=limits.FILE_NAME)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["questionnaire", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "number"], name="one_version_number_per_questionnaire"
            )
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        if self.pk is not None and (update_fields is None or "definition" in update_fields):
            self.revision = uuid.uuid4()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "revision"}
        super().save(*args, **kwargs)

    def missing_translations(self) -> list[dict[str, Any]]:
        from heard.questionnaires.xlsform import missing_translations

        return missing_translations(self.definition)

    def missing_files(self) -> list[str]:
        from heard.questionnaires.xlsform_files import missing_files

        return missing_files(self.definition)


class Respondent(models.Model):
    """Someone the questionnaire was sent to, through a personal link."""

    class Source(models.TextChoices):
        REGISTRY = "registry", _("Invited from the registry")
        REQUEST = "request", _("Asked for access")
        STAFF = "staff", _("Entered by staff")

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="respondents"
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="questionnaires"
    )
    source = models.CharField(max_length=10, choices=Source.choices)
    # Copied at invitation, so the dashboard counts by sector and region without personal data.
    sector = models.ForeignKey(Sector, null=True, blank=True, on_delete=models.SET_NULL)
    region = models.CharField(max_length=2, choices=Region.choices, blank=True)
    language = models.CharField(max_length=2, default="en")
    # For people from an access request: their details stay encrypted on the request.
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    link_expires_at = models.DateTimeField(null=True, blank=True)
    link_revoked_at = models.DateTimeField(null=True, blank=True)
    invited_at = models.DateTimeField(default=timezone.now)
    reminders_sent = models.PositiveIntegerField(default=0)
    last_reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["invited_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "person"],
                condition=Q(person__isnull=False),
                name="one_link_per_person_and_questionnaire",
            )
        ]

    def __str__(self) -> str:
        return f"respondent {self.pk}"

    def link_is_valid(self, at: datetime | None = None) -> bool:
        moment = at or timezone.now()
        return (
            self.token_hash is not None
            and self.link_revoked_at is None
            and self.link_expires_at is not None
            and self.link_expires_at > moment
        )


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    EMAIL = "email", _("By email")
    PAPER = "paper", _("On paper")


class ResponseState(models.TextChoices):
    DRAFT = "draft", _("Started")
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Response(models.Model):
    respondent = models.OneToOneField(Respondent, on_delete=models.CASCADE, related_name="response")
    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.PROTECT, related_name="responses"
    )
    state = models.CharField(max_length=10, choices=ResponseState.choices, default="draft")
    channel = models.CharField(max_length=6, choices=Channel.choices, default="online")
    language = models.CharField(max_length=2, default="en")
    # Every answer, as one encrypted JSON document (see DEFINITION.md for the value types).
    answers_json = EncryptedTextField(blank=True)
    # The pages the respondent has been through, for "continue where you left off".
    pages_seen = models.JSONField(default=list)
    started_at = models.DateTimeField(auto_now_add=True)
    saved_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Asked on the check page, beside the send button: email me the report when it is published.
    wants_report = models.BooleanField(default=False)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    # Set by the retention purge: detached from its respondent's details, personal information
    # in its text replaced by placeholders (heard.consultations.retention).
    anonymised_at = models.DateTimeField(null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["started_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=ResponseState.values), name="response_state_known"
            ),
            models.CheckConstraint(
                condition=~Q(state="submitted") | Q(submitted_at__isnull=False),
                name="submitted_response_has_time",
            ),
        ]
        indexes = [models.Index(fields=["state", "submitted_at"])]

    def __str__(self) -> str:
        return f"response {self.pk} ({self.state})"

    @property
    def answers(self) -> dict[str, Any]:
        return json.loads(self.answers_json) if self.answers_json else {}

    @answers.setter
    def answers(self, value: dict[str, Any]) -> None:
        self.answers_json = json.dumps(value, ensure_ascii=False, sort_keys=True)


class AnswerFile(models.Model):
    """A file a respondent attached to an answer (an image, audio, video or file question).

    The answer itself holds the file's name, as ODK's does; the name and the content are
    encrypted here, with the response they belong to, and go with it (erasure, retention,
    backups, key rotation). `field` is the answer's name (`photo`, or `photo@2` in a repeat's
    second entry)."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="files")
    field = models.CharField(max_length=200)
    name = EncryptedTextField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    content = EncryptedBytesField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["response", "field"]
        constraints = [
            models.UniqueConstraint(fields=["response", "field"], name="one_file_per_answer")
        ]

    def __str__(self) -> str:
        return f"file for {self.field} of response {self.response_id}"


class FormMedia(models.Model):
    """A picture, recording or video a questionnaire's form shows (form_media.py): the form's
    content, not anyone's personal data, so kept as it came. One row per content and
    questionnaire, shared by its versions (they name it by SHA-256); it goes with the
    questionnaire."""

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="media")
    sha256 = models.CharField(max_length=64)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    content = models.BinaryField()
    attached_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["questionnaire", "attached_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "sha256"], name="one_copy_of_form_media"
            )
        ]

    def __str__(self) -> str:
        return f"media {self.sha256[:12]} of {self.questionnaire}"


REQUEST_LIMITS = {
    "name": limits.PERSON_NAME,
    "organisation": limits.ORGANISATION_NAME,
    "email": limits.EMAIL,
    "reason": limits.REQUEST_REASON,
}


class AccessRequest(models.Model):
    """Someone not on the list asks for the questionnaire; staff approve or decline."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for staff")
        APPROVED = "approved", _("Approved: link sent")
        DECLINED = "declined", _("Declined")

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="access_requests"
    )
    name = EncryptedTextField(_("name"), max_length=limits.PERSON_NAME)
    organisation = EncryptedTextField(
        _("organisation"), max_length=limits.ORGANISATION_NAME, blank=True
    )
    email = EncryptedTextField(_("email"), max_length=limits.EMAIL)
    email_index = models.CharField(max_length=64, db_index=True)
    sector = models.ForeignKey(
        Sector, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("sector")
    )
    reason = EncryptedTextField(
        _("why you would like to take part"), max_length=limits.REQUEST_REASON, blank=True
    )
    language = models.CharField(max_length=2, default="en")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    # A keyed hash of the sender's address, so that abuse can be throttled without storing it.
    address_index = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    respondent = models.OneToOneField(
        Respondent, null=True, blank=True, on_delete=models.SET_NULL, related_name="request"
    )

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            limits.length_constraint(
                "access_request_text_lengths",
                REQUEST_LIMITS,
                encrypted=tuple(REQUEST_LIMITS),
            )
        ]

    def __str__(self) -> str:
        return f"access request {self.pk} ({self.state})"
