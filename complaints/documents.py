"""The document types. Adding one means one entry here, its context hook if it prints figures no
other document does, and its HTML template.

Each entry says who may appear in the document (the power-of-attorney scope it
needs, and which complainants it concerns), whether it is public or
confidential, and which languages the receiving body accepts.
"""

from __future__ import annotations

import base64
import datetime
from collections.abc import Callable
from dataclasses import dataclass, replace

from babel.lists import format_list

from . import charts
from .bodies import bodies
from .case import Member
from .claims import CHARGES, led_to
from .context import DocumentData, decided_against, ground_label, in_period, measure_label
from .counts import (
    assembly_laws,
    beyond_detention_limit,
    constitution_counts,
    home_search_unrecorded,
    phone_search_unsettled,
)
from .i18n import N_, Language, languages
from .law import (
    APPREHENSIONS,
    ASSEMBLY_LAWS,
    CONSTITUTION_OF_1995_UNTIL,
    CONSTITUTION_RIGHTS,
    COPENHAGEN_PARAGRAPHS,
    DEPRIVATION_OF_LIBERTY,
    MOSCOW_PARAGRAPHS,
)
from .penalties import Amount, kzt_amount
from .stock import Stock, change, held_on, monthly_stock, stock_on

FORMATS = ("docx", "pdf")


def _everyone(member: Member, day: datetime.date) -> bool:
    return True


def _deprived_of_liberty(member: Member, day: datetime.date) -> bool:
    return any(episode.measure in DEPRIVATION_OF_LIBERTY for episode in member.episodes)


def _still_held(member: Member, day: datetime.date) -> bool:
    """Deprived of liberty on the document's date `day`, as the stock counts it (stock.held_on): not
    someone whose recorded term ran out with no end recorded, whose end is not known."""
    return any(episode.measure in DEPRIVATION_OF_LIBERTY and held_on(episode, day) for episode in member.episodes)
def _nothing_of_its_own(data: DocumentData) -> dict:
    return {}


@dataclass(frozen=True)
class DocumentType:
    name: str  # the output file name (or folder name, for one document per author)
    title: str  # msgid, context "document title"
    recipient: str  # msgid, context "recipient": who the document is sent to
    html_template: str
    scope: str  # what the power of attorney must allow: publish | represent | appeal
    public: bool  # public: named only with consent; confidential: marked, names, never contacts
    # msgid, context "running title": a short form for the page header where the title would wrap
    # there (in some language); empty: the header is the document's first heading.
    running_title: str = ""
    # The bodies it is sent to (keys of complaints/data/bodies.toml), whose working languages are
    # the languages it is sent in.
    bodies: tuple[str, ...] = ()
    # Whether it puts the people it names before a procedure of international investigation or
    # settlement: a communication to the Human Rights Committee says so (OP art. 5(2)(a)).
    international_procedure: bool = False
    on_request: bool = False  # built only when case.toml's `documents` names it
    per_member: bool = False  # one document per complainant, in <name>/<complainant_id>.<format>
    summary_over_pages: int | None = None  # a longer document opens with a summary page
    # Where its template may set the parts that cannot be split over two pages (the brief's rows of
    # charts), as the values of the template's `layout`, the one that reads best first: the PDF and the
    # DOCX take the first with which no page but the last is left more than render_pdf.MOST_BLANK_FOOT
    # empty at its foot (render.DocumentHtml.laid_out).
    layouts: tuple[str, ...] = ()
    concerns: Callable[[Member, datetime.date], bool] = _everyone  # (complainant, the document's date)
    # What its template prints besides what every document may (context.document_context).
    context: Callable[[DocumentData], dict] = _nothing_of_its_own
    docx_template: str = "document.docx"
    annexes: bool = True  # lists the case's attachments and is sent with them (packages.py)
    # About a few people picked out of the case (the urgent appeals; a per-author document always is): of the whole
    # case's attachments it carries only those marked every_package, as a decision about a rally's participants is
    # not evidence of their case and names people the document is not about (packages.select_annexes).
    marked_case_annexes_only: bool = False
    # The template (templates/html/listings/) of the parts it sets out person by person, which a case
    # of more people than case.toml's annex_volume_size moves into annex volumes (volumes.py); and
    # the list of people whose order those parts follow ("people": by number; "people_listed").
    listing: str | None = None
    listing_order: str = "people_listed"
    # Names the receiving meeting bore before: (the first day of the next name, title msgid,
    # recipient msgid), oldest first. A document dated before that day bears the old name.
    earlier_names: tuple[tuple[datetime.date, str, str], ...] = ()

    def title_on(self, day: datetime.date) -> str:
        """The title's msgid (context "document title") for a document dated `day`."""
        return next((title for until, title, _ in self.earlier_names if day < until), self.title)

    def recipient_on(self, day: datetime.date) -> str:
        """The recipient's msgid (context "recipient") for a document dated `day`."""
        return next((recipient for until, _, recipient in self.earlier_names if day < until), self.recipient)

    @property
    def accepted_languages(self) -> tuple[str, ...]:
        """Our languages that some receiving body works in; every one of ours for a document sent
        to no body."""
        if not self.bodies:
            return languages()
        return tuple(code for code in languages() if any(code in bodies()[key].languages for key in self.bodies))

    def members(self, members, day: datetime.date) -> tuple[list[Member], list[Member]]:
        """(who appears, who is left out for want of authorisation) among those it concerns in a
        document dated `day`."""
        concerned = [m for m in members if self.concerns(m, day)]
        return ([m for m in concerned if self.scope in m.person.poa_scope],
                [m for m in concerned if self.scope not in m.person.poa_scope])


def _deprivations(data: DocumentData) -> dict:
    """The WGAD's: each person's deprivations of liberty, by complainant id; the ids of those whose first
    deprivation is an apprehension (a detention), whose date and place are the arrest's; and, where the first
    of them records no legal basis, the provision of the penalty or charge that followed it (in its event, or
    on its day or the next), to print as what it is: the basis of that later act, not of the arrest.

    A first deprivation ordered by a decision (an administrative arrest, a custody) is dated by the decision:
    the day and place the person was apprehended are not recorded, and the questionnaire asks for them."""
    deprivations = {person.complainant_id: tuple(episode for episode in person.episodes
                                                 if episode.measure_key in DEPRIVATION_OF_LIBERTY)
                    for person in data.people}
    apprehended = {complainant_id for complainant_id, held in deprivations.items()
                   if held and held[0].measure_key in APPREHENSIONS}
    followed = {}
    for person in data.people:
        first = deprivations[person.complainant_id][:1]
        if not first or first[0].legal_basis:
            continue
        arrest = first[0]
        later = next((episode for episode in person.episodes
                      if episode is not arrest and episode.provision and episode.measure_key in CHARGES
                      and led_to(arrest, episode)), None)
        if later and later.provision:
            followed[person.complainant_id] = {"measure": later.measure, "date": later.date,
                                               "provision": later.provision.describe(data.lang, under=True)}
    return {"deprivations": deprivations, "apprehended": apprehended, "followed_by": followed}


_WGAD = DocumentType(
    name="wgad",
    title=N_("document title", "Submission to the Working Group on Arbitrary Detention"),
    recipient=N_("recipient", "the UN Working Group on Arbitrary Detention"),
    html_template="wgad.html",
    scope="represent", public=False, bodies=("wgad",), international_procedure=True,
    concerns=_deprived_of_liberty, context=_deprivations,
    listing="listings/wgad.html", listing_order="people",
)


def _osce(data: DocumentData) -> dict:
    """The OSCE contribution's: the working session and first day of the meeting it is written for, and
    the Copenhagen commitments the recorded facts engage, each with the number of people whose own
    facts engage the article of the Covenant protecting the same freedom."""
    settings, lang = data.case.settings, data.lang
    engaged = {item.article: item.complainants for item in data.counts.articles}
    return {
        "osce_session": settings.osce_session.get(lang.code, ""),
        "osce_opens": lang.date(settings.osce_opens) if settings.osce_opens else "",
        "osce_after_opening": bool(settings.osce_opens and data.day > settings.osce_opens),
        "commitments": [{"paragraph": paragraph, "commitment": lang.pgettext("osce commitment", commitment),
                         "complainants": engaged[article]}
                        for article, paragraph, commitment in COPENHAGEN_PARAGRAPHS if engaged.get(article)],
        "moscow_commitments": [{"paragraph": paragraph, "commitment": lang.pgettext("osce commitment", commitment),
                                "complainants": engaged[article]}
                               for article, paragraph, commitment in MOSCOW_PARAGRAPHS if engaged.get(article)],
    }


def _legal_assessment(data: DocumentData) -> dict:
    """The domestic complaint's: the rights of the Constitution the complainants' own recorded facts concern,
    each with their number; the laws on peaceful assemblies in force on the days of the assemblies
    concerned; the articles of the Covenant claimed for some complainant."""
    lang = data.lang
    in_force, unsettled = assembly_laws(data.members)
    laws = [lang.pgettext("assembly law", ASSEMBLY_LAWS[key]) for key in in_force]
    return {
        # The 1995 Constitution's articles are cited for acts under it, and its article 4(3) while it is in force.
        "constitution_of_1995": all(episode.date < CONSTITUTION_OF_1995_UNTIL for member in data.members
                                    for episode in member.episodes if episode.date),
        "covenant_priority_article": data.day < CONSTITUTION_OF_1995_UNTIL,
        "assembly_law_unsettled": unsettled,
        "constitution": [{"right": lang.pgettext("constitution", CONSTITUTION_RIGHTS[key]), "complainants": len(ids)}
                         for key, ids in constitution_counts(data.members)],
        "assembly_laws": format_list(laws, locale=lang.code) if laws else "",
        "beyond_detention_limit": len(beyond_detention_limit(data.members)),
        "home_search_unrecorded": len(home_search_unrecorded(data.members)),
        "phone_search_unsettled": len(phone_search_unsettled(data.members)),
        "covenant_articles": [item.article for item in data.counts.articles],
        # A protest is asked for only where a decision was taken against someone (the list names the acts).
        "protests": any(decided_against(member.episodes) for member in data.members),
    }


def _stock(stock: Stock, lang: Language) -> dict:
    return {
        "date": lang.date(stock.day),
        "date_as_of": lang.date(stock.day, attributive=True),  # "as of <date>": Kazakh "… 1 қарашадағы"
        "deprived": stock.deprived,
        "measures": [{"label": measure_label(lang, measure), "count": n} for measure, n in stock.deprived_by_measure],
        "charged": stock.charged,
        "provisions": [{"provision": p.describe(lang, under=True, short=True), "count": n}
                       for p, n in stock.charges_by_provision],
        "unplaced": stock.unplaced,
        "unprovisioned": stock.unprovisioned,
        "lapsed": [{"measure": measure, "count": n} for measure, n in stock.lapsed_by_measure],
    }


def _periods(data: DocumentData) -> dict:
    """The brief's: who is held or charged on its date, and for each reporting period what began within
    it and the change in that stock. A period without an end runs to the document's date."""
    lang, members, day = data.lang, data.members, data.day
    result = []
    for period in data.case.settings.periods:
        since = change(members, period.start, period.end, day)
        # Only fines in tenge add up to a sum in tenge; one set in MCI is left out of the sum.
        fines = [amount for _, episode in in_period(members, period)
                 if episode.measure == "fine" and (amount := kzt_amount(episode.penalty))]
        result.append({
            "label": period.label.get(lang.code, ""),
            "start": lang.date(period.start),
            # The period's first and last days, a year they share printed once ("from 1 September to
            # 31 October 2018"), as the change in the stock over it says them.
            "range": lang.date_range(period.start, since.after.day),
            "episodes": since.flow.episodes,
            # Whether acts were recorded before the period began: only then are its acts "new".
            "earlier": any(e.date < period.start for m in members for e in m.episodes if e.date),
            "complainants": since.flow.people,
            "cities": since.flow.cities,
            "measures": [
                {"label": measure_label(lang, measure), "count": n,
                 "provisions": [{"provision": p.describe(lang, under=True, short=True), "count": k}
                                for p, k in since.flow.provisions_by_measure.get(measure, ())]}
                for measure, n in since.flow.by_measure
            ],
            "fines": len(fines),
            "fines_total": Amount(sum(fines), "KZT").describe(lang),
            "before": _stock(since.before, lang),
            "after": _stock(since.after, lang),
            "grounds": [{"label": ground_label(lang, ground), "count": n} for ground, n in since.flow.by_ground],
            "preventive": since.flow.preventive,
            "deprived_change": since.deprived,
            "charged_change": since.charged,
        })
    # The stock is said only of a workbook that records when measures end.
    records_ends = any(e.end_date for m in members for e in m.episodes)
    return {
        "periods": result,
        "stock": _stock(stock_on(members, day), lang),
        "records_ends": records_ends,
    } | _charts(data, stock=records_ends, width=charts.HALF_WIDTH_INCHES)


def _figure(chart: charts.Chart) -> dict:
    """A chart as the templates place it: the SVG for the PDF (an image the HTML carries, which
    render_pdf's fetcher serves), the chart as data for the DOCX, its alt text and caption."""
    return {"spec": chart.spec(), "src": charts.URL_PREFIX + base64.b64encode(charts.svg(chart).encode()).decode(),
            "alt": chart.alt, "caption": chart.caption}


def _charts(data: DocumentData, stock: bool = False, width: float = charts.WIDTH_INCHES) -> dict:
    """The charts of the brief and the collective complaint: acts of persecution by event, by measure
    and by month, and (stock) the people held or charged over time, each drawn `width` inches wide.
    None when case.toml says `charts = false`, or for a chart that would show fewer than two bars or days."""
    lang, counts = data.lang, data.counts
    found: dict[str, charts.Chart | None] = dict.fromkeys(("events", "measures", "months", "stock"))
    if data.case.settings.charts:
        found |= {
            # Every act is drawn: those connected with no event as a bar of their own, as the text counts them.
            "events": charts.by_label(lang, "events", [(item.event.labels.get(lang.code, ""), item.episodes)
                                                       for item in counts.events if item.complainants]
                                      + ([(lang.gettext("Other acts of persecution"), counts.episodes_without_event)]
                                         if counts.episodes_without_event else [])),
            # Ordered by what is drawn, the acts (the list orders measures by complainants).
            "measures": charts.by_label(lang, "measures", [(measure_label(lang, item.measure), item.episodes)
                                                           for item in sorted(counts.measures,
                                                                              key=lambda item: -item.episodes)]),
            "months": charts.by_month(lang, [e.date for m in data.members for e in m.episodes if e.date]),
            "stock": charts.over_time(lang, monthly_stock(data.members, data.day)) if stock else None,
        }
    return {"charts": {name: chart and _figure(replace(chart, width=width)) for name, chart in found.items()}}


REGISTRY: dict[str, DocumentType] = {
    document.name: document
    for document in (
        DocumentType(
            name="collective-complaint",
            title=N_("document title", "Collective complaint"),
            recipient=N_("recipient", "UN Special Rapporteurs and the OSCE/ODIHR"),
            html_template="collective-complaint.html",
            scope="publish", public=True, bodies=("special-procedures", "odihr"), international_procedure=True,
            listing="listings/collective-complaint.html", listing_order="people", context=_charts,
        ),
        _WGAD,
        # The questionnaire goes with the cover letter: same body, same people, one file each.
        replace(_WGAD, name="wgad-questionnaire",
                title=N_("document title", "Questionnaire for the Working Group on Arbitrary Detention"),
                html_template="wgad-questionnaire.html", per_member=True, listing=None),
        DocumentType(
            name="special-procedures",
            title=N_("document title", "Joint allegation letter to the UN Special Procedures"),
            running_title=N_("running title", "Allegation letter to the UN Special Procedures"),
            recipient=N_("recipient", "the UN Special Procedures"),
            html_template="special-procedures.html",
            scope="represent", public=False, bodies=("special-procedures",), international_procedure=True,
            listing="listings/special-procedures.html",
        ),
        DocumentType(
            name="hrc",
            title=N_("document title", "Communication to the Human Rights Committee"),
            recipient=N_("recipient", "the UN Human Rights Committee"),
            html_template="hrc.html",
            scope="represent", public=False, bodies=("hrc",), international_procedure=True,
            per_member=True, summary_over_pages=20,
        ),
        DocumentType(
            name="osce",
            title=N_("document title", "Written contribution to the OSCE Human Dimension Conference"),
            running_title=N_("running title", "Written contribution to the OSCE"),
            recipient=N_("recipient", "the OSCE Human Dimension Conference"),
            html_template="osce.html",
            scope="represent", public=True, bodies=("odihr",),
            context=_osce,
            # The annual meeting in Warsaw was the Human Dimension Implementation Meeting until 2019
            # (none was held in 2020 and 2021); the Human Dimension Conference replaced it in 2022.
            earlier_names=((datetime.date(2022, 1, 1),
                            N_("document title",
                               "Written contribution to the OSCE Human Dimension Implementation Meeting"),
                            N_("recipient", "the OSCE Human Dimension Implementation Meeting")),),
        ),
        DocumentType(
            name="domestic-complaint",
            title=N_("document title", "Complaint to the Prosecutor General of the Republic of Kazakhstan"),
            recipient=N_("recipient", "the Prosecutor General's Office of the Republic of Kazakhstan"),
            html_template="domestic-complaint.html",
            scope="appeal", public=False, bodies=("prosecutor-general",), context=_legal_assessment,
            listing="listings/domestic-complaint.html",
        ),
        DocumentType(
            name="brief",
            title=N_("document title", "Persecution in numbers"),
            recipient=N_("recipient", "the public and the press"),
            html_template="brief.html",
            scope="publish", public=True, annexes=False,
            context=_periods,
            # The charts after the figures they draw; else where the text before them fills its page.
            layouts=("charts-after-measures", "charts-before-measures", "charts-after-places", "charts-last",
                     "charts-before-grounds", "charts-before-periods"),
        ),
        replace(_WGAD, name="wgad-urgent",
                title=N_("document title", "Request for urgent action to the Working Group on Arbitrary Detention"),
                running_title=N_("running title", "Request for urgent action"),
                html_template="wgad-urgent.html", concerns=_still_held, on_request=True, listing=None,
                marked_case_annexes_only=True),
        DocumentType(
            name="special-procedures-urgent",
            title=N_("document title", "Urgent appeal to the UN Special Procedures"),
            running_title=N_("running title", "Urgent appeal to the UN Special Procedures"),
            recipient=N_("recipient", "the UN Special Procedures"),
            html_template="special-procedures-urgent.html",
            scope="represent", public=False, bodies=("special-procedures",), international_procedure=True,
            concerns=_still_held, on_request=True, marked_case_annexes_only=True,
        ),
    )
}

# What a build makes when neither the command nor case.toml names the documents.
DEFAULT_DOCUMENTS = tuple(name for name, document in REGISTRY.items() if not document.on_request)
