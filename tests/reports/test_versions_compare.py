"""What changed between two versions: the figures whose value changed and the text block by
block, with the changed words marked, in each language, on the staff screen."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.translation import override

from heard.questionnaires.models import Response, ResponseState
from heard.reports import diffing, services
from heard.reports.models import Section
from tests.reports.conftest import written


def test_blocks_are_what_a_reader_sees_in_order():
    html = (
        "<nav><ol><li>Contents</li></ol></nav><h2>Title</h2><p>One  <strong>two</strong></p>"
        "<ul><li>a</li><li>b</li></ul><table><tr><th>Choice</th><td>4</td></tr></table>"
        "<svg><text>chart label</text></svg><dl><dt>Engine</dt><dd>x 1</dd></dl>"
    )
    assert diffing.blocks(html) == ["Title", "One two", "a", "b", "Choice | 4", "Engine", "x 1"]


def test_changed_words_are_marked_on_each_side():
    change = diffing.Change("changed", "We received 41 answers.", "We received 42 answers.")
    before, after = change.words()
    assert before == [(False, "We received"), (True, "41"), (False, "answers.")]
    assert after == [(False, "We received"), (True, "42"), (False, "answers.")]


def _versions(done_run, analyst):
    report = written(done_run, analyst)
    first = services.build_version(actor=analyst, report=report)
    Response.objects.filter(
        respondent__questionnaire__consultation=done_run.consultation,
        state=ResponseState.SUBMITTED,
    ).first().delete()
    section = Section.objects.get(report=report, position=5)
    services.save_section(
        actor=analyst,
        section=section,
        heading_en=section.heading_en,
        heading_fr=section.heading_fr,
        body_en="We received [[responses]] answers.\n\nA new paragraph.",
        body_fr="Nous avons reçu [[responses]] réponses.\n\nUn nouveau paragraphe.",
    )
    return first, services.build_version(actor=analyst, report=report)


def test_a_data_change_and_an_edit_show_up_in_both_languages(done_run, analyst):
    first, second = _versions(done_run, analyst)
    before = int(first.figures["responses"]["value"])
    for language, added in (("en", "A new paragraph."), ("fr", "Un nouveau paragraphe.")):
        comparison = diffing.compare(first, second, language)
        assert [(f.reference, f.before, f.after) for f in comparison.figures] == [
            ("responses", str(before), str(before - 1))
        ]
        kinds = [change.kind for change in comparison.changes]
        assert kinds.count("added") == 1 and kinds.count("changed") == 6  # 6 sections cite it
        assert any(change.after == added for change in comparison.changes)
        assert comparison.unchanged > 0


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_staff_screen_shows_the_comparison(done_run, analyst, client, language):
    first, _second = _versions(done_run, analyst)
    client.force_login(analyst)
    consultation = done_run.consultation
    kwargs = {"pk": consultation.pk, "kind": "full", "number": 1, "other": 2}
    with override(language):
        page = client.get(reverse("reports_staff:compare", kwargs={**kwargs, "language": language}))
        screen = client.get(
            reverse("reports_staff:report", kwargs={"pk": consultation.pk, "kind": "full"})
        ).content.decode()
    assert page.status_code == 200
    text = page.content.decode()
    before = int(first.figures["responses"]["value"])
    assert f"<del>{before}</del>" in text and f"<ins>{before - 1}</ins>" in text
    link = reverse("reports_staff:compare", kwargs={**kwargs, "language": language})
    assert f'href="/{language}/' in screen and link.split("/", 2)[2] in screen
    same = dict(kwargs, other=1, language=language)
    assert client.get(reverse("reports_staff:compare", kwargs=same)).status_code == 404
