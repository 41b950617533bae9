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

from .collation import alphabetical
from .gazetteer import Gazetteer
from .i18n import N_, Language, language
from .paths import refuse_existing
from .schema import EPISODES, EVENTS, SHEETS, Column, Kind, Sheet, Vocabulary
from .spreadsheet import print_to_width, save_new, wrapped_height, write_cell

DATE_FORMAT = "dd.mm.yyyy"
LAST_ROW = 1_048_576  # data validations and formats cover every row below the header
EVENT_ROWS = 1000
HEADER_FILL = "DDEBF7"
INSTRUCTIONS_WIDTH = 80
CITIES = "cities"  # the named range of the places' dropdown

INSTRUCTIONS_TITLE = N_("instructions", "Instructions")
# (the heading's message context, the heading, the paragraph)
INSTRUCTIONS = (
    ("instructions", N_("instructions", "Intake workbook"), None),
    ("instructions", N_("instructions", "What it is for"), N_("instructions",
        "This workbook collects what a collective complaint needs: the events, the people who appealed (the "
        "complainants), what was done to each of them (the episodes) and the appeals they made in Kazakhstan "
        "(the remedies). The lawyers turn it into the complaint in English, Russian and Kazakh.")),
    *(("sheet", sheet.key, sheet.help) for sheet in SHEETS),
    ("instructions", N_("instructions", "Who is included"), N_("instructions",
        "A complainant appears in the documents only when both {appeal_form} and {poa} are filled in: the "
        "signed appeal form and the signed power of attorney have been received. Everyone else is listed as "
        "left out, with the reason.")),
    ("instructions", N_("instructions", "Names and privacy"), N_("instructions",
        "A person is named in public documents only when {consent} says yes; otherwise they appear as "
        "Complainant No. N. Dates of birth, document numbers and contacts never appear in the documents. The "
        "workbook itself holds personal data: keep it safe and do not send it through open messengers.")),
    ("instructions", N_("instructions", "How to fill it in"), N_("instructions",
        "Keep the column titles in row 1 as they are. Point at a title to read what goes in its column. Type "
        "dates as DD.MM.YYYY. Choose coded values from the dropdown lists; cities may also be typed. Do not "
        "merge cells, hide rows or use formulas.")),
    ("instructions", N_("instructions", "Checking"), N_("instructions",
        "Send the workbook to the lawyers. They check it with the complaints tool, which returns a copy with "
        "every problem coloured and explained in a note on its cell.")),
    ("instructions", N_("instructions", "Help"), N_("instructions",
        "If something is unclear, ask the lawyer who sent you this workbook.")),
)

LISTS_TITLE = N_("template", "Lists")
NOT_IN_LIST = N_("template", "Not in the list")
CHOOSE_FROM_LIST = N_("template", "Choose a value from the list.")
CHOOSE_EVENT = N_("template", "Use an event code from the {sheet} sheet.")


def write_template(lang_code: str, out: Path, force: bool = False) -> None:
    """Write a blank intake workbook in `lang_code` to `out`, which must not exist unless `force`."""
    out = Path(out)
    refuse_existing(out, force)
    lang = language(lang_code)
    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet a new workbook starts with
    _instructions(book.create_sheet(lang.pgettext("instructions", INSTRUCTIONS_TITLE)), lang)
    data_sheets = {sheet.key: _data_sheet(book, sheet, lang) for sheet in SHEETS}
    _lists(book, lang, data_sheets)
    save_new(book, out, force)


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
        title = column.title(lang)
        cell = worksheet.cell(1, position)
        write_cell(cell, title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        note = column.note(lang)
        cell.comment = Comment(note, "complaints", width=260, height=30 + 15 * (len(note) // 38 + 1))
        dimension = worksheet.column_dimensions[letter]
        dimension.width = 36 if column.wide else min(max(14, len(title) + 3), 30)
        # Text, so that 012345678 keeps its zero and "+7 701..." is not taken for a formula.
        dimension.number_format = DATE_FORMAT if column.kind is Kind.DATE else "0" if column.kind is Kind.COUNT else "@"
    worksheet.row_dimensions[1].height = 32
    worksheet.freeze_panes = "A2"
    worksheet.print_title_rows = "1:1"
    print_to_width(worksheet, landscape=True)
    return worksheet


def _coded_columns() -> list[tuple[Sheet, Column]]:
    return [(sheet, column) for sheet in SHEETS for column in sheet.columns
            if column.vocabulary or column.kind is Kind.PLACE]


def _lists(book: Workbook, lang: Language, data_sheets: dict) -> None:
    """The dropdowns' values, on a hidden sheet, and the dropdowns themselves."""
    vocabularies: dict[str, Vocabulary] = {}
    for _, column in _coded_columns():
        if column.vocabulary:
            vocabularies.setdefault(column.vocabulary.list_name, column.vocabulary)
    lists = {name: vocabulary.offered(lang) for name, vocabulary in vocabularies.items()}
    lists[CITIES] = alphabetical(lang.code, {place.name(lang.code) for place in Gazetteer.default()})
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
    dropdowns: list[tuple[Sheet, str, str, str | None]] = [
        (EPISODES, "event_id", "event_ids", lang.pgettext("template", CHOOSE_EVENT).format(sheet=events.title))]
    for sheet, column in _coded_columns():
        # Free text too (no error): several values go in one cell, and a place may be missing from the list.
        strict = column.kind in (Kind.CODED, Kind.YES_NO)
        dropdowns.append((sheet, column.key, column.vocabulary.list_name if column.vocabulary else CITIES,
                          choose if strict else None))
    for sheet, key, name, error in dropdowns:
        validation = DataValidation(type="list", formula1=name, allow_blank=True, showErrorMessage=bool(error),
                                    errorTitle=lang.pgettext("template", NOT_IN_LIST), error=error)
        letter = get_column_letter(_position(sheet, key))
        validation.add(f"{letter}2:{letter}{LAST_ROW}")
        data_sheets[sheet.key].add_data_validation(validation)


def _position(sheet: Sheet, key: str) -> int:
    return next(index for index, column in enumerate(sheet.columns, start=1) if column.key == key)
