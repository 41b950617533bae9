"""Catalogs, CLDR plural agreement for every count from 0 to 200, dates."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from complaints.i18n import catalog_path, language, languages

REPO = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}")
TRANSLATED = ("ru", "kk")


def catalog(lang):
    with catalog_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang)


def source_messages() -> set[tuple[str | None, str]]:
    """Extract the messages from the code and templates as pybabel would (see babel.cfg)."""
    method_map = [("complaints/**.py", "python"), ("templates/html/**.html", "jinja2")]
    options = {"templates/html/**.html": {"extensions": "jinja2.ext.i18n"}}
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
                "npgettext": ((1, "c"), 2, 3), "N_": ((1, "c"), 2)}
    found = set()
    for _, _, message, _, context in extract_from_dir(str(REPO), method_map, options, keywords):
        found.add((context, message[0] if isinstance(message, tuple) else message))
    return found


def test_the_languages_are_the_catalogs():
    assert set(languages()) == {"en", "ru", "kk"}
    assert languages()[0] == "en"


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_every_catalog_holds_exactly_the_messages_of_the_code(lang):
    in_catalog = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id) for m in catalog(lang) if m.id}
    assert in_catalog == source_messages()


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated_with_its_placeholders(lang):
    nplurals = catalog(lang).num_plurals
    for message in catalog(lang):
        if not message.id:
            continue
        assert "fuzzy" not in message.flags, message.id
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if isinstance(message.id, tuple):
            assert len(strings) == nplurals, message.id
        for string in strings:
            assert string.strip(), (lang, message.id)
            assert set(PLACEHOLDER.findall(string)) <= set(PLACEHOLDER.findall(" ".join(sources))), string
        if "%(num)s" in sources[0]:
            assert all("%(num)s" in s for s in strings), (lang, message.id)


# Which msgstr index each CLDR category selects in each catalog's Plural-Forms.
CLDR_INDEX = {"en": {"one": 0, "other": 1}, "kk": {"one": 0, "other": 1},
              "ru": {"one": 0, "few": 1, "many": 2}}


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_catalog_plural_forms_follow_cldr_for_every_count_to_200(lang):
    rule = Locale.parse(lang).plural_form
    plural_messages = [m for m in catalog(lang) if isinstance(m.id, tuple)]
    assert plural_messages
    code = language(lang)
    for message in plural_messages:
        forms = message.string if lang != "en" else message.id
        for n in range(201):
            expected = forms[CLDR_INDEX[lang][rule(n)]] if lang != "en" else forms[0 if n == 1 else 1]
            got = code.npgettext(message.context, *message.id, n) if message.context else code.ngettext(*message.id, n)
            assert got == expected, (lang, message.id, n)


def phrase(lang, context, singular, plural, n):
    code = language(lang)
    text = code.npgettext(context, singular, plural, n) if context else code.ngettext(singular, plural, n)
    return text % {"num": code.number(n)}


@pytest.mark.parametrize("n, nominative, genitive", [
    (1, "1 заявитель", "касается 1 заявителя"),
    (2, "2 заявителя", "касается 2 заявителей"),
    (4, "4 заявителя", "касается 4 заявителей"),
    (5, "5 заявителей", "касается 5 заявителей"),
    (11, "11 заявителей", "касается 11 заявителей"),
    (12, "12 заявителей", "касается 12 заявителей"),
    (21, "21 заявитель", "касается 21 заявителя"),
    (22, "22 заявителя", "касается 22 заявителей"),
    (55, "55 заявителей", "касается 55 заявителей"),
    (101, "101 заявитель", "касается 101 заявителя"),
    (111, "111 заявителей", "касается 111 заявителей"),
])
def test_russian_agreement_depends_on_number_and_case(n, nominative, genitive):
    assert phrase("ru", "measure count", "%(num)s complainant", "%(num)s complainants", n) == nominative
    assert phrase("ru", "article count", "concerns %(num)s complainant", "concerns %(num)s complainants", n) == genitive
    sentence = phrase("ru", None, "This complaint addresses the case of %(num)s complainant",
                      "This complaint addresses the cases of %(num)s complainants", n)
    assert sentence.endswith(genitive.split(" ", 1)[1])


@pytest.mark.parametrize("n", [1, 2, 5, 21, 55, 200])
def test_kazakh_keeps_the_singular_after_a_numeral(n):
    assert phrase("kk", "measure count", "%(num)s complainant", "%(num)s complainants", n) == f"{n} шағымданушы"


@pytest.mark.parametrize("n, expected", [(0, "0 complainants"), (1, "1 complainant"), (2, "2 complainants"),
                                         (21, "21 complainants")])
def test_english_plural(n, expected):
    assert phrase("en", "measure count", "%(num)s complainant", "%(num)s complainants", n) == expected


def test_large_numbers_are_grouped_by_locale():
    assert phrase("en", "measure count", "%(num)s complainant", "%(num)s complainants", 10000) == "10,000 complainants"
    assert (phrase("ru", "measure count", "%(num)s complainant", "%(num)s complainants", 10000)
            == "10\u00a0000 заявителей")


@pytest.mark.parametrize("lang, expected", [
    ("en", "10 May 2018"), ("ru", "10 мая 2018 г."), ("kk", "2018 жылғы 10 мамыр"),
])
def test_dates_in_each_language(lang, expected):
    assert language(lang).date(datetime.date(2018, 5, 10)) == expected


def test_terms_are_consistent():
    assert language("ru").pgettext("annex", "Complainant") == "Заявитель"
    assert language("kk").pgettext("annex", "Complainant") == "Шағымданушы"
    assert "доверенност" in language("ru").pgettext("exclusion", "no power of attorney")
    assert "сенімхат" in language("kk").pgettext("exclusion", "no power of attorney")


def test_the_workbook_documentation_lists_every_accepted_title():
    from complaints.schema import MEASURES, SHEETS

    doc = (REPO / "docs" / "workbook.md").read_text(encoding="utf-8")
    for lang in TRANSLATED:
        code = language(lang)
        for sheet in SHEETS:
            assert code.pgettext("sheet", sheet.key) in doc
            for column in sheet.columns:
                assert f"| `{column.key}` |" in doc
                assert code.pgettext("column", column.key) in doc, (lang, column.key)
        for label in MEASURES.values():
            assert code.pgettext("measure", label) in doc
