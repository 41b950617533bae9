"""HTML to PDF with WeasyPrint, reaching nothing but the template folder."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import mimetypes
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from fontTools.ttLib import TTFont
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from .errors import BuildError
from .render_html import html_dir

log = logging.getLogger(__name__)

FONT_FILES = ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
              "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf")


class TemplateOnlyFetcher(URLFetcher):
    """Serves files below the template folder and refuses every other URL."""

    def __init__(self, root: Path):
        super().__init__(fail_on_errors=True)
        self.root = root.resolve()
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "file":
            path = Path(unquote(parts.path)).resolve()
            if path.is_relative_to(self.root) and path.is_file():
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
        self.refused.append(url)
        log.error("refused to fetch %s: only files of the template folder may be used", url[:200])
        raise PermissionError("resource outside the template folder")


@functools.cache
def _covered_characters() -> frozenset[int]:
    covered: set[int] = set()
    for name in FONT_FILES:
        covered |= set(TTFont(html_dir() / "fonts" / name).getBestCmap())
    return frozenset(covered)


def check_glyphs(text: str, where: str) -> None:
    """Fail when the embedded fonts cannot show a character: a box in a legal document is a defect."""
    covered = _covered_characters()
    missing = sorted({
        char for char in text
        if ord(char) not in covered and not char.isspace()
        and unicodedata.category(char) not in ("Cc", "Cf")
    })
    if missing:
        listed = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in missing[:10])
        raise BuildError(f"{where}: the document font has no glyph for {listed}")


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage()[:300])


@contextlib.contextmanager
def _strict(where: str):
    """WeasyPrint logs what it skips (a stylesheet, a font, a CSS rule); a build must not skip anything."""
    collector = _Collect()
    weasy_log = logging.getLogger("weasyprint")
    weasy_log.addHandler(collector)
    try:
        yield
    finally:
        weasy_log.removeHandler(collector)
    if collector.messages:
        raise BuildError(f"{where}: WeasyPrint: " + "; ".join(collector.messages[:5]))


def render_pdf(html: str, where: str) -> tuple[bytes, int]:
    """The PDF of `html`, and its number of pages."""
    fetcher = TemplateOnlyFetcher(html_dir())
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    try:
        with _strict(where):
            document = HTML(string=html, base_url=str(html_dir()) + "/", url_fetcher=fetcher).render()
            return document.write_pdf(pdf_identifier=identifier, pdf_variant="pdf/a-3u"), len(document.pages)
    except FatalURLFetchingError:
        raise BuildError(f"{where}: the template asked for a resource outside the template folder: "
                         + ", ".join(u[:100] for u in fetcher.refused)) from None
