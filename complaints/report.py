"""Validation results as typed records, and the report whose validity sets the exit code."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from .i18n import N_, Language
from .schema import MEASURES, column_title

ERROR = "error"
WARNING = "warning"
SEVERITY_LABELS = {ERROR: N_("severity", "error"), WARNING: N_("severity", "warning")}

# code -> (what is wrong, what to do). Parameters never carry personal data:
# only ids, cell references, places, measures and counts.
MESSAGES = {
    "missing-column": (
        N_("validation", "The required column {column} is missing."),
        N_("validation", "Add a column titled {column} to row 1."),
    ),
    "duplicate-column": (
        N_("validation", "The column {column} appears more than once."),
        N_("validation", "Keep one column with this title and delete or rename the others."),
    ),
    "unknown-column": (
        N_("validation", "The column {header} is not part of the workbook format and is ignored."),
        N_("validation", "Rename it if you meant {suggestion}; otherwise no action is needed."),
    ),
    "missing-value": (
        N_("validation", "The cell is empty but {column} is required."),
        N_("validation", "Fill in this cell."),
    ),
    "duplicate-id": (
        N_("validation", "The id {id} is already used in row {first_row}."),
        N_("validation", "Give each row its own id."),
    ),
    "bad-date": (
        N_("validation", "This cell does not hold a readable date."),
        N_("validation", "Enter a date cell, or text as YYYY-MM-DD or DD.MM.YYYY."),
    ),
    "date-in-future": (
        N_("validation", "The date is in the future."),
        N_("validation", "Check the year."),
    ),
    "date-before-birth": (
        N_("validation", "The date is before the complainant's date of birth."),
        N_("validation", "Check this date and the date of birth of {id}."),
    ),
    "date-end-before-start": (
        N_("validation", "The end date is before the start date."),
        N_("validation", "Swap or correct the dates."),
    ),
    "unknown-complainant": (
        N_("validation", "No complainant has the id {id}."),
        N_("validation", "Use an id from the Complainants sheet."),
    ),
    "unknown-event": (
        N_("validation", "No event has the id {id}."),
        N_("validation", "Use an id from the Events sheet, or leave the cell empty."),
    ),
    "unknown-measure": (
        N_("validation", "The value of this cell is not a known measure."),
        N_("validation", "Use one of: {choices}."),
    ),
    "bad-value": (
        N_("validation", "The value of this cell is not accepted here."),
        N_("validation", "Use one of: {choices}."),
    ),
    "missing-label": (
        N_("validation", "The event {id} has no label for a document language being built."),
        N_("validation", "Fill in {column}, or build without that language."),
    ),
    "unknown-place": (
        N_("validation", "This place is not in the gazetteer; it is kept as written."),
        N_("validation", "Check the spelling. Closest known places: {suggestions}."),
    ),
    "missing-latin-name": (
        N_("validation", "There is no Latin spelling of the name of {id}; English documents use a transliteration."),
        N_("validation", "Copy the spelling from the passport into surname_latin and given_name_latin."),
    ),
    "possible-duplicate": (
        N_("validation", "{id} and {other_id} (row {other_row}) look like the same person: {reason}."),
        N_("validation", "Merge the two rows or correct one of them."),
    ),
    "no-remedies": (
        N_("validation", "No domestic remedy is recorded for {id} on the Remedies sheet."),
        N_("validation", "Record the appeals and complaints made in Kazakhstan: the Human Rights Committee requires domestic remedies to be exhausted."),
    ),
    "bad-articles": (
        N_("validation", "This cell is not a list of articles to add or remove, and is ignored."),
        N_("validation", "Write +7 to add article 7 and -15 to remove article 15, separated by commas."),
    ),
    "unknown-country": (
        N_("validation", "This cell is not a country the documents can name in every language; they leave "
                         "the nationality open."),
        N_("validation", "Write the country's name or its two-letter code (KZ), several separated by commas."),
    ),
    "after-document-date": (
        N_("validation", "This date is after the date the documents bear."),
        N_("validation", "A document cannot report a decision taken after it was written: correct the date, or set build_date in case.toml to a later date."),
    ),
    "remedies-too-old": (
        N_("validation", "The last domestic decision for {id} is more than {years} years old."),
        N_("validation", "Check the dates: the Human Rights Committee may reject a communication submitted more than five years after the final decision."),
    ),
    "excluded-episode": (
        N_("validation", "This episode belongs to {id}, who is excluded, and is ignored."),
        N_("validation", "No action is needed unless {id} should be included."),
    ),
    "empty-sheet": (
        N_("validation", "The sheet {sheet} is empty."),
        N_("validation", "Type the column titles in row 1 and the data below them."),
    ),
    "hidden-sheet": (
        N_("validation", "The sheet {sheet} is hidden; its rows are read all the same."),
        N_("validation", "Unhide it (right-click a sheet tab, then Unhide) and check what it holds."),
    ),
    "hidden-row": (
        N_("validation", "The row is hidden; it is read all the same."),
        N_("validation", "Unhide it and check it, or delete it if it should not count."),
    ),
    "hidden-column": (
        N_("validation", "The column {column} is hidden; it is read all the same."),
        N_("validation", "Unhide it and check what it holds."),
    ),
    "merged-cells": (
        N_("validation", "The cells {range} are merged; only the first of them holds a value."),
        N_("validation", "Unmerge them and fill in each cell."),
    ),
    "formula": (
        N_("validation", "The cell holds a formula; the value it last showed is used."),
        N_("validation", "Replace the formula by its value (copy, then Paste Special, Values only)."),
    ),
    "formula-without-value": (
        N_("validation", "The cell holds a formula whose value was never calculated."),
        N_("validation", "Open the workbook in Excel or LibreOffice and save it again, or type the value."),
    ),
    "error-cell": (
        N_("validation", "The cell shows the error {value} instead of a value."),
        N_("validation", "Correct the formula or type the value."),
    ),
    "text-too-long": (
        N_("validation", "The cell holds {length} characters, more than a spreadsheet cell can ({limit}); it is not used."),
        N_("validation", "Shorten the text, or keep the full account in a separate document."),
    ),
    "control-characters": (
        N_("validation", "The cell held invisible control characters; they were removed."),
        N_("validation", "Check that the text reads as intended."),
    ),
    "invisible-characters": (
        N_("validation", "The cell held invisible direction marks or zero-width spaces, as pasted from a messenger; they were removed."),
        N_("validation", "Check that the text reads as intended."),
    ),
    "ambiguous-date": (
        N_("validation", "A date written with slashes can be read as day/month or as month/day."),
        N_("validation", "Enter it as DD.MM.YYYY or YYYY-MM-DD."),
    ),
    "number-as-text": (
        N_("validation", "The number is stored as a number, so leading zeros may have been lost."),
        N_("validation", "Format the column as Text and type the number as printed on the document."),
    ),
    "mixed-alphabets": (
        N_("validation", "{column} mixes Latin and Cyrillic letters that look alike."),
        N_("validation", "Retype it in one alphabet."),
    ),
}

DUPLICATE_REASONS = {
    "same-document": N_("duplicate reason", "the same identity document number"),
    "same-name-and-birth": N_("duplicate reason", "the same name and date of birth"),
}

EXCLUSION_REASONS = {
    "no-appeal-form": N_("exclusion", "no appeal form"),
    "no-power-of-attorney": N_("exclusion", "no power of attorney"),
}


@dataclass(frozen=True)
class Issue:
    severity: str
    code: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None  # the column's key
    column_index: int | None = None  # 1-based, for the cell reference
    params: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def cell(self) -> str | None:
        if self.row is None or self.column_index is None:
            return None
        return f"{get_column_letter(self.column_index)}{self.row}"

    def describe(self, lang: Language, title: str | None = None) -> str:
        """One line: where, what is wrong, what to do. title: the sheet's name in the workbook."""
        where = self.where(lang, title)
        return f"{where}: {self.message(lang)}" if where else self.message(lang)

    def message(self, lang: Language) -> str:
        """What is wrong and what to do."""
        problem, hint = MESSAGES[self.code]
        params = {key: _localize(lang, key, value) for key, value in self.params.items()}
        text = lang.pgettext("validation", problem).format(**params)
        advice = lang.pgettext("validation", hint).format(**params)
        return f"{text} {advice}"

    def where(self, lang: Language, title: str | None = None) -> str:
        """The cell, row or sheet; title: the sheet's name in the workbook, if not its name in `lang`."""
        if not self.sheet:
            return ""
        sheet = title or lang.pgettext("sheet", self.sheet)
        if self.cell:
            return f"{sheet}!{self.cell}"
        if self.row:
            return lang.pgettext("location", "{sheet}, row {row}").format(sheet=sheet, row=self.row)
        return sheet


def _localize(lang: Language, key: str, value):
    if key == "choices" and isinstance(value, tuple):  # measure keys, shown with their labels
        return ", ".join(f"{m} ({lang.pgettext('measure', MEASURES[m])})" for m in value)
    if key == "reason":
        return lang.pgettext("duplicate reason", DUPLICATE_REASONS[value])
    if key == "column":
        return column_title(lang, value)
    if key == "sheet":
        return lang.pgettext(key, value)
    return value


@dataclass(frozen=True)
class Exclusion:
    complainant_id: str
    row: int
    reasons: tuple[str, ...]

    def describe(self, lang: Language) -> str:
        reasons = ", ".join(lang.pgettext("exclusion", EXCLUSION_REASONS[r]) for r in self.reasons)
        return lang.pgettext("validation", "EXCLUDED {id} (row {row}): {reasons}").format(
            id=self.complainant_id, row=self.row, reasons=reasons)


@dataclass
class Report:
    """Everything validation found. Valid means: it can be built."""

    issues: list[Issue] = field(default_factory=list)
    exclusions: list[Exclusion] = field(default_factory=list)
    appeals: int = 0
    sheet_titles: dict[str, str] = field(default_factory=dict)  # sheet key -> its name in the workbook

    def locate(self, issue: Issue, lang: Language) -> str:
        """The issue in one line, with the sheet named as the user sees its tab."""
        return issue.describe(lang, self.sheet_titles.get(issue.sheet))

    @property
    def errors(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.severity == ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.severity == WARNING]

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def included(self) -> int:
        return self.appeals - len(self.exclusions)

    def exclusion_reasons(self) -> Counter:
        return Counter(reason for exclusion in self.exclusions for reason in exclusion.reasons)

    def summary(self, lang: Language) -> str:
        """Appeals received, included and excluded, with the reasons."""
        parts = [
            lang.ngettext("%(num)s appeal received", "%(num)s appeals received", self.appeals)
            % {"num": lang.number(self.appeals)},
            lang.ngettext("%(num)s included", "%(num)s included", self.included)
            % {"num": lang.number(self.included)},
            lang.ngettext("%(num)s excluded", "%(num)s excluded", len(self.exclusions))
            % {"num": lang.number(len(self.exclusions))},
        ]
        line = ", ".join(parts)
        reasons = self.exclusion_reasons()
        if reasons:
            line += ": " + ", ".join(
                f"{lang.pgettext('exclusion', EXCLUSION_REASONS[reason])} ({lang.number(n)})"
                for reason, n in sorted(reasons.items())
            )
        return line

    def tally(self, lang: Language) -> str:
        """How many errors and warnings."""
        return (lang.ngettext("%(num)s error", "%(num)s errors", len(self.errors))
                % {"num": lang.number(len(self.errors))} + ", "
                + lang.ngettext("%(num)s warning", "%(num)s warnings", len(self.warnings))
                % {"num": lang.number(len(self.warnings))})

    def sorted_issues(self) -> list[Issue]:
        sheet_order = {"Events": 0, "Complainants": 1, "Episodes": 2, "Remedies": 3}
        return sorted(
            self.issues,
            key=lambda i: (sheet_order.get(i.sheet, -1), i.row or 0, i.column_index or 0, i.code),
        )
