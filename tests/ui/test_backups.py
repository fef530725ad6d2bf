"""Automatic backups of the desktop app (issue 12, item 3): at closing and once a day into
the PC's backup folder, kept the set days (never the newest), a failure a German warning
that never stops the app from quitting; the admin's dialog."""

from __future__ import annotations

import itertools
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from passapp.models.entities import AuditEvent
from passapp.services.backup import list_backups
from passapp.services.context import ServiceContext
from passapp.services.demo import DEMO_PASSWORD
from passapp.services.desk import Desk, Gate
from passapp.services.errors import Refused
from passapp.ui import backup_runner
from passapp.ui import backups as backups_module
from passapp.ui.backups import (
    AutomaticBackups,
    BackupDialog,
    backup_folder,
    keep_days,
    save_backup_settings,
)
from passapp.ui.main_window import MainWindow
from passapp.ui.tasks import Task
from tests.conftest import TODAY
from tests.ui.conftest import show_window
from tests.ui.mnemonics import mnemonics
from tests.ui.visible_texts import german_in


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """This PC's backup folder for the test; the settings put back afterwards."""
    chosen = tmp_path / "sicherungen"
    chosen.mkdir()
    before = (backup_folder(), keep_days())
    save_backup_settings(chosen, 3)
    yield chosen
    save_backup_settings(*before)


def finish(qtbot: QtBot, task: Task[Any] | None) -> None:
    """Wait for a job on the backup worker and its callbacks on the GUI thread."""
    assert task is not None, "the backup worker was busy"
    qtbot.waitUntil(lambda: task.done, timeout=20_000)


def old_backup(folder: Path, day: str) -> Path:
    path = folder / f"passapp-EWDAH-{day}.passapp-backup"
    path.write_bytes(b"an old backup")
    return path


def is_whole_database(path: Path) -> bool:
    with closing(sqlite3.connect(path)) as connection:
        return bool(connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


def test_a_daily_backup_once_a_day_one_at_closing_and_old_ones_go(
    qtbot: QtBot, office_ctx: ServiceContext, folder: Path
) -> None:
    too_old = old_backup(folder, "2026-11-01")
    recent = old_backup(folder, "2026-11-23")  # within the 3 days before TODAY
    foreign = folder / "notizen.txt"
    foreign.write_text("nicht von passapp")
    automatic = AutomaticBackups(Gate(office_ctx))
    made: list[str] = []
    automatic.made.connect(made.append)

    finish(qtbot, automatic.daily())
    today = folder / f"passapp-EWDAH-{TODAY.isoformat()}.passapp-backup"
    assert made == [today.name]
    assert is_whole_database(today)
    assert not too_old.exists()
    assert recent.exists()
    assert foreign.exists()  # not ours: left alone

    finish(qtbot, automatic.daily())  # the hourly look: today's is there
    assert made == [today.name]
    closing_backup = automatic.at_close()  # at closing: a fresh one, whole
    assert closing_backup is not None
    assert closing_backup.made is not None
    assert is_whole_database(today)
    assert made == [today.name, today.name]
    assert not automatic.timer.isActive()
    with office_ctx.db.reading() as session:
        events = session.scalars(
            select(AuditEvent.details).where(AuditEvent.action == "database.backup")
        ).all()
    assert [event["automatic"] for event in events] == [True, True]  # the app's, no one's


def warning_at_close(office_ctx: ServiceContext, missing: Path) -> str:
    """The one warning of a backup at closing into a folder that is gone."""
    save_backup_settings(missing, 3)
    automatic = AutomaticBackups(Gate(office_ctx))
    warnings: list[str] = []
    automatic.failed.connect(warnings.append)
    assert automatic.at_close() is None  # no exception: the app quits all the same
    [warning] = warnings
    return warning


def test_a_missing_folder_is_a_german_warning_and_closing_goes_on(
    qtbot: QtBot, office_ctx: ServiceContext, tmp_path: Path, folder: Path
) -> None:
    warning = warning_at_close(office_ctx, tmp_path / "netzlaufwerk-getrennt")
    assert "Datensicherung fehlgeschlagen" in warning
    assert "Sicherungsordner" in warning


@pytest.mark.usefixtures("english")
def test_in_the_english_ui_a_failed_backup_is_said_in_english(
    qtbot: QtBot, office_ctx: ServiceContext, tmp_path: Path, folder: Path
) -> None:
    missing = tmp_path / "network-drive-gone"
    warning = warning_at_close(office_ctx, missing)
    assert warning.startswith("Backup failed: ")
    assert german_in(warning, exempt=(str(missing),)) == []


def test_the_demo_is_never_backed_up(qtbot: QtBot, tmp_path: Path, folder: Path) -> None:
    gate = Gate.open_demo(tmp_path / "demo")
    try:
        assert AutomaticBackups(gate).at_close() is None
    finally:
        gate.close()
    assert list(folder.iterdir()) == []


def test_the_demo_admin_sees_the_dialog_but_backs_up_restores_and_changes_nothing(
    qtbot: QtBot, tmp_path: Path, folder: Path
) -> None:
    real = old_backup(folder, "2020-01-01")  # past any keep-days: a real backup would prune it
    gate = Gate.open_demo(tmp_path / "demo")
    try:
        desk = gate.log_in("admin", DEMO_PASSWORD)
        dialog = BackupDialog(desk)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not any(
            w.isEnabled()
            for w in (dialog.folder, dialog.days, dialog.back_up_now, dialog.restore_button)
        )
        assert "Demo" in dialog.status.text()
        dialog.folder.setText(str(tmp_path / "anderswo"))
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter on the untouched dialog saves nothing
        assert backup_folder() == folder
        with pytest.raises(Refused, match="demo"):
            desk.backup_into_folder(folder, 3)
        with pytest.raises(Refused, match="demo"):
            desk.begin_restore(real)
        desk.log_out()
        with pytest.raises(Refused, match="demo"):
            gate.restore(real, account="admin", password=DEMO_PASSWORD)
        assert gate.log_in("admin", DEMO_PASSWORD).find("Ahmadi").hits, "the demo goes on as it was"
    finally:
        gate.close()
    assert list(folder.iterdir()) == [real]


def test_the_admin_backs_up_now_and_sets_folder_and_days(
    qtbot: QtBot, admin_desk: Desk, folder: Path, tmp_path: Path
) -> None:
    window = show_window(qtbot, admin_desk)
    try:
        dialog = window.open_backup_dialog()
        assert isinstance(dialog, BackupDialog)
        assert dialog.backups.count() == 0
        elsewhere = tmp_path / "usb-stick"
        elsewhere.mkdir()
        dialog.folder.setText(str(elsewhere))
        dialog.days.setValue(30)
        finish(qtbot, dialog.back_up())
        assert dialog.backups.count() == 1
        assert "Gesichert" in dialog.status.text()
        assert "Gesichert" in window.statusBar().currentMessage()
        dialog.save()
        assert backup_folder() == elsewhere
        assert keep_days() == 30
    finally:
        window.tasks.shutdown()


def test_a_failed_backup_now_is_said_in_the_dialog(
    qtbot: QtBot, admin_desk: Desk, folder: Path, tmp_path: Path
) -> None:
    dialog = BackupDialog(admin_desk)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "fehlt"))
    finish(qtbot, dialog.back_up())
    assert "Sicherungsordner" in dialog.status.text()
    assert dialog.back_up_now.isEnabled()


def backup_actions(window: MainWindow) -> list[str]:
    texts = [action.text() for action in window.findChildren(type(window.log_out_action))]
    return [text for text in texts if "sicherung" in text.lower()]


def test_only_the_admin_has_the_backup_menu(
    qtbot: QtBot, window: MainWindow, admin_desk: Desk
) -> None:
    assert backup_actions(window) == []  # the clerk's
    admin_window = show_window(qtbot, admin_desk)
    try:
        assert backup_actions(admin_window) == ["Date&nsicherung …"]
    finally:
        admin_window.tasks.shutdown()


def test_no_alt_letter_is_used_twice_in_the_dialog(qtbot: QtBot, admin_desk: Desk) -> None:
    dialog = BackupDialog(admin_desk)
    qtbot.addWidget(dialog)
    letters = [m[0] for m in mnemonics(dialog) if m[1].window() is dialog]
    assert len(letters) >= 4
    assert len(letters) == len(set(letters)), letters


def test_quitting_the_app_backs_up(
    qtbot: QtBot, office_ctx: ServiceContext, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from passapp.ui import app as app_module

    monkeypatch.setattr(app_module.refusals, "install", lambda: None)  # the test's own hooks stay
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    database = str(office_ctx.db.engine.url.database)
    QTimer.singleShot(200, application.quit)  # the log-in window is shown; the clerk quits
    try:
        assert app_module.run(database=database) == 0
    finally:
        application.setQuitOnLastWindowClosed(True)
        for dialog in application.topLevelWidgets():
            dialog.close()
    made = list_backups(folder)
    assert len(made) == 1
    assert is_whole_database(made[0].path)


def noted_notices(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """What each busy notice says and whether it was visible: the real notice is shown,
    its text noted (a wait must never be silent)."""
    shown: list[tuple[str, bool]] = []
    real_notice = backup_runner.busy_notice

    def noted(
        text: str, parent: QWidget | None = None, cancel: Callable[[], None] | None = None
    ) -> QProgressDialog:
        notice = real_notice(text, parent, cancel)
        shown.append((notice.labelText(), notice.isVisible()))
        return notice

    for module in (backup_runner, backups_module):  # the runner's waits, the backup at close
        monkeypatch.setattr(module, "busy_notice", noted)
    return shown


def make_large(database: Path, megabytes: int = 80) -> None:
    """A register of real size (a few years of a busy office): the database file grown by
    a table of random pages, which the backup copies like any other."""
    with closing(sqlite3.connect(database)) as connection:
        connection.execute("CREATE TABLE ballast (data BLOB)")
        connection.executemany("INSERT INTO ballast VALUES (randomblob(1048576))", [()] * megabytes)
        connection.commit()


class Ticks:
    """A 10 ms timer on the GUI thread: its longest gap is how long the window froze."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.times.append(time.monotonic()))
        self.timer.start()

    def longest_gap(self) -> float:
        return max(b - a for a, b in itertools.pairwise(self.times))


def test_a_slow_backup_runs_beside_a_responsive_window(
    qtbot: QtBot, office_ctx: ServiceContext, folder: Path
) -> None:
    make_large(Path(str(office_ctx.db.engine.url.database)), 150)
    automatic = AutomaticBackups(Gate(office_ctx))
    made: list[str] = []
    automatic.made.connect(made.append)
    ticks = Ticks()
    started = time.monotonic()
    task = automatic.daily()
    returned = time.monotonic() - started
    assert made == []  # daily() only started it
    finish(qtbot, task)
    took = time.monotonic() - started
    ticks.timer.stop()
    print(
        f"backup {took:.2f} s; daily() returned after {returned * 1000:.0f} ms; "
        f"{len(ticks.times)} ticks, longest gap {ticks.longest_gap() * 1000:.0f} ms"
    )
    assert len(made) == 1
    assert is_whole_database(folder / made[0])
    assert returned < 0.1
    # The event loop kept turning all through the copy: no gap near the backup's length.
    assert len(ticks.times) >= 10
    assert ticks.longest_gap() < max(0.25, took / 3)


def test_two_backups_never_run_at_once(
    qtbot: QtBot, office_ctx: ServiceContext, admin_desk: Desk, folder: Path
) -> None:
    make_large(Path(str(office_ctx.db.engine.url.database)), 30)
    window = show_window(qtbot, admin_desk)
    try:
        automatic = AutomaticBackups(Gate(office_ctx), window.backups)
        running = automatic.daily()
        dialog = window.open_backup_dialog()
        assert dialog.back_up() is None  # "Jetzt sichern" while the daily one runs
        assert "läuft schon" in dialog.status.text()
        assert automatic.daily() is None
        finish(qtbot, running)
        finish(qtbot, dialog.back_up())  # afterwards it runs
        assert "Gesichert" in dialog.status.text()
    finally:
        window.tasks.shutdown()


def test_logging_out_waits_for_a_running_backup_and_says_so(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    admin_desk: Desk,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    make_large(Path(str(office_ctx.db.engine.url.database)), 60)
    window = show_window(qtbot, admin_desk)
    dialog = window.open_backup_dialog()
    task = dialog.back_up()
    assert task is not None
    shown = noted_notices(monkeypatch)
    window.log_out()
    # Its outcome came through the event loop, which turned while the notice showed.
    assert task.done
    assert shown == [("Datensicherung läuft … bitte warten.", True)]
    made = list_backups(folder)
    assert len(made) == 1
    assert is_whole_database(made[0].path)
    assert admin_desk.logged_out


def test_quitting_while_the_daily_backup_runs_waits_for_it_visibly(
    qtbot: QtBot, office_ctx: ServiceContext, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from passapp.ui import app as app_module

    monkeypatch.setattr(app_module.refusals, "install", lambda: None)  # the test's own hooks stay
    make_large(Path(str(office_ctx.db.engine.url.database)), 150)
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    started: list[Task[Any] | None] = []
    real_daily = AutomaticBackups.daily

    def daily_then_quit(self: AutomaticBackups) -> Task[Any] | None:
        started.append(real_daily(self))
        QTimer.singleShot(0, application.quit)  # the clerk quits while it runs
        return started[-1]

    shown: list[tuple[str, bool]] = []  # what a notice said, and whether the copy still ran
    real_notice = backups_module.busy_notice

    def noted(
        text: str, parent: QWidget | None = None, cancel: Callable[[], None] | None = None
    ) -> QProgressDialog:
        notice = real_notice(text, parent, cancel)
        future = started[0].future if started and started[0] else None
        if notice.isVisible():
            shown.append((notice.labelText(), future is not None and not future.done()))
        return notice

    monkeypatch.setattr(AutomaticBackups, "daily", daily_then_quit)
    monkeypatch.setattr(backups_module, "FIRST_CHECK_MS", 0)
    monkeypatch.setattr(backups_module, "busy_notice", noted)
    monkeypatch.setattr(backup_runner, "busy_notice", noted)
    try:
        assert app_module.run(database=str(office_ctx.db.engine.url.database)) == 0
    finally:
        application.setQuitOnLastWindowClosed(True)
        for dialog in application.topLevelWidgets():
            dialog.close()
    assert len(started) == 1
    task = started[0]
    assert task is not None
    assert task.done  # waited for at quitting, never torn
    # While quitting, as the daily one still copies (not a silent wait first), then for the
    # backup at closing.
    waiting = "Datensicherung läuft … bitte warten."
    assert shown == [(waiting, True), (waiting, False)]
    made = list_backups(folder)
    assert len(made) == 1
    assert is_whole_database(made[0].path)


def test_the_worker_backs_up_an_encrypted_database_under_its_key(
    qtbot: QtBot, tmp_path: Path, folder: Path
) -> None:
    from passapp.models import cipher
    from tests.services.test_database_encryption import RAW_KEY, leaks, office

    ctx = office(tmp_path / "verschluesselt.sqlite3", RAW_KEY)
    try:
        automatic = AutomaticBackups(Gate(ctx))
        finish(qtbot, automatic.daily())
    finally:
        ctx.db.dispose()
    made = list_backups(folder)
    assert len(made) == 1
    assert cipher.looks_encrypted(made[0].path)
    assert leaks(made[0].path) == {}
    with closing(cipher.connect(made[0].path, RAW_KEY)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
