"""Double coding: a sample given to two analysts, their agreement per code, what to resolve."""

from __future__ import annotations

from django.urls import reverse

from heard.analysis import services
from heard.analysis.models import Assignment, RunRecord
from heard.consultations.models import Role
from heard.core.models import AuditEvent
from tests.analysis.conftest import member


def _url(name, run):
    return reverse(f"analysis:{name}", kwargs={"pk": run.consultation.pk, "number": run.number})


def test_a_sample_goes_to_two_analysts_and_their_agreement_is_measured(done_run, analyst, client):
    other = member(done_run.consultation, "bea", Role.ANALYST)
    response = client.post(
        _url("agreement", done_run), {"first": analyst.pk, "second": other.pk, "size": 10}
    )
    assert response.status_code == 302
    keys = sorted(Assignment.objects.filter(analyst=analyst).values_list("record_key", flat=True))
    assert len(keys) == 10
    assert keys == sorted(
        Assignment.objects.filter(analyst=other).values_list("record_key", flat=True)
    )
    assert not RunRecord.objects.filter(run=done_run, key__in=keys).exclude(campaign="").exists()
    assert AuditEvent.objects.filter(action="analysis.double_coding_assigned").exists()

    # Each finds the sample under "records given to me".
    mine = client.get(_url("records", done_run) + "?mine=1").content.decode()
    assert all(key in mine for key in keys)

    records = {r.key: r for r in RunRecord.objects.filter(run=done_run, key__in=keys)}
    # They agree on "gap" for the first six records and on "prevention" for none of them; they
    # differ on "gap" for the last four: the first analyst gives it, the second does not.
    for index, key in enumerate(keys):
        services.save_review(
            actor=analyst, record=records[key], verdicts={}, added=["gap"], known_codes={"gap"}
        )
        services.save_review(
            actor=other,
            record=records[key],
            verdicts={},
            added=["gap"] if index < 6 else [],
            known_codes={"gap"},
        )
    page = client.get(_url("agreement", done_run) + f"?first={analyst.pk}&second={other.pk}")
    text = page.content.decode()
    assert "both reviewed 10 records" in text
    # gap: 6 both, 0 neither, 4 only the first: kappa 0 (the second's rate explains it all)
    row = text[text.index("Gap") :][:400]
    assert "<td>6</td><td>0</td><td>4</td><td>0</td>" in row
    for key in keys[6:]:
        assert key in text[text.index("Disagreements to resolve") :]
    for key in keys[:6]:
        assert key not in text[text.index("Disagreements to resolve") :]

    # Resolving: the second analyst changes their mind; the disagreements are gone.
    for key in keys[6:]:
        services.save_review(
            actor=other, record=records[key], verdicts={}, added=["gap"], known_codes={"gap"}
        )
    again = client.get(_url("agreement", done_run) + f"?first={analyst.pk}&second={other.pk}")
    resolved = again.content.decode()
    assert "<td>10</td><td>0</td><td>0</td><td>0</td>" in resolved
    assert all(key not in resolved[resolved.index("Disagreements to resolve") :] for key in keys)


def test_the_same_person_twice_is_refused(done_run, analyst, client):
    response = client.post(
        _url("agreement", done_run), {"first": analyst.pk, "second": analyst.pk, "size": 10}
    )
    assert "Choose two different people." in response.content.decode()
    assert not Assignment.objects.exists()


def test_the_agreement_page_speaks_french(done_run, client):
    page = client.get(_url("agreement", done_run).replace("/en/", "/fr/")).content.decode()
    assert "Accord entre analystes" in page


def test_double_coding_is_blind_until_reviewed(done_run, analyst, client):
    other = member(done_run.consultation, "bea", Role.ANALYST)
    keys = services.assign_double_coding(
        actor=analyst, run=done_run, first=analyst, second=other, size=5
    )
    record = RunRecord.objects.get(run=done_run, key=keys[0])
    services.save_review(
        actor=other, record=record, verdicts={}, added=["empowerment"], known_codes={"empowerment"}
    )
    url = reverse(
        "analysis:record",
        kwargs={
            "pk": done_run.consultation.pk,
            "number": done_run.number,
            "position": record.position,
        },
    )
    page = client.get(url).content.decode()
    assert "bea:" not in page and "hidden until you have reviewed" in page
    client.post(url, {"review": "1", "save": ""})
    assert "bea: added" in client.get(url).content.decode()
