"""Table model of search results: plain summaries in, German columns out (STYLE 8)."""

from __future__ import annotations

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

    def set_rows(self, rows: list[PersonSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def summary(self, row: int) -> PersonSummary:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
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
