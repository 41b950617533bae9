"""Workbooks built by the tests, and one build of the example case shared by the end-to-end tests."""

from __future__ import annotations

import datetime
import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest

from complaints.schema import COMPLAINANTS, EPISODES, EVENTS

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "intake" / "example"
TODAY = datetime.date(2026, 11, 23)

def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                          check=True, capture_output=True, text=True).stdout


def docx_text(path) -> str:
    document = docx.Document(str(path))
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
    """The example case built once in every language and format."""
    from complaints.build import build

    root = tmp_path_factory.mktemp("build")
    case = root / "example"
    shutil.copytree(EXAMPLE, case)
    return build(case, output_root=root / "output", today=TODAY)
