"""The chart of the chosen demand table, drawn on the app's worker as tables are chosen.

matplotlib takes 0.2 to 2 s for a chart (``passapp.pdf.demand_charts.chart_png``, the PDF
report's own drawing), too long for the UI thread and for drawing all eleven up front. So
the chart of the table the clerk chooses is queued as a quiet task (no ``finished`` signal:
it is no work the clerk started); a chart whose table is no longer chosen when the worker
comes to it is skipped, and drawn charts are kept until the figures are forgotten.
"""

from __future__ import annotations

import logging
from typing import Final

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QScrollArea

from passapp.pdf.demand_charts import chart_png
from passapp.services.demand import DemandTable
from passapp.services.progress import Progress
from passapp.ui import figures_words as words
from passapp.ui.chart_view import ChartView
from passapp.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

CHART_DPI: Final = 96  # at a pixel ratio of 1: the chart's text as large as the screen's
MIN_CHART_WIDTH: Final = 400
SKIPPED: Final = b""  # the worker came to a chart nobody looks at any more


class FigureCharts:
    def __init__(self, view: ChartView, area: QScrollArea, tasks: TaskRunner) -> None:
        self._view = view
        self._area = area
        self._tasks = tasks
        self._drawn: dict[str, bytes | None] = {}
        self._queued: set[str] = set()
        self._wanted: str | None = None
        self._generation = 0

    def forget(self) -> None:
        """New figures or none: charts drawn or under way belong to the old ones."""
        self._generation += 1
        self._drawn.clear()
        self._queued.clear()
        self._wanted = None
        self._view.show_text("")

    def set_stale(self, stale: bool) -> None:
        self._view.setEnabled(not stale)  # a disabled picture is drawn greyed

    def show(self, table: DemandTable) -> None:
        self._wanted = table.key
        if table.key in self._drawn:
            self._show_drawn(table.key)
            return
        self._view.show_text(
            QCoreApplication.translate("FigureCharts", "Das Diagramm wird gezeichnet …")
        )
        if table.key not in self._queued:
            self._draw(table)

    def _draw(self, table: DemandTable) -> None:
        key, generation = table.key, self._generation
        # The UI's words are read here: the worker must not ask Qt's settings.
        in_words, language = words.chart_table(table), words.chart_language()
        ratio = self._area.devicePixelRatioF()
        width = max(round(self._area.viewport().width() * ratio), MIN_CHART_WIDTH)
        dpi = round(CHART_DPI * ratio)

        def work(_progress: Progress) -> bytes | None:
            if self._wanted != key or self._generation != generation:
                return SKIPPED
            return chart_png(in_words, width_px=width, dpi=dpi, language=language)

        self._queued.add(key)
        self._tasks.run(
            work,
            lambda png: self._drew(table, generation, png),
            lambda error: self._failed(key, generation, error),
            quiet=True,
        )

    def _drew(self, table: DemandTable, generation: int, png: bytes | None) -> None:
        if generation != self._generation:
            return
        self._queued.discard(table.key)
        if png == SKIPPED:
            if self._wanted == table.key:  # chosen again after the worker skipped it
                self._draw(table)
            return
        self._drawn[table.key] = png
        if self._wanted == table.key:
            self._show_drawn(table.key)

    def _show_drawn(self, key: str) -> None:
        png = self._drawn[key]
        if png is None:
            self._view.show_text(
                QCoreApplication.translate(
                    "FigureCharts",
                    "Kein Diagramm: keine Zahl dieser Tabelle ist veröffentlicht (alle „<5“ oder „•“).",
                )
            )
        else:
            self._view.show_png(png, self._area.devicePixelRatioF())

    def _failed(self, key: str, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._queued.discard(key)
        log.error("drawing the chart of %s failed", key, exc_info=error)
        if self._wanted == key:
            self._view.show_text(
                QCoreApplication.translate(
                    "FigureCharts", "Kein Diagramm ({kind}); die Zahlen stehen in der Tabelle."
                ).format(kind=type(error).__name__)
            )
