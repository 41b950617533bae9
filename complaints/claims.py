"""What a submission claims for one person, each claim with the recorded facts that support it.

The HRC communication claims an article of the Covenant only where some episode engages it, and
names those episodes; the collective complaint counts, per article, the complainants whose own facts
engage it; the WGAD questionnaire argues a category of arbitrary detention only from recorded facts.
Nothing is claimed by default: what no fact supports is left to the lawyer (an open point in the
document), who may also add or remove articles for one author in the `articles` cell.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from .law import (
    ARTICLES_BY_MEASURE,
    CONSTITUTION_RIGHTS,
    CORE_ARTICLES,
    DEPRIVATION_OF_LIBERTY,
    PENALTIES,
    Provision,
    no_basis,
    parse_provision,
)

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
# What the person was targeted for (Episodes grounds): the freedom whose exercise was punished. An
# online post is expression (19) whatever provision was invoked against it, as "participation in a
# banned association" often is for a chat message (CC 405, which by itself engages 22).
ARTICLES_BY_GROUND = {
    "protest": (21,),
    "online_post": (19,),
    "journalism": (19,),
    "membership": (22,),
    "campaigning": (19, 25),
    "election_observation": (25,),
}
# The freedoms a person is persecuted for exercising, as the provisions and grounds above name them.
FREEDOMS = tuple(sorted(set(ARTICLES_BY_PROVISION.values())
                        | {article for articles in ARTICLES_BY_GROUND.values() for article in articles}))
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
    @property
    def ground(self) -> str: ...
    @property
    def treatment(self) -> tuple[str, ...]: ...
    @property
    def day(self) -> datetime.date | None: ...
    @property
    def hours_held(self) -> int | None: ...
    @property
    def home_searched(self) -> str: ...


# What a fair trial forbids, as the intake records it (Episodes `lawyer_access`, or the `treatment`
# tags): held or tried without a lawyer of the person's choosing (article 14(3)(b) and (d)), compelled
# to make a statement, to testify against oneself or to confess (article 14(3)(g)). Each engages
# article 14 and, for a deprivation of liberty, Category III of the Working Group.
# A penalty a court imposed on the day of the person's detention, or the day after (the recorded dates show
# it): no adequate time and facilities to prepare a defence (article 14(3)(b)). The dates say nothing of a
# lawyer: that is `lawyer_access`'s to say.
FAIR_TRIAL_BREACHES = ("denied_lawyer", "forced_statement", "same_day_trial", "next_day_trial")
# The penalties a court imposes at a summary hearing after a detention (the administrative courts).
SUMMARY_PENALTIES = ("administrative_arrest", "fine")


def lawyer_access(typed: str | None, treatment: Iterable[str]) -> str:
    """Whether the person had a lawyer: the `lawyer_access` cell where filled (it is the more exact
    record; a contradicting `denied_lawyer` tag is a validation warning), else "no" where the
    treatment records a denial, else "" (not recorded)."""
    return typed or ("no" if "denied_lawyer" in treatment else "")


def _fair_trial_breaches(fact: Fact) -> tuple[str, ...]:
    return tuple(breach for breach, found in (("denied_lawyer", fact.lawyer_access == "no"),
                                              ("forced_statement", "forced_statement" in fact.treatment)) if found)


# The measures by which a person faces a charge (article 14 applies to "the determination of any criminal
# charge"): an administrative penalty, a criminal case, a measure of restraint in it, a sentence.
CHARGES = ("fine", "administrative_arrest", "criminal_case", "pretrial_detention", "house_arrest", "conviction",
           "imprisonment", "restriction_of_freedom")


def led_to(fact: Fact, charge: Fact) -> bool:
    """Whether `charge` followed `fact` (a detention, an interrogation): in the same event, or on its day
    or the next."""
    return bool((fact.event_id and charge.event_id == fact.event_id)
                or (fact.day and charge.day and fact.day <= charge.day <= fact.day + datetime.timedelta(days=1)))


def charged(facts: Sequence[Fact]) -> set[int]:
    """The id() of each fact at which the person faced a charge: one that is itself a charge, or one (a
    detention, an interrogation) that led to a charge (led_to). A lawyer denied or a statement forced
    there is a breach of article 14; at a detention that led to no charge it is not (the detention
    itself engages article 9)."""
    charges = [fact for fact in facts if fact.measure_key in CHARGES]
    return {id(fact) for fact in facts
            if fact.measure_key in CHARGES or any(led_to(fact, charge) for charge in charges)}


# An administrative detention lasts no longer than three hours, save in the cases the Code of Administrative
# Offences lists. The article of the Code of 2014 that sets the limit could not be verified (sessions 7 and 8: its
# article 788 is the procedure of administrative detention; article 622 of the Code of 2001 set the three hours and
# its exceptions): the documents cite the Code, not an article. Among the exceptions the reader (session 8) recalls a
# longer term for a person held in a case that may lead to administrative arrest, which article 488 provides: the
# State answers a detention that led to a fine or an arrest with it. So the limit is argued only for a detention
# under the Code that led to no penalty and no criminal measure.
ADMINISTRATIVE_DETENTION_HOURS = 3
# The measures of a criminal case: a detention that led to one was a suspect's, not an administrative detention.
CRIMINAL_MEASURES = ("criminal_case", "pretrial_detention", "house_arrest", "conviction", "imprisonment",
                     "restriction_of_freedom")


def beyond_administrative_limit(facts: Sequence[Fact]) -> tuple:
    """The administrative detentions recorded as lasting longer than ADMINISTRATIVE_DETENTION_HOURS, in the
    facts' order: a detention whose hours are recorded, made under a provision of the Code of Administrative
    Offences, that led (led_to) to no summary penalty (the Code's longer term in a case that may end in an arrest
    may have applied) and to no criminal measure. Without the hours or the provision recorded, nothing is said."""
    found = []
    for fact in facts:
        if (fact.measure_key != "detention" or (fact.hours_held or 0) <= ADMINISTRATIVE_DETENTION_HOURS
                or not fact.provision or fact.provision.code != "CAO"):
            continue
        followed = [other for other in facts if other is not fact and led_to(fact, other)]
        if not any(other.measure_key in SUMMARY_PENALTIES + CRIMINAL_MEASURES for other in followed):
            found.append(fact)
    return tuple(found)


def pleaded_trials(facts: Sequence[Fact], added: Iterable[int] = ()) -> dict[int, str]:
    """The summary trials (summary_trials) pleaded as breaches of a fair trial, and the confessions
    (confessions) where the lawyer pleads them. A hearing's date alone is not one: the Committee asks whether
    the person asked for time, a lawyer or an adjournment and was refused, which the workbook does not record.
    So only a hearing that records another breach itself (a lawyer denied, a statement forced), or every one
    where the lawyer's `articles` cell adds article 14; the others are the lawyer's to decide (an open point,
    hearing_undecided), as is a confession (confession_undecided)."""
    summary = summary_trials(facts)
    if 14 in set(added):
        return summary | {id(fact): "forced_statement" for fact in confessions(facts)}
    return {id(fact): summary[id(fact)] for fact in facts if id(fact) in summary and _fair_trial_breaches(fact)}


def confessions(facts: Sequence[Fact]) -> tuple:
    """The ill-treatment recorded before a conviction of the same person (on its day or later, or either
    undated) with no statement recorded as forced (the `forced_statement` treatment, a breach of its own):
    whether it forced a confession the conviction rests on, article 14, paragraph 3 (g), is the lawyer's to
    say, as the workbook records it only in a description."""
    convicted = [fact.day for fact in facts if fact.measure_key == "conviction"]
    return tuple(fact for fact in facts
                 if fact.measure_key == "ill_treatment" and "forced_statement" not in _fair_trial_breaches(fact)
                 and any(not fact.day or not day or day >= fact.day for day in convicted))


def confession_undecided(facts: Sequence[Fact], added: Iterable[int] = (), removed: Iterable[int] = ()) -> tuple:
    """The confessions (confessions) while the lawyer has not decided on article 14."""
    return () if 14 in set(added) | set(removed) else confessions(facts)


def hearing_undecided(facts: Sequence[Fact], added: Iterable[int] = (), removed: Iterable[int] = ()) -> tuple:
    """The summary trials not pleaded (pleaded_trials) while the lawyer has not decided on article 14."""
    added, removed = set(added), set(removed)
    if 14 in added | removed:
        return ()
    summary, pleaded = summary_trials(facts), pleaded_trials(facts)
    return tuple(fact for fact in facts if id(fact) in summary and id(fact) not in pleaded)


def summary_trials(facts: Sequence[Fact]) -> dict[int, str]:
    """The penalties imposed on the day of a recorded detention of the same person ("same_day_trial") or
    the day after ("next_day_trial"), by the id() of the fact."""
    detained = {fact.day for fact in facts if fact.measure_key == "detention" and fact.day}
    found = {}
    for fact in facts:
        if fact.measure_key in SUMMARY_PENALTIES and fact.day:
            if fact.day in detained:
                found[id(fact)] = "same_day_trial"
            elif fact.day - datetime.timedelta(days=1) in detained:
                found[id(fact)] = "next_day_trial"
    return found


# What the intake records of the person's treatment that may be ill-treatment: force used against them or a statement
# they were made to sign while held (the `treatment` tags). Article 7 for these is the lawyer's to claim
# (DECIDED_BY_LAWYER): until then they are no ill-treatment the documents may name (ill_treatment).
ILL_TREATMENT_TAGS = ("force_used", "forced_statement")


def ill_treatment(facts: Iterable[Fact], claimed: Iterable[int] = ()) -> tuple:
    """The facts recording ill-treatment of the person, in the facts' order: the measure; and force used, a statement
    forced (ILL_TREATMENT_TAGS) or a psychiatric placement only where article 7 is among the articles `claimed` for the
    person, the lawyer having decided they were ill-treatment (reader s11 N11-1: the documents asked to investigate the
    «ill-treatment» of people for whom article 7 was still an open point)."""
    decided = 7 in set(claimed)
    return tuple(fact for fact in facts
                 if fact.measure_key == "ill_treatment"
                 or (decided and (bool(set(ILL_TREATMENT_TAGS) & set(fact.treatment))
                                  or fact.measure_key == "psychiatric_placement")))


# Articles a fact may engage that only the lawyer can claim: whether a conviction punished an act no
# law made an offence, whether a dismissal discriminated or barred access to public service, whether a
# restriction of freedom or a house arrest is pleaded under freedom of movement, whether
# the force used or the statement forced from the person reached the threshold of article 7, and what a
# psychiatric placement, a threat or a seizure engages (law.ARTICLES_BY_MEASURE), is a judgement the workbook
# does not record. Until the `articles` cell adds or removes one of them, the
# documents show an open point (the key of open_points.FIELDS) naming the facts concerned.
DECIDED_BY_LAWYER: tuple[tuple[str, tuple[int, ...], Callable[[Fact], bool]], ...] = (
    ("article_15", (15,), lambda fact: fact.measure_key == "conviction"),
    ("article_7", (7,), lambda fact: bool(set(ILL_TREATMENT_TAGS) & set(fact.treatment))),
    ("articles_25_26", (25, 26), lambda fact: fact.measure_key == "dismissal"),
    # Of an expulsion from study, article 25 (c), access to public service, reaches nothing (reader s9 N7).
    ("article_26", (26,), lambda fact: fact.measure_key == "expulsion"),
    ("article_12", (12,), lambda fact: fact.measure_key in ("restriction_of_freedom", "house_arrest")),
    ("article_7_placement", (7,), lambda fact: fact.measure_key == "psychiatric_placement"),
    ("article_9_threats", (9,), lambda fact: fact.measure_key == "threats"),
    ("article_17_seizure", (17,), lambda fact: fact.measure_key == "confiscation"),
)


@dataclass(frozen=True)
class RecordedFact:
    """An Episode record as the claims read it, for what counts claims without a document's views."""

    measure_key: str
    provision: Provision | None
    no_basis: bool
    event_id: str
    lawyer_access: str
    ground: str = ""
    treatment: tuple[str, ...] = ()
    day: datetime.date | None = None
    hours_held: int | None = None
    home_searched: str = ""  # yes | no | unknown, or empty

    @classmethod
    def of(cls, episode) -> RecordedFact:
        treatment = tuple(sorted(episode.treatment))
        return cls(episode.measure or "", parse_provision(episode.legal_basis), no_basis(episode.legal_basis),
                   episode.event_id or "", lawyer_access(episode.lawyer_access, treatment), episode.grounds or "",
                   treatment, episode.date, episode.hours_held, episode.home_searched or "")


@dataclass(frozen=True)
class Claim:
    """An article of the Covenant, or a category of arbitrary detention, and the facts supporting it."""

    key: int | str  # the article number, or the category ("I", "II", "III", "V")
    facts: tuple  # the supporting episodes, in date order
    # Category II: the articles of the Covenant whose exercise the deprivation of liberty punished.
    articles: tuple[int, ...] = ()
    # Article 14 and Category III: each breach of a fair trial recorded (FAIR_TRIAL_BREACHES), with
    # the facts recording it.
    breaches: tuple[tuple[str, tuple], ...] = ()


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


def _engaged(fact: Fact) -> set[int]:
    """The articles one recorded fact engages on its own."""
    articles = set(ARTICLES_BY_MEASURE.get(fact.measure_key, ()))
    articles.update(ARTICLES_BY_GROUND.get(fact.ground, ()))
    core = _provision_article(fact)
    if core:
        articles.add(core)
    if _fair_trial_breaches(fact):
        articles.add(14)
    if fact.measure_key in PENALTIES and fact.no_basis:  # punished with no legal basis invoked at all
        articles.add(15)
    return articles


def article_claims(facts: Sequence[Fact], added: Iterable[int] = (), removed: Iterable[int] = ()) -> tuple[Claim, ...]:
    """The articles claimed: those an episode engages (by its measure, by the provision invoked for
    expression, assembly and association, by a recorded denial of a lawyer, by a penalty recorded as
    having no legal basis), plus those the lawyer added, minus those removed. An article the lawyer
    added rests on the episodes whose measure leaves it to the lawyer, else on every episode."""
    supported: dict[int, list] = {}
    summary = pleaded_trials(facts, added)
    at_trial = charged(facts)
    # Where a breach is one of article 14: at a charge, or a confession the lawyer pleads (pleaded_trials).
    trial = [fact for fact in facts if id(fact) in at_trial or id(fact) in summary]
    for fact in facts:
        fair_trial = id(fact) in summary or (id(fact) in at_trial and bool(_fair_trial_breaches(fact)))
        for article in (_engaged(fact) - {14}) | ({14} if fair_trial else set()):
            supported.setdefault(article, []).append(fact)
    removed = set(removed)
    keys = (set(supported) | set(added)) - removed
    return tuple(Claim(article, tuple(supported.get(article) or _left_to_lawyer(facts, article) or facts),
                       breaches=_breaches(trial, summary) if article == 14 else ())
                 for article in sorted(keys))


def _left_to_lawyer(facts: Sequence[Fact], article: int) -> list:
    return [fact for fact in facts
            if any(article in articles and concerns(fact) for _, articles, concerns in DECIDED_BY_LAWYER)]


def _breaches(facts: Sequence[Fact], summary: dict[int, str]) -> tuple[tuple[str, tuple], ...]:
    """Each breach of a fair trial some fact records (summary: summary_trials of the person's facts), with
    those facts, in FAIR_TRIAL_BREACHES order."""
    return tuple((breach, found) for breach in FAIR_TRIAL_BREACHES
                 if (found := tuple(fact for fact in facts
                                    if breach in _fair_trial_breaches(fact) or summary.get(id(fact)) == breach)))


def engages(fact: Fact, article: int) -> bool:
    """Whether one recorded fact engages an article of the Covenant on its own."""
    return article in _engaged(fact)


# The Constitution's articles on the freedoms the Covenant's articles 19, 22 and 21 protect.
_CONSTITUTION_BY_ARTICLE = {19: "20", 22: "23", 21: "32"}


def constitution_rights(facts: Sequence[Fact], claimed: Iterable[int]) -> tuple[str, ...]:
    """The articles of the Constitution (keys of law.CONSTITUTION_RIGHTS, in that order) one person's
    recorded facts concern: qualified legal assistance where a lawyer was denied; personal liberty where
    deprived of it; the prohibition of torture where ill-treatment is recorded or article 7 is claimed (force
    used or a statement forced engages it only as the lawyer decides, DECIDED_BY_LAWYER); private life
    where a search, surveillance or fingerprints taken are, or a phone taken or checked (one workbook tag) where
    article 17 is claimed (else asked: phone_unsettled); the home where a search is recorded
    as one of the person's home (home_searched); speech, association and
    assembly where the person's claims (`claimed`, the articles of the Covenant) include articles 19,
    22 and 21."""
    claimed = set(claimed)
    found = {
        "13(3)": any(fact.lawyer_access == "no" for fact in facts),
        "16": any(fact.measure_key in DEPRIVATION_OF_LIBERTY for fact in facts),
        "17(2)": any(fact.measure_key == "ill_treatment" for fact in facts) or 7 in claimed,
        "18": any(_private_life(fact) for fact in facts) or (17 in claimed and any(_phone(fact) for fact in facts)),
        "25": any(fact.measure_key == "search" and fact.home_searched == "yes" for fact in facts),
    }
    found.update({key: article in claimed for article, key in _CONSTITUTION_BY_ARTICLE.items()})
    return tuple(key for key in CONSTITUTION_RIGHTS if found.get(key))


def _private_life(fact: Fact) -> bool:
    """Whether a recorded fact concerns private life (article 18 of the Constitution) on its own."""
    return fact.measure_key in ("search", "surveillance") or "fingerprints_taken" in fact.treatment


def _phone(fact: Fact) -> bool:
    return "phone_seized" in fact.treatment


def phone_unsettled(facts: Sequence[Fact], typed: str | None) -> bool:
    """Whether a person's only fact that may concern article 18 of the Constitution is a phone taken or checked,
    and the lawyer's `articles` cell (`typed`) neither adds nor removes article 17 of the Covenant, which a phone
    searched engages: the workbook's one tag does not say whether its messages were read, so the lawyer is asked
    (reader s11 S3b), and a claimed article 17 cites article 18 of the Constitution too."""
    added, removed = article_changes(typed) or ((), ())
    return (any(_phone(fact) for fact in facts) and not any(_private_life(fact) for fact in facts)
            and 17 not in {*added, *removed})


@dataclass(frozen=True)
class Undecided:
    """Articles a measure may engage that the lawyer has neither claimed nor ruled out."""

    field: str  # the open point, a key of open_points.FIELDS
    articles: tuple[int, ...]
    facts: tuple


def undecided_articles(facts: Sequence[Fact], added: Iterable[int] = (),
                       removed: Iterable[int] = ()) -> tuple[Undecided, ...]:
    """For each kind of fact that leaves articles to the lawyer, its episodes, unless the lawyer's cell
    names one of those articles or a recorded fact already engages one."""
    decided = set(added) | set(removed) | {article for fact in facts for article in _engaged(fact)}
    undecided = []
    for field, articles, concerns in DECIDED_BY_LAWYER:
        episodes = tuple(fact for fact in facts if concerns(fact))
        if episodes and not decided & set(articles):
            undecided.append(Undecided(field, articles, episodes))
    return tuple(undecided)


def unlinked_threats(facts: Sequence[Fact]) -> tuple:
    """The threats the workbook links to no freedom: no ground recorded (a ground of its own names the right,
    ARTICLES_BY_GROUND, or says there is none to name) and no provision that restricts one invoked. A threat is
    listed under the freedom it targets by those links, as any measure is; without them, which right it
    interferes with is the lawyer's to record (reader s10 H1)."""
    return tuple(fact for fact in facts
                 if fact.measure_key == "threats" and not fact.ground and not _provision_article(fact))


def author_claims(facts: Sequence[Fact], typed: str | None) -> tuple[tuple[Claim, ...], tuple[Undecided, ...]]:
    """One author's claims and undecided articles, with the lawyer's `articles` cell applied (a cell
    not of the "+7, -15" form is ignored: the validation warns). A hearing held on the day of the detention
    or the next, and pleaded nowhere, leaves article 14 to the lawyer unless it is claimed on other facts."""
    added, removed = article_changes(typed) or ((), ())
    claims = article_claims(facts, added, removed)
    undecided = undecided_articles(facts, added, removed)
    hearings = hearing_undecided(facts, added, removed)
    if hearings and not any(claim.key == 14 for claim in claims):
        undecided += (Undecided("article_14_hearing", (14,), hearings),)
    if confessed := confession_undecided(facts, added, removed):
        undecided += (Undecided("article_14_confession", (14,), confessed),)
    if threats := unlinked_threats(facts):
        undecided += (Undecided("threats_right", FREEDOMS, threats),)
    return claims, undecided


def category_claims(facts: Sequence[Fact], affiliation: str = "", rights: Iterable[int] = (),
                    added: Iterable[int] = ()) -> tuple[Claim, ...]:
    """The categories of arbitrary detention the recorded facts support, for the deprivations of liberty
    among `facts`. Category I (no legal basis) only where the record says none was invoked, never
    from an empty cell. rights: the articles claimed for the person, of which Category II names those of
    expression, assembly and association beside those of the provisions and grounds recorded; added: the
    articles the lawyer's `articles` cell adds (article 14 pleads the summary trials, pleaded_trials)."""
    deprivations = [fact for fact in facts if fact.measure_key in DEPRIVATION_OF_LIBERTY]
    baseless = [fact for fact in deprivations if fact.no_basis]
    # II: held under a provision restricting expression, assembly or association, for a recorded
    # ground (a protest, a post), or in connection with a recorded event of the case.
    exercise = [fact for fact in deprivations if _provision_article(fact) or fact.ground in ARTICLES_BY_GROUND
                or fact.event_id]
    # The rights named: those of the provisions invoked and of the grounds recorded for the deprivations, among them
    # participation in public affairs for a campaigner or an observer (article 25 is in Category II's list, reader s10
    # E1), and expression, assembly and association claimed for the person on other facts. Not an article 25 the
    # lawyer claims for a dismissal (access to public service): no right exercised.
    exercised = ({article for fact in exercise if (article := _provision_article(fact))}
                 | {article for fact in exercise for article in ARTICLES_BY_GROUND.get(fact.ground, ())}
                 | (set(rights) & set(CORE_ARTICLES)))
    # III: a breach of a fair trial recorded while the person was deprived of liberty, a penalty imposed at a
    # hearing held on the day of the detention or the day after, or a confession, where that is pleaded
    # (pleaded_trials): the date alone is not a breach grave enough. A fine imposed at such a hearing is no
    # deprivation of liberty for the breach to make arbitrary (reader s10 N-new-1): article 14 only.
    fines = {id(fact) for fact in facts if fact.measure_key in SUMMARY_PENALTIES and fact not in deprivations}
    summary = {key: breach for key, breach in pleaded_trials(facts, added).items() if key not in fines}
    unfair = [fact for fact in facts if (fact in deprivations and _fair_trial_breaches(fact)) or id(fact) in summary]
    # V: a recorded affiliation, and a deprivation of liberty for membership of an association.
    discrimination = [fact for fact in deprivations if affiliation and fact.provision
                      and (fact.provision.code, fact.provision.article) in ASSOCIATION_PROVISIONS]
    return tuple(Claim(key, tuple(found), tuple(sorted(exercised)) if key == "II" else (),
                       _breaches(found, summary) if key == "III" else ())
                 for key, found in (("I", baseless), ("II", exercise), ("III", unfair), ("V", discrimination))
                 if found)
