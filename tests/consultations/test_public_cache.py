"""Public pages kept in memory (heard/consultations/public_cache.py): conditional requests, cache
headers, and never a stale or someone else's page."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from heard.consultations import public_cache, services
from heard.consultations.models import (
    Consultation,
    PageRevision,
    PublishedDocument,
    RelatedLink,
    ScheduleItem,
    Subject,
)
from heard.consultations.page import status_message
from tests.factories import ConsultationFactory, ScheduleItemFactory, UserFactory


def _url(consultation: Consultation, language: str = "en") -> str:
    slug = getattr(consultation, f"slug_{language}")
    return f"/{language}/consultations/{slug}/"


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def page(db):
    return ConsultationFactory(title_en="Safer roads", title_fr="Des routes plus sûres")


# --- Conditional requests and headers -------------------------------------------------------------


def test_a_second_request_with_the_etag_gets_304(client, page):
    first = client.get(_url(page))
    assert first.status_code == 200
    etag = first["ETag"]
    assert re.fullmatch(r'"[0-9a-f]{32}"', etag)
    assert first["Cache-Control"] == "public, no-cache"
    assert "Cookie" in first["Vary"]

    again = client.get(_url(page), headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag and again["Cache-Control"] == "public, no-cache"
    assert "Content-Security-Policy" in again
    # A list of validators, or a weak one, matches too; another page's does not.
    assert client.get(_url(page), headers={"if-none-match": f'"x", W/{etag}'}).status_code == 304
    assert client.get(_url(page), headers={"if-none-match": '"x"'}).status_code == 200


def test_the_first_rendering_answers_304_too(client, page):
    etag = client.get(_url(page))["ETag"]
    public_cache.forget_everything()  # as a process that has not kept the page yet
    assert client.get(_url(page), headers={"if-none-match": etag}).status_code == 304


def test_a_kept_page_is_the_same_page_with_the_same_security_headers(
    client, page, django_assert_num_queries
):
    rendered = client.get(_url(page))
    with django_assert_num_queries(0):  # the token was read less than a second ago
        kept = client.get(_url(page))
    assert kept.content == rendered.content
    for name in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "Content-Language",
        "Content-Type",
        "ETag",
        "Cache-Control",
        "Vary",
    ):
        assert kept[name] == rendered[name], name
    assert "unsafe-inline" not in kept["Content-Security-Policy"]
    assert kept["X-Frame-Options"] == "DENY"


def test_with_no_interval_each_request_reads_the_token_and_nothing_else(
    client, page, settings, django_assert_num_queries
):
    settings.HEARD_PUBLIC_PAGE_CHECK_SECONDS = 0
    client.get(_url(page))
    with django_assert_num_queries(1):
        assert client.get(_url(page)).status_code == 200


def test_the_hub_is_kept_but_a_filtered_hub_is_rendered_each_time(
    client, page, django_assert_num_queries
):
    first = client.get("/en/consultations/")
    with django_assert_num_queries(0):
        assert client.get("/en/consultations/").content == first.content
    searched = client.get("/en/consultations/", {"q": "roads"})
    assert "Safer roads" in _text(searched) and searched["ETag"]
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/consultations/", {"q": "roads"})
    assert len(queries) > 1  # rendered again


def test_redirects_and_missing_pages_are_not_kept(client, page):
    other_language = client.get(f"/en/consultations/{page.slug_fr}/")
    assert other_language.status_code == 301 and "ETag" not in other_language
    assert client.get("/en/consultations/nowhere/").status_code == 404
    assert public_cache.pages.get(f"/en/consultations/{page.slug_fr}/") is None
    assert public_cache.pages.get("/en/consultations/nowhere/") is None


# --- Languages ------------------------------------------------------------------------------------


def test_french_and_english_are_kept_apart(client, page):
    english = client.get(_url(page, "en"))
    french = client.get(_url(page, "fr"))
    assert english["ETag"] != french["ETag"]
    assert english["Content-Language"] == "en" and french["Content-Language"] == "fr"
    # Asked again, from memory, each language still gets its own page.
    assert "Safer roads" in _text(client.get(_url(page, "en")))
    french_again = client.get(_url(page, "fr"))
    assert "Des routes plus sûres" in _text(french_again) and "Safer roads" not in _text(
        french_again
    )
    # The English page's ETag is no validator for the French page.
    answer = client.get(_url(page, "fr"), headers={"if-none-match": english["ETag"]})
    assert answer.status_code == 200


# --- Changes: a service, another process, the clock ----------------------------------------------


def test_an_edit_shows_at_once(client, page):
    before = client.get(_url(page))
    services.update_consultation(actor=None, consultation=page, values={"title_en": "Safer rails"})
    after = client.get(_url(page), headers={"if-none-match": before["ETag"]})
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    assert "Safer rails" in _text(after) and "Safer roads" not in _text(after)
    assert "Safer rails" in _text(client.get("/en/consultations/"))


def test_schedule_links_documents_and_publishing_show_at_once(client, page):
    client.get(_url(page))
    item = ScheduleItem(consultation=page)
    services.save_part(
        actor=None,
        consultation=page,
        part=item,
        values={
            "key": "halifax",
            "kind": "regional_session",
            "title_en": "Halifax roundtable",
            "title_fr": "Table ronde d'Halifax",
            "format": "in_person",
            "city_en": "Halifax",
            "city_fr": "Halifax",
            "start_date": datetime(2030, 5, 4).date(),
            "participation": "invitation",
        },
    )
    assert "Halifax roundtable" in _text(client.get(_url(page)))
    services.delete_part(actor=None, consultation=page, part=item)
    assert "Halifax roundtable" not in _text(client.get(_url(page)))

    link = RelatedLink(consultation=page)
    values = {"title_en": "Background", "title_fr": "Contexte"}
    values |= {"url_en": "https://example.org/en", "url_fr": "https://example.org/fr"}
    services.save_part(actor=None, consultation=page, part=link, values=values)
    assert "Background" in _text(client.get(_url(page)))

    # The reports app publishes through this record (heard.reports.services.publish).
    PublishedDocument.objects.create(
        consultation=page,
        key="full",
        title_en="What we heard",
        title_fr="Ce que nous avons entendu",
        version=1,
        first_published_at=timezone.now(),
    )
    assert "What we heard" in _text(client.get(_url(page)))

    services.unpublish(actor=None, consultation=page)
    assert client.get(_url(page)).status_code == 404
    assert "Safer roads" not in _text(client.get("/en/consultations/"))
    services.publish(actor=None, consultation=page)
    assert client.get(_url(page)).status_code == 200
    assert "Safer roads" in _text(client.get("/en/consultations/"))


def test_a_subject_renamed_shows_on_the_hub(client, page):
    subject = Subject.objects.create(slug="roads", name_en="Transport", name_fr="Transports")
    services.update_consultation(actor=None, consultation=page, values={}, subjects=[subject])
    assert "Transport" in _text(client.get("/en/consultations/"))
    subject.name_en = "Mobility"
    subject.save()
    assert "Mobility" in _text(client.get("/en/consultations/"))


@pytest.mark.parametrize(
    "change",
    [
        "update",
        "publish",
        "unpublish",
        "schedule",
        "schedule_deleted",
        "document",
        "subjects",
        "subject_renamed",
    ],
)
def test_every_change_to_what_the_pages_show_writes_a_new_token(db, change):
    draft = ConsultationFactory(is_published=False, published_at=None)
    published = ConsultationFactory()
    item = ScheduleItemFactory(consultation=published)
    subject = Subject.objects.create(slug="roads", name_en="Roads", name_fr="Routes")
    before = PageRevision.objects.get().token
    if change == "update":
        services.update_consultation(actor=None, consultation=published, values={"why_en": "So."})
    elif change == "publish":
        services.publish(actor=None, consultation=draft)
    elif change == "unpublish":
        services.unpublish(actor=None, consultation=published)
    elif change == "schedule":
        services.save_part(
            actor=None, consultation=published, part=item, values={"title_en": "Moved"}
        )
    elif change == "schedule_deleted":
        services.delete_part(actor=None, consultation=published, part=item)
    elif change == "document":
        PublishedDocument.objects.create(
            consultation=published,
            key="full",
            title_en="Report",
            title_fr="Rapport",
            version=1,
            first_published_at=timezone.now(),
        )
    elif change == "subjects":
        published.subjects.add(subject)
    else:
        subject.name_fr = "Chemins"
        subject.save()
    assert PageRevision.objects.get().token != before


def _as_if_another_process(consultation: Consultation, title: str) -> None:
    """What this process sees of a change committed by another one: the rows and the token change
    in the database, and no signal runs here (QuerySet.update sends none)."""
    Consultation.objects.filter(pk=consultation.pk).update(title_en=title)
    PageRevision.objects.filter(pk=1).update(token=123456789, changed_at=timezone.now())


def test_a_change_made_by_another_process_shows_on_the_next_request_with_no_interval(
    client, page, settings
):
    settings.HEARD_PUBLIC_PAGE_CHECK_SECONDS = 0
    before = client.get(_url(page))
    _as_if_another_process(page, "Safer bridges")
    after = client.get(_url(page), headers={"if-none-match": before["ETag"]})
    assert after.status_code == 200 and "Safer bridges" in _text(after)


def test_a_change_made_by_another_process_shows_within_the_interval(
    client, page, settings, monkeypatch
):
    settings.HEARD_PUBLIC_PAGE_CHECK_SECONDS = 1
    now = [time.monotonic() + 10]
    monkeypatch.setattr(public_cache, "_clock", lambda: now[0])
    client.get(_url(page))
    _as_if_another_process(page, "Safer bridges")
    now[0] += 0.5  # within the interval this process has not asked the database again
    assert "Safer roads" in _text(client.get(_url(page)))
    now[0] += 0.6  # past it: it asks, and renders the page again
    assert "Safer bridges" in _text(client.get(_url(page)))


def test_without_the_token_row_nothing_is_kept_until_a_change_puts_it_back(
    client, page, django_assert_max_num_queries
):
    PageRevision.objects.all().delete()  # as a flushed database
    client.get(_url(page))
    assert public_cache.pages.get(_url(page)) is None
    services.update_consultation(actor=None, consultation=page, values={"title_en": "Safer rails"})
    assert PageRevision.objects.count() == 1
    client.get(_url(page))
    with django_assert_max_num_queries(0):
        assert "Safer rails" in _text(client.get(_url(page)))


def _status_text(response) -> str:
    text = _text(response)
    found = re.search(r"Current status: .*?(?=What we are consulting on|Objectives)", text)
    assert found, text
    return found.group(0)


def test_status_and_time_left_follow_the_clock(client, db):
    start = datetime(2031, 3, 1, 12, 0, tzinfo=UTC)
    consultation = ConsultationFactory(
        opens_at=start + timedelta(hours=2), closes_at=start + timedelta(days=3, hours=2)
    )
    url = _url(consultation)
    with time_machine.travel(start, tick=False) as clock:
        assert "Upcoming" in _status_text(client.get(url))
        assert "Upcoming" in _text(client.get("/en/consultations/"))
        clock.move_to(start + timedelta(hours=2))
        assert "Time left: 3 days." in _status_text(client.get(url))
        assert "Time left: 3 days." in _text(client.get("/en/consultations/"))
        clock.move_to(start + timedelta(hours=2, minutes=1))
        assert "Time left: 2 days." in _status_text(client.get(url))
        clock.move_to(start + timedelta(days=2, hours=12))
        assert "Time left: 14 hours." in _status_text(client.get(url))
        clock.move_to(start + timedelta(days=3, hours=1, minutes=30))
        assert "Time left: 1 hour." in _status_text(client.get(url))
        clock.move_to(start + timedelta(days=3, hours=2))
        closed = client.get(url)
        assert "Current status: Closed" in _status_text(closed) and "Time left" not in _text(closed)
        assert "Time left" not in _text(client.get("/en/consultations/"))


@pytest.mark.parametrize("closed_early", [False, True])
def test_next_change_is_when_the_status_text_changes(db, closed_early):
    opens = datetime(2031, 3, 1, 12, 0, tzinfo=UTC)
    consultation = ConsultationFactory.build(
        opens_at=opens,
        closes_at=opens + timedelta(days=5),
        closed_early_at=opens + timedelta(days=3, minutes=7) if closed_early else None,
    )

    def text(moment: datetime) -> tuple[str, ...]:
        message = status_message(consultation, consultation.status_at(moment))
        return (message.label, message.detail, message.time_left)

    tick = timedelta(microseconds=1)
    moment = opens - timedelta(days=2, minutes=13)
    seen = 0
    while (boundary := public_cache.next_change(consultation, moment)) is not None:
        assert boundary > moment or text(moment + tick) != text(moment)
        assert text(boundary - tick) == text(moment)
        assert text(boundary + tick) != text(moment)
        moment = boundary + tick
        seen += 1
    assert text(moment).count("Closed early" if closed_early else "Closed") == 1
    assert seen > 20  # opening, the days, then each of the last day's hours
    assert public_cache.next_change(consultation, moment + timedelta(days=400)) is None


# --- Visitors with a session ----------------------------------------------------------------------


def test_a_signed_in_staff_members_page_is_theirs_alone(client, page):
    anonymous = client.get(_url(page))  # kept
    staff = UserFactory(username="someone")
    client.force_login(staff)
    theirs = client.get(_url(page))
    assert 'id="session-timeout"' in theirs.content.decode()  # their session's warning
    assert "no-store" in theirs["Cache-Control"] and "private" in theirs["Cache-Control"]
    assert "public" not in theirs["Cache-Control"] and "ETag" not in theirs
    assert theirs.content != anonymous.content
    # Their page was not kept, nor shown to the next visitor without a session.
    client.logout()
    client.cookies.clear()
    again = client.get(_url(page))
    assert again.content == anonymous.content
    assert 'id="session-timeout"' not in again.content.decode()
    assert public_cache.pages.get(_url(page)).body == anonymous.content


def test_a_visitor_with_a_session_never_gets_the_kept_page(client, page):
    client.get(_url(page))
    client.force_login(UserFactory(username="someone"))
    for _n in range(2):
        assert 'id="session-timeout"' in client.get(_url(page)).content.decode()
        assert 'id="session-timeout"' in client.get("/en/consultations/").content.decode()


def test_a_head_request_gets_the_headers_and_is_not_kept(client, page):
    answer = client.head(_url(page))
    assert answer.status_code == 200 and answer["Cache-Control"] == "public, no-cache"
    assert public_cache.pages.get(_url(page)) is None


def test_kept_pages_are_bounded():
    pages = public_cache._Pages(2)
    kept = public_cache.Kept(1, None, b"", '"e"', ())
    for path in ("/a", "/b", "/c"):
        pages.put(path, kept)
    assert pages.get("/a") is None and pages.get("/b") and pages.get("/c")
