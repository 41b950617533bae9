"""Every bad input gets one clear answer: a corpus of malformed inputs, all generated here.

Each case builds its input, runs `complaints validate` through the CLI and asserts the
exit code (1 invalid data, 2 unreadable) and either the one line naming the file or the
issue code and cell; then that `build` writes nothing and `--annotate` copes.
"""

from __future__ import annotations

import base64
import datetime
import json
import random
import re
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from complaints.cli import main
from complaints.pipeline import load

from conftest import PERSON_HEADER, REPO, TODAY, person, write_workbook

SPREADSHEETML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEET_PARTS = {"Events": "xl/worksheets/sheet1.xml", "Complainants": "xl/worksheets/sheet2.xml",
               "Episodes": "xl/worksheets/sheet3.xml"}
CSV_HEADERS = {
    "events.csv": ["event_id", "date", "label_en", "label_ru", "label_kk"],
    "complainants.csv": ["complainant_id", "surname", "given_name", "surname_latin", "given_name_latin",
                         "appeal_form_date", "poa_date"],
    "episodes.csv": ["complainant_id", "event_id", "measure"],
}
CSV_ROWS = {
    "events.csv": [["rally", "2018-05-10", "the rally", "митинг", "жиын"]],
    "complainants.csv": [["C1", "Оспанова", "Айгерим", "OSPANOVA", "AIGERIM", "01.06.2018", "02.06.2018"]],
    "episodes.csv": [["C1", "rally", "задержание"]],
}


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


# --- ways to make a broken file -------------------------------------------------------------------

def rewrite(path: Path, part: str, change) -> Path:
    """Rewrite one member of a zip archive with change(bytes) -> bytes."""
    with zipfile.ZipFile(path) as source:
        members = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            target.writestr(name, change(data) if name == part else data)
    return path


def replace_cell(path: Path, sheet: str, ref: str, xml: str) -> Path:
    """Put raw cell XML (a formula, an escape Excel writes) where openpyxl wrote cell `ref`."""
    def change(data: bytes) -> bytes:
        pattern = rb'<c r="' + ref.encode() + rb'"[^>]*?(/>|>.*?</c>)'
        patched, count = re.subn(pattern, lambda match: xml.encode(), data, count=1)
        assert count == 1, ref
        return patched
    return rewrite(path, SHEET_PARTS[sheet], change)


def edit(path: Path, change) -> Path:
    """Load the workbook whole, apply change(book), save it again."""
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)
    return path


def ole2(streams: list[str]) -> bytes:
    """A compound-file header and a directory sector naming `streams`: what the check reads."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    directory = bytearray()
    for kind, name in [(5, "Root Entry"), *((2, stream) for stream in streams)]:
        entry = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        entry[: len(encoded)] = encoded
        struct.pack_into("<HB", entry, 64, len(encoded), kind)
        directory += entry
    return bytes(header) + bytes(directory.ljust(512, b"\0"))


def declare_size(path: Path, part: str, size: int) -> Path:
    """Forge the size the central directory declares for `part`."""
    data = bytearray(path.read_bytes())
    start = data.find(b"PK\x01\x02")
    while start != -1:
        name_length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46: start + 46 + name_length] == part.encode():
            struct.pack_into("<I", data, start + 24, size)
        start = data.find(b"PK\x01\x02", start + 46)
    path.write_bytes(bytes(data))
    return path


def csv_folder(folder: Path, encoding="utf-8-sig", delimiter=",", files=None, rows=None) -> Path:
    folder.mkdir()
    rows = rows or {}
    for name, header in (files or CSV_HEADERS).items():
        lines = [header, *rows.get(name, CSV_ROWS[name])]
        text = "\r\n".join(delimiter.join(cells) for cells in lines) + "\r\n"
        (folder / name).write_bytes(text.encode(encoding))
    return folder


def book(tmp_path, **kwargs) -> Path:
    return write_workbook(tmp_path / "case.xlsx", **kwargs)


# --- the corpus -----------------------------------------------------------------------------------

CASES = {}


def case(exit_code: int, message: str | None = None, issue: tuple | None = None, check=None):
    """message: a phrase of the one-line error; issue: (severity, code, sheet, cell) in the report;
    check: a test of the loaded case, for inputs that are repaired rather than reported."""
    def register(make):
        CASES[make.__name__] = (make, exit_code, message, issue, check)
        return make
    return register


@case(2, "not a zip archive")
def not_a_zip(tmp_path):
    path = tmp_path / "case.xlsx"
    path.write_text("complainant_id,surname\nC1,Оспанова\n", encoding="utf-8")
    return path


@case(2, "an empty file")
def zero_bytes(tmp_path):
    path = tmp_path / "case.xlsx"
    path.write_bytes(b"")
    return path


@case(2, "an Excel 97-2003 (.xls) workbook")
def old_xls(tmp_path):
    path = tmp_path / "case.xlsx"
    path.write_bytes(ole2(["Workbook", "\x05SummaryInformation"]))
    return path


@case(2, "protected by a password")
def encrypted_workbook(tmp_path):
    path = tmp_path / "case.xlsx"
    path.write_bytes(ole2(["EncryptionInfo", "EncryptedPackage"]))
    return path


@case(2, "a damaged zip archive")
def damaged_zip(tmp_path):
    path = tmp_path / "case.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    return path


@case(2, "a damaged zip archive")
def truncated_workbook(tmp_path):
    path = book(tmp_path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return path


@case(2, "not a readable .xlsx workbook")
def zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "case.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    return path


@case(2, "not a readable .xlsx workbook (BadZipFile)")
def forged_member_size(tmp_path):
    # A bomb that understates its size is cut off at the declared size and fails its checksum.
    return declare_size(book(tmp_path), SHEET_PARTS["Complainants"], 100)


@case(2, "not a readable .xlsx workbook")
def shared_string_out_of_range(tmp_path):
    return replace_cell(book(tmp_path), "Complainants", "B2", '<c r="B2" t="s"><v>99</v></c>')


@case(2, "not a readable .xlsx workbook (damaged XML)")
def broken_sheet_xml(tmp_path):
    return rewrite(book(tmp_path), SHEET_PARTS["Episodes"], lambda data: data[: len(data) // 2])


ENTITIES = '<!ENTITY a "aaaaaaaaaa">' + "".join(
    f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdefgh", "bcdefghi", strict=True))


@case(2, "declares a DTD")
def entity_expansion_in_sheet_xml(tmp_path):
    def attack(data: bytes) -> bytes:
        data = data.replace(b"<worksheet", f"<!DOCTYPE worksheet [{ENTITIES}]><worksheet".encode(), 1)
        return data.replace(b"<t>OSPANOVA</t>", b"<t>&i;</t>", 1)
    return rewrite(book(tmp_path), SHEET_PARTS["Complainants"], attack)


@case(2, "declares a DTD")
def entity_expansion_in_shared_strings(tmp_path):
    path = replace_cell(book(tmp_path), "Complainants", "B2", '<c r="B2" t="s"><v>0</v></c>')
    strings = (f'<?xml version="1.0"?><!DOCTYPE sst [{ENTITIES}]><sst xmlns="{SPREADSHEETML}">'
               '<si><t>&i;</t></si></sst>')
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/sharedStrings.xml", strings)
    return rewrite(path, "[Content_Types].xml", lambda data: data.replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))


@case(2, "declares a DTD")
def external_document_type_in_sheet_xml(tmp_path):
    return rewrite(book(tmp_path), SHEET_PARTS["Episodes"], lambda data: data.replace(
        b"<worksheet", b'<!DOCTYPE worksheet SYSTEM "http://example.invalid/x.dtd"><worksheet', 1))


@case(2, "declares a DTD")
def entity_expansion_in_workbook_xml(tmp_path):
    def attack(data: bytes) -> bytes:
        data = data.replace(b"<workbook", f"<!DOCTYPE workbook [{ENTITIES}]><workbook".encode(), 1)
        return data.replace(b'name="Events"', b'name="&i;"', 1)
    return rewrite(book(tmp_path), "xl/workbook.xml", attack)


@case(2, "none of the sheets Events, Complainants, Episodes")
def empty_workbook(tmp_path):
    path = tmp_path / "case.xlsx"
    openpyxl.Workbook().save(path)
    return path


@case(2, "the required sheet 'Complainants' is missing")
def missing_required_sheet(tmp_path):
    return write_workbook(tmp_path / "case.xlsx", titles=("Events", "People", "Episodes"))


@case(2, "no such file")
def missing_file(tmp_path):
    return tmp_path / "case.xlsx"


@case(2, "a case folder must hold exactly one workbook")
def folder_with_two_workbooks(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    write_workbook(folder / "a.xlsx")
    write_workbook(folder / "b.xlsx")
    return folder


@case(2, "a single CSV file")
def single_csv_file(tmp_path):
    return csv_folder(tmp_path / "case") / "complainants.csv"


@case(2, "Windows-1251")
def csv_in_cp1251(tmp_path):
    return csv_folder(tmp_path / "case", encoding="cp1251", delimiter=";")


@case(2, "events.csv, line 2: not UTF-8 text")
def csv_in_latin1(tmp_path):
    folder = csv_folder(tmp_path / "case")
    (folder / "events.csv").write_bytes("event_id,date,label_en\nrally,2018-05-10,la manifestation à Almaty\n"
                                        .encode("latin-1"))
    return folder


@case(2, "NUL characters")
def csv_in_utf16_without_bom(tmp_path):
    folder = csv_folder(tmp_path / "case")
    path = folder / "episodes.csv"
    path.write_bytes(path.read_text(encoding="utf-8-sig").encode("utf-16-le"))
    return folder


@case(2, "episodes.csv is missing")
def csv_folder_without_episodes(tmp_path):
    folder = csv_folder(tmp_path / "case")
    (folder / "episodes.csv").unlink()
    return folder


@case(2, "LibreOffice is not installed")
def ods_without_libreoffice(tmp_path):
    path = tmp_path / "case.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    return path


@case(1, issue=("error", "empty-sheet", "Events", None))
def empty_required_sheet(tmp_path):
    return edit(book(tmp_path), lambda b: b["Events"].delete_rows(1, 10))


@case(1, issue=("error", "missing-column", "Episodes", None))
def missing_required_column(tmp_path):
    return book(tmp_path, episodes=[{"complainant_id": "C1", "event_id": "rally"}],
                columns={"Episodes": ["complainant_id", "event_id"]})


@case(1, issue=("error", "duplicate-column", "Complainants", f"{get_column_letter(len(PERSON_HEADER) + 1)}1"))
def duplicated_header(tmp_path):
    return book(tmp_path, headers={"Complainants": [*PERSON_HEADER, "Surname"]})


@case(1, issue=("warning", "unknown-column", "Complainants", "B1"))
def misspelled_header(tmp_path):
    keys = list(person())
    return book(tmp_path, columns={"Complainants": keys},
                headers={"Complainants": ["complainant_id", "sunrame", *keys[2:]]})


@case(0, issue=("warning", "merged-cells", "Complainants", "P2"))
def merged_cells(tmp_path):
    path = book(tmp_path, people=[person(notes="see the file"), person("C2", id_document="2", surname="Ахметов",
                                                                       given_name="Ержан")])
    return edit(path, lambda b: b["Complainants"].merge_cells("P2:P3"))


@case(1, issue=("error", "missing-value", "Complainants", "A3"))
def merged_id_cells_on_a_hidden_row(tmp_path):
    path = book(tmp_path, people=[person(), person("C2", id_document="2", surname="Ахметов", given_name="Ержан")])

    def change(b):
        b["Complainants"].merge_cells("A2:A3")
        b["Complainants"].row_dimensions[3].hidden = True
    return edit(path, change)


@case(0, issue=("warning", "hidden-row", "Complainants", None))
def hidden_row(tmp_path):
    path = book(tmp_path, people=[person(), person("C2", id_document="2", surname="Ахметов", given_name="Ержан")])
    return edit(path, lambda b: setattr(b["Complainants"].row_dimensions[3], "hidden", True))


@case(0, issue=("warning", "hidden-column", "Complainants", "O1"))
def hidden_column(tmp_path):
    return edit(book(tmp_path), lambda b: setattr(b["Complainants"].column_dimensions["O"], "hidden", True))


@case(0, issue=("warning", "hidden-sheet", "Episodes", None))
def hidden_sheet(tmp_path):
    return edit(book(tmp_path), lambda b: setattr(b["Episodes"], "sheet_state", "hidden"))


@case(0, issue=("warning", "formula", "Complainants", "L2"),
      check=lambda loaded: loaded.case.members[0].person.poa_date == datetime.date(2018, 6, 2))
def formula_with_cached_value(tmp_path):
    return replace_cell(book(tmp_path), "Complainants", "L2", '<c r="L2"><f>DATE(2018,6,2)</f><v>43253</v></c>')


@case(1, issue=("error", "formula-without-value", "Complainants", "P2"))
def formula_without_cached_value(tmp_path):
    return book(tmp_path, people=[person(notes="=B2&C2")])


@case(1, issue=("error", "error-cell", "Complainants", "K2"))
def ref_error_cell(tmp_path):
    return book(tmp_path, people=[person(appeal_form_date="#REF!")])


@case(1, issue=("error", "error-cell", "Episodes", "E2"))
def na_error_from_a_formula(tmp_path):
    return replace_cell(book(tmp_path), "Episodes", "E2", '<c r="E2" t="e"><f>VLOOKUP(A2,X:Y,2,0)</f><v>#N/A</v></c>')


@case(1, issue=("error", "error-cell", "Complainants", "K2"))
def date_serial_out_of_range(tmp_path):
    def change(b):
        b["Complainants"]["K2"].value = 99_999_999
        b["Complainants"]["K2"].number_format = "yyyy-mm-dd"
    return edit(book(tmp_path), change)


@case(0, check=lambda loaded: loaded.report.issues == []
      and (loaded.case.members[0].person.surname, loaded.case.members[0].person.city.place.key)
      == ("Оспанова", "almaty"))
def spaces_and_non_breaking_spaces(tmp_path):
    return book(tmp_path, people=[person(surname="\u00a0 Оспанова  ", city="  Алматы\u00a0")])


@case(0, issue=("warning", "mixed-alphabets", "Complainants", "B3"),
      check=lambda loaded: any(i.code == "possible-duplicate" for i in loaded.report.issues))
def latin_letters_in_a_cyrillic_name(tmp_path):
    return book(tmp_path, people=[person(), person("C2", surname="Оспaнoва", id_document="2")])  # Latin a, o


@case(0, issue=("warning", "mixed-alphabets", "Complainants", "E3"),
      check=lambda loaded: any(i.code == "possible-duplicate" for i in loaded.report.issues))
def cyrillic_letters_in_a_latin_name(tmp_path):
    return book(tmp_path, people=[person(), person("C2", surname="Ахметова", surname_latin="OSPАNOVА",
                                                   id_document="2")])  # Cyrillic А


@case(1, issue=("error", "ambiguous-date", "Complainants", "L2"))
def ambiguous_date(tmp_path):
    return book(tmp_path, people=[person(poa_date="05/10/2018")])


@case(0, check=lambda loaded: (loaded.case.events[0].date, loaded.case.members[0].person.poa_date)
      == (datetime.date(2018, 5, 10), datetime.date(2022, 5, 11)))
def epoch_1904(tmp_path):
    # 43230 days after 1 January 1904, in a cell not formatted as a date.
    def change(b):
        b.epoch = CALENDAR_MAC_1904
        b["Complainants"]["L2"].value = 43230
        b["Complainants"]["L2"].number_format = "General"
    return edit(book(tmp_path), change)


@case(0, issue=("warning", "number-as-text", "Complainants", "J2"))
def document_number_stored_as_number(tmp_path):
    return book(tmp_path, people=[person(id_document=12345678)])


@case(1, issue=("error", "text-too-long", "Complainants", "P2"),
      check=lambda loaded: loaded.case.members[0].person.notes is None)
def twenty_megabyte_cell(tmp_path):
    # Random text: a repeated letter would compress like a zip bomb and be refused as one.
    # openpyxl cuts what it writes at Excel's limit; the XML is written here directly.
    text = base64.b64encode(random.Random(4).randbytes(15_000_000)).decode()
    return replace_cell(book(tmp_path, people=[person(notes="long")]), "Complainants", "P2",
                        f'<c r="P2" t="inlineStr"><is><t>{text}</t></is></c>')


@case(0, issue=("warning", "control-characters", "Complainants", "B2"),
      check=lambda loaded: loaded.case.members[0].person.surname == "Оспанова")
def control_characters(tmp_path):
    # Excel writes the control characters it cannot put in XML as _xHHHH_ escapes.
    return replace_cell(book(tmp_path), "Complainants", "B2",
                        '<c r="B2" t="inlineStr"><is><t>Оспа_x0007_но_x001B_ва</t></is></c>')


@case(0, issue=("warning", "invisible-characters", "Complainants", "B3"),
      check=lambda loaded: [i.params.get("other_id") for i in loaded.report.issues
                            if i.code == "possible-duplicate"] == ["C1"])
def right_to_left_marks(tmp_path):
    return book(tmp_path, people=[person(), person("C2", surname="\u200fОспа\u202eнова\u200b", id_document="2")])


@case(1, issue=("error", "ambiguous-date", "Complainants", "G2"))
def csv_with_semicolons_and_an_ambiguous_date(tmp_path):
    rows = {"complainants.csv": [["C1", "Оспанова", "Айгерим", "OSPANOVA", "AIGERIM", "01.06.2018", "06/02/2018"]]}
    return csv_folder(tmp_path / "case", delimiter=";", rows=rows)


@pytest.mark.parametrize("name", CASES)
def test_malformed_input(name, tmp_path, monkeypatch):
    make, exit_code, message, issue, check = CASES[name]
    monkeypatch.setattr("complaints.case_data.shutil.which", lambda command: None)
    path = make(tmp_path)
    result = run("validate", path, "--format", "json")
    assert result.exit_code == exit_code, result.output
    assert "Traceback" not in result.output
    if exit_code == 2:
        line = result.output.strip()
        assert "\n" not in line, line
        assert line.startswith(f"Error: {path}") and message in line, line
    else:
        report = json.loads(result.stdout)
        found = {(i["severity"], i["code"], i["sheet"], i["cell"]) for i in report["issues"]}
        assert issue is None or issue in found, found
        annotated = tmp_path / "annotated.xlsx"
        assert run("validate", path, "--annotate", annotated).exit_code == exit_code
        assert openpyxl.load_workbook(annotated).sheetnames[0] == "Problems"
    if check:
        assert check(load(path, ("en", "ru", "kk"), TODAY))
    if exit_code:
        out = tmp_path / "out"
        assert run("build", path, "--output", out).exit_code == exit_code
        assert not out.exists() or not any(out.iterdir())


def test_a_zip_bomb_is_refused_from_its_declared_sizes_without_inflating_a_member(tmp_path, monkeypatch):
    path = book(tmp_path)
    with (zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive,
          archive.open("xl/media/image1.bin", "w") as member):  # 64 MiB of zeros deflate to 64 KiB
        for _ in range(64):
            member.write(bytes(1 << 20))

    def inflating(*args, **kwargs):
        raise AssertionError("a member was opened: the refusal must come from the declared sizes")

    monkeypatch.setattr(zipfile.ZipFile, "open", inflating)
    result = run("validate", path)
    assert result.exit_code == 2 and "zip bomb" in result.output and result.output.count("\n") == 1


def test_openpyxl_without_defusedxml_is_refused_at_start_up():
    result = subprocess.run([sys.executable, "-m", "complaints", "--version"], capture_output=True, text=True,
                            env={"OPENPYXL_DEFUSEDXML": "False", "PATH": ""}, cwd=REPO)
    assert result.returncode != 0
    assert "needs openpyxl to use defusedxml" in result.stderr


ROWS = 100_000
BIG_COLUMNS = ["complainant_id", "surname", "given_name", "surname_latin", "given_name_latin",
               "appeal_form_date", "poa_date"]


def hundred_thousand_rows(path: Path) -> Path:
    """Complainants written as Excel writes them (shared strings), too many for openpyxl to write fast."""
    write_workbook(path, people=[], episodes=[])
    strings: dict[str, int] = {}

    def cell(ref: str, text: str) -> str:
        return f'<c r="{ref}" t="s"><v>{strings.setdefault(text, len(strings))}</v></c>'

    def letters(number: int) -> str:  # a different name for every row, as identity keys see names
        # Letters that fold to one Latin letter each: «я» folds to "ia", the same as «иа».
        alphabet = "бвгдзклмнпрстфаоу"
        word = ""
        while True:
            number, digit = divmod(number, len(alphabet))
            word += alphabet[digit]
            if not number:
                return word

    rows = ['<row r="1">' + "".join(cell(f"{chr(65 + i)}1", key) for i, key in enumerate(BIG_COLUMNS)) + "</row>"]
    for n in range(2, ROWS + 2):
        surname = "Оспан" + letters(n)
        values = (f"C{n}", surname, "Айгерим", surname.upper(), "AIGERIM", "01.06.2018", "02.06.2018")
        rows.append(f'<row r="{n}">' + "".join(cell(f"{chr(65 + i)}{n}", v) for i, v in enumerate(values)) + "</row>")
    namespace = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {namespace}><dimension ref="A1:G{ROWS + 1}"/>'
             f'<sheetData>{"".join(rows)}</sheetData></worksheet>')
    table = (f'<?xml version="1.0" encoding="UTF-8"?><sst {namespace} uniqueCount="{len(strings)}">'
             + "".join(f"<si><t>{text}</t></si>" for text in strings) + "</sst>")
    rewrite(path, SHEET_PARTS["Complainants"], lambda data: sheet.encode())
    rewrite(path, "[Content_Types].xml", lambda data: data.replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
    rewrite(path, "xl/_rels/workbook.xml.rels", lambda data: data.replace(
        b"</Relationships>", b'<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", table)
    return path


@pytest.mark.slow
def test_a_hundred_thousand_rows_are_streamed_within_memory(tmp_path):
    path = hundred_thousand_rows(tmp_path / "big.xlsx")
    # A process of its own, so that its peak memory is the reading's alone.
    script = (
        "import json, resource, sys\n"
        "from click.testing import CliRunner\n"
        "from complaints.cli import main\n"
        "result = CliRunner().invoke(main, ['validate', sys.argv[1], '--format', 'json'])\n"
        "report = json.loads(result.stdout)\n"
        "print(json.dumps({'exit': result.exit_code, 'appeals': report['appeals'], 'issues': len(report['issues']),\n"
        "                  'codes': sorted({i['code'] for i in report['issues']}),\n"
        "                  'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, cwd=REPO,
                          check=True)
    outcome = json.loads(done.stdout)
    # The sheet of episodes is empty: said once, not for each of the hundred thousand complainants.
    assert (outcome["exit"], outcome["appeals"], outcome["codes"]) == (0, ROWS, ["no-episode-at-all"])
    assert outcome["issues"] == 1
    assert outcome["peak_mb"] < 400, outcome

