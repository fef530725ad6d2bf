"""Mögliche Doppelte → "Zusammenführen …": one record of a pair survives (issue 11).

The admin chooses which record stays, gives a reason and ticks a sentence naming both
people; only then is "Zusammenführen" enabled. Enter never merges: Abbrechen is the
default button (:class:`~passapp.ui.erase_dialog.ConfirmingDialog`). The merge runs as
one ``Desk.merge_people`` call on the app's worker. Bad input (a reason the services turn
down) is shown in the dialog, which keeps what was typed; a refusal (one of the records
was erased or merged meanwhile) closes it with :attr:`refused`, and the screen reads its
list again.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from passapp.services.desk import Desk
from passapp.services.duplicates import DuplicatePair, RecordSide
from passapp.services.errors import InvalidInput
from passapp.services.merges import MergeResult
from passapp.ui.elide import NAME_CHARS, TITLE_CHARS, elided
from passapp.ui.erase_dialog import ConfirmingDialog
from passapp.ui.form_fields import day_text
from passapp.ui.sync_view import heading, label
from passapp.ui.tasks import TaskRunner

# A check box and a radio button do not wrap: the names in them are cut shorter than in a
# wrapping sentence, so the dialog fits a 1366×768 screen at 150 % with the longest names.
CHOICE_CHARS = 40
CONFIRM_CHARS = 28


def side_name(side: RecordSide, limit: int = NAME_CHARS) -> str:
    return elided(", ".join(p for p in (side.family_names, side.given_names) if p), limit)


class MergeDialog(ConfirmingDialog):
    merged = Signal(object)  # the services' MergeResult
    refused = Signal(object)  # the refusal (a ServiceError)

    def __init__(
        self, desk: Desk, tasks: TaskRunner, pair: DuplicatePair, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            tasks,
            self.tr("Zusammenführen – {name}").format(name=side_name(pair.first, TITLE_CHARS)),
            self.tr("&Zusammenführen"),
            parent,
        )
        self._desk = desk
        self._pair = pair
        self._busy = False
        self.body.addWidget(heading(self.tr("Zwei Einträge zusammenführen")))
        self.body.addWidget(
            label(
                self.tr(
                    "Der andere Eintrag bleibt erhalten, verweist aber auf den bleibenden und "
                    "erscheint in keiner Suche mehr. Pässe und Einträge beider zählen für die "
                    "Person; die Dienststellen erfahren es mit dem nächsten Datenaustausch."
                ),
                self.tr("Was das Zusammenführen bewirkt"),
            )
        )
        self.keep_first = QRadioButton(self._keep_text(pair.first))
        self.keep_second = QRadioButton(self._keep_text(pair.second))
        self.keep_first.setAccessibleName(self.tr("Eintrag 1 bleibt"))
        self.keep_second.setAccessibleName(self.tr("Eintrag 2 bleibt"))
        self.survivor_choice = QButtonGroup(self)
        for button in (self.keep_first, self.keep_second):
            self.survivor_choice.addButton(button)
            self.body.addWidget(button)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Begründung"))
        self.reason.setPlaceholderText(self.tr("z. B. gleicher Reisepass, zweimal erfasst"))
        form = QFormLayout()
        form.addRow(self.tr("&Begründung:"), self.reason)
        self.body.addLayout(form)
        self.confirmed = QCheckBox(
            self.tr("Ich habe geprüft: {first} und {second} sind dieselbe Person.").format(
                first=side_name(pair.first, CONFIRM_CHARS),
                second=side_name(pair.second, CONFIRM_CHARS),
            )
        )
        self.confirmed.setAccessibleName(self.tr("Zusammenführen bestätigen"))
        self.body.addWidget(self.confirmed)
        self.finish_layout()
        self.survivor_choice.buttonToggled.connect(lambda *_: self._enable())
        self.reason.textChanged.connect(self._enable)
        self.confirmed.toggled.connect(self._enable)
        self._enable()
        self.fit()

    def _keep_text(self, side: RecordSide) -> str:
        return self.tr("{name} ({office}, erfasst {day}) bleibt").format(
            name=side_name(side, CHOICE_CHARS),
            office=side.office_code,
            day=day_text(side.registered_on),
        )

    def reject(self) -> None:
        """Esc while the merge runs waits for it: the outcome is shown here."""
        if not self._busy:
            super().reject()

    def chosen(self) -> tuple[RecordSide, RecordSide] | None:
        """(duplicate, survivor) as chosen, or None."""
        if self.keep_first.isChecked():
            return self._pair.second, self._pair.first
        if self.keep_second.isChecked():
            return self._pair.first, self._pair.second
        return None

    def _enable(self) -> None:
        ready = self.chosen() is not None and bool(self.reason.text().strip())
        self.act_button.setEnabled(ready and self.confirmed.isChecked())

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        super().set_busy(busy)
        for widget in (self.keep_first, self.keep_second, self.reason, self.confirmed):
            widget.setEnabled(not busy)
        if not busy:
            self._enable()

    def act(self) -> None:
        choice = self.chosen()
        if choice is None or not self.act_button.isEnabled():
            return
        self.set_busy(True)
        duplicate, survivor = choice
        desk, reason = self._desk, self.reason.text()
        self._tasks.run(
            lambda _progress: desk.merge_people(duplicate.id, survivor.id, reason),
            self._done,
            self._failed,
        )

    def _done(self, result: MergeResult) -> None:
        self.set_busy(False)
        self.merged.emit(result)
        self.accept()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, InvalidInput):
            self.failed(error)  # the reason can be corrected here
            return
        self.set_busy(False)
        self.refused.emit(error)
        self.reject()
