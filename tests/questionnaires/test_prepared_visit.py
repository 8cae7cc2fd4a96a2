"""The respondent's visit (heard.questionnaires.selectors) read by its prepared query gives what
its query set gives: the same row, the same loaded fields, the same related objects and
annotations, so that a Django upgrade that changes the compiler's internals (heard.core.prepared
reads them) fails here rather than on a respondent's page."""

from __future__ import annotations

import pytest
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
    return selectors._VISIT.one(**values), selectors._visit_query(**values).first()


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
