"""Person → "Einwilligung widerrufen …" and "Löschen nach Art. 17 …" (issue 10).

Both say first what will happen to the person's data, in the words a clerk can repeat to
the person, and run the service (``Desk.withdraw_consent``, ``Desk.erase_person``) on the
app's worker. Neither acts on Enter: Abbrechen is the default button, so an Enter typed
into the untouched dialog (or a scanner's trailing Enter) closes it and changes nothing.
The erasure further needs a reason and a ticked confirmation naming the person: a
deliberate act, and one that works for names in any script (typing an Arabic family name
back at a German keyboard would not). A refusal (another office's person, a reason too
short) is shown in the dialog, which stays open with what was typed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from passapp.services.desk import Desk
from passapp.services.erasure import Erasure
from passapp.services.overview import PersonOverview
from passapp.ui import i18n
from passapp.ui.elide import TITLE_CHARS, elided
from passapp.ui.screen import fit_to_screen
from passapp.ui.sync_view import ERROR_STYLE, HINT_STYLE, heading, label
from passapp.ui.tasks import TaskRunner


def person_name(overview: PersonOverview) -> str:
    person = overview.person
    return " ".join(part for part in (person.given_names, person.family_names) if part)


class ConfirmingDialog(QDialog):
    """Explanation, then the acting button beside Abbrechen, which is the default."""

    def __init__(
        self, tasks: TaskRunner, title: str, act_text: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.setWindowTitle(title)
        self.message = label(accessible_name=self.tr("Meldung"), style=ERROR_STYLE)
        self.buttons = QDialogButtonBox()
        self.act_button = QPushButton(act_text)
        self.act_button.setAccessibleName(act_text.replace("&", ""))
        self.cancel_button = QPushButton(self.tr("Abbrechen"))
        self.buttons.addButton(self.act_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        # Enter means Abbrechen wherever the focus is, never the acting button.
        self.act_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.act_button.clicked.connect(self.act)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)

    def finish_layout(self) -> None:
        self.body.addStretch(1)
        self.body.addWidget(self.message)
        self.body.addWidget(self.buttons)
        self.cancel_button.setFocus()

    def act(self) -> None:
        raise NotImplementedError

    def fit(self) -> None:
        """As wide as a sentence reads well, as high as the wrapped text needs."""
        width = 600
        fit_to_screen(self, width, self.body.heightForWidth(width))

    def set_busy(self, busy: bool) -> None:
        self.act_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        if busy:
            self.message.setStyleSheet(HINT_STYLE)
            self.message.setText(self.tr("Wird ausgeführt …"))

    def failed(self, error: Exception) -> None:
        self.set_busy(False)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(i18n.error_text(error))


class WithdrawConsentDialog(ConfirmingDialog):
    """The person withdraws consent: the identity no longer leaves this office."""

    withdrawn = Signal(object)  # the moment recorded (datetime)

    def __init__(
        self,
        desk: Desk,
        tasks: TaskRunner,
        overview: PersonOverview,
        parent: QWidget | None = None,
    ) -> None:
        name = person_name(overview)
        super().__init__(
            tasks,
            self.tr("Einwilligung widerrufen – {name}").format(name=elided(name, TITLE_CHARS)),
            self.tr("Einwilligung &widerrufen"),
            parent,
        )
        self._desk = desk
        self._person_id = overview.person.id
        self.body.addWidget(heading(self.tr("Einwilligung widerrufen")))
        self.explanation = label(
            self.tr(
                "{name} widerruft die Einwilligung in die Weitergabe der Daten "
                "(Art. 7 Abs. 3 DSGVO).\n\n"
                "• Name und Geburtstag verlassen diese Dienststelle nicht mehr: der nächste "
                "Datenaustausch überträgt nur anonyme Angaben, und das Landratsamt löscht "
                "Name und Geburtstag, die es schon hat.\n"
                "• Hier bleibt der Datensatz vollständig; Pass und Einträge bleiben gültig.\n"
                "• Eine neue Einwilligung kann später wieder erfasst werden."
            ).format(name=elided(name)),
            self.tr("Was der Widerruf bedeutet"),
        )
        self.body.addWidget(self.explanation)
        self.finish_layout()
        self.fit()

    def act(self) -> None:
        self.set_busy(True)
        desk, person_id = self._desk, self._person_id
        self._tasks.run(lambda _progress: desk.withdraw_consent(person_id), self._done, self.failed)

    def _done(self, moment: dt.datetime) -> None:
        self.set_busy(False)
        self.withdrawn.emit(moment)
        self.accept()


class EraseDialog(ConfirmingDialog):
    """Erasure under Art. 17 GDPR: reason, what happens, a ticked confirmation."""

    erased = Signal(object)  # the services' Erasure

    def __init__(
        self,
        desk: Desk,
        tasks: TaskRunner,
        overview: PersonOverview,
        parent: QWidget | None = None,
    ) -> None:
        name = person_name(overview)
        super().__init__(
            tasks,
            self.tr("Löschen nach Art. 17 – {name}").format(name=elided(name, TITLE_CHARS)),
            self.tr("Endgültig &löschen"),
            parent,
        )
        self._desk = desk
        self._person_id = overview.person.id
        self.body.addWidget(heading(self.tr("Löschen nach Art. 17 DSGVO")))
        self.explanation = label(self._what_happens(overview), self.tr("Was die Löschung bewirkt"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Begründung"))
        self.reason.setPlaceholderText(self.tr("z. B. Antrag der Person vom 02.12.2026"))
        self.confirmed = QCheckBox(
            self.tr("Ich habe den Antrag geprüft: {name} wird gelöscht.").format(name=elided(name))
        )
        self.confirmed.setAccessibleName(self.tr("Löschung bestätigen"))
        form = QFormLayout()
        form.addRow(self.tr("&Begründung:"), self.reason)
        self.body.addWidget(self.explanation)
        self.body.addLayout(form)
        self.body.addWidget(self.confirmed)
        self.finish_layout()
        self.reason.textChanged.connect(self._enable)
        self.confirmed.toggled.connect(self._enable)
        self._enable()
        self.fit()

    def _what_happens(self, overview: PersonOverview) -> str:
        active = [p.pass_number for p in overview.passes if p.active]
        passes = (
            self.tr("• Der gültige Pass {numbers} wird widerrufen.").format(
                numbers=", ".join(active)
            )
            if active
            else self.tr("• Die Person hat keinen gültigen Pass.")
        )
        return "\n".join(
            (
                self.tr(
                    "• Name, Tag und Monat der Geburt, Einreise und Kontakt werden hier "
                    "gelöscht, beim Landratsamt und bei anderen Stellen mit dem nächsten "
                    "Datenaustausch."
                ),
                passes,
                self.tr(
                    "• Einträge, Geburtsjahr, Geschlecht, Staatsangehörigkeit, Sprachen, "
                    "Gemeinde und das Bildungsprofil (Daten nur mit Jahr) bleiben ohne "
                    "Identität für die Statistik."
                ),
                self.tr("• Das lässt sich nicht rückgängig machen."),
            )
        )

    def _enable(self) -> None:
        self.act_button.setEnabled(self.confirmed.isChecked() and bool(self.reason.text().strip()))

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.reason.setEnabled(not busy)
        self.confirmed.setEnabled(not busy)
        if not busy:
            self._enable()

    def act(self) -> None:
        if not self.act_button.isEnabled():
            return
        self.set_busy(True)
        desk, person_id, reason = self._desk, self._person_id, self.reason.text()
        self._tasks.run(
            lambda _progress: desk.erase_person(person_id, reason), self._done, self.failed
        )

    def _done(self, erasure: Erasure) -> None:
        self.set_busy(False)
        self.erased.emit(erasure)
        self.accept()


def erasure_note(erasure: Erasure) -> str:
    """One line for the status bar after an erasure."""
    note = QCoreApplication.translate("erase_dialog", "Person gelöscht (Art. 17).")
    if erasure.revoked_passes:
        note += " " + QCoreApplication.translate("erase_dialog", "Widerrufen: {numbers}.").format(
            numbers=", ".join(erasure.revoked_passes)
        )
    if not erasure.wal_cleared:
        note += " " + QCoreApplication.translate(
            "erase_dialog",
            "Ein anderes Programm liest die Datenbank: bitte schließen, damit alte Kopien "
            "der Daten überschrieben werden.",
        )
    return note


def open_withdraw_consent(
    desk: Desk, tasks: TaskRunner, overview: PersonOverview, parent: QWidget
) -> WithdrawConsentDialog | None:
    if not desk.may("withdraw_consent"):
        return None
    dialog = WithdrawConsentDialog(desk, tasks, overview, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_erase(
    desk: Desk, tasks: TaskRunner, overview: PersonOverview, parent: QWidget
) -> EraseDialog | None:
    if not desk.may("erase_person"):
        return None
    dialog = EraseDialog(desk, tasks, overview, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
