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

from .counts import Counts, count
from .documents import FORMATS, REGISTRY, DocumentType
from .i18n import languages
from .lock import exclusive
from .manifest import manifest, provenance
from .parallel import rendered
from .paths import contained, origin_of, private_folders, refuse_inputs, refuse_linked_output, refuse_other_case
from .pipeline import Job, Loaded, build_date, load, plan, require_valid
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

    def documents(self) -> list[DocumentSummary]:
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


def build(path: Path, langs: Iterable[str] | None = None, formats: Iterable[str] = FORMATS,
          documents: Iterable[str] | None = None, output_root: Path = Path("output"),
          progress: Callable[[Job], None] | None = None, today: datetime.date | None = None,
          workers: int = 1, reuse: bool = True, force: bool = False) -> BuildResult:
    langs = tuple(langs or languages())
    return produce(load(path, langs, today), langs, formats, documents, output_root, progress, today, workers,
                   reuse, force)


def produce(loaded: Loaded, langs: Iterable[str], formats: Iterable[str] = FORMATS,
            documents: Iterable[str] | None = None, output_root: Path = Path("output"),
            progress: Callable[[Job], None] | None = None, today: datetime.date | None = None,
            workers: int = 1, reuse: bool = True, force: bool = False) -> BuildResult:
    """Render every requested document of a loaded case into output_root/<case>/, all or nothing,
    in `workers` processes. An output whose inputs have not changed since the build it replaces is
    kept from there rather than rendered again, unless `reuse` is false. The output of another
    case of the same name is replaced only with `force`."""
    require_valid(loaded)
    counts = count(loaded.case)
    day = build_date(loaded.settings, today)
    target = output_root / loaded.settings.name
    refuse_linked_output(output_root, loaded.settings.name)
    refuse_inputs(target, loaded.files.inputs, [loaded.files.folder] if loaded.files.folder else [])
    origin = origin_of(loaded.files.workbook)
    refuse_other_case(target, origin, loaded.files.workbook.name, force)
    private_folders(output_root)
    jobs = plan(loaded, langs, formats, documents)
    made_with = provenance(jobs)
    with exclusive(target) as lock:
        clear_leftovers(target)
        staging = staging_folder(target)
        keys, reused = {}, []
        try:
            for job in jobs:  # an id is checked by validation; a path made from one is checked again here
                contained(staging, job.relative_path)
            previous = PreviousBuild.read(target) if reuse else PreviousBuild(target, {})
            renderer = Renderer(loaded.case, day, groups(jobs), salts(made_with), previous, staging)
            with rendered(renderer, workers, lock) as files:
                for job, (key, written) in files:
                    if not written:
                        keep(target / job.relative_path, staging / job.relative_path)
                        reused.append(target / job.relative_path)
                    keys[job.relative_path.as_posix()] = key
                    if progress:
                        progress(job)
            record = manifest(loaded, counts, jobs, staging, day, made_with, keys) | {"origin": origin}
            write_private(staging / MANIFEST,
                          json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8"))
            publish(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return BuildResult(loaded, counts, target, [target / job.relative_path for job in jobs], jobs, reused)
