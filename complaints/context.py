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
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from babel import Locale
from markupsafe import Markup, escape

from .authorities import GENITIVE_LANGUAGES, Authorities
from .bodies import bodies
from .case import Case, Member
from .claims import (
    CHARGES,
    FREEDOMS,
    ILL_TREATMENT_TAGS,
    Claim,
    Undecided,
    article_changes,
    author_claims,
    beyond_administrative_limit,
    category_claims,
    ill_treatment,
    lawyer_access,
)
from .collation import alphabetical, sort_key
from .countries import country_codes, country_name
from .counts import Counts, count
from .heap import without_cycle_collection
from .i18n import N_, Language, language, languages
from .law import DEPRIVATION_OF_LIBERTY, PREVENTIVE_MEASURES, Provision, describe_basis, no_basis, parse_provision
from .names import transliterate
from .open_points import marker_function, untranslated_marker
from .penalties import describe_penalty, penalty_in_phrase
from .records import Complainant, Episode, Remedy
from .schema import GROUNDS, MEASURE_VALUES, PETITIONS, REMEDY_ACTION_VALUES, TREATMENT, remedy_outcome_label
from .settings import Period
from .stock import CHARGE, CONVICTION, LASTING, charge_end, held_on

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
    provision: Provision | None = None  # the legal basis, when recognised
    no_basis: bool = False  # recorded as invoking no legal basis at all
    # What was done, as a lawyer writes it: the measure with its term or amount and the provision
    # invoked ("штраф в размере 120 250 тенге по ст. 488 КоАП РК").
    act: str = ""
    reasons_given: str = ""
    lawyer_access: str = ""  # yes | no | unknown, or empty when not recorded (claims.lawyer_access)
    ground: str = ""  # what the person was targeted for (a GROUNDS key), or empty
    ground_label: str = ""  # that ground in the document's language
    warrant: str = ""  # yes | no | unknown, or empty when not recorded
    end_date: str = ""  # empty: still lasting, or ended with no end recorded (see `held`)
    # A deprivation of liberty on the document's date (stock.held_on): True held, False not, None not
    # known (its recorded term ran out with no end recorded: an open point, never "still held").
    held: bool | None = False
    # Held on the document's date: the deprivations of liberty it follows without a break (_held_without_break),
    # each as (date, measure), earliest first; «с 18 апреля (содержание под стражей); 30 июля (по приговору)».
    held_from: tuple[tuple[str, str], ...] = ()
    hours_held: int | None = None  # for a detention, when recorded
    home_searched: str = ""  # for a search: yes | no | unknown, or empty when not recorded
    period: str = ""  # from the date to the end date, what they share printed once ("11–25 мая 2018 года")
    since: str = ""  # from the date, as a term is counted ("с 6 июня 2018 года", "2018 жылғы 6 маусымнан бастап")
    place_of_detention: str = ""
    case_number: str = ""
    # The forces who carried out the arrest: the `arrested_by` cell, else the body that acted in a
    # detention (the police who detained); empty when not recorded. Never the court that ordered it.
    arrested_by: str = ""
    preventive: bool = False  # a preventive or procedural measure: its "penalty" is a term
    # The measure's label names a kind of act ("other measures", "dismissal from work or study") and the
    # description tells the act itself, with nothing else to say (no provision, term or amount): the
    # documents print the description in its place, never the kind before the act.
    categorical: bool = False
    treatment: tuple[str, ...] = ()  # the TREATMENT keys recorded, in the vocabulary's order
    day: datetime.date | None = None  # the date, unformatted (claims.summary_trials compares days)
    # An imprisonment serving a verdict (served_conviction): the verdict's date, and the day it entered into force
    # where the Remedies sheet records it (_in_force_on), else empty.
    sentenced: str = ""
    in_force: str = ""
    # A verdict and the episode of the same event that carries out its sentence (an imprisonment serving it, reader
    # s10 S1; a restriction of freedom or a fine of its day, F7) are one item of the facts: the verdict's view holds
    # that episode, whose own view is marked as told with it. sentence: that episode's act as the verdict's penalty
    # («наказание: ограничение свободы сроком на 1 год»), where the verdict records none of its own.
    serving: EpisodeView | None = None
    with_verdict: bool = False
    sentence: str = ""


# The measures a decision imposes (a penalty, a charge, a measure of restraint, a placement, a dismissal):
# what a communication may ask to have quashed.
DECISIONS = (*CHARGES, "psychiatric_placement", "confiscation", "dismissal", "expulsion")
# The acts of the police and the security services, not decisions: what a complaint to a prosecutor is filed against.
COMPLAINED_ACTS = ("detention", "interrogation", "search", "surveillance", "threats", "ill_treatment")
# No column links a complaint to a prosecutor to the acts it concerns, and no deadline binds it as one binds an
# appeal: it is taken to be against the police's acts only when filed within two weeks of them; a later one may
# concern anything, and names nothing (lead s11, after Q8: October complaints named acts of July).
COMPLAINT_WINDOW = datetime.timedelta(days=14)
# The measures whose label names a kind of act rather than the act: what the description tells is the act.
CATEGORY_MEASURES = ("ill_treatment", "dismissal", "expulsion", "other")


@dataclass(frozen=True)
class Procedure:
    """Another international body the same build puts a person's case before."""

    body: str  # its key in complaints/data/bodies.toml, which the communication's argument turns on
    name: str  # in the document's language


# The bodies of bodies.toml as a sentence names them (context "recipient"): a communication lists the
# other procedures by them, and a courtesy translation's note says which languages each accepts.
RECIPIENT_NAMES = {
    "wgad": N_("recipient", "the UN Working Group on Arbitrary Detention"),
    "special-procedures": N_("recipient", "the UN Special Procedures"),
    "odihr": N_("recipient", "the OSCE Office for Democratic Institutions and Human Rights"),
    "hrc": N_("recipient", "the UN Human Rights Committee"),
    "prosecutor-general": N_("recipient", "the Prosecutor General's Office of the Republic of Kazakhstan"),
}


# The Special Procedures mandates a letter or an urgent appeal is addressed to, in this fixed order (the
# Rapporteurs, then the Working Group), each only where the data of the persons it lists gives the mandate something
# to act on (reader s11 U4): a fixed list said that a person convicted for a post was a defender and a protester.
MANDATES = ("assembly", "expression", "defenders", "torture", "wgad")
# The grounds that make a person a human rights defender (the Declaration on human rights defenders, art. 1; OHCHR
# Fact Sheet No. 29, «What do human rights defenders do?»): observing an election is monitoring a right and reporting
# on its breaches, assisting the families of prisoners is supporting victims of violations. Journalism is not, on
# its own: the Fact Sheet counts a journalist a defender by what he or she reports, which the workbook does not
# record, and the Rapporteur on expression acts for journalists.
DEFENDER_GROUNDS = ("election_observation", "assistance_to_families")


def mandates(counts: Counts, people: Sequence[PersonView]) -> tuple[str, ...]:
    """The mandates (MANDATES) the recorded data of the persons a document lists engages: expression where article 19
    is claimed for one of them, assembly and association where article 21 or 22 is; human rights defenders where one
    was targeted for a ground of DEFENDER_GROUNDS; torture where ill-treatment is recorded (claims.ill_treatment:
    force used or a statement forced only once article 7 is claimed) or article 7 is claimed, a placement alone
    leaving article 7 open (reader s11 S6); the Working Group where a deprivation of liberty is recorded or someone
    is held."""
    articles = {item.article for item in counts.articles}
    measures = {item.measure for item in counts.measures}
    engaged = {
        "assembly": bool({21, 22} & articles),
        "expression": 19 in articles,
        "defenders": any(item.ground in DEFENDER_GROUNDS for item in counts.grounds),
        "torture": any(person.ill_treated for person in people) or 7 in articles,
        "wgad": any(person.held for person in people) or bool(measures & set(DEPRIVATION_OF_LIBERTY)),
    }
    return tuple(key for key in MANDATES if engaged[key])


# Remedies that depend on an official's discretion, not on the person's right: a request that the
# prosecutor protest a decision in force. The Human Rights Committee does not require them to be
# exhausted (article 5(2)(b) of the Optional Protocol), so one pending does not hold a communication back.
DISCRETIONARY_REMEDIES = ("protest",)
# Remedies only a court decides: an appeal, a cassation appeal, a petition for review. A complaint or another
# application is a court's when it went to a court (the Authorities list knows the body as one).
COURT_REMEDIES = ("appeal", "cassation", "review")


# The measures a private actor takes (an employer, a school): its name is no alleged perpetrator of the State's.
PRIVATE_ACTS = ("dismissal", "expulsion")


def _provisions(people: Sequence[PersonView], code: str) -> list[tuple[str, int, int]]:
    """Each legal basis invoked (as the documents describe it), with the number of people it was invoked against
    and of the acts under it: most people first, then most acts, then alphabetically."""
    acts: Counter[str] = Counter()
    persons: dict[str, set[str]] = {}
    for person in people:
        for episode in person.episodes:
            if episode.legal_basis:
                acts[episode.legal_basis] += 1
                persons.setdefault(episode.legal_basis, set()).add(person.complainant_id)
    return sorted(((basis, len(persons[basis]), n) for basis, n in acts.items()),
                  key=lambda item: (-item[1], -item[2], sort_key(code, item[0])))


def _to_a_court(texts: Mapping[str, str], plain: str | None) -> bool:
    """Whether a remedy's body, under any of the names typed, is a court the Authorities list knows."""
    return any(known.court for text in (plain, *texts.values()) if text
               if (known := Authorities.default().resolve(text)))


@dataclass(frozen=True)
class RemedyView:
    date: str
    authority: str
    action: str
    outcome: str
    outcome_date: str
    action_key: str = ""  # a REMEDY_ACTIONS key, or empty when not recorded
    pending: bool = False  # no decision recorded
    petition: bool = False  # a petition or an unnamed application (ru «ходатайство», «обращение»), not a complaint
    discretionary: bool = False  # one of DISCRETIONARY_REMEDIES
    court: bool = False  # decided by a court (COURT_REMEDIES, or addressed to a court)
    against: str = ""  # the court act it was filed against (_Views.court_acts), "the ruling of <date> (<measures>)"


@dataclass(frozen=True)
class CourtRuling:
    """A court's decision on an appeal, a cassation appeal or a petition for review against a court act that
    left the act standing, told with the act: "upheld by the ruling of <court> of <date>"."""

    court: str  # in the genitive where the language needs it (Authority.genitive); empty: an open point
    date: str  # as a document is cited by its date; empty: not recorded (an open point)
    amended: bool = False  # partly granted: the act stands as the ruling changed it


@dataclass(frozen=True)
class CourtAct:
    """A court's act against a complainant, which the domestic complaint asks the prosecutor to protest and the
    communication asks to have quashed: "the ruling of <court> of <date> No. <number> (<what>)", or a guilty
    verdict "… under <provision> (<sentence>)"."""

    court: str  # in the genitive where the language needs it (Authority.genitive); empty: an open point
    date: str  # as a document is cited by its date; empty: not recorded (an open point)
    number: str  # the case or decision number, empty when not recorded
    what: str  # the measures it imposed (a verdict: its sentence, without the provision), or the remedy it decided
    verdict: bool = False
    basis: str = ""  # a verdict's provision ("по ч. 2 ст. 405 УК РК")
    # The date of an appeal against it not yet decided: the act is not in force, and no protest is asked.
    appeal_pending: str = ""
    rulings: tuple[CourtRuling, ...] = ()  # the decisions on remedies against it that left it standing


# The outcomes of a remedy against a court act that leave the act as it was, and the one that changes it.
UPHELD = ("dismissed", "sentence_upheld", "decision_upheld", "ruling_upheld")
AMENDED = ("partly_granted",)


def state_decision(episode: Episode) -> bool:
    """A decision of the State (not an employer's): what a prosecutor's protest may concern."""
    return episode.measure in DECISIONS and episode.measure not in PRIVATE_ACTS


# A prosecution and the restraints ordered in it: with no verdict, there is no act to quash, but a prosecution to end.
PROSECUTION = (CHARGE, "pretrial_detention", "house_arrest")


def redress(measures: Iterable[str]) -> tuple[str, ...]:
    """What the Committee is asked to have done about the decisions against the author when no court act names
    them, by the measures recorded (reader s10 H2): a prosecution with no verdict discontinued ("discontinue"),
    what was seized returned ("return"), a dismissed author reinstated ("reinstate"), an expelled one readmitted to
    studies ("readmit"); any other decision quashed ("quash"). Empty when no decision was taken: a threat or a
    warning is none, and nothing undoes it but the compensation every communication asks."""
    recorded = set(measures)
    prosecuted = bool(recorded & set(PROSECUTION)) and CONVICTION not in recorded
    told = {"discontinue": prosecuted, "return": "confiscation" in recorded, "reinstate": "dismissal" in recorded,
            "readmit": "expulsion" in recorded}
    handled = {*(PROSECUTION if prosecuted else ()), "confiscation", "dismissal", "expulsion"}
    told["quash"] = bool(recorded & (set(DECISIONS) - handled))
    return tuple(key for key, due in told.items() if due)


def decided_against(episodes: Iterable[Episode]) -> bool:
    """Whether a decision of the State was taken against the person."""
    return any(state_decision(e) for e in episodes)


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
    claims: tuple[Claim, ...]  # the articles claimed, each with its supporting episodes
    undecided: tuple[Undecided, ...]  # articles a measure may engage that the lawyer must decide on
    categories: tuple[Claim, ...]  # the categories of arbitrary detention the facts support
    poa_date: str
    poa_date_cited: str  # as a document is cited by its date: kk "2018 жылғы 13 тамыздағы (сенімхат)"
    consent_public: bool
    consent_government: str | None  # the consent_to_government cell: yes, no, unknown or not recorded
    # The other procedures of international investigation or settlement this case puts them before
    # (recipients, in the document's language); and those recorded as already seized (None: not recorded).
    procedures: tuple[Procedure, ...] = ()
    other_procedures: tuple[str, ...] | None = None
    # Whether name_latin is the passport's, from the Latin name cells, not a transliteration of the name.
    name_latin_recorded: bool = False
    # The administrative detentions recorded as lasting longer than the Code of Administrative Offences allows
    # (claims.beyond_administrative_limit), which article 9 names.
    beyond_limit: tuple[EpisodeView, ...] = ()
    # Confidential documents only; empty in public ones.
    surname: str = ""
    given_names: str = ""
    sex: str = ""
    female: bool = False  # the words that refer to the person agree with her sex (ru "автор не дала")
    birth_date: str = ""
    age: int | None = None
    id_document: str = ""
    nationality: str = ""
    place_of_birth: str = ""
    occupation: str = ""
    affiliation: str = ""
    held: tuple[EpisodeView, ...] = ()  # the deprivations of liberty that hold the person on the document's date
    # Held by none, but a custody's recorded term ran out with no end recorded: whether the person is
    # still held is the lawyer's to say (an open point), never "still held" nor "released".
    held_unknown: bool = False
    # A scan of the person's power of attorney is among the case's checked attachments: the bodies
    # accept a representative only with it, so a submission without it asks for it (an open point).
    poa_scan: bool = False
    # Whether the lawyer asks the Human Rights Committee for interim measures for this author (None: not
    # decided, which for a person still held is an open point), and why.
    interim: bool | None = None
    interim_reasons: str = ""
    # The court acts against the person (Episodes and Remedies), and whether a decision was taken against
    # them at all (decided_against): one without a court act recorded asks which (an open point).
    court_acts: tuple[CourtAct, ...] = ()
    decided_against: bool = False
    redress: tuple[str, ...] = ()  # what the Committee is asked to have done about the decisions (redress())
    ill_treated: tuple[EpisodeView, ...] = ()  # the facts recording ill-treatment (claims.ill_treatment)


# The script each language's documents are written in, and the letters that, among these languages,
# only Kazakh writes. A text whose language is not stated is judged by its letters (a test of scripts
# on a few letters, hand-written: a language detector guesses words, and these texts are short).
_SCRIPTS = {"en": "LATIN", "ru": "CYRILLIC", "kk": "CYRILLIC"}
_KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def written_in(text: str) -> str | None:
    """The language a text's letters show, as far as letters can: mostly Latin ones, English; mostly
    Cyrillic ones, Kazakh with a letter only Kazakh writes, else Russian. None: no such letters."""
    latin = cyrillic = 0
    for char in text:
        if char.isalpha():
            script = unicodedata.name(char, "").split(" ")[0]
            latin += script == "LATIN"
            cyrillic += script == "CYRILLIC"
    if not latin and not cyrillic:
        return None
    if latin > cyrillic:
        return "en"
    return "kk" if _KAZAKH_LETTERS.intersection(text) else "ru"


def _fits(lang: str, written: str | None) -> bool:
    """Whether a text of unstated language, written as `written_in` says, may print as it is in a
    document in `lang`: Kazakh written without its own letters cannot be told from Russian."""
    return written is None or written == lang or (lang == "kk" and written == "ru")


def free_text(lang: Language, texts: Mapping[str, str], plain: str | None, complainant_id: str = "",
              to_send: bool = False) -> str:
    """A free text in the document's language: its own language's version, else the text whose
    language is not stated when its letters fit the document's language, else another language's
    version with a marker naming that language (for the unstated one, the language its letters show).

    The fallback to another language is chosen here and recorded here, in the marker: the build
    reads the markers back from the rendered document to count its untranslated texts. In a version
    `to_send` to a body, the text must be translated before it is filed: an open point as well."""
    if texts.get(lang.code):
        return texts[lang.code]
    written = written_in(plain) if plain else None
    if plain and _fits(lang.code, written):
        return plain
    for code in languages():
        if texts.get(code):
            return _untranslated(lang, texts[code], code, complainant_id, to_send)
    if plain and written:
        return _untranslated(lang, plain, written, complainant_id, to_send)
    return ""


def _untranslated(lang: Language, text: str, original: str, complainant_id: str, to_send: bool) -> Markup:
    marked = escape(text) + Markup(" ") + untranslated_marker(lang, original, complainant_id)
    if to_send:
        marked += Markup(" ") + marker_function(lang)("translation", complainant_id)
    return marked


# A preventive measure as a phrase names what it is, which a punishment's label does not.
PREVENTIVE_PHRASES = {
    "pretrial_detention": N_("preventive measure", "custody as a preventive measure"),
    "house_arrest": N_("preventive measure", "house arrest as a preventive measure"),
    "psychiatric_placement": N_("preventive measure", "placement in a psychiatric institution"),
}


def served_conviction(episode: Episode, episodes: Iterable[Episode]) -> Episode | None:
    """The conviction whose sentence an imprisonment serves, among the person's `episodes`: the latest
    one on or before its day that records its sentence, under the same provision or with none recorded.
    The two rows are one sentence, passed and served: a document states its term once, at the conviction."""
    if episode.measure != "imprisonment" or episode.date is None:
        return None
    provision = parse_provision(episode.legal_basis)
    passed = [conviction for conviction in episodes
              if conviction.measure == CONVICTION and conviction.date and conviction.date <= episode.date
              and conviction.penalty
              and (not provision or parse_provision(conviction.legal_basis) in (None, provision))]
    return max(passed, key=lambda conviction: conviction.date or datetime.date.min, default=None)


def _imposed_by(episode: Episode, episodes: Iterable[Episode]) -> Episode | None:
    """The verdict whose sentence `episode`, a restriction of freedom or a fine, is: a conviction of its day and
    event, under the same provision or with none recorded on either (reader s10 F7: the verdict and its sentence
    told as two acts)."""
    if episode.measure not in SENTENCE_MEASURES or episode.date is None:
        return None
    provision = parse_provision(episode.legal_basis)
    return next((conviction for conviction in episodes
                 if conviction.measure == CONVICTION and conviction.date == episode.date
                 and conviction.event_id == episode.event_id
                 and (not provision or parse_provision(conviction.legal_basis) in (None, provision))), None)


def _held_without_break(episode: Episode, episodes: Sequence[Episode]) -> tuple[Episode, ...]:
    """The deprivations of liberty that `episode` follows without a day free between them (a custody that ends on
    the day of the verdict whose sentence the person then serves), earliest first: a person held since April is
    not "deprived of liberty since July" because the measure changed (reader s10)."""
    chain: list[Episode] = []
    current = episode
    while current.date:
        start = current.date
        before = [other for other in episodes if other.measure in DEPRIVATION_OF_LIBERTY and other.date
                  and other.end_date and other.date < start
                  and start - datetime.timedelta(days=1) <= other.end_date <= start]
        if not before:
            break
        current = min(before, key=lambda other: (other.date, other.row))
        chain.insert(0, current)
    return tuple(chain)


def _joined_words(phrase: str) -> str:
    """A phrase whose empty slots left double spaces, with one space between words. Only ordinary
    spaces: str.split() would also take the no-break spaces inside "120\u00a0250 тенге" and "ст.\u00a0405",
    and the amount would break across two lines ("120 / 250")."""
    return re.sub(" {2,}", " ", phrase).strip(" ")


def act_phrase(lang: Language, episode: Episode, serves: Episode | None = None) -> str:
    """The measure with its term or amount and the provision invoked, in the word order of the
    document's language (ru "административный арест сроком на 15 суток по ст. 488 КоАП РК", kk "ҚР
    ӘҚБтК 488-бабы бойынша 15 тәулік мерзімге әкімшілік қамаққа алу"). A penalty or a legal basis
    that has no such form (not recognised, or a sentence naming its kind) follows after a comma,
    with its label: a preventive measure's is its term, never a punishment. An imprisonment that
    `serves` a conviction's sentence refers to that sentence, whose term and provision its line gives."""
    assert episode.measure is not None, "a required cell: a case with errors is never built"
    if serves is not None and serves.date is not None:
        return lang.pgettext("act", "imprisonment under the sentence of {date}").format(
            date=lang.date(serves.date, attributive=True))
    measure = measure_label(lang, episode.measure)
    provision = parse_provision(episode.legal_basis)
    basis = provision.describe(lang, under=True, short=True) if provision else ""
    in_phrase = penalty_in_phrase(lang, episode.penalty)
    if episode.measure in PREVENTIVE_MEASURES and basis:
        # «мера пресечения в виде содержания под стражей сроком на 2 месяца по делу по ч. 2 ст. 405 УК РК»
        phrase = lang.pgettext("act", "{measure} {penalty} in the case {basis}").format(
            measure=lang.pgettext("preventive measure", PREVENTIVE_PHRASES[episode.measure]),
            penalty=in_phrase or "", basis=basis)
    else:
        phrase = lang.pgettext("act", "{measure} {penalty} {basis}").format(
            measure=measure, penalty=in_phrase or "", basis=basis)
    parts = [_joined_words(phrase)]
    if episode.legal_basis and not provision:
        parts.append(lang.gettext("legal basis: %(basis)s") % {"basis": describe_basis(lang, episode.legal_basis)})
    if episode.penalty and in_phrase is None:
        penalty = describe_penalty(lang, episode.penalty)
        parts.append(lang.gettext("term: %(term)s") % {"term": penalty} if episode.measure in PREVENTIVE_MEASURES
                     else lang.gettext("penalty: %(penalty)s") % {"penalty": penalty})
    return ", ".join(parts)


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
    return MEASURE_VALUES.label(lang, measure)


def ground_label(lang: Language, ground: str) -> str:
    """The first of the ground's spellings in `lang`, as the intake template offers it."""
    return lang.pgettext("ground", GROUNDS[ground]).split("|")[0]


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
        self.procedures = _procedures(case, document, lang, day)
        # This version is the one sent to a body (not a courtesy translation, not the public brief).
        self.to_send = bool(document.bodies) and lang.code in document.accepted_languages

    def date(self, value: datetime.date | None) -> str:
        return self.lang.date(value) if value else ""

    def authority(self, texts: Mapping[str, str], plain: str | None) -> str:
        """The body's official name in the document's language when the list knows it under any of
        the names typed; else the name typed in this language, the name of unstated language, or
        another language's name marked as such."""
        for text in (texts.get(self.lang.code), plain, *texts.values()):
            known = Authorities.default().resolve(text) if text else None
            if known:
                return known.name(self.lang.code)
        # Marked as no one's: a body's name is one entry of the lists of authorities, whoever it acted against.
        return free_text(self.lang, texts, plain, to_send=self.to_send)

    def episode(self, episode: Episode, serves: Episode | None = None) -> EpisodeView:
        assert episode.measure is not None, "a required cell: a case with errors is never built"
        event = self.events.get(episode.event_id or "")
        authority = self.authority(episode.authorities, episode.authority)
        description = free_text(self.lang, episode.descriptions, episode.description, episode.complainant_id,
                                self.to_send)
        act = act_phrase(self.lang, episode, serves)
        return EpisodeView(
            date=self.date(episode.date),
            city=episode.city.name(self.lang.code) if episode.city else "",
            measure=measure_label(self.lang, episode.measure),
            measure_key=episode.measure,
            legal_basis=describe_basis(self.lang, episode.legal_basis),
            penalty=describe_penalty(self.lang, episode.penalty),
            preventive=episode.measure in PREVENTIVE_MEASURES,
            act=act,
            authority=authority,
            description=description,
            categorical=(episode.measure in CATEGORY_MEASURES and bool(description)
                         and act == measure_label(self.lang, episode.measure)),
            event=event.labels.get(self.lang.code, "") if event else "",
            event_id=episode.event_id or "",
            provision=parse_provision(episode.legal_basis),
            no_basis=no_basis(episode.legal_basis),
            reasons_given=free_text(self.lang, episode.reasons, episode.reasons_given, episode.complainant_id,
                                    self.to_send),
            lawyer_access=lawyer_access(episode.lawyer_access, episode.treatment),
            ground=episode.grounds or "",
            ground_label=ground_label(self.lang, episode.grounds) if episode.grounds else "",
            warrant=episode.warrant or "",
            end_date=self.date(episode.end_date),
            held=held_on(episode, self.day) if episode.measure in DEPRIVATION_OF_LIBERTY else False,
            hours_held=episode.hours_held,
            home_searched=episode.home_searched or "",
            period=(self.lang.period(episode.date, episode.end_date)
                    if episode.date and episode.end_date and episode.end_date != episode.date
                    else self.date(episode.date)),
            since=self.lang.since(episode.date) if episode.date else "",
            place_of_detention=free_text(self.lang, episode.places_of_detention, episode.place_of_detention,
                                         episode.complainant_id, self.to_send),
            case_number=episode.case_number or "",
            arrested_by=(self.authority({}, episode.arrested_by) if episode.arrested_by
                         else authority if episode.measure == "detention" else ""),
            treatment=tuple(tag for tag in TREATMENT if tag in episode.treatment),
            day=episode.date,
        )

    def nationality(self, typed: str | None) -> str:
        """The nationalities in the document's language; empty (an open point) when one is not a known
        country or has no name in that language: never printed in another language."""
        codes = country_codes(typed)
        names = [country_name(code, self.lang.code) for code in codes or ()]
        return ", ".join(names) if names and all(names) else ""

    def affiliation(self, person: Complainant) -> str:
        """The person's movement or group in the document's language, else marked as another's."""
        return free_text(self.lang, person.affiliations, person.affiliation, person.complainant_id, self.to_send)

    def person(self, member: Member) -> PersonView:
        person = member.person
        public = self.document.public
        convictions = sorted(e.date for e in member.episodes if e.measure == CONVICTION and e.date)
        views: list[EpisodeView] = []
        # (the episode, the verdict of its event whose sentence it carries out), by index in member.episodes
        folded: list[tuple[int, int]] = []
        for e in member.episodes:
            served = served_conviction(e, member.episodes)
            imposing = served if served and served.event_id == e.event_id else _imposed_by(e, member.episodes)
            if imposing:
                folded.append((len(views), next(at for at, other in enumerate(member.episodes) if other is imposing)))
            shown = self.episode(e, served)
            if served and served.date:
                in_force = _in_force_on(served.date, member, convictions, self.day)
                shown = replace(shown, sentenced=self.date(served.date), in_force=self.date(in_force))
            if shown.held:
                held_from = tuple((self.date(before.date), measure_label(self.lang, before.measure or ""))
                                  for before in _held_without_break(e, member.episodes))
                shown = replace(shown, held_from=held_from)
            views.append(shown)
        for index, verdict in folded:
            if views[verdict].serving:  # one episode told with a verdict; another of its day keeps its own item
                continue
            conviction, sentence = member.episodes[verdict], member.episodes[index]
            told = views[index]
            if sentence.measure in SENTENCE_MEASURES:
                same = parse_provision(sentence.legal_basis) == parse_provision(conviction.legal_basis)
                if not conviction.penalty:
                    views[verdict] = replace(views[verdict], sentence=self.lang.gettext("penalty: %(penalty)s") % {
                        "penalty": act_phrase(self.lang, replace(sentence, legal_basis=None) if same else sentence)})
                if conviction.date:
                    told = replace(told, in_force=self.date(_in_force_on(conviction.date, member, convictions,
                                                                         self.day)))
            views[verdict] = replace(views[verdict], serving=told)
            views[index] = replace(told, with_verdict=True)
        episodes = tuple(views)
        acts, appealed = self.court_acts(member, episodes)
        complained = self.acts_complained_of(member)
        claims, undecided = author_claims(episodes, person.articles)
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
                RemedyView(self.date(r.date), self.authority(r.authorities, r.authority),
                           REMEDY_ACTION_VALUES.label(self.lang, r.action) if r.action else "",
                           remedy_outcome_label(self.lang, r.action, r.outcome) if r.outcome else "",
                           self.date(r.outcome_date), action_key=r.action or "", pending=not r.outcome,
                           petition=not r.action or r.action in PETITIONS,
                           discretionary=r.action in DISCRETIONARY_REMEDIES,
                           court=r.action in COURT_REMEDIES or _to_a_court(r.authorities, r.authority),
                           against=appealed.get(r.row, "") or complained.get(r.row, ""))
                for r in member.remedies
            ),
            articles=tuple(int(claim.key) for claim in claims),
            claims=claims,
            undecided=undecided,
            categories=category_claims(episodes, "" if public else self.affiliation(person),
                                       rights=(int(claim.key) for claim in claims),
                                       added=(article_changes(person.articles) or ((), ()))[0]),
            poa_date=self.date(person.poa_date),
            poa_date_cited=self.lang.reference_date(person.poa_date) if person.poa_date else "",
            consent_public=person.consent_to_name,
            # Authorising representation before international bodies is consent to
            # be named to the Government in that procedure.
            consent_government=person.consent_to_government,
            procedures=tuple(procedure for procedure, ids in self.procedures if person.complainant_id in ids),
            other_procedures=_other_procedures(person.other_procedures),
            beyond_limit=beyond_administrative_limit(episodes),
            ill_treated=ill_treatment(episodes, (int(claim.key) for claim in claims)),
            name_latin_recorded=bool(_latin(person.surname_latin) and _latin(person.given_name_latin)),
        )
        if public:
            return view
        interim = self.case.settings.interim_measures.get(person.complainant_id)
        return replace(
            view,
            surname=(_latin(person.surname_latin) or transliterate(person.surname)) if latin else person.surname,
            given_names=(_latin(person.given_name_latin) or transliterate(person.given_name)) if latin
            else " ".join(part for part in (person.given_name, person.patronymic) if part),
            sex=self.lang.pgettext("sex", SEX_LABELS[person.sex]) if person.sex else "",
            female=person.sex == "F",
            birth_date=self.date(person.date_of_birth),
            age=_age(person.date_of_birth, self.day),
            id_document=person.id_document or "",
            nationality=self.nationality(person.nationality),
            place_of_birth=person.place_of_birth.name(self.lang.code) if person.place_of_birth else "",
            occupation=free_text(self.lang, person.occupations, person.occupation, person.complainant_id,
                                 self.to_send),
            affiliation=self.affiliation(person),
            held=tuple(v for v in episodes if v.held),
            held_unknown=not any(v.held for v in episodes) and any(v.held is None for v in episodes),
            interim=interim.request if interim else None,
            interim_reasons=interim.reasons.get(self.lang.code, "") if interim else "",
            poa_scan=any(item.kind == "power_of_attorney" and item.row in self.case.attachment_files
                         for item in self.case.attachments.get(person.complainant_id, ())),
            court_acts=acts,
            decided_against=decided_against(member.episodes),
            redress=redress(v.measure_key for v in episodes),
        )

    def court_of(self, texts: Mapping[str, str], plain: str | None) -> str:
        """A court's name as "the ruling of <court>" needs it in the document's language: in a language that
        puts it in the genitive, that form when the list of authorities knows the court under any of the names
        typed, else empty (an open point): a name typed is in the nominative, never printed in another case."""
        if self.lang.code not in GENITIVE_LANGUAGES:
            return self.authority(texts, plain)
        for text in (texts.get(self.lang.code), plain, *texts.values()):
            known = Authorities.default().resolve(text) if text else None
            if known:
                return known.genitive(self.lang.code)
        return ""

    def court_acts(self, member: Member,
                   episodes: tuple[EpisodeView, ...]) -> tuple[tuple[CourtAct, ...], dict[int, str]]:
        """The decisions the Episodes sheet records as a court's, one act per court and day (a verdict and its
        sentence are one), in date order, each with its number (an episode's case number, else that of the
        person's annexed decision of the same day), the rulings on the appeals against it that left it standing
        and, while an appeal against it is pending, not in force. A remedy to a court decided otherwise (refused,
        returned), or against no recorded act, is an act of its own, after the act it concerned or at its date.
        A granted remedy is left out: the act it concerned no longer stands as it was. With the acts, the act each
        remedy to a court was filed against, by the remedy's row: "the ruling of <date> (<measures>)", so that a
        list of remedies says which act each appeal concerned."""
        numbers: dict[datetime.date | None, str] = {
            item.date: item.number or "" for item in self.case.attachments.get(member.person.complainant_id, ())
            if item.kind == "decision" and item.date and item.number}
        grouped: dict[tuple[str, datetime.date | None, int], list[tuple[Episode, EpisodeView]]] = {}
        for episode, view in zip(member.episodes, episodes, strict=True):
            if state_decision(episode) and _to_a_court(episode.authorities, episode.authority):
                # An act with no date is its own (its row): nothing says two undated ones are one.
                key = (view.authority, episode.date, 0 if episode.date else episode.row)
                grouped.setdefault(key, []).append((episode, view))
        days = sorted({day for _, day, _ in grouped if day})
        # Each remedy to a court against the latest act on or before its filing (one pass over the days each).
        latest = {remedy.row: max((day for day in days if _filed_against(remedy.date, day, days)), default=None)
                  for remedy in member.remedies if remedy.action in COURT_REMEDIES and remedy.date}
        filed_against = {row: day for row, day in latest.items() if day}
        petitions = {remedy.row for remedy in member.remedies if remedy.action in PETITIONS}
        # Each act is placed by its date, then the row of its first episode; its own remedies' acts follow it.
        placed: list[tuple[tuple[datetime.date, int, datetime.date], CourtAct]] = []
        rulings: dict[datetime.date, list[CourtRuling]] = {}
        appealed: dict[datetime.date, tuple[bool, list[tuple[Episode, EpisodeView]]]] = {}
        for remedy in sorted(member.remedies, key=lambda r: (r.outcome_date or datetime.date.max, r.row)):
            decided_by_a_court = remedy.action in COURT_REMEDIES or _to_a_court(remedy.authorities, remedy.authority)
            if not decided_by_a_court or not remedy.outcome or remedy.outcome == "granted":
                continue
            court = self.court_of(remedy.authorities, remedy.authority)
            date = self.lang.reference_date(remedy.outcome_date) if remedy.outcome_date else ""
            against = filed_against.get(remedy.row)
            if against and remedy.outcome in UPHELD + AMENDED:
                rulings.setdefault(against, []).append(CourtRuling(court, date, remedy.outcome in AMENDED))
                continue
            action = REMEDY_ACTION_VALUES.label(self.lang, remedy.action) if remedy.action else ""
            outcome = remedy_outcome_label(self.lang, remedy.action, remedy.outcome)
            what = (self.lang.pgettext("decided remedy", "{action} of {date} {outcome}").format(
                action=action, date=self.lang.reference_date(remedy.date), outcome=outcome)
                if action and remedy.date else " ".join(filter(None, (action, outcome))))
            place = (against, 1 << 30, remedy.outcome_date or datetime.date.max) if against else (
                remedy.outcome_date or datetime.date.max, 1 << 31, datetime.date.min)
            placed.append((place, CourtAct(court, date, "", what)))
        for group in grouped.values():
            first, view = group[0]
            pending = (_pending_remedy(first.date, member, days, self.day, ("appeal",)) if first.date else None)
            verdict = next((e for e, _ in group if e.measure == CONVICTION), None)
            basis, what = _verdict(self.lang, verdict, group, member.episodes) if verdict else (
                "", "; ".join(v.act for _, v in group))
            act = CourtAct(
                self.court_of(first.authorities, first.authority),
                self.lang.reference_date(first.date) if first.date else "",
                next((e.case_number for e, _ in group if e.case_number), "") or numbers.get(first.date, ""),
                what, verdict=bool(verdict), basis=basis,
                appeal_pending=self.lang.date(pending.date, attributive=True) if pending and pending.date else "",
                rulings=tuple(rulings.get(first.date, ())) if first.date else ())
            placed.append(((first.date or datetime.date.max, first.row, datetime.date.min), act))
            if first.date and first.date not in appealed:
                appealed[first.date] = (verdict is not None, group)
        return (tuple(act for _, act in sorted(placed, key=lambda item: item[0])),
                {row: self.act_appealed(day, *appealed[day], petition=row in petitions)
                 for row, day in filed_against.items()})

    def acts_complained_of(self, member: Member) -> dict[int, str]:
        """The acts each complaint not to a court (to a prosecutor) was filed against, by the remedy's row (reader
        s11 Q8): those of COMPLAINED_ACTS of the latest day on or before its filing, as an appeal finds its act
        (_filed_against), within COMPLAINT_WINDOW: «(жалоба) на действия 17 сентября 2018 года (задержание)», kk
        «2018 жылғы 17 қыркүйектегі әрекеттерге (ұстау)». None recorded in the two weeks before it: none named."""
        by_day: dict[datetime.date, list[str]] = {}
        for episode in member.episodes:
            if episode.measure in COMPLAINED_ACTS and episode.date:
                by_day.setdefault(episode.date, []).append(episode.measure)
        days = sorted(by_day)
        found = {}
        for remedy in member.remedies:
            if remedy.action != "complaint" or not remedy.date or _to_a_court(remedy.authorities, remedy.authority):
                continue
            filed = remedy.date
            if (day := max((day for day in days if _filed_against(filed, day, days)), default=None)) \
                    and filed - day <= COMPLAINT_WINDOW:
                measures = ", ".join(dict.fromkeys(measure_label(self.lang, measure) for measure in by_day[day]))
                found[remedy.row] = self.lang.pgettext("act complained of", "the acts of %(date)s (%(measures)s)") % {
                    "date": self.lang.reference_date(day), "measures": measures}
        return found

    def act_appealed(self, day: datetime.date, verdict: bool, group: list[tuple[Episode, EpisodeView]],
                     petition: bool) -> str:
        """A court act as a remedy against it names it: «(апелляционная жалоба) на приговор от 20 сентября 2018
        года», «на постановление от 11 мая 2018 года (штраф)», kk «2018 жылғы 11 мамырдағы қаулыға (айыппұл)»; a
        petition for its review in the genitive «(ходатайство о пересмотре) приговора от …», kk the accusative
        «… үкімді (қайта қарау туралы өтінішхат)»."""
        date = self.lang.reference_date(day)
        if verdict:
            return (self.lang.pgettext("act reviewed", "the verdict of %(date)s") if petition
                    else self.lang.pgettext("act appealed", "the verdict of %(date)s")) % {"date": date}
        measures = ", ".join(dict.fromkeys(measure_label(self.lang, e.measure or "") for e, _ in group))
        return (self.lang.pgettext("act reviewed", "the ruling of %(date)s (%(measures)s)") if petition
                else self.lang.pgettext("act appealed", "the ruling of %(date)s (%(measures)s)")) % {
            "date": date, "measures": measures}


def _verdict(lang: Language, conviction: Episode, group: list[tuple[Episode, EpisodeView]],
             episodes: Iterable[Episode]) -> tuple[str, str]:
    """A guilty verdict's provision and its sentence, the provision said once: «по ч. 2 ст. 405 УК РК» and
    «ограничение свободы сроком на 1 год». A sentence under another provision keeps its own; an imprisonment
    serving this verdict is its sentence, told by the conviction's penalty."""
    provision = parse_provision(conviction.legal_basis)
    parts = []
    if conviction.legal_basis and not provision:
        parts.append(lang.gettext("legal basis: %(basis)s") % {"basis": describe_basis(lang, conviction.legal_basis)})
    if conviction.penalty:
        parts.append(_sentence_passed(lang, replace(conviction, legal_basis=None)))
    for episode, _ in group:
        if episode is conviction or served_conviction(episode, episodes) is conviction:
            continue
        same = provision is not None and parse_provision(episode.legal_basis) == provision
        parts.append(act_phrase(lang, replace(episode, legal_basis=None) if same else episode))
    return (provision.describe(lang, under=True, short=True) if provision else ""), "; ".join(parts)


# How intake staff record that no other international procedure has been seized.
_NONE = {"none", "no", "нет", "не было", "жоқ", "-", "—"}


def _other_procedures(typed: str | None) -> tuple[str, ...] | None:
    """The procedures recorded as already seized: () for none, None when not recorded."""
    if not typed or not typed.strip():
        return None
    if typed.strip().casefold() in _NONE:
        return ()
    return tuple(part.strip() for part in typed.split(";") if part.strip())


def _procedures(case: Case, document: DocumentType, lang: Language,
                day: datetime.date) -> list[tuple[Procedure, set[str]]]:
    """The other international bodies the case's documents go to, each once (the Special Procedures
    receive both the collective complaint and the allegation letter), with who appears before it."""
    from .documents import DEFAULT_DOCUMENTS, REGISTRY  # documents.py imports this module

    found: dict[str, set[str]] = {}
    for name in case.settings.documents or DEFAULT_DOCUMENTS:
        other = REGISTRY[name]
        if other.international_procedure and not set(other.bodies) & set(document.bodies):
            for body in other.bodies:
                found.setdefault(body, set()).update(m.person.complainant_id
                                                     for m in other.members(case.members, day)[0])
    return [(Procedure(body, lang.pgettext("recipient", RECIPIENT_NAMES[body])), ids) for body, ids in found.items()]


def in_period(members, period: Period) -> list[tuple[Member, Episode]]:
    """Each episode dated within `period`, with its complainant."""
    return [(member, episode) for member in members for episode in member.episodes
            if episode.date and episode.date >= period.start and (period.end is None or episode.date <= period.end)]


def _name_order(person: PersonView) -> str:
    """Surname first, in every language (English documents print "Given Surname")."""
    return f"{person.surname} {person.given_names}" if person.surname else person.name


@dataclass(frozen=True)
class DocumentData:
    """What a document type's context hook may draw on: the case, the members the document shows
    and their views, in its language."""

    case: Case
    members: list[Member]
    people: list[PersonView]
    lang: Language
    day: datetime.date  # the date the document bears
    counts: Counts  # the figures of the members the document shows


# What a brief tells of a named person: what lasts, and ill-treatment; not every detention of a few hours.
NAMED_CASE_MEASURES = ("criminal_case", "pretrial_detention", "house_arrest", "conviction", "imprisonment",
                       "psychiatric_placement", "ill_treatment")
# The sentences a conviction is told with, when recorded as episodes of its day: a reader must not take
# a conviction for the end of the case. Imprisonment is told on its own, as it lasts.
SENTENCE_MEASURES = ("restriction_of_freedom", "fine")


def _testimonies(members, lang: Language, public: bool) -> list[dict]:
    """The quotes a document may print: consented to, in its language, attributed as the person may be named."""
    return [{"name": display_name(lang, member, public), "text": testimony.texts[lang.code]}
            for member in members for testimony in member.testimonies
            if testimony.consent_to_quote and testimony.texts.get(lang.code)]


def _sentence_passed(lang: Language, conviction: Episode) -> str:
    """A conviction's sentence with the provision it was passed under, in the language's order (ru «3 года
    лишения свободы по ст. 174 УК РК», kk «ҚР ҚК 174-бабы бойынша 3 жыл бас бостандығынан айыру»)."""
    provision = parse_provision(conviction.legal_basis)
    phrase = lang.pgettext("act", "{measure} {penalty} {basis}").format(
        measure="", penalty=describe_penalty(lang, conviction.penalty),
        basis=provision.describe(lang, under=True, short=True) if provision else "")
    return _joined_words(phrase)


def _pending_remedy(decided: datetime.date, member: Member, decisions: list[datetime.date], day: datetime.date,
                    actions: tuple[str, ...] = COURT_REMEDIES) -> Remedy | None:
    """The remedy of `actions` against the decision of `decided` pending on `day`: one filed by `day`, on or after
    that decision and before the next of `decisions`, with no decision recorded; an appeal first (the decision is
    then not in force), else a cassation appeal or a petition for review (filed against one in force). A request
    for a prosecutor's protest is at the prosecutor's discretion: never one."""
    pending = [r for r in member.remedies if r.action in actions and not r.outcome and r.date and r.date <= day
               and _filed_against(r.date, decided, decisions)]
    return min(pending, key=lambda r: (COURT_REMEDIES.index(str(r.action)), r.date, r.row), default=None)


def _filed_against(filed: datetime.date, decided: datetime.date, decisions: list[datetime.date]) -> bool:
    """Whether a remedy filed on `filed` is against the decision of `decided`: on or after it, before the next
    of `decisions`."""
    later = [d for d in decisions if d > decided]
    return decided <= filed and not (later and filed >= later[0])


def _in_force_on(convicted: datetime.date, member: Member, convictions: list[datetime.date],
                 day: datetime.date) -> datetime.date | None:
    """The day the conviction of `convicted` entered into force, where the Remedies sheet records it: that of
    the decision on an appeal against it (filed on or after it, before the next conviction) that did not
    grant it, decided by `day`."""
    return min((r.outcome_date for r in member.remedies
                if r.action == "appeal" and r.outcome and r.outcome != "granted" and r.date and r.outcome_date
                and r.outcome_date <= day and _filed_against(r.date, convicted, convictions)),
               default=None)


def _named_cases(members, lang: Language, public: bool, day: datetime.date) -> list[dict]:
    """People a public document may name, with what lasted and what was done to them, in order: a
    conviction with its sentence; a custody whose term ran out by `day` with no end recorded with that
    term, and that neither a release nor an extension is recorded (stock.held_on)."""
    cases = []
    for member in members:
        if public and not member.person.consent_to_name:
            continue
        convictions = sorted(e.date for e in member.episodes if e.measure == CONVICTION and e.date)
        # The days of the verdicts whose sentence an imprisonment recorded serves.
        serving_days = {c.date for e in member.episodes if (c := served_conviction(e, member.episodes))}
        episodes = []
        for e in member.episodes:
            if e.measure not in NAMED_CASE_MEASURES or not e.date:
                continue
            end = charge_end(e, convictions) if e.measure == CHARGE else e.end_date
            begins: datetime.date | None = e.date
            # The prison term is the conviction's sentence, told there: the imprisonment is its serving, which
            # starts when the verdict enters into force. Before, under an appeal pending, the person is held in
            # custody; with no appeal's decision recorded, that day is unknown, and no start is printed.
            served = served_conviction(e, member.episodes)
            measure = measure_label(lang, e.measure)
            if served and served.date:
                if _pending_remedy(served.date, member, convictions, day, ("appeal",)):
                    measure = lang.pgettext("named case", "held in custody")
                else:
                    measure = lang.pgettext("named case", "serving the sentence")
                    in_force = _in_force_on(served.date, member, convictions, day)
                    begins = max(in_force, e.date) if in_force else None
            # A year the start and the end share is printed once: "from 28 June to 20 September 2018".
            start, until = (lang.date_range(begins, end) if begins and end and end != begins
                            else (lang.date(begins) if begins else "", ""))
            # A custody recorded as ending on the day of a verdict whose prison sentence is served from its entry
            # into force ran until then: never a gap in which the person seems free (reader s9 N1).
            custody_until = (_in_force_on(end, member, convictions, day)
                             if e.measure == "pretrial_detention" and end and end in serving_days else None)
            sentence = ""
            if e.measure == CONVICTION:
                sentence = "; ".join(act_phrase(lang, s) for s in member.episodes
                                     if s.measure in SENTENCE_MEASURES and s.date == e.date) or (
                    _sentence_passed(lang, e) if e.penalty else "")
            # A sentence under appeal is not final, one under cassation is: the brief says which, from the Remedies.
            pending = _pending_remedy(e.date, member, convictions, day) if e.measure == CONVICTION else None
            lapsed = e.measure in DEPRIVATION_OF_LIBERTY and held_on(e, day) is None
            episodes.append({"measure": measure, "start": start, "end": until,
                             "since": lang.since(e.date),
                             "until_in_force": lang.date(custody_until) if custody_until else "",
                             "one_day": end == e.date or e.measure not in LASTING, "sentence": sentence,
                             "term": describe_penalty(lang, e.penalty) if lapsed else "",
                             "appealed": bool(pending and pending.action == "appeal"),
                             "in_force_pending": {"remedy": REMEDY_ACTION_VALUES.label(lang, pending.action),
                                                  "date": lang.date(pending.date, attributive=True)}
                             if pending and pending.action != "appeal" and pending.date else None})
        if episodes:
            cases.append({"name": full_name(lang, member), "episodes": episodes})
    return cases


@without_cycle_collection()
def document_context(case: Case, document: DocumentType, code: str, day: datetime.date) -> dict:
    """Everything a template of `document` may print, in language `code`."""
    lang = language(code)
    settings = case.settings
    members, unauthorised = document.members(case.members, day)
    counts = count(case, members, len(unauthorised))
    shown = [item for item in counts.events if item.complainants]
    sections = {item.event.event_id: number for number, item in enumerate(shown, start=1)}
    views = _Views(case, document, lang, day, sections)
    people = [views.person(member) for member in members]
    dates = [e.date for m in members for e in m.episodes if e.date]
    # Lists without a fixed number (facts by event, a confidential annex) are alphabetical;
    # lists by annex number, which pseudonyms refer to, keep that number's order.
    people_listed = people if document.public else alphabetical(code, people, _name_order)
    common = {
        "lang": code,
        "title": settings.title.get(code, ""),
        "organisation": settings.organisation.get(code, ""),
        "organisation_address": settings.address.get(code, ""),
        "contact_person": settings.contact_person.get(code, ""),
        "organisation_email": settings.email.get(code, ""),
        "signatory": settings.signatory.get(code, ""),
        "signatory_position": settings.signatory_position.get(code, ""),
        "state": settings.state.get(code) or lang.pgettext("state", DEFAULT_STATE),
        "date": lang.date(day),
        "date_attributive": lang.date(day, attributive=True),
        # The period the episodes span, its shared year printed once.
        "first_date": lang.date_range(min(dates), max(dates))[0] if dates else "",
        "last_date": lang.date_range(min(dates), max(dates))[1] if dates else "",
        "counts": counts,
        "events": [
            {"number": sections[item.event.event_id], "event_id": item.event.event_id,
             "label": item.event.labels.get(code, ""), "summary": item.event.summaries.get(code, ""),
             "date": lang.date(item.event.date), "complainants": item.complainants, "episodes": item.episodes,
             # An estimate is printed only with its source, and never added to the complainants.
             "estimate": item.event.estimated_total if item.event.estimate_sources.get(code) else None,
             "estimate_source": item.event.estimate_sources.get(code, ""),
             "people": [p for p in people_listed if sections[item.event.event_id] in p.sections]}
            for item in shown
        ],
        "measures": [
            {"key": m.measure, "label": measure_label(lang, m.measure),
             "complainants": m.complainants, "episodes": m.episodes}
            for m in counts.measures
        ],
        "measure_keys": {m.measure for m in counts.measures},
        "treatment": [{"key": tag, "count": n} for tag, n in counts.treatment],
        "hours_held": ({"count": len(counts.hours_held), "least": counts.hours_held[0], "most": counts.hours_held[-1]}
                       if counts.hours_held else None),
        "by_city": [{"name": c.name(code), "complainants": c.complainants, "episodes": c.episodes}
                    for c in counts.by_city],
        "by_region": [{"name": c.name(code), "known": c.known, "complainants": c.complainants,
                       "episodes": c.episodes} for c in counts.by_region],
        "grounds": [
            {"key": g.ground, "label": ground_label(lang, g.ground), "complainants": g.complainants,
             "episodes": g.episodes, "preventive": g.preventive}
            for g in counts.grounds
        ],
        "articles": counts.articles,
        # The freedoms claimed for someone listed (19, 21, 22, 25), which subtitles and summaries name.
        "freedoms": [item.article for item in counts.articles if item.article in FREEDOMS],
        "exclusions": [{"reason": reason, "count": n} for reason, n in counts.exclusion_reasons],
        "people": people,
        "people_listed": people_listed,
        "anonymous": sum(1 for p in people if not p.named),
        # The State's bodies that acted: an employer or a school that dismissed someone is not one (the facts
        # still tell the dismissal, and what led to it).
        "authorities": alphabetical(code, {e.authority for p in people for e in p.episodes
                                           if e.authority and e.measure_key not in PRIVATE_ACTS}),
        "provisions": _provisions(people, code),
        "testimonies": _testimonies(members, lang, document.public),
        "named_cases": _named_cases(members, lang, document.public, day),
        "courtesy": code not in document.accepted_languages,
        # Who receives the document and which of its languages each accepts, as its courtesy
        # translations say: the bodies themselves, not the meeting or the title the document is for.
        "receivers": [{"name": lang.pgettext("recipient", RECIPIENT_NAMES[key]),
                       "languages": [Locale.parse(code).languages.get(c, c) for c in languages()
                                     if c in bodies()[key].languages]}
                      for key in document.bodies],
        "bodies": [bodies()[key].view(lang) for key in document.bodies],
        "place": settings.place.get(code, ""),
        "urgency": settings.urgency.get(code, ""),
        "wgad_parallel": settings.wgad_parallel.get(code, ""),
        # The numbers of those who did not consent to be named in public: their identities are to be withheld.
        "withheld": [p.number for p in people if not p.consent_public],
        "deprivation_measures": DEPRIVATION_OF_LIBERTY,
        "mandates": mandates(counts, people),
        "ill_treatment_tags": ILL_TREATMENT_TAGS,
    }
    return common | document.context(DocumentData(case, members, people, lang, day, counts))
