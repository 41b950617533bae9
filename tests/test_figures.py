"""figures.xlsx: every figure the documents print, traceable to the complainants it counts."""

from __future__ import annotations

import re

import openpyxl

from complaints.figures import HEADER, PRINTED
from complaints.i18n import language

from conftest import flat, pdf_text


def rows(path) -> list[dict]:
    sheet = openpyxl.load_workbook(path, read_only=True).active
    lines = list(sheet.iter_rows(values_only=True))
    assert lines[0] == HEADER
    return [dict(zip(HEADER, line, strict=True)) for line in lines[1:]]


def test_every_figure_is_read_back_from_its_document(example_build):
    figures = rows(example_build.figures)
    assert {row["document"] for row in figures} == set(PRINTED)
    english = language("en")
    texts = {name: flat(pdf_text(example_build.output / "en" / f"{name}.pdf")) for name in PRINTED}
    for row in figures:
        text = texts[row["document"]]
        value = english.number(row["value"])
        assert re.search(rf"(?<![\d,]){re.escape(value)}(?![\d,])", text), (row["document"], row["key"], value)


def test_each_count_of_people_lists_exactly_the_people_it_counts(example_build):
    members = {m.person.complainant_id: m for m in example_build.loaded.case.members}
    checked = 0
    for row in rows(example_build.figures):
        ids = row["complainants"].split(", ") if row["complainants"] else []
        assert ids == sorted(set(ids))
        if row["key"] in ("complainants", "anonymous", "excluded", "appeals") or row["key"].endswith("/complainants"):
            assert len(ids) == row["value"], row["key"]
            checked += 1
        if row["key"] == "anonymous":
            assert all(not members[cid].person.consent_to_name for cid in ids)
    assert checked > 20
