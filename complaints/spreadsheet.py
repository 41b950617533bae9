"""Cells the tool writes into a spreadsheet: text stays text, whatever it begins with.

A value typed by a hostile hand ("=HYPERLINK(...)", "@SUM(...)", "+cmd|...") must
never run as a formula in the template or the annotated copy the tool hands back.
"""

from __future__ import annotations

import contextlib
import math
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.worksheet.worksheet import Worksheet

from .errors import UsageError
from .paths import publish_file, refuse_existing

# What Excel and LibreOffice take for the start of a formula, in a cell or a CSV field.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_cell(cell: Cell | MergedCell, value) -> None:
    """Set a cell; text that begins like a formula is stored as text and shown as typed.

    Control characters, which a spreadsheet cannot hold, are dropped as reading drops them.
    """
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"  # openpyxl stores text beginning with "=" as a formula
        cell.quotePrefix = True  # the apostrophe prefix: editing the cell keeps it text


@contextlib.contextmanager
def new_file(out: Path, force: bool = False) -> Iterator[BinaryIO]:
    """A stream whose bytes become `out` whole or not at all: a private temporary file beside it,
    moved into place when the block ends without error. An existing `out` is replaced only with
    `force`. Opened first, so that a folder that cannot be written is said before any work."""
    refuse_existing(out, force)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent)
    except OSError as error:
        raise UsageError(f"{out}: cannot be written ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
        publish_file(Path(temporary), out, force)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def save_new(book: Workbook, out: Path, force: bool = False) -> None:
    """Write a workbook to `out` whole or not at all (see new_file)."""
    with new_file(out, force) as stream:
        book.save(stream)


def wrapped_height(text: str, width: float) -> float:
    """The row height (points) that shows `text` wrapped in a column `width` characters wide.

    Spreadsheet programs do not grow a row to fit wrapped text they did not lay out themselves.
    """
    lines = sum(max(1, math.ceil(len(paragraph) / (width * 0.95))) for paragraph in text.split("\n"))
    return 15.0 * lines + 3


def print_to_width(worksheet: Worksheet, landscape: bool = False) -> None:
    """Print all the columns across one page, as many pages down as it takes."""
    worksheet.page_setup.orientation = "landscape" if landscape else "portrait"
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0
    page_setup = worksheet.sheet_properties.pageSetUpPr
    assert page_setup is not None, "openpyxl gives every worksheet its page set-up properties"
    page_setup.fitToPage = True
