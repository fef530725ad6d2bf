"""Log-in, log-out and the role-aware window (issue 10), on real databases with real
accounts (Argon2id and key slots as in the field)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from passapp.domain.accounts import Role
from passapp.services.accounts import LOGIN_FAILED
from passapp.services.context import ServiceContext
from passapp.services.demo import DEMO_PASSWORD
from passapp.services.desk import Desk, Gate, PermissionDenied
from passapp.ui.app import Counter
from passapp.ui.audit_screen import AuditScreen
from passapp.ui.login_dialog import LoginDialog
from passapp.ui.main_window import MainWindow
from passapp.ui.refusals import refusal_hook
from tests.conftest import make_context
from tests.services.helpers import register
from tests.ui.conftest import CLERK_NAME, CLERK_PASSWORD, Accounts, show_window

NONE = Qt.KeyboardModifier.NoModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def gate(
    office_ctx: ServiceContext, db_path: Path, desks: Callable[[ServiceContext], Accounts]
) -> Iterator[Gate]:
    """The office's database opened at another PC, before anybody logged in there."""
    desks(office_ctx)  # the office has its admin and clerk
    opened = Gate(make_context(db_path))
    yield opened
    opened.close()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def show_login(qtbot: QtBot, gate: Gate) -> LoginDialog:
    dialog = LoginDialog(gate)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    # The focus inside this dialog, not still on a button of a window an earlier test closed.
    qtbot.waitUntil(
        lambda: (focus := QApplication.focusWidget()) is not None and dialog.isAncestorOf(focus)
    )
    return dialog


def menu_texts(window: MainWindow) -> set[str]:
    """Every visible menu entry of the window."""
    found = set()
    for top in window.menuBar().actions():
        found.add(top.text())
        menu = top.menu()
        if menu is not None:
            found |= {a.text() for a in menu.actions() if a.isVisible() and a.text()}
    return found


def test_a_wrong_password_is_refused_then_the_right_one_logs_in(qtbot: QtBot, gate: Gate) -> None:
    dialog = show_login(qtbot, gate)
    assert focused() is dialog.name_field
    assert dialog.demo_box is None  # a real installation shows no demo accounts
    qtbot.keyClicks(focused(), CLERK_NAME)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "falsches Passwort 1")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)

    assert dialog.message.text() == LOGIN_FAILED[1]
    assert dialog.password_field.text() == ""
    assert focused() is dialog.password_field
    assert dialog.isVisible()
    assert dialog.desk is None

    qtbot.keyClicks(focused(), CLERK_PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.desk is not None
    assert (dialog.desk.account.name, dialog.desk.account.role) == (CLERK_NAME, Role.CLERK)
    assert dialog.password_field.text() == ""  # the password does not stay in the widget


def test_enter_on_the_untouched_window_says_why_and_esc_quits(qtbot: QtBot, gate: Gate) -> None:
    dialog = show_login(qtbot, gate)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.message.text() == LOGIN_FAILED[1]
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.desk is None


def test_log_out_forgets_the_person_and_shows_the_log_in_window_again(
    qtbot: QtBot, gate: Gate, office_ctx: ServiceContext
) -> None:
    person = register(office_ctx, family="Haddad", given="Rana")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    counter = Counter(app, gate)
    window = counter.show_window(gate.log_in(CLERK_NAME, CLERK_PASSWORD))
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.search_field.setText("Haddad")
    window.show_person(person)
    assert "Haddad" in window.person_panel.title.text()
    desk = window.desk

    with qtbot.waitSignal(window.logged_out):
        qtbot.keyClick(window, Qt.Key.Key_Q, CTRL_SHIFT)  # Konto → Abmelden

    assert desk.logged_out
    with pytest.raises(PermissionDenied):
        desk.find("Haddad")
    assert not window.isVisible()
    assert window.person_panel.person_id is None
    assert "Haddad" not in window.person_panel.title.text()
    assert window.search_field.text() == ""
    assert window.results.rowCount() == 0
    qtbot.waitUntil(lambda: counter.login is not None and counter.login.isVisible())
    login = counter.login
    assert login is not None
    qtbot.addWidget(login)
    assert login.name_field.text() == login.password_field.text() == ""

    login.name_field.setText(CLERK_NAME)
    login.password_field.setText(CLERK_PASSWORD)
    login.login_button.click()
    again = counter.window
    assert again is not None
    assert again is not window
    qtbot.addWidget(again)
    assert again.person_panel.person_id is None
    assert again.search_field.text() == ""
    again.tasks.shutdown()


def test_the_window_names_the_account_and_its_role(window: MainWindow) -> None:
    assert window.account_label.text() == "Angemeldet: schalter (Sachbearbeitung)"
    assert window.windowTitle().endswith("– schalter")


def test_a_clerks_window_has_no_sync_audit_or_package_actions(
    qtbot: QtBot, window: MainWindow, admin_window: MainWindow
) -> None:
    clerk_menus, admin_menus = menu_texts(window), menu_texts(admin_window)
    for admin_only in (
        "&Datenaustausch …",
        "&Protokoll prüfen …",
        "&Zertifikatspaket einspielen …",
    ):
        assert admin_only not in clerk_menus
        assert admin_only in admin_menus
    assert {"&Neue Person erfassen …", "&Angebotskatalog …", "&Abmelden"} <= clerk_menus
    # The shortcut of a hidden action does nothing either.
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL_SHIFT)
    assert window.sync_screen is None
    assert "Strg+Umschalt+D" not in window.hint.text()


def test_an_auditor_gets_the_audit_check_only(
    qtbot: QtBot, admin_desk: Desk, office_ctx: ServiceContext, db_path: Path
) -> None:
    register(office_ctx, family="Haddad", given="Rana")
    admin_desk.add_account("pruefer", Role.AUDITOR, "Prüfung am Freitag 2026")
    auditor = Gate(make_context(db_path)).log_in("pruefer", "Prüfung am Freitag 2026")
    window = show_window(qtbot, auditor)
    menus = menu_texts(window)
    assert "&Person" not in menus
    assert "&Protokoll prüfen …" in menus
    assert window.centralWidget() is not window.counter
    assert not window.search_field.isVisible()
    assert not window.person_panel.isVisible()
    assert "Prüfung (nur lesen)" in window.account_label.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.audit_button)

    window.audit_button.click()
    screen = window.findChild(AuditScreen)
    assert screen is not None
    qtbot.waitUntil(lambda: screen.verdict.text().startswith("Protokoll intakt"))
    window.tasks.shutdown()
    auditor.close()


def test_a_refusal_that_escapes_a_screen_is_shown_in_german_not_as_a_traceback(
    qtbot: QtBot, window: MainWindow
) -> None:
    passed_on: list[BaseException] = []
    hook = refusal_hook(lambda _kind, error, _trace: passed_on.append(error))
    refusal = PermissionDenied("role clerk may not sync status", "Das darf die Rolle nicht.")
    hook(PermissionDenied, refusal, None)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
    qtbot.addWidget(box)
    assert box.text() == "Das darf die Rolle nicht."
    assert passed_on == []
    bug = RuntimeError("a bug")
    hook(RuntimeError, bug, None)
    assert passed_on == [bug]  # anything else goes on to Qt's hook
    box.close()


def test_the_demo_lists_its_accounts_and_logs_the_clerk_in_with_enter(
    qtbot: QtBot, tmp_path: Path
) -> None:
    gate = Gate.open_demo(tmp_path)
    dialog = show_login(qtbot, gate)
    assert dialog.demo_box is not None
    shown = dialog.demo_text.text()
    for name in ("sachbearbeitung", "admin", "pruefung"):
        assert name in shown
    assert DEMO_PASSWORD in shown
    assert dialog.name_field.text() == "sachbearbeitung"
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.desk is not None
    assert dialog.desk.account.role is Role.CLERK
    # The clerk's log-in unlocked the demo office's key: passes can be issued.
    [hit, *_] = dialog.desk.find("Ahmadi").hits
    assert hit.family_names == "Ahmadi"
    dialog.desk.log_out()
    gate.close()


def test_the_clerks_log_in_at_another_pc_unlocks_the_offices_key(
    office_ctx: ServiceContext, gate: Gate, tmp_path: Path
) -> None:
    desk = gate.log_in(CLERK_NAME, CLERK_PASSWORD)
    issued = desk.issue_pass(register(office_ctx), out_pdf=tmp_path / "pass.pdf")
    assert issued.pass_number.startswith("EWDAH-")
    desk.log_out()


def test_what_the_clerk_typed_before_the_database_opened_stays_and_logs_in(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The start shows the window before the gate exists: Enter waits, typing is kept (the
    demo's prefill does not overwrite it), then the office appears and Enter logs in."""
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.login_button.isEnabled()
    dialog.name_field.setText("admin")
    dialog.password_field.setText(DEMO_PASSWORD)
    dialog.log_in()  # Enter before the database is open: nothing happens
    assert dialog.desk is None
    assert dialog.isVisible()
    gate = Gate.open_demo(tmp_path)
    dialog.attach(gate)
    assert dialog.login_button.isEnabled()
    assert dialog.demo_box is not None
    assert dialog.office.text().startswith("Dienststelle: ")
    assert (dialog.name_field.text(), dialog.password_field.text()) == ("admin", DEMO_PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.login_button.click()
    assert dialog.desk is not None
    assert dialog.desk.account.role is Role.OFFICE_ADMIN
    dialog.desk.log_out()
    gate.close()
