"""XLSForm upload: a decompression bomb or a sheet declaring millions of rows is refused before
openpyxl or pyxform opens it, with a message naming the file and the limit, on the questionnaire
page in English and French; the questionnaire keeps no new version."""

from __future__ import annotations

import html
import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from heard.archives import Limits
from heard.questionnaires import xlsform_sheets
from heard.questionnaires.models import QuestionnaireVersion
from heard.questionnaires.xlsform import FormError, parse
from tests import bombs
from tests.questionnaires.builders import csv_form, row, xlsx


def plain(words: str) -> str:
    return re.sub(r"[\s\u202f\xa0]+", " ", html.unescape(words))


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def problem(data: bytes, filename: str) -> str:
    with pytest.raises(FormError) as caught:
        parse(data, filename)
    assert len(caught.value.problems) == 1
    return plain(str(caught.value.problems[0]))


def test_a_200_mb_sheet_is_refused_before_openpyxl_or_pyxform_opens_it():
    assert problem(bombs.sheet_bomb(), "questionnaire.xlsx") == (
        "“questionnaire.xlsx” would expand to 202 MB when opened, more than the limit of 32 MB; "
        "nothing was read."
    )


def test_a_sheet_declaring_ten_million_rows_or_columns_past_the_limit_is_refused():
    assert problem(bombs.declared_rows_bomb(), "questionnaire.xlsx") == (
        "“questionnaire.xlsx” declares 10,000,000 rows on sheet “People”, more than the limit "
        "of 10,000; nothing was read."
    )
    wide = bombs.declared_rows_bomb(rows=5, columns="XFD")
    assert "declares 16,384 columns on sheet “People”, more than the limit of 1,024" in problem(
        wide, "questionnaire.xlsx"
    )


def test_rows_a_sheet_did_not_declare_stop_at_the_limit(monkeypatch):
    monkeypatch.setattr(
        xlsform_sheets, "LIMITS", Limits(max_bytes=2**20, max_rows=50, max_columns=10)
    )
    assert problem(bombs.rows_sheet(60), "questionnaire.xlsx") == (
        "“questionnaire.xlsx” has more rows on sheet “People” than the limit of 50; reading "
        "stopped there and nothing from the file was used."
    )


def _declaring(data: bytes, dimension: str) -> bytes:
    """The workbook with its first sheet declaring `dimension`, as Excel files that began as .xls
    files declare all 65,536 rows."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        sheet = source.read(bombs.SHEET)
    declared = re.sub(
        rb'<dimension ref="[^"]*"/>', f'<dimension ref="{dimension}"/>'.encode(), sheet
    )
    assert declared != sheet
    return bombs._replaced(data, bombs.SHEET, [declared])


def test_a_form_declaring_the_65536_rows_of_an_old_xls_file_is_read():
    form = xlsx([row("text", "q1", "Question", "Question")])
    definition, _xform = parse(_declaring(form, "A1:Z65536"), "old.xlsx")
    assert [f["name"] for f in definition["fields"]] == ["q1"]
    # As wide as a sheet can be, that many rows is too much reading: refused before it starts.
    assert "declares 65,536 rows on sheet “survey”, more than the limit of 10,000" in problem(
        _declaring(form, "A1:AMJ65536"), "old.xlsx"
    )


def test_empty_rows_past_an_old_xls_file_s_stop_the_reader_at_its_limit():
    assert problem(bombs.gap_sheet(), "questionnaire.xlsx") == (
        "“questionnaire.xlsx” has more rows on sheet “People” than the limit of 65,536; reading "
        "stopped there and nothing from the file was used."
    )


def test_a_csv_form_past_the_line_limit_is_refused():
    data = csv_form([row("text", "q1", "Question", "Question")]) + b"\n" * 30_000
    assert "lines, more than the limit of 30,000; nothing was read." in problem(data, "form.csv")


def test_a_normal_form_still_parses(demo_form_bytes):
    definition, _xform = parse(demo_form_bytes, "questionnaire.xlsx")
    assert definition["fields"]
    definition, _xform = parse(xlsx([row("text", "q1", "Question", "Question")]), "small.xlsx")
    assert [f["name"] for f in definition["fields"]] == ["q1"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "“questionnaire.xlsx” would expand to 202 MB when opened, more than the limit of 32 "
            "MB; nothing was read.",
        ),
        (
            "fr",
            "« questionnaire.xlsx » occuperait 202 Mo une fois décompressé, plus que la limite "
            "de 32 Mo ; rien n'a été lu.",
        ),
    ],
)
def test_the_questionnaire_page_refuses_a_bomb_in_english_and_french(
    client, questionnaire, lead, language, expected
):
    client.force_login(lead)
    url = (
        f"/{language}/staff/consultations/{questionnaire.consultation.pk}/questionnaires/"
        f"{questionnaire.pk}/"
    )
    upload = SimpleUploadedFile("questionnaire.xlsx", bombs.sheet_bomb())
    page = client.post(url, {"file": upload})
    assert page.status_code == 400
    assert expected in plain(page.content.decode())
    assert not QuestionnaireVersion.objects.filter(questionnaire=questionnaire).exists()
