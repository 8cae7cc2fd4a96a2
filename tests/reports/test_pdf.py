"""A report version as tagged PDF: structure tree, document language, bookmarks, tables,
charts with alternative text, and the figures in its text, in both languages."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject
from weasyprint.urls import FatalURLFetchingError

from heard.reports import pdf, services
from tests.reports.test_questionnaire_results import _built


def _elements(node, found):
    """Every structure element under `node`, by its tag (/S)."""
    if isinstance(node, IndirectObject):
        node = node.get_object()
    if isinstance(node, list):
        for child in node:
            _elements(child, found)
        return found
    if isinstance(node, DictionaryObject):
        if "/S" in node:
            found.setdefault(str(node["/S"]), []).append(node)
        if "/K" in node:
            _elements(node["/K"], found)
    return found


@pytest.fixture
def version(done_run, analyst):
    return _built(done_run, analyst)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_pdf_is_tagged_declares_its_language_and_carries_the_figures(version, language):
    reader = PdfReader(io.BytesIO(pdf.version_pdf(version, language)))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == f"{language}-CA"
    assert catalog["/MarkInfo"]["/Marked"] is True or catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712
    elements = _elements(catalog["/StructTreeRoot"]["/K"], {})
    assert {"/H1", "/H2", "/P", "/Table", "/TH", "/TD", "/Figure"} <= set(elements)
    for figure in elements["/Figure"]:
        assert str(figure.get("/Alt", "")).strip(), "every chart has its alternative text"
    title = version.title_fr if language == "fr" else version.title_en
    assert reader.metadata.title == title
    bookmarks = [item.title for item in reader.outline if not isinstance(item, list)]
    assert title in bookmarks

    text = " ".join(page.extract_text() for page in reader.pages)
    flat = re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\xa0", " "))
    responses = int(version.figures["responses"]["value"])
    word = "réponses" if language == "fr" else "responses"
    assert f"{responses} {word}" in flat
    # Every count in the first results table is in the PDF's text.
    html = version.html(language)
    table = html[html.index("<tbody>") : html.index("</tbody>")]
    for cell in re.findall(r"<td>([^<]+)</td>", table):
        assert cell.replace("\u202f", " ").replace("\xa0", " ") in flat


@pytest.mark.slow
def test_a_figure_changed_in_the_data_changes_in_both_pdfs(version, done_run, analyst):
    before = {lang: pdf.version_pdf(version, lang) for lang in ("en", "fr")}
    from heard.questionnaires.models import Response

    Response.objects.filter(
        respondent__questionnaire__consultation=done_run.consultation
    ).first().delete()
    newer = services.build_version(actor=analyst, report=version.report)
    assert newer.figures["responses"]["value"] == version.figures["responses"]["value"] - 1
    for language in ("en", "fr"):
        text = " ".join(
            p.extract_text() for p in PdfReader(io.BytesIO(pdf.version_pdf(newer, language))).pages
        )
        old = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(before[language])).pages)
        value = str(int(newer.figures["responses"]["value"]))
        assert value in text and text != old


def test_the_renderer_fetches_nothing(version):
    html = pdf.print_html(version, "en").replace(
        "</body>", '<img src="https://example.org/tracker.png" alt="x"></body>'
    )
    with pytest.raises(FatalURLFetchingError) as refused:
        pdf.render_pdf(html)
    assert isinstance(refused.value.__cause__, pdf.ResourceRefused)
    assert "example.org" in str(refused.value.__cause__)
