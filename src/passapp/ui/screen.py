"""Windows that fit the counter's screen: 1366×768 at 100, 125 or 150 % display scaling.

At 150 % that screen is 911×512 logical pixels, less the taskbar (40) and the window's
frame and title bar (about 16×40): a window has some 895×432 pixels for itself (issue 9).
So every window asks for its preferred size only as far as the screen's work area allows
(:func:`fit_to_screen`), and the fields of the taller forms scroll (:class:`ScrollingPane`)
while their buttons stay below, always in sight.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFrame, QLayout, QScrollArea, QWidget

# Frame and title bar of a window on Windows 10/11, in logical pixels at any scaling.
WINDOW_FRAME = QSize(16, 40)


def room_on_screen(widget: QWidget) -> QSize:
    """The largest size ``widget``'s window may have on its screen, frame included."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    work_area = screen.availableGeometry().size()
    return QSize(
        max(work_area.width() - WINDOW_FRAME.width(), 0),
        max(work_area.height() - WINDOW_FRAME.height(), 0),
    )


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Open ``window`` at ``width``×``height``, or as large as the screen allows."""
    room = room_on_screen(window)
    window.resize(min(width, room.width()), min(height, room.height()))


class ScrollingPane(QScrollArea):
    """A form's fields (or a panel), scrolled where the window is lower than they are; the field
    that gets the focus (Tab, an Alt letter, an error) is scrolled into sight."""

    def __init__(self, content: QWidget | QLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if isinstance(content, QLayout):
            holder = QWidget()
            holder.setLayout(content)
            content = holder
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)

    def minimumSizeHint(self) -> QSize:
        # As wide as the fields need (no sideways scrolling), as low as a few lines.
        content = self._content().minimumSizeHint()
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        return QSize(content.width() + scroll_bar, min(content.height(), 120))

    def sizeHint(self) -> QSize:
        content = self._content().sizeHint()
        return QSize(
            content.width() + self.verticalScrollBar().sizeHint().width(), content.height()
        )

    def _content(self) -> QWidget:
        content = self.widget()
        assert content is not None, "a ScrollingPane is made with its content"
        return content

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        content = self.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            self.ensureWidgetVisible(new)
