"""The test harness itself: simulated key strokes must not wear out None (PySide6 6.12)."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot


def test_many_key_strokes_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    before = sys.getrefcount(None)
    for _ in range(2000):
        QTest.keyClick(field, Qt.Key.Key_A)
    qtbot.keyClicks(field, "abc")
    assert sys.getrefcount(None) >= before
    assert field.text().endswith("aaaabc")
