"""Rendering: one document in one language (for one author) as HTML, then as each of its formats,
written into the build's staging folder unless the previous build holds it already."""

from __future__ import annotations

import datetime
import functools
import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from markupsafe import Markup

from .blocks import NON_BREAKING_HYPHEN, DocumentMeta, blocks_from_html
from .case import Case
from .context import document_context
from .documents import DocumentType
from .heap import without_cycle_collection
from .i18n import language
from .open_points import OpenPoint, open_points, untranslated_texts
from .packages import Annex, annex_title, assemble, awaiting_publication, describe, package_key
from .pipeline import PACKAGE, Job, annexes
from .private_files import write_private
from .rebuild import PreviousBuild
from .render_docx import render_docx
from .render_html import docx_dir, render_html
from .render_pdf import check_glyphs, render_fitted_pdf, render_pdf
from .volumes import VOLUME_TEMPLATE, volume_context, volume_count, volume_names, volume_title


class DocumentHtml:
    """One document in one language, for one author where it is one per author: its HTML, from
    which each of its formats is rendered."""

    def __init__(self, document: DocumentType, lang: str, context: dict, day: datetime.date,
                 template: str | None = None, title: str | None = None, expect_draft: bool = False):
        """template and title: another template of the document's and its title (an annex volume's, volumes.py).

        expect_draft: whether the document probably has open points (the one before it of its kind had
        some), so that it is rendered as a draft first. The draft mark is only a rule of the page header
        in the HTML's head: the open points found are the same either way, and so is the HTML kept; a
        right guess saves rendering it twice."""
        code = language(lang)
        title = title or code.pgettext("document title", document.title_on(day))
        template = template or document.html_template
        self.document, self.lang, self.day, self.template = document, lang, day, template
        running_title = code.pgettext("running title", document.running_title) if document.running_title else ""
        self.meta = DocumentMeta(
            title=title,
            language=lang,
            header=running_title or title,
            page_label=code.pgettext("page label", "Page {page} of {pages}"),
            confidential_mark="" if document.public else code.pgettext("mark", "Confidential"),
        )
        self.context = {"volumes": []} | context | {
            "document_title": title,
            "running_title_css": _css_string(running_title) if running_title else "",
            "confidential_mark": self.meta.confidential_mark,
            "draft_mark": "",
            "build_date_iso": day.isoformat(),
            "page_label_css": _css_content(self.meta),
            "with_summary": False,
            "layout": document.layouts[0] if document.layouts else "",
        }
        self.where = f"{lang}/{document.name}" + (f"/{context['author'].complainant_id}" if "author" in context else "")
        if template != document.html_template:
            self.where += f" ({template})"
        # A document with open points is a draft: marked in the header of every page.
        draft_mark = code.pgettext("mark", "Draft")
        draft = {"draft_mark": draft_mark, "draft_mark_css": _css_string(draft_mark)}
        with without_cycle_collection():
            self.html = render_html(lang, template, self.context | draft if expect_draft else self.context)
            self.open_points = open_points(self.html)
            self.untranslated = untranslated_texts(self.html)  # free texts printed in another language
            if self.open_points:
                self.meta = replace(self.meta, draft_mark=draft_mark)
                self.context |= draft
            if bool(self.open_points) != expect_draft:
                self.html = render_html(lang, template, self.context)

    @functools.cached_property
    def summary_html(self) -> str:
        """The variant opening with a summary, for a document that turns out longer than its limit
        (DocumentType.summary_over_pages): rendered only for one that does, or did in the last build."""
        with without_cycle_collection():
            return render_html(self.lang, self.template, self.context | {"with_summary": True})

    def over_limit(self, pages: int | None) -> bool:
        """Whether a PDF of `pages` pages of this document is replaced by its variant with a summary."""
        limit = self.document.summary_over_pages
        return limit is not None and pages is not None and pages > limit

    def key(self, salt: bytes, fmt: str, summarised: bool = False) -> str:
        """What the file of format `fmt` is made from: equal keys, equal bytes. `summarised`: whether it
        is made from the variant with a summary. A document that has one and stayed within its limit is
        made from its HTML alone, and equal HTML lays out in as many pages: it stays within it again."""
        digest = hashlib.sha256(salt + fmt.encode() + b"\0" + self.html.encode())
        if self.document.summary_over_pages is not None:
            digest.update(b"\0" + (self.summary_html.encode() if summarised else b"within its page limit"))
        return digest.hexdigest()

    def laid_out(self) -> tuple[str, bytes, int]:
        """The HTML in the first of the document type's layouts that leaves no page but the last
        near-empty (render_pdf.render_fitted_pdf), its PDF and its number of pages. Found by laying the
        PDF out whatever the formats asked for, so that a DOCX has the order of the PDF built with it."""
        variants = [self.html] + [render_html(self.lang, self.template, self.context | {"layout": layout})
                                  for layout in self.document.layouts[1:]]
        distinct = list(dict.fromkeys(variants))  # a brief without charts reads the same in every layout
        index, pdf, pages = render_fitted_pdf(distinct, self.where)
        return distinct[index], pdf, pages

    def render(self, formats: list[str]) -> tuple[dict[str, bytes], int | None, bool]:
        """The files of `formats`, the PDF's number of pages when one was rendered, and whether they are
        made from the variant with a summary: a document with a page limit is always laid out as a PDF
        to know which."""
        html, pdf, pages, summarised = self.html, None, None, False
        if len(self.document.layouts) > 1:
            html, pdf, pages = self.laid_out()
        elif self.document.summary_over_pages is not None:
            pdf, pages = render_pdf(html, self.where)
            if self.over_limit(pages):
                html, pdf, summarised = self.summary_html, None, True
        blocks = blocks_from_html(html)
        # A non-breaking hyphen is drawn by Word's own element (render_docx), not the font's glyph.
        check_glyphs("\n".join([b.text for b in blocks] + [c for b in blocks for r in b.rows for c in r])
                     .replace(NON_BREAKING_HYPHEN, "-"), self.where)
        rendered = {}
        for fmt in formats:
            if fmt == "pdf":
                if pdf is None:
                    pdf, pages = render_pdf(html, self.where)
                rendered[fmt] = pdf
            else:
                moment = datetime.datetime.combine(self.day, datetime.time())
                rendered[fmt] = render_docx(docx_dir() / self.document.docx_template, blocks, self.meta, moment)
        return rendered, pages if "pdf" in rendered else None, summarised


def _css_string(text: str) -> Markup:
    """Text as a quoted CSS string."""
    return Markup('"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ") + '"')


def _css_content(meta: DocumentMeta) -> Markup:
    """The page label as a CSS content value: quoted text and page counters."""
    return Markup(" ".join(_css_string(text) if text else f"counter({field})"
                           for text, field in meta.page_label_pieces()))


def groups(jobs: list[Job]) -> list[tuple[Job, ...]]:
    """The jobs by DocumentHtml: the formats of one document, language and author, or of one annex volume."""
    grouped: dict[tuple[str, str, str | None, int], list[Job]] = {}
    for job in jobs:
        grouped.setdefault((job.document.name, job.lang, job.member, job.volume), []).append(job)
    return [tuple(group) for group in grouped.values()]


# The contexts a renderer keeps: a worker goes through the per-author documents and, between their
# chunks, the documents for the whole case (parallel._chunks), so it needs two at a time; each holds
# every person of the case (some 40 MB at 10,000 people). A third or fourth would save two rebuilds
# of a context in a whole build of 10,000.
_CONTEXTS_KEPT = 2


@dataclass
class Renderer:
    """Renders groups of jobs (the formats of one DocumentHtml). The parent builds it; worker
    processes inherit it, and are sent only the numbers of the groups to render."""

    case: Case
    day: datetime.date
    groups: list[tuple[Job, ...]]
    salts: dict[str, bytes]  # by language, what besides its HTML a file is made from (see rebuild.salts)
    previous: PreviousBuild  # the output being replaced
    staging: Path  # where the files are written, by whichever process renders them
    final: bool = False  # render nothing that still has open points
    contexts: dict[tuple[str, str], tuple[dict, dict]] = field(default_factory=dict)
    named: dict[str, list[str]] = field(default_factory=dict)  # by document, the ids of the people it names
    # By document and whether an annex volume: whether the last one rendered here had open points.
    drafts: dict[tuple[str, bool], bool] = field(default_factory=dict)

    def context(self, document: DocumentType, lang: str) -> tuple[dict, dict]:
        """The document's context, and its people by complainant id."""
        key = (document.name, lang)
        if key in self.contexts:
            self.contexts[key] = self.contexts.pop(key)  # the least recently used goes first
        else:
            if len(self.contexts) >= _CONTEXTS_KEPT:
                del self.contexts[next(iter(self.contexts))]
            context = document_context(self.case, document, lang, self.day)
            self.contexts[key] = context, {p.complainant_id: p for p in context["people"]}
        return self.contexts[key]

    def render(self, index: int) -> tuple[tuple[OpenPoint, ...], int | None, list[tuple[str, bool]], int]:
        """Write the files of group `index` into the staging folder; return the document's open
        points, its number of PDF pages when rendered, the key of each file and whether it was
        written: not when the output being replaced holds it already (its key is the same, and it
        still hashes as recorded), for the parent to keep. A worker writes what it renders rather
        than sending it back: the parent would hold whatever it had not written yet. A final build
        renders nothing of a document with open points (and returns no keys): the build refuses it;
        and how many free texts the document prints in another language than its own."""
        group = self.groups[index]
        first = group[0]
        context, people = self.context(first.document, first.lang)
        if first.member:
            context = context | {"author": people[first.member]}
        code = language(first.lang)
        size = self.case.settings.annex_volume_size
        volumes = volume_count(first.document, len(context["people"]), size)
        carried: tuple[Annex, ...] = ()
        lines: list[str] = []
        kind = (first.document.name, bool(first.volume))
        if first.volume:
            title = volume_title(code, code.pgettext("document title", first.document.title_on(self.day)),
                                 first.volume, volumes)
            document = DocumentHtml(first.document, first.lang,
                                    volume_context(context, first.document, first.volume, size, code),
                                    self.day, VOLUME_TEMPLATE, title, self.drafts.get(kind, False))
        else:
            carried = self.annexes(first.document, first.member)
            # In a document about many people, each person's own annex names them as the document does.
            lines = [describe(annex, code, "" if first.document.per_member or not annex.attachment.complainant_id
                              else people[annex.attachment.complainant_id].name) for annex in carried]
            # The number of the first annex of each kind, for a document that refers to one ("Annex 3").
            numbers = {annex.attachment.kind: annex.number for annex in reversed(carried)}
            to_confirm = [annex_title(item, code) for item in awaiting_publication(
                first.document, self.case.attachments, self.case.attachment_files)]
            document = DocumentHtml(first.document, first.lang, context | {
                "annexes": lines, "annexes_to_confirm": to_confirm, "annex_numbers": numbers,
                "volumes": volume_names(first.document, volumes)},
                self.day, expect_draft=self.drafts.get(kind, False))
        self.drafts[kind] = bool(document.open_points)
        if self.final and document.open_points:
            return document.open_points, None, [], document.untranslated
        salt = self.salts[first.lang]

        def keys_of(summarised: bool) -> dict[str, str]:
            keys = {job.fmt: document.key(salt, job.fmt, summarised) for job in group if job.fmt != PACKAGE}
            if any(job.fmt == PACKAGE for job in group):
                keys[PACKAGE] = package_key(salt, keys["pdf"], lines, carried)
            return keys

        # Made from the variant with a summary if the last build's PDF of it was longer than its limit.
        summarised = document.over_limit(self.previous.pages.get(first.document_path))
        keys = keys_of(summarised)
        missing = [job.fmt for job in group if not self.previous.holds(job.relative_path, keys[job.fmt])]
        rendered = [fmt for fmt in missing if fmt != PACKAGE]
        files: dict[str, bytes] = {}
        pages: int | None = None
        if rendered:
            files, pages, made_summarised = document.render(rendered)
            if made_summarised != summarised:
                keys = keys_of(made_summarised)
        if PACKAGE in missing:
            pdf = files.get("pdf") or (self.previous.root / next(
                job for job in group if job.fmt == "pdf").relative_path).read_bytes()
            # Every annex page carries the document's confidential mark, never its draft mark: a court
            # decision's page stamped "Draft" reads as a draft decision (the document's own pages say it).
            files[PACKAGE] = assemble(pdf, document.meta.title, carried, lines, code, document.meta.confidential_mark)
        for job in group:
            if job.fmt in files:
                write_private(self.staging, job.relative_path, files[job.fmt])
        return document.open_points, pages, [(keys[job.fmt], job.fmt in files) for job in group], document.untranslated

    def annexes(self, document: DocumentType, author: str | None) -> tuple[Annex, ...]:
        """The annexes of the document (for `author`), as pipeline.plan found them."""
        if document.name not in self.named:
            self.named[document.name] = [m.person.complainant_id
                                         for m in document.members(self.case.members, self.day)[0]]
        return annexes(self.case, document, author, self.named[document.name])
