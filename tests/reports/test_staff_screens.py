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
    assert report.run == done_run and report.sections.count() == 6
    # The last, "We asked, you said, we did", is shown on the consultation page as well.
    assert [s.on_page for s in report.sections.all()] == [False] * 5 + [True]
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
    assert "Email the report to participants" in page  # closing the loop, for a lead


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


def test_each_figure_of_a_version_opens_what_it_counted(done_run, analyst, client):
    consultation = done_run.consultation
    record = RunRecord.objects.filter(run=done_run).first()
    analysis_services.save_review(
        actor=analyst, record=record, verdicts={}, added=["prevention"], known_codes={"prevention"}
    )
    client.force_login(analyst)
    client.post(_url("home", consultation), {"kind": "full", "run": "1"})
    client.post(
        _url("section", consultation, kind="full", position=1),
        {
            "heading_en": "Summary",
            "heading_fr": "Sommaire",
            "body_en": "[[code:prevention]] and [[responses]]",
            "body_fr": "[[code:prevention]] et [[responses]]",
        },
    )
    client.post(_url("act", consultation, kind="full"), {"action": "build"})
    page = client.get(_url("preview", consultation, kind="full", number=1, language="en"))
    rows = {row.reference: row for row in page.context["figures"]}
    assert rows["code:prevention"].value == "fewer than 5"
    behind = client.get(rows["code:prevention"].url)
    assert behind.status_code == 200 and "1 record" in behind.content.decode()
    assert client.get(rows["responses"].url).status_code == 200
    assert rows["code:prevention"].url.replace("&", "&amp;") in page.content.decode()


def test_an_empty_section_is_drafted_from_the_evidence_only(done_run, analyst, client):
    from heard.analysis import selectors as analysis_selectors

    consultation = done_run.consultation
    label, candidate = next(
        (label, entry["quotes"][0])
        for label, entry in sorted(analysis_selectors.summary_of(done_run)["quotes"].items())
        if entry["quotes"] and not label.startswith("T")
    )
    analysis_services.decide_quote(
        actor=analyst,
        run=done_run,
        record_key=candidate["id"],
        label=label,
        language=candidate.get("language", ""),
        suggested=candidate["text"],
        approve=True,
        text=candidate["text"],
    )
    client.force_login(analyst)
    client.post(_url("home", consultation), {"kind": "full", "run": "1"})
    section_url = _url("section", consultation, kind="full", position=3)
    client.post(section_url, {"draft": "codes"})
    section = Report.objects.get(consultation=consultation).sections.get(position=3)
    assert "[[code:prevention]]" in section.body_en and "[[code:prevention]]" in section.body_fr
    assert "### Prevention" in section.body_en and "### Prévention" in section.body_fr
    quoted = " ".join(candidate["text"].split())
    assert quoted in section.body_en and quoted in section.body_fr
    # A second draft never replaces people's words.
    again = client.post(section_url, {"draft": "glance"}, follow=True).content.decode()
    assert "already has text" in again
    assert "[[code:prevention]]" in Report.objects.get().sections.get(position=3).body_en
    # The draft builds: the same references in both languages.
    client.post(_url("section", consultation, kind="full", position=1), {"draft": "glance"})
    client.post(_url("act", consultation, kind="full"), {"action": "build"})
    version = Report.objects.get().versions.get()
    assert quoted[:40] in version.html_en
