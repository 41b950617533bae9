"""Charts of a document's figures, drawn with matplotlib: SVG for the PDF, PNG for the DOCX.

A chart is a Chart: its kind, its labels and values (already in the document's language),
a caption and an alt text. The HTML carries it as JSON beside its SVG, and the DOCX draws
its PNG from that same JSON, so both formats show one figure. Drawing is a pure function of
the Chart: the bundled document font (templates/html/fonts, which draws Kazakh letters) turned
into paths, a fixed size and resolution, no date or software in the metadata and a fixed hash
salt for the SVG's ids, so the same chart always gives the same bytes.
"""

from __future__ import annotations

import datetime
import functools
import io
import json
import re
import textwrap
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from babel.dates import format_date
from babel.numbers import get_group_symbol

from .i18n import N_, Language
from .render_html import html_dir

if TYPE_CHECKING:  # matplotlib is imported when a chart is drawn, not by every command
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

BAR, COLUMN, LINE = "bar", "column", "line"  # horizontal bars, vertical bars, lines over time
WIDTH_INCHES = 6.2  # the text width of an A4 page with the stylesheet's margins, about 16 cm
# Two charts side by side in that width (the brief, dense as the monitors' briefs are): drawn at that
# size, with a smaller type, so that its letters are as large on the page as the caption's.
HALF_WIDTH_INCHES = 3.05
PNG_DPI = 200
FONT_SIZE = 8.5
LABEL_CHARACTERS = 42  # a bar's label wraps at this width
COMPACT_LABEL_CHARACTERS = 36  # in a half-width chart, whose type is smaller
COLOURS = ("#4a4a4a", "#9a9a9a")  # grey: the documents are printed in black and white
_SETTINGS: Any = {  # matplotlib's rc keys are a Literal type; these are among them
    "svg.fonttype": "path",  # glyphs as paths: the PDF needs no font and every letter is drawn
    "svg.hashsalt": "complaints",
    "path.simplify": False,
}
# How the HTML carries a chart's SVG to WeasyPrint (render_pdf's fetcher serves nothing else but
# template files): the image is in the URL, nothing is fetched.
URL_PREFIX = "data:image/svg+xml;base64,"
_COMMENT = re.compile(r"<!--.*?-->\s*", re.DOTALL)


@dataclass(frozen=True)
class Chart:
    kind: str  # BAR, COLUMN or LINE
    labels: tuple[str, ...]  # the categories, or the days of a LINE chart
    series: tuple[tuple[str, tuple[int, ...]], ...]  # (name, one value per label); a name only for LINE
    axis: str  # what the values count
    caption: str
    alt: str
    group: str  # the document language's thousands separator, for the numbers drawn
    # A LINE chart's days, counted from its first: each point stands as far along the axis as its
    # day is from the others (the 1st of each month, then the document's date). Empty for bars.
    days: tuple[int, ...] = ()
    width: float = WIDTH_INCHES  # inches: the text width, or HALF_WIDTH_INCHES

    @property
    def compact(self) -> bool:
        return self.width < WIDTH_INCHES

    def number(self, value: float) -> str:
        return f"{int(value):,}".replace(",", self.group)

    def spec(self) -> str:
        """The chart as the JSON the HTML carries: the DOCX draws from it what the PDF shows."""
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_spec(cls, text: str) -> Chart:
        data = json.loads(text)
        return cls(kind=data["kind"], labels=tuple(data["labels"]),
                   series=tuple((name, tuple(values)) for name, values in data["series"]),
                   axis=data["axis"], caption=data["caption"], alt=data["alt"], group=data["group"],
                   days=tuple(data["days"]), width=data["width"])


@functools.cache
def _font(size: float) -> FontProperties:
    from matplotlib.font_manager import FontProperties

    return FontProperties(fname=str(html_dir() / "fonts" / "LiberationSerif-Regular.ttf"), size=size)


def _figure(chart: Chart) -> Figure:
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    font = _font(FONT_SIZE - 1 if chart.compact else FONT_SIZE)
    rows = len(chart.labels)
    with matplotlib.rc_context(_SETTINGS):
        if chart.kind == BAR:
            labels = ["\n".join(textwrap.wrap(label, COMPACT_LABEL_CHARACTERS if chart.compact
                                               else LABEL_CHARACTERS)) or " " for label in chart.labels]
            counts = [label.count("\n") + 1 for label in labels]
            values = chart.series[0][1]
            if chart.compact:
                # Each bar as far below the last as its label is tall: one long label does not
                # space out every bar (a half-width chart of 18 measures stays under 4 inches).
                slots = [0.11 * lines + 0.045 for lines in counts]
                positions: Sequence[float] = [sum(slots[:index]) + slot / 2 for index, slot in enumerate(slots)]
                figure = Figure(figsize=(chart.width, 0.3 + sum(slots)))
                bar_height = 0.11
            else:
                positions = range(rows)
                figure = Figure(figsize=(chart.width, 0.6 + 0.2 * sum(counts) + 0.12 * rows))
                bar_height = 0.6
            axes = figure.add_subplot()
            bars = axes.barh(positions, values, color=COLOURS[0], height=bar_height)
            axes.set_yticks(positions, labels, fontproperties=font)
            if chart.compact:
                axes.set_ylim(sum(slots), 0)  # the first item on top, as in the lists
            else:
                axes.invert_yaxis()
            axes.bar_label(bars, [chart.number(value) for value in values], padding=3, fontproperties=font)
            axes.set_xlabel(chart.axis, fontproperties=font)
            axes.set_xlim(0, max(values, default=0) * 1.12 or 1)
            axes.xaxis.set_visible(False)  # each bar carries its number
            axes.spines["bottom"].set_visible(False)
        else:
            figure = Figure(figsize=(chart.width, 2.3 if chart.compact else 2.8))
            axes = figure.add_subplot()
            along: Sequence[int] = chart.days or range(rows)
            if chart.kind == COLUMN:
                bars = axes.bar(along, chart.series[0][1], color=COLOURS[0], width=0.7)
                axes.bar_label(bars, [chart.number(value) if value else "" for value in chart.series[0][1]],
                               padding=2, fontproperties=font)
            else:
                for (name, values), colour, style in zip(chart.series, COLOURS, ("-", "--"), strict=False):
                    # Wrapped as the bars' labels are: a long name (Kazakh) would run past a half-width chart.
                    axes.plot(along, values, color=colour, linestyle=style, marker="o", markersize=3,
                              label="\n".join(textwrap.wrap(name, COMPACT_LABEL_CHARACTERS if chart.compact
                                                             else 2 * LABEL_CHARACTERS)))
                if len(chart.series) > 1:
                    axes.legend(prop=font, frameon=False, loc="lower left", bbox_to_anchor=(0, 1),
                                ncols=1 if chart.compact else 2)
            crowded = rows > (4 if chart.compact else 6)
            axes.set_xticks(along, _tick_labels(chart.labels, along, 8 if chart.compact else 12), fontproperties=font,
                            rotation=45 if crowded else 0, ha="right" if crowded else "center")
            axes.set_ylabel(chart.axis, fontproperties=font)
            top = max((max(values, default=0) for _, values in chart.series), default=0)
            axes.set_ylim(0, top * 1.15 or 1)
            axes.yaxis.set_major_locator(MaxNLocator(integer=True))
            axes.yaxis.set_major_formatter(lambda value, _: chart.number(value))
        for label in axes.get_xticklabels() + axes.get_yticklabels():
            label.set_fontproperties(font)
        axes.spines[["top", "right"]].set_visible(False)
        figure.set_layout_engine("tight")
        return figure


def _tick_labels(labels: Sequence[str], positions: Sequence[int], most: int = 12) -> list[str]:
    """At most about `most` labels along the axis, the others left blank. The last point (a LINE chart's
    document date) is always labelled; a label too close to it to be read beside it is left out."""
    rows = len(labels)
    step = max(1, -(-rows // most))
    shown = [label if index % step == 0 else "" for index, label in enumerate(labels)]
    if rows > 1:
        shown[-1] = labels[-1]
        gap = (positions[-1] - positions[0]) / most  # the least distance between two labels read apart
        for index in range(rows - 1):
            if positions[-1] - positions[index] < gap:
                shown[index] = ""
    return shown


def _save(chart: Chart, fmt: str, **options) -> bytes:
    import matplotlib

    figure = _figure(chart)
    buffer = io.BytesIO()
    with matplotlib.rc_context(_SETTINGS):
        figure.savefig(buffer, format=fmt, **options)
    return buffer.getvalue()


@functools.lru_cache(maxsize=32)
def svg(chart: Chart) -> str:
    """The chart as SVG, which the HTML carries for WeasyPrint to draw into the PDF."""
    text = _save(chart, "svg", metadata={"Date": None, "Creator": None}).decode("utf-8")
    # Matplotlib repeats each label in a comment; the text is drawn as paths.
    return _COMMENT.sub("", text)


@functools.lru_cache(maxsize=32)
def png(chart: Chart) -> bytes:
    """The chart as a PNG image, for the DOCX."""
    return _save(chart, "png", dpi=PNG_DPI, metadata={"Software": None})


def png_size(data: bytes) -> tuple[int, int]:
    """The width and height in pixels of a PNG image (its IHDR chunk)."""
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


# What each chart shows, in the document's language. The captions and alt texts are whole messages.
def _alt_items(lang: Language, labels, values) -> str:
    return "; ".join(lang.pgettext("chart", "%(label)s: %(num)s") % {"label": label, "num": lang.number(value)}
                     for label, value in zip(labels, values, strict=True))


def _capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def _group(lang: Language) -> str:
    return get_group_symbol(lang.locale)


def by_label(lang: Language, key: str, items: Sequence[tuple[str, int]]) -> Chart | None:
    """A bar chart of acts of persecution by event or by measure (key), most first as the lists
    order them; none for fewer than two items, which a sentence says as well."""
    if len(items) < 2:
        return None
    labels = tuple(_capfirst(label) for label, _ in items)
    values = tuple(value for _, value in items)
    caption = lang.pgettext("chart", _CAPTIONS[key])
    alt = lang.pgettext("chart", "Bar chart. %(caption)s: %(items)s.") % {
        "caption": caption, "items": _alt_items(lang, labels, values)}
    return Chart(BAR, labels, (("", values),), lang.pgettext("chart", "acts of persecution"), caption, alt,
                 _group(lang))


def by_month(lang: Language, days: Sequence[datetime.date]) -> Chart | None:
    """Acts of persecution per month, every month from the first to the last (none where the acts
    all fall in one month)."""
    counter = Counter((day.year, day.month) for day in days)
    if len(counter) < 2:
        return None
    (year, month), last = min(counter), max(counter)
    months = []
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    labels = tuple(month_label(lang, datetime.date(y, m, 1)) for y, m in months)
    values = tuple(counter[item] for item in months)
    caption = lang.pgettext("chart", _CAPTIONS["months"])
    alt = lang.pgettext("chart", "Bar chart. %(caption)s: %(items)s.") % {
        "caption": caption, "items": _alt_items(lang, labels, values)}
    return Chart(COLUMN, labels, (("", values),), lang.pgettext("chart", "acts of persecution"), caption, alt,
                 _group(lang))


def month_label(lang: Language, day: datetime.date) -> str:
    return format_date(day, lang.pgettext("date pattern", "LLL y"), locale=lang.locale)


def over_time(lang: Language, points: Sequence[tuple[datetime.date, int, int]]) -> Chart | None:
    """The people deprived of liberty and those facing charges at liberty on each day of `points`
    (the first day of each month, and the document's date); none for fewer than two days."""
    if len(points) < 2 or not any(deprived or charged for _, deprived, charged in points):
        return None
    labels = tuple(lang.date(day) for day, _, _ in points)
    deprived = tuple(value for _, value, _ in points)
    charged = tuple(value for _, _, value in points)
    caption = lang.pgettext("chart", _CAPTIONS["stock"])
    series_names = (lang.pgettext("chart", "deprived of liberty"),
                    lang.pgettext("chart", "facing criminal charges at liberty"))
    alt = lang.pgettext("chart", "Line chart. %(caption)s. %(series)s: %(items)s. %(other)s: %(other_items)s.") % {
        "caption": caption, "series": _capfirst(series_names[0]), "items": _alt_items(lang, labels, deprived),
        "other": _capfirst(series_names[1]), "other_items": _alt_items(lang, labels, charged)}
    short = tuple(month_label(lang, day) if day.day == 1 else lang.date(day) for day, _, _ in points)
    first = points[0][0]
    return Chart(LINE, short, ((series_names[0], deprived), (series_names[1], charged)),
                 lang.pgettext("chart", "people"), caption, alt, _group(lang),
                 days=tuple((day - first).days for day, _, _ in points))


_CAPTIONS = {
    "events": N_("chart", "Acts of persecution by event"),
    "measures": N_("chart", "Acts of persecution by measure"),
    "months": N_("chart", "Acts of persecution by month"),
    "stock": N_("chart", "People deprived of liberty and people facing criminal charges at liberty, "
                         "on the first day of each month and on the date of this document"),
}
