"""Every staff view reaches a consultation through here: members only, leads for changes."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from heard.consultations import selectors
from heard.consultations.models import Consultation, Role


def consultation_for(request: HttpRequest, pk: int, *, lead: bool = False) -> Consultation:
    """The consultation if the user belongs to it (404 otherwise, so that its existence stays
    private); with `lead`, only for its leads (403 for other members)."""
    consultation = get_object_or_404(selectors.consultations_for(request.user), pk=pk)
    if lead and selectors.role_of(request.user, consultation) != Role.LEAD:
        raise PermissionDenied(_("Only a consultation lead can do this."))
    return consultation
