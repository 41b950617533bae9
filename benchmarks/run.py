"""The benchmark of issue 6: synthetic cases of N complainants, read, counted, rendered and built,
beside the raw engines on the same content.

    .venv/bin/python benchmarks/run.py [--sizes 1000,10000] [--jobs 2] [--sample 20] [--repeat 3] [--annexes]

Prints one Markdown table per size (see benchmarks/README.md for what each row measures) and
writes the numbers as JSON into the work folder (default: benchmarks/work/, not committed). The
synthetic workbooks are made there once per size and seed. Not a test: nothing here is asserted.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import io
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import openpyxl
from docxtpl import DocxTemplate
from weasyprint import HTML

from complaints import render_docx as docx_module
from complaints.blocks import blocks_from_html
from complaints.build import build
from complaints.case_data import read_case_data
from complaints.context import document_context
from complaints.counts import count
from complaints.demo import write_demo
from complaints.documents import FORMATS, REGISTRY
from complaints.i18n import languages
from complaints.pipeline import load
from complaints.records import read_records
from complaints.render import DocumentHtml
from complaints.render_html import docx_dir, html_dir
from complaints.render_pdf import TemplateOnlyFetcher, render_pdf
from complaints.schema import ATTACHMENTS, COMPLAINANTS
from complaints.screen import Screen, free_texts, screen
from complaints.settings import Settings
from complaints.validation import publicly_named

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "scripts"))
from make_example_scans import scan  # noqa: E402  (a script, not a module of the package)

DAY = datetime.date(2023, 6, 1)
SETTINGS = f"build_date = {DAY.isoformat()}\n"
DOCX_TEMPLATE = docx_dir() / "document.docx"
# The column the rebuild corrects, in the row of the complainant in the middle of the annex.
EDITED_COLUMN = "given_name_latin"
PARTS = ("reading", "documents", "builds")
PROGRESS_EVERY = 500


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def spread(values: list[float], digits: int = 2) -> str:
    """The median, and the lowest and highest value when there are several."""
    median = f"{statistics.median(values):.{digits}f}"
    return median if len(values) == 1 else f"{median} ({min(values):.{digits}f}–{max(values):.{digits}f})"


class Table:
    def __init__(self, title: str):
        self.title, self.rows = title, []

    def add(self, *cells) -> None:
        self.rows.append([str(cell) for cell in cells])
        print(" | ".join(self.rows[-1]), file=sys.stderr, flush=True)

    def markdown(self) -> str:
        head = ["what", "measured", "per unit", "ratio"]
        lines = [f"### {self.title}", "", "| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
        lines += ["| " + " | ".join(row + [""] * (len(head) - len(row))) + " |" for row in self.rows]
        return "\n".join(lines)


def case_folder(work: Path, size: int, seed: int, annexes: bool = False) -> Path:
    folder = work / (f"case-{size}-{seed}" + ("-annexes" if annexes else ""))
    workbook = folder / f"demo-{size}.xlsx"
    if not workbook.exists():
        folder.mkdir(parents=True, exist_ok=True)
        write_demo(workbook, size, seed)
        (folder / "case.toml").write_text(SETTINGS, encoding="utf-8")
    if annexes:
        add_annexes(folder, size)
    return folder


# The scans --annexes gives a case: file -> (kind, what it stands for, pages, may go with the public
# submissions); the power of attorney is each complainant's (the same synthetic page in a file of their own).
CASE_SCANS = {"case-decision.pdf": ("decision", "Decision on the rally", 2, "no"),
              "case-photo.png": ("photo", "Photograph of the square", 1, "yes")}
POWER_OF_ATTORNEY = ("power_of_attorney", "Power of attorney", 1)


def add_annexes(folder: Path, size: int) -> int:
    """Give the case an Attachments sheet, once: a decision and a photograph of the whole case, and each
    complainant's power of attorney, as synthetic scans (scripts/make_example_scans.py). Returns how many."""
    workbook = folder / f"demo-{size}.xlsx"
    book = openpyxl.load_workbook(workbook)
    if ATTACHMENTS.key in book.sheetnames:  # demo-data writes the sheet with its header only
        if book[ATTACHMENTS.key].max_row > 1:
            return book[ATTACHMENTS.key].max_row - 1
        del book[ATTACHMENTS.key]
    annexes = folder / "annexes"
    annexes.mkdir(exist_ok=True)
    header = [column.key for column in ATTACHMENTS.columns]
    rows = []
    for name, (kind, title, pages, public) in CASE_SCANS.items():
        (annexes / name).write_bytes(scan(name, title, pages))
        rows.append({"kind": kind, "file": f"annexes/{name}", "date": DAY, "title_en": title, "public": public})
    kind, title, pages = POWER_OF_ATTORNEY
    page = scan("poa.pdf", title, pages)
    sheet = book[COMPLAINANTS.key]
    column = [cell.value for cell in sheet[1]].index("complainant_id")
    for row in sheet.iter_rows(min_row=2, values_only=True):
        (annexes / f"{row[column]}-poa.pdf").write_bytes(page)
        rows.append({"complainant_id": row[column], "kind": kind, "file": f"annexes/{row[column]}-poa.pdf",
                     "date": DAY})
    attachments = book.create_sheet(ATTACHMENTS.key)
    attachments.append(header)
    for row in rows:
        attachments.append([row.get(key) for key in header])
    book.save(workbook)
    return len(rows)


def naive_pdf(html: str) -> bytes:
    """WeasyPrint as its documentation shows it: fonts loaded and the linked stylesheet parsed for
    each document."""
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    document = HTML(string=html, base_url=str(html_dir()) + "/", url_fetcher=TemplateOnlyFetcher(html_dir())).render()
    return document.write_pdf(pdf_identifier=identifier, pdf_variant="pdf/a-3u")


def naive_docx(document_html: DocumentHtml, blocks: list) -> bytes:
    """docxtpl as its documentation shows it: the template read from disk, rendered and saved."""
    template = DocxTemplate(str(DOCX_TEMPLATE))
    numbering = template.get_docx().part.numbering_part.element
    layout = docx_module._template(DOCX_TEMPLATE)
    views = docx_module._block_views(blocks, lambda: docx_module._new_list(numbering, layout.list_abstract), layout)
    template.render(docx_module._context(views, document_html.meta), autoescape=True)
    stream = io.BytesIO()
    template.save(stream)
    return stream.getvalue()


def our_docx(document_html: DocumentHtml, blocks: list) -> bytes:
    moment = datetime.datetime.combine(DAY, datetime.time())
    return docx_module.render_docx(DOCX_TEMPLATE, blocks, document_html.meta, moment)


def reading(table: Table, folder: Path, size: int, repeat: int) -> None:
    """`load` (read the workbook, type and validate the records, select the case) and `count`, as a
    build runs them."""
    phases = {"read, type and validate (load)": [], "count": [], "total": []}
    for _ in range(repeat):
        loaded_time, loaded = timed(load, folder, languages(), DAY)
        counted, _ = timed(count, loaded.case)
        phases["read, type and validate (load)"].append(loaded_time)
        phases["count"].append(counted)
        phases["total"].append(loaded_time + counted)
    episodes = sum(len(member.episodes) for member in loaded.case.members)
    for name, values in phases.items():
        table.add(f"{name} ({size:,} complainants, {episodes:,} episodes of those included)", f"{spread(values)} s",
                  f"{spread([v / size * 1e6 for v in values], 0)} µs/complainant")


# Free text as a hurried clerk types it: a paragraph of about 300 characters, each different (the
# screen remembers texts it has seen), three in five naming someone by full name, initial or
# surname, some with a document number or a phone.
SCREENED_TEXTS = 30_000


def synthetic_texts(people: list, count: int) -> list[str]:
    texts = []
    for number in range(count):
        person = people[number * 7919 % len(people)]
        mention = ("", f"{person.surname} {person.given_name} ", f"{person.surname} {person.given_name[0]}. ",
                   "", f"{person.surname_latin or person.surname} ")[number % 5]
        extra = ("", f" паспорт № {person.id_document}", "", " тел. +7 701 000 00 00", "")[number % 5]
        texts.append(f"Дело № {100_000 + number}. Около 12:00 {mention}задержан сотрудниками полиции "
                     "у здания акимата после выхода "
                     f"на мирное собрание; доставлен в отдел полиции, где провёл восемь часов без адвоката, "
                     f"протокол составлен по статье 488 части 6 КоАП, суд назначил арест на 10 суток{extra}.")
    return texts


def screening(table: Table, folder: Path, size: int, repeat: int) -> None:
    """The free-text screen (screen.py): the case's own free text as `load` screens it, then
    SCREENED_TEXTS synthetic paragraphs against the same people."""
    source = read_case_data(next(folder.glob("*.xlsx")))
    records = read_records(source)
    columns = {key: sheet.columns for key, sheet in source.sheets.items()}
    named = publicly_named(records.complainants)
    settings = Settings(folder.name)
    own = sum(1 for _ in free_texts(records, settings))
    case_times = [timed(screen, records, settings, named, columns)[0] for _ in range(repeat)]
    table.add(f"screen the case's free text ({own:,} texts)", f"{spread(case_times)} s",
              f"{spread([t / own * 1e6 for t in case_times], 0)} µs/text")
    compile_times, scan_times = [], []
    texts = synthetic_texts(records.complainants, SCREENED_TEXTS)
    allowed = frozenset(named)
    for _ in range(repeat):
        compiled, checker = timed(Screen, records.complainants)
        scanned, _ = timed(lambda checker=checker: [checker.hits(text, allowed) for text in texts])
        compile_times.append(compiled)
        scan_times.append(scanned)
    table.add(f"screen: compile {size:,} complainants' names, numbers and contacts", f"{spread(compile_times)} s",
              f"{spread([t / size * 1e6 for t in compile_times], 0)} µs/complainant")
    table.add(f"screen: {SCREENED_TEXTS:,} synthetic paragraphs of ~300 characters", f"{spread(scan_times)} s",
              f"{spread([t / SCREENED_TEXTS * 1e6 for t in scan_times], 0)} µs/text")


def documents(table: Table, folder: Path, langs: tuple[str, ...], sample: int, repeat: int) -> dict:
    case = load(folder, langs, DAY).case
    results = {}
    for document in REGISTRY.values():
        for lang in langs:
            label = f"{document.name} {lang}"
            context_time, context = timed(document_context, case, document, lang, DAY)
            if document.per_member:
                results[label] = per_author(table, label, document, lang, context, sample, repeat)
                continue
            html_time, document_html = timed(DocumentHtml, document, lang, context, DAY)
            pdf_time, (_, pages) = timed(render_pdf, document_html.html, document_html.where)
            docx_time, _ = timed(lambda html=document_html: our_docx(html, blocks_from_html(html.html)))
            people = len(context["people"])
            table.add(f"{label}: context and HTML", f"{context_time + html_time:.2f} s")
            table.add(f"{label} pdf ({pages:,} pages)", f"{pdf_time:.2f} s", f"{pdf_time / pages * 1e3:.0f} ms/page")
            table.add(f"{label} docx (blocks read from the HTML, laid out)", f"{docx_time:.2f} s")
            results[label] = {"html": context_time + html_time, "pdf": pdf_time, "pages": pages, "docx": docx_time,
                              "people": people}
            if document.name == "collective-complaint":
                # Turn about, `repeat` times each: one run of either is within a tenth of the other.
                raws, ours = [], [pdf_time]
                for _ in range(repeat):
                    raws.append(timed(naive_pdf, document_html.html)[0])
                    if len(ours) < repeat:
                        ours.append(timed(render_pdf, document_html.html, document_html.where)[0])
                raw_time, pdf_time = statistics.median(raws), statistics.median(ours)
                rows = document_html.html.count("<tr>")
                table.add(f"{label}: raw WeasyPrint, same HTML ({rows:,} table rows)", f"{spread(raws)} s",
                          f"{raw_time / rows * 1e3:.2f} ms/row",
                          f"ours (context, HTML, PDF) / raw = {(context_time + html_time + pdf_time) / raw_time:.2f}")
                table.add(f"{label} pdf, ours, same runs", f"{spread(ours)} s", f"{pdf_time / rows * 1e3:.2f} ms/row")
                results[label] |= {"pdf": pdf_time, "raw_pdf": raw_time, "rows": rows}
    return results


def per_author(table: Table, label: str, document, lang: str, context: dict, sample: int, repeat: int) -> dict:
    people = context["people"][:sample]
    html_time, htmls = timed(lambda: [DocumentHtml(document, lang, context | {"author": p}, DAY) for p in people])
    # Both DOCX engines get the same blocks: what is compared is laying them out.
    blocks = [blocks_from_html(document_html.html) for document_html in htmls]
    # What a process pays once (fonts, stylesheet, the DOCX template) is left out of the rates.
    render_pdf(htmls[0].html, htmls[0].where)
    our_docx(htmls[0], blocks[0])
    pairs = list(zip(htmls, blocks, strict=True))
    ours_pdf, naive_pdfs, ours_docx, naive_docxs = [], [], [], []
    for _ in range(repeat):
        naive_pdfs.append(timed(lambda: [naive_pdf(s.html) for s in htmls])[0] / len(htmls))
        ours_pdf.append(timed(lambda: [render_pdf(s.html, s.where) for s in htmls])[0] / len(htmls))
        naive_docxs.append(timed(lambda: [naive_docx(s, b) for s, b in pairs])[0] / len(htmls))
        ours_docx.append(timed(lambda: [our_docx(s, b) for s, b in pairs])[0] / len(htmls))
    pdf_ratios = [n / o for n, o in zip(naive_pdfs, ours_pdf, strict=True)]
    docx_ratios = [n / o for n, o in zip(naive_docxs, ours_docx, strict=True)]
    table.add(f"{label}: context and HTML ({len(htmls)} authors)", "",
              f"{html_time / len(htmls) * 1e3:.1f} ms/document")
    table.add(f"{label} pdf, one process", "", f"{spread([v * 1e3 for v in ours_pdf], 0)} ms/document",
              f"naive / ours = {spread(pdf_ratios)}")
    table.add(f"{label} pdf, raw WeasyPrint document by document", "",
              f"{spread([v * 1e3 for v in naive_pdfs], 0)} ms/document")
    table.add(f"{label} docx", "", f"{spread([v * 1e3 for v in ours_docx], 1)} ms/document",
              f"naive / ours = {spread(docx_ratios, 1)}")
    table.add(f"{label} docx, raw docxtpl document by document", "",
              f"{spread([v * 1e3 for v in naive_docxs], 1)} ms/document")
    return {"html": html_time / len(htmls), "pdf": ours_pdf, "naive_pdf": naive_pdfs, "docx": ours_docx,
            "naive_docx": naive_docxs}


def whole_build(folder: Path, out: Path, jobs: int, langs: tuple[str, ...], document: str = "",
                fmt: str = "") -> dict:
    """A build in a process of its own, so that its peak memory is its own: every document and
    format, or only `document` in `fmt`."""
    done = subprocess.run([sys.executable, __file__, "--child-build", str(folder), str(out), str(jobs),
                           ",".join(langs), document, fmt], check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(done.stdout.splitlines()[-1])


def tree_pss_mib(root: int) -> float:
    """The proportional set size of a process and its descendants: a page shared by the workers
    forked from a build (the loaded case, the libraries) is counted once, not once per process."""
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            total += next(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:"))
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, StopIteration):
            continue  # a worker that has just ended
    return total / 1024


class PeakMemory(threading.Thread):
    """Samples the memory of this process and its workers four times a second."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak, self.stopped = 0.0, threading.Event()

    def run(self):
        while not self.stopped.wait(0.25):
            self.peak = max(self.peak, tree_pss_mib(os.getpid()))


def cpu_seconds() -> float:
    """The processor time of this process and of its children that have ended (the build's workers)."""
    return sum(getattr(resource.getrusage(who), field) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
               for field in ("ru_utime", "ru_stime"))


def child_build(folder: str, out: str, jobs: str, langs: str, document: str, fmt: str) -> None:
    """One build; its progress on stderr every PROGRESS_EVERY files (a build of 10,000 takes most of an
    hour on a shared machine), its figures as JSON on stdout. The processor time is given beside the
    wall clock: on a machine other work shares it is the figure that compares."""
    memory = PeakMemory()
    memory.start()
    started, cpu = time.perf_counter(), cpu_seconds()
    done = 0

    def progress(job) -> None:
        nonlocal done
        done += 1
        if done % PROGRESS_EVERY == 0:
            print(f"    {done:,} files, {time.perf_counter() - started:,.0f} s, peak {memory.peak:,.0f} MiB so far",
                  file=sys.stderr, flush=True)

    result = build(Path(folder), langs=langs.split(","), output_root=Path(out), workers=int(jobs),
                   documents=[document] if document else None, formats=[fmt] if fmt else FORMATS, progress=progress)
    seconds = time.perf_counter() - started
    memory.stopped.set()
    memory.join()
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds() - cpu, "files": len(result.files),
                      "reused": len(result.reused), "peak_mib": memory.peak}))


def edit_one_row(folder: Path, size: int) -> str:
    """Correct the Latin given name of one complainant, as a lawyer fixing a typo would; returns
    their id."""
    members = load(folder, languages(), DAY).case.members
    person = members[len(members) // 2].person
    workbook = folder / f"demo-{size}.xlsx"
    book = openpyxl.load_workbook(workbook)
    sheet = book[COMPLAINANTS.key]
    cell = sheet.cell(person.row, 1 + [cell.value for cell in sheet[1]].index(EDITED_COLUMN))
    cell.value = (cell.value or "") + "Y"
    book.save(workbook)
    return person.complainant_id


def builds(table: Table, work: Path, folder: Path, size: int, seed: int, jobs: int, speedup: bool,
           langs: tuple[str, ...]) -> dict:
    out = work / f"out-{folder.name.removeprefix('case-')}"
    shutil.rmtree(out, ignore_errors=True)
    results = {}
    if speedup:
        results["one"] = whole_build(folder, work / f"out-{size}-{seed}-one", 1, langs)
        shutil.rmtree(work / f"out-{size}-{seed}-one")
        results["hrc_pdf"] = hrc = whole_build(folder, work / f"out-{size}-{seed}-hrc", jobs, langs, "hrc", "pdf")
        shutil.rmtree(work / f"out-{size}-{seed}-hrc")
        table.add(f"hrc pdf only, the whole case, --jobs {jobs}", f"{hrc['seconds']:.0f} s",
                  f"{hrc['seconds'] / hrc['files'] * 1e3:.0f} ms/document")
    results["cold"] = cold = whole_build(folder, out, jobs, langs)
    table.add(f"whole build, {cold['files']:,} files, --jobs {jobs}", f"{cold['seconds']:.0f} s",
              f"{cold['seconds'] / cold['files'] * 1e3:.0f} ms/file", f"CPU {cold['cpu_seconds']:.0f} s")
    table.add(f"peak memory of the whole build, --jobs {jobs} (PSS of the build and its workers, sampled 4/s)",
              f"{cold['peak_mib']:,.0f} MiB")
    if speedup:
        one = results["one"]
        table.add("whole build, --jobs 1", f"{one['seconds']:.0f} s", "",
                  f"--jobs 1 / --jobs {jobs} = {one['seconds'] / cold['seconds']:.2f}")
    pristine = folder.with_name(folder.name + "-pristine")
    shutil.copytree(folder, pristine, dirs_exist_ok=True)
    try:
        edited = edit_one_row(folder, size)
        results["rebuild"] = rebuild = whole_build(folder, out, jobs, langs)
    finally:
        shutil.rmtree(folder)
        pristine.rename(folder)
    table.add(f"rebuild after correcting the name of {edited}, --jobs {jobs}", f"{rebuild['seconds']:.0f} s",
              f"{rebuild['files'] - rebuild['reused']:,} files rendered, {rebuild['reused']:,} copied",
              f"rebuild / cold build = {rebuild['seconds'] / cold['seconds']:.1%}; "
              f"CPU {rebuild['cpu_seconds']:.0f} s, {rebuild['cpu_seconds'] / cold['cpu_seconds']:.1%}")
    photo = folder / "annexes" / "case-photo.png"
    if photo.exists():  # --annexes: what the packages cost, made again with no document rendered
        original = photo.read_bytes()
        photo.write_bytes(scan(photo.name, "Photograph of the square, taken again", 1))
        try:
            results["rescan"] = rescan = whole_build(folder, out, jobs, langs)
        finally:
            photo.write_bytes(original)
        table.add(f"rebuild after replacing the case's photograph, --jobs {jobs}",
                  f"{rescan['seconds']:.0f} s",
                  f"{rescan['files'] - rescan['reused']:,} packages that carry it made again, "
                  f"{rescan['reused']:,} files copied",
                  f"rebuild / cold build = {rescan['seconds'] / cold['seconds']:.1%}; "
                  f"CPU {rescan['cpu_seconds']:.0f} s, {rescan['cpu_seconds'] / cold['cpu_seconds']:.1%}")
    return results


def targets(everything: list[dict], jobs: int) -> str:
    """The figures of the issue's targets, from the tables above."""
    lines = ["### Targets", "", "| target | measured |", "| --- | --- |"]
    first, last = everything[0], everything[-1]
    for results in everything:
        size = f"{results['size']:,}"
        hrc = [v for k, v in results["documents"].items() if k.startswith("hrc ")]
        wgad = [v for k, v in results["documents"].items() if k.startswith("wgad-questionnaire ")]
        pdf, wgad_pdf = ([n / o for item in items for n, o in zip(item["naive_pdf"], item["pdf"], strict=True)]
                         for items in (hrc, wgad))
        docx = [n / o for item in hrc + wgad for n, o in zip(item["naive_docx"], item["docx"], strict=True)]
        lines.append(f"| {size}: per-author PDF, naive / ours, one process (hrc; wgad-questionnaire) | "
                     f"{spread(pdf)}; {spread(wgad_pdf)} |")
        builds = results["builds"]
        if "one" in builds:
            naive = statistics.median(v for item in hrc for v in item["naive_pdf"])
            lines.append(f"| {size}: per-author PDF, naive (one process) / ours with --jobs {jobs} (whole case) | "
                         f"{naive / (builds['hrc_pdf']['seconds'] / builds['hrc_pdf']['files']):.2f} |")
            lines.append(f"| {size}: whole build, --jobs 1 / --jobs {jobs} | "
                         f"{builds['one']['seconds'] / builds['cold']['seconds']:.2f} |")
        lines.append(f"| {size}: per-author DOCX, naive / ours | {spread(docx, 1)} |")
        complaint = [v for k, v in results["documents"].items() if k.startswith("collective-complaint ")]
        lines.append(f"| {size}: collective complaint, ours (context, HTML, PDF) / raw WeasyPrint | "
                     f"{spread([(c['html'] + c['pdf']) / c['raw_pdf'] for c in complaint])} |")
        lines.append(f"| {size}: rebuild after one correction / cold build | "
                     f"{builds['rebuild']['seconds'] / builds['cold']['seconds']:.1%} |")
        lines.append(f"| {size}: peak memory of the whole build | {builds['cold']['peak_mib']:,.0f} MiB |")
    if last is not first:
        common = [lang for lang in first["langs"] if lang in last["langs"]]

        def per_row(results, key):
            return statistics.median(results["documents"][f"collective-complaint {lang}"][key]
                                     / results["documents"][f"collective-complaint {lang}"]["rows"] for lang in common)
        lines.append(f"| collective complaint per annex row, {last['size']:,} / {first['size']:,} "
                     f"({', '.join(common)}) | ours {per_row(last, 'pdf') / per_row(first, 'pdf'):.2f}; raw WeasyPrint "
                     f"{per_row(last, 'raw_pdf') / per_row(first, 'raw_pdf'):.2f} |")
    return "\n".join(lines)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000",
                        help="complainants per case, comma-separated; SIZE:LANG+LANG measures that size in "
                             "those languages only (everything else in --langs)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="workers of the whole builds")
    parser.add_argument("--sample", type=int, default=20, help="authors timed per language for per-author documents")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the short measurements")
    parser.add_argument("--speedup-up-to", type=int, default=1000,
                        help="also build cases up to this size with --jobs 1, for the speed-up of the workers")
    parser.add_argument("--langs", default=",".join(languages()))
    parser.add_argument("--parts", default=",".join(PARTS),
                        help="what to measure, of " + ", ".join(PARTS) + "; the targets are printed when all are")
    parser.add_argument("--work", type=Path, default=HERE / "work")
    parser.add_argument("--annexes", action="store_true",
                        help="give the case attachments (the case's decision and photograph, each complainant's "
                             "power of attorney), so that the builds make packages")
    parser.add_argument("--child-build", nargs=6, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_build:
        child_build(*args.child_build)
        return
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"Machine: {machine()}\n")
    everything, parts = [], set(args.parts.split(","))
    for item in args.sizes.split(","):
        size_text, _, size_langs = item.partition(":")
        size, langs = int(size_text), tuple((size_langs.replace("+", ",") or args.langs).split(","))
        folder = case_folder(args.work, size, args.seed, args.annexes)
        table = Table(f"{size:,} complainants (seed {args.seed}), languages {', '.join(langs)}, "
                      f"formats {', '.join(FORMATS)}")
        results = {"size": size, "langs": langs, "machine": machine()}
        if "reading" in parts:
            reading(table, folder, size, args.repeat)
            screening(table, folder, size, args.repeat)
        if "documents" in parts:
            results["documents"] = documents(table, folder, langs, args.sample, args.repeat)
        if "builds" in parts:
            results["builds"] = builds(table, args.work, folder, size, args.seed, args.jobs,
                                       size <= args.speedup_up_to, langs)
        name = f"results-{size}-{args.seed}" + ("" if parts == set(PARTS) else "-" + "-".join(sorted(parts)))
        (args.work / f"{name}.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
        print(table.markdown() + "\n", flush=True)
        everything.append(results)
    if parts == set(PARTS):
        print(targets(everything, args.jobs))


if __name__ == "__main__":
    main()
