"""Files and folders only their owner can open: folders 0700, files 0600, whatever the umask."""

from __future__ import annotations

import contextlib
import itertools
import os
from pathlib import Path


def private_folders(path: Path) -> None:
    """The folders above `path`, made where missing. mkdir(parents=True) would give the folders it
    adds the default mode, not 0700. Two workers may make the same folder at once."""
    missing = list(itertools.takewhile(lambda folder: not folder.exists(), [path.parent, *path.parent.parents]))
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700)


def write_private(path: Path, data: bytes) -> None:
    private_folders(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        # On disk before the folder is swapped in, so that a crash just after cannot leave empty files.
        os.fsync(handle.fileno())


def keep(previous: Path, path: Path) -> None:
    """Put a file of the build being replaced into the new one: as a second link to it, which
    writes nothing, where the file system has links (FAT and exFAT have none)."""
    private_folders(path)
    try:
        os.link(previous, path, follow_symlinks=False)
    except OSError:
        write_private(path, previous.read_bytes())
    else:
        os.chmod(path, 0o600)
