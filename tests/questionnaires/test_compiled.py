"""Each process builds a version's form once per revision (heard.questionnaires.compiled): a
definition changed in place must reach every process at its next request, and nothing built for
one version may ever be served for another."""

from __future__ import annotations

import uuid

from heard.questionnaires.compiled import compiled, form_of
from heard.questionnaires.models import QuestionnaireVersion
from tests.questionnaires.test_request_cost import _started
from tests.questionnaires.test_respondent import small  # noqa: F401 - fixture


def _relabel(version: QuestionnaireVersion, name: str, english: str) -> None:
    for field in version.definition["fields"]:
        if field["name"] == name:
            field["label"]["en"] = english
    version.save(update_fields=["definition"])


def test_a_change_in_place_gets_a_new_revision_that_every_process_reads(small):  # noqa: F811
    version = small.current_version
    before = version.revision
    assert compiled(version.pk, before).form.fields["role"]["label"]["en"] == "Your role"
    _relabel(version, "role", "Your job")
    # What another process reads: the row as it is now, its revision new, so its form is new.
    fresh = QuestionnaireVersion.objects.defer("definition").get(pk=version.pk)
    assert fresh.revision != before
    assert form_of(fresh).fields["role"]["label"]["en"] == "Your job"
    # The old revision's form is still the old one: it is never relabelled under a reader's feet.
    assert compiled(version.pk, before).form.fields["role"]["label"]["en"] == "Your role"


def test_a_reader_holding_an_old_revision_gets_the_form_as_it_is_now(small):  # noqa: F811
    version = small.current_version
    stale = uuid.uuid4()  # a revision this process never built, and the row no longer has
    _relabel(version, "role", "Your occupation")
    assert compiled(version.pk, stale).form.fields["role"]["label"]["en"] == "Your occupation"


def test_the_respondent_sees_a_change_in_place_at_the_next_request(small, settings, client):  # noqa: F811
    _started(small, settings, client)
    assert "Your role" in client.get("/en/questionnaire/page/about/").content.decode()
    _relabel(small.current_version, "role", "What you do")
    page = client.get("/en/questionnaire/page/about/").content.decode()
    assert "What you do" in page and "Your role" not in page


def test_an_untranslated_change_closes_the_questionnaire_in_every_process(small, settings, client):  # noqa: F811
    _started(small, settings, client)
    version = small.current_version
    for field in version.definition["fields"]:
        if field["name"] == "role":
            field["label"]["fr"] = ""
    version.save(update_fields=["definition"])
    assert client.get("/en/questionnaire/page/about/")["Location"] == "/en/questionnaire/"


def test_a_web_process_builds_the_open_questionnaires_forms_before_it_listens(small):  # noqa: F811
    from datetime import timedelta

    from django.utils import timezone

    from heard.cli import _warm_up
    from heard.questionnaires import compiled as kept

    kept.forget()
    message = _warm_up()
    assert "1 open questionnaires' forms built" in message and "templates compiled" in message
    assert small.current_version.revision in kept._built
    # A questionnaire that is closed is not built: its respondents are few, if any.
    kept.forget()
    type(small).objects.filter(pk=small.pk).update(closes_at=timezone.now() - timedelta(days=1))
    assert kept.warm() == 0 and not kept._built
