"""Desktop entry point: ``passapp`` opens the configured database, ``--demo`` a fresh demo.

The start: :class:`Gate` (the opened database) → the set-up wizard on an empty database
(its last step made the first admin, who is then logged in) → the log-in window → the
main window, holding the account's :class:`Desk`. "Abmelden" closes the main window and
shows the log-in window again; closing the log-in window or the main window quits.

The log-in window comes first, before the database is opened: this module imports only
Qt and the log-in window; the ORM, the services and the main window load after the log-in
window's first paint (:class:`Start`), while the clerk types.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from passapp.services.errors import DatabaseUnavailable
from passapp.ui import i18n, refusals
from passapp.ui.login_dialog import LoginDialog

if TYPE_CHECKING:  # loaded after the log-in window's first paint (see Start)
    from passapp.services.desk import Desk, Gate
    from passapp.ui.backup_runner import BackupRunner
    from passapp.ui.backups import AutomaticBackups
    from passapp.ui.main_window import MainWindow
    from passapp.ui.restore_dialog import RestoreRequest

translate = QCoreApplication.translate
# How long a warning of the app's own stays in the status bar.
WARNING_MS = 60_000


def open_gate(
    database: str | None, demo: bool, before_long_step: Callable[[str], None] | None = None
) -> Gate:
    from passapp.services.desk import Gate

    if demo:
        # A fresh office in a temporary folder: trying things never touches real data.
        return Gate.open_demo(Path(tempfile.mkdtemp(prefix="passapp-demo-")))
    return Gate.open(database, before_long_step=before_long_step)


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
    from passapp.ui.setup_wizard import SetupWizard
    from passapp.ui.tasks import TaskRunner

    tasks = TaskRunner()
    wizard = SetupWizard(gate, tasks)
    try:
        wizard.exec()
    finally:
        tasks.shutdown()
    return wizard.desk


class Counter(QObject):
    """One person after the other at this PC: log in, work, log out, the next logs in."""

    def __init__(self, app: QApplication, gate: Gate, backups: BackupRunner | None = None) -> None:
        from passapp.ui.backup_runner import BackupRunner

        super().__init__()
        self._app = app
        self._gate = gate
        # The one backup worker: the automatic backups', "Jetzt sichern"'s and a restore's.
        self.backups = backups or BackupRunner(self)
        self.window: MainWindow | None = None
        self.login: LoginDialog | None = None

    def show_login(self, notice: str = "", *, failed: bool = False) -> LoginDialog:
        """The log-in window, saying ``notice`` (a restore's outcome) if given."""
        login = self.watch(LoginDialog(self._gate))
        if notice:
            login.tell(notice, failed=failed)
        login.open()
        return login

    def watch(self, login: LoginDialog) -> LoginDialog:
        """``login`` is the log-in window: logging in shows the main window, quitting quits."""
        self.login = login
        login.accepted.connect(self._on_logged_in)
        login.rejected.connect(self._app.quit)
        return login

    def _on_logged_in(self) -> None:
        login, self.login = self.login, None
        assert login is not None
        assert login.desk is not None
        self.show_window(login.desk)

    def show_window(self, desk: Desk) -> MainWindow:
        from passapp.ui.main_window import MainWindow

        self._adopt(MainWindow(desk, self.backups))
        assert self.window is not None
        self.window.show()
        return self.window

    def _adopt(self, window: QMainWindow) -> None:
        """``window`` is the one main window (the first, or one rebuilt in another language)."""
        from passapp.ui.main_window import MainWindow

        assert isinstance(window, MainWindow)
        self.window = window
        window.logged_out.connect(self._on_logged_out)
        window.closed.connect(self._on_closed)
        window.replaced.connect(self._adopt)
        window.restore_requested.connect(self._on_restore_requested)

    def _on_restore_requested(self, request: RestoreRequest) -> None:
        """The window logged out and closed for a restore: the backup goes in place on the
        backup worker, then the log-in window says how it went (on any failure the old
        database is open again, as it was)."""
        from passapp.ui.restore_dialog import run_restore

        window, self.window = self.window, None
        if window is not None:
            window.deleteLater()  # nothing of the last session stays actionable
        run_restore(self._gate, self.backups, request, self._after_restore)

    def _after_restore(self, notice: str, failed: bool) -> None:
        self.show_login(notice, failed=failed)

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


def long_step_text(step: str) -> str:
    """Why the log-in window waits, once after an update (``models.database.LONG_STEPS``)."""
    if step == "upgrade":
        return translate(
            "app",
            "passapp wurde aktualisiert: Die Datenbank wird gesichert und angepasst. Das "
            "geschieht einmal und kann etwas dauern …",
        )
    return translate(
        "app",
        "passapp wurde aktualisiert: Das Suchverzeichnis wird neu aufgebaut. Das geschieht "
        "einmal und kann bei vielen Personen eine Weile dauern …",
    )


class Start(QObject):
    """The start after the log-in window's first paint: the database opened, then the
    set-up wizard (empty database) or the log-in window given the gate."""

    def __init__(
        self, app: QApplication, login: LoginDialog, database: str | None, demo: bool
    ) -> None:
        super().__init__()
        self._app, self._login = app, login
        self._database, self._demo = database, demo
        self.gate: Gate | None = None
        self.counter: Counter | None = None  # kept: its slots are the log-in's and window's
        self._backups: AutomaticBackups | None = None
        login.rejected.connect(app.quit)  # Esc before the database is open
        login.painted.connect(self.open)

    def open(self) -> None:
        from passapp.ui.backup_runner import BackupRunner
        from passapp.ui.backups import AutomaticBackups

        told: list[str] = []

        def say_long_step(step: str) -> None:
            told.append(step)
            self._login.tell(long_step_text(step))
            # Painted now: the step runs on this thread, the window cannot paint meanwhile.
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

        try:
            gate = self.gate = open_gate(self._database, self._demo, say_long_step)
        except DatabaseUnavailable as error:
            self._login.hide()
            QMessageBox.critical(None, translate("app", "Datenbank"), i18n.error_text(error))
            self._app.exit(2)
            return
        if told:
            self._login.tell("")
        self._login.rejected.disconnect(self._app.quit)
        runner = BackupRunner(self)
        counter = self.counter = Counter(self._app, gate, runner)
        self._backups = AutomaticBackups(gate, runner)
        self._backups.failed.connect(counter.show_warning)
        if not needs_setup(gate):
            self._login.attach(gate)
            counter.watch(self._login)
            return
        self._login.hide()
        desk = run_setup(gate)
        if desk is None:
            self._app.quit()
        else:
            counter.show_window(desk)

    def close(self) -> None:
        if self._backups is not None:
            self._backups.at_close()  # never raises: quitting goes on
        if self.gate is not None:
            self.gate.close()
            if self._demo and self.gate.output_folder is not None:
                # The demo office lives only as long as the app: no invented people and
                # keys pile up in the temporary folder.
                shutil.rmtree(self.gate.output_folder.parent, ignore_errors=True)


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
    refusals.install()  # a refusal that escapes a screen: its message, no traceback
    # Between the log-in window and the main window no window is open: Qt must not quit.
    app.setQuitOnLastWindowClosed(False)
    login = LoginDialog()  # before the database: the clerk can type at once
    start = Start(app, login, database, demo)
    login.open()
    try:
        return int(app.exec())
    finally:
        start.close()


def main() -> None:
    sys.exit(run(demo="--demo" in sys.argv[1:]))
