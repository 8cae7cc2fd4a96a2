"""Writes to the registry made by staff one person at a time (imports: importing.py)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from heard.core import audit
from heard.core.crypto import blind_index
from heard.stakeholders.forms import OrganisationForm, PersonForm
from heard.stakeholders.models import Organisation, Person, Tag


@transaction.atomic
def save_person(*, actor: Any, form: PersonForm) -> Person:
    creating = form.instance.pk is None
    person: Person = form.save(commit=False)
    person.consultation = form.consultation
    person.email_index = blind_index(person.email)
    person.organisation = form.organisation()
    person.import_fingerprint = ""  # edited by hand: a later import compares afresh
    person.save()
    tags = [
        Tag.objects.get_or_create(consultation=form.consultation, name=name)[0]
        for name in form.tags()
    ]
    person.tags.set(tags)
    audit.record(
        actor=actor,
        action="person.created" if creating else "person.updated",
        target=person,
        scope=form.consultation.scope,
        # Field names only: the values are personal data and stay out of the audit trail.
        changes={"fields": sorted(form.changed_data)},
    )
    return person


@transaction.atomic
def save_organisation(*, actor: Any, form: OrganisationForm) -> Organisation:
    creating = form.instance.pk is None
    organisation: Organisation = form.save(commit=False)
    organisation.consultation = form.consultation
    organisation.save()
    audit.record(
        actor=actor,
        action="organisation.created" if creating else "organisation.updated",
        target=organisation,
        scope=form.consultation.scope,
        changes={"fields": sorted(form.changed_data)},
    )
    return organisation
