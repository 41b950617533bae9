"""The document as a flat list of blocks, read from the rendered HTML.

A document's wording lives once, in its HTML template. The PDF is that HTML;
the DOCX is the same HTML read back into blocks and laid out by docxtpl, so both
formats carry the same text by construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lxml import html as lxml_html

from .errors import BuildError
from .render_html import WORD_JOINER

# Block kinds: title, subtitle, heading, subheading, paragraph, note (small print), addressee,
# signature, signature_line, item (bulleted), numbered (numbered list item), table, figure (a chart,
# its caption as text).
_TAGS = {"h1": "title", "h2": "heading", "h3": "subheading", "p": "paragraph"}
# The kind of a paragraph by its class, the first that matches: the signature's line is a paragraph
# of its own kind, its tab stops drawing the line the PDF draws as span.line.
_CLASS_KINDS = {"signature-line": "signature_line", "subtitle": "subtitle", "note": "note",
                "addressee": "addressee", "signature": "signature"}
_PAGE_PLACEHOLDER = re.compile(r"\{(page|pages)\}")
# A heading's own number as the templates type it: "1.", "3.2.", "IV.", then a space.
_HEADING_NUMBER = re.compile(r"((?:\d+\.)+|[IVXLC]+\.) (.+)")
# The PDF prints the confidential mark in the page header (style.css); the DOCX in its header part.
_HEADER_ONLY = "confidential-mark"
# The first line of an addressee after the first (p.addressee.next-body), set apart from the one before.
_NEXT_BODY = "next-body"

# The ids the templates give headings a cross-reference points to ("section-3-2"): Word's bookmark
# names are letters, digits and underscores, at most 40 of them.
_ANCHOR = re.compile(r"[A-Za-z][A-Za-z0-9-]{0,31}")

# The marks a run of text may carry in the DOCX: an open point (shaded and bold, as the PDF sets
# .open-point) and the line to sign on (the PDF's span.line; tab stops and a leader draw it).
OPEN_POINT, LINE = "open-point", "line"
NON_BREAKING_HYPHEN = "\u2011"
_OPEN_POINT_CLASS = "open-point"
_SIGNATURE_LINE_CLASS = "line"

# What a table's column holds, from the class or tag of its body cells: a row label (a <th> in
# <tbody>, as in the label/value tables), a running number (td.number), or text.
LABEL, NUMBER, TEXT = "label", "number", "text"


# A piece of a paragraph or cell: its text, the anchor of the heading it links to ("" for none),
# and its mark (OPEN_POINT, LINE or ""). The texts of a block's runs make up its text, but for
# the spaces around a line.
Run = tuple[str, str, str]


@dataclass(frozen=True)
class Block:
    kind: str
    text: str = ""
    # For tables: the header rows (those of <thead>) first, then the body rows.
    rows: tuple[tuple[str, ...], ...] = ()
    header_rows: int = 0
    columns: tuple[str, ...] = ()  # LABEL, NUMBER or TEXT for each column of a table
    number: str = ""  # a heading's own number, as printed before its text ("3.2.")
    break_before: bool = False  # the block opens a new page
    anchor: str = ""  # a heading's id, which links elsewhere in the document point to
    # A paragraph's text as runs, when part of it is marked: (text, anchor, mark) each, as Run says.
    runs: tuple[Run, ...] = ()
    # For tables: the cells holding links to headings or open points, as (row, column, runs).
    marked_cells: tuple[tuple[int, int, tuple[Run, ...]], ...] = ()
    chart: str = ""  # for figures: the chart as charts.Chart.spec() gives it, which the DOCX draws
    beside: bool = False  # for figures: set beside the one before, in a row of charts (div.charts)
    spaced: bool = False  # set apart from the paragraph before (the next body in an address block)


@dataclass(frozen=True)
class DocumentMeta:
    """What a renderer needs besides the blocks."""

    title: str
    language: str  # BCP 47, e.g. "ru"
    header: str = ""  # running header text, e.g. the case title
    page_label: str = "Page {page} of {pages}"  # translated; {page}/{pages} become fields
    confidential_mark: str = ""  # e.g. "Confidential"; empty for public documents
    draft_mark: str = ""  # e.g. "Draft": the document still has open points
    keywords: tuple[str, ...] = field(default_factory=tuple)

    def page_label_pieces(self) -> list[tuple[str, str]]:
        """The page label as (text, "") and ("", "page" | "pages") pieces, in the label's order."""
        pieces = []
        for index, part in enumerate(_PAGE_PLACEHOLDER.split(self.page_label)):
            if index % 2:
                pieces.append(("", part))
            elif part:
                pieces.append((part, ""))
        return pieces


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def _target(element) -> str:
    href = element.get("href") or ""
    return href[1:] if element.tag == "a" and _ANCHOR.fullmatch(href[1:]) and href[:1] == "#" else ""


def _raw_runs(element, mark: str = "") -> list[Run]:
    """The element's text, in document order, as runs: a link to a heading gives its anchor, an open
    point its mark, the signature's line a run of its own; any other markup is plain text."""
    runs: list[Run] = [(element.text or "", "", mark)] if element.text else []
    for child in element:
        classes = _classes(child)
        if _SIGNATURE_LINE_CLASS in classes and child.tag == "span":
            runs.append(("", "", LINE))
        elif target := _target(child):
            runs.append((child.text_content(), target, mark))
        else:
            runs += _raw_runs(child, OPEN_POINT if _OPEN_POINT_CLASS in classes else mark)
        if child.tail:
            runs.append((child.tail, "", mark))
    return runs


def _runs(element, text: str) -> tuple[Run, ...]:
    """The element's runs when a link, an open point or a line marks part of it, with spaces collapsed
    as in its text (none around a line); () when nothing is marked, and whenever the runs would not
    make up its text."""
    raw = _raw_runs(element)
    if all(not target and not mark for _, target, mark in raw):
        return ()
    runs: list[Run] = []
    for index, (part, target, mark) in enumerate(raw):
        part = re.sub(r"\s+", " ", part)
        previous = runs[-1][0] if runs else ""
        if mark == LINE or not runs or previous.endswith(" ") or (runs and runs[-1][2] == LINE):
            part = part.lstrip()
        if mark != LINE and index + 1 < len(raw) and raw[index + 1][2] == LINE:
            part = part.rstrip()
        if part or mark == LINE:
            runs.append((part, target, mark))
    if runs and runs[-1][2] != LINE:
        runs[-1] = (runs[-1][0].rstrip(), *runs[-1][1:])
    words = "".join(" " if mark == LINE else part for part, _, mark in runs).split()
    return tuple(runs) if " ".join(words) == text else ()


def _table(element) -> Block:
    head = [row for section in element.iter("thead") for row in section.iter("tr")]
    body = [row for row in element.iter("tr") if next(row.iterancestors("thead"), None) is None]
    rows = tuple(tuple(_text(cell) for cell in row.iter("th", "td")) for row in head + body)
    marked_cells = tuple((number, column, runs) for number, row in enumerate(head + body)
                         for column, cell in enumerate(row.iter("th", "td"))
                         if len(cell) and (runs := _runs(cell, rows[number][column])))
    width = max((len(row) for row in rows), default=0)
    columns = []
    for index in range(width):
        cells = [cells[index] for cells in (list(row.iter("th", "td")) for row in body) if index < len(cells)]
        if cells and all(cell.tag == "th" for cell in cells):
            columns.append(LABEL)
        elif cells and all("number" in _classes(cell) for cell in cells):
            columns.append(NUMBER)
        else:
            columns.append(TEXT)
    return Block("table", rows=rows, header_rows=len(head), columns=tuple(columns),
                 marked_cells=marked_cells)


def blocks_from_html(document: str) -> list[Block]:
    """Read the blocks of the <main> element of a rendered HTML document.

    A <div class="page-break"> becomes the next block's break_before, so that the DOCX breaks
    the page before that paragraph rather than with an empty paragraph of its own.
    """
    # What the HTML keeps on one line ("БҰҰ-ның", render_html._keep_together: a hyphen and a word
    # joiner) is joined by a non-breaking hyphen, which the DOCX writes as Word's own element (render_docx).
    main = lxml_html.document_fromstring(document.replace("-" + WORD_JOINER, NON_BREAKING_HYPHEN)).find(".//main")
    if main is None:
        raise BuildError("the HTML template has no <main> element")
    blocks: list[Block] = []
    break_before = False
    for element in main.iter("h1", "h2", "h3", "p", "li", "table", "div", "figure"):
        classes = _classes(element)
        if element.tag == "div":
            break_before = break_before or "page-break" in classes
            continue
        if _HEADER_ONLY in classes:
            continue
        if element.tag in ("p", "li") and next(element.iterancestors("table"), None) is not None:
            continue
        if element.tag == "table":
            block = _table(element)
        elif element.tag == "figure":
            caption = element.find(".//figcaption")
            row = element.getparent()
            block = Block("figure", _text(caption) if caption is not None else "",
                          chart=element.get("data-chart") or "",
                          beside=row is not None and "charts" in _classes(row) and row.index(element) > 0)
        elif element.tag == "li":
            parent = element.getparent()
            text = _text(element)
            block = Block("numbered" if parent is not None and parent.tag == "ol" else "item", text,
                          runs=_runs(element, text) if len(element) else ())
        else:
            kind = next((kind for css, kind in _CLASS_KINDS.items() if css in classes), _TAGS[element.tag])
            text, number = _text(element), ""
            numbered = _HEADING_NUMBER.fullmatch(text) if kind in ("heading", "subheading") else None
            if numbered:
                number, text = numbered.groups()
            anchor = (element.get("id") or "") if kind in ("heading", "subheading") else ""
            runs = _runs(element, text) if len(element) and not number else ()
            block = Block(kind, text, number=number, anchor=anchor if _ANCHOR.fullmatch(anchor) else "",
                          runs=runs, spaced=_NEXT_BODY in classes)
        if break_before:
            if block.kind in ("table", "figure"):
                raise BuildError(f"a page break must be followed by a heading or a paragraph, not a {block.kind}")
            block = replace(block, break_before=True)
            break_before = False
        blocks.append(block)
    return blocks
