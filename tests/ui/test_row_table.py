"""The one read-only table model behind the UI's lists (``passapp.ui.row_table``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from passapp.ui.row_table import RowTableModel

DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole


@dataclass(frozen=True)
class Office:
    code: str
    name: str


def offices_model(**hooks: Callable[[str], str]) -> RowTableModel[Office]:
    model: RowTableModel[Office] = RowTableModel(
        ("Kennung", "Dienststelle"), lambda office: (office.code, office.name), **hooks
    )
    model.set_rows([Office("EWDAH", "Einwohneramt Dachau"), Office("LRADAH", "Landratsamt")])
    return model


def test_rows_cells_and_headers_are_what_the_screen_gave() -> None:
    model = offices_model()
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert model.index(1, 1).data() == "Landratsamt"
    assert model.row(0) == Office("EWDAH", "Einwohneramt Dachau")
    assert [office.code for office in model.rows()] == ["EWDAH", "LRADAH"]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Dienststelle"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.index(0, 0).data(TOOLTIP) is None  # no tooltip unless asked for
    assert model.index(0, 0).flags() & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags


def test_display_shortens_a_cell_and_the_tooltip_gives_it_whole() -> None:
    model = offices_model(
        display=lambda text: text[:8] + "…" if len(text) > 8 else text,
        tooltip=lambda text: text if len(text) > 8 else "",
    )
    assert model.index(0, 1).data() == "Einwohne…"
    assert model.index(0, 1).data(TOOLTIP) == "Einwohneramt Dachau"
    assert model.index(0, 0).data() == "EWDAH"
    assert model.index(0, 0).data(TOOLTIP) is None  # short enough: no tooltip
    assert model.cell_text(model.index(0, 1)) == "Einwohneramt Dachau"


def test_new_rows_reset_the_model_and_replace_the_old_ones(qtbot: QtBot) -> None:
    model = offices_model()
    given = [Office("HEBDAH", "Helferkreis")]
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.set_rows(given)
    given.append(Office("XX", "later"))  # the model keeps its own list
    assert [office.code for office in model.rows()] == ["HEBDAH"]
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.set_rows([])
    assert model.rowCount() == 0


def test_an_invalid_index_or_a_child_has_nothing() -> None:
    model = offices_model()
    assert model.data(QModelIndex()) is None
    assert model.index(5, 0).data() is None  # beyond the rows: an invalid index
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    assert model.columnCount(model.index(0, 0)) == 0


def test_qt_finds_the_model_consistent(qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(offices_model(tooltip=lambda text: text), force_py=True)
