"""The document types. Adding one means one entry here plus its HTML template.

Each entry says who may appear in the document (the power-of-attorney scope it
needs, and which complainants it concerns), whether it is public or
confidential, and which languages the receiving body accepts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from .bodies import bodies
from .case import Member
from .i18n import N_, languages
from .law import DEPRIVATION_OF_LIBERTY

FORMATS = ("docx", "pdf")


def _everyone(member: Member) -> bool:
    return True


def _deprived_of_liberty(member: Member) -> bool:
    return any(episode.measure in DEPRIVATION_OF_LIBERTY for episode in member.episodes)


def _still_held(member: Member) -> bool:
    """Deprived of liberty at the document's date: a deprivation of liberty without an end date."""
    return any(episode.measure in DEPRIVATION_OF_LIBERTY and episode.end_date is None for episode in member.episodes)


@dataclass(frozen=True)
class DocumentType:
    name: str  # the output file name (or folder name, for one document per author)
    title: str  # msgid, context "document title"
    recipient: str  # msgid, context "recipient": who the document is sent to
    html_template: str
    scope: str  # what the power of attorney must allow: publish | represent | appeal
    public: bool  # public: named only with consent; confidential: marked, names, never contacts
    # The bodies it is sent to (keys of complaints/data/bodies.toml), whose working languages are
    # the languages it is sent in.
    bodies: tuple[str, ...] = ()
    # Whether it puts the people it names before a procedure of international investigation or
    # settlement: a communication to the Human Rights Committee says so (OP art. 5(2)(a)).
    international_procedure: bool = False
    on_request: bool = False  # built only when case.toml's `documents` names it
    per_member: bool = False  # one document per complainant, in <name>/<complainant_id>.<format>
    summary_over_pages: int | None = None  # a longer document opens with a summary page
    concerns: Callable[[Member], bool] = _everyone
    docx_template: str = "document.docx"

    @property
    def accepted_languages(self) -> tuple[str, ...]:
        """Our languages that some receiving body works in; every one of ours for a document sent
        to no body."""
        if not self.bodies:
            return languages()
        return tuple(code for code in languages() if any(code in bodies()[key].languages for key in self.bodies))

    def members(self, members) -> tuple[list[Member], list[Member]]:
        """(who appears, who is left out for want of authorisation) among those it concerns."""
        concerned = [m for m in members if self.concerns(m)]
        return ([m for m in concerned if self.scope in m.person.poa_scope],
                [m for m in concerned if self.scope not in m.person.poa_scope])


_WGAD = DocumentType(
    name="wgad",
    title=N_("document title", "Submission to the Working Group on Arbitrary Detention"),
    recipient=N_("recipient", "the UN Working Group on Arbitrary Detention"),
    html_template="wgad.html",
    scope="represent", public=False, bodies=("wgad",), international_procedure=True,
    concerns=_deprived_of_liberty,
)


REGISTRY: dict[str, DocumentType] = {
    document.name: document
    for document in (
        DocumentType(
            name="collective-complaint",
            title=N_("document title", "Collective complaint"),
            recipient=N_("recipient", "UN Special Rapporteurs and the OSCE/ODIHR"),
            html_template="collective-complaint.html",
            scope="publish", public=True, bodies=("special-procedures", "odihr"), international_procedure=True,
        ),
        _WGAD,
        # The questionnaire goes with the cover letter: same body, same people, one file each.
        replace(_WGAD, name="wgad-questionnaire",
                title=N_("document title", "Questionnaire for the Working Group on Arbitrary Detention"),
                html_template="wgad-questionnaire.html", per_member=True),
        replace(_WGAD, name="wgad-urgent",
                title=N_("document title", "Request for urgent action to the Working Group on Arbitrary Detention"),
                html_template="wgad-urgent.html", concerns=_still_held, on_request=True),
        DocumentType(
            name="special-procedures-urgent",
            title=N_("document title", "Urgent appeal to the UN Special Procedures"),
            recipient=N_("recipient", "the UN Special Procedures"),
            html_template="special-procedures-urgent.html",
            scope="represent", public=False, bodies=("special-procedures",), international_procedure=True,
            concerns=_still_held, on_request=True,
        ),
        DocumentType(
            name="special-procedures",
            title=N_("document title", "Joint allegation letter to the UN Special Procedures"),
            recipient=N_("recipient", "the UN Special Procedures"),
            html_template="special-procedures.html",
            scope="represent", public=False, bodies=("special-procedures",), international_procedure=True,
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
            recipient=N_("recipient", "the OSCE Human Dimension Conference"),
            html_template="osce.html",
            scope="represent", public=True, bodies=("odihr",),
        ),
        DocumentType(
            name="domestic-complaint",
            title=N_("document title", "Complaint to the Prosecutor General of the Republic of Kazakhstan"),
            recipient=N_("recipient", "the Prosecutor General's Office of the Republic of Kazakhstan"),
            html_template="domestic-complaint.html",
            scope="appeal", public=False, bodies=("prosecutor-general",),
        ),
        DocumentType(
            name="brief",
            title=N_("document title", "Persecution in numbers"),
            recipient=N_("recipient", "the public and the press"),
            html_template="brief.html",
            scope="publish", public=True,
        ),
    )
}

# What a build makes when neither the command nor case.toml names the documents.
DEFAULT_DOCUMENTS = tuple(name for name, document in REGISTRY.items() if not document.on_request)
