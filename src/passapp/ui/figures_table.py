"""Table model of one demand table (STYLE 8): the cells' text only, as the files have it.

A suppressed cell shows its text ("<5", "•") on a tinted background with a tooltip saying
why it is hidden; the true count of a cell is never read here. The row labels are the
first column and the totals ("Summe") the last row and column, in bold, as in the files
(``demand_files.table_lines``). Figures computed for other filters than the ones typed
now are shown grey (``set_stale``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from passapp.domain.suppression import THRESHOLD, Cell, CellState
from passapp.services.demand import DemandTable
from passapp.services.demand_files import TOTAL
from passapp.ui import figures_words as words

Index = QModelIndex | QPersistentModelIndex
PRIMARY_COLOUR = QColor("#fff1c2")  # "<5": amber, the cell the rule is about
SECONDARY_COLOUR = QColor("#e3e8f0")  # "•": grey-blue, hidden only to protect the others
STALE_COLOUR = QColor("#9e9e9e")
NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class FiguresTableModel(QAbstractTableModel):
    """One :class:`DemandTable`, read-only: label column, the counts, the totals."""

    def __init__(self) -> None:
        super().__init__()
        self._table: DemandTable | None = None
        self._grid: tuple[tuple[Cell, ...], ...] = ()
        self._stale = False

    @property
    def table(self) -> DemandTable | None:
        return self._table

    def set_table(self, table: DemandTable | None) -> None:
        self.beginResetModel()
        self._table = table
        self._grid = table.table.grid() if table is not None else ()
        self.endResetModel()

    def set_stale(self, stale: bool) -> None:
        if stale != self._stale:
            self._stale = stale
            self._repaint()

    def _repaint(self) -> None:
        if self.rowCount() and self.columnCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._grid)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        if parent.isValid() or self._table is None:
            return 0
        return len(self._table.column_labels) + 2  # the labels and the row totals

    def text(self, row: int, column: int) -> str:
        """What the cell shows: a label or a cell's text."""
        assert self._table is not None
        if column == 0:
            labels = (*self._table.row_labels, TOTAL)
            return words.label(labels[row])
        return self._grid[row][column - 1].text

    def _cell(self, index: Index) -> Cell | None:
        return None if index.column() == 0 else self._grid[index.row()][index.column() - 1]

    def _is_total(self, index: Index) -> bool:
        return index.row() == self.rowCount() - 1 or index.column() == self.columnCount() - 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._table is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        cell = self._cell(index)
        if role == Qt.ItemDataRole.TextAlignmentRole and cell is not None:
            return NUMBER_ALIGNMENT
        if role == Qt.ItemDataRole.FontRole and self._is_total(index):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and self._stale:
            return QBrush(STALE_COLOUR)
        if cell is None:  # a long label (a provider) is cut in its column: whole here
            return self.text(index.row(), 0) if role == Qt.ItemDataRole.ToolTipRole else None
        if not cell.suppressed:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(PRIMARY_COLOUR if cell.state is CellState.PRIMARY else SECONDARY_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.why_hidden(cell)
        return None

    def why_hidden(self, cell: Cell) -> str:
        if cell.state is CellState.PRIMARY:
            return self.tr(
                "Geheim gehalten: weniger als {threshold} (auch 0). Kleine Gruppen könnten "
                "einzelne Menschen erkennbar machen."
            ).format(threshold=THRESHOLD)
        return self.tr(
            "Geheim gehalten, obwohl {threshold} oder mehr: sonst ließe sich eine kleine Zahl "
            "dieser Zeile oder Spalte aus den Summen errechnen (sekundäre Geheimhaltung)."
        ).format(threshold=THRESHOLD)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            self._table is None
            or orientation != Qt.Orientation.Horizontal
            or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        ):
            return None
        return words.label((self._table.row_label, *self._table.column_labels, TOTAL)[section])
