"""Kazakhstan's authorities under their official names in English, Russian and Kazakh.

Intake staff type one body as "ҰҚК", "ДКНБ по г. Алматы" or "National Security Committee"; the
documents name it once, officially, in their own language. Like the gazetteer for places, the
list (complaints/data/authorities.csv) maps what is typed to the body, and validation warns about
names it does not know and names that were not in use on the episode's date ("Нур-Султан" in 2018),
and about a body of a region, or of a city of republican significance, before the region was formed
(the Shymkent City Court before 19 June 2018, when Shymkent's courts were South Kazakhstan Region's):
the dates are those of complaints/data/regions.csv, which the gazetteer uses too.
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib.resources import as_file, files

from .gazetteer import LANGUAGES, Named, Place, default_regions, named_rows

# The languages whose sentences put a court's name in the genitive ("постановление Алматинского городского суда",
# "Алматы қалалық сотының қаулысы"): each court has that form in its own column, never derived from the name.
GENITIVE_LANGUAGES = ("ru", "kk")
_COLUMNS = ("key", *LANGUAGES, *(f"genitive_{lang}" for lang in GENITIVE_LANGUAGES), "region", "aliases")

# Cities renamed in the period the tool covers: the forms of a name (any case ending) and when the
# city bore it. Astana was Nur-Sultan from 23 March 2019 to 16 September 2022.
_NAMES_IN_USE = (
    (re.compile(r"\b(нур\s?султан|нұр\s?сұлтан|nur\s?sultan)"), datetime.date(2019, 3, 23), datetime.date(2022, 9, 16)),
)
_NAMES_OUT_OF_USE = (
    (re.compile(r"\b(астан[аыеуо]|astana)"), datetime.date(2019, 3, 23), datetime.date(2022, 9, 16)),
)


def normalise(text: str) -> str:
    """Case, quotes, punctuation, "ё" and spacing make no difference; "г." and "города" do not either."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    text = "".join(char if char.isalnum() or char == "№" else " " for char in text)
    words = [word for word in text.split() if word not in ("г", "города", "город", "қ")]
    return " ".join(words)


@dataclass(frozen=True)
class Authority(Named):
    """A body of Kazakhstan (a ministry, a police department, a court, a prosecutor's office)."""

    # For the body of a region or a city of republican significance (its police department, its
    # regional or city court): that region, whose formation (regions.csv) is when the body came to be.
    region: Place | None = field(default=None, compare=False)
    genitives: Mapping[str, str] = field(default_factory=dict, compare=False)  # GENITIVE_LANGUAGES: name

    @property
    def court(self) -> bool:
        """A court: the Supreme Court, a regional, city or district court, a specialised court."""
        return self.key == "supreme_court" or self.key.startswith(("court_", "admin_court_"))

    def genitive(self, lang: str) -> str:
        """The name as "the ruling of <name>" needs it: in GENITIVE_LANGUAGES its genitive ("" when the list has
        none), elsewhere the name itself."""
        code = lang.split("-")[0].lower()
        return self.genitives.get(code, "") if code in GENITIVE_LANGUAGES else self.name(code)

    def existed_on(self, day: datetime.date | None) -> bool:
        """Whether the body existed on `day` (taken as yes when the day is not known)."""
        formed = self.region.formerly[0] if self.region and self.region.formerly else None
        return day is None or formed is None or day >= formed


def anachronistic(text: str, day: datetime.date | None) -> bool:
    """Whether `text` names a city by a name it did not bear on `day`."""
    if day is None:
        return False
    words = normalise(text)
    for pattern, start, end in _NAMES_IN_USE:
        if pattern.search(words) and not start <= day <= end:
            return True
    return any(pattern.search(words) and start <= day <= end for pattern, start, end in _NAMES_OUT_OF_USE)


class Authorities:
    def __init__(self) -> None:
        self._keys: set[str] = set()
        self._by_name: dict[str, Authority] = {}
        self._resolved: dict[str, Authority | None] = {}  # a case names a few dozen bodies thousands of times

    @classmethod
    @functools.cache
    def default(cls) -> Authorities:
        with (as_file(files("complaints") / "data" / "authorities.csv") as path,
              path.open(encoding="utf-8-sig", newline="") as lines):
            return cls.from_csv(lines, "complaints/data/authorities.csv", default_regions())

    @classmethod
    def from_csv(cls, lines: Iterable[str], source: str, regions: Mapping[str, Place] | None = None) -> Authorities:
        """Read a CSV with the columns key,en,ru,kk,genitive_ru,genitive_kk,region,aliases (aliases separated by "|").

        genitive_*: a court's name in the genitive, required of every court (the documents name its acts);
        region: for a body of a region or a city of republican significance, a key of `regions`; else empty.
        """
        regions = regions or {}
        authorities = cls()
        for where, (key, *cells, region, aliases) in named_rows(lines, source, _COLUMNS):
            names = cells[:len(LANGUAGES)]
            genitives = dict(zip(GENITIVE_LANGUAGES, cells[len(LANGUAGES):], strict=True))
            if key in authorities._keys:
                raise ValueError(f"{where}: the key {key!r} is already used")
            if region and region not in regions:
                raise ValueError(f"{where}: {key!r} is a body of the region {region!r}, which is not a known region")
            authorities._keys.add(key)
            authority = Authority(key, dict(zip(LANGUAGES, names, strict=True)), regions.get(region),
                                  {lang: name for lang, name in genitives.items() if name})
            if authority.court and len(authority.genitives) < len(GENITIVE_LANGUAGES):
                raise ValueError(f"{where}: the court {key!r} has no genitive in each of "
                                 f"{', '.join(GENITIVE_LANGUAGES)}")
            for name in [*names, *filter(None, (alias.strip() for alias in aliases.split("|")))]:
                owner = authorities._by_name.setdefault(normalise(name), authority)
                if owner != authority:
                    raise ValueError(f"{where}: {name!r} already names {owner.key!r}")
        return authorities

    def resolve(self, text: str) -> Authority | None:
        if text not in self._resolved:
            self._resolved[text] = self._by_name.get(normalise(text))
        return self._resolved[text]


def official_name(lang: str, text: str | None) -> str:
    """The authority's official name in `lang` when it is known, else the text as written."""
    if not text:
        return ""
    authority = Authorities.default().resolve(text)
    return authority.name(lang) if authority else text
