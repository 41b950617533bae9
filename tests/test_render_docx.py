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
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from complaints import render_docx as render_module
from complaints.blocks import Block, DocumentMeta
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
BLOCKS = (
    Block("addressee", "В Комитет ООН по правам человека"),
    Block("addressee", "Женева"),
    Block("title", "Жалоба"),
    Block("subtitle", "Шағым"),
    Block("heading", "1. Заявители"),
    Block("paragraph", KAZAKH),
    Block("subheading", "1.1. Текст"),
    Block("paragraph", HOSTILE),
    Block("item", "первый пункт"),
    Block("item", "екінші тармақ"),
    Block("numbered", "первое требование"),
    Block("numbered", "второе требование"),
    Block("note", "Примечание"),
    Block("table", rows=TABLE_ROWS),
    Block("numbered", "новый список"),
    Block("pagebreak"),
    Block("heading", "Қосымшалар"),
    Block("signature", "Подпись ________"),
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
    """The body as (kind-ish, ...) tuples; empty spacer paragraphs are left out."""
    items = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:tbl"):
            table = Table(element, document)
            items.append(("table", tuple(tuple(c.text for c in row.cells) for row in table.rows)))
        elif element.tag == qn("w:p"):
            paragraph = Paragraph(element, document)
            if element.xpath('.//w:br[@w:type="page"]'):
                items.append(("pagebreak",))
            elif paragraph.text:
                items.append((paragraph.style.name, paragraph.text))
    return items


def _expected(blocks) -> list[tuple]:
    items = []
    for block in blocks:
        if block.kind == "table":
            items.append(("table", block.rows))
        elif block.kind == "pagebreak":
            items.append(("pagebreak",))
        else:
            items.append((STYLES[block.kind], block.text))
    return items


def test_paragraphs_and_tables_follow_the_blocks(document):
    assert _read_back(document) == _expected(BLOCKS)


def test_table_repeats_its_header_row_and_fills_the_width(document):
    table = document.tables[0]
    assert len(table.rows) == 31 and len(table.columns) == 5
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr is None for row in table.rows[1:])
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    section = document.sections[0]
    assert sum(grid) == (section.page_width - section.left_margin - section.right_margin) // 635
    assert grid[0] < grid[-1]


def test_hostile_text_prints_literally(document):
    texts = [p.text for p in document.paragraphs]
    assert HOSTILE in texts
    assert "49" not in "".join(texts)
    assert document.tables[0].rows[1].cells[4].text == f"Задержан 1; {HOSTILE}"
    assert document.core_properties.title == META.title


def test_header_shows_the_case_and_the_mark(document):
    header = document.sections[0].header
    assert [p.text for p in header.paragraphs] == [META.confidential_mark, META.header]
    mark = header.paragraphs[0].runs[0]
    assert mark.bold and str(mark.font.color.rgb) == "C00000"


def test_header_without_mark():
    meta = DocumentMeta(title="t", language="en", header=f"Case {HOSTILE}")
    header = docx.Document(io.BytesIO(_render(meta=meta))).sections[0].header
    assert [p.text for p in header.paragraphs] == [f"Case {HOSTILE}"]


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
    assert props.created == props.modified == props.last_printed == BUILD_TIME
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
