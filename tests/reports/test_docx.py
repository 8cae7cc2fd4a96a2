"""A version as a Word document keeps its structure: heading styles, tables with a repeating
header row and every figure, lists, quotes, links, and the language Word spell-checks in."""

from __future__ import annotations

import html
import re
from io import BytesIO

import docx
import pytest
from docx.oxml.ns import qn

from heard.reports import services
from heard.reports.docx import html_to_docx, version_docx
from tests.reports.conftest import written

pytestmark = pytest.mark.django_db


def _text(fragment: str) -> str:
    """An HTML fragment's text, the way the document should show it: only ASCII whitespace
    collapses, so the narrow no-break space of the French "14 %" is kept."""
    text = html.unescape(re.sub(r"<[^>]+>", "", fragment))
    return re.sub(r"[ \t\n\r\f]+", " ", text).strip(" ")


def _default_language(document) -> str:
    return document.styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")[0]


def _questionnaire_version(done_run, analyst):
    report = written(
        done_run,
        analyst,
        "questionnaire",
        english="We received [[responses]] responses.\n\n- **first**\n- *second*",
        french="Nous avons reçu [[responses]] réponses.\n\n- **premier**\n- *second*",
    )
    return services.build_version(actor=analyst, report=report)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_questionnaire_report_keeps_its_structure_and_figures(done_run, analyst, language):
    version = _questionnaire_version(done_run, analyst)
    page = version.html(language)
    document = docx.Document(BytesIO(version_docx(version, language)))
    title = version.title_fr if language == "fr" else version.title_en

    # The headings: the title, then each section of the page in order (not the contents list,
    # which Word makes for itself).
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    sections = [
        _text(heading)
        for anchor, heading in re.findall(r'<h2 id="([^"]+)">(.*?)</h2>', page)
        if not anchor.startswith("contents-")
    ]
    assert len(sections) >= 3
    assert headings[0] == ("Heading 1", title)
    assert [text for style, text in headings if style == "Heading 2"] == sections

    # One Word table per HTML table; the header row repeats on each page, in bold.
    assert len(document.tables) == page.count("<table") > 0
    first_table = page.split("<table", 1)[1].split("</table>", 1)[0]
    table = document.tables[0]
    assert table.style.name == "Table Grid"
    header = table.rows[0]
    assert header._tr.trPr is not None and header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.rows[1]._tr.trPr is None or table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    columns = [_text(cell) for cell in re.findall(r'<th scope="col">(.*?)</th>', first_table)]
    assert columns[0] == ("Choix" if language == "fr" else "Choice")
    assert [cell.text for cell in header.cells] == columns
    assert all(run.bold for cell in header.cells for run in cell.paragraphs[0].runs)
    # Every figure of the table is in the document's table, row by row.
    html_rows = re.findall(r"<tr><th scope=\"row\">.*?</tr>", first_table)
    assert len(table.rows) == 1 + len(html_rows)
    for html_row, word_row in zip(html_rows, table.rows[1:], strict=True):
        cells = [_text(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", html_row)]
        assert [cell.text for cell in word_row.cells] == cells

    # The charts are not drawn; their description is kept, in italics, once per chart.
    labels = [_text(label) for label in re.findall(r'<svg role="img" aria-label="([^"]*)"', page)]
    described = [p for p in document.paragraphs if p.text in labels]
    assert len(described) == len(labels) > 0
    assert all(run.italic for p in described for run in p.runs)

    # The section text with its resolved figures, and its Markdown list.
    text = "\n".join(p.text for p in document.paragraphs)
    sentence = re.search(r"<p>((?:We received|Nous avons reçu) [^<]*)</p>", page)
    assert sentence and _text(sentence.group(1)) in text
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets and bullets[0].runs[0].bold and bullets[1].runs[0].italic

    assert document.core_properties.title == title
    assert document.core_properties.language == f"{language}-CA"
    assert _default_language(document) == f"{language}-CA"


SNIPPET = """<article class="report" lang="fr">
<h1>Ce que nous avons entendu</h1>
<nav><h2>Table des matières</h2><ol><li><a href="#s1">Skipped entry</a></li></ol></nav>
<section><h2 id="s1">Sommaire</h2>
<p>Un   texte
   avec <strong>gras</strong>, <em>italique</em>, <code>code</code> et un
<a href="https://example.org/rapport">lien</a>; <a href="/fr/relative">relatif</a>.</p>
<h3>Détails</h3><h4>Plus bas</h4>
<ul><li>premier<ul><li>imbriqué</li></ul></li><li>deuxième</li></ul>
<ol><li>un</li><li>deux</li></ol>
<ol start="3"><li><p>trois</p><p>suite</p></li></ol>
<blockquote><p>Une citation.</p></blockquote>
<p>12&nbsp;%<br>ligne<custom-tag> inconnue</custom-tag></p>
<figure><figcaption><strong>Question</strong> (réponses)</figcaption>
<table><thead><tr><th>Choix</th><th>Nombre</th></tr></thead>
<tbody><tr><td>Oui</td><td>12</td></tr></tbody></table>
<svg role="img" aria-label="Graphique des réponses"><text>drawn label</text></svg></figure>
<dl><dt>Moteur</dt><dd>heard 1.0</dd></dl>
</section></article>"""


def test_each_html_element_becomes_its_word_style():
    document = docx.Document(BytesIO(html_to_docx(SNIPPET, title="Rapport", language="fr")))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    by_text = {p.text: p for p in document.paragraphs}

    assert paragraphs[:2] == [("Heading 1", "Ce que nous avons entendu"), ("Heading 2", "Sommaire")]
    assert ("Heading 3", "Détails") in paragraphs and ("Heading 4", "Plus bas") in paragraphs
    text = "\n".join(text for _, text in paragraphs)
    assert "Table des matières" not in text and "Skipped entry" not in text
    assert "drawn label" not in text

    # Whitespace collapses as in a browser; runs keep their formatting; links open.
    body = by_text["Un texte avec gras, italique, code et un lien; relatif."]
    runs = {run.text: run for run in body.iter_inner_content() if hasattr(run, "bold")}
    assert runs["gras"].bold and runs["italique"].italic
    assert runs["code"].font.name == "Courier New"
    assert [(link.text, link.address) for link in body.hyperlinks] == [
        ("lien", "https://example.org/rapport")
    ]

    assert [(style, t) for style, t in paragraphs if style.startswith("List")] == [
        ("List Bullet", "premier"),
        ("List Bullet 2", "imbriqué"),
        ("List Bullet", "deuxième"),
        ("List Number", "un"),
        ("List Number", "deux"),
        ("List Number", "trois"),
        ("List Continue", "suite"),
    ]
    # Each numbered list counts from its own start, not on from the list before.
    numbering = document.part.numbering_part.element

    def start(paragraph) -> str:
        num_id = paragraph._p.pPr.numPr.numId.val
        return numbering.xpath(
            f'./w:num[@w:numId="{num_id}"]/w:lvlOverride/w:startOverride/@w:val'
        )[0]

    assert by_text["un"]._p.pPr.numPr.numId.val == by_text["deux"]._p.pPr.numPr.numId.val
    assert by_text["un"]._p.pPr.numPr.numId.val != by_text["trois"]._p.pPr.numPr.numId.val
    assert (start(by_text["un"]), start(by_text["trois"])) == ("1", "3")

    assert by_text["Une citation."].style.name == "Quote"
    assert "12\u00a0%\nligne inconnue" in by_text  # no-break space kept, <br> a line break
    assert by_text["Question (réponses)"].style.name == "Caption"

    table = document.tables[0]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Choix", "Nombre"],
        ["Oui", "12"],
    ]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None

    chart = by_text["Graphique des réponses"]
    assert chart.style.name == "Normal" and all(run.italic for run in chart.runs)

    term, definition = by_text["Moteur"], by_text["heard 1.0"]
    assert term.runs[0].bold and term.style.name == "Normal"
    assert definition.style.name == "Normal" and not definition.runs[0].bold

    assert document.core_properties.title == "Rapport"
    assert document.core_properties.language == "fr-CA"
    assert _default_language(document) == "fr-CA"
