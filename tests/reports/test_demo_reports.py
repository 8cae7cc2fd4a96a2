"""The demo's two reports: published in both languages with their files, the full report
emailed once; a demo interrupted at any step completes on the next run."""

from __future__ import annotations

import pytest

from heard.consultations.models import PublishedDocument
from heard.core.models import AuditEvent
from heard.reports.demo import populate
from heard.reports.models import Report, VersionFile


@pytest.mark.slow
def test_the_demo_publishes_both_reports_and_resumes_where_it_stopped(done_run):
    consultation = done_run.consultation
    first = populate(consultation)
    assert len(first.published) == 2 and first.files == 10
    assert set(PublishedDocument.objects.values_list("key", flat=True)) == {"full", "questionnaire"}
    full = Report.objects.get(kind="full")
    assert full.told_at is not None and full.told_count == first.told
    summary = PublishedDocument.objects.get(key="full").summary_en
    assert "fictional data" in summary and "[[" not in summary

    # As if the last run had been killed after publishing the full report, before its files
    # and before the questionnaire report.
    Report.objects.get(kind="questionnaire").delete()
    VersionFile.objects.filter(version__report=full).delete()
    again = populate(consultation)
    assert len(again.published) == 1 and again.files == 10
    assert Report.objects.get(kind="questionnaire").state == "published"
    # The email went once: not queued again, not even recorded again.
    assert AuditEvent.objects.filter(action="reports.participants_told").count() == 1

    third = populate(consultation)
    assert (third.published, third.files, third.told) == ([], 0, 0)
    assert VersionFile.objects.count() == 10
