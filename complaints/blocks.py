"""The document as a flat list of blocks, read from the rendered HTML.

A document's wording lives once, in its HTML template. The PDF is that HTML;
the DOCX is the same HTML read back into blocks and laid out by docxtpl, so both
formats carry the same text by construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import html as lxml_html

from .errors import BuildError

# Block kinds: title, subtitle, heading, subheading, paragraph, note (small print),
# item (bulleted), numbered (numbered list item), table, pagebreak.
_TAGS = {"h1": "title", "h2": "heading", "h3": "subheading", "p": "paragraph"}
_CLASS_KINDS = ("subtitle", "note", "addressee", "signature")
_PAGE_PLACEHOLDER = re.compile(r"\{(page|pages)\}")


@dataclass(frozen=True)
class Block:
    kind: str
    text: str = ""
    # For tables: the header row first, then the body rows.
    rows: tuple[tuple[str, ...], ...] = ()


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


def blocks_from_html(document: str) -> list[Block]:
    """Read the blocks of the <main> element of a rendered HTML document."""
    main = lxml_html.document_fromstring(document).find(".//main")
    if main is None:
        raise BuildError("the HTML template has no <main> element")
    blocks: list[Block] = []
    for element in main.iter("h1", "h2", "h3", "p", "li", "table", "div"):
        classes = set((element.get("class") or "").split())
        if element.tag == "div":
            if "page-break" in classes:
                blocks.append(Block("pagebreak"))
            continue
        if element.tag == "table":
            rows = tuple(
                tuple(_text(cell) for cell in row.iter("th", "td"))
                for row in element.iter("tr")
            )
            blocks.append(Block("table", rows=rows))
            continue
        if element.tag in ("p", "li") and next(element.iterancestors("table"), None) is not None:
            continue
        if element.tag == "li":
            parent = element.getparent()
            kind = "numbered" if parent is not None and parent.tag == "ol" else "item"
        else:
            kind = next((c for c in _CLASS_KINDS if c in classes), _TAGS[element.tag])
        blocks.append(Block(kind, _text(element)))
    return blocks
