"""Pictures, recordings and videos in questions and choices: XLSForm's media columns.

A form names its media files in `media::image`, `media::big-image`, `media::audio` and
`media::video` columns (or `image`, `audio`, … as pyxform also reads them), on the survey sheet
for a question or a note and on the choices sheet for a choice, in a language or without one. The
files come with the form or later, as files of choices do, and the questionnaire does not open
while one is missing (heard.questionnaires.readiness). Heard keeps them in the database
(FormMedia: not personal data, so not encrypted), one copy per questionnaire and content, and
serves them itself to the respondents of that questionnaire and to its staff: a page never asks
another site for anything.

In the definition: `field["media"]` and `choice["media"]` map a kind to its file in each
language (`{"image": {"en": "map.png", "fr": "carte.png"}}`); a file given for one language only
is shown in both, since a picture seldom needs translating. `definition["media"]` maps each file
the form names to its kind and, once attached, its SHA-256, size and content type. The cells
themselves are kept as written, so the form goes back to XLSForm unchanged.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from heard.questionnaires.xlsform_sheets import FormError, FormProblem

KINDS = ("image", "big-image", "audio", "video")
_PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
EXTENSIONS = {
    "image": _PICTURES,
    "big-image": _PICTURES,
    "audio": (".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".wav", ".weba"),
    "video": (".mp4", ".m4v", ".webm", ".ogv"),
}
CONTENT_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".aac": "audio/aac",
    ".ogg": "audio/ogg",
    ".oga": "audio/ogg",
    ".opus": "audio/ogg",
    ".wav": "audio/wav",
    ".weba": "audio/webm",
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".webm": "video/webm",
    ".ogv": "video/ogg",
}
MAX_MEDIA_BYTES = 10 * 1024 * 1024


def _riff(form: bytes) -> Callable[[bytes], bool]:
    return lambda data: data[:4] == b"RIFF" and data[8:12] == form


def _mp4(data: bytes) -> bool:
    return data[4:8] == b"ftyp"


def _mp3(data: bytes) -> bool:
    return data[:3] == b"ID3" or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0)


def _svg(data: bytes) -> bool:
    return b"<svg" in data[:4096].lower()


# What the first bytes of each kind of file look like: a file whose content is not what its
# name says is refused, since a browser would not show it.
SIGNATURES: dict[str, Callable[[bytes], bool]] = {
    ".png": lambda data: data[:8] == b"\x89PNG\r\n\x1a\n",
    ".jpg": lambda data: data[:3] == b"\xff\xd8\xff",
    ".jpeg": lambda data: data[:3] == b"\xff\xd8\xff",
    ".gif": lambda data: data[:4] == b"GIF8",
    ".webp": _riff(b"WEBP"),
    ".svg": _svg,
    ".mp3": _mp3,
    ".m4a": _mp4,
    ".aac": lambda data: len(data) > 1 and data[0] == 0xFF and data[1] & 0xF6 == 0xF0,
    ".ogg": lambda data: data[:4] == b"OggS",
    ".oga": lambda data: data[:4] == b"OggS",
    ".opus": lambda data: data[:4] == b"OggS",
    ".wav": _riff(b"WAVE"),
    ".weba": lambda data: data[:4] == b"\x1a\x45\xdf\xa3",
    ".mp4": _mp4,
    ".m4v": _mp4,
    ".webm": lambda data: data[:4] == b"\x1a\x45\xdf\xa3",
    ".ogv": lambda data: data[:4] == b"OggS",
}


def extension(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def header_kind(header: str, double_colons: bool) -> tuple[str, str] | None:
    """(kind, language as written) for a media column: `media::image::English (en)` is
    ("image", "English (en)"), `audio` is ("audio", ""). None for any other column."""
    split = "::" if double_colons or "::" in header else ":"
    tokens = [t.strip() for t in header.split(split)]
    first = tokens[0].lower()
    if first == "media" and len(tokens) >= 2 and tokens[1].lower() in KINDS:
        kind, rest = tokens[1].lower(), tokens[2:]
    elif first in KINDS:
        kind, rest = first, tokens[1:]
    else:
        return None
    return kind, " ".join(split.join(rest).split())


def read_row(
    row: Mapping[str, str], headers: Mapping[str, tuple[str, str | None]]
) -> dict[str, dict[str, str]]:
    """A row's media: each kind's file in English and French. `headers` maps each media column
    to (kind, "en", "fr", "" for both, or None for another language, whose files are kept and
    not shown). A file given for one language is shown in the other too, unless it has its own."""
    found: dict[str, dict[str, str]] = {}
    for header, (kind, language) in headers.items():
        value = row.get(header, "").strip()
        if value and language is not None:
            for each in [language] if language else ["en", "fr"]:
                found.setdefault(kind, {}).setdefault(each, value)
    for files in found.values():
        for language, other in (("en", "fr"), ("fr", "en")):
            if language not in files:
                files[language] = files[other]
    return found


def name_problem(kind: str, name: str) -> str | None:
    """Why a media cell cannot name a file Heard shows, or None."""
    if "/" in name or "\\" in name:
        return _("Write the media file's name alone, without a folder: “%(name)s”.") % {
            "name": name.replace("\\", "/").rsplit("/", 1)[-1]
        }
    if extension(name) not in EXTENSIONS[kind]:
        what = {
            "image": _("a picture"),
            "big-image": _("a picture"),
            "audio": _("a recording"),
            "video": _("a video"),
        }[kind]
        return _("“%(name)s” is not %(what)s a browser can show: use a %(extensions)s file.") % {
            "name": name,
            "what": what,
            "extensions": ", ".join(EXTENSIONS[kind]),
        }
    return None


def named(media: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """The files a row's media name, with their kind (a larger picture is a picture)."""
    return {
        name: "image" if kind == "big-image" else kind
        for kind, files in media.items()
        for name in files.values()
    }


def missing(definition: Mapping[str, Any]) -> list[str]:
    """The media files the form names that are not attached yet."""
    return sorted(n for n, entry in definition.get("media", {}).items() if not entry["attached"])


def carry(definition: dict[str, Any], before: Mapping[str, Any] | None) -> None:
    """The media files attached to the form before (the same form uploaded again, a
    translation) stay attached where the new form names them for the same kind of media."""
    if before is None:
        return
    kept = before.get("media", {})
    for name, entry in definition.get("media", {}).items():
        earlier = kept.get(name)
        if earlier and earlier["attached"] and earlier["kind"] == entry["kind"]:
            definition["media"][name] = dict(earlier)


@dataclass(frozen=True)
class Blob:
    sha256: str
    content_type: str
    data: bytes


def attach(
    definition: Mapping[str, Any], files: Mapping[str, bytes]
) -> tuple[dict[str, Any], list[Blob]]:
    """The definition with these media files attached, and their contents to keep; FormError,
    nothing changed, when one is not a file of the kind its name says or is too large."""
    named_media = definition.get("media", {})
    problems: list[FormProblem] = []
    updated = copy.deepcopy(dict(definition))
    blobs = []
    for name, data in files.items():
        kind = named_media[name]["kind"]
        ext = extension(name)
        if len(data) > MAX_MEDIA_BYTES:
            problems.append(
                FormProblem(
                    name,
                    None,
                    "",
                    _("The file is larger than %(limit)d MB.")
                    % {"limit": MAX_MEDIA_BYTES // (1024 * 1024)},
                )
            )
            continue
        if not data or not SIGNATURES[ext](data):
            problems.append(
                FormProblem(
                    name,
                    None,
                    "",
                    _(
                        "The file's content is not a %(extension)s file, as its name says: "
                        "save it again in that format, or rename it after what it is."
                    )
                    % {"extension": ext},
                )
            )
            continue
        digest = hashlib.sha256(data).hexdigest()
        content_type = CONTENT_TYPES[ext]
        updated["media"][name] = {
            "attached": True,
            "kind": kind,
            "sha256": digest,
            "bytes": len(data),
            "content_type": content_type,
        }
        blobs.append(Blob(digest, content_type, data))
    if problems:
        raise FormError(problems)
    return updated, blobs


@dataclass(frozen=True)
class MediaView:
    """One picture, recording or video to show: its kind and address; for a picture with a
    larger one, the larger one's address."""

    kind: str
    url: str
    larger_url: str = ""


def views(
    media: Mapping[str, Mapping[str, str]] | None,
    language: str,
    attached: Mapping[str, Mapping[str, Any]],
    url: Callable[[str, str], str] | None,
) -> list[MediaView]:
    """What a question or a choice shows, in the page's language: `url(sha256, name)` is where
    the page reads a file. Nothing without a `url` (a screen that shows no media)."""
    if not media or url is None:
        return []

    def address(kind: str) -> str:
        name = (media.get(kind) or {}).get(language, "")
        entry = attached.get(name) if name else None
        return url(entry["sha256"], name) if entry and entry.get("attached") else ""

    found = []
    picture, larger = address("image"), address("big-image")
    if picture or larger:
        found.append(MediaView("image", picture or larger, larger if picture else ""))
    for kind in ("audio", "video"):
        if address(kind):
            found.append(MediaView(kind, address(kind)))
    return found
