"""Automatic backups of this PC's database (issue 12, item 3).

When the app closes, and once a day while it runs (nothing if today's backup exists), the
database is backed up into a folder of this PC (``services/backup.py``: one file a day,
``passapp-CODE-YYYY-MM-DD.passapp-backup``, replaced whole by a later one of the same day;
older than the set days deleted, never the newest). Folder and days are settings of the
PC (QSettings, like the screen-lock minutes), changed by an admin in Verwaltung →
Datensicherung. A failure (folder missing, disk full) is a German line in the status bar;
it never blocks quitting.

The daily backup and "Jetzt sichern" run on the app's one :class:`BackupRunner` (a worker
thread; never two at once), so the window stays responsive; log-out and quitting wait for
a running one behind a visible "Datensicherung läuft …". The backup at closing runs in the
GUI thread behind the same notice (DESIGN-NOTES, "Backups off the GUI thread"). The
dialog's "Wiederherstellen …" opens ``ui/restore_dialog.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Final, TypeVar

import platformdirs
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from passapp.services.backup import (
    DEFAULT_KEEP_DAYS,
    MAX_KEEP_DAYS,
    BackupFile,
    FolderBackup,
    list_backups,
)
from passapp.services.desk import Desk, Gate
from passapp.services.errors import ServiceError
from passapp.ui import i18n
from passapp.ui.backup_runner import BackupRunner, busy_notice
from passapp.ui.form_fields import day_text
from passapp.ui.restore_dialog import RestoreDialog
from passapp.ui.tasks import Task

T = TypeVar("T")

FOLDER_SETTING: Final = "backup/folder"
DAYS_SETTING: Final = "backup/keep_days"
# How often the app looks whether today's backup exists (the first look after a few
# minutes, so the start stays quick).
CHECK_INTERVAL_MS: Final = 60 * 60 * 1000
FIRST_CHECK_MS: Final = 5 * 60 * 1000


def default_folder() -> Path:
    return Path(platformdirs.user_data_dir("passapp", appauthor=False)) / "backups"


def backup_folder() -> Path:
    stored = str(i18n.settings().value(FOLDER_SETTING, "") or "")
    return Path(stored) if stored.strip() else default_folder()


def keep_days() -> int:
    try:
        days = int(str(i18n.settings().value(DAYS_SETTING, DEFAULT_KEEP_DAYS)))
    except ValueError:
        return DEFAULT_KEEP_DAYS
    return days if 1 <= days <= MAX_KEEP_DAYS else DEFAULT_KEEP_DAYS


def save_backup_settings(folder: Path, days: int) -> None:
    if not 1 <= days <= MAX_KEEP_DAYS:
        raise ValueError(f"keep days {days} outside 1..{MAX_KEEP_DAYS}")
    i18n.settings().setValue(FOLDER_SETTING, str(folder))
    i18n.settings().setValue(DAYS_SETTING, days)


def _reason(error: Exception) -> str:
    """Why a backup failed, in the UI's language (a full disk says its own words)."""
    if isinstance(error, ServiceError):
        return i18n.error_text(error)
    reason = getattr(error, "strerror", None) or str(error)
    return QCoreApplication.translate("backups", "Fehler beim Schreiben: {reason}").format(
        reason=reason
    )


class AutomaticBackups(QObject):
    """The app's own backups: :meth:`daily` by its timer (on the worker) and
    :meth:`at_close` (in the GUI thread, visibly: the app is quitting, no window is left to
    keep responsive, and a backup on a thread would race the interpreter's exit)."""

    failed = Signal(str)  # the warning for the status bar, in the UI's language
    made = Signal(str)  # the backup's file name

    def __init__(
        self, gate: Gate, runner: BackupRunner | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._gate = gate
        self.runner = runner or BackupRunner(self)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.daily)
        QTimer.singleShot(FIRST_CHECK_MS, self, self.daily)
        self.timer.start()

    def daily(self) -> Task[FolderBackup | None] | None:
        """Today's backup, if missing, on the worker; None if another job runs (the next
        look comes within the hour)."""
        folder, days = backup_folder(), keep_days()
        return self.runner.run(
            lambda: self._back_up(folder, days, only_if_missing=True),
            self._tell_made,
            self._tell_failed,
        )

    def at_close(self) -> FolderBackup | None:
        """Never raises: quitting goes on whatever happens here (the warning on stderr,
        no window is left to show it)."""
        self.timer.stop()
        self.runner.wait()  # a daily one under way is finished first, never torn
        notice = busy_notice(self.tr("Datensicherung läuft … bitte warten."))
        try:
            done = self._back_up(backup_folder(), keep_days(), only_if_missing=False)
        except Exception as error:
            self._tell_failed(error)
            return None
        finally:
            notice.close()
            notice.deleteLater()
        self._tell_made(done)
        return done

    def _back_up(self, folder: Path, days: int, *, only_if_missing: bool) -> FolderBackup | None:
        if self._gate.setup_state().needs_office:
            return None  # nothing set up yet: nothing to keep
        if folder == default_folder():
            folder.mkdir(parents=True, exist_ok=True)  # a chosen folder must exist
        return self._gate.automatic_backup(folder, days, only_if_missing=only_if_missing)

    def _tell_made(self, done: FolderBackup | None) -> None:
        if done is not None and done.made is not None:
            self.made.emit(done.made.path.name)
            self.runner.told.emit(
                self.tr("Datensicherung gespeichert: {name}").format(name=done.made.path.name)
            )

    def _tell_failed(self, error: Exception) -> None:
        message = self.tr("Datensicherung fehlgeschlagen: {reason}").format(reason=_reason(error))
        self.failed.emit(message)
        self.runner.told.emit(message)
        print(f"passapp: {message}", file=sys.stderr)


class BackupDialog(QDialog):
    """Verwaltung → Datensicherung: folder, days, "Jetzt sichern" (on the backup worker),
    the backups there, and "Wiederherstellen …" for an admin."""

    # The admin confirmed a restore (a RestoreRequest): the main window hands over.
    restore_requested = Signal(object)

    def __init__(
        self, desk: Desk, runner: BackupRunner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner or BackupRunner(self)
        self._found: list[BackupFile] = []
        self.setWindowTitle(self.tr("Datensicherung"))
        self.folder = QLineEdit(str(backup_folder()))
        self.folder.setAccessibleName(self.tr("Sicherungsordner"))
        choose = QPushButton(self.tr("Ordner &wählen …"))
        choose.clicked.connect(self._choose_folder)
        folder_row = QWidget()
        row = QHBoxLayout(folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        folder_label = QLabel(self.tr("&Ordner:"))
        folder_label.setBuddy(self.folder)
        self.days = QSpinBox()
        self.days.setRange(1, MAX_KEEP_DAYS)
        self.days.setValue(keep_days())
        self.days.setSuffix(self.tr(" Tage"))
        self.days.setAccessibleName(self.tr("Aufbewahren"))
        form = QFormLayout()
        form.addRow(folder_label, folder_row)
        form.addRow(self.tr("&Aufbewahren:"), self.days)
        self.backups = QListWidget()
        self.backups.setAccessibleName(self.tr("Vorhandene Sicherungen"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.back_up_now = QPushButton(self.tr("&Jetzt sichern"))
        self.back_up_now.clicked.connect(self.back_up)
        self.restore_button = QPushButton(self.tr("Wieder&herstellen …"))
        self.restore_button.clicked.connect(self.open_restore)
        self.restore_button.setVisible(desk.may("begin_restore"))
        actions = QHBoxLayout()
        actions.addWidget(self.back_up_now)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Beim Beenden und einmal täglich wird die Datenbank dieses PCs in den "
                "Ordner gesichert; ältere Sicherungen werden gelöscht, die neueste nie."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Vorhandene Sicherungen:")))
        layout.addWidget(self.backups, 1)
        layout.addWidget(self.status)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        self.show_backups()
        if desk.is_demo:
            # The settings are the PC's own (the real app's folder and days), and the
            # Desk refuses backups and restores of the demo; the dialog only shows.
            for widget in (self.folder, choose, self.days, self.back_up_now, self.restore_button):
                widget.setEnabled(False)
            buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            self.status.setText(
                self.tr(
                    "Demo: Die Beispieldaten werden weder gesichert noch durch eine "
                    "Sicherung ersetzt, und die Einstellungen dieses PCs bleiben, wie sie sind."
                )
            )
        # Wide enough for a folder path and a backup's name on one line.
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.sizeHint().height())

    def chosen_folder(self) -> Path:
        text = self.folder.text().strip()
        return Path(text) if text else default_folder()

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Sicherungsordner wählen"), str(self.chosen_folder())
        )
        if chosen:
            self.folder.setText(chosen)
            self.show_backups()

    def show_backups(self) -> None:
        self.backups.clear()
        self._found = list(reversed(list_backups(self.chosen_folder())))
        for found in self._found:
            self.backups.addItem(
                self.tr("{day} – {name} ({size} MB)").format(
                    day=day_text(found.day),
                    name=found.path.name,
                    size=i18n.number_text(found.size / 2**20, 1),
                )
            )

    def save(self) -> None:
        if self._desk.is_demo:
            return  # the Save button is off; Enter must not save either
        save_backup_settings(self.chosen_folder(), self.days.value())
        self.accept()

    def back_up(self) -> Task[FolderBackup] | None:
        """Today's backup now, on the backup worker; the dialog stays usable meanwhile and
        says when it is done (None: another backup is running, it says so)."""
        folder, days, desk = self.chosen_folder(), self.days.value(), self._desk

        def work() -> FolderBackup:
            if folder == default_folder():
                folder.mkdir(parents=True, exist_ok=True)
            return desk.backup_into_folder(folder, days)

        task = self._runner.run(work, self._made, self._failed)
        if task is None:
            self.status.setText(self.tr("Eine Datensicherung läuft schon; bitte warten."))
            return None
        self.back_up_now.setEnabled(False)
        self.status.setText(self.tr("Datensicherung läuft …"))
        return task

    def _made(self, done: FolderBackup) -> None:
        assert done.made is not None
        message = self.tr("Gesichert: {name}").format(name=done.made.path.name)
        self._runner.told.emit(message)
        if shiboken6.isValid(self):  # closed meanwhile: the status bar says it
            self.back_up_now.setEnabled(True)
            self.status.setText(message)
            self.show_backups()

    def _failed(self, error: Exception) -> None:
        message = self.tr("Datensicherung fehlgeschlagen: {reason}").format(reason=_reason(error))
        self._runner.told.emit(message)
        if shiboken6.isValid(self):
            self.back_up_now.setEnabled(True)
            self.status.setText(_reason(error))

    def selected_backup(self) -> BackupFile | None:
        row = self.backups.currentRow()
        return self._found[row] if 0 <= row < len(self._found) else None

    def open_restore(self) -> RestoreDialog:
        dialog = RestoreDialog(
            self._desk, self._found, self.selected_backup(), self, runner=self._runner
        )
        dialog.requested.connect(self.restore_requested)
        dialog.open()
        return dialog


def open_backup_dialog(
    desk: Desk, runner: BackupRunner | None = None, parent: QWidget | None = None
) -> BackupDialog:
    dialog = BackupDialog(desk, runner, parent)
    dialog.open()
    return dialog
