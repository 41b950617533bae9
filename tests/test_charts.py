"""Charts: the same figure in the PDF and the DOCX, drawn the same to the byte, in the document's
language with the bundled font, and left out when case.toml says charts = false."""

from __future__ import annotations

import base64
import datetime
import hashlib
import re
import subprocess
import sys
import zipfile
from io import BytesIO

import pytest
from fontTools.ttLib import TTFont
from lxml import etree, html

from complaints import charts
from complaints.charts import Chart
from complaints.context import document_context
from complaints.documents import REGISTRY
from complaints.errors import UnreadableInput
from complaints.i18n import language
from complaints.pipeline import load
from complaints.render import DocumentHtml
from complaints.render_html import html_dir

from conftest import TODAY, episode, event, person, write_workbook

D = datetime.date
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

SETTINGS = """build_date = 2018-12-01
[[periods]]
start = 2018-06-01
label = "since June"
"""


def case_folder(tmp_path, settings=SETTINGS):
    folder = tmp_path / "case"
    folder.mkdir()
    people = [person(f"C{n}", id_document=str(n)) for n in range(1, 5)]
    events = [event("rally", D(2018, 5, 10), label_kk="2018 жылғы 10 мамырдағы бейбіт жиын"),
              event("picket", D(2018, 7, 2), label_en="the picket of 2 July 2018", label_ru="пикет 2 июля 2018 года",
                    label_kk="2018 жылғы 2 шілдедегі пикет")]
    episodes = [
        episode("C1", "rally", "detention", date=D(2018, 5, 10), end_date=D(2018, 5, 10)),
        episode("C2", "rally", "administrative_arrest", date=D(2018, 5, 11), end_date=D(2018, 5, 20)),
        episode("C3", "picket", "fine", date=D(2018, 7, 3)),
        episode("C4", "picket", "pretrial_detention", date=D(2018, 7, 5)),
        episode("C4", "picket", "criminal_case", date=D(2018, 7, 4), legal_basis="CC 174"),
    ]
    write_workbook(folder / "case.xlsx", events=events, people=people, episodes=episodes)
    (folder / "case.toml").write_text(settings, encoding="utf-8")
    return folder


def document(folder, name, lang):
    loaded = load(folder, (lang,), TODAY)
    assert loaded.report.valid, loaded.report.errors
    day = loaded.settings.build_date
    return DocumentHtml(REGISTRY[name], lang, document_context(loaded.case, REGISTRY[name], lang, day), day)


def figures_of(page: str) -> list[tuple[Chart, str, str]]:
    """Each <figure> of the HTML: its chart, the SVG the PDF draws and the image's alt text."""
    tree = html.document_fromstring(page)
    found = []
    for figure in tree.iter("figure"):
        image = figure.find("img")
        assert image.get("src").startswith(charts.URL_PREFIX)
        svg = base64.b64decode(image.get("src")[len(charts.URL_PREFIX):]).decode("utf-8")
        found.append((Chart.from_spec(figure.get("data-chart")), svg, image.get("alt")))
    return found


def docx_figures(data: bytes) -> list[tuple[bytes, str, str]]:
    """Each picture of the DOCX body, in order: its image, its description and the caption after it."""
    with zipfile.ZipFile(BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        relationships = etree.fromstring(package.read("word/_rels/document.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target") for rel in relationships}
        found = []
        for inline in body.iter(f"{_WP}inline"):
            blip = next(inline.iter(f"{_A}blip"))
            paragraph = inline.getparent().getparent().getparent()
            caption = "".join(paragraph.getnext().itertext())
            found.append((package.read("word/" + targets[blip.get(f"{_R}embed")]),
                          inline.find(f"{_WP}docPr").get("descr"), caption))
        return found


@pytest.mark.parametrize(("name", "lang", "keys"), [
    ("brief", "kk", 4), ("collective-complaint", "ru", 3), ("brief", "en", 4)])
def test_the_docx_shows_the_same_chart_as_the_pdf(tmp_path, name, lang, keys):
    page = document(case_folder(tmp_path), name, lang)
    shown = figures_of(page.html)
    assert len(shown) == keys
    files, _, _ = page.render(["docx"])
    pictures = docx_figures(files["docx"])
    assert len(pictures) == len(shown)
    for (chart, svg, alt), (image, description, caption) in zip(shown, pictures, strict=True):
        assert svg == charts.svg(chart)
        assert image == charts.png(chart)
        assert description == alt == chart.alt and caption == chart.caption
        assert chart.caption in html.document_fromstring(page.html).text_content()


def test_a_chart_is_drawn_to_the_same_bytes_in_another_process():
    chart = Chart(charts.BAR, ("2018 жылғы 10 мамырдағы бейбіт жиын", "әкімшілік қамаққа алу"),
                  (("", (40, 1200)),), "қудалау актілері", "Оқиғалар бойынша", "alt", "\u00a0")
    script = ("import hashlib, sys; from complaints import charts; from complaints.charts import Chart; "
              "chart = Chart.from_spec(sys.argv[1]); "
              "print(hashlib.sha256(charts.svg(chart).encode()).hexdigest(), "
              "hashlib.sha256(charts.png(chart)).hexdigest())")
    here = f"{hashlib.sha256(charts.svg(chart).encode()).hexdigest()} {hashlib.sha256(charts.png(chart)).hexdigest()}"
    for seed in ("1", "2"):
        run = subprocess.run([sys.executable, "-c", script, chart.spec()], capture_output=True, text=True, check=True,
                             env={"PYTHONHASHSEED": seed, "PATH": ""})
        assert run.stdout.strip() == here
    assert "Date" not in charts.svg(chart) and b"Software" not in charts.png(chart)


def test_a_kazakh_label_is_drawn_with_the_glyphs_of_the_bundled_font():
    font = TTFont(html_dir() / "fonts" / "LiberationSerif-Regular.ttf")
    chart = Chart(charts.BAR, ("әкімшілік қамаққа алу", "ұстау"), (("", (3, 5)),), "актілер", "", "", " ")
    svg = charts.svg(chart)
    for letter in "әқұ":
        glyph = font.getGlyphID(font.getBestCmap()[ord(letter)])
        assert f'id="LiberationSerif-{glyph:x}"' in svg, letter
    assert set(re.findall(r'id="([A-Za-z]+)-[0-9a-f]+"', svg)) == {"LiberationSerif"}  # no fallback font


def test_case_toml_can_turn_the_charts_off(tmp_path):
    page = document(case_folder(tmp_path, "charts = false\n" + SETTINGS), "brief", "en")
    assert "<figure" not in page.html and charts.URL_PREFIX not in page.html
    files, _, _ = page.render(["docx"])
    with zipfile.ZipFile(BytesIO(files["docx"])) as package:
        assert not [name for name in package.namelist() if name.startswith("word/media/")]


def test_a_chart_is_left_out_where_it_would_show_one_bar(tmp_path):
    page = document(case_folder(tmp_path), "collective-complaint", "en")
    assert [chart.caption for chart, _, _ in figures_of(page.html)] == [
        "Acts of persecution by month", "Acts of persecution by event", "Acts of persecution by measure"]
    months = figures_of(page.html)[0][0]
    assert (months.labels, months.series[0][1]) == (("May 2018", "Jun 2018", "Jul 2018"), (2, 0, 3))


def test_the_stock_over_time_is_the_stock_on_the_first_of_each_month_and_on_the_documents_date(tmp_path):
    page = document(case_folder(tmp_path), "brief", "en")
    stock = next(chart for chart, _, _ in figures_of(page.html) if chart.kind == charts.LINE)
    # C2 under arrest 11-20 May; C4 charged from 4 July and held from 5 July, still held on 1 December.
    assert stock.labels == ("May 2018", "Jun 2018", "Jul 2018", "Aug 2018", "Sep 2018", "Oct 2018", "Nov 2018",
                            "Dec 2018")
    assert stock.series == (("deprived of liberty", (0, 0, 0, 1, 1, 1, 1, 1)),
                            ("facing criminal charges at liberty", (0, 0, 0, 0, 0, 0, 0, 0)))


def test_a_charts_setting_that_is_not_true_or_false_is_one_clear_error(tmp_path):
    with pytest.raises(UnreadableInput, match="charts: must be true or false"):
        document(case_folder(tmp_path, 'charts = "no"\n' + SETTINGS), "brief", "en")


def test_the_stock_over_time_places_each_point_as_far_along_the_axis_as_its_day(tmp_path):
    # The document dated 8 December: the 1st of each month from May, then the 8th of December.
    page = document(case_folder(tmp_path, SETTINGS.replace("2018-12-01", "2018-12-08")), "brief", "ru")
    stock = next(chart for chart, _, _ in figures_of(page.html) if chart.kind == charts.LINE)
    assert stock.days == (0, 31, 61, 92, 123, 153, 184, 214, 221)
    drawn = charts._figure(stock).axes[0]
    assert [list(line.get_xdata()) for line in drawn.lines] == [list(stock.days)] * 2
    ticks = [label.get_text() for label in drawn.get_xticklabels()]
    # The document's date is labelled; the 1st of December, a week before it, is left blank not to overlap it.
    assert ticks[-1] == "8 декабря 2018\u00a0года" and ticks[-2] == "" and ticks[0] == "май 2018"
    assert list(drawn.get_xticks()) == list(stock.days)


def test_a_line_charts_days_travel_in_its_spec_and_a_bar_chart_has_none():
    chart = Chart(charts.LINE, ("a", "b", "c"), (("x", (1, 2, 3)),), "people", "c", "alt", " ", days=(0, 30, 40))
    assert Chart.from_spec(chart.spec()) == chart
    assert charts.by_label(language("en"), "events", [("one", 1), ("two", 2)]).days == ()


def test_the_event_chart_draws_every_act_and_the_measure_chart_is_ordered_by_what_it_draws(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    people = [person(f"C{n}", id_document=str(n)) for n in range(1, 4)]
    episodes = [
        *(episode("C1", "rally", "fine") for _ in range(3)), episode("C1", "rally", "detention"),
        episode("C2", "rally", "detention"), episode("C3", "", "search"), episode("C3", "", "search"),
    ]
    write_workbook(folder / "case.xlsx", events=[event("rally", D(2018, 5, 10))], people=people, episodes=episodes)
    (folder / "case.toml").write_text(SETTINGS, encoding="utf-8")
    shown = {chart.caption: chart for chart, _, _ in figures_of(document(folder, "collective-complaint", "en").html)}
    events = shown["Acts of persecution by event"]
    assert (events.labels, events.series[0][1]) == (("The rally rally", "Other acts of persecution"), (5, 2))
    measures = shown["Acts of persecution by measure"]
    # The list puts detention first (2 complainants), but the bars draw acts: the fines (3) come first.
    assert (measures.labels, measures.series[0][1]) == (("Fine", "Detention", "Search"), (3, 2, 2))


def test_kazakh_month_labels_spell_the_month_out_so_that_may_and_june_are_not_confused():
    kazakh = language("kk")
    assert [charts.month_label(kazakh, D(2018, month, 1)) for month in (5, 6)] == ["2018 ж. мамыр", "2018 ж. маусым"]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_chart_rows(data: bytes) -> list[list[int]]:
    """How many pictures each paragraph or table of the DOCX body holds that holds any, in order."""
    with zipfile.ZipFile(BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(f"{_W}body")
    return [[len(list(cell.iter(f"{_WP}inline"))) for cell in element.iter(f"{_W}tc")] or [1]
            for element in body if next(element.iter(f"{_WP}inline"), None) is not None]


def test_the_brief_docx_sets_its_charts_two_to_a_row_as_the_pdf_and_the_complaint_one_to_a_line(tmp_path):
    folder = case_folder(tmp_path)
    brief = document(folder, "brief", "en")
    rows = [len(row.findall(".//figure")) for row in html.document_fromstring(brief.html).find_class("charts")]
    assert rows == [2, 2]
    files, _, _ = brief.render(["docx"])
    assert docx_chart_rows(files["docx"]) == [[1, 1], [1, 1]]
    with zipfile.ZipFile(BytesIO(files["docx"])) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    for table in body.iter(f"{_W}tbl"):
        if next(table.iter(f"{_WP}inline"), None) is not None:
            borders = table.find(f"{_W}tblPr/{_W}tblBorders")
            assert {side.get(f"{_W}val") for side in borders} == {"nil"}
    complaint, _, _ = document(folder, "collective-complaint", "en").render(["docx"])
    assert docx_chart_rows(complaint["docx"]) == [[1], [1], [1]]
