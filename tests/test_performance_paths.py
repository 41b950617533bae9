"""The fast paths give what the plain ones give: the PDF of a plain WeasyPrint run, the DOCX of a
plain docxtpl render, the files of a single process from several, and, on a rebuild, the files
of a cold build, re-rendering only what changed."""

from __future__ import annotations

import ctypes
import dataclasses
import datetime
import gc
import hashlib
import io
import json
import multiprocessing
import re
import zipfile

import pytest
from babel.dates import get_month_names
from hypothesis import given, settings
from hypothesis import strategies as st
from weasyprint import HTML

from complaints import parallel, private_files
from complaints import render as render_module
from complaints import render_docx as docx_module
from complaints import render_pdf as pdf_module
from complaints.blocks import Block, blocks_from_html
from complaints.build import build
from complaints.context import document_context
from complaints.documents import REGISTRY
from complaints.errors import BuildError
from complaints.pipeline import Job
from complaints.render import DocumentHtml
from complaints.render_html import _keep_together, docx_dir, html_dir, html_environment

from conftest import TODAY, episode, event, pdf_text, person, write_workbook

DOCX_TEMPLATE = docx_dir() / "document.docx"


@pytest.fixture(scope="module")
def documents(example_build) -> list[DocumentHtml]:
    """Every document type of the example, in Russian, as the build renders its HTML."""
    case = example_build.loaded.case
    result = []
    for document in REGISTRY.values():
        context = document_context(case, document, "ru", TODAY)
        if document.per_member:
            context |= {"author": context["people"][0]}
        result.append(DocumentHtml(document, "ru", context, TODAY))
    return result


def test_a_document_rendered_as_a_draft_first_gives_what_it_gives_rendered_plainly(example_build):
    # Rendered as a draft first, a document without open points is rendered again unmarked; one with
    # open points, as a draft once: the same HTML, marks and findings as when nothing is expected.
    case = example_build.loaded.case
    seen = set()
    for document in REGISTRY.values():
        for lang in ("en", "ru"):
            context = document_context(case, document, lang, TODAY)
            if document.per_member:
                context |= {"author": context["people"][0]}
            plain = DocumentHtml(document, lang, context, TODAY)
            guessed = DocumentHtml(document, lang, context, TODAY, expect_draft=True)
            assert (guessed.html, guessed.summary_html, guessed.meta, guessed.open_points, guessed.untranslated) == (
                plain.html, plain.summary_html, plain.meta, plain.open_points, plain.untranslated), plain.where
            seen.add(bool(plain.open_points))
    assert seen == {True, False}, "documents with open points and without"


def plain_pdf(html: str) -> bytes:
    """WeasyPrint as its documentation shows it: the stylesheet read from the link, fonts loaded
    for this document, the tables as written."""
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    document = HTML(string=html, base_url=str(html_dir()) + "/",
                    url_fetcher=pdf_module.TemplateOnlyFetcher(html_dir())).render()
    return document.write_pdf(pdf_identifier=identifier, pdf_variant="pdf/a-3u")


def test_every_document_type_gives_the_pdf_of_a_plain_weasyprint_run(documents, monkeypatch):
    # Row groups this short split every table of the example, as 50 split a list of thousands.
    monkeypatch.setattr(pdf_module, "ROWS_PER_GROUP", 3)
    for document in documents:
        assert pdf_module.STYLESHEET_LINK in document.html
        assert pdf_module.render_pdf(document.html, document.where)[0] == plain_pdf(document.html), document.where


class _MallocInfo(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in ["arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                     "fsmblks", "uordblks", "fordblks", "keepcost"]]


def _c_heap_in_use() -> int:
    """The bytes glibc's malloc has handed out and not had back, after Python has freed what it can."""
    gc.collect()
    mallinfo2 = ctypes.CDLL(None).mallinfo2
    mallinfo2.restype = _MallocInfo
    return mallinfo2().uordblks


@pytest.mark.skipif(not hasattr(ctypes.CDLL(None), "mallinfo2"), reason="needs glibc 2.33 or later")
def test_laying_out_lists_leaves_no_memory_behind():
    # A font feature (WeasyPrint's tabular figures in list markers) leaked a Pango attribute list
    # per marker: about 9 KB a communication, a worker's hundreds of megabytes over 10,000 people.
    items = "".join(f"<li>Item {number}: a line of text.</li>" for number in range(100))
    html = (f'<!DOCTYPE html><html lang="ru"><head>{pdf_module.STYLESHEET_LINK}</head><body>'
            f"<ul>{items}</ul><ol>{items}</ol></body></html>")
    pdf_module.render_pdf(html, "lists")  # the shared fonts and stylesheet, loaded once
    before = _c_heap_in_use()
    for _ in range(20):
        pdf_module.render_pdf(html, "lists")
    # 200 markers a document: the leak held some 90 KB a document, 1.8 MB in all.
    assert _c_heap_in_use() - before < 400_000


def test_long_tables_are_split_into_row_groups_and_nested_tables_are_not():
    rows = "".join(f"\n<tr><td>{n}</td></tr>" for n in range(120))
    split = pdf_module._ROW_GROUP.sub(pdf_module._short_row_groups, f"<table><tbody>{rows}\n</tbody></table>")
    assert split.count("<tbody>") == 3 and split.count("<tr>") == 120
    assert split.replace("</tbody><tbody>", "") == f"<table><tbody>{rows}\n</tbody></table>"
    nested = f"<table><tbody>{rows}<tr><td><table><tr><td>x</td></tr></table></td></tr></tbody></table>"
    assert pdf_module._ROW_GROUP.sub(pdf_module._short_row_groups, nested) == nested


LISTING = (Block("paragraph", "a tab\there, a line\nthere"), Block("numbered", "one"), Block("table", rows=()))


def test_every_document_type_gives_the_docx_of_a_plain_docxtpl_render(documents):
    template = docx_module._template(DOCX_TEMPLATE)
    moment = datetime.datetime(2026, 11, 23)
    for document in documents:
        blocks = blocks_from_html(document.html)
        for chosen in (blocks, blocks[:3], LISTING, ()):
            assert (docx_module.render_docx(DOCX_TEMPLATE, chosen, document.meta, moment)
                    == docx_module._render_plain(template, chosen, document.meta, moment)), document.where


def test_the_zip_is_the_one_zipfile_writes():
    parts = {"word/document.xml": b"<w:document/>" * 500, "[Content_Types].xml": b"<Types/>",
             "docProps/app.xml": b"", "word/\u0442.xml": bytes(range(256)) * 3}
    when = datetime.datetime(2024, 5, 1, 12, 30, 11)
    expected = io.BytesIO()
    with zipfile.ZipFile(expected, "w") as archive:
        for name in ("[Content_Types].xml", "docProps/app.xml", "word/document.xml", "word/\u0442.xml"):
            info = zipfile.ZipInfo(name, date_time=(2024, 5, 1, 12, 30, 11))
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 0, 0
            archive.writestr(info, parts[name], compresslevel=6)
    assert docx_module._zip({name: docx_module._Entry.of(data) for name, data in parts.items()},
                            when) == expected.getvalue()


def three_people(tmp_path, given_latin="TIMUR"):
    people = [person("C1"),
              person("C2", "Байжанов", "Тимур", consent_to_name="no", id_document="N07700001",
                     surname_latin="BAIZHANOV", given_name_latin=given_latin),
              person("C3", "Ким", "Ольга", surname_latin="KIM", given_name_latin="OLGA")]
    return write_workbook(tmp_path / "three.xlsx", events=[event("e1")], people=people,
                          episodes=[episode(p, "e1") for p in ("C1", "C2", "C3")])


def files(result) -> dict[str, bytes]:
    return {path.relative_to(result.output).as_posix(): path.read_bytes()
            for path in [*result.files, result.figures, result.output / "manifest.json"]}


@pytest.mark.slow
def test_two_workers_write_what_one_process_writes_and_leave_no_process_behind(tmp_path):
    path = three_people(tmp_path)
    one = build(path, langs=("en",), output_root=tmp_path / "one", today=TODAY)
    two = build(path, langs=("en",), output_root=tmp_path / "two", today=TODAY, workers=2)
    assert len(one.files) == 24 and files(one) == files(two)
    assert multiprocessing.active_children() == []


def test_a_failing_document_stops_the_workers_and_writes_nothing(tmp_path, monkeypatch):
    # Validation refuses a character no font can show before anything renders, so the render-time
    # check is told to fail, for one document only, in the workers (which inherit it when forked).
    def no_glyph(text: str, where: str) -> None:
        if where == "ru/collective-complaint":
            raise BuildError(f"{where}: the document font has no glyph for U+6F22")

    monkeypatch.setattr(render_module, "check_glyphs", no_glyph)
    path = write_workbook(tmp_path / "bad.xlsx", events=[event("e1")],
                          people=[person("C1"), person("C2")], episodes=[episode("C1", "e1"), episode("C2", "e1")])
    with pytest.raises(BuildError, match="U\\+6F22"):
        build(path, langs=("ru",), output_root=tmp_path / "out", today=TODAY, workers=2)
    assert list((tmp_path / "out").iterdir()) == []
    assert multiprocessing.active_children() == []


def test_where_files_cannot_be_linked_the_kept_ones_are_copied(tmp_path, monkeypatch):
    path = three_people(tmp_path)
    first = files(build(path, langs=("en",), documents=("osce",), output_root=tmp_path / "out", today=TODAY))

    def refused(*args, **kwargs):
        raise OSError("no links on this file system")

    monkeypatch.setattr(private_files.os, "link", refused)
    again = build(path, langs=("en",), documents=("osce",), output_root=tmp_path / "out", today=TODAY)
    assert len(again.reused) == 2 and files(again) == first
    assert {path.stat().st_nlink for path in again.files} == {1}


def test_a_build_in_more_languages_keeps_the_files_of_the_earlier_ones(tmp_path):
    path = three_people(tmp_path)
    build(path, langs=("en",), documents=("osce",), output_root=tmp_path / "out", today=TODAY)
    both = build(path, langs=("en", "ru"), documents=("osce",), output_root=tmp_path / "out", today=TODAY)
    assert sorted(path.relative_to(both.output).as_posix() for path in both.reused) == ["en/osce.docx", "en/osce.pdf"]


@pytest.mark.slow
def test_a_rebuild_renders_only_what_changed_and_gives_the_bytes_of_a_cold_build(tmp_path):
    root = tmp_path / "out"
    first = build(three_people(tmp_path), langs=("en",), output_root=root, today=TODAY)
    assert first.reused == []
    before = files(first)
    # C2 did not consent to be named: the public documents show a number, not the new name.
    edited = three_people(tmp_path, given_latin="TEMIR")
    again = build(edited, langs=("en",), output_root=root, today=TODAY, workers=2)
    kept = {path.relative_to(again.output).as_posix() for path in again.reused}
    public = {f"en/{name}" for name in ("collective-complaint", "osce", "brief")}
    unchanged_authors = {f"en/{name}/{author}" for name in ("hrc", "wgad-questionnaire") for author in ("C1", "C3")}
    assert kept == {f"{name}.{fmt}" for name in public | unchanged_authors for fmt in ("docx", "pdf")}
    after = files(again)
    assert all(after[name] == before[name] for name in kept)
    # figures.xlsx is written anew by every build; a name the documents do not print leaves it unchanged.
    assert all(after[name] != before[name] for name in after if name not in kept | {"figures.xlsx"})

    cold = build(edited, langs=("en",), output_root=tmp_path / "cold", today=TODAY)
    assert files(cold) == after

    # A kept output changed by hand since is rendered again, not copied.
    tampered = again.output / "en" / "brief.pdf"
    tampered.write_bytes(tampered.read_bytes() + b"\n")
    third = build(edited, langs=("en",), output_root=root, today=TODAY)
    assert tampered not in third.reused and len(third.reused) == len(third.files) - 1
    assert files(third) == after


# The plain definition of render_html._keep_together, which scans every text and every position.
_PLAIN_TAG = re.compile(r"(<[^>]*>)")
_PLAIN_ENDING = re.compile(r"(?<![\w-])([0-9A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{1,10}-[a-zа-яёәғқңөұүһі]{1,12})(?![\w-])")
_PLAIN_LAST_WORD = re.compile(r"(\S) (\w{1,4}[.:]?\s*</h[1-4]>)")
_PLAIN_NUMBER_SIGN = re.compile(r"№ (?=\w)")
_PLAIN_ABBREVIATION = re.compile(r"\b((?:ст|ч|п|пп|подп|art|arts|para|paras|No|Nos)\."
                                 r"|(?:[Пп]од)?[Пп]ункт(?:а|у|ом|е|ы|ов|ам|ами|ах)?|[Сс]тать(?:я|и|е|ю|ёй|ей|ям|ями|ях)"
                                 r"|[Сс]татей|[Чч]аст(?:ь|и|ью|ей|ям|ями|ях)|[Aa]rticles?|[Pp]aragraphs?) (?=\d)")
_PLAIN_DAY_MONTH = re.compile(r"(\d) (?=" + "|".join([*(month for code in ("en", "ru", "kk") for context in (
    "format", "stand-alone") for month in get_month_names("wide", context, code).values()), "жылғы"]) + ")")


def _plainly_kept_together(html: str) -> str:
    head, body_tag, body = html.partition("<body")
    if not body_tag:
        return html
    parts = _PLAIN_TAG.split(body)
    for index in range(0, len(parts), 2):
        joined = _PLAIN_ENDING.sub(lambda match: match.group(1).replace("-", "-\u2060"), parts[index])
        numbered = _PLAIN_NUMBER_SIGN.sub("№\u00a0", joined)
        abbreviated = _PLAIN_ABBREVIATION.sub("\\1\u00a0", numbered)
        parts[index] = _PLAIN_DAY_MONTH.sub("\\1\u00a0", abbreviated)
    return head + body_tag + _PLAIN_LAST_WORD.sub("\\1\u00a0\\2", "".join(parts))


_WORDS = st.text(alphabet="aБ7Ққ- .:№\u00a0\nстмаяьич", max_size=40)


@given(st.lists(st.tuples(st.sampled_from(["h1", "h2", "h4", "p", "td"]), _WORDS), max_size=6))
@settings(max_examples=300, deadline=None)
def test_keep_together_marks_what_its_plain_definition_marks(elements):
    html = "<head><title>ЕҚЫҰ-ға</title></head><body>" + "".join(
        f"<{tag}>{text}</{tag}>" for tag, text in elements) + "</body>"
    assert _keep_together(html) == _plainly_kept_together(html)


def test_keep_together_marks_every_document_as_its_plain_definition(example_build):
    case = example_build.loaded.case
    marked = 0
    for lang in ("kk", "ru"):
        for document in REGISTRY.values():
            context = document_context(case, document, lang, TODAY)
            if document.per_member:
                context |= {"author": context["people"][0]}
            raw = html_environment(lang).get_template(document.html_template).render(
                {"volumes": [], "document_title": "", "confidential_mark": "", "draft_mark": "",
                 "build_date_iso": "", "page_label_css": "", "with_summary": False,
                 "layout": document.layouts[0] if document.layouts else ""} | context)
            kept = _keep_together(raw)
            assert kept == _plainly_kept_together(raw), (lang, document.name)
            marked += kept != raw
    assert marked  # the documents hold text to keep together: the comparison saw the rules at work


@pytest.mark.slow
def test_only_a_document_over_its_page_limit_renders_its_summary_variant_and_a_rebuild_keeps_both(
        tmp_path, monkeypatch):
    monkeypatch.setitem(REGISTRY, "hrc", dataclasses.replace(REGISTRY["hrc"], summary_over_pages=4))
    summaries = []
    plain_render = render_module.render_html

    def counted(lang, template, context):
        if context.get("with_summary"):
            summaries.append(context["author"].complainant_id)
        return plain_render(lang, template, context)

    monkeypatch.setattr(render_module, "render_html", counted)

    def case(long_for):
        many = [episode(owner, "e1", "detention", date=datetime.date(2018, 1, 1) + datetime.timedelta(days=day),
                        description="Detained at the square and held for the whole day without any record. " * 3)
                for owner in long_for for day in range(30)]
        return write_workbook(tmp_path / "case.xlsx", events=[event("e1")],
                              people=[person("C1"), person("C2", id_document="2")],
                              episodes=many + [episode("C2", "e1")])

    def hrc_build(path, root="out"):
        return build(path, langs=("en",), documents=("hrc",), output_root=tmp_path / root, today=TODAY)

    first = hrc_build(case(["C1"]))
    pages = json.loads((first.output / "manifest.json").read_bytes())["pages"]
    assert pages["en/hrc/C1"] > 4 >= pages["en/hrc/C2"]  # the premise: one over the limit, one within
    assert summaries == ["C1"]  # the one within it never rendered its variant with a summary
    assert "Summary of the communication" in pdf_text(first.output / "en/hrc/C1.pdf")
    assert "Summary of the communication" not in pdf_text(first.output / "en/hrc/C2.pdf")

    summaries.clear()
    again = hrc_build(case(["C1"]))
    assert len(again.reused) == len(again.files) and summaries == ["C1"]  # its key needs it; C2's does not

    # C2 grows over the limit: its files are made from the variant with a summary, under that key.
    # One workbook file for the builds compared: openpyxl stamps the time of saving into the file, and the
    # manifest records the workbook's digest.
    summaries.clear()
    both_long = case(["C1", "C2"])
    grown = hrc_build(both_long)
    assert {path.name for path in grown.reused} == {"C1.pdf", "C1.docx"} and sorted(summaries) == ["C1", "C2"]
    assert "Summary of the communication" in pdf_text(grown.output / "en/hrc/C2.pdf")
    assert len(hrc_build(both_long).reused) == len(grown.files)
    assert files(hrc_build(both_long, "cold")) == files(grown)


def test_a_worker_gives_back_the_memory_of_a_document_of_the_whole_case_not_of_a_communication(monkeypatch):
    class Renderer:
        groups = ((Job(REGISTRY["wgad"], "en", "pdf"),), (Job(REGISTRY["hrc"], "en", "pdf", "C1"),))

        def render(self, index):
            return ("rendered", index)

    given_back = []
    monkeypatch.setattr(parallel, "_WORKER", Renderer())
    monkeypatch.setattr(parallel, "_give_back_memory", lambda: given_back.append(True))
    assert parallel._render_chunk([1]) == [(1, ("rendered", 1))] and given_back == []
    assert parallel._render_chunk([0]) == [(0, ("rendered", 0))] and given_back == [True]
