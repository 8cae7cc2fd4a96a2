"""A report version as a Word document, for the departments that edit their reports in Word.

The document is made from the version's stored HTML (what `build.render` wrote), not rebuilt from
the data: the version is the record, and a Word file that said anything else would be a second
truth. That HTML is small and regular (our template plus markdown-it), so a standard-library
parser that maps each element to a built-in Word style is enough. What Word users rely on is kept:
heading styles (the navigation pane and Word's own table of contents work), list and quote
styles, tables with a repeating header row, links that open, and the spell-check language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from io import BytesIO
from typing import TYPE_CHECKING

from docx import Document
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph

if TYPE_CHECKING:  # the HTML half needs no Django, so that it can be used and tested alone
    from heard.reports.models import Version

LOCALES = {"en": "en-CA", "fr": "fr-CA"}
CODE_FONT = "Courier New"
LINK_COLOUR = RGBColor(0x05, 0x63, 0xC1)  # Word's own hyperlink blue: the template has no style
# A browser collapses these and only these: a no-break or narrow no-break space (the French
# "12 %") is text and stays.
WHITESPACE = re.compile(r"[ \t\n\r\f]+")
BLOCKS = {
    *("article", "section", "div", "header", "footer", "main", "nav", "p", "pre", "hr", "svg"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "dl", "dt", "dd"),
    *("figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "th", "td"),
}
FORMATS = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic", "code": "code"}
# Not written out: the contents list, because Word builds its own table of contents from the
# heading styles and the list's links point at anchors a Word file does not have; and the chart's
# drawing, whose aria-label is kept instead (the table beside it carries the same figures).
SKIPPED = {"nav", "svg", "script", "style", "template"}


@dataclass
class _Run:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str = ""
    kept: bool = False  # whitespace as written (inside <pre>)


@dataclass
class _List:
    number: int | None  # the Word numbering instance of a numbered list; None for bullets
    item_started: bool = False  # the current item has written its first paragraph


@dataclass
class _Row:
    head: bool
    cells: list[tuple[bool, list[_Run]]] = field(default_factory=list)  # (is a <th>, its text)


def version_docx(version: Version, language: str) -> bytes:
    """The version in one language ("en" or "fr") as the bytes of a .docx file."""
    consultation = version.report.consultation
    return html_to_docx(
        version.html(language),
        title=version.title_fr if language == "fr" else version.title_en,
        language=language,
        author=getattr(consultation, f"department_{language}", ""),
        created=version.built_at,
    )


def html_to_docx(
    html: str, *, title: str, language: str, author: str = "", created: dt.datetime | None = None
) -> bytes:
    document = Document()
    locale = LOCALES.get(language, language)
    properties = document.core_properties
    properties.title, properties.language = title, locale
    # Otherwise python-docx's template names "python-docx" as the author and dates the file 2013.
    properties.author = properties.last_modified_by = author
    if created is not None:
        properties.created = properties.modified = created.astimezone(dt.UTC)
    # The default run language is what Word spell-checks the text in.
    for lang in document.styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang"):
        lang.set(qn("w:val"), locale)
    writer = _Writer(document)
    writer.feed(html)
    writer.close()
    writer.flush()
    out = BytesIO()
    document.save(out)
    return out.getvalue()


class _Writer(HTMLParser):
    """Writes the HTML into the document as it reads it, one Word paragraph per HTML block."""

    def __init__(self, document: WordDocument) -> None:
        super().__init__(convert_charrefs=True)
        self.document = document
        self.runs: list[_Run] = []  # the paragraph being gathered, its style and numbering
        self.style = "Normal"
        self.number: int | None = None
        self.blocks: list[str] = []  # open block elements, outermost first
        self.lists: list[_List] = []
        self.formats: Counter[str] = Counter()  # how many <strong>, <em>, <code> are open
        self.skipping = 0
        self.links: list[str] = []
        self.rows: list[_Row] | None = None  # the table being gathered
        self.cell: list[_Run] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag in SKIPPED or self.skipping:
            self.skipping += tag in SKIPPED
            if tag == "svg" and self.skipping == 1 and attributes.get("aria-label"):
                self.flush()
                self.runs = [_Run(WHITESPACE.sub(" ", attributes["aria-label"]), italic=True)]
                self.style, self.number = "Normal", None
                self.flush()
            return
        if tag in BLOCKS:
            if self.cell is None:
                self.flush()
            self.blocks.append(tag)
        if tag in ("ul", "ol"):
            number = None
            if tag == "ol":
                start = attributes.get("start", "")
                number = self._restart(
                    self._list_style("List Number", len(self.lists) + 1),
                    int(start) if start.isdigit() else 1,
                )
            self.lists.append(_List(number))
        elif tag == "li" and self.lists:
            self.lists[-1].item_started = False
        elif tag == "table":
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.rows.append(_Row(head="thead" in self.blocks))
        elif tag in ("th", "td") and self.rows:
            self.cell = []
            self.rows[-1].cells.append((tag == "th", self.cell))
        elif tag in FORMATS:
            self.formats[FORMATS[tag]] += 1
        elif tag == "a":
            # Only a link that leads somewhere from a file: the site's own relative links and
            # in-page anchors would not, so they keep just their text.
            href = attributes.get("href", "")
            self.links.append(href if href.startswith(("http://", "https://", "mailto:")) else "")
        elif tag == "br":
            self._add("\n", kept=True)
        elif tag == "img" and attributes.get("alt"):
            self._add(WHITESPACE.sub(" ", attributes["alt"]))

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            self.skipping -= tag in SKIPPED
            return
        if tag in BLOCKS and tag in self.blocks:
            if self.cell is None:
                self.flush()
            while self.blocks.pop() != tag:
                pass
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag in ("th", "td"):
            self.cell = None
        elif tag == "table" and self.rows is not None:
            self._table(self.rows)
            self.rows = None
        elif tag in FORMATS and self.formats[FORMATS[tag]]:
            self.formats[FORMATS[tag]] -= 1
        elif tag == "a" and self.links:
            self.links.pop()

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if "pre" in self.blocks:
            self._add(data, kept=True)
        else:
            self._add(WHITESPACE.sub(" ", data))

    def _add(self, text: str, *, kept: bool = False) -> None:
        target = self.cell if self.cell is not None else self.runs
        if not target and not text.strip(" "):
            return  # whitespace between blocks starts no paragraph
        if target is self.runs and not self.runs:
            self.style, self.number = self._paragraph_style()
        bold, italic, code = (self.formats[name] > 0 for name in ("bold", "italic", "code"))
        link = next((href for href in reversed(self.links) if href), "")
        target.append(_Run(text, bold or "dt" in self.blocks, italic, code, link, kept))

    def _paragraph_style(self) -> tuple[str, int | None]:
        """The style of a paragraph that starts here: the innermost block that decides one."""
        for tag in reversed(self.blocks):
            if re.fullmatch(r"h[1-6]", tag):
                return f"Heading {tag[1]}", None
            if tag == "figcaption":
                return "Caption", None
            if tag == "li" and self.lists:
                current, depth = self.lists[-1], len(self.lists)
                if current.item_started:  # an item's second paragraph continues it
                    return self._list_style("List Continue", depth), None
                current.item_started = True
                kind = "List Bullet" if current.number is None else "List Number"
                return self._list_style(kind, depth), current.number
            if tag == "blockquote":
                return "Quote", None
        return "Normal", None

    @staticmethod
    def _list_style(kind: str, depth: int) -> str:
        return kind if depth == 1 else f"{kind} {min(depth, 3)}"  # the template stops at 3

    def _restart(self, style: str, start: int) -> int:
        """A numbering instance of its own for a numbered list: Word's list style shares one, so
        each list would otherwise carry on from the last number of the one before."""
        style_element = self.document.styles[style].element
        shared = style_element.xpath("./w:pPr/w:numPr/w:numId/@w:val")[0]
        numbering = self.document.part.numbering_part.element
        num = numbering.add_num(numbering.num_having_numId(int(shared)).abstractNumId.val)
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return int(num.numId)

    def flush(self) -> None:
        runs, self.runs = _tidy(self.runs), []
        if not runs:
            return
        paragraph = self.document.add_paragraph(style=self.style)
        if self.number is not None:
            numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numbering.get_or_add_ilvl().val = 0
            numbering.get_or_add_numId().val = self.number
        _write(paragraph, runs)

    def _table(self, rows: list[_Row]) -> None:
        width = max((len(row.cells) for row in rows), default=0)
        if not width:
            return
        table = self.document.add_table(rows=0, cols=width)
        table.style = "Table Grid"
        repeating = True  # the header rows at the top repeat on each page the table spans
        for row in rows:
            word_row = table.add_row()
            repeating = repeating and (row.head or all(th for th, _ in row.cells))
            if repeating:
                word_row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
            for cell, (th, runs) in zip(word_row.cells, row.cells, strict=False):
                _write(
                    cell.paragraphs[0], [replace(run, bold=run.bold or th) for run in _tidy(runs)]
                )


def _tidy(runs: list[_Run]) -> list[_Run]:
    """The runs without the spaces a browser would not show: at the start and end of a block,
    and the second of two where runs meet."""
    tidy: list[_Run] = []
    after_space = True
    for run in runs:
        text = run.text if run.kept or not after_space else run.text.lstrip(" ")
        if text:
            tidy.append(replace(run, text=text))
            after_space = text[-1] in " \n"
    while tidy:
        last = tidy.pop()
        if text := last.text.rstrip("\n" if last.kept else " "):
            tidy.append(replace(last, text=text))
            break
    return tidy


def _write(paragraph: Paragraph, runs: list[_Run]) -> None:
    link, href = None, ""
    for run in runs:
        if run.href != href:
            link, href = None, run.href
            if href:  # a real hyperlink, so that the link opens from Word
                link = OxmlElement("w:hyperlink")
                link.set(
                    qn("r:id"),
                    paragraph.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True),
                )
                paragraph._p.append(link)
        word_run = paragraph.add_run()
        for index, line in enumerate(run.text.split("\n")):
            if index:
                word_run.add_break()
            if line:
                word_run.add_text(line)
        word_run.bold, word_run.italic = run.bold or None, run.italic or None
        if run.code:
            word_run.font.name = CODE_FONT
        if link is not None:
            word_run.font.color.rgb, word_run.font.underline = LINK_COLOUR, True
            link.append(word_run._r)
