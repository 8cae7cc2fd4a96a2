"""A report is built from the data in both languages, published only when both are complete,
and corrected without losing what was published before."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from heard.analysis import services as analysis_services
from heard.analysis.models import RunRecord
from heard.consultations.models import PublishedDocument
from heard.core.models import AuditEvent
from heard.questionnaires.models import Response, ResponseState
from heard.reports import services
from heard.reports.models import Report, Section
from tests.reports.conftest import written

ENGLISH = "We received [[responses]] submissions; [[code:prevention]] reviewed records speak of prevention."
FRENCH = "Nous avons reçu [[responses]] réponses; [[code:prevention]] enregistrements revus parlent de prévention."


def _report(done_run, analyst, *, complete=True):
    report = written(done_run, analyst, english=ENGLISH, french=FRENCH)
    if not complete:  # the French of one section not written yet
        Section.objects.filter(report=report, position=3).update(body_fr="")
    return report


def _submitted(consultation):
    return Response.objects.filter(
        respondent__questionnaire__consultation=consultation, state=ResponseState.SUBMITTED
    )


def test_figures_are_resolved_from_the_data_in_both_languages(done_run, analyst):
    records = list(RunRecord.objects.filter(run=done_run).order_by("position")[:7])
    for record in records:
        analysis_services.save_review(
            actor=analyst,
            record=record,
            verdicts={},
            added=["prevention"],
            known_codes={"prevention"},
        )
    report = _report(done_run, analyst)
    version = services.build_version(actor=analyst, report=report)
    responses = _submitted(done_run.consultation).count()
    assert f"We received {responses} submissions; 7 reviewed records" in version.html_en
    assert f"Nous avons reçu {responses} réponses; 7 enregistrements revus" in version.html_fr
    assert version.figures["code:prevention"]["value"] == 7
    assert version.manifest_sha256 and version.manifest_sha256 in version.html_en
    assert "Method annex" in version.html_en and "Annexe méthodologique" in version.html_fr
    assert 'lang="fr"' in version.html_fr
    # A figure that changes in the data changes in both languages at the next build.
    _submitted(done_run.consultation).first().delete()
    again = services.build_version(actor=analyst, report=report)
    assert again.number == 2
    assert f"We received {responses - 1} submissions" in again.html_en
    assert f"Nous avons reçu {responses - 1} réponses" in again.html_fr
    assert AuditEvent.objects.filter(action="reports.built").count() == 2


def test_small_counts_are_suppressed(done_run, analyst):
    record = RunRecord.objects.filter(run=done_run).first()
    analysis_services.save_review(
        actor=analyst, record=record, verdicts={}, added=["prevention"], known_codes={"prevention"}
    )
    version = services.build_version(actor=analyst, report=_report(done_run, analyst))
    assert "fewer than 5 reviewed records" in version.html_en
    assert "moins de 5 enregistrements revus" in version.html_fr


def test_the_languages_must_cite_the_same_figures_and_only_known_ones(done_run, analyst):
    report = _report(done_run, analyst)
    section = report.sections.get(position=2)
    section.body_fr = "Nous avons reçu [[responses]] réponses."
    section.save()
    other = report.sections.get(position=4)
    other.body_en = other.body_fr = "[[code:no-such-code]] and [[wishes]]"
    other.save()
    with pytest.raises(services.ReportProblems) as refused:
        services.build_version(actor=analyst, report=report)
    problems = " ".join(refused.value.problems)
    assert "“Background and method”: the two languages cite different figures" in problems
    assert "[[code:prevention]]" in problems
    assert "[[code:no-such-code]]: no such code in the run's codebook" in problems
    assert "[[wishes]]: Heard knows no such figure" in problems
    assert not report.versions.exists()


def test_publication_waits_for_both_languages_and_corrections_keep_the_old(
    done_run, analyst, client
):
    report = _report(done_run, analyst, complete=False)
    version = services.build_version(actor=analyst, report=report)
    with pytest.raises(services.ReportProblems) as refused:
        services.publish(actor=analyst, version=version)
    assert "the French text is missing" in " ".join(refused.value.problems)
    assert not PublishedDocument.objects.exists()
    section = Section.objects.get(report=report, position=3)
    services.save_section(
        actor=analyst,
        section=section,
        heading_en=section.heading_en,
        heading_fr=section.heading_fr,
        body_en=ENGLISH,
        body_fr=FRENCH,
    )
    built = services.build_version(actor=analyst, report=report)
    with pytest.raises(services.ReportProblems) as unapproved:
        services.publish(actor=analyst, version=built)
    assert "approves the report before it is published" in " ".join(unapproved.value.problems)
    services.set_state(actor=analyst, report=report, state="review")
    services.set_state(actor=analyst, report=report, state="approved")
    first = services.publish(actor=analyst, version=built)
    consultation = done_run.consultation
    for language, title in (("en", report.title_en), ("fr", report.title_fr)):
        with translation.override(language):
            page = client.get(
                reverse(
                    "consultations:detail",
                    kwargs={"slug": getattr(consultation, f"slug_{language}")},
                )
            ).content.decode()
            url = reverse(
                "reports:public",
                kwargs={"slug": getattr(consultation, f"slug_{language}"), "key": "full"},
            )
        assert url in page and title in page
        text = client.get(url).content.decode()
        assert ("We received" if language == "en" else "Nous avons reçu") in text
    # A correction: a change sends the report back to review; a new version, approved, is
    # published with what was corrected in both languages.
    services.save_section(
        actor=analyst,
        section=section,
        heading_en=section.heading_en,
        heading_fr=section.heading_fr,
        body_en=ENGLISH + " Corrected.",
        body_fr=FRENCH + " Corrigé.",
    )
    assert Report.objects.get(pk=report.pk).state == "review"
    second = services.build_version(actor=analyst, report=report)
    with pytest.raises(services.ReportProblems):
        services.publish(actor=analyst, version=second)  # not approved again
    services.set_state(actor=analyst, report=report, state="approved")
    with pytest.raises(services.ReportProblems):
        services.publish(actor=analyst, version=second)  # no correction note
    services.publish(
        actor=analyst,
        version=second,
        correction_en="A count of submissions was fixed.",
        correction_fr="Un nombre de réponses a été corrigé.",
    )
    document = PublishedDocument.objects.get(consultation=consultation, key="full")
    assert document.version == second.number == 3 and document.corrected_at is not None
    with translation.override("en"):
        slug = consultation.slug_en
        current = client.get(reverse("reports:public", kwargs={"slug": slug, "key": "full"}))
        old = client.get(
            reverse(
                "reports:public_version",
                kwargs={"slug": slug, "key": "full", "number": first.number},
            )
        )
    assert "Corrected on" in current.content.decode()
    assert "A count of submissions was fixed." in current.content.decode()
    assert old.status_code == 200 and "earlier version of the report" in old.content.decode()
    assert AuditEvent.objects.filter(action="reports.corrected").exists()


def test_a_quoted_passage_must_be_an_approved_quote(done_run, analyst):
    from django.utils import timezone

    from heard.analysis.models import Quote
    from heard.reports import build

    approved = "Shelters   in the north\nare full every winter."
    for key, state, text in (("A", "approved", approved), ("B", "rejected", "Rejected words.")):
        Quote.objects.create(
            consultation=done_run.consultation,
            record_key=key,
            label="protection",
            suggested=text,
            text=text,
            state=state,
            decided_by=analyst,
            decided_at=timezone.now(),
        )
    report = _report(done_run, analyst)
    section = report.sections.get(position=3)
    section.body_en = (
        "Two voices.\n\n> Shelters in the north are full\n> every winter.\n> — a participant"
    )
    section.body_fr = "Deux voix.\n\n> Rejected words.\n\nEt plus.\n\n> Words nobody approved."
    section.save()
    found = build.check(report)
    about_quotes = [p for p in found.incomplete if "not an approved quote" in p]
    # The English quote, with its line breaks and attribution, is approved; the rejected and the
    # invented French passages are not, and each is named.
    assert len(about_quotes) == 2
    assert "“Rejected words.”" in about_quotes[0] and "“Words nobody approved.”" in about_quotes[1]
    assert not found.blocking  # a version can still be built to read; publishing waits
    version = services.build_version(actor=analyst, report=report)
    services.set_state(actor=analyst, report=report, state="review")
    services.set_state(actor=analyst, report=report, state="approved")
    with pytest.raises(services.ReportProblems) as refused:
        services.publish(actor=analyst, version=version)
    assert "not an approved quote" in " ".join(refused.value.problems)
    assert build.quoted_passages("> a\n>  b\n\ntext\n> c") == ["a b", "c"]
