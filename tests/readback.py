"""Read outputs back: every text a DOCX or a PDF carries, and where in the file it carries it.

A reader of the file sees more than the body: headers, footers, comments, document properties,
PDF metadata and bookmarks. Privacy checks search all of it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from lxml import etree
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import (
    ByteStringObject,
    StreamObject,
    TextStringObject,
)

from complaints.attachments import pdf_objects

from conftest import pdf_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def pdf_pages(path: Path) -> list[str]:
    return pdf_text(path).split("\f")[:-1]  # pdftotext ends every page with a form feed


def pdf_strings(path: Path) -> str:
    """Every string among the file's objects (document information, bookmarks, annotations, names)
    and the XMP metadata and attached files. The page text is pdf_pages'."""
    found: list[str] = []
    for item in pdf_objects(PdfReader(path)):
        if isinstance(item, TextStringObject):
            found.append(str(item))
        elif isinstance(item, ByteStringObject):
            found.append(bytes(item).decode("latin-1"))
        elif isinstance(item, StreamObject) and item.get("/Type") in ("/Metadata", "/EmbeddedFile"):
            found.append(_content_text(item.get_data()))
    return "\n".join(found)


def _xml_text(root) -> str:
    """The text of a part three ways: each paragraph whole (Word splits words across runs), every
    text node alone, and every attribute value (alternative texts, property values)."""
    paragraphs = ["".join(element.itertext()) for element in root.iter()
                  if isinstance(element.tag, str) and etree.QName(element).localname == "p"]
    nodes = [text for text in root.itertext()]
    attributes = [value for element in root.iter() for value in element.attrib.values()]
    return "\n".join(paragraphs + nodes + attributes)


def _content_text(data: bytes) -> str:
    """XML as its text and attribute values (its tag names are no one's data); anything else as it is."""
    try:
        return _xml_text(etree.fromstring(data))
    except etree.XMLSyntaxError:
        return data.decode("utf-8", "replace")


def docx_parts(path: Path) -> Iterator[tuple[str, str]]:
    """(part name, text) for every part of the package: of an image, the texts its file carries."""
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            data = package.read(name)
            yield name, _image_text(data) if name.startswith("word/media/") else _content_text(data)


def _image_text(data: bytes) -> str:
    """The texts an image file carries (PNG text chunks, comments, descriptions): its pixels are
    not text, and decoding them as text finds words by chance."""
    with Image.open(io.BytesIO(data)) as image:
        return "\n".join(f"{key}: {value}" for key, value in image.info.items() if isinstance(value, str))


def texts(path: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a reader of the output could see or extract."""
    if path.suffix == ".pdf":
        for number, page in enumerate(pdf_pages(path), start=1):
            yield f"page {number}", page
        yield "objects and metadata", pdf_strings(path)
    else:
        yield from docx_parts(path)


def docx_headers(path: Path) -> list[str]:
    """The text of the header on each kind of page of each section: every page, and the first and
    even pages where the document sets them apart. A kind of page without a header gives ""."""
    with zipfile.ZipFile(path) as package:
        relations = etree.fromstring(package.read("word/_rels/document.xml.rels"))
        targets = {relation.get("Id"): relation.get("Target") for relation in relations}
        settings = etree.fromstring(package.read("word/settings.xml"))
        document = etree.fromstring(package.read("word/document.xml"))
        headers = []
        for section in document.iter(f"{_W}sectPr"):
            kinds = ["default"]
            if section.find(f"{_W}titlePg") is not None:
                kinds.append("first")
            if settings.find(f"{_W}evenAndOddHeaders") is not None:
                kinds.append("even")
            references = {reference.get(f"{_W}type"): reference.get(f"{_R}id")
                          for reference in section.iter(f"{_W}headerReference")}
            for kind in kinds:
                part = references.get(kind) and str(PurePosixPath("word") / targets[references[kind]])
                headers.append("".join(etree.fromstring(package.read(part)).itertext()) if part else "")
        return headers
