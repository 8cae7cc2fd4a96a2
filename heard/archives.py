"""Look inside an upload before any parser opens it, and stop reading it at the limits.

An .xlsx or .docx file is a zip container. A few hundred kilobytes of it can inflate to gigabytes
(a decompression bomb), and a few kilobytes of sheet can make openpyxl hand out a million rows of
16,384 empty cells. Every parser Heard uses (openpyxl, python-docx, pyxform)
opens the container with Python's `zipfile`, so the figures in its central directory are what
these checks read, in milliseconds, before any parser runs:

- the end-of-central-directory record: how many parts, and how large the directory that lists
  them (read first, because `zipfile` parses the whole directory when it opens a file);
- each part's declared size, and their total;
- the compression ratio (declared size / compressed size) of each part big enough to matter, and
  of the file as a whole (so that many parts just under that size cannot add up to a bomb);
- the compression method: only stored and deflated parts, as Office writes them;
- that no part inflates past its declared size. `zipfile` cuts what it returns at the declared
  size, but only a streamed read (`open(...).read(n)`) stops inflating there: `read()` of a whole
  part, which python-docx and openpyxl use for all but the worksheets, inflates the entire stream
  first (up to 2 GiB per call) and truncates afterwards, even when the CRC was forged to match.
  tests/test_archives.py shows both. So each part is inflated here, in small steps, up to one byte
  past its declared size, and refused if that byte exists. The work is bounded by the declared
  total, which the limit already bounds; for a real file it costs a fraction of the parse;
- for a workbook, the rows and columns each worksheet declares in its `<dimension ref="A1:N9"/>`,
  found in the first 64 KiB of the sheet (a streamed, bounded read). openpyxl pads every row to
  the declared columns and fills gaps in the row numbers with empty rows, as far as the declared
  last row: a 5 KB sheet declaring A1:XFD1048576, with one cell on its last row, is the million
  rows of 16,384 cells above.

A sheet may declare no dimension, or lie about it, so `capped_rows` also stops a reader at the row
and column limits as it goes. A reader may allow more declared rows than its row limit, within a
budget of rows and cells read (`max_rows_read`, `max_cells_read`): the XLSForm reader does,
because Excel files that began as .xls files declare all 65,536 rows; then only rows with
something in them count toward the row limit, and reading stops once either budget, empty rows
and cells included, is spent. Plain text (CSV) gets a size limit and a line count (a newline count,
cheap) before it is decoded.

This module is pure (standard library only; an import-linter contract keeps it so) and sits at the
top of the package rather than in heard.core, because the analysis engine, which may import
neither Django nor heard.core, reads .xlsx records too. Each reader keeps its own `Limits` beside
the code that reads (registry import, XLSForm, session notes, engine records). Messages are English
templates marked with `gettext_noop` so that makemessages finds them; `Refused.describe` fills them
in, and heard.core.refusals translates them for the active language (the engine uses English).
"""

from __future__ import annotations

import io
import math
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sized
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import IO, TypeVar

KIB = 1024
MIB = 1024 * KIB
RATIO_GRACE = (
    MIB  # below this inflated size, a part or a file cannot amount to much, whatever its ratio
)
SHEET_HEAD = 64 * KIB  # how much of a worksheet is read to find its <dimension>
METADATA_HEAD = MIB  # bounded reads of [Content_Types].xml, the workbook and its relationships
DIRECTORY_ENTRY = KIB  # a generous size for one part's entry in the central directory
INFLATE_STEP = 256 * KIB  # compressed bytes read at a time when checking a part's real size


def gettext_noop(message: str) -> str:
    """Marks a message for makemessages; heard.core.refusals translates it when it is shown."""
    return message


# What is refused, and why. %(limit)s is always the limit; %(found)s what the file holds or says.
TOO_MANY_PARTS = gettext_noop(
    "“%(name)s” holds %(found)s parts, more than the limit of %(limit)s; nothing was read."
)
DIRECTORY_TOO_LARGE = gettext_noop(
    "“%(name)s” lists its parts in %(found)s, more than the limit of %(limit)s; nothing was read."
)
TOO_LARGE_INFLATED = gettext_noop(
    "“%(name)s” would expand to %(found)s when opened, more than the limit of %(limit)s; "
    "nothing was read."
)
PART_RATIO = gettext_noop(
    "“%(name)s” is compressed %(found)s to 1 in its part %(part)s, more than the limit of "
    "%(limit)s to 1; nothing was read."
)
FILE_RATIO = gettext_noop(
    "“%(name)s” is compressed %(found)s to 1, more than the limit of %(limit)s to 1; "
    "nothing was read."
)
UNUSUAL_COMPRESSION = gettext_noop(
    "“%(name)s” has a part, %(part)s, compressed in a way spreadsheets and documents never are; "
    "nothing was read."
)
PART_LARGER_THAN_DECLARED = gettext_noop(
    "“%(name)s” is damaged or forged: its part %(part)s holds more than the %(limit)s it "
    "declares; nothing was read."
)
DECLARED_ROWS = gettext_noop(
    "“%(name)s” declares %(found)s rows on sheet “%(sheet)s”, more than the limit of "
    "%(limit)s; nothing was read."
)
DECLARED_COLUMNS = gettext_noop(
    "“%(name)s” declares %(found)s columns on sheet “%(sheet)s”, more than the limit of "
    "%(limit)s; nothing was read."
)
TOO_MANY_ROWS = gettext_noop(
    "“%(name)s” has more rows on sheet “%(sheet)s” than the limit of %(limit)s; reading "
    "stopped there and nothing from the file was used."
)
TOO_MANY_CELLS = gettext_noop(
    "“%(name)s” holds more cells on sheet “%(sheet)s”, empty ones included, than the limit of "
    "%(limit)s; reading stopped there and nothing from the file was used."
)
TOO_MANY_COLUMNS = gettext_noop(
    "“%(name)s” has a row of %(found)s columns on sheet “%(sheet)s”, more than the limit of "
    "%(limit)s; reading stopped there and nothing from the file was used."
)
TOO_LARGE = gettext_noop(
    "“%(name)s” is %(found)s, more than the limit of %(limit)s; nothing was read."
)
TOO_MANY_LINES = gettext_noop(
    "“%(name)s” has %(found)s lines, more than the limit of %(limit)s; nothing was read."
)
# Sizes, in the units people read (1 MB = 1,048,576 bytes, as the upload screens count them).
SIZE_IN_MB = gettext_noop("%(amount)s MB")
SIZE_IN_KB = gettext_noop("%(amount)s KB")
SIZE_IN_BYTES = gettext_noop("%(amount)s bytes")

BYTES = "bytes"
COUNT = "count"


@dataclass(frozen=True)
class Limits:
    """What one kind of upload may hold. Each reader keeps its own, beside the code that reads."""

    max_bytes: int  # all parts inflated (a zip container), or the file itself (plain text)
    max_rows: int = 0  # per sheet, header included; 0 for a document
    max_columns: int = 0
    max_lines: int = 0  # plain text; 0 means max_rows
    max_parts: int = 1000  # Excel and Word write 10 to 30; images and comments add a few each
    max_ratio: int = 100  # real spreadsheets and documents compress 3 to 20 to 1; bombs about 1,000
    # Excel files that began as .xls often declare all 65,536 rows, nearly all of them empty. A
    # reader that sets these lets a sheet declare, and `capped_rows` read, up to
    # `max_rows_read` rows and `max_cells_read` cells (empty ones included); only rows with
    # something in them count toward max_rows. 0: every row counts, as declared.
    max_rows_read: int = 0
    max_cells_read: int = 0


class Refused(Exception):
    """The file goes past one of its limits. `describe` words it; `str()` gives the English."""

    def __init__(
        self,
        message: str,
        *,
        name: str,
        limit: int,
        found: int | None = None,
        unit: str = COUNT,
        part: str = "",
        sheet: str = "",
    ) -> None:
        self.message, self.name, self.limit, self.found = message, name, limit, found
        self.unit, self.part, self.sheet = unit, part, sheet
        super().__init__(self.describe())

    def describe(
        self,
        translate: Callable[[str], str] = gettext_noop,
        number: Callable[[int], str] = "{:,}".format,
    ) -> str:
        """The message, through `translate` (gettext) with numbers written by `number`."""

        def show(value: int) -> str:
            if self.unit != BYTES:
                return number(value)
            if value < KIB:
                return translate(SIZE_IN_BYTES) % {"amount": number(value)}
            if value < MIB:
                return translate(SIZE_IN_KB) % {"amount": number(math.ceil(value / KIB))}
            return translate(SIZE_IN_MB) % {"amount": number(math.ceil(value / MIB))}

        return translate(self.message) % {
            "name": self.name,
            "limit": show(self.limit),
            "found": "" if self.found is None else show(self.found),
            "part": self.part,
            "sheet": self.sheet,
        }


Source = bytes | Path


def check_zip(name: str, source: Source, limits: Limits) -> None:
    """Refused if the container `source` (bytes, or a file's path) goes past `limits`. A file that
    is not a zip container at all passes: the parser then says so in its own words."""
    _inspect(name, source, limits, workbook=False)


def check_xlsx(name: str, source: Source, limits: Limits) -> None:
    """`check_zip`, and the rows and columns each worksheet declares."""
    _inspect(name, source, limits, workbook=True)


def check_text(name: str, data: bytes, limits: Limits) -> None:
    """Refused if plain text is larger than `max_bytes` or has more lines than `max_lines`."""
    if len(data) > limits.max_bytes:
        raise Refused(TOO_LARGE, name=name, found=len(data), limit=limits.max_bytes, unit=BYTES)
    cap = limits.max_lines or limits.max_rows
    # Rows never outnumber line ends; max() counts files that end lines with \r alone too.
    lines = max(data.count(b"\n"), data.count(b"\r"))
    if data and not data.endswith((b"\n", b"\r")):
        lines += 1
    if cap and lines > cap:
        raise Refused(TOO_MANY_LINES, name=name, found=lines, limit=cap)


Row = TypeVar("Row", bound=Sized)


def capped_rows(
    rows: Iterable[Row],
    *,
    name: str,
    sheet: str,
    limits: Limits,
    is_empty: Callable[[Row], bool] | None = None,
) -> Iterator[Row]:
    """The rows, stopping with Refused at the first row past `max_rows` or wider than
    `max_columns`: a sheet may declare no dimension, or a false one. With `max_rows_read` (and
    `max_cells_read`) set and `is_empty` given, empty rows do not count toward `max_rows`, and
    reading stops past those budgets instead (Limits)."""
    counted = read = cells = 0
    padded = bool(limits.max_rows_read and is_empty)
    for row in rows:
        if len(row) > limits.max_columns:
            raise Refused(
                TOO_MANY_COLUMNS, name=name, sheet=sheet, found=len(row), limit=limits.max_columns
            )
        if padded:
            read += 1
            cells += len(row)
            if read > limits.max_rows_read:
                raise Refused(TOO_MANY_ROWS, name=name, sheet=sheet, limit=limits.max_rows_read)
            if cells > limits.max_cells_read:
                raise Refused(TOO_MANY_CELLS, name=name, sheet=sheet, limit=limits.max_cells_read)
            if is_empty and is_empty(row):
                yield row
                continue
        counted += 1
        if counted > limits.max_rows:
            raise Refused(TOO_MANY_ROWS, name=name, sheet=sheet, limit=limits.max_rows)
        yield row


# The container -----------------------------------------------------------------------------------

_END = struct.Struct("<4s4H2LH")  # end of central directory: 22 bytes, then a comment
_END64_LOCATOR = struct.Struct("<4sLQL")
_END64 = struct.Struct("<4sQ2H2L4Q")
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # 30 bytes, then the name and the extra field


def _opened(source: Source) -> AbstractContextManager[IO[bytes]]:
    if isinstance(source, bytes):
        return nullcontext(io.BytesIO(source))
    return source.open("rb")


def _directory(handle: IO[bytes]) -> tuple[int, int] | None:
    """(parts, directory size in bytes) from the end record, found as zipfile finds it (the
    record with no comment at the very end, else the last signature in the last 64 KiB, and the
    zip64 record when a locator precedes it); None when there is none (not a zip container)."""
    size = handle.seek(0, io.SEEK_END)
    handle.seek(max(0, size - (_END.size + 0xFFFF + _END64_LOCATOR.size + _END64.size)))
    tail = handle.read()
    at = len(tail) - _END.size
    if at < 0 or tail[at : at + 4] != b"PK\x05\x06" or tail[-2:] != b"\0\0":
        at = tail.rfind(b"PK\x05\x06", max(0, len(tail) - _END.size - 0xFFFF))
        if at < 0 or len(tail) - at < _END.size:
            return None
    fields = _END.unpack_from(tail, at)
    parts, directory = fields[4], fields[5]
    locator = at - _END64_LOCATOR.size
    record = locator - _END64.size
    if (
        record >= 0
        and tail[locator : locator + 4] == b"PK\x06\x07"
        and tail[record : record + 4] == b"PK\x06\x06"
    ):
        zip64 = _END64.unpack_from(tail, record)
        parts, directory = zip64[7], zip64[8]
    return parts, directory


def _inspect(name: str, source: Source, limits: Limits, *, workbook: bool) -> None:
    try:
        opened = _opened(source)
    except OSError:
        return  # the parser reports a missing or unreadable file
    with opened as handle:
        found = _directory(handle)
        if found is None:
            return
        parts, directory = found
        if parts > limits.max_parts:
            raise Refused(TOO_MANY_PARTS, name=name, found=parts, limit=limits.max_parts)
        if directory > limits.max_parts * DIRECTORY_ENTRY:
            raise Refused(
                DIRECTORY_TOO_LARGE,
                name=name,
                found=directory,
                limit=limits.max_parts * DIRECTORY_ENTRY,
                unit=BYTES,
            )
        file_size = handle.seek(0, io.SEEK_END)
        handle.seek(0)
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, ValueError, OSError, EOFError):
            return
        with archive:
            members = archive.infolist()
            _check_members(name, members, file_size, limits)
            for member in members:
                _check_inflation(name, handle, member)
            if workbook and limits.max_rows:
                _check_sheets(name, archive, limits)


def _check_members(
    name: str, members: list[zipfile.ZipInfo], file_size: int, limits: Limits
) -> None:
    if len(members) > limits.max_parts:
        raise Refused(TOO_MANY_PARTS, name=name, found=len(members), limit=limits.max_parts)
    total = sum(member.file_size for member in members)
    if total > limits.max_bytes:
        raise Refused(
            TOO_LARGE_INFLATED, name=name, found=total, limit=limits.max_bytes, unit=BYTES
        )
    for member in members:
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            # bzip2 and lzma parts are inflated whole by zipfile, whatever their declared size
            raise Refused(UNUSUAL_COMPRESSION, name=name, part=member.filename, limit=0)
        size, packed = member.file_size, max(member.compress_size, 1)
        if size > RATIO_GRACE and size > limits.max_ratio * packed:
            raise Refused(
                PART_RATIO,
                name=name,
                part=member.filename,
                found=math.ceil(size / packed),
                limit=limits.max_ratio,
            )
    if total > RATIO_GRACE and total > limits.max_ratio * max(file_size, 1):
        raise Refused(
            FILE_RATIO,
            name=name,
            found=math.ceil(total / max(file_size, 1)),
            limit=limits.max_ratio,
        )


def _check_inflation(name: str, handle: IO[bytes], member: zipfile.ZipInfo) -> None:
    """Refused if the part's deflated data inflates past its declared size. Stops one byte past
    it, so the work is bounded by the declared sizes; unreadable data is left to the parser."""
    if member.compress_type != zipfile.ZIP_DEFLATED:
        return
    handle.seek(member.header_offset)
    header = handle.read(_LOCAL_HEADER.size)
    if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        return
    fields = _LOCAL_HEADER.unpack(header)
    handle.seek(member.header_offset + _LOCAL_HEADER.size + fields[-2] + fields[-1])
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    allowed, produced, left = member.file_size, 0, member.compress_size
    try:
        while not inflater.eof:
            data = inflater.unconsumed_tail
            if not data:
                if left <= 0:
                    return
                data = handle.read(min(INFLATE_STEP, left))
                if not data:
                    return
                left -= len(data)
            produced += len(inflater.decompress(data, allowed + 1 - produced))
            if produced > allowed:
                raise Refused(
                    PART_LARGER_THAN_DECLARED,
                    name=name,
                    part=member.filename,
                    limit=allowed,
                    unit=BYTES,
                )
    except zlib.error:
        return


# Worksheets --------------------------------------------------------------------------------------

_ATTRIBUTE = re.compile(r"""([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_DIMENSION = re.compile(rb"<(?:[\w.-]+:)?dimension\b[^>]*?\bref\s*=\s*[\"']([^\"']+)[\"']")
_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)$")
WORKSHEET_TYPE = "spreadsheetml.worksheet+xml"


def _head(archive: zipfile.ZipFile, part: str, size: int) -> bytes:
    """The first `size` bytes of a part, inflating no more than that."""
    try:
        with archive.open(part) as stream:
            return stream.read(size)
    except (KeyError, zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, OSError):
        return b""


def _elements(text: str, tag: str) -> list[dict[str, str]]:
    """The attributes of each <tag ...> (any namespace prefix), prefixes dropped from names."""
    found = []
    for element in re.finditer(rf"<(?:[\w.-]+:)?{tag}\b([^>]*)>", text):
        found.append(
            {
                key.rsplit(":", 1)[-1]: unescape(double or single)
                for key, double, single in _ATTRIBUTE.findall(element.group(1))
            }
        )
    return found


def _text(archive: zipfile.ZipFile, part: str) -> str:
    return _head(archive, part, METADATA_HEAD).decode("utf-8", "replace")


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """{part name: sheet title} for every worksheet, titled from the workbook where it says."""
    names = set(archive.namelist())
    types = _elements(_text(archive, "[Content_Types].xml"), "Override")
    parts = {
        t.get("PartName", "").lstrip("/"): ""
        for t in types
        if WORKSHEET_TYPE in t.get("ContentType", "")
    }
    parts.update(
        {n: "" for n in names if re.fullmatch(r"xl/worksheets/[^/]+\.xml", n, re.IGNORECASE)}
    )
    book = next(
        (
            t.get("PartName", "").lstrip("/")
            for t in types
            if t.get("ContentType", "").endswith(".main+xml")
        ),
        "xl/workbook.xml",
    )
    folder, base = posixpath.split(book)
    targets = {
        r.get("Id", ""): r.get("Target", "")
        for r in _elements(
            _text(archive, posixpath.join(folder, "_rels", base + ".rels")), "Relationship"
        )
    }
    for sheet in _elements(_text(archive, book), "sheet"):
        target = targets.get(sheet.get("id", ""), "")
        if target:
            part = posixpath.normpath(
                target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            )
            parts[part] = sheet.get("name", "")
    return {part: title or part for part, title in parts.items() if part in names}


def _extent(reference: str) -> tuple[int, int] | None:
    """(rows, columns) a dimension such as "A1:N100001" reaches; None if it cannot be read."""
    rows = columns = 0
    for corner in reference.split(":"):
        found = _CELL.match(corner.strip())
        if found is None:
            return None
        column = 0
        for letter in found.group(1).upper():
            column = column * 26 + ord(letter) - ord("A") + 1
        rows, columns = max(rows, int(found.group(2))), max(columns, column)
    return rows, columns


def _check_sheets(name: str, archive: zipfile.ZipFile, limits: Limits) -> None:
    for part, sheet in sorted(_sheet_parts(archive).items()):
        found = _DIMENSION.search(_head(archive, part, SHEET_HEAD))
        extent = _extent(found.group(1).decode("ascii", "replace")) if found else None
        if extent is None:
            continue  # capped_rows still stops the reader
        rows, columns = extent
        padding = (
            rows <= limits.max_rows_read and rows * columns <= limits.max_cells_read
        )  # empty rows, which do not count toward max_rows (Limits)
        if rows > limits.max_rows and not padding:
            raise Refused(DECLARED_ROWS, name=name, sheet=sheet, found=rows, limit=limits.max_rows)
        if columns > limits.max_columns:
            raise Refused(
                DECLARED_COLUMNS, name=name, sheet=sheet, found=columns, limit=limits.max_columns
            )
