"""The underlined Alt letters of a window, found in its labels and buttons, and where each
one should put the keyboard focus."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

# "&Vorname" → "V"; "&&" is a literal ampersand, not a mnemonic.
MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def letter_of(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).upper() if found else None


def focus_target(widget: QWidget) -> QWidget:
    """The widget that takes the focus for ``widget`` (its focus proxy, if any)."""
    while widget.focusProxy() is not None:
        widget = widget.focusProxy()
    return widget


def mnemonics(window: QWidget) -> list[tuple[str, QWidget, str]]:
    """(letter, the widget that should get the focus, the label text) for every visible
    label with a buddy and every visible button that carries an Alt letter."""
    found = []
    for label in window.findChildren(QLabel):
        letter = letter_of(label.text())
        if letter and label.isVisibleTo(window):
            buddy = label.buddy()
            assert buddy is not None, f"{label.text()!r} underlines a letter but has no field"
            if buddy.isEnabled():  # a disabled field (a level for "Beratung") takes no focus
                found.append((letter, focus_target(buddy), label.text()))
    for button in window.findChildren(QAbstractButton):
        letter = letter_of(button.text())
        if letter and button.isVisibleTo(window) and button.isEnabled():
            found.append((letter, focus_target(button), button.text()))
    return found
