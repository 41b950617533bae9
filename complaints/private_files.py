"""Files and folders only their owner can open: folders 0700, files 0600, whatever the umask."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def _folders_below(root: Path, relative: Path) -> Path:
    """Make the folders of `relative` below `root`, each 0700 (mkdir(parents=True) would give them
    the default mode), and return the file's path. `root` itself is never made: a worker still
    writing after its build was killed, whose staging folder the next build has cleared, fails
    here rather than making that folder again. Two workers may make the same folder at once."""
    folder = root
    for part in relative.parent.parts:
        folder = folder / part
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700)
    return root / relative


def write_private(root: Path, relative: Path, data: bytes) -> None:
    """Write `data` to the new file `relative` inside the existing folder `root`."""
    fd = os.open(_folders_below(root, relative), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        # On disk before the folder is swapped in, so that a crash just after cannot leave empty files.
        os.fsync(handle.fileno())


def keep(previous: Path, root: Path, relative: Path) -> None:
    """Put the file `previous` of the build being replaced into the new one, at `relative` inside
    `root`: as a second link to it, which writes nothing, where the file system has links (FAT and
    exFAT have none)."""
    path = _folders_below(root, relative)
    try:
        os.link(previous, path, follow_symlinks=False)
    except OSError:
        write_private(root, relative, previous.read_bytes())
    else:
        os.chmod(path, 0o600)
