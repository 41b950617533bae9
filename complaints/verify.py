"""Check a build folder against its manifest: which files changed, went missing or appeared since.

Kept free of the rendering libraries, so that checking a build needs nothing but the standard library.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UnreadableInput

MANIFEST = "manifest.json"


def sha256_file(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class Problem:
    kind: str  # changed | missing | added
    path: str  # relative to the build folder, with forward slashes

    def __str__(self) -> str:
        return f"{self.kind}: {self.path}"


@dataclass
class Verification:
    manifest_sha256: str
    checked: int  # the files the manifest lists
    problems: list[Problem] = field(default_factory=list)


def verify(folder: Path) -> Verification:
    """Re-hash every file below `folder` against the outputs its manifest.json lists."""
    folder = Path(folder)
    manifest = folder / MANIFEST
    try:
        data = manifest.read_bytes()
        recorded = json.loads(data)["outputs"]
        if not all(isinstance(digest, str) for digest in recorded.values()):
            raise TypeError
    except FileNotFoundError:
        raise UnreadableInput(f"{folder}: there is no {MANIFEST}; give the folder of one case, "
                              "such as output/example") from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise UnreadableInput(f"{manifest}: not a manifest written by complaints") from None
    except OSError as error:  # a folder, a pipe, a file it may not read
        raise UnreadableInput(f"{manifest}: cannot be read ({error.strerror or type(error).__name__})") from None
    # A build writes regular files only; a link, even to an identical file, is not what was built.
    present = {path.relative_to(folder).as_posix(): path for path in folder.rglob("*")
               if path.is_symlink() or not path.is_dir()}
    present.pop(MANIFEST)
    problems = []
    for name in sorted(recorded.keys() | present.keys()):
        if name not in present:
            problems.append(Problem("missing", name))
        elif name not in recorded:
            problems.append(Problem("added", name))
        elif present[name].is_symlink() or sha256_file(present[name]) != recorded[name]:
            problems.append(Problem("changed", name))
    return Verification(hashlib.sha256(data).hexdigest(), len(recorded), problems)
