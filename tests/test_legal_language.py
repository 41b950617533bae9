"""The legal terms, dates, signatures and layout a Russian or Kazakh lawyer would sign (issue 12)."""

from __future__ import annotations

import datetime
import html
import re
from pathlib import Path

import openpyxl
import pytest

from complaints.build import build
from complaints.context import measure_label
from complaints.documents import REGISTRY
from complaints.i18n import language
from complaints.pipeline import load
from complaints.render_html import html_environment, render_html

from conftest import REMEDY_HEADER, TODAY, add_sheet, docx_text, episode, event, person, write_workbook

# The measure words an intake template wrote before the terms were corrected: a workbook filled in
# from it must still be read, and the documents print the corrected terms.
OLDER_SPELLINGS = {
    # The Criminal Procedure Code's own word (art. 146 "Үйқамақ") prints again; the longer
    # phrase a template offered meanwhile is still read.
    "үйде қамауда ұстау": ("house_arrest", "үйқамақ", "домашний арест"),
    "мүлікті тәркілеу": ("confiscation", "мүлікті алып қою", "изъятие имущества"),
    "тәркілеу": ("confiscation", "мүлікті алып қою", "изъятие имущества"),
    "қоқан-лоқы": ("threats", "қорқыту", "угрозы"),
    "бақылау": ("surveillance", "жасырын бақылау", "негласное наблюдение"),
    "қылмыстық іс": ("criminal_case", "қылмыстық қудалау", "уголовное преследование"),
    "слежка": ("surveillance", "жасырын бақылау", "негласное наблюдение"),
    "осуждение": ("conviction", "айыптау үкімі", "обвинительный приговор"),
}


def test_an_older_templates_measure_words_are_still_read_and_the_corrected_terms_printed(tmp_path):
    episodes = [episode(measure=word, date=datetime.date(2018, 5, 10) + datetime.timedelta(days=day))
                for day, word in enumerate(OLDER_SPELLINGS)]
    loaded = load(write_workbook(tmp_path / "case.xlsx", episodes=episodes), ("ru", "kk"), TODAY)
    assert loaded.report.valid, [(issue.code, issue.row) for issue in loaded.report.issues]
    read = [e.measure for m in loaded.case.members for e in m.episodes]
    assert read == [key for key, _, _ in OLDER_SPELLINGS.values()]
    for key, kazakh, russian in OLDER_SPELLINGS.values():
        assert measure_label(language("kk"), key) == kazakh
        assert measure_label(language("ru"), key) == russian


def test_a_cassation_is_a_petition_for_review_in_russian_and_kazakh():
    from complaints.schema import REMEDY_ACTION_VALUES

    assert REMEDY_ACTION_VALUES.label(language("ru"), "cassation") == "ходатайство о пересмотре в кассационном порядке"
    assert REMEDY_ACTION_VALUES.label(language("kk"), "cassation") == (
        "кассациялық тәртіппен қайта қарау туралы өтінішхат")
    # The older words still read.
    assert REMEDY_ACTION_VALUES.spellings()["кассационная жалоба"] == "cassation"


SIGNATURE = ('{% import "_macros.html" as m %}'
             '{{ m.signature("the Organisation", signatory, position, "the date", "the place") }}')


def test_an_english_letter_is_signed_with_the_name_then_the_position_under_the_line():
    html = html_environment("en").from_string(SIGNATURE).render(signatory="Dana Example", position="legal coordinator")
    line, name, position = html.index('class="line"'), html.index("Dana Example"), html.index("Legal coordinator")
    assert line < name < position


@pytest.mark.parametrize("lang, signatory, position", [("ru", "Д. Пример", "юридический координатор"),
                                                       ("kk", "Д. Мысал", "заң жөніндегі үйлестіруші")])
def test_russian_and_kazakh_letters_set_position_line_and_name_on_one_line(lang, signatory, position):
    html = html_environment(lang).from_string(SIGNATURE).render(signatory=signatory, position=position)
    line_paragraph = html[html.index('signature-line'):]
    line_paragraph = line_paragraph[:line_paragraph.index("</p>")]
    assert line_paragraph.index(position.capitalize()) < line_paragraph.index('class="line"') < line_paragraph.index(
        signatory)


@pytest.mark.parametrize("lang, position, name", [
    ("ru", "[требуется указать: должность подписанта]", "[требуется указать: имя подписанта]"),
    ("kk", "[толтыру қажет: қол қоюшының лауазымы]", "[толтыру қажет: қол қоюшының аты-жөні]")])
def test_with_no_signatory_recorded_the_position_and_the_name_are_both_asked_in_their_places(lang, position, name):
    """Reader s9: the name's open point wrapped back under the organisation and the position was blank. Each marker
    stands in its own box on the signature line: the position before the line, the name after it."""
    html = html_environment(lang).from_string(SIGNATURE).render(signatory="", position="")
    line_paragraph = html[html.index('signature-line'):]
    line_paragraph = line_paragraph[:line_paragraph.index("</p>")]
    assert line_paragraph.index(position) < line_paragraph.index('class="line"') < line_paragraph.index(name)
    assert 'class="position"' in line_paragraph and 'class="name"' in line_paragraph


def test_a_signatory_recorded_without_a_position_is_signed_as_recorded():
    html = html_environment("en").from_string(SIGNATURE).render(signatory="Dana Example", position="")
    assert "position of the signatory" not in html and "Dana Example" in html
    english = html_environment("en").from_string(SIGNATURE).render(signatory="", position="")
    assert english.index("name of the signatory") < english.index("position of the signatory")


def test_the_open_points_of_the_signature_line_wrap_within_their_own_boxes(tmp_path):
    """Laid out as the PDF sets it: every word of the name's marker stands right of the line to sign on, and every
    word of the position's left of it (reader s9 saw «указать: имя подписанта]» fall back to the left margin)."""
    import subprocess

    from complaints.render_pdf import STYLESHEET_LINK, render_pdf

    body = html_environment("ru").from_string(SIGNATURE).render(signatory="", position="")
    pdf, _ = render_pdf(f'<html lang="ru"><head>{STYLESHEET_LINK}</head><body>{body}</body></html>', "signature")
    (tmp_path / "signature.pdf").write_bytes(pdf)
    xhtml = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "signature.pdf"), "-"], capture_output=True,
                           text=True, check=True).stdout
    words = re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]+)</word>', xhtml)
    lefts = {word: float(left) for left, _, word in words}
    rights = {word: float(right) for _, right, word in words}
    name = ["имя", "подписанта]"]
    position = ["должность"]
    assert min(lefts[word] for word in name) > 0.6 * max(rights.values())  # in the right-hand box, not wrapped back
    assert max(rights[word] for word in position) < min(lefts[word] for word in name)


@pytest.mark.parametrize("lang, within_a_year, across_years", [
    ("en", ("17 April", "4 October 2018"), ("17 December 2017", "4 October 2018")),
    ("ru", ("17 апреля", "4 октября 2018\u00a0года"), ("17 декабря 2017\u00a0года", "4 октября 2018\u00a0года")),
    ("kk", ("2018 жылғы 17 сәуір", "4 қазан"), ("2017 жылғы 17 желтоқсан", "2018 жылғы 4 қазан")),
])
def test_a_period_prints_the_year_it_shares_once(lang, within_a_year, across_years):
    code = language(lang)
    assert code.date_range(datetime.date(2018, 4, 17), datetime.date(2018, 10, 4)) == within_a_year
    assert code.date_range(datetime.date(2017, 12, 17), datetime.date(2018, 10, 4)) == across_years


@pytest.mark.parametrize("day, ru, kk", [
    (datetime.date(2018, 11, 1), "Письменные материалы для Совещания ОБСЕ по рассмотрению выполнения обязательств в "
     "области человеческого измерения", "ЕҚЫҰ-ның адами өлшем бойынша міндеттемелердің орындалуын қарау жөніндегі "
     "жиналысына жазбаша материал"),
    (datetime.date(2023, 10, 2), "Письменные материалы для Конференции ОБСЕ по человеческому измерению",
     "ЕҚЫҰ-ның адами өлшем жөніндегі конференциясына жазбаша материал"),
])
def test_the_osce_contribution_bears_the_name_the_meeting_had_on_its_date(day, ru, kk):
    osce = REGISTRY["osce"]
    assert language("ru").pgettext("document title", osce.title_on(day)) == ru
    assert language("kk").pgettext("document title", osce.title_on(day)) == kk
    # The build summary names the same meeting (a courtesy note names the ODIHR, which receives it).
    recipient = language("ru").pgettext("recipient", osce.recipient_on(day))
    assert recipient.split()[0] == ru.split()[3].replace("Совещания", "Совещание").replace("Конференции", "Конференция")


def test_a_kazakh_ending_stays_on_the_line_of_its_abbreviation_or_number():
    html = render_html("kk", "base.html", {
        "lang": "kk", "document_title": "БҰҰ-ның хаты", "build_date_iso": "2018-11-01", "page_label_css": '""',
        "draft_mark": "", "confidential_mark": "ЕҚЫҰ-ның белгісі", "courtesy": False})
    head, body = html.split("<body", 1)
    assert "БҰҰ-ның хаты" in head and "\u2060" not in head  # the title element holds text only
    # A word joiner after the hyphen, not an inline box: WeasyPrint breaks a line that cannot hold
    # such a box at its first space, leaving one word alone («Құқық»).
    assert "ЕҚЫҰ-\u2060ның белгісі" in body and "<span" not in body


def test_a_number_sign_typed_with_a_space_stays_on_the_line_of_its_number():
    from complaints.render_html import _keep_together

    html = _keep_together("<head></head><body><p>Администрация школы № 12 (№ 5-1173/2018)</p></body>")
    assert "школы №\u00a012 (№\u00a05-1173/2018)" in html


def test_an_abbreviation_and_its_number_and_a_day_and_its_month_stay_on_one_line():
    from complaints.render_html import _keep_together

    html = _keep_together("<head></head><body><p>по ч. 2 ст. 405 УК РК и п. 3 правил, art. 9; 11 мая 2018 года, "
                          "2018 жылғы 24 маусымда, 5 October 2018; 12 человек, стр. 5</p></body>")
    assert ("по ч.\u00a02 ст.\u00a0405 УК РК и п.\u00a03 правил, art.\u00a09; 11\u00a0мая 2018 года, "
            "2018\u00a0жылғы 24\u00a0маусымда, 5\u00a0October 2018; 12 человек, стр. 5") in html


def test_the_word_for_a_provision_stays_on_the_line_of_its_number():
    # The HRC heading broke as «(пункт / 2 a) статьи 5» (reader s8).
    from complaints.render_html import _keep_together

    html = _keep_together("<head></head><body><h3>(пункт 2 a) статьи 5 Факультативного протокола)</h3><p>"
                          "подпункты b) и d) пункта 3 статьи 14, частью 2 статьи 405; article 5, paragraph 2 (a); "
                          "учесть 5 пунктов, участь 3 человек</p></body>")
    assert ("(пункт\u00a02 a) статьи\u00a05 Факультативного протокола)</h3><p>подпункты b) и d) пункта\u00a03 "
            "статьи\u00a014, частью\u00a02 статьи\u00a0405; article\u00a05, paragraph\u00a02 (a); "
            "учесть 5 пунктов, участь 3 человек") in html


def test_a_short_last_word_of_a_heading_does_not_stand_alone():
    from complaints.render_html import _keep_together

    html = _keep_together("<head></head><body><h2>2018 жылғы 13 наурызда тыйым салынғаннан бері</h2>"
                          "<p>сот бері қарай</p></body>")
    assert "салынғаннан\u00a0бері</h2>" in html and "сот бері қарай" in html


NUMBERS = '{% import "_macros.html" as m %}{{ m.numbering_note(people) }}'


@pytest.mark.parametrize("numbers, noted", [([1, 2, 3], False), ([3, 1, 2], False), ([1, 2, 4], True), ([2, 3], True)])
def test_a_list_whose_numbers_skip_says_why(numbers, noted):
    people = [{"number": n} for n in numbers]
    html = html_environment("ru").from_string(NUMBERS).render(people=people)
    assert ("номер, которого нет в этом списке" in html) is noted


def test_the_questionnaire_tells_each_deprivation_once_and_the_hrc_facts_follow_the_events(tmp_path):
    # e2 is dated first, but the author met e1 first: the story follows the author.
    events = [event("e1", summary_en="Hundreds gathered on the square; the police dispersed them."),
              event("e2", date=datetime.date(2018, 4, 1), date_end=datetime.date(2018, 7, 1))]
    episodes = [episode("C1", "e1", description="Pushed into a police bus."),
                episode("C1", "e2", measure="interrogation", date=datetime.date(2018, 6, 2)),
                episode("C1", None, measure="search", date=datetime.date(2018, 6, 1), description="Flat searched.")]
    path = write_workbook(tmp_path / "case.xlsx", events=events, people=[person("C1")], episodes=episodes)
    result = build(path, langs=("en",), formats=("docx",), documents=("wgad-questionnaire", "hrc"),
                   output_root=tmp_path / "out", today=TODAY)
    questionnaire = docx_text(next(p for p in result.files if "wgad-questionnaire" in p.parts))
    section_iv = questionnaire[questionnaire.index("Circumstances, and why"):questionnaire.index("Domestic steps")]
    # The detention is in the table of section III; section IV tells what happened, without its record again.
    # The description a sentence of its own: never a capital after a colon; every line in one form, the
    # date, a colon, what was done, a period (reader s8).
    assert "10 May 2018: detention. Pushed into a police bus." in section_iv
    assert "detention; authority" not in section_iv and "search" in section_iv
    hrc = docx_text(next(p for p in result.files if "hrc" in p.parts))
    facts = hrc[hrc.index("Facts of the claim"):]
    assert facts.index("The rally e1") < facts.index("Hundreds gathered") < facts.index("Pushed into a police bus")
    assert facts.index("Pushed into a police bus") < facts.index("The rally e2") < facts.index("interrogation")
    assert facts.index("Other acts of persecution") < facts.index("Flat searched.")


def _document_text(case, document: str, lang: str, author: str | None = None) -> str:
    """The document's text; of one author's, where the document is one per author."""
    import re

    from complaints.context import document_context
    from complaints.render import DocumentHtml

    context = document_context(case, REGISTRY[document], lang, TODAY)
    if author:
        context = context | {"author": next(p for p in context["people"] if p.complainant_id == author)}
    html = DocumentHtml(REGISTRY[document], lang, context, TODAY).html
    # (The word joiner that keeps a Kazakh ending on its line is invisible: the text is read without it.)
    return " ".join(re.sub(r"<[^>]+>", " ", html.replace("\u2060", "")).split())


def test_letters_say_who_was_held_and_who_still_is_and_agree_with_a_woman_author(tmp_path):
    people = [person("C1", poa_scope="represent", consent_to_name="no"),
              person("C2", id_document="2", poa_scope="represent", sex="M", surname="Ахметов", given_name="Ерлан")]
    episodes = [episode("C1", end_date=datetime.date(2018, 5, 10)),  # released the same day
                episode("C2", measure="pretrial_detention", date=datetime.date(2018, 6, 1))]  # still held
    case = load(write_workbook(tmp_path / "case.xlsx", people=people, episodes=episodes), ("ru", "kk"), TODAY).case
    cover = _document_text(case, "wgad", "ru")
    # Not all of them are held on the letter's date: the letter says so, and how many still are.
    assert "От имени 2 лиц, которые были лишены свободы" in cover
    assert "Из них на дату настоящего письма лишённым свободы остаётся 1 человек (№ 2)." in cover
    kazakh = _document_text(case, "wgad", "kk")
    assert ("Олардың ішінде 1 адам осы хат жазылған күні әлі де бас бостандығынан айырылған күйде қалып отыр "
            "(№ 2).") in kazakh
    from complaints.context import document_context

    authors = {p.complainant_id: p for p in document_context(case, REGISTRY["hrc"], "ru", TODAY)["people"]}
    assert authors["C1"].female and not authors["C2"].female


def test_the_prosecutor_is_not_asked_to_check_the_courts_and_victims_occupations_are_one_open_point(tmp_path):
    people = [person("C1", poa_scope="represent, appeal"),
              person("C2", id_document="2", poa_scope="represent, appeal", surname="Ахметов", given_name="Ерлан")]
    case = load(write_workbook(tmp_path / "case.xlsx", people=people, episodes=[episode("C1"), episode("C2")]),
                ("ru",), TODAY).case
    complaint = _document_text(case, "domestic-complaint", "ru")
    assert "органов внутренних дел и органов национальной безопасности;" in complaint and "судов;" not in complaint
    assert "о незаконном преследовании заявителей" in complaint and "от имени 2 лиц" in complaint
    letter = _document_text(case, "special-procedures", "ru")
    assert letter.count("[требуется указать: профессия или род деятельности]") == 1
    # No column of dashes for what no one has recorded: the open point above the table says it.
    assert letter.count("Профессия, принадлежность или деятельность") == 1


def test_the_osce_contribution_counts_people_not_complainants(tmp_path):
    # No one is an applicant before the OSCE: its lists count people ("1 человек", "2 человека").
    people = [person("C1"), person("C2", id_document="2", surname="Ахметов", given_name="Ерлан")]
    case = load(write_workbook(tmp_path / "case.xlsx", people=people, episodes=[episode("C1"), episode("C2")]),
                ("ru",), TODAY).case
    contribution = _document_text(case, "osce", "ru")
    assert "2 человека, 2 эпизода" in contribution and "заявител" not in contribution


def test_the_examples_russian_texts_write_feminine_and_neuter_short_participles_without_yo():
    # «привлечена», «освобождена», never «привлечёна»: a short participle loses the ё of «-ённый»
    # except in the masculine («привлечён»).
    import re

    from conftest import EXAMPLE

    sheet = openpyxl.load_workbook(EXAMPLE / "workbook.xlsx", read_only=True)["Episodes"]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows)
    column = header.index("description_ru")
    texts = [row[column] for row in rows if row[column]]
    assert texts and not [text for text in texts if re.search(r"[а-яё]{3,}ён[аоы]\b", text)]


@pytest.mark.parametrize("folder", ["example", "example-complete"])
def test_the_examples_texts_leave_a_detentions_length_to_its_hours_held(folder):
    # «несколько часов удерживалась» beside «Продолжительность удержания — 13 часов», «вечером» beside 6 hours
    # (reader s9 final N11): the documents print hours_held, so no text of a detention tells a length of its own.
    from conftest import REPO

    book = openpyxl.load_workbook(REPO / "intake" / folder / "workbook.xlsx", read_only=True)
    lengths = re.compile(r"several hours|evening|несколько час|вечер|бірнеше сағат|кешке", re.I)
    texts = []
    for sheet, prefix in (("Episodes", "description"), ("Events", "summary")):
        rows = book[sheet].iter_rows(values_only=True)
        header = next(rows)
        columns = [index for index, key in enumerate(header) if key and key.startswith(prefix)]
        texts += [row[index] for row in rows for index in columns if row[index]]
    assert len(texts) > 100 and [text for text in texts if lengths.search(text)] == []


def test_the_examples_kazakh_texts_say_who_is_the_witness_and_keep_one_tense():
    # Reader s9 §11b: «Куә ретінде тартылған басқа адамның … ісі» made the other person the witness; «…өтеді,
    # делегациямен кездесу онсыз өтті» set a present beside a past.
    from conftest import EXAMPLE

    rows = openpyxl.load_workbook(EXAMPLE / "workbook.xlsx", read_only=True)["Episodes"].iter_rows(values_only=True)
    header = next(rows)
    english, kazakh = header.index("description_en"), header.index("description_kk")
    texts = {row[english]: row[kazakh] for row in rows if row[english]}
    assert texts["Flat searched as a witness in someone else's criminal case."].startswith("Өзі куә ретінде өтетін")
    assert [text for text in texts.values() if re.search(r"өтеді\b", text)] == []
    assert any("өтеп жатқанда, делегациямен кездесу онсыз өтті" in text for text in texts.values())


def test_the_wgad_cover_gives_each_deprivation_its_length_and_its_dates_once(tmp_path):
    episodes = [episode("C1", hours_held=6, end_date=datetime.date(2018, 5, 10)),
                episode("C1", measure="administrative_arrest", date=datetime.date(2018, 5, 11),
                        end_date=datetime.date(2018, 5, 25))]
    case = load(write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent")],
                               episodes=episodes), ("ru", "kk"), TODAY).case
    cover = _document_text(case, "wgad", "ru")
    assert "10 мая 2018 года (задержание, 6 часов)" in cover
    assert "11–25 мая 2018 года (административный арест)" in cover
    assert "2018 жылғы 11–25 мамыр (әкімшілік қамаққа алу)" in _document_text(case, "wgad", "kk")


def test_the_imprisonment_told_with_its_verdict_says_when_the_verdict_entered_into_force(tmp_path):
    sentence = [episode("C1", measure="conviction", date=datetime.date(2018, 7, 30), legal_basis="CC 174",
                        penalty="3 years' imprisonment"),
                episode("C1", measure="imprisonment", date=datetime.date(2018, 7, 30), legal_basis="CC 174",
                        penalty="3 years")]
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="publish, represent")],
                          episodes=sentence)
    add_sheet(path, "Remedies", REMEDY_HEADER, [["C1", datetime.date(2018, 8, 14), "Almaty City Court", "appeal",
                                                 "sentence upheld", datetime.date(2018, 9, 28)]])
    case = load(path, ("en", "ru", "kk"), TODAY).case
    for lang, told in (("en", "penalty: 3 years of imprisonment. The verdict entered into force on 28 September 2018."),
                       ("ru", "Приговор вступил в законную силу 28 сентября 2018 года."),
                       ("kk", "Үкімнің заңды күшіне енген күні — 2018 жылғы 28 қыркүйек.")):
        assert told in _document_text(case, "special-procedures", lang), lang


@pytest.mark.parametrize("entered", [True, False])
def test_a_verdict_and_the_restriction_of_freedom_it_imposed_are_one_fact(tmp_path, entered):
    """«обвинительный приговор по ч. 2 ст. 405 УК РК» then «ограничение свободы сроком на 1 год» of the same day were
    two acts in the SP letter's facts (reader s10 F7 pattern, as S1 for an imprisonment): one item, the sentence named
    as the verdict's, its entry into force where the Remedies sheet records it."""
    sentence = [episode("C1", measure="conviction", date=datetime.date(2018, 9, 20), legal_basis="CC 405(2)",
                        description="Convicted for posts."),
                episode("C1", measure="restriction_of_freedom", date=datetime.date(2018, 9, 20),
                        legal_basis="CC 405(2)", penalty="1 year", description="Barred from social networks.")]
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="publish, represent")],
                          episodes=sentence)
    if entered:
        add_sheet(path, "Remedies", REMEDY_HEADER, [["C1", datetime.date(2018, 9, 30), "Almaty City Court", "appeal",
                                                     "sentence upheld", datetime.date(2018, 11, 2)]])
    case = load(path, ("en", "ru", "kk"), TODAY).case
    ru_marker, kk_marker = " [язык оригинала: английский]", " [түпнұсқа тілі: ағылшын тілі]"
    told = {"en": ("20 September 2018, Almaty: conviction under art. 405(2) CC, penalty: restriction of freedom "
                   "for 1 year. Convicted for posts.", " The verdict entered into force on 2 November 2018.",
                   " Barred from social networks."),
            "ru": ("20 сентября 2018 года, Алматы: обвинительный приговор по ч. 2 ст. 405 УК РК, наказание: "
                   "ограничение свободы сроком на 1 год. Convicted for posts." + ru_marker,
                   " Приговор вступил в законную силу 2 ноября 2018 года.",
                   " Barred from social networks." + ru_marker),
            "kk": ("2018 жылғы 20 қыркүйек, Алматы: ҚР ҚК 405-бабының 2-бөлігі бойынша айыптау үкімі, жаза: 1 жыл "
                   "мерзімге бас бостандығын шектеу. Convicted for posts." + kk_marker,
                   " Үкімнің заңды күшіне енген күні — 2018 жылғы 2 қараша.",
                   " Barred from social networks." + kk_marker)}
    for lang, (verdict, in_force, serving) in told.items():
        facts = _document_text(case, "special-procedures", lang).split(" 4. ")[1].split(" 5. ")[0]
        assert verdict + (in_force if entered else "") + serving in facts, (lang, facts)
        assert (in_force in facts) == entered, (lang, facts)
        # One item: the sentence has none of its own.
        assert facts.count("Aigerim Ospanova:" if lang == "en" else "Оспанова Айгерим:") == 1, (lang, facts)
        # The communication sent with the letter tells it alike, one item (reader s11 F7b); its untranslated
        # descriptions are asked to be translated there, a body's language.
        communication = _document_text(case, "hrc", lang, "C1")
        act, penalty = verdict.split(". ")[0], {"en": "restriction of freedom for 1 year",
                                                "ru": "ограничение свободы сроком на 1 год",
                                                "kk": "1 жыл мерзімге бас бостандығын шектеу"}[lang]
        assert act in communication and communication.count(penalty) == 1, (lang, communication)
    # And the questionnaire of a person held before the trial, among the other acts.
    held = episode("C1", measure="pretrial_detention", date=datetime.date(2018, 6, 1), legal_basis="CC 405(2)",
                   end_date=datetime.date(2018, 9, 20))
    path = write_workbook(tmp_path / "held.xlsx", people=[person("C1", poa_scope="publish, represent")],
                          episodes=[held, *sentence])
    case = load(path, ("en",), TODAY).case
    questionnaire = _document_text(case, "wgad-questionnaire", "en", "C1")
    assert told["en"][0] + told["en"][2] in questionnaire
    assert questionnaire.count("restriction of freedom for 1 year") == 1


def test_an_imprisonment_serving_a_conviction_states_the_sentence_once(tmp_path):
    sentence = [episode("C1", None, measure="conviction", date=datetime.date(2018, 7, 30), legal_basis="CC 174",
                        penalty="3 years' imprisonment"),
                episode("C1", None, measure="imprisonment", date=datetime.date(2018, 7, 30), legal_basis="CC 174",
                        penalty="3 years", end_date=datetime.date(2021, 7, 30), description="Sent to a colony.")]
    case = load(write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="publish, represent")],
                               episodes=sentence), ("en", "ru", "kk"), TODAY).case
    letters = {lang: _document_text(case, "special-procedures", lang) for lang in ("en", "ru", "kk")}
    facts = {lang: letters[lang].split(" 4. ")[1].split(" 5. ")[0] for lang in letters}
    # One item: the verdict with its sentence, then what the workbook tells of the serving; the date and the
    # sentence said once (reader s10 S1), never a second line «лишение свободы по приговору от …».
    assert facts["en"].count("30 July 2018") == facts["ru"].count("30 июля 2018 года") == 1
    assert facts["kk"].count("2018 жылғы 30 шілде") == 1
    assert "conviction under art. 174 CC, penalty: 3 years of imprisonment. Sent to a colony." in letters["en"]
    assert letters["en"].count("3 years") == 1
    assert "imprisonment under the sentence of 30 July 2018" not in letters["en"]
    assert letters["ru"].count("3 года") == 1
    assert "лишение свободы по приговору от 30 июля 2018 года" not in letters["ru"]
    assert letters["kk"].count("3 жыл") == 1
    assert "2018 жылғы 30 шілдедегі үкім бойынша бас бостандығынан айыру" not in letters["kk"]
    # The questionnaire tells the serving among the deprivations of liberty (section IV): the verdict among the
    # other acts names its sentence, and the serving is not told a second time (reader s11 N11-4).
    questionnaire = _document_text(case, "wgad-questionnaire", "en", "C1")
    assert questionnaire.count("Sent to a colony.") == 1
    assert "conviction under art. 174 CC, penalty: 3 years of imprisonment." in questionnaire
    # The brief's named cases: the sentence with its provision at the conviction, then its serving.
    from complaints.context import document_context

    named = document_context(case, REGISTRY["brief"], "ru", TODAY)["named_cases"][0]["episodes"]
    assert [(e["measure"], e["sentence"], e["start"]) for e in named] == [
        ("обвинительный приговор", "3 года лишения свободы по ст.\u00a0174 УК\u00a0РК", "30 июля 2018\u00a0года"),
        ("отбывание наказания", "", "")]  # no appeal's decision recorded: when it entered into force is unknown
    # Without the conviction's sentence recorded, the imprisonment is the only place that states it.
    unsentenced = [sentence[0] | {"penalty": None}, sentence[1]]
    case = load(write_workbook(tmp_path / "other.xlsx", people=[person("C1", poa_scope="represent")],
                               episodes=unsentenced), ("en",), TODAY).case
    assert "imprisonment for 3 years under art. 174 CC" in _document_text(case, "special-procedures", "en")


def test_a_courtesy_translation_names_the_bodies_that_receive_it_in_agreement_with_their_number(tmp_path):
    case = load(write_workbook(tmp_path / "case.xlsx", people=[person("C1")], episodes=[episode("C1")]),
                ("en", "kk"), TODAY).case
    # The OSCE contribution goes to the ODIHR, which accepts it, not to the meeting it is written for.
    contribution = _document_text(case, "osce", "kk")
    assert ("Адресаттың (ЕҚЫҰ-ның Демократиялық институттар және адам құқықтары жөніндегі бюросы) жұмыс "
            "тілдері: ағылшын тілі, орыс тілі.") in contribution
    # Two addressees, each with the languages it accepts.
    complaint = _document_text(case, "collective-complaint", "kk")
    assert ("Адресаттардың жұмыс тілдері: БҰҰ-ның арнайы рәсімдері — ағылшын тілі; ЕҚЫҰ-ның Демократиялық "
            "институттар және адам құқықтары жөніндегі бюросы — ағылшын тілі, орыс тілі.") in complaint
    assert "Адресаттың" not in complaint
    domestic = html.unescape(_document_text(case, "domestic-complaint", "en"))
    assert ("Courtesy translation. The Prosecutor General's Office of the Republic of Kazakhstan accepts documents "
            "in the following languages: Kazakh, Russian.") in domestic


def test_a_lapsed_term_names_its_measure_its_length_and_its_start_and_a_sentence_served_says_so(tmp_path):
    # The custody's two months from 6 June 2018 ran out long before the documents' date, with no end recorded;
    # the prison sentence of 30 July 2018 is still being served.
    episodes = [episode("C1", measure="pretrial_detention", date=datetime.date(2018, 6, 6), penalty="2 months"),
                episode("C2", measure="imprisonment", date=datetime.date(2018, 7, 30))]
    people = [person("C1", poa_scope="represent"),
              person("C2", id_document="2", poa_scope="represent", surname="Ахметов", given_name="Ерлан", sex="M")]
    case = load(write_workbook(tmp_path / "case.xlsx", people=people, episodes=episodes), ("ru", "kk"), TODAY).case
    russian = _document_text(case, "wgad", "ru")
    assert "Лицо № 1: указанный срок содержания под стражей (2 месяца с 6 июня 2018 года) истёк" in russian
    kazakh = _document_text(case, "wgad", "kk").replace("\u00a0", " ")
    assert "№ 1 адам: күзетпен ұстаудың көрсетілген мерзімі (2018 жылғы 6 маусымнан бастап 2 ай) өтті" in kazakh
    assert "сот үкімімен бас бостандығынан айыру, жазасын әлі де өтеуде" in kazakh


@pytest.mark.parametrize("day, since", [
    (datetime.date(2018, 6, 6), "2018 жылғы 6 маусымнан бастап"),
    (datetime.date(2018, 7, 4), "2018 жылғы 4 шілдеден бастап"),
    (datetime.date(2018, 9, 17), "2018 жылғы 17 қыркүйектен бастап"),
    (datetime.date(2018, 11, 1), "2018 жылғы 1 қарашадан бастап"),
    (datetime.date(2018, 4, 2), "2018 жылғы 2 сәуірден бастап"),
    (datetime.date(2018, 5, 10), "2018 жылғы 10 мамырдан бастап"),
])
def test_a_term_counted_from_a_date_puts_the_kazakh_date_in_the_ablative(day, since):
    assert language("kk").since(day) == since
    assert language("ru").since(day).startswith("с ") and language("en").since(day).startswith("from ")


@pytest.mark.parametrize("key, count, kazakh", [
    ("no_phone_call", 9, "9 жағдайда ұсталған адамдарға ұсталғаны туралы жақындарына хабарлауға мүмкіндік берілмеді."),
    ("force_used", 1, "1 жағдайда ұсталған адамға дене күші қолданылды."),
    ("fingerprints_taken", 21, "21 жағдайда ұсталған адамдарға дактилоскопия жүргізілді."),
])
def test_the_kazakh_treatment_lines_say_what_the_russian_ones_say(key, count, kazakh):
    line = html_environment("kk").from_string('{% import "_macros.html" as m %}{{ m.treatment_line(key, count) }}')
    assert line.render(key=key, count=count) == kazakh


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_sub_paragraphs_are_cited_as_the_committees_russian_and_the_kazakh_texts_cite_them(lang):
    # ru «пункт 3 b) статьи 14», kk «14-баптың 3-тармағының b) тармақшасы»: never the English "3 (b)".
    from babel.messages.pofile import read_po

    from complaints.i18n import catalog_path

    with catalog_path(lang).open("rb") as po_file:
        strings = [s for m in read_po(po_file, locale=lang) if m.id
                   for s in (m.string if isinstance(m.string, tuple) else (m.string,))]
    assert not [s for s in strings if re.search(r"\d \([a-g]\)", s)]
    # Two sub-paragraphs: «пункты» (reader s10 Q3).
    cited = "пункты 3\u00a0b) и d) статьи 14" if lang == "ru" else "14-баптың 3-тармағының b) және d) тармақшалары"
    assert language(lang).gettext("denial of access to a lawyer of his or her choosing (article 14, paragraph 3 (b) "
                                  "and (d))").endswith(f"({cited})")


@pytest.mark.parametrize("count, expected", [
    (1, "1 (по ст. 488 КоАП РК)"), (2, "2 (оба — по ст. 488 КоАП РК)"), (5, "5 (все — по ст. 488 КоАП РК)"),
    (11, "11 (все — по ст. 488 КоАП РК)"), (21, "21 (все — по ст. 488 КоАП РК)"),
    (22, "22 (все — по ст. 488 КоАП РК)"), (101, "101 (все — по ст. 488 КоАП РК)")])
def test_a_measure_all_under_one_provision_says_both_for_two(count, expected):
    template = '{% import "_macros.html" as m %}{{ m.provision_counts(measure) }}'
    measure = {"count": count, "provisions": [{"provision": "по ст. 488 КоАП РК", "count": count}]}
    # A dash never opens a line (reader s11 B2): a no-break space before it.
    assert html_environment("ru").from_string(template).render(measure=measure).strip() == expected.replace(
        " —", "\u00a0—")
    kazakh = {"count": count, "provisions": [{"provision": "ҚР ӘҚБтК 488-бабы бойынша", "count": count}]}
    kazakh_text = html_environment("kk").from_string(template).render(measure=kazakh)
    assert ("екеуі де\u00a0— " in kazakh_text) is (count == 2)
    # «барлығы — …» first read as "in total" (reader s10 E4): «бәрі — …» for three or more.
    assert ("(бәрі\u00a0— " in kazakh_text) is (count > 2) and "барлығы" not in kazakh_text


APPEAL = (datetime.date(2018, 10, 5), "Almaty City Court", "appeal", None)
UPHELD = (datetime.date(2018, 10, 5), "Almaty City Court", "appeal", "sentence upheld")
CASSATION = (datetime.date(2018, 10, 29), "Supreme Court", "cassation", None)


@pytest.mark.parametrize("remedies, pending", [
    ([APPEAL], "appeal"),  # filed after it, not decided: not final
    ([UPHELD], None),  # decided
    ([(datetime.date(2018, 9, 1), "Almaty City Court", "appeal", None)], None),  # filed before the conviction
    ([(datetime.date(2018, 10, 5), "Prosecutor General's Office", "protest", None)], None),  # at discretion
    ([UPHELD, CASSATION], "cassation"),  # upheld on appeal, so in force; the cassation pending
    ([], None),
])
def test_the_brief_says_whether_a_sentence_with_a_remedy_pending_is_final(tmp_path, remedies, pending):
    episodes = [episode("C1", None, measure="conviction", date=datetime.date(2018, 9, 20), legal_basis="CC 174"),
                episode("C1", None, measure="restriction_of_freedom", date=datetime.date(2018, 9, 20),
                        legal_basis="CC 174", penalty="1 year")]
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="publish")], episodes=episodes)
    add_sheet(path, "Remedies", REMEDY_HEADER[:-1], [["C1", *remedy] for remedy in remedies])
    case = load(path, ("en", "ru", "kk"), TODAY).case
    briefs = {lang: _document_text(case, "brief", lang) for lang in ("en", "ru", "kk")}
    assert ("restriction of freedom for 1 year under art. 174 CC; sentence appealed, appeal not yet decided)"
            in briefs["en"]) is (pending == "appeal")
    assert ("; приговор обжалован, жалоба не рассмотрена)" in briefs["ru"]) is (pending == "appeal")
    assert ("; үкімге апелляциялық шағым берілген, ол әлі қаралмаған" in briefs["kk"]) is (pending == "appeal")
    assert ("under art. 174 CC; sentence in force; cassation appeal of 29 October 2018 not yet decided)"
            in briefs["en"]) is (pending == "cassation")
    assert ("; приговор вступил в законную силу; ходатайство о пересмотре в кассационном порядке от 29 октября "
            "2018 года не рассмотрено)" in briefs["ru"]) is (pending == "cassation")
    assert ("; үкім заңды күшіне енді; 2018 жылғы 29 қазандағы кассациялық тәртіппен қайта қарау туралы "
            "өтінішхат әлі қаралмаған" in briefs["kk"]) is (pending == "cassation")
    assert "restriction of freedom for 1 year under art. 174 CC" in briefs["en"]


def test_every_page_header_fits_on_one_line_beside_the_draft_and_confidential_marks():
    """Reader s9: the ru titles of the Special Procedures letter and appeals and of the OSCE contribution wrapped to two
    lines in the page header and ran into «Конфиденциально». The header is the running title where a document has one,
    else its title; at 8 pt it must leave room for the marks on either side (about 300 pt of the 453 pt line)."""
    from PIL import ImageFont

    font = ImageFont.truetype(str(Path(__file__).resolve().parent.parent / "templates" / "html" / "fonts"
                                  / "LiberationSerif-Regular.ttf"), 80)
    too_long = []
    for document in REGISTRY.values():
        for lang in ("en", "ru", "kk"):
            code = language(lang)
            for title in (document.title, *(title for _, title, _ in document.earlier_names)):
                header = (code.pgettext("running title", document.running_title) if document.running_title
                          else code.pgettext("document title", title))
                if font.getlength(header) / 10 > 225:
                    too_long.append((document.name, lang, header))
    assert too_long == []


def test_the_kazakh_constitution_is_quoted_in_its_own_words():
    # Article 32 of the Constitution in Kazakh: «бейбіт әрі қарусыз жиналуға, … тосқауылдарға тұруға хақылы»
    # (constitutionrk.kz, article 32; reader s9).
    kazakh = language("kk").pgettext("constitution", "the right to assemble peacefully and without weapons, to hold "
                                     "meetings, rallies, demonstrations, marches and pickets (article 32)")
    assert kazakh.startswith("бейбіт әрі қарусыз жиналуға,") and "тосқауылдарға тұруға" in kazakh


@pytest.mark.parametrize("lang, author", [("en", "whether the author is"), ("ru", "лишение автора свободы"),
                                          ("kk", "автор қазір де")])
def test_the_communications_status_point_names_the_author(lang, author):
    # A communication's subject is its author: «лишено ли лицо свободы» in HRC §IV read as another document's
    # question (reader s9 final); the other documents keep «лицо» (detention_status).
    from complaints.open_points import field_label

    assert author in field_label(language(lang), "author_detention_status")
    assert author not in field_label(language(lang), "detention_status")


def test_the_kazakh_confidential_mark_is_no_state_secret_grade():
    # «Құпия» is the Kazakh grade «секретно» of State secrets; a private document is «Құпиялы» (reader s9).
    assert language("kk").pgettext("mark", "Confidential") == "Құпиялы"


@pytest.mark.parametrize("lang, complaint, people, note", [
    ("ru", "true", "Заявители", "а заявитель, преследовавшийся там"),
    ("ru", "false", "Лица", "а лицо, преследовавшееся там"),
    ("kk", "true", "Шағымданушылар", "ұшыраған шағымданушы екі жолда"),
    ("kk", "false", "Адамдар", "ұшыраған адам екі жолда"),
    ("en", "true", "Complainants", "a complainant persecuted"), ("en", "false", "People", "a person persecuted")])
def test_the_brief_counts_people_by_place_where_the_complaint_counts_complainants(lang, complaint, people, note):
    # The brief goes to the press, not to a body: no one in it is a complainant (reader s9 §3), nor in the
    # note under its region table, which names whom the column counts (reader s9 final N2).
    template = html_environment(lang).from_string(
        '{% import "_macros.html" as m %}{{ m.places([{"name": "Астана", "complainants": 2, "episodes": 3}], '
        '[{"name": "Астана", "complainants": 2, "episodes": 3}], 0, places_in_two_regions=1, complaint='
        + complaint + ') }}')
    html = template.render()
    headers = re.findall(r"<th>([^<]*)</th>", html)
    assert headers[1] == headers[4] == people
    note_text = re.search(r'<p class="note">(.*?)</p>', html, re.S).group(1)
    assert note in note_text
    # One verb for both halves in Kazakh: «…екі өңірде де, ал … екі жолда да есептелді».
    assert note_text.count("есептелді") == (1 if lang == "kk" else 0)


def test_the_list_of_annexes_never_leaves_its_heading_and_one_annex_alone_at_a_page_foot():
    # Reader s9: «Приложения» and annex 1 at the foot of a page, annexes 2-8 on the next.
    import io

    from pypdf import PdfReader

    from complaints.render_pdf import render_pdf

    for lines in range(24, 36):  # the heading falls at every height of the page's foot
        html = ('<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="style.css"></head><body><main>'
                + "".join(f"<p>Line {k}.</p>" for k in range(lines)) + '<h2 class="annexes">Annexes</h2>'
                + "".join(f'<p class="annex">Annex {k}. Document {k}.</p>' for k in range(1, 6))
                + "</main></body></html>")
        pages = [page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(html, "annexes")[0])).pages]
        assert "Annex 2." in next(page for page in pages if "Annexes" in page), lines


@pytest.mark.parametrize("appeal, en, ru, kk", [
    # Upheld on appeal on 28 September: in force, and served, from then (reader s9 §3).
    ((datetime.date(2018, 8, 14), "Almaty City Court", "appeal", "sentence_upheld", datetime.date(2018, 9, 28)),
     "serving the sentence from 28 September 2018 to 30 July 2021", "отбывание наказания с 28 сентября 2018 года "
     "по 30 июля 2021 года", "жазаны өтеу (2018 жылғы 28 қыркүйек – 2021 жылғы 30 шілде)"),
    # Not yet decided: not in force, so held in custody from the verdict, not serving.
    ((datetime.date(2018, 8, 14), "Almaty City Court", "appeal", None, None),
     "held in custody from 30 July 2018 to 30 July 2021", "содержание под стражей с 30 июля 2018 года по 30 июля "
     "2021 года", "күзетпен ұстау (2018 жылғы 30 шілде – 2021 жылғы 30 шілде)"),
    # No appeal's decision recorded: the day it entered into force is not known, and no day is printed.
    (None, "174 CC); serving the sentence", "лишения свободы по ст. 174 УК РК); отбывание наказания",
     "бас бостандығынан айыру); жазаны өтеу"),
])
def test_a_sentence_is_served_from_its_entry_into_force_and_held_in_custody_before(tmp_path, appeal, en, ru, kk):
    day = datetime.date(2018, 7, 30)
    episodes = [episode("C1", None, measure="conviction", date=day, legal_basis="CC 174", penalty="3 years' "
                        "imprisonment"),
                episode("C1", None, measure="imprisonment", date=day, legal_basis="CC 174", penalty="3 years",
                        end_date=datetime.date(2021, 7, 30))]
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="publish")], episodes=episodes)
    add_sheet(path, "Remedies", REMEDY_HEADER, [["C1", *appeal]] if appeal else [])
    case = load(path, ("en", "ru", "kk"), TODAY).case
    briefs = {lang: _document_text(case, "brief", lang) for lang in ("en", "ru", "kk")}
    assert en in briefs["en"] and ru in briefs["ru"] and kk in briefs["kk"]
    assert ("serving the sentence from 30 July" not in briefs["en"]
            and "отбывание наказания с 30 июля" not in briefs["ru"])


@pytest.mark.parametrize("upheld, brief, letter", [
    # Upheld on 28 September: the custody ran to then, and the letter gives the verdict's day and that day (a term
    # of 10 years: still serving it).
    (True, {"en": "pre-trial detention from 18 April 2018 until the sentence entered into force (28 September 2018)",
            "ru": "содержание под стражей с 18 апреля 2018 года до вступления приговора в законную силу (28 сентября "
                  "2018 года)",
            "kk": "күзетпен ұстау (2018 жылғы 18 сәуірден бастап үкім заңды күшіне енгенге дейін — 2018 жылғы 28 "
                  "қыркүйек)"},
     {"en": "30 July 2018 (verdict; in force since 28 September 2018) — still serving the sentence",
      "ru": "30 июля 2018 года (приговор; вступил в силу 28 сентября 2018 года) — по настоящее время",
      "kk": "2018 жылғы 30 шілде (үкім; заңды күшіне енген күні — 2018 жылғы 28 қыркүйек) — жазасын әлі де өтеуде"}),
    # No appeal's decision recorded: the custody as the row records it, and no day of entry into force.
    (False, {"en": "pre-trial detention from 18 April to 30 July 2018", "ru": "содержание под стражей с 18 апреля по "
             "30 июля 2018 года", "kk": "күзетпен ұстау (2018 жылғы 18 сәуір – 30 шілде)"},
     {"en": "30 July 2018 (imprisonment", "ru": "30 июля 2018 года (лишение свободы",
      "kk": "2018 жылғы 30 шілде (сот үкімімен бас бостандығынан айыру"}),
])
def test_a_custody_ending_at_the_verdict_runs_until_its_entry_into_force(tmp_path, upheld, brief, letter):
    """Reader s9 N1, N9: custody to the verdict's day and serving from its entry into force left two months in
    which the person seemed free; the WGAD letter and the brief gave two different starts."""
    day = datetime.date(2018, 7, 30)
    episodes = [episode("C1", None, measure="pretrial_detention", date=datetime.date(2018, 4, 18), end_date=day,
                        legal_basis="CC 174"),
                episode("C1", None, measure="conviction", date=day, legal_basis="CC 174",
                        penalty="10 years' imprisonment"),
                episode("C1", None, measure="imprisonment", date=day, legal_basis="CC 174", penalty="10 years")]
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="publish, represent")],
                          episodes=episodes)
    appeal = ["C1", datetime.date(2018, 8, 14), "Almaty City Court", "appeal", "sentence_upheld",
              datetime.date(2018, 9, 28)]
    add_sheet(path, "Remedies", REMEDY_HEADER, [appeal] if upheld else [])
    case = load(path, ("en", "ru", "kk"), TODAY).case
    for lang in ("en", "ru", "kk"):
        assert brief[lang] in _document_text(case, "brief", lang)
        assert letter[lang] in _document_text(case, "wgad", lang)


COPENHAGEN = ("The documented facts concern the following commitments of the participating States in the Document of "
              "the Copenhagen Meeting of the Conference on the Human Dimension of the CSCE (1990), each for the "
              "persons whose own recorded facts engage it:")


@pytest.mark.parametrize("lang, context, message, expected, replaced", [
    # A possessor in a chain takes the genitive, as the Codes write «ішкі істер органдарының лауазымды адамдары».
    ("kk", None, "The complainants were detained, fined, arrested or prosecuted for peacefully exercising these "
     "rights. Such measures have no legitimate aim and are disproportionate. The actions of the officials of the "
     "internal affairs and national security bodies who applied them call for an inquiry and for the responsibility "
     "the law provides.", "қауіпсіздік органдарының лауазымды адамдарының", "органдары лауазымды"),
    # «қорғануға дайындалуға уақыт»: two datives in a row; the purpose takes «үшін».
    ("kk", "open point", "whether article 14, paragraph 3 (b), is claimed for the penalty imposed at a hearing on the "
     "day of the detention or the day after: whether the person asked for time to prepare a defence, for a lawyer or "
     "for an adjournment, and was refused (articles cell: +14 or -14)", "қорғануға дайындалу үшін уақыт",
     "дайындалуға уақыт"),
    ("kk", "open point", "whether Category III (article 14, paragraph 3 (b), of the Covenant) is claimed for the "
     "penalty imposed at a hearing on the day of the detention or the day after: whether the person asked for time to "
     "prepare a defence, for a lawyer or for an adjournment, and was refused (articles cell: +14 or -14)",
     "қорғануға дайындалу үшін уақыт", "дайындалуға уақыт"),
    # The appeal is named once; «шағым … шағым» repeated the noun.
    ("kk", None, "to examine the lawfulness of the actions of the officials of the internal affairs bodies and the "
     "national security bodies described in this complaint;", "қауіпсіздік органдарының лауазымды адамдарының",
     "органдары лауазымды"),
    ("kk", None, "sentence appealed, appeal not yet decided", "үкімге апелляциялық шағым берілген, ол әлі қаралмаған",
     "шағым әлі"),
    # The warning says that nothing recorded tells them apart, not that what is recorded fails to.
    ("kk", "duplicate reason", "the same name, and no date of birth or patronymic that tells them apart",
     "ажырататын туған күні де, әкесінің аты да көрсетілмеген", "мүмкіндік бермейді"),
    # Reader s10 Q4: «…соншалықты ауыр, ол … сипат береді» is a calque of «столь серьёзно, что».
    ("kk", None, "Category III: the non-observance of the international norms relating to the right to a fair trial "
     "is of such gravity as to give the deprivation of liberty an arbitrary character (article 14 of the Covenant):",
     "соншалықты ауыр болғандықтан, бас бостандығынан айыру өз бетінше сипатқа ие болады", "ауыр, ол"),
    # Reader s10 H3: no telegraphic tail after a colon.
    ("kk", None, "The Working Group on Arbitrary Detention, also a mechanism of the Human Rights Council, is asked for "
     "an opinion on the author's own deprivation of liberty: the same person and the same facts.",
     "яғни сол адам мен сол фактілер туралы пікір беру сұралады.", ": сол адам"),
    ("ru", None, "The Working Group on Arbitrary Detention, also a mechanism of the Human Rights Council, is asked for "
     "an opinion on the author's own deprivation of liberty: the same person and the same facts.",
     "самого автора, то есть о том же лице и тех же фактах.", ": то же лицо"),
    # Reader s10 E7: one head for the three freedoms, not «бостандығы … бостандығы құқықтарын».
    ("kk", None, "on the persecution in the Republic of Kazakhstan of people who exercised their rights to freedom of "
     "expression, peaceful assembly and association", "пікір білдіру, бейбіт жиналыс және бірлесу бостандықтарын",
     "бостандығы құқықтарын"),
    # Reader s10 O1.
    ("ru", None, COPENHAGEN, "для каждого — число лиц, к чьим зафиксированным фактам оно относится:",
     "собственные"),
    ("kk", None, COPENHAGEN, "әр міндеттеме бойынша — тіркелген деректері оған қатысты адамдар саны:",
     "өз деректері"),
    # Reader s10 Q1: «[требуется указать: указанное правовое основание]» said the verb twice.
    ("ru", "open point", "legal basis invoked", "правовое основание, на которое сослались власти", "указанное"),
    ("kk", "open point", "legal basis invoked", "билік сілтеме жасаған құқықтық негіз", "көрсетілген"),
    # Reader s10 Q5: «указать» takes what the lawyer names, the file in the Attachments sheet.
    ("ru", "open point", "a scan of the signed power of attorney, to be annexed (Attachments sheet)",
     "файл со скан-копией подписанной доверенности для приложения (лист «Приложения»)", "внесите"),
])
def test_the_catalogs_read_as_a_lawyer_writes(lang, context, message, expected, replaced):
    # Kazakh catalog strings added in session 9, read again as a legal editor, and reader s10's LANG findings.
    text = language(lang).pgettext(context, message) if context else language(lang).gettext(message)
    assert expected in text and replaced not in text


@pytest.mark.parametrize("count", [1, 2, 5, 11, 21, 22, 101])
def test_one_fine_is_counted_as_one_fine_in_kazakh(count):
    # «1 айыппұлдың сомасы» read as the sum of the first fine; one fine is «1 айыппұл, сомасы — …».
    text = language("kk").ngettext("%(num)s fine, totalling %(total)s", "%(num)s fines, totalling %(total)s",
                                   count) % {"num": count, "total": "24 050 теңге"}
    assert text == (f"{count} айыппұл, сомасы — 24 050 теңге" if count == 1
                    else f"{count} айыппұлдың жалпы сомасы — 24 050 теңге")


def test_the_election_examples_kazakh_summaries_say_anonymous_and_name_each_charge_alike():
    # Reader s10 E6: «жасырын» is hidden, not anonymous («анонимді»); «жалған ақпарат таратты немесе «экстремизм»
    # деген айып» joined a verb and a noun under one «деген».
    from conftest import REPO

    rows = openpyxl.load_workbook(REPO / "intake" / "example-election" / "workbook.xlsx",
                                  read_only=True)["Events"].iter_rows(values_only=True)
    header = next(rows)
    summaries = " ".join(row[header.index("summary_kk")] or "" for row in rows)
    assert "«анонимді үгіт материалдары»" in summaries and "жасырын үгіт" not in summaries
    assert "жалған ақпарат таратқаны үшін немесе «экстремизм» үшін айып тағылды" in summaries


@pytest.mark.parametrize("placed, ru, kk", [
    (1, "принудительного помещения заявителя в психиатрическое учреждение",
     "шағымданушыны психиатриялық мекемеге мәжбүрлеп орналастыру"),
    (2, "принудительного помещения людей в психиатрические учреждения",
     "адамдарды психиатриялық мекемелерге мәжбүрлеп орналастыру")])
def test_the_request_to_investigate_a_psychiatric_placement_counts_the_people_placed(tmp_path, placed, ru, kk):
    # Reader s10 E3: one person placed read as «помещения людей в психиатрические учреждения», a pattern.
    people = [person(f"C{k}", id_document=str(k), given_name=name) for k, name in ((1, "Айгерим"), (2, "Дана"),
                                                                                  (3, "Сауле"))]
    episodes = [episode(f"C{k}", None, "psychiatric_placement", penalty="30 days") for k in range(1, placed + 1)]
    case = load(write_workbook(tmp_path / "case.xlsx", people=people,
                               episodes=[*episodes, episode("C3")]), ("ru", "kk"), TODAY).case
    assert ru in _document_text(case, "collective-complaint", "ru")
    assert kk in _document_text(case, "collective-complaint", "kk")


def test_a_collective_complaint_about_observers_speaks_of_public_affairs_and_elections(tmp_path):
    """Article 25 claimed for campaigners and observers, yet the summary, the requests and the brief's subtitle spoke
    only of assembly, expression and association (reader s10 E1); a case without an election ground keeps them."""
    told = {"en": ("and of the right to take part in the conduct of public affairs.", "for their part in elections,",
                   "on peaceful assemblies, on elections, on"),
            "ru": ("а также права на участие в ведении государственных дел.", "и в избирательном процессе,",
                   "о мирных собраниях, о выборах, об"),
            "kk": ("сондай-ақ мемлекеттік істерді жүргізуге қатысу құқығын", "және сайлау үдерісіне қатысқаны",
                   "бейбіт жиналыстар туралы, сайлау туралы,")}
    for ground, expected in (("election observation", True), ("protest", False)):
        path = write_workbook(tmp_path / f"{ground}.xlsx", people=[person("C1", poa_scope="publish, represent")],
                              episodes=[episode("C1", measure="fine", grounds=ground)])
        case = load(path, ("en", "ru", "kk"), TODAY).case
        for lang, phrases in told.items():
            complaint = _document_text(case, "collective-complaint", lang)
            assert all((phrase in complaint) is expected for phrase in phrases), (ground, lang)
        subtitle = {"en": "expression, association and participation in public affairs in Kazakhstan",
                    "ru": "свободы ассоциации и права на участие в ведении государственных дел",
                    "kk": "сондай-ақ мемлекеттік істерді жүргізуге қатысу құқығын пайдаланғаны үшін қудалау"}
        for lang, phrase in subtitle.items():
            assert (phrase in _document_text(case, "brief", lang)) is expected, (ground, lang, "brief")


def test_the_special_procedures_letter_and_the_wgad_letter_name_public_affairs_only_where_article_25_is_claimed(
        tmp_path):
    """The subject of the allegation letter and the Working Group's subtitle spoke only of expression, assembly and
    association where article 25 is claimed for an observer held (reader s10 E1); by the articles claimed for those
    listed, never by default: a protester's keep them, and a case title set in case.toml is the letter's subject."""
    told = {"en": "association and their right to take part in the conduct of public affairs",
            "ru": "мирных собраний и ассоциации, а также право на участие в ведении государственных дел",
            "kk": "бірлесу бостандықтарын, сондай-ақ мемлекеттік істерді жүргізуге қатысу құқығын жүзеге асырған"}
    for ground, expected in (("election observation", True), ("protest", False)):
        path = write_workbook(tmp_path / f"{ground}.xlsx", people=[person("C1", poa_scope="publish, represent")],
                              episodes=[episode("C1", measure="detention", grounds=ground)])
        case = load(path, ("en", "ru", "kk"), TODAY).case
        for lang, phrase in told.items():
            for document in ("special-procedures", "wgad"):
                assert (phrase in _document_text(case, document, lang)) is expected, (ground, lang, document)
    (tmp_path / "case").mkdir()
    path = write_workbook(tmp_path / "case" / "case.xlsx", people=[person("C1", poa_scope="publish, represent")],
                          episodes=[episode("C1", measure="detention", grounds="election observation")])
    (tmp_path / "case" / "case.toml").write_text('[title]\nen = "on the persecution of observers"\n', encoding="utf-8")
    case = load(tmp_path / "case", ("en",), TODAY).case
    letter = _document_text(case, "special-procedures", "en")
    assert "on the persecution of observers" in letter and told["en"] not in letter
    assert told["en"] in _document_text(case, "wgad", "en")
