"""Verwaltung → Bedarfszahlen: the district's demand figures on screen, and as files.

Only the district's admin sees it (``desk.may("demand_report")``). The clerk sets the
filters (passes issued from/to, a municipality or all), "Berechnen" builds the report on
the app's :class:`TaskRunner` (about 1.5 s at 100k persons), and the tables are listed on
the left, the chosen one shown on the right: its chart (:mod:`passapp.ui.figures_charts`)
above the table of the cells' text only, suppressed cells tinted with a tooltip, as the
files have them. CSV, XLSX and PDF write the report on screen, the very object shown, so a
file never holds other figures than the screen.

Figures for other filters than the ones typed now are greyed as "veraltet" and cannot be
saved; a failed run shows its German reason and leaves no figures; closing the screen (and
so logging out) forgets them.

Layout in :class:`FiguresScreenView`, behaviour in :class:`FiguresScreen` (STYLE 9).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from passapp.domain.errors import InputError
from passapp.services.demand import DemandFilters, DemandReport
from passapp.services.demand_files import write_report
from passapp.services.desk import Desk
from passapp.services.errors import ServiceError
from passapp.services.progress import Progress
from passapp.ui import figures_words as words
from passapp.ui import i18n
from passapp.ui.chart_view import ChartView
from passapp.ui.figures_charts import FigureCharts
from passapp.ui.figures_table import FiguresTableModel
from passapp.ui.form_fields import FormError, typed_date
from passapp.ui.pass_dialog import documents_folder
from passapp.ui.screen import fit_to_screen
from passapp.ui.sync_view import ERROR_STYLE, HINT_STYLE, NOTE_STYLE, button, heading, label
from passapp.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

ALL = ""  # the municipality box's "alle"
DATE_WIDTH = 110
LIST_WIDTH = 260
CHART_HEIGHT = 300


@dataclass(frozen=True)
class FilterInputs:
    """What the clerk typed and chose: figures belong to exactly these."""

    issued_from: str
    issued_to: str
    municipality: str


class FiguresScreenView(QWidget):
    """The widgets: filters, the list of tables, the chosen table, the buttons."""

    def __init__(self, municipalities: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = heading(self.tr("Bedarfszahlen"))
        self.from_edit = self._date_edit(self.tr("Ausgestellt von"))
        self.to_edit = self._date_edit(self.tr("Ausgestellt bis"))
        self.municipality_box = QComboBox()
        self.municipality_box.setAccessibleName(self.tr("Gemeinde"))
        self.municipality_box.addItem(self.tr("alle Gemeinden"), ALL)
        for name, key in municipalities:
            self.municipality_box.addItem(name, key)
        self.compute_button = button(
            self.tr("Berechnen"), self.tr("Zahlen berechnen"), keys="Enter"
        )
        self.compute_button.setDefault(True)
        self.message = label(accessible_name=self.tr("Meldung"))
        self.tables = QListWidget()
        self.tables.setAccessibleName(self.tr("Tabellen"))
        self.tables.setWordWrap(True)
        # Titles run over two or three lines: a gap and alternating rows tell them apart.
        self.tables.setSpacing(2)
        self.tables.setAlternatingRowColors(True)
        self.note = label(
            words.suppression_note(), self.tr("Hinweis zur Geheimhaltung"), HINT_STYLE
        )
        self.title = label(accessible_name=self.tr("Tabelle"))
        self.title.setStyleSheet("font-weight: bold;")
        self.basis = label(accessible_name=self.tr("Stand und Filter"), style=HINT_STYLE)
        self.figures = FiguresTableModel()
        self.table = self._build_table()
        self.chart = ChartView()
        self.chart.setAccessibleName(self.tr("Diagramm der gewählten Tabelle"))
        self.chart_area = QScrollArea()
        self.chart_area.setWidget(self.chart)
        self.chart_area.setWidgetResizable(True)
        self.chart_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.csv_button = button(
            self.tr("Als CSV speichern …"), self.tr("Als CSV-Datei speichern"), "Ctrl+Shift+C"
        )
        self.xlsx_button = button(
            self.tr("Als Excel speichern …"), self.tr("Als Excel-Datei speichern"), "Ctrl+Shift+X"
        )
        self.pdf_button = button(
            self.tr("Als PDF speichern …"), self.tr("Als PDF-Datei speichern"), "Ctrl+Shift+P"
        )
        self.close_button = button(
            self.tr("Schließen"), self.tr("Bedarfszahlen schließen"), keys="Esc"
        )
        for widget in (*self.export_buttons, self.close_button):
            widget.setAutoDefault(False)  # Enter computes; it never saves or closes
        self._lay_out()

    def _date_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(self.tr("TT.MM.JJJJ"))
        edit.setFixedWidth(DATE_WIDTH)
        return edit

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.figures)
        table.setAccessibleName(self.tr("Zahlen der gewählten Tabelle"))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setWordWrap(False)
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # one line each
        columns = table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setTextElideMode(Qt.TextElideMode.ElideRight)
        return table

    def _lay_out(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tables)
        splitter.addWidget(self._figures_pane())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([LIST_WIDTH, 700])
        buttons = QHBoxLayout()
        for export_button in self.export_buttons:
            buttons.addWidget(export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(self._filter_row())
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.note)  # the whole width: fewer lines than beside the list
        layout.addLayout(buttons)

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, field in (
            (self.tr("Pässe ausgestellt &von"), self.from_edit),
            (self.tr("&bis"), self.to_edit),
            (self.tr("&Gemeinde"), self.municipality_box),
        ):
            caption = QLabel(text)
            caption.setBuddy(field)
            row.addWidget(caption)
            row.addWidget(field)
        row.addWidget(self.compute_button)
        row.addStretch(1)
        return row

    def _figures_pane(self) -> QWidget:
        """Title, day and filters, then the chart above the table (the clerk may move the
        line between them)."""
        self.chart_splitter = QSplitter(Qt.Orientation.Vertical)
        self.chart_splitter.addWidget(self.chart_area)
        self.chart_splitter.addWidget(self.table)
        self.chart_splitter.setChildrenCollapsible(False)
        self.chart_splitter.setSizes([CHART_HEIGHT, CHART_HEIGHT])  # half and half
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.basis)
        layout.addWidget(self.chart_splitter, 1)
        return pane

    @property
    def export_buttons(self) -> tuple[QPushButton, ...]:
        return (self.csv_button, self.xlsx_button, self.pdf_button)


class FiguresScreen(QDialog):
    """Compute, look at and save the district's demand figures (see the module docstring)."""

    def __init__(self, desk: Desk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._tasks = tasks
        self._task: Task[Any] | None = None
        self._report: DemandReport | None = None
        self._shown_for: FilterInputs | None = None
        # Bumped whenever the figures are forgotten: a run still under way then delivers
        # into nothing (its result belongs to a closed screen or to an older click).
        self._generation = 0
        self.setWindowTitle(self.tr("Bedarfszahlen"))
        self.setAccessibleName(self.tr("Bedarfszahlen"))
        fit_to_screen(self, 1180, 680)
        municipalities = [(choice.name_de, choice.code) for choice in desk.municipalities()]
        self.view = FiguresScreenView(municipalities, self)
        self.charts = FigureCharts(self.view.chart, self.view.chart_area, tasks)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self._wire()
        self._show_nothing(self.tr("Filter wählen und „Berechnen“ drücken."), HINT_STYLE)

    def _wire(self) -> None:
        view = self.view
        view.compute_button.clicked.connect(self.compute)
        view.close_button.clicked.connect(self.reject)
        view.csv_button.clicked.connect(lambda: self.export("csv"))
        view.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        view.pdf_button.clicked.connect(lambda: self.export("pdf"))
        view.tables.currentRowChanged.connect(self._show_table)
        for edit in (view.from_edit, view.to_edit):
            edit.textChanged.connect(lambda _text: self._check_stale())
        view.municipality_box.currentIndexChanged.connect(lambda _index: self._check_stale())

    # --- state -----------------------------------------------------------------------------

    @property
    def report(self) -> DemandReport | None:
        """The figures on screen (None when there are none)."""
        return self._report

    @property
    def stale(self) -> bool:
        """Whether the figures on screen were computed for other filters than typed now."""
        return self._report is not None and self._shown_for != self.inputs()

    @property
    def busy(self) -> bool:
        return self._task is not None

    def inputs(self) -> FilterInputs:
        view = self.view
        return FilterInputs(
            view.from_edit.text().strip(),
            view.to_edit.text().strip(),
            str(view.municipality_box.currentData() or ALL),
        )

    def _check_stale(self) -> None:
        if self._report is None:
            return
        stale = self.stale
        self.view.figures.set_stale(stale)
        self.charts.set_stale(stale)
        self._update_buttons()
        if stale:
            self._say(self._stale_text(), ERROR_STYLE)
        else:
            self._say(self._ready_text(self._report), NOTE_STYLE)

    def _stale_text(self) -> str:
        return self.tr(
            "Veraltet: die Filter wurden geändert. „Berechnen“ zeigt die Zahlen zu den "
            "neuen Filtern; bis dahin kann nichts gespeichert werden."
        )

    def _update_buttons(self) -> None:
        ready = self._report is not None and not self.stale and not self.busy
        for widget in self.view.export_buttons:
            widget.setEnabled(ready)
        self.view.compute_button.setEnabled(not self.busy)

    # --- computing -------------------------------------------------------------------------

    def filters(self) -> DemandFilters:
        """The typed filters, or :class:`FormError` naming the field."""
        view = self.view
        municipality = view.municipality_box.currentData() or ALL
        return DemandFilters(
            issued_from=typed_date(view.from_edit, self.tr("Ausgestellt von")),
            issued_to=typed_date(view.to_edit, self.tr("Ausgestellt bis")),
            # By name: the figures' heading then says "Gemeinde Dachau", not its key.
            municipality=view.municipality_box.currentText() if municipality else None,
        )

    def compute(self) -> None:
        """Start the report for the typed filters; a second click while it runs does nothing."""
        if self.busy:
            return
        try:
            filters = self.filters()
        except FormError as error:
            self._show_nothing(i18n.error_text(error), ERROR_STYLE)
            error.field.setFocus()
            if isinstance(error.field, QLineEdit):  # the date filters are
                error.field.selectAll()
            return
        desk, inputs, generation = self._desk, self.inputs(), self._generation

        def work(_progress: Progress) -> DemandReport:
            return desk.demand_report(filters)

        self._say(self.tr("Die Zahlen werden berechnet …"), HINT_STYLE)
        self._task = self._tasks.run(
            work,
            lambda report: self._computed(report, inputs, generation),
            lambda error: self._failed(error, generation),
        )
        self._update_buttons()

    def _computed(self, report: DemandReport, inputs: FilterInputs, generation: int) -> None:
        self._task = None
        if generation != self._generation:
            self._update_buttons()
            return
        # The table looked at stays chosen: new filters, same question.
        keys = [table.key for table in report.tables]
        looked_at = self.view.figures.table
        row = keys.index(looked_at.key) if looked_at and looked_at.key in keys else 0
        self._report, self._shown_for = report, inputs
        self.charts.forget()
        view = self.view
        view.tables.clear()
        view.tables.addItems([words.table_title(table) for table in report.tables])
        view.tables.setCurrentRow(row)
        self._check_stale()  # the filters may have changed while it ran

    def _failed(self, error: Exception, generation: int) -> None:
        self._task = None
        if generation == self._generation:
            self._show_nothing(self._reason(error, self.tr("Keine Zahlen")), ERROR_STYLE)
        else:
            self._update_buttons()

    def _ready_text(self, report: DemandReport) -> str:
        return self.tr("{count} Tabellen berechnet.").format(count=len(report.tables))

    def _show_table(self, row: int) -> None:
        report, view = self._report, self.view
        if report is None or not 0 <= row < len(report.tables):
            view.figures.set_table(None)
            view.title.clear()
            view.basis.clear()
            return
        table = report.tables[row]
        view.figures.set_table(table)
        view.figures.set_stale(self.stale)
        self.charts.show(table)
        view.title.setText(words.table_title(table))
        view.basis.setText(
            self.tr("Stand {day} · {filters}").format(
                day=f"{report.made_on:%d.%m.%Y}", filters=words.filters_text(report.filters)
            )
        )

    def _show_nothing(self, text: str, style: str) -> None:
        """No figures (at the start, after a failure, after closing): nothing to save."""
        self._generation += 1
        self._report, self._shown_for = None, None
        self.view.tables.clear()
        self._show_table(-1)
        self.charts.forget()
        self.charts.set_stale(False)
        self.view.figures.set_stale(False)
        self._say(text, style)
        self._update_buttons()

    # --- files -----------------------------------------------------------------------------

    def export(self, file_format: str) -> None:
        """Save the figures on screen (all tables) as ``file_format``, where the clerk says."""
        report = self._report
        if report is None or self.stale or self.busy:
            return
        folder = self._desk.output_folder or documents_folder()
        name = f"Bedarfszahlen-{report.made_on:%Y-%m-%d}.{file_format}"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Bedarfszahlen speichern"), str(folder / name), self._kinds[file_format]
        )
        if not chosen:
            return
        target = with_suffix(Path(chosen), file_format)
        self._say(self.tr("Die Datei wird geschrieben …"), HINT_STYLE)

        def work(_progress: Progress) -> Path:
            write_report(report, target, file_format)
            return target

        self._task = self._tasks.run(work, self._written, self._not_written)
        self._update_buttons()

    @property
    def _kinds(self) -> dict[str, str]:
        """The save dialog's file kinds."""
        return {
            "csv": self.tr("CSV-Dateien (*.csv)"),
            "xlsx": self.tr("Excel-Dateien (*.xlsx)"),
            "pdf": self.tr("PDF-Dateien (*.pdf)"),
        }

    def _written(self, path: Path) -> None:
        self._task = None
        self._update_buttons()
        saved = self.tr("Gespeichert: {path}").format(path=path)
        if self.stale:  # the filters changed while the file was written (the PDF takes long)
            self._say(f"{saved}. {self._stale_text()}", ERROR_STYLE)
        else:
            self._say(saved, NOTE_STYLE)

    def _not_written(self, error: Exception) -> None:
        self._task = None
        self._update_buttons()
        reason = self._reason(error, self.tr("Die Datei wurde nicht gespeichert"))
        self._say(reason, ERROR_STYLE)

    def _reason(self, error: Exception, what: str) -> str:
        if isinstance(error, ServiceError | InputError):
            return f"{what}: {i18n.error_text(error)}"
        if isinstance(error, OSError):
            return self.tr(
                "{what}: der Ordner ist nicht beschreibbar, voll oder nicht erreichbar ({detail})."
            ).format(what=what, detail=error.strerror or type(error).__name__)
        log.error("demand figures failed", exc_info=error)
        return self.tr(
            "{what}: unerwarteter Fehler ({kind}). Bitte die IT-Betreuung informieren; die "
            "Einzelheiten stehen im Protokoll."
        ).format(what=what, kind=type(error).__name__)

    def _say(self, text: str, style: str = "") -> None:
        self.view.message.setText(text)
        self.view.message.setStyleSheet(style)

    # --- opening and closing ----------------------------------------------------------------

    def done(self, result: int) -> None:
        """Closed (Esc, "Schließen", log-out): the figures are forgotten."""
        self._forget()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Log-out from a locked screen closes this dialog while the lock hides it, and
        # Qt closes a hidden dialog without done(): the figures go here then.
        self._forget()
        super().closeEvent(event)

    def _forget(self) -> None:
        self._show_nothing(self.tr("Filter wählen und „Berechnen“ drücken."), HINT_STYLE)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            QTimer.singleShot(0, self._focus_first)

    def _focus_first(self) -> None:
        self.activateWindow()
        self.view.from_edit.setFocus()


def open_figures_screen(desk: Desk, tasks: TaskRunner, parent: QWidget) -> FiguresScreen:
    """The window's one figures screen, made on first use (a run under way delivers into it
    even after it was closed and opened again)."""
    screen = parent.findChild(FiguresScreen) or FiguresScreen(desk, tasks, parent)
    screen.open()
    return screen


def with_suffix(chosen: Path, file_format: str) -> Path:
    """The chosen name, with the format's ending added where the clerk left it out."""
    ending = f".{file_format}"
    return chosen if chosen.suffix.lower() == ending else chosen.with_name(chosen.name + ending)
