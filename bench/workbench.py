"""The analyst's workbench at scale: a 100,000-record run started from the staff area on
PostgreSQL, then the review and explorer pages with 100,000 records and a million code
assignments stored.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/workbench.py

It uses (and empties) a database of its own, ``heard_bench_workbench``, on that server. Steps:

1. The demo consultation, and 100,000 submitted questionnaire answers written from the seeded
   synthetic generator (bench/analysis/synthetic.py: fictional, bilingual, with campaigns and
   planted personal information), stored encrypted like real answers.
2. A lead presses "Start the analysis" (the real view, through Django's test client); the
   worker's own code runs the job (`jobs.run_next`) while a second thread reads the job's
   progress once a second, as the run page does. Timed end to end.
3. Copies of the run's stored results (SQL, a copy per run number) until at least a million code
   assignments (suggestions) are stored, and 2,000 reviewed records with decisions.
4. Each page answers `BENCH_REQUESTS` (default 60) requests through the test client, in process;
   p95 with a bootstrap 95% interval, against a baseline page measured in the same run: the
   staff home page (sign-in, session, one query, a template). Run 2 is changed first (a tenth
   of its codes removed, a code added to a twentieth of its records), and the comparison of runs
   1 and 2 is measured with a quarter of the requests.

Results go to bench/results/workbench.jsonl.

``BENCH_PAGES_ONLY=1 HEARD_VAR_DIR=<the var folder of the run that loaded it>`` measures step 4
alone on the data a full run left in the database (the keys to decrypt it are in that folder).
"""

from __future__ import annotations

import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
RECORDS = int(os.environ.get("BENCH_RECORDS", "100000"))
ASSIGNMENTS = int(os.environ.get("BENCH_ASSIGNMENTS", "1000000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "60"))
REVIEWED = 2000
DATABASE = "heard_bench_workbench"


def _bench_database() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("bench/workbench.py measures PostgreSQL: set DATABASE_URL=postgres://…")
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{DATABASE}"')
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{DATABASE}"))


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _interval(samples: list[float], rng: random.Random) -> tuple[float, float]:
    """Percentile-bootstrap 95% interval of the p95 (1,000 resamples)."""
    estimates = sorted(_p95(rng.choices(samples, k=len(samples))) for _ in range(1000))
    return estimates[25], estimates[974]


def main() -> int:
    os.environ["DATABASE_URL"] = _bench_database()
    pages_only = os.environ.get("BENCH_PAGES_ONLY") == "1"
    if pages_only and not os.environ.get("HEARD_VAR_DIR"):
        sys.exit("BENCH_PAGES_ONLY needs HEARD_VAR_DIR: the var folder of the run that loaded it")
    workdir = Path(tempfile.mkdtemp(prefix="heard-bench-"))
    os.environ.setdefault("HEARD_VAR_DIR", str(workdir / "var"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "heard.settings"
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench" / "analysis"))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.urls import reverse

    settings.ALLOWED_HOSTS = ["*"]
    if pages_only:
        return _pages_only()
    call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)

    from synthetic import Synthetic, write

    from heard.analysis import selectors, services
    from heard.analysis.models import Decision, Review, Run, RunRecord, Suggestion
    from heard.cli import load_everything
    from heard.consultations.models import Membership, Role
    from heard.core import jobs
    from heard.core.models import Job
    from heard.events.demo import _people
    from heard.questionnaires.demo import populate as populate_questionnaire
    from heard.questionnaires.models import Respondent, Response
    from tests.factories import UserFactory

    consultation = load_everything(ROOT / "heard" / "examples" / "human-trafficking-2018")[0]
    consultation = consultation.consultation
    _people(consultation)
    populate_questionnaire(consultation, ROOT / "heard" / "examples" / "human-trafficking-2018")
    questionnaire = consultation.questionnaires.get()
    version = questionnaire.current_version
    text_fields = [f["name"] for f in version.definition["fields"] if f["type"] == "text"]
    lead = UserFactory(username="bench-lead")
    Membership.objects.create(consultation=consultation, user=lead, role=Role.LEAD)

    # 1. The answers.
    started = time.perf_counter()
    source = workdir / "synthetic.jsonl"
    write(Synthetic(RECORDS, seed=2018), source)
    submitted = datetime(2018, 7, 1, tzinfo=UTC)
    batch: list[tuple[Respondent, dict[str, Any], str, str]] = []

    def flush() -> None:
        with transaction.atomic():
            respondents = Respondent.objects.bulk_create([item[0] for item in batch])
            responses = []
            for respondent, (_r, answers, channel, language) in zip(
                respondents, batch, strict=True
            ):
                response = Response(
                    respondent=respondent,
                    version=version,
                    state="submitted",
                    channel=channel,
                    language=language,
                    submitted_at=submitted,
                )
                response.answers = answers
                responses.append(response)
            Response.objects.bulk_create(responses)
        batch.clear()

    with source.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            record = json.loads(line)
            answers = {
                text_fields[number % len(text_fields)]: record["text"],
                "province": str(record.get("region", "")).lower(),
                "privacy_ack": "OK",
            }
            respondent = Respondent(questionnaire=questionnaire, source="staff")
            channel = (
                record.get("channel")
                if record.get("channel") in ("online", "email", "paper")
                else "online"
            )
            batch.append((respondent, answers, channel, "fr" if number % 3 == 0 else "en"))
            if len(batch) >= 2000:
                flush()
        if batch:
            flush()
    loading = time.perf_counter() - started

    # 2. The run, from the staff area, with its progress read as the page reads it.
    client = Client()
    client.force_login(lead)
    response = client.post(
        reverse("analysis:home", kwargs={"pk": consultation.pk}),
        {"questions": text_fields, "notes": "on", "use_codebook": "on"},
    )
    assert response.status_code == 302, response.status_code
    run = Run.objects.get(consultation=consultation)
    seen: list[tuple[float, str, int, int]] = []
    finished = threading.Event()

    def watch() -> None:
        from django.db import connection as watcher_connection

        begun = time.perf_counter()
        while not finished.is_set():
            job = Job.objects.get(pk=run.job_id)
            seen.append((round(time.perf_counter() - begun, 1), job.stage, job.done, job.total))
            finished.wait(1.0)
        watcher_connection.close()

    watcher = threading.Thread(target=watch)
    watcher.start()
    started = time.perf_counter()
    assert jobs.run_next()
    run_seconds = time.perf_counter() - started
    finished.set()
    watcher.join()
    run.refresh_from_db()
    assert run.state == Run.State.DONE, run.job.error if run.job else run.state
    stages = sorted({stage for _t, stage, _d, _n in seen if stage})

    # 3. A million code assignments, and reviewed records.
    with connection.cursor() as cursor:
        number = run.number
        while Suggestion.objects.count() < ASSIGNMENTS:
            number += 1
            copy = Run.objects.create(
                consultation=consultation,
                number=number,
                state=Run.State.DONE,
                sources=run.sources,
                codebook=run.codebook,
                manifest=run.manifest,
                records_raw=run.records_raw,
                records_deduplicated=run.records_deduplicated,
            )
            cursor.execute(
                "INSERT INTO analysis_runrecord (run_id, position, key, source, question, "
                "language, campaign, consent, segments, theme, text, added_text) SELECT %s, "
                "position, key, source, question, language, campaign, consent, segments, theme, "
                "text, added_text FROM analysis_runrecord WHERE run_id = %s",
                [copy.pk, run.pk],
            )
            cursor.execute(
                "INSERT INTO analysis_suggestion (run_id, record_id, code, confidence, part, "
                "taught) SELECT %s, c.id, s.code, s.confidence, s.part, s.taught FROM "
                "analysis_suggestion s JOIN analysis_runrecord r ON r.id = s.record_id JOIN "
                "analysis_runrecord c ON c.run_id = %s AND c.key = r.key WHERE s.run_id = %s",
                [copy.pk, copy.pk, run.pk],
            )
        # Run 2 differs from run 1 as a rerun after a codebook change would: a tenth of its
        # codes gone, and one code given to a twentieth of its records (the comparison's work).
        second = Run.objects.get(consultation=consultation, number=run.number + 1)
        cursor.execute(
            "DELETE FROM analysis_suggestion WHERE run_id = %s AND id %% 10 = 0", [second.pk]
        )
        cursor.execute(
            "INSERT INTO analysis_suggestion (run_id, record_id, code, confidence, part, taught) "
            "SELECT run_id, id, 'shelters-housing', 0.7, 'whole', false FROM analysis_runrecord "
            "WHERE run_id = %s AND position %% 20 = 0",
            [second.pk],
        )
        cursor.execute("ANALYZE")
    assignments = Suggestion.objects.count()
    codes = [code.key for code in selectors.engine_codebook(run.codebook).walk()]
    rng = random.Random(2018)
    for record in RunRecord.objects.filter(run=run).order_by("position")[:REVIEWED]:
        services.save_review(
            actor=lead,
            record=record,
            verdicts={},
            added=[rng.choice(codes)],
            known_codes=set(codes),
        )

    measured = _measure(client, consultation.pk, run.number, rng)
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": _commit(),
        "database": connection.vendor,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "python": platform.python_version(),
        "records": run.records_raw,
        "records_deduplicated": run.records_deduplicated,
        "loading_answers_s": round(loading, 1),
        "run_s": round(run_seconds, 1),
        "analysis_processes": settings.HEARD_ANALYSIS_PROCESSES,
        "progress_reads": len(seen),
        "progress_stages": stages,
        "progress_last": seen[-2:] if seen else [],
        "suggestions_of_the_run": Suggestion.objects.filter(run=run).count(),
        "code_assignments_stored": assignments,
        "runs_stored": Run.objects.filter(consultation=consultation).count(),
        "reviewed_records": Review.objects.count(),
        "decisions": Decision.objects.count(),
        "requests_per_page": REQUESTS,
        "pages": measured,
    }
    return _record(result)


def _measure(client: Any, consultation: int, number: int, rng: random.Random) -> dict[str, Any]:
    """p95 of each workbench page against the staff home page, in the same run."""
    from heard.analysis.models import RunRecord

    base = f"/en/staff/consultations/{consultation}/analysis/runs/{number}/"
    records = RunRecord.objects.filter(run__consultation_id=consultation, run__number=number)
    middle = records.get(position=records.count() // 2)
    pages = {
        "baseline: staff home": "/en/staff/",
        "run summary": base,
        "records, page 1": base + "records/",
        "records, not yet reviewed": base + "records/?reviewed=no",
        "records, one code": base + "records/?code=shelters-housing",
        "records, page 2000": base + "records/?page=2000",
        "one record": base + f"records/{middle.position}/",
        "findings by region": base + "findings/?segment=region",
        "agreement": base + "agreement/",
    }
    # Comparing two runs reads both runs' million-row suggestions: not a page of the review's
    # p95 target, measured with fewer requests.
    slow = {"compare runs 1 and 2": base + f"compare/?with={number + 1}"}
    timings: dict[str, list[float]] = {}
    first_views: dict[str, float] = {}
    for name, url in (pages | slow).items():
        begun = time.perf_counter()
        assert client.get(url).status_code == 200, url  # warm: compiled templates, caches
        first_views[name] = round((time.perf_counter() - begun) * 1000, 1)
        samples = []
        for _ in range(REQUESTS if name not in slow else max(10, REQUESTS // 4)):
            begun = time.perf_counter()
            answer = client.get(url)
            samples.append((time.perf_counter() - begun) * 1000)
            assert answer.status_code == 200, url
        timings[name] = samples
    baseline = _p95(timings["baseline: staff home"])
    measured = {}
    for name, samples in timings.items():
        low, high = _interval(samples, rng)
        measured[name] = {
            "p95_ms": round(_p95(samples), 1),
            "p95_interval_ms": [round(low, 1), round(high, 1)],
            "median_ms": round(statistics.median(samples), 1),
            "ratio_to_baseline_p95": round(_p95(samples) / baseline, 2),
            "first_view_ms": first_views[name],  # before caches (a comparison is computed once)
        }
    return measured


def _pages_only() -> int:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from heard.analysis.models import Run, Suggestion

    run = Run.objects.filter(state=Run.State.DONE).order_by("number").first()
    if run is None:
        sys.exit("no finished run in the bench database: run bench/workbench.py in full first")
    client = Client()
    client.force_login(get_user_model().objects.get(username="bench-lead"))
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": _commit(),
        "database": connection.vendor,
        "pages_only": True,
        "records": run.records_raw,
        "code_assignments_stored": Suggestion.objects.count(),
        "requests_per_page": REQUESTS,
        "pages": _measure(client, run.consultation_id, run.number, random.Random(2018)),
    }
    return _record(result)


def _commit() -> str:
    return subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()


def _record(result: dict[str, Any]) -> int:
    out = ROOT / "bench" / "results" / "workbench.jsonl"
    with out.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(result, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
