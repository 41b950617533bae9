"""render_docx: blocks in, a DOCX out that reads back as the same blocks."""

from __future__ import annotations

import datetime
import importlib.util
import io
import pathlib
import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from complaints import render_docx as render_module
from complaints.blocks import LABEL, NUMBER, TEXT, Block, DocumentMeta
from complaints.errors import BuildError
from complaints.render_docx import render_docx

ROOT = pathlib.Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "templates" / "docx" / "document.docx"
KAZAKH = "Шағымданушылар: ә ғ қ ң ө ұ ү һ і"
HOSTILE = '{{ 7*7 }} {% if %} & < > "'
BUILD_TIME = datetime.datetime(2024, 5, 1, 12, 30, 10, tzinfo=datetime.UTC)

TABLE_ROWS = (("№", "Ф.И.О.", "Дата", "Статья", "Обстоятельства"),) + tuple(
    (str(n), f"Тұлға {n}", f"{n:02d}.03.2024", "ст. 174", f"Задержан {n}; {HOSTILE}")
    for n in range(1, 31)
)
TABLE_COLUMNS = (NUMBER, TEXT, TEXT, TEXT, TEXT)
LABELS = (("Фамилия", "Иванов"), ("Дата рождения", "не известна"))
LONG_LABELS = (("Адрес организации, которая представляет автора", HOSTILE * 6),)
BLOCKS = (
    Block("addressee", "В Комитет ООН по правам человека"),
    Block("addressee", "Женева"),
    Block("title", "Жалоба"),
    Block("subtitle", "Шағым"),
    Block("table", rows=LABELS, columns=(LABEL, TEXT)),
    Block("heading", "Заявители", number="1."),
    Block("paragraph", KAZAKH),
    Block("subheading", "Текст", number="1.1."),
    Block("paragraph", HOSTILE),
    Block("item", "первый пункт"),
    Block("item", "екінші тармақ"),
    Block("numbered", "первое требование"),
    Block("numbered", "второе требование"),
    Block("note", "Примечание"),
    Block("table", rows=TABLE_ROWS, header_rows=1, columns=TABLE_COLUMNS),
    Block("numbered", "новый список"),
    Block("heading", "Қосымшалар", break_before=True),
    Block("signature", "Подпись ________"),
    Block("table", rows=LONG_LABELS, columns=(LABEL, TEXT)),
    Block("table", rows=LABELS, columns=(LABEL, TEXT)),
)
STYLES = {
    "title": "Title", "subtitle": "Subtitle", "addressee": "Addressee",
    "heading": "Heading 1", "subheading": "Heading 2", "paragraph": "Normal",
    "note": "Note", "signature": "Signature", "item": "List Bullet",
    "numbered": "List Number",
}
META = DocumentMeta(
    title=f"Жалоба {HOSTILE}",
    language="ru",
    header="Иванов против Казахстана",
    page_label="Страница {page} из {pages}",
    confidential_mark="Конфиденциально",
    keywords=("Казахстан", "МПГПП"),
)


def _render(blocks=BLOCKS, meta=META, build_time=BUILD_TIME) -> bytes:
    return render_docx(TEMPLATE, blocks, meta, build_time)


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return _render()


@pytest.fixture(scope="module")
def document(rendered):
    return docx.Document(io.BytesIO(rendered))


def _read_back(document) -> list[tuple]:
    """The body as (kind-ish, ...) tuples; the paragraph that keeps two tables apart is left out."""
    items = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:tbl"):
            table = Table(element, document)
            items.append(("table", tuple(tuple(c.text for c in row.cells) for row in table.rows)))
        elif element.tag == qn("w:p"):
            paragraph = Paragraph(element, document)
            if paragraph.text:
                items.append((paragraph.style.name, paragraph.text, element.pPr.pageBreakBefore is not None))
    return items


def _expected(blocks) -> list[tuple]:
    items = []
    for block in blocks:
        if block.kind == "table":
            items.append(("table", block.rows))
        else:
            items.append((STYLES[block.kind], block.text, block.break_before))
    return items


def _body_paragraphs(document) -> list:
    return document.element.body.findall(qn("w:p"))


def test_paragraphs_and_tables_follow_the_blocks(document):
    assert _read_back(document) == _expected(BLOCKS)


def _grid(table) -> list[int]:
    return [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def _text_width(document) -> int:
    section = document.sections[0]
    return (section.page_width - section.left_margin - section.right_margin) // 635


def test_only_header_rows_repeat_and_no_row_splits_across_pages(document):
    labels, table = document.tables[0], document.tables[1]
    assert len(table.rows) == 31 and len(table.columns) == 5
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in labels.rows)
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for t in document.tables for row in t.rows)
    assert sum(_grid(table)) == _text_width(document)
    assert _grid(table)[0] < _grid(table)[-1]


def _fill(cell) -> str | None:
    shading = cell._tc.tcPr.find(qn("w:shd"))
    return None if shading is None else shading.get(qn("w:fill"))


def test_header_cells_and_row_labels_are_bold_and_shaded(document):
    labels, table = document.tables[0], document.tables[1]
    for cell in table.rows[0].cells:
        assert cell.paragraphs[0].style.name == "Table Heading" and _fill(cell) == render_module.HEADER_FILL
    for row in labels.rows:
        label, value = row.cells
        assert label.paragraphs[0].style.name == "Table Label" and _fill(label) == render_module.LABEL_FILL
        assert value.paragraphs[0].style.name == "Table Text" and _fill(value) is None
    assert document.styles["Table Heading"].font.bold and document.styles["Table Label"].font.bold
    assert not document.styles["Table Text"].font.bold
    for row in table.rows[1:]:
        assert all(_fill(cell) is None for cell in row.cells)
    # The table's look names what it has, so that rows a lawyer adds look the same.
    looks = [t._tbl.tblPr.find(qn("w:tblLook")) for t in (labels, table)]
    assert [(look.get(qn("w:firstRow")), look.get(qn("w:firstColumn"))) for look in looks] == [("0", "1"), ("1", "0")]


def test_label_value_tables_share_one_proportion(document):
    short, long_, again = document.tables[0], document.tables[2], document.tables[3]
    assert _grid(short) == _grid(long_) == _grid(again)
    assert _grid(short)[0] == int(_text_width(document) * render_module.LABEL_SHARE)
    assert short._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def test_the_number_column_is_set_right(document):
    table = document.tables[1]
    assert {row.cells[0].paragraphs[0].style.name for row in table.rows[1:]} == {"Table Number"}
    assert document.styles["Table Number"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_no_empty_paragraph_but_between_tables_and_at_the_end(document):
    body = list(document.element.body.iterchildren())
    for index, element in enumerate(body):
        if element.tag == qn("w:p") and not Paragraph(element, document).text:
            after_table = body[index - 1].tag == qn("w:tbl")
            before_table_or_end = body[index + 1].tag in (qn("w:tbl"), qn("w:sectPr"))
            assert after_table and before_table_or_end, index
    assert not document.element.body.xpath('.//w:br[@w:type="page"]')


def test_a_page_break_is_the_heading_s_own(document):
    breaking = [p for p in _body_paragraphs(document) if p.pPr.pageBreakBefore is not None]
    assert [Paragraph(p, document).text for p in breaking] == ["Қосымшалар"]


def test_text_after_a_table_keeps_the_pdf_s_distance(document):
    after = [p for p in _body_paragraphs(document) if p.getprevious() is not None
             and p.getprevious().tag == qn("w:tbl") and Paragraph(p, document).text]
    spacing = {Paragraph(p, document).text: p.pPr.find(qn("w:spacing")) for p in after}
    assert spacing["новый список"].get(qn("w:before")) == str(render_module.TABLE_GAP)
    assert spacing["Заявители"] is None  # a heading has more space before it than that
    before = document.styles["Heading 1"].paragraph_format.space_before.twips
    assert before >= render_module.TABLE_GAP


def test_hostile_text_prints_literally(document):
    texts = [p.text for p in document.paragraphs]
    assert HOSTILE in texts
    assert "49" not in "".join(texts)
    assert document.tables[1].rows[1].cells[4].text == f"Задержан 1; {HOSTILE}"
    assert document.core_properties.title == META.title


def test_header_shows_the_case_and_the_mark_but_the_first_page_only_the_mark(document):
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert [p.text for p in section.header.paragraphs] == [META.confidential_mark, META.header]
    assert [p.text for p in section.first_page_header.paragraphs] == [META.confidential_mark]
    for header in (section.header, section.first_page_header):
        mark = header.paragraphs[0].runs[0]
        assert mark.bold and str(mark.font.color.rgb) == "AA0000"
    assert [p.text for p in section.first_page_footer.paragraphs] == [p.text for p in section.footer.paragraphs]


def test_header_without_mark():
    meta = DocumentMeta(title="t", language="en", header=f"Case {HOSTILE}")
    section = docx.Document(io.BytesIO(_render(meta=meta))).sections[0]
    assert [p.text for p in section.header.paragraphs] == [f"Case {HOSTILE}"]
    assert [p.text for p in section.first_page_header.paragraphs] == [""]


def test_no_confidential_paragraph_in_the_body(document):
    assert META.confidential_mark not in [p.text for p in document.paragraphs]


def test_footer_has_page_and_numpages_fields(document):
    footer = document.sections[0].footer.paragraphs[0]._p
    codes = [e.text.strip() for e in footer.iter(qn("w:instrText"))]
    assert codes == ["PAGE", "NUMPAGES"]
    kinds = [e.get(qn("w:fldCharType")) for e in footer.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2
    texts = [e.text for e in footer.iter(qn("w:t"))]
    assert texts == ["Страница ", "1", " из ", "1"]


def test_footer_follows_the_label_order():
    meta = DocumentMeta(title="t", language="kk", page_label="{pages} беттің {page}-беті")
    footer = docx.Document(io.BytesIO(_render(meta=meta))).sections[0].footer.paragraphs[0]._p
    parts = [
        f"[{e.text.strip()}]" if e.tag == qn("w:instrText") else e.text
        for e in footer.iter(qn("w:instrText"), qn("w:t"))
        if not (e.tag == qn("w:t") and e.text == "1")
    ]
    assert parts == ["[NUMPAGES]", " беттің ", "[PAGE]", "-беті"]


def test_core_properties(document):
    props = document.core_properties
    assert props.title == META.title
    assert props.language == "ru"
    assert props.keywords == "Казахстан, МПГПП"
    assert props.created == props.modified == BUILD_TIME
    assert props.last_printed is None
    assert props.author == props.last_modified_by == "complaints"
    assert props.revision == 1


@pytest.mark.parametrize("language, tag", [("ru", "ru-RU"), ("kk", "kk-KZ"), ("en", "en-GB")])
def test_default_language_follows_the_document(language, tag):
    meta = DocumentMeta(title="t", language=language)
    document = docx.Document(io.BytesIO(_render(blocks=BLOCKS[:3], meta=meta)))
    lang = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(
        qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == tag
    assert document.settings.element.find(qn("w:themeFontLang")).get(qn("w:val")) == tag


def test_each_numbered_list_restarts(document):
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert ids[0] == ids[1] != ids[2]
    numbering = document.part.numbering_part.element
    for num_id in set(ids):
        num = numbering.num_having_numId(num_id)
        assert num.find(qn("w:lvlOverride")).find(qn("w:startOverride")).get(qn("w:val")) == "1"


def test_same_inputs_give_the_same_bytes(rendered):
    assert _render() == rendered


def test_build_time_sets_the_zip_timestamps(rendered):
    later = BUILD_TIME + datetime.timedelta(days=40, hours=3)
    other = _render(build_time=later)
    assert other != rendered
    with zipfile.ZipFile(io.BytesIO(rendered)) as first, zipfile.ZipFile(io.BytesIO(other)) as second:
        assert {i.date_time for i in first.infolist()} == {(2024, 5, 1, 12, 30, 10)}
        assert {i.date_time for i in second.infolist()} == {(2024, 6, 10, 15, 30, 10)}
        assert first.namelist() == second.namelist()
        assert first.namelist()[0] == "[Content_Types].xml"


def test_unknown_kind_is_refused():
    with pytest.raises(BuildError, match="marquee"):
        _render(blocks=(Block("marquee", "x"),))


def test_template_is_read_once():
    render_module._load.cache_clear()
    _render(blocks=BLOCKS[:2])
    _render(blocks=BLOCKS[2:4])
    info = render_module._load.cache_info()
    assert (info.misses, info.hits) == (1, 1)


def test_committed_template_matches_the_script():
    spec = importlib.util.spec_from_file_location(
        "make_docx_template", ROOT / "scripts" / "make_docx_template.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.build() == TEMPLATE.read_bytes(), "run scripts/make_docx_template.py"


@pytest.mark.slow
@pytest.mark.skipif(
    not (shutil.which("libreoffice") and shutil.which("pdftotext")),
    reason="needs libreoffice and pdftotext",
)
def test_libreoffice_prints_the_texts(rendered, tmp_path):
    source = tmp_path / "document.docx"
    source.write_bytes(rendered)
    # A profile of its own, so that a LibreOffice already running elsewhere is no obstacle.
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        ["libreoffice", f"-env:UserInstallation={profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = subprocess.run(
        ["pdftotext", str(tmp_path / "document.pdf"), "-"],
        check=True, capture_output=True, text=True,
    ).stdout
    text = " ".join(pdf.split())
    for expected in (KAZAKH, HOSTILE, META.header, META.confidential_mark, "Қосымшалар",
                     "Тұлға 30", "30.03.2024", "Подпись ________"):
        assert expected in text
    pages = len(re.findall(r"Страница \d+ из (\d+)", text))
    assert pages >= 2
    assert f"Страница 1 из {pages}" in text


def _numbering_levels(document, num_id: int) -> dict[int, tuple[str, str]]:
    numbering = document.part.numbering_part.element
    abstract_id = numbering.num_having_numId(num_id).abstractNumId.val
    abstract = next(a for a in numbering.findall(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == str(abstract_id))
    return {int(level.get(qn("w:ilvl"))): (level.find(qn("w:numFmt")).get(qn("w:val")),
                                           level.find(qn("w:lvlText")).get(qn("w:val")))
            for level in abstract.findall(qn("w:lvl"))}


def _numbering(paragraph) -> tuple[str, str] | None:
    numbering = paragraph.pPr.numPr if paragraph.pPr is not None else None
    if numbering is None:
        return None
    return (numbering.ilvl.val if numbering.ilvl is not None else None, numbering.numId.val)


def test_headings_are_numbered_by_their_styles_list(document):
    for name, level in (("Heading 1", None), ("Heading 2", 1)):
        numbering = document.styles[name].element.pPr.numPr
        assert numbering.numId.val == render_module.HEADING_NUM_ID
        assert (numbering.ilvl.val if numbering.ilvl is not None else None) == level
    assert _numbering_levels(document, render_module.HEADING_NUM_ID) == {
        0: ("decimal", "%1."), 1: ("decimal", "%1.%2.")}
    headings = {p.text: _numbering(p._p) for p in document.paragraphs if p.style.name.startswith("Heading")}
    # Numbered through the style; the annex heading, unnumbered in the PDF, is taken off the list.
    assert headings == {"Заявители": None, "Текст": None, "Қосымшалар": (0, 0)}


def _heading_texts(blocks) -> list[tuple[str, tuple | None]]:
    document = docx.Document(io.BytesIO(_render(blocks=blocks)))
    return [(p.text, _numbering(p._p)) for p in document.paragraphs if p.style.name.startswith("Heading")]


def test_roman_numbers_use_their_own_list_and_wrong_ones_stay_typed():
    roman = render_module.ROMAN_NUM_ID
    assert _numbering_levels(docx.Document(io.BytesIO(_render(blocks=BLOCKS[:1]))), roman) == {
        0: ("upperRoman", "%1."), 1: ("upperRoman", "%2.")}
    blocks = (Block("heading", "Summary"), Block("heading", "Author", number="I."),
              Block("heading", "State", number="II."), Block("subheading", "Identity", number="I."),
              Block("heading", "Facts", number="4."), Block("subheading", "Events", number="3.1."),
              Block("heading", "Requests", number="1."), Block("heading", "Sought", number="2."),
              Block("subheading", "Detail", number="2.1."), Block("subheading", "Skipped", number="2.3."))
    assert _heading_texts(blocks) == [
        ("Summary", (0, 0)), ("Author", (0, roman)), ("State", (0, roman)), ("Identity", (1, roman)),
        ("4. Facts", (0, 0)), ("3.1. Events", (0, 0)), ("Requests", None), ("Sought", None),
        ("Detail", None), ("2.3. Skipped", (0, 0))]


def test_lists_have_two_levels(document):
    assert _numbering_levels(document, render_module.BULLET_NUM_ID) == {
        0: ("bullet", "\u2022"), 1: ("bullet", "\u25e6")}
    assert _numbering_levels(document, render_module.DECIMAL_NUM_ID) == {
        0: ("decimal", "%1."), 1: ("lowerLetter", "%2)")}


def test_styles_look_as_in_the_pdf(document):
    styles = document.styles
    subtitle, heading2 = styles["Subtitle"].font, styles["Heading 2"].font
    assert subtitle.bold and not subtitle.italic and subtitle.size.pt == 13
    assert heading2.bold and not heading2.italic
    assert styles["Title"].font.size.pt == 17 and styles["Heading 1"].font.size.pt == 13.5
    addressee = styles["Addressee"].paragraph_format
    assert addressee.left_indent.twips == pytest.approx(_text_width(document) * render_module.ADDRESSEE_INDENT, abs=1)
    assert addressee.alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_running_text_is_hyphenated_and_headings_and_tables_are_not(document):
    settings = document.settings.element
    assert settings.find(qn("w:autoHyphenation")) is not None
    assert settings.find(qn("w:doNotHyphenateCaps")) is not None

    def suppressed(name):
        return document.styles[name].element.pPr.find(qn("w:suppressAutoHyphens")) is not None

    assert not any(suppressed(name) for name in ("Normal", "Note", "List Bullet", "List Number"))
    assert all(suppressed(name) for name in ("Title", "Subtitle", "Addressee", "Heading 1", "Heading 2",
                                             "Signature", "Table Text", "Table Heading", "Table Label"))


def test_the_page_is_the_stylesheet_s(document):
    spec = importlib.util.spec_from_file_location("make_docx_template", ROOT / "scripts" / "make_docx_template.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    page = script.page_geometry()
    css = (ROOT / "templates" / "html" / "style.css").read_text()
    assert re.search(r"@page \{[^}]*size: A4;[^}]*margin: 2\.2cm 2\.5cm 2\.2cm 2\.5cm;", css)
    assert page == {"width": 21.0, "height": 29.7, "top": 2.2, "right": 2.5, "bottom": 2.2, "left": 2.5}
    section = document.sections[0]
    measured = {"width": section.page_width, "height": section.page_height, "top": section.top_margin,
                "right": section.right_margin, "bottom": section.bottom_margin, "left": section.left_margin}
    assert {side: round(length.cm, 2) for side, length in measured.items()} == page
    label = re.search(r"tbody th \{[^}]*width: (\d+)%", css)
    assert int(label.group(1)) / 100 == render_module.LABEL_SHARE


LEFTOVERS = ("Macintosh", "Calibri", "Cambria", "Mincho", "明朝", "ゴシック", "ja-JP", "Courier", "Arial",
             "Normal.dotm", "lastPrinted")


def test_the_package_is_the_project_s_own(rendered):
    with zipfile.ZipFile(io.BytesIO(rendered)) as package:
        parts = {name: package.read(name).decode("utf-8") for name in package.namelist()}
    for name, text in parts.items():
        for leftover in LEFTOVERS:
            assert leftover not in text, (name, leftover)
    app = parts["docProps/app.xml"]
    assert "<Application>complaints</Application>" in app
    for counted in ("<Pages>", "<Words>", "<AppVersion>", "<TotalTime>"):
        assert counted not in app
    theme = parts["word/theme/theme1.xml"]
    assert theme.count('<a:latin typeface="Times New Roman"/>') == 2
    fonts = re.findall(r'<w:font w:name="([^"]+)"', parts["word/fontTable.xml"])
    assert fonts == ["Times New Roman"]


def test_references_to_numbered_sections_are_ref_fields_to_their_bookmarks():
    blocks = (Block("heading", "Facts", number="1."),
              Block("subheading", "Rally", number="1.1.", anchor="section-1-1"),
              Block("subheading", "Picket", number="1.2.", anchor="section-1-2"),
              Block("subheading", "Typed", number="1.9.", anchor="section-1-9"),
              Block("table", rows=(("No.", "Sections"), ("1", "1.1, 1.2"), ("2", "1.9"), ("3", "1.2")),
                    header_rows=1, columns=(NUMBER, TEXT),
                    marked_cells=((1, 1, (("1.1", "section-1-1", ""), (", ", "", ""), ("1.2", "section-1-2", ""))),
                                  (2, 1, (("1.9", "section-1-9", ""),)), (3, 1, (("1.2", "section-1-2", ""),)))))
    document = docx.Document(io.BytesIO(_render(blocks=blocks)))
    bookmarks = {Paragraph(p, document).text: [b.get(qn("w:name")) for b in p.findall(qn("w:bookmarkStart"))]
                 for p in _body_paragraphs(document) if Paragraph(p, document).style.name == "Heading 2"}
    # A heading whose number stays typed (1.9 after 1.2) gets no bookmark, and no field points to it.
    assert bookmarks == {"Rally": ["_Ref_section_1_1"], "Picket": ["_Ref_section_1_2"], "1.9. Typed": []}
    starts = document.element.body.findall(".//" + qn("w:bookmarkStart"))
    ends = document.element.body.findall(".//" + qn("w:bookmarkEnd"))
    assert sorted(b.get(qn("w:id")) for b in starts) == sorted(b.get(qn("w:id")) for b in ends) == ["1", "2"]
    table = document.tables[0]
    assert [row.cells[1].text for row in table.rows] == ["Sections", "1.1, 1.2", "1.9", "1.2"]
    fields = [[e.text.strip() for e in row.cells[1]._tc.iter(qn("w:instrText"))] for row in table.rows[1:]]
    assert fields == [[r"REF _Ref_section_1_1 \r \h", r"REF _Ref_section_1_2 \r \h"], [],
                      [r"REF _Ref_section_1_2 \r \h"]]


SIGNED = (Block("numbered", "the last request"),
          Block("signature", "Almaty, 1 November 2018"),
          Block("signature", "The organisation"),
          Block("signature_line", "Legal coordinator D. Example",
                runs=(("Legal coordinator", "", ""), ("", "", "line"), ("D. Example", "", ""))),
          Block("heading", "Annex", break_before=True))


def test_the_signature_line_is_drawn_by_a_tab_leader_and_the_block_keeps_together():
    document = docx.Document(io.BytesIO(_render(blocks=SIGNED)))
    paragraphs = [Paragraph(p, document) for p in _body_paragraphs(document)]
    signature = [p for p in paragraphs if p.style.name in ("Signature", "Signature Line")]
    assert [p.paragraph_format.keep_with_next for p in signature] == [True, True, None]
    line = signature[-1]
    assert line.text == "Legal coordinator\t\t\tD. Example"
    stops = line.style.paragraph_format.tab_stops
    assert [stop.leader for stop in stops] == [WD_TAB_LEADER.SPACES, WD_TAB_LEADER.LINES, WD_TAB_LEADER.SPACES]
    width = render_module._text_width(document)
    assert [round(stop.position / 635 / width, 2) for stop in stops] == [0.45, 0.73, 0.77]


def test_open_points_are_set_in_their_own_bold_shaded_character_style():
    marker = "[to complete: nationality]"
    blocks = (Block("paragraph", f"Nationality: {marker}",
                    runs=(("Nationality: ", "", ""), (marker, "", "open-point"))),
              Block("table", rows=(("Nationality", marker),), columns=(LABEL, TEXT),
                    marked_cells=((0, 1, ((marker, "", "open-point"),)),)))
    document = docx.Document(io.BytesIO(_render(blocks=blocks)))
    paragraph = Paragraph(_body_paragraphs(document)[0], document)
    assert [(run.text, run.style.name) for run in paragraph.runs] == [
        ("Nationality: ", "Default Paragraph Font"), (marker, "Open Point")]
    (cell_run,) = document.tables[0].rows[0].cells[1].paragraphs[0].runs
    assert (cell_run.text, cell_run.style.name) == (marker, "Open Point")
    style = document.styles["Open Point"]
    assert style.font.bold
    assert style.element.rPr.find(qn("w:shd")).get(qn("w:fill")) == render_module.OPEN_POINT_FILL


def test_a_kazakh_ending_kept_on_its_line_in_the_html_is_joined_by_words_non_breaking_hyphen():
    from complaints.blocks import blocks_from_html
    from complaints.render_html import _keep_together

    html = _keep_together("<head></head><body><main><p>БҰҰ-ның арнайы рәсімдері, 405-бабы, жұмыс-тобы</p>"
                          "</main></body>")
    paragraph = docx.Document(io.BytesIO(_render(blocks=blocks_from_html(html)))).paragraphs[0]
    hyphens = paragraph._p.findall(f".//{qn('w:noBreakHyphen')}")
    # The abbreviation's and the number's endings are held; an ordinary compound may still break.
    assert len(hyphens) == 2
    assert paragraph.text == "БҰҰ-ның арнайы рәсімдері, 405-бабы, жұмыс-тобы"
    assert "\u2011" not in "".join(t.text or "" for t in paragraph._p.iter(qn("w:t")))


def test_a_lists_first_and_last_items_are_never_alone_on_a_page_as_in_the_pdf():
    items = (Block("heading", "Why"), *(Block("item", f"ground {n}") for n in range(1, 5)), Block("paragraph", "After"),
             Block("item", "one"), Block("item", "two"), Block("paragraph", "End"))
    document = docx.Document(io.BytesIO(_render(blocks=items)))
    kept = [(p.text, p.paragraph_format.keep_with_next) for p in
            (Paragraph(element, document) for element in _body_paragraphs(document)) if p.style.name == "List Bullet"]
    # The first keeps with the second, the third with the last; a list of two is kept together.
    assert kept == [("ground 1", True), ("ground 2", None), ("ground 3", True), ("ground 4", None),
                    ("one", True), ("two", None)]


def test_the_second_addressee_is_set_apart_from_the_first_in_the_docx_as_in_the_pdf():
    from complaints.blocks import blocks_from_html

    page = ('<html><body><main><p class="addressee">First body</p><p class="addressee">Its address</p>'
            '<p class="addressee next-body">Second body</p></main></body></html>')
    blocks = blocks_from_html(page)
    assert [block.spaced for block in blocks] == [False, False, True]
    assert all(block.kind == "addressee" for block in blocks)
    views = render_module._block_views(blocks, lambda: 0, render_module._template(TEMPLATE), [])
    assert [view.get("after_table") for view in views] == [None, None, render_module.TABLE_GAP]
