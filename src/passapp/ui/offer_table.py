"""Table model of the offers catalogue: OfferViews in, columns in the UI's language out
(STYLE 8); an offer's title in the UI's language where the district gave one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from passapp.domain.entries import CefrLevel
from passapp.services.offers import OFFER_CATEGORIES, OfferView
from passapp.services.reference import entry_kind_labels
from passapp.ui.entry_table import kind_label
from passapp.ui.offer_titles import shown_title, title_tooltip
from passapp.ui.row_table import Index, RowTableModel

INACTIVE_COLOUR = QColor("#777777")
ALL_LEVELS = [level.value for level in CefrLevel]


def level_span(levels: Sequence[str]) -> str:
    """``A1, A2, B1`` as ``A1–B1`` (a run of three or more levels), else the levels listed."""
    if len(levels) >= 3 and all(level in ALL_LEVELS for level in levels):
        first = ALL_LEVELS.index(levels[0])
        if list(levels) == ALL_LEVELS[first : first + len(levels)]:
            return f"{levels[0]}–{levels[-1]}"
    return ", ".join(levels)


def category_label(slug: str) -> str:
    """A category in the UI's language: the categories are the entry kinds (their labels
    in both languages are reference data); a category of a newer catalogue: its slug."""
    if slug in entry_kind_labels():
        return kind_label(slug)
    return OFFER_CATEGORIES.get(slug, slug)


class OfferTableModel(RowTableModel[OfferView]):
    CATEGORY, TITLE, PROVIDER, PLACE, LANGUAGES, LEVELS, ACTIVE = range(7)
    COLUMN_COUNT = 7

    def __init__(self, municipalities: Mapping[str, str] | None = None) -> None:
        headers = (
            self.tr("Kategorie"),
            self.tr("Angebot"),
            self.tr("Anbieter"),
            self.tr("Ort"),
            self.tr("Sprachen"),
            self.tr("Niveaus"),
            self.tr("aktiv"),
        )
        super().__init__(headers, self._cells)
        self._municipalities = dict(municipalities or {})

    def offer(self, row: int) -> OfferView:
        return self.row(row)

    def row_of(self, slug: str) -> int | None:
        return next((n for n, offer in enumerate(self.rows()) if offer.slug == slug), None)

    def place(self, offer: OfferView) -> str:
        """The municipality's name; its key where this database does not know it."""
        key = offer.municipality_key
        return "" if key is None else self._municipalities.get(key, key)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        offer = self.row(index.row())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.TITLE:
            # Cut in the column; and the German reference title next to the translations.
            return title_tooltip(offer) if offer.titles else offer.title
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.CATEGORY:
            return self.cell_text(index)  # long texts are cut in the column
        if role == Qt.ItemDataRole.ForegroundRole and not offer.active:
            return QBrush(INACTIVE_COLOUR)
        return super().data(index, role)

    def _cells(self, offer: OfferView) -> tuple[str, ...]:
        return (
            category_label(offer.category),
            shown_title(offer),
            offer.provider,
            self.place(offer),
            ", ".join(offer.languages),
            level_span(offer.cefr_levels),
            self.tr("ja") if offer.active else self.tr("nein"),
        )
