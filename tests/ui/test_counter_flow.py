"""The counter's day, through the real main window on a real SQLite file, keyboard only.

A newcomer comes to the counter: the clerk types the name into the search field, finds
nobody, registers the person, issues the pass and saves it as a PDF, without touching the
mouse. The keys beyond the typed data are counted (issue 5: fewer than 15). Then a scanned
pass is looked up and an entry logged, and a bundle is exported from the menu.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from passapp.domain.entries import EntryKind
from passapp.models.entities import AuditEvent
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry, list_entries
from passapp.services.overview import person_overview
from passapp.services.passes import issue_pass
from passapp.services.search import find
from passapp.ui.main_window import MainWindow
from passapp.ui.pass_dialog import IssuePassDialog
from tests.services.helpers import register
from tests.support.keyboard import Keyboard
from tests.ui.conftest import Accounts

WAIT_MS = 15_000


def active(qtbot: QtBot, widget: QWidget) -> None:
    """Wait until a dialog is the active window (shortcuts only work then)."""
    qtbot.waitUntil(lambda: widget.isVisible() and widget.isActiveWindow(), timeout=WAIT_MS)


def log_entry(qtbot: QtBot, window: MainWindow, keys: Keyboard, kind: str) -> None:
    """Ctrl+Shift+N on the shown pass, the kind typed into its combo, Enter."""
    panel = window.person_panel.entries
    keys.press(
        Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(
        lambda: panel.entry_form is not None and panel.entry_form.isVisible(), timeout=WAIT_MS
    )
    form = panel.entry_form
    assert form is not None
    active(qtbot, form)
    form.view.kind_combo.setFocus()
    keys.type(kind)
    with qtbot.waitSignal(window.tasks.finished, timeout=WAIT_MS):
        keys.press(Qt.Key.Key_Return)


def qr_of_first_page(pdf: Path) -> str:
    page = pdfium.PdfDocument(str(pdf))[0]
    image = page.render(scale=300 / 72).to_pil()
    codes = [
        c.text for c in zxingcpp.read_barcodes(image) if c.format == zxingcpp.BarcodeFormat.QRCode
    ]
    assert len(codes) == 1
    return codes[0]


def test_register_issue_and_save_the_pass_without_a_mouse(
    qtbot: QtBot,
    window: MainWindow,
    office_ctx: ServiceContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved_as = tmp_path / "stick" / "pass-ahmadi.pdf"
    saved_as.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(saved_as), ""))
    )
    keys = Keyboard(qtbot)

    keys.type("Ahmadi Zahra")
    qtbot.waitUntil(lambda: "Nichts gefunden" in window.message.text(), timeout=WAIT_MS)
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.person_form
    assert form is not None
    active(qtbot, form)
    # The typed name is already in the form; the focus waits in the first empty field.
    assert form.view.family_edit.text() == "Ahmadi"
    assert form.view.given_edit.text() == "Zahra"
    assert form.view.birth_edit.hasFocus()
    keys.type("03.04.2001")
    keys.press(Qt.Key.Key_Tab)
    keys.type("02.09.2021")
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Tab)  # "moved directly from abroad": not for her
    keys.type("syr")
    keys.press(Qt.Key.Key_Tab)
    keys.type("ar")
    keys.press(Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # consent
    qtbot.waitUntil(lambda: "erfüllt" in form.view.status_label.text(), timeout=WAIT_MS)
    with qtbot.waitSignal(window.tasks.finished, timeout=WAIT_MS):
        keys.press(Qt.Key.Key_Return)

    # Back at the search field, with the new person shown next to it.
    qtbot.waitUntil(window.search_field.hasFocus, timeout=WAIT_MS)
    assert window.person_panel.person_id is not None
    assert "Ahmadi" in window.person_panel.title.text()

    keys.press(Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeWindow(), IssuePassDialog), timeout=WAIT_MS
    )
    dialog = QApplication.activeWindow()
    assert isinstance(dialog, IssuePassDialog)
    with qtbot.waitSignal(window.tasks.finished, timeout=WAIT_MS):
        keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.print_step.isVisible(), timeout=WAIT_MS)
    keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(saved_as.exists, timeout=WAIT_MS)
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)

    assert keys.other_keys < 15, keys.other_keys
    issued = dialog.result_pass
    assert issued is not None
    assert issued.pdf is not None
    # What was saved is the very PDF the service wrote, and its QR is the pass's signed QR.
    assert saved_as.read_bytes() == issued.pdf.read_bytes()
    assert qr_of_first_page(saved_as) == issued.qr_digits
    overview = person_overview(office_ctx, issued.person_id)
    assert overview.active_pass is not None
    assert overview.active_pass.pass_number == issued.pass_number
    assert overview.person.nationalities == ("SYR",)
    qtbot.waitUntil(window.search_field.hasFocus, timeout=WAIT_MS)


def test_a_scanned_pass_is_verified_and_an_entry_logged_on_it(
    qtbot: QtBot, window: MainWindow, office_ctx: ServiceContext
) -> None:
    person_id = register(office_ctx, "Okafor", "Chinedu")
    issued = issue_pass(office_ctx, person_id)
    assert issued.qr_digits is not None
    keys = Keyboard(qtbot)

    keys.type(issued.qr_digits)  # the handheld scanner types what it reads, then Enter
    keys.press(Qt.Key.Key_Return)
    assert "gültig" in window.message.text()
    assert window.person_panel.person_id == person_id
    assert window.search_field.hasFocus()

    log_entry(qtbot, window, keys, "Beratung")
    panel = window.person_panel.entries
    log = list_entries(office_ctx, issued.pass_number)
    assert [e.kind for e in log.entries] == [EntryKind.BERATUNG.value]
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT_MS)


def test_a_revoked_or_foreign_unknown_scan_says_so_in_red(qtbot: QtBot, window: MainWindow) -> None:
    keys = Keyboard(qtbot)
    keys.type("1" * 80)  # digits, but no pass this district ever signed
    keys.press(Qt.Key.Key_Return)
    assert window.message.text().startswith("✖")
    assert window.person_panel.person_id is None


def test_choosing_a_hit_shows_the_person_with_entries(
    qtbot: QtBot, window: MainWindow, office_ctx: ServiceContext
) -> None:
    person_id = register(office_ctx, "Haddad", "Rana")
    issued = issue_pass(office_ctx, person_id)
    add_entry(office_ctx, issued.pass_number, EntryInput(EntryKind.BERATUNG, office_ctx.today()))
    register(office_ctx, "Haddad", "Rami")
    keys = Keyboard(qtbot)
    keys.type("Haddad")
    keys.press(Qt.Key.Key_Return)
    assert window.results.rowCount() == 2
    assert window.person_panel.person_id is None  # two hits: the clerk chooses
    row = [window.results.summary(r).id for r in range(2)].index(person_id)
    window.table.selectRow(row)
    assert window.person_panel.person_id == person_id
    assert window.person_panel.entries.model.rowCount() == 1
    assert not window.person_panel.issue_button.isEnabled()  # she holds a pass already
    assert window.person_panel.replace_button.isEnabled()
    assert find(office_ctx, issued.pass_number).hits[0].id == person_id


def test_a_pass_of_another_office_is_verified_and_takes_an_entry(
    qtbot: QtBot,
    office_ctx: ServiceContext,
    provider: ServiceContext,
    desks: Callable[[ServiceContext], Accounts],
) -> None:
    issued = issue_pass(office_ctx, register(office_ctx, "Melnyk", "Olena"))
    assert issued.qr_digits is not None
    window = MainWindow(desks(provider).clerk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.search_field.hasFocus)
    keys = Keyboard(qtbot)

    keys.type(issued.qr_digits)
    keys.press(Qt.Key.Key_Return)

    assert window.message.text().startswith("✔")
    assert "EWDAH" in window.message.text()
    assert window.person_panel.person_id is None  # the holder's data stay at EWDAH
    assert window.person_panel.entries.isVisible()
    log_entry(qtbot, window, keys, "Sprachkurs")
    log = list_entries(provider, issued.pass_number)
    assert [(e.kind, e.office) for e in log.entries] == [(EntryKind.SPRACHKURS.value, "VHSKA")]
    window.tasks.shutdown()


def test_opening_a_person_is_audited_once_not_per_refresh(
    qtbot: QtBot, window: MainWindow, office_ctx: ServiceContext
) -> None:
    first, second = register(office_ctx, "Haddad", "Rana"), register(office_ctx, "Osei", "Ama")
    panel = window.person_panel
    panel.show_person(first)
    panel.refresh()
    panel.show_person(second)
    panel.show_person(first)
    qtbot.waitUntil(lambda: not window.tasks.busy)  # the audit writes go through the worker
    with office_ctx.db.reading() as session:
        opened = session.scalars(
            select(AuditEvent.object_id)
            .where(AuditEvent.action == "person.open")
            .order_by(AuditEvent.seq)
        )
        assert list(opened) == [str(first), str(second), str(first)]


def test_opening_a_person_while_the_database_is_busy_does_not_hold_up_the_window(
    qtbot: QtBot, window: MainWindow, office_ctx: ServiceContext
) -> None:
    """Another process holds the write lock (a big import's step): the record shows at
    once, and its opening is audited when the lock is free."""
    import sqlite3
    import threading
    import time

    person = register(office_ctx, "Haddad", "Rana")
    path = str(office_ctx.db.engine.url.database)
    other_process = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other_process.execute("BEGIN IMMEDIATE")
    release = threading.Timer(1.5, other_process.execute, args=("COMMIT",))
    release.start()
    try:
        started = time.monotonic()
        assert window.person_panel.show_person(person)
        assert time.monotonic() - started < 1.0  # not waiting for the lock
        assert window.person_panel.person_id == person
        qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    finally:
        release.join()
        other_process.close()
    with office_ctx.db.reading() as session:
        opened = session.scalars(
            select(AuditEvent.object_id).where(AuditEvent.action == "person.open")
        )
        assert list(opened) == [str(person)]


def test_each_person_button_names_its_shortcut_as_a_german_keyboard_labels_it(
    window: MainWindow,
) -> None:
    """The shortcut line under the buttons gave way to two button rows (150 % scaling):
    the tooltip is where a clerk finds the keys now."""
    panel = window.person_panel
    assert panel.issue_button.toolTip() == "Strg+I"
    assert panel.replace_button.toolTip() == "Strg+R"
    assert panel.sheet_button.toolTip() == "Strg+Umschalt+P"
    assert panel.report_button.toolTip() == "Strg+Umschalt+U"
