"""A PDF shown inside the app: every page, fit to the width, one below the other.

The PySide6 wheels have no QtPdf, so the pages are rendered by pdfium
(:func:`passapp.ui.pdf_print.render_pages`), the same renderer that paints them where the
file cannot go to a CUPS queue as it is: the clerk sees the very file that goes to the
printer or is saved. The pages are rendered once at
screen resolution (about 100 dpi, a few hundredths of a second per page, so a pass of four
pages stays on the UI thread) and only scaled when the window changes size.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import QAbstractSlider, QLabel, QScrollArea, QVBoxLayout, QWidget

from passapp.ui.pdf_print import POINTS_PER_INCH, page_sizes, render_pages

log = logging.getLogger(__name__)

# Sharp enough to read on screen; finer only where the window is wider than a page at 100 dpi.
PREVIEW_DPI = 100
MAX_PREVIEW_DPI = 150
PAGE_GAP = 12  # pixels of grey between pages, so the sheets' edges are visible
# A pass page on screen is never narrower than this, however small the window.
MIN_PAGE_WIDTH = 200
# Rendering again costs a few hundredths of a second: only for a clearly sharper picture.
SHARPEN_FROM = 1.15
SCROLL_STEP = 40  # pixels per arrow key press


class PdfPreview(QWidget):
    """All pages of one PDF file in a scroll area; :meth:`load` shows a file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._images: list[QImage] = []
        self._labels: list[QLabel] = []
        self._dpi = PREVIEW_DPI
        self._widest = 0.0  # points: the widest page decides the resolution
        self._pages = QWidget()
        self._pages.setStyleSheet("background: #7a7a7a;")
        self._column = QVBoxLayout(self._pages)
        self._column.setSpacing(PAGE_GAP)
        self._column.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self.problem = QLabel()  # says why nothing is shown; empty when pages are shown
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Hinweis zur Vorschau"))
        self.problem.setStyleSheet("background: white; color: #b71c1c; padding: 12px;")
        self.problem.hide()
        self._column.addWidget(self.problem)
        self._column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self._pages)
        self.scroll_area.setWidgetResizable(True)
        # Always there, so showing it never narrows the pages and refits them in a loop.
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.scroll_area.verticalScrollBar().setSingleStep(SCROLL_STEP)
        self.scroll_area.setAccessibleName(self.tr("Vorschau"))
        self.scroll_area.setAccessibleDescription(
            self.tr("Pfeiltasten und Bild auf/ab blättern, Pos1 und Ende springen.")
        )
        self.scroll_area.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        self.setFocusProxy(self.scroll_area)
        self.setAccessibleName(self.tr("Vorschau"))

    @property
    def path(self) -> Path | None:
        """The file shown, or None before :meth:`load` or when it could not be read."""
        return self._path

    @property
    def page_count(self) -> int:
        return len(self._images)

    @property
    def dpi(self) -> int:
        """The resolution the pages were rendered at (before fitting them to the width)."""
        return self._dpi

    def page_image(self, index: int) -> QImage:
        """Page ``index`` as rendered from the file (unscaled)."""
        return self._images[index]

    def load(self, path: Path) -> None:
        """Show every page of the PDF at ``path``; an unreadable file is said in words."""
        import pypdfium2 as pdfium  # type: ignore[import-untyped]  # loads with the first PDF

        self._clear()
        try:
            self._widest = max((width for width, _height in page_sizes(path)), default=0.0)
            self._dpi = self._wanted_dpi()
            self._images = list(render_pages(path, self._dpi))
        except (pdfium.PdfiumError, OSError) as error:
            log.warning("cannot preview %s: %s", path, error)
            self._images = []
            self.problem.setText(
                self.tr(
                    "Die Vorschau kann nicht angezeigt werden: {file} ist kein lesbares PDF."
                ).format(file=path.name)
            )
            self.problem.show()
            return
        self._path = path
        for number in range(1, len(self._images) + 1):
            self._add_page_label(number)
        self._fit()
        self.scroll_area.verticalScrollBar().setValue(0)

    def _clear(self) -> None:
        for page in self._labels:
            self._column.removeWidget(page)
            page.deleteLater()
        self._labels = []
        self._images = []
        self._path = None
        self.problem.hide()

    def _add_page_label(self, number: int) -> None:
        page = QLabel()
        page.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        page.setAccessibleName(
            self.tr("Seite {number} von {count}").format(number=number, count=len(self._images))
        )
        # Before the stretch at the end, so the pages stay at the top.
        self._column.insertWidget(self._column.count() - 1, page)
        self._labels.append(page)

    def _wanted_dpi(self) -> int:
        """About 100 dpi, more where the widest page would otherwise be enlarged (blurred)."""
        if not self._widest:
            return PREVIEW_DPI
        needed = self._page_width() * self.devicePixelRatioF() * POINTS_PER_INCH / self._widest
        return min(MAX_PREVIEW_DPI, max(PREVIEW_DPI, math.ceil(needed)))

    def _sharpen(self) -> None:
        """Render again, finer, when the window has grown wider than the pages were made for."""
        wanted = self._wanted_dpi()
        if self._path is None or wanted <= self._dpi * SHARPEN_FROM:
            return
        import pypdfium2 as pdfium

        try:
            self._images = list(render_pages(self._path, wanted))
        except (pdfium.PdfiumError, OSError) as error:  # the file went away: keep what is shown
            log.warning("cannot render %s again: %s", self._path, error)
            return
        self._dpi = wanted

    def _page_width(self) -> int:
        return max(MIN_PAGE_WIDTH, self.scroll_area.viewport().width() - 2 * PAGE_GAP)

    def _fit(self) -> None:
        """Scale every page to the width of the visible area (sharp on high-dpi screens)."""
        self._sharpen()
        ratio = self.devicePixelRatioF()
        pixels = round(self._page_width() * ratio)
        for page, image in zip(self._labels, self._images, strict=True):
            pixmap = QPixmap.fromImage(
                image.scaledToWidth(pixels, Qt.TransformationMode.SmoothTransformation)
            )
            pixmap.setDevicePixelRatio(ratio)
            page.setPixmap(pixmap)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The type first: this runs for every event of the viewport, also while it is torn down.
        if event.type() == QEvent.Type.Resize and watched is self.scroll_area.viewport():
            self._fit()
        return super().eventFilter(watched, event)

    def turn_page(self, forward: bool = True) -> None:
        """Scroll one screenful on, or back (Bild ab / Bild auf from anywhere in a dialog)."""
        self.scroll_area.verticalScrollBar().triggerAction(
            QAbstractSlider.SliderAction.SliderPageStepAdd
            if forward
            else QAbstractSlider.SliderAction.SliderPageStepSub
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The scroll area handles arrows and page keys and passes Home and End on to here.
        bar = self.scroll_area.verticalScrollBar()
        if event.key() == Qt.Key.Key_Home:
            bar.setValue(bar.minimum())
        elif event.key() == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        else:
            super().keyPressEvent(event)
