"""Layout of the "Datenaustausch" screen: four pages, no behaviour (STYLE 9).

:class:`passapp.ui.sync_screen.SyncScreen` wires the behaviour. The pages follow the
admin's way through an exchange: overview → confirm the bundle → working → receipt. Every
page has one primary button (Enter) and Esc goes one step back; the shortcuts are on the
buttons, so they act only while their page is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from passapp.ui.peer_table import PeerTableModel
from passapp.ui.screen import fit_to_screen

ERROR_STYLE = "color: #b71c1c; font-weight: bold;"
NOTE_STYLE = "color: #1b5e20; font-weight: bold;"
HINT_STYLE = "color: #555555;"


def button(text: str, accessible_name: str, shortcut: str = "", keys: str = "") -> QPushButton:
    """A button with its own ``shortcut``, or ``keys`` that the dialog handles (Enter, Esc)."""
    widget = QPushButton(text)
    widget.setAccessibleName(accessible_name)
    if shortcut:
        widget.setShortcut(QKeySequence(shortcut))
        # NativeText: "Strg+E" once Qt's German translation is loaded (app.py).
        keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
    widget.setToolTip(f"{accessible_name} ({keys})" if keys else accessible_name)
    return widget


def label(text: str = "", accessible_name: str = "", style: str = "") -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(True)
    widget.setAccessibleName(accessible_name or text)
    if style:
        widget.setStyleSheet(style)
    return widget


def key_hint(text: str) -> QLabel:
    return label(text, QCoreApplication.translate("sync_view", "Tastenkürzel"), HINT_STYLE)


def heading(text: str = "") -> QLabel:
    widget = label(text, QCoreApplication.translate("sync_view", "Überschrift"))
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    widget.setFont(font)
    return widget


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in buttons:
        row.addWidget(widget)
    row.addStretch(1)
    return row


def page(*items: QWidget | QHBoxLayout | QFormLayout, stretch_after: int = -1) -> QWidget:
    """A page of widgets and button rows from top to bottom."""
    layout = QVBoxLayout()
    for number, item in enumerate(items):
        if isinstance(item, QWidget):
            layout.addWidget(item)
        else:
            layout.addLayout(item)
        if number == stretch_after:
            layout.addStretch(1)
    container = QWidget()
    container.setLayout(layout)
    return container


class SyncScreenView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Datenaustausch"))
        self.setAccessibleName(self.tr("Datenaustausch"))
        fit_to_screen(self, 900, 620)
        self.pages = QStackedWidget()
        self.overview_page = self._build_overview()
        self.confirm_page = self._build_confirm()
        self.working_page = self._build_working()
        self.receipt_page = self._build_receipt()
        for widget in (self.overview_page, self.confirm_page, self.working_page, self.receipt_page):
            self.pages.addWidget(widget)
        layout = QVBoxLayout()
        layout.addWidget(self.pages)
        self.setLayout(layout)

    def show_page(self, page: QWidget, primary: QPushButton) -> None:
        """Show ``page`` with ``primary`` focused and taking Enter (a dialog has one
        default button at a time, so it moves with the page)."""
        self.pages.setCurrentWidget(page)
        primary.setDefault(True)
        primary.setFocus()

    def _build_overview(self) -> QWidget:
        self.overview_heading = heading()
        self.intro = label(accessible_name=self.tr("Erklärung"))
        self.peers = PeerTableModel()
        self.peer_table = QTableView()
        self.peer_table.setModel(self.peers)
        self.peer_table.setAccessibleName(self.tr("Letzter Austausch je Stelle"))
        self.peer_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.peer_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.peer_table.setTabKeyNavigation(False)  # Tab moves on to the buttons
        self.peer_table.verticalHeader().hide()
        columns = self.peer_table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        columns.setSectionResizeMode(PeerTableModel.OFFICE, QHeaderView.ResizeMode.ResizeToContents)
        columns.setMinimumSectionSize(140)
        self.no_peers = label(self.tr("Noch kein Paket mit einer anderen Stelle ausgetauscht."))
        self.counts = label(accessible_name=self.tr("Stand der Datensätze"))
        self.message = label(accessible_name=self.tr("Meldung"))
        self.export_button = button(
            self.tr("Paket exportieren …"), self.tr("Paket exportieren"), "Ctrl+E"
        )
        self.import_button = button(
            self.tr("Paket einspielen …"), self.tr("Paket einspielen"), "Ctrl+I"
        )
        self.close_button = button(
            self.tr("Schließen"), self.tr("Datenaustausch schließen"), keys="Esc"
        )
        return page(
            self.overview_heading,
            self.intro,
            self.peer_table,
            self.no_peers,
            self.counts,
            self.message,
            button_row(self.export_button, self.import_button, self.close_button),
            key_hint(self.tr("Strg+E exportieren · Strg+I einspielen · Esc schließen")),
        )

    def _bundle_facts(self) -> tuple[tuple[str, str], ...]:
        """The bundle header's facts on the confirm page: key → label."""
        return (
            ("sender", self.tr("Von")),
            ("recipient", self.tr("Für")),
            ("created", self.tr("Erstellt am")),
            ("content", self.tr("Inhalt")),
            ("file", self.tr("Datei")),
        )

    def _build_confirm(self) -> QWidget:
        self.confirm_heading = heading(self.tr("Dieses Paket einspielen?"))
        facts = QFormLayout()
        self.facts: dict[str, QLabel] = {}
        for key, text in self._bundle_facts():
            value = label(accessible_name=text, style="font-weight: bold;")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts.addRow(f"{text}:", value)
            self.facts[key] = value
        self.confirm_warning = label(accessible_name=self.tr("Warnung"), style=ERROR_STYLE)
        self.confirm_button = button(
            self.tr("Jetzt einspielen"), self.tr("Paket jetzt einspielen"), keys="Enter"
        )
        self.back_button = button(self.tr("Zurück"), self.tr("Zurück zur Übersicht"), keys="Esc")
        explain = label(
            self.tr(
                "Das steht im Kopf der Datei (lesbar ohne Schlüssel). Beim Einspielen wird das "
                "Paket vollständig geprüft; ist etwas nicht in Ordnung, wird nichts übernommen."
            ),
            self.tr("Erklärung"),
        )
        return page(
            self.confirm_heading,
            explain,
            facts,
            self.confirm_warning,
            button_row(self.confirm_button, self.back_button),
            key_hint(self.tr("Enter einspielen · Esc zurück")),
            stretch_after=3,
        )

    def _build_working(self) -> QWidget:
        self.work_heading = heading()
        self.phase = label(accessible_name=self.tr("Arbeitsschritt"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Fortschritt"))
        self.work_hint = label(accessible_name=self.tr("Hinweis zum Abbrechen"), style=HINT_STYLE)
        self.cancel_button = button(self.tr("Abbrechen"), self.tr("Vorgang abbrechen"), keys="Esc")
        return page(
            self.work_heading,
            self.phase,
            self.progress_bar,
            self.work_hint,
            button_row(self.cancel_button),
            stretch_after=4,
        )

    def _build_receipt(self) -> QWidget:
        self.receipt_heading = heading()
        self.receipt_summary = label(accessible_name=self.tr("Zusammenfassung"), style=NOTE_STYLE)
        self.receipt_text = QTextBrowser()
        self.receipt_text.setAccessibleName(self.tr("Beleg"))
        self.receipt_text.setOpenLinks(False)
        self.receipt_message = label(accessible_name=self.tr("Meldung zum Beleg"))
        self.print_button = button(self.tr("Drucken …"), self.tr("Beleg drucken"), "Ctrl+P")
        self.save_button = button(
            self.tr("Als PDF speichern …"), self.tr("Beleg als PDF speichern"), "Ctrl+S"
        )
        self.done_button = button(
            self.tr("Fertig"), self.tr("Fertig, zurück zur Übersicht"), keys="Enter, Esc"
        )
        return page(
            self.receipt_heading,
            self.receipt_summary,
            self.receipt_text,
            self.receipt_message,
            button_row(self.print_button, self.save_button, self.done_button),
            key_hint(self.tr("Strg+P drucken · Strg+S als PDF speichern · Enter oder Esc fertig")),
        )
