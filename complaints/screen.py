"""The free-text screen: personal data typed into text that documents print as written.

Documents decide once, from the Complainants sheet, whom they name (context.py). Free text
(event labels, summaries and estimate sources, the episodes' and remedies' texts, places as
written, the testimonies, the texts of case.toml) is printed as typed, so a name, a document
number or a phone number typed into it would go around that decision. This module finds them;
validation reports each at its cell, naming the person by id and never quoting the text.

The rules (the README's "Privacy and integrity" repeats them):

- Names. A text shared by every document (event labels, summaries and estimate sources, case.toml,
  a complainant's own city, the testimonies quoted in public documents) may name only the people
  the public documents name: consent to be named, included, and a power of attorney that covers
  publication. A text of one complainant's
  own (their episodes and remedies, printed only in documents about them) may also name them.
  A person counts as named by two words of their name side by side (one word may stand
  between them, as a patronymic does): surname and given name in either order, or surname and the
  initial of the given name; or by their surname alone when it has at least
  SURNAME_ALONE_LETTERS letters and is written with a capital. Each spelling the tool holds
  counts: Cyrillic, the Latin columns, and the transliteration English documents print. A word
  matches from its start; in Cyrillic it may carry up to INFLECTION_LETTERS more letters
  (Иванову, Ивановтың), or change a final а, я, й or ь for them (Ивановой, Ольгой, Андрея). A text
  that matches someone whom it may name by the same words (a namesake, a relative) is not
  reported: it cannot be told which of them it means.
- Never in free text: any complainant's identity document number (SHORTEST_DOCUMENT_NUMBER
  characters or more, spaces, dots and dashes between digits ignored), contact, or date of birth
  (as YYYY-MM-DD or DD.MM.YYYY); and in the workbook's texts and case.toml's titles, anything
  that looks like a phone number or an e-mail address, recorded or not. The organisation's own
  address, contact person and e-mail in case.toml are screened for complainants' data only.
- Not screened: given names alone and short surnames alone (too common to tell from ordinary
  words), names in other inflected forms or with letters swapped for look-alikes, dates written
  in words, the notes column and contacts (never printed).

Hand-written on top of pyahocorasick (one pass over each text for every name, number and
contact): no library screens text against a register of people.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick

from .names import transliterate
from .problems import CONTACT_IN_TEXT, NAME_IN_TEXT, PERSONAL_DATA_IN_TEXT
from .records import Complainant, Records
from .report import Issue
from .schema import COMPLAINANTS, EPISODES, EVENTS, REMEDIES, TESTIMONIES
from .settings import SETTINGS_FILE, Settings

SURNAME_ALONE_LETTERS = 6
INFLECTION_LETTERS = 3
SHORTEST_DOCUMENT_NUMBER = 5

# Phones as typed in Kazakhstan and abroad: +7 701 123 45 67, 8 (727) 123-45-67, 87011234567,
# +44 20 7946 0958. A court case number such as 7599-21-00-4/1234 is not one.
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d(?:[\s().-]*\d){9,14}"
    r"|[78][\s-]*\(?\d{3}\)?[\s-]*\d{3}[\s-]*\d{2}[\s-]*\d{2})(?!\w)"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Before a digit, what people type inside or before a number: 0123 456 78, 12.03.1990, N 0123.
_INSIDE_NUMBER = re.compile(r"[\s./()-]+(?=\d)")
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_NOT_WORD = re.compile(r"\W|_")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_CHANGING_ENDINGS = frozenset("аяйь")

# Kinds of data, as the message names them.
NAME, DOCUMENT, CONTACT, BIRTH, PATTERN = "name", "id_document", "contact", "date_of_birth", "pattern"


@dataclass(frozen=True)
class Text:
    """A free-text value a document prints, and where it is."""

    value: str
    sheet: str  # a sheet key, or SETTINGS_FILE
    row: int | None
    column: str  # the column key, or the setting's dotted key
    owner: str | None = None  # the complainant whose own documents alone print it
    patterns: bool = True  # also refuse anything shaped like a phone number or an e-mail address


@dataclass(frozen=True)
class Hit:
    kind: str
    complainant_id: str | None  # None: a phone or e-mail pattern that belongs to no complainant


def _fold(text: str) -> str:
    """Lower case with ё as е, keeping every character at its offset."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters (İ) lower into two characters
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.replace("ё", "е")


def _compact(text: str) -> str:
    folded = _fold(text)
    return _INSIDE_NUMBER.sub(lambda m: "" if m.start() and folded[m.start() - 1].isalnum() else m.group(), folded)


def _name_words(value: str | None) -> list[str]:
    return [word for word in _WORD.findall(_fold(value or "")) if not word.isdigit()]


def _spellings(person: Complainant) -> list[tuple[list[str], list[str]]]:
    """(surname words, given-name words) in each spelling the tool holds, each spelling once."""
    spellings = [(_name_words(person.surname), _name_words(person.given_name)),
                 (_name_words(transliterate(person.surname)), _name_words(transliterate(person.given_name)))]
    if person.surname_latin or person.given_name_latin:
        spellings.append((_name_words(person.surname_latin), _name_words(person.given_name_latin)))
    return [spelling for n, spelling in enumerate(spellings) if spelling not in spellings[:n]]


class _Index:
    """key -> values, holding a lone value as itself: a case of 100,000 people has 100,000 surnames,
    nearly all held by one person, and a set each would cost hundreds of megabytes."""

    def __init__(self):
        self.entries: dict[str, object] = {}

    def add(self, key: str, value) -> None:
        held = self.entries.get(key)
        if held is None:
            self.entries[key] = value
        elif isinstance(held, list):
            if value not in held:
                held.append(value)
        elif held != value:
            self.entries[key] = [held, value]

    def get(self, key: str) -> list:
        held = self.entries.get(key)
        return [] if held is None else held if isinstance(held, list) else [held]

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def __bool__(self) -> bool:
        return bool(self.entries)


class Screen:
    """Every complainant's names, numbers and contacts, compiled for matching."""

    def __init__(self, people: Iterable[Complainant]):
        self.words: set[str] = set()  # every word of every name
        self.stems = _Index()  # a stem the automaton looks for -> the name words it is the stem of
        self.surnames = _Index()  # surname word -> ids
        self.pairs = _Index()  # "surname given" and "surname initial." -> ids
        self.numbers = _Index()  # compact number -> (id, kind)
        self.literals = _Index()  # a contact as written -> ids
        self.phones = _Index()  # a phone's last ten digits -> ids
        for person in people:
            self._add(person)
        self._names = _automaton(f" {word}" for word in self.words | set(self.stems.entries))
        self._numbers = _automaton(self.numbers.entries)
        self._literals = _automaton(self.literals.entries)
        self._seen: dict[tuple[str, bool], tuple[list[tuple[str, ...]], set[Hit]]] = {}

    def _add(self, person: Complainant) -> None:
        pid = person.complainant_id
        for surnames, givens in _spellings(person):
            for word in surnames + givens:
                self.words.add(word)
                # Иванова, Ольга, Андрей decline by changing their last letter: Ивановой, Ольгой, Андрея.
                if word[-1] in _CHANGING_ENDINGS and len(word) > 4:
                    self.stems.add(word[:-1], word)
            for surname in surnames:
                self.surnames.add(surname, pid)
                for given in givens:
                    self.pairs.add(f"{surname} {given}", pid)
                    self.pairs.add(f"{surname} {given[0]}.", pid)
        if person.id_document:
            number = "".join(_WORD.findall(_compact(person.id_document)))
            if len(number) >= SHORTEST_DOCUMENT_NUMBER:
                self.numbers.add(number, (pid, DOCUMENT))
        if person.date_of_birth:
            day = person.date_of_birth
            for form in (f"{day.year:04}{day.month:02}{day.day:02}", f"{day.day:02}{day.month:02}{day.year:04}"):
                self.numbers.add(form, (pid, BIRTH))
        if person.contact:
            self._add_contact(pid, person.contact)

    def _add_contact(self, pid: str, contact: str) -> None:
        for match in _PHONE.finditer(contact):
            digits = re.sub(r"\D", "", match.group())
            self.phones.add(digits[-10:], pid)
            self.numbers.add(digits[-10:], (pid, CONTACT))
        rest = _EMAIL.sub(" ", _PHONE.sub(" ", contact))
        for match in _EMAIL.finditer(contact):
            self.literals.add(_fold(match.group()), pid)
        # What is left: a messenger handle, a profile address. Short pieces are ordinary words.
        for piece in re.split(r"[\s,;]+", rest):
            piece = piece.strip(".")
            if len(piece) >= 4 and not piece.isdigit():
                self.literals.add(_fold(piece), pid)

    def hits(self, text: str, public: frozenset[str] | set[str], owner: str | None = None,
             patterns: bool = True) -> list[Hit]:
        """What `text` holds that it must not, sorted, each once.

        public: the ids every document may name; owner: the one whose own text it is, if any.
        """
        groups, others = self._findings(text, patterns)
        # A group is the people one mention may mean; if it may mean someone the text may name,
        # it cannot be told which of them is meant.
        found = {Hit(NAME, pid) for group in groups if owner not in group and public.isdisjoint(group)
                 for pid in group}
        found.update(others)
        return sorted(found, key=lambda hit: (hit.complainant_id or "", hit.kind))

    def _findings(self, text: str, patterns: bool) -> tuple[list[tuple[str, ...]], set[Hit]]:
        """What the text holds whoever it belongs to; cached, for a case repeats its texts (the same
        authority, city or article in thousands of rows)."""
        key = (text, patterns)
        if key not in self._seen:
            others = set(self._numbers_in(text))
            others.update(self._contacts_in(text, patterns))
            self._seen[key] = (self._mentions(text), others)
        return self._seen[key]

    def _mentions(self, text: str) -> list[tuple[str, ...]]:
        """The groups of people the names in `text` may mean, one group per mention."""
        if not self.words:
            return []
        original = " " + text  # the same offsets as `folded`
        folded = " " + _NOT_WORD.sub(" ", _fold(text))
        found = list(self._names.iter(folded))
        if not found:
            return []
        tokens = list(_WORD.finditer(folded))
        index_at = {match.start(): index for index, match in enumerate(tokens)}
        at: dict[int, list[str]] = defaultdict(list)  # word index -> the name words found there
        for end, key in found:
            index = index_at.get(end - len(key) + 2)  # the key starts with a space
            if index is None:
                continue
            suffix = len(tokens[index].group()) - (len(key) - 1)
            inflects = _CYRILLIC.search(key) is not None
            if key[1:] in self.words and (suffix == 0 or (inflects and suffix <= INFLECTION_LETTERS)):
                at[index].append(key[1:])
            if 1 <= suffix <= INFLECTION_LETTERS:
                at[index].extend(self.stems.get(key[1:]))

        groups: list[tuple[str, ...]] = []
        for index, keys in sorted(at.items()):
            near = [i for i in (index - 2, index - 1, index + 1, index + 2) if 0 <= i < len(tokens)]
            # Beside the surname: given names (a patronymic may stand between), or an initial,
            # one capital letter next to it ("Иванов И.", "I. Ivanov").
            beside = {key for i in near for key in at.get(i, ())}
            beside.update(f"{tokens[i].group()}." for i in near if abs(i - index) == 1
                          and len(tokens[i].group()) == 1 and original[tokens[i].start()].isupper())
            for surname in keys:
                if surname not in self.surnames:
                    continue
                paired = [ids for ids in (self.pairs.get(f"{surname} {word}") for word in beside) if ids]
                if paired:  # "Иванов Пётр" names Пётр, not every other Иванов
                    groups.extend(tuple(ids) for ids in paired)
                elif len(surname) >= SURNAME_ALONE_LETTERS and original[tokens[index].start()].isupper():
                    groups.append(tuple(self.surnames.get(surname)))
        return groups

    def _numbers_in(self, text: str) -> Iterator[Hit]:
        if not self.numbers or not _DIGIT.search(text):
            return
        compact = _compact(text)
        for end, key in self._numbers.iter(compact):
            start = end - len(key) + 1
            before = compact[start - 1] if start else " "
            after = compact[end + 1] if end + 1 < len(compact) else " "
            if _same_class(before, key[0]) or _same_class(after, key[-1]):
                continue
            for pid, kind in self.numbers.get(key):
                yield Hit(kind, pid)

    def _contacts_in(self, text: str, patterns: bool) -> Iterator[Hit]:
        folded = _fold(text)
        for end, key in self._literals.iter(folded) if self.literals else ():
            start = end - len(key) + 1
            before = folded[start - 1] if start else " "
            after = folded[end + 1] if end + 1 < len(folded) else " "
            if not (before.isalnum() or after.isalnum()):
                for pid in self.literals.get(key):
                    yield Hit(CONTACT, pid)
        if not patterns:
            return
        for match in _PHONE.finditer(text) if _DIGIT.search(text) else ():
            owners = self.phones.get(re.sub(r"\D", "", match.group())[-10:])
            yield from (Hit(CONTACT, pid) for pid in owners) if owners else (Hit(PATTERN, None),)
        for match in _EMAIL.finditer(text) if "@" in text else ():
            owners = self.literals.get(_fold(match.group()))
            yield from (Hit(CONTACT, pid) for pid in owners) if owners else (Hit(PATTERN, None),)


def _automaton(keys: Iterable[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(key, key)
    automaton.make_automaton()
    return automaton


def _same_class(char: str, edge: str) -> bool:
    return (char.isdigit() and edge.isdigit()) or (char.isalpha() and edge.isalpha())


def free_texts(records: Records, settings: Settings | None) -> Iterator[Text]:
    """Every free-text value that some document prints as written."""
    for event in records.events:
        for lang, label in sorted(event.labels.items()):
            yield Text(label, EVENTS.key, event.row, f"label_{lang}")
        for lang, summary in sorted(event.summaries.items()):
            yield Text(summary, EVENTS.key, event.row, f"summary_{lang}")
        for lang, source in sorted(event.estimate_sources.items()):
            yield Text(source, EVENTS.key, event.row, f"estimate_source_{lang}")
    for person in records.complainants:
        if person.city:  # printed beside the pseudonym in public documents
            yield Text(person.city.text, COMPLAINANTS.key, person.row, "city")
        # Printed in the submissions that name the person: their own name may stand there, no one else's.
        for column in ("place_of_birth", "occupation", "affiliation", "other_procedures"):
            value = getattr(person, column)
            value = value.text if column == "place_of_birth" and value else value
            if value:
                yield Text(value, COMPLAINANTS.key, person.row, column, owner=person.complainant_id)
        for family, texts in (("occupation", person.occupations), ("affiliation", person.affiliations)):
            for lang, value in sorted(texts.items()):
                yield Text(value, COMPLAINANTS.key, person.row, f"{family}_{lang}", owner=person.complainant_id)
    for episode in records.episodes:
        for column in ("city", "legal_basis", "penalty", "authority", "description", "place_of_detention",
                       "reasons_given", "case_number", "arrested_by"):
            value = getattr(episode, column)
            value = value.text if column == "city" and value else value
            if value:
                yield Text(value, EPISODES.key, episode.row, column, owner=episode.complainant_id)
        for family, texts in (("description", episode.descriptions), ("authority", episode.authorities),
                              ("place_of_detention", episode.places_of_detention), ("reasons_given", episode.reasons)):
            for lang, value in sorted(texts.items()):
                yield Text(value, EPISODES.key, episode.row, f"{family}_{lang}", owner=episode.complainant_id)
    for remedy in records.remedies or ():
        for column in ("authority", "action", "outcome"):
            value = getattr(remedy, column)
            if value:
                yield Text(value, REMEDIES.key, remedy.row, column, owner=remedy.complainant_id)
        for lang, value in sorted(remedy.authorities.items()):
            yield Text(value, REMEDIES.key, remedy.row, f"authority_{lang}", owner=remedy.complainant_id)
    # A testimony is quoted in public documents, attributed by a number to whoever did not consent to
    # be named: it may name only the people the public documents name, its author included. One not
    # consented to is never printed, like the notes.
    for testimony in records.testimonies or ():
        for lang, value in sorted(testimony.texts.items() if testimony.consent_to_quote else ()):
            yield Text(value, TESTIMONIES.key, testimony.row, f"text_{lang}")
    if settings is not None:
        yield from settings_texts(settings)


def settings_texts(settings: Settings) -> Iterator[Text]:
    translated = (("title", settings.title, True), ("organisation.name", settings.organisation, True),
                  ("place", settings.place, True), ("urgency", settings.urgency, True),
                  ("wgad_parallel", settings.wgad_parallel, True),
                  ("organisation.address", settings.address, False), ("signatory", settings.signatory, True),
                  ("signatory.position", settings.signatory_position, True),
                  ("organisation.contact_person", settings.contact_person, False),
                  ("state", settings.state, True), ("osce.working_session", settings.osce_session, True))
    for key, values, patterns in translated:
        for lang, value in sorted(values.items()):
            yield Text(value, SETTINGS_FILE, None, f"{key}.{lang}", patterns=patterns)
    for number, period in enumerate(settings.periods, start=1):
        for lang, value in sorted(period.label.items()):
            yield Text(value, SETTINGS_FILE, None, f"periods[{number}].label.{lang}")


def screen(records: Records, settings: Settings | None, publicly_named: set[str],
           column_maps: dict[str, dict[str, int]]) -> list[Issue]:
    """An error for each person a free text names or gives away, at its cell, in the texts' order.

    publicly_named: the ids the public documents name.
    """
    texts = list(free_texts(records, settings))
    if not texts:  # nothing to scan: the names of a large case are not compiled for nothing
        return []
    checker = Screen(records.complainants)
    issues = []
    public = frozenset(publicly_named)
    for text in texts:
        for hit in checker.hits(text.value, public, text.owner, text.patterns):
            index = column_maps.get(text.sheet, {}).get(text.column)
            if hit.kind == PATTERN:
                issues.append(Issue(CONTACT_IN_TEXT, text.sheet, text.row, text.column, index,
                                    {"setting": text.column}))
            elif hit.kind == NAME:
                issues.append(Issue(NAME_IN_TEXT, text.sheet, text.row, text.column, index,
                                    {"id": hit.complainant_id}))
            else:
                issues.append(Issue(PERSONAL_DATA_IN_TEXT, text.sheet, text.row, text.column, index,
                                    {"id": hit.complainant_id, "data": hit.kind}))
    return issues
