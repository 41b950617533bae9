"""The pipeline: workbook → records → report → case → counts → context → DOCX/PDF → files + manifest.

Pure stages in the middle; this module does the I/O at both ends.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime
import errno
import fcntl
import hashlib
import itertools
import json
import os
import platform
import re
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from markupsafe import Markup
from weasyprint.text.ffi import pango  # where `weasyprint --info` reads Pango's version

from . import __version__
from .blocks import DocumentMeta, blocks_from_html
from .case import Case, CaseSource, build_case
from .context import document_context
from .counts import Counts, count
from .documents import FORMATS, REGISTRY, DocumentType
from .errors import InvalidData, OutputBusy
from .i18n import catalog_path, language, languages
from .records import read_records
from .render_docx import render_docx
from .render_pdf import check_glyphs, render_pdf
from .report import Report
from .settings import Settings
from .sources import input_digest, read_case_data
from .render_html import docx_dir, html_dir, render_html, template_root
from .validation import validate
from .verify import MANIFEST, sha256_file

_PACKAGE = Path(__file__).parent
# renameat2(2): the current folder as the base of relative paths, and the flag that swaps two paths.
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


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
    raw = read_case_data(source.workbook)
    records = read_records(raw)
    columns = {key: sheet.columns for key, sheet in raw.sheets.items()}
    today = today or datetime.date.today()
    report = validate(records, columns, tuple(langs), today, build_date(settings, today))
    report.sheet_titles = {key: sheet.title for key, sheet in raw.sheets.items()}
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
    jobs: list[Job] = field(default_factory=list)

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


def _write_private(path: Path, data: bytes) -> None:
    # mkdir(parents=True) would give the folders it adds the default mode, not 0700.
    missing = list(itertools.takewhile(lambda folder: not folder.exists(), [path.parent, *path.parent.parents]))
    for folder in reversed(missing):
        folder.mkdir(mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        # On disk before the folder is swapped in, so that a crash just after cannot leave empty files.
        os.fsync(handle.fileno())


def _manifest(loaded: Loaded, counts: Counts, jobs: list[Job], staging: Path, day: datetime.date) -> dict:
    inputs = {"workbook": {"name": loaded.source.workbook.name, "sha256": input_digest(loaded.source.workbook)}}
    if loaded.source.settings:
        inputs["settings"] = {"name": loaded.source.settings.name, "sha256": sha256_file(loaded.source.settings)}
    return {
        "case": loaded.settings.name,
        "build_date": day.isoformat(),
        "tool": _tool(),
        "inputs": inputs,
        # Whole folders rather than the files a document names: a template may include or import others.
        "templates": _hashes(template_root(), (html_dir(), docx_dir())),
        "data": _hashes(_PACKAGE, (_PACKAGE / "data",)),
        "catalogs": {lang: sha256_file(catalog_path(lang)) for lang in sorted({job.lang for job in jobs})},
        "documents": {job.document.name: {"public": job.document.public} for job in jobs},
        "counts": _counts_json(counts),
        "outputs": {job.relative_path.as_posix(): sha256_file(staging / job.relative_path) for job in jobs},
    }


def _hashes(root: Path, folders: Iterable[Path]) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): sha256_file(path)
            for folder in folders for path in sorted(folder.rglob("*")) if path.is_file()}


def _tool() -> dict[str, str]:
    """What made the files: this package, with a digest of its code (the version number alone does not
    change with every edit), the Python, Pango and libraries it ran on."""
    code = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        code.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    major, rest = divmod(pango.pango_version(), 10000)
    return {
        "complaints": __version__,
        "complaints-code-sha256": code.hexdigest(),
        "python": platform.python_version(),
        "pango": f"{major}.{rest // 100}.{rest % 100}",
        **_libraries(),
    }


def _libraries() -> dict[str, str]:
    """The versions of every library installed for this package, and the libraries those require."""
    found: dict[str, str] = {}
    pending = ["complaints"]
    while pending:
        for requirement in metadata.requires(pending.pop()) or ():
            if "extra" in requirement.partition(";")[2]:  # optional features: the test tools
                continue
            name = re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9._-]+", requirement)[0]).lower()
            if name in found:
                continue
            try:
                found[name] = metadata.version(name)
            except metadata.PackageNotFoundError:  # required only on another platform or Python
                continue
            pending.append(name)
    return dict(sorted(found.items()))


def _counts_json(counts: Counts) -> dict:
    data = asdict(counts)
    data["events"] = [
        {"event_id": item.event.event_id, "complainants": item.complainants, "episodes": item.episodes}
        for item in counts.events
    ]
    data["exclusion_reasons"] = dict(counts.exclusion_reasons)
    return data


def lock_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.lock")


@contextlib.contextmanager
def _exclusive(target: Path) -> Iterator[None]:
    """Hold the case's lock for the whole build. The system releases it when the process ends,
    however it ends, so a killed build never blocks the next one."""
    path = lock_path(target)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise OutputBusy(f"{target}: another build of this case is running; "
                             "run this one again when it has finished") from None
        # The build that held it may have removed the file in the meantime: that lock guards nothing.
        with contextlib.suppress(FileNotFoundError):
            if os.path.samestat(os.fstat(fd), path.stat()):
                break
        os.close(fd)
    try:
        yield
    finally:
        path.unlink(missing_ok=True)  # before letting go, so that no one locks a file being removed
        os.close(fd)


def _clear_leftovers(target: Path) -> None:
    """Remove what killed builds left beside the output, first putting back a previous output
    that one had set aside (see _publish)."""
    leftover = re.compile(rf"\.{re.escape(target.name)}\.(partial|previous)-[^.]+")
    for path in sorted(target.parent.iterdir()):
        match = leftover.fullmatch(path.name)
        if match and match[1] == "previous" and not target.exists():
            path.rename(target)
        elif match:
            shutil.rmtree(path)


def _exchange(staging: Path, target: Path) -> bool:
    """Swap two folders in one step (Linux renameat2). False where the system or the file
    system cannot: macOS, FAT and exFAT memory sticks, some network shares."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(staging), _AT_FDCWD, os.fsencode(target), _RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(target))


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Ctrl-C, a hang-up or a termination waits until the block has run."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM, signal.SIGHUP})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _publish(staging: Path, target: Path) -> None:
    """Put the finished folder in place in one step: however the build is stopped, the output
    is the previous one or the new one, whole."""
    for folder in [*(path for path in staging.rglob("*") if path.is_dir()), staging]:
        _fsync_folder(folder)
    if not target.exists():
        staging.rename(target)
    elif _exchange(staging, target):
        shutil.rmtree(staging)  # which now holds the previous output
    else:
        # Two renames leave a moment without output: no signal may stop the build there,
        # and the next build puts the previous output back if the process was killed there.
        previous = target.with_name(f".{target.name}.previous-{os.getpid()}")
        with _signals_deferred():
            target.rename(previous)
            staging.rename(target)
        shutil.rmtree(previous)
    _fsync_folder(target.parent)


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
    jobs = plan(loaded, langs, formats, documents)
    with _exclusive(target):
        _clear_leftovers(target)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=output_root))
        try:
            for job, data in render_jobs(loaded.case, jobs, day):
                _write_private(staging / job.relative_path, data)
                if progress:
                    progress(job)
            manifest = _manifest(loaded, counts, jobs, staging, day)
            _write_private(staging / MANIFEST,
                           json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8"))
            _publish(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return BuildResult(loaded, counts, target, [target / job.relative_path for job in jobs], jobs)
