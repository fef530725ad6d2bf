"""A chart drawn elsewhere (PNG bytes) shown as wide as its pane, or a line of text instead.

The PNG is drawn for the pane's width at the screen's pixel ratio; when the pane is resized
the picture is scaled down to the new width (never up: it would blur), keeping its
proportions. Taller charts scroll in the :class:`QScrollArea` that holds the view.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ChartView(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._picture: QPixmap | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setWordWrap(True)
        # The pane decides the width; the picture follows it (and never widens the window).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    @property
    def has_picture(self) -> bool:
        return self._picture is not None

    def show_png(self, png: bytes, pixel_ratio: float) -> None:
        picture = QPixmap()
        if not picture.loadFromData(png, "PNG"):
            raise ValueError("not a PNG picture")
        picture.setDevicePixelRatio(pixel_ratio)
        self._picture = picture
        self.setText("")
        self._fit()

    def show_text(self, text: str) -> None:
        self._picture = None
        self.clear()
        self.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._picture is None:
            return
        ratio = self._picture.devicePixelRatio()
        wanted = round(self.width() * ratio)
        if wanted <= 0 or wanted >= self._picture.width():
            self.setPixmap(self._picture)
            return
        scaled = self._picture.scaledToWidth(wanted, Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        self.setPixmap(scaled)
