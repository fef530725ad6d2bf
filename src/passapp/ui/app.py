"""Desktop entry point: ``passapp`` opens the configured database, ``--demo`` a fresh demo."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from passapp.services.context import ServiceContext, open_context
from passapp.services.demo import create_demo
from passapp.services.errors import DatabaseUnavailable
from passapp.services.setup import setup_state
from passapp.ui import i18n
from passapp.ui.main_window import MainWindow
from passapp.ui.setup_wizard import SetupWizard
from passapp.ui.tasks import TaskRunner

translate = QCoreApplication.translate


def build_context(database: str | None, demo: bool) -> ServiceContext:
    if demo:
        # A fresh district in a temporary folder: trying things never touches real data.
        folder = Path(tempfile.mkdtemp(prefix="passapp-demo-"))
        ctx = open_context(
            str(folder / "demo.sqlite3"),
            clerk="demo",
            passphrase=None,
            output_folder=folder / "pdf",
        )
        create_demo(ctx, folder)
        return ctx
    return open_context(database)


def install_qt_german(app: QApplication) -> None:
    """Qt's own texts in German: file and print dialogs, "Strg" in shortcuts (the
    screenshot scripts show the German app)."""
    i18n.install_translations(app, "de")


def needs_setup(ctx: ServiceContext, demo: bool) -> bool:
    """The first start on an empty database leads through the set-up (the demo is set up)."""
    return not demo and setup_state(ctx).needs_office


def run_setup(app: QApplication, ctx: ServiceContext) -> bool:
    """The set-up wizard before the main window; False if it was cancelled before anything
    was stored (the app then quits)."""
    tasks = TaskRunner()
    wizard = SetupWizard(ctx, tasks)
    # No window is left between the wizard and the main window: Qt must not quit there.
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    try:
        wizard.exec()
    finally:
        tasks.shutdown()
        app.setQuitOnLastWindowClosed(quit_on_close)
    return not setup_state(ctx).needs_office


def run(database: str | None = None, demo: bool = False, language: str | None = None) -> int:
    """Start the desktop app; ``language`` ("de", "en") wins over the environment and the
    saved preference (see :func:`i18n.chosen_language`)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("passapp")
    # The translators first: every widget takes its texts when it is built.
    i18n.install_translations(app, i18n.chosen_language(language))
    app.setApplicationDisplayName(translate("app", "Bildungs- und Beratungspass"))
    try:
        ctx = build_context(database, demo)
    except DatabaseUnavailable as error:
        QMessageBox.critical(None, translate("app", "Datenbank"), error.message_de)
        return 2
    if needs_setup(ctx, demo) and not run_setup(app, ctx):
        ctx.db.dispose()
        return 0
    window = MainWindow(ctx)
    window.show()
    try:
        return int(app.exec())
    finally:
        ctx.db.dispose()
        if demo and ctx.output_folder is not None:
            # The demo district lives only as long as the window: no invented people and
            # keys pile up in the temporary folder.
            shutil.rmtree(ctx.output_folder.parent, ignore_errors=True)


def main() -> None:
    sys.exit(run(demo="--demo" in sys.argv[1:]))
