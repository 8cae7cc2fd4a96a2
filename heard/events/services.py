"""Invitations: send them, answer them, keep the room within capacity, promote from the waitlist.

Every write takes the acting user (None for an invitee or the system), runs in one transaction,
records an audit event and queues its email in the same transaction (heard.notify).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from heard.consultations.dates import clock_time, date_range, long_date
from heard.core import audit
from heard.core.crypto import blind_index
from heard.core.tokens import new_token, token_hash
from heard.events.calendar import session_ics
from heard.events.models import (
    Attendance,
    Invitation,
    InvitationState,
    SectorQuota,
    Session,
    Suggestion,
)
from heard.notify import bilingual
from heard.notify.services import Attachment, queue_email
from heard.stakeholders.models import Organisation, Person, normalise_name


def personal_link(token: str) -> str:
    return settings.HEARD_PUBLIC_URL.rstrip("/") + reverse("invitation_link", args=[token])


def describe(session: Session, language: str) -> dict[str, str]:
    item = session.schedule_item
    consultation = item.consultation
    with override(language):
        start, end = session.local(session.starts_at), session.local(session.ends_at)
        when = date_range(start.date(), end.date())
        when += f", {clock_time(start.time())} – {clock_time(end.time())} ({start.tzname()})"
        return {
            "title": str(item.title),
            "when": when,
            "where": ", ".join(p for p in (str(item.venue), str(item.city)) if p),
            "consultation_title": str(consultation.title),
            "consultation_contact": " ".join(
                p for p in (str(consultation.contact_name), consultation.contact_email) if p
            ),
        }


def _subject(prefix: dict[str, str], session: Session, first: str) -> str:
    titles = {lang: describe(session, lang)["title"] for lang in ("en", "fr")}
    return bilingual.subject(prefix, titles, first)


def _queue(
    invitation: Invitation,
    kind: str,
    template: str,
    context: dict[str, Any],
    subject_prefix: dict[str, str],
    *,
    calendar: bool,
    key: str,
    dates: dict[str, datetime] | None = None,
) -> None:
    """Queue an email to the invitee. `dates` are written out in each part's own language."""
    person, session = invitation.person, invitation.session

    def context_for(language: str) -> dict[str, Any]:  # called with `language` active
        written = {name: long_date(session.local(moment)) for name, moment in (dates or {}).items()}
        return {"name": person.name, **context, **written, **describe(session, language)}

    attachments = []
    if calendar:
        attachments.append(
            Attachment(
                "invitation.ics",
                session_ics(session, language=person.language),
                "text/calendar; method=PUBLISH",
            )
        )
    queue_email(
        scope=session.schedule_item.consultation.scope,
        kind=kind,
        dedupe_key=key,
        to=person.email,
        subject=_subject(subject_prefix, session, person.language),
        text=bilingual.body(template, person.language, context_for),
        attachments=attachments,
        language=person.language,
    )


INVITATION_SUBJECT = {"en": "Invitation: ", "fr": "Invitation : "}
REMINDER_SUBJECT = {"en": "Reminder: ", "fr": "Rappel : "}
ANSWER_SUBJECT = {"en": "Your answer: ", "fr": "Votre réponse : "}


@dataclass
class InviteReport:
    invited: int = 0
    already_invited: int = 0
    do_not_contact: int = 0


@transaction.atomic
def invite(*, actor: Any, session: Session, people: Iterable[Person]) -> InviteReport:
    report = InviteReport()
    already = set(session.invitations.values_list("person_id", flat=True))
    expires = timezone.now() + timedelta(days=session.link_valid_days)
    for person in people:
        if person.do_not_contact:
            report.do_not_contact += 1
            continue
        if person.pk in already:
            report.already_invited += 1
            continue
        token, hashed = new_token()
        invitation = Invitation.objects.create(
            session=session, person=person, token_hash=hashed, link_expires_at=expires
        )
        _queue(
            invitation,
            "invitation",
            "events/email/invitation.txt",
            {"link": personal_link(token)},
            INVITATION_SUBJECT,
            calendar=True,
            key=f"invitation:{invitation.pk}",
            dates={"expires": expires},
        )
        report.invited += 1
    if report.invited:
        audit.record(
            actor=actor,
            action="invitations.sent",
            target=session,
            scope=session.schedule_item.consultation.scope,
            changes={"invited": report.invited},
        )
    return report


def find_by_token(token: str) -> Invitation | None:
    """The invitation a link opens, or None for unknown, expired, revoked or withdrawn links."""
    invitation = (
        Invitation.objects.select_related("session__schedule_item__consultation", "person")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if invitation is None or invitation.link_revoked_at is not None:
        return None
    if invitation.link_expires_at <= timezone.now():
        return None
    if invitation.state == InvitationState.WITHDRAWN:
        return None
    return invitation


def _seat_for(session: Session, person: Person) -> bool:
    """Is there a seat for this person? Reserved seats go to their sector first."""
    if session.capacity is None:
        return True
    accepted = session.invitations.filter(state=InvitationState.ACCEPTED)
    by_sector = dict(
        accepted.values_list("person__sector")
        .annotate(n=Count("id"))
        .values_list("person__sector", "n")
    )
    quotas = dict(SectorQuota.objects.filter(session=session).values_list("sector_id", "seats"))
    total = sum(by_sector.values())
    if total >= session.capacity:
        return False
    own = person.sector_id
    if own in quotas and by_sector.get(own, 0) < quotas[own]:
        return True  # one of the seats kept for this person's sector
    # Otherwise an open seat: capacity less the seats still kept for other sectors.
    still_kept = sum(max(seats - by_sector.get(sector, 0), 0) for sector, seats in quotas.items())
    return total + still_kept < session.capacity


def _lock(session: Session) -> Session:
    # One answer at a time per session, so two people never take the last seat together.
    return Session.objects.select_for_update().get(pk=session.pk)


CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread at the door


def code_index(session: Session, code: str) -> str:
    cleaned = "".join(code.upper().split()).replace("-", "")
    return blind_index(f"registration|{session.pk}|{cleaned}")


def _confirm_seat(invitation: Invitation) -> str:
    """Mark accepted and give a registration code (returned for the email, stored hashed)."""
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
    invitation.state = InvitationState.ACCEPTED
    invitation.registration_code_index = code_index(invitation.session, code)
    return f"{code[:3]}-{code[3:]}"


@transaction.atomic
def respond(*, invitation: Invitation, attend: bool, answers: dict[str, Any] | None = None) -> str:
    """Record an invitee's answer; returns the new state (accepted, waitlisted or declined)."""
    session = _lock(invitation.session)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    before = invitation.state
    for name, value in (answers or {}).items():
        setattr(invitation, name, value)
    now = timezone.now()
    code = ""
    if not attend:
        invitation.state = InvitationState.DECLINED
        invitation.registration_code_index = ""
    elif before in (InvitationState.ACCEPTED, InvitationState.WAITLISTED):
        pass  # updating answers keeps the seat or the place in line
    elif _seat_for(session, invitation.person):
        code = _confirm_seat(invitation)
    else:
        invitation.state = InvitationState.WAITLISTED
        invitation.waitlisted_at = now
    invitation.responded_at = now
    invitation.save()
    audit.record(
        actor=None,
        action="invitation.answered",
        target=invitation,
        scope=session.schedule_item.consultation.scope,
        changes={"state": [before, invitation.state]},
        system_label="invitee",
    )
    if invitation.state != before:
        _queue(
            invitation,
            "answer",
            "events/email/answer.txt",
            {"state": invitation.state, "code": code},
            ANSWER_SUBJECT,
            calendar=invitation.state == InvitationState.ACCEPTED,
            key=f"answer:{invitation.pk}:{invitation.state}:{now.timestamp()}",
        )
    if before == InvitationState.ACCEPTED and invitation.state == InvitationState.DECLINED:
        promote_waitlist(session=session)
    return invitation.state


def promote_waitlist(*, session: Session) -> list[Invitation]:
    """Give freed seats to the waitlist, first come first served (within sector reservations)."""
    promoted = []
    waiting = (
        session.invitations.filter(state=InvitationState.WAITLISTED)
        .select_related("person")
        .order_by("waitlisted_at", "id")
    )
    for invitation in waiting:
        if not _seat_for(session, invitation.person):
            continue
        code = _confirm_seat(invitation)
        invitation.save(update_fields=["state", "registration_code_index"])
        audit.record(
            actor=None,
            action="invitation.promoted",
            target=invitation,
            scope=session.schedule_item.consultation.scope,
            system_label="waitlist",
        )
        _queue(
            invitation,
            "answer",
            "events/email/answer.txt",
            {"state": "promoted", "code": code},
            ANSWER_SUBJECT,
            calendar=True,
            key=f"promoted:{invitation.pk}:{timezone.now().timestamp()}",
        )
        promoted.append(invitation)
    return promoted


@transaction.atomic
def withdraw(*, actor: Any, invitation: Invitation) -> None:
    session = _lock(invitation.session)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    before = invitation.state
    invitation.state = InvitationState.WITHDRAWN
    invitation.link_revoked_at = timezone.now()
    invitation.save(update_fields=["state", "link_revoked_at"])
    audit.record(
        actor=actor,
        action="invitation.withdrawn",
        target=invitation,
        scope=session.schedule_item.consultation.scope,
        changes={"state": [before, invitation.state]},
    )
    if before == InvitationState.ACCEPTED:
        promote_waitlist(session=session)


@transaction.atomic
def revoke_link(*, actor: Any, invitation: Invitation) -> None:
    invitation.link_revoked_at = timezone.now()
    invitation.save(update_fields=["link_revoked_at"])
    audit.record(
        actor=actor,
        action="invitation.link_revoked",
        target=invitation,
        scope=invitation.session.schedule_item.consultation.scope,
    )


@transaction.atomic
def remind(
    *, actor: Any, session: Session, max_reminders: int = 2, min_days_between: int = 5
) -> int:
    """Remind invitees who have not answered, with a fresh link; limited in count and interval."""
    session = _lock(session)  # two leads reminding at once must not rotate links twice
    now = timezone.now()
    due = session.invitations.filter(
        state=InvitationState.PENDING,
        link_revoked_at__isnull=True,
        reminders_sent__lt=max_reminders,
    ).select_related("person")
    count = 0
    for invitation in due:
        last = invitation.last_reminded_at or invitation.invited_at
        if now - last < timedelta(days=min_days_between):
            continue
        token, hashed = new_token()
        invitation.token_hash = hashed
        invitation.link_expires_at = max(
            invitation.link_expires_at, now + timedelta(days=session.link_valid_days)
        )
        invitation.reminders_sent += 1
        invitation.last_reminded_at = now
        invitation.save()
        _queue(
            invitation,
            "reminder",
            "events/email/reminder.txt",
            {"link": personal_link(token)},
            REMINDER_SUBJECT,
            calendar=False,
            key=f"reminder:{invitation.pk}:{invitation.reminders_sent}",
        )
        count += 1
    if count:
        audit.record(
            actor=actor,
            action="invitations.reminded",
            target=session,
            scope=session.schedule_item.consultation.scope,
            changes={"reminded": count},
        )
    return count


@transaction.atomic
def suggest_colleague(*, invitation: Invitation, name: str, email: str, note: str) -> Suggestion:
    suggestion = Suggestion.objects.create(invitation=invitation, name=name, email=email, note=note)
    audit.record(
        actor=None,
        action="suggestion.received",
        target=suggestion,
        scope=invitation.session.schedule_item.consultation.scope,
        system_label="invitee",
    )
    return suggestion


class CheckInError(Exception):
    """Why a check-in could not be recorded (shown to the staff member at the door)."""


@transaction.atomic
def check_in(*, actor: Any, invitation: Invitation) -> Attendance:
    if invitation.state != InvitationState.ACCEPTED:
        raise CheckInError(str(invitation.get_state_display()))
    by = actor.get_username() if actor is not None else "demo data"
    attendance, created = Attendance.objects.get_or_create(
        invitation=invitation, defaults={"checked_in_by": by}
    )
    if created:
        audit.record(
            actor=actor,
            action="attendance.checked_in",
            target=invitation,
            scope=invitation.session.schedule_item.consultation.scope,
        )
    return attendance


def find_by_code(session: Session, code: str) -> Invitation | None:
    return session.invitations.filter(registration_code_index=code_index(session, code)).first()


@transaction.atomic
def walk_in(
    *,
    actor: Any,
    session: Session,
    name: str,
    email: str,
    organisation: str,
    sector: Any,
    language: str,
) -> Attendance:
    """Someone came without an invitation: record them (in the registry too) as attending."""
    consultation = session.schedule_item.consultation
    email = email.strip() or f"walk-in-{secrets.token_hex(6)}@walk-in.invalid"
    person = Person.objects.filter(
        consultation=consultation, email_index=blind_index(email)
    ).first()
    if person is None:
        org = None
        if organisation.strip():
            org, _ = Organisation.objects.get_or_create(
                consultation=consultation,
                match_name=normalise_name(organisation),
                defaults={"name_en": organisation.strip()},
            )
        person = Person.objects.create(
            consultation=consultation,
            name=name,
            email=email,
            email_index=blind_index(email),
            organisation=org,
            sector=sector,
            language=language,
            consent_source="walk-in registration",
            consent_basis="consent",
        )
    invitation = Invitation.objects.filter(session=session, person=person).first()
    if invitation is None:
        _, hashed = new_token()
        invitation = Invitation.objects.create(
            session=session,
            person=person,
            token_hash=hashed,
            link_expires_at=timezone.now(),
            link_revoked_at=timezone.now(),
            state=InvitationState.ACCEPTED,
            responded_at=timezone.now(),
        )
    else:
        invitation.state = InvitationState.ACCEPTED
        invitation.save(update_fields=["state"])
    attendance, _ = Attendance.objects.get_or_create(
        invitation=invitation, defaults={"checked_in_by": actor.get_username(), "walk_in": True}
    )
    audit.record(
        actor=actor, action="attendance.walk_in", target=invitation, scope=consultation.scope
    )
    return attendance


@transaction.atomic
def decide_suggestion(*, actor: Any, suggestion: Suggestion, approve: bool) -> str:
    """Staff decide on a suggested colleague. Returns what happened: "invited", "already invited",
    "do not contact" (approved, but the person asked not to be contacted) or "declined"."""
    suggestion = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.state != Suggestion.State.PENDING:
        raise ValueError("already decided")
    session = suggestion.invitation.session
    consultation = session.schedule_item.consultation
    outcome = "declined"
    if approve:
        person = Person.objects.filter(
            consultation=consultation, email_index=blind_index(suggestion.email)
        ).first()
        if person is None:
            suggester = suggestion.invitation.person
            person = Person.objects.create(
                consultation=consultation,
                name=suggestion.name,
                email=suggestion.email,
                email_index=blind_index(suggestion.email),
                organisation=suggester.organisation,
                sector=suggester.sector,
                region=suggester.region,
                language=suggester.language,
                consent_source="suggested by an invitee",
                consent_basis="other",
            )
        report = invite(actor=actor, session=session, people=[person])
        outcome = (
            "invited"
            if report.invited
            else "do not contact"
            if report.do_not_contact
            else "already invited"
        )
    suggestion.state = Suggestion.State.APPROVED if approve else Suggestion.State.DECLINED
    suggestion.save(update_fields=["state"])
    audit.record(
        actor=actor,
        action=f"suggestion.{suggestion.state}",
        target=suggestion,
        scope=consultation.scope,
        changes={"outcome": outcome},
    )
    return outcome
