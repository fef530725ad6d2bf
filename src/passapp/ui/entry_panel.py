"""The entry log of one pass as a table, newest first, with new / correct / cancel.

The person panel of the main window embeds this (``show_pass``). The panel reads the log
itself (a quick read on the UI thread); the dialogs it opens write through the app's one
:class:`TaskRunner`, and after each save the table is read again and
``entries_changed`` tells the embedding window.

Shortcuts (window-wide while the panel is shown, chosen so they do not collide with the
main window's and the person panel's): Strg+Umschalt+N new entry, Strg+K correct,
Strg+Umschalt+S cancel ("stornieren").
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from passapp.domain.errors import InputError
from passapp.services.desk import Desk
from passapp.services.entries import EntryView
from passapp.services.errors import ServiceError
from passapp.services.verification import looks_like_qr
from passapp.ui import i18n
from passapp.ui.entry_form import CancelEntryDialog, EntryForm
from passapp.ui.entry_table import EntryTableModel, is_current
from passapp.ui.offer_titles import shown_titles
from passapp.ui.sync_view import ERROR_STYLE, HINT_STYLE, button, button_row, label
from passapp.ui.tasks import TaskRunner

NEW_KEYS = "Ctrl+Shift+N"
CORRECT_KEYS = "Ctrl+K"
CANCEL_KEYS = "Ctrl+Shift+S"

Dialog = TypeVar("Dialog", EntryForm, CancelEntryDialog)


class EntryPanel(QWidget):
    entries_changed = Signal()

    def __init__(self, desk: Desk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._tasks = tasks
        self._reference: str | None = None
        self.entry_form: EntryForm | None = None
        self.cancel_dialog: CancelEntryDialog | None = None

        self.heading = label(accessible_name=self.tr("Einträge"), style="font-weight: bold;")
        self.model = EntryTableModel()
        self.table = self._build_table()
        self.message = label(accessible_name=self.tr("Hinweis zu den Einträgen"))
        self.new_button = button(self.tr("Neuer Eintrag …"), self.tr("Neuer Eintrag"), NEW_KEYS)
        self.correct_button = button(
            self.tr("Korrigieren …"), self.tr("Gewählten Eintrag korrigieren"), CORRECT_KEYS
        )
        self.cancel_button = button(
            self.tr("Stornieren …"), self.tr("Gewählten Eintrag stornieren"), CANCEL_KEYS
        )
        self.hint = label(
            self.tr(
                "Strg+Umschalt+N neuer Eintrag · Strg+K korrigieren · Strg+Umschalt+S stornieren"
                " · ↓/↑ Eintrag wählen"
            ),
            self.tr("Tastenkürzel"),
            HINT_STYLE,
        )
        self.new_button.clicked.connect(self.new_entry)
        self.correct_button.clicked.connect(self.correct_entry)
        self.cancel_button.clicked.connect(self.cancel_entry)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(button_row(self.new_button, self.correct_button, self.cancel_button))
        layout.addWidget(self.hint)
        self.clear()

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName(self.tr("Einträge, neueste zuerst"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab moves on to the buttons
        table.setWordWrap(False)
        table.verticalHeader().hide()
        columns = table.horizontalHeader()
        columns.setTextElideMode(Qt.TextElideMode.ElideRight)  # narrow at 150 % scaling
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (EntryTableModel.TITLE, EntryTableModel.PROVIDER, EntryTableModel.NOTE):
            columns.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        return table

    # --- what is shown -------------------------------------------------------------------

    @property
    def pass_reference(self) -> str | None:
        return self._reference

    def clear(self) -> None:
        self._reference = None
        self.model.set_log(None)
        self.heading.setText(self.tr("Einträge"))
        self.message.setText("")
        self._enable_actions()

    def show_pass(self, pass_reference: str) -> bool:
        """Show the entries of a pass (number or scanned QR text); False, with the reason
        shown, where they cannot be read. A new entry is possible either way: the first
        entry makes another office's scanned pass known here."""
        self._reference = pass_reference
        return self.refresh()

    def refresh(self) -> bool:
        if self._reference is None:
            return False
        self.message.setText("")
        self.message.setStyleSheet("")
        try:
            entry_log = self._desk.list_entries(self._reference)
        except (ServiceError, InputError) as error:
            self.model.set_log(None)
            self.heading.setText(self.tr("Einträge"))
            self._tell_unreadable(i18n.error_text(error))
            self._enable_actions()
            return False
        offers = self._desk.list_offers()
        titles = {offer.slug: offer.title for offer in offers}
        self.model.set_log(entry_log, titles, shown_titles(offers))
        self.heading.setText(
            self.tr("Einträge zum Pass {number}").format(number=entry_log.pass_number)
        )
        if not entry_log.entries:
            self.message.setText(self.tr("Noch keine Einträge."))
        self._select_row(self._first_current_row())
        self._enable_actions()
        return True

    def _tell_unreadable(self, reason: str) -> None:
        if looks_like_qr(self._reference or ""):
            # Another office's pass is known here only after its first entry.
            reason = self.tr(
                "{reason} Ein neuer Eintrag macht den gescannten Pass hier bekannt."
            ).format(reason=reason)
        self.message.setText(reason)
        self.message.setStyleSheet(ERROR_STYLE)

    def selected_entry(self) -> EntryView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    def _first_current_row(self) -> int:
        """The newest entry that still counts (the one a clerk most likely acts on)."""
        rows = range(self.model.rowCount())
        return next((row for row in rows if is_current(self.model.entry(row))), 0)

    def _select_row(self, row: int | None) -> None:
        if row is None or not 0 <= row < self.model.rowCount():
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._enable_actions()

    def _enable_actions(self) -> None:
        entry = self.selected_entry()
        actionable = entry is not None and is_current(entry)
        self.new_button.setEnabled(self._reference is not None)
        self.correct_button.setEnabled(actionable)
        self.cancel_button.setEnabled(actionable)
        if entry is not None and not actionable and not self.message.styleSheet():
            self.message.setText(
                self.tr(
                    "Dieser Eintrag ist schon korrigiert oder storniert (oder selbst ein Storno); "
                    "bitte die geltende Fassung wählen."
                )
            )
        elif entry is not None and not self.message.styleSheet():
            self.message.setText("")

    # --- actions -------------------------------------------------------------------------

    def new_entry(self) -> EntryForm | None:
        if self._reference is None:
            return None
        form = EntryForm.for_new(self._desk, self._tasks, self._reference, self)
        self.entry_form = self._open(form, self.entry_form)
        return form

    def correct_entry(self) -> EntryForm | None:
        entry = self.selected_entry()
        if self._reference is None or entry is None or not is_current(entry):
            return None
        form = EntryForm.for_correction(self._desk, self._tasks, self._reference, entry, self)
        self.entry_form = self._open(form, self.entry_form)
        return form

    def cancel_entry(self) -> CancelEntryDialog | None:
        entry = self.selected_entry()
        if self._reference is None or entry is None or not is_current(entry):
            return None
        dialog = CancelEntryDialog(
            self._desk, self._tasks, self._reference, entry, self.model.offer_titles, self
        )
        self.cancel_dialog = self._open(dialog, self.cancel_dialog)
        return dialog

    def _open(self, dialog: Dialog, previous: QWidget | None) -> Dialog:
        if previous is not None:
            previous.deleteLater()  # one dialog of a kind at a time; the old one is closed
        dialog.saved.connect(self._on_saved)
        dialog.open()
        return dialog

    def _on_saved(self, entry: EntryView) -> None:
        self.refresh()
        self._select_row(self.model.row_of(entry.id))
        self.table.setFocus()
        self.entries_changed.emit()
