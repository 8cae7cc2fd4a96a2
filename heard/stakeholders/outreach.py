"""Inviting people from the registry with a personal link, and reminding those who have not
answered: one flow for sessions (heard.events) and the questionnaire (heard.questionnaires).

Each app says how to invite one person and how to write to them; this module decides who is
invited (never someone who asked not to be contacted, never anyone twice), who is reminded and
when (a limited number of times, some days apart, with a fresh link that replaces the old one),
counts, and records the audit event. The services here run inside the calling service's
transaction, so invitations, their emails (heard.notify's outbox) and the audit event commit or
roll back together. At the end, the two steps that the apps' staff screens share.

A "holder" is what carries a personal link: a session invitation or a questionnaire respondent.
Both have `person`, `token_hash`, `link_expires_at`, `link_revoked_at`, `invited_at`,
`reminders_sent` and `last_reminded_at`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.contrib import messages
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.core import audit
from heard.core.tokens import new_token
from heard.stakeholders.forms import AudienceForm
from heard.stakeholders.models import Person


@dataclass
class InviteReport:
    invited: int = 0
    already_invited: int = 0
    do_not_contact: int = 0


@dataclass(frozen=True)
class Audit:
    """The audit event a batch records: its action, what it is about, and the scope."""

    action: str
    target: models.Model
    scope: str


@dataclass(frozen=True)
class Reminders:
    """Who is due a reminder: fewer than `limit` so far, and the last one (or the invitation) at
    least `interval` ago. The fresh link works for `valid_days`, and at least until `at_least`."""

    limit: int
    interval: timedelta
    valid_days: int
    at_least: datetime | None = None


def fresh_link(
    holder: Any, *, valid_days: int, now: datetime | None = None, at_least: datetime | None = None
) -> str:
    """Give `holder` a new personal link and return its token (for the email; only its hash is
    kept, so earlier links stop working). It works for `valid_days` from now, never for less than
    it already did, and at least until `at_least`. The caller saves `holder`."""
    now = now or timezone.now()
    token, hashed = new_token()
    holder.token_hash = hashed
    ends = [now + timedelta(days=valid_days), holder.link_expires_at, at_least]
    holder.link_expires_at = max(end for end in ends if end is not None)
    return token


def invite(
    *,
    actor: Any,
    people: Iterable[Person],
    already: Iterable[int | None],
    invite_one: Callable[[Person], None],
    audit_as: Audit,
) -> InviteReport:
    """Invite each of `people` with `invite_one(person)`, except those who asked not to be
    contacted and those already invited (`already`: their ids). Runs in the caller's transaction."""
    report = InviteReport()
    invited = set(already)
    for person in people:
        if person.do_not_contact:
            report.do_not_contact += 1
            continue
        if person.pk in invited:
            report.already_invited += 1
            continue
        invite_one(person)
        invited.add(person.pk)
        report.invited += 1
    if report.invited:
        audit.record(
            actor=actor,
            action=audit_as.action,
            target=audit_as.target,
            scope=audit_as.scope,
            changes={"invited": report.invited},
        )
    return report


def remind(
    *,
    actor: Any,
    candidates: models.QuerySet[Any],
    rules: Reminders,
    send: Callable[[Any, str], bool],
    audit_as: Audit,
) -> int:
    """Remind those of `candidates` (holders who have not answered) who are due, each with a fresh
    link; returns how many. `send(holder, token)` queues the email, or returns False when there is
    nobody to write to (nothing then changes for that holder). Runs in the caller's transaction,
    which should hold a lock on the session or questionnaire, so that two leads reminding at once
    do not change the links twice."""
    now = timezone.now()
    due = candidates.filter(
        link_revoked_at__isnull=True, reminders_sent__lt=rules.limit
    ).select_related("person")
    count = 0
    for holder in due:
        if holder.person is not None and holder.person.do_not_contact:
            continue
        if now - (holder.last_reminded_at or holder.invited_at) < rules.interval:
            continue
        token = fresh_link(holder, valid_days=rules.valid_days, now=now, at_least=rules.at_least)
        holder.reminders_sent += 1
        holder.last_reminded_at = now
        if not send(holder, token):
            continue
        holder.save()
        count += 1
    if count:
        audit.record(
            actor=actor,
            action=audit_as.action,
            target=audit_as.target,
            scope=audit_as.scope,
            changes={"reminded": count},
        )
    return count


# Staff screens: the invite and remind buttons -----------------------------------------------------


def invite_from_form(
    request: HttpRequest,
    *,
    consultation: Any,
    invite: Callable[[models.QuerySet[Person]], InviteReport],
    done: str,
) -> None:
    """Read the audience filters posted with `request`, invite the people they choose with
    `invite(people)`, and say what happened: `done` takes %(invited)s, %(already)s and %(dnc)s."""
    form = AudienceForm(request.POST, consultation=consultation)
    if not form.is_valid():
        messages.error(request, _("The filters could not be used."))
        return
    report = invite(form.people(consultation))
    messages.success(
        request,
        done
        % {
            "invited": report.invited,
            "already": report.already_invited,
            "dnc": report.do_not_contact,
        },
    )


def remind_and_say(
    request: HttpRequest, *, remind: Callable[[], int], done: str, **details: Any
) -> None:
    """Send the reminders that are due with `remind()` and say how many: `done` takes %(count)s
    and any `details` (the limits the reminders keep to)."""
    messages.success(request, done % {"count": remind(), **details})
