"""Verwaltung → Protokoll prüfen: the check runs on the worker; the dialog names the result."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from pytestqt.qtbot import QtBot

from passapp.services.context import ServiceContext
from passapp.ui.audit_screen import AuditEventTableModel, AuditScreen
from passapp.ui.main_window import MainWindow
from tests.services.helpers import register


def open_from_menu(qtbot: QtBot, window: MainWindow) -> AuditScreen:
    admin = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Verwaltung")
    action = next(a for a in admin.actions() if a.text() == "&Protokoll prüfen …")
    action.trigger()
    screen = window.findChild(AuditScreen)
    assert screen is not None
    qtbot.waitUntil(lambda: not screen.verdict.text().endswith("läuft …"))
    return screen


def test_an_intact_log_is_shown_with_its_newest_events(
    qtbot: QtBot, window: MainWindow, office_ctx: ServiceContext
) -> None:
    register(office_ctx)
    screen = open_from_menu(qtbot, window)
    assert screen.verdict.text().startswith("Protokoll intakt: 4 Einträge, letzter am ")
    model = screen.events
    assert model.rowCount() == 4
    newest = [model.index(0, column).data() for column in range(4)]
    assert newest[1:3] == ["test", "person.register"]
    assert newest[3].startswith("person ")
    assert (
        model.headerData(AuditEventTableModel.ACTOR, screen.table.horizontalHeader().orientation())
        == "Wer"
    )


def test_a_deleted_event_is_named_in_red(
    qtbot: QtBot, window: MainWindow, office_ctx: ServiceContext, db_path: Path
) -> None:
    register(office_ctx, family="Haddad")
    register(office_ctx, family="Osei")
    with closing(sqlite3.connect(db_path)) as db, db:
        db.execute("DROP TRIGGER audit_event_no_delete")
        db.execute("DELETE FROM audit_event WHERE seq = 4")
    screen = open_from_menu(qtbot, window)
    text = screen.verdict.text()
    assert text.startswith("Protokoll verändert: Eintrag Nr. 4 gelöscht (vor Eintrag Nr. 5 ")
    assert "person.register" in text
    assert "b71c1c" in screen.verdict.styleSheet()
    assert screen.events.rowCount() == 4
