"""Sessions people are invited to, and their invitations.

A session adds to a schedule item (an event of the consultation) what inviting needs: exact times,
capacity and seats reserved per sector. An invitation ties a person of the registry to
a session; its personal link's token is stored only as a hash.
"""

from __future__ import annotations

import zoneinfo
from datetime import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from heard.consultations.models import ScheduleItem
from heard.core import limits
from heard.core.bilingual import translated
from heard.core.crypto import EncryptedTextField
from heard.stakeholders.models import Person, Sector


class Session(models.Model):
    schedule_item = models.OneToOneField(
        ScheduleItem, on_delete=models.CASCADE, related_name="session", verbose_name=_("event")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Seats in the room; blank for no limit.")
    )
    link_valid_days = models.PositiveIntegerField(
        _("personal links stay valid for (days)"), default=60
    )

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.schedule_item.title_en} ({self.starts_at:%Y-%m-%d})"

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.schedule_item.effective_time_zone)

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)


class SectorQuota(models.Model):
    """Seats kept for one sector, so that the room stays balanced."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="quotas")
    sector = models.ForeignKey(Sector, on_delete=models.CASCADE, verbose_name=_("sector"))
    seats = models.PositiveIntegerField(_("reserved seats"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "sector"], name="one_quota_per_sector")
        ]

    def __str__(self) -> str:
        return f"{self.seats} seats for {self.sector}"


class InvitationState(models.TextChoices):
    PENDING = "pending", _("Invited, no answer yet")
    ACCEPTED = "accepted", _("Accepted")
    WAITLISTED = "waitlisted", _("On the waitlist")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn by staff")


class Interpretation(models.TextChoices):
    NONE = "", _("No interpretation needed")
    TO_EN = "en", _("Interpretation into English")
    TO_FR = "fr", _("Interpretation into French")


class Invitation(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="invitations")
    state = models.CharField(
        max_length=12, choices=InvitationState.choices, default=InvitationState.PENDING
    )
    # The personal link: only a SHA-256 of its token is kept, never the token itself.
    token_hash = models.CharField(max_length=64, unique=True)
    link_expires_at = models.DateTimeField()
    link_revoked_at = models.DateTimeField(null=True, blank=True)
    invited_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    reminders_sent = models.PositiveIntegerField(default=0)
    last_reminded_at = models.DateTimeField(null=True, blank=True)
    # Registration answers (personal: encrypted).
    dietary_needs = EncryptedTextField(_("dietary needs"), max_length=limits.NEEDS, blank=True)
    accessibility_needs = EncryptedTextField(
        _("accessibility needs"), max_length=limits.NEEDS, blank=True
    )
    interpretation = models.CharField(
        _("interpretation"), max_length=2, choices=Interpretation.choices, blank=True
    )
    list_organisation = models.BooleanField(
        _("list my organisation as a participant"), default=False
    )
    # A short code for the door, given in the confirmation email; stored as a keyed hash.
    registration_code_index = models.CharField(max_length=64, blank=True, db_index=True)

    class Meta:
        ordering = ["invited_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="one_invitation_per_person"),
            models.CheckConstraint(
                condition=Q(state__in=InvitationState.values), name="invitation_state_known"
            ),
            limits.length_constraint(
                "invitation_text_lengths",
                {"dietary_needs": limits.NEEDS, "accessibility_needs": limits.NEEDS},
                encrypted=("dietary_needs", "accessibility_needs"),
            ),
        ]
        indexes = [models.Index(fields=["session", "state"])]

    def __str__(self) -> str:
        return f"invitation {self.pk} ({self.state})"


class Suggestion(models.Model):
    """An invitee's suggestion of a colleague. It invites nobody: staff approve or decline it."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for staff")
        APPROVED = "approved", _("Approved and invited")
        DECLINED = "declined", _("Declined")

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="suggestions")
    name = EncryptedTextField(_("colleague's name"), max_length=limits.PERSON_NAME)
    email = EncryptedTextField(_("colleague's e-mail address"), max_length=limits.EMAIL)
    note = EncryptedTextField(_("why this person"), max_length=limits.SUGGESTION_NOTE, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            limits.length_constraint(
                "suggestion_text_lengths",
                {
                    "name": limits.PERSON_NAME,
                    "email": limits.EMAIL,
                    "note": limits.SUGGESTION_NOTE,
                },
                encrypted=("name", "email", "note"),
            )
        ]

    def __str__(self) -> str:
        return f"suggestion {self.pk} ({self.state})"


class Attendance(models.Model):
    """Someone was there: checked in at the door, invited or walk-in."""

    invitation = models.OneToOneField(
        Invitation, on_delete=models.CASCADE, related_name="attendance"
    )
    checked_in_at = models.DateTimeField(auto_now_add=True)
    checked_in_by = models.CharField(max_length=150)
    walk_in = models.BooleanField(_("walk-in"), default=False)

    def __str__(self) -> str:
        return f"attendance {self.pk}"


class AgendaKind(models.TextChoices):
    PLENARY = "plenary", _("Plenary")
    BREAKOUT = "breakout", _("Breakout session")
    TABLE = "table", _("Table discussion")


class AgendaItem(models.Model):
    """A part of a session's programme: a plenary, a breakout session or a table, with a theme."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="agenda")
    kind = models.CharField(_("kind"), max_length=10, choices=AgendaKind.choices)
    title_en = models.CharField(_("title (English)"), max_length=limits.SHORT_TITLE)
    title_fr = models.CharField(_("title (French)"), max_length=limits.SHORT_TITLE)
    theme_en = models.CharField(
        _("theme (English)"),
        max_length=limits.SHORT_TITLE,
        blank=True,
        help_text=_("For example a pillar: prevention, protection…"),
    )
    theme_fr = models.CharField(_("theme (French)"), max_length=limits.SHORT_TITLE, blank=True)
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    title = translated("title")
    theme = translated("theme")

    class Meta:
        ordering = ["starts_at", "position", "id"]

    def __str__(self) -> str:
        return self.title_en


class NoteLanguage(models.TextChoices):
    EN = "en", _("English")
    FR = "fr", _("French")
    MIXED = "mixed", _("English and French")


class Note(models.Model):
    """What was said at a session, a breakout or about one discussion question.

    Notes record what was said, not who said it: speaker names are removed on saving unless the
    facilitator keeps them on purpose. The text is encrypted at rest.
    """

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="notes")
    agenda_item = models.ForeignKey(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notes",
        verbose_name=_("part of the programme"),
    )
    question = models.CharField(
        _("discussion question"), max_length=limits.DISCUSSION_QUESTION, blank=True
    )
    language = models.CharField(
        _("language of the notes"), max_length=5, choices=NoteLanguage.choices
    )
    text = EncryptedTextField(_("notes"), max_length=limits.NOTES)
    source = models.CharField(
        _("source"),
        max_length=limits.FILE_NAME,
        blank=True,
        help_text=_("The uploaded file's name, if any."),
    )
    speakers_kept = models.BooleanField(_("speaker names kept"), default=False)
    recorded_by = models.CharField(max_length=150)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recorded_at", "id"]
        constraints = [
            limits.length_constraint(
                "note_text_length", {"text": limits.NOTES}, encrypted=("text",)
            )
        ]

    def __str__(self) -> str:
        return f"note {self.pk}"
