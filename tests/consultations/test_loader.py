"""`heard load`: idempotent, updates on edit, and a broken file changes nothing."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from heard.cli import main
from heard.consultations.models import Consultation, ScheduleItem
from heard.core.models import AuditEvent


@pytest.fixture
def folder(tmp_path, demo_folder):
    target = tmp_path / "demo"
    shutil.copytree(demo_folder, target)
    return target


def _snapshot():
    consultation = Consultation.objects.get(key="human-trafficking-2018")
    return {
        "modified_at": consultation.modified_at,
        "row": Consultation.objects.filter(pk=consultation.pk).values().get(),
        "items": list(ScheduleItem.objects.order_by("key").values()),
        "links": list(consultation.related_links.values()),
        "commitments": list(consultation.reporting_commitments.values()),
        "subjects": sorted(consultation.subjects.values_list("slug", flat=True)),
        "audit": AuditEvent.objects.count(),
    }


@pytest.mark.django_db
def test_loading_twice_changes_nothing(folder, capsys):
    assert main(["load", str(folder)]) == 0
    assert "Created" in capsys.readouterr().out
    first = _snapshot()
    assert main(["load", str(folder)]) == 0
    assert "nothing changed" in capsys.readouterr().out
    assert _snapshot() == first


@pytest.mark.django_db
def test_editing_a_date_and_loading_again_updates_it(folder, capsys):
    main(["load", str(folder)])
    before = _snapshot()
    schedule = folder / "schedule.yaml"
    schedule.write_text(schedule.read_text().replace("start: 2018-09-10", "start: 2018-09-11"))
    assert main(["load", str(folder)]) == 0
    assert "schedule item winnipeg" in capsys.readouterr().out
    winnipeg = ScheduleItem.objects.get(key="winnipeg")
    assert winnipeg.start_date == date(2018, 9, 11)
    after = _snapshot()
    assert after["modified_at"] > before["modified_at"]  # “Date modified” follows the change
    assert after["audit"] == before["audit"] + 1
    event = AuditEvent.objects.first()
    assert event.actor_label == "heard load"
    assert event.changes["start_date"] == ["2018-09-10", "2018-09-11"]


@pytest.mark.django_db
def test_removing_an_item_from_the_file_removes_it(folder):
    main(["load", str(folder)])
    schedule = folder / "schedule.yaml"
    text = schedule.read_text()
    start = text.index("  - key: questionnaire")
    schedule.write_text(text[:start])
    assert main(["load", str(folder)]) == 0
    assert not ScheduleItem.objects.filter(key="questionnaire").exists()
    assert ScheduleItem.objects.count() == 4


def _line_of(path, needle):
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


@pytest.mark.django_db
def test_a_broken_file_names_file_field_and_line_and_changes_nothing(folder, capsys):
    main(["load", str(folder)])
    before = _snapshot()
    schedule = folder / "schedule.yaml"
    schedule.write_text(schedule.read_text().replace("start: 2018-09-13", "start: 2018-09-31"))
    main_file = folder / "consultation.yaml"
    main_file.write_text(
        main_file.read_text()
        .replace("closes: 2018-10-31T23:59", "closes: 2018-10-31T23:59\nclosing_soon: yes")
        .replace("fr: Sécurité publique Canada", "fr: Sécurité publique Canada\n  de: Öffentliche")
    )
    capsys.readouterr()

    assert main(["load", str(folder)]) == 2

    err = capsys.readouterr().err
    assert "nothing was changed" in err
    bad_date_line = _line_of(schedule, "start: 2018-09-31")
    assert f"schedule.yaml, line {bad_date_line}, field items[2].start:" in err
    assert "day value is outside expected range" in err
    assert (
        f"consultation.yaml, line {_line_of(main_file, 'closing_soon')}, field closing_soon: unknown field"
        in err
    )
    assert (
        f"line {_line_of(main_file, 'de: Öffentliche')}, field department.de: unknown field" in err
    )
    assert _snapshot() == before


@pytest.mark.django_db
def test_missing_french_when_published_is_refused_and_rolls_back(folder, capsys):
    main_file = folder / "consultation.yaml"
    text = main_file.read_text()
    main_file.write_text(text.replace("  fr: Sécurité publique Canada\n", ""))
    assert main(["load", str(folder)]) == 2
    err = capsys.readouterr().err
    assert ", field published: cannot publish while missing: department (French)" in err
    assert not Consultation.objects.exists()  # the whole load rolled back
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_invalid_yaml_and_dates_out_of_order_are_reported(folder, capsys):
    main_file = folder / "consultation.yaml"
    text = main_file.read_text()
    main_file.write_text(text.replace("closes: 2018-10-31T23:59", "closes: 2018-08-31T23:59"))
    assert main(["load", str(folder)]) == 2
    assert "`closes` must come after `opens`" in capsys.readouterr().err

    main_file.write_text(text.replace("title:\n", "title:\n  en: [unclosed\n", 1))
    assert main(["load", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "not valid YAML" in err and "consultation.yaml, line" in err
    assert not Consultation.objects.exists()


@pytest.mark.django_db
def test_a_slug_taken_by_another_consultation_is_reported(folder, capsys):
    from tests.factories import ConsultationFactory

    ConsultationFactory(slug_fr="consultation-voie-a-suivre-mettre-fin-traite-personnes")
    assert main(["load", str(folder)]) == 2
    err = capsys.readouterr().err
    assert (
        "field slug.fr: “consultation-voie-a-suivre-mettre-fin-traite-personnes” is used by another consultation"
        in err
    )


@pytest.mark.django_db
def test_missing_folder_is_reported(tmp_path, capsys):
    assert main(["load", str(tmp_path / "nowhere")]) == 2
    assert "not a folder" in capsys.readouterr().err


@pytest.mark.django_db
def test_a_value_too_long_for_the_database_is_reported_with_its_line(folder, capsys):
    main_file = folder / "consultation.yaml"
    main_file.write_text(
        main_file.read_text().replace("en: Public Safety Canada", "en: " + "P" * 260)
    )
    assert main(["load", str(folder)]) == 2
    err = capsys.readouterr().err
    line = _line_of(main_file, "P" * 260)
    assert (
        f"consultation.yaml, line {line}, field department.en: too long: 260 characters, at most 200"
        in err
    )
    assert not Consultation.objects.exists()


@pytest.mark.django_db
def test_without_schedule_file_the_schedule_is_left_alone(folder):
    main(["load", str(folder)])
    (folder / "schedule.yaml").unlink()
    assert main(["load", str(folder)]) == 0
    assert ScheduleItem.objects.count() == 5


@pytest.mark.django_db
def test_a_published_consultation_cannot_lose_french_through_a_load(folder, capsys):
    main(["load", str(folder)])
    before = _snapshot()
    schedule = folder / "schedule.yaml"
    schedule.write_text(
        schedule.read_text().replace("fr: Rencontre de consultation en personne\n", "fr: ''\n", 1)
    )
    assert main(["load", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "field published: cannot publish while missing: Schedule item" in err
    assert "title (French)" in err
    assert _snapshot() == before

    main_file = folder / "consultation.yaml"
    main_file.write_text(main_file.read_text().replace("published: true", "published: false"))
    assert main(["load", str(folder)]) == 0  # unpublished first, then the incomplete edit is fine
    consultation = Consultation.objects.get()
    assert not consultation.is_published
    assert ScheduleItem.objects.get(key="vancouver").title_fr == ""


@pytest.mark.django_db
def test_loader_audit_names_itself_and_records_subjects(folder):
    main(["load", str(folder)])
    created = AuditEvent.objects.get(action="consultation.created")
    assert created.actor_label == "heard load"
    assert AuditEvent.objects.filter(action="subject.created").count() == 3
    main_file = folder / "consultation.yaml"
    main_file.write_text(
        main_file.read_text().replace("fr: Prévention du crime", "fr: Prévention de la criminalité")
    )
    main(["load", str(folder)])
    renamed = AuditEvent.objects.get(action="subject.renamed")
    assert renamed.changes["names"][1] == ["Crime prevention", "Prévention de la criminalité"]
