"""The visit cookie (heard.questionnaires.visit_cookie, ADR 0023): a personal link's session is
read with its respondent's visit in one query, and the cookie that makes that possible opens
nothing by itself: the session decides whose questionnaire a request reaches."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from heard.core.crypto import blind_index
from heard.notify.models import Message
from heard.questionnaires import selectors, services, visit_cookie
from heard.questionnaires.models import Respondent, Response
from heard.stakeholders.models import Person
from tests.questionnaires.test_prepared_visit import _loaded, _related, _same
from tests.questionnaires.test_respondent import LINK, small  # noqa: F401 - fixture

ABOUT = {"role": "worker", "years": "3", "shown": ["role", "years"]}


def _invite(questionnaire, settings, name: str, email: str) -> tuple[str, Respondent]:
    settings.HEARD_PUBLIC_URL = "http://testserver"
    person = Person.objects.create(
        consultation=questionnaire.consultation,
        name=name,
        email=email,
        email_index=blind_index(email),
        language="en",
    )
    before = set(Message.objects.values_list("pk", flat=True))
    services.invite(actor=None, questionnaire=questionnaire, people=[person])
    message = Message.objects.exclude(pk__in=before).get(kind="questionnaire-invitation")
    return LINK.search(message.payload).group(1), Respondent.objects.get(person=person)


def _started(client: Client, link: str) -> None:
    assert client.get(link).status_code == 302
    assert client.post("/en/questionnaire/").status_code == 302


@pytest.fixture
def ada(small, settings, client) -> Respondent:  # noqa: F811 - the fixture imported above
    """Ada, invited and started in `client`: her session and her visit cookie."""
    link, respondent = _invite(small, settings, "Ada Example", "ada@example.org")
    _started(client, link)
    return respondent


def _reads(client: Client, path: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    return status, len(queries.captured_queries)


def test_opening_a_link_names_the_respondent_in_a_cookie_that_ends_with_the_browser(
    small,  # noqa: F811 - the fixture imported above
    settings,
    client,
):
    link, respondent = _invite(small, settings, "Ada Example", "ada@example.org")
    opened = client.get(link)
    assert opened.status_code == 302
    cookie = opened.cookies[visit_cookie.COOKIE]
    assert cookie.value == str(respondent.pk)
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["path"] == "/"
    assert not cookie["max-age"] and not cookie["expires"]  # gone when the browser closes
    assert client.get("/en/questionnaire/").status_code == 200


def test_a_page_read_with_the_cookie_costs_one_query_and_without_it_two(
    ada,
    client,
):
    page = "/en/questionnaire/page/about/"
    assert _reads(client, page) == (200, 1)
    del client.cookies[visit_cookie.COOKIE]  # an older session, from before the cookie
    assert _reads(client, page) == (200, 2)


@pytest.mark.parametrize("value", ["999999", "abc", "-1", "1" * 40, ""])
def test_a_cookie_naming_nobody_changes_nothing(
    ada,
    client,
    value,
):
    client.cookies[visit_cookie.COOKIE] = value
    assert client.post("/en/questionnaire/page/about/", ABOUT).status_code == 302
    assert Response.objects.get(respondent=ada).answers["role"] == "worker"


def test_a_cookie_naming_another_respondent_reaches_nothing_of_theirs(
    small,  # noqa: F811 - the fixture imported above
    settings,
):
    """Ada's browser, its cookie changed to name Ben: her pages and saves stay hers, and Ben's
    draft is neither read nor changed."""
    ada_link, ada = _invite(small, settings, "Ada Example", "ada@example.org")
    ben_link, ben = _invite(small, settings, "Ben Example", "ben@example.org")
    ada_browser, ben_browser = Client(), Client()
    _started(ada_browser, ada_link)
    _started(ben_browser, ben_link)
    ben_browser.post(
        "/en/questionnaire/page/about/",
        {"role": "other", "years": "9", "shown": ["role", "years"]},
    )
    ada_browser.cookies[visit_cookie.COOKIE] = str(ben.pk)
    shown = ada_browser.get("/en/questionnaire/page/about/")
    assert shown.status_code == 200
    assert 'value="9"' not in shown.content.decode()
    assert ada_browser.post("/en/questionnaire/page/about/", ABOUT).status_code == 302
    assert Response.objects.get(respondent=ada).answers["role"] == "worker"
    bens = Response.objects.get(respondent=ben).answers
    assert (bens["role"], bens["years"]) == ("other", 9)


def test_the_cookie_without_a_live_session_opens_nothing(
    ada,
    client,
):
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get("/en/questionnaire/page/about/").status_code == 404
    stranger = Client()  # the cookie alone, with no session at all
    stranger.cookies[visit_cookie.COOKIE] = str(ada.pk)
    assert stranger.get("/en/questionnaire/page/about/").status_code == 404
    stranger.cookies["sessionid"] = "not-a-session-key-of-anyone"
    assert stranger.get("/en/questionnaire/page/about/").status_code == 404


def test_signing_out_takes_the_cookie_with_the_session(
    ada,
    client,
):
    left = client.post("/en/questionnaire/leave/")
    assert left.status_code == 302
    assert left.cookies[visit_cookie.COOKIE]["max-age"] == 0
    assert client.get("/en/questionnaire/page/about/").status_code == 404


@pytest.mark.django_db
def test_the_visit_and_session_query_reads_what_its_query_set_reads(
    ada,
    client,
):
    """The prepared query (heard.core.prepared) against its query set, and the session's data
    against the row load() would read: found, expired, and a respondent that is not there."""
    key = client.cookies["sessionid"].value
    now = timezone.now()
    values = {"pk": ada.pk, "session_key": key, "now": now}
    prepared = selectors._VISIT_AND_SESSION.one(**values)
    plain = next(iter(selectors._visit_and_session_query(**values)), None)
    _same(prepared, plain)
    assert prepared is not None and plain is not None
    assert _related(prepared) == _related(plain)
    assert _loaded(prepared)["session_data"] == Session.objects.get(pk=key).session_data
    later = {**values, "now": Session.objects.get(pk=key).expire_date}
    assert selectors._VISIT_AND_SESSION.one(**later).session_data is None  # type: ignore[union-attr]
    assert selectors._VISIT_AND_SESSION.one(**{**values, "pk": ada.pk + 1000}) is None
    found = selectors.visit_and_session(ada.pk, key)
    assert found is not None and found.session_data is not None
    assert found.visit.holds(ada.pk, ada.token_hash)
    assert not found.visit.holds(ada.pk, "another link's hash")
    assert not found.visit.holds(ada.pk + 1, ada.token_hash)


def _token(page) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    assert found is not None
    return found.group(1)


def test_pages_do_not_send_the_csrf_cookie_again_and_their_forms_still_work(
    small,  # noqa: F811 - the fixture imported above
    settings,
):
    client = Client(enforce_csrf_checks=True)
    link, _respondent = _invite(small, settings, "Bea Example", "bea@example.org")
    assert client.get(link).status_code == 302
    first = client.get("/en/questionnaire/")
    assert "csrftoken" in first.cookies  # the browser gets its token with the first form
    started = client.post("/en/questionnaire/", {"csrfmiddlewaretoken": _token(first)})
    assert started.status_code == 302
    page = client.get("/en/questionnaire/page/about/")
    assert page.status_code == 200
    assert "csrftoken" not in page.cookies  # it has it: not sent again with each page
    saved = client.post(
        "/en/questionnaire/page/about/", {**ABOUT, "csrfmiddlewaretoken": _token(page)}
    )
    assert saved.status_code == 302
    refused = client.post(
        "/en/questionnaire/page/about/", {**ABOUT, "csrfmiddlewaretoken": "x" * 64}
    )
    assert refused.status_code == 403
