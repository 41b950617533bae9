"""Languages: one gettext catalog each, plural rules and dates from Babel.

A language exists when complaints/locale/<code>/LC_MESSAGES/complaints.po
exists; nothing else in the code lists languages.
"""

from __future__ import annotations

import datetime
import functools
import io
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

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ungettext(singular, plural, n)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self.translations.unpgettext(context, singular, plural, n)

    def number(self, value: int) -> str:
        return format_decimal(value, locale=self.locale)

    def date(self, value: datetime.date) -> str:
        # The pattern is a catalog entry: Kazakh official style is "2018 жылғы 10 мамыр".
        return format_date(value, self.pgettext("date pattern", "d MMMM y"), locale=self.locale)


@functools.cache
def language(code: str) -> Language:
    return Language(code)
