"""One build of a case at a time: a lock file beside its output folder."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputBusy


def lock_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.lock")


@contextlib.contextmanager
def exclusive(target: Path) -> Iterator[int]:
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
