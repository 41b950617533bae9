"""The document types. Adding one means one entry here plus its HTML template."""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_


@dataclass(frozen=True)
class DocumentType:
    name: str  # also the output file name
    title: str  # msgid, context "document title"
    html_template: str
    docx_template: str = "document.docx"
    public: bool = True  # public documents name only those who consented


REGISTRY: dict[str, DocumentType] = {
    document.name: document
    for document in (
        DocumentType(
            name="collective-complaint",
            title=N_("document title", "Collective complaint"),
            html_template="collective-complaint.html",
        ),
    )
}

FORMATS = ("docx", "pdf")
