"""Record audit events. Call inside the transaction that makes the change."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import models, transaction

from heard.core.models import AuditEvent


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
