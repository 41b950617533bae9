"""Penalties as intake staff type them, in any of the three languages, and as each document prints them.

"15 days", "15 суток", "15 тәулік" are one duration; "KZT 120250", "120 250 тенге", "120 250 теңге"
one amount. A penalty that is neither is printed as written, and validation warns at its cell.
Hand-written: no library parses Russian and Kazakh legal durations and amounts.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .i18n import N_, Language

# Each unit's spellings (folded), in the three languages, with their case and number forms.
_UNITS = {
    "hour": ("hour", "hours", "h", "час", "часа", "часов", "сағат"),
    "day": ("day", "days", "сутки", "суток", "сут", "день", "дня", "дней", "тәулік", "күн"),
    "month": ("month", "months", "месяц", "месяца", "месяцев", "мес", "ай"),
    "year": ("year", "years", "год", "года", "лет", "жыл"),
}
_UNIT_OF = {spelling: unit for unit, spellings in _UNITS.items() for spelling in spellings}

# What a duration is of, when the text says so: "3 years' imprisonment", "3 года лишения свободы".
_KINDS = {
    "imprisonment": ("imprisonment", "of imprisonment", "лишения свободы", "лишение свободы",
                     "бас бостандығынан айыру"),
    "restriction": ("restriction of freedom", "of restriction of freedom", "ограничения свободы",
                    "ограничение свободы", "бас бостандығын шектеу"),
}
_KIND_OF = {spelling: kind for kind, spellings in _KINDS.items() for spelling in spellings}

_CURRENCIES = {
    "KZT": ("kzt", "тенге", "теңге", "тг", "₸"),
    "MCI": ("mci", "мрп", "аек"),  # monthly calculation index, in which fines are set
}
_CURRENCY_OF = {spelling: code for code, spellings in _CURRENCIES.items() for spelling in spellings}

# The printed forms: whole phrases, because the words agree with the number.
_DURATIONS = {
    ("hour", ""): lambda lang, n: lang.npgettext("penalty", "%(num)s hour", "%(num)s hours", n),
    ("day", ""): lambda lang, n: lang.npgettext("penalty", "%(num)s day", "%(num)s days", n),
    ("month", ""): lambda lang, n: lang.npgettext("penalty", "%(num)s month", "%(num)s months", n),
    ("year", ""): lambda lang, n: lang.npgettext("penalty", "%(num)s year", "%(num)s years", n),
    ("month", "imprisonment"): lambda lang, n: lang.npgettext(
        "penalty", "%(num)s month of imprisonment", "%(num)s months of imprisonment", n),
    ("year", "imprisonment"): lambda lang, n: lang.npgettext(
        "penalty", "%(num)s year of imprisonment", "%(num)s years of imprisonment", n),
    ("month", "restriction"): lambda lang, n: lang.npgettext(
        "penalty", "%(num)s month of restriction of freedom", "%(num)s months of restriction of freedom", n),
    ("year", "restriction"): lambda lang, n: lang.npgettext(
        "penalty", "%(num)s year of restriction of freedom", "%(num)s years of restriction of freedom", n),
}
_AMOUNTS = {
    "KZT": N_("currency", "KZT {amount}"),
    "MCI": N_("currency", "{amount} MCI"),
}

_DURATION = re.compile(r"^(\d{1,4})\s*([^\W\d_]+)\.?\s*(.*)$")
_AMOUNT = re.compile(r"^(?:([^\W\d_]+|₸)\.?\s*)?(\d{1,3}(?:[ ,.]\d{3})+|\d+)\s*(?:([^\W\d_]+|₸)\.?)?$")


@dataclass(frozen=True)
class Duration:
    number: int
    unit: str  # hour, day, month, year
    kind: str = ""  # "", imprisonment or restriction (of freedom)

    def describe(self, lang: Language) -> str:
        return _DURATIONS[(self.unit, self.kind)](lang, self.number) % {"num": lang.number(self.number)}


@dataclass(frozen=True)
class Amount:
    value: int
    currency: str  # KZT or MCI

    def describe(self, lang: Language) -> str:
        return lang.pgettext("currency", _AMOUNTS[self.currency]).format(amount=lang.number(self.value))


Penalty = Duration | Amount


def _words(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("’", "'").casefold().split())


@functools.lru_cache(maxsize=4096)
def parse_penalty(text: str | None) -> Penalty | None:
    """A duration or an amount, written in English, Russian or Kazakh; None for anything else."""
    if not text:
        return None
    words = _words(text)
    match = _AMOUNT.match(words)
    if match:
        before, digits, after = match.groups()
        currencies = [_CURRENCY_OF.get(word or "") for word in (before, after) if word]
        if len(currencies) == 1 and currencies[0]:
            return Amount(int(re.sub(r"\D", "", digits)), currencies[0])
    match = _DURATION.match(words)
    if match and match.group(2) in _UNIT_OF:
        unit, rest = _UNIT_OF[match.group(2)], match.group(3).strip(" '.")
        kind = _KIND_OF.get(rest) if rest else ""
        if kind is not None and (unit, kind) in _DURATIONS:
            return Duration(int(match.group(1)), unit, kind)
    return None


def describe_penalty(lang: Language, text: str | None) -> str:
    """The penalty in the document's language when it is recognised, else as written."""
    penalty = parse_penalty(text)
    return penalty.describe(lang) if penalty else (text or "")


# A penalty inside the phrase that names the measure ("штраф в размере 120 250 тенге", "15 тәулік
# мерзімге әкімшілік қамаққа алу"): None where it has no such form (see act_phrase).
_IN_PHRASE = {
    Duration: N_("penalty in a phrase", "for {penalty}"),
    Amount: N_("penalty in a phrase", "of {penalty}"),
}


def penalty_in_phrase(lang: Language, text: str | None) -> str | None:
    """A term or an amount as the words that follow or precede the measure; None for a penalty that
    names its own kind ("3 years of imprisonment") or is not recognised: it is printed on its own."""
    penalty = parse_penalty(text)
    if penalty is None or (isinstance(penalty, Duration) and penalty.kind):
        return None
    return lang.pgettext("penalty in a phrase", _IN_PHRASE[type(penalty)]).format(penalty=penalty.describe(lang))


def kzt_amount(text: str | None) -> int | None:
    """The amount of a fine in tenge, or None (not an amount, or set in another unit)."""
    penalty = parse_penalty(text)
    return penalty.value if isinstance(penalty, Amount) and penalty.currency == "KZT" else None
