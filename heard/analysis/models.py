"""What the analysis stores: codebooks, runs and their results, and people's review of them.

The engine's suggestions and people's decisions live apart (docs/adr/0011): a `Run` and what it
found (`RunRecord`, `Suggestion`) never change once the run is done, and a new run never rewrites
an old one; a `Decision` is a person's verdict on a code for a record, kept by the record's stable
key so that it holds across runs. A person's "no" never deletes the engine's "yes": both stay, each
with who (or what) and when.

Text is the engine's redacted text, encrypted at rest like the answers it came from.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from heard.consultations.models import Consultation
from heard.core import limits
from heard.core.crypto import EncryptedTextField
from heard.core.models import Job

RECORD_KEY = 80  # "Q00012-barriers", "N00003-014": opaque ids that name no person
CODE_KEY = 60
#: Metadata the engine carries through that a stored record keeps as its segments.
SEGMENT_FIELDS = ("sector", "region", "event", "city", "channel", "date", "answer_language")
#: A record's redacted text: an answer, or a paragraph of a session note.
RECORD_TEXT = limits.NOTES


class Codebook(models.Model):
    """The consultation's working codebook, in the engine's own form (`Codebook.to_dict`).

    Each change bumps `revision`; a run keeps a copy of the codebook it used, so editing it later
    changes no run."""

    consultation = models.OneToOneField(
        Consultation, on_delete=models.CASCADE, related_name="codebook"
    )
    data = models.JSONField()
    revision = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    def __str__(self) -> str:
        return f"codebook of {self.consultation_id} (revision {self.revision})"


class Run(models.Model):
    """One analysis of a consultation: what it read, how, and (once done) what it found."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting for the worker")
        RUNNING = "running", _("Running")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="analysis_runs"
    )
    number = models.PositiveIntegerField(help_text="1, 2, 3… within its consultation.")
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    job = models.OneToOneField(Job, null=True, blank=True, on_delete=models.SET_NULL)
    # What to read: {"questions": [names...], "notes": bool}.
    sources = models.JSONField(default=dict)
    codebook = models.JSONField(null=True, blank=True, help_text="A copy of the codebook used.")
    codebook_revision = models.PositiveIntegerField(null=True, blank=True)
    baseline = models.ForeignKey(
        Consultation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="An earlier consultation to compare with: what rose, what fell, what is new.",
    )
    examples = models.PositiveIntegerField(
        default=0, help_text="Records coded by people that the engine learned from."
    )
    manifest = models.JSONField(default=dict, blank=True)
    # The engine's summary.json: counts, prevalence, campaigns and quotes (redacted text).
    summary = EncryptedTextField(blank=True, default="")
    records_raw = models.PositiveIntegerField(default=0)
    records_deduplicated = models.PositiveIntegerField(default=0)
    # Records per source and question, counted once when the run is stored: {"sources":
    # [[source, question, records], ...]}. The screens read it instead of counting 100,000 rows.
    facets = models.JSONField(default=dict, blank=True)
    error = models.CharField(max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "number"], name="run_number_unique"),
            models.CheckConstraint(
                condition=Q(state__in=["queued", "running", "done", "failed", "cancelled"]),
                name="run_state_known",
            ),
        ]

    def __str__(self) -> str:
        return f"analysis {self.number} of {self.consultation_id} ({self.state})"


class RunRecord(models.Model):
    """One record as a run saw it: redacted text, language, campaign, segments."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="records")
    position = models.PositiveIntegerField()
    key = models.CharField(max_length=RECORD_KEY)
    source = models.CharField(max_length=20)  # questionnaire, session-notes
    # A questionnaire question's name, or a session note's discussion question.
    question = models.CharField(max_length=limits.DISCUSSION_QUESTION, blank=True)
    language = models.CharField(max_length=8, blank=True)
    campaign = models.CharField(max_length=20, blank=True)
    consent = models.BooleanField(null=True)
    # sector, region, event, city, channel, date, answer_language: what comparisons segment by.
    segments = models.JSONField(default=dict)
    theme = models.CharField(max_length=20, blank=True)  # the candidate theme it was placed in
    text = EncryptedTextField(max_length=RECORD_TEXT)
    added_text = EncryptedTextField(max_length=RECORD_TEXT, blank=True, default="")

    class Meta:
        ordering = ["run", "position"]
        constraints = [
            models.UniqueConstraint(fields=["run", "key"], name="run_record_key_unique"),
            models.UniqueConstraint(fields=["run", "position"], name="run_record_position_unique"),
            limits.length_constraint(
                "run_record_lengths",
                {"text": RECORD_TEXT, "added_text": RECORD_TEXT},
                encrypted=("text", "added_text"),
            ),
        ]
        indexes = [
            models.Index(fields=["run", "source", "question"], name="run_record_source"),
            models.Index(fields=["run", "theme"], name="run_record_theme"),
        ]

    def __str__(self) -> str:
        return self.key


class Suggestion(models.Model):
    """A code the engine gave a record in a run (or, with source "person", one it was taught)."""

    class Part(models.TextChoices):
        WHOLE = "whole", _("the whole text")
        ADDED = "added", _("the words a campaign member added")

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="suggestions")
    record = models.ForeignKey(RunRecord, on_delete=models.CASCADE, related_name="suggestions")
    code = models.CharField(max_length=CODE_KEY)
    confidence = models.FloatField()
    part = models.CharField(max_length=5, choices=Part.choices, default=Part.WHOLE)
    taught = models.BooleanField(
        default=False, help_text="A person's code the engine learned from, not its own guess."
    )

    class Meta:
        indexes = [
            models.Index(fields=["run", "code"], name="suggestion_run_code"),
            models.Index(fields=["record"], name="suggestion_record"),
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.confidence:.2f})"


class Decision(models.Model):
    """A person's verdict on one code for one record, whole or an excerpt of it.

    Kept by the record's stable key, so a decision made while reading run 3 still holds in run 4.
    One current verdict per analyst, record, code and excerpt: a changed mind updates it (the
    History keeps every step)."""

    class Verdict(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        REJECTED = "rejected", _("rejected")
        ADDED = "added", _("added")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="code_decisions"
    )
    record_key = models.CharField(max_length=RECORD_KEY)
    code = models.CharField(max_length=CODE_KEY)
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    # An excerpt: characters [start, end) of the redacted text as the run showed it, and the
    # excerpt itself, so that it can be shown and exported whatever later runs do.
    excerpt_start = models.PositiveIntegerField(null=True, blank=True)
    excerpt_end = models.PositiveIntegerField(null=True, blank=True)
    excerpt = EncryptedTextField(max_length=RECORD_TEXT, blank=True, default="")
    run = models.ForeignKey(Run, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    analyst = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["decided_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "record_key", "code", "analyst"],
                condition=Q(excerpt_start__isnull=True),
                name="decision_whole_unique",
            ),
            models.UniqueConstraint(
                fields=["consultation", "record_key", "code", "analyst", "excerpt_start"],
                condition=Q(excerpt_start__isnull=False),
                name="decision_excerpt_unique",
            ),
            models.CheckConstraint(
                condition=Q(verdict__in=["confirmed", "rejected", "added"]),
                name="decision_verdict_known",
            ),
            models.CheckConstraint(
                condition=(Q(excerpt_start__isnull=True) & Q(excerpt_end__isnull=True))
                | Q(excerpt_end__gt=models.F("excerpt_start")),
                name="decision_excerpt_span",
            ),
            limits.length_constraint(
                "decision_lengths", {"excerpt": RECORD_TEXT}, encrypted=("excerpt",)
            ),
        ]
        indexes = [
            models.Index(fields=["consultation", "record_key"], name="decision_record"),
            models.Index(fields=["consultation", "code"], name="decision_code"),
        ]

    def __str__(self) -> str:
        return f"{self.record_key} {self.code} {self.verdict}"


class Review(models.Model):
    """An analyst has read this record and is done with it: it counts as reviewed by a person
    (the "% reviewed" figures), whether or not any code applied."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="record_reviews"
    )
    record_key = models.CharField(max_length=RECORD_KEY)
    analyst = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    run = models.ForeignKey(Run, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "record_key", "analyst"], name="review_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.record_key} reviewed"


class ThemeDecision(models.Model):
    """What people made of a candidate theme of a run: accepted into the codebook as a new code,
    merged into an existing code, split into two new codes, or rejected. Only themes that became
    codes reach a report."""

    class Verdict(models.TextChoices):
        ACCEPTED = "accepted", _("accepted as a new code")
        MERGED = "merged", _("merged into a code")
        SPLIT = "split", _("split into two new codes")
        REJECTED = "rejected", _("rejected")

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="theme_decisions")
    theme = models.CharField(max_length=20)  # the engine's theme id in that run ("T03")
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    code = models.CharField(max_length=CODE_KEY, blank=True)  # a split's first code
    split_into = models.JSONField(default=list, blank=True)  # a split's codes, in order
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["run", "theme"], name="theme_decision_unique"),
            models.CheckConstraint(
                condition=Q(verdict__in=["accepted", "merged", "split", "rejected"]),
                name="theme_decision_verdict_known",
            ),
            models.CheckConstraint(
                condition=Q(verdict="rejected") | ~Q(code=""), name="theme_decision_has_code"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.theme} {self.verdict}"


QUOTE_TEXT = 2_000


class Quote(models.Model):
    """A candidate quote (a redacted excerpt the engine chose, from a consenting respondent) and
    what a person decided: approved, with its redactions checked or corrected, or rejected.
    Only approved quotes may appear in a report. Kept by record and label, so a decision holds
    in later runs."""

    class State(models.TextChoices):
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="quotes")
    record_key = models.CharField(max_length=RECORD_KEY)
    label = models.CharField(max_length=CODE_KEY)  # a code key (an approved theme is a code)
    language = models.CharField(max_length=8, blank=True)
    # The engine's excerpt, and the text a person approved (the same, or with more removed).
    suggested = EncryptedTextField(max_length=QUOTE_TEXT)
    text = EncryptedTextField(max_length=QUOTE_TEXT)
    state = models.CharField(max_length=10, choices=State.choices)
    run = models.ForeignKey(Run, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "record_key", "label"], name="quote_unique"
            ),
            models.CheckConstraint(
                condition=Q(state__in=["approved", "rejected"]), name="quote_state_known"
            ),
            limits.length_constraint(
                "quote_lengths",
                {"suggested": QUOTE_TEXT, "text": QUOTE_TEXT},
                encrypted=("suggested", "text"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.record_key} {self.label} {self.state}"


class Assignment(models.Model):
    """A record given to an analyst to review: the double-coding sample, given to two analysts,
    whose agreement tells how consistently the codebook is applied."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="review_assignments"
    )
    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="assignments")
    record_key = models.CharField(max_length=RECORD_KEY)
    analyst = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "record_key", "analyst"], name="assignment_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.record_key} for {self.analyst_id}"


class RecordFile(models.Model):
    """Texts the consultation received outside Heard (email submissions, letters on paper),
    imported from a spreadsheet so that a run can read them beside the answers and notes."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("By email")
        PAPER = "paper", _("On paper")
        OTHER = "other", _("Other")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="record_files"
    )
    name = models.CharField(max_length=200)  # "Email submissions, spring 2018"
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    records = models.PositiveIntegerField(default=0)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    imported_at = models.DateTimeField()

    class Meta:
        ordering = ["consultation", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(channel__in=["email", "paper", "other"]),
                name="record_file_channel_known",
            )
        ]

    def __str__(self) -> str:
        return self.name


class ImportedText(models.Model):
    """One text of an imported file, encrypted at rest like an answer; the engine redacts it
    when a run reads it, as it does answers."""

    file = models.ForeignKey(RecordFile, on_delete=models.CASCADE, related_name="texts")
    position = models.PositiveIntegerField()  # its row's order in the file
    text = EncryptedTextField(max_length=RECORD_TEXT)
    sector = models.CharField(max_length=60, blank=True)
    region = models.CharField(max_length=2, blank=True)
    received = models.DateField(null=True, blank=True)
    consent = models.BooleanField(null=True)  # may it be quoted (never attributed)?

    class Meta:
        ordering = ["file", "position"]
        constraints = [
            models.UniqueConstraint(fields=["file", "position"], name="imported_text_position"),
            limits.length_constraint(
                "imported_text_lengths", {"text": RECORD_TEXT}, encrypted=("text",)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.file_id}-{self.position}"
