"""Campaigns in the workbench: canonical text, members, their own words, counts both ways."""

from __future__ import annotations

from django.urls import reverse

from heard.analysis import selectors
from heard.analysis.models import RunRecord


def test_each_campaign_with_its_text_members_and_added_words(done_run, client):
    campaigns = selectors.summary_of(done_run)["campaigns"]
    assert campaigns, "the demo's answers hold copied texts"
    url = reverse("analysis:campaigns", kwargs={"pk": done_run.consultation.pk, "number": 1})
    page = client.get(url).content.decode()
    biggest = campaigns[0]
    members = RunRecord.objects.filter(run=done_run, campaign=biggest["id"])
    assert f"{biggest['id']}: {members.count()} members" in page
    assert biggest["canonical"][:40] in page
    assert f"{done_run.records_raw} records; {done_run.records_deduplicated} with each" in page
    listed = client.get(
        reverse("analysis:records", kwargs={"pk": done_run.consultation.pk, "number": 1})
        + f"?campaign={biggest['id']}"
    ).content.decode()
    assert f"{members.count()} records" in listed
    for record in members.exclude(added_text="")[:3]:
        assert record.added_text[:30] in page
    french = client.get(url.replace("/en/", "/fr/")).content.decode()
    assert "Campagnes de l" in french and "membres" in french


def test_an_unknown_campaign_filter_is_ignored(done_run, client):
    url = reverse("analysis:records", kwargs={"pk": done_run.consultation.pk, "number": 1})
    everything = client.get(url).content.decode()
    odd = client.get(url + "?campaign=<script>").content.decode()
    assert (
        f"{done_run.records_raw} records" in everything and f"{done_run.records_raw} records" in odd
    )
