"""The files of the Attachments sheet: where they are, what they are, and whether they may be sent.

A file is judged by its content, never by its name: it must lie inside the case folder (no `..`,
no symbolic link leading out), be a PDF, JPEG, PNG or TIFF file under a size limit, and be
readable; a PDF must be neither encrypted nor carry scripts, launch actions or embedded files,
which a body receiving it may not open. Each problem is an Issue at the row's file cell.
"""

from __future__ import annotations

import hashlib
import logging
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PIL import Image
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from .problems import (
    ATTACHMENT_ACTIVE_CONTENT,
    ATTACHMENT_BAD_TYPE,
    ATTACHMENT_DAMAGED,
    ATTACHMENT_ENCRYPTED,
    ATTACHMENT_MISSING,
    ATTACHMENT_OUTSIDE_CASE,
    ATTACHMENT_TOO_LARGE,
    Problem,
)
from .report import Issue
from .schema import ATTACHMENTS, Attachment

MAX_BYTES = 20 * 1024 * 1024  # what the UN bodies' mailboxes take with the submission itself
# The first bytes of each accepted format.
_SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)
# Dictionary keys and name values that make a PDF act rather than show: scripts, programs run,
# files carried inside it (an action's /S, an object's /Type or /Subtype). An XFA form (the AcroForm's
# /XFA) carries its scripts in XML, where no /JavaScript name shows; a /RichMedia, /Movie or /Sound
# annotation plays the media it embeds; a form action sends its data away (/SubmitForm) or reads a
# file into the form (/ImportData), and /GoToR opens another file. A link to a web page (/URI) is
# left: the viewer asks before following it, and court decisions carry them.
_ACTIVE = frozenset({"/JavaScript", "/JS", "/Launch", "/EmbeddedFiles", "/EmbeddedFile", "/FileAttachment",
                     "/GoToE", "/GoToR", "/XFA", "/RichMedia", "/Movie", "/Sound", "/SubmitForm", "/ImportData"})
_PDF_END = b"%%EOF"


@dataclass(frozen=True)
class AttachmentFile:
    """A checked file: where it is, its format, and its SHA-256."""

    path: Path
    media: str  # pdf, jpeg, png or tiff
    sha256: str


def media_type(head: bytes) -> str | None:
    """The format of a file from its first bytes, or None when it is none of those accepted."""
    return next((media for signature, media in _SIGNATURES if head.startswith(signature)), None)


def locate(folder: Path, written: str) -> Path | None:
    """The file a cell names, relative to the case folder; None when it leads outside the folder.

    Backslashes are taken as separators: paths typed on Windows use them.
    """
    relative = PurePosixPath(written.strip().replace("\\", "/"))
    if not relative.parts or relative.is_absolute() or ".." in relative.parts or ":" in relative.parts[0]:
        return None
    root = folder.resolve()
    resolved = (root / relative).resolve()
    return resolved if resolved.is_relative_to(root) and resolved != root else None


def check_file(folder: Path, written: str, limit: int = MAX_BYTES) -> tuple[AttachmentFile | None, Problem | None]:
    """The file a cell names, checked; or None and what is wrong with it."""
    path = locate(folder, written)
    if path is None:
        return None, ATTACHMENT_OUTSIDE_CASE
    if not path.is_file():
        return None, ATTACHMENT_MISSING
    if path.stat().st_size > limit:
        return None, ATTACHMENT_TOO_LARGE
    data = path.read_bytes()
    media = media_type(data[:8])
    if media is None:
        return None, ATTACHMENT_BAD_TYPE
    problem = _pdf_problem(path, data) if media == "pdf" else _image_problem(path)
    if problem:
        return None, problem
    return AttachmentFile(path, media, hashlib.sha256(data).hexdigest()), None


def _pdf_problem(path: Path, data: bytes) -> Problem | None:
    # pypdf rebuilds a cut-off file's table of objects and reads what is left: a PDF ends with %%EOF.
    if _PDF_END not in data[-1024:]:
        return ATTACHMENT_DAMAGED
    # pypdf logs what it repairs ("incorrect startxref pointer") to stderr, amid validate's lines and naming
    # no row: what matters of a file is judged here.
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(path)
            if reader.is_encrypted:
                return ATTACHMENT_ENCRYPTED
            if len(reader.pages) == 0:
                return ATTACHMENT_DAMAGED
            for page in reader.pages:
                page.mediabox  # noqa: B018 - reading each page's size finds pages that are not there
            return ATTACHMENT_ACTIVE_CONTENT if _acts(reader) else None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError):
        return ATTACHMENT_DAMAGED
    finally:
        pypdf_log.setLevel(level)


def pdf_objects(reader: PdfReader) -> Iterator[object]:
    """Every object reachable from the file's trailer, resolved, each indirect object once.

    Hand-written: pypdf reads objects but does not walk them.
    """
    seen: set[tuple[int, int]] = set()
    pending: list = [reader.trailer]
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        yield item
        if isinstance(item, DictionaryObject):
            pending.extend(dict.values(item))
        elif isinstance(item, ArrayObject):
            pending.extend(item)


def _acts(reader: PdfReader) -> bool:
    """Whether any object of the file is a script, a launch or an embedded file."""
    return any(key in _ACTIVE or (isinstance(value, NameObject) and value in _ACTIVE)
               for item in pdf_objects(reader) if isinstance(item, DictionaryObject)
               for key, value in dict.items(item))


def _image_problem(path: Path) -> Problem | None:
    try:
        with Image.open(path) as image:
            image.verify()
        with Image.open(path) as image:
            image.load()  # decoding the whole image finds one cut short
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return ATTACHMENT_DAMAGED
    return None


def check_attachments(attachments: Iterable[Attachment], folder: Path, columns: dict[str, int],
                      limit: int = MAX_BYTES) -> tuple[dict[int, AttachmentFile], list[Issue]]:
    """Each attachment's checked file by its row, and an error at the file cell of each that fails."""
    files: dict[int, AttachmentFile] = {}
    issues: list[Issue] = []
    for attachment in attachments:
        found, problem = check_file(folder, attachment.file, limit)
        if found is not None:
            files[attachment.row] = found
        elif problem is not None:
            params = {"limit": limit // (1024 * 1024)} if problem is ATTACHMENT_TOO_LARGE else {}
            issues.append(Issue(problem, ATTACHMENTS.key, attachment.row, "file", columns.get("file"), params))
    return files, issues
