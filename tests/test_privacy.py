"""Who may be seen where: every protected value of every complainant, searched for in every part
of every output and in everything the commands print or log.

Public documents name only complainants who consented; they never show an identity document
number, a contact or a date of birth. Confidential documents carry the data their forms require,
a "Confidential" mark on every page, and never a contact.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import logging
import os
import re
import shutil
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

import pytest
from babel.dates import format_date
from babel.messages.pofile import read_po
from click.testing import CliRunner

from complaints.build import build
from complaints.cli import main
from complaints.documents import REGISTRY
from complaints.i18n import catalog_path, language, languages
from complaints.names import transliterate
from complaints.records import Complainant, read_records
from complaints.workbook import read_workbook

from conftest import EXAMPLE, TODAY, episode, event, person, write_workbook
from readback import docx_headers, texts


@dataclasses.dataclass(frozen=True)
class Secret:
    owner: str  # the complainant id: a failure names no one
    kind: str
    value: str

    def found_in(self, haystack: str) -> bool:
        """Anywhere in a folded text (see found), as a whole word or number."""
        needle = _folded(self.value)
        start = haystack.find(needle)
        while start >= 0:
            end = start + len(needle)
            if not (start and haystack[start - 1].isalnum()) and not haystack[end:end + 1].isalnum():
                return True
            start = haystack.find(needle, start + 1)
        return False


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def found(secrets: list[Secret], text: str) -> list[Secret]:
    """The secrets in text, whatever its case and line breaks."""
    haystack = _folded(text)
    return [secret for secret in secrets if secret.found_in(haystack)]


def _words(*parts: str | None) -> list[str]:
    return [word for part in parts if part for word in part.split() if any(c.isalpha() for c in word)]


def name_forms(person: Complainant) -> tuple[set[str], set[str]]:
    """(each word of each spelling of the name, the whole names): Cyrillic, the passport's Latin,
    and the transliteration English documents fall back on."""
    cyrillic = (person.surname, person.given_name, person.patronymic)
    latin = (person.surname_latin, person.given_name_latin)
    translit = tuple(transliterate(part) if part else None for part in cyrillic)
    words = {_folded(word) for word in _words(*cyrillic, *latin, *translit)}
    whole = set()
    for surname, given, patronymic in (cyrillic, latin + (None,), translit):
        if surname and given:
            whole |= {f"{given} {surname}", f"{surname} {given}",
                      " ".join(_words(surname, given, patronymic))}
    return words, {_folded(name) for name in whole}


def dates(day: datetime.date) -> set[str]:
    """A date as any document could print it: ISO, dotted, and each language's own ways."""
    shown = {day.isoformat(), f"{day:%d.%m.%Y}", f"{day.day}.{day.month}.{day.year}"}
    for code in languages():
        lang = language(code)
        shown.add(lang.date(day))
        shown |= {format_date(day, style, locale=lang.locale) for style in ("medium", "long", "full")}
    return shown


def identity_secrets(people: Iterable[Complainant]) -> list[Secret]:
    """Identity document numbers and dates of birth: never in a public document."""
    secrets = []
    for complainant in people:
        if complainant.id_document:
            secrets += _with_digits(complainant.complainant_id, "identity document", complainant.id_document)
        if complainant.date_of_birth:
            secrets += [Secret(complainant.complainant_id, "date of birth", shown)
                        for shown in dates(complainant.date_of_birth)]
    return secrets


def contact_secrets(people: Iterable[Complainant]) -> list[Secret]:
    """Contacts: never in any document."""
    return [secret for person in people if person.contact
            for contact in re.split(r"[;,\n]", person.contact) if contact.strip()
            for secret in _with_digits(person.complainant_id, "contact", contact.strip())]


def _with_digits(owner: str, kind: str, value: str) -> list[Secret]:
    """The value as written, and its digits alone for a number printed without its spaces or dashes."""
    digits = re.sub(r"\D", "", value)
    spellings = [value] + ([digits] if len(digits) >= 7 and digits != value else [])
    return [Secret(owner, kind, spelling) for spelling in spellings]


@functools.cache
def tool_words() -> frozenset[str]:
    """Every word the tool itself writes, in any language: the catalogs' messages and translations."""
    found: set[str] = set()
    for code in languages():
        with catalog_path(code).open("rb") as po:
            for message in read_po(po, locale=code):
                for text in (message.id, message.string):
                    for part in (text if isinstance(text, tuple) else (text,)):
                        found |= {_folded(word) for word in re.findall(r"\w+", part or "")}
    return frozenset(found)


def name_secrets(people: Iterable[Complainant], may_be_named: Iterable[Complainant]) -> list[Secret]:
    """The names of everyone not in may_be_named. A word they share with a name that may be printed
    (a common given name, a family's surname), or that the tool writes itself (the surname Ли and the
    Russian particle «ли»), is searched for only within the whole name."""
    allowed_words, allowed_whole = set(tool_words()), set()
    for complainant in may_be_named:
        words, whole = name_forms(complainant)
        allowed_words |= words
        allowed_whole |= whole
    named = {complainant.complainant_id for complainant in may_be_named}
    secrets = []
    for complainant in people:
        if complainant.complainant_id in named:
            continue
        words, whole = name_forms(complainant)
        secrets += [Secret(complainant.complainant_id, "name", value)
                    for value in sorted((words - allowed_words) | (whole - allowed_whole))]
    return secrets


def everything_personal(people: list[Complainant]) -> list[Secret]:
    return name_secrets(people, ()) + identity_secrets(people) + contact_secrets(people)


def confidential_mark(code: str) -> str:
    """The catalog's translation of "Confidential", in whatever context the code asks for it."""
    with catalog_path(code).open("rb") as po:
        catalog = read_po(po, locale=code)
    translated = (m.string for m in catalog if m.id == "Confidential" and m.string and not m.fuzzy)
    return next(translated, "Confidential")


@pytest.fixture(scope="module")
def confidential_build(tmp_path_factory):
    """A confidential document type made for the test from the first public one, so that the
    confidential checks always have something to check, whatever the registry holds."""
    public = next(document for document in REGISTRY.values() if document.public)
    secret = dataclasses.replace(public, name=f"{public.name}-confidential-test", public=False)
    root = tmp_path_factory.mktemp("confidential")
    case = root / "example"
    shutil.copytree(EXAMPLE, case)
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(REGISTRY, secret.name, secret)
        return build(case, documents=(secret.name,), output_root=root / "output", today=TODAY)


@pytest.fixture(scope="module")
def outputs(example_build, confidential_build):
    """(job, path) of every file the two builds wrote."""
    return [(job, result.output / job.relative_path)
            for result in (example_build, confidential_build) for job in result.jobs]


@pytest.fixture(scope="module")
def read_back(outputs) -> dict:
    """Each output's texts, read once for every test here (pdftotext is most of their time)."""
    paths = [path for _, path in outputs]
    with ThreadPoolExecutor(os.cpu_count()) as pool:
        return dict(zip(paths, pool.map(lambda path: list(texts(path)), paths), strict=True))


@pytest.fixture(scope="module")
def everyone(example_build):
    """Every complainant on the workbook, those the case leaves out included."""
    return read_records(read_workbook(example_build.loaded.files.workbook)).complainants


def leaks(read_back: dict, paths, secrets: list[Secret]) -> list[str]:
    return [f"{path.name}, {where}: the {secret.kind} of {secret.owner}"
            for path in paths for where, text in read_back[path] for secret in found(secrets, text)]


def test_public_documents_show_only_the_names_of_those_who_consented(outputs, read_back, everyone, example_build):
    """Nor the names of those the case leaves out, who gave no power of attorney to name them."""
    consenting = [m.person for m in example_build.loaded.case.members if m.person.consent_to_name]
    secrets = name_secrets(everyone, consenting) + identity_secrets(everyone) + contact_secrets(everyone)
    public = [path for job, path in outputs if job.document.public]
    assert public
    assert {secret.kind for secret in secrets} == {"name", "identity document", "contact", "date of birth"}
    assert leaks(read_back, public, secrets) == []


def test_confidential_documents_show_no_contact(outputs, read_back, everyone):
    confidential = [path for job, path in outputs if not job.document.public]
    assert confidential  # the test's own confidential type at least
    assert leaks(read_back, confidential, contact_secrets(everyone)) == []


def test_confidential_documents_are_marked_on_every_page(outputs, read_back):
    checked = 0
    for job, path in outputs:
        if job.document.public:
            continue
        mark = _folded(confidential_mark(job.lang))
        if path.suffix == ".pdf":
            shown = [text for where, text in read_back[path] if where.startswith("page ")]
        else:
            shown = docx_headers(path)
        assert shown and all(mark in _folded(text) for text in shown), path
        checked += 1
    assert checked >= 2 * len(languages())  # at least both formats of the test's own type in every language


def test_the_scan_finds_what_it_looks_for(outputs, read_back, example_build):
    """The checks above would see a leak: the names a public document does print, those of the
    complainants in it who consented, are all found by the same search."""
    job, pdf = next((job, path) for job, path in outputs if job.document.public and path.suffix == ".pdf")
    members, _ = job.document.members(example_build.loaded.case.members, example_build.day)
    named = [member.person for member in members if member.person.consent_to_name]
    assert named
    for path in (pdf, pdf.with_suffix(".docx")):
        everything = "\n".join(text for _, text in read_back[path])
        found_names = {secret.owner for secret in found(name_secrets(named, ()), everything)}
        assert found_names == {person.complainant_id for person in named}, path


@pytest.mark.slow
def test_nothing_personal_reaches_the_terminal_or_the_logs(tmp_path, caplog, capfd):
    """validate and build of a workbook with errors and warnings, then of one with warnings only,
    then verify: everything printed or logged names complainants by id and cells by reference."""
    caplog.set_level(logging.DEBUG)
    people = [
        person("C1", consent_to_name="no", patronymic="Серикқызы",
               contact="+7 701 555 12 34; aigerim.o@example.org"),
        person("C2", "Байжанов", "Тимур", surname_latin=None, given_name_latin=None, id_document="N7654321",
               date_of_birth=datetime.date(1984, 12, 20), contact="8 (705) 123-45-67"),
        person("C3", "Жумабекова", "Динара", surname_latin="ZHUMABEKOVA", given_name_latin="DINARA",
               id_document="N7654321", city="Шымкетн", consent_to_name="yes"),
        person("C4", "Ермеков", "Даурен", surname_latin="YERMEKOV", given_name_latin="DAUREN", poa_date=None,
               id_document="045678123", contact="dauren.y@example.org",
               date_of_birth=datetime.date(1973, 1, 20)),
    ]
    episodes = [episode("C1"), episode("C2"), episode("C3"), episode("C4")]
    broken = people + [person("C5", "Смагулов", "Дархан", poa_date="soon", id_document="078259233",
                              contact="+77010000019")]
    bad = write_workbook(tmp_path / "bad.xlsx", events=[event()], people=broken,
                         episodes=episodes + [episode("C9", measure="beating")])
    good = write_workbook(tmp_path / "good.xlsx", events=[event()], people=people, episodes=episodes)
    out = tmp_path / "out"
    runner = CliRunner()
    printed = []
    for args in ([["validate", bad, "--lang", code] for code in languages()]
                 + [["validate", bad, "--format", "json"], ["build", bad, "--output", out],
                    ["validate", good], ["build", good, "--lang", "en", "--format", "pdf", "--output", out],
                    ["verify", out / "good"]]):
        result = runner.invoke(main, [str(arg) for arg in args])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        printed.append(result.output)
    assert "Complainants!L6" in printed[0] and "C2" in printed[0]  # it does say where and whom
    captured = capfd.readouterr()
    everything = "\n".join(printed + [caplog.text, captured.out, captured.err])
    complainants = read_records(read_workbook(bad)).complainants
    assert len(complainants) == len(broken)
    leaked = found(everything_personal(complainants), everything)
    assert [f"the {secret.kind} of {secret.owner}" for secret in leaked] == []
