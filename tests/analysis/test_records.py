"""Reading engine input: JSONL, CSV and XLSX records with metadata, and every kind of bad file."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from heard.analysis.engine.records import RecordError, read_records

# The analysis engine alone (no database): CI runs these on SQLite and on Python 3.13, not again
# on PostgreSQL.
pytestmark = pytest.mark.engine


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(RecordError) as caught:
        list(read_records(path))
    assert all(line.startswith(f"{path.name}: ") for line in str(caught.value).splitlines())
    return [str(problem) for problem in caught.value.problems]


def test_jsonl_records_keep_metadata_in_file_order(tmp_path):
    path = tmp_path / "answers.jsonl"
    lines = [
        {"id": "r1", "text": "Survivors need housing.", "Question": "Q1", "sector": "NGO"},
        {"id": 2, "text": "Les victimes ont besoin d'aide.", "region": "QC", "consent": True},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")

    records = list(read_records(path))

    assert records == [
        {"id": "r1", "text": "Survivors need housing.", "question": "Q1", "sector": "NGO"},
        {"id": "2", "text": "Les victimes ont besoin d'aide.", "region": "QC", "consent": True},
    ]
    assert list(records[0]) == ["id", "text", "question", "sector"]


def test_csv_with_bom_aliases_and_semicolons(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(
        "\ufeffResponse_ID;Comment;Sector;Région\n"
        'a-1;"Plus de refuges; et vite.";NGO;Québec\n'
        "\n"
        "a-2;We need training;Police;BC\n".encode()
    )

    records = read_records(path)

    assert next(records) == {
        "id": "a-1",
        "text": "Plus de refuges; et vite.",
        "sector": "NGO",
        "région": "Québec",
    }
    assert next(records)["text"] == "We need training"
    assert next(records, None) is None


def test_csv_streams_without_reading_ahead(tmp_path):
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id,text\n")
        for i in range(5000):
            handle.write(f"{i},answer {i}\n")
    records = read_records(path)
    assert [next(records)["id"] for _ in range(3)] == ["0", "1", "2"]
    assert sum(1 for _ in records) == 4997


def test_xlsx_first_sheet_with_dates_and_numbers(tmp_path):
    path = write_xlsx(
        tmp_path / "notes.xlsx",
        [
            ["ID", "Answer", "Event", "Date", "Channel"],
            [101, "Prevention in schools", "Winnipeg", datetime(2018, 3, 5), "session"],
            [None, None, None, None, None],
            [102.0, "Formation des policiers", "Montréal", datetime(2018, 3, 9, 14, 30), None],
        ],
    )

    assert list(read_records(path)) == [
        {
            "id": "101",
            "text": "Prevention in schools",
            "event": "Winnipeg",
            "date": "2018-03-05",
            "channel": "session",
        },
        {
            "id": "102",
            "text": "Formation des policiers",
            "event": "Montréal",
            "date": "2018-03-09T14:30:00",
            "channel": "",
        },
    ]


def test_the_preferred_alias_wins_and_others_stay_as_metadata(tmp_path):
    path = tmp_path / "both.csv"
    path.write_text("answer,text,id\nfirst,second,x\n", encoding="utf-8")
    assert list(read_records(path)) == [{"id": "x", "text": "second", "answer": "first"}]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_missing_columns_are_named_with_the_header_row(tmp_path, suffix):
    path = tmp_path / f"bad{suffix}"
    if suffix == ".csv":
        path.write_text("\nnumber,body\n1,hello\n", encoding="utf-8")
        where = "line 2"
    else:
        write_xlsx(path, [["number", "body"], [1, "hello"]])
        where = "row 1"
    problems = problems_of(path)
    assert problems == [
        f"{where}: no 'id' column (one of id/response_id/record_id)",
        f"{where}: no 'text' column (one of text/answer/comment/response)",
    ]


def test_jsonl_problems_are_all_reported_once_with_their_lines(tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text(
        "\n".join(
            [
                '{"id": "a", "text": "fine"}',
                '{"id": "b", "text": "unterminated}',
                '["not", "an", "object"]',
                '{"text": "no id"}',
                '{"id": "a", "text": "again"}',
                '{"id": "c"}',
                '{"id": "d", "text": 3}',
                '{"id": true, "text": "x"}',
                '{"id": "e", "text": "fine too"}',
            ]
        ),
        encoding="utf-8",
    )
    seen: list[dict[str, object]] = []
    with pytest.raises(RecordError) as caught:
        seen.extend(read_records(path))
    assert [record["id"] for record in seen] == ["a", "e"]  # good records flowed before the error
    problems = [str(problem) for problem in caught.value.problems]
    assert problems[0].startswith("line 2: bad JSON (")
    assert problems[1:] == [
        "line 3: not a JSON object",
        "line 4: missing id",
        "line 5: duplicate id 'a' (first on line 1)",
        "line 6: missing text",
        "line 7: text is not a string",
        "line 8: id is not text",
    ]


def test_table_row_problems_name_their_rows(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("id,text,region\n1,ok,BC\n,no id,ON\n1,dup,QC\n2,too,many,cells\n3,short\n")
    assert problems_of(path) == [
        "line 3: missing id",
        "line 4: duplicate id '1' (first on line 2)",
        "line 5: 4 values for 3 columns",
    ]

    xlsx = write_xlsx(tmp_path / "rows.xlsx", [["id", "text"], ["1", "ok"], ["1", "dup"]])
    assert problems_of(xlsx) == ["row 3: duplicate id '1' (first on row 2)"]


def test_duplicate_column_names(tmp_path):
    path = tmp_path / "cols.csv"
    path.write_text("id,text,Region,region\n1,a,b,c\n", encoding="utf-8")
    assert problems_of(path) == ["line 1: two fields are named 'region'"]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.jsonl", b"", "empty file: no records"),
        ("blank.jsonl", b"\n  \n", "empty file: no records"),
        ("empty.csv", b"", "empty file: no header row"),
        ("header-only.csv", b"\xef\xbb\xbfid,text\n", "empty file: no records"),
        ("latin1.csv", "id,text\n1,café\n".encode("cp1252"), "not UTF-8 text"),
        ("broken.xlsx", b"not a zip", "not a readable XLSX file"),
        ("answers.txt", b"id,text\n", "only .jsonl, .csv and .xlsx files can be read"),
    ],
)
def test_whole_file_problems(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    problems = problems_of(path)
    assert len(problems) == 1
    assert problems[0].startswith(expected)


def test_missing_file(tmp_path):
    assert problems_of(tmp_path / "nowhere.csv") == ["no such file"]


def test_empty_xlsx(tmp_path):
    path = write_xlsx(tmp_path / "empty.xlsx", [])
    assert problems_of(path) == ["empty file: no header row"]
