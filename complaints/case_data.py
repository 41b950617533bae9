"""Where a case's data comes from: an .xlsx workbook, an .ods one, or a folder of CSV files.

Each gives the same RawWorkbook, so that validation and documents cannot tell them apart.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import hashlib
import io
import re
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
from openpyxl.utils.datetime import WINDOWS_EPOCH

from .errors import UnreadableInput
from .report import Issue
from .schema import SHEETS
from .spreadsheet import write_cell
from .workbook import RawWorkbook, SourceRow, check_archive, collect_sheet, load_whole, read_workbook

CONVERSION_SECONDS = 300
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CYRILLIC_RUN = re.compile("[\u0400-\u04ff]+")
_SAVE_AS_UTF8 = 'save it again as "CSV UTF-8" (Excel) or with the character set "Unicode (UTF-8)" (LibreOffice)'


def csv_files(folder: Path) -> dict[str, Path]:
    """The case's CSV files in a folder (complainants.csv, ...), by sheet key, in any letter case.
    Two files for one sheet (complainants.csv and Complainants.CSV) are refused: the order in
    which a folder lists its files is no reason to prefer one."""
    by_name: dict[str, list[Path]] = {}
    for entry in sorted(folder.iterdir()):
        if entry.is_file():
            by_name.setdefault(entry.name.casefold(), []).append(entry)
    found = {}
    for sheet in SHEETS:
        files = by_name.get(f"{sheet.key.casefold()}.csv", [])
        if len(files) > 1:
            raise UnreadableInput(f"{folder}: {files[0].name} and {files[1].name} are both the {sheet.key} "
                                  "sheet; keep one of them")
        if files:
            found[sheet.key] = files[0]
    return found


def read_case_data(path: Path) -> RawWorkbook:
    """The raw rows of a case: a workbook (.xlsx, .xlsm, .ods) or a folder of CSV files."""
    path = Path(path)
    if path.is_dir():
        return _read_csv_folder(path)
    if path.suffix.lower() == ".csv":
        raise UnreadableInput(f"{path}: a single CSV file; put complainants.csv, episodes.csv and events.csv "
                              "in one folder and give the folder")
    with _as_xlsx(path) as workbook:
        return read_workbook(workbook, origin=path)


def input_digest(path: Path) -> str:
    """The SHA-256 of a case's data: the workbook's, or one over a CSV folder's files and their names."""
    path = Path(path)
    if not path.is_dir():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    digest = hashlib.sha256()
    for file in sorted(csv_files(path).values()):
        digest.update(file.name.encode() + b"\0" + hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


@contextlib.contextmanager
def open_copy(path: Path) -> Iterator[openpyxl.Workbook]:
    """The case's data as a workbook in memory, to be marked up and written elsewhere."""
    path = Path(path)
    if path.is_dir():
        yield _csv_workbook(path)
    else:
        with _as_xlsx(path) as workbook:
            yield load_whole(workbook, origin=path)


def _read_csv_folder(folder: Path) -> RawWorkbook:
    files = csv_files(folder)
    issues: list[Issue] = []
    sheets = {}
    for sheet in SHEETS:
        if sheet.key not in files:
            if sheet.required:
                raise UnreadableInput(f"{folder}: {sheet.key.lower()}.csv is missing; a folder of CSV files "
                                      "needs events.csv, complainants.csv and episodes.csv")
            continue
        sheets[sheet.key] = collect_sheet(sheet, files[sheet.key].name, _csv_rows(files[sheet.key]), issues)
    return RawWorkbook(folder, sheets, issues, WINDOWS_EPOCH)


def _csv_workbook(folder: Path) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    book.remove(book.worksheets[0])  # the empty sheet a new workbook starts with
    for file in csv_files(folder).values():
        worksheet = book.create_sheet(file.stem)
        for number, _, values in _csv_rows(file):
            for index, value in values.items():
                write_cell(worksheet.cell(number, index), value)
    return book


def _csv_rows(file: Path) -> Iterator[SourceRow]:
    text = _decode(file)
    if "\x00" in text:
        raise UnreadableInput(f"{file}: not a text file (it holds NUL characters); {_SAVE_AS_UTF8}")
    # The header's titles hold no separator, so the one it uses most is the file's:
    # a semicolon from a Russian-set Excel, a comma elsewhere, a tab from "Unicode text".
    header = text[: text.find("\n")] if "\n" in text else text
    delimiter = max(",;\t", key=header.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    # A field may be as long as the file: a too-long cell is then one error at its cell.
    previous = csv.field_size_limit(max(csv.field_size_limit(), len(text)))
    try:
        for number, record in enumerate(reader, start=1):
            yield number, False, {index: value for index, value in enumerate(record, start=1) if value}
    except csv.Error as error:
        raise UnreadableInput(f"{file}, line {reader.line_num}: not readable as CSV ({error})") from None
    finally:
        csv.field_size_limit(previous)


def _decode(file: Path) -> str:
    try:
        data = file.read_bytes()
    except OSError as error:
        raise UnreadableInput(f"{file}: cannot be opened ({error.strerror})") from None
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        if encoding == "utf-8" and _looks_like_cp1251(data):
            raise UnreadableInput(f"{file}: saved in the Windows-1251 (Cyrillic) encoding, which has no Kazakh "
                                  f"letters (ә, ғ, қ, ң, ө, ұ, ү, һ); {_SAVE_AS_UTF8}") from None
        line = data.count(b"\n", 0, error.start) + 1
        raise UnreadableInput(f"{file}, line {line}: not UTF-8 text; {_SAVE_AS_UTF8}") from None


def _looks_like_cp1251(data: bytes) -> bool:
    """Windows-1251 Russian: read so, the bytes above 127 make whole Cyrillic words.

    Any such byte reads as a Cyrillic letter; the accents of a Latin-1 file make lone ones.
    """
    runs = _CYRILLIC_RUN.findall(data[:65536].decode("cp1251", errors="replace"))
    letters = sum(len(run) for run in runs)
    return letters > 0 and sum(len(run) for run in runs if len(run) >= 3) >= 0.8 * letters


@contextlib.contextmanager
def _as_xlsx(path: Path) -> Iterator[Path]:
    """The workbook as an .xlsx file: itself, or an .ods converted by LibreOffice into a temporary one."""
    if path.suffix.lower() != ".ods":
        yield path
        return
    check_archive(path, str(path))
    command = f"soffice --headless --convert-to xlsx {shlex.quote(str(path))}"
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise UnreadableInput(f"{path}: an OpenDocument spreadsheet, and LibreOffice is not installed to "
                              f"convert it; run `{command}` where it is, and give the .xlsx it writes")
    with tempfile.TemporaryDirectory(prefix="complaints-ods-") as temporary:
        folder = Path(temporary)
        # A profile of its own: with the user's LibreOffice open on the default profile,
        # a headless conversion silently does nothing.
        profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
        try:
            subprocess.run([office, profile, "--headless", "--convert-to", "xlsx", "--outdir", str(folder),
                            str(path.resolve())], capture_output=True, timeout=CONVERSION_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise UnreadableInput(f"{path}: LibreOffice did not convert it within {CONVERSION_SECONDS} s; "
                                  f"run `{command}` yourself") from None
        converted = folder / f"{path.stem}.xlsx"
        if not converted.is_file():
            raise UnreadableInput(f"{path}: LibreOffice could not convert it to .xlsx (is LibreOffice Calc "
                                  f"installed?); open it in LibreOffice Calc and save it as .xlsx")
        yield converted
