"""Hostile and careless input: one table of cases, every one held to the same promises.

A case is a function that lays out its inputs in a scene (a case folder, files beside it)
and returns the case's path; its entry says which command runs on it, the exit code and a
phrase of the one line that answers. Every case, whatever it tries, is then checked for:

- the exit code, and no traceback;
- one line: an error that stops the command is the whole output, on one line; a problem in
  the data is one line naming its cell;
- nothing written outside the output folder, and no input changed, added to or removed;
- no protected value (a name of someone who did not consent, an identity document number, a
  contact) in what the command printed or in any public document it wrote.

To add a case: write a function `def what_it_tries(scene: Scene) -> Path` that makes the
inputs with the scene's helpers, and decorate it with `@hostile(exit_code, "phrase", *command)`;
the command's words may name "{case}" (what the function returned), "{out}" (the output
folder) and "{inputs}" (the case folder). The default command is `validate {case}`.
Keep cases cheap: most should stop at validate; one that builds should ask for one small
document (`--document brief --lang en --format pdf`).
"""

from __future__ import annotations

import dataclasses
import datetime
import errno
import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from test_malformed import rewrite

from complaints.build import build
from complaints.cli import main
from complaints.documents import REGISTRY

from conftest import episode, event, person, write_workbook

# The people of every scene: C1 consented to be named, C2 did not.
NAMED = person("C1")
UNNAMED = person("C2", surname="Жасыбаева", given_name="Дана", patronymic="Ерлановна",
                 surname_latin="ZHASYBAYEVA", given_name_latin="DANA", id_document="N04417722",
                 contact="dana.zh@example.org", consent_to_name="no")
# What no message and no public document may show.
PROTECTED = ("Жасыбаева", "ZHASYBAYEVA", "Zhasybaeva", "Ерлановна", NAMED["id_document"], UNNAMED["id_document"],
             NAMED["contact"], UNNAMED["contact"])
PUBLIC_DOCUMENTS = tuple(name for name, document in REGISTRY.items() if document.public)
SMALL_BUILD = ("build", "{case}", "--output", "{out}", "--document", "brief", "--lang", "en", "--format", "pdf")


@dataclass
class Scene:
    """Where a case lays out its inputs. Deep in the test's folder, so that a path climbing out of
    the output folder with `..` still lands inside the test's folder, where it is seen."""

    root: Path  # the test's folder: every file under it is watched
    inputs: Path  # the case folder
    out: Path  # the output folder given to the command, not made in advance

    def workbook(self, name: str = "case.xlsx", events=None, people=None, episodes=None, **kwargs) -> Path:
        """A valid workbook of two complainants unless told otherwise, in the case folder."""
        people = [NAMED, UNNAMED] if people is None else people
        episodes = [episode("C1"), episode("C2")] if episodes is None else episodes
        return write_workbook(self.inputs / name, events=events or [event()], people=people,
                              episodes=episodes, **kwargs)

    def file(self, relative: str, content: str | bytes) -> Path:
        path = self.inputs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return path


@dataclass(frozen=True)
class Hostile:
    make: Callable[[Scene], Path]
    exit_code: int
    expect: str  # a phrase of the line that answers
    command: tuple[str, ...]
    env: tuple[tuple[str, str], ...] = ()


CASES: dict[str, Hostile] = {}


def hostile(exit_code: int, expect: str, *command: str, env: dict[str, str] | None = None):
    def register(make: Callable[[Scene], Path]) -> Callable[[Scene], Path]:
        assert make.__name__ not in CASES, make.__name__
        CASES[make.__name__] = Hostile(make, exit_code, expect, command or ("validate", "{case}"),
                                       tuple(sorted((env or {}).items())))
        return make
    return register


# --- the invariants -------------------------------------------------------------------------------

def snapshot(root: Path) -> dict[str, tuple[str, bytes]]:
    """Every file and folder under root: its kind and content hash (links are not followed)."""
    found = {}
    for folder, folders, files in os.walk(root):
        for name in folders + files:
            path = Path(folder) / name
            relative = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[relative] = ("link", os.readlink(path).encode())
            elif path.is_dir():
                found[relative] = ("folder", b"")
            elif path.is_file():
                found[relative] = ("file", hashlib.sha256(path.read_bytes()).digest())
            else:
                found[relative] = ("other", b"")
    return found


def readable_text(path: Path) -> str:
    """What a reader of the file can see: the text of a PDF, the XML of every part of a DOCX."""
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                              capture_output=True, text=True).stdout
    if path.suffix in (".docx", ".xlsx"):
        with zipfile.ZipFile(path) as package:
            return "\n".join(package.read(name).decode("utf-8", "replace") for name in package.namelist())
    return path.read_bytes().decode("utf-8", "replace")


def public_outputs(out: Path) -> list[Path]:
    return [path for path in out.rglob("*") if path.is_file() and not path.is_symlink()
            and (path.stem in PUBLIC_DOCUMENTS or path.name == "manifest.json")]


@pytest.mark.parametrize("name", CASES)
def test_hostile_input(name, tmp_path, monkeypatch):
    case = CASES[name]
    root = tmp_path / "a" / "b" / "c" / "d" / "e" / "f" / "g" / "h"
    scene = Scene(tmp_path, root / "case", root / "out")
    scene.inputs.mkdir(parents=True)
    work = root / "work"  # the current folder: a command's default output would land here
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setattr("complaints.case_data.shutil.which", lambda command: None)  # no LibreOffice
    for key, value in case.env:
        monkeypatch.setenv(key, value)
    path = case.make(scene)
    words = [word.format(case=path, out=scene.out, inputs=scene.inputs) for word in case.command]
    before = snapshot(tmp_path)

    result = CliRunner().invoke(main, words)

    output = result.output
    assert result.exit_code == case.exit_code, output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in output
    answering = [line for line in output.splitlines() if case.expect in line]
    assert len(answering) == 1, output
    if output.startswith("Error:") or case.exit_code == 2:
        assert output.strip() == answering[0].strip(), output

    after = snapshot(tmp_path)
    out = scene.out.relative_to(tmp_path).as_posix() + "/"
    touched = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    outside = sorted(key for key in touched if not key.startswith(out) and key + "/" != out)
    assert outside == [], "written or changed outside the output folder"

    for value in PROTECTED:
        assert value not in output, "a protected value was printed"
        for document in public_outputs(scene.out) if scene.out.is_dir() else ():
            assert value not in readable_text(document), f"a protected value is in {document.name}"


def test_the_corpus_holds_at_least_a_hundred_hostile_inputs():
    """Issue 10: each held to every promise above."""
    assert len(CASES) >= 100, len(CASES)


# --- the cases ------------------------------------------------------------------------------------

@hostile(0, "0 errors")
def a_clean_case_passes(scene: Scene) -> Path:
    return scene.workbook()


@hostile(0, "Wrote", *SMALL_BUILD)
def a_clean_case_builds_and_shows_no_protected_value(scene: Scene) -> Path:
    return scene.workbook()


# Ids become file names (issue 10, item 1).
BAD_IDS = {
    "climbing_out": "../../../../tmp/x",
    "root": "/",
    "absolute": "/etc/passwd",
    "climbing_after_a_name": "C1/../../..",
    "over_the_public_complaint": "../collective-complaint",
    "hidden_file": ".hidden",
    "option_like": "-rf",
    "three_hundred_characters": "C" * 300,
    "with_a_space": "C 1",
    "windows_separator": "C1\\x",
    "drive_letter": "C:x",
    "shell_variable": "$HOME",
    "pipe": "C1|x",
    "a_name_typed_as_id": "Жасыбаева Дана",
    "asterisk": "C*",
    "question_mark": "C1?",
    "quote": 'C"1',
    "angle_brackets": "<C1>",
    "home_folder": "~C1",
    "percent_encoded_separator": "C1%2F..",
}


def _bad_complainant_id(text: str) -> Callable[[Scene], Path]:
    def make(scene: Scene) -> Path:
        return scene.workbook(people=[NAMED, UNNAMED | {"complainant_id": text}],
                              episodes=[episode("C1"), episode(text)])
    return make


for _name, _text in BAD_IDS.items():
    _make = _bad_complainant_id(_text)
    _make.__name__ = f"complainant_id_{_name}"
    hostile(1, "Complainants!A3: The id in this cell is not usable")(_make)
_make = _bad_complainant_id(BAD_IDS["climbing_out"])
_make.__name__ = "complainant_id_climbing_out_is_never_built"
hostile(1, "error(s)", "build", "{case}", "--output", "{out}", "--document", "hrc", "--format", "pdf")(_make)


@hostile(1, "Complainants!A3: The id C1 is already used in row 2")
def complainant_id_behind_a_right_to_left_override(scene: Scene) -> Path:
    # The invisible mark is removed (a warning), and what is left is the same id.
    return scene.workbook(people=[NAMED, UNNAMED | {"complainant_id": "\u202eC1"}], episodes=[episode("C1")])


@hostile(1, "Events!A2: The id in this cell is not usable")
def event_id_over_the_public_complaint(scene: Scene) -> Path:
    return scene.workbook(events=[event("../collective-complaint")],
                          episodes=[episode("C1", "../collective-complaint"), episode("C2", "rally")])


@hostile(1, "Episodes!A2: The id in this cell is not usable")
def episode_naming_a_complainant_by_a_path(scene: Scene) -> Path:
    return scene.workbook(episodes=[episode("../../C1"), episode("C2")])


@hostile(1, "Complainants!A3: The id С1 differs from the id in row 2 only")
def complainant_ids_differing_in_a_cyrillic_look_alike(scene: Scene) -> Path:
    return scene.workbook(people=[NAMED, UNNAMED | {"complainant_id": "С1"}],  # Cyrillic Es
                          episodes=[episode("C1"), episode("С1")])


@hostile(1, "Complainants!A3: The id c1 differs from the id in row 2 only")
def complainant_ids_differing_in_case(scene: Scene) -> Path:
    return scene.workbook(people=[NAMED, UNNAMED | {"complainant_id": "c1"}], episodes=[episode("C1"), episode("c1")])


@hostile(1, "Events!A3: The id RALLY differs from the id in row 2 only")
def event_ids_differing_in_case(scene: Scene) -> Path:
    return scene.workbook(events=[event("rally"), event("RALLY")])


# Two sources for one sheet (issue 10, item 2).
@hostile(2, "the sheets 'Complainants' and 'Заявители' are both the Complainants sheet")
def complainants_sheet_in_two_languages(scene: Scene) -> Path:
    path = scene.workbook()
    book = openpyxl.load_workbook(path)
    book.copy_worksheet(book["Complainants"]).title = "Заявители"
    book.save(path)
    return path


@hostile(2, "are both the Complainants sheet")
def complainants_csv_in_two_letter_cases(scene: Scene) -> Path:
    scene.file("events.csv", "event_id,date,label_en,label_ru,label_kk\nrally,2018-05-10,the rally,митинг,жиын\n")
    scene.file("episodes.csv", "complainant_id,event_id,measure\nC1,rally,detention\n")
    scene.file("complainants.csv", "complainant_id,surname,given_name\nC1,Оспанова,Айгерим\n")
    scene.file("Complainants.CSV", "complainant_id,surname,given_name\nC1,Жасыбаева,Дана\n")
    return scene.inputs


# What is not a regular file (issue 10, item 8).
@hostile(2, "not a regular file")
def a_fifo_as_the_workbook(scene: Scene) -> Path:
    path = scene.inputs / "case.xlsx"
    os.mkfifo(path)
    return path


@hostile(2, "/dev/null: not a regular file")
def a_device_as_the_workbook(scene: Scene) -> Path:
    return Path("/dev/null")


@hostile(2, "case.toml: not a regular file")
def a_folder_named_case_toml(scene: Scene) -> Path:
    scene.workbook()
    (scene.inputs / "case.toml").mkdir()
    return scene.inputs


# No input is written, no file replaced without --force (issue 10, item 4).
def _case_folder_with_settings(scene: Scene) -> Path:
    scene.workbook()
    scene.file("case.toml", 'title = "A case"\n')
    return scene.inputs


hostile(2, "an input of the case, which is only read",
        "validate", "{case}", "--annotate", "{inputs}/case.toml")(_case_folder_with_settings)


@hostile(2, "an input of the case, which is only read", "validate", "{case}", "--annotate", "{case}", "--force")
def annotate_over_the_workbook_even_with_force(scene: Scene) -> Path:
    return scene.workbook()


@hostile(2, "inside the case folder", "validate", "{case}", "--annotate", "{inputs}/checked.xlsx")
def annotate_into_the_case_folder(scene: Scene) -> Path:
    return _case_folder_with_settings(scene)


@hostile(2, "an input of the case, which is only read",
         "validate", "{case}", "--annotate", "{inputs}/complainants.csv", "--force")
def annotate_over_a_csv_file_of_the_case(scene: Scene) -> Path:
    return complainants_csv(scene)


@hostile(2, "already exists; give another name, or --force", "validate", "{case}", "--annotate", "{out}/checked.xlsx")
def annotate_over_an_existing_file(scene: Scene) -> Path:
    scene.out.mkdir()
    (scene.out / "checked.xlsx").write_bytes(b"a file of the user's")
    return scene.workbook()


@hostile(0, "Wrote", "validate", "{case}", "--annotate", "{out}/checked.xlsx", "--force")
def annotate_over_an_existing_file_with_force(scene: Scene) -> Path:
    return annotate_over_an_existing_file(scene)


@hostile(2, "exists and is not a regular file", "validate", "{case}", "--annotate", "{out}/pipe", "--force")
def annotate_over_a_fifo(scene: Scene) -> Path:
    scene.out.mkdir()
    os.mkfifo(scene.out / "pipe")
    return scene.workbook()


@hostile(2, "already exists; give another name, or --force", "demo-data", "--complainants", "1", "{out}/demo.xlsx")
def demo_data_over_an_existing_file(scene: Scene) -> Path:
    scene.out.mkdir()
    (scene.out / "demo.xlsx").write_bytes(b"a file of the user's")
    return scene.inputs


@hostile(2, "already exists; give another name, or --force", "intake-template", "{out}/intake.xlsx")
def intake_template_over_an_existing_file(scene: Scene) -> Path:
    scene.out.mkdir()
    (scene.out / "intake.xlsx").write_bytes(b"a file of the user's")
    return scene.inputs


@hostile(2, "not empty", "init", "{inputs}")
def init_over_a_case(scene: Scene) -> Path:
    return _case_folder_with_settings(scene)


@hostile(2, "inside the case folder", "build", "{case}", "--output", "{inputs}", "--document", "brief")
def build_into_the_case_folder(scene: Scene) -> Path:
    return _case_folder_with_settings(scene)


@hostile(2, "inside the case folder", "build", "{case}", "--output", "{inputs}/output", "--document", "brief")
def build_into_a_folder_inside_the_case_folder(scene: Scene) -> Path:
    return _case_folder_with_settings(scene)


def complainants_csv(scene: Scene) -> Path:
    scene.file("events.csv", "event_id,date,label_en,label_ru,label_kk\nrally,2018-05-10,the rally,митинг,жиын\n")
    scene.file("episodes.csv", "complainant_id,event_id,measure\nC1,rally,detention\n")
    scene.file("complainants.csv", "complainant_id,surname,given_name,appeal_form_date,poa_date\n"
                                   "C1,Оспанова,Айгерим,01.06.2018,02.06.2018\n")
    return scene.inputs


# Whatever the operating system refuses is one line naming the path (issue 10, item 8).
@hostile(2, "a symbolic link", *SMALL_BUILD)
def output_of_the_case_is_a_symbolic_link(scene: Scene) -> Path:
    elsewhere = scene.root / "elsewhere"
    elsewhere.mkdir()
    scene.out.mkdir()
    (scene.out / "case").symlink_to(elsewhere)
    return scene.workbook()


@hostile(2, "Not a directory", "build", "{case}", "--output", "{out}/a-file/output", "--document", "brief")
def output_under_a_file(scene: Scene) -> Path:
    scene.out.mkdir()
    (scene.out / "a-file").write_text("not a folder")
    return scene.workbook()


@hostile(2, "/proc/complaints-output", "build", "{case}", "--output", "/proc/complaints-output", "--document", "brief")
def output_in_proc(scene: Scene) -> Path:
    return scene.workbook()


@hostile(2, "manifest.json: cannot be read", "verify", "{out}/case")
def verify_a_manifest_that_is_a_folder(scene: Scene) -> Path:
    (scene.out / "case" / "manifest.json").mkdir(parents=True)
    return scene.inputs


@hostile(0, "Wrote 1 files", "build", "{case}", "--output", "{out}", "--document", "brief", "--document", "brief",
         "--lang", "en", "--lang", "en", "--format", "pdf", "--format", "pdf")
def repeated_options_count_once(scene: Scene) -> Path:
    return scene.workbook()


# case.toml, SOURCE_DATE_EPOCH and what is not worth building (issue 10, items 8 and 9).
def _settings(text: str | bytes) -> Callable[[Scene], Path]:
    def make(scene: Scene) -> Path:
        scene.workbook()
        scene.file("case.toml", text)
        return scene.inputs
    return make


SETTINGS = {
    "periods_that_are_numbers": (2, "periods: must be a list of [[periods]] tables",
                                 "periods = [1, 2]\n"),
    "build_date_in_year_one": (2, "build_date: must fall between 1980-01-01 and 2107-12-31",
                               "build_date = 0001-01-01\n"),
    "unknown_organisation_key": (2, "organisation.emial: unknown setting",
                                 '[organisation]\nemial = "cases@example.org"\n'),
    "unknown_period_key": (2, "periods[1].ending: unknown setting",
                           "[[periods]]\nstart = 2018-05-01\nending = 2019-01-01\n"),
    "unknown_osce_key": (2, "osce.session: unknown setting", '[osce]\nsession = "I"\n'),
    "period_ending_before_it_starts": (2, "periods[1].end: is before its start",
                                       "[[periods]]\nstart = 2019-05-01\nend = 2018-05-01\n"),
    "unknown_language_of_a_title": (2, "title: unknown language fr", '[title]\nfr = "une affaire"\n'),
    "settings_in_windows_1251": (2, "case.toml: not UTF-8 text", 'title = "дело"\n'.encode("cp1251")),
    "settings_that_are_not_toml": (2, "case.toml: not valid TOML", "title = \n"),
    "settings_with_a_byte_order_mark": (0, "0 errors", "\ufeffbuild_date = 2018-11-01\n"),
}
for _name, (_code, _phrase, _text) in SETTINGS.items():
    _make = _settings(_text)
    _make.__name__ = _name
    hostile(_code, _phrase, *(["validate", "{case}"] if _code == 0 else SMALL_BUILD))(_make)


for _name, _value in {"letters": "abc", "huge": "99999999999999999999", "negative": "-86400",
                      "fraction": "1.5"}.items():
    _make = _settings('title = "A case"\n')
    _make.__name__ = f"source_date_epoch_{_name}"
    hostile(2, "SOURCE_DATE_EPOCH: must be a whole number of seconds", *SMALL_BUILD,
            env={"SOURCE_DATE_EPOCH": _value})(_make)


@hostile(1, "Complainants: The sheet Complainants holds no complainant: there is nothing to build.")
def a_blank_workbook(scene: Scene) -> Path:
    return scene.workbook(people=[], episodes=[])


@hostile(1, "error(s)", *SMALL_BUILD)
def a_blank_workbook_is_not_built(scene: Scene) -> Path:
    return a_blank_workbook(scene)


@hostile(0, "Complainants!H3: The date of birth is before 1900.")
def born_before_1900(scene: Scene) -> Path:
    return scene.workbook(people=[NAMED, UNNAMED | {"date_of_birth": datetime.date(1889, 1, 2)}])


# A DTD in any part of the package (issue 10, item 9).
def _with_document_type(part: str, encoding: str = "utf-8") -> Callable[[Scene], Path]:
    def make(scene: Scene) -> Path:
        def declare(data: bytes) -> bytes:
            text = data.decode("utf-8")
            start = text.index("?>") + 2 if text.startswith("<?xml") else 0
            root = text[start:].lstrip()[1:].split()[0].split(">")[0]
            text = text[:start] + f'<!DOCTYPE {root} [<!ENTITY who "Жасыбаева">]>' + text[start:]
            if encoding != "utf-8":
                text = text.replace('encoding="UTF-8"', "").replace("encoding='UTF-8'", "")
            return text.encode(encoding)
        return rewrite(scene.workbook(), part, declare)
    return make


for _part, _encoding in (("xl/styles.xml", "utf-8"), ("xl/_rels/workbook.xml.rels", "utf-8"),
                         ("_rels/.rels", "utf-8"), ("docProps/core.xml", "utf-8"), ("docProps/app.xml", "utf-8"),
                         ("[Content_Types].xml", "utf-8"), ("xl/workbook.xml", "utf-8"),
                         ("xl/theme/theme1.xml", "utf-8"), ("xl/styles.xml", "utf-16")):
    _make = _with_document_type(_part, _encoding)
    _make.__name__ = ("document_type_in_" + re.sub(r"\W+", "_", _part).strip("_")
                      + ("_utf16" if _encoding != "utf-8" else ""))
    hostile(2, "declares a DTD")(_make)


@hostile(2, "declares a DTD", "validate", "{case}", "--annotate", "{out}/checked.xlsx")
def entity_in_a_sheet_name_attribute_with_annotate(scene: Scene) -> Path:
    def attack(data: bytes) -> bytes:
        data = data.replace(b"<workbook", b'<!DOCTYPE workbook [<!ENTITY n "Events">]><workbook', 1)
        return data.replace(b'name="Events"', b'name="&n;"', 1)
    return rewrite(scene.workbook(), "xl/workbook.xml", attack)


@hostile(2, "holds the documents of another case of the same name", *SMALL_BUILD)
def another_case_of_the_same_name_built_before(scene: Scene) -> Path:
    other = scene.root / "elsewhere" / "case"
    other.mkdir(parents=True)
    write_workbook(other / "case.xlsx", events=[event()], people=[NAMED], episodes=[episode("C1")])
    build(other, langs=("en",), formats=("pdf",), documents=("brief",), output_root=scene.out)
    return scene.workbook()


# More of the same classes: every id column, every sheet, every kind of file.
for _name, _text in {"root": "/", "parent": "..", "separator": "a/b", "sixty_five_characters": "e" * 65}.items():
    def _make(scene: Scene, text: str = _text) -> Path:
        return scene.workbook(events=[event(text)], episodes=[episode("C1", text), episode("C2", "rally")])
    _make.__name__ = f"event_id_{_name}"
    hostile(1, "Events!A2: The id in this cell is not usable")(_make)


@hostile(1, "Episodes!B2: The id in this cell is not usable")
def episode_naming_an_event_by_a_path(scene: Scene) -> Path:
    return scene.workbook(episodes=[episode("C1", "../../rally"), episode("C2")])


@hostile(1, "Events!A3: The id rаlly differs from the id in row 2 only")
def event_ids_differing_in_a_cyrillic_look_alike(scene: Scene) -> Path:
    return scene.workbook(events=[event("rally"), event("rаlly")])  # Cyrillic a


@hostile(1, "Complainants!A3: The id Ｃ1 differs from the id in row 2 only")
def complainant_ids_differing_in_width(scene: Scene) -> Path:
    return scene.workbook(people=[NAMED, UNNAMED | {"complainant_id": "Ｃ1"}], episodes=[episode("C1")])


def _second_sheet(original: str, title: str) -> Callable[[Scene], Path]:
    def make(scene: Scene) -> Path:
        path = scene.workbook()
        book = openpyxl.load_workbook(path)
        book.copy_worksheet(book[original]).title = title
        book.save(path)
        return path
    return make


for _original, _title in (("Events", "События"), ("Episodes", "Эпизодтар"), ("Complainants", "Шағымданушылар")):
    _make = _second_sheet(_original, _title)
    _make.__name__ = f"{_original.lower()}_sheet_twice_as_{_title}"
    hostile(2, f"are both the {_original} sheet")(_make)


@hostile(2, "are both the Events sheet")
def events_csv_in_two_letter_cases(scene: Scene) -> Path:
    complainants_csv(scene)
    scene.file("EVENTS.csv", "event_id,date,label_en,label_ru,label_kk\nrally,2019-05-10,the rally,митинг,жиын\n")
    return scene.inputs


for _name, (_phrase, _text) in {
    "documents_not_a_list": ("documents: must be a list of document names", 'documents = "brief"\n'),
    "unknown_document": ("documents: unknown document nope", 'documents = ["nope"]\n'),
    "title_a_number": ("title: must be a text or a table of texts", "title = 5\n"),
    "organisation_a_text": ("organisation: must be a table", 'organisation = "x"\n'),
    "unknown_top_level_key": ("titel: unknown setting", 'titel = "A case"\n'),
}.items():
    _make = _settings(_text)
    _make.__name__ = f"settings_{_name}"
    hostile(2, _phrase, *SMALL_BUILD)(_make)


@hostile(2, "there is no manifest.json", "verify", "{out}")
def verify_a_folder_without_a_manifest(scene: Scene) -> Path:
    scene.out.mkdir()
    return scene.inputs


@hostile(2, "not a manifest written by complaints", "verify", "{out}")
def verify_a_manifest_of_garbage(scene: Scene) -> Path:
    scene.out.mkdir()
    (scene.out / "manifest.json").write_text('{"outputs": [1, 2]}')
    return scene.inputs


@hostile(0, "Wrote", "intake-template", "{out}/intake.xlsx", "--force")
def intake_template_over_an_existing_file_with_force(scene: Scene) -> Path:
    return intake_template_over_an_existing_file(scene)


@hostile(2, "cannot be written", "validate", "{case}", "--annotate", "/proc/complaints-checked.xlsx")
def annotate_into_proc(scene: Scene) -> Path:
    return scene.workbook()


@hostile(2, "cannot be written", "validate", "{case}", "--annotate", "{out}/no/such/folder/checked.xlsx")
def annotate_into_a_missing_folder(scene: Scene) -> Path:
    return scene.workbook()


@hostile(2, "cannot be written", "demo-data", "--complainants", "1", "/proc/complaints-demo.xlsx")
def demo_data_into_proc(scene: Scene) -> Path:
    return scene.inputs


@hostile(2, "holds, an input of the case", "build", "{case}", "--output", "{inputs}/..", "--document", "brief")
def build_whose_output_would_replace_the_case_folder(scene: Scene) -> Path:
    return _case_folder_with_settings(scene)


@hostile(2, "holds, an input of the case", "build", "{case}", "--output", "{inputs}/..", "--document", "brief")
def build_of_a_workbook_whose_output_would_replace_its_folder(scene: Scene) -> Path:
    scene.workbook()
    return scene.inputs / "case.xlsx"  # the case is named after the workbook: output/case is the folder


@pytest.mark.slow  # three builds, each in a process of its own
def test_the_bytes_built_do_not_depend_on_hash_order(tmp_path):
    """Issue 10, item 2: nothing that reaches a document depends on set or hash order. Python
    orders sets of strings by a hash salted per process; three salts, one tiny case."""
    case = tmp_path / "case"
    case.mkdir()
    people = [NAMED, UNNAMED, person("C3", surname="Ахметов", given_name="Ержан", sex="M", id_document="3",
                                     surname_latin="AKHMETOV", given_name_latin="YERZHAN", city="Шымкент",
                                     contact=None)]
    write_workbook(case / "case.xlsx", events=[event("rally"), event("march", datetime.date(2019, 3, 8))],
                   people=people, episodes=[episode("C1"), episode("C2", "march", "fine"),
                                            episode("C3", "march", "search", city="Шымкент")])
    built = []
    for seed in ("0", "1", "4242"):
        out = tmp_path / f"out-{seed}"
        env = os.environ | {"PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1700000000"}
        subprocess.run([sys.executable, "-m", "complaints", "build", str(case), "--output", str(out), "--lang", "ru",
                        "--document", "collective-complaint", "--jobs", "1"],
                       env=env, check=True, capture_output=True, cwd=tmp_path)
        built.append({path.relative_to(out).as_posix(): path.read_bytes()
                      for path in sorted(out.rglob("*")) if path.is_file()})
    assert sorted(built[0]) == ["case/figures.xlsx", "case/manifest.json", "case/ru/collective-complaint.docx",
                                "case/ru/collective-complaint.pdf"]
    assert built[1] == built[0]
    assert built[2] == built[0]


def test_a_path_made_from_an_id_that_slipped_past_validation_stops_the_build(tmp_path, monkeypatch):
    """Defence in depth: every path the build writes is checked to lie inside its staging folder."""
    from complaints import build as build_module
    from complaints.errors import BuildError

    case = tmp_path / "deep" / "er" / "case"
    case.mkdir(parents=True)
    write_workbook(case / "case.xlsx", events=[event()], people=[NAMED], episodes=[episode("C1")])
    planned = build_module.plan

    def escaping(*args, **kwargs):
        return [dataclasses.replace(job, member="../../../../escape") if job.member else job
                for job in planned(*args, **kwargs)]

    monkeypatch.setattr(build_module, "plan", escaping)
    with pytest.raises(BuildError, match="outside"):
        build(case, langs=("en",), formats=("pdf",), documents=("hrc",), output_root=tmp_path / "deep" / "out")
    assert not (tmp_path / "deep" / "out" / "case").exists()
    assert [path for path in tmp_path.rglob("*") if "escape" in path.name] == []
    assert [path.name for path in (tmp_path / "deep" / "out").iterdir()] == []


def test_no_reuse_renders_again_a_file_swapped_with_its_manifest(tmp_path):
    """A rebuild keeps an output whose key and hash match the manifest; someone who swapped both
    gets their file kept, unless the build is told --no-reuse (README: use it before sending)."""
    case = tmp_path / "case"
    case.mkdir()
    write_workbook(case / "case.xlsx", events=[event()], people=[NAMED, UNNAMED], episodes=[episode("C1")])
    options = dict(langs=("en",), formats=("pdf",), documents=("brief",), output_root=tmp_path / "out")
    first = build(case, **options)
    swapped = first.files[0]
    original = swapped.read_bytes()
    forged = original.replace(b"%%EOF", b"%%EOF\n% swapped")
    swapped.write_bytes(forged)
    manifest_path = first.output / "manifest.json"
    manifest = json.loads(manifest_path.read_text("utf-8"))
    manifest["outputs"]["en/brief.pdf"] = hashlib.sha256(forged).hexdigest()
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")

    kept = build(case, **options)
    assert kept.reused == [swapped] and swapped.read_bytes() == forged
    fresh = build(case, **options, reuse=False)
    assert fresh.reused == [] and swapped.read_bytes() == original



@pytest.mark.parametrize("where, code", [
    ("complaints.publish.tempfile.mkdtemp", errno.EACCES),  # a read-only output folder (root ignores modes)
    ("complaints.render.write_private", errno.ENOSPC),  # a full drive
    ("complaints.build.publish", errno.EPERM),  # an immutable output/<case> (chattr +i)
])
def test_what_the_operating_system_refuses_is_one_line_naming_the_path(where, code, tmp_path, monkeypatch):
    case = tmp_path / "case"
    case.mkdir()
    write_workbook(case / "case.xlsx", events=[event()], people=[NAMED], episodes=[episode("C1")])
    refused = tmp_path / "out" / "refused-here"

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code), str(refused))

    monkeypatch.setattr(where, refuse)
    result = CliRunner().invoke(main, ["build", str(case), "--output", str(tmp_path / "out"), "--document", "brief",
                                       "--lang", "en", "--format", "pdf", "--jobs", "1"])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert errors == [f"Error: {refused}: {os.strerror(code)}"], result.output
    assert not (tmp_path / "out" / "case").exists()


def test_the_folders_made_for_the_output_are_private(tmp_path):
    case = tmp_path / "case"
    case.mkdir()
    write_workbook(case / "case.xlsx", events=[event()], people=[NAMED], episodes=[episode("C1")])
    root = tmp_path / "made" / "for" / "output"
    result = CliRunner().invoke(main, ["build", str(case), "--output", str(root), "--document", "brief",
                                       "--lang", "en", "--format", "pdf", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    made = [tmp_path / "made", tmp_path / "made" / "for", root, root / "case", root / "case" / "en"]
    assert {folder.name: oct(folder.stat().st_mode & 0o777) for folder in made} == {
        folder.name: "0o700" for folder in made}
