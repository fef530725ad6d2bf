"""Issue 9, item 12: after a search that finds nobody, a failed search or a scan that is
not accepted, no person stays on the counter and nothing can be done to anyone's pass:
no button, no shortcut (Ctrl+Shift+N used to log an entry on the previous person's pass)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from pytestqt.qtbot import QtBot

from passapp.services.context import ServiceContext
from passapp.services.entries import list_entries
from passapp.services.passes import IssuedPass, issue_pass, revoke_pass
from passapp.ui.main_window import MainWindow
from tests.services.helpers import register
from tests.support.keyboard import Keyboard

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
# Every shortcut of the person panel and its entry log (person_panel.py, entry_panel.py).
PERSON_SHORTCUTS = [
    (Qt.Key.Key_N, CTRL_SHIFT),
    (Qt.Key.Key_K, CTRL),
    (Qt.Key.Key_S, CTRL_SHIFT),
    (Qt.Key.Key_I, CTRL),
    (Qt.Key.Key_R, CTRL),
    (Qt.Key.Key_P, CTRL_SHIFT),
    (Qt.Key.Key_B, CTRL),
]


@pytest.fixture
def holder_pass(office_ctx: ServiceContext) -> IssuedPass:
    issued = issue_pass(office_ctx, register(office_ctx, "Okafor", "Chinedu"))
    assert issued.qr_digits is not None
    return issued


def forged(qr_digits: str) -> str:
    """The same QR with its last digit changed, as a forger or a misread would."""
    last = qr_digits[-1]
    return qr_digits[:-1] + ("1" if last != "1" else "2")


def search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.search_field.selectAll()
    keys = Keyboard(qtbot)
    keys.type(text)
    keys.press(Qt.Key.Key_Return)


def person_buttons(window: MainWindow) -> list[QPushButton]:
    panel = window.person_panel
    entries = panel.entries
    return [
        panel.edit_button,
        panel.issue_button,
        panel.replace_button,
        panel.sheet_button,
        entries.new_button,
        entries.correct_button,
        entries.cancel_button,
    ]


def assert_nobody_on_the_counter(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.person_panel
    assert panel.person_id is None
    assert panel.entries.pass_reference is None
    assert "Okafor" not in panel.title.text()
    assert not window.table.selectionModel().hasSelection()
    assert [b.accessibleName() for b in person_buttons(window) if b.isEnabled()] == []
    keys = Keyboard(qtbot)
    for key, modifiers in PERSON_SHORTCUTS:
        keys.press(key, modifiers)
    qtbot.wait(50)
    assert panel.entries.entry_form is None
    assert panel.entries.cancel_dialog is None
    opened = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert opened == []


def show_holder(qtbot: QtBot, window: MainWindow, issued: IssuedPass) -> None:
    search(qtbot, window, issued.pass_number)
    assert window.person_panel.person_id == issued.person_id
    assert window.person_panel.entries.new_button.isEnabled()


def test_a_search_that_finds_nobody_leaves_nobody_on_the_counter(
    qtbot: QtBot, window: MainWindow, office_ctx: ServiceContext, holder_pass: IssuedPass
) -> None:
    show_holder(qtbot, window, holder_pass)
    search(qtbot, window, "Nobodyknows Nemo")
    assert "Nichts gefunden" in window.message.text()
    assert_nobody_on_the_counter(qtbot, window)
    assert list_entries(office_ctx, holder_pass.pass_number).entries == []


def test_a_search_that_fails_leaves_nobody_on_the_counter(
    qtbot: QtBot, window: MainWindow, office_ctx: ServiceContext, holder_pass: IssuedPass
) -> None:
    show_holder(qtbot, window, holder_pass)
    number = holder_pass.pass_number
    mistyped = number[:-1] + ("0" if number[-1] != "0" else "1")  # a wrong check digit
    search(qtbot, window, mistyped)
    assert window.message.text()
    assert_nobody_on_the_counter(qtbot, window)
    assert list_entries(office_ctx, number).entries == []


def test_a_forged_scan_shows_nobody_and_enables_nothing(
    qtbot: QtBot, window: MainWindow, office_ctx: ServiceContext, holder_pass: IssuedPass
) -> None:
    assert holder_pass.qr_digits is not None
    show_holder(qtbot, window, holder_pass)
    search(qtbot, window, forged(holder_pass.qr_digits))
    assert window.message.text().startswith("✖")
    assert_nobody_on_the_counter(qtbot, window)
    assert window.results.rowCount() == 0  # the forged pass does not point to its holder
    assert list_entries(office_ctx, holder_pass.pass_number).entries == []


def test_a_forged_scan_on_an_empty_counter_shows_nobody(
    qtbot: QtBot, window: MainWindow, holder_pass: IssuedPass
) -> None:
    assert holder_pass.qr_digits is not None
    search(qtbot, window, forged(holder_pass.qr_digits))
    assert window.message.text().startswith("✖")
    assert window.results.rowCount() == 0
    assert_nobody_on_the_counter(qtbot, window)


def test_a_revoked_pass_scanned_lists_its_holder_but_shows_nobody(
    qtbot: QtBot, window: MainWindow, office_ctx: ServiceContext, holder_pass: IssuedPass
) -> None:
    assert holder_pass.qr_digits is not None
    show_holder(qtbot, window, holder_pass)
    revoke_pass(office_ctx, holder_pass.pass_number, reason="Karte verloren gemeldet")
    search(qtbot, window, holder_pass.qr_digits)
    assert window.message.text().startswith("✖")
    assert_nobody_on_the_counter(qtbot, window)
    # A genuine pass, though revoked: its holder is listed for the clerk to choose.
    assert window.results.summary(0).id == holder_pass.person_id


def test_the_genuine_scan_still_shows_the_holder_with_actions(
    qtbot: QtBot, window: MainWindow, holder_pass: IssuedPass
) -> None:
    assert holder_pass.qr_digits is not None
    search(qtbot, window, "Nobodyknows")
    search(qtbot, window, holder_pass.qr_digits)
    assert window.message.text().startswith("✔")
    assert window.person_panel.person_id == holder_pass.person_id
    assert window.person_panel.sheet_button.isEnabled()
    assert window.person_panel.entries.new_button.isEnabled()


def test_deselecting_the_hit_leaves_nobody_on_the_counter(
    qtbot: QtBot, window: MainWindow, holder_pass: IssuedPass
) -> None:
    show_holder(qtbot, window, holder_pass)
    window.table.clearSelection()
    assert_nobody_on_the_counter(qtbot, window)
