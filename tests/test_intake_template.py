"""`complaints intake-template`: a blank workbook that guides, and reads back once filled."""

from __future__ import annotations

import datetime
import zipfile

import openpyxl
import pytest
from click.testing import CliRunner

from complaints.cli import main
from complaints.gazetteer import Gazetteer
from complaints.i18n import language
from complaints.intake_template import DATE_FORMAT
from complaints.pipeline import load
from complaints.schema import SHEETS, Kind

from conftest import TODAY

LANGS = ("en", "ru", "kk")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    folder = tmp_path_factory.mktemp("templates")
    for lang in LANGS:
        assert run("intake-template", "--lang", lang, folder / f"{lang}.xlsx").exit_code == 0
    return folder


def dropdown_values(book, lang) -> dict[str, list[str]]:
    lists = book[language(lang).pgettext("template", "Lists")]
    return {column[0].value: [cell.value for cell in column[1:] if cell.value] for column in lists.iter_cols()}


def fill(book, lang, sheet_key, rows):
    """Type rows (column key -> value) under the template's own headers."""
    code = language(lang)
    worksheet = book[code.pgettext("sheet", sheet_key)]
    sheet = next(s for s in SHEETS if s.key == sheet_key)
    position = {c.key: i for i, c in enumerate(sheet.columns, start=1)}
    assert [cell.value for cell in worksheet[1]] == [c.title(code) for c in sheet.columns]
    for row_number, row in enumerate(rows, start=2):
        for key, value in row.items():
            worksheet.cell(row_number, position[key], value)


@pytest.mark.parametrize("lang", LANGS)
def test_a_template_filled_with_valid_data_validates_with_no_warnings(templates, tmp_path, lang):
    book = openpyxl.load_workbook(templates / f"{lang}.xlsx")
    values = dropdown_values(book, lang)
    city = Gazetteer.default().resolve("Almaty").name(lang)
    assert city in values["cities"]
    fill(book, lang, "Events", [{
        "event_id": "2022-01-almaty", "date": datetime.date(2022, 1, 5), "date_end": datetime.date(2022, 1, 7),
        "label_en": "the January protests", "label_ru": "январские протесты", "label_kk": "қаңтар наразылықтары",
        "summary_en": "Peaceful protests.", "summary_ru": "Мирные протесты.", "summary_kk": "Бейбіт наразылықтар."}])
    person = {"surname": "Оспанова", "given_name": "Айгерим", "surname_latin": "OSPANOVA",
              "given_name_latin": "AIGERIM", "sex": values["sexes"][0], "date_of_birth": datetime.date(1990, 1, 2),
              "city": city, "id_document": "012345678", "appeal_form_date": datetime.date(2022, 3, 1),
              "poa_date": datetime.date(2022, 3, 2), "poa_scope": ", ".join(values["poa_scopes"][:2]),
              "consent_to_name": values["yes_no"][0], "contact": "+7 701 000 00 01", "notes": "—"}
    fill(book, lang, "Complainants", [
        {"complainant_id": "C001", **person},
        {**person, "complainant_id": "C002", "surname": "Ахметов", "given_name": "Ержан", "patronymic": "Серикович",
         "surname_latin": "AKHMETOV", "given_name_latin": "YERZHAN", "sex": values["sexes"][1],
         "id_document": "000000042", "poa_scope": None, "consent_to_name": values["yes_no"][1]}])
    fill(book, lang, "Episodes", [
        {"complainant_id": "C001", "event_id": "2022-01-almaty", "date": datetime.date(2022, 1, 6), "city": city,
         "measure": values["measures"][0], "legal_basis": "488", "penalty": "10 days", "authority": "МВД",
         "description": "—", "end_date": datetime.date(2022, 1, 15)},  # a term that ran out has its end recorded
        {"complainant_id": "C002", "measure": values["measures"][3]}])
    fill(book, lang, "Remedies", [
        {"complainant_id": key, "date": datetime.date(2022, 2, 1), "authority": "Верховный суд", "action": "appeal",
         "outcome": "dismissed", "outcome_date": datetime.date(2022, 4, 1)} for key in ("C001", "C002")])
    path = tmp_path / "filled.xlsx"
    book.save(path)

    loaded = load(path, LANGS, TODAY)
    assert loaded.report.issues == [], [i.describe(language(lang)) for i in loaded.report.issues]
    assert (loaded.report.appeals, loaded.report.included) == (2, 2)
    first, second = (member.person for member in loaded.case.members)
    assert (first.sex, first.consent_to_name, first.poa_scope, first.id_document) == (
        "F", True, {"publish", "represent"}, "012345678")
    assert (second.sex, second.consent_to_name, second.id_document) == ("M", False, "000000042")
    assert [e.measure for e in loaded.case.episodes] == ["detention", "fine"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_sheet_is_there_in_the_chosen_language(templates, lang):
    code = language(lang)
    book = openpyxl.load_workbook(templates / f"{lang}.xlsx")
    assert book.sheetnames == [code.pgettext("instructions", "Instructions"),
                               *(code.pgettext("sheet", sheet.key) for sheet in SHEETS),
                               code.pgettext("template", "Lists")]
    assert [sheet.sheet_state for sheet in book.worksheets] == ["visible"] * (len(SHEETS) + 1) + ["hidden"]
    for sheet in SHEETS:
        worksheet = book[code.pgettext("sheet", sheet.key)]
        assert worksheet.freeze_panes == "A2"
        for position, column in enumerate(sheet.columns, start=1):
            header = worksheet.cell(1, position)
            assert header.value == column.title(code)
            assert header.comment.text == column.note(code)
            expected = DATE_FORMAT if column.kind is Kind.DATE else "0" if column.kind is Kind.COUNT else "@"
            assert worksheet.column_dimensions[header.column_letter].number_format == expected, column.key


def test_the_notes_and_instructions_are_translated(templates):
    texts = {}
    for lang in LANGS:
        book = openpyxl.load_workbook(templates / f"{lang}.xlsx")
        texts[lang] = [c.value for row in book.worksheets[0].iter_rows() for c in row if c.value]
        texts[lang] += [c.comment.text for sheet in book.worksheets[1:5] for c in sheet[1]]
    for lang in ("ru", "kk"):
        assert not set(texts[lang]) & set(texts["en"]), lang
    who = next(text for text in texts["ru"] if "доверенности" in text and "анкеты" in text)
    assert language("ru").pgettext("column", "poa_date") in who


def test_dropdowns_offer_the_coded_values(templates):
    book = openpyxl.load_workbook(templates / "ru.xlsx")
    rules = {}
    for worksheet in book.worksheets:
        for validation in worksheet.data_validations.dataValidation:
            rules[(worksheet.title, str(validation.sqref).split(":")[0])] = (validation.formula1,
                                                                               validation.showErrorMessage)
    assert rules == {
        ("Эпизоды", "E2"): ("measures", True), ("Эпизоды", "B2"): ("event_ids", True),
        ("Эпизоды", "D2"): ("cities", False), ("Эпизоды", "F2"): ("grounds", True),
        ("Эпизоды", "G2"): ("yes_no", True), ("Эпизоды", "H2"): ("treatment", False),
        ("Свидетельства", "E2"): ("yes_no", True),
        ("Заявители", "G2"): ("sexes", True), ("Заявители", "N2"): ("yes_no", True),
        ("Заявители", "M2"): ("poa_scopes", False), ("Заявители", "I2"): ("cities", False),
        ("Заявители", "R2"): ("cities", False),  # place_of_birth
        ("Заявители", "W2"): ("yes_no_unknown", True),  # consent_to_government
        ("Эпизоды", "P2"): ("yes_no_unknown", True), ("Эпизоды", "S2"): ("yes_no_unknown", True),  # warrant, lawyer
        ("Эпизоды", "U2"): ("yes_no_unknown", True),  # home_searched
        ("Приложения", "B2"): ("attachment_kinds", True), ("Приложения", "F2"): ("yes_no", True),  # every_package
        ("Приложения", "G2"): ("yes_no", True),  # public
        ("Средства защиты", "D2"): ("remedy_actions", True), ("Средства защиты", "E2"): ("remedy_outcomes", True),
    }
    assert book.defined_names["event_ids"].attr_text == "'События'!$A$2:$A$1000"
    values = dropdown_values(book, "ru")
    assert values["measures"][:2] == ["задержание", "допрос"]
    assert values["sexes"] == ["Ж", "М"] and values["yes_no"] == ["да", "нет"]
    assert values["yes_no_unknown"] == ["да", "нет", "неизвестно"]
    assert values["attachment_kinds"][:3] == ["доверенность", "анкета-обращение", "решение"]
    assert values["remedy_actions"][:2] == ["апелляционная жалоба", "ходатайство о пересмотре в кассационном порядке"]
    assert values["remedy_outcomes"][0] == "в удовлетворении отказано"
    assert len(values["cities"]) == len(Gazetteer.default())


def test_the_template_holds_no_formula(templates):
    with zipfile.ZipFile(templates / "kk.xlsx") as archive:
        sheets = [archive.read(name) for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
    assert sheets and not any(b"<f>" in xml or b"<f " in xml for xml in sheets)


def test_an_existing_file_is_never_overwritten(tmp_path):
    path = tmp_path / "intake.xlsx"
    path.write_bytes(b"someone's work")
    result = run("intake-template", path)
    assert result.exit_code == 2 and "already exists" in result.output
    assert path.read_bytes() == b"someone's work"


def test_the_default_name_says_the_language(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("intake-template", "--lang", "kk").output.strip() == "Wrote intake-kk.xlsx"
    # Blank, it reads without a problem but one: there is no one to build for yet.
    assert [i.code for i in load(tmp_path / "intake-kk.xlsx", LANGS, TODAY).report.issues] == ["no-complainants"]


def test_a_folder_that_does_not_exist_is_one_line(tmp_path):
    result = run("intake-template", tmp_path / "nowhere" / "intake.xlsx")
    assert result.exit_code == 2 and result.output.startswith("Error: ") and result.output.count("\n") == 1
