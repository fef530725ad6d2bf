"""Verwaltung → Konten: an admin adds, disables and resets accounts; every account changes
its own password; refusals are shown in German and leave nothing selected."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from passapp.domain.accounts import MAX_FAILED_LOGINS, Role
from passapp.services.desk import Desk, Gate
from passapp.services.errors import Refused
from passapp.ui import screen_lock
from passapp.ui.accounts_screen import (
    AccountsScreen,
    AccountTableModel,
    OwnPasswordDialog,
    open_accounts_screen,
    open_own_password,
)
from passapp.ui.tasks import TaskRunner
from tests.conftest import make_context
from tests.ui.conftest import ADMIN_NAME, CLERK_NAME, CLERK_PASSWORD
from tests.ui.mnemonics import mnemonics

NEW_PASSWORD = "Amperufer am Morgen 7"


@pytest.fixture
def saved_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> QSettings:
    store = QSettings(str(tmp_path / "passapp.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(screen_lock, "settings", lambda: store)
    return store


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def screen(
    qtbot: QtBot,
    admin_desk: Desk,
    clerk_desk: Desk,
    tasks: TaskRunner,
    parent: QWidget,
    saved_settings: QSettings,
) -> AccountsScreen:
    shown = open_accounts_screen(admin_desk, tasks, parent)
    assert shown is not None
    qtbot.waitExposed(shown)
    return shown


def log_in(db_path: Path, name: str, password: str) -> Desk:
    return Gate(make_context(db_path)).log_in(name, password)


def rows(screen: AccountsScreen) -> dict[str, list[str]]:
    model = screen.accounts
    return {
        model.index(row, 0).data(): [model.index(row, c).data() for c in range(1, 4)]
        for row in range(model.rowCount())
    }


def choose(screen: AccountsScreen, name: str) -> None:
    row = next(
        r for r in range(screen.accounts.rowCount()) if screen.accounts.account(r).name == name
    )
    screen.table.selectRow(row)


def submit(qtbot: QtBot, tasks: TaskRunner, dialog: QWidget) -> None:
    with qtbot.waitSignal(tasks.finished, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)


def test_the_admin_sees_every_account_with_role_state_and_last_log_in(
    screen: AccountsScreen,
) -> None:
    shown = rows(screen)
    assert shown[ADMIN_NAME][:2] == ["Administration der Dienststelle", "aktiv"]
    assert shown[CLERK_NAME][:2] == ["Sachbearbeitung", "aktiv"]
    assert shown[CLERK_NAME][2].endswith(" Uhr")  # logged in by the fixture
    header = screen.accounts.headerData(AccountTableModel.STATE, Qt.Orientation.Horizontal)
    assert header == "Zustand"
    assert not screen.disable_button.isEnabled()
    assert not screen.reset_button.isEnabled()


def test_a_clerk_never_gets_the_accounts_screen(
    admin_desk: Desk, clerk_desk: Desk, tasks: TaskRunner, parent: QWidget
) -> None:
    clerk = clerk_desk
    assert open_accounts_screen(clerk, tasks, parent) is None
    assert parent.findChild(AccountsScreen) is None
    # Built anyway (a stale menu): the German refusal, no accounts.
    stale = AccountsScreen(clerk, tasks, parent)
    assert stale.message.text().startswith("Das darf die Rolle „Sachbearbeitung“ nicht")
    assert stale.accounts.rowCount() == 0


def test_adding_an_account_offers_only_roles_of_an_office(
    qtbot: QtBot, screen: AccountsScreen, tasks: TaskRunner, db_path: Path
) -> None:
    dialog = screen.add_account()
    roles = [dialog.role.itemData(i) for i in range(dialog.role.count())]
    assert roles == [Role.CLERK, Role.OFFICE_ADMIN, Role.AUDITOR]
    qtbot.keyClicks(dialog.name, "Schmid")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.AUDITOR))
    qtbot.keyClicks(dialog.password.first, NEW_PASSWORD)
    qtbot.keyClicks(dialog.password.second, NEW_PASSWORD)
    assert dialog.password.policy.text() == "Passwort in Ordnung."
    submit(qtbot, tasks, dialog)
    assert not dialog.isVisible()
    assert rows(screen)["schmid"][:2] == ["Prüfung (nur lesen)", "aktiv"]
    assert screen.message.text() == "Konto „schmid“ angelegt."
    assert log_in(db_path, "schmid", NEW_PASSWORD).account.role is Role.AUDITOR


def test_a_weak_or_mistyped_password_is_refused_inline(
    qtbot: QtBot, screen: AccountsScreen, tasks: TaskRunner
) -> None:
    dialog = screen.add_account()
    qtbot.keyClicks(dialog.name, "schmid")
    qtbot.keyClicks(dialog.password.first, "kurz")
    assert dialog.password.policy.text() == "Das Passwort braucht mindestens 10 Zeichen."
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message.text() == "Das Passwort braucht mindestens 10 Zeichen."
    dialog.password.clear()
    qtbot.keyClicks(dialog.password.first, "schmid am Amperufer")
    assert dialog.password.policy.text() == "Das Passwort darf den Kontonamen nicht enthalten."
    dialog.password.clear()
    qtbot.keyClicks(dialog.password.first, NEW_PASSWORD)
    qtbot.keyClicks(dialog.password.second, NEW_PASSWORD + "!")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.message.text() == "Die beiden Passwörter stimmen nicht überein."
    assert not tasks.busy
    assert "schmid" not in rows(screen)


def test_enter_and_esc_on_the_untouched_add_dialog_add_nothing(
    qtbot: QtBot, screen: AccountsScreen, tasks: TaskRunner
) -> None:
    dialog = screen.add_account()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message.text().startswith("Kontoname: 2 bis 64 Zeichen")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert list(rows(screen)) == [ADMIN_NAME, CLERK_NAME]


def test_an_existing_name_is_refused_in_german(
    qtbot: QtBot, screen: AccountsScreen, tasks: TaskRunner
) -> None:
    dialog = screen.add_account()
    qtbot.keyClicks(dialog.name, CLERK_NAME)
    qtbot.keyClicks(dialog.password.first, NEW_PASSWORD)
    qtbot.keyClicks(dialog.password.second, NEW_PASSWORD)
    submit(qtbot, tasks, dialog)
    assert dialog.isVisible()
    assert dialog.message.text() == f"Das Konto „{CLERK_NAME}“ gibt es schon."


def disable(qtbot: QtBot, screen: AccountsScreen, tasks: TaskRunner, name: str) -> None:
    choose(screen, name)
    box = screen.disable_account()
    assert isinstance(box, QMessageBox)
    assert box.defaultButton().text() == "Abbrechen"
    confirm = next(b for b in box.buttons() if b.text() == "Deaktivieren")
    with qtbot.waitSignal(tasks.finished, timeout=10_000):
        confirm.click()


def test_disabling_an_account_asks_and_then_it_cannot_log_in(
    qtbot: QtBot, screen: AccountsScreen, tasks: TaskRunner, db_path: Path
) -> None:
    choose(screen, CLERK_NAME)
    box = screen.disable_account()
    assert box is not None
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter: Abbrechen
    assert rows(screen)[CLERK_NAME][1] == "aktiv"
    assert screen.selected() is None
    disable(qtbot, screen, tasks, CLERK_NAME)
    assert rows(screen)[CLERK_NAME][1] == "deaktiviert"
    assert screen.message.text() == f"Konto „{CLERK_NAME}“ deaktiviert."
    with pytest.raises(Refused):
        log_in(db_path, CLERK_NAME, CLERK_PASSWORD)


def test_a_disabled_account_is_enabled_again_and_logs_in(
    qtbot: QtBot, screen: AccountsScreen, tasks: TaskRunner, db_path: Path
) -> None:
    choose(screen, CLERK_NAME)
    assert not screen.enable_button.isEnabled()  # active: nothing to enable
    disable(qtbot, screen, tasks, CLERK_NAME)
    choose(screen, CLERK_NAME)
    assert screen.enable_button.isEnabled()
    assert not screen.disable_button.isEnabled()
    with qtbot.waitSignal(tasks.finished, timeout=10_000):
        screen.enable_button.click()
    assert rows(screen)[CLERK_NAME][1] == "aktiv"
    assert screen.message.text() == f"Konto „{CLERK_NAME}“ ist wieder aktiv."
    assert screen.selected() is None
    assert not screen.enable_button.isEnabled()
    assert log_in(db_path, CLERK_NAME, CLERK_PASSWORD).account.name == CLERK_NAME


def test_disabling_oneself_is_refused_and_nothing_stays_selected(
    qtbot: QtBot, screen: AccountsScreen, tasks: TaskRunner
) -> None:
    disable(qtbot, screen, tasks, ADMIN_NAME)
    assert screen.message.text() == "Das eigene Konto kann man nicht sperren."
    assert "b71c1c" in screen.message.styleSheet()
    assert rows(screen)[ADMIN_NAME][1] == "aktiv"
    assert screen.selected() is None
    assert not screen.disable_button.isEnabled()


def test_a_new_password_lifts_the_lock_after_wrong_ones(
    qtbot: QtBot, screen: AccountsScreen, tasks: TaskRunner, db_path: Path
) -> None:
    gate = Gate(make_context(db_path))
    for _attempt in range(MAX_FAILED_LOGINS):
        with pytest.raises(Refused):
            gate.log_in(CLERK_NAME, "Schalter-vier im Rathaus")
    gate.close()
    screen.reload()
    assert rows(screen)[CLERK_NAME][1] == "gesperrt nach Fehlversuchen"
    choose(screen, CLERK_NAME)
    dialog = screen.reset_password()
    assert dialog is not None
    qtbot.keyClicks(dialog.password.first, NEW_PASSWORD)
    qtbot.keyClicks(dialog.password.second, NEW_PASSWORD)
    submit(qtbot, tasks, dialog)
    assert rows(screen)[CLERK_NAME][1] == "aktiv"
    assert screen.selected() is None
    assert log_in(db_path, CLERK_NAME, NEW_PASSWORD).account.name == CLERK_NAME


def test_the_lock_minutes_are_saved_for_this_pc(
    qtbot: QtBot, screen: AccountsScreen, saved_settings: QSettings
) -> None:
    assert screen.lock_minutes.value() == 5
    with qtbot.waitSignal(screen.lock_minutes_changed) as changed:
        screen.lock_minutes.setValue(12)
    assert changed.args == [12]
    assert screen_lock.lock_minutes() == 12
    screen.lock_minutes.setValue(0)
    assert screen.lock_minutes.text() == "nie"
    assert screen_lock.lock_minutes() == 0


def own_password(
    qtbot: QtBot, desk: Desk, tasks: TaskRunner, parent: QWidget, old: str
) -> OwnPasswordDialog:
    dialog = open_own_password(desk, tasks, parent)
    qtbot.keyClicks(dialog.old, old)
    qtbot.keyClicks(dialog.password.first, NEW_PASSWORD)
    qtbot.keyClicks(dialog.password.second, NEW_PASSWORD)
    submit(qtbot, tasks, dialog)
    return dialog


def test_a_clerk_changes_the_own_password_after_confirming_the_old_one(
    qtbot: QtBot,
    admin_desk: Desk,
    clerk_desk: Desk,
    tasks: TaskRunner,
    parent: QWidget,
    db_path: Path,
) -> None:
    admin, clerk = admin_desk, clerk_desk
    dialog = own_password(qtbot, clerk, tasks, parent, "nicht das alte Passwort")
    assert dialog.isVisible()
    assert dialog.message.text() == "Das bisherige Passwort stimmt nicht."
    assert dialog.old.text() == ""
    # The wrong old password counts like a failed log-in.
    assert next(a.failed_logins for a in admin.list_accounts() if a.name == CLERK_NAME) == 1
    with pytest.raises(Refused):
        log_in(db_path, CLERK_NAME, NEW_PASSWORD)
    dialog = own_password(qtbot, clerk, tasks, parent, CLERK_PASSWORD)
    assert not dialog.isVisible()
    assert log_in(db_path, CLERK_NAME, NEW_PASSWORD).account.name == CLERK_NAME


def test_the_own_password_dialog_does_nothing_on_enter_or_esc_untouched(
    qtbot: QtBot, admin_desk: Desk, clerk_desk: Desk, tasks: TaskRunner, parent: QWidget
) -> None:
    dialog = open_own_password(clerk_desk, tasks, parent)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message.text() == "Das Passwort braucht mindestens 10 Zeichen."
    assert not tasks.busy
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_no_alt_letter_is_used_twice_in_a_window(
    qtbot: QtBot, screen: AccountsScreen, admin_desk: Desk, tasks: TaskRunner
) -> None:
    for window in (screen, screen.add_account(), open_own_password(admin_desk, tasks, screen)):
        # Its own letters, not those of a dialog it opened (a child window).
        letters = [m[0] for m in mnemonics(window) if m[1].window() is window]
        assert len(letters) >= 3
        assert len(letters) == len(set(letters)), letters
