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
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import openpyxl.xml
from defusedxml import DefusedXmlException
from lxml import etree
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils.cell import column_index_from_string, get_column_letter, range_boundaries
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.utils.escape import unescape
from openpyxl.worksheet._reader import _cast_number  # type: ignore[attr-defined]  # openpyxl's, not in its stubs
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS

from .errors import UnreadableInput
from .fonts import code_points, undrawable
from .problems import (
    CONTROL_CHARACTERS,
    DUPLICATE_COLUMN,
    EMPTY_SHEET,
    ERROR_CELL,
    FORMULA,
    FORMULA_WITHOUT_VALUE,
    HIDDEN_COLUMN,
    HIDDEN_ROW,
    HIDDEN_SHEET,
    INVISIBLE_CHARACTERS,
    LONE_SURROGATE,
    MERGED_CELLS,
    MISSING_COLUMN,
    TEXT_TOO_LONG,
    UNDRAWABLE_CHARACTERS,
    UNKNOWN_COLUMN,
)
from .report import Issue
from .schema import SHEETS, Sheet, fold, localized_titles

# Without defusedxml openpyxl parses the workbook's parts with the standard library, which
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
# Half of a UTF-16 pair, as an escape such as _xD800_ makes: no file or document can hold one.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SUSPECT = re.compile(f"{_CONTROL.pattern}|{_INVISIBLE.pattern}|{_SURROGATE.pattern}")


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


# Where a cell is: sheet key, row, column key (None for a header cell), column index.
Where = tuple[str, int, str | None, int]


@dataclass(frozen=True)
class Formula:
    cached: CellValue  # the value last calculated, None if it never was


# One source row: its number, whether it is hidden, and its filled cells by 1-based column.
SourceValue = CellValue | CellError | Formula  # a cell as read, before _cell
SourceRow = tuple[int, bool, dict[int, SourceValue]]


def find_sheet_title(sheet: Sheet, titles: Iterable[str], name: str) -> str | None:
    """The title under which `sheet` appears among `titles`, in any language. Two sheets that both
    could be it (`Complainants` and `Заявители`) are refused: choosing would be choosing at random."""
    accepted = localized_titles("sheet", sheet.key)
    found = [title for title in titles if fold(title) in accepted]
    if len(found) > 1:
        raise UnreadableInput(f"{name}: the sheets {found[0]!r} and {found[1]!r} are both the {sheet.key} "
                              "sheet; keep one of them")
    return found[0] if found else None


def _clean_text(value: str, where: Where, issues: list[Issue]) -> str | None:
    if len(value) > MAX_CELL_CHARS:
        issues.append(Issue(TEXT_TOO_LONG, *where, {"length": len(value), "limit": MAX_CELL_CHARS}))
        return None
    value = value.replace("\r\n", "\n").replace("\u00a0", " ")
    if not _SUSPECT.search(value):
        return value.strip() or None
    if _CONTROL.search(value):
        value = _CONTROL.sub("", value)
        issues.append(Issue(CONTROL_CHARACTERS, *where))
    if _INVISIBLE.search(value):
        value = _INVISIBLE.sub("", value)
        issues.append(Issue(INVISIBLE_CHARACTERS, *where))
    if _SURROGATE.search(value):
        # Two escapes of one pair (_xD83D__xDE00_) are one character; what stays alone is broken.
        value = value.encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass")
        if _SURROGATE.search(value):
            value = _SURROGATE.sub("", value)
            issues.append(Issue(LONE_SURROGATE, *where))
    return value.strip() or None


def _cell(value: SourceValue, where: Where, issues: list[Issue]) -> CellValue:
    """The value a cell stands for; where: (sheet key, row, column key, column index)."""
    if isinstance(value, CellError):
        issues.append(Issue(ERROR_CELL, *where, {"value": str(value)}))
        return None
    if isinstance(value, Formula):
        if value.cached is None:
            issues.append(Issue(FORMULA_WITHOUT_VALUE, *where))
            return None
        issues.append(Issue(FORMULA, *where))
        value = value.cached
    if isinstance(value, str):
        return _clean_text(value, where, issues)
    return value


def _check_drawable(value: str, where: tuple[str, int, str, int], issues: list[Issue]) -> None:
    """What the build would refuse for want of a glyph, reported at its cell by code point."""
    missing = undrawable(value)
    if missing:
        issues.append(Issue(UNDRAWABLE_CHARACTERS, *where, {"characters": code_points(missing)}))


def _map_header(sheet: Sheet, header: dict[int, SourceValue], issues: list[Issue]) -> dict[str, int]:
    titles = {column.key: column.accepted_titles() for column in sheet.columns}
    columns: dict[str, int] = {}
    for index, raw in sorted(header.items()):
        text = _cell(raw, (sheet.key, 1, None, index), issues)
        if text is None:
            continue
        text = str(text)
        key = next((k for k, accepted in titles.items() if fold(text) in accepted), None)
        if key is None:
            choices = {title: k for k, accepted in titles.items() for title in sorted(accepted)}
            close = difflib.get_close_matches(fold(text), choices, n=1, cutoff=0.6)
            # Named by its letter: without a header row, the "title" is someone's data.
            issues.append(
                Issue(UNKNOWN_COLUMN, sheet.key, 1, None, index,
                      {"letter": get_column_letter(index), "suggestion": choices[close[0]] if close else "—"})
            )
        elif key in columns:
            issues.append(Issue(DUPLICATE_COLUMN, sheet.key, 1, key, index, {"column": key}))
        else:
            columns[key] = index
    for column in sheet.columns:
        if column.required and column.key not in columns:
            issues.append(Issue(MISSING_COLUMN, sheet.key, 1, column.key, None, {"column": column.key}))
    return columns


def collect_sheet(sheet: Sheet, title: str, rows: Iterable[SourceRow], issues: list[Issue]) -> RawSheet:
    """The rows of one sheet, from any source, with the header in row 1."""
    rows = iter(rows)
    first = next(rows, None)
    header = first[2] if first and first[0] == 1 else {}
    header_issues: list[Issue] = []
    columns = _map_header(sheet, header, header_issues)
    raw = RawSheet(sheet, title, columns)
    printed = {column.key for column in sheet.columns if column.printed_as_typed}
    filled = bool(first and first[2])
    for number, hidden, values in rows:
        filled = filled or bool(values)
        cells: dict[str, CellValue] = {}
        for key, index in columns.items():
            value = values.get(index)
            if value is not None:
                value = _cell(value, (sheet.key, number, key, index), issues)
                if value is not None:
                    cells[key] = value
                    if key in printed and isinstance(value, str):
                        _check_drawable(value, (sheet.key, number, key, index), issues)
        if cells:
            raw.rows.append(RawRow(number, cells))
            if hidden:
                issues.append(Issue(HIDDEN_ROW, sheet.key, number))
    # A sheet with nothing in it gets one message, not one per missing column.
    if filled:
        issues.extend(header_issues)
    else:
        issues.append(Issue(EMPTY_SHEET, sheet.key, params={"sheet": sheet.key}))
    return raw


# Tags of SpreadsheetML read below, in the namespace every .xlsx writer uses.
_MAIN = f"{{{SHEET_MAIN_NS}}}"
_ROW, _CELL, _VALUE, _FORMULA, _INLINE, _TEXT, _RUN, _COLUMN, _MERGE, _SHARED_STRING = (
    _MAIN + tag for tag in ("row", "c", "v", "f", "is", "t", "r", "col", "mergeCell", "si"))
_ROW_DIGITS = "0123456789"


class _DocumentTypeDeclared(Exception):
    """An XML part declares a DTD: a workbook never needs one, an entity-expansion attack does."""


@contextlib.contextmanager
def _read_errors(name: str):
    """A damaged part makes the XML parsers, zipfile or openpyxl raise whatever they raise; each
    becomes one line naming the file."""
    try:
        yield
    except Exception as error:
        cause: BaseException | None = error
        while cause is not None and not isinstance(cause, (DefusedXmlException, _DocumentTypeDeclared)):
            cause = cause.__cause__  # openpyxl wraps what fails while it loads in a ValueError
        if cause is not None:
            raise UnreadableInput(f"{name}: refused: its XML declares a DTD (entities), which a workbook never "
                                  "needs and an entity-expansion attack does") from None
        what = "damaged XML" if isinstance(error, etree.XMLSyntaxError) else type(error).__name__
        raise UnreadableInput(f"{name}: not a readable .xlsx workbook ({what})") from None


def _guarded(items: Iterator, name: str) -> Iterator:
    with _read_errors(name):
        yield from items


def _elements(archive: zipfile.ZipFile, part: str, tags: tuple[str, ...]) -> Iterator[etree._Element]:
    """The elements `tags` of one XML part of the archive, each as it ends. Once the caller
    moves on, the element and those before it are dropped: a sheet of 100,000 rows is read in
    the memory of one row.

    Hand-written over lxml because openpyxl's streaming reader parses with the standard
    library behind defusedxml, which calls back into Python for every element: two thirds of
    the time of reading 10,000 complainants. lxml parses in C with entities left unexpanded,
    and a part declaring a DTD is refused before any of its rows is used."""
    with archive.open(part) as stream:
        declared_checked = False
        try:
            # huge_tree lifts libxml2's 10 MB bound on one text: check_archive bounds the part,
            # and a cell longer than Excel's limit is reported by its reference.
            for _, element in etree.iterparse(stream, events=("end",), tag=tags, resolve_entities=False,
                                              no_network=True, load_dtd=False, huge_tree=True):
                if not declared_checked:
                    if element.getroottree().docinfo.doctype:
                        raise _DocumentTypeDeclared(part)
                    declared_checked = True
                yield element
                element.clear()
                parent = element.getparent()
                while element.getprevious() is not None:
                    del parent[0]
        except etree.XMLSyntaxError as error:
            # libxml2 stops entity amplification itself, before the first element ends.
            if _declares_document_type(archive, part):
                raise _DocumentTypeDeclared(part) from error
            raise


# "<!DOCTYPE" as UTF-8 (and ASCII) and as UTF-16 of either byte order, the encodings XML allows
# without a declaration.
_DOCTYPE_MARKERS = tuple("<!DOCTYPE".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be"))
_XML_PART = re.compile(r"\.(xml|rels|vml)$", re.IGNORECASE)


def _declares_document_type(archive: zipfile.ZipFile, part: str) -> bool:
    tail = b""
    keep = max(map(len, _DOCTYPE_MARKERS))
    with archive.open(part) as stream:
        while chunk := stream.read(1 << 20):
            window = tail + chunk
            if any(marker in window for marker in _DOCTYPE_MARKERS):
                return True
            tail = window[-keep:]
    return False


def _refuse_document_types(path: Path, name: str) -> None:
    """Refuse a DTD in any XML part of the package (workbook, styles, relationships, properties,
    content types), whichever parser reads it later: libxml2 expands internal entities in
    attribute values even when told not to resolve entities. One more pass over the packed
    parts, bounded by check_archive."""
    with zipfile.ZipFile(path) as archive:
        for member in archive.infolist():
            if _XML_PART.search(member.filename) and _declares_document_type(archive, member.filename):
                raise UnreadableInput(f"{name}: refused: its XML ({member.filename}) declares a DTD (entities), "
                                      "which a workbook never needs and an entity-expansion attack does")


def _plain_text(node: etree._Element) -> str:
    """The text Excel shows of a plain or rich string (<si>, <is>): its runs joined, without the
    phonetic guides."""
    if len(node) == 1 and node[0].tag == _TEXT:
        return node[0].text or ""
    plain = node.findtext(_TEXT) or ""
    return plain + "".join(run.findtext(_TEXT) or "" for run in node.iterchildren(_RUN))


def _unescaped(text: str) -> str:
    """Excel writes a carriage return as _x000D_."""
    return unescape(text) if "_x" in text else text


@dataclass(frozen=True)
class _Book:
    """What reading a sheet needs from the rest of the package, read with openpyxl (these parts
    are small): sheet names, states and parts, the date styles, the shared strings."""

    archive: zipfile.ZipFile
    sheets: dict[str, tuple[str | None, str]]  # title -> (state, part)
    epoch: datetime.datetime
    date_styles: frozenset[int]
    duration_styles: frozenset[int]
    strings: list[str]

    @classmethod
    def open(cls, path: Path) -> _Book:
        reader = ExcelReader(path, read_only=True, data_only=True)
        try:
            reader.read_manifest()
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)
            sheets: dict[str, tuple[str | None, str]] = {
                sheet.name: (sheet.state, rel.target) for sheet, rel in reader.parser.find_sheets()
                if rel.target in reader.valid_files and "chartsheet" not in rel.Type}
            strings_part = reader.package.find(SHARED_STRINGS)
            strings = [] if strings_part is None else [
                _unescaped(_plain_text(node))
                for node in _elements(reader.archive, strings_part.PartName[1:], (_SHARED_STRING,))]
        except BaseException as error:
            # openpyxl parses these parts with lxml, entities unresolved: libxml2 stops an
            # amplification with a syntax error, said here for what it is.
            declared = isinstance(error, etree.XMLSyntaxError) and next(
                (part for part in reader.valid_files if _declares_document_type(reader.archive, part)), None)
            reader.archive.close()
            if declared:
                raise _DocumentTypeDeclared(declared) from error
            raise
        wb = reader.wb
        # openpyxl's reader keeps the date and duration styles it found in attributes of its own.
        return cls(reader.archive, sheets, wb.epoch, frozenset(wb._date_formats),  # type: ignore[attr-defined]
                   frozenset(wb._timedelta_formats), strings)  # type: ignore[attr-defined]


class _SheetXml:
    """One worksheet part, read once: its rows as they stream by, then what is known at the
    end: the hidden columns and the merged ranges."""

    def __init__(self, book: _Book, part: str):
        self.book, self.part = book, part
        self.hidden_columns: set[int] = set()
        self.merged: list[str] = []

    def rows(self) -> Iterator[SourceRow]:
        number = 0
        for element in _elements(self.book.archive, self.part, (_ROW, _COLUMN, _MERGE)):
            if element.tag == _ROW:
                number = int(element.get("r") or number + 1)
                yield number, element.get("hidden") in ("1", "true"), self._cells(element)
            elif element.tag == _COLUMN:
                if element.get("hidden") in ("1", "true"):
                    first = int(element.get("min"))
                    self.hidden_columns.update(range(first, int(element.get("max") or first) + 1))
            else:
                self.merged.append(element.get("ref"))

    def _cells(self, row: etree._Element) -> dict[int, SourceValue]:
        values: dict[int, SourceValue] = {}
        column = 0
        for cell in row.iterchildren(_CELL):
            reference = cell.get("r")
            column = column_index_from_string(reference.rstrip(_ROW_DIGITS)) if reference else column + 1
            value = self._value(cell)
            if value is not None:
                values[column] = value
        return values

    def _value(self, cell: etree._Element) -> SourceValue:
        """As openpyxl's reader with data_only, keeping what it drops: that the cell is a formula."""
        kind = cell.get("t", "n")
        text = inline = None
        formula = False
        for child in cell:  # <v>, <is>, <f>: one or two
            tag = child.tag
            if tag == _VALUE:
                text = child.text
            elif tag == _INLINE:
                inline = child
            elif tag == _FORMULA:
                formula = True
        value: CellValue | CellError
        if kind == "inlineStr":
            value = None if inline is None else _plain_text(inline)
        else:
            value = self._typed(kind, text, cell) if text else None
        if kind == "e" or isinstance(value, CellError):
            # Only a code such as #N/A reaches a message: a crafted file could put a name there.
            return CellError(value if isinstance(value, str) and _ERROR_CODE.fullmatch(value) else "#VALUE!")
        if isinstance(value, str):
            value = _unescaped(value)
        return Formula(value) if formula else value

    def _typed(self, kind: str, text: str, cell: etree._Element) -> CellValue | CellError:
        book = self.book
        if kind == "n":
            number = _cast_number(text)
            style = int(cell.get("s") or 0)
            if style not in book.date_styles:
                return number
            try:
                return from_excel(number, book.epoch, timedelta=style in book.duration_styles)
            except (OverflowError, ValueError):
                return CellError("#VALUE!")
        if kind == "s":
            return book.strings[int(text)]
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            return from_ISO8601(text)
        return text  # "str", the text a formula gave, or "e", an error code


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
    try:
        _refuse_document_types(path, name)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as error:
        raise UnreadableInput(f"{name}: not a readable .xlsx workbook ({type(error).__name__})") from None


def _layout_issues(sheet: Sheet, raw: RawSheet, xml: _SheetXml, issues: list[Issue]) -> None:
    """Hidden columns and merged cells: known once the sheet's XML has been read."""
    for key, index in raw.columns.items():
        if index in xml.hidden_columns:
            issues.append(Issue(HIDDEN_COLUMN, sheet.key, 1, key, index, {"column": key}))
    by_index = {index: key for key, index in raw.columns.items()}
    for merged in xml.merged:
        column, row, _, _ = range_boundaries(merged)
        issues.append(Issue(MERGED_CELLS, sheet.key, row, by_index.get(column) if column else None, column,
                            {"range": merged}))


def read_workbook(path: Path, origin: Path | None = None) -> RawWorkbook:
    """origin: the file the user gave, when `path` is a conversion of it (an .ods file)."""
    path = Path(path)
    origin = origin or path
    name = str(origin)
    check_archive(path, name)
    # openpyxl warns about features the reading does not use (extensions, print settings).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with _read_errors(name):
            book = _Book.open(path)
    with contextlib.closing(book.archive):
        found = {sheet.key: find_sheet_title(sheet, book.sheets, name) for sheet in SHEETS}
        if not any(found.values()):
            expected = ", ".join(sheet.key for sheet in SHEETS if sheet.required)
            raise UnreadableInput(f"{name}: none of the sheets {expected} is in it; "
                                  "`complaints intake-template` writes a workbook that has them")
        issues: list[Issue] = []
        sheets: dict[str, RawSheet] = {}
        for sheet in SHEETS:
            title = found[sheet.key]
            if title is None:
                if sheet.required:
                    raise UnreadableInput(f"{name}: the required sheet {sheet.key!r} is missing")
                continue
            state, part = book.sheets[title]
            if state != "visible":
                issues.append(Issue(HIDDEN_SHEET, sheet.key, params={"sheet": sheet.key}))
            xml = _SheetXml(book, part)
            sheets[sheet.key] = raw = collect_sheet(sheet, title, _guarded(xml.rows(), name), issues)
            _layout_issues(sheet, raw, xml, issues)
        return RawWorkbook(origin, sheets, issues, book.epoch)


def load_whole(path: Path, origin: Path | None = None) -> openpyxl.Workbook:
    """The whole workbook in memory, formulas replaced by their values, to be written elsewhere."""
    name = str(origin or path)
    check_archive(path, name)
    with warnings.catch_warnings(), _read_errors(name):
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(path, data_only=True)
