"""A copy of the case's workbook with every problem shown where it is, for intake staff.

Problem cells are coloured (errors red, warnings amber) and carry a comment with the
message; excluded complainants' rows are grey; a first sheet lists every problem
with a link to its cell. The original is only read.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import quote_sheetname
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from .case_data import open_copy
from .i18n import N_, Language, language
from .paths import refuse_existing
from .problems import ERROR, WARNING
from .report import SEVERITY_LABELS, Issue, Report
from .schema import COMPLAINANTS, SHEETS
from .spreadsheet import print_to_width, save_new, wrapped_height, write_cell
from .workbook import find_sheet_title

AUTHOR = "complaints validate"
FILLS = {ERROR: "FFC7CE", WARNING: "FFEB9C"}
EXCLUDED_FILL = "D9D9D9"
MESSAGE_WIDTH = 90
SUMMARY_TITLE = N_("annotation", "Problems")
SUMMARY_HEADING = N_("annotation", "Problems found by complaints validate")
COLUMN_TITLES = (N_("annotation", "Severity"), N_("annotation", "Where"),
                 N_("annotation", "What is wrong and what to do"))
EXCLUSIONS_HEADING = N_("annotation", "Complainants left out of the documents")


def annotate(source: Path, report: Report, lang_code: str, out: Path, force: bool = False) -> None:
    """Write to `out` a copy of the case's data with `report` marked on it; an existing `out` is
    replaced only with `force`, and the caller has refused the case's own files and folder."""
    refuse_existing(Path(out), force)
    lang = language(lang_code)
    with open_copy(source) as book:
        for worksheet in book.worksheets:
            _neutralise(worksheet)
            print_to_width(worksheet, landscape=True)
        found = {sheet.key: find_sheet_title(sheet, book.sheetnames, str(source)) for sheet in SHEETS}
        titles = {key: title for key, title in found.items() if title}
        _mark(book, report, lang, titles)
        _summary(book, report, lang, titles)
        save_new(book, Path(out), force)


def _mark(book: Workbook, report: Report, lang: Language, titles: dict[str, str]) -> None:
    """Colour and comment each problem's cell; grey the rows of those left out."""
    notes: dict[tuple[str, str], list[str]] = defaultdict(list)
    for exclusion in report.exclusions:
        worksheet = book[titles[COMPLAINANTS.key]]
        for cell in worksheet[exclusion.row]:
            cell.fill = PatternFill("solid", fgColor=EXCLUDED_FILL)
        notes[(worksheet.title, f"A{exclusion.row}")].append(exclusion.describe(lang))
    worst: dict[tuple[str, str], str] = {}
    for issue in report.sorted_issues():
        title = titles.get(issue.sheet or "")
        if title is None:
            continue
        place = (title, _anchor(issue))
        notes[place].append(f"{_severity(issue, lang).upper()}: {issue.message(lang)}")
        if worst.get(place) != ERROR:
            worst[place] = issue.severity
    for (title, coordinate), lines in notes.items():
        cell = _shown_at(book[title], coordinate)
        if (title, coordinate) in worst:
            cell.fill = PatternFill("solid", fgColor=FILLS[worst[(title, coordinate)]])
        _comment(cell, lines)


def _neutralise(worksheet: Worksheet) -> None:
    """Rewrite every text cell through write_cell, so none of them runs as a formula."""
    for row in worksheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                write_cell(cell, cell.value)


def _anchor(issue: Issue) -> str:
    """The cell a problem is shown on: its own, else the first of its row, else A1."""
    return issue.cell or f"A{issue.row or 1}"


def _shown_at(worksheet: Worksheet, coordinate: str):
    """The cell that shows `coordinate`: the first of its merged range if it is merged away."""
    merged = next((r for r in worksheet.merged_cells.ranges if coordinate in r), None)
    return worksheet.cell(merged.min_row, merged.min_col) if merged else worksheet[coordinate]


def _severity(issue: Issue, lang: Language) -> str:
    return lang.pgettext("severity", SEVERITY_LABELS[issue.severity])


def _comment(cell, lines: list[str]) -> None:
    if cell.comment:  # the workbook's own comment stays, below the problems
        lines = [*lines, cell.comment.text]
    text = "\n\n".join(lines)
    cell.comment = Comment(text, AUTHOR, width=320, height=40 + 15 * (len(text) // 45 + 2 * len(lines)))


def _link(cell, title: str, coordinate: str) -> None:
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"{quote_sheetname(title)}!{coordinate}")
    cell.style = "Hyperlink"


def _summary(book: Workbook, report: Report, lang: Language, titles: dict[str, str]) -> None:
    title = lang.pgettext("annotation", SUMMARY_TITLE)
    while title in book.sheetnames:
        title += "+"
    sheet = book.create_sheet(title, 0)
    book.active = 0
    for worksheet in book.worksheets:
        worksheet.sheet_view.tabSelected = worksheet is sheet
    write_cell(sheet["A1"], lang.pgettext("annotation", SUMMARY_HEADING))
    sheet["A1"].font = Font(bold=True, size=14)
    write_cell(sheet["A2"], report.summary(lang))
    write_cell(sheet["A3"], report.tally(lang))
    for column, text in zip("ABC", COLUMN_TITLES, strict=True):
        write_cell(sheet[f"{column}5"], lang.pgettext("annotation", text))
        sheet[f"{column}5"].font = Font(bold=True)
    row = 6
    top = Alignment(wrap_text=True, vertical="top")
    for issue in report.sorted_issues():
        write_cell(sheet.cell(row, 1), _severity(issue, lang))
        sheet.cell(row, 1).fill = PatternFill("solid", fgColor=FILLS[issue.severity])
        sheet_title = titles.get(issue.sheet or "")
        write_cell(sheet.cell(row, 2), issue.where(lang, sheet_title) or "—")
        if sheet_title:
            _link(sheet.cell(row, 2), sheet_title, _anchor(issue))
        message = issue.message(lang)
        write_cell(sheet.cell(row, 3), message)
        for index in (1, 2, 3):
            sheet.cell(row, index).alignment = top
        sheet.row_dimensions[row].height = wrapped_height(message, MESSAGE_WIDTH)
        row += 1
    if report.exclusions:
        row += 1
        write_cell(sheet.cell(row, 1), lang.pgettext("annotation", EXCLUSIONS_HEADING))
        sheet.cell(row, 1).font = Font(bold=True)
        for exclusion in report.exclusions:
            row += 1
            write_cell(sheet.cell(row, 1), exclusion.describe(lang))
            _link(sheet.cell(row, 1), titles[COMPLAINANTS.key], f"A{exclusion.row}")
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 24
    sheet.column_dimensions["C"].width = MESSAGE_WIDTH
    sheet.freeze_panes = "A6"
    print_to_width(sheet, landscape=True)
