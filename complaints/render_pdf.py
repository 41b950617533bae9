"""HTML to PDF with WeasyPrint, reaching nothing but the template folder."""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import logging
import mimetypes
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML, Document
from weasyprint.formatting_structure import boxes
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from .charts import URL_PREFIX as CHART_URL
from .errors import BuildError
from .fonts import code_points, undrawable
from .render_html import html_dir

log = logging.getLogger(__name__)

STYLESHEET = "style.css"
# The link every template inherits from base.html, exactly as written there.
STYLESHEET_LINK = f'<link rel="stylesheet" href="{STYLESHEET}">'
# WeasyPrint lays a table out page by page and, on every page, walks all the rows of the row
# group it is in, as cssselect2 does to find a row among its siblings: a list of 10,000 people
# cost a fifth more per row than one of 1,000. In groups of this many rows it costs the same per
# row, and the pages are the same to the byte.
ROWS_PER_GROUP = 50
_ROW_GROUP = re.compile(r"<tbody>(.*?)</tbody>", re.DOTALL)
# A page other than the last may be left this much empty at its foot, as a share of its text area's
# height, where a part that cannot be split goes on to the next page (DocumentType.layouts).
MOST_BLANK_FOOT = 0.15
# What fills a page: the lowest of these on it is where its text ends.
_FILLING = (boxes.LineBox, boxes.ReplacedBox, boxes.TableRowBox)


class TemplateOnlyFetcher(URLFetcher):
    """Serves files below the template folder and the charts the HTML carries, and refuses every other URL."""

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
        elif url.startswith(CHART_URL):  # nothing to fetch: the image is in the URL
            return URLFetcherResponse(url, base64.b64decode(url[len(CHART_URL):], validate=True),
                                      {"Content-Type": "image/svg+xml"})
        self.refused.append(url)
        log.error("refused to fetch %s: only files of the template folder may be used", url[:200])
        raise PermissionError("resource outside the template folder")



def check_glyphs(text: str, where: str) -> None:
    """Fail when the embedded fonts cannot show a character: a box in a legal document is a defect."""
    missing = undrawable(text)
    if missing:
        raise BuildError(f"{where}: the document font has no glyph for {code_points(missing)}")


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


@dataclass(frozen=True)
class _Shared:
    """What every document of a process can share. WeasyPrint would otherwise load the four
    fonts into a new Fontconfig configuration and parse the stylesheet again for each document:
    a fifth of the time of a two-page communication."""

    fonts: FontConfiguration
    stylesheet: CSS


@functools.lru_cache(maxsize=4)
def _shared(root: Path, stylesheet: bytes) -> _Shared:
    fonts = FontConfiguration()
    where = f"templates/html/{STYLESHEET}"
    with _fetching(where, TemplateOnlyFetcher(root)) as fetcher, _strict(where):
        css = CSS(string=stylesheet.decode("utf-8"), base_url=str(root / STYLESHEET), url_fetcher=fetcher,
                  font_config=fonts)
    return _Shared(fonts, css)


@contextlib.contextmanager
def _fetching(where: str, fetcher: TemplateOnlyFetcher):
    try:
        yield fetcher
    except FatalURLFetchingError:
        raise BuildError(f"{where}: the template asked for a resource outside the template folder: "
                         + ", ".join(u[:100] for u in fetcher.refused)) from None


def _short_row_groups(group: re.Match) -> str:
    """A <tbody> as several of at most ROWS_PER_GROUP rows. The templates print text escaped, so
    a "</tr>" in a row group is the end of a row, unless the group holds a table of its own."""
    rows = group[1].split("</tr>")
    rest = rows.pop()
    if len(rows) <= ROWS_PER_GROUP or "<table" in group[1]:
        return group[0]
    groups = ["</tr>".join(rows[start:start + ROWS_PER_GROUP]) + "</tr>"
              for start in range(0, len(rows), ROWS_PER_GROUP)]
    return "<tbody>" + "</tbody><tbody>".join(groups) + rest + "</tbody>"


def _laid_out(html: str, where: str) -> tuple[Document, Callable[[], bytes]]:
    """`html` laid out in pages, and how to write it as a PDF.

    The template stylesheet is applied from a copy parsed once per process, as a user stylesheet
    rather than an author one, and long tables are laid out in short row groups;
    test_performance_paths checks that every document type comes out with the bytes of a plain
    WeasyPrint run.
    """
    root = html_dir()
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    options = {}
    if STYLESHEET_LINK in html:
        shared = _shared(root, (root / STYLESHEET).read_bytes())
        html = html.replace(STYLESHEET_LINK, "", 1)
        options = {"font_config": shared.fonts, "stylesheets": [shared.stylesheet]}
    html = _ROW_GROUP.sub(_short_row_groups, html)
    with _fetching(where, TemplateOnlyFetcher(root)) as fetcher, _strict(where):
        document = HTML(string=html, base_url=str(root) + "/", url_fetcher=fetcher).render(**options)

    def write() -> bytes:
        with _fetching(where, fetcher), _strict(where):
            return document.write_pdf(pdf_identifier=identifier, pdf_variant="pdf/a-3u")

    return document, write


def render_pdf(html: str, where: str) -> tuple[bytes, int]:
    """The PDF of `html`, and its number of pages."""
    document, write = _laid_out(html, where)
    return write(), len(document.pages)


def blank_feet(document: Document) -> list[float]:
    """For each page, the share of its text area's height left empty below the last line, table row
    or image. WeasyPrint gives no such figure: read from the boxes it laid out."""
    shares = []
    for page in document.pages:
        box = page._page_box  # WeasyPrint's layout of the page, which its API does not expose otherwise
        top, height = box.content_box_y(), box.height
        lowest = max((child.position_y + child.margin_height() for child in box.children[0].descendants()
                      if isinstance(child, _FILLING)), default=top)
        shares.append(max(0.0, top + height - lowest) / height)
    return shares


def render_fitted_pdf(htmls: Sequence[str], where: str) -> tuple[int, bytes, int]:
    """Of `htmls` (one text, its unbreakable parts set at different places, the preferred first), the
    index of the first whose pages but the last are none of them more than MOST_BLANK_FOOT empty at the
    foot, or else of the one whose emptiest such page is least empty; its PDF; its number of pages."""
    best: tuple[float, int, Document, Callable[[], bytes]] | None = None
    for index, html in enumerate(htmls):
        document, write = _laid_out(html, where)
        emptiest = max(blank_feet(document)[:-1], default=0.0)
        if best is None or emptiest < best[0]:
            best = (emptiest, index, document, write)
        if emptiest <= MOST_BLANK_FOOT:
            break
    if best is None:
        raise ValueError("no HTML to lay out")
    _, index, document, write = best
    return index, write(), len(document.pages)
