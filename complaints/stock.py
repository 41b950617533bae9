"""Who is held, or charged, on a given day; what changed between two days; what began within a period.

Pure functions over the included complainants. An episode lasts from its `date`
to its `end_date`. An empty end_date means "still lasting" for a measure that
lasts until someone ends it: an open criminal case, or a deprivation of liberty
whose recorded term (if any) has not run out (`held_on`: the one definition of
"held on a date" that the brief's stock, the Working Group's cover letter and the
urgent appeals share). An episode without a date cannot be placed: the figures
say how many there are instead of guessing.
"""

from __future__ import annotations

import calendar
import datetime
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .case import Member
from .claims import CRIMINAL_MEASURES
from .law import DEPRIVATION_OF_LIBERTY, PREVENTIVE_MEASURES, Provision, parse_provision
from .penalties import Duration, parse_penalty
from .records import Episode
from .schema import GROUNDS, MEASURES

# What a person "faces" while it is open: the charge of a criminal case.
CHARGE = "criminal_case"
# Measures that last until their end is recorded: the empty end_date of the row means "to this day".
LASTING = frozenset({*DEPRIVATION_OF_LIBERTY, CHARGE})
# The stock's provisions are those of the charges and sentences, not of administrative penalties.
CRIMINAL_CODE = "CC"
# A conviction ends the charge of every criminal case of the person opened on or before it.
CONVICTION = "conviction"

_MEASURE_ORDER = {key: index for index, key in enumerate(MEASURES)}
_GROUND_ORDER = {key: index for index, key in enumerate(GROUNDS)}


def _covers(start: datetime.date, ends: datetime.date | None, day: datetime.date) -> bool:
    """Whether a lasting episode from `start` to `ends` (None: to this day) held on `day`."""
    return start <= day and (ends is None or day <= ends)


def term_end(episode: Episode) -> datetime.date | None:
    """The day a deprivation of liberty's recorded term ends (its `penalty`: "2 months", "15 days",
    "3 years' imprisonment"), counted from its date; None without a date or a term."""
    term = parse_penalty(episode.penalty)
    if episode.date is None or not isinstance(term, Duration):
        return None
    if term.unit in ("month", "year"):
        months = episode.date.month - 1 + term.number * (12 if term.unit == "year" else 1)
        year, month = episode.date.year + months // 12, months % 12 + 1
        last = calendar.monthrange(year, month)[1]
        return datetime.date(year, month, min(episode.date.day, last))
    days = term.number if term.unit == "day" else -(-term.number // 24)
    return episode.date + datetime.timedelta(days=days)


def held_on(episode: Episode, day: datetime.date) -> bool | None:
    """Whether a deprivation of liberty held its person on `day`: from its date to its end_date;
    with no end_date, to this day unless its recorded term (`penalty`) had run out by `day`. Then its
    end is not known (None): a sentence or an arrest was served, or a preventive measure extended
    without the extension being recorded; the workbook says neither, so no document may say "still
    held". Not known either for an episode without a date that had not ended by `day`."""
    if episode.end_date is not None and episode.end_date < day:
        return False
    if episode.date is None:
        return None
    if episode.date > day:
        return False
    if episode.end_date is not None:
        return True
    ends = term_end(episode)
    return None if ends is not None and ends < day else True


def charge_end(episode: Episode, convictions: Sequence[datetime.date]) -> datetime.date | None:
    """When a criminal case ended: its end_date, else the first conviction of the person on or after it."""
    if episode.end_date is not None:
        return episode.end_date
    later = [day for day in convictions if episode.date is not None and day >= episode.date]
    return min(later) if later else None


@dataclass(frozen=True)
class Stock:
    """Who was deprived of liberty, or faced criminal charges while at liberty, on `day`."""

    day: datetime.date
    deprived: int
    # Each deprived person once, under the measure that began last (their state on the day),
    # ordered by count then by the schema's order of measures.
    deprived_by_measure: tuple[tuple[str, int], ...]
    charged: int  # an open criminal case and not deprived of liberty
    # The Criminal Code provisions under which the people above are held or charged, each once per person.
    charges_by_provision: tuple[tuple[Provision, int], ...]
    # Episodes of the measures counted here with no date at all: not counted, and said so.
    unplaced: int
    # People held on no other ground whose preventive measure's recorded term (pre-trial detention,
    # house arrest, psychiatric placement) had ended by `day` with no end_date: neither a release nor
    # an extension is recorded, so they are counted neither as held nor as charged at liberty, and
    # that is said, each under the measure that began last, ordered as deprived_by_measure is.
    lapsed_by_measure: tuple[tuple[str, int], ...] = ()
    # The people above under a criminal measure with no Criminal Code provision recorded for what holds or
    # charges them: charges_by_provision does not count them, and the brief says how many.
    unprovisioned: int = 0

    @property
    def held_or_charged(self) -> int:
        return self.deprived + self.charged

    @property
    def lapsed(self) -> int:
        return sum(n for _, n in self.lapsed_by_measure)


def _by_count(counter: Counter, order) -> tuple:
    return tuple(sorted(counter.items(), key=lambda item: (-item[1], order(item[0]))))


def stock_on(members: Iterable[Member], day: datetime.date) -> Stock:
    deprived: Counter[str] = Counter()
    lapsed: Counter[str] = Counter()
    charged = unplaced = unprovisioned = 0
    provisions: Counter[Provision] = Counter()
    for member in members:
        convictions = sorted(e.date for e in member.episodes if e.measure == CONVICTION and e.date)
        holding: list[Episode] = []
        charges: list[Episode] = []
        ended: list[Episode] = []
        for episode in member.episodes:
            if episode.measure not in LASTING:
                continue
            if episode.date is None:
                unplaced += 1
            elif episode.measure == CHARGE:
                if _covers(episode.date, charge_end(episode, convictions), day):
                    charges.append(episode)
            elif (held := held_on(episode, day)) is None:
                # A sentence ends with its term; a preventive measure may have been extended unrecorded.
                if episode.measure in PREVENTIVE_MEASURES:
                    ended.append(episode)
            elif held:
                holding.append(episode)
        if ended and not holding:
            # Neither held nor at liberty is recorded: counted in neither figure.
            lapsed[str(max(ended, key=lambda e: (e.date, e.row)).measure)] += 1
            continue
        if holding:
            latest = max(holding, key=lambda e: (e.date, e.row))
            deprived[str(latest.measure)] += 1  # a measure of LASTING, never None
        elif charges:
            charged += 1
        if holding or charges:
            applied = {p for e in holding + charges
                       if (p := parse_provision(e.legal_basis)) and p.code == CRIMINAL_CODE}
            provisions.update(applied)
            # Only someone under a criminal measure lacks a Criminal Code provision (not an administrative arrest).
            unprovisioned += not applied and any(e.measure in CRIMINAL_MEASURES for e in holding + charges)
    return Stock(
        day=day,
        deprived=sum(deprived.values()),
        deprived_by_measure=_by_count(deprived, _MEASURE_ORDER.__getitem__),
        charged=charged,
        charges_by_provision=_by_count(provisions, lambda provision: provision),
        unplaced=unplaced,
        lapsed_by_measure=_by_count(lapsed, _MEASURE_ORDER.__getitem__),
        unprovisioned=unprovisioned,
    )


@dataclass(frozen=True)
class Flow:
    """What began within a period: episodes by measure and, within each, by legal provision; by ground."""

    start: datetime.date
    end: datetime.date | None  # None: no end, every episode from `start` on
    episodes: int
    people: int
    cities: int
    by_measure: tuple[tuple[str, int], ...]
    provisions_by_measure: dict[str, tuple[tuple[Provision, int], ...]]
    by_ground: tuple[tuple[str, int], ...]  # only the grounds recorded
    preventive: int


def flow(members: Iterable[Member], start: datetime.date, end: datetime.date | None) -> Flow:
    began = [(member, episode) for member in members for episode in member.episodes
             if episode.date is not None and start <= episode.date and (end is None or episode.date <= end)]
    by_measure: Counter[str] = Counter()
    provisions: dict[str, Counter[Provision]] = {}
    for _, episode in began:
        assert episode.measure is not None, "a required cell: a case with errors is never built"
        by_measure[episode.measure] += 1
        provision = parse_provision(episode.legal_basis)
        if provision:
            provisions.setdefault(episode.measure, Counter())[provision] += 1
    overall: Counter[Provision] = sum(provisions.values(), Counter())
    return Flow(
        start=start, end=end,
        episodes=len(began),
        people=len({member.person.complainant_id for member, _ in began}),
        cities=len({episode.city.key for _, episode in began if episode.city}),
        by_measure=_by_count(by_measure, _MEASURE_ORDER.__getitem__),
        # A tie within a measure ordered as the period's provisions are overall, the same in every line.
        provisions_by_measure={measure: _by_count(counter, lambda provision: (-overall[provision], provision))
                               for measure, counter in provisions.items()},
        by_ground=_by_count(Counter(e.grounds for _, e in began if e.grounds), _GROUND_ORDER.__getitem__),
        preventive=sum(e.preventive for _, e in began),
    )


@dataclass(frozen=True)
class Change:
    """The stock the day before a period began and on its last day, and what began within it."""

    before: Stock
    after: Stock
    flow: Flow

    @property
    def deprived(self) -> int:
        return self.after.deprived - self.before.deprived

    @property
    def charged(self) -> int:
        return self.after.charged - self.before.charged


def change(members: Sequence[Member], start: datetime.date, end: datetime.date | None,
           day: datetime.date) -> Change:
    """The change over a period from `start` to `end` (None: no end), whose stock after is taken on
    `end` or, for a period without one, on `day` (the document's date)."""
    return Change(stock_on(members, start - datetime.timedelta(days=1)), stock_on(members, end or day),
                  flow(members, start, end))


def monthly_stock(members: Sequence[Member], day: datetime.date) -> list[tuple[datetime.date, int, int]]:
    """(day, deprived, charged) on the first day of each month from the month the first lasting
    measure began until `day`, and on `day`; empty when no lasting measure began by then."""
    starts = [e.date for m in members for e in m.episodes if e.measure in LASTING and e.date and e.date <= day]
    if not starts:
        return []
    days = []
    current = min(starts).replace(day=1)
    while current < day:
        days.append(current)
        current = current.replace(year=current.year + 1, month=1) if current.month == 12 else current.replace(
            month=current.month + 1)
    days.append(day)
    return [(when, stock.deprived, stock.charged) for when in days for stock in (stock_on(members, when),)]
