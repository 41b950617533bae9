"""The submissions of issue 3, read back from the built example case."""

from __future__ import annotations

import datetime
import re

import docx
import pytest
from pypdf import PdfReader

from complaints.build import build
from complaints.collation import alphabetical
from complaints.context import latin_name
from complaints.documents import DEFAULT_DOCUMENTS, REGISTRY
from complaints.law import DEPRIVATION_OF_LIBERTY

from conftest import TODAY, docx_text, episode, event, flat, pdf_text, person, write_workbook

LANGS = ("en", "ru", "kk")


def members_of(example_build, name):
    return REGISTRY[name].members(example_build.loaded.case.members, example_build.day)


def text(example_build, lang, relative):
    return flat(pdf_text(example_build.output / lang / relative))


def test_every_document_in_every_language_and_format(example_build):
    built = {p.relative_to(example_build.output).as_posix() for p in example_build.files}
    expected = set()
    for name in DEFAULT_DOCUMENTS:  # the urgent appeals are built only when case.toml asks
        document = REGISTRY[name]
        authors = [m.person.complainant_id for m in members_of(example_build, name)[0]]
        for lang in LANGS:
            for fmt in ("docx", "pdf"):
                if document.per_member:
                    expected |= {f"{lang}/{name}/{author}.{fmt}" for author in authors}
                else:
                    expected.add(f"{lang}/{name}.{fmt}")
    # Beside a PDF with annexes, its package (test_packages says what each holds).
    packages = {path for path in built if path.endswith("-package.pdf")}
    assert built - packages == expected
    assert packages and {path.removesuffix("-package.pdf") + ".pdf" for path in packages} <= expected


def test_one_hrc_communication_per_author_with_authorisation(example_build):
    authors, unauthorised = members_of(example_build, "hrc")
    everyone = {m.person.complainant_id for m in example_build.loaded.case.members}
    assert {m.person.complainant_id for m in authors} == {
        m.person.complainant_id for m in example_build.loaded.case.members if "represent" in m.person.poa_scope}
    assert not unauthorised or everyone - {m.person.complainant_id for m in authors}
    for member in authors:
        content = text(example_build, "en", f"hrc/{member.person.complainant_id}.pdf")
        surname = (member.person.surname_latin or "").title()
        assert surname in content or not surname
        for heading in ("I. Information concerning the author", "II. State party concerned",
                        "III. Exhaustion of domestic remedies", "IV. Facts of the claim", "V. Remedies sought"):
            assert heading in content
        assert f"by a power of attorney of {member.person.poa_date.day} " in content
        others = [m for m in authors if m is not member]
        for other in others[:3]:
            assert other.person.id_document not in content


def test_wgad_has_a_cover_letter_and_one_questionnaire_per_person_deprived_of_liberty(example_build):
    deprived = [m for m in example_build.loaded.case.members
                if "represent" in m.person.poa_scope
                and any(e.measure in DEPRIVATION_OF_LIBERTY for e in m.episodes)]
    for name in ("wgad", "wgad-questionnaire"):
        members, _ = members_of(example_build, name)
        assert [m.person.complainant_id for m in members] == [m.person.complainant_id for m in deprived]
    cover = text(example_build, "en", "wgad.pdf")
    assert f"On behalf of {len(deprived)} persons deprived of liberty" in cover
    assert "Questionnaire" not in cover.replace("questionnaires", "")
    assert all(m.person.id_document not in cover for m in deprived if m.person.id_document)
    questionnaires = sorted(path for path in (example_build.output / "en" / "wgad-questionnaire").glob("*.pdf")
                            if not path.name.endswith("-package.pdf"))
    assert [path.stem for path in questionnaires] == sorted(m.person.complainant_id for m in deprived)
    for member in deprived:
        content = text(example_build, "en", f"wgad-questionnaire/{member.person.complainant_id}.pdf")
        # Numbered as in the cover letter's list, which numbers people as the annex does.
        assert re.search(rf"Questionnaire {member.number}: \S", content)
        assert f"{member.number} " in cover
        for section in ("I. Identity", "II. Arrest", "III. Detention", "IV. Circumstances", "V. Domestic steps",
                        "VI. Person or organisation submitting this questionnaire"):
            assert content.count(section) == 1
        # The questionnaire asks for the identity document; a confidential submission may carry it.
        if member.person.id_document:
            assert member.person.id_document in content
        assert all(other.person.id_document not in content for other in deprived
                   if other is not member and other.person.id_document)


def test_special_procedures_consent_flags_come_from_the_workbook(example_build):
    members, _ = members_of(example_build, "special-procedures")
    document = docx.Document(str(example_build.output / "en" / "special-procedures.docx"))
    victims = next(t for t in document.tables if t.rows[0].cells[-1].text == "Named in public reports")
    rows = [[cell.text for cell in row.cells] for row in victims.rows[1:]]
    assert len(rows) == len(members)
    by_name = {latin_name(member): member for member in members}
    assert len(by_name) == len(members)
    # The victims are listed alphabetically, surname first.
    assert [row[1] for row in rows] == alphabetical("en", by_name, lambda name: " ".join(reversed(name.split(" ", 1))))
    for row in rows:
        member = by_name[row[1]]
        assert row[0] == str(member.number)  # the number the person has in every document of the case
        assert row[-1] == ("yes" if member.person.consent_to_name else "no")
    # Named to the Government only as the consent_to_government cell says (a power to represent is not it): the
    # example records it for no one, so the column gives way to the one question above the table.
    assert not any(m.person.consent_to_government in ("yes", "no") for m in members)
    assert "Named to the Government" not in [cell.text for cell in victims.rows[0].cells]
    asked = "Named to the Government: [to complete: whether each person consents to his or her name being given to"
    assert asked in docx_text(example_build.output / "en" / "special-procedures.docx")


def test_scope_decides_who_appears_where(example_build):
    case = example_build.loaded.case
    domestic = text(example_build, "ru", "domestic-complaint.pdf")
    collective = text(example_build, "ru", "collective-complaint.pdf")
    for member in case.members:
        person_ = member.person
        full = f"{person_.surname} {person_.given_name}"
        assert (full in domestic) == ("appeal" in person_.poa_scope), member.person.complainant_id
        if person_.consent_to_name:
            assert (full in collective) == ("publish" in person_.poa_scope), member.person.complainant_id


def test_no_contact_detail_anywhere_and_no_identity_number_in_public_documents(example_build):
    case = example_build.loaded.case
    contacts = [m.person.contact for m in case.members if m.person.contact]
    numbers = [m.person.id_document for m in case.members if m.person.id_document]
    assert contacts and numbers
    for path in example_build.files:
        content = pdf_text(path) if path.suffix == ".pdf" else docx_text(path)
        for contact in contacts:
            for piece in re.split(r";\s*", contact):
                assert piece not in content, path
        name = path.relative_to(example_build.output).parts[1].split(".")[0].removesuffix("-package")
        if REGISTRY[name].public:
            for number in numbers:
                assert number not in content, path


def test_confidential_documents_are_marked_on_every_page(example_build):
    marks = {"en": "Confidential", "ru": "Конфиденциально", "kk": "Құпия"}
    checked = 0
    for path in example_build.files:
        lang, name = path.relative_to(example_build.output).parts[:2]
        document = REGISTRY[name.split(".")[0].removesuffix("-package")]
        if path.suffix == ".pdf":
            pages = [page for page in pdf_text(path).split("\f") if page.strip()]
            marked = [marks[lang] in page for page in pages]
            assert all(marked) if not document.public else not any(marked), path
            checked += not document.public
        else:
            header = "\n".join(p.text for s in docx.Document(str(path)).sections for p in s.header.paragraphs)
            assert (marks[lang] in header) == (not document.public), path
    assert checked > 40


@pytest.mark.parametrize("name", ["wgad", "wgad-questionnaire/C001", "special-procedures", "hrc/C001", "osce",
                                  "domestic-complaint"])
def test_a_language_the_body_does_not_accept_is_a_courtesy_translation(example_build, name):
    document = REGISTRY[name.split("/")[0]]
    notes = {"en": "Courtesy translation", "ru": "неофициальный перевод", "kk": "ресми емес аударма"}
    for lang in LANGS:
        first_page = pdf_text(example_build.output / lang / f"{name}.pdf").split("\f")[0]
        assert (notes[lang].casefold() in first_page.casefold()) == (lang not in document.accepted_languages), lang


def test_pdfs_carry_title_language_and_pdfa(example_build):
    for name in ("wgad", "brief"):
        reader = PdfReader(example_build.output / "ru" / f"{name}.pdf")
        assert reader.metadata.title
        assert reader.trailer["/Root"]["/Lang"] == "ru"
        xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
        assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="U"' in xmp


def test_osce_and_brief_figures(example_build):
    counts = example_build.counts
    osce = text(example_build, "en", "osce.pdf")
    members, _ = members_of(example_build, "osce")
    assert f"concerns {len(members)} persons" in osce
    brief = text(example_build, "ru", "brief.pdf")
    period = example_build.loaded.settings.periods[1]
    members, _ = members_of(example_build, "brief")
    in_period = [e for m in members for e in m.episodes
                 if e.date and period.start <= e.date <= period.end]
    assert counts.episodes >= len(in_period) > 0
    assert f"{period.label['ru'].capitalize()}" in brief
    fines = [e for e in in_period if e.measure == "fine"]
    if fines:
        total = sum(int(re.sub(r"\D", "", e.penalty)) for e in fines)
        assert f"{total:,}".replace(",", " ") + " тенге" in brief  # flat() turns the no-break space into a space


def test_brief_counts_legal_provisions_in_every_language(example_build):
    en = text(example_build, "en", "brief.pdf")
    ru = text(example_build, "ru", "brief.pdf")
    kk = text(example_build, "kk", "brief.pdf")
    # Lists use short references; a measure all under one article says so instead of repeating the count.
    # "Both" for two (reader s8: «2 (все — …)»).
    for pattern, text_, both in ((r"Administrative arrest: (\d+) \((all|both) under art\. 488 CAO\)", en, "both"),
                                 (r"Административный арест: (\d+) \((все|оба) — по ст\. 488 КоАП РК\)", ru, "оба"),
                                 (r"Әкімшілік қамаққа алу: (\d+) \((бәрі|екеуі де) — ҚР ӘҚБтК 488-бабы бойынша\)",
                                  kk, "екеуі де")):
        found = re.search(pattern, text_)
        assert found and (found[2] == both) == (found[1] == "2"), pattern
    # Parts that make up the whole break it down in brackets: not "of which" ("из них"), which reads as
    # a part of the whole, nor "including" ("в том числе"), which says some are not listed.
    assert re.search(r"Criminal case: \d+ \(\d+ under art\. 405\(2\) CC, \d+ under art\. 174 CC\)", en)
    assert re.search(r"Уголовное преследование: \d+ \(\d+ — по ч\. 2 ст\. 405 УК РК, \d+ — по ст\. 174 УК РК\)", ru)
    assert re.search(r"\d+ \(ҚР ҚК 405-бабының 2-бөлігі бойынша — \d+", kk)
    assert not re.search(r"из них \d+ — по", ru)


@pytest.mark.slow
def test_a_long_communication_opens_with_a_summary(tmp_path):
    start = datetime.date(2018, 1, 1)
    many = [episode("C1", None, "detention", date=start + datetime.timedelta(days=i),
                    description="Detained at the square and held for the whole day without any record. " * 4)
            for i in range(220)]
    path = write_workbook(tmp_path / "long.xlsx", events=[event()],
                          people=[person("C1"), person("C2", id_document="2")], episodes=many + [episode("C2")])
    result = build(path, langs=("en",), formats=("pdf",), documents=("hrc",), output_root=tmp_path / "out",
                   today=TODAY)
    long_one = pdf_text(result.output / "en" / "hrc" / "C1.pdf")
    short_one = pdf_text(result.output / "en" / "hrc" / "C2.pdf")
    assert long_one.count("\f") > 20
    assert "Summary of the communication" in long_one.split("\f")[0] + long_one.split("\f")[1]
    assert "Summary of the communication" not in short_one


def test_no_sentences_run_together(example_build):
    """Joined messages keep their spaces: no "2018.We" anywhere."""
    glued = re.compile(r"[a-zа-яёәғқңөұүһі\)]\.[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|г\.\.")
    # A case.toml key an open point names («interim_measures.C042.request») is one word, not two sentences.
    setting = re.compile(r"\b[a-z_]+\.C\d+\.[a-z_]+\b")
    for path in example_build.files:
        if path.suffix == ".pdf":
            content = setting.sub("", flat(pdf_text(path)))
            assert not glued.search(content), (path, glued.search(content))
