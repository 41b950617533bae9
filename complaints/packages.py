"""Submission packages: a document's PDF followed by its annexes, each annex page stamped, one bookmark each.

Which attachments a document carries follows the privacy model of context.py:
- identity documents, powers of attorney, appeal forms and medical reports (PRIVATE_KINDS) go only
  into confidential documents, and only those of the people the document names (its members, or
  the author of a per-author document);
- a public document carries only what concerns the whole case (no complainant id) and is of
  another kind: a decision or a complaint about a person bears their name, date of birth and
  address, which a public document never shows.
Annexes are numbered in the order of the Attachments sheet: the case's first, then each person's.

The pages: PDF annexes are copied as they are; images become pages losslessly (img2pdf); the
stamp ("Annex 3 — page 2 of 5", in the document's language) is laid out by WeasyPrint from the
template folder's font and merged onto each page's bottom margin with pypdf.
"""

from __future__ import annotations

import functools
import hashlib
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import img2pdf
from markupsafe import escape
from PIL import Image
from pypdf import PageObject, PdfReader, PdfWriter

from .attachments import AttachmentFile
from .documents import DocumentType
from .i18n import Language
from .render_pdf import render_pdf
from .schema import ATTACHMENT_KINDS, Attachment

PRIVATE_KINDS = frozenset({"identity", "power_of_attorney", "appeal_form", "medical"})
PACKAGE_SUFFIX = "-package.pdf"


@dataclass(frozen=True)
class Annex:
    number: int  # 1, 2, ... in the document
    attachment: Attachment
    file: AttachmentFile


def by_owner(attachments: Iterable[Attachment]) -> dict[str | None, tuple[Attachment, ...]]:
    """The attachments by complainant id (None: the whole case's), each in sheet order."""
    owned: dict[str | None, list[Attachment]] = {}
    for attachment in sorted(attachments, key=lambda item: item.row):
        owned.setdefault(attachment.complainant_id, []).append(attachment)
    return {owner: tuple(items) for owner, items in owned.items()}


def select_annexes(document: DocumentType, owned: Mapping[str | None, Sequence[Attachment]],
                   files: Mapping[int, AttachmentFile], named: Iterable[str]) -> tuple[Annex, ...]:
    """The annexes `document` carries, numbered: the case's first, then those of the people it names
    (`named`: its members, or the author of a per-author document; none: the case's only), in sheet order."""
    if not document.annexes:
        return ()
    if document.public:
        chosen = [item for item in owned.get(None, ()) if item.kind not in PRIVATE_KINDS]
    else:
        people = sorted((item for person in set(named) for item in owned.get(person, ())), key=lambda a: a.row)
        chosen = [*owned.get(None, ()), *people]
    return tuple(Annex(number, item, files[item.row])
                 for number, item in enumerate((item for item in chosen if item.row in files), start=1))


def kind_label(kind: str, lang: Language) -> str:
    """The kind's first spelling in `lang`, as a title: "Power of attorney"."""
    label = lang.pgettext(ATTACHMENT_KINDS.context, ATTACHMENT_KINDS.values[kind]).split("|")[0]
    return label[:1].upper() + label[1:]


def describe(annex: Annex, lang: Language) -> str:
    """The annex as the document lists it: "Annex 3. Decision of the Almaty City Court of 16 May 2018, No. 2-41".

    Without a title in `lang` it is called by its kind, never by its title in another language.
    """
    attachment = annex.attachment
    text = attachment.titles.get(lang.code) or kind_label(attachment.kind, lang)
    if attachment.date:
        text = lang.pgettext("annex", "{title} of {date}").format(title=text, date=lang.date(attachment.date))
    if attachment.number:
        text = lang.pgettext("annex", "{title}, No. {number}").format(title=text, number=attachment.number)
    return lang.pgettext("annex", "Annex {number}. {description}").format(number=annex.number, description=text)


def stamp_text(lang: Language, annex: int, page: int, pages: int) -> str:
    return lang.pgettext("annex", "Annex {annex} — page {page} of {pages}").format(
        annex=lang.number(annex), page=lang.number(page), pages=lang.number(pages))


def package_key(salt: bytes, pdf_key: str, lines: Sequence[str], annexes: Sequence[Annex]) -> str:
    """What a package is made from: the document's PDF (by its key), and each annex's line and file."""
    digest = hashlib.sha256(salt + b"\0package\0" + pdf_key.encode("ascii"))
    for line, annex in zip(lines, annexes, strict=True):
        digest.update(line.encode("utf-8") + b"\0" + annex.file.sha256.encode("ascii") + b"\0")
    return digest.hexdigest()


def annex_pages(file: AttachmentFile) -> PdfReader:
    """The annex as PDF pages: a PDF as it is, an image as a page of its own size (img2pdf, no re-encoding)."""
    data = file.path.read_bytes()
    if file.media != "pdf":
        try:
            data = img2pdf.convert(data, nodate=True, engine=img2pdf.Engine.internal)
        except img2pdf.AlphaChannelError:
            # PDF images have no alpha channel: the picture is laid on white, still without loss.
            with Image.open(io.BytesIO(data)) as image:
                flat = Image.new("RGB", image.size, "white")
                flat.paste(image.convert("RGBA"), mask=image.convert("RGBA").getchannel("A"))
            buffer = io.BytesIO()
            flat.save(buffer, "PNG")
            data = img2pdf.convert(buffer.getvalue(), nodate=True, engine=img2pdf.Engine.internal)
    return PdfReader(io.BytesIO(data))


_STAMP_HTML = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><style>
@font-face {{ font-family: "Stamp"; src: url("fonts/LiberationSerif-Regular.ttf"); }}
@page {{ size: {width}pt {height}pt; margin: 0; }}
html, body {{ margin: 0; }}
p {{ position: absolute; right: 14pt; bottom: 8pt; margin: 0; padding: 1pt 4pt; font: 9pt "Stamp";
     background: white; border: 0.5pt solid black; }}
</style></head><body><p>{text}</p></body></html>"""


@functools.lru_cache(maxsize=256)
def _stamp(lang: str, text: str, width: float, height: float) -> PageObject:
    """A transparent page of the given size bearing `text` in its bottom right margin."""
    html = _STAMP_HTML.format(lang=lang, text=escape(text), width=round(width, 2), height=round(height, 2))
    pdf, _ = render_pdf(html, f"{lang}/annex stamp")
    return PdfReader(io.BytesIO(pdf)).pages[0]


def assemble(document_pdf: bytes, title: str, annexes: Sequence[Annex], lines: Sequence[str],
             lang: Language, mark: str = "") -> bytes:
    """The package: the document, then each annex with its pages stamped and a bookmark on its first page.

    mark: a confidential document's mark, which its annex pages' stamps carry too, so that every page is marked.
    """
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(document_pdf)), import_outline=False)
    writer.add_outline_item(title=title, page_number=0)
    for annex, line in zip(annexes, lines, strict=True):
        reader = annex_pages(annex.file)
        first = len(writer.pages)
        total = len(reader.pages)
        for number, page in enumerate(reader.pages, start=1):
            added = writer.add_page(page)
            if added.rotation:  # the stamp goes at the bottom of the page as it is seen
                added.transfer_rotation_to_content()
            box = added.mediabox
            text = stamp_text(lang, annex.number, number, total)
            stamp = _stamp(lang.code, f"{mark} · {text}" if mark else text, float(box.width), float(box.height))
            added.merge_translated_page(stamp, float(box.left), float(box.bottom), over=True)
        writer.add_outline_item(title=line, page_number=first)
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
