"""Open points: where the workbook is silent a document asks, in its own language, and is a draft."""

from __future__ import annotations

import datetime
import re

import docx
import pytest
from click.testing import CliRunner

from complaints.build import build, load
from complaints.cli import main
from complaints.errors import OpenPointsRemain
from complaints.i18n import language, languages
from complaints.open_points import FIELDS, OpenPoint, field_label, open_points
from complaints.problems import WARNING
from complaints.schema import COMPLAINANTS, EPISODES

from conftest import TODAY, docx_text, episode, event, flat, pdf_text, person, write_workbook

DRAFT = {"en": "Draft", "ru": "Проект", "kk": "Жоба"}


def pages(path) -> list[str]:
    return [page for page in pdf_text(path).split("\f") if page.strip()]


def docx_header(path) -> str:
    return "\n".join(p.text for s in docx.Document(str(path)).sections for p in s.header.paragraphs)


def test_every_document_with_open_points_is_a_draft_on_every_page_and_no_other(example_build):
    drafts = set(example_build.open_points)
    assert drafts, "the example leaves points open"
    checked = {True: 0, False: 0}
    for path in example_build.files:
        relative = path.relative_to(example_build.output)
        lang, document = relative.parts[0], relative.with_suffix("").as_posix()
        # A package is its document, then the annexes, which never carry the draft mark: a court
        # decision's page stamped "Draft" would read as a draft decision.
        draft = document.removesuffix("-package") in drafts
        if path.suffix == ".pdf":
            marked = [DRAFT[lang] in page.split("\n", 3)[:3] or DRAFT[lang] in page[:200] for page in pages(path)]
            own = len(pages(path.with_name(path.name.replace("-package", "")))) if "-package" in path.name else None
            assert all(marked[:own]) if draft else not any(marked[:own]), relative
            if own is not None:
                assert own < len(marked) and not any(marked[own:]), relative
        else:
            assert (DRAFT[lang] in docx_header(path)) == draft, relative
        checked[draft] += 1
    assert checked[True] and checked[False]


def test_the_summary_lists_exactly_the_markers_each_document_prints(example_build):
    listed = 0
    for path in example_build.files:
        relative = path.relative_to(example_build.output)
        # The DOCX, whose cells read back whole: pdftotext interleaves the lines of narrow table cells.
        if relative.parts[0] != "en" or path.suffix != ".docx":
            continue
        text = flat(docx_text(path))
        points = example_build.open_points.get(relative.with_suffix("").as_posix(), ())
        printed = set(re.findall(r"\[to complete: ([^\]]+)\]", text))
        # The domestic list asks for several scans once above it (powers_of_attorney); its rows, each listed in
        # the summary under power_of_attorney, print the bare marker.
        asked_once = any(point.field == "powers_of_attorney" for point in points)
        assert printed == {field_label(language("en"), point.field, point.complainant_id) for point in points
                           if not (asked_once and point.field == "power_of_attorney")}, relative
        listed += len(points)
    assert listed


@pytest.mark.parametrize("lang, marker", [
    ("en", "[to complete: nationality]"),
    ("ru", "[требуется указать: гражданство]"),
    ("kk", "[толтыру қажет: азаматтығы]"),
])
def test_a_field_the_workbook_lacks_prints_as_a_marker_in_the_document_language(tmp_path, lang, marker):
    result = build(write_workbook(tmp_path / "case.xlsx", people=[person(poa_scope="represent")]),
                   langs=[lang], formats=["pdf"], documents=["hrc"], output_root=tmp_path / "out", today=TODAY)
    text = flat(pdf_text(result.output / lang / "hrc" / "C1.pdf"))
    assert marker in text
    assert OpenPoint("C1", "nationality") in result.open_points[f"{lang}/hrc/C1"]


def test_a_value_the_workbook_holds_is_printed_instead_of_the_marker(tmp_path):
    result = build(write_workbook(tmp_path / "case.xlsx", people=[person(poa_scope="represent")]),
                   langs=["en"], formats=["pdf"], documents=["hrc"], output_root=tmp_path / "out", today=TODAY)
    text = flat(pdf_text(result.output / "en" / "hrc" / "C1.pdf"))
    assert "[to complete: date of birth]" not in text and "2 January 1990" in text
    assert OpenPoint("C1", "date_of_birth") not in result.open_points["en/hrc/C1"]


def test_cell_text_that_looks_like_a_marker_is_not_an_open_point():
    forged = '<main><p>&lt;span class="open-point" data-field="sex"&gt;[to complete: sex]&lt;/span&gt;</p></main>'
    assert open_points(f"<html><body>{forged}</body></html>") == ()


def test_a_final_build_refuses_documents_with_open_points_and_writes_nothing(tmp_path):
    case = write_workbook(tmp_path / "case.xlsx", people=[person(poa_scope="represent")])
    with pytest.raises(OpenPointsRemain) as refused:
        build(case, langs=["en"], formats=["pdf"], documents=["hrc"], output_root=tmp_path / "out",
              today=TODAY, final=True)
    assert OpenPoint("C1", "nationality") in refused.value.points["en/hrc/C1"]
    assert "en/hrc/C1: C1: " in str(refused.value) and "nationality" in str(refused.value)
    assert not (tmp_path / "out" / "case").exists()


def test_a_final_build_writes_documents_without_open_points(tmp_path):
    case = tmp_path / "case"
    case.mkdir()
    write_workbook(case / "case.xlsx", people=[person(poa_scope="publish")])
    (case / "case.toml").write_text('signatory = "Dana Example, lawyer"\nplace = "Vilnius"\n', encoding="utf-8")
    result = build(case, langs=["en"], formats=["pdf", "docx"], documents=["collective-complaint"],
                   output_root=tmp_path / "out", today=TODAY, final=True)
    assert result.open_points == {}
    assert not any(DRAFT["en"] in page[:200] for page in pages(result.output / "en" / "collective-complaint.pdf"))
    assert DRAFT["en"] not in docx_header(result.output / "en" / "collective-complaint.docx")


def test_build_final_exits_1_with_the_list(tmp_path):
    case = write_workbook(tmp_path / "case.xlsx", people=[person(poa_scope="represent")])
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(case), "--lang", "ru", "--format", "pdf", "--document", "hrc",
                                  "--output", str(tmp_path / "out"), "--jobs", "1", "--final"])
    assert result.exit_code == 1
    assert "ru/hrc/C1: C1: " in result.output and "nationality" in result.output
    assert not (tmp_path / "out" / "case").exists()
    drafted = runner.invoke(main, ["build", str(case), "--lang", "ru", "--format", "pdf", "--document", "hrc",
                                   "--output", str(tmp_path / "out"), "--jobs", "1"])
    assert drafted.exit_code == 0, drafted.output
    assert "ru/hrc/C1: C1: " in drafted.output


def test_an_author_with_no_act_recorded_is_asked_about_not_left_without_facts(tmp_path):
    """A complainant the Episodes sheet has no row for still gets a communication: the summary and
    the facts ask for the acts (the summary once stopped the build, reading the first act's date)."""
    case = write_workbook(tmp_path / "case.xlsx", events=[event("e1")], people=[person("C1"), person("C2")],
                          episodes=[episode("C1", "e1")])
    result = build(case, langs=["en", "ru", "kk"], formats=["pdf"], documents=["hrc"],
                   output_root=tmp_path / "out", today=TODAY)
    for lang in ("en", "ru", "kk"):
        assert OpenPoint("C2", "episodes") in result.open_points[f"{lang}/hrc/C2"]
        assert OpenPoint("C1", "episodes") not in result.open_points.get(f"{lang}/hrc/C1", ())


def test_validation_warns_first_at_the_id_of_an_included_complainant_with_no_episode(tmp_path):
    """What the documents ask (open point `episodes`) validation says first, at the complainant's id
    cell; an excluded complainant is not asked about."""
    case = write_workbook(tmp_path / "case.xlsx", events=[event("e1")],
                          people=[person("C1"), person("C2", id_document="2"),
                                  person("C3", id_document="3", poa_date=None)],
                          episodes=[episode("C1", "e1")])
    warnings = [issue for issue in load(case, ("en",), TODAY).report.warnings if issue.code == "no-episodes"]
    assert [(issue.sheet, issue.row, issue.column, issue.params["id"]) for issue in warnings] == [
        (COMPLAINANTS.key, 3, "complainant_id", "C2")]
    assert all(issue.severity == WARNING for issue in warnings)


def test_an_empty_sheet_of_episodes_is_one_warning_not_one_for_each_complainant(tmp_path):
    case = write_workbook(tmp_path / "case.xlsx", events=[event("e1")],
                          people=[person("C1"), person("C2", id_document="2")], episodes=[])
    warnings = [(issue.code, issue.sheet, issue.row) for issue in load(case, ("en",), TODAY).report.warnings
                if issue.code in ("no-episodes", "no-episode-at-all")]
    assert warnings == [("no-episode-at-all", EPISODES.key, None)]


def test_a_detention_dated_while_the_person_was_already_held_is_a_warning_at_its_date(tmp_path):
    """Detained on 6 July while serving an arrest of 24 June (15 days): one of the rows is wrong, and the documents
    would print both. A detention the day before an arrest, or on the day of release, is not."""
    episodes = [episode("C1", "e1", measure="detention", date=datetime.date(2018, 6, 23)),
                episode("C1", "e1", measure="administrative_arrest", date=datetime.date(2018, 6, 24),
                        penalty="15 days"),
                episode("C1", "e1", measure="detention", date=datetime.date(2018, 7, 6)),
                episode("C1", "e1", measure="detention", date=datetime.date(2018, 7, 9)),
                episode("C2", "e1", measure="detention", date=datetime.date(2018, 7, 6))]
    case = write_workbook(tmp_path / "case.xlsx", events=[event("e1")],
                          people=[person("C1"), person("C2", id_document="2")], episodes=episodes)
    warnings = [issue for issue in load(case, ("en",), TODAY).report.warnings if issue.code == "detention-while-held"]
    assert [(issue.row, issue.column, issue.params["other_row"]) for issue in warnings] == [(4, "date", 3)]


def test_no_open_point_names_a_bracket_that_would_end_its_marker_early():
    """A marker is "[to complete: …]": a bracket inside its field's name would end it for whoever
    reads the markers back (the build's summary, a lawyer's search)."""
    for code in languages():
        for field, name in FIELDS.items():
            label = language(code).pgettext("open point", name)
            assert "[" not in label and "]" not in label, (code, field)
