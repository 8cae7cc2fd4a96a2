"""The findings explorer: prevalence by segment with intervals, a chart with its table, and every
count opening the records behind it."""

from __future__ import annotations

import re

from django.urls import reverse

from heard.analysis import selectors
from heard.analysis.models import RunRecord, Suggestion
from heard.consultations.models import Role
from tests.analysis.conftest import member


def _url(run, **query):
    url = reverse("analysis:findings", kwargs={"pk": run.consultation.pk, "number": run.number})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_explorer_shows_shares_intervals_and_a_chart(done_run, client):
    page = client.get(_url(done_run, segment="region", basis="raw", label="prevention"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "<svg" in text and 'role="img"' in text and "<title" in text
    assert "Prevention" in text
    prevalence = selectors.summary_of(done_run)["prevalence"]
    overall = prevalence["overall"]["raw"]["labels"]["prevention"]
    assert f"{overall['count']} / {prevalence['overall']['raw']['n']}" in text
    assert "Ontario" in text  # segment values are named, not coded
    # A count opens the records behind it: as many as the count says.
    link = re.search(
        r'href="([^"]+code=prevention&amp;segment=region%3A([a-zA-Z]{2}))">(\d+) records?</a>', text
    )
    assert link, "a per-region count links to its records"
    url, region, count = link.group(1).replace("&amp;", "&"), link.group(2), int(link.group(3))
    behind = client.get(url).content.decode()
    assert f"{count} record" in behind
    expected = (
        RunRecord.objects.filter(run=done_run, segments__region=region)
        .filter(suggestions__code="prevention", suggestions__part="whole")
        .distinct()
        .count()
    )
    assert expected == count


def test_the_explorer_compares_languages_and_opens_each_ones_records(done_run, client):
    text = client.get(_url(done_run, segment="language", basis="raw")).content.decode()
    assert "French" in text and "English" in text  # values named, not coded
    links = re.findall(
        r'href="([^"]+code=prevention&amp;segment=language%3A(en|fr))">(\d+) records?</a>', text
    )
    assert {language for _url_, language, _n in links} == {"en", "fr"}
    for url, language, count in links:
        behind = client.get(url.replace("&amp;", "&")).content.decode()
        assert f"{count} record" in behind
        expected = (
            RunRecord.objects.filter(run=done_run, language=language)
            .filter(suggestions__code="prevention", suggestions__part="whole")
            .distinct()
            .count()
        )
        assert int(count) == expected


def test_the_explorer_speaks_french(done_run, client):
    text = client.get(_url(done_run).replace("/en/", "/fr/")).content.decode()
    assert "Constats de l'exécution" in text or "Constats de l&#x27;exécution" in text
    assert "Prévention" in text


def test_viewers_see_the_counts_but_no_way_to_the_texts(done_run, client):
    viewer = member(done_run.consultation, "vee", Role.VIEWER)
    client.force_login(viewer)
    text = client.get(_url(done_run)).content.decode()
    assert "<svg" in text
    assert "/records/?" not in text


def test_a_theme_filter_finds_its_records(done_run, client):
    theme = selectors.summary_of(done_run)["themes"]["themes"][0]
    url = reverse("analysis:records", kwargs={"pk": done_run.consultation.pk, "number": 1})
    text = client.get(url + f"?code={theme['id']}").content.decode()
    assert f"{theme['size']} record" in text
    assert Suggestion.objects.filter(run=done_run).exists()
