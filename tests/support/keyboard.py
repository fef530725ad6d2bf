"""A clerk's keyboard for UI tests: types into whatever has the focus and counts the keys
that are not data (Tab, Space, Enter, shortcuts)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


class Keyboard:
    def __init__(self, qtbot: QtBot) -> None:
        self._qtbot = qtbot
        self.other_keys = 0

    @staticmethod
    def focus() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "no widget has the keyboard focus"
        return widget

    def type(self, text: str) -> None:
        self._qtbot.keyClicks(self.focus(), text)

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.other_keys += 1
        self._qtbot.keyClick(self.focus(), key, modifier)
