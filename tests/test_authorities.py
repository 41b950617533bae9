"""Authorities typed under any of their names print under their official name in the document's language."""

from __future__ import annotations

import datetime
import io

import pytest
from markupsafe import Markup

from complaints.authorities import Authorities, anachronistic, official_name


@pytest.mark.parametrize("typed", ["ҰҚК", "КНБ", "KNB", "National Security Committee", "ҚР ҰҚК"])
def test_one_body_under_its_abbreviations_in_three_languages(typed):
    assert Authorities.default().resolve(typed).key == "knb"
    assert official_name("ru", typed) == "Комитет национальной безопасности Республики Казахстан"
    assert official_name("kk", typed) == "Қазақстан Республикасы Ұлттық қауіпсіздік комитеті"
    assert official_name("en", typed) == "National Security Committee of the Republic of Kazakhstan"


def test_case_quotes_and_the_word_for_city_make_no_difference():
    assert Authorities.default().resolve("дкнб по АЛМАТЫ").key == "knb_almaty"
    assert Authorities.default().resolve("Департамент полиции города Алматы").key == "police_almaty"


def test_an_unknown_authority_is_printed_as_written():
    assert Authorities.default().resolve("School No. 12 administration") is None
    assert official_name("ru", "School No. 12 administration") == "School No. 12 administration"


@pytest.mark.parametrize("typed, day, expected", [
    ("Специализированный административный суд г. Нур-Султана", datetime.date(2018, 10, 9), True),
    ("Специализированный административный суд г. Нур-Султана", datetime.date(2020, 10, 9), False),
    ("Нұр-Сұлтан қалалық соты", datetime.date(2023, 1, 1), True),
    ("Nur-Sultan city court", datetime.date(2019, 3, 23), False),
    ("Департамент полиции г. Астаны", datetime.date(2020, 5, 1), True),
    ("Департамент полиции г. Астаны", datetime.date(2018, 5, 1), False),
    ("Астана қалалық соты", None, False),
])
def test_a_city_name_not_in_use_on_the_day_is_anachronistic(typed, day, expected):
    assert anachronistic(typed, day) is expected


def test_the_list_refuses_a_name_given_to_two_bodies():
    text = "key,en,ru,kk,genitive_ru,genitive_kk,region,aliases\na,A,А,А,,,,X\nb,B,Б,Б,,,,x\n"
    with pytest.raises(ValueError, match="already names 'a'"):
        Authorities.from_csv(io.StringIO(text), "test.csv")


def test_every_court_has_its_genitive_and_a_court_without_one_is_refused():
    """The documents name a court's acts as «постановление Алматинского городского суда»: a form of its own,
    never the nominative printed in its place (reader s9 N8)."""
    court = Authorities.default().resolve("Алматинский городской суд")
    assert [court.genitive(lang) for lang in ("en", "ru", "kk")] == [
        "Almaty City Court", "Алматинского городского суда", "Алматы қалалық сотының"]
    text = "key,en,ru,kk,genitive_ru,genitive_kk,region,aliases\ncourt_a,A Court,А суд,А соты,А суда,,,\n"
    with pytest.raises(ValueError, match="'court_a' has no genitive"):
        Authorities.from_csv(io.StringIO(text), "test.csv")


def test_validation_warns_at_the_cell_and_documents_print_the_official_name(workbook):
    from complaints.build import load
    from complaints.context import document_context
    from complaints.documents import REGISTRY

    from conftest import TODAY, episode

    episodes = [episode(authority="Специализированный административный суд г. Нур-Султана",
                        date=datetime.date(2018, 5, 10)),
                episode(authority="ДКНБ по г. Алматы", date=datetime.date(2018, 5, 11)),
                episode(authority="Some unlisted body", date=datetime.date(2018, 5, 12))]
    loaded = load(workbook(episodes=episodes), ("kk",), TODAY)
    issues = sorted((i.code, i.row) for i in loaded.report.issues if i.column == "authority")
    assert issues == [("anachronistic-authority", 2), ("unknown-authority", 4)]
    context = document_context(loaded.case, REGISTRY["special-procedures"], "kk", TODAY)
    # A name the list does not know prints as typed; in Latin letters in a Kazakh document, marked
    # as untranslated.
    assert [Markup(name).striptags() for name in context["authorities"]] == [
        "Астана қаласының мамандандырылған ауданаралық әкімшілік соты",
        "Ұлттық қауіпсіздік комитетінің Алматы қаласы бойынша департаменті",
        "Some unlisted body [түпнұсқа тілі: ағылшын тілі]"]


@pytest.mark.parametrize("typed, day, expected", [
    ("Шымкентский городской суд", datetime.date(2018, 6, 18), False),
    ("Шымкентский городской суд", datetime.date(2018, 6, 19), True),
    ("Департамент полиции г. Шымкента", datetime.date(2018, 5, 10), False),
    ("ДКНБ по г. Шымкенту", None, True),
    # Bodies that existed before Shymkent became a city of republican significance.
    ("Управление полиции г. Шымкента ДП ЮКО", datetime.date(2018, 5, 10), True),
    ("Южно-Казахстанский областной суд", datetime.date(2018, 5, 10), True),
    ("Енбекшинский районный суд г. Шымкента", datetime.date(2018, 5, 10), True),
])
def test_a_body_of_shymkent_as_a_city_of_republican_significance_exists_from_19_june_2018(typed, day, expected):
    assert Authorities.default().resolve(typed).existed_on(day) is expected


def test_the_list_refuses_a_body_of_an_unknown_region():
    text = "key,en,ru,kk,genitive_ru,genitive_kk,region,aliases\na,A,А,А,,,atlantis,\n"
    with pytest.raises(ValueError, match="not a known region"):
        Authorities.from_csv(io.StringIO(text), "test.csv", {})


def test_validation_warns_at_the_cell_of_a_shymkent_city_body_before_19_june_2018(workbook):
    from complaints.build import load

    from conftest import TODAY, episode

    episodes = [episode(authority="Шымкентский городской суд", date=datetime.date(2018, 5, 10)),
                episode(authority="Управление полиции г. Шымкента ДП ЮКО", date=datetime.date(2018, 5, 11)),
                episode(authority_kk="Шымкент қаласының Полиция департаменті", date=datetime.date(2018, 6, 1)),
                episode(authority="Департамент полиции г. Шымкента", date=datetime.date(2018, 7, 2))]
    loaded = load(workbook(episodes=episodes), ("ru",), TODAY)
    issues = sorted((i.code, i.row, i.column) for i in loaded.report.issues if i.code == "authority-before-region")
    assert issues == [("authority-before-region", 2, "authority"), ("authority-before-region", 4, "authority_kk")]
