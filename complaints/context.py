"""The per-language context the templates render: display strings, counts, the annex.

Privacy is decided here, once: a template receives a person's name only for
complainants who consented to be named, and never receives identity document
numbers, contacts or dates of birth.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .case import Case, Member
from .counts import Counts
from .i18n import Language, language
from .names import transliterate
from .schema import MEASURES


@dataclass(frozen=True)
class AnnexRow:
    number: int
    name: str
    city: str
    events: tuple[int, ...]  # numbers of the event sections the complainant appears in
    measures: tuple[str, ...]


def pseudonym(lang: Language, number: int) -> str:
    return lang.pgettext("pseudonym", "Complainant No. {number}").format(number=number)


def _latin(value: str | None) -> str:
    # Passports print names in capitals; documents use ordinary capitalisation.
    return value.title() if value and value.isupper() else (value or "")


def display_name(lang: Language, member: Member) -> str:
    person = member.person
    if not person.consent_to_name:
        return pseudonym(lang, member.number)
    if lang.code in ("ru", "kk"):
        return " ".join(part for part in (person.surname, person.given_name, person.patronymic) if part)
    given = _latin(person.given_name_latin) or transliterate(person.given_name)
    surname = _latin(person.surname_latin) or transliterate(person.surname)
    return f"{given} {surname}"


def measure_label(lang: Language, measure: str) -> str:
    return lang.pgettext("measure", MEASURES[measure])


def document_context(case: Case, counts: Counts, code: str, build_date: datetime.date) -> dict:
    lang = language(code)
    settings = case.settings
    shown = [item for item in counts.events if item.complainants]
    section_of = {item.event.event_id: number for number, item in enumerate(shown, start=1)}
    events = [
        {
            "number": section_of[item.event.event_id],
            "label": item.event.labels.get(code, ""),
            "summary": item.event.summaries.get(code, ""),
            "complainants": item.complainants,
            "episodes": item.episodes,
        }
        for item in shown
    ]
    annex = []
    for member in case.members:
        sections = dict.fromkeys(section_of[e.event_id] for e in member.episodes if e.event_id in section_of)
        measures = dict.fromkeys(e.measure for e in member.episodes)
        annex.append(AnnexRow(
            number=member.number,
            name=display_name(lang, member),
            city=member.person.city.name(code) if member.person.city else "",
            events=tuple(sorted(sections)),
            measures=tuple(measure_label(lang, m) for m in measures),
        ))

    first_date = min((e.date for e in case.episodes if e.date), default=None)
    last_date = max((e.date for e in case.episodes if e.date), default=None)
    return {
        "lang": code,
        "title": settings.title.get(code, ""),
        "organisation": settings.organisation.get(code, ""),
        "date": lang.date(build_date),
        "first_date": lang.date(first_date) if first_date else "",
        "last_date": lang.date(last_date) if last_date else "",
        "counts": counts,
        "events": events,
        "measures": [
            {"key": m.measure, "label": measure_label(lang, m.measure),
             "complainants": m.complainants, "episodes": m.episodes}
            for m in counts.measures
        ],
        "measure_keys": {m.measure for m in counts.measures},
        "articles": counts.articles,
        "exclusions": [
            {"reason": reason, "count": n} for reason, n in counts.exclusion_reasons
        ],
        "annex": annex,
        "anonymous": sum(1 for m in case.members if not m.person.consent_to_name),
    }
