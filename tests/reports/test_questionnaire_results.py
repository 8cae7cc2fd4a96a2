"""The detailed questionnaire report counts every closed question from the submitted answers,
with shares, intervals and a chart, small counts suppressed, in both languages."""

from __future__ import annotations

import re
from collections import Counter

from heard.questionnaires.models import Response, ResponseState
from heard.reports import services
from heard.reports.questionnaire import closed_questions


def _built(done_run, analyst, threshold=5):
    report = services.create_report(
        actor=analyst, consultation=done_run.consultation, kind="questionnaire", run=done_run
    )
    report.threshold = threshold
    report.save()
    for section in report.sections.all():
        services.save_section(
            actor=analyst,
            section=section,
            heading_en=section.heading_en,
            heading_fr=section.heading_fr,
            body_en="[[responses]] responses.",
            body_fr="[[responses]] réponses.",
        )
    return services.build_version(actor=analyst, report=report)


def test_each_closed_question_is_counted_from_the_submitted_answers(done_run, analyst):
    consultation = done_run.consultation
    results = closed_questions(consultation, "en", threshold=1)
    assert results, "the demo questionnaire has closed questions"
    answers = [
        response.answers
        for response in Response.objects.filter(
            respondent__questionnaire__consultation=consultation, state=ResponseState.SUBMITTED
        )
    ]
    for result in results:
        picked = Counter()
        answered = 0
        for given in answers:
            value = given.get(result.name)
            if value in (None, "", []):
                continue
            answered += 1
            for choice in value if isinstance(value, list) else [value]:
                picked[str(choice)] += 1
        assert result.answered == answered
        assert sum(row.count for row in result.rows) == sum(picked.values())
        for row in result.rows:
            if row.share is not None:
                assert row.low <= row.share <= row.high


def test_the_questionnaire_report_shows_them_in_both_languages_small_counts_hidden(
    done_run, analyst
):
    version = _built(done_run, analyst, threshold=5)
    assert "Results, question by question" in version.html_en
    assert "Résultats, question par question" in version.html_fr
    assert version.html_en.count("<svg") == len(closed_questions(done_run.consultation, "en", 5))
    first = closed_questions(done_run.consultation, "en", threshold=5)[0]
    assert first.label in version.html_en
    # Shares are written each language's way.
    assert re.search(r"\d+%", version.html_en) and re.search(r"\d+\u202f%", version.html_fr)


def test_counts_under_the_threshold_are_never_shown(done_run, analyst):
    version = _built(done_run, analyst, threshold=10_000)
    tables = version.html_en.split('id="closed-questions"')[1].split('id="method-annex"')[0]
    assert "fewer than 10000" in tables
    # No share of a hidden count either, not even a 0% of a hidden total.
    assert not re.search(r"<td>\d+%</td>", tables)
    assert "moins de 10000" in version.html_fr
