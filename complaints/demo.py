"""Synthetic workbooks at the scale of a mass crackdown, for benchmarks and trials.

Every name is drawn from lists of common Kazakh and Russian name parts; no row
describes a real person.
"""

from __future__ import annotations

import datetime
import random
from pathlib import Path

import openpyxl
from openpyxl.cell import WriteOnlyCell

from .gazetteer import Gazetteer
from .names import transliterate
from .schema import COMPLAINANTS, EPISODES, EVENTS, REMEDIES, SHEETS, Sheet
from .spreadsheet import new_file

SURNAMES = ["Абенов", "Ахметов", "Бекмуханов", "Жумабеков", "Исмаилов", "Кусаинов", "Мусин", "Нурланов",
            "Оспанов", "Сарсенбаев", "Тлеубаев", "Утепов", "Шарипов", "Ержанов", "Калиев", "Садыков",
            "Иванов", "Петренко", "Ковалёв", "Ким", "Цой", "Смирнов", "Шевченко", "Морозов"]
MALE = ["Ержан", "Марат", "Тимур", "Асхат", "Бекзат", "Данияр", "Руслан", "Серікбол", "Ильдар", "Нурлан",
        "Андрей", "Сергей", "Игорь", "Олег", "Дмитрий"]
FEMALE = ["Айгерим", "Динара", "Сауле", "Гульмира", "Асель", "Жанна", "Мадина", "Әлия", "Назгүл",
          "Ольга", "Наталья", "Елена", "Ирина", "Татьяна"]
FATHERS = ["Маратович", "Ерланович", "Болатович", "Серикович", "Нурланович", "Андреевич", "Петрович"]


def _feminine(surname: str) -> str:
    if surname.endswith(("ов", "ев", "ёв", "ин")):
        return surname + "а"
    return surname


def _patronymic(father: str, female: bool) -> str:
    return father[:-2] + "на" if female else father


MONTHS = {  # Kazakh month names with the locative-adjective suffix, by vowel harmony
    1: "қаңтардағы", 2: "ақпандағы", 3: "наурыздағы", 4: "сәуірдегі", 5: "мамырдағы", 6: "маусымдағы",
    7: "шілдедегі", 8: "тамыздағы", 9: "қыркүйектегі", 10: "қазандағы", 11: "қарашадағы", 12: "желтоқсандағы",
}
RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
             "октября", "ноября", "декабря"]


def _event(number: int, day: datetime.date) -> dict:
    return {
        "event_id": f"E{number:02d}", "date": day,
        "label_en": f"the peaceful rally of {day.day} {day.strftime('%B')} {day.year}",
        "label_ru": f"мирное собрание {day.day} {RU_MONTHS[day.month - 1]} {day.year} года",
        "label_kk": f"{day.year} жылғы {day.day} {MONTHS[day.month]} бейбіт жиын",
        "summary_en": "Police dispersed the gathering and detained participants and passers-by.",
        "summary_ru": "Полиция разогнала собрание и задержала его участников и случайных прохожих.",
        "summary_kk": "Полиция жиынды таратып, оған қатысушылар мен жолдан өтіп бара жатқандарды ұстады.",
    }


MEASURE_PLANS = [  # an episode sequence per person, with the legal basis and penalty
    [("detention", "", ""), ("administrative_arrest", "CAO 488", "15 days")],
    [("detention", "", ""), ("fine", "CAO 488", "KZT 120250")],
    [("detention", "", ""), ("criminal_case", "CC 272(2)", ""), ("pretrial_detention", "CC 272(2)", "2 months")],
    [("interrogation", "", ""), ("search", "", ""), ("threats", "", "")],
    [("detention", "", ""), ("administrative_arrest", "CAO 488", "10 days"), ("dismissal", "", "")],
    [("criminal_case", "CC 405(2)", ""), ("conviction", "CC 405(2)", "1 year restriction of freedom"),
     ("restriction_of_freedom", "CC 405(2)", "1 year")],
]


# The days the plans' custodies (arrests, pre-trial detention) last: their terms above.
CUSTODY_DAYS = {"15 days": 15, "10 days": 10, "2 months": 61}
CUSTODIES = ("administrative_arrest", "pretrial_detention")


def _spelling(rng: random.Random, place) -> str:
    return rng.choice([place.names["en"], place.names["ru"], place.names["kk"]])


def write_demo(path: Path, complainants: int, seed: int = 0, force: bool = False) -> dict[str, int]:
    """Write a synthetic case of `complainants` people; return the number of rows per sheet.
    An existing `path` is replaced only with `force`."""
    with new_file(Path(path), force) as stream:
        return _write_demo(stream, complainants, seed)


def _write_demo(stream, complainants: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    places = sorted(Gazetteer.default(), key=lambda place: place.key)
    start = datetime.date(2022, 1, 4)
    events = [_event(i + 1, start + datetime.timedelta(days=rng.randrange(300))) for i in range(8)]
    book = openpyxl.Workbook(write_only=True)
    sheets = {sheet.key: book.create_sheet(sheet.key) for sheet in SHEETS}
    for sheet in SHEETS:
        sheets[sheet.key].append([column.key for column in sheet.columns])

    def append(sheet: Sheet, row: dict) -> None:
        """A row by column key, in the sheet's column order; a column of a language without text stays empty."""
        sheets[sheet.key].append([row.get(column.key) for column in sheet.columns])

    for row in events:
        append(EVENTS, row)

    rows = {EVENTS.key: len(events), COMPLAINANTS.key: 0, EPISODES.key: 0, REMEDIES.key: 0}
    id_cell_style = "@"
    # Two rows with the same name and date of birth, or the same document, are one person to validation:
    # a drawn date or number already given moves on to the next free one, so that every row is its own person.
    births: set[tuple[str, str, datetime.date]] = set()
    documents: set[str] = set()
    for number in range(1, complainants + 1):
        female = rng.random() < 0.4
        surname = rng.choice(SURNAMES)
        surname = _feminine(surname) if female else surname
        given = rng.choice(FEMALE if female else MALE)
        complainant_id = f"P{number:05d}"
        home = rng.choice(places)
        appeal = start + datetime.timedelta(days=rng.randrange(320, 400))
        drawn = rng.randrange(10**8)
        while f"0{drawn:08d}" in documents:
            drawn = (drawn + 1) % 10**8
        documents.add(f"0{drawn:08d}")
        document = WriteOnlyCell(sheets[COMPLAINANTS.key], value=f"0{drawn:08d}")
        document.number_format = id_cell_style
        patronymic = _patronymic(rng.choice(FATHERS), female)  # drawn in the order the rows always were
        born = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(18000))
        while (surname, given, born) in births:
            born += datetime.timedelta(days=1)
        births.add((surname, given, born))
        append(COMPLAINANTS, {
            "complainant_id": complainant_id, "surname": surname, "given_name": given,
            "patronymic": patronymic,
            "surname_latin": transliterate(surname).upper(), "given_name_latin": transliterate(given).upper(),
            "sex": "F" if female else "M",
            "date_of_birth": born,
            "city": _spelling(rng, home), "id_document": document,
            "appeal_form_date": None if rng.random() < 0.02 else appeal,
            "poa_date": None if rng.random() < 0.04 else appeal + datetime.timedelta(days=rng.randrange(10)),
            "consent_to_name": rng.choice(["yes", "no", "да", "иә", None]),
            "contact": f"+7 700 {number % 1000:03d} {number % 100:02d} 00",
        })
        rows[COMPLAINANTS.key] += 1
        event = rng.choice(events)
        previous = event["date"]
        for measure, basis, penalty in rng.choice(MEASURE_PLANS):
            # In the plan's order: a detention is never dated inside the arrest that followed it (validate warns).
            day = previous = max(previous, event["date"] + datetime.timedelta(days=rng.randrange(3)))
            append(EPISODES, {
                "complainant_id": complainant_id,
                "event_id": event["event_id"] if measure in ("detention", "administrative_arrest", "fine") else None,
                "date": day, "city": _spelling(rng, home if rng.random() < 0.8 else rng.choice(places)),
                "measure": measure, "legal_basis": basis or None, "penalty": penalty or None,
                "authority": "Ministry of Internal Affairs",
                # A custody with a term ends with it, as an intake records the release (validate warns otherwise).
                "end_date": day + datetime.timedelta(days=CUSTODY_DAYS[penalty] - 1) if measure in CUSTODIES
                else None,
            })
            rows[EPISODES.key] += 1
        if rng.random() < 0.9:
            filed = event["date"] + datetime.timedelta(days=rng.randrange(5, 20))
            append(REMEDIES, {"complainant_id": complainant_id, "date": filed, "authority": "Almaty City Court",
                              "action": "appeal", "outcome": "dismissed",
                              "outcome_date": filed + datetime.timedelta(days=rng.randrange(10, 60))})
            rows[REMEDIES.key] += 1
    book.save(stream)
    return rows
