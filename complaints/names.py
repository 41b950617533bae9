"""Names: transliteration for English documents and a key to spot the same person twice."""

from __future__ import annotations

import functools
import re
import unicodedata

# Hand-written: no maintained library transliterates Kazakh Cyrillic. This follows
# the scheme of Kazakhstan's passports (ICAO 9303 for Russian letters, plus the
# Kazakh letters mapped to their nearest Latin ones).
_CYRILLIC_TO_LATIN = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e",
    "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l",
    "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}

# Latin letters that look like Cyrillic ones, as typed into a Cyrillic name by mistake.
_LATIN_LOOKALIKES = str.maketrans("aceopxyABCEHKMOPTXY", "асеорхуАВСЕНКМОРТХУ")


def transliterate(text: str) -> str:
    out = []
    for char in text:
        latin = _CYRILLIC_TO_LATIN.get(char.lower())
        if latin is None:
            out.append(char)
        elif char.isupper():
            out.append(latin.capitalize())
        else:
            out.append(latin)
    return "".join(out)


_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")


def mixes_alphabets(text: str) -> bool:
    """Whether a word has both Cyrillic and Latin letters: look-alikes typed by mistake."""
    if not (_CYRILLIC.search(text) and _LATIN.search(text)):
        return False
    return any(_CYRILLIC.search(word) and _LATIN.search(word) for word in text.split())


def _mostly_cyrillic(word: str) -> bool:
    cyrillic = sum(1 for c in word if "CYRILLIC" in unicodedata.name(c, ""))
    return cyrillic * 2 > sum(1 for c in word if c.isalpha())


# Names repeat: a case of 10,000 people has a few thousand distinct words in their names.
@functools.lru_cache(maxsize=1 << 16)
def _folded_word(word: str) -> str:
    if _mostly_cyrillic(word):
        word = word.translate(_LATIN_LOOKALIKES)
    return transliterate(word.casefold())


def identity_key(*parts: str | None) -> str:
    """Fold a name so that Cyrillic, Latin and mixed spellings of it compare equal."""
    words = [_folded_word(word) for part in parts for word in (part or "").split()]
    text = unicodedata.normalize("NFKD", " ".join(words))
    text = "".join(c for c in text if c.isascii() and (c.isalpha() or c == " "))
    # Passport spellings vary in these ways (-iyev / -iev, kh / h, q / k).
    for variant, canonical in (("iy", "i"), ("y", "i"), ("kh", "h"), ("q", "k"), ("j", "zh"), ("ts", "c")):
        text = text.replace(variant, canonical)
    return re.sub(r"\s+", " ", text).strip()
