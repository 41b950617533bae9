"""Languages: one gettext catalog each, plural rules and dates from Babel.

A language exists when complaints/locale/<code>/LC_MESSAGES/complaints.po
exists; nothing else in the code lists languages.
"""

from __future__ import annotations

import datetime
import functools
import io
import re
from importlib import resources

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

DOMAIN = "complaints"
SOURCE_LANGUAGE = "en"


def N_(context: str, message: str) -> str:
    """Mark a message for extraction (keyword N_:1c,2) without translating it."""
    return message


# Counted messages whose words around the count differ between exactly one and other counts that
# share its plural form. Russian 1 and 21 take the same form of the noun, and the words that agree
# with it (participles, predicates) stay singular after 21, 31, 101 (Rosenthal: "21 лица,
# лишённого свободы"); but what refers to the people as a group is plural by meaning: "включено
# дело 1 заявителя" yet "включены дела 21 заявителя, представившего ...", "к его освобождению"
# yet "к их освобождению". For these, a count of exactly one reads the message of context
# "exactly one" with the same singular msgid, and the catalogs' first plural form is written for
# 21, 31, 101... A sentence whose predicate would have to agree with such a count is reworded so
# that it need not ("таких заявителей 21").
EXACTLY_ONE = frozenset({
    N_("exactly one", "%(num)s person whose case has been documented"),
    N_("exactly one", "%(num)s fine, totalling %(total)s"),  # ru «1 штраф на сумму», not «на общую сумму»
    # Headings without their count: singular for one person only, never for 21.
    N_("exactly one", "The victim"),
    N_("exactly one", "Person deprived of liberty"),
    N_("exactly one", "In total, %(num)s appeal was received from a person subjected to persecution."),
    N_("exactly one", "This complaint includes the case of %(num)s complainant who provided both an appeal form "
                      "and a power of attorney."),
    N_("exactly one", "On behalf of %(num)s person deprived of liberty in %(state)s for the peaceful exercise of "
                      "their rights, we submit the enclosed questionnaire and ask the Working Group to consider "
                      "the case under its regular procedure."),
    N_("exactly one", "We ask the Working Group to transmit an urgent appeal to the Government of %(state)s "
                      "concerning %(num)s person who is deprived of liberty at the date of this request, and to "
                      "ask for their immediate release."),
    N_("exactly one", "We ask the mandate holders to send an urgent appeal to the Government of %(state)s "
                      "concerning %(num)s person who is deprived of liberty at the date of this appeal, and to "
                      "call for their immediate release."),
    N_("exactly one", "acting on behalf of %(num)s complainant under a power of attorney"),
    N_("exactly one", "In public documents, %(num)s complainant who did not consent to be named is referred to "
                      "by number only."),
    N_("exactly one", "The person concerned has authorised the submitting organisation, by a power of attorney, "
                      "to represent them before international bodies."),
    N_("exactly one", "The victim listed below has authorised the submitting organisation, by a power of attorney, "
                      "to represent them before international bodies."),
    N_("exactly one", "%(num)s person whose recorded term of custody had ended, with neither a release nor an "
                      "extension recorded, is not counted in these figures."),
    N_("exactly one", "%(num)s person whose recorded term of house arrest had ended, with neither a release nor "
                      "an extension recorded, is not counted in these figures."),
    N_("exactly one", "%(num)s person whose recorded term of placement in a psychiatric institution had ended, "
                      "with neither a release nor an extension recorded, is not counted in these figures."),
    # The urgent appeals' subtitles, with the rights claimed (one or several) or none claimed.
    N_("exactly one", "Arbitrary deprivation of liberty of a person"),
    N_("exactly one", "Arbitrary deprivation of liberty of a person who exercised his or her right to %(rights)s"),
    N_("exactly one", "Arbitrary deprivation of liberty of a person who exercised his or her rights to %(rights)s"),
    N_("exactly one", "on the persecution in the Republic of Kazakhstan of a person"),
    N_("exactly one", "on the persecution in the Republic of Kazakhstan of a person who exercised his or her right "
                      "to %(rights)s"),
    N_("exactly one", "on the persecution in the Republic of Kazakhstan of a person who exercised his or her rights "
                      "to %(rights)s"),
})


def _catalog_root():
    return resources.files("complaints") / "locale"


@functools.cache
def languages() -> tuple[str, ...]:
    """The languages with a catalog, the source language first."""
    found = sorted(
        entry.name
        for entry in _catalog_root().iterdir()
        if (entry / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()
    )
    return tuple(sorted(found, key=lambda code: code != SOURCE_LANGUAGE))


def catalog_path(lang: str):
    return _catalog_root() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(lang: str) -> Translations:
    """Load a .po catalog directly, so that no compiled .mo file is committed."""
    if lang not in languages():
        raise KeyError(lang)
    with catalog_path(lang).open("rb") as po_file:
        catalog = read_po(po_file, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)  # fuzzy entries are left out, as msgfmt does
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


class Language:
    """Everything language-specific a document or a message needs."""

    def __init__(self, code: str):
        self.code = code
        self.locale = Locale.parse(code)
        self.translations = translations(code)

    def pgettext(self, context: str, message: str) -> str:
        return self.translations.upgettext(context, message)

    def gettext(self, message: str) -> str:
        return self.translations.ugettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        if n == 1 and singular in EXACTLY_ONE:
            return self.pgettext("exactly one", singular)
        return self.translations.ungettext(singular, plural, n)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self.translations.unpgettext(context, singular, plural, n)

    @property
    def signature_inline(self) -> bool:
        """Whether letters in this language set the signatory's position, the line to sign on and
        the name on one line (Russian and Kazakh letters: position, line, initials and surname)
        rather than the name and, below it, the position under the line (English letters)."""
        # Translators: "stacked" (the name, then the position, under the signature line) or
        # "inline" (position, signature line, initials and surname on one line).
        return self.pgettext("signature layout", "stacked") == "inline"

    def number(self, value: int) -> str:
        return format_decimal(value, locale=self.locale)

    def date(self, value: datetime.date, attributive: bool = False) -> str:
        """The date in the language's official style; the pattern is a catalog entry (Kazakh:
        "2018 жылғы 10 мамыр"; Russian "10 мая 2018 года" with a no-break space before "года",
        as the events' and periods' labels spell a date out, so that a page has one style).

        attributive: the form that qualifies a noun, "as of <date>": Kazakh "2018 жылғы 1
        қарашадағы (жағдай бойынша)"; the same as the plain form in languages without one.
        """
        text = format_date(value, self.pgettext("date pattern", "d MMMM y"), locale=self.locale)
        if attributive and self.code in _ATTRIBUTIVE:
            text = _ATTRIBUTIVE[self.code](text)
        return text

    def reference_date(self, value: datetime.date) -> str:
        """The date as a reference to a document gives it, qualifying the document: Russian «от 16 мая
        2018 года» (as the text around it writes a date), Kazakh "2018 жылғы 16 мамырдағы (№ 123
        қаулысы)"."""
        # Translators: the date of a document cited by its date and number, as in "Decision of 16 May 2018".
        text = format_date(value, self.pgettext("date pattern of a cited document", "d MMMM y"), locale=self.locale)
        return _ATTRIBUTIVE[self.code](text) if self.code in _ATTRIBUTIVE else text

    def since(self, value: datetime.date) -> str:
        """From a date on, as a term is counted: "from 6 June 2018", «с 6 июня 2018 года», "2018 жылғы
        6 маусымнан бастап" (the Kazakh date in the ablative)."""
        text = self.date(value)
        if self.code in _ABLATIVE:
            text = _ABLATIVE[self.code](text)
        return self.pgettext("from a date", "from {date}").format(date=text)

    def period(self, start: datetime.date, end: datetime.date) -> str:
        """From `start` to `end`, what the two dates share printed once: "11–25 May 2018", "24 June – 8
        July 2018"; «11–25 мая 2018 года», «24 июня – 8 июля 2018 года»; "2018 жылғы 11–25 мамыр"."""
        if (start.year, start.month) != (end.year, end.month):
            return " – ".join(self.date_range(start, end))
        first = self.pgettext("first date of a range within a month", "d")
        last = self.pgettext("last date of a range within a year", "d MMMM y")
        return f"{format_date(start, first, locale=self.locale)}–{format_date(end, last, locale=self.locale)}"

    def split_possessor(self, title: str) -> tuple[str, str]:
        """A document's title as its issuer, where the language names it first and puts the date and
        number between it and the document's name, and the rest: Kazakh "Алматы қалалық сотының" and
        "шешімі" (→ "Алматы қалалық сотының 2018 жылғы 16 мамырдағы № 2-41 шешімі"); elsewhere "" and
        the whole title."""
        split = _POSSESSOR.get(self.code)
        return split(title) if split else ("", title)

    def date_range(self, start: datetime.date, end: datetime.date) -> tuple[str, str]:
        """The first and last dates of a period, with a year both share printed once, where the
        language prints it: "17 April" and "4 October 2018", "17 апреля" and "4 октября 2018 года",
        "2018 жылғы 17 сәуір" and "4 қазан"."""
        if start.year != end.year:
            return self.date(start), self.date(end)
        first = self.pgettext("first date of a range within a year", "d MMMM")
        last = self.pgettext("last date of a range within a year", "d MMMM y")
        return format_date(start, first, locale=self.locale), format_date(end, last, locale=self.locale)


_KAZAKH_FRONT_VOWELS = set("әеіөүи")
_KAZAKH_BACK_VOWELS = set("аоұыуя")
_KAZAKH_VOICELESS = set("кқпстфхцчшщ")


def _kazakh_attributive(text: str) -> str:
    """The locative-attributive suffix -дағы/-дегі/-тағы/-тегі on the last word, by vowel harmony
    and the last sound: "1 қараша" → "1 қарашадағы", "17 қыркүйек" → "17 қыркүйектегі".
    Hand-written: no maintained library inflects Kazakh."""
    word = text.rsplit(" ", 1)[-1].casefold()
    vowels = [c for c in word if c in _KAZAKH_FRONT_VOWELS | _KAZAKH_BACK_VOWELS]
    front = bool(vowels) and vowels[-1] in _KAZAKH_FRONT_VOWELS
    consonant = "т" if word[-1:] in _KAZAKH_VOICELESS else "д"
    return text + consonant + ("егі" if front else "ағы")


def _kazakh_ablative(text: str) -> str:
    """The ablative suffix on the last word, by vowel harmony and the last sound: -нан/-нен after м,
    н, ң ("6 маусымнан"), -тан/-тен after a voiceless consonant ("17 қыркүйектен"), else -дан/-ден
    ("1 қарашадан", "4 шілдеден"). Hand-written, as the attributive above."""
    word = text.rsplit(" ", 1)[-1].casefold()
    vowels = [c for c in word if c in _KAZAKH_FRONT_VOWELS | _KAZAKH_BACK_VOWELS]
    front = bool(vowels) and vowels[-1] in _KAZAKH_FRONT_VOWELS
    last = word[-1:]
    consonant = "н" if last in set("мнң") else "т" if last in _KAZAKH_VOICELESS else "д"
    return text + consonant + ("ен" if front else "ан")


_ATTRIBUTIVE = {"kk": _kazakh_attributive}
_ABLATIVE = {"kk": _kazakh_ablative}
_KAZAKH_GENITIVE = re.compile(r"^(.*\w(?:ның|нің|дың|дің|тың|тің))\s+(\S.*)$", re.DOTALL)


def _kazakh_possessor(title: str) -> tuple[str, str]:
    """The title up to its last word in the genitive (-ның/-нің/-дың/-дің/-тың/-тің), the issuer, and
    the rest: "Алматы қалалық сотының апелляциялық қаулысы" → ("Алматы қалалық сотының", "апелляциялық
    қаулысы"); ("", title) without one. Hand-written: no maintained library parses Kazakh."""
    found = _KAZAKH_GENITIVE.match(title)
    return (found[1], found[2]) if found else ("", title)


_POSSESSOR = {"kk": _kazakh_possessor}


@functools.cache
def language(code: str) -> Language:
    return Language(code)
