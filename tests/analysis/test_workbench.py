"""The analysis inside Heard: runs started from the staff area, stored results, people's review."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from heard.analysis import runs, services
from heard.analysis.collect import consultation_records
from heard.analysis.models import Codebook, Decision, Review, Run, RunRecord, Suggestion
from heard.cli import DEMO_FOLDER, load_everything
from heard.consultations.models import Role
from heard.core import jobs
from heard.core.models import AuditEvent, Job
from tests.analysis.conftest import member, start
from tests.factories import UserFactory


def test_the_demo_loads_its_codebook(demo):
    codebook = Codebook.objects.get(consultation=demo)
    top = [code["key"] for code in codebook.data["codes"]]
    for pillar in ("prevention", "protection", "prosecution", "partnerships", "empowerment"):
        assert pillar in top
    # Loading the same folder again changes nothing: no new revision.
    load_everything(DEMO_FOLDER)
    assert Codebook.objects.get(consultation=demo).revision == codebook.revision


@pytest.mark.slow
def test_an_analyst_starts_a_run_and_the_worker_stores_its_results(full_demo, client, settings):
    demo = full_demo
    settings.HEARD_ANALYSIS_MEANING = "auto"  # as deployed: the demo is small enough for meaning
    client.force_login(member(demo, "ana", Role.ANALYST))
    response = start(client, demo)
    run = Run.objects.get(consultation=demo)
    assert response.status_code == 302 and response.url.endswith(f"/runs/{run.number}/")
    assert run.state == Run.State.QUEUED and run.codebook is not None

    page = client.get(response.url)
    assert "Waiting for the worker" in page.content.decode()
    assert jobs.run_next()
    run.refresh_from_db()
    assert run.state == Run.State.DONE, run.job.error

    expected = list(consultation_records(demo))
    stored = RunRecord.objects.filter(run=run)
    assert stored.count() == run.records_raw == len(expected)
    assert {record.key for record in stored} == {record["id"] for record in expected}
    assert Suggestion.objects.filter(run=run).exists()
    assert run.manifest["inputs"]["input"]["name"] == f"consultation {demo.key}"
    assert run.manifest["parameters"]["meaning"] == "auto"
    assert run.manifest["parameters"]["coding"]["meaning"] is not None, "read by meaning too"
    assert not runs.run_folder(run).exists(), "the run's private folder is removed"

    # Text is encrypted at rest: the column holds no sentence of what was said.
    sample = stored.exclude(text="").first()
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM analysis_runrecord WHERE id = %s", [sample.pk])
        (raw,) = cursor.fetchone()
    assert sample.text[:30] not in raw

    page = client.get(response.url).content.decode()
    assert f"{len(expected)} records" in page
    assert "Prevention" in page
    actions = set(AuditEvent.objects.filter(scope=demo.scope).values_list("action", flat=True))
    assert {"analysis.run_started", "analysis.run_finished"} <= actions


def test_the_run_page_and_its_status_speak_french(demo, analyst, client):
    client.force_login(analyst)
    start(client, demo)
    run = Run.objects.get(consultation=demo)
    url = reverse("analysis:run_status", kwargs={"pk": demo.pk, "number": run.number})
    with_language = url.replace("/en/", "/fr/")
    assert client.get(with_language).json()["status"] == "En attente du processus d'arrière-plan…"
    jobs.run_next()
    status = client.get(with_language).json()
    assert status["finished"] is True and status["state"] == "done"
    page = client.get(
        reverse("analysis:run", kwargs={"pk": demo.pk, "number": run.number}).replace(
            "/en/", "/fr/"
        )
    ).content.decode()
    assert "Prévention" in page and "Campagnes" in page


def test_a_run_without_any_source_is_refused_with_a_reason(demo, analyst, client):
    client.force_login(analyst)
    response = client.post(reverse("analysis:home", kwargs={"pk": demo.pk}), {})
    assert response.status_code == 200
    assert "Choose at least one source" in response.content.decode()
    assert not Run.objects.exists()


def test_viewers_see_counts_only(demo, analyst, client):
    viewer = member(demo, "vic", Role.VIEWER)
    client.force_login(analyst)
    start(client, demo)
    jobs.run_next()
    run = Run.objects.get()
    client.force_login(viewer)
    home = client.get(reverse("analysis:home", kwargs={"pk": demo.pk}))
    assert home.status_code == 200 and "Start the analysis" not in home.content.decode()
    assert (
        client.get(reverse("analysis:run", kwargs={"pk": demo.pk, "number": 1})).status_code == 200
    )
    assert start(client, demo).status_code == 403
    records = reverse("analysis:records", kwargs={"pk": demo.pk, "number": run.number})
    assert client.get(records).status_code == 403
    first = reverse("analysis:record", kwargs={"pk": demo.pk, "number": run.number, "position": 0})
    assert client.get(first).status_code == 403
    outsider = UserFactory(username="out")
    client.force_login(outsider)
    assert client.get(reverse("analysis:home", kwargs={"pk": demo.pk})).status_code == 404


def _record_url(run, position, **query):
    url = reverse(
        "analysis:record",
        kwargs={"pk": run.consultation.pk, "number": run.number, "position": position},
    )
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_reading_a_record_is_in_the_history(done_run, analyst, client):
    record = RunRecord.objects.filter(run=done_run).first()
    page = client.get(_record_url(done_run, record.position))
    assert page.status_code == 200
    assert record.text[:40] in page.content.decode()
    event = AuditEvent.objects.get(action="analysis.record_read")
    assert event.actor == analyst and event.changes["record"] == record.key
    assert record.text[:20] not in str(event.changes)


def test_an_analyst_confirms_rejects_and_adds_codes(done_run, analyst, client):
    suggested = (
        Suggestion.objects.filter(run=done_run, part="whole")
        .values_list("record_id", flat=True)
        .first()
    )
    record = RunRecord.objects.get(pk=suggested)
    codes = list(
        Suggestion.objects.filter(record=record, part="whole").values_list("code", flat=True)
    )
    data = {"review": "1", "save": "", f"code_{codes[0]}": "rejected", "added": ["gap"]}
    if len(codes) > 1:
        data[f"code_{codes[1]}"] = "confirmed"
    response = client.post(_record_url(done_run, record.position), data)
    assert response.status_code == 302
    verdicts = dict(
        Decision.objects.filter(record_key=record.key, analyst=analyst).values_list(
            "code", "verdict"
        )
    )
    assert verdicts[codes[0]] == "rejected"
    assert verdicts["gap"] == "added"
    if len(codes) > 1:
        assert verdicts[codes[1]] == "confirmed"
    assert Review.objects.filter(record_key=record.key, analyst=analyst).exists()
    # The engine's suggestion is still there: a person's "no" never deletes the engine's "yes".
    assert Suggestion.objects.filter(record=record, code=codes[0]).exists()
    page = client.get(_record_url(done_run, record.position)).content.decode()
    assert "ana: rejected" in page and "added by a person" in page
    event = AuditEvent.objects.get(action="analysis.record_reviewed")
    assert event.changes["codes"][codes[0]] == "rejected"

    # A code that is not in the codebook is refused and nothing is saved.
    bad = client.post(_record_url(done_run, record.position), {"review": "1", "added": ["nope"]})
    assert bad.status_code == 200
    assert "nope" in bad.content.decode() and "There is a problem" in bad.content.decode()


def test_save_and_next_moves_along_the_filtered_list(done_run, client):
    unreviewed = list(
        RunRecord.objects.filter(run=done_run)
        .order_by("position")
        .values_list("position", flat=True)
    )
    response = client.post(
        _record_url(done_run, unreviewed[0], reviewed="no"), {"review": "1", "next": ""}
    )
    assert response.status_code == 302
    assert response.url == _record_url(done_run, unreviewed[1], reviewed="no")


def test_an_excerpt_is_coded_by_sentence_or_by_offsets(done_run, analyst, client):
    record = (
        RunRecord.objects.filter(run=done_run, source="questionnaire").order_by("position").first()
    )
    response = client.post(
        _record_url(done_run, record.position),
        {"excerpt": "1", "code": "shelters-housing", "sentence": "0"},
    )
    assert response.status_code == 302
    decision = Decision.objects.get(record_key=record.key, excerpt_start__isnull=False)
    assert decision.verdict == "added" and decision.excerpt == record.text[: decision.excerpt_end]
    response = client.post(
        _record_url(done_run, record.position),
        {"excerpt": "1", "code": "prevention", "start": "0", "end": "5"},
    )
    assert Decision.objects.get(code="prevention", record_key=record.key).excerpt == record.text[:5]
    # Taking one back keeps it in the History as rejected.
    client.post(_record_url(done_run, record.position), {"remove_excerpt": decision.pk})
    decision.refresh_from_db()
    assert decision.verdict == "rejected"
    nothing = client.post(_record_url(done_run, record.position), {"excerpt": "1", "code": "gap"})
    assert "Choose the sentence to code" in nothing.content.decode()


def test_the_next_run_learns_from_reviewed_records(done_run, analyst, client):
    records = list(RunRecord.objects.filter(run=done_run, source="questionnaire")[:6])
    for record in records:
        services.save_review(
            actor=analyst,
            record=record,
            verdicts={},
            added=["empowerment"],
            known_codes={"empowerment"},
        )
    start(client, done_run.consultation)
    assert jobs.run_next()
    second = Run.objects.get(number=2)
    assert second.state == Run.State.DONE
    assert second.examples == len(records)
    taught = Suggestion.objects.filter(run=second, taught=True)
    assert {s.record.key for s in taught} == {record.key for record in records}
    assert set(taught.values_list("code", flat=True)) == {"empowerment"}
    # The first run is as it was.
    assert not Suggestion.objects.filter(run=done_run, taught=True).exists()
    progress = client.get(
        reverse("analysis:run", kwargs={"pk": second.consultation.pk, "number": 2})
    ).content.decode()
    assert "learned from 6 records reviewed by people" in progress


def test_a_waiting_run_is_cancelled_at_once(demo, analyst, client):
    client.force_login(analyst)
    start(client, demo)
    run = Run.objects.get()
    response = client.post(reverse("analysis:cancel", kwargs={"pk": demo.pk, "number": 1}))
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.state == Run.State.CANCELLED
    assert run.job.state == Job.State.CANCELLED
    assert not jobs.run_next(), "a cancelled job is not run"
    assert AuditEvent.objects.filter(action="analysis.run_cancelled", actor=analyst).exists()


def test_a_running_run_stops_at_its_next_step_and_keeps_nothing(demo, analyst, client, monkeypatch):
    client.force_login(analyst)
    start(client, demo)
    run = Run.objects.get()
    real_store = runs._store

    def store_then_cancel(run_row, folder, total, progress):
        # Someone presses "Cancel" while the results are being saved.
        jobs.request_cancel(Job.objects.get(pk=run_row.job_id))
        import time

        time.sleep(1.1)  # the job asks whether to stop at most once a second
        real_store(run_row, folder, total, progress)

    monkeypatch.setattr(runs, "_store", store_then_cancel)
    monkeypatch.setattr(runs, "STORE_BATCH", 10)
    assert jobs.run_next()
    run.refresh_from_db()
    assert run.state == Run.State.CANCELLED
    assert run.job.state == Job.State.CANCELLED
    assert not RunRecord.objects.filter(run=run).exists()
    assert not Suggestion.objects.filter(run=run).exists()


def test_a_retried_run_starts_from_nothing(done_run):
    """A worker killed mid-run leaves rows and its folder of redacted staging; the retry clears
    both before it starts (seen with kill -9 on a 100,000-record run)."""
    count = RunRecord.objects.filter(run=done_run).count()
    leftover = runs.run_folder(done_run) / ".heard-run-killed"
    leftover.mkdir(parents=True)
    (leftover / "partial.jsonl").write_text('{"text_redacted": "left by a killed worker"}\n')
    Run.objects.filter(pk=done_run.pk).update(state=Run.State.RUNNING)
    Job.objects.filter(pk=done_run.job_id).update(state=Job.State.QUEUED)
    assert jobs.run_next()
    assert RunRecord.objects.filter(run=done_run).count() == count
    assert not runs.run_folder(done_run).exists()


def test_sources_with_nothing_to_read_fail_with_a_reason(db, settings, client):
    from tests.factories import ConsultationFactory

    consultation = ConsultationFactory()
    lead = member(consultation, "lee", Role.LEAD)
    run = services.start_run(
        actor=lead,
        consultation=consultation,
        questions=[],
        notes=True,
        use_codebook=False,
        baseline=None,
    )
    assert jobs.run_next()
    run.refresh_from_db()
    assert run.state == Run.State.FAILED
    assert "no text to analyse" in run.error
    client.force_login(lead)
    page = client.get(reverse("analysis:run", kwargs={"pk": consultation.pk, "number": 1}))
    assert "no text to analyse" in page.content.decode()


def test_code_these_next_lists_what_the_engine_would_learn_most_from(done_run, client):
    from heard.analysis import selectors

    wanted = selectors.summary_of(done_run)["to_code_next"]
    assert wanted, "the engine proposes records to code next"
    url = reverse("analysis:records", kwargs={"pk": done_run.consultation.pk, "number": 1})
    page = client.get(url + "?next=1").content.decode()
    assert f"{len(wanted)} records" in page
    assert all(key in page for key in wanted[:5])
    run_page = client.get(
        reverse("analysis:run", kwargs={"pk": done_run.consultation.pk, "number": 1})
    ).content.decode()
    assert "?next=1&amp;reviewed=no" in run_page and "Code these next" in run_page
