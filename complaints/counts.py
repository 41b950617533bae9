"""Every figure the documents cite, computed from the included complainants only."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .case import Case, Member
from .claims import (
    Claim,
    RecordedFact,
    Undecided,
    author_claims,
    beyond_administrative_limit,
    constitution_rights,
    engages,
    phone_unsettled,
)
from .gazetteer import Place
from .law import ASSEMBLY_LAWS, CONSTITUTION_RIGHTS, assembly_law
from .records import Event
from .schema import GROUNDS, MEASURES, TREATMENT

# The order in which the documents list the reasons for leaving appeals out.
EXCLUSION_ORDER = ("no-appeal-form", "no-power-of-attorney", "no-appeal-form+no-power-of-attorney",
                   "no-authorisation")


@dataclass(frozen=True)
class EventCount:
    event: Event
    complainants: int
    episodes: int


@dataclass(frozen=True)
class MeasureCount:
    measure: str
    complainants: int
    episodes: int


@dataclass(frozen=True)
class GroundCount:
    ground: str
    complainants: int
    episodes: int
    preventive: int  # of the episodes, those marked preventive


@dataclass(frozen=True)
class PlaceCount:
    """Where acts of persecution took place: a city (or a region), as the gazetteer names it."""

    key: str  # the gazetteer key, the folded text of a city it does not know, or "" for a region not known
    names: dict[str, str]  # by language, from the gazetteer; empty when it does not know the place
    text: str  # the place as first written, for a city the gazetteer does not know
    complainants: int
    episodes: int

    @property
    def known(self) -> bool:
        return bool(self.names)

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en") or self.text


@dataclass(frozen=True)
class ArticleCount:
    article: int
    complainants: int  # those whose own facts (or their lawyer) support the claim


@dataclass(frozen=True)
class UndecidedCount:
    """Articles some complainants' measures may engage, which the lawyer has not decided on for them."""

    field: str  # the open point (open_points.FIELDS)
    articles: tuple[int, ...]
    complainants: int


@dataclass(frozen=True)
class Counts:
    appeals: int
    complainants: int
    excluded: int
    exclusion_reasons: tuple[tuple[str, int], ...]
    cities: int
    episodes: int
    events: tuple[EventCount, ...]
    measures: tuple[MeasureCount, ...]
    articles: tuple[ArticleCount, ...]
    episodes_without_event: int
    grounds: tuple[GroundCount, ...]  # by episodes, most first; only grounds recorded
    preventive: int  # episodes marked preventive
    treatment: tuple[tuple[str, int], ...]  # episodes per treatment recorded, in the vocabulary's order
    hours_held: tuple[int, ...]  # the hours recorded, sorted
    by_city: tuple[PlaceCount, ...]  # where episodes with a city took place, most first
    by_region: tuple[PlaceCount, ...]  # the same by region; a city the gazetteer does not know has none
    episodes_without_city: int
    undecided: tuple[UndecidedCount, ...] = ()
    # Places whose acts fall in more than one region (a city taken out of its oblast): counted in each,
    # and so are the complainants persecuted there before and after; the documents say why.
    places_in_two_regions: int = 0
    without_ground: int = 0  # complainants with an act whose ground is not recorded


def count(case: Case, members: Sequence[Member] | None = None, unauthorised: int = 0) -> Counts:
    """The figures over `members` (default: every included complainant).

    unauthorised: included complainants left out of this document because their
    power of attorney does not cover it; they count as excluded appeals here.
    """
    members = case.members if members is None else members
    people_by_event: dict[str, set[str]] = defaultdict(set)
    episodes_by_event: dict[str, int] = defaultdict(int)
    people_by_measure: dict[str, set[str]] = defaultdict(set)
    episodes_by_measure: dict[str, int] = defaultdict(int)
    people_by_article: dict[int, set[str]] = defaultdict(set)
    people_undecided: dict[tuple[str, tuple[int, ...]], set[str]] = defaultdict(set)
    people_by_ground: dict[str, set[str]] = defaultdict(set)
    people_without_ground: set[str] = set()
    episodes_by_ground: dict[str, int] = defaultdict(int)
    preventive_by_ground: dict[str, int] = defaultdict(int)
    preventive = without_city = 0
    treatment: dict[str, int] = defaultdict(int)
    hours: list[int] = []
    places: dict[str, list] = {}  # key -> [place, text, people, episodes]
    regions: dict[str, list] = {}
    regions_of_place: dict[str, set[str]] = defaultdict(set)
    cities = set()
    episodes = without_event = 0
    for member in members:
        person_id = member.person.complainant_id
        if member.person.city:
            cities.add(member.person.city.key)
        for episode in member.episodes:
            episodes += 1
            if episode.event_id:
                people_by_event[episode.event_id].add(person_id)
                episodes_by_event[episode.event_id] += 1
            else:
                without_event += 1
            measure = episode.measure
            assert measure is not None, "a required cell: a case with errors is never built"
            people_by_measure[measure].add(person_id)
            episodes_by_measure[measure] += 1
            preventive += episode.preventive
            for tag in episode.treatment:
                treatment[tag] += 1
            if episode.hours_held is not None:
                hours.append(episode.hours_held)
            if episode.city is None:
                without_city += 1
            else:
                place = episode.city.place
                _tally(places, episode.city.key, place, episode.city.text, person_id)
                region = place.region_on(episode.date) if place else None
                _tally(regions, region.key if region else "", region, "", person_id)
                regions_of_place[episode.city.key].add(region.key if region else "")
            if not episode.grounds:
                people_without_ground.add(person_id)
            else:
                people_by_ground[episode.grounds].add(person_id)
                episodes_by_ground[episode.grounds] += 1
                preventive_by_ground[episode.grounds] += episode.preventive
        claims, undecided = member_claims(member)
        for claim in claims:
            people_by_article[int(claim.key)].add(person_id)
        for item in undecided:
            people_undecided[item.field, item.articles].add(person_id)

    measure_order = list(MEASURES)
    measures = sorted(
        (MeasureCount(m, len(people), episodes_by_measure[m]) for m, people in people_by_measure.items()),
        key=lambda c: (-c.complainants, -c.episodes, measure_order.index(c.measure)),
    )
    articles = sorted((ArticleCount(a, len(p)) for a, p in people_by_article.items()), key=lambda c: c.article)
    ground_order = list(GROUNDS)
    grounds = sorted(
        (GroundCount(g, len(people), episodes_by_ground[g], preventive_by_ground[g])
         for g, people in people_by_ground.items()),
        key=lambda c: (-c.episodes, ground_order.index(c.ground)),
    )
    report = case.report
    return Counts(
        appeals=report.appeals,
        complainants=len(members),
        excluded=len(report.exclusions) + unauthorised,
        # One entry per person, so that the reasons add up to the number excluded: someone who
        # lacks both documents is counted once, under both reasons together.
        exclusion_reasons=tuple(sorted(
            Counter("+".join(sorted(exclusion.reasons)) for exclusion in report.exclusions).items()
            | ({("no-authorisation", unauthorised)} if unauthorised else set()),
            key=lambda item: EXCLUSION_ORDER.index(item[0]),
        )),
        cities=len(cities),
        episodes=episodes,
        events=tuple(
            EventCount(event, len(people_by_event[event.event_id]), episodes_by_event[event.event_id])
            for event in case.events
        ),
        measures=tuple(measures),
        articles=tuple(articles),
        episodes_without_event=without_event,
        grounds=tuple(grounds),
        preventive=preventive,
        treatment=tuple((tag, treatment[tag]) for tag in TREATMENT if treatment[tag]),
        hours_held=tuple(sorted(hours)),
        by_city=_places(places),
        by_region=_places(regions),
        episodes_without_city=without_city,
        undecided=tuple(UndecidedCount(field, articles, len(people))
                        for (field, articles), people in sorted(people_undecided.items())),
        places_in_two_regions=sum(len(keys) > 1 for keys in regions_of_place.values()),
        without_ground=len(people_without_ground),
    )


def _tally(table: dict[str, list], key: str, place: Place | None, text: str, person_id: str) -> None:
    entry = table.setdefault(key, [place, text, set(), 0])
    entry[2].add(person_id)
    entry[3] += 1


def _places(table: dict[str, list]) -> tuple[PlaceCount, ...]:
    """Most episodes first, then most complainants (so that the city and the region tables break
    their ties alike); the region not known last; then by key, so that no language decides the order."""
    counts = (PlaceCount(key, dict(place.names) if place else {}, text, len(people), episodes)
              for key, (place, text, people, episodes) in table.items())
    return tuple(sorted(counts, key=lambda c: (c.key == "", -c.episodes, -c.complainants, c.key)))


def member_claims(member: Member) -> tuple[tuple[Claim, ...], tuple[Undecided, ...]]:
    """A complainant's articles claimed and left undecided, from their own episodes and their lawyer's
    `articles` cell: the same claims their communication makes."""
    return author_claims([RecordedFact.of(episode) for episode in member.episodes], member.person.articles)


def constitution_counts(members: Sequence[Member]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """For each article of the Constitution some complainant's recorded facts concern (claims.constitution_rights),
    the ids of those complainants, in law.CONSTITUTION_RIGHTS order."""
    by_right: dict[str, list[str]] = {}
    for member in members:
        facts = [RecordedFact.of(episode) for episode in member.episodes]
        claims, _ = author_claims(facts, member.person.articles)  # member_claims, from the same facts
        for right in constitution_rights(facts, (int(claim.key) for claim in claims)):
            by_right.setdefault(right, []).append(member.person.complainant_id)
    return tuple((right, tuple(sorted(by_right[right]))) for right in CONSTITUTION_RIGHTS if right in by_right)


def assembly_laws(members: Sequence[Member]) -> tuple[tuple[str, ...], bool]:
    """The laws on peaceful assemblies (keys of law.ASSEMBLY_LAWS, oldest first) in force on the days of the
    recorded acts that engage article 21 of the Covenant (the freedom of assembly): a protest, or a
    provision on assemblies invoked; and whether some such act fell on a day when which law was in force
    is not settled (law.assembly_law)."""
    laws = {assembly_law(episode.date) for member in members for episode in member.episodes
            if episode.date and engages(RecordedFact.of(episode), 21)}
    return tuple(key for key in ASSEMBLY_LAWS if key in laws), None in laws


def beyond_detention_limit(members: Sequence[Member]) -> tuple[str, ...]:
    """The ids of the complainants held in an administrative detention recorded as lasting longer than the Code
    of Administrative Offences allows (claims.beyond_administrative_limit), sorted."""
    return tuple(sorted(member.person.complainant_id for member in members
                        if beyond_administrative_limit([RecordedFact.of(episode) for episode in member.episodes])))


def phone_search_unsettled(members: Sequence[Member]) -> tuple[str, ...]:
    """The ids of the complainants for whom article 18 of the Constitution turns on whether a phone taken or
    checked was searched (claims.phone_unsettled), sorted: for them the document asks."""
    return tuple(sorted(member.person.complainant_id for member in members
                        if phone_unsettled([RecordedFact.of(episode) for episode in member.episodes],
                                           member.person.articles)))


def home_search_unrecorded(members: Sequence[Member]) -> tuple[str, ...]:
    """The ids of the complainants with a search not recorded as of their home or not (home_searched), sorted:
    for them the document asks, as article 25 of the Constitution (the home) turns on it."""
    return tuple(sorted(member.person.complainant_id for member in members
                        if any(episode.measure == "search" and episode.home_searched not in ("yes", "no")
                               for episode in member.episodes)))
