"""The last line of defence against a traceback on the counter: a refusal from the services
(a ``ServiceError`` such as ``PermissionDenied``) that escapes a slot is shown as its message
in the UI's language in a window-modal box, and logged; every other exception goes on to
the previous hook (Qt's default prints it).

Screens catch the refusals they expect; this catches the ones that come from stale state,
e.g. a shortcut that reaches a use case the account's role may not run.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from passapp.domain.errors import InputError
from passapp.services.errors import ServiceError
from passapp.ui import i18n

log = logging.getLogger(__name__)

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def show_refusal(error: ServiceError | InputError) -> QMessageBox:
    """The message in the UI's language over the active window (not blocking: opened, not exec'd)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("refusals", "Nicht möglich"),
        i18n.error_text(error),
        QMessageBox.StandardButton.Ok,
        QApplication.activeWindow(),
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def refusal_hook(previous: Hook) -> Hook:
    def hook(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> object:
        if isinstance(error, ServiceError | InputError):
            log.warning("refused: %s", error)
            show_refusal(error)
            return None
        return previous(kind, error, trace)

    return hook


def install() -> None:
    sys.excepthook = refusal_hook(sys.excepthook)
