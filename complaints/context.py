"""The per-language context the templates render: display strings, counts, people.

Privacy is decided here, once, from the document type's public flag: a public
document receives a name only for complainants who consented to be named, and
never an identity document, a date of birth or an age; no document ever
receives a complainant's contact details.

What every document may print is made here; the figures only one document type
prints are made by that type's context hook, beside its entry in documents.py.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from babel import Locale

from .case import Case, Member
from .counts import count
from .heap import without_cycle_collection
from .i18n import N_, Language, language
from .law import articles_of, describe_basis
from .names import transliterate
from .schema import MEASURES

if TYPE_CHECKING:  # documents.py imports this module for its context hooks
    from .documents import DocumentType

DEFAULT_STATE = N_("state", "the Republic of Kazakhstan")
SEX_LABELS = {"F": N_("sex", "female"), "M": N_("sex", "male")}


@dataclass(frozen=True)
class EpisodeView:
    date: str
    city: str
    measure: str  # the label
    measure_key: str
    legal_basis: str
    penalty: str
    authority: str
    description: str
    event: str  # the event's label, or empty
    event_id: str


@dataclass(frozen=True)
class RemedyView:
    date: str
    authority: str
    action: str
    outcome: str
    outcome_date: str


@dataclass(frozen=True)
class PersonView:
    """A complainant as one document may show them."""

    complainant_id: str
    number: int
    name: str  # the name, or the pseudonym in a public document without consent
    name_latin: str
    named: bool  # False: `name` is a pseudonym
    city: str
    sections: tuple[int, ...]  # the event sections of the document they appear in
    measures: tuple[str, ...]
    episodes: tuple[EpisodeView, ...]
    remedies: tuple[RemedyView, ...]
    articles: tuple[int, ...]
    poa_date: str
    consent_public: bool
    consent_government: bool
    # Confidential documents only; empty in public ones.
    surname: str = ""
    given_names: str = ""
    sex: str = ""
    birth_date: str = ""
    age: int | None = None
    id_document: str = ""


def pseudonym(lang: Language, number: int) -> str:
    return lang.pgettext("pseudonym", "Complainant No. {number}").format(number=number)


def _latin(value: str | None) -> str:
    # Passports print names in capitals; documents use ordinary capitalisation.
    return value.title() if value and value.isupper() else (value or "")


def latin_name(member: Member) -> str:
    person = member.person
    given = _latin(person.given_name_latin) or transliterate(person.given_name)
    surname = _latin(person.surname_latin) or transliterate(person.surname)
    return f"{given} {surname}"


def full_name(lang: Language, member: Member) -> str:
    person = member.person
    if lang.code in ("ru", "kk"):
        return " ".join(part for part in (person.surname, person.given_name, person.patronymic) if part)
    return latin_name(member)


def display_name(lang: Language, member: Member, public: bool = True) -> str:
    if public and not member.person.consent_to_name:
        return pseudonym(lang, member.number)
    return full_name(lang, member)


def measure_label(lang: Language, measure: str) -> str:
    return lang.pgettext("measure", MEASURES[measure])


def _age(birth: datetime.date | None, day: datetime.date) -> int | None:
    if birth is None:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


class _Views:
    """Builds the people and episodes of one document in one language."""

    def __init__(self, case: Case, document: DocumentType, lang: Language, day: datetime.date,
                 sections: dict[str, int]):
        self.case, self.document, self.lang, self.day, self.sections = case, document, lang, day, sections
        self.events = {event.event_id: event for event in case.events}

    def date(self, value: datetime.date | None) -> str:
        return self.lang.date(value) if value else ""

    def episode(self, episode) -> EpisodeView:
        event = self.events.get(episode.event_id)
        return EpisodeView(
            date=self.date(episode.date),
            city=episode.city.name(self.lang.code) if episode.city else "",
            measure=measure_label(self.lang, episode.measure),
            measure_key=episode.measure,
            legal_basis=describe_basis(self.lang, episode.legal_basis),
            penalty=episode.penalty or "",
            authority=episode.authority or "",
            description=episode.description or "",
            event=event.labels.get(self.lang.code, "") if event else "",
            event_id=episode.event_id or "",
        )

    def person(self, member: Member) -> PersonView:
        person = member.person
        public = self.document.public
        episodes = tuple(self.episode(e) for e in member.episodes)
        latin = self.lang.code not in ("ru", "kk")
        view = PersonView(
            complainant_id=person.complainant_id,
            number=member.number,
            name=display_name(self.lang, member, public),
            name_latin="" if public and not person.consent_to_name else latin_name(member),
            named=not public or person.consent_to_name,
            city=person.city.name(self.lang.code) if person.city else "",
            sections=tuple(sorted({self.sections[e.event_id] for e in member.episodes
                                   if e.event_id in self.sections})),
            measures=tuple(dict.fromkeys(v.measure for v in episodes)),
            episodes=episodes,
            remedies=tuple(
                RemedyView(self.date(r.date), r.authority or "", r.action or "", r.outcome or "",
                           self.date(r.outcome_date))
                for r in member.remedies
            ),
            articles=articles_of(e.measure for e in member.episodes),
            poa_date=self.date(person.poa_date),
            consent_public=person.consent_to_name,
            # Authorising representation before international bodies is consent to
            # be named to the Government in that procedure.
            consent_government="represent" in person.poa_scope,
        )
        if public:
            return view
        return replace(
            view,
            surname=(_latin(person.surname_latin) or transliterate(person.surname)) if latin else person.surname,
            given_names=(_latin(person.given_name_latin) or transliterate(person.given_name)) if latin
            else " ".join(part for part in (person.given_name, person.patronymic) if part),
            sex=self.lang.pgettext("sex", SEX_LABELS[person.sex]) if person.sex else "",
            birth_date=self.date(person.date_of_birth),
            age=_age(person.date_of_birth, self.day),
            id_document=person.id_document or "",
        )


@dataclass(frozen=True)
class DocumentData:
    """What a document type's context hook may draw on: the case, the members the document shows
    and their views, in its language."""

    case: Case
    members: list[Member]
    people: list[PersonView]
    lang: Language


@without_cycle_collection()
def document_context(case: Case, document: DocumentType, code: str, day: datetime.date) -> dict:
    """Everything a template of `document` may print, in language `code`."""
    lang = language(code)
    settings = case.settings
    members, unauthorised = document.members(case.members)
    counts = count(case, members, len(unauthorised))
    shown = [item for item in counts.events if item.complainants]
    sections = {item.event.event_id: number for number, item in enumerate(shown, start=1)}
    views = _Views(case, document, lang, day, sections)
    people = [views.person(member) for member in members]
    dates = [e.date for m in members for e in m.episodes if e.date]
    common = {
        "lang": code,
        "title": settings.title.get(code, ""),
        "organisation": settings.organisation.get(code, ""),
        "organisation_address": settings.address.get(code, ""),
        "contact_person": settings.contact_person,
        "organisation_email": settings.email,
        "signatory": settings.signatory.get(code, ""),
        "state": settings.state.get(code) or lang.pgettext("state", DEFAULT_STATE),
        "date": lang.date(day),
        "first_date": lang.date(min(dates)) if dates else "",
        "last_date": lang.date(max(dates)) if dates else "",
        "counts": counts,
        "events": [
            {"number": sections[item.event.event_id], "event_id": item.event.event_id,
             "label": item.event.labels.get(code, ""), "summary": item.event.summaries.get(code, ""),
             "date": lang.date(item.event.date), "complainants": item.complainants, "episodes": item.episodes,
             "people": [p for p in people if sections[item.event.event_id] in p.sections]}
            for item in shown
        ],
        "measures": [
            {"key": m.measure, "label": measure_label(lang, m.measure),
             "complainants": m.complainants, "episodes": m.episodes}
            for m in counts.measures
        ],
        "measure_keys": {m.measure for m in counts.measures},
        "articles": counts.articles,
        "exclusions": [{"reason": reason, "count": n} for reason, n in counts.exclusion_reasons],
        "people": people,
        "anonymous": sum(1 for p in people if not p.named),
        "authorities": sorted({e.authority for p in people for e in p.episodes if e.authority}),
        "provisions": sorted(Counter(e.legal_basis for p in people for e in p.episodes if e.legal_basis).items(),
                             key=lambda item: (-item[1], item[0])),
        "courtesy": code not in document.accepted_languages,
        "accepted_languages": ", ".join(Locale.parse(code).languages.get(c, c) for c in document.accepted_languages),
        "recipient": lang.pgettext("recipient", document.recipient),
    }
    return common | document.context(DocumentData(case, members, people, lang))
