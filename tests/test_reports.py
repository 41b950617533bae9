"""Estimates beside the identified, how people were treated, where it happened, the election example."""

from __future__ import annotations

import datetime
import html
import io
import re

import pytest

from complaints.context import document_context
from complaints.counts import count
from complaints.documents import REGISTRY
from complaints.gazetteer import Gazetteer
from complaints.pipeline import load
from complaints.render import DocumentHtml

from conftest import EXAMPLE, REPO, TODAY, episode, event, flat, person, write_workbook

D = datetime.date
ELECTION = REPO / "intake" / "example-election"


def loaded(path, langs=("en", "ru", "kk")):
    return load(path, langs, TODAY)


def html_text(case, document, lang, day=TODAY):
    html = DocumentHtml(REGISTRY[document], lang, document_context(case, REGISTRY[document], lang, day), day).html
    return flat(re.sub(r"<[^>]+>", " ", html))


SOURCES = {"estimate_source_en": "the monitors", "estimate_source_ru": "наблюдатели",
           "estimate_source_kk": "бақылаушылар"}


def test_an_estimate_is_printed_beside_the_identified_count_with_its_source_never_added(workbook):
    case = loaded(workbook(events=[event(estimated_total=350, **SOURCES)],
                           people=[person("C1"), person("C2", id_document="2")],
                           episodes=[episode("C1"), episode("C2")])).case
    assert count(case).complainants == 2
    english = html_text(case, "brief", "en")
    assert "The rally rally: 2 people; an estimated 350 people in all, according to the monitors" in english
    assert "352" not in english
    russian = html_text(case, "collective-complaint", "ru")
    assert ("Всего, по оценкам, в связи с этим событием преследованию подверглись около 350 человек "
            "(источник: наблюдатели); в настоящей жалобе учтены только заявители.") in russian
    assert "Это событие касается 2 заявителей" in russian


@pytest.mark.parametrize(("estimate", "phrase"), [
    (1, "около 1 человека"), (2, "около 2 человек"), (5, "около 5 человек"), (21, "около 21 человека"),
    (101, "около 101 человека"), (11, "около 11 человек"), (22, "около 22 человек")])
def test_the_russian_estimate_agrees_with_its_number(workbook, estimate, phrase):
    case = loaded(workbook(events=[event(estimated_total=estimate, **SOURCES)])).case
    assert f"всего, по оценкам, {phrase} (источник: наблюдатели)" in html_text(case, "brief", "ru")


def test_an_estimate_without_a_source_in_a_language_is_flagged_and_not_printed_in_it(workbook):
    result = loaded(workbook(events=[event(estimated_total=350, estimate_source_en="the monitors")]))
    flagged = {(i.severity, i.code, i.column) for i in result.report.issues}
    assert flagged == {("warning", "estimate-without-source", "estimate_source_ru"),
                       ("warning", "estimate-without-source", "estimate_source_kk")}
    assert "350" in html_text(result.case, "brief", "en")
    assert "350" not in html_text(result.case, "brief", "ru")


def test_an_estimate_below_the_people_the_workbook_records_for_its_event_is_a_warning_at_its_cell(workbook):
    people = [person(f"C{n}", id_document=str(n)) for n in range(1, 4)]
    episodes = [episode(f"C{n}") for n in range(1, 4)]
    for estimate, warned in ((2, True), (3, False)):
        report = loaded(workbook(events=[event(estimated_total=estimate, **SOURCES)], people=people,
                                 episodes=episodes)).report
        found = [(i.code, i.column, i.params) for i in report.issues if i.code == "estimate-below-identified"]
        assert found == ([("estimate-below-identified", "estimated_total", {"id": "rally"})] if warned else [])


def test_an_estimate_that_is_not_a_whole_number_is_an_error_at_its_cell(workbook):
    report = loaded(workbook(events=[event(estimated_total="about 300", **SOURCES)])).report
    assert [(i.code, i.column) for i in report.errors] == [("bad-count", "estimated_total")]


def test_treatment_tags_and_hours_are_counted_and_an_empty_cell_records_none(workbook):
    people = [person(f"C{n}", id_document=str(n)) for n in range(1, 4)]
    episodes = [
        episode("C1", treatment="denied a lawyer, fingerprints taken", hours_held=6),
        episode("C2", treatment="без адвоката; изъят телефон", hours_held="13"),
        episode("C3"),
    ]
    counts = count(loaded(workbook(people=people, episodes=episodes)).case)
    assert counts.treatment == (("denied_lawyer", 2), ("fingerprints_taken", 1), ("phone_seized", 1))
    assert counts.hours_held == (6, 13)


def test_an_unknown_treatment_is_an_error_at_its_cell(workbook):
    report = loaded(workbook(episodes=[episode(treatment="denied a lawyer, tea")])).report
    assert [(i.code, i.column) for i in report.errors] == [("bad-value", "treatment")]


@pytest.mark.parametrize(("n", "russian"), [
    (1, "В 1 случае задержанному не обеспечили доступ к защитнику."),
    (2, "В 2 случаях задержанным не обеспечили доступ к защитнику."),
    (5, "В 5 случаях задержанным не обеспечили доступ к защитнику."),
    (21, "В 21 случае задержанному не обеспечили доступ к защитнику."),
])
def test_the_complaint_counts_each_treatment_in_a_whole_sentence(workbook, n, russian):
    people = [person(f"C{k}", id_document=str(k)) for k in range(n)]
    episodes = [episode(f"C{k}", treatment="denied_lawyer", hours_held=4 + k % 9) for k in range(n)]
    case = loaded(workbook(people=people, episodes=episodes)).case
    assert russian in html_text(case, "collective-complaint", "ru")
    most = max(4 + k % 9 for k in range(n))
    english = html_text(case, "collective-complaint", "en")
    if n == 1:
        assert "In 1 case the person held was denied a lawyer." in english
        assert "People were held for 4 hours (time recorded for 1 act of persecution)." in english
    else:
        assert f"People were held from 4 to {most} hours (time recorded for {n} acts of persecution)." in english


def test_a_complaint_without_treatment_or_hours_says_nothing_of_them(workbook):
    case = loaded(workbook()).case
    assert "treated while held" not in html_text(case, "collective-complaint", "en")


def test_every_place_of_the_gazetteer_has_a_region_named_in_every_language():
    for place in Gazetteer.default():
        assert place.region is not None, place.key
        assert all(place.region.names[lang] for lang in ("en", "ru", "kk"))


def test_the_brief_sets_its_two_place_tables_side_by_side_and_the_complaint_one_under_the_other(workbook):
    """Stacked, the Kazakh brief of the example ran to a fifth page for two items (reader s9, N3)."""
    case = loaded(workbook()).case

    def markup(document):
        return DocumentHtml(REGISTRY[document], "kk", document_context(case, REGISTRY[document], "kk", TODAY),
                            TODAY).html

    pair = r'<div class="pair">\s*<table class="places">.*?</table>\s*<table class="places">'
    assert re.search(pair, markup("brief"), re.S)
    complaint = markup("collective-complaint")
    assert complaint.count('<table class="places">') == 2 and '<div class="pair">' not in complaint


def test_places_are_counted_by_city_and_by_region_with_places_unknown_and_unrecorded_apart(workbook):
    people = [person(f"C{n}", id_document=str(n)) for n in range(1, 5)]
    episodes = [
        episode("C1", city="Нур-Султан"), episode("C1", "rally", "fine", city="Astana"),
        episode("C2", city="Kaskelen"), episode("C3", city="Талгар"),
        episode("C4", city="Нью-Васюки"), episode("C4", "rally", "search", city=None),
    ]
    counts = count(loaded(workbook(people=people, episodes=episodes)).case)
    assert [(c.key, c.complainants, c.episodes) for c in counts.by_city] == [
        ("astana", 1, 2), ("kaskelen", 1, 1), ("talgar", 1, 1), ("нью-васюки", 1, 1)]
    assert [(c.key, c.complainants, c.episodes) for c in counts.by_region] == [
        ("almaty_region", 2, 2), ("astana", 1, 2), ("", 1, 1)]
    assert counts.episodes_without_city == 1
    russian = html_text(loaded(workbook(people=people, episodes=episodes)).case, "brief", "ru")
    assert "Алматинская область 2 2" in russian
    assert "Регион не известен 1 1" in russian
    assert "Место не указано 1" in russian


def test_a_place_is_counted_in_the_region_it_belonged_to_on_the_episodes_date(workbook):
    # Semey is in Abai Region since 8 June 2022, in East Kazakhstan Region before; Shymkent became a
    # city of republican significance on 19 June 2018, out of South Kazakhstan Region.
    people = [person(f"C{n}", id_document=str(n)) for n in range(1, 4)]
    episodes = [episode("C1", city="Semey", date=datetime.date(2018, 5, 10)),
                episode("C2", city="Semey", date=datetime.date(2022, 6, 8)),
                episode("C3", city="Shymkent", date=datetime.date(2018, 6, 18)),
                episode("C3", "rally", "fine", city="Shymkent", date=datetime.date(2018, 6, 19))]
    counts = count(loaded(workbook(people=people, episodes=episodes)).case)
    assert [(c.key, c.complainants, c.episodes) for c in counts.by_region] == [
        ("abai", 1, 1), ("east_kazakhstan", 1, 1), ("shymkent", 1, 1), ("south_kazakhstan", 1, 1)]
    russian = html_text(loaded(workbook(people=people, episodes=episodes)).case, "brief", "ru")
    assert "Восточно-Казахстанская область 1 1" in russian and "Южно-Казахстанская область 1 1" in russian
    # Semey and Shymkent each in two rows: said under the table, whose complainants add up to more than 3.
    assert counts.places_in_two_regions == 2
    assert "Регион указан на дату каждого эпизода" in russian
    alone = count(loaded(workbook(people=people[:1], episodes=episodes[:1])).case)
    assert alone.places_in_two_regions == 0
    assert "The region is the one" not in html_text(loaded(workbook(people=people[:1], episodes=episodes[:1])).case,
                                                     "brief", "en")


def test_the_city_and_region_tables_break_a_tie_of_acts_alike_by_complainants(workbook):
    people = [person(f"C{n}", id_document=str(n)) for n in range(1, 4)]
    episodes = [episode("C1", city="Aktobe"), episode("C1", "rally", "fine", city="Aktobe"),
                episode("C2", city="Semey"), episode("C3", city="Semey")]
    counts = count(loaded(workbook(people=people, episodes=episodes)).case)
    # Two acts in each city; Semey's two complainants put it, and its region, first in both tables.
    assert [(c.key, c.complainants, c.episodes) for c in counts.by_city] == [("semey", 2, 2), ("aktobe", 1, 2)]
    assert [(c.complainants, c.episodes) for c in counts.by_region] == [(2, 2), (1, 2)]
    assert counts.by_region[1].key == "aktobe"  # the Aktobe region


def test_the_election_example_is_valid_and_its_brief_shows_every_figure():
    result = loaded(ELECTION)
    assert result.report.valid and not result.report.issues
    day = result.settings.build_date
    english = html_text(result.case, "brief", "en", day)
    for figure in ("people were deprived of liberty", "faced criminal charges", "an estimated 350 people in all",
                   "Election observation:", "of them preventive", "the number of people deprived of liberty rose",
                   "Where it happened"):
        assert figure in english, figure


def test_the_brief_keeps_each_count_with_its_noun_and_never_opens_a_line_with_a_dash():
    """«8 / эпизодов», «2 / адам», and «…бойынша / — 19» at a line's start in the election brief (reader s11 B1, B2)."""
    result = loaded(ELECTION, ("ru", "kk"))
    day = result.settings.build_date
    for lang, noun in (("ru", r"(?:человек|эпизод)"), ("kk", r"(?:адам|эпизод)")):
        brief = REGISTRY["brief"]
        page = DocumentHtml(brief, lang, document_context(result.case, brief, lang, day), day).html
        items = [item for block in re.findall(r'<ul class="columns">(.*?)</ul>', page, re.S)
                 for item in re.findall(r"<li>(.*?)</li>", block, re.S)]
        assert items and any(re.search(r"\d\u00a0" + noun, item) for item in items), lang
        assert not any(re.search(r"\d " + noun, item) for item in items), lang
        assert any("\u00a0—" in item for item in items) and not any(" —" in item for item in items), lang


def test_article_25_reads_the_same_in_every_kazakh_heading_of_the_complaint():
    """«мемлекет істерін басқаруға» (the Constitution's wording) in the article list, «мемлекеттік істерді
    жүргізуге» (the Covenant's) in the summary of the same complaint (reader s11 K1)."""
    result = loaded(ELECTION, ("kk",))
    day = result.settings.build_date
    text = html_text(result.case, "collective-complaint", "kk", day).replace("\u2060", "")  # word joiners
    assert "25-бап: мемлекеттік істерді жүргізуге қатысу құқығы" in text
    assert "мемлекет істерін басқаруға" not in text


def test_the_brief_keeps_a_few_named_cases_on_one_page():
    """The Kazakh election brief broke its four named cases 2 + 2 over two pages (reader s11 B3)."""
    from pypdf import PdfReader

    result = loaded(ELECTION, ("kk",))
    day = result.settings.build_date
    brief = REGISTRY["brief"]
    page = DocumentHtml(brief, "kk", document_context(result.case, brief, "kk", day), day)
    assert '<ul class="together">' in page.html
    pdf = page.render(["pdf"])[0]["pdf"]
    texts = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]
    names = [case["name"] for case in page.context["named_cases"]]
    assert len(names) > 2
    assert any(all(name in text for name in names) for text in texts)


def workbook_with_testimonies(tmp_path, rows, people):
    """A case whose workbook has a Testimonies sheet."""
    import openpyxl

    path = write_workbook(tmp_path / "case.xlsx", people=people,
                          episodes=[episode(p["complainant_id"]) for p in people])
    book = openpyxl.load_workbook(path)
    sheet = book.create_sheet("Testimonies")
    keys = ["complainant_id", "text_en", "text_ru", "text_kk", "consent_to_quote"]
    sheet.append(keys)
    for row in rows:
        sheet.append([row.get(key) for key in keys])
    book.save(path)
    return path


def test_a_testimony_is_quoted_only_with_consent_and_attributed_as_the_person_may_be_named(tmp_path):
    people = [person("C1", consent_to_name="yes"),
              person("C2", "Бекова", "Динара", id_document="2", consent_to_name="no", surname_latin="BEKOVA",
                     given_name_latin="DINARA"),
              person("C3", "Ким", "Ольга", id_document="3", surname_latin="KIM", given_name_latin="OLGA")]
    rows = [
        {"complainant_id": "C1", "text_en": "We were only standing there.", "text_ru": "Мы просто стояли.",
         "text_kk": "Біз жай ғана тұрдық.", "consent_to_quote": "yes"},
        {"complainant_id": "C2", "text_en": "They took my phone.", "text_ru": "У меня забрали телефон.",
         "text_kk": "Телефонымды алып қойды.", "consent_to_quote": "yes"},
        {"complainant_id": "C3", "text_en": "Not for print.", "consent_to_quote": "no"},
    ]
    result = loaded(workbook_with_testimonies(tmp_path, rows, people))
    assert result.report.valid and not result.report.issues
    english = html_text(result.case, "collective-complaint", "en")
    assert "“We were only standing there.” (Aigerim Ospanova)" in english
    assert "“They took my phone.” (Complainant No. 2)" in english
    assert "Not for print" not in english
    # Russian and Kazakh set a quoted sentence's full stop after the attribution, English inside the quotes.
    assert "«Мы просто стояли» (Оспанова Айгерим)." in html_text(result.case, "collective-complaint", "ru")
    assert "«Біз жай ғана тұрдық» (Оспанова Айгерим)." in html_text(result.case, "collective-complaint", "kk")


def test_a_consented_testimony_missing_a_language_is_flagged_and_not_quoted_in_it(tmp_path):
    rows = [{"complainant_id": "C1", "text_en": "We were only standing there.", "consent_to_quote": "yes"},
            {"complainant_id": "C9", "text_en": "Who am I?", "consent_to_quote": "yes"}]
    result = loaded(workbook_with_testimonies(tmp_path, rows, [person("C1")]))
    found = {(i.severity, i.code, i.column) for i in result.report.issues}
    assert found == {("warning", "testimony-not-in-language", "text_ru"),
                     ("warning", "testimony-not-in-language", "text_kk"),
                     ("error", "unknown-complainant", "complainant_id")}


def test_the_brief_names_only_people_who_consented_with_what_lasted_and_when(workbook):
    # C3 consented to be named, but their power of attorney does not cover publication (issue 14).
    people = [person("C1", consent_to_name="yes"), person("C2", id_document="2", consent_to_name="no"),
              person("C3", "Ким", "Ольга", id_document="3", surname_latin="KIM", given_name_latin="OLGA",
                     consent_to_name="yes", poa_scope="represent, appeal")]
    episodes = [
        episode("C1", None, "detention", date=D(2023, 12, 1), end_date=D(2023, 12, 1)),  # a few hours: not told
        episode("C1", None, "psychiatric_placement", date=D(2023, 12, 22), end_date=D(2024, 1, 11)),
        episode("C1", None, "criminal_case", date=D(2023, 12, 2), legal_basis="CC 174"),
        episode("C1", None, "conviction", date=D(2024, 2, 1)),
        episode("C2", None, "pretrial_detention", date=D(2023, 12, 2)),
        episode("C3", None, "house_arrest", date=D(2023, 12, 3)),
    ]
    case = loaded(workbook(people=people, episodes=episodes)).case
    english = html_text(case, "brief", "en")
    assert ("Aigerim Ospanova: criminal case from 2 December 2023 to 1 February 2024; placement in a psychiatric "
            "institution from 22 December 2023 to 11 January 2024; conviction on 1 February 2024") in english
    assert "detention on 1 December 2023" not in english
    assert "Complainant No. 2" not in english
    assert "Olga" not in english and "house arrest" not in english
    # Kazakh in one style: the measure, then its dates in brackets.
    assert ("психиатриялық мекемеге орналастыру (2023 жылғы 22 желтоқсан – 2024 жылғы 11 қаңтар); "
            "айыптау үкімі (2024 жылғы 1 ақпан)") in html_text(case, "brief", "kk")


def test_a_named_case_prints_the_year_its_start_and_end_share_once(workbook):
    episodes = [episode("C1", None, "house_arrest", date=D(2023, 6, 1), end_date=D(2023, 8, 28))]
    case = loaded(workbook(people=[person("C1")], episodes=episodes)).case
    assert "house arrest from 1 June to 28 August 2023" in html_text(case, "brief", "en")
    assert "домашний арест с 1 июня по 28 августа 2023 года" in html_text(case, "brief", "ru")
    assert "(2023 жылғы 1 маусым – 28 тамыз)" in html_text(case, "brief", "kk")


def test_the_complaints_list_of_complainants_points_to_the_section_of_acts_outside_any_event(workbook):
    case = loaded(workbook(people=[person("C1"), person("C2", id_document="2")],
                           episodes=[episode("C1"), episode("C2", event_id="", measure="search")])).case
    page = DocumentHtml(REGISTRY["collective-complaint"], "ru",
                        document_context(case, REGISTRY["collective-complaint"], "ru", TODAY), TODAY).html
    # Section 3.1 is the rally, 3.2 the acts connected with no event: C2's row points there, never empty.
    assert '<h3 id="section-3-2">3.2. Другие эпизоды преследования</h3>' in page
    cells = {number: re.findall(r'href="#section-3-(\d+)"', row)
             for number, row in re.findall(r"<tr><td class=\"number\">(\d+)</td>(.*?)</tr>", page, re.DOTALL)}
    assert cells == {"1": ["1"], "2": ["2"]}
    # The list is a part of the complaint, not an unnumbered "annex" beside the numbered annexes.
    text = html_text(case, "collective-complaint", "ru")
    assert "Список заявителей" in text and "Приложение. Список" not in text


def test_the_complaint_says_what_the_complainants_were_targeted_for_every_act_counted(workbook):
    case = loaded(workbook(episodes=[episode(grounds="protest"), episode(measure="fine")])).case
    assert ("Заявителей преследовали в связи со следующей деятельностью, осуществлённой или планировавшейся "
            "(указаны число затронутых заявителей и число эпизодов преследования): Участие в протестах: "
            "1 заявитель, 1 эпизод Основание не указано: 1 заявитель, 1 эпизод") in html_text(
                case, "collective-complaint", "ru")
    assert "Protest: 1 complainant, 1 act Ground not recorded: 1 complainant, 1 act" in html_text(
        case, "collective-complaint", "en")


def test_an_article_claimed_for_some_is_left_to_the_lawyer_for_the_other_complainants(workbook):
    people = [person("C1", articles="+7"), person("C2", id_document="2")]
    episodes = [episode("C1", treatment="force_used"), episode("C2", treatment="force_used")]
    case = loaded(workbook(people=people, episodes=episodes)).case
    russian = html_text(case, "collective-complaint", "ru")
    assert "(касается 1 заявителя)" in russian
    # «ещё 1»: «1 другого заявителя» read as one more complainant in general (reader s9).
    assert "и на основании каких фактов] (касается ещё 1 заявителя)" in russian
    english = html_text(case, "collective-complaint", "en")
    assert "and on which facts] (concerns 1 other complainant)" in english


def _convicted_and_in_custody(workbook):
    """C1 convicted on 20 September 2018 and restricted in freedom for a year; C2 in custody since
    6 June 2018 for a term of two months, with no release or extension recorded."""
    episodes = [episode("C1", None, "conviction", date=D(2018, 9, 20), legal_basis="CC 405(2)"),
                episode("C1", None, "restriction_of_freedom", date=D(2018, 9, 20), penalty="1 year",
                        legal_basis="CC 405(2)"),
                episode("C2", None, "pretrial_detention", date=D(2018, 6, 6), penalty="2 months")]
    return loaded(workbook(people=[person("C1"), person("C2", id_document="2")], episodes=episodes)).case


def test_a_named_case_gives_a_convictions_sentence_and_a_lapsed_custody_its_term_not_held(workbook):
    case = _convicted_and_in_custody(workbook)
    english = html_text(case, "brief", "en")
    assert ("conviction on 20 September 2018 (restriction of freedom for 1 year under art. 405(2) CC)"
            in english)
    # TODAY is years after the custody's two months: it is not said to last, nor to have ended.
    assert ("pre-trial detention since 6 June 2018 (term: 2 months; neither a release nor an extension is "
            "recorded)") in english
    assert "(срок — 2 месяца; ни освобождение, ни продление срока не зафиксированы)" in html_text(case, "brief", "ru")


def test_the_brief_draws_its_charts_half_as_wide_two_to_a_row_and_the_complaint_across_the_page(workbook):
    from complaints.charts import HALF_WIDTH_INCHES, WIDTH_INCHES, Chart

    episodes = [episode("C1", date=D(2018, 5, 10)), episode("C2", measure="fine", date=D(2018, 6, 10)),
                episode("C2", event_id=None, measure="search", date=D(2018, 7, 1))]
    case = loaded(workbook(people=[person("C1"), person("C2", id_document="2")], episodes=episodes)).case

    def widths(document):
        page = DocumentHtml(REGISTRY[document], "en", document_context(case, REGISTRY[document], "en", TODAY),
                            TODAY).html
        specs = re.findall(r'data-chart="([^"]+)"', page)
        return page, [Chart.from_spec(html.unescape(spec)).width for spec in specs]

    brief, brief_widths = widths("brief")
    assert brief_widths and set(brief_widths) == {HALF_WIDTH_INCHES}
    assert brief.count('<div class="charts">') == 2
    _, complaint_widths = widths("collective-complaint")
    assert complaint_widths and set(complaint_widths) == {WIDTH_INCHES}


def page_html(body: str) -> str:
    """A page of the templates' stylesheet (A4, 2.2 cm top and bottom margins: a text area 25.3 cm high)."""
    return f'<html lang="en"><head><link rel="stylesheet" href="style.css"></head><body>{body}</body></html>'


def tall(centimetres: float, split: bool = False) -> str:
    """A block of text that many centimetres high; one line, which cannot be split, unless `split`."""
    if split:
        return "".join(tall(1) for _ in range(round(centimetres)))
    return f'<p style="line-height: {centimetres}cm; margin: 0">x</p>'


def test_the_two_column_lists_of_the_brief_do_not_hyphenate_their_counts():
    """«8 эпизо-/дов», «2 челове-/ка» in the election brief's measures (reader s10): a left-aligned item
    in half the width wraps at spaces, never inside a word."""
    from pypdf import PdfReader

    from complaints.render_pdf import _laid_out

    items = "".join(f"<li>{label}: 7 человек, 7 эпизодов</li>" for label in (
        "Уголовное преследование", "Административный арест", "Лишение свободы по приговору суда",
        "Помещение в психиатрическое учреждение"))
    page = page_html(f'<div class="dense"><ul class="columns">{items}</ul></div>').replace('lang="en"', 'lang="ru"')
    _, write = _laid_out(page, "test")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(write())).pages)
    assert "эпизодов" in text and "\u2010" not in text and "-\n" not in text


@pytest.mark.parametrize("who", ["C003", "C021"])  # five detentions; two
def test_the_questionnaire_begins_its_detentions_on_the_first_page_where_a_row_fits(who):
    """The Kazakh questionnaire held its detention table's first two rows (or its last two) together, each
    five lines of open points high, and left a quarter of page 1 empty (reader s10 Q6: 4 pages, ru 3)."""
    from complaints.render_pdf import MOST_BLANK_FOOT, _laid_out, blank_feet

    case = loaded(EXAMPLE, ("kk",)).case
    questionnaire = REGISTRY["wgad-questionnaire"]
    context = document_context(case, questionnaire, "kk", TODAY)
    author = next(person for person in context["people"] if person.complainant_id == who)
    page = DocumentHtml(questionnaire, "kk", context | {"author": author}, TODAY).html
    document, _ = _laid_out(page, "test")
    assert '<table class="detention">' in page and len(document.pages) > 1
    assert blank_feet(document)[0] <= MOST_BLANK_FOOT


def test_a_page_is_measured_empty_below_its_last_line():
    from complaints.render_pdf import _laid_out, blank_feet

    document, _ = _laid_out(page_html(tall(19) + tall(12)), "test")
    feet = blank_feet(document)
    assert len(feet) == 2
    assert feet[0] == pytest.approx(1 - 19 / 25.3, abs=0.01)
    assert feet[1] == pytest.approx(1 - 12 / 25.3, abs=0.01)


def test_a_one_item_list_is_not_glued_to_the_heading_and_list_that_follow_it():
    """OSCE kk p.2 (reader s9): the Moscow paragraph's one-item list was kept with the next heading and the two
    first items of its list (the rule that keeps a list's first item with its second), and the chain went to
    the next page whole, leaving a quarter of the page empty."""
    from pypdf import PdfReader

    from complaints.render_pdf import _laid_out

    item = f"<li>{tall(2.5)}</li>"
    document, _ = _laid_out(page_html(tall(19, split=True) + "<p>And:</p><ul><li>only</li></ul><h2>Next</h2>"
                                      f"<ol>{item}{item}{item}</ol>"), "test")
    first, second = (page.extract_text() for page in PdfReader(io.BytesIO(document.write_pdf())).pages)
    assert "And:" in first and "only" in first  # the heading and its list go over; what fits stays
    assert "Next" in second


def test_the_first_layout_that_leaves_no_page_but_the_last_near_empty_is_taken():
    from pypdf import PdfReader

    from complaints.render_pdf import MOST_BLANK_FOOT, render_fitted_pdf

    # The unbreakable 12 cm first leaves 6.3 cm of page 1 empty (a quarter); after the text that can
    # be split, it leaves a page half-empty only at the end; at the start, nothing.
    unbreakable_after = page_html(tall(19, split=True) + tall(12) + tall(10, split=True))
    at_the_end = page_html(tall(19, split=True) + tall(10, split=True) + tall(12))
    at_the_start = page_html(tall(12) + tall(19, split=True) + tall(10, split=True))
    assert MOST_BLANK_FOOT < 6.3 / 25.3
    index, pdf, pages = render_fitted_pdf([unbreakable_after, at_the_end, at_the_start], "test")
    assert index == 1 and pages == len(PdfReader(io.BytesIO(pdf)).pages) == 2
    # None fits: the one whose emptiest page but the last is least empty.
    index, _, _ = render_fitted_pdf([unbreakable_after, page_html(tall(14, split=True) + tall(12))], "test")
    assert index == 0


def test_the_brief_sets_its_charts_in_the_first_layout_that_fits_for_the_docx_as_for_the_pdf(workbook, monkeypatch):
    from complaints import render as render_module

    episodes = [episode("C1", date=D(2018, 5, 10)), episode("C2", measure="fine", date=D(2018, 6, 10)),
                episode("C2", event_id=None, measure="search", date=D(2018, 7, 1))]
    case = loaded(workbook(people=[person("C1"), person("C2", id_document="2")], episodes=episodes)).case
    brief = REGISTRY["brief"]
    page = DocumentHtml(brief, "en", document_context(case, brief, "en", TODAY), TODAY)
    laid_out = []

    def second(htmls, where):  # the first layout leaves a page near-empty
        laid_out.append(htmls)
        return 1, b"%PDF", 1

    monkeypatch.setattr(render_module, "render_fitted_pdf", second)
    files, _, _ = page.render(["docx"])  # the layout is found even when only the DOCX is asked for
    assert len(laid_out) == 1 and laid_out[0][0] == page.html and len(laid_out[0]) == len(brief.layouts)
    assert laid_out[0][1] != page.html  # the same text, its charts elsewhere
    assert sorted(re.sub(r"\s+", "", laid_out[0][1])) == sorted(re.sub(r"\s+", "", page.html))
    from complaints.blocks import blocks_from_html
    from complaints.render_docx import render_docx
    from complaints.render_html import docx_dir

    moment = datetime.datetime.combine(TODAY, datetime.time())
    assert files["docx"] == render_docx(docx_dir() / brief.docx_template, blocks_from_html(laid_out[0][1]),
                                        page.meta, moment)


def test_a_named_case_says_its_dates_and_its_sentence_or_term_in_one_bracket_in_kazakh(workbook):
    case = _convicted_and_in_custody(workbook)
    kazakh = html_text(case, "brief", "kk")
    assert "(2018 жылғы 20 қыркүйек; ҚР ҚК" in kazakh
    assert "(басталған күні: 2018 жылғы 6 маусым; мерзімі — 2 ай; босатылуы да" in kazakh
    assert ") (" not in kazakh


def test_the_complaint_asks_to_investigate_only_what_the_workbook_records_and_calls_a_placement_what_it_is(workbook):
    placement = loaded(workbook(episodes=[episode(measure="psychiatric_placement")])).case
    english = html_text(placement, "collective-complaint", "en")
    # One person placed: «заявителя», not «людей … в психиатрические учреждения» (reader s10 E3).
    assert "investigations into the placement of a complainant in a psychiatric institution against his or her will" \
        in english
    assert "punitive" not in english and "allegations of torture" not in english
    assert "принудительного помещения заявителя в психиатрическое учреждение" in html_text(
        placement, "collective-complaint", "ru")
    beaten = loaded(workbook(episodes=[episode(measure="ill_treatment")])).case
    english = html_text(beaten, "collective-complaint", "en")
    assert "allegations of ill-treatment of 1 complainant, and for those responsible" in english
    assert "psychiatric institutions" not in english


TORTURE_RAPPORTEUR = {"en": "the United Nations Special Rapporteur on torture",
                      "ru": "Специальному докладчику ООН по вопросу о пытках",
                      "kk": "азаптау және басқа да қатыгез, адамгершілікке жатпайтын"}


@pytest.mark.parametrize("lang, several, one, counted", [
    ("en", "We also ask them to call for prompt, impartial and thorough investigations into the allegations of "
           "ill-treatment of persons Nos. {numbers} set out below, and for those responsible to be brought to justice.",
     "We also ask them to call for a prompt, impartial and thorough investigation into the allegations of "
     "ill-treatment of person No. {numbers} set out below",
     "investigations into the allegations of ill-treatment of 3 complainants, and for those responsible"),
    ("ru", "Просим также призвать к оперативному, беспристрастному и тщательному расследованию изложенных ниже "
           "утверждений о жестоком обращении с лицами № {numbers} и к привлечению виновных к ответственности.",
     "утверждений о жестоком обращении с лицом № {numbers} и к привлечению",
     "расследованию заявлений о жестоком обращении с 3 заявителями и к привлечению виновных к ответственности;"),
    ("kk", "Сондай-ақ № {numbers} адамдарға қатыгез қарым-қатынас туралы төменде баяндалған мәлімдемелерді жедел, "
           "бейтарап және мұқият тергеуге және кінәлі адамдарды жауаптылыққа тартуға шақыруды сұраймыз.",
     "Сондай-ақ № {numbers} адамға қатыгез қарым-қатынас туралы",
     "3 шағымданушыға қатыгез қарым-қатынас туралы мәлімдемелер бойынша жедел")])
def test_the_ill_treatment_recorded_is_to_be_investigated_for_the_people_it_concerns(workbook, lang, several, one,
                                                                                    counted):
    """The Special Procedures letter asks the mandate holders, the Rapporteur on torture among them, to call for an
    investigation of the ill-treatment of the persons whose own facts record it (the measure; force used or a statement
    forced once the lawyer claims article 7 for it), by number; the collective complaint counts them (subm s11). None
    where nothing of it is recorded."""
    people = [person(f"C{k}", id_document=str(k), articles="+7" if k in (2, 3) else None) for k in range(1, 5)]
    episodes = [episode("C1", measure="ill_treatment"), episode("C2", treatment="force used"),
                episode("C3", treatment="forced statement"), episode("C4", treatment="fingerprints taken")]
    case = loaded(workbook(people=people, episodes=episodes), (lang,)).case
    numbers = {p.complainant_id: p.number
               for p in document_context(case, REGISTRY["special-procedures"], lang, TODAY)["people"]}
    letter = html_text(case, "special-procedures", lang)
    assert several.format(numbers=", ".join(str(numbers[f"C{k}"]) for k in (1, 2, 3))) in letter
    assert TORTURE_RAPPORTEUR[lang] in letter
    assert counted in html_text(case, "collective-complaint", lang)
    # Force used alone, article 7 claimed for it: one person, and the Rapporteur on torture addressed for it.
    case = loaded(workbook(people=people[1:2], episodes=episodes[1:2]), (lang,)).case
    context = document_context(case, REGISTRY["special-procedures"], lang, TODAY)
    letter = html_text(case, "special-procedures", lang)
    assert one.format(numbers=context["people"][0].number) in letter
    assert TORTURE_RAPPORTEUR[lang] in letter
    # Nothing recorded of ill-treatment: no request, no Rapporteur on torture.
    case = loaded(workbook(people=people[3:], episodes=episodes[3:]), (lang,)).case
    letter, complaint = html_text(case, "special-procedures", lang), html_text(case, "collective-complaint", lang)
    assert TORTURE_RAPPORTEUR[lang] not in letter
    assert several.split("{numbers}")[0][-40:] not in letter and one.split("{numbers}")[0][-30:] not in letter
    before, after = counted.split("3 ")
    assert (before or after.split(" ", 1)[1]) not in complaint  # the words around the count, whatever the count
    # Force used while article 7 is still the lawyer's (an open point): no «ill-treatment» named, nor the Rapporteur on
    # torture (reader s11 N11-1).
    case = loaded(workbook(people=[person("C2", id_document="2")], episodes=episodes[1:2]), (lang,)).case
    letter = html_text(case, "special-procedures", lang)
    assert TORTURE_RAPPORTEUR[lang] not in letter and one.split("{numbers}")[0][-30:] not in letter
    # A placement leaves article 7 to the lawyer: the Rapporteur on torture only once it is claimed (reader s11 S6).
    placed = [episode("C4", measure="psychiatric_placement", penalty="30 days")]
    case = loaded(workbook(people=people[3:], episodes=placed), (lang,)).case
    assert TORTURE_RAPPORTEUR[lang] not in html_text(case, "special-procedures", lang)
    case = loaded(workbook(people=[person("C4", id_document="4", articles="+7")], episodes=placed), (lang,)).case
    assert TORTURE_RAPPORTEUR[lang] in html_text(case, "special-procedures", lang)


@pytest.mark.parametrize("n", [1, 2, 5, 11, 21, 22, 101])
def test_the_complaints_request_to_investigate_counts_the_complainants_ill_treated(n):
    """«с 1 заявителем», «с 2 заявителями», «с 21 заявителем»; kk «21 шағымданушыға»."""
    from complaints.i18n import language

    one = ("to call for prompt, impartial and effective investigations into the allegations of ill-treatment of "
           "%(num)s complainant, and for those responsible to be brought to justice;")
    many = one.replace("complainant,", "complainants,")
    russian = language("ru").ngettext(one, many, n) % {"num": n}
    noun = "заявителем" if n % 10 == 1 and n % 100 != 11 else "заявителями"
    assert f"о жестоком обращении с {n} {noun} и к привлечению" in russian
    assert language("kk").ngettext(one, many, n) % {"num": n} == (
        f"{n} шағымданушыға қатыгез қарым-қатынас туралы мәлімдемелер бойынша жедел, бейтарап және тиімді тергеу "
        "жүргізуге, сондай-ақ кінәлі адамдарды жауаптылыққа тартуға шақыруды;")
