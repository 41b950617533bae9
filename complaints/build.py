"""The pipeline composed: workbook → records → report → case → counts → context → DOCX/PDF → files +
manifest, all or nothing.

Each step lives in its own module: pipeline (load and plan), render (one document), parallel (the
worker pool), rebuild (what a rebuild may keep), manifest, lock and publish (the atomic swap).
"""

from __future__ import annotations

import datetime
import json
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .bodies import bodies
from .counts import Counts, count
from .documents import FORMATS, REGISTRY, DocumentType
from .errors import OpenPointsRemain
from .figures import FILE_NAME as FIGURES
from .figures import PRINTED, all_figures, figures_workbook
from .i18n import languages
from .lock import exclusive
from .manifest import manifest, provenance
from .open_points import OpenPoint, describe
from .parallel import rendered
from .paths import contained, origin_of, private_folders, refuse_inputs, refuse_linked_output, refuse_other_case
from .pipeline import PACKAGE, Job, Loaded, build_date, load, plan, require_valid
from .private_files import keep, write_private
from .publish import clear_leftovers, publish, staging_folder
from .rebuild import PreviousBuild, salts
from .render import Renderer, groups
from .verify import MANIFEST


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
    # The PDFs longer than their receiving body accepts: (document, pages, the body's limit).
    over_limit: list[tuple[str, int, int]] = field(default_factory=list)
    # By document, how many free texts it prints in another language than its own; only documents with some.
    untranslated: dict[str, int] = field(default_factory=dict)
    day: datetime.date | None = None  # the date the documents bear (None: today's)

    @property
    def figures(self) -> Path:
        """figures.xlsx: every figure the documents print, with the complainants it counts."""
        return self.output / FIGURES

    def documents(self) -> list[DocumentSummary]:
        """What was built of each document, who was left out of it, and which files to send."""
        built: dict[str, set[str]] = {}
        # By document and language, the files each submission is sent as: the package where there is
        # one, else the PDF, else the DOCX (by document, language and author), and each annex volume.
        sent: dict[str, dict[str, dict[tuple[str | None, int], Job]]] = {}
        preference = {PACKAGE: 0, "pdf": 1, "docx": 2}
        for job in self.jobs:
            built.setdefault(job.document.name, set()).add(job.lang)
            chosen = sent.setdefault(job.document.name, {}).setdefault(job.lang, {})
            file = (job.member, job.volume)
            if file not in chosen or preference[job.fmt] < preference[chosen[file].fmt]:
                chosen[file] = job
        summaries = []
        for name, langs in built.items():
            document = REGISTRY[name]
            members, unauthorised = document.members(self.loaded.case.members,
                                                     self.day or build_date(self.loaded.settings))
            summaries.append(DocumentSummary(
                document, len(members), [m.person.complainant_id for m in unauthorised],
                sorted(langs & set(document.accepted_languages)), sorted(langs - set(document.accepted_languages)),
                {lang: [job.relative_path.as_posix() for job in by_file.values() if not job.volume]
                 for lang, by_file in sent[name].items()},
                {lang: volumes for lang, by_file in sent[name].items()
                 if (volumes := [job.relative_path.as_posix() for job in by_file.values() if job.volume])},
            ))
        return summaries


@dataclass(frozen=True)
class DocumentSummary:
    document: DocumentType
    complainants: int
    unauthorised: list[str]  # complainant ids whose power of attorney does not cover it
    to_send: list[str]  # languages the receiving body accepts
    courtesy: list[str]  # languages built as courtesy translations
    files: dict[str, list[str]] = field(default_factory=dict)  # by language, the files to send (relative paths)
    volumes: dict[str, list[str]] = field(default_factory=dict)  # by language, the annex volumes sent with them


def build(path: Path, langs: Iterable[str] | None = None, formats: Iterable[str] = FORMATS,
          documents: Iterable[str] | None = None, output_root: Path = Path("output"),
          progress: Callable[[Job], None] | None = None, today: datetime.date | None = None,
          workers: int = 1, reuse: bool = True, force: bool = False, final: bool = False) -> BuildResult:
    langs = tuple(langs or languages())
    return produce(load(path, langs, today), langs, formats, documents, output_root, progress, today, workers,
                   reuse, force, final)


def produce(loaded: Loaded, langs: Iterable[str], formats: Iterable[str] = FORMATS,
            documents: Iterable[str] | None = None, output_root: Path = Path("output"),
            progress: Callable[[Job], None] | None = None, today: datetime.date | None = None,
            workers: int = 1, reuse: bool = True, force: bool = False, final: bool = False) -> BuildResult:
    """Render every requested document of a loaded case into output_root/<case>/, all or nothing,
    in `workers` processes. An output whose inputs have not changed since the build it replaces is
    kept from there rather than rendered again, unless `reuse` is false. The output of another
    case of the same name is replaced only with `force`. A `final` build refuses (OpenPointsRemain,
    nothing written) when any document still has open points."""
    require_valid(loaded)
    counts = count(loaded.case)
    day = build_date(loaded.settings, today)
    target = output_root / loaded.settings.name
    refuse_linked_output(output_root, loaded.settings.name)
    refuse_inputs(target, loaded.files.inputs, [loaded.files.folder] if loaded.files.folder else [])
    origin = origin_of(loaded.files.workbook)
    refuse_other_case(target, origin, loaded.files.workbook.name, force)
    private_folders(output_root)
    jobs = plan(loaded, langs, formats, documents, day)
    made_with = provenance(jobs)
    with exclusive(target) as lock:
        clear_leftovers(target)
        staging = staging_folder(target)
        keys, reused, points, pages, untranslated = {}, [], {}, {}, {}
        try:
            for job in jobs:  # an id is checked by validation; a path made from one is checked again here
                contained(staging, job.relative_path)
            previous = PreviousBuild.read(target) if reuse else PreviousBuild(target, {})
            renderer = Renderer(loaded.case, day, groups(jobs), salts(made_with), previous, staging, final)
            with rendered(renderer, workers, lock) as results:
                for group, (open_in_document, pdf_pages, files, foreign_texts) in results:
                    document_path = group[0].document_path
                    if open_in_document:
                        points[document_path] = open_in_document
                    if foreign_texts:
                        untranslated[document_path] = foreign_texts
                    # A body's page limit is on the document, not on its annex volumes.
                    if pdf_pages is not None and not group[0].volume:
                        pages[document_path] = pdf_pages
                    elif document_path in previous.pages and any(job.fmt == "pdf" for job in group):
                        pages[document_path] = previous.pages[document_path]
                    # No files when a final build skipped a document with open points.
                    for job, (key, written) in zip(group, files, strict=False):
                        if not written:
                            keep(target / job.relative_path, staging, job.relative_path)
                            reused.append(target / job.relative_path)
                        keys[job.relative_path.as_posix()] = key
                        if progress:
                            progress(job)
            points = dict(sorted(points.items()))
            if final and points:
                raise OpenPointsRemain(
                    f"--final: {len(points)} document(s) still have open points; none was written:\n"
                    + "\n".join(f"  {document}: {describe(found)}" for document, found in points.items()), points)
            built = list(dict.fromkeys(job.document.name for job in jobs))
            write_private(staging, Path(FIGURES),
                          figures_workbook(all_figures(loaded.case, [n for n in built if n in PRINTED], day), day))
            record = manifest(loaded, counts, jobs, staging, day, made_with, keys) | {"origin": origin}
            record["pages"] = dict(sorted(pages.items()))
            write_private(staging, Path(MANIFEST),
                          json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8"))
            publish(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return BuildResult(loaded, counts, target, [target / job.relative_path for job in jobs], jobs, reused, points,
                       _over_limit(pages), dict(sorted(untranslated.items())), day)


def _over_limit(pages: dict[str, int]) -> list[tuple[str, int, int]]:
    """The documents longer than the page limit of a body they are sent to (complaints/data/bodies.toml)."""
    found = []
    for document_path, number in sorted(pages.items()):
        document = REGISTRY[document_path.split("/")[1]]
        limits = [bodies()[key].page_limit for key in document.bodies if bodies()[key].page_limit]
        if limits and number > min(limits):
            found.append((document_path, number, min(limits)))
    return found
