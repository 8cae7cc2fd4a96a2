"""Registry import: a decompression bomb, a sheet declaring ten million rows or a file past the row
limit is refused before it is parsed (or as soon as reading finds it out), with a message that
names the file and the limit, on the screen in English and French, and nothing is written."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from heard.archives import Limits
from heard.stakeholders import tables
from heard.stakeholders.models import Person
from heard.stakeholders.tables import TableError, read_table
from tests import bombs
from tests.factories import MembershipFactory, UserFactory


def plain(words: str) -> str:
    """Every kind of space a plain one (French puts no-break spaces in « » and before ;)."""
    return re.sub(r"[\s\u202f\xa0]+", " ", words)


def text(response) -> str:
    """The page as a person reads it."""
    return plain(html.unescape(response.content.decode()))


def refused(name: str, content: bytes) -> str:
    with pytest.raises(TableError) as caught:
        _headers, rows = read_table(Path(name), content)
        list(rows)
    return plain(str(caught.value))


def test_a_200_mb_sheet_is_refused_before_it_is_read():
    message = refused("people.xlsx", bombs.sheet_bomb())
    assert message.startswith("“people.xlsx” is compressed ")
    assert "to 1 in its part xl/worksheets/sheet1.xml, more than the limit of 100 to 1" in message


def test_a_sheet_declaring_ten_million_rows_is_refused_before_it_is_read():
    assert refused("people.xlsx", bombs.declared_rows_bomb()) == (
        "“people.xlsx” declares 10,000,000 rows on sheet “People”, more than the limit of "
        "250,000; nothing was read."
    )


def test_a_sheet_declaring_16384_columns_is_refused_before_openpyxl_pads_its_rows():
    wide = bombs.declared_rows_bomb(rows=3000, columns="XFD")  # 5 KB: 49 million empty cells
    assert refused("people.xlsx", wide) == (
        "“people.xlsx” declares 16,384 columns on sheet “People”, more than the limit of 256; "
        "nothing was read."
    )


def test_a_gap_of_a_million_empty_rows_stops_at_the_row_limit():
    assert refused("people.xlsx", bombs.gap_sheet()) == (
        "“people.xlsx” has more rows on sheet “People” than the limit of 250,000; reading "
        "stopped there and nothing from the file was used."
    )


def test_a_part_declaring_a_gigabyte_is_refused():
    lying = bombs.forged(bombs.small_xlsx(), bombs.SHEET, declared=1024 * 1024 * 1024)
    assert "would expand to 1,025 MB when opened, more than the limit of 512 MB" in refused(
        "people.xlsx", lying
    )


def test_a_sheet_with_more_rows_than_it_declares_stops_at_the_limit(monkeypatch):
    monkeypatch.setattr(tables, "LIMITS", Limits(max_bytes=2**20, max_rows=50, max_columns=10))
    # No dimension: openpyxl reads what is there (with one, it stops at the declared last row).
    assert refused("people.xlsx", bombs.rows_sheet(60)) == (
        "“people.xlsx” has more rows on sheet “People” than the limit of 50; reading stopped "
        "there and nothing from the file was used."
    )
    _headers, rows = read_table(Path("people.xlsx"), bombs.rows_sheet(50))
    assert len(list(rows)) == 49


def test_a_csv_file_past_the_line_limit_is_refused_before_it_is_read(tmp_path):
    assert refused("people.csv", b"name,email\n" + b"Avery,\n" * 250_000) == (
        "“people.csv” has 250,001 lines, more than the limit of 250,000; nothing was read."
    )
    path = tmp_path / "people.csv"
    path.write_bytes(b"name,email\r\n" + b"Avery,\r\n" * 250_000)
    with pytest.raises(TableError, match="250,001 lines"):
        read_table(path)


def test_a_normal_workbook_still_reads_every_row():
    headers, rows = read_table(Path("people.xlsx"), bombs.small_xlsx(300))
    assert headers == bombs.REGISTRY_HEADERS and len(list(rows)) == 300


@pytest.fixture(autouse=True)
def english():
    """Messages in English unless a page asks for French (a request leaves its language on)."""
    with translation.override("en"):
        yield


@pytest.fixture
def lead_client(client, registry):
    user = UserFactory(username="registrar")
    MembershipFactory(consultation=registry, user=user, role="lead")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "“people.xlsx” declares 10,000,000 rows on sheet “People”, more than the limit of "
            "250,000; nothing was read.",
        ),
        (
            "fr",
            "« people.xlsx » annonce 10 000 000 lignes dans la feuille « People », plus que la "
            "limite de 250 000 ; rien n'a été lu.",
        ),
    ],
)
def test_the_import_screen_refuses_a_bomb_at_upload_in_english_and_french(
    lead_client, registry, tmp_path, monkeypatch, language, expected
):
    from heard.stakeholders import jobs

    monkeypatch.setattr(jobs, "UPLOADS", tmp_path / "uploads")
    url = f"/{language}/staff/consultations/{registry.pk}/registry/import/"
    for bomb, words in [
        (bombs.declared_rows_bomb(), expected),
        (bombs.sheet_bomb(), "100" if language == "en" else "100 pour 1"),
    ]:
        response = lead_client.post(url, {"file": SimpleUploadedFile("people.xlsx", bomb)})
        assert response.status_code == 200  # the upload page again, with the reason
        page = text(response)
        assert 'role="alert"' in page and words in page and "people.xlsx" in page
    assert not (tmp_path / "uploads").exists() or not list((tmp_path / "uploads").iterdir())
    assert Person.objects.count() == 0


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "“people.xlsx” has more rows on sheet “People” than the limit of 50; reading stopped "
            "there and nothing from the file was used.",
        ),
        (
            "fr",
            "« people.xlsx » a plus de lignes dans la feuille « People » que la limite de 50 ; la "
            "lecture s'est arrêtée là et rien du fichier n'a été utilisé.",
        ),
    ],
)
def test_rows_a_sheet_did_not_declare_stop_the_check_and_the_import_job(
    lead_client, registry, tmp_path, monkeypatch, language, expected
):
    """The file passes the upload (it declares no dimension); the check and the job, which read every
    row, stop at the limit, say so in the language of the person who started them, and save
    nothing."""
    from heard.core.jobs import run_next
    from heard.core.models import Job
    from heard.stakeholders import jobs

    monkeypatch.setattr(jobs, "UPLOADS", tmp_path / "uploads")
    monkeypatch.setattr(tables, "LIMITS", Limits(max_bytes=2**20, max_rows=50, max_columns=10))
    base = f"/{language}/staff/consultations/{registry.pk}/registry/"
    sheet = bombs.rows_sheet(60)
    upload = SimpleUploadedFile("people.xlsx", sheet)
    assert lead_client.post(base + "import/", {"file": upload}).status_code == 302
    mapping = {"map_0": "name", "map_1": "email"}
    checked = lead_client.post(
        base + "import/columns/", {**mapping, "action": "check"}, follow=True
    )
    assert expected in text(checked)
    lead_client.post(base + "import/", {"file": SimpleUploadedFile("people.xlsx", sheet)})
    started = lead_client.post(base + "import/columns/", {**mapping, "action": "import"})
    assert started.status_code == 302
    assert run_next()
    job = Job.objects.get()
    assert job.state == Job.State.FAILED and expected in plain(job.error)
    assert expected in text(lead_client.get(started["Location"]))
    assert Person.objects.count() == 0


def test_the_command_line_refuses_a_bomb_and_imports_nothing(registry, tmp_path, capsys):
    from heard.cli import main

    path = tmp_path / "people.xlsx"
    path.write_bytes(bombs.sheet_bomb())
    assert main(["import-stakeholders", registry.key, str(path)]) == 2
    error = capsys.readouterr().err
    assert "“people.xlsx” is compressed" in error and "more than the limit of 100 to 1" in error
    assert "nothing was imported" in error
    assert Person.objects.count() == 0
