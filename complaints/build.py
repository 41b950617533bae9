"""The pipeline: workbook → records → report → case → counts → context → DOCX/PDF → files + manifest.

Pure stages in the middle; this module does the I/O at both ends.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from markupsafe import Markup

from . import __version__
from .blocks import DocumentMeta, blocks_from_html
from .case import Case, CaseSource, build_case
from .context import document_context
from .counts import Counts, count
from .documents import FORMATS, REGISTRY, DocumentType
from .errors import InvalidData
from .i18n import catalog_path, language, languages
from .records import read_records
from .render_docx import render_docx
from .render_pdf import check_glyphs, render_pdf
from .report import Report
from .settings import Settings
from .render_html import docx_dir, html_dir, render_html
from .validation import validate
from .workbook import read_workbook


@dataclass
class Loaded:
    source: CaseSource
    settings: Settings
    report: Report
    case: Case


def build_date(settings: Settings, today: datetime.date | None = None) -> datetime.date:
    """The date printed on documents: the case's, SOURCE_DATE_EPOCH's, or today's."""
    if settings.build_date:
        return settings.build_date
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return today or datetime.date.today()


def load(path: Path, langs: Iterable[str], today: datetime.date | None = None) -> Loaded:
    """Read and validate a case. Raises UnreadableInput; never InvalidData."""
    source = CaseSource.locate(path)
    settings = Settings.load(source.name, source.settings, REGISTRY)
    raw = read_workbook(source.workbook)
    records = read_records(raw)
    columns = {key: sheet.columns for key, sheet in raw.sheets.items()}
    today = today or datetime.date.today()
    report = validate(records, columns, tuple(langs), today, build_date(settings, today))
    return Loaded(source, settings, report, build_case(settings, records, report))


def require_valid(loaded: Loaded) -> None:
    if not loaded.report.valid:
        raise InvalidData(f"{loaded.source.workbook}: {len(loaded.report.errors)} error(s); "
                          "run `complaints validate` to see them")


@dataclass(frozen=True)
class Job:
    document: DocumentType
    lang: str
    fmt: str
    member: str | None = None  # the complainant id, for a document per author

    @property
    def relative_path(self) -> Path:
        if self.member:
            return Path(self.lang) / self.document.name / f"{self.member}.{self.fmt}"
        return Path(self.lang) / f"{self.document.name}.{self.fmt}"


def plan(loaded: Loaded, langs: Iterable[str], formats: Iterable[str],
         documents: Iterable[str] | None = None) -> list[Job]:
    """Every file a build will write, in the order it writes them."""
    jobs = []
    for name in documents or loaded.settings.documents or REGISTRY:
        document = REGISTRY[name]
        members = [m.person.complainant_id for m in document.members(loaded.case.members)[0]]
        for lang in langs:
            for member in members if document.per_member else [None]:
                jobs.extend(Job(document, lang, fmt, member) for fmt in formats)
    return jobs


@dataclass
class BuildResult:
    loaded: Loaded
    counts: Counts
    output: Path
    files: list[Path] = field(default_factory=list)

    def documents(self) -> list["DocumentSummary"]:
        """What was built of each document, who was left out of it, and which files to send."""
        built: dict[str, set[str]] = {}
        for path in self.files:
            parts = path.relative_to(self.output).parts
            built.setdefault(parts[1].split(".")[0], set()).add(parts[0])
        summaries = []
        for name, langs in built.items():
            document = REGISTRY[name]
            members, unauthorised = document.members(self.loaded.case.members)
            summaries.append(DocumentSummary(
                document, len(members), [m.person.complainant_id for m in unauthorised],
                sorted(langs & set(document.accepted_languages)), sorted(langs - set(document.accepted_languages)),
            ))
        return summaries


@dataclass(frozen=True)
class DocumentSummary:
    document: DocumentType
    complainants: int
    unauthorised: list[str]  # complainant ids whose power of attorney does not cover it
    to_send: list[str]  # languages the receiving body accepts
    courtesy: list[str]  # languages built as courtesy translations


def render_jobs(case: Case, jobs: list[Job], day: datetime.date) -> Iterator[tuple[Job, bytes]]:
    """Render the jobs, each document's HTML once for all its formats."""
    contexts: dict[tuple[str, str], dict] = {}
    grouped: dict[tuple[str, str, str | None], list[Job]] = {}
    for job in jobs:
        grouped.setdefault((job.document.name, job.lang, job.member), []).append(job)
    for (name, lang, member), group in grouped.items():
        document = group[0].document
        if (name, lang) not in contexts:
            contexts[(name, lang)] = document_context(case, document, lang, day)
        context = contexts[(name, lang)]
        if member:
            context = context | {"author": next(p for p in context["people"] if p.complainant_id == member)}
        rendered = _render(document, lang, context, [job.fmt for job in group], day)
        for job in group:
            yield job, rendered[job.fmt]


def _render(document: DocumentType, lang: str, context: dict, formats: list[str],
            day: datetime.date) -> dict[str, bytes]:
    code = language(lang)
    title = code.pgettext("document title", document.title)
    meta = DocumentMeta(
        title=title,
        language=lang,
        header=title,
        page_label=code.pgettext("page label", "Page {page} of {pages}"),
        confidential_mark="" if document.public else code.pgettext("mark", "Confidential"),
    )
    context = context | {
        "document_title": title,
        "confidential_mark": meta.confidential_mark,
        "build_date_iso": day.isoformat(),
        "page_label_css": _css_content(meta),
        "with_summary": False,
    }
    where = f"{lang}/{document.name}" + (f"/{context['author'].complainant_id}" if "author" in context else "")
    html = render_html(lang, document.html_template, context)
    pdf = None
    if document.summary_over_pages:
        pdf, pages = render_pdf(html, where)
        if pages > document.summary_over_pages:
            html = render_html(lang, document.html_template, context | {"with_summary": True})
            pdf = None
    blocks = blocks_from_html(html)
    check_glyphs("\n".join([b.text for b in blocks] + [c for b in blocks for r in b.rows for c in r]), where)
    rendered = {}
    for fmt in formats:
        if fmt == "pdf":
            rendered[fmt] = pdf or render_pdf(html, where)[0]
        else:
            moment = datetime.datetime.combine(day, datetime.time())
            rendered[fmt] = render_docx(docx_dir() / document.docx_template, blocks, meta, moment)
    return rendered


def _css_content(meta: DocumentMeta) -> Markup:
    """The page label as a CSS content value: quoted text and page counters."""
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return Markup(" ".join(quoted(text) if text else f"counter({field})"
                           for text, field in meta.page_label_pieces()))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _manifest(loaded: Loaded, counts: Counts, jobs: list[Job], staging: Path, day: datetime.date) -> dict:
    used_templates = sorted({html_dir() / "base.html", html_dir() / "style.css"}
                            | {html_dir() / job.document.html_template for job in jobs}
                            | {docx_dir() / job.document.docx_template for job in jobs if job.fmt == "docx"})
    inputs = {"workbook": {"name": loaded.source.workbook.name, "sha256": _sha256(loaded.source.workbook)}}
    if loaded.source.settings:
        inputs["settings"] = {"name": loaded.source.settings.name, "sha256": _sha256(loaded.source.settings)}
    return {
        "case": loaded.settings.name,
        "build_date": day.isoformat(),
        "tool": {"complaints": __version__, **{
            name: metadata.version(name)
            for name in ("babel", "click", "docxtpl", "jinja2", "openpyxl", "weasyprint")
        }},
        "inputs": inputs,
        "templates": {str(path.relative_to(html_dir().parent)): _sha256(path) for path in used_templates},
        "catalogs": {lang: hashlib.sha256(catalog_path(lang).read_bytes()).hexdigest()
                     for lang in sorted({job.lang for job in jobs})},
        "counts": _counts_json(counts),
        "outputs": {job.relative_path.as_posix(): _sha256(staging / job.relative_path) for job in jobs},
    }


def _counts_json(counts: Counts) -> dict:
    data = asdict(counts)
    data["events"] = [
        {"event_id": item.event.event_id, "complainants": item.complainants, "episodes": item.episodes}
        for item in counts.events
    ]
    data["exclusion_reasons"] = dict(counts.exclusion_reasons)
    return data


def _publish(staging: Path, target: Path) -> None:
    """Swap the finished folder into place; the previous output survives until then."""
    previous = None
    if target.exists():
        previous = target.with_name(f".{target.name}.previous-{os.getpid()}")
        target.rename(previous)
    staging.rename(target)
    if previous:
        shutil.rmtree(previous)


def build(path: Path, langs: Iterable[str] | None = None, formats: Iterable[str] = FORMATS,
          documents: Iterable[str] | None = None, output_root: Path = Path("output"),
          progress: Callable[[Job], None] | None = None, today: datetime.date | None = None) -> BuildResult:
    langs = tuple(langs or languages())
    return produce(load(path, langs, today), langs, formats, documents, output_root, progress, today)


def produce(loaded: Loaded, langs: Iterable[str], formats: Iterable[str] = FORMATS,
            documents: Iterable[str] | None = None, output_root: Path = Path("output"),
            progress: Callable[[Job], None] | None = None, today: datetime.date | None = None) -> BuildResult:
    """Render every requested document of a loaded case into output_root/<case>/, all or nothing."""
    require_valid(loaded)
    counts = count(loaded.case)
    day = build_date(loaded.settings, today)
    output_root.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = output_root / loaded.settings.name
    staging = Path(tempfile.mkdtemp(prefix=f".{loaded.settings.name}.partial-", dir=output_root))
    jobs = plan(loaded, langs, formats, documents)
    try:
        for job, data in render_jobs(loaded.case, jobs, day):
            _write_private(staging / job.relative_path, data)
            if progress:
                progress(job)
        manifest = _manifest(loaded, counts, jobs, staging, day)
        _write_private(staging / "manifest.json",
                       json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8"))
        _publish(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildResult(loaded, counts, target, [target / job.relative_path for job in jobs])
