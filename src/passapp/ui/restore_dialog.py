"""Restore from the desktop app (issue 12, item 3): Verwaltung → Datensicherung →
"Wiederherstellen …".

The admin chooses a backup (from the folder's list, or any file), reads what happens, types
an admin account and password OF THE BACKUP and ticks a sentence. Only then: the file is
checked and the request audited while still logged in (``Desk.begin_restore``: a foreign
or damaged file is refused with nothing changed), the main window logs out and closes,
and :func:`run_restore` puts the backup in place on the backup worker (``Gate.restore``:
database closed, restored, reopened; on any failure the old one reopened, untouched). The
log-in window then says what happened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from passapp.services.backup import BACKUP_SUFFIX, BackupFile, Restored
from passapp.services.errors import ServiceError
from passapp.ui import i18n
from passapp.ui.form_fields import day_text
from passapp.ui.sync_view import ERROR_STYLE, HINT_STYLE, button_row, label

if TYPE_CHECKING:
    from passapp.services.desk import Desk, Gate
    from passapp.ui.backup_runner import BackupRunner

translate = QCoreApplication.translate


@dataclass(frozen=True)
class RestoreRequest:
    backup_file: Path
    account: str
    password: str = field(repr=False)


def backup_day(path: Path, listed: Sequence[BackupFile]) -> dt.date:
    """The backup's day: from its daily name, else the file's last change."""
    for found in listed:
        if found.path == path:
            return found.day
    return dt.date.fromtimestamp(path.stat().st_mtime)


class RestoreDialog(QDialog):
    """Choose a backup, say what happens, the backup's admin, a ticked sentence."""

    requested = Signal(object)  # the RestoreRequest, once checked and confirmed

    def __init__(
        self,
        desk: Desk,
        listed: Sequence[BackupFile],
        chosen: BackupFile | None = None,
        parent: QWidget | None = None,
        runner: BackupRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._listed = list(listed)
        self.backup_file: Path | None = None
        self.setWindowTitle(self.tr("Sicherung wiederherstellen"))
        self.backups = QListWidget()
        self.backups.setAccessibleName(self.tr("Sicherungen"))
        for found in self._listed:
            self.backups.addItem(
                self.tr("{day} – {name}").format(day=day_text(found.day), name=found.path.name)
            )
        self.backups.currentRowChanged.connect(self._on_row)
        other = QPushButton(self.tr("Andere &Datei …"))
        other.clicked.connect(self._choose_file)
        other.setAutoDefault(False)
        self.what_happens = label(accessible_name=self.tr("Was geschieht"), style=HINT_STYLE)
        self.account = QLineEdit()
        self.account.setAccessibleName(self.tr("Admin-Konto der Sicherung"))
        self.account.setMaxLength(64)
        self.password = QLineEdit()
        self.password.setAccessibleName(self.tr("Passwort der Sicherung"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        form = QFormLayout()
        form.addRow(self.tr("Admin-&Konto der Sicherung:"), self.account)
        form.addRow(self.tr("&Passwort:"), self.password)
        self.confirm = QCheckBox()
        self.confirm.setAccessibleName(self.tr("Bestätigung"))
        self.message = label(accessible_name=self.tr("Meldung"), style=ERROR_STYLE)
        self.restore_button = QPushButton(self.tr("&Wiederherstellen"))
        self.restore_button.clicked.connect(self.restore)
        # Enter on the untouched dialog restores nothing: no default button.
        self.restore_button.setAutoDefault(False)
        cancel = QPushButton(self.tr("Abbrechen"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        for changed in (self.account.textChanged, self.password.textChanged):
            changed.connect(self._update_button)
        self.confirm.toggled.connect(self._update_button)
        # A few rows are enough (newest first): the dialog fits a 1366×768 screen at 150 %.
        self.backups.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        choice_row = QHBoxLayout()
        choice_row.addWidget(QLabel(self.tr("Sicherung:")), 1)
        choice_row.addWidget(other)
        layout = QVBoxLayout(self)
        layout.addLayout(choice_row)
        layout.addWidget(self.backups, 1)
        layout.addWidget(self.what_happens)
        layout.addLayout(form)
        layout.addWidget(self.confirm)
        layout.addWidget(self.message)
        layout.addLayout(button_row(self.restore_button, cancel))
        if chosen is not None and chosen in self._listed:
            self.backups.setCurrentRow(self._listed.index(chosen))
        self._show_choice()
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.sizeHint().height())

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self._listed):
            self.choose(self._listed[row].path)

    def _choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Sicherung wählen"),
            str(self.backup_file.parent if self.backup_file else Path.home()),
            self.tr("passapp-Sicherungen (*{suffix});;Alle Dateien (*)").format(
                suffix=BACKUP_SUFFIX
            ),
        )
        if chosen:
            self.backups.clearSelection()
            self.choose(Path(chosen))

    def choose(self, path: Path) -> None:
        """``path`` is the backup to restore; what happens is said anew, the tick undone."""
        self.backup_file = path
        self.confirm.setChecked(False)
        self.message.clear()
        self._show_choice()

    def _show_choice(self) -> None:
        path = self.backup_file
        if path is None:
            self.what_happens.setText(self.tr("Bitte eine Sicherung wählen."))
            self.confirm.setText(self.tr("Ich habe verstanden, was geschieht."))
            self.confirm.setEnabled(False)
            self._update_button()
            return
        try:
            day = day_text(backup_day(path, self._listed))
        except OSError:
            day = "?"
        database = self._desk.database_name()
        self.what_happens.setText(
            self.tr(
                "Die Datenbank dieses PCs wird durch den Stand der Sicherung vom {day} "
                "ersetzt ({name}). Was seitdem hier erfasst wurde, geht verloren, außer es "
                "wurde schon an das Landratsamt gesendet. Die jetzige Datei bleibt als "
                "„{database}.<Datum>.replaced“ im selben Ordner erhalten. Die App meldet "
                "dabei ab; danach bitte neu anmelden.\n"
                "Anzugeben ist ein Admin-Konto, wie es in der Sicherung steht (das Passwort "
                "von damals)."
            ).format(day=day, name=path.name, database=database)
        )
        self.confirm.setText(
            self.tr(
                "&Ja, die Datenbank durch die Sicherung vom {day} ersetzen; Änderungen seitdem "
                "gehen verloren."
            ).format(day=day)
        )
        self.confirm.setEnabled(True)
        self._update_button()

    def _update_button(self) -> None:
        self.restore_button.setEnabled(
            self.backup_file is not None
            and self.confirm.isChecked()
            and bool(self.account.text().strip())
            and bool(self.password.text())
        )

    def restore(self) -> RestoreRequest | None:
        """Check the file (still logged in: a foreign one changes nothing) and hand the
        request on; the dialog closes."""
        if not self.restore_button.isEnabled() or self.backup_file is None:
            return None
        refused = self._check(self.backup_file)
        if refused is not None:
            self.message.setText(refused)
            return None
        request = RestoreRequest(
            self.backup_file, self.account.text().strip(), self.password.text()
        )
        self.password.clear()
        self.accept()
        self.requested.emit(request)
        return request

    def _check(self, backup_file: Path) -> str | None:
        """``Desk.begin_restore`` on the backup worker: its integrity check reads the whole
        file (9 s for a 250 MB district register on this machine), which must not freeze
        the window; a notice says what is waited for. The German refusal, or None."""
        desk = self._desk
        if self._runner is None:  # no worker (a dialog on its own): the check in this thread
            try:
                desk.begin_restore(backup_file)
            except ServiceError as error:
                return i18n.error_text(error)
            return None
        failures: list[Exception] = []
        self._runner.wait()  # a backup under way finishes first
        started = self._runner.run_cancellable(
            lambda progress: desk.begin_restore(backup_file, progress),
            lambda _none: None,
            failures.append,
        )
        if started is None:
            return self.tr("Eine Datensicherung läuft schon; bitte gleich noch einmal.")
        # From a USB stick the check takes a while; the admin may stop it (nothing changed).
        self._runner.wait(self.tr("Die Sicherung wird geprüft … bitte warten."), started.cancel)
        if not failures:
            return None
        failure = failures[0]
        if isinstance(failure, ServiceError):
            return i18n.error_text(failure)
        return self.tr("Die Sicherung ließ sich nicht prüfen: {reason}").format(reason=failure)


def result_line(done: Restored) -> str:
    """What the log-in window says after a restore (German, through the translators)."""
    made = done.manifest.made_at[:10] if done.manifest is not None else ""
    if made:
        first = translate(
            "restore", "Sicherung vom {day} zurückgespielt; neue Datenbank-Kennung {database_id}."
        ).format(day=_german_day(made), database_id=done.database_id)
    else:
        first = translate(
            "restore", "Sicherung zurückgespielt; neue Datenbank-Kennung {database_id}."
        ).format(database_id=done.database_id)
    lines = [first]
    if done.upgraded_from is not None:
        lines.append(
            translate("restore", "Sie wurde vom Stand {revision} aktualisiert.").format(
                revision=done.upgraded_from
            )
        )
    if done.erased_again:
        lines.append(
            translate("restore", "{count} seither gelöschte Personen erneut gelöscht.").format(
                count=done.erased_again
            )
        )
    if done.replaced is not None:
        lines.append(
            translate("restore", "Die bisherige Datei bleibt als {name} erhalten.").format(
                name=done.replaced.name
            )
        )
    lines.append(translate("restore", "Bitte neu anmelden."))
    return " ".join(lines)


def _german_day(iso_day: str) -> str:
    try:
        return day_text(dt.date.fromisoformat(iso_day))
    except ValueError:
        return iso_day


def run_restore(
    gate: Gate,
    runner: BackupRunner,
    request: RestoreRequest,
    then: Callable[[str, bool], None],
) -> None:
    """Put the backup in place on the backup worker (a backup under way finishes first),
    showing "Sicherung wird zurückgespielt …"; ``then(German line, failed)`` follows on
    the GUI thread, with the gate open again on the restored or the old database."""
    from passapp.ui.backup_runner import busy_notice

    runner.wait()
    notice = busy_notice(translate("restore", "Sicherung wird zurückgespielt … bitte warten."))

    def restored(done: Restored) -> None:
        notice.close()
        notice.deleteLater()
        then(result_line(done), False)

    def failed(error: Exception) -> None:
        notice.close()
        notice.deleteLater()
        reason = i18n.error_text(error) if isinstance(error, ServiceError) else str(error)
        then(
            translate(
                "restore", "Wiederherstellen fehlgeschlagen; die bisherige Datenbank gilt weiter: "
            )
            + reason,
            True,
        )

    started = runner.run(
        lambda: gate.restore(
            request.backup_file, account=request.account, password=request.password
        ),
        restored,
        failed,
    )
    assert started is not None, "the runner was waited for"
