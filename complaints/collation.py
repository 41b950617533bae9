"""Alphabetical order in a document's language: CLDR collation through ICU (PyICU).

Code-point order puts every Kazakh letter after "я" ("ҰҚК", "Өскемен" after "Яков"); the CLDR
rules put ә after а, ғ after г, қ after к, ң after н, ө after о, ұ and ү after у, һ after х and
і after ы in Kazakh, and order Latin and Cyrillic by the language's own alphabet first.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import TypeVar

import icu

T = TypeVar("T")


@functools.cache
def _collator(code: str) -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale(code))


def sort_key(code: str, text: str) -> tuple[bytes, str]:
    """A key that orders texts alphabetically in language `code`; ties broken by the text itself,
    so that the order never depends on the input's order."""
    return _collator(code).getSortKey(text), text


def alphabetical(code: str, items: Iterable[T], text: Callable[[T], str] = str) -> list[T]:
    return sorted(items, key=lambda item: sort_key(code, text(item)))
