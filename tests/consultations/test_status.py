"""Status comes from the dates and the clock: move the clock and watch it change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from heard.consultations.status import Phase, status_at
from tests.factories import ConsultationFactory

OPENS = datetime(2031, 3, 1, 13, 0, tzinfo=UTC)
CLOSES = datetime(2031, 4, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("moment", "phase"),
    [
        (OPENS - timedelta(seconds=1), Phase.UPCOMING),
        (OPENS, Phase.OPEN),
        (CLOSES - timedelta(seconds=1), Phase.OPEN),
        (CLOSES, Phase.CLOSED),
    ],
)
def test_phase_boundaries(moment, phase):
    status = status_at(opens_at=OPENS, closes_at=CLOSES, closed_early_at=None, moment=moment)
    assert status.phase is phase
    assert not status.closed_early


def test_closed_early_is_explicit():
    early = OPENS + timedelta(days=5)
    before = status_at(
        opens_at=OPENS, closes_at=CLOSES, closed_early_at=early, moment=early - timedelta(hours=1)
    )
    after = status_at(
        opens_at=OPENS, closes_at=CLOSES, closed_early_at=early, moment=early + timedelta(hours=1)
    )
    assert before.phase is Phase.OPEN and before.time_left == timedelta(hours=1)
    assert after.phase is Phase.CLOSED and after.closed_early


def _page(client, consultation, language="en"):
    with translation.override(language):
        url = reverse(
            "consultations:detail", kwargs={"slug": getattr(consultation, f"slug_{language}")}
        )
    return client.get(url).content.decode()


def _hub(client, language="en", **params):
    with translation.override(language):
        url = reverse("consultations:hub")
    return client.get(url, params).content.decode()


@pytest.mark.django_db
def test_the_clock_moves_a_consultation_from_upcoming_to_open_to_closed(client):
    consultation = ConsultationFactory(opens_at=OPENS, closes_at=CLOSES, title_en="Clockwork")

    with time_machine.travel(OPENS - timedelta(days=3), tick=False):
        page = _page(client, consultation)
        assert "<strong>Current status:</strong> Upcoming" in page
        assert "opens on 1 March 2031" in page
        assert "Clockwork" in _hub(client, status="upcoming")
        assert "Clockwork" not in _hub(client, status="open")

    with time_machine.travel(CLOSES - timedelta(days=12, hours=2), tick=False):
        page = _page(client, consultation)
        assert "<strong>Current status:</strong> Open" in page
        assert "Time left: 12 days." in page
        assert ": closed consultation" not in page
        assert "How to participate" in page
        assert "Clockwork" in _hub(client, status="open")
        assert "Clockwork" not in _hub(client, status="upcoming")
        french = _page(client, consultation, "fr")
        assert "Temps restant\u00a0: 12 jours." in french

    with time_machine.travel(CLOSES - timedelta(hours=5), tick=False):
        assert "Time left: 5 hours." in _page(client, consultation)

    with time_machine.travel(CLOSES + timedelta(minutes=1), tick=False):
        page = _page(client, consultation)
        assert "Clockwork: closed consultation" in page
        assert "<strong>Current status:</strong> Closed" in page
        assert "How to participate" not in page  # removed once closed
        assert "Clockwork" in _hub(client, status="closed")
        assert "\u00a0: consultation terminée" in _page(client, consultation, "fr")


@pytest.mark.django_db
def test_closed_early_shows_on_the_page_and_in_the_hub_filter(client):
    now = timezone.now()
    consultation = ConsultationFactory(
        opens_at=now - timedelta(days=10),
        closes_at=now + timedelta(days=10),
        closed_early_at=now - timedelta(days=1),
        title_en="Cut short",
    )
    page = _page(client, consultation)
    assert "Closed early" in page
    assert "closed early on" in page
    assert "Cut short" in _hub(client, status="closed")
    assert "Cut short" not in _hub(client, status="open")


@pytest.mark.django_db
def test_event_times_are_shown_in_local_time_in_both_languages(client):
    from datetime import date, time

    from tests.factories import ScheduleItemFactory

    consultation = ConsultationFactory()
    ScheduleItemFactory(
        consultation=consultation,
        start_date=date(2031, 6, 3),
        end_date=date(2031, 6, 5),
        start_time=time(9, 0),
        end_time=time(16, 30),
    )
    assert "3 to 5 June 2031, 9:00 a.m. to 4:30 p.m., local time" in _page(client, consultation)
    assert "du 3 au 5 juin 2031, de 9 h à 16 h 30, heure locale" in _page(
        client, consultation, "fr"
    )


@pytest.mark.django_db
def test_the_database_filter_agrees_with_the_python_status_at_every_boundary():
    from heard.consultations.selectors import phase_filter, published_consultations

    early = OPENS + timedelta(days=3)
    normal = ConsultationFactory(opens_at=OPENS, closes_at=CLOSES)
    cut = ConsultationFactory(opens_at=OPENS, closes_at=CLOSES, closed_early_at=early)
    second = timedelta(seconds=1)
    for moment in [
        OPENS - second,
        OPENS,
        early - second,
        early,
        CLOSES - second,
        CLOSES,
        CLOSES + second,
    ]:
        for consultation in (normal, cut):
            expected = consultation.status_at(moment).phase
            found = {
                phase
                for phase in Phase
                if published_consultations()
                .filter(phase_filter(phase, moment), pk=consultation.pk)
                .exists()
            }
            assert found == {expected}, (moment, consultation.closed_early_at)


def test_month_ranges_read_well_in_both_languages():
    from datetime import date

    from heard.consultations.dates import date_range

    with translation.override("en"):
        assert (
            date_range(date(2018, 9, 1), date(2018, 10, 31), month_only=True)
            == "September to October 2018"
        )
        assert date_range(date(2018, 9, 1), date(2018, 9, 30), month_only=True) == "September 2018"
        assert (
            date_range(date(2018, 12, 1), date(2019, 1, 31), month_only=True)
            == "December 2018 to January 2019"
        )
        assert (
            date_range(date(2018, 9, 30), date(2018, 10, 2))
            == "30 September 2018 to 2 October 2018"
        )
    with translation.override("fr"):
        assert (
            date_range(date(2018, 9, 1), date(2018, 10, 31), month_only=True)
            == "de septembre à octobre 2018"
        )
        assert (
            date_range(date(2031, 4, 1), date(2031, 5, 31), month_only=True) == "d'avril à mai 2031"
        )
        assert (
            date_range(date(2018, 10, 1), date(2019, 1, 31), month_only=True)
            == "d'octobre 2018 à janvier 2019"
        )
        assert date_range(date(2018, 9, 1), date(2018, 9, 2)) == "1er et 2 septembre 2018"
        assert (
            date_range(date(2018, 9, 30), date(2018, 10, 2))
            == "du 30 septembre 2018 au 2 octobre 2018"
        )
