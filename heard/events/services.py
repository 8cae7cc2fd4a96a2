"""Invitations: send them, answer them, keep the room within capacity, promote from the waitlist.

Every write takes the acting user (None for an invitee or the system), runs in one transaction,
records an audit event and queues its email in the same transaction (heard.notify).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from heard.consultations import services as consultation_services
from heard.consultations.dates import clock_time, date_range, long_date
from heard.consultations.models import ScheduleItem
from heard.core import audit, limits
from heard.core.crypto import blind_index, blind_indexes
from heard.core.tokens import new_token, token_hash
from heard.events.calendar import session_ics
from heard.events.models import (
    AgendaItem,
    Attendance,
    Invitation,
    InvitationState,
    SectorQuota,
    Session,
    Suggestion,
)
from heard.notify import bilingual
from heard.notify.services import Attachment, queue_email
from heard.stakeholders import outreach
from heard.stakeholders.models import Organisation, Person, Sector, normalise_name


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


@transaction.atomic
def invite(*, actor: Any, session: Session, people: Iterable[Person]) -> outreach.InviteReport:
    """Invite people to the session (not twice, nor anyone who asked not to be contacted)."""

    def invite_one(person: Person) -> None:
        invitation = Invitation(session=session, person=person)
        token = outreach.fresh_link(invitation, valid_days=session.link_valid_days)
        invitation.save()
        _queue(
            invitation,
            "invitation",
            "events/email/invitation.txt",
            {"link": personal_link(token)},
            INVITATION_SUBJECT,
            calendar=True,
            key=f"invitation:{invitation.pk}",
            dates={"expires": invitation.link_expires_at},
        )

    return outreach.invite(
        actor=actor,
        people=people,
        already=session.invitations.values_list("person_id", flat=True),
        invite_one=invite_one,
        audit_as=_audit_as("invitations.sent", session),
    )


def _audit_as(action: str, session: Session) -> outreach.Audit:
    return outreach.Audit(action, session, session.schedule_item.consultation.scope)


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


def _code_text(session: Session, code: str) -> str:
    cleaned = "".join(code.upper().split()).replace("-", "")
    return f"registration|{session.pk}|{cleaned}"


def code_index(session: Session, code: str) -> str:
    return blind_index(_code_text(session, code))


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
    limits.check_lengths(invitation)
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


@dataclass
class SessionSetup:
    session: Session
    promoted: list[Invitation]  # moved from the waitlist to a seat by the change


@transaction.atomic
def configure_session(
    *,
    actor: Any,
    item: ScheduleItem,
    starts_at: datetime,
    ends_at: datetime,
    capacity: int | None,
    link_valid_days: int,
    visibility: str,
    quotas: Mapping[Sector, int],
) -> SessionSetup:
    """Set up invitations for an event of the consultation, or change them: its times, capacity,
    the seats kept for each sector (0: none) and the event's visibility on the consultation page.
    More seats, or fewer kept for sectors, move the waitlist up at once (and tell those people)."""
    consultation = item.consultation
    if any(sector.consultation_id != consultation.pk for sector in quotas):
        raise ValueError("Seats can only be kept for the consultation's own sectors.")
    existing = Session.objects.filter(schedule_item=item).first()
    # Locked first: nobody answering takes a seat while the room changes.
    session = _lock(existing) if existing is not None else Session(schedule_item=item)
    consultation_services.save_part(
        actor=actor, consultation=consultation, part=item, values={"visibility": visibility}
    )
    values = {
        "starts_at": starts_at,
        "ends_at": ends_at,
        "capacity": capacity,
        "link_valid_days": link_valid_days,
    }
    for name, value in values.items():
        setattr(session, name, value)
    session.save()
    for sector, seats in quotas.items():
        if seats:
            SectorQuota.objects.update_or_create(
                session=session, sector=sector, defaults={"seats": seats}
            )
        else:
            SectorQuota.objects.filter(session=session, sector=sector).delete()
    promoted = promote_waitlist(session=session)
    audit.record(
        actor=actor,
        action="session.configured",
        target=session,
        scope=consultation.scope,
        changes={name: str(value) for name, value in values.items()},
    )
    return SessionSetup(session, promoted)


@transaction.atomic
def add_agenda_item(*, actor: Any, session: Session, values: Mapping[str, Any]) -> AgendaItem:
    """Add a part to the session's programme: a plenary, a breakout session or a table."""
    item = AgendaItem(session=session, **values)
    item.save()
    audit.record(
        actor=actor,
        action="agenda.added",
        target=item,
        scope=session.schedule_item.consultation.scope,
    )
    return item


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

    def send(invitation: Invitation, token: str) -> bool:
        _queue(
            invitation,
            "reminder",
            "events/email/reminder.txt",
            {"link": personal_link(token)},
            REMINDER_SUBJECT,
            calendar=False,
            key=f"reminder:{invitation.pk}:{invitation.reminders_sent}",
        )
        return True

    return outreach.remind(
        actor=actor,
        candidates=session.invitations.filter(state=InvitationState.PENDING),
        rules=outreach.Reminders(
            limit=max_reminders,
            interval=timedelta(days=min_days_between),
            valid_days=session.link_valid_days,
        ),
        send=send,
        audit_as=_audit_as("invitations.reminded", session),
    )


@transaction.atomic
def suggest_colleague(*, invitation: Invitation, name: str, email: str, note: str) -> Suggestion:
    suggestion = Suggestion(invitation=invitation, name=name, email=email, note=note)
    limits.check_lengths(suggestion)
    suggestion.save()
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
    # Every blind index key: a code given before a key rotation is only known by its hash.
    indexes = blind_indexes(_code_text(session, code))
    return session.invitations.filter(registration_code_index__in=indexes).first()


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
        consultation=consultation, email_index__in=blind_indexes(email)
    ).first()
    if person is None:
        org = None
        if organisation.strip():
            org, _ = Organisation.objects.get_or_create(
                consultation=consultation,
                match_name=normalise_name(organisation),
                defaults={"name_en": organisation.strip()},
            )
        person = Person(
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
        limits.check_lengths(person)
        person.save()
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
            consultation=consultation, email_index__in=blind_indexes(suggestion.email)
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
