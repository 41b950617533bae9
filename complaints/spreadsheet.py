"""Cells the tool writes into a spreadsheet: text stays text, whatever it begins with.

A value typed by a hostile hand ("=HYPERLINK(...)", "@SUM(...)", "+cmd|...") must
never run as a formula in the template or the annotated copy the tool hands back.
"""

from __future__ import annotations

import math
import os
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.worksheet.worksheet import Worksheet

from .errors import UsageError

# What Excel and LibreOffice take for the start of a formula, in a cell or a CSV field.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_cell(cell: Cell, value) -> None:
    """Set a cell; text that begins like a formula is stored as text and shown as typed.

    Control characters, which a spreadsheet cannot hold, are dropped as reading drops them.
    """
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"  # openpyxl stores text beginning with "=" as a formula
        cell.quotePrefix = True  # the apostrophe prefix: editing the cell keeps it text


def save_new(book: Workbook, out: Path) -> None:
    """Write the whole file or nothing: a private temporary file beside it, renamed into place."""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent)
    except OSError as error:
        raise UsageError(f"{out}: cannot be written ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            book.save(stream)
        os.replace(temporary, out)
    except BaseException:
        os.unlink(temporary)
        raise


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
