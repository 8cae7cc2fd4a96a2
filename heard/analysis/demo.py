"""The demo consultation's finished analysis: a run, reviewed codes by two fictional analysts with
their agreement, approved themes and quotes. The next step (the reports) builds on it.

Everything goes through the same services a person uses (so the History shows it), and is
reproducible: the same seed gives the same reviews. The analysts' verdicts are simulated from the
engine's suggestions with a little disagreement, which is what a real double-coding sample shows;
they are fiction, like the rest of the demo.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from heard.analysis import selectors, services
from heard.analysis.codebooks import CodeValues
from heard.analysis.engine.codebook import codebook_from_dict
from heard.analysis.models import Run, RunRecord, Suggestion
from heard.consultations.models import Consultation, Membership, Role
from heard.core import jobs

ANALYSTS = ("demo-analyst-amani", "demo-analyst-benoit")
REVIEWED = 240  # records the first analyst reviews
DOUBLE = 40  # of which both analysts review these
THEMES_ACCEPTED = 2
QUOTES_PER_CODE = 2


@dataclass
class DemoAnalysis:
    run: int = 0
    records: int = 0
    reviewed: int = 0
    double_coded: int = 0
    themes: int = 0
    quotes: int = 0


def _analyst(username: str, consultation: Consultation) -> object:
    user, created = get_user_model().objects.get_or_create(username=username)
    if created:
        user.set_unusable_password()  # fictional: nobody signs in as them
        user.save()
    Membership.objects.get_or_create(
        consultation=consultation, user=user, defaults={"role": Role.ANALYST}
    )
    return user


def populate(consultation: Consultation, *, seed: int = 2018) -> DemoAnalysis:
    """Run the analysis and review it, once: a consultation that has a run already is left as is."""
    report = DemoAnalysis()
    if Run.objects.filter(consultation=consultation).exists():
        return report
    first, second = (_analyst(name, consultation) for name in ANALYSTS)
    questions = [question.name for question in selectors.text_questions(consultation)]
    run = services.start_run(
        actor=first,
        consultation=consultation,
        questions=questions,
        notes=True,
        use_codebook=True,
        baseline=None,
    )
    while jobs.run_next():  # the demo runs it now, not in the background
        pass
    run.refresh_from_db()
    if run.state != Run.State.DONE:
        raise RuntimeError(f"the demo analysis did not finish: {run.error or run.state}")
    report.run, report.records = run.number, run.records_raw
    rng = random.Random(seed)  # noqa: S311 - reproducible fiction
    codebook = codebook_from_dict(run.codebook or {})
    known = {code.key for code in codebook.walk()}
    leaves = [code.key for code in codebook.leaves()]
    records = list(RunRecord.objects.filter(run=run, campaign="").order_by("position"))
    suggested: dict[int, list[str]] = {}
    for record_id, code in Suggestion.objects.filter(run=run, part="whole").values_list(
        "record_id", "code"
    ):
        suggested.setdefault(record_id, []).append(code)
    with transaction.atomic():
        keys = set(
            services.assign_double_coding(
                actor=first, run=run, first=first, second=second, size=DOUBLE
            )
        )
        double = [record for record in records if record.key in keys]
        rest = [record for record in records if record.key not in keys]
        chosen = double + rng.sample(rest, min(REVIEWED - len(double), len(rest)))
        for record in sorted(chosen, key=lambda r: r.position):
            _review(first, record, suggested.get(record.pk, []), leaves, known, rng)
        report.reviewed = len(chosen)
        for record in double:
            _review(second, record, suggested.get(record.pk, []), leaves, known, rng)
        report.double_coded = len(double)
        report.themes = _themes(run, first)
        report.quotes = _quotes(run, first)
    return report


def _review(
    analyst: object,
    record: RunRecord,
    engine: list[str],
    leaves: list[str],
    known: set[str],
    rng: random.Random,
) -> None:
    """Most of the engine's codes are kept, some rejected, now and then one is added."""
    verdicts = {code: "confirmed" if rng.random() < 0.85 else "rejected" for code in engine}
    added = [rng.choice(leaves)] if leaves and rng.random() < 0.15 else []
    services.save_review(
        actor=analyst, record=record, verdicts=verdicts, added=added, known_codes=known
    )


def _themes(run: Run, analyst: object) -> int:
    accepted = 0
    for theme in selectors.summary_of(run).get("themes", {}).get("themes", []):
        phrases = theme.get("key_phrases", {})
        english = (phrases.get("en") or phrases.get("fr") or [theme["id"]])[0]
        french = (phrases.get("fr") or phrases.get("en") or [theme["id"]])[0]
        if accepted < THEMES_ACCEPTED:
            services.decide_theme(
                actor=analyst,
                run=run,
                theme=theme,
                verdict="accepted",
                new_code=CodeValues(
                    key=f"theme-{theme['id'].lower()}",
                    parent="",
                    name_en=english[:1].upper() + english[1:],
                    name_fr=french[:1].upper() + french[1:],
                ),
            )
            accepted += 1
        else:
            services.decide_theme(actor=analyst, run=run, theme=theme, verdict="rejected")
    return accepted


def _quotes(run: Run, analyst: object) -> int:
    approved = 0
    known = {code.key for code in codebook_from_dict(run.codebook or {}).walk()}
    for label, entry in sorted(selectors.summary_of(run).get("quotes", {}).items()):
        if label not in known:
            continue
        for candidate in entry.get("quotes", [])[:QUOTES_PER_CODE]:
            services.decide_quote(
                actor=analyst,
                run=run,
                record_key=candidate["id"],
                label=label,
                language=candidate.get("language", ""),
                suggested=candidate["text"],
                approve=True,
                text=candidate["text"],
            )
            approved += 1
    return approved
