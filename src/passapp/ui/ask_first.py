"""The question before a step that cannot simply be undone (disable an account, dismiss a
pair, take a decision back, take another value): "Abbrechen" is the default button and
Esc, so Enter on a question left unread changes nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_first(
    parent: QWidget,
    title: str,
    text: str,
    confirm: str,
    answered: Callable[[bool], None],
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> QMessageBox:
    """Open the question (window-modal, deleted when closed); ``answered(True)`` once the
    button ``confirm`` was clicked, ``answered(False)`` for Abbrechen, Esc or closing."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    confirm_button = box.addButton(confirm, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(
        QCoreApplication.translate("ask_first", "Abbrechen"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda _result: answered(box.clickedButton() is confirm_button))
    box.open()
    return box
