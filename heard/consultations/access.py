"""Every staff view reaches a consultation through here: members only, leads for changes."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from heard.consultations import selectors
from heard.consultations.models import Consultation, Role


def consultation_for(
    request: HttpRequest, pk: int, *, lead: bool = False, answers: bool = False
) -> Consultation:
    """The consultation if the user belongs to it (404 otherwise, so that its existence stays
    private); with `lead`, only for its leads; with `answers`, only for the roles that may read
    raw answers: leads and analysts (403 for other members)."""
    consultation = get_object_or_404(selectors.consultations_for(request.user), pk=pk)
    role = selectors.role_of(request.user, consultation)
    if lead and role != Role.LEAD:
        raise PermissionDenied(_("Only a consultation lead can do this."))
    if answers and role not in (Role.LEAD, Role.ANALYST):
        raise PermissionDenied(_("Only the consultation's leads and analysts can read answers."))
    return consultation


def may_read_answers(request: HttpRequest, consultation: Consultation) -> bool:
    return selectors.role_of(request.user, consultation) in (Role.LEAD, Role.ANALYST)
