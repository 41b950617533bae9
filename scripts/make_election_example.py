#!/usr/bin/env python3
"""Build the second synthetic example: an election-period monitoring case (intake/example-election/).

Every person, organisation and figure in it is invented. It is shaped like the
monitors' "in numbers" briefs of an election period: campaigners and observers
detained, many of them preventively; estimates of the whole beside the people
identified; criminal cases for posts; people held in pre-trial detention or
serving sentences on the brief's date. Deterministic: random.Random(2023) drawn
in a fixed order, and the .xlsx re-packed with fixed timestamps.

Usage:
    .venv/bin/python scripts/make_election_example.py [OUTPUT_FOLDER]
"""

from __future__ import annotations

import datetime as dt
import io
import random
import sys
from pathlib import Path

from openpyxl import Workbook

from complaints import schema

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_example_workbook import deterministic_bytes, write_sheet

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "intake" / "example-election"
D = dt.date

EVENTS = [
    {"event_id": "campaign-2023", "date": D(2023, 11, 1), "date_end": D(2023, 12, 2),
     "label_en": "the election campaign of November 2023",
     "label_ru": "предвыборная кампания ноября 2023 года",
     "label_kk": "2023 жылғы қарашадағы сайлау науқаны",
     "summary_en": "Campaigners for an opposition-leaning candidate were detained while handing out leaflets and "
                   "fined for 'anonymous campaign material'.",
     "summary_ru": "Агитаторов оппозиционного кандидата задерживали при раздаче листовок и штрафовали за "
                   "«анонимные агитационные материалы».",
     "summary_kk": "Оппозицияға жақын кандидаттың үгітшілері парақша таратып жүргенде ұсталып, «анонимді үгіт "
                   "материалдары» үшін айыппұл салынды.",
     "estimated_total": 120, "estimate_source_en": "the fictitious Steppe Monitors coalition",
     "estimate_source_ru": "вымышленная коалиция «Степные наблюдатели»",
     "estimate_source_kk": "ойдан шығарылған «Дала бақылаушылары» коалициясы"},
    {"event_id": "election-day", "date": D(2023, 12, 3), "date_end": None,
     "label_en": "election day, 3 December 2023",
     "label_ru": "день выборов 3 декабря 2023 года",
     "label_kk": "2023 жылғы 3 желтоқсандағы сайлау күні",
     "summary_en": "Independent observers were detained on their way to polling stations or removed from them and "
                   "held until the polls closed.",
     "summary_ru": "Независимых наблюдателей задерживали по дороге на избирательные участки или удаляли с них и "
                   "удерживали до закрытия участков.",
     "summary_kk": "Тәуелсіз байқаушылар сайлау учаскелеріне бара жатқанда ұсталды немесе учаскелерден "
                   "шығарылып, учаскелер жабылғанша ұсталды.",
     "estimated_total": 350, "estimate_source_en": "the fictitious Clean Vote observers' network",
     "estimate_source_ru": "вымышленная сеть наблюдателей «Чистый голос»",
     "estimate_source_kk": "ойдан шығарылған «Таза дауыс» байқаушылар желісі"},
    {"event_id": "posts-2023", "date": D(2023, 10, 5), "date_end": D(2023, 12, 5),
     "label_en": "criminal cases for online posts, October–December 2023",
     "label_ru": "уголовные дела за публикации в интернете, октябрь–декабрь 2023 года",
     "label_kk": "2023 жылғы қазан–желтоқсандағы интернеттегі жарияланымдар үшін қылмыстық істер",
     "summary_en": "Authors of posts criticising the conduct of the election were charged with spreading false "
                   "information or with 'extremism'.",
     "summary_ru": "Авторам публикаций с критикой проведения выборов предъявили обвинения в распространении "
                   "ложной информации или в «экстремизме».",
     "summary_kk": "Сайлаудың өткізілуін сынаған жарияланымдардың авторларына жалған ақпарат таратқаны үшін "
                   "немесе «экстремизм» үшін айып тағылды."},
    {"event_id": "asar-2023", "date": D(2023, 11, 18), "date_end": None,
     "label_en": "the help given to the family of a detained activist, 18 November 2023",
     "label_ru": "помощь семье задержанного активиста, оказанная 18 ноября 2023 года",
     "label_kk": "ұсталған белсендінің отбасына 2023 жылғы 18 қарашада көрсетілген көмек",
     "summary_en": "Neighbours who came to help the family of a detained activist (asar) were summoned and fined.",
     "summary_ru": "Соседей, пришедших помочь семье задержанного активиста (асар), вызывали в полицию и штрафовали.",
     "summary_kk": "Ұсталған белсендінің отбасына көмектесуге (асар) келген көршілер полицияға шақырылып, "
                   "айыппұл салынды."},
]

SURNAMES = [("Абенов", "ABENOV"), ("Жумабаев", "ZHUMABAYEV"), ("Касымов", "KASSYMOV"), ("Тулегенов", "TULEGENOV"),
            ("Сарсенов", "SARSENOV"), ("Омаров", "OMAROV"), ("Беков", "BEKOV"), ("Иванов", "IVANOV"),
            ("Нуртаев", "NURTAYEV"), ("Смагулов", "SMAGULOV"), ("Ахметов", "AKHMETOV"), ("Ли", "LI")]
GIVEN = {"M": [("Арман", "ARMAN"), ("Данияр", "DANIYAR"), ("Ерлан", "YERLAN"), ("Сергей", "SERGEY"),
               ("Тимур", "TIMUR"), ("Бауыржан", "BAUYRZHAN")],
         "F": [("Айгуль", "AIGUL"), ("Динара", "DINARA"), ("Жанар", "ZHANAR"), ("Елена", "YELENA"),
               ("Асель", "ASSEL"), ("Гульнара", "GULNARA")]}
CITIES = ["Алматы", "Астана", "Шымкент", "Актобе", "Уральск", "Караганда", "Павлодар", "Жанаозен", "Семей",
          "Кызылорда", "Талдыкорган"]
# The bodies that acted, by city, as complaints/data/authorities.csv names them; where it lists none
# (or for a court of general jurisdiction) the cell stays empty rather than hold a made-up name.
POLICE = {"Алматы": "Almaty City Police Department", "Астана": "Astana City Police Department",
          "Шымкент": "Shymkent City Police Department", "Актобе": "Aktobe City Police Department",
          "Уральск": "Oral City Police Department", "Караганда": "Karaganda City Police Department",
          "Павлодар": "Police Department of Pavlodar Region", "Жанаозен": "Zhanaozen City Police Department"}
ADMINISTRATIVE_COURT = {
    "Алматы": "Specialised Inter-District Administrative Court of Almaty",
    "Астана": "Specialised Inter-District Administrative Court of Astana",
    "Шымкент": "Specialised Administrative Court of Shymkent", "Актобе": "Specialised Administrative Court of Aktobe",
    "Уральск": "Specialised Administrative Court of Oral", "Караганда": "Specialised Administrative Court of Karaganda",
    "Павлодар": "Specialised Administrative Court of Pavlodar",
    "Жанаозен": "Specialised Administrative Court of Zhanaozen"}
TREATMENTS = ["denied_lawyer", "no_phone_call", "no_food_water", "force_used", "fingerprints_taken",
              "phone_seized", "forced_statement"]


def person(rng: random.Random, number: int) -> dict:
    sex = "F" if rng.random() < 0.4 else "M"
    surname, surname_latin = rng.choice(SURNAMES)
    if sex == "F" and surname != "Ли":  # the feminine form of a surname in -ов, -ев
        surname, surname_latin = surname + "а", surname_latin + "A"
    given, given_latin = rng.choice(GIVEN[sex])
    appeal = D(2023, 12, 4) + dt.timedelta(days=rng.randrange(3))
    return {"complainant_id": f"E{number:03d}", "surname": surname, "given_name": given,
            "surname_latin": surname_latin, "given_name_latin": given_latin, "sex": sex,
            "city": rng.choice(CITIES), "appeal_form_date": appeal, "poa_date": appeal,
            "consent_to_name": "yes" if rng.random() < 0.3 else "no"}


# Patronymics for namesakes: drawn from the small lists above, some names recur, and two rows of one
# name with nothing to tell them apart are flagged as a possible duplicate (as they should be).
PATRONYMICS = {"M": ["Аскарович", "Болатович", "Жанатович", "Муратович", "Нурланович", "Серикович"],
               "F": ["Аскаровна", "Болатовна", "Жанатовна", "Муратовна", "Нурлановна", "Сериковна"]}


def tell_namesakes_apart(people: list[dict]) -> None:
    """Each person whose name another shares gets a patronymic of his or her own, in the order of the rows:
    no random draw, so that the rest of the example stays as it was drawn."""
    holders: dict[tuple[str, str], list[dict]] = {}
    for who in people:
        holders.setdefault((who["surname"], who["given_name"]), []).append(who)
    for namesakes in holders.values():
        if len(namesakes) > 1:
            for index, who in enumerate(namesakes):
                who["patronymic"] = PATRONYMICS[who["sex"]][index]


def detention(rng, who, event, day, ground, preventive, hours_range):
    hours = rng.randint(*hours_range)
    tags = sorted(rng.sample(TREATMENTS, rng.randint(0, 3)), key=TREATMENTS.index)
    return {"complainant_id": who["complainant_id"], "event_id": event, "date": day, "end_date": day,
            "city": who["city"], "measure": "detention", "grounds": ground,
            "preventive": "yes" if preventive else None, "treatment": ", ".join(tags), "hours_held": hours,
            "authority": POLICE.get(who["city"])}


def build(rng: random.Random) -> tuple[list[dict], list[dict]]:
    people, episodes = [], []

    def new_person():
        people.append(person(rng, len(people) + 1))
        return people[-1]

    for _ in range(30):  # campaigners
        who = new_person()
        day = D(2023, 11, 1) + dt.timedelta(days=rng.randrange(31))
        episodes.append(detention(rng, who, "campaign-2023", day, "campaigning", rng.random() < 0.3, (2, 8)))
        if rng.random() < 0.5:
            episodes.append({"complainant_id": who["complainant_id"], "event_id": "campaign-2023",
                             "date": day + dt.timedelta(days=1), "city": who["city"], "measure": "fine",
                             "grounds": "campaigning", "legal_basis": "CAO 113", "penalty": "KZT 69000",
                             "authority": ADMINISTRATIVE_COURT.get(who["city"])})
        elif rng.random() < 0.5:
            start = day + dt.timedelta(days=1)
            episodes.append({"complainant_id": who["complainant_id"], "event_id": "campaign-2023", "date": start,
                             "end_date": start + dt.timedelta(days=9), "city": who["city"],
                             "measure": "administrative_arrest", "grounds": "campaigning",
                             "legal_basis": "CAO 488", "penalty": "10 days",
                             "authority": ADMINISTRATIVE_COURT.get(who["city"])})
    for _ in range(40):  # observers
        who = new_person()
        preventive = rng.random() < 0.8
        episodes.append(detention(rng, who, "election-day", D(2023, 12, 3), "election_observation", preventive,
                                  (6, 14)))
    for _ in range(8):  # authors of posts
        who = new_person()
        opened = D(2023, 10, 5) + dt.timedelta(days=rng.randrange(50))
        basis = "CC 174" if rng.random() < 0.7 else "CC 274(2)"
        ground = "journalism" if rng.random() < 0.3 else "online_post"
        episodes.append({"complainant_id": who["complainant_id"], "event_id": "posts-2023", "date": opened,
                         "city": who["city"], "measure": "criminal_case", "grounds": ground,
                         "legal_basis": basis, "authority": POLICE.get(who["city"])})
        fate = rng.random()
        if fate < 0.5:
            episodes.append({"complainant_id": who["complainant_id"], "event_id": "posts-2023",
                             "date": opened + dt.timedelta(days=2), "city": who["city"],
                             "measure": "pretrial_detention", "grounds": ground, "legal_basis": basis,
                             "penalty": "2 months"})
        elif fate < 0.7:
            episodes.append({"complainant_id": who["complainant_id"], "event_id": "posts-2023",
                             "date": opened + dt.timedelta(days=2), "city": who["city"], "measure": "house_arrest",
                             "grounds": ground, "legal_basis": basis})
    for _ in range(6):  # asar
        who = new_person()
        episodes.append({"complainant_id": who["complainant_id"], "event_id": "asar-2023", "date": D(2023, 11, 20),
                         "city": who["city"], "measure": "fine", "grounds": "assistance_to_families",
                         "legal_basis": "CAO 488", "penalty": "KZT 34500",
                         "authority": ADMINISTRATIVE_COURT.get(who["city"])})
    # Before the period: a prisoner since the spring, and one released in November.
    for start, end in ((D(2023, 4, 12), None), (D(2023, 6, 1), D(2023, 11, 15))):
        who = new_person()
        episodes.append({"complainant_id": who["complainant_id"], "date": start, "end_date": end,
                         "city": who["city"], "measure": "imprisonment", "grounds": "membership",
                         "legal_basis": "CC 405(2)", "penalty": "2 years"})
    # Placed in a psychiatric clinic during the campaign.
    who = new_person()
    episodes.append({"complainant_id": who["complainant_id"], "event_id": "campaign-2023", "date": D(2023, 11, 22),
                     "city": who["city"], "measure": "psychiatric_placement", "grounds": "campaigning"})
    episodes.sort(key=lambda row: (row["complainant_id"], row["date"]))
    return people, episodes


def testimonies(people: list[dict]) -> list[dict]:
    """Two observers' own words (invented), quoted with their consent."""
    first, second = people[30]["complainant_id"], people[31]["complainant_id"]
    return [
        {"complainant_id": first, "consent_to_quote": "yes",
         "text_en": "I showed my observer's card. They put me in the van anyway and drove around until evening.",
         "text_ru": "Я показал удостоверение наблюдателя. Меня всё равно посадили в автобус и возили до вечера.",
         "text_kk": "Байқаушы куәлігімді көрсеттім. Сонда да мені автобусқа отырғызып, кешке дейін айналдырды."},
        {"complainant_id": second, "consent_to_quote": "yes",
         "text_en": "Nobody wrote down why I was held. At the station they only took my fingerprints.",
         "text_ru": "Никто не записал, за что меня задержали. В отделении у меня только сняли отпечатки пальцев.",
         "text_kk": "Мені не үшін ұстағанын ешкім жазбады. Бөлімшеде тек саусақ іздерімді алды."},
    ]


CASE_TOML = '''# The second example: an election-period monitoring case. Every person and organisation is invented.
build_date = 2023-12-08
documents = ["brief", "collective-complaint"]

[title]
en = "on the persecution of campaigners, observers and critics during the elections of December 2023 \
in Kazakhstan (a fictitious example)"
ru = "о преследовании агитаторов, наблюдателей и критиков во время выборов в декабре 2023 года \
в Казахстане (вымышленный пример)"
kk = "2023 жылғы желтоқсандағы сайлау кезінде Қазақстанда үгітшілерді, байқаушыларды және сыншыларды \
қудалау туралы (ойдан шығарылған мысал)"

[organisation.name]
en = "the Steppe Rights Initiative (a fictitious organisation)"
ru = "Инициатива «Права в степи» (вымышленная организация)"
kk = "«Дала құқықтары» бастамасы (ойдан шығарылған ұйым)"

[[periods]]
start = 2023-10-02
[periods.label]
en = "since the election was called on 2 October 2023"
ru = "с момента назначения выборов 2 октября 2023 года"
kk = "2023 жылғы 2 қазанда сайлау тағайындалғаннан бері"

[[periods]]
start = 2023-11-01
[periods.label]
en = "since the campaign began on 1 November 2023"
ru = "с начала предвыборной кампании 1 ноября 2023 года"
kk = "2023 жылғы 1 қарашада сайлау науқаны басталғаннан бері"
'''


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    folder.mkdir(parents=True, exist_ok=True)
    people, episodes = build(random.Random(2023))
    tell_namesakes_apart(people)
    book = Workbook()
    book.properties.creator = "scripts/make_election_example.py"
    book.properties.title = "Synthetic election-period case (all names invented)"
    write_sheet(book.active, schema.EVENTS, EVENTS)
    write_sheet(book.create_sheet(), schema.COMPLAINANTS, people)
    write_sheet(book.create_sheet(), schema.EPISODES, episodes)
    write_sheet(book.create_sheet(), schema.TESTIMONIES, testimonies(people))
    buffer = io.BytesIO()
    book.save(buffer)
    (folder / "workbook.xlsx").write_bytes(deterministic_bytes(buffer.getvalue()))
    (folder / "case.toml").write_text(CASE_TOML, encoding="utf-8")
    print(f"wrote {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
