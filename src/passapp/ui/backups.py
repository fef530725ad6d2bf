"""Automatic backups of this PC's database (issue 12, item 3).

When the app closes, and once a day while it runs (nothing if today's backup exists), the
database is backed up into a folder of this PC (``services/backup.py``: one file a day,
``passapp-CODE-YYYY-MM-DD.passapp-backup``, replaced whole by a later one of the same day;
older than the set days deleted, never the newest). Folder and days are settings of the
PC (QSettings, like the screen-lock minutes), changed by an admin in Verwaltung →
Datensicherung. A failure (folder missing, disk full) is a German line in the status bar;
it never blocks quitting.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Final

import platformdirs
from PySide6.QtCore import QObject, QTimer, Signal
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

from passapp.services.backup import DEFAULT_KEEP_DAYS, MAX_KEEP_DAYS, FolderBackup, list_backups
from passapp.services.desk import Desk, Gate
from passapp.services.errors import ServiceError
from passapp.ui import i18n

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


def _german(error: Exception) -> str:
    if isinstance(error, ServiceError):
        return error.message_de
    reason = getattr(error, "strerror", None) or str(error)
    return f"Fehler beim Schreiben: {reason}"


class AutomaticBackups(QObject):
    """The app's own backups: :meth:`at_close` and, by its timer, :meth:`daily`."""

    failed = Signal(str)  # the German warning for the status bar
    made = Signal(str)  # the backup's file name

    def __init__(self, gate: Gate, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._gate = gate
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.daily)
        QTimer.singleShot(FIRST_CHECK_MS, self, self.daily)
        self.timer.start()

    def daily(self) -> FolderBackup | None:
        return self._run(only_if_missing=True)

    def at_close(self) -> FolderBackup | None:
        """Never raises: quitting goes on whatever happens here (the warning on stderr,
        no window is left to show it)."""
        self.timer.stop()
        done = self._run(only_if_missing=False)
        return done

    def _run(self, *, only_if_missing: bool) -> FolderBackup | None:
        folder = backup_folder()
        try:
            if self._gate.setup_state().needs_office:
                return None  # nothing set up yet: nothing to keep
            if folder == default_folder():
                folder.mkdir(parents=True, exist_ok=True)  # a chosen folder must exist
            done = self._gate.automatic_backup(folder, keep_days(), only_if_missing=only_if_missing)
        except Exception as error:
            message = self.tr("Datensicherung fehlgeschlagen: {reason}").format(
                reason=_german(error)
            )
            self.failed.emit(message)
            print(f"passapp: {message}", file=sys.stderr)
            return None
        if done is not None and done.made is not None:
            self.made.emit(done.made.path.name)
        return done


class BackupDialog(QDialog):
    """Verwaltung → Datensicherung: folder, days, "Jetzt sichern", the backups there."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
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
        layout.addWidget(self.back_up_now)
        layout.addWidget(buttons)
        self.show_backups()
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
        for found in reversed(list_backups(self.chosen_folder())):
            self.backups.addItem(
                self.tr("{day} – {name} ({size} MB)").format(
                    day=found.day.strftime("%d.%m.%Y"),
                    name=found.path.name,
                    size=f"{found.size / 2**20:.1f}".replace(".", ","),
                )
            )

    def save(self) -> None:
        save_backup_settings(self.chosen_folder(), self.days.value())
        self.accept()

    def back_up(self) -> FolderBackup | None:
        folder = self.chosen_folder()
        try:
            if folder == default_folder():
                folder.mkdir(parents=True, exist_ok=True)
            done = self._desk.backup_into_folder(folder, self.days.value())
        except (ServiceError, OSError) as error:
            self.status.setText(_german(error))
            return None
        assert done.made is not None
        self.status.setText(self.tr("Gesichert: {name}").format(name=done.made.path.name))
        self.show_backups()
        return done


def open_backup_dialog(desk: Desk, parent: QWidget | None = None) -> BackupDialog:
    dialog = BackupDialog(desk, parent)
    dialog.open()
    return dialog
