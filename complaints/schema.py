"""The workbook's data contract: sheets, columns, and the vocabularies of coded cells.

Canonical names are English keys. Each catalog translates them (message
context "sheet", "column", "measure", ...), and a header or a coded value is
accepted in any language that has a catalog: adding a language adds its titles.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_, language, languages


@dataclass(frozen=True)
class Column:
    key: str
    required: bool = False  # the cell must be filled in every row
    kind: str = "text"  # text | date | id | per_language


@dataclass(frozen=True)
class Sheet:
    key: str
    columns: tuple[Column, ...]
    id_column: str | None = None
    required: bool = True  # a workbook without it cannot be read

    def column(self, key: str) -> Column:
        return next(column for column in self.columns if column.key == key)


EVENTS = Sheet(
    N_("sheet", "Events"),
    (
        Column(N_("column", "event_id"), required=True, kind="id"),
        Column(N_("column", "date"), required=True, kind="date"),
        Column(N_("column", "date_end"), kind="date"),
        Column(N_("column", "label_en")),
        Column(N_("column", "label_ru")),
        Column(N_("column", "label_kk")),
        Column(N_("column", "summary_en")),
        Column(N_("column", "summary_ru")),
        Column(N_("column", "summary_kk")),
    ),
    id_column="event_id",
)

COMPLAINANTS = Sheet(
    N_("sheet", "Complainants"),
    (
        Column(N_("column", "complainant_id"), required=True, kind="id"),
        Column(N_("column", "surname"), required=True),
        Column(N_("column", "given_name"), required=True),
        Column(N_("column", "patronymic")),
        Column(N_("column", "surname_latin")),
        Column(N_("column", "given_name_latin")),
        Column(N_("column", "sex")),
        Column(N_("column", "date_of_birth"), kind="date"),
        Column(N_("column", "city")),
        Column(N_("column", "id_document"), kind="id"),
        Column(N_("column", "appeal_form_date"), kind="date"),
        Column(N_("column", "poa_date"), kind="date"),
        Column(N_("column", "poa_scope")),
        Column(N_("column", "consent_to_name")),
        Column(N_("column", "contact")),
        Column(N_("column", "notes")),
    ),
    id_column="complainant_id",
)

EPISODES = Sheet(
    N_("sheet", "Episodes"),
    (
        Column(N_("column", "complainant_id"), required=True, kind="id"),
        Column(N_("column", "event_id"), kind="id"),
        Column(N_("column", "date"), kind="date"),
        Column(N_("column", "city")),
        Column(N_("column", "measure"), required=True),
        Column(N_("column", "legal_basis")),
        Column(N_("column", "penalty")),
        Column(N_("column", "authority")),
        Column(N_("column", "description")),
    ),
)

# Domestic remedies: what each complainant tried at home, which the Human Rights
# Committee needs to see exhausted.
REMEDIES = Sheet(
    N_("sheet", "Remedies"),
    (
        Column(N_("column", "complainant_id"), required=True, kind="id"),
        Column(N_("column", "date"), kind="date"),
        Column(N_("column", "authority")),
        Column(N_("column", "action")),
        Column(N_("column", "outcome")),
        Column(N_("column", "outcome_date"), kind="date"),
    ),
    required=False,
)

SHEETS = (EVENTS, COMPLAINANTS, EPISODES, REMEDIES)

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
    "restriction_of_freedom": N_("measure", "restriction of freedom"),
    "search": N_("measure", "search"),
    "surveillance": N_("measure", "surveillance"),
    "threats": N_("measure", "threats"),
    "ill_treatment": N_("measure", "torture or ill-treatment"),
    "psychiatric_placement": N_("measure", "placement in a psychiatric institution"),
    "confiscation": N_("measure", "confiscation of property"),
    "dismissal": N_("measure", "dismissal from work or study"),
    "other": N_("measure", "other measures"),
}

# Coded cells: each canonical value and its accepted spellings, "|"-separated,
# translated per catalog so that each language brings its own words.
SEX = {
    "F": N_("sex values", "F|female|woman"),
    "M": N_("sex values", "M|male|man"),
}
YES_NO = {
    True: N_("yes no values", "yes|y|true|1"),
    False: N_("yes no values", "no|n|false|0"),
}
POA_SCOPES = {
    "publish": N_("poa scope values", "publish|publication"),
    "represent": N_("poa scope values", "represent|representation"),
    "appeal": N_("poa scope values", "appeal|appeals"),
}


def fold(text: str) -> str:
    """Compare headers and coded values without regard to case, spacing or underscores."""
    return " ".join(text.replace("_", " ").replace("\u00a0", " ").casefold().split())


def localized_titles(context: str, key: str) -> set[str]:
    """The key and its translation in every catalog, folded."""
    titles = {fold(key)}
    for code in languages():
        titles.add(fold(language(code).pgettext(context, key)))
    return titles


def title_in(lang: str, context: str, key: str) -> str:
    return language(lang).pgettext(context, key)


def spellings(context: str, values: dict) -> dict[str, object]:
    """Map every accepted spelling (folded) of a coded cell to its canonical value."""
    accepted: dict[str, object] = {}
    for canonical, message in values.items():
        for code in languages():
            for word in language(code).pgettext(context, message).split("|"):
                accepted.setdefault(fold(word), canonical)
    return accepted


def measure_spellings() -> dict[str, str]:
    accepted = {fold(key): key for key in MEASURES}
    for key, label in MEASURES.items():
        for code in languages():
            accepted.setdefault(fold(language(code).pgettext("measure", label)), key)
    return accepted
