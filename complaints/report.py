"""Validation results as typed records, and the report whose validity sets the exit code."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from .i18n import N_, Language
from .problems import ERROR, WARNING, Problem
from .schema import MEASURE_VALUES, column_title
from .settings import SETTINGS_FILE

SEVERITY_LABELS = {ERROR: N_("severity", "error"), WARNING: N_("severity", "warning")}

DUPLICATE_REASONS = {
    "same-document": N_("duplicate reason", "the same identity document number"),
    "same-name-and-birth": N_("duplicate reason", "the same name and date of birth"),
    "same-name": N_("duplicate reason", "the same name, and no date of birth or patronymic that tells them apart"),
}

# What a free text gave away, for personal-data-in-text.
PERSONAL_DATA = {
    "id_document": N_("personal data", "identity document number"),
    "contact": N_("personal data", "contact"),
    "date_of_birth": N_("personal data", "date of birth"),
}

EXCLUSION_REASONS = {
    "no-appeal-form": N_("exclusion", "no appeal form"),
    "no-power-of-attorney": N_("exclusion", "no power of attorney"),
}


@dataclass(frozen=True)
class Issue:
    problem: Problem
    sheet: str | None = None
    row: int | None = None
    column: str | None = None  # the column's key
    column_index: int | None = None  # 1-based, for the cell reference
    params: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def severity(self) -> str:
        return self.problem.severity

    @property
    def code(self) -> str:
        return self.problem.code

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
        params = {key: _localize(lang, key, value) for key, value in self.params.items()}
        text = lang.pgettext("validation", self.problem.message).format(**params)
        advice = lang.pgettext("validation", self.problem.hint).format(**params)
        return f"{text} {advice}"

    def where(self, lang: Language, title: str | None = None) -> str:
        """The cell, row or sheet; title: the sheet's name in the workbook, if not its name in `lang`."""
        if not self.sheet:
            return ""
        if self.sheet == SETTINGS_FILE:  # a setting, such as title.ru
            return f"{SETTINGS_FILE}: {self.column}" if self.column else SETTINGS_FILE
        sheet = title or lang.pgettext("sheet", self.sheet)
        if self.cell:
            return f"{sheet}!{self.cell}"
        if self.row:
            return lang.pgettext("location", "{sheet}, row {row}").format(sheet=sheet, row=self.row)
        return sheet


def _localize(lang: Language, key: str, value):
    if key == "choices" and isinstance(value, tuple):  # measure keys, shown with their labels
        return ", ".join(f"{m} ({MEASURE_VALUES.label(lang, m)})" for m in value)
    if key == "reason":
        return lang.pgettext("duplicate reason", DUPLICATE_REASONS[value])
    if key == "data":
        return lang.pgettext("personal data", PERSONAL_DATA[value])
    if key == "fields":
        return ", ".join(column_title(lang, column) for column in value)
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
        return issue.describe(lang, self.sheet_titles.get(issue.sheet) if issue.sheet else None)

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
        sheet_order = {"Events": 0, "Complainants": 1, "Episodes": 2, "Remedies": 3, "Attachments": 4}
        return sorted(
            self.issues,
            key=lambda i: (sheet_order.get(i.sheet or "", -1), i.row or 0, i.column_index or 0, i.code),
        )
