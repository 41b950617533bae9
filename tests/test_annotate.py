"""`validate --annotate`: a copy of the workbook with every problem shown where it is."""

from __future__ import annotations

import hashlib
import json
import zipfile

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.utils import quote_sheetname

from complaints.cli import main
from complaints.i18n import language
from complaints.pipeline import load
from complaints.spreadsheet import FORMULA_STARTS, write_cell

from conftest import TODAY, episode, person, write_workbook

RED, AMBER, GREY = "FFC7CE", "FFEB9C", "D9D9D9"
HOSTILE = ['=HYPERLINK("http://example.org/x","open")', "+7 701 000 00 01", "-2+3", "@SUM(A1:A9)",
           "\tcmd|' /C calc'!A0"]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def case(tmp_path):
    people = [person("C1"),
              person("C2", surname="Ахметов", given_name="Ержан", surname_latin="AKHMETOV", given_name_latin="YERZHAN",
                     id_document="2", poa_date="soon"),
              person("C3", surname="Сейтова", given_name="Дана", surname_latin="SEITOVA", given_name_latin="DANA",
                     id_document="3", poa_date=None, city="Шымкетн")]
    return write_workbook(tmp_path / "case.xlsx", people=people, episodes=[episode(), episode("C9")])


def fill(cell) -> str:
    return cell.fill.fgColor.rgb[-6:] if cell.fill.fill_type == "solid" else ""


def test_problem_cells_are_coloured_and_explained_in_the_chosen_language(case, tmp_path):
    out = tmp_path / "annotated.xlsx"
    result = run("validate", case, "--annotate", out, "--lang", "ru")
    assert result.exit_code == 1
    ru = language("ru")
    report = load(case, ("en", "ru", "kk"), TODAY).report
    book = openpyxl.load_workbook(out)
    people = book["Complainants"]
    bad_date = next(i for i in report.issues if i.code == "bad-date")
    assert (bad_date.cell, fill(people["L3"])) == ("L3", RED)
    assert bad_date.message(ru) in people["L3"].comment.text
    assert people["L3"].comment.text.startswith(ru.pgettext("severity", "error").upper())
    assert fill(people["I4"]) == AMBER  # a warning on the row of an excluded complainant
    assert [fill(people.cell(4, column)) for column in (1, 2, 12)] == [GREY, GREY, GREY]
    comment = people["A4"].comment.text
    assert "C3" in comment and ru.pgettext("exclusion", "no power of attorney") in comment
    assert fill(people["L2"]) == "" and people["L2"].comment is None
    assert fill(book["Episodes"]["A3"]) == RED


def test_the_first_sheet_lists_every_problem_with_a_link_to_its_cell(case, tmp_path):
    out = tmp_path / "annotated.xlsx"
    run("validate", case, "--annotate", out, "--lang", "kk")
    kk = language("kk")
    report = load(case, ("en", "ru", "kk"), TODAY).report
    book = openpyxl.load_workbook(out)
    summary = book.worksheets[0]
    assert summary.title == kk.pgettext("annotation", "Problems")
    assert summary["A2"].value == report.summary(kk) and summary["A3"].value == report.tally(kk)
    links = {summary.cell(row, 2).hyperlink.location: summary.cell(row, 3).value
             for row in range(6, 6 + len(report.issues))}
    assert links == {f"{quote_sheetname(i.sheet)}!{i.cell}": i.message(kk) for i in report.sorted_issues()}
    exclusions = [summary.cell(row, 1) for row in range(1, summary.max_row + 1)
                  if summary.cell(row, 1).value in {e.describe(kk) for e in report.exclusions}]
    assert [cell.hyperlink.location for cell in exclusions] == ["'Complainants'!A3", "'Complainants'!A4"]


def test_the_original_is_never_touched(case, tmp_path):
    before = (hashlib.sha256(case.read_bytes()).hexdigest(), case.stat().st_mtime_ns)
    run("validate", case, "--annotate", tmp_path / "annotated.xlsx")
    result = run("validate", case, "--annotate", case)
    assert result.exit_code == 2 and "an input of the case, which is only read" in result.output
    assert (hashlib.sha256(case.read_bytes()).hexdigest(), case.stat().st_mtime_ns) == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_json_on_stdout_stays_json(case, tmp_path):
    result = run("validate", case, "--format", "json", "--annotate", tmp_path / "annotated.xlsx")
    assert json.loads(result.stdout)["valid"] is False


def test_hostile_text_in_the_workbook_never_runs_as_a_formula_in_the_copy(tmp_path):
    path = write_workbook(tmp_path / "case.xlsx", people=[person(notes="x")])
    book = openpyxl.load_workbook(path)
    for column, text in enumerate(HOSTILE, start=20):
        write_cell(book["Complainants"].cell(2, column), text)
    book["Complainants"]["I2"].value = "=1+1"  # a real formula, never calculated: the copy holds no formula
    book.save(path)
    out = tmp_path / "annotated.xlsx"
    run("validate", path, "--annotate", out)
    with zipfile.ZipFile(out) as archive:
        sheets = [archive.read(name) for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
    assert not any(b"<f>" in xml or b"<f " in xml for xml in sheets)
    copy = openpyxl.load_workbook(out)["Complainants"]
    assert [(copy.cell(2, c).value, copy.cell(2, c).data_type, copy.cell(2, c).quotePrefix)
            for c in range(20, 20 + len(HOSTILE))] == [(text, "s", True) for text in HOSTILE]


@pytest.mark.parametrize("text", HOSTILE)
def test_write_cell_keeps_text_that_starts_like_a_formula_as_text(text):
    cell = openpyxl.Workbook().active["A1"]
    write_cell(cell, text)
    assert text.startswith(FORMULA_STARTS)
    assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)


def test_write_cell_leaves_other_values_alone():
    sheet = openpyxl.Workbook().active
    write_cell(sheet["A1"], "Оспанова")
    write_cell(sheet["A2"], -5)
    write_cell(sheet["A3"], "bell\x07")
    assert [(c.value, c.data_type, c.quotePrefix) for c in (sheet["A1"], sheet["A2"], sheet["A3"])] == [
        ("Оспанова", "s", False), (-5, "n", False), ("bell", "s", False)]


def test_a_folder_of_csv_files_is_annotated_as_a_workbook(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "events.csv").write_text("event_id,date,label_en,label_ru,label_kk\nrally,2018-05-10,r,м,ж\n",
                                       encoding="utf-8")
    (folder / "complainants.csv").write_text(
        "complainant_id,surname,given_name,appeal_form_date,poa_date,notes\n"
        "C1,Оспанова,Айгерим,2018-06-01,31.02.2018,=cmd()\n", encoding="utf-8")
    (folder / "episodes.csv").write_text("complainant_id,measure\nC1,detention\n", encoding="utf-8")
    out = tmp_path / "annotated.xlsx"
    assert run("validate", folder, "--annotate", out).exit_code == 1
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Problems", "events", "complainants", "episodes"]
    assert fill(book["complainants"]["E2"]) == RED
    assert (book["complainants"]["F2"].value, book["complainants"]["F2"].quotePrefix) == ("=cmd()", True)
