"""End to end: the example case built in three languages and two formats, read back as text."""

from __future__ import annotations

import datetime
import json
import re
from collections import Counter

import docx
import pytest
from pypdf import PdfReader

from complaints.build import build
from complaints.counts import count
from complaints.documents import REGISTRY
from complaints.errors import BuildError, InvalidData
from complaints.i18n import language
from complaints.render_pdf import check_glyphs

from conftest import TODAY, docx_text, episode, event, flat, pdf_text, person, write_workbook

LANGS = ("en", "ru", "kk")


def words(text: str) -> list[str]:
    # pdftotext drops the hyphen of a word broken across lines ("Усть-" + "Каменогорск").
    return [word.replace("-", "") for word in text.split()]


def body_words(pdf: str, lang: str) -> Counter:
    """The words of the PDF without its page numbers."""
    label = language(lang).pgettext("page label", "Page {page} of {pages}")
    page_line = re.compile(re.escape(label).replace(r"\{page\}", r"\d+").replace(r"\{pages\}", r"\d+"))
    found: Counter = Counter()
    for line in pdf.splitlines():
        if not page_line.fullmatch(line.strip()):
            found.update(words(line))
    return found


@pytest.fixture(scope="session")
def texts(example_build):
    result = {}
    for lang in LANGS:
        folder = example_build.output / lang
        result[lang] = (pdf_text(folder / "collective-complaint.pdf"),
                        docx_text(folder / "collective-complaint.docx"))
    return result


def test_the_manifest_lists_every_output(example_build):
    names = sorted(p.relative_to(example_build.output).as_posix() for p in example_build.files)
    assert {f"{lang}/collective-complaint.{fmt}" for lang in LANGS for fmt in ("docx", "pdf")} <= set(names)
    manifest = json.loads((example_build.output / "manifest.json").read_text())
    assert sorted(manifest["outputs"]) == sorted(names + ["figures.xlsx"])
    assert manifest["counts"]["complainants"] == example_build.counts.complainants


@pytest.fixture(scope="session")
def complaint_counts(example_build):
    """The figures of the collective complaint: its complainants authorised publication."""
    case = example_build.loaded.case
    members, unauthorised = REGISTRY["collective-complaint"].members(case.members, example_build.day)
    return count(case, members, len(unauthorised))


@pytest.mark.parametrize("lang", LANGS)
def test_docx_and_pdf_carry_the_same_text(texts, example_build, lang):
    """Every word of the DOCX is in the PDF, and the PDF adds only what repeats on each page."""
    pdf, docx_ = texts[lang]
    pdf_words, docx_words = body_words(pdf, lang), Counter(words(docx_))
    assert docx_words - pdf_words == Counter()
    title = language(lang).pgettext("document title", "Collective complaint")
    # The page header repeats the title and, in a draft, the draft mark (the DOCX has them in its header part).
    title += " " + language(lang).pgettext("mark", "Draft")
    tables = docx.Document(str(example_build.output / lang / "collective-complaint.docx")).tables
    # A table's header row repeats on every page it runs onto.
    repeated = set(words(title)) | {w for table in tables for cell in table.rows[0].cells for w in words(cell.text)}
    # Word numbers its lists and headings itself ("•", "2.", "3.1.", "IV.").
    numbers = {word for word in pdf_words - docx_words if re.fullmatch(r"•|(\d+\.)+|[IVX]+\.", word)}
    assert set(pdf_words - docx_words) - numbers <= repeated
    headings = [p.text for p in docx.Document(str(example_build.output / lang / "collective-complaint.docx")).paragraphs
                if p.style.name.startswith("Heading")]
    flat_pdf, position = flat(pdf), 0
    for heading in headings:
        position = flat_pdf.index(flat(heading), position)


def test_english_figures(texts, complaint_counts):
    counts = complaint_counts
    for text in texts["en"]:
        text = flat(text)
        assert f"submitted on behalf of {counts.complainants} complainants" in text
        assert f"live in {counts.cities} cities and towns of Kazakhstan" in text
        assert f"In total, {counts.appeals} appeals were received" in text
        assert f"Of the appeals received, {counts.excluded} could not be included" in text
        assert f"In total, {counts.episodes} acts of persecution" in text
        for item in counts.events:
            assert (f"This event concerns {item.complainants} complainants "
                    f"({item.episodes} acts of persecution)") in text
        assert "These events" not in text  # each event is its own section
        for measure in counts.measures:
            assert f"{measure.complainants} complainant" in text


def test_russian_figures_agree_in_number_and_case(texts, complaint_counts):
    counts = complaint_counts
    assert counts.complainants == 40 and counts.excluded == 8

    def genitive(n):
        return "заявителя" if n % 10 == 1 and n % 100 != 11 else "заявителей"

    for text in texts["ru"]:
        text = flat(text)
        assert f"подана от имени {counts.complainants} {genitive(counts.complainants)}." in text
        assert f"Всего поступило {counts.appeals} обращений" in text
        for item in counts.events:
            assert f"Это событие касается {item.complainants} {genitive(item.complainants)}" in text
        assert "Эти события" not in text


def test_kazakh_figures(texts, complaint_counts):
    counts = complaint_counts
    for text in texts["kk"]:
        text = flat(text)
        assert f"{counts.complainants} шағымданушы" in text
        assert "шағымданушылар" not in text.split(f"{counts.complainants} ", 1)[1][:20]


def test_dates_are_in_the_language_of_the_document(texts):
    assert "1 November 2018" in flat(texts["en"][0])
    assert "1 ноября 2018 года" in flat(texts["ru"][0])
    assert "2018 жылғы 1 қараша" in flat(texts["kk"][0])


def test_places_use_the_official_name_of_the_document_language(texts):
    assert "Уральск" in texts["ru"][1] and "Орал" in texts["kk"][1] and "Oral" in texts["en"][1]
    for stale in ("Нур-Султан", "Ақмола", "Семипалатинск", "Усть-Каменогорск"):
        assert stale not in texts["kk"][1]


def test_people_without_consent_appear_only_as_a_pseudonym(texts, example_build):
    """No name of a complainant who did not consent, in either alphabet; no identity data at all."""
    case = example_build.loaded.case
    everything = "\n".join(pdf + "\n" + docx_ for pdf, docx_ in texts.values())
    for member in case.members:
        person_ = member.person
        if person_.consent_to_name:
            continue
        for name in (person_.surname, person_.surname_latin):
            if name:
                assert name.casefold() not in everything.casefold(), member.number
        assert f"Complainant No. {member.number}" in texts["en"][1]
        assert f"Заявитель № {member.number}" in texts["ru"][1]
        assert f"№ {member.number} шағымданушы" in texts["kk"][1]
    for member in case.members:
        person_ = member.person
        for secret in (person_.id_document, person_.contact):
            if secret:
                assert secret not in everything
        if person_.date_of_birth:
            birth = person_.date_of_birth
            for shown in (birth.isoformat(), birth.strftime("%d.%m.%Y")):
                assert shown not in everything


def test_named_complainants_are_named(texts, example_build):
    members, _ = REGISTRY["collective-complaint"].members(example_build.loaded.case.members, example_build.day)
    named = [m for m in members if m.person.consent_to_name]
    assert named
    for member in named:
        assert member.person.surname in texts["ru"][1]


def test_pdf_metadata_and_embedded_fonts(example_build):
    reader = PdfReader(example_build.output / "ru" / "collective-complaint.pdf")
    assert reader.metadata.title == "Коллективная жалоба"
    assert reader.trailer["/Root"]["/Lang"] == "ru"
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (font["/FontDescriptor"] if "/FontDescriptor" in font
                          else font["/DescendantFonts"][0].get_object()["/FontDescriptor"])
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert fonts and all(name.startswith("Document-Serif") for name in fonts)


def small_case(tmp_path, **changes):
    events = [event("e1", label_en="the rally of {{ 7*7 }} {% if %} & <friends>",
                    summary_en="Police & akimat: fewer than <50> people.", **changes)]
    people = [person("C1", given_name="Ержан & Co", given_name_latin="{{ 7*7 }}")]
    return write_workbook(tmp_path / "small.xlsx", events=events, people=people,
                          episodes=[episode("C1", "e1")])


def test_workbook_text_is_inert(tmp_path):
    result = build(small_case(tmp_path), langs=("en",), documents=("collective-complaint",),
                   output_root=tmp_path / "out", today=TODAY)
    for path in result.files:
        text = flat(pdf_text(path) if path.suffix == ".pdf" else docx_text(path))
        assert "the rally of {{ 7*7 }} {% if %} & <friends>".capitalize()[:10] in text
        assert "{{ 7*7 }} {% if %} & <friends>" in text
        assert "Police & akimat: fewer than <50> people." in text
        assert "49" not in text and "&amp;" not in text


def test_a_missing_glyph_fails_the_build_and_writes_nothing(tmp_path):
    path = small_case(tmp_path, summary_ru="Митинг 漢")
    with pytest.raises(InvalidData):  # validation names the cell first (tests/test_validate_first.py)
        build(path, langs=("ru",), output_root=tmp_path / "out", today=TODAY)
    assert not (tmp_path / "out").exists()
    # What comes from elsewhere (a catalog, a template) meets the same check when it is rendered.
    with pytest.raises(BuildError, match="U\\+6F22"):
        check_glyphs("Митинг 漢", "ru/brief")


def test_every_kazakh_letter_is_in_the_embedded_font(tmp_path):
    letters = "Әсем ғимарат қала маңы өлке ұлы үй һәм іні ӘҒҚҢӨҰҮҺІ"
    path = small_case(tmp_path, summary_kk=letters)
    result = build(path, langs=("kk",), formats=("pdf",), output_root=tmp_path / "out", today=TODAY)
    assert letters in pdf_text(result.files[0])


@pytest.mark.slow
def test_a_second_build_replaces_the_first_whole(tmp_path):
    path = small_case(tmp_path)
    first = build(path, langs=("en", "ru"), formats=("pdf",), output_root=tmp_path / "out", today=TODAY)
    assert (first.output / "ru").exists()
    second = build(path, langs=("en",), formats=("pdf",), output_root=tmp_path / "out", today=TODAY)
    assert sorted(p.name for p in second.output.iterdir()) == ["en", "figures.xlsx", "manifest.json"]
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["small"]


def test_outputs_are_private(tmp_path):
    result = build(small_case(tmp_path), langs=("en",), formats=("pdf",), output_root=tmp_path / "out",
                   today=TODAY)
    assert result.output.stat().st_mode & 0o777 == 0o700
    assert all(path.stat().st_mode & 0o777 == 0o600 for path in result.files)


@pytest.mark.slow
def test_builds_are_reproducible(tmp_path, monkeypatch):
    """The same inputs give byte-identical files, whatever the day they are built on."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1541030400")  # 2018-11-01
    path = small_case(tmp_path)
    first = build(path, output_root=tmp_path / "a", today=TODAY)
    second = build(path, output_root=tmp_path / "b", today=datetime.date(2030, 1, 1))
    assert len(first.files) == len(second.files) > 30
    for a, b in zip(first.files, second.files, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert (first.output / "manifest.json").read_bytes() == (second.output / "manifest.json").read_bytes()
    assert "1 November 2018" in flat(pdf_text(first.output / "en" / "collective-complaint.pdf"))
