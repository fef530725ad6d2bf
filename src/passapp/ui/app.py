"""Desktop entry point: ``passapp`` opens the configured database, ``--demo`` a fresh demo.

The start: :class:`Gate` (the opened database) → the set-up wizard on an empty database
(its last step made the first admin, who is then logged in) → the log-in window → the
main window, holding the account's :class:`Desk`. "Abmelden" closes the main window and
shows the log-in window again; closing the log-in window or the main window quits.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from passapp.services.desk import Desk, Gate
from passapp.services.errors import DatabaseUnavailable
from passapp.ui import i18n, refusals
from passapp.ui.backups import AutomaticBackups
from passapp.ui.login_dialog import LoginDialog
from passapp.ui.main_window import MainWindow
from passapp.ui.setup_wizard import SetupWizard
from passapp.ui.tasks import TaskRunner

translate = QCoreApplication.translate
# How long a warning of the app's own stays in the status bar.
WARNING_MS = 60_000


def open_gate(database: str | None, demo: bool) -> Gate:
    if demo:
        # A fresh office in a temporary folder: trying things never touches real data.
        return Gate.open_demo(Path(tempfile.mkdtemp(prefix="passapp-demo-")))
    return Gate.open(database)


def install_qt_german(app: QApplication) -> None:
    """Qt's own texts in German: file and print dialogs, "Strg" in shortcuts (the
    screenshot scripts show the German app)."""
    i18n.install_translations(app, "de")


def needs_setup(gate: Gate) -> bool:
    """The first start on an empty database leads through the set-up, and so does an
    installation set up before accounts existed (its first admin is still missing)."""
    return gate.setup_state().needs_office or not gate.has_accounts()


def run_setup(gate: Gate) -> Desk | None:
    """The set-up wizard before the main window: the first admin, logged in, or None if
    it was cancelled before anything was stored (the app then quits)."""
    tasks = TaskRunner()
    wizard = SetupWizard(gate, tasks)
    try:
        wizard.exec()
    finally:
        tasks.shutdown()
    return wizard.desk


class Counter(QObject):
    """One person after the other at this PC: log in, work, log out, the next logs in."""

    def __init__(self, app: QApplication, gate: Gate) -> None:
        super().__init__()
        self._app = app
        self._gate = gate
        self.window: MainWindow | None = None
        self.login: LoginDialog | None = None

    def show_login(self) -> LoginDialog:
        self.login = LoginDialog(self._gate)
        self.login.accepted.connect(self._on_logged_in)
        self.login.rejected.connect(self._app.quit)
        self.login.open()
        return self.login

    def _on_logged_in(self) -> None:
        login, self.login = self.login, None
        assert login is not None
        assert login.desk is not None
        self.show_window(login.desk)

    def show_window(self, desk: Desk) -> MainWindow:
        self._adopt(MainWindow(desk))
        assert self.window is not None
        self.window.show()
        return self.window

    def _adopt(self, window: QMainWindow) -> None:
        """``window`` is the one main window (the first, or one rebuilt in another language)."""
        assert isinstance(window, MainWindow)
        self.window = window
        window.logged_out.connect(self._on_logged_out)
        window.closed.connect(self._on_closed)
        window.replaced.connect(self._adopt)

    def _on_closed(self) -> None:
        """The window closed while logged in: the account's session ends with the app."""
        if self.window is not None:
            self.window.tasks.shutdown()
            self.window.desk.log_out()
        self._app.quit()

    def show_warning(self, message: str) -> None:
        """A warning of the app's own (a failed automatic backup) in the window's status bar."""
        if self.window is not None:
            self.window.statusBar().showMessage(message, WARNING_MS)

    def _on_logged_out(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            window.deleteLater()  # nothing of the last person stays in its widgets
        QTimer.singleShot(0, self.show_login)


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)  # scripts/make_icon.py draws them


def app_icon() -> QIcon:
    """The app's icon (``resources/icons``) in every size drawn, for windows and taskbar."""
    icon = QIcon()
    folder = resources.files("passapp.resources").joinpath("icons")
    for size in ICON_SIZES:
        with resources.as_file(folder.joinpath(f"passapp-{size}.png")) as path:
            icon.addFile(str(path), QSize(size, size))
    return icon


def run(database: str | None = None, demo: bool = False, language: str | None = None) -> int:
    """Start the desktop app; ``language`` ("de", "en") wins over the environment and the
    saved preference (see :func:`i18n.chosen_language`)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("passapp")
    app.setWindowIcon(app_icon())
    # The translators first: every widget takes its texts when it is built.
    i18n.install_translations(app, i18n.chosen_language(language))
    app.setApplicationDisplayName(translate("app", "Bildungs- und Beratungspass"))
    try:
        gate = open_gate(database, demo)
    except DatabaseUnavailable as error:
        QMessageBox.critical(None, translate("app", "Datenbank"), i18n.error_text(error))
        return 2
    refusals.install()  # a refusal that escapes a screen: its message, no traceback
    # Between the log-in window and the main window no window is open: Qt must not quit.
    app.setQuitOnLastWindowClosed(False)
    counter = Counter(app, gate)
    backups = AutomaticBackups(gate)
    backups.failed.connect(counter.show_warning)
    try:
        if needs_setup(gate):
            desk = run_setup(gate)
            if desk is None:
                return 0
            counter.show_window(desk)
        else:
            counter.show_login()
        return int(app.exec())
    finally:
        backups.at_close()  # never raises: quitting goes on
        gate.close()
        if demo and gate.output_folder is not None:
            # The demo office lives only as long as the app: no invented people and keys
            # pile up in the temporary folder.
            shutil.rmtree(gate.output_folder.parent, ignore_errors=True)


def main() -> None:
    sys.exit(run(demo="--demo" in sys.argv[1:]))
