"""heard.archives: what a zip container declares is checked before any parser opens it, and a
sheet is cut off at its limits while it is read. The bombs are real (tests/bombs.py)."""

from __future__ import annotations

import io
import tracemalloc
import zipfile

import pytest

from heard import archives
from heard.archives import Limits, Refused, capped_rows, check_text, check_xlsx, check_zip
from tests import bombs
from tests.bombs import MB, SHEET

MIB = 1024 * 1024
ROOMY = Limits(max_bytes=512 * MIB, max_rows=250_000, max_columns=256)
SMALL = Limits(max_bytes=32 * MIB, max_rows=10_000, max_columns=100)


def refusal(check, *args) -> Refused:
    with pytest.raises(Refused) as caught:
        check(*args)
    return caught.value


def test_normal_files_pass():
    check_xlsx("people.xlsx", bombs.small_xlsx(200), ROOMY)
    check_xlsx("people.xlsx", bombs.small_xlsx(200), SMALL)
    check_zip("notes.docx", bombs.small_docx(), SMALL)
    check_text("people.csv", b"name,email\nAvery,avery@example.org\n", ROOMY)
    check_zip("notes.docx", b"not a zip file at all", SMALL)  # the parser says what is wrong


def test_a_200_mb_sheet_compressed_to_under_a_megabyte_is_refused_by_its_ratio():
    bomb = bombs.sheet_bomb()
    assert len(bomb) < MB
    refused = refusal(check_xlsx, "people.xlsx", bomb, ROOMY)  # 512 MB would allow its size
    assert refused.message == archives.PART_RATIO and refused.part == SHEET
    assert refused.found > 200 and refused.limit == 100
    assert str(refused) == (
        f"“people.xlsx” is compressed {refused.found:,} to 1 in its part {SHEET}, more than the "
        "limit of 100 to 1; nothing was read."
    )


def test_a_bomb_larger_than_the_limit_is_refused_by_its_inflated_size():
    refused = refusal(check_xlsx, "questionnaire.xlsx", bombs.sheet_bomb(), SMALL)
    assert str(refused) == (
        "“questionnaire.xlsx” would expand to 202 MB when opened, more than the limit of 32 MB; "
        "nothing was read."
    )
    refused = refusal(check_zip, "notes.docx", bombs.docx_bomb(), SMALL)
    assert refused.message == archives.TOO_LARGE_INFLATED and refused.found > 200 * MB


def test_a_declared_size_over_the_limit_is_refused_without_inflating_anything():
    lying = bombs.forged(bombs.small_xlsx(), SHEET, declared=1024 * MIB)
    tracemalloc.start()
    try:
        refused = refusal(check_xlsx, "people.xlsx", lying, ROOMY)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "would expand to 1,025 MB when opened, more than the limit of 512 MB" in str(refused)
    assert peak < 2 * MIB


def test_zipfile_stops_at_the_declared_size_only_when_a_part_is_streamed():
    """The claim that zipfile's declared sizes bound what a parser inflates, tried on a part that
    declares 1,000 bytes (with a CRC forged to match them) but inflates to 50 MB.

    A streamed read stops at the declared size. `read()` of the whole part, which python-docx
    and openpyxl use for all but the worksheets, inflates the whole stream first, then cuts it:
    so the declared sizes alone bound nothing, and check_zip inflates each part itself, one
    byte past its declared size at most."""
    payload = b"<row/>" * (50 * MB // 6)
    forged = bombs.forged(
        bombs.with_part(bombs.small_docx(), "word/extra.xml", payload),
        "word/extra.xml",
        declared=1000,
        crc_of=payload[:1000],
    )

    def peak_of(action) -> tuple[object, int]:
        tracemalloc.start()
        try:
            result = action()
            return result, tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    archive = zipfile.ZipFile(io.BytesIO(forged))

    def streamed() -> int:
        with archive.open("word/extra.xml") as stream:
            return sum(len(chunk) for chunk in iter(lambda: stream.read(64 * 1024), b""))

    read, peak = peak_of(streamed)
    assert read == 1000 and peak < 2 * MIB
    whole, peak = peak_of(lambda: archive.read("word/extra.xml"))
    assert len(whole) == 1000 and peak > 40 * MB  # nothing looked wrong, and 50 MB were inflated
    refused, peak = peak_of(lambda: refusal(check_zip, "notes.docx", forged, SMALL))
    assert peak < 2 * MIB
    assert str(refused) == (
        "“notes.docx” is damaged or forged: its part word/extra.xml holds more than the 1,000 bytes "
        "it declares; nothing was read."
    )


def test_a_part_over_the_ratio_limit_is_refused_even_when_the_total_is_allowed():
    docx = bombs.with_part(bombs.small_docx(), "word/media/blank.bin", b"\0" * (20 * MB))
    refused = refusal(check_zip, "notes.docx", docx, SMALL)
    assert refused.message == archives.PART_RATIO and refused.part == "word/media/blank.bin"


def test_many_small_parts_cannot_add_up_to_a_bomb():
    docx = bombs.small_docx()
    for n in range(40):  # each under the 1 MB below which a part's ratio is not looked at
        docx = bombs.with_part(docx, f"word/media/{n}.bin", b"\0" * (MIB - 1))
    refused = refusal(check_zip, "notes.docx", docx, ROOMY)  # 40 MB: under the size limit
    assert refused.message == archives.FILE_RATIO and refused.limit == 100


def test_parts_compressed_other_than_office_does_are_refused():
    # zipfile inflates bzip2 and lzma parts whole, whatever size they declare
    docx = bombs.with_part(bombs.small_docx(), "word/big.xml", b"0" * MB, zipfile.ZIP_BZIP2)
    refused = refusal(check_zip, "notes.docx", docx, SMALL)
    assert refused.message == archives.UNUSUAL_COMPRESSION and refused.part == "word/big.xml"


def test_the_number_of_parts_and_the_size_of_their_list_are_checked_first():
    few = Limits(max_bytes=MIB, max_parts=10)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n in range(11):
            archive.writestr(f"{n}.xml", b"")
    refused = refusal(check_zip, "many.docx", buffer.getvalue(), few)
    assert (
        str(refused) == "“many.docx” holds 11 parts, more than the limit of 10; nothing was read."
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n in range(5):
            archive.writestr(f"{n:03d}" + "x" * 3000 + ".xml", b"")
    refused = refusal(check_zip, "long.docx", buffer.getvalue(), few)
    assert refused.message == archives.DIRECTORY_TOO_LARGE
    assert "more than the limit of 10 KB" in str(refused)


def test_the_count_is_read_from_the_zip64_record_when_there_are_more_than_65535_parts():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n in range(0x10000 + 5):
            archive.writestr(zipfile.ZipInfo(f"{n}"), b"")
    refused = refusal(check_zip, "many.xlsx", buffer.getvalue(), SMALL)
    assert refused.message == archives.TOO_MANY_PARTS and refused.found == 0x10000 + 5


def test_the_rows_and_columns_a_sheet_declares_are_checked_before_it_is_read():
    refused = refusal(check_xlsx, "people.xlsx", bombs.declared_rows_bomb(), ROOMY)
    assert str(refused) == (
        "“people.xlsx” declares 10,000,000 rows on sheet “People”, more than the limit of "
        "250,000; nothing was read."
    )
    wide = bombs.declared_rows_bomb(rows=10, columns="XFD")
    refused = refusal(check_xlsx, "people.xlsx", wide, ROOMY)
    assert refused.message == archives.DECLARED_COLUMNS and refused.found == 16_384
    check_zip("people.xlsx", bombs.declared_rows_bomb(), ROOMY)  # a container check only


def test_rows_are_cut_off_while_they_are_read():
    limits = Limits(max_bytes=MIB, max_rows=3, max_columns=2)
    assert list(capped_rows([(1,), (2,), (3,)], name="a.xlsx", sheet="S", limits=limits))
    with pytest.raises(Refused) as caught:
        list(capped_rows([(1,)] * 4, name="a.xlsx", sheet="S", limits=limits))
    assert str(caught.value) == (
        "“a.xlsx” has more rows on sheet “S” than the limit of 3; reading stopped there and "
        "nothing from the file was used."
    )
    with pytest.raises(Refused) as caught:
        list(capped_rows([(1, 2, 3)], name="a.xlsx", sheet="S", limits=limits))
    assert caught.value.message == archives.TOO_MANY_COLUMNS and caught.value.found == 3


def test_empty_rows_do_not_count_as_rows_within_a_budget_of_rows_and_cells_read():
    limits = Limits(max_bytes=MIB, max_rows=2, max_columns=3, max_rows_read=6, max_cells_read=12)

    def empty(row):
        return all(value is None for value in row)

    def read(rows):
        return list(capped_rows(rows, name="a.xlsx", sheet="S", limits=limits, is_empty=empty))

    assert len(read([(1, 2), (None, None), (None, None), (3, None)])) == 4
    # Rows with something in them still count, empty ones between them or not.
    with pytest.raises(Refused) as caught:
        read([(1,), (None,), (2,), (3,)])
    assert caught.value.message == archives.TOO_MANY_ROWS and caught.value.limit == 2
    # Empty rows are read only so far, whatever the sheet declares…
    with pytest.raises(Refused) as caught:
        read([(None,)] * 7)
    assert caught.value.message == archives.TOO_MANY_ROWS and caught.value.limit == 6
    # …and so are their cells.
    with pytest.raises(Refused) as caught:
        read([(None, None, None)] * 5)
    assert str(caught.value) == (
        "“a.xlsx” holds more cells on sheet “S”, empty ones included, than the limit of 12; "
        "reading stopped there and nothing from the file was used."
    )
    # Without a way to tell an empty row, every row counts, as before.
    with pytest.raises(Refused):
        list(capped_rows([(None,)] * 3, name="a.xlsx", sheet="S", limits=limits))


@pytest.mark.parametrize("end", [b"\n", b"\r\n", b"\r"])
def test_text_has_a_size_and_a_line_limit(end):
    limits = Limits(max_bytes=100, max_rows=3)
    check_text("a.csv", end.join([b"h", b"1", b"2"]), limits)
    refused = refusal(check_text, "a.csv", end.join([b"h", b"1", b"2", b"3"]), limits)
    assert str(refused) == "“a.csv” has 4 lines, more than the limit of 3; nothing was read."
    refused = refusal(check_text, "a.csv", b"x" * 101, limits)
    assert str(refused) == (
        "“a.csv” is 101 bytes, more than the limit of 100 bytes; nothing was read."
    )
