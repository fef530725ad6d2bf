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


def events_in(db_path: Path) -> int:
    with closing(sqlite3.connect(db_path)) as db:
        return int(db.execute("SELECT count(*) FROM audit_event").fetchone()[0])


def test_an_intact_log_is_shown_with_its_newest_events(
    qtbot: QtBot, admin_window: MainWindow, office_ctx: ServiceContext, db_path: Path
) -> None:
    register(office_ctx)  # by the clerk logged in on office_ctx
    screen = open_from_menu(qtbot, admin_window)
    # The set-up's, the accounts' and log-ins' events, and the registration.
    count = events_in(db_path)
    assert screen.verdict.text().startswith(f"Protokoll intakt: {count} Einträge, letzter am ")
    model = screen.events
    assert model.rowCount() == count
    newest = [model.index(0, column).data() for column in range(4)]
    assert newest[1:3] == ["schalter", "person.register"]
    assert newest[3].startswith("person ")
    assert (
        model.headerData(AuditEventTableModel.ACTOR, screen.table.horizontalHeader().orientation())
        == "Wer"
    )


def test_a_deleted_event_is_named_in_red(
    qtbot: QtBot, admin_window: MainWindow, office_ctx: ServiceContext, db_path: Path
) -> None:
    register(office_ctx, family="Haddad")
    register(office_ctx, family="Osei")
    with closing(sqlite3.connect(db_path)) as db, db:
        query = "SELECT seq FROM audit_event WHERE action = 'person.register' ORDER BY seq"
        haddad, osei = (row[0] for row in db.execute(query))
        db.execute("DROP TRIGGER audit_event_no_delete")
        db.execute("DELETE FROM audit_event WHERE seq = ?", (haddad,))
    assert osei == haddad + 1
    screen = open_from_menu(qtbot, admin_window)
    text = screen.verdict.text()
    assert text.startswith(
        f"Protokoll verändert: Eintrag Nr. {haddad} gelöscht (vor Eintrag Nr. {osei} "
    )
    assert "person.register" in text
    assert "b71c1c" in screen.verdict.styleSheet()
    assert screen.events.rowCount() == events_in(db_path)


def test_a_clerk_has_no_audit_check(window: MainWindow) -> None:
    admin = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Verwaltung")
    assert "&Protokoll prüfen …" not in [a.text() for a in admin.actions()]
