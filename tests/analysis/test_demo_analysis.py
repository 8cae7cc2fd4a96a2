"""The demo comes with a finished analysis: reviewed codes by two analysts and their agreement,
approved themes and quotes."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from heard.analysis import selectors
from heard.analysis.demo import ANALYSTS, DOUBLE, REVIEWED, populate
from heard.analysis.models import Codebook, Quote, Review, Run, ThemeDecision


def test_the_demo_analysis_is_reviewed_by_two_analysts(demo):
    full_demo = demo  # the registry and the answers; the sessions add ten seconds and nothing here
    report = populate(full_demo)
    run = Run.objects.get(consultation=full_demo)
    assert run.state == Run.State.DONE and report.records == run.records_raw
    first, second = (get_user_model().objects.get(username=name) for name in ANALYSTS)
    assert Review.objects.filter(analyst=first).count() == report.reviewed >= min(REVIEWED, 100)
    assert Review.objects.filter(analyst=second).count() == DOUBLE
    names = [code.key for code in selectors.engine_codebook(run.codebook).walk()]
    units, table, disagreements = selectors.agreement_between(run, first.pk, second.pk, names)
    assert units == DOUBLE
    measured = [row.result.kappa for row in table if row.result.kappa is not None]
    assert measured and all(-1 <= kappa <= 1 for kappa in measured)
    assert disagreements, "fictional analysts disagree now and then, as real ones do"
    candidates = len(selectors.summary_of(run)["themes"]["themes"])
    assert ThemeDecision.objects.filter(verdict="accepted").count() == report.themes
    assert report.themes == min(2, candidates) >= 1
    assert ThemeDecision.objects.count() == candidates  # the others were rejected
    stored = Codebook.objects.get(consultation=full_demo)
    assert {
        "theme-" + d.theme.lower() for d in ThemeDecision.objects.filter(verdict="accepted")
    } <= {code["key"] for code in stored.data["codes"]}
    assert Quote.objects.filter(state="approved").count() == report.quotes > 0
    # Once is enough: a second call changes nothing.
    assert populate(full_demo).run == 0
    assert Run.objects.filter(consultation=full_demo).count() == 1
