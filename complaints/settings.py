"""Case settings: case.toml beside the workbook. Every field is optional.

The commented template that `complaints init` writes is complaints/data/case.toml;
it is also the reference for every field.
"""

from __future__ import annotations

import datetime
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from .errors import UnreadableInput, UsageError
from .i18n import languages

SETTINGS_FILE = "case.toml"
# The dates a document can bear: a DOCX is a zip archive, whose entries record 1980 to 2107.
FIRST_DATE, LAST_DATE = datetime.date(1980, 1, 1), datetime.date(2107, 12, 31)
# The most people a document sets out person by person before it gives them in annex volumes (volumes.py).
DEFAULT_VOLUME_SIZE = 500

Translated = dict[str, str]  # language code -> text


@dataclass(frozen=True)
class Period:
    """A reporting period of the "in numbers" brief."""

    start: datetime.date
    end: datetime.date | None
    label: Translated


@dataclass(frozen=True)
class InterimRequest:
    """The lawyer's decision, for one author, on asking the Human Rights Committee for interim measures
    (rule 94 of its rules of procedure): whether to ask, and why (the irreparable harm feared)."""

    request: bool
    reasons: Translated


@dataclass(frozen=True)
class Settings:
    name: str
    title: Translated = field(default_factory=dict)
    organisation: Translated = field(default_factory=dict)
    address: Translated = field(default_factory=dict)
    contact_person: Translated = field(default_factory=dict)
    email: Translated = field(default_factory=dict)
    signatory: Translated = field(default_factory=dict)  # the name, as the signature prints it
    signatory_position: Translated = field(default_factory=dict)
    place: Translated = field(default_factory=dict)  # where the documents are signed
    urgency: Translated = field(default_factory=dict)  # why an urgent appeal is urgent
    # The representative's position, in a communication to the Human Rights Committee, on whether the
    # Working Group on Arbitrary Detention's examination of the same person's case is "another procedure
    # of international investigation or settlement" (article 5(2)(a) of the Optional Protocol).
    wgad_parallel: Translated = field(default_factory=dict)
    state: Translated = field(default_factory=dict)
    documents: tuple[str, ...] | None = None  # None: every document type
    periods: tuple[Period, ...] = ()
    osce_session: Translated = field(default_factory=dict)
    # By complainant id, only as the lawyer decided: a communication never asks for interim measures by default.
    interim_measures: dict[str, InterimRequest] = field(default_factory=dict)
    # The first day of the OSCE meeting the written contribution is for: a contribution is distributed
    # at the meeting, so one dated after it opened is an open point.
    osce_opens: datetime.date | None = None
    build_date: datetime.date | None = None  # fixes the date printed on documents
    charts: bool = True  # the brief and the collective complaint draw charts of their figures
    annex_volume_size: int = DEFAULT_VOLUME_SIZE

    @classmethod
    def load(cls, name: str, path: Path | None, document_names) -> Settings:
        if path is None or not path.exists():
            return cls(name)
        try:
            # utf-8-sig: Notepad saves UTF-8 with a byte-order mark.
            data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except UnicodeDecodeError as error:
            raise UnreadableInput(f"{path}: not UTF-8 text (byte {error.start}); save it as UTF-8") from None
        except tomllib.TOMLDecodeError as error:
            raise UnreadableInput(f"{path}: not valid TOML ({error})") from None
        except OSError as error:
            raise UnreadableInput(f"{path}: cannot be read ({error.strerror or type(error).__name__})") from None
        return _parse(name, path, data, tuple(document_names))


def epoch_date(text: str) -> datetime.date:
    """The day of SOURCE_DATE_EPOCH (seconds since 1970, UTC), refused unless a document can bear it."""
    try:
        day = datetime.datetime.fromtimestamp(int(text), datetime.UTC).date()
    except (ValueError, OverflowError, OSError):
        day = None
    if day is None or not FIRST_DATE <= day <= LAST_DATE:
        raise UsageError(f"SOURCE_DATE_EPOCH: must be a whole number of seconds since 1970 that falls between "
                         f"{FIRST_DATE} and {LAST_DATE}; unset it to use today's date")
    return day


class _Reader:
    """Typed access to the TOML tables, with one clear error per wrong field."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, where: str, what: str) -> NoReturn:
        raise UnreadableInput(f"{self.path}: {where}: {what}")

    def table(self, data: dict, key: str, where: str, known: tuple[str, ...]) -> dict:
        value = data.get(key, {})
        if not isinstance(value, dict):
            self.fail(where + key, "must be a table")
        self.only(value, known, f"{where}{key}.")
        return value

    def only(self, data: dict, known: tuple[str, ...], where: str) -> None:
        """A misspelt key would otherwise be silently ignored, and its text missing."""
        unknown = sorted(set(data) - set(known))
        if unknown:
            self.fail(where + unknown[0], f"unknown setting (known here: {', '.join(known)})")

    def translated(self, data: dict, key: str, where: str = "") -> Translated:
        value = data.get(key, {})
        if isinstance(value, str):  # one text for every language
            return {code: value for code in languages()}
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            self.fail(where + key, "must be a text or a table of texts by language (en = ..., ru = ..., kk = ...)")
        unknown = sorted(set(value) - set(languages()))
        if unknown:
            self.fail(where + key, f"unknown language {', '.join(unknown)} (known: {', '.join(languages())})")
        return dict(value)

    def date(self, data: dict, key: str, where: str) -> datetime.date | None:
        return None if data.get(key) is None else self.required_date(data, key, where)

    def required_date(self, data: dict, key: str, where: str) -> datetime.date:
        value = data.get(key)
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            self.fail(where + key, "must be a date such as 2018-11-01")
        if not FIRST_DATE <= value <= LAST_DATE:
            self.fail(where + key, f"must fall between {FIRST_DATE} and {LAST_DATE}")
        return value

    def count(self, data: dict, key: str, default: int, least: int, most: int) -> int:
        value = data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool):  # TOML's true is a Python int
            self.fail(key, f"must be a whole number such as {default}")
        if not least <= value <= most:
            self.fail(key, f"must be between {least:,} and {most:,}")
        return value

    def signatory(self, data: dict) -> tuple[Translated, Translated]:
        """The signatory's name and position: a text or table of texts (the name alone), or a table
        with `name` and `position`, each a text or a table of texts by language."""
        value = data.get("signatory", {})
        if isinstance(value, dict) and value and set(value) <= {"name", "position"}:
            return (self.translated(value, "name", "signatory."), self.translated(value, "position", "signatory."))
        return self.translated(data, "signatory"), {}


_KNOWN = {"build_date", "title", "organisation", "signatory", "place", "urgency", "wgad_parallel", "state",
          "documents", "periods", "osce", "annex_volume_size", "charts", "interim_measures"}


def _parse(name: str, path: Path, data: dict, document_names: tuple[str, ...]) -> Settings:
    read = _Reader(path)
    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        read.fail(unknown[0], f"unknown setting (known: {', '.join(sorted(_KNOWN))})")
    organisation = read.table(data, "organisation", "", ("name", "address", "contact_person", "email"))
    documents = data.get("documents")
    if documents is not None:
        if not isinstance(documents, list) or not all(isinstance(d, str) for d in documents):
            read.fail("documents", "must be a list of document names")
        wrong = sorted(set(documents) - set(document_names))
        if wrong:
            read.fail("documents", f"unknown document {', '.join(wrong)} (known: {', '.join(document_names)})")
        documents = tuple(d for d in document_names if d in documents)
    periods = data.get("periods", [])
    if not isinstance(periods, list) or not all(isinstance(period, dict) for period in periods):
        read.fail("periods", "must be a list of [[periods]] tables")
    for number, period in enumerate(periods, start=1):
        read.only(period, ("start", "end", "label"), f"periods[{number}].")
        start, end = read.required_date(period, "start", f"periods[{number}]."), read.date(
            period, "end", f"periods[{number}].")
        if end and end < start:
            read.fail(f"periods[{number}].end", "is before its start")
    signatory, signatory_position = read.signatory(data)
    osce = read.table(data, "osce", "", ("working_session", "opens"))
    interim = data.get("interim_measures", {})
    if not isinstance(interim, dict) or not all(isinstance(entry, dict) for entry in interim.values()):
        read.fail("interim_measures", "must be tables [interim_measures.<complainant id>] with request = true or false")
    for complainant_id, entry in interim.items():
        read.only(entry, ("request", "reasons"), f"interim_measures.{complainant_id}.")
        if not isinstance(entry.get("request"), bool):
            read.fail(f"interim_measures.{complainant_id}.request", "must be true or false")
    charts = data.get("charts", True)
    if not isinstance(charts, bool):
        read.fail("charts", "must be true or false")
    return Settings(
        name=name,
        title=read.translated(data, "title"),
        organisation=read.translated(organisation, "name", "organisation."),
        address=read.translated(organisation, "address", "organisation."),
        contact_person=read.translated(organisation, "contact_person", "organisation."),
        email=read.translated(organisation, "email", "organisation."),
        signatory=signatory,
        signatory_position=signatory_position,
        place=read.translated(data, "place"),
        urgency=read.translated(data, "urgency"),
        wgad_parallel=read.translated(data, "wgad_parallel"),
        state=read.translated(data, "state"),
        documents=documents,
        periods=tuple(
            Period(read.required_date(p, "start", f"periods[{i}]."), read.date(p, "end", f"periods[{i}]."),
                   read.translated(p, "label", f"periods[{i}]."))
            for i, p in enumerate(periods, start=1)
        ),
        osce_session=read.translated(osce, "working_session", "osce."),
        osce_opens=read.date(osce, "opens", "osce."),
        interim_measures={complainant_id: InterimRequest(entry["request"], read.translated(
            entry, "reasons", f"interim_measures.{complainant_id}.")) for complainant_id, entry in interim.items()},
        build_date=read.date(data, "build_date", ""),
        annex_volume_size=read.count(data, "annex_volume_size", DEFAULT_VOLUME_SIZE, 1, 100_000),
        charts=charts,
    )
