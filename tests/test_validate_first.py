"""Whatever the build would refuse, validate reports first at its cell; and no message, JSON or
annotated copy repeats a data row, even when the header row is missing.
"""

from __future__ import annotations

import json
import subprocess
import sys

import openpyxl
import pytest
from click.testing import CliRunner
from test_malformed import replace_cell

from complaints.build import build, load
from complaints.cli import main
from complaints.errors import InvalidData
from complaints.fonts import undrawable

from conftest import TODAY, event, person, write_workbook

SECRETS = ("Оспанова", "Айгерим", "012345678", "+7 701 000 00 01", "1990-01-02")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_without_the_header_row_columns_are_named_by_letter_and_no_data_is_repeated(tmp_path):
    # The first person's row where the titles should be: every "title" is someone's data.
    headless = write_workbook(tmp_path / "case.xlsx", people=[person("C2", id_document="9")],
                              headers={"Complainants": [str(value) for value in person().values()]})
    annotated = tmp_path / "checked.xlsx"
    outputs = [run("validate", headless, "--annotate", annotated).output,
               run("validate", headless, "--format", "json").output]
    book = openpyxl.load_workbook(annotated)
    outputs += [str(cell.value) + str(cell.comment.text if cell.comment else "")
                for sheet in book.worksheets if sheet.title != "Complainants"
                for row in sheet.iter_rows() for cell in row]
    outputs += [cell.comment.text for row in book["Complainants"].iter_rows() for cell in row if cell.comment]
    text = "\n".join(outputs)
    for secret in SECRETS:
        assert secret not in text
    issues = json.loads(outputs[1])["issues"]
    unknown = [i for i in issues if i["code"] == "unknown-column"]
    assert len(unknown) == len(person())  # every "title" is a value of the first person's row
    assert [i["cell"] for i in unknown] == [f"{chr(ord('A') + n)}1" for n in range(len(unknown))]
    assert all(i["message"].startswith(f"Complainants!{i['cell']}: The title of column {i['cell'][:-1]} ")
               for i in unknown)


@pytest.mark.parametrize("text, shown", [
    ("Протест 😀", "U+1F600 GRINNING FACE"),
    ("抗议", "U+6297 CJK UNIFIED IDEOGRAPH-6297"),
    ("Tbilisi თბილისი", "U+10D1 GEORGIAN LETTER BAN"),
])
def test_text_the_fonts_cannot_draw_is_an_error_at_its_cell_by_code_point(tmp_path, text, shown):
    path = write_workbook(tmp_path / "case.xlsx", events=[event(summary_en=text)])
    result = run("validate", path)
    assert result.exit_code == 1
    assert "ERROR Events!G2: The document fonts cannot draw" in result.output and shown in result.output
    assert text not in result.output


def test_the_columns_printed_nowhere_may_hold_anything(tmp_path):
    path = write_workbook(tmp_path / "case.xlsx", people=[person(contact="telegram 😀", notes="抗议")])
    assert load(path, ("en",), TODAY).report.errors == []


def test_case_toml_text_the_fonts_cannot_draw_is_reported_by_its_key(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    write_workbook(folder / "case.xlsx")
    (folder / "case.toml").write_text('signatory = "Защитник ✊"\n', encoding="utf-8")
    result = run("validate", folder)
    assert result.exit_code == 1
    assert "ERROR case.toml: signatory.en: The document fonts cannot draw U+270A RAISED FIST" in result.output


def test_a_lone_surrogate_is_an_error_at_its_cell_and_a_whole_pair_is_one_character(tmp_path):
    path = write_workbook(tmp_path / "case.xlsx", people=[person(given_name="x", surname_latin="y")])
    replace_cell(path, "Complainants", "C2", '<c r="C2" t="inlineStr"><is><t>Ай_xD800_гер</t></is></c>')
    replace_cell(path, "Complainants", "E2", '<c r="E2" t="inlineStr"><is><t>OS_xD83D__xDE00_</t></is></c>')
    found = {(i.code, i.cell) for i in load(path, ("en",), TODAY).report.errors}
    assert found == {("lone-surrogate", "C2"), ("undrawable-characters", "E2")}
    for args in (("--format", "json"), ("--format", "text")):
        result = run("validate", path, *args)
        assert result.exit_code == 1 and "Traceback" not in result.output


def test_build_refuses_before_rendering_what_it_could_not_draw(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    write_workbook(folder / "case.xlsx", events=[event(label_en="the rally 🔥")])
    with pytest.raises(InvalidData):
        build(folder, output_root=tmp_path / "out", documents=("brief",), langs=("en",), formats=("pdf",),
              today=TODAY)
    assert not (tmp_path / "out").exists()


def test_the_fonts_draw_every_letter_of_the_three_languages():
    alphabet = "АаӘәБбВвГгҒғДдЕеЁёЖжЗзИиЙйКкҚқЛлМмНнҢңОоӨөПпРрСсТтУуҰұҮүФфХхҺһЦцЧчШшЩщЪъЫыІіЬьЭэЮюЯя"
    assert undrawable(alphabet + "ABCxyz0123456789 «»—–№…") == []


def test_the_font_check_loads_no_pdf_engine():
    probe = "import sys, complaints.fonts, complaints.workbook; print('weasyprint' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
