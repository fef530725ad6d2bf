"""Long names on a small screen: shortened with "…", the whole name in the tooltip.

Names are stored as written in the document and can be very long (a 200-character chain
of names is legal). Unshortened, one such name widens a label, a dialog or a window title
beyond a 1366×768 screen (issue 9). Two ways to shorten:

* :func:`elided` cuts a text to a number of characters, for window titles and for names
  inside sentences of wrapping labels, which cannot measure themselves;
* :class:`ElidedLabel` is a one-line label that shows as much as its width allows.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

ELLIPSIS = "…"
# A name of 40 characters stays whole in a title; 60 in a dialog's sentence (~420 px).
TITLE_CHARS = 40
NAME_CHARS = 60


def elided(text: str, limit: int = NAME_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters, the cut marked with "…"."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + ELLIPSIS


def full_text_tip(widget: QWidget, full: str, shown: str) -> None:
    """The whole text as tooltip where the widget shows it shortened."""
    widget.setToolTip(full if shown != full else "")


class ElidedLabel(QLabel):
    """One line, shortened with "…" to the label's width; the whole text in the tooltip.

    ``full_text()`` is what was set; ``text()`` is what is shown. The label asks for no
    more width than a few characters, so a long text never widens its window."""

    MIN_CHARS = 12

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setWordWrap(False)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.set_full_text(text)

    def full_text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setAccessibleDescription(text)
        self._fit()
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().averageCharWidth() * self.MIN_CHARS, hint.height())

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        wanted = metrics.horizontalAdvance(self._full) + 2 * self.margin() + 4
        most = metrics.averageCharWidth() * NAME_CHARS
        return QSize(min(wanted, most), super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = max(self.contentsRect().width() - 2 * self.margin(), 0)
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        if not self.isVisible():
            shown = elided(self._full)  # not laid out yet: a first guess until shown
        super().setText(shown)
        full_text_tip(self, self._full, shown)
