"""Verwaltung → Protokoll prüfen: the audit chain checked, and the newest events listed.

The check reads the whole log, so it runs on the app's :class:`TaskRunner`; the dialog
shows "läuft …" meanwhile, then the result in one line (green when intact, red naming the
first changed, removed, reordered or inserted event) and the last 200 events.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from passapp.services.audit import ChainCheck, EventRef, Problem
from passapp.services.desk import Desk
from passapp.services.progress import Progress
from passapp.ui import i18n
from passapp.ui.peer_table import clock_time
from passapp.ui.row_table import RowTableModel
from passapp.ui.screen import fit_to_screen
from passapp.ui.sync_view import ERROR_STYLE, HINT_STYLE, NOTE_STYLE, heading, label
from passapp.ui.tasks import TaskRunner

SHOWN_EVENTS = 200


def _object(event: EventRef) -> str:
    return event.object_type + (f" {event.object_id}" if event.object_id else "")


def _cells(event: EventRef) -> tuple[str, str, str, str]:
    return (clock_time(event.occurred_at), event.actor, event.action, _object(event))


class AuditEventTableModel(RowTableModel[EventRef]):
    """The newest events, newest first: time, actor, action, object."""

    TIME, ACTOR, ACTION, OBJECT = range(4)

    def __init__(self) -> None:
        headers = (self.tr("Zeit"), self.tr("Wer"), self.tr("Aktion"), self.tr("Objekt"))
        super().__init__(headers, _cells)


class AuditScreen(QDialog):
    """The check's result and the newest events; :meth:`run_check` starts a check."""

    def __init__(self, desk: Desk, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._desk = desk
        self._tasks = tasks
        self.setWindowTitle(self.tr("Protokoll prüfen"))
        self.verdict = label(accessible_name=self.tr("Ergebnis der Prüfung"))
        self.events = AuditEventTableModel()
        self.table = self._build_table()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Protokoll prüfen")))
        layout.addWidget(self.verdict)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, 520)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.events)
        table.setAccessibleName(self.tr("Letzte Einträge des Protokolls"))
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        columns = table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setStretchLastSection(True)
        return table

    def run_check(self) -> None:
        self.verdict.setText(self.tr("Prüfung läuft …"))
        self.verdict.setStyleSheet(HINT_STYLE)
        desk = self._desk

        def work(_progress: Progress) -> tuple[ChainCheck, list[EventRef]]:
            return desk.check_audit_log(), desk.recent_audit_events(SHOWN_EVENTS)

        self._tasks.run(work, self._show, self._failed)

    def _show(self, outcome: tuple[ChainCheck, list[EventRef]]) -> None:
        check, newest = outcome
        self.verdict.setText(self.describe(check))
        self.verdict.setStyleSheet(NOTE_STYLE if check.ok else ERROR_STYLE)
        self.events.set_rows(newest)

    def _failed(self, error: Exception) -> None:
        german = i18n.error_text(error)
        self.verdict.setText(self.tr("Prüfung nicht möglich: {reason}").format(reason=german))
        self.verdict.setStyleSheet(ERROR_STYLE)

    def describe(self, check: ChainCheck) -> str:
        if check.ok:
            if check.last is None:
                return self.tr("Protokoll intakt: noch keine Einträge.")
            return self.tr("Protokoll intakt: {count} Einträge, letzter am {when}.").format(
                count=check.events, when=clock_time(check.last.occurred_at)
            )
        assert check.event is not None
        event = self._event(check.event)
        if check.problem is Problem.REMOVED and check.missing is not None:
            first, last = check.missing
            if first == last:
                return self.tr(
                    "Protokoll verändert: Eintrag Nr. {first} gelöscht (vor Eintrag {event})."
                ).format(first=first, event=event)
            return self.tr(
                "Protokoll verändert: Einträge Nr. {first} bis {last} gelöscht (vor Eintrag {event})."
            ).format(first=first, last=last, event=event)
        if check.problem is Problem.REORDERED:
            after = "–" if check.follows is None else str(check.follows.seq)
            return self.tr(
                "Protokoll verändert: Eintrag {event} steht an falscher Stelle (gehört hinter Nr. {seq})."
            ).format(event=event, seq=after)
        if check.problem is Problem.INSERTED:
            return self.tr("Protokoll verändert: Eintrag {event} wurde eingefügt.").format(
                event=event
            )
        return self.tr("Protokoll verändert: Eintrag {event} wurde geändert.").format(event=event)

    def _event(self, event: EventRef) -> str:
        return self.tr("Nr. {seq} vom {when} ({action}, {object}, von {actor})").format(
            seq=event.seq,
            when=clock_time(event.occurred_at),
            action=event.action,
            object=_object(event),
            actor=event.actor,
        )


def open_audit_screen(desk: Desk, tasks: TaskRunner, parent: QWidget) -> AuditScreen:
    """A fresh dialog each time (the log grows), closed and freed with its window."""
    screen = AuditScreen(desk, tasks, parent)
    screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    screen.open()
    screen.run_check()
    return screen
