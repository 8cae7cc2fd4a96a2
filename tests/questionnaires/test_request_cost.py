"""What a respondent's request costs the database: counted, not timed (speed is measured in
bench/questionnaire_200.py). A page is one query: the session's row with the respondent, their
response and the current version (heard.questionnaires.visit_cookie, ADR 0023); a save adds one
conditional UPDATE. The form itself is built once per process (heard.questionnaires.compiled)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from heard.questionnaires import selectors, services
from heard.questionnaires.models import Respondent, Response
from tests.questionnaires.test_respondent import invite_one, small  # noqa: F401 - fixture


def _started(questionnaire, settings, client):
    link, _person = invite_one(questionnaire, settings)
    client.get(link)
    client.post("/en/questionnaire/")


def test_a_page_costs_one_query_and_a_save_two(
    small,  # noqa: F811 - the fixture imported above
    settings,
    client,
    django_assert_max_num_queries,
):
    _started(small, settings, client)
    client.get("/en/questionnaire/page/about/")  # this process builds the form once
    with django_assert_max_num_queries(1):
        assert client.get("/en/questionnaire/page/about/").status_code == 200
    with django_assert_max_num_queries(2):
        saved = client.post(
            "/en/questionnaire/page/about/",
            {"role": "worker", "years": "3", "shown": ["role", "years"]},
        )
    assert saved.status_code == 302
    with django_assert_max_num_queries(1):
        assert client.get("/en/questionnaire/check/").status_code == 200


def test_the_first_and_last_pages_cost_one_query_with_the_consultation_shown(
    small,  # noqa: F811 - the fixture imported above
    settings,
    client,
    django_assert_max_num_queries,
):
    small.consultation.contact_email = "team@example.org"
    small.consultation.save()
    link, _person = invite_one(small, settings)
    client.get(link)
    client.get("/en/questionnaire/")  # this process builds what it keeps once
    with django_assert_max_num_queries(1):
        first = client.get("/en/questionnaire/")
    assert small.consultation.title_en in first.content.decode()
    client.post("/en/questionnaire/")
    client.post(
        "/en/questionnaire/page/about/",
        {"role": "worker", "years": "3", "shown": ["role", "years"]},
    )
    assert client.post("/en/questionnaire/check/").status_code == 302
    with django_assert_max_num_queries(1):
        last = client.get("/en/questionnaire/done/")
    assert last.status_code == 200 and "team@example.org" in last.content.decode()


def test_starting_reads_what_the_visit_read_and_never_the_form(
    small,  # noqa: F811 - the fixture imported above
    settings,
    client,
):
    link, _person = invite_one(small, settings)
    client.get(link)
    client.get("/en/questionnaire/")  # this process builds the form once
    with CaptureQueriesContext(connection) as queries:
        started = client.post("/en/questionnaire/")
    assert started.status_code == 302 and started["Location"].endswith("/page/about/")
    statements = [q["sql"] for q in queries.captured_queries]
    # The session with the visit, then the draft's get-or-create (a SELECT, then the INSERT
    # inside a savepoint): no second look at the respondent's response, the versions or the form.
    assert not any("definition" in sql for sql in statements), statements
    reads = [sql for sql in statements if sql.lstrip().upper().startswith("SELECT")]
    assert len(reads) == 2, reads


def test_opening_a_link_reads_the_respondent_and_writes_the_session_once(
    small,  # noqa: F811 - the fixture imported above
    settings,
    client,
):
    """A personal link: one read of the respondent, one INSERT of the new session (Django's
    store also asked whether the key was free and wrote the row twice); the session works."""

    link, _person = invite_one(small, settings)
    client.get("/en/")  # an earlier visit's session cookie, replaced by the link's
    with CaptureQueriesContext(connection) as queries:
        opened = client.get(link)
    assert opened.status_code == 302
    statements = [q["sql"].lstrip().upper() for q in queries.captured_queries]
    session_writes = [
        sql for sql in statements if "DJANGO_SESSION" in sql and "SELECT" not in sql[:6]
    ]
    assert [sql.split()[0] for sql in session_writes] == ["INSERT"], statements
    assert sum(sql.startswith("SELECT") for sql in statements) == 1, statements
    assert client.get("/en/questionnaire/").status_code == 200  # the new session holds the link


def test_submitting_reads_the_response_once_and_not_the_versions(
    small,  # noqa: F811 - the fixture imported above
    settings,
    client,
):
    """The submission locks and reads the response (with its version) once; whether the
    questionnaire is open comes from the visit, so the versions are not read again."""

    _started(small, settings, client)
    client.post(
        "/en/questionnaire/page/about/",
        {"role": "worker", "years": "3", "shown": ["role", "years"]},
    )
    client.get("/en/questionnaire/check/")
    with CaptureQueriesContext(connection) as queries:
        assert client.post("/en/questionnaire/check/").status_code == 302
    statements = [q["sql"] for q in queries.captured_queries]
    reads = [sql for sql in statements if sql.lstrip().upper().startswith("SELECT")]
    # The session with the visit, the locking read of the response: nothing else is read.
    assert len(reads) == 2, reads


@pytest.mark.django_db(transaction=True)
def test_starting_outside_a_transaction_is_one_insert_after_the_visit(
    small,  # noqa: F811 - the fixture imported above
    settings,
    client,
):
    # As in production: no test transaction around the request (the other tests have one, and
    # there the draft is made by get-or-create, as inside any transaction).
    link, _person = invite_one(small, settings)
    client.get(link)
    client.get("/en/questionnaire/")
    with CaptureQueriesContext(connection) as queries:
        started = client.post("/en/questionnaire/")
    assert started.status_code == 302 and started["Location"].endswith("/page/about/")
    verbs = [q["sql"].split(None, 1)[0].upper() for q in queries.captured_queries]
    assert verbs == ["SELECT", "INSERT"], queries.captured_queries
    assert Response.objects.filter(respondent__questionnaire=small).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_draft_made_meanwhile_is_the_one_returned_not_a_second(
    small,  # noqa: F811 - the fixture imported above
    settings,
    client,
):
    link, _person = invite_one(small, settings)
    client.get(link)
    respondent = Respondent.objects.get(questionnaire=small)
    stale = selectors.visit(respondent.pk, str(respondent.token_hash))
    assert stale is not None and stale.response is None
    first = services.draft_for(respondent, "en", stale)  # another tab, a moment before
    again = services.draft_for(respondent, "fr", stale)  # this request still holds the old visit
    assert again.pk == first.pk
    assert Response.objects.filter(respondent=respondent).count() == 1
