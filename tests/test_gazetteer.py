import csv
import io
from importlib.resources import files

import pytest

from complaints.gazetteer import Gazetteer, Place, normalise

# Every place the public reports in shared/seeds name, spelled as they spell it.
SEED_PLACES = [
    "Astana",
    "Nur-Sultan",
    "Almaty",
    "Shymkent",
    "Aktau",
    "Aktobe",
    "Pavlodar",
    "Semey",
    "Uralsk",
    "Ust-Kamenogorsk",
    "Kaskelen",
    "Kyzylorda",
    "Kostanay",
    "Taldykorgan",
]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def _csv_rows() -> list[dict[str, str]]:
    text = (files("complaints") / "data" / "gazetteer.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def _names(place: Place) -> tuple[str, str, str]:
    return place.name("en"), place.name("ru"), place.name("kk")


@pytest.mark.parametrize(
    "spellings, names",
    [
        (["Нур-Султан", "Astana", "Астана", "Ақмола", "Akmola"], ("Astana", "Астана", "Астана")),
        (["Уральск", "Oral", "Орал", "Uralsk"], ("Oral", "Уральск", "Орал")),
        (
            ["Усть-Каменогорск", "Oskemen", "Өскемен", "Ust-Kamenogorsk"],
            ("Oskemen", "Усть-Каменогорск", "Өскемен"),
        ),
        (["Семей", "Semey", "Семипалатинск"], ("Semey", "Семей", "Семей")),
        (["г. Алматы", "Алма-Ата"], ("Almaty", "Алматы", "Алматы")),
        (["Капчагай"], ("Konaev", "Конаев", "Қонаев")),
    ],
)
def test_spellings_resolve_to_one_place(gazetteer, spellings, names):
    places = {gazetteer.resolve(spelling) for spelling in spellings}
    assert None not in places
    assert len(places) == 1
    assert _names(places.pop()) == names


@pytest.mark.parametrize(
    "variant, official",
    [
        ("Усть Каменогорск", "Усть-Каменогорск"),
        ("Nur Sultan", "Nur-Sultan"),
        ("Öskemen", "Oskemen"),
        ("  город Алматы, ", "Алматы"),
        ("Алматы қаласы", "Алматы"),
        ("Алматы қ.", "Алматы"),
        ("city of Oral", "Oral"),
        ("Талды–Курган", "Талды-Курган"),
        ("ПОСЁЛОК Узынагаш", "Узынагаш"),
    ],
)
def test_normalise_ignores_form(variant, official):
    assert normalise(variant) == normalise(official)


def test_normalise_keeps_kazakh_letters():
    assert normalise("Орал") != normalise("Арал")
    assert normalise("Қарағанды") == "қарағанды"
    assert normalise("Край") == "край"


def test_kazakh_letters_may_be_typed_as_russian_ones(gazetteer):
    assert gazetteer.resolve("Актобе").name("kk") == "Ақтөбе"
    assert gazetteer.resolve("Оскемен").key == "oskemen"


def test_unknown_name(gazetteer):
    assert gazetteer.resolve("Атлантида") is None
    assert gazetteer.resolve("") is None
    assert gazetteer.resolve("Шымкетн") is None
    assert gazetteer.suggest("Шымкетн")[0].name("en") == "Shymkent"
    assert len(gazetteer.suggest("Астан", limit=2)) <= 2


def test_name_falls_back_to_english(gazetteer):
    oral = gazetteer.resolve("Uralsk")
    assert oral.name("de") == "Oral"
    assert oral.name("ru-KZ") == "Уральск"


def test_every_place_has_all_three_names(gazetteer):
    assert len(gazetteer) >= 50
    for place in gazetteer:
        assert all(_names(place)), place.key
    for row in _csv_rows():
        assert row["key"].isascii() and all(row[lang].strip() for lang in ("en", "ru", "kk")), row


@pytest.mark.parametrize(
    "english, kazakh",
    [
        ("Karaganda", "Қарағанды"),
        ("Aktobe", "Ақтөбе"),
        ("Oskemen", "Өскемен"),
        ("Kyzylorda", "Қызылорда"),
        ("Turkistan", "Түркістан"),
        ("Kostanay", "Қостанай"),
        ("Taldykorgan", "Талдықорған"),
        ("Kokshetau", "Көкшетау"),
        ("Zhezkazgan", "Жезқазған"),
        ("Aktau", "Ақтау"),
        ("Konaev", "Қонаев"),
        ("Oral", "Орал"),
        ("Petropavl", "Петропавл"),
    ],
)
def test_regional_centres_have_kazakh_names(gazetteer, english, kazakh):
    assert gazetteer.resolve(english).name("kk") == kazakh


def test_regional_centres_and_republican_cities_are_listed(gazetteer):
    expected = {
        "Astana", "Almaty", "Shymkent",
        "Semey", "Kokshetau", "Aktobe", "Konaev", "Atyrau", "Oskemen", "Taraz", "Taldykorgan",
        "Karaganda", "Kostanay", "Kyzylorda", "Aktau", "Petropavl", "Pavlodar", "Turkistan",
        "Zhezkazgan", "Oral",
    }  # fmt: skip
    assert expected <= {place.name("en") for place in gazetteer}


def test_no_two_places_share_a_normalised_name():
    owners: dict[str, str] = {}
    for row in _csv_rows():
        names = [row["en"], row["ru"], row["kk"], *filter(None, row["aliases"].split("|"))]
        for name in {normalise(name) for name in names}:
            assert owners.setdefault(name, row["key"]) == row["key"], name


def test_loader_names_the_line_of_a_clash():
    text = "key,en,ru,kk,region,aliases\na,Aaa,Ааа,Ааа,,\nb,Bbb,Ббб,Ббб,,г. Ааа\n"
    with pytest.raises(ValueError, match=r"line 3.*'a'"):
        Gazetteer.from_csv(io.StringIO(text), source="test.csv")


def test_loader_rejects_a_missing_name():
    with pytest.raises(ValueError, match=r"line 2.*kk"):
        Gazetteer.from_csv(io.StringIO("key,en,ru,kk,region,aliases\na,Aaa,Ааа,,,\n"), source="test.csv")


def test_default_is_cached():
    assert Gazetteer.default() is Gazetteer.default()


@pytest.mark.parametrize("place", SEED_PLACES)
def test_seed_places_resolve(gazetteer, place):
    assert gazetteer.resolve(place) is not None


def test_the_regions_formed_in_2022_bear_the_russian_names_of_their_decree():
    # Decree of 3 May 2022: «область Абай», «область Жетісу», «область Ұлытау», not «Абайская область».
    from complaints.gazetteer import default_regions

    names = {key: default_regions()[key].names["ru"] for key in ("abai", "jetisu", "ulytau")}
    assert names == {"abai": "область Абай", "jetisu": "область Жетісу", "ulytau": "область Ұлытау"}
