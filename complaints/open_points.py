"""Open points: what a document needs and the workbook does not say.

Where the data is silent a document never prints a plausible default: it prints a visible
marker in its own language ("[to complete: nationality]") that the lawyer must replace. The
templates make the markers with `to_complete(field, complainant_id)`; the build reads them
back from the rendered HTML, so the list of open points is exactly what the document shows.
A document holding any is a draft (marked in every page header), and `build --final`
refuses to write it.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale
from lxml import html as lxml_html
from markupsafe import Markup

from .i18n import N_, Language

# Every field a document may leave open, with its name as the marker prints it (context "open point").
FIELDS = {
    "nationality": N_("open point", "nationality"),
    "place_of_birth": N_("open point", "place of birth"),
    "occupation": N_("open point", "profession or activity"),
    "affiliation": N_("open point", "affiliation or activity"),
    "sex": N_("open point", "sex"),
    "date_of_birth": N_("open point", "date of birth"),
    "residence": N_("open point", "place of usual residence"),
    "id_document": N_("open point", "identity document number"),
    "name_latin": N_("open point", "the name in Latin letters as the passport spells it"),
    "arrest_date": N_("open point", "date of arrest"),
    "arrest_place": N_("open point", "place of arrest"),
    "arresting_authority": N_("open point", "forces who carried out the arrest"),
    "ordering_authority": N_("open point", "authority that ordered the deprivation of liberty"),
    "warrant": N_("open point", "whether a warrant or decision was shown, and by which authority"),
    "reasons_given": N_("open point", "reasons given by the authorities"),
    "legal_basis": N_("open point", "legal basis invoked"),
    "place_of_detention": N_("open point", "place of detention"),
    # A convict is not «содержится»: he serves a sentence («место отбывания наказания», reader s8, s9).
    "place_of_imprisonment": N_("open point", "place where the sentence is served"),
    "detention_status": N_("open point", "whether the person is still deprived of liberty, or the date of release"),
    # The same question in a communication, which names its subject the author (reader s9 final).
    "author_detention_status": N_("open point", "whether the author is still deprived of liberty, or the date of "
                                  "release"),
    "lawyer_access": N_("open point", "whether the person had access to a lawyer"),
    "release_request": N_("open point", "whether to ask for the author's immediate release, if the deprivation of "
                          "liberty continues"),
    "domestic_remedies": N_("open point", "domestic remedies exhausted, or why they were not available or effective"),
    "pending_remedies": N_("open point", "why the communication is submitted before the pending remedy is decided "
                           "(for example, the remedy is ineffective or unduly prolonged)"),
    "other_procedures": N_("open point",
                           "whether the same matter is being examined under another international procedure"),
    "wgad_parallel": N_("open point", "the representative's position on whether the Working Group's examination of "
                        "the same case is another procedure of international investigation or settlement"),
    "wgad_parallel_and_other": N_("open point", "the representative's position on whether the Working Group's "
                                  "examination of the same case is another procedure of international investigation "
                                  "or settlement, and whether any other such procedure examines the same matter"),
    "court_remedy": N_("open point", "why no remedy before a court was used (for example a complaint to the court "
                       "against the actions of the police or the prosecutor), or whether one is pending"),
    # Asked once above the table of victims, for all of them or for those numbered after it (reader s9 F41).
    "consent_to_government": N_("open point", "whether each person consents to his or her name being given to the "
                                "Government"),
    "articles": N_("open point", "the articles of the Covenant violated, and the facts supporting each"),
    "article_15": N_("open point", "whether article 15 (no punishment without law) is claimed for the "
                     "conviction, and on which facts"),
    "article_12": N_("open point", "whether article 12 (freedom of movement) is claimed for the restriction of "
                     "freedom or the house arrest, and on which facts"),
    "article_7": N_("open point", "whether article 7 (torture and ill-treatment) is claimed for the force used "
                    "against the person or the statement forced from him or her, and on which facts"),
    "article_14_hearing": N_("open point", "whether article 14, paragraph 3 (b), is claimed for the penalty imposed "
                             "at a hearing on the day of the detention or the day after: whether the person asked "
                             "for time to prepare a defence, for a lawyer or for an adjournment, and was refused "
                             "(articles cell: +14 or -14)"),
    "article_14_confession": N_("open point", "whether article 14, paragraph 3 (g), is claimed for a confession "
                                "obtained by the ill-treatment recorded before the conviction, and on which facts "
                                "(articles cell: +14 or -14)"),
    # The same two decisions as the Working Group's questionnaire asks them: the one cell also decides
    # Category III, which only that document names, as the other bodies have no categories (reader s9).
    "category_iii_hearing": N_("open point", "whether Category III (article 14, paragraph 3 (b), of the Covenant) is "
                               "claimed for the penalty imposed at a hearing on the day of the detention or the day "
                               "after: whether the person asked for time to prepare a defence, for a lawyer or for an "
                               "adjournment, and was refused (articles cell: +14 or -14)"),
    "category_iii_confession": N_("open point", "whether Category III (article 14, paragraph 3 (g), of the Covenant) "
                                  "is claimed for a confession obtained by the ill-treatment recorded before the "
                                  "conviction, and on which facts (articles cell: +14 or -14)"),
    "article_7_placement": N_("open point", "whether article 7 (torture and ill-treatment) is claimed for the "
                              "placement in a psychiatric institution: the treatment or conditions the person was "
                              "subjected to there, and on which facts"),
    "article_9_threats": N_("open point", "whether article 9 (security of person) is claimed for the threats: whether "
                            "they were directed at the person's life or physical or mental integrity, and on which "
                            "facts"),
    # A threat is listed under the freedom it targets by the ground recorded for it (claims.unlinked_threats).
    # Every ground claims.ARTICLES_BY_GROUND links to a right, the elections' too (reader s11 H5).
    "threats_right": N_("open point", "which right the threats interfered with, by the ground the person was "
                        "targeted for (the Episodes column grounds: a protest engages article 21, an online post "
                        "article 19, membership of an association article 22, campaigning articles 19 and 25, "
                        "election observation article 25)"),
    "article_17_seizure": N_("open point", "whether article 17 (privacy and correspondence) is claimed for the "
                             "seizure: whether means of communication, correspondence or personal records were "
                             "seized, and on which facts"),
    "constitution_17_2": N_("open point", "whether article 17(2) of the Constitution (torture, violence and other "
                            "cruel or degrading treatment) is invoked for the force used against the person or the "
                            "statement forced from him or her, and on which facts"),
    # Article 18 of the Constitution protects correspondence: a phone taken or checked, one tag, may or may not
    # have been searched.
    "constitution_18": N_("open point", "whether the phones recorded as taken or checked were searched (their "
                          "messages or data read), for article 18 of the Constitution (private life, secrecy of "
                          "correspondence and telephone conversations) and article 17 of the Covenant: +17 or -17 in "
                          "the Complainants column articles"),
    # Article 25 of the Constitution protects the home: it is cited where a search is recorded as of one.
    "constitution_25": N_("open point", "whether the searches were of the complainants' homes, for article 25 of the "
                          "Constitution (inviolability of the home): the Episodes column home_searched"),
    # Of article 25, only (c), access to public service, can reach a dismissal, and only from a post in the State's
    # service (reader s8, s9 N7); it never reaches an expulsion from study.
    "articles_25_26": N_("open point", "whether article 25 (c) (access to public service), if the employer is a State "
                         "body or institution, and article 26 (equality before the law and non-discrimination) are "
                         "claimed for the dismissal, and on which facts"),
    "article_26": N_("open point", "whether article 26 (equality before the law and non-discrimination) is claimed "
                     "for the expulsion from study, and on which facts"),
    "episodes": N_("open point", "the acts of persecution against the author (the Episodes sheet records none)"),
    "translation": N_("open point", "a translation of the text before this mark into the language of the document"),
    # After "Why the matter is urgent:", so not its words again.
    "urgency": N_("open point", "the risk to the person's life, health or integrity that makes the matter urgent"),
    # No mandate of MANDATES (context.mandates) is engaged by the data of the persons a Special Procedures document
    # lists: the lawyer chooses whom to address.
    "mandates": N_("open point", "the Special Procedures mandates to address"),
    "arbitrariness": N_("open point", "the category of arbitrary detention and the facts supporting it"),
    "remedy_date": N_("open point", "the date of the decision on the remedy"),
    "court_acts": N_("open point", "the court acts to be protested (court, date and number), or that none was "
                     "taken"),
    "court_act_date": N_("open point", "the date of the court act"),
    # In the genitive where the language needs it: the list of authorities has that form of each court it knows.
    "court_of": N_("open point", "the name of the court, as in \"the ruling of the … court\""),
    "annex_publication": N_("open point", "whether the document below may go with this public submission (it "
                            "must name no one who has not agreed to be named): yes or no in the public column of "
                            "the Attachments sheet"),
    "power_of_attorney": N_("open point", "a scan of the signed power of attorney, to be annexed (Attachments sheet)"),
    # Asked once above a list of several complainants whose scans are missing (reader s11 D1).
    "powers_of_attorney": N_("open point", "scans of the signed powers of attorney, to be annexed (Attachments "
                             "sheet)"),
    "interim_measures": N_("open point", "whether to ask the Committee for interim measures under its rules of "
                           "procedure while the author is held (case.toml: interim_measures.<id>.request = true or "
                           "false)"),
    "interim_reasons": N_("open point", "the irreparable harm the interim measures are to prevent"),
    "osce_meeting": N_("open point", "the first day of the meeting this contribution is for (case.toml: osce.opens)"),
    "osce_meeting_passed": N_("open point", "a meeting this contribution can still be submitted to: it is dated after "
                              "the meeting opened"),
    "assembly_law": N_("open point", "the law on peaceful assemblies in force on the day of an assembly between 25 May "
                       "and 24 June 2020: the Law of 25 May 2020 No. 333-VI replaced the Decree of 1995 No. 2126 on "
                       "the day it entered into force"),
    "constitution_articles": N_("open point", "the articles of the Constitution in force since 1 July 2026 that "
                                "guarantee these rights (some acts date from that day or later; the articles of the "
                                "Constitution of 1995 are not cited for them)"),
    "signatory": N_("open point", "name of the signatory"),
    "signatory_position": N_("open point", "position of the signatory"),
    "place": N_("open point", "place of signature"),
    "body_address": N_("open point", "name and address of the receiving body"),
    "organisation": N_("open point", "name of the submitting organisation"),
    "organisation_address": N_("open point", "address of the submitting organisation"),
    "organisation_email": N_("open point", "e-mail of the submitting organisation"),
    "contact_person": N_("open point", "contact person of the submitting organisation"),
}

CSS_CLASS = "open-point"
UNTRANSLATED_CLASS = "untranslated"


@dataclass(frozen=True, order=True)
class OpenPoint:
    """One marker: the field left open, and the complainant it concerns ("" for the document)."""

    complainant_id: str
    field: str


def describe(points: tuple[OpenPoint, ...]) -> str:
    """One line: "C001: nationality, occupation; signatory" (fields by complainant, then the document's)."""
    by_complainant: dict[str, list[str]] = {}
    for point in sorted(points):
        by_complainant.setdefault(point.complainant_id, []).append(point.field)
    return "; ".join(f"{who}: {', '.join(fields)}" if who else ", ".join(fields)
                     for who, fields in sorted(by_complainant.items(), key=lambda item: (not item[0], item[0])))


def field_label(lang: Language, field: str, complainant_id: str = "") -> str:
    """The open point's words in `lang`, a setting's "<id>" replaced by the complainant's own id, so that
    the lawyer reads the key to set («interim_measures.C042.request», reader s9)."""
    label = lang.pgettext("open point", FIELDS[field])
    return label.replace("<id>", complainant_id) if complainant_id else label


def marker_function(lang: Language):
    """The templates' `to_complete(field, complainant_id="", short=False)`: the marker as markup. An unknown
    field is a template error, so that every marker is in FIELDS and its catalogs."""
    def to_complete(field: str, complainant_id: str = "", short: bool = False) -> Markup:
        """short: the bare marker, for a table cell whose question the document states once above it."""
        text = (lang.pgettext("open point", "[to complete]") if short
                else lang.pgettext("open point", "[to complete: {field}]").format(
                    field=field_label(lang, field, complainant_id)))
        return Markup('<span class="{css}" data-field="{field}" data-complainant="{who}">{text}</span>').format(
            css=CSS_CLASS, field=field, who=complainant_id, text=text)
    return to_complete


def untranslated_marker(lang: Language, original: str, complainant_id: str = "") -> Markup:
    """The mark after a free text printed in another language than the document's: "[original
    language: Kazakh]", as markup the build reads back (untranslated_texts)."""
    name = Locale.parse(lang.code).languages.get(original, original)
    text = lang.pgettext("untranslated", "[original language: %(language)s]") % {"language": name}
    return Markup('<span class="{css}" data-language="{original}" data-complainant="{who}">{text}</span>').format(
        css=UNTRANSLATED_CLASS, original=original, who=complainant_id, text=text)


def untranslated_texts(document: str) -> int:
    """How many free texts a rendered HTML document prints in another language than its own."""
    root = lxml_html.document_fromstring(document)
    return sum(1 for _ in root.iterfind(f".//span[@class='{UNTRANSLATED_CLASS}']"))


def open_points(document: str) -> tuple[OpenPoint, ...]:
    """The markers of a rendered HTML document, each once, in a fixed order."""
    root = lxml_html.document_fromstring(document)
    found = {OpenPoint(span.get("data-complainant", ""), span.get("data-field", ""))
             for span in root.iterfind(f".//span[@class='{CSS_CLASS}']")}
    return tuple(sorted(found))
