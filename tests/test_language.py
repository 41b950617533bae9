"""Catalogs, CLDR plural agreement for every count from 0 to 200, dates."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from complaints.i18n import EXACTLY_ONE, catalog_path, language, languages

NBSP = "\u00a0"

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
            if n == 1 and message.id[0] in EXACTLY_ONE:
                expected = code.pgettext("exactly one", message.id[0])
            got = code.npgettext(message.context, *message.id, n) if message.context else code.ngettext(*message.id, n)
            assert got == expected, (lang, message.id, n)


def phrase(lang, context, singular, plural, n):
    code = language(lang)
    text = code.npgettext(context, singular, plural, n) if context else code.ngettext(singular, plural, n)
    return text % {"num": code.number(n), "state": code.pgettext("state", "the Republic of Kazakhstan")}


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
    # A count and its noun are one unit on a line (reader s11 B1): a no-break space between them.
    counted = phrase("ru", "measure count", "%(num)s complainant", "%(num)s complainants", n)
    assert counted == nominative.replace(" ", NBSP)
    assert phrase("ru", "article count", "concerns %(num)s complainant", "concerns %(num)s complainants", n) == genitive
    # One event per section of the complaint: the sentence is singular whatever the count.
    sentence = phrase("ru", None, "This event concerns %(num)s complainant",
                      "This event concerns %(num)s complainants", n)
    assert sentence == "Это событие касается " + genitive.split(" ", 1)[1]
    assert phrase("kk", None, "This event concerns %(num)s complainant", "This event concerns %(num)s complainants",
                  n) == f"Бұл оқиға {n} шағымданушыға қатысты"
    # The lawyer decides an article for the complainants other than those it is already claimed for.
    # «ещё 21 заявителя», not «21 другого заявителя», read as one more complainant in general (reader s9).
    assert phrase("ru", "article count", "concerns %(num)s other complainant", "concerns %(num)s other complainants",
                  n) == "касается ещё " + genitive.split(" ", 1)[1]


@pytest.mark.parametrize("n, new, plain", [
    (1, "Зафиксирован 1 новый эпизод преследования", "Зафиксирован 1 эпизод преследования"),
    (2, "Зафиксировано 2 новых эпизода преследования", "Зафиксировано 2 эпизода преследования"),
    (5, "Зафиксировано 5 новых эпизодов преследования", "Зафиксировано 5 эпизодов преследования"),
    (11, "Зафиксировано 11 новых эпизодов преследования", "Зафиксировано 11 эпизодов преследования"),
    (21, "Зафиксирован 21 новый эпизод преследования", "Зафиксирован 21 эпизод преследования"),
    (22, "Зафиксировано 22 новых эпизода преследования", "Зафиксировано 22 эпизода преследования"),
    (101, "Зафиксирован 101 новый эпизод преследования", "Зафиксирован 101 эпизод преследования"),
])
def test_a_period_s_acts_are_new_only_after_earlier_ones_and_agree_with_their_count(n, new, plain):
    assert phrase("ru", None, "%(num)s new act of persecution was recorded",
                  "%(num)s new acts of persecution were recorded", n) == new
    assert phrase("ru", None, "%(num)s act of persecution was recorded",
                  "%(num)s acts of persecution were recorded", n) == plain


@pytest.mark.parametrize("n", [1, 2, 5, 21, 55, 200])
def test_kazakh_keeps_the_singular_after_a_numeral(n):
    assert phrase("kk", "measure count", "%(num)s complainant", "%(num)s complainants", n) == f"{n}{NBSP}шағымданушы"


@pytest.mark.parametrize("n, expected", [(0, "0 complainants"), (1, "1 complainant"), (2, "2 complainants"),
                                         (21, "21 complainants")])
def test_english_plural(n, expected):
    assert phrase("en", "measure count", "%(num)s complainant", "%(num)s complainants", n) == expected


def test_large_numbers_are_grouped_by_locale():
    assert phrase("en", "measure count", "%(num)s complainant", "%(num)s complainants", 10000) == "10,000 complainants"
    assert (phrase("ru", "measure count", "%(num)s complainant", "%(num)s complainants", 10000)
            == "10\u00a0000\u00a0заявителей")


@pytest.mark.parametrize("lang, expected", [
    ("en", "10 May 2018"), ("ru", "10 мая 2018\u00a0года"), ("kk", "2018 жылғы 10 мамыр"),
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
            for spelling in code.pgettext("measure", label).split("|"):  # the printed one, then older ones
                assert spelling in doc


def test_every_exactly_one_message_is_the_singular_of_a_counted_message():
    singulars = {m.id[0] for m in catalog("en") if isinstance(m.id, tuple) and not m.context}
    assert singulars >= EXACTLY_ONE


# The words that agree with a count, not only the counted noun: Russian 1 and 21 share a plural
# form, yet the participles, pronouns and verbs around them differ.
@pytest.mark.parametrize("n, expected", [
    (1, "1 человек, чьё дело задокументировано"),
    (2, "2 человека, чьи дела задокументированы"),
    (5, "5 человек, чьи дела задокументированы"),
    (11, "11 человек, чьи дела задокументированы"),
    (21, "21 человек, чьи дела задокументированы"),
    (22, "22 человека, чьи дела задокументированы"),
    (101, "101 человек, чьи дела задокументированы"),
])
def test_russian_pronoun_and_participle_agree_with_the_count(n, expected):
    assert phrase("ru", None, "%(num)s person whose case has been documented",
                  "%(num)s people whose cases have been documented", n) == expected


# One rule for counts ending in 1 (21, 31, 101 but not 11): the counted noun and the words that
# agree with it are singular ("21 заявителя, представившего"); what refers to the people as a group
# is plural by meaning ("включены дела", "к их освобождению"); a predicate that would have to agree
# with such a count is avoided by rewording (i18n.EXACTLY_ONE).
@pytest.mark.parametrize("n, verb, noun, participle", [
    (1, "включено", "дело", "представившего"),
    (2, "включены", "дела", "представивших"),
    (5, "включены", "дела", "представивших"),
    (11, "включены", "дела", "представивших"),
    (21, "включены", "дела", "представившего"),
    (22, "включены", "дела", "представивших"),
    (101, "включены", "дела", "представившего"),
    (111, "включены", "дела", "представивших"),
])
def test_russian_included_cases_agree_with_the_count(n, verb, noun, participle):
    text = phrase("ru", None, "This complaint includes the case of %(num)s complainant who provided both an "
                  "appeal form and a power of attorney.", "This complaint includes the cases of %(num)s complainants "
                  "who provided both an appeal form and a power of attorney.", n)
    assert f"жалобу {verb} {noun} {language('ru').number(n)} заявител" in text
    assert f", {participle} и анкету-обращение" in text


@pytest.mark.parametrize("n, expected", [
    (1, "в интересах 1 заявителя на основании доверенности"),
    (21, "в интересах 21 заявителя на основании доверенностей"),
    (22, "в интересах 22 заявителей на основании доверенностей"),
    (101, "в интересах 101 заявителя на основании доверенностей"),
])
def test_russian_powers_of_attorney_are_plural_for_more_than_one(n, expected):
    assert phrase("ru", None, "acting on behalf of %(num)s complainant under a power of attorney",
                  "acting on behalf of %(num)s complainants under powers of attorney", n) == expected


@pytest.mark.parametrize("n, person, participle", [
    (1, "лица", "подвергшегося"), (21, "лиц", "подвергшихся"), (31, "лиц", "подвергшихся"), (2, "лиц", "подвергшихся"),
])
def test_russian_appeals_come_from_people_agreeing_with_the_count(n, person, participle):
    text = phrase("ru", None, "In total, %(num)s appeal was received from a person subjected to persecution.",
                  "In total, %(num)s appeals were received from people subjected to persecution.", n)
    assert text.endswith(f"от {person}, {participle} преследованию.")


@pytest.mark.parametrize("n, expected", [
    (1, "В публичных документах 1 заявитель, не давший согласия на указание своего имени, обозначен только "
        "номером."),
    (2, "В публичных документах 2 заявителя, не давшие согласия на указание своих имён, обозначены только "
        "номерами."),
    (5, "В публичных документах 5 заявителей, не давших согласия на указание своих имён, обозначены только "
        "номерами."),
    (11, "В публичных документах 11 заявителей, не давших согласия на указание своих имён, обозначены только "
         "номерами."),
    # No nominative "21 заявитель" with a predicate to agree: the count stands on its own.
    (21, "В публичных документах заявители, не давшие согласия на указание своих имён, обозначены только "
         "номерами; таких заявителей 21."),
    (22, "В публичных документах 22 заявителя, не давшие согласия на указание своих имён, обозначены только "
         "номерами."),
    (101, "В публичных документах заявители, не давшие согласия на указание своих имён, обозначены только "
          "номерами; таких заявителей 101."),
])
def test_russian_unnamed_complainants_agree_with_the_count(n, expected):
    assert phrase("ru", None, "In public documents, %(num)s complainant who did not consent to be named is "
                  "referred to by number only.", "In public documents, %(num)s complainants who did not consent "
                  "to be named are referred to by number only.", n) == expected


# The brief's people whose preventive measure's term ran out, by measure: "его" for one, "их" for 21.
@pytest.mark.parametrize("n, expected", [
    (1, "не включён 1 человек: указанный срок его {measure} истёк, а сведений ни об освобождении, ни о продлении "
        "срока нет."),
    (2, "не включены 2 человека: указанные сроки их {measure} истекли, а сведений ни об освобождении, ни о "
        "продлении сроков нет."),
    (5, "не включены 5 человек: указанные сроки их {measure} истекли,"),
    (11, "не включены 11 человек: указанные сроки их {measure} истекли,"),
    (21, "не включён 21 человек: указанные сроки их {measure} истекли, а сведений ни об освобождении, ни о "
         "продлении сроков нет."),
    (22, "не включены 22 человека: указанные сроки их {measure} истекли,"),
    (101, "не включён 101 человек: указанные сроки их {measure} истекли,"),
])
@pytest.mark.parametrize("term, measure", [
    ("custody", "содержания под стражей"), ("house arrest", "домашнего ареста"),
    ("placement in a psychiatric institution", "пребывания в психиатрическом учреждении"),
])
def test_russian_lapsed_terms_agree_with_the_count(n, expected, term, measure):
    text = phrase("ru", None, f"%(num)s person whose recorded term of {term} had ended, with neither a release nor an "
                  "extension recorded, is not counted in these figures.", f"%(num)s people whose recorded terms of "
                  f"{term} had ended, with neither a release nor an extension recorded, are not counted in these "
                  "figures.", n)
    assert text.startswith("В эти данные " + expected.format(measure=measure))


# Reader s8: «Каждое из этих лиц выдало …» for a single person.
@pytest.mark.parametrize("n, person, victim", [
    (1, "Указанное лицо выдало", "Указанная ниже жертва выдала"),
    (2, "Каждое из указанных лиц выдало", "Каждая из указанных ниже жертв выдала"),
    (5, "Каждое из указанных лиц выдало", "Каждая из указанных ниже жертв выдала"),
    (21, "Каждое из указанных лиц выдало", "Каждая из указанных ниже жертв выдала"),
    (22, "Каждое из указанных лиц выдало", "Каждая из указанных ниже жертв выдала"),
    (101, "Каждое из указанных лиц выдало", "Каждая из указанных ниже жертв выдала"),
])
def test_russian_powers_of_attorney_of_the_urgent_appeals_agree_with_the_count(n, person, victim):
    tail = ("authorised the submitting organisation, by a power of attorney, to represent them before international "
            "bodies.")
    assert phrase("ru", None, f"The person concerned has {tail}", f"Each of the persons concerned has {tail}",
                  n).startswith(person + " организации")
    assert phrase("ru", None, f"The victim listed below has {tail}", f"Every victim listed below has {tail}",
                  n).startswith(victim + " организации")
    kazakh = phrase("kk", None, f"The person concerned has {tail}", f"Each of the persons concerned has {tail}", n)
    assert kazakh.startswith("Аталған адам осы" if n == 1 else "Олардың әрқайсысы осы")


# The persons were deprived of liberty; not all of them still are on the letter's date.
@pytest.mark.parametrize("n, person, questionnaires, cases", [
    (1, "1 лица, которое было лишено", "прилагаемый вопросник и", "его дело"),
    (2, "2 лиц, которые были лишены", "прилагаемые вопросники, отдельным файлом на каждое лицо, и", "их дела"),
    (5, "5 лиц, которые были лишены", "прилагаемые вопросники, отдельным файлом на каждое лицо, и", "их дела"),
    (11, "11 лиц, которые были лишены", "прилагаемые вопросники, отдельным файлом на каждое лицо, и", "их дела"),
    (21, "21 лица, которое было лишено", "прилагаемые вопросники, отдельным файлом на каждое лицо, и", "их дела"),
    (22, "22 лиц, которые были лишены", "прилагаемые вопросники, отдельным файлом на каждое лицо, и", "их дела"),
    (101, "101 лица, которое было лишено", "прилагаемые вопросники, отдельным файлом на каждое лицо, и", "их дела"),
])
def test_russian_wgad_cover_letter_agrees_with_the_count(n, person, questionnaires, cases):
    text = phrase("ru", None, "On behalf of %(num)s person deprived of liberty in %(state)s for the peaceful exercise "
                  "of their rights, we submit the enclosed questionnaire and ask the Working Group to consider the "
                  "case under its regular procedure.", "On behalf of %(num)s persons deprived of liberty in %(state)s "
                  "for the peaceful exercise of their rights, we submit the enclosed questionnaires, one file for each "
                  "person, and ask the Working Group to consider their cases under its regular procedure.", n)
    assert text.startswith(f"От имени {person} свободы")
    assert f"представляем {questionnaires} просим" in text and f"рассмотреть {cases} в" in text


# Those still held, with their numbers.
@pytest.mark.parametrize("n, expected", [
    (1, "лишённым свободы остаётся 1 человек (№ 7)."),
    (2, "лишёнными свободы остаются 2 человека (№ 7)."),
    (5, "лишёнными свободы остаются 5 человек (№ 7)."),
    (11, "лишёнными свободы остаются 11 человек (№ 7)."),
    (21, "лишённым свободы остаётся 21 человек (№ 7)."),
    (22, "лишёнными свободы остаются 22 человека (№ 7)."),
    (101, "лишённым свободы остаётся 101 человек (№ 7)."),
])
def test_russian_wgad_cover_names_those_still_held_in_agreement_with_their_count(n, expected):
    code = language("ru")
    text = code.ngettext("%(num)s of them is still deprived of liberty at the date of this letter (No. %(numbers)s).",
                         "%(num)s of them are still deprived of liberty at the date of this letter (Nos. %(numbers)s).",
                         n) % {"num": code.number(n), "numbers": "7"}
    assert text == "Из них на дату настоящего письма " + expected


# "лица", not "граждане": the workbook does not record their nationality.
@pytest.mark.parametrize("n, citizens", [
    (1, "1 лица, указанного в списке заявителей и уполномочившего"),
    (2, "2 лиц, указанных в списке заявителей и уполномочивших"),
    (5, "5 лиц, указанных в списке заявителей и уполномочивших"),
    (11, "11 лиц, указанных в списке заявителей и уполномочивших"),
    (21, "21 лица, указанного в списке заявителей и уполномочившего"),
    (22, "22 лиц, указанных в списке заявителей и уполномочивших"),
    (101, "101 лица, указанного в списке заявителей и уполномочившего"),
])
def test_russian_domestic_complaint_agrees_with_the_count(n, citizens):
    text = phrase("ru", None, "We submit this complaint on behalf of %(num)s person, named in the list of "
                  "complainants, who authorised us to file appeals on their behalf.", "We submit this complaint on "
                  "behalf of %(num)s people, named in the list of complainants, who authorised us to file appeals on "
                  "their behalf.", n)
    assert text == f"Настоящая жалоба подаётся от имени {citizens} нас на подачу обращений."


URGENT_REQUESTS = [
    ("We ask the Working Group to transmit an urgent appeal to the Government of %(state)s concerning %(num)s person "
     "who is deprived of liberty at the date of this request, and to ask for their immediate release.",
     "We ask the Working Group to transmit an urgent appeal to the Government of %(state)s concerning %(num)s persons "
     "who are deprived of liberty at the date of this request, and to ask for their immediate release."),
    ("We ask the mandate holders to send an urgent appeal to the Government of %(state)s concerning %(num)s person "
     "who is deprived of liberty at the date of this appeal, and to call for their immediate release.",
     "We ask the mandate holders to send an urgent appeal to the Government of %(state)s concerning %(num)s persons "
     "who are deprived of liberty at the date of this appeal, and to call for their immediate release."),
]


@pytest.mark.parametrize("n, person, pronoun", [
    (1, "1 лица, лишённого", "его"), (2, "2 лиц, лишённых", "их"), (5, "5 лиц, лишённых", "их"),
    (11, "11 лиц, лишённых", "их"), (21, "21 лица, лишённого", "их"), (22, "22 лиц, лишённых", "их"),
    (101, "101 лица, лишённого", "их"),
])
@pytest.mark.parametrize("singular, plural", URGENT_REQUESTS)
def test_russian_urgent_appeals_agree_with_the_count(singular, plural, n, person, pronoun):
    text = phrase("ru", None, singular, plural, n)
    assert f"в отношении {person} свободы" in text and text.endswith(f"призвать к {pronoun} немедленному освобождению.")


@pytest.mark.parametrize("n, expected", [
    (1, "1 штраф на сумму 24 050 тенге"), (2, "2 штрафа на общую сумму 24 050 тенге"),
    (5, "5 штрафов на общую сумму 24 050 тенге"), (11, "11 штрафов на общую сумму 24 050 тенге"),
    (21, "21 штраф на общую сумму 24 050 тенге"), (22, "22 штрафа на общую сумму 24 050 тенге"),
    (101, "101 штраф на общую сумму 24 050 тенге"),
])
def test_russian_fines_are_a_total_only_for_more_than_one(n, expected):
    code = language("ru")
    text = code.ngettext("%(num)s fine, totalling %(total)s", "%(num)s fines, totalling %(total)s", n)
    assert text % {"num": code.number(n), "total": "24 050 тенге"} == expected


def test_a_count_of_exactly_one_reads_its_own_message_in_templates_too():
    from complaints.render_html import html_environment

    template = html_environment("ru").from_string(
        '{{ ngettext("%(num)s person whose case has been documented", '
        '"%(num)s people whose cases have been documented", n, num=n) }}')
    assert template.render(n=1) == "1 человек, чьё дело задокументировано"
    assert template.render(n=21) == "21 человек, чьи дела задокументированы"


@pytest.mark.parametrize("month, expected", [
    (1, "2018 жылғы 1 қаңтардағы"), (4, "2018 жылғы 1 сәуірдегі"), (7, "2018 жылғы 1 шілдедегі"),
    (9, "2018 жылғы 1 қыркүйектегі"), (11, "2018 жылғы 1 қарашадағы"),
])
def test_kazakh_attributive_date_follows_vowel_harmony(month, expected):
    assert language("kk").date(datetime.date(2018, month, 1), attributive=True) == expected
    assert language("ru").date(datetime.date(2018, month, 1), attributive=True) == language("ru").date(
        datetime.date(2018, month, 1))


def test_the_reviewers_page_renders_every_counted_message_for_every_count_in_every_language(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("counted_messages", REPO / "scripts" / "counted_messages.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    messages = script.counted_messages()
    text = script.as_text(messages)
    assert len(messages) == sum(1 for m in catalog("en") if isinstance(m.id, tuple))
    for n in script.COUNTS:
        assert f"  ru {n:>5}  " in text and f"  kk {n:>5}  " in text
    assert "  ru    21  21 человек, чьи дела задокументированы" in text
    assert "  ru     1  1 человек, чьё дело задокументировано" in text
    page = tmp_path / "counted.html"
    assert script.main(["--html", str(page)]) == 0
    assert "21 человек, чьи дела задокументированы" in page.read_text(encoding="utf-8")
    assert script.main(["--html", str(page)]) == 2  # never overwritten


def test_a_period_prints_what_its_two_dates_share_once():
    day = datetime.date
    assert language("en").period(day(2018, 5, 11), day(2018, 5, 25)) == "11–25 May 2018"
    assert " ".join(language("ru").period(day(2018, 5, 11), day(2018, 5, 25)).split()) == "11–25 мая 2018 года"
    assert " ".join(language("ru").period(day(2018, 6, 24), day(2018, 7, 8)).split()) == "24 июня – 8 июля 2018 года"
    assert language("kk").period(day(2018, 5, 11), day(2018, 5, 25)) == "2018 жылғы 11–25 мамыр"
    assert " ".join(language("ru").period(day(2018, 12, 24), day(2019, 1, 8)).split()) == (
        "24 декабря 2018 года – 8 января 2019 года")


@pytest.mark.parametrize("n, people, acts", [
    (1, "1 человек", "1 эпизод"), (2, "2 человека", "2 эпизода"), (5, "5 человек", "5 эпизодов"),
    (11, "11 человек", "11 эпизодов"), (21, "21 человек", "21 эпизод"), (22, "22 человека", "22 эпизода"),
    (101, "101 человек", "101 эпизод")])
def test_a_provision_is_counted_in_people_and_acts(n, people, acts):
    """The Special Procedures' letter: the people a provision was invoked against, then its acts (never "cases")."""
    assert phrase("ru", "people count", "%(num)s person", "%(num)s people", n) == people.replace(" ", NBSP)
    assert phrase("ru", "measure count", "%(num)s act", "%(num)s acts", n) == acts.replace(" ", NBSP)
    assert phrase("kk", "people count", "%(num)s person", "%(num)s people", n) == f"{n}{NBSP}адам"
    assert phrase("kk", "measure count", "%(num)s act", "%(num)s acts", n) == f"{n}{NBSP}эпизод"



@pytest.mark.parametrize("singular, plural", URGENT_REQUESTS)
@pytest.mark.parametrize("n, pronoun", [(1, "ол адамды"), (2, "ол адамдарды"), (21, "ол адамдарды")])
def test_kazakh_urgent_appeals_ask_to_free_the_person_not_the_government(singular, plural, n, pronoun):
    # «оны» after «Үкіметіне» bound to the Government (reader s8 for the Working Group, s9 for the mandate holders).
    assert f"және {pronoun} дереу босатуға шақыруды сұраймыз." in phrase("kk", None, singular, plural, n)


def test_kazakh_filings_name_their_sender_with_one_word():
    kazakh = language("kk")
    assert {kazakh.gettext(message).split(":")[0] for message in ("Submitted by: %(organisation)s",
                                                                  "From: %(organisation)s")} == {"Жіберуші"}


@pytest.mark.parametrize("n", [1, 2, 5, 11, 21, 22, 101])
def test_the_urgent_appeals_headings_are_singular_for_exactly_one_person(n):
    # A heading without its count: «Лица, лишённые свободы» for 21 as for 2, «Лицо» for one only (reader s9).
    russian, kazakh = language("ru"), language("kk")
    one = n == 1
    assert russian.ngettext("Person deprived of liberty", "Persons deprived of liberty", n) == (
        "Лицо, лишённое свободы" if one else "Лица, лишённые свободы")
    assert russian.ngettext("The victim", "The victims", n) == ("Предполагаемая жертва" if one
                                                              else "Предполагаемые жертвы")
    assert kazakh.ngettext("The victim", "The victims", n) == ("Болжамды жәбірленуші" if one
                                                             else "Болжамды жәбірленушілер")


@pytest.mark.parametrize("n", [1, 2, 5, 11, 21, 22, 101])
@pytest.mark.parametrize("rights, ru_rights", [("right", "своё право на"), ("rights", "свои права на"), (None, None)])
def test_the_urgent_appeals_subtitles_are_singular_for_exactly_one_person(n, rights, ru_rights):
    # «…лишении свободы лиц, осуществлявших…» over the request for one person (reader s10 U3), whether the
    # subtitle names one right, several or none.
    russian, kazakh, one = language("ru"), language("kk"), n == 1
    tail = (f" who exercised his or her {rights} to %(rights)s", f" who exercised their {rights} to %(rights)s") if (
        rights) else ("", "")
    wgad = ("Arbitrary deprivation of liberty of a person" + tail[0], "Arbitrary deprivation of liberty of people"
            + tail[1])
    special = ("on the persecution in the Republic of Kazakhstan of a person" + tail[0],
               "on the persecution in the Republic of Kazakhstan of people" + tail[1])
    person = ("лица, осуществлявшего " if one else "лиц, осуществлявших ") + ru_rights if rights else (
        "лица" if one else "лиц")
    assert russian.ngettext(*wgad, n) == "о произвольном лишении свободы " + person + (" %(rights)s" if rights else "")
    assert russian.ngettext(*special, n) == ("о преследовании в Республике Казахстан " + person
                                             + (" %(rights)s" if rights else ""))
    assert (("асырған " if rights else "") + ("адамды бас" if one else "адамдарды бас")).lower() in (
        kazakh.ngettext(*wgad, n).lower())
    assert ("адамның қудалануы" if one else "адамдардың қудалануы") in kazakh.ngettext(*special, n)


def test_several_numbers_take_one_number_sign_in_russian():
    """«Лица №№ 1, 2, 3» beside «лиц № 30, 72, 73» in one letter (reader s11 L1): one form, the current office
    style «№ 1, 2, 3», as the Kazakh has it."""
    strings = [s for m in catalog("ru") if m.id for s in (m.string if isinstance(m.string, tuple) else (m.string,))]
    assert strings and not [s for s in strings if "№№" in s]
    assert language("ru").gettext("Persons Nos. %(numbers)s did not consent to be named in public. We ask that their "
                                  "identities be withheld from publication and from any public document.").startswith(
        "Лица № %(numbers)s")
