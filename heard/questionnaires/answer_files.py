"""Files attached to answers (image, audio, video and file questions): what a respondent may send,
and the reads staff need. The writes are services.save_page's (in the page's transaction).

A stakeholder attaches their organisation's written brief, a photo of a poster, a recording of a
testimony. The answer holds the file's name, as ODK's does; the file is kept encrypted with the
response (models.AnswerFile) and goes with it. Only staff who may read answers download it, as an
attachment (never shown in a page of Heard), and each download is in the audit trail.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Protocol

from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.utils.formats import number_format
from django.utils.translation import gettext as _

FILE_TYPES = ("image", "audio", "video", "file")

# What each type takes, by extension (lower case). A file is never shown in a page: it is
# downloaded by staff as an attachment, so its extension only has to match what was asked.
_IMAGES = ("jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "bmp", "tif", "tiff")
_AUDIO = ("mp3", "m4a", "aac", "wav", "ogg", "oga", "opus", "flac", "amr", "weba")
_VIDEO = ("mp4", "m4v", "mov", "webm", "ogv", "avi", "mkv", "3gp", "mpeg", "mpg")
_DOCUMENTS = ("pdf", "doc", "docx", "odt", "rtf", "txt", "xls", "xlsx", "ods", "csv", "ppt")
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "image": _IMAGES,
    "audio": (*_AUDIO, "webm", "3gp"),
    "video": _VIDEO,
    "file": (*_DOCUMENTS, "pptx", "odp", *_IMAGES),
}
# The browser's file picker offers these first (the server checks the extension in any case).
ACCEPT = {
    "image": "image/*",
    "audio": "audio/*",
    "video": "video/*",
    "file": ",".join(f".{e}" for e in EXTENSIONS["file"]),
}


class Upload(Protocol):
    """What Django's UploadedFile gives: enough to check and keep a file."""

    name: str | None
    size: int | None
    content_type: str | None

    def chunks(self) -> Any: ...


@dataclass(frozen=True)
class Accepted:
    name: str  # the answer: the file's own name, made safe
    content: bytes
    content_type: str


def max_bytes() -> int:
    return int(settings.HEARD_ANSWER_FILE_MAX_MB) * 1024 * 1024


def safe_name(name: str) -> str:
    """The file's name without folders or control characters, at most 120 characters (its
    extension kept): it is the answer, shown on the check page and in exports."""
    base = re.split(r"[\\/]", name)[-1]
    base = "".join(
        c for c in unicodedata.normalize("NFC", base) if unicodedata.category(c)[0] != "C"
    )
    base = base.strip().strip(".") or "file"
    stem, dot, extension = base.rpartition(".")
    if not dot:
        return base[:120]
    return f"{stem[: 119 - len(extension)]}.{extension}"


def extension_of(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def accept(kind: str, upload: Upload) -> tuple[Accepted | None, str | None]:
    """(the file, None) if `upload` is what a `kind` question takes, else (None, why not)."""
    name = safe_name(upload.name or "")
    if extension_of(name) not in EXTENSIONS[kind]:
        # One sentence per kind, so that each translates whole.
        refusal = {
            "image": _("This question takes a picture (%(extensions)s): “%(name)s” is not one."),
            "audio": _("This question takes a recording (%(extensions)s): “%(name)s” is not one."),
            "video": _("This question takes a video (%(extensions)s): “%(name)s” is not one."),
            "file": _("This question takes a document (%(extensions)s): “%(name)s” is not one."),
        }[kind]
        return None, refusal % {"extensions": ", ".join(EXTENSIONS[kind]), "name": name}
    too_large = _("The file is larger than %(limit)s MB: send a smaller one.") % {
        "limit": number_format(settings.HEARD_ANSWER_FILE_MAX_MB)
    }
    if (upload.size or 0) > max_bytes():
        return None, too_large
    content = b"".join(upload.chunks())
    if not content:
        return None, _("The file “%(name)s” is empty.") % {"name": name}
    if len(content) > max_bytes():  # the size the browser declared is not trusted
        return None, too_large
    content_type = (upload.content_type or "application/octet-stream")[:100]
    return Accepted(name=name, content=content, content_type=content_type), None


def file_fields(form: Any, names: list[str]) -> list[str]:
    """The names (entry names in a repeat) among `names` that are file questions."""
    return [n for n in names if form.item(n)["type"] in FILE_TYPES]


@dataclass
class PageFiles:
    """A page's file questions as the respondent sent them: the answer each now has (the new
    file's name, the one kept, or "" when taken out), the files to keep, and what was refused
    (the file before stays; the message says why)."""

    answers: dict[str, str]
    accepted: dict[str, Accepted]
    errors: dict[str, str]


def read_uploads(
    form: Any, names: list[str], files: Any, post: Any, answers: dict[str, Any]
) -> PageFiles:
    """`files` is request.FILES, `post` request.POST; `answers` the answers before (flat). A
    box `<name>__remove` takes the file out; no file sent keeps the one before."""
    found = PageFiles({}, {}, {})
    for name in file_fields(form, names):
        before = str(answers.get(name) or "")
        upload = files.get(name) if files is not None else None
        if upload is not None and (upload.name or upload.size):
            accepted, problem = accept(form.item(name)["type"], upload)
            if accepted is not None:
                found.accepted[name] = accepted
                found.answers[name] = accepted.name
                continue
            found.errors[name] = problem or ""
        found.answers[name] = "" if post.get(f"{name}__remove") else before
    return found


class WithFiles:
    """The posted page with each file question's answer in it, for Form.read_page."""

    def __init__(self, post: Any, answers: dict[str, str]) -> None:
        self.post, self.answers = post, answers

    def get(self, key: str, default: Any = None) -> Any:
        return self.answers[key] if key in self.answers else self.post.get(key, default)

    def getlist(self, key: str) -> list[Any]:
        return self.post.getlist(key)


# A request keeps at most this many files' worth in memory (a page with more file questions than
# this, each near the limit, has the later ones refused as too large): the bound on what one
# request can make a web process hold.
FILES_KEPT_PER_REQUEST = 5


class KeptInMemory(FileUploadHandler):
    """Django writes an upload over 2.5 MB to a temporary file, in the clear; a respondent's file
    must never touch the disk unencrypted. This handler keeps each file in memory up to the size
    a question takes, and past it keeps counting without keeping (accept() then refuses it as too
    large). Installed by the views that read answer files, before the request body is read."""

    kept_in_request = 0

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.buffer: io.BytesIO | None = io.BytesIO()
        self.seen = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        self.seen += len(raw_data)
        self.kept_in_request += len(raw_data)
        too_much = self.kept_in_request > max_bytes() * FILES_KEPT_PER_REQUEST
        if self.buffer is not None and (self.seen > max_bytes() or too_much):
            self.buffer = None  # too large: what came is dropped, the rest only counted
        if self.buffer is not None:
            self.buffer.write(raw_data)
        return None

    def file_complete(self, file_size: int) -> InMemoryUploadedFile:
        content = self.buffer if self.buffer is not None else io.BytesIO()
        content.seek(0)
        # A file dropped for the request's total is reported past the limit, so refused as large.
        size = self.seen if self.buffer is not None else max(self.seen, max_bytes() + 1)
        return InMemoryUploadedFile(
            file=content,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )


def keep_uploads_in_memory(request: Any) -> None:
    """Before the body is read (the view is csrf_exempt and checks the token itself after)."""
    request.upload_handlers = [KeptInMemory(request)]
