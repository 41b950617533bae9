"""Submission packages: each document lists its annexes in its language; its package is the document then
each annex, every annex page stamped, a bookmark per annex; private kinds only in confidential documents,
only of the people they name; the manifest records the scans, a changed scan re-makes only its packages."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import io
import json
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader, PdfWriter

from complaints.attachments import AttachmentFile
from complaints.build import build
from complaints.documents import REGISTRY
from complaints.i18n import language
from complaints.open_points import FIELDS
from complaints.packages import (
    PRIVATE_KINDS,
    Annex,
    awaiting_publication,
    by_owner,
    describe,
    select_annexes,
    stamp_text,
)
from complaints.schema import ATTACHMENT_KINDS, ATTACHMENTS, Attachment
from complaints.verify import MANIFEST, verify

from conftest import TODAY, episode, event, pdf_text, person, write_workbook

KINDS = list(ATTACHMENT_KINDS.values)


def attachments_of(kind: str, public: bool | None = True) -> tuple[list[Attachment], dict[int, AttachmentFile]]:
    """One attachment of `kind` for the whole case (marked `public`), one for C1 and one for C2."""
    items = [Attachment(row=row, complainant_id=owner, kind=kind, file=f"a{row}.pdf",
                        public=public if owner is None else None)
             for row, owner in ((2, None), (3, "C1"), (4, "C2"))]
    return items, {item.row: AttachmentFile(Path(item.file), "pdf", "0" * 64) for item in items}


def carried(document: str, kind: str, author: str | None = None, public: bool | None = True) -> set[str | None]:
    items, files = attachments_of(kind, public)
    named = [author] if author else ["C1"]  # C1 stands for the document's members
    chosen = select_annexes(REGISTRY[document], by_owner(items), files, named)
    return {annex.attachment.complainant_id for annex in chosen}


@pytest.mark.parametrize("kind", KINDS)
def test_public_documents_carry_only_what_concerns_the_whole_case_and_never_a_private_kind(kind):
    for document in ("collective-complaint", "osce"):
        assert carried(document, kind) == (set() if kind in PRIVATE_KINDS else {None})


@pytest.mark.parametrize("kind", sorted(set(KINDS) - PRIVATE_KINDS))
def test_public_documents_carry_a_case_document_only_when_its_row_says_it_may_be_published(kind):
    """A decision about a whole rally names its participants: a public document carries it only when
    the row says `public: yes`; left empty, the document asks; `no`, it neither carries nor asks."""
    for public, asked in ((None, True), (False, False)):
        items, files = attachments_of(kind, public)
        for document in ("collective-complaint", "osce"):
            assert carried(document, kind, public=public) == set()
            assert awaiting_publication(REGISTRY[document], by_owner(items), files) == (
                (items[0],) if asked else ())
    items, files = attachments_of(kind, None)
    for document in ("wgad", "special-procedures", "domestic-complaint", "hrc", "brief"):
        assert awaiting_publication(REGISTRY[document], by_owner(items), files) == ()  # not public: nothing to ask
    assert carried("wgad", kind, public=None) == {None, "C1"}


@pytest.mark.slow
def test_a_public_document_asks_about_a_case_document_not_marked_for_publication(tmp_path):
    case = small_case_with_annex(tmp_path / "case")
    book = openpyxl.load_workbook(case / "case.xlsx")
    sheet = book["Attachments"]
    column = [cell.value for cell in sheet[1]].index("public") + 1
    sheet.cell(row=2, column=column).value = None  # the decision: not said either way
    book.save(case / "case.xlsx")
    result = build(case, langs=["en", "ru"], formats=["pdf"], documents=["osce"], output_root=tmp_path / "out",
                   today=TODAY)
    for lang, point, title in (
            ("en", "[to complete: whether the document below may go with this public submission",
             "Decision on the rally"),
            ("ru", "[требуется указать: можно ли приложить указанный ниже документ к этому публичному обращению",
             "Решение")):
        text = " ".join(pdf_text(result.output / lang / "osce.pdf").split())
        assert title in text.split(point, 1)[1]  # the document asked about follows the question
        bookmarks = _bookmarks(result.output / lang / "osce-package.pdf")
        assert len(bookmarks) == 1 and "Decision" not in bookmarks[0]  # the photograph only
        assert "annex_publication" in {point.field for point in result.open_points[f"{lang}/osce"]}


@pytest.mark.parametrize("kind", KINDS)
def test_confidential_documents_carry_the_case_and_the_people_they_name_only(kind):
    for document in ("wgad", "special-procedures", "domestic-complaint"):
        assert carried(document, kind) == {None, "C1"}  # C2 is not among the document's members
    for document in ("hrc", "wgad-questionnaire"):
        assert carried(document, kind, author="C2") == {"C2"}


@pytest.mark.parametrize("document", ["hrc", "wgad-questionnaire", "wgad-urgent", "special-procedures-urgent"])
def test_a_document_about_one_person_carries_the_cases_annexes_only_when_marked_for_every_package(document):
    # A decision about other people, a photograph of an event: not evidence of every author's case, nor of the
    # case of the few people an urgent appeal is about (reader s8: a rally's decision sent with a prisoner's).
    items, files = attachments_of("decision")
    chosen = select_annexes(REGISTRY[document], by_owner(items), files, ["C2"])
    assert [annex.attachment.complainant_id for annex in chosen] == ["C2"]
    marked = [dataclasses.replace(item, every_package=item.complainant_id is None) for item in items]
    chosen = select_annexes(REGISTRY[document], by_owner(marked), files, ["C2"])
    assert [(annex.number, annex.attachment.complainant_id) for annex in chosen] == [(1, None), (2, "C2")]
    # The documents about the whole case carry it either way.
    assert {a.attachment.complainant_id for a in select_annexes(REGISTRY["wgad"], by_owner(items), files, ["C2"])} \
        == {None, "C2"}


def test_the_brief_carries_no_annexes():
    assert carried("brief", "decision") == set()


def test_annexes_are_numbered_the_case_first_then_in_sheet_order():
    items = [Attachment(row=2, complainant_id="C1", kind="decision", file="x"),
             Attachment(row=3, kind="photo", file="y"),
             Attachment(row=4, complainant_id="C1", kind="power_of_attorney", file="z")]
    files = {item.row: AttachmentFile(Path(item.file), "pdf", "0" * 64) for item in items}
    annexes = select_annexes(REGISTRY["wgad"], by_owner(items), files, ["C1"])
    assert [(a.number, a.attachment.row) for a in annexes] == [(1, 3), (2, 2), (3, 4)]


def test_an_annex_is_described_in_the_document_language_and_never_with_another_languages_title():
    attachment = Attachment(row=2, kind="decision", file="x", date=datetime.date(2018, 5, 16), number="2-41",
                            titles={"en": "Decision of the Almaty City Court",
                                    "ru": "Решение Алматинского городского суда"})
    annex = Annex(3, attachment, AttachmentFile(Path("x"), "pdf", "0" * 64))
    assert describe(annex, language("en")) == "Annex 3. Decision of the Almaty City Court of 16 May 2018, No. 2-41"
    # No-break spaces before «года» and after «№».
    assert describe(annex, language("ru")) == ("Приложение 3. Решение Алматинского городского суда "
                                               "от 16 мая 2018\u00a0года №\u00a02-41")
    assert describe(annex, language("kk")) == "3-қосымша. 2018 жылғы 16 мамырдағы №\u00a02-41 шешім"


def test_an_annex_reference_follows_each_languages_word_order_and_keeps_latin_letters_in_its_number():
    attachment = Attachment(row=2, kind="decision", file="x", date=datetime.date(2018, 6, 26), number="2a-1173/2018",
                            titles={"en": "Ruling of the Specialised Administrative Court",
                                    "ru": "Постановление специализированного административного суда",
                                    "kk": "мамандандырылған әкімшілік сотының қаулысы"},
                            subjects={"en": "concerning the participants in the rally",
                                      "ru": "в отношении участников собрания",
                                      "kk": "жиынға қатысушыларға қатысты"})
    annex = Annex(1, attachment, AttachmentFile(Path("x"), "pdf", "0" * 64))
    assert describe(annex, language("en")) == ("Annex 1. Ruling of the Specialised Administrative Court of 26 June "
                                               "2018, No. 2a-1173/2018, concerning the participants in the rally")
    assert describe(annex, language("ru")) == (
        "Приложение 1. Постановление специализированного административного суда от 26 июня 2018\u00a0года "
        "№\u00a02a-1173/2018 в отношении участников собрания")
    # Kazakh: the issuer (in the genitive), the subject, then the date and number right before the
    # document's name, which they qualify (not the subject's last word); the first letter a capital.
    assert describe(annex, language("kk")) == (
        "1-қосымша. Мамандандырылған әкімшілік сотының жиынға қатысушыларға қатысты 2018 жылғы 26 маусымдағы "
        "№\u00a02a-1173/2018 қаулысы")
    undated = dataclasses.replace(attachment, date=None, number=None)
    assert describe(Annex(1, undated, annex.file), language("kk")) == (
        "1-қосымша. Мамандандырылған әкімшілік сотының жиынға қатысушыларға қатысты қаулысы")
    # Reader s8: «14 мамырдағы ұстаудан кейінгі қорытынды» dated the detention, not the report.
    medical = Attachment(row=3, kind="medical", file="x", date=datetime.date(2018, 5, 14),
                         titles={"kk": "медициналық қорытынды"}, subjects={"kk": "ұстаудан кейінгі"})
    assert describe(Annex(2, medical, annex.file), language("kk")) == (
        "2-қосымша. Ұстаудан кейінгі 2018 жылғы 14 мамырдағы медициналық қорытынды")
    photo = Attachment(row=4, kind="photo", file="x", date=datetime.date(2018, 5, 10),
                       titles={"ru": "Фотография площади, сделанная во время собрания"})
    assert describe(Annex(3, photo, annex.file), language("ru")) == (
        "Приложение 3. Фотография площади, сделанная во время собрания 10 мая 2018\u00a0года")
    assert describe(Annex(1, undated, annex.file), language("ru"), "Иванов Иван") == (
        "Приложение 1. Постановление специализированного административного суда в отношении участников "
        "собрания (Иванов Иван)")
    # Reader s9: a subject in brackets follows the title, so that a Kazakh date in it does not stand beside the
    # report's own; a person's name joins that bracket rather than opening a second one.
    aside = Attachment(row=5, kind="medical", file="x", date=datetime.date(2018, 5, 14),
                       titles={"kk": "медициналық қорытынды", "ru": "Медицинское заключение"},
                       subjects={"kk": "(2018 жылғы 10 мамырдағы ұстаудан кейін)",
                                 "ru": "(после задержания 10 мая 2018 года)"})
    assert describe(Annex(1, aside, annex.file), language("kk")) == (
        "1-қосымша. 2018 жылғы 14 мамырдағы медициналық қорытынды (2018 жылғы 10 мамырдағы ұстаудан кейін)")
    assert describe(Annex(1, aside, annex.file), language("ru"), "Иванов Иван") == (
        "Приложение 1. Медицинское заключение от 14 мая 2018\u00a0года (после задержания 10 мая 2018 года; "
        "Иванов Иван)")
    # A photograph's genitive is what it shows, not its issuer: its date comes first.
    square = dataclasses.replace(photo, titles={"kk": "жиналыс кезінде түсірілген алаңның фотосуреті"})
    assert describe(Annex(2, square, annex.file), language("kk")) == (
        "2-қосымша. 2018 жылғы 10 мамырдағы жиналыс кезінде түсірілген алаңның фотосуреті")


def test_the_stamp_is_in_the_document_language():
    assert stamp_text(language("en"), 3, 2, 5) == "Annex 3 — page 2 of 5"
    assert stamp_text(language("ru"), 3, 2, 5) == "Приложение 3 — страница 2 из 5"
    assert stamp_text(language("kk"), 3, 2, 5) == "3-қосымша — 2-бет, барлығы 5 бет"


def _pages(path: Path) -> int:
    return len(PdfReader(path).pages)


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_a_package_is_the_document_then_each_annex_stamped_and_bookmarked(example_build, lang):
    output = example_build.output
    package = output / lang / "hrc" / "C003-package.pdf"
    document = output / lang / "hrc" / "C003.pdf"
    reader = PdfReader(package)
    start = _pages(document)
    # C003's power of attorney, form and decision; not the case's decision on others, nor its photograph.
    annex_pages = [1, 1, 3]
    assert len(reader.pages) == start + sum(annex_pages)
    outline = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
    code = language(lang)
    assert outline[0] == (code.pgettext("document title", "Communication to the Human Rights Committee"), 0)
    assert [page for _, page in outline[1:]] == [start + sum(annex_pages[:k]) for k in range(len(annex_pages))]
    listed = pdf_text(document)
    if lang == "en":  # C003's power of attorney is annex 1, and the communication says so
        assert "which he or she authorised by a power of attorney of" in " ".join(listed.split())
        assert "(annex 1). Correspondence" in " ".join(listed.split())
    for number, ((title, first), pages) in enumerate(zip(outline[1:], annex_pages, strict=True), start=1):
        assert title.startswith(code.pgettext("annex", "Annex {number}. {description}").format(number=number,
                                                                                               description=""))
        assert " ".join(title.split()) in " ".join(listed.split())  # the document lists the annex as bookmarked
        for page in range(pages):
            text = " ".join(reader.pages[first + page].extract_text().split())
            assert stamp_text(code, number, page + 1, pages) in text


def _bookmarks(path: Path) -> list[str]:
    """The titles of a package's bookmarks after the document's own: one per annex. (The synthetic
    scans are pictures: their words cannot be read back, their bookmarks and page counts can.)"""
    return [item.title for item in PdfReader(path).outline][1:]


def test_public_packages_hold_no_private_scan(example_build):
    output = example_build.output
    for lang in ("en", "ru", "kk"):
        package = output / lang / "collective-complaint-package.pdf"
        document = output / lang / "collective-complaint.pdf"
        # The photograph; not the decision on the rally, which names its participants (public: no).
        assert _pages(package) == _pages(document) + 1
        assert len(_bookmarks(package)) == 1
        asked = language(lang).pgettext("open point", FIELDS["annex_publication"])[:30]
        assert asked not in " ".join(pdf_text(document).split())  # a row marked no is not asked about
    assert _bookmarks(output / "en" / "collective-complaint-package.pdf") == [
        "Annex 1. Photograph of the square taken during the rally on 10 May 2018"]
    assert not (output / "en" / "brief-package.pdf").exists()


def test_a_confidential_package_holds_only_the_scans_of_its_author_each_page_marked(example_build):
    folder = example_build.output / "en" / "hrc"
    reader = PdfReader(folder / "C012-package.pdf")
    annex_pages = [" ".join(page.extract_text().split()) for page in reader.pages[_pages(folder / "C012.pdf"):]]
    assert len(annex_pages) == 3  # C012's medical report and decision (2), none of the case's
    # No power of attorney among them: the communication does not say it is annexed.
    communication = " ".join(pdf_text(folder / "C012.pdf").split())
    assert "power of attorney of" in communication and "(annex" not in communication
    # The document's confidential mark on every annex page, never its draft mark (a scan is no draft).
    assert "en/hrc/C012" in example_build.open_points  # a draft: its own pages are marked so
    assert all("Confidential · Annex" in page and "Draft" not in page for page in annex_pages)
    assert [title.split(" of ")[0] for title in _bookmarks(folder / "C012-package.pdf")] == [
        "Annex 1. Medical report after detention", "Annex 2. Appeal decision"]


def test_in_a_document_about_many_people_each_persons_annex_names_them_as_the_document_does(example_build):
    from complaints.context import display_name

    members = {member.person.complainant_id: member for member in example_build.loaded.case.members}
    for lang in ("en", "ru", "kk"):
        code = language(lang)
        bookmarks = _bookmarks(example_build.output / lang / "wgad-package.pdf")
        # A confidential document names everyone it concerns; the person's annexes say whose they are.
        names = {key: display_name(code, member, public=False) for key, member in members.items()}
        # The name closes the annex's own bracket where it has one («(после задержания …; Фамилия Имя)»).
        def whose(line: str, name: str) -> bool:
            return line.endswith((f"({name})", f"; {name})"))
        for key in ("C003", "C005", "C012"):
            assert any(whose(line, names[key]) for line in bookmarks), (lang, key, bookmarks)
        case_wide = [line for line in bookmarks if not any(whose(line, n) for n in names.values())]
        assert case_wide and not any(name in line for line in case_wide for name in names.values())
        # A document about one person does not repeat its author's name on each annex.
        own = _bookmarks(example_build.output / lang / "hrc" / "C012-package.pdf")
        assert own and not any(names["C012"] in line for line in own)


def test_the_manifest_records_every_annex_and_verify_covers_packages(example_build):
    manifest = json.loads((example_build.output / MANIFEST).read_text("utf-8"))
    annexes = manifest["annexes"]
    assert len(annexes) == 8
    for name, digest in annexes.items():
        assert hashlib.sha256((example_build.loaded.files.attachments_root / name).read_bytes()).hexdigest() == digest
    assert "en/hrc/C003-package.pdf" in manifest["outputs"]
    assert verify(example_build.output).problems == []


def _scan(pages: int, width: float = 595) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=width, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def small_case_with_annex(folder: Path) -> Path:
    folder.mkdir()
    workbook = write_workbook(folder / "case.xlsx", events=[event("e1")], people=[person("C1")],
                              episodes=[episode("C1", "e1")])
    book = openpyxl.load_workbook(workbook)
    sheet = book.create_sheet("Attachments")
    header = [column.key for column in ATTACHMENTS.columns]
    sheet.append(header)
    for row in ({"kind": "decision", "file": "decision.pdf", "title_en": "Decision on the rally", "public": "yes"},
                {"kind": "photo", "file": "photo.pdf", "public": "yes"}):
        sheet.append([row.get(key) for key in header])
    book.save(workbook)
    (folder / "decision.pdf").write_bytes(_scan(2))
    (folder / "photo.pdf").write_bytes(_scan(1))
    return folder


@pytest.mark.slow
def test_a_changed_scan_remakes_its_packages_only_and_an_unchanged_one_is_kept(tmp_path):
    case = small_case_with_annex(tmp_path / "case")
    options = dict(langs=["en"], formats=["pdf"], documents=["collective-complaint", "osce"],
                   output_root=tmp_path / "out", today=TODAY)
    first = build(case, **options)
    package = first.output / "en" / "collective-complaint-package.pdf"
    assert _pages(package) == _pages(first.output / "en" / "collective-complaint.pdf") + 3
    again = build(case, **options)
    assert {p.name for p in again.reused} == {"collective-complaint.pdf", "collective-complaint-package.pdf",
                                              "osce.pdf", "osce-package.pdf"}
    (case / "photo.pdf").write_bytes(_scan(2))
    changed = build(case, **options)
    assert {p.name for p in changed.reused} == {"collective-complaint.pdf", "osce.pdf"}
    assert _pages(package) == _pages(first.output / "en" / "collective-complaint.pdf") + 4
    assert verify(changed.output).problems == []
    package.write_bytes(package.read_bytes() + b"\n")
    assert [str(p) for p in verify(changed.output).problems] == ["changed: en/collective-complaint-package.pdf"]


@pytest.mark.slow
def test_the_build_summary_names_the_files_of_each_submission(tmp_path):
    case = small_case_with_annex(tmp_path / "case")
    result = build(case, langs=["en"], formats=["pdf", "docx"], documents=["collective-complaint"],
                   output_root=tmp_path / "out", today=TODAY)
    [summary] = result.documents()
    assert summary.files == {"en": ["en/collective-complaint-package.pdf"]}


def _word_boxes(path: Path, page: int) -> tuple[float, dict[str, tuple[float, float]]]:
    """The visible height of page `page` (1-based) and each word's top and bottom, in points from the
    visible box's top, as pdftotext -bbox reads them (it draws form XObjects as a viewer does)."""
    import re
    import subprocess
    xhtml = subprocess.run(["pdftotext", "-cropbox", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                           capture_output=True, text=True, check=True).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', xhtml).group(1))
    words = {word: (float(top), float(bottom)) for top, bottom, word in
             re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</word>', xhtml)}
    return height, words


@pytest.mark.parametrize("crop", [None, (20, 30, 400, 700)])
def test_a_stamp_never_covers_a_scan_that_fills_its_page_to_the_foot(tmp_path, crop):
    """The annex's own content is shrunk above the stamp's band, inside the box a viewer shows."""
    from complaints.packages import STAMP_BAND, assemble
    from complaints.render_pdf import render_pdf

    page_css = "@page { size: 420pt 720pt; margin: 0 }"
    foot = crop[1] if crop else 0  # the foot of the visible box
    html = (f"<html><head><style>{page_css} p {{ position: absolute; bottom: {foot}pt; left: 30pt; margin: 0;"
            " font-size: 12pt }</style></head><body><p>FOOTLINE</p></body></html>")
    scan, _ = render_pdf(html, "test scan")
    if crop:
        reader = PdfReader(io.BytesIO(scan))
        writer = PdfWriter()
        writer.add_page(reader.pages[0])
        writer.pages[0].cropbox.lower_left, writer.pages[0].cropbox.upper_right = crop[:2], crop[2:]
        buffer = io.BytesIO()
        writer.write(buffer)
        scan = buffer.getvalue()
    path = tmp_path / "scan.pdf"
    path.write_bytes(scan)
    document, _ = render_pdf("<html><body><p>The document.</p></body></html>", "test document")
    annex = Annex(1, Attachment(row=2, kind="decision", file="scan.pdf"),
                  AttachmentFile(path, "pdf", hashlib.sha256(scan).hexdigest()))
    package = tmp_path / "package.pdf"
    package.write_bytes(assemble(document, "Doc", [annex], ["Annex 1. A decision"], language("en")))
    height, words = _word_boxes(package, len(PdfReader(package).pages))
    assert height == (crop[3] - crop[1] if crop else 720)  # the stamp is laid on the box a viewer shows
    assert height - STAMP_BAND <= words["Annex"][0] < words["Annex"][1] <= height  # the stamp, in its band
    assert words["FOOTLINE"][1] <= height - STAMP_BAND + 3  # the scan's last line above it (descenders aside)
