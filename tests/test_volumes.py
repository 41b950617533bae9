"""Annex volumes: a document setting out more people than case.toml's annex_volume_size gives those
parts in numbered volumes, which read in turn are the one long listing split, in order; the document
refers to them and names no one itself; a corrected row re-renders the volume that holds it only."""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner
from docx.table import Table
from docx.text.paragraph import Paragraph
from pypdf import PdfReader, PdfWriter

from complaints.build import build
from complaints.cli import main
from complaints.documents import REGISTRY
from complaints.errors import UnreadableInput
from complaints.schema import ATTACHMENTS
from complaints.settings import DEFAULT_VOLUME_SIZE, Settings
from complaints.verify import verify
from complaints.volumes import volume_count

from conftest import TODAY, docx_text, episode, event, person, write_workbook

# Five people, each with a surname of their own, so that the alphabetical lists keep one order.
SURNAMES = [("Абаева", "ABAEVA"), ("Бекова", "BEKOVA"), ("Дасова", "DASOVA"), ("Ержанова", "ERZHANOVA"),
            ("Жумабаева", "ZHUMABAEVA")]
LISTINGS = ["collective-complaint", "special-procedures", "domestic-complaint", "wgad"]


def _scan(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def case_of_five(folder: Path, volume_size: int | None, attachments: bool = False) -> Path:
    """Five people; with `attachments`, a decision for the whole case and C1's power of attorney."""
    folder.mkdir()
    people = [person(f"C{n}", surname=surname, surname_latin=latin, id_document=f"01234567{n}",
                     contact=f"+7 701 000 00 1{n}")
              for n, (surname, latin) in enumerate(SURNAMES, start=1)]
    write_workbook(folder / "workbook.xlsx", events=[event("rally"), event("chats", datetime.date(2018, 6, 1))],
                   people=people,
                   episodes=[episode(f"C{n}", "rally" if n % 2 else "chats") for n in range(1, 6)]
                   + [episode("C2", None, "fine", date=datetime.date(2018, 7, 1))])
    if volume_size is not None:
        (folder / "case.toml").write_text(f"annex_volume_size = {volume_size}\n", encoding="utf-8")
    if attachments:
        book = openpyxl.load_workbook(folder / "workbook.xlsx")
        sheet = book.create_sheet("Attachments")
        header = [column.key for column in ATTACHMENTS.columns]
        sheet.append(header)
        for row in ({"kind": "decision", "file": "decision.pdf", "public": "yes"},
                    {"complainant_id": "C1", "kind": "power_of_attorney", "file": "C1-poa.pdf"}):
            sheet.append([row.get(key) for key in header])
            (folder / row["file"]).write_bytes(_scan(1))
        book.save(folder / "workbook.xlsx")
    return folder


@pytest.mark.parametrize("value", ["0", "-1", "100001", '"500"', "true", "2.5"])
def test_the_volume_size_is_a_whole_number_within_bounds(tmp_path, value):
    path = tmp_path / "case.toml"
    path.write_text(f"annex_volume_size = {value}\n", encoding="utf-8")
    with pytest.raises(UnreadableInput, match="annex_volume_size: must be"):
        Settings.load("case", path, REGISTRY)


def test_the_volume_size_is_500_unless_case_toml_sets_it(tmp_path):
    assert DEFAULT_VOLUME_SIZE == 500 and Settings.load("case", None, REGISTRY).annex_volume_size == 500
    path = tmp_path / "case.toml"
    path.write_text("annex_volume_size = 2\n", encoding="utf-8")
    assert Settings.load("case", path, REGISTRY).annex_volume_size == 2


def test_a_document_is_split_only_when_it_sets_out_more_people_than_a_volume_holds():
    listing = REGISTRY["special-procedures"]
    assert [volume_count(listing, people, 500) for people in (1, 500, 501, 1000, 1001)] == [0, 0, 2, 2, 3]
    for name in ("hrc", "wgad-questionnaire", "osce", "brief", "wgad-urgent", "special-procedures-urgent"):
        assert volume_count(REGISTRY[name], 10_000, 500) == 0, name


def _items(path: Path, names: list[str]) -> dict[tuple[str, str], list]:
    """By section and subsection (an event of the facts by event; their headings without their numbers),
    the table rows and the paragraphs that name someone, in order."""
    document = docx.Document(str(path))
    sections: dict[tuple[str, str], list] = {}
    section = subsection = ""
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}tbl"):
            rows = [tuple(cell.text for cell in row.cells) for row in Table(child, document).rows]
            named = [row for row in rows if set(row) & set(names)]
            if named:
                sections.setdefault((section, subsection), []).extend(named)
        elif child.tag.endswith("}p"):
            paragraph = Paragraph(child, document)
            style = paragraph.style.style_id if paragraph.style is not None else ""
            if style == "Heading1":
                section, subsection = re.sub(r"^\d+\.\s*", "", paragraph.text), ""
            elif style == "Heading2":
                subsection = paragraph.text
            elif any(name in paragraph.text for name in names):
                sections.setdefault((section, subsection), []).append(paragraph.text)
    return sections


def test_the_volumes_are_the_one_long_listing_split_in_order_and_the_document_names_no_one(tmp_path):
    """Each list of the document (for the facts by event, each event's list) is its volumes' same list joined."""
    options = dict(langs=["en"], formats=["docx"], documents=LISTINGS, today=TODAY)
    whole = build(case_of_five(tmp_path / "whole", None), output_root=tmp_path / "out-whole", **options).output
    split = build(case_of_five(tmp_path / "split", 2), output_root=tmp_path / "out-split", **options).output
    assert not list(whole.glob("en/*-annex-*"))
    for name in LISTINGS:
        volumes = [split / "en" / f"{name}-annex-{number:02d}.docx" for number in (1, 2, 3)]
        assert sorted(split.glob(f"en/{name}-annex-*")) == volumes, name
        listing = docx.Document(str(whole / "en" / f"{name}.docx")).tables
        names = [row.cells[1].text for row in listing[-1 if name == "collective-complaint" else 0].rows[1:]]
        assert len(names) == 5, name
        joined: dict[tuple[str, str], list] = {}
        for volume in volumes:
            for heading, items in _items(volume, names).items():
                joined.setdefault(heading, []).extend(items)
        expected = _items(whole / "en" / f"{name}.docx", names)
        assert joined == expected, name
        text = docx_text(split / "en" / f"{name}.docx")
        assert not [person for person in names if person in text], name
        assert " ".join(text.split()).count(", ".join(volume.stem for volume in volumes)) >= 1, name


def test_the_build_summary_names_the_annex_volumes_sent_with_each_document(tmp_path):
    case = case_of_five(tmp_path / "case", 2)
    result = CliRunner().invoke(main, ["build", str(case), "--lang", "en", "--format", "docx", "--document", "wgad",
                                       "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "en: send en/wgad.docx, with 3 annex volumes: en/wgad-annex-01.docx to en/wgad-annex-03.docx" \
        in result.output


def _rename(case: Path, complainant_id: str, given_name_latin: str) -> None:
    path = case / "workbook.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["Complainants"]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("complainant_id")].value == complainant_id:
            row[header.index("given_name_latin")].value = given_name_latin
    book.save(path)


@pytest.mark.slow
def test_a_corrected_row_re_renders_the_volume_that_holds_it_only(tmp_path):
    case = case_of_five(tmp_path / "case", 2, attachments=True)
    options = dict(langs=["en"], formats=["pdf"], documents=["collective-complaint", "special-procedures"],
                   output_root=tmp_path / "out", today=TODAY)
    first = build(case, **options)
    [collective, _] = first.documents()
    assert collective.files == {"en": ["en/collective-complaint-package.pdf"]}
    assert collective.volumes == {"en": [f"en/collective-complaint-annex-{number:02d}.pdf" for number in (1, 2, 3)]}
    # A document in volumes carries the case's scans only, not each person's (C1's power of attorney).
    package = PdfReader(first.output / "en" / "special-procedures-package.pdf")
    assert [item.title for item in package.outline][1:] == ["Annex 1. Decision"]
    _rename(case, "C3", "DINARA")  # the third by number and by name: the second volume of either list
    again = build(case, **options)
    rendered = sorted(path.name for path in set(again.files) - set(again.reused))
    assert rendered == ["collective-complaint-annex-02.pdf", "special-procedures-annex-02.pdf"]
    assert verify(again.output).problems == []
