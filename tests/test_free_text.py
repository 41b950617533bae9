"""Free text is printed in the document's language when it is given in it, and marked when it is not."""

from __future__ import annotations

import datetime

from markupsafe import Markup

from complaints.build import build
from complaints.context import free_text
from complaints.i18n import language
from complaints.open_points import OpenPoint, open_points, untranslated_texts

from conftest import TODAY, episode, person, write_workbook


def test_a_document_prints_its_own_languages_text_first():
    texts = {"en": "Detained at the square.", "ru": "Задержан на площади."}
    assert free_text(language("ru"), texts, "typed without a language") == "Задержан на площади."


def test_text_of_unstated_language_comes_before_another_languages_text():
    assert free_text(language("kk"), {"en": "Detained."}, "Ұсталды.") == "Ұсталды."


def shown(text: str) -> str:
    return Markup(text).striptags()


def test_a_text_of_unstated_language_in_another_script_than_the_documents_is_marked_as_untranslated():
    # Latin letters in a Russian or Kazakh document, Cyrillic ones in an English document, Kazakh
    # letters in a Russian one: never printed silently, marked with the language the letters show.
    serving = "Serving the sentence in a general-regime colony."
    assert shown(free_text(language("ru"), {}, serving)) == serving + " [язык оригинала: английский]"
    assert shown(free_text(language("kk"), {}, serving)) == serving + " [түпнұсқа тілі: ағылшын тілі]"
    assert shown(free_text(language("en"), {}, "Задержан на площади.")) == (
        "Задержан на площади. [original language: Russian]")
    assert shown(free_text(language("en"), {}, "Алаңда ұсталды.")) == "Алаңда ұсталды. [original language: Kazakh]"
    assert shown(free_text(language("ru"), {}, "Алаңда ұсталды.")) == "Алаңда ұсталды. [язык оригинала: казахский]"
    # A stated language's version is preferred to the plain text marked; to send, it is an open point.
    assert shown(free_text(language("ru"), {"kk": "Ұсталды."}, serving)) == "Ұсталды. [язык оригинала: казахский]"
    assert open_points(f"<p>{free_text(language('ru'), {}, serving, 'C1', to_send=True)}</p>") == (
        OpenPoint("C1", "translation"),)


def test_a_text_of_unstated_language_in_the_documents_script_prints_as_typed():
    # A Russian word or a Latin name inside the text does not change the script it is written in.
    assert free_text(language("ru"), {}, "Изъят телефон iPhone.") == "Изъят телефон iPhone."
    assert free_text(language("en"), {}, "Detained by the Алматы police.") == "Detained by the Алматы police."
    # Kazakh written without its own letters cannot be told from Russian: it prints in Kazakh documents.
    assert free_text(language("kk"), {}, "Ұсталды.") == "Ұсталды."
    assert free_text(language("kk"), {}, "Школа-гимназия № 7") == "Школа-гимназия № 7"
    assert free_text(language("ru"), {}, "№ 7, 2018") == "№ 7, 2018"  # no letters: nothing to judge


def test_another_languages_text_is_marked_with_its_language():
    assert shown(free_text(language("ru"), {"en": "Detained."}, None)) == "Detained. [язык оригинала: английский]"
    assert shown(free_text(language("kk"), {"ru": "Задержан."}, None)) == "Задержан. [түпнұсқа тілі: орыс тілі]"
    assert shown(free_text(language("en"), {"kk": "Ұсталды."}, None)) == "Ұсталды. [original language: Kazakh]"
    assert free_text(language("en"), {}, None) == ""


def test_another_languages_text_is_escaped_and_its_marker_read_back():
    marked = free_text(language("en"), {"kk": "<b>Ұсталды</b>"}, None, "C1")
    assert "<b>" not in marked and untranslated_texts(f"<p>{marked}</p>") == 1
    assert untranslated_texts("<p>Ұсталды. [original language: Kazakh]</p>") == 0  # typed, it is not a marker
    # In a version sent to a body, the lawyer must have it translated: an open point too.
    sent = free_text(language("en"), {"kk": "Ұсталды."}, None, "C1", to_send=True)
    assert open_points(f"<p>{sent}</p>") == (OpenPoint("C1", "translation"),)
    assert open_points(f"<p>{marked}</p>") == ()


def test_episode_descriptions_and_authorities_per_language_reach_the_documents(workbook):
    from complaints.build import load
    from complaints.context import document_context
    from complaints.documents import REGISTRY

    episodes = [episode(date=datetime.date(2018, 5, 10), description="as typed",
                        description_ru="Задержан у остановки.", description_en="Detained at a bus stop.",
                        authority_ru="Департамент полиции г. Алматы", authority_kk="Алматы полициясы"),
                episode(date=datetime.date(2018, 5, 11), description_en="Fined.", authority_kk="Белгісіз орган")]
    loaded = load(workbook(episodes=episodes), ("en", "ru", "kk"), TODAY)
    # Row 2 names a body the list knows (in Russian), row 3 one it does not.
    assert [(i.code, i.column, i.row) for i in loaded.report.issues if i.column and "authority" in i.column] == [
        ("unknown-authority", "authority_kk", 3)]
    views = {code: document_context(loaded.case, REGISTRY["domestic-complaint"], code, TODAY)["people"][0].episodes
             for code in ("ru", "kk")}
    # The complaint is sent to the Prosecutor General in both languages: a text not in its language is to translate.
    to_translate = {"ru": " [требуется указать: перевод предшествующего текста на язык документа]",
                    "kk": " [толтыру қажет: осы белгінің алдындағы мәтіннің құжат тіліне аудармасы]"}
    assert [shown(e.description) for e in views["ru"]] == ["Задержан у остановки.",
                                                           "Fined. [язык оригинала: английский]" + to_translate["ru"]]
    # The text of unstated language is in Latin letters: in Kazakh, a stated language's text is marked instead.
    assert [shown(e.description) for e in views["kk"]] == ["Detained at a bus stop. [түпнұсқа тілі: ағылшын тілі]"
                                                           + to_translate["kk"],
                                                           "Fined. [түпнұсқа тілі: ағылшын тілі]" + to_translate["kk"]]
    # A body the list knows, under any language's name, is printed under its official name.
    assert views["kk"][0].authority == "Алматы қаласының Полиция департаменті"
    assert shown(views["ru"][1].authority) == "Белгісіз орган [язык оригинала: казахский]" + to_translate["ru"]


def test_the_build_counts_untranslated_texts_and_a_version_to_send_leaves_them_open(tmp_path):
    episodes = [episode("C1", description_kk="Алаңда ұсталды.", authority_kk="Белгісіз орган"),
                episode("C1", date=datetime.date(2018, 5, 11), description_en="Fined.", description_kk="Айыппұл.")]
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent")], episodes=episodes)
    result = build(path, langs=["en", "kk"], formats=["docx"], documents=["hrc"], output_root=tmp_path / "out",
                   today=TODAY)
    # In English the first description and the authority are in Kazakh; in Kazakh everything is in Kazakh.
    assert result.untranslated == {"en/hrc/C1": 2}
    assert OpenPoint("C1", "translation") in result.open_points["en/hrc/C1"]
    assert OpenPoint("", "translation") in result.open_points["en/hrc/C1"]  # the authority's name
    assert not {p.field for p in result.open_points["kk/hrc/C1"]} & {"translation"}


def test_a_courtesy_translation_counts_its_untranslated_texts_without_an_open_point(tmp_path):
    episodes = [episode("C1", description_ru="Задержан на площади.")]
    path = write_workbook(tmp_path / "case.xlsx", people=[person("C1", poa_scope="represent")], episodes=episodes)
    # The Committee does not work in Kazakh: the Kazakh communication is not sent, only read.
    result = build(path, langs=["kk"], formats=["docx"], documents=["hrc"], output_root=tmp_path / "out", today=TODAY)
    assert result.untranslated == {"kk/hrc/C1": 1}
    assert not {p.field for p in result.open_points["kk/hrc/C1"]} & {"translation"}
