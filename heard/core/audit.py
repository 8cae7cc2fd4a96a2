"""Record audit events. Call inside the transaction that makes the change."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import models, transaction
from django.utils import timezone

from heard.core.models import AuditEvent
from heard.core.runner import periodic


def record(
    *,
    actor: User | AnonymousUser | None,
    action: str,
    target: models.Model,
    scope: str = "",
    changes: dict[str, Any] | None = None,
    system_label: str = "system",
) -> AuditEvent:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Audit events must be written inside the transaction of the change.")
    user = actor if actor is not None and actor.is_authenticated else None
    return AuditEvent.objects.create(
        actor=user,
        actor_label=user.get_username() if user is not None else system_label,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        scope=scope,
        changes=changes or {},
    )


# The audit log is kept two years, then deleted by the worker's housekeeping: long enough for a
# consultation's review and an audit after it, not forever (records rules; ADR 0014).
KEPT = timedelta(days=2 * 365 + 1)


def record_view(
    *, actor: User | AnonymousUser | None, action: str, target: models.Model, scope: str = ""
) -> AuditEvent:
    """Record that someone looked at personal data (a page of the registry, a response, the
    outbox): who, which page, when; never what it showed."""
    with transaction.atomic():
        return record(actor=actor, action=action, target=target, scope=scope)


@periodic("audit-retention", every=timedelta(hours=6))
def purge_old_events() -> int:
    deleted, _kinds = AuditEvent.objects.filter(at__lt=timezone.now() - KEPT).delete()
    return deleted
