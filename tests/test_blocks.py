"""blocks_from_html: what the DOCX is laid out from carries what the HTML says about its structure."""

from __future__ import annotations

import pytest

from complaints.blocks import LABEL, LINE, NUMBER, OPEN_POINT, TEXT, Block, blocks_from_html
from complaints.errors import BuildError


def _blocks(body: str) -> list[Block]:
    return blocks_from_html(f"<html><body><main>{body}</main></body></html>")


def test_only_thead_rows_are_header_rows():
    (table,) = _blocks("<table><thead><tr><th>No.</th><th>Name</th></tr></thead>"
                       "<tbody><tr><td class='number'>1</td><td>A</td></tr>"
                       "<tr><td class='number'>2</td><td>B</td></tr></tbody></table>")
    assert table.rows == (("No.", "Name"), ("1", "A"), ("2", "B"))
    assert table.header_rows == 1
    assert table.columns == (NUMBER, TEXT)


def test_th_in_the_body_is_a_row_label_and_no_row_is_a_header():
    (table,) = _blocks("<table><tbody><tr><th>Family name</th><td>Doe</td></tr>"
                       "<tr><th>Sex</th><td>f</td></tr></tbody></table>")
    assert table.header_rows == 0 and table.columns == (LABEL, TEXT)
    assert table.rows == (("Family name", "Doe"), ("Sex", "f"))


def test_a_column_is_a_label_or_a_number_only_in_every_row():
    (table,) = _blocks("<table><tbody><tr><th>a</th><td class='number'>1</td></tr>"
                       "<tr><td>b</td><td>2</td></tr></tbody></table>")
    assert table.columns == (TEXT, TEXT)


def test_the_confidential_mark_stays_in_the_page_header():
    blocks = _blocks("<p class='confidential-mark'>Confidential</p><h1>Title</h1>")
    assert [(b.kind, b.text) for b in blocks] == [("title", "Title")]


def test_a_page_break_belongs_to_the_next_block():
    blocks = _blocks("<p>end</p><div class='page-break'></div><h2>Annex</h2><p>text</p>")
    assert [(b.kind, b.text, b.break_before) for b in blocks] == [
        ("paragraph", "end", False), ("heading", "Annex", True), ("paragraph", "text", False)]


def test_a_page_break_before_a_table_is_refused():
    with pytest.raises(BuildError, match="page break"):
        _blocks("<div class='page-break'></div><table><tr><td>x</td></tr></table>")


@pytest.mark.parametrize("html, number, text", [
    ("<h2>1. Summary</h2>", "1.", "Summary"),
    ("<h3>3.12. Peaceful assembly of 10 May</h3>", "3.12.", "Peaceful assembly of 10 May"),
    ("<h2>IV. Facts of the claim</h2>", "IV.", "Facts of the claim"),
    ("<h2>Questionnaire 3: A. Name</h2>", "", "Questionnaire 3: A. Name"),
    ("<h2>2018. A year</h2>", "2018.", "A year"),
    ("<p>1. Not a heading</p>", "", "1. Not a heading"),
    ("<h2>Annex. List</h2>", "", "Annex. List"),
])
def test_a_heading_s_typed_number_is_read_apart(html, number, text):
    (block,) = _blocks(html)
    assert (block.number, block.text) == (number, text)


def test_links_to_headings_are_read_as_pieces_of_their_cell():
    blocks = _blocks("<h3 id='section-3-1'>3.1. Rally</h3><h3 id='bad id'>3.2. Other</h3>"
                     "<table><tbody><tr><td>C1</td>"
                     "<td><a href='#section-3-1'>3.1</a>, <a href='#section-3-2'>3.2</a></td></tr>"
                     "<tr><td>C2</td><td><a href='https://example.org/'>3.1</a></td></tr>"
                     "<tr><td>C3</td><td><b>3.1</b></td></tr></tbody></table>")
    assert [(b.anchor, b.number, b.text) for b in blocks[:2]] == [
        ("section-3-1", "3.1.", "Rally"), ("", "3.2.", "Other")]
    table = blocks[2]
    assert table.rows[0] == ("C1", "3.1, 3.2")
    assert table.marked_cells == ((0, 1, (("3.1", "section-3-1", ""), (", ", "", ""), ("3.2", "section-3-2", ""))),)


def test_open_points_are_runs_of_their_own_in_paragraphs_items_and_cells():
    marker = "<span class='open-point' data-field='nationality'>[to complete: nationality]</span>"
    paragraph, item, table = _blocks(f"<p>Nationality: {marker}.</p><ul><li>{marker}</li></ul>"
                                     f"<table><tbody><tr><th>Nationality</th><td>{marker}</td></tr></tbody></table>")
    assert paragraph.text == "Nationality: [to complete: nationality]."
    assert paragraph.runs == (("Nationality: ", "", ""), ("[to complete: nationality]", "", OPEN_POINT),
                              (".", "", ""))
    assert item.runs == (("[to complete: nationality]", "", OPEN_POINT),)
    assert table.marked_cells == ((0, 1, (("[to complete: nationality]", "", OPEN_POINT),)),)


def test_unmarked_markup_leaves_the_text_whole():
    (paragraph,) = _blocks("<p>A <b>bold</b>  word</p>")
    assert (paragraph.text, paragraph.runs) == ("A bold word", ())


def test_the_signature_line_is_the_position_the_line_and_the_name():
    signed, unsigned = _blocks(
        "<p class='signature signature-line'><span class='position'>Legal coordinator</span> "
        "<span class='line'></span> <span class='name'>D. Example</span></p>"
        "<p class='signature signature-line'><span class='position'></span> <span class='line'></span> "
        "<span class='name'><span class='open-point'>[to complete: name of the signatory]</span></span></p>")
    assert (signed.kind, signed.text) == ("signature_line", "Legal coordinator D. Example")
    assert signed.runs == (("Legal coordinator", "", ""), ("", "", LINE), ("D. Example", "", ""))
    assert unsigned.runs == (("", "", LINE), ("[to complete: name of the signatory]", "", OPEN_POINT))
