"""Verwaltung → "Neuen Schlüssel beantragen …" (issue 11, item 5): an office admin writes
a request for a new key, for a renewal before the old one ends or after the district
reported the key compromised (until now only ``passapp office request --new-key``).

The office's enrolled key vouches for the new one inside the request, so the district
enrols it without retiring anything by hand. The dialog says what happens, writes the
request into a chosen folder (a USB stick) on the app's worker, and then shows the file and
the new key's fingerprint for the phone call. Abbrechen is the default button: Enter on
the untouched dialog writes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from passapp.services.desk import Desk
from passapp.services.setup import WrittenRequest
from passapp.ui.erase_dialog import ConfirmingDialog
from passapp.ui.offices_screen import day, fixed_font
from passapp.ui.sync_view import ERROR_STYLE, NOTE_STYLE, heading, label
from passapp.ui.tasks import TaskRunner


class NewKeyDialog(ConfirmingDialog):
    written = Signal(object)  # WrittenRequest

    def __init__(self, desk: Desk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            tasks,
            self.tr("Neuen Schlüssel beantragen"),
            self.tr("Antrag &schreiben …"),
            parent,
        )
        self._desk = desk
        self._folder = desk.output_folder or Path.home()
        state = desk.setup_state()
        self.body.addWidget(heading(self.tr("Neuen Schlüssel beantragen")))
        self.warning = label(accessible_name=self.tr("Warnung"), style=ERROR_STYLE)
        if state.key_compromised_after is not None:
            self.warning.setText(
                self.tr(
                    "Das Landratsamt hat den Schlüssel dieser Dienststelle als kompromittiert "
                    "gemeldet (ab {day}). Bis ein neuer Schlüssel angemeldet ist, können hier "
                    "keine Pässe ausgestellt und keine Pakete exportiert werden."
                ).format(day=day(state.key_compromised_after))
            )
        self.warning.setVisible(bool(self.warning.text()))
        self.body.addWidget(self.warning)
        self.body.addWidget(
            label(
                self.tr(
                    "Der Antrag wird in einen Ordner geschrieben (z. B. einen USB-Stick). "
                    "Bringen Sie ihn zum Landratsamt; dort wird er angemeldet. Danach das "
                    "Zertifikatspaket hier einspielen (Verwaltung → Zertifikatspaket "
                    "einspielen …). Der bisherige Schlüssel bestätigt den neuen; Pässe, die er "
                    "schon signiert hat, bleiben gültig. Ein zweiter Antrag ersetzt den ersten."
                ),
                self.tr("Was der Antrag bewirkt"),
            )
        )
        self.written_note = label(accessible_name=self.tr("Geschriebener Antrag"), style=NOTE_STYLE)
        self.fingerprint = label(accessible_name=self.tr("Fingerabdruck des neuen Schlüssels"))
        self.fingerprint.setFont(fixed_font())
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.written_note)
        self.body.addWidget(self.fingerprint)
        self.finish_layout()
        self.fit()

    def act(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Ordner für den Antrag wählen (z. B. USB-Stick)"), str(self._folder)
        )
        if not chosen:
            return
        folder = self._folder = Path(chosen)
        desk = self._desk
        self.set_busy(True)
        self._tasks.run(
            lambda _progress: desk.write_enrolment_request_into(folder, new_key=True),
            self._done,
            self.failed,
        )

    def _done(self, written: WrittenRequest) -> None:
        """The dialog stays open with what to do next; only Schließen is left."""
        self.set_busy(False)
        self.message.clear()
        self.act_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Schließen"))
        self.written_note.setText(
            self.tr(
                "Antrag gespeichert: {path}\nBitte zum Landratsamt bringen und dort diesen "
                "Fingerabdruck am Telefon vergleichen:"
            ).format(path=written.path)
        )
        self.fingerprint.setText(written.fingerprint)
        self.written.emit(written)


def open_new_key_request(desk: Desk, tasks: TaskRunner, parent: QWidget) -> NewKeyDialog:
    dialog = NewKeyDialog(desk, tasks, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
