"""Table model of the sync peers: when bundles last went to and came from each (STYLE 8)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from passapp.pdf.sync_receipt import german_datetime

Index = QModelIndex | QPersistentModelIndex
NEVER = "noch nie"


@dataclass(frozen=True, slots=True)
class PeerRow:
    office_code: str
    last_export: str  # in German words, e.g. "25.11.2026, 10:30 Uhr" or "noch nie"
    last_import: str


def peer_rows(
    peers: Mapping[str, Mapping[str, Any]], expected: Iterable[str] = ()
) -> list[PeerRow]:
    """Rows from ``status()["peers"]``; ``expected`` peers (an office's district) appear
    even before the first exchange, so the admin sees "noch nie" rather than nothing."""
    codes = sorted(set(peers) | set(expected))
    return [
        PeerRow(
            code,
            _when(peers.get(code, {}).get("last_export_at")),
            _when(peers.get(code, {}).get("last_import_at")),
        )
        for code in codes
    ]


def _when(iso: str | None) -> str:
    return NEVER if not iso else german_datetime(dt.datetime.fromisoformat(iso))


class PeerTableModel(QAbstractTableModel):
    OFFICE, SENT, RECEIVED = range(3)
    HEADERS = ("Stelle", "Zuletzt Paket geschrieben", "Zuletzt Paket eingespielt")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PeerRow] = []

    def set_rows(self, rows: list[PeerRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> PeerRow:
        return self._rows[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        peer = self._rows[index.row()]
        column = index.column()
        if column == self.OFFICE:
            return peer.office_code
        if column == self.SENT:
            return peer.last_export
        return peer.last_import

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None
