"""The detailed questionnaire report counts every closed question from the submitted answers,
with shares, intervals and a chart, small counts suppressed, in both languages."""

from __future__ import annotations

import re
from collections import Counter

from heard.questionnaires.models import Response, ResponseState
from heard.reports import services
from heard.reports.questionnaire import CHANNEL, closed_questions
from tests.reports.conftest import written


def _built(done_run, analyst, threshold=5):
    report = written(
        done_run,
        analyst,
        "questionnaire",
        english="[[responses]] responses.",
        french="[[responses]] réponses.",
        threshold=threshold,
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
    channel, results = results[0], results[1:]
    assert channel.name == CHANNEL and channel.answered == len(answers)
    by_channel = Counter(
        Response.objects.filter(
            respondent__questionnaire__consultation=consultation, state=ResponseState.SUBMITTED
        ).values_list("channel", flat=True)
    )
    assert {row.label: row.count for row in channel.rows} == {
        "Online": by_channel["online"],
        "By email": by_channel["email"],
        "On paper": by_channel["paper"],
    }
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


def test_a_lone_hidden_count_cannot_be_found_by_subtraction():
    from heard.reports.questionnaire import _hidden

    # 20 answered: 12 + 6 + 2; the 2 alone hidden would be 20 - 12 - 6.
    assert _hidden([12, 6, 2, 0], 20, "select_one", 5) == {2, 1}
    assert _hidden([12, 4, 2, 0], 18, "select_one", 5) == {1, 2}  # two hidden already
    # Several answers per respondent: the counts do not add up to the total.
    assert _hidden([12, 6, 2], 15, "select_multiple", 5) == {2}
    # A hidden total hides every share; nothing to subtract from.
    assert _hidden([3, 1], 4, "select_one", 5) == {0, 1}


def test_no_single_choice_question_shows_all_but_one_count(done_run):
    for threshold in (3, 5, 8):
        for result in closed_questions(done_run.consultation, "en", threshold):
            if result.kind != "select_one" or result.answered_suppressed:
                continue
            hidden = [row for row in result.rows if row.suppressed]
            assert len(hidden) != 1, (result.name, threshold)


def test_sessions_are_counted_as_they_are_people_are_not(done_run, analyst):
    from datetime import timedelta

    from django.utils import timezone

    from heard.consultations.models import ScheduleItem
    from heard.events.models import Session
    from heard.reports import figures

    now = timezone.now()
    for item in ScheduleItem.objects.filter(consultation=done_run.consultation)[:3]:
        Session.objects.create(schedule_item=item, starts_at=now, ends_at=now + timedelta(hours=2))
    report = services.create_report(
        actor=analyst, consultation=done_run.consultation, kind="full", run=done_run
    )
    resolved = figures.resolve(report, ["sessions", "responses", "quotes"])
    assert resolved["sessions"].value == Session.objects.count() == 3
    assert not resolved["sessions"].suppressed  # 3 sessions single nobody out
    report.threshold = 10_000
    report.save()
    resolved = figures.resolve(report, ["sessions", "responses"])
    assert not resolved["sessions"].suppressed and resolved["responses"].suppressed


def test_the_charts_are_drawn_with_plain_numbers_in_french_too(done_run, analyst):
    # French formats 334.3 as "334,3", which SVG cannot read: no bar would be drawn.
    version = _built(done_run, analyst)
    for html in (version.html_en, version.html_fr):
        shapes = re.findall(r"<(?:rect|line)\b[^>]*>", html)
        assert shapes
        for shape in shapes:
            for name, value in re.findall(r'\b(x|x1|x2|width|y)="([^"]*)"', shape):
                assert re.fullmatch(r"\d+(\.\d+)?", value), (name, value, shape)


def test_participants_are_people_not_check_ins(done_run, analyst):
    from datetime import timedelta

    from django.utils import timezone

    from heard.consultations.models import ScheduleItem
    from heard.events.models import Attendance, Invitation, Session
    from heard.reports import figures
    from heard.stakeholders.models import Person

    now = timezone.now()
    people = list(Person.objects.order_by("pk")[:6])
    for number, item in enumerate(
        ScheduleItem.objects.filter(consultation=done_run.consultation)[:2]
    ):
        session = Session.objects.create(
            schedule_item=item, starts_at=now, ends_at=now + timedelta(hours=2)
        )
        for person in people:  # the same six people at both sessions
            invitation = Invitation.objects.create(
                session=session,
                person=person,
                token_hash=f"{number}-{person.pk}".ljust(64, "0"),
                link_expires_at=now + timedelta(days=9),
            )
            Attendance.objects.create(invitation=invitation, checked_in_by="door")
    assert Attendance.objects.count() == 12
    report = services.create_report(
        actor=analyst, consultation=done_run.consultation, kind="full", run=done_run
    )
    assert figures.resolve(report, ["participants"])["participants"].value == 6
