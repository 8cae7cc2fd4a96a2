"""Decompression bombs and other hostile containers, built in memory for the tests and the
benchmark (bench/upload_limits.py): real .xlsx and .docx files whose one big part is replaced.

Each builder streams its big part through zipfile, so a 200 MB sheet never sits in memory: the
file that comes out is under a megabyte (deflate reaches about 258 to 1 on repeated rows).
Builders are cached, so each bomb is built once per test session.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from functools import cache

from docx import Document

from heard.stakeholders.tables import write_xlsx

MB = 1024 * 1024
SHEET = "xl/worksheets/sheet1.xml"
DOCUMENT = "word/document.xml"
REGISTRY_HEADERS = ["name", "email", "organisation", "language"]
_SHEET_START = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
_ROW = (
    b'<row><c t="inlineStr"><is><t>Avery Exemplar</t></is></c>'
    b'<c t="inlineStr"><is><t>avery@example.org</t></is></c>'
    b'<c t="inlineStr"><is><t>Harbour House</t></is></c>'
    b'<c t="inlineStr"><is><t>en</t></is></c></row>'
)
_PARAGRAPH = b"<w:p><w:r><w:t>We need more shelters in the north.</w:t></w:r></w:p>"


@cache
def small_xlsx(rows: int = 3, title: str = "People") -> bytes:
    """A normal registry workbook (openpyxl writes it), `rows` people after the header."""
    people = [[f"Person {n}", f"person{n}@example.org", "Harbour House", "en"] for n in range(rows)]
    return write_xlsx(REGISTRY_HEADERS, people, title)


@cache
def small_docx(paragraphs: int = 3) -> bytes:
    document = Document()
    for n in range(paragraphs):
        document.add_paragraph(f"Facilitator: point {n}. We need more shelters in the north.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _replaced(base: bytes, part: str, chunks: Iterable[bytes]) -> bytes:
    """`base` with `part` replaced by the concatenated `chunks`, deflated as Office does."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for info in source.infolist():
            if info.filename == part:
                with target.open(part, "w", force_zip64=True) as stream:
                    for chunk in chunks:
                        stream.write(chunk)
            else:
                target.writestr(info.filename, source.read(info.filename))
    return out.getvalue()


def _repeated(start: bytes, unit: bytes, end: bytes, size: int) -> Iterator[bytes]:
    block = unit * max(1, MB // len(unit))
    yield start
    written = 0
    while written < size:
        yield block
        written += len(block)
    yield end


@cache
def sheet_bomb(size: int = 200 * MB, dimension: str = "") -> bytes:
    """A registry workbook whose sheet is `size` bytes of the same row (about 1,000 to 1)."""
    head = _SHEET_START + (f'<dimension ref="{dimension}"/>'.encode() if dimension else b"")
    header = b"<row>" + b"".join(
        b'<c t="inlineStr"><is><t>' + h.encode() + b"</t></is></c>" for h in REGISTRY_HEADERS
    )
    start = head + b"<sheetData>" + header + b"</row>"
    return _replaced(small_xlsx(), SHEET, _repeated(start, _ROW, b"</sheetData></worksheet>", size))


@cache
def declared_rows_bomb(rows: int = 10_000_000, columns: str = "D") -> bytes:
    """A workbook of a few kilobytes whose sheet declares `A1:{columns}{rows}` and has a header
    and one cell on row `rows`: openpyxl fills the rows between with empty ones (as far as the
    declared last row), each as wide as the declared columns."""
    return _replaced(small_xlsx(), SHEET, _sparse(rows, f"A1:{columns}{rows}"))


@cache
def gap_sheet(row: int = 1_048_576) -> bytes:
    """A workbook with a header and one cell on row `row` (the last a spreadsheet has), and no
    dimension: openpyxl hands out every empty row in between."""
    return _replaced(small_xlsx(), SHEET, _sparse(row, ""))


def _sparse(last: int, dimension: str) -> list[bytes]:
    head = _SHEET_START + (f'<dimension ref="{dimension}"/>'.encode() if dimension else b"")
    header = b"".join(
        b'<c t="inlineStr"><is><t>' + h.encode() + b"</t></is></c>" for h in REGISTRY_HEADERS
    )
    cell = f'<row r="{last}"><c r="A{last}" t="inlineStr"><is><t>Avery</t></is></c></row>'
    return [
        head + b'<sheetData><row r="1">' + header + b"</row>",
        cell.encode(),
        b"</sheetData></worksheet>",
    ]


def rows_sheet(
    rows: int, dimension: str = "", headers: tuple[str, ...] = tuple(REGISTRY_HEADERS)
) -> bytes:
    """A workbook of `rows` different people (row numbers written), whatever its dimension says."""
    head = _SHEET_START + (f'<dimension ref="{dimension}"/>'.encode() if dimension else b"")

    def chunks() -> Iterator[bytes]:
        yield head + b"<sheetData>"
        yield (
            b'<row r="1">'
            + b"".join(
                f'<c r="{c}1" t="inlineStr"><is><t>{h}</t></is></c>'.encode()
                for c, h in zip("ABCD", headers, strict=True)
            )
            + b"</row>"
        )
        for n in range(2, rows + 1):
            yield (
                f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>Person {n}</t></is></c>'
                f'<c r="B{n}" t="inlineStr"><is><t>p{n}@example.org</t></is></c></row>'
            ).encode()
        yield b"</sheetData></worksheet>"

    return _replaced(small_xlsx(), SHEET, chunks())


@cache
def docx_bomb(size: int = 200 * MB) -> bytes:
    """A .docx whose document.xml is `size` bytes of the same paragraph."""
    start = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body>"
    )
    return _replaced(
        small_docx(), DOCUMENT, _repeated(start, _PARAGRAPH, b"</w:body></w:document>", size)
    )


def with_part(base: bytes, part: str, content: bytes, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """`base` with one more part, compressed with `method`."""
    out = io.BytesIO(base)
    with zipfile.ZipFile(out, "a") as archive:
        archive.writestr(zipfile.ZipInfo(part), content, compress_type=method)
    return out.getvalue()


def forged(data: bytes, part: str, declared: int, crc_of: bytes | None = None) -> bytes:
    """`data` with the sizes `part` declares (central directory and local header) set to
    `declared`; with `crc_of`, the CRC made to match those bytes, so that zipfile finds nothing
    wrong with the first `declared` bytes. The part's data is left as it was."""
    patched = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(part)
        central = archive.start_dir  # the first directory entry
    crc = zlib.crc32(crc_of) if crc_of is not None else info.CRC
    while central >= 0:
        name_length = struct.unpack_from("<H", patched, central + 28)[0]
        if patched[central + 46 : central + 46 + name_length].decode() == part:
            struct.pack_into("<L", patched, central + 16, crc)
            struct.pack_into("<L", patched, central + 24, declared)
            break
        central = patched.find(b"PK\x01\x02", central + 4)
    local = info.header_offset
    struct.pack_into("<L", patched, local + 14, crc)
    struct.pack_into("<L", patched, local + 22, declared)
    return bytes(patched)
