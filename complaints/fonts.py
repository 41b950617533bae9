"""Which characters the embedded document fonts can draw: asked by validation and by the build.

Only fontTools is needed here, so that `validate` answers without loading WeasyPrint.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from fontTools.ttLib import TTFont

from .render_html import html_dir

FONT_FILES = ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
              "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf")


@functools.cache
def covered_characters() -> frozenset[int]:
    covered: set[int] = set()
    for name in FONT_FILES:
        covered |= set(TTFont(html_dir() / "fonts" / name).getBestCmap())
    return frozenset(covered)


@functools.cache
def _outside() -> re.Pattern:
    """One character outside the fonts: a search runs in C, where a cell of text is checked often."""
    ranges: list[tuple[int, int]] = []  # runs of consecutive code points
    for point in sorted(covered_characters()):
        if ranges and point == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], point)
        else:
            ranges.append((point, point))
    return re.compile("[^\\s" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges) + "]")


def undrawable(text: str) -> list[str]:
    """The characters of `text` no document font has a glyph for, each once, in code point order.

    Spaces, control and format characters (direction marks, zero-width joiners) draw nothing and
    are not counted.
    """
    return sorted({char for char in _outside().findall(text) if unicodedata.category(char) not in ("Cc", "Cf")})


def code_points(chars: list[str], limit: int = 10) -> str:
    """U+1F600 GRINNING FACE, ...: how a message names characters without printing them."""
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in chars[:limit])
