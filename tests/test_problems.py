"""The error model: every data problem is one typed entry of complaints/problems.py."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from click.testing import CliRunner

from complaints import problems
from complaints.blocks import blocks_from_html
from complaints.cli import main
from complaints.errors import BuildError
from complaints.problems import ERROR, PROBLEMS, WARNING

from conftest import REPO, person

PACKAGE = REPO / "complaints"
REPORTERS = {"Issue", "_issue", "issue"}


def _reporting_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            if name in REPORTERS and node.args:
                yield node


def _problem_names(tree: ast.Module) -> set[str]:
    return {alias.asname or alias.name for node in tree.body if isinstance(node, ast.ImportFrom)
            and node.module == "problems" and node.level == 1 for alias in node.names}


@pytest.mark.parametrize("module", sorted(PACKAGE.glob("*.py")), ids=lambda path: path.name)
def test_every_problem_reported_is_a_constant_imported_by_name(module: Path):
    """So that a misspelt problem fails when the module is imported, not on the rare row that meets it."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    imported = _problem_names(tree)
    for call in _reporting_calls(tree):
        first = call.args[0]
        names = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
        for name in names:
            if isinstance(name, ast.Name) and name.id == "problem":
                continue  # the helpers' own parameter, passed on
            if isinstance(name, ast.Attribute) and name.attr == "issue":
                continue  # a vocabulary's error, a Problem field set from a constant in schema.py
            assert isinstance(name, ast.Name) and name.id in imported, (
                f"{module.name}:{call.lineno} reports a problem not imported from complaints.problems")


def test_every_problem_has_a_unique_code_a_severity_and_both_messages():
    assert PROBLEMS, "the table is empty"
    for code, problem in PROBLEMS.items():
        assert problem.code == code
        assert problem.severity in (ERROR, WARNING)
        assert problem.message and problem.hint
        assert getattr(problems, code.upper().replace("-", "_")) is problem


def test_a_code_defined_twice_is_refused_at_import():
    with pytest.raises(ValueError, match="defined twice"):
        problems._problem("missing-value", ERROR, "x", "y")
    with pytest.raises(ValueError, match="severity"):
        problems._problem("no-such-code", "fatal", "x", "y")
    assert "no-such-code" not in PROBLEMS


def test_validate_strict_fails_on_warnings(workbook):
    path = workbook(people=[person(city="Шымкетн")])  # an unknown place: a warning only
    relaxed = CliRunner().invoke(main, ["validate", str(path)])
    strict = CliRunner().invoke(main, ["validate", "--strict", str(path)])
    assert relaxed.exit_code == 0 and "1 warning" in relaxed.output
    assert strict.exit_code == 1 and "1 warning" in strict.output


def test_validate_strict_passes_a_workbook_without_warnings(workbook):
    result = CliRunner().invoke(main, ["validate", "--strict", str(workbook())])
    assert "0 errors, 0 warnings" in result.output
    assert result.exit_code == 0


def test_html_without_a_main_element_is_a_build_error():
    with pytest.raises(BuildError, match="<main>"):
        blocks_from_html("<html><body><p>text</p></body></html>")
