"""Typed records from raw rows: dates parsed, coded values resolved, places looked up.

Pure functions: every problem becomes an Issue, nothing is raised.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from openpyxl.utils.datetime import from_excel

from .gazetteer import Gazetteer, Place
from .names import mixes_alphabets
from .report import ERROR, WARNING, Issue
from .schema import (
    COMPLAINANTS,
    EPISODES,
    EVENTS,
    MEASURES,
    POA_SCOPES,
    REMEDIES,
    SEX,
    YES_NO,
    Sheet,
    fold,
    measure_spellings,
    spellings,
)
from .workbook import RawRow, RawWorkbook

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
# 05/10/2018 is 5 October in Almaty and May 10 in an American-set Excel.
_SLASHED_DATE = re.compile(r"^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$")
_NAME_COLUMNS = ("surname", "given_name", "patronymic", "surname_latin", "given_name_latin")


@dataclass(frozen=True)
class Locality:
    """A place as written, and the gazetteer entry it resolved to, if any."""

    text: str
    place: Place | None

    @property
    def key(self) -> str:
        return self.place.key if self.place else fold(self.text)

    def name(self, lang: str) -> str:
        return self.place.name(lang) if self.place else self.text


@dataclass(frozen=True)
class Event:
    event_id: str
    row: int
    date: datetime.date
    date_end: datetime.date | None
    labels: dict[str, str] = field(hash=False)
    summaries: dict[str, str] = field(hash=False)


@dataclass(frozen=True)
class Complainant:
    complainant_id: str
    row: int
    surname: str
    given_name: str
    patronymic: str | None = None
    surname_latin: str | None = None
    given_name_latin: str | None = None
    sex: str | None = None
    date_of_birth: datetime.date | None = None
    city: Locality | None = None
    id_document: str | None = None
    appeal_form_date: datetime.date | None = None
    poa_date: datetime.date | None = None
    poa_scope: frozenset[str] = frozenset(POA_SCOPES)
    consent_to_name: bool = False
    contact: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Episode:
    row: int
    complainant_id: str
    measure: str | None  # None only in a workbook with errors, which is never built
    event_id: str | None = None
    date: datetime.date | None = None
    city: Locality | None = None
    legal_basis: str | None = None
    penalty: str | None = None
    authority: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Remedy:
    row: int
    complainant_id: str
    date: datetime.date | None = None
    authority: str | None = None
    action: str | None = None
    outcome: str | None = None
    outcome_date: datetime.date | None = None

    @property
    def decided(self) -> datetime.date | None:
        return self.outcome_date or self.date


@dataclass
class Records:
    events: list[Event]
    complainants: list[Complainant]
    episodes: list[Episode]
    issues: list[Issue]
    remedies: list[Remedy] | None = None  # None: the workbook has no Remedies sheet


class _RowReader:
    """Reads the cells of one row, recording an Issue for each bad one."""

    def __init__(self, sheet: Sheet, row: RawRow, columns: dict[str, int], epoch, issues: list[Issue]):
        self.sheet, self.row, self.columns, self.epoch, self.issues = sheet, row, columns, epoch, issues

    def issue(self, severity: str, code: str, column_key: str | None, **params) -> None:
        self.issues.append(
            Issue(severity, code, self.sheet.key, self.row.number, column_key,
                  self.columns.get(column_key), params)
        )

    def text(self, key: str) -> str | None:
        value = self.row.cells.get(key)
        if value is None:
            if key in self.columns and self.sheet.column(key).required:
                self.issue(ERROR, "missing-value", key, column=key)
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
                self.issue(ERROR, "missing-value", key, column=key)
            return None
        parsed = parse_date(value, self.epoch)
        if parsed is None:
            slashed = isinstance(value, str) and _SLASHED_DATE.match(value)
            self.issue(ERROR, "ambiguous-date" if slashed else "bad-date", key)
        return parsed

    def digits(self, key: str) -> str | None:
        """Text made of digits, such as a document number, where a number cell has lost its leading zeros."""
        value = self.row.cells.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self.issue(WARNING, "number-as-text", key)
        return self.text(key)

    def name(self, key: str) -> str | None:
        text = self.text(key)
        if text and mixes_alphabets(text):
            self.issue(WARNING, "mixed-alphabets", key, column=key)
        return text

    def coded(self, key: str, accepted: dict[str, object], choices: str):
        text = self.text(key)
        if text is None:
            return None
        if fold(text) in accepted:
            return accepted[fold(text)]
        self.issue(ERROR, "bad-value", key, choices=choices)
        return None


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


def _locality(reader: _RowReader, key: str, gazetteer: Gazetteer) -> Locality | None:
    text = reader.text(key)
    if text is None:
        return None
    place = gazetteer.resolve(text)
    if place is None:
        suggestions = ", ".join(p.name("en") for p in gazetteer.suggest(text)) or "—"
        reader.issue(WARNING, "unknown-place", key, suggestions=suggestions)
    return Locality(text, place)


def _scope(reader: _RowReader) -> frozenset[str]:
    text = reader.text("poa_scope")
    if text is None:
        return frozenset(POA_SCOPES)
    accepted = spellings("poa scope values", POA_SCOPES)
    scopes = set()
    for word in re.split(r"[,;/]+", text):
        if not word.strip():
            continue
        if fold(word) not in accepted:
            reader.issue(ERROR, "bad-value", "poa_scope", choices=", ".join(POA_SCOPES))
            continue
        scopes.add(accepted[fold(word)])
    return frozenset(scopes)


def _rows(workbook: RawWorkbook, sheet: Sheet, issues: list[Issue]):
    raw = workbook.sheets[sheet.key]
    for row in raw.rows:
        yield _RowReader(sheet, row, raw.columns, workbook.epoch, issues)


def read_records(workbook: RawWorkbook, gazetteer: Gazetteer | None = None) -> Records:
    gazetteer = gazetteer or Gazetteer.default()
    issues: list[Issue] = list(workbook.issues)

    events = []
    for reader in _rows(workbook, EVENTS, issues):
        event_id, start = reader.text("event_id"), reader.date("date")
        end = reader.date("date_end")
        if start and end and end < start:
            reader.issue(ERROR, "date-end-before-start", "date_end")
        labels = {key[-2:]: reader.text(key) for key in ("label_en", "label_ru", "label_kk")}
        summaries = {key[-2:]: reader.text(key) for key in ("summary_en", "summary_ru", "summary_kk")}
        if event_id and start:
            events.append(
                Event(event_id, reader.row.number, start, end,
                      {k: v for k, v in labels.items() if v}, {k: v for k, v in summaries.items() if v})
            )

    sexes = spellings("sex values", SEX)
    yes_no = spellings("yes no values", YES_NO)
    complainants = []
    for reader in _rows(workbook, COMPLAINANTS, issues):
        names = {key: reader.name(key) for key in _NAME_COLUMNS}
        fields = {
            "complainant_id": reader.text("complainant_id"),
            "surname": names.pop("surname"),
            "given_name": names.pop("given_name"),
        }
        record = dict(
            **names,
            sex=reader.coded("sex", sexes, "F, M"),
            date_of_birth=reader.date("date_of_birth"),
            city=_locality(reader, "city", gazetteer),
            id_document=reader.digits("id_document"),
            appeal_form_date=reader.date("appeal_form_date"),
            poa_date=reader.date("poa_date"),
            poa_scope=_scope(reader),
            consent_to_name=bool(reader.coded("consent_to_name", yes_no, "yes, no")),
            contact=reader.text("contact"),
            notes=reader.text("notes"),
        )
        if all(fields.values()):
            complainants.append(Complainant(**fields, row=reader.row.number, **record))

    measures = measure_spellings()
    episodes = []
    for reader in _rows(workbook, EPISODES, issues):
        complainant_id = reader.text("complainant_id")
        measure_text = reader.text("measure")
        measure = measures.get(fold(measure_text)) if measure_text else None
        if measure_text and measure is None:
            reader.issue(ERROR, "unknown-measure", "measure", choices=tuple(MEASURES))
        record = dict(
            event_id=reader.text("event_id"),
            date=reader.date("date"),
            city=_locality(reader, "city", gazetteer),
            legal_basis=reader.text("legal_basis"),
            penalty=reader.text("penalty"),
            authority=reader.text("authority"),
            description=reader.text("description"),
        )
        if complainant_id:
            # Kept even with an unknown measure (already an error) so that its references are checked too.
            episodes.append(Episode(reader.row.number, complainant_id, measure, **record))

    remedies = None
    if REMEDIES.key in workbook.sheets:
        remedies = []
        for reader in _rows(workbook, REMEDIES, issues):
            complainant_id = reader.text("complainant_id")
            record = dict(
                date=reader.date("date"),
                authority=reader.text("authority"),
                action=reader.text("action"),
                outcome=reader.text("outcome"),
                outcome_date=reader.date("outcome_date"),
            )
            if complainant_id:
                remedies.append(Remedy(reader.row.number, complainant_id, **record))

    return Records(events, complainants, episodes, issues, remedies)
