"""Names and authorities in the alphabetical order of the document's language (CLDR), not by code point."""

from __future__ import annotations

import pytest

from complaints.collation import alphabetical

KAZAKH_WORDS = ["Яков", "ҰҚК", "Өскемен", "Ілияс", "Ыдырыс", "Қайрат", "Кемел", "Ғалым", "Гүл", "Әлия", "Алматы",
                "Ұлан", "Үміт", "Уәли", "Ораз", "Нұр", "Ңа", "Хан", "Һауа"]


def test_kazakh_letters_follow_the_kazakh_alphabet():
    assert alphabetical("kk", KAZAKH_WORDS) == [
        "Алматы", "Әлия", "Гүл", "Ғалым", "Кемел", "Қайрат", "Нұр", "Ңа", "Ораз", "Өскемен", "Уәли", "ҰҚК", "Ұлан",
        "Үміт", "Хан", "Һауа", "Ыдырыс", "Ілияс", "Яков"]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_kazakh_letters_do_not_come_after_ya(lang):
    ordered = alphabetical(lang, ["Яков", "ҰҚК", "Өскемен", "Алматы"])
    assert ordered[-1] == "Яков"
    assert ordered.index("Өскемен") < ordered.index("ҰҚК")


def test_english_puts_latin_before_cyrillic_and_ignores_case():
    assert alphabetical("en", ["Алматы", "zhanaozen", "Almaty", "aktau"]) == ["aktau", "Almaty", "zhanaozen", "Алматы"]


def test_the_order_does_not_depend_on_the_input_order():
    words = ["е", "ё", "Е", "Ё", "ж"]
    assert alphabetical("ru", words) == alphabetical("ru", list(reversed(words)))


def test_documents_list_names_and_authorities_alphabetically_and_annex_numbers_keep_their_order(workbook):
    from complaints.build import load
    from complaints.context import document_context
    from complaints.documents import REGISTRY

    from conftest import TODAY, episode, person

    people = [person("C1", surname="Ясинов", id_document="1"), person("C2", surname="Өмірбеков", id_document="2"),
              person("C3", surname="Абаев", id_document="3")]
    # Bodies not in the list of authorities, so that they print as written.
    episodes = [episode("C1", authority="Ясная школа"), episode("C2", authority="Ұлан мектебі"),
                episode("C3", authority="Өскемен зауыты")]
    case = load(workbook(people=people, episodes=episodes), ("kk",), TODAY).case
    confidential = document_context(case, REGISTRY["special-procedures"], "kk", TODAY)
    assert confidential["authorities"] == ["Өскемен зауыты", "Ұлан мектебі", "Ясная школа"]
    assert [p.surname for p in confidential["people_listed"]] == ["Абаев", "Өмірбеков", "Ясинов"]
    assert [p.surname for p in confidential["events"][0]["people"]] == ["Абаев", "Өмірбеков", "Ясинов"]
    public = document_context(case, REGISTRY["collective-complaint"], "kk", TODAY)
    assert [p.number for p in public["people_listed"]] == [1, 2, 3]
