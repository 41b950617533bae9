"""Each rule of the workbook contract, on workbooks the tests build."""

from __future__ import annotations

import datetime
import hashlib

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from complaints.errors import UnreadableInput
from complaints.i18n import language
from complaints.pipeline import load
from complaints.schema import SHEETS

from conftest import EPISODE_HEADER, EVENT_HEADER, PERSON_HEADER, TODAY, episode, event, person, write_workbook

LANGS = ("en", "ru", "kk")


def report_of(path, langs=LANGS):
    return load(path, langs, TODAY).report


def codes(report):
    return {(issue.severity, issue.code, issue.sheet, issue.cell) for issue in report.issues}


def test_a_valid_workbook_has_no_issues(workbook):
    report = report_of(workbook())
    assert report.valid
    assert report.issues == []
    assert (report.appeals, report.included) == (1, 1)


def test_headers_are_case_insensitive_and_in_any_order(workbook):
    keys = ["city", "given_name", "surname", "complainant_id", "poa_date", "appeal_form_date",
            "consent_to_name", "surname_latin", "given_name_latin"]
    header = ["CITY", "Given_Name", " Surname ", "Complainant ID", "poa_date", "APPEAL_FORM_DATE",
              "consent_to_name", "surname_latin", "given_name_latin"]
    path = workbook(people=[person(given_name="Ержан", surname="Оспанов")],
                    columns={"Complainants": keys}, headers={"Complainants": header})
    loaded = load(path, LANGS, TODAY)
    assert loaded.report.valid and loaded.report.issues == []
    assert loaded.case.members[0].person.surname == "Оспанов"
    assert loaded.case.members[0].person.city.place.key == "almaty"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_sheets_and_columns_titled_in_russian_or_kazakh(workbook, lang):
    code = language(lang)
    titles = tuple(code.pgettext("sheet", s) for s in ("Events", "Complainants", "Episodes"))
    columns = dict(zip(titles, (EVENT_HEADER, PERSON_HEADER, EPISODE_HEADER), strict=True))
    # Each column's title in the language, as the intake template writes it ("род занятий (русский)").
    titled = {column.key: column.title(code) for sheet in SHEETS for column in sheet.columns}
    headers = {title: [titled[key] for key in keys] for title, keys in columns.items()}
    assert all(title != key for title, key in zip(headers[titles[1]], PERSON_HEADER, strict=True))
    report = report_of(workbook(titles=titles, headers=headers, columns=columns))
    assert report.valid and report.issues == [], [i.describe(code) for i in report.issues]
    assert report.included == 1


def test_unknown_columns_are_ignored_with_a_warning_that_suggests_the_closest(workbook):
    path = workbook(people=[person(favourite_colour="blue", sunrame="x")])
    report = report_of(path)
    assert report.valid
    unknown = [i for i in report.issues if i.code == "unknown-column"]
    colour, misspelt = (get_column_letter(len(PERSON_HEADER) + n) for n in (1, 2))  # after the format's
    assert {(i.cell, i.params["letter"]) for i in unknown} == {(f"{colour}1", colour), (f"{misspelt}1", misspelt)}
    assert {i.params["suggestion"] for i in unknown if i.params["letter"] == misspelt} == {"surname"}


def test_blank_rows_are_skipped(tmp_path):
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1"), {}, {}, person("C2", id_document="1")])
    report = report_of(path)
    assert report.valid and report.appeals == 2


def test_missing_sheet_is_unreadable(tmp_path):
    path = write_workbook(tmp_path / "case.xlsx", titles=("Events", "People", "Episodes"))
    with pytest.raises(UnreadableInput, match="Complainants"):
        load(path, LANGS, TODAY)


def test_not_a_workbook_is_unreadable(tmp_path):
    path = tmp_path / "case.xlsx"
    path.write_text("name,city\n")
    with pytest.raises(UnreadableInput, match="not a readable"):
        load(path, LANGS, TODAY)


def test_missing_required_values_and_ids(workbook):
    path = workbook(people=[person(surname=None), person("C2", given_name=None, id_document="2"),
                            person(None, id_document="3")])
    found = codes(report_of(path))
    assert ("error", "missing-value", "Complainants", "B2") in found
    assert ("error", "missing-value", "Complainants", "C3") in found
    assert ("error", "missing-value", "Complainants", "A4") in found


def test_missing_required_column(workbook):
    path = workbook(episodes=[{"complainant_id": "C1", "event_id": "rally"}],
                    headers={"Episodes": ["complainant_id", "event_id"]})
    assert ("error", "missing-column", "Episodes", None) in codes(report_of(path))


def test_duplicate_ids(workbook):
    path = workbook(events=[event("e1"), event("e1")],
                    people=[person("C1"), person("C1", id_document="9")],
                    episodes=[episode(event_id="e1")])
    found = codes(report_of(path))
    assert ("error", "duplicate-id", "Events", "A3") in found
    assert ("error", "duplicate-id", "Complainants", "A3") in found


@pytest.mark.parametrize("value, expected", [
    (datetime.datetime(2018, 5, 10), datetime.date(2018, 5, 10)),
    ("2018-05-10", datetime.date(2018, 5, 10)),
    ("10.05.2018", datetime.date(2018, 5, 10)),
    (43230, datetime.date(2018, 5, 10)),  # an Excel serial number in a cell not formatted as a date
])
def test_accepted_dates(workbook, value, expected):
    loaded = load(workbook(events=[event(date=value)]), LANGS, TODAY)
    assert loaded.report.valid
    assert loaded.case.events[0].date == expected


@pytest.mark.parametrize("value", ["10.05.18", "31.02.2018", "May 10", "2018-13-01", True])
def test_unreadable_dates_are_errors(workbook, value):
    report = report_of(workbook(people=[person(poa_date=value)]))
    assert ("error", "bad-date", "Complainants", "L2") in codes(report)


def test_episode_references(workbook):
    path = workbook(episodes=[episode(), episode("C9"), episode(event_id="nope")])
    found = codes(report_of(path))
    assert ("error", "unknown-complainant", "Episodes", "A3") in found
    assert ("error", "unknown-event", "Episodes", "B4") in found


@pytest.mark.parametrize("typed, key", [
    ("administrative_arrest", "administrative_arrest"),
    ("Administrative Arrest", "administrative_arrest"),
    ("административный арест", "administrative_arrest"),
    ("әкімшілік қамаққа алу", "administrative_arrest"),
    ("штраф", "fine"),
    ("айыппұл", "fine"),
])
def test_measures_accept_keys_and_labels_in_every_language(workbook, typed, key):
    loaded = load(workbook(episodes=[episode(measure=typed)]), LANGS, TODAY)
    assert loaded.report.valid
    assert loaded.case.members[0].episodes[0].measure == key


def test_unknown_measure_is_an_error(workbook):
    report = report_of(workbook(episodes=[episode(measure="beating up")]))
    assert ("error", "unknown-measure", "Episodes", "E2") in codes(report)


def test_missing_label_only_for_languages_being_built(workbook):
    path = workbook(events=[event(label_kk=None)])
    cell = f"{get_column_letter(EVENT_HEADER.index('label_kk') + 1)}2"
    assert ("error", "missing-label", "Events", cell) in codes(report_of(path))
    assert report_of(path, ("en", "ru")).valid


def test_exclusions_are_counted_with_their_reasons(workbook):
    people = [person("C1"), person("C2", poa_date=None, id_document="2"),
              person("C3", appeal_form_date=None, poa_date=None, id_document="3")]
    report = report_of(workbook(people=people, episodes=[episode(), episode("C2")]))
    assert report.valid
    assert (report.appeals, report.included) == (3, 1)
    assert [(e.complainant_id, e.reasons) for e in report.exclusions] == [
        ("C2", ("no-power-of-attorney",)),
        ("C3", ("no-appeal-form", "no-power-of-attorney")),
    ]
    assert ("warning", "excluded-episode", "Episodes", "A3") in codes(report)


def test_likely_duplicates_by_document_and_by_name_across_alphabets(workbook):
    people = [
        person("C1"),
        person("C2", surname="Ospanova", given_name="Aigerim", id_document="999"),  # Latin typed
        person("C3", surname="Другая", given_name="Персона", date_of_birth=datetime.date(1970, 1, 1)),
    ]
    report = report_of(workbook(people=people))
    duplicates = {(i.params["id"], i.params["other_id"], i.params["reason"])
                  for i in report.issues if i.code == "possible-duplicate"}
    assert duplicates == {("C2", "C1", "same-name-and-birth"), ("C3", "C1", "same-document")}


def test_unknown_place_is_kept_with_a_warning_naming_the_closest(workbook):
    loaded = load(workbook(people=[person(city="Шымкетн")]), LANGS, TODAY)
    issue = next(i for i in loaded.report.issues if i.code == "unknown-place")
    assert "Shymkent" in issue.params["suggestions"]
    assert loaded.case.members[0].person.city.name("ru") == "Шымкетн"


def test_dates_in_the_future_or_before_birth(workbook):
    people = [person(appeal_form_date=datetime.date(1980, 1, 1))]
    episodes = [episode(date=datetime.date(2031, 1, 1))]
    found = codes(report_of(workbook(people=people, episodes=episodes)))
    assert ("warning", "date-before-birth", "Complainants", "K2") in found
    # The documents bear today's date: an episode after it would be reported as past.
    assert ("error", "after-document-date", "Episodes", "C2") in found


def test_coded_values_in_three_languages(workbook):
    # Three people: with one name and date of birth they would be one person in disagreement.
    people = [person("C1", sex="Ж", consent_to_name="да", poa_scope="публикация, представительство"),
              person("C2", sex="Е", consent_to_name="иә", id_document="2", poa_scope="represent",
                     date_of_birth=datetime.date(1991, 1, 2)),
              person("C3", sex="male", consent_to_name=None, id_document="3", date_of_birth=datetime.date(1992, 1, 2))]
    loaded = load(workbook(people=people), LANGS, TODAY)
    assert loaded.report.valid, [i.describe(language("en")) for i in loaded.report.issues]
    members = [m.person for m in loaded.case.members]
    assert [m.sex for m in members] == ["F", "M", "M"]
    assert [m.consent_to_name for m in members] == [True, True, False]
    assert members[0].poa_scope == {"publish", "represent"}
    assert members[2].poa_scope == {"publish", "represent", "appeal"}


def test_bad_coded_value_is_an_error(workbook):
    report = report_of(workbook(people=[person(sex="X")]))
    assert ("error", "bad-value", "Complainants", "G2") in codes(report)


def test_identity_numbers_keep_leading_zeros(workbook):
    loaded = load(workbook(), LANGS, TODAY)
    assert loaded.case.members[0].person.id_document == "012345678"


def test_messages_carry_no_personal_data(workbook):
    people = [person("C1", date_of_birth="31.02.1990"), person("C2", surname="Ospanova",
                                                                given_name="Aigerim", id_document="7")]
    report = report_of(workbook(people=people))
    for lang in LANGS:
        text = "\n".join(i.describe(language(lang)) for i in report.issues)
        for secret in ("Оспанова", "Ospanova", "Aigerim", "012345678", "31.02.1990", "+7 701"):
            assert secret not in text


def test_the_input_file_is_never_modified(workbook):
    path = workbook(people=[person(city="Шымкетн")])
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    load(path, LANGS, TODAY)
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before
    assert openpyxl.load_workbook(path).sheetnames == ["Events", "Complainants", "Episodes"]


def test_one_name_without_a_date_of_birth_or_patronymic_to_tell_the_rows_apart_is_a_possible_duplicate(workbook):
    """Reader s9: one name in two cities, no date of birth, in a list of 87. Namesakes are common: a date of birth or
    a patronymic on both rows that differ sets them apart, and no warning is given."""
    unborn = {"date_of_birth": None, "surname_latin": None, "given_name_latin": None}
    people = [
        person("C1", **unborn, id_document="1"),
        person("C2", **unborn, id_document="2", city="Караганда"),  # the same name, nothing to tell them apart
        person("C3", surname="Ли", given_name="Данияр", patronymic="Сергеевич", **unborn, id_document="3"),
        person("C4", surname="Ли", given_name="Данияр", patronymic="Ким", **unborn, id_document="4"),  # another
        person("C5", surname="Беков", given_name="Ерлан", id_document="5"),
        person("C6", surname="Беков", given_name="Ерлан", id_document="6", date_of_birth=datetime.date(1971, 3, 3)),
        person("C7", surname="Беков", given_name="Ерлан", id_document="7", date_of_birth=None),
    ]
    report = report_of(workbook(people=people, episodes=[episode(f"C{k}") for k in range(1, 8)]))
    duplicates = {(i.params["id"], i.params["other_id"], i.params["reason"], i.column)
                  for i in report.issues if i.code == "possible-duplicate"}
    # C5 and C6 differ in their dates of birth; C7 has none, so it may be either.
    assert duplicates == {("C2", "C1", "same-name", "surname"), ("C7", "C5", "same-name", "surname")}
    assert report.valid
