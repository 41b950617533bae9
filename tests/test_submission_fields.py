"""The fields the UN bodies ask for, from the new optional columns: each blank (an open point, or
the sentence absent) and filled (printed in the document's language)."""

from __future__ import annotations

import datetime

import openpyxl
import pytest
from lxml import html as lxml_html
from test_attachments import pdf_bytes

from complaints.build import build, load
from complaints.context import document_context
from complaints.documents import REGISTRY
from complaints.open_points import OpenPoint
from complaints.pipeline import build_date
from complaints.render import DocumentHtml

from conftest import REMEDY_HEADER, TODAY, add_sheet, episode, flat, pdf_text, person, write_workbook

FILLED = {"nationality": "KZ", "place_of_birth": "Шымкент", "occupation": "journalist",
          "affiliation": "the Free Steppe movement", "other_procedures": "none"}
HELD = {"end_date": None, "place_of_detention": "Temporary detention centre No. 1", "warrant": "no",
        "authority": "court", "reasons_given": "participation in an unauthorised rally", "lawyer_access": "no",
        "case_number": "187-2018"}


def build_one(tmp_path, documents, langs=("en",), people_extra=None, episode_extra=None, case_toml=""):
    case = tmp_path / "case"
    case.mkdir(exist_ok=True)
    people = [person("C1", poa_scope="represent", **(people_extra or {}))]
    held = {"measure": "pretrial_detention", "legal_basis": "CC 405(2)"} | (episode_extra or {})
    episodes = [episode("C1", **held)]
    write_workbook(case / "case.xlsx", people=people, episodes=episodes)
    (case / "case.toml").write_text(case_toml, encoding="utf-8")
    return build(case, langs=langs, formats=["pdf"], documents=documents, output_root=tmp_path / "out", today=TODAY)


def text(result, relative):
    return flat(pdf_text(result.output / relative))


ORGANISATION = {"organisation", "organisation_address", "contact_person", "organisation_email"}
ORGANISATION_TOML = """[organisation]
email = "cases@example.org"
[organisation.name]
en = "the Initiative"
[organisation.address]
en = "1 Street, Town"
[organisation.contact_person]
en = "A. Person"
"""


def test_the_submitter_s_contacts_the_bodies_ask_for_are_open_points_where_case_toml_lacks_them(tmp_path):
    """«Адрес —», «Контактное лицо —» in the election case's SP letter and questionnaires (reader s11 G1): the
    forms ask how to reach the submitter, so a missing contact is asked, and a final build refuses it."""
    documents = ["hrc", "wgad-questionnaire", "special-procedures"]
    (tmp_path / "bare").mkdir()
    (tmp_path / "filled").mkdir()
    bare = build_one(tmp_path / "bare", documents)
    for key in ("en/hrc/C1", "en/wgad-questionnaire/C1", "en/special-procedures"):
        assert {point.field for point in bare.open_points[key]} >= ORGANISATION, key
    assert "[to complete: contact person of the submitting organisation]" in text(bare, "en/hrc/C1.pdf")
    filled = build_one(tmp_path / "filled", documents, case_toml=ORGANISATION_TOML)
    for key in ("en/hrc/C1", "en/wgad-questionnaire/C1", "en/special-procedures"):
        assert not ORGANISATION & {point.field for point in filled.open_points[key]}, key
    assert "A. Person" in text(filled, "en/hrc/C1.pdf")


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
    # (Other procedures not recorded while the same build goes to the Working Group: one question asks both.)
    assert {"nationality", "place_of_birth", "occupation", "wgad_parallel_and_other", "place_of_detention",
            "warrant", "lawyer_access", "reasons_given"} <= fields
    assert "[to complete: profession or activity]" in text(result, "en/special-procedures.pdf")


def test_a_nationality_no_language_can_name_is_a_warning_and_an_open_point(tmp_path):
    path = write_workbook(tmp_path / "case.xlsx", people=[person(nationality="Atlantis", articles="seven")])
    issues = {(i.code, i.column) for i in load(path, ("en",), TODAY).report.warnings}
    assert {("unknown-country", "nationality"), ("bad-articles", "articles")} <= issues
    result = build_one(tmp_path, ["hrc"], people_extra={"nationality": "Atlantis"})
    assert OpenPoint("C1", "nationality") in result.open_points["en/hrc/C1"]


def with_attachments(tmp_path, rows):
    """C1 held, with the Attachments sheet of `rows` (each file a one-page PDF beside the workbook)."""
    case = tmp_path / "case"
    case.mkdir(exist_ok=True)
    people = [person("C1", poa_scope="represent"),
              person("C2", id_document="2", date_of_birth=datetime.date(1991, 1, 1))]
    write_workbook(case / "case.xlsx", people=people,
                   episodes=[episode("C1", measure="pretrial_detention", legal_basis="CC 405(2)"),
                             episode("C2", measure="fine", legal_basis="CAO 488")])
    book = openpyxl.load_workbook(case / "case.xlsx")
    sheet = book.create_sheet("Attachments")
    sheet.append(["complainant_id", "kind", "file"])
    for row in rows:
        sheet.append(list(row))
        (case / row[2]).write_bytes(pdf_bytes())
    book.save(case / "case.xlsx")
    return build(case, langs=["en"], formats=["pdf"], documents=["hrc", "wgad-questionnaire"],
                 output_root=tmp_path / "out", today=TODAY)


@pytest.mark.parametrize("rows, asked", [
    ((), True),  # no Attachments sheet at all
    ((("C2", "power_of_attorney", "C2-poa.pdf"), ("C1", "decision", "C1-decision.pdf")), True),  # not C1's
    ((("C1", "power_of_attorney", "C1-poa.pdf"),), False),
])
def test_a_submission_without_its_authors_power_of_attorney_asks_for_the_scan(tmp_path, rows, asked):
    result = with_attachments(tmp_path, rows)
    for key in ("en/hrc/C1", "en/wgad-questionnaire/C1"):
        assert (OpenPoint("C1", "power_of_attorney") in result.open_points.get(key, ())) is asked, key
    communication = text(result, "en/hrc/C1.pdf")
    assert "[to complete: a scan of the signed power of attorney" in communication if asked else (
        "by a power of attorney of 2 June 2018 (annex 1)" in communication)


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
    # (A table cell's text may wrap around its neighbours' in the PDF's text: its first words.)
    for value in ("Temporary detention centre", "participation in an unauthorised rally", "case No. 187-2018",
                  "still held",
                  "Category III: the non-observance of the international norms relating to the right to a fair trial "
                  "is of such gravity as to give the deprivation of liberty an arbitrary character",
                  "Category V: the deprivation of liberty discriminated against the person for his or her political "
                  "or other opinion, as a member of the Free Steppe movement"):
        assert value in questionnaire, value
    fields = {p.field for p in result.open_points.get("en/wgad-questionnaire/C1", ())}
    assert not fields & {"place_of_detention", "warrant", "lawyer_access", "reasons_given", "arbitrariness"}
    released = build_one(tmp_path, ["wgad-questionnaire"], episode_extra={"end_date": datetime.date(2018, 6, 1),
                                                                          "lawyer_access": "yes"})
    questionnaire = text(released, "en/wgad-questionnaire/C1.pdf")
    assert "1 June 2018" in questionnaire and "still held" not in questionnaire and "Category III" not in questionnaire


def test_the_place_of_detention_and_the_reasons_print_in_the_documents_language_or_are_marked(tmp_path):
    translated = HELD | {"place_of_detention_ru": "ИВС ДП города Алматы", "reasons_given_ru": "участие в собрании",
                         "place_of_detention_kk": "Алматы қаласы ПД уақытша ұстау изоляторы"}
    result = build_one(tmp_path, ["wgad-questionnaire"], ("ru", "kk"), FILLED, translated)
    russian = text(result, "ru/wgad-questionnaire/C1.pdf")
    assert "ИВС ДП города Алматы" in russian and "участие в собрании" in russian
    assert "Temporary detention centre" not in russian and "unauthorised rally" not in russian
    kazakh = text(result, "kk/wgad-questionnaire/C1.pdf")
    # (A table cell's text may wrap around its neighbours' in the PDF's text: its first words.)
    assert "Алматы қаласы" in kazakh and "Temporary detention centre" not in kazakh
    # No Kazakh reasons: another language's text, marked as such, never silently.
    assert "участие в собрании [түпнұсқа тілі: орыс тілі]" in kazakh


def test_urgent_appeals_are_built_on_request_for_people_still_held(tmp_path):
    urgent = 'documents = ["wgad-urgent", "special-procedures-urgent"]\nurgency = "Health at risk in custody."\n'
    held = build_one(tmp_path, None, people_extra=FILLED, episode_extra=HELD, case_toml=urgent)
    assert sorted(p.relative_to(held.output).as_posix() for p in held.files) == [
        "en/special-procedures-urgent.pdf", "en/wgad-urgent.pdf"]
    appeal = text(held, "en/wgad-urgent.pdf")
    assert "Health at risk in custody." in appeal and "Temporary detention centre No. 1" in appeal
    # What was done to the person, so that the mandate holders can act on the appeal alone (reader s10 U2).
    for name in ("en/wgad-urgent.pdf", "en/special-procedures-urgent.pdf"):
        assert ("The facts No. 1, Aigerim Ospanova: • 10 May 2018, Almaty: custody as a preventive measure in the case "
                "under art. 405(2) CC (court).") in text(held, name), name
    # One person: "the person concerned", not "each of them" (reader s8).
    assert "The person concerned has authorised the submitting organisation" in appeal
    # Without the reason, the open point does not repeat the words before it.
    unexplained = build_one(tmp_path, None, people_extra=FILLED, episode_extra=HELD,
                            case_toml='documents = ["wgad-urgent"]\n')
    assert ("Why the matter is urgent: [to complete: the risk to the person's life, health or integrity that makes "
            "the matter urgent]") in text(unexplained, "en/wgad-urgent.pdf")
    # Its subtitle is by the count, one person, and names the right claimed for a custody under art. 405 CC (reader
    # s10 U3).
    assert ("liberty of a person who exercised his or her right to freedom of association"
            in text(unexplained, "en/wgad-urgent.pdf"))
    released = build_one(tmp_path, ["wgad-urgent"], episode_extra={"end_date": datetime.date(2018, 6, 1)})
    assert released.files == []
    default = build_one(tmp_path, None, people_extra=FILLED, episode_extra=HELD)
    assert not any("urgent" in p.name for p in default.files)


@pytest.mark.parametrize("measures, heading", [
    (["imprisonment"], "Место отбывания наказания"),
    (["pretrial_detention"], "Место содержания"),
    (["imprisonment", "pretrial_detention"], "Место содержания (отбывания наказания)")])
def test_the_urgent_appeal_heads_the_place_by_the_measures_of_its_rows(tmp_path, measures, heading):
    """A convict serves a sentence and is not «содержится» (reader s9 F51): the column's heading as the open point."""
    people = [person(f"C{k}", id_document=str(k)) for k, _ in enumerate(measures, 1)]
    episodes = [episode(f"C{k}", measure=measure, date=datetime.date(2026, 6, 1), penalty="10 years")
                for k, measure in enumerate(measures, 1)]
    path = write_workbook(tmp_path / "case.xlsx", people=people, episodes=episodes)
    loaded = load(path, ("ru",), TODAY)
    day = build_date(loaded.settings, TODAY)
    appeal = DocumentHtml(REGISTRY["wgad-urgent"], "ru", document_context(loaded.case, REGISTRY["wgad-urgent"], "ru",
                                                                          day), day)
    headings = [flat(th.text_content()) for th in lxml_html.document_fromstring(appeal.html).iter("th")]
    assert headings[3] == heading


@pytest.mark.parametrize("document", ["wgad-urgent", "special-procedures-urgent"])
def test_the_urgent_appeal_dates_the_deprivation_of_liberty_from_its_first_unbroken_measure(tmp_path, document):
    """Held in custody from 18 April to the verdict of 30 July, then serving it: deprived of liberty since April, not
    since July (reader s10 U1). A custody that ended days before the sentence began is not part of it."""
    def cell(custody_end):
        episodes = [episode("C1", measure="pretrial_detention", date=datetime.date(2026, 4, 18), end_date=custody_end),
                    episode("C1", measure="conviction", date=datetime.date(2026, 7, 30), legal_basis="CC 174",
                            penalty="3 years' imprisonment"),
                    episode("C1", measure="imprisonment", date=datetime.date(2026, 7, 30), penalty="3 years")]
        path = write_workbook(tmp_path / "case.xlsx", people=[person("C1")], episodes=episodes)
        loaded = load(path, ("ru", "en"), TODAY)
        day = build_date(loaded.settings, TODAY)
        cells = {}
        for lang in ("ru", "en"):
            html = DocumentHtml(REGISTRY[document], lang, document_context(loaded.case, REGISTRY[document], lang, day),
                                day).html
            cells[lang] = flat(lxml_html.document_fromstring(html).find(".//tbody/tr/td[3]").text_content())
        return cells
    joined = cell(datetime.date(2026, 7, 30))
    assert joined["ru"] == ("18 апреля 2026 года (содержание под стражей); 30 июля 2026 года (лишение свободы по "
                            "приговору суда)")
    assert joined["en"].startswith("18 April 2026 (pre-trial detention); 30 July 2026 (")
    assert cell(datetime.date(2026, 7, 20))["en"].startswith("30 July 2026 (")


@pytest.mark.parametrize("document", ["wgad-urgent", "special-procedures-urgent"])
def test_the_urgent_appeal_tells_a_verdict_and_its_imprisonment_as_one_fact_with_what_keeps_it_open(tmp_path,
                                                                                                   document):
    """The verdict, its sentence, its entry into force and the serving in one item, as the letter tells them (reader
    s10 N-new-2: «30 июля: обвинительный приговор…» then «30 июля: лишение свободы по приговору от 30 июля…»), and the
    petition for review not yet decided."""
    episodes = [episode("C1", None, measure="conviction", date=datetime.date(2026, 3, 30), legal_basis="CC 174",
                        penalty="3 years' imprisonment", authority="Almaty City Court"),
                episode("C1", None, measure="imprisonment", date=datetime.date(2026, 3, 30), penalty="3 years",
                        authority="Almaty City Court", description="Sent to a colony.")]
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1")], episodes=episodes)
    add_sheet(path, "Remedies", REMEDY_HEADER,
              [["C1", datetime.date(2026, 4, 10), "Almaty City Court", "appeal", "dismissed",
                datetime.date(2026, 6, 28)],
               ["C1", datetime.date(2026, 8, 3), "Supreme Court", "review", None, None]])
    loaded = load(path, ("en", "ru", "kk"), TODAY)
    day = build_date(loaded.settings, TODAY)
    facts = {}
    for lang in ("en", "ru", "kk"):
        html = DocumentHtml(REGISTRY[document], lang, document_context(loaded.case, REGISTRY[document], lang, day),
                            day).html
        facts[lang] = [flat(li.text_content()) for li in lxml_html.document_fromstring(html).iter("li")]
    assert facts["en"][0] == ("30 March 2026, Almaty: conviction under art. 174 CC, penalty: 3 years of imprisonment "
                              "(Almaty City Court). The verdict entered into force on 28 June 2026. Sent to a colony.")
    assert facts["ru"][0].startswith("30 марта 2026 года, Алматы: обвинительный приговор по ст. 174 УК РК, наказание: "
                                     "3 года лишения свободы")
    assert "Приговор вступил в законную силу 28 июня 2026 года." in facts["ru"][0]
    assert "Үкімнің заңды күшіне енген күні — 2026 жылғы 28 маусым." in facts["kk"][0]
    for lang in facts:
        assert len(facts[lang]) == 2, facts[lang]
    assert facts["en"][1] == ("3 August 2026 — petition for review (Supreme Court of the Republic of Kazakhstan) "
                              "against the verdict of 30 March 2026: not yet decided.")
    assert facts["ru"][1] == ("3 августа 2026 года — ходатайство о пересмотре приговора от 30 марта 2026 года "
                              "(Верховный суд Республики Казахстан): ещё не рассмотрено.")
    assert facts["kk"][1] == ("2026 жылғы 3 тамыз — 2026 жылғы 30 наурыздағы үкімді қайта қарау туралы өтінішхат "
                              "(Қазақстан Республикасының Жоғарғы Соты): әлі қаралмаған.")


WGAD_SUBTITLE = {"en": "Arbitrary deprivation of liberty of ", "ru": "о произвольном лишении свободы ", "kk": ""}
SP_SUBTITLE = {"en": "on the persecution in the Republic of Kazakhstan of ", "ru": "о преследовании в Республике "
               "Казахстан ", "kk": "Қазақстан Республикасында "}


@pytest.mark.parametrize("document, opening", [("wgad-urgent", WGAD_SUBTITLE),
                                               ("special-procedures-urgent", SP_SUBTITLE)])
@pytest.mark.parametrize("cells, en, ru, kk", [
    (["+19"], "a person who exercised his or her right to freedom of expression",
     "лица, осуществлявшего своё право на свободу выражения мнений", "пікір білдіру бостандығын жүзеге асырған адам"),
    (["+21, +22"], "a person who exercised his or her rights to freedom of peaceful assembly and freedom of "
     "association", "лица, осуществлявшего свои права на свободу мирных собраний и свободу ассоциации",
     "бейбіт жиналыс бостандығын және бірлесу бостандығын жүзеге асырған адам"),
    (["+25"], "a person who exercised his or her right to participation in the conduct of public affairs",
     "лица, осуществлявшего своё право на участие в ведении государственных дел",
     "мемлекеттік істерді жүргізуге қатысу құқығын жүзеге асырған адам"),
    (["+25", "+19, +22"], "people who exercised their rights to freedom of expression, freedom of association, and "
     "participation in the conduct of public affairs", "лиц, осуществлявших свои права на свободу выражения мнений, "
     "свободу ассоциации и участие в ведении государственных дел", "пікір білдіру бостандығын, бірлесу бостандығын, "
     "мемлекеттік істерді жүргізуге қатысу құқығын жүзеге асырған адамдар"),
    ([""], "a person", "лица", "адам")])
def test_the_urgent_appeal_names_the_rights_claimed_for_the_persons_it_lists(tmp_path, document, opening, cells, en,
                                                                              ru, kk):
    """One person convicted for a post exercised freedom of expression, not of assembly and association (reader s10
    U3): the subtitle names the rights of the articles claimed (the lawyer's articles cell here), in the Covenant's
    order; none claimed, none named. The case's title, which tells the whole case, is not theirs."""
    (tmp_path / "case.toml").write_text('[title]\nen = "on the persecution of participants in peaceful assemblies"\n'
                                        'ru = "о преследовании участников мирных собраний"\n'
                                        'kk = "бейбіт жиналыстарға қатысушыларды қудалау туралы"\n', encoding="utf-8")
    people = [person(f"C{k}", id_document=str(k), articles=cell) for k, cell in enumerate(cells, 1)]
    episodes = [episode(f"C{k}", None, measure="pretrial_detention", date=datetime.date(2026, 10, 1),
                        penalty="2 months") for k in range(1, len(cells) + 1)]
    loaded = load(write_workbook(tmp_path / "case.xlsx", people=people, episodes=episodes), ("en", "ru", "kk"), TODAY)
    day = build_date(loaded.settings, TODAY)
    for lang, rights in (("en", en), ("ru", ru), ("kk", kk)):
        html = DocumentHtml(REGISTRY[document], lang, document_context(loaded.case, REGISTRY[document], lang, day),
                            day).html
        subtitle = flat(lxml_html.document_fromstring(html).find_class("subtitle")[0].text_content())
        expected = opening[lang] + rights
        # (Kazakh puts the rights before the verb and the person: the rest of its subtitle follows them.)
        assert subtitle == expected if lang != "kk" else subtitle.startswith(expected[:1].upper() + expected[1:]), (
            lang, subtitle)


def test_a_custody_whose_term_ran_out_with_no_end_recorded_is_never_still_held_but_an_open_point(tmp_path):
    # Pre-trial detention for two months from 10 May 2018, no end recorded: on the documents' date
    # (TODAY, years later) whether the person is still held is not known.
    lapsed = HELD | {"penalty": "2 months"}
    urgent = ('documents = ["wgad", "wgad-questionnaire", "wgad-urgent", "special-procedures", "hrc"]\n'
              'urgency = "Health at risk."\n')
    result = build_one(tmp_path, None, people_extra=FILLED, episode_extra=lapsed, case_toml=urgent)
    assert "en/wgad-urgent.pdf" not in [p.relative_to(result.output).as_posix() for p in result.files]
    letter, questionnaire = text(result, "en/wgad.pdf"), text(result, "en/wgad-questionnaire/C1.pdf")
    allegation, communication = text(result, "en/special-procedures.pdf"), text(result, "en/hrc/C1.pdf")
    status = "[to complete: whether the person is still deprived of liberty, or the date of release]"
    for document in (letter, questionnaire, allegation):
        assert "still held" not in document and status in document
    assert "immediate release" not in allegation and "release the author" not in communication
    # A fact of the communication (IV), which names its subject the author (reader s9 final); the remedy sought
    # asks the lawyer whether to ask for release (V).
    author_status = "[to complete: whether the author is still deprived of liberty, or the date of release]"
    assert "still held" not in communication and status not in communication
    facts, remedies = communication.split("V. Remedies sought")[0], communication.split("V. Remedies sought")[1]
    assert author_status in facts and author_status not in remedies.split("VI.")[0]
    assert ("[to complete: whether to ask for the author's immediate release, if the deprivation of liberty "
            "continues]") in remedies
    assert OpenPoint("C1", "release_request") in result.open_points["en/hrc/C1"]
    assert OpenPoint("C1", "detention_status") in result.open_points["en/wgad-questionnaire/C1"]
    assert OpenPoint("C1", "author_detention_status") in result.open_points["en/hrc/C1"]
    # Within its term the same custody is still held, and the urgent request is built.
    current = build_one(tmp_path, None, people_extra=FILLED, episode_extra=HELD | {"penalty": "20 years"},
                        case_toml=urgent)
    assert "en/wgad-urgent.pdf" in [p.relative_to(current.output).as_posix() for p in current.files]
    assert "still held" in text(current, "en/wgad.pdf") and status not in text(current, "en/wgad.pdf")


def test_the_lawyer_adds_and_removes_articles_per_author(tmp_path):
    result = build_one(tmp_path, ["hrc"], people_extra={"articles": "+7, -14"})
    communication = text(result, "en/hrc/C1.pdf")
    assert "Article 7" in communication and "Article 14" not in communication
    assert "Article 22: freedom of association — facts: 10 May 2018 (pre-trial detention)" in communication


def two_authors(tmp_path, case_toml=""):
    """C1 held under administrative arrest, C2 fined; powers of attorney for everything, so that the
    collective complaint, the Special Procedures' letter and the Working Group all take their cases."""
    case = tmp_path / "case"
    case.mkdir(exist_ok=True)
    people = [person("C1", other_procedures="none"),
              person("C2", id_document="2", date_of_birth=datetime.date(1991, 1, 1), other_procedures="none")]
    episodes = [episode("C1", measure="administrative_arrest", legal_basis="CAO 488", authority="court"),
                episode("C2", measure="fine", legal_basis="CAO 488")]
    write_workbook(case / "case.xlsx", people=people, episodes=episodes)
    (case / "case.toml").write_text(case_toml, encoding="utf-8")
    return build(case, langs=["en"], formats=["pdf"], documents=["hrc"], output_root=tmp_path / "out", today=TODAY)


def test_the_communication_names_each_other_procedure_once_and_argues_only_what_the_case_law_settles(tmp_path):
    result = two_authors(tmp_path)
    held, fined = text(result, "en/hrc/C1.pdf"), text(result, "en/hrc/C2.pdf")
    assert ("At the same time as this communication, the representative submits the author's case to: the UN "
            "Special Procedures; the OSCE Office for Democratic Institutions and Human Rights; the UN Working Group "
            "on Arbitrary Detention.") in held
    assert ("submits the author's case to: the UN Special Procedures; the OSCE Office for Democratic Institutions "
            "and Human Rights.") in fined
    for communication in (held, fined):
        assert communication.count("submits the author's case to") == 1
        assert ("such extra-conventional mechanisms do not constitute a procedure of international investigation or "
                "settlement within the meaning of article 5, paragraph 2 (a), of the Optional Protocol") \
            in communication
        assert "it does not examine individual complaints" in communication
    # The Working Group has the same person's case: said, and the argument is left to the representative.
    assert "is asked for an opinion on the author's own deprivation of liberty: the same person and the same facts" \
        in held
    assert "Working Group" not in fined
    # Held at the document's date (an arrest without an end date): the communication asks for release.
    assert "release the author without delay" in held and "release the author" not in fined
    assert OpenPoint("C1", "wgad_parallel") in result.open_points["en/hrc/C1"]
    assert not any(p.field == "wgad_parallel" for p in result.open_points["en/hrc/C2"])
    argued = two_authors(tmp_path, '[wgad_parallel]\nen = "The Working Group is not a treaty body."\n')
    assert "the same person and the same facts. The Working Group is not a treaty body." in text(argued,
                                                                                                "en/hrc/C1.pdf")
    assert not any(p.field == "wgad_parallel" for p in argued.open_points["en/hrc/C1"])


def with_remedies(tmp_path, rows):
    case = tmp_path / "case"
    case.mkdir(parents=True, exist_ok=True)
    path = write_workbook(case / "case.xlsx", people=[person("C1", poa_scope="represent", other_procedures="none")],
                          episodes=[episode("C1", measure="administrative_arrest", legal_basis="CAO 488")])
    add_sheet(path, "Remedies", REMEDY_HEADER, [["C1", *row] for row in rows])
    (case / "case.toml").write_text('documents = ["hrc"]\n', encoding="utf-8")
    result = build(case, langs=["en"], formats=["pdf"], documents=["hrc"], output_root=tmp_path / "out", today=TODAY)
    return text(result, "en/hrc/C1.pdf"), {p.field for p in result.open_points.get("en/hrc/C1", ())}


APPEAL = (datetime.date(2018, 5, 15), "Almaty City Court", "appeal", "dismissed", datetime.date(2018, 6, 1))
CASSATION = (datetime.date(2018, 6, 20), "Supreme Court", "cassation", None, None)
PROTEST = (datetime.date(2018, 6, 25), "Prosecutor General's Office", "protest", "refused", datetime.date(2018, 7, 9))


def test_exhaustion_is_argued_from_the_status_and_kind_of_each_remedy(tmp_path):
    communication, fields = with_remedies(tmp_path, [])
    assert "domestic_remedies" in fields and "Still pending" not in communication
    # Decided: listed, nothing pending, nothing to add.
    communication, fields = with_remedies(tmp_path, [APPEAL])
    assert "15 May 2018 — appeal (Almaty City Court): dismissed (1 June 2018)." in communication
    assert not fields & {"domestic_remedies", "pending_remedies"} and "Still pending" not in communication
    # A cassation appeal not yet decided: the list says so, once, and why the communication does not wait is
    # the lawyer's point, right after it.
    communication, fields = with_remedies(tmp_path, [APPEAL, CASSATION])
    assert ("20 June 2018 — cassation appeal (Supreme Court of the Republic of Kazakhstan): not yet decided. "
            "[to complete: why the communication is submitted before the pending remedy is decided") in communication
    assert communication.count("20 June 2018 — cassation appeal") == 1
    assert "pending_remedies" in fields
    # A request for a prosecutor's protest is a discretionary review, which the Committee does not require.
    communication, fields = with_remedies(tmp_path, [APPEAL, PROTEST])
    assert ("A request that the prosecutor bring a protest against a decision in force opens a review at the "
            "prosecutor's discretion: 25 June 2018: request for a prosecutor's protest (Prosecutor General's Office of "
            "the Republic of Kazakhstan).") in communication
    assert "not an effective remedy that must be exhausted under article 5, paragraph 2 (b)" in communication
    assert not fields & {"domestic_remedies", "pending_remedies"}
    # Only the discretionary request: the remedies that count are still to be stated.
    communication, fields = with_remedies(tmp_path, [PROTEST[:3] + (None, None)])
    assert "domestic_remedies" in fields and "pending_remedies" not in fields


POLICE_COMPLAINT = (datetime.date(2018, 5, 20), "Прокуратура г. Алматы", "complaint", "refused",
                    datetime.date(2018, 6, 5))
COURT_COMPLAINT = (datetime.date(2018, 6, 10), "Алмалинский районный суд г. Алматы", "complaint", None, None)


def test_remedies_before_no_court_are_never_said_to_exhaust_but_asked_about(tmp_path):
    # Only a complaint to the prosecutor, and a request for a protest: the Committee asks why no court was seized.
    communication, fields = with_remedies(tmp_path, [POLICE_COMPLAINT, PROTEST])
    assert "court_remedy" in fields and "domestic_remedies" not in fields
    assert "No remedy before a court is recorded. [to complete: why no remedy before a court was used" in communication
    # A complaint to a court, even one still pending, or an appeal: nothing to ask.
    for rows in ([POLICE_COMPLAINT, COURT_COMPLAINT], [POLICE_COMPLAINT, APPEAL]):
        communication, fields = with_remedies(tmp_path, rows)
        assert "court_remedy" not in fields and "No remedy before a court" not in communication


def test_the_working_groups_parallel_examination_and_the_other_procedures_are_one_question(tmp_path):
    case = tmp_path / "case"
    case.mkdir(exist_ok=True)
    write_workbook(case / "case.xlsx", people=[person("C1")],
                   episodes=[episode("C1", measure="administrative_arrest", legal_basis="CAO 488", authority="court")])
    result = build(case, langs=["en"], formats=["pdf"], documents=["hrc"], output_root=tmp_path / "out", today=TODAY)
    fields = [p.field for p in result.open_points["en/hrc/C1"]]
    assert "wgad_parallel_and_other" in fields
    assert not {"wgad_parallel", "other_procedures"} & set(fields)
    assert text(result, "en/hrc/C1.pdf").count("[to complete: the representative's position") == 1


def test_the_special_procedures_count_people_per_provision_and_name_only_the_states_bodies(tmp_path):
    case = tmp_path / "case"
    case.mkdir(exist_ok=True)
    # One person suspected, held and convicted under one provision: one person, three acts; an employer dismissed her.
    episodes = [episode("C1", measure="criminal_case", legal_basis="CC 174", authority="National Security Committee"),
                episode("C1", measure="pretrial_detention", legal_basis="CC 174", authority="court",
                        date=datetime.date(2018, 5, 12)),
                episode("C1", measure="conviction", legal_basis="CC 174", authority="court",
                        date=datetime.date(2018, 7, 30)),
                episode("C1", measure="dismissal", authority="Steppe Service LLP", date=datetime.date(2018, 8, 1)),
                episode("C2", measure="fine", legal_basis="CAO 488", authority="court")]
    write_workbook(case / "case.xlsx", people=[person("C1", poa_scope="represent"),
                                               person("C2", poa_scope="represent", id_document="2")], episodes=episodes)
    result = build(case, langs=["en"], formats=["pdf"], documents=["special-procedures"],
                   output_root=tmp_path / "out", today=TODAY)
    letter = text(result, "en/special-procedures.pdf")
    assert "Article 174 of the Criminal Code: 1 person (3 acts)" in letter
    assert "Article 488 of the Code of Administrative Offences: 1 person" in letter and "(1 act)" not in letter
    perpetrators = letter.split("3. Alleged perpetrators")[1].split("4. What happened")[0]
    assert "National Security Committee" in perpetrators and "Steppe Service LLP" not in perpetrators
    assert "Steppe Service LLP" in letter  # the dismissal is still told among the facts


def test_the_working_groups_cover_letter_keeps_to_its_mandate_and_numbers_those_still_held(tmp_path):
    case = tmp_path / "case"
    case.mkdir(exist_ok=True)
    write_workbook(case / "case.xlsx", people=[person("C1", poa_scope="represent"),
                                               person("C2", poa_scope="represent", id_document="2")],
                   episodes=[episode("C1", measure="detention", end_date=datetime.date(2018, 5, 10)),
                             episode("C2", measure="pretrial_detention", legal_basis="CC 174")])
    (case / "case.toml").write_text('[title]\nen = "Persecution of protesters"\n', encoding="utf-8")
    result = build(case, langs=["en", "ru"], formats=["pdf"], documents=["wgad"], output_root=tmp_path / "out",
                   today=TODAY)
    letter = text(result, "en/wgad.pdf")
    assert "1 of them is still deprived of liberty at the date of this letter (No. 2)." in letter
    assert "(№ 2)" in text(result, "ru/wgad.pdf")
    assert "Arbitrary deprivation of liberty of people who exercised" in letter
    assert "Persecution of protesters" not in letter


def test_the_forces_who_arrested_are_the_arresting_body_never_the_court_that_ordered_it(tmp_path):
    def forces(episode_extra):
        result = build_one(tmp_path, ["wgad-questionnaire"], episode_extra=episode_extra)
        questionnaire = text(result, "en/wgad-questionnaire/C1.pdf")
        return (questionnaire.split("3. Forces who carried out the arrest")[1].split("4. Reasons given")[0].strip(),
                {p.field for p in result.open_points["en/wgad-questionnaire/C1"]})

    row, fields = forces({"measure": "administrative_arrest", "authority": "Specialised Court"})
    assert row == "[to complete: forces who carried out the arrest]" and "arresting_authority" in fields
    row, fields = forces({"measure": "administrative_arrest", "authority": "Specialised Court",
                          "arrested_by": "Special Rapid Response Unit"})
    assert row == "Special Rapid Response Unit" and "arresting_authority" not in fields
    # A detention's authority is the body that detained.
    row, fields = forces({"measure": "detention", "authority": "Police Department"})
    assert row == "Police Department" and "arresting_authority" not in fields


def osce(tmp_path, episodes, case_toml="", langs=("en",)):
    case = tmp_path / "case"
    case.mkdir(exist_ok=True)
    people = [person("C1", poa_scope="represent"),
              person("C2", poa_scope="represent", id_document="2", date_of_birth=datetime.date(1991, 1, 1))]
    write_workbook(case / "case.xlsx", people=people, episodes=episodes)
    (case / "case.toml").write_text(case_toml, encoding="utf-8")
    return build(case, langs=langs, formats=["pdf"], documents=["osce"], output_root=tmp_path / "out", today=TODAY)


def test_the_osce_contribution_cites_only_the_copenhagen_commitments_the_recorded_facts_engage(tmp_path):
    # A fine for a rally (article 21) only: the commitment on assembly, for one person.
    fined = text(osce(tmp_path, [episode("C1", measure="fine", legal_basis="CAO 488"),
                                 episode("C2", measure="search")]), "en/osce.pdf")
    assert ("Document of the Copenhagen Meeting of the Conference on the Human Dimension of the CSCE (1990)"
            in fined)
    assert "paragraph 9.2, the right of peaceful assembly and demonstration: 1 person" in fined
    assert "paragraph 9.1" not in fined and "paragraph 9.3" not in fined
    # Posts (article 19) and membership (article 22) for both.
    both = osce(tmp_path, [episode(cid, measure="criminal_case", legal_basis="CC 405(2)", grounds="online_post")
                           for cid in ("C1", "C2")], langs=("en", "ru"))
    assert "paragraph 9.1, freedom of expression" in text(both, "en/osce.pdf")
    assert "paragraph 9.3, the right of association: 2 persons" in text(both, "en/osce.pdf")
    assert "пункт 9.3, право на ассоциацию: 2 человека" in text(both, "ru/osce.pdf")
    # Nothing recorded that engages expression, assembly or association: no commitment, no section.
    searched = text(osce(tmp_path, [episode("C1", measure="search"), episode("C2", measure="search")]), "en/osce.pdf")
    assert "OSCE commitments concerned" not in searched and "Copenhagen" not in searched
    assert "Moscow" not in fined + searched  # no one deprived of liberty
    # A detention (article 9): the Moscow Document's paragraph on arrest and detention, for that person.
    detained = text(osce(tmp_path, [episode("C1", measure="detention", grounds="other"),
                                    episode("C2", measure="search")]), "en/osce.pdf")
    assert ("Document of the Moscow Meeting of the Conference on the Human Dimension of the CSCE (1991), for the "
            "persons deprived of liberty: • paragraph 23.1, the guarantees against arbitrary arrest and detention: "
            "1 person") in detained and "Copenhagen" not in detained


def test_the_osce_contribution_counts_the_acts_connected_with_no_event(tmp_path):
    linked = [episode("C1", measure="fine"), episode("C2", measure="fine")]
    assert "connected with none of these events" not in text(osce(tmp_path, linked), "en/osce.pdf")
    unlinked = linked + [episode("C2", event_id=None, measure="search", date=datetime.date(2018, 7, 1))]
    assert "Other acts, connected with none of these events: 1 act" in text(osce(tmp_path, unlinked), "en/osce.pdf")


@pytest.mark.parametrize("setting, field", [
    ("", "osce_meeting"),  # the meeting's date not given
    ("[osce]\nopens = 2018-09-10\n", "osce_meeting_passed"),  # dated 1 November 2018, after it opened
    ("[osce]\nopens = 2019-09-16\n", None),
])
def test_an_osce_contribution_dated_after_its_meeting_opened_is_an_open_point(tmp_path, setting, field):
    result = osce(tmp_path, [episode("C1", measure="fine"), episode("C2", measure="fine")],
                  "build_date = 2018-11-01\n" + setting)
    fields = {point.field for point in result.open_points.get("en/osce", ())}
    assert fields & {"osce_meeting", "osce_meeting_passed"} == ({field} if field else set())
    if field is None:
        assert "16 September 2019" in text(result, "en/osce.pdf")


def domestic(tmp_path, episodes, langs=("en",), people_extra=None):
    """people_extra: more cells of C1's row."""
    case = tmp_path / "case"
    case.mkdir(exist_ok=True)
    people = [person("C1", **(people_extra or {})),
              person("C2", id_document="2", date_of_birth=datetime.date(1991, 1, 1))]
    write_workbook(case / "case.xlsx", people=people, episodes=episodes)
    return build(case, langs=langs, formats=["pdf"], documents=["domestic-complaint"], output_root=tmp_path / "out",
                 today=TODAY)


def test_the_domestic_complaint_cites_the_constitution_only_where_the_recorded_facts_concern_it(tmp_path):
    episodes = [episode("C1", measure="detention", lawyer_access="no", treatment="force used", grounds="protest"),
                episode("C1", measure="fine", legal_basis="CAO 488"),
                episode("C2", measure="search", treatment="phone seized"),
                episode("C2", measure="criminal_case", legal_basis="CC 174")]
    result = domestic(tmp_path, episodes, ("en", "ru"))
    complaint = text(result, "en/domestic-complaint.pdf")
    for right in ("the right to qualified legal assistance (article 13(3)): 1 complainant",
                  "the right to personal liberty (article 16): 1 complainant",
                  "(article 18): 1 complainant", "freedom of speech (article 20): 1 complainant",
                  "(article 32): 1 complainant"):
        assert right.capitalize() in complaint or right in complaint, right
    assert "freedom of association (article 23)" not in complaint
    # Force used engages article 17(2), as article 7 of the Covenant, only as the lawyer decides (reader s8).
    assert "(article 17(2)): 1 complainant" not in complaint
    assert ("[to complete: whether article 17(2) of the Constitution (torture, violence and other cruel or degrading "
            "treatment) is invoked for the force used against the person or the statement forced from him or her, and "
            "on which facts] (concerns 1 complainant)") in complaint
    # A search not recorded as of the person's home or not: article 25 turns on it, so it is asked (reader s9).
    assert ("[to complete: whether the searches were of the complainants' homes, for article 25 of the Constitution "
            "(inviolability of the home): the Episodes column home_searched] (concerns 1 complainant)") in complaint
    assert "(article 25): 1 complainant" not in complaint
    # The assemblies of 2018: the 1995 decree, not the 2020 law.
    assert "17 March 1995 No. 2126" in complaint and "333-VI" not in complaint
    russian = text(result, "ru/domestic-complaint.pdf")
    assert "(пункт 3 статьи 13): касается 1 заявителя" in russian
    assert "проводились ли обыски в жилище заявителей — для статьи 25 Конституции" in russian
    # Recorded: a home searched is cited under article 25; a search elsewhere is not, and nothing is asked.
    for home, cited in (("yes", True), ("no", False)):
        recorded = [e | {"home_searched": home} if e["measure"] == "search" else e for e in episodes]
        result = domestic(tmp_path, recorded, ("en", "kk"))
        complaint = text(result, "en/domestic-complaint.pdf")
        assert ("The inviolability of the home (article 25): 1 complainant" in complaint) is cited
        assert "home_searched" not in complaint
        assert ("Тұрғын үйге қол сұғылмаушылық (25-бап)" in text(result, "kk/domestic-complaint.pdf")) is cited
    unsearched = [e for e in episodes if e["measure"] != "search"]
    assert "article 25" not in text(domestic(tmp_path, unsearched), "en/domestic-complaint.pdf")



def test_a_phone_taken_or_checked_alone_asks_for_article_18_rather_than_asserting_it(tmp_path):
    """The workbook's one tag for a phone "taken or checked" counted article 18 of the Constitution (secrecy of
    correspondence) for people whose phone may only have been taken (reader s11 S3b): asked, not asserted; a search
    or fingerprints taken still concern private life on their own."""
    phone = [episode("C1", measure="detention", treatment="phone seized")]
    result = domestic(tmp_path, phone, ("en", "ru", "kk"))
    complaint = text(result, "en/domestic-complaint.pdf")
    assert "(article 18): 1 complainant" not in complaint
    assert ("[to complete: whether the phones recorded as taken or checked were searched (their messages or data "
            "read), for article 18 of the Constitution (private life, secrecy of correspondence and telephone "
            "conversations) and article 17 of the Covenant: +17 or -17 in the Complainants column articles] "
            "(concerns 1 complainant)") in complaint
    assert "досматривались ли телефоны, отмеченные как изъятые или проверенные" in text(
        result, "ru/domestic-complaint.pdf")
    assert "алынған немесе тексерілген деп белгіленген телефондар" in text(result, "kk/domestic-complaint.pdf")
    # The lawyer's answer: article 17 claimed cites article 18 of the Constitution; ruled out, neither.
    for decision, cited in (("+17", True), ("-17", False)):
        complaint = text(domestic(tmp_path, phone, people_extra={"articles": decision}), "en/domestic-complaint.pdf")
        assert ("(article 18): 1 complainant" in complaint) is cited and "phones recorded as taken" not in complaint
    fingerprinted = [episode("C1", measure="detention", treatment="phone seized, fingerprints taken")]
    complaint = text(domestic(tmp_path, fingerprinted), "en/domestic-complaint.pdf")
    assert "(article 18): 1 complainant" in complaint and "phones recorded as taken" not in complaint


def test_the_domestic_complaint_cites_the_assembly_law_in_force_on_the_day_of_each_assembly(tmp_path):
    later = [episode("C1", measure="fine", legal_basis="CAO 488", date=datetime.date(2021, 1, 10)),
             episode("C2", measure="interrogation")]
    complaint = text(domestic(tmp_path, later), "en/domestic-complaint.pdf")
    assert "25 May 2020 No. 333-VI" in complaint and "No. 2126" not in complaint
    both = later + [episode("C2", measure="detention", grounds="protest")]
    complaint = text(domestic(tmp_path, both), "en/domestic-complaint.pdf")
    assert "No. 2126" in complaint and "No. 333-VI" in complaint
    # No assembly, no liberty, no lawyer, no privacy recorded: no article of the Constitution at all.
    quiet = text(domestic(tmp_path, [episode("C1", measure="interrogation"), episode("C2", measure="threats")]),
                 "en/domestic-complaint.pdf")
    assert "guaranteed by the Constitution" not in quiet and "No. 2126" not in quiet


@pytest.mark.parametrize("day, law, asked", [
    (datetime.date(2020, 5, 24), "No. 2126", False),  # the day before the 2020 Law was signed
    (datetime.date(2020, 6, 1), None, True),  # signed, in force on a day not checked: the lawyer says which
    (datetime.date(2020, 6, 25), "No. 333-VI", False),  # in force by then (a maslikhat decided under it)
])
def test_the_assembly_law_switches_on_its_entry_into_force_not_its_signature(tmp_path, day, law, asked):
    result = domestic(tmp_path, [episode("C1", measure="fine", legal_basis="CAO 488", date=day),
                                 episode("C2", measure="interrogation", date=day)])
    governed = text(result, "en/domestic-complaint.pdf").split("were governed by ")[1].split(", which must be")[0]
    assert (OpenPoint("", "assembly_law") in result.open_points["en/domestic-complaint"]) is asked
    if asked:
        assert governed.startswith("[to complete: the law on peaceful assemblies in force on the day of an assembly "
                                   "between 25 May and 24 June 2020")
    else:
        assert law in governed and "[to complete" not in governed
        assert ("No. 2126" if law == "No. 333-VI" else "No. 333-VI") not in governed


LIMIT = "longer than the three hours to which the Code of Administrative Offences limits an administrative detention"


@pytest.mark.parametrize("detention, followed_by, argued", [
    ({"hours_held": 6, "legal_basis": "CAO 488"}, None, True),  # under the Code, and no penalty followed
    # Then a fine or an arrest under article 488: the Code's longer term in a case that may end in an arrest may
    # have applied (the State's answer), so the limit is not argued; nor with no provision recorded.
    ({"hours_held": 6, "legal_basis": "CAO 488"}, "fine", False),
    ({"hours_held": 6, "legal_basis": "CAO 488"}, "administrative_arrest", False),
    ({"hours_held": 6}, "fine", False),
    ({"hours_held": 3, "legal_basis": "CAO 488"}, None, False),  # within the limit
    ({"legal_basis": "CAO 488"}, None, False),  # how long is not recorded: nothing said
    ({"hours_held": 20, "legal_basis": "CAO 488"}, "criminal_case", False),  # a suspect's, not an administrative one
    ({"hours_held": 20}, None, False),  # no provision and no penalty: not said to be administrative
])
def test_the_three_hour_limit_is_argued_only_where_the_recorded_hours_exceed_it(tmp_path, detention, followed_by,
                                                                               argued):
    case = tmp_path / "case"
    case.mkdir(exist_ok=True)
    episodes = [episode("C1", measure="detention", **detention)]
    if followed_by:
        basis = "CC 174" if followed_by == "criminal_case" else "CAO 488"
        episodes.append(episode("C1", measure=followed_by, legal_basis=basis,
                                date=datetime.date(2018, 5, 11)))
    write_workbook(case / "case.xlsx", people=[person("C1"), person("C2", id_document="2")],
                   episodes=[*episodes, episode("C2", measure="interrogation")])
    result = build(case, langs=["en", "ru"], formats=["pdf"], documents=["hrc", "domestic-complaint"],
                   output_root=tmp_path / "out", today=TODAY)
    communication, complaint = text(result, "en/hrc/C1.pdf"), text(result, "en/domestic-complaint.pdf")
    assert (f"held {LIMIT}, save in the cases it lists: 10 May 2018 ({detention.get('hours_held')} hours)"
            in communication) is argued
    assert (f"1 complainant was held {LIMIT}" in complaint) is argued
    assert (LIMIT in communication or LIMIT in complaint) is argued
    if argued:
        assert "1 заявитель содержался дольше трёх часов" in text(result, "ru/domestic-complaint.pdf")
        rows = openpyxl.load_workbook(result.figures).active.iter_rows(values_only=True)
        assert ("domestic-complaint", "detention/beyond-three-hours/complainants", 1) in {row[:3] for row in rows}


@pytest.mark.parametrize("acted, dated, cited, priority", [
    (datetime.date(2018, 5, 10), datetime.date(2018, 11, 1), True, True),
    (datetime.date(2018, 5, 10), TODAY, True, False),  # the 1995 Constitution's articles for acts under it
    (datetime.date(2026, 7, 2), TODAY, False, False),  # an act under the 2026 Constitution: the lawyer cites
])
def test_the_constitution_of_1995_is_cited_only_for_acts_and_documents_under_it(tmp_path, acted, dated, cited,
                                                                                 priority):
    case = tmp_path / "case"
    case.mkdir(exist_ok=True)
    write_workbook(case / "case.xlsx", people=[person("C1"), person("C2", id_document="2")],
                   episodes=[episode("C1", measure="detention", date=acted, grounds="protest"),
                             episode("C2", measure="interrogation", date=acted)])
    (case / "case.toml").write_text(f"build_date = {dated.isoformat()}\n", encoding="utf-8")
    result = build(case, langs=["en"], formats=["pdf"], documents=["domestic-complaint"],
                   output_root=tmp_path / "out", today=TODAY)
    complaint = text(result, "en/domestic-complaint.pdf")
    assert ("guaranteed by the Constitution of the Republic of Kazakhstan of 30 August 1995:" in complaint) is cited
    assert ("right to personal liberty (article 16)" in complaint) is cited
    assert (OpenPoint("", "constitution_articles") in result.open_points["en/domestic-complaint"]) is not cited
    assert ("prevailing over its laws under article 4(3) of the Constitution" in complaint) is priority
    assert "ratified by the Republic of Kazakhstan" in complaint


def test_an_act_recorded_only_by_its_kind_is_told_by_its_description_not_its_label(tmp_path):
    episodes = [episode("C1", measure="dismissal", authority="Steppe Service LLP",
                        description="Dismissed from her job."),
                episode("C2", measure="other", description="Made to sign a warning."),
                episode("C2", measure="other", legal_basis="CAO 669", description="Warned by the police.")]
    complaint = text(domestic(tmp_path, episodes), "en/domestic-complaint.pdf")
    # A sentence of its own after when, where and by whom: never a capital after a colon.
    assert "(Steppe Service LLP). Dismissed from her job." in complaint
    assert "dismissal from work or study (Steppe" not in complaint  # (the list of complainants names the kinds)
    assert "Almaty. Made to sign a warning." in complaint
    # With a provision invoked the label stays: the act is the measure under it.
    assert "other measures under art. 669 CAO" in complaint


def interim(tmp_path, setting, end_date=None):
    case_toml = 'documents = ["hrc"]\n' + setting
    return build_one(tmp_path, ["hrc"], people_extra=FILLED, episode_extra={"end_date": end_date},
                     case_toml=case_toml)


@pytest.mark.parametrize("setting, asked, requested", [
    ("", True, False),  # held, nothing decided: an open point, never a default request
    ('[interim_measures.C1]\nrequest = true\nreasons = "Her health is failing in custody."\n', False, True),
    ("[interim_measures.C1]\nrequest = false\n", False, False),
])
def test_interim_measures_are_requested_only_as_the_lawyer_decides(tmp_path, setting, asked, requested):
    result = interim(tmp_path, setting)
    assert (OpenPoint("C1", "interim_measures") in result.open_points.get("en/hrc/C1", ())) is asked
    communication = text(result, "en/hrc/C1.pdf")
    # The key to set names the author: the lawyer need not guess what «<id>» stands for (reader s9).
    assert ("(case.toml: interim_measures.C1.request = true or false)" in communication) is asked
    assert "<id>" not in communication
    assert ("Request for interim measures" in communication) is requested
    assert ("Her health is failing in custody." in communication) is requested


@pytest.mark.parametrize("dated, rule", [("", "under rule 94 of its rules of procedure"),
                                         ("build_date = 2018-11-01\n", "under its rules of procedure")])
def test_interim_measures_cite_rule_94_only_under_the_rules_of_2019(tmp_path, dated, rule):
    """Rule 94 is the number of the rules of procedure of 9 January 2019 (CCPR/C/3/Rev.11); a communication dated
    before cites the rules without a number (reader s8: Rev.10 numbered it otherwise)."""
    setting = dated + '[interim_measures.C1]\nrequest = true\nreasons = "Her health is failing in custody."\n'
    communication = text(interim(tmp_path, setting), "en/hrc/C1.pdf")
    assert f"The author asks the Committee, {rule}, to request the State party" in communication
    assert ("rule 94" in communication) is ("94" in rule)


def test_no_interim_measures_are_asked_for_an_author_no_longer_held(tmp_path):
    result = interim(tmp_path, "", end_date=datetime.date(2018, 6, 1))
    assert OpenPoint("C1", "interim_measures") not in result.open_points.get("en/hrc/C1", ())
    assert "rule 94" not in text(result, "en/hrc/C1.pdf")


@pytest.mark.parametrize("arrested, breach", [
    (datetime.date(2018, 5, 10), "on the day of the detention"),
    (datetime.date(2018, 5, 11), "on the day after the detention"),
    (datetime.date(2018, 5, 20), None),
])
@pytest.mark.parametrize("pleaded", [None, "articles", "lawyer"])
def test_a_penalty_imposed_on_the_day_of_the_detention_or_the_next_is_a_fair_trial_claim_only_where_pleaded(
        tmp_path, arrested, breach, pleaded):
    """The hearing's date alone is not a breach of article 14(3)(b), nor grave enough for Category III: the lawyer
    pleads it (articles cell +14), or the hearing records another breach (a lawyer denied); else it is asked."""
    case = tmp_path / "case"
    case.mkdir(exist_ok=True)
    episodes = [episode("C1", measure="detention", end_date=datetime.date(2018, 5, 10)),
                episode("C1", measure="administrative_arrest", legal_basis="CAO 488", date=arrested,
                        end_date=arrested + datetime.timedelta(days=10),
                        lawyer_access="no" if pleaded == "lawyer" else None)]
    people = [person("C1", poa_scope="represent", **FILLED, articles="+14" if pleaded == "articles" else None)]
    write_workbook(case / "case.xlsx", people=people, episodes=episodes)
    result = build(case, langs=["en"], formats=["pdf"], documents=["hrc", "wgad-questionnaire"],
                   output_root=tmp_path / "out", today=TODAY)
    communication, questionnaire = text(result, "en/hrc/C1.pdf"), text(result, "en/wgad-questionnaire/C1.pdf")
    # The questionnaire asks it with Category III, the communication without (reader s9).
    asked = {key for key, field in (("en/hrc/C1", "article_14_hearing"), ("en/wgad-questionnaire/C1",
                                                                         "category_iii_hearing"))
             if OpenPoint("C1", field) in result.open_points[key]}
    if breach is None:
        assert "a penalty imposed by a court" not in communication + questionnaire and not asked
        return
    if pleaded is None:
        assert asked == {"en/hrc/C1", "en/wgad-questionnaire/C1"}
        assert "(and before the Working Group" not in communication
        assert "whether Category III (article 14, paragraph 3 (b), of the Covenant) is claimed" in questionnaire
        assert "Article 14: the right to a fair trial" not in communication and "Category III:" not in questionnaire
        assert "a penalty imposed by a court" not in communication + questionnaire
        return
    assert not asked
    assert f"a penalty imposed by a court {breach}" in communication
    assert "Article 14: the right to a fair trial" in communication and "Category III:" in questionnaire
    # The dates say nothing of a lawyer: a denial is asserted only where recorded.
    assert ("denial of access to a lawyer" in communication + questionnaire) is (pleaded == "lawyer")


def test_a_fine_imposed_the_day_after_a_detention_is_argued_under_article_14_never_under_category_three(tmp_path):
    """A fine is no deprivation of liberty for a breach of a fair trial to make arbitrary (reader s10 N-new-1, C012):
    the communication pleads the hearing under article 14; the questionnaire's Category III cites the detention at
    which the lawyer was denied, never the fine, and asks nothing of a fine's hearing."""
    case = tmp_path / "case"
    case.mkdir()
    episodes = [episode(who, measure="detention", end_date=datetime.date(2018, 5, 10), lawyer_access=access)
                for who, access in (("C1", "no"), ("C2", None))]
    episodes += [episode("C1", measure="fine", legal_basis="CAO 488", date=datetime.date(2018, 5, 11),
                         lawyer_access="no"),
                 episode("C2", measure="fine", legal_basis="CAO 488", date=datetime.date(2018, 5, 11))]
    people = [person(who, poa_scope="represent", **FILLED) for who in ("C1", "C2")]
    write_workbook(case / "case.xlsx", people=people, episodes=episodes)
    result = build(case, langs=["en", "ru", "kk"], formats=["pdf"], documents=["hrc", "wgad-questionnaire"],
                   output_root=tmp_path / "out", today=TODAY)
    assert "a penalty imposed by a court on the day after the detention" in text(result, "en/hrc/C1.pdf")
    for lang, detention, fine in (("en", "10 May 2018 (detention)", "(fine)"),
                                  ("ru", "10 мая 2018 года (задержание)", "(штраф)"),
                                  ("kk", "2018 жылғы 10 мамыр (ұстау)", "(айыппұл)")):
        category = text(result, f"{lang}/wgad-questionnaire/C1.pdf").split("Category III:" if lang == "en" else
                                                                           {"ru": "Категория III:",
                                                                            "kk": "III санат:"}[lang])[1]
        category = category.split("V. ")[0]
        assert detention in category and fine not in category
    assert "a penalty imposed by a court" not in text(result, "en/wgad-questionnaire/C1.pdf")
    # The hearing alone, not pleaded: the communication asks about article 14, the questionnaire nothing.
    assert OpenPoint("C2", "article_14_hearing") in result.open_points["en/hrc/C2"]
    assert OpenPoint("C2", "category_iii_hearing") not in result.open_points["en/wgad-questionnaire/C2"]
    assert "whether Category III" not in text(result, "en/wgad-questionnaire/C2.pdf")


def test_the_communication_asks_to_quash_decisions_only_where_a_decision_was_taken(tmp_path):
    detained = text(build_one(tmp_path, ["hrc"], episode_extra={"measure": "detention", "legal_basis": None,
                                                               "end_date": datetime.date(2018, 5, 10)}),
                    "en/hrc/C1.pdf")
    assert "quash the decisions" not in detained and "effective remedy, including adequate compensation" in detained
    assert "entered into force for the Republic of Kazakhstan on 24 April 2006" in detained
    fined = text(build_one(tmp_path, ["hrc"], episode_extra={"measure": "fine", "legal_basis": "CAO 488"}),
                 "en/hrc/C1.pdf")
    assert "quash the decisions taken against the author" in fined


@pytest.mark.parametrize("detained_first", [False, True])
def test_the_date_of_arrest_is_the_apprehensions_never_the_date_a_court_ordered_the_custody(tmp_path, detained_first):
    case = tmp_path / "case"
    case.mkdir(exist_ok=True)
    custody = episode("C1", measure="pretrial_detention", legal_basis="CC 405(2)", authority="court",
                      date=datetime.date(2018, 4, 18))
    detention = episode("C1", measure="detention", authority="Police Department", city="Shymkent",
                        date=datetime.date(2018, 4, 16), end_date=datetime.date(2018, 4, 18))
    write_workbook(case / "case.xlsx", people=[person("C1", poa_scope="represent", **FILLED)],
                   episodes=[detention, custody] if detained_first else [custody])
    result = build(case, langs=["en"] if detained_first else ["en", "ru", "kk"], formats=["pdf"],
                   documents=["wgad-questionnaire"], output_root=tmp_path / "out", today=TODAY)
    questionnaire = text(result, "en/wgad-questionnaire/C1.pdf")
    arrest = questionnaire.split("1. Date of arrest")[1].split("3. Forces who carried out the arrest")[0]
    points = result.open_points["en/wgad-questionnaire/C1"]
    if detained_first:
        assert "16 April 2018" in arrest and "Shymkent" in arrest and "18 April 2018" not in arrest
        assert not {OpenPoint("C1", "arrest_date"), OpenPoint("C1", "arrest_place")} & set(points)
    else:
        # The custody's date is the court's order, said as such; the day and place of the arrest are asked.
        assert ("[to complete: date of arrest] (it is known only that the pre-trial detention was ordered on 18 April "
                "2018, see section III)") in arrest
        assert "[to complete: place of arrest]" in arrest
        # What is known, never «не указана», which reads as a fact about the police (reader s10 Q1).
        russian = text(result, "ru/wgad-questionnaire/C1.pdf")
        assert ("[требуется указать: дата задержания] (известно лишь, что 18 апреля 2018 года принято решение о "
                "применении меры — содержание под стражей, см. раздел III)") in russian
        assert ("[толтыру қажет: ұсталған күні] (тек 2018 жылғы 18 сәуір күні шара қолдану туралы шешім қабылданғаны "
                "белгілі — күзетпен ұстау, III бөлімді қараңыз)") in text(result, "kk/wgad-questionnaire/C1.pdf")
        assert {OpenPoint("C1", "arrest_date"), OpenPoint("C1", "arrest_place")} <= set(points)
    # Section III dates the custody from the order, whichever came first; IV tells it, described or not.
    assert "18 April 2018" in questionnaire.split("III. Detention")[1]
    told = questionnaire.split("What happened at each deprivation")[1]
    assert "18 April 2018: custody as a preventive measure" in told


def test_the_questionnaire_never_takes_a_later_acts_legal_basis_for_the_arrests(tmp_path):
    case = tmp_path / "case"
    case.mkdir(exist_ok=True)
    episodes = [episode("C1", measure="detention", end_date=datetime.date(2018, 5, 10)),
                episode("C1", measure="administrative_arrest", legal_basis="CAO 488", date=datetime.date(2018, 5, 11),
                        end_date=datetime.date(2018, 5, 21))]
    write_workbook(case / "case.xlsx", people=[person("C1", poa_scope="represent", **FILLED)], episodes=episodes)
    result = build(case, langs=["en", "ru", "kk"], formats=["pdf"], documents=["wgad-questionnaire"],
                   output_root=tmp_path / "out", today=TODAY)
    # The arrest's own basis stays an open point; the later arrest's provision is said as that act's, as all that is
    # known: never "not recorded for the arrest", which reads as a fact about the police (reader s10 Q1).
    for lang, known in (
            ("en", "(it is known only that the administrative arrest of 11 May 2018 that followed was imposed under "
                   "Article 488 of the Code of Administrative Offences)"),
            ("ru", "(известно лишь, что последовавшая мера — административный арест от 11 мая 2018 года — назначена "
                   "по статье 488 Кодекса Республики Казахстан об административных правонарушениях)"),
            ("kk", "(тек одан кейінгі шараның (әкімшілік қамаққа алу, 2018 жылғы 11 мамыр) Қазақстан Республикасы "
                   "Әкімшілік құқық бұзушылық туралы кодексінің 488-бабы бойынша тағайындалғаны белгілі)")):
        assert OpenPoint("C1", "legal_basis") in result.open_points[f"{lang}/wgad-questionnaire/C1"]
        questionnaire = text(result, f"{lang}/wgad-questionnaire/C1.pdf").replace("\u2060", "")
        assert known in questionnaire, lang
        assert not any(old in questionnaire for old in ("not recorded for the arrest", "для задержания не указано",
                                                        "ұстау үшін көрсетілмеген")), lang


def test_the_occupation_and_the_affiliation_print_in_the_documents_language_or_are_marked(tmp_path):
    from test_legal_language import _document_text

    own = {"occupation_en": "teacher", "occupation_ru": "учитель", "affiliation_ru": "движение «Вольная степь»",
           "affiliation_kk": "«Еркін дала» қозғалысы"}
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent", **own)],
                          episodes=[episode("C1", measure="pretrial_detention", legal_basis="CC 405(2)")])
    case = load(path, ("en", "ru", "kk"), TODAY).case
    russian = _document_text(case, "special-procedures", "ru")
    assert "учитель; движение «Вольная степь»" in russian and "teacher" not in russian
    # No Kazakh occupation: another language's, marked as such, never silently.
    kazakh = _document_text(case, "special-procedures", "kk")
    assert "teacher [түпнұсқа тілі: ағылшын тілі] ; «Еркін дала» қозғалысы" in kazakh
    # The affiliation is a name, as a list gives it: the Category V sentence takes it as it is.
    result = build_one(tmp_path, ["wgad-questionnaire"], ("en", "ru"), own)
    assert ("в связи с его членством в объединении (движение «Вольная степь»; статьи 2 и 26 Пакта)"
            in text(result, "ru/wgad-questionnaire/C1.pdf"))
    english = text(result, "en/wgad-questionnaire/C1.pdf")
    assert "Profession and/or activity teacher" in english
    assert "as a member of «Еркін дала» қозғалысы [original language: Kazakh]" in english


def _victims(tmp_path, cells, lang="en"):
    """The Special Procedures letter's table of victims (header and rows as text), the text before it, and the
    letter's open points, for one person per consent_to_government cell."""
    people = [person(f"C{k}", poa_scope="represent", consent_to_government=cell, id_document=str(k))
              for k, cell in enumerate(cells, 1)]
    path = write_workbook(tmp_path / "case.xlsx", people=people,
                          episodes=[episode(f"C{k}", measure="detention") for k in range(1, len(cells) + 1)])
    loaded = load(path, (lang,), TODAY)
    day = build_date(loaded.settings, TODAY)
    letter = DocumentHtml(REGISTRY["special-procedures"], lang,
                          document_context(loaded.case, REGISTRY["special-procedures"], lang, day), day)
    table = lxml_html.document_fromstring(letter.html).find_class("victims")[0]
    rows = [[flat(cell.text_content()) for cell in row] for row in table.iter("tr")]
    # The paragraphs between the section's heading and the table.
    before, sibling = [], table.getprevious()
    while sibling is not None and sibling.tag == "p":
        before.insert(0, flat(sibling.text_content()))
        sibling = sibling.getprevious()
    return rows, " ".join(before), {(p.complainant_id, p.field) for p in letter.open_points}


ASKED = "[to complete: whether each person consents to his or her name being given to the Government]"


def test_consent_to_give_the_name_to_the_government_is_the_cell_not_the_power_of_attorney(tmp_path):
    """A power to represent is not the consent the Special Procedures' form asks about (reader s8): the column says
    what the cell says, and an empty or unknown cell is an open point, never "yes". The question is printed once,
    above the table; the rows it concerns hold the bare marker (reader s9: 41 full markers in a narrow column made
    the table seven pages long)."""
    rows, before, points = _victims(tmp_path, [None, "unknown", "yes", "no"])
    assert rows[0][-2:] == ["Named to the Government", "Named in public reports"]
    assert [row[-2] for row in rows[1:]] == ["[to complete]", "[to complete]", "yes", "no"]
    assert [row[-1] for row in rows[1:]] == ["yes"] * 4  # consent_to_name
    assert before.startswith("The last two columns give each victim's consent")
    # The question names those it is asked for, the rows with the bare marker (reader s9 F41).
    assert before.endswith(f"Named to the Government: {ASKED} (Nos. 1, 2)")
    assert {who for who, field in points if field == "consent_to_government"} == {"", "C1", "C2"}


@pytest.mark.parametrize("lang, asked", [
    ("en", "Named to the Government: [to complete: whether each person consents to his or her name being given to "
           "the Government] (No. 2)"),
    ("ru", "Раскрытие имени правительству: [требуется указать: согласие каждого лица на сообщение его имени "
           "правительству] (№ 2)"),
    ("kk", "Үкіметке аты-жөнін хабарлау: [толтыру қажет: әр адам өз аты-жөнінің Үкіметке хабарлануына келісе ме] "
           "(№ 2)")])
def test_the_consent_question_above_the_table_names_the_one_person_it_is_asked_for(tmp_path, lang, asked):
    _, before, _ = _victims(tmp_path, ["yes", None, "no"], lang)
    assert before.endswith(asked)


def test_without_any_consent_to_the_government_recorded_the_column_gives_way_to_one_question(tmp_path):
    rows, before, points = _victims(tmp_path, [None, "unknown"], "ru")
    assert "Раскрытие имени правительству" not in rows[0] and len(rows[0]) == len(rows[1])
    assert before.startswith("В последнем столбце, как того требует форма подачи обращений, указано согласие каждой "
                             "жертвы на упоминание её имени в публичных докладах специальных процедур.")
    # Asked of everyone: «каждого лица», no numbers (reader s9 F41: «согласен ли человек» for 41 people).
    assert before.endswith("Раскрытие имени правительству: [требуется указать: согласие каждого лица на сообщение его "
                           "имени правительству]")
    assert ("", "consent_to_government") in points


def test_with_every_consent_to_the_government_recorded_nothing_is_asked(tmp_path):
    rows, before, points = _victims(tmp_path, ["yes", "no"])
    assert [row[-2] for row in rows[1:]] == ["yes", "no"] and ASKED not in before
    assert before.startswith("The last two columns give each victim's consent")
    assert not {field for _, field in points} & {"consent_to_government"}


@pytest.mark.parametrize("latin, shown, asked", [
    ({}, "Aigerim Ospanova", False),
    ({"surname_latin": None, "given_name_latin": None}, "[требуется указать: имя латиницей, как оно написано в "
     "паспорте] (транслитерация: Aigerim Ospanova)", True)])
def test_a_latin_name_no_cell_records_is_asked_for_with_the_transliteration_beside_it(tmp_path, latin, shown, asked):
    """A transliteration is a guess the passport may not follow (KENZHEBAYEV): never printed as the author's name
    in Latin letters (reader s8)."""
    people = [person("C1", poa_scope="represent") | latin]
    path = write_workbook(tmp_path / "case.xlsx", people=people, episodes=[episode("C1", measure="detention")])
    loaded = load(path, ("ru",), TODAY)
    day = build_date(loaded.settings, TODAY)
    context = document_context(loaded.case, REGISTRY["hrc"], "ru", day)
    communication = DocumentHtml(REGISTRY["hrc"], "ru", context | {"author": context["people"][0]}, day)
    rows = [[flat(cell.text_content()) for cell in row] for row in lxml_html.document_fromstring(
        communication.html).iter("tr")]
    assert ["Имя и фамилия латиницей", shown] in rows
    assert (("C1", "name_latin") in {(p.complainant_id, p.field) for p in communication.open_points}) is asked


COURT = "Specialised Inter-District Administrative Court of Almaty"


def protests(tmp_path, episodes, remedies=(), attachments=(), langs=("en",)):
    """The domestic complaint for C1 and C2 (C2 only questioned), with C1's Remedies and Attachments rows."""
    case = tmp_path / "case"
    case.mkdir(exist_ok=True)
    people = [person("C1"), person("C2", id_document="2", date_of_birth=datetime.date(1991, 1, 1))]
    path = write_workbook(case / "case.xlsx", people=people,
                          episodes=[*episodes, episode("C2", measure="interrogation")])
    book = openpyxl.load_workbook(path)
    for title, header, rows in (("Remedies", ["date", "authority", "action", "outcome", "outcome_date"], remedies),
                                ("Attachments", ["kind", "file", "date", "number"], attachments)):
        sheet = book.create_sheet(title)
        sheet.append(["complainant_id", *header])
        for row in rows:
            sheet.append(["C1", *row])
    book.save(path)
    for _, file, *_ in attachments:
        (case / file).parent.mkdir(exist_ok=True)
        (case / file).write_bytes(pdf_bytes())
    result = build(case, langs=langs, formats=["pdf"], documents=["domestic-complaint"],
                   output_root=tmp_path / "out", today=TODAY)
    return result, {p.field for p in result.open_points.get("en/domestic-complaint", ()) if p.complainant_id == "C1"}


PROTEST_REQUEST = "to bring protests against the unlawful court acts"


def test_the_domestic_complaint_names_the_court_acts_it_asks_to_protest(tmp_path):
    fined = episode("C1", measure="fine", legal_basis="CAO 488", penalty="KZT 120250", authority=COURT,
                    date=datetime.date(2018, 5, 11))
    # The number from the person's annexed decision of the same day; the appeal decided by the City Court.
    result, fields = protests(
        tmp_path, [fined],
        remedies=[(datetime.date(2018, 5, 16), "Almaty City Court", "appeal", "decision upheld",
                   datetime.date(2018, 5, 29)),
                  (datetime.date(2018, 6, 1), "Almaty City Court", "cassation", None, None)],  # pending: no act
        attachments=[("decision", "annexes/C1-decision.pdf", datetime.date(2018, 5, 11), "2-41/2018")],
        langs=("en", "ru", "kk"))
    complaint = text(result, "en/domestic-complaint.pdf")
    assert PROTEST_REQUEST in complaint
    assert (f"the ruling of the {COURT} of 11 May 2018, No. 2-41/2018 (fine of KZT 120,250 under art. 488 CAO), "
            "upheld by the ruling of the Almaty City Court of 29 May 2018") in complaint
    assert "cassation" not in complaint.split("List of complainants")[1]
    assert not fields & {"court_acts", "court_act_date"}
    assert ("постановление Специализированного межрайонного административного суда города Алматы от 11 мая 2018 "
            "года № 2-41/2018 (штраф в размере 120 250 тенге по ст. 488 КоАП РК), оставленное без изменения "
            "постановлением Алматинского городского суда от 29 мая 2018 года") in text(
                result, "ru/domestic-complaint.pdf")
    assert "судебные акты, вынесенные в отношении заявителей" in text(result, "ru/domestic-complaint.pdf")
    assert ("Алматы қаласының мамандандырылған ауданаралық әкімшілік сотының 2018 жылғы 11 мамырдағы № 2-41/2018 "
            "қаулысы (ҚР ӘҚБтК 488-бабы бойынша 120 250 теңге мөлшерінде айыппұл), оны Алматы қалалық сотының "
            "2018 жылғы 29 мамырдағы қаулысы өзгеріссіз қалдырды") in text(result, "kk/domestic-complaint.pdf")


def test_a_decision_with_no_court_act_recorded_is_an_open_point_and_none_asks_no_protest(tmp_path):
    # A fine with no body recorded: which court act to protest is the lawyer's to say.
    result, fields = protests(tmp_path, [episode("C1", measure="fine", legal_basis="CAO 488")])
    complaint = text(result, "en/domestic-complaint.pdf")
    assert PROTEST_REQUEST in complaint and "court_acts" in fields
    assert "[to complete: the court acts to be protested (court, date and number), or that none was taken]" in complaint
    # Only a detention and a questioning: no decision to protest, so no such request, and no open point.
    result, fields = protests(tmp_path, [episode("C1", measure="detention", authority="Almaty City Court")])
    complaint = text(result, "en/domestic-complaint.pdf")
    assert PROTEST_REQUEST not in complaint and "protests requested below" not in complaint
    assert "court_acts" not in fields
    assert "call for an inquiry and for the responsibility the law provides." in complaint


@pytest.mark.parametrize("lang, request_text, heading, beaten, forced, placed", [
    ("en", "to register the reports of torture and ill-treatment of the complainants, given for each of them after the "
           "list of complainants, in the Unified Register of Pre-trial Investigations and to open a pre-trial "
           "investigation (article 146 of the Criminal Code);",
     "Torture and ill-treatment to be investigated", "16 June 2018 (torture or ill-treatment)",
     "10 May 2018 (detention: physical force used)", "(placement in a psychiatric institution)"),
    ("ru", "зарегистрировать заявления о применении пыток и жестокого обращения к заявителям, указанные для каждого из "
           "них после списка заявителей, в Едином реестре досудебных расследований и начать досудебное расследование "
           "(статья 146 Уголовного кодекса Республики Казахстан);",
     "Пытки и жестокое обращение, о расследовании которых просим", "16 июня 2018 года (пытки или жестокое обращение)",
     "10 мая 2018 года (задержание: применена физическая сила)", "(помещение в психиатрическое учреждение)"),
    ("kk", "шағымданушыларға қатысты азаптау және қатыгез қарым-қатынас туралы арыздарды (әрқайсысы бойынша "
           "шағымданушылар тізімінен кейін көрсетілген) Сотқа дейінгі тергеп-тексерулердің бірыңғай тізілімінде "
           "тіркеп, сотқа дейінгі тергеп-тексеру бастауды (Қазақстан Республикасы Қылмыстық кодексінің 146-бабы);",
     "Тергеу сұралған азаптау және қатыгез қарым-қатынас", "2018 жылғы 16 маусым (азаптау немесе қатыгез",
     "2018 жылғы 10 мамыр (ұстау: дене күші қолданылды)", "(психиатриялық мекемеге орналастыру)")])
def test_the_prosecutor_general_is_asked_to_investigate_the_ill_treatment_of_each_complainant_by_date(
        tmp_path, lang, request_text, heading, beaten, forced, placed):
    """The domestic complaint asks the reports of torture and ill-treatment registered and investigated: it names whose
    and when, after the list (subm s11): the measure, and a detention where force was used or a statement forced or a
    placement once the lawyer claims article 7. Not force used nor a placement while article 7 is open (reader s11
    N11-1, S6)."""
    people = [person(f"C{k}", id_document=str(k), given_name=name, given_name_latin=latin,
                     articles="+7" if k in (2, 4) else None)
              for k, (name, latin) in enumerate((("Айгерим", "AIGERIM"), ("Дана", "DANA"), ("Сауле", "SAULE"),
                                                 ("Асель", "ASEL"), ("Жанар", "ZHANAR")), start=1)]
    episodes = [episode("C1", None, "ill_treatment", date=datetime.date(2018, 6, 16)),
                episode("C2", treatment="force used"), episode("C3", treatment="force used"),
                episode("C4", None, "psychiatric_placement", penalty="30 days"),
                episode("C5", None, "psychiatric_placement", penalty="30 days")]

    def complaint(people, episodes):
        loaded = load(write_workbook(tmp_path / "case.xlsx", people=people, episodes=episodes), (lang,), TODAY)
        day = build_date(loaded.settings, TODAY)
        context = document_context(loaded.case, REGISTRY["domestic-complaint"], lang, day)
        page = DocumentHtml(REGISTRY["domestic-complaint"], lang, context, day)
        return flat(lxml_html.document_fromstring(page.html).text_content()).replace("\u2060", ""), context["people"]

    body, shown = complaint(people, episodes)
    assert request_text in body
    listed = body.split(heading)[1]
    by_id = {p.complainant_id: p for p in shown}
    assert f"{by_id['C1'].number}, {by_id['C1'].name}: {beaten}" in listed
    assert f"{by_id['C2'].number}, {by_id['C2'].name}: {forced}" in listed
    assert f"{by_id['C4'].name}: " in listed and placed in listed
    assert by_id["C3"].name not in listed and by_id["C5"].name not in listed
    body, _ = complaint(people[2:3] + people[4:], episodes[2:3] + episodes[4:])
    assert request_text[:40] not in body and heading not in body


def test_the_torture_request_registers_the_reports_in_the_unified_register(tmp_path):
    result, _ = protests(tmp_path, [episode("C1", measure="ill_treatment", description="Beaten at the station.")],
                         langs=("en", "ru", "kk"))
    # One complainant: the report in the singular, never «каждого из них» over one (reader s11 N11-3).
    assert ("to register the report of torture and ill-treatment of the complainant, given after the list of "
            "complainants, in the Unified Register of Pre-trial Investigations and to open a pre-trial "
            "investigation") in text(result, "en/domestic-complaint.pdf")
    assert ("зарегистрировать заявление о применении пыток и жестокого обращения к заявителю, указанное после списка "
            "заявителей, в Едином реестре досудебных расследований и начать досудебное расследование") in text(
        result, "ru/domestic-complaint.pdf")
    assert "тексерулердің бірыңғай тізілімінде тіркеп, сотқа дейінгі" in text(
        result, "kk/domestic-complaint.pdf")
    # Without ill-treatment recorded, no such request.
    result, _ = protests(tmp_path, [episode("C1", measure="detention")])
    assert "Unified Register" not in text(result, "en/domestic-complaint.pdf")


def test_a_court_act_takes_its_episode_s_case_number_first_and_asks_for_a_date_not_recorded(tmp_path):
    day = datetime.date(2018, 5, 11)
    result, fields = protests(
        tmp_path, [episode("C1", measure="fine", legal_basis="CAO 488", authority=COURT, date=day,
                           case_number="5-99/2018"),
                   episode("C1", measure="administrative_arrest", legal_basis="CAO 488", authority=COURT,
                           date=None)],
        attachments=[("decision", "annexes/C1-decision.pdf", day, "2-41/2018")])
    acts = text(result, "en/domestic-complaint.pdf").split("List of complainants")[1].split("Annexes")[0]
    assert f"the ruling of the {COURT} of 11 May 2018, No. 5-99/2018 (fine" in acts and "2-41/2018" not in acts
    assert f"the ruling of the {COURT} of [to complete: the date of the court act] (administrative arrest" in acts
    assert "court_act_date" in fields and "court_acts" not in fields


def test_a_verdict_and_its_sentence_are_one_act_and_one_under_appeal_is_not_protested(tmp_path):
    """The verdict names its provision once, the sentence in brackets (reader s9 F7)."""
    court, day = "Almaty City Court", datetime.date(2018, 9, 20)
    verdict = [episode("C1", measure="conviction", legal_basis="CC 174", authority=court, date=day),
               episode("C1", measure="restriction_of_freedom", legal_basis="CC 174", penalty="1 year",
                       authority=court, date=day)]
    appeal = (datetime.date(2018, 10, 5), "Almaty Regional Court", "appeal", None, None)
    for remedies, in_force in (([], True), ([appeal], False)):
        result, _ = protests(tmp_path, verdict, remedies=remedies, langs=("en", "ru", "kk"))
        acts = text(result, "en/domestic-complaint.pdf").split("List of complainants")[1]
        assert acts.count(court) == 1 and acts.count("art. 174") == 1
        assert (f"the guilty verdict of the {court} of 20 September 2018 under art. 174 CC (restriction of freedom "
                "for 1 year)") in acts
        assert (", not in force (the appeal of 5 October 2018 has not been decided; no protest is asked)"
                in acts) is not in_force
        russian, kazakh = text(result, "ru/domestic-complaint.pdf"), text(result, "kk/domestic-complaint.pdf")
        assert ("обвинительный приговор Алматинского городского суда от 20 сентября 2018 года по ст. 174 УК РК "
                "(ограничение свободы сроком на 1 год)") in russian
        assert ("Алматы қалалық сотының 2018 жылғы 20 қыркүйектегі ҚР ҚК 174-бабы бойынша айыптау үкімі (1 жыл "
                "мерзімге бас бостандығын шектеу)") in kazakh
        assert (", не вступивший в законную силу (апелляционная жалоба от 5 октября 2018 года не рассмотрена; "
                "о протесте не просим)" in russian) is not in_force
        assert (", заңды күшіне енбеген (2018 жылғы 5 қазандағы апелляциялық шағым әлі қаралмаған; наразылық "
                "келтіру сұралмайды)" in kazakh) is not in_force


@pytest.mark.parametrize("lang, acts", [
    ("en", f"the ruling of the {COURT} of 11 May 2018 (administrative arrest for 15 days under art. 488 CAO), upheld "
           "by the ruling of the Almaty City Court of 27 May 2018; the guilty verdict of the Almaly District Court of "
           "Almaty of 20 September 2018 under art. 405(2) CC (restriction of freedom for 1 year), upheld by the ruling "
           "of the Almaty City Court of 30 October 2018; the ruling of the Almaty City Court of 1 November 2018 "
           "(complaint of 25 October 2018 refused)"),
    ("ru", "постановление Специализированного межрайонного административного суда города Алматы от 11 мая 2018 года "
           "(административный арест сроком на 15 суток по ст. 488 КоАП РК), оставленное без изменения постановлением "
           "Алматинского городского суда от 27 мая 2018 года; обвинительный приговор Алмалинского районного суда "
           "города Алматы от 20 сентября 2018 года по ч. 2 ст. 405 УК РК (ограничение свободы сроком на 1 год), "
           "оставленный без изменения постановлением Алматинского городского суда от 30 октября 2018 года; "
           "постановление Алматинского городского суда от 1 ноября 2018 года (жалоба от 25 октября 2018 года "
           "оставлена без рассмотрения)"),
    ("kk", "Алматы қаласының мамандандырылған ауданаралық әкімшілік сотының 2018 жылғы 11 мамырдағы қаулысы (ҚР "
           "ӘҚБтК 488-бабы бойынша 15 тәулік мерзімге әкімшілік қамаққа алу), оны Алматы қалалық сотының 2018 жылғы "
           "27 мамырдағы қаулысы өзгеріссіз қалдырды; Алматы қаласы Алмалы аудандық сотының 2018 жылғы 20 "
           "қыркүйектегі ҚР ҚК 405-бабының 2-бөлігі бойынша айыптау үкімі (1 жыл мерзімге бас бостандығын шектеу), "
           "оны Алматы қалалық сотының 2018 жылғы 30 қазандағы қаулысы өзгеріссіз қалдырды; Алматы қалалық сотының "
           "2018 жылғы 1 қарашадағы қаулысы (2018 жылғы 25 қазандағы шағым қараусыз қалдырылды)")])
def test_each_appellate_ruling_is_told_with_the_act_it_decided_and_the_acts_in_date_order(tmp_path, lang, acts):
    """An appeal decided in May is the answer to the May arrest, never printed after the September verdict as if it
    answered that (reader s9 N4, N8); acts are named as acts of their court, in the genitive (F8)."""
    district = "Алмалинский районный суд г. Алматы"
    episodes = [episode("C1", measure="conviction", legal_basis="CC 405(2)", authority=district,
                        date=datetime.date(2018, 9, 20)),
                episode("C1", measure="restriction_of_freedom", legal_basis="CC 405(2)", penalty="1 year",
                        authority=district, date=datetime.date(2018, 9, 20)),
                episode("C1", measure="administrative_arrest", legal_basis="CAO 488", penalty="15 days",
                        authority=COURT, date=datetime.date(2018, 5, 11))]
    # Rows out of order; a complaint to a court is no appeal against an act: an act of its own, at its date.
    remedies = [(datetime.date(2018, 10, 25), "Almaty City Court", "complaint", "refused", datetime.date(2018, 11, 1)),
                (datetime.date(2018, 10, 1), "Almaty City Court", "appeal", "sentence upheld",
                 datetime.date(2018, 10, 30)),
                (datetime.date(2018, 5, 16), "Almaty City Court", "appeal", "decision upheld",
                 datetime.date(2018, 5, 27))]
    result, fields = protests(tmp_path, episodes, remedies=remedies, langs=(lang,))
    assert acts in text(result, f"{lang}/domestic-complaint.pdf")
    assert not fields & {"court_acts", "court_act_date", "court_of"}


def test_a_court_the_list_has_no_genitive_of_is_an_open_point_never_its_name_in_another_case(tmp_path):
    fined = episode("C1", measure="fine", legal_basis="CAO 488", penalty="KZT 120250", authority=COURT,
                    date=datetime.date(2018, 5, 11))
    upheld = (datetime.date(2018, 5, 16), "Almaty Regional Court", "appeal", "decision upheld",
              datetime.date(2018, 5, 29))
    result, _ = protests(tmp_path, [fined], remedies=[upheld], langs=("en", "ru"))
    assert "upheld by the ruling of the Almaty Regional Court of 29 May 2018" in text(
        result, "en/domestic-complaint.pdf")
    assert ("оставленное без изменения постановлением [требуется указать: наименование суда в родительном падеже "
            "(как в словах «постановление … суда»)] от 29 мая 2018 года") in text(result, "ru/domestic-complaint.pdf")
    points = {(p.complainant_id, p.field) for p in result.open_points["ru/domestic-complaint"]}
    assert ("C1", "court_of") in points
    assert ("C1", "court_of") not in {(p.complainant_id, p.field) for p in result.open_points["en/domestic-complaint"]}


@pytest.mark.parametrize(("count", "russian"), [
    (1, "Доверенность заявителя, отмеченного в списке:"),
    (2, "Доверенности 2 заявителей, отмеченных в списке:"),
    (5, "Доверенности 5 заявителей, отмеченных в списке:"),
    (11, "Доверенности 11 заявителей, отмеченных в списке:"),
    (21, "Доверенности 21 заявителя, отмеченного в списке:"),
    (22, "Доверенности 22 заявителей, отмеченных в списке:"),
    (101, "Доверенности 101 заявителя, отмеченного в списке:"),
])
def test_the_domestic_list_asks_for_the_powers_of_attorney_it_lacks_in_agreement_with_their_number(count, russian):
    """The one question above the list named «Доверенность» for any number of rows (reader s10)."""
    from types import SimpleNamespace

    from complaints.render_html import html_environment

    people = [SimpleNamespace(number=n, name="", city="", poa_date="", poa_scan=None, complainant_id=f"C{n}",
                              measures=[]) for n in range(count)]
    people.append(SimpleNamespace(number=count, name="", city="", poa_date="", poa_scan="annexes/poa.pdf",
                                  complainant_id="C", measures=[]))  # annexed: not counted

    def question(lang):
        listing = html_environment(lang).get_template("listings/domestic-complaint.html").module
        return flat(lxml_html.fragment_fromstring(str(listing.complainants(people)), create_parent="div")
                    .find("p").text_content())

    # The question after the head is in the head's number too (reader s11 D1).
    assert question("ru").startswith(russian + (" [требуется указать: файл со скан-копией подписанной доверенности"
                                                if count == 1 else " [требуется указать: файлы со скан-копиями"))
    english = question("en")
    assert english.startswith("Power of attorney of the complainant marked in the list: [to complete: a scan"
                              if count == 1 else
                              f"Powers of attorney of {count} complainants marked in the list: [to complete: scans")
    kazakh = question("kk")
    assert kazakh.startswith("Тізімде белгіленген шағымданушының сенімхаты: [толтыру қажет: қол қойылған сенімхаттың"
                             if count == 1 else f"Тізімде белгіленген {count} шағымданушының сенімхаттары: [толтыру "
                             "қажет: қол қойылған сенімхаттардың")


def test_the_domestic_complaint_asks_for_a_power_of_attorney_it_does_not_annex(tmp_path):
    fined = [episode("C1", measure="fine", legal_basis="CAO 488", authority=COURT)]
    result, fields = protests(tmp_path, fined)
    assert "power_of_attorney" in fields
    # Asked once above the list; the row holds the bare marker (reader s9: a full marker in every row of a narrow
    # column made the list four pages long).
    listing = text(result, "en/domestic-complaint.pdf").split("List of complainants")[1]
    assert listing.count("[to complete: scans of the signed powers of attorney") == 1
    assert listing.index("Powers of attorney of 2 complainants marked in the list: [to complete: scans of the signed "
                         "powers of attorney") < listing.index("2 June 2018 [to complete]")
    result, fields = protests(tmp_path, fined, attachments=[("power_of_attorney", "annexes/C1-poa.pdf",
                                                             datetime.date(2018, 6, 2), None)])
    assert "power_of_attorney" not in fields
    assert "Power of attorney of 2 June 2018" in text(result, "en/domestic-complaint.pdf")


@pytest.mark.parametrize("document", ["domestic-complaint", "special-procedures"])
def test_each_act_of_a_person_is_an_item_of_its_own_under_the_persons_name(tmp_path, document):
    """Reader s9: a person's acts ran together in one paragraph over half a page; each date now starts a line."""
    episodes = [episode("C1", date=datetime.date(2018, 5, 10)),
                episode("C1", measure="fine", date=datetime.date(2018, 5, 11)),
                episode("C1", event_id=None, measure="search", date=datetime.date(2018, 7, 3))]
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent, appeal")],
                          episodes=episodes)
    loaded = load(path, ("en",), TODAY)
    day = build_date(loaded.settings, TODAY)
    letter = DocumentHtml(REGISTRY[document], "en", document_context(loaded.case, REGISTRY[document], "en", day), day)
    items = [flat(li.text_content()) for li in lxml_html.document_fromstring(letter.html).iter("li")]
    acts = [item.split(": ")[1] for item in items if item.startswith("Aigerim Ospanova: ") and item[18].isdigit()]
    assert acts == ["10 May 2018, Almaty", "11 May 2018, Almaty", "3 July 2018, Almaty"]


def test_the_place_a_convict_serves_the_sentence_is_asked_as_such(tmp_path):
    # A person serving a sentence is not «содержится»: the open point asks where the sentence is served (reader s9).
    result = build_one(tmp_path, ["wgad-questionnaire"], langs=("ru",), episode_extra={"measure": "imprisonment"})
    assert OpenPoint("C1", "place_of_imprisonment") in result.open_points["ru/wgad-questionnaire/C1"]
    assert OpenPoint("C1", "place_of_detention") not in result.open_points["ru/wgad-questionnaire/C1"]
    assert "[требуется указать: место отбывания наказания]" in text(result, "ru/wgad-questionnaire/C1.pdf")


def hrc_remedies_sought(tmp_path, episodes, remedies=(), lang="en", articles=None):
    """Section V of C1's HRC communication, as text, with C1's Remedies rows and `articles` cell."""
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent", articles=articles)],
                          episodes=episodes)
    add_sheet(path, "Remedies", REMEDY_HEADER, [["C1", *row] for row in remedies])
    loaded = load(path, (lang,), TODAY)
    day = build_date(loaded.settings, TODAY)
    context = document_context(loaded.case, REGISTRY["hrc"], lang, day)
    communication = DocumentHtml(REGISTRY["hrc"], lang, context | {"author": context["people"][0]}, day)
    body = flat(lxml_html.document_fromstring(communication.html).text_content())
    return body.split({"en": "V. Remedies sought", "ru": "V. Испрашиваемые средства правовой защиты",
                  "kk": "V. Сұралатын құқықтық қорғау шаралары"}[lang])[1]


@pytest.mark.parametrize("lang, named", [
    ("en", f"guaranteed by the Covenant, including the ruling of the {COURT} of 11 May 2018, No. 5-99/2018 (fine of "
           "KZT 120,250 under art. 488 CAO), upheld by the ruling of the Almaty City Court of 29 May 2018, and erase"),
    ("ru", "гарантированных Пактом, в том числе постановление Специализированного межрайонного административного суда "
           "города Алматы от 11 мая 2018 года № 5-99/2018 (штраф в размере 120 250 тенге по ст. 488 КоАП РК), "
           "оставленное без изменения постановлением Алматинского городского суда от 29 мая 2018 года, и устранить"),
    ("kk", "шешімдердің (оның ішінде Алматы қаласының мамандандырылған ауданаралық әкімшілік сотының 2018 жылғы 11 "
           "мамырдағы № 5-99/2018 қаулысы (ҚР ӘҚБтК 488-бабы бойынша 120 250 теңге мөлшерінде айыппұл), оны Алматы "
           "қалалық сотының 2018 жылғы 29 мамырдағы қаулысы өзгеріссіз қалдырды) күшін жойып")])
def test_the_hrc_remedies_name_the_court_acts_to_quash(tmp_path, lang, named):
    """The Committee is asked to have the decisions quashed: by court, date and number where recorded, the acts the
    domestic complaint asks the prosecutor to protest (reader s9)."""
    fined = episode("C1", measure="fine", legal_basis="CAO 488", penalty="KZT 120250", authority=COURT,
                    date=datetime.date(2018, 5, 11), case_number="5-99/2018")
    upheld = (datetime.date(2018, 5, 16), "Almaty City Court", "appeal", "decision upheld", datetime.date(2018, 5, 29))
    assert named in hrc_remedies_sought(tmp_path, [fined], [upheld], lang).replace("\u2060", "")  # kk "488-бабы"


def test_an_hrc_court_act_under_appeal_is_marked_and_none_recorded_keeps_the_general_request(tmp_path):
    court, day = "Almaty City Court", datetime.date(2018, 9, 20)
    verdict = episode("C1", measure="conviction", legal_basis="CC 174", authority=court, date=day)
    appeal = (datetime.date(2018, 10, 5), "Almaty Regional Court", "appeal", None, None)
    sought = hrc_remedies_sought(tmp_path, [verdict], [appeal])
    assert (f"including the guilty verdict of the {court} of 20 September 2018 under art. 174 CC, not in force (the "
            "appeal of 5 October 2018 has not been decided), and erase") in sought
    assert "no protest" not in sought
    # A fine with no body recorded names no court act: the request as it was, and no open point.
    sought = hrc_remedies_sought(tmp_path, [episode("C1", measure="fine", legal_basis="CAO 488")])
    assert ("quash the decisions taken against the author for the exercise of the rights guaranteed by the Covenant, "
            "and erase their consequences;") in sought and "to complete" not in sought.split("effective remedy")[0]


@pytest.mark.parametrize("lang, prosecuted, dismissed, expelled, quash", [
    ("en", "discontinue the criminal prosecution of the author; return to the author the property seized;",
     "reinstate the author in employment;", "reinstate the author in the educational institution;",
     "quash the decisions"),
    ("ru", "прекратить уголовное преследование автора; вернуть автору изъятое имущество;",
     "восстановить автора на работе;", "восстановить автора в учебном заведении;", "отменить решения"),
    ("kk", "автордың қылмыстық қудалауын тоқтату; алынған мүлікті авторға қайтару;",
     "авторды жұмысына қайта алу;", "авторды оқу орнына қайта қабылдау;", "шешімдердің")])
def test_with_no_court_act_the_hrc_asks_what_the_measures_call_for(tmp_path, lang, prosecuted, dismissed, expelled,
                                                                   quash):
    """«Отменить решения» with no decision named is empty (reader s10 H2): a prosecution with no verdict is to be
    discontinued, what was seized returned, a dismissed author reinstated, an expelled one readmitted (subm s11);
    each only as the measures record it. A threat is no decision: nothing but the compensation."""
    police = "Police Department"
    pending = [episode("C1", measure="criminal_case", legal_basis="CC 405(2)", authority=police),
               episode("C1", event_id=None, measure="confiscation", authority=police, date=datetime.date(2018, 7, 3))]
    sought = hrc_remedies_sought(tmp_path, pending, (), lang)
    assert prosecuted in sought and quash not in sought and dismissed not in sought
    sought = hrc_remedies_sought(tmp_path, [episode("C1", measure="dismissal", authority="School No. 5")], (), lang)
    assert dismissed in sought and quash not in sought and prosecuted.split(";")[0] not in sought
    sought = hrc_remedies_sought(tmp_path, [episode("C1", measure="expulsion", authority="University No. 2")], (), lang)
    assert expelled in sought and quash not in sought and dismissed not in sought
    threatened = hrc_remedies_sought(tmp_path, [episode("C1", measure="threats", authority=police)], (), lang)
    assert not any(asked in threatened for asked in (quash, dismissed, expelled, prosecuted.split(";")[0]))
    assert {"en": "provide the author with", "ru": "предоставить автору", "kk": "авторға құқықтық"}[lang] in threatened
    # A verdict ends the prosecution: its act is quashed, never a prosecution "discontinued".
    convicted = [*pending, episode("C1", measure="conviction", legal_basis="CC 405(2)", date=datetime.date(2018, 9, 1))]
    sought = hrc_remedies_sought(tmp_path, convicted, (), lang)
    assert quash in sought and prosecuted.split(";")[0] not in sought and prosecuted.split("; ")[1] in sought


@pytest.mark.parametrize("lang, investigate", [
    ("en", "conduct a prompt, impartial, thorough and effective investigation into the author's allegations of "
           "ill-treatment and, if they are confirmed, prosecute, try and punish those responsible;"),
    ("ru", "провести оперативное, беспристрастное, тщательное и эффективное расследование утверждений автора о "
           "жестоком обращении и, в случае их подтверждения, привлечь виновных к ответственности, предать их суду и "
           "наказать;"),
    ("kk", "автордың қатыгез қарым-қатынас туралы мәлімдемелерін жедел, бейтарап, мұқият және тиімді тергеу және олар "
           "расталған жағдайда кінәлілерді жауаптылыққа тартып, сотқа беріп, жазалау;")])
def test_the_hrc_asks_for_an_investigation_of_the_ill_treatment_only_where_article_7_is_claimed(tmp_path, lang,
                                                                                                investigate):
    """Article 7 claimed for the author: the State party is asked to investigate and to punish those responsible, as
    the Committee asks in its Views on article 7 (subm s11). Not where article 7 is only an open point (force used,
    the lawyer undecided) or ruled out, nor where nothing engages it."""
    beaten = episode("C1", measure="ill_treatment", date=datetime.date(2018, 5, 10))
    assert investigate in hrc_remedies_sought(tmp_path, [beaten], lang=lang)
    forced = episode("C1", treatment="force used")
    assert investigate in hrc_remedies_sought(tmp_path, [forced], lang=lang, articles="+7")
    assert investigate not in hrc_remedies_sought(tmp_path, [forced], lang=lang)  # an open point, no request
    assert investigate not in hrc_remedies_sought(tmp_path, [beaten], lang=lang, articles="-7")
    assert investigate not in hrc_remedies_sought(tmp_path, [episode("C1")], lang=lang)


@pytest.mark.parametrize("lang, fine, arrest, protest", [
    ("en", "17 May 2018 — appeal (Almaty City Court) against the ruling of 11 May 2018 (fine): decision upheld "
           "(29 May 2018).",
     "1 July 2018 — appeal (Almaty City Court) against the ruling of 24 June 2018 (administrative arrest): not yet "
     "decided.",
     "2 July 2018 — request for a prosecutor's protest (Prosecutor General's Office of the Republic of Kazakhstan): "),
    ("ru", "17 мая 2018 года — апелляционная жалоба (Алматинский городской суд) на постановление от 11 мая 2018 года "
           "(штраф): ",
     "1 июля 2018 года — апелляционная жалоба (Алматинский городской суд) на постановление от 24 июня 2018 года "
     "(административный арест): ",
     "2 июля 2018 года — ходатайство о принесении протеста прокурором (Генеральная прокуратура Республики "
     "Казахстан): "),
    ("kk", "2018 жылғы 17 мамыр — 2018 жылғы 11 мамырдағы қаулыға (айыппұл) апелляциялық шағым (Алматы қалалық соты): ",
     "2018 жылғы 1 шілде — 2018 жылғы 24 маусымдағы қаулыға (әкімшілік қамаққа алу) апелляциялық шағым (Алматы "
     "қалалық соты): ",
     "2018 жылғы 2 шілде — прокурордың наразылық келтіруі туралы өтініш (Қазақстан Республикасының Бас "
     "прокуратурасы): ")])
def test_each_remedy_to_a_court_names_the_act_it_was_filed_against(tmp_path, lang, fine, arrest, protest):
    """With a fine and an arrest, a list of appeals that never says against what leaves the Working Group unable to
    tell which concerns the deprivation of liberty (reader s10 Q2, S2): the act is the one court_acts links."""
    episodes = [episode("C1", measure="fine", legal_basis="CAO 488", penalty="KZT 120250", authority=COURT,
                        date=datetime.date(2018, 5, 11)),
                episode("C1", measure="administrative_arrest", legal_basis="CAO 488", penalty="10 days",
                        authority=COURT, date=datetime.date(2018, 6, 24))]
    remedies = [(datetime.date(2018, 7, 1), "Almaty City Court", "appeal", None, None),
                (datetime.date(2018, 5, 17), "Almaty City Court", "appeal", "decision upheld",
                 datetime.date(2018, 5, 29)),
                (datetime.date(2018, 7, 2), "Prosecutor General's Office", "protest", None, None)]
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent")], episodes=episodes)
    add_sheet(path, "Remedies", REMEDY_HEADER, [["C1", *row] for row in remedies])
    loaded = load(path, (lang,), TODAY)
    day = build_date(loaded.settings, TODAY)
    for document in ("hrc", "special-procedures"):
        context = document_context(loaded.case, REGISTRY[document], lang, day)
        page = DocumentHtml(REGISTRY[document], lang, context | {"author": context["people"][0]}, day)
        body = flat(lxml_html.document_fromstring(page.html).text_content()).replace("\u2060", "")
        assert fine in body and arrest in body, document
        # A request for a prosecutor's protest is no remedy to a court: no act is linked to it.
        assert protest in body, document


@pytest.mark.parametrize("lang, line", [
    ("en", "13 October 2018 — cassation appeal (Supreme Court of the Republic of Kazakhstan) against the verdict of "
           "30 July 2018: not yet decided."),
    ("ru", "13 октября 2018 года — ходатайство о пересмотре в кассационном порядке приговора от 30 июля 2018 года "
           "(Верховный суд Республики Казахстан): ещё не рассмотрено."),
    ("kk", "2018 жылғы 13 қазан — 2018 жылғы 30 шілдедегі үкімді кассациялық тәртіппен қайта қарау туралы өтінішхат "
           "(Қазақстан Республикасының Жоғарғы Соты): әлі қаралмаған.")])
def test_a_petition_for_review_names_the_act_to_be_reviewed_in_its_own_case(tmp_path, lang, line):
    """«ходатайство о пересмотре … приговора», kk «үкімді … қайта қарау», never «на приговор» / «үкімге»."""
    verdict = episode("C1", measure="conviction", legal_basis="CC 174", authority="Almaty City Court",
                      date=datetime.date(2018, 7, 30))
    petition = (datetime.date(2018, 10, 13), "Supreme Court", "cassation", None, None)
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent")], episodes=[verdict])
    add_sheet(path, "Remedies", REMEDY_HEADER, [["C1", *petition]])
    loaded = load(path, (lang,), TODAY)
    day = build_date(loaded.settings, TODAY)
    context = document_context(loaded.case, REGISTRY["hrc"], lang, day)
    page = DocumentHtml(REGISTRY["hrc"], lang, context | {"author": context["people"][0]}, day)
    assert line in flat(lxml_html.document_fromstring(page.html).text_content()).replace("\u2060", "")


@pytest.mark.parametrize("lang, named, alone", [
    ("en", "21 September 2018 — complaint (Prosecutor General's Office of the Republic of Kazakhstan) against the acts "
           "of 17 September 2018 (detention, torture or ill-treatment): ",
     "1 May 2018 — complaint (Prosecutor General's Office of the Republic of Kazakhstan): "),
    ("ru", "21 сентября 2018 года — жалоба (Генеральная прокуратура Республики Казахстан) на действия 17 сентября 2018 "
           "года (задержание, пытки или жестокое обращение): ",
     "1 мая 2018 года — жалоба (Генеральная прокуратура Республики Казахстан): "),
    ("kk", "2018 жылғы 21 қыркүйек — 2018 жылғы 17 қыркүйектегі әрекеттерге (ұстау, азаптау немесе қатыгез қарым-"
           "қатынас) шағым (Қазақстан Республикасының Бас прокуратурасы): ",
     "2018 жылғы 1 мамыр — шағым (Қазақстан Республикасының Бас прокуратурасы): ")])
def test_a_complaint_to_a_prosecutor_names_the_acts_it_was_filed_against(tmp_path, lang, named, alone):
    """«жалоба (Прокуратура …): нарушений не выявлено» named nothing while the appeals name their act (reader s11
    Q8): the acts of the police of the latest day before it (the court's arrest of the next day is no such act); a
    complaint filed before any act names none."""
    episodes = [episode("C1", measure="detention", date=datetime.date(2018, 9, 17)),
                episode("C1", measure="ill_treatment", date=datetime.date(2018, 9, 17)),
                episode("C1", measure="administrative_arrest", legal_basis="CAO 488", penalty="10 days",
                        authority=COURT, date=datetime.date(2018, 9, 18))]
    remedies = [(datetime.date(2018, 9, 21), "Prosecutor General's Office", "complaint", "no violation found",
                 datetime.date(2018, 10, 21)),
                (datetime.date(2018, 5, 1), "Prosecutor General's Office", "complaint", None, None),
                # Three months after the acts: it may concern anything, and names nothing.
                (datetime.date(2018, 12, 20), "Prosecutor General's Office", "complaint", None, None)]
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent")], episodes=episodes)
    add_sheet(path, "Remedies", REMEDY_HEADER, [["C1", *row] for row in remedies])
    late = {"en": "20 December 2018 — complaint (Prosecutor General's Office of the Republic of Kazakhstan): ",
            "ru": "20 декабря 2018 года — жалоба (Генеральная прокуратура Республики Казахстан): ",
            "kk": "2018 жылғы 20 желтоқсан — шағым (Қазақстан Республикасының Бас прокуратурасы): "}[lang]
    loaded = load(path, (lang,), TODAY)
    day = build_date(loaded.settings, TODAY)
    for document in ("hrc", "special-procedures", "wgad-questionnaire"):
        context = document_context(loaded.case, REGISTRY[document], lang, day)
        page = DocumentHtml(REGISTRY[document], lang, context | {"author": context["people"][0]}, day)
        body = flat(lxml_html.document_fromstring(page.html).text_content()).replace("\u2060", "")
        assert named in body and alone in body and late in body, (document, body)


@pytest.mark.parametrize("event_id, heading", [("rally", False), (None, True)])
def test_the_special_procedures_letter_heads_other_acts_only_when_there_are_some(tmp_path, event_id, heading):
    """The heading «Other acts of persecution» stood over an empty list in every letter (subm s10)."""
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent")],
                          episodes=[episode("C1", event_id=event_id)])
    loaded = load(path, ("en",), TODAY)
    day = build_date(loaded.settings, TODAY)
    letter = DocumentHtml(REGISTRY["special-procedures"], "en",
                          document_context(loaded.case, REGISTRY["special-procedures"], "en", day), day)
    assert ("Other acts of persecution" in letter.html) is heading


# The lines of the Special Procedures' addressees (context.MANDATES), as the letter and the urgent appeal print them.
MANDATE_LINES = {
    "assembly": ("the United Nations Special Rapporteur on the rights to freedom of peaceful assembly and of "
                 "association", "Специальному докладчику ООН по вопросу о праве на свободу мирных собраний и праве "
                 "на свободу ассоциации", "Бейбіт жиналыс және бірлесу бостандығы құқықтары жөніндегі БҰҰ-ның арнайы "
                 "баяндамашысына"),
    "expression": ("the United Nations Special Rapporteur on the promotion and protection of the right to freedom of "
                   "opinion and expression", "Специальному докладчику ООН по вопросу о поощрении и защите права на "
                   "свободу мнений и их свободное выражение", None),
    "defenders": ("the United Nations Special Rapporteur on the situation of human rights defenders",
                  "Специальному докладчику ООН по вопросу о положении правозащитников",
                  "Құқық қорғаушылардың жағдайы жөніндегі БҰҰ-ның арнайы баяндамашысына"),
    "torture": ("the United Nations Special Rapporteur on torture and other cruel, inhuman or degrading treatment or "
                "punishment", "Специальному докладчику ООН по вопросу о пытках и других жестоких, бесчеловечных или "
                "унижающих достоинство видах обращения и наказания", None),
    "wgad": ("the Working Group on Arbitrary Detention", "Рабочей группе по произвольным задержаниям",
             "Өз бетінше ұстау жөніндегі жұмыс тобына"),
}
SP_BODY = {"en": "Special Procedures Branch, Quick Response Desk",
           "ru": "Сектор специальных процедур, Группа оперативного реагирования",
           "kk": "Арнайы рәсімдер бөлімі, Жедел ден қою тобы"}
HELD_FOR = {"measure": "pretrial_detention", "date": datetime.date(2026, 10, 1), "penalty": "2 months"}


@pytest.mark.parametrize("episodes, urgent, letter", [
    # A post only: the Rapporteur on expression, and the Working Group for the person held; not the Rapporteur on
    # assembly, nor on defenders (reader s11 U4).
    ([episode("C1", None, grounds="online post", **HELD_FOR)], ["expression", "wgad"], ["expression", "wgad"]),
    ([episode("C1", None, grounds="protest", **HELD_FOR)], ["assembly", "wgad"], ["assembly", "wgad"]),
    # An observer of an election is a human rights defender (context.DEFENDER_GROUNDS); a journalist is not, as such.
    ([episode("C1", None, grounds="election observation", **HELD_FOR)], ["defenders", "wgad"], ["defenders", "wgad"]),
    ([episode("C1", None, grounds="journalism", **HELD_FOR)], ["expression", "wgad"], ["expression", "wgad"]),
    # The urgent appeal lists only the person still held: the other's protest is not its matter.
    ([episode("C1", None, grounds="online post", **HELD_FOR), episode("C2", None, measure="fine", grounds="protest")],
     ["expression", "wgad"], ["assembly", "expression", "wgad"]),
    # No one deprived of liberty: no Working Group; ill-treatment: the Rapporteur on torture.
    ([episode("C1", None, measure="fine", grounds="online post")], None, ["expression"]),
    ([episode("C1", None, measure="ill_treatment", grounds="assistance to families")], None, ["defenders", "torture"]),
    # Nothing engages a mandate: the lawyer chooses, no default list.
    ([episode("C1", None, measure="fine")], None, []),
])
def test_the_special_procedures_are_addressed_by_the_data_of_the_persons_listed(tmp_path, episodes, urgent, letter):
    people = [person("C1"), person("C2", id_document="2")]
    loaded = load(write_workbook(tmp_path / "case.xlsx", people=people, episodes=episodes), ("en", "ru", "kk"), TODAY)
    day = build_date(loaded.settings, TODAY)
    for document, keys in (("special-procedures-urgent", urgent), ("special-procedures", letter)):
        if keys is None:
            continue
        for index, (lang, to) in enumerate((("en", "To: "), ("ru", "Кому: "), ("kk", ""))):
            html = DocumentHtml(REGISTRY[document], lang, document_context(loaded.case, REGISTRY[document], lang, day),
                                day).html
            # (Without the word joiner the typesetting puts after a hyphen: «БҰҰ-ның».)
            lines = [flat(p.text_content()).replace("\u2060", "")
                     for p in lxml_html.document_fromstring(html).find_class("addressee")]
            shown = lines[:lines.index(SP_BODY[lang])]
            if not keys:
                assert shown == [to + {"en": "[to complete: the Special Procedures mandates to address]",
                                       "ru": "[требуется указать: мандаты специальных процедур, которым адресуется "
                                             "обращение]",
                                       "kk": "[толтыру қажет: өтініш жолданатын арнайы рәсімдер мандаттары]"}[lang]]
                continue
            assert len(shown) == len(keys), (document, lang, shown)
            assert shown[0].startswith(to) and shown[0] != to, (document, lang, shown)
            for line, key in zip([shown[0][len(to):]] + shown[1:], keys, strict=True):
                expected = MANDATE_LINES[key][index]
                assert expected is None or line == expected, (document, lang, line)


@pytest.mark.parametrize("episodes, en, ru, kk", [
    ([episode("C1", None, grounds="online post", **HELD_FOR)],
     "We ask the Special Rapporteur and the Working Group on Arbitrary Detention to send a joint communication",
     "Просим специального докладчика и Рабочую группу по произвольным задержаниям направить правительству совместное "
     "сообщение", "Арнайы баяндамашы мен Өз бетінше ұстау жөніндегі жұмыс тобынан Үкіметке бірлескен хабарлама"),
    ([episode("C1", None, grounds="online post", **HELD_FOR), episode("C2", None, measure="fine", grounds="protest")],
     "We ask the Special Rapporteurs and the Working Group on Arbitrary Detention to send a joint communication",
     "Просим специальных докладчиков и Рабочую группу по произвольным задержаниям направить правительству "
     "совместное сообщение", "Арнайы баяндамашылар мен Өз бетінше ұстау жөніндегі жұмыс тобынан Үкіметке бірлескен"),
    ([episode("C1", None, measure="pretrial_detention", date=datetime.date(2026, 10, 1), penalty="2 months")],
     "We ask the Working Group on Arbitrary Detention to send a communication to the Government",
     "Просим Рабочую группу по произвольным задержаниям направить правительству сообщение",
     "Өз бетінше ұстау жөніндегі жұмыс тобынан Үкіметке хабарлама жолдауды"),
    ([episode("C1", None, measure="fine", grounds="online post")],
     "We ask the Special Rapporteur to send a communication to the Government",
     "Просим специального докладчика направить правительству сообщение",
     "Арнайы баяндамашыдан Үкіметке хабарлама жолдауды"),
])
def test_the_letter_asks_the_bodies_it_addresses_in_their_number(tmp_path, episodes, en, ru, kk):
    people = [person("C1"), person("C2", id_document="2")]
    loaded = load(write_workbook(tmp_path / "case.xlsx", people=people, episodes=episodes), ("en", "ru", "kk"), TODAY)
    day = build_date(loaded.settings, TODAY)
    for lang, expected in (("en", en), ("ru", ru), ("kk", kk)):
        html = DocumentHtml(REGISTRY["special-procedures"], lang,
                            document_context(loaded.case, REGISTRY["special-procedures"], lang, day), day).html
        summary = flat(lxml_html.document_fromstring(html).xpath("//h2/following-sibling::p[1]")[0].text_content())
        assert expected in summary, (lang, summary)
