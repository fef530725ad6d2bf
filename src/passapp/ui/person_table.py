"""Table model of search results: plain summaries in, German columns out (STYLE 8).

Long result lists are fetched lazily: the model starts with the first page and asks for
more (``canFetchMore``/``fetchMore``) only when the view scrolls to the end, so a search
for a common name never loads a whole register onto the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from passapp.services.views import PersonSummary

Index = QModelIndex | QPersistentModelIndex


class PersonTableModel(QAbstractTableModel):
    FAMILY, GIVEN, BIRTH, PASS = range(4)
    COLUMN_COUNT = 4

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PersonSummary] = []
        self._fetch: Callable[[int], list[PersonSummary]] | None = None
        self._asked = 0  # how many rows the last fetch asked for

    def set_rows(
        self,
        rows: list[PersonSummary],
        fetch: Callable[[int], list[PersonSummary]] | None = None,
        page: int = 0,
    ) -> None:
        """Show ``rows``, the first ``page`` hits; ``fetch(limit)`` gives the first ``limit``
        hits of the same search when the view wants more."""
        self.beginResetModel()
        self._rows = list(rows)
        self._fetch = fetch
        self._asked = page
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt API
        # A full page came back last time: there may be more.
        return (
            not parent.isValid()
            and self._fetch is not None
            and self._asked > 0
            and len(self._rows) >= self._asked
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt API
        if not self.canFetchMore(parent) or self._fetch is None:
            return
        self._asked += max(self._asked, 1)
        known = {row.id for row in self._rows}
        more = [row for row in self._fetch(self._asked) if row.id not in known]
        if not more:
            self._asked = 0  # nothing beyond what is shown: stop asking
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def summary(self, row: int) -> PersonSummary:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The tooltip shows a cell whole where the column is too narrow (a long name).
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if not index.isValid() or role not in shown:
            return None
        person = self._rows[index.row()]
        column = index.column()
        if column == self.FAMILY:
            return person.family_names
        if column == self.GIVEN:
            return person.given_names
        if column == self.BIRTH:
            return person.birth_date.german()
        return person.pass_number or "–"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def headers(self) -> tuple[str, str, str, str]:
        return (
            self.tr("Familienname"),
            self.tr("Vorname(n)"),
            self.tr("Geburtsdatum"),
            self.tr("Passnummer"),
        )
