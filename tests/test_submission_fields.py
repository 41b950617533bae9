"""The fields the UN bodies ask for, from the new optional columns: each blank (an open point, or
the sentence absent) and filled (printed in the document's language)."""

from __future__ import annotations

import datetime

import pytest

from complaints.build import build, load
from complaints.open_points import OpenPoint

from conftest import TODAY, episode, flat, pdf_text, person, write_workbook

FILLED = {"nationality": "KZ", "place_of_birth": "Шымкент", "occupation": "journalist",
          "affiliation": "the Free Steppe movement", "other_procedures": "none"}
HELD = {"end_date": None, "place_of_detention": "Temporary detention centre No. 1", "warrant": "no",
        "reasons_given": "participation in an unauthorised rally", "lawyer_access": "no", "case_number": "187-2018"}


def build_one(tmp_path, documents, langs=("en",), people_extra=None, episode_extra=None, case_toml=""):
    case = tmp_path / "case"
    case.mkdir(exist_ok=True)
    people = [person("C1", poa_scope="represent", **(people_extra or {}))]
    episodes = [episode("C1", measure="pretrial_detention", legal_basis="CC 405(2)", **(episode_extra or {}))]
    write_workbook(case / "case.xlsx", people=people, episodes=episodes)
    (case / "case.toml").write_text(case_toml, encoding="utf-8")
    return build(case, langs=langs, formats=["pdf"], documents=documents, output_root=tmp_path / "out", today=TODAY)


def text(result, relative):
    return flat(pdf_text(result.output / relative))


@pytest.mark.parametrize("lang, nationality, birthplace", [("en", "Kazakhstan", "Shymkent"),
                                                          ("ru", "Казахстан", "Шымкент"),
                                                          ("kk", "Қазақстан", "Шымкент")])
def test_filled_person_fields_print_in_the_document_language(tmp_path, lang, nationality, birthplace):
    result = build_one(tmp_path, ["hrc"], (lang,), FILLED)
    communication = text(result, f"{lang}/hrc/C1.pdf")
    assert nationality in communication and birthplace in communication
    assert not {p.field for p in result.open_points[f"{lang}/hrc/C1"]} & {"nationality", "place_of_birth",
                                                                           "other_procedures"}


def test_blank_person_fields_are_open_points(tmp_path):
    result = build_one(tmp_path, ["hrc", "wgad-questionnaire", "special-procedures"])
    fields = {p.field for points in result.open_points.values() for p in points if p.complainant_id == "C1"}
    assert {"nationality", "place_of_birth", "occupation", "other_procedures", "place_of_detention",
            "warrant", "lawyer_access", "reasons_given"} <= fields
    assert "[to complete: profession or activity]" in text(result, "en/special-procedures.pdf")


def test_a_nationality_no_language_can_name_is_a_warning_and_an_open_point(tmp_path):
    path = write_workbook(tmp_path / "case.xlsx", people=[person(nationality="Atlantis", articles="seven")])
    issues = {(i.code, i.column) for i in load(path, ("en",), TODAY).report.warnings}
    assert {("unknown-country", "nationality"), ("bad-articles", "articles")} <= issues
    result = build_one(tmp_path, ["hrc"], people_extra={"nationality": "Atlantis"})
    assert OpenPoint("C1", "nationality") in result.open_points["en/hrc/C1"]


def test_other_procedures_recorded_none_or_named(tmp_path):
    # The case sends this person's case nowhere else (case.toml), and nothing else is recorded.
    none = build_one(tmp_path, ["hrc"], people_extra={"other_procedures": "нет"}, case_toml='documents = ["hrc"]\n')
    assert ("The same matter has not been submitted for examination under another procedure of international "
            "investigation or settlement.") in text(none, "en/hrc/C1.pdf")
    named = build_one(tmp_path, ["hrc"], people_extra={"other_procedures": "the Committee against Torture"})
    assert "Apart from these, the same matter has not been submitted" not in text(named, "en/hrc/C1.pdf")
    assert "The author's case has also been submitted to: the Committee against Torture." in text(named,
                                                                                                   "en/hrc/C1.pdf")


def test_detention_fields_fill_the_questionnaire_and_argue_category_three(tmp_path):
    result = build_one(tmp_path, ["wgad-questionnaire"], people_extra=FILLED, episode_extra=HELD)
    questionnaire = text(result, "en/wgad-questionnaire/C1.pdf")
    for value in ("Temporary detention centre No. 1", "participation in an unauthorised rally", "case No. 187-2018",
                  "still held", "Category III: the person was deprived of liberty without access to a lawyer",
                  "Category V: the deprivation of liberty discriminated against the person for his or her political "
                  "or other opinion, as a member of the Free Steppe movement"):
        assert value in questionnaire, value
    fields = {p.field for p in result.open_points.get("en/wgad-questionnaire/C1", ())}
    assert not fields & {"place_of_detention", "warrant", "lawyer_access", "reasons_given", "arbitrariness"}
    released = build_one(tmp_path, ["wgad-questionnaire"], episode_extra={"end_date": datetime.date(2018, 6, 1),
                                                                          "lawyer_access": "yes"})
    questionnaire = text(released, "en/wgad-questionnaire/C1.pdf")
    assert "1 June 2018" in questionnaire and "still held" not in questionnaire and "Category III" not in questionnaire


def test_urgent_appeals_are_built_on_request_for_people_still_held(tmp_path):
    urgent = 'documents = ["wgad-urgent", "special-procedures-urgent"]\nurgency = "Health at risk in custody."\n'
    held = build_one(tmp_path, None, people_extra=FILLED, episode_extra=HELD, case_toml=urgent)
    assert sorted(p.relative_to(held.output).as_posix() for p in held.files) == [
        "en/special-procedures-urgent.pdf", "en/wgad-urgent.pdf"]
    appeal = text(held, "en/wgad-urgent.pdf")
    assert "Health at risk in custody." in appeal and "Temporary detention centre No. 1" in appeal
    released = build_one(tmp_path, ["wgad-urgent"], episode_extra={"end_date": datetime.date(2018, 6, 1)})
    assert released.files == []
    default = build_one(tmp_path, None, people_extra=FILLED, episode_extra=HELD)
    assert not any("urgent" in p.name for p in default.files)


def test_the_lawyer_adds_and_removes_articles_per_author(tmp_path):
    result = build_one(tmp_path, ["hrc"], people_extra={"articles": "+7, -14"})
    communication = text(result, "en/hrc/C1.pdf")
    assert "Article 7" in communication and "Article 14" not in communication
    assert "Article 22: freedom of association — facts: 10 May 2018 (pre-trial detention)" in communication
