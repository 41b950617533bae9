"""The contract of complainant_id and event_id, which become file names and folder names.

An id is 1 to 64 letters (of any script), digits, `-`, `_` and `.`, not starting with
`.` or `-`: no path separator, no `..`, nothing a shell or a file system reads as special.
Two ids that a case-insensitive or normalising file system (Windows, macOS), or a reader,
could take for one another collide: equal after NFKC, case folding and folding the Cyrillic
letters that look like Latin ones.
"""

from __future__ import annotations

import unicodedata

MAX_ID_LENGTH = 64
_PUNCTUATION = frozenset("-_.")
_NOT_FIRST = frozenset("-.")
# Hand-written (no maintained library folds just these two scripts): Cyrillic letters,
# after case folding, that print like a Latin letter in the fonts of the documents.
_CYRILLIC_LOOKALIKES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "һ": "h", "н": "h", "і": "i", "ј": "j", "к": "k", "ӏ": "l",
    "м": "m", "о": "o", "р": "p", "ԛ": "q", "ѕ": "s", "с": "c", "т": "t", "у": "y", "ү": "y",
    "ԝ": "w", "х": "x", "ԁ": "d",
})


def _allowed(char: str) -> bool:
    return char in _PUNCTUATION or unicodedata.category(char) in ("Lu", "Ll", "Lt", "Lm", "Lo", "Nd")


def id_is_valid(text: str) -> bool:
    """Whether `text` keeps the contract (checked on the text as typed, before any folding)."""
    return (0 < len(text) <= MAX_ID_LENGTH and text[0] not in _NOT_FIRST
            and all(_allowed(char) for char in text))


def collision_key(text: str) -> str:
    """Equal for ids that could be taken for one another, on a drive or on a page."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_CYRILLIC_LOOKALIKES)
