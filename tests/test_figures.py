"""figures.xlsx: every figure the documents print, traceable to the complainants it counts."""

from __future__ import annotations

import datetime
import re

import openpyxl

from complaints.build import load
from complaints.documents import REGISTRY
from complaints.figures import HEADER, PRINTED, document_figures
from complaints.i18n import language

from conftest import TODAY, episode, flat, pdf_text, person


def rows(path) -> list[dict]:
    sheet = openpyxl.load_workbook(path, read_only=True).active
    lines = list(sheet.iter_rows(values_only=True))
    assert lines[0] == HEADER
    return [dict(zip(HEADER, line, strict=True)) for line in lines[1:]]


def test_every_figure_is_read_back_from_its_document(example_build):
    figures = rows(example_build.figures)
    # Every document that prints figures, except the urgent appeals the example does not ask for; a
    # document per author has a row per file ("hrc/C001").
    assert {row["document"].split("/")[0] for row in figures} == {n for n in PRINTED if not REGISTRY[n].on_request}
    english = language("en")
    texts = {document: flat(pdf_text(example_build.output / "en" / f"{document}.pdf"))
             for document in {row["document"] for row in figures}}
    for row in figures:
        text = texts[row["document"]]
        value = english.number(row["value"])
        assert re.search(rf"(?<![\d,]){re.escape(value)}(?![\d,])", text), (row["document"], row["key"], value)
        if row["key"].endswith("/other-communications"):
            phrase = english.ngettext("%(num)s other communication", "%(num)s other communications", row["value"])
            assert phrase % {"num": value} in text, (row["document"], row["key"])
    assert any(row["document"].startswith("hrc/") for row in figures)


def test_each_count_of_people_lists_exactly_the_people_it_counts(example_build):
    members = {m.person.complainant_id: m for m in example_build.loaded.case.members}
    checked = 0
    for row in rows(example_build.figures):
        ids = row["complainants"].split(", ") if row["complainants"] else []
        assert ids == sorted(set(ids))
        if (row["key"] in ("complainants", "anonymous", "excluded", "appeals") or row["key"].startswith("excluded/")
                or row["key"].endswith(("/complainants", "/other-communications"))):
            assert len(ids) == row["value"], row["key"]
            checked += 1
        if row["key"] == "anonymous":
            assert all(not members[cid].person.consent_to_name for cid in ids)
    assert checked > 20


def test_the_figures_only_a_communication_prints_are_recorded_per_file(workbook):
    people = [person("C1", poa_scope="represent"),
              person("C2", poa_scope="represent", id_document="2", date_of_birth=datetime.date(1991, 1, 1)),
              person("C3", poa_scope="represent", id_document="3", date_of_birth=datetime.date(1992, 1, 1))]
    episodes = [episode("C1", legal_basis="CAO 488"), episode("C2", legal_basis="ст. 488 КоАП"),
                episode("C3", event_id=None, legal_basis="a local decree")]
    case = load(workbook(people=people, episodes=episodes), ("en",), TODAY).case
    joint = [(f.document, f.key, f.value, f.complainants) for f in document_figures(case, REGISTRY["hrc"], TODAY)]
    assert joint == [("hrc/C1", "event/rally/other-communications", 1, ("C2",)),
                     ("hrc/C2", "event/rally/other-communications", 1, ("C1",))]  # C3's event is no one else's
    provisions = {f.key: (f.value, f.complainants)
                  for f in document_figures(case, REGISTRY["special-procedures"], TODAY)}
    # The same provision typed two ways is one figure; a basis not recognised is keyed by rank, not by its text.
    assert provisions == {"complainants": (3, ("C1", "C2", "C3")), "provision/CAO 488/complainants": (2, ("C1", "C2")),
                          "provision/as-written/1/complainants": (1, ("C3",))}



def test_each_reason_for_leaving_an_appeal_out_lists_the_people_it_counts(workbook):
    people = [person("C1"), person("C2", id_document="2", appeal_form_date=None),
              person("C3", id_document="3", poa_date=None),
              person("C4", id_document="4", appeal_form_date=None, poa_date=None)]
    case = load(workbook(people=people, episodes=[episode(p["complainant_id"]) for p in people]), ("en",), TODAY).case
    figures = document_figures(case, REGISTRY["collective-complaint"], TODAY)
    excluded = {f.key: (f.value, f.complainants) for f in figures if f.key.startswith("excluded")}
    # C4 lacks both: counted once, under both together, not in either single row.
    assert excluded == {"excluded": (3, ("C2", "C3", "C4")), "excluded/no-appeal-form": (1, ("C2",)),
                        "excluded/no-power-of-attorney": (1, ("C3",)),
                        "excluded/no-appeal-form+no-power-of-attorney": (1, ("C4",))}
