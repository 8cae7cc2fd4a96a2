"""Staff screens for the registry: upload, match columns, check, import; find people; export."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from heard.stakeholders.models import Person
from tests.factories import MembershipFactory, UserFactory
from tests.stakeholders.conftest import PLANTED, write_people_csv


@pytest.fixture
def lead_client(client, registry):
    user = UserFactory(username="registrar")
    MembershipFactory(consultation=registry, user=user, role="lead")
    client.force_login(user)
    return client


@pytest.fixture
def base(registry):
    return f"/en/staff/consultations/{registry.pk}/registry/"


def test_upload_match_check_then_import(lead_client, base, tmp_path, monkeypatch):
    from heard.stakeholders import jobs

    monkeypatch.setattr(jobs, "UPLOADS", tmp_path / "uploads")
    rows = write_people_csv(tmp_path / "people.csv", 120)
    upload = SimpleUploadedFile("people.csv", (tmp_path / "people.csv").read_bytes())
    response = lead_client.post(base + "import/", {"file": upload})
    assert response.status_code == 302
    stored = list((tmp_path / "uploads").iterdir())
    assert len(stored) == 1 and rows[0]["email"].encode() not in stored[0].read_bytes()  # encrypted
    page = lead_client.get(base + "import/columns/").content.decode()
    assert '<option value="email" selected>' in page and rows[0]["name"] in page
    headers = [
        "name",
        "email",
        "title",
        "organisation",
        "sector",
        "region",
        "phone",
        "language",
        "accessibility_needs",
        "consent_source",
        "consent_date",
        "consent_basis",
        "do_not_contact",
        "tags",
    ]
    mapping = {f"map_{i}": h for i, h in enumerate(headers)}
    check = lead_client.post(
        base + "import/columns/", {**mapping, "action": "check"}
    ).content.decode()
    assert (
        f"120 rows: {120 - len(PLANTED)} new, 0 to update, 0 unchanged, {len(PLANTED)} with problems."
        in check
    )
    assert "<td>7</td><td>email</td><td>not a valid e-mail address</td>" in check
    assert Person.objects.count() == 0  # checking saves nothing
    started = lead_client.post(base + "import/columns/", {**mapping, "action": "import"})
    job_page = started["Location"]
    waiting = lead_client.get(job_page).content.decode()
    assert "Waiting for the worker to start" in waiting
    # No page that refreshes itself (WCAG 2.2.1): a polite live region for the script, and a
    # plain link to look again without JavaScript.
    assert "http-equiv" not in waiting
    assert 'role="status" aria-live="polite"' in waiting
    assert f'href="{job_page}">Check again</a>' in waiting
    assert lead_client.get(job_page + "status.json").json() == {
        "state": "queued",
        "finished": False,
        "status": "Waiting for the worker to start…",
        "done": 0,
        "total": 0,
    }
    from heard.core.jobs import run_next
    from heard.core.models import Job

    assert run_next()  # what the worker does
    job = Job.objects.get()  # progress was recorded as it went: the last stage wrote every good row
    assert (job.state, job.stage, job.done) == ("done", "writing", 120 - len(PLANTED))
    done = lead_client.get(job_page).content.decode()
    assert f"{120 - len(PLANTED)} people added" in done and "refresh" not in done
    assert "data-job-status-url" not in done and "job-status.js" not in done  # nothing polls
    assert lead_client.get(job_page + "status.json").json()["finished"] is True
    assert "<td>7</td><td>email</td><td>not a valid e-mail address</td>" in done
    assert Person.objects.count() == 120 - len(PLANTED)
    assert not list((tmp_path / "uploads").iterdir())  # the upload is gone once imported


def test_a_missing_required_column_is_explained(lead_client, base, tmp_path, monkeypatch):
    from heard.stakeholders import jobs

    monkeypatch.setattr(jobs, "UPLOADS", tmp_path / "uploads")
    upload = SimpleUploadedFile("few.csv", b"Full name,Notes\nAvery Exemplar,hello\n")
    lead_client.post(base + "import/", {"file": upload})
    page = lead_client.post(
        base + "import/columns/", {"map_0": "name", "action": "check"}
    ).content.decode()
    assert "no column is mapped to the required field “email”" in page
    wrong = lead_client.post(base + "import/", {"file": SimpleUploadedFile("x.pdf", b"%PDF")})
    assert "Only .csv and .xlsx files can be imported." in wrong.content.decode()


def test_find_people_by_name_email_and_sector_and_export(lead_client, base, registry, tmp_path):
    from heard.stakeholders.importing import import_people

    rows = write_people_csv(tmp_path / "people.csv", 60, planted=False)
    import_people(actor=None, consultation=registry, path=tmp_path / "people.csv")
    searched = lead_client.post(base, {"action": "search", "q": rows[5]["email"].upper()})
    assert rows[5]["email"].upper() not in searched["Location"]  # never in the address
    by_email = lead_client.get(searched["Location"]).content.decode()
    assert "1 person" in by_email and rows[5]["name"] in by_email
    lead_client.post(base, {"action": "search", "q": rows[5]["name"]})
    by_name = lead_client.get(base).content.decode()
    assert rows[5]["name"] in by_name
    by_sector = lead_client.get(base, {"sector": "academia", "clear": "1"}).content.decode()
    assert "6 people" in by_sector
    csv_export = lead_client.get(base + "export.csv")
    assert csv_export["Content-Disposition"].endswith('-registry.csv"')
    assert rows[0]["email"].encode() in csv_export.content
    assert lead_client.get(base + "export.pdf").status_code == 404


def test_viewers_cannot_import_or_export(client, registry, base):
    viewer = UserFactory(username="peek")
    MembershipFactory(consultation=registry, user=viewer, role="viewer")
    client.force_login(viewer)
    assert client.get(base).status_code == 200
    assert client.get(base + "export.csv").status_code == 403
    assert client.get(base + "import/").status_code == 403


def test_save_filters_as_a_list_and_invite_that_list(lead_client, base, registry, tmp_path):
    from heard.events.models import Invitation, Session
    from heard.stakeholders.importing import import_people
    from heard.stakeholders.models import SavedList

    write_people_csv(tmp_path / "people.csv", 40, planted=False)
    import_people(actor=None, consultation=registry, path=tmp_path / "people.csv")
    lead_client.post(base, {"list_name": "Academics in BC", "sector": "academia", "q": "Avery"})
    saved = SavedList.objects.get()
    assert saved.filters == {"sector": "academia"}
    page = lead_client.get(base).content.decode()
    assert "Academics in BC" in page and "?sector=academia" in page
    item = registry.schedule_items.get(key="vancouver")
    session = Session.objects.create(
        schedule_item=item, starts_at=registry.opens_at, ends_at=registry.closes_at
    )
    lead_client.post(
        f"/en/staff/consultations/{registry.pk}/sessions/{session.pk}/invite/",
        {"saved_list": saved.pk},
    )
    invited = Invitation.objects.select_related("person__sector")
    assert invited.count() == 4 and {i.person.sector.key for i in invited} == {"academia"}


def test_add_and_edit_a_person_by_hand(lead_client, base, registry):
    from heard.core.models import AuditEvent

    data = {
        "name": "Rosalie Maquette",
        "email": "rosalie@victim-services.example",
        "organisation_name": "Pine Ridge Safe Haven Shelter",
        "language": "fr",
        "region": "QC",
        "tag_names": "summit, speaker",
        "consent_basis": "consent",
    }
    assert lead_client.post(base + "people/new/", data).status_code == 302
    person = Person.objects.get()
    assert (person.name, person.organisation.name_en, person.language) == (
        "Rosalie Maquette",
        "Pine Ridge Safe Haven Shelter",
        "fr",
    )
    assert sorted(t.name for t in person.tags.all()) == ["speaker", "summit"]
    duplicate = lead_client.post(
        base + "people/new/", {**data, "email": "ROSALIE@victim-services.example"}
    )
    assert "Someone in this registry already has this address." in duplicate.content.decode()
    lead_client.post(
        base + f"people/{person.pk}/",
        {**data, "tag_names": "speaker, summit", "title": "Directrice"},
    )
    person.refresh_from_db()
    assert person.title == "Directrice"
    event = AuditEvent.objects.filter(action="person.updated").get()
    assert event.changes == {"fields": ["title"]}  # names of fields only, never their values


def test_organisations_are_listed_and_edited_in_both_languages(
    lead_client, base, registry, tmp_path
):
    from heard.stakeholders.importing import import_people
    from heard.stakeholders.models import Organisation

    write_people_csv(tmp_path / "people.csv", 30, planted=False)
    import_people(actor=None, consultation=registry, path=tmp_path / "people.csv")
    organisation = Organisation.objects.order_by("name_en").first()
    listing = lead_client.get(base + "organisations/").content.decode()
    assert organisation.name_en in listing
    response = lead_client.post(
        base + f"organisations/{organisation.pk}/",
        {
            "name_en": organisation.name_en,
            "name_fr": "Nom français fictif",
            "type": "non_profit",
            "region": "QC",
        },
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.name_fr, organisation.type, organisation.region) == (
        "Nom français fictif",
        "non_profit",
        "QC",
    )
    other = Organisation.objects.exclude(pk=organisation.pk).first()
    clash = lead_client.post(
        base + f"organisations/{other.pk}/", {"name_en": organisation.name_en.upper()}
    )
    assert "Another organisation of this registry has this name." in clash.content.decode()


def test_a_failed_import_job_says_so_and_nothing_is_imported(
    lead_client, base, registry, tmp_path, monkeypatch
):
    from heard.core.jobs import enqueue, run_next
    from heard.stakeholders import jobs

    monkeypatch.setattr(jobs, "UPLOADS", tmp_path / "uploads")
    job = enqueue(
        kind="stakeholders.import",
        scope=registry.scope,
        actor=None,
        payload={
            "consultation": registry.pk,
            "token": "00000000-0000-0000-0000-000000000000",
            "suffix": "csv",
            "name": "gone.csv",
            "mapping": {"name": "name", "email": "email"},
        },
    )
    assert run_next()
    page = lead_client.get(base + f"import/jobs/{job.pk}/").content.decode()
    assert "The import failed" in page and "Nothing was imported." in page
    assert Person.objects.count() == 0
