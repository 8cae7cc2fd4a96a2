"""Two runs side by side: what changed between them, and why (how each was made)."""

from __future__ import annotations

from django.urls import reverse

from heard.analysis import codebooks, services
from heard.analysis.codebooks import CodeValues
from heard.analysis.models import Run, RunRecord, Suggestion
from heard.consultations.models import Role
from heard.core import jobs
from tests.analysis.conftest import member, start


def _url(run, **query):
    url = reverse("analysis:compare", kwargs={"pk": run.consultation.pk, "number": run.number})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _pairs(run):
    return set(Suggestion.objects.filter(run=run, part="whole").values_list("record__key", "code"))


def _second_run(done_run, analyst, client):
    """A new code in the codebook and a record reviewed by a person, then a second run."""
    codebooks.save_code(
        actor=analyst,
        consultation=done_run.consultation,
        values=CodeValues(
            key="shelters",
            parent="protection",
            name_en="Shelters and safe housing",
            name_fr="Refuges et logement sûr",
            keywords_en=["shelter", "safe housing", "housing"],
            keywords_fr=["refuge", "logement"],
        ),
    )
    record = RunRecord.objects.filter(run=done_run, campaign="").order_by("position").first()
    services.save_review(
        actor=analyst,
        record=record,
        verdicts={},
        added=["prosecution"],
        known_codes={"prosecution"},
    )
    start(client, done_run.consultation)
    assert jobs.run_next()
    second = Run.objects.get(consultation=done_run.consultation, number=2)
    assert second.state == Run.State.DONE
    return second


def test_comparing_two_runs_says_what_changed_and_why(done_run, analyst, client):
    second = _second_run(done_run, analyst, client)
    response = client.get(_url(second))  # by default, against the run before
    assert response.status_code == 200
    result = response.context["result"]
    assert (result.earlier.number, result.later.number) == (1, 2)
    reasons = {reason.what: reason for reason in result.reasons}
    assert "Codebook revision" in reasons
    assert reasons["Codes in one run's codebook only"].after == "shelters"
    examples = reasons["Records people had reviewed (what the engine learned from)"]
    assert (examples.before, examples.after) == ("0", "1")
    assert "Engine version" not in reasons  # only what differs is listed
    # What changed, checked against the stored codes of both runs.
    common = set(RunRecord.objects.filter(run=done_run).values_list("key", flat=True))
    before = {pair for pair in _pairs(done_run) if pair[0] in common}
    after = {pair for pair in _pairs(second) if pair[0] in common}
    gained, lost = after - before, before - after
    codes = {code.key: code for code in result.codes}
    assert codes["shelters"].before is None and codes["shelters"].why == ["new in the codebook"]
    assert codes["shelters"].gained == sum(1 for _key, code in gained if code == "shelters") > 0
    assert codes["prosecution"].lost == sum(1 for _key, code in lost if code == "prosecution")
    assert result.changed_total == len({key for key, _code in gained | lost})
    assert "examples people gave the engine: 0, then 1" in codes["prosecution"].why
    first_changed = result.changed[0]
    assert set(first_changed.gained) == {c for k, c in gained if k == first_changed.key}
    page = response.content.decode()
    assert "Shelters and safe housing" in page and "new in the codebook" in page
    record_url = reverse(
        "analysis:record",
        kwargs={"pk": second.consultation.pk, "number": 2, "position": first_changed.position},
    )
    assert record_url in page
    # The same comparison the other way round: the earlier run is still the earlier one.
    other_way = client.get(_url(done_run, **{"with": 2})).context["result"]
    assert (other_way.earlier.number, other_way.later.number) == (1, 2)
    assert other_way.changed_total == result.changed_total


def test_comparing_in_french_and_for_viewers_who_see_counts_only(done_run, analyst, client):
    second = _second_run(done_run, analyst, client)
    french = client.get(_url(second).replace("/en/", "/fr/")).content.decode()
    assert "Comparer l" in french and "Refuges et logement sûr" in french
    assert "nouveau dans la grille de codes" in french
    viewer = member(done_run.consultation, "viewer", Role.VIEWER)
    client.force_login(viewer)
    page = client.get(_url(second).replace("/fr/", "/en/"))
    assert page.status_code == 200
    assert "Shelters and safe housing" in page.content.decode()
    assert "/records/" not in page.content.decode()  # no way to the records' text


def test_a_single_run_has_nothing_to_compare_and_bad_choices_are_not_found(done_run, client):
    page = client.get(_url(done_run)).content.decode()
    assert "There is no other finished run" in page
    assert client.get(_url(done_run, **{"with": "7"})).status_code == 404
    assert client.get(_url(done_run, **{"with": "x"})).status_code == 404
