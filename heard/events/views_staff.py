"""Staff screens for sessions: set-up, inviting, answers, reminders, check-in, the dashboard."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from heard.consultations import selectors
from heard.consultations.access import consultation_for, may_see_contact_data
from heard.consultations.models import EVENT_KINDS, Consultation, Role, ScheduleItem
from heard.events import services
from heard.events.forms import AgendaItemForm, NoteForm, SessionForm, WalkInForm
from heard.events.models import Invitation, InvitationState, Session, Suggestion
from heard.events.notes import record_note
from heard.stakeholders import outreach
from heard.stakeholders.forms import AudienceForm
from heard.stakeholders.models import Sector
from heard.stakeholders.regions import Region


def _session(consultation: Consultation, session_pk: int) -> Session:
    return get_object_or_404(
        Session.objects.select_related("schedule_item"),
        pk=session_pk,
        schedule_item__consultation=consultation,
    )


STATES = [state for state, _label in InvitationState.choices]


def _counts(sessions: Any) -> dict[int, dict[str, int]]:
    rows = (
        Invitation.objects.filter(session__in=sessions)
        .values("session", "state")
        .annotate(n=Count("id"))
    )
    counts: dict[int, dict[str, int]] = {s.pk: Counter() for s in sessions}
    for row in rows:
        counts[row["session"]][row["state"]] = row["n"]
    attended = (
        Invitation.objects.filter(session__in=sessions, attendance__isnull=False)
        .values("session")
        .annotate(n=Count("id"))
    )
    for present in attended:
        counts[present["session"]]["attended"] = present["n"]
    return counts


@login_required
def session_list(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    items = consultation.schedule_items.filter(kind__in=EVENT_KINDS).select_related("session")
    sessions = [i.session for i in items if hasattr(i, "session")]
    counts = _counts(sessions)
    rows = [
        {
            "item": item,
            "session": getattr(item, "session", None),
            "counts": counts.get(getattr(getattr(item, "session", None), "pk", 0), {}),
        }
        for item in items
    ]
    return render(
        request,
        "events/staff/sessions.html",
        {
            "consultation": consultation,
            "rows": rows,
            "is_lead": selectors.role_of(request.user, consultation) == Role.LEAD,
        },
    )


@login_required
def session_setup(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, lead=True)
    item = get_object_or_404(
        ScheduleItem, pk=item_pk, consultation=consultation, kind__in=EVENT_KINDS
    )
    session = Session.objects.filter(schedule_item=item).first()
    sectors = list(Sector.objects.filter(consultation=consultation))
    initial: dict[str, Any] = {"visibility": item.visibility, "link_valid_days": 60}
    probe = Session(schedule_item=item)
    if session is not None:
        initial.update(
            starts=session.local(session.starts_at).replace(tzinfo=None),
            ends=session.local(session.ends_at).replace(tzinfo=None),
            capacity=session.capacity,
            visibility=item.visibility,
            link_valid_days=session.link_valid_days,
        )
        for quota in session.quotas.all():
            initial[f"quota_{quota.sector_id}"] = quota.seats
    form = SessionForm(request.POST or None, initial=initial, sectors=sectors)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        setup = services.configure_session(
            actor=request.user,
            item=item,
            starts_at=data["starts"].replace(tzinfo=probe.zone),  # times in the event's city
            ends_at=data["ends"].replace(tzinfo=probe.zone),
            capacity=data["capacity"],
            link_valid_days=data["link_valid_days"],
            visibility=data["visibility"],
            quotas={sector: data.get(f"quota_{sector.pk}") or 0 for sector in sectors},
        )
        if setup.promoted:
            messages.info(
                request,
                _("%(count)s people moved from the waitlist to confirmed seats.")
                % {"count": len(setup.promoted)},
            )
        messages.success(request, _("Saved."))
        return redirect("sessions:detail", pk=pk, session_pk=setup.session.pk)
    return render(
        request,
        "events/staff/setup.html",
        {
            "consultation": consultation,
            "item": item,
            "form": form,
            "zone": probe.zone,
        },
    )


@login_required
def session_detail(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    session = _session(consultation, session_pk)
    invitations = (
        session.invitations.select_related("person__organisation", "person__sector")
        .prefetch_related("suggestions")
        .order_by("state", "id")
    )
    return render(
        request,
        "events/staff/detail.html",
        {
            "consultation": consultation,
            "session": session,
            "is_lead": selectors.role_of(request.user, consultation) == Role.LEAD,
            "show_contact": may_see_contact_data(request, consultation),
            "counts": _counts([session])[session.pk],
            "invitations": invitations,
            "invite_form": AudienceForm(consultation=consultation),
            "states": InvitationState.choices,
            "suggestions": Suggestion.objects.filter(
                invitation__session=session, state=Suggestion.State.PENDING
            ).select_related("invitation__person"),
        },
    )


@login_required
@require_POST
def invite(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, lead=True)
    session = _session(consultation, session_pk)
    outreach.invite_from_form(
        request,
        consultation=consultation,
        invite=lambda people: services.invite(actor=request.user, session=session, people=people),
        done=_(
            "Invited %(invited)s people. Already invited: %(already)s. Not contacted at their "
            "request: %(dnc)s. The emails are in the outbox."
        ),
    )
    return redirect("sessions:detail", pk=pk, session_pk=session_pk)


@login_required
@require_POST
def remind(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, lead=True)
    session = _session(consultation, session_pk)
    outreach.remind_and_say(
        request,
        remind=lambda: services.remind(actor=request.user, session=session),
        done=_("Reminders queued: %(count)s (at most two per person, five days apart)."),
    )
    return redirect("sessions:detail", pk=pk, session_pk=session_pk)


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int, session_pk: int, invitation_pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, lead=True)
    session = _session(consultation, session_pk)
    invitation = get_object_or_404(Invitation, pk=invitation_pk, session=session)
    services.withdraw(actor=request.user, invitation=invitation)
    messages.success(request, _("Invitation withdrawn; its link no longer works."))
    return redirect("sessions:detail", pk=pk, session_pk=session_pk)


@login_required
def check_in(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    session = _session(consultation, session_pk)
    walk_in_form = WalkInForm(consultation=consultation)
    if request.method == "POST" and not _at_the_session(request, consultation):
        raise PermissionDenied(_("Only leads and facilitators can check people in."))
    query = ""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "walk_in":
            walk_in_form = WalkInForm(request.POST, consultation=consultation)
            if walk_in_form.is_valid():
                services.walk_in(actor=request.user, session=session, **walk_in_form.cleaned_data)
                messages.success(
                    request,
                    _("Walk-in recorded: %(name)s") % {"name": walk_in_form.cleaned_data["name"]},
                )
                return redirect("sessions:check_in", pk=pk, session_pk=session_pk)
        elif action == "search":
            # Searched by POST: names and door codes never go into an address or a log.
            query = request.POST.get("q", "").strip()[:100]
        else:
            invitation = get_object_or_404(
                Invitation, pk=request.POST.get("invitation"), session=session
            )
            try:
                services.check_in(actor=request.user, invitation=invitation)
            except services.CheckInError as error:
                messages.error(
                    request, _("Not checked in: the invitation is “%(state)s”.") % {"state": error}
                )
            else:
                messages.success(
                    request, _("Checked in: %(name)s") % {"name": invitation.person.name}
                )
            return redirect("sessions:check_in", pk=pk, session_pk=session_pk)
    found = None
    accepted = session.invitations.filter(state=InvitationState.ACCEPTED).select_related(
        "person__organisation", "attendance"
    )
    if query:
        by_code = services.find_by_code(session, query)
        if by_code is not None:
            found = [by_code]
        else:
            # Names are encrypted: the (small) list of confirmed people is searched in memory.
            words = query.casefold().split()
            found = [
                i
                for i in accepted
                if all(
                    w in f"{i.person.name} {i.person.organisation or ''}".casefold() for w in words
                )
            ]
    return render(
        request,
        "events/staff/check_in.html",
        {
            "consultation": consultation,
            "session": session,
            "query": query,
            "found": found,
            "checked_in": accepted.filter(attendance__isnull=False).count()
            + session.invitations.filter(attendance__walk_in=True)
            .exclude(state=InvitationState.ACCEPTED)
            .count(),
            "expected": accepted.count(),
            "walk_in_form": walk_in_form,
        },
    )


@login_required
def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    sessions = list(
        Session.objects.filter(schedule_item__consultation=consultation).select_related(
            "schedule_item"
        )
    )
    counts = _counts(sessions)
    invitations = Invitation.objects.filter(session__in=sessions)

    def breakdown(field: str) -> list[dict[str, Any]]:
        rows = (
            invitations.values(field)
            .annotate(
                invited=Count("id"),
                accepted=Count("id", filter=Q(state=InvitationState.ACCEPTED)),
                declined=Count("id", filter=Q(state=InvitationState.DECLINED)),
                waitlisted=Count("id", filter=Q(state=InvitationState.WAITLISTED)),
                attended=Count("attendance"),
            )
            .order_by(field)
        )
        return list(rows)

    sector_names = {s.pk: s.name for s in Sector.objects.filter(consultation=consultation)}
    by_sector = [
        {**r, "label": sector_names.get(r["person__sector"], _("No sector"))}
        for r in breakdown("person__sector")
    ]
    region_names = dict(Region.choices)
    by_region = [
        {**r, "label": region_names.get(r["person__region"], _("Not given"))}
        for r in breakdown("person__region")
    ]
    largest = max([r["invited"] for r in by_sector + by_region] + [1])
    return render(
        request,
        "events/staff/dashboard.html",
        {
            "consultation": consultation,
            "sessions": [{"session": s, "counts": counts[s.pk]} for s in sessions],
            "totals": Counter(
                {k: sum(c.get(k, 0) for c in counts.values()) for k in [*STATES, "attended"]}
            ),
            "by_sector": by_sector,
            "by_region": by_region,
            "largest": largest,
        },
    )


@login_required
@require_POST
def decide_suggestion(
    request: HttpRequest, pk: int, session_pk: int, suggestion_pk: int
) -> HttpResponse:
    consultation = consultation_for(request, pk, lead=True)
    session = _session(consultation, session_pk)
    suggestion = get_object_or_404(Suggestion, pk=suggestion_pk, invitation__session=session)
    approve = request.POST.get("decision") == "approve"
    try:
        services.decide_suggestion(actor=request.user, suggestion=suggestion, approve=approve)
    except ValueError:
        messages.error(request, _("This suggestion was already decided."))
    else:
        messages.success(
            request, _("The colleague is invited.") if approve else _("The suggestion is declined.")
        )
    return redirect("sessions:detail", pk=pk, session_pk=session_pk)


def _at_the_session(request: HttpRequest, consultation: Consultation) -> bool:
    """Leads and facilitators record notes and check people in; viewers only look."""
    return selectors.role_of(request.user, consultation) in (Role.LEAD, Role.FACILITATOR)


@login_required
def notes(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    session = _session(consultation, session_pk)
    can_write = _at_the_session(request, consultation)
    note_form = NoteForm(session=session)
    agenda_form = AgendaItemForm()
    if request.method == "POST":
        if not can_write:
            raise PermissionDenied(_("Only leads and facilitators can record notes."))
        if request.POST.get("action") == "agenda":
            agenda_form = AgendaItemForm(request.POST)
            if agenda_form.is_valid():
                services.add_agenda_item(
                    actor=request.user, session=session, values=agenda_form.cleaned_data
                )
                messages.success(request, _("Added to the programme."))
                return redirect("sessions:notes", pk=pk, session_pk=session_pk)
        else:
            note_form = NoteForm(request.POST, request.FILES, session=session)
            if note_form.is_valid():
                data = note_form.cleaned_data
                note = record_note(
                    actor=request.user,
                    session=session,
                    agenda_item=data["agenda_item"],
                    question=data["question"],
                    language=data["language"],
                    text=data["text"],
                    source=data.get("source", ""),
                    keep_speakers=data["keep_speakers"],
                )
                messages.success(
                    request,
                    _("Notes saved (%(language)s).") % {"language": note.get_language_display()},
                )
                return redirect("sessions:notes", pk=pk, session_pk=session_pk)
    return render(
        request,
        "events/staff/notes.html",
        {
            "consultation": consultation,
            "session": session,
            "can_write": can_write,
            "agenda": session.agenda.all(),
            "notes": session.notes.select_related("agenda_item"),
            "note_form": note_form,
            "agenda_form": agenda_form,
        },
    )
