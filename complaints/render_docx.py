"""Lay out a document's blocks as DOCX through the docxtpl template templates/docx/document.docx.

The template (made by scripts/make_docx_template.py) holds the layout: page, styles,
header, footer and one branch per block kind. This module gives it the blocks,
then stamps the language, the properties and fixed zip timestamps, so that the same
blocks, meta and build time always give the same bytes.

Rendering a whole package through docxtpl costs about ten times what rendering the
body costs: it opens and re-parses the package, patches the template's XML, writes
every part and zips it all twice. Of a document's parts only two depend on its
blocks: the body (word/document.xml) and the lists it restarts (word/numbering.xml).
The others depend on the meta and the build time only, so they are taken from one
plain docxtpl render without blocks, and each document renders just its body, with
docxtpl's own steps, and its numbering.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import functools
import io
import pathlib
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Sequence
from itertools import repeat
from typing import Any

import jinja2
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from docxtpl import DocxTemplate

from complaints.blocks import LABEL, NON_BREAKING_HYPHEN, NUMBER, Block, DocumentMeta, Run
from complaints.charts import WIDTH_INCHES, Chart, png, png_size
from complaints.errors import BuildError

LANGUAGE_TAGS = {"en": "en-GB", "ru": "ru-RU", "kk": "kk-KZ"}
# The style (its id) of each kind of paragraph block; scripts/make_docx_template.py defines them.
STYLE_IDS = {
    "title": "Title", "subtitle": "Subtitle", "addressee": "Addressee", "heading": "Heading1",
    "subheading": "Heading2", "paragraph": "Normal", "note": "Note", "signature": "Signature",
    "signature_line": "SignatureLine",
    "item": "ListBullet", "numbered": "ListNumber", "figure": "Note",  # a figure's caption
}
KINDS = frozenset(STYLE_IDS) | {"table"}
# A chart is an image part of its own, named and related to the body by its number in the document.
_IMAGE_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_EMU_PER_TWIP = 635
_HEADING_LEVELS = {"heading": 0, "subheading": 1}
# The signature block's paragraphs stay on one page, as div.signature does in the PDF.
_KEPT_TOGETHER = frozenset({"signature", "signature_line"})
# A list's items: its first and its last are never left alone on a page, as style.css keeps them.
_LIST_ITEMS = frozenset({"item", "numbered"})
# The lists of the template's numbering part. Headings 1 and 2 are numbered by the first heading
# list through their styles; a heading numbered in Roman numerals names the second.
BULLET_NUM_ID, DECIMAL_NUM_ID, HEADING_NUM_ID, ROMAN_NUM_ID = 1, 2, 3, 4
_UNNUMBERED = (0, 0)  # numId 0: no list, whatever the style says
# The values of style.css the renderer needs as well as the template: the shading of header rows
# and row labels (th, tbody th), the label column's share of a label/value table (tbody th), the
# addressee's left margin (p.addressee), the signature line's parts, the open points' shading and
# the space below a table (table), in twips.
HEADER_FILL, LABEL_FILL = "E8E8E8", "F3F3F3"
LABEL_SHARE = 0.34
ADDRESSEE_INDENT = 0.5
# p.signature-line: the position's share of the text width, the line's and the space after it.
SIGNATURE_SHARES = (0.45, 0.28, 0.04)
OPEN_POINT_FILL = "FFF2A8"  # .open-point's background
TABLE_GAP = 160
# The kinds whose style has less space before it than a table has below it in the PDF.
_SPACED_AFTER_TABLE = frozenset({"title", "subtitle", "addressee", "paragraph", "note", "item", "numbered"})
_CELL_STYLES = {LABEL: "TableLabel", NUMBER: "TableNumber"}
_CELL_FILLS = {LABEL: LABEL_FILL}
_ROMAN = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90), ("L", 50), ("XL", 40),
          ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))
_FIELDS = {"page": "PAGE", "pages": "NUMPAGES"}
# Core properties are limited to 255 characters each.
_PROPERTY_LIMIT = 255
# Cell text at 9.5 pt takes up to about 95 twips a character; the template's cells
# have 80-twip margins on either side.
_TWIPS_PER_CHAR = 95
_CELL_MARGINS = 160
# What zipfile writes: version 2.0 (deflate), bit 11 of the flags for a name in UTF-8,
# and the permissions rw------- for a file.
_ZIP_VERSION = 20
_UTF8_NAME = 0x800
_FILE_ATTRIBUTES = 0o600 << 16


class _CompilingEnvironment(jinja2.Environment):
    """A Jinja environment that keeps what it compiled.

    docxtpl has no way to keep a compiled template: it hands the same source to
    from_string at every render, and compiling was about half of a render. This
    environment, reused for every render of one template, compiles each part once.
    """

    def __init__(self) -> None:
        super().__init__(autoescape=True)
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self._compiled.get(source)
        if template is None:
            template = self._compiled[source] = super().from_string(source)
        return template


class _Pristine(DocxTemplate):
    """The template parsed once, whose methods render each body.

    resolve_listing turns tabs, line feeds and the like in the text into Word's own
    elements, walking every paragraph, run and text with a regular expression: a quarter
    of the time of a document. Without any such character it would give back what it got.
    """

    def resolve_listing(self, xml):
        return super().resolve_listing(xml) if _LISTING_CHARACTERS.search(xml) else xml


_LISTING_CHARACTERS = re.compile("[\t\a\n\f]")


@dataclasses.dataclass(frozen=True, eq=False)
class _Template:
    data: bytes
    env: _CompilingEnvironment
    # Parsed once and never rendered: its body, patched for Jinja, and the parts
    # each document copies before changing them.
    pristine: _Pristine
    body: str
    root: Any  # the CT_Document element, its body left empty (python-docx's oxml is untyped)
    numbering: Any  # the CT_Numbering element
    list_abstract: int  # the list definition of the List Number style
    text_width: int  # in twips


@functools.lru_cache(maxsize=8)
def _load(path: str, mtime_ns: int, size: int) -> _Template:
    data = pathlib.Path(path).read_bytes()
    pristine = _Pristine(io.BytesIO(data))
    document = pristine.get_docx()
    root = copy.deepcopy(document.element)
    root.body.clear()
    numbering = document.part.numbering_part.element
    list_num = numbering.num_having_numId(int(document.styles["List Number"].element.pPr.numPr.numId.val))
    return _Template(data, _CompilingEnvironment(), pristine, pristine.patch_xml(pristine.get_xml()), root,
                     numbering, list_num.abstractNumId.val, _text_width(document))


def _template(template_path: pathlib.Path) -> _Template:
    # Keyed on the file's stat too, so a regenerated template is picked up.
    path = pathlib.Path(template_path).resolve()
    stat = path.stat()
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


def render_docx(
    template_path: pathlib.Path,
    blocks: Sequence[Block],
    meta: DocumentMeta,
    build_time: datetime.datetime,
) -> bytes:
    """The DOCX of `blocks`, as bytes that depend only on the arguments: the bytes
    _render_plain gives (test_performance_paths holds the two paths to that)."""
    _check_kinds(blocks)
    template = _template(template_path)
    parts = _frame(template, meta, build_time)
    lists, numbering = _numbering(template, _lists(blocks))
    figures: list[bytes] = []
    context = _context(_block_views(blocks, iter(lists).__next__, template, figures), meta)
    pristine = template.pristine
    # What DocxTemplate.render does to the body, on the body patched once.
    pristine.docx_ids_index = 1000
    body = pristine.fix_tables(pristine.render_xml_part(template.body, pristine.docx.part, context, template.env))
    pristine.fix_docpr_ids(body)
    _no_break_hyphens(body)
    root = copy.deepcopy(template.root)
    root.replace(root.body, body)
    return _zip(_with_figures(parts | {"word/document.xml": _Entry.of(serialize_part_xml(root)),
                                       "word/numbering.xml": numbering}, figures), build_time)


def _no_break_hyphens(body) -> None:
    """Each U+2011 of the text as Word's non-breaking hyphen element, which Word draws in any font
    (the bundled font has no glyph for U+2011) and never breaks a line at."""
    for text in list(body.iter(qn("w:t"))):
        if NON_BREAKING_HYPHEN not in (text.text or ""):
            continue
        first, *rest = text.text.split(NON_BREAKING_HYPHEN)
        text.text, last = first, text
        for piece in rest:
            hyphen = text.makeelement(qn("w:noBreakHyphen"), {})
            last.addnext(hyphen)
            last = text.makeelement(qn("w:t"), {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
            last.text = piece
            hyphen.addnext(last)


def _render_plain(template: _Template, blocks: Sequence[Block], meta: DocumentMeta,
                  build_time: datetime.datetime) -> bytes:
    """The DOCX of `blocks` made the way docxtpl makes a document: open the package, render it
    whole, save it."""
    # docxtpl changes the document it renders, so every render needs its own copy.
    tpl = DocxTemplate(io.BytesIO(template.data))
    document = tpl.get_docx()
    numbering = document.part.numbering_part.element
    figures: list[bytes] = []
    views = _block_views(blocks, lambda: _new_list(numbering, template.list_abstract), template, figures)
    tpl.render(_context(views, meta), jinja_env=template.env, autoescape=True)
    _no_break_hyphens(document.element.body)
    _set_language(document, LANGUAGE_TAGS.get(meta.language, meta.language))
    _set_properties(document, meta, build_time)
    stream = io.BytesIO()
    tpl.save(stream)
    with zipfile.ZipFile(stream) as package:
        entries = {name: _Entry.of(package.read(name)) for name in package.namelist()}
    return _zip(_with_figures(entries, figures), build_time)


def _check_kinds(blocks: Sequence[Block]) -> None:
    unknown = sorted({block.kind for block in blocks} - KINDS)
    if unknown:
        raise BuildError(f"unknown block kinds: {', '.join(unknown)}")


def _context(views: list[dict], meta: DocumentMeta) -> dict:
    return {
        "blocks": views,
        "meta": meta,
        "page_label": [{"text": text, "field": _FIELDS.get(field, "")}
                       for text, field in meta.page_label_pieces()],
    }


@functools.lru_cache(maxsize=64)
def _frame(template: _Template, meta: DocumentMeta, build_time: datetime.datetime) -> dict[str, _Entry]:
    """The parts of a document that its blocks do not change, from a plain render without blocks."""
    with zipfile.ZipFile(io.BytesIO(_render_plain(template, (), meta, build_time))) as package:
        return {name: _Entry.of(package.read(name)) for name in package.namelist()}


def _lists(blocks: Sequence[Block]) -> int:
    """How many lists the blocks restart: one for each run of numbered blocks."""
    return sum(1 for index, block in enumerate(blocks)
               if block.kind == "numbered" and (index == 0 or blocks[index - 1].kind != "numbered"))


@functools.lru_cache(maxsize=64)
def _numbering(template: _Template, lists: int) -> tuple[list[int], _Entry]:
    """The ids of `lists` restarting lists, and the numbering part that defines them: it depends on
    nothing else, so each count is made once."""
    numbering = copy.deepcopy(template.numbering)
    ids = [_new_list(numbering, template.list_abstract) for _ in range(lists)]
    return ids, _Entry.of(serialize_part_xml(numbering))


def _block_views(blocks: Sequence[Block], new_list: Callable[[], int], template: _Template,
                 figures: list[bytes]) -> list[dict]:
    """What the template reads of each block: its style, a restarting list id for each run of
    numbered blocks (from `new_list`), the list that numbers a heading, a page break, the space
    after a table, for tables rows of equal length, column widths, styles and shading, and for
    figures the image's relationship, size and alt text (the images drawn go to `figures`). A
    table without rows is left out."""
    views = []
    list_id = None
    blocks = [block for block in blocks if block.kind != "table" or block.rows]
    numbering = _HeadingNumbers()
    bookmarks: dict[str, str] = {}  # anchor -> bookmark, for the headings numbered by a list
    linked: list[tuple[Block, dict]] = []
    for index, block in enumerate(blocks):
        if block.kind == "table":
            view = _table_view(block, template.text_width,
                               separate=index + 1 == len(blocks) or blocks[index + 1].kind == "table")
            if block.marked_cells:
                linked.append((block, view))
            views.append(view)
            list_id = None
            continue
        view = {"kind": block.kind, "style": STYLE_IDS[block.kind], "text": block.text}
        if block.runs:
            view["runs"] = block.runs
            linked.append((block, view))
        if block.kind in _KEPT_TOGETHER and index + 1 < len(blocks) and blocks[index + 1].kind in _KEPT_TOGETHER:
            view["keep_next"] = True
        if block.kind in _LIST_ITEMS and _keeps_list_item_with_next(blocks, index):
            view["keep_next"] = True
        if block.kind == "figure":
            view |= _figure_view(block, template.text_width, figures)
            if block.beside and views and views[-1]["kind"] == "figure":
                # Two charts to a row, as the PDF sets them: a borderless table of two cells.
                views[-1] = {"kind": "figures", "cells": [views[-1], view], "cell_width": template.text_width // 2}
                list_id = None
                continue
        if block.kind == "numbered":
            if list_id is None:
                list_id = new_list()
            view["numbering"] = (0, list_id)
        else:
            list_id = None
        if block.kind in _HEADING_LEVELS:
            view["numbering"], view["text"] = numbering.place(block)
            if block.anchor and view["numbering"] != _UNNUMBERED and block.anchor not in bookmarks:
                view["bookmark"] = bookmarks[block.anchor] = _bookmark(block.anchor)
                view["bookmark_id"] = len(bookmarks)
        if block.break_before:
            view["break_before"] = True
        # After a table, the space its margin leaves; before the next addressee, as much (p.addressee.next-body).
        if (index and blocks[index - 1].kind == "table" and block.kind in _SPACED_AFTER_TABLE) or block.spaced:
            view["after_table"] = TABLE_GAP
        views.append(view)
    for block, view in linked:
        _link(block, view, bookmarks)
    return views


def _keeps_list_item_with_next(blocks: Sequence[Block], index: int) -> bool:
    """Whether a list item keeps with the next: the first item of a list, and the one before its
    last, so that neither the first nor the last item stands alone at a page's foot or head."""
    kind = blocks[index].kind

    def same(at: int) -> bool:
        return 0 <= at < len(blocks) and blocks[at].kind == kind

    return same(index + 1) and (not same(index - 1) or not same(index + 2))


def _figure_view(block: Block, text_width: int, figures: list[bytes]) -> dict:
    """The chart drawn as PNG (the PDF's SVG is drawn from the same chart), across the text width or,
    for a chart drawn half as wide, across half of it."""
    chart = Chart.from_spec(block.chart)
    image = png(chart)
    figures.append(image)
    number = len(figures)
    width, height = png_size(image)
    extent = round(text_width * _EMU_PER_TWIP * min(1.0, chart.width / WIDTH_INCHES))
    # The caption set flush left, as the PDF sets a figcaption: justified, a short line is stretched.
    return {"relationship": f"rIdFigure{number}", "name": f"Figure {number}", "alt": chart.alt, "align": "left",
            "cx": extent, "cy": extent * height // width}


def _with_figures(entries: dict[str, _Entry], figures: list[bytes]) -> dict[str, _Entry]:
    """The package's parts with each figure's image, its relationship to the body and the PNG type."""
    if not figures:
        return entries
    relationships = entries["word/_rels/document.xml.rels"].data().decode("utf-8")
    added = "".join(f'<Relationship Id="rIdFigure{number}" Type="{_IMAGE_RELATIONSHIP}" '
                    f'Target="media/figure{number}.png"/>' for number in range(1, len(figures) + 1))
    types = entries["[Content_Types].xml"].data().decode("utf-8")
    if 'Extension="png"' not in types:
        types = types.replace("</Types>", '<Default Extension="png" ContentType="image/png"/></Types>')
    return entries | {
        "word/_rels/document.xml.rels": _Entry.of(relationships.replace("</Relationships>",
                                                                        added + "</Relationships>").encode()),
        "[Content_Types].xml": _Entry.of(types.encode("utf-8")),
    } | {f"word/media/figure{number}.png": _Entry.of(image) for number, image in enumerate(figures, start=1)}


def _bookmark(anchor: str) -> str:
    """Word's name for the bookmark of a heading: hidden (a leading underscore), as those Word makes
    for its own cross-references are."""
    return "_Ref_" + anchor.replace("-", "_")


def _link(block: Block, view: dict, bookmarks: dict[str, str]) -> None:
    """Marked paragraphs and cells get their runs, a link to a numbered heading becoming a REF field
    to its bookmark, so that the reference follows when a lawyer inserts a section. A reference to
    a heading that is not numbered by a list stays text."""
    if block.kind != "table":
        view["runs"] = _bookmarked(block.runs, bookmarks)
        return
    head = block.header_rows
    for number, column, runs in block.marked_cells:
        part, row = ("head", number) if number < head else ("body", number - head)
        text, width, style, fill, _ = view[part][row][column]
        view[part][row][column] = (text, width, style, fill, _bookmarked(runs, bookmarks))


def _bookmarked(runs: Sequence[Run], bookmarks: dict[str, str]) -> list[Run]:
    return [(text, bookmarks.get(target, ""), mark) for text, target, mark in runs]


class _HeadingNumbers:
    """Which list numbers each heading. A heading whose typed number is the one Word's list would
    give it at that point is numbered by the list (and its number leaves the text); any other
    heading keeps its typed number, so that the DOCX never shows a number the PDF does not."""

    def __init__(self) -> None:
        self.decimal = [0, 0]
        self.roman = [0, 0]

    def place(self, block: Block) -> tuple[tuple[int, int] | tuple[()], str]:
        level = _HEADING_LEVELS[block.kind]
        if not block.number:
            return _UNNUMBERED, block.text
        decimal = self._next(self.decimal, level)
        if (level == 0 or self.decimal[0]) and block.number == ".".join(map(str, decimal)) + ".":
            self._advance(self.decimal, level)
            return (), block.text
        if block.number == _roman(self._next(self.roman, level)[-1]) + ".":
            self._advance(self.roman, level)
            return (level, ROMAN_NUM_ID), block.text
        return _UNNUMBERED, f"{block.number} {block.text}"

    @staticmethod
    def _next(counters: list[int], level: int) -> list[int]:
        return counters[:level] + [counters[level] + 1]

    @staticmethod
    def _advance(counters: list[int], level: int) -> None:
        counters[level] += 1
        counters[level + 1:] = [0] * (len(counters) - level - 1)


def _roman(number: int) -> str:
    digits = []
    for letters, value in _ROMAN:
        count, number = divmod(number, value)
        digits.append(letters * count)
    return "".join(digits)


def _table_view(block: Block, text_width: int, *, separate: bool) -> dict:
    columns = max(len(row) for row in block.rows)
    rows = [tuple(row) + ("",) * (columns - len(row)) for row in block.rows]
    kinds = tuple(block.columns) + ("",) * (columns - len(block.columns))
    label_column = kinds[0] == LABEL
    if label_column and columns == 2:
        # Label/value tables share one proportion, so that stacked forms line up.
        label = int(text_width * LABEL_SHARE)
        widths = [label, text_width - label]
    else:
        widths = _column_widths(rows, text_width, block.header_rows)
    first_row, first_column = int(block.header_rows > 0), int(label_column)
    styles = [_CELL_STYLES.get(kind, "TableText") for kind in kinds]
    fills = [_CELL_FILLS.get(kind, "") for kind in kinds]
    heading = (["TableHeading"] * columns, [HEADER_FILL] * columns)
    # Each cell as the template reads it, (text, width, style, shading, pieces): unpacked by the
    # template's loop rather than looked up by index: the lookups took a fifth of a long table's time.
    return {
        "kind": "table",
        "head": [list(zip(row, widths, *heading, repeat(None))) for row in rows[:block.header_rows]],
        "body": [list(zip(row, widths, styles, fills, repeat(None))) for row in rows[block.header_rows:]],
        "widths": widths,
        # tblLook: noHBand and noVBand, and the header row and label column when there are.
        "look": f"{0x0600 | 0x0020 * first_row | 0x0080 * first_column:04X}",
        "first_row": first_row,
        "first_column": first_column,
        "separate": separate,
    }


def _new_list(numbering, abstract_id: int) -> int:
    """A numbering instance of the List Number style's list that restarts at 1."""
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(0).add_startOverride(1)
    return num.numId


def _text_width(document) -> int:
    section = document.sections[0]
    return (section.page_width - section.left_margin - section.right_margin) // 635


def _column_widths(rows: list[tuple[str, ...]], total: int, header_rows: int) -> list[int]:
    """Column widths in twips, much as Word's autofit would choose them.

    Every column gets at least its longest word, so that no word breaks; the
    width left over goes to the columns whose body text is longer than that, in
    proportion. The header rows may wrap. LibreOffice follows the grid rather than
    fitting it, so the widths are worked out here.
    """
    def width(text: str) -> int:
        return len(text) * _TWIPS_PER_CHAR + _CELL_MARGINS

    columns = list(zip(*rows, strict=True))  # the rows are padded to equal length (_block_views)
    minimum = [max(width(word) for cell in column for word in cell.split() or [""]) for column in columns]
    natural = [max([width(cell) for cell in column[header_rows:]] + [least])
               for column, least in zip(columns, minimum, strict=True)]
    spare = total - sum(minimum)
    wanted = [want - least for want, least in zip(natural, minimum, strict=True)]
    if spare <= 0:
        shares = [least * total / sum(minimum) for least in minimum]
    elif sum(wanted) <= spare:
        shares = [want * total / sum(natural) for want in natural]
    else:
        shares = [least + spare * want / sum(wanted) for least, want in zip(minimum, wanted, strict=True)]
    result = [int(value) for value in shares]
    result[-1] += total - sum(result)
    return result


def _set_language(document, tag: str) -> None:
    """Word's spell-check and hyphenation follow the default run language."""
    styles = document.styles.element
    lang = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(
        qn("w:lang"))
    lang.set(qn("w:val"), tag)
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), tag)


def _utc(moment: datetime.datetime) -> datetime.datetime:
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.UTC).replace(tzinfo=None)
    return moment


def _set_properties(document, meta: DocumentMeta, build_time: datetime.datetime) -> None:
    props = document.core_properties
    props.title = meta.title[:_PROPERTY_LIMIT]
    props.language = meta.language
    props.keywords = ", ".join(meta.keywords)[:_PROPERTY_LIMIT]
    props.author = props.last_modified_by = "complaints"
    props.revision = 1
    moment = _utc(build_time)
    props.created = props.modified = moment


def reproducible_zip(data: bytes, when: datetime.datetime) -> bytes:
    """`data`, a zip archive, rewritten with every entry stamped `when` (UTC) and
    the entries in a fixed order: [Content_Types].xml first, then by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return _zip({name: _Entry.of(source.read(name)) for name in source.namelist()}, when)


@dataclasses.dataclass(frozen=True)
class _Entry:
    """A file of a zip archive, compressed as zipfile compresses it at level 6."""

    size: int
    crc: int
    deflated: bytes

    @classmethod
    def of(cls, data: bytes) -> _Entry:
        compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
        return cls(len(data), zlib.crc32(data), compressor.compress(data) + compressor.flush())

    def data(self) -> bytes:
        return zlib.decompress(self.deflated, -15)


def _zip(entries: dict[str, _Entry], when: datetime.datetime) -> bytes:
    """The archive zipfile writes for these entries, stamped `when` (test_render_docx checks the
    bytes against it). zipfile can only compress what it writes; written here, the entries a
    document shares with every other are compressed once, which was a third of a document's time."""
    moment = _utc(when)
    year = min(max(moment.year, 1980), 2107)
    date = (year - 1980) << 9 | moment.month << 5 | moment.day
    time = moment.hour << 11 | moment.minute << 5 | moment.second // 2
    out = io.BytesIO()
    directory = []
    for name in sorted(entries, key=lambda name: (name != "[Content_Types].xml", name)):
        entry = entries[name]
        encoded, flags = (name.encode("ascii"), 0) if name.isascii() else (name.encode("utf-8"), _UTF8_NAME)
        fields = (_ZIP_VERSION, 0, flags, zipfile.ZIP_DEFLATED, time, date, entry.crc, len(entry.deflated),
                  entry.size, len(encoded))
        directory.append(struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", _ZIP_VERSION, 0, *fields, 0, 0, 0, 0,
                                     _FILE_ATTRIBUTES, out.tell()) + encoded)
        out.write(struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", *fields, 0) + encoded + entry.deflated)
    start = out.tell()
    out.write(b"".join(directory))
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(directory), len(directory), out.tell() - start,
                          start, 0))
    return out.getvalue()
