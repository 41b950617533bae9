"""The Attachments sheet: each file is checked by its content, inside the case folder, before anything is built."""

from __future__ import annotations

import datetime
import hashlib
import io
import os
from pathlib import Path

import openpyxl
import pytest
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject, TextStringObject

from complaints.attachments import check_file
from complaints.i18n import language
from complaints.pipeline import load
from complaints.schema import ATTACHMENTS

from conftest import EXAMPLE, TODAY, episode, write_workbook

ATTACHMENT_HEADER = [column.key for column in ATTACHMENTS.columns]


def pdf_bytes(pages: int = 1, change=None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if change:
        change(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image_bytes(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (40, 60), 200).save(buffer, fmt)
    return buffer.getvalue()


def make_case(folder: Path, rows: list[dict], files: dict[str, bytes], episodes=None) -> Path:
    """A case folder: a workbook (of `episodes`, else one detention) with an Attachments sheet of `rows`, and
    `files` beside it."""
    folder.mkdir(exist_ok=True)
    workbook = write_workbook(folder / "case.xlsx", episodes=episodes)
    book = openpyxl.load_workbook(workbook)
    sheet = book.create_sheet("Attachments")
    sheet.append(ATTACHMENT_HEADER)
    for row in rows:
        sheet.append([row.get(key) for key in ATTACHMENT_HEADER])
    book.save(workbook)
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def attachment_issues(folder: Path) -> list:
    return [issue for issue in load(folder, ("en",), TODAY).report.issues if issue.sheet == "Attachments"]


def problem(folder: Path, written: str, **kwargs) -> str | None:
    """The code of what is wrong with the file, or None."""
    found = check_file(folder, written, **kwargs)[1]
    return found.code if found else None


def test_pdf_jpeg_png_and_tiff_files_are_accepted_with_their_digest(tmp_path):
    files = {"annexes/a.pdf": pdf_bytes(2), "annexes/b.jpg": image_bytes("JPEG"),
             "annexes/c.png": image_bytes("PNG"), "annexes/d.tiff": image_bytes("TIFF")}
    rows = [{"kind": "decision", "file": name} for name in files]
    folder = make_case(tmp_path / "case", rows, files)
    loaded = load(folder, ("en",), TODAY)
    assert [i for i in loaded.report.issues if i.sheet == "Attachments"] == []
    found = {row: (item.media, item.sha256) for row, item in loaded.attachment_files.items()}
    media = ("pdf", "jpeg", "png", "tiff")
    assert found == {row: (kind, hashlib.sha256(data).hexdigest())
                     for row, kind, data in zip((2, 3, 4, 5), media, files.values(), strict=True)}


def test_a_file_is_judged_by_its_content_not_its_name(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(image_bytes("PNG"))
    (tmp_path / "letter.pdf").write_bytes(b"Dear Sir,\n%%EOF\n")
    (tmp_path / "page.docx").write_bytes(b"PK\x03\x04" + b"\0" * 100)
    assert check_file(tmp_path, "scan.pdf")[0].media == "png"
    assert problem(tmp_path, "letter.pdf") == "attachment-bad-type"
    assert problem(tmp_path, "page.docx") == "attachment-bad-type"


def test_a_path_leading_out_of_the_case_folder_is_an_error(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    (tmp_path / "outside.pdf").write_bytes(pdf_bytes())
    (folder / "annexes").mkdir()
    os.symlink(tmp_path / "outside.pdf", folder / "annexes" / "link.pdf")
    os.symlink(tmp_path, folder / "up")
    for written in ("../outside.pdf", "annexes/../../outside.pdf", str(tmp_path / "outside.pdf"),
                    "annexes/link.pdf", "up/outside.pdf", "C:\\outside.pdf", "..\\outside.pdf", ".", ""):
        assert problem(folder, written) == "attachment-outside-case", written


def test_a_link_that_stays_inside_the_case_folder_and_a_windows_path_are_followed(tmp_path):
    (tmp_path / "annexes").mkdir()
    (tmp_path / "annexes" / "poa.pdf").write_bytes(pdf_bytes())
    os.symlink(tmp_path / "annexes" / "poa.pdf", tmp_path / "latest.pdf")
    assert problem(tmp_path, "latest.pdf") is None
    assert problem(tmp_path, "annexes\\poa.pdf") is None


def test_a_missing_file_or_a_folder_is_an_error(tmp_path):
    (tmp_path / "annexes").mkdir()
    assert problem(tmp_path, "annexes/none.pdf") == "attachment-missing"
    assert problem(tmp_path, "annexes") == "attachment-missing"


def test_a_file_over_the_size_limit_is_an_error_naming_the_limit(tmp_path):
    (tmp_path / "big.pdf").write_bytes(pdf_bytes(3))
    size = (tmp_path / "big.pdf").stat().st_size
    assert problem(tmp_path, "big.pdf", limit=size - 1) == "attachment-too-large"
    assert problem(tmp_path, "big.pdf", limit=size) is None
    folder = make_case(tmp_path / "case", [{"kind": "other", "file": "huge.pdf"}], {})
    with open(folder / "huge.pdf", "wb") as handle:  # sparse: no disk space used
        handle.truncate(21 * 1024 * 1024)
    [issue] = attachment_issues(folder)
    assert issue.code == "attachment-too-large"
    assert "20 MB" in issue.message(language("en"))


def test_an_encrypted_pdf_is_an_error(tmp_path):
    (tmp_path / "locked.pdf").write_bytes(pdf_bytes(change=lambda w: w.encrypt("", "owner")))
    assert problem(tmp_path, "locked.pdf") == "attachment-encrypted"


def _open_action(kind: str):
    """An action of `kind` run when the document opens, on a file or an address."""
    def change(writer: PdfWriter) -> None:
        action = DictionaryObject({NameObject("/S"): NameObject(kind),
                                   NameObject("/F"): TextStringObject("cmd.exe")})
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    return change



def _document_script(writer: PdfWriter) -> None:
    action = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                               NameObject("/JS"): TextStringObject("app.alert(1)")})
    tree = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("run"),
                                                                 writer._add_object(action)])})
    writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): tree})


def _page_script(writer: PdfWriter) -> None:
    action = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                               NameObject("/JS"): TextStringObject("app.alert(1)")})
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): action})


def _xfa_script(writer: PdfWriter) -> None:
    template = DecodedStreamObject()
    template.set_data(b'<template><subform><event activity="initialize"><script contentType='
                      b'"application/x-javascript">app.alert(1)</script></event></subform></template>')
    form = DictionaryObject({NameObject("/Fields"): ArrayObject(),
                             NameObject("/XFA"): ArrayObject([TextStringObject("template"),
                                                              writer._add_object(template)])})
    writer._root_object[NameObject("/AcroForm")] = writer._add_object(form)


def _rich_media(writer: PdfWriter) -> None:
    annotation = DictionaryObject({NameObject("/Type"): NameObject("/Annot"),
                                   NameObject("/Subtype"): NameObject("/RichMedia"),
                                   NameObject("/Rect"): ArrayObject([FloatObject(0)] * 4)})
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])


@pytest.mark.parametrize("change", [
    pytest.param(_document_script, id="document-javascript"),
    pytest.param(_xfa_script, id="xfa-form-script"),
    pytest.param(_rich_media, id="rich-media"),
    pytest.param(_page_script, id="page-javascript"),
    pytest.param(_open_action("/Launch"), id="launch-action"),
    pytest.param(_open_action("/SubmitForm"), id="submit-form-action"),
    pytest.param(_open_action("/ImportData"), id="import-data-action"),
    pytest.param(_open_action("/GoToR"), id="open-other-file-action"),
    pytest.param(lambda w: w.add_attachment("payload.exe", b"MZ"), id="embedded-file"),
])
def test_a_pdf_with_scripts_launch_actions_or_embedded_files_is_an_error(tmp_path, change):
    (tmp_path / "active.pdf").write_bytes(pdf_bytes(change=change))
    assert problem(tmp_path, "active.pdf") == "attachment-active-content"


def test_a_link_to_a_web_page_is_no_active_content(tmp_path):
    """Court decisions carry links; the viewer asks before it follows one."""
    (tmp_path / "linked.pdf").write_bytes(pdf_bytes(change=_open_action("/URI")))
    assert problem(tmp_path, "linked.pdf") is None


def test_a_damaged_file_is_an_error(tmp_path):
    whole = pdf_bytes(3)
    (tmp_path / "cut.pdf").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "garbage.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4 + b"\n%%EOF\n")
    png = image_bytes("PNG")
    (tmp_path / "cut.png").write_bytes(png[: len(png) - 20])
    jpeg = image_bytes("JPEG")
    (tmp_path / "cut.jpg").write_bytes(jpeg[: len(jpeg) // 2])
    for name in ("cut.pdf", "garbage.pdf", "cut.png", "cut.jpg"):
        assert problem(tmp_path, name) == "attachment-damaged", name


def test_a_pdf_that_pypdf_repairs_is_checked_without_a_line_of_pypdfs_on_stderr(tmp_path, caplog):
    whole = pdf_bytes()
    (tmp_path / "shifted.pdf").write_bytes(whole.replace(b"(pypdf)", b"(pypdf, longer)"))  # the offsets after it off
    assert problem(tmp_path, "shifted.pdf") is None
    # Outside pytest, a record nobody handles goes to stderr (logging.lastResort).
    assert [record.getMessage() for record in caplog.records if record.name.startswith("pypdf")] == []


def test_each_problem_is_an_error_at_the_file_cell_and_never_quotes_the_path(tmp_path):
    rows = [{"kind": "decision", "file": "../Ivanova-passport.pdf"},
            {"kind": "decision", "file": "annexes/missing-Ivanova.pdf"}]
    folder = make_case(tmp_path / "case", rows, {})
    issues = attachment_issues(folder)
    assert [(i.code, i.cell, i.severity) for i in issues] == [
        ("attachment-outside-case", "C2", "error"), ("attachment-missing", "C3", "error")]
    for lang in ("en", "ru", "kk"):
        for issue in issues:
            line = issue.describe(language(lang))
            assert "Ivanova" not in line
            assert "Attachments" not in line or lang == "en"


def test_an_attachment_of_an_unknown_complainant_is_an_error(tmp_path):
    rows = [{"complainant_id": "C404", "kind": "power_of_attorney", "file": "poa.pdf"}]
    folder = make_case(tmp_path / "case", rows, {"poa.pdf": pdf_bytes()})
    assert [(i.code, i.column) for i in attachment_issues(folder)] == [("unknown-complainant", "complainant_id")]


def test_a_signed_form_annexed_with_another_date_than_its_complainants_row_is_a_warning_at_its_date(tmp_path):
    """The documents cite the row's date and list the annex with its own (reader s8, C003)."""
    # The person() row: appeal form received 1 June 2018, power of attorney 2 June 2018.
    rows = [{"complainant_id": "C1", "kind": "power_of_attorney", "file": "poa.pdf", "date": datetime.date(2018, 7, 2)},
            {"complainant_id": "C1", "kind": "appeal_form", "file": "form.pdf", "date": datetime.date(2018, 6, 1)},
            {"complainant_id": "C1", "kind": "decision", "file": "ruling.pdf", "date": datetime.date(2018, 7, 2)}]
    folder = make_case(tmp_path / "case", rows, {name: pdf_bytes() for name in ("poa.pdf", "form.pdf", "ruling.pdf")})
    issues = attachment_issues(folder)
    assert [(i.code, i.row, i.column, i.params) for i in issues] == [
        ("attachment-date-differs", 2, "date", {"id": "C1", "column": "poa_date"})]
    assert "2018" not in issues[0].message(language("en"))  # it names the cells, never their content


def test_kinds_are_read_in_every_language_and_an_unknown_kind_is_an_error(tmp_path):
    rows = [{"complainant_id": "C1", "kind": kind, "file": "poa.pdf"}
            for kind in ("доверенность", "сенімхат", "power of attorney", "power_of_attorney", "warrant")]
    folder = make_case(tmp_path / "case", rows, {"poa.pdf": pdf_bytes()})
    loaded = load(folder, ("en",), TODAY)
    assert [i.code for i in loaded.report.issues if i.sheet == "Attachments"] == ["bad-value"]
    assert sorted(loaded.attachment_files) == [2, 3, 4, 5]


def test_the_example_case_has_attachments_that_pass_every_check():
    loaded = load(EXAMPLE, ("en", "ru", "kk"), TODAY)
    # Save C012's medical report, which no recorded fact relies on (the example's README lists it).
    assert [(i.code, i.params) for i in loaded.report.issues if i.sheet == "Attachments"] == [
        ("medical-report-without-harm", {"id": "C012"})]
    assert {item.media for item in loaded.attachment_files.values()} == {"pdf", "jpeg", "png", "tiff"}
    assert len(loaded.attachment_files) == 8


@pytest.mark.parametrize("episodes, warned", [
    (None, True),  # a detention with nothing recorded of how the person was treated
    ([episode("C1", treatment="force used")], False),
    ([episode("C1", measure="ill_treatment", description="Beaten.")], False),
    ([episode("C1"), episode("C2", treatment="force used")], True),  # someone else's force
])
def test_a_medical_report_no_recorded_harm_relies_on_is_a_warning_at_its_kind(tmp_path, episodes, warned):
    rows = [{"complainant_id": "C1", "kind": "medical", "file": "medical.pdf", "date": datetime.date(2018, 5, 14)}]
    folder = make_case(tmp_path / "case", rows, {"medical.pdf": pdf_bytes()}, episodes)
    found = [(i.code, i.row, i.column, i.params) for i in attachment_issues(folder)]
    assert found == ([("medical-report-without-harm", 2, "kind", {"id": "C1"})] if warned else [])
