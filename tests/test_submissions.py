"""Submissions a lawyer can sign: each statement backed by the workbook, the body's address, place,
date and signature, and a request to withhold the identity of whoever did not consent to be named."""

from __future__ import annotations

import dataclasses

import pytest

from complaints.bodies import CHANNELS, bodies
from complaints.build import build
from complaints.documents import REGISTRY
from complaints.open_points import OpenPoint

from conftest import TODAY, episode, flat, pdf_text, person, write_workbook


def built_text(result, relative: str) -> str:
    return flat(pdf_text(result.output / relative))


def test_every_document_names_bodies_that_the_data_file_describes():
    for document in REGISTRY.values():
        for key in document.bodies:
            body = bodies()[key]
            assert body.channel in CHANNELS and body.source and body.languages
            assert body.email or body.portal or any(body.address.values()), key
        assert set(document.accepted_languages) <= {"en", "ru", "kk"}
    assert REGISTRY["hrc"].accepted_languages == ("en", "ru")
    assert set(REGISTRY["domestic-complaint"].accepted_languages) == {"ru", "kk"}


def test_a_submission_carries_the_bodys_address_place_date_and_signature_line(tmp_path):
    case = tmp_path / "case"
    case.mkdir()
    write_workbook(case / "case.xlsx", people=[person(poa_scope="represent")])
    (case / "case.toml").write_text('build_date = 2018-11-01\nsignatory = "Dana Example, lawyer"\n'
                                    '[place]\nen = "Vilnius"\nru = "Вильнюс"\nkk = "Вильнюс"\n', encoding="utf-8")
    result = build(case, langs=["en"], formats=["pdf"], documents=["wgad", "hrc"], output_root=tmp_path / "out",
                   today=TODAY)
    for relative, body in (("en/wgad.pdf", "wgad"), ("en/hrc/C1.pdf", "hrc")):
        text = built_text(result, relative)
        assert bodies()[body].email in text
        assert all(line in text for line in bodies()[body].address["en"])
        # The signature line is drawn (style.css), beside the position and the name, as letters set it.
        assert "Vilnius, 1 November 2018" in text and "Dana Example, lawyer" in text
    assert not any(p.field in ("place", "signatory") for points in result.open_points.values() for p in points)


def test_without_place_or_signatory_the_signature_block_is_an_open_point(tmp_path):
    result = build(write_workbook(tmp_path / "case.xlsx", people=[person(poa_scope="represent")]), langs=["ru"],
                   formats=["pdf"], documents=["wgad"], output_root=tmp_path / "out", today=TODAY)
    text = built_text(result, "ru/wgad.pdf")
    assert "[требуется указать: место подписания]" in text and "[требуется указать: имя подписанта]" in text
    assert {OpenPoint("", "place"), OpenPoint("", "signatory")} <= set(result.open_points["ru/wgad"])


@pytest.fixture
def two_people(tmp_path):
    people = [person("C1", poa_scope="represent", consent_to_name="yes"),
              person("C2", surname="Ахметов", given_name="Ерлан", surname_latin="AKHMETOV",
                     given_name_latin="ERLAN", sex="M", id_document="098765432", poa_scope="represent",
                     consent_to_name="no")]
    episodes = [episode("C1", measure="administrative_arrest"), episode("C2", measure="fine")]
    return build(write_workbook(tmp_path / "case.xlsx", people=people, episodes=episodes), langs=["en"],
                 formats=["pdf"], documents=["hrc", "wgad", "wgad-questionnaire", "special-procedures"],
                 output_root=tmp_path / "out", today=TODAY)


def test_each_submission_asks_to_withhold_the_identity_of_whoever_did_not_consent(two_people):
    request = "identity be withheld"
    assert "asks the Committee not to publish his or her name" in built_text(two_people, "en/hrc/C2.pdf")
    assert "asks the Committee not to publish" not in built_text(two_people, "en/hrc/C1.pdf")
    assert "withheld from the Working Group's published opinion" not in built_text(
        two_people, "en/wgad-questionnaire/C1.pdf")
    assert f"Person No. 2 did not consent to be named in public. We ask that this person's {request}" in \
        built_text(two_people, "en/special-procedures.pdf")
    # C1 is held at the letter's date (an arrest without an end date): the Working Group is asked, and release. No
    # ground or provision is recorded, no article of the Rapporteurs' mandates claimed: the Working Group alone.
    letter = built_text(two_people, "en/special-procedures.pdf")
    assert "We ask the Working Group on Arbitrary Detention to send a communication to the Government" in letter
    assert ("We also ask them to call for the immediate release of person No. 1, still deprived of liberty at the "
            "date of this letter.") in letter
    # The Working Group's table says how long: here an arrest without an end date, still held.
    assert "10 May 2018 (administrative arrest, still held)" in built_text(two_people, "en/wgad.pdf")
    # C2 was fined, not deprived of liberty: the Working Group's letter names only C1, who consented.
    assert "did not consent" not in built_text(two_people, "en/wgad.pdf")


def test_the_communication_states_the_other_procedures_the_case_goes_to(two_people):
    deprived = built_text(two_people, "en/hrc/C1.pdf")
    # Their powers of attorney allow representation, not publication: not in the collective complaint.
    assert ("At the same time as this communication, the representative submits the author's case to: "
            "the UN Special Procedures; the UN Working Group on Arbitrary Detention.") in deprived
    fined = built_text(two_people, "en/hrc/C2.pdf")
    assert "the UN Working Group on Arbitrary Detention" not in fined
    assert "The same matter has not been submitted" not in deprived + fined
    # Neither the representative's position on the Working Group nor the other procedures recorded: one question.
    assert OpenPoint("C1", "wgad_parallel_and_other") in two_people.open_points["en/hrc/C1"]
    assert OpenPoint("C2", "other_procedures") in two_people.open_points["en/hrc/C2"]


def test_a_document_longer_than_its_body_accepts_is_reported_also_when_kept_from_the_last_build(tmp_path,
                                                                                             monkeypatch):
    monkeypatch.setitem(bodies(), "hrc", dataclasses.replace(bodies()["hrc"], page_limit=1))
    path = write_workbook(tmp_path / "case.xlsx", people=[person(poa_scope="represent")])
    first = build(path, langs=["en"], formats=["pdf"], documents=["hrc"], output_root=tmp_path / "out", today=TODAY)
    pages = len(pdf_text(first.output / "en" / "hrc" / "C1.pdf").rstrip("\f").split("\f"))
    assert pages > 1 and first.over_limit == [("en/hrc/C1", pages, 1)]
    again = build(path, langs=["en"], formats=["pdf"], documents=["hrc"], output_root=tmp_path / "out", today=TODAY)
    assert again.reused and again.over_limit == first.over_limit
    monkeypatch.setitem(bodies(), "hrc", dataclasses.replace(bodies()["hrc"], page_limit=pages))
    assert build(path, langs=["en"], formats=["pdf"], documents=["hrc"], output_root=tmp_path / "out",
                 today=TODAY).over_limit == []
