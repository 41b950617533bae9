"""case.toml: every field optional, every mistake one clear line."""

from __future__ import annotations

import datetime
import shutil

import pytest
from click.testing import CliRunner

from complaints.cli import main
from complaints.documents import REGISTRY
from complaints.errors import UnreadableInput
from complaints.settings import Settings

from conftest import REPO, write_workbook


def load(tmp_path, text):
    path = tmp_path / "case.toml"
    path.write_text(text, encoding="utf-8")
    return Settings.load("case", path, REGISTRY)


def test_no_settings_file_means_defaults(tmp_path):
    settings = Settings.load("case", tmp_path / "case.toml", REGISTRY)
    assert settings == Settings("case")


def test_the_commented_template_is_valid_and_complete(tmp_path):
    settings = load(tmp_path, (REPO / "complaints" / "data" / "case.toml").read_text(encoding="utf-8"))
    assert set(settings.title) == {"en", "ru", "kk"}
    assert settings.organisation["ru"] and settings.address["kk"] and settings.email
    assert settings.periods[0].start == datetime.date(2018, 5, 1)


def test_the_example_settings():
    settings = Settings.load("example", REPO / "intake" / "example" / "case.toml", REGISTRY)
    assert settings.build_date == datetime.date(2018, 11, 1)
    assert [p.end for p in settings.periods] == [None, datetime.date(2018, 10, 31)]
    assert settings.documents is None


def test_one_text_serves_every_language(tmp_path):
    settings = load(tmp_path, 'title = "Case X"\n')
    assert settings.title == {"en": "Case X", "ru": "Case X", "kk": "Case X"}


def test_documents_are_kept_in_registry_order(tmp_path):
    settings = load(tmp_path, 'documents = ["hrc", "collective-complaint"]\n')
    assert settings.documents == ("collective-complaint", "hrc")


@pytest.mark.parametrize("text, message", [
    ("colour = 1\n", "colour: unknown setting"),
    ("build_date = \"tomorrow\"\n", "build_date: must be a date"),
    ("documents = [\"ufo\"]\n", "documents: unknown document ufo"),
    ("[title]\nfr = \"x\"\n", "title: unknown language fr"),
    ("[[periods]]\nend = 2018-01-01\n", "periods[1].start: must be a date"),
    ("title = [1, 2]\n", "title: must be a text or a table"),
    ("this is not toml", "not valid TOML"),
])
def test_mistakes_are_one_clear_line(tmp_path, text, message):
    with pytest.raises(UnreadableInput, match=message.replace("[", r"\[").replace("]", r"\]")):
        load(tmp_path, text)


def test_a_bad_settings_file_exits_2(tmp_path):
    case = tmp_path / "case"
    case.mkdir()
    write_workbook(case / "workbook.xlsx")
    (case / "case.toml").write_text("colour = 1\n")
    result = CliRunner().invoke(main, ["validate", str(case)])
    assert result.exit_code == 2 and "case.toml: colour: unknown setting" in result.output


def test_settings_choose_the_documents(tmp_path):
    case = tmp_path / "case"
    shutil.copytree(REPO / "intake" / "example", case)
    (case / "case.toml").write_text('build_date = 2018-11-01\ndocuments = ["osce"]\n')
    result = CliRunner().invoke(main, ["build", str(case), "--lang", "en", "--format", "pdf",
                                       "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    # The example has attachments: the document chosen comes with its package.
    assert sorted(p.name for p in (tmp_path / "out" / "case" / "en").iterdir()) == ["osce-package.pdf", "osce.pdf"]
