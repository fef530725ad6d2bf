"""Table model of the sync peers: when bundles last went to and came from each (STYLE 8)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from passapp.ui.row_table import RowTableModel

# The source text; rows hold it translated (the same text while the app speaks German).
NEVER = str(QT_TRANSLATE_NOOP("peer_table", "noch nie"))  # typed as object in PySide6


@dataclass(frozen=True, slots=True)
class PeerRow:
    office_code: str
    last_export: str  # in words, e.g. "25.11.2026, 10:30 Uhr" or "noch nie"
    last_import: str


def peer_rows(
    peers: Mapping[str, Mapping[str, Any]], expected: Iterable[str] = ()
) -> list[PeerRow]:
    """Rows from the sync status's ``peers``; ``expected`` peers (an office's district) appear
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
    if not iso:
        return QCoreApplication.translate("peer_table", NEVER)
    return clock_time(dt.datetime.fromisoformat(iso))


def clock_time(moment: dt.datetime) -> str:
    """Day and time in the PC's local time, as people at the counter read the clock."""
    local = moment.astimezone() if moment.tzinfo else moment
    return QCoreApplication.translate("peer_table", "{day}, {time} Uhr").format(
        day=f"{local:%d.%m.%Y}", time=f"{local:%H:%M}"
    )


class PeerTableModel(RowTableModel[PeerRow]):
    OFFICE, SENT, RECEIVED = range(3)
    COLUMN_COUNT = 3

    def __init__(self) -> None:
        headers = (
            self.tr("Stelle"),
            self.tr("Zuletzt Paket geschrieben"),
            self.tr("Zuletzt Paket eingespielt"),
        )
        super().__init__(headers, _cells)


def _cells(peer: PeerRow) -> tuple[str, str, str]:
    return (peer.office_code, peer.last_export, peer.last_import)
