"""The finished output put in place in one step, and what killed builds left behind cleared away."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

# renameat2(2): the current folder as the base of relative paths, and the flag that swaps two paths.
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def clear_leftovers(target: Path) -> None:
    """Remove what killed builds left beside the output, first putting back a previous output
    that one had set aside (see publish)."""
    leftover = re.compile(rf"\.{re.escape(target.name)}\.(partial|previous)-[^.]+")
    for path in sorted(target.parent.iterdir()):
        match = leftover.fullmatch(path.name)
        if match and match[1] == "previous" and not target.exists():
            path.rename(target)
        elif match:
            shutil.rmtree(path)


def staging_folder(target: Path) -> Path:
    """A new folder beside `target` for a build to write into; clear_leftovers knows its name."""
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))


def exchange(staging: Path, target: Path) -> bool:
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


def publish(staging: Path, target: Path) -> None:
    """Put the finished folder in place in one step: however the build is stopped, the output
    is the previous one or the new one, whole."""
    for folder in [*(path for path in staging.rglob("*") if path.is_dir()), staging]:
        _fsync_folder(folder)
    if not target.exists():
        staging.rename(target)
    elif exchange(staging, target):
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
