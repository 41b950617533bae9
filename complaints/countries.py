"""Countries (for nationality) as ISO 3166 codes, named in each language from CLDR through Babel.

Intake staff type a nationality as a code ("KZ") or a country's name in any of the languages of
the catalogs ("Kazakhstan", "Казахстан", "Қазақстан"); the documents print the country's name in
their own language. Several nationalities are separated by commas or semicolons.
"""

from __future__ import annotations

import functools
import re

from babel import Locale

from .i18n import languages

# CLDR's territories also hold regions ("001" World, "150" Europe) and groupings ("EU", "UN"):
# only two-letter codes that are countries or territories someone can be a national of.
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
_SEPARATORS = re.compile(r"\s*[;,]\s*")


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())


@functools.cache
def _codes() -> dict[str, str]:
    """Every spelling accepted, folded, to its code."""
    found: dict[str, str] = {}
    for lang in languages():
        for code, name in Locale.parse(lang).territories.items():
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
                found.setdefault(_fold(name), code)
                found.setdefault(code.casefold(), code)
    return found


def country_codes(text: str | None) -> tuple[str, ...] | None:
    """The codes of the countries typed in `text`; None when one of them is not a known country."""
    if not text or not text.strip():
        return ()
    codes = []
    for part in _SEPARATORS.split(text.strip()):
        code = _codes().get(_fold(part))
        if code is None:
            return None
        codes.append(code)
    return tuple(dict.fromkeys(codes))


def country_name(code: str, lang: str) -> str:
    """The country's name in `lang`; empty when CLDR has none in that language."""
    return Locale.parse(lang).territories.get(code, "")
