"""A write that meets another process's write lock (a big import's step) waits and the
counter window says so in its status bar, instead of failing (issue 9, item 11)."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from passapp.models import database as database_module
from passapp.services.context import ServiceContext
from passapp.services.people import get_person
from passapp.ui.main_window import MainWindow
from tests.services.helpers import register


def test_a_write_waits_for_a_busy_database_and_the_status_bar_says_so(
    qtbot: QtBot, window: MainWindow, office_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One try waits 0.2 s, so the window hears of the wait quickly.
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 200)
    office_ctx.db.dispose()  # new connections take the shorter timeout
    path = Path(str(office_ctx.db.engine.url.database))
    other_process = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other_process.execute("BEGIN IMMEDIATE")
    release = threading.Timer(1.0, other_process.execute, args=("COMMIT",))
    registered: list[uuid.UUID] = []
    failed: list[Exception] = []
    release.start()
    try:
        window.tasks.run(
            lambda _progress: register(office_ctx, "Wartend", "Kunde"),
            registered.append,
            failed.append,
        )
        qtbot.waitUntil(
            lambda: "Datenbank ist gerade belegt" in window.statusBar().currentMessage(),
            timeout=5000,
        )
        qtbot.waitUntil(lambda: bool(registered or failed), timeout=10_000)
    finally:
        release.join()
        other_process.close()
    assert failed == []
    [person_id] = registered
    assert get_person(office_ctx, person_id).family_names == "Wartend"
