"""Charts of the demand figures (issue 11): one chart code for the PDF report and the app.

matplotlib's object API only (a ``Figure`` on an Agg canvas): no pyplot, no global
backend, nothing of Qt, so the core stays free of the desktop app and any thread may draw.

Only published cells become bars. A suppressed cell ("<5", "•") shows its text where its
bar would be, with no length: its true count never reaches matplotlib. The table is turned
into plain series first (:func:`chart_series`, pure and tested alone); the drawing sees
nothing else.

Kinds of chart (by the table's shape, see :func:`chart_series`):

- ``bars``: one column: a horizontal bar per row (municipality, nationality, arrival
  year, provider …) with its number at the end: readable with long labels;
- ``stacked``: several columns that are parts of the row (age groups, with and without a
  result, literacy …): one bar per row made of its published parts; the suppressed parts
  are named after the bar with their marks ("0–17 <5");
- ``panels``: entries by kind and month, one small panel per kind with a bar per month
  (twelve lines over thirty months would be a tangle, in grey even more).

Grey print: the series differ by lightness and hatching, not by hue alone.
"""

from __future__ import annotations

import functools
import io
import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Literal, Protocol

from passapp.domain.suppression import Cell, SuppressedTable

if TYPE_CHECKING:
    # matplotlib (with numpy and Pillow) loads on the first chart drawn, not with the app.
    from matplotlib.axes import Axes
    from matplotlib.container import BarContainer
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

ChartKind = Literal["bars", "stacked", "panels"]
ChartLanguage = Literal["de", "en"]

# Tables whose columns are months: one panel per row (kind), a bar per month.
PANEL_TABLES = frozenset({"entries_by_kind_month"})
MAX_LABEL_CHARS = 38
MAX_CATEGORIES = 40
ELLIPSIS = "\u2026"
# The one text the chart adds itself (the table's words come with the table): German for
# the report's PDF, English for the English UI's figures screen.
LARGEST_NOTE: dict[ChartLanguage, str] = {
    "de": "die {shown} größten von {total}; alle in der Tabelle",
    "en": "the {shown} largest of {total}; all of them in the table",
}
# Lightness steps that stay apart in grey print, with hatching as a second cue.
FILLS = ("#1d3557", "#7d8fa8", "#d3dae3", "#4a4a4a", "#a6a6a6", "#ffffff")
HATCHES = ("", "//", "..", "xx", "\\\\", "--")
INK = "#1a1a1a"
_TITLE_SIZE = 9.0
_FONT_FILES = (
    ("Noto Sans", "NotoSans-Regular.ttf"),
    ("Noto Sans Arabic", "NotoSansArabic-Regular.ttf"),
    ("Noto Sans Ethiopic", "NotoSansEthiopic-Regular.ttf"),
    ("Noto Sans Georgian", "NotoSansGeorgian-Regular.ttf"),
    ("Noto Sans Armenian", "NotoSansArmenian-Regular.ttf"),
    ("Noto Sans Hebrew", "NotoSansHebrew-Regular.ttf"),
)
_BOLD_FILES = ("NotoSans-Bold.ttf", "NotoSansArabic-Bold.ttf")
_BOLD_FAMILIES = 2  # the first two families have a bold face


class ChartTable(Protocol):
    """What a chart reads of a table: :class:`passapp.services.demand.DemandTable` fits.

    A protocol and not the class itself: ``pdf`` lies below ``services`` in the layers.
    """

    @property
    def key(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def row_label(self) -> str: ...
    @property
    def row_labels(self) -> tuple[str, ...]: ...
    @property
    def column_labels(self) -> tuple[str, ...]: ...
    @property
    def table(self) -> SuppressedTable: ...


@dataclass(frozen=True, slots=True)
class Series:
    """One series of bars: ``values[i]`` is None where the cell is suppressed, and
    ``texts[i]`` is what is written at the bar (the number, "<5" or "•")."""

    name: str
    values: tuple[int | None, ...]
    texts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ChartSeries:
    kind: ChartKind
    title: str
    category_label: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    note: str | None = None


def shorten(text: str, max_chars: int = MAX_LABEL_CHARS) -> str:
    """One line of at most ``max_chars`` characters, cut with "…" if longer."""
    flat = " ".join(text.split())
    return flat if len(flat) <= max_chars else flat[: max_chars - 1].rstrip() + ELLIPSIS


def _series(name: str, cells: Sequence[Cell]) -> Series:
    return Series(
        name=shorten(name),
        values=tuple(None if cell.suppressed else int(cell.text) for cell in cells),
        texts=tuple(cell.text for cell in cells),
    )


def chart_series(table: ChartTable, language: ChartLanguage = "de") -> ChartSeries | None:
    """The table as chart series of its inner cells; None if no inner cell is published.
    ``language`` is that of the note the chart adds; the table brings its own words.

    A published value is read from ``Cell.text`` (what the files print), never from
    ``Cell.count``: a suppressed count cannot slip into a chart by a slip of this code.
    """
    cells = table.table.cells
    if not any(not cell.suppressed for row in cells for cell in row):
        return None
    if table.key in PANEL_TABLES:
        return ChartSeries(
            kind="panels",
            title=table.title,
            category_label=table.row_label,
            categories=tuple(table.column_labels),
            series=tuple(
                _series(label, row) for label, row in zip(table.row_labels, cells, strict=True)
            ),
        )
    rows = list(range(len(table.row_labels)))
    note = None
    if len(rows) > MAX_CATEGORIES:
        rows = _largest_rows(cells, MAX_CATEGORIES)
        note = LARGEST_NOTE[language].format(shown=MAX_CATEGORIES, total=len(table.row_labels))
    columns = range(len(table.column_labels))
    return ChartSeries(
        kind="bars" if len(table.column_labels) == 1 else "stacked",
        title=table.title,
        category_label=table.row_label,
        categories=tuple(shorten(table.row_labels[r]) for r in rows),
        series=tuple(_series(table.column_labels[c], [cells[r][c] for r in rows]) for c in columns),
        note=note,
    )


def _largest_rows(cells: Sequence[Sequence[Cell]], limit: int) -> list[int]:
    """The rows with the largest published sum (published cells only), in table order."""

    def published_sum(row: Sequence[Cell]) -> int:
        return sum(int(cell.text) for cell in row if not cell.suppressed)

    ranked = sorted(range(len(cells)), key=lambda r: (-published_sum(cells[r]), r))
    return sorted(ranked[:limit])


def chart_png(
    table: ChartTable, *, width_px: int = 1200, dpi: int = 150, language: ChartLanguage = "de"
) -> bytes | None:
    """The table's chart as PNG bytes ``width_px`` wide; None if nothing in it is published."""
    data = chart_series(table, language)
    if data is None:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = draw(data, width_px=width_px, dpi=dpi)
    buffer = io.BytesIO()
    FigureCanvasAgg(figure)  # attaches itself to the figure: no global backend is used
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def draw(data: ChartSeries, *, width_px: int, dpi: int) -> Figure:
    from matplotlib.figure import Figure

    if width_px < 200 or dpi < 30:
        raise ValueError("a chart needs at least 200 pixels and 30 dpi")
    height_in = _panels_height(data) if data.kind == "panels" else _bars_height(data)
    height_px = max(round(height_in * dpi), width_px // 4)
    # Pixel sizes divided by dpi: Agg draws exactly width_px × height_px.
    figure = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi, layout="constrained")
    if data.kind == "panels":
        _draw_panels(figure, data)
    else:
        _draw_bars(figure, data)
    return figure


# --- fonts -------------------------------------------------------------------------------


@functools.cache
def _font_families() -> tuple[str, ...]:
    """The project's Noto fonts, added to matplotlib's font list once (as a fallback chain)."""
    from matplotlib.font_manager import fontManager

    fonts = resources.files("passapp.resources").joinpath("fonts")
    for file_name in (*(file for _family, file in _FONT_FILES), *_BOLD_FILES):
        with resources.as_file(fonts.joinpath(file_name)) as path:
            fontManager.addfont(str(path))
    return tuple(family for family, _file in _FONT_FILES)


def _font(size: float, weight: str = "normal") -> FontProperties:
    from matplotlib.font_manager import FontProperties

    families = list(_font_families())
    if weight == "bold":  # titles are German text: the families with a bold face suffice
        families = families[:_BOLD_FAMILIES]
    return FontProperties(family=families, size=size, weight=weight)


# --- horizontal bars ---------------------------------------------------------------------

_ROW_IN = 0.21  # one category's bar with its gap, in inches
_FRAME_IN = 1.0  # title and value axis
_LEGEND_ROW_IN = 0.22
_HIDDEN_NAME_CHARS = 14


def _bars_height(data: ChartSeries) -> float:
    legend = _LEGEND_ROW_IN * math.ceil(len(data.series) / 3) if len(data.series) > 1 else 0.0
    return _FRAME_IN + legend + len(data.categories) * _ROW_IN


def _draw_bars(figure: Figure, data: ChartSeries) -> None:
    """One bar per category; several columns are stacked in it (parts of the row)."""
    axes = figure.add_subplot()
    positions = list(range(len(data.categories)))
    ends = [0] * len(positions)
    widest = max(
        sum(v or 0 for v in column) for column in zip(*(s.values for s in data.series), strict=True)
    )
    for index, series in enumerate(data.series):
        lengths = [0 if v is None else v for v in series.values]
        bars = axes.barh(
            positions,
            lengths,
            left=ends,
            height=0.72,
            color=FILLS[index % len(FILLS)],
            hatch=HATCHES[index % len(HATCHES)],
            edgecolor=INK,
            linewidth=0.4,
            label=series.name,
        )
        if data.kind == "bars":
            # The number (or the mark) at the end of the bar; a suppressed bar has no
            # length, so its mark stands at zero, where the bar would begin.
            axes.bar_label(bars, labels=list(series.texts), padding=2, fontproperties=_font(6.5))
        else:
            _segment_labels(axes, bars, series, widest)
        ends = [end + length for end, length in zip(ends, lengths, strict=True)]
    if data.kind == "stacked":
        _hidden_parts(axes, data, ends)
    axes.set_yticks(positions, labels=list(data.categories))
    axes.set_ylim(len(positions) - 0.5, -0.5)  # the table's first row on top
    _style_axes(figure, axes, data)
    if len(data.series) > 1:
        figure.legend(
            loc="outside lower center",
            ncols=min(len(data.series), 5),
            prop=_font(7),
            frameon=False,
        )


def _segment_labels(axes: Axes, bars: BarContainer, series: Series, widest: int) -> None:
    """Numbers inside the parts wide enough for them (the table below has them all)."""
    labels = [
        text if value is not None and value >= widest * 0.06 else ""
        for value, text in zip(series.values, series.texts, strict=True)
    ]
    axes.bar_label(
        bars,
        labels=labels,
        label_type="center",
        fontproperties=_font(6),
        color=INK,
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.85},
    )


def _hidden_parts(axes: Axes, data: ChartSeries, ends: Sequence[int]) -> None:
    """After each bar, the parts it leaves out: "0–17 <5, 65+ •" (their marks, no length)."""
    for position, end in enumerate(ends):
        hidden = [
            f"{shorten(series.name, _HIDDEN_NAME_CHARS)} {series.texts[position]}"
            for series in data.series
            if series.values[position] is None
        ]
        if hidden:
            axes.annotate(
                ", ".join(hidden),
                (end, position),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontproperties=_font(6),
                color=INK,
            )


# --- small panels, one per row -----------------------------------------------------------

_PANEL_COLUMNS = 3
_PANEL_HEIGHT_IN = 1.35


def _panels_height(data: ChartSeries) -> float:
    return 0.6 + math.ceil(len(data.series) / _PANEL_COLUMNS) * _PANEL_HEIGHT_IN


def _draw_panels(figure: Figure, data: ChartSeries) -> None:
    rows = math.ceil(len(data.series) / _PANEL_COLUMNS)
    grid = figure.subplots(rows, _PANEL_COLUMNS, sharex=True, sharey=True, squeeze=False)
    positions = list(range(len(data.categories)))
    every = max(1, math.ceil(len(positions) / 6))
    for index, axes in enumerate(grid.flat):
        if index >= len(data.series):
            axes.set_visible(False)
            continue
        series = data.series[index]
        lengths = [0 if v is None else v for v in series.values]
        axes.bar(positions, lengths, width=0.8, color=FILLS[0], edgecolor=INK, linewidth=0.2)
        for position, value, text in zip(positions, series.values, series.texts, strict=True):
            if value is None:
                axes.annotate(
                    text,
                    (position, 0),
                    xytext=(0, 1.5),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    rotation=90,
                    fontproperties=_font(5),
                    color=INK,
                )
        axes.set_title(series.name, fontproperties=_font(7), loc="left")
        axes.set_xticks(
            positions[::every], labels=list(data.categories[::every]), rotation=45, ha="right"
        )
        _plain_ticks(axes, 6)
        axes.spines[["top", "right"]].set_visible(False)
        axes.grid(axis="y", color="#cccccc", linewidth=0.4)
        axes.set_axisbelow(True)
    _title(figure, data)


# --- shared ------------------------------------------------------------------------------


def _wrapped_title(data: ChartSeries, figure: Figure, size: float) -> str:
    """The title in lines as wide as the figure (bold letters are about 0.62 em wide)."""
    title = shorten(data.title, 300)
    if data.note:
        title += f" ({data.note})"
    per_line = max(20, int(figure.get_figwidth() * 72 / (size * 0.62)))
    return "\n".join(textwrap.wrap(title, per_line))


def _title(figure: Figure, data: ChartSeries) -> None:
    title = _wrapped_title(data, figure, _TITLE_SIZE)
    figure.suptitle(title, fontproperties=_font(_TITLE_SIZE, "bold"), x=0.01, ha="left")


def _plain_ticks(axes: Axes, size: float) -> None:
    for label in (*axes.get_xticklabels(), *axes.get_yticklabels()):
        label.set_fontproperties(_font(size))


def _style_axes(figure: Figure, axes: Axes, data: ChartSeries) -> None:
    from matplotlib.ticker import MaxNLocator

    _title(figure, data)
    _plain_ticks(axes, 7)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="x", color="#cccccc", linewidth=0.4)
    axes.set_axisbelow(True)
    # Room after the longest bar for its number, or for the names of its hidden parts.
    hides_parts = data.kind == "stacked" and any(None in s.values for s in data.series)
    axes.margins(x=0.3 if hides_parts else 0.08)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 2.5 persons
