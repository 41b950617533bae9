"""Lay out a document's blocks as DOCX through the docxtpl template templates/docx/document.docx.

The template (made by scripts/make_docx_template.py) holds the layout: page, styles,
header, footer and one branch per block kind. This module gives it the blocks,
then stamps the language, the properties and fixed zip timestamps, so that the same
blocks, meta and build time always give the same bytes.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import io
import pathlib
import zipfile
from collections.abc import Sequence

import jinja2
from docx.oxml.ns import qn
from docxtpl import DocxTemplate

from complaints.blocks import Block, DocumentMeta

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


class _CompilingEnvironment(jinja2.Environment):
    """A Jinja environment that keeps what it compiled.

    docxtpl has no way to keep a compiled template: every render re-parses the
    package, re-patches each part's XML and hands the same source to from_string.
    The package must be fresh anyway (rendering changes it) and costs little, but
    compiling was about half of a render; this environment, reused for every render
    of one template, compiles each part once. The patching (a tenth) has no hook.
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


@dataclasses.dataclass(frozen=True)
class _Template:
    data: bytes
    env: _CompilingEnvironment


@functools.lru_cache(maxsize=8)
def _load(path: str, mtime_ns: int, size: int) -> _Template:
    return _Template(pathlib.Path(path).read_bytes(), _CompilingEnvironment())


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
    """The DOCX of `blocks`, as bytes that depend only on the arguments."""
    unknown = sorted({block.kind for block in blocks} - KINDS)
    if unknown:
        raise ValueError(f"unknown block kinds: {', '.join(unknown)}")
    template = _template(template_path)
    # docxtpl changes the document it renders, so every render needs its own copy.
    tpl = DocxTemplate(io.BytesIO(template.data))
    document = tpl.get_docx()
    context = {
        "blocks": _block_views(blocks, document),
        "meta": meta,
        "page_label": [{"text": text, "field": _FIELDS.get(field, "")}
                       for text, field in meta.page_label_pieces()],
    }
    tpl.render(context, jinja_env=template.env, autoescape=True)
    _set_language(document, LANGUAGE_TAGS.get(meta.language, meta.language))
    _set_properties(document, meta, build_time)
    stream = io.BytesIO()
    tpl.save(stream)
    return reproducible_zip(stream.getvalue(), build_time)


def _block_views(blocks: Sequence[Block], document) -> list[dict]:
    """What the template reads of each block, plus a restarting list id for each
    run of numbered blocks and, for tables, rows of equal length and column widths.
    A table without rows is left out."""
    views = []
    list_id = None
    for block in blocks:
        view = {"kind": block.kind, "text": block.text}
        if block.kind == "numbered":
            if list_id is None:
                list_id = _new_list(document)
            view["list_id"] = list_id
        else:
            list_id = None
        if block.kind == "table":
            if not block.rows:
                continue
            columns = max(len(row) for row in block.rows)
            view["rows"] = [tuple(row) + ("",) * (columns - len(row)) for row in block.rows]
            view["widths"] = _column_widths(view["rows"], _text_width(document))
        views.append(view)
    return views


def _new_list(document) -> int:
    """A numbering instance of the List Number style's list that restarts at 1."""
    style = document.styles["List Number"].element
    num_id = int(style.pPr.numPr.numId.val)
    numbering = document.part.numbering_part.element
    abstract_id = numbering.num_having_numId(num_id).abstractNumId.val
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

    columns = list(zip(*rows))
    minimum = [max(width(word) for cell in column for word in cell.split() or [""]) for column in columns]
    natural = [max([width(cell) for cell in column[1:]] + [least]) for column, least in zip(columns, minimum)]
    spare = total - sum(minimum)
    wanted = [want - least for want, least in zip(natural, minimum)]
    if spare <= 0:
        result = [least * total / sum(minimum) for least in minimum]
    elif sum(wanted) <= spare:
        result = [want * total / sum(natural) for want in natural]
    else:
        result = [least + spare * want / sum(wanted) for least, want in zip(minimum, wanted)]
    result = [int(value) for value in result]
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
        moment = moment.astimezone(datetime.timezone.utc).replace(tzinfo=None)
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
    moment = _utc(when)
    stamp = (min(max(moment.year, 1980), 2107),) + moment.timetuple()[1:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        names = sorted(source.namelist(), key=lambda name: (name != "[Content_Types].xml", name))
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, source.read(name), compresslevel=6)
    return out.getvalue()
