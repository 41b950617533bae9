"""The case: settings, and the records that the documents may use.

Only complainants with both an appeal form and a power of attorney are in it;
the episodes of everyone else are dropped here, once, for every later stage.
"""

from __future__ import annotations

import datetime
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UnreadableInput
from .records import Complainant, Episode, Event, Records, Remedy
from .report import Report

SETTINGS_FILE = "case.toml"
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class Settings:
    """Per-case settings from case.toml; every field has a default."""

    name: str
    title: dict[str, str] = field(default_factory=dict)
    organisation: dict[str, str] = field(default_factory=dict)
    build_date: datetime.date | None = None  # fixes the date printed on documents

    @classmethod
    def load(cls, name: str, path: Path | None) -> "Settings":
        if path is None or not path.exists():
            return cls(name)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise UnreadableInput(f"{path}: not valid TOML ({error})") from None
        build_date = data.get("build_date")
        if build_date is not None and not isinstance(build_date, datetime.date):
            raise UnreadableInput(f"{path}: build_date must be a date such as 2018-11-01")
        return cls(
            name=name,
            title=dict(data.get("title", {})),
            organisation=dict(data.get("organisation", {})),
            build_date=build_date,
        )


@dataclass(frozen=True)
class CaseSource:
    """Where a case comes from: a workbook, and the settings file beside it if any."""

    name: str
    workbook: Path
    settings: Path | None

    @classmethod
    def locate(cls, path: Path) -> "CaseSource":
        path = Path(path)
        if path.is_dir():
            workbooks = sorted(p for p in path.iterdir()
                               if p.suffix.lower() in WORKBOOK_SUFFIXES and not p.name.startswith("~$"))
            if len(workbooks) != 1:
                found = ", ".join(p.name for p in workbooks) or "none"
                raise UnreadableInput(f"{path}: a case folder must hold exactly one .xlsx workbook (found: {found})")
            settings = path / SETTINGS_FILE
            return cls(path.resolve().name, workbooks[0], settings if settings.exists() else None)
        if not path.exists():
            raise UnreadableInput(f"{path}: no such file or folder")
        settings = path.parent / SETTINGS_FILE
        return cls(path.stem, path, settings if settings.exists() else None)


@dataclass(frozen=True)
class Member:
    """An included complainant and their number in the annex."""

    number: int
    person: Complainant
    episodes: tuple[Episode, ...]
    remedies: tuple[Remedy, ...] = ()


@dataclass(frozen=True)
class Case:
    settings: Settings
    events: tuple[Event, ...]
    members: tuple[Member, ...]
    report: Report

    @property
    def episodes(self) -> tuple[Episode, ...]:
        return tuple(episode for member in self.members for episode in member.episodes)


def build_case(settings: Settings, records: Records, report: Report) -> Case:
    excluded = {exclusion.complainant_id for exclusion in report.exclusions}
    by_person: dict[str, list[Episode]] = {}
    for episode in records.episodes:
        by_person.setdefault(episode.complainant_id, []).append(episode)
    remedies_of: dict[str, list[Remedy]] = {}
    for remedy in records.remedies or ():
        remedies_of.setdefault(remedy.complainant_id, []).append(remedy)
    members = []
    seen = set()
    for person in records.complainants:
        if person.complainant_id in excluded or person.complainant_id in seen:
            continue
        seen.add(person.complainant_id)
        episodes = sorted(by_person.get(person.complainant_id, ()),
                          key=lambda e: (e.date or datetime.date.min, e.row))
        remedies = sorted(remedies_of.get(person.complainant_id, ()),
                          key=lambda r: (r.date or r.decided or datetime.date.min, r.row))
        members.append(Member(len(members) + 1, person, tuple(episodes), tuple(remedies)))
    events = tuple(sorted(records.events, key=lambda e: (e.date, e.event_id)))
    return Case(settings, events, tuple(members), report)
