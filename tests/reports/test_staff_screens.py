"""The report screens: start a report, write a section beside its evidence, build, review,
approve and publish, each by the roles allowed to."""

from __future__ import annotations

from django.urls import reverse

from heard.analysis import services as analysis_services
from heard.analysis.models import RunRecord
from heard.consultations.models import PublishedDocument, Role
from heard.reports.models import Report
from tests.analysis.conftest import member


def _url(name, consultation, **kwargs):
    return reverse(f"reports_staff:{name}", kwargs={"pk": consultation.pk, **kwargs})


def _written(client, consultation):
    report = Report.objects.get(consultation=consultation, kind="full")
    for section in report.sections.all():
        response = client.post(
            _url("section", consultation, kind="full", position=section.position),
            {
                "heading_en": section.heading_en,
                "heading_fr": section.heading_fr,
                "body_en": "We received [[responses]] submissions.",
                "body_fr": "Nous avons reçu [[responses]] réponses.",
            },
        )
        assert response.status_code == 302
    return report


def test_from_no_report_to_published_through_the_screens(done_run, analyst, client):
    consultation = done_run.consultation
    lead = member(consultation, "lead", Role.LEAD)
    record = RunRecord.objects.filter(run=done_run).first()
    analysis_services.save_review(
        actor=analyst, record=record, verdicts={}, added=["prevention"], known_codes={"prevention"}
    )
    client.force_login(analyst)
    home = client.get(_url("home", consultation))
    assert "No report has been started yet." in home.content.decode()
    created = client.post(_url("home", consultation), {"kind": "full", "run": "1"})
    assert created.status_code == 302
    report = Report.objects.get(consultation=consultation, kind="full")
    assert report.run == done_run and report.sections.count() == 5
    editor = client.get(_url("section", consultation, kind="full", position=1)).content.decode()
    assert "[[code:prevention]]" in editor and "[[responses]]" in editor  # the evidence panel
    _written(client, consultation)
    act = _url("act", consultation, kind="full")
    client.post(act, {"action": "build"})
    assert report.versions.count() == 1
    client.post(act, {"action": "review"})
    assert Report.objects.get(pk=report.pk).state == "review"
    assert client.post(act, {"action": "approve"}).status_code == 403  # leads approve
    preview = client.get(
        _url("preview", consultation, kind="full", number=1, language="fr")
    ).content.decode()
    assert "Nous avons reçu" in preview
    client.force_login(lead)
    client.post(act, {"action": "approve"})
    client.post(act, {"action": "publish"})
    assert PublishedDocument.objects.get(consultation=consultation, key="full").version == 1
    page = client.get(_url("report", consultation, kind="full")).content.decode()
    assert "published" in page


def test_problems_are_listed_and_nothing_is_built(done_run, analyst, client):
    consultation = done_run.consultation
    client.force_login(analyst)
    client.post(_url("home", consultation), {"kind": "full", "run": "1"})
    client.post(
        _url("section", consultation, kind="full", position=2),
        {
            "heading_en": "Background",
            "heading_fr": "Contexte",
            "body_en": "[[responses]] and [[sessions]]",
            "body_fr": "[[responses]]",
        },
    )
    response = client.post(_url("act", consultation, kind="full"), {"action": "build"}, follow=True)
    text = response.content.decode()
    assert "the two languages cite different figures" in text
    assert "the French text is missing" in text  # the other sections, for publication
    assert not Report.objects.get(consultation=consultation).versions.exists()


def test_viewers_read_reports_but_do_not_write_them_and_french_pages(done_run, analyst, client):
    consultation = done_run.consultation
    client.force_login(analyst)
    client.post(_url("home", consultation), {"kind": "questionnaire", "run": "1"})
    french = client.get(
        _url("section", consultation, kind="questionnaire", position=1).replace("/en/", "/fr/")
    ).content.decode()
    assert "Éléments probants" in french
    viewer = member(consultation, "viewer", Role.VIEWER)
    client.force_login(viewer)
    report_url = _url("report", consultation, kind="questionnaire").replace("/fr/", "/en/")
    page = client.get(report_url)
    assert page.status_code == 200 and "Build a version" not in page.content.decode()
    section_url = _url("section", consultation, kind="questionnaire", position=1)
    assert client.get(section_url.replace("/fr/", "/en/")).status_code == 403
    act = _url("act", consultation, kind="questionnaire").replace("/fr/", "/en/")
    assert client.post(act, {"action": "build"}).status_code == 403
