"""Claims backed by facts: HRC articles, WGAD categories and exhaustion, checked against the data."""

from __future__ import annotations

import datetime

import openpyxl

from complaints.build import build, load
from complaints.claims import Claim, article_claims, category_claims
from complaints.context import EpisodeView
from complaints.law import no_basis, parse_provision

from conftest import TODAY, episode, flat, pdf_text, person, write_workbook


def fact(measure: str, basis: str | None = None, event_id: str = "", date: str = "10 May 2018",
         lawyer_access: str = "") -> EpisodeView:
    return EpisodeView(date=date, city="", measure=measure, measure_key=measure, legal_basis=basis or "",
                       penalty="", authority="", description="", event="", event_id=event_id,
                       provision=parse_provision(basis), no_basis=no_basis(basis), lawyer_access=lawyer_access)


def test_an_article_is_claimed_only_with_the_episodes_that_engage_it():
    arrest, fine, detention = fact("administrative_arrest", "CAO 488"), fact("fine", "CC 174"), fact("detention")
    claims = article_claims([arrest, fine, detention])
    assert claims == (Claim(9, (arrest, detention)), Claim(14, (arrest,)), Claim(19, (fine,)), Claim(21, (arrest,)))
    assert article_claims([detention]) == (Claim(9, (detention,)),)  # no right named: the lawyer says which


def test_the_lawyer_adds_and_removes_articles():
    detention = fact("detention")
    assert article_claims([detention], added=[21], removed=[9]) == (Claim(21, (detention,)),)


def test_categories_are_argued_only_from_recorded_facts():
    at_rally = fact("administrative_arrest", event_id="rally")
    assert category_claims([at_rally]) == (Claim("II", (at_rally,)),)  # no Category III without a record
    unlinked = fact("detention")
    assert category_claims([unlinked]) == ()  # nor Category I from an empty legal basis
    baseless = fact("detention", "нет")
    assert category_claims([baseless]) == (Claim("I", (baseless,)),)  # but from a record that none was invoked
    no_lawyer = fact("detention", lawyer_access="no")
    assert category_claims([no_lawyer]) == (Claim("III", (no_lawyer,)),)
    member = fact("pretrial_detention", "CC 405(2)")
    assert category_claims([member]) == (Claim("II", (member,)),)
    assert category_claims([member], affiliation="a banned movement") == (Claim("II", (member,)), Claim("V", (member,)))
    assert category_claims([fact("fine", "CAO 488", event_id="rally")]) == ()  # not a deprivation of liberty


def test_the_communication_names_the_facts_of_each_article(tmp_path):
    people = [person("C1", poa_scope="represent"), person("C2", poa_scope="represent")]
    episodes = [episode("C1", measure="administrative_arrest", legal_basis="CAO 488", date=datetime.date(2018, 5, 11)),
                episode("C2", measure="detention", event_id=None)]
    result = build(write_workbook(tmp_path / "case.xlsx", people=people, episodes=episodes), langs=["en"],
                   formats=["pdf"], documents=["hrc", "wgad-questionnaire"], output_root=tmp_path / "out", today=TODAY)
    first = flat(pdf_text(result.output / "en" / "hrc" / "C1.pdf"))
    assert "Article 21: the right of peaceful assembly: facts: 11 May 2018 (administrative arrest)" in first
    assert "Article 19" not in first and "Article 22" not in first
    second = flat(pdf_text(result.output / "en" / "hrc" / "C2.pdf"))
    assert "Article 9: the right to liberty and security of person: facts: 10 May 2018 (detention)" in second
    assert "[to complete: the articles of the Covenant violated, and the facts supporting each]" in second
    questionnaire = flat(pdf_text(result.output / "en" / "wgad-questionnaire" / "C2.pdf"))
    assert "Category" not in questionnaire.split("IV. Circumstances")[1].split("V. Domestic steps")[0]
    assert "[to complete: the category of arbitrary detention and the facts supporting it]" in questionnaire
    assert "none was invoked" not in questionnaire and "[to complete: legal basis invoked]" in questionnaire
    arrested = flat(pdf_text(result.output / "en" / "wgad-questionnaire" / "C1.pdf"))
    assert "Category II" in arrested and "Category III" not in arrested


def test_a_decision_dated_after_the_document_is_an_error(tmp_path):
    path = write_workbook(tmp_path / "case.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book.create_sheet("Remedies")
    sheet.append(["complainant_id", "date", "authority", "action", "outcome", "outcome_date"])
    sheet.append(["C1", datetime.date(2018, 6, 1), "court", "appeal", "dismissed", datetime.date(2018, 12, 1)])
    book.save(path)
    (tmp_path / "case.toml").write_text("build_date = 2018-11-01\n", encoding="utf-8")
    report = load(path, ("en",), TODAY).report
    assert [(i.code, i.sheet, i.cell) for i in report.errors] == [("after-document-date", "Remedies", "F2")]
    (tmp_path / "case.toml").write_text("build_date = 2018-12-01\n", encoding="utf-8")
    assert load(path, ("en",), TODAY).report.valid
