"""One read-only table model for the UI's lists: rows of any type, one text per cell.

A screen names the columns and says how a row becomes its cells; the model does the rest
(row count, column count, the display role, the column headers, a reset on new rows).
``display`` shortens a cell's text where the table has no room for it and ``tooltip``
gives the whole text back on hover; both act on the cell's text, not on the row.
A model with more behaviour (a sort key, a colour) subclasses this and answers its extra
roles in ``data`` before handing the rest to this class.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


def _whole(text: str) -> str:
    return text


def _no_tip(_text: str) -> str:
    return ""


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """A read-only table of ``rows``: ``headers`` name the columns, ``cells(row)`` gives a
    row's texts in column order, ``display(text)`` what a cell shows, ``tooltip(text)`` its
    tooltip ("" for none)."""

    def __init__(
        self,
        headers: Sequence[str],
        cells: Callable[[Row], Sequence[str]],
        *,
        display: Callable[[str], str] = _whole,
        tooltip: Callable[[str], str] = _no_tip,
    ) -> None:
        super().__init__()
        self._headers = tuple(headers)
        self._cells = cells
        self._display = display
        self._tooltip = tooltip
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> Row:
        return self._rows[number]

    def rows(self) -> list[Row]:
        return list(self._rows)

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def cell_text(self, index: Index) -> str:
        """The whole text of a cell, before ``display`` shortens it."""
        return self._cells(self._rows[index.row()])[index.column()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(self.cell_text(index))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(self.cell_text(index)) or None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
