"""Read the intake workbook into raw rows keyed by canonical column names.

The only stage that touches the file. It is opened read-only and never saved.
"""

from __future__ import annotations

import datetime
import difflib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from .errors import UnreadableInput
from .report import ERROR, WARNING, Issue
from .schema import SHEETS, Sheet, fold, localized_titles

CellValue = str | int | float | datetime.datetime | datetime.date | datetime.time | bool | None


@dataclass(frozen=True)
class RawRow:
    number: int  # the spreadsheet row number, 1-based
    cells: dict[str, CellValue]


@dataclass
class RawSheet:
    sheet: Sheet
    title: str  # as written in the workbook
    columns: dict[str, int]  # column key -> 1-based index
    rows: list[RawRow] = field(default_factory=list)


@dataclass
class RawWorkbook:
    path: Path
    sheets: dict[str, RawSheet]  # optional sheets that are absent are not here
    issues: list[Issue]
    epoch: datetime.datetime  # for Excel serial numbers in cells not formatted as dates


def _clean(value: CellValue) -> CellValue:
    if isinstance(value, str):
        value = value.replace("\u00a0", " ").strip()
        return value or None
    return value


def _map_header(sheet: Sheet, header: tuple, issues: list[Issue]) -> dict[str, int]:
    titles = {column.key: localized_titles("column", column.key) for column in sheet.columns}
    columns: dict[str, int] = {}
    for index, raw in enumerate(header, start=1):
        text = _clean(raw)
        if text is None:
            continue
        text = str(text)
        key = next((k for k, accepted in titles.items() if fold(text) in accepted), None)
        if key is None:
            choices = {title: k for k, accepted in titles.items() for title in accepted}
            close = difflib.get_close_matches(fold(text), choices, n=1, cutoff=0.6)
            issues.append(
                Issue(
                    WARNING, "unknown-column", sheet.key, 1, None, index,
                    {"header": text, "suggestion": choices[close[0]] if close else "—"},
                )
            )
        elif key in columns:
            issues.append(Issue(ERROR, "duplicate-column", sheet.key, 1, key, index, {"column": key}))
        else:
            columns[key] = index
    for column in sheet.columns:
        if column.required and column.key not in columns:
            issues.append(Issue(ERROR, "missing-column", sheet.key, 1, column.key, None, {"column": column.key}))
    return columns


def read_workbook(path: Path) -> RawWorkbook:
    path = Path(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise UnreadableInput(f"{path}: no such file") from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise UnreadableInput(f"{path}: not a readable .xlsx workbook ({type(error).__name__})") from None
    try:
        by_title = {fold(ws.title): ws for ws in book.worksheets}
        issues: list[Issue] = []
        sheets: dict[str, RawSheet] = {}
        for sheet in SHEETS:
            worksheet = next(
                (by_title[title] for title in localized_titles("sheet", sheet.key) if title in by_title),
                None,
            )
            if worksheet is None:
                if not sheet.required:
                    continue
                raise UnreadableInput(f"{path}: the required sheet {sheet.key!r} is missing")
            rows = worksheet.iter_rows(values_only=True)
            header = next(rows, ())
            columns = _map_header(sheet, header, issues)
            raw = RawSheet(sheet, worksheet.title, columns)
            for number, values in enumerate(rows, start=2):
                cells = {
                    key: _clean(values[index - 1]) if index <= len(values) else None
                    for key, index in columns.items()
                }
                if any(value is not None for value in cells.values()):
                    raw.rows.append(RawRow(number, cells))
            sheets[sheet.key] = raw
        return RawWorkbook(path, sheets, issues, book.epoch)
    finally:
        book.close()
