"""Submission packages: a document's PDF followed by its annexes, each annex page stamped, one bookmark each.

Which attachments a document carries follows the privacy model of context.py:
- identity documents, powers of attorney, appeal forms and medical reports (PRIVATE_KINDS) go only
  into confidential documents, and only those of the people the document names (its members, or
  the author of a per-author document);
- a public document carries only what concerns the whole case (no complainant id), is of another
  kind, and is marked `public: yes`: a decision or a complaint about a person bears their name, date
  of birth and address, and a decision about a whole rally names its participants, which a public
  document shows only with their consent. A row not marked either way is left out, and the document
  asks about it (awaiting_publication);
- a document about one person (hrc, wgad-questionnaire) or a few (the urgent appeals) carries their own
  attachments, and of the whole case's only those the row marks `every_package`: a decision about other
  people or a photograph of an event is not evidence of every author's case.
Annexes are numbered in the order of the Attachments sheet: the case's first, then each person's.

The pages: PDF annexes are copied as they are; images become pages losslessly (img2pdf); the
stamp ("Annex 3 — page 2 of 5", in the document's language) is laid out by WeasyPrint from the
template folder's font, all of a package's new stamps in one run, and drawn as a form XObject in a
band at the foot of each page, above which the page's own content is shrunk (a stamp never covers it).
"""

from __future__ import annotations

import functools
import hashlib
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import img2pdf
from markupsafe import escape
from PIL import Image
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, IndirectObject, NameObject

from .attachments import AttachmentFile
from .documents import DocumentType
from .errors import BuildError
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
    """The annexes `document` carries, numbered: the case's first (in a per-author document, those marked
    for every package), then those of the people it names (`named`: its members, or the author of a
    per-author document; none: the case's only), in sheet order."""
    if not document.annexes:
        return ()
    case_wide = owned.get(None, ())
    if document.per_member or document.marked_case_annexes_only:
        case_wide = tuple(item for item in case_wide if item.every_package)
    if document.public:
        chosen = [item for item in case_wide if item.kind not in PRIVATE_KINDS and item.public]
    else:
        people = sorted((item for person in set(named) for item in owned.get(person, ())), key=lambda a: a.row)
        chosen = [*case_wide, *people]
    return tuple(Annex(number, item, files[item.row])
                 for number, item in enumerate((item for item in chosen if item.row in files), start=1))


def awaiting_publication(document: DocumentType, owned: Mapping[str | None, Sequence[Attachment]],
                         files: Mapping[int, AttachmentFile]) -> tuple[Attachment, ...]:
    """The whole case's attachments a public document would carry if their row said they may be
    published, and does not say either way: the document asks about each (an open point)."""
    if not (document.annexes and document.public):
        return ()
    return tuple(item for item in owned.get(None, ())
                 if item.kind not in PRIVATE_KINDS and item.public is None and item.row in files)


def kind_label(kind: str, lang: Language) -> str:
    """The kind's first spelling in `lang`, as within a sentence: "power of attorney"."""
    return lang.pgettext(ATTACHMENT_KINDS.context, ATTACHMENT_KINDS.values[kind]).split("|")[0]


def describe(annex: Annex, lang: Language, person: str = "") -> str:
    """The annex as the document lists it, the parts in the language's order: "Annex 3. Decision of the
    Almaty City Court of 16 May 2018, No. 2-41, concerning …", «Приложение 3. Постановление … суда от
    16 мая 2018 г. № 2-41 в отношении …», «3-қосымша. … сотының 2018 жылғы 16 мамырдағы № 2-41 …
    қатысты қаулысы» (the issuer first, i18n.Language.split_possessor).

    Without a title in `lang` it is called by its kind, never by its title in another language; its
    number is printed as written (Latin letters too). person: whom a person's own annex concerns, in a
    document about many people (their name, or pseudonym, as the document prints it).
    """
    title = annex_title(annex.attachment, lang)
    if person and title.endswith(")"):  # one bracket, not two in a row: «(после задержания …; Фамилия Имя)»
        title = f"{title[:-1]}; {person})"
    elif person:
        title = lang.pgettext("annex", "{description} ({person})").format(description=title, person=person)
    return lang.pgettext("annex", "Annex {number}. {description}").format(number=annex.number, description=title)


def annex_title(attachment: Attachment, lang: Language) -> str:
    """What the document is, dated and numbered in the language's order: "Decision of the Almaty City
    Court of 16 May 2018, No. 2-41", its first letter a capital."""
    # A photograph has no issuer: a Kazakh genitive in its title is what it shows («алаңның фотосуреті»),
    # and its date comes first («2018 жылғы 10 мамырдағы … алаңның фотосуреті»).
    written = attachment.titles.get(lang.code) or kind_label(attachment.kind, lang)
    issuer, title = ("", written) if attachment.kind == "photo" else lang.split_possessor(written)
    subject = attachment.subjects.get(lang.code, "")
    # A subject in brackets is an aside on the whole title («(после задержания 10 мая 2018 года)»): it follows
    # the title in every language, as a Kazakh date in it would otherwise stand beside the document's own.
    aside, subject = (subject, "") if subject.startswith("(") else ("", subject)
    date = lang.reference_date(attachment.date) if attachment.date else ""
    if date and attachment.number:
        reference = lang.pgettext("annex", "of {date}, No. {number}").format(date=date, number=attachment.number)
    elif date and attachment.kind == "photo":  # the day it was taken: no document is "of" it
        reference = lang.pgettext("annex", "on {date}").format(date=date)
    elif date:
        reference = lang.pgettext("annex", "of {date}").format(date=date)
    elif attachment.number:
        reference = lang.pgettext("annex", "No. {number}").format(number=attachment.number)
    else:
        reference = ""
    if reference and subject:
        text = lang.pgettext("annex", "{title} {reference}, {subject}").format(
            title=title, reference=reference, subject=subject)
    elif reference:
        text = lang.pgettext("annex", "{title} {reference}").format(title=title, reference=reference)
    elif subject:
        text = lang.pgettext("annex", "{title} {subject}").format(title=title, subject=subject)
    else:
        text = title
    text = f"{issuer} {text}" if issuer else text
    text = f"{text} {aside}" if aside else text
    return text[:1].upper() + text[1:]


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
    return PdfReader(io.BytesIO(_annex_pdf(file.path, file.media, file.sha256)))


@functools.lru_cache(maxsize=64)
def _annex_pdf(path: Path, media: str, sha256: str) -> bytes:
    """The annex as a PDF file, once per process for a file that many packages carry (the case's own);
    `sha256`, checked at load, keys the cache to the file's content."""
    data = path.read_bytes()
    if media != "pdf":
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
    return data


_STAMP_HTML = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><style>
@font-face {{ font-family: "Stamp"; src: url("fonts/LiberationSerif-Regular.ttf"); }}
html, body {{ margin: 0; }}
div {{ position: relative; break-after: page; }}
p {{ position: absolute; right: 14pt; bottom: 7.5pt; margin: 0; padding: 1pt 4pt; font: 9pt "Stamp";
     background: white; border: 0.5pt solid black; white-space: nowrap; }}
{sizes}
</style></head><body>{sheets}</body></html>"""

# The stamps made so far in this process, by language, text and page size: a package's stamps
# mostly repeat those of the packages before it ("Annex 1 — page 1 of 2").
_stamps_made: dict[tuple[str, str, float, float], PageObject] = {}
_STAMPS_KEPT = 2048


def _stamps(lang: str, wanted: Sequence[tuple[str, float, float]]) -> list[PageObject]:
    """For each (text, width, height), a transparent page of that size bearing the text in its bottom
    right margin. Those not made yet are laid out by WeasyPrint together, one page each, in one run:
    a run per stamp would cost a tenth of a second each, minutes for a package of many annexes."""
    keys = [(lang, text, round(width, 2), round(height, 2)) for text, width, height in wanted]
    missing = list(dict.fromkeys(key for key in keys if key not in _stamps_made))
    if len(_stamps_made) + len(missing) > _STAMPS_KEPT:
        _stamps_made.clear()
        missing = list(dict.fromkeys(keys))
    if missing:
        sizes = list(dict.fromkeys((width, height) for _, _, width, height in missing))
        css = "\n".join(f"@page size{number} {{ size: {width}pt {height}pt; margin: 0; }}\n"
                        f".size{number} {{ page: size{number}; height: {height - 0.5}pt; }}"
                        for number, (width, height) in enumerate(sizes))
        sheets = "".join(f'<div class="size{sizes.index((width, height))}"><p>{escape(text)}</p></div>'
                         for _, text, width, height in missing)
        pdf, pages = render_pdf(_STAMP_HTML.format(lang=lang, sizes=css, sheets=sheets), f"{lang}/annex stamps")
        if pages != len(missing):  # each stamp must be a page of its own, or stamps would go astray
            raise BuildError(f"{lang}/annex stamps: {pages} pages laid out for {len(missing)} stamps")
        _stamps_made.update(zip(missing, PdfReader(io.BytesIO(pdf)).pages, strict=True))
    return [_stamps_made[key] for key in keys]


def _form(writer: PdfWriter, stamp: PageObject) -> IndirectObject:
    """The stamp page as a form XObject of the package, to be drawn on each page that bears it."""
    contents = stamp.get_contents()  # a stream is a dictionary: an empty one is falsy, so test for None
    form = DecodedStreamObject()
    form.set_data(contents.get_data() if contents is not None else b"")
    form.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject(FloatObject(value) for value in stamp.mediabox),
        NameObject("/Resources"): stamp[NameObject("/Resources")].clone(writer),
    })
    return writer._add_object(form)


# The band at the foot of an annex page that the stamp takes (its box is 7.5 pt from the edge and some
# 13 pt high): the page's own content is shrunk above it, centred, so that a scan filling its page to
# the edge (a decision's number, a signature) is never covered by the stamp.
STAMP_BAND = 24.0


def _draw_over(writer: PdfWriter, page: PageObject, form: IndirectObject) -> None:
    """Shrink `page`'s content above the stamp band and draw `form` from the lower left corner of its
    visible box. Hand-written because pypdf's merge_page parses both content streams again for every
    page (tens of milliseconds each): here the page's own content is only bracketed in q/Q with the
    shrinking matrix first, so that whatever state it leaves cannot move the stamp."""
    resources = page.setdefault(NameObject("/Resources"), DictionaryObject()).get_object()
    xobjects = resources.setdefault(NameObject("/XObject"), DictionaryObject()).get_object()
    name = NameObject(f"/AnnexStamp{len(xobjects)}")
    while name in xobjects:
        name = NameObject(name + "_")
    xobjects[name] = form
    box = page.cropbox  # what a viewer shows: the media box unless the scan is cropped
    left, bottom, width, height = float(box.left), float(box.bottom), float(box.width), float(box.height)
    scale = (height - STAMP_BAND) / height
    shift_x = left + width * (1 - scale) / 2 - scale * left
    shift_y = bottom + STAMP_BAND - scale * bottom
    for reference in page.get("/Annots") or ():  # links and fields move with the content they sit on
        annotation = reference.get_object()
        rect = annotation.get("/Rect")
        if rect is not None and len(rect) == 4:
            x1, y1, x2, y2 = (float(value) for value in rect)
            annotation[NameObject("/Rect")] = ArrayObject(FloatObject(round(value, 4)) for value in (
                scale * x1 + shift_x, scale * y1 + shift_y, scale * x2 + shift_x, scale * y2 + shift_y))
    before, after = DecodedStreamObject(), DecodedStreamObject()
    before.set_data(f"q {scale:.6f} 0 0 {scale:.6f} {shift_x:.4f} {shift_y:.4f} cm\n".encode("ascii"))
    after.set_data(f"\nQ q 1 0 0 1 {left:g} {bottom:g} cm {name} Do Q\n".encode("ascii"))
    contents = page.get("/Contents")
    own = contents.get_object() if contents is not None else None
    if isinstance(own, ArrayObject):
        parts = list(own)
    elif own is None:
        parts = []
    else:  # one stream; an array holds streams by reference
        parts = [contents if isinstance(contents, IndirectObject) else writer._add_object(own)]
    page[NameObject("/Contents")] = ArrayObject([writer._add_object(before), *parts, writer._add_object(after)])


def assemble(document_pdf: bytes, title: str, annexes: Sequence[Annex], lines: Sequence[str],
             lang: Language, mark: str = "") -> bytes:
    """The package: the document, then each annex with its pages stamped and a bookmark on its first page.

    mark: a confidential document's mark, which its annex pages' stamps carry too, so that every page is marked.
    """
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(document_pdf)), import_outline=False)
    writer.add_outline_item(title=title, page_number=0)
    stamped: list[tuple[PageObject, str]] = []
    for annex, line in zip(annexes, lines, strict=True):
        reader = annex_pages(annex.file)
        first = len(writer.pages)
        total = len(reader.pages)
        for number, page in enumerate(reader.pages, start=1):
            added = writer.add_page(page)
            if added.rotation:  # the stamp goes at the bottom of the page as it is seen
                added.transfer_rotation_to_content()
            text = stamp_text(lang, annex.number, number, total)
            stamped.append((added, f"{mark} · {text}" if mark else text))
        writer.add_outline_item(title=line, page_number=first)
    stamps = _stamps(lang.code, [(text, float(page.cropbox.width), float(page.cropbox.height))
                                 for page, text in stamped])
    forms: dict[int, IndirectObject] = {}
    for (page, _), stamp in zip(stamped, stamps, strict=True):
        if id(stamp) not in forms:
            forms[id(stamp)] = _form(writer, stamp)
        _draw_over(writer, page, forms[id(stamp)])
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
