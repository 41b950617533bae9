"""The streaming .xlsx reader (lxml) reads every cell as openpyxl's full reader does, keeping
what openpyxl drops (that a cell is a formula), on workbooks written by openpyxl, by
LibreOffice (shared strings, styles of its own) and by hand (rich text, escapes, cells and
rows without references)."""

from __future__ import annotations

import contextlib
import datetime
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.escape import unescape

from complaints import workbook
from complaints.demo import write_demo

from conftest import EXAMPLE, REPO, person, write_workbook

LIBREOFFICE_COPY = REPO / "tests" / "data" / "example-saved-by-libreoffice.xlsx"
SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def ours(path: Path) -> dict[str, dict[tuple[int, int], object]]:
    """Every filled cell of every sheet, as the streaming reader gives it."""
    book = workbook._Book.open(path)
    cells = {}
    with contextlib.closing(book.archive):
        for title, (_, part) in book.sheets.items():
            values = {}
            for number, _, row in workbook._SheetXml(book, part).rows():
                for column, value in row.items():
                    if isinstance(value, workbook.Formula):
                        value = value.cached
                    if value is not None:
                        values[number, column] = str(value) if isinstance(value, workbook.CellError) else value
            cells[title] = values
    return cells


def openpyxls(path: Path) -> dict[str, dict[tuple[int, int], object]]:
    """The same from openpyxl's full reader, escapes such as _x000D_ resolved as ours does."""
    book = openpyxl.load_workbook(path, data_only=True)
    return {sheet.title: {(cell.row, cell.column): unescape(cell.value) if isinstance(cell.value, str) else cell.value
                          for row in sheet.iter_rows() for cell in row if cell.value is not None}
            for sheet in book.worksheets}


def with_parts(path: Path, sheet_part: str, change, shared_strings: str | None = None) -> Path:
    """Rewrite one sheet's XML with change(text) -> text and add a shared-string table."""
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info.filename) for info in source.infolist()}
    members[sheet_part] = change(members[sheet_part].decode("utf-8")).encode("utf-8")
    if shared_strings is not None:
        members["xl/sharedStrings.xml"] = shared_strings.encode("utf-8")
        members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
            b"</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SHARED_STRINGS_TYPE}"/></Types>'
            .encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)
    return path


HAND_WRITTEN_ROWS = (
    '<row r="7"><c r="A7" t="s"><v>0</v></c><c r="B7" t="s"><v>1</v></c>'
    '<c t="inlineStr"><is><r><t>Ер</t></r><r><rPr><b/></rPr><t xml:space="preserve">жан </t></r></is></c>'
    '<c r="E7" t="b"><v>1</v></c><c r="F7" t="str"><f>A1&amp;"x"</f><v>computed</v></c>'
    '<c r="H7" t="e"><v>#N/A</v></c><c r="I7"><f>1+1</f></c><c r="J7"><f>2*2</f><v>4</v></c>'
    '<c r="K7"><v>1.5E3</v></c><c r="L7"><v>12</v></c></row>'
    '<row><c r="A8" t="inlineStr"><is><t>two_x000D_lines</t></is></c><c t="s"><v>2</v></c></row>'
)
SHARED_STRINGS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">'
    '<si><t>Оспанова</t></si>'
    '<si><r><t>Ай</t></r><r><rPr><i/></rPr><t>герим</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>'
    '<si><t>_x0009_tabbed</t></si></sst>'
)


def hand_written(tmp_path: Path) -> Path:
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1"), person("C2")])
    return with_parts(path, "xl/worksheets/sheet2.xml",
                      lambda xml: xml.replace("</sheetData>", HAND_WRITTEN_ROWS + "</sheetData>"), SHARED_STRINGS)


def demo(tmp_path: Path) -> Path:
    write_demo(tmp_path / "demo.xlsx", 60, seed=1)
    return tmp_path / "demo.xlsx"


@pytest.mark.parametrize("make", [
    pytest.param(lambda tmp_path: EXAMPLE / "workbook.xlsx", id="example, written by openpyxl"),
    pytest.param(lambda tmp_path: LIBREOFFICE_COPY, id="example, saved by LibreOffice Calc"),
    pytest.param(hand_written, id="hand-written cells"),
    pytest.param(demo, id="demo-data, written row by row"),
])
def test_every_cell_reads_as_openpyxl_reads_it(tmp_path, make):
    path = make(tmp_path)
    theirs = openpyxls(path)
    assert ours(path) == theirs
    assert sum(len(cells) for cells in theirs.values()) > 50


def test_what_the_hand_written_cells_hold(tmp_path):
    cells = ours(hand_written(tmp_path))["Complainants"]
    assert cells[7, 1] == "Оспанова"
    assert cells[7, 2] == "Айгерим"  # the phonetic guide is not part of the text
    assert cells[7, 3] == "Ержан "  # a cell without a reference follows the one before it
    assert (cells[7, 5], cells[7, 6], cells[7, 8], cells[7, 10], cells[7, 11], cells[7, 12]) == (
        True, "computed", "#N/A", 4, 1500.0, 12)
    assert (7, 9) not in cells  # a formula never calculated
    assert cells[8, 1] == "two\rlines"  # a row without a number follows the one before it
    assert cells[8, 2] == "\ttabbed"


def test_formulas_and_errors_are_marked(tmp_path):
    book = workbook.read_workbook(hand_written(tmp_path))
    found = {(issue.code, issue.row, issue.column) for issue in book.issues}
    assert {("formula", 7, "given_name_latin"), ("error-cell", 7, "date_of_birth"),
            ("formula-without-value", 7, "city"), ("formula", 7, "id_document")} <= found, found


def test_dates_in_a_1904_workbook(tmp_path):
    path = write_workbook(tmp_path / "case.xlsx", people=[person(poa_date=datetime.date(2019, 3, 4))])
    book = openpyxl.load_workbook(path)
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    book.save(path)
    column = workbook.read_workbook(path).sheets["Complainants"]
    assert column.rows[0].cells["poa_date"] == datetime.datetime(2019, 3, 4)
