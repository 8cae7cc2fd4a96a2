"""A version's downloadable files: tagged PDF and DOCX in each language, and the bilingual open
data package. A published version's file is made the first time it is asked for and kept (a
published version never changes, so neither do its files); two first requests at once make it
twice and keep one. The team's preview of an unpublished version is made each time, not kept."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.db.models.functions import Length
from django.utils import timezone

from heard.reports.models import FileKind, Version, VersionFile

MEDIA_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileKind.DATA: "application/zip",
}
EXTENSIONS = {FileKind.PDF: "pdf", FileKind.DOCX: "docx", FileKind.DATA: "zip"}


def _maker(kind: str) -> Callable[[Version, str], bytes]:
    # Imported when needed: WeasyPrint (PDF) loads Pango, which no other page needs.
    if kind == FileKind.PDF:
        from heard.reports.pdf import version_pdf

        return version_pdf
    if kind == FileKind.DOCX:
        from heard.reports.docx import version_docx

        return version_docx
    from heard.reports.datapackage import data_package

    return lambda version, _language: data_package(version)


def file_language(kind: str, language: str) -> str:
    """The data package is one file for both languages; the documents are one per language."""
    return "" if kind == FileKind.DATA else language


def version_file(version: Version, kind: str, language: str) -> VersionFile:
    language = file_language(kind, language)
    found = VersionFile.objects.filter(version=version, kind=kind, language=language).first()
    if found is not None:
        return found
    content = _maker(kind)(version, language)
    made = VersionFile(
        version=version,
        kind=kind,
        language=language,
        content=content,
        sha256=hashlib.sha256(content).hexdigest(),
        made_at=timezone.now(),
    )
    if version.published_at is None:
        # The team's preview of a version not yet published: made each time and not kept, since
        # the published file will say when it was published (and any correction).
        return made
    try:
        with transaction.atomic():
            made.save(force_insert=True)
            return made
    except IntegrityError:  # made at the same moment by another request: keep the first
        return VersionFile.objects.get(version=version, kind=kind, language=language)


def make_all(version: Version) -> list[VersionFile]:
    """Every file of a version (the demo makes them ahead, so no reader waits)."""
    return [
        version_file(version, kind, language)
        for kind in (FileKind.PDF, FileKind.DOCX)
        for language in ("en", "fr")
    ] + [version_file(version, FileKind.DATA, "")]


def sizes(version: Version, language: str) -> dict[str, int]:
    """The sizes of the files already made, by kind, for the download links."""
    rows = (
        VersionFile.objects.filter(version=version, language__in=[language, ""])
        .annotate(size=Length("content"))
        .values_list("kind", "size")
    )
    return dict(rows)


def filename(version: Version, kind: str, language: str) -> str:
    consultation = version.report.consultation
    slug = getattr(consultation, f"slug_{language}", "") or consultation.slug_en
    suffix = "" if kind == FileKind.DATA else f"-{language}"
    return f"{slug}-{version.report.kind}-v{version.number}{suffix}.{EXTENSIONS[FileKind(kind)]}"
