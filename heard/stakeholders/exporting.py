"""Export a consultation's registry to CSV or XLSX, in the columns the importer reads back."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from heard.consultations.models import Consultation
from heard.core import audit
from heard.stakeholders.models import Person
from heard.stakeholders.tables import write_csv, write_xlsx

HEADERS = [
    "name",
    "email",
    "title",
    "organisation",
    "organisation (French)",
    "sector",
    "province",
    "phone",
    "language",
    "accessibility needs",
    "consent source",
    "consent date",
    "consent basis",
    "do not contact",
    "tags",
]


def export_people(*, actor: Any, consultation: Consultation, file_format: str) -> bytes:
    people = (
        Person.objects.filter(consultation=consultation)
        .select_related("organisation", "sector")
        .prefetch_related("tags")
        .order_by("id")
    )
    rows = [
        [
            p.name,
            p.email,
            p.title,
            p.organisation.name_en if p.organisation else "",
            p.organisation.name_fr if p.organisation else "",
            p.sector.key if p.sector else "",
            p.region,
            p.phone,
            p.language,
            p.accessibility_needs,
            p.consent_source,
            p.consent_date.isoformat() if p.consent_date else "",
            p.consent_basis,
            "yes" if p.do_not_contact else "no",
            "; ".join(sorted(t.name for t in p.tags.all())),
        ]
        for p in people
    ]
    with transaction.atomic():
        audit.record(
            actor=actor,
            action="stakeholders.exported",
            target=consultation,
            scope=consultation.scope,
            changes={"rows": len(rows), "format": file_format},
        )
    if file_format == "xlsx":
        return write_xlsx(HEADERS, rows, title="Stakeholders")
    if file_format == "csv":
        return write_csv(HEADERS, rows)
    raise ValueError(f"unknown export format {file_format!r}: use csv or xlsx")
