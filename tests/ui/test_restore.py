"""Restore from the desktop app (issue 12, item 3): Verwaltung → Datensicherung →
"Wiederherstellen …" ends at the log-in window, on the backup's data under a new database
id, or, on any failure, on the old database as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from passapp.services.backup import list_backups
from passapp.services.context import ServiceContext
from passapp.services.desk import Desk, Gate
from passapp.ui.app import Counter
from passapp.ui.backups import BackupDialog, save_backup_settings
from passapp.ui.main_window import MainWindow
from passapp.ui.restore_dialog import RestoreDialog
from tests.services.helpers import register
from tests.ui.conftest import ADMIN_NAME, ADMIN_PASSWORD
from tests.ui.mnemonics import mnemonics
from tests.ui.test_backups import Ticks, make_large, noted_notices


@dataclass
class Office:
    """The office's app on a PC: the gate, the counter, the admin's window, one backup
    holding "Vorher"; "Nachher" registered after it."""

    database: Path
    gate: Gate
    counter: Counter
    window: MainWindow
    backup: Path
    database_id: str


def database_id(database: Path) -> str:
    with closing(sqlite3.connect(database)) as connection:
        return str(connection.execute("SELECT database_id FROM installation").fetchone()[0])


@pytest.fixture
def office(qtbot: QtBot, office_ctx: ServiceContext, tmp_path: Path) -> Iterator[Office]:
    folder = tmp_path / "sicherungen"
    folder.mkdir()
    save_backup_settings(folder, 14)
    database = Path(str(office_ctx.db.engine.url.database))
    gate = Gate(office_ctx)
    register(office_ctx, family="Vorher")
    desk = gate.log_in(ADMIN_NAME, ADMIN_PASSWORD)
    made = desk.backup_into_folder(folder, 14).made
    assert made is not None
    register(office_ctx, family="Nachher")
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    counter = Counter(application, gate)
    window = counter.show_window(desk)
    qtbot.waitExposed(window)
    yield Office(database, gate, counter, window, made.path, database_id(database))
    if counter.login is not None:
        counter.login.rejected.disconnect()  # closing it here must not quit the test run
        counter.login.close()
    if counter.window is not None:
        counter.window.tasks.shutdown()
        counter.window.log_out()
    gate.close()


def restore_dialog(office: Office) -> RestoreDialog:
    backups = office.window.open_backup_dialog()
    assert isinstance(backups, BackupDialog)
    assert backups.restore_button.isVisible()
    backups.backups.setCurrentRow(0)
    dialog = backups.open_restore()
    assert dialog.backup_file == office.backup
    return dialog


def confirm(dialog: RestoreDialog, password: str = ADMIN_PASSWORD) -> None:
    dialog.account.setText(ADMIN_NAME)
    dialog.password.setText(password)
    assert not dialog.restore_button.isEnabled()  # not without the ticked sentence
    dialog.confirm.setChecked(True)
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()


def at_login(qtbot: QtBot, office: Office) -> str:
    """The log-in window the restore ended at, and what it says."""
    qtbot.waitUntil(lambda: office.counter.login is not None, timeout=20_000)
    login = office.counter.login
    assert login is not None
    qtbot.waitUntil(login.isVisible)
    assert office.counter.window is None
    assert not office.counter.backups.busy
    return login.message.text()


def log_in_again(office: Office) -> Desk:
    login = office.counter.login
    assert login is not None
    login.name_field.setText(ADMIN_NAME)
    login.password_field.setText(ADMIN_PASSWORD)
    login.log_in()
    assert login.desk is not None, login.message.text()
    return login.desk


def names(desk: Desk, *wanted: str) -> dict[str, int]:
    return {name: len(desk.find(name).hits) for name in wanted}


def test_the_admin_restores_a_backup_and_logs_in_on_its_data(qtbot: QtBot, office: Office) -> None:
    dialog = restore_dialog(office)
    assert "Vorher" not in dialog.what_happens.text()
    assert "geht verloren" in dialog.what_happens.text()
    assert "passapp.sqlite3.<Datum>.replaced" in dialog.what_happens.text()
    assert "Sicherung vom" in dialog.confirm.text()
    confirm(dialog)

    told = at_login(qtbot, office)
    assert office.window.desk.logged_out
    new_id = database_id(office.database)
    assert new_id != office.database_id
    assert "zurückgespielt" in told
    assert str(new_id)[:8] in told.replace("-", "")
    assert "Bitte neu anmelden" in told
    desk = log_in_again(office)
    assert names(desk, "Vorher", "Nachher") == {"Vorher": 1, "Nachher": 0}
    desk.log_out()
    replaced = list(office.database.parent.glob("passapp.sqlite3.*.replaced"))
    assert len(replaced) == 1  # the replaced database, kept whole


def test_a_wrong_password_of_the_backup_leaves_the_database_as_it_was(
    qtbot: QtBot, office: Office
) -> None:
    confirm(restore_dialog(office), password="das Passwort von heute 99")
    told = at_login(qtbot, office)
    assert "fehlgeschlagen" in told
    assert "bisherige Datenbank gilt weiter" in told
    assert database_id(office.database) == office.database_id
    desk = log_in_again(office)  # the old database, open again
    assert names(desk, "Vorher", "Nachher") == {"Vorher": 1, "Nachher": 1}
    desk.log_out()
    assert not list(office.database.parent.glob("*.replaced"))


@pytest.mark.parametrize("kind", ["letter", "truncated"])
def test_a_file_that_is_no_whole_backup_is_refused_still_logged_in(
    qtbot: QtBot, office: Office, tmp_path: Path, kind: str
) -> None:
    bad = tmp_path / f"{kind}.passapp-backup"
    if kind == "letter":
        bad.write_text("Sehr geehrte Damen und Herren,\n" * 200, encoding="utf-8")
    else:
        whole = office.backup.read_bytes()
        bad.write_bytes(whole[: len(whole) // 2])
    dialog = restore_dialog(office)
    dialog.choose(bad)
    confirm(dialog)
    assert dialog.isVisible()  # refused in the dialog: nothing was handed over
    assert dialog.message.text(), "a German reason"
    assert "Sicherung" in dialog.message.text() or "passapp" in dialog.message.text()
    assert not office.window.desk.logged_out
    assert office.counter.window is office.window
    assert names(office.window.desk, "Nachher") == {"Nachher": 1}
    assert database_id(office.database) == office.database_id


def test_enter_and_esc_on_the_untouched_dialog_do_nothing_harmful(
    qtbot: QtBot, office: Office
) -> None:
    dialog = restore_dialog(office)
    handed: list[object] = []
    dialog.requested.connect(handed.append)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert handed == []
    assert not office.window.desk.logged_out
    assert database_id(office.database) == office.database_id
    assert len(list_backups(office.backup.parent)) == 1


def test_no_alt_letter_is_used_twice_in_the_restore_dialog(qtbot: QtBot, office: Office) -> None:
    dialog = restore_dialog(office)
    letters = [m[0] for m in mnemonics(dialog) if m[1].window() is dialog]
    assert len(letters) >= 4
    assert len(letters) == len(set(letters)), letters


def test_the_backup_is_checked_on_the_worker_behind_a_notice(
    qtbot: QtBot, office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The integrity check reads the whole backup (seconds from a USB stick): it runs on
    the backup worker while a notice says so and the event loop turns; then the restore."""
    make_large(office.backup, 40)
    dialog = restore_dialog(office)
    shown = noted_notices(monkeypatch)
    ticks = Ticks()
    confirm(dialog)  # "Wiederherstellen": the check, then the hand-over
    ticks.timer.stop()
    assert shown[0] == ("Die Sicherung wird geprüft … bitte warten.", True)
    assert ticks.times  # the event loop turned while the file was read
    assert "Bitte neu anmelden." in at_login(qtbot, office)


def many_rows(database: Path, rows: int) -> None:
    """A register grown by a million small rows: the integrity check walks their b-tree
    pages one by one (a few large blobs it would pass in milliseconds)."""
    with closing(sqlite3.connect(database)) as connection:
        connection.execute("CREATE TABLE ballast (data BLOB, label TEXT)")
        connection.execute("CREATE INDEX ballast_label ON ballast (label)")
        connection.executemany(
            "INSERT INTO ballast VALUES (randomblob(40), hex(randomblob(8)))", [()] * rows
        )
        connection.commit()


def test_the_admin_may_stop_the_check_and_nothing_changes(qtbot: QtBot, office: Office) -> None:
    """From a USB stick the check takes a while: "Abbrechen" on the notice stops it; still
    logged in, nothing audited, the dialog says so and stays."""
    many_rows(office.backup, 1_000_000)  # the check takes ~0.2 s here, a USB stick seconds
    dialog = restore_dialog(office)
    handed: list[object] = []
    dialog.requested.connect(handed.append)
    notices: list[str] = []

    def cancel_on_the_notice() -> None:
        notice = QApplication.activeModalWidget()
        assert isinstance(notice, QProgressDialog)
        notices.append(notice.labelText())
        [cancel] = notice.findChildren(QPushButton)
        assert cancel.text() == "Abbrechen"
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, cancel_on_the_notice)  # runs once the notice is up
    confirm(dialog)

    assert notices == ["Die Sicherung wird geprüft … bitte warten."]
    assert dialog.isVisible()
    assert dialog.message.text() == "Abgebrochen, nichts wurde geändert."
    assert handed == []
    assert not office.window.desk.logged_out
    assert not office.counter.backups.busy
    events = [event.action for event in office.window.desk.recent_audit_events(20)]
    assert "database.restore_requested" not in events
    assert database_id(office.database) == office.database_id
