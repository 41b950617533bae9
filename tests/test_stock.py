"""Who is held or charged on a day, the change between two days, and what began within a period."""

from __future__ import annotations

import datetime
import re

import pytest

from complaints.context import document_context
from complaints.documents import REGISTRY
from complaints.law import Provision
from complaints.pipeline import load
from complaints.render import DocumentHtml
from complaints.stock import change, flow, held_on, stock_on, term_end

from conftest import TODAY, episode, flat, person, write_workbook

D = datetime.date
CC_405_2 = Provision("CC", 405, 2)
CC_174 = Provision("CC", 174)


def members_of(path):
    loaded = load(path, ("en",), TODAY)
    assert loaded.report.valid, loaded.report.errors
    return loaded.case.members


def people(*ids):
    return [person(complainant_id, id_document=str(number)) for number, complainant_id in enumerate(ids)]


def held(who, measure, start, end=None, **extra):
    return episode(who, None, measure, date=start, end_date=end, **extra)


def test_a_lasting_measure_without_end_date_holds_to_this_day_and_one_with_an_end_stops(workbook):
    case = members_of(workbook(people=people("C1", "C2"), episodes=[
        held("C1", "pretrial_detention", D(2020, 11, 1)),
        held("C2", "pretrial_detention", D(2020, 6, 1), D(2020, 12, 1)),
    ]))
    assert stock_on(case, D(2020, 5, 31)).deprived == 0
    assert stock_on(case, D(2020, 11, 15)).deprived == 2
    assert stock_on(case, D(2020, 12, 1)).deprived == 2  # the day of release is still a day held
    on_5_january = stock_on(case, D(2021, 1, 5))
    assert (on_5_january.deprived, on_5_january.deprived_by_measure) == (1, (("pretrial_detention", 1),))


def test_a_detention_without_end_date_is_still_held_as_the_urgent_appeals_read_it(workbook):
    case = members_of(workbook(people=people("C1", "C2"), episodes=[
        held("C1", "detention", D(2021, 1, 5)),
        held("C2", "administrative_arrest", D(2020, 12, 25), D(2021, 1, 9)),
    ]))
    assert stock_on(case, D(2021, 1, 4)).deprived == 1
    assert stock_on(case, D(2021, 1, 9)).deprived == 2
    after_release = stock_on(case, D(2021, 1, 10))
    assert (after_release.deprived, after_release.deprived_by_measure, after_release.unplaced) == (
        1, (("detention", 1),), 0)


def test_an_episode_without_a_date_is_never_counted_but_reported(workbook):
    case = members_of(workbook(people=people("C1"), episodes=[held("C1", "house_arrest", None)]))
    stock = stock_on(case, D(2021, 1, 5))
    assert (stock.deprived, stock.charged, stock.unplaced) == (0, 0, 1)


def test_each_person_counts_once_under_the_measure_that_began_last(workbook):
    case = members_of(workbook(people=people("C1"), episodes=[
        held("C1", "detention", D(2020, 11, 1), D(2020, 11, 3)),
        held("C1", "pretrial_detention", D(2020, 11, 3)),
        held("C1", "criminal_case", D(2020, 11, 2), legal_basis="УК 174"),
    ]))
    stock = stock_on(case, D(2020, 11, 3))
    assert (stock.deprived, stock.deprived_by_measure, stock.charged) == (1, (("pretrial_detention", 1),), 0)
    assert stock.charges_by_provision == ((CC_174, 1),)
    assert stock_on(case, D(2020, 11, 2)).deprived_by_measure == (("detention", 1),)


def test_charged_means_an_open_criminal_case_at_liberty_closed_by_its_end_or_a_conviction(workbook):
    case = members_of(workbook(people=people("C1", "C2", "C3"), episodes=[
        held("C1", "criminal_case", D(2020, 12, 15), legal_basis="CC 405(2)"),
        held("C2", "criminal_case", D(2020, 9, 1), legal_basis="ст. 405 ч.2 УК"),
        held("C2", "conviction", D(2020, 12, 20)),
        held("C3", "criminal_case", D(2020, 9, 1), D(2020, 10, 1), legal_basis="CC 174"),
    ]))
    before_verdict = stock_on(case, D(2020, 12, 19))
    assert (before_verdict.deprived, before_verdict.charged) == (0, 2)
    assert before_verdict.charges_by_provision == ((CC_405_2, 2),)
    after_verdict = stock_on(case, D(2021, 1, 5))
    assert (after_verdict.charged, after_verdict.charges_by_provision) == (1, ((CC_405_2, 1),))
    assert stock_on(case, D(2020, 9, 15)).charges_by_provision == ((CC_174, 1), (CC_405_2, 1))


def test_a_person_in_prison_with_an_open_case_is_deprived_not_charged(workbook):
    case = members_of(workbook(people=people("C1"), episodes=[
        held("C1", "criminal_case", D(2020, 10, 1), legal_basis="CC 405(2)"),
        held("C1", "imprisonment", D(2020, 12, 1)),
    ]))
    stock = stock_on(case, D(2021, 1, 5))
    assert (stock.deprived, stock.charged, stock.held_or_charged) == (1, 0, 1)
    assert stock.deprived_by_measure == (("imprisonment", 1),)


def test_change_compares_the_day_before_the_period_with_its_last_day(workbook):
    case = members_of(workbook(people=people("C1", "C2", "C3", "C4"), episodes=[
        held("C1", "pretrial_detention", D(2020, 10, 1)),  # held throughout: no change
        held("C2", "pretrial_detention", D(2020, 10, 22)),  # from the first day: +1
        held("C3", "imprisonment", D(2020, 1, 1), D(2020, 11, 30)),  # released: -1
        held("C4", "criminal_case", D(2020, 11, 5), legal_basis="CC 405(2)"),
        held("C4", "criminal_case", D(2020, 12, 5), legal_basis="CC 174"),
        held("C4", "fine", D(2020, 12, 6), city="Oral"),
    ]))
    since = change(case, D(2020, 10, 22), D(2021, 1, 5), D(2021, 2, 1))
    assert (since.before.day, since.after.day) == (D(2020, 10, 21), D(2021, 1, 5))
    assert (since.before.deprived, since.after.deprived, since.deprived) == (2, 2, 0)
    assert (since.before.charged, since.after.charged, since.charged) == (0, 1, 1)
    assert since.flow.by_measure == (("criminal_case", 2), ("fine", 1), ("pretrial_detention", 1))
    assert since.flow.provisions_by_measure == {"criminal_case": ((CC_174, 1), (CC_405_2, 1))}
    assert (since.flow.episodes, since.flow.people, since.flow.cities) == (4, 2, 2)


def test_flow_counts_only_episodes_that_began_within_the_period_both_ends_included(workbook):
    case = members_of(workbook(people=people("C1"), episodes=[
        held("C1", "detention", D(2020, 12, 9)), held("C1", "detention", D(2020, 12, 10)),
        held("C1", "fine", D(2020, 12, 20)), held("C1", "search", D(2020, 12, 21)),
        held("C1", "threats", None),
    ]))
    within = flow(case, D(2020, 12, 10), D(2020, 12, 20))
    assert (within.episodes, within.people, within.by_measure) == (2, 1, (("detention", 1), ("fine", 1)))


def test_an_end_before_the_start_is_an_error_and_an_end_in_the_future_a_warning(workbook):
    report = load(workbook(people=people("C1"), episodes=[
        held("C1", "pretrial_detention", D(2020, 11, 1), D(2020, 10, 1)),
        held("C1", "house_arrest", D(2020, 11, 1), TODAY + datetime.timedelta(days=30)),
    ]), ("en",), TODAY).report
    found = {(issue.severity, issue.code, issue.row) for issue in report.issues}
    assert ("error", "date-end-before-start", 2) in found
    assert ("warning", "date-in-future", 3) in found


PERIOD = """build_date = 2021-01-05
[[periods]]
start = 2020-10-22
label = "since the election was announced"
"""


def brief_text(tmp_path, episodes, lang, settings=PERIOD, spaces=False):
    """The brief's text; with `spaces`, its no-break spaces kept as they reach the typesetter."""
    folder = tmp_path / "case"
    folder.mkdir(exist_ok=True)
    ids = sorted({row["complainant_id"] for row in episodes})
    write_workbook(folder / "case.xlsx", people=people(*ids), episodes=episodes)
    (folder / "case.toml").write_text(settings, encoding="utf-8")
    loaded = load(folder, (lang,), TODAY)
    day = loaded.settings.build_date
    brief = REGISTRY["brief"]
    html = DocumentHtml(brief, lang, document_context(loaded.case, brief, lang, day), day).html
    text = re.sub(r"<[^>]+>", " ", html)
    return text if spaces else flat(text)


def in_prison(count):
    """`count` people held since 1 November 2020, and one released before the period (so ends are recorded)."""
    return [held("C0", "pretrial_detention", D(2020, 9, 1), D(2020, 10, 1))] + [
        held(f"C{n}", "pretrial_detention", D(2020, 11, 1)) for n in range(1, count + 1)]


@pytest.mark.parametrize(("count", "stock", "rise"), [
    (1, "свободы был лишён 1 человек", "увеличилось на 1 человека (с 0 до 1)"),
    (2, "свободы были лишены 2 человека", "увеличилось на 2 человека (с 0 до 2)"),
    (5, "свободы были лишены 5 человек", "увеличилось на 5 человек (с 0 до 5)"),
    (11, "свободы были лишены 11 человек", "увеличилось на 11 человек (с 0 до 11)"),
    (21, "свободы был лишён 21 человек", "увеличилось на 21 человека (с 0 до 21)"),
    (22, "свободы были лишены 22 человека", "увеличилось на 22 человека (с 0 до 22)"),
])
def test_the_russian_brief_states_the_stock_and_its_change_in_agreement_with_the_count(
        tmp_path, count, stock, rise):
    text = brief_text(tmp_path, in_prison(count), "ru")
    assert f"По состоянию на 5 января 2021 года {stock}." in text
    assert f"С 22 октября 2020 года по 5 января 2021 года число лишённых свободы {rise}." in text
    # «(с 0 / до 5)» broke across two lines of the election brief (reader s10): the range is one unit
    start, end = rise.split("(с ")[1].rstrip(")").split(" до ")
    assert f"(с\u00a0{start}\u00a0до\u00a0{end})" in brief_text(tmp_path, in_prison(count), "ru", spaces=True)


def test_the_brief_says_who_is_held_and_charged_on_its_date_and_the_change_since_each_period(tmp_path):
    episodes = in_prison(2) + [
        held("C7", "imprisonment", D(2020, 1, 1), D(2020, 12, 1)),  # released within the period
        held("C8", "criminal_case", D(2020, 12, 1), legal_basis="CC 405(2)"),
        held("C9", "house_arrest", None),  # no date: cannot be placed
    ]
    english = brief_text(tmp_path, episodes, "en")
    assert "On 5 January 2021, 2 people were deprived of liberty." in english
    assert "1 person at liberty faced criminal charges." in english
    assert "Criminal Code provisions applied to the people above: 1 under art. 405(2) CC" in english
    assert "1 episode with no date is not counted in these figures." in english
    assert ("From 22 October 2020 to 5 January 2021, the number of people deprived of liberty rose by 1 "
            "(from 1 to 2).") in english
    assert "The number of people facing criminal charges at liberty rose by 1 (from 0 to 1)." in english
    kazakh = brief_text(tmp_path, episodes, "kk")
    assert ("2021 жылғы 5 қаңтардағы жағдай бойынша 2 адам бас бостандығынан айырылған. Тағы 1 адам бас "
            "бостандығынан айырылмай, қылмыстық қудалауға ұшыраған.") in kazakh
    assert "Бас бостандығынан айырылмай қылмыстық қудалауға ұшырағандар саны 1 адамға артты" in kazakh
    assert ("2020 жылғы 22 қазан – 2021 жылғы 5 қаңтар аралығында бас бостандығынан айырылғандар саны "
            "1 адамға артты (1 адамнан 2 адамға дейін).") in kazakh


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "On 5 January 2021, no one was deprived of liberty; 1 person at liberty faced criminal charges."),
    ("ru", "По состоянию на 5 января 2021 года никто не был лишён свободы; под уголовным преследованием на "
           "свободе находился 1 человек."),
    ("kk", "2021 жылғы 5 қаңтардағы жағдай бойынша бас бостандығынан айырылған адам жоқ; 1 адам бас "
           "бостандығынан айырылмай, қылмыстық қудалауға ұшыраған."),
])
def test_a_brief_with_no_one_held_says_so_in_a_sentence_and_counts_no_one_more(tmp_path, lang, sentence):
    episodes = [held("C0", "pretrial_detention", D(2020, 9, 1), D(2020, 10, 1)),
                held("C8", "criminal_case", D(2020, 12, 1), legal_basis="CC 405(2)")]
    text = brief_text(tmp_path, episodes, lang)
    assert sentence in text
    # Not "0 people were deprived of liberty", nor "N more" after it.
    for zero in ("0 people were deprived", "лишены 0 человек", "0 адам бас бостандығынан айырылған", "Тағы"):
        assert zero not in text


def test_a_brief_with_no_one_held_or_charged_says_so_once(tmp_path):
    episodes = [held("C0", "pretrial_detention", D(2020, 9, 1), D(2020, 10, 1))]
    assert ("On 5 January 2021, no one was deprived of liberty or faced criminal charges."
            in brief_text(tmp_path, episodes, "en"))
    assert ("2021 жылғы 5 қаңтардағы жағдай бойынша бас бостандығынан айырылған да, қылмыстық қудалауға "
            "ұшыраған да адам жоқ.") in brief_text(tmp_path, episodes, "kk")


def test_a_period_s_acts_are_new_only_when_acts_were_recorded_before_it(tmp_path):
    within = [held("C1", "detention", D(2020, 11, 1), D(2020, 11, 1)),
              held("C2", "detention", D(2020, 11, 2), D(2020, 11, 2))]
    first = brief_text(tmp_path, within, "ru")
    assert "Зафиксировано 2 эпизода преследования" in first and "новых" not in first
    before = [held("C3", "detention", D(2020, 3, 1), D(2020, 3, 1)), *within]
    assert "2 new acts of persecution were recorded" in brief_text(tmp_path, before, "en")
    assert "Зафиксировано 2 новых эпизода преследования" in brief_text(tmp_path, before, "ru")


def test_a_period_within_one_year_prints_the_year_once(tmp_path):
    settings = PERIOD.replace("build_date = 2021-01-05", "build_date = 2020-12-20")
    text = brief_text(tmp_path, in_prison(2), "ru", settings)
    assert "С 22 октября по 20 декабря 2020 года число лишённых свободы увеличилось на 2 человека" in text
    english = brief_text(tmp_path, in_prison(2), "en", settings)
    assert "From 22 October to 20 December 2020, the number of people deprived of liberty rose by 2" in english


def test_a_brief_whose_workbook_records_no_end_says_nothing_of_the_stock(tmp_path):
    english = brief_text(tmp_path, [held("C1", "pretrial_detention", D(2020, 11, 1))], "en")
    assert "deprived of liberty" not in english
    assert "criminal charges" not in english


def test_flow_counts_the_recorded_grounds_and_the_preventive_episodes_of_the_period(workbook):
    case = members_of(workbook(people=people("C1", "C2"), episodes=[
        held("C1", "detention", D(2020, 12, 10), grounds="campaigning", preventive="yes"),
        held("C1", "fine", D(2020, 12, 11), grounds="campaigning"),
        held("C2", "detention", D(2020, 12, 12), grounds="observer", preventive="yes"),
        held("C2", "detention", D(2020, 11, 1), grounds="observer", preventive="yes"),  # before the period
        held("C2", "search", D(2020, 12, 13)),
    ]))
    within = flow(case, D(2020, 12, 10), D(2021, 1, 10))
    assert (within.by_ground, within.preventive) == ((("campaigning", 2), ("election_observation", 1)), 2)


def test_the_brief_says_why_people_were_targeted_in_the_period_and_overall(tmp_path):
    episodes = [
        held("C1", "detention", D(2020, 12, 10), D(2020, 12, 10), grounds="campaigning", preventive="yes"),
        held("C2", "detention", D(2020, 12, 12), D(2020, 12, 12), grounds="observer", preventive="yes"),
        held("C3", "fine", D(2020, 12, 14), grounds="observer"),
        held("C4", "search", D(2020, 12, 15)),  # no ground recorded
    ]
    english = brief_text(tmp_path, episodes, "en")
    assert "Election observation: 2 acts of persecution, 1 of them preventive" in english
    assert "Campaigning: 1 act of persecution, 1 of them preventive" in english
    # The period's line counts every act, those without a ground too; the preventive acts, a part of
    # all of them and not of the last ground named, are a line of their own.
    assert "By ground: election observation: 2, campaigning: 1, ground not recorded: 1 " in english
    assert "Preventive acts of persecution: 2 " in english
    assert "of them preventive" not in english.split("By ground:")[1]
    russian = brief_text(tmp_path, episodes, "ru")
    assert "Наблюдение за выборами: 2 эпизода преследования, из них 1 превентивный" in russian
    assert ("По основаниям: наблюдение за выборами: 2, агитация: 1, основание не указано: 1 "
            "Превентивные эпизоды преследования: 2 ") in russian
    kazakh = brief_text(tmp_path, episodes, "kk")
    assert "негізі көрсетілмеген: 1 Алдын алу сипатындағы қудалау эпизодтары: 2 " in kazakh
    assert ("Превентивный характер носили 2 эпизода преследования: меры применялись, чтобы воспрепятствовать "
            "действиям людей, а не в связи с уже совершёнными действиями.") in russian


def test_a_measure_whose_recorded_term_has_ended_with_no_end_recorded_is_not_counted_as_held(workbook, tmp_path):
    episodes = [
        held("C1", "pretrial_detention", D(2020, 6, 6), penalty="2 months"),  # ended 6 August, no extension
        held("C2", "administrative_arrest", D(2020, 12, 20), penalty="15 days"),  # served by 4 January
        held("C3", "pretrial_detention", D(2020, 12, 1), penalty="2 months"),  # within its term
        held("C4", "imprisonment", D(2020, 9, 1), D(2020, 9, 30)),  # so that ends are recorded
    ]
    case = members_of(workbook(people=people("C1", "C2", "C3", "C4"), episodes=episodes))
    first = next(e for member in case if member.person.complainant_id == "C1" for e in member.episodes)
    assert term_end(first) == D(2020, 8, 6)
    on_day = stock_on(case, D(2021, 1, 5))
    assert (on_day.deprived, on_day.lapsed_by_measure) == (1, (("pretrial_detention", 1),))
    assert stock_on(case, D(2020, 8, 6)).deprived == 1  # the last day of the term is still within it
    english = brief_text(tmp_path, episodes, "en")
    assert "On 5 January 2021, 1 person was deprived of liberty." in english
    assert ("1 person whose recorded term of custody had ended, with neither a release nor an "
            "extension recorded, is not counted in these figures.") in english
    # The measure is named: «лишение свободы» would read as a prison sentence.
    russian = brief_text(tmp_path, episodes, "ru")
    assert ("В эти данные не включён 1 человек: указанный срок его содержания под стражей истёк, а сведений ни "
            "об освобождении, ни о продлении срока нет.") in russian
    assert "лишения свободы истёк" not in russian
    # Nor is that person said to face charges at liberty: the workbook does not say they are at liberty.
    charged = [held("C1", "criminal_case", D(2020, 6, 1)), *episodes]
    assert stock_on(members_of(workbook(people=people("C1", "C2", "C3", "C4"), episodes=charged)),
                    D(2021, 1, 5)).charged == 0


def test_a_person_whose_terms_ran_out_is_counted_once_under_the_measure_that_began_last(workbook, tmp_path):
    episodes = [
        held("C1", "pretrial_detention", D(2020, 6, 6), penalty="2 months"),
        held("C1", "house_arrest", D(2020, 9, 1), penalty="2 months"),  # after the custody: C1's state
        held("C2", "psychiatric_placement", D(2020, 7, 1), penalty="1 month"),
        held("C3", "house_arrest", D(2020, 5, 1), penalty="1 month"),
        held("C4", "imprisonment", D(2020, 9, 1), D(2020, 9, 30)),  # so that ends are recorded
    ]
    stock = stock_on(members_of(workbook(people=people("C1", "C2", "C3", "C4"), episodes=episodes)), D(2021, 1, 5))
    assert stock.lapsed_by_measure == (("house_arrest", 2), ("psychiatric_placement", 1))
    assert stock.lapsed == 3
    russian = brief_text(tmp_path, episodes, "ru")
    assert ("В эти данные не включены 2 человека: указанные сроки их домашнего ареста истекли, а сведений ни об "
            "освобождении, ни о продлении сроков нет.") in russian
    assert ("В эти данные не включён 1 человек: указанный срок его пребывания в психиатрическом учреждении "
            "истёк,") in russian
    kazakh = brief_text(tmp_path, episodes, "kk")
    assert ("Үйқамақтың көрсетілген мерзімі өтіп кеткен, бірақ босатылуы да, мерзімнің ұзартылуы да "
            "тіркелмеген 2 адам бұл деректерде есепке алынбады.") in kazakh


def test_held_on_a_date_is_one_definition_a_term_run_out_with_no_end_is_not_known(workbook):
    episodes = [
        held("C1", "pretrial_detention", D(2020, 6, 6), penalty="2 months"),  # term to 6 August
        held("C2", "administrative_arrest", D(2020, 12, 20), D(2021, 1, 3)),
        held("C3", "detention", D(2021, 1, 5)),  # no term: held until an end is recorded
        held("C4", "house_arrest", None),
    ]
    case = members_of(workbook(people=people("C1", "C2", "C3", "C4"), episodes=episodes))
    by_id = {member.person.complainant_id: member.episodes[0] for member in case}
    assert [held_on(by_id["C1"], day) for day in (D(2020, 6, 5), D(2020, 8, 6), D(2020, 8, 7))] == [
        False, True, None]
    assert [held_on(by_id["C2"], day) for day in (D(2020, 12, 19), D(2021, 1, 3), D(2021, 1, 4))] == [
        False, True, False]
    assert (held_on(by_id["C3"], D(2021, 1, 4)), held_on(by_id["C3"], D(2030, 1, 1))) == (False, True)
    assert held_on(by_id["C4"], D(2021, 1, 5)) is None
    # The stock counts by the same function: C3 held, C1 neither held nor at liberty, C4 not placed.
    stock = stock_on(case, D(2021, 1, 5))
    assert (stock.deprived, stock.lapsed, stock.unplaced) == (1, 1, 1)


def test_a_tie_of_provisions_within_a_measure_follows_the_periods_order_of_provisions(workbook):
    # Criminal cases mostly under 405(2); the two house arrests one under each: 405(2) first there too,
    # not 174 first by its number (reader s7: the order reversed on one line of the brief).
    episodes = [held(f"C{n}", "criminal_case", D(2020, 12, 1), legal_basis="CC 405(2)") for n in range(1, 4)]
    episodes += [held("C4", "criminal_case", D(2020, 12, 1), legal_basis="CC 174"),
                 held("C1", "house_arrest", D(2020, 12, 2), legal_basis="CC 174"),
                 held("C2", "house_arrest", D(2020, 12, 2), legal_basis="CC 405(2)")]
    members = members_of(workbook(people=people("C1", "C2", "C3", "C4"), episodes=episodes))
    since = flow(members, D(2020, 11, 1), None)
    order = {measure: [str(provision) for provision, _ in items] for measure, items in
             since.provisions_by_measure.items()}
    assert order["criminal_case"] == order["house_arrest"]
    assert [n for _, n in since.provisions_by_measure["house_arrest"]] == [1, 1]


@pytest.mark.parametrize(("count", "phrase"), [
    (1, "у 1 человека статья УК не указана"), (2, "у 2 человек статья УК не указана"),
    (5, "у 5 человек статья УК не указана"), (11, "у 11 человек статья УК не указана"),
    (21, "у 21 человека статья УК не указана"), (22, "у 22 человек статья УК не указана"),
    (101, "у 101 человека статья УК не указана"),
])
def test_the_brief_counts_the_people_held_or_charged_with_no_criminal_code_provision(tmp_path, count, phrase):
    # `count` in custody with no provision recorded; one under administrative arrest, whose provision is no
    # Criminal Code's, is not among them.
    episodes = in_prison(count) + [held("C998", "administrative_arrest", D(2021, 1, 1), D(2021, 1, 10),
                                        legal_basis="CAO 488"),
                                   held("C999", "criminal_case", D(2020, 12, 1), legal_basis="CC 174")]
    text = brief_text(tmp_path, episodes, "ru")
    assert f"Статьи УК, применённые к указанным выше лицам: 1 — по ст. 174 УК РК; {phrase}" in text


def test_the_brief_says_nothing_of_missing_provisions_when_each_person_has_one(tmp_path):
    # (One released before the period: the stock is stated only where ends are recorded.)
    episodes = in_prison(0) + [held("C1", "criminal_case", D(2020, 12, 1), legal_basis="CC 174"),
                               held("C2", "pretrial_detention", D(2020, 12, 1), legal_basis="CC 405(2)")]
    for lang, provisions, missing in (
            ("en", "provisions applied to the people above: 1 under", "no Criminal Code provision"),
            ("ru", "применённые к указанным выше лицам: 1 — по", "статья УК не указана"),
            ("kk", "қолданылған баптар: ", "ҚК бабы көрсетілмеген")):
        text = brief_text(tmp_path, episodes, lang)
        assert provisions in text and missing not in text
    episodes.append(held("C3", "pretrial_detention", D(2020, 12, 1)))
    assert "no Criminal Code provision is recorded for 1 person" in brief_text(tmp_path, episodes, "en")
    assert "1 адамның ҚК бабы көрсетілмеген" in brief_text(tmp_path, episodes, "kk")
