from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from passapp.services.context import ServiceContext
from passapp.services.demo import create_demo
from passapp.services.search import find
from passapp.ui.main_window import MainWindow
from passapp.ui.person_table import PersonTableModel


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
    qtbot: QtBot, ctx: ServiceContext, tmp_path: Path
) -> None:
    create_demo(ctx, tmp_path)
    window = MainWindow(ctx)
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
    qtbot: QtBot, ctx: ServiceContext, tmp_path: Path
) -> None:
    create_demo(ctx, tmp_path)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    qtbot.keyClicks(window.search_field, "EWDAH-000001-00")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.results.rowCount() == 0
    assert "Prüfziffern" in window.message.text()
