"""The workbook's data contract: every sheet, every column, and the vocabularies of coded cells.

A sheet is a record class, and each field of the record declared with `column()`
is one column: its key (the English header), its kind (how a cell is read and
shown), whether it is required, and the help the intake template shows on its
header. A field declared with `per_language()` is a family of columns, one per
language that has a catalog (label_en, label_ru, label_kk, ...), read into a
mapping from language code to text. Everything else reads this module:
records.py types the cells by kind, the intake template writes the titles,
notes and dropdowns, docs/workbook.md is generated from it
(scripts/make_workbook_doc.py), and the demo, the example workbook and the
tests' factories write their rows by key.

Canonical names are English keys. Each catalog translates them (message
context "sheet", "column", "measure", ...), and a header or a coded value is
accepted in any language that has a catalog: adding a language adds its titles
and a column to every per-language family.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .gazetteer import Place
from .i18n import N_, Language, language, languages
from .problems import BAD_VALUE, UNKNOWN_MEASURE, Problem


class Kind(enum.Enum):
    """How a cell is read (records.py) and offered (the intake template)."""

    TEXT = "text"
    NAME = "name"  # text; Latin and Cyrillic look-alikes mixed in it are a warning
    ID = "id"  # a code the rows refer to each other by
    DOCUMENT_NUMBER = "document number"  # digits kept as text; a number cell (zeros lost) is a warning
    DATE = "date"
    PLACE = "place"  # looked up in the gazetteer; offered as a list that may be typed over
    CODED = "coded"  # one value of the column's vocabulary
    CODED_SET = "coded set"  # several values of the vocabulary, comma-separated; empty means all
    TAGS = "tags"  # several values of the vocabulary, comma-separated; empty means none
    COUNT = "count"  # a whole number, zero or more
    YES_NO = "yes/no"  # empty means no


@dataclass(frozen=True)
class Vocabulary:
    """The canonical values of a coded column and the catalog message spelling each.

    A message holds the accepted spellings "|"-separated, first the one the
    intake template offers; each catalog brings its language's words.
    """

    context: str
    values: Mapping[Any, str]
    list_name: str  # the intake template's named range of the dropdown
    issue: Problem = BAD_VALUE  # the error for a value not in the vocabulary
    keys_in_message: bool = False  # the error lists keys with their labels (report._localize)
    every_spelling_in_message: bool = False  # the error lists every accepted word, in every language

    @functools.cached_property
    def every_value(self) -> frozenset:
        """All the values: one set for every row whose empty cell means all of them."""
        return frozenset(self.values)

    def spellings(self) -> dict[str, Any]:
        """Every accepted spelling (folded), in every language, and each string key, to its value."""
        accepted: dict[str, Any] = {fold(key): key for key in self.values if isinstance(key, str)}
        for canonical, message in self.values.items():
            for code in languages():
                for word in language(code).pgettext(self.context, message).split("|"):
                    accepted.setdefault(fold(word), canonical)
        return accepted

    def offered(self, lang: Language) -> list[str]:
        """The first spelling of every value in `lang`, as the dropdown offers them."""
        return [self.label(lang, value) for value in self.values]

    def label(self, lang: Language, value: Any) -> str:
        """How documents print `value` in `lang`: its first spelling. The others are older or
        other accepted words, still read on input (a workbook made from an older template)."""
        return lang.pgettext(self.context, self.values[value]).split("|")[0]

    def words(self) -> list[list[str]]:
        """Each value's accepted spellings: its key, then each language's words, in catalog order."""
        groups = []
        for canonical, message in self.values.items():
            words: list[str] = [canonical] if isinstance(canonical, str) else []
            for code in languages():
                for word in language(code).pgettext(self.context, message).split("|"):
                    if word not in words:
                        words.append(word)
            groups.append(words)
        return groups

    def choices(self) -> str | tuple[str, ...]:
        """What an error message proposes (a tuple: keys shown with their labels)."""
        if self.keys_in_message:
            return tuple(self.values)
        if self.every_spelling_in_message:
            return ", ".join(word for words in self.words() for word in words)
        return ", ".join(self.offered(language("en")))


# Output labels of the measures; the key, or its label in any language, is accepted on input.
MEASURES = {
    "detention": N_("measure", "detention"),
    "interrogation": N_("measure", "interrogation"),
    "administrative_arrest": N_("measure", "administrative arrest"),
    "fine": N_("measure", "fine"),
    "criminal_case": N_("measure", "criminal case"),
    "pretrial_detention": N_("measure", "pre-trial detention"),
    "house_arrest": N_("measure", "house arrest"),
    "conviction": N_("measure", "conviction"),
    "imprisonment": N_("measure", "imprisonment"),  # serving a custodial sentence
    "restriction_of_freedom": N_("measure", "restriction of freedom"),
    "search": N_("measure", "search"),
    "surveillance": N_("measure", "surveillance"),
    "threats": N_("measure", "threats"),
    "ill_treatment": N_("measure", "torture or ill-treatment"),
    "psychiatric_placement": N_("measure", "placement in a psychiatric institution"),
    "confiscation": N_("measure", "confiscation of property"),
    # A dismissal and an expulsion engage different articles (25 (c) reaches only a post in the State's service):
    # two measures. The label both once had is still read, as a dismissal.
    "dismissal": N_("measure", "dismissal from work|dismissal from work or study"),
    "expulsion": N_("measure", "expulsion from study"),
    "other": N_("measure", "other measures"),
}
# Why a person was targeted: what they did, as the authorities' action shows it.
GROUNDS = {
    "protest": N_("ground", "protest|assembly|rally|picket"),
    "online_post": N_("ground", "online posts|online post|post|repost"),
    "campaigning": N_("ground", "campaigning|campaign"),
    "election_observation": N_("ground", "election observation|observer"),
    "journalism": N_("ground", "journalism|journalist"),
    "assistance_to_families": N_("ground", "assistance to families of prisoners|assistance to families|asar"),
    "membership": N_("ground", "membership of a movement or party|membership|member"),
    "other": N_("ground", "other|other grounds"),
}
GROUND_VALUES = Vocabulary("ground", GROUNDS, "grounds")
# How a person was treated while held.
TREATMENT = {
    "denied_lawyer": N_("treatment", "denied a lawyer|no lawyer"),
    "no_phone_call": N_("treatment", "no phone call|no call"),
    "no_food_water": N_("treatment", "no food or water|no food|no water"),
    "force_used": N_("treatment", "force used|force|beaten"),
    "fingerprints_taken": N_("treatment", "fingerprints taken|fingerprints|fingerprinted"),
    "phone_seized": N_("treatment", "phone seized|phone taken|phone checked"),
    "forced_statement": N_("treatment", "forced statement|forced to sign"),
}
TREATMENT_VALUES = Vocabulary("treatment", TREATMENT, "treatment")
MEASURE_VALUES = Vocabulary("measure", MEASURES, "measures", issue=UNKNOWN_MEASURE, keys_in_message=True)
SEX = Vocabulary("sex values", {
    "F": N_("sex values", "F|female|woman"),
    "M": N_("sex values", "M|male|man"),
}, "sexes")
# Exactly the words docs/workbook.md lists, one per language: "y", "1" or "и" (Russian for
# "and") are typing slips, and a wrong yes publishes a name.
YES_NO = Vocabulary("yes no values", {
    True: N_("yes no values", "yes"),
    False: N_("yes no values", "no"),
}, "yes_no", every_spelling_in_message=True)
YES_NO_UNKNOWN = Vocabulary("yes no unknown values", {
    "yes": N_("yes no unknown values", "yes|y"),
    "no": N_("yes no unknown values", "no|n"),
    "unknown": N_("yes no unknown values", "unknown|not known"),
}, "yes_no_unknown")
# The Remedies sheet's actions and outcomes, coded like the measures: printed in the document's
# language, and the key or its label in any language accepted on input.
REMEDY_ACTIONS = {
    "appeal": N_("remedy action", "appeal"),
    "cassation": N_("remedy action", "cassation appeal"),
    "review": N_("remedy action", "petition for review"),
    # A request that the prosecutor protest a decision in force: a review at the prosecutor's discretion.
    "protest": N_("remedy action", "request for a prosecutor's protest|prosecutor's protest|protest"),
    "complaint": N_("remedy action", "complaint"),
    "other": N_("remedy action", "other application"),
}
REMEDY_ACTION_VALUES = Vocabulary("remedy action", REMEDY_ACTIONS, "remedy_actions")
REMEDY_OUTCOMES = {
    "dismissed": N_("remedy outcome", "dismissed"),
    "refused": N_("remedy outcome", "refused"),
    "sentence_upheld": N_("remedy outcome", "sentence upheld"),
    "decision_upheld": N_("remedy outcome", "decision upheld"),
    "ruling_upheld": N_("remedy outcome", "ruling upheld, appeal dismissed"),
    "no_violation": N_("remedy outcome", "no violation found"),
    "granted": N_("remedy outcome", "granted"),
    "partly_granted": N_("remedy outcome", "partly granted"),
    "returned": N_("remedy outcome", "returned without examination"),
}
REMEDY_OUTCOME_VALUES = Vocabulary("remedy outcome", REMEDY_OUTCOMES, "remedy_outcomes")
# A Russian outcome agrees with the application: "жалоба оставлена без рассмотрения", but
# "ходатайство оставлено без рассмотрения". The labels above are written for a complaint or an
# appeal (жалоба); these outcomes of a petition (ходатайство, обращение) print as these messages.
PETITIONS = ("cassation", "review", "protest", "other")
PETITION_OUTCOMES = {
    "refused": N_("remedy outcome of a petition", "refused"),
    "returned": N_("remedy outcome of a petition", "returned without examination"),
    "ruling_upheld": N_("remedy outcome of a petition", "ruling upheld, appeal dismissed"),
    "sentence_upheld": N_("remedy outcome of a petition", "sentence upheld"),
}


def remedy_outcome_label(lang: Language, action: str | None, outcome: str) -> str:
    """The outcome of a domestic remedy in the document's language, in agreement with its action."""
    if action in PETITIONS and outcome in PETITION_OUTCOMES:
        return lang.pgettext("remedy outcome of a petition", PETITION_OUTCOMES[outcome])
    return REMEDY_OUTCOME_VALUES.label(lang, outcome)
POA_SCOPES = Vocabulary("poa scope values", {
    "publish": N_("poa scope values", "publish|publication"),
    "represent": N_("poa scope values", "represent|representation"),
    "appeal": N_("poa scope values", "appeal|appeals"),
}, "poa_scopes")
# The documents a submission carries as annexes. Identity documents, powers of attorney, appeal forms
# and medical reports are private (packages.py): only confidential documents carry them.
ATTACHMENT_KINDS = Vocabulary("attachment kind", {
    "power_of_attorney": N_("attachment kind", "power of attorney|poa"),
    "appeal_form": N_("attachment kind", "appeal form"),
    "decision": N_("attachment kind", "decision|court decision"),
    "complaint": N_("attachment kind", "complaint|appeal"),
    "medical": N_("attachment kind", "medical report|medical"),
    "identity": N_("attachment kind", "identity document|identity|passport"),
    "photo": N_("attachment kind", "photograph|photo"),
    "other": N_("attachment kind", "other document|other"),
}, "attachment_kinds")


@dataclass(frozen=True)
class Column:
    """One column of a sheet, as the workbook has it."""

    key: str  # the canonical header, such as "label_ru"
    field: str  # the record's attribute it fills, such as "labels"
    kind: Kind
    help: str  # message (context "column help"); a family's has {language}
    required: bool = False  # the cell must be filled in every row
    vocabulary: Vocabulary | None = None
    language: str | None = None  # the language of a per-language family's column
    title_pattern: str | None = None  # a family's title message, such as "label ({language})"
    wide: bool = False  # prose: a wide, wrapped column in the workbooks the tool writes
    printed: bool = True  # some document prints it (contacts and notes: none)

    @property
    def printed_as_typed(self) -> bool:
        """Some document prints the cell as typed, so the document fonts must draw it. A coded
        cell prints its label instead."""
        return self.printed and self.kind not in (Kind.CODED, Kind.CODED_SET, Kind.YES_NO)

    def title(self, lang: Language) -> str:
        """The header in `lang`."""
        if self.language is None:
            return lang.pgettext("column", self.key)
        return lang.pgettext("column", self.title_pattern or "").format(language=language_name(lang, self.language))

    def note(self, lang: Language) -> str:
        """What goes in the column, in `lang`."""
        text = lang.pgettext("column help", self.help)
        return text.format(language=language_name(lang, self.language)) if self.language else text

    def accepted_titles(self) -> set[str]:
        """The headers (folded) read as this column: its key and its title in every language."""
        titles = {fold(self.key)}
        for code in languages():
            lang = language(code)
            titles.add(fold(self.title(lang)))
            if self.language is not None:
                # Abbreviated language names, as in "название (англ.)": headers written before
                # the titles were generated from the catalogs, and what people type.
                pattern = lang.pgettext("column", self.title_pattern or "")
                shorts = _abbreviations(code, self.language, languages())
                titles.update(fold(pattern.format(language=short)) for short in shorts)
        return titles


@functools.cache
def _abbreviations(lang_code: str, code: str, codes: tuple[str, ...]) -> tuple[str, ...]:
    """Prefixes of `code`'s name in `lang_code`, with a full stop, that no other language's name shares."""
    def prefixes(other: str) -> set[str]:
        name = language_name(language(lang_code), other)
        return {name[:end] + "." for end in range(3, len(name) + 1) if name[end - 1].isalpha()}

    shared = set().union(*(prefixes(other) for other in codes if other != code))
    return tuple(sorted(prefixes(code) - shared))


def language_name(lang: Language, code: str) -> str:
    """The name of the language `code` in `lang` (CLDR, through Babel), or the code where CLDR has none."""
    return lang.locale.languages.get(code, code)


def column(key: str, help: str, *, kind: Kind = Kind.TEXT, required: bool = False,
           vocabulary: Vocabulary | None = None, wide: bool = False, printed: bool = True,
           default: Any = dataclasses.MISSING) -> Any:
    """A record field that is one column. key: N_("column", name), the field's own name.

    A required column's field has no default, so that a row without it makes no record;
    give `default` to keep such rows (their missing value is already an error).
    """
    if default is dataclasses.MISSING and not required:
        default = frozenset(vocabulary.values) if kind is Kind.CODED_SET and vocabulary else (
            frozenset() if kind is Kind.TAGS else False if kind is Kind.YES_NO else None)
    spec = Column(key, key, kind, help, required, vocabulary, wide=wide, printed=printed)
    return field(default=default, metadata={"column": spec})


def per_language(stem: str, title: str, help: str, *, wide: bool = True) -> Any:
    """A record field that is one text column per language, such as label_en, label_ru...

    title: N_("column", "label ({language})"); help: N_("column help", "... {language} ...").
    The field holds {language code: text} for the cells filled.
    """
    spec = Column(stem, "", Kind.TEXT, help, title_pattern=title, wide=wide)
    return field(default_factory=dict, hash=False, metadata={"family": spec})


@functools.cache
def _columns(record: type, codes: tuple[str, ...]) -> tuple[Column, ...]:
    columns: list[Column] = []
    for item in dataclasses.fields(record):
        if "column" in item.metadata:
            spec = item.metadata["column"]
            if spec.key != item.name:
                raise TypeError(f"{record.__name__}.{item.name}: column key {spec.key!r} is not the field's name")
            columns.append(spec)
        elif "family" in item.metadata:
            spec = item.metadata["family"]
            columns.extend(dataclasses.replace(spec, key=f"{spec.key}_{code}", field=item.name, language=code)
                           for code in codes)
    return tuple(columns)


@dataclass(frozen=True)
class Sheet:
    key: str  # N_("sheet", title)
    record: type  # a dataclass whose fields are the columns
    help: str  # N_("instructions", what one row is), on the intake template's Instructions sheet
    id_column: str | None = None
    required: bool = True  # a workbook without it cannot be read

    @property
    def columns(self) -> tuple[Column, ...]:
        """The columns in the intake template's order; a family has one per language present."""
        return _columns(self.record, languages())

    def column(self, key: str) -> Column:
        return next(column for column in self.columns if column.key == key)

    def variant(self, field_name: str, code: str) -> Column:
        """The column of a per-language family in the language `code`."""
        return next(c for c in self.columns if c.field == field_name and c.language == code)


@dataclass(frozen=True)
class Locality:
    """A place as written, and the gazetteer entry it resolved to, if any."""

    text: str
    place: Place | None

    @property
    def key(self) -> str:
        return self.place.key if self.place else fold(self.text)

    def name(self, lang: str) -> str:
        return self.place.name(lang) if self.place else self.text


# The records: one class per sheet, one field per column (plus the row it came from).

_REFERENCE_TO_COMPLAINANT = N_("column help", "The code of the complainant, as on the Complainants sheet.")


@dataclass(frozen=True, kw_only=True)
class Event:
    row: int
    event_id: str = column(N_("column", "event_id"), kind=Kind.ID, required=True, help=N_(
        "column help", "A short code of your choice for the event, such as 2022-01-almaty. Episodes refer to it."))
    date: datetime.date = column(N_("column", "date"), kind=Kind.DATE, required=True, help=N_(
        "column help", "The day the event took place or began."))
    date_end: datetime.date | None = column(N_("column", "date_end"), kind=Kind.DATE, help=N_(
        "column help", "The last day, if the event lasted several days; otherwise leave it empty."))
    labels: Mapping[str, str] = per_language(
        "label", N_("column", "label ({language})"), N_(
            "column help", "The name of the event as the documents in this language print it. Language: {language}."))
    summaries: Mapping[str, str] = per_language(
        "summary", N_("column", "summary ({language})"), N_(
            "column help", "A few sentences in this language on what happened and how the authorities "
            "responded. Language: {language}."))
    estimated_total: int | None = column(N_("column", "estimated_total"), kind=Kind.COUNT, help=N_(
        "column help", "How many people in all were detained or otherwise targeted at this event by someone's "
        "estimate, whether or not they appealed. The documents print it beside the count of complainants, "
        "never added to it, and only with its source."))
    estimate_sources: Mapping[str, str] = per_language(
        "estimate_source", N_("column", "estimate source ({language})"), N_(
            "column help", "Who made the estimate, as the documents in this language should attribute it: an "
            "organisation, a media outlet, a monitors' group. Language: {language}."))


@dataclass(frozen=True, kw_only=True)
class Complainant:
    row: int
    complainant_id: str = column(N_("column", "complainant_id"), kind=Kind.ID, required=True, help=N_(
        "column help", "A short code for the person, different on every row, such as C001. Do not use the name."))
    surname: str = column(N_("column", "surname"), kind=Kind.NAME, required=True, help=N_(
        "column help", "The surname as in the identity document."))
    given_name: str = column(N_("column", "given_name"), kind=Kind.NAME, required=True, help=N_(
        "column help", "The given name as in the identity document."))
    patronymic: str | None = column(N_("column", "patronymic"), kind=Kind.NAME, help=N_(
        "column help", "The patronymic, if the person has one."))
    surname_latin: str | None = column(N_("column", "surname_latin"), kind=Kind.NAME, help=N_(
        "column help", "The surname in Latin letters exactly as in the passport; the English documents use it."))
    given_name_latin: str | None = column(N_("column", "given_name_latin"), kind=Kind.NAME, help=N_(
        "column help", "The given name in Latin letters exactly as in the passport."))
    sex: str | None = column(N_("column", "sex"), kind=Kind.CODED, vocabulary=SEX, help=N_(
        "column help", "Choose from the list."))
    date_of_birth: datetime.date | None = column(N_("column", "date_of_birth"), kind=Kind.DATE, help=N_(
        "column help", "The date of birth. It never appears in the documents."))
    city: Locality | None = column(N_("column", "city"), kind=Kind.PLACE, help=N_(
        "column help", "The city or town where the person lives. Choose from the list or type it."))
    id_document: str | None = column(N_("column", "id_document"), kind=Kind.DOCUMENT_NUMBER, help=N_(
        "column help", "The number of the identity document as printed, with any leading zeros. "
        "It never appears in the documents."))
    appeal_form_date: datetime.date | None = column(N_("column", "appeal_form_date"), kind=Kind.DATE, help=N_(
        "column help", "The day the signed appeal form was received. Without it the person is left out of the "
        "documents."))
    poa_date: datetime.date | None = column(N_("column", "poa_date"), kind=Kind.DATE, help=N_(
        "column help", "The day the signed power of attorney was received. Without it the person is left out of "
        "the documents."))
    poa_scope: frozenset[str] = column(N_("column", "poa_scope"), kind=Kind.CODED_SET, vocabulary=POA_SCOPES,
                                       help=N_("column help", "What the power of attorney allows: publish, represent, "
                                               "appeal, separated by commas. Leave it empty when it allows all three."))
    consent_to_name: bool = column(N_("column", "consent_to_name"), kind=Kind.YES_NO, vocabulary=YES_NO, help=N_(
        "column help", "Yes if the person agreed to be named in public documents; otherwise they appear there as "
        "Complainant No. N."))
    contact: str | None = column(N_("column", "contact"), wide=True, printed=False, help=N_(
        "column help", "A phone number or e-mail address, for the lawyers only. It never appears in the documents."))
    notes: str | None = column(N_("column", "notes"), wide=True, printed=False, help=N_(
        "column help", "Anything the lawyers should know. It never appears in the documents."))
    # What the UN bodies' forms ask about the person (issue 11); empty cells are open points there.
    nationality: str | None = column(N_("column", "nationality"), help=N_(
        "column help", "The person's nationality, as a country's name or two-letter code (KZ); several separated "
        "by commas."))
    place_of_birth: Locality | None = column(N_("column", "place_of_birth"), kind=Kind.PLACE, help=N_(
        "column help", "Where the person was born. Choose from the list or type it."))
    occupation: str | None = column(N_("column", "occupation"), wide=True, help=N_(
        "column help", "The person's profession or activity at the time of the events, as they describe it."))
    affiliation: str | None = column(N_("column", "affiliation"), wide=True, help=N_(
        "column help", "The movement, party, association or group the person belongs to or works with, if any."))
    articles: str | None = column(N_("column", "articles"), help=N_(
        "column help", "Articles of the Covenant the lawyer adds to or removes from this person's communication to "
        "the Human Rights Committee: +7 adds article 7, -15 removes article 15; separated by commas."))
    other_procedures: str | None = column(N_("column", "other_procedures"), wide=True, help=N_(
        "column help", "Other international procedures already examining the person's case (for example the "
        "Committee against Torture), or none. The communication to the Human Rights Committee states it."))
    # The Special Procedures' form asks it apart from consent to be named in public: a power to represent is not it.
    consent_to_government: str | None = column(
        N_("column", "consent_to_government"), kind=Kind.CODED, vocabulary=YES_NO_UNKNOWN, help=N_(
            "column help", "Whether the person agreed that the Special Procedures give his or her name to the "
            "Government when they take up the case: yes, no or unknown."))
    # Per language, after the plain columns, which hold text whose language is not stated.
    occupations: Mapping[str, str] = per_language(
        "occupation", N_("column", "occupation ({language})"), N_(
            "column help", "The person's profession or activity at the time of the events, in this language. "
            "Language: {language}."))
    affiliations: Mapping[str, str] = per_language(
        "affiliation", N_("column", "affiliation ({language})"), N_(
            "column help", "The movement, party, association or group the person belongs to or works with, if "
            "any, as the documents in this language name it: its name alone, as a list gives it. Language: "
            "{language}."))


@dataclass(frozen=True, kw_only=True)
class Episode:
    row: int
    complainant_id: str = column(N_("column", "complainant_id"), kind=Kind.ID, required=True,
                                 help=_REFERENCE_TO_COMPLAINANT)
    event_id: str | None = column(N_("column", "event_id"), kind=Kind.ID, help=N_(
        "column help", "The code of the event, as on the Events sheet, if the episode belongs to one. "
        "Choose from the list."))
    date: datetime.date | None = column(N_("column", "date"), kind=Kind.DATE, help=N_(
        "column help", "The day of the episode: the detention, the search, the court hearing."))
    city: Locality | None = column(N_("column", "city"), kind=Kind.PLACE, help=N_(
        "column help", "Where it happened. Choose from the list or type it."))
    # None only in a workbook with errors, which is never built; the row is kept so that
    # its references are checked too.
    measure: str | None = column(N_("column", "measure"), kind=Kind.CODED, vocabulary=MEASURE_VALUES,
                                 required=True, default=None, help=N_(
                                     "column help", "What was done to the person. Choose from the list; "
                                     "one measure per row."))
    grounds: str | None = column(N_("column", "grounds"), kind=Kind.CODED, vocabulary=GROUND_VALUES, help=N_(
        "column help", "Why the person was targeted: what they did or were about to do. Choose from the list; "
        "leave it empty when it is not known."))
    preventive: bool = column(N_("column", "preventive"), kind=Kind.YES_NO, vocabulary=YES_NO, help=N_(
        "column help", "Yes if the measure was taken to stop the person from doing something (going to a rally, "
        "observing a vote) rather than for something they had done."))
    treatment: frozenset[str] = column(N_("column", "treatment"), kind=Kind.TAGS, vocabulary=TREATMENT_VALUES,
                                       help=N_("column help", "How the person was treated while held, as many as "
                                               "apply, separated by commas. Leave it empty when nothing is known."))
    hours_held: int | None = column(N_("column", "hours_held"), kind=Kind.COUNT, help=N_(
        "column help", "For a detention: how many hours the person was held, in whole hours."))
    legal_basis: str | None = column(N_("column", "legal_basis"), wide=True, help=N_(
        "column help", "The article of law the authorities relied on, such as Article 488 of the Code of "
        "Administrative Offences."))
    penalty: str | None = column(N_("column", "penalty"), wide=True, help=N_(
        "column help", "The penalty or term, as a number and a unit: 10 days, 2 months, 3 years' imprisonment, "
        "KZT 120250, 50 MCI."))
    authority: str | None = column(N_("column", "authority"), wide=True, help=N_(
        "column help", "The body that acted: a police department, a court."))
    description: str | None = column(N_("column", "description"), wide=True, help=N_(
        "column help", "A short account of what happened, in any language."))
    # What the Working Group's questionnaire asks about a deprivation of liberty (issue 11).
    end_date: datetime.date | None = column(N_("column", "end_date"), kind=Kind.DATE, help=N_(
        "column help", "The day it ended: release from detention, arrest or custody, the end of the sentence, the "
        "criminal case closed. Empty: the person is still held, or the case is still open. Leave it empty for a "
        "measure done in one day, such as a search or a fine."))
    place_of_detention: str | None = column(N_("column", "place_of_detention"), wide=True, help=N_(
        "column help", "Where the person was held, and any transfer."))
    warrant: str | None = column(N_("column", "warrant"), kind=Kind.CODED, vocabulary=YES_NO_UNKNOWN, help=N_(
        "column help", "Whether a warrant or decision was shown at the arrest: yes, no or unknown."))
    arrested_by: str | None = column(N_("column", "arrested_by"), wide=True, help=N_(
        "column help", "For a deprivation of liberty: the police or security unit that carried out the arrest, "
        "when it is not the body in the authority column (a court that ordered the arrest, for example)."))
    reasons_given: str | None = column(N_("column", "reasons_given"), wide=True, help=N_(
        "column help", "The reasons the authorities gave for the measure, as they gave them."))
    lawyer_access: str | None = column(N_("column", "lawyer_access"), kind=Kind.CODED, vocabulary=YES_NO_UNKNOWN,
                                       help=N_("column help", "Whether the person could see a lawyer of their "
                                               "choosing: yes, no or unknown."))
    case_number: str | None = column(N_("column", "case_number"), kind=Kind.DOCUMENT_NUMBER, help=N_(
        "column help", "The number of the administrative or criminal case."))
    # Article 25 of the Constitution protects the home: whether a search was of one (reader s9).
    home_searched: str | None = column(N_("column", "home_searched"), kind=Kind.CODED, vocabulary=YES_NO_UNKNOWN,
                                       help=N_("column help", "For a search: whether it was of the person's home "
                                               "(a flat, a house): yes, no or unknown."))
    # The free texts per language, after the plain columns, which hold text whose language is not stated.
    descriptions: Mapping[str, str] = per_language(
        "description", N_("column", "description ({language})"), N_(
            "column help", "A short account of what happened, in this language. Language: {language}."))
    authorities: Mapping[str, str] = per_language(
        "authority", N_("column", "authority ({language})"), N_(
            "column help", "The body that acted, as the documents in this language name it. Language: {language}."))
    places_of_detention: Mapping[str, str] = per_language(
        "place_of_detention", N_("column", "place_of_detention ({language})"), N_(
            "column help", "Where the person was held, and any transfer, in this language. Language: {language}."))
    reasons: Mapping[str, str] = per_language(
        "reasons_given", N_("column", "reasons_given ({language})"), N_(
            "column help", "The reasons the authorities gave for the measure, in this language. Language: "
            "{language}."))


@dataclass(frozen=True, kw_only=True)
class Remedy:
    row: int
    complainant_id: str = column(N_("column", "complainant_id"), kind=Kind.ID, required=True,
                                 help=_REFERENCE_TO_COMPLAINANT)
    date: datetime.date | None = column(N_("column", "date"), kind=Kind.DATE, help=N_(
        "column help", "The day the appeal or complaint was filed."))
    authority: str | None = column(N_("column", "authority"), wide=True, help=N_(
        "column help", "The body the appeal or complaint was addressed to."))
    action: str | None = column(N_("column", "action"), kind=Kind.CODED, vocabulary=REMEDY_ACTION_VALUES, help=N_(
        "column help", "What was filed: an appeal, a cassation appeal, a complaint. Choose from the list."))
    outcome: str | None = column(N_("column", "outcome"), kind=Kind.CODED, vocabulary=REMEDY_OUTCOME_VALUES,
                                 help=N_("column help", "The decision. Choose from the list; leave it empty while "
                                         "it is pending."))
    outcome_date: datetime.date | None = column(N_("column", "outcome_date"), kind=Kind.DATE, help=N_(
        "column help", "The day of the decision."))
    authorities: Mapping[str, str] = per_language(
        "authority", N_("column", "authority ({language})"), N_(
            "column help", "The body the appeal or complaint was addressed to, as the documents in this language "
            "name it. Language: {language}."))

    @property
    def decided(self) -> datetime.date | None:
        return self.outcome_date or self.date


@dataclass(frozen=True, kw_only=True)
class Attachment:
    row: int
    complainant_id: str | None = column(N_("column", "complainant_id"), kind=Kind.ID, help=N_(
        "column help", "The code of the complainant the document concerns, as on the Complainants sheet; "
        "leave it empty for a document of the whole case."))
    kind: str = column(N_("column", "kind"), kind=Kind.CODED, vocabulary=ATTACHMENT_KINDS, required=True, help=N_(
        "column help", "What the document is. Choose from the list. Identity documents, powers of attorney, "
        "appeal forms and medical reports are attached only to confidential submissions."))
    file: str = column(N_("column", "file"), required=True, wide=True, help=N_(
        "column help", "Where the file is, from the case folder, such as annexes/C012-poa.pdf: a PDF, JPEG, "
        "PNG or TIFF file inside the case folder."))
    date: datetime.date | None = column(N_("column", "date"), kind=Kind.DATE, help=N_(
        "column help", "The date the document bears."))
    number: str | None = column(N_("column", "number"), kind=Kind.DOCUMENT_NUMBER, help=N_(
        "column help", "The number the document bears, such as a case or decision number, if any."))
    every_package: bool = column(N_("column", "every_package"), kind=Kind.YES_NO, vocabulary=YES_NO, printed=False,
                                 help=N_("column help", "For a document of the whole case: yes to send it also with "
                                         "each person's own submission (the communications to the Human Rights "
                                         "Committee, the questionnaires). Otherwise it goes only with the "
                                         "submissions about the whole case."))
    public: bool | None = column(N_("column", "public"), kind=Kind.CODED, vocabulary=YES_NO, printed=False, help=N_(
        "column help", "For a document of the whole case: yes if it may go with the public submissions (the "
        "collective complaint, the OSCE contribution), because it names no one who has not agreed to be named; no "
        "if it may not. Left empty, the public submissions leave it out and ask."))
    titles: Mapping[str, str] = per_language(
        "title", N_("column", "title ({language})"), N_(
            "column help", "What the list of annexes calls the document in this language: what it is and who "
            "issued it, as written within a sentence, such as: Decision of the Almaty City Court. The list adds "
            "the date and number in the language's order. Language: {language}."))
    subjects: Mapping[str, str] = per_language(
        "subject", N_("column", "subject ({language})"), N_(
            "column help", "Whom or what the document concerns, as the list of annexes says it after the date "
            "and number, such as: concerning the participants in the rally. Language: {language}."))


EVENTS = Sheet(N_("sheet", "Events"), Event, N_(
    "instructions", "One row per event: a rally, a wave of arrests, a court campaign."), id_column="event_id")
COMPLAINANTS = Sheet(N_("sheet", "Complainants"), Complainant, N_(
    "instructions", "One row per person who appealed."), id_column="complainant_id")
EPISODES = Sheet(N_("sheet", "Episodes"), Episode, N_(
    "instructions", "One row per measure taken against a complainant: a detention, a fine, a search. "
    "A person may have several rows."))
# Domestic remedies: what each complainant tried at home, which the Human Rights
# Committee needs to see exhausted.
REMEDIES = Sheet(N_("sheet", "Remedies"), Remedy, N_(
    "instructions", "One row per appeal or complaint a complainant made in Kazakhstan. This sheet may stay "
    "empty, but the complaint is stronger with it."), required=False)

# The documents sent with the submissions: the files are in the case folder.
ATTACHMENTS = Sheet(N_("sheet", "Attachments"), Attachment, N_(
    "instructions", "One row per document to send with the submissions: a power of attorney, a court decision, "
    "a medical report. Put the files in the case folder, for example in a folder named annexes. This sheet "
    "may stay empty."), required=False)



@dataclass(frozen=True, kw_only=True)
class Testimony:
    row: int
    complainant_id: str = column(N_("column", "complainant_id"), kind=Kind.ID, required=True,
                                 help=_REFERENCE_TO_COMPLAINANT)
    texts: Mapping[str, str] = per_language(
        "text", N_("column", "text ({language})"), N_(
            "column help", "The person's own words, in this language, as they agreed to have them quoted. "
            "Language: {language}."))
    consent_to_quote: bool = column(N_("column", "consent_to_quote"), kind=Kind.YES_NO, vocabulary=YES_NO, help=N_(
        "column help", "Yes if the person agreed to be quoted in public documents. Without it the text is never "
        "printed. The quote is attributed by name only if they also agreed to be named."))


TESTIMONIES = Sheet(N_("sheet", "Testimonies"), Testimony, N_(
    "instructions", "One row per statement a complainant made in their own words. This sheet may stay empty."),
    required=False)

SHEETS = (EVENTS, COMPLAINANTS, EPISODES, REMEDIES, ATTACHMENTS, TESTIMONIES)


def fold(text: str) -> str:
    """Compare headers and coded values without regard to case, spacing or underscores."""
    return " ".join(text.replace("_", " ").replace("\u00a0", " ").casefold().split())


def localized_titles(context: str, key: str) -> set[str]:
    """The key and its translation in every catalog, folded."""
    titles = {fold(key)}
    for code in languages():
        titles.add(fold(language(code).pgettext(context, key)))
    return titles


def column_title(lang: Language, key: str) -> str:
    """The header of the column `key` (of any sheet) in `lang`, for messages that name a column."""
    found = next((c for sheet in SHEETS for c in sheet.columns if c.key == key), None)
    return found.title(lang) if found else key
