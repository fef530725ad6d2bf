"""The main window: one search/scan field, always focused, and the results below.

This is the first screen of the counter app; registration, issuing and the other
screens join it as their own modules (issue #5).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from passapp.domain.errors import InputError
from passapp.services.context import ServiceContext
from passapp.services.errors import ServiceError
from passapp.services.offices import current_office
from passapp.services.search import find
from passapp.ui.person_table import PersonTableModel
from passapp.ui.sync_screen import SyncScreen
from passapp.ui.tasks import TaskRunner

SEARCH_DELAY_MS = 250


class MainWindow(QMainWindow):
    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self._ctx = ctx
        # The one worker every screen sends its database writes through (ui/tasks.py).
        self.tasks = TaskRunner(self)
        self.sync_screen: SyncScreen | None = None
        self.setWindowTitle("Bildungs- und Beratungspass – Landkreis Dachau")
        self.resize(1100, 700)

        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(
            "Name, Passnummer oder Geburtsdatum eingeben – oder Pass scannen"
        )
        self.search_field.setAccessibleName("Suche")
        self.search_field.setClearButtonEnabled(True)
        self.message = QLabel()
        self.message.setAccessibleName("Hinweis zur Suche")
        self.results = PersonTableModel()
        self.table = QTableView()
        self.table.setModel(self.results)
        self.table.setAccessibleName("Suchergebnisse")
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout()
        layout.addWidget(self.search_field)
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)

        # Search as the clerk types, but not on every key stroke of a scanner burst.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._on_search)
        self.search_field.textChanged.connect(lambda _text: self._timer.start())
        self.search_field.returnPressed.connect(self._on_search)
        QShortcut(QKeySequence("Ctrl+F"), self, self._focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._clear_search)
        self._add_menus()

        office = current_office(ctx)
        where = f"{office.code} – {office.name}" if office else "keine Dienststelle eingerichtet"
        self.statusBar().showMessage(f"Dienststelle: {where}")
        self._focus_search()

    def _add_menus(self) -> None:
        admin = self.menuBar().addMenu("&Verwaltung")
        sync = QAction("&Datenaustausch …", self)
        sync.setShortcut(QKeySequence("Ctrl+Shift+D"))
        sync.triggered.connect(self.open_sync_screen)
        admin.addAction(sync)

    def open_sync_screen(self) -> SyncScreen:
        if self.sync_screen is None:
            self.sync_screen = SyncScreen(self._ctx, self.tasks, self)
        self.sync_screen.open()
        return self.sync_screen

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Focus only sticks once the window is shown and active.
        self.activateWindow()
        QTimer.singleShot(0, self._focus_search)

    def _focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def _clear_search(self) -> None:
        self.search_field.clear()
        self._focus_search()

    def _on_search(self) -> None:
        self._timer.stop()
        self.message.setStyleSheet("")
        try:
            result = find(self._ctx, self.search_field.text())
        except (ServiceError, InputError) as error:
            self.results.set_rows([])
            self.message.setText(error.message_de)
            return
        self.results.set_rows(result.hits)
        if result.verification is not None:
            self._show_verification(result.verification.to_json())
            return
        if result.kind == "empty":
            self.message.setText("")
        elif not result.hits:
            self.message.setText("Nichts gefunden.")
        else:
            self.message.setText(f"{len(result.hits)} Treffer")

    def _show_verification(self, data: dict[str, object]) -> None:
        """A scanned pass: say clearly whether it may be accepted, and why not."""
        number = data["pass_number"] or "?"
        if data["valid"] and data["status"] in ("active", "unknown"):
            text = (
                f"✔ Pass {number} gültig – ausgestellt von {data['office']} am {data['issued_on']}"
            )
            colour = "#1b5e20"
        elif data["valid"]:
            text = f"✖ Pass {number}: {data['status_de']}"
            colour = "#b71c1c"
        else:
            text = f"✖ Ungültiger Pass: {data['reason_de']}"
            colour = "#b71c1c"
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colour}; font-weight: bold;")
