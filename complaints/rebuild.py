"""What lets a rebuild keep an output rather than render it again: the key of what it is made from."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .verify import MANIFEST


def salts(provenance: dict) -> dict[str, bytes]:
    """By language, what a file is made from besides its HTML: the tool, the templates, the data
    and that language's catalog. A build in another set of languages keeps the same keys."""
    shared = {name: provenance[name] for name in ("tool", "templates", "data")}
    return {lang: json.dumps(shared | {"catalog": digest}, sort_keys=True).encode("utf-8")
            for lang, digest in provenance["catalogs"].items()}


@dataclass(frozen=True)
class PreviousBuild:
    """The output being replaced, and the key and sha256 of each of its files by relative path."""

    root: Path
    keys: dict[str, tuple[str, str]]
    pages: dict[str, int] = field(default_factory=dict)  # each PDF's number of pages, by document (en/hrc/C001)

    @classmethod
    def read(cls, target: Path) -> PreviousBuild:
        """The build in `target`, with the keys it recorded; none if it recorded none or is not there."""
        try:
            manifest = json.loads((target / MANIFEST).read_bytes())
            keys, outputs = manifest["render_keys"], manifest["outputs"]
            pages = manifest.get("pages", {})
            return cls(target, {path: (key, outputs[path]) for path, key in keys.items()
                                if isinstance(key, str) and isinstance(outputs.get(path), str)},
                       {path: n for path, n in pages.items() if isinstance(path, str) and isinstance(n, int)})
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls(target, {}, {})

    def holds(self, relative_path: Path, key: str) -> bool:
        """Whether it holds the file made from `key`: recorded with that key, and still hashing as recorded."""
        path = relative_path.as_posix()
        previous = self.root / relative_path
        if self.keys.get(path, ("",))[0] != key or previous.is_symlink():
            return False
        try:
            return hashlib.sha256(previous.read_bytes()).hexdigest() == self.keys[path][1]
        except OSError:
            return False
