"""The schema is the one contract of the columns: the docs, the intake template and the readers follow it,
and a language is one catalog, per-language columns included."""

from __future__ import annotations

import dataclasses
import datetime
import importlib.util
import shutil
from collections.abc import Mapping
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.datetime import CALENDAR_WINDOWS_1900

from complaints import i18n, intake_template
from complaints.build import build
from complaints.gazetteer import Gazetteer
from complaints.intake_template import write_template
from complaints.pipeline import load
from complaints.records import read_sheet
from complaints.schema import (
    EVENTS,
    POA_SCOPES,
    SEX,
    SHEETS,
    YES_NO,
    Kind,
    Locality,
    Sheet,
    column,
    per_language,
)
from complaints.workbook import RawWorkbook, collect_sheet

from conftest import EXAMPLE, REPO, TODAY, event, pdf_text, write_workbook

FOURTH = "de"  # any code Babel knows; its catalog is a copy of the English one


def _doc_script():
    spec = importlib.util.spec_from_file_location("make_workbook_doc", REPO / "scripts" / "make_workbook_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_workbook_doc_is_the_one_the_schema_generates():
    committed = (REPO / "docs" / "workbook.md").read_text(encoding="utf-8")
    assert committed == _doc_script().render(), "run: .venv/bin/python scripts/make_workbook_doc.py"


def test_the_workbook_doc_names_every_column_of_every_sheet():
    text = _doc_script().render()
    for sheet in SHEETS:
        section = text.split(f"### {sheet.key} ")[1].split("###")[0]
        for item in sheet.columns:
            assert f"| `{item.key}` |" in section, (sheet.key, item.key)


def test_a_column_key_that_is_not_its_field_name_fails_at_once():
    @dataclasses.dataclass(frozen=True, kw_only=True)
    class Misnamed:
        row: int
        surname: str | None = column("family_name", help="The surname.", kind=Kind.NAME)

    with pytest.raises(TypeError, match="family_name"):
        Sheet("Misnamed", Misnamed, "One row per nothing.").column("surname")


@dataclasses.dataclass(frozen=True, kw_only=True)
class Visit:
    """A sheet the format does not have, declared only here: one record with a column of each kind."""

    row: int
    visit_id: str = column("visit_id", help="The visit's code.", kind=Kind.ID, required=True)
    visitor: str | None = column("visitor", help="Who came.", kind=Kind.NAME)
    day: datetime.date | None = column("day", help="When.", kind=Kind.DATE)
    town: Locality | None = column("town", help="Where.", kind=Kind.PLACE)
    sex: str | None = column("sex", help="Their sex.", kind=Kind.CODED, vocabulary=SEX)
    scope: frozenset[str] = column("scope", help="What for.", kind=Kind.CODED_SET, vocabulary=POA_SCOPES)
    agreed: bool = column("agreed", help="Agreed.", kind=Kind.YES_NO, vocabulary=YES_NO)
    notes: Mapping[str, str] = per_language("note", "note ({language})", "A note. Language: {language}.")


VISITS = Sheet("Visits", Visit, "One row per visit.", required=False)


def _raw_visits(header: list[str], rows: list[list]) -> RawWorkbook:
    issues: list = []
    source = [(1, False, dict(enumerate(header, start=1)))]
    source += [(number, False, dict(enumerate(row, start=1))) for number, row in enumerate(rows, start=2)]
    sheet = collect_sheet(VISITS, "Visits", source, issues)
    return RawWorkbook(Path("visits.xlsx"), {VISITS.key: sheet}, issues, CALENDAR_WINDOWS_1900)


def test_a_sheet_declared_in_the_schema_is_read_cell_by_cell_by_kind():
    english, russian = i18n.language("en"), i18n.language("ru")
    header = [c.title(english) for c in VISITS.columns if c.key != "note_ru"] + ["note (рус.)"]
    assert header[:8] == ["visit_id", "visitor", "day", "town", "sex", "scope", "agreed", "note (English)"]
    assert VISITS.column("note_ru").title(russian) == "note (русский)"
    rows = [["V1", "Оспанова", "10.05.2018", "Нур-Султан", "ж", "publish; appeal", "да", None, None, "заметка"],
            ["V2", "Ospanova", "05/10/2018", "Atlantis", "x", "fly", None, "a note"],
            [None, "Nobody"]]
    workbook = _raw_visits(header, rows)
    issues = list(workbook.issues)
    first, second = read_sheet(workbook, VISITS, Gazetteer.default(), issues)
    assert first == Visit(row=2, visit_id="V1", visitor="Оспанова", day=datetime.date(2018, 5, 10),
                          town=first.town, sex="F", scope=frozenset({"publish", "appeal"}), agreed=True,
                          notes={"ru": "заметка"})
    assert first.town.place.key == "astana"
    assert (second.day, second.sex, second.scope, second.agreed, second.notes) == (
        None, None, frozenset(), False, {"en": "a note"})
    assert sorted((i.code, i.cell) for i in issues) == [
        ("ambiguous-date", "C3"), ("bad-value", "E3"), ("bad-value", "F3"), ("missing-value", "A4"),
        ("unknown-place", "D3")]


def test_a_sheet_declared_in_the_schema_gets_its_intake_template_sheet(tmp_path, monkeypatch):
    monkeypatch.setattr(intake_template, "SHEETS", (*SHEETS, VISITS))
    write_template("ru", tmp_path / "intake.xlsx")
    book = openpyxl.load_workbook(tmp_path / "intake.xlsx")
    visits = book["Visits"]
    russian = i18n.language("ru")
    assert [cell.value for cell in visits[1]] == [c.title(russian) for c in VISITS.columns]
    rules = {str(v.sqref).split(":")[0]: v.formula1 for v in visits.data_validations.dataValidation}
    assert rules == {"D2": "cities", "E2": "sexes", "F2": "poa_scopes", "G2": "yes_no"}
    assert visits.column_dimensions["C"].number_format == intake_template.DATE_FORMAT


@pytest.fixture
def fourth_language(tmp_path, monkeypatch):
    """The catalogs as shipped plus a copy of the English one under FOURTH."""
    root = tmp_path / "locale"
    shutil.copytree(REPO / "complaints" / "locale", root)
    shutil.copytree(root / "en", root / FOURTH)
    monkeypatch.setattr(i18n, "_catalog_root", lambda: root)
    caches = (i18n.languages, i18n.translations, i18n.language)
    for cache in caches:
        cache.cache_clear()
    yield FOURTH
    monkeypatch.undo()
    for cache in caches:
        cache.cache_clear()


def test_a_fourth_catalog_adds_its_columns_and_titles(fourth_language, tmp_path):
    assert i18n.languages() == ("en", FOURTH, "kk", "ru")
    keys = [item.key for item in EVENTS.columns]
    assert {"label_de", "summary_de"} <= set(keys)
    template = tmp_path / "intake.xlsx"
    write_template(FOURTH, template)
    headers = [cell.value for cell in openpyxl.load_workbook(template)["Events"][1]]
    assert "label (Deutsch)" in headers and "summary (Deutsch)" in headers  # CLDR names, in the language itself
    # The Russian header of the new language's label, as a Russian intake template writes it, reads back.
    russian = EVENTS.column("label_de").title(i18n.language("ru"))
    assert russian == "название (немецкий)"
    path = write_workbook(tmp_path / "case.xlsx", events=[event(label_de="the rally (de)")],
                          columns={"Events": ["event_id", "date", "label_en", "label_ru", "label_kk", "label_de"]},
                          headers={"Events": ["event_id", "date", "label_en", "label_ru", "label_kk", russian]})
    loaded = load(path, (FOURTH,), TODAY)
    assert loaded.report.valid, [issue.code for issue in loaded.report.issues]
    assert "| `label_de` | label (Deutsch) |" in _doc_script().render()


def test_without_its_label_an_event_cannot_be_built_in_the_fourth_language(fourth_language, tmp_path):
    report = load(write_workbook(tmp_path / "case.xlsx"), (FOURTH,), TODAY).report
    assert [(issue.code, issue.column) for issue in report.errors] == [("missing-label", "label_de")]


@pytest.mark.slow
def test_the_example_builds_in_a_fourth_language(fourth_language, tmp_path):
    case = tmp_path / "example"
    shutil.copytree(EXAMPLE, case)
    book = openpyxl.load_workbook(case / "workbook.xlsx")
    events = book["Events"]
    header = [cell.value for cell in events[1]]
    for stem in ("label", "summary"):
        source = header.index(f"{stem}_en") + 1
        target = events.max_column + 1
        events.cell(1, target, f"{stem}_{FOURTH}")
        for row in range(2, events.max_row + 1):
            text = events.cell(row, source).value
            events.cell(row, target, f"{text} [{FOURTH}]" if text else None)
    book.save(case / "workbook.xlsx")

    result = build(case, langs=(FOURTH,), output_root=tmp_path / "output", today=TODAY)
    folder = tmp_path / "output" / "example" / FOURTH
    complaint = folder / "collective-complaint.pdf"
    assert complaint.is_file() and (folder / "collective-complaint.docx").is_file()
    assert "10 May 2018 [de]" in " ".join(pdf_text(complaint).split())
    documents = [path.relative_to(result.output) for path in result.files if path.suffix in (".pdf", ".docx")]
    assert documents and {path.parts[0] for path in documents} == {FOURTH}
