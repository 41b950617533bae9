"""Kazakhstan's cities and towns, by their current official names in English, Russian and Kazakh.

Intake workbooks name places in any script and any era (Нур-Султан, Akmola,
Усть Каменогорск, г. Алматы); the complaints must name them the way the
authorities addressed do today. The gazetteer maps the first onto the second.
"""

from __future__ import annotations

import csv
import datetime
import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib.resources import as_file, files
from types import MappingProxyType

LANGUAGES = ("en", "ru", "kk")
_COLUMNS = ("key", *LANGUAGES, "region", "aliases")
_REGION_COLUMNS = ("key", *LANGUAGES, "formerly", "until")
_KEY = re.compile(r"[a-z][a-z0-9_]*")
_SOURCE = "complaints/data/gazetteer.csv"
_REGIONS_SOURCE = "complaints/data/regions.csv"

# Modifier letters count as letters to str.isalnum, but in place names they are apostrophes.
_APOSTROPHES = dict.fromkeys(map(ord, "'’‘`´ʹʻʼʽ"), " ")
_COMBINING_BREVE = "\u0306"
_AFFIX_PREFIXES = (
    ("city", "of"),
    ("town", "of"),
    ("city",),
    ("town",),
    ("г",),
    ("гор",),
    ("город",),
    ("п",),
    ("пос",),
    ("поселок",),
    ("с",),
    ("село",),
    ("қ",),
    ("қала",),
    ("ауыл",),
)
_AFFIX_SUFFIXES = (("city",), ("town",), ("г",), ("қ",), ("қала",), ("қаласы",), ("ауылы",))
_KAZAKH_TO_RUSSIAN = str.maketrans("әғқңөұүһі", "агкноуухи")
_SUGGEST_CUTOFF = 0.6


def _strip_marks(text: str) -> str:
    """Drop diacritics (Ö→o, ё→е, stress marks), but not the breve that makes и into й."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        is_short_i = char == _COMBINING_BREVE and kept and kept[-1] == "и"
        if not unicodedata.combining(char) or is_short_i:
            kept.append(char)
    # Kazakh letters (ә ғ қ ң ө ұ ү һ і) have no decomposition, so they come through intact.
    return unicodedata.normalize("NFC", "".join(kept)).replace("ı", "i")


def _strip_affixes(words: list[str]) -> list[str]:
    stripped = True
    while stripped:
        stripped = False
        for affix in _AFFIX_PREFIXES:
            if len(words) > len(affix) and tuple(words[: len(affix)]) == affix:
                words, stripped = words[len(affix) :], True
        for affix in _AFFIX_SUFFIXES:
            if len(words) > len(affix) and tuple(words[-len(affix) :]) == affix:
                words, stripped = words[: -len(affix)], True
    return words


def normalise(text: str) -> str:
    """The form under which two spellings of a place name count as the same.

    Case, diacritics, punctuation, hyphens/dashes/apostrophes versus spaces, and
    words such as "г.", "city of" or "қаласы" make no difference. Kazakh letters do:
    "Орал" and "Арал" are different towns.
    """
    text = _strip_marks(unicodedata.normalize("NFKC", text).casefold())
    text = text.translate(_APOSTROPHES)
    text = "".join(char if char.isalnum() else " " for char in text)
    return " ".join(_strip_affixes(text.split()))


def _loosen(normalised: str) -> str:
    """A looser form: Kazakh letters typed as Russian ones ("Актобе"), words run together."""
    return normalised.translate(_KAZAKH_TO_RUSSIAN).replace(" ", "")


@dataclass(frozen=True)
class Named:
    """What has an official name in each language (a place, an authority): its key is its identity,
    and comparing by it alone keeps it hashable."""

    key: str
    names: Mapping[str, str] = field(compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "names", MappingProxyType(dict(self.names)))

    def name(self, lang: str) -> str:
        """The official name in `lang` (a BCP 47 tag: "kk", "ru-KZ"), else the English one."""
        return self.names.get(lang.split("-")[0].lower()) or self.names["en"]


@dataclass(frozen=True)
class Place(Named):
    # The region (oblast, or a city of republican significance) it belongs to today, named likewise.
    region: Place | None = field(default=None, compare=False)
    # For a region formed or renamed in the period the tool covers: the day it came to be, and the
    # region its places belonged to until then (Abai Region, 8 June 2022: East Kazakhstan Region).
    formerly: tuple[datetime.date, Place] | None = field(default=None, compare=False)

    def region_on(self, day: datetime.date | None) -> Place | None:
        """The region the place belonged to on `day` (today's when the day is not known)."""
        region = self.region
        while region is not None and region.formerly is not None and day is not None and day < region.formerly[0]:
            region = region.formerly[1]
        return region


class Gazetteer:
    def __init__(self) -> None:
        self._places: list[Place] = []
        self._origins: dict[str, str] = {}
        self._exact: dict[str, Place] = {}
        self._loose: dict[str, Place] = {}
        self._resolved: dict[str, Place | None] = {}

    @classmethod
    @functools.cache
    def default(cls) -> Gazetteer:
        """The gazetteer shipped with the package."""
        # utf-8-sig: spreadsheet programs often save CSV files with a byte-order mark.
        with (as_file(files("complaints") / "data" / "gazetteer.csv") as path,
              path.open(encoding="utf-8-sig", newline="") as lines):
            return cls.from_csv(lines, source=_SOURCE, regions=default_regions())

    @classmethod
    def from_csv(cls, lines: Iterable[str], source: str, regions: Mapping[str, Place] | None = None) -> Gazetteer:
        """Read a CSV with the columns key,en,ru,kk,region,aliases (aliases separated by "|").

        region: a key of `regions`, or empty.
        """
        regions = regions or {}
        gazetteer = cls()
        for where, (key, *names, region, aliases) in named_rows(lines, source, _COLUMNS):
            if key in gazetteer._origins:
                first = gazetteer._origins[key]
                raise ValueError(f"{where}: the key {key!r} is already used at {first}")
            if region and region not in regions:
                raise ValueError(f"{where}: {key!r} is in the region {region!r}, which is not a known region")
            place = Place(key, dict(zip(LANGUAGES, names, strict=True)), regions.get(region))
            others = filter(None, (alias.strip() for alias in aliases.split("|")))
            gazetteer._add(place, [*names, *others], where)
        return gazetteer

    def _add(self, place: Place, names: list[str], where: str) -> None:
        self._origins[place.key] = where
        self._resolved.clear()
        for name in names:
            normalised = normalise(name)
            if not normalised:
                raise ValueError(f"{where}: the name {name!r} is empty once normalised")
            self._claim(self._exact, normalised, place, name, where)
            self._claim(self._loose, _loosen(normalised), place, name, where)
        self._places.append(place)

    def _claim(
        self, index: dict[str, Place], form: str, place: Place, name: str, where: str
    ) -> None:
        owner = index.setdefault(form, place)
        if owner != place:
            looseness = "" if index is self._exact else " loosely"
            raise ValueError(
                f"{where}: {name!r} of {place.key!r}{looseness} normalises to {form!r}, "
                f"which already names {owner.key!r} ({self._origins[owner.key]})"
            )

    def resolve(self, text: str) -> Place | None:
        """The place `text` names, matching any official name or alias after normalisation."""
        if text in self._resolved:  # a case names a few dozen places thousands of times
            return self._resolved[text]
        normalised = normalise(text)
        place = (self._exact.get(normalised) or self._loose.get(_loosen(normalised))) if normalised else None
        self._resolved[text] = place
        return place

    def suggest(self, text: str, limit: int = 3) -> list[Place]:
        """The known places whose names come closest to `text`, best first."""
        loose = _loosen(normalise(text))
        if not loose:
            return []
        matcher = difflib.SequenceMatcher(b=loose)
        scores: dict[Place, float] = {}
        for form, place in self._loose.items():
            matcher.set_seq1(form)
            score = matcher.ratio()
            if score >= _SUGGEST_CUTOFF and score > scores.get(place, 0.0):
                scores[place] = score
        return sorted(scores, key=lambda place: (-scores[place], place.key))[:limit]

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places)


def named_rows(lines: Iterable[str], source: str, columns: tuple[str, ...]) -> Iterator[tuple[str, list[str]]]:
    """(where, stripped cells) of each non-blank row, with the header, the field count, the key and the
    names (the columns named after a language) checked."""
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None or tuple(cell.strip() for cell in header) != columns:
        raise ValueError(f"{source}, line 1: expected the header {','.join(columns)}, found {header}")
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        where = f"{source}, line {reader.line_num}"
        if len(row) != len(columns):
            raise ValueError(f"{where}: expected {len(columns)} fields, found {len(row)}")
        cells = [cell.strip() for cell in row]
        if not _KEY.fullmatch(cells[0]):
            raise ValueError(f"{where}: the key {cells[0]!r} is not a lowercase ASCII slug")
        for lang, name in zip(columns, cells, strict=True):
            if lang in LANGUAGES and not name:
                raise ValueError(f"{where}: {cells[0]!r} has no {lang} name")
        yield where, cells


@functools.cache
def default_regions() -> Mapping[str, Place]:
    """The regions shipped with the package, by key."""
    with (as_file(files("complaints") / "data" / "regions.csv") as path,
          path.open(encoding="utf-8-sig", newline="") as lines):
        return MappingProxyType(read_regions(lines, source=_REGIONS_SOURCE))


def read_regions(lines: Iterable[str], source: str) -> dict[str, Place]:
    """Regions from a CSV with the columns key,en,ru,kk,formerly,until: a region formed or renamed on
    the day `until` names in `formerly` the region (of the same file) its places belonged to before."""
    rows: dict[str, tuple[str, list[str], str, str]] = {}
    for where, (key, *names, formerly, until) in named_rows(lines, source, _REGION_COLUMNS):
        if key in rows:
            raise ValueError(f"{where}: the key {key!r} is already used")
        if bool(formerly) != bool(until):
            raise ValueError(f"{where}: {key!r} needs both the region it was formed from and the day, or neither")
        rows[key] = (where, names, formerly, until)
    regions: dict[str, Place] = {}

    def region(key: str, seen: tuple[str, ...] = ()) -> Place:
        if key not in regions:
            where, names, formerly, until = rows[key]
            before = None
            if formerly:
                if formerly not in rows or formerly in seen:
                    raise ValueError(f"{where}: {key!r} was formed from {formerly!r}, which is not an earlier region")
                try:
                    day = datetime.date.fromisoformat(until)
                except ValueError:
                    raise ValueError(f"{where}: {until!r} is not a date (YYYY-MM-DD)") from None
                before = (day, region(formerly, (*seen, key)))
            regions[key] = Place(key, dict(zip(LANGUAGES, names, strict=True)), formerly=before)
        return regions[key]

    return {key: region(key) for key in rows}
