"""Writes. Each service takes the acting user, runs in one transaction and records an audit event.

Views and the loader validate input, then call these; nothing else writes consultations.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.consultations.models import (
    Consultation,
    Membership,
    RelatedLink,
    ReportingCommitment,
    Role,
    ScheduleItem,
)
from heard.core import audit
from heard.core.bilingual import LANGUAGE_CODES, field_label, missing_translations
from heard.core.cells import safe_cell
from heard.core.models import AuditEvent
from heard.core.rows import stored_copy

Actor = User | AnonymousUser | None


class PublishRefused(Exception):
    """Raised with the list of reader-facing fields that lack one of the two languages.

    Raised by `publish`, and by any change that would leave a published page incomplete (the
    change is then rolled back with the rest of its transaction).
    """

    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        super().__init__(_("Publishing refused; missing: %s") % ", ".join(missing))


def _keep_published_page_complete(consultation: Consultation) -> None:
    if consultation.is_published:
        problems = publication_problems(consultation)
        if problems:
            raise PublishRefused(problems)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    return value


def apply_changes(obj: models.Model, values: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Set the attributes that differ and return them as {field: [old, new]} for the audit.

    Give it the stored row (heard.core.rows.stored_copy), never an object a form has bound.
    """
    changes: dict[str, list[Any]] = {}
    for name, new in values.items():
        old = getattr(obj, name)
        if old != new:
            changes[name] = [_jsonable(old), _jsonable(new)]
            setattr(obj, name, new)
    return changes


def _touch(consultation: Consultation) -> None:
    consultation.modified_at = timezone.now()
    Consultation.objects.filter(pk=consultation.pk).update(modified_at=consultation.modified_at)


def publication_problems(consultation: Consultation) -> list[str]:
    """Human-readable names of every reader-facing field missing in English or French."""
    problems = [
        field_label(Consultation, f"{field}_{language}")
        for field, language in missing_translations(consultation, Consultation.REQUIRED_BILINGUAL)
    ]
    parts: list[tuple[str, models.QuerySet[Any], tuple[str, ...]]] = [
        (_("Schedule item"), consultation.schedule_items.all(), ("title",)),
        (_("Related link"), consultation.related_links.all(), ("title", "url")),
        (
            _("Reporting commitment"),
            consultation.reporting_commitments.all(),
            ("document", "audience"),
        ),
    ]
    for kind, queryset, fields in parts:
        for part in queryset:
            gaps = missing_translations(part, fields)
            if isinstance(part, ScheduleItem):
                # A city or venue given in one language must be given in the other.
                gaps += [
                    (field, language)
                    for field in ("city", "venue", "description")
                    for language in LANGUAGE_CODES
                    if not getattr(part, f"{field}_{language}").strip()
                    and any(getattr(part, f"{field}_{code}").strip() for code in LANGUAGE_CODES)
                ]
            for field, language in gaps:
                problems.append(f"{kind} “{part}”: {field_label(part, f'{field}_{language}')}")
    if not consultation.contact_email:
        problems.append(field_label(Consultation, "contact_email"))
    return problems


@transaction.atomic
def create_consultation(
    *,
    actor: Actor,
    values: Mapping[str, Any],
    subjects: Any = None,
    system_label: str = "system",
) -> Consultation:
    consultation = Consultation(**values)
    consultation.full_clean()
    consultation.save()
    if subjects is not None:
        consultation.subjects.set(subjects)
    if actor is not None and actor.is_authenticated:
        Membership.objects.create(consultation=consultation, user=actor, role=Role.LEAD)
    audit.record(
        actor=actor,
        action="consultation.created",
        target=consultation,
        scope=consultation.scope,
        changes={name: [None, _jsonable(value)] for name, value in values.items()},
        system_label=system_label,
    )
    return consultation


@transaction.atomic
def update_consultation(
    *,
    actor: Actor,
    consultation: Consultation,
    values: Mapping[str, Any],
    subjects: Any = None,
    system_label: str = "system",
) -> dict[str, list[Any]]:
    given, consultation = consultation, stored_copy(consultation)
    changes = apply_changes(consultation, values)
    if subjects is not None:
        before = sorted(consultation.subjects.values_list("slug", flat=True))
        after = sorted(s.slug for s in subjects)
        if before != after:
            consultation.subjects.set(subjects)
            changes["subjects"] = [before, after]
    if changes:
        consultation.full_clean()
        consultation.modified_at = timezone.now()
        consultation.save()
        audit.record(
            actor=actor,
            action="consultation.updated",
            target=consultation,
            scope=consultation.scope,
            changes=changes,
            system_label=system_label,
        )
        _keep_published_page_complete(consultation)
    given.refresh_from_db()
    return changes


@transaction.atomic
def publish(*, actor: Actor, consultation: Consultation, system_label: str = "system") -> None:
    problems = publication_problems(consultation)
    if problems:
        raise PublishRefused(problems)
    if consultation.is_published:
        return
    consultation.is_published = True
    consultation.published_at = timezone.now()
    consultation.save(update_fields=["is_published", "published_at"])
    audit.record(
        actor=actor,
        action="consultation.published",
        target=consultation,
        scope=consultation.scope,
        system_label=system_label,
    )


@transaction.atomic
def unpublish(*, actor: Actor, consultation: Consultation, system_label: str = "system") -> None:
    if not consultation.is_published:
        return
    consultation.is_published = False
    consultation.save(update_fields=["is_published"])
    audit.record(
        actor=actor,
        action="consultation.unpublished",
        target=consultation,
        scope=consultation.scope,
        system_label=system_label,
    )


# --- Parts of the page: schedule items, related links, reporting commitments ------------------

Part = ScheduleItem | RelatedLink | ReportingCommitment


@transaction.atomic
def save_part(
    *,
    actor: Actor,
    consultation: Consultation,
    part: Part,
    values: Mapping[str, Any],
    system_label: str = "system",
) -> dict[str, list[Any]]:
    """Create or update one part of a consultation page."""
    creating = part.pk is None
    given = part
    if not creating:
        part = stored_copy(part)
    part.consultation = consultation
    changes = apply_changes(part, values)
    if not creating and not changes:
        given.refresh_from_db()
        return {}
    part.full_clean()
    part.save()
    if not creating:
        given.refresh_from_db()
    _touch(consultation)
    _keep_published_page_complete(consultation)
    name = part._meta.model_name
    audit.record(
        actor=actor,
        action=f"{name}.{'created' if creating else 'updated'}",
        target=part,
        scope=consultation.scope,
        changes=changes,
        system_label=system_label,
    )
    return changes


@transaction.atomic
def delete_part(
    *, actor: Actor, consultation: Consultation, part: Part, system_label: str = "system"
) -> None:
    audit.record(
        actor=actor,
        action=f"{part._meta.model_name}.deleted",
        target=part,
        scope=consultation.scope,
        changes={"title": [str(part), None]},
        system_label=system_label,
    )
    part.delete()
    _touch(consultation)


# --- Membership -------------------------------------------------------------------------------


@transaction.atomic
def set_member_role(
    *, actor: Actor, consultation: Consultation, user: User, role: Role | None
) -> None:
    """Give `user` a role on the consultation, change it, or (role=None) remove them."""
    # Lock the team's rows so two leads demoting each other at once cannot leave none.
    team = list(Membership.objects.select_for_update().filter(consultation=consultation))
    existing = next((m for m in team if m.user_id == user.pk), None)
    lead_count = sum(1 for m in team if m.role == Role.LEAD)
    if role is None:
        if existing is None:
            return
        if existing.role == Role.LEAD and lead_count == 1:
            raise ValueError(_("A consultation must keep at least one lead."))
        existing.delete()
        change = [existing.role, None]
    elif existing is None:
        Membership.objects.create(consultation=consultation, user=user, role=role)
        change = [None, str(role)]
    else:
        if existing.role == role:
            return
        if existing.role == Role.LEAD and lead_count == 1:
            raise ValueError(_("A consultation must keep at least one lead."))
        change = [existing.role, str(role)]
        existing.role = role
        existing.save(update_fields=["role"])
    audit.record(
        actor=actor,
        action="membership.changed",
        target=consultation,
        scope=consultation.scope,
        changes={"user": user.get_username(), "role": change},
    )


HISTORY_COLUMNS = ("at_utc", "who", "action", "target_type", "target_id", "changes")


@transaction.atomic
def export_history(*, actor: Actor, consultation: Consultation) -> bytes:
    """The consultation's whole audit log as CSV (UTF-8 with a byte order mark, for Excel),
    oldest first; the export is itself recorded. Cells that a spreadsheet would read as a
    formula are written as text (`safe_cell`)."""
    import csv
    import io
    import json

    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(HISTORY_COLUMNS)
    events = AuditEvent.objects.filter(scope=consultation.scope).order_by("at", "id")
    for event in events.iterator(chunk_size=1000):
        writer.writerow(
            [
                safe_cell(value)
                for value in (
                    event.at.astimezone(UTC).isoformat(timespec="seconds"),
                    event.actor_label,
                    event.action,
                    event.target_type,
                    event.target_id,
                    json.dumps(event.changes, ensure_ascii=False, sort_keys=True),
                )
            ]
        )
    audit.record(
        actor=actor, action="history.exported", target=consultation, scope=consultation.scope
    )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# --- Retention --------------------------------------------------------------------------------


@transaction.atomic
def set_retention(*, actor: Actor, consultation: Consultation, months: int) -> bool:
    """Change how long personal data is kept after closing; returns whether it changed."""
    stored = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if stored.retention_months == months:
        return False
    audit.record(
        actor=actor,
        action="retention.changed",
        target=stored,
        scope=stored.scope,
        changes={"retention_months": [stored.retention_months, months]},
    )
    Consultation.objects.filter(pk=stored.pk).update(retention_months=months)
    consultation.retention_months = months
    return True
