"""intake/example-complete: the example with what the bodies ask filled in, which builds with --final;
and the example itself, whose open points are listed and which --final refuses."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from complaints.cli import main
from complaints.context import document_context
from complaints.documents import REGISTRY
from complaints.i18n import languages
from complaints.pipeline import build_date, load, plan
from complaints.render import DocumentHtml
from complaints.render import groups as document_groups

from conftest import EXAMPLE, REPO

COMPLETE = REPO / "intake" / "example-complete"


def test_the_complete_example_is_what_its_script_writes(tmp_path):
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_example_complete.py"), str(tmp_path)], check=True,
                   capture_output=True)
    for name in ("workbook.xlsx", "case.toml"):
        assert (tmp_path / name).read_bytes() == (COMPLETE / name).read_bytes(), name


def test_no_document_of_the_complete_example_has_an_open_point_in_any_language():
    loaded = load(COMPLETE, languages())
    assert loaded.report.valid
    day = build_date(loaded.settings)
    contexts: dict = {}
    groups = document_groups(plan(loaded, languages(), ["pdf"]))
    for group in groups:
        job = group[0]
        if (job.document.name, job.lang) not in contexts:
            context = document_context(loaded.case, job.document, job.lang, day)
            contexts[job.document.name, job.lang] = context, {p.complainant_id: p for p in context["people"]}
        context, people = contexts[job.document.name, job.lang]
        if job.member:
            context = context | {"author": people[job.member]}
        assert DocumentHtml(job.document, job.lang, context, day).open_points == (), job.document_path
    assert len(groups) > 200


def test_the_complete_example_builds_with_final(tmp_path):
    result = CliRunner().invoke(main, ["build", str(COMPLETE), "--final", "--lang", "ru", "--format", "pdf",
                                       "--document", "wgad", "--document", "special-procedures",
                                       "--output", str(tmp_path), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "open points" not in result.output
    assert (tmp_path / "example-complete" / "ru" / "wgad.pdf").exists()


def test_final_refuses_the_example_and_lists_its_open_points(tmp_path):
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--final", "--lang", "en", "--format", "pdf",
                                       "--document", "wgad-questionnaire", "--output", str(tmp_path), "--jobs", "1"])
    assert result.exit_code == 1
    assert "en/wgad-questionnaire/C001: C001: " in result.output and "nationality" in result.output
    assert not (tmp_path / "example").exists()


@pytest.mark.parametrize("folder", [EXAMPLE, COMPLETE], ids=["example", "complete"])
def test_a_hearing_without_a_lawyer_is_among_the_facts_of_article_14_3_b_and_d(folder):
    """Reader s9: C012's 14(3)(b)/(d) listed police detentions only, while the 11 May hearing (a fine; «no lawyer was
    admitted») is the fact that matters. The claims read the row's lawyer_access, never the description: both
    examples record in that cell what its description tells (the lawyers read intake/example, reader s9 final F32)."""
    loaded = load(folder, ("en",))
    day = build_date(loaded.settings)
    context = document_context(loaded.case, REGISTRY["hrc"], "en", day)
    author = next(p for p in context["people"] if p.complainant_id == "C012")
    claim = next(c for c in author.claims if c.key == 14)
    denied = dict(claim.breaches)["denied_lawyer"]
    assert "11 May 2018 (fine)" in [f"{fact.date} ({fact.measure})" for fact in denied]
