"""Charts of the demand figures: what reaches matplotlib is published numbers only."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.container import BarContainer
from PIL import Image

from passapp.domain.suppression import suppress
from passapp.pdf.demand_charts import (
    ELLIPSIS,
    MAX_CATEGORIES,
    MAX_LABEL_CHARS,
    chart_png,
    chart_series,
    draw,
)
from passapp.services.demand import DemandTable

counts = st.one_of(st.integers(0, 4), st.integers(5, 12), st.integers(13, 500))


def demand_table(
    grid: list[list[int]], key: str = "holders_by_municipality_age", rows: list[str] | None = None
) -> DemandTable:
    row_labels = rows or [f"Gemeinde {r}" for r in range(len(grid))]
    return DemandTable(
        key=key,
        title="Passinhaber nach Gemeinde und Alter",
        row_label="Gemeinde",
        row_labels=tuple(row_labels),
        column_labels=tuple(f"Spalte {c}" for c in range(len(grid[0]))),
        table=suppress(grid),
    )


def decoded(png: bytes | None) -> Image.Image:
    assert png is not None
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


@pytest.mark.parametrize(("width_px", "dpi"), [(1200, 150), (640, 96), (2400, 300)])
def test_chart_is_a_png_of_the_asked_width(width_px: int, dpi: int) -> None:
    table = demand_table([[120, 3, 40], [8, 60, 0], [30, 30, 30]])

    image = decoded(chart_png(table, width_px=width_px, dpi=dpi))

    assert image.format == "PNG"
    assert image.width == width_px
    assert width_px // 4 <= image.height <= 4 * width_px


def test_months_table_is_drawn_as_one_panel_per_kind() -> None:
    months = [f"2025-{m:02d}" for m in range(1, 13)]
    table = DemandTable(
        key="entries_by_kind_month",
        title="Einträge nach Art und Monat des Beginns",
        row_label="Art",
        row_labels=("beratung", "sprachkurs"),
        column_labels=tuple(months),
        table=suppress([[10 + m for m in range(12)], list(range(12))]),
    )

    data = chart_series(table)

    assert data is not None
    assert data.kind == "panels"
    assert data.categories == tuple(months)
    assert [s.name for s in data.series] == ["beratung", "sprachkurs"]
    assert decoded(chart_png(table)).width == 1200


def test_table_with_every_cell_suppressed_has_no_chart() -> None:
    # Decision: no chart rather than a frame of marks; the PDF says why instead.
    table = demand_table([[1, 2], [0, 4]])

    assert chart_series(table) is None
    assert chart_png(table) is None


def test_suppressed_cell_shows_its_mark_and_has_no_length() -> None:
    table = demand_table([[100], [3], [60], [50]])

    data = chart_series(table)

    assert data is not None
    (series,) = data.series
    # 50 is hidden too ("•"), or the total would give the "<5" away.
    assert series.values == (100, None, 60, None)
    assert series.texts == ("100", "<5", "60", "•")
    lengths = [bar.get_width() for bar in _bars(draw(data, width_px=800, dpi=100))]
    assert lengths == [100, 0, 60, 0]


def test_long_labels_are_cut_with_an_ellipsis() -> None:
    long_name = "Volkshochschule " * 700  # about 11,000 characters
    table = demand_table([[40, 9], [12, 30]], rows=[long_name, "Dachau"])

    data = chart_series(table)

    assert data is not None
    assert len(data.categories[0]) == MAX_LABEL_CHARS
    assert data.categories[0].endswith(ELLIPSIS)
    assert data.categories[1] == "Dachau"
    assert decoded(chart_png(table)).width == 1200


def test_many_rows_chart_the_largest_and_say_so() -> None:
    grid = [[5 + r] for r in range(MAX_CATEGORIES + 10)]
    table = demand_table(grid)

    data = chart_series(table)

    assert data is not None
    assert len(data.categories) == MAX_CATEGORIES
    assert "Gemeinde 0" not in data.categories  # the ten smallest are left out
    assert data.note is not None
    assert str(MAX_CATEGORIES) in data.note


@settings(derandomize=True, max_examples=150, deadline=None)
@given(
    st.integers(1, 7).flatmap(
        lambda n: st.lists(st.lists(counts, min_size=n, max_size=n), min_size=1, max_size=7)
    )
)
def test_no_suppressed_count_reaches_the_chart(grid: list[list[int]]) -> None:
    table = demand_table(grid)
    cells = table.table.cells

    data = chart_series(table)

    if data is None:
        assert all(cell.suppressed for row in cells for cell in row)
        return
    for c, series in enumerate(data.series):
        for r, (value, text) in enumerate(zip(series.values, series.texts, strict=True)):
            cell = cells[r][c]
            assert text == cell.text
            assert value == (None if cell.suppressed else cell.count)


@settings(derandomize=True, max_examples=25, deadline=None)
@given(
    st.integers(1, 4).flatmap(
        lambda n: st.lists(st.lists(counts, min_size=n, max_size=n), min_size=1, max_size=5)
    )
)
def test_drawn_bars_are_published_counts_or_empty(grid: list[list[int]]) -> None:
    table = demand_table(grid)
    data = chart_series(table)
    if data is None:
        return
    published = {cell.count for row in table.table.cells for cell in row if not cell.suppressed}

    lengths = {bar.get_width() for bar in _bars(draw(data, width_px=600, dpi=60))}

    assert lengths <= published | {0}


def _bars(figure: object) -> list[object]:
    (axes,) = figure.axes  # type: ignore[attr-defined]
    return [bar for c in axes.containers if isinstance(c, BarContainer) for bar in c]


def test_a_hidden_part_of_a_stacked_bar_is_named_after_the_bar() -> None:
    table = demand_table([[100, 3], [60, 40], [70, 9]])
    data = chart_series(table)
    assert data is not None
    assert data.kind == "stacked"

    figure = draw(data, width_px=900, dpi=100)

    (axes,) = figure.axes
    words = [text.get_text() for text in axes.texts]
    # Row 1: 100 and 3 are hidden (3 is small; 100 would give it away from the total 103).
    assert "Spalte 0 •, Spalte 1 <5" in words
    shown = " ".join(words).replace(",", " ").split()
    assert "3" not in shown
    assert "100" not in shown


def test_charts_use_no_pyplot_and_no_qt() -> None:
    # A fresh interpreter: pyplot would pick a global backend, Qt must stay out of the core.
    script = (
        "import sys\n"
        "from passapp.domain.suppression import suppress\n"
        "from passapp.pdf.demand_charts import chart_png\n"
        "from passapp.services.demand import DemandTable\n"
        "table = DemandTable('k', 'T', 'R', ('a', 'b'), ('c',), suppress([[10], [20]]))\n"
        "assert chart_png(table)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('matplotlib.pyplot', 'PySide6'))))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "[]"
