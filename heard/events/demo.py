"""Fictional people, invitations, answers, attendance and notes for the demo consultation.

Seeded, so every `heard demo` builds the same picture; run once per database (it does nothing when
the registry already has people). Every person, organisation and statement is invented.
"""

from __future__ import annotations

import csv
import random
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import transaction

from heard.consultations.models import Consultation
from heard.events import services
from heard.events.demo_notes import MIXED, NOTES
from heard.events.models import AgendaItem, InvitationState, SectorQuota, Session
from heard.events.notes import record_note
from heard.stakeholders.fictional import people
from heard.stakeholders.importing import FIELDS, import_people
from heard.stakeholders.models import Person, Sector

PILLARS = {
    "prevention": ("Prevention", "Prévention"),
    "protection": ("Protection", "Protection"),
    "prosecution": ("Prosecution", "Poursuites"),
    "partnerships": ("Partnerships", "Partenariats"),
    "empowerment": ("Empowerment", "Autonomisation"),
}
# Schedule item key -> (first day, last day, zone, capacity, note language, regions invited)
SESSIONS = {
    "vancouver": (
        "2018-09-06",
        "2018-09-06",
        "America/Vancouver",
        70,
        "en",
        {"BC", "AB", "YT", "NT"},
    ),
    "winnipeg": ("2018-09-10", "2018-09-10", "America/Winnipeg", 60, "en", {"SK", "MB", "NU"}),
    "montreal": (
        "2018-09-13",
        "2018-09-13",
        "America/Toronto",
        70,
        "fr",
        {"QC", "NB", "NS", "PE", "NL"},
    ),
    "toronto-summit": ("2018-09-27", "2018-09-28", "America/Toronto", 130, "en", {"ON"}),
}


@dataclass
class DemoReport:
    people: int = 0
    invitations: int = 0
    attended: int = 0
    notes: int = 0


def _people(consultation: Consultation) -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fictional-registry.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(
                handle, fieldnames=[f for f in FIELDS if f != "organisation_fr"]
            )
            writer.writeheader()
            writer.writerows(people(300))
        report = import_people(actor=None, consultation=consultation, path=path)
    return report.created


def _session(consultation: Consultation, key: str) -> Session:
    first, last, zone_name, capacity, _, _ = SESSIONS[key]
    zone = ZoneInfo(zone_name)
    item = consultation.schedule_items.get(key=key)
    starts = datetime.fromisoformat(f"{first}T09:00").replace(tzinfo=zone)
    ends = datetime.fromisoformat(f"{last}T16:30").replace(tzinfo=zone)
    session, _ = Session.objects.get_or_create(
        schedule_item=item, defaults={"starts_at": starts, "ends_at": ends, "capacity": capacity}
    )
    for sector_key in ("lived-experience", "indigenous-partners"):
        sector = Sector.objects.filter(consultation=consultation, key=sector_key).first()
        if sector is not None:
            SectorQuota.objects.get_or_create(session=session, sector=sector, defaults={"seats": 6})
    return session


def _agenda(session: Session, pillars: list[str]) -> list[AgendaItem]:
    AgendaItem.objects.get_or_create(
        session=session,
        kind="plenary",
        position=0,
        defaults={"title_en": "Opening plenary", "title_fr": "Plénière d'ouverture"},
    )
    tables = []
    for position, pillar in enumerate(pillars, start=1):
        english, french = PILLARS[pillar]
        item, _ = AgendaItem.objects.get_or_create(
            session=session,
            kind="breakout",
            position=position,
            defaults={
                "title_en": f"Breakout: {english}",
                "title_fr": f"Atelier : {french}",
                "theme_en": english,
                "theme_fr": french,
            },
        )
        tables.append(item)
    return tables


def populate(consultation: Consultation, *, seed: int = 2018) -> DemoReport:
    report = DemoReport()
    if Person.objects.filter(consultation=consultation).exists():
        return report
    rng = random.Random(seed)  # noqa: S311 - reproducible fiction
    with transaction.atomic():
        report.people = _people(consultation)
        everyone = list(Person.objects.filter(consultation=consultation).order_by("id"))
        for key, (_, _, _, _, language, regions) in SESSIONS.items():
            session = _session(consultation, key)
            if key == "toronto-summit":
                invited = rng.sample(everyone, 150)
                pillars = list(PILLARS)
            else:
                invited = [p for p in everyone if p.region in regions]
                pillars = ["prevention", "protection", "prosecution", "partnerships"]
            services.invite(actor=None, session=session, people=invited)
            for invitation in session.invitations.select_related("person"):
                roll = rng.random()
                if roll < 0.82:
                    services.respond(
                        invitation=invitation,
                        attend=True,
                        answers={
                            "interpretation": "fr"
                            if invitation.person.language == "en" and key == "montreal"
                            else "",
                            "list_organisation": rng.random() < 0.7,
                        },
                    )
                elif roll < 0.92:
                    services.respond(invitation=invitation, attend=False)
            report.invitations += session.invitations.count()
            _attend(session, rng)
            report.attended += session.invitations.filter(attendance__isnull=False).count()
            for table in _agenda(session, pillars):
                pillar = next(k for k, v in PILLARS.items() if v[0] == table.theme_en)
                report.notes += _notes(session, table, pillar, language, rng)
    return report


def _attend(session: Session, rng: random.Random) -> None:
    for invitation in session.invitations.filter(state=InvitationState.ACCEPTED):
        if rng.random() < 0.92:
            services.check_in(actor=None, invitation=invitation)


def _notes(
    session: Session, table: AgendaItem, pillar: str, language: str, rng: random.Random
) -> int:
    statements = NOTES[pillar][language]
    chosen = rng.sample(statements, k=min(len(statements), 3))
    text = "\n\n".join(chosen)
    note_language = language
    if rng.random() < 0.2:
        text += "\n\n" + MIXED
        note_language = "mixed"
    question = {
        "en": f"What gaps, emerging issues and trends do you see in {table.theme_en.lower()}?",
        "fr": "Quelles lacunes, quels nouveaux enjeux et quelles tendances observez-vous en "
        f"matière de {table.theme_fr.lower()}?",
    }[language]
    record_note(
        actor=None,
        session=session,
        agenda_item=table,
        question=question,
        language=note_language,
        text=text,
    )
    return 1
