"""The command line: exit codes, one-line errors, summaries, --help."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from complaints.cli import main

from conftest import EXAMPLE, REPO, episode, person


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, **kwargs)


@pytest.mark.parametrize("command", [[], ["validate"], ["build"]])
def test_help(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_validate_the_example_is_buildable():
    result = run("validate", EXAMPLE)
    assert result.exit_code == 0
    assert "48 appeals received, 41 included, 7 excluded: no appeal form (3), no power of attorney (5)" in result.output
    assert "EXCLUDED C007 (row 8): no power of attorney" in result.output
    assert "0 errors" in result.output


def test_validate_in_russian_and_kazakh():
    ru = run("validate", EXAMPLE, "--lang", "ru").output
    assert "получено 48 обращений, 41 включено, 7 исключено" in ru
    assert "нет доверенности (5)" in ru
    kk = run("validate", EXAMPLE, "--lang", "kk").output
    assert "сенімхат жоқ (5)" in kk


def test_validate_reports_errors_cell_by_cell_with_exit_1(workbook):
    path = workbook(people=[person(poa_date="soon")], episodes=[episode("C9", measure="beating")])
    result = run("validate", path)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith("ERROR Complainants!L2: This cell does not hold a readable date.") for line in lines)
    assert any(line.startswith("ERROR Episodes!A2: No complainant has the id C9.") for line in lines)
    assert any(line.startswith("ERROR Episodes!E2: The value of this cell is not a known measure.") for line in lines)
    assert "beating" not in result.output


def test_validate_json(workbook):
    result = run("validate", workbook(people=[person(city="Шымкетн")]), "--format", "json")
    report = json.loads(result.output)
    assert result.exit_code == 0 and report["valid"] is True
    assert report["issues"][0]["code"] == "unknown-place"
    assert report["issues"][0]["cell"] == "I2"


@pytest.mark.parametrize("content", [b"not a workbook", b"PK\x03\x04garbage"])
def test_an_unreadable_file_exits_2_with_one_line(tmp_path, content):
    path = tmp_path / "case.xlsx"
    path.write_bytes(content)
    for command in ("validate", "build"):
        result = run(command, path)
        assert result.exit_code == 2
        assert result.output.strip().count("\n") == 0, result.output
        assert result.output.startswith("Error: ") and "Traceback" not in result.output


def test_a_missing_file_exits_2(tmp_path):
    result = run("validate", tmp_path / "nothing.xlsx")
    assert result.exit_code == 2 and "no such file" in result.output


def test_build_refuses_a_workbook_with_errors(workbook, tmp_path):
    result = run("build", workbook(people=[person(surname=None)]), "--output", tmp_path / "out")
    assert result.exit_code == 1
    assert "run `complaints validate`" in result.output
    assert not (tmp_path / "out" / "case").exists()


def test_the_summary_says_which_addresses_were_not_verified_on_the_bodys_own_page(workbook, tmp_path):
    result = run("build", workbook(people=[person(poa_scope="represent")], episodes=[episode(measure="detention")]),
                 "--lang", "en", "--format", "pdf", "--document", "hrc", "--document", "wgad",
                 "--output", tmp_path / "out")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    (wgad,) = [line for line in lines if "hrc-wg-ad@un.org" in line]
    assert "not verified" not in wgad  # found on the Working Group's page
    (petitions,) = [line for line in lines if "petitions@ohchr.org" in line]
    assert petitions.endswith("(not verified on the body's own page: check it before sending)")


@pytest.fixture(scope="module")
def example_built_by_the_cli(tmp_path_factory):
    """`complaints build` with no case, run from the repository: the example, in Russian, as PDF."""
    output = tmp_path_factory.mktemp("cli") / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        return run("build", "--lang", "ru", "--format", "pdf", "--output", output), output


@pytest.mark.slow
def test_build_with_no_argument_builds_the_example(example_built_by_the_cli):
    result, output = example_built_by_the_cli
    assert result.exit_code == 0, result.output
    assert "41 complainants from 12 cities and towns" in result.output
    assert "left out: C007 (row 8): no power of attorney" in result.output
    assert (output / "example" / "ru" / "collective-complaint.pdf").exists()
    assert not (output / "example" / "en").exists()
    # The example is dated 1 November 2018: the OSCE meeting bore its earlier name.
    assert "to the OSCE Human Dimension Implementation Meeting" in result.output
    assert "Human Dimension Conference" not in result.output


@pytest.mark.slow
def test_build_output_names_no_one(example_built_by_the_cli):
    result, _ = example_built_by_the_cli
    from complaints.pipeline import load

    members = load(EXAMPLE, ("ru",)).case.members
    assert members and result.exit_code == 0
    for member in members:
        assert member.person.surname not in result.output
        assert member.person.id_document not in result.output


def test_a_name_typed_into_a_coded_column_is_not_repeated(workbook):
    path = workbook(people=[person(sex="Оспанова Айгерим", consent_to_name="+7 701 000 00 09")])
    for lang in ("en", "ru", "kk"):
        result = run("validate", path, "--lang", lang)
        assert result.exit_code == 1
        assert "Complainants!G2" in result.output and "Complainants!N2" in result.output
        assert "Оспанова" not in result.output and "000 00 09" not in result.output


def test_init_creates_a_case_whose_only_problem_is_that_it_is_empty(tmp_path):
    folder = tmp_path / "new-case"
    result = run("init", folder, "--lang", "kk")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == ["case.toml", "workbook.xlsx"]
    checked = run("validate", folder, "--format", "json")
    assert checked.exit_code == 1
    assert [issue["code"] for issue in json.loads(checked.output)["issues"]] == ["no-complainants"]
    again = run("init", folder)
    assert again.exit_code == 2 and "not empty" in again.output


HEAVY = ("weasyprint", "openpyxl", "docxtpl", "lxml", "babel", "jinja2")


@pytest.mark.parametrize("command", [["--help"], ["verify", "--help"], ["verify", "{build}"]])
def test_the_command_line_loads_only_what_the_command_needs(command, tmp_path):
    """`complaints --help` answers without loading the document libraries, and `verify` checks a
    build with the standard library alone (issue 15)."""
    folder = tmp_path / "build"
    folder.mkdir()
    (folder / "manifest.json").write_text('{"outputs": {}}')
    script = ("import sys\nfrom complaints.cli import main\n"
              "try:\n    main(sys.argv[1:])\nexcept SystemExit as done:\n    code = done.code\n"
              f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}), code)\n")
    words = [word.format(build=folder) for word in command]
    done = subprocess.run([sys.executable, "-c", script, *words], capture_output=True, text=True, cwd=REPO)
    assert done.stdout.strip().splitlines()[-1] == "[] 0", done.stdout + done.stderr
