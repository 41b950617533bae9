"""Checks across records: ids, references, exclusions, likely duplicates, dates."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from .claims import article_changes
from .countries import country_codes
from .fonts import code_points, undrawable
from .identifiers import collision_key
from .law import DEPRIVATION_OF_LIBERTY
from .names import identity_key
from .problems import (
    AFTER_DOCUMENT_DATE,
    ATTACHMENT_DATE_DIFFERS,
    BAD_ARTICLES,
    BORN_BEFORE_1900,
    CONFLICTING_DUPLICATE,
    CUSTODY_TERM_RUN_OUT,
    DATE_BEFORE_BIRTH,
    DATE_END_BEFORE_START,
    DATE_IN_FUTURE,
    DETENTION_WHILE_HELD,
    DUPLICATE_ID,
    ERROR,
    ESTIMATE_BELOW_IDENTIFIED,
    ESTIMATE_WITHOUT_SOURCE,
    EXCLUDED_EPISODE,
    LAWYER_ACCESS_CONTRADICTED,
    LOOKALIKE_ID,
    MEDICAL_REPORT_WITHOUT_HARM,
    MISSING_LABEL,
    MISSING_LATIN_NAME,
    NO_COMPLAINANTS,
    NO_EPISODE_AT_ALL,
    NO_EPISODES,
    NO_REMEDIES,
    POSSIBLE_DUPLICATE,
    REMEDIES_TOO_OLD,
    TESTIMONY_NOT_IN_LANGUAGE,
    UNDRAWABLE_CHARACTERS,
    UNKNOWN_COMPLAINANT,
    UNKNOWN_COUNTRY,
    UNKNOWN_EVENT,
    Problem,
)
from .records import Complainant, Episode, Records, Remedy
from .report import Exclusion, Issue, Report
from .schema import ATTACHMENTS, COMPLAINANTS, EPISODES, EVENTS, REMEDIES, TESTIMONIES
from .screen import screen, settings_texts
from .settings import Settings
from .stock import held_on, term_end

# The Human Rights Committee may see a communication submitted more than five years
# after the final domestic decision as an abuse of the right of submission (rule 99(c)).
REMEDY_DELAY_YEARS = 5


def _issue(problem: Problem, sheet, row, column_key, columns, **params) -> Issue:
    return Issue(problem, sheet.key, row, column_key, columns.get(column_key), params)


def exclusion_reasons(person: Complainant) -> tuple[str, ...]:
    reasons = []
    if person.appeal_form_date is None:
        reasons.append("no-appeal-form")
    if person.poa_date is None:
        reasons.append("no-power-of-attorney")
    return tuple(reasons)


def _duplicate_ids(records: Iterable, id_of, sheet, columns, issues: list[Issue]) -> None:
    """The same id twice, or two ids that one file system or one reader would take for one."""
    first_row: dict[str, int] = {}
    first_by_key: dict[str, tuple[str, int]] = {}
    for record in records:
        key = id_of(record)
        if key in first_row:
            issues.append(_issue(DUPLICATE_ID, sheet, record.row, sheet.id_column, columns,
                                 id=key, first_row=first_row[key]))
            continue
        first_row[key] = record.row
        other = first_by_key.setdefault(collision_key(key), (key, record.row))
        if other[0] != key:
            issues.append(_issue(LOOKALIKE_ID, sheet, record.row, sheet.id_column, columns,
                                 id=key, first_row=other[1]))


# What decides whether and where a person is named: two rows of one person must agree on them.
_DECIDING_COLUMNS = ("consent_to_name", "poa_scope", "sex")


def _possible_duplicates(people: list[Complainant], columns, issues: list[Issue]) -> None:
    """Index by key, so that 10,000 people cost 10,000 look-ups, not 50 million pairs."""
    seen: dict[tuple[str, str], Complainant] = {}
    for person in people:
        keys = []
        if person.id_document:
            keys.append(("same-document", "".join(person.id_document.split()).casefold()))
        if person.date_of_birth:
            birth = person.date_of_birth.isoformat()
            keys.append(("same-name-and-birth", identity_key(person.surname, person.given_name) + birth))
            if person.surname_latin and person.given_name_latin:
                keys.append(("same-name-and-birth",
                             identity_key(person.surname_latin, person.given_name_latin) + birth))
        # A name alone: namesakes are common, so only where neither a date of birth nor a patronymic on both
        # rows tells them apart, and only a warning (reader s9: one name in two cities, no date of birth,
        # in a list of 87).
        keys.append(("same-name", identity_key(person.surname, person.given_name)))
        reported = set()
        for key in keys:
            other = seen.get(key)
            if other is None:
                seen[key] = person
            elif (other.complainant_id != person.complainant_id and other.complainant_id not in reported
                  and (key[0] != "same-name" or _undistinguished(person, other))):
                reported.add(other.complainant_id)
                differing = tuple(column for column in _DECIDING_COLUMNS
                                  if getattr(person, column) != getattr(other, column)
                                  # a row without a power of attorney has no scope to disagree on
                                  and (column != "poa_scope" or (person.poa_date and other.poa_date)))
                params = dict(id=person.complainant_id, other_id=other.complainant_id, other_row=other.row,
                              reason=key[0])
                if differing and key[0] != "same-name":  # which row is right decides what is published
                    issues.append(_issue(CONFLICTING_DUPLICATE, COMPLAINANTS, person.row, differing[0],
                                         columns, fields=differing, **params))
                else:
                    issues.append(_issue(POSSIBLE_DUPLICATE, COMPLAINANTS, person.row,
                                         "id_document" if key[0] == "same-document" else "surname", columns,
                                         **params))


def _undistinguished(person: Complainant, other: Complainant) -> bool:
    """Two rows of one name that neither dates of birth nor patronymics set apart."""
    if person.date_of_birth and other.date_of_birth:
        return False  # the same date is the same-name-and-birth key's; another date, another person
    return not (person.patronymic and other.patronymic
                and identity_key(person.patronymic) != identity_key(other.patronymic))


def publicly_named(people: Iterable[Complainant]) -> set[str]:
    """The ids the public documents name: consented, included, and publication authorised."""
    return {person.complainant_id for person in people
            if person.consent_to_name and not exclusion_reasons(person) and "publish" in person.poa_scope}


def validate(records: Records, column_maps: dict[str, dict[str, int]], languages: Iterable[str],
             today: datetime.date, submission: datetime.date | None = None,
             settings: Settings | None = None) -> Report:
    """column_maps: sheet key -> column key -> 1-based column index, for cell references.

    submission: the date the documents will bear, against which remedies' delays are measured.
    settings: the case's, whose texts are screened with the workbook's free text.
    """
    issues = list(records.issues)
    submission = submission or today
    events_cols = column_maps[EVENTS.key]
    people_cols = column_maps[COMPLAINANTS.key]
    episode_cols = column_maps[EPISODES.key]

    _duplicate_ids(records.events, lambda e: e.event_id, EVENTS, events_cols, issues)
    _duplicate_ids(records.complainants, lambda c: c.complainant_id, COMPLAINANTS, people_cols, issues)

    # The people the workbook identifies for each event, included or not: an estimate of all those targeted
    # below it contradicts the count printed beside it.
    identified: dict[str, set[str]] = {}
    for episode in records.episodes:
        if episode.event_id:
            identified.setdefault(episode.event_id, set()).add(episode.complainant_id)
    for event in records.events:
        if event.estimated_total is not None and event.estimated_total < len(identified.get(event.event_id, ())):
            issues.append(_issue(ESTIMATE_BELOW_IDENTIFIED, EVENTS, event.row, "estimated_total", events_cols,
                                 id=event.event_id))
        for lang in languages:
            if not event.labels.get(lang):
                column = EVENTS.variant("labels", lang).key
                issues.append(_issue(MISSING_LABEL, EVENTS, event.row, column, events_cols,
                                     id=event.event_id, column=column))
        for lang in languages:
            if event.estimated_total is not None and not event.estimate_sources.get(lang):
                column = EVENTS.variant("estimate_sources", lang).key
                issues.append(_issue(ESTIMATE_WITHOUT_SOURCE, EVENTS, event.row, column, events_cols,
                                     column=column))
        for column, value in (("date", event.date), ("date_end", event.date_end)):
            _check_date(value, today, submission, EVENTS, event.row, column, events_cols, issues)

    if not records.complainants and not any(issue.sheet == COMPLAINANTS.key and issue.severity == ERROR
                                            for issue in issues):
        issues.append(Issue(NO_COMPLAINANTS, COMPLAINANTS.key, params={"sheet": COMPLAINANTS.key}))

    exclusions = []
    people: dict[str, Complainant] = {}
    for person in records.complainants:
        people.setdefault(person.complainant_id, person)
        reasons = exclusion_reasons(person)
        if reasons:
            exclusions.append(Exclusion(person.complainant_id, person.row, reasons))
        elif "en" in languages and not (person.surname_latin and person.given_name_latin):
            issues.append(_issue(MISSING_LATIN_NAME, COMPLAINANTS, person.row,
                                 "surname_latin", people_cols, id=person.complainant_id))
        if person.date_of_birth and person.date_of_birth.year < 1900:
            issues.append(_issue(BORN_BEFORE_1900, COMPLAINANTS, person.row, "date_of_birth", people_cols))
        if person.date_of_birth and person.date_of_birth > today:
            issues.append(_issue(DATE_IN_FUTURE, COMPLAINANTS, person.row, "date_of_birth", people_cols))
        for column in ("appeal_form_date", "poa_date"):
            _check_date(getattr(person, column), today, submission, COMPLAINANTS, person.row, column, people_cols,
                        issues)
        for column in ("appeal_form_date", "poa_date"):
            value = getattr(person, column)
            if value and person.date_of_birth and value < person.date_of_birth:
                issues.append(_issue(DATE_BEFORE_BIRTH, COMPLAINANTS, person.row, column,
                                     people_cols, id=person.complainant_id))
        if person.articles and article_changes(person.articles) is None:
            issues.append(_issue(BAD_ARTICLES, COMPLAINANTS, person.row, "articles", people_cols))
        if person.nationality and country_codes(person.nationality) is None:
            issues.append(_issue(UNKNOWN_COUNTRY, COMPLAINANTS, person.row, "nationality", people_cols))
    _possible_duplicates(records.complainants, people_cols, issues)

    excluded = {exclusion.complainant_id for exclusion in exclusions}
    event_ids = {event.event_id for event in records.events}
    for episode in records.episodes:
        owner = people.get(episode.complainant_id)
        if owner is None:
            issues.append(_issue(UNKNOWN_COMPLAINANT, EPISODES, episode.row, "complainant_id",
                                 episode_cols, id=episode.complainant_id))
        elif episode.complainant_id in excluded:
            issues.append(_issue(EXCLUDED_EPISODE, EPISODES, episode.row, "complainant_id",
                                 episode_cols, id=episode.complainant_id))
        if episode.end_date and episode.date and episode.end_date < episode.date:
            issues.append(_issue(DATE_END_BEFORE_START, EPISODES, episode.row, "end_date", episode_cols))
        # An end later than the documents' date is the end of a term still running (a release to come).
        if episode.end_date and episode.end_date > today:
            issues.append(_issue(DATE_IN_FUTURE, EPISODES, episode.row, "end_date", episode_cols))
        # Whether the person is still held is not known (stock.held_on): an open point in every document.
        if episode.measure in DEPRIVATION_OF_LIBERTY and episode.date and held_on(episode, submission) is None:
            issues.append(_issue(CUSTODY_TERM_RUN_OUT, EPISODES, episode.row, "end_date", episode_cols))
        if episode.lawyer_access == "yes" and "denied_lawyer" in episode.treatment:
            issues.append(_issue(LAWYER_ACCESS_CONTRADICTED, EPISODES, episode.row, "lawyer_access", episode_cols))
        if episode.event_id and episode.event_id not in event_ids:
            issues.append(_issue(UNKNOWN_EVENT, EPISODES, episode.row, "event_id", episode_cols,
                                 id=episode.event_id))
        reported = _check_date(episode.date, today, submission, EPISODES, episode.row, "date", episode_cols, issues)
        if not reported and episode.date and owner and owner.date_of_birth and episode.date < owner.date_of_birth:
            issues.append(_issue(DATE_BEFORE_BIRTH, EPISODES, episode.row, "date", episode_cols,
                                 id=episode.complainant_id))

    _detentions_while_held(records.episodes, episode_cols, issues)

    # Someone the documents include with no act recorded: each asks for them (open point `episodes`).
    # An empty sheet is said once, not once for each of what may be thousands of complainants.
    with_episodes = {episode.complainant_id for episode in records.episodes}
    if not with_episodes and people:
        issues.append(Issue(NO_EPISODE_AT_ALL, EPISODES.key, params={"sheet": EPISODES.key}))
    for complainant_id, person in people.items() if with_episodes else ():
        if complainant_id and complainant_id not in excluded and complainant_id not in with_episodes:
            issues.append(_issue(NO_EPISODES, COMPLAINANTS, person.row, "complainant_id", people_cols,
                                 id=complainant_id))

    testimony_cols = column_maps.get(TESTIMONIES.key, {})
    for testimony in records.testimonies or ():
        if testimony.complainant_id not in people:
            issues.append(_issue(UNKNOWN_COMPLAINANT, TESTIMONIES, testimony.row, "complainant_id",
                                 testimony_cols, id=testimony.complainant_id))
        elif testimony.consent_to_quote and testimony.complainant_id not in excluded:
            for lang in languages:
                if not testimony.texts.get(lang):
                    column = TESTIMONIES.variant("texts", lang).key
                    issues.append(_issue(TESTIMONY_NOT_IN_LANGUAGE, TESTIMONIES, testimony.row, column,
                                         testimony_cols, id=testimony.complainant_id, column=column))

    if records.remedies is not None:
        _check_remedies(records.remedies, people, excluded, column_maps.get(REMEDIES.key, {}), people_cols,
                        today, submission, issues)

    attachment_cols = column_maps.get(ATTACHMENTS.key, {})
    harmed = {e.complainant_id for e in records.episodes if e.measure == "ill_treatment" or "force_used" in e.treatment}
    for attachment in records.attachments:
        if attachment.complainant_id and attachment.complainant_id not in people:
            issues.append(_issue(UNKNOWN_COMPLAINANT, ATTACHMENTS, attachment.row, "complainant_id",
                                 attachment_cols, id=attachment.complainant_id))
        elif attachment.complainant_id and attachment.date and attachment.kind in _DATED_BY_ROW:
            column = _DATED_BY_ROW[attachment.kind]
            recorded = getattr(people[attachment.complainant_id], column)
            if recorded and recorded != attachment.date:
                issues.append(_issue(ATTACHMENT_DATE_DIFFERS, ATTACHMENTS, attachment.row, "date", attachment_cols,
                                     id=attachment.complainant_id, column=column))
        elif attachment.complainant_id and attachment.kind == "medical" and attachment.complainant_id not in harmed:
            issues.append(_issue(MEDICAL_REPORT_WITHOUT_HARM, ATTACHMENTS, attachment.row, "kind", attachment_cols,
                                 id=attachment.complainant_id))

    if settings is not None:
        for text in settings_texts(settings):
            missing = undrawable(text.value)
            if missing:
                issues.append(Issue(UNDRAWABLE_CHARACTERS, text.sheet, None, text.column, None,
                                    {"characters": code_points(missing)}))
    issues.extend(screen(records, settings, publicly_named(records.complainants), column_maps))
    return Report(issues=issues, exclusions=exclusions, appeals=len(people))


# The signed forms a complainant's row dates, by the kind of their scan on the Attachments sheet.
_DATED_BY_ROW = {"power_of_attorney": "poa_date", "appeal_form": "appeal_form_date"}


# The deprivations of liberty that hold a person in a place of detention, within which a new detention contradicts
# the record (a house arrest or a placement may end in one).
_HELD_IN_CUSTODY = ("detention", "administrative_arrest", "pretrial_detention", "imprisonment")


def _detentions_while_held(episodes: list[Episode], columns, issues: list[Issue]) -> None:
    """A detention dated after the start and before the end (its end date, or the end of its recorded term) of
    another custody of the same person: one of the two rows is wrong, and the documents print both."""
    held: dict[str, list[tuple[datetime.date, datetime.date, int]]] = {}
    for episode in episodes:
        end = episode.end_date or term_end(episode)
        if episode.measure in _HELD_IN_CUSTODY and episode.date and end:
            held.setdefault(episode.complainant_id, []).append((episode.date, end, episode.row))
    for episode in episodes:
        if episode.measure != "detention" or not episode.date:
            continue
        within = next((row for start, end, row in held.get(episode.complainant_id, ())
                       if row != episode.row and start < episode.date < end), None)
        if within is not None:
            issues.append(_issue(DETENTION_WHILE_HELD, EPISODES, episode.row, "date", columns,
                                 id=episode.complainant_id, other_row=within))


def _check_date(value: datetime.date | None, today: datetime.date, submission: datetime.date, sheet, row: int,
                column: str, columns, issues: list[Issue]) -> bool:
    """A date the documents print as past: after the date they bear it is an error (they would
    report as done what had not happened when they were written); later than today, a warning.
    Whether it was reported."""
    if value and value > submission:
        issues.append(_issue(AFTER_DOCUMENT_DATE, sheet, row, column, columns))
    elif value and value > today:
        issues.append(_issue(DATE_IN_FUTURE, sheet, row, column, columns))
    else:
        return False
    return True


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _check_remedies(remedies: list[Remedy], people: dict[str, Complainant], excluded: set[str],
                    remedy_cols: dict[str, int], people_cols: dict[str, int], today: datetime.date,
                    submission: datetime.date, issues: list[Issue]) -> None:
    last_decision: dict[str, datetime.date | None] = {}
    for remedy in remedies:
        if remedy.complainant_id not in people:
            issues.append(_issue(UNKNOWN_COMPLAINANT, REMEDIES, remedy.row, "complainant_id",
                                 remedy_cols, id=remedy.complainant_id))
            continue
        for column in ("date", "outcome_date"):
            # The communications list the remedies as exhausted at their date.
            _check_date(getattr(remedy, column), today, submission, REMEDIES, remedy.row, column, remedy_cols, issues)
        decided = remedy.decided
        previous = last_decision.get(remedy.complainant_id)
        last_decision[remedy.complainant_id] = max(filter(None, (previous, decided)), default=None)
    limit = _years_before(submission, REMEDY_DELAY_YEARS)
    for person_id, person in people.items():
        if person_id in excluded:
            continue
        if person_id not in last_decision:
            issues.append(_issue(NO_REMEDIES, COMPLAINANTS, person.row, "complainant_id",
                                 people_cols, id=person_id))
        elif (decided := last_decision[person_id]) and decided < limit:
            issues.append(_issue(REMEDIES_TOO_OLD, COMPLAINANTS, person.row, "complainant_id",
                                 people_cols, id=person_id, years=REMEDY_DELAY_YEARS))
