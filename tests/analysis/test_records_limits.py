"""The engine's .xlsx reader refuses decompression bombs and sheets past its limits before
openpyxl reads them (heard.archives, which imports no Django), in English."""

from __future__ import annotations

import pytest

from heard.analysis.engine import records
from heard.analysis.engine.records import RecordError, read_records
from heard.archives import Limits
from tests import bombs

# The analysis engine alone (no database): CI runs these on SQLite and on Python 3.13, not again
# on PostgreSQL.
pytestmark = pytest.mark.engine


def problem_of(path) -> str:
    with pytest.raises(RecordError) as caught:
        list(read_records(path))
    assert len(caught.value.problems) == 1
    return str(caught.value.problems[0])


def test_a_bomb_is_refused_before_openpyxl_reads_it(tmp_path):
    path = tmp_path / "answers.xlsx"
    path.write_bytes(bombs.sheet_bomb())
    assert "more than the limit of 100 to 1; nothing was read." in problem_of(path)
    path.write_bytes(bombs.declared_rows_bomb())
    assert problem_of(path) == (
        "“answers.xlsx” declares 10,000,000 rows on sheet “People”, more than the limit of "
        "1,048,576; nothing was read."
    )


def test_rows_a_sheet_did_not_declare_stop_at_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(
        records, "XLSX_LIMITS", Limits(max_bytes=2**20, max_rows=50, max_columns=10)
    )
    path = tmp_path / "answers.xlsx"
    path.write_bytes(bombs.rows_sheet(60, headers=("id", "text", "region", "sector")))
    assert "has more rows on sheet “People” than the limit of 50" in problem_of(path)
