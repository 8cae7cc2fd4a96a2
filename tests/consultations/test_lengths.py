"""Lengths on the consultation page: staff forms, `heard load`, the staff account command."""

from __future__ import annotations

import html
import io
import shutil

import pytest
from django.core.management import CommandError, call_command

from heard.cli import main
from heard.consultations.models import Consultation, ScheduleItem
from heard.core import limits
from tests.consultations.test_staff import _form_data

MEGABYTE = "x" * 1_048_576


def _text(page) -> str:
    return html.unescape(page.content.decode()).replace("\xa0", " ").replace("\u202f", " ")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "error"),
    [
        (
            "en",
            "Description (English): Ensure this value has at most 20000 characters "
            "(it has 1048576).",
        ),
        (
            "fr",
            "Description (anglais) : Assurez-vous que cette valeur comporte au plus 20000 "
            "caractères (actuellement 1048576).",
        ),
    ],
)
def test_a_one_megabyte_description_is_refused_and_the_rest_is_kept(
    client, lead, consultation, language, error
):
    client.force_login(lead)
    page = client.post(
        f"/{language}/staff/consultations/{consultation.pk}/edit/",
        _form_data(consultation, description_en=MEGABYTE, title_fr="Titre à garder"),
    )
    assert page.status_code == 200
    text = _text(page)
    assert error in text
    assert 'value="Titre à garder"' in text
    assert MEGABYTE in text  # the text comes back whole, to be shortened
    # No maxlength on the text area, so a browser never cuts a long paste without a word.
    assert 'maxlength="20000"' not in text
    assert 'maxlength="250"' in text  # one-line inputs keep theirs
    consultation.refresh_from_db()
    assert consultation.description_en != MEGABYTE and consultation.title_fr != "Titre à garder"


@pytest.mark.django_db
def test_a_schedule_item_with_long_details_is_refused(client, lead, consultation):
    client.force_login(lead)
    page = client.post(
        f"/en/staff/consultations/{consultation.pk}/schedule/new/",
        {
            "key": "halifax",
            "kind": "regional_session",
            "format": "in_person",
            "participation": "invitation",
            "visibility": "transparent",
            "title_en": "Meeting",
            "title_fr": "Rencontre",
            "description_en": "d" * (limits.MARKDOWN + 1),
            "city_en": "Halifax",
            "city_fr": "Halifax",
            "start_date": "2030-06-01",
            "date_precision": "day",
            "position": "1",
        },
    )
    assert "Details (English): Ensure this value has at most 20000 characters" in _text(page)
    assert not ScheduleItem.objects.exists()


@pytest.mark.django_db
def test_the_services_refuse_what_the_forms_refuse(consultation):
    from django.core.exceptions import ValidationError

    from heard.consultations import services

    with pytest.raises(ValidationError) as refused:
        services.update_consultation(
            actor=None, consultation=consultation, values={"summary_en": "s" * 1_001}
        )
    assert "at most 1000 characters" in refused.value.message_dict["summary_en"][0]
    assert Consultation.objects.get(pk=consultation.pk).summary_en == "A short summary."


@pytest.fixture
def folder(tmp_path, demo_folder):
    target = tmp_path / "demo"
    shutil.copytree(demo_folder, target)
    return target


def _line_of(path, needle):
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


@pytest.mark.django_db
def test_heard_load_names_the_line_of_a_huge_description(folder, capsys):
    main_file = folder / "consultation.yaml"
    text = main_file.read_text()
    start = text.index("description:")
    line = text.count("\n", 0, start) + 2  # the `en:` line under `description:`
    english = text.index("en:", start)
    end = text.index("\n", english)
    main_file.write_text(text[:english] + "en: " + MEGABYTE + text[end:])
    assert main(["load", str(folder)]) == 2
    err = capsys.readouterr().err
    assert f"consultation.yaml, line {line}, field description.en: too long: 1,04" in err
    assert "characters, at most 20,000" in err
    assert not Consultation.objects.exists()


@pytest.mark.django_db
def test_heard_load_checks_the_keys_of_subjects_and_sectors(folder, capsys):
    main_file = folder / "consultation.yaml"
    text = main_file.read_text()
    assert "subjects:" in text, "the demo has subjects"
    key_line = next(
        line
        for line in text[text.index("subjects:") :].splitlines()
        if line.strip().startswith("- key:")
    )
    long_key = "k" * 90
    main_file.write_text(text.replace(key_line, key_line.split(":")[0] + ": " + long_key, 1))
    sectors = folder / "sectors.yaml"
    sector_key = next(
        line for line in sectors.read_text().splitlines() if line.strip().startswith("- key:")
    )
    sectors.write_text(
        sectors.read_text().replace(sector_key, sector_key.split(":")[0] + ": " + "s" * 61, 1)
    )
    assert main(["load", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "field subjects[0].key: too long: 90 characters, at most 80" in err
    assert not Consultation.objects.exists()
    main_file.write_text(text)
    assert main(["load", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "field sectors[0].key: too long: 61 characters, at most 60" in err


@pytest.mark.django_db
def test_add_staff_refuses_a_username_over_150_characters(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough passphrase\n"))
    with pytest.raises(CommandError, match="at most 150 characters"):
        call_command("add_staff", "u" * 151, "--password-stdin")
