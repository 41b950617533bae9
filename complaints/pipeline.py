"""What a build makes: the case read and validated, and the files planned from it."""

from __future__ import annotations

import dataclasses
import datetime
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .attachments import AttachmentFile, check_attachments
from .case import Case, CaseFiles, build_case
from .case_data import read_case_data
from .documents import DEFAULT_DOCUMENTS, REGISTRY, DocumentType
from .errors import InvalidData
from .heap import without_cycle_collection
from .packages import PACKAGE_SUFFIX, Annex, by_owner, select_annexes
from .records import read_records
from .report import Report
from .schema import ATTACHMENTS
from .settings import Settings, epoch_date
from .validation import validate
from .volumes import volume_count, volume_name


@dataclass
class Loaded:
    files: CaseFiles
    settings: Settings
    report: Report
    case: Case
    attachment_files: dict[int, AttachmentFile] = field(default_factory=dict)  # by row of the Attachments sheet


def build_date(settings: Settings, today: datetime.date | None = None) -> datetime.date:
    """The date printed on documents: the case's, SOURCE_DATE_EPOCH's, or today's."""
    if settings.build_date:
        return settings.build_date
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return epoch_date(epoch)
    return today or datetime.date.today()


def load(path: Path, langs: Iterable[str], today: datetime.date | None = None) -> Loaded:
    """Read and validate a case. Raises UnreadableInput; never InvalidData."""
    files = CaseFiles.locate(path)
    settings = Settings.load(files.name, files.settings, REGISTRY)
    with without_cycle_collection():
        raw = read_case_data(files.workbook)
        records = read_records(raw)
        columns = {key: sheet.columns for key, sheet in raw.sheets.items()}
        today = today or datetime.date.today()
        report = validate(records, columns, tuple(langs), today, build_date(settings, today), settings)
    # With the collector running: each PDF attachment is parsed by pypdf, whose objects refer to one
    # another; paused, the parsed files of thousands of attachments would all stay in memory until the end.
    checked, problems = check_attachments(records.attachments, files.attachments_root,
                                          columns.get(ATTACHMENTS.key, {}))
    report.issues.extend(problems)
    with without_cycle_collection():
        report.sheet_titles = {key: sheet.title for key, sheet in raw.sheets.items()}
        case = dataclasses.replace(build_case(settings, records, report),
                                   attachments=by_owner(records.attachments), attachment_files=checked)
        return Loaded(files, settings, report, case, checked)


def require_valid(loaded: Loaded) -> None:
    if not loaded.report.valid:
        raise InvalidData(f"{loaded.files.workbook}: {len(loaded.report.errors)} error(s); "
                          "run `complaints validate` to see them")


# The format of a document's package: its PDF followed by its annexes (packages.py).
PACKAGE = "package"


@dataclass(frozen=True)
class Job:
    document: DocumentType
    lang: str
    fmt: str  # docx, pdf or PACKAGE
    member: str | None = None  # the complainant id, for a document per author
    volume: int = 0  # the number of an annex volume of the document (volumes.py); 0: the document itself

    @property
    def document_path(self) -> str:
        """The document this file is a format of: "en/hrc/C001", "ru/wgad"."""
        return self.relative_path.with_suffix("").as_posix()

    @property
    def relative_path(self) -> Path:
        ending = PACKAGE_SUFFIX if self.fmt == PACKAGE else f".{self.fmt}"
        if self.volume:
            return Path(self.lang) / f"{volume_name(self.document, self.volume)}{ending}"
        if self.member:
            return Path(self.lang) / self.document.name / f"{self.member}{ending}"
        return Path(self.lang) / f"{self.document.name}{ending}"


def annexes(case: Case, document: DocumentType, author: str | None, members: Iterable[str]) -> tuple[Annex, ...]:
    """The annexes of `document` (for `author`, in a per-author document; `members`: the ids it names).

    A document written with annex volumes carries the whole case's only: every named person's own scans
    would make one file of thousands of pages, which a worker would hold in memory and no body's mailbox
    takes; they go with the documents of each person (hrc, wgad-questionnaire)."""
    if author:
        return select_annexes(document, case.attachments, case.attachment_files, [author])
    named = list(members)
    if volume_count(document, len(named), case.settings.annex_volume_size):
        named = []
    return select_annexes(document, case.attachments, case.attachment_files, named)


def plan(loaded: Loaded, langs: Iterable[str], formats: Iterable[str],
         documents: Iterable[str] | None = None, day: datetime.date | None = None) -> list[Job]:
    """Every file a build will write, in the order it writes them: with a PDF that has annexes, its
    package; after a document whose list of people is longer than case.toml's annex_volume_size, its
    annex volumes."""
    formats = list(formats)
    jobs: list[Job] = []
    for name in documents or loaded.settings.documents or DEFAULT_DOCUMENTS:
        document = REGISTRY[name]
        members = [m.person.complainant_id
                   for m in document.members(loaded.case.members, day or build_date(loaded.settings))[0]]
        if document.on_request and not members:  # no urgent appeal when no one is still held
            continue
        authors: list[str | None] = list(members) if document.per_member else [None]
        packaged = {author for author in authors
                    if "pdf" in formats and annexes(loaded.case, document, author, members)}
        for lang in langs:
            for member in authors:
                jobs.extend(Job(document, lang, fmt, member) for fmt in formats)
                if member in packaged:
                    jobs.append(Job(document, lang, PACKAGE, member))
            for volume in range(1, volume_count(document, len(members), loaded.settings.annex_volume_size) + 1):
                jobs.extend(Job(document, lang, fmt, None, volume) for fmt in formats)
    return jobs
