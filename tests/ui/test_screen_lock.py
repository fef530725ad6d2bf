"""The screen lock: a window left alone is covered, only the same account's password opens
it, and nothing typed while locked reaches a form or a shortcut."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLineEdit, QMainWindow, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from passapp.domain.accounts import MAX_FAILED_LOGINS
from passapp.services.desk import Desk
from passapp.ui import screen_lock
from passapp.ui.screen_lock import ScreenLock, lock_minutes, save_lock_minutes
from passapp.ui.tasks import TaskRunner
from tests.ui.conftest import CLERK_NAME, CLERK_PASSWORD

WRONG = "Schalter-vier im Rathaus"
SCAN = "EWDAH-000012-25"


class CounterWindow(QMainWindow):
    """A stand-in for the counter window: a search field, Ctrl+N, Esc clears."""

    def __init__(self) -> None:
        super().__init__()
        self.search_field = QLineEdit("Okafor")
        central = QWidget()
        QVBoxLayout(central).addWidget(self.search_field)
        self.setCentralWidget(central)
        self.new_person = QAction("Neue Person", self)
        self.new_person.setShortcut(QKeySequence("Ctrl+N"))
        self.menuBar().addMenu("&Person").addAction(self.new_person)
        self.opened: list[str] = []
        self.new_person.triggered.connect(lambda: self.opened.append("new person"))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.search_field.clear)
        self.resize(800, 500)


@pytest.fixture
def saved_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> QSettings:
    store = QSettings(str(tmp_path / "passapp.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(screen_lock, "settings", lambda: store)
    return store


@pytest.fixture
def window(qtbot: QtBot) -> CounterWindow:
    shown = CounterWindow()
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.search_field.setFocus()
    return shown


def locked(qtbot: QtBot, window: CounterWindow, desk: Desk, tasks: TaskRunner) -> ScreenLock:
    lock = ScreenLock(window, desk, tasks, minutes=0)
    lock.set_interval_ms(50)
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    return lock


def enter_password(qtbot: QtBot, lock: ScreenLock, tasks: TaskRunner, password: str) -> None:
    qtbot.keyClicks(lock.prompt.password, password)
    with qtbot.waitSignal(tasks.finished, timeout=10_000):
        qtbot.keyClick(lock.prompt.password, Qt.Key.Key_Return)


def failed_logins(admin: Desk) -> int:
    return next(a.failed_logins for a in admin.list_accounts() if a.name == CLERK_NAME)


def test_a_window_left_alone_is_covered_and_the_password_opens_it(
    qtbot: QtBot, window: CounterWindow, admin_desk: Desk, clerk_desk: Desk, tasks: TaskRunner
) -> None:
    clerk = clerk_desk
    lock = locked(qtbot, window, clerk, tasks)
    prompt = lock.prompt
    assert prompt.isVisible()
    assert prompt.geometry() == window.rect()
    assert not window.search_field.isVisible()
    assert not window.menuBar().isEnabled()
    assert f"{CLERK_NAME} (Sachbearbeitung)" in prompt.who.text()
    assert prompt.password.hasFocus()
    # The wrapped sentence is whole, not cut to the height of one line.
    assert prompt.who.height() >= prompt.who.heightForWidth(prompt.who.width())
    enter_password(qtbot, lock, tasks, CLERK_PASSWORD)
    assert not lock.locked
    assert not prompt.isVisible()
    assert window.search_field.isVisible()
    assert window.search_field.hasFocus()
    assert window.search_field.text() == "Okafor"
    assert prompt.password.text() == ""


def test_a_wrong_password_keeps_it_locked_and_counts_as_a_failed_log_in(
    qtbot: QtBot, window: CounterWindow, admin_desk: Desk, clerk_desk: Desk, tasks: TaskRunner
) -> None:
    admin, clerk = admin_desk, clerk_desk
    lock = locked(qtbot, window, clerk, tasks)
    enter_password(qtbot, lock, tasks, WRONG)
    assert lock.locked
    assert lock.prompt.isVisible()
    assert lock.prompt.message.text().startswith("Anmeldung fehlgeschlagen")
    assert lock.prompt.password.text() == ""
    assert lock.prompt.password.hasFocus()
    assert failed_logins(admin) == 1


def test_ten_wrong_passwords_lock_the_account_and_then_only_log_out_is_left(
    qtbot: QtBot, window: CounterWindow, admin_desk: Desk, clerk_desk: Desk, tasks: TaskRunner
) -> None:
    admin, clerk = admin_desk, clerk_desk
    logged_out: list[bool] = []
    lock = locked(qtbot, window, clerk, tasks)
    lock.log_out_requested.connect(lambda: logged_out.append(True))
    for _attempt in range(MAX_FAILED_LOGINS):
        enter_password(qtbot, lock, tasks, WRONG)
    message = lock.prompt.message.text()
    enter_password(qtbot, lock, tasks, CLERK_PASSWORD)
    assert lock.locked
    # The same words whether the password was wrong or the account is now locked.
    assert lock.prompt.message.text() == message
    assert next(a.locked for a in admin.list_accounts() if a.name == CLERK_NAME)
    qtbot.mouseClick(lock.prompt.log_out_button, Qt.MouseButton.LeftButton)
    assert logged_out == [True]


def test_escape_does_not_unlock_and_an_empty_password_is_not_tried(
    qtbot: QtBot, window: CounterWindow, admin_desk: Desk, clerk_desk: Desk, tasks: TaskRunner
) -> None:
    admin, clerk = admin_desk, clerk_desk
    lock = locked(qtbot, window, clerk, tasks)
    qtbot.keyClick(lock.prompt.password, Qt.Key.Key_Escape)
    qtbot.keyClick(lock.prompt.password, Qt.Key.Key_Return)
    assert lock.locked
    assert lock.prompt.message.text() == "Bitte das Passwort eingeben."
    # Esc reached no shortcut of the window behind (it would clear the search).
    assert window.search_field.text() == "Okafor"
    assert failed_logins(admin) == 0
    assert not tasks.busy


def test_typing_while_locked_reaches_no_form_and_no_shortcut(
    qtbot: QtBot, window: CounterWindow, admin_desk: Desk, clerk_desk: Desk, tasks: TaskRunner
) -> None:
    admin, clerk = admin_desk, clerk_desk
    form = QDialog(window)
    field = QLineEdit("Haddad", form)
    form.open()
    qtbot.waitExposed(form)
    lock = locked(qtbot, window, clerk, tasks)
    assert not form.isVisible()
    # A scanner's burst into the hidden forms, and the window's shortcut.
    qtbot.keyClicks(field, SCAN)
    qtbot.keyClicks(window.search_field, SCAN)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert field.text() == "Haddad"
    assert window.search_field.text() == "Okafor"
    assert window.opened == []
    # The same burst from the keyboard goes to the prompt (its focus): not tried as a
    # password.
    for character in SCAN:
        qtbot.keyClick(window.windowHandle(), character)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Return)
    assert "Pass-Scan" in lock.prompt.message.text()
    assert not tasks.busy
    assert failed_logins(admin) == 0
    enter_password(qtbot, lock, tasks, CLERK_PASSWORD)
    # The form comes back as it was.
    assert form.isVisible()
    assert field.text() == "Haddad"


def test_a_dialog_a_task_opens_while_locked_waits_until_unlocked(
    qtbot: QtBot, window: CounterWindow, admin_desk: Desk, clerk_desk: Desk, tasks: TaskRunner
) -> None:
    clerk = clerk_desk
    lock = locked(qtbot, window, clerk, tasks)
    late = QDialog(window)
    late.open()
    qtbot.waitUntil(lambda: not late.isVisible())
    finished = QDialog(window)
    finished.open()
    qtbot.waitUntil(lambda: not finished.isVisible())
    finished.accept()  # its work ended while hidden: it stays closed
    enter_password(qtbot, lock, tasks, CLERK_PASSWORD)
    assert late.isVisible()
    assert not finished.isVisible()


def test_input_restarts_the_timer_and_zero_minutes_turn_the_lock_off(
    qtbot: QtBot, window: CounterWindow, admin_desk: Desk, clerk_desk: Desk, tasks: TaskRunner
) -> None:
    clerk = clerk_desk
    lock = ScreenLock(window, clerk, tasks, minutes=1)
    qtbot.wait(300)
    assert lock.remaining_ms() < 59_800
    qtbot.keyClick(window.search_field, Qt.Key.Key_A)
    assert lock.remaining_ms() > 59_800
    lock.set_minutes(0)
    assert lock.interval_ms == 0
    assert lock.remaining_ms() == -1
    qtbot.wait(100)
    assert not lock.locked


def test_log_out_on_the_prompt_ends_the_session(
    qtbot: QtBot, window: CounterWindow, admin_desk: Desk, clerk_desk: Desk, tasks: TaskRunner
) -> None:
    clerk = clerk_desk
    form = QDialog(window)
    form.open()
    lock = locked(qtbot, window, clerk, tasks)
    qtbot.mouseClick(lock.prompt.log_out_button, Qt.MouseButton.LeftButton)
    assert clerk.logged_out
    assert not window.isVisible()
    assert not form.isVisible()


def test_the_minutes_are_a_setting_of_this_pc(saved_settings: QSettings) -> None:
    assert lock_minutes() == 5
    save_lock_minutes(0)
    assert lock_minutes() == 0
    save_lock_minutes(15)
    assert saved_settings.value("screen_lock_minutes") in (15, "15")
    assert lock_minutes() == 15
    with pytest.raises(ValueError, match="outside"):
        save_lock_minutes(-1)
    saved_settings.setValue("screen_lock_minutes", "viele")
    assert lock_minutes() == 5
