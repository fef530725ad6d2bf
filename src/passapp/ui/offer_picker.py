"""A searchable picker over the offers catalogue: type words, see the matches, Enter picks.

Typing narrows the list below the field on every word ("deutsch b1": every word in a
title, German or translated, the provider or kind, or a CEFR level the offer leads to). The
list shows the title in the UI's language where the offer has one; its tooltip names every
title with its language. ↓/↑ move through the matches
without leaving the field, Enter picks the highlighted one (the first by default). Once an
offer is picked, Enter goes on to the dialog (saves), so the clerk never presses Enter
twice into nothing.

The list lives in the dialog rather than in a QCompleter popup: a completer writes the
highlighted title into the field while the clerk is still typing, and its popup swallows
Enter before the dialog sees it; a list in the layout keeps typing, picking and saving
apart and fits the 1366×768 screen just the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListView, QVBoxLayout, QWidget

from passapp.services.offers import OfferView
from passapp.ui.entry_table import kind_label
from passapp.ui.offer_titles import in_shown_order, shown_title, title_tooltip

VISIBLE_ROWS = 5
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def offer_matches(offer: OfferView, text: str) -> bool:
    """Every typed word matches the offer (``OfferView.matches``: any title, provider,
    category, level) or the kind's label in the clerk's language."""
    return all(
        offer.matches(word) or word.casefold() in kind_label(offer.category).casefold()
        for word in text.split()
    )


def offer_line(offer: OfferView) -> str:
    """How an offer reads in the list: title (in the UI's language) · provider · levels."""
    parts = [shown_title(offer), offer.provider]
    if offer.cefr_levels:
        parts.append(", ".join(offer.cefr_levels))
    return " · ".join(parts)


class OfferPicker(QWidget):
    """``offer_changed`` carries the picked :class:`OfferView`, or None when the clerk
    types again after picking (the pick is then dropped)."""

    offer_changed = Signal(object)

    def __init__(self, offers: Sequence[OfferView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._offers = in_shown_order(offers)
        self._shown: list[OfferView] = []
        self._selected: OfferView | None = None

        self.search_field = QLineEdit()
        self.search_field.setAccessibleName(self.tr("Angebot aus dem Katalog suchen"))
        self.search_field.setPlaceholderText(
            self.tr("Angebot suchen, z. B. „deutsch b1“ – ↓/↑ wählen, Enter übernehmen")
        )
        self.search_field.setClearButtonEnabled(True)
        self.search_field.installEventFilter(self)
        self.search_field.textEdited.connect(self._on_typed)

        self._lines = QStandardItemModel(self)
        self.match_list = QListView()
        self.match_list.setModel(self._lines)
        self.match_list.setAccessibleName(self.tr("Passende Angebote"))
        self.match_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The field keeps the focus (↓/↑ move the highlight from there); a click picks.
        self.match_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.match_list.setStyleSheet(
            "QListView::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        self.match_list.clicked.connect(self._on_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search_field)
        layout.addWidget(self.match_list)
        self.setFocusProxy(self.search_field)
        self._show_matches("")
        self._fit_list_height()

    # --- what the form asks ------------------------------------------------------------

    def selected_offer(self) -> OfferView | None:
        return self._selected

    def shown_offers(self) -> list[OfferView]:
        """The offers the list shows for what is typed, in order."""
        return list(self._shown)

    def has_unpicked_text(self) -> bool:
        """Something is typed but no offer was picked for it (a search left half done)."""
        return self._selected is None and bool(self.search_field.text().strip())

    def select_slug(self, slug: str | None) -> bool:
        """Pick the offer ``slug`` (a correction starts from the earlier entry's offer);
        False where the catalogue no longer has it."""
        offer = next((o for o in self._offers if o.slug == slug), None)
        if offer is None:
            self.clear()
            return False
        self._show_matches("")
        self._pick(offer)
        return True

    def clear(self) -> None:
        self.search_field.clear()
        self._show_matches("")
        self._set_selected(None)

    # --- typing and picking ------------------------------------------------------------

    def _on_typed(self, text: str) -> None:
        self._set_selected(None)
        self._show_matches(text)

    def _show_matches(self, text: str) -> None:
        self._shown = [offer for offer in self._offers if offer_matches(offer, text)]
        self._lines.clear()
        for offer in self._shown:
            self._lines.appendRow(_line_item(offer))
        if self._shown and text.strip():
            self._highlight(0)

    def _highlight(self, row: int) -> None:
        index = self._lines.index(row, 0)
        self.match_list.setCurrentIndex(index)
        self.match_list.scrollTo(index)

    def _move_highlight(self, step: int) -> None:
        if not self._shown:
            return
        current = self.match_list.currentIndex()
        row = current.row() + step if current.isValid() else 0
        self._highlight(max(0, min(row, len(self._shown) - 1)))

    def _highlighted_offer(self) -> OfferView | None:
        current = self.match_list.currentIndex()
        return self._shown[current.row()] if current.isValid() else None

    def _on_clicked(self, index: QModelIndex) -> None:
        self._pick(self._shown[index.row()])

    def _pick(self, offer: OfferView) -> None:
        self.search_field.setText(shown_title(offer))  # setText: no textEdited, the pick stays
        if offer in self._shown:
            self._highlight(self._shown.index(offer))
        self._set_selected(offer)

    def _set_selected(self, offer: OfferView | None) -> None:
        if offer is self._selected:
            return
        self._selected = offer
        self.offer_changed.emit(offer)

    def _on_enter(self) -> bool:
        """Enter picks the highlighted offer; True where it did (the key is used up)."""
        highlighted = self._highlighted_offer()
        if highlighted is None or highlighted is self._selected:
            return False
        self._pick(highlighted)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down:
                self._move_highlight(1)
                return True
            if event.key() == Qt.Key.Key_Up:
                self._move_highlight(-1)
                return True
            if event.key() in ENTER_KEYS and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            ):
                return self._on_enter()
        return super().eventFilter(watched, event)

    def _fit_list_height(self) -> None:
        row = self.match_list.sizeHintForRow(0) if self._shown else -1
        if row <= 0:
            row = self.match_list.fontMetrics().height() + 4
        frame = 2 * self.match_list.frameWidth()
        self.match_list.setFixedHeight(row * VISIBLE_ROWS + frame)


def _line_item(offer: OfferView) -> QStandardItem:
    item = QStandardItem(offer_line(offer))
    item.setEditable(False)
    item.setToolTip(title_tooltip(offer) if offer.titles else offer.title)
    return item
