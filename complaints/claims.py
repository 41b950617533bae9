"""What a submission claims for one person, each claim with the recorded facts that support it.

The HRC communication claims an article of the Covenant only where some episode engages it, and
names those episodes; the WGAD questionnaire argues a category of arbitrary detention only from
recorded facts. Nothing is claimed by default: what no fact supports is left to the lawyer (an
open point in the document), who may also add or remove articles for one author.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from .law import ARTICLES_BY_MEASURE, CORE_ARTICLES, DEPRIVATION_OF_LIBERTY, Provision

# The provisions used against peaceful expression, assembly and association, and the article of
# the Covenant each restricts: an episode under one of them engages that article.
ARTICLES_BY_PROVISION = {
    ("CAO", 488): 21,  # violation of the law on organising and holding peaceful assemblies
    ("CC", 400): 21,  # violation of the procedure for organising and holding assemblies
    ("CAO", 489): 22,  # taking part in the activity of an unregistered or banned association
    ("CC", 405): 22,  # organising or taking part in the activity of an association banned as "extremist"
    ("CC", 174): 19,  # "inciting discord"
    ("CC", 274): 19,  # "disseminating false information"
}
# Provisions punishing membership of an association: with a recorded affiliation, a deprivation of
# liberty under one of them is argued as discrimination for political or other opinion (Category V).
ASSOCIATION_PROVISIONS = {("CAO", 489), ("CC", 405)}


class Fact(Protocol):
    """An episode as a document shows it (context.EpisodeView)."""

    # Read-only members, so that a frozen dataclass satisfies the protocol.
    @property
    def measure_key(self) -> str: ...
    @property
    def provision(self) -> Provision | None: ...
    @property
    def no_basis(self) -> bool: ...
    @property
    def event_id(self) -> str: ...
    @property
    def lawyer_access(self) -> str: ...


@dataclass(frozen=True)
class Claim:
    """An article of the Covenant, or a category of arbitrary detention, and the facts supporting it."""

    key: int | str  # the article number, or the category ("I", "II", "III", "V")
    facts: tuple  # the supporting episodes, in date order


_CHANGE = re.compile(r"([+-]?)\s*(\d{1,2})")


def article_changes(typed: str | None) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """The articles the lawyer adds and removes ("+7, -15"; a bare number adds); None when nothing is
    typed or a part is not of that form (the cell is then ignored: the validation warns)."""
    if not typed or not typed.strip():
        return None
    added: list[int] = []
    removed: list[int] = []
    for part in re.split(r"[,;\s]+(?=[+-]?\d)", typed.strip()):
        match = _CHANGE.fullmatch(part.strip())
        if not match or not 1 <= int(match[2]) <= 27:
            return None
        (removed if match[1] == "-" else added).append(int(match[2]))
    return tuple(added), tuple(removed)


def _provision_article(fact: Fact) -> int | None:
    provision = fact.provision
    return ARTICLES_BY_PROVISION.get((provision.code, provision.article)) if provision else None


def article_claims(facts: Sequence[Fact], added: Iterable[int] = (), removed: Iterable[int] = ()) -> tuple[Claim, ...]:
    """The articles claimed: those an episode engages (by its measure, or for expression, assembly
    and association by the provision invoked), plus those the lawyer added (resting on every episode
    of the author unless some engages the article), minus those removed."""
    supported: dict[int, list] = {}
    for fact in facts:
        articles = set(ARTICLES_BY_MEASURE.get(fact.measure_key, ()))
        core = _provision_article(fact)
        if core:
            articles.add(core)
        for article in articles:
            supported.setdefault(article, []).append(fact)
    removed = set(removed)
    keys = (set(supported) | set(added)) - removed
    return tuple(Claim(article, tuple(supported.get(article) or facts)) for article in sorted(keys))


def lacks_core_claim(claims: Sequence[Claim]) -> bool:
    """Whether no claim concerns expression, assembly or association: the lawyer must say which right
    the author was exercising."""
    return not any(claim.key in CORE_ARTICLES for claim in claims)


def category_claims(facts: Sequence[Fact], affiliation: str = "") -> tuple[Claim, ...]:
    """The categories of arbitrary detention the recorded facts support, for the deprivations of liberty
    among `facts`. Category I (no legal basis) only where the record says none was invoked, never
    from an empty cell."""
    deprivations = [fact for fact in facts if fact.measure_key in DEPRIVATION_OF_LIBERTY]
    baseless = [fact for fact in deprivations if fact.no_basis]
    # II: held under a provision restricting expression, assembly or association, or in connection
    # with a recorded event of the case (a rally, a post).
    exercise = [fact for fact in deprivations if _provision_article(fact) or fact.event_id]
    # III: recorded as held without access to a lawyer.
    unfair = [fact for fact in deprivations if fact.lawyer_access == "no"]
    # V: a recorded affiliation, and a deprivation of liberty for membership of an association.
    discrimination = [fact for fact in deprivations if affiliation and fact.provision
                      and (fact.provision.code, fact.provision.article) in ASSOCIATION_PROVISIONS]
    return tuple(Claim(key, tuple(found)) for key, found in (("I", baseless), ("II", exercise), ("III", unfair),
                                                             ("V", discrimination)) if found)
