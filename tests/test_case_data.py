"""A case's data from a folder of CSV files, or from an .ods workbook, reads as the .xlsx would."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from complaints.build import build
from complaints.case_data import input_digest
from complaints.cli import main
from complaints.i18n import language
from complaints.pipeline import load

from conftest import EPISODE_HEADER, EVENT_HEADER, PERSON_HEADER, TODAY, episode, event, person, write_workbook

LANGS = ("en", "ru", "kk")
EVENTS = [event("rally"), event("court", date=datetime.date(2018, 6, 1))]
PEOPLE = [person("C1"),
          person("C2", surname="Ахметов", given_name="Ержан", surname_latin="AKHMETOV", given_name_latin="YERZHAN",
                 sex="M", id_document="2"),
          person("C3", surname="Сейтова", given_name="Дана", surname_latin="SEITOVA", given_name_latin="DANA",
                 poa_date=None, id_document="003", city="Шымкетн")]
EPISODES = [episode("C1"), episode("C2", "court", measure="fine"), episode("C3")]


def cell(value) -> str:
    return value.isoformat() if isinstance(value, datetime.date) else "" if value is None else str(value)


def write_csv(folder: Path, encoding="utf-8-sig", delimiter=",", titles=None, extra=None) -> Path:
    """The rows of the workbook fixtures as CSV files; titles: the header's language."""
    folder.mkdir(exist_ok=True)
    sheets = {"events.csv": (EVENT_HEADER, EVENTS), "complainants.csv": (PERSON_HEADER, PEOPLE),
              "episodes.csv": (EPISODE_HEADER, EPISODES), **(extra or {})}
    for name, (keys, rows) in sheets.items():
        header = [language(titles).pgettext("column", key) for key in keys] if titles else keys
        lines = [delimiter.join(header)] + [delimiter.join(cell(row.get(key)) for key in keys) for row in rows]
        (folder / name).write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return folder


def summary(path: Path):
    """What validation and the documents see of a case."""
    loaded = load(path, LANGS, TODAY)
    issues = sorted((i.severity, i.code, i.sheet, i.cell) for i in loaded.report.issues)
    people = [(m.person.complainant_id, m.person.surname, m.person.id_document, m.person.poa_date,
               m.person.city and m.person.city.key, [(e.measure, e.event_id, e.date) for e in m.episodes])
              for m in loaded.case.members]
    return issues, people, loaded.report.exclusions


@pytest.fixture
def xlsx_summary(tmp_path):
    return summary(write_workbook(tmp_path / "case.xlsx", events=EVENTS, people=PEOPLE, episodes=EPISODES))


@pytest.mark.parametrize("encoding, delimiter", [
    ("utf-8-sig", ","),  # Excel's "CSV UTF-8"
    ("utf-8", ";"),  # a Russian-set Excel's separator, no byte-order mark
    ("utf-16", "\t"),  # Excel's "Unicode text"
])
def test_a_folder_of_csv_files_reads_as_the_workbook(tmp_path, xlsx_summary, encoding, delimiter):
    folder = write_csv(tmp_path / "case", encoding, delimiter)
    assert summary(folder) == xlsx_summary
    assert xlsx_summary[0] == [("warning", "excluded-episode", "Episodes", "A4"),
                               ("warning", "unknown-place", "Complainants", "I4")]


def test_csv_titles_in_russian_and_leading_zeros_kept(tmp_path, xlsx_summary):
    assert summary(write_csv(tmp_path / "case", "utf-8", ";", titles="ru")) == xlsx_summary
    assert load(tmp_path / "case", LANGS, TODAY).case.members[0].person.id_document == "012345678"


def test_rows_are_numbered_as_a_spreadsheet_shows_them_when_a_field_spans_lines(tmp_path):
    folder = write_csv(tmp_path / "case")
    (folder / "complainants.csv").write_text(
        "complainant_id,surname,given_name,sex,appeal_form_date,poa_date,contact\n"
        'C1,Оспанова,Айгерим,F,2018-06-01,2018-06-02,"+7 701 000 00 01\nor, by mail; ask first"\n'
        "C2,Ахметов,Ержан,X,2018-06-01,2018-06-02,\n", encoding="utf-8")
    assert ("error", "bad-value", "Complainants", "D3") in summary(folder)[0]


def test_the_optional_remedies_file_is_read(tmp_path):
    remedy = {"complainant_id": "C1", "date": datetime.date(2018, 7, 1), "authority": "court",
              "outcome_date": datetime.date(2018, 8, 1)}
    folder = write_csv(tmp_path / "case", extra={
        "remedies.csv": (["complainant_id", "date", "authority", "outcome_date"], [remedy])})
    loaded = load(folder, LANGS, TODAY)
    assert [r.outcome_date for m in loaded.case.members for r in m.remedies] == [datetime.date(2018, 8, 1)]
    assert "no-remedies" in {i.code for i in loaded.report.issues}  # C2 has none


def test_a_folder_with_a_workbook_and_csv_files_is_ambiguous(tmp_path):
    folder = write_csv(tmp_path / "case")
    write_workbook(folder / "case.xlsx")
    result = CliRunner().invoke(main, ["validate", str(folder)])
    assert result.exit_code == 2
    assert "(found: case.xlsx, CSV files)" in result.output


@pytest.mark.slow
def test_a_csv_case_builds_and_its_manifest_hashes_the_files(tmp_path):
    folder = write_csv(tmp_path / "case")
    result = build(folder, langs=["en"], formats=["pdf"], output_root=tmp_path / "out", today=TODAY)
    manifest = json.loads((result.output / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["inputs"]["workbook"] == {"name": "case", "sha256": input_digest(folder)}
    (folder / "episodes.csv").write_text("complainant_id,measure\nC1,fine\n", encoding="utf-8")
    assert input_digest(folder) != manifest["inputs"]["workbook"]["sha256"]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_an_ods_workbook_is_converted_with_libreoffice(tmp_path, xlsx_summary):
    made, folder = tmp_path / "made", tmp_path / "case"
    made.mkdir()
    folder.mkdir()
    source = write_workbook(made / "case.xlsx", events=EVENTS, people=PEOPLE, episodes=EPISODES)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "ods", "--outdir", str(folder), str(source)], capture_output=True, check=True)
    if not (folder / "case.ods").exists():
        pytest.skip("LibreOffice Calc is not installed")
    assert summary(folder / "case.ods") == xlsx_summary
    assert summary(folder) == xlsx_summary  # a case folder holding the .ods
    assert list(folder.iterdir()) == [folder / "case.ods"]  # the conversion happened elsewhere


def test_an_ods_workbook_without_libreoffice_names_the_command(tmp_path, monkeypatch):
    monkeypatch.setattr("complaints.case_data.shutil.which", lambda command: None)
    path = write_workbook(tmp_path / "case.xlsx").rename(tmp_path / "case.ods")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert f"run `soffice --headless --convert-to xlsx {path}`" in result.output
