"""Table model of a pass's entry log, newest first, in German (STYLE 8).

Entries are append-only (DESIGN §3): a correction or a cancellation is a new entry that
points to the earlier one. The table therefore shows every entry ever written; the ones
that a later entry corrected or cancelled stay visible, struck through and greyed, with
"korrigiert" or "storniert" in the "Vermerk" column, and the later entry says there what it
refers to. A clerk at another office sees the whole history, not only its latest state.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from passapp.domain.entries import Action
from passapp.services.entries import EntryLog, EntryView
from passapp.services.reference import entry_kind_labels, entry_status_labels
from passapp.ui.form_fields import day_text
from passapp.ui.i18n import label_text

Index = QModelIndex | QPersistentModelIndex
REPLACED_COLOUR = QColor("#777777")


def kind_label(slug: str) -> str:
    label = entry_kind_labels().get(slug)
    return label_text(label) if label else slug


def status_label(slug: str | None) -> str:
    if slug is None:
        return ""
    label = entry_status_labels().get(slug)
    return label_text(label) if label else slug


def date_span(entry: EntryView) -> str:
    """ "01.03.2026" or "01.03.2026 – 30.06.2026"."""
    if entry.end_date is None:
        return day_text(entry.date)
    return f"{day_text(entry.date)} – {day_text(entry.end_date)}"


def entry_title(
    entry: EntryView, offer_titles: Mapping[str, str], shown_titles: Mapping[str, str] | None = None
) -> str:
    """What the entry is about: its own title, else the catalogue offer's title.

    ``offer_titles`` maps offer slugs to their German titles, ``shown_titles`` to the
    titles in the UI's language: an entry that kept its offer's German title (the entry
    form copies it) reads in the UI's language too; a title the clerk typed stays as typed."""
    german = offer_titles.get(entry.offer) if entry.offer else None
    if entry.title and entry.title != german:
        return entry.title
    if entry.offer:
        shown = (shown_titles or {}).get(entry.offer)
        return shown or german or entry.title or entry.offer
    return entry.title or ""


def entry_summary(
    entry: EntryView,
    offer_titles: Mapping[str, str] | None = None,
    shown_titles: Mapping[str, str] | None = None,
) -> str:
    """One line naming an entry for a clerk, e.g. when asking "really cancel this?"."""
    text = QCoreApplication.translate("entry_table", "{kind} vom {date}").format(
        kind=kind_label(entry.kind), date=date_span(entry)
    )
    title = entry_title(entry, offer_titles or {}, shown_titles)
    details = [title, entry.provider or "", entry.level or ""]
    shown = [part for part in details if part]
    return f"{text}: {', '.join(shown)}" if shown else text


def newest_first(entries: list[EntryView]) -> list[EntryView]:
    # By the day it happened, then by when it was written: a correction of the same day
    # comes right above the entry it corrects.
    return sorted(entries, key=lambda e: (e.date, e.logged_at, str(e.id)), reverse=True)


def is_replaced(entry: EntryView) -> bool:
    """Corrected or cancelled by a later entry: history, no longer the current state."""
    return entry.cancelled or entry.superseded_by is not None


def is_current(entry: EntryView) -> bool:
    """An entry a clerk may still correct or cancel: not replaced, and not itself a
    cancellation (undoing a cancellation is a new entry, not a cancellation of it)."""
    return not is_replaced(entry) and entry.action != Action.CANCELLATION.value


class EntryTableModel(QAbstractTableModel):
    DATE, KIND, TITLE, PROVIDER, LEVEL, STATUS, RESULT, OFFICE, NOTE = range(9)

    def __init__(self) -> None:
        super().__init__()
        self._entries: list[EntryView] = []
        self._by_id: dict[uuid.UUID, EntryView] = {}
        self._offer_titles: Mapping[str, str] = {}
        self._shown_titles: Mapping[str, str] = {}
        self._pass_number = ""

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Datum"),
            self.tr("Art"),
            self.tr("Angebot / Titel"),
            self.tr("Anbieter"),
            self.tr("Niveau"),
            self.tr("Status"),
            self.tr("Ergebnis"),
            self.tr("Stelle"),
            self.tr("Vermerk"),
        )

    def set_log(
        self,
        log: EntryLog | None,
        offer_titles: Mapping[str, str] | None = None,
        shown_titles: Mapping[str, str] | None = None,
    ) -> None:
        """Show ``log`` (None: nothing); ``offer_titles`` maps offer slugs to their German
        titles, ``shown_titles`` to the titles in the UI's language (see ``entry_title``)."""
        self.beginResetModel()
        self._entries = newest_first(log.entries) if log else []
        self._by_id = {entry.id: entry for entry in self._entries}
        self._offer_titles = dict(offer_titles or {})
        self._shown_titles = dict(shown_titles or {})
        self._pass_number = log.pass_number if log else ""
        self.endResetModel()

    @property
    def pass_number(self) -> str:
        return self._pass_number

    @property
    def offer_titles(self) -> Mapping[str, str]:
        return self._offer_titles

    def entry(self, row: int) -> EntryView:
        return self._entries[row]

    def row_of(self, entry_id: uuid.UUID) -> int | None:
        for row, entry in enumerate(self._entries):
            if entry.id == entry_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry)
        if role == Qt.ItemDataRole.FontRole:
            return self._font(entry)
        if role == Qt.ItemDataRole.ForegroundRole and is_replaced(entry):
            return QBrush(REPLACED_COLOUR)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    # --- cells ---------------------------------------------------------------------------

    def _text(self, entry: EntryView, column: int) -> str:
        # A cancellation repeats the cancelled entry's kind and day only to be found next
        # to it; its level, status and result would read as facts, so they stay empty.
        cancellation = entry.action == Action.CANCELLATION.value
        values = {
            self.DATE: lambda: date_span(entry),
            self.KIND: lambda: kind_label(entry.kind),
            self.TITLE: lambda: entry_title(entry, self._offer_titles, self._shown_titles),
            self.PROVIDER: lambda: entry.provider or "",
            self.LEVEL: lambda: "" if cancellation else entry.level or "",
            self.STATUS: lambda: "" if cancellation else status_label(entry.status),
            self.RESULT: lambda: "" if cancellation else entry.result or "",
            self.OFFICE: lambda: entry.office,
            self.NOTE: lambda: self.note(entry),
        }
        return values[column]()

    def note(self, entry: EntryView) -> str:
        """What happened to the entry and what it refers to, e.g. "korrigiert" or
        "Korrektur zu Sprachkurs vom 01.03.2026"."""
        parts = []
        if entry.cancelled:
            parts.append(self.tr("storniert"))
        elif entry.superseded_by is not None:
            parts.append(self.tr("korrigiert"))
        if entry.action == Action.CORRECTION.value:
            parts.append(self.tr("Korrektur zu {entry}").format(entry=self._short(entry.refers_to)))
        elif entry.action == Action.CANCELLATION.value:
            parts.append(self.tr("Storno zu {entry}").format(entry=self._short(entry.refers_to)))
        return " · ".join(parts)

    def _short(self, entry_id: uuid.UUID | None) -> str:
        earlier = self._by_id.get(entry_id) if entry_id else None
        if earlier is None:
            return self.tr("einem früheren Eintrag")
        return self.tr("{kind} vom {date}").format(
            kind=kind_label(earlier.kind), date=day_text(earlier.date)
        )

    def _tooltip(self, entry: EntryView) -> str:
        lines = []
        if entry.cancelled:
            lines.append(self.tr("Dieser Eintrag wurde storniert und gilt nicht mehr."))
        elif entry.superseded_by is not None:
            lines.append(self.tr("Dieser Eintrag wurde korrigiert; es gilt die neuere Fassung."))
        earlier = self._by_id.get(entry.refers_to) if entry.refers_to else None
        if earlier is not None:
            what = entry_summary(earlier, self._offer_titles, self._shown_titles)
            if entry.action == Action.CORRECTION.value:
                lines.append(self.tr("Korrigiert: {entry}").format(entry=what))
            else:
                lines.append(self.tr("Storniert: {entry}").format(entry=what))
        shown = entry_title(entry, self._offer_titles, self._shown_titles)
        german = entry_title(entry, self._offer_titles)
        if shown != german:
            lines.append(self.tr("Titel auf Deutsch: {title}").format(title=german))
        lines.append(
            self.tr("Erfasst von {clerk} ({office}) am {when}").format(
                clerk=entry.logged_by, office=entry.office, when=_logged_when(entry.logged_at)
            )
        )
        return "\n".join(lines)

    def _font(self, entry: EntryView) -> QFont | None:
        if not is_replaced(entry) and entry.action != Action.CANCELLATION.value:
            return None
        font = QFont()
        font.setStrikeOut(is_replaced(entry))
        font.setItalic(entry.action == Action.CANCELLATION.value)
        return font


def _logged_when(moment: dt.datetime) -> str:
    # Stored in UTC; shown in the PC's local time, as people at the counter read the clock.
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    local = aware.astimezone()
    return QCoreApplication.translate("entry_table", "{day}, {time} Uhr").format(
        day=day_text(local), time=local.strftime("%H:%M")
    )
