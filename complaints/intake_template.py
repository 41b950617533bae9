"""A blank intake workbook that guides whoever fills it in, in their language.

Titles are the catalog's, so the filled workbook reads back as it was written.
Every header cell carries a note on what goes in the column; coded columns offer
their values in a dropdown; identifiers are text so that leading zeros survive.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from .errors import UsageError
from .gazetteer import Gazetteer
from .i18n import N_, Language, language
from .schema import (
    COMPLAINANTS,
    EPISODES,
    EVENTS,
    MEASURES,
    POA_SCOPES,
    REMEDIES,
    SEX,
    SHEETS,
    YES_NO,
    Sheet,
)
from .spreadsheet import print_to_width, save_new, wrapped_height, write_cell

DATE_FORMAT = "dd.mm.yyyy"
LAST_ROW = 1_048_576  # data validations and formats cover every row below the header
EVENT_ROWS = 1000
HEADER_FILL = "DDEBF7"
INSTRUCTIONS_WIDTH = 80
WIDE_COLUMNS = {"label_en", "label_ru", "label_kk", "summary_en", "summary_ru", "summary_kk", "legal_basis",
                "penalty", "authority", "description", "action", "outcome", "notes", "contact"}

_REFERENCE_TO_COMPLAINANT = N_("column help", "The code of the complainant, as on the Complainants sheet.")
HELP = {
    (EVENTS.key, "event_id"): N_("column help", "A short code of your choice for the event, such as 2022-01-almaty. Episodes refer to it."),
    (EVENTS.key, "date"): N_("column help", "The day the event took place or began."),
    (EVENTS.key, "date_end"): N_("column help", "The last day, if the event lasted several days; otherwise leave it empty."),
    (EVENTS.key, "label_en"): N_("column help", "The name of the event as the English documents print it, such as: the peaceful rally of 6 January 2022 in Almaty."),
    (EVENTS.key, "label_ru"): N_("column help", "The name of the event as the Russian documents print it."),
    (EVENTS.key, "label_kk"): N_("column help", "The name of the event as the Kazakh documents print it."),
    (EVENTS.key, "summary_en"): N_("column help", "A few sentences in English on what happened and how the authorities responded."),
    (EVENTS.key, "summary_ru"): N_("column help", "A few sentences in Russian on what happened and how the authorities responded."),
    (EVENTS.key, "summary_kk"): N_("column help", "A few sentences in Kazakh on what happened and how the authorities responded."),
    (COMPLAINANTS.key, "complainant_id"): N_("column help", "A short code for the person, different on every row, such as C001. Do not use the name."),
    (COMPLAINANTS.key, "surname"): N_("column help", "The surname as in the identity document."),
    (COMPLAINANTS.key, "given_name"): N_("column help", "The given name as in the identity document."),
    (COMPLAINANTS.key, "patronymic"): N_("column help", "The patronymic, if the person has one."),
    (COMPLAINANTS.key, "surname_latin"): N_("column help", "The surname in Latin letters exactly as in the passport; the English documents use it."),
    (COMPLAINANTS.key, "given_name_latin"): N_("column help", "The given name in Latin letters exactly as in the passport."),
    (COMPLAINANTS.key, "sex"): N_("column help", "Choose from the list."),
    (COMPLAINANTS.key, "date_of_birth"): N_("column help", "The date of birth. It never appears in the documents."),
    (COMPLAINANTS.key, "city"): N_("column help", "The city or town where the person lives. Choose from the list or type it."),
    (COMPLAINANTS.key, "id_document"): N_("column help", "The number of the identity document as printed, with any leading zeros. It never appears in the documents."),
    (COMPLAINANTS.key, "appeal_form_date"): N_("column help", "The day the signed appeal form was received. Without it the person is left out of the documents."),
    (COMPLAINANTS.key, "poa_date"): N_("column help", "The day the signed power of attorney was received. Without it the person is left out of the documents."),
    (COMPLAINANTS.key, "poa_scope"): N_("column help", "What the power of attorney allows: publish, represent, appeal, separated by commas. Leave it empty when it allows all three."),
    (COMPLAINANTS.key, "consent_to_name"): N_("column help", "Yes if the person agreed to be named in public documents; otherwise they appear there as Complainant No. N."),
    (COMPLAINANTS.key, "contact"): N_("column help", "A phone number or e-mail address, for the lawyers only. It never appears in the documents."),
    (COMPLAINANTS.key, "notes"): N_("column help", "Anything the lawyers should know. It never appears in the documents."),
    (EPISODES.key, "complainant_id"): _REFERENCE_TO_COMPLAINANT,
    (EPISODES.key, "event_id"): N_("column help", "The code of the event, as on the Events sheet, if the episode belongs to one. Choose from the list."),
    (EPISODES.key, "date"): N_("column help", "The day of the episode: the detention, the search, the court hearing."),
    (EPISODES.key, "city"): N_("column help", "Where it happened. Choose from the list or type it."),
    (EPISODES.key, "measure"): N_("column help", "What was done to the person. Choose from the list; one measure per row."),
    (EPISODES.key, "legal_basis"): N_("column help", "The article of law the authorities relied on, such as Article 488 of the Code of Administrative Offences."),
    (EPISODES.key, "penalty"): N_("column help", "The penalty imposed, such as 10 days of arrest or a fine of 50 MCI."),
    (EPISODES.key, "authority"): N_("column help", "The body that acted: a police department, a court."),
    (EPISODES.key, "description"): N_("column help", "A short account of what happened, in any language."),
    (REMEDIES.key, "complainant_id"): _REFERENCE_TO_COMPLAINANT,
    (REMEDIES.key, "date"): N_("column help", "The day the appeal or complaint was filed."),
    (REMEDIES.key, "authority"): N_("column help", "The body the appeal or complaint was addressed to."),
    (REMEDIES.key, "action"): N_("column help", "What was filed: an appeal, a cassation complaint, a complaint to the prosecutor."),
    (REMEDIES.key, "outcome"): N_("column help", "The decision, such as: dismissed. Leave it empty while it is pending."),
    (REMEDIES.key, "outcome_date"): N_("column help", "The day of the decision."),
}

INSTRUCTIONS_TITLE = N_("instructions", "Instructions")
# (the heading's message context, the heading, the paragraph)
INSTRUCTIONS = (
    ("instructions", N_("instructions", "Intake workbook"), None),
    ("instructions", N_("instructions", "What it is for"), N_("instructions", "This workbook collects what a collective complaint needs: the events, the people who appealed (the complainants), what was done to each of them (the episodes) and the appeals they made in Kazakhstan (the remedies). The lawyers turn it into the complaint in English, Russian and Kazakh.")),
    ("sheet", EVENTS.key, N_("instructions", "One row per event: a rally, a wave of arrests, a court campaign.")),
    ("sheet", COMPLAINANTS.key, N_("instructions", "One row per person who appealed.")),
    ("sheet", EPISODES.key, N_("instructions", "One row per measure taken against a complainant: a detention, a fine, a search. A person may have several rows.")),
    ("sheet", REMEDIES.key, N_("instructions", "One row per appeal or complaint a complainant made in Kazakhstan. This sheet may stay empty, but the complaint is stronger with it.")),
    ("instructions", N_("instructions", "Who is included"), N_("instructions", "A complainant appears in the documents only when both {appeal_form} and {poa} are filled in: the signed appeal form and the signed power of attorney have been received. Everyone else is listed as left out, with the reason.")),
    ("instructions", N_("instructions", "Names and privacy"), N_("instructions", "A person is named in public documents only when {consent} says yes; otherwise they appear as Complainant No. N. Dates of birth, document numbers and contacts never appear in the documents. The workbook itself holds personal data: keep it safe and do not send it through open messengers.")),
    ("instructions", N_("instructions", "How to fill it in"), N_("instructions", "Keep the column titles in row 1 as they are. Point at a title to read what goes in its column. Type dates as DD.MM.YYYY. Choose coded values from the dropdown lists; cities may also be typed. Do not merge cells, hide rows or use formulas.")),
    ("instructions", N_("instructions", "Checking"), N_("instructions", "Send the workbook to the lawyers. They check it with the complaints tool, which returns a copy with every problem coloured and explained in a note on its cell.")),
    ("instructions", N_("instructions", "Help"), N_("instructions", "If something is unclear, ask the lawyer who sent you this workbook.")),
)

LISTS_TITLE = N_("template", "Lists")
NOT_IN_LIST = N_("template", "Not in the list")
CHOOSE_FROM_LIST = N_("template", "Choose a value from the list.")
CHOOSE_EVENT = N_("template", "Use an event code from the {sheet} sheet.")


def write_template(lang_code: str, out: Path) -> None:
    """Write a blank intake workbook in `lang_code` to `out`, which must not exist."""
    out = Path(out)
    if out.exists():
        raise UsageError(f"{out}: already exists; give another name or move it away")
    lang = language(lang_code)
    book = Workbook()
    book.remove(book.active)
    _instructions(book.create_sheet(lang.pgettext("instructions", INSTRUCTIONS_TITLE)), lang)
    data_sheets = {sheet.key: _data_sheet(book, sheet, lang) for sheet in SHEETS}
    _lists(book, lang, data_sheets)
    save_new(book, out)


def _instructions(worksheet, lang: Language) -> None:
    titles = {key: lang.pgettext("column", key) for key in ("appeal_form_date", "poa_date", "consent_to_name")}
    for row, (context, heading, text) in enumerate(INSTRUCTIONS, start=1):
        write_cell(worksheet.cell(row, 1), lang.pgettext(context, heading))
        worksheet.cell(row, 1).font = Font(bold=True, size=16 if text is None else 11)
        worksheet.cell(row, 1).alignment = Alignment(vertical="top", wrap_text=text is not None)
        worksheet.row_dimensions[row].height = 28
        if text:
            paragraph = lang.pgettext("instructions", text).format(
                appeal_form=titles["appeal_form_date"], poa=titles["poa_date"], consent=titles["consent_to_name"])
            write_cell(worksheet.cell(row, 2), paragraph)
            worksheet.cell(row, 2).alignment = Alignment(vertical="top", wrap_text=True)
            worksheet.row_dimensions[row].height = wrapped_height(paragraph, INSTRUCTIONS_WIDTH) + 6
    worksheet.column_dimensions["A"].width = 24
    worksheet.column_dimensions["B"].width = INSTRUCTIONS_WIDTH
    print_to_width(worksheet)


def _data_sheet(book: Workbook, sheet: Sheet, lang: Language):
    worksheet = book.create_sheet(lang.pgettext("sheet", sheet.key))
    for position, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(position)
        title = lang.pgettext("column", column.key)
        cell = worksheet.cell(1, position)
        write_cell(cell, title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        note = lang.pgettext("column help", HELP[(sheet.key, column.key)])
        cell.comment = Comment(note, "complaints", width=260, height=30 + 15 * (len(note) // 38 + 1))
        dimension = worksheet.column_dimensions[letter]
        dimension.width = 36 if column.key in WIDE_COLUMNS else min(max(14, len(title) + 3), 30)
        # Text, so that 012345678 keeps its zero and "+7 701..." is not taken for a formula.
        dimension.number_format = DATE_FORMAT if column.kind == "date" else "@"
    worksheet.row_dimensions[1].height = 32
    worksheet.freeze_panes = "A2"
    worksheet.print_title_rows = "1:1"
    print_to_width(worksheet, landscape=True)
    return worksheet


def _lists(book: Workbook, lang: Language, data_sheets: dict) -> None:
    """The dropdowns' values, on a hidden sheet, and the dropdowns themselves."""
    lists = {
        "measures": [lang.pgettext("measure", label) for label in MEASURES.values()],
        "sexes": [_first_spelling(lang, "sex values", message) for message in SEX.values()],
        "yes_no": [_first_spelling(lang, "yes no values", message) for message in YES_NO.values()],
        "poa_scopes": [_first_spelling(lang, "poa scope values", message) for message in POA_SCOPES.values()],
        "cities": sorted({place.name(lang.code) for place in Gazetteer.default()}, key=str.casefold),
    }
    worksheet = book.create_sheet(lang.pgettext("template", LISTS_TITLE))
    worksheet.sheet_state = "hidden"
    for position, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(position)
        write_cell(worksheet.cell(1, position), name)
        for row, value in enumerate(values, start=2):
            write_cell(worksheet.cell(row, position), value)
        reference = f"{quote_sheetname(worksheet.title)}!${letter}$2:${letter}${len(values) + 1}"
        book.defined_names[name] = DefinedName(name, attr_text=reference)
    events = data_sheets[EVENTS.key]
    event_column = get_column_letter(_position(EVENTS, "event_id"))
    book.defined_names["event_ids"] = DefinedName(
        "event_ids", attr_text=f"{quote_sheetname(events.title)}!${event_column}$2:${event_column}${EVENT_ROWS}")

    choose = lang.pgettext("template", CHOOSE_FROM_LIST)
    dropdowns = (
        (EPISODES, "measure", "measures", choose),
        (EPISODES, "event_id", "event_ids", lang.pgettext("template", CHOOSE_EVENT).format(sheet=events.title)),
        (COMPLAINANTS, "sex", "sexes", choose),
        (COMPLAINANTS, "consent_to_name", "yes_no", choose),
        # Free text too (no error): several scopes go in one cell, and a place may be missing from the list.
        (COMPLAINANTS, "poa_scope", "poa_scopes", None),
        (COMPLAINANTS, "city", "cities", None),
        (EPISODES, "city", "cities", None),
    )
    for sheet, key, name, error in dropdowns:
        validation = DataValidation(type="list", formula1=name, allow_blank=True, showErrorMessage=bool(error),
                                    errorTitle=lang.pgettext("template", NOT_IN_LIST), error=error)
        letter = get_column_letter(_position(sheet, key))
        validation.add(f"{letter}2:{letter}{LAST_ROW}")
        data_sheets[sheet.key].add_data_validation(validation)


def _position(sheet: Sheet, key: str) -> int:
    return next(index for index, column in enumerate(sheet.columns, start=1) if column.key == key)


def _first_spelling(lang: Language, context: str, message: str) -> str:
    return lang.pgettext(context, message).split("|")[0]
