"""Free text is printed in the document's language when it is given in it, and marked when it is not."""

from __future__ import annotations

import datetime

from complaints.context import free_text
from complaints.i18n import language


def test_a_document_prints_its_own_languages_text_first():
    texts = {"en": "Detained at the square.", "ru": "Задержан на площади."}
    assert free_text(language("ru"), texts, "typed without a language") == "Задержан на площади."


def test_text_of_unstated_language_comes_before_another_languages_text():
    assert free_text(language("kk"), {"en": "Detained."}, "Ұсталды.") == "Ұсталды."


def test_another_languages_text_is_marked_with_its_language():
    assert free_text(language("ru"), {"en": "Detained."}, None) == "Detained. [язык оригинала: английский]"
    assert free_text(language("kk"), {"ru": "Задержан."}, None) == "Задержан. [түпнұсқа тілі: орыс тілі]"
    assert free_text(language("en"), {"kk": "Ұсталды."}, None) == "Ұсталды. [original language: Kazakh]"
    assert free_text(language("en"), {}, None) == ""


def test_episode_descriptions_and_authorities_per_language_reach_the_documents(workbook):
    from complaints.build import load
    from complaints.context import document_context
    from complaints.documents import REGISTRY

    from conftest import TODAY, episode

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
    assert [e.description for e in views["ru"]] == ["Задержан у остановки.", "Fined. [язык оригинала: английский]"]
    assert [e.description for e in views["kk"]] == ["as typed", "Fined. [түпнұсқа тілі: ағылшын тілі]"]
    # A body the list knows, under any language's name, is printed under its official name.
    assert views["kk"][0].authority == "Алматы қаласының Полиция департаменті"
    assert views["ru"][1].authority == "Белгісіз орган [язык оригинала: казахский]"
