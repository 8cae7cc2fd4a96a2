"""Cross-cutting records: the audit trail, sign-in failures, workers and jobs, second factors."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django_otp.models import Device, ThrottlingMixin, TimestampMixin

from heard.core.crypto import EncryptedTextField


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
    pair = models.CharField(max_length=64, db_index=True)  # username and client
    account = models.CharField(max_length=64, db_index=True, default="")  # username alone
    address = models.CharField(max_length=64, db_index=True)  # client alone

    def __str__(self) -> str:
        return f"failed sign-in at {self.at:%Y-%m-%d %H:%M}"


class Worker(models.Model):
    """A running worker loop (`heard worker`, or the thread of `heard serve --with-worker`).

    Its heartbeat (`seen_at`) tells staff pages whether anyone is working through the queues, and
    its name (host, process id and a per-loop nonce) is what jobs and messages record as their
    holder, so that work held by a worker that is gone can be recovered (heard.core.workers).
    """

    name = models.CharField(max_length=200, unique=True)
    host = models.CharField(max_length=200)
    pid = models.PositiveIntegerField()
    embedded = models.BooleanField(default=False, help_text="A thread inside `heard serve`.")
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)
    stopped_at = models.DateTimeField(null=True, blank=True)
    restarts = models.PositiveIntegerField(
        default=0, help_text="Times the loop was started again after it failed."
    )

    class Meta:
        ordering = ["-seen_at"]

    def __str__(self) -> str:
        return f"worker {self.name}"


class Job(models.Model):
    """Long work run by the worker (`heard worker`, or the embedded one), with its progress.

    The handler for each `kind` is registered in heard.core.jobs; `payload` says what to do,
    `result` what came of it. Progress is written as the job goes, for the page that watches it.
    A running job is held by one worker under a lease that the worker's heartbeat renews; a job
    whose worker is gone goes back to the queue, or fails with a reason after too many tries.
    """

    class State(models.TextChoices):
        QUEUED = "queued", "queued"
        RUNNING = "running", "running"
        DONE = "done", "done"
        FAILED = "failed", "failed"
        CANCELLED = "cancelled", "cancelled"

    class Failure(models.TextChoices):
        NONE = "", "none"
        ERROR = "error", "the job stopped with an error"
        WORKER_LOST = "worker_lost", "the worker stopped while running it, too many times"

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
    claimed_by = models.CharField(max_length=200, blank=True, help_text="The worker holding it.")
    lease_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    failure = models.CharField(max_length=20, choices=Failure.choices, blank=True, default="")
    # When the current stage began, for an estimate of the time left (done / total at this pace).
    stage_started_at = models.DateTimeField(null=True, blank=True)
    # Someone asked for the job to stop: a queued job stops at once, a running one at its next
    # progress report (a handler that can be cancelled checks it there; see jobs.Cancelled).
    cancel_requested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["state", "created_at"], name="job_due")]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=["queued", "running", "done", "failed", "cancelled"]),
                name="job_state_known",
            ),
            models.CheckConstraint(
                condition=~Q(state="running") | ~Q(claimed_by=""), name="job_running_has_holder"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} ({self.state})"


# --- Second factors (django-otp devices; passkeys are django_otp_webauthn's) ----------------------


class AuthenticatorApp(TimestampMixin, ThrottlingMixin, Device):
    """An authenticator app holding a time-based one-time password secret (RFC 6238, 6 digits,
    30 seconds). The shared secret is encrypted at rest like personal data; a code is accepted
    once (the last accepted time step is kept), and failures slow the next try (1, 2, 4 ...
    seconds: django-otp's ThrottlingMixin)."""

    secret = EncryptedTextField()  # 20 random bytes, as hex
    last_step = models.BigIntegerField(default=-1)

    class Meta:
        verbose_name = "authenticator app"

    def get_throttle_factor(self) -> int:
        return 1

    def verify_token(self, token: str) -> bool:
        from django_otp.oath import TOTP

        allowed, _reason = self.verify_is_allowed()
        if not allowed:
            return False
        code = "".join(str(token).split())
        if not (len(code) == 6 and code.isdigit()):
            # Not an app's code (a recovery code, typed in the same box): no guess at this
            # device, so it counts for nothing here, or a recovery code would throttle the app.
            return False
        totp = TOTP(bytes.fromhex(self.secret), step=30, t0=0, digits=6, drift=0)
        # One step either side: a phone's clock a little off still works.
        if totp.verify(int(code), tolerance=1, min_t=self.last_step + 1):
            self.last_step = totp.t()
            self.throttle_reset(commit=False)
            self.set_last_used_timestamp(commit=False)
            self.save()
            return True
        self.throttle_increment()
        return False


class RecoveryCodes(TimestampMixin, ThrottlingMixin, Device):
    """One-time codes for when the app and the passkey are out of reach. Only a SHA-256 of each
    is kept (they are long and random, like the personal links' tokens); each works once."""

    LENGTH = 10  # letters and digits, without the dash or spaces people type

    class Meta:
        verbose_name = "recovery codes"

    def get_throttle_factor(self) -> int:
        return 1

    @staticmethod
    def normalised(code: str) -> str:
        return "".join(ch for ch in code.casefold() if ch.isalnum())

    def verify_token(self, token: str) -> bool:
        import hashlib

        typed = self.normalised(str(token))
        if len(typed) != self.LENGTH:
            return False  # not a recovery code (an app's six digits): counts for nothing here
        allowed, _reason = self.verify_is_allowed()
        if not allowed:
            return False
        digest = hashlib.sha256(typed.encode()).hexdigest()
        used, _kinds = self.codes.filter(code_hash=digest).delete()
        if used:
            self.throttle_reset(commit=False)
            self.set_last_used_timestamp(commit=False)
            self.save()
            return True
        self.throttle_increment()
        return False


class RecoveryCode(models.Model):
    device = models.ForeignKey(RecoveryCodes, on_delete=models.CASCADE, related_name="codes")
    code_hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"recovery code {self.pk}"
