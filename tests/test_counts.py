"""The figures, computed from the included complainants only."""

from __future__ import annotations

import datetime
from collections import defaultdict

import openpyxl

from complaints.counts import count
from complaints.pipeline import load

from conftest import EXAMPLE, TODAY, episode, event, person


def counts_of(path):
    return count(load(path, ("en", "ru", "kk"), TODAY).case)


def test_counts_of_a_small_case(workbook):
    events = [event("may", datetime.date(2018, 5, 10)), event("june", datetime.date(2018, 6, 23))]
    people = [
        person("C1", city="Нур-Султан"),
        person("C2", city="Astana", id_document="2", date_of_birth=datetime.date(1980, 1, 1)),
        person("C3", city="Уральск", id_document="3", date_of_birth=datetime.date(1981, 1, 1)),
        person("C4", city="Oral", id_document="4", poa_date=None),  # excluded
    ]
    episodes = [
        # (The penalties are not imposed on the day of the detention, which would engage article 14(3)(b).)
        episode("C1", "may", "detention"), episode("C1", "may", "fine", date=datetime.date(2018, 5, 20)),  # one event
        episode("C2", "may", "detention"),
        episode("C2", "june", "administrative_arrest", date=datetime.date(2018, 6, 23)),
        episode("C3", "june", "detention"), episode("C3", None, "search"),
        episode("C4", "may", "detention"), episode("C4", "june", "fine"),  # ignored
    ]
    counts = counts_of(workbook(events=events, people=people, episodes=episodes))
    assert (counts.appeals, counts.complainants, counts.excluded) == (4, 3, 1)
    assert counts.exclusion_reasons == (("no-power-of-attorney", 1),)
    assert counts.cities == 2  # Нур-Султан and Astana are one city; Уральск is the other
    assert counts.episodes == 6
    assert counts.episodes_without_event == 1
    assert [(e.event.event_id, e.complainants, e.episodes) for e in counts.events] == [
        ("may", 2, 3), ("june", 2, 2)]
    by_measure = {m.measure: (m.complainants, m.episodes) for m in counts.measures}
    assert by_measure == {"detention": (3, 3), "fine": (1, 1), "administrative_arrest": (1, 1), "search": (1, 1)}
    assert counts.measures[0].measure == "detention"
    articles = {a.article: a.complainants for a in counts.articles}
    # No provision is recorded: no one's facts engage expression, assembly or association.
    assert articles == {9: 3, 17: 1}


def test_a_case_without_episodes_counts_zero(workbook):
    counts = counts_of(workbook(episodes=[]))
    assert (counts.complainants, counts.episodes, counts.measures) == (1, 0, ())
    assert [e.complainants for e in counts.events] == [0]


def test_example_counts_match_an_independent_recount():
    """Recount the example straight from the cells, with none of the package's reading code."""
    book = openpyxl.load_workbook(EXAMPLE / "workbook.xlsx", read_only=True, data_only=True)
    people = list(book["Complainants"].iter_rows(values_only=True))
    header = people[0]
    included = {row[header.index("complainant_id")] for row in people[1:]
                if row[header.index("appeal_form_date")] and row[header.index("poa_date")]}
    episodes = list(book["Episodes"].iter_rows(values_only=True))
    eheader = episodes[0]
    per_event = defaultdict(set)
    total = 0
    for row in episodes[1:]:
        who = row[eheader.index("complainant_id")]
        if who in included:
            total += 1
            if row[eheader.index("event_id")]:
                per_event[row[eheader.index("event_id")]].add(who)
    book.close()

    counts = counts_of(EXAMPLE)
    assert counts.complainants == len(included) == 41
    assert counts.appeals == len(people) - 1
    assert counts.episodes == total
    assert {e.event.event_id: e.complainants for e in counts.events} == {k: len(v) for k, v in per_event.items()}


def test_the_reasons_for_leaving_appeals_out_add_up_to_the_number_left_out(workbook):
    people = [
        person("C1"),
        person("C2", id_document="2", appeal_form_date=None),
        person("C3", id_document="3", poa_date=None),
        person("C4", id_document="4", appeal_form_date=None, poa_date=None),  # lacks both: counted once
    ]
    counts = counts_of(workbook(people=people, episodes=[episode("C1")]))
    assert counts.excluded == 3
    assert counts.exclusion_reasons == (("no-appeal-form", 1), ("no-power-of-attorney", 1),
                                        ("no-appeal-form+no-power-of-attorney", 1))
    assert sum(n for _, n in counts.exclusion_reasons) == counts.excluded


def test_counts_by_ground_with_the_preventive_ones_and_no_ground_where_none_is_recorded(workbook):
    people = [person("C1"), person("C2", id_document="2"), person("C3", id_document="3")]
    episodes = [
        episode("C1", "rally", "detention", grounds="election observation", preventive="yes"),
        episode("C1", "rally", "fine", grounds="наблюдение за выборами"),
        episode("C2", "rally", "detention", grounds="агитация", preventive="да"),
        episode("C2", "rally", "search", grounds="election_observation", preventive="иә"),
        episode("C3", "rally", "detention"),  # no ground recorded: counted nowhere
    ]
    counts = counts_of(workbook(people=people, episodes=episodes))
    assert [(g.ground, g.complainants, g.episodes, g.preventive) for g in counts.grounds] == [
        ("election_observation", 2, 3, 2), ("campaigning", 1, 1, 1)]
    assert counts.preventive == 3


def test_a_ground_not_in_the_list_is_an_error_at_its_cell(workbook):
    report = load(workbook(episodes=[episode(grounds="revenge")]), ("en",), TODAY).report
    assert [(i.code, i.column) for i in report.errors] == [("bad-value", "grounds")]
