"""The manifest of a build: its inputs, what made the files, the counts, and every output's hash and key."""

from __future__ import annotations

import datetime
import hashlib
import platform
import re
from collections.abc import Iterable
from dataclasses import asdict
from importlib import metadata
from pathlib import Path

from weasyprint.text.ffi import pango  # where `weasyprint --info` reads Pango's version

from . import __version__
from .case_data import input_digest
from .counts import Counts
from .figures import FILE_NAME as FIGURES
from .i18n import catalog_path
from .pipeline import Job, Loaded
from .render_html import docx_dir, html_dir, template_root
from .verify import sha256_file

_PACKAGE = Path(__file__).parent


def provenance(jobs: list[Job]) -> dict:
    """What the files are made with besides the case: the tool, the templates, the data, the catalogs."""
    return {
        "tool": _tool(),
        # Whole folders rather than the files a document names: a template may include or import others.
        "templates": _hashes(template_root(), (html_dir(), docx_dir())),
        "data": _hashes(_PACKAGE, (_PACKAGE / "data",)),
        "catalogs": {lang: sha256_file(catalog_path(lang)) for lang in sorted({job.lang for job in jobs})},
    }


def manifest(loaded: Loaded, counts: Counts, jobs: list[Job], staging: Path, day: datetime.date,
             provenance: dict, keys: dict[str, str]) -> dict:
    inputs = {"workbook": {"name": loaded.files.workbook.name, "sha256": input_digest(loaded.files.workbook)}}
    if loaded.files.settings:
        inputs["settings"] = {"name": loaded.files.settings.name, "sha256": sha256_file(loaded.files.settings)}
    return {
        "case": loaded.settings.name,
        "build_date": day.isoformat(),
        "inputs": inputs,
        **provenance,
        "documents": {job.document.name: {"public": job.document.public} for job in jobs},
        "counts": _counts_json(counts),
        # The files of the Attachments sheet, from the case folder: a changed scan shows here.
        "annexes": _annexes(loaded),
        "outputs": {job.relative_path.as_posix(): sha256_file(staging / job.relative_path) for job in jobs}
        | {FIGURES: sha256_file(staging / FIGURES)},
        # What each output was made from (see DocumentHtml.key): the next build copies an output whose
        # key has not changed instead of rendering it again.
        "render_keys": keys,
    }


def _annexes(loaded: Loaded) -> dict[str, str]:
    folder = loaded.files.attachments_root.resolve()
    return {item.path.relative_to(folder).as_posix(): item.sha256 for item in loaded.attachment_files.values()}


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
            name = re.sub(r"[-_.]+", "-", re.split(r"[^A-Za-z0-9._-]", requirement, maxsplit=1)[0]).lower()
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
