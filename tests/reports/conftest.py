"""The reports tests build on the analysis tests' demo consultation and finished run."""

from __future__ import annotations

from heard.reports import services
from heard.reports.models import Report
from tests.analysis.conftest import analyst, demo, done_run  # noqa: F401 - fixtures

ENGLISH = "We received [[responses]] answers."
FRENCH = "Nous avons reçu [[responses]] réponses."


def written(run, author, kind="full", *, english=ENGLISH, french=FRENCH, threshold=None) -> Report:
    """A report of `kind` citing the finished `run`, every section written by `author` with the
    same text in each language, not yet built."""
    report = services.create_report(actor=author, consultation=run.consultation, kind=kind, run=run)
    if threshold is not None:
        report.threshold = threshold
        report.save()
    for section in report.sections.all():
        services.save_section(
            actor=author,
            section=section,
            heading_en=section.heading_en,
            heading_fr=section.heading_fr,
            body_en=english,
            body_fr=french,
        )
    return Report.objects.get(pk=report.pk)
