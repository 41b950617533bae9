"""Every figure the documents print, with what it counts: output/<case>/figures.xlsx.

A lawyer asked "where does 55 come from?" opens the file and finds, for each document, each
figure's key, its value, what it counts and the ids of the complainants it counts. The values are
those of counts.count() and of the brief's periods, over the people each document concerns.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Font

from .case import Case, Member
from .context import in_period
from .counts import (
    beyond_detention_limit,
    constitution_counts,
    count,
    home_search_unrecorded,
    member_claims,
    phone_search_unsettled,
)
from .documents import REGISTRY, DocumentType
from .law import COPENHAGEN_PARAGRAPHS, MOSCOW_PARAGRAPHS, Provision, no_basis, parse_provision
from .penalties import kzt_amount
from .render_docx import reproducible_zip
from .spreadsheet import write_cell

FILE_NAME = "figures.xlsx"
HEADER = ("document", "key", "value", "definition", "complainants")

# The figures each document prints (see its template).
_TOTALS = ("complainants", "cities", "episodes")
PRINTED = {
    "collective-complaint": ("appeals", *_TOTALS, "excluded", "anonymous", "events", "episodes-without-event",
                             "measures", "articles"),
    "osce": (*_TOTALS, "episodes-without-event", "measures", "commitments"),
    "brief": (*_TOTALS, "event-complainants", "measures", "periods"),
    "domestic-complaint": ("complainants", "episodes", "constitution", "beyond-detention-limit"),
    "wgad": ("complainants",),
    "special-procedures": ("complainants", "provisions"),
    "hrc": ("joint-communications",),
    "wgad-urgent": ("complainants",),
    "special-procedures-urgent": ("complainants",),
}


@dataclass(frozen=True)
class Figure:
    document: str  # the document's name; for a document per author, "<name>/<complainant id>"
    key: str
    value: int
    definition: str
    complainants: tuple[str, ...]  # the ids it counts, or those whose episodes it counts


def _ids(members: Iterable[Member]) -> tuple[str, ...]:
    return tuple(sorted({member.person.complainant_id for member in members}))


def document_figures(case: Case, document: DocumentType, day: datetime.date) -> list[Figure]:
    """The figures `document` dated `day` prints, in the order of its families."""
    members, unauthorised = document.members(case.members, day)
    counts = count(case, members, len(unauthorised))
    families = PRINTED.get(document.name, ())
    rows: list[Figure] = []

    def add(key: str, value: int, definition: str, counted: Iterable[Member]) -> None:
        rows.append(Figure(document.name, key, value, definition, _ids(counted)))

    def having(test) -> list[Member]:
        return [member for member in members if any(test(episode) for episode in member.episodes)]

    excluded_ids = tuple(sorted({e.complainant_id for e in case.report.exclusions}
                                | {m.person.complainant_id for m in unauthorised}))
    for family in families:
        if family == "appeals":
            rows.append(Figure(document.name, "appeals", counts.appeals, "appeals received (included or not)",
                               tuple(sorted(set(_ids(members)) | set(excluded_ids)))))
        elif family == "complainants":
            add("complainants", counts.complainants, "complainants included in this document", members)
        elif family == "cities":
            add("cities", counts.cities, "cities and towns where the complainants live",
                [m for m in members if m.person.city])
        elif family == "episodes":
            add("episodes", counts.episodes, "acts of persecution of the complainants (counted by the ids listed)",
                having(lambda episode: True))
        elif family == "excluded":
            rows.append(Figure(document.name, "excluded", counts.excluded,
                               "appeals left out: no appeal form, no power of attorney, or one not covering this "
                               "document", excluded_ids))
            by_reason = {e.complainant_id: e.reasons for e in case.report.exclusions}
            for reason, n in counts.exclusion_reasons:
                # The reason as counts.count keys it: one person lacking both documents under both together.
                ids = ([m.person.complainant_id for m in unauthorised] if reason == "no-authorisation"
                       else [cid for cid, reasons in by_reason.items() if "+".join(sorted(reasons)) == reason])
                rows.append(Figure(document.name, f"excluded/{reason}", n, f"appeals left out: {reason}",
                                   tuple(sorted(ids))))
        elif family == "anonymous":
            add("anonymous", sum(1 for m in members if not m.person.consent_to_name),
                "complainants who did not consent to be named, referred to by number",
                [m for m in members if not m.person.consent_to_name])
        elif family in ("events", "event-complainants"):
            for item in counts.events:
                if not item.complainants:
                    continue
                event_id = item.event.event_id
                linked = having(lambda episode, event_id=event_id: episode.event_id == event_id)
                add(f"event/{event_id}/complainants", item.complainants, f"complainants persecuted in {event_id}",
                    linked)
                if family == "events":
                    add(f"event/{event_id}/episodes", item.episodes, f"acts of persecution in {event_id}", linked)
        elif family == "episodes-without-event" and counts.episodes_without_event:
            add("episodes-without-event", counts.episodes_without_event,
                "acts of persecution connected with no event", having(lambda episode: not episode.event_id))
        elif family == "measures":
            for measure_count in counts.measures:
                measure = measure_count.measure
                subjected = having(lambda episode, measure=measure: episode.measure == measure)
                add(f"measure/{measure}/complainants", measure_count.complainants,
                    f"complainants subjected to {measure}", subjected)
                add(f"measure/{measure}/episodes", measure_count.episodes, f"acts of persecution: {measure}",
                    subjected)
        elif family == "articles":
            claims = {m.person.complainant_id: member_claims(m) for m in members}
            for article_count in counts.articles:
                article = article_count.article
                add(f"article/{article}/complainants", article_count.complainants,
                    f"complainants whose own episodes, or their lawyer's articles cell, support a claim under "
                    f"article {article}",
                    [m for m in members if any(c.key == article for c in claims[m.person.complainant_id][0])])
            for undecided in counts.undecided:
                add(f"undecided/{undecided.field}/complainants", undecided.complainants,
                    "complainants with a measure that may engage article(s) "
                    f"{', '.join(map(str, undecided.articles))}, on which the lawyer has not decided",
                    [m for m in members if any(u.field == undecided.field for u in claims[m.person.complainant_id][1])])
        elif family == "commitments":
            claims = {m.person.complainant_id: member_claims(m) for m in members}
            engaged = {item.article: item.complainants for item in counts.articles}
            for document_name, paragraphs in (("Copenhagen", COPENHAGEN_PARAGRAPHS), ("Moscow", MOSCOW_PARAGRAPHS)):
                for article, paragraph, _ in paragraphs:
                    if engaged.get(article):
                        add(f"commitment/{document_name.lower()}-{paragraph}/complainants", engaged[article],
                            f"persons whose own episodes, or their lawyer's articles cell, support a claim under "
                            f"article {article} of the Covenant, which paragraph {paragraph} of the {document_name} "
                            f"Document concerns",
                            [m for m in members if any(c.key == article for c in claims[m.person.complainant_id][0])])
        elif family == "constitution":
            by_id = {m.person.complainant_id: m for m in members}
            for right, concerned in constitution_counts(members):
                add(f"constitution/article-{right}/complainants", len(concerned),
                    f"complainants whose own recorded facts concern article {right} of the Constitution",
                    [by_id[cid] for cid in concerned])
            # The articles the complaint asks about (open points), each for the complainants it concerns.
            unsettled, unrecorded = set(phone_search_unsettled(members)), set(home_search_unrecorded(members))
            for right, asked, definition in (
                    ("17(2)", [m for m in members if any(u.field == "article_7" for u in member_claims(m)[1])],
                     "complainants with force used or a statement forced recorded, for whom the lawyer has not "
                     "decided whether article 7 of the Covenant, and so article 17(2) of the Constitution, is invoked"),
                    ("18", [m for m in members if m.person.complainant_id in unsettled],
                     "complainants whose only fact that may concern article 18 of the Constitution is a phone taken "
                     "or checked, for whom the lawyer is asked whether it was searched"),
                    ("25", [m for m in members if m.person.complainant_id in unrecorded],
                     "complainants with a search not recorded as of their home or not (home_searched), for whom "
                     "article 25 of the Constitution (the home) is asked about")):
                if asked:
                    add(f"constitution/article-{right}/undecided/complainants", len(asked), definition, asked)
        elif family == "beyond-detention-limit" and (held := beyond_detention_limit(members)):
            by_id = {m.person.complainant_id: m for m in members}
            add("detention/beyond-three-hours/complainants", len(held),
                "complainants held in an administrative detention recorded as lasting longer than three hours",
                [by_id[cid] for cid in held])
        elif family == "provisions":
            rows.extend(_provision_figures(document, members))
        elif family == "joint-communications":
            rows.extend(_joint_figures(document, members, counts))
        elif family == "periods":
            rows.extend(_period_figures(case, document, members))
    return rows


def _provision_figures(document: DocumentType, members: list[Member]) -> list[Figure]:
    """How many people each legal basis was invoked against, and in how many acts when more, as context's
    `provisions` counts them: a recognised
    provision by its code and article, a record that none was invoked, anything else by its rank
    among the bases written as the workbook has them (the key never carries what a cell holds)."""
    by_basis: dict[tuple[str, str], list[str]] = {}  # ("key", key), or ("written", the text) until ranked
    for member in members:
        for episode in member.episodes:
            if not episode.legal_basis:
                continue
            provision = parse_provision(episode.legal_basis)
            if provision:
                part = f"({provision.part})" if provision.part else ""
                basis = ("key", f"provision/{provision.code} {provision.article}{part}")
            elif no_basis(episode.legal_basis):
                basis = ("key", "provision/none-invoked")
            else:
                basis = ("written", episode.legal_basis)
            by_basis.setdefault(basis, []).append(member.person.complainant_id)
    rows = []
    as_written = sorted(text for kind, text in by_basis if kind == "written")
    for (kind, text), ids in sorted(by_basis.items(), key=lambda item: (-len(set(item[1])), -len(item[1]), item[0])):
        key = text if kind == "key" else f"provision/as-written/{as_written.index(text) + 1}"
        people = tuple(sorted(set(ids)))
        rows.append(Figure(document.name, f"{key}/complainants", len(people),
                           "people against whom that legal basis was invoked", people))
        if len(ids) != len(people):
            rows.append(Figure(document.name, f"{key}/acts", len(ids), "acts of persecution under that legal basis",
                               people))
    return rows


def _joint_figures(document: DocumentType, members: list[Member], counts) -> list[Figure]:
    """Each communication's count of the other communications about the same event, submitted
    together (the Committee is asked to examine them jointly)."""
    rows = []
    for member in members:
        for item in counts.events:
            event_id = item.event.event_id
            if item.complainants < 2 or not any(e.event_id == event_id for e in member.episodes):
                continue
            others = [m for m in members if m is not member and any(e.event_id == event_id for e in m.episodes)]
            rows.append(Figure(f"{document.name}/{member.person.complainant_id}",
                               f"event/{event_id}/other-communications", len(others),
                               f"other communications about {event_id} submitted at the same time", _ids(others)))
    return rows


def _period_figures(case: Case, document: DocumentType, members: list[Member]) -> list[Figure]:
    rows = []
    for number, period in enumerate(case.settings.periods, start=1):
        found = in_period(members, period)
        key = f"period/{number}"
        people = tuple(sorted({m.person.complainant_id for m, _ in found}))
        if not found:
            continue
        rows.append(Figure(document.name, f"{key}/episodes", len(found), "new acts of persecution in the period",
                           people))
        rows.append(Figure(document.name, f"{key}/complainants", len(people), "people persecuted in the period",
                           people))
        rows.append(Figure(document.name, f"{key}/cities", len({e.city.key for _, e in found if e.city}),
                           "cities and towns of the period's acts of persecution",
                           tuple(sorted({m.person.complainant_id for m, e in found if e.city}))))
        measures = sorted({e.measure for _, e in found if e.measure})
        for measure in measures:
            of_measure = [(m, e) for m, e in found if e.measure == measure]
            rows.append(Figure(document.name, f"{key}/measure/{measure}", len(of_measure),
                               f"acts of persecution in the period: {measure}",
                               tuple(sorted({m.person.complainant_id for m, _ in of_measure}))))
            provisions: dict[Provision, list[str]] = {}
            for member, episode in of_measure:
                provision = parse_provision(episode.legal_basis)
                if provision:
                    provisions.setdefault(provision, []).append(member.person.complainant_id)
            for provision, ids in sorted(provisions.items()):
                part = f"({provision.part})" if provision.part else ""
                rows.append(Figure(document.name, f"{key}/measure/{measure}/{provision.code} {provision.article}{part}",
                                   len(ids), f"acts of persecution in the period: {measure} under that provision",
                                   tuple(sorted(set(ids)))))
        amounts = [(m, kzt_amount(e.penalty)) for m, e in found if e.measure == "fine"]
        fined = [(m, amount) for m, amount in amounts if amount]
        if fined:
            fined_ids = tuple(sorted({m.person.complainant_id for m, _ in fined}))
            rows.append(Figure(document.name, f"{key}/fines", len(fined), "fines with an amount recorded",
                               fined_ids))
            rows.append(Figure(document.name, f"{key}/fines-total-kzt", sum(amount for _, amount in fined if amount),
                               "total of those fines, in tenge", fined_ids))
    return rows


def all_figures(case: Case, documents: Iterable[str], day: datetime.date) -> list[Figure]:
    return [figure for name in documents for figure in document_figures(case, REGISTRY[name], day)]


def figures_workbook(figures: list[Figure], day: datetime.date) -> bytes:
    """figures.xlsx as bytes, one row per figure: the same figures and day give the same bytes."""
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = "Figures"
    for column, title in enumerate(HEADER, start=1):
        write_cell(sheet.cell(1, column), title)
        sheet.cell(1, column).font = Font(bold=True)
    for row, figure in enumerate(figures, start=2):
        for column, value in enumerate((figure.document, figure.key, figure.value, figure.definition,
                                        ", ".join(figure.complainants)), start=1):
            write_cell(sheet.cell(row, column), value)
    for letter, width in zip("ABCDE", (22, 40, 10, 60, 80), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    moment = datetime.datetime.combine(day, datetime.time())
    book.properties.creator = "complaints"
    book.properties.created = moment
    buffer = io.BytesIO()
    book.save(buffer)
    # openpyxl stamps the time of saving as the modification date: the build's date instead.
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    parts["docProps/core.xml"] = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                        rb"\g<1>" + stamp + rb"\g<2>", parts["docProps/core.xml"])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return reproducible_zip(out.getvalue(), moment)
