"""The figures screen's charts speak the UI's language: in English, no word of the
service's German titles and labels (nor of the translation source's German) is drawn."""

from __future__ import annotations

import re

import pytest
from matplotlib.text import Text

from passapp.domain.suppression import suppress
from passapp.pdf.demand_charts import (
    LARGEST_NOTE,
    MAX_CATEGORIES,
    ChartLanguage,
    chart_series,
    draw,
)
from passapp.services.context import ServiceContext
from passapp.services.demand import DemandFilters, DemandTable, demand_report
from passapp.ui import figures_words as words
from tests.services.test_demand import build_district
from tests.ui.visible_texts import german_words

WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{3,}")


def german_texts(table: DemandTable) -> list[str]:
    return [table.title, table.row_label, *table.row_labels, *table.column_labels]


def english_texts(table: DemandTable) -> list[str]:
    shown = words.chart_table(table)
    return [shown.title, shown.row_label, *shown.row_labels, *shown.column_labels]


def lower_words(texts: list[str]) -> set[str]:
    return {word.lower() for text in texts for word in WORD.findall(text)}


def drawn_texts(table: DemandTable) -> list[str]:
    data = chart_series(words.chart_table(table), words.chart_language())
    if data is None:
        return []
    figure = draw(data, width_px=900, dpi=96)
    return [text.get_text() for text in figure.findobj(Text) if text.get_text().strip()]


def test_every_chart_of_the_english_ui_is_drawn_in_english(
    district_ctx: ServiceContext, english: None
) -> None:
    build_district(district_ctx)
    report = demand_report(district_ctx, DemandFilters())
    drawn_any = False
    for table in report.tables:
        # Words only the German texts use (data like "Dachau" or "SYR" is in both).
        german = lower_words(german_texts(table)) - lower_words(english_texts(table))
        german |= german_words()
        texts = drawn_texts(table)
        drawn_any |= bool(texts)
        found = sorted(lower_words(texts) & german)
        assert not found, f"{table.key}: {found} in {texts}"
    assert drawn_any


def test_the_german_ui_draws_the_reports_own_words(district_ctx: ServiceContext) -> None:
    build_district(district_ctx)
    tables = demand_report(district_ctx, DemandFilters()).tables
    table = next(table for table in tables if chart_series(table) is not None)
    assert words.chart_language() == "de"
    assert words.chart_table(table).title == table.title
    drawn = " ".join(" ".join(drawn_texts(table)).split())
    assert " ".join(table.title.split()[:3]) in drawn


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_long_table_notes_in_the_charts_language_how_many_bars_it_shows(
    language: str,
) -> None:
    rows = MAX_CATEGORIES + 5
    table = words.ChartWords(
        key="entries_by_provider",
        title="Entries by provider",
        row_label="Provider",
        row_labels=tuple(f"Provider {r}" for r in range(rows)),
        column_labels=("Entries",),
        table=suppress([[10 + r] for r in range(rows)]),
    )
    chosen: ChartLanguage = "en" if language == "en" else "de"
    data = chart_series(table, chosen)
    assert data is not None
    assert data.note == LARGEST_NOTE[chosen].format(shown=MAX_CATEGORIES, total=rows)
    assert len(data.categories) == MAX_CATEGORIES
