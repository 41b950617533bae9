"""The case: settings, and the records that the documents may use.

Only complainants with both an appeal form and a power of attorney are in it;
the episodes of everyone else are dropped here, once, for every later stage.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .attachments import AttachmentFile
from .case_data import csv_files
from .errors import UnreadableInput
from .records import Attachment, Complainant, Episode, Event, Records, Remedy, Testimony
from .report import Report
from .settings import SETTINGS_FILE, Settings

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods")


@dataclass(frozen=True)
class CaseFiles:
    """The files of a case: its workbook (or folder of CSV files), and the settings file beside it if any."""

    name: str
    workbook: Path
    settings: Path | None
    folder: Path | None = None  # the case folder, when the case was given as one

    @property
    def inputs(self) -> tuple[Path, ...]:
        """The files the case is read from, which no command may write."""
        data = sorted(csv_files(self.workbook).values()) if self.workbook.is_dir() else [self.workbook]
        return (*data, *([self.settings] if self.settings else []))

    @property
    def attachments_root(self) -> Path:
        """The folder the Attachments sheet names its files from: the case folder, or the workbook's."""
        return self.folder or (self.workbook if self.workbook.is_dir() else self.workbook.parent)

    @classmethod
    def locate(cls, path: Path) -> CaseFiles:
        path = Path(path)
        if path.is_dir():
            workbooks = sorted(p for p in path.iterdir()
                               if p.suffix.lower() in WORKBOOK_SUFFIXES and not p.name.startswith("~$") and p.is_file())
            if csv_files(path):  # the folder's CSV files are the case's data
                workbooks.append(path)
            if len(workbooks) != 1:
                found = ", ".join("CSV files" if p == path else p.name for p in workbooks) or "none"
                raise UnreadableInput(f"{path}: a case folder must hold exactly one workbook (.xlsx, .xlsm, .ods) "
                                      f"or the CSV files events.csv, complainants.csv, episodes.csv (found: {found})")
            return cls(path.resolve().name, workbooks[0], _settings_file(path), path)
        if not path.exists():
            raise UnreadableInput(f"{path}: no such file or folder")
        _regular_file(path)
        return cls(path.stem, path, _settings_file(path.parent))


def _regular_file(path: Path) -> None:
    """A pipe or a device would make reading wait for ever or never end."""
    if not path.is_file():
        raise UnreadableInput(f"{path}: not a regular file")


def _settings_file(folder: Path) -> Path | None:
    settings = folder / SETTINGS_FILE
    if not settings.exists() and not settings.is_symlink():
        return None
    _regular_file(settings)
    return settings


@dataclass(frozen=True)
class Member:
    """An included complainant and their number in the annex."""

    number: int
    person: Complainant
    episodes: tuple[Episode, ...]
    remedies: tuple[Remedy, ...] = ()
    testimonies: tuple[Testimony, ...] = ()


@dataclass(frozen=True)
class Case:
    settings: Settings
    events: tuple[Event, ...]
    members: tuple[Member, ...]
    report: Report
    # The Attachments sheet by complainant id (None: the whole case), and each row's checked file.
    attachments: Mapping[str | None, tuple[Attachment, ...]] = field(default_factory=dict, hash=False, compare=False)
    attachment_files: Mapping[int, AttachmentFile] = field(default_factory=dict, hash=False, compare=False)

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
    testimonies_of: dict[str, list[Testimony]] = {}
    for testimony in records.testimonies or ():
        testimonies_of.setdefault(testimony.complainant_id, []).append(testimony)
    members: list[Member] = []
    seen: set[str] = set()
    for person in records.complainants:
        if person.complainant_id in excluded or person.complainant_id in seen:
            continue
        seen.add(person.complainant_id)
        episodes = sorted(by_person.get(person.complainant_id, ()),
                          key=lambda e: (e.date or datetime.date.min, e.row))
        remedies = sorted(remedies_of.get(person.complainant_id, ()),
                          key=lambda r: (r.date or r.decided or datetime.date.min, r.row))
        members.append(Member(len(members) + 1, person, tuple(episodes), tuple(remedies),
                              tuple(testimonies_of.get(person.complainant_id, ()))))
    events = tuple(sorted(records.events, key=lambda e: (e.date, e.event_id)))
    return Case(settings, events, tuple(members), report)
