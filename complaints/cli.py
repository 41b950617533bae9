"""The command line: parses options, calls the core, prints. Nothing else.

Each command imports its core when it runs, so that `complaints --help` answers at once and
`verify` checks a build without loading the rendering libraries.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import ComplaintsError

EXAMPLE_CASE = Path("intake") / "example"


class DomainError(click.ClickException):
    def __init__(self, error: ComplaintsError):
        super().__init__(str(error))
        # click declares exit_code on the class, and reads it from the instance it catches.
        self.exit_code = error.exit_code  # type: ignore[misc]


class FileProblem(click.ClickException):
    """What the operating system refused (a read-only or full drive, a folder where a file
    should be): one line naming the path, exit code 2."""

    exit_code = 2

    def __init__(self, error: OSError):
        where = error.filename if error.filename is not None else "a file"
        super().__init__(f"{where}: {error.strerror or error.__class__.__name__}")


def domain_errors(command):
    """Turn a domain error, or any refusal of the operating system, into one clear line and its
    exit code, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except ComplaintsError as error:
            raise DomainError(error) from None
        except OSError as error:
            raise FileProblem(error) from None

    return wrapper


class LazyChoice(click.Choice):
    """A choice whose values are looked up when first needed, not when the command line is parsed
    for --help: the registry and the catalogs load the libraries the documents need."""

    def __init__(self, values) -> None:
        self._values = values
        super().__init__(())

    @property
    def choices(self):
        return self._values()

    @choices.setter
    def choices(self, _value) -> None:
        pass


def _languages():
    from .i18n import languages
    return languages()


def _formats():
    from .documents import FORMATS
    return FORMATS


def _documents():
    from .documents import REGISTRY
    return list(REGISTRY)


def once(values: tuple[str, ...]) -> tuple[str, ...]:
    """A value repeated on the command line counts once, in the order first given."""
    return tuple(dict.fromkeys(values))


def report_json(report, lang_code: str) -> dict:
    from .i18n import language

    lang = language(lang_code)
    return {
        "valid": report.valid,
        "appeals": report.appeals,
        "included": report.included,
        "issues": [
            {"severity": i.severity, "code": i.code, "sheet": i.sheet, "row": i.row,
             "column": i.column, "cell": i.cell, "message": report.locate(i, lang)}
            for i in report.sorted_issues()
        ],
        "exclusions": [
            {"complainant_id": e.complainant_id, "row": e.row, "reasons": list(e.reasons)}
            for e in report.exclusions
        ],
    }


LANG_CHOICE = LazyChoice(_languages)
FORCE = click.option("--force", is_flag=True, help="Replace the file if it exists.")


@click.group()
@click.version_option(__version__, prog_name="complaints")
def main():
    """Turn intake workbooks into collective complaints in English, Russian and Kazakh."""


@main.command()
@click.argument("workbook", type=click.Path(path_type=Path), default=EXAMPLE_CASE)
@click.option("--lang", "lang_code", type=LANG_CHOICE, default="en", show_default=True,
              help="Language of the messages.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Plain lines for people, or JSON for other tools.")
@click.option("--annotate", "annotated", type=click.Path(path_type=Path, dir_okay=False),
              help="Also write a copy of the workbook with every problem coloured and explained (.xlsx).")
@click.option("--strict", is_flag=True, help="Fail (exit code 1) on warnings too, not only on errors.")
@FORCE
@domain_errors
def validate(workbook: Path, lang_code: str, output_format: str, annotated: Path | None, strict: bool,
             force: bool):
    """Check WORKBOOK (or a case folder) cell by cell and report every problem.

    Exit code 0 when it can be built (warnings and exclusions allowed), 1 when
    it has errors (or, with --strict, warnings), 2 when it cannot be read at all.
    """
    from .case import CaseFiles
    from .i18n import language, languages
    from .paths import refuse_existing, refuse_inputs
    from .pipeline import load
    from .report import SEVERITY_LABELS

    if annotated:  # before the case is read, which can take a while
        source = CaseFiles.locate(workbook)
        refuse_inputs(annotated, source.inputs, [source.folder] if source.folder else [])
        refuse_existing(annotated, force)
    loaded = load(workbook, languages())
    report = loaded.report
    lang = language(lang_code)
    if annotated:
        from .annotate import annotate

        annotate(loaded.files.workbook, report, lang_code, annotated, force)
        click.echo(f"Wrote {annotated}", err=True)
    if output_format == "json":
        click.echo(json.dumps(report_json(report, lang_code), ensure_ascii=False, indent=2))
    else:
        for issue in report.sorted_issues():
            label = lang.pgettext("severity", SEVERITY_LABELS[issue.severity])
            click.echo(f"{label.upper()} {report.locate(issue, lang)}")
        for exclusion in report.exclusions:
            click.echo(exclusion.describe(lang))
        click.echo(report.summary(lang))
        click.echo(report.tally(lang))
    raise SystemExit(0 if report.valid and not (strict and report.warnings) else 1)


@main.command("build")
@click.argument("case", type=click.Path(path_type=Path), default=EXAMPLE_CASE)
@click.option("--lang", "langs", type=LANG_CHOICE, multiple=True,
              help="Document language; repeat for several. Default: all.")
@click.option("--format", "formats", type=LazyChoice(_formats), multiple=True,
              help="Output format; repeat for several. Default: docx and pdf.")
@click.option("--document", "documents", type=LazyChoice(_documents), multiple=True,
              help="Document type; repeat for several. Default: all.")
@click.option("--output", "output_root", type=click.Path(path_type=Path, file_okay=False),
              default=Path("output"), show_default=True, help="Folder that receives output/<case>/.")
@click.option("--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="the number of cores",
              help="How many documents to render at once, each in a process of its own.")
@click.option("--no-reuse", is_flag=True,
              help="Render every file again instead of keeping those unchanged since the previous build.")
@click.option("--force", is_flag=True, help="Replace the output of another case of the same name.")
@click.option("--final", is_flag=True,
              help="Documents to send: refuse (exit 1, writing nothing) while any document has open points.")
@domain_errors
def build_command(case: Path, langs, formats, documents, output_root: Path, jobs: int, no_reuse: bool,
                  force: bool, final: bool):
    """Build the documents of CASE (a workbook or a case folder; default: the example case).

    Only complainants with both an appeal form and a power of attorney are
    included; the summary says who was left out and why. A document with open
    points (what the workbook does not say and the lawyer must complete) is
    marked "Draft" on every page; the summary lists its open points.
    """
    from .bodies import CHANNELS, bodies
    from .build import produce
    from .documents import FORMATS
    from .i18n import language, languages
    from .open_points import describe
    from .packages import PACKAGE_SUFFIX
    from .pipeline import Job, build_date, load, plan, require_valid
    from .report import EXCLUSION_REASONS

    langs = once(langs) or languages()
    formats = once(formats) or FORMATS
    documents = once(documents)
    loaded = load(case, langs)
    require_valid(loaded)
    total = len(plan(loaded, langs, formats, documents))

    def shown(job: Job | None) -> str:
        return str(job.relative_path) if job else ""

    with contextlib.ExitStack() as stack:
        bars: list = []  # the progress bar, once shown

        def advance(job: Job) -> None:
            if not bars:  # shown from the first file on: a refusal before it stays one line
                bars.append(stack.enter_context(click.progressbar(
                    length=total, label="Rendering", file=sys.stderr, item_show_func=shown)))
            bars[0].update(1, job)

        result = produce(loaded, langs, formats, documents, output_root, progress=advance, workers=jobs,
                         reuse=not no_reuse, force=force, final=final)
    report, counts = result.loaded.report, result.counts
    for issue in report.warnings:
        click.echo(f"WARNING {report.locate(issue, language('en'))}", err=True)
    click.echo(report.summary(language("en")))
    click.echo(f"{counts.complainants} complainants from {counts.cities} cities and towns; "
               f"{counts.episodes} acts of persecution")
    for item in counts.events:
        click.echo(f"  {item.event.event_id}: {item.complainants} complainants, {item.episodes} acts")
    for exclusion in report.exclusions:
        reasons = ", ".join(EXCLUSION_REASONS[r] for r in exclusion.reasons)
        click.echo(f"  left out: {exclusion.complainant_id} (row {exclusion.row}): {reasons}")
    unchanged = f" ({len(result.reused)} unchanged since the previous build)" if result.reused else ""
    click.echo(f"Wrote {len(result.files)} files to {result.output}{unchanged}:")
    for summary in result.documents():
        document = summary.document
        where = f"<lang>/{document.name}/" if document.per_member else f"<lang>/{document.name}.pdf"
        click.echo(f"  {document.name}: {summary.complainants} complainants; {where}")
        if summary.to_send:
            # Named as the documents name it on their date (the OSCE meeting was renamed in 2022).
            recipient = language("en").pgettext("recipient", document.recipient_on(build_date(loaded.settings)))
            click.echo(f"    send {', '.join(summary.to_send)} to {recipient}"
                       + (f"; {', '.join(summary.courtesy)}: courtesy translation" if summary.courtesy else ""))
            for key in document.bodies:
                body = bodies()[key]
                channel = language("en").pgettext("channel", CHANNELS[body.channel])
                unverified = "" if body.checked else " (not verified on the body's own page: check it before sending)"
                click.echo(f"      {body.name.get('en', key)}: {channel} {body.email or body.portal}".rstrip()
                           + unverified)
        for lang, files in summary.files.items():
            packages = sum(path.endswith(PACKAGE_SUFFIX) for path in files)
            listed = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
            volumes = summary.volumes.get(lang, [])
            click.echo(f"    {lang}: send {listed}" + (f" ({packages} with annexes)" if packages else "")
                       + (f", with {len(volumes)} annex volumes: {volumes[0]} to {volumes[-1]}" if volumes else ""))
        if summary.unauthorised:
            click.echo(f"    left out, power of attorney does not cover it: {', '.join(summary.unauthorised)}")
    if result.untranslated:
        click.echo(f"{len(result.untranslated)} document(s) print free texts in another language than their own "
                   "(give the texts in that language: description_<lang>, authority_<lang>):")
        for document_path, number in result.untranslated.items():
            click.echo(f"  {document_path}: {number} untranslated text(s)")
    for long_one, pages, limit in result.over_limit:
        click.echo(f"WARNING {long_one}.pdf: {pages} pages, more than the {limit} its receiving body accepts")
    if result.open_points:
        click.echo(f"{len(result.open_points)} draft document(s) with open points to complete "
                   "(`build --final` refuses them):")
        for drafted, points in result.open_points.items():
            click.echo(f"  {drafted}: {describe(points)}")


@main.command("demo-data")
@click.option("--complainants", type=click.IntRange(1, 1_000_000), default=1000, show_default=True,
              help="How many synthetic complainants.")
@click.option("--seed", type=int, default=0, show_default=True, help="The same seed gives the same rows.")
@click.argument("out", type=click.Path(path_type=Path, dir_okay=False))
@FORCE
@domain_errors
def demo_data(complainants: int, seed: int, out: Path, force: bool):
    """Write a synthetic case workbook OUT with invented people, for trials and benchmarks."""
    from .demo import write_demo

    rows = write_demo(out, complainants, seed, force)
    click.echo(f"Wrote {out}: " + ", ".join(f"{sheet} {n}" for sheet, n in rows.items()))


@main.command("intake-template")
@click.argument("out", type=click.Path(path_type=Path, dir_okay=False), required=False)
@click.option("--lang", "lang_code", type=LANG_CHOICE, default="en", show_default=True,
              help="Language of the sheets, column titles, notes and lists.")
@FORCE
@domain_errors
def intake_template(out: Path | None, lang_code: str, force: bool):
    """Write a blank intake workbook to OUT (default: intake-LANG.xlsx).

    Every column title carries a note on what goes there, coded columns have
    dropdown lists, and an Instructions sheet explains the rest.
    """
    from .intake_template import write_template

    out = out or Path(f"intake-{lang_code}.xlsx")
    write_template(lang_code, out, force)
    click.echo(f"Wrote {out}")


@main.command("verify")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@domain_errors
def verify_command(folder: Path):
    """Check that FOLDER (a build, such as output/example) is what the build wrote.

    Re-hashes every file against FOLDER/manifest.json and prints one line per
    file changed, missing or added since. Exit code 0 when all match, 1 when
    any does not, 2 when there is no readable manifest.
    """
    from .verify import MANIFEST, verify

    result = verify(folder)
    for problem in result.problems:
        click.echo(str(problem))
    if result.problems:
        raise SystemExit(1)
    files = "1 file matches" if result.checked == 1 else f"{result.checked} files match"
    click.echo(f"{files} {folder / MANIFEST} (sha256 {result.manifest_sha256})")


@main.command("init")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--lang", "lang_code", type=LANG_CHOICE, default="en", show_default=True,
              help="Language of the workbook's titles and instructions.")
@domain_errors
def init(folder: Path, lang_code: str):
    """Create a case FOLDER with a commented case.toml and a blank intake workbook."""
    from .scaffold import init_case

    for path in init_case(folder, lang_code):
        click.echo(f"Wrote {path}")
    click.echo(f"Fill in the workbook, edit case.toml, then: complaints validate {folder}")
