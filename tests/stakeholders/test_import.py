"""Importing the registry: every good row in, every bad row reported, idempotent, all or nothing."""

from __future__ import annotations

import pytest
from django.db import connection
from openpyxl import Workbook

from heard.cli import main
from heard.core.models import AuditEvent
from heard.stakeholders.exporting import export_people
from heard.stakeholders.importing import MappingError, import_people
from heard.stakeholders.models import Organisation, Person
from tests.factories import ConsultationFactory
from tests.stakeholders.conftest import PLANTED, write_people_csv


def test_every_good_row_is_imported_and_every_bad_row_reported(registry, tmp_path):
    path = tmp_path / "people.csv"
    write_people_csv(path, 2000)
    report = import_people(actor=None, consultation=registry, path=path)
    assert report.rows == 2000
    assert report.created == 2000 - len(PLANTED)
    assert {p.row for p in report.problems} == set(PLANTED)
    for problem in report.problems:
        column, reason = PLANTED[problem.row]
        assert problem.column == column and reason in problem.reason, problem
    assert Person.objects.filter(consultation=registry).count() == 2000 - len(PLANTED)
    person = Person.objects.get(email__isnull=False, pk=Person.objects.order_by("id").first().pk)
    assert person.sector.key == "law-enforcement" and person.organisation is not None

    again = import_people(actor=None, consultation=registry, path=path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2000 - len(PLANTED))
    assert AuditEvent.objects.filter(action="stakeholders.imported").count() == 1


def test_a_corrected_file_updates_only_what_changed(registry, tmp_path):
    path = tmp_path / "people.csv"
    rows = write_people_csv(path, 50, planted=False)
    import_people(actor=None, consultation=registry, path=path)
    text = path.read_text().replace(
        rows[4]["title"] + "," + rows[4]["organisation"],
        "Chief Fictional Officer," + rows[4]["organisation"],
        1,
    )
    path.write_text(text)
    report = import_people(actor=None, consultation=registry, path=path)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 49)


def test_a_failure_part_way_leaves_nothing_behind(registry, tmp_path, monkeypatch):
    path = tmp_path / "people.csv"
    write_people_csv(path, 5000, planted=False)
    from heard.stakeholders.models import Person as PersonModel

    real = PersonModel.objects.bulk_create
    calls = {"n": 0}

    def failing_bulk_create(objs, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:  # the second chunk of 2,000 people
            raise RuntimeError("disk full")
        return real(objs, *args, **kwargs)

    monkeypatch.setattr(PersonModel.objects, "bulk_create", failing_bulk_create)
    with pytest.raises(RuntimeError):
        import_people(actor=None, consultation=registry, path=path)
    assert Person.objects.count() == 0
    assert Organisation.objects.count() == 0
    assert not AuditEvent.objects.filter(action="stakeholders.imported").exists()


def test_xlsx_with_french_headings_and_an_explicit_mapping(registry, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Nom", "Courriel", "Secteur", "Province ou territoire", "Langue", "Unité"])
    sheet.append(
        [
            "Léa Placeholm",
            "lea@ngos.example",
            "Organisations non gouvernementales",
            "Québec",
            "Français",
            "x",
        ]
    )
    sheet.append(["Avery Sampleton", "avery@academia.example", "academia", "BC", "English", "y"])
    path = tmp_path / "gens.xlsx"
    workbook.save(path)
    report = import_people(actor=None, consultation=registry, path=path)
    assert report.created == 2 and not report.problems
    lea = Person.objects.get(language="fr")
    assert (lea.name, lea.region, lea.sector.key) == ("Léa Placeholm", "QC", "ngos")
    with pytest.raises(MappingError, match="required field “email”"):
        import_people(actor=None, consultation=registry, path=path, mapping={"Nom": "name"})
    with pytest.raises(MappingError, match="no column “Phone”"):
        import_people(
            actor=None,
            consultation=registry,
            path=path,
            mapping={"Nom": "name", "Courriel": "email", "Phone": "phone"},
        )


def test_export_round_trips_and_neutralises_formulas(registry, tmp_path):
    path = tmp_path / "people.csv"
    write_people_csv(path, 30, planted=False)
    import_people(actor=None, consultation=registry, path=path)
    Person.objects.filter(pk=Person.objects.first().pk).update(title='=HYPERLINK("x")')
    exported = export_people(actor=None, consultation=registry, file_format="csv")
    assert b"'=HYPERLINK" in exported
    other = ConsultationFactory()
    from heard.stakeholders.loading import load_sectors
    from tests.conftest import DEMO

    load_sectors(DEMO, other)
    copy = tmp_path / "export.csv"
    copy.write_bytes(exported)
    report = import_people(actor=None, consultation=other, path=copy)
    assert report.created == 30 and not report.problems
    assert sorted(
        Person.objects.filter(consultation=other).values_list("email_index", flat=True)
    ) == sorted(Person.objects.filter(consultation=registry).values_list("email_index", flat=True))
    xlsx = export_people(actor=None, consultation=registry, file_format="xlsx")
    assert xlsx[:2] == b"PK"
    assert AuditEvent.objects.filter(action="stakeholders.exported").count() == 2


def test_personal_data_is_not_stored_in_plain_text(registry, tmp_path):
    path = tmp_path / "people.csv"
    rows = write_people_csv(path, 20, planted=False)
    import_people(actor=None, consultation=registry, path=path)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, email, phone, accessibility_needs, email_index FROM stakeholders_person"
        )
        stored = " ".join(" ".join(r) for r in cursor.fetchall())
    for row in rows:
        assert (
            row["name"] not in stored and row["email"] not in stored and row["phone"] not in stored
        )


def test_command_line_import_reports_problems_and_writes_a_report(registry, tmp_path, capsys):
    path = tmp_path / "people.csv"
    write_people_csv(path, 100)
    report_file = tmp_path / "problems.csv"
    assert (
        main(
            [
                "import-stakeholders",
                "human-trafficking-2018",
                str(path),
                "--report",
                str(report_file),
            ]
        )
        == 1
    )
    out = capsys.readouterr().out
    assert "100 rows: created 92, updated 0, unchanged 0, 8 with problems" in out
    assert "row 7, column “email”: not a valid e-mail address" in out
    assert report_file.read_text(encoding="utf-8-sig").count("\n") == 9
    with pytest.raises(SystemExit, match="no consultation with the key “nope”"):
        main(["import-stakeholders", "nope", str(path)])
    assert main(["export-stakeholders", "human-trafficking-2018", str(tmp_path / "out.xlsx")]) == 0


def test_an_import_never_lifts_an_opt_out(registry, tmp_path):
    path = tmp_path / "people.csv"
    write_people_csv(path, 10, planted=False)
    import_people(actor=None, consultation=registry, path=path)
    person = Person.objects.order_by("id").first()
    Person.objects.filter(pk=person.pk).update(do_not_contact=True, import_fingerprint="")
    import_people(actor=None, consultation=registry, path=path)  # the file still says "no"
    assert Person.objects.get(pk=person.pk).do_not_contact
