"""Generate templates/docx/document.docx, the one DOCX layout every document type uses.

The body is a docxtpl template that lays out the blocks of complaints.blocks: one
paragraph per block, in the style named after its kind, and tables through row
and cell loops. Re-running the script gives the same bytes.

    python scripts/make_docx_template.py [--output PATH]
"""

from __future__ import annotations

import argparse
import datetime
import io
import pathlib
import sys

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from complaints.render_docx import reproducible_zip  # noqa: E402

OUTPUT = ROOT / "templates" / "docx" / "document.docx"
FONT = "Times New Roman"
# Fixed so that the committed template changes only when its layout does.
TEMPLATE_TIME = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
MARK_COLOR = RGBColor(0xC0, 0x00, 0x00)
MUTED_COLOR = RGBColor(0x40, 0x40, 0x40)
HEADER_FILL = "E7E6E6"
BORDER_COLOR = "595959"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
BULLET_NUM_ID = 1
DECIMAL_NUM_ID = 2

BUILT_IN_STYLES = {"Title", "Subtitle", "Heading 1", "Heading 2", "Signature",
                   "List Bullet", "List Number", "Header", "Footer"}

# (kind, style) in the order of the if/elif chain of the body template.
PARAGRAPH_KINDS = (
    ("title", "Title"),
    ("subtitle", "Subtitle"),
    ("addressee", "Addressee"),
    ("heading", "Heading 1"),
    ("subheading", "Heading 2"),
    ("paragraph", "Normal"),
    ("note", "Note"),
    ("signature", "Signature"),
    ("item", "List Bullet"),
    ("numbered", "List Number"),
)

NUMBERING_XML = f"""
<w:numbering {nsdecls("w")}>
  <w:abstractNum w:abstractNumId="0">
    <w:nsid w:val="2C0A7B11"/>
    <w:multiLevelType w:val="singleLevel"/>
    <w:lvl w:ilvl="0">
      <w:start w:val="1"/>
      <w:numFmt w:val="bullet"/>
      <w:lvlText w:val="\u2022"/>
      <w:lvlJc w:val="left"/>
      <w:pPr><w:ind w:left="567" w:hanging="283"/></w:pPr>
      <w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/></w:rPr>
    </w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:nsid w:val="2C0A7B12"/>
    <w:multiLevelType w:val="singleLevel"/>
    <w:lvl w:ilvl="0">
      <w:start w:val="1"/>
      <w:numFmt w:val="decimal"/>
      <w:lvlText w:val="%1."/>
      <w:lvlJc w:val="left"/>
      <w:pPr><w:ind w:left="567" w:hanging="397"/></w:pPr>
    </w:lvl>
  </w:abstractNum>
  <w:num w:numId="{BULLET_NUM_ID}"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="{DECIMAL_NUM_ID}"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>
"""


def _set_fonts(rpr) -> None:
    """Times New Roman for every script, so Cyrillic and Kazakh letters use it too."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), FONT)


def _strip_package(document) -> None:
    """Drop the parts of python-docx's sample file that a generated document has no use for."""
    package_rels = document.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(rid)
    unwanted = {RT.CUSTOM_XML, STYLES_WITH_EFFECTS}
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype in unwanted:
            document.part.rels.pop(rid)


def _setup_defaults(document) -> None:
    styles = document.styles.element
    # Keep only the default styles Word expects (Normal, Default Paragraph Font,
    # Normal Table, No List); the ones below are defined from scratch.
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:default")) != "1":
            styles.remove(style)
    for style in styles.findall(qn("w:style")):
        for rsid in style.findall(qn("w:rsid")):
            style.remove(rsid)

    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), "24")
    # The renderer sets w:val to the document's language.
    rpr.find(qn("w:lang")).set(qn("w:val"), "en-GB")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "120")  # 6 pt
    spacing.set(qn("w:line"), "276")  # 1.15 lines
    spacing.set(qn("w:lineRule"), "auto")

    settings = document.settings.element
    for tag in ("w:rsids", "w:proofState", "w14:docId"):
        for element in settings.findall(qn(tag)):
            settings.remove(element)
    settings.find(qn("w:themeFontLang")).set(qn("w:val"), "en-GB")
    compat = settings.find(qn("w:compat"))
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")

    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(NUMBERING_XML):
        numbering.append(child)


def _paragraph_style(document, name, *, size=12, bold=False, italic=False, color=None,
                     align=None, before=0, after=6, line=1.15, keep_next=False,
                     contextual=False, next_style=None):
    styles = document.styles
    if name == "Normal":
        style = styles["Normal"]
    else:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.quick_style = True
        if name in BUILT_IN_STYLES:
            # Word then treats it as its own style of that name (outline, navigation).
            del style.element.attrib[qn("w:customStyle")]
            style.style_id = name.replace(" ", "")
    style.next_paragraph_style = styles[next_style] if next_style else style
    if contextual:
        # Added first: python-docx places the properties it sets in schema order
        # around it, but appends this one wherever it is.
        style.element.get_or_add_pPr().append(OxmlElement("w:contextualSpacing"))
    font = style.font
    if size != 12:
        font.size = Pt(size)
    font.bold = bold or None
    font.italic = italic or None
    if color is not None:
        font.color.rgb = color
    fmt = style.paragraph_format
    if align is not None:
        fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = line
    if name == "Normal":
        fmt.widow_control = True
    if keep_next:
        fmt.keep_with_next = True
    return style


def _set_outline_level(style, level: int) -> None:
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    style.element.get_or_add_pPr().append(outline)


def _set_numbering(style, num_id: int) -> None:
    style.element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num_id


def _define_styles(document) -> None:
    left, center, right, justify = (WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER,
                                    WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY)
    _paragraph_style(document, "Normal", align=justify)
    _paragraph_style(document, "Title", size=15, bold=True, align=center, after=6,
                     keep_next=True, next_style="Normal")
    _paragraph_style(document, "Subtitle", italic=True, align=center, after=12,
                     keep_next=True, next_style="Normal")
    # Consecutive addressee lines stay together as one block; 12 pt after the last.
    _paragraph_style(document, "Addressee", align=right, after=12, line=1.0,
                     contextual=True)
    heading1 = _paragraph_style(document, "Heading 1", size=13, bold=True, align=left,
                                before=12, after=6, keep_next=True, next_style="Normal")
    _set_outline_level(heading1, 0)
    heading2 = _paragraph_style(document, "Heading 2", bold=True, italic=True, align=left,
                                before=9, after=3, keep_next=True, next_style="Normal")
    _set_outline_level(heading2, 1)
    _paragraph_style(document, "Note", size=10, color=MUTED_COLOR, after=4, line=1.0)
    signature = _paragraph_style(document, "Signature", align=left, before=18, after=0,
                                 contextual=True)
    signature.paragraph_format.keep_together = True
    bullet = _paragraph_style(document, "List Bullet", after=3)
    _set_numbering(bullet, BULLET_NUM_ID)
    numbered = _paragraph_style(document, "List Number", after=3)
    _set_numbering(numbered, DECIMAL_NUM_ID)
    _paragraph_style(document, "Table Text", size=10, align=left, after=0, line=1.0)
    _paragraph_style(document, "Table Heading", size=10, bold=True, align=left, after=0,
                     line=1.0, keep_next=True)
    for name in ("Header", "Footer"):
        _paragraph_style(document, name, size=9, color=MUTED_COLOR, after=0, line=1.0)

    table = document.styles.add_style("Complaints Table", WD_STYLE_TYPE.TABLE)
    table.base_style = document.styles["Normal Table"]
    table.element.append(parse_xml(f"""
        <w:tblPr {nsdecls("w")}>
          <w:tblBorders>
            <w:top w:val="single" w:sz="4" w:space="0" w:color="{BORDER_COLOR}"/>
            <w:left w:val="single" w:sz="4" w:space="0" w:color="{BORDER_COLOR}"/>
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="{BORDER_COLOR}"/>
            <w:right w:val="single" w:sz="4" w:space="0" w:color="{BORDER_COLOR}"/>
            <w:insideH w:val="single" w:sz="4" w:space="0" w:color="{BORDER_COLOR}"/>
            <w:insideV w:val="single" w:sz="4" w:space="0" w:color="{BORDER_COLOR}"/>
          </w:tblBorders>
          <w:tblCellMar>
            <w:top w:w="40" w:type="dxa"/>
            <w:left w:w="85" w:type="dxa"/>
            <w:bottom w:w="40" w:type="dxa"/>
            <w:right w:w="85" w:type="dxa"/>
          </w:tblCellMar>
        </w:tblPr>"""))
    table.element.append(parse_xml(f"""
        <w:tblStylePr {nsdecls("w")} w:type="firstRow">
          <w:rPr><w:b/></w:rPr>
          <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/></w:tcPr>
        </w:tblStylePr>"""))


def _add_run(paragraph, xml: str):
    run = parse_xml(f"<w:r {nsdecls('w')}>{xml}</w:r>")
    paragraph._p.append(run)
    return run


def _build_header(section) -> None:
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.text = "{%p if meta.confidential_mark %}"
    mark = header.add_paragraph(style="Header")
    mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = mark.add_run("{{ meta.confidential_mark }}")
    run.bold = True
    run.font.color.rgb = MARK_COLOR
    header.add_paragraph("{%p endif %}")
    header.add_paragraph("{%p if meta.draft_mark %}")
    draft = header.add_paragraph(style="Header")
    draft.alignment = WD_ALIGN_PARAGRAPH.LEFT
    run = draft.add_run("{{ meta.draft_mark }}")
    run.bold = True
    run.font.color.rgb = MARK_COLOR
    header.add_paragraph("{%p endif %}")
    line = header.add_paragraph("{{ meta.header }}", style="Header")
    line._p.get_or_add_pPr().append(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="4" w:space="1" '
        f'w:color="{BORDER_COLOR}"/></w:pBdr>'))


def _build_footer(section) -> None:
    """Page X of Y: the renderer passes the translated label as pieces of text and
    field names, in the label's order, so any language may place them as it needs.

    The loop's statements stand between the runs as plain text (docxtpl renders the
    XML as text); {%r %} tags would leave an empty run behind for each of them.
    """
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.style = "Footer"
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph._p.pPr.tail = "{% for piece in page_label %}{% if piece.field %}"
    _add_run(paragraph, '<w:fldChar w:fldCharType="begin"/>')
    _add_run(paragraph, '<w:instrText xml:space="preserve"> {{ piece.field }} </w:instrText>')
    _add_run(paragraph, '<w:fldChar w:fldCharType="separate"/>')
    _add_run(paragraph, "<w:t>1</w:t>")
    _add_run(paragraph, '<w:fldChar w:fldCharType="end"/>').tail = "{% else %}"
    _add_run(paragraph, '<w:t xml:space="preserve">{{ piece.text }}</w:t>').tail = (
        "{% endif %}{% endfor %}")


def _build_table(document) -> None:
    """The table branch of the body.

    Cell loops ({%tc for %}) inside row loops ({%tr for %}) give any number of
    columns while the table keeps its style, repeated header row and borders from
    this file; a python-docx Subdoc would have to rebuild all of that in code, and
    docxtpl's Subdoc needs docxcompose besides. docxtpl would give every column the
    same width, so the grid and cell widths come from block.widths, which the
    renderer computes from the cell texts.
    """
    table = document.add_table(rows=4, cols=3)
    table.style = document.styles["Complaints Table"]
    tbl = table._tbl
    tbl_pr = tbl.tblPr
    tbl_width = tbl_pr.find(qn("w:tblW"))
    tbl_width.set(qn("w:w"), "5000")
    tbl_width.set(qn("w:type"), "pct")
    # Only the header row takes the style's first-row look.
    look = tbl_pr.find(qn("w:tblLook"))
    look.attrib.clear()
    look.set(qn("w:val"), "0420")
    for flag, on in (("firstRow", 1), ("lastRow", 0), ("firstColumn", 0), ("lastColumn", 0),
                     ("noHBand", 1), ("noVBand", 1)):
        look.set(qn(f"w:{flag}"), str(on))

    # docxtpl renders the XML as text, so a loop can stand between the grid's elements.
    grid = tbl.tblGrid
    for column in list(grid):
        grid.remove(column)
    column = OxmlElement("w:gridCol")
    column.set(qn("w:w"), "{{ width }}")
    grid.text = "{% for width in block.widths %}"
    column.tail = "{% endfor %}"
    grid.append(column)

    header, row_loop, body, row_end = table.rows
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for row, style, source in ((header, "Table Heading", "block.rows[0]"),
                               (body, "Table Text", "row")):
        first, middle, last = row.cells
        first.paragraphs[0].text = f"{{%tc for cell in {source} %}}"
        last.paragraphs[0].text = "{%tc endfor %}"
        middle.paragraphs[0].text = "{{ cell }}"
        middle.paragraphs[0].style = document.styles[style]
        width = middle._tc.get_or_add_tcPr().first_child_found_in("w:tcW")
        width.set(qn("w:type"), "dxa")
        width.set(qn("w:w"), "{{ block.widths[loop.index0] }}")
        if row is header:
            middle._tc.tcPr.append(parse_xml(
                f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>'))
    row_loop.cells[0].paragraphs[0].text = "{%tr for row in block.rows[1:] %}"
    row_end.cells[0].paragraphs[0].text = "{%tr endfor %}"

    # Keeps two tables apart (Word would merge them) and gives 6 pt below the table.
    spacer = document.add_paragraph()
    spacer._p.get_or_add_pPr().append(parse_xml(
        f'<w:spacing {nsdecls("w")} w:before="0" w:after="0" w:line="120" w:lineRule="exact"/>'))


def _build_body(document) -> None:
    document.add_paragraph("{%p for block in blocks %}")
    keyword = "if"
    for kind, style in PARAGRAPH_KINDS:
        document.add_paragraph(f'{{%p {keyword} block.kind == "{kind}" %}}')
        keyword = "elif"
        paragraph = document.add_paragraph("{{ block.text }}", style=style)
        if kind == "numbered":
            # Each run of numbered blocks is its own list, restarting at 1.
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/>'
                '<w:numId w:val="{{ block.list_id }}"/></w:numPr>'))
    document.add_paragraph('{%p elif block.kind == "table" %}')
    _build_table(document)
    document.add_paragraph('{%p elif block.kind == "pagebreak" %}')
    # The paragraph that carries the break is shrunk to nothing so that it adds no
    # blank line at the top of the next page.
    page_break = document.add_paragraph()
    page_break._p.get_or_add_pPr().append(parse_xml(
        f'<w:spacing {nsdecls("w")} w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'))
    _add_run(page_break, '<w:br w:type="page"/>')
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")


def build() -> bytes:
    document = docx.Document()
    _strip_package(document)
    _setup_defaults(document)
    _define_styles(document)

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.header_distance = section.footer_distance = Cm(1.25)
    _build_header(section)
    _build_footer(section)
    _build_body(document)

    props = document.core_properties
    for name in ("title", "subject", "keywords", "comments", "category", "language",
                 "identifier", "content_status", "version"):
        setattr(props, name, "")
    props.author = props.last_modified_by = "complaints"
    props.revision = 1
    props.created = props.modified = TEMPLATE_TIME.replace(tzinfo=None)

    stream = io.BytesIO()
    document.save(stream)
    return reproducible_zip(stream.getvalue(), TEMPLATE_TIME)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=pathlib.Path, default=OUTPUT)
    args = parser.parse_args(argv)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(build())
    print(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
