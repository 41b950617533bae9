"""Read the intake workbook into raw rows keyed by canonical column names.

The only stage that touches an .xlsx file. It is opened read-only, streamed row by
row and never saved. A file that cannot be read at all raises UnreadableInput with
one line naming it; a cell read with a doubt (a formula, a hidden row, invisible
characters) gives an Issue naming the cell.
"""

from __future__ import annotations

import contextlib
import datetime
import difflib
import mmap
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import openpyxl.xml
from defusedxml import DefusedXmlException
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.escape import unescape
from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

from .errors import UnreadableInput
from .report import ERROR, WARNING, Issue
from .schema import SHEETS, Sheet, fold, localized_titles

# Without defusedxml openpyxl parses sheet XML with the standard library, which
# expands entity declarations: a few kilobytes of XML can then take all memory.
if not openpyxl.xml.DEFUSEDXML:
    raise ImportError("complaints reads untrusted workbooks and needs openpyxl to use defusedxml: "
                      "install defusedxml and unset OPENPYXL_DEFUSEDXML")

CellValue = str | int | float | datetime.datetime | datetime.date | datetime.time | bool | None

# Excel's own limit: a longer text was not typed into a spreadsheet, and a document
# must not carry it unread.
MAX_CELL_CHARS = 32_767
# Bounds on what the archive says it unpacks to, checked before anything is inflated.
# Sheet XML compresses about tenfold; a zip bomb a thousandfold.
MAX_UNPACKED_BYTES = 1 << 30
MAX_RATIO = 100
_RATIO_APPLIES_FROM = 1 << 20

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
# A password-protected .xlsx is an OLE2 compound file holding these streams, not a zip.
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")

_ERROR_CODE = re.compile(r"#[A-Z0-9/_]{1,14}[!?]?")
# C0 and C1 controls but tab and line feed, which a cell may hold on purpose.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Invisible formatting: direction marks and embeddings, zero-width spaces and joiners,
# the byte-order mark, soft hyphens. Pasted from messengers, they make equal names differ.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
                        "\ufeff\ufff9-\ufffb\U000e0001-\U000e007f]")


@dataclass(frozen=True)
class RawRow:
    number: int  # the spreadsheet row number, 1-based
    cells: dict[str, CellValue]  # only the filled cells


@dataclass
class RawSheet:
    sheet: Sheet
    title: str  # as written in the workbook, or the CSV file's name
    columns: dict[str, int]  # column key -> 1-based index
    rows: list[RawRow] = field(default_factory=list)


@dataclass
class RawWorkbook:
    path: Path
    sheets: dict[str, RawSheet]  # optional sheets that are absent are not here
    issues: list[Issue]
    epoch: datetime.datetime  # for Excel serial numbers in cells not formatted as dates


class CellError(str):
    """An error value (#REF!, #N/A) that a cell shows instead of a value."""


@dataclass(frozen=True)
class Formula:
    cached: CellValue  # the value last calculated, None if it never was


# One source row: its number, whether it is hidden, and its filled cells by 1-based column.
SourceRow = tuple[int, bool, dict[int, object]]


def find_sheet_title(sheet: Sheet, titles: Iterable[str]) -> str | None:
    """The title under which `sheet` appears among `titles`, in any language."""
    by_fold = {fold(title): title for title in titles}
    return next((by_fold[title] for title in localized_titles("sheet", sheet.key) if title in by_fold), None)


def _clean_text(value: str, where: tuple, issues: list[Issue]) -> str | None:
    if len(value) > MAX_CELL_CHARS:
        issues.append(Issue(ERROR, "text-too-long", *where, {"length": len(value), "limit": MAX_CELL_CHARS}))
        return None
    value = value.replace("\r\n", "\n").replace("\u00a0", " ")
    if _CONTROL.search(value):
        value = _CONTROL.sub("", value)
        issues.append(Issue(WARNING, "control-characters", *where))
    if _INVISIBLE.search(value):
        value = _INVISIBLE.sub("", value)
        issues.append(Issue(WARNING, "invisible-characters", *where))
    return value.strip() or None


def _cell(value: object, where: tuple, issues: list[Issue]) -> CellValue:
    """The value a cell stands for; where: (sheet key, row, column key, column index)."""
    if isinstance(value, CellError):
        issues.append(Issue(ERROR, "error-cell", *where, {"value": str(value)}))
        return None
    if isinstance(value, Formula):
        if value.cached is None:
            issues.append(Issue(ERROR, "formula-without-value", *where))
            return None
        issues.append(Issue(WARNING, "formula", *where))
        value = value.cached
    if isinstance(value, str):
        return _clean_text(value, where, issues)
    return value


def _map_header(sheet: Sheet, header: dict[int, object], issues: list[Issue]) -> dict[str, int]:
    titles = {column.key: localized_titles("column", column.key) for column in sheet.columns}
    columns: dict[str, int] = {}
    for index, raw in sorted(header.items()):
        text = _cell(raw, (sheet.key, 1, None, index), issues)
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


def collect_sheet(sheet: Sheet, title: str, rows: Iterable[SourceRow], issues: list[Issue]) -> RawSheet:
    """The rows of one sheet, from any source, with the header in row 1."""
    rows = iter(rows)
    first = next(rows, None)
    header = first[2] if first and first[0] == 1 else {}
    header_issues: list[Issue] = []
    columns = _map_header(sheet, header, header_issues)
    raw = RawSheet(sheet, title, columns)
    filled = bool(first and first[2])
    for number, hidden, values in rows:
        filled = filled or bool(values)
        cells = {}
        for key, index in columns.items():
            value = values.get(index)
            if value is not None:
                value = _cell(value, (sheet.key, number, key, index), issues)
                if value is not None:
                    cells[key] = value
        if cells:
            raw.rows.append(RawRow(number, cells))
            if hidden:
                issues.append(Issue(WARNING, "hidden-row", sheet.key, number))
    # A sheet with nothing in it gets one message, not one per missing column.
    if filled:
        issues.extend(header_issues)
    else:
        issues.append(Issue(ERROR, "empty-sheet", sheet.key, params={"sheet": sheet.key}))
    return raw


class _SheetParser(WorkSheetParser):
    """openpyxl's streaming sheet parser, keeping what its read-only worksheet drops.

    With data_only a formula cell arrives as its last calculated value with no sign of
    having been a formula; the read-only worksheet also forgets hidden rows and merged
    ranges. One pass here gives all of them.
    """

    def parse_cell(self, element):
        cell = super().parse_cell(element)
        if isinstance(cell["value"], str):
            cell["value"] = unescape(cell["value"])  # Excel writes a carriage return as _x000D_
        if cell["data_type"] == "e":
            # Only a code such as #N/A reaches a message: a crafted file could put a name there.
            code = cell["value"] if _ERROR_CODE.fullmatch(cell["value"] or "") else "#VALUE!"
            cell["value"] = CellError(code)
        elif element.find(FORMULA_TAG) is not None:
            cell["value"] = Formula(cell["value"])
        return cell

    def source_rows(self, name: str) -> Iterator[SourceRow]:
        for number, cells in _guarded(self.parse(), name):
            hidden = self.row_dimensions.get(str(number), {}).get("hidden") in ("1", "true")
            yield number, hidden, {cell["column"]: cell["value"] for cell in cells if cell["value"] is not None}


@contextlib.contextmanager
def _openpyxl_errors(name: str):
    """openpyxl raises whatever a damaged part makes it raise; each becomes one line."""
    try:
        yield
    except Exception as error:
        cause = error
        while cause is not None and not isinstance(cause, DefusedXmlException):
            cause = cause.__cause__  # openpyxl wraps what fails while it loads in a ValueError
        if cause is not None:
            raise UnreadableInput(f"{name}: refused: its XML declares entities, which a workbook never needs "
                                  "and an entity-expansion attack does") from None
        raise UnreadableInput(f"{name}: not a readable .xlsx workbook ({type(error).__name__})") from None


def _guarded(items: Iterator, name: str) -> Iterator:
    with _openpyxl_errors(name):
        yield from items


def _is_encrypted(path: Path) -> bool:
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return data.find(_ENCRYPTION_STREAM) != -1


def check_archive(path: Path, name: str) -> None:
    """Refuse what is not an .xlsx (or .ods) zip archive, or would unpack too far."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(_OLE2_MAGIC))
    except FileNotFoundError:
        raise UnreadableInput(f"{name}: no such file") from None
    except OSError as error:
        raise UnreadableInput(f"{name}: cannot be opened ({error.strerror})") from None
    if magic == _OLE2_MAGIC:
        if _is_encrypted(path):
            raise UnreadableInput(f"{name}: the workbook is protected by a password; open it, remove the "
                                  "password (File › Info › Protect Workbook) and save it again")
        raise UnreadableInput(f"{name}: an Excel 97-2003 (.xls) workbook; open it in Excel or LibreOffice "
                              "and save it as .xlsx")
    if not magic.startswith(_ZIP_MAGIC):
        what = "an empty file" if not magic else "not a zip archive"
        raise UnreadableInput(f"{name}: not a readable .xlsx workbook ({what})")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UnreadableInput(f"{name}: not a readable .xlsx workbook (a damaged zip archive)") from None
    unpacked = sum(member.file_size for member in members)
    # zipfile never inflates a member past its declared size (it stops, then fails the
    # CRC), so the declared sizes bound what reading can cost.
    bomb = any(member.file_size > _RATIO_APPLIES_FROM
               and member.file_size > MAX_RATIO * max(member.compress_size, 1) for member in members)
    if bomb or unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableInput(f"{name}: refused: it would unpack to {unpacked:,} bytes, "
                              f"{unpacked // max(path.stat().st_size, 1):,} times its size (a zip bomb)")


def _hidden_columns(parser: WorkSheetParser) -> set[int]:
    hidden = set()
    for attrs in parser.column_dimensions.values():
        if attrs.get("hidden") in ("1", "true"):
            hidden.update(range(int(attrs["min"]), int(attrs.get("max", attrs["min"])) + 1))
    return hidden


def _layout_issues(sheet: Sheet, raw: RawSheet, parser: WorkSheetParser, issues: list[Issue]) -> None:
    """Hidden columns and merged cells: known once the sheet's XML has been read."""
    hidden = _hidden_columns(parser)
    for key, index in raw.columns.items():
        if index in hidden:
            issues.append(Issue(WARNING, "hidden-column", sheet.key, 1, key, index, {"column": key}))
    by_index = {index: key for key, index in raw.columns.items()}
    for merged in parser.merged_cells.mergeCell if parser.merged_cells else ():
        column, row, _, _ = range_boundaries(merged.ref)
        issues.append(Issue(WARNING, "merged-cells", sheet.key, row, by_index.get(column), column,
                            {"range": merged.ref}))


def _read_sheet(sheet: Sheet, worksheet, book, name: str, issues: list[Issue]) -> RawSheet:
    # The read-only worksheet's own source and the settings it would pass its parser.
    with worksheet._get_source() as source:
        parser = _SheetParser(source, worksheet._shared_strings, data_only=True, epoch=book.epoch,
                              date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        raw = collect_sheet(sheet, worksheet.title, parser.source_rows(name), issues)
    _layout_issues(sheet, raw, parser, issues)
    return raw


def read_workbook(path: Path, origin: Path | None = None) -> RawWorkbook:
    """origin: the file the user gave, when `path` is a conversion of it (an .ods file)."""
    path = Path(path)
    origin = origin or path
    name = str(origin)
    check_archive(path, name)
    # openpyxl warns about features the reading does not use (extensions, print settings).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with _openpyxl_errors(name):
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            titles = [worksheet.title for worksheet in book.worksheets]
            found = {sheet.key: find_sheet_title(sheet, titles) for sheet in SHEETS}
            if not any(found.values()):
                expected = ", ".join(sheet.key for sheet in SHEETS if sheet.required)
                raise UnreadableInput(f"{name}: none of the sheets {expected} is in it; "
                                      "`complaints intake-template` writes a workbook that has them")
            issues: list[Issue] = []
            sheets: dict[str, RawSheet] = {}
            for sheet in SHEETS:
                if found[sheet.key] is None:
                    if sheet.required:
                        raise UnreadableInput(f"{name}: the required sheet {sheet.key!r} is missing")
                    continue
                worksheet = book[found[sheet.key]]
                if worksheet.sheet_state != "visible":
                    issues.append(Issue(WARNING, "hidden-sheet", sheet.key, params={"sheet": sheet.key}))
                sheets[sheet.key] = _read_sheet(sheet, worksheet, book, name, issues)
            return RawWorkbook(origin, sheets, issues, book.epoch)
        finally:
            book.close()


def load_whole(path: Path, origin: Path | None = None) -> openpyxl.Workbook:
    """The whole workbook in memory, formulas replaced by their values, to be written elsewhere."""
    name = str(origin or path)
    check_archive(path, name)
    with warnings.catch_warnings(), _openpyxl_errors(name):
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(path, data_only=True)
