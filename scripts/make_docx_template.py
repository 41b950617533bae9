"""Generate templates/docx/document.docx, the one DOCX layout every document type uses.

The body is a docxtpl template that lays out the blocks of complaints.blocks: one
paragraph per block, in the style the renderer names, and tables through row
and cell loops. The page geometry is read from templates/html/style.css, so that
the PDF and the DOCX share one. Re-running the script gives the same bytes.

    python scripts/make_docx_template.py [--output PATH]
"""

from __future__ import annotations

import argparse
import datetime
import io
import pathlib
import sys

import docx
import tinycss2
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from complaints import render_docx as layout  # noqa: E402

OUTPUT = ROOT / "templates" / "docx" / "document.docx"
STYLESHEET = ROOT / "templates" / "html" / "style.css"
FONT = "Times New Roman"
# Fixed so that the committed template changes only when its layout does.
TEMPLATE_TIME = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
# The colours and sizes of style.css.
MARK_COLOR = RGBColor(0xAA, 0x00, 0x00)
MUTED_COLOR = RGBColor(0x55, 0x55, 0x55)
NOTE_COLOR = RGBColor(0x33, 0x33, 0x33)
BORDER_COLOR = "666666"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
PAGE_SIZES_CM = {"a4": (21.0, 29.7)}
CM_PER_UNIT = {"cm": 1.0, "mm": 0.1}

BUILT_IN_STYLES = {"Title", "Subtitle", "Heading 1", "Heading 2", "Signature",
                   "List Bullet", "List Number", "Header", "Footer"}


def _sides(values: list[float]) -> tuple[float, float, float, float]:
    """CSS's margin shorthand: one to four values for top, right, bottom, left."""
    if not 1 <= len(values) <= 4:
        raise ValueError("a margin has one to four values")
    top, right, bottom, left = (values + values[:2] if len(values) == 2 else
                                values + values[1:2] if len(values) == 3 else
                                values * 4 if len(values) == 1 else values)[:4]
    return top, right, bottom, left


def page_geometry(stylesheet: pathlib.Path = STYLESHEET) -> dict[str, float]:
    """The page size and margins, in centimetres, of the stylesheet's plain @page rule: the one
    place the page geometry of either format is written."""
    rules = tinycss2.parse_stylesheet(stylesheet.read_text(encoding="utf-8"), skip_comments=True,
                                      skip_whitespace=True)
    page = next(rule for rule in rules if rule.type == "at-rule" and rule.lower_at_keyword == "page"
                and not tinycss2.serialize(rule.prelude).strip())
    declarations = {item.lower_name: [token for token in item.value if token.type != "whitespace"]
                    for item in tinycss2.parse_blocks_contents(page.content, skip_whitespace=True)
                    if item.type == "declaration"}
    size = declarations["size"]
    if len(size) != 1 or size[0].type != "ident" or size[0].lower_value not in PAGE_SIZES_CM:
        raise ValueError(f"{stylesheet.name}: @page size must be one of {sorted(PAGE_SIZES_CM)}")
    width, height = PAGE_SIZES_CM[size[0].lower_value]
    lengths = []
    for token in declarations["margin"]:
        if token.type != "dimension" or token.lower_unit not in CM_PER_UNIT:
            raise ValueError(f"{stylesheet.name}: @page margins must be given in cm or mm")
        lengths.append(token.value * CM_PER_UNIT[token.lower_unit])
    top, right, bottom, left = _sides(lengths)
    return {"width": width, "height": height, "top": top, "right": right, "bottom": bottom, "left": left}


def _level(ilvl: int, fmt: str, text: str, indent: int, hanging: int, *, style: str = "",
           suffix: str = "tab", font: str = "") -> str:
    linked = f'<w:pStyle w:val="{style}"/>' if style else ""
    run = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/></w:rPr>' if font else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{linked}'
            f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent}" w:hanging="{hanging}"/></w:pPr>{run}</w:lvl>')


def _abstract(number: int, kind: str, levels: list[str]) -> str:
    return (f'<w:abstractNum w:abstractNumId="{number}"><w:nsid w:val="2C0A7B{number + 11:02X}"/>'
            f'<w:multiLevelType w:val="{kind}"/>{"".join(levels)}</w:abstractNum>')


# Lists have two levels (Tab makes a sub-item): bullets • then ◦; numbers 1. then a).
# Headings are numbered by the heading styles' own list, as the templates number them: decimal
# "1." and "3.1.", or Roman "I." at either level (the Roman list's second level stands alone,
# as the questionnaire's sections do under its one unnumbered heading).
NUMBERING_XML = (
    f'<w:numbering {nsdecls("w")}>'
    + _abstract(0, "hybridMultilevel", [_level(0, "bullet", "\u2022", 567, 283, font=FONT),
                                        _level(1, "bullet", "\u25e6", 1134, 283, font=FONT)])
    + _abstract(1, "hybridMultilevel", [_level(0, "decimal", "%1.", 567, 397),
                                        _level(1, "lowerLetter", "%2)", 1134, 397)])
    + _abstract(2, "multilevel", [_level(0, "decimal", "%1.", 0, 0, style="Heading1", suffix="space"),
                                  _level(1, "decimal", "%1.%2.", 0, 0, style="Heading2", suffix="space")])
    + _abstract(3, "multilevel", [_level(0, "upperRoman", "%1.", 0, 0, suffix="space"),
                                  _level(1, "upperRoman", "%2.", 0, 0, suffix="space")])
    + "".join(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/></w:num>'
              for num_id, abstract in ((layout.BULLET_NUM_ID, 0), (layout.DECIMAL_NUM_ID, 1),
                                       (layout.HEADING_NUM_ID, 2), (layout.ROMAN_NUM_ID, 3)))
    + "</w:numbering>"
)

_SOLID = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
# The three of each kind of format a theme must list; the documents use none of them.
_FORMATS = (
    f"<a:fillStyleLst>{_SOLID * 3}</a:fillStyleLst>"
    + "<a:lnStyleLst>" + "".join(f'<a:ln w="{width}">{_SOLID}</a:ln>' for width in (6350, 12700, 19050))
    + "</a:lnStyleLst><a:effectStyleLst>" + "<a:effectStyle><a:effectLst/></a:effectStyle>" * 3
    + f"</a:effectStyleLst><a:bgFillStyleLst>{_SOLID * 3}</a:bgFillStyleLst>"
)
# The theme Word takes its "heading" and "body" fonts from when a lawyer adds a built-in style
# (Heading 3, Quote, a table of contents): the document's own font, for every script.
THEME_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="complaints">
<a:themeElements>
<a:clrScheme name="complaints">
<a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>
<a:dk2><a:srgbClr val="333333"/></a:dk2><a:lt2><a:srgbClr val="E8E8E8"/></a:lt2>
<a:accent1><a:srgbClr val="404040"/></a:accent1><a:accent2><a:srgbClr val="AA0000"/></a:accent2>
<a:accent3><a:srgbClr val="666666"/></a:accent3><a:accent4><a:srgbClr val="1F3864"/></a:accent4>
<a:accent5><a:srgbClr val="385623"/></a:accent5><a:accent6><a:srgbClr val="7F6000"/></a:accent6>
<a:hlink><a:srgbClr val="1F3864"/></a:hlink><a:folHlink><a:srgbClr val="5B2C6F"/></a:folHlink>
</a:clrScheme>
<a:fontScheme name="complaints">
<a:majorFont><a:latin typeface="{FONT}"/><a:ea typeface=""/><a:cs typeface="{FONT}"/></a:majorFont>
<a:minorFont><a:latin typeface="{FONT}"/><a:ea typeface=""/><a:cs typeface="{FONT}"/></a:minorFont>
</a:fontScheme>
<a:fmtScheme name="complaints">{_FORMATS}</a:fmtScheme>
</a:themeElements>
<a:objectDefaults/>
<a:extraClrSchemeLst/>
</a:theme>
""".encode()

# The one font the document uses (Word fills in the rest of the entry from the font itself).
FONT_TABLE_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts {nsdecls("w")}>
<w:font w:name="{FONT}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="CC"/>\
<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
</w:fonts>
""".encode()

# What the package says made it; the page and word counts are Word's to fill in.
APP_XML = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">
<Application>complaints</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>
<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>
</Properties>
"""

_COMPAT = "".join(f'<w:compatSetting w:name="{name}" w:uri="http://schemas.microsoft.com/office/word" w:val="{value}"/>'
                  for name, value in (("compatibilityMode", 15), ("overrideTableStyleFontSizeAndJustification", 1),
                                      ("enableOpenTypeFeatures", 1), ("doNotFlipMirrorIndents", 1)))
_COLOUR_MAPPING = " ".join(
    [f'w:{slot}="{scheme}"'
     for slot, scheme in (("bg1", "light1"), ("t1", "dark1"), ("bg2", "light2"), ("t2", "dark2"))]
    + [f'w:{name}="{name}"' for name in ("accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hyperlink",
                                        "followedHyperlink")])
# In the order the schema gives them. Word hyphenates (not capitals) where the style allows it,
# as the PDF does; the renderer sets the theme's language to the document's.
SETTINGS_XML = f"""
<w:settings {nsdecls("w")}>
  <w:zoom w:percent="100"/>
  <w:defaultTabStop w:val="709"/>
  <w:autoHyphenation/>
  <w:hyphenationZone w:val="284"/>
  <w:doNotHyphenateCaps/>
  <w:characterSpacingControl w:val="doNotCompress"/>
  <w:compat>{_COMPAT}</w:compat>
  <w:themeFontLang w:val="en-GB"/>
  <w:clrSchemeMapping {_COLOUR_MAPPING}/>
  <w:decimalSymbol w:val="."/>
  <w:listSeparator w:val=","/>
</w:settings>
"""

# A reference to a numbered heading: Word's REF field to its bookmark, giving the heading's number
# in relative context (\r) as a link (\h), with the number the PDF prints as its last result.
REFERENCE_XML = (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> REF {{ target }} \\r \\h </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    '<w:r><w:t xml:space="preserve">{{ text }}</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
)

def _runs_xml(runs: str) -> str:
    """The runs named `runs`, (text, anchor, mark) each: a reference, the line to sign on (three tabs
    of the Signature Line style), an open point in its character style, or plain text."""
    return ("{% for text, target, mark in " + runs + " %}{% if target %}" + REFERENCE_XML
            + '{% elif mark == "line" %}<w:r><w:tab/><w:tab/><w:tab/></w:r>'
            '{% elif mark == "open-point" %}<w:r><w:rPr><w:rStyle w:val="OpenPoint"/></w:rPr>'
            '<w:t xml:space="preserve">{{ text }}</w:t></w:r>'
            '{% else %}<w:r><w:t xml:space="preserve">{{ text }}</w:t></w:r>{% endif %}{% endfor %}')


# One paragraph for every kind of block: the renderer names its style, a page break before it, its
# list (numbered items, and the headings not numbered by their style's list), after a table, the
# space the table's bottom margin gives in the PDF, and an alignment other than its style's.
PARAGRAPH_XML = (
    '<w:p><w:pPr><w:pStyle w:val="{{ block.style }}"/>'
    "{% if block.keep_next %}<w:keepNext/>{% endif %}"
    "{% if block.break_before %}<w:pageBreakBefore/>{% endif %}"
    '{% if block.numbering %}<w:numPr><w:ilvl w:val="{{ block.numbering[0] }}"/>'
    '<w:numId w:val="{{ block.numbering[1] }}"/></w:numPr>{% endif %}'
    '{% if block.after_table %}<w:spacing w:before="{{ block.after_table }}"/>{% endif %}'
    '{% if block.align %}<w:jc w:val="{{ block.align }}"/>{% endif %}</w:pPr>'
    '{% if block.bookmark %}<w:bookmarkStart w:id="{{ block.bookmark_id }}" w:name="{{ block.bookmark }}"/>'
    "{% endif %}"
    '{% if block.runs %}' + _runs_xml("block.runs") + "{% else %}"
    '<w:r><w:t xml:space="preserve">{{ block.text }}</w:t></w:r>{% endif %}'
    '{% if block.bookmark %}<w:bookmarkEnd w:id="{{ block.bookmark_id }}"/>{% endif %}</w:p>'
)

# A cell, from the renderer's (text, width, style, shading, pieces) of it: its runs when part of it
# is marked (a reference to a heading, an open point), its text otherwise.
CELL_XML = (
    '<w:tc><w:tcPr><w:tcW w:w="{{ width }}" w:type="dxa"/>'
    '{% if fill %}<w:shd w:val="clear" w:color="auto" w:fill="{{ fill }}"/>{% endif %}</w:tcPr>'
    '<w:p><w:pPr><w:pStyle w:val="{{ style }}"/></w:pPr>'
    "{% if pieces %}" + _runs_xml("pieces")
    + '{% else %}<w:r><w:t xml:space="preserve">{{ text }}</w:t></w:r>{% endif %}</w:p></w:tc>'
)
_CELLS = "{% for text, width, style, fill, pieces in row %}" + CELL_XML + "{% endfor %}"

# A table: fixed column widths from the renderer, header rows (those of <thead>) repeated on
# every page, rows that never split across pages, and cells styled by their column (a header
# or a row label bold and shaded, a running number set right). The table style gives the same
# look to rows a lawyer adds (tblLook names the header row and label column). Two tables in a
# row are kept apart by an empty paragraph, as Word would otherwise join them, and so is a table
# that ends the document, which Word expects to end with a paragraph.
TABLE_XML = (
    '<w:tbl><w:tblPr><w:tblStyle w:val="ComplaintsTable"/><w:tblW w:w="5000" w:type="pct"/>'
    '<w:tblLayout w:type="fixed"/><w:tblLook w:val="{{ block.look }}" w:firstRow="{{ block.first_row }}" '
    'w:lastRow="0" w:firstColumn="{{ block.first_column }}" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
    "</w:tblPr>"
    '<w:tblGrid>{% for width in block.widths %}<w:gridCol w:w="{{ width }}"/>{% endfor %}</w:tblGrid>'
    "{% for row in block.head %}<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" + _CELLS
    + "</w:tr>{% endfor %}"
    "{% for row in block.body %}<w:tr><w:trPr><w:cantSplit/></w:trPr>" + _CELLS + "</w:tr>{% endfor %}</w:tbl>"
    '{% if block.separate %}<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
    "</w:pPr></w:p>{% endif %}"
)

# A chart: its image (related to the body by the renderer) in a paragraph of its own across the text
# width, kept with its caption, which follows in the caption's style; the alt text as the picture's
# description.
FIGURE_XML = (
    '<w:p><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="40"/><w:jc w:val="center"/></w:pPr>'
    '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
    '<wp:extent cx="{{ block.cx }}" cy="{{ block.cy }}"/>'
    '<wp:docPr id="1" name="{{ block.name }}" descr="{{ block.alt }}"/>'
    '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
    '<pic:nvPicPr><pic:cNvPr id="0" name="{{ block.name }}" descr="{{ block.alt }}"/><pic:cNvPicPr/></pic:nvPicPr>'
    '<pic:blipFill><a:blip r:embed="{{ block.relationship }}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
    '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{{ block.cx }}" cy="{{ block.cy }}"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
    "</wp:inline></w:drawing></w:r></w:p>" + PARAGRAPH_XML
)

# Two charts side by side (a row of charts, as the PDF sets them): a table of two cells without
# borders or cell margins, each holding a chart and its caption, its row never split; a paragraph
# of no height after it keeps Word from joining it to a table that follows.
FIGURE_ROW_XML = (
    '<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/>'
    '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>'
    '<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
    '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" '
    'w:noVBand="1"/></w:tblPr>'
    '<w:tblGrid>{% for figure in block.cells %}<w:gridCol w:w="{{ block.cell_width }}"/>{% endfor %}</w:tblGrid>'
    "<w:tr><w:trPr><w:cantSplit/></w:trPr>{% for figure in block.cells %}"
    '<w:tc><w:tcPr><w:tcW w:w="{{ block.cell_width }}" w:type="dxa"/></w:tcPr>'
    + FIGURE_XML.replace("block.", "figure.") + "</w:tc>{% endfor %}</w:tr></w:tbl>"
    '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>'
)

BODY_XML = ('{% for block in blocks %}{% if block.kind == "table" %}' + TABLE_XML
            + '{% elif block.kind == "figure" %}' + FIGURE_XML
            + '{% elif block.kind == "figures" %}' + FIGURE_ROW_XML + "{% else %}"
            + PARAGRAPH_XML + "{% endif %}{% endfor %}")


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


def _part(document, name: str):
    return next(part for part in document.part.package.iter_parts() if part.partname == PackURI(name))


def _own_parts(document) -> None:
    """Drop the parts of python-docx's sample file that a generated document has no use for, and
    make the theme, the font table and the application properties the project's own."""
    package_rels = document.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(rid)
    unwanted = {RT.CUSTOM_XML, STYLES_WITH_EFFECTS}
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype in unwanted:
            document.part.rels.pop(rid)
    for name, blob in (("/word/theme/theme1.xml", THEME_XML), ("/word/fontTable.xml", FONT_TABLE_XML),
                       ("/docProps/app.xml", APP_XML)):
        _part(document, name)._blob = blob


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
    language = rpr.find(qn("w:lang"))
    language.attrib.clear()
    language.set(qn("w:val"), "en-GB")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "120")  # 6 pt
    spacing.set(qn("w:line"), "276")  # 1.15 lines
    spacing.set(qn("w:lineRule"), "auto")

    settings = document.settings.element
    for child in list(settings):
        settings.remove(child)
    for child in list(parse_xml(SETTINGS_XML)):
        settings.append(child)

    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in list(parse_xml(NUMBERING_XML)):
        numbering.append(child)


# What follows w:suppressAutoHyphens among a paragraph's properties, in the schema's order.
_AFTER_SUPPRESS_AUTO_HYPHENS = (
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
    "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)


def _paragraph_style(document, name, *, size=12.0, bold=False, color=None, align=None, before=0.0,
                     after=6.0, line=1.15, keep_next=False, hyphenate=True, left=None, next_style=None):
    """A paragraph style with the values of its rule in style.css (sizes and margins in points)."""
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
    font = style.font
    if size != 12:
        font.size = Pt(size)
    font.bold = bold or None
    if color is not None:
        font.color.rgb = color
    fmt = style.paragraph_format
    if align is not None:
        fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = line
    if left is not None:
        fmt.left_indent = left
    if name == "Normal":
        fmt.widow_control = True
    if keep_next:
        fmt.keep_with_next = True
    if not hyphenate:
        style.element.get_or_add_pPr().insert_element_before(OxmlElement("w:suppressAutoHyphens"),
                                                             *_AFTER_SUPPRESS_AUTO_HYPHENS)
    return style


def _set_outline_level(style, level: int) -> None:
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    style.element.get_or_add_pPr().append(outline)


def _set_numbering(style, num_id: int, level: int = 0) -> None:
    numbering = style.element.get_or_add_pPr().get_or_add_numPr()
    if level:
        numbering.get_or_add_ilvl().val = level
    numbering.get_or_add_numId().val = num_id


def _define_styles(document, text_width) -> None:
    """The styles of every kind of block, after the rules of style.css. Only running text (p, li)
    is hyphenated there, and so here."""
    left, center, right, justify = (WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER,
                                    WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY)
    _paragraph_style(document, "Normal", align=justify)
    _paragraph_style(document, "Title", size=17, bold=True, align=center, after=4, keep_next=True,
                     hyphenate=False, next_style="Normal")
    _paragraph_style(document, "Subtitle", size=13, bold=True, align=center, after=18, keep_next=True,
                     hyphenate=False, next_style="Normal")
    # p.addressee: set in the right half of the page, its lines flush left, as Russian and Kazakh letters are.
    _paragraph_style(document, "Addressee", align=left, after=2, hyphenate=False,
                     left=int(text_width * layout.ADDRESSEE_INDENT))
    heading1 = _paragraph_style(document, "Heading 1", size=13.5, bold=True, align=left, before=16, after=6,
                                keep_next=True, hyphenate=False, next_style="Normal")
    _set_numbering(heading1, layout.HEADING_NUM_ID)
    _set_outline_level(heading1, 0)
    heading2 = _paragraph_style(document, "Heading 2", bold=True, align=left, before=12, after=4,
                                keep_next=True, hyphenate=False, next_style="Normal")
    _set_numbering(heading2, layout.HEADING_NUM_ID, level=1)
    _set_outline_level(heading2, 1)
    _paragraph_style(document, "Note", size=10, color=NOTE_COLOR)
    signature = _paragraph_style(document, "Signature", align=left, before=18, hyphenate=False)
    signature.paragraph_format.keep_together = True
    # p.signature-line: the position, the line to sign on (span.line: two tabs, the second with a
    # leader, and a third for the space after it) and the name, at the stylesheet's shares.
    line = _paragraph_style(document, "Signature Line", align=left, before=18, hyphenate=False)
    line.paragraph_format.keep_together = True
    stops = line.paragraph_format.tab_stops
    position, drawn, gap = layout.SIGNATURE_SHARES
    stops.add_tab_stop(int(text_width * position))
    stops.add_tab_stop(int(text_width * (position + drawn)), leader=WD_TAB_LEADER.LINES)
    stops.add_tab_stop(int(text_width * (position + drawn + gap)))
    # .open-point: what the lawyer must complete, bold on the PDF's shading; a character style, so
    # that Word's Find can look for every one of them.
    open_point = document.styles.add_style("Open Point", WD_STYLE_TYPE.CHARACTER)
    open_point.base_style = document.styles["Default Paragraph Font"]
    open_point.quick_style = True
    open_point.font.bold = True
    shading = OxmlElement("w:shd")
    for attribute, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", layout.OPEN_POINT_FILL)):
        shading.set(qn(attribute), value)
    open_point.element.get_or_add_rPr().append(shading)
    bullet = _paragraph_style(document, "List Bullet", after=3)
    _set_numbering(bullet, layout.BULLET_NUM_ID)
    numbered = _paragraph_style(document, "List Number", after=3)
    _set_numbering(numbered, layout.DECIMAL_NUM_ID)
    table_text = {"size": 9.5, "after": 0, "line": 1.0, "hyphenate": False}
    _paragraph_style(document, "Table Text", align=left, **table_text)
    _paragraph_style(document, "Table Heading", bold=True, align=left, keep_next=True, **table_text)
    _paragraph_style(document, "Table Label", bold=True, align=left, **table_text)
    _paragraph_style(document, "Table Number", align=right, **table_text)
    _paragraph_style(document, "Header", size=8, color=MUTED_COLOR, after=0, line=1.0, hyphenate=False)
    _paragraph_style(document, "Footer", size=9, after=0, line=1.0, hyphenate=False)

    table = document.styles.add_style("Complaints Table", WD_STYLE_TYPE.TABLE)
    table.base_style = document.styles["Normal Table"]
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{BORDER_COLOR}"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    table.element.append(parse_xml(f"""
        <w:tblPr {nsdecls("w")}>
          <w:tblBorders>{borders}</w:tblBorders>
          <w:tblCellMar>
            <w:top w:w="50" w:type="dxa"/>
            <w:left w:w="80" w:type="dxa"/>
            <w:bottom w:w="50" w:type="dxa"/>
            <w:right w:w="80" w:type="dxa"/>
          </w:tblCellMar>
        </w:tblPr>"""))
    # What a row or cell a lawyer adds takes: a header row and a label column look as in the PDF.
    for part, fill in (("firstRow", layout.HEADER_FILL), ("firstCol", layout.LABEL_FILL)):
        table.element.append(parse_xml(f"""
            <w:tblStylePr {nsdecls("w")} w:type="{part}">
              <w:rPr><w:b/></w:rPr>
              <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr>
            </w:tblStylePr>"""))


def _add_run(paragraph, xml: str):
    run = parse_xml(f"<w:r {nsdecls('w')}>{xml}</w:r>")
    paragraph._p.append(run)
    return run


def _build_header(header, *, running: bool) -> None:
    """The draft and confidential marks when there are and, except on the first page (as in the PDF),
    the running header under it. The first page's header keeps its one paragraph, empty in a
    public document, as a header part must hold one."""
    header.is_linked_to_previous = False
    if running:
        header.paragraphs[0].text = "{%p if meta.confidential_mark or meta.draft_mark %}"
        mark = header.add_paragraph(style="Header")
    else:
        mark = header.paragraphs[0]
        mark.style = "Header"
    mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    # "Draft" on every page of a document that still has open points, before the confidential mark.
    draft = mark.add_run("{{ meta.draft_mark }}{{ '   ' if meta.draft_mark and meta.confidential_mark }}")
    draft.bold = True
    draft.font.size = Pt(9)
    draft.font.color.rgb = MARK_COLOR
    run = mark.add_run("{{ meta.confidential_mark }}")
    run.bold = True
    run.font.size = Pt(9)
    run.font.color.rgb = MARK_COLOR
    if running:
        header.add_paragraph("{%p endif %}")
        line = header.add_paragraph("{{ meta.header }}", style="Header")
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _build_footer(footer) -> None:
    """Page X of Y: the renderer passes the translated label as pieces of text and
    field names, in the label's order, so any language may place them as it needs.

    The loop's statements stand between the runs as plain text (docxtpl renders the
    XML as text); {%r %} tags would leave an empty run behind for each of them.
    """
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


def _build_body(document) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    template = parse_xml(f"<w:body {nsdecls('w', 'r', 'wp', 'a', 'pic')}>{BODY_XML}</w:body>")
    body.text = template.text
    section = body.find(qn("w:sectPr"))
    for child in list(template):
        section.addprevious(child)  # lxml moves an element's tail with it


def build() -> bytes:
    document = docx.Document()
    _own_parts(document)
    _setup_defaults(document)

    page = page_geometry()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(page["width"]), Cm(page["height"])
    section.top_margin, section.bottom_margin = Cm(page["top"]), Cm(page["bottom"])
    section.left_margin, section.right_margin = Cm(page["left"]), Cm(page["right"])
    # The header and footer sit in the margins, as the PDF's page-margin boxes do.
    section.header_distance = section.footer_distance = Cm(1.0)
    section.different_first_page_header_footer = True
    _define_styles(document, section.page_width - section.left_margin - section.right_margin)
    _build_header(section.header, running=True)
    _build_header(section.first_page_header, running=False)
    _build_footer(section.footer)
    _build_footer(section.first_page_footer)
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
    return layout.reproducible_zip(stream.getvalue(), TEMPLATE_TIME)


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
