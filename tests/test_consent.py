"""Consent is read exactly as documented, and one person's two rows must agree on what decides
whether they are named: a wrong yes publishes a name.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import openpyxl
import pytest

from complaints.build import load
from complaints.i18n import language, languages
from complaints.intake_template import write_template
from complaints.schema import YES_NO

from conftest import TODAY, episode, person, write_workbook

REPO = Path(__file__).resolve().parent.parent
ACCEPTED = {"yes": True, "иә": True, "да": True, "no": False, "жоқ": False, "нет": False}


def loaded(tmp_path, *people):
    path = write_workbook(tmp_path / "case.xlsx", people=list(people),
                          episodes=[episode(p["complainant_id"]) for p in people])
    return load(path, ("en",), TODAY)


@pytest.mark.parametrize("value", [*ACCEPTED, "YES", "Да", " иә "])
def test_the_documented_words_are_read_in_any_case(tmp_path, value):
    result = loaded(tmp_path, person(consent_to_name=value))
    assert result.report.errors == []
    assert result.case.members[0].person.consent_to_name is ACCEPTED[value.strip().casefold()]


@pytest.mark.parametrize("value", ["y", "1", "TRUE", "д", "и", "ия", "n", "0", "false", "н", "ok"])
def test_anything_else_is_an_error_at_the_cell_listing_the_accepted_words(tmp_path, value):
    report = loaded(tmp_path, person(consent_to_name=value)).report
    [error] = report.errors
    assert (error.code, error.cell) == ("bad-value", "N2")
    listed = re.search(r"Use one of: (.*)\.$", error.message(language("en"))).group(1)
    assert listed.split(", ") == list(ACCEPTED)


def test_the_documentation_the_message_and_the_template_offer_the_same_words(tmp_path):
    row = next(line for line in (REPO / "docs" / "workbook.md").read_text(encoding="utf-8").splitlines()
               if line.startswith("| `consent_to_name` |"))
    assert re.findall(r"`([^`]+)`", row)[1:] == list(ACCEPTED)
    assert YES_NO.choices().split(", ") == list(ACCEPTED)
    for code in languages():
        write_template(code, tmp_path / f"{code}.xlsx")
        lists = openpyxl.load_workbook(tmp_path / f"{code}.xlsx")[language(code).pgettext("template", "Lists")]
        column = next(c for c in lists.iter_cols() if c[0].value == "yes_no")
        offered = [cell.value for cell in column[1:] if cell.value]
        assert len(offered) == 2
        assert all(ACCEPTED[word] is expected for word, expected in zip(offered, (True, False), strict=True))


SAME_DOCUMENT = dict(surname="Другая", given_name="Персона", date_of_birth=datetime.date(1970, 1, 1))


@pytest.mark.parametrize("second, fields", [
    (person("C2", consent_to_name="no", **SAME_DOCUMENT), ("consent_to_name",)),        # same document number
    (person("C2", poa_scope="appeal", id_document="999"), ("poa_scope",)),               # same name and birth
    (person("C2", sex="M", consent_to_name="no", id_document="999"), ("consent_to_name", "sex")),
])
def test_the_same_person_twice_with_a_different_consent_scope_or_sex_is_an_error(tmp_path, second, fields):
    report = loaded(tmp_path, person("C1"), second).report
    [error] = report.errors
    assert (error.code, error.params["id"], error.params["other_id"], error.params["fields"]) == (
        "conflicting-duplicate", "C2", "C1", fields)
    assert error.column == fields[0]


def test_the_same_person_twice_with_the_same_decisions_stays_a_warning(tmp_path):
    report = loaded(tmp_path, person("C1"), person("C2", **SAME_DOCUMENT)).report
    assert report.errors == []
    assert [i.code for i in report.warnings if "duplicate" in i.code] == ["possible-duplicate"]
