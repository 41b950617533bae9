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
import multiprocessing
import os
import platform
import re
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field, replace
from importlib import metadata
from pathlib import Path

from markupsafe import Markup
from weasyprint.text.ffi import pango  # where `weasyprint --info` reads Pango's version

from . import __version__
from .blocks import DocumentMeta, blocks_from_html
from .bodies import bodies
from .case import Case, CaseSource, build_case
from .context import document_context
from .counts import Counts, count
from .documents import DEFAULT_DOCUMENTS, FORMATS, REGISTRY, DocumentType
from .errors import InvalidData, OpenPointsRemain, OutputBusy
from .figures import FILE_NAME as FIGURES, PRINTED, all_figures, figures_workbook
from .heap import without_cycle_collection
from .open_points import OpenPoint, describe, open_points
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
    with without_cycle_collection():
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
    def document_path(self) -> str:
        """The document this file is a format of: "en/hrc/C001", "ru/wgad"."""
        return self.relative_path.with_suffix("").as_posix()

    @property
    def relative_path(self) -> Path:
        if self.member:
            return Path(self.lang) / self.document.name / f"{self.member}.{self.fmt}"
        return Path(self.lang) / f"{self.document.name}.{self.fmt}"


def plan(loaded: Loaded, langs: Iterable[str], formats: Iterable[str],
         documents: Iterable[str] | None = None) -> list[Job]:
    """Every file a build will write, in the order it writes them."""
    jobs = []
    for name in documents or loaded.settings.documents or DEFAULT_DOCUMENTS:
        document = REGISTRY[name]
        members = [m.person.complainant_id for m in document.members(loaded.case.members)[0]]
        if document.on_request and not members:  # no urgent appeal when no one is still held
            continue
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
    reused: list[Path] = field(default_factory=list)  # the files kept unchanged from the previous build
    # By document ("en/hrc/C001"), what it leaves for the lawyer to complete; only documents with some.
    open_points: dict[str, tuple[OpenPoint, ...]] = field(default_factory=dict)
    @property
    def figures(self) -> Path:
        """figures.xlsx: every figure the documents print, with the complainants it counts."""
        return self.output / FIGURES

    # The PDFs longer than their receiving body accepts: (document, pages, the body's limit).
    over_limit: list[tuple[str, int, int]] = field(default_factory=list)

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


class _Source:
    """One document in one language, for one author where it is one per author: its HTML, from
    which each of its formats is rendered."""

    def __init__(self, document: DocumentType, lang: str, context: dict, day: datetime.date):
        code = language(lang)
        title = code.pgettext("document title", document.title)
        self.document, self.lang, self.day = document, lang, day
        self.meta = DocumentMeta(
            title=title,
            language=lang,
            header=title,
            page_label=code.pgettext("page label", "Page {page} of {pages}"),
            confidential_mark="" if document.public else code.pgettext("mark", "Confidential"),
        )
        self.context = context | {
            "document_title": title,
            "confidential_mark": self.meta.confidential_mark,
            "draft_mark": "",
            "build_date_iso": day.isoformat(),
            "page_label_css": _css_content(self.meta),
            "with_summary": False,
        }
        self.where = f"{lang}/{document.name}" + (f"/{context['author'].complainant_id}" if "author" in context else "")
        with without_cycle_collection():
            self.html = render_html(lang, document.html_template, self.context)
            self.open_points = open_points(self.html)
            if self.open_points:
                # A document with open points is a draft: marked in the header of every page.
                self.meta = replace(self.meta, draft_mark=code.pgettext("mark", "Draft"))
                self.context |= {"draft_mark": self.meta.draft_mark,
                                 "draft_mark_css": _css_string(self.meta.draft_mark)}
                self.html = render_html(lang, document.html_template, self.context)
            # The variant opening with a summary, for a document that turns out longer than its limit.
            self.summary_html = (render_html(lang, document.html_template, self.context | {"with_summary": True})
                                 if document.summary_over_pages else None)

    def key(self, salt: bytes, fmt: str) -> str:
        """What the file of format `fmt` is made from: equal keys, equal bytes."""
        digest = hashlib.sha256(salt + fmt.encode() + b"\0" + self.html.encode())
        if self.summary_html is not None:
            digest.update(b"\0" + self.summary_html.encode())
        return digest.hexdigest()

    def render(self, formats: list[str]) -> tuple[dict[str, bytes], int | None]:
        """The files of `formats`, and the PDF's number of pages when one was rendered."""
        html, pdf, pages = self.html, None, None
        if self.summary_html is not None:
            pdf, pages = render_pdf(html, self.where)
            if pages > self.document.summary_over_pages:
                html, pdf = self.summary_html, None
        blocks = blocks_from_html(html)
        check_glyphs("\n".join([b.text for b in blocks] + [c for b in blocks for r in b.rows for c in r]),
                     self.where)
        rendered = {}
        for fmt in formats:
            if fmt == "pdf":
                if pdf is None:
                    pdf, pages = render_pdf(html, self.where)
                rendered[fmt] = pdf
            else:
                moment = datetime.datetime.combine(self.day, datetime.time())
                rendered[fmt] = render_docx(docx_dir() / self.document.docx_template, blocks, self.meta, moment)
        return rendered, pages


# The contexts a worker keeps: those of the documents and languages it is working through.
_CONTEXTS_KEPT = 4


@dataclass
class _Renderer:
    """Renders groups of jobs (the formats of one _Source). The parent builds it; worker processes
    inherit it, and are sent only the numbers of the groups to render."""

    case: Case
    day: datetime.date
    groups: list[tuple[Job, ...]]
    salts: dict[str, bytes]  # by language, what besides its HTML a file is made from (see _salts)
    previous: dict[str, tuple[str, str]]  # relative path -> (key, sha256) of the output being replaced
    previous_root: Path
    staging: Path  # where the files are written, by whichever process renders them
    final: bool = False  # render nothing that still has open points
    contexts: dict[tuple[str, str], tuple[dict, dict]] = field(default_factory=dict)

    def context(self, document: DocumentType, lang: str) -> tuple[dict, dict]:
        """The document's context, and its people by complainant id."""
        key = (document.name, lang)
        if key in self.contexts:
            self.contexts[key] = self.contexts.pop(key)  # the least recently used goes first
        else:
            if len(self.contexts) >= _CONTEXTS_KEPT:
                del self.contexts[next(iter(self.contexts))]
            context = document_context(self.case, document, lang, self.day)
            self.contexts[key] = context, {p.complainant_id: p for p in context["people"]}
        return self.contexts[key]

    def render(self, index: int) -> tuple[tuple[OpenPoint, ...], int | None, list[tuple[str, bool]]]:
        """Write the files of group `index` into the staging folder; return the document's open
        points, its number of PDF pages when rendered, and the key of each file and whether it was
        written: not when the output being replaced holds it already (its key is the same, and it
        still hashes as recorded), for the parent to keep. A worker writes what it renders rather than sending it back: the parent
        would hold whatever it had not written yet. A final build renders nothing of a document
        with open points (and returns no keys): the build will refuse it."""
        group = self.groups[index]
        first = group[0]
        context, people = self.context(first.document, first.lang)
        if first.member:
            context = context | {"author": people[first.member]}
        source = _Source(first.document, first.lang, context, self.day)
        if self.final and source.open_points:
            return source.open_points, None, []
        keys = {job.fmt: source.key(self.salts[first.lang], job.fmt) for job in group}
        missing = [job.fmt for job in group if not self.unchanged(job, keys[job.fmt])]
        files, pages = source.render(missing) if missing else ({}, None)
        for job in group:
            if job.fmt in files:
                _write_private(self.staging / job.relative_path, files[job.fmt])
        return source.open_points, pages, [(keys[job.fmt], job.fmt in files) for job in group]

    def unchanged(self, job: Job, key: str) -> bool:
        path = job.relative_path.as_posix()
        previous = self.previous_root / job.relative_path
        if self.previous.get(path, ("",))[0] != key or previous.is_symlink():
            return False
        try:
            return hashlib.sha256(previous.read_bytes()).hexdigest() == self.previous[path][1]
        except OSError:
            return False


def _salts(provenance: dict) -> dict[str, bytes]:
    """By language, what a file is made from besides its HTML: the tool, the templates, the data
    and that language's catalog. A build in another set of languages keeps the same keys."""
    shared = {name: provenance[name] for name in ("tool", "templates", "data")}
    return {lang: json.dumps(shared | {"catalog": digest}, sort_keys=True).encode("utf-8")
            for lang, digest in provenance["catalogs"].items()}


def _previous_pages(target: Path) -> dict[str, int]:
    """The number of pages of each PDF of the build in `target`, if it recorded them."""
    try:
        pages = json.loads((target / MANIFEST).read_bytes())["pages"]
        return {path: n for path, n in pages.items() if isinstance(path, str) and isinstance(n, int)}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _over_limit(pages: dict[str, int]) -> list[tuple[str, int, int]]:
    """The documents longer than the page limit of a body they are sent to (complaints/data/bodies.toml)."""
    found = []
    for document_path, count in sorted(pages.items()):
        document = REGISTRY[document_path.split("/")[1]]
        limits = [bodies()[key].page_limit for key in document.bodies if bodies()[key].page_limit]
        if limits and count > min(limits):
            found.append((document_path, count, min(limits)))
    return found


def _previous_keys(target: Path) -> dict[str, tuple[str, str]]:
    """The key and sha256 of each output of the build in `target`, if it recorded them."""
    try:
        manifest = json.loads((target / MANIFEST).read_bytes())
        keys, outputs = manifest["render_keys"], manifest["outputs"]
        return {path: (key, outputs[path]) for path, key in keys.items()
                if isinstance(key, str) and isinstance(outputs.get(path), str)}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _groups(jobs: list[Job]) -> list[tuple[Job, ...]]:
    """The jobs by _Source: the formats of one document, language and author."""
    grouped: dict[tuple[str, str, str | None], list[Job]] = {}
    for job in jobs:
        grouped.setdefault((job.document.name, job.lang, job.member), []).append(job)
    return [tuple(group) for group in grouped.values()]


# Per-author documents go to the workers a few at a time: each costs about a tenth of a
# second, against a millisecond to send and return a chunk.
_CHUNK = 8


def _chunks(groups: list[tuple[Job, ...]]) -> list[list[int]]:
    """The group numbers in the chunks the workers take one after the other.

    A document that is one file for the whole case can take minutes, and WeasyPrint holds all
    its pages in memory until it writes it (about 1 MB a page): those are spread evenly among
    the chunks of per-author documents, language after language, so that the same long document
    in two languages does not run in both workers at once.
    """
    languages = list(dict.fromkeys(group[0].lang for group in groups))
    single = sorted((index for index, group in enumerate(groups) if not group[0].member),
                    key=lambda index: languages.index(groups[index][0].lang))
    per_author = [index for index, group in enumerate(groups) if group[0].member]
    chunks = [per_author[start:start + _CHUNK] for start in range(0, len(per_author), _CHUNK)]
    if not single:
        return chunks
    share = [position * len(chunks) // len(single) for position in range(len(single) + 1)]
    return [chunk for position, index in enumerate(single)
            for chunk in [[index], *chunks[share[position]:share[position + 1]]]]


_WORKER: _Renderer | None = None


def _start_worker(renderer: _Renderer, lock: int, parent: int) -> None:
    global _WORKER
    _WORKER = renderer
    # A forked worker shares the parent's lock on the case; only the parent may hold it, or a
    # build killed with its workers still running would keep the next one out.
    os.close(lock)
    # Ctrl-C reaches the whole process group; the parent stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_without, args=(parent,), daemon=True).start()


def _exit_without(parent: int) -> None:
    """End the worker once its parent is gone: a killed build leaves no process behind."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _render_chunk(indexes: list[int]) -> list[tuple[int, tuple]]:
    return [(index, _WORKER.render(index)) for index in indexes]


@contextlib.contextmanager
def _rendered(renderer: _Renderer, workers: int, lock: int) -> Iterator[Iterable[tuple[tuple[Job, ...], tuple]]]:
    """Every group of jobs with what _Renderer.render returned for it (its open points, pages, and
    each file's key and whether it was written), in the order they are ready, rendered by `workers`
    processes (forked, so that each starts with the case already loaded)."""
    def files(rendered: Iterable[tuple[int, tuple]]) -> Iterator[tuple[tuple[Job, ...], tuple]]:
        for index, result in rendered:
            yield renderer.groups[index], result

    chunks = _chunks(renderer.groups)
    if workers < 2 or len(chunks) < 2:
        yield files((index, renderer.render(index)) for index in range(len(renderer.groups)))
        return
    executor = ProcessPoolExecutor(min(workers, len(chunks)), mp_context=multiprocessing.get_context("fork"),
                                   initializer=_start_worker, initargs=(renderer, lock, os.getpid()))
    try:
        done = as_completed([executor.submit(_render_chunk, chunk) for chunk in chunks])
        yield files(item for future in done for item in future.result())
    except BaseException:
        # Rather than waiting for the documents under way (a long one takes minutes). Python
        # 3.14's executor.kill_workers() does this.
        for process in list(executor._processes.values()):
            process.kill()
        executor.shutdown(cancel_futures=True)
        raise
    executor.shutdown()


def _css_string(text: str) -> Markup:
    """Text as a quoted CSS string."""
    return Markup('"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ") + '"')


def _css_content(meta: DocumentMeta) -> Markup:
    """The page label as a CSS content value: quoted text and page counters."""
    return Markup(" ".join(_css_string(text) if text else f"counter({field})"
                           for text, field in meta.page_label_pieces()))


def _private_folders(path: Path) -> None:
    """The folders above `path`, made where missing. mkdir(parents=True) would give the folders it
    adds the default mode, not 0700. Two workers may make the same folder at once."""
    missing = list(itertools.takewhile(lambda folder: not folder.exists(), [path.parent, *path.parent.parents]))
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700)


def _write_private(path: Path, data: bytes) -> None:
    _private_folders(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        # On disk before the folder is swapped in, so that a crash just after cannot leave empty files.
        os.fsync(handle.fileno())


def _keep(previous: Path, path: Path) -> None:
    """Put a file of the build being replaced into the new one: as a second link to it, which
    writes nothing, where the file system has links (FAT and exFAT have none)."""
    _private_folders(path)
    try:
        os.link(previous, path, follow_symlinks=False)
    except OSError:
        _write_private(path, previous.read_bytes())
    else:
        os.chmod(path, 0o600)


def _provenance(jobs: list[Job]) -> dict:
    """What the files are made with besides the case: the tool, the templates, the data, the catalogs."""
    return {
        "tool": _tool(),
        # Whole folders rather than the files a document names: a template may include or import others.
        "templates": _hashes(template_root(), (html_dir(), docx_dir())),
        "data": _hashes(_PACKAGE, (_PACKAGE / "data",)),
        "catalogs": {lang: sha256_file(catalog_path(lang)) for lang in sorted({job.lang for job in jobs})},
    }


def _manifest(loaded: Loaded, counts: Counts, jobs: list[Job], staging: Path, day: datetime.date,
              provenance: dict, keys: dict[str, str]) -> dict:
    inputs = {"workbook": {"name": loaded.source.workbook.name, "sha256": input_digest(loaded.source.workbook)}}
    if loaded.source.settings:
        inputs["settings"] = {"name": loaded.source.settings.name, "sha256": sha256_file(loaded.source.settings)}
    return {
        "case": loaded.settings.name,
        "build_date": day.isoformat(),
        "inputs": inputs,
        **provenance,
        "documents": {job.document.name: {"public": job.document.public} for job in jobs},
        "counts": _counts_json(counts),
        "outputs": {job.relative_path.as_posix(): sha256_file(staging / job.relative_path) for job in jobs}
        | {FIGURES: sha256_file(staging / FIGURES)},
        # What each output was made from (see _Source.key): the next build copies an output whose
        # key has not changed instead of rendering it again.
        "render_keys": keys,
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
def _exclusive(target: Path) -> Iterator[int]:
    """Hold the case's lock for the whole build; yields its file descriptor. The system releases it
    when the process ends, however it ends, so a killed build never blocks the next one."""
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
        yield fd
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
          progress: Callable[[Job], None] | None = None, today: datetime.date | None = None,
          workers: int = 1, final: bool = False) -> BuildResult:
    langs = tuple(langs or languages())
    return produce(load(path, langs, today), langs, formats, documents, output_root, progress, today, workers,
                   final)


def produce(loaded: Loaded, langs: Iterable[str], formats: Iterable[str] = FORMATS,
            documents: Iterable[str] | None = None, output_root: Path = Path("output"),
            progress: Callable[[Job], None] | None = None, today: datetime.date | None = None,
            workers: int = 1, final: bool = False) -> BuildResult:
    """Render every requested document of a loaded case into output_root/<case>/, all or nothing,
    in `workers` processes. An output whose inputs have not changed since the build it replaces is
    kept from there rather than rendered again. A `final` build refuses (OpenPointsRemain, nothing
    written) when any document still has open points."""
    require_valid(loaded)
    counts = count(loaded.case)
    day = build_date(loaded.settings, today)
    output_root.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = output_root / loaded.settings.name
    jobs = plan(loaded, langs, formats, documents)
    provenance = _provenance(jobs)
    with _exclusive(target) as lock:
        _clear_leftovers(target)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=output_root))
        keys, reused, points, pages = {}, [], {}, {}
        previous_pages = _previous_pages(target)
        try:
            renderer = _Renderer(loaded.case, day, _groups(jobs), _salts(provenance), _previous_keys(target), target,
                                 staging, final)
            with _rendered(renderer, workers, lock) as rendered:
                for group, (open_in_document, pdf_pages, files) in rendered:
                    document_path = group[0].document_path
                    if open_in_document:
                        points[document_path] = open_in_document
                    if pdf_pages is not None:
                        pages[document_path] = pdf_pages
                    elif document_path in previous_pages and any(job.fmt == "pdf" for job in group):
                        pages[document_path] = previous_pages[document_path]
                    for job, (key, written) in zip(group, files):
                        if not written:
                            _keep(target / job.relative_path, staging / job.relative_path)
                            reused.append(target / job.relative_path)
                        keys[job.relative_path.as_posix()] = key
                        if progress:
                            progress(job)
            points = dict(sorted(points.items()))
            built = list(dict.fromkeys(job.document.name for job in jobs))
            _write_private(staging / FIGURES,
                           figures_workbook(all_figures(loaded.case, [n for n in built if n in PRINTED]), day))
            if final and points:
                raise OpenPointsRemain(
                    f"--final: {len(points)} document(s) still have open points; none was written:\n"
                    + "\n".join(f"  {document}: {describe(found)}" for document, found in points.items()), points)
            manifest = _manifest(loaded, counts, jobs, staging, day, provenance, keys) | {
                "pages": dict(sorted(pages.items()))}
            _write_private(staging / MANIFEST,
                           json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8"))
            _publish(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return BuildResult(loaded, counts, target, [target / job.relative_path for job in jobs], jobs, reused, points,
                       _over_limit(pages))
