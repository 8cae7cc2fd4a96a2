"""Every staff view reaches a consultation through here: members only, leads for changes."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from heard.consultations import selectors
from heard.consultations.models import Consultation, Role

# The roles that may see people's names, e-mail addresses and phone numbers: the same roles that
# may export them. Everyone else sees them masked on every staff page (docs/guide/
# consultation-lead.md, "Who sees what"). Facilitators see names at the door: the check-in page
# shows the name and organisation of confirmed invitees they search for, nothing more.
CONTACT_ROLES = (Role.LEAD,)


def consultation_for(
    request: HttpRequest,
    pk: int,
    *,
    lead: bool = False,
    answers: bool = False,
    contact: bool = False,
) -> Consultation:
    """The consultation if the user belongs to it (404 otherwise, so that its existence stays
    private); with `lead`, only for its leads; with `answers`, only for the roles that may read
    raw answers: leads and analysts; with `contact`, only for the roles that may see and export
    people's contact details (403 for other members)."""
    consultation = get_object_or_404(selectors.consultations_for(request.user), pk=pk)
    role = selectors.role_of(request.user, consultation)
    if lead and role != Role.LEAD:
        raise PermissionDenied(_("Only a consultation lead can do this."))
    if answers and role not in (Role.LEAD, Role.ANALYST):
        raise PermissionDenied(_("Only the consultation's leads and analysts can read answers."))
    if contact and role not in CONTACT_ROLES:
        raise PermissionDenied(_("Only a consultation lead can see or export contact details."))
    return consultation


def may_read_answers(request: HttpRequest, consultation: Consultation) -> bool:
    return selectors.role_of(request.user, consultation) in (Role.LEAD, Role.ANALYST)


def may_see_contact_data(request: HttpRequest, consultation: Consultation) -> bool:
    """Whether this user may see people's names, e-mail addresses and phone numbers here: exactly
    when they may export them. Templates mask them otherwise (the `contact` filter)."""
    return selectors.role_of(request.user, consultation) in CONTACT_ROLES
