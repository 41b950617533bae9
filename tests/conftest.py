"""Workbooks built by the tests, and one build of the example case shared by the end-to-end tests."""

from __future__ import annotations

import dataclasses
import datetime
import fcntl
import functools
import os
import pickle
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import openpyxl
import pytest

from complaints.schema import COMPLAINANTS, EPISODES, EVENTS

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "intake" / "example"
TODAY = datetime.date(2026, 11, 23)

def _pdftotext(path, *crop: str) -> list[str]:
    """The pages of a PDF as pdftotext reads them: whole, or the area `crop` (-y Y -H HEIGHT, in points)."""
    area = ["-r", "72", "-x", "0", "-W", "1000", *crop] if crop else []
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", *area, str(path), "-"],
                          check=True, capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def _page_margins() -> tuple[float, float, float]:
    """The page height and its top and bottom margins in points, from style.css's @page rule."""
    css = (REPO / "templates" / "html" / "style.css").read_text(encoding="utf-8")
    match = re.search(r"@page \{[^}]*?size: A4;[^}]*?margin: ([\d.]+)cm [\d.]+cm ([\d.]+)cm", css)
    points = 72 / 2.54
    return 29.7 * points, float(match.group(1)) * points, float(match.group(2)) * points


def _file_key(path) -> tuple[str, int, int, int]:
    """What a file's read-back text depends on: its path and, as the builds replace files whole, its
    inode, time and size."""
    status = os.stat(path)
    return str(path), status.st_ino, status.st_mtime_ns, status.st_size


# _read_pdf's text of each file, by _file_key.
_TEXTS: dict[tuple[str, int, int, int], str] = {}


def pdf_text(path) -> str:
    """_read_pdf's text of the file, read once per version of it: several tests read every file of
    the example's build, and pdftotext was most of their time."""
    key = _file_key(path)
    if key not in _TEXTS:
        _TEXTS[key] = _read_pdf(path)
    return _TEXTS[key]


def pdf_texts(paths) -> list[str]:
    """pdf_text of each file, the files read at once, one per core."""
    with ThreadPoolExecutor(os.cpu_count()) as pool:
        return list(pool.map(pdf_text, paths))


def _read_pdf(path) -> str:
    """The text of a PDF, page by page (each ended by a form feed): the header, the body, the footer.
    The words the justified text hyphenates at line ends (style.css: "hyphens: auto") are made whole,
    also across a page break: WeasyPrint marks those breaks with U+2010, which no template or catalog
    writes (a hyphen that is part of a word, as in "Усть-Каменогорск", is U+002D)."""
    whole = _pdftotext(path)
    if not any("\u2010\n" in page for page in whole):
        return "".join(f"{page}\f" for page in whole)
    height, top, bottom = _page_margins()
    headers = _pdftotext(path, "-y", "0", "-H", f"{top:.0f}")
    bodies = _pdftotext(path, "-y", f"{top:.0f}", "-H", f"{height - top - bottom:.0f}")
    footers = _pdftotext(path, "-y", f"{height - bottom:.0f}", "-H", f"{bottom:.0f}")
    for number in range(len(bodies) - 1):
        body = bodies[number].rstrip()
        if body.endswith("\u2010"):
            word, _, rest = bodies[number + 1].lstrip().partition(" ")
            bodies[number], bodies[number + 1] = body[:-1] + word + "\n", rest
    bodies = [body.replace("\u2010\n", "") for body in bodies]
    return "".join(f"{header}{body}{footer}\f" for header, body, footer in zip(headers, bodies, footers, strict=True))


def docx_text(path) -> str:
    return _docx_text(*_file_key(path))


@functools.cache
def _docx_text(path: str, _inode: int, _mtime_ns: int, _size: int) -> str:
    document = docx.Document(path)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def flat(text: str) -> str:
    return " ".join(text.split())


# Every column of the format, in the schema's order (a per-language family: one per catalog).
EVENT_HEADER = [column.key for column in EVENTS.columns]
PERSON_HEADER = [column.key for column in COMPLAINANTS.columns]
EPISODE_HEADER = [column.key for column in EPISODES.columns]


def event(event_id="rally", date=datetime.date(2018, 5, 10), **extra):
    row = {"event_id": event_id, "date": date, "label_en": f"the rally {event_id}",
           "label_ru": f"митинг {event_id}", "label_kk": f"{event_id} жиыны"}
    return row | extra


def person(complainant_id="C1", surname="Оспанова", given_name="Айгерим", **extra):
    row = {"complainant_id": complainant_id, "surname": surname, "given_name": given_name,
           "surname_latin": "OSPANOVA", "given_name_latin": "AIGERIM", "sex": "F",
           "date_of_birth": datetime.date(1990, 1, 2), "city": "Алматы",
           "id_document": "012345678", "appeal_form_date": datetime.date(2018, 6, 1),
           "poa_date": datetime.date(2018, 6, 2), "consent_to_name": "yes",
           "contact": "+7 701 000 00 01"}
    return row | extra


def episode(complainant_id="C1", event_id="rally", measure="detention", **extra):
    row = {"complainant_id": complainant_id, "event_id": event_id, "measure": measure,
           "date": datetime.date(2018, 5, 10), "city": "Almaty"}
    return row | extra


def write_workbook(path: Path, events=None, people=None, episodes=None, headers=None, columns=None,
                   titles=("Events", "Complainants", "Episodes")) -> Path:
    """columns: {sheet title: column keys in order}; headers: {sheet title: the titles written for them}."""
    events = [event()] if events is None else events
    people = [person()] if people is None else people
    episodes = [episode()] if episodes is None else episodes
    headers, columns = headers or {}, columns or {}
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, default_header, rows in zip(titles, (EVENT_HEADER, PERSON_HEADER, EPISODE_HEADER),
                                           (events, people, episodes), strict=False):  # fewer titles: sheets left out
        sheet = book.create_sheet(title)
        keys = list(columns.get(title, default_header))
        if title not in columns:
            for row in rows:
                keys += [key for key in row if key not in keys]
        sheet.append(headers.get(title, keys))
        for row in rows:
            sheet.append([row.get(key) for key in keys])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.number_format = "@"
    book.save(path)
    return path


# The Remedies sheet's columns, for the tests that add one (add_sheet).
REMEDY_HEADER = ["complainant_id", "date", "authority", "action", "outcome", "outcome_date"]


def add_sheet(path: Path, title: str, header: list[str], rows) -> Path:
    """A sheet more in a workbook the tests wrote: its header row, then the rows."""
    book = openpyxl.load_workbook(path)
    sheet = book.create_sheet(title)
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


@pytest.fixture
def workbook(tmp_path):
    def make(**kwargs) -> Path:
        return write_workbook(tmp_path / "case.xlsx", **kwargs)
    return make


def pytest_collection_modifyitems(items):
    """A test that needs the build of the whole example, directly or through another fixture, is slow:
    marked so, `make test-fast` leaves it out."""
    for item in items:
        if "example_build" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def example_build(tmp_path_factory):
    """The example case built once in every language and format, once for the whole run: under
    pytest-xdist the first test process to need it builds it on every core while the others wait,
    then reads back what the build returned and the texts of its PDFs. The loaded case and the
    jobs, which do not pickle, are made again: loading and planning are deterministic."""
    from complaints.build import BuildResult, build
    from complaints.documents import FORMATS
    from complaints.i18n import languages
    from complaints.pipeline import load, plan

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # this run's, never another's
    case, saved = shared / "example-build" / "example", shared / "example-build.pickle"
    with open(shared / "example-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not saved.exists():
            shutil.copytree(EXAMPLE, case)
            built = build(case, output_root=case.parent / "output", today=TODAY, workers=os.cpu_count() or 1)
            # Most tests of the build read its PDFs back: read them all now, one per core.
            pdf_texts([path for path in built.files if path.suffix == ".pdf"])
            kept = {field.name: getattr(built, field.name) for field in dataclasses.fields(built)
                    if field.name not in ("loaded", "jobs")}
            saved.write_bytes(pickle.dumps((kept, _TEXTS)))
        kept, texts = pickle.loads(saved.read_bytes())
    _TEXTS.update(texts)
    langs = tuple(languages())
    loaded = load(case, langs, TODAY)
    return BuildResult(loaded=loaded, jobs=plan(loaded, langs, FORMATS), **kept)
