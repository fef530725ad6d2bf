from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
)
from pytestqt.qtbot import QtBot

from passapp.services.context import ServiceContext
from passapp.services.demo import create_demo
from passapp.services.desk import Desk
from passapp.services.search import find
from passapp.services.views import PersonSummary
from passapp.ui.main_window import MainWindow
from passapp.ui.person_table import PersonTableModel
from tests.services.helpers import register
from tests.ui.conftest import Accounts


def test_person_table_model_without_a_view(office_ctx: ServiceContext, tmp_path: Path) -> None:
    create_demo(office_ctx, tmp_path)
    model = PersonTableModel()
    model.set_rows(find(office_ctx, "Ahmadi").hits)
    assert model.rowCount() == 1
    assert model.columnCount() == 4
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Familienname"
    assert model.data(model.index(0, PersonTableModel.FAMILY)) == "Ahmadi"
    assert model.data(model.index(0, PersonTableModel.BIRTH)) == "XX.XX.2001"
    assert model.data(model.index(0, PersonTableModel.PASS)).startswith("EWDAH-")


def test_typing_in_the_search_field_finds_people(
    qtbot: QtBot, ctx: ServiceContext, tmp_path: Path, desks: Callable[[ServiceContext], Accounts]
) -> None:
    create_demo(ctx, tmp_path)
    window = MainWindow(desks(ctx).clerk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.search_field.hasFocus)
    qtbot.keyClicks(window.search_field, "schewtschenko olena")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.results.rowCount() == 1
    assert window.results.summary(0).family_names == "Schewtschenko"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.search_field.text() == ""


def test_mistyped_pass_number_shows_a_german_message(
    qtbot: QtBot, ctx: ServiceContext, tmp_path: Path, desks: Callable[[ServiceContext], Accounts]
) -> None:
    create_demo(ctx, tmp_path)
    window = MainWindow(desks(ctx).clerk)
    qtbot.addWidget(window)
    qtbot.keyClicks(window.search_field, "EWDAH-000001-00")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.results.rowCount() == 0
    assert "Prüfziffern" in window.message.text()


# A handheld scanner types what it reads as a US keyboard would; the PC maps the key codes
# with its German (QWERTZ) layout. Digits and Enter come through unchanged, "-" arrives
# as "ß", "y" and "z" swap — which is why the QR holds digits only (DESIGN §5).
US_KEYS_ON_GERMAN_LAYOUT = str.maketrans(
    {"y": "z", "z": "y", "Y": "Z", "Z": "Y", "-": "ß", "/": "-"}
)


def scan(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Key press and release events, one per character, as the scanner sends them."""
    for char in text.translate(US_KEYS_ON_GERMAN_LAYOUT):
        key = Qt.Key(ord(char.upper())) if char.isascii() else Qt.Key.Key_ssharp
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                field, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )
    qtbot.keyClick(field, Qt.Key.Key_Return)  # the scanner's suffix


def test_scanned_qr_is_verified_and_its_holder_found(
    qtbot: QtBot, office_ctx: ServiceContext, tmp_path: Path, clerk_desk: Desk
) -> None:
    from passapp.services.passes import issue_pass
    from tests.services.helpers import register

    person = register(office_ctx, "Tesfaye", "Selam")
    issued = issue_pass(office_ctx, person, out_pdf=tmp_path / "p.pdf")
    assert issued.qr_digits is not None
    window = MainWindow(clerk_desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.search_field.hasFocus)
    scan(qtbot, window.search_field, issued.qr_digits)
    assert window.results.rowCount() == 1
    assert window.results.summary(0).id == person
    assert "gültig" in window.message.text()
    assert issued.pass_number in window.message.text()

    window.search_field.clear()
    forged = (
        issued.qr_digits[:100] + str((int(issued.qr_digits[100]) + 5) % 10) + issued.qr_digits[101:]
    )
    scan(qtbot, window.search_field, forged)
    assert "Ungültig" in window.message.text()


def test_pass_number_read_by_a_scanner_on_a_german_layout(
    qtbot: QtBot, office_ctx: ServiceContext, tmp_path: Path, clerk_desk: Desk
) -> None:
    from passapp.services.passes import issue_pass
    from tests.services.helpers import register

    person = register(office_ctx, "Okafor", "Chinedu")
    number = issue_pass(office_ctx, person, out_pdf=tmp_path / "p.pdf").pass_number
    window = MainWindow(clerk_desk)
    qtbot.addWidget(window)
    scan(qtbot, window.search_field, number)
    assert "ß" in window.search_field.text()
    assert window.results.rowCount() == 1
    assert window.results.summary(0).pass_number == number


def test_long_result_lists_are_fetched_page_by_page(office_ctx: ServiceContext) -> None:
    given = ["Anna", "Berta", "Clara", "Dana", "Emma", "Frida", "Greta", "Hanna", "Ida", "Jana"]
    given += ["Karla", "Lena"]
    for name in given:
        register(office_ctx, "Yilmaz", name)
    fetched: list[int] = []

    def fetch(limit: int) -> list[PersonSummary]:
        fetched.append(limit)
        return find(office_ctx, "Yilmaz", limit).hits

    model = PersonTableModel()
    model.set_rows(fetch(5), fetch=fetch, page=5)
    assert model.rowCount() == 5
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 10
    model.fetchMore()
    assert model.rowCount() == 12
    assert not model.canFetchMore()  # a short page: the end of the list
    assert fetched == [5, 10, 20]
    assert sorted(model.summary(row).given_names for row in range(12)) == sorted(given)


def test_every_control_of_the_counter_has_a_name_for_screen_readers(
    qtbot: QtBot, office_ctx: ServiceContext, tmp_path: Path, clerk_desk: Desk
) -> None:
    create_demo(office_ctx, tmp_path)
    window = MainWindow(clerk_desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.search_field, "Ahmadi")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.person_panel.person_id is not None
    assert "Syrien" in window.person_panel.facts.text() or "Afghanistan" in (
        window.person_panel.facts.text()
    )
    controls = window.findChildren(QAbstractButton) + window.findChildren(QLineEdit)
    controls += window.findChildren(QComboBox) + window.findChildren(QAbstractItemView)
    # Qt's own parts (a field's clear button, a table's header) are named by Qt.
    ours = [
        c
        for c in controls
        if not isinstance(c, QHeaderView) and not isinstance(c.parent(), QLineEdit)
    ]
    unnamed = [
        c
        for c in ours
        if c.isVisibleTo(window)
        and not c.accessibleName()
        and not (isinstance(c, QAbstractButton) and c.text())
    ]
    assert unnamed == []


def test_ctrl_f_brings_the_focus_back_to_the_search_field(
    qtbot: QtBot, office_ctx: ServiceContext, clerk_desk: Desk
) -> None:
    window = MainWindow(clerk_desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.search_field.hasFocus)
    qtbot.keyClicks(window.search_field, "Ahmadi")
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_field.hasFocus)
    assert window.search_field.selectedText() == "Ahmadi"  # typing replaces it


def test_a_typed_pass_number_is_not_taken_over_as_a_name(
    qtbot: QtBot, office_ctx: ServiceContext, clerk_desk: Desk
) -> None:
    window = MainWindow(clerk_desk)
    qtbot.addWidget(window)
    window.search_field.setText("EWDAH-000001-58")
    form = window.register_person()
    assert form.view.family_edit.text() == ""
    form.reject()
    window.search_field.setText("Haddad Rana")
    form = window.register_person()
    assert (form.view.family_edit.text(), form.view.given_edit.text()) == ("Haddad", "Rana")
    form.reject()
    window.tasks.shutdown()
