from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from heard.events.models import Session
from heard.stakeholders.fictional import people
from heard.stakeholders.models import Person, Sector
from tests.factories import ConsultationFactory, ScheduleItemFactory
from tests.smtp import smtp_server  # noqa: F401 - the real SMTP server fixture

VANCOUVER = ZoneInfo("America/Vancouver")
START = datetime(2031, 9, 6, 9, 0, tzinfo=VANCOUVER)
END = datetime(2031, 9, 6, 16, 30, tzinfo=VANCOUVER)


def make_people(consultation, count, *, sectors=None):
    from heard.core.crypto import blind_index

    made = []
    for n, row in enumerate(people(count, seed=n_seed(consultation))):
        sector = sectors[n % len(sectors)] if sectors else None
        made.append(
            Person(
                consultation=consultation,
                name=row["name"],
                email=row["email"],
                email_index=blind_index(row["email"]),
                language=row["language"],
                sector=sector,
            )
        )
    return Person.objects.bulk_create(made)


def n_seed(consultation):
    return 1000 + consultation.pk


@pytest.fixture
def session_event(db):
    consultation = ConsultationFactory()
    item = ScheduleItemFactory(
        consultation=consultation,
        key="vancouver",
        city_en="Vancouver",
        city_fr="Vancouver",
        venue_en="Harbour Hall",
        venue_fr="Salle du Port",
        time_zone="America/Vancouver",
    )
    return Session.objects.create(schedule_item=item, starts_at=START, ends_at=END, capacity=None)


@pytest.fixture
def sectors(session_event):
    consultation = session_event.schedule_item.consultation
    return [
        Sector.objects.create(consultation=consultation, key=key, name_en=key, name_fr=key)
        for key in ("police", "ngo", "survivors")
    ]
