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
from typing import Any

import jinja2
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from docxtpl import DocxTemplate

from complaints.blocks import Block, DocumentMeta
from complaints.errors import BuildError

LANGUAGE_TAGS = {"en": "en-GB", "ru": "ru-RU", "kk": "kk-KZ"}
KINDS = frozenset({
    "title", "subtitle", "addressee", "heading", "subheading", "paragraph", "note",
    "signature", "item", "numbered", "table", "pagebreak",
})
_FIELDS = {"page": "PAGE", "pages": "NUMPAGES"}
# Core properties are limited to 255 characters each.
_PROPERTY_LIMIT = 255
# Cell text at 10 pt takes up to about 100 twips a character; the template's cells
# have 85-twip margins on either side.
_TWIPS_PER_CHAR = 100
_CELL_MARGINS = 170
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
    context = _context(_block_views(blocks, iter(lists).__next__, template), meta)
    pristine = template.pristine
    # What DocxTemplate.render does to the body, on the body patched once.
    pristine.docx_ids_index = 1000
    body = pristine.fix_tables(pristine.render_xml_part(template.body, pristine.docx.part, context, template.env))
    pristine.fix_docpr_ids(body)
    root = copy.deepcopy(template.root)
    root.replace(root.body, body)
    return _zip(parts | {"word/document.xml": _Entry.of(serialize_part_xml(root)), "word/numbering.xml": numbering},
                build_time)


def _render_plain(template: _Template, blocks: Sequence[Block], meta: DocumentMeta,
                  build_time: datetime.datetime) -> bytes:
    """The DOCX of `blocks` made the way docxtpl makes a document: open the package, render it
    whole, save it."""
    # docxtpl changes the document it renders, so every render needs its own copy.
    tpl = DocxTemplate(io.BytesIO(template.data))
    document = tpl.get_docx()
    numbering = document.part.numbering_part.element
    views = _block_views(blocks, lambda: _new_list(numbering, template.list_abstract), template)
    tpl.render(_context(views, meta), jinja_env=template.env, autoescape=True)
    _set_language(document, LANGUAGE_TAGS.get(meta.language, meta.language))
    _set_properties(document, meta, build_time)
    stream = io.BytesIO()
    tpl.save(stream)
    return reproducible_zip(stream.getvalue(), build_time)


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


def _block_views(blocks: Sequence[Block], new_list: Callable[[], int], template: _Template) -> list[dict]:
    """What the template reads of each block, plus a restarting list id for each
    run of numbered blocks (from `new_list`) and, for tables, rows of equal
    length and column widths. A table without rows is left out."""
    views = []
    list_id = None
    for block in blocks:
        view: dict[str, object] = {"kind": block.kind, "text": block.text}
        if block.kind == "numbered":
            if list_id is None:
                list_id = new_list()
            view["list_id"] = list_id
        else:
            list_id = None
        if block.kind == "table":
            if not block.rows:
                continue
            columns = max(len(row) for row in block.rows)
            rows = [tuple(row) + ("",) * (columns - len(row)) for row in block.rows]
            view["rows"], view["widths"] = rows, _column_widths(rows, template.text_width)
        views.append(view)
    return views


def _new_list(numbering, abstract_id: int) -> int:
    """A numbering instance of the List Number style's list that restarts at 1."""
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(0).add_startOverride(1)
    return num.numId


def _text_width(document) -> int:
    section = document.sections[0]
    return (section.page_width - section.left_margin - section.right_margin) // 635


def _column_widths(rows: list[tuple[str, ...]], total: int) -> list[int]:
    """Column widths in twips, much as Word's autofit would choose them.

    Every column gets at least its longest word, so that no word breaks; the
    width left over goes to the columns whose body text is longer than that, in
    proportion. The header may wrap. LibreOffice follows the grid rather than
    fitting it, so the widths are worked out here.
    """
    def width(text: str) -> int:
        return len(text) * _TWIPS_PER_CHAR + _CELL_MARGINS

    columns = list(zip(*rows, strict=True))  # the rows are padded to equal length (_block_views)
    minimum = [max(width(word) for cell in column for word in cell.split() or [""]) for column in columns]
    natural = [max([width(cell) for cell in column[1:]] + [least])
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
    props.created = props.modified = props.last_printed = moment


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
