"""Where the tool may write: never over a file unless told, never on a case's inputs, never
outside the folder it builds in. Checked where a path enters and again where it is written."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from .errors import BuildError, UsageError


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def refuse_inputs(out: Path, inputs: Iterable[Path], folders: Iterable[Path] = ()) -> None:
    """Refuse to write `out` (a file, or a folder a build replaces whole) over one of the case's
    `inputs`, anywhere inside its case `folders`, or around them: --force or not, the case is only
    ever read."""
    target = Path(out).resolve()
    for path in inputs:
        if _within(Path(path).resolve(), target):
            raise UsageError(f"{out}: this is, or holds, an input of the case, which is only read; "
                             "give another name")
    for folder in folders:
        resolved = Path(folder).resolve()
        if _within(target, resolved) or _within(resolved, target):
            raise UsageError(f"{out}: inside the case folder {folder}, or holding it, and the case is only read; "
                             "write it elsewhere")


def refuse_existing(out: Path, force: bool) -> None:
    """A file is replaced only with --force, and only by a file."""
    out = Path(out)
    if out.is_symlink() or (out.exists() and not out.is_file()):
        raise UsageError(f"{out}: exists and is not a regular file; give another name")
    if out.exists() and not force:
        raise UsageError(f"{out}: already exists; give another name, or --force to replace it")


def publish_file(temporary: Path, out: Path, force: bool) -> None:
    """Move a finished temporary file to `out`. Without `force`, a file that appeared at `out`
    meanwhile is kept: a second link fails where a rename would replace it."""
    if force:
        os.replace(temporary, out)
        return
    try:
        os.link(temporary, out)
    except FileExistsError:
        raise UsageError(f"{out}: already exists; give another name, or --force to replace it") from None
    except OSError:  # no hard links on this drive (FAT, exFAT): checked, then renamed
        refuse_existing(out, force)
        os.replace(temporary, out)
    else:
        os.unlink(temporary)


def contained(root: Path, relative: Path) -> Path:
    """root/relative, refused unless it lies inside root once resolved: a path made from the
    data (an id) must not climb out of the folder the build writes, whatever slipped past
    validation."""
    resolved_root = Path(root).resolve()
    path = (resolved_root / relative).resolve()
    if relative.is_absolute() or path == resolved_root or resolved_root not in path.parents:
        raise BuildError(f"{relative}: refused: this output path would lie outside {root}; nothing was published")
    return path


def refuse_linked_output(output_root: Path, name: str) -> None:
    """output/<case> is replaced by a rename: a link there would be replaced, or followed by the
    folders made under it, and every later build would stumble on it."""
    target = Path(output_root) / name
    if target.is_symlink():
        raise UsageError(f"{target}: a symbolic link; a build writes only a folder of its own there. "
                         "Remove the link, or give another --output")
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target}: not a folder; remove it, or give another --output")


def private_folders(folder: Path) -> None:
    """Make `folder` and the folders above it that are missing, each readable by the user alone
    (mkdir(parents=True) would give the ones above the default mode)."""
    folder = Path(folder)
    missing = [path for path in (folder, *folder.parents) if not path.exists()]
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:  # made meanwhile by another process: fine if it is a folder
            if not path.is_dir():
                raise
        else:
            os.chmod(path, 0o700)  # whatever the umask


def origin_of(case: Path) -> str:
    """Which case a build came from, for its manifest: a digest of where the case lies, so that no
    path (which may hold a name) is written down."""
    return hashlib.sha256(str(Path(case).resolve()).encode("utf-8", "surrogateescape")).hexdigest()


def refuse_other_case(target: Path, origin: str, workbook_name: str, force: bool) -> None:
    """Two cases in folders of the same name would share output/<name>: the second build is
    refused unless --force, rather than replacing the first case's documents."""
    if force or not target.is_dir():
        return
    try:
        manifest = json.loads((target / "manifest.json").read_bytes())
        other = (manifest["origin"] != origin if "origin" in manifest  # built before origins were recorded:
                 else manifest["inputs"]["workbook"]["name"] != workbook_name)  # the workbook's name
    except (OSError, ValueError, KeyError, TypeError):
        other = False  # no manifest of this tool's, or a damaged one: replaced, as a damaged build is
    if other:
        raise UsageError(f"{target}: holds the documents of another case of the same name; give another "
                         "--output, or --force to replace them")
