"""Cross-cutting records: the audit trail."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """Who did what, to which record, and when. Written in the same transaction as the change.

    ``scope`` ties the event to the consultation it belongs to ("consultation:12"), so that each
    consultation's history can be listed without core importing the consultations app.
    """

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    actor_label = models.CharField(
        max_length=150, help_text="Username, or the system process that acted (e.g. 'heard load')."
    )
    action = models.CharField(max_length=80)
    target_type = models.CharField(max_length=80)
    target_id = models.CharField(max_length=64)
    scope = models.CharField(max_length=80, db_index=True, blank=True)
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.target_type}"


class SignInFailure(models.Model):
    """A failed sign-in, kept a short while to slow down password guessing.

    Only keyed hashes are stored: neither the username tried nor the address it came from.
    """

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    pair = models.CharField(max_length=64, db_index=True)  # username and address
    address = models.CharField(max_length=64, db_index=True)  # address alone

    def __str__(self) -> str:
        return f"failed sign-in at {self.at:%Y-%m-%d %H:%M}"


class Job(models.Model):
    """Long work run by the worker (`heard worker`, or the embedded one), with its progress.

    The handler for each `kind` is registered in heard.core.jobs; `payload` says what to do,
    `result` what came of it. Progress is written as the job goes, for the page that watches it.
    """

    class State(models.TextChoices):
        QUEUED = "queued", "queued"
        RUNNING = "running", "running"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    kind = models.CharField(max_length=60)
    scope = models.CharField(max_length=80, db_index=True, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    payload = models.JSONField(default=dict)
    result = models.JSONField(default=dict, blank=True)
    error = models.CharField(max_length=500, blank=True)
    stage = models.CharField(max_length=60, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["state", "created_at"], name="job_due")]

    def __str__(self) -> str:
        return f"{self.kind} ({self.state})"
