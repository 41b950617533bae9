"""Nothing lost, nothing half-written, and a build anyone can check: the swap into place under
signals and kills, the lock, private permissions, untouched inputs, the manifest, byte-identical
rebuilds and `complaints verify`."""

from __future__ import annotations

import datetime
import hashlib
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import complaints
from complaints import publish as publish_module
from complaints import render as render_module
from complaints.build import build
from complaints.cli import main
from complaints.documents import REGISTRY
from complaints.errors import BuildError, OutputBusy
from complaints.i18n import catalog_path
from complaints.lock import lock_path
from complaints.private_files import keep, write_private
from complaints.render_html import docx_dir, html_dir, template_root
from complaints.verify import MANIFEST, verify

from conftest import EXAMPLE, TODAY, episode, event, person, write_workbook


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def whole(folder: Path) -> dict:
    """The manifest of a complete build: every file there, none more, each hashing as it says."""
    assert verify(folder).problems == []
    return json.loads((folder / MANIFEST).read_text("utf-8"))


def beside(target: Path) -> list[str]:
    """What the output root holds besides the case's output: leftovers, a lock."""
    return sorted(path.name for path in target.parent.iterdir() if path != target)


DOCUMENT = next(iter(REGISTRY))  # most tests here build this one document type: it is all they need


def small_case(tmp_path: Path, **changes) -> Path:
    return write_workbook(tmp_path / "small.xlsx", events=[event("e1", **changes)],
                          people=[person("C1"),
                                  person("C2", "Байжанов", "Тимур", consent_to_name="no", id_document="N07700001",
                                         surname_latin="BAIZHANOV", given_name_latin="TIMUR")],
                          episodes=[episode("C1", "e1"), episode("C2", "e1")])


def build_one(path: Path, root: Path, **options):
    return build(path, documents=(DOCUMENT,), output_root=root, today=TODAY, **options)


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


# In a child process: SIGKILL itself at one chosen moment of a build of the small case, in English
# and both formats. The moments no timer would hit: a file written, the folders just swapped, and,
# where the file system cannot swap two folders, the previous output set aside.
KILLED_AT = """
import os, signal, sys
from pathlib import Path
from complaints import build, publish, render

def then_killed(function):
    def run_then_die(*args, **kwargs):
        function(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)
    return run_then_die

moment, workbook, root, document = sys.argv[1:]
if moment == "file written":
    render.write_private = then_killed(render.write_private)
elif moment == "swapped":
    publish.exchange = then_killed(publish.exchange)
else:
    publish.exchange = lambda staging, target: False
    Path.rename = then_killed(Path.rename)
build.build(Path(workbook), langs=("en",), documents=(document,), output_root=Path(root))
"""


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["file written", "swapped", "set aside"])
def test_a_build_killed_at_its_most_delicate_moments_loses_nothing(tmp_path, moment, monkeypatch):
    path = small_case(tmp_path)
    previous = build_one(path, tmp_path / "out", langs=("en",), formats=("pdf",))
    target, before = previous.output, whole(previous.output)
    child = subprocess.run([sys.executable, "-c", KILLED_AT, moment, str(path), str(tmp_path / "out"),
                            DOCUMENT], capture_output=True, text=True)
    assert child.returncode == -signal.SIGKILL, child.stderr
    if moment == "file written":
        assert whole(target) == before
    elif moment == "swapped":
        assert sorted(whole(target)["outputs"]) == [f"en/{DOCUMENT}.docx", f"en/{DOCUMENT}.pdf", "figures.xlsx"]
    else:  # the previous output, whole, under its leftover name until the next build puts it back
        assert not target.exists()
        [aside] = [target.parent / name for name in beside(target) if ".previous-" in name]
        assert whole(aside) == before
    killed = whole(target) if target.exists() else before
    assert beside(target)  # the killed build's leftovers
    # The next build clears them, even one that fails while rendering (validation would refuse a
    # character no font can show before that, so the check is told to fail).
    def no_glyph(text: str, where: str) -> None:
        raise BuildError(f"{where}: the document font has no glyph for U+6F22")

    monkeypatch.setattr(render_module, "check_glyphs", no_glyph)
    with pytest.raises(BuildError):
        build_one(path, tmp_path / "out", langs=("en",))
    assert whole(target) == killed
    assert beside(target) == []


@pytest.mark.parametrize("workers", [1, 2])
def test_an_interrupted_build_removes_its_partial_output(tmp_path, monkeypatch, workers):
    """Ctrl-C (a KeyboardInterrupt) after the first file: the partial folder goes, the previous
    output stays, and no worker process is left."""
    path = small_case(tmp_path)
    previous = build_one(path, tmp_path / "out", langs=("en",), formats=("pdf",))
    before = whole(previous.output)
    write = render_module.write_private

    def interrupted(*args):
        write(*args)
        raise KeyboardInterrupt

    monkeypatch.setattr(render_module, "write_private", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_one(path, tmp_path / "out", langs=("en", "ru"), workers=workers)
    assert whole(previous.output) == before
    assert beside(previous.output) == []
    assert multiprocessing.active_children() == []


def test_a_file_is_never_written_into_a_staging_folder_that_was_cleared(tmp_path):
    """A worker of a killed build, still writing when the next build clears the killed one's
    staging folder, fails: it does not make the folder again beside the output."""
    staging = tmp_path / ".example.partial-killed"
    staging.mkdir()
    write_private(staging, Path("hrc/C1.pdf"), b"%PDF-1.7")
    assert (staging / "hrc" / "C1.pdf").stat().st_mode & 0o777 == 0o600
    assert (staging / "hrc").stat().st_mode & 0o777 == 0o700
    shutil.rmtree(staging)
    with pytest.raises(FileNotFoundError):
        write_private(staging, Path("wgad-questionnaire/C2.pdf"), b"%PDF-1.7")
    with pytest.raises(FileNotFoundError):
        keep(tmp_path / "C2.pdf", staging, Path("hrc/C2.pdf"))
    assert list(tmp_path.iterdir()) == []


# A worker forked by a build that is then killed: the worker prints its process id and waits.
WORKER_OF_A_KILLED_BUILD = """
import os, signal, sys, time
from complaints import parallel

ready, told = os.pipe()
worker = os.fork()
if worker == 0:
    lock = os.open(os.devnull, os.O_RDONLY)
    parallel._start_worker(None, lock, os.getppid(), True)
    os.write(told, b"1")
    time.sleep(120)
    os._exit(0)
os.read(ready, 1)
print(worker, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_worker_ends_with_its_killed_build(tmp_path):
    build_process = subprocess.run([sys.executable, "-c", WORKER_OF_A_KILLED_BUILD], capture_output=True,
                                   text=True, timeout=60)
    assert build_process.returncode == -signal.SIGKILL, build_process.stderr
    worker = int(build_process.stdout)
    status = Path(f"/proc/{worker}/stat")
    for _ in range(600):  # the worker is gone in a moment; it was to sleep for two minutes
        # Gone, or dead and not yet reaped by whoever adopted it (a zombie, state Z).
        if not status.exists() or status.read_text().rsplit(")", 1)[1].split()[0] == "Z":
            break
        time.sleep(0.05)
    else:
        pytest.fail(f"worker {worker} outlived its build")


def test_without_an_atomic_swap_the_new_output_still_replaces_the_old(tmp_path, monkeypatch):
    monkeypatch.setattr(publish_module, "exchange", lambda staging, target: False)
    path = small_case(tmp_path)
    build_one(path, tmp_path / "out", langs=("en",), formats=("pdf",))
    second = build_one(path, tmp_path / "out", langs=("ru",), formats=("pdf",))
    assert list(whole(second.output)["outputs"]) == ["figures.xlsx", f"ru/{DOCUMENT}.pdf"]
    assert beside(second.output) == []


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.slow
def test_killing_a_real_build_at_any_moment_leaves_a_whole_output(tmp_path):
    """`complaints build` in a process of its own, stopped by SIGINT or SIGKILL at moments spread
    over its run: the output is always the previous one or the new one, whole, or none at all if
    there was none; the next build clears what the killed one left; the inputs are untouched."""
    case = tmp_path / "example"
    shutil.copytree(EXAMPLE, case)
    inputs = snapshot(case)

    def start(root: Path) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "complaints", "build", case, "--lang", "en",
                                 "--lang", "ru", "--document", DOCUMENT, "--output", root],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    started = time.monotonic()
    assert start(tmp_path / "timed").wait() == 0
    duration = time.monotonic() - started
    new = whole(tmp_path / "timed" / "example")

    fresh = start(tmp_path / "fresh")
    time.sleep(duration * 0.75)
    fresh.send_signal(signal.SIGKILL)
    fresh.wait()
    target = tmp_path / "fresh" / "example"
    assert not target.exists() or whole(target) == new

    root = tmp_path / "out"
    target = root / "example"
    for fraction, signum in ((0.3, signal.SIGINT), (0.6, signal.SIGKILL), (0.85, signal.SIGINT),
                             (0.95, signal.SIGKILL)):
        previous = build_one(case, root, langs=("en",), formats=("docx",))
        assert beside(target) == []
        before = whole(previous.output)
        process = start(root)
        time.sleep(duration * fraction)
        process.send_signal(signum)
        process.wait()
        assert whole(target) in (before, new), (fraction, signum)
    assert snapshot(case) == inputs


def test_a_second_build_of_the_same_case_is_refused_while_the_first_runs(tmp_path):
    path = small_case(tmp_path)
    root = tmp_path / "out"
    first = build_one(path, root, langs=("en",), formats=("pdf",))
    before = whole(first.output)
    seen = []

    def meanwhile(job):
        if seen:
            return
        with pytest.raises(OutputBusy) as refused:
            build_one(path, root, langs=("ru",))
        seen.append(str(refused.value))
        seen.append(run("build", path, "--document", DOCUMENT, "--output", root))
        seen.append(lock_path(first.output).stat().st_mode & 0o777)
        assert whole(first.output) == before  # the refused builds touched nothing

    build_one(path, root, langs=("en",), progress=meanwhile)
    message, cli, lock_mode = seen
    assert message == (f"{first.output}: another build of this case is running; "
                       "run this one again when it has finished")
    assert cli.exit_code == 1 and cli.output.splitlines()[-1] == f"Error: {message}"
    assert lock_mode == 0o600
    assert beside(first.output) == []  # the lock goes with the build


def test_every_output_folder_is_0700_and_every_file_0600_whatever_the_umask(tmp_path, example_build):
    previous = os.umask(0)
    try:
        result = build_one(small_case(tmp_path), tmp_path / "out", langs=("en",))
    finally:
        os.umask(previous)
    for output in (result.output, example_build.output):
        assert (output.parent.stat().st_mode & 0o777) == 0o700
        modes = {path.relative_to(output).as_posix(): path.stat().st_mode & 0o777
                 for path in output.rglob("*")}
        assert MANIFEST in modes and output.stat().st_mode & 0o777 == 0o700
        assert {name: mode for name, mode in modes.items()
                if mode != (0o700 if (output / name).is_dir() else 0o600)} == {}


def test_the_commands_only_read_their_inputs(tmp_path):
    """Byte for byte and to the nanosecond of their modification time, after each command."""
    case = tmp_path / "case"
    case.mkdir()
    small_case(case)
    (case / "case.toml").write_text("build_date = 2018-11-01\n", encoding="utf-8")
    before = snapshot(case)
    for args in (["validate", case],
                 ["build", case, "--lang", "en", "--document", DOCUMENT, "--output", tmp_path / "out"],
                 ["verify", tmp_path / "out" / "case"]):
        assert run(*args).exit_code == 0
        assert snapshot(case) == before, args[0]


def test_the_manifest_traces_every_input_template_catalog_library_and_output(example_build):
    manifest = whole(example_build.output)
    source = example_build.loaded.files
    assert manifest["inputs"] == {
        "workbook": {"name": source.workbook.name, "sha256": sha256(source.workbook)},
        "settings": {"name": source.settings.name, "sha256": sha256(source.settings)},
    }
    templates = {path.relative_to(template_root()).as_posix(): sha256(path)
                 for folder in (html_dir(), docx_dir()) for path in folder.rglob("*") if path.is_file()}
    assert manifest["templates"] == templates
    jobs = example_build.jobs
    assert {f"html/{job.document.html_template}" for job in jobs} <= set(templates)
    assert {f"docx/{job.document.docx_template}" for job in jobs} <= set(templates)
    assert manifest["catalogs"] == {job.lang: sha256(Path(str(catalog_path(job.lang)))) for job in jobs}
    gazetteer = Path(complaints.__file__).parent / "data" / "gazetteer.csv"
    assert manifest["data"]["data/gazetteer.csv"] == sha256(gazetteer)
    assert manifest["documents"] == {job.document.name: {"public": job.document.public} for job in jobs}
    tool = manifest["tool"]
    assert tool["complaints"] == metadata.version("complaints") and len(tool["complaints-code-sha256"]) == 64
    assert tool["python"] == ".".join(map(str, sys.version_info[:3])) and tool["pango"].count(".") == 2
    for library in ("weasyprint", "docxtpl", "python-docx", "jinja2", "babel", "openpyxl", "lxml", "pydyf",
                    "fonttools", "pyphen"):
        assert tool[library] == metadata.version(library), library
    counts = manifest["counts"]
    assert counts["complainants"] == example_build.counts.complainants
    assert counts["episodes"] == example_build.counts.episodes
    assert counts["excluded"] == example_build.counts.excluded
    assert manifest["outputs"] == {path.relative_to(example_build.output).as_posix(): sha256(path)
                                   for path in [*example_build.files, example_build.figures]}


def figure_rows(path: Path) -> set[tuple]:
    return set(openpyxl.load_workbook(path, read_only=True).worksheets[0].iter_rows(values_only=True))


def test_the_example_builds_to_the_same_bytes(tmp_path, example_build):
    """Its public documents in every language and format, and their manifest, built again on
    another day in another folder. (test_build rebuilds every document type of a small case.)"""
    public = [name for name, document in REGISTRY.items() if document.public]
    case = tmp_path / "example"
    shutil.copytree(EXAMPLE, case)
    again = build(case, documents=public, output_root=tmp_path / "out", today=datetime.date(2031, 5, 17))
    assert len(again.files) >= 2 * len(public)
    for path in again.files:
        assert path.read_bytes() == (example_build.output / path.relative_to(again.output)).read_bytes(), path
    rebuilt = json.loads((again.output / MANIFEST).read_text("utf-8"))
    original = json.loads((example_build.output / MANIFEST).read_text("utf-8"))
    for key in ("tool", "inputs", "templates", "catalogs", "data", "build_date"):
        assert rebuilt[key] == original[key], key
    # figures.xlsx holds the figures of the documents built: here those of the public ones, which are
    # rows of the whole build's.
    assert {k: v for k, v in rebuilt["outputs"].items() if k != "figures.xlsx"}.items() <= original["outputs"].items()
    assert figure_rows(again.output / "figures.xlsx") <= figure_rows(example_build.output / "figures.xlsx")


def test_verify_reports_each_file_changed_missing_or_added(tmp_path):
    result = build_one(small_case(tmp_path), tmp_path / "out", langs=("en", "ru"))
    ok = run("verify", result.output)
    assert ok.exit_code == 0
    assert ok.output.startswith(f"{len(result.files) + 1} files match {result.output / MANIFEST} (sha256 ")
    changed, missing = result.files[0], result.files[-1]
    changed.write_bytes(changed.read_bytes() + b" ")
    missing.unlink()
    (result.output / "en" / "notes.txt").write_text("added later")
    (result.output / "link.pdf").symlink_to(changed)  # even a link to an output is not the output
    problems = run("verify", result.output)
    assert problems.exit_code == 1
    expected = {changed.relative_to(result.output).as_posix(): "changed", "en/notes.txt": "added",
                "link.pdf": "added", missing.relative_to(result.output).as_posix(): "missing"}
    assert problems.output.splitlines() == [f"{expected[name]}: {name}" for name in sorted(expected)]


@pytest.mark.parametrize("manifest", [None, b"{not json", b'{"outputs": ["a list"]}'])
def test_verify_without_a_readable_manifest_exits_2_with_one_line(tmp_path, manifest):
    if manifest is not None:
        (tmp_path / MANIFEST).write_bytes(manifest)
    result = run("verify", tmp_path)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("Error: ")
