"""The screen lock, the accounts screen and the erasure in the counter window: shown only to
the roles that may, and what the window shows afterwards."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from passapp.domain.dates import PartialDate
from passapp.services.context import ServiceContext
from passapp.services.people import PersonInput, register_person
from passapp.ui import screen_lock
from passapp.ui.accounts_screen import AccountsScreen, OwnPasswordDialog
from passapp.ui.erase_dialog import EraseDialog, WithdrawConsentDialog
from passapp.ui.main_window import MainWindow
from passapp.ui.person_form import PersonForm
from tests.support.keyboard import Keyboard
from tests.ui.conftest import CLERK_PASSWORD

WAIT_MS = 15_000


def menu_actions(window: MainWindow, title: str) -> dict[str, QAction]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    assert isinstance(menu, QMenu)
    return {action.text(): action for action in menu.actions() if action.isVisible()}


def okafor(ctx: ServiceContext) -> uuid.UUID:
    data = PersonInput(
        family_names="Okafor",
        given_names="Chinedu",
        birth_date=PartialDate(1990, 9, 9),
        moved_from_abroad=True,
        consent=True,
        consent_notice_version="2026-11",
    )
    return register_person(ctx, data).person.id


def find(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.search_field.setText(text)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.person_panel.person_id is not None)
    qtbot.waitUntil(lambda: not window.tasks.busy)  # the opening's audit event


def test_a_clerk_has_no_accounts_screen_and_no_erasure(
    qtbot: QtBot, window: MainWindow, office_ctx: ServiceContext
) -> None:
    assert "&Konten …" not in menu_actions(window, "&Verwaltung")
    assert "Eigenes &Passwort ändern …" in menu_actions(window, "&Konto")
    okafor(office_ctx)
    find(qtbot, window, "Okafor")
    panel = window.person_panel
    assert panel.privacy_button.isEnabled()
    assert panel.withdraw_action.isEnabled()
    assert not panel.erase_action.isVisible()
    assert panel.erase_person() is None
    assert window.findChild(EraseDialog) is None


def test_the_admin_opens_the_accounts_screen_and_sets_the_lock_minutes(
    qtbot: QtBot, admin_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    store = QSettings(str(tmp_path / "passapp.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(screen_lock, "settings", lambda: store)
    menu_actions(admin_window, "&Verwaltung")["&Konten …"].trigger()
    screen = admin_window.findChild(AccountsScreen)
    assert screen is not None
    assert screen.accounts.rowCount() == 2
    screen.lock_minutes.setValue(7)
    assert admin_window.screen_lock.interval_ms == 7 * 60_000
    assert screen_lock.lock_minutes() == 7


def test_own_password_from_the_account_menu(qtbot: QtBot, window: MainWindow) -> None:
    menu_actions(window, "&Konto")["Eigenes &Passwort ändern …"].trigger()
    dialog = window.findChild(OwnPasswordDialog)
    assert dialog is not None
    assert dialog.isVisible()


def test_the_locked_window_hides_the_person_and_takes_no_shortcut(
    qtbot: QtBot, window: MainWindow, office_ctx: ServiceContext
) -> None:
    okafor(office_ctx)
    find(qtbot, window, "Okafor")
    lock = window.screen_lock
    lock.set_interval_ms(50)
    qtbot.waitUntil(lambda: lock.locked)
    assert not window.person_panel.isVisible()
    assert not window.search_field.isVisible()
    keyboard = Keyboard(qtbot)
    assert keyboard.focus() is lock.prompt.password
    # A task finishing meanwhile sends the focus "back to the search": it stays locked out.
    window.return_to_search()
    qtbot.wait(50)
    assert keyboard.focus() is lock.prompt.password
    keyboard.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    keyboard.press(Qt.Key.Key_Escape)
    assert window.findChild(PersonForm) is None
    assert lock.locked
    keyboard.type(CLERK_PASSWORD)
    with qtbot.waitSignal(window.tasks.finished, timeout=WAIT_MS):
        keyboard.press(Qt.Key.Key_Return)
    assert not lock.locked
    assert window.person_panel.title.full_text() == "Okafor, Chinedu"
    assert window.search_field.hasFocus()


def test_log_out_on_the_lock_prompt_logs_the_window_out(qtbot: QtBot, window: MainWindow) -> None:
    lock = window.screen_lock
    lock.set_interval_ms(50)
    qtbot.waitUntil(lambda: lock.locked)
    with qtbot.waitSignal(window.logged_out):
        qtbot.mouseClick(lock.prompt.log_out_button, Qt.MouseButton.LeftButton)
    assert window.desk.logged_out
    assert not window.isVisible()


def test_an_erased_person_is_gone_from_the_window(
    qtbot: QtBot, admin_window: MainWindow, office_ctx: ServiceContext
) -> None:
    okafor(office_ctx)
    window = admin_window
    find(qtbot, window, "Okafor")
    dialog = window.person_panel.erase_person()
    assert isinstance(dialog, EraseDialog)
    qtbot.keyClicks(dialog.reason, "Antrag der Person vom 24.11.2026")
    dialog.confirmed.setChecked(True)
    with qtbot.waitSignal(dialog.erased, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.act_button, Qt.MouseButton.LeftButton)
    assert window.person_panel.person_id is None
    assert window.results.rowCount() == 0
    assert window.search_field.text() == ""
    assert window.message.text().startswith("Person gelöscht (Art. 17).")
    assert not window.person_panel.privacy_button.isEnabled()
    window.search_field.setText("Okafor")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.results.rowCount() == 0


def test_a_withdrawal_from_the_panel_keeps_the_person_shown(
    qtbot: QtBot, window: MainWindow, office_ctx: ServiceContext
) -> None:
    okafor(office_ctx)
    find(qtbot, window, "Okafor")
    panel = window.person_panel
    dialog = panel.withdraw_consent()
    assert isinstance(dialog, WithdrawConsentDialog)
    with qtbot.waitSignal(dialog.withdrawn, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.act_button, Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage().startswith("Einwilligung widerrufen am ")
    assert panel.title.full_text() == "Okafor, Chinedu"
    assert not panel.withdraw_action.isEnabled()  # nothing left to withdraw
