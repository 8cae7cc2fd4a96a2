"""The respondent's visit (heard.questionnaires.selectors) read by its prepared query gives what
its query set gives: the same row, the same loaded fields, the same related objects and
annotations, so that a Django upgrade that changes the compiler's internals (heard.core.prepared
reads them) fails here rather than on a respondent's page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import Model

from heard.questionnaires import selectors, services
from heard.questionnaires.models import Respondent
from tests.questionnaires.test_respondent import invite_one, small  # noqa: F401 - fixture


def _loaded(instance: Model) -> dict[str, object]:
    """The fields a query loaded into an instance (deferred ones are not read: that would query)."""
    return {name: value for name, value in instance.__dict__.items() if not name.startswith("_")}


def _same(prepared: Model | None, plain: Model | None) -> None:
    assert (prepared is None) == (plain is None)
    if prepared is None or plain is None:
        return
    assert type(prepared) is type(plain)
    assert _loaded(prepared) == _loaded(plain)
    assert prepared.get_deferred_fields() == plain.get_deferred_fields()


def _visit_both(respondent: Respondent) -> tuple[Respondent | None, Respondent | None]:
    values = {"pk": respondent.pk, "token_hash": respondent.token_hash}
    return selectors._VISIT.one(**values), next(iter(selectors._visit_query(**values)), None)


def _related(respondent: Respondent) -> dict[str, object]:
    response = getattr(respondent, "response", None)
    return {
        "questionnaire": _loaded(respondent.questionnaire),
        "response": _loaded(response) if response else None,
        "version": _loaded(response.version) if response else None,
        "latest": (getattr(respondent, "latest_pk", None), respondent.latest_revision),
    }


@pytest.mark.django_db
def test_the_visit_query_reads_what_its_query_set_reads_before_and_after_a_response(
    small,  # noqa: F811 - the fixture imported above
    settings,
    django_assert_num_queries,
):
    invite_one(small, settings)
    respondent = Respondent.objects.get(questionnaire=small)
    prepared, plain = _visit_both(respondent)
    _same(prepared, plain)
    assert prepared is not None and plain is not None
    assert _related(prepared) == _related(plain)
    assert _related(prepared)["response"] is None  # no draft yet: the outer join found nothing
    assert prepared.latest_pk is not None  # type: ignore[attr-defined]

    services.draft_for(respondent, "fr")
    prepared, plain = _visit_both(respondent)
    _same(prepared, plain)
    assert prepared is not None and plain is not None
    with django_assert_num_queries(0):  # everything the pages read came with the one query
        both = _related(prepared), _related(plain)
    assert both[0] == both[1]
    assert both[0]["response"]["language"] == "fr"  # type: ignore[index]

    assert selectors._VISIT.one(pk=respondent.pk, token_hash="not the hash") is None
    assert selectors._VISIT.one(pk=respondent.pk + 1000, token_hash=respondent.token_hash) is None


@pytest.mark.django_db
def test_a_page_saved_by_the_prepared_update_reads_back_as_the_orm_would_store_it(
    small,  # noqa: F811 - the fixture imported above
    settings,
):
    """services.save_page writes with heard.core.prepared.PreparedUpdate: the encrypted answers,
    the JSON list of pages, the language and the moment read back as written, the JSON is a
    JSON value to the database (its first element can be looked up), and a response that is no
    longer a draft is left alone."""
    from datetime import UTC, datetime

    from heard.core.prepared import PreparedUpdate
    from heard.questionnaires.models import Response, ResponseState

    invite_one(small, settings)
    respondent = Respondent.objects.get(questionnaire=small)
    response = services.draft_for(respondent, "en")
    assert services.save_page(
        response=response, page="about", answers={"role": "worker", "years": 12}, language="fr"
    )
    stored = Response.objects.get(pk=response.pk)
    assert stored.answers == {"role": "worker", "years": 12}
    assert stored.pages_seen == ["about"] and stored.language == "fr"
    assert Response.objects.filter(pk=response.pk, pages_seen__0="about").exists()
    with connection.cursor() as cursor:  # encrypted at rest, as the ORM's update stored it
        cursor.execute(
            f"SELECT answers_json FROM {Response._meta.db_table} WHERE id = %s",
            [response.pk],
        )
        (raw,) = cursor.fetchone()
    assert "worker" not in raw and raw

    moment = datetime(2026, 12, 5, 21, 30, 15, 123456, tzinfo=UTC)
    update = PreparedUpdate(Response, ["language", "saved_at"], where=["id", "state"])
    assert (
        update.run(
            {"id": response.pk, "state": ResponseState.DRAFT}, language="en", saved_at=moment
        )
        == 1
    )
    stored.refresh_from_db()
    assert (stored.language, stored.saved_at) == ("en", moment)
    with pytest.raises(TypeError, match="every column"):
        update.run({"id": response.pk}, language="en", saved_at=moment)

    Response.objects.filter(pk=response.pk).update(
        state=ResponseState.SUBMITTED, submitted_at=moment
    )
    assert not services.save_page(response=response, page="topics", answers={}, language="en")
    assert Response.objects.get(pk=response.pk).pages_seen == ["about"]


@pytest.mark.django_db(transaction=True)
def test_the_submission_s_locking_read_reads_what_its_query_set_reads(
    small,  # noqa: F811 - the fixture imported above
    settings,
):
    """services.submit locks the response with a prepared query (heard.core.prepared): inside a
    transaction, as a locking read must be, it gives what the query set gives, related objects
    and deferred fields included; a response that is gone gives None."""
    from django.db import transaction

    invite_one(small, settings)
    respondent = Respondent.objects.get(questionnaire=small)
    response = services.draft_for(respondent, "en")
    with transaction.atomic():
        prepared = services._LOCKED_RESPONSE.one(pk=response.pk)
        plain = services._locked_response(response.pk).first()
        _same(prepared, plain)
        assert prepared is not None and plain is not None
        for path in ("version", "version.questionnaire", "version.questionnaire.consultation"):
            left, right = prepared, plain
            for step in path.split("."):
                left, right = getattr(left, step), getattr(right, step)
            _same(left, right)
        assert "definition" in prepared.version.get_deferred_fields()
        assert services._LOCKED_RESPONSE.one(pk=response.pk + 1000) is None


@pytest.mark.django_db
def test_opening_a_link_reads_what_its_query_set_reads(
    small,  # noqa: F811 - the fixture imported above
    settings,
):
    """The respondent a personal link opens, found by the token's hash with a prepared query:
    the same row and related objects as the query set; an unknown hash finds nobody."""
    invite_one(small, settings)
    respondent = Respondent.objects.get(questionnaire=small)
    prepared = services._BY_TOKEN_HASH.one(hashed=respondent.token_hash)
    plain = services._by_token_hash(respondent.token_hash).first()
    _same(prepared, plain)
    assert prepared is not None and plain is not None
    _same(prepared.questionnaire, plain.questionnaire)
    _same(prepared.questionnaire.consultation, plain.questionnaire.consultation)
    assert services._BY_TOKEN_HASH.one(hashed="0" * 64) is None
