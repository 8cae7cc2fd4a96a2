"""A report version as tagged PDF (PDF/UA-1), made with WeasyPrint from the version's stored HTML.

Tagging gives the PDF its structure (headings, paragraphs, lists, real tables, figures with
alternative text from each chart's SVG <title>), WeasyPrint makes bookmarks from the headings, and
the document language comes from `<html lang>`. Nothing is fetched while rendering: the page has no
external resource, and the URL fetcher refuses any that slipped in, so a PDF can never make a
request to a third party (or to anywhere).
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from heard.reports.models import Version

VARIANT = "pdf/ua-1"


class ResourceRefused(Exception):
    """A report's HTML asked for an outside resource while being rendered as PDF."""


def print_html(version: Version, language: str) -> str:
    """The whole HTML document WeasyPrint renders: the version's body inside a print page
    (document language, title, author, page numbers), with nothing outside it."""
    consultation = version.report.consultation
    with translation.override(language):
        return render_to_string(
            "reports/print.html",
            {
                "version": version,
                "title": version.title_fr if language == "fr" else version.title_en,
                "consultation": consultation,
                "language": language,
                "body": mark_safe(version.html(language)),  # noqa: S308 - rendered by build.render
            },
        )


def render_pdf(html: str) -> bytes:
    """Render a print document as tagged PDF/UA-1 (imported here: WeasyPrint needs Pango from
    the system, and nothing else in Heard does)."""
    import weasyprint
    from weasyprint.urls import URLFetcher

    class Refusing(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            raise ResourceRefused(f"The report asked for {url!r}; nothing is fetched.")

    # fail_on_errors: a refused resource stops the rendering instead of a silent gap.
    document = weasyprint.HTML(string=html, url_fetcher=Refusing(fail_on_errors=True))
    pdf: bytes = document.write_pdf(pdf_variant=VARIANT)
    return pdf


def version_pdf(version: Version, language: str) -> bytes:
    return render_pdf(print_html(version, language))
