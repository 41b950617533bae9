"""Typed records from raw rows: dates parsed, coded values resolved, places looked up.

Pure functions: every problem becomes an Issue, nothing is raised.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from openpyxl.utils.datetime import from_excel

from .authorities import Authorities, anachronistic
from .gazetteer import Gazetteer
from .identifiers import id_is_valid
from .names import mixes_alphabets
from .penalties import parse_penalty
from .problems import (
    AMBIGUOUS_DATE,
    ANACHRONISTIC_AUTHORITY,
    AUTHORITY_BEFORE_REGION,
    BAD_COUNT,
    BAD_DATE,
    DATE_END_BEFORE_START,
    INVALID_ID,
    MISSING_VALUE,
    MIXED_ALPHABETS,
    NUMBER_AS_TEXT,
    UNKNOWN_AUTHORITY,
    UNKNOWN_PLACE,
    UNPARSED_PENALTY,
    Problem,
)
from .report import Issue
from .schema import (
    ATTACHMENTS,
    COMPLAINANTS,
    EPISODES,
    EVENTS,
    REMEDIES,
    TESTIMONIES,
    Attachment,
    Column,
    Complainant,
    Episode,
    Event,
    Kind,
    Locality,
    Remedy,
    Sheet,
    Testimony,
    Vocabulary,
    fold,
)
from .workbook import RawRow, RawWorkbook

__all__ = ["Attachment", "Complainant", "Episode", "Event", "Locality", "Records", "Remedy", "Testimony", "parse_date",
           "read_records", "read_sheet"]

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
# 05/10/2018 is 5 October in Almaty and May 10 in an American-set Excel.
_SLASHED_DATE = re.compile(r"^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$")


@dataclass
class Records:
    events: list[Event]
    complainants: list[Complainant]
    episodes: list[Episode]
    issues: list[Issue]
    remedies: list[Remedy] | None = None  # None: the workbook has no Remedies sheet
    attachments: list[Attachment] = dataclasses.field(default_factory=list)
    testimonies: list[Testimony] | None = None  # None: the workbook has no Testimonies sheet


class _RowReader:
    """Reads the cells of one row, recording an Issue for each bad one."""

    def __init__(self, sheet: Sheet, row: RawRow, columns: dict[str, int], epoch, issues: list[Issue]):
        self.sheet, self.row, self.columns, self.epoch, self.issues = sheet, row, columns, epoch, issues

    def issue(self, problem: Problem, column_key: str | None, **params) -> None:
        self.issues.append(
            Issue(problem, self.sheet.key, self.row.number, column_key,
                  self.columns.get(column_key) if column_key else None, params)
        )

    def text(self, key: str) -> str | None:
        value = self.row.cells.get(key)
        if value is None:
            if key in self.columns and self.sheet.column(key).required:
                self.issue(MISSING_VALUE, key, column=key)
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, (datetime.datetime, datetime.date)):
            return value.isoformat()[:10]
        return str(value)

    def date(self, key: str) -> datetime.date | None:
        value = self.row.cells.get(key)
        if value is None:
            if key in self.columns and self.sheet.column(key).required:
                self.issue(MISSING_VALUE, key, column=key)
            return None
        parsed = parse_date(value, self.epoch)
        if parsed is None:
            slashed = isinstance(value, str) and _SLASHED_DATE.match(value)
            self.issue(AMBIGUOUS_DATE if slashed else BAD_DATE, key)
        return parsed

    def identifier(self, key: str) -> str | None:
        """An id, which names files (complainant_id, event_id). One that breaks the contract is an
        error at its cell and is dropped: no message or file name can then quote what the cell holds."""
        text = self.text(key)
        if text is not None and not id_is_valid(text):
            self.issue(INVALID_ID, key)
            return None
        return text

    def digits(self, key: str) -> str | None:
        """Text made of digits, such as a document number, where a number cell has lost its leading zeros."""
        value = self.row.cells.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self.issue(NUMBER_AS_TEXT, key)
        return self.text(key)

    def name(self, key: str) -> str | None:
        text = self.text(key)
        if text and mixes_alphabets(text):
            self.issue(MIXED_ALPHABETS, key, column=key)
        return text

    def coded(self, key: str, vocabulary: Vocabulary, accepted: dict[str, Any]) -> Any:
        text = self.text(key)
        if text is None:
            return None
        if fold(text) in accepted:
            return accepted[fold(text)]
        self.issue(vocabulary.issue, key, choices=vocabulary.choices())
        return None

    def coded_set(self, key: str, vocabulary: Vocabulary, accepted: dict[str, Any],
                  empty_means_all: bool = True) -> frozenset:
        """Several values, separated by commas, semicolons or slashes; empty means all of them, or none."""
        text = self.text(key)
        if text is None:
            return vocabulary.every_value if empty_means_all else frozenset()
        values = set()
        for word in re.split(r"[,;/]+", text):
            if not word.strip():
                continue
            if fold(word) not in accepted:
                self.issue(vocabulary.issue, key, choices=vocabulary.choices())
                continue
            values.add(accepted[fold(word)])
        return frozenset(values)

    def count(self, key: str) -> int | None:
        """A whole number, zero or more, typed as a number or as digits."""
        value = self.row.cells.get(key)
        if value is None:
            return None
        if isinstance(value, str) and value.strip().isdigit():
            return int(value.strip())
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0 and float(value).is_integer():
            return int(value)
        self.issue(BAD_COUNT, key)
        return None

    def place(self, key: str, gazetteer: Gazetteer) -> Locality | None:
        text = self.text(key)
        if text is None:
            return None
        place = gazetteer.resolve(text)
        if place is None:
            suggestions = ", ".join(p.name("en") for p in gazetteer.suggest(text)) or "—"
            self.issue(UNKNOWN_PLACE, key, suggestions=suggestions)
        return Locality(text, place)


def parse_date(value, epoch=None) -> datetime.date | None:
    """Date cells, Excel serial numbers, and text as YYYY-MM-DD or DD.MM.YYYY."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if not 1 <= value < 2958466:  # Excel's last day is 9999-12-31
            return None
        converted = from_excel(value, epoch) if epoch else from_excel(value)
        return converted.date() if isinstance(converted, datetime.datetime) else None
    if isinstance(value, str):
        for pattern, order in ((_ISO_DATE, (1, 2, 3)), (_DOTTED_DATE, (3, 2, 1))):
            match = pattern.match(value.strip())
            if match:
                year, month, day = (int(match.group(i)) for i in order)
                try:
                    return datetime.date(year, month, day)
                except ValueError:
                    return None
    return None


class _SheetReader:
    """Reads every row of a sheet into its record class, each cell by its column's kind."""

    def __init__(self, workbook: RawWorkbook, sheet: Sheet, gazetteer: Gazetteer, issues: list[Issue]):
        self.workbook, self.sheet, self.gazetteer, self.issues = workbook, sheet, gazetteer, issues
        self.accepted = {column.key: column.vocabulary.spellings()
                         for column in sheet.columns if column.vocabulary is not None}
        # A field without a default must be filled for the row to make a record.
        self.needed = [item.name for item in dataclasses.fields(sheet.record)
                       if item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING
                       and item.name != "row"]

    def rows(self) -> Iterator[tuple[_RowReader, dict[str, Any]]]:
        """(reader, the row's values by field) for every row."""
        raw = self.workbook.sheets[self.sheet.key]
        for row in raw.rows:
            reader = _RowReader(self.sheet, row, raw.columns, self.workbook.epoch, self.issues)
            values: dict[str, Any] = {}
            for column in self.sheet.columns:
                value = self.cell(reader, column)
                if column.language is not None:
                    if value:
                        values.setdefault(column.field, {})[column.language] = value
                else:
                    values[column.field] = value
            yield reader, values

    def cell(self, reader: _RowReader, column: Column) -> Any:
        key, kind = column.key, column.kind
        if kind is Kind.DATE:
            return reader.date(key)
        if kind is Kind.NAME:
            return reader.name(key)
        if kind is Kind.ID:
            return reader.identifier(key)
        if kind is Kind.DOCUMENT_NUMBER:
            return reader.digits(key)
        if kind is Kind.PLACE:
            return reader.place(key, self.gazetteer)
        if kind is Kind.COUNT:
            return reader.count(key)
        if column.vocabulary is not None and kind in (Kind.CODED_SET, Kind.TAGS):
            return reader.coded_set(key, column.vocabulary, self.accepted[key], empty_means_all=kind is Kind.CODED_SET)
        if column.vocabulary is not None:
            value = reader.coded(key, column.vocabulary, self.accepted[key])
            return bool(value) if kind is Kind.YES_NO else value
        return reader.text(key)

    def record(self, reader: _RowReader, values: dict[str, Any]):
        """The record of a row, or None when a value it cannot do without is missing (already an error)."""
        if not all(values.get(name) for name in self.needed):
            return None
        return self.sheet.record(row=reader.row.number, **{k: v for k, v in values.items() if v is not None})

    def records(self) -> list:
        found = []
        for reader, values in self.rows():
            record = self.record(reader, values)
            if record is not None:
                found.append(record)
        return found


def read_sheet(workbook: RawWorkbook, sheet: Sheet, gazetteer: Gazetteer, issues: list[Issue]) -> list:
    """The records of every row of `sheet` that has the values its record cannot do without."""
    return _SheetReader(workbook, sheet, gazetteer, issues).records()


def read_records(workbook: RawWorkbook, gazetteer: Gazetteer | None = None) -> Records:
    gazetteer = gazetteer or Gazetteer.default()
    issues: list[Issue] = list(workbook.issues)

    events = []
    event_sheet = _SheetReader(workbook, EVENTS, gazetteer, issues)
    for reader, values in event_sheet.rows():
        if values["date"] and values["date_end"] and values["date_end"] < values["date"]:
            reader.issue(DATE_END_BEFORE_START, "date_end")
        event = event_sheet.record(reader, values)
        if event is not None:
            events.append(event)
    complainants = read_sheet(workbook, COMPLAINANTS, gazetteer, issues)
    # Episodes are kept even with an unknown measure (already an error) so that their references are checked too.
    episodes = _checked(workbook, EPISODES, gazetteer, issues)
    remedies = _checked(workbook, REMEDIES, gazetteer, issues) if REMEDIES.key in workbook.sheets else None
    attachments = read_sheet(workbook, ATTACHMENTS, gazetteer, issues) if ATTACHMENTS.key in workbook.sheets else []
    testimonies = read_sheet(workbook, TESTIMONIES, gazetteer, issues) if TESTIMONIES.key in workbook.sheets else None
    return Records(events, complainants, episodes, issues, remedies, attachments, testimonies)


def _checked(workbook: RawWorkbook, sheet: Sheet, gazetteer: Gazetteer, issues: list[Issue]) -> list:
    """The records of a sheet, with the checks that no column's kind makes: a penalty the documents
    cannot print in their own language, an authority not in the list, named as it was not that day or
    not yet formed that day."""
    sheet_reader = _SheetReader(workbook, sheet, gazetteer, issues)
    found = []
    for reader, values in sheet_reader.rows():
        if values.get("penalty") and parse_penalty(values["penalty"]) is None:
            reader.issue(UNPARSED_PENALTY, "penalty")
        typed = {key: text for key, text in ({"authority": values.get("authority")} | {
            f"authority_{code}": text for code, text in values.get("authorities", {}).items()}).items() if text}
        known_as = {key: Authorities.default().resolve(text) for key, text in typed.items()}
        # One warning a row: the body is known when any of its names is.
        if typed and not any(known_as.values()):
            reader.issue(UNKNOWN_AUTHORITY, next(iter(typed)))
        for key, text in typed.items():
            known = known_as[key]
            if anachronistic(text, values.get("date")):
                reader.issue(ANACHRONISTIC_AUTHORITY, key)
            elif known and not known.existed_on(values.get("date")):
                reader.issue(AUTHORITY_BEFORE_REGION, key)
        record = sheet_reader.record(reader, values)
        if record is not None:
            found.append(record)
    return found
