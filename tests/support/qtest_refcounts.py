"""Work around a reference-count bug in PySide6 6.12's QtTest bindings.

Each ``QTest.keyClick``/``keyPress``/``mouseClick``… call returns ``None`` without taking a
reference to it, and ``qWaitForWindowExposed``/``…Active`` return ``True``/``False`` the
same way. Python 3.11's ``None``/``True``/``False`` are ordinary reference-counted objects,
so after some ten thousand simulated key strokes their count reaches zero and the
interpreter aborts ("Fatal Python error: none_dealloc" or "bool_dealloc"), usually when
it shuts down after every test has passed.

The wrappers below measure, once, how many references one call of each function loses
(on a bare widget, where no Python code runs in between) and hand that many back after
every call by keeping them in a list. Where a PySide6 release fixes the bug, the measured
loss is zero and nothing is kept.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

_KEPT: list[object] = []  # the references handed back (never released on purpose)
_SINGLETONS = (None, True, False)

VOID_FUNCTIONS = (
    "keyClick",
    "keyClicks",
    "keyEvent",
    "keyPress",
    "keyRelease",
    "keySequence",
    "mouseClick",
    "mouseDClick",
    "mouseMove",
    "mousePress",
    "mouseRelease",
    "qWait",
)
BOOL_FUNCTIONS = ("qWaitForWindowExposed", "qWaitForWindowActive", "qWaitForWindowFocused")


def _counts() -> tuple[int, ...]:
    return tuple(sys.getrefcount(value) for value in _SINGLETONS)


def _lost_per_call(call: Callable[[], object]) -> tuple[int, ...]:
    calls = 50
    call()  # warm-up: first calls may create caches
    before = _counts()
    for _ in range(calls):
        call()
    after = _counts()
    return tuple(max(0, (b - a) // calls) for a, b in zip(after, before, strict=True))


def _balanced(original: Callable[..., Any], lost: tuple[int, ...]) -> Callable[..., Any]:
    @functools.wraps(original)
    def call(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        for value, count in zip(_SINGLETONS, lost, strict=True):
            # A bool function loses a reference to what it returned, not to both bools.
            if count and (value is None or value is result):
                _KEPT.extend([value] * count)
        return result

    return call


def install() -> None:
    """Wrap the QTest functions that lose references (needs a QApplication)."""
    if getattr(QTest, "_passapp_balanced", False):
        return
    app = QApplication.instance() or QApplication([])
    probe = QWidget()
    samples: dict[str, Callable[[], object]] = {
        "keyClick": lambda: QTest.keyClick(probe, Qt.Key.Key_A),
        "keyClicks": lambda: QTest.keyClicks(probe, "a"),
        "keyEvent": lambda: QTest.keyEvent(QTest.KeyAction.Click, probe, Qt.Key.Key_A),
        "keyPress": lambda: QTest.keyPress(probe, Qt.Key.Key_A),
        "keyRelease": lambda: QTest.keyRelease(probe, Qt.Key.Key_A),
        "keySequence": lambda: QTest.keySequence(probe, "A"),
        "mouseClick": lambda: QTest.mouseClick(probe, Qt.MouseButton.LeftButton),
        "mouseDClick": lambda: QTest.mouseDClick(probe, Qt.MouseButton.LeftButton),
        "mouseMove": lambda: QTest.mouseMove(probe),
        "mousePress": lambda: QTest.mousePress(probe, Qt.MouseButton.LeftButton),
        "mouseRelease": lambda: QTest.mouseRelease(probe, Qt.MouseButton.LeftButton),
        "qWait": lambda: QTest.qWait(0),
    }
    probe.show()
    for name in BOOL_FUNCTIONS:
        samples[name] = lambda name=name: getattr(QTest, name)(probe, 1)
    for name, sample in samples.items():
        original = getattr(QTest, name, None)
        if original is None:
            continue
        lost = _lost_per_call(sample)
        if any(lost):
            setattr(QTest, name, staticmethod(_balanced(original, lost)))
    probe.close()
    probe.deleteLater()
    del app
    QTest._passapp_balanced = True  # type: ignore[attr-defined]
