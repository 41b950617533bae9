"""The free-text screen: names, document numbers, contacts and dates of birth typed into text that
documents print as written are errors at their cell, naming the person by id and never quoting.
"""

from __future__ import annotations

import datetime
import json

import pytest
from click.testing import CliRunner

from complaints.build import build, load
from complaints.cli import main
from complaints.errors import InvalidData
from complaints.screen import SURNAME_ALONE_LETTERS, Screen

from conftest import TODAY, episode, event, person, write_workbook

# C1 consented to be named; C2 did not. Every value synthetic.
NAMED = person("C1", surname="Оспанова", given_name="Айгерим")
HIDDEN = person("C2", surname="Жумабеков", given_name="Ерлан", surname_latin="ZHUMABEKOV",
                given_name_latin="YERLAN", consent_to_name="no", id_document="N04511277",
                date_of_birth=datetime.date(1987, 4, 19), contact="+7 705 311 42 90; erlan.z@example.kz")
SHORT = person("C3", surname="Ким", given_name="Ольга", surname_latin="KIM", given_name_latin="OLGA",
               consent_to_name="no", id_document="044112", contact="@olga_k_channel",
               date_of_birth=datetime.date(1979, 11, 3))


def screened(tmp_path, summary=None, description=None, authority=None, people=(NAMED, HIDDEN, SHORT),
             settings: str | None = None):
    """The screen's issues as (code, sheet, column, id) for a case whose texts hold the given values."""
    folder = tmp_path / "case"
    folder.mkdir(exist_ok=True)
    write_workbook(folder / "case.xlsx", events=[event(summary_en=summary)], people=list(people),
                   episodes=[episode("C1", description=description, authority=authority),
                             episode("C2"), episode("C3")])
    if settings is not None:
        (folder / "case.toml").write_text(settings, encoding="utf-8")
    report = load(folder, ("en", "ru", "kk"), TODAY).report
    return [(i.code, i.sheet, i.column, i.params.get("id")) for i in report.issues
            if i.code in ("name-in-text", "personal-data-in-text", "contact-in-text")]


@pytest.mark.parametrize("text", [
    "Жумабеков Ерлан was detained.",
    "Ерлан Жумабеков was detained.",
    "Ерлан Серикович Жумабеков was detained.",
    "Задержан Жумабеков Е. у акимата.",
    "Yerlan Zhumabekov was detained.",       # the Latin columns
    "E. Zhumabekov was detained.",           # the initial of the transliteration
    "Жумабекова Ерлана задержали.",          # Russian inflection
    "Жумабековтың ісі қаралды.",             # Kazakh inflection, the surname alone
    "ЖУМАБЕКОВ ЕРЛАН",                       # capitals
    "Жумабёков Ерлан",                       # ё for е
])
def test_a_public_text_naming_someone_who_did_not_consent_is_an_error_naming_them_by_id(tmp_path, text):
    assert screened(tmp_path, summary=text) == [("name-in-text", "Events", "summary_en", "C2")]


@pytest.mark.parametrize("text", [
    "Оспанова Айгерим was detained.",        # consented and included
    "Ким и Пак задержаны.",                  # a short surname alone is not screened
    "The police of Zhumabekovka district.",  # a longer word that merely starts like a name
    "жумабеков",                             # a surname alone counts only with a capital
    "Ерлан was detained.",                   # a given name alone is not screened
    "Article 488 part 6 of the Code of Administrative Offences, KZT 120 250.",
    "Court case No. 7599-21-00-4/1234, decided on 19.04.2019.",
])
def test_texts_that_name_no_one_protected_pass(tmp_path, text):
    assert screened(tmp_path, summary=text) == []


def test_a_short_surname_counts_beside_the_given_name_or_its_initial(tmp_path):
    assert len("Ким") < SURNAME_ALONE_LETTERS
    assert screened(tmp_path, summary="Ольга Ким and О. Ким") == [("name-in-text", "Events", "summary_en", "C3")]


def test_a_complainants_own_episode_may_name_them_but_no_one_else_who_withheld_consent(tmp_path):
    hidden_speaks = person("C2", **{k: v for k, v in HIDDEN.items() if k != "complainant_id"})
    folder = tmp_path / "own"
    folder.mkdir()
    write_workbook(folder / "case.xlsx", people=[NAMED, hidden_speaks, SHORT],
                   episodes=[episode("C2", description="Жумабеков Е. был задержан вместе с Ольгой Ким"),
                             episode("C1"), episode("C3")])
    report = load(folder, ("en",), TODAY).report
    assert [(i.code, i.params.get("id")) for i in report.errors] == [("name-in-text", "C3")]


@pytest.mark.parametrize("text, data", [
    ("паспорт N 0451 1277", "id_document"),
    ("ID card №044112 seized", "id_document"),
    ("born 19.04.1987", "date_of_birth"),
    ("born 1987-04-19", "date_of_birth"),
    ("reached at 8 (705) 311-42-90", "contact"),
    ("write to Erlan.Z@example.kz", "contact"),
    ("posts as @olga_k_channel", "contact"),
])
def test_a_document_number_a_date_of_birth_or_a_contact_in_free_text_is_an_error_even_in_ones_own(
        tmp_path, text, data):
    issues = screened(tmp_path, description=text)
    assert [code for code, *_ in issues] == ["personal-data-in-text"] * len(issues) and issues
    owners = {"id_document": {"C2", "C3"}, "date_of_birth": {"C2"}, "contact": {"C2", "C3"}}[data]
    assert {owner for *_, owner in issues} <= owners


@pytest.mark.parametrize("text", ["call +44 20 7946 0958", "тел. 87011234567", "mail press@example.org"])
def test_any_phone_number_or_e_mail_address_in_free_text_is_an_error(tmp_path, text):
    assert screened(tmp_path, authority=text) == [("contact-in-text", "Episodes", "authority", None)]


def test_case_toml_texts_are_screened_and_reported_by_their_key(tmp_path):
    settings = ('title = "The case of Жумабеков Ерлан"\n'
                '[organisation]\nname = "Defenders"\naddress = "Almaty, tel. +7 727 000 00 00"\n')
    assert screened(tmp_path, settings=settings) == [
        ("name-in-text", "case.toml", f"title.{lang}", "C2") for lang in ("en", "kk", "ru")]


def test_a_namesake_who_may_be_named_makes_the_words_ambiguous_and_they_pass(tmp_path):
    namesake = person("C4", surname="Жумабеков", given_name="Ерлан", surname_latin="ZHUMABEKOV",
                      given_name_latin="YERLAN", id_document="777777777", contact="+7 700 000 00 04",
                      date_of_birth=datetime.date(1960, 1, 1))
    assert screened(tmp_path, summary="Жумабеков Ерлан spoke.", people=(NAMED, HIDDEN, SHORT, namesake)) == []


def test_validate_reports_the_cell_and_the_id_without_quoting_the_text(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    write_workbook(folder / "case.xlsx", events=[event(summary_en="Жумабеков Ерлан, N04511277")],
                   people=[NAMED, HIDDEN], episodes=[episode("C1"), episode("C2")])
    for output_format in ("text", "json"):
        result = CliRunner().invoke(main, ["validate", str(folder), "--format", output_format])
        assert result.exit_code == 1
        for secret in ("Жумабеков", "Ерлан", "04511277"):
            assert secret not in result.output
    issues = json.loads(result.output)["issues"]
    assert {(i["code"], i["cell"]) for i in issues if i["severity"] == "error"} == {
        ("name-in-text", "G2"), ("personal-data-in-text", "G2")}
    assert all("C2" in i["message"] for i in issues if i["severity"] == "error")


def test_build_refuses_a_case_whose_free_text_names_someone_protected(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    write_workbook(folder / "case.xlsx", events=[event(summary_en="Жумабеков Ерлан")],
                   people=[NAMED, HIDDEN], episodes=[episode("C1"), episode("C2")])
    with pytest.raises(InvalidData):
        build(folder, output_root=tmp_path / "out", documents=("brief",), langs=("en",), formats=("pdf",),
              today=TODAY)
    assert not (tmp_path / "out").exists()


def test_the_screen_matches_whole_words_from_their_start():
    from complaints.records import Complainant

    people = [Complainant(complainant_id="C9", row=2, surname="Абенов", given_name="Нурлан", id_document="12345")]
    screen = Screen(people)
    assert screen.hits("Абеновский проспект", frozenset()) == []
    assert screen.hits("Карабенов Нурлан", frozenset()) == []
    assert [h.complainant_id for h in screen.hits("Абенову Нурлану", frozenset())] == ["C9"]
    assert screen.hits("order 112345, 123456", frozenset()) == []
    assert [h.kind for h in screen.hits("order 12345.", frozenset())] == ["id_document"]


@pytest.mark.parametrize(("sheet", "column"), [
    ("Episodes", "description_ru"), ("Episodes", "authority_kk"), ("Episodes", "reasons_given"),
    ("Episodes", "place_of_detention"), ("Episodes", "place_of_detention_kk"), ("Episodes", "reasons_given_ru"),
    ("Complainants", "occupation"), ("Complainants", "affiliation"), ("Complainants", "occupation_ru"),
    ("Complainants", "affiliation_kk"),
    ("Complainants", "other_procedures"), ("Events", "estimate_source_en"), ("Events", "estimate_source_kk"),
])
def test_every_printed_free_text_column_is_screened(tmp_path, sheet, column):
    # The per-language texts and the submissions' own columns are printed as written, like the plain ones.
    text = "Ерлан Жумабеков was there."
    folder = tmp_path / "case"
    folder.mkdir()
    own = {column: text} if sheet == "Complainants" else {}
    first = person("C1", surname="Оспанова", given_name="Айгерим", **own)
    write_workbook(folder / "case.xlsx", events=[event(**({column: text} if sheet == "Events" else {}))],
                   people=[first, HIDDEN],
                   episodes=[episode("C1", **({column: text} if sheet == "Episodes" else {})), episode("C2")])
    report = load(folder, ("en", "ru", "kk"), TODAY).report
    assert [(i.code, i.sheet, i.column, i.params.get("id")) for i in report.issues if i.code == "name-in-text"] == [
        ("name-in-text", sheet, column, "C2")]


def test_the_place_and_the_urgency_of_case_toml_are_screened(tmp_path):
    found = screened(tmp_path, settings='[urgency]\nen = "Yerlan Zhumabekov is held."\n')
    assert ("name-in-text", "case.toml", "urgency.en", "C2") in found


def screened_testimonies(tmp_path, rows):
    """The screen's findings as (code, column, row, id) for a case with a Testimonies sheet of `rows`
    (complainant_id, text_en, text_ru, consent_to_quote)."""
    import openpyxl

    folder = tmp_path / "case"
    folder.mkdir()
    path = write_workbook(folder / "case.xlsx", events=[event()], people=[NAMED, HIDDEN],
                          episodes=[episode("C1"), episode("C2")])
    book = openpyxl.load_workbook(path)
    sheet = book.create_sheet("Testimonies")
    keys = ("complainant_id", "text_en", "text_ru", "consent_to_quote")
    sheet.append(keys)
    for row in rows:
        sheet.append([row.get(key) for key in keys])
    book.save(path)
    report = load(folder, ("en", "ru"), TODAY).report
    return [(i.code, i.column, i.row, i.params.get("id")) for i in report.issues
            if i.code in ("name-in-text", "personal-data-in-text", "contact-in-text")]


def test_a_testimony_naming_someone_who_did_not_consent_is_an_error_even_in_their_own_words(tmp_path):
    # Quoted in the public complaint and attributed by number to whoever withheld consent: their own
    # name in their own words would give them away, as would anyone else's.
    found = screened_testimonies(tmp_path, [
        {"complainant_id": "C1", "text_en": "They took Yerlan Zhumabekov first.", "text_ru": "Сначала увели нас.",
         "consent_to_quote": "yes"},
        {"complainant_id": "C2", "text_en": "I said: I am Erlan, let me go.",
         "text_ru": "Я сказал: я Жумабеков Ерлан, отпустите.", "consent_to_quote": "yes"},
        {"complainant_id": "C2", "text_en": "Call me: +7 705 311 42 90.", "consent_to_quote": "yes"},
        {"complainant_id": "C2", "text_en": "Yerlan Zhumabekov, never quoted.", "consent_to_quote": "no"},
    ])
    assert found == [("name-in-text", "text_en", 2, "C2"), ("name-in-text", "text_ru", 3, "C2"),
                     ("personal-data-in-text", "text_en", 4, "C2")]


def test_a_testimony_may_name_the_people_the_public_documents_name(tmp_path):
    assert screened_testimonies(tmp_path, [
        {"complainant_id": "C1", "text_en": "I, Aigerim Ospanova, was taken.", "text_ru": "Я, Оспанова Айгерим, "
         "была задержана.", "consent_to_quote": "yes"},
    ]) == []
