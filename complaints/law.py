"""Legal provisions as intake staff type them, and what the documents say about them."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .i18n import N_, Language

# Measures that deprive a person of liberty: what the Working Group on Arbitrary Detention examines.
DEPRIVATION_OF_LIBERTY = ("detention", "administrative_arrest", "pretrial_detention", "house_arrest",
                          "imprisonment", "psychiatric_placement")

# The deprivation of liberty that is the apprehension itself, dated the day the person was taken: the others are
# ordered by a decision (a court's administrative arrest, a custody), dated by that decision.
APPREHENSIONS = ("detention",)

# Preventive and procedural measures: what is typed as their "penalty" is a term, not a punishment.
PREVENTIVE_MEASURES = ("pretrial_detention", "house_arrest", "psychiatric_placement")

# The rights the case is about: expression, assembly and association. A complainant's claim to one
# rests on their own recorded facts (claims.py), never on the case as a whole.
CORE_ARTICLES = (19, 21, 22)
# The articles of the Covenant a measure itself interferes with, whatever else is recorded: a
# deprivation of liberty engages article 9, a search article 17. What needs more than the measure
# (a fair trial, article 14; punishment without law, article 15; discrimination, article 26) is
# claimed from the recorded facts or by the lawyer (claims.py), as is freedom of movement (article 12)
# for a restriction of freedom or a house arrest, which a lawyer pleads beside others or not at all.
# Three measures engage an article only by what the workbook does not record, so the lawyer decides
# (claims.DECIDED_BY_LAWYER; reader s10): a psychiatric placement article 7 only by the treatment there (it is
# a deprivation of liberty, article 9, in itself); a threat article 9 (security of person) only if it was one
# against the person (a warning of prosecution is not); a seizure article 17 only of means of communication,
# correspondence or records (not of a balloon or a placard).
ARTICLES_BY_MEASURE = {
    "detention": (9,),
    "administrative_arrest": (9,),
    "pretrial_detention": (9,),
    "house_arrest": (9,),
    "psychiatric_placement": (9,),
    "ill_treatment": (7,),
    "imprisonment": (9,),
    "search": (17,),
    "surveillance": (17,),
}
# The commitments of the OSCE participating States a written contribution to the human dimension meeting
# is read against: the paragraphs of the Document of the Copenhagen Meeting of the Conference on the
# Human Dimension of the CSCE (29 June 1990) on the freedoms the Covenant's articles 19, 21 and 22
# protect. A contribution cites one only where some person's recorded facts engage that article.
COPENHAGEN_PARAGRAPHS = (
    (19, "9.1", N_("osce commitment", "freedom of expression, including the freedom to hold opinions and to receive "
                   "and impart information and ideas")),
    (21, "9.2", N_("osce commitment", "the right of peaceful assembly and demonstration")),
    (22, "9.3", N_("osce commitment", "the right of association")),
)
# And the paragraph of the Document of the Moscow Meeting of the Conference on the Human Dimension of the CSCE
# (3 October 1991) on arrest and detention, which a deprivation of liberty (article 9 of the Covenant) engages.
MOSCOW_PARAGRAPHS = (
    (9, "23.1", N_("osce commitment", "the guarantees against arbitrary arrest and detention")),
)
# The rights of the Constitution of the Republic of Kazakhstan (1995, as amended; these articles keep their
# numbers) a complaint to the Prosecutor General invokes, each only for the complainants whose own recorded
# facts concern it (claims.constitution_rights): by the article cited, what it guarantees.
CONSTITUTION_RIGHTS = {
    "13(3)": N_("constitution", "the right to qualified legal assistance (article 13(3))"),
    "16": N_("constitution", "the right to personal liberty (article 16)"),
    "17(2)": N_("constitution", "the prohibition of torture, violence and other cruel or degrading treatment or "
                "punishment (article 17(2))"),
    "18": N_("constitution", "the right to the inviolability of private life and to the secrecy of correspondence "
             "and telephone conversations (article 18)"),
    "20": N_("constitution", "freedom of speech (article 20)"),
    "23": N_("constitution", "freedom of association (article 23)"),
    "25": N_("constitution", "the inviolability of the home (article 25)"),
    "32": N_("constitution", "the right to assemble peacefully and without weapons, to hold meetings, rallies, "
             "demonstrations, marches and pickets (article 32)"),
}
# The Constitution of 30 August 1995, whose articles the documents cite (CONSTITUTION_RIGHTS; article 4(3) on the
# priority of ratified treaties over the laws), was replaced by the Constitution adopted by referendum on 15 March
# 2026, in force from 1 July 2026 (as the press reported it; found with the search tool in session 7). Its numbering
# differs and was not verified: an act on or after that day, or a document dated from it, cites no article by number.
CONSTITUTION_OF_1995_UNTIL = datetime.date(2026, 7, 1)

# The law on peaceful assemblies in force on a day: the Law of 25 May 2020 No. 333-VI replaced the Decree of
# 17 March 1995 No. 2126 on the day it entered into force, after its signature (25 May 2020) and its official
# publication. That day could not be checked (the search tool found neither the publication nor the Law's last
# article): the Law was in force by 25 June 2020, when a district council (maslikhat) decided under its article 8
# (adilet.zan.kz, V20LD007557). On a day between, which governed the assembly is the lawyer's to say.
ASSEMBLY_LAW_SIGNED = datetime.date(2020, 5, 25)
ASSEMBLY_LAW_IN_FORCE_BY = datetime.date(2020, 6, 25)
ASSEMBLY_LAWS = {
    "decree-1995": N_("assembly law", "the Decree of the President of the Republic of Kazakhstan having the force of "
                      "law of 17 March 1995 No. 2126 \"On the procedure for organising and holding peaceful "
                      "assemblies, rallies, marches, pickets and demonstrations in the Republic of Kazakhstan\""),
    "law-2020": N_("assembly law", "the Law of the Republic of Kazakhstan of 25 May 2020 No. 333-VI \"On the "
                   "procedure for organising and holding peaceful assemblies in the Republic of Kazakhstan\""),
}


def assembly_law(day: datetime.date) -> str | None:
    """The key of ASSEMBLY_LAWS in force on `day`; None between the 2020 Law's signature and the day it was
    certainly in force, when which one was is not settled."""
    if day < ASSEMBLY_LAW_SIGNED:
        return "decree-1995"
    return "law-2020" if day >= ASSEMBLY_LAW_IN_FORCE_BY else None


# Measures that punish: one imposed with no legal basis at all is a punishment without law (article 15).
PENALTIES = ("administrative_arrest", "fine", "conviction", "imprisonment", "restriction_of_freedom")

CODES = {
    "CAO": N_("legal code", "Code of Administrative Offences"),
    "CC": N_("legal code", "Criminal Code"),
}
# The abbreviations lists use ("ст. 488 КоАП РК").
CODE_ABBREVIATIONS = {
    "CAO": N_("legal code abbreviation", "CAO"),
    "CC": N_("legal code abbreviation", "CC"),
}
# How each code is typed: English, Russian and Kazakh abbreviations.
_CODE_SPELLINGS = {
    "cao": "CAO", "коап": "CAO", "әқбтк": "CAO", "акбтк": "CAO",
    "cc": "CC", "ук": "CC", "қк": "CC", "кк": "CC",
}
_NUMBER = re.compile(r"\d+")
_PART = re.compile(r"\((\d+)\)|(?:ч\.?|часть|part|p\.)\s*(\d+)|(\d+)\s*-?\s*бөл", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Provision:
    code: str  # "CAO" or "CC"
    article: int
    part: int | None = None

    def describe(self, lang: Language, under: bool = False, short: bool = False) -> str:
        """ "Article 405(2) of the Criminal Code", or with under=True "under Article 405(2) ...";
        short=True (with under) is the abbreviated reference lists use: "under art. 405(2) CC".

        Whole phrases per form, because the case of the words changes with them
        (ru "статья 405" / "по статье 405"; kk "405-бабы" / "405-бабы бойынша").
        """
        if short:
            abbreviation = lang.pgettext("legal code abbreviation", CODE_ABBREVIATIONS[self.code])
            phrase = (N_("provision", "under art. {article}({part}) {code}") if self.part
                      else N_("provision", "under art. {article} {code}"))
            return lang.pgettext("provision", phrase).format(article=self.article, part=self.part, code=abbreviation)
        code = lang.pgettext("legal code", CODES[self.code])
        if under:
            phrase = (N_("provision", "under Article {article}({part}) of the {code}") if self.part
                      else N_("provision", "under Article {article} of the {code}"))
        else:
            phrase = (N_("provision", "Article {article}({part}) of the {code}") if self.part
                      else N_("provision", "Article {article} of the {code}"))
        return lang.pgettext("provision", phrase).format(article=self.article, part=self.part, code=code)


def parse_provision(text: str | None) -> Provision | None:
    """'CAO 488', 'CC 405(2)', 'ст. 488 КоАП РК', 'УК 405 ч.2' → a Provision; anything else → None."""
    if not text:
        return None
    words = re.findall(r"[^\W\d_]+", text.casefold())
    codes = {_CODE_SPELLINGS[word] for word in words if word in _CODE_SPELLINGS}
    numbers = _NUMBER.findall(text)
    if len(codes) != 1 or not numbers:
        return None
    part_match = _PART.search(text)
    part = next((int(group) for group in part_match.groups() if group), None) if part_match else None
    return Provision(codes.pop(), int(numbers[0]), part)


# How intake staff record that the authorities invoked no legal basis at all (an empty cell says
# only that none is recorded).
NO_BASIS = {"none", "no", "нет", "не указано", "жоқ", "көрсетілмеген"}


def no_basis(text: str | None) -> bool:
    return text is not None and text.strip().casefold() in NO_BASIS


def describe_basis(lang: Language, text: str | None) -> str:
    """The legal basis in the document's language when it is recognised, else as written."""
    if no_basis(text):
        return lang.pgettext("legal basis", "none was invoked")
    provision = parse_provision(text)
    return provision.describe(lang) if provision else (text or "")
